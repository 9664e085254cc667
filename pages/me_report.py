"""รายงานติดตามและประเมินผล — the official M&E report: choose the fiscal year and round, write the
committee's text (analysts), download the report as PDF (to publish), DOCX (to edit), XLSX (its
tables) and PPTX (the council slides)."""

import streamlit as st

from tracker import auth, store
from tracker.report import me
from tracker.report.me import narrative as N
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui

ui.require_router()
ui.page_header("me.page.title")
st.write(ui.t("me.page.intro"))
plan = ui.plan()
fy_now, q_now = ui.period()
years = list(plan.fiscal_years) or [fy_now]

a, b, c, d = st.columns([1, 1.7, 0.7, 1])
fy = a.selectbox(ui.t("me.page.year"), years, index=years.index(fy_now) if fy_now in years else len(years) - 1,
                 format_func=ui.fy_label, key="me_fy")
kind = b.segmented_control(ui.t("me.page.round"), list(me.KINDS), default="annual", required=True, key="me_kind",
                           format_func=lambda k: ui.t(f"me.round.kind.{k}"))
quarter = c.selectbox(ui.t("me.page.quarter"), [1, 2, 3, 4], index=q_now - 1, key="me_q",
                      disabled=kind != "quarter")
lang = d.segmented_control(ui.t("me.page.language"), ["th", "en"], default=ui.lang(), key="me_lang",
                           format_func=lambda v: {"th": "ไทย", "en": "English"}[v], required=True)
rnd = me.parse(kind, fy, quarter)
st.markdown(f"**{ui.plain(ui.t('report.title'))} {ui.plain(rnd.title(ui.lang()))}**")

with ui.db() as conn:
    has_projects = fy in {y for y, _ in store.periods_with_data(conn)}
    texts = N.load(conn, rnd)
if not has_projects:
    st.info(ui.t("me.page.no_data"), icon=":material/info:")

for col, fmt_ in zip(st.columns(len(me.FORMATS)), me.FORMATS):
    col.download_button(
        ui.t(f"me.page.download_{fmt_}"), file_name=me.file_name(rnd, fmt_, lang), mime=me.MIME[fmt_],
        data=lambda f=fmt_: me.render_file(ui.db_path(), rnd, f, lang), on_click="ignore",
        key=f"me_dl_{fmt_}", icon=":material/download:", width="stretch")

st.subheader(ui.t("me.page.narrative"))
st.caption(ui.t("me.page.narrative_help"))
editable = ui_auth.allowed("narrative")
if not editable:
    st.caption(ui.t("me.page.read_only"))


def _area(section: str, strategy_no: int) -> str:
    """A text box for one section, filled with what is stored (or the default)."""
    stored = texts.text(section, strategy_no)
    value = stored if stored is not None else N.default_text(section, ui.lang()) if strategy_no == 0 else ""
    stamp = texts.stamp(section, strategy_no)
    help_ = ui.t("me.page.last_edit", who=auth.actor_label(stamp[0], ui.lang()), when=ui.when_label(stamp[1])) if stamp else None
    one_line = section in ("council_date", "posted_date")
    widget = st.text_input if one_line else st.text_area
    return widget(ui.t(f"me.field.{section}"), value=value, disabled=not editable, help=help_,
                  key=f"me_{rnd.fiscal_year}_{rnd.key}_{section}_{strategy_no}")


with st.form(f"me_text_{rnd.fiscal_year}_{rnd.key}"):
    edits: dict[tuple[str, int], str] = {}
    with st.expander(ui.t("me.page.report_part"), expanded=True):
        for section in N.REPORT_SECTIONS:
            edits[(section, 0)] = _area(section, 0)
    for number, strategy in plan.strategies.items():
        label = ui.t(f"level.{plan.levels.get('strategy', 'strategy')}_n", n=number)
        name = strategy.name.th if ui.lang() == "th" else strategy.name.en
        with st.expander(f"{label} {name}"):
            for section in N.STRATEGY_SECTIONS:
                edits[(section, number)] = _area(section, number)
    submitted = st.form_submit_button(ui.t("me.page.save"), icon=":material/save:", disabled=not editable)

if submitted and editable:
    done, n = ui.write(N.save_many, rnd, edits, user=ui.current_username())
    if done:
        st.success(ui.t("me.page.saved", n=n) if n else ui.t("me.page.unchanged"), icon=":material/check:")

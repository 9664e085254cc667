"""ภาพรวม — which goals are on track, where the money went, what needs attention (the default page)."""

import streamlit as st

from tracker import charts, fmt, rollup, store, tables, thai
from tracker import status as S
from tracker.status import missing
from tracker.tables import Column as Col
from tracker.ui import components as c
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
fy, q = ui.period()
th = rollup.thresholds_of()

ui.page_header("dash.overview_title")     # the data's date is in the sidebar, under the period
if not ui.load(store.has_any_data):
    c.empty_state("dash.no_data")
if not c.period_notice(ui.load(rollup.period_state, fy, q)):
    st.stop()          # a quarter that has not begun has no figures to show

goals = ui.load(rollup.goal_summary, fy, q)
tot = ui.load(rollup.totals, fy, q)
budget, proj = tot["budget"], tot["projects"]

att = ui.load(rollup.attention_items, fy, q)

# --- first screen (1366×768 without scrolling): how many goals on track and which, what is late,
# where the money went. Compact top: Streamlit's header space and title shrink on this page only.
st.html("""<style>
.block-container{padding-top:3.2rem}
.block-container h1{font-size:1.7rem;padding:.1rem 0 0}
[class*=st-key-goalcard] h2{font-size:1.5rem;padding:.05rem 0 .1rem;line-height:1.25}
[class*=st-key-goalcard] [data-testid=stMarkdownContainer]:has(h2){height:auto;overflow:visible;margin-bottom:.1rem}
[class*=st-key-goalcard] [data-testid=stCaptionContainer] p{font-size:.75rem;line-height:1.3;white-space:nowrap}
[class*=st-key-goalcard]{gap:.1rem;padding:.35rem .75rem}
.st-key-late{gap:.1rem}
.st-key-late [data-testid=stPageLink] p{white-space:normal;overflow:visible;text-overflow:clip}
</style>""")
# The layout first, then the money chart, then the rest: the browser fetches and parses Plotly's code (4.7 MB)
# only when a chart arrives, so it starts on that while the cards and the list are drawn.
kpi_row, cards_row = st.container(), st.container()
#: an item of "what is late" is one line of the box at 1366 wide: its name is cut between words with "…" (the
#: whole name in its tooltip and in the table below), never inside a word as the link would; in display cells
#: (Thai letters are wider than Latin ones). On a narrower screen the item wraps, between words.
LATE_CELLS = {"th": 34, "en": 40}
late, money_col = st.columns([2, 3], gap="medium")
with money_col:
    c.chart(ui.figure(charts.budget_by_goal, goals, lang, 270), key="ov_budget")

year_end = bool(goals["status"].isin(S.YEAR_END).any())     # a closed year reads achieved / not achieved
with kpi_row:
    k1, k2, k3, k4 = st.columns(4)
with k1:
    good = "achieved" if year_end else "on_track"
    c.kpi(ui.t("dash.goals_achieved" if year_end else "dash.goals_on_track"),
          f"{int((goals['status'] == good).sum())} / {len(goals)}", help=ui.t("dash.goals_on_track_help"))
with k2:
    c.kpi(ui.t("dash.attention_count"), f"{len(att):,}", help=ui.t("dash.attention_count_help"))
with k3:   # money in ล้านบาท, named in each label
    c.money_kpi(ui.t("dash.total_allocated"), budget["allocated"])
with k4:
    c.money_kpi(ui.t("dash.total_disbursed"), budget["disbursed"], delta=fmt.pct(tot["disbursement_rate"]),
                delta_color="off", delta_arrow="off", delta_description=ui.t("dash.of_allocated"))
if budget["unfunded_disbursed"] or budget["unfunded_committed"]:
    kpi_row.warning(ui.t("dash.unfunded_money", amount=fmt.baht(budget["unfunded_disbursed"], lang)),
                    icon=":material/report:")

cols = cards_row.columns(len(goals), gap="small") if len(goals) else []
for col, (_, g) in zip(cols, goals.iterrows()):
    with col:
        c.goal_card(g, lang, details=False)

with late.container(border=True, key="late"):
    st.markdown(f"**{ui.t('dash.attention')} ({len(att):,})**")
    if att.empty:
        st.caption(ui.t("dash.attention_none"))
    icons = {"off_track_indicator": ":material/cancel:", "not_started_late": ":material/schedule:",
             "low_disbursement": ":material/payments:"}
    for _, a in rollup.worst_first(att).head(4).iterrows():
        value = "" if missing(a["value"]) else f" · {fmt.pct(a['value'])}"
        st.page_link("pages/goal.py", query_params={"goal": str(int(a["goal_no"]))}, icon=icons[a["kind"]],
                     label=ui.words(thai.clip(f"{a['code']}{value} · {a['name_' + lang]}", LATE_CELLS[lang])),
                     help=ui.plain(a["name_" + lang]) + "\n\n" + ui.t(f"attention.kind.{a['kind']}") + " · "
                     + ui.t("dash.open_goal_n", n=int(a["goal_no"])))
    if len(att) > 4:
        st.caption(ui.t("dash.attention_more", n=len(att) - 4))

# --- below the first screen: scores, project status, history ------------------------------------
c.chart(ui.figure(charts.goal_scores, goals, lang, th), key="ov_scores")
c.chart(ui.figure(charts.project_status, goals, lang), key="ov_pstatus")
c.chart(ui.figure(charts.score_history, ui.load(rollup.goal_score_history), goals, lang, th), key="ov_history")

# --- needs attention -------------------------------------------------------------------------
st.subheader(ui.t("dash.attention"))
st.caption(ui.t("dash.attention_help", share=fmt.pct(th["low_disbursement_share_of_pace"], 0)))
if att.empty:
    c.empty_state("dash.attention_none")
else:
    c.table_model(tables.attention_table(att, lang), name=f"attention-{fy}-Q{q}", key="ov_att",
                  show=["kind", "code", "name", "measure", "value", "reference", "detail"], static=c.SMALL_TABLE)

st.subheader(ui.t("plan.goals"))
c.table(goals.assign(coverage_text=[fmt.figure("share", (a, d), lang=lang) if d else None
                                    for a, d in zip(goals["assessed"], goals["due"])]),
        [Col("goal_no", "dash.col.goal", "int"), Col(f"short_{lang}", "dash.col.name"),
         Col("score", "dash.col.score", "pct"), Col("coverage_text", "dash.col.coverage"),
         Col("status", "dash.col.status", "status"), Col("funded", "dash.col.funded", "int"),
         Col("completed", "pstatus.completed", "int"), Col("allocated", "dash.col.allocated", "money"),
         Col("disbursed", "dash.col.disbursed", "money"),
         Col("disbursement_rate", "dash.col.disbursement_rate", "pct")],
        name=f"goals-{fy}-Q{q}", key="ov_goals",
        show=["goal_no", f"short_{lang}", "score", "coverage_text", "status", "funded", "completed", "allocated",
              "disbursed",
              "disbursement_rate"], static=True)
st.subheader(ui.t(c.level_label("strategy")))
c.group_table(ui.load(rollup.budget_by, fy, q, "strategy"), "strategy", name=f"strategies-{fy}-Q{q}", key="ov_strat",
              static=True)
c.method_link()

"""ตัวชี้วัด — every indicator with its status (filter by goal and status), and one indicator's
detail: definition, unit, source, owner, baseline, targets, every reported value with its batch."""

import streamlit as st

from tracker import charts, fmt, rollup
from tracker import status as S
from tracker.tables import Column as Col
from tracker.ui import components as c
from tracker.i18n import t
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
fy, q = ui.period()
plan = ui.plan()

ui.page_header("ind.title")
f1, f2 = st.columns(2)
goals = f1.multiselect(ui.t("ind.filter_goal"), list(plan.goals), key="ind_goals", placeholder=ui.t("dash.filter_all"),
                       format_func=lambda g: t("dash.goal_n_short", lang, n=g, name=plan.goals[g].short.get(lang)))
statuses = f2.multiselect(ui.t("ind.filter_status"), list(S.STATUSES), key="ind_status", placeholder=ui.t("dash.filter_all"),
                          format_func=lambda s: fmt.status(s, lang))

begun = c.period_notice(ui.load(rollup.period_state, fy, q))
ind = ui.load(rollup.indicator_table, fy, q)
shown = rollup.filter_indicators(ind, goals=goals, statuses=statuses)
if shown.empty:
    c.empty_state("ind.none_match")
elif begun:
    c.table(shown, c.indicator_columns(lang), name=f"indicators-{fy}-Q{q}", key="ind_all",
            show=["code", f"name_{lang}", f"unit_{lang}", "start", "expected", "actual", "ratio", "status"],
            static=c.SMALL_TABLE)

# --- one indicator ---------------------------------------------------------------------------
st.subheader(ui.t("ind.detail"))
codes = list(shown["code"]) or list(plan.indicators)
code = st.selectbox(ui.t("ind.choose"), codes, key="ind_code",
                    format_func=lambda k: f"{k} {plan.indicators[k].name.get(lang)}")
i = plan.indicators[code]
row = ind.set_index("code").loc[code]
st.markdown(f"#### {code} · {i.name.get(lang)}")
st.markdown(c.status_badge(row["status"]))
left, right = st.columns([3, 2])
with left:
    st.markdown(f"**{ui.t('dash.col.definition')}:** {i.definition.get(lang)}")
    st.markdown(f"**{ui.t('col.unit')}:** {i.unit.get(lang)} · **{ui.t('col.direction')}:** "
                f"{ui.t('direction.' + i.direction)} · **{ui.t('col.aggregation')}:** "
                f"{ui.t('aggregation.' + i.aggregation)} · **{ui.t('col.frequency')}:** {ui.t('frequency.' + i.frequency)}")
    st.markdown(f"**{ui.t('dash.col.source')}:** {i.source.get(lang)}")
    owner = plan.departments.get(i.owner)
    st.markdown(f"**{ui.t('col.owner')}:** {owner.name.get(lang) if owner else i.owner}")
    unit = i.unit.get(lang)
    base = fmt.figure("value", i.baseline_value, lang=lang, unit=unit)
    st.markdown(f"**{ui.t('col.baseline')}:** {base}" + (f" ({i.baseline_fy})" if i.baseline_fy else "")
                + f" · **{ui.t('dash.col.start')}:** {fmt.figure('value', row['start'], lang=lang, unit=unit)}")
    if i.profile:
        st.markdown(f"**{ui.t('ind.profile')}:** " + " · ".join(
            f"{ui.t('dash.col.quarter')} {k}: {fmt.pct(share)}" for k, share in enumerate(i.profile, 1)))
with right:
    if row["assessed"]:
        c.kpi(f"{ui.t('dash.col.actual')} ({unit})", fmt.figure("value", row["actual"], lang=lang),
              help=ui.t("ind.kpi_help"), delta=fmt.pct(row["ratio"]), delta_color="off", delta_arrow="off",
              delta_description=ui.t("dash.col.ratio"))
    else:
        c.kpi(f"{ui.t('dash.col.last_value')} ({unit})", fmt.figure("value", row["last_value"], lang=lang),
              help=ui.t("ind.not_assessed_help"))
    st.markdown(f"**{ui.t('dash.col.expected')}:** {fmt.figure('value', row['expected'], lang=lang, unit=unit)}"
                f" · **{ui.t('col.target')}:** {fmt.figure('value', row['target'], lang=lang, unit=unit)}")
    if row["worse_than_start"]:
        st.caption(ui.t("ind.worse_than_start"))
    st.markdown(f"**{ui.t('ind.targets')}:** " + " · ".join(f"{y}: {fmt.number(v)}" for y, v in sorted(i.targets.items())))

hist = ui.load(rollup.indicator_history)
c.chart(ui.figure(charts.indicator_trend, hist[hist["code"] == code], lang, ui.t("goal.trend"), i.unit.get(lang)), key="ind_trend")

st.markdown(f"**{ui.t('ind.values')}**")
values = ui.load(rollup.indicator_values, code)
if values.empty:
    c.empty_state("goal.no_history")
else:
    values = values.assign(created_at=values["created_at"].map(ui.when_label))   # Bangkok time, Buddhist Era in Thai
    c.table(values, [Col("fiscal_year", "dash.col.fiscal_year"), Col("quarter", "dash.col.quarter", "int"),
                     Col("value", "dash.col.value", "num"), Col("note", "dash.col.note"),
                     Col("batch_id", "dash.col.batch", "int"), Col("file_name", "dash.col.file"),
                     Col("created_at", "dash.col.imported_at")],
            name=f"{code}-values", key="ind_values",
            show=["fiscal_year", "quarter", "value", "note", "file_name", "created_at"],
            static=c.SMALL_TABLE)
c.method_link()

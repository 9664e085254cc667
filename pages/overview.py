"""ภาพรวม — which goals are on track, where the money went, what needs attention (the default page)."""

import streamlit as st

from tracker import charts, fmt, rollup, store
from tracker.tables import Column as Col
from tracker.ui import components as c
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
fy, q = ui.period()
th = rollup.thresholds_of(ui.plan().thresholds)

ui.page_header("dash.overview_title")
as_of = ui.load(store.data_as_of)
st.caption(ui.t("dash.as_of", when=ui.when_label(as_of)) if as_of else ui.t("sidebar.no_data_yet"))
if not ui.load(store.has_any_data):
    c.empty_state("dash.no_data")

goals = ui.load(rollup.goal_summary, fy, q)
tot = ui.load(rollup.totals, fy, q)
budget, proj = tot["budget"], tot["projects"]

# --- headline: the three questions an executive asks ----------------------------------------
# units sit in the labels so every value is short and whole at 1280 px
money = c.money_unit(budget["allocated"], budget["disbursed"])
k1, k2, k3, k4 = st.columns(4)
with k1:
    c.kpi(ui.t("dash.goals_on_track"), f"{int((goals['status'] == 'on_track').sum())} / {len(goals)}")
with k2:
    c.money_kpi(ui.t("dash.total_allocated"), budget["allocated"], money)
with k3:
    rate = budget["disbursed"] / budget["allocated"] if budget["allocated"] else None
    c.money_kpi(ui.t("dash.total_disbursed"), budget["disbursed"], money, delta=fmt.pct(rate), delta_color="off",
                delta_arrow="off", delta_description=ui.t("dash.of_allocated"))
with k4:
    c.kpi(ui.t("dash.total_completed"), f"{proj['completed']:,} / {proj['funded']:,}",
          help=ui.t("dash.projects_done"))

# --- goal cards: score large and whole, status as icon + word + colour, then the small facts ------
cols = st.columns(len(goals), gap="small") if len(goals) else []
for col, (_, g) in zip(cols, goals.iterrows()):
    with col:
        c.goal_card(g, lang)

# --- charts: bars by goal are horizontal with the goal names on the y axis -----------------------
c.chart(ui.figure(charts.goal_scores, goals, lang, th), key="ov_scores")
left, right = st.columns(2)
with left:
    c.chart(ui.figure(charts.project_status, goals, lang), key="ov_pstatus")
with right:
    c.chart(ui.figure(charts.budget_by_goal, goals, lang), key="ov_budget")
c.chart(ui.figure(charts.score_history, ui.load(rollup.goal_score_history), goals, lang, th), key="ov_history")

# --- needs attention -------------------------------------------------------------------------
st.subheader(ui.t("dash.attention"))
st.caption(ui.t("dash.attention_help", share=fmt.pct(th["low_disbursement_share_of_pace"], 0)))
att = ui.load(rollup.attention_items, fy, q)
if att.empty:
    c.empty_state("dash.attention_none")
else:
    att = att.assign(kind=att["kind"].map(lambda k: ui.t(f"dash.attention.{k}")))
    c.table(att, [Col("kind", "dash.col.kind"), Col("goal_no", "dash.col.goal", "int"),
                  Col("code", "col.code"), Col(f"name_{lang}", "dash.col.name", "name"),
                  Col("value", "dash.col.measured", "pct"), Col("reference", "dash.col.reference", "pct")],
            name=f"attention-{fy}-Q{q}", key="ov_att",
            show=["kind", "code", f"name_{lang}", "value", "reference"])

st.subheader(ui.t("plan.goals"))
c.table(goals, [Col("goal_no", "dash.col.goal", "int"), Col(f"short_{lang}", "dash.col.name"),
                Col("score", "dash.col.score", "pct"), Col("status", "dash.col.status", "status"),
                Col("funded", "dash.col.funded", "int"), Col("completed", "pstatus.completed", "int"),
                Col("allocated", "dash.col.allocated", "money"), Col("disbursed", "dash.col.disbursed", "money"),
                Col("disbursement_rate", "dash.col.disbursement_rate", "pct")],
        name=f"goals-{fy}-Q{q}", key="ov_goals",
        show=["goal_no", f"short_{lang}", "score", "status", "allocated", "disbursed", "disbursement_rate"])
c.method_link()

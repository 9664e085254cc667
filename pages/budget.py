"""งบประมาณ — planned vs allocated vs committed vs disbursed per goal and per department; cumulative
disbursement by quarter against an even pace; plan funding rate; development and welfare apart."""

import streamlit as st

from tracker import charts, fmt, rollup
from tracker.tables import Column as Col
from tracker.ui import components as c
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
fy, q = ui.period()

ui.page_header("budget.title")
if not c.period_notice(ui.load(rollup.period_state, fy, q)):
    st.stop()          # a quarter that has not begun has no money spent to show
goals = ui.load(rollup.goal_summary, fy, q)
tot = ui.load(rollup.totals, fy, q)
b, p = tot["budget"], tot["projects"]
if p["in_plan"] == 0:
    c.empty_state("dash.no_data_period")

# the cards' place first, then the first chart, then the cards: the browser starts on Plotly's code (4.7 MB,
# fetched when a chart arrives) while it draws the rest
kpi_row = st.container()
st.subheader(ui.t("budget.by_goal"))
c.chart(ui.figure(charts.budget_by_goal, goals, lang), key="bud_goal")
with kpi_row:
    k1, k2, k3, k4 = st.columns(4)
with k1:
    c.money_kpi(ui.t("money.planned"), b["planned"])
with k2:
    c.money_kpi(ui.t("money.allocated"), b["allocated"])
with k3:
    c.money_kpi(ui.t("money.disbursed"), b["disbursed"], delta=fmt.pct(tot["disbursement_rate"]), delta_color="off",
                delta_arrow="off", delta_description=ui.t("dash.of_allocated"))
with k4:
    c.kpi(ui.t("budget.funding_rate"), fmt.pct(p["funded"] / p["in_plan"] if p["in_plan"] else None),
          help=ui.t("budget.funding_rate_help"), delta=f"{p['funded']:,} / {p['in_plan']:,}", delta_color="off",
          delta_arrow="off", delta_description=ui.t("dash.col.funded"))
if b["unfunded_disbursed"] or b["unfunded_committed"]:
    kpi_row.warning(ui.t("dash.unfunded_money", amount=fmt.baht(b["unfunded_disbursed"], lang)), icon=":material/report:")

MONEY = [Col("planned", "dash.col.planned", "money"), Col("allocated", "dash.col.allocated", "money"),
         Col("committed", "dash.col.committed", "money"), Col("disbursed", "dash.col.disbursed", "money"),
         Col("disbursement_rate", "dash.col.disbursement_rate", "pct")]

c.table(goals, [Col("goal_no", "dash.col.goal", "int"), Col(f"short_{lang}", "dash.col.name"),
                Col("in_plan", "dash.col.in_plan", "int"), Col("funded", "dash.col.funded", "int"),
                Col("funding_rate", "dash.col.funding_rate", "pct"), *MONEY],
        name=f"budget-by-goal-{fy}-Q{q}", key="bud_goal_t",
        show=["goal_no", f"short_{lang}", "planned", "allocated", "disbursed", "disbursement_rate"], static=True)

st.subheader(ui.t("budget.by_plan"))
st.caption(ui.t("budget.by_plan_help"))
levels = {d: ui.t(c.level_label(d)) for d in ("strategy", "tactic", "programme")}
level = st.segmented_control(ui.t("budget.group_by"), list(levels), default="strategy", key="bud_level",
                             format_func=levels.get) or "strategy"
by_plan = ui.load(rollup.budget_by, fy, q, level)
c.chart(ui.figure(charts.budget_bars, by_plan, c.group_labels(by_plan, level), lang, levels[level]), key="bud_plan")
c.group_table(by_plan, level, name=f"budget-by-{level}-{fy}-Q{q}", key="bud_plan_t", static=True)

st.subheader(ui.t("budget.pace"))
st.caption(ui.t("budget.pace_help"))
c.chart(ui.figure(charts.disbursement_pace, ui.load(rollup.disbursement_by_quarter, fy), lang), key="bud_pace")

st.subheader(ui.t("budget.by_department"))
dep = ui.load(rollup.budget_by_department, fy, q)
c.chart(ui.figure(charts.budget_bars, dep, list(dep[f"name_{lang}"]), lang, ui.t("budget.by_department")), key="bud_dep")
if not dep.empty:
    c.table(dep, [Col(f"name_{lang}", "dash.col.department"), Col("projects", "dash.col.projects", "int"),
                  Col("funded", "dash.col.funded", "int"), *MONEY],
            name=f"budget-by-department-{fy}-Q{q}", key="bud_dep_t",
            show=[f"name_{lang}", "projects", "planned", "allocated", "disbursed", "disbursement_rate"], static=True)

st.subheader(ui.t("budget.welfare_apart"))
st.caption(ui.t("budget.welfare_help"))
split = ui.load(rollup.welfare_split, fy, q)
names = {"development": ui.t("dash.col.dev"), "welfare": ui.t("dash.col.welfare"), "total": ui.t("report.total")}
split = split.assign(kind=split["kind"].map(names))
c.table(split, [Col("kind", "budget.kind"), Col("projects", "dash.col.projects", "int"),
                Col("funded", "dash.col.funded", "int"), *MONEY],
        name=f"development-welfare-{fy}-Q{q}", key="bud_split",
        show=["kind", "projects", "planned", "allocated", "disbursed", "disbursement_rate"], static=True)
c.method_link()

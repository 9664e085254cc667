"""เป้าประสงค์ — one goal: its text and mission, indicators (actual vs expected vs target, trend),
projects and budget by department and by village. ``?goal=N`` in the URL opens goal N."""

import streamlit as st

from tracker import charts, fmt, rollup
from tracker.report.me import narrative
from tracker.ui import components as c
from tracker.i18n import t
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
fy, q = ui.period()
plan = ui.plan()
th = rollup.thresholds_of()

numbers = list(plan.goals)
asked = str(st.query_params.get("goal", ""))
start = int(asked) if asked.isdigit() and int(asked) in numbers else numbers[0]
n = st.selectbox(ui.t("goal.choose"), numbers, index=numbers.index(start),
                 format_func=lambda g: t("dash.goal_n_short", lang, n=g, name=plan.goals[g].short.get(lang)))
st.query_params["goal"] = str(n)
goal = plan.goals[n]

# the goal's text and cards get their place first, then the first chart, then the text and cards: the browser
# starts on Plotly's code (4.7 MB, fetched when a chart arrives) while it draws the rest
state = ui.load(rollup.period_state, fy, q)
head = st.container()
if state["state"] != "future":
    st.subheader(ui.t("goal.indicators"))
    ind = ui.load(rollup.indicator_table, fy, q)
    ind = ind[ind["goal_no"] == n]
    c.chart(ui.figure(charts.indicator_ratios, ind, lang, th, ui.t("dash.col.ratio")), key="goal_ratios")
with head:
    ui.page_header("goal.title", n=n)
    st.markdown(f"### {ui.words(goal.short.get(lang))}")
    st.markdown(ui.words(goal.text.get(lang)))
    st.caption(ui.words(f"{ui.t('goal.mission')} {goal.mission}: {plan.missions[goal.mission].get(lang)}"))
    begun = c.period_notice(state)
if not begun:
    st.stop()          # a quarter that has not begun has no figures to show
summary = ui.load(rollup.goal_summary, fy, q).set_index("goal_no").loc[n]
with head:
    k1, k2, k3, k4 = st.columns(4)
with k1:
    c.kpi(ui.t("dash.score"), fmt.pct(summary["score"]), help=ui.t("dash.score_help"),
          **c.change_delta(summary["score_change"]), delta_description=ui.t("dash.vs_last_year_short"))
    st.markdown(c.status_badge(summary["status"]))
    st.caption(fmt.figure("coverage", (summary["assessed"], summary["due"]) if summary["due"] else None, lang=lang))
with k2:
    c.money_kpi(ui.t("dash.allocated"), summary["allocated"])
with k3:
    c.money_kpi(ui.t("dash.total_disbursed"), summary["disbursed"],
                delta=fmt.pct(summary["disbursement_rate"]), delta_color="off", delta_arrow="off",
                delta_description=ui.t("dash.of_allocated"))
with k4:
    c.kpi(ui.t("dash.total_completed"), f"{int(summary['completed'])} / {int(summary['funded'])}",
          help=ui.t("dash.projects_done"))

# --- indicators (their heading and chart are above) ------------------------------------------
c.table(ind, c.indicator_columns(lang), name=f"goal{n}-indicators-{fy}-Q{q}", key="goal_ind",
        show=["code", f"name_{lang}", f"unit_{lang}", "start", "expected", "actual", "ratio", "status"], static=True)

st.subheader(ui.t("goal.trend"))
hist = ui.load(rollup.indicator_history)
rows = list(ind.iterrows())
for i, (_, row) in enumerate(rows):
    if i % 2 == 0:
        cols = st.columns(2, vertical_alignment="bottom")   # a row per pair: the two charts line up
    with cols[i % 2]:
        h = hist[hist["code"] == row["code"]]
        # the name wraps as page text; the chart keeps only the code as its title
        st.markdown(f"**{ui.plain(row['code'])}** · {ui.words(row['name_' + lang])}")
        c.chart(ui.figure(charts.indicator_trend, h, lang, "", row["unit_" + lang]), key=f"trend_{row['code']}")

# --- projects and budget --------------------------------------------------------------------
st.subheader(ui.t("goal.projects"))
proj = ui.load(rollup.goal_projects, fy, q, n)
if proj.empty:
    c.empty_state("goal.no_projects")
else:
    c.table(proj, c.project_columns(lang), name=f"goal{n}-projects-{fy}-Q{q}", key="goal_proj",
            show=["project_code", f"name_{lang}", "status", "progress_pct", "allocated_budget",
                  "disbursement_rate"], static=c.SMALL_TABLE)
    dep = ui.load(rollup.budget_by_department, fy, q, goal=n)
    c.chart(ui.figure(charts.budget_bars, dep, list(dep[f"name_{lang}"]), lang, ui.t("goal.by_department")), key="goal_dep")
    vil = ui.load(rollup.budget_by_village, fy, q, goal=n)
    labels = [ui.t("method.village_n", n=v) if v else ui.t("method.whole_subdistrict") for v in vil["village_no"]]
    c.chart(ui.figure(charts.budget_bars, vil, labels, lang, ui.t("goal.by_village")), key="goal_vil")
    st.caption(ui.t("goal.village_split"))
    st.subheader(ui.t("goal.strategies", strategy=ui.t(c.level_label("strategy"))))
    for level in ("strategy", "programme"):
        c.group_table(ui.load(rollup.budget_by, fy, q, level, goal=n), level, name=f"goal{n}-by-{level}-{fy}-Q{q}",
                      key=f"goal_{level}", static=True)

st.subheader(ui.t("goal.notes"))
label = f"level.{plan.levels.get('strategy', 'strategy')}_n"
mine = {s.number: f"{ui.t(label, n=s.number)} {s.name.get(lang)}"
        for s in plan.strategies.values() if s.goal == n}
c.committee_notes(*ui.load(narrative.for_period, fy, q, tuple(mine)), mine)
c.method_link()

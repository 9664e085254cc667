"""ภาพรวม — which goals are on track, where the money went, what needs attention (the default page)."""

import streamlit as st

from tracker import charts, fmt, rollup, store
from tracker.status import missing
from tracker.tables import Column as Col
from tracker.ui import components as c
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
fy, q = ui.period()
th = rollup.thresholds_of(ui.plan().thresholds)

ui.page_header("dash.overview_title")     # the data's date is in the sidebar, under the period
if not ui.load(store.has_any_data):
    c.empty_state("dash.no_data")

goals = ui.load(rollup.goal_summary, fy, q)
tot = ui.load(rollup.totals, fy, q)
budget, proj = tot["budget"], tot["projects"]

att = ui.load(rollup.attention_items, fy, q)

# --- first screen (1366×768 without scrolling): how many goals on track and which, what is late,
# where the money went. Compact top: Streamlit's header space and title shrink on this page only.
st.html("""<style>
.block-container{padding-top:3.2rem}
.block-container h1{font-size:1.7rem;padding:.1rem 0 0}
[class*=st-key-goalcard] h2{font-size:1.8rem;padding:.1rem 0 .2rem;line-height:1.3}
[class*=st-key-goalcard] [data-testid=stMarkdownContainer]:has(h2){height:auto;overflow:visible;margin-bottom:.15rem}
[class*=st-key-goalcard]{gap:.2rem;padding:.6rem .8rem}
.st-key-late{gap:.1rem}
</style>""")
money = c.money_unit(budget["allocated"], budget["disbursed"])
k1, k2, k3, k4 = st.columns(4)
with k1:
    c.kpi(ui.t("dash.goals_on_track"), f"{int((goals['status'] == 'on_track').sum())} / {len(goals)}")
with k2:
    c.kpi(ui.t("dash.attention_count"), f"{len(att):,}", help=ui.t("dash.attention_count_help"))
with k3:
    c.money_kpi(ui.t("dash.total_allocated"), budget["allocated"], money)
with k4:
    rate = budget["disbursed"] / budget["allocated"] if budget["allocated"] else None
    c.money_kpi(ui.t("dash.total_disbursed"), budget["disbursed"], money, delta=fmt.pct(rate), delta_color="off",
                delta_arrow="off", delta_description=ui.t("dash.of_allocated"))

cols = st.columns(len(goals), gap="small") if len(goals) else []
for col, (_, g) in zip(cols, goals.iterrows()):
    with col:
        c.goal_card(g, lang, details=False)

late, money_col = st.columns([2, 3], gap="medium")
with late.container(border=True, key="late"):
    st.markdown(f"**{ui.t('dash.attention')} ({len(att):,})**")
    if att.empty:
        st.caption(ui.t("dash.attention_none"))
    icons = {"off_track_indicator": ":material/cancel:", "not_started_late": ":material/schedule:",
             "low_disbursement": ":material/payments:"}
    for _, a in rollup.worst_first(att).head(4).iterrows():
        value = "" if missing(a["value"]) else f" · {fmt.pct(a['value'])}"
        st.page_link("pages/goal.py", query_params={"goal": str(int(a["goal_no"]))}, icon=icons[a["kind"]],
                     label=ui.plain(f"{a['code']}{value} · {a['name_' + lang]}"),
                     help=ui.t(f"dash.attention.{a['kind']}") + " · " + ui.t("dash.open_goal_n", n=int(a["goal_no"])))
    if len(att) > 4:
        st.caption(ui.t("dash.attention_more", n=len(att) - 4))
with money_col:
    c.chart(ui.figure(charts.budget_by_goal, goals, lang, 270), key="ov_budget")

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
        show=["goal_no", f"short_{lang}", "score", "status", "funded", "completed", "allocated", "disbursed",
              "disbursement_rate"])
st.subheader(ui.t(c.level_label("strategy")))
c.group_table(ui.load(rollup.budget_by, fy, q, "strategy"), "strategy", name=f"strategies-{fy}-Q{q}", key="ov_strat")
c.method_link()

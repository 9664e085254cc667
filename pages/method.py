"""วิธีคำนวณ — the calculation method in the chosen language, with a worked example computed by the
same functions the dashboards use (tracker.status), and the thresholds in force."""

import streamlit as st

from tracker import fmt, rollup
from tracker import status as S
from tracker.ui import components as c
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
plan = ui.plan()
th = rollup.thresholds_of(plan.thresholds)

st.title(ui.t("method.title"))
st.info(ui.t("method.thresholds_now", on=fmt.number(th["on_track"]), risk=fmt.number(th["at_risk"]),
             low=fmt.number(th["low_disbursement_share_of_pace"])), icon=":material/tune:")
st.markdown(ui.t("method.body"))

st.subheader(ui.t("method.statuses"))
st.markdown("  ".join(c.status_badge(s) for s in S.STATUSES))
st.markdown("  ".join(c.project_badge(s) for s in S.PROJECT_STATUSES))

# --- worked example: the real functions on fixed numbers ------------------------------------
st.subheader(ui.t("method.worked_example"))
target, v1, v2 = 1.5, 0.3, 0.3
r = S.evaluate_indicator({1: v1, 2: v2}, target=target, direction="higher", aggregation="sum",
                         frequency="quarterly", q=2, thresholds=th)
st.markdown(ui.t("method.example_text", target=fmt.number(target), v1=fmt.number(v1), v2=fmt.number(v2),
                 actual=fmt.number(r["actual"]), expected=fmt.number(r["expected"]), ratio=fmt.number(r["ratio"]),
                 status=fmt.status(r["status"], lang)))
r1, r2 = 1.2, 0.9
score = S.goal_score([(r1, S.ratio_status(r1, th)), (r2, S.ratio_status(r2, th)), (r["ratio"], r["status"]),
                      (None, "not_due")])
st.markdown(ui.t("method.example_goal", r1=fmt.number(r1), r2=fmt.number(r2), ratio=fmt.number(r["ratio"]),
                 score=fmt.number(score, 3), status=fmt.status(S.score_status(score, th), lang)))

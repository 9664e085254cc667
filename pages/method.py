"""วิธีคำนวณ — the calculation method (method v2) in the chosen language, the settings in force (from the
plan file) and worked examples computed by the same functions the dashboards use (tracker.method)."""

import streamlit as st

from tracker import fmt, method, rollup
from tracker import status as S
from tracker.ui import components as c
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
th = rollup.thresholds_of()

st.title(ui.t("method.title"))
st.info(ui.prose(ui.t("method.thresholds_now", on=fmt.pct(th["on_track"], 0), risk=fmt.pct(th["at_risk"], 0),
             low=fmt.pct(th["low_disbursement_share_of_pace"], 0), coverage=fmt.pct(th["min_coverage"], 0),
             achieved=fmt.pct(th["year_end"]["achieved"], 0), nearly=fmt.pct(th["year_end"]["nearly"], 0),
             c_ind=fmt.pct(th["completeness"]["indicators"], 0), c_proj=fmt.pct(th["completeness"]["projects"], 0))),
        icon=":material/tune:")
st.markdown(ui.prose(method.body(lang)))

st.subheader(ui.t("method.statuses"))
st.markdown("  ".join(c.status_badge(s) for s in S.STATUSES))
st.markdown("  ".join(c.project_badge(s) for s in S.PROJECT_STATUSES))

# --- worked examples: the real functions on fixed numbers ------------------------------------
st.subheader(ui.t("method.ex.title"))
for example in method.examples(lang, th):
    st.markdown(ui.prose(example))

"""แผนและเป้าประสงค์ — the vision, the five missions and the five goals with their indicators,
and each goal's projects and allocated budget for the chosen fiscal year."""

import streamlit as st

from tracker import fmt, rollup, store
from tracker.ingest.planimport import present as pp
from tracker.store import planbook as store_plan
from tracker.ui import components as c
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
plan = ui.plan()
fy, q = ui.period()

st.title(ui.words(plan.title.get(lang) + " — " + plan.org("name", lang)), anchor=False)
st.caption(f"{plan.org('district', lang)} {plan.org('province', lang)} · {ui.t('plan.period')} "
           f"{plan.first_fy}–{plan.last_fy} · {ui.fy_label(fy)}")
if plan.proposed and plan.proposed_note:
    st.info(ui.words(plan.proposed_note.get(lang)), icon=":material/edit_note:")

st.subheader(ui.t("plan.vision"))
st.markdown(f"> {plan.vision.get(lang)}")

with st.expander(ui.t("plan.missions") + f" ({ui.t('plan.proposed_label')})" if plan.proposed else ""):
    for n, text in plan.missions.items():
        st.markdown(f"**{ui.t('plan.mission_n', n=n)}** — {text.get(lang)}")

per_goal = ui.load(rollup.projects_per_goal, fy).set_index("goal_no")
targets = ui.load(store.targets).query("fiscal_year == @fy").set_index("indicator_code")["target"]

st.subheader(ui.t("plan.goals"))
for g in plan.goals.values():
    with st.container(border=True):
        left, right = st.columns([3, 1])
        left.markdown(f"#### {ui.t('plan.goal_n', n=g.number)} · {g.short.get(lang)}")
        left.write(g.text.get(lang))
        if lang == "en":
            left.caption(ui.words(g.text.th))     # the official Thai text: breaks between words
        row = per_goal.loc[g.number]
        with right:   # text, not st.metric: a long Thai label wraps instead of being cut with "…"
            st.markdown(ui.prose(f"{ui.t('plan.projects_in_fy', fy=fy)}  \n**{fmt.figure('count', row['projects'], lang=lang)}**"
                        f" ({ui.t('plan.funded_n', n=fmt.figure('count', row['funded'], lang=lang))})"))
            st.markdown(ui.prose(f"{ui.t('plan.allocated_in_fy', fy=fy)} ({fmt.money_unit('money_million', lang)})  \n"
                        f"**{fmt.figure('money_million', row['allocated'], lang=lang)}**"))
        rows = [{
            ui.t("col.code"): i.code,
            ui.t("col.indicator"): i.name.get(lang),
            ui.t("col.unit"): i.unit.get(lang),
            ui.t("col.target_fy", fy=fy): fmt.number(targets.get(i.code)),
            ui.t("col.direction"): ui.t(f"direction.{i.direction}"),
            ui.t("col.frequency"): ui.t(f"frequency.{i.frequency}"),
        } for i in plan.indicators_of(g.number)]
        st.dataframe(rows, hide_index=True, width="stretch")

coord, equipment = ui.load(rollup.coordination_projects), ui.load(store_plan.equipment)
if len(coord) or len(equipment):
    st.subheader(ui.t("plan.apart"))
    st.caption(ui.t("plan.apart_help"))
    coord_tab, equipment_tab = st.tabs([ui.t("plan.coordination_n", n=len(coord)),
                                        ui.t("plan.equipment_n", n=len(equipment))])
    coord_tab.dataframe(pp.coordination_table(coord, fy, lang, level=plan.levels["strategy"]), hide_index=True,
                        width="stretch")
    equipment_tab.dataframe(pp.equipment_table(equipment, fy, lang), hide_index=True, width="stretch")

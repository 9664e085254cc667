"""ความพึงพอใจ — the citizens' satisfaction survey of the chosen fiscal year and round: the overall share
satisfied or very satisfied (form 3/2, the satisfaction indicator's result) with its chart, the respondents, and
the scores per strategy and per point assessed (form 3/3). Figures from :mod:`tracker.rollup.satisfaction`."""

import pandas as pd
import streamlit as st

from tracker import charts, fmt, rollup
from tracker.rollup import satisfaction as RSat
from tracker.tables import Column
from tracker.ui import components as c
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
fy, _ = ui.period()
plan = ui.plan()
ui.page_header("survey.page.title")
st.caption(ui.words(ui.t("survey.page.intro")))

loaded = ui.load(RSat.loaded_rounds, fy)
rnd = st.segmented_control(ui.t("survey.page.round"), list(RSat.SURVEY_ROUND), required=True, key="survey_round",
                           default=loaded[0] if loaded else "annual",
                           format_func=lambda k: ui.t(f"me.round.kind.{k}"))
survey = ui.load(RSat.load, fy, rnd)
if survey.empty:
    st.info(ui.words(ui.t("survey.page.none", round=ui.t(f"me.round.kind.{rnd}"), fy=ui.fy_label(fy))),
            icon=":material/info:")
    st.stop()

# --- the overall share: the satisfaction indicator's result --------------------------------------
overall, computed = survey.overall()
ind = RSat.satisfaction_indicator(plan)
k1, k2, k3 = st.columns(3)
with k1:
    c.kpi(ui.t("survey.page.overall"), fmt.pct(survey.overall_share()))
with k2:
    c.kpi(ui.t("survey.page.respondents"), fmt.figure("count", survey.n_respondents()))
if ind is not None:
    row = ui.load(rollup.indicator_table, fy, RSat.ROUND_QUARTER[rnd]).set_index("code").loc[ind.code]
    with k3:
        c.kpi(ui.t("survey.page.target", code=ind.code, fy=fy),
              fmt.figure("value", row["target"], lang=lang, unit=ind.unit.get(lang)))
    st.markdown(ui.words(ui.t("survey.page.indicator_status", code=ind.code, name=ind.name.get(lang),
                              status=fmt.figure("status", row["status"], lang=lang))))
if computed:
    st.caption(ui.words(ui.t("survey.page.computed")))

st.subheader(ui.t("me.satisfaction.h.overall"))
c.chart(ui.figure(charts.satisfaction_items, survey.items(), overall, lang, ui.t("me.satisfaction.table.overall")),
        key="survey_items")
items = pd.concat([survey.items(), pd.DataFrame([{"item": ui.t("survey.overall_item"), **overall}])],
                  ignore_index=True) if overall else survey.items()
c.table(items, [Column("item", "me.satisfaction.col.item", "name"), Column("very_satisfied", "me.satisfaction.col.very", "pct"),
                Column("satisfied", "me.satisfaction.col.satisfied", "pct"),
                Column("not_satisfied", "me.satisfaction.col.not", "pct")],
        name=f"satisfaction-3-2-{fy}-{rnd}", key="survey_items_table")

# --- the respondents ------------------------------------------------------------------------------
st.subheader(ui.t("me.satisfaction.h.respondents"))
people = survey.respondents()
if people.empty:
    c.empty_state("me.satisfaction.none")
else:
    people["characteristic"] = people["characteristic"].map(lambda g: ui.t(f"survey.group.{g}"))
    c.table(people, [Column("characteristic", "me.satisfaction.col.group"), Column("item", "survey.col.group_item", "name"),
                     Column("respondents", "me.satisfaction.col.people", "int"),
                     Column("share", "me.satisfaction.col.share", "pct")],
            name=f"satisfaction-respondents-{fy}-{rnd}", key="survey_people")

# --- form 3/3: per strategy and per point assessed -----------------------------------------------
st.subheader(ui.t("me.satisfaction.h.strategy"))
scores = survey.strategy_scores()
if scores.empty:
    c.empty_state("survey.page.no_strategy")
    st.stop()


def strategy_name(n: int) -> str:
    s = plan.strategies.get(n)
    level = ui.t(f"level.{plan.levels.get('strategy', 'strategy')}_n", n=n)
    return f"{level} {s.short.get(lang)}" if s else level


scores["strategy"] = scores["strategy_no"].map(strategy_name)
c.table(scores, [Column("strategy", "me.satisfaction.col.strategy", "name"),
                 Column("score", "me.satisfaction.col.score", "rating")],
        name=f"satisfaction-3-3-{fy}-{rnd}", key="survey_scores")
per_item = survey.strategy_items()
if per_item.empty:
    st.caption(ui.words(ui.t("survey.page.no_items")))
for n, part in per_item.groupby("strategy_no", sort=True):
    with st.expander(ui.t("me.satisfaction.table.items", strategy=strategy_name(int(n)))):
        c.table(part, [Column("item", "me.satisfaction.col.item", "name"),
                       Column("score", "me.satisfaction.col.score", "rating")],
                name=f"satisfaction-3-3-{fy}-{rnd}-{int(n)}", key=f"survey_items_{int(n)}")

"""โครงการ — every project of a fiscal year, filterable by goal, department, village, status and text;
progress, budget, disbursement; completeness of this quarter's progress reports."""

import streamlit as st

from tracker import fmt, rollup
from tracker import status as S
from tracker.tables import Column as Col
from tracker.ui import components as c
from tracker.i18n import t
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()
fy, q = ui.period()          # the sidebar's year and quarter: the page has no year box of its own
plan = ui.plan()

ui.page_header("proj.title")
if not c.period_notice(ui.load(rollup.period_state, fy, q)):
    st.stop()          # a quarter that has not begun has no statuses to show
text = st.text_input(ui.t("proj.search"), key="proj_text")
f1, f2, f3, f4 = st.columns(4)
goals = f1.multiselect(ui.t("dash.col.goal"), list(plan.goals), key="proj_goals", placeholder=ui.t("dash.filter_all"),
                       format_func=lambda g: t("dash.goal_n_short", lang, n=g, name=plan.goals[g].short.get(lang)))
depts = f2.multiselect(ui.t("proj.filter_department"), list(plan.departments), key="proj_depts", placeholder=ui.t("dash.filter_all"),
                       format_func=lambda d: plan.departments[d].name.get(lang))
villages = f3.multiselect(ui.t("proj.filter_village"), [rollup.WHOLE_SUBDISTRICT, *plan.villages], key="proj_vil", placeholder=ui.t("dash.filter_all"),
                          format_func=lambda v: t("method.village_n", lang, n=v) if v
                          else t("method.whole_subdistrict", lang))
statuses = f4.multiselect(ui.t("proj.filter_status"), list(S.PROJECT_STATUSES), key="proj_status", placeholder=ui.t("dash.filter_all"),
                          format_func=lambda s: fmt.project_status(s, lang))
tactics_of = {code: tc for s in plan.strategies.values() for code, tc in s.tactics.items()}
s1, s2, s3 = st.columns(3)
strategies = s1.multiselect(ui.t(c.level_label("strategy")), list(plan.strategies), key="proj_strat",
                            placeholder=ui.t("dash.filter_all"),
                            format_func=lambda n: f"{n}. {plan.strategies[n].short.get(lang)}")
tactics = s2.multiselect(ui.t(c.level_label("tactic")), [k for k, tc in tactics_of.items()
                                                         if not strategies or tc.strategy in strategies],
                         key="proj_tactic", placeholder=ui.t("dash.filter_all"),
                         format_func=lambda k: f"{k} {tactics_of[k].name.get(lang)}")
programmes = s3.multiselect(ui.t(c.level_label("programme")), list(plan.programmes), key="proj_prog",
                            placeholder=ui.t("dash.filter_all"), format_func=lambda k: plan.programmes[k].name.get(lang))

all_projects = ui.load(rollup.project_table, fy, q)
if all_projects.empty:
    c.empty_state("dash.no_data_period")
    st.stop()

shown = c.with_programme_names(rollup.filter_projects(
    all_projects, goals=goals, departments=depts, villages=villages, statuses=statuses, strategies=strategies,
    tactics=tactics, programmes=programmes, text=text))
funded, unfunded = shown[shown["funded"]], shown[~shown["funded"]]
st.caption(ui.t("proj.count", n=len(shown), funded=len(funded), unfunded=len(unfunded)))
if shown.empty:
    c.empty_state("proj.none_match")
if not shown.empty:     # every project; one without a budget reads "not funded", never "not started"
    c.table(shown, [Col("project_code", "col.code"), Col("goal_no", "dash.col.goal", "int"),
                    Col("strategy_no", c.level_label("strategy"), "int"), Col("tactic_code", c.level_label("tactic")),
                    Col("programme_name", c.level_label("programme")),
                    Col(f"name_{lang}", "dash.col.project", "name"), Col(f"department_{lang}", "dash.col.department"),
                    Col("villages", "dash.col.villages"), Col("status", "dash.col.status", "pstatus"),
                    Col("progress_pct", "dash.col.progress", "progress"), Col("funded", "dash.col.funded", "bool"),
                    Col("planned_budget", "dash.col.planned", "money"), Col("ordinance", "dash.col.ordinance", "money"),
                    Col("allocated_budget", "dash.col.allocated", "money"), Col("committed", "dash.col.committed", "money"), Col("disbursed", "dash.col.disbursed", "money"),
                    Col("disbursement_rate", "dash.col.disbursement_rate", "pct"),
                    Col("is_welfare_transfer", "dash.col.welfare", "bool"), Col("added_by_revision", "dash.col.added", "bool"),
                    Col("reported_this_quarter", "dash.col.reported", "bool"), Col("progress_note", "dash.col.note")],
            name=f"projects-{fy}-Q{q}", key="proj_table", height=480,
            show=["project_code", "strategy_no", "tactic_code", "programme_name", f"name_{lang}", "status", "progress_pct",
                  "allocated_budget", "disbursement_rate"])

# --- projects of the plan without an allocated budget: apart, never "not started" ----------------
if not unfunded.empty:
    st.subheader(ui.t("proj.not_funded", n=len(unfunded)))
    st.caption(ui.t("proj.not_funded_help"))
    c.table(unfunded, c.project_columns(lang), name=f"projects-not-funded-{fy}-Q{q}", key="proj_unfunded",
            show=["project_code", f"name_{lang}", f"department_{lang}", "planned_budget", "disbursed"],
            static=c.SMALL_TABLE)

# --- completeness ----------------------------------------------------------------------------
st.subheader(ui.t("proj.completeness"))
missing = ui.load(rollup.missing_reports, fy, q)
if missing.empty:
    st.success(ui.t("proj.all_reported"), icon=":material/check_circle:")
else:
    st.warning(ui.t("proj.missing", n=len(missing)), icon=":material/pending_actions:")
    c.table(missing, [Col("project_code", "col.code"), Col("goal_no", "dash.col.goal", "int"),
                      Col(f"name_{lang}", "dash.col.project", "name"), Col(f"department_{lang}", "dash.col.department"),
                      Col("status", "dash.col.status", "pstatus"), Col("as_of_quarter", "dash.col.quarter", "int")],
            name=f"missing-reports-{fy}-Q{q}", key="proj_missing", static=c.SMALL_TABLE)
c.method_link()

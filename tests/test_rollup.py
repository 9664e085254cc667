"""Rollups against hand-computed figures of the small data set (tests/dashboard_data.py)."""

import math

import pandas as pd
import pytest

from tests.dashboard_data import load_small_dataset
from tracker import rollup, store


@pytest.fixture
def data(db):
    load_small_dataset(db)
    return db


def by(df, key):
    return df.set_index(key)


# ---------------------------------------------------------------- indicators, FY2569 as of Q2 (method v2)

@pytest.mark.parametrize("code, start, expected, actual, ratio, status", [
    # latest, from last year's 82 (FY2568 Q2) towards 85: 82 + 3 × 2/4 = 83.5; 84 ÷ 83.5
    ("G1-I01", 82, 83.5, 84, 84 / 83.5, "on_track"),
    # sum with the plan's dry-season profile [0.1, 0.35, 0.4, 0.15]: 1.5 × 0.45 = 0.675; 0.6 ÷ 0.675
    ("G1-I02", None, 0.675, 0.6, 0.6 / 0.675, "at_risk"),
    ("G1-I03", 88, 91.5, None, None, "no_data"),         # nothing reported: never off track
    ("G1-I04", 7, 3, None, None, "not_due"),            # annual, before Q4: expected = the target
    # average of 94, 98 = 96, from the plan baseline 85 (FY2565) towards 95: 85 + 10 × 2/4 = 90
    ("G1-I05", 85, 90, 96, 96 / 90, "on_track"),
    ("G3-I01", 97, 98.5, 100, 100 / 98.5, "on_track"),
    ("G3-I02", None, 3, None, None, "no_data"),         # Q2 not reported: the Q1 value is not judged
])
def test_indicator_table_as_of_q2(data, code, start, expected, actual, ratio, status):
    row = by(rollup.indicator_table(data, 2569, 2), "code").loc[code]
    assert row["expected"] == pytest.approx(expected)
    for got, want in ((row["start"], start), (row["actual"], actual), (row["ratio"], ratio)):
        assert math.isnan(got) if want is None else got == pytest.approx(want)
    assert row["status"] == status


def test_unreported_indicator_keeps_its_last_value_for_information(data):
    row = by(rollup.indicator_table(data, 2569, 2), "code").loc["G3-I02"]
    assert (row["last_quarter"], row["last_value"], row["assessed"], row["due"]) == (1, 1.0, False, True)


def test_quarters_after_the_chosen_one_are_ignored(data):
    t = by(rollup.indicator_table(data, 2569, 1), "code")
    assert t.loc["G1-I01", "actual"] == 80 and t.loc["G1-I02", "expected"] == pytest.approx(0.15)
    assert t.loc["G1-I02", "ratio"] == pytest.approx(1.5) and t.loc["G3-I02", "status"] == "off_track"  # 1 vs 1.5


def test_year_without_targets_is_no_target_for_every_indicator(data):
    t = rollup.indicator_table(data, 2575, 2)
    assert set(t["status"]) == {"no_target"}


def test_zero_target_and_lower_is_better_with_zero_actual(data):
    data["indicator_targets"].upsert({"indicator_code": "G2-I01", "fiscal_year": 2569, "target": 0},
                                     pk=("indicator_code", "fiscal_year"))
    data["indicator_results"].insert_all([
        {"indicator_code": "G2-I01", "fiscal_year": 2569, "quarter": 2, "value": 5},
        {"indicator_code": "G4-I04", "fiscal_year": 2569, "quarter": 2, "value": 0},   # lower, sum
    ])
    t = by(rollup.indicator_table(data, 2569, 2), "code")
    assert (t.loc["G2-I01", "status"], t.loc["G2-I01", "worse_than_start"]) == ("on_track", False)  # 5 ≥ start 5
    assert (t.loc["G4-I04", "ratio"], t.loc["G4-I04", "status"]) == (1.5, "on_track")


def test_annual_indicator_without_value_in_q4_is_no_data(data):
    assert by(rollup.indicator_table(data, 2569, 4), "code").loc["G1-I04", "status"] == "no_data"


def test_closed_year_reads_achieved_at_q4_and_open_year_at_risk(data, monkeypatch):
    data["indicator_results"].insert({"indicator_code": "G1-I01", "fiscal_year": 2569, "quarter": 4, "value": 84})
    assert by(rollup.indicator_table(data, 2569, 4), "code").loc["G1-I01", "status"] == "nearly_achieved"
    monkeypatch.setenv("TRACKER_TODAY", "2026-09-30")                    # the last day of FY2569
    assert by(rollup.indicator_table(data, 2569, 4), "code").loc["G1-I01", "status"] == "at_risk"


def test_a_future_quarter_has_no_statuses(data):
    t = rollup.indicator_table(data, 2570, 2)                             # begins 1 Jan 2027
    assert set(t["status"]) == {"future"} and t["ratio"].isna().all()
    g = rollup.goal_summary(data, 2570, 2)
    assert set(g["status"]) == {"future"} and g["disbursed"].isna().all() and g["completed"].isna().all()


def test_a_future_quarter_shows_no_money_spent_per_strategy_either(data):
    """summary --json agreed with itself only in its totals: per strategy and programme a quarter that has
    not begun carried the last quarter's spending forward while the totals read "—"."""
    s = rollup.summary(data, 2570, 2)                                   # begins 1 Jan 2027
    assert s["totals"]["budget"]["disbursed"] is None
    for group in (*s["strategies"], *s["programmes"]):
        assert group["budget"]["disbursed"] is None and group["budget"]["committed"] is None
        assert group["disbursement_rate"] is None and group["projects"]["completed"] is None
        assert group["budget"]["planned"] == group["budget"]["planned"]    # the plan is known before a quarter
    now = rollup.summary(data, 2570, 1)
    assert sum(g["budget"]["disbursed"] or 0 for g in now["strategies"]) == now["totals"]["budget"]["disbursed"]


# ---------------------------------------------------------------- goals

def test_goal_scores_coverage_and_statuses(data):
    g = by(rollup.goal_summary(data, 2569, 2), "goal_no")
    # goal 1: 3 of its 4 due indicators assessed (G1-I04 annual is not due): mean(1, 0.6/0.675, 1)
    assert g.loc[1, "score"] == pytest.approx((1 + 0.6 / 0.675 + 1) / 3) and g.loc[1, "status"] == "at_risk"
    assert (g.loc[1, "assessed"], g.loc[1, "due"], g.loc[1, "coverage"]) == (3, 4, 0.75)
    # goal 3: only G3-I01 of 4 due: its score is 100 % but the coverage 1/4 is below 0.5
    assert g.loc[3, "score"] == 1.0 and g.loc[3, "status"] == "insufficient_data"
    assert (g.loc[3, "assessed"], g.loc[3, "due"]) == (1, 4)
    assert math.isnan(g.loc[2, "score"]) and g.loc[2, "status"] == "no_data"
    assert (g.loc[1, ["n_on_track", "n_at_risk", "n_off_track", "n_no_data", "n_not_due"]].tolist()
            == [2, 1, 0, 1, 1])


def test_goal_with_unreported_indicators_shows_its_coverage_and_insufficient_data(data):
    """Missing data does not raise a score: goal 3's one reported indicator is not the goal's status."""
    g = by(rollup.goal_summary(data, 2569, 2), "goal_no").loc[3]
    assert g["status"] not in ("on_track", "at_risk", "off_track")


def test_change_on_last_year_only_between_judged_statuses(data):
    g = by(rollup.goal_summary(data, 2569, 2), "goal_no")
    # FY2568 Q2: G1-I01 alone of goal 1's 4 due indicators -> insufficient data: no change is claimed
    assert g.loc[1, "prev_score"] == 1.0 and g.loc[1, "prev_status"] == "insufficient_data"
    assert math.isnan(g.loc[1, "score_change"])
    data["indicator_results"].insert_all([
        {"indicator_code": c, "fiscal_year": 2568, "quarter": 2, "value": 95} for c in ("G1-I03", "G1-I05")])
    g = by(rollup.goal_summary(data, 2569, 2), "goal_no")
    assert g.loc[1, "prev_status"] in ("on_track", "at_risk", "off_track")
    assert g.loc[1, "score_change"] == pytest.approx(g.loc[1, "score"] - g.loc[1, "prev_score"])


@pytest.mark.parametrize("goal, expected", [
    # P1 in progress, P2 completed (Q1 row, none in Q2), P3 without budget and added by revision
    (1, dict(in_plan=3, funded=2, not_funded=1, completed=1, in_progress=1, not_started=0, cancelled=0,
             not_reported=0, added=1, planned=1_800_000, allocated=1_400_000, committed=1_280_000,
             disbursed=930_000)),
    # P4 in progress, P5 funded but never reported, P6 cancelled
    (3, dict(in_plan=3, funded=3, not_funded=0, completed=0, in_progress=1, not_started=0, cancelled=1,
             not_reported=1, added=0, planned=8_300_000, allocated=8_450_000, committed=8_200_000,
             disbursed=4_100_000)),
    (2, dict(in_plan=0, funded=0, not_funded=0, completed=0, in_progress=0, not_started=0, cancelled=0,
             not_reported=0, added=0, planned=0, allocated=0, committed=0, disbursed=0)),
])
def test_goal_projects_and_budget(data, goal, expected):
    row = by(rollup.goal_summary(data, 2569, 2), "goal_no").loc[goal]
    for k, v in expected.items():
        assert row[k] == v, k


def test_goal_rates_and_welfare_apart(data):
    g = by(rollup.goal_summary(data, 2569, 2), "goal_no")
    assert g.loc[1, "disbursement_rate"] == pytest.approx(930_000 / 1_400_000)
    assert g.loc[1, "completion_rate"] == 0.5 and g.loc[1, "funding_rate"] == pytest.approx(2 / 3)
    assert (g.loc[3, "welfare_allocated"], g.loc[3, "welfare_disbursed"]) == (8_350_000, 4_100_000)
    assert g.loc[3, "dev_allocated"] + g.loc[3, "welfare_allocated"] == g.loc[3, "allocated"]
    assert math.isnan(g.loc[2, "disbursement_rate"]) and math.isnan(g.loc[2, "completion_rate"])


def test_project_status_as_of_quarter(data):
    p = by(rollup.project_table(data, 2569, 2), "project_code")
    assert p["status"].to_dict() == {"P1": "in_progress", "P2": "completed", "P3": "not_funded",
                                     "P4": "in_progress", "P5": "not_reported", "P6": "cancelled"}
    assert p["reported_this_quarter"].to_dict() == {"P1": True, "P2": False, "P3": False, "P4": True,
                                                    "P5": False, "P6": False}
    assert (p.loc["P1", "committed"], p.loc["P1", "disbursed"]) == (800_000, 450_000)
    assert p.loc["P5", "disbursed"] == 0 and pd.isna(p.loc["P5", "as_of_quarter"])
    q1 = by(rollup.project_table(data, 2569, 1), "project_code")
    assert (q1.loc["P1", "disbursed"], q1.loc["P1", "progress_pct"]) == (100_000, 20)


@pytest.mark.parametrize("fy", [2568, 2569, 2570])
def test_last_years_goal_figures_are_those_of_its_whole_goal_rows(data, fy):
    """The change on last year reads only last year's money columns (goals._previous_rows): each goal's score,
    status and disbursement rate equal those of last year's full goal rows, quarter by quarter."""
    from datetime import date

    from tracker.rollup import goals, inputs

    loaded, th = rollup.load(data), rollup.thresholds_of()
    for q in (1, 2, 3, 4):
        for today in (date(2026, 12, 2), date(2024, 1, 1)):          # also quarters that have not begun
            whole = goals._goal_rows(loaded, fy, q, th, today)[["goal_no", "score", "status", "disbursement_rate"]]
            pd.testing.assert_frame_equal(goals._previous_rows(loaded, fy, q, th, today), whole, check_exact=True)
    year = loaded.of_year("projects", 2569, ("project_code", "allocated_budget"))
    pd.testing.assert_frame_equal(year, loaded.of_year("projects", 2569)[["project_code", "allocated_budget"]])
    assert list(store.projects(data, 2569, ("goal_no",)).columns) == ["goal_no"]
    assert inputs.year_rows(data, "progress", 2569, ("quarter",))["quarter"].tolist() == \
        store.progress(data, 2569)["quarter"].tolist()


def test_reported_this_quarter_is_having_a_progress_row_for_that_quarter(data):
    progress = store.progress(data, 2569)
    for q in (1, 2, 3, 4):
        table = rollup.project_table(data, 2569, q)
        rows = set(progress.loc[progress["quarter"] == q, "project_code"])
        assert table["reported_this_quarter"].tolist() == [c in rows for c in table["project_code"]]
        assert table["reported_this_quarter"].dtype == bool


@pytest.mark.parametrize("progress", ["as_stored", "none_yet"])
def test_project_statuses_without_progress_read_not_reported_and_pandas_gives_no_warning(data, progress):
    """A funded project with no progress row (or a year with none yet: every status column starts empty)
    reads "not reported", never a float NaN filled with text (a FutureWarning/Pandas4Warning that becomes
    an error in the next pandas)."""
    import dataclasses
    import warnings

    from tracker.rollup import projects

    inputs = rollup.load(data, [2569])
    if progress == "none_yet":
        inputs = dataclasses.replace(inputs, progress=inputs.progress.iloc[0:0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = by(projects.project_table(inputs, 2569, 2), "project_code")
    assert p.loc["P5", "status"] == "not_reported" and p.loc["P3", "status"] == "not_funded"
    if progress == "none_yet":
        assert set(p["status"]) == {"not_reported", "not_funded"}
        assert (p["disbursed"] == 0).all() and p["progress_pct"].isna().all()


def test_unfunded_projects_are_not_funded_never_not_started(data):
    p = by(rollup.project_table(data, 2569, 2), "project_code")
    assert p.loc["P3", "status"] == "not_funded" and not p.loc["P3", "funded"]
    tot = rollup.totals(data, 2569, 2)["projects"]
    assert tot["not_funded"] == 1 and tot["not_started"] == 0
    assert list(rollup.not_funded(data, 2569, 2)["project_code"]) == ["P3"]
    assert rollup.filter_projects(rollup.project_table(data, 2569, 2), statuses=["not_started"]).empty


def test_missing_reports_leave_out_completed_and_cancelled(data):
    # P2 completed in Q1 and P6 cancelled in Q1 have nothing more to report; P5 never reported
    assert sorted(rollup.missing_reports(data, 2569, 2)["project_code"]) == ["P5"]
    assert sorted(rollup.missing_reports(data, 2569, 1)["project_code"]) == ["P5"]


def test_money_of_unfunded_projects_is_not_in_the_disbursement_rate(data):
    data["project_progress"].insert({"project_code": "P3", "fiscal_year": 2569, "quarter": 2, "status": "in_progress",
                                     "progress_pct": 10, "committed": 300_000, "disbursed": 100_000})
    tot = rollup.totals(data, 2569, 2)
    assert tot["budget"]["disbursed"] == 5_030_000 and tot["budget"]["unfunded_disbursed"] == 100_000
    assert tot["disbursement_rate"] == pytest.approx(5_030_000 / 9_850_000)
    g1 = by(rollup.goal_summary(data, 2569, 2), "goal_no").loc[1]
    assert g1["disbursement_rate"] == pytest.approx(930_000 / 1_400_000) and g1["unfunded_disbursed"] == 100_000


# ---------------------------------------------------------------- reconciliation

@pytest.mark.parametrize("q", [1, 2, 3, 4])
def test_goals_add_up_to_totals(data, q):
    g = rollup.goal_summary(data, 2569, q)
    tot = rollup.totals(data, 2569, q)
    for k in rollup.PROJECT_COUNTS:
        assert g[k].sum() == tot["projects"][k], k
    for k in (*rollup.BUDGET, *rollup.UNFUNDED_MONEY):
        assert g[k].sum() == pytest.approx(tot["budget"][k]), k
    p = tot["projects"]
    assert sum(p[s] for s in ("completed", "in_progress", "not_started", "cancelled", "not_reported")) == p["funded"]
    assert p["funded"] + p["not_funded"] == p["in_plan"]


def test_totals_by_hand(data):
    tot = rollup.totals(data, 2569, 2)
    assert tot["projects"] == {"in_plan": 6, "funded": 5, "not_funded": 1, "completed": 1, "in_progress": 2,
                               "not_started": 0, "cancelled": 1, "not_reported": 1, "added": 1}
    ordinance = tot["budget"].pop("ordinance")
    assert tot["budget"] == {"planned": 10_100_000, "allocated": 9_850_000, "committed": 9_480_000,
                             "disbursed": 5_030_000, "unfunded_committed": 0, "unfunded_disbursed": 0}
    assert ordinance != ordinance          # no plan book with ordinance columns: undefined, never 0


@pytest.mark.parametrize("func", [rollup.budget_by_department, rollup.budget_by_village])
def test_department_and_village_totals_equal_the_overall_totals(data, func):
    out = func(data, 2569, 2)
    tot = rollup.totals(data, 2569, 2)["budget"]
    for k in rollup.BUDGET:
        assert out[k].sum() == pytest.approx(tot[k]), k


def test_multi_village_project_is_split_equally(data):
    v = by(rollup.budget_by_village(data, 2569, 2), "village_no")
    # planned: P1 1.0M over villages 1, 3; P4 8.0M over 1–4; P2 0.5M and P5 0.2M in 2; P6 0.1M in 3; P3 none
    assert v["planned"].to_dict() == {0: 300_000, 1: 2_500_000, 2: 2_700_000, 3: 2_600_000, 4: 2_000_000}
    assert v.loc[1, "projects"] == 2


def test_department_figures(data):
    d = by(rollup.budget_by_department(data, 2569, 2), "department")
    assert d.loc["ENG", "allocated"] == 1_400_000 and d.loc["ENG", "name_en"] == "Engineering Division"
    assert d.loc["WEL", "disbursed"] == 4_100_000 and math.isnan(d.loc["PAL", "disbursement_rate"])
    g1 = rollup.budget_by_department(data, 2569, 2, goal=1)
    assert set(g1["department"]) == {"ENG", "PAL"}


def test_disbursement_by_quarter_is_cumulative_and_stops_after_the_last_report(data):
    d = by(rollup.disbursement_by_quarter(data, 2569), "quarter")
    assert d.loc[1, "disbursed"] == 100_000 + 480_000 + 2_050_000
    assert d.loc[2, "disbursed"] == 450_000 + 480_000 + 4_100_000
    assert d.loc[2, "welfare_disbursed"] == 4_100_000 and d.loc[2, "dev_disbursed"] == 930_000
    assert d.loc[2, "even_pace"] == 9_850_000 / 2
    assert math.isnan(d.loc[3, "disbursed"]) and d.loc[4, "even_pace"] == 9_850_000


# ---------------------------------------------------------------- attention, history, values

def test_attention_items(data):
    data["project_progress"].insert({"project_code": "P5", "fiscal_year": 2569, "quarter": 1, "status": "in_progress",
                                     "progress_pct": 5, "committed": 0, "disbursed": 0})
    data["indicator_results"].insert({"indicator_code": "G3-I02", "fiscal_year": 2569, "quarter": 2, "value": 0})
    a = rollup.attention_items(data, 2569, 2)
    assert list(zip(a["kind"], a["code"])) == [("off_track_indicator", "G3-I02"), ("low_disbursement", "P5")]
    assert a.iloc[0]["measure"] == "ratio" and a.iloc[0]["actual"] == 1 and a.iloc[0]["expected"] == 3
    assert a.iloc[1]["measure"] == "disbursement_rate" and a.iloc[1]["reference"] == 0.5 * 2 / 4


def test_needs_attention_lists_each_project_once(data):
    data["project_progress"].insert({"project_code": "P5", "fiscal_year": 2569, "quarter": 3, "status": "not_started",
                                     "progress_pct": 0, "committed": 0, "disbursed": 0})
    a3 = rollup.attention_items(data, 2569, 3)
    assert list(a3["code"]).count("P5") == 1
    assert a3.set_index("code").loc["P5", "kind"] == "not_started_late"
    assert "P6" not in set(a3["code"])                   # cancelled projects are not chased


def test_unreported_projects_and_indicators_are_not_failures(data):
    """P5 never reported: it is a missing report, not 'low disbursement'; G3-I02 missed Q2: not off track."""
    a = rollup.attention_items(data, 2569, 2)
    assert a.empty


def test_attention_is_empty_without_data(db):
    a = rollup.attention_items(db, 2569, 2)
    assert a.empty and list(a.columns)[:7] == ["kind", "goal_no", "code", "name_th", "name_en", "status", "measure"]


def test_goal_score_history(data):
    h = rollup.goal_score_history(data)
    assert sorted(set(h["period"])) == ["2568-Q2", "2569-Q1", "2569-Q2"]
    g1 = h[h["goal_no"] == 1].set_index("period")
    assert g1.loc["2568-Q2", "status"] == "insufficient_data" and math.isnan(g1.loc["2568-Q2", "score"])
    # 2569 Q1: G1-I01 80 vs 82 + 3/4 -> worse than its start 82: scores 0; G1-I02 0.3 vs 0.15; G1-I05 94 vs 87.5
    assert g1.loc["2569-Q1", "score"] == pytest.approx((0 + 1 + 1) / 3)


# ---------------------------------------------------------------- quarters

def test_quarter_complete_when_both_shares_are_reached(data):
    s = rollup.period_state(data, 2569, 2)
    # indicators: 4 reported of the 14 quarterly ones due; projects: P1, P4 of P1, P4, P5 expected
    assert s["indicators"] == {"reported": 4, "due": 14, "share": 4 / 14}
    assert s["projects"] == {"reported": 2, "expected": 3, "share": 2 / 3}
    assert s["state"] == "incomplete" and not s["complete"]
    assert rollup.period_state(data, 2570, 2)["state"] == "future"


def test_opening_period_is_the_latest_complete_quarter(data):
    assert rollup.opening_period(data) == (2569, 2)                         # none complete: latest with data
    loose = {"completeness": {"indicators": 0.2, "projects": 0.6}}
    assert rollup.opening_period(data, thresholds=loose) == (2569, 2)
    assert rollup.opening_period(data, thresholds={"completeness": {"indicators": 0.2, "projects": 0.7}}) == (2569, 1)


def test_year_with_only_projects_opens_on_that_year(db):
    from tests.dashboard_data import PROJECTS

    db["projects"].insert_all([{**p, "fiscal_year": 2570} for p in PROJECTS])
    assert rollup.opening_period(db) == (2570, 1)


def test_empty_database_opens_on_the_current_quarter(db):
    assert rollup.opening_period(db) == (2570, 1)                            # today: 2 Dec 2026


def test_indicator_values_name_their_batch(data):
    v = rollup.indicator_values(data, "G1-I01")
    assert list(v["value"]) == [82, 80, 84] and set(v["file_name"]) == {"ผลตัวชี้วัด-2569Q2.csv"}
    assert v.iloc[2]["note"] == "note G1-I01 Q2"


def test_summary_structure_and_none_for_undefined(data):
    s = rollup.summary(data, 2569, 2)
    assert {"method", "fiscal_year", "quarter", "today", "period", "settings", "goals", "strategies", "programmes",
            "indicators", "totals", "not_funded", "not_reported", "missing_reports", "attention"} <= set(s)
    assert s["method"] == "v2" and s["today"] == "2026-12-02" and s["period"]["state"] == "incomplete"
    g2 = next(g for g in s["goals"] if g["goal"] == 2)
    assert g2["score"] is None and g2["status"] == "no_data" and g2["coverage"] == {"assessed": 0, "due": 2,
                                                                                     "share": 0.0}
    assert set(g2["projects"]) == set(rollup.PROJECT_COUNTS)
    assert set(g2["budget"]) == {*rollup.CHAIN, *rollup.UNFUNDED_MONEY} and g2["budget"]["ordinance"] is None
    i = next(i for i in s["indicators"] if i["code"] == "G1-I03")
    assert (i["actual"], i["expected"], i["ratio"], i["status"], i["start"]) == (None, 91.5, None, "no_data", 88.0)
    assert i["text"]["th"]["status"] == "○ ยังไม่มีข้อมูล" and i["text"]["en"]["actual"] == "—"
    g1 = next(g for g in s["goals"] if g["goal"] == 1)
    assert g1["score"] == pytest.approx((1 + 0.6 / 0.675 + 1) / 3)   # unrounded
    assert g1["text"]["th"]["score"] == "96.3%" and g1["text"]["en"]["coverage"] == "assessed 3 of 4 indicators"
    assert s["not_funded"][0]["code"] == "P3" and s["not_reported"] == ["P5"] and s["missing_reports"] == ["P5"]


def test_every_function_copes_with_an_empty_database(db):
    assert set(rollup.goal_summary(db, 2569, 2)["status"]) == {"no_data"}
    assert rollup.project_table(db, 2569, 2).empty
    assert rollup.budget_by_department(db, 2569, 2).empty
    assert rollup.budget_by_village(db, 2569, 2).empty
    assert rollup.goal_score_history(db).empty
    assert rollup.indicator_history(db).empty
    assert rollup.disbursement_by_quarter(db, 2569)["disbursed"].isna().all()
    assert rollup.summary(db, 2569, 2)["totals"]["budget"]["allocated"] == 0


def test_projects_per_goal_is_unchanged(data):
    p = by(rollup.projects_per_goal(data, 2569), "goal_no")
    assert p["projects"].to_dict() == {1: 3, 2: 0, 3: 3, 4: 0, 5: 0}
    assert p.loc[3, "allocated"] == 8_450_000


@pytest.mark.parametrize("kw, codes", [
    ({}, ["P1", "P2", "P3", "P4", "P5", "P6"]),
    ({"goals": [3]}, ["P4", "P5", "P6"]),
    ({"departments": ["ENG"]}, ["P1", "P2"]),
    ({"villages": [3]}, ["P1", "P4", "P6"]),
    ({"villages": [0]}, ["P3"]),                                  # naming no village = whole subdistrict
    ({"statuses": ["not_reported"]}, ["P5"]),
    ({"statuses": ["not_funded"]}, ["P3"]),
    ({"text": "เบี้ย"}, ["P4", "P5"]),
    ({"text": "p6"}, ["P6"]),
    ({"goals": [1], "text": "ท่อ"}, ["P2"]),
])
def test_filter_projects(data, kw, codes):
    assert list(rollup.filter_projects(rollup.project_table(data, 2569, 2), **kw)["project_code"]) == codes


def test_welfare_split_reconciles(data):
    w = by(rollup.welfare_split(data, 2569, 2), "kind")
    assert w.loc["welfare", "allocated"] == 8_350_000 and w.loc["development", "allocated"] == 1_500_000
    for k in rollup.BUDGET:
        assert w.loc["welfare", k] + w.loc["development", k] == w.loc["total", k]


def test_filter_indicators(data):
    ind = rollup.indicator_table(data, 2569, 2)
    assert list(rollup.filter_indicators(ind, goals=[3], statuses=["no_data"])["code"]) == ["G3-I02", "G3-I04",
                                                                                            "G3-I05"]
    assert len(rollup.filter_indicators(ind)) == len(ind)


def test_one_load_gives_every_figure_of_a_view(data):
    """The figures are pure functions of frames loaded once: a view can read once and compute them all."""
    from tracker.rollup import goals, projects

    from tracker import periods

    inputs = rollup.load(data, [2567, 2568, 2569])
    th, today = rollup.thresholds_of(), periods.today()
    assert goals.goal_summary(inputs, 2569, 2, th, today).equals(rollup.goal_summary(data, 2569, 2))
    assert goals.summary(inputs, 2569, 2, th, today) == rollup.summary(data, 2569, 2)
    assert projects.project_table(inputs, 2569, 2).equals(rollup.project_table(data, 2569, 2))
    assert goals.attention_items(inputs, 2569, 2, th, today).equals(rollup.attention_items(data, 2569, 2))


def test_worst_attention_items_come_first_by_kind_then_furthest_below():
    import math

    import pandas as pd

    items = pd.DataFrame({"kind": ["low_disbursement", "off_track_indicator", "off_track_indicator",
                                   "not_started_late", "low_disbursement"],
                          "goal_no": [1, 2, 3, 4, 5], "code": ["P1", "I2", "I3", "P4", "P5"],
                          "name_th": ["a"] * 5, "name_en": ["a"] * 5,
                          "value": [0.10, 0.60, 0.20, math.nan, 0.02], "reference": [0.3] * 5})
    assert list(rollup.worst_first(items)["code"]) == ["I3", "I2", "P4", "P5", "P1"]
    assert rollup.worst_first(items.iloc[:0]).empty


def test_a_years_rows_are_those_of_the_year_and_share_the_loaded_frames_memory(data):
    """Inputs.of_year: the store reads projects and progress by year first, so a year's rows are taken as a
    slice of the loaded frame (no copy of a province's 13 MB year for every project table); rows in any other
    order are still found by their year."""
    import numpy as np

    loaded = rollup.load(data)
    fields = {f: getattr(loaded, f) for f in loaded.__dataclass_fields__}
    for table in ("projects", "progress"):
        one = fields[table]
        fields[table] = pd.concat([one.assign(fiscal_year=2568), one, one.assign(fiscal_year=2570)], ignore_index=True)
    inputs = rollup.Inputs(**fields)
    for table in ("projects", "progress", "results"):
        whole = getattr(inputs, table)
        for fy in (2567, 2568, 2569, 2570):
            pd.testing.assert_frame_equal(inputs.of_year(table, fy), whole[whole["fiscal_year"] == fy])
    year = inputs.of_year("projects", 2569)
    assert len(year) and np.shares_memory(year["allocated_budget"].to_numpy(),
                                          inputs.projects["allocated_budget"].to_numpy())
    shuffled = rollup.Inputs(**{**fields, "projects": inputs.projects.sample(frac=1, random_state=16)})
    got = shuffled.of_year("projects", 2569)
    assert sorted(got.index) == year.index.tolist() and (got["fiscal_year"] == 2569).all()


def test_a_goals_projects_are_the_rows_of_the_year_table_filtered_to_that_goal(data):
    table = rollup.project_table(data, 2569, 2)
    for goal in (1, 2, 3, 4, 5):
        pd.testing.assert_frame_equal(rollup.goal_projects(data, 2569, 2, goal),
                                      rollup.filter_projects(table, goals=[goal]))

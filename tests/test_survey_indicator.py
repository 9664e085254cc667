"""The satisfaction indicator (the plan's ``measured_by: survey``, G5-I03) takes its value from the survey's overall
share (แบบที่ 3/2) in the rollup: the same on every surface, the survey wins over an uploaded result, and no survey
is missing data, never failure."""

from __future__ import annotations

import copy
from datetime import date

import pandas as pd
import pytest
import yaml

from tests.test_survey import SURVEY, load
from tracker import ingest, rollup
from tracker.plan import PlanError, default_plan, parse_plan
from tracker.rollup import satisfaction as RSat

TODAY = date(2026, 12, 1)      # FY 2569 closed: its Q4 is the year-end result


def g5i03(db, fy=2569, q=4) -> pd.Series:
    t = rollup.indicator_table(db, fy, q, today=TODAY)
    return t[t["code"] == "G5-I03"].iloc[0]


def upload(db, text: str, name: str = "r.csv"):
    pv = ingest.prepare(db, text.encode(), name)
    assert not pv.has_errors
    return ingest.commit(db, pv, user="somchai")


def test_the_plan_file_marks_the_satisfaction_indicator_measured_by_the_survey():
    assert [i.code for i in default_plan().indicators.values() if i.measured_by == "survey"] == ["G5-I03"]


@pytest.mark.parametrize("value, problem", [("poll", "measured_by must be one of survey"), (None, None)])
def test_measured_by_takes_only_survey(value, problem):
    raw = yaml.safe_load(open(default_plan().source_path, encoding="utf-8"))
    raw = copy.deepcopy(raw)
    for i in raw["indicators"]:
        if i["code"] == "G5-I01":
            i["measured_by"] = value
    if problem is None:
        assert parse_plan(raw).indicators["G5-I01"].measured_by is None
    else:
        with pytest.raises(PlanError, match=problem):
            parse_plan(raw)


def test_only_one_indicator_may_be_measured_by_the_survey():
    raw = yaml.safe_load(open(default_plan().source_path, encoding="utf-8"))
    next(i for i in raw["indicators"] if i["code"] == "G5-I01")["measured_by"] = "survey"
    with pytest.raises(PlanError, match="only one indicator"):
        parse_plan(raw)


def test_without_a_survey_or_a_result_the_satisfaction_indicator_is_no_data_not_failure(db):
    row = g5i03(db)
    assert pd.isna(row["actual"]) and row["status"] == "no_data"


def test_a_loaded_survey_is_the_satisfaction_indicators_year_end_result(db):
    load(db)
    row = g5i03(db)
    assert row["actual"] == pytest.approx(86.3) and row["target"] == 87
    summary = rollup.summary(db, 2569, 4, today=TODAY)
    ind = next(i for i in summary["indicators"] if i["code"] == "G5-I03")
    assert ind["actual"] == pytest.approx(86.3)
    assert "86.3" in ind["text"]["th"]["actual"] and "86.3" in ind["text"]["en"]["actual"]


def test_the_survey_wins_over_an_uploaded_result_and_its_rollback_brings_the_upload_back(db):
    upload(db, "indicator_code,fiscal_year,quarter,value\nG5-I03,2569,4,80\n")
    assert g5i03(db)["actual"] == 80
    _, receipt = load(db)
    assert g5i03(db)["actual"] == pytest.approx(86.3)
    history = rollup.indicator_values(db, "G5-I03")
    assert history["value"].tolist() == [pytest.approx(86.3)]
    assert history["file_name"].tolist() == ["survey.csv"]       # the figure's source is the survey file
    ingest.rollback(db, receipt.batch_id, user="somchai")
    assert g5i03(db)["actual"] == 80


def test_the_six_month_survey_is_the_second_quarters_result(db):
    load(db, SURVEY.replace("ประจำปี", "รอบ 6 เดือน"))
    t = rollup.indicator_table(db, 2569, 2, today=TODAY)
    assert t.loc[t["code"] == "G5-I03", "last_value"].item() == pytest.approx(86.3)


def test_survey_results_are_empty_when_the_plan_measures_nothing_by_survey():
    rows = pd.DataFrame({"fiscal_year": [2569], "round": ["annual"], "survey_table": ["overall"], "item": ["ภาพรวม"],
                         "very_satisfied": [30.0], "satisfied": [50.0], "not_satisfied": [20.0], "batch_id": [3]})
    measured = pd.DataFrame({"code": ["A", "B"], "measured_by": [None, "survey"]})
    assert RSat.survey_results(rows, measured).to_dict("records") == [
        {"indicator_code": "B", "fiscal_year": 2569, "quarter": 4, "value": 80.0, "note": None, "batch_id": 3}]
    assert RSat.survey_results(rows, measured.assign(measured_by=None)).empty
    uploaded = pd.DataFrame({"indicator_code": ["A", "B", "B"], "fiscal_year": [2569] * 3, "quarter": [4, 2, 4],
                             "value": [1.0, 2.0, 3.0], "note": [None] * 3, "batch_id": [1, 1, 1]})
    merged = RSat.with_survey(uploaded, RSat.survey_results(rows, measured))
    assert merged[["indicator_code", "quarter", "value"]].values.tolist() == [["A", 4, 1.0], ["B", 2, 2.0],
                                                                             ["B", 4, 80.0]]


def test_a_locked_year_end_quarter_refuses_the_annual_survey_and_keeps_the_database(db):
    from tests.test_survey import dump
    from tracker import locks

    locks.lock_quarter(db, 2569, 4, user="analyst")
    before = dump(db)
    pv = ingest.prepare(db, SURVEY.encode("utf-8-sig"), "survey.csv")
    locked = pv.problems[pv.problems["code"] == "quarter_locked"]
    assert pv.has_errors and locked["value"].tolist() == ["2569-Q4"]
    assert "2569-Q4" in locked["message_th"].item() and "analyst" in locked["message_en"].item()
    with pytest.raises(ingest.ImportRejected):
        ingest.commit(db, pv, user="somchai")
    assert dump(db) == before
    load(db, SURVEY.replace("ประจำปี", "รอบ 6 เดือน"))          # the six-month round sets Q2: not locked


def test_an_indicator_upload_of_a_quarter_the_survey_measures_is_warned_and_set_aside(db):
    load(db)
    pv = ingest.prepare(db, b"indicator_code,fiscal_year,quarter,value\nG5-I03,2569,4,80\nG5-I03,2569,3,70\n", "r.csv")
    w = pv.problems[pv.problems["code"] == "survey_replaces_result"]
    assert w["severity"].tolist() == ["warning"] and w["row"].tolist() == [2]
    assert "86.3" in w["message_th"].item() and "80" in w["message_en"].item()
    ingest.commit(db, pv, user="somchai")
    assert g5i03(db)["actual"] == pytest.approx(86.3)

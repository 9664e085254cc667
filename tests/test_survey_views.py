"""What the satisfaction page and the report draw from a survey (#13): the 3/3 points per strategy, the 3/2 chart,
the score written with two decimals everywhere, the rounds loaded."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.test_app_satisfaction import SURVEY
from tests.test_survey import _chapter, _text, load
from tracker import charts, fmt
from tracker.report.me import build, parse
from tracker.rollup import satisfaction as RSat


def test_points_assessed_per_strategy_are_listed_apart_from_the_strategys_overall(db):
    load(db, SURVEY)
    survey = RSat.load(db, 2569, "annual")
    assert survey.strategy_items().to_dict("records") == [
        {"strategy_no": 1, "item": "ถนนและทางระบายน้ำ", "score": 7.5},
        {"strategy_no": 1, "item": "ไฟฟ้าส่องสว่าง", "score": 8.2}]
    assert survey.strategy_scores()["score"].round(2).tolist() == [7.85, 8.1]     # 1: the mean of its points


def test_the_rounds_loaded_for_a_year(db):
    assert RSat.loaded_rounds(db, 2569) == []
    load(db, SURVEY.replace("ประจำปี", "รอบ 6 เดือน"))
    load(db, SURVEY, name="annual.csv")
    assert RSat.loaded_rounds(db, 2569) == ["annual", "half"] and RSat.loaded_rounds(db, 2570) == []


@pytest.mark.parametrize("value, text", [(8.1, "8.10"), (7.845, "7.85"), (10, "10.00"), (None, "—")])
def test_a_score_out_of_10_is_written_with_two_decimals(value, text):
    assert fmt.figure("rating", value) == text and fmt.cell("rating", value, "en") == text
    if value is not None:
        assert fmt.excel_format("rating") == "#,##0.00" and fmt.shown_number("rating", value) == float(text)


def test_the_3_2_chart_stacks_the_three_answers_per_point_with_the_overall_first():
    items = pd.DataFrame({"item": ["การเปิดโอกาสให้ประชาชนมีส่วนร่วมในโครงการและกิจกรรมของท้องถิ่น"],
                          "very_satisfied": [0.354], "satisfied": [0.522], "not_satisfied": [0.124]})
    overall = {"very_satisfied": 0.327, "satisfied": 0.536, "not_satisfied": 0.137}
    fig = charts.satisfaction_items(items, overall, "th", "แบบที่ 3/2").to_dict()
    assert [tr["name"] for tr in fig["data"]] == ["พอใจมาก", "พอใจ", "ไม่พอใจ"]
    assert list(fig["data"][0]["text"]) == ["32.7%", "35.4%"] and list(fig["data"][0]["x"]) == [32.7, 35.4]
    assert fig["layout"]["barmode"] == "stack" and fig["layout"]["font"]["family"].startswith("Sarabun")
    assert list(fig["layout"]["xaxis"]["ticktext"])[-1] == "100%"      # one unit: percent of respondents
    label = fig["data"][0]["y"][1]
    assert "<br>" in label and "โอกาส" in label.replace("<br>", "")        # wrapped between words
    assert all(0 < len(line) <= 40 for line in label.replace("\u2060", "").split("<br>"))
    english = charts.satisfaction_items(items, overall, "en", "Form 3/2").to_dict()
    assert english["data"][0]["y"][0] == "<b>Overall</b>" and english["data"][2]["name"] == "Not satisfied"


def test_an_empty_survey_chart_says_so():
    fig = charts.satisfaction_items(pd.DataFrame(columns=["item"]), {}, "th", "t").to_dict()
    assert fig["layout"]["annotations"][0]["text"]


def test_the_report_prints_each_strategys_points_with_their_scores(db):
    load(db, SURVEY)
    text = _text(_chapter(build(db, parse("annual", 2569))))
    assert "คะแนนความพึงพอใจรายประเด็นของยุทธศาสตร์ที่ 1" in text
    for want in ("ถนนและทางระบายน้ำ", "7.50", "ไฟฟ้าส่องสว่าง", "8.20", "7.85", "8.10"):
        assert want in text, want


def test_the_report_draws_form_3_2_as_a_chart_with_its_table(db):
    from tracker.report import blocks as B

    load(db, SURVEY)
    fig = next(b for b in _chapter(build(db, parse("annual", 2569))) if isinstance(b, B.Figure))
    assert fig.caption.startswith("ภาพที่ 2") and "แบบที่ 3/2" in fig.caption and fig.alt
    assert [tr["name"] for tr in fig.spec()["data"]] == ["พอใจมาก", "พอใจ", "ไม่พอใจ"]
    assert fig.table is not None and "32.7%" in [getattr(c, "text", c) for row in fig.table.rows for c in row]

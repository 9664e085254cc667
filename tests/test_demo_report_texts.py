"""The demo's M&E report texts and satisfaction surveys (#13): loaded for the annual round of 2569 and the six-month
round of 2570, marked demo, consistent with the demo's own indicator results."""

from __future__ import annotations

import pandas as pd
import pytest

from tracker import store
from tracker.demo import DEMO_DIR, report_texts
from tracker.report.me import narrative as N
from tracker.report.me import parse
from tracker.rollup import satisfaction as RSat

ROUNDS = (("annual", 2569), ("half", 2570))


@pytest.fixture
def loaded(db):
    receipts = report_texts.load_report_texts(db, user="system:demo")
    return db, receipts


def test_the_surveys_are_demo_batches_and_loading_again_adds_nothing(loaded):
    db, receipts = loaded
    assert [r.kind for r in receipts] == ["satisfaction", "satisfaction"] and all(r.is_demo for r in receipts)
    assert store.has_demo_data(db)
    assert report_texts.load_report_texts(db, user="system:demo") == []
    assert len(store.audit_log(db).query("action == 'narrative_edit'")) == 2 * (4 + 3 * 5)


@pytest.mark.parametrize("kind, fy", ROUNDS)
def test_every_strategy_has_its_problems_recommendations_and_impact_and_the_committee_its_opinion(loaded, kind, fy):
    db, _ = loaded
    texts = N.load(db, parse(kind, fy))
    for number in range(1, 6):
        for section in N.STRATEGY_SECTIONS:
            assert texts.text(section, number), (section, number)
    for section in ("committee_opinion", "committee_members", "council_date", "posted_date"):
        assert texts.text(section)
    assert texts.stamp("committee_opinion")[0] == "system:demo"


@pytest.mark.parametrize("kind, fy", ROUNDS)
def test_each_round_has_a_whole_survey(loaded, kind, fy):
    db, _ = loaded
    s = RSat.load(db, fy, kind)
    assert set(s.respondents()["characteristic"]) == {"sex", "age", "education", "occupation"}
    assert len(s.items()) == 9 and s.strategy_scores()["strategy_no"].tolist() == [1, 2, 3, 4, 5]


def test_the_annual_surveys_overall_share_is_the_demos_satisfaction_indicator_result(loaded):
    db, _ = loaded
    results = pd.read_csv(DEMO_DIR / "2569" / "indicator_results.csv", encoding="utf-8-sig")
    g5 = results[(results["indicator_code"] == "G5-I03") & (results["quarter"] == 4)]["value"].item()
    assert RSat.load(db, 2569, "annual").overall_share() * 100 == pytest.approx(g5)


def test_rolling_back_a_rounds_demo_survey_removes_its_demo_texts_but_not_an_analysts_edit(loaded):
    from tracker import ingest

    db, receipts = loaded
    annual = next(r for r in receipts if "annual" in r.file_name)
    N.save(db, parse("annual", 2569), "committee_opinion", "ความเห็นที่คณะกรรมการเขียนเอง", user="analyst")
    ingest.rollback(db, annual.batch_id, user="analyst")
    texts = N.load(db, parse("annual", 2569))
    assert texts.text("problems", 1) is None and texts.text("committee_members") is None     # the demo's, gone
    assert texts.text("committee_opinion") == "ความเห็นที่คณะกรรมการเขียนเอง"                 # the analyst's, kept
    assert RSat.load(db, 2569, "annual").empty
    assert N.load(db, parse("half", 2570)).text("problems", 1)          # the other round's demo texts stay
    detail = store.audit_log(db).query("action == 'rollback'")["detail"].iloc[0]
    assert '"texts_removed": 18' in detail                               # 19 demo texts of the round less the edited one
    half = next(r for r in receipts if "half" in r.file_name)
    ingest.rollback(db, half.batch_id, user="analyst")
    assert N.load(db, parse("half", 2570)).rows.empty
    assert report_texts.load_report_texts(db, user="system:demo")        # the demo loads again, texts and all
    assert N.load(db, parse("annual", 2569)).text("problems", 1)

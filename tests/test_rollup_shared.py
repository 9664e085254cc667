"""Each table computed once per view (tracker.rollup.shared): the same figures as computed afresh,
the project table built once for a page's sections, other databases and writers never served from it."""

import json

import pandas as pd
import pytest

from tests.dashboard_data import load_small_dataset
from tracker import rollup, store
from tracker.rollup import indicators, projects, shared


@pytest.fixture
def data(db):
    load_small_dataset(db)
    shared.clear()
    yield db
    shared.clear()


def _overview(db, fy=2569, q=2):
    return {"state": rollup.period_state(db, fy, q), "goals": rollup.goal_summary(db, fy, q),
            "totals": rollup.totals(db, fy, q), "attention": rollup.attention_items(db, fy, q),
            "history": rollup.goal_score_history(db), "strategies": rollup.budget_by(db, fy, q, "strategy"),
            "indicators": rollup.indicator_table(db, fy, q), "projects": rollup.project_table(db, fy, q),
            "missing": rollup.missing_reports(db, fy, q), "pace": rollup.disbursement_by_quarter(db, fy),
            "summary": rollup.summary(db, fy, q)}


def _same(a, b):
    assert a.keys() == b.keys()
    for k in a:
        if isinstance(a[k], pd.DataFrame):
            pd.testing.assert_frame_equal(a[k], b[k], check_exact=True)
        else:       # (json: NaN, a missing figure, equals NaN)
            assert json.dumps(a[k], sort_keys=True, default=str) == json.dumps(b[k], sort_keys=True, default=str), k


def test_a_view_shows_the_same_figures_as_computing_each_afresh(data):
    fresh = _overview(data)
    with shared.view(("test", store.revision(data)), data):
        viewed = _overview(data)
        again = _overview(data)                  # served from the view
    _same(fresh, viewed)
    _same(fresh, again)


def test_a_view_builds_each_project_table_once_for_every_section(data, monkeypatch):
    calls = []
    real = projects._rows
    monkeypatch.setattr(projects, "_rows", lambda p, pr, q: calls.append(q) or real(p, pr, q))
    _overview(data)
    afresh = len(calls)
    calls.clear()
    with shared.view(("test", store.revision(data)), data):
        _overview(data)
    # (2569, 2) and (2568, 2) once each; the pace builds no project states (one pass over the progress)
    assert afresh > 2 and sorted(calls) == [2, 2]


def test_a_frame_from_a_view_can_be_changed_without_changing_the_view(data):
    with shared.view(("test", store.revision(data)), data):
        first = rollup.project_table(data, 2569, 2)
        first["allocated_budget"] = 0.0
        first.loc[0, "status"] = "changed"
        second = rollup.project_table(data, 2569, 2)
    assert second["allocated_budget"].sum() > 0 and "changed" not in set(second["status"])


def test_another_database_inside_a_view_is_read_as_it_is(data, tmp_path):
    other = store.open_db(tmp_path / "other.db")         # a pinned snapshot's file, say: no figures
    try:
        with shared.view(("test", store.revision(data)), data):
            assert len(rollup.project_table(data, 2569, 2))
            assert rollup.project_table(other, 2569, 2).empty
    finally:
        other.close()


def test_outside_a_view_a_write_is_seen_at_once(data):
    before = rollup.totals(data, 2569, 2)
    data.execute("UPDATE projects SET allocated_budget = allocated_budget + 1000 WHERE fiscal_year = 2569")
    assert rollup.totals(data, 2569, 2)["budget"]["allocated"] > before["budget"]["allocated"]


def test_the_history_in_one_pass_is_each_quarter_s_indicator_table_stacked(data):
    th, today = rollup.thresholds_of(), rollup._today(None)
    inputs = rollup.load(data)
    hist = indicators.indicator_history(inputs, th, today)
    years = set(inputs.targets["fiscal_year"].astype(int))
    stacked = pd.concat([indicators.indicator_table(inputs, fy, q, th, today) for fy, q in inputs.periods
                         if fy in years], ignore_index=True)
    assert len(hist) == len(stacked) > 0
    pd.testing.assert_frame_equal(hist.drop(columns="period"), stacked, check_exact=True)
    assert hist["period"].iloc[0] == f"{stacked['fiscal_year'].iloc[0]}-Q{stacked['quarter'].iloc[0]}"

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
    # (2569, 2) once (the change on last year builds no table of 2568: goals._previous_rows); the pace builds
    # no project states (one pass over the progress)
    assert afresh > 2 and sorted(calls) == [2]


def test_a_view_reads_only_the_years_its_figures_ask_for_once_each(data, monkeypatch):
    """A view's projects and progress are read a year at a time when first needed (a page shows a year and
    the one before: at 50x data reading all five years was half of the overview's cache miss); each year's
    rows are what the store reads for that year, and no year is read twice, by any view of the state."""
    from tracker.rollup import goals

    reads = []
    real = store.projects
    monkeypatch.setattr(store, "projects", lambda db, years=None, columns=None: reads.append((years, columns))
                        or real(db, years, columns))
    state = ("test", store.revision(data))
    with shared.view(state, data):
        rollup.goal_summary(data, 2569, 2)
        rollup.totals(data, 2569, 2)
        inputs = shared.inputs(data, None)
    # the year shown whole; of the year before, only what the change on last year needs
    assert sorted(reads, key=str) == [([2568], goals._PREVIOUS_PROJECTS), ([2569], None)]
    for year in (2568, 2569):
        pd.testing.assert_frame_equal(inputs.of_year("projects", year, goals._PREVIOUS_PROJECTS),
                                      real(data, [year])[list(goals._PREVIOUS_PROJECTS)], check_exact=True)
    pd.testing.assert_frame_equal(inputs.of_year("projects", 2569), real(data, [2569]), check_exact=True)
    pd.testing.assert_frame_equal(inputs.of_year("progress", 2569), store.progress(data, [2569]), check_exact=True)
    with shared.view(state, data):           # the next run of the same state: nothing read again
        rollup.project_table(data, 2569, 4)
        rollup.goal_summary(data, 2569, 3)
    assert len(reads) == 2


def test_a_views_inputs_read_no_year_outside_a_view_of_their_state(data):
    with shared.view(("test", store.revision(data)), data):
        rollup.project_table(data, 2569, 2)
        inputs = shared.inputs(data, None)
    assert len(inputs.of_year("projects", 2569))           # a year read before is kept
    with pytest.raises(RuntimeError):
        inputs.of_year("projects", 2568)
    with shared.view(("another state", 0), data), pytest.raises(RuntimeError):
        inputs.of_year("progress", 2568)


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

"""The method, rule by rule, against hand-computed cases (README.md, "How figures are computed")."""

import math
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker import status as S

TH = {"on_track": 1.0, "at_risk": 0.8}


@pytest.mark.parametrize("values, aggregation, q, expected", [
    ({1: 2.0, 2: 3.0, 3: 5.0}, "sum", 3, 10.0),
    ({1: 2.0, 2: 3.0, 3: 5.0}, "sum", 2, 5.0),            # quarters after q are ignored
    ({1: 2.0, 3: 5.0}, "sum", 4, 7.0),                    # a missing quarter adds nothing
    ({1: 80.0, 2: 82.0, 4: 90.0}, "latest", 3, 82.0),     # latest quarter <= q that has a value
    ({1: 80.0, 2: 82.0, 4: 90.0}, "latest", 4, 90.0),
    ({2: 70.0}, "latest", 4, 70.0),
    ({1: 90.0, 2: 96.0}, "average", 2, 93.0),
    ({1: 90.0, 3: 96.0}, "average", 4, 93.0),             # mean of the reported quarters only
    ({1: 90.0, 2: None, 3: float("nan")}, "average", 4, 90.0),
    ({}, "sum", 4, None),
    ({3: 5.0}, "sum", 2, None),                           # nothing reported by q
    ({2: 0.0}, "sum", 2, 0.0),                            # zero is a value, not missing
])
def test_indicator_actual(values, aggregation, q, expected):
    assert S.indicator_actual(values, aggregation, q) == expected


def test_unknown_aggregation_is_an_error():
    with pytest.raises(ValueError):
        S.indicator_actual({1: 1.0}, "median", 1)


@pytest.mark.parametrize("target, aggregation, frequency, q, expected", [
    (1.5, "sum", "quarterly", 1, 0.375),
    (1.5, "sum", "quarterly", 2, 0.75),
    (1.5, "sum", "quarterly", 4, 1.5),
    (120, "sum", "annual", 2, 120.0),          # annual sums are not pro-rated
    (85, "latest", "quarterly", 1, 85.0),
    (95, "average", "quarterly", 3, 95.0),
    (0, "sum", "quarterly", 2, 0.0),
    (None, "sum", "quarterly", 2, None),
    (float("nan"), "latest", "quarterly", 2, None),
])
def test_indicator_expected(target, aggregation, frequency, q, expected):
    assert S.indicator_expected(target, aggregation, frequency, q) == expected


@pytest.mark.parametrize("actual, expected, direction, ratio", [
    (0.6, 0.75, "higher", 0.8),
    (84, 85, "higher", 84 / 85),
    (2.0, 1.0, "higher", 1.5),           # clipped at 1.5
    (5, 0, "higher", 1.0),               # zero target: 1.0
    (0, 0, "higher", 1.0),
    (-3, 10, "higher", 0.0),             # clipped at 0
    (4, 3, "lower", 0.75),               # expected / actual
    (2, 3, "lower", 1.5),                # 1.5 clipped
    (0, 3, "lower", 1.5),                # zero actual, lower is better: best possible
    (0, 0, "lower", 1.5),
    (None, 3, "lower", None),
    (3, None, "higher", None),
])
def test_achievement_ratio(actual, expected, direction, ratio):
    got = S.achievement_ratio(actual, expected, direction)
    assert got == pytest.approx(ratio) if ratio is not None else got is None


@pytest.mark.parametrize("target, actual, ratio, frequency, q, status", [
    (None, 5.0, None, "quarterly", 2, "no_target"),
    (None, None, None, "annual", 2, "no_target"),           # no target wins over not due
    (3, None, None, "annual", 2, "not_due"),
    (3, None, None, "annual", 3, "not_due"),
    (3, None, None, "annual", 4, "no_data"),               # annual, Q4 and still nothing
    (85, None, None, "quarterly", 1, "no_data"),
    (3, 3, 1.0, "annual", 2, "on_track"),                  # an early annual value counts
    (85, 85, 1.0, "quarterly", 2, "on_track"),
    (85, 84, 84 / 85, "quarterly", 2, "at_risk"),
    (85, 68, 0.8, "quarterly", 2, "at_risk"),              # exactly the at-risk threshold
    (85, 67, 67 / 85, "quarterly", 2, "off_track"),
    (0, 0, 1.5, "quarterly", 2, "on_track"),
])
def test_indicator_status(target, actual, ratio, frequency, q, status):
    assert S.indicator_status(target=target, actual=actual, ratio=ratio, frequency=frequency, q=q,
                              thresholds=TH) == status


def test_missing_quarter_is_no_data_not_off_track():
    r = S.evaluate_indicator({}, target=1.5, direction="higher", aggregation="sum", frequency="quarterly", q=3)
    assert r == {"actual": None, "expected": 1.125, "ratio": None, "status": "no_data"}


def test_thresholds_come_from_the_caller():
    assert S.ratio_status(0.9, {"on_track": 0.9, "at_risk": 0.5}) == "on_track"
    assert S.ratio_status(0.6, {"on_track": 0.9, "at_risk": 0.5}) == "at_risk"
    assert S.ratio_status(0.95) == "at_risk"


@pytest.mark.parametrize("values, target, direction, aggregation, frequency, q, expected", [
    # road km, quarterly sum: 0.3 + 0.3 by Q2 against 1.5 × 2/4 = 0.75 -> 0.8 at risk
    ({1: 0.3, 2: 0.3}, 1.5, "higher", "sum", "quarterly", 2, (0.6, 0.75, 0.8, "at_risk")),
    # flooding spots, annual, lower is better: 4 spots against 3 -> 0.75 off track
    ({4: 4.0}, 3, "lower", "latest", "annual", 4, (4.0, 3.0, 0.75, "off_track")),
    ({}, 3, "lower", "latest", "annual", 3, (None, 3.0, None, "not_due")),
    ({4: 0.0}, 3, "lower", "latest", "annual", 4, (0.0, 3.0, 1.5, "on_track")),
    # street lights average of 94 and 96 = 95 against 95
    ({1: 94.0, 2: 96.0}, 95, "higher", "average", "quarterly", 2, (95.0, 95.0, 1.0, "on_track")),
    ({1: 94.0}, None, "higher", "average", "quarterly", 2, (94.0, None, None, "no_target")),
])
def test_evaluate_indicator_worked_examples(values, target, direction, aggregation, frequency, q, expected):
    r = S.evaluate_indicator(values, target=target, direction=direction, aggregation=aggregation,
                             frequency=frequency, q=q, thresholds=TH)
    got = (r["actual"], r["expected"], r["ratio"], r["status"])
    for g, e in zip(got, expected):
        assert g == pytest.approx(e) if isinstance(e, float) else g == e


@pytest.mark.parametrize("items, score", [
    ([(1.2, "on_track"), (0.8, "at_risk"), (0.5, "off_track")], (1.0 + 0.8 + 0.5) / 3),   # cap at 1.0
    ([(1.5, "on_track"), (None, "no_data"), (None, "not_due")], 1.0),
    ([(0.9, "at_risk"), (None, "no_target")], 0.9),
    ([(None, "no_data"), (None, "not_due")], None),
    ([], None),
])
def test_goal_score(items, score):
    got = S.goal_score(items)
    assert got == pytest.approx(score) if score is not None else got is None


@pytest.mark.parametrize("score, status", [
    (1.0, "on_track"), (0.99, "at_risk"), (0.8, "at_risk"), (0.79, "off_track"), (0.0, "off_track"),
    (None, "no_data"), (float("nan"), "no_data"),
])
def test_score_status(score, status):
    assert S.score_status(score, TH) == status


def test_every_status_has_colour_icon_and_badge():
    for table in (S.COLOURS, S.ICONS, S.BADGE_COLOURS):
        assert set(table) == set(S.STATUSES)
    for table in (S.PROJECT_COLOURS, S.PROJECT_ICONS, S.PROJECT_BADGE_COLOURS):
        assert set(table) == set(S.PROJECT_STATUSES)
    assert len(set(S.ICONS.values())) == len(S.ICONS)   # icons tell statuses apart without colour


@given(st.dictionaries(st.integers(1, 4), st.floats(-1e6, 1e6)), st.floats(-1e6, 1e6),
       st.sampled_from(["higher", "lower"]), st.sampled_from(["sum", "latest", "average"]),
       st.sampled_from(["quarterly", "annual"]), st.integers(1, 4))
def test_ratio_is_always_within_bounds_and_status_is_known(values, target, direction, aggregation, frequency, q):
    r = S.evaluate_indicator(values, target=target, direction=direction, aggregation=aggregation,
                             frequency=frequency, q=q)
    assert r["status"] in S.STATUSES
    if r["ratio"] is not None:
        assert 0.0 <= r["ratio"] <= S.RATIO_MAX and not math.isnan(r["ratio"])
    if r["actual"] is None:
        assert r["status"] != "off_track"


def test_status_module_imports_nothing_of_the_project():
    code = "import sys, tracker.status; print([m for m in sys.modules if m.startswith('tracker.') and m != 'tracker.status'])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("value, is_missing", [
    (None, True), (math.nan, True), (float("nan"), True), (0, False), (0.0, False), ("", False), ("x", False),
    (-1.5, False),
])
def test_one_test_for_a_missing_value(value, is_missing):
    assert S.missing(value) is is_missing


def test_pandas_missing_values_are_missing():
    import numpy as np
    import pandas as pd

    assert all(S.missing(v) for v in (pd.NA, pd.NaT, np.nan, np.float64("nan")))
    assert not S.missing(np.int64(0))

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


@pytest.mark.parametrize("target, aggregation, frequency, q, kw, expected", [
    # sum indicators: T × p(q), linear without a profile
    (1.5, "sum", "quarterly", 1, {}, 0.375),
    (1.5, "sum", "quarterly", 2, {}, 0.75),
    (1.5, "sum", "quarterly", 4, {}, 1.5),
    (0, "sum", "quarterly", 2, {}, 0.0),
    # ... with a seasonal profile (roads in the dry season): p(1) = 0.1, p(2) = 0.45, p(3) = 0.85
    (1.5, "sum", "quarterly", 1, {"profile": [0.1, 0.35, 0.4, 0.15]}, 0.15),
    (1.5, "sum", "quarterly", 2, {"profile": [0.1, 0.35, 0.4, 0.15]}, 0.675),
    (1.5, "sum", "quarterly", 4, {"profile": [0.1, 0.35, 0.4, 0.15]}, 1.5),
    # level indicators move from the starting point S to the target: S + (T − S) × p(q)
    (160, "latest", "quarterly", 1, {"start": 127}, 127 + 33 * 0.25),
    (160, "latest", "quarterly", 4, {"start": 127}, 160.0),
    (5.1, "average", "quarterly", 2, {"start": 5.3}, 5.3 - 0.2 * 0.5),            # lower is better: down
    (98, "latest", "quarterly", 1, {"start": 88, "profile": [0.5, 0.5, 0, 0]}, 93.0),
    (85, "latest", "quarterly", 1, {}, 85.0),                                     # no start: T (as v1)
    (95, "average", "quarterly", 3, {}, 95.0),
    (120, "sum", "annual", 2, {}, 120.0),                                          # annual: T
    (3, "latest", "annual", 4, {"start": 5}, 3.0),
    (None, "sum", "quarterly", 2, {}, None),
    (float("nan"), "latest", "quarterly", 2, {}, None),
])
def test_indicator_expected(target, aggregation, frequency, q, kw, expected):
    got = S.indicator_expected(target, aggregation, frequency, q, **kw)
    assert got == pytest.approx(expected) if expected is not None else got is None


@pytest.mark.parametrize("aggregation, fy, previous, base, base_fy, start", [
    ("latest", 2570, 127.0, 30, 2565, 127.0),        # last year's actual first
    ("average", 2566, None, 88, 2565, 88.0),          # else the plan baseline of an earlier year
    ("latest", 2565, None, 88, 2565, None),           # a baseline of the same year is not a start
    ("latest", 2566, None, None, None, None),
    ("sum", 2570, 1.2, 1.2, 2565, None),              # sums start every year from 0
])
def test_starting_point_is_last_years_actual_else_the_plan_baseline(aggregation, fy, previous, base, base_fy, start):
    assert S.starting_point(aggregation, fy, previous, base, base_fy) == start


@pytest.mark.parametrize("profile, problem", [
    ([0.1, 0.35, 0.4, 0.15], None), ([0.25, 0.25, 0.25, 0.2505], None), (None, None),
    ([0.5, 0.5, 0.5, -0.5], "negative"), ([0.3, 0.3, 0.3, 0.3], "add up to 1"), ([0.5, 0.5], "four"),
    (["a", 1, 0, 0], "numbers"),
])
def test_profile_must_be_four_shares_adding_up_to_one(profile, problem):
    got = S.check_profile(profile)
    assert got is None if problem is None else problem in got


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


@pytest.mark.parametrize("ratio, shown, status", [
    (0.799875, 80.0, "at_risk"),     # shown 80.0 %: judged 80.0 %, not "off track" under a text of 80.0 %
    (0.79949, 79.9, "off_track"),
    (0.99951, 100.0, "on_track"),
    (0.9994, 99.9, "at_risk"),
    (0.8, 80.0, "at_risk"),
    ((0.3 + 0.3) / 0.75, 80.0, "at_risk"),   # 0.7999999999999999 in binary
    (1.5, 150.0, "on_track"),
])
def test_status_judges_the_rounded_percentage_shown(ratio, shown, status):
    assert S.shown_percent(ratio) == shown
    assert S.judge(ratio, TH) == status


def test_thresholds_come_from_the_caller():
    assert S.judge(0.9, {"on_track": 0.9, "at_risk": 0.5}) == "on_track"
    assert S.judge(0.6, {"on_track": 0.9, "at_risk": 0.5}) == "at_risk"
    assert S.judge(0.95) == "at_risk"
    assert S.judge(0.95, closed=True, year_end={"achieved": 0.95, "nearly": 0.7}) == "achieved"
    assert S.judge(0.7, closed=True, year_end={"achieved": 0.95, "nearly": 0.7}) == "nearly_achieved"


def ev(values, target=10.0, direction="higher", aggregation="latest", frequency="quarterly", q=2, **kw):
    return S.evaluate_indicator(values, target=target, direction=direction, aggregation=aggregation,
                                frequency=frequency, q=q, thresholds=TH, **kw)


@pytest.mark.parametrize("kw, status, assessed", [
    ({"values": {1: 5.0, 2: 9.0}, "target": None}, "no_target", False),
    ({"values": {}, "target": None, "frequency": "annual"}, "no_target", False),   # no target wins over not due
    ({"values": {}, "future": True}, "future", False),
    ({"values": {}, "frequency": "annual"}, "not_due", False),
    ({"values": {2: 10.0}, "frequency": "annual"}, "not_due", False),               # annual: judged at Q4 only
    ({"values": {}, "frequency": "annual", "q": 4}, "no_data", False),
    ({"values": {2: 10.0}, "frequency": "annual", "q": 4}, "on_track", True),      # a value in the year
    ({"values": {}}, "no_data", False),
    # not reported this quarter: the Q1 value is information, never judged
    ({"values": {1: 2.0}}, "no_data", False),
    ({"values": {1: 2.0}, "aggregation": "sum"}, "no_data", False),
    ({"values": {1: 4.0, 2: 10.0}}, "on_track", True),
    ({"values": {2: 9.0}}, "at_risk", True),
    ({"values": {2: 7.9}}, "off_track", True),
])
def test_indicator_status_in_order(kw, status, assessed):
    r = ev(kw.pop("values"), **kw)
    assert (r["status"], r["assessed"]) == (status, assessed)
    if not assessed:
        assert r["actual"] is None and r["ratio"] is None and r["score"] is None


def test_missing_quarter_is_no_data_not_off_track():
    """Q1 and Q2 reported, Q3 not yet: v1 summed 0.8 against 1.125 expected (71 %, off track); the
    quarter that has not reported is not judged at all."""
    r = S.evaluate_indicator({1: 0.5, 2: 0.3}, target=1.5, direction="higher", aggregation="sum",
                             frequency="quarterly", q=3)
    assert (r["actual"], r["expected"], r["ratio"], r["status"]) == (None, 1.125, None, "no_data")
    r = S.evaluate_indicator({}, target=1.5, direction="higher", aggregation="sum", frequency="quarterly", q=3)
    assert (r["actual"], r["expected"], r["ratio"], r["status"]) == (None, 1.125, None, "no_data")


def test_level_indicator_judged_from_last_years_actual_at_q1():
    """G2-I02 at 2570 Q1: 135 rai against a target of 160, last year's actual 127. v1 judged 135 vs 160
    (84.4 %, "off track"); from 127 towards 160 a quarter of the way is 135.25: 99.8 %, at risk."""
    r = ev({1: 135.0}, target=160, q=1, start=127.0)
    assert r["expected"] == pytest.approx(135.25) and r["percent"] == 99.8 and r["status"] == "at_risk"


def test_level_indicator_worse_than_its_start_is_off_track():
    """Piped water 76 % against a start of 88 %: worse than where it started, whatever the ratio."""
    r = ev({2: 76.0}, target=90, q=2, start=88.0)
    assert r["worse_than_start"] and r["status"] == "off_track" and r["score"] == 0.0
    assert r["percent"] == pytest.approx(S.shown_percent(76 / 89))        # the ratio is still shown
    lower = ev({2: 6.0}, target=5.1, direction="lower", aggregation="average", start=5.3)
    assert lower["worse_than_start"] and lower["status"] == "off_track"
    not_worse = ev({2: 88.0}, target=90, start=88.0)
    assert not not_worse["worse_than_start"] and not_worse["status"] == "at_risk"
    sums = ev({2: 0.0}, aggregation="sum", start=5.0)                      # sums have no start
    assert not sums["worse_than_start"]


@pytest.mark.parametrize("values, start, status", [
    ({4: 10.0}, None, "achieved"),
    ({4: 9.0}, None, "nearly_achieved"),
    ({4: 7.0}, None, "not_achieved"),
    ({4: 12.0}, 13.0, "not_achieved"),          # worse than its start
    ({3: 9.0}, None, "no_data"),                # not reported at Q4: never "not achieved"
])
def test_closed_year_reads_achieved_not_at_risk(values, start, status):
    assert ev(values, q=4, start=start, closed=True)["status"] == status
    assert ev({3: 9.0, 4: 9.0}, q=3, closed=True)["status"] == "at_risk"      # year-end words at Q4 only


@pytest.mark.parametrize("values, target, direction, aggregation, frequency, q, expected", [
    # road km, quarterly sum: 0.3 + 0.3 by Q2 against 1.5 × 2/4 = 0.75 -> 0.8 at risk
    ({1: 0.3, 2: 0.3}, 1.5, "higher", "sum", "quarterly", 2, (0.6, 0.75, 0.8, "at_risk")),
    # flooding spots, annual, lower is better: 4 spots against 3 -> 0.75 off track
    ({4: 4.0}, 3, "lower", "latest", "annual", 4, (4.0, 3.0, 0.75, "off_track")),
    ({}, 3, "lower", "latest", "annual", 3, (None, 3.0, None, "not_due")),
    ({4: 0.0}, 3, "lower", "latest", "annual", 4, (0.0, 3.0, 1.5, "on_track")),
    # street lights average of 94 and 96 = 95 against 95
    ({1: 94.0, 2: 96.0}, 95, "higher", "average", "quarterly", 2, (95.0, 95.0, 1.0, "on_track")),
    ({1: 94.0}, None, "higher", "average", "quarterly", 2, (None, None, None, "no_target")),
])
def test_evaluate_indicator_worked_examples(values, target, direction, aggregation, frequency, q, expected):
    r = S.evaluate_indicator(values, target=target, direction=direction, aggregation=aggregation,
                             frequency=frequency, q=q, thresholds=TH)
    got = (r["actual"], r["expected"], r["ratio"], r["status"])
    for g, e in zip(got, expected):
        assert g == pytest.approx(e) if isinstance(e, float) else g == e


def ind(status, score=None):
    return {"status": status, "score": score}


@pytest.mark.parametrize("items, kw, expected", [
    # score over the assessed, coverage = assessed ÷ due (not due and no target are not due)
    ([ind("on_track", 1.0), ind("at_risk", 0.8), ind("off_track", 0.5)], {}, (0.7667, 3, 3, "off_track")),
    ([ind("on_track", 1.0), ind("no_data"), ind("not_due"), ind("no_target")], {}, (1.0, 1, 2, "on_track")),
    # 1 of 5 assessed at Q1: a score of 100 % with "insufficient data", not "on track"
    ([ind("on_track", 1.0), *[ind("no_data")] * 4], {}, (1.0, 1, 5, "insufficient_data")),
    ([ind("on_track", 1.0), ind("on_track", 1.0), ind("no_data"), ind("no_data")], {}, (1.0, 2, 4, "on_track")),
    ([ind("on_track", 1.0), ind("no_data"), ind("no_data")], {"min_coverage": 0.3}, (1.0, 1, 3, "on_track")),
    ([ind("no_data"), ind("not_due")], {}, (None, 0, 1, "no_data")),
    ([ind("not_due"), ind("no_target")], {}, (None, 0, 0, "not_due")),
    ([ind("future"), ind("no_target")], {}, (None, 0, 0, "future")),
    ([ind("achieved", 1.0), ind("nearly_achieved", 0.9)], {"closed": True}, (0.95, 2, 2, "nearly_achieved")),
    ([ind("not_achieved", 0.0), ind("achieved", 1.0)], {"closed": True}, (0.5, 2, 2, "not_achieved")),
])
def test_goal_score_coverage_and_status(items, kw, expected):
    g = S.evaluate_goal(items, thresholds=TH, **kw)
    score, assessed, due, status = expected
    assert (g["assessed"], g["due"], g["status"]) == (assessed, due, status)
    assert g["score"] == pytest.approx(score, abs=1e-4) if score is not None else g["score"] is None


def test_goal_status_judges_its_rounded_score():
    g = S.evaluate_goal([ind("at_risk", 0.79995), ind("at_risk", 0.79995)], thresholds=TH)
    assert g["percent"] == 80.0 and g["status"] == "at_risk"


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
        assert r["status"] not in S.FAILING
    assert r["assessed"] == (r["status"] in S.JUDGED)


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

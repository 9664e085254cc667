"""Indicator status (สถานะตัวชี้วัด) and goal score, method v2: one pure function per rule.

The method is written down in README.md ("How figures are computed") and on the methodology page
(วิธีคำนวณ), rule numbers as there. For indicator *i* in fiscal year *F* as of quarter *q*, with
target T and the cumulative share p(q) of the year's work expected by the end of quarter q:

- :func:`profile_share` — p(q): the plan file's quarterly profile summed to q, else q ÷ 4;
- :func:`starting_point` — S for level indicators (``latest``/``average``): last year's actual, else the
  plan baseline (when its year is before F), else none;
- :func:`indicator_actual` — ``sum`` / ``latest`` / ``average`` of the values of quarters ≤ q;
- :func:`indicator_expected` — T × p(q) for sums, S + (T − S) × p(q) for levels with a start, else T;
- :func:`achievement_ratio` — actual ÷ expected (higher is better) or expected ÷ actual (lower is
  better), clipped to [0, 1.5];
- :func:`shown_percent` — the ratio as the percentage shown (one decimal, half up); statuses judge it;
- :func:`evaluate_indicator` — all of it, and the status (``no_target``, ``future``, ``not_due``,
  ``no_data``, ``on_track``/``at_risk``/``off_track``, or at a closed year's Q4 ``achieved``/
  ``nearly_achieved``/``not_achieved``); a missing value is never a failure;
- :func:`evaluate_goal` — the goal score over the assessed indicators with its coverage, and the
  goal status (``insufficient_data`` below the plan's minimum coverage).

This module imports nothing of the project.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

#: Default thresholds on the rounded achievement percentage ÷ 100 (the plan file may override them).
DEFAULT_THRESHOLDS: dict[str, float] = {"on_track": 1.0, "at_risk": 0.8}
#: Year-end thresholds (``year_end:`` in the plan file): achieved / nearly achieved.
DEFAULT_YEAR_END: dict[str, float] = {"achieved": 1.0, "nearly": 0.8}
#: Goal coverage below which the goal shows "insufficient data" (``thresholds.min_coverage``).
DEFAULT_MIN_COVERAGE = 0.5
#: Shares that make a quarter complete (``completeness:`` in the plan file).
DEFAULT_COMPLETENESS: dict[str, float] = {"indicators": 0.8, "projects": 0.8}
RATIO_MAX = 1.5
QUARTERS = (1, 2, 3, 4)

#: In-year statuses of an assessed indicator or a judged goal, best first.
IN_YEAR: tuple[str, ...] = ("on_track", "at_risk", "off_track")
#: The same three at Q4 of a closed fiscal year.
YEAR_END: tuple[str, ...] = ("achieved", "nearly_achieved", "not_achieved")
#: Statuses of an assessed indicator (it counts in its goal's score) or a judged goal.
JUDGED: tuple[str, ...] = IN_YEAR + YEAR_END
#: Statuses that call for attention.
FAILING: tuple[str, ...] = ("off_track", "not_achieved")
#: Indicator / goal statuses, in display order (judged first, then the "not judged" ones).
STATUSES: tuple[str, ...] = (*JUDGED, "insufficient_data", "no_data", "not_due", "no_target", "future")
#: Kept for callers of v1: the statuses that count toward a goal score.
SCORED = JUDGED

#: Okabe–Ito colour-blind-safe palette. Colour is never the only signal: see ICONS and the words.
COLOURS: dict[str, str] = {
    "on_track": "#009E73",   # bluish green
    "at_risk": "#E69F00",    # orange
    "off_track": "#D55E00",  # vermillion
    "achieved": "#009E73",
    "nearly_achieved": "#E69F00",
    "not_achieved": "#D55E00",
    "insufficient_data": "#999999",   # grey: a score without a status colour
    "no_data": "#999999",    # grey
    "not_due": "#56B4E9",    # sky blue
    "no_target": "#CCCCCC",  # light grey
    "future": "#CCCCCC",
}
ICONS: dict[str, str] = {
    "on_track": "✔", "at_risk": "▲", "off_track": "✖", "achieved": "★", "nearly_achieved": "△",
    "not_achieved": "✗", "insufficient_data": "◔", "no_data": "○", "not_due": "◷", "no_target": "–",
    "future": "⋯",
}
#: Streamlit's named colours closest to COLOURS (for ``:color-badge[...]`` markdown).
BADGE_COLOURS: dict[str, str] = {
    "on_track": "green", "at_risk": "orange", "off_track": "red", "achieved": "green", "nearly_achieved": "orange",
    "not_achieved": "red", "insufficient_data": "gray", "no_data": "gray", "not_due": "blue", "no_target": "gray",
    "future": "gray",
}

#: Project statuses of the official quarterly form (แบบที่ 2), in display order: the five buckets of
#: funded projects (they add up to the funded count), then projects without an allocated budget.
PROJECT_BUCKETS: tuple[str, ...] = ("completed", "in_progress", "not_started", "cancelled", "not_reported")
PROJECT_STATUSES: tuple[str, ...] = (*PROJECT_BUCKETS, "not_funded")
#: The statuses a progress report may carry.
REPORTED_STATUSES: tuple[str, ...] = ("completed", "in_progress", "not_started", "cancelled")
PROJECT_COLOURS: dict[str, str] = {
    "completed": "#009E73", "in_progress": "#0072B2", "not_started": "#E69F00", "cancelled": "#999999",
    "not_reported": "#CC79A7", "not_funded": "#CCCCCC",
}
PROJECT_ICONS: dict[str, str] = {"completed": "✔", "in_progress": "◐", "not_started": "○", "cancelled": "✖",
                                 "not_reported": "?", "not_funded": "∅"}
PROJECT_BADGE_COLOURS: dict[str, str] = {
    "completed": "green", "in_progress": "blue", "not_started": "orange", "cancelled": "gray",
    "not_reported": "violet", "not_funded": "gray",
}


def missing(x) -> bool:
    """A value that is not there: None, NaN, or pandas' NA / NaT. The one test everywhere: missing
    data is shown as missing (never as zero, never as failure)."""
    if x is None:
        return True
    try:
        return bool(x != x)       # NaN and NaT differ from themselves
    except TypeError:             # pandas.NA: a comparison with it is NA itself
        return True


# ---------------------------------------------------------------- rounding: what is shown is what is judged

def decimal(x) -> Decimal:
    """``x`` as the decimal number Python writes for it (``repr``): 0.1 is 0.1, not 0.1000000000000000055."""
    return Decimal(repr(float(x)))


#: computed figures (actual, expected, ratio) are rounded to this many decimals to drop binary
#: floating-point noise, so they equal the decimal arithmetic of the README (1.5 × (0.1 + 0.35) is
#: 0.675, not 0.6749999999999999, and is shown 0.68)
NOISE_DECIMALS = 12


def settle(x: float) -> float:
    """``x`` without floating-point noise (:data:`NOISE_DECIMALS`)."""
    return round(float(x), NOISE_DECIMALS)


def round_half_up(x, digits: int = 0) -> float | None:
    """``x`` rounded to ``digits`` decimals, halves away from zero, on its decimal value (``repr``):
    0.125 -> 0.13 and 2.5 -> 3 (Python's ``round`` gives 0.12 and 2). None when missing."""
    if missing(x):
        return None
    if not math.isfinite(float(x)) or abs(float(x)) >= 1e15:
        return float(x)      # no decimals to round at this size (and none a float could hold)
    return float(decimal(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def percent_decimal(ratio) -> Decimal:
    """A ratio as the percentage shown, exactly: ×100 on the decimal value, one decimal, half up."""
    return (decimal(ratio) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def shown_percent(ratio) -> float | None:
    """The percentage written for a ratio (0.799875 -> 80.0); None when missing. Statuses compare this
    number with the thresholds, so the text and the status never disagree."""
    return None if missing(ratio) else float(percent_decimal(ratio))


def _at_least(pct: Decimal, threshold: float) -> bool:
    """The shown percentage reaches ``threshold`` (a ratio, e.g. 0.8 -> 80.0 %), compared exactly."""
    return pct >= decimal(threshold) * 100


def judge(ratio, thresholds: Mapping[str, float] | None = None, *, year_end: Mapping[str, float] | None = None,
          closed: bool = False) -> str:
    """The status of a ratio or score by its shown percentage: in-year ``on_track`` (≥ on_track ×
    100), ``at_risk`` (≥ at_risk × 100) or ``off_track``; at a closed year's end (``closed``)
    ``achieved`` / ``nearly_achieved`` / ``not_achieved`` by the year-end thresholds."""
    pct = percent_decimal(ratio)
    if closed:
        ye = {**DEFAULT_YEAR_END, **(year_end or {})}
        return ("achieved" if _at_least(pct, ye["achieved"]) else
                "nearly_achieved" if _at_least(pct, ye["nearly"]) else "not_achieved")
    th = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    return "on_track" if _at_least(pct, th["on_track"]) else "at_risk" if _at_least(pct, th["at_risk"]) else "off_track"


def ratio_status(ratio: float, thresholds: Mapping[str, float] | None = None) -> str:
    """In-year status of a ratio (:func:`judge`)."""
    return judge(ratio, thresholds)


# ---------------------------------------------------------------- indicators

def check_profile(profile: Sequence[float] | None) -> str | None:
    """What is wrong with a quarterly profile (four shares ≥ 0 summing to 1 ± 0.001), or None if fine."""
    if profile is None:
        return None
    if not isinstance(profile, (list, tuple)) or len(profile) != 4:
        return "needs four quarterly shares [s1, s2, s3, s4]"
    try:
        shares = [float(s) for s in profile]
    except (TypeError, ValueError):
        return "shares must be numbers"
    if any(math.isnan(s) or s < 0 for s in shares):
        return "shares must not be negative"
    if abs(math.fsum(shares) - 1.0) > 0.001:
        return f"shares must add up to 1 (they add up to {math.fsum(shares):g})"
    return None


def profile_share(profile: Sequence[float] | None, q: int) -> float:
    """p(q): the cumulative share of the year's work expected by the end of quarter ``q`` — the sum of
    the profile's first ``q`` shares, or ``q ÷ 4`` (linear) without a profile."""
    if profile is None:
        return q / 4
    return 1.0 if q >= 4 else math.fsum(float(s) for s in profile[:q])


def is_level(aggregation: str) -> bool:
    """Level indicators (``latest``, ``average``) measure a state; ``sum`` indicators count work done."""
    return aggregation in ("latest", "average")


def starting_point(aggregation: str, fiscal_year: int, previous_actual: float | None,
                   baseline_value: float | None, baseline_fy: int | None) -> float | None:
    """S, where a level indicator starts the year from: the actual of the full previous year (its
    :func:`indicator_actual` as of Q4) when that year has a value, else the plan baseline when its
    year is before ``fiscal_year``, else None. Sum indicators have none (their total starts at 0)."""
    if not is_level(aggregation):
        return None
    if not missing(previous_actual):
        return float(previous_actual)
    if not missing(baseline_value) and not missing(baseline_fy) and int(baseline_fy) < int(fiscal_year):
        return float(baseline_value)
    return None


def indicator_actual(values_by_quarter: Mapping[int, float | None], aggregation: str, q: int) -> float | None:
    """The actual value (ผลการดำเนินงาน) as of quarter ``q`` from the values reported for quarters ≤ q.

    ``sum`` adds them, ``latest`` takes the value of the latest quarter ≤ q that has one, ``average``
    is their mean. None when no quarter ≤ q has a value (missing quarters are skipped, not zero).
    """
    vals = {int(k): float(v) for k, v in values_by_quarter.items() if int(k) <= q and not missing(v)}
    if not vals:
        return None
    if aggregation == "sum":
        return settle(math.fsum(vals.values()))
    if aggregation == "latest":
        return vals[max(vals)]
    if aggregation == "average":
        return settle(math.fsum(vals.values()) / len(vals))
    raise ValueError(f"unknown aggregation {aggregation!r}")


def indicator_expected(target: float | None, aggregation: str, frequency: str, q: int, *,
                       start: float | None = None, profile: Sequence[float] | None = None) -> float | None:
    """E(q), what is expected by the end of quarter ``q``: an annual indicator T; a sum indicator
    T × p(q); a level indicator with a starting point S + (T − S) × p(q), without one T.
    None when there is no target for the year."""
    if missing(target):
        return None
    target = float(target)
    if frequency == "annual":
        return target
    p = profile_share(profile, q)
    if aggregation == "sum":
        return settle(target * p)
    if missing(start):
        return target
    return settle(float(start) + (target - float(start)) * p)


def achievement_ratio(actual: float | None, expected: float | None, direction: str) -> float | None:
    """Achievement ratio, clipped to [0, 1.5]; None when actual or expected is missing.

    Higher is better: actual ÷ expected (1.0 when expected is 0). Lower is better: expected ÷ actual
    (1.5 when actual is 0: nothing of a bad thing is the best possible result).
    """
    if missing(actual) or missing(expected):
        return None
    if direction == "higher":
        ratio = 1.0 if expected == 0 else actual / expected
    elif direction == "lower":
        ratio = RATIO_MAX if actual == 0 else expected / actual
    else:
        raise ValueError(f"unknown direction {direction!r}")
    return min(max(settle(ratio), 0.0), RATIO_MAX)


def worse_than_start(actual: float | None, start: float | None, direction: str) -> bool:
    """The baseline rule: a level indicator whose actual is worse than where it started the year
    (higher is better: A < S; lower is better: A > S). Never true without both values."""
    if missing(actual) or missing(start):
        return False
    return actual < start if direction == "higher" else actual > start


def evaluate_indicator(values_by_quarter: Mapping[int, float | None], *, target: float | None, direction: str,
                       aggregation: str, frequency: str, q: int, thresholds: Mapping[str, float] | None = None,
                       start: float | None = None, profile: Sequence[float] | None = None,
                       year_end: Mapping[str, float] | None = None, closed: bool = False,
                       future: bool = False) -> dict:
    """Every figure of one indicator as of quarter ``q`` of its fiscal year.

    ``values_by_quarter`` holds that year's reported values; ``start`` is :func:`starting_point`;
    ``closed`` says the fiscal year is over (then Q4 reads achieved / nearly / not achieved);
    ``future`` says quarter ``q`` has not begun.

    Returns ``actual, expected, ratio, percent`` (the ratio as shown), ``status``, ``due`` (the
    indicator is due at q), ``assessed`` (due and reported: quarterly — a value for quarter q itself;
    annual — at Q4, a value in the year), ``worse_than_start`` and ``score`` (min(ratio, 1), 0 when
    worse than the start; None when not assessed). Actual and ratio are None when not assessed: a
    value from an earlier quarter is information, never judged.

    Status, rules in order: no target → ``no_target``; ``future``; annual before Q4 → ``not_due``;
    not assessed → ``no_data``; worse than the start → ``off_track`` (``not_achieved`` at year end);
    else by the shown percentage (:func:`judge`).
    """
    expected = indicator_expected(target, aggregation, frequency, q, start=start, profile=profile)
    out = {"actual": None, "expected": expected, "ratio": None, "percent": None, "status": "",
           "due": False, "assessed": False, "worse_than_start": False, "score": None, "start": start}
    if missing(target):
        out["status"] = "no_target"
        return out
    if future:
        out["status"] = "future"
        return out
    reported = {int(k) for k, v in values_by_quarter.items() if not missing(v) and int(k) <= q}
    out["due"] = frequency != "annual" or q == 4
    if not out["due"]:
        out["status"] = "not_due"
        return out
    out["assessed"] = bool(reported) if frequency == "annual" else q in reported
    if not out["assessed"]:
        out["status"] = "no_data"
        return out
    actual = indicator_actual(values_by_quarter, aggregation, q)
    ratio = achievement_ratio(actual, expected, direction)
    worse = worse_than_start(actual, start, direction) if is_level(aggregation) else False
    year_end_wording = closed and q == 4
    if worse:
        status = "not_achieved" if year_end_wording else "off_track"
    else:
        status = judge(ratio, thresholds, year_end=year_end, closed=year_end_wording)
    out.update(actual=actual, ratio=ratio, percent=shown_percent(ratio), status=status, worse_than_start=worse,
               score=0.0 if worse else min(ratio, 1.0))
    return out


# ---------------------------------------------------------------- goals

def coverage_met(assessed: int, due: int, min_coverage: float) -> bool:
    """assessed ÷ due reaches ``min_coverage`` (compared exactly: 2 of 4 meets 0.5)."""
    return due > 0 and Decimal(assessed) >= decimal(min_coverage) * due


def evaluate_goal(indicators: Iterable[Mapping], *, thresholds: Mapping[str, float] | None = None,
                  min_coverage: float = DEFAULT_MIN_COVERAGE, year_end: Mapping[str, float] | None = None,
                  closed: bool = False) -> dict:
    """A goal's score, coverage and status from its indicators' :func:`evaluate_indicator` results.

    due = indicators due this quarter with a target; assessed = due ones that were reported;
    coverage = assessed ÷ due; score = mean of the assessed indicators' scores. Status: every
    indicator in a future quarter → ``future``; due = 0 → ``not_due``; assessed = 0 → ``no_data``;
    coverage below ``min_coverage`` → ``insufficient_data`` (the score is kept, never given a status
    colour); else by the score's shown percentage (year-end wording when ``closed`` is true: the
    caller passes it for Q4 of a closed year).
    """
    inds = list(indicators)
    due = [i for i in inds if i["status"] not in ("no_target", "not_due", "future")]
    assessed = [i for i in due if i["status"] in JUDGED]
    score = settle(math.fsum(float(i["score"]) for i in assessed) / len(assessed)) if assessed else None
    out = {"score": score, "percent": shown_percent(score), "assessed": len(assessed), "due": len(due),
           "coverage": len(assessed) / len(due) if due else None}
    if not due and any(i["status"] == "future" for i in inds):
        status = "future"
    elif not due:
        status = "not_due"
    elif not assessed:
        status = "no_data"
    elif not coverage_met(len(assessed), len(due), min_coverage):
        status = "insufficient_data"
    else:
        status = judge(score, thresholds, year_end=year_end, closed=closed)
    out["status"] = status
    return out


def goal_score(ratios_and_statuses: Iterable[tuple[float | None, str]]) -> float | None:
    """Mean of min(ratio, 1.0) over judged indicators (no baseline rule; kept for simple callers)."""
    scored = [min(float(r), 1.0) for r, s in ratios_and_statuses if s in JUDGED and not missing(r)]
    return math.fsum(scored) / len(scored) if scored else None


def score_status(score: float | None, thresholds: Mapping[str, float] | None = None) -> str:
    """In-year status of a score by its shown percentage; ``no_data`` when there is no score."""
    return "no_data" if missing(score) else judge(score, thresholds)

"""Indicator status (สถานะตัวชี้วัด) and goal score: the method, one pure function per rule.

The method is written down in README.md ("How figures are computed") and on the methodology page (วิธีคำนวณ). For an
indicator in fiscal year *f*, as of quarter *q* (values reported for quarters ≤ *q*):

- :func:`indicator_actual` — ``sum`` / ``latest`` / ``average`` of the values;
- :func:`indicator_expected` — ``target × q / 4`` for quarterly sums, else the target;
- :func:`achievement_ratio` — actual ÷ expected (higher is better) or expected ÷ actual (lower is
  better), clipped to [0, 1.5];
- :func:`indicator_status` — ``no_target``, ``not_due``, ``no_data``, ``on_track``, ``at_risk`` or
  ``off_track``; a missing value is never ``off_track``;
- :func:`goal_score` / :func:`score_status` — mean of min(ratio, 1) over the scored indicators.

This module imports nothing of the project.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

#: Default thresholds on the achievement ratio (the plan file may override them).
DEFAULT_THRESHOLDS: dict[str, float] = {"on_track": 1.0, "at_risk": 0.8}
RATIO_MAX = 1.5
#: Ratios are compared with the thresholds with this tolerance, so that binary floating point does
#: not turn a hand-computed 0.8 (e.g. (0.3 + 0.3) / 0.75 = 0.7999…) into "below 0.8".
EPSILON = 1e-9

#: Indicator / goal statuses, in display order (best first, then the "not scored" ones).
STATUSES: tuple[str, ...] = ("on_track", "at_risk", "off_track", "no_data", "not_due", "no_target")
#: Statuses that count toward a goal score.
SCORED: tuple[str, ...] = ("on_track", "at_risk", "off_track")

#: Okabe–Ito colour-blind-safe palette. Colour is never the only signal: see ICONS and the words.
COLOURS: dict[str, str] = {
    "on_track": "#009E73",   # bluish green
    "at_risk": "#E69F00",    # orange
    "off_track": "#D55E00",  # vermillion
    "no_data": "#999999",    # grey
    "not_due": "#56B4E9",    # sky blue
    "no_target": "#CCCCCC",  # light grey
}
ICONS: dict[str, str] = {
    "on_track": "✔", "at_risk": "▲", "off_track": "✖", "no_data": "○", "not_due": "◷", "no_target": "–",
}
#: Streamlit's named colours closest to COLOURS (for ``:color-badge[...]`` markdown).
BADGE_COLOURS: dict[str, str] = {
    "on_track": "green", "at_risk": "orange", "off_track": "red", "no_data": "gray", "not_due": "blue",
    "no_target": "gray",
}

#: Project statuses of the official quarterly form (แบบที่ 2), in display order.
PROJECT_STATUSES: tuple[str, ...] = ("completed", "in_progress", "not_started", "cancelled")
PROJECT_COLOURS: dict[str, str] = {
    "completed": "#009E73", "in_progress": "#0072B2", "not_started": "#E69F00", "cancelled": "#999999",
}
PROJECT_ICONS: dict[str, str] = {"completed": "✔", "in_progress": "◐", "not_started": "○", "cancelled": "✖"}
PROJECT_BADGE_COLOURS: dict[str, str] = {
    "completed": "green", "in_progress": "blue", "not_started": "orange", "cancelled": "gray",
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


def indicator_actual(values_by_quarter: Mapping[int, float | None], aggregation: str, q: int) -> float | None:
    """The actual value (ผลการดำเนินงาน) as of quarter ``q`` from the values reported for quarters ≤ q.

    ``sum`` adds them, ``latest`` takes the value of the latest quarter ≤ q that has one, ``average``
    is their mean. None when no quarter ≤ q has a value (missing quarters are skipped, not zero).
    """
    vals = {int(k): float(v) for k, v in values_by_quarter.items() if int(k) <= q and not missing(v)}
    if not vals:
        return None
    if aggregation == "sum":
        return math.fsum(vals.values())
    if aggregation == "latest":
        return vals[max(vals)]
    if aggregation == "average":
        return math.fsum(vals.values()) / len(vals)
    raise ValueError(f"unknown aggregation {aggregation!r}")


def indicator_expected(target: float | None, aggregation: str, frequency: str, q: int) -> float | None:
    """What is expected by quarter ``q``: ``target × q / 4`` for a quarterly ``sum``, else the target.

    None when there is no target for the year.
    """
    if missing(target):
        return None
    if aggregation == "sum" and frequency == "quarterly":
        return float(target) * q / 4
    return float(target)


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
    return min(max(ratio, 0.0), RATIO_MAX)


def ratio_status(ratio: float, thresholds: Mapping[str, float] | None = None) -> str:
    """``on_track`` (≥ on-track threshold), ``at_risk`` (≥ at-risk threshold) or ``off_track``."""
    th = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    if ratio + EPSILON >= th["on_track"]:
        return "on_track"
    if ratio + EPSILON >= th["at_risk"]:
        return "at_risk"
    return "off_track"


def indicator_status(*, target: float | None, actual: float | None, ratio: float | None, frequency: str, q: int,
                     thresholds: Mapping[str, float] | None = None) -> str:
    """Status of one indicator, rules in order:

    no target for the year → ``no_target``; annual indicator before Q4 without a value → ``not_due``;
    no value → ``no_data``; otherwise by ratio (:func:`ratio_status`). A missing value is never off track.
    """
    if missing(target):
        return "no_target"
    if missing(actual):
        return "not_due" if frequency == "annual" and q < 4 else "no_data"
    if missing(ratio):  # cannot happen with a target and a value; kept defensive
        return "no_data"
    return ratio_status(ratio, thresholds)


def evaluate_indicator(values_by_quarter: Mapping[int, float | None], *, target: float | None, direction: str,
                       aggregation: str, frequency: str, q: int,
                       thresholds: Mapping[str, float] | None = None) -> dict:
    """All four figures of one indicator at once: ``actual``, ``expected``, ``ratio``, ``status``."""
    actual = indicator_actual(values_by_quarter, aggregation, q)
    expected = indicator_expected(target, aggregation, frequency, q)
    ratio = achievement_ratio(actual, expected, direction)
    status = indicator_status(target=target, actual=actual, ratio=ratio, frequency=frequency, q=q,
                              thresholds=thresholds)
    return {"actual": actual, "expected": expected, "ratio": ratio, "status": status}


def goal_score(ratios_and_statuses: Iterable[tuple[float | None, str]]) -> float | None:
    """Mean of min(ratio, 1.0) over the indicators whose status is on_track, at_risk or off_track.

    Over-achievement on one indicator does not hide another's shortfall (hence the cap at 1.0).
    None when no indicator qualifies.
    """
    scored = [min(float(r), 1.0) for r, s in ratios_and_statuses if s in SCORED and not missing(r)]
    return math.fsum(scored) / len(scored) if scored else None


def score_status(score: float | None, thresholds: Mapping[str, float] | None = None) -> str:
    """Goal status from its score with the indicator thresholds; ``no_data`` when there is no score."""
    return "no_data" if missing(score) else ratio_status(score, thresholds)

"""The calculation method (วิธีคำนวณ) as people read it: its rules in words (the catalog's
``method.body``) and worked examples computed by the very functions the dashboards use
(:mod:`tracker.status`), written by the one formatter. The method page shows them with the plan file's
thresholds; README.md holds them with the default thresholds, and a test keeps the two equal.
"""

from __future__ import annotations

from tracker import fmt, periods
from tracker import status as S
from tracker.i18n import t


def body(lang: str) -> str:
    """The rules of method v2 (Markdown), in ``lang``."""
    return t("method.body", lang)


def _num(x) -> str:
    return fmt.figure("value", x)


def _raw(x, digits: int = 4) -> str:
    """A computed ratio or score written with ``digits`` decimals (half up), to follow the arithmetic."""
    return fmt.number(x, digits)


def examples(lang: str, th: dict) -> list[str]:
    """Five worked examples (Markdown paragraphs) with thresholds ``th`` (:func:`tracker.rollup.thresholds_of`):
    a seasonal sum indicator, a level indicator with its starting point and the baseline rule, rounding
    and status, a goal's coverage, and year-end wording."""
    status = lambda code: fmt.status(code, lang)  # noqa: E731
    pct = lambda x: fmt.figure("percent", x, lang=lang)  # noqa: E731
    out = []

    # 1. a sum indicator with a quarterly profile
    profile, target, v1, v2 = (0.1, 0.35, 0.4, 0.15), 1.5, 0.3, 0.3
    r = S.evaluate_indicator({1: v1, 2: v2}, target=target, direction="higher", aggregation="sum",
                             frequency="quarterly", q=2, thresholds=th, profile=profile)
    out.append(t("method.ex.seasonal", lang, target=_num(target), s1=_num(profile[0]), s2=_num(profile[1]),
                 s3=_num(profile[2]), s4=_num(profile[3]), v1=_num(v1), v2=_num(v2), actual=_num(r["actual"]),
                 p=_num(S.profile_share(profile, 2)), expected=_num(r["expected"]),
                 expected_raw=_raw(r["expected"], 3), ratio_raw=_raw(r["ratio"]), percent=pct(r["ratio"]),
                 status=status(r["status"]), score_raw=_raw(r["score"])))

    # 2. a level indicator with a starting point, and the baseline rule
    start, target, value, worse = 82.0, 85.0, 84.0, 81.0
    kw = dict(target=target, direction="higher", aggregation="latest", frequency="quarterly", q=2, thresholds=th,
              start=start)
    r = S.evaluate_indicator({2: value}, **kw)
    w = S.evaluate_indicator({2: worse}, **kw)
    out.append(t("method.ex.level", lang, start=_num(start), target=_num(target), p=_num(S.profile_share(None, 2)),
                 expected=_num(r["expected"]), actual=_num(value), ratio_raw=_raw(r["ratio"]),
                 percent=pct(r["ratio"]), status=status(r["status"]), worse=_num(worse),
                 worse_percent=pct(w["ratio"]), worse_status=status(w["status"])))

    # 3. rounding: the status is judged on the percentage shown
    ratio = 0.799875
    out.append(t("method.ex.rounding", lang, ratio_raw=fmt.number(ratio, 6), percent=pct(ratio),
                 status=status(S.judge(ratio, th))))

    # 4. a goal: coverage and score
    scores = (1.0, 0.6 / 0.675, 1.0)
    judged = [{"status": "on_track", "score": scores[0]}, {"status": "at_risk", "score": scores[1]},
              {"status": "on_track", "score": scores[2]}]
    rest = [{"status": "no_data", "score": None}, {"status": "not_due", "score": None}]
    g = S.evaluate_goal(judged + rest, thresholds=th, min_coverage=th["min_coverage"])
    low = S.evaluate_goal(judged[:1] + [{"status": "no_data", "score": None}] * 3 + rest[1:], thresholds=th,
                          min_coverage=th["min_coverage"])
    out.append(t("method.ex.goal", lang, s1=_raw(scores[0]), s2=_raw(scores[1]), s3=_raw(scores[2]),
                 coverage=fmt.figure("coverage", (g["assessed"], g["due"]), lang=lang),
                 coverage_pct=pct(g["coverage"]), min_coverage=pct(th["min_coverage"]),
                 score_raw=_raw(g["score"]), percent=pct(g["score"]), status=status(g["status"]),
                 coverage_low=fmt.figure("coverage", (low["assessed"], low["due"]), lang=lang),
                 coverage_low_pct=pct(low["coverage"]), status_low=status(low["status"])))

    # 5. year-end wording
    fy, score = 2569, 0.92
    out.append(t("method.ex.year_end", lang, fy=fy, end=periods.date_label(periods.fiscal_year_range(fy)[1], lang),
                 score_raw=_raw(score, 2), percent=pct(score),
                 status=status(S.judge(score, th, year_end=th["year_end"], closed=True)),
                 in_year=status(S.judge(score, th))))
    return out

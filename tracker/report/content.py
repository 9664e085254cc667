"""The report model: one language-aware, format-neutral description of the meeting and the report.

:func:`build` reads every figure from :mod:`tracker.rollup` (never recomputes one) and returns a
:class:`Report`: the cover facts, the plan text, the per-goal sections, the tables (each column with
a kind, each row with raw values) and the slide sequence. Meeting mode, the PDF, the XLSX and the
PPTX all render this one object, so they say the same thing as ``python -m tracker summary``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from tracker import fmt, periods, rollup, store
from tracker import status as S
from tracker.i18n import t
from tracker.plan import Plan, default_plan
from tracker.report import snapshot
from tracker.rollup.projects import top_by_budget
from tracker.status import missing
from tracker.tables import Column, Table, attention_table, value_rows

TOP_PROJECTS = 5          # largest projects by allocated budget shown per goal
TOP_PROJECTS_SLIDE = 4    # ... on a slide (must fit at 1280×720)


@dataclass
class Chart:
    """A bar chart: ``categories`` on one axis, one bar per series (name, values, colour)."""

    key: str
    title: str
    categories: list[str]
    series: list[tuple[str, list[float], str]]
    kind: str = "money"     # money | pct | int
    stacked: bool = False

    def value_text(self, value: float, lang: str) -> str:
        """A bar's value as written on it: money in millions (the chart's title names ล้านบาท), counts
        whole, ratios in percent — by the one formatter."""
        if self.kind == "money":
            return fmt.figure("money_million", value, lang=lang)
        return fmt.cell(self.kind, value, lang)

    def shown_values(self, values: list[float]) -> list[float]:
        """The numbers drawn, rounded as :meth:`value_text` writes them (millions for money)."""
        kind = "money_million" if self.kind == "money" else self.kind
        return [fmt.shown_number(kind, v) if kind in ("money_million", "int", "pct") else v for v in values]


@dataclass
class GoalSection:
    number: int
    title: str              # "เป้าประสงค์ที่ 1 · โครงสร้างพื้นฐาน…"
    short: str
    text: str
    score: float | None
    status: str
    status_label: str
    coverage: str                          # "ประเมินได้ 3 จาก 4 ตัวชี้วัด"
    score_text: str                        # the score as written everywhere ("53.6%")
    counts: dict[str, int]                 # in_plan, funded, completed, ... (rollup.project_counts)
    budget: dict[str, float]               # planned, allocated, committed, disbursed
    disbursement_rate: float | None
    indicators: Table
    projects: Table
    budget_chart: Chart


@dataclass
class Slide:
    kind: str               # title | goals | goal | budget | form2 | attention
    title: str
    goal: GoalSection | None = None


@dataclass
class Report:
    lang: str
    fiscal_year: int
    quarter: int
    organization: str
    place: str
    report_title: str
    plan_title: str
    plan_period: str
    fy_label: str
    quarter_label: str
    covered: str
    period_state: dict                     # rollup.period_state: complete / incomplete / future, counts
    period_text: str                       # what every slide and page says about the quarter
    as_of: str
    pinned: dict | None
    stamp: str
    vision: str
    missions: list[tuple[int, str]]
    goals: list[GoalSection]
    form2: Table
    goal_table: Table
    indicators: Table
    projects: Table
    budget: Table
    attention: Table
    charts: list[Chart]
    method: list[str]
    proposed_note: str | None
    summary: dict
    slides: list[Slide] = field(default_factory=list)
    form2_by_strategy: Table | None = None   # แบบที่ 2 and money per strategy (the plan's level-1 name)
    budget_by_strategy: Table | None = None
    demo: bool = False                       # a demo batch is loaded: every page and slide says so

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)


# ---------------------------------------------------------------- tables

when_label = periods.datetime_label   # UTC ISO time -> Bangkok date and time


def _none(x):
    return None if missing(x) else float(x)


def _money(keys, width: float) -> list[Column]:
    return [Column(k, f"report.col.{k}", "money", width) for k in keys]


def _rate(width: float) -> Column:
    return Column("disbursement_rate", "report.col.disbursement_rate", "pct", width)


def _per_goal(goals: list[dict], lang: str, keys) -> list[dict]:
    """A row per goal: its number, ``"1. <short name>"`` and the figures ``keys`` of :func:`rollup.goal_summary`
    (``goals``: its rows as records, taken once per model)."""
    return [{"goal_no": int(r["goal_no"]), "goal": f"{int(r['goal_no'])}. {r[f'short_{lang}']}",
             **{k: r[k] for k in keys}} for r in goals]


def _form2_columns() -> list[Column]:
    return [Column("goal", "report.col.goal", "text", 3.0), Column("in_plan", "report.col.in_plan", "int", 1),
            Column("not_funded", "report.col.not_funded", "int", 1), Column("funded", "report.col.funded", "int", 1),
            *[Column(s, f"pstatus.{s}", "int", 0.9 if s == "cancelled" else 1.1) for s in S.PROJECT_BUCKETS],
            Column("added", "report.col.added", "int", 0.9), *_money(("planned", "allocated", "disbursed"), 1.7)]


def _form2_table(goals: list[dict], totals: dict, lang: str) -> Table:
    """แบบที่ 2: projects in the plan, without a budget, funded, and the five buckets of the funded ones
    (completed, in progress, not started, cancelled, not reported: they add up to funded), added by
    revision, and money in whole baht."""
    total = {"goal": t("report.total", lang), **totals["projects"], **totals["budget"]}
    return Table("form2", t("report.form2.title", lang), _form2_columns(),
                 _per_goal(goals, lang, (*rollup.PROJECT_COUNTS, *rollup.BUDGET)), lang, total)


#: indicator statuses counted per goal, in groups that add up to the goal's indicators
STATUS_GROUPS = (("on_track", "achieved"), ("at_risk", "nearly_achieved"), ("off_track", "not_achieved"),
                 ("no_data",), ("not_due",), ("no_target",), ("future",))


def _goal_table(goals: list[dict], lang: str, year_end: bool) -> Table:
    """Per goal: score, how many indicators it stands on, status, and the indicators by status (the
    counts add up to the goal's indicators), completion and disbursement rates."""
    groups = [g for g in STATUS_GROUPS if any(sum(r[f"n_{s}"] for r in goals) for s in g) or len(g) > 1]
    cols = [Column("goal", "report.col.goal", "text", 3), Column("score", "report.col.score", "score", 1),
            Column("coverage", "report.col.coverage", "text", 1.1), Column("status", "report.col.status", "status", 1.6),
            *[Column(f"n_{g[0]}", f"status.{g[-1] if year_end else g[0]}", "int", 1) for g in groups],
            Column("n_indicators", "report.col.n_indicators", "int", 1),
            Column("completion_rate", "report.col.completion_rate", "pct", 1.2), _rate(1.2)]
    rows = _per_goal(goals, lang, ("score", "status", "n_indicators", "completion_rate", "disbursement_rate"))
    for row, r in zip(rows, goals):
        row["coverage"] = fmt.figure("share", (r["assessed"], r["due"]), lang=lang) if r["due"] else fmt.DASH
        for g in groups:
            row[f"n_{g[0]}"] = sum(int(r[f"n_{s}"]) for s in g)
    return Table("goals", t("report.goals_table.title", lang), cols, rows, lang)


def _indicator_table(ind: pd.DataFrame, lang: str, title: str, *, with_goal: bool = True) -> Table:
    cols = [Column("code", "col.code", "text", 1.1),
            *([Column("goal_no", "report.col.goal_no", "int", 0.8)] if with_goal else []),
            Column("name", "col.indicator", "text", 4), Column("unit", "col.unit", "text", 1.2),
            Column("start", "report.col.start", "num", 1), Column("target", "col.target", "num", 1),
            Column("expected", "report.col.expected", "num", 1.1), Column("actual", "report.col.actual", "num", 1),
            Column("ratio", "report.col.ratio", "pct", 1), Column("status", "report.col.status", "status", 1.8)]
    rows = [{"code": code, "goal_no": int(goal_no), "name": name, "unit": unit, "start": start, "target": target,
             "expected": expected, "actual": actual, "ratio": ratio, "status": status}
            for code, goal_no, name, unit, start, target, expected, actual, ratio, status
            in value_rows(ind, "code", "goal_no", f"name_{lang}", f"unit_{lang}", "start", "target", "expected",
                          "actual", "ratio", "status")]
    return Table("indicators", title, cols, rows, lang)


#: the project-table columns the report's project rows show (:func:`_project_rows`) and rank by (top_by_budget)
PROJECT_COLUMNS = ("project_code", "goal_no", "name_th", "name_en", "department", "planned_budget",
                   "allocated_budget", "committed", "disbursed", "disbursement_rate", "status", "progress_pct",
                   "funded")


def _project_rows(proj: pd.DataFrame, lang: str, depts: dict) -> list[dict]:
    out = []
    for (code, goal_no, name_th, name_en, dept, planned, allocated, committed, disbursed, rate, status,
         progress) in value_rows(proj, *PROJECT_COLUMNS[:-1]):
        name = name_th if lang == "th" or missing(name_en) or not name_en else name_en
        out.append({"code": code, "goal_no": int(goal_no), "name": name, "department": depts.get(dept, dept),
                    "planned": planned, "allocated": allocated, "committed": committed, "disbursed": disbursed,
                    "disbursement_rate": rate, "status": status, "progress_pct": progress})
    return out


def _projects_table(proj: pd.DataFrame, lang: str, depts: dict) -> Table:
    cols = [Column("code", "col.code", "text", 1), Column("goal_no", "report.col.goal_no", "int", 0.7),
            Column("name", "report.col.project", "text", 4), Column("department", "col.owner", "text", 2),
            *_money(rollup.BUDGET, 1.5), _rate(1.1), Column("status", "report.col.pstatus", "pstatus", 1.8),
            Column("progress_pct", "report.col.progress", "progress", 1)]
    return Table("projects", t("report.projects.title", lang), cols, _project_rows(proj, lang, depts), lang)


def _top_projects(ranked: pd.DataFrame, lang: str, depts: dict, n: int) -> Table:
    """The ``n`` funded projects with the largest allocated budget (never one without a budget), of
    ``ranked``: funded projects in :func:`~tracker.rollup.projects.top_by_budget`'s order. Its order is
    total (ties broken down to the project code), so a goal's rows of the year's ranking, ranked once,
    are that goal's own ranking."""
    cols = [Column("name", "report.col.project", "text", 4), *_money(("allocated", "disbursed"), 1.6),
            Column("status", "report.col.pstatus", "pstatus", 1.9)]
    return Table("top_projects", t("report.top_projects", lang, n=n), cols,
                 _project_rows(ranked.head(n), lang, depts), lang)


def _strategy_tables(strategies: list[dict], totals: dict, lang: str, level: str) -> tuple[Table, Table] | None:
    """แบบที่ 2 and money per strategy (``summary["strategies"]``), titled with the plan's own name for
    its first level (ยุทธศาสตร์ / ประเด็นการพัฒนา …); projects placed under no strategy are a row of their
    own, so the rows add up to the totals. None when the plan has no strategies."""
    if not strategies:
        return None
    rows = []
    for s in strategies:
        label = (f"{s['strategy']}. {s[f'name_{lang}'] or s['name_th'] or ''}".strip() if s["strategy"] is not None
                 else t("report.strategy.none", lang))
        rows.append({"strategy": label, **s["projects"], **{k: s["budget"][k] for k in rollup.BUDGET},
                     "disbursement_rate": s["disbursement_rate"]})
    name = Column("strategy", f"level.{level}", "text", 3.0)
    word = t(f"level.{level}", lang).lower() if lang == "en" else t(f"level.{level}", lang)
    form2 = Table("form2_strategy", t("report.form2_strategy.title", lang, level=word),
                  [name, *[c for c in _form2_columns() if c.key != "goal"]], rows, lang,
                  {"strategy": t("report.total", lang), **totals["projects"], **totals["budget"]})
    budget = Table("budget_strategy", t("report.budget_strategy.title", lang, level=word),
                   [name, *_money(rollup.BUDGET, 1.6), _rate(1.2)], rows, lang,
                   {"strategy": t("report.total", lang), **totals["budget"],
                    "disbursement_rate": totals["disbursement_rate"]})
    return form2, budget


def _budget_table(goals: list[dict], totals: dict, lang: str) -> Table:
    cols = [Column("goal", "report.col.goal", "text", 3), *_money(rollup.BUDGET, 1.6), _rate(1.2)]
    b = totals["budget"]
    total = {"goal": t("report.total", lang), **b, "disbursement_rate": totals["disbursement_rate"]}
    return Table("budget", t("report.budget.title", lang), cols,
                 _per_goal(goals, lang, (*rollup.BUDGET, "disbursement_rate")), lang, total)


# ---------------------------------------------------------------- charts

def _charts(gs: pd.DataFrame, goals: list[dict], lang: str) -> list[Chart]:
    cats = [f"{int(r['goal_no'])}. {r[f'short_{lang}']}" for r in goals]
    budget = Chart("budget_by_goal", t("report.chart.budget", lang), cats, [
        (t("money.allocated", lang), [float(x) for x in gs["allocated"]], "#0072B2"),
        (t("money.committed", lang), [float(x) for x in gs["committed"].fillna(0)], "#56B4E9"),
        (t("money.disbursed", lang), [float(x) for x in gs["disbursed"].fillna(0)], "#009E73")])
    status = Chart("projects_by_status", t("report.chart.pstatus", lang), cats, [
        (t(f"pstatus.{s}", lang), [float(x) for x in gs[s].fillna(0)], S.PROJECT_COLOURS[s])
        for s in S.PROJECT_BUCKETS], kind="int", stacked=True)
    return [budget, status]


def _goal_budget_chart(b: dict, lang: str) -> Chart:
    keys = ("allocated", "committed", "disbursed")
    return Chart("goal_budget", t("report.chart.goal_budget", lang), [t(f"money.{k}", lang) for k in keys],
                 [(t("report.col.amount", lang), [0.0 if missing(b[k]) else float(b[k]) for k in keys], "#0072B2")])


def method_texts(lang: str, th: dict) -> list[str]:
    """The report's method appendix, with the settings in force (the plan file's, not fixed words)."""
    pct = lambda x: fmt.pct(x, 0) if float(x) * 100 == int(float(x) * 100) else fmt.pct(x)  # noqa: E731
    values = {"on": pct(th["on_track"]), "risk": pct(th["at_risk"]), "achieved": pct(th["year_end"]["achieved"]),
              "nearly": pct(th["year_end"]["nearly"]), "coverage": pct(th["min_coverage"]),
              "c_ind": pct(th["completeness"]["indicators"]), "c_proj": pct(th["completeness"]["projects"]),
              "low": pct(th["low_disbursement_share_of_pace"])}
    return [t(f"report.method.{i}", lang, **values) for i in range(1, 9)]


# ---------------------------------------------------------------- build

def stamp_text(lang: str, as_of: str, pinned: dict | None) -> str:
    """The line on every slide and page: data as of …, and the pinned snapshot with its batch."""
    text = t("report.stamp.as_of", lang, when=as_of)
    if pinned:
        batch = pinned.get("last_batch_id")
        text += " · " + t("report.stamp.pinned", lang, name=pinned["name"],
                          when=when_label(pinned.get("created_at"), lang),
                          batch=fmt.DASH if batch is None else f"#{batch}")
    return text


def build(db, fiscal_year: int, quarter: int, lang: str = "th", *, plan: Plan | None = None) -> Report:
    """The report model for ``quarter`` of ``fiscal_year`` from ``db`` (live data or a snapshot)."""
    lang = "en" if lang == "en" else "th"
    plan = plan or default_plan()
    fy, q = int(fiscal_year), int(quarter)
    today = periods.today()
    th = rollup.thresholds_of()
    with store.reading(db):        # every figure of the report from one state of the database
        summary = rollup.summary(db, fy, q, today=today)
        gs = rollup.goal_summary(db, fy, q, today=today)
        ind = rollup.indicator_table(db, fy, q, today=today)
        proj = rollup.project_table(db, fy, q)[list(PROJECT_COLUMNS)]   # only what the report shows
        att = rollup.attention_items(db, fy, q, today=today)
        goals_df = store.goals(db).set_index("goal_no")
        depts = {r.code: getattr(r, f"name_{lang}") for r in store.departments(db).itertuples()}
        missions = [(int(r.mission_no), getattr(r, f"text_{lang}")) for r in store.missions(db).itertuples()]
        as_of = when_label(store.data_as_of(db), lang)
        pinned = snapshot.info(db)
        demo = store.has_demo_data(db)
    totals = summary["totals"]
    state = summary["period"]

    ranked = top_by_budget(proj, len(proj))       # every funded project, the largest budget first
    goals = gs.to_dict("records")       # the goals' rows, taken once for every table of the model
    sections = []
    for r, texts in zip(goals, (g["text"][lang] for g in summary["goals"])):
        g = int(r["goal_no"])
        short = r[f"short_{lang}"]
        budget = {k: _none(r[k]) for k in rollup.BUDGET}
        sections.append(GoalSection(
            number=g, title=f"{t('plan.goal_n', lang, n=g)} · {short}", short=short,
            text=goals_df.loc[g, f"text_{lang}"], score=_none(r["score"]), status=r["status"],
            status_label=texts["status"], coverage=texts["coverage"], score_text=texts["score"],
            counts={k: r[k] for k in rollup.PROJECT_COUNTS},
            budget=budget, disbursement_rate=_none(r["disbursement_rate"]),
            indicators=_indicator_table(ind[ind["goal_no"] == g], lang, t("plan.indicators", lang), with_goal=False),
            projects=_top_projects(ranked[ranked["goal_no"] == g], lang, depts, TOP_PROJECTS),
            budget_chart=_goal_budget_chart(budget, lang)))

    start, end = periods.Period(fy, 1).start, periods.Period(fy, q).end
    report = Report(
        lang=lang, fiscal_year=fy, quarter=q, organization=plan.org("name", lang),
        place=f"{plan.org('district', lang)} {plan.org('province', lang)}",
        report_title=t("report.title", lang), plan_title=plan.title.get(lang),
        plan_period=f"{plan.first_fy}–{plan.last_fy}", fy_label=periods.fy_label(fy, lang),
        quarter_label=periods.quarter_label(q, lang, fy),
        covered=f"{periods.date_label(start, lang)} – {periods.date_label(end, lang)}",
        period_state=state, period_text=state["text"][lang],
        as_of=as_of, pinned=pinned, stamp=stamp_text(lang, as_of, pinned), vision=plan.vision.get(lang),
        missions=missions, goals=sections, form2=_form2_table(goals, totals, lang),
        goal_table=_goal_table(goals, lang, state["year_end"]),
        indicators=_indicator_table(ind, lang, t("report.indicators.title", lang)),
        projects=_projects_table(proj, lang, depts), budget=_budget_table(goals, totals, lang),
        attention=attention_table(att, lang), charts=_charts(gs, goals, lang), method=method_texts(lang, th),
        proposed_note=plan.proposed_note.get(lang) if plan.proposed and plan.proposed_note else None,
        summary=summary, demo=demo)
    by_strategy = _strategy_tables(summary["strategies"], totals, lang, plan.levels.get("strategy", "strategy"))
    if by_strategy:
        report.form2_by_strategy, report.budget_by_strategy = by_strategy
    report.slides = slides_of(report)
    return report


def slides_of(report: Report) -> list[Slide]:
    """The meeting's slide sequence, one idea each (the PPTX has the same slides)."""
    tr = report.t
    slides = [Slide("title", report.report_title), Slide("goals", tr("meeting.slide.goals"))]
    slides += [Slide("goal", g.title, goal=g) for g in report.goals]
    slides += [Slide("budget", tr("report.budget.title")), Slide("form2", tr("report.form2.title")),
               Slide("attention", tr("report.attention.title"))]
    return slides


def file_stem(report: Report) -> str:
    """``khilek-report-2569-Q4-th`` (+ ``-snapshot``) for downloads."""
    return f"khilek-report-{report.fiscal_year}-Q{report.quarter}-{report.lang}" + ("-pinned" if report.pinned else "")

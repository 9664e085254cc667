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
from tracker.rollup.projects import rate
from tracker.status import missing
from tracker.tables import Column, Table

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
        """A bar's value as written on it: large sums in millions, counts whole, ratios in percent."""
        if self.kind == "money":
            return fmt.money(value, lang)
        return fmt.cell(self.kind, value, lang)


@dataclass
class GoalSection:
    number: int
    title: str              # "เป้าประสงค์ที่ 1 · โครงสร้างพื้นฐาน…"
    short: str
    text: str
    score: float | None
    status: str
    status_label: str
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


def _per_goal(gs: pd.DataFrame, lang: str, keys) -> list[dict]:
    """A row per goal: its number, ``"1. <short name>"`` and the figures ``keys`` of :func:`rollup.goal_summary`."""
    return [{"goal_no": int(r["goal_no"]), "goal": f"{int(r['goal_no'])}. {r[f'short_{lang}']}",
             **{k: r[k] for k in keys}} for r in gs.to_dict("records")]


def _form2_table(gs: pd.DataFrame, totals: dict, lang: str) -> Table:
    cols = [Column("goal", "report.col.goal", "text", 3.2), Column("in_plan", "report.col.in_plan", "int", 1),
            Column("funded", "report.col.funded", "int", 1),
            *[Column(s, f"pstatus.{s}", "int", 0.9 if s == "cancelled" else 1.1) for s in S.PROJECT_STATUSES],
            Column("added", "report.col.added", "int", 0.9), *_money(("planned", "allocated", "disbursed"), 1.8)]
    total = {"goal": t("report.total", lang), **totals["projects"], **totals["budget"]}
    return Table("form2", t("report.form2.title", lang), cols,
                 _per_goal(gs, lang, (*rollup.PROJECT_COUNTS, *rollup.BUDGET)), lang, total)


def _goal_table(gs: pd.DataFrame, lang: str) -> Table:
    cols = [Column("goal", "report.col.goal", "text", 3), Column("score", "report.col.score", "score", 1),
            Column("status", "report.col.status", "status", 1.6),
            *[Column(f"n_{s}", f"status.{s}", "int", 1) for s in S.SCORED + ("no_data",)],
            Column("completion_rate", "report.col.completion_rate", "pct", 1.2), _rate(1.2)]
    return Table("goals", t("report.goals_table.title", lang), cols,
                 _per_goal(gs, lang, [c.key for c in cols[1:]]), lang)


def _indicator_table(ind: pd.DataFrame, lang: str, title: str, *, with_goal: bool = True) -> Table:
    cols = [Column("code", "col.code", "text", 1.1),
            *([Column("goal_no", "report.col.goal_no", "int", 0.8)] if with_goal else []),
            Column("name", "col.indicator", "text", 4), Column("unit", "col.unit", "text", 1.2),
            Column("target", "col.target", "num", 1), Column("expected", "report.col.expected", "num", 1.1),
            Column("actual", "report.col.actual", "num", 1), Column("ratio", "report.col.ratio", "pct", 1),
            Column("status", "report.col.status", "status", 1.8)]
    rows = [{"code": r.code, "goal_no": int(r.goal_no), "name": getattr(r, f"name_{lang}"),
             "unit": getattr(r, f"unit_{lang}"), "target": r.target, "expected": r.expected, "actual": r.actual,
             "ratio": r.ratio, "status": r.status} for r in ind.itertuples()]
    return Table("indicators", title, cols, rows, lang)


def _project_rows(proj: pd.DataFrame, lang: str, depts: dict) -> list[dict]:
    out = []
    for r in proj.itertuples():
        name = r.name_th if lang == "th" or missing(r.name_en) or not r.name_en else r.name_en
        out.append({"code": r.project_code, "goal_no": int(r.goal_no), "name": name,
                    "department": depts.get(r.department, r.department), "planned": r.planned_budget,
                    "allocated": r.allocated_budget, "committed": r.committed, "disbursed": r.disbursed,
                    "disbursement_rate": r.disbursement_rate, "status": r.status,
                    "progress_pct": None if missing(r.progress_pct) else r.progress_pct / 100})
    return out


def _projects_table(proj: pd.DataFrame, lang: str, depts: dict) -> Table:
    cols = [Column("code", "col.code", "text", 1), Column("goal_no", "report.col.goal_no", "int", 0.7),
            Column("name", "report.col.project", "text", 4), Column("department", "col.owner", "text", 2),
            *_money(rollup.BUDGET, 1.5), _rate(1.1), Column("status", "report.col.pstatus", "pstatus", 1.8),
            Column("progress_pct", "report.col.progress", "pct", 1)]
    return Table("projects", t("report.projects.title", lang), cols, _project_rows(proj, lang, depts), lang)


def _top_projects(proj: pd.DataFrame, lang: str, depts: dict, n: int) -> Table:
    top = proj.sort_values(["allocated_budget", "planned_budget", "project_code"],
                           ascending=[False, False, True]).head(n)
    cols = [Column("name", "report.col.project", "text", 4), *_money(("allocated", "disbursed"), 1.6),
            Column("status", "report.col.pstatus", "pstatus", 1.9)]
    return Table("top_projects", t("report.top_projects", lang, n=n), cols, _project_rows(top, lang, depts), lang)


def _budget_table(gs: pd.DataFrame, totals: dict, lang: str) -> Table:
    cols = [Column("goal", "report.col.goal", "text", 3), *_money(rollup.BUDGET, 1.6), _rate(1.2)]
    b = totals["budget"]
    total = {"goal": t("report.total", lang), **b, "disbursement_rate": rate(b["disbursed"], b["allocated"])}
    return Table("budget", t("report.budget.title", lang), cols,
                 _per_goal(gs, lang, (*rollup.BUDGET, "disbursement_rate")), lang, total)


def _attention_table(att: pd.DataFrame, lang: str) -> Table:
    cols = [Column("kind", "report.col.attention_kind", "text", 2.2), Column("goal_no", "report.col.goal_no", "int", 0.7),
            Column("code", "col.code", "text", 1), Column("name", "report.col.item", "text", 4),
            Column("value", "report.col.value", "pct", 1), Column("reference", "report.col.reference", "pct", 1)]
    rows = [{"kind": t(f"report.attention.{r.kind}", lang), "kind_key": r.kind, "goal_no": int(r.goal_no),
             "code": r.code, "name": getattr(r, f"name_{lang}") or r.name_th, "value": r.value,
             "reference": r.reference} for r in att.itertuples()]
    return Table("attention", t("report.attention.title", lang), cols, rows, lang)


# ---------------------------------------------------------------- charts

def _charts(gs: pd.DataFrame, lang: str) -> list[Chart]:
    cats = [f"{int(r.goal_no)}. {getattr(r, f'short_{lang}')}" for r in gs.itertuples()]
    budget = Chart("budget_by_goal", t("report.chart.budget", lang), cats, [
        (t("report.col.allocated", lang), [float(x) for x in gs["allocated"]], "#0072B2"),
        (t("report.col.committed", lang), [float(x) for x in gs["committed"]], "#56B4E9"),
        (t("report.col.disbursed", lang), [float(x) for x in gs["disbursed"]], "#009E73")])
    status = Chart("projects_by_status", t("report.chart.pstatus", lang), cats, [
        (t(f"pstatus.{s}", lang), [float(x) for x in gs[s]], S.PROJECT_COLOURS[s]) for s in S.PROJECT_STATUSES],
        kind="int", stacked=True)
    return [budget, status]


def _goal_budget_chart(b: dict, lang: str) -> Chart:
    keys = ("allocated", "committed", "disbursed")
    return Chart("goal_budget", t("report.chart.goal_budget", lang), [t(f"report.col.{k}", lang) for k in keys],
                 [(t("report.col.amount", lang), [float(b[k]) for k in keys], "#0072B2")])


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
    with store.reading(db):        # every figure of the report from one state of the database
        summary = rollup.summary(db, fy, q)
        gs = rollup.goal_summary(db, fy, q)
        ind = rollup.indicator_table(db, fy, q)
        proj = rollup.project_table(db, fy, q)
        att = rollup.attention_items(db, fy, q)
        goals_df = store.goals(db).set_index("goal_no")
        depts = {r.code: getattr(r, f"name_{lang}") for r in store.departments(db).itertuples()}
        missions = [(int(r.mission_no), getattr(r, f"text_{lang}")) for r in store.missions(db).itertuples()]
        as_of = when_label(store.data_as_of(db), lang)
        pinned = snapshot.info(db)
    totals = summary["totals"]

    sections = []
    for r in gs.itertuples():
        g = int(r.goal_no)
        short = getattr(r, f"short_{lang}")
        budget = {k: float(getattr(r, k)) for k in rollup.BUDGET}
        sections.append(GoalSection(
            number=g, title=f"{t('plan.goal_n', lang, n=g)} · {short}", short=short,
            text=goals_df.loc[g, f"text_{lang}"], score=_none(r.score), status=r.status,
            status_label=fmt.status(r.status, lang), counts={k: int(getattr(r, k)) for k in rollup.PROJECT_COUNTS},
            budget=budget, disbursement_rate=_none(r.disbursement_rate),
            indicators=_indicator_table(ind[ind["goal_no"] == g], lang, t("plan.indicators", lang), with_goal=False),
            projects=_top_projects(proj[proj["goal_no"] == g], lang, depts, TOP_PROJECTS),
            budget_chart=_goal_budget_chart(budget, lang)))

    start, end = periods.Period(fy, 1).start, periods.Period(fy, q).end
    report = Report(
        lang=lang, fiscal_year=fy, quarter=q, organization=plan.org("name", lang),
        place=f"{plan.org('district', lang)} {plan.org('province', lang)}",
        report_title=t("report.title", lang), plan_title=plan.title.get(lang),
        plan_period=f"{plan.first_fy}–{plan.last_fy}", fy_label=periods.fy_label(fy, lang),
        quarter_label=periods.quarter_label(q, lang, fy),
        covered=f"{periods.date_label(start, lang)} – {periods.date_label(end, lang)}",
        as_of=as_of, pinned=pinned, stamp=stamp_text(lang, as_of, pinned), vision=plan.vision.get(lang),
        missions=missions, goals=sections, form2=_form2_table(gs, totals, lang), goal_table=_goal_table(gs, lang),
        indicators=_indicator_table(ind, lang, t("report.indicators.title", lang)),
        projects=_projects_table(proj, lang, depts), budget=_budget_table(gs, totals, lang),
        attention=_attention_table(att, lang), charts=_charts(gs, lang),
        method=[t(f"report.method.{i}", lang) for i in range(1, 7)],
        proposed_note=plan.proposed_note.get(lang) if plan.proposed and plan.proposed_note else None,
        summary=summary)
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

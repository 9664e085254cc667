"""The official M&E report (รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น) as one block
:class:`~tracker.report.blocks.Document`, rendered to PDF and DOCX alike (:mod:`tracker.report.me`).

Chapters, in the order a planning officer tables them: cover, foreword (คำนำ), contents (สารบัญ),
ส่วนที่ 1 introduction (the M&E's purpose, legal basis, steps, the committee, the plan's vision,
goals and strategies), ส่วนที่ 2 results (projects in the plan vs funded, แบบที่ 2 status, money
per strategy and by funding source, each strategy with its goal's indicators (แบบที่ 3/1),
satisfaction, the full project list by strategy and programme on landscape pages), ส่วนที่ 3
problems, obstacles and recommendations per strategy and the committee's opinion, and the annexes
(the method in plain words, a draft announcement).

Every figure comes from :mod:`tracker.rollup` (:mod:`tracker.rollup.strategies` for the per-strategy
tables) and is written by :mod:`tracker.fmt`; text comes from the plan file, the catalog or what the
analysts stored (:mod:`.narrative`). Nothing is invented: text nobody wrote is printed as marked empty.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from tracker import charts, fmt, periods, rollup, store
from tracker.i18n import t
from tracker.plan import Plan, default_plan
from tracker.report import blocks as B
from tracker.report.me import narrative as N
from tracker.report.me.rounds import Round
from tracker.rollup import satisfaction as RSat
from tracker.rollup import strategies as RS
from tracker.status import missing

EMPTY_FILL = "#fff4ce"     # a marked-empty narrative cell


@dataclass
class _Numbering:
    """Table numbers (ตารางที่ n) in document order."""
    n: int = 0

    def caption(self, text: str, lang: str) -> str:
        self.n += 1
        return t("me.table_n", lang, n=self.n, title=text)


@dataclass
class _Ctx:
    db: object
    rnd: Round
    lang: str
    plan: Plan
    texts: N.Narrative
    projects: pd.DataFrame          # rollup.project_table + is_capital
    table: pd.DataFrame             # rollup.strategies.strategy_table
    future: bool = False            # the round's quarter has not begun: no money spent or status yet
    numbering: _Numbering = field(default_factory=_Numbering)

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def name(self, text) -> str:
        return text.th if self.lang == "th" else text.en

    def strategy_label(self, number: int, *, short: bool = False) -> str:
        """``ยุทธศาสตร์ที่ 1 ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน`` (``short``: ``… โครงสร้างพื้นฐาน``)."""
        level = self.plan.levels.get("strategy", "strategy")
        s = self.plan.strategies[number]
        return f"{self.t(f'level.{level}_n', n=number)} {self.name(s.short if short else s.name)}"


def _count(n) -> B.Cell:
    return B.number("int", n, "th")


def _pct(r, lang: str) -> B.Cell:
    return B.number("pct", r, lang)


def _money(x, lang: str) -> B.Cell:
    return B.number("money", x, lang)


def _count_share(ctx: _Ctx, count, share) -> B.Cell:
    """``3 (25.0%)``: a count and its share (two numbers in the spreadsheet)."""
    a, b = _count(count), _pct(share, ctx.lang)
    if missing(count):                     # a quarter not begun: one dash, not "— (—)"
        return a
    return B.compound(ctx.t("me.count_share", a=a.text, b=b.text), *a.numbers, *b.numbers)


def _empty(ctx: _Ctx) -> B.Paragraph:
    return B.Paragraph(ctx.t("me.empty"), bold=True)


def _paragraphs(text: str) -> list[B.Paragraph]:
    return [B.Paragraph(p.strip()) for p in text.split("\n") if p.strip()]


def _stored(ctx: _Ctx, section: str, strategy_no: int = 0) -> list[B.Block]:
    text = ctx.texts.text(section, strategy_no)
    return _paragraphs(text) if text else [_empty(ctx)]


# ------------------------------------------------------------------------------------------- chapters

def _cover(ctx: _Ctx, demo: bool) -> list[B.Block]:
    org = ctx.plan.organization
    lang = ctx.lang
    out: list[B.Block] = []
    if demo:
        out.append(B.Paragraph(ctx.t("me.demo_mark"), style="center", bold=True))
    out += [
        B.Paragraph(ctx.t("me.cover.title", first=ctx.plan.first_fy, last=ctx.plan.last_fy), style="title"),
        B.Paragraph(ctx.rnd.title(lang), style="subtitle"),
        B.Paragraph(org["name_th" if lang == "th" else "name_en"], style="subtitle"),
        B.Paragraph(f"{org['district_th' if lang == 'th' else 'district_en']} "
                    f"{org['province_th' if lang == 'th' else 'province_en']}", style="center"),
        B.Paragraph(ctx.t("report.prepared_by"), style="center"),
        B.Paragraph(ctx.t("me.cover.period", period=ctx.rnd.period_text(lang)), style="center"),
    ]
    if ctx.plan.proposed and ctx.plan.proposed_note:
        out.append(B.Paragraph(ctx.name(ctx.plan.proposed_note), style="small"))
    out.append(B.PageBreak())
    return out


def _foreword(ctx: _Ctx) -> list[B.Block]:
    return [B.Heading(ctx.t("me.h.foreword"), 1), *_paragraphs(ctx.texts.text_or_default("foreword", ctx.lang)),
            B.Paragraph(ctx.t("me.foreword.sign"), style="center")]


def _introduction(ctx: _Ctx) -> list[B.Block]:
    steps = [s for s in ctx.texts.text_or_default("steps", ctx.lang).split("\n") if s.strip()]
    out: list[B.Block] = [
        B.Heading(ctx.t("me.h.part1"), 1, page_break_before=True),
        B.Heading(ctx.t("me.h.importance"), 2), *_paragraphs(ctx.texts.text_or_default("importance", ctx.lang)),
        B.Heading(ctx.t("me.h.legal_basis"), 2), *_paragraphs(ctx.texts.text_or_default("legal_basis", ctx.lang)),
        B.Heading(ctx.t("me.h.steps"), 2), B.NumberedList(tuple(s.strip() for s in steps)),
        B.Heading(ctx.t("me.h.committee"), 2), *_stored(ctx, "committee_members"),
        B.Heading(ctx.t("me.h.plan"), 2),
        B.Paragraph(ctx.t("me.plan.vision"), bold=True), B.Paragraph(ctx.name(ctx.plan.vision)),
        B.Paragraph(ctx.t("me.plan.goals"), bold=True),
        B.NumberedList(tuple(ctx.name(g.text) for g in ctx.plan.goals.values())),
    ]
    if ctx.plan.strategies:
        out.append(B.Paragraph(ctx.t("me.plan.strategies"), bold=True))
        out.append(B.NumberedList(tuple(ctx.name(s.name) for s in ctx.plan.strategies.values())))
    return out


def _not_begun_note(ctx: _Ctx) -> list[B.Block]:
    """Said before the figures of a round whose quarter has not begun: which figures it cannot have yet."""
    if not ctx.future:
        return []
    p = periods.Period(ctx.rnd.fiscal_year, ctx.rnd.quarter)
    said = ctx.t("period.future", period=periods.period_label(p, ctx.lang), start=periods.date_label(p.start, ctx.lang))
    return [B.Paragraph(f"{said}. {ctx.t('me.not_begun')}", bold=True)]


def _strategy_cells(ctx: _Ctx, *, short: bool = False) -> list[tuple[int, str]]:
    return [(int(r.strategy_no), ctx.strategy_label(int(r.strategy_no), short=short) if r.strategy_no
             else ctx.t("report.total")) for r in ctx.table.itertuples(index=False)]


def _summary_tables(ctx: _Ctx) -> list[B.Block]:
    lang, tab = ctx.lang, ctx.table
    labels = _strategy_cells(ctx)
    short = _strategy_cells(ctx, short=True)
    plan_rows = tuple((label, _count(r.in_plan), _count(r.funded), _pct(r.funding_rate, lang))
                      for (_, label), r in zip(labels, tab.itertuples(index=False)))
    status_rows = tuple((label, _count(r.funded),
                         *[_count_share(ctx, getattr(r, st), getattr(r, f"{st}_share"))
                           for st in RS.FORM2_STATUSES], _count(r.added))
                        for (_, label), r in zip(short, tab.itertuples(index=False)))
    money_rows = tuple((label, _money(r.planned, lang), _money(r.allocated, lang), _money(r.committed, lang),
                        _money(r.disbursed, lang), _pct(r.disbursement_rate, lang))
                       for (_, label), r in zip(short, tab.itertuples(index=False)))
    total = tab[tab["strategy_no"] == RS.TOTAL].iloc[0]
    strategy_col = B.Column(ctx.t("me.col.strategy"), width=3.2)
    n = B.Column
    money_cols = tuple(n(ctx.t(f"me.col.{k}"), "right", 1.4) for k in ("planned", "allocated", "committed", "disbursed"))
    out: list[B.Block] = [
        B.Heading(ctx.t("me.h.part2"), 1),   # follows part 1 on its page: no near-empty page
        B.Paragraph(ctx.t("me.results.intro", round=ctx.rnd.title(lang), period=ctx.rnd.period_text(lang))),
        *_not_begun_note(ctx),
        B.Heading(ctx.t("me.h.plan_vs_funded"), 2),
        B.Table((strategy_col, n(ctx.t("me.col.in_plan"), "right"), n(ctx.t("me.col.funded"), "right"),
                 n(ctx.t("me.col.funding_rate"), "right")), plan_rows,
                caption=ctx.numbering.caption(ctx.t("me.table.plan_vs_funded", fy=ctx.rnd.fiscal_year), lang),
                total_rows=1),
        B.Paragraph(ctx.t("me.note.funding_rate"), style="small"),
        *_plan_years(ctx, short),
        B.Heading(ctx.t("me.h.status"), 2),
        B.Table((B.Column(ctx.t("me.col.strategy"), width=2.2), n(ctx.t("me.col.funded"), "right", 0.9),
                 *[n(ctx.t(f"pstatus.{st}"), "right", 1.25, parts=(ctx.t("me.col.projects"), "%"))
                   for st in RS.FORM2_STATUSES],
                 n(ctx.t("report.col.added"), "right", 0.8)), status_rows,
                caption=ctx.numbering.caption(ctx.t("me.table.status"), lang), total_rows=1, font_size=10),
        B.Paragraph(ctx.t("me.note.status_share"), style="small"),
        B.Heading(ctx.t("me.h.money"), 2),
        _money_figure(ctx, B.Table((B.Column(ctx.t("me.col.strategy"), width=2.1), *money_cols,
                                    n(ctx.t("me.col.disbursement_rate"), "right", 0.9)), money_rows,
                                   caption=ctx.numbering.caption(ctx.t("me.table.money"), lang), total_rows=1,
                                   font_size=9)),
        B.Paragraph(ctx.t("me.note.money"), style="small"),
        B.Paragraph(ctx.t("me.capital", allocated=_money(total["capital_allocated"], lang).text,
                          disbursed=_money(total["capital_disbursed"], lang).text,
                          rate=_pct(total["capital_disbursement_rate"], lang).text)),
    ]
    src = RS.funding_sources(ctx.projects)
    if ctx.future:
        src = RS.not_begun(src)
    src_rows = tuple((ctx.t("report.total") if r.is_total else source_name(r.source, lang),
                      _count(r.projects), _money(r.allocated, lang), _money(r.committed, lang),
                      _money(r.disbursed, lang), _pct(r.disbursement_rate, lang)) for r in src.itertuples(index=False))
    out += [B.Heading(ctx.t("me.h.sources"), 2),
            B.Table((B.Column(ctx.t("me.col.source"), width=2.0), n(ctx.t("me.col.projects"), "right", 0.8),
                     *money_cols[1:], n(ctx.t("me.col.disbursement_rate"), "right", 0.9)), src_rows,
                    caption=ctx.numbering.caption(ctx.t("me.table.sources"), lang), total_rows=1, font_size=9)]
    return out


#: the funding sources the catalog names (``me.source.*``), by their Thai text
SOURCES = ("ordinance", "reserve", "reserve_fund", "specific_grant", "general_grant", "carried_over")


def source_name(source, lang: str) -> str:
    """A funding source (แหล่งเงิน) in ``lang``: a source the catalog names (written as its Thai text,
    spaces aside) in the catalog's words, any other as written, none as "source not stated"."""
    if source is None or not str(source).strip():
        return t("me.source.none", lang)
    text = " ".join(str(source).split())
    for key in SOURCES:
        if text == t(f"me.source.{key}", "th"):
            return t(f"me.source.{key}", lang)
    return text


def _plan_years(ctx: _Ctx, short: list[tuple[int, str]]) -> list[B.Block]:
    """Projects in the plan and funded per strategy for every year of the plan up to the report's."""
    plan = ctx.plan
    years = [fy for fy in range(plan.first_fy, plan.last_fy + 1) if fy <= ctx.rnd.fiscal_year]
    if not years:
        return []
    strategies = pd.DataFrame({"number": list(plan.strategies)})
    tab = RS.plan_years({fy: rollup.project_table(ctx.db, fy, ctx.rnd.quarter) for fy in years}, strategies)
    cell = {(int(r.strategy_no), int(r.fiscal_year)): B.compound(
        ctx.t("me.funded_of", a=_count(r.funded).text, b=_count(r.in_plan).text, c=_pct(r.funding_rate, ctx.lang).text),
        ("int", r.funded), ("int", r.in_plan), ("pct", r.funding_rate)) for r in tab.itertuples(index=False)}
    rows = tuple((label, *[cell[(n, fy)] for fy in years]) for n, label in short)
    cols = (B.Column(ctx.t("me.col.strategy"), width=2.2),
            *[B.Column(ctx.t("me.col.year", fy=fy), "right", 1.3,
                      parts=(ctx.t("me.col.funded"), ctx.t("me.col.in_plan"), "%"))
              for fy in years])
    return [B.Table(cols, rows, total_rows=1, font_size=9,
                    caption=ctx.numbering.caption(ctx.t("me.table.plan_years"), ctx.lang))]


def _money_figure(ctx: _Ctx, table: B.Table) -> B.Figure:
    """Money per strategy as a chart (the dashboards' nested bars), its figures in ``table`` below it."""
    rows = ctx.table[ctx.table["strategy_no"] != RS.TOTAL]
    labels = [f"{n}. {ctx.name(ctx.plan.strategies[n].short)}" for n in rows["strategy_no"]]
    title = ctx.t("me.figure.money")
    fig = charts.budget_bars(rows, labels, ctx.lang, title)
    return B.Figure(fig, ctx.t("me.figure_n", n=1, title=title), alt=ctx.t("me.figure.money_alt"),
                    width_mm=160, height_mm=105, table=table)


def _strategy_section(ctx: _Ctx, number: int, ind: pd.DataFrame) -> list[B.Block]:
    lang = ctx.lang
    r = ctx.table[ctx.table["strategy_no"] == number].iloc[0]
    s = ctx.plan.strategies[number]
    goal = ctx.plan.goals.get(s.goal)
    of_plan, of_funded, of_alloc = ctx.t("me.base.in_plan"), ctx.t("me.base.funded"), ctx.t("me.base.allocated")
    rows = [(ctx.t("me.col.in_plan"), _count(r["in_plan"]), "", ""),
            (ctx.t("me.col.funded"), _count(r["funded"]), _pct(r["funding_rate"], lang), of_plan)]
    rows += [(ctx.t(f"pstatus.{st}"), _count(r[st]), _pct(r[f"{st}_share"], lang), of_funded)
             for st in RS.FORM2_STATUSES]
    rows += [(ctx.t("report.col.added"), _count(r["added"]), "", ""),
             (ctx.t("me.col.planned"), _money(r["planned"], lang), "", ""),
             (ctx.t("me.col.allocated"), _money(r["allocated"], lang), "", ""),
             (ctx.t("me.col.committed"), _money(r["committed"], lang), _pct(r["commitment_rate"], lang), of_alloc),
             (ctx.t("me.col.disbursed"), _money(r["disbursed"], lang), _pct(r["disbursement_rate"], lang), of_alloc)]
    n = B.Column
    out: list[B.Block] = [B.Heading(ctx.strategy_label(number), 3)]
    if goal is not None:
        out.append(B.Paragraph(ctx.t("me.serves_goal", n=goal.number, text=ctx.name(goal.text))))
    out.append(B.Table((n(ctx.t("me.col.measure"), width=2.4), n(ctx.t("me.col.value"), "right", 1.3),
                        n(ctx.t("me.col.share"), "right", 0.8), n(ctx.t("me.col.base"), width=1.6)), tuple(rows),
                       caption=ctx.numbering.caption(ctx.t("me.table.strategy", name=ctx.name(s.short)), lang)))
    mine = ind[ind["goal_no"] == s.goal]
    if len(mine):
        unit = "unit_th" if lang == "th" else "unit_en"
        name = "name_th" if lang == "th" else "name_en"
        out.append(B.Table(
            (n(ctx.t("me.col.indicator"), width=3.2), n(ctx.t("me.col.unit"), width=0.9),
             n(ctx.t("me.col.target"), "right", 0.8), n(ctx.t("me.col.actual"), "right", 0.8),
             n(ctx.t("me.col.ind_status"), width=1.5)),
            tuple((f"{i.code} {getattr(i, name)}", str(getattr(i, unit)), B.number("num", i.target, lang),
                   B.number("num", i.actual, lang), fmt.cell("status", i.status, lang))
                  for i in mine.itertuples(index=False)),
            caption=ctx.numbering.caption(ctx.t("me.table.indicators", n=s.goal), lang), font_size=10))
    return out


def _results_by_strategy(ctx: _Ctx) -> list[B.Block]:
    ind = rollup.indicator_table(ctx.db, ctx.rnd.fiscal_year, ctx.rnd.quarter)
    out: list[B.Block] = [B.Heading(ctx.t("me.h.by_strategy"), 2), B.Paragraph(ctx.t("me.by_strategy.intro"))]
    for number in ctx.plan.strategies:
        out += _strategy_section(ctx, number, ind)
    return out


def _satisfaction(ctx: _Ctx) -> list[B.Block]:
    """แบบที่ 3/2 and 3/3 from the survey loaded for the round (:mod:`tracker.rollup.satisfaction`); marked
    "[ยังไม่มีข้อมูล]" when none is."""
    head = B.Heading(ctx.t("me.h.satisfaction"), 2)
    survey = RSat.load(ctx.db, ctx.rnd.fiscal_year, ctx.rnd.kind)
    if survey.empty:
        return [head, B.Paragraph(ctx.t("me.satisfaction.none"), bold=True)]
    lang, n = ctx.lang, B.Column
    pct = lambda r: fmt.figure("percent", r, lang=lang)     # noqa: E731 - one formatter, shares as ratios
    total = survey.n_respondents()
    out: list[B.Block] = [head, B.Paragraph(ctx.t("me.satisfaction.intro", round=ctx.rnd.title(lang),
                                                  n=_count(total)))]
    resp = survey.respondents()
    if len(resp):
        out.append(B.Paragraph(ctx.t("me.satisfaction.h.respondents"), bold=True))
        for group, part in resp.groupby("characteristic", sort=False):
            rows = [(str(r.item), _count(r.respondents), pct(r.share)) for r in part.itertuples(index=False)]
            rows.append((ctx.t("me.satisfaction.total"), _count(part["respondents"].sum()),
                         pct(1.0 if part["respondents"].sum() > 0 else None)))
            out.append(B.Table((n(ctx.t(f"survey.group.{group}"), width=2.6),
                                n(ctx.t("me.satisfaction.col.people"), "right", 1.0),
                                n(ctx.t("me.satisfaction.col.share"), "right", 1.0)), tuple(rows), total_rows=1,
                               caption=ctx.numbering.caption(ctx.t("me.satisfaction.table.respondents",
                                                                   group=ctx.t(f"survey.group.{group}")), lang)))
    overall, computed = survey.overall()
    if overall:
        out.append(B.Paragraph(ctx.t("me.satisfaction.h.overall"), bold=True))
        cols = ("very_satisfied", "satisfied", "not_satisfied")
        rows = [(str(r.item), *(pct(getattr(r, c)) for c in cols)) for r in survey.items().itertuples(index=False)]
        rows.append((ctx.t("survey.overall_item"), *(pct(overall[c]) for c in cols)))
        table = B.Table((n(ctx.t("me.satisfaction.col.item"), width=3.4),
                         n(ctx.t("me.satisfaction.col.very"), "right", 1.0),
                         n(ctx.t("me.satisfaction.col.satisfied"), "right", 1.0),
                         n(ctx.t("me.satisfaction.col.not"), "right", 1.0)), tuple(rows), total_rows=1,
                        caption=ctx.numbering.caption(ctx.t("me.satisfaction.table.overall"), lang))
        title = ctx.t("me.satisfaction.table.overall")
        fig = charts.satisfaction_items(survey.items(), overall, lang, "")
        out.append(B.Figure(fig, ctx.t("me.figure_n", n=2, title=title), alt=ctx.t("me.satisfaction.figure_alt"),
                            width_mm=160, height_mm=min(150.0, 30 + 11 * (len(rows))), table=table))
        text = ctx.t("me.satisfaction.overall_share", share=pct(survey.overall_share()))
        if computed:
            text += " " + ctx.t("me.satisfaction.overall_computed")
        out.append(B.Paragraph(text))
        ind = RSat.satisfaction_indicator(ctx.plan)
        if ind is not None:
            out.append(B.Paragraph(ctx.t("me.satisfaction.indicator", code=ind.code, name=ctx.name(ind.name),
                                         fy=ctx.rnd.fiscal_year,
                                         target=fmt.figure("value", ind.targets.get(ctx.rnd.fiscal_year), lang=lang,
                                                           unit=ctx.name(ind.unit)),
                                         actual=fmt.figure("value", survey.overall_share() * 100, lang=lang,
                                                           unit=ctx.name(ind.unit)))))
    scores = survey.strategy_scores()
    if len(scores):
        out.append(B.Paragraph(ctx.t("me.satisfaction.h.strategy"), bold=True))
        score = lambda x: fmt.figure("rating", x, lang=lang)      # noqa: E731 - out of 10, as surveys print it (7.60)
        rows = [(ctx.strategy_label(int(r.strategy_no), short=True), score(r.score))
                for r in scores.itertuples(index=False) if int(r.strategy_no) in ctx.plan.strategies]
        rows.append((ctx.t("me.satisfaction.mean"), score(scores["score"].mean())))
        out.append(B.Table((n(ctx.t("me.satisfaction.col.strategy"), width=3.6),
                            n(ctx.t("me.satisfaction.col.score"), "right", 1.2)), tuple(rows), total_rows=1,
                           caption=ctx.numbering.caption(ctx.t("me.satisfaction.table.strategy"), lang)))
        for no, part in survey.strategy_items().groupby("strategy_no", sort=True):
            if int(no) not in ctx.plan.strategies:
                continue
            out.append(B.Table((n(ctx.t("me.satisfaction.col.item"), width=3.6),
                                n(ctx.t("me.satisfaction.col.score"), "right", 1.2)),
                               tuple((str(r.item), score(r.score)) for r in part.itertuples(index=False)),
                               caption=ctx.numbering.caption(ctx.t("me.satisfaction.table.items",
                                                                   strategy=ctx.strategy_label(int(no), short=True)),
                                                             lang)))
    return out


def _project_list(ctx: _Ctx) -> list[B.Block]:
    lang = ctx.lang
    proj = RS.project_list(ctx.projects)
    if ctx.future:
        proj = RS.not_begun(proj)
    dept = {d.code: ctx.name(d.name) for d in ctx.plan.departments.values()}
    prog = {p.code: ctx.name(p.name) for p in ctx.plan.programmes.values()}
    n = B.Column
    cols = (n(ctx.t("me.col.no"), "right", 0.45), n(ctx.t("me.col.code"), width=0.95),
            n(ctx.t("me.col.project"), width=3.0), n(ctx.t("me.col.department"), width=1.2),
            n(ctx.t("me.col.planned"), "right", 1.3), n(ctx.t("me.col.allocated"), "right", 1.3),
            n(ctx.t("me.col.disbursed"), "right", 1.3), n(ctx.t("me.col.status"), width=1.55),
            n(ctx.t("me.col.note"), width=2.0))
    blocks: list[B.Block] = [B.Heading(ctx.t("me.h.project_list"), 2, page_break_before=True),
                             B.Paragraph(ctx.t("me.project_list.intro"))]
    name = "name_th" if lang == "th" else "name_en"
    for number in ctx.plan.strategies:
        mine = proj[proj["strategy_no"] == number]
        blocks.append(B.Heading(ctx.strategy_label(number), 3))
        if mine.empty:
            blocks.append(B.Paragraph(ctx.t("me.project_list.none")))
            continue
        for code, part in mine.groupby(mine["programme_code"].fillna(""), sort=False):
            title = prog.get(code, code) if code else ctx.t("me.programme.unknown")
            rows = []
            for i, p in enumerate(part.itertuples(index=False), start=1):
                label = getattr(p, name) if isinstance(getattr(p, name), str) and getattr(p, name) else p.name_th
                note = "" if missing(p.progress_note) else str(p.progress_note)
                rows.append((_count(i), p.project_code, label, dept.get(p.department, p.department),
                             _money(p.planned_budget, lang), _money(p.allocated_budget, lang),
                             _money(p.disbursed, lang), fmt.cell("pstatus", p.status, lang), note))
            b = RS.budget_sums(part)
            spent = math.nan if ctx.future else b["disbursed"]
            rows.append(("", "", ctx.t("me.programme.total", n=_count(len(part)).text), "", _money(b["planned"], lang),
                         _money(b["allocated"], lang), _money(spent, lang), "", ""))
            blocks.append(B.Table(cols, tuple(rows), total_rows=1, font_size=9,
                                  caption=ctx.numbering.caption(title, lang)))
    return [B.Landscape(tuple(blocks))]


def _problems(ctx: _Ctx) -> list[B.Block]:
    out: list[B.Block] = [B.Heading(ctx.t("me.h.part3"), 1, page_break_before=True)]
    for number in ctx.plan.strategies:
        out.append(B.Heading(ctx.strategy_label(number), 2))
        for section in N.STRATEGY_SECTIONS:
            out.append(B.Paragraph(ctx.t(f"me.section.{section}"), bold=True))
            out += _stored(ctx, section, number)
    out += [B.Heading(ctx.t("me.h.opinion"), 2), *_stored(ctx, "committee_opinion")]
    return out


def _annexes(ctx: _Ctx) -> list[B.Block]:
    lang = ctx.lang
    org = ctx.plan.organization["name_th" if lang == "th" else "name_en"]
    dots = ctx.t("me.announce.blank")
    return [
        B.Heading(ctx.t("me.h.method"), 1, page_break_before=True),
        *_paragraphs(ctx.t("me.method.text", q=ctx.rnd.quarter)),
        B.Heading(ctx.t("me.h.announcement"), 1, page_break_before=True),
        B.Paragraph(ctx.t("me.announce.draft"), style="small", bold=True),
        B.Paragraph(ctx.t("me.announce.title", org=org), style="subtitle"),
        B.Paragraph(ctx.t("me.announce.subject", round=ctx.rnd.title(lang)), style="center", bold=True),
        *_paragraphs(ctx.t("me.announce.body", org=org, round=ctx.rnd.title(lang),
                           council_date=ctx.texts.text("council_date") or dots)),
        B.Paragraph(ctx.t("me.announce.date", date=ctx.texts.text("posted_date") or dots), style="center"),
        *[B.Paragraph(line, style="center") for line in ctx.t("me.announce.sign").split("\n")],
    ]


# ----------------------------------------------------------------------------------------------- build

def report_projects(db, rnd: Round) -> pd.DataFrame:
    """The year's projects as of the round's quarter, placed in the plan (strategy, programme), with
    ``is_capital`` (:func:`tracker.rollup.strategies.with_capital`)."""
    return RS.with_capital(rollup.project_table(db, rnd.fiscal_year, rnd.quarter))


def build(db, rnd: Round, lang: str = "th", *, plan: Plan | None = None) -> B.Document:
    """The report of round ``rnd`` in ``lang`` from the data of ``db``."""
    plan = plan or default_plan()
    projects = report_projects(db, rnd)
    strategies = pd.DataFrame({"number": list(plan.strategies)})
    future = not periods.quarter_begun(rnd.fiscal_year, rnd.quarter, periods.today())
    table = RS.strategy_table(projects, strategies)
    ctx = _Ctx(db=db, rnd=rnd, lang=lang, plan=plan, texts=N.load(db, rnd), projects=projects,
               table=RS.not_begun(table) if future else table, future=future)
    demo = store.has_demo_data(db)
    blocks: list[B.Block] = [
        *_cover(ctx, demo), *_foreword(ctx),
        B.PageBreak(), B.Contents(ctx.t("me.h.contents"), levels=2),
        *_introduction(ctx), *_summary_tables(ctx), *_results_by_strategy(ctx), *_satisfaction(ctx),
        *_project_list(ctx), *_problems(ctx), *_annexes(ctx),
    ]
    org_short = plan.organization["short_th" if lang == "th" else "short_en"]
    return B.Document(title=f"{t('report.title', lang)} {rnd.title(lang)}", blocks=blocks, lang=lang,
                      author=org_short, header=t("me.demo_mark", lang) if demo else "",
                      footer=f"{org_short} · {rnd.label(lang)}")

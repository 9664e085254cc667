"""A project detail sheet (แบบ ผ.02, or ผ.02/2 for projects asked of the province): its rows, read
by type — project, continuation, amendment marker, in-band heading, total, stub, note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from tracker.ingest.planbook.book import Grid
from tracker.ingest.planbook.departments import DepartmentMatcher
from tracker.ingest.planbook.layout import (LABEL_TH, P02_FIELDS, REQUIRED, Columns, Preamble, header_depth,
                                            header_rows, local_heading, map_columns, parse_preamble)
from tracker.ingest.planbook.model import PlanProject, SheetFacts, TotalRows
from tracker.ingest.planbook.problems import Problem, problem
from tracker.ingest.planbook.text import (FIRST, Heading, find_revision, is_marker_line, one_line, parse_money,
                                          parse_seq, squash)

TEXT_FIELDS = ("name", "objective", "target", "kpi", "expected_result", "department", "remark", "rationale")
_SAYS_PROJECTS = re.compile(r"(\d[\d,]*)\s*โครงการ")
_SHEET_CODE = re.compile(r"^(?:ยุทธ\D*|ประเด็น\D*)?(\d+)\s*\.\s*(\d+)")


@dataclass
class Segment:
    """A total (one or two rows) and the projects it covers: those since the previous total."""

    total: TotalRows
    projects: list[PlanProject]
    all_before: list[PlanProject]      #: every project of the sheet above the total


@dataclass
class DetailRead:
    facts: SheetFacts
    preamble: Preamble
    projects: list[PlanProject] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    levels: list[tuple[Heading, Heading | None]] = field(default_factory=list)   #: (strategy, tactic) seen
    revisions: list[str] = field(default_factory=list)
    columns: Columns | None = None


def _is_project_header(label: str) -> bool:
    return label.startswith("โครงการ") or label == "ชื่อโครงการ"


def check_years(cols_years: list[int], period, *, sheet: str, row: int, group: str) -> list[Problem]:
    """Year columns must be consecutive and be the plan period of the title."""
    years = sorted(cols_years)
    shown = ", ".join(map(str, years))
    if years != list(range(years[0], years[0] + len(years))):
        return [problem("years_not_consecutive", sheet=sheet, row=row, value=shown, years=shown, group=group)]
    if period and years != list(range(period.first, period.last + 1)):
        return [problem("years_disagree_with_title", sheet=sheet, row=row, value=shown, years=shown,
                        first=period.first, last=period.last, group=group)]
    return []


def read_detail_sheet(grid: Grid, kind: str, matcher: DepartmentMatcher, goal_of) -> DetailRead:
    """Read one ผ.02 / ผ.02/2 sheet. ``goal_of(strategy number)`` gives the goal a strategy serves."""
    facts = SheetFacts(grid.name, kind, max_row=grid.max_row)
    if kind == "p02_2":
        facts.ignored = True
        facts.ignored_reason = ("ผ.02/2 projects coordinated with the PAO: not part of the main project list "
                                "or the main ผ.01 totals")
    heads = header_rows(grid, _is_project_header)
    if not heads:
        out = DetailRead(facts, parse_preamble(grid, min(grid.max_row, 15)))
        out.problems.append(problem("no_header", sheet=grid.name))
        return out
    first = heads[0]
    depth = header_depth(grid, first)
    pre = parse_preamble(grid, first - 1)
    out = DetailRead(facts, pre)
    probs = out.problems
    for extra in heads[1:]:
        if extra >= first + depth:
            probs.append(problem("two_header_blocks", sheet=grid.name, row=extra, first=first))
    cols = map_columns(grid, first, depth, P02_FIELDS)
    out.columns = cols
    facts.header_rows = list(range(first, first + depth))
    facts.preamble_rows = pre.rows
    facts.columns = cols.letters()
    facts.layout = f"{cols.width}-col"
    facts.period = (pre.period.first, pre.period.last) if pre.period else None
    for name in REQUIRED["p02"]:
        if name not in cols.fields:
            probs.append(problem("missing_column", sheet=grid.name, row=first, label=LABEL_TH[name]))
    for c, label in cols.unknown:
        probs.append(problem("unknown_column", sheet=grid.name, row=first, column=get_column_letter(c), value=label))
    if not cols.budgets:
        probs.append(problem("no_year_columns", sheet=grid.name, row=first))
    else:
        probs += check_years(list(cols.budgets), pre.period, sheet=grid.name, row=first + 1, group=cols.budget_label)
    if cols.ordinance:
        probs += check_years(list(cols.ordinance), pre.period, sheet=grid.name, row=first + 1,
                             group=cols.ordinance_label)
    if not pre.period:
        probs.append(problem("no_period_line", sheet=grid.name))
    if any(p.severity == "error" for p in probs):
        return out
    _Rows(grid, out, cols, first + depth, matcher, goal_of).run()
    _check_sheet_name(grid.name, out)
    return out


def _check_sheet_name(name: str, out: DetailRead) -> None:
    """The preamble is what is printed: trust it over the sheet's name (``ยุทธ1.1ผง.โยธา``)."""
    m = _SHEET_CODE.match(one_line(name))
    tactic = out.facts.tactic
    if m and tactic and re.fullmatch(r"\d+\.\d+", tactic):
        from_name = f"{int(m.group(1))}.{int(m.group(2))}"
        if from_name != tactic and not out.facts.headings:
            out.problems.append(problem("sheet_name_disagrees", sheet=name, value=name,
                                        from_name=from_name, from_preamble=tactic))


class _Rows:
    """The row loop of one detail sheet (state: the current strategy, tactic, programme, revision)."""

    def __init__(self, grid: Grid, out: DetailRead, cols: Columns, start: int, matcher, goal_of):
        self.g, self.out, self.cols, self.start = grid, out, cols, start
        self.matcher, self.goal_of = matcher, goal_of
        pre = out.preamble
        self.strategy, self.tactic, self.programme = pre.strategy, pre.tactic, pre.programme
        self.revision = (pre.period.revision if pre.period else FIRST).label
        out.facts.base_revision = self.revision
        out.revisions.append(self.revision)
        self.prev_seq = 0
        self.formula_reported = False
        self.current: PlanProject | None = None
        self.segment_start = 0
        self.pending_total: TotalRows | None = None
        self.last_content = start - 1
        self._note_level()

    def _note_level(self):
        if self.strategy and (self.strategy, self.tactic) not in self.out.levels:
            self.out.levels.append((self.strategy, self.tactic))

    # --- cells -----------------------------------------------------------------------------------

    def _text(self, r: int, field_name: str, *, inherit: bool) -> str:
        c = self.cols.fields.get(field_name)
        if c is None:
            return ""
        v = self.g.value(r, c)
        if v is None and inherit:
            top = self.g.covered.get((r, c))
            if top and top[1] == c and top[0] < r:   # merged down from a row above: applies here too
                v = self.g.value(*top)
        return "" if v is None else _text(v)

    def _amounts(self, r: int, years: dict[int, int], *, report: bool = True):
        out, bad = {}, False
        for y, c in years.items():
            v = self.g.value(r, c)
            m = parse_money(v)
            if (r, c) in self.g.formulas and not self.g.formulas[(r, c)]:
                m = parse_money(None)
                if report and not self.formula_reported:   # once a sheet: one save in Excel fixes all
                    self.formula_reported = True
                    self.out.problems.append(problem("formula_not_calculated", sheet=self.g.name, row=r,
                                                     column=get_column_letter(c)))
            if m.bad:
                bad = True
                if report:
                    code = m.problem
                    self.out.problems.append(problem(code, sheet=self.g.name, row=r, column=get_column_letter(c),
                                                     value=v))
            elif m.value is not None and m.value < 0 and report:
                self.out.problems.append(problem("money_negative", sheet=self.g.name, row=r,
                                                 column=get_column_letter(c), value=v))
            out[y] = m.value
        return out, bad

    # --- the loop --------------------------------------------------------------------------------

    def run(self):
        g, facts = self.g, self.out.facts
        seq_col = self.cols.fields.get("seq")
        for r in range(self.start, g.max_row + 1):
            cells = g.row_texts(r)
            values = g.row_values(r)
            if not values:
                self._close_total()
                continue
            joined = " ".join(" ".join(s.split()) for _, s in cells)
            if cells and self._is_total(r, cells[0][1], joined):
                self._total_row(r, joined)
                continue
            self._close_total()
            if squash(joined).startswith("หมายเหตุ"):
                self.current = None
                continue
            seq_raw = g.value(r, seq_col) if seq_col else None
            seq = parse_seq(seq_raw)
            name = self._text(r, "name", inherit=False)
            budgets, bad_b = self._amounts(r, self.cols.budgets, report=False)
            ordinance, bad_o = self._amounts(r, self.cols.ordinance, report=False)
            has_amount = bad_b or bad_o or any(v is not None for v in (*budgets.values(), *ordinance.values()))
            others = any(self._text(r, f, inherit=False) for f in TEXT_FIELDS[1:])
            bare = not has_amount and not others
            if bare and (seq is None or local_heading(joined)) and self._marker_or_heading(r, joined, cells):
                continue
            if seq is not None and name:
                self._project(r, seq, name)
            elif name and has_amount:
                self._project(r, None, name)
                self.out.problems.append(problem("project_without_number", sheet=g.name, row=r,
                                                 column=get_column_letter(seq_col) if seq_col else None,
                                                 value=name[:60]))
            elif seq is not None and not has_amount and not others:
                facts.stub_rows += 1
                continue
            elif seq is not None:
                self.out.problems.append(problem("project_without_name", sheet=g.name, row=r, value=seq_raw,
                                                 column=get_column_letter(self.cols.fields["name"])))
                self._amounts(r, self.cols.budgets)
                continue
            elif has_amount:
                self.out.problems.append(problem("amounts_without_project", sheet=g.name, row=r))
                self._amounts(r, self.cols.budgets)
                continue
            elif self.current is not None and (name or others):
                self._continue(r)
            else:
                self.out.problems.append(problem("unrecognised_row", sheet=g.name, row=r, value=joined[:80]))
                continue
            self.last_content = r
        self._close_total()
        self._finish()

    def _marker_or_heading(self, r: int, joined: str, cells) -> bool:
        if is_marker_line(joined):
            rev = find_revision(joined)
            self.revision = rev.label
            if rev.label not in self.out.revisions:
                self.out.revisions.append(rev.label)
            self.out.facts.markers.append({"row": r, "column": get_column_letter(cells[0][0]), "text": joined,
                                           "label": rev.label})
            self.prev_seq = 0
            self.current = None
            return True
        h = local_heading(joined)
        if h is None:
            return False
        if h.level == "strategy":
            self.strategy, self.tactic, self.programme = h, None, None
        elif h.level == "tactic":
            self.tactic, self.programme = h, None
        else:
            self.programme = h
        self.prev_seq = 0     # numbering restarts under each heading
        self.current = None
        self._note_level()
        self.out.facts.headings.append({"row": r, "level": h.level, "text": joined})
        return True

    def _project(self, r: int, seq: int | None, name: str):
        g = self.g
        if seq is not None:
            if seq <= self.prev_seq:
                self.out.problems.append(problem("number_repeated", sheet=g.name, row=r, value=seq,
                                                 column=get_column_letter(self.cols.fields["seq"])))
            elif seq > self.prev_seq + 1:
                self.out.problems.append(problem("number_skipped", sheet=g.name, row=r, value=seq,
                                                 previous=self.prev_seq,
                                                 column=get_column_letter(self.cols.fields["seq"])))
            self.prev_seq = seq
        budgets, _ = self._amounts(r, self.cols.budgets)
        ordinance, _ = self._amounts(r, self.cols.ordinance)
        s = self.strategy.number if self.strategy else None
        p = PlanProject(
            sheet=g.name, row=r, last_row=r, strategy=s, goal=self.goal_of(s) if s else None,
            tactic=self.tactic.code if self.tactic else None,
            programme=self.programme.name if self.programme else None,
            programme_no=self.programme.number if self.programme else None,
            seq=seq, revision=self.revision, name=name,
            budgets=budgets, ordinance=ordinance, coordination=self.out.facts.kind == "p02_2")
        for f in ("objective", "target", "kpi", "expected_result", "remark", "rationale"):
            setattr(p, f, self._text(r, f, inherit=True))
        p.department.raw = self._text(r, "department", inherit=True)
        self.out.projects.append(p)
        self.current = p

    def _continue(self, r: int):
        p = self.current
        for f in TEXT_FIELDS:
            extra = self._text(r, f, inherit=False)
            if not extra:
                continue
            if f == "department":
                p.department.raw = "\n".join(x for x in (p.department.raw, extra) if x)
            else:
                setattr(p, f, "\n".join(x for x in (getattr(p, f), extra) if x))
        p.last_row = r

    def _is_total(self, r: int, first_text: str, joined: str) -> bool:
        """``รวม …`` with amounts, a project count, or nothing else ("รวม 3 แห่ง" continuing a
        target is not a total)."""
        sq = squash(first_text)
        if sq.startswith(("จำนวนโครงการ", "ยอดรวม")):
            return True
        if not sq.startswith("รวม"):
            return False
        if sq in ("รวม", "รวมทั้งสิ้น", "รวมทั้งหมด") or "จำนวนโครงการ" in sq or "งบประมาณ" in sq:
            return True
        if _SAYS_PROJECTS.search(one_line(joined)):
            return True
        return any(self.g.value(r, c) is not None for c in self.cols.budgets.values())

    def _total_row(self, r: int, joined: str):
        g = self.g
        sq = squash(joined)
        t = self.pending_total
        if t is None or t.rows[-1] != r - 1:
            self._close_total()
            t = self.pending_total = TotalRows("one", [])
        t.rows.append(r)
        t.formula_columns += [get_column_letter(c) for y, c in sorted(self.cols.budgets.items())
                              if (r, c) in g.formulas and get_column_letter(c) not in t.formula_columns]
        amounts, _ = self._amounts(r, self.cols.budgets)
        if "จำนวนโครงการ" in sq:
            t.style = "two"
            t.says_counts = amounts
        else:
            t.says_budgets = amounts
            if not t.text:
                amount_cols = {*self.cols.budgets.values(), *self.cols.ordinance.values()}
                t.text = " ".join(s for c, s in g.row_texts(r) if c not in amount_cols)
            m = _SAYS_PROJECTS.search(one_line(joined))
            if m and t.says_projects is None:
                t.says_projects = int(m.group(1).replace(",", ""))
        self.current = None

    def _close_total(self):
        t = self.pending_total
        if t is None:
            return
        self.pending_total = None
        seg = self.out.projects[self.segment_start:]
        self.out.segments.append(Segment(t, seg, list(self.out.projects)))
        self.out.facts.summaries.append(t)
        self.segment_start = len(self.out.projects)

    def _finish(self):
        out, facts = self.out, self.out.facts
        last = max([p.last_row for p in out.projects], default=self.start - 1)
        facts.data_rows = [self.start, max(last, self.last_content)]
        for p in out.projects:
            p.department = self.matcher.normalise(p.department.raw)
        facts.strategy = out.preamble.strategy.number if out.preamble.strategy else (
            out.projects[0].strategy if out.projects else None)
        facts.tactic = out.preamble.tactic.code if out.preamble.tactic else None
        facts.programme = out.preamble.programme.name if out.preamble.programme else None
        facts.programme_no = out.preamble.programme.number if out.preamble.programme else None
        if any(p.strategy is None for p in out.projects):
            out.problems.append(problem("no_strategy", sheet=facts.name, row=facts.header_rows[0]))
        if any(p.programme is None for p in out.projects):
            out.problems.append(problem("no_programme", sheet=facts.name, row=facts.header_rows[0]))
        if out.projects and not out.segments:
            out.problems.append(problem("no_total_row", sheet=facts.name))


def _text(v) -> str:
    """A text cell as written: lines kept (trimmed, empty ones dropped), runs of spaces collapsed."""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    lines = str(v).translate(_INVISIBLE).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


_INVISIBLE = str.maketrans({"\u200b": "", "\ufeff": "", "\r": ""})

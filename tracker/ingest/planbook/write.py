"""Write a plan workbook of the office's shape (ผ.01, ผ.02 per strategy.tactic × แผนงาน, optional
ผ.02/2, equipment and strategy-map sheets) from structured data (:mod:`bookspec`).

It makes the demo plan book and the reader's variant fixtures, so every layout variant the reader
must handle is a switch of :class:`WriteOptions`: 12/17 columns, header depth 2/3, Thai digits,
2571–2575 labels with in-band headings, continuation rows, one- or two-row totals, stubs to row
400, merged department cells, money written many ways, amendment markers and text boxes.

XlsxWriter is used rather than openpyxl: it writes floating text boxes (where offices keep form
codes and notes) and formulas with their cached results, as Excel saves them.
"""

from __future__ import annotations

import datetime
import io
import re

import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name, xl_rowcol_to_cell

from tracker.ingest.planbook.bookspec import (TO_THAI, BookSpec, EquipmentSpec, ProjectSpec, StrategySpec,
                                              WriteOptions, WrittenBook, styled_digits, revision_text)
from tracker.ingest.planbook.write_summary import SummarySheets

CREATED = datetime.datetime(2021, 6, 30)
ACCOUNTING = '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-'


def _programmes_of(projects: list[ProjectSpec]) -> list[tuple[int, str, str]]:
    seen: dict[tuple[int, str, str], None] = {}
    for p in projects:
        seen.setdefault((p.strategy, p.tactic, p.programme), None)
    return list(seen)


def _short(programme: str) -> str:
    return programme.removeprefix("แผนงาน")[:10]


def write_plan_workbook(spec: BookSpec, options: WriteOptions | None = None) -> WrittenBook:
    """The workbook as bytes, and where each project went."""
    return _Writer(spec, options or WriteOptions()).write()


class _Writer(SummarySheets):
    def __init__(self, spec: BookSpec, opts: WriteOptions):
        self.spec, self.opts = spec, opts
        self.buf = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buf, {"in_memory": True})
        # a fixed "created" date: the same content gives the same bytes (the committed demo book is checked so)
        self.wb.set_properties({"created": CREATED})
        self.out = WrittenBook(b"", [])
        self.names: set[str] = set()
        self.money_i = 0
        self.applied: set[tuple[str, str]] = set()
        f = self.wb.add_format
        base = {"font_name": "TH SarabunPSK", "font_size": 14, "valign": "top", "text_wrap": True}
        self.f_title = f({**base, "bold": True, "align": "center", "font_size": 16})
        self.f_text = f(base)
        self.f_head = f({**base, "bold": True, "align": "center", "valign": "vcenter", "border": 1})
        self.f_cell = f({**base, "border": 1})
        self.f_num = f({**base, "border": 1, "num_format": "#,##0"})
        self.f_acc = f({**base, "border": 1, "num_format": ACCOUNTING})
        self.f_count = f({**base, "border": 1, "num_format": "0"})
        self.f_bold = f({**base, "border": 1, "bold": True})
        self.f_boldnum = f({**base, "border": 1, "bold": True, "num_format": "#,##0"})

    # --- helpers ---------------------------------------------------------------------------------

    def _sheet(self, name: str):
        name = re.sub(r"[\[\]:*?/\\]", "", name)[:31]
        base, n = name, 2
        while name in self.names:
            suffix = f"_{n}"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        self.names.add(name)
        self.out.sheets.append(name)
        ws = self.wb.add_worksheet(name)
        self.out._cols[name] = {}
        return ws

    def _put(self, ws, row: int, col: int, value, fmt=None):
        """Write one cell (0-based), honouring the test overrides."""
        key = (ws.name, xl_rowcol_to_cell(row, col))
        if key in self.opts.overrides:
            value = self.opts.overrides[key]
            self.applied.add(key)
        if value is None:
            if fmt is not None:
                ws.write_blank(row, col, None, fmt)
        elif isinstance(value, str):
            ws.write_string(row, col, value, fmt)
        else:
            ws.write_number(row, col, value, fmt)

    def _over(self, ws, row: int, col: int, value):
        """The override for a cell the writer fills with a fixed text (titles, headings, labels)."""
        key = (ws.name, xl_rowcol_to_cell(row, col))
        if key in self.opts.overrides:
            self.applied.add(key)
            return self.opts.overrides[key] or ""
        return value

    def _rest(self, ws):
        """Overrides of cells the sheet left empty (a stray line under a table, a second header)."""
        for (sheet, ref), value in self.opts.overrides.items():
            if sheet == ws.name and (sheet, ref) not in self.applied:
                self._put(ws, *xl_cell_to_rowcol(ref), value, self.f_text)

    def _money(self, ws, row: int, col: int, value):
        o = self.opts
        if o.thai_digits and value is not None:
            text = "-" if value == 0 else styled_digits(f"{value:,.2f}".removesuffix(".00"), o)
            return self._put(ws, row, col, text, self.f_cell)
        if o.money_forms != "mixed":
            return self._put(ws, row, col, value, self.f_num if value is not None else self.f_cell)
        i, self.money_i = self.money_i, self.money_i + 1
        if value is None:
            return self._put(ws, row, col, ["   ", None][i % 2], self.f_cell)
        if value == 0:
            form = i % 3
            return self._put(ws, row, col, ["-", " -   ", 0][form], self.f_acc if form == 2 else self.f_cell)
        whole = float(value).is_integer()
        forms = [(value, self.f_num), (value, self.f_acc), (f" {value:,.0f} " if whole else f"{value:,.2f}", self.f_cell),
                 (f"{value:,.2f}", self.f_cell), (f"{value:,.0f}.-" if whole else f"{value:,.2f}", self.f_cell)]
        v, fmt = forms[i % len(forms)]
        self._put(ws, row, col, v, fmt)

    def _textbox(self, ws, row: int, col: int, text: str):
        ws.insert_textbox(row, col, text, {"width": 160, "height": 40,
                                           "font": {"name": "TH SarabunPSK", "size": 14, "bold": True}})

    # --- the book ----------------------------------------------------------------------------------

    def write(self) -> WrittenBook:
        spec, o = self.spec, self.opts
        if o.linkage:
            self._linkage()
        if o.p01:
            self._p01()
        groups = self._groups(spec.projects)
        for i, (key, items) in enumerate(groups):
            self._detail(key, items, coordination=False)
            if i == 0 and o.copy_first_sheet:
                self._detail(key, items, coordination=False, copy=True)
        for key, items in self._groups(spec.coordination, prefix="c"):
            self._detail(key, items, coordination=True)
        if spec.equipment:
            self._equipment()
        self.wb.close()
        self.out.data = self.buf.getvalue()
        return self.out

    def _groups(self, projects: list[ProjectSpec], prefix: str = ""):
        """Projects by sheet: per (strategy, tactic, แผนงาน), or per strategy in the 2571 style."""
        groups: dict[tuple, list] = {}
        for i, p in enumerate(projects):
            key = (p.strategy,) if self.opts.style == "2571" else (p.strategy, p.tactic, p.programme)
            groups.setdefault(key, []).append((f"{prefix}{i}" if prefix else i, p))
        return list(groups.items())

    def _preamble_lines(self, coordination: bool) -> list[tuple[str, object]]:
        spec, o = self.spec, self.opts
        period = styled_digits(f"แผนพัฒนาท้องถิ่น (พ.ศ. {spec.first_year} - {spec.last_year})", o)
        rev = revision_text(spec.revision)
        lines = [("รายละเอียดโครงการพัฒนา", self.f_title), (period + (f" {styled_digits(rev, o)}" if rev else ""), self.f_title)]
        if coordination:
            lines.append(("สำหรับ ประสานโครงการพัฒนาองค์การบริหารส่วนจังหวัด", self.f_title))
        lines.append((f"{spec.organization}  {spec.district}  {spec.province}", self.f_title))
        lines.append(("ก. ยุทธศาสตร์ชาติ 20 ปี ยุทธศาสตร์ที่ 2 ด้านการสร้างความสามารถในการแข่งขัน", self.f_text))
        return lines

    def _strategy_line(self, n: int) -> str:
        s = next(s for s in self.spec.strategies if s.number == n)
        if self.opts.style == "2571":
            return styled_digits(f"ประเด็นการพัฒนาท้องถิ่นที่ {n} {s.name}", self.opts)
        return styled_digits(f"{n}. {s.name}", self.opts)

    def _tactic_line(self, strategy: int, code: str) -> str:
        s = next(s for s in self.spec.strategies if s.number == strategy)
        return styled_digits(f"{code} {s.tactics.get(code, '')}", self.opts)

    def _columns(self) -> list[tuple[str, str]]:
        """(field, label) in sheet order; years expand to one column each."""
        o = self.opts
        cols = [("seq", "ที่"), ("name", "โครงการ"), ("objective", "วัตถุประสงค์")]
        if o.rationale_column:
            cols.append(("rationale", "เหตุผล\nความจำเป็น"))
        cols += [("target", "เป้าหมาย"), ("budgets", "งบประมาณ"), ("kpi", "ตัวชี้วัด"),
                 ("expected_result", "ผลที่คาดว่า\nจะได้รับ"), ("department", "หน่วยงาน\nรับผิดชอบหลัก")]
        if o.columns == 17:
            cols.append(("ordinance", o.ordinance_label))
        if o.remark_column:
            cols.append(("remark", "หมายเหตุ"))
        return cols

    def _header(self, ws, top: int) -> dict[str, int]:
        """The merged header from row ``top`` (0-based); returns field -> column (0-based)."""
        o, years = self.opts, self.spec.years
        depth = o.header_depth
        at: dict[str, int] = {}
        c = 0
        for f, label in self._columns():
            if f in ("budgets", "ordinance"):
                ws.merge_range(top, c, top, c + len(years) - 1, label, self.f_head)
                for y in years:
                    ytext = styled_digits(str(y), o)
                    if depth == 3:
                        self._put(ws, top + 1, c, ytext if o.thai_digits else y, self.f_head)
                        ws.write_string(top + 2, c, "(บาท)", self.f_head)
                    else:
                        self._put(ws, top + 1, c, f"{ytext}\n(บาท)", self.f_head)
                    at[f"{'budget' if f == 'budgets' else 'ordinance'}_{y}"] = c
                    c += 1
                continue
            sub = {"target": "(ผลผลิตของโครงการ)", "kpi": "(KPI)"}.get(f)
            if sub and depth == 3:
                ws.write_string(top, c, label, self.f_head)
                ws.merge_range(top + 1, c, top + 2, c, sub, self.f_head)
            elif sub:
                ws.write_string(top, c, label, self.f_head)
                ws.write_string(top + 1, c, sub, self.f_head)
            else:
                ws.merge_range(top, c, top + depth - 1, c, self._over(ws, top, c, label), self.f_head)
            at[f] = c
            c += 1
        return at

    def _detail(self, key: tuple, items: list, *, coordination: bool, copy: bool = False):
        spec, o = self.spec, self.opts
        strategy = key[0]
        first = items[0][1]
        if o.style == "2571":
            name = o.sheet_names.get(key, f"ประเด็น{strategy}")
        else:
            name = o.sheet_names.get(key, f"ยุทธ{first.tactic}ผง.{_short(first.programme)}")
        if coordination:
            name = o.sheet_names.get(("c", *key), f"ผ.02.2 ประสาน {strategy}")
        if copy:
            name = f"{name} (2)"
        ws = self._sheet(name)
        ws.set_column(0, 0, 5)
        ws.set_column(1, 1, 40)
        ws.set_column(2, 30, 18)
        width = sum(len(spec.years) if f in ("budgets", "ordinance") else 1 for f, _ in self._columns())
        r = 0
        marks = self.out.rows.setdefault(ws.name, {})
        for i, (text, fmt) in enumerate(self._preamble_lines(coordination)):
            text = self._over(ws, r, 0, text)
            ws.merge_range(r, 0, r, width - 1, text, fmt) if fmt is self.f_title else ws.write_string(r, 0, text, fmt)
            if i == 1:
                marks["title"] = r + 1
            r += 1
        marks["strategy"] = r + 1
        ws.write_string(r, 0, self._over(ws, r, 0, self._strategy_line(strategy)), self.f_text)
        r += 1
        programmes = _programmes_of([p for _, p in items])
        if o.style != "2571":
            ws.write_string(r, 0, self._over(ws, r, 0, "    " + self._tactic_line(strategy, first.tactic)), self.f_text)
            line = "        " + styled_digits(f"({self._programme_no(first)}) {first.programme}", o)
            ws.write_string(r + 1, 0, self._over(ws, r + 1, 0, line), self.f_text)
            marks["programme"] = r + 2
            r += 2
        marks["header"] = r + 1
        at = self._header(ws, r)
        self.out._cols[ws.name] = at
        if o.form_textboxes:
            self._textbox(ws, 0, width - 2, "แบบ ผ.02/2" if coordination else "แบบ ผ.02")
        r += o.header_depth
        data_start = r
        rows_of: list[tuple[int, int, ProjectSpec]] = []
        by_section = self._sections(items)
        tactic = None
        programme = None
        for label, section in by_section:
            if label:
                ws.write_string(r, at["name"], styled_digits(revision_text(label), o), self.f_bold)
                r += 1
            seq = 0
            for index, p in section:
                if o.style == "2571":
                    if p.tactic != tactic:
                        tactic, programme = p.tactic, None
                        ws.write_string(r, 0, self._tactic_line(strategy, p.tactic), self.f_bold)
                        r += 1
                        seq = 0
                    if p.programme != programme:
                        programme = p.programme
                        ws.write_string(r, 0, styled_digits(f"({self._programme_no(p)}) {p.programme}", o), self.f_bold)
                        r += 1
                        seq = 0
                seq += 1
                last = self._project_rows(ws, r, at, seq, p)
                if not copy:
                    self.out.where[index] = (ws.name, r + 1, last + 1)
                rows_of.append((r, last, p))
                if p.note:
                    self._textbox(ws, r, width, p.note)
                r = last + 1
        if o.merge_departments:
            self._merge_departments(ws, at, rows_of)
        marks["total"] = r + 1
        r = self._totals(ws, r, at, data_start, [p for _, p in items], rows_of)
        if o.note_rows:
            ws.write_string(r + 1, 0, "หมายเหตุ : ข้อมูลตามแผนพัฒนาท้องถิ่น", self.f_text)
        if o.stubs_to:
            for sr in range(r + (3 if o.note_rows else 1), o.stubs_to):
                for c in range(width):
                    ws.write_blank(sr, c, None, self.f_cell)
                if sr % 7 == 0:
                    ws.write_number(sr, 0, (sr % 50) + 1, self.f_cell)
        ws.repeat_rows(data_start - o.header_depth, data_start - 1)
        self._rest(ws)

    def _programme_no(self, p: ProjectSpec) -> int:
        names = [prog for s, t, prog in _programmes_of(self.spec.projects + self.spec.coordination)
                 if (s, t) == (p.strategy, p.tactic)]
        return names.index(p.programme) + 1

    def _sections(self, items: list) -> list[tuple[str | None, list]]:
        """Base-revision projects first, then one section per later revision (a marker above it)."""
        out: dict[str | None, list] = {}
        for index, p in items:
            label = None if p.revision in (None, self.spec.revision) else p.revision
            out.setdefault(label, []).append((index, p))
        return sorted(out.items(), key=lambda kv: kv[0] is not None)

    def _project_rows(self, ws, r: int, at: dict, seq: int, p: ProjectSpec) -> int:
        """Write one project from row ``r``; returns its last row (continuation rows)."""
        o = self.opts
        self._put(ws, r, at["seq"], styled_digits(str(seq), o) if o.thai_digits else seq, self.f_cell)
        fields = ["name", "objective", "target", "kpi", "expected_result", "department", "remark", "rationale"]
        last = r
        for f in fields:
            if f not in at:
                continue
            text = getattr(p, f) or ""
            if f == "department" and o.merge_departments:
                continue
            text = styled_digits(text, o)
            lines = text.split("\n") if (o.continuation_rows and f != "department") else [text]
            for i, line in enumerate(lines):
                if line or i == 0:
                    self._put(ws, r + i, at[f], line or None, self.f_cell)
            last = max(last, r + len(lines) - 1)
        for y in self.spec.years:
            self._money(ws, r, at[f"budget_{y}"], p.budgets.get(y))
            if f"ordinance_{y}" in at:
                self._money(ws, r, at[f"ordinance_{y}"], p.ordinance.get(y))
        return last

    def _merge_departments(self, ws, at: dict, rows_of: list):
        """Neighbouring projects with the same department share one merged cell."""
        c = at["department"]
        i = 0
        while i < len(rows_of):
            j = i
            while j + 1 < len(rows_of) and rows_of[j + 1][2].department == rows_of[i][2].department and \
                    rows_of[j + 1][0] == rows_of[j][1] + 1:
                j += 1
            top, bottom = rows_of[i][0], rows_of[j][1]
            if bottom > top:
                ws.merge_range(top, c, bottom, c, rows_of[i][2].department, self.f_cell)
            else:
                self._put(ws, top, c, rows_of[i][2].department, self.f_cell)
            i = j + 1

    def _totals(self, ws, r: int, at: dict, start: int, projects: list[ProjectSpec], rows_of) -> int:
        """The total row(s) under the table; returns the next free row."""
        o, years = self.opts, self.spec.years
        first_money = min(at[f"budget_{y}"] for y in years)
        counts = {y: sum(1 for p in projects if (p.budgets.get(y) or 0) > 0) for y in years}
        sums = {y: sum(p.budgets.get(y) or 0 for p in projects) for y in years}
        rng = lambda c: f"{xl_col_to_name(c)}{start + 1}:{xl_col_to_name(c)}{r}"  # noqa: E731

        def figure(row, c, value, formula, fmt):
            key = (ws.name, xl_rowcol_to_cell(row, c))
            if key in o.overrides:
                return self._put(ws, row, c, o.overrides[key], fmt)
            if o.formulas:
                ws.write_formula(row, c, formula, fmt, value)
            else:
                ws.write_number(row, c, value, fmt)

        if o.total_style == "two":
            label_end = first_money - 2
            if label_end > 0:
                ws.merge_range(r, 0, r + 1, label_end, "รวม", self.f_bold)
            ws.write_string(r, first_money - 1, "รวมจำนวนโครงการ", self.f_bold)
            ws.write_string(r + 1, first_money - 1, "รวมงบประมาณ", self.f_bold)
            for y in years:
                c = at[f"budget_{y}"]
                figure(r, c, counts[y], f'=COUNTIF({rng(c)},">0")', self.f_count)
                figure(r + 1, c, sums[y], f"=SUM({rng(c)})", self.f_boldnum)
            return r + 2
        text = self._over(ws, r, 0, styled_digits(f"รวม  {len(projects)}  โครงการ", o))
        ws.merge_range(r, 0, r, first_money - 1, text, self.f_bold)
        for y in years:
            c = at[f"budget_{y}"]
            figure(r, c, sums[y], f"=SUM({rng(c)})", self.f_boldnum)
        return r + 1


__all__ = ["write_plan_workbook", "BookSpec", "ProjectSpec", "EquipmentSpec", "StrategySpec", "WriteOptions",
           "WrittenBook", "TO_THAI"]

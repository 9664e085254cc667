"""The other sheets of a plan book: the ผ.01 summary (read to reconcile), the equipment list
(ครุภัณฑ์, kept apart) and the strategy map (ความเชื่อมโยง…, for goal texts and tactics)."""

from __future__ import annotations

import re

from openpyxl.utils import get_column_letter

from tracker.ingest.planbook.book import Grid
from tracker.ingest.planbook.departments import DepartmentMatcher
from tracker.ingest.planbook.detail import check_years
from tracker.ingest.planbook.layout import EQUIPMENT_FIELDS, LABEL_TH, REQUIRED, header_depth, header_rows, map_columns
from tracker.ingest.planbook.model import Equipment, EquipmentItem, P01, P01Row, SheetFacts
from tracker.ingest.planbook.problems import Problem, problem
from tracker.ingest.planbook.text import (clean, find_heading, find_year, one_line, parse_money, parse_seq,
                                          squash)

_P01_STRATEGY = re.compile(r"^(\d{1,2})\s*[).]?\s*(?:ยุทธศาสตร์|ประเด็นการพัฒนา)")


def _figure(grid: Grid, r: int, c: int | None, problems: list[Problem]):
    if c is None:
        return None
    if (r, c) in grid.formulas and not grid.formulas[(r, c)]:
        if not any(p.code == "formula_not_calculated" for p in problems):   # once a sheet
            problems.append(problem("formula_not_calculated", sheet=grid.name, row=r, column=get_column_letter(c)))
        return None
    m = parse_money(grid.value(r, c))
    if m.bad:
        code = m.problem
        problems.append(problem(code, sheet=grid.name, row=r, column=get_column_letter(c), value=grid.value(r, c)))
        return None
    return m.value


def read_p01(grid: Grid, period) -> tuple[P01 | None, SheetFacts, list[Problem]]:
    """The ผ.01 summary: a row per strategy × แผนงาน, strategy totals, the grand total, and the
    separate ผ.02/2 block under it. Each figure pair is (count, money) per year, plus 5 years."""
    facts = SheetFacts(grid.name, "p01", max_row=grid.max_row)
    problems: list[Problem] = []
    head = label_col = None
    for r in range(1, min(grid.max_row, 40) + 1):
        for c, v in grid.row_values(r):
            s = squash(v)
            if s.startswith(("ยุทธศาสตร์", "ประเด็นการพัฒนา")) and len(s) <= 30 and any(
                    find_year(x) for _, x in grid.row_values(r)):
                head, label_col = r, c
                break
        if head:
            break
    if head is None:
        problems.append(problem("p01_no_header", sheet=grid.name))
        return None, facts, problems
    depth = max(2, header_depth(grid, head))
    facts.header_rows = list(range(head, head + depth))
    counts, money = {}, {}
    total_cols: dict[str, int] = {}
    for c in range(label_col + 1, grid.max_col + 1):
        top = grid.merged_value(head, c)
        sub = squash(grid.value(head + depth - 1, c))
        key = find_year(top) or ("5y" if squash(top).startswith("รวม") else None)
        if key is None:
            continue
        kind = "count" if "จำนวน" in sub else "money" if ("งบประมาณ" in sub or "บาท" in sub) else None
        if key == "5y":
            if kind:
                total_cols[kind] = c
        elif kind == "count":
            counts[key] = c
        elif kind == "money":
            money[key] = c
    if counts or money:
        problems += check_years(list(money or counts), period, sheet=grid.name, row=head, group="ผ.01")
    p01 = P01(grid.name, facts.header_rows)
    p01.columns = {**{f"count_{y}": get_column_letter(c) for y, c in counts.items()},
                   **{f"budget_{y}": get_column_letter(c) for y, c in money.items()},
                   **{f"{'count' if k == 'count' else 'budget'}_5y": get_column_letter(c) for k, c in total_cols.items()}}
    strategy = None
    extra = False
    for r in range(head + depth, grid.max_row + 1):
        label = one_line(grid.merged_value(r, label_col))
        if not label:
            continue
        sq = squash(label)
        fig_c = {y: _figure(grid, r, c, problems) for y, c in sorted(counts.items())}
        fig_m = {y: _figure(grid, r, c, problems) for y, c in sorted(money.items())}
        has = any(v is not None for v in (*fig_c.values(), *fig_m.values()))

        def row_of(programme=None, s=None):
            return P01Row(r, s, programme, fig_c, fig_m, _figure(grid, r, total_cols.get("count"), problems),
                          _figure(grid, r, total_cols.get("money"), problems))

        if sq.startswith("รวมทั้งสิ้น") or sq.startswith("รวมทั้งหมด"):
            p01.grand_total = row_of()
        elif sq.startswith("รวม"):
            (p01.extra_rows if extra else p01.strategy_totals).append(row_of(s=strategy))
        elif not has and ("ผ.02/2" in sq or "ประสาน" in sq):
            extra, p01.extra_title_row, strategy = True, r, None
        elif (m := _P01_STRATEGY.match(sq)) or ((h := find_heading(label)) and h.level == "strategy"):
            strategy = int(m.group(1)) if m else h.number
            if has:
                (p01.extra_rows if extra else p01.rows).append(row_of(s=strategy))
        elif has and (pm := re.search(r"แผนงาน\S.*", label)):
            (p01.extra_rows if extra else p01.rows).append(row_of(programme=pm.group(0).strip(), s=strategy))
    return p01, facts, problems


def read_equipment(grid: Grid, matcher: DepartmentMatcher, period) -> tuple[Equipment | None, SheetFacts,
                                                                             list[Problem]]:
    """The equipment list: one item per numbered row, the total row's amounts per year."""
    facts = SheetFacts(grid.name, "equipment", ignored=True, ignored_reason="equipment (ครุภัณฑ์), not projects",
                       max_row=grid.max_row)
    problems: list[Problem] = []
    heads = header_rows(grid, lambda s: s.startswith(("ประเภท", "แผนงาน", "รายการ")))
    if not heads:
        problems.append(problem("no_header", sheet=grid.name))
        return None, facts, problems
    first = heads[0]
    depth = header_depth(grid, first)
    facts.header_rows = list(range(first, first + depth))
    cols = map_columns(grid, first, depth, EQUIPMENT_FIELDS)
    facts.columns = cols.letters()
    for name in REQUIRED["equipment"]:
        if name not in cols.fields:
            problems.append(problem("missing_column", sheet=grid.name, row=first, label=LABEL_TH[name]))
    for c, label in cols.unknown:
        problems.append(problem("unknown_column", sheet=grid.name, row=first, column=get_column_letter(c),
                                value=label))
    if not cols.budgets:
        problems.append(problem("no_year_columns", sheet=grid.name, row=first))
        return None, facts, problems
    problems += check_years(list(cols.budgets), period, sheet=grid.name, row=first + 1, group=cols.budget_label)
    eq = Equipment(grid.name)

    def text(r, f):
        c = cols.fields.get(f)
        return clean(grid.merged_value(r, c)) if c else ""

    for r in range(first + depth, grid.max_row + 1):
        texts = grid.row_texts(r)
        if not texts:
            continue
        budgets = {y: _figure(grid, r, c, problems) for y, c in sorted(cols.budgets.items())}
        if squash(texts[0][1]).startswith("รวม"):
            eq.total_row, eq.totals = r, budgets
            continue
        seq = parse_seq(grid.value(r, cols.fields.get("seq", 1)))
        if seq is None:
            if eq.items and not any(v is not None for v in budgets.values()) and text(r, "target"):
                eq.items[-1].target += "\n" + text(r, "target")
            continue
        eq.items.append(EquipmentItem(grid.name, r, seq, text(r, "programme"), text(r, "category"),
                                      text(r, "type"), text(r, "target"),
                                      matcher.normalise(grid.merged_value(r, cols.fields["department"])
                                                        if "department" in cols.fields else ""), budgets))
    return eq, facts, problems


def read_linkage(grid: Grid) -> tuple[SheetFacts, dict[int, dict]]:
    """The strategy map: strategy number -> {name, goal_text, rows, tactics[(code, name)]}."""
    facts = SheetFacts(grid.name, "linkage", ignored=True,
                       ignored_reason="strategy map (goals, tactics, แผนงาน, divisions); no projects",
                       max_row=grid.max_row)
    head = goal_col = None
    for r in range(1, min(grid.max_row, 20) + 1):
        for c, v in grid.row_values(r):
            if squash(v).startswith("เป้าประสงค์"):
                head, goal_col = r, c
        if head:
            break
    if head is None:
        return facts, {}
    facts.header_rows = [head]
    out: dict[int, dict] = {}
    strat_col = tactic_col = None
    for c in range(1, grid.max_col + 1):
        label = squash(grid.value(head, c))
        if label.startswith(("กลยุทธ์", "แนวทาง")):
            tactic_col = c
        for r in range(head + 1, grid.max_row + 1):
            h = find_heading(grid.value(r, c))
            if strat_col is None and h and h.level == "strategy" and re.match(r"^\d", one_line(grid.value(r, c))):
                strat_col = c
    if strat_col is None:
        return facts, out
    for r in range(head + 1, grid.max_row + 1):
        h = find_heading(grid.value(r, strat_col))
        if not h or h.level != "strategy":
            continue
        last = r + grid.height(r, strat_col) - 1
        goal = re.sub(r"^\d{1,2}\s*[.)]\s*", "", one_line(grid.value(r, goal_col) or ""))
        tactics = []
        for tr in range(r, last + 1):
            th = find_heading(grid.value(tr, tactic_col)) if tactic_col else None
            if th and th.level == "tactic":
                tactics.append((th.code, th.name))
        out[h.number] = {"name": h.name, "goal_text": goal or None, "rows": [r, last], "tactics": tactics}
        facts.strategy_rows.append({"strategy": h.number, "rows": [r, last]})
    return facts, out

"""Stable identity across plan revisions: match a revised book's projects to those already known,
and give new ones a code that is never reused.

A revised book (ทบทวน / เพิ่มเติม / เปลี่ยนแปลง / แก้ไข) lists the same projects again, renumbered,
moved to other rows, sometimes renamed slightly. A project is the same one when it has the same
strategy and แผนงาน and the same name allowing small edits: names are compared with all
whitespace removed and Thai digits mapped, then by rapidfuzz's normalised Indel similarity
(``fuzz.ratio``, 0–100), which suits Thai text (no spaces between words to tokenise on). Each
pair is decided best-first, so two look-alike names ("… สายทางเข้าวัดศรีสว่าง" and "… สายทางเข้า
วัดศรีสว่าง หมู่ที่ 6") each keep their own partner. A project whose exact name moved to another
แผนงาน is matched too ("moved"). The analyst can re-link any match before confirming.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from tracker.ingest.planbook.model import PlanProject
from tracker.ingest.planbook.text import squash

#: Similarity (0–100) from which two names of the same strategy and แผนงาน are the same project.
THRESHOLD = 90.0
TEXT_FIELDS = ("name", "objective", "target", "kpi", "expected_result", "tactic")


@dataclass(frozen=True)
class FieldChange:
    field: str                 #: "name", "department", "budgets", "ordinance", "strategy", "programme" …
    before: object
    after: object
    year: int | None = None    #: for budgets / ordinance: the year that changed


@dataclass
class Match:
    code: str                  #: the known project's code
    incoming: PlanProject
    known: PlanProject
    score: float               #: name similarity, 0–100
    how: str                   #: "exact", "fuzzy", "moved" or "linked" (re-linked by the analyst)
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class PlanDiff:
    """What importing a book would do to the projects already known."""

    unchanged: list[Match] = field(default_factory=list)
    changed: list[Match] = field(default_factory=list)
    new: list[PlanProject] = field(default_factory=list)
    gone: list[PlanProject] = field(default_factory=list)      #: known, no longer in the book

    @property
    def matches(self) -> list[Match]:
        return [*self.unchanged, *self.changed]

    def code_of(self, incoming: PlanProject) -> str | None:
        return next((m.code for m in self.matches if m.incoming is incoming), None)


def name_key(name: str) -> str:
    return squash(name)


def _group(p: PlanProject) -> tuple:
    return (p.strategy, squash(p.programme or ""))


def similarity(a: str, b: str) -> float:
    """Name similarity 0–100 (whitespace and digit forms ignored)."""
    return fuzz.ratio(name_key(a), name_key(b))


def compare(known: PlanProject, incoming: PlanProject) -> list[FieldChange]:
    """Before -> after, per text field, department, level, and per year of each amount."""
    out = []
    for f in TEXT_FIELDS:
        if squash(getattr(known, f) or "") != squash(getattr(incoming, f) or ""):
            out.append(FieldChange(f, getattr(known, f), getattr(incoming, f)))
    if (known.department.code, squash(known.department.raw)) != (incoming.department.code,
                                                                  squash(incoming.department.raw)):
        out.append(FieldChange("department", known.department.code or known.department.raw,
                               incoming.department.code or incoming.department.raw))
    if known.strategy != incoming.strategy:
        out.append(FieldChange("strategy", known.strategy, incoming.strategy))
    if squash(known.programme or "") != squash(incoming.programme or ""):
        out.append(FieldChange("programme", known.programme, incoming.programme))
    for kind in ("budgets", "ordinance"):
        before, after = getattr(known, kind), getattr(incoming, kind)
        for y in sorted(set(before) | set(after)):
            b, a = before.get(y), after.get(y)
            if (b is None) != (a is None) or (b is not None and abs(b - a) > 0.005):
                out.append(FieldChange(kind, b, a, y))
    return out


def match_projects(known: Sequence[PlanProject], incoming: Sequence[PlanProject], *,
                   links: Mapping[tuple[str, int], str | None] | None = None,
                   threshold: float = THRESHOLD) -> PlanDiff:
    """Match ``incoming`` (a book just read) to ``known`` (projects with a ``code``).

    ``links``: the analyst's corrections, incoming ``(sheet, row)`` -> a known code to link it to,
    or None to make it new; they are applied first and the rest is matched around them.
    """
    links = dict(links or {})
    by_code = {k.code: k for k in known}
    left_known = {k.code: k for k in known}
    left_in = list(incoming)
    pairs: list[tuple[PlanProject, PlanProject, float, str]] = []
    forced_new = []
    for p in list(left_in):
        if p.key in links:
            code = links[p.key]
            left_in.remove(p)
            if code is None or code not in by_code:
                forced_new.append(p)
            else:
                pairs.append((by_code[code], p, similarity(by_code[code].name, p.name), "linked"))
                left_known.pop(code, None)
    # best-first within each strategy × แผนงาน, exact names before fuzzy ones
    names = {id(p): name_key(p.name) for p in [*left_in, *left_known.values()]}
    by_group: dict[tuple, list[PlanProject]] = {}
    for k in left_known.values():
        by_group.setdefault(_group(k), []).append(k)
    candidates = []
    for p in left_in:
        for k in by_group.get(_group(p), ()):
            a, b = names[id(k)], names[id(p)]
            score = 100.0 if a == b else fuzz.ratio(a, b, score_cutoff=threshold)
            if score >= threshold:
                candidates.append((score, _tie(k, p), k, p))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    used_in, used_known = set(), set()
    for score, _, k, p in candidates:
        if id(p) in used_in or k.code in used_known:
            continue
        used_in.add(id(p))
        used_known.add(k.code)
        pairs.append((k, p, score, "exact" if score == 100.0 else "fuzzy"))
    # a project whose exact name moved to another strategy or แผนงาน
    rest_in = [p for p in left_in if id(p) not in used_in]
    rest_known = {names[id(k)]: k for k in left_known.values() if k.code not in used_known}
    for p in list(rest_in):
        k = rest_known.pop(names[id(p)], None)
        if k is not None:
            used_in.add(id(p))
            used_known.add(k.code)
            pairs.append((k, p, 100.0, "moved"))
    diff = PlanDiff()
    for k, p, score, how in pairs:
        m = Match(k.code, p, k, score, how, compare(k, p))
        (diff.changed if m.changes else diff.unchanged).append(m)
    diff.new = forced_new + [p for p in left_in if id(p) not in used_in]
    diff.gone = [k for k in left_known.values() if k.code not in used_known]
    return diff


def _tie(k: PlanProject, p: PlanProject) -> tuple:
    """Among equal names: the same tactic, then the same place in the book, then similar money."""
    money = sum(abs((k.budgets.get(y) or 0) - (p.budgets.get(y) or 0)) for y in set(k.budgets) | set(p.budgets))
    return (k.tactic != p.tactic, k.key != p.key, money)


# --- codes -----------------------------------------------------------------------------------------

_CODE = re.compile(r"^P(\d+(?:\.\d+)*)-(\d+)-(\d{3,})$")


def code_prefix(p: PlanProject) -> str:
    """``P1.1-2``: the tactic (or the strategy when the book has none) and the แผนงาน number."""
    level = p.tactic or (str(p.strategy) if p.strategy is not None else "0")
    return f"P{level}-{p.programme_no or 1}"


def assign_codes(projects: Iterable[PlanProject], taken: Iterable[str] = ()) -> dict[tuple[str, int], str]:
    """New codes for projects that have none: ``P1.1-1-001`` = tactic 1.1, แผนงาน (1), the next
    number under that prefix. ``taken``: every code ever given (also of deleted projects), so a
    code is never reused. Returns (sheet, row) -> code; the projects are not modified."""
    highest: dict[str, int] = {}
    for code in taken:
        m = _CODE.match(code)
        if m:
            prefix = f"P{m.group(1)}-{m.group(2)}"
            highest[prefix] = max(highest.get(prefix, 0), int(m.group(3)))
    out = {}
    for p in projects:
        if p.code:
            continue
        prefix = code_prefix(p)
        highest[prefix] = highest.get(prefix, 0) + 1
        out[p.key] = f"{prefix}-{highest[prefix]:03d}"
    return out

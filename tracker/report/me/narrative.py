"""The M&E report's narrative (ข้อความรายงาน): what the committee and the analysts write, kept per
fiscal year and round, edited by analysts, every change audited.

Sections of the whole report (``strategy_no`` 0): the foreword, the introduction's texts (with
defaults from the catalog an officer may replace), the committee's members and opinion, and the
dates of the announcement. Sections of each strategy: problems and obstacles, recommendations,
impact. A section nobody wrote and without a default is printed as clearly marked empty, never
filled with invented text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tracker import store
from tracker.auth import users as auth
from tracker.errors import TrackerError
from tracker.i18n import t
from tracker.report.me.rounds import Round, parse

#: whole-report sections, in the order the page shows them; True = the catalog has a default text
REPORT_SECTIONS = {"foreword": True, "importance": True, "legal_basis": True, "steps": True,
                   "committee_members": False, "committee_opinion": False, "council_date": False,
                   "posted_date": False}
#: sections written once per strategy
STRATEGY_SECTIONS = ("problems", "recommendations", "impact")
MAX_CHARS = 20_000


class NarrativeError(TrackerError):
    """A refused narrative edit (unknown section or strategy, text too long)."""


@dataclass(frozen=True)
class Narrative:
    """The stored texts of one report round (:func:`load`)."""
    rows: pd.DataFrame

    def text(self, section: str, strategy_no: int = 0) -> str | None:
        """The stored text, or None when nobody wrote it."""
        r = self.rows[(self.rows["section"] == section) & (self.rows["strategy_no"] == int(strategy_no))]
        return None if r.empty else str(r["text"].iloc[0])

    def text_or_default(self, section: str, lang: str) -> str:
        """The stored text, else the catalog's default for ``section`` (sections with a default only)."""
        return self.text(section) or default_text(section, lang)

    def stamp(self, section: str, strategy_no: int = 0) -> tuple[str, str] | None:
        """(updated_by, updated_at) of a stored text."""
        r = self.rows[(self.rows["section"] == section) & (self.rows["strategy_no"] == int(strategy_no))]
        return None if r.empty else (str(r["updated_by"].iloc[0]), str(r["updated_at"].iloc[0]))


def default_text(section: str, lang: str) -> str:
    """The catalog's default text of a whole-report section ("" when it has none)."""
    return t(f"me.default.{section}", lang) if REPORT_SECTIONS.get(section) else ""


def load(db, rnd: Round) -> Narrative:
    """The texts stored for ``rnd``."""
    return Narrative(store.narratives.narratives(db, rnd.fiscal_year, rnd.key))


def _check(section: str, strategy_no: int, strategies: list[int]) -> None:
    if strategy_no == 0 and section in REPORT_SECTIONS:
        return
    if section in STRATEGY_SECTIONS and strategy_no in strategies:
        return
    raise NarrativeError("me.narrative.unknown_section", section=section, strategy=strategy_no)


def save(db, rnd: Round, section: str, text: str, *, user: str, strategy_no: int = 0) -> bool:
    """Store ``text`` for ``section`` (of strategy ``strategy_no``, 0 = the whole report) of ``rnd``;
    empty text removes it (the report then shows the section as not written, or its default).

    Analysts and administrators only; audited with the text before and after. Returns False when
    the text is unchanged (nothing written, nothing audited)."""
    auth.authorize(db, user, "narrative")
    strategies = [int(n) for n in store.planbook.strategies(db)["number"]]
    _check(section, int(strategy_no), strategies)
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_CHARS:
        raise NarrativeError("me.narrative.too_long", n=f"{len(text):,}", max=f"{MAX_CHARS:,}")
    with db.atomic():
        before = store.narratives.narrative(db, rnd.fiscal_year, rnd.key, section, strategy_no)
        old = before["text"] if before else ""
        if old == text:
            return False
        if text:
            store.narratives.put_narrative(db, {"fiscal_year": rnd.fiscal_year, "round": rnd.key, "section": section,
                                                "strategy_no": int(strategy_no), "text": text,
                                                "updated_at": store.now_iso(), "updated_by": user})
        else:
            store.narratives.delete_narrative(db, rnd.fiscal_year, rnd.key, section, strategy_no)
        store.audit(db, user=user, action="narrative_edit",
                    target=f"{rnd.fiscal_year}/{rnd.key}/{section}" + (f"/{strategy_no}" if strategy_no else ""),
                    detail={"before": old or None, "after": text or None})
    return True


def fields(strategies) -> list[tuple[str, int]]:
    """Every (section, strategy_no) an analyst may write, in the page's order: the whole report's
    sections, then each strategy's (``strategies``: the plan's strategy numbers)."""
    return [(s, 0) for s in REPORT_SECTIONS] + [(s, int(n)) for n in strategies for s in STRATEGY_SECTIONS]


def save_many(db, rnd: Round, texts: dict[tuple[str, int], str], *, user: str) -> int:
    """:func:`save` each ``{(section, strategy_no): text}`` in one transaction; returns how many changed.
    A text equal to its section's default (either language) is not stored (the default stays in force)."""
    auth.authorize(db, user, "narrative")
    changed = 0
    with db.atomic():
        for (section, strategy_no), text in texts.items():
            text = (text or "").replace("\r\n", "\n").strip()
            if strategy_no == 0 and text and text in (default_text(section, "th"), default_text(section, "en")):
                text = ""
            changed += save(db, rnd, section, text, user=user, strategy_no=strategy_no)
    return changed


#: the report rounds whose figures end at each quarter, the one tabled first: the annual report for Q4, the
#: six-month report for Q2, else the quarter's own
PERIOD_ROUNDS = {1: ("q1",), 2: ("half", "q2"), 3: ("q3",), 4: ("annual", "q4")}


def _round_of(key: str, fiscal_year: int) -> Round:
    return parse("quarter", fiscal_year, int(key[1])) if key.startswith("q") else parse(key, fiscal_year)


def for_period(db, fiscal_year: int, quarter: int, strategies) -> tuple[Round | None, pd.DataFrame]:
    """What the committee wrote for ``strategies`` (plan numbers) in the report round ending at ``fiscal_year``
    Q``quarter`` (:data:`PERIOD_ROUNDS`: the first of them with any of those texts): ``(round, frame)`` with
    ``strategy_no, section, text`` in the order of ``strategies`` and :data:`STRATEGY_SECTIONS`; ``(None,
    empty frame)`` when nothing is written. The goal page shows it."""
    wanted = [int(n) for n in strategies]
    for key in PERIOD_ROUNDS.get(int(quarter), ()):
        rows = store.narratives.narratives(db, fiscal_year, key)
        rows = rows[rows["strategy_no"].isin(wanted) & rows["section"].isin(STRATEGY_SECTIONS)]
        if len(rows):
            order = rows.assign(_s=rows["strategy_no"].map(wanted.index),
                                _k=rows["section"].map(STRATEGY_SECTIONS.index)).sort_values(["_s", "_k"])
            return _round_of(key, int(fiscal_year)), order[["strategy_no", "section", "text"]].reset_index(drop=True)
    return None, pd.DataFrame({"strategy_no": pd.Series(dtype="int64"), "section": pd.Series(dtype=str),
                               "text": pd.Series(dtype=str)})

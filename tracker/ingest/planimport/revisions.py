"""Plan revisions as records: kind, number/year, approval date (ฉบับแรก / ทบทวน / เพิ่มเติม /
เปลี่ยนแปลง / แก้ไข). The label is the book's own wording with Arabic digits: ``"เพิ่มเติม 1/2567"``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.i18n import t
from tracker.ingest.planbook.text import FIRST_EDITION, find_revision

#: Thai word -> stored kind (catalog ``revision.kind.<kind>``)
KIND_OF = {FIRST_EDITION: "first_edition", "ทบทวน": "review", "เพิ่มเติม": "addition", "เปลี่ยนแปลง": "change",
           "แก้ไข": "correction"}
THAI_OF = {v: k for k, v in KIND_OF.items()}
#: the kinds an analyst can name for an import (a first edition is only ever the book's own title)
KINDS = ("review", "addition", "change", "correction")
_ENGLISH = re.compile(r"^\s*(review|addition|change|correction)\s+(\d{1,2})\s*/\s*(\d{4})\s*$", re.IGNORECASE)


class RevisionError(ValueError):
    """A revision or date written in a form that can't be read (the CLI turns it into a usage error)."""


@dataclass(frozen=True)
class RevisionInfo:
    """A revision: what the book's title or a marker says, or what the analyst names for an import."""

    kind: str                   #: first_edition / review / addition / change / correction
    number: int = 0
    year: int = 0               #: Buddhist-era year after the slash
    approved_on: str | None = None   #: ISO date (the council's or the executive's approval)

    @property
    def label(self) -> str:
        return FIRST_EDITION if self.kind == "first_edition" else f"{THAI_OF[self.kind]} {self.number}/{self.year}"

    @property
    def order(self) -> tuple[int, int]:
        return (self.year, self.number)

    @classmethod
    def parse(cls, text: str, approved_on: str | None = None) -> RevisionInfo:
        """``"เพิ่มเติม 2/2568"``, ``"เพิ่มเติม ครั้งที่ ๒/๒๕๖๘"``, ``"addition 2/2568"`` or ``"ฉบับแรก"``."""
        text = str(text or "").strip()
        approved = parse_date(approved_on) if approved_on else None
        if text in (FIRST_EDITION, "first_edition"):
            return cls("first_edition", approved_on=approved)
        m = _ENGLISH.match(text)
        if m:
            return cls(m.group(1).lower(), int(m.group(2)), int(m.group(3)), approved)
        rev = find_revision(text)
        if rev is None:
            raise RevisionError(text)
        return cls(KIND_OF[rev.kind], rev.number, rev.year, approved)


def parse_date(text: str) -> str:
    """An approval date as ISO text: ``2568-03-15`` (Buddhist Era) or ``2025-03-15`` -> ``2025-03-15``."""
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", str(text))
    if not m:
        raise RevisionError(str(text))
    year = int(m.group(1))
    year = year - 543 if year > 2400 else year
    try:
        return date(year, int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError as exc:
        raise RevisionError(str(text)) from exc


def info_of(label: str) -> RevisionInfo:
    """The record of a label written by the reader (never fails on the reader's own labels)."""
    try:
        return RevisionInfo.parse(label)
    except RevisionError:
        return RevisionInfo("first_edition")


def label_text(label: str | None, lang: str) -> str:
    """A label in the user's language: ``"เพิ่มเติม 1/2567"`` / ``"Addition 1/2567"``."""
    if not label:
        return ""
    info = info_of(label)
    if info.kind == "first_edition":
        return t("revision.kind.first_edition", lang)
    return f"{t(f'revision.kind.{info.kind}', lang)} {info.number}/{info.year}"

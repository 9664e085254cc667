"""What plan-book cells say: Thai digits, whitespace, money, years, revision markers, headings.

Pure functions on one cell value each. Patterns work on text whose Thai digits are already mapped
to Arabic ones (:func:`clean`), so "๑.๑", "๒๕๖๖" and "ครั้งที่ ๑/๒๕๖๗" need no patterns of their own.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from tracker.periods import THAI_DIGITS
from tracker.store.uploads import MONEY_MAX

_INVISIBLE = str.maketrans({"\u200b": "", "\ufeff": "", "\u00a0": " ", "\r": ""})
_WS = re.compile(r"\s+")
_HSPACE = re.compile(r"[ \t\f\v]+")


def clean(value) -> str:
    """A cell as text: Thai digits to Arabic, invisible characters removed, each line trimmed and
    runs of spaces collapsed; line breaks kept (multi-line cells are common). None -> ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).translate(_INVISIBLE).translate(THAI_DIGITS)
    lines = (_HSPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(value) -> str:
    """:func:`clean`, with line breaks turned into spaces."""
    return " ".join(clean(value).split())


def squash(value) -> str:
    """Every whitespace character deleted, Thai digits mapped: the form labels are compared in
    (and the form expected.json says text is compared in)."""
    return _WS.sub("", clean(value))


# --- money ---------------------------------------------------------------------------------------

_DASHES = set("-–—−")
_MONEY = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")


@dataclass(frozen=True)
class Money:
    """A money cell: ``value`` None for a blank cell, 0 for a dash; ``bad`` when it is neither
    blank, a dash nor a number (``letter_o`` when the letter O stands for a zero)."""

    value: float | int | None
    bad: bool = False
    letter_o: bool = False
    implausible: bool = False      #: a number no plan amount can be (not finite, or over MONEY_MAX)

    @property
    def problem(self) -> str:
        """The problem code of a bad cell."""
        return "money_letter_o" if self.letter_o else "money_implausible" if self.implausible else "money_not_a_number"


def as_number(x: float) -> float | int:
    """Whole baht as int (so JSON shows 300000, not 300000.0); satang kept to 2 places."""
    x = round(float(x), 2)
    return int(x) if x.is_integer() else x


def parse_money(value) -> Money:
    """A money cell as the office writes it (samples README, "Money cells").

    Numbers as they are; text " 1,632,820 ", "10,500,000.00", "1,250,000.-", "๑,๒๕๐,๐๐๐" and
    "1,250,000 บาท"; "-", " -   " -> 0 (nothing planned that year); empty or spaces -> None.
    Anything else is bad: the caller reports the cell and imports nothing.
    """
    if value is None:
        return Money(None)
    if isinstance(value, bool):
        return Money(None, bad=True)
    if isinstance(value, (int, float)):
        return _plausible(value)
    text = squash(value)
    if not text:
        return Money(None)
    if set(text) <= _DASHES:
        return Money(0)
    text = text.removesuffix("บาท")
    if text.endswith(".-") or text.endswith("-"):
        text = text.rstrip("-").rstrip(".")
    m = _MONEY.match(text)
    if m:
        return _plausible(float(m.group(1).replace(",", "") + "." + (m.group(2) or "0")))
    o_fixed = re.sub(r"[Oo]", "0", text)
    if o_fixed != text and _MONEY.match(o_fixed):
        return Money(None, bad=True, letter_o=True)
    return Money(None, bad=True)


def _plausible(x) -> Money:
    """A number as an amount, or bad when no plan amount can be it: 1e308 or 1e400 (inf) would make
    every total it joins overflow or read ``inf`` (#15)."""
    x = float(x)
    if not math.isfinite(x) or abs(x) > MONEY_MAX:
        return Money(None, bad=True, implausible=True)
    return Money(as_number(x))


# --- numbers, years ------------------------------------------------------------------------------

_SEQ = re.compile(r"^(\d{1,4})\.?$")


def parse_seq(value) -> int | None:
    """The ที่ column: 1, "1", "๑", "1." -> 1; anything else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() and value > 0 else None
    m = _SEQ.match(squash(value))
    return int(m.group(1)) if m else None


_BE_YEAR = re.compile(r"(?<!\d)(25\d\d)(?!\d)")


def find_year(value) -> int | None:
    """A Buddhist-era year in a header cell: 2566, "2566", "พ.ศ. 2566", "๒๕๖๖", "2566\\n(บาท)",
    "ปี 2566"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and 2500 <= value <= 2699 else None
    m = _BE_YEAR.search(clean(value))
    return int(m.group(1)) if m else None


# --- plan title and revisions --------------------------------------------------------------------

REVISION_KINDS = ("ทบทวน", "เพิ่มเติม", "เปลี่ยนแปลง", "แก้ไข")
FIRST_EDITION = "ฉบับแรก"
_MARKER = re.compile(r"(ทบทวน|เพิ่มเติม|เปลี่ยนแปลง|แก้ไข)\s*(?:ครั้ง\s*ที่|ครั้ง)?\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})(?!\d)")
_PERIOD = re.compile(r"แผนพัฒนาท้องถิ่น[^()\d]*\(?\s*(?:พ\s*\.?\s*ศ\s*\.?)?\s*(25\d\d)\s*[-–—]\s*(25\d\d)\s*\)?")


@dataclass(frozen=True)
class Revision:
    kind: str     #: ทบทวน / เพิ่มเติม / เปลี่ยนแปลง / แก้ไข (or ฉบับแรก)
    number: int   #: ครั้งที่ n (0 for the first edition)
    year: int     #: the Buddhist-era year after the slash (0 for the first edition)

    @property
    def label(self) -> str:
        """``"เพิ่มเติม 1/2567"`` (Arabic digits), or ``"ฉบับแรก"``."""
        return FIRST_EDITION if self.kind == FIRST_EDITION else f"{self.kind} {self.number}/{self.year}"


FIRST = Revision(FIRST_EDITION, 0, 0)


def find_revision(value) -> Revision | None:
    """The first revision marker in a text: "เพิ่มเติม ครั้งที่ 1/2567", "เพิ่มเติมครั้งที่5/2567",
    "แก้ไข ครั้งที่ ๒ / ๒๕๖๘", "ทบทวน ครั้งที่ 2/65" (two-digit years are 25yy)."""
    m = _MARKER.search(one_line(value))
    if not m:
        return None
    year = int(m.group(3))
    return Revision(m.group(1), int(m.group(2)), year + 2500 if year < 100 else year)


def is_marker_line(value) -> bool:
    """A row that is only a marker, perhaps with the plan's title or a word or two around it
    ("เพิ่มเติม ครั้งที่ 1/2567", "โครงการเพิ่มเติม ครั้งที่ 1/2567", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)
    เปลี่ยนแปลง ครั้งที่ 3/2567"), not a project name that mentions one."""
    text = one_line(value)
    m = _MARKER.search(text)
    if not m:
        return False
    rest = _PERIOD.sub("", text[: m.start()] + text[m.end():])
    return len(re.sub(r"\s", "", rest).strip("():-.")) <= 20


@dataclass(frozen=True)
class PeriodLine:
    first: int
    last: int
    revision: Revision
    text: str


def find_period(value) -> PeriodLine | None:
    """The ``แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) ทบทวน ครั้งที่ 1/2565`` line: period and the
    revision it names (the first edition when it names none)."""
    text = one_line(value)
    m = _PERIOD.search(text)
    if not m:
        return None
    rev = find_revision(text[m.end():]) or FIRST
    return PeriodLine(int(m.group(1)), int(m.group(2)), rev, text)


# --- levels: strategy, tactic, programme ---------------------------------------------------------

_STRATEGY = re.compile(r"^(\d{1,2})\s*[.)]?\s*((?:ยุทธศาสตร์|ประเด็นการพัฒนา).*)$")
_ISSUE = re.compile(r"^(?:\d{1,2}\s*[.)]\s*)?(ประเด็นการพัฒนา(?:ท้องถิ่น)?\s*ที่\s*(\d{1,2}))\s*[:.]?\s*(.*)$")
_STRATEGY_NO = re.compile(r"^(ยุทธศาสตร์\S{0,12}?\s*ที่\s*(\d{1,2}))\s*[:.]?\s*(.*)$")
_TACTIC = re.compile(r"^(\d{1,2}\s*\.\s*\d{1,2})\s*[.)]?\s+(.+)$")
_TACTIC_WORD = re.compile(r"^(กลยุทธ์|แนวทางการพัฒนา|แนวทาง)\s*(?:ที่)?\s*(\d{1,2}\s*\.\s*\d{1,2})\s*[:.]?\s*(.*)$")
_PROGRAMME = re.compile(r"^(?:\(\s*(\d{1,2})\s*\)|(\d{1,2})\s*[.)])?\s*(แผนงาน\S.*)$")

LEVEL1_STRATEGY = "ยุทธศาสตร์"
LEVEL1_ISSUE = "ประเด็นการพัฒนาท้องถิ่น"
LEVEL2_TACTIC = "กลยุทธ์"
LEVEL2_GUIDELINE = "แนวทางการพัฒนา"


@dataclass(frozen=True)
class Heading:
    level: str          #: "strategy", "tactic" or "programme"
    number: int | None  #: strategy number / programme number within its tactic
    code: str           #: tactic code as written ("1.1"); "" for other levels
    name: str
    label: str          #: the level's word as the book uses it (ยุทธศาสตร์ / ประเด็นการพัฒนาท้องถิ่น ...)


def find_heading(value) -> Heading | None:
    """A strategy, tactic or programme line (preamble or in-band), e.g. "1. ยุทธศาสตร์การพัฒนา…",
    "ประเด็นการพัฒนาท้องถิ่นที่ 2 …", "1.1 กลยุทธ์…", "๒.๓ แนวทางการพัฒนา…", "(1) แผนงาน…"."""
    text = one_line(value)
    if not text:
        return None
    m = _ISSUE.match(text)
    if m:
        return Heading("strategy", int(m.group(2)), "", m.group(3).strip() or m.group(1), LEVEL1_ISSUE)
    m = _STRATEGY_NO.match(text)
    if m:
        return Heading("strategy", int(m.group(2)), "", m.group(3).strip() or m.group(1), LEVEL1_STRATEGY)
    m = _STRATEGY.match(text)
    if m:
        label = LEVEL1_ISSUE if m.group(2).startswith("ประเด็น") else LEVEL1_STRATEGY
        return Heading("strategy", int(m.group(1)), "", m.group(2).strip(), label)
    m = _TACTIC_WORD.match(text)
    if m:
        label = LEVEL2_GUIDELINE if m.group(1).startswith("แนวทาง") else LEVEL2_TACTIC
        return Heading("tactic", None, re.sub(r"\s", "", m.group(2)), f"{m.group(1)}{m.group(3)}".strip(), label)
    m = _TACTIC.match(text)
    if m and not m.group(2).startswith("แผนงาน"):
        name = m.group(2).strip()
        label = LEVEL2_GUIDELINE if name.startswith("แนวทาง") else LEVEL2_TACTIC
        return Heading("tactic", None, re.sub(r"\s", "", m.group(1)), name, label)
    m = _PROGRAMME.match(text)
    if m:
        number = m.group(1) or m.group(2)
        return Heading("programme", int(number) if number else None, "", m.group(3).strip(), "แผนงาน")
    return None


"""Thai fiscal years and quarters, Buddhist Era (พ.ศ.) <-> CE.

A fiscal year (ปีงบประมาณ) runs 1 Oct – 30 Sep and is named by the Buddhist-Era year in which it
ends: ปีงบประมาณ 2569 = 1 Oct 2025 – 30 Sep 2026. Quarter 1 is Oct–Dec, 2 Jan–Mar, 3 Apr–Jun,
4 Jul–Sep. This module imports nothing of the project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

BE_OFFSET = 543
#: The Buddhist-Era years accepted as fiscal years anywhere (uploads, locks, the plan file). A year
#: written below FIRST_FY is read as CE (2026 -> 2569).
FIRST_FY, LAST_FY = 2400, 2700
#: The organization's local time; times are stored in UTC and shown in this zone.
BANGKOK = ZoneInfo("Asia/Bangkok")
#: Thai digits ๐-๙ -> ASCII
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

MONTHS_TH = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def be_to_ce(year_be: int) -> int:
    return year_be - BE_OFFSET


def ce_to_be(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def normalize_year(year: int) -> int:
    """A year written either way -> Buddhist Era. Years below :data:`FIRST_FY` are taken as CE."""
    return year if year >= FIRST_FY else ce_to_be(year)


def is_fiscal_year(fy: int) -> bool:
    """True for a Buddhist-Era year this program accepts as a fiscal year (:data:`FIRST_FY`–:data:`LAST_FY`)."""
    return FIRST_FY <= fy <= LAST_FY


def fiscal_year_of(d: date) -> int:
    """Buddhist-Era fiscal year containing date ``d``."""
    return ce_to_be(d.year) + (1 if d.month >= 10 else 0)


def quarter_of(d: date) -> int:
    """Fiscal quarter 1–4 of date ``d`` (Q1 = Oct–Dec)."""
    return (d.month - 10) % 12 // 3 + 1


@dataclass(frozen=True, order=True)
class Period:
    """A fiscal quarter: ``Period(2569, 2)`` is Jan–Mar 2026."""

    fiscal_year: int
    quarter: int

    def __post_init__(self):
        if not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter must be 1–4, got {self.quarter}")

    @property
    def start(self) -> date:
        y_ce = be_to_ce(self.fiscal_year) - 1  # Q1 starts in October of the previous CE year
        m = 10 + 3 * (self.quarter - 1)
        return date(y_ce + (m - 1) // 12, (m - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        nxt = self.next()
        return date.fromordinal(nxt.start.toordinal() - 1)

    def next(self) -> "Period":
        return Period(self.fiscal_year + (self.quarter == 4), self.quarter % 4 + 1)

    def previous(self) -> "Period":
        return Period(self.fiscal_year - (self.quarter == 1), (self.quarter - 2) % 4 + 1)

    def same_quarter_last_year(self) -> "Period":
        return Period(self.fiscal_year - 1, self.quarter)

    @classmethod
    def of(cls, d: date) -> "Period":
        return cls(fiscal_year_of(d), quarter_of(d))

    @classmethod
    def parse(cls, text: str) -> "Period":
        """Parse ``2569-Q2``, ``2569/2``, ``Q2/2569`` or ``2026-Q2`` (CE is converted to BE)."""
        t = str(text).translate(THAI_DIGITS).strip().upper()
        m = re.fullmatch(r"(\d{4})\s*[-/ ]\s*Q?([1-4])", t) or re.fullmatch(r"Q([1-4])\s*[-/ ]\s*(\d{4})", t)
        if not m:
            raise ValueError(f"not a fiscal quarter: {text!r} (expected e.g. 2569-Q2)")
        a, b = m.groups()
        year, q = (a, b) if len(a) == 4 else (b, a)
        return cls(normalize_year(int(year)), int(q))

    def __str__(self) -> str:
        return f"{self.fiscal_year}-Q{self.quarter}"


def default_period(with_data: list[tuple[int, int]], first_fy: int,
                   fiscal_year: int | None = None) -> tuple[int, int]:
    """The period shown when none is chosen (pages and command line alike).

    The latest (fiscal year, quarter) with data — within ``fiscal_year`` when one is given; with no
    data there, Q1 of that year (of the plan's first year ``first_fy`` when none is given).
    ``with_data`` lists the periods that have data, ascending."""
    if fiscal_year is None:
        return with_data[-1] if with_data else (first_fy, 1)
    in_year = [q for y, q in with_data if y == fiscal_year]
    return fiscal_year, in_year[-1] if in_year else 1


def today() -> date:
    """Today in Bangkok: the one clock that decides which quarters have begun and which fiscal years
    are closed. The ``today`` setting (``TRACKER_TODAY=2026-12-01``) fixes it, to see the figures as
    they were on that day (and in tests)."""
    from tracker import settings

    fixed = settings.get("today").strip()
    return date.fromisoformat(fixed) if fixed else datetime.now(BANGKOK).date()


def year_closed(fy: int, on: date) -> bool:
    """Fiscal year ``fy`` is over on date ``on``: ``on`` is after 30 September of its last calendar
    year (``fy`` − 543 CE)."""
    return on > fiscal_year_range(fy)[1]


def quarter_begun(fy: int, q: int, on: date) -> bool:
    """Quarter ``q`` of ``fy`` has begun on date ``on`` (its first day is not after it); a quarter that
    has not begun is *future*."""
    return Period(fy, q).start <= on


def fiscal_year_range(fy: int) -> tuple[date, date]:
    """First and last day of Buddhist-Era fiscal year ``fy``."""
    return Period(fy, 1).start, Period(fy, 4).end


def fy_label(fy: int, lang: str) -> str:
    """``ปีงบประมาณ 2569`` in Thai, ``FY2569 (Oct 2025 – Sep 2026)`` in English."""
    if lang == "th":
        return f"ปีงบประมาณ {fy}"
    start, end = fiscal_year_range(fy)
    return f"FY{fy} (Oct {start.year} – Sep {end.year})"


def quarter_label(q: int, lang: str, fy: int | None = None) -> str:
    """``ไตรมาส 2 (ม.ค.–มี.ค. 2569)`` / ``Q2 (Jan–Mar 2026)``; without ``fy`` just the quarter."""
    if fy is None:
        return f"ไตรมาส {q}" if lang == "th" else f"Q{q}"
    p = Period(fy, q)
    months = MONTHS_TH if lang == "th" else MONTHS_EN
    m1, m2 = months[p.start.month - 1], months[p.end.month - 1]
    if lang == "th":
        return f"ไตรมาส {q} ({m1}–{m2} {ce_to_be(p.end.year)})"
    return f"Q{q} ({m1}–{m2} {p.end.year})"


def period_label(p: Period, lang: str) -> str:
    """``ปีงบประมาณ 2569 ไตรมาส 2`` / ``FY2569 Q2``."""
    return f"ปีงบประมาณ {p.fiscal_year} ไตรมาส {p.quarter}" if lang == "th" else f"FY{p.fiscal_year} Q{p.quarter}"


def periods_text(codes: str | None, lang: str) -> str:
    """The periods an import touched, stored as ``2569-Q1,2569-Q2,2570-Q1`` (or years ``2569,2570``), in
    words: ``ปีงบประมาณ 2569 ไตรมาส 1, 2 · ปีงบประมาณ 2570 ไตรมาส 1`` / ``FY2569 Q1, Q2 · FY2570 Q1``;
    a part not in that form is kept as written."""
    years: dict[str, list[str]] = {}
    for part in (p.strip() for p in (codes or "").split(",")):
        if not part:
            continue
        year, _, q = part.partition("-Q")
        years.setdefault(year, [])
        if q:
            years[year].append(q)
    out = []
    for year, qs in years.items():
        if not year.isdigit() or not all(q.isdigit() for q in qs):
            out.append(year + "".join(f"-Q{q}" for q in qs))
            continue
        head = fy_label(int(year), lang) if lang == "th" else f"FY{year}"
        if qs:
            head += (" ไตรมาส " if lang == "th" else " ") + ", ".join(qs if lang == "th" else [f"Q{q}" for q in qs])
        out.append(head)
    return " · ".join(out)


def date_label(d: date, lang: str) -> str:
    """``23 พ.ย. 2569`` / ``23 Nov 2026``."""
    if lang == "th":
        return f"{d.day} {MONTHS_TH[d.month - 1]} {ce_to_be(d.year)}"
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def datetime_label(iso_utc: str | None, lang: str) -> str:
    """A stored UTC ISO time shown in Bangkok time: ``5 เม.ย. 2569 10:00`` / ``5 Apr 2026 10:00``;
    an em dash when there is none."""
    if not iso_utc:
        return "—"
    dt = datetime.fromisoformat(iso_utc).astimezone(BANGKOK)
    return f"{date_label(dt.date(), lang)} {dt:%H:%M}"

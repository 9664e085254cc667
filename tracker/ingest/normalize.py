"""Turn the text analysts type in Thai Excel into clean values, a whole column at a time.

Every parser takes a Series of text ("" = empty) and returns ``(values, bad)``: the parsed values
(NaN/None where empty or bad) and a boolean mask of non-empty cells that could not be parsed.
Parsers that need a lookup (departments, villages) work on the distinct values only, so a
100,000-row file costs a few thousand lookups at most.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from tracker.periods import THAI_DIGITS, normalize_year

_SPACES = re.compile(r"[\s\u200b\ufeff]+")


def text(s: pd.Series) -> pd.Series:
    """Collapse runs of whitespace (incl. non-breaking and zero-width spaces); "" stays ""."""
    return s.str.replace(r"[\s\u200b\ufeff]+", " ", regex=True).str.strip()


def digits(s: pd.Series) -> pd.Series:
    """Thai digits ๐–๙ to ASCII, whitespace collapsed."""
    return text(s.str.translate(THAI_DIGITS))


def empty(s: pd.Series) -> pd.Series:
    return text(s) == ""


def _by_unique(s: pd.Series, func) -> pd.Series:
    """Apply ``func`` to each distinct value only, then map back (fast on repetitive columns)."""
    uniques = pd.unique(s.to_numpy())
    table = {u: func(u) for u in uniques}
    return s.map(table)


def number(s: pd.Series, *, money: bool = False, percent: bool = False) -> tuple[pd.Series, pd.Series]:
    """Numbers written as ``1,250,000``, ``฿1,250,000``, ``1250000 บาท``, ``(1,000)``, ``๑๒๕``;
    ``-`` is zero in money columns; ``60%`` in percent columns."""
    t = digits(s).str.replace(r"[\s,฿]|บาท", "", regex=True)
    if percent:
        t = t.str.removesuffix("%")
    t = t.str.replace(r"^\((.+)\)$", r"-\1", regex=True)
    if money:
        t = t.mask(t.isin(["-", "–", "—", "--"]), "0")
    present = t != ""
    values = pd.to_numeric(t.where(present), errors="coerce").astype("float64")
    bad = present & (values.isna() | ~np.isfinite(values.fillna(0)))
    return values.where(~bad), bad


_YEAR = re.compile(r"^(?:พ\.?\s*ศ\.?|ค\.?\s*ศ\.?|fy|ปีงบประมาณ|ปี)?\s*(\d{4})(?:\.0+)?$", re.IGNORECASE)


def year(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Fiscal years ``2569``, ``พ.ศ. 2569``, ``FY2569``, ``๒๕๖๙`` or CE ``2026`` -> BE ``Int64``."""
    t = digits(s)
    m = t.str.extract(_YEAR)[0]
    present = t != ""
    y = pd.to_numeric(m, errors="coerce").astype("Int64")
    y = y.where(y >= 2400, y + 543)   # CE -> BE (periods.normalize_year, vectorised)
    bad = present & y.isna()
    return y, bad


_QUARTER = re.compile(r"^(?:ไตรมาส\s*(?:ที่)?|quarter|qtr|q)?\s*(\d{1,3})(?:\.0+)?$", re.IGNORECASE)


def quarter(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Quarters ``2``, ``Q2``, ``ไตรมาส 2``, ``ไตรมาสที่ ๒`` -> ``Int64`` (range is checked later)."""
    t = digits(s)
    m = t.str.extract(_QUARTER)[0]
    q = pd.to_numeric(m, errors="coerce").astype("Int64")
    bad = (t != "") & q.isna()
    return q, bad


STATUS_WORDS = {
    "not_started": ("not_started", "not started", "ยังไม่ได้ดำเนินการ", "ยังไม่ดำเนินการ", "ยังไม่เริ่ม"),
    "in_progress": ("in_progress", "in progress", "อยู่ระหว่างดำเนินการ", "กำลังดำเนินการ", "ระหว่างดำเนินการ"),
    "completed": ("completed", "complete", "done", "ดำเนินการแล้วเสร็จ", "แล้วเสร็จ", "ดำเนินการเสร็จแล้ว", "เสร็จสิ้น"),
    "cancelled": ("cancelled", "canceled", "ยกเลิก", "ยกเลิกโครงการ"),
}
_STATUS = {re.sub(r"[\s_\-]+", "", w.casefold()): code for code, words in STATUS_WORDS.items() for w in words}


def _key(s: pd.Series) -> pd.Series:
    return text(s).str.casefold().str.replace(r"[\s_\-]+", "", regex=True)


def status(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Status as the English code, from the code or the Thai words of the quarterly form."""
    k = _key(s)
    v = k.map(_STATUS)
    return v, (k != "") & v.isna()


_YES_NO = {"ใช่": 1, "ไม่ใช่": 0, "yes": 1, "no": 0, "y": 1, "n": 0, "1": 1, "0": 0, "true": 1, "false": 0,
           "มี": 1, "ไม่มี": 0, "✓": 1, "x": 1}


def yes_no(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """ใช่/ไม่ใช่, yes/no, 1/0, true/false -> 0/1 (empty -> 0)."""
    k = _key(s.str.translate(THAI_DIGITS)).str.replace(r"\.0+$", "", regex=True)
    v = k.map(_YES_NO)
    bad = (k != "") & v.isna()
    return v.fillna(0).astype("int64"), bad


def code(s: pd.Series) -> pd.Series:
    """Project / indicator codes: Thai digits to ASCII, no spaces, upper case."""
    return s.str.translate(THAI_DIGITS).str.replace(r"[\s\u200b\ufeff]+", "", regex=True).str.upper()


def goal(s: pd.Series, goals) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Goal number ``2``, ``G2``, ``เป้าประสงค์ที่ 2`` -> Int64; returns (values, not_parsed, unknown)."""
    t = digits(s)
    m = t.str.extract(r"^(?:เป้าประสงค์\s*(?:ที่)?|goal|g)?\s*(\d+)(?:\.0+)?$", flags=re.IGNORECASE)[0]
    g = pd.to_numeric(m, errors="coerce").astype("Int64")
    bad = (t != "") & g.isna()
    unknown = g.notna() & ~g.isin(list(goals))
    return g.where(~unknown), bad, unknown


def department(s: pd.Series, plan) -> tuple[pd.Series, pd.Series]:
    """Department code from a code or a Thai/English name."""
    t = text(s)
    v = _by_unique(t, lambda u: plan.department_by_name(u) if u else None)
    return v, (t != "") & v.isna()


_ALL_VILLAGES = {"ทุกหมู่บ้าน", "ทุกหมู่", "ทั้งตำบล", "all"}
_VILLAGE_ITEM = re.compile(r"^(?:หมู่ที่|หมู่|ม\.|moo|village)?\s*(\d{1,3})(?:\.0+)?$", re.IGNORECASE)


def villages(s: pd.Series, known) -> tuple[pd.Series, pd.Series]:
    """``1;3`` / ``หมู่ที่ 1, หมู่ที่ 3`` / ``ทุกหมู่บ้าน`` -> ``"1;3"`` (sorted); bad when any number is unknown."""
    known = sorted(known)

    def one(u: str):
        u = u.translate(THAI_DIGITS).strip()
        if not u:
            return ""
        if _SPACES.sub("", u).casefold() in _ALL_VILLAGES:
            return ";".join(map(str, known))
        out = set()
        for part in re.split(r"[;,]+", u):
            if not part.strip():
                continue
            m = _VILLAGE_ITEM.match(part.strip())
            if not m or int(m.group(1)) not in known:
                return None
            out.add(int(m.group(1)))
        return ";".join(map(str, sorted(out)))

    v = _by_unique(s, one)
    bad = v.isna()
    return v.replace("", None).where(~bad), bad


def indicator_list(s: pd.Series, known) -> tuple[pd.Series, pd.Series]:
    """``G1-I01; G1-I02`` -> ``"G1-I01;G1-I02"``; bad when a code is not in the plan."""
    known = set(known)

    def one(u: str):
        parts = [p for p in re.split(r"[;,\s]+", u.translate(THAI_DIGITS).upper()) if p]
        if any(p not in known for p in parts):
            return None
        return ";".join(dict.fromkeys(parts))

    v = _by_unique(s, one)
    bad = v.isna()
    return v.replace("", None).where(~bad), bad


__all__ = ["text", "digits", "number", "year", "quarter", "status", "yes_no", "code", "goal", "department",
           "villages", "indicator_list", "normalize_year"]

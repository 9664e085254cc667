"""Turn the text analysts type in Thai Excel into clean values, a whole column at a time.

Every parser takes a Series of text ("" = empty) and returns ``(values, bad)``: the parsed values
(NaN/None where empty or bad) and a boolean mask of non-empty cells that could not be parsed.
Parsers that need a lookup (departments, villages) work on the distinct values only, so a
100,000-row file costs a few thousand lookups at most.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from tracker.periods import THAI_DIGITS, normalize_year

_SPACES = re.compile(r"[\s\u200b\ufeff]+")
_INVISIBLE = str.maketrans({"\u200b": " ", "\ufeff": " ", "\u00a0": " "})


def by_unique(s: pd.Series, func, dtype=object) -> pd.Series:
    """Apply the Python function ``func`` to each distinct value only and spread the results back.

    Cells repeat a lot in real files (years, quarters, statuses, departments), and even a column of
    all-distinct values costs one plain Python call per cell, much less than a regex in pandas'
    object fallback.
    """
    codes, uniques = pd.factorize(s, use_na_sentinel=False)
    values = np.array([func(u) for u in uniques.tolist()] + [None], dtype=object)
    out = pd.Series(values[codes], index=s.index, dtype=object)
    return out if dtype is object else out.astype(dtype)


def _clean(u) -> str:
    return " ".join(str(u).translate(_INVISIBLE).split()) if u is not None and u == u else ""


def _clean_digits(u) -> str:
    return _clean(u).translate(THAI_DIGITS)


def text(s: pd.Series) -> pd.Series:
    """Collapse runs of whitespace (incl. non-breaking and zero-width spaces); "" stays ""."""
    return by_unique(s, _clean, "str")


def digits(s: pd.Series) -> pd.Series:
    """Thai digits ๐–๙ to ASCII, whitespace collapsed."""
    return by_unique(s, _clean_digits, "str")


def empty(s: pd.Series) -> pd.Series:
    return by_unique(s, lambda u: _clean(u) == "", bool)


_by_unique = by_unique


_NUM_JUNK = re.compile(r"[\s฿]|บาท")
_DASHES = {"-", "–", "—", "--"}
#: a number as Thai Excel writes it: plain (``1250000``, ``0.5``, ``1.25E+06``) or with commas between
#: groups of three digits (``1,250,000.50``). Nothing else: ``0,5`` (decimal comma) and ``1.234,56``
#: (European thousands) are refused (:data:`FORMAT`), never read as 5 or 1.23456.
_PLAIN = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_MONEY_END = re.compile(r"(?<=\d)\.?[-–]$")     # "1,250,000.-": whole baht, as Thai forms write it
BAD, FORMAT = "bad", "format"


def _number(u, money: bool, percent: bool) -> float | None | str:
    t = _NUM_JUNK.sub("", _clean_digits(u))
    if not t:
        return None
    if percent and t.endswith("%"):
        t = t[:-1]
    if t.startswith("(") and t.endswith(")"):
        t = "-" + t[1:-1]
    if money and t in _DASHES:
        return 0.0
    if money:
        t = _MONEY_END.sub("", t)
    if _GROUPED.match(t):
        t = t.replace(",", "")
    elif not _PLAIN.match(t):
        return FORMAT if re.fullmatch(r"[+-]?[\d.,]*\d[\d.,]*", t) and ("," in t or t.count(".") > 1) else BAD
    v = float(t)
    return v if np.isfinite(v) else BAD


def number(s: pd.Series, *, money: bool = False, percent: bool = False,
           formats: bool = False) -> tuple[pd.Series, pd.Series] | tuple[pd.Series, pd.Series, pd.Series]:
    """Numbers written as ``1,250,000``, ``฿1,250,000``, ``1250000 บาท``, ``(1,000)``, ``๑๒๕``;
    ``-`` is zero in money columns; ``60%`` in percent columns.

    Returns ``(values, bad)``; with ``formats=True`` ``(values, bad, bad_format)`` where ``bad_format``
    marks numbers written with a decimal comma or European thousands (``0,5``, ``1.234,56``), which
    are refused with a message saying how to write them (``bad`` then excludes them)."""
    raw = by_unique(s, lambda u: _number(u, money, percent))
    fmt_bad = (raw == FORMAT).astype(bool)
    bad = (raw == BAD).astype(bool)
    values = pd.to_numeric(raw.where(~(bad | fmt_bad)), errors="coerce").astype("float64")
    return (values, bad, fmt_bad) if formats else (values, bad | fmt_bad)


# ------------------------------------------------------------------ characters

#: bidirectional controls: they reorder what a reader sees ("Trojan Source")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: invisible characters a name may carry harmlessly (word-break hints, a stray BOM, soft hyphen): dropped
_HARMLESS_INVISIBLE = {"\u200b": " ", "\ufeff": " ", "\u200c": "", "\u200d": "", "\u00ad": ""}
#: the characters of a project or indicator code (after NFKC, upper case)
CODE_RE = re.compile(r"^[A-Z0-9](?:[A-Z0-9._/-]*[A-Z0-9])?$")
_DASH_LIKE = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"})


def bad_character(u: str) -> bool:
    """True when ``u`` holds a control character (other than tab and line breaks), a bidirectional
    control, or another invisible formatting character that is not a harmless word-break hint."""
    if u.isprintable():      # no Cc/Cf character at all (every one above is one): most cells, at C speed
        return False
    for ch in u:
        if ch in _BIDI:
            return True
        cat = unicodedata.category(ch)
        if cat == "Cc" and ch not in "\t\n\r":
            return True
        if cat == "Cf" and ch not in _HARMLESS_INVISIBLE:
            return True
    return False


def _name(u) -> str | None:
    """A name or note: NFC (not NFKC: it would split Thai SARA AM), whitespace collapsed; None when it
    holds a character refused by :func:`bad_character`."""
    if u is None or u != u:
        return ""
    u = unicodedata.normalize("NFC", str(u))
    if u.isprintable():      # nothing invisible, no no-break space (all non-printable): only whitespace to collapse
        return " ".join(u.split())
    if bad_character(u):
        return None
    return " ".join("".join(_HARMLESS_INVISIBLE.get(ch, ch) for ch in u).replace("\u00a0", " ").split())


def name(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Names and notes as written (whitespace collapsed), and the cells refused for a control,
    bidirectional or invisible character."""
    v = by_unique(s, _name)
    bad = v.isna()
    return v.where(~bad, None), bad


def _code(u) -> str | None:
    if u is None or u != u:
        return ""
    u = str(u)
    if u.isascii():     # NFKC, Thai digits and dash look-alikes leave ASCII as it is
        t = u.replace(" ", "").upper()
        return t if not t or CODE_RE.match(t) else None
    t = unicodedata.normalize("NFKC", u).translate(THAI_DIGITS).translate(_DASH_LIKE).replace(" ", "").upper()
    if not t:
        return ""
    return t if CODE_RE.match(t) else None


def code(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Project / indicator codes: NFKC (full-width letters and digits become ASCII), Thai digits to
    ASCII, trimmed, upper case; and the cells refused because a code may hold only ``A–Z 0–9 - _ . /``
    (a Cyrillic look-alike, an invisible or control character, a space inside)."""
    v = by_unique(s, _code)
    bad = v.isna()
    return v.where(~bad, None), bad


_YEAR = re.compile(r"^(?:พ\.?\s*ศ\.?|ค\.?\s*ศ\.?|fy|ปีงบประมาณ|ปี)?\s*(\d{4})(?:\.0+)?$", re.IGNORECASE)


def _numbered(s: pd.Series, pattern: re.Pattern, convert=int) -> tuple[pd.Series, pd.Series]:
    """Cells holding one number in words (``ไตรมาสที่ ๒``, ``FY2569``): the number (``convert``-ed) as
    ``Int64``, and the non-empty cells ``pattern`` does not match."""
    def one(u):
        t = _clean_digits(u)
        if not t:
            return None
        m = pattern.match(t)
        if not m or len(m.group(1)) > 9:     # no goal, quarter or year has ten digits (nor fits a column)
            return -1
        return convert(int(m.group(1)))

    v = by_unique(s, one)
    bad = (v == -1).astype(bool)
    return pd.to_numeric(v.where(~bad), errors="coerce").astype("Int64"), bad


def year(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Fiscal years ``2569``, ``พ.ศ. 2569``, ``FY2569``, ``๒๕๖๙`` or CE ``2026`` -> BE ``Int64``."""
    return _numbered(s, _YEAR, normalize_year)


_QUARTER = re.compile(r"^(?:ไตรมาส\s*(?:ที่)?|quarter|qtr|q)?\s*(\d{1,3})(?:\.0+)?$", re.IGNORECASE)


def quarter(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Quarters ``2``, ``Q2``, ``ไตรมาส 2``, ``ไตรมาสที่ ๒`` -> ``Int64`` (range is checked later)."""
    return _numbered(s, _QUARTER)


STATUS_WORDS = {
    "not_started": ("not_started", "not started", "ยังไม่ได้ดำเนินการ", "ยังไม่ดำเนินการ", "ยังไม่เริ่ม"),
    "in_progress": ("in_progress", "in progress", "อยู่ระหว่างดำเนินการ", "กำลังดำเนินการ", "ระหว่างดำเนินการ"),
    "completed": ("completed", "complete", "done", "ดำเนินการแล้วเสร็จ", "แล้วเสร็จ", "ดำเนินการเสร็จแล้ว", "เสร็จสิ้น"),
    "cancelled": ("cancelled", "canceled", "ยกเลิก", "ยกเลิกโครงการ"),
}
_STATUS = {re.sub(r"[\s_\-]+", "", w.casefold()): code for code, words in STATUS_WORDS.items() for w in words}


def _word_key(u) -> str:
    return re.sub(r"[\s_\-]+", "", _clean_digits(u).casefold())


def _key(s: pd.Series) -> pd.Series:
    return by_unique(s, _word_key, "str")


def status(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Status as the English code, from the code or the Thai words of the quarterly form."""
    k = _key(s)
    v = k.map(_STATUS)
    return v, (k != "") & v.isna()


_YES_NO = {"ใช่": 1, "ไม่ใช่": 0, "yes": 1, "no": 0, "y": 1, "n": 0, "1": 1, "0": 0, "true": 1, "false": 0,
           "มี": 1, "ไม่มี": 0, "✓": 1, "x": 1}


def yes_no(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """ใช่/ไม่ใช่, yes/no, 1/0, true/false -> 0/1 (empty -> 0)."""
    k = by_unique(s, lambda u: re.sub(r"\.0+$", "", _word_key(u)), "str")
    v = k.map(_YES_NO)
    bad = (k != "") & v.isna()
    return v.fillna(0).astype("int64"), bad


_GOAL = re.compile(r"^(?:เป้าประสงค์\s*(?:ที่)?|goal|g)?\s*(\d+)(?:\.0+)?$", re.IGNORECASE)


def goal(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Goal number ``2``, ``G2``, ``เป้าประสงค์ที่ 2`` -> Int64 (whether the plan has it is the schema's check)."""
    return _numbered(s, _GOAL)


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
        u = unicodedata.normalize("NFKC", u).translate(THAI_DIGITS)
        parts = [p for p in re.split(r"[;,\s]+", u.upper()) if p]
        if any(p not in known for p in parts):
            return None
        return ";".join(dict.fromkeys(parts))

    v = _by_unique(s, one)
    bad = v.isna()
    return v.replace("", None).where(~bad), bad


__all__ = ["text", "digits", "number", "name", "bad_character", "year", "quarter", "status", "yes_no", "code", "goal", "department",
           "villages", "indicator_list", "normalize_year"]

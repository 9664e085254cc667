"""How figures are written for people: baht, ล้านบาท / M THB, percentages, indicator values, statuses.

One place, so pages, charts, the command line and every document agree. A missing value
(:func:`tracker.status.missing`) is written as an em dash, never as zero.

:func:`cell` writes a value of a table column by its *kind* (:data:`KINDS`, the kinds of
:class:`tracker.tables.Column`), in the reader's language.
"""

from __future__ import annotations

from tracker import status as S
from tracker.i18n import t
from tracker.status import missing

DASH = "—"
MILLION = 1_000_000

#: Column kinds: text, a long name, whole numbers, money (baht), ratios shown as percentages (``pct``,
#: ``score``), progress already in percent (0–100), indicator values (``num``), indicator and project
#: statuses, yes/no.
KINDS = ("text", "name", "int", "money", "pct", "score", "progress", "num", "status", "pstatus", "bool")
NUMERIC_KINDS = frozenset({"int", "money", "pct", "score", "progress", "num"})


def baht(x, lang: str = "th") -> str:
    """``1,234,567 บาท`` / ``1,234,567 THB`` (whole baht)."""
    if missing(x):
        return DASH
    return f"{x:,.0f} {'บาท' if lang == 'th' else 'THB'}"


def mbaht(x, lang: str = "th", digits: int = 2) -> str:
    """``12.35 ล้านบาท`` / ``12.35 M THB``."""
    if missing(x):
        return DASH
    return f"{x / MILLION:,.{digits}f} {'ล้านบาท' if lang == 'th' else 'M THB'}"


def money(x, lang: str = "th") -> str:
    """Large sums (≥ 1 million) in millions, smaller ones in baht."""
    if missing(x):
        return DASH
    return mbaht(x, lang) if abs(x) >= MILLION else baht(x, lang)


def pct(ratio, digits: int = 1) -> str:
    """A ratio 0.4567 -> ``45.7%``."""
    if missing(ratio):
        return DASH
    return f"{ratio * 100:,.{digits}f}%"


def points(change, lang: str = "th") -> str:
    """A change of a percentage in percentage points, signed: ``+3.2 จุดร้อยละ`` / ``+3.2 pp``; a dash
    when undefined."""
    if missing(change):
        return DASH
    return f"{change * 100:+.1f} " + ("จุดร้อยละ" if lang == "th" else "pp")


def number(x, digits: int | None = None) -> str:
    """An indicator value: thousands separators, at most 2 decimals, no trailing zeros."""
    if missing(x):
        return DASH
    if digits is None:
        digits = 0 if float(x).is_integer() else 2
    s = f"{x:,.{digits}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def status(code: str, lang: str, *, icon: bool = True) -> str:
    """An indicator or goal status as icon and word, never colour alone: ``✔ บรรลุตามเป้า``.

    ``icon=False`` where the icon is drawn apart (a coloured marker in the PDF)."""
    word = t(f"status.{code}", lang)
    return f"{S.ICONS.get(code, '')} {word}".strip() if icon else word


def project_status(code: str, lang: str, *, icon: bool = True) -> str:
    """A project status of the quarterly form (แบบที่ 2) as icon and word: ``◐ อยู่ระหว่างดำเนินการ``."""
    word = t(f"pstatus.{code}", lang)
    return f"{S.PROJECT_ICONS.get(code, '')} {word}".strip() if icon else word


def yes_no(value, lang: str) -> str:
    return t("dash.col.yes" if bool(value) else "dash.col.no", lang)


def cell(kind: str, value, lang: str, *, icon: bool = True) -> str:
    """A value of a column of ``kind`` as text (``icon=False``: statuses as words only)."""
    if missing(value):
        return DASH
    if kind == "int":
        return f"{int(value):,}"
    if kind == "money":
        return f"{float(value):,.2f}"
    if kind in ("pct", "score"):
        return pct(float(value))
    if kind == "progress":
        return f"{float(value):,.0f}%"
    if kind == "num":
        return number(float(value))
    if kind == "status":
        return status(str(value), lang, icon=icon)
    if kind == "pstatus":
        return project_status(str(value), lang, icon=icon)
    if kind == "bool":
        return yes_no(value, lang)
    return str(value)

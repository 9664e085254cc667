"""How numbers are written for people: baht, ล้านบาท / M THB, percentages, indicator values.

One place, so pages, charts and reports agree. ``None``/NaN becomes an em dash.
"""

from __future__ import annotations

import math

DASH = "—"
MILLION = 1_000_000


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def baht(x, lang: str = "th") -> str:
    """``1,234,567 บาท`` / ``1,234,567 THB`` (whole baht)."""
    if _missing(x):
        return DASH
    return f"{x:,.0f} {'บาท' if lang == 'th' else 'THB'}"


def mbaht(x, lang: str = "th", digits: int = 2) -> str:
    """``12.35 ล้านบาท`` / ``12.35 M THB``."""
    if _missing(x):
        return DASH
    return f"{x / MILLION:,.{digits}f} {'ล้านบาท' if lang == 'th' else 'M THB'}"


def money(x, lang: str = "th") -> str:
    """Large sums (≥ 1 million) in millions, smaller ones in baht."""
    if _missing(x):
        return DASH
    return mbaht(x, lang) if abs(x) >= MILLION else baht(x, lang)


def pct(ratio, digits: int = 1) -> str:
    """A ratio 0.4567 -> ``45.7%``."""
    if _missing(ratio):
        return DASH
    return f"{ratio * 100:,.{digits}f}%"


def number(x, digits: int | None = None) -> str:
    """An indicator value: thousands separators, at most 2 decimals, no trailing zeros."""
    if _missing(x):
        return DASH
    if digits is None:
        digits = 0 if float(x).is_integer() else 2
    s = f"{x:,.{digits}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s

"""The one formatter: a figure's kind, value and language -> the text every surface shows.

Pages, meeting slides, the PDF, DOCX, XLSX and PPTX and the command line all write figures through
:func:`figure` (tables through :func:`cell`, which maps a column kind to a figure kind), so the same
figure has the same text everywhere. Rounding is half up on the value's decimal form
(:func:`tracker.status.round_half_up`): 0.5355 is 53.6 %, 0.375 is 0.38, 295,000 baht is 0.30 ล้านบาท —
and a status is judged on the rounded percentage (:func:`tracker.status.shown_percent`), so the text and
the status agree. Spreadsheets get :func:`shown_number` (the value rounded as shown) with
:func:`excel_format` (a number format of the same decimals), so Excel shows the same text.

A missing value (:func:`tracker.status.missing`) is written as an em dash, never as zero or a status.

Figure kinds (:data:`FIGURES`):

==================  ==========================================  ===========================
kind                value                                       text (th / en)
==================  ==========================================  ===========================
``percent``         a ratio or score (0.5355)                   ``53.6%``
``points``          a change of a ratio (−0.7275)               ``−72.8 จุดร้อยละ`` / ``−72.8 pp``
``progress``        a percentage already ×100 (62.5)            ``63%``
``money_baht``      baht (tables)                               ``1,250,001`` (``unit=True``: ``… บาท`` / ``… THB``)
``money_million``   baht, written in millions (cards, charts)   ``8.87`` (``unit=True``: ``… ล้านบาท`` / ``… M THB``)
``count``           a whole number                              ``1,234``
``rating``          a satisfaction score out of 10 (แบบที่ 3/3)  ``8.10``
``value``           an indicator value (``unit=`` its unit)     ``0.38``, ``ร้อยละ 69``, ``135 rai``
``share``           (k, n)                                      ``3 จาก 5`` / ``3 of 5``
``coverage``        (assessed, due)                             ``ประเมินได้ 1 จาก 5 ตัวชี้วัด``
``period``          a :class:`tracker.periods.Period`            ``ปีงบประมาณ 2570 ไตรมาส 2`` / ``FY2570 Q2``
``status``          an indicator or goal status code            ``✔ บรรลุตามเป้า``
``pstatus``         a project status code                       ``∅ ไม่ได้ตั้งงบประมาณ``
==================  ==========================================  ===========================
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from tracker import periods
from tracker import status as S
from tracker.i18n import t
from tracker.status import missing, round_half_up

DASH = "—"
MILLION = 1_000_000
MINUS = "\u2212"

FIGURES = ("percent", "points", "progress", "money_baht", "money_million", "count", "rating", "value", "share",
           "coverage", "period", "status", "pstatus")
#: decimals of each numeric figure kind as shown (``value``: up to 2, trailing zeros dropped)
DECIMALS = {"percent": 1, "points": 1, "progress": 0, "money_baht": 0, "money_million": 2, "count": 0, "rating": 2,
            "value": 2}

#: Column kinds of :class:`tracker.tables.Column`: text, a long name, whole numbers, money (whole
#: baht), ratios shown as percentages (``pct``, ``score``), progress already in percent (0–100),
#: indicator values (``num``), satisfaction scores out of 10 (``rating``), indicator and project statuses, yes/no.
KINDS = ("text", "name", "int", "money", "pct", "score", "progress", "num", "rating", "status", "pstatus", "bool")
NUMERIC_KINDS = frozenset({"int", "money", "pct", "score", "progress", "num", "rating"})
#: the figure kind each column kind is written as
COLUMN_FIGURE = {"int": "count", "money": "money_baht", "pct": "percent", "score": "percent", "progress": "progress",
                 "num": "value", "rating": "rating", "status": "status", "pstatus": "pstatus"}


def _grouped(x: float, decimals: int) -> str:
    """``x`` (already rounded) with thousands separators and exactly ``decimals`` decimals."""
    return f"{x:,.{decimals}f}"


def shown_number(kind: str, value) -> float | int | None:
    """The number a figure shows, rounded as shown: ``percent`` as a ratio (0.5355 -> 0.536),
    ``money_million`` in millions (295,000 -> 0.3), whole kinds as ``int``. None when missing."""
    if missing(value):
        return None
    kind = COLUMN_FIGURE.get(kind, kind)
    if kind in ("percent", "points"):
        return round(S.shown_percent(value) / 100, 3)      # 0.962, not 0.9620000000000001
    if kind == "money_million":
        return float((S.decimal(value) / MILLION).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    if kind in ("money_baht", "count", "progress"):
        return int(round_half_up(value, 0))
    if kind in ("value", "rating"):
        return round_half_up(value, 2)
    raise ValueError(f"{kind!r} is not a numeric figure kind")


def value_decimals(value) -> int:
    """How many decimals an indicator value shows: up to 2, trailing zeros dropped (0.80 -> 1)."""
    x = round_half_up(value, 2)
    return 0 if float(x).is_integer() else 1 if float(round_half_up(x, 1)) == x else 2


def excel_format(kind: str, value=None) -> str:
    """The Excel number format that shows :func:`shown_number` as :func:`figure` writes it."""
    kind = COLUMN_FIGURE.get(kind, kind)
    if kind in ("percent", "points"):
        return "0.0%"
    if kind == "progress":
        return '0"%"'
    if kind in ("money_baht", "count"):
        return "#,##0"
    if kind in ("money_million", "rating"):
        return "#,##0.00"
    if kind == "value":
        d = 0 if missing(value) else value_decimals(value)
        return "#,##0" + ("." + "0" * d if d else "")
    raise ValueError(f"{kind!r} is not a numeric figure kind")


def money_unit(kind: str, lang: str) -> str:
    """The unit word a view's title names for money of ``kind``: ``ล้านบาท`` / ``M THB`` or ``บาท`` / ``THB``."""
    return t("fmt.unit_mbaht" if kind == "money_million" else "fmt.unit_baht", lang)


def _status(code: str, lang: str, key: str, icons: dict, icon: bool) -> str:
    word = t(f"{key}.{code}", lang)
    return f"{icons.get(code, '')} {word}".strip() if icon else word


def figure(kind: str, value, *, lang: str = "th", unit=None, icon: bool = True) -> str:
    """``value`` of figure ``kind`` (:data:`FIGURES`) as the text shown in ``lang``.

    ``unit``: for ``value`` the indicator's unit in ``lang`` (``ร้อยละ`` is written before the number);
    for money ``True`` appends the unit word (sentences; tables and cards name it in their title).
    ``icon=False`` writes statuses as words only (where the icon is drawn apart)."""
    if kind not in FIGURES:
        raise ValueError(f"unknown figure kind {kind!r}")
    if kind in ("share", "coverage"):
        if not isinstance(value, (tuple, list)) or any(missing(v) for v in value):
            return DASH
        k, n = int(value[0]), int(value[1])
        if kind == "share":
            return t("fmt.share", lang, k=f"{k:,}", n=f"{n:,}")
        return t("fmt.coverage_one" if n == 1 else "fmt.coverage", lang, k=f"{k:,}", n=f"{n:,}")
    if missing(value):
        return DASH
    if kind == "period":
        return periods.period_label(value, lang)
    if kind == "status":
        return _status(str(value), lang, "status", S.ICONS, icon)
    if kind == "pstatus":
        return _status(str(value), lang, "pstatus", S.PROJECT_ICONS, icon)
    number = shown_number(kind, value)
    if kind == "percent":
        return f"{_grouped(number * 100, 1)}%"
    if kind == "points":
        pts = S.shown_percent(value)
        sign = "+" if pts > 0 else MINUS if pts < 0 else "±"
        return f"{sign}{_grouped(abs(pts), 1)} {t('fmt.points', lang)}"
    if kind == "progress":
        return f"{number:,}%"
    if kind in ("money_baht", "money_million"):
        text = _grouped(number, DECIMALS[kind])
        return f"{text} {money_unit(kind, lang)}" if unit is True else text
    if kind == "count":
        return f"{number:,}"
    if kind == "rating":
        return _grouped(number, 2)
    # value: up to 2 decimals, no trailing zeros
    text = _grouped(number, value_decimals(value))
    if not unit or unit is True:
        return text
    if unit == "ร้อยละ":
        return f"ร้อยละ {text}"
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def cell(kind: str, value, lang: str, *, icon: bool = True) -> str:
    """A value of a table column of ``kind`` (:data:`KINDS`) as text (``icon=False``: statuses as words only)."""
    if missing(value):
        return DASH
    if kind in COLUMN_FIGURE:
        return figure(COLUMN_FIGURE[kind], value, lang=lang, icon=icon)
    if kind == "bool":
        return yes_no(value, lang)
    return str(value)


# ---------------------------------------------------------------- shorthands (each one a figure kind)

def pct(ratio, digits: int = 1) -> str:
    """A ratio as a percentage (``percent``); ``digits=0`` only for settings such as 50%."""
    if digits == 1 or missing(ratio):
        return figure("percent", ratio)
    return f"{round_half_up(float(S.decimal(ratio) * 100), digits):,.{digits}f}%"


def points(change, lang: str = "th") -> str:
    """A change of a percentage in percentage points, signed: ``+3.2 จุดร้อยละ`` / ``+3.2 pp``; a dash
    when undefined."""
    return figure("points", change, lang=lang)


def number(x, digits: int | None = None) -> str:
    """An indicator value or a plain number (``value``: at most 2 decimals, no trailing zeros)."""
    if digits is not None and not missing(x):
        return _grouped(round_half_up(x, digits), digits)
    return figure("value", x)


def baht(x, lang: str = "th") -> str:
    """``1,234,567 บาท`` / ``1,234,567 THB`` (whole baht, with the unit)."""
    return figure("money_baht", x, lang=lang, unit=True)


def mbaht(x, lang: str = "th") -> str:
    """``12.35 ล้านบาท`` / ``12.35 M THB``."""
    return figure("money_million", x, lang=lang, unit=True)


def status(code: str, lang: str, *, icon: bool = True) -> str:
    """An indicator or goal status as icon and word, never colour alone: ``✔ บรรลุตามเป้า``."""
    return figure("status", code, lang=lang, icon=icon)


def project_status(code: str, lang: str, *, icon: bool = True) -> str:
    """A project status (แบบที่ 2, or not funded / not reported) as icon and word."""
    return figure("pstatus", code, lang=lang, icon=icon)


def yes_no(value, lang: str) -> str:
    return t("dash.col.yes" if bool(value) else "dash.col.no", lang)

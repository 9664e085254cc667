"""Shared by the report tests: a built report of the small data set and text normalisation."""

from __future__ import annotations

import re
import unicodedata

from tests.dashboard_data import load_small_dataset

FY, Q = 2569, 2


def squash(text: str) -> str:
    """NFC, no whitespace at all (lines break anywhere in documents), no control characters.

    Text extracted from a shaped PDF carries a stray U+0003 after SARA AM (HarfBuzz decomposes ำ
    into two glyphs, fpdf2 maps the second to a control character); the glyphs drawn are right."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", text) if unicodedata.category(ch) != "Cc")
    return re.sub(r"\s+", "", text)


def loaded(db):
    load_small_dataset(db)
    return db


def require_pdf_tools(*tools: str) -> None:
    """Skip the calling test unless poppler's ``tools`` and Debian's chromium are installed."""
    import shutil

    import pytest

    for tool in tools:
        if not shutil.which(tool):
            pytest.skip(f"{tool} not installed (scripts/setup.sh test installs poppler-utils)")
    try:
        from tracker.report.chromium import browser_path
        browser_path()
    except RuntimeError as exc:
        pytest.skip(str(exc))


def excel_text(value, number_format: str) -> str:
    """What Excel shows for ``value`` with the number formats the workbooks use."""
    from tracker import fmt

    if value is None:
        return fmt.DASH
    if isinstance(value, str):
        return value
    if number_format in ("0.0%", "0.0%;-0.0%"):
        return f"{value * 100:,.1f}%"
    if number_format == '0"%"':
        return f"{value:,.0f}%"
    if number_format.startswith("#,##0"):
        decimals = len(number_format.split(".")[1]) if "." in number_format else 0
        return f"{value:,.{decimals}f}"
    return str(value)

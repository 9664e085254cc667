"""The one formatter: every kind of figure, both languages, rounded half up the way it is shown."""

import math

import pytest

from tracker import fmt
from tracker.periods import Period


@pytest.mark.parametrize("kind, value, lang, text", [
    # percentages: one decimal, half up on the decimal value (Python's round/format would give 53.5, 0.12, 80.0)
    ("percent", 0.5355, "th", "53.6%"),
    ("percent", 0.53549, "en", "53.5%"),
    ("percent", 0.799875, "th", "80.0%"),
    ("percent", 0.00125, "th", "0.1%"),
    ("percent", 1.5, "en", "150.0%"),
    ("percent", 0, "th", "0.0%"),
    ("points", 0.032, "th", "+3.2 จุดร้อยละ"),
    ("points", -0.7275, "en", "−72.8 pp"),
    ("points", 0.0, "en", "±0.0 pp"),
    ("progress", 62.5, "th", "63%"),
    # money: tables whole baht, cards and charts millions with 2 decimals
    ("money_baht", 1_250_000.5, "th", "1,250,001"),
    ("money_baht", 2_500.49, "en", "2,500"),
    ("money_million", 295_000, "th", "0.30"),
    ("money_million", 8_874_000, "en", "8.87"),
    ("money_million", 26_024_999, "th", "26.02"),
    ("count", 1234, "th", "1,234"),
    ("count", 40.0, "en", "40"),
    # indicator values: at most 2 decimals, half up, no trailing zeros
    ("value", 0.375, "th", "0.38"),
    ("value", 0.125, "en", "0.13"),
    ("value", 69, "th", "69"),
    ("value", 1.5, "th", "1.5"),
    ("value", 12_345.678, "en", "12,345.68"),
    ("share", (3, 5), "th", "3 จาก 5"),
    ("share", (3, 5), "en", "3 of 5"),
    ("coverage", (1, 5), "th", "ประเมินได้ 1 จาก 5 ตัวชี้วัด"),
    ("coverage", (1, 5), "en", "assessed 1 of 5 indicators"),
    ("coverage", (1, 1), "en", "assessed 1 of 1 indicator"),
    ("period", Period(2570, 2), "th", "ปีงบประมาณ 2570 ไตรมาส 2"),
    ("period", Period(2570, 2), "en", "FY2570 Q2"),
    ("status", "on_track", "th", "✔ บรรลุตามเป้า"),
    ("status", "achieved", "en", "★ Achieved"),
    ("status", "insufficient_data", "th", "◔ ข้อมูลไม่เพียงพอ"),
    ("pstatus", "not_funded", "th", "∅ ไม่ได้ตั้งงบประมาณ"),
    ("pstatus", "not_reported", "en", "? Not reported"),
])
def test_every_kind_in_both_languages(kind, value, lang, text):
    assert fmt.figure(kind, value, lang=lang) == text


@pytest.mark.parametrize("kind, value, lang, text", [
    ("money_baht", 295_000, "th", "295,000 บาท"),
    ("money_baht", 295_000, "en", "295,000 THB"),
    ("money_million", 8_874_000, "th", "8.87 ล้านบาท"),
    ("money_million", 8_874_000, "en", "8.87 M THB"),
])
def test_money_with_its_unit_for_sentences(kind, value, lang, text):
    assert fmt.figure(kind, value, lang=lang, unit=True) == text


@pytest.mark.parametrize("value, unit, lang, text", [
    (69, "ร้อยละ", "th", "ร้อยละ 69"),
    (69, "%", "en", "69%"),
    (0.08, "กม.", "th", "0.08 กม."),
    (135, "rai", "en", "135 rai"),
])
def test_indicator_value_with_its_unit(value, unit, lang, text):
    assert fmt.figure("value", value, lang=lang, unit=unit) == text


@pytest.mark.parametrize("kind", ["percent", "points", "money_baht", "money_million", "count", "value", "progress",
                                  "share", "coverage", "status", "pstatus"])
@pytest.mark.parametrize("missing", [None, math.nan, float("nan")])
def test_missing_is_a_dash_never_zero(kind, missing):
    assert fmt.figure(kind, missing, lang="th") == "—"


@pytest.mark.parametrize("kind, value, number, number_format", [
    # XLSX cells hold the value rounded as shown, with a number format of the same decimals
    ("percent", 0.5355, 0.536, "0.0%"),
    ("percent", 0.799875, 0.8, "0.0%"),
    ("money_baht", 1_250_000.5, 1_250_001, "#,##0"),
    ("money_million", 295_000, 0.3, "#,##0.00"),
    ("count", 7, 7, "#,##0"),
    ("value", 0.375, 0.38, "#,##0.00"),
    ("value", 1.5, 1.5, "#,##0.0"),
    ("value", 69, 69, "#,##0"),
    ("progress", 62.5, 63, '0"%"'),
])
def test_spreadsheet_cells_round_the_same_way(kind, value, number, number_format):
    assert fmt.shown_number(kind, value) == pytest.approx(number, abs=0)
    assert fmt.excel_format(kind, value) == number_format


def test_excel_would_show_the_same_text():
    """What Excel shows for the cell = the formatter's text (checked for the formats we write)."""
    for kind, value in [("percent", 0.5355), ("percent", 0.12345), ("money_baht", 26_024_000.4),
                        ("money_million", 3_646_800), ("value", 0.375), ("value", 12_345.678)]:
        number, number_format = fmt.shown_number(kind, value), fmt.excel_format(kind, value)
        decimals = number_format.split(".")[1].count("0") if "." in number_format else 0
        shown = number * 100 if number_format.endswith("%") else number
        text = f"{shown:,.{decimals}f}" + ("%" if number_format.endswith("%") else "")
        assert text == fmt.figure(kind, value, lang="en"), (kind, value)


def test_unit_words_for_titles():
    assert fmt.money_unit("money_million", "th") == "ล้านบาท" and fmt.money_unit("money_baht", "en") == "THB"


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        fmt.figure("furlongs", 1, lang="th")

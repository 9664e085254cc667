"""How plan-import values read to people: a blank cell and a dash are kept apart, amounts keep satang,
years name the plan year, in Thai and English."""

from __future__ import annotations

import pytest

from tracker.ingest.planimport.present import field_label, value_text


@pytest.mark.parametrize("field, value, lang, shown", [
    ("budgets", None, "th", "—"),             # a blank cell: no entry
    ("budgets", 0, "th", "0"),                # a dash: nothing planned that year
    ("budgets", 487512.5, "en", "487,512.5"),
    ("ordinance", 1250000, "en", "1,250,000"),
    ("strategy", 2, "th", "ยุทธศาสตร์ที่ 2"),
    ("strategy", 2, "en", "strategy 2"),
    ("name", "", "th", "—"),
    ("name", "โครงการก่อสร้างถนน", "en", "โครงการก่อสร้างถนน"),
])
def test_values_read_as_the_book_means_them(field, value, lang, shown):
    assert value_text(field, value, lang) == shown


@pytest.mark.parametrize("field, year, lang, shown", [
    ("budgets", 2568, "th", "งบประมาณตามแผน ปี 2568"),
    ("budgets", 2568.0, "en", "Plan amount 2568"),
    ("ordinance", 2567, "th", "งบตามข้อบัญญัติ ปี 2567"),
    ("name", None, "th", "ชื่อโครงการ"),
    ("kpi", float("nan"), "en", "KPI"),
    (None, None, "en", ""),
])
def test_a_change_names_the_field_and_the_plan_year(field, year, lang, shown):
    assert field_label(field, year, lang) == shown


@pytest.mark.parametrize("level, lang, heading", [
    ("strategy", "th", "ยุทธศาสตร์"),
    ("development_issue", "th", "ประเด็นการพัฒนาท้องถิ่น"),     # a 2571–2575 plan's first level
    ("development_issue", "en", "Local development issue"),
])
def test_the_coordination_table_heads_the_strategy_column_with_the_plans_own_word(level, lang, heading):
    import pandas as pd

    from tracker.ingest.planimport.present import coordination_table

    coord = pd.DataFrame({"code": ["C1.1-1-001"], "strategy_no": [1], "name_th": ["โครงการถนนเชื่อมตำบล"],
                          "department_raw": ["อบจ.อุบลราชธานี"], "amount_2567": [8064000.0]})
    table = coordination_table(coord, 2567, lang, level=level)
    assert table[heading].tolist() == [1]
    assert "ยุทธศาสตร์" not in table.columns or level == "strategy"

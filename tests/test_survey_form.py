"""The pre-filled survey form (#13): the plan's strategies, the respondents' groups and the points assessed written
in, so the analyst types the figures only and uploads the file back as it is."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.test_survey import load
from tests.test_app_satisfaction import SURVEY
from tracker import ingest
from tracker.ingest import forms
from tracker.ingest.survey import DEFAULT_ITEMS
from tracker.rollup import satisfaction as RSat


def fill(body: bytes, figures: dict[str, dict[str, float]]) -> bytes:
    """Type ``figures`` ({item: {header: value}}) into the form's white cells, first row of each item."""
    wb = openpyxl.load_workbook(io.BytesIO(body))
    ws = wb.worksheets[0]
    head = {c.value: c.column for c in ws[forms.HEADER_ROW]}
    item_col = next(col for h, col in head.items() if h.startswith("รายการ"))
    done = set()
    for row in range(forms.HEADER_ROW + 1, ws.max_row + 1):
        item = ws.cell(row, item_col).value
        if item in figures and item not in done:
            for h, v in figures[item].items():
                ws.cell(row, head[h]).value = v
            done.add(item)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_the_form_lists_every_strategy_of_the_plan_and_the_official_points_when_no_survey_is_loaded(db):
    rows = forms.survey_rows(db, 2569, 4)
    assert set(rows["round"]) == {"ประจำปี"} and set(rows["fiscal_year"]) == {2569}
    assert rows.loc[rows["table"] == "แบบที่ 3/2", "item"].tolist() == [*DEFAULT_ITEMS, "ภาพรวม"]
    three = rows[rows["table"] == "แบบที่ 3/3"]
    assert sorted(three["strategy"].unique()) == [1, 2, 3, 4, 5]
    assert three.groupby("strategy")["item"].last().eq("ภาพรวม").all()
    assert {"ชาย", "หญิง"} <= set(rows.loc[rows["group"] == "เพศ", "item"])
    assert rows[["respondents", "very_satisfied", "satisfied", "not_satisfied", "score"]].isna().all().all()
    assert set(forms.survey_rows(db, 2569, 2, lang="en")["round"]) == {"Six months"}


def test_the_form_takes_the_groups_and_points_of_the_latest_survey(db):
    load(db, SURVEY)
    rows = forms.survey_rows(db, 2570, 2)
    assert rows.loc[rows["group"] == "เพศ", "item"].tolist() == ["ชาย", "หญิง"]
    assert rows.loc[rows["table"] == "แบบที่ 3/2", "item"].tolist() == [
        "การเปิดโอกาสให้ประชาชนมีส่วนร่วม", "<b>การประชาสัมพันธ์</b>", "ภาพรวม"]
    s1 = rows[(rows["table"] == "แบบที่ 3/3") & (rows["strategy"] == 1)]["item"].tolist()
    assert s1 == ["ถนนและทางระบายน้ำ", "ไฟฟ้าส่องสว่าง", "ภาพรวม"]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_filled_in_form_uploads_as_it_is_and_blank_lines_are_left_out(db, lang):
    body = forms.form_xlsx(db, "satisfaction", 2569, 4, lang=lang)
    wb = openpyxl.load_workbook(io.BytesIO(body))
    heads = [c.value for c in wb.worksheets[0][forms.HEADER_ROW]]
    name = lambda th: next(h for h in heads if h == th or h.startswith(th + " /"))   # noqa: E731 - as the form heads it
    filled = fill(body, {"ชาย": {name("จำนวนผู้ตอบ"): 200}, "หญิง": {name("จำนวนผู้ตอบ"): 220},
                         DEFAULT_ITEMS[0]: {name("พอใจมาก"): 30, name("พอใจ"): 50, name("ไม่พอใจ"): 20},
                         "ภาพรวม": {name("พอใจมาก"): 31.4, name("พอใจ"): 51.4, name("ไม่พอใจ"): 17.2}})
    pv = ingest.prepare(db, filled, forms.file_name("satisfaction", 2569, 4, "xlsx"))
    assert pv.kind == "satisfaction"
    assert not pv.has_errors, pv.errors[["row", "column", "code", "message_en"]].to_string()
    ingest.commit(db, pv, user="somchai")
    survey = RSat.load(db, 2569, "annual")
    assert survey.n_respondents() == 420 and survey.overall_share() == pytest.approx(0.828)
    assert survey.items()["item"].tolist() == [DEFAULT_ITEMS[0]]          # the points left blank are not imported


def test_the_upload_page_offers_the_survey_form_for_both_rounds(app, db):
    at = app(lang="th", fy=2569, q=4, page="pages/upload.py", user="analyst")
    assert not at.exception, at.exception
    labels = [b.label for b in at.download_button]
    assert "แบบกรอกผลสำรวจ ประจำปี (Excel)" in labels and "แบบกรอกผลสำรวจ รอบ 6 เดือน (Excel)" in labels


def test_the_command_line_writes_the_survey_form_of_a_round_and_refuses_a_quarter_that_is_no_round(db_file, tmp_path,
                                                                                                     capsys):
    from tracker.cli import main

    assert main(["form", "--fy", "2569", "--quarter", "2", "--kind", "satisfaction", "--format", "csv",
                 "--out", str(tmp_path)]) == 0
    text = (tmp_path / "form-satisfaction-2569-half.csv").read_text(encoding="utf-8-sig")
    assert "รอบ 6 เดือน" in text and "แบบที่ 3/3" in text and DEFAULT_ITEMS[0] in text
    capsys.readouterr()
    assert main(["form", "--fy", "2569", "--quarter", "3", "--kind", "satisfaction", "--lang", "en",
                 "--out", str(tmp_path)]) != 0
    assert "--quarter 4 (annual) or --quarter 2" in capsys.readouterr().err

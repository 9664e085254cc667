"""Satisfaction surveys (แบบที่ 3/2, 3/3): the upload kind, its bad-input rules, storage, rollback, and the M&E
report's satisfaction chapter."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.conftest import csv_text
from tracker import ingest, store
from tracker.ingest.templates import template_csv, template_xlsx
from tracker.plan import default_plan
from tracker.report import blocks as B
from tracker.report.me import build, parse
from tracker.rollup import satisfaction as RSat

HEAD = "ปีงบประมาณ,รอบ,ตาราง,ยุทธศาสตร์ที่,ลักษณะผู้ตอบ,รายการ,จำนวนผู้ตอบ,พอใจมาก,พอใจ,ไม่พอใจ,คะแนน"
SURVEY = csv_text(f"""
    {HEAD}
    2569,ประจำปี,ผู้ตอบแบบสอบถาม,,เพศ,ชาย,230,,,,
    2569,ประจำปี,ผู้ตอบแบบสอบถาม,,เพศ,หญิง,270,,,,
    2569,ประจำปี,ผู้ตอบแบบสอบถาม,,อายุ,ต่ำกว่า 30 ปี,100,,,,
    2569,ประจำปี,ผู้ตอบแบบสอบถาม,,อายุ,30 ปีขึ้นไป,400,,,,
    2569,ประจำปี,แบบที่ 3/2,,,การเปิดโอกาสให้ประชาชนมีส่วนร่วม,,35.4,52.2,12.4,
    2569,ประจำปี,แบบที่ 3/2,,,การประชาสัมพันธ์ให้ประชาชนทราบ,,30,55,15,
    2569,ประจำปี,แบบที่ 3/2,,,ภาพรวม,,32.7,53.6,13.7,
    2569,ประจำปี,แบบที่ 3/3,1,,ภาพรวม,,,,,7.85
    2569,ประจำปี,แบบที่ 3/3,ยุทธศาสตร์ที่ ๒,,ภาพรวม,,,,,8.1
""")


def load(db, text: str = SURVEY, name: str = "survey.csv", user: str = "somchai"):
    pv = ingest.prepare(db, text.encode("utf-8-sig"), name)
    assert not pv.has_errors, pv.errors[["row", "column", "code", "message_en"]].to_string()
    return pv, ingest.commit(db, pv, user=user)


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())


def problems(db, text: str):
    return ingest.prepare(db, text.encode("utf-8-sig"), "bad.csv").problems


def test_a_survey_file_is_recognised_stored_as_one_batch_and_re_upload_does_nothing(db):
    pv, receipt = load(db)
    assert pv.kind == "satisfaction" and receipt.n_new == 9
    rows = store.surveys.survey(db, 2569, "annual")
    assert list(rows["survey_table"].unique()) == ["respondents", "overall", "strategy"]
    assert rows.loc[rows["item"] == "หญิง", "characteristic"].item() == "sex"
    assert sorted(rows.loc[rows["survey_table"] == "strategy", "strategy_no"]) == [1, 2]   # "ยุทธศาสตร์ที่ ๒" is 2
    again = ingest.prepare(db, SURVEY.encode("utf-8-sig"), "survey.csv")
    assert again.nothing_to_do and again.same_file_batch == receipt.batch_id
    audit = store.audit_log(db)
    assert (audit["action"] == "import").any()


def test_a_corrected_share_shows_old_and_new_and_the_rollback_restores_it(db):
    _, first = load(db)
    fixed = SURVEY.replace("การประชาสัมพันธ์ให้ประชาชนทราบ,,30,55,15", "การประชาสัมพันธ์ให้ประชาชนทราบ,,31,54,15")
    pv, second = load(db, fixed, "survey-v2.csv")
    assert pv.n_changed == 1 and set(pv.changes["column"]) == {"very_satisfied", "satisfied"}
    ingest.rollback(db, second.batch_id, user="somchai")
    rows = store.surveys.survey(db, 2569, "annual")
    assert rows.loc[rows["item"] == "การประชาสัมพันธ์ให้ประชาชนทราบ", "very_satisfied"].item() == 30
    ingest.rollback(db, first.batch_id, user="somchai")
    assert store.surveys.survey(db, 2569, "annual").empty


def test_the_six_month_survey_is_kept_apart_from_the_annual_one(db):
    load(db)
    load(db, SURVEY.replace("ประจำปี", "รอบ 6 เดือน"), "half.csv")
    assert len(store.surveys.survey(db, 2569, "half")) == len(store.surveys.survey(db, 2569, "annual")) == 9


def test_xlsx_percent_cells_are_read_as_excel_shows_them(db):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEAD.split(","))
    ws.append([2569, "ประจำปี", "3/2", None, None, "ภาพรวม", None, 0.327, 0.536, 0.137, None])
    for cell in ws[2][7:10]:
        cell.number_format = "0.0%"
    buf = io.BytesIO()
    wb.save(buf)
    pv = ingest.prepare(db, buf.getvalue(), "survey.xlsx")
    assert not pv.has_errors, pv.errors["message_en"].tolist()
    assert pv.rows["very_satisfied"].item() == pytest.approx(32.7)


BAD_CASES = {
    # code: (the row as written, the column the message names)
    "survey_bad_round": ("2569,รายเดือน,แบบที่ 3/2,,,ภาพรวม,,30,55,15,", "รอบ"),
    "survey_bad_table": ("2569,ประจำปี,แบบที่ 3/4,,,ภาพรวม,,30,55,15,", "ตาราง"),
    "survey_bad_group": ("2569,ประจำปี,ผู้ตอบแบบสอบถาม,,ศาสนา,พุทธ,230,,,,", "ลักษณะผู้ตอบ"),
    "survey_unknown_strategy": ("2569,ประจำปี,แบบที่ 3/3,9,,ภาพรวม,,,,,7.5", "ยุทธศาสตร์ที่"),
    "survey_missing_score": ("2569,ประจำปี,แบบที่ 3/3,1,,ภาพรวม,,,,,", "คะแนน"),
    "survey_missing_strategy": ("2569,ประจำปี,แบบที่ 3/3,,,ภาพรวม,,,,,7.5", "ยุทธศาสตร์ที่"),
    "survey_missing_group": ("2569,ประจำปี,ผู้ตอบแบบสอบถาม,,,ชาย,230,,,,", "ลักษณะผู้ตอบ"),
    "survey_missing_count": ("2569,ประจำปี,ผู้ตอบแบบสอบถาม,,เพศ,ชาย,,,,,", "จำนวนผู้ตอบ"),
    "survey_missing_share": ("2569,ประจำปี,แบบที่ 3/2,,,ภาพรวม,,30,,15,", "พอใจ"),
    "survey_bad_count": ("2569,ประจำปี,ผู้ตอบแบบสอบถาม,,เพศ,ชาย,12.5,,,,", "จำนวนผู้ตอบ"),
    "survey_share_fraction": ("2569,ประจำปี,แบบที่ 3/2,,,ภาพรวม,,0.327,0.536,0.137,", "พอใจมาก"),
    "survey_shares_sum": ("2569,ประจำปี,แบบที่ 3/2,,,ภาพรวม,,30,50,15,", "พอใจมาก"),
    "survey_score_range": ("2569,ประจำปี,แบบที่ 3/3,1,,ภาพรวม,,,,,78.5", "คะแนน"),
    "percent_out_of_range": ("2569,ประจำปี,แบบที่ 3/2,,,ภาพรวม,,130,-20,-10,", "พอใจมาก"),
}


@pytest.mark.parametrize("code", sorted(BAD_CASES))
def test_bad_survey_rows_are_refused_naming_row_and_column_in_both_languages_and_nothing_is_written(db, code):
    line, column = BAD_CASES[code]
    before = dump(db)
    pv = ingest.prepare(db, f"{HEAD}\n{line}\n".encode("utf-8-sig"), "bad.csv")
    hit = pv.problems[pv.problems["code"] == code]
    assert len(hit) >= 1, pv.problems[["code", "message_en"]].to_string()
    p = hit.iloc[0]
    assert p["severity"] == "error" and pv.has_errors
    assert p["row"] == 2 and p["column"] == column
    assert "แถว 2" in p["message_th"] and "Row 2" in p["message_en"]
    with pytest.raises(ingest.ImportRejected):
        ingest.commit(db, pv, user="somchai")
    assert dump(db) == before


def test_a_share_read_100_times_too_small_says_so_and_what_to_write(db):
    p = problems(db, f"{HEAD}\n{BAD_CASES['survey_share_fraction'][0]}\n")
    msg = p.loc[p["code"] == "survey_share_fraction"]
    assert "32.7" in msg["message_th"].item() and "ร้อยละ" in msg["message_th"].item()
    assert "percentages" in msg["message_en"].item()


def test_shares_within_rounding_of_100_pass(db):
    p = problems(db, f"{HEAD}\n2569,ประจำปี,แบบที่ 3/2,,,ภาพรวม,,33,53,15,\n")    # 101: rounding
    assert not (p["severity"] == "error").any(), p["message_en"].tolist()


def test_the_same_figure_written_twice_in_other_words_is_a_duplicate(db):
    p = problems(db, f"{HEAD}\n2569,ประจำปี,แบบที่ 3/2,,,ภาพรวม,,30,55,15,\n2569,annual,3/2,,,ภาพรวม,,30,55,15,\n")
    dup = p[p["code"] == "duplicate_key"]
    assert dup["row"].tolist() == [3] and "แถว 2" in dup["message_th"].item()


def test_respondent_totals_that_differ_by_characteristic_are_a_warning(db):
    p = problems(db, SURVEY.replace("30 ปีขึ้นไป,400", "30 ปีขึ้นไป,380"))
    w = p[p["code"] == "survey_group_totals"]
    assert w["severity"].tolist() == ["warning"] and "เพศ 500 อายุ 480" in w["message_th"].item()
    assert not (p["severity"] == "error").any()


def test_template_has_every_survey_column_and_the_kind_in_thai():
    assert template_csv("satisfaction").decode("utf-8-sig").strip().split(",") == [
        "fiscal_year", "round", "table", "strategy", "group", "item", "respondents", "very_satisfied", "satisfied",
        "not_satisfied", "score", "note"]
    wb = openpyxl.load_workbook(io.BytesIO(template_xlsx("satisfaction")))
    assert wb.sheetnames[0] == "ผลสำรวจความพึงพอใจ"


def test_a_column_mapping_may_name_the_survey_kind(db):
    db.execute("INSERT INTO column_mappings (name, kind, signature, columns, created_by, created_at) "
               "VALUES ('s', 'satisfaction', 'a|b', '{}', 'somchai', 'now')")


# ------------------------------------------------------------------------------------------ rollup and report

def test_survey_figures_overall_share_and_strategy_scores(db):
    load(db)
    s = RSat.load(db, 2569, "annual")
    assert s.n_respondents() == 500
    assert s.overall_share() == pytest.approx(0.863)
    assert s.strategy_scores().set_index("strategy_no")["score"].to_dict() == {1: 7.85, 2: 8.1}
    assert RSat.load(db, 2569, "quarter").empty and RSat.load(db, 2569, "half").empty


def test_without_an_overall_row_the_overall_is_the_mean_of_the_items(db):
    load(db, SURVEY.replace("2569,ประจำปี,แบบที่ 3/2,,,ภาพรวม,,32.7,53.6,13.7,\n", ""))
    overall, computed = RSat.load(db, 2569, "annual").overall()
    assert computed and overall["very_satisfied"] == pytest.approx((0.354 + 0.30) / 2)


def test_the_plans_satisfaction_indicator_is_the_one_measured_by_form_3_2():
    assert RSat.satisfaction_indicator(default_plan()).code == "G5-I03"


def _chapter(doc: B.Document) -> list:
    start = next(i for i, b in enumerate(doc.blocks) if isinstance(b, B.Heading) and ("แบบที่ 3/2" in b.text
                                                                                         or "Forms 3/2" in b.text))
    end = next(i for i, b in enumerate(doc.blocks) if i > start and isinstance(b, (B.Landscape, B.Heading))
               and getattr(b, "level", 9) <= 2)
    return doc.blocks[start:end]


def _text(blocks) -> str:
    out = []
    for b in [x for blk in blocks for x in (blk, getattr(blk, "table", None)) if x is not None]:   # a figure's table
        out.append(getattr(b, "text", "") or getattr(b, "caption", ""))
        for row in getattr(b, "rows", ()):
            out += [getattr(c, "text", c) for c in row]
    return "\n".join(out)


def test_report_marks_the_chapter_empty_without_a_survey(db):
    text = _text(_chapter(build(db, parse("annual", 2569))))
    assert "[ยังไม่มีข้อมูล]" in text


def test_report_prints_the_survey_tables_and_the_indicator_against_its_target(db):
    load(db)
    text = _text(_chapter(build(db, parse("annual", 2569))))
    assert "[ยังไม่มีข้อมูล]" not in text
    for expected in ("500 คน", "ชาย", "46.0%", "54.0%", "35.4%", "52.2%", "12.4%", "86.3%", "7.85",
                     "7.85", "8.10", "7.98", "ยุทธศาสตร์ที่ 2", "G5-I03", "ร้อยละ 87", "ร้อยละ 86.3"):
        assert expected in text, expected
    english = _text(_chapter(build(db, parse("annual", 2569), "en")))
    assert "Satisfied and very satisfied with the overall performance: 86.3%" in english
    # the six-month report of the same year has no survey loaded: marked empty
    assert "[ยังไม่มีข้อมูล]" in _text(_chapter(build(db, parse("half", 2569))))


def test_cli_import_takes_a_survey_file(db_file, tmp_path, capsys):
    from tracker.cli import main

    f = tmp_path / "ผลสำรวจ.csv"
    f.write_bytes(SURVEY.encode("cp874"))
    assert main(["import", str(f), "--user", "somchai", "--lang", "en"]) == 0
    assert "satisfaction" in capsys.readouterr().out


def test_a_survey_that_disagrees_with_the_satisfaction_indicators_result_is_a_warning(db):
    pv = ingest.prepare(db, "indicator_code,fiscal_year,quarter,value\nG5-I03,2569,4,80\n".encode(), "r.csv")
    ingest.commit(db, pv, user="somchai")
    p = problems(db, SURVEY)
    w = p[p["code"] == "survey_indicator_differs"]
    assert w["severity"].tolist() == ["warning"]
    assert "86.3" in w["message_th"].item() and "G5-I03" in w["message_th"].item() and "80" in w["message_th"].item()
    agrees = SURVEY.replace("ภาพรวม,,32.7,53.6,13.7", "ภาพรวม,,30,50,20")        # 80: the same figure
    assert "survey_indicator_differs" not in set(problems(db, agrees)["code"])

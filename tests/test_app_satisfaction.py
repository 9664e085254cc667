"""The satisfaction page (#13): the survey of the chosen year and round — the overall share with its chart, the
satisfaction indicator's target and status, the respondents, and the scores per strategy and per point assessed —
in Thai and English; no survey is said in words, never shown as failure."""

import json

import pytest

from tests.test_survey import HEAD, load
from tests.conftest import csv_text

PAGE = "pages/satisfaction.py"
SURVEY = csv_text(f"""
    {HEAD}
    2569,ประจำปี,ผู้ตอบแบบสอบถาม,,เพศ,ชาย,230,,,,
    2569,ประจำปี,ผู้ตอบแบบสอบถาม,,เพศ,หญิง,270,,,,
    2569,ประจำปี,แบบที่ 3/2,,,การเปิดโอกาสให้ประชาชนมีส่วนร่วม,,35.4,52.2,12.4,
    2569,ประจำปี,แบบที่ 3/2,,,<b>การประชาสัมพันธ์</b>,,30,55,15,
    2569,ประจำปี,แบบที่ 3/2,,,ภาพรวม,,32.7,53.6,13.7,
    2569,ประจำปี,แบบที่ 3/3,1,,ถนนและทางระบายน้ำ,,,,,7.5
    2569,ประจำปี,แบบที่ 3/3,1,,ไฟฟ้าส่องสว่าง,,,,,8.2
    2569,ประจำปี,แบบที่ 3/3,2,,ภาพรวม,,,,,8.1
""")


def visible(text: str) -> str:
    return str(text).replace("\u2060", "").replace("\u200b", "").replace("\xa0", " ")


def shown(at) -> str:
    parts = [visible(e.value) for kind in ("markdown", "caption", "info") for e in at.get(kind)]
    parts += [visible(m.label) + " " + visible(m.value) for m in at.metric]
    parts += [visible(e.label) for e in at.expander]
    for df in at.dataframe:
        parts += [visible(x) for x in df.value.astype(str).to_numpy().ravel()] + [str(c) for c in df.value.columns]
    return "\n".join(parts)


@pytest.mark.parametrize("lang, words", [("th", ("ยังไม่ได้นำเข้าผลสำรวจความพึงพอใจ", "หน้า นำเข้าข้อมูล")),
                                         ("en", ("No satisfaction survey is loaded", "Upload page"))])
def test_without_a_survey_the_page_says_so_and_where_to_upload_it(app, db, lang, words):
    at = app(lang=lang, fy=2569, q=4, page=PAGE)
    assert not at.exception, at.exception
    text = shown(at)
    assert all(w in text for w in words)
    assert "ต่ำกว่าเป้า" not in text and "Off track" not in text


def test_the_page_shows_the_overall_share_respondents_indicator_and_scores_per_point(app, db):
    load(db, SURVEY)
    at = app(lang="th", fy=2569, q=4, page=PAGE)
    assert not at.exception, at.exception
    metrics = {visible(m.label): visible(m.value) for m in at.metric}
    assert metrics["พอใจและพอใจมาก (ภาพรวม)"] == "86.3%"
    assert metrics["ผู้ตอบแบบสอบถาม (คน)"] == "500"
    assert metrics["ค่าเป้าหมาย G5-I03 ปี 2569"] == "ร้อยละ 87"
    text = shown(at)
    for want in ("G5-I03", "เกือบบรรลุ", "ชาย", "46.0", "54.0", "35.4", "52.2", "ภาพรวม", "32.7",
                 "ยุทธศาสตร์ที่ 1", "7.85", "8.1", "ถนนและทางระบายน้ำ", "7.5", "8.2"):
        assert want in text, want          # numbers as the grid holds them (it writes 8.10: format %.2f)
    assert "<b>การประชาสัมพันธ์</b>" in text            # the item as written, as text in a table cell
    assert not any(m.proto.allow_html for m in at.markdown if "การประชาสัมพันธ์" in m.value)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [tr["name"] for tr in spec["data"]] == ["พอใจมาก", "พอใจ", "ไม่พอใจ"]
    assert spec["data"][0]["customdata"] == ["32.7%", "35.4%", "30.0%"]      # the overall bar first


def test_the_page_in_english_has_no_thai_labels_but_the_surveys_own_words(app, db):
    load(db, SURVEY)
    at = app(lang="en", fy=2569, q=4, page=PAGE)
    assert not at.exception, at.exception
    metrics = {visible(m.label): visible(m.value) for m in at.metric}
    assert metrics["Satisfied or very satisfied (overall)"] == "86.3%"
    text = shown(at)
    for want in ("Sex", "Very satisfied", "Overall", "Strategy 1", "8.1"):
        assert want in text, want


def test_the_six_month_round_is_chosen_when_only_it_is_loaded(app, db):
    load(db, SURVEY.replace("ประจำปี", "รอบ 6 เดือน"))
    at = app(lang="th", fy=2569, q=2, page=PAGE)
    assert not at.exception, at.exception
    assert {visible(m.label): visible(m.value) for m in at.metric}["พอใจและพอใจมาก (ภาพรวม)"] == "86.3%"

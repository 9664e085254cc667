"""What single cells say: money, years, revision markers, the plan title, headings, departments."""

from __future__ import annotations

import pytest

from tracker.ingest.planbook import DEFAULT_DIVISIONS, DepartmentMatcher
from tracker.ingest.planbook.text import find_heading, find_period, find_revision, find_year, parse_money, parse_seq


@pytest.mark.parametrize("written, value", [
    (1632820, 1632820), (0, 0), (" 1,632,820 ", 1632820), ("10,500,000.00", 10500000), ("1,250,000.-", 1250000),
    ("๑,๒๕๐,๐๐๐", 1250000), ("487,512.50", 487512.5), ("-", 0), (" -   ", 0), ("–", 0), ("", None),
    ("   ", None), (None, None), ("2,500 บาท", 2500), ("\u00a0300,000\u00a0", 300000)])
def test_money_cells_read_as_the_office_means_them(written, value):
    m = parse_money(written)
    assert not m.bad and m.value == value and (m.value is None) == (value is None)


@pytest.mark.parametrize("written, letter_o", [("1,2OO,OOO", True), ("5O0", True), ("ห้าแสน", False),
                                               ("1,25,0", False), ("1-2", False), (True, False)])
def test_anything_else_is_not_an_amount(written, letter_o):
    m = parse_money(written)
    assert m.bad and m.letter_o == letter_o


@pytest.mark.parametrize("written, year", [(2566, 2566), ("2566", 2566), ("พ.ศ. 2566", 2566), ("๒๕๖๖", 2566),
                                           ("2566\n(บาท)", 2566), ("ปี 2566", 2566), ("(บาท)", None), (66, None)])
def test_year_headers_in_every_form(written, year):
    assert find_year(written) == year


@pytest.mark.parametrize("written, label", [
    ("เพิ่มเติม ครั้งที่ 1/2567", "เพิ่มเติม 1/2567"), ("เพิ่มเติมครั้งที่5/2567", "เพิ่มเติม 5/2567"),
    ("แก้ไข ครั้งที่ ๒ / ๒๕๖๘", "แก้ไข 2/2568"), ("เปลี่ยนแปลง ครั้งที่ 3/2567", "เปลี่ยนแปลง 3/2567"),
    ("ทบทวน ครั้งที่ 2/65", "ทบทวน 2/2565"), ("โครงการเพิ่มเติมถนน", None)])
def test_revision_markers_with_or_without_spaces_and_in_thai_digits(written, label):
    rev = find_revision(written)
    assert (rev.label if rev else None) == label


@pytest.mark.parametrize("line, first, last, revision", [
    ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) ทบทวน ครั้งที่ 1/2565", 2566, 2570, "ทบทวน 1/2565"),
    ("แผนพัฒนาท้องถิ่น (พ.ศ.๒๕๗๑–๒๕๗๕)", 2571, 2575, "ฉบับแรก"),
    ("แผนพัฒนาท้องถิ่น พ.ศ. 2566-2570 เพิ่มเติม ครั้งที่ 2/2566", 2566, 2570, "เพิ่มเติม 2/2566")])
def test_the_title_line_gives_the_period_and_the_revision(line, first, last, revision):
    p = find_period(line)
    assert (p.first, p.last, p.revision.label) == (first, last, revision)


@pytest.mark.parametrize("line, level, number, code", [
    ("1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", "strategy", 1, ""),
    ("ประเด็นการพัฒนาท้องถิ่นที่ 2 การพัฒนาเศรษฐกิจ", "strategy", 2, ""),
    ("๓. ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต", "strategy", 3, ""),
    ("    1.1 กลยุทธ์การก่อสร้างถนน", "tactic", None, "1.1"),
    ("๒.๓ แนวทางการพัฒนาการเกษตร", "tactic", None, "2.3"),
    ("        (2) แผนงานสังคมสงเคราะห์", "programme", 2, ""),
    ("แผนงานการศึกษา", "programme", None, "")])
def test_headings_of_each_level(line, level, number, code):
    h = find_heading(line)
    assert (h.level, h.number, h.code) == (level, number, code)


@pytest.mark.parametrize("written", ["1", 1, "๑", "1.", 1.0])
def test_the_number_column(written):
    assert parse_seq(written) == 1


# --- departments ---------------------------------------------------------------------------------

MATCHER = DepartmentMatcher(DEFAULT_DIVISIONS)


@pytest.mark.parametrize("written, code", [
    ("กองช่าง", "ENG"), ("กองช่าง อบต.", "ENG"), ("กองช่าง\nงานสาธารณูปโภค", "ENG"),
    ("สำนักปลัด", "PAL"), ("สำนักปลัด อบต.", "PAL"), ("สำนักงานปลัด", "PAL"),
    ("สำนักปลัด\nงานป้องกันและบรรเทาสาธารณภัย", "PAL"), ("สำนักปลัด\n(งานส่งเสริมการเกษตร)", "PAL"),
    ("กองการศึกษาฯ", "EDU"), ("กองการศึกษา", "EDU"), ("กองการศึกษา ศาสนาและวัฒนธรรม", "EDU"),
    ("กองสวัสดิการสังคม", "WEL"), ("กองสวัสดิการฯ", "WEL"), ("กองคลัง", "FIN"),
    ("กองคลัง\nงานพัฒนาและจัดเก็บรายได้", "FIN"), ("กองสาธารณสุขฯ", "HEA")])
def test_every_spelling_of_the_samples_maps_to_its_division(written, code):
    assert MATCHER.normalise(written).code == code


def test_two_divisions_the_first_leads_and_sections_are_kept():
    d = MATCHER.normalise("กองการศึกษาฯ\nกองช่าง\nงานอาคาร")
    assert (d.code, d.codes, d.sections, d.th) == ("EDU", ["EDU", "ENG"], ["งานอาคาร"], "กองการศึกษา ศาสนาและวัฒนธรรม")


@pytest.mark.parametrize("written", ["กองยุทธศาสตร์และงบประมาณ", "กองการแพทย์", "อบจ.อุบลราชธานี", "งานสาธารณูปโภค"])
def test_a_name_the_plan_does_not_know_is_never_forced_into_a_division(written):
    d = MATCHER.normalise(written)
    assert d.code is None and d.raw == written


def test_an_unknown_lead_division_leaves_the_project_without_a_code():
    d = MATCHER.normalise("กองยุทธศาสตร์และงบประมาณ\nกองช่าง")
    assert d.code is None and d.unmapped == ["กองยุทธศาสตร์และงบประมาณ"] and d.codes == ["ENG"]


def test_office_aliases_win_over_the_seed_list_and_ignore_unknown_codes():
    m = DepartmentMatcher(DEFAULT_DIVISIONS, {"กองยุทธศาสตร์และงบประมาณ": "PAL", "กองช่าง": "XXX"})
    assert m.normalise("กองยุทธศาสตร์และงบประมาณ").code == "PAL"
    assert m.normalise("กองช่าง").code == "ENG"


@pytest.mark.parametrize("line, code, name", [("กลยุทธ์ที่ 1.2 การพัฒนาระบบประปา", "1.2", "กลยุทธ์การพัฒนาระบบประปา"),
                                              ("แนวทางการพัฒนาที่ ๓.๑ ส่งเสริมการศึกษา", "3.1",
                                               "แนวทางการพัฒนาส่งเสริมการศึกษา")])
def test_tactic_lines_naming_their_word_first(line, code, name):
    h = find_heading(line)
    assert (h.level, h.code, h.name.replace(" ", "")) == ("tactic", code, name.replace(" ", ""))


def test_strategy_line_with_its_word_and_number():
    h = find_heading("ยุทธศาสตร์การพัฒนาที่ 4 ด้านทรัพยากรธรรมชาติ")
    assert (h.level, h.number) == ("strategy", 4)


@pytest.mark.parametrize("line, is_marker", [
    ("เพิ่มเติม ครั้งที่ 1/2567", True), ("โครงการเพิ่มเติม ครั้งที่ 1/2567", True),
    ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) เปลี่ยนแปลง ครั้งที่ 3/2567", True),
    ("โครงการก่อสร้างถนนตามแผนเพิ่มเติม ครั้งที่ 1/2567 หมู่ที่ 5 บ้านดอนตะลี", False)])
def test_marker_rows(line, is_marker):
    from tracker.ingest.planbook.text import is_marker_line

    assert is_marker_line(line) is is_marker


@pytest.mark.parametrize("text, kind", [("แบบ ผ.02", "form_index"), ("แบบ ผ.02/2", "form_index"),
                                        ("แก้ไข ครั้งที่ 2 / 2568", "amendment"), ("ย้ายไปแผนงานอุตสาหกรรม", "transfer"),
                                        ("ซ้ำลำดับที่ 4", "duplicate"), ("อบจ. สมทบ 50%", "cofunding"),
                                        ("ตรวจสอบราคากลางอีกครั้ง", "note")])
def test_text_box_notes_are_classified(text, kind):
    from tracker.ingest.planbook.read import textbox_kind

    assert textbox_kind(text) == kind


def test_a_transfer_note_next_to_a_project_is_attached_without_changing_its_figures():
    from tests.planbook_books import read_written, small_spec

    spec = small_spec()
    spec.projects[1].note = "ย้ายไปแผนงานเคหะและชุมชน"
    _, book = read_written(spec)
    p = book.projects[1]
    assert [(a.kind, a.text) for a in p.annotations] == [("transfer", "ย้ายไปแผนงานเคหะและชุมชน")]
    assert p.programme == "แผนงานอุตสาหกรรมและการโยธา" and p.budgets == dict(spec.projects[1].budgets)

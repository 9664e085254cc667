"""Thai line breaking in documents: between words (libthai), never inside a cluster."""

import pytest

from tracker.report import thai
from tracker.report.pdf import _fit_widths

needs_libthai = pytest.mark.skipif(thai._libthai() is None, reason="libthai0 not installed")


def width(s: str) -> float:
    return len(s.replace("\u200b", "")) * 5.0


@needs_libthai
@pytest.mark.parametrize("text, words", [
    ("ค่าเป้าหมาย", ["ค่า", "เป้าหมาย"]),
    ("ผลการดำเนินงาน", ["ผล", "การ", "ดำเนิน", "งาน"]),
    ("องค์การบริหารส่วนตำบลขี้เหล็ก", ["องค์การ", "บริหาร", "ส่วน", "ตำบล", "ขี้เหล็ก"]),
])
def test_thai_words_are_found_with_the_dictionary(text, words):
    assert thai.mark_word_breaks(text).split("\u200b") == words


@needs_libthai
def test_lines_break_between_words_not_inside_them():
    text = "ร้อยละของระยะทางถนนลาดยางในความรับผิดชอบที่อยู่ในสภาพใช้งานได้ปกติ"
    lines = thai.wrap(text, 120, width)
    assert "".join(lines) == text
    words = set(thai.mark_word_breaks(text).split("\u200b"))
    for line in lines:
        assert set(thai.mark_word_breaks(line).split("\u200b")) <= words, line


def test_a_word_wider_than_the_line_is_split_between_clusters_never_before_a_mark():
    lines = thai.wrap("ผู้สูงอายุ", 12, width)
    assert "".join(lines) == "ผู้สูงอายุ"
    for line in lines:
        assert line[0] not in thai.COMBINING


def test_latin_text_and_spaces_are_unchanged():
    assert thai.mark_word_breaks("G1-I01 road length") == "G1-I01 road length"
    assert thai.wrap("one two three", 50, width) == ["one two", "three"]


def test_columns_are_widened_to_their_longest_word_from_columns_with_room():
    fitted = _fit_widths([10, 50, 40], [20, 10, 10])
    assert fitted == pytest.approx([20, 50 - 10 * 40 / 70, 40 - 10 * 30 / 70])   # in proportion to slack
    assert sum(fitted) == pytest.approx(100)
    assert _fit_widths([10, 12], [20, 12]) == [10, 12]     # no room: unchanged

"""Thai fiscal years and quarters, Buddhist Era <-> CE."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker import periods
from tracker.periods import (Period, be_to_ce, ce_to_be, fiscal_year_of, fiscal_year_range, fy_label,
                             normalize_year, quarter_label, quarter_of)


@pytest.mark.parametrize("d, fy, q", [
    (date(2025, 10, 1), 2569, 1),    # first day of FY2569
    (date(2025, 9, 30), 2568, 4),    # last day of FY2568
    (date(2025, 12, 31), 2569, 1),
    (date(2026, 1, 1), 2569, 2),
    (date(2026, 3, 31), 2569, 2),
    (date(2026, 4, 1), 2569, 3),
    (date(2026, 6, 30), 2569, 3),
    (date(2026, 7, 1), 2569, 4),
    (date(2026, 9, 30), 2569, 4),
    (date(2026, 11, 23), 2570, 1),
])
def test_date_falls_in_fiscal_year_and_quarter(d, fy, q):
    assert fiscal_year_of(d) == fy
    assert quarter_of(d) == q
    assert Period.of(d) == Period(fy, q)


def test_fiscal_year_2569_runs_1_oct_2025_to_30_sep_2026():
    assert fiscal_year_range(2569) == (date(2025, 10, 1), date(2026, 9, 30))


@pytest.mark.parametrize("q, start, end", [
    (1, date(2025, 10, 1), date(2025, 12, 31)),
    (2, date(2026, 1, 1), date(2026, 3, 31)),
    (3, date(2026, 4, 1), date(2026, 6, 30)),
    (4, date(2026, 7, 1), date(2026, 9, 30)),
])
def test_quarter_boundaries(q, start, end):
    p = Period(2569, q)
    assert (p.start, p.end) == (start, end)


def test_buddhist_era_is_ce_plus_543():
    assert ce_to_be(2026) == 2569
    assert be_to_ce(2569) == 2026
    assert normalize_year(2026) == 2569
    assert normalize_year(2569) == 2569


@pytest.mark.parametrize("text, period", [
    ("2569-Q2", Period(2569, 2)), ("2569/2", Period(2569, 2)), ("Q3/2569", Period(2569, 3)),
    ("2026-Q2", Period(2569, 2)), ("๒๕๖๙-Q๔", Period(2569, 4)), (" 2569 q1 ", Period(2569, 1)),
])
def test_parse_quarter_text(text, period):
    assert Period.parse(text) == period


@pytest.mark.parametrize("bad", ["2569-Q5", "Q0/2569", "abc", "2569"])
def test_parse_rejects_what_is_not_a_quarter(bad):
    with pytest.raises(ValueError):
        Period.parse(bad)


def test_labels_in_thai_and_english():
    assert fy_label(2569, "th") == "ปีงบประมาณ 2569"
    assert fy_label(2569, "en") == "FY2569 (Oct 2025 – Sep 2026)"
    assert quarter_label(2, "th", 2569) == "ไตรมาส 2 (ม.ค.–มี.ค. 2569)"
    assert quarter_label(1, "en", 2569) == "Q1 (Oct–Dec 2025)"


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2200, 12, 31)))
def test_every_date_lies_inside_its_own_quarter(d):
    p = Period.of(d)
    assert p.start <= d <= p.end
    fy_start, fy_end = fiscal_year_range(p.fiscal_year)
    assert fy_start <= d <= fy_end


@given(st.integers(min_value=2400, max_value=2800), st.integers(min_value=1, max_value=4))
def test_quarters_tile_the_calendar_without_gaps(fy, q):
    p = Period(fy, q)
    assert p.next().start == p.end + timedelta(days=1)
    assert p.next().previous() == p
    assert Period.parse(str(p)) == p
    assert p.same_quarter_last_year() == Period(fy - 1, q)


def test_stored_utc_times_are_shown_in_bangkok_time():
    from tracker.periods import datetime_label

    assert datetime_label("2026-11-23T22:55:54+00:00", "th") == "24 พ.ย. 2569 05:55"
    assert datetime_label("2026-11-23T22:55:54+00:00", "en") == "24 Nov 2026 05:55"
    assert datetime_label(None, "th") == "—"


@pytest.mark.parametrize("with_data, fy, expected", [
    ([], None, (2566, 1)),                                   # nothing yet: Q1 of the plan's first year
    ([(2568, 4), (2569, 1), (2569, 2)], None, (2569, 2)),   # the latest quarter with data
    ([(2568, 4), (2569, 1), (2569, 2)], 2568, (2568, 4)),   # the latest in the year asked for
    ([(2568, 4), (2569, 1)], 2570, (2570, 1)),              # a year without data: its Q1
])
def test_one_default_period_for_pages_and_command_line(with_data, fy, expected):
    from tracker.periods import default_period

    assert default_period(with_data, 2566, fy) == expected


@pytest.mark.parametrize("year, ok", [(2399, False), (2400, True), (2569, True), (2700, True), (2701, False)])
def test_one_range_of_accepted_fiscal_years(year, ok):
    from tracker.periods import is_fiscal_year

    assert is_fiscal_year(year) is ok


@pytest.mark.parametrize("fy, on, closed", [
    (2569, date(2026, 9, 30), False), (2569, date(2026, 10, 1), True), (2570, date(2026, 12, 1), False),
])
def test_a_fiscal_year_is_closed_after_30_september(fy, on, closed):
    assert periods.year_closed(fy, on) is closed


@pytest.mark.parametrize("fy, q, on, begun", [
    (2570, 1, date(2026, 10, 1), True), (2570, 2, date(2026, 12, 31), False), (2570, 2, date(2027, 1, 1), True),
])
def test_a_quarter_begins_on_its_first_day(fy, q, on, begun):
    assert periods.quarter_begun(fy, q, on) is begun


def test_today_is_bangkok_time(monkeypatch):
    from datetime import datetime as real

    class Late(real):   # 30 Sep 2026 18:30 UTC is already 1 Oct 2026 in Bangkok
        @classmethod
        def now(cls, tz=None):
            return real(2026, 9, 30, 18, 30, tzinfo=periods.ZoneInfo("UTC")).astimezone(tz)

    monkeypatch.setattr(periods, "datetime", Late)
    monkeypatch.delenv("TRACKER_TODAY")   # the real clock, not the tests' fixed day
    assert periods.today() == date(2026, 10, 1) and periods.year_closed(2569, periods.today())


@pytest.mark.parametrize("codes, th, en", [
    ("2569-Q1,2569-Q2,2570-Q1", "ปีงบประมาณ 2569 ไตรมาส 1, 2 · ปีงบประมาณ 2570 ไตรมาส 1", "FY2569 Q1, Q2 · FY2570 Q1"),
    ("2569,2570", "ปีงบประมาณ 2569 · ปีงบประมาณ 2570", "FY2569 · FY2570"),
    ("", "", ""), (None, "", ""),
    ("x-Qy", "x-Qy", "x-Qy"),
])
def test_the_periods_an_import_touched_read_as_words_not_codes(codes, th, en):
    """The history page's periods column: no '2569-Q1' codes in the Thai page (#14)."""
    assert periods.periods_text(codes, "th") == th
    assert periods.periods_text(codes, "en") == en

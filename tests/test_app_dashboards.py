"""Every dashboard page in Thai and English, with an empty database and with data: no exception,
key figures visible."""

import pytest

from tests.dashboard_data import load_small_dataset
from tests.shown_tables import shown_tables, table_with

PAGES = ["pages/overview.py", "pages/goal.py", "pages/indicators.py", "pages/projects.py", "pages/budget.py",
         "pages/method.py"]


def texts(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "success"):
        parts += [str(e.value) for e in at.get(kind)]
    parts += [f"{m.label} {m.value} {m.delta or ''}" for m in at.metric]
    return " ".join(parts)


def frames(at) -> str:
    return " ".join(d.to_csv() for d in shown_tables(at))


@pytest.fixture
def with_data(db):
    load_small_dataset(db)


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_data(app, page, lang):
    at = app(lang=lang, fy=2569, q=2, page=page)
    assert not at.exception, at.exception


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_data(app, with_data, page, lang):
    at = app(lang=lang, fy=2569, q=2, page=page)
    assert not at.exception, at.exception


def test_overview_is_the_default_page_and_shows_the_headline_figures(app, with_data):
    at = app(lang="en", fy=2569, q=2)
    assert not at.exception
    t = texts(at)
    assert "Plan performance overview" in t
    # allocated, disbursed, rate: the unit in the label so the value is short and whole on screen
    assert "Total allocated (M THB) 9.85 " in t and "Disbursed to date (M THB) 5.03 51.1%" in t
    assert all(len(str(m.value)) <= 8 for m in at.metric)                 # nothing for st.metric to cut
    assert "Goals on track 0 / 5" in t and "Items needing attention 0" in t   # the first screen's answers
    assert "Completed" in frames(at)                                      # projects completed, per goal
    assert "96.3%" in t and "At risk" in t and "assessed 3 of 4 indicators" in t
    # goal 3: one of its four due indicators reported: a score, never a status colour
    assert "assessed 1 of 4 indicators" in t and "Insufficient data" in t and ":gray[100.0%]" in t
    assert " pp" not in t                                                 # no change against "insufficient data"
    assert "data incomplete" in t                                         # the quarter says it is incomplete
    assert len(at.get("plotly_chart")) == 4


def test_money_cards_and_the_budget_chart_name_one_unit(app, with_data):
    at = app(lang="th", fy=2569, q=2)
    money = [m for m in at.metric if "งบ" in m.label or "เบิกจ่าย" in m.label]
    assert len(money) == 2 and all(m.label.endswith("(ล้านบาท)") for m in money)
    assert [m.value for m in money] == ["9.85", "5.03"]                  # millions, 2 decimals


def test_unreported_quarter_shows_no_failure_and_no_drop(app, with_data):
    """FY2569 Q3: nothing reported yet. No indicator or goal reads off track, no change is claimed."""
    at = app(lang="th", fy=2569, q=3)
    t = texts(at)
    assert "ข้อมูลยังไม่ครบ" in t and "ต่ำกว่าเป้า" not in t and "ไม่บรรลุ" not in t and "↓" not in t
    assert "ยังไม่มีข้อมูล" in t


def test_a_quarter_not_begun_is_labelled_and_shows_no_figures(app, with_data):
    at = app(lang="en", fy=2570, q=2)
    t = texts(at)
    assert "FY2570 Q2: not yet begun (starts 1 Jan 2027)" in t.replace("\\", "")   # markdown escapes
    assert not at.metric and not shown_tables(at) and not at.get("plotly_chart")
    quarter = at.sidebar.selectbox[1]
    assert quarter.options[1] == "Q2 (Jan–Mar 2027) · not begun" and quarter.options[0] == "Q1 (Oct–Dec 2026)"


def test_the_app_opens_on_the_latest_complete_quarter(app, db):
    from tests.dashboard_data import PROJECTS

    db["projects"].insert_all([{**p, "fiscal_year": 2570} for p in PROJECTS])     # a year with only projects
    at = app(lang="en")
    assert (at.session_state["fy"], at.session_state["q"]) == (2570, 1)


def test_overview_thai_words(app, with_data):
    t = texts(app(lang="th", fy=2569, q=2))
    assert "ภาพรวมผลการดำเนินงานตามแผนพัฒนา" in t and "ล้านบาท" in t and "▲ เสี่ยง" in t


def test_overview_empty_database_explains(app):
    at = app(lang="th", fy=2569, q=2)
    assert "ยังไม่มีข้อมูลที่นำเข้า" in texts(at)


def test_goal_page_opens_the_goal_in_the_url(app, with_data):
    at = app(lang="en", fy=2569, q=2, page="pages/goal.py", query={"goal": "3"})
    assert not at.exception
    assert at.selectbox[-1].value == 3 or "Goal 3" in texts(at)
    t = texts(at)
    assert "Goal 3" in t and "100.0%" in t and "Insufficient data" in t and "assessed 1 of 4 indicators" in t
    assert "G3-I02" in frames(at) and "Project เบี้ยยังชีพผู้สูงอายุ" in frames(at)


def test_tables_show_figures_rounded_as_everywhere_else(app, with_data):
    at = app(lang="en", fy=2569, q=2, page="pages/goal.py", query={"goal": "1"})
    row = table_with(at, "Expected by this quarter").set_index("Code").loc["G1-I02"]
    assert row["Expected by this quarter"] == "0.68" and row["Achievement ratio"] == "88.9%"   # 0.675 -> 0.68


def test_indicator_detail_lists_values_with_batch(app, with_data):
    at = app(lang="en", fy=2569, q=2, page="pages/indicators.py")
    assert "ผลตัวชี้วัด-2569Q2.csv" in frames(at) and "note G1-I01 Q2" in frames(at)
    th = app(lang="th", fy=2569, q=2, page="pages/indicators.py")
    imported = next(d for d in shown_tables(th) if "ผลตัวชี้วัด-2569Q2.csv" in d.to_csv()).iloc[:, -1]
    assert not imported.str.contains(r"\+00:00|T\d\d:").any()             # not UTC ISO text
    assert imported.str.contains(r" 25\d\d ").all(), list(imported)       # Bangkok time, Buddhist Era


def test_projects_page_filters_and_completeness(app, with_data):
    at = app(lang="en", fy=2569, q=2, page="pages/projects.py")
    t = texts(at)
    assert "6 projects: 5 funded · 1 without a budget" in t and "no progress reported this quarter: 1" in t
    assert "Projects in the plan without an allocated budget (1)" in t
    at.text_input(key="proj_text").input("เบี้ย").run()
    assert not at.exception and "2 projects" in texts(at)


def test_projects_page_lists_the_sidebar_years_projects_after_the_year_changes(app, db):
    from tests.dashboard_data import PROJECTS

    load_small_dataset(db)
    db["projects"].insert_all([{**p, "project_code": p["project_code"] + "-68", "fiscal_year": 2568}
                               for p in PROJECTS[:2]])
    at = app(lang="en", fy=2569, q=2, page="pages/projects.py")
    assert "6 projects" in texts(at)
    at.sidebar.selectbox[0].set_value(2568).run()                 # the sidebar's fiscal year
    assert not at.exception
    assert "FY2568" in texts(at) and "2 projects" in texts(at)
    assert "P1-68" in frames(at) and "P2-68" in frames(at) and "P4," not in frames(at)


def test_budget_page_shows_funding_rate_and_welfare(app, with_data):
    at = app(lang="en", fy=2569, q=2, page="pages/budget.py")
    t = texts(at)
    assert "Plan funding rate" in t and "83.3%" in t
    assert "8,350,000" in frames(at)         # whole baht, grouped as in every report


def test_downloads_are_offered_for_tables(app, with_data):
    at = app(lang="th", fy=2569, q=2, page="pages/overview.py")
    assert shown_tables(at) and len(at.get("download_button")) == 2 * len(shown_tables(at))   # CSV and Excel each

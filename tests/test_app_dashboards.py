"""Every dashboard page in Thai and English, with an empty database and with data: no exception,
key figures visible."""

import pytest

from tests.dashboard_data import load_small_dataset

PAGES = ["pages/overview.py", "pages/goal.py", "pages/indicators.py", "pages/projects.py", "pages/budget.py",
         "pages/method.py"]


def texts(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "success"):
        parts += [str(e.value) for e in at.get(kind)]
    parts += [f"{m.label} {m.value} {m.delta or ''}" for m in at.metric]
    return " ".join(parts)


def frames(at) -> str:
    return " ".join(e.value.to_csv() for e in at.dataframe)


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
    assert "Goals on track 0 / 5" in t and "Items needing attention 2" in t   # the first screen's answers
    assert "Completed" in frames(at)                                      # projects completed, per goal
    assert "92.9%" in t and "At risk" in t and "66.7%" in t and "Off track" in t
    assert "G3-I02" in frames(at) and "P5" in frames(at)                  # needs attention
    assert len(at.get("plotly_chart")) == 4
    at.switch_page("pages/goal.py").run()                                 # the change on last year: goal page
    assert "-7.1 pp" in [m.delta for m in at.metric][0]


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
    assert "Goal 3" in t and "66.7%" in t
    assert "G3-I02" in frames(at) and "Project เบี้ยยังชีพผู้สูงอายุ" in frames(at)


def test_indicator_detail_lists_values_with_batch(app, with_data):
    at = app(lang="en", fy=2569, q=2, page="pages/indicators.py")
    assert "ผลตัวชี้วัด-2569Q2.csv" in frames(at) and "note G1-I01 Q2" in frames(at)
    th = app(lang="th", fy=2569, q=2, page="pages/indicators.py")
    imported = next(d.value for d in th.dataframe if "ผลตัวชี้วัด-2569Q2.csv" in d.value.to_csv()).iloc[:, -1]
    assert not imported.str.contains(r"\+00:00|T\d\d:").any()             # not UTC ISO text
    assert imported.str.contains(r" 25\d\d ").all(), list(imported)       # Bangkok time, Buddhist Era


def test_projects_page_filters_and_completeness(app, with_data):
    at = app(lang="en", fy=2569, q=2, page="pages/projects.py")
    assert "6 projects" in texts(at) and "no progress reported this quarter: 3" in texts(at)
    at.text_input(key="proj_text").input("เบี้ย").run()
    assert not at.exception and "2 projects" in texts(at)


def test_budget_page_shows_funding_rate_and_welfare(app, with_data):
    at = app(lang="en", fy=2569, q=2, page="pages/budget.py")
    t = texts(at)
    assert "Plan funding rate" in t and "83.3%" in t
    assert "8350000" in frames(at) or "8,350,000" in frames(at)


def test_downloads_are_offered_for_tables(app, with_data):
    at = app(lang="th", fy=2569, q=2, page="pages/overview.py")
    assert len(at.get("download_button")) >= 4

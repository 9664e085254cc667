"""The frame and the plan page render in both languages, with and without data."""

import pytest

from tracker.plan import default_plan

PLAN = default_plan()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_plan_page_renders_goals_in_both_languages(app, lang):
    at = app(lang=lang, page="pages/plan.py")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown) + " ".join(m.value for m in at.title)
    for g in PLAN.goals.values():
        assert g.text.get(lang) in " ".join(str(e.value) for e in at.main.get("markdown")) or \
            g.text.get(lang) in text or any(g.text.get(lang) in str(x.value) for x in at.main.get("text"))
    assert PLAN.vision.get(lang) in text
    assert len(at.dataframe) == len(PLAN.goals)


def test_sidebar_offers_every_plan_year_and_four_quarters(app):
    at = app()
    fy_box, q_box = at.sidebar.selectbox
    assert list(fy_box.options) == [f"ปีงบประมาณ {y}" for y in PLAN.fiscal_years]
    assert len(q_box.options) == 4


def test_english_fiscal_year_label_gives_ce_months(app):
    at = app(lang="en")
    assert "FY2569 (Oct 2025 – Sep 2026)" in at.sidebar.selectbox[0].options

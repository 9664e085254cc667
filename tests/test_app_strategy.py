"""Every view groups by strategy as well as by goal: after the plan book is imported, the overview,
budget, goal and projects pages show the strategies, tactics and programmes, with the same totals."""

from __future__ import annotations

import pytest

from tests.test_plan_import import imported
from tests.shown_tables import number, table_with
from tests.test_app_upload import texts
from tracker.plan import default_plan

FY, Q = 2568, 4


@pytest.fixture
def plan_loaded(db):
    imported(db)


@pytest.mark.parametrize("lang, strategy, planned", [("th", "ยุทธศาสตร์", "งบตามแผน (บาท)"), ("en", "Strategy", "Planned (THB)")])
def test_overview_lists_the_strategies_with_their_money(app, plan_loaded, lang, strategy, planned):
    at = app(lang=lang, fy=FY, q=Q, page="pages/overview.py")
    assert not at.exception, at.exception
    table = table_with(at, strategy)
    assert table[strategy].tolist() == ["1", "2", "3", "4", "5"]
    assert table[planned].map(number).sum() == pytest.approx(48_269_697)          # the sample's ผ.01 total of 2568


def test_budget_groups_by_strategy_tactic_or_programme_with_the_same_total(app, plan_loaded):
    at = app(lang="en", fy=FY, q=Q, page="pages/budget.py")
    assert not at.exception, at.exception
    assert "By the plan's structure" in texts(at)
    for level, column in (("strategy", "Strategy"), ("tactic", "Tactic"), ("programme", "Programme")):
        at.segmented_control(key="bud_level").set_value(level).run()
        assert not at.exception, at.exception
        table = table_with(at, column)
        assert table["Planned (THB)"].map(number).sum() == pytest.approx(48_269_697), level
    # a แผนงาน reads by its name, never its standard code
    assert "Industry and public works" in table["Programme"].tolist()
    assert not table.apply(lambda col: col.astype(str).str.fullmatch(r"00\d{3}")).any().any()


def test_the_programme_table_reads_the_names_in_thai(app, plan_loaded):
    at = app(lang="th", fy=FY, q=Q, page="pages/budget.py")
    at.segmented_control(key="bud_level").set_value("programme").run()
    assert not at.exception, at.exception
    table = table_with(at, "แผนงาน")
    assert "แผนงานอุตสาหกรรมและการโยธา" in table["แผนงาน"].tolist()
    assert not table.apply(lambda col: col.astype(str).str.fullmatch(r"00\d{3}")).any().any()


def test_a_goal_shows_its_strategies_and_programmes(app, plan_loaded):
    at = app(lang="en", fy=FY, q=Q, page="pages/goal.py", query={"goal": "3"})
    assert not at.exception, at.exception
    assert "Strategy and programmes of this goal" in texts(at)
    assert table_with(at, "Strategy")["Strategy"].tolist() == ["3"]
    assert len(table_with(at, "Programme")) == 5


def test_projects_filter_by_strategy_and_tactic(app, plan_loaded):
    at = app(lang="en", fy=FY, q=Q, page="pages/projects.py")
    assert not at.exception, at.exception
    at.multiselect(key="proj_strat").select(1).run()
    assert not at.exception, at.exception
    assert "27 projects" in texts(at)
    at.multiselect(key="proj_tactic").select("1.1").run()
    table = at.dataframe[0].value
    assert set(table["Tactic"]) == {"1.1"}
    # each project's แผนงาน by name beside its strategy and tactic
    assert set(table["Programme"]) <= {p.name.en for p in default_plan().programmes.values()}
    assert "Industry and public works" in set(table["Programme"])


def test_the_plan_page_shows_coordination_projects_and_equipment_apart(app, plan_loaded):
    at = app(lang="en", fy=FY, q=Q, page="pages/plan.py")
    assert not at.exception, at.exception
    assert {"Coordination projects (ผ.02/2): 4", "Equipment: 10 item(s)"} <= {tab.label for tab in at.tabs}
    coord = table_with(at, "Plan amount 2568")
    assert len(coord) == 4 and coord["Code"].str.startswith("C").all()

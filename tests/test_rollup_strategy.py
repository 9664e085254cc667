"""Every view can group by strategy as well as by goal: the grouping is a dimension of the one rollup,
so the figures of strategies, programmes and goals add up to the same totals."""

from __future__ import annotations

import json

import pytest

from tests.planbook_books import SAMPLE
from tests.test_plan_import import imported, run_cli
from tracker import rollup
from tracker.ingest import planimport
from tracker.ingest.planbook.write import WriteOptions, write_plan_workbook
from tests.planbook_books import small_spec


@pytest.fixture
def sample(db):
    imported(db)
    return db


@pytest.mark.parametrize("dimension", ["goal", "strategy", "tactic", "programme", "department"])
def test_every_grouping_adds_up_to_the_totals(sample, dimension):
    table = rollup.budget_by(sample, 2568, 4, dimension)
    tot = rollup.totals(sample, 2568, 4)
    assert table["projects"].sum() == tot["projects"]["in_plan"] == 107      # the sample's ผ.01, 2568
    assert table["planned"].sum() == pytest.approx(tot["budget"]["planned"]) == pytest.approx(48_269_697)


def test_strategies_carry_the_goal_they_serve_and_the_chain_of_money(sample):
    table = rollup.budget_by(sample, 2568, 4, "strategy").set_index("strategy_no")
    assert list(table.index) == [1, 2, 3, 4, 5]
    assert list(table["goal_no"]) == [1, 2, 3, 4, 5]
    assert table.loc[1, "planned"] == pytest.approx(23_325_820)        # ผ.01 strategy 1 total, 2568
    assert table.loc[1, "name_th"] == "โครงสร้างพื้นฐาน"
    assert table["ordinance"].isna().all()                            # a 12-column book: no ordinance amounts
    assert list(table.columns[-6:]) == [*rollup.CHAIN, "disbursement_rate"]


def test_a_goal_shows_its_strategies_and_programmes(sample):
    programmes = rollup.budget_by(sample, 2568, 4, "programme", goal=3)
    assert set(programmes["programme_code"]) == {"00210", "00410", "00230", "00220", "00260"}
    tactics = rollup.budget_by(sample, 2568, 4, "tactic", goal=3)
    assert list(tactics["tactic_code"]) == ["3.1", "3.2", "3.3"]


def test_projects_filter_by_strategy_tactic_and_programme(sample):
    proj = rollup.project_table(sample, 2568, 4)
    assert len(rollup.filter_projects(proj, strategies=[1])) == 27
    assert set(rollup.filter_projects(proj, tactics=["3.2"])["programme_code"]) == {"00410", "00230", "00220"}
    assert len(rollup.filter_projects(proj, programmes=["00410"])) == 5


def test_added_comes_from_the_revision_records(sample):
    proj = rollup.project_table(sample, 2568, 4)
    added = proj[proj["added_by_revision"]]
    assert len(added) == 3 and (added["tactic_code"] == "1.1").all()     # those of เพิ่มเติม 1/2567 planned in 2568
    assert rollup.totals(sample, 2568, 4)["projects"]["added"] == 3


def test_the_book_ordinance_amounts_come_through_as_their_own_link_in_the_chain(db):
    spec = small_spec()
    spec.projects[0].ordinance = {2566: 450000, 2567: 0}
    data = write_plan_workbook(spec, WriteOptions(columns=17)).data
    imported(db, data, "ordinance.xlsx")
    table = rollup.budget_by(db, 2566, 1, "strategy").set_index("strategy_no")
    assert table.loc[1, "ordinance"] == 450000 and table.loc[2, "ordinance"] != table.loc[2, "ordinance"]
    assert rollup.summary(db, 2566, 1)["strategies"][0]["budget"]["ordinance"] == 450000


def test_summary_json_gives_per_strategy_and_per_programme_figures(sample, db_file):
    code, out, _ = run_cli("summary", "--db", str(db_file), "--fy", "2568", "--quarter", "4", "--json")
    assert code == 0
    s = json.loads(out)
    assert [x["strategy"] for x in s["strategies"]] == [1, 2, 3, 4, 5]
    assert [x["goal"] for x in s["strategies"]] == [1, 2, 3, 4, 5]
    assert sum(x["budget"]["planned"] for x in s["strategies"]) == pytest.approx(48_269_697)
    assert sum(x["projects"]["in_plan"] for x in s["programmes"]) == 107
    assert {"planned", "ordinance", "allocated", "committed", "disbursed"} == set(s["strategies"][0]["budget"])


def test_coordination_projects_are_listed_apart_and_never_counted(sample):
    coord = rollup.coordination_projects(sample)
    assert len(coord) == 4 and coord["code"].str.startswith("C").all()
    proj = rollup.project_table(sample, 2569, 4)
    assert not proj["project_code"].isin(coord["code"]).any()


def test_projects_uploaded_without_a_book_take_the_one_strategy_of_their_goal(db, tmp_path):
    from tracker import ingest

    csv = tmp_path / "projects.csv"
    csv.write_text("project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget\n"
                   "X-1,2569,4,ขุดลอกคลอง,กองช่าง,100000,90000\n", encoding="utf-8")
    assert ingest.import_file(db, csv, user="analyst")[1] is not None
    proj = rollup.project_table(db, 2569, 1)
    assert proj.loc[0, "strategy_no"] == 4 and proj.loc[0, "programme_code"] is None
    table = rollup.budget_by(db, 2569, 1, "programme", all_groups=False)
    assert table["programme_code"].isna().all() and table["projects"].sum() == 1     # one row: no programme
    assert planimport is not None and SAMPLE.exists()

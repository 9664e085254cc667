"""Demo data: deterministic, plausible, committed files equal a fresh generation, loads as demo."""

from __future__ import annotations


import shutil

import pandas as pd
import pytest

from tracker import demo, status, store
from tracker.demo import report_texts
from tracker.plan import default_plan

FULL = (2566, 2567, 2568, 2569)
KINDS = ("projects", "project_progress", "indicator_results")


@pytest.fixture(scope="module")
def data():
    return demo.generate()


@pytest.fixture(scope="module")
def plan_():
    return default_plan()


# ------------------------------------------------------------------ determinism and committed files

def test_generate_is_deterministic(data):
    again = demo.generate()
    for kind in KINDS:
        pd.testing.assert_frame_equal(data[kind], again[kind])


def test_other_seed_gives_other_data(data):
    other = demo.generate(seed=1)
    assert not other["project_progress"].equals(data["project_progress"])


def test_committed_files_equal_a_fresh_generation(tmp_path):
    fresh = demo.write_demo_files(tmp_path)
    committed = [demo.demo_book(), *demo.demo_files()]
    assert [p.relative_to(tmp_path) for p in fresh] == [p.relative_to(demo.DEMO_DIR) for p in committed], \
        "data/demo is out of date: run `python -m tracker.demo` and commit the files"
    for new, old in zip(fresh, committed):
        assert new.read_bytes() == old.read_bytes(), \
            f"{old} differs from a fresh generation: run `python -m tracker.demo` (never edit by hand)"


def test_files_are_in_load_order_and_small():
    files = demo.demo_files()
    names = [(int(p.parent.name), p.name) for p in files]
    assert [fy for fy, _ in names] == sorted(fy for fy, _ in names)
    for fy in demo.YEARS:
        assert [n for y, n in names if y == fy] == ["projects.csv", "project_progress.csv", "indicator_results.csv"]
    assert sum(p.stat().st_size for p in files) < 500_000


def test_files_use_the_upload_format():
    for path in demo.demo_files():
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{path}: no UTF-8 BOM"
        text = raw.decode("utf-8-sig")
        header = text.splitlines()[0].split(",")
        kind = path.stem
        expected = {"projects": demo.PROJECT_COLUMNS, "project_progress": demo.PROGRESS_COLUMNS,
                    "indicator_results": demo.RESULT_COLUMNS}[kind]
        assert header == expected
        df = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert set(df["fiscal_year"]) == {path.parent.name}
        for col in ("planned_budget", "allocated_budget", "committed", "disbursed", "progress_pct"):
            if col in df:
                assert df[col].str.fullmatch(r"\d+").all(), f"{path}: {col} is not a plain whole number"


# ------------------------------------------------------------------ projects

def test_projects_per_year_and_coverage(data, plan_):
    pj = data["projects"]
    assert set(pj["fiscal_year"]) == set(demo.YEARS)
    dept_names = {d.name.th for d in plan_.departments.values()}
    for fy in demo.YEARS:
        year = pj[pj["fiscal_year"] == fy]
        assert 30 <= len(year) <= 60, (fy, len(year))
        assert set(year["goal"]) == set(plan_.goals), fy
        assert set(year["department"]) == dept_names, fy
        assert not year["project_code"].duplicated().any()
    assert set(pj["budget_category"]) <= {"งบกลาง", "งบดำเนินงาน", "งบลงทุน", "งบเงินอุดหนุน"}
    assert set(pj["funding_source"]) <= {"ข้อบัญญัติ", "เงินสะสม", "เงินอุดหนุนเฉพาะกิจ"}
    known = set(plan_.indicators)
    for codes in pj["indicator_codes"]:
        assert all(c in known for c in codes.split(";") if c)
    for v in pj["village"]:
        assert all(1 <= int(x) <= 12 for x in v.split(";") if x)
    assert (pj[["planned_budget", "allocated_budget"]] % 1000 == 0).all().all()


def test_recurring_codes_are_stable_across_years(data):
    pj = data["projects"]
    elderly = pj[pj["name_th"] == "เบี้ยยังชีพผู้สูงอายุ"]
    assert list(elderly["fiscal_year"]) == list(demo.YEARS)
    assert elderly["project_code"].nunique() == 1


def test_welfare_allowances_flagged_under_goal_3(data):
    pj = data["projects"]
    welfare = pj[pj["is_welfare_transfer"] == "yes"]
    assert set(welfare["goal"]) == {3}
    assert set(welfare["budget_category"]) == {"งบกลาง"}
    for fy in demo.YEARS:
        w = welfare[welfare["fiscal_year"] == fy].set_index("name_th")["allocated_budget"]
        assert 8_000_000 <= w["เบี้ยยังชีพผู้สูงอายุ"] <= 10_000_000
        assert 1_800_000 <= w["เบี้ยยังชีพคนพิการ"] <= 2_400_000
        assert 40_000 <= w["เบี้ยยังชีพผู้ป่วยเอดส์"] <= 60_000


def test_budget_magnitudes(data):
    pj = data["projects"]
    for fy in demo.YEARS:
        year = pj[pj["fiscal_year"] == fy]
        dev = year[year["is_welfare_transfer"] == "no"]
        assert 15e6 <= dev["planned_budget"].sum() <= 30e6, fy
        assert 25e6 <= year["planned_budget"].sum() <= 45e6, fy
        capital = year[(year["goal"] == 1) & (year["budget_category"] == "งบลงทุน")]
        assert capital["planned_budget"].between(130_000, 2_500_000).all()


def test_unfunded_and_revision_projects_exist(data):
    pj = data["projects"]
    for fy in demo.YEARS:
        year = pj[pj["fiscal_year"] == fy]
        unfunded = (year["allocated_budget"] == 0).mean()
        assert 0.2 <= unfunded <= 0.45, (fy, unfunded)
        assert 1 <= (year["added_by_revision"] == "yes").sum() <= 5
        assert (year["allocated_budget"] <= year["planned_budget"]).all()


# ------------------------------------------------------------------ progress

def test_only_funded_projects_report_progress(data):
    pj, pg = data["projects"], data["project_progress"]
    funded = set(map(tuple, pj[pj["allocated_budget"] > 0][["project_code", "fiscal_year"]].values))
    reported = set(map(tuple, pg[["project_code", "fiscal_year"]].values))
    assert reported <= funded
    assert not pg.duplicated(["project_code", "fiscal_year", "quarter"]).any()


def test_cumulative_money_never_decreases_and_stays_within_budget(data):
    pj, pg = data["projects"], data["project_progress"]
    m = pg.merge(pj[["project_code", "fiscal_year", "allocated_budget"]], on=["project_code", "fiscal_year"])
    assert (m["disbursed"] <= m["committed"]).all()
    assert (m["committed"] <= m["allocated_budget"]).all()
    for _, g in m.sort_values("quarter").groupby(["project_code", "fiscal_year"]):
        assert g["committed"].is_monotonic_increasing
        assert g["disbursed"].is_monotonic_increasing
        assert g["progress_pct"].is_monotonic_increasing or (g["status"] == "cancelled").any()


def test_statuses_are_plausible(data):
    pg = data["project_progress"]
    assert set(pg["status"]) == {"not_started", "in_progress", "completed", "cancelled"}
    done = pg[pg["status"] == "completed"]
    assert (done["progress_pct"] == 100).all()
    assert pg["progress_pct"].between(0, 100).all()
    assert (pg[pg["status"] == "not_started"][["committed", "disbursed"]] == 0).all().all()
    # some projects are late: still not started in Q3, or not finished at Q4
    assert ((pg["quarter"] == 3) & (pg["status"] == "not_started")).any()
    assert ((pg["quarter"] == 4) & (pg["status"] == "in_progress")).any()
    # late reporting: some funded projects miss a quarter
    counts = pg[pg["fiscal_year"].isin(FULL)].groupby(["project_code", "fiscal_year"]).size()
    assert (counts < 4).any()


def test_allowances_disburse_about_a_quarter_each_quarter(data):
    pj, pg = data["projects"], data["project_progress"]
    m = pg.merge(pj[pj["is_welfare_transfer"] == "yes"][["project_code", "fiscal_year", "allocated_budget"]],
                 on=["project_code", "fiscal_year"])
    share = m["disbursed"] / m["allocated_budget"]
    assert ((share - m["quarter"] / 4).abs() < 0.05).all()


def test_capital_projects_disburse_mostly_late_in_the_year(data):
    pj, pg = data["projects"], data["project_progress"]
    cap = pj[(pj["budget_category"] == "งบลงทุน") & (pj["allocated_budget"] > 0) & pj["fiscal_year"].isin(FULL)]
    m = pg.merge(cap[["project_code", "fiscal_year"]], on=["project_code", "fiscal_year"])
    by_q = m.groupby("quarter")["disbursed"].sum()
    assert by_q[2] < 0.5 * by_q[4]


def test_fy2570_has_only_q1(data):
    for kind in ("project_progress", "indicator_results"):
        df = data[kind]
        assert set(df[df["fiscal_year"] == 2570]["quarter"]) == {1}
        for fy in FULL:
            assert set(df[df["fiscal_year"] == fy]["quarter"]) == {1, 2, 3, 4}


# ------------------------------------------------------------------ indicator results

def test_annual_indicators_only_in_q4(data, plan_):
    rs = data["indicator_results"]
    annual = [c for c, i in plan_.indicators.items() if i.frequency == "annual"]
    assert set(rs[rs["indicator_code"].isin(annual)]["quarter"]) == {4}
    assert not rs.duplicated(["indicator_code", "fiscal_year", "quarter"]).any()
    assert set(rs["indicator_code"]) <= set(plan_.indicators)


def _status_q4(values: dict[int, float], target: float, direction: str, aggregation: str, frequency: str) -> str:
    """The method at Q4 (tracker.status, itself tested against hand-computed cases)."""
    if not values:
        return "no_data"
    return status.evaluate_indicator(values, target=target, direction=direction, aggregation=aggregation,
                                     frequency=frequency, q=4)["status"]


def test_every_indicator_status_appears(data, plan_):
    rs = data["indicator_results"]
    seen: dict[str, int] = {}
    for fy in FULL:
        for code, ind in plan_.indicators.items():
            sel = rs[(rs["indicator_code"] == code) & (rs["fiscal_year"] == fy)]
            values = {int(r.quarter): float(r.value) for r in sel.itertuples()}
            s = _status_q4(values, ind.targets[fy], ind.direction, ind.aggregation, ind.frequency)
            seen[s] = seen.get(s, 0) + 1
    for status in ("on_track", "at_risk", "off_track", "no_data"):
        assert seen.get(status, 0) >= 1, seen
    assert seen["on_track"] > seen["off_track"]


def test_fy2570_annual_indicators_not_due(data, plan_):
    rs = data["indicator_results"]
    y = rs[rs["fiscal_year"] == 2570]
    quarterly = {c for c, i in plan_.indicators.items() if i.frequency == "quarterly"}
    assert set(y["indicator_code"]) <= quarterly
    assert len(y) >= len(quarterly) - 2


# ------------------------------------------------------------------ loading through the pipeline

def test_load_demo_only_if_empty_skips_when_data_present(db):
    db["import_batches"].insert({"id": 1, "kind": "projects", "file_name": "x.csv", "sha256": "0", "username": "u",
                                 "created_at": "2026-01-01T00:00:00+00:00"})
    db["projects"].insert({"project_code": "X-1", "fiscal_year": 2569, "goal_no": 1, "name_th": "ทดสอบ",
                           "department": "ENG", "batch_id": 1})
    assert demo.load_demo(db, only_if_empty=True) == []
    assert len(store.batches(db)) == 1 and not store.has_demo_data(db)


def _demo_folder(tmp_path, projects: str):
    """A demo folder holding the demo plan book and one year's projects file with ``projects`` as its rows."""
    folder = tmp_path / "demo" / "2569"
    folder.mkdir(parents=True)
    shutil.copyfile(demo.demo_book(), folder.parent / demo.demo_book().name)
    (folder / "projects.csv").write_bytes(("\ufeff" + ",".join(demo.PROJECT_COLUMNS) + "\n" + projects).encode())
    return folder.parent


def test_load_demo_raises_on_a_file_with_errors_and_loads_nothing(db, tmp_path):
    bad = _demo_folder(tmp_path, "X-01,2569,1,ถนน,,กองช่าง,,,100,100,,,no,no\n"
                                 "X-02,2569,9,ประปา,,กองช่าง,,,100,100,,,no,no\n")
    with pytest.raises(RuntimeError, match="1 error") as err:
        demo.load_demo(db, folder=bad)
    assert "goal" in str(err.value)
    # the plan book went in before the bad file: the whole load is undone
    assert store.batches(db).empty and store.projects(db).empty


def test_demo_plan_book_reads_without_problems_and_lists_every_demo_project(data, plan_):
    from tracker.ingest.planbook import PlanContext, read_plan_workbook

    book = read_plan_workbook(demo.demo_book().read_bytes(), filename="plan-book.xlsx",
                              plan_context=PlanContext.from_plan(plan_))
    assert book.problems == []
    assert {p.name for p in book.projects} == set(data["projects"]["name_th"])
    assert len(book.projects) == data["projects"]["project_code"].nunique()
    # each year's additions come after their marker, as the revision that added them
    added = data["projects"][data["projects"]["added_by_revision"] == "yes"]
    assert {p.revision for p in book.projects if p.name in set(added["name_th"])} >= \
        {f"เพิ่มเติม 1/{fy}" for fy in demo.YEARS}


@pytest.mark.slow
def test_demo_loads_through_the_import_pipeline(db):
    receipts = demo.load_demo(db)
    files = demo.demo_files()
    surveys = len(report_texts.spec()["rounds"])      # the report rounds' satisfaction surveys (#13)
    assert len(receipts) == 1 + len(files) + surveys      # the plan book, every quarterly file, the surveys
    batches = store.batches(db)
    assert len(batches) == 1 + len(files) + surveys
    assert (batches["is_demo"] == 1).all()
    assert (batches["n_warnings"].fillna(0) == 0).all(), "the demo files agree with the demo plan book"
    assert batches.sort_values("id").iloc[0]["kind"] == "plan_book"
    assert store.has_demo_data(db)
    data = demo.generate()
    assert len(store.projects(db)) == len(data["projects"])
    assert len(store.progress(db)) == len(data["project_progress"])
    assert len(store.results(db)) == len(data["indicator_results"])
    # every demo project carries its place in the plan: strategy, tactic and แผนงาน
    from tracker import rollup
    table = rollup.project_table(db, 2569, 4)
    assert table["strategy_no"].notna().all() and table["tactic_code"].notna().all()
    assert table["programme_code"].notna().all()
    revisions = set(store.planbook.revisions(db)["label"])
    assert {"ฉบับแรก", *(f"เพิ่มเติม 1/{fy}" for fy in demo.YEARS)} <= revisions
    # loading again adds nothing
    demo.load_demo(db)
    assert len(store.batches(db).query("status == 'committed'")) == 1 + len(files) + surveys
    assert len(store.projects(db)) == len(data["projects"])
    assert demo.load_demo(db, only_if_empty=True) == []

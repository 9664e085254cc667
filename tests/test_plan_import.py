"""Importing the plan book into the store: the sample to exactly its expected.json, nothing changes on
re-import, a revised copy previews and commits as a revision, departments asked once and remembered,
books of another organization refused before anything is written, rollback of the whole import."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from tests.planbook_books import (ADDED_NAME, REVISED_BUDGET, REVISED_NAME, ROADS, SAMPLE, read_written,
                                  revised_sample, small_spec)
from tracker import ingest, store
from tracker.auth import PermissionDenied
from tracker.cli import main
from tracker.ingest import planimport
from tracker.ingest.planbook.write import ProjectSpec, WriteOptions, write_plan_workbook
from tracker.ingest.planimport import Choices, RevisionInfo
from tracker.plan import default_plan
from tracker.store import planbook as store_plan

EXPECTED = json.loads(SAMPLE.with_suffix(".expected.json").read_text(encoding="utf-8"))
FIELDS = ("sheet", "row", "strategy", "tactic", "revision", "name", "objective", "target", "kpi", "expected_result")


def _norm(s):
    from tests.planbook_compare import norm_text

    return norm_text(s or "")


def dump(db) -> list[str]:
    return list(db.conn.iterdump())


def run_cli(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def imported(db, data: bytes = None, name: str = "khilek-p02-sample.xlsx", *, user="analyst", **choices):
    preview = planimport.prepare_plan(db, data or SAMPLE.read_bytes(), name, choices=Choices(**choices))
    assert not preview.has_errors, [p.message_en for p in preview.errors]
    return preview, planimport.commit_plan(db, preview, user=user)


def stored_projects(db) -> dict[tuple[str, int], dict]:
    """Every project in the store as the book says it: (sheet, row) -> the dry-run fields."""
    plan = default_plan()
    pp = store_plan.projects(db)
    amounts = store_plan.amounts(db)
    out = {}
    for r in pp.to_dict("records"):
        a = amounts[(amounts["project_code"] == r["code"]) & (amounts["kind"] == "plan")]
        out[(r["sheet"], int(r["row"]))] = {
            "code": r["code"], "coordination": bool(r["coordination"]), "active": bool(r["active"]),
            "strategy": int(r["strategy_no"]), "tactic": r["tactic_code"], "programme": r["programme_code"],
            "revision": r["book_revision"], "name": r["name_th"], "objective": r["objective"], "target": r["target"],
            "kpi": r["kpi"], "expected_result": r["expected_result"], "department": r["department"],
            "budgets": {str(int(y)): (None if v != v or v is None else v) for y, v in zip(a["fiscal_year"], a["amount"])},
            "programme_name": plan.programmes[r["programme_code"]].name.th}
    return out


def test_sample_imports_on_the_command_line_to_exactly_its_expected_json(db_file, db):
    code, out, _ = run_cli("import-plan", str(SAMPLE), "--db", str(db_file), "--json", "--user", "analyst")
    assert code == 0
    printed = json.loads(out)
    plan = default_plan()
    assert len(printed["projects"]) == 147
    for got, want in zip(printed["projects"], EXPECTED["projects"]):
        assert got["budgets"] == want["budgets"] and got["department"] == want["department"]["code"]
        assert _norm(got["programme"]) == _norm(want["plan"])
    stored = stored_projects(db)
    main_ = {k: v for k, v in stored.items() if not v["coordination"]}
    assert len(main_) == 147 and all(v["active"] for v in main_.values())
    for want in EXPECTED["projects"]:
        got = main_[(want["sheet"], want["row"])]
        for f in FIELDS[2:]:
            assert _norm(str(got[f])) == _norm(str(want[f])), (want["sheet"], want["row"], f)
        assert got["programme"] == plan.programme_by_name(want["plan"])
        assert got["department"] == want["department"]["code"]
        assert got["budgets"] == want["budgets"], (want["sheet"], want["row"])   # null stays null, 0 stays 0
    coordination = [v for v in stored.values() if v["coordination"]]
    assert sorted(v["name"] for v in coordination) == sorted(p["name"] for p in EXPECTED["coordination_projects"])
    assert all(v["code"].startswith("C") for v in coordination)


def test_the_store_keeps_every_project_year_with_a_plan_amount_under_its_stable_code(db):
    imported(db)
    rows = store.projects(db)
    assert len(rows) == EXPECTED["totals"]["project_years"] == 487
    for year, amount in EXPECTED["totals"]["budgets"].items():
        assert rows.loc[rows["fiscal_year"] == int(year), "planned_budget"].sum() == pytest.approx(amount)
    assert rows["project_code"].str.match(r"^P\d\.\d-\d-\d{3}$").all()          # ผ.02/2 never among them
    first = rows[rows["project_code"] == "P1.1-1-001"]
    assert list(first["fiscal_year"]) == [2566, 2567, 2568, 2569, 2570] and (first["goal_no"] == 1).all()
    added = rows[rows["added_by_revision"] == 1]["project_code"].unique()
    assert len(added) == 6                       # the six under "เพิ่มเติม ครั้งที่ 1/2567", from the records
    welfare = rows[rows["is_welfare_transfer"] == 1]["name_th"].unique()
    assert sorted(welfare) == ["โครงการเบี้ยยังชีพคนพิการ", "โครงการเบี้ยยังชีพผู้ป่วยเอดส์", "โครงการเบี้ยยังชีพผู้สูงอายุ"]
    assert len(store_plan.equipment(db)) == 10


def test_revisions_of_the_book_become_records_with_what_each_added(db):
    imported(db, approvals={"เพิ่มเติม 1/2567": "2567-02-20"})
    revs = store_plan.revisions(db).set_index("label")
    assert list(revs.index) == ["ทบทวน 1/2565", "เพิ่มเติม 1/2567"]
    assert revs.loc["เพิ่มเติม 1/2567", "kind"] == "addition" and revs.loc["เพิ่มเติม 1/2567", "added"] == 6
    assert revs.loc["เพิ่มเติม 1/2567", "approved_on"] == "2024-02-20"
    assert revs.loc["ทบทวน 1/2565", "added"] == 141 + 4


def test_reimporting_the_same_book_changes_nothing(db):
    _, receipt = imported(db)
    before = dump(db)
    preview = planimport.prepare_plan(db, SAMPLE.read_bytes(), "again.xlsx")
    assert preview.nothing_to_do and preview.counts["unchanged"] == 147
    assert planimport.commit_plan(db, preview, user="analyst").nothing_to_do
    assert "batch " + str(receipt.batch_id) in preview.summary("en") or preview.same_file_batch == receipt.batch_id
    assert dump(db) == before


def test_a_revised_copy_previews_the_right_matches_and_changes_and_commits_them_as_a_revision(db):
    imported(db)
    preview = planimport.prepare_plan(db, revised_sample(), "revised.xlsx")
    assert not preview.has_errors
    c = preview.counts
    assert (c["unchanged"], c["changed"], c["new"], c["gone"]) == (145, 2, 1, 0)
    changed = {m.code: m for m in preview.state.main.changed}
    row, year, before, after = REVISED_BUDGET
    budget = next(m for m in changed.values() if m.incoming.row == row)
    assert [(ch.field, ch.year, ch.before, ch.after) for ch in budget.changes] == [("budgets", year, before, after)]
    renamed = next(m for m in changed.values() if m.incoming.row == REVISED_NAME[0])
    assert renamed.how == "fuzzy" and [ch.field for ch in renamed.changes] == ["name"]
    assert [p.name for p in preview.state.main.new] == [ADDED_NAME]
    assert preview.state.import_revision == "เพิ่มเติม 2/2568"

    receipt = planimport.commit_plan(db, preview, user="analyst")
    assert receipt.revisions == ("เพิ่มเติม 2/2568",)
    rev = store_plan.revisions(db).set_index("label").loc["เพิ่มเติม 2/2568"]
    assert (rev["added"], rev["changed"], rev["removed"]) == (1, 2, 0)
    log = store_plan.revision_changes(db, int(rev["id"]))
    money = log[(log["change"] == "changed") & (log["field"] == "budgets")].iloc[0]
    assert (money["project_code"], money["fiscal_year"], money["before"], money["after"]) == \
        (budget.code, year, "300000", "350000")
    rows = store.projects(db).set_index(["project_code", "fiscal_year"])
    assert rows.loc[(budget.code, year), "planned_budget"] == after
    assert REVISED_NAME[2] in rows.loc[(renamed.code, 2566), "name_th"]     # the code stays, the name follows
    new_code = receipt and preview.state.new_codes[0]
    assert new_code == "P1.1-1-035" and rows.loc[(new_code, 2569), "added_by_revision"] == 1


def test_the_analyst_can_relink_a_match_before_confirming(db):
    imported(db)
    renamed_key = (ROADS, REVISED_NAME[0])
    preview = planimport.prepare_plan(db, revised_sample(), "revised.xlsx", choices=Choices(links={renamed_key: None}))
    assert (preview.counts["new"], preview.counts["gone"]) == (2, 1)
    gone = preview.state.main.gone[0]
    relinked = planimport.prepare_plan(db, revised_sample(), "revised.xlsx",
                                       choices=Choices(links={(ROADS, 51): gone.code}))
    m = next(m for m in relinked.state.main.matches if m.incoming.name == ADDED_NAME)
    assert m.how == "linked" and m.code == gone.code


def test_a_book_that_changes_projects_without_naming_a_revision_asks_for_one(db):
    written, book = read_written()
    imported(db, written.data, "small.xlsx")
    spec = small_spec()
    spec.projects[1].budgets = {**spec.projects[1].budgets, 2568: 350000}
    data = write_plan_workbook(spec, WriteOptions()).data
    preview = planimport.prepare_plan(db, data, "small-edited.xlsx")
    assert [p.code for p in preview.errors] == ["import_revision_needed"]
    assert "ระบุประเภท" in preview.errors[0].message_th
    revision = RevisionInfo.parse("แก้ไข 1/2568", "2568-03-15")
    preview = planimport.prepare_plan(db, data, "small-edited.xlsx", choices=Choices(revision=revision))
    planimport.commit_plan(db, preview, user="analyst")
    rev = store_plan.revisions(db).set_index("label").loc["แก้ไข 1/2568"]
    assert rev["kind"] == "correction" and rev["approved_on"] == "2025-03-15" and rev["changed"] == 1


def test_an_unknown_department_is_asked_once_and_remembered(db):
    spec = small_spec()
    spec.projects[0].department = "กองยุทธศาสตร์และงบประมาณ"
    spec.projects[1].department = "กองยุทธศาสตร์และงบประมาณ"
    data = write_plan_workbook(spec, WriteOptions()).data
    preview = planimport.prepare_plan(db, data, "dept.xlsx")
    assert preview.state.unknown_departments == ["กองยุทธศาสตร์และงบประมาณ"]
    assert [p.code for p in preview.errors] == ["import_department_unknown"]          # once, not per project
    imported(db, data, "dept.xlsx", departments={"กองยุทธศาสตร์และงบประมาณ": "PAL"})
    aliases = store_plan.department_aliases(db).set_index("written")
    assert aliases.loc["กองยุทธศาสตร์และงบประมาณ", "department"] == "PAL"
    assert aliases.loc["กองยุทธศาสตร์และงบประมาณ", "source"] == "user"
    again = planimport.prepare_plan(db, data, "dept.xlsx")
    assert not again.has_errors and again.nothing_to_do                # remembered: not asked again


def test_a_book_of_another_organization_is_flagged_before_anything_is_written(db_file, db):
    before = dump(db)
    data = write_plan_workbook(small_spec(organization="องค์การบริหารส่วนตำบลหนองบัว"), WriteOptions()).data
    path = db_file.parent / "other.xlsx"
    path.write_bytes(data)
    code, out, err = run_cli("import-plan", str(path), "--db", str(db_file), "--json", "--user", "analyst")
    assert code == 1
    doc = json.loads(out)
    assert len(doc["projects"]) == 7                        # the dry run still shows all it read
    assert "other_organization" in {p["code"] for p in doc["problems"]}
    assert dump(db) == before


def test_another_plan_period_is_flagged(db):
    data = write_plan_workbook(small_spec(first_year=2571, last_year=2575,
                                          projects=[ProjectSpec(1, "1.1", "แผนงานอุตสาหกรรมและการโยธา", "โครงการถนน",
                                                                department="กองช่าง",
                                                                budgets={y: 100000 for y in range(2571, 2576)})],
                                          coordination=[], equipment=[]), WriteOptions()).data
    preview = planimport.prepare_plan(db, data, "2571.xlsx")
    assert "other_plan_period" in {p.code for p in preview.errors}


@pytest.mark.parametrize("data, name, code", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "plan.xls", "old_xls"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "plan.pdf", "pdf_file"),
    (b"<html><head><meta charset='utf-8'></head><body><table><tr><td>x</td></tr></table></body></html>",
     "plan.xls", "html_file"),
])
def test_files_that_are_not_xlsx_get_the_message_saying_how_to_save_them(db_file, db, data, name, code):
    path = db_file.parent / name
    path.write_bytes(data)
    rc, _, err = run_cli("import-plan", str(path), "--db", str(db_file), "--lang", "th", "--user", "analyst")
    assert rc == 1
    assert "xlsx" in err or "xlsx" in _, err
    preview = planimport.prepare_plan(db, data, name)
    assert [p.code for p in preview.errors] == [code]
    assert "บันทึก" in preview.errors[0].message_th


def test_the_whole_import_rolls_back_as_one_batch(db):
    before = dump(db)
    _, receipt = imported(db)
    assert len(store.projects(db)) == 487
    first_codes = set(store_plan.projects(db)["code"])
    ingest.rollback(db, receipt.batch_id, user="analyst")
    assert store.projects(db).empty and store_plan.projects(db).empty and store_plan.revisions(db).empty
    kept = ('INSERT INTO "import_batches"', 'INSERT INTO "audit_log"', 'INSERT INTO "plan_codes_issued"',
            'INSERT INTO "meta"', 'INSERT INTO "batch_changes"')
    assert [line for line in dump(db) if not line.startswith(kept)] == \
        [line for line in before if not line.startswith(kept)]
    # codes once given are never given again
    imported(db)
    again = set(store_plan.projects(db)["code"])
    assert len(again) == 151 and not again & first_codes


def test_a_revised_import_rolls_back_to_the_plan_before_it(db):
    imported(db)
    before = store.projects(db)
    _, receipt = imported(db, revised_sample(), "revised.xlsx")
    ingest.rollback(db, receipt.batch_id, user="analyst")
    after = store.projects(db)
    assert after.drop(columns="batch_id").equals(before.drop(columns="batch_id"))
    assert "เพิ่มเติม 2/2568" not in set(store_plan.revisions(db)["label"])


def test_rollback_is_refused_when_progress_was_reported_for_its_projects(db, tmp_path):
    _, receipt = imported(db)
    csv = tmp_path / "progress.csv"
    csv.write_text("project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed\n"
                   "P1.1-1-001,2569,1,in_progress,20,0,0\n", encoding="utf-8")
    progress, done = ingest.import_file(db, csv, user="analyst")
    assert done is not None, progress.problems
    with pytest.raises(ingest.RollbackRefused) as exc:
        ingest.rollback(db, receipt.batch_id, user="analyst")
    assert exc.value.code == "later_batch" or exc.value.code == "dependent_rows"


def test_a_year_leaving_the_plan_keeps_its_row_when_progress_was_reported(db, tmp_path):
    written, _ = read_written()
    imported(db, written.data, "small.xlsx")
    code = store.projects(db).query("name_th == 'โครงการซ่อมแซมถนนลูกรัง'")["project_code"].iloc[0]
    csv = tmp_path / "progress.csv"
    csv.write_text(f"project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed\n"
                   f"{code},2568,1,in_progress,20,0,0\n", encoding="utf-8")
    assert ingest.import_file(db, csv, user="analyst")[1] is not None
    spec = small_spec()
    spec.projects[1].budgets = {**spec.projects[1].budgets, 2568: 0, 2567: 0}
    preview = planimport.prepare_plan(db, write_plan_workbook(spec, WriteOptions()).data, "small2.xlsx",
                                      choices=Choices(revision=RevisionInfo.parse("เปลี่ยนแปลง 1/2568")))
    assert [p.code for p in preview.warnings] == ["import_progress_kept"]
    planimport.commit_plan(db, preview, user="analyst")
    rows = store.projects(db).set_index(["project_code", "fiscal_year"])
    assert rows.loc[(code, 2568), "planned_budget"] == 0          # kept: progress is attached to it
    assert (code, 2567) not in rows.index                          # dropped: nothing attached


def test_only_analysts_and_admins_may_import_the_plan(db):
    preview = planimport.prepare_plan(db, SAMPLE.read_bytes(), "sample.xlsx")
    with pytest.raises(PermissionDenied):
        planimport.commit_plan(db, preview, user="viewer")
    assert store_plan.projects(db).empty


def test_a_preview_made_before_another_write_is_refused_as_stale(db):
    preview = planimport.prepare_plan(db, SAMPLE.read_bytes(), "sample.xlsx")
    imported(db, revised_sample(), "revised.xlsx")
    with pytest.raises(ingest.ImportRejected) as exc:
        planimport.commit_plan(db, preview, user="analyst")
    assert exc.value.code == "stale_preview"


def test_the_projects_upload_sets_the_yearly_amounts_and_the_plan_book_wins_on_what_it_lists(db, tmp_path):
    imported(db)
    csv = tmp_path / "projects.csv"
    csv.write_text("project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget,village\n"
                   "P1.1-1-001,2569,2,ชื่ออื่น,กองคลัง,999,280000,1;2\n", encoding="utf-8")
    preview, receipt = ingest.import_file(db, csv, user="analyst")
    warned = preview.warnings
    assert sorted(warned["column"]) == ["department", "goal", "name_th", "planned_budget"]
    assert all(warned["code"] == "plan_book_value") and receipt is not None
    row = store.projects(db).set_index(["project_code", "fiscal_year"]).loc[("P1.1-1-001", 2569)]
    assert (row["goal_no"], row["department"], row["planned_budget"]) == (1, "ENG", 300000)
    assert row["name_th"].startswith("โครงการซ่อมแซมถนนลูกรัง")
    assert (row["allocated_budget"], row["villages"]) == (280000, "1;2")          # the upload's own columns

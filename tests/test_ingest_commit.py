"""Preview counts, all-or-nothing commit with receipt, idempotent re-upload, rollback."""

from __future__ import annotations

import pytest

from tests.conftest import csv_text
from tracker import ingest, store
from tracker.store import uploads

PROJECTS = csv_text("""
    รหัสโครงการ,ปีงบประมาณ,เป้าประสงค์,ชื่อโครงการ,หน่วยงานรับผิดชอบ,หมู่ที่,งบตามแผน,งบตามข้อบัญญัติ,ตัวชี้วัดที่เกี่ยวข้อง
    G1-P01,2569,1,ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3,กองช่าง,1;3,"1,250,000","1,180,000",G1-I01
    G1-P02,2569,1,ขยายเขตประปาหมู่บ้าน,กองช่าง,2,500000,450000,
    G3-P01,2569,3,เบี้ยยังชีพผู้สูงอายุ,กองสวัสดิการสังคม,ทุกหมู่บ้าน,"9,000,000","9,000,000",
""")
PROGRESS_Q1 = csv_text("""
    project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed,note
    G1-P01,2569,1,in_progress,20,1180000,100000,
    G1-P02,2569,1,not_started,0,-,-,
""")
PROGRESS_Q1_REVISED = csv_text("""
    project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed,note
    G1-P01,2569,1,in_progress,30,1180000,250000,แก้ไขตามใบเบิก
    G1-P02,2569,1,not_started,0,-,-,
    G3-P01,2569,1,in_progress,25,9000000,2250000,
""")


def load(db, text: str, name: str = "f.csv", encoding: str = "utf-8-sig", user: str = "somchai"):
    pv = ingest.prepare(db, text.encode(encoding), name)
    assert not pv.has_errors, pv.errors[["row", "column", "code", "message_en"]].to_string()
    return pv, ingest.commit(db, pv, user=user)


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())


def test_preview_counts_new_changed_unchanged_and_shows_old_to_new(db):
    load(db, PROJECTS)
    load(db, PROGRESS_Q1)
    pv = ingest.prepare(db, PROGRESS_Q1_REVISED.encode("utf-8-sig"), "rev.csv")
    assert pv.counts == {"rows": 3, "new": 1, "changed": 1, "unchanged": 1, "errors": 0, "warnings": 0}
    ch = pv.changes.set_index("column")
    assert ch.loc["disbursed", "old"] == "100,000" and ch.loc["disbursed", "new"] == "250,000"
    assert ch.loc["progress_pct", "old"] == "20" and ch.loc["progress_pct", "new"] == "30"
    assert ch.loc["note", "old"] == "—" and ch.loc["note", "new"] == "แก้ไขตามใบเบิก"
    assert set(pv.changes["row"]) == {2}


def test_prepare_never_writes(db):
    before = dump(db)
    ingest.prepare(db, PROJECTS.encode("cp874"), "p.csv")
    assert dump(db) == before


def test_commit_stores_rows_receipt_changes_audit_and_bumps_revision(db):
    rev = store.revision(db)
    pv, r = load(db, PROJECTS, name="โครงการ2569.csv")
    assert r.batch_id == 1 and r.kind == "projects" and r.n_new == 3 and r.username == "somchai"
    assert r.sha256 == pv.sha256 and len(r.sha256) == 64
    b = uploads.batch(db, 1)
    assert (b["file_name"], b["n_new"], b["status"], b["periods"]) == ("โครงการ2569.csv", 3, "committed", "2569")
    p = store.projects(db).set_index("project_code")
    assert p.loc["G1-P01", "planned_budget"] == 1_250_000 and p.loc["G1-P01", "villages"] == "1;3"
    assert p.loc["G1-P01", "department"] == "ENG" and p.loc["G3-P01", "department"] == "WEL"
    assert p.loc["G3-P01", "villages"] == ";".join(map(str, range(1, 13)))
    assert p.loc["G1-P01", "batch_id"] == 1
    assert db.execute("SELECT count(*) FROM batch_changes WHERE batch_id = 1").fetchone()[0] == 3
    audit = db.execute("SELECT action, target, username FROM audit_log").fetchall()
    assert audit[-1] == ("import", "batch:1", "somchai")
    assert store.revision(db) == rev + 1


def test_same_file_twice_changes_nothing_and_says_so(db):
    load(db, PROJECTS)
    before = dump(db)
    pv = ingest.prepare(db, PROJECTS.encode("utf-8-sig"), "again.csv")
    assert pv.nothing_to_do and pv.same_file_batch == 1
    assert "batch 1" in pv.summary("en") and "ชุดที่ 1" in pv.summary("th")
    r = ingest.commit(db, pv, user="somchai")
    assert r.nothing_to_do and r.batch_id is None and "Nothing to change" in r.message("en")
    assert dump(db) == before


def test_commit_refuses_a_preview_with_errors(db):
    pv = ingest.prepare(db, b"project_code,fiscal_year\nX,abc\n", "bad.csv", kind="projects")
    assert pv.has_errors
    before = dump(db)
    with pytest.raises(ingest.ImportRejected):
        ingest.commit(db, pv, user="u")
    assert dump(db) == before


def test_commit_refuses_a_stale_preview(db):
    load(db, PROJECTS)
    pv = ingest.prepare(db, PROGRESS_Q1.encode(), "q1.csv")
    load(db, PROGRESS_Q1_REVISED)   # someone else commits first
    with pytest.raises(ingest.ImportRejected) as exc:
        ingest.commit(db, pv, user="u")
    assert exc.value.code == "stale_preview"


@pytest.mark.parametrize("where", ["insert_changes", "audit", "bump_revision"])
def test_failure_in_the_middle_of_a_commit_leaves_the_database_byte_for_byte_unchanged(db, monkeypatch, where):
    load(db, PROJECTS)
    load(db, PROGRESS_Q1)
    pv = ingest.prepare(db, PROGRESS_Q1_REVISED.encode(), "rev.csv")
    before = dump(db)

    def boom(*a, **k):
        raise RuntimeError("disk full")

    target = uploads if where == "insert_changes" else store
    monkeypatch.setattr(target, where, boom)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest.commit(db, pv, user="u")
    assert dump(db) == before


def test_rollback_restores_the_exact_earlier_state_and_removes_created_rows(db):
    load(db, PROJECTS)
    load(db, PROGRESS_Q1)
    before = store.progress(db).to_dict("records")
    _, r = load(db, PROGRESS_Q1_REVISED)
    assert len(store.progress(db)) == 3
    res = ingest.rollback(db, r.batch_id, user="manager")
    assert (res.restored, res.removed) == (1, 1)   # G1-P02 was unchanged, so not part of the batch
    assert store.progress(db).to_dict("records") == before
    b = uploads.batch(db, r.batch_id)
    assert b["status"] == "rolled_back" and b["rolled_back_by"] == "manager"
    assert db.execute("SELECT action FROM audit_log ORDER BY id DESC").fetchone()[0] == "rollback"


def test_rollback_of_everything_returns_the_data_tables_to_empty(db):
    _, r1 = load(db, PROJECTS)
    _, r2 = load(db, PROGRESS_Q1)
    ingest.rollback(db, r2.batch_id, user="u")
    ingest.rollback(db, r1.batch_id, user="u")
    assert store.projects(db).empty and store.progress(db).empty


def test_rollback_is_refused_when_a_later_batch_changed_the_same_rows(db):
    load(db, PROJECTS)
    _, r1 = load(db, PROGRESS_Q1)
    _, r2 = load(db, PROGRESS_Q1_REVISED, name="ฉบับแก้ไข.csv")
    state = dump(db)
    with pytest.raises(ingest.RollbackRefused) as exc:
        ingest.rollback(db, r1.batch_id, user="u")
    assert exc.value.code == "later_batch"
    assert f"batch {r2.batch_id}" in exc.value.message("en") and "ฉบับแก้ไข.csv" in exc.value.message("th")
    assert dump(db) == state
    ingest.rollback(db, r2.batch_id, user="u")     # undo the later one first, then it works
    ingest.rollback(db, r1.batch_id, user="u")
    assert store.progress(db).empty


def test_rollback_of_projects_is_refused_while_progress_of_them_is_loaded(db):
    _, r1 = load(db, PROJECTS)
    _, r2 = load(db, PROGRESS_Q1, name="q1.csv")
    with pytest.raises(ingest.RollbackRefused) as exc:
        ingest.rollback(db, r1.batch_id, user="u")
    assert exc.value.code == "dependent_rows" and "q1.csv" in exc.value.message("en")


def test_rollback_twice_or_of_an_unknown_batch_is_refused(db):
    _, r = load(db, PROJECTS)
    ingest.rollback(db, r.batch_id, user="u")
    with pytest.raises(ingest.RollbackRefused, match="already rolled back"):
        ingest.rollback(db, r.batch_id, user="u")
    with pytest.raises(ingest.RollbackRefused, match="no batch 99"):
        ingest.rollback(db, 99, user="u")


def test_rollback_touching_a_locked_quarter_is_refused(db):
    load(db, PROJECTS)
    _, r = load(db, PROGRESS_Q1)
    db["quarter_locks"].insert({"fiscal_year": 2569, "quarter": 1, "locked_by": "palad", "locked_at": store.now_iso()})
    with pytest.raises(ingest.RollbackRefused) as exc:
        ingest.rollback(db, r.batch_id, user="u")
    assert exc.value.code == "quarter_locked" and "2569-Q1" in exc.value.message("en")
    assert "palad" in exc.value.message("th")


def test_upload_into_a_locked_quarter_is_an_error_naming_quarter_and_locker(db):
    load(db, PROJECTS)
    db["quarter_locks"].insert({"fiscal_year": 2569, "quarter": 1, "locked_by": "palad", "locked_at": store.now_iso()})
    pv = ingest.prepare(db, PROGRESS_Q1.encode(), "q1.csv")
    locked = pv.errors[pv.errors["code"] == "quarter_locked"]
    assert len(locked) == 1 and locked.iloc[0]["row"] == 2
    assert "2569-Q1" in locked.iloc[0]["message_th"] and "palad" in locked.iloc[0]["message_en"]


def test_import_file_dry_run_writes_nothing_and_commits_otherwise(db, tmp_path):
    load(db, PROJECTS)
    f = tmp_path / "q1.csv"
    f.write_bytes(PROGRESS_Q1.encode("cp874"))
    before = dump(db)
    pv, r = ingest.import_file(db, f, user="u", dry_run=True)
    assert r is None and pv.n_new == 2 and dump(db) == before
    pv, r = ingest.import_file(db, f, user="system:demo", is_demo=True)
    assert r.batch_id == 2 and r.is_demo and store.has_demo_data(db)
    pv, r = ingest.import_file(db, f, user="system:demo", is_demo=True)
    assert r is None and pv.nothing_to_do


@pytest.mark.slow
def test_a_100k_row_file_goes_through(db):
    projects = ["project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget"]
    projects += [f"P{i:05d},2569,{i % 5 + 1},โครงการ {i},กองช่าง,100000,100000" for i in range(25_000)]
    load(db, "\n".join(projects) + "\n")
    rows = ["project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed"]
    rows += [f"P{i:05d},2569,{q},in_progress,{q * 20},50000,{q * 10000}" for i in range(25_000) for q in (1, 2, 3, 4)]
    pv, r = load(db, "\n".join(rows) + "\n")
    assert r.n_new == 100_000
    assert db.execute("SELECT count(*) FROM project_progress").fetchone()[0] == 100_000


def _data_dump(db) -> list[str]:
    tables = ('"projects"', '"project_progress"', '"indicator_results"')
    return [line for line in db.conn.iterdump() if line.startswith(tuple(f"INSERT INTO {t}" for t in tables))]


def test_commit_then_rollback_leaves_the_data_tables_byte_for_byte_as_before(db):
    load(db, PROJECTS)
    load(db, PROGRESS_Q1)
    load(db, "indicator_code,fiscal_year,quarter,value,note\nG1-I01,2569,1,0.1234567890123,ก่อน\n")
    before = _data_dump(db)
    _, r = load(db, PROGRESS_Q1_REVISED.replace("250000", "250000.75"))
    _, r2 = load(db, "indicator_code,fiscal_year,quarter,value,note\nG1-I01,2569,1,0.3333333333333333,หลัง\n"
                     "G1-I02,2569,1,5,\n")
    assert _data_dump(db) != before
    ingest.rollback(db, r2.batch_id, user="u")
    ingest.rollback(db, r.batch_id, user="u")
    assert _data_dump(db) == before


def test_a_value_that_slipped_past_the_checks_is_caught_before_writing(db):
    load(db, PROJECTS)
    pv = ingest.prepare(db, PROGRESS_Q1.encode(), "q1.csv")
    pv.rows.loc[0, "quarter"] = 5          # as if a normaliser had a bug
    before = dump(db)
    with pytest.raises(ingest.ImportRejected) as exc:
        ingest.commit(db, pv, user="u")
    assert exc.value.code == "internal_check" and "quarter" in exc.value.message("en")
    assert dump(db) == before


def test_receipt_rows_are_the_same_json_text_as_one_row_at_a_time():
    """batch_changes keeps each row's key and values as JSON; built a column at a time, the text is
    exactly what encoding each row gives (rollback and later-batch checks match on it)."""
    names = ["project_code", "fiscal_year", "quarter", "status", "progress_pct", "committed", "disbursed",
             "note", "batch_id"]
    rows = [("G1-P01", 2569, 1, "in_progress", 20.0, 1180000.0, 250000.75, 'แก้ไข "ใบเบิก" 100%\nบรรทัดสอง', 3),
            ("G1-P02", 2569, 1, "not_started", 0.0, None, None, None, 3),
            ("G1-P02", 2569, 2, "completed", 1.0, 1.0, 0.1 + 0.2, "1", 3),
            ("ก-1", 2569, 3, "cancelled", 100.0, 1e11, 0.0, "", 3)]
    keys, texts = uploads.change_texts("project_progress", names, [list(c) for c in zip(*rows)])
    assert keys == [uploads.row_key(r[:3]) for r in rows]
    assert texts == [uploads.to_json(dict(zip(names, r))) for r in rows]
    assert keys[0] == '["G1-P01", 2569, 1]'


def test_commit_of_a_preview_of_the_current_revision_does_not_compare_again(db, monkeypatch):
    import importlib

    commit_module = importlib.import_module("tracker.ingest.commit")     # (ingest.commit is the function)
    load(db, PROJECTS)
    load(db, PROGRESS_Q1)
    pv = ingest.prepare(db, PROGRESS_Q1_REVISED.encode(), "rev.csv")

    def no_second_diff(*a, **k):
        raise AssertionError("diffed again inside the transaction")

    monkeypatch.setattr(commit_module, "diff", no_second_diff)
    r = ingest.commit(db, pv, user="u")
    assert (r.n_new, r.n_changed, r.n_unchanged) == (1, 1, 1) and r.revision == store.revision(db)
    before = {c["row_key"]: c["before"] for c in uploads.batch_changes(db, r.batch_id)}
    assert before['["G3-P01", 2569, 1]'] is None                       # new: nothing to put back
    assert '"disbursed": 100000.0' in before['["G1-P01", 2569, 1]']      # changed: the stored row kept
    ingest.rollback(db, r.batch_id, user="u")
    assert store.progress(db)["disbursed"].tolist()[:1] == [100000.0]


def test_a_preview_without_a_revision_is_still_compared_with_the_store(db):
    load(db, PROJECTS)
    pv = ingest.prepare(db, PROGRESS_Q1.encode(), "q1.csv")
    load(db, PROGRESS_Q1_REVISED)
    pv.revision = None                     # made elsewhere: the rows are compared again and found stale
    with pytest.raises(ingest.ImportRejected) as exc:
        ingest.commit(db, pv, user="u")
    assert exc.value.code == "stale_preview"

"""Issue #15 item 3: a lock freezes everything an approved quarter's figures are made of — the year's
projects and budgets too, and the rollbacks of batches that changed them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker import auth, ingest, locks, rollup, store

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"
PW = "correct-horse-1"


@pytest.fixture
def people(db):
    for name, role in (("ana", "analyst"), ("boss", "admin")):
        auth.create_user(db, name, password=PW, role=role, by="test")
    return db


def _dump(db) -> list:
    return [list(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall())
            for t in ("projects", "project_progress", "indicator_results", "import_batches")]


def _lock_year(db, fy):
    for q in (1, 2, 3, 4):
        locks.lock_quarter(db, fy, q, user="ana", note="มติสภา")


def _changed_projects(fy=2569) -> bytes:
    text = (DEMO / str(fy) / "projects.csv").read_text(encoding="utf-8-sig").splitlines()
    head, first = text[0].split(","), text[1].split(",")
    col = head.index("allocated_budget")
    first[col] = str(float(first[col] or 0) * 3 + 1_000_000)
    return ("\n".join([text[0], ",".join(first), *text[2:]]) + "\n").encode("utf-8-sig")


def test_a_projects_upload_changing_a_budget_of_a_locked_year_is_refused(people):
    db = people
    ingest.import_file(db, DEMO / "2569" / "projects.csv", user="ana")
    _lock_year(db, 2569)
    total = rollup.totals(db, 2569, 4)["budget"]["allocated"]
    before = _dump(db)
    pv = ingest.prepare(db, _changed_projects(), "projects.csv")
    assert pv.has_errors and set(pv.errors["code"]) == {"project_year_locked"}
    assert "2569" in pv.errors.iloc[0]["message_en"] and "ana" in pv.errors.iloc[0]["message_en"]
    assert _dump(db) == before and rollup.totals(db, 2569, 4)["budget"]["allocated"] == total


def test_commit_refuses_a_projects_preview_made_before_the_year_was_locked(people):
    db = people
    ingest.import_file(db, DEMO / "2569" / "projects.csv", user="ana")
    pv = ingest.prepare(db, _changed_projects(), "projects.csv")
    assert not pv.has_errors
    locks.lock_quarter(db, 2569, 1, user="ana")
    before = _dump(db)
    with pytest.raises(ingest.ImportRejected):
        ingest.commit(db, pv, user="ana")
    assert _dump(db) == before


def test_rolling_back_a_projects_batch_of_a_locked_year_is_refused(people):
    db = people
    _, receipt = ingest.import_file(db, DEMO / "2569" / "projects.csv", user="ana")
    _, changed = ingest.import_file(db, DEMO / "2569" / "projects.csv", user="ana")   # nothing to do
    pv = ingest.prepare(db, _changed_projects(), "projects.csv")
    second = ingest.commit(db, pv, user="ana")
    _lock_year(db, 2569)
    before = _dump(db)
    with pytest.raises(ingest.RollbackRefused) as err:
        ingest.rollback(db, second.batch_id, user="boss")
    assert "2569" in err.value.message("en") and err.value.message("th")
    assert _dump(db) == before


def test_an_unchanged_locked_year_in_a_file_does_not_block_another_years_projects(people):
    db = people
    ingest.import_file(db, DEMO / "2569" / "projects.csv", user="ana")
    _lock_year(db, 2569)
    both = (DEMO / "2569" / "projects.csv").read_text(encoding="utf-8-sig") + \
        "".join((DEMO / "2570" / "projects.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)[1:])
    pv = ingest.prepare(db, both.encode("utf-8-sig"), "both.csv")
    assert not pv.has_errors, pv.problems.to_string()
    assert pv.n_new > 0 and pv.n_changed == 0


def test_progress_of_an_open_quarter_of_a_partly_locked_year_is_still_accepted(people):
    db = people
    ingest.import_file(db, DEMO / "2569" / "projects.csv", user="ana")
    locks.lock_quarter(db, 2569, 1, user="ana")
    text = (DEMO / "2569" / "project_progress.csv").read_text(encoding="utf-8-sig").splitlines()
    q2 = [text[0]] + [line for line in text[1:] if line.split(",")[2] == "2"]
    pv = ingest.prepare(db, ("\n".join(q2) + "\n").encode(), "q2.csv")
    assert not pv.has_errors, pv.problems.to_string()


def test_the_plan_import_can_ask_whether_a_year_is_frozen(people):
    db = people
    assert store.locks.year_locks(db, [2569]).empty
    locks.lock_quarter(db, 2569, 2, user="ana")
    with pytest.raises(store.locks.YearLocked) as err:
        store.locks.require_years_open(db, [2568, 2569])
    assert "2569" in err.value.message("en") and "ana" in err.value.message("th")
    store.locks.require_years_open(db, [2568, 2570])


def test_a_plan_book_import_changing_a_locked_year_is_refused(db):
    from tests.planbook_books import SAMPLE
    from tracker.ingest import planimport

    preview = planimport.prepare_plan(db, SAMPLE.read_bytes(), "book.xlsx", choices=planimport.Choices())
    assert not preview.has_errors
    locks.lock_quarter(db, 2568, 4, user="analyst")
    before = _dump(db)
    with pytest.raises(store.locks.YearLocked) as err:
        planimport.commit_plan(db, preview, user="analyst")
    assert "2568" in err.value.message("en")
    assert _dump(db) == before


def test_rolling_back_a_plan_book_import_of_a_locked_year_is_refused(db):
    from tests.planbook_books import SAMPLE
    from tracker.ingest import planimport

    preview = planimport.prepare_plan(db, SAMPLE.read_bytes(), "book.xlsx", choices=planimport.Choices())
    receipt = planimport.commit_plan(db, preview, user="analyst")
    locks.lock_quarter(db, 2568, 4, user="analyst")
    before = _dump(db)
    with pytest.raises(ingest.RollbackRefused) as err:
        ingest.rollback(db, receipt.batch_id, user="analyst")
    assert err.value.code == "year_locked" and "2568" in err.value.message("en")
    assert _dump(db) == before


def test_the_years_a_rollback_would_change_include_deleted_rows_and_plan_amounts():
    from tracker.ingest.rollback import _budget_years

    changes = [
        {"table_name": "projects", "before": '{"project_code": "A", "fiscal_year": 2568}', "after": None},  # deleted
        {"table_name": "plan_amounts", "before": None, "after": '{"project_code": "A", "fiscal_year": 2570}'},
        {"table_name": "project_progress", "before": None, "after": '{"project_code": "A", "fiscal_year": 2566}'},
    ]
    assert _budget_years(changes) == [2568, 2570]

"""Issue #15 item 5: whole pages from one data revision, and Confirm refusing a preview whose data
changed since ("someone changed these rows; preview again")."""

from __future__ import annotations

import pytest

from tests.conftest import csv_text
from tracker import ingest, rollup, store

PROJECTS = csv_text("""
    project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
    ZZ-101,2569,1,ก่อสร้างถนน,ENG,1250000,1000000
""")
MORE = csv_text("""
    project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
    ZZ-201,2569,2,ส่งเสริมอาชีพ,PAL,7000000,7000000
""")
EDIT_A = PROJECTS.replace("1250000,1000000", "1250000,900000")
EDIT_B = PROJECTS.replace("1250000,1000000", "1250000,800000")


def _commit(db, text, name="f.csv", user="analyst"):
    return ingest.commit(db, ingest.prepare(db, text.encode(), name), user=user)


def test_confirm_refuses_a_preview_whose_rows_someone_changed_since(db_file, db):
    _commit(db, PROJECTS)
    mine = ingest.prepare(db, EDIT_A.encode(), "mine.csv")          # analyst A previews 1,000,000 -> 900,000
    other = store.connect(db_file)
    _commit(other, EDIT_B, user="somchai")                           # analyst B commits 800,000 meanwhile
    other.close()
    with pytest.raises(ingest.ImportRejected) as err:
        ingest.commit(db, mine, user="analyst")
    assert err.value.code == "stale_preview"
    assert "preview again" in err.value.message("en") and err.value.message("th")
    assert store.projects(db)["allocated_budget"].tolist() == [800_000.0]    # B's value kept


def test_a_fresh_preview_after_the_refusal_commits(db):
    _commit(db, PROJECTS)
    mine = ingest.prepare(db, EDIT_A.encode(), "mine.csv")
    _commit(db, EDIT_B, user="somchai")
    with pytest.raises(ingest.ImportRejected):
        ingest.commit(db, mine, user="analyst")
    again = ingest.prepare(db, EDIT_A.encode(), "mine.csv")
    assert again.changes[["old", "new"]].values.tolist() == [["800,000", "900,000"]]
    assert ingest.commit(db, again, user="analyst").batch_id


def test_the_preview_carries_the_revision_it_saw(db):
    _commit(db, PROJECTS)
    pv = ingest.prepare(db, EDIT_A.encode(), "mine.csv")
    assert pv.revision == store.revision(db)


def test_confirm_on_the_page_commits_the_preview_shown_or_says_it_went_stale(app, db_file):
    from tests.test_app_upload import texts, upload

    conn = store.connect(db_file)
    _commit(conn, PROJECTS)
    at = app(lang="en", fy=2569, q=1, page="pages/upload.py")
    upload(at, "mine.csv", EDIT_A.encode())
    assert not at.exception
    _commit(conn, EDIT_B, user="somchai")                 # someone else commits while the preview is shown
    at.button(key="upload_confirm").click().run()
    assert not at.exception
    assert "preview again" in texts(at)
    assert store.projects(conn)["allocated_budget"].tolist() == [800_000.0]
    conn.close()


def test_every_figure_of_a_page_comes_from_one_revision(app, db_file, monkeypatch):
    """A batch committed while the overview is drawn must not be half seen: the KPI total and the goal
    table come from the same revision."""
    conn = store.connect(db_file)
    _commit(conn, PROJECTS)
    real_goal_summary = rollup.goal_summary
    committed = []

    def goal_summary_then_a_commit(db, fy, q, **kw):
        result = real_goal_summary(db, fy, q, **kw)
        if not committed:             # another analyst commits right between two reads of the page
            other = store.connect(db_file)
            committed.append(_commit(other, MORE, user="somchai"))
            other.close()
        return result

    monkeypatch.setattr(rollup, "goal_summary", goal_summary_then_a_commit)
    at = app(lang="en", fy=2569, q=4)            # the overview is the first page
    assert not at.exception and committed
    shown = " ".join(m.value for m in at.metric)
    # the goal table was read before the commit: 1.00 M allocated; the KPI must agree (not 8.00 M)
    assert "8.00" not in shown and "8,000,000" not in shown, shown
    assert "1,000,000" in shown or "1.00" in shown, shown
    conn.close()

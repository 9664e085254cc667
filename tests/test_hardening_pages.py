"""Issue #15 item 10 on the pages: a broken plan file or a damaged, read-only or full database gives a
message saying what happened and what to run (never Streamlit's generic error), and user text is never
run as Markdown (a snapshot name with a link or an image on the meeting page)."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import csv_text
from tests.test_app_upload import texts, upload
from tracker import ingest, store
from tracker.report import snapshot

PROJECTS = csv_text("""
    project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
    ZZ-101,2569,1,ถนน,ENG,100,100
""")


def test_a_damaged_database_shows_what_to_run(app, db_file):
    db_file.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    at = app(lang="en", user=None)
    assert not at.exception
    msg = " ".join(e.value for e in at.error).replace("\\", "")
    assert "damaged" in msg and "python -m tracker restore" in msg


def test_a_broken_plan_file_shows_what_to_fix(app, tmp_path, monkeypatch):
    plan = tmp_path / "plan.yaml"
    plan.write_text("goals: [ {number: 1\n", encoding="utf-8")
    monkeypatch.setenv("TRACKER_PLAN", str(plan))
    at = app(lang="en")
    assert not at.exception
    msg = " ".join(e.value for e in at.error).replace("\\", "")
    assert "plan file" in msg and "TRACKER_PLAN" in msg


@pytest.mark.parametrize("error, words", [("attempt to write a readonly database", "read-only"),
                                          ("database or disk is full", "full")])
def test_confirming_into_a_read_only_or_full_database_says_so(app, monkeypatch, error, words):
    from tracker.store import uploads

    at = app(lang="en", page="pages/upload.py")
    upload(at, "p.csv", PROJECTS.encode())

    def fail(*a, **k):
        raise sqlite3.OperationalError(error)

    monkeypatch.setattr(uploads, "insert_batch", fail)
    at.button(key="upload_confirm").click().run()
    assert not at.exception
    assert words in texts(at)


def test_a_snapshot_name_with_a_link_and_an_image_is_shown_as_text_on_the_meeting_page(app, db_file):
    conn = store.connect(db_file)
    ingest.commit(conn, ingest.prepare(conn, PROJECTS.encode(), "p.csv"), user="analyst")
    name = "[คลิก](https://evil.example) ![x](https://evil.example/a.png) www.evil.example"
    snapshot.pin(conn, name, user="analyst")
    conn.close()
    at = app(lang="en", fy=2569, q=1, page="pages/meeting.py", session={"meeting_snapshot": name})
    assert not at.exception
    stamps = [c.value for c in [*at.caption, *at.markdown] if "evil" in c.value]
    assert stamps, [c.value for c in [*at.caption, *at.markdown]]
    for s in stamps:      # every Markdown-active character escaped: shown literally, never a link or image
        assert "](" not in s and "![" not in s and "www.evil" not in s


def test_a_snapshot_name_with_a_control_character_is_refused(db):
    with pytest.raises(snapshot.SnapshotError):
        snapshot.pin(db, "ประชุม\u202e1/2569", user="analyst")

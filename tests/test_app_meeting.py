"""Meeting mode and the reports page through the real entry point, in Thai and English."""

import pytest

from tests.dashboard_data import load_small_dataset
from tracker import store
from tracker.report import snapshot


@pytest.fixture
def data(db_file, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_SNAPSHOT_DIR", str(tmp_path / "snaps"))
    db = store.connect(db_file)
    load_small_dataset(db)
    db.close()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_meeting_next_and_previous_through_every_slide(app, data, lang):
    at = app(lang=lang, fy=2569, q=2, page="pages/meeting.py")
    assert not at.exception
    total = 10
    for n in range(1, total):
        at.button(key="next").click().run()
        assert not at.exception, (n, at.exception)
        assert at.session_state["slide"] == n
    assert at.button(key="next").disabled
    at.button(key="prev").click().run()
    assert at.session_state["slide"] == total - 2 and not at.exception
    assert [b.label for b in at.get("download_button")]


def test_meeting_shows_a_pinned_snapshot(app, data, db_file):
    db = store.connect(db_file)
    snapshot.pin(db, "ประชุมสภา Q2", user="admin")
    db.close()
    at = app(fy=2569, q=2, page="pages/meeting.py", session={"meeting_snapshot": "ประชุมสภา Q2"})
    assert not at.exception
    assert any("ประชุมสภา Q2" in c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_reports_page_pins_a_snapshot(app, data, lang):
    at = app(lang=lang, fy=2569, q=2, page="pages/reports.py")
    assert not at.exception
    assert len(at.get("download_button")) == 3
    at.text_input[0].set_value("meeting " + lang)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    assert any(("meeting " + lang) in s.value for s in at.success)

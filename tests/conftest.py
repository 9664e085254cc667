"""Shared fixtures: a fresh database per test, and AppTest on the real entry point."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from tracker import store
from tracker.plan import default_plan

ROOT = Path(__file__).resolve().parent.parent


def csv_text(text: str) -> str:
    """Inline CSV fixture: dedent (inspect.cleandoc) and end with a newline."""
    return inspect.cleandoc(text) + "\n"


@pytest.fixture
def plan():
    return default_plan()


@pytest.fixture
def db_file(tmp_path, monkeypatch) -> Path:
    """Path of a fresh database with the plan loaded; also set as the TRACKER_DB setting."""
    path = tmp_path / "tracker.db"
    monkeypatch.setenv("TRACKER_DB", str(path))
    store.open_db(path).close()
    return path


@pytest.fixture
def db(db_file):
    conn = store.connect(db_file)
    yield conn
    conn.close()


@pytest.fixture
def app(db_file, monkeypatch):
    """Factory for AppTest of dashboard.py against the test database.

    ``app(lang="en", fy=2569, q=2, page="pages/plan.py")`` runs the app and returns the AppTest.
    Streamlit's caches are process-global, so they are cleared; legacy ``pages/`` mode is switched
    off as it is in a server after the first ``st.navigation`` call.
    """
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    original_init = PagesManager.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
    st.cache_data.clear()
    st.cache_resource.clear()

    def run(lang: str = "th", fy: int | None = None, q: int | None = None, page: str | None = None,
            session: dict | None = None, query: dict | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.session_state["lang"] = lang
        if fy is not None:
            at.session_state["fy"] = fy
        if q is not None:
            at.session_state["q"] = q
        for k, v in (session or {}).items():
            at.session_state[k] = v
        for k, v in (query or {}).items():
            at.query_params[k] = v
        at.run()
        if page:
            at.switch_page(page).run()
        return at

    return run

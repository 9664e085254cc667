"""Shared fixtures: a fresh database per test (a copy of one built per session), cheap password
hashing, and AppTest on the real entry point."""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tracker import store
from tracker.auth import passwords
from tracker.plan import default_plan

ROOT = Path(__file__).resolve().parent.parent

# Tests hash with the cheapest argon2id parameters: a test checks what is hashed and verified, not how
# slowly. Production keeps argon2-cffi's defaults (this is the only caller of use_hasher); the servers
# and command lines that browser tests start run with the production cost.
passwords.use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


#: The date every test takes as today (the ``today`` setting; servers started by tests inherit it):
#: FY2570 Q1 is under way, Q2 has not begun, FY2569 is closed — where the demo data ends. Figures depend
#: on today (which quarters have begun, which years are closed), so a test never depends on the clock.
TODAY = "2026-12-02"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY)


def csv_text(text: str) -> str:
    """Inline CSV fixture: dedent (inspect.cleandoc) and end with a newline."""
    return inspect.cleandoc(text) + "\n"


def dump(path) -> list[str]:
    """The SQL dump of the database file at ``path`` (what "the database is unchanged" compares)."""
    import sqlite3

    conn = sqlite3.connect(str(path))
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def plan():
    return default_plan()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A database migrated, with the plan and the test accounts loaded: built once per session."""
    path = tmp_path_factory.mktemp("template") / "tracker.db"
    conn = store.open_db(path)
    _add_test_accounts(conn)
    conn.close()    # the last connection checkpoints the WAL: the file alone is the whole database
    return path


@pytest.fixture
def db_file(tmp_path, monkeypatch, template_db) -> Path:
    """Path of a fresh database (a copy of the template); also set as the TRACKER_DB setting."""
    path = tmp_path / "tracker.db"
    shutil.copyfile(template_db, path)
    monkeypatch.setenv("TRACKER_DB", str(path))
    monkeypatch.setenv("TRACKER_BACKUP_DIR", str(tmp_path / "backups"))  # never into the repo's data/
    return path


@pytest.fixture
def db(db_file):
    conn = store.connect(db_file)
    yield conn
    conn.close()


TEST_PASSWORD = "test-password-123"
_test_hash: list[str] = []

#: Accounts every test database has, so tests can call the package's writes (which check roles,
#: see tracker.auth.authorize) with a plain name. All share TEST_PASSWORD.
TEST_ACCOUNTS = {"u": "analyst", "t": "analyst", "somchai": "analyst", "analyst": "analyst", "manager": "analyst",
                 "admin": "admin", "viewer": "viewer"}


def _test_password_hash() -> str:
    from tracker import auth

    if not _test_hash:
        _test_hash.append(auth.hash_password(TEST_PASSWORD))
    return _test_hash[0]


def _add_test_accounts(conn) -> None:
    conn["users"].insert_all(
        [{"username": name, "display_name": name, "role": role, "password_hash": _test_password_hash(),
          "created_at": store.now_iso()} for name, role in TEST_ACCOUNTS.items()], ignore=True)


def signed_in_session(db_path, role: str, *, now=None) -> str:
    """Create the account ``test-<role>`` (password TEST_PASSWORD) if missing; start a server-side session
    for it and return the session's id (what a tab keeps in ``st.session_state["auth"]``)."""
    from tracker import auth

    conn = store.connect(db_path)
    try:
        name = f"test-{role}"
        if auth.get_user(conn, name) is None:
            conn["users"].insert({"username": name, "display_name": f"Test {role}", "role": role,
                                  "password_hash": _test_password_hash(), "created_at": store.now_iso()})
        return auth.sessions.start(conn, name, now=now).session_id
    finally:
        conn.close()


@pytest.fixture
def app(db_file, monkeypatch):
    """Factory for AppTest of dashboard.py against the test database.

    ``app(lang="en", fy=2569, q=2, page="pages/plan.py")`` runs the app and returns the AppTest,
    signed in as an admin; ``user="viewer"``/``"analyst"`` signs in with that role, ``user=None`` not at all.
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
    from tracker.rollup import shared

    shared.clear()

    def run(lang: str = "th", fy: int | None = None, q: int | None = None, page: str | None = None,
            session: dict | None = None, query: dict | None = None, user: str | None = "admin") -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.session_state["lang"] = lang
        if user:  # signed in as test-<role> (viewer, analyst or admin); user=None: not signed in
            at.session_state["auth"] = signed_in_session(db_file, user)
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

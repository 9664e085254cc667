"""Issue #15 item 4: secure by default — demo accounts only while the database holds only demo data,
accounts a demo account made disabled when the demo goes, a fresh demo database opened by several
browsers at once, the demo server on this computer only, allowedHosts in the shipped config."""

from __future__ import annotations

import threading
import tomllib

import pytest

from tests.conftest import csv_text
from tracker import auth, ingest, store
from tracker.cli import setup as cli_setup
from tracker.settings import ROOT

DEMO = csv_text("""
    project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
    DM-001,2569,1,ถนนสาธิต,ENG,100,100
""")
REAL = csv_text("""
    project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
    RL-001,2569,1,ถนนจริง,ENG,100,100
""")
PW = "correct-horse-1"


def _load(db, text, *, demo: bool):
    pv = ingest.prepare(db, text.encode(), "demo.csv" if demo else "real.csv")
    return ingest.commit(db, pv, user="system:demo" if demo else "analyst", is_demo=demo)


def _can_sign_in(db, name) -> bool:
    pw = next(a["password"] for a in auth.DEMO_ACCOUNTS if a["username"] == name)
    return auth.authenticate(db, name, pw).ok


def test_demo_accounts_are_disabled_by_the_first_real_batch(db):
    _load(db, DEMO, demo=True)
    assert auth.ensure_demo_accounts(db)
    assert _can_sign_in(db, "demo-admin")
    _load(db, REAL, demo=False)
    assert auth.active_demo_accounts(db) == []
    assert not _can_sign_in(db, "demo-admin")
    assert auth.ensure_demo_accounts(db) == []          # not made again while real data is there
    assert auth.active_demo_accounts(db) == []


def test_accounts_a_demo_admin_made_or_changed_are_disabled_when_the_demo_goes(db):
    batch = _load(db, DEMO, demo=True)
    auth.ensure_demo_accounts(db)
    auth.create_user(db, "mallory", password=PW, role="admin", by="demo-admin")
    auth.reset_password(db, "viewer", PW, by="demo-admin")         # a real account taken over
    auth.create_user(db, "kept", password=PW, role="viewer", by="admin")
    ingest.rollback(db, batch.batch_id, user="admin")
    auth.ensure_demo_accounts(db)
    users = auth.list_users(db).set_index("username")
    assert "demo-admin" not in users.index
    assert users.loc["mallory", "disabled"] == 1 and users.loc["viewer", "disabled"] == 1
    assert users.loc["kept", "disabled"] == 0
    assert not auth.authenticate(db, "mallory", PW).ok
    assert store.audit_log(db, action="user_disable_demo_made")["target"].tolist() == ["viewer", "mallory"] or \
        set(store.audit_log(db, action="user_disable_demo_made")["target"]) == {"viewer", "mallory"}


def test_three_browsers_opening_a_fresh_demo_database_at_once_all_get_the_demo_accounts(db_file, db):
    _load(db, DEMO, demo=True)
    errors, start = [], threading.Barrier(3)

    def browser():
        conn = store.connect(db_file)
        try:
            start.wait()
            auth.ensure_demo_accounts(conn)
        except Exception as exc:   # noqa: BLE001 - the test reports any error
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=browser) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert sorted(a["username"] for a in auth.active_demo_accounts(db)) == ["demo-admin", "demo-analyst", "demo-viewer"]


def test_the_demo_server_listens_on_this_computer_only_unless_told(db_file, db, monkeypatch):
    _load(db, DEMO, demo=True)
    assert cli_setup.server_args(db) == ["--server.address", "127.0.0.1"]
    monkeypatch.setenv("TRACKER_ADDRESS", "0.0.0.0")
    monkeypatch.setenv("TRACKER_ALLOWED_HOSTS", "dashboard.khilek.local, 192.168.1.10")
    args = cli_setup.server_args(db)
    assert args[:2] == ["--server.address", "0.0.0.0"]
    hosts = [h for flag, h in zip(args[2::2], args[3::2]) if flag == "--server.allowedHosts"]
    assert hosts == ["localhost", "127.0.0.1", "::1", "dashboard.khilek.local", "192.168.1.10"]


def test_a_real_database_listens_as_configured(db):
    _load(db, REAL, demo=False)
    assert cli_setup.server_args(db) == []


def test_start_script_passes_the_server_arguments():
    script = (ROOT / "scripts" / "start.sh").read_text()
    assert "tracker server-args --prepare" in script
    assert "tracker init" not in script and "tracker demo" not in script     # one Python process, not three (#16)


@pytest.mark.slow
def test_server_args_prepare_creates_the_database_with_the_demo_and_prints_only_the_arguments(
        tmp_path, monkeypatch, capsys):
    from tracker.cli import main

    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "new.db"))
    monkeypatch.setenv("TRACKER_BACKUP_DIR", str(tmp_path / "backups"))
    assert main(["server-args", "--prepare"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["--server.address", "127.0.0.1"]       # demo data: this computer only
    assert "plan loaded" in err
    db = store.connect(tmp_path / "new.db")
    try:
        assert store.has_demo_data(db)
    finally:
        db.close()
    assert main(["server-args", "--prepare"]) == 0                        # again: nothing loaded twice
    assert "nothing to do" in capsys.readouterr().err


def test_shipped_config_limits_the_hosts_the_websocket_accepts():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert set(config["server"]["allowedHosts"]) >= {"localhost", "127.0.0.1"}
    assert "*" not in config["server"]["allowedHosts"]


@pytest.mark.parametrize("argv", [["server-args"]])
def test_server_args_command_prints_one_argument_a_line(db_file, db, argv, capsys):
    from tracker.cli import main

    _load(db, DEMO, demo=True)
    assert main(argv) == 0
    assert capsys.readouterr().out.splitlines() == ["--server.address", "127.0.0.1"]


def test_every_setting_is_explained_in_both_languages():
    from tracker import settings
    from tracker.i18n import t

    for s in settings.SETTINGS:
        th, en = t(f"setting.{s.name}", "th"), t(f"setting.{s.name}", "en")
        assert th and en and th != en, s.name

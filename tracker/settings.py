"""Settings, declared once (name, default, help).

Each setting is read from the environment variable ``TRACKER_<NAME upper>``; the README's settings
table is checked against :data:`SETTINGS` by a test. Paths are relative to the project root.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str
    kind: type = str

    @property
    def env(self) -> str:
        return "TRACKER_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "data/tracker.db", "SQLite database file (created on first start)."),
    Setting("plan", "plan/khilek.yaml", "Plan file loaded into the database (vision, goals, indicators, targets)."),
    Setting("max_upload_mb", "20", "Largest file an analyst may upload, in MB.", int),
    Setting("public_read", "0", "1 = anyone on the network may view without signing in (meeting-room screen).", bool),
    Setting("session_minutes", "480", "A signed-in session expires after this many minutes.", int),
    Setting("lockout_failures", "5", "Failed sign-ins in a row before an account is locked.", int),
    Setting("lockout_minutes", "15", "How long a locked account stays locked.", int),
    Setting("backups_keep", "10", "How many automatic backups to keep in data/backups/.", int),
    Setting("snapshot_dir", "data/snapshots", "Folder of pinned meeting snapshots."),
    Setting("backup_dir", "data/backups", "Folder of database backups."),
    Setting("demo_accounts", "1", "1 = create demo accounts (only while demo data is loaded).", bool),
    Setting("address", "", "Address the server listens on (empty: 127.0.0.1 while the database holds demo data, "
                           "else Streamlit's setting; 0.0.0.0 = every interface)."),
    Setting("allowed_hosts", "", "Host names browsers may use, comma-separated (added to .streamlit/config.toml's "
                                 "localhost names; needed when serving to other computers)."),
    Setting("user", "", "A note recorded with command-line actions, as cli:<os user>/<note> (--user overrides)."),
    Setting("today", "", "The date taken as today, YYYY-MM-DD (empty = the real date in Bangkok): decides which quarters have begun and which years are closed; set it to see the figures as they were on that day."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str):
    """Value of setting ``name``: the environment variable if set, else the default, typed."""
    s = _BY_NAME[name]
    raw = os.environ.get(s.env, s.default)
    if s.kind is int:
        return int(raw)
    if s.kind is bool:
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return raw


def path(name: str) -> Path:
    """A path setting resolved against the project root (absolute paths are kept)."""
    p = Path(get(name))
    return p if p.is_absolute() else ROOT / p

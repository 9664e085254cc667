"""The README stays true: its two commands, its settings table, its CLI list."""

import re
from pathlib import Path

from tracker.cli import build_parser
from tracker.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_settings_table_matches_declared_settings():
    rows = re.findall(r"^\| `(TRACKER_[A-Z_]+)` \| `([^`]*)` \| (.+?) \|$", README, re.M)
    assert {(env, default) for env, default, _ in rows} == {(s.env, s.default) for s in SETTINGS}


def test_readme_gives_the_two_commands_and_ci_runs_the_test_command():
    assert "bash scripts/start.sh" in README
    assert "bash scripts/test.sh" in README
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def test_every_cli_command_is_documented():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"python -m tracker {name}" in README, name

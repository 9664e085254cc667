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


def test_readme_writes_the_method_exactly_as_the_app_shows_it():
    """The README's method (both languages) is the method page's text, and its worked examples are the
    ones the page computes with the real functions at the default settings — so the README alone
    reproduces every figure."""
    from tracker import method, rollup
    from tracker.plan import default_plan

    default_plan()           # the organization's words ({org_ordinance}) in force
    th = rollup.thresholds_of({})
    for lang in ("th", "en"):
        assert method.body(lang) in README, lang
        for example in method.examples(lang, th):
            assert example in README, example[:60]


def test_worked_examples_show_the_rules_that_matter():
    from tracker import method, rollup

    ex = method.examples("en", rollup.thresholds_of({}))
    assert "E = 1.5 × 0.45 = 0.675 (shown 0.68)" in ex[0] and "88.9% → ▲ At risk" in ex[0]
    assert "E = 82 + (85 − 82) × 0.5 = 83.5" in ex[1] and "ratio 97.0% but status ✖ Off track" in ex[1]
    assert "r = 0.799875 → P = 80.0% → ▲ At risk" in ex[2]
    assert "assessed 3 of 4 indicators" in ex[3] and "96.3% → ▲ At risk" in ex[3]
    assert "assessed 1 of 4 indicators (25.0% < 50.0%) → ◔ Insufficient data" in ex[3]
    assert "92.0% → △ Nearly achieved" in ex[4]

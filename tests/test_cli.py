"""The command line's one error handler and one rule for the acting user."""

from __future__ import annotations

import pytest

from tests.conftest import csv_text
from tracker import store
from tracker.cli import build_parser, main

RESULTS = csv_text("""
    indicator_code,fiscal_year,quarter,value
    G1-I01,2569,1,80
""")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("lang, words", [("th", "ไม่พบชุดข้อมูลที่ 99"), ("en", "There is no batch 99")])
def test_a_refusal_is_printed_in_the_chosen_language_and_exits_1(db_file, capsys, lang, words):
    code, out, err = run(capsys, "rollback", "99", "--lang", lang)
    assert code == 1 and words in err and out == ""
    assert "Traceback" not in err


def test_every_command_takes_db_and_lang():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name, parser in sub.choices.items():
        actions = {a.dest for a in parser._actions}
        nested = [a for a in parser._actions if a.dest.endswith("_command")]
        for p in ([*nested[0].choices.values()] if nested else [parser]):
            assert {"db", "lang"} <= {a.dest for a in p._actions}, name


def test_the_acting_user_is_the_os_user_with_user_then_the_setting_as_a_note(db_file, tmp_path, capsys,
                                                                              monkeypatch):
    from tracker.cli.common import os_user

    f = tmp_path / "r.csv"
    f.write_text(RESULTS, encoding="utf-8")
    monkeypatch.setenv("TRACKER_USER", "somsak")
    assert run(capsys, "import", str(f))[0] == 0
    db = store.connect(db_file)
    try:
        assert store.batches(db)["username"].tolist() == [f"cli:{os_user()}/somsak"]
    finally:
        db.close()


def test_an_account_named_on_the_command_line_is_only_a_note(db_file, tmp_path, capsys):
    f = tmp_path / "r.csv"
    f.write_text(RESULTS, encoding="utf-8")
    code, out, _ = run(capsys, "import", str(f), "--user", "viewer", "--lang", "en")   # a viewer account
    assert code == 0 and "/viewer" in out          # the operator imports; the note does not lend a role

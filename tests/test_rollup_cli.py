"""``python -m tracker summary`` prints the figures the pages show."""

import json

import pytest

from tests.dashboard_data import load_small_dataset
from tracker import rollup
from tracker.cli import main


@pytest.fixture
def data(db):
    load_small_dataset(db)
    return db


def test_summary_json_equals_the_rollup(data, db_file, capsys):
    assert main(["summary", "--db", str(db_file), "--fy", "2569", "--quarter", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == json.loads(json.dumps(rollup.summary(data, 2569, 2)))
    assert out["totals"]["budget"]["disbursed"] == 5_030_000


def test_summary_accepts_ce_year_and_defaults_as_the_pages_open(data, db_file, capsys):
    assert main(["summary", "--db", str(db_file), "--fy", "2026", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["fiscal_year"], out["quarter"]) == (2569, 2)


def test_summary_table_is_readable_and_written_by_the_formatter(data, db_file, capsys):
    assert main(["summary", "--db", str(db_file), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "FY2569 (Oct 2025 – Sep 2026) · Q2 (Jan–Mar 2026)" in text and "data incomplete" in text
    assert "5,030,000" in text and "G3-I02" in text and "○ No data this quarter" in text
    assert "96.3%" in text and "assessed 3 of 4 indicators" in text
    assert main(["summary", "--db", str(db_file), "--lang", "th"]) == 0
    text = capsys.readouterr().out
    assert "ประเมินได้ 3 จาก 4 ตัวชี้วัด" in text and "▲ เสี่ยง" in text


def test_summary_json_has_raw_numbers_and_their_texts(data, db_file, capsys):
    from tracker import fmt

    assert main(["summary", "--db", str(db_file), "--fy", "2569", "--quarter", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for g in out["goals"]:
        for lang in ("th", "en"):
            assert g["text"][lang]["score"] == fmt.figure("percent", g["score"], lang=lang)
            assert g["text"][lang]["allocated"] == fmt.figure("money_baht", g["budget"]["allocated"], lang=lang)
    for i in out["indicators"]:
        assert i["text"]["en"]["expected"] == fmt.figure("value", i["expected"], lang="en")
    assert out["settings"]["min_coverage"] == 0.5 and out["settings"]["year_end"] == {"achieved": 1.0, "nearly": 0.8}


def test_summary_on_an_empty_database(db_file, capsys):
    assert main(["summary", "--db", str(db_file), "--fy", "2569", "--quarter", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert all(g["score"] is None for g in out["goals"])

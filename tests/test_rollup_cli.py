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


def test_summary_accepts_ce_year_and_defaults_to_latest_quarter(data, db_file, capsys):
    assert main(["summary", "--db", str(db_file), "--fy", "2026", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["fiscal_year"], out["quarter"]) == (2569, 2)


def test_summary_table_is_readable(data, db_file, capsys):
    assert main(["summary", "--db", str(db_file)]) == 0
    text = capsys.readouterr().out
    assert "FY2569 (Oct 2025 – Sep 2026), as of Q2" in text and "5,030,000 THB" in text and "G3-I02" in text and "off_track" in text


def test_summary_on_an_empty_database(db_file, capsys):
    assert main(["summary", "--db", str(db_file), "--fy", "2569", "--quarter", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert all(g["score"] is None for g in out["goals"])

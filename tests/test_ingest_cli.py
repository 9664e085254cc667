"""``python -m tracker import / batches / rollback / templates``: exit codes and output."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import csv_text
from tracker import store
from tracker.cli import main
from tracker.ingest.contract import KINDS
from tracker.ingest.templates import TEMPLATE_DIR, template_csv, template_xlsx, write_templates

GOOD = csv_text("""
    รหัสตัวชี้วัด,ปีงบประมาณ,ไตรมาส,ผลการดำเนินงาน,หมายเหตุ
    G1-I02,2569,ไตรมาส 2,"1,250",สะสม ต.ค.–มี.ค.
    G1-I04,2026,Q2,0.85,
""")
BAD = GOOD + "G1-I03,2569,5,สูง,\n"


@pytest.fixture
def files(tmp_path):
    good, bad = tmp_path / "ผลตัวชี้วัด.csv", tmp_path / "bad.csv"
    good.write_bytes(GOOD.encode("cp874"))
    bad.write_bytes(BAD.encode("utf-8-sig"))
    return good, bad


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_commits_and_prints_the_receipt(db_file, files, capsys):
    code, out, _ = run(capsys, "import", str(files[0]), "--user", "somchai", "--lang", "en")
    assert code == 0
    assert "kind: indicator_results" in out and "encoding: cp874" in out and "new: 2" in out
    assert "batch 1: indicator_results from ผลตัวชี้วัด.csv by cli:" in out and "/somchai" in out
    db = store.connect(db_file)
    assert store.results(db)["value"].tolist() == [1250.0, 0.85]


def test_import_of_a_bad_file_exits_1_and_prints_every_problem_as_a_table(db_file, files, capsys):
    code, out, err = run(capsys, "import", str(files[1]))
    assert code == 1
    assert "row" in out and "quarter_out_of_range" in out and "not_a_number" in out
    assert "แถว 4 คอลัมน์ 'ไตรมาส': '5' ไม่ใช่ไตรมาส 1–4 — แก้เป็นเลข 1 ถึง 4" in out   # whole message, not cut
    assert "ข้อผิดพลาด 2 รายการ" in err
    assert store.results(store.connect(db_file)).empty


def test_dry_run_writes_nothing_and_the_same_file_again_is_nothing_to_do(db_file, files, capsys):
    assert run(capsys, "import", str(files[0]), "--dry-run", "--lang", "en")[0] == 0
    assert store.results(store.connect(db_file)).empty
    assert run(capsys, "import", str(files[0]))[0] == 0
    code, out, _ = run(capsys, "import", str(files[0]), "--lang", "en")
    assert code == 0 and "Nothing to change" in out and "batch 1" in out


def test_bad_usage_exits_2(db_file, files, capsys):
    assert run(capsys, "import", "no-such-file.csv")[0] == 2
    with pytest.raises(SystemExit) as exc:
        main(["import", str(files[0]), "--kind", "sales"])
    assert exc.value.code == 2


def test_batches_lists_receipts_and_rollback_undoes_or_refuses(db_file, files, capsys):
    run(capsys, "import", str(files[0]), "--user", "somchai")
    code, out, _ = run(capsys, "batches")
    assert code == 0 and "ผลตัวชี้วัด.csv" in out and "somchai" in out and "committed" in out
    code, out, _ = run(capsys, "rollback", "1", "--lang", "en", "--user", "manager")
    assert code == 0 and "Rolled back batch 1" in out
    assert store.results(store.connect(db_file)).empty
    code, _, err = run(capsys, "rollback", "1", "--lang", "en")
    assert code == 1 and "already rolled back" in err
    assert "rolled_back" in run(capsys, "batches")[1]


def test_templates_command_writes_a_csv_and_an_xlsx_per_kind(tmp_path, capsys):
    code, out, _ = run(capsys, "templates", "--out", str(tmp_path))
    assert code == 0 and len(out.split()) == 2 * len(KINDS)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k}.{e}" for k in KINDS for e in ("csv", "xlsx"))


# ------------------------------------------------------------------ templates


def _cells(data: bytes) -> dict:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}


@pytest.mark.parametrize("kind", list(KINDS))
def test_committed_templates_equal_the_generated_ones(kind):
    assert (TEMPLATE_DIR / f"{kind}.csv").read_bytes() == template_csv(kind)
    assert _cells((TEMPLATE_DIR / f"{kind}.xlsx").read_bytes()) == _cells(template_xlsx(kind))


@pytest.mark.parametrize("kind", list(KINDS))
def test_templates_are_recognised_and_the_xlsx_has_thai_and_english_notes(db, kind):
    from tracker import ingest

    csv_bytes = template_csv(kind)
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    for data, name in ((csv_bytes, "t.csv"), (template_xlsx(kind), "t.xlsx")):
        pv = ingest.prepare(db, data, name)
        assert pv.kind == kind and pv.problems["code"].tolist() == ["empty_file"]
    wb = openpyxl.load_workbook(io.BytesIO(template_xlsx(kind)))
    data_sheet, notes = wb.worksheets
    first = KINDS[kind].columns[0]
    assert data_sheet["A1"].value == first.name and first.th in data_sheet["A1"].comment.text
    example = [c.example for c in KINDS[kind].columns]
    assert [c.value for c in list(notes.iter_rows())[-1]][:len(example)] == example


def test_write_templates_defaults_to_data_templates(tmp_path):
    assert all(Path(p).parent == tmp_path for p in write_templates(tmp_path))


def test_template_notes_say_which_figures_are_the_quarters_own_and_which_cumulative():
    notes = openpyxl.load_workbook(io.BytesIO(template_xlsx("project_progress"))).worksheets[1]
    rows = {r[0]: r for r in notes.iter_rows(values_only=True) if r and r[0]}
    assert rows["disbursed"][6].startswith("สะสมตั้งแต่ต้นปีงบประมาณ") and rows["disbursed"][7].startswith("Cumulative")
    assert "สะสม ณ สิ้นไตรมาส" in notes["A1"].value and "cumulative at the end of the quarter" in notes["A2"].value
    results = openpyxl.load_workbook(io.BytesIO(template_xlsx("indicator_results")))
    value = {r[0]: r for r in results.worksheets[1].iter_rows(values_only=True) if r and r[0]}["value"]
    assert "ผลรวม: ผลเฉพาะไตรมาสนี้ (ไม่สะสม)" in value[6] and "ค่าล่าสุด: ค่า ณ สิ้นไตรมาสนี้" in value[6]
    assert "ไม่สะสม" in results.worksheets[0]["D1"].comment.text          # the header's own note says it too

"""Saved column mappings: a finance export in its own layout is mapped once; the next file of that layout
imports without asking; problems name the analyst's own headers; nothing is written until the mapping is
saved, and saving is audited."""

from __future__ import annotations

import pytest

from tests.conftest import csv_text
from tracker import ingest, store
from tracker.ingest import mappings
from tracker.auth import PermissionDenied

PROJECTS = csv_text("""
    รหัสโครงการ,ปีงบประมาณ,เป้าประสงค์,ชื่อโครงการ,หน่วยงานรับผิดชอบ,งบตามแผน,งบตามข้อบัญญัติ
    G1-P01,2569,1,ก่อสร้างถนนคอนกรีตเสริมเหล็ก,กองช่าง,"1,250,000","1,180,000"
    G1-P02,2569,1,ขยายเขตประปาหมู่บ้าน,กองช่าง,500000,450000
""")
#: a finance system's export: its own headers and words
EXPORT = csv_text("""
    เลขที่โครงการ,ปีงบ,งวด,ผลการดำเนินการ,ร้อยละงาน,ยอดผูกพัน,ยอดเบิก,ศูนย์ต้นทุน
    G1-P01,2569,1,กำลังทำ,40,"1,180,000","472,000",งานคลัง
    G1-P02,2569,1,เสร็จแล้ว,100,"450,000","450,000",งานคลัง
""")
COLUMNS = {"เลขที่โครงการ": "project_code", "ปีงบ": "fiscal_year", "งวด": "quarter", "ผลการดำเนินการ": "status",
           "ร้อยละงาน": "progress_pct", "ยอดผูกพัน": "committed", "ยอดเบิก": "disbursed", "ศูนย์ต้นทุน": ""}
WORDS = {"status": {"กำลังทำ": "in_progress", "เสร็จแล้ว": "completed"}}


@pytest.fixture
def pdb(db):
    pv = ingest.prepare(db, PROJECTS.encode(), "projects.csv")
    ingest.commit(db, pv, user="analyst")
    return db


def test_a_file_in_another_layout_is_refused_until_mapped_and_nothing_is_written(pdb):
    before = list(pdb.conn.iterdump())
    pv = ingest.prepare(pdb, EXPORT.encode(), "export.csv")
    assert pv.errors["code"].tolist() == ["unknown_kind"] and pv.headers[0] == "เลขที่โครงการ"
    assert mappings.words_to_map(pv.raw, "ผลการดำเนินการ", "status", pv.plan) == ["กำลังทำ", "เสร็จแล้ว"]
    assert list(pdb.conn.iterdump()) == before


def test_mapped_once_the_next_file_of_that_layout_imports_without_asking(pdb):
    mappings.save_mapping(pdb, name="ระบบบัญชี", kind="project_progress", columns=COLUMNS, value_words=WORDS,
                          user="analyst")
    pv = ingest.prepare(pdb, EXPORT.encode(), "export-q1.csv")
    assert pv.mapping_name == "ระบบบัญชี" and pv.kind == "project_progress"
    assert pv.counts["errors"] == 0 and pv.counts["warnings"] == 0, pv.problems["message_en"].tolist()
    assert pv.rows["status"].tolist() == ["in_progress", "completed"]
    ingest.commit(pdb, pv, user="analyst")
    # next quarter, same layout, columns in another order: read without mapping again
    q2 = csv_text("""
        ยอดเบิก,เลขที่โครงการ,ปีงบ,งวด,ผลการดำเนินการ,ร้อยละงาน,ยอดผูกพัน,ศูนย์ต้นทุน
        "900,000",G1-P01,2569,2,กำลังทำ,80,"1,180,000",งานคลัง
    """)
    pv = ingest.prepare(pdb, q2.encode("cp874"), "export-q2.csv")
    assert pv.mapping_name == "ระบบบัญชี" and pv.n_new == 1 and not pv.has_errors
    audit = store.audit_log(pdb, action="mapping_save")
    assert len(audit) == 1 and "ระบบบัญชี" in audit["detail"].iloc[0]


def test_problems_of_a_mapped_file_name_the_analysts_own_headers(pdb):
    mappings.save_mapping(pdb, name="ระบบบัญชี", kind="project_progress", columns=COLUMNS, value_words=WORDS,
                          user="analyst")
    bad = EXPORT.replace("กำลังทำ", "รอตรวจ").replace(",40,", ",140,")
    pv = ingest.prepare(pdb, bad.encode(), "export.csv")
    assert set(pv.errors["column"]) == {"ผลการดำเนินการ", "ร้อยละงาน"}
    assert "คอลัมน์ 'ผลการดำเนินการ'" in " ".join(pv.errors["message_th"])


def test_department_words_of_a_mapping_become_the_offices_aliases(pdb):
    text = csv_text("""
        เลขที่,ปี,เป้า,โครงการที่ได้รับ,ส่วนงาน,แผน,ได้รับจัดสรร
        G2-P01,2569,2,ส่งเสริมอาชีพ,งานคลัง,"1,250,000.00","1,000,000.00"
    """)
    columns = {"เลขที่": "project_code", "ปี": "fiscal_year", "เป้า": "goal", "โครงการที่ได้รับ": "name_th",
               "ส่วนงาน": "department", "แผน": "planned_budget", "ได้รับจัดสรร": "allocated_budget"}
    pv = ingest.prepare(pdb, text.encode(), "budget.csv")
    assert pv.has_errors
    mappings.save_mapping(pdb, name="งบจากระบบบัญชี", kind="projects", columns=columns,
                          value_words={"department": {"งานคลัง": "FIN"}}, user="analyst")
    pv = ingest.prepare(pdb, text.encode(), "budget.csv")
    assert pv.rows["department"].tolist() == ["FIN"] and not pv.has_errors
    aliases = store.planbook.department_aliases(pdb) if hasattr(store, "planbook") else None
    from tracker.store import planbook
    aliases = planbook.department_aliases(pdb)
    assert aliases.set_index("written").loc["งานคลัง", "department"] == "FIN"


@pytest.mark.parametrize("columns, code", [
    ({**COLUMNS, "ยอดเบิก": ""}, "missing"),                      # a required column left out
    ({**COLUMNS, "ยอดเบิก": "committed"}, "twice"),               # two file columns into one
])
def test_an_incomplete_mapping_is_refused_and_not_saved(pdb, columns, code):
    with pytest.raises(mappings.MappingRefused) as exc:
        mappings.save_mapping(pdb, name="x", kind="project_progress", columns=columns, user="analyst")
    assert exc.value.code == code and "'" in exc.value.message("th")
    assert store.mappings.mappings(pdb).empty if hasattr(store, "mappings") else True


def test_only_signed_in_roles_save_and_only_admins_delete(pdb):
    with pytest.raises(PermissionDenied):
        mappings.save_mapping(pdb, name="x", kind="project_progress", columns=COLUMNS, user="viewer")
    mid = mappings.save_mapping(pdb, name="x", kind="project_progress", columns=COLUMNS, user="analyst")
    with pytest.raises(PermissionDenied):
        mappings.delete_mapping(pdb, mid, user="analyst")
    mappings.delete_mapping(pdb, mid, user="admin")
    assert ingest.prepare(pdb, EXPORT.encode(), "export.csv").errors["code"].tolist() == ["unknown_kind"]
    assert store.audit_log(pdb, action="mapping_delete")["username"].tolist() == ["admin"]


def test_a_web_report_saved_as_xls_is_read_as_its_table(pdb):
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874">
        <title>รายงาน</title></head><body><h3>รายงานผลการดำเนินงาน</h3><table><tr><td>เมนู</td></tr></table>
        <table border="1"><tr><th>รหัสโครงการ</th><th>ปีงบประมาณ</th><th>ไตรมาส</th><th>สถานะ</th>
        <th>ความก้าวหน้า %</th><th>ก่อหนี้ผูกพัน</th><th>เบิกจ่ายสะสม</th></tr>
        <tr><td>G1-P01</td><td>๒๕๖๙</td><td>1</td><td>อยู่ระหว่างดำเนินการ</td><td>40</td><td>1,180,000</td>
        <td>472,000</td></tr></table></body></html>"""
    pv = ingest.prepare(pdb, page.encode("cp874"), "report.xls")
    assert pv.format == "html" and pv.kind == "project_progress"
    assert not pv.has_errors, pv.errors["message_en"].tolist()
    assert pv.rows["disbursed"].tolist() == [472_000] and pv.rows["fiscal_year"].tolist() == [2569]
    empty = ingest.prepare(pdb, b"<html><body><p>no data</p><table></table></body></html>", "x.xls")
    assert empty.errors["code"].tolist() in (["html_without_table"], ["empty_file"])


def test_departments_as_offices_write_them_and_money_closed_with_a_dash_are_read(pdb):
    text = csv_text('''
        รหัสโครงการ,ปีงบประมาณ,เป้าประสงค์,ชื่อโครงการ,หน่วยงานรับผิดชอบ,งบตามแผน,งบตามข้อบัญญัติ
        G3-P01,2569,3,อบรมเด็กเล็ก,กองการศึกษาฯ,"120,000.-","100,000.-"
        G3-P02,2569,3,ศูนย์ผู้สูงอายุ,สำนักงานปลัด,"1,250,000.- บาท",-
        G1-P03,2569,1,ขยายเขตไฟฟ้า,"กองช่าง
        งานสาธารณูปโภค",500000,450000
        G1-P04,2569,1,ป้ายชื่อหมู่บ้าน,กองยุทธศาสตร์และงบประมาณ,1000,1000
    ''')
    pv = ingest.prepare(pdb, text.encode(), "projects.csv")
    assert pv.rows["department"].tolist()[:3] == ["EDU", "PAL", "ENG"]
    assert pv.rows["planned_budget"].tolist()[:3] == [120_000, 1_250_000, 500_000]
    assert pv.rows["allocated_budget"].tolist()[:2] == [100_000, 0]
    # a division outside the plan's six is never forced into one
    assert pv.errors["code"].tolist() == ["unknown_department"] and pv.errors["row"].tolist() == [5]
    from tracker.ingest import present
    assert present.row_table(pv, "th")["งบตามแผน"].iloc[0] == "120,000.- → 120,000"


def test_an_admin_edits_a_saved_mapping_in_place_and_the_next_file_is_read_the_edited_way(pdb):
    mid = mappings.save_mapping(pdb, name="ระบบบัญชี", kind="project_progress", value_words=WORDS, user="analyst",
                                columns={**COLUMNS, "ยอดผูกพัน": "disbursed", "ยอดเบิก": "committed"})   # swapped
    assert ingest.prepare(pdb, EXPORT.encode(), "export.csv").rows["disbursed"].tolist() == [1_180_000, 450_000]
    with pytest.raises(PermissionDenied):
        mappings.edit_mapping(pdb, mid, name="x", columns=COLUMNS, user="analyst")
    mappings.edit_mapping(pdb, mid, name="ระบบบัญชี (แก้)", columns=COLUMNS, user="admin")
    pv = ingest.prepare(pdb, EXPORT.encode(), "export.csv")
    assert pv.mapping_name == "ระบบบัญชี (แก้)" and pv.rows["disbursed"].tolist() == [472_000, 450_000]
    assert pv.rows["status"].tolist() == ["in_progress", "completed"]     # the value words kept
    from tracker.store import mappings as store_mappings
    saved = store_mappings.by_id(pdb, mid)
    assert saved["created_by"] == "analyst" and saved["updated_by"] == "admin"
    audit = store.audit_log(pdb, action="mapping_edit")
    assert audit["username"].tolist() == ["admin"] and "ระบบบัญชี (แก้)" in audit["detail"].iloc[0]


def test_an_edit_that_breaks_a_mapping_or_takes_another_ones_name_is_refused_and_changes_nothing(pdb):
    mid = mappings.save_mapping(pdb, name="ก", kind="project_progress", columns=COLUMNS, user="analyst")
    mappings.save_mapping(pdb, name="ข", kind="projects", user="analyst", columns={
        "เลขที่": "project_code", "ปี": "fiscal_year", "เป้า": "goal", "ชื่อ": "name_th", "ส่วนงาน": "department",
        "แผน": "planned_budget", "ได้รับ": "allocated_budget"})
    before = list(pdb.conn.iterdump())
    for name, columns, code in (("ข", COLUMNS, "name_taken"), ("ก", {**COLUMNS, "ยอดเบิก": ""}, "missing"),
                                ("ก", {**COLUMNS, "ยอดเบิก": "committed"}, "twice")):
        with pytest.raises(mappings.MappingRefused) as exc:
            mappings.edit_mapping(pdb, mid, name=name, columns=columns, user="admin")
        assert exc.value.code == code
    assert list(pdb.conn.iterdump()) == before

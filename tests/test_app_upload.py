"""Upload page and history page through the real entry point: upload -> preview -> confirm ->
the overview shows the new figures; problems shown; rollback from the history page."""

from __future__ import annotations

import pytest

from tests.conftest import csv_text
from tracker import store

PROJECTS = csv_text("""
    รหัสโครงการ,ปีงบประมาณ,เป้าประสงค์,ชื่อโครงการ,หน่วยงานรับผิดชอบ,หมู่ที่,งบตามแผน,งบตามข้อบัญญัติ
    G1-P01,2569,1,ก่อสร้างถนนคอนกรีตเสริมเหล็ก,กองช่าง,1;3,"1,250,000","1,180,000"
    G1-P02,2569,1,ขยายเขตประปาหมู่บ้าน,กองช่าง,2,500000,450000
""")
PROGRESS = csv_text("""
    รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ก่อหนี้ผูกพัน,เบิกจ่ายสะสม
    G1-P01,2569,ไตรมาส 1,อยู่ระหว่างดำเนินการ,40,"1,180,000","472,000"
    G1-P02,2569,ไตรมาส 1,ดำเนินการแล้วเสร็จ,100,"450,000","450,000"
""")
BAD = PROGRESS + "G1-P01,2569,5,รออนุมัติ,40,0,0\n"


def texts(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "title", "subheader", "info", "warning", "success", "error"):
        parts += [str(e.value) for e in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return " ".join(parts).replace("\\", "")      # file names are shown Markdown-escaped


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def upload(at, name: str, data: bytes, mime: str = "text/csv"):
    at.file_uploader(key="upload_file").upload(name, data, mime)
    return at.run()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_upload_and_history_pages_render_in_both_languages(app, lang):
    at = app(lang=lang, page="pages/upload.py")
    assert not at.exception, at.exception
    # CSV and XLSX template per kind; XLSX, CSV and every department's ZIP per form (projects too)
    assert len(at.download_button) == 21      # 4 kinds × 2 templates (the survey too, #13) + 3 forms × 3 + survey form 2 rounds × 2
    assert ("นำเข้าข้อมูลรายไตรมาส" if lang == "th" else "Quarterly data upload") in texts(at)
    at.switch_page("pages/history.py").run()
    assert not at.exception
    assert ("ยังไม่มีการนำเข้าข้อมูล" if lang == "th" else "Nothing has been imported yet") in texts(at)


def test_upload_preview_confirm_then_the_overview_shows_the_new_figures(app, db_file):
    at = app(lang="en", fy=2569, q=1, page="pages/upload.py")
    upload(at, "projects.csv", PROJECTS.encode("cp874"))
    assert not at.exception, at.exception
    assert metric(at, "New") == "2" and metric(at, "Errors") == "0"
    assert "encoding: cp874" in texts(at)
    assert store.projects(store.connect(db_file)).empty          # nothing written before confirming
    at.button(key="upload_confirm").click().run()
    assert not at.exception, at.exception
    assert "Imported batch 1: 2 new" in texts(at)
    assert "Nothing to change" not in texts(at)                   # the receipt is the last word on this file
    assert not [b for b in at.button if b.key == "upload_confirm"]

    upload(at, "progress-q1.csv", PROGRESS.encode("utf-8-sig"))
    assert metric(at, "New") == "2"
    at.button(key="upload_confirm").click().run()
    assert "Imported batch 2" in texts(at)

    at.switch_page("pages/overview.py").run()
    assert not at.exception, at.exception
    t = texts(at)
    # allocated 1,630,000 and disbursed 922,000 baht, in whichever unit the overview chooses
    assert "1.63" in t or "1,630,000" in t
    assert "0.92" in t or "922,000" in t


def test_changed_rows_show_old_and_new_values(app):
    at = app(lang="en", page="pages/upload.py")
    upload(at, "projects.csv", PROJECTS.encode("utf-8-sig"))
    at.button(key="upload_confirm").click().run()
    upload(at, "projects-rev1.csv", PROJECTS.replace('"1,180,000"', '"1,200,000"').encode("utf-8-sig"))
    assert metric(at, "Changed") == "1" and metric(at, "Unchanged") == "1"
    changes = next(d.value for d in at.dataframe if "Old" in d.value.columns)
    assert changes.iloc[0].tolist() == [2, "G1-P01 / 2569", "งบตามข้อบัญญัติ", "1,180,000", "1,200,000"]
    rows = next(d.value for d in at.dataframe if "Does" in d.value.columns)   # every row as read
    assert rows["Does"].tolist() == ["✎ Changed", "= Unchanged"]
    assert rows["งบตามข้อบัญญัติ"].tolist() == ["1,200,000", "450,000"]


def test_warnings_must_be_ticked_before_confirm(app, db_file):
    at = app(lang="th", page="pages/upload.py")
    upload(at, "projects.csv", PROJECTS.encode("utf-8-sig"))
    at.button(key="upload_confirm").click().run()
    upload(at, "q1.csv", PROGRESS.encode("utf-8-sig"))
    at.button(key="upload_confirm").click().run()
    q2 = PROGRESS.replace("ไตรมาส 1", "ไตรมาส 2").replace(",40,", ",0.5,")    # 50 % read as 0.5
    upload(at, "q2.csv", q2.encode("utf-8-sig"))
    assert not at.exception, at.exception
    assert "ดูเล็กไป 100 เท่า" in " ".join(at.dataframe[0].value["รายละเอียดและวิธีแก้"])
    assert at.button(key="upload_confirm").disabled
    next(c for c in at.checkbox if c.key.startswith("upload_checked_")).check().run()
    assert not at.button(key="upload_confirm").disabled
    at.button(key="upload_confirm").click().run()
    assert "นำเข้าชุดที่ 3" in texts(at)
    assert len(store.progress(store.connect(db_file))) == 4


def test_a_bad_file_shows_every_problem_and_offers_no_confirm(app, db_file):
    at = app(lang="th", page="pages/upload.py")
    upload(at, "projects.csv", PROJECTS.encode("cp874"))
    at.button(key="upload_confirm").click().run()
    upload(at, "bad.csv", BAD.encode("cp874"))
    assert not at.exception, at.exception
    problems = at.dataframe[0].value
    messages = " ".join(problems["รายละเอียดและวิธีแก้"])
    assert "แถว 4 คอลัมน์ 'ไตรมาส': '5' ไม่ใช่ไตรมาส 1–4 — แก้เป็นเลข 1 ถึง 4" in messages
    assert "'รออนุมัติ' ไม่ใช่สถานะที่รู้จัก" in messages
    assert "ข้อผิดพลาด 2 รายการ" in texts(at)
    assert not [b for b in at.button if b.key == "upload_confirm"]
    assert any(b.label == "ดาวน์โหลดรายการปัญหา (CSV)" for b in at.download_button)
    assert store.progress(store.connect(db_file)).empty


def test_history_lists_batches_and_rolls_back_after_confirmation(app, db_file):
    at = app(lang="en", page="pages/upload.py")
    upload(at, "projects.csv", PROJECTS.encode("cp874"))
    at.button(key="upload_confirm").click().run()
    upload(at, "progress.csv", PROGRESS.encode("cp874"))
    at.button(key="upload_confirm").click().run()
    at.switch_page("pages/history.py").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert table["File"].tolist() == ["progress.csv", "projects.csv"]
    assert "✔ Committed" in table["Status"].tolist()

    at.selectbox(key="rollback_pick_0").set_value(1).run()   # the projects: progress of them was loaded later
    rows = at.dataframe[1].value                              # the batch's rows, before any confirmation
    assert rows["Record"].tolist() == ["G1-P01 / 2569", "G1-P02 / 2569"]
    assert rows["What the batch did"].tolist() == ["Created", "Created"]
    assert rows["If rolled back"].tolist() == ["The row is removed"] * 2
    at.checkbox(key="rollback_sure_0").check()
    at.form_submit_button[0].click().run()
    assert not at.exception, at.exception
    assert "Batch 1 can't be rolled back" in texts(at) and "progress.csv" in texts(at)

    at.selectbox(key="rollback_pick_0").set_value(2).run()
    at.checkbox(key="rollback_sure_0").uncheck()
    at.form_submit_button[0].click().run()
    assert "Tick the confirmation box" in texts(at)
    assert not store.progress(store.connect(db_file)).empty

    at.checkbox(key="rollback_sure_0").check()
    at.form_submit_button[0].click().run()
    assert not at.exception, at.exception
    assert "Rolled back batch 2: 0 rows restored, 2 rows removed" in texts(at)
    assert store.progress(store.connect(db_file)).empty
    # asked again: nothing is chosen or ticked, so one more click rolls nothing back
    assert at.selectbox(key="rollback_pick_1").value is None and not at.form_submit_button
    assert "↩ Rolled back by" in " ".join(at.dataframe[0].value["Status"])


def test_a_finance_export_is_mapped_once_and_the_next_file_of_its_layout_imports_without_mapping(app, db_file):
    export = csv_text("""
        เลขที่โครงการ,ปีงบ,งวด,ผลการดำเนินการ,ร้อยละงาน,ยอดผูกพัน,ยอดเบิก
        G1-P01,2569,1,กำลังทำ,40,"1,180,000","472,000"
        G1-P02,2569,1,เสร็จแล้ว,100,"450,000","450,000"
    """)
    at = app(lang="th", page="pages/upload.py")
    upload(at, "projects.csv", PROJECTS.encode("utf-8-sig"))
    at.button(key="upload_confirm").click().run()
    upload(at, "export.csv", export.encode("cp874"))
    assert not at.exception, at.exception
    assert "ไม่รู้ว่าเป็นข้อมูลชนิดใด" in " ".join(at.dataframe[0].value["รายละเอียดและวิธีแก้"])
    at.selectbox(key="map_kind").set_value("project_progress").run()
    for i, column in enumerate(["project_code", "fiscal_year", "quarter", "status", "progress_pct", "committed",
                                "disbursed"]):
        at.selectbox(key=f"map_col_{i}").set_value(column)
    at.run()
    at.selectbox(key="map_word_status_0").set_value("in_progress")     # กำลังทำ
    at.selectbox(key="map_word_status_1").set_value("completed")       # เสร็จแล้ว
    at.text_input(key="map_name").input("ระบบบัญชี")
    at.button(key="map_save").click().run()
    assert not at.exception, at.exception
    assert "บันทึกการจับคู่ 'ระบบบัญชี' แล้ว" in texts(at) and "อ่านตามการจับคู่" in texts(at)
    assert metric(at, "เพิ่มใหม่") == "2" and metric(at, "ข้อผิดพลาด") == "0"
    at.button(key="upload_confirm").click().run()
    assert len(store.progress(store.connect(db_file))) == 2
    # the next quarter's export: read through the saved mapping, no mapping asked
    upload(at, "export-q2.csv", export.replace(",1,", ",2,").encode("cp874"))
    assert not at.exception, at.exception
    assert metric(at, "เพิ่มใหม่") == "2" and not [s for s in at.selectbox if s.key == "map_kind"]


def test_the_thai_preview_names_the_separator_in_thai_words(app):
    at = app(lang="th", fy=2569, q=1, page="pages/upload.py")
    upload(at, "projects.csv", PROJECTS.encode("cp874"))
    assert not at.exception, at.exception
    assert "ตัวคั่น: จุลภาค (,)" in texts(at) and "comma" not in texts(at)


def test_forms_section_offers_the_latest_year_with_funded_projects(app, db_file):
    from tracker import ingest

    conn = store.connect(db_file)
    ingest.commit(conn, ingest.prepare(conn, PROJECTS.encode("utf-8-sig"), "projects.csv"), user="analyst")
    conn.close()
    at = app(lang="th", fy=2566, q=1, page="pages/upload.py")      # a year without funded projects chosen
    assert not at.exception, at.exception
    assert at.selectbox(key="form_fy").value == 2569 and at.selectbox(key="form_q").value == 1


def test_an_admin_edits_a_saved_mapping_on_the_page_and_the_next_file_uses_it(app, db_file):
    from tracker import ingest
    from tracker.ingest import mappings
    from tracker.store import mappings as store_mappings

    export = csv_text("""
        เลขที่โครงการ,ปีงบ,งวด,ผลการดำเนินการ,ร้อยละงาน,ยอดผูกพัน,ยอดเบิก
        G1-P01,2569,1,อยู่ระหว่างดำเนินการ,40,"1,180,000","472,000"
    """)
    conn = store.connect(db_file)
    ingest.commit(conn, ingest.prepare(conn, PROJECTS.encode("utf-8-sig"), "projects.csv"), user="analyst")
    mid = mappings.save_mapping(conn, name="ระบบบัญชี", kind="project_progress", user="analyst", columns={
        "เลขที่โครงการ": "project_code", "ปีงบ": "fiscal_year", "งวด": "quarter", "ผลการดำเนินการ": "status",
        "ร้อยละงาน": "progress_pct", "ยอดผูกพัน": "disbursed", "ยอดเบิก": "committed"})     # two swapped by mistake
    conn.close()
    at = app(lang="th", page="pages/upload.py", user="analyst")
    assert not at.exception, at.exception
    assert not [s for s in at.selectbox if s.key == "map_edit_pick"]       # analysts see the list, not the editor
    at = app(lang="th", page="pages/upload.py")
    at.selectbox(key="map_edit_pick").set_value(mid).run()
    assert at.selectbox(key=f"map_edit_{mid}_col_5").value == "disbursed"  # ยอดผูกพัน, as saved
    at.selectbox(key=f"map_edit_{mid}_col_5").set_value("committed")
    at.selectbox(key=f"map_edit_{mid}_col_6").set_value("disbursed")
    at.text_input(key=f"map_edit_name_{mid}").input("ระบบบัญชี 2570")
    at.button(key="map_edit_save").click().run()
    assert not at.exception, at.exception
    assert "แก้ไขการจับคู่ 'ระบบบัญชี 2570' แล้ว" in texts(at)
    saved = store_mappings.by_id(store.connect(db_file), mid)
    assert saved["name"] == "ระบบบัญชี 2570" and saved["columns"]["ยอดเบิก"] == "disbursed"
    upload(at, "export.csv", export.encode("cp874"))
    assert not at.exception, at.exception
    assert "อ่านตามการจับคู่คอลัมน์ที่บันทึกไว้ 'ระบบบัญชี 2570'" in texts(at)
    at.button(key="upload_confirm").click().run()
    assert store.progress(store.connect(db_file))["disbursed"].tolist() == [472_000]


def test_a_file_that_fits_a_kind_in_part_offers_the_mapping_of_its_missing_columns(app, db_file):
    partial = csv_text("""
        รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ผูกพันแล้ว,ยอดเบิกจ่ายรวม
        G1-P01,2569,1,อยู่ระหว่างดำเนินการ,40,"1,180,000","472,000"
    """)
    at = app(lang="th", page="pages/upload.py")
    upload(at, "projects.csv", PROJECTS.encode("utf-8-sig"))
    at.button(key="upload_confirm").click().run()
    upload(at, "progress.csv", partial.encode("cp874"))
    assert not at.exception, at.exception
    assert "ไม่มีคอลัมน์ที่ต้องมี" in " ".join(at.dataframe[0].value["รายละเอียดและวิธีแก้"])
    assert "ยังขาดคอลัมน์ที่ต้องมี" in texts(at)
    assert at.selectbox(key="map_kind").value == "project_progress"          # the kind it was recognised as
    assert [at.selectbox(key=f"map_col_{i}").value for i in range(7)] == [
        "project_code", "fiscal_year", "quarter", "status", "progress_pct", "", ""]   # what matched, chosen
    at.selectbox(key="map_col_5").set_value("committed")
    at.selectbox(key="map_col_6").set_value("disbursed")
    at.text_input(key="map_name").input("แบบกองคลัง")
    at.button(key="map_save").click().run()
    assert not at.exception, at.exception
    assert metric(at, "เพิ่มใหม่") == "1" and metric(at, "ข้อผิดพลาด") == "0"
    at.button(key="upload_confirm").click().run()
    # the next quarter's file of this layout: imported without mapping
    upload(at, "progress-q2.csv", partial.replace(",1,", ",2,").replace("472,000", "900,000").encode("cp874"))
    assert "อ่านตามการจับคู่คอลัมน์ที่บันทึกไว้ 'แบบกองคลัง'" in texts(at)
    assert metric(at, "เพิ่มใหม่") == "1" and not [s for s in at.selectbox if s.key == "map_kind"]
    at.button(key="upload_confirm").click().run()
    assert sorted(store.progress(store.connect(db_file))["disbursed"].tolist()) == [472_000, 900_000]


def test_confirming_does_not_read_the_file_again(app, monkeypatch):
    from tracker import ingest

    calls = []
    real = ingest.prepare
    monkeypatch.setattr(ingest, "prepare", lambda *a, **k: calls.append(a[2]) or real(*a, **k))
    at = app(lang="en", fy=2569, q=1, page="pages/upload.py")
    upload(at, "projects.csv", PROJECTS.encode("cp874"))
    assert calls == ["projects.csv"]
    at.button(key="upload_confirm").click().run()
    assert not at.exception, at.exception
    assert "Imported batch 1: 2 new" in texts(at)
    assert calls == ["projects.csv"]                  # a 100,000-row file is read once, not again after Confirm
    upload(at, "progress-q1.csv", PROGRESS.encode("utf-8-sig"))   # another file is read as usual
    assert calls == ["projects.csv", "progress-q1.csv"] and metric(at, "New") == "2"

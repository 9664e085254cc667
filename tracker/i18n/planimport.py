"""Catalog: importing the plan book into the store (page นำเข้าแผนพัฒนา, ``import-plan``), plan revisions
and the plan's hierarchy on the dashboards."""

MESSAGES = {
    # problems of the import (the book against the plan file and the store)
    "planbook.problem.import_strategy_unknown": (
        "ยุทธศาสตร์ที่ {value} ไม่มีในไฟล์แผน — เพิ่มยุทธศาสตร์นี้ (และเป้าประสงค์ที่รองรับ) ในหัวข้อ strategies ของไฟล์แผน แล้วนำเข้าใหม่",
        "strategy {value} is not in the plan file — add it (and the goal it serves) under strategies in the plan file, then import again"),
    "planbook.problem.import_tactic_unknown": (
        "กลยุทธ์ {value} ไม่มีในไฟล์แผน — เพิ่มกลยุทธ์นี้ในยุทธศาสตร์ของมันในไฟล์แผน (strategies > tactics) แล้วนำเข้าใหม่",
        "tactic {value} is not in the plan file — add it to its strategy in the plan file (strategies > tactics), then import again"),
    "planbook.problem.import_programme_unknown": (
        "แผนงาน '{value}' ไม่อยู่ในรายการแผนงานมาตรฐานของไฟล์แผน — แก้ชื่อแผนงานในเล่มแผน หรือเพิ่มชื่อนี้เป็น aliases ของแผนงานในไฟล์แผน",
        "programme '{value}' is not in the plan file's standard programme list — correct the name in the book, or add it as an alias of the programme in the plan file"),
    "planbook.problem.import_department_unknown": (
        "ไม่รู้จักหน่วยงาน '{value}' — เลือกส่วนราชการของหน่วยงานนี้ในหน้านำเข้าแผนพัฒนา (ระบบจะจำไว้) หรือใช้ --alias \"{value}=รหัสส่วนราชการ\" ในบรรทัดคำสั่ง",
        "unknown department '{value}' — choose its division on the plan import page (it is remembered), or pass --alias \"{value}=DIVISION_CODE\" on the command line"),
    "planbook.problem.import_revision_needed": (
        "เล่มแผนนี้แก้ไขโครงการที่มีอยู่ {n} โครงการ เพิ่ม {added} และตัดออก {gone} แต่ไม่ระบุครั้งที่ปรับปรุงแผนใหม่ — ระบุประเภท ครั้งที่/ปี และวันที่อนุมัติของการปรับปรุงแผนครั้งนี้",
        "this book changes {n} known projects, adds {added} and drops {gone}, but names no new plan revision — give this revision's kind, number/year and approval date"),
    "planbook.problem.import_link_unknown": (
        "รหัสโครงการ {value} ที่เลือกเชื่อมไม่มีในระบบ — เลือกรหัสที่มีอยู่ หรือเลือกเป็นโครงการใหม่",
        "project code {value} chosen to link to does not exist — choose an existing code, or make it a new project"),
    "planbook.problem.import_progress_kept": (
        "โครงการ {value} ไม่อยู่ในแผนของปี {year} แล้ว แต่มีผลการดำเนินงานที่รายงานไว้ จึงเก็บโครงการของปีนั้นไว้ (งบตามแผน 0)",
        "project {value} is no longer in the plan for {year}, but progress was reported for it: its {year} row is kept (planned budget 0)"),
    "planbook.problem.import_file_too_large": (
        "ไฟล์ '{filename}' ใหญ่ {size} MB เกินขนาดที่รับได้ {limit} MB",
        "'{filename}' is {size} MB, more than the {limit} MB allowed"),
    # the quarterly upload of projects the plan book lists
    "ingest.problem.plan_book_value": (
        "เล่มแผนพัฒนาระบุ {expected} — ใช้ค่าตามเล่มแผน (ค่าในไฟล์ {value} ไม่ถูกใช้) แก้ในเล่มแผนแล้วนำเข้าแผนใหม่ถ้าต้องการเปลี่ยน",
        "the plan book says {expected} — the book's value is used (the file's {value} is not); change it in the plan book and import the book again"),
    # results
    "planimport.has_errors": ("เล่มแผนมีข้อผิดพลาด {n} รายการ จึงยังไม่นำเข้า — แก้ตามรายการแล้วนำเข้าใหม่ ไม่มีข้อมูลใดถูกบันทึก",
                              "The plan book has {n} error(s) and was not imported — fix them and import again; nothing was written"),
    "planimport.nothing_to_do": ("ไม่มีอะไรเปลี่ยน — ข้อมูลในเล่มแผนตรงกับที่มีในระบบแล้ว",
                                 "Nothing changes — the book says what the system already holds"),
    "planimport.summary": ("โครงการ {projects}: ตรงกัน {unchanged} เปลี่ยน {changed} ใหม่ {new} ไม่อยู่ในแผนแล้ว {gone} · ผ.02/2 {coordination} · ครุภัณฑ์ {equipment}",
                           "{projects} projects: {unchanged} unchanged, {changed} changed, {new} new, {gone} no longer in the plan · ผ.02/2 {coordination} · equipment {equipment}"),
    "planimport.receipt": ("นำเข้าแผนพัฒนาแล้ว (ชุดที่ {batch}): ใหม่ {new} เปลี่ยน {changed} ตรงกัน {unchanged} ไม่อยู่ในแผนแล้ว {gone} · โครงการประสาน (ผ.02/2) {coordination}",
                           "Plan book imported (batch {batch}): {new} new, {changed} changed, {unchanged} unchanged, {gone} no longer in the plan · coordination projects (ผ.02/2) {coordination}"),
    "planimport.dry_run": ("ตรวจอย่างเดียว (--dry-run): ยังไม่ได้บันทึกข้อมูลใด", "Dry run (--dry-run): nothing was written"),
    "planimport.bad_revision": ("อ่านครั้งที่ปรับปรุงแผน '{value}' ไม่ได้ — เขียนเช่น \"เพิ่มเติม 2/2568\"",
                                "can't read the plan revision '{value}' — write it like \"เพิ่มเติม 2/2568\""),
    "planimport.bad_date": ("อ่านวันที่ '{value}' ไม่ได้ — เขียนเป็น ปี-เดือน-วัน เช่น 2568-03-15",
                            "can't read the date '{value}' — write it year-month-day, e.g. 2568-03-15"),
    "planimport.bad_alias": ("เขียน --alias เป็น \"ชื่อหน่วยงาน=รหัสส่วนราชการ\" (รหัส: {codes})",
                             "write --alias as \"department name=DIVISION_CODE\" (codes: {codes})"),
    "planimport.bad_link": ("เขียน --link เป็น \"แผ่นงาน!แถว=รหัสโครงการ\" หรือ \"แผ่นงาน!แถว=new\"",
                            "write --link as \"sheet!row=PROJECT_CODE\" or \"sheet!row=new\""),
    # revisions
    "revisions.none": ("ยังไม่มีการปรับปรุงแผนที่บันทึกไว้ — นำเข้าเล่มแผนพัฒนาก่อน", "No plan revision recorded yet — import the plan book first"),
    "revision.kind.first_edition": ("ฉบับแรก", "First edition"),
    "revision.kind.review": ("ทบทวน", "Review"),
    "revision.kind.addition": ("เพิ่มเติม", "Addition"),
    "revision.kind.change": ("เปลี่ยนแปลง", "Change"),
    "revision.kind.correction": ("แก้ไข", "Correction"),
    "ingest.kind.plan_book": ("แผนพัฒนาท้องถิ่น (ผ.02)", "Local development plan book (ผ.02)"),
}

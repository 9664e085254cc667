"""Catalog: the quarterly upload (ingest), its problem messages, the upload and history pages.

Problem messages are ``ingest.where.*`` (where the problem is) + ``ingest.problem.<code>`` (what is
wrong and what to fix). Placeholders: {row} Excel row number, {column} the header as written in
the file, {value} the cell as written.
"""

MESSAGES = {
    # kinds
    "ingest.kind.projects": ("โครงการและงบประมาณ", "Projects and budget"),
    "ingest.kind.project_progress": ("ผลการดำเนินงานโครงการ", "Project progress"),
    "ingest.kind.indicator_results": ("ผลตัวชี้วัด", "Indicator results"),
    # where
    "ingest.where.cell": ("แถว {row} คอลัมน์ '{column}': ", "Row {row}, column '{column}': "),
    "ingest.where.row": ("แถว {row}: ", "Row {row}: "),
    "ingest.where.file": ("ทั้งไฟล์: ", "Whole file: "),
    "ingest.where.column": ("คอลัมน์ '{column}': ", "Column '{column}': "),
    # problems: the file
    "ingest.problem.file_too_large": (
        "ไฟล์มีขนาด {size} MB เกินขีดจำกัด {limit} MB — แบ่งไฟล์เป็นหลายไฟล์ หรือลบแผ่นงานที่ไม่ใช้ออก",
        "the file is {size} MB, over the {limit} MB limit — split it into several files or remove unused sheets"),
    "ingest.problem.empty_file": (
        "ไม่พบข้อมูลในไฟล์ — ตรวจว่าแถวที่ 1 เป็นหัวคอลัมน์และมีข้อมูลตั้งแต่แถวที่ 2",
        "no data found — row 1 must hold the column headers and the data must start on row 2"),
    "ingest.problem.unsupported_format": (
        "ไฟล์นี้ไม่ใช่ CSV หรือ Excel (.xlsx) ({detail}) — ใน Excel ใช้ 'บันทึกเป็น' แล้วเลือก CSV UTF-8 หรือ Excel Workbook (.xlsx)",
        "this is not a CSV or Excel (.xlsx) file ({detail}) — in Excel use 'Save As' and choose CSV UTF-8 or Excel Workbook (.xlsx)"),
    "ingest.problem.bad_encoding": (
        "อ่านตัวอักษรในไฟล์ไม่ได้ (ไม่ใช่ UTF-8 หรือ Windows-874) — ใน Excel ใช้ 'บันทึกเป็น' แล้วเลือก CSV UTF-8",
        "the characters can't be read (neither UTF-8 nor Windows-874) — in Excel use 'Save As' and choose CSV UTF-8"),
    "ingest.problem.malformed_csv": (
        "โครงสร้าง CSV ผิด ({detail}) — ตรวจเครื่องหมายคำพูดและจำนวนคอลัมน์ในแถวนั้น",
        "the CSV is malformed ({detail}) — check the quotes and the number of columns on that line"),
    "ingest.problem.unreadable_xlsx": (
        "เปิดไฟล์ Excel ไม่ได้ ({detail}) — เปิดใน Excel แล้วบันทึกใหม่เป็น .xlsx",
        "the Excel file can't be opened ({detail}) — open it in Excel and save it again as .xlsx"),
    "ingest.problem.unknown_kind": (
        "ไม่รู้ว่าเป็นข้อมูลชนิดใดจากหัวคอลัมน์ — ใช้หัวคอลัมน์ตามแบบฟอร์ม (ดาวน์โหลดแบบฟอร์มได้ที่หน้านี้) หรือเลือกชนิดข้อมูลเอง",
        "the kind of data can't be told from the headers — use the template's headers (download it on this page) or choose the kind"),
    "ingest.problem.missing_column": (
        "ไม่มีคอลัมน์ที่ต้องมี '{column}' ({column_th}) — เพิ่มคอลัมน์นี้ในแถวหัวตาราง",
        "the required column '{column}' ({column_th}) is missing — add it to the header row"),
    "ingest.problem.duplicate_column": (
        "มีคอลัมน์ '{column}' มากกว่าหนึ่งคอลัมน์ — ลบคอลัมน์ที่ซ้ำออกให้เหลือคอลัมน์เดียว",
        "the column '{column}' appears more than once — delete the extra copy"),
    "ingest.problem.unknown_column": (
        "ไม่รู้จักคอลัมน์นี้ จะไม่นำเข้า — ถ้าเป็นข้อมูลที่ต้องการ ให้เปลี่ยนหัวคอลัมน์ตามแบบฟอร์ม",
        "unknown column, it will not be imported — if it holds data you need, rename the header as in the template"),
    # problems: values
    "ingest.problem.required_value": (
        "ช่องนี้ว่าง — ต้องกรอกข้อมูล", "this cell is empty — it must be filled in"),
    "ingest.problem.not_a_number": (
        "'{value}' ไม่ใช่ตัวเลข — กรอกเป็นตัวเลข เช่น 1,250,000 หรือ 1250000 (ใช้ - แทนศูนย์ได้ในช่องเงิน)",
        "'{value}' is not a number — write a number such as 1,250,000 or 1250000 (a '-' means zero in money columns)"),
    "ingest.problem.not_a_year": (
        "'{value}' ไม่ใช่ปีงบประมาณ — กรอกปี พ.ศ. 4 หลัก เช่น 2569",
        "'{value}' is not a fiscal year — write a 4-digit Buddhist-Era year such as 2569"),
    "ingest.problem.year_outside_plan": (
        "ปีงบประมาณ {value} อยู่นอกช่วงแผน {first}–{last} — ตรวจปี (พ.ศ. หรือ ค.ศ.) ให้ถูกต้อง",
        "fiscal year {value} is outside the plan period {first}–{last} — check the year (Buddhist Era or CE)"),
    "ingest.problem.not_a_quarter": (
        "'{value}' ไม่ใช่ไตรมาส — กรอกเลข 1 ถึง 4 (เช่น 2, Q2 หรือ ไตรมาส 2)",
        "'{value}' is not a quarter — write a number from 1 to 4 (e.g. 2, Q2 or ไตรมาส 2)"),
    "ingest.problem.quarter_out_of_range": (
        "'{value}' ไม่ใช่ไตรมาส 1–4 — แก้เป็นเลข 1 ถึง 4",
        "'{value}' is not a quarter 1–4 — change it to a number from 1 to 4"),
    "ingest.problem.percent_out_of_range": (
        "'{value}' อยู่นอกช่วง 0–100 — กรอกร้อยละความก้าวหน้าระหว่าง 0 ถึง 100",
        "'{value}' is outside 0–100 — write the progress percentage between 0 and 100"),
    "ingest.problem.negative_amount": (
        "'{value}' ติดลบ — จำนวนเงินต้องไม่น้อยกว่า 0",
        "'{value}' is negative — amounts must be 0 or more"),
    "ingest.problem.bad_status": (
        "'{value}' ไม่ใช่สถานะที่รู้จัก — ใช้ ยังไม่ได้ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ / ยกเลิก",
        "'{value}' is not a known status — use not_started / in_progress / completed / cancelled (or the Thai words of the form)"),
    "ingest.problem.bad_yes_no": (
        "'{value}' ไม่ใช่ ใช่/ไม่ใช่ — กรอก ใช่ หรือ ไม่ใช่ (หรือ yes/no, 1/0)",
        "'{value}' is not yes/no — write ใช่ or ไม่ใช่ (or yes/no, 1/0)"),
    "ingest.problem.unknown_goal": (
        "'{value}' ไม่ใช่เป้าประสงค์ในแผน — กรอกเลขเป้าประสงค์ {goals}",
        "'{value}' is not a goal of the plan — write a goal number {goals}"),
    "ingest.problem.unknown_department": (
        "ไม่รู้จักหน่วยงาน '{value}' — ใช้ชื่อหรือรหัสหน่วยงานตามแผน เช่น {example}",
        "unknown department '{value}' — use a department name or code of the plan, e.g. {example}"),
    "ingest.problem.unknown_village": (
        "'{value}' ไม่ใช่หมู่บ้านในตำบล — กรอกเลขหมู่ที่ {villages} คั่นด้วย ; เช่น 1;3",
        "'{value}' is not a village of the subdistrict — write village numbers {villages} separated by ';', e.g. 1;3"),
    "ingest.problem.unknown_indicator": (
        "ไม่มีตัวชี้วัดรหัส '{value}' ในแผน — ตรวจรหัส (เช่น G1-I01) กับหน้าแผนและเป้าประสงค์",
        "there is no indicator '{value}' in the plan — check the code (e.g. G1-I01) on the plan page"),
    "ingest.problem.unknown_project": (
        "ไม่พบโครงการ '{value}' ของปีงบประมาณ {fy} ในระบบ — นำเข้าไฟล์โครงการก่อน หรือแก้รหัสโครงการ",
        "project '{value}' of fiscal year {fy} is not in the system — import the projects file first or fix the code"),
    "ingest.problem.duplicate_key": (
        "ซ้ำกับแถว {first} ({value}) — ลบแถวที่ซ้ำหรือแก้ให้ถูกต้อง",
        "duplicates row {first} ({value}) — delete the duplicate row or correct it"),
    "ingest.problem.quarter_locked": (
        "ไตรมาส {value} ถูกล็อกแล้วโดย {locked_by} ({rows} แถว) — ขอให้ผู้ดูแลปลดล็อกก่อน หรือลบแถวของไตรมาสนี้",
        "quarter {value} was locked by {locked_by} ({rows} rows) — ask an administrator to unlock it, or remove its rows"),
    # warnings
    "ingest.problem.disbursed_above_allocated": (
        "เบิกจ่ายสะสม {value} มากกว่างบตาม{org_ordinance} {allocated} — ตรวจตัวเลขอีกครั้ง",
        "cumulative disbursement {value} is above the allocated budget {allocated} — check the figure"),
    "ingest.problem.disbursed_decreased": (
        "เบิกจ่ายสะสม {value} น้อยกว่าไตรมาสก่อน ({previous}) — ยอดสะสมไม่ควรลดลง ตรวจตัวเลขอีกครั้ง",
        "cumulative disbursement {value} is lower than the quarter before ({previous}) — a cumulative figure should not fall"),
    "ingest.problem.completed_below_100": (
        "สถานะดำเนินการแล้วเสร็จ แต่ความก้าวหน้า {value}% — ตรวจสถานะหรือความก้าวหน้า",
        "status is completed but progress is {value}% — check the status or the progress"),
    # column notes (templates, data contract)
    "ingest.col.project_code": ("รหัสโครงการตามแผน เช่น G1-P01", "Project code of the plan, e.g. G1-P01"),
    "ingest.col.fiscal_year": ("ปีงบประมาณ พ.ศ. (ค.ศ. จะแปลงให้)", "Fiscal year, Buddhist Era (CE is converted)"),
    "ingest.col.goal": ("เลขเป้าประสงค์ 1–5", "Goal number 1–5"),
    "ingest.col.name_th": ("ชื่อโครงการภาษาไทย", "Project name in Thai"),
    "ingest.col.name_en": ("ชื่อโครงการภาษาอังกฤษ (ไม่บังคับ)", "Project name in English (optional)"),
    "ingest.col.department": ("หน่วยงานรับผิดชอบ (ชื่อหรือรหัส เช่น กองช่าง หรือ ENG)", "Responsible department (name or code, e.g. กองช่าง or ENG)"),
    "ingest.col.village": ("หมู่ที่ คั่นด้วย ; เช่น 1;3 (ไม่บังคับ)", "Village numbers separated by ';', e.g. 1;3 (optional)"),
    "ingest.col.budget_category": ("ประเภทงบ (ไม่บังคับ)", "Budget category (optional)"),
    "ingest.col.planned_budget": ("งบตามแผน (บาท)", "Planned budget (baht)"),
    "ingest.col.allocated_budget": ("งบตาม{org_ordinance} (บาท)", "Allocated budget in the budget ordinance (baht)"),
    "ingest.col.funding_source": ("แหล่งเงิน (ไม่บังคับ)", "Funding source (optional)"),
    "ingest.col.indicator_codes": ("รหัสตัวชี้วัดที่เกี่ยวข้อง คั่นด้วย ; (ไม่บังคับ)", "Related indicator codes separated by ';' (optional)"),
    "ingest.col.is_welfare_transfer": ("เบี้ยยังชีพ/เงินโอน: ใช่ หรือ ไม่ใช่ (ไม่บังคับ)", "Welfare allowance / transfer: yes or no (optional)"),
    "ingest.col.added_by_revision": ("เพิ่มเติมจากการแก้ไขแผน: ใช่ หรือ ไม่ใช่ (ไม่บังคับ)", "Added by a plan revision: yes or no (optional)"),
    "ingest.col.quarter": ("ไตรมาส 1–4 (ไตรมาส 1 = ต.ค.–ธ.ค.)", "Quarter 1–4 (Q1 = Oct–Dec)"),
    "ingest.col.status": ("สถานะ: ยังไม่ได้ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ / ยกเลิก", "Status: not_started / in_progress / completed / cancelled"),
    "ingest.col.progress_pct": ("ความก้าวหน้า ร้อยละ 0–100", "Physical progress, percent 0–100"),
    "ingest.col.committed": ("ก่อหนี้ผูกพันสะสม (บาท)", "Committed amount, cumulative (baht)"),
    "ingest.col.disbursed": ("เบิกจ่ายสะสม (บาท)", "Disbursed, cumulative (baht)"),
    "ingest.col.note": ("หมายเหตุ (ไม่บังคับ)", "Note (optional)"),
    "ingest.col.indicator_code": ("รหัสตัวชี้วัดตามแผน เช่น G1-I01", "Indicator code of the plan, e.g. G1-I01"),
    "ingest.col.value": ("ผลการดำเนินงานของไตรมาส (ตัวเลข หน่วยตามตัวชี้วัด)", "Result for the quarter (a number, in the indicator's unit)"),
    "ingest.template.notes_sheet": ("คำอธิบาย", "Notes"),
    "ingest.template.column": ("คอลัมน์", "Column"),
    "ingest.template.header_th": ("หัวคอลัมน์ภาษาไทย (ใช้แทนได้)", "Thai header (accepted too)"),
    "ingest.template.required": ("ต้องกรอก", "Required"),
    "ingest.template.yes": ("ต้องกรอก", "required"),
    "ingest.template.no": ("ไม่บังคับ", "optional"),
    "ingest.template.example": ("ตัวอย่าง", "Example"),
    "ingest.template.example_row": ("แถวตัวอย่าง (อย่าคัดลอกไปในแผ่นงานข้อมูลโดยไม่แก้)", "Example row (don't copy it to the data sheet unchanged)"),
    "ingest.template.help": ("กรอกข้อมูลตั้งแต่แถวที่ 2 ของแผ่นงานแรก หัวคอลัมน์อยู่แถวที่ 1 บันทึกเป็น .xlsx หรือ CSV UTF-8",
                             "Fill in from row 2 of the first sheet; the headers are row 1. Save as .xlsx or CSV UTF-8."),
    # severities
    "ingest.severity.error": ("ข้อผิดพลาด", "Error"),
    "ingest.severity.warning": ("คำเตือน", "Warning"),
    # receipts, rollback
    "ingest.dry_run": ("ตรวจไฟล์แล้ว ยังไม่ได้บันทึกอะไร (--dry-run)", "Dry run: nothing written"),
    "ingest.nothing_to_do": ("ไม่มีอะไรเปลี่ยน — ข้อมูลในไฟล์ตรงกับในระบบแล้ว", "Nothing to change — the file matches the data already in the system"),
    "ingest.same_file": ("ไฟล์นี้เคยนำเข้าแล้วเป็นชุดที่ {batch}", "This file was already imported as batch {batch}"),
    "ingest.has_errors": ("ไฟล์มีข้อผิดพลาด {n} รายการ ยังนำเข้าไม่ได้ — แก้ไฟล์แล้วอัปโหลดใหม่",
                          "The file has {n} errors and can't be imported — fix the file and upload it again"),
    "ingest.internal_check": ("ระบบตรวจพบค่าที่ไม่ถูกต้องก่อนบันทึก จึงไม่บันทึกไฟล์นี้ ({detail}) — กรุณาแจ้งผู้ดูแลระบบพร้อมไฟล์",
                              "A wrong value was caught just before saving, so nothing was saved ({detail}) — please report it with the file"),
    "ingest.stale_preview": ("มีผู้อื่นเปลี่ยนข้อมูลหลังจากที่แสดงตัวอย่างนี้ ไม่ได้บันทึกอะไร — กรุณาตรวจตัวอย่างอีกครั้งก่อนยืนยัน",
                             "Someone changed the data since this preview; nothing was written — preview again "
                             "before you confirm"),
    "ingest.receipt": ("นำเข้าชุดที่ {batch} แล้ว: เพิ่ม {new} แถว แก้ไข {changed} แถว ไม่เปลี่ยน {unchanged} แถว",
                       "Imported batch {batch}: {new} new, {changed} changed, {unchanged} unchanged rows"),
    "history.rolled_back": ("ย้อนกลับชุดที่ {batch} แล้ว: คืนค่า {restored} แถว ลบ {removed} แถว",
                            "Rolled back batch {batch}: {restored} rows restored, {removed} rows removed"),
    "history.refused.not_found": ("ไม่พบชุดข้อมูลที่ {batch}", "There is no batch {batch}"),
    "history.refused.already_rolled_back": ("ชุดที่ {batch} ถูกย้อนกลับไปแล้ว", "Batch {batch} was already rolled back"),
    "history.refused.later_batch": (
        "ย้อนกลับชุดที่ {batch} ไม่ได้ เพราะชุดที่ {later} ({file}) แก้ไขแถวเดียวกันในภายหลัง — ย้อนกลับชุดที่ {later} ก่อน",
        "Batch {batch} can't be rolled back: batch {later} ({file}) changed the same rows later — roll back batch {later} first"),
    "history.refused.dependent_rows": (
        "ย้อนกลับชุดที่ {batch} ไม่ได้ เพราะชุดที่ {later} ({file}) มีผลการดำเนินงานของโครงการที่ชุดนี้เพิ่ม — ย้อนกลับชุดที่ {later} ก่อน",
        "Batch {batch} can't be rolled back: batch {later} ({file}) holds progress of projects this batch added — roll back batch {later} first"),
    "history.refused.quarter_locked": (
        "ย้อนกลับชุดที่ {batch} ไม่ได้ เพราะไตรมาส {period} ถูกล็อกโดย {locked_by}",
        "Batch {batch} can't be rolled back: quarter {period} was locked by {locked_by}"),
    # upload page
    "nav.upload": ("นำเข้าข้อมูล", "Upload data"),
    "nav.history": ("ประวัติการนำเข้า", "Import history"),
    "upload.title": ("นำเข้าข้อมูลรายไตรมาส", "Quarterly data upload"),
    "upload.intro": ("อัปโหลดไฟล์ CSV หรือ Excel (.xlsx) หรือรายงานจากระบบของรัฐที่บันทึกเป็น .xls ระบบจะตรวจทุกแถวและแสดงสิ่งที่จะเปลี่ยนก่อน ข้อมูลจะยังไม่ถูกบันทึกจนกว่าจะกดยืนยัน",
                     "Upload a CSV or Excel (.xlsx) file, or a government system's report saved as .xls. Every row is checked and the changes are shown first; nothing is saved until you confirm."),
    "upload.limit": ("ขนาดไฟล์ไม่เกิน {mb} MB", "Files up to {mb} MB"),
    "upload.templates": ("ดาวน์โหลดแบบฟอร์มเปล่า", "Download blank templates"),
    "upload.template_csv": ("{kind} (ไฟล์ CSV)", "{kind} (CSV)"),
    "upload.template_xlsx": ("{kind} (ไฟล์ Excel)", "{kind} (Excel)"),
    "upload.kind": ("ชนิดข้อมูล", "Kind of data"),
    "upload.kind_auto": ("ตรวจจากหัวคอลัมน์ (อัตโนมัติ)", "Detect from the headers (automatic)"),
    "upload.file": ("เลือกไฟล์", "Choose a file"),
    # the file box's own words (Streamlit draws them in English only): tracker.ui.imports.file_box
    "upload.box.button": ("เลือกไฟล์", "Browse files"),
    "upload.box.limit": ("ไฟล์ {types} ขนาดไม่เกิน {mb} MB", "{types} files up to {mb} MB"),
    "upload.box.drop": ("วางไฟล์ที่นี่", "Drop the file here"),
    # ...and the names Streamlit gives its parts in English (screen readers, tooltips): markup.uploader_names_script
    "upload.box.input": ("เลือกไฟล์ที่จะนำเข้า", "Choose a file to import"),
    "upload.box.add": ("เพิ่มไฟล์", "Add files"),
    "upload.box.remove": ("เอาไฟล์ {name} ออก", "Remove {name}"),
    "upload.box.cancel": ("ยกเลิกการส่งไฟล์ {name}", "Cancel upload of {name}"),
    "upload.box.retry": ("คลิกเพื่อส่งไฟล์อีกครั้ง", "Click to retry upload"),
    "upload.waiting": ("เลือกไฟล์เพื่อเริ่มตรวจ", "Choose a file to start checking"),
    "upload.sep.comma": ("จุลภาค (,)", "comma (,)"),
    "upload.sep.semicolon": ("อัฒภาค (;)", "semicolon (;)"),
    "upload.sep.tab": ("แท็บ", "tab"),
    "upload.detected": ("ชนิด: {kind} · การเข้ารหัส: {encoding} · ตัวคั่น: {sep} · แถวข้อมูล: {rows}",
                        "Kind: {kind} · encoding: {encoding} · separator: {sep} · data rows: {rows}"),
    "upload.new": ("เพิ่มใหม่", "New"),
    "upload.changed": ("เปลี่ยนแปลง", "Changed"),
    "upload.unchanged": ("ไม่เปลี่ยน", "Unchanged"),
    "upload.errors": ("ข้อผิดพลาด", "Errors"),
    "upload.warnings": ("คำเตือน", "Warnings"),
    "upload.problems": ("ปัญหาที่พบ", "Problems found"),
    "upload.problems_download": ("ดาวน์โหลดรายการปัญหา (CSV)", "Download the problems (CSV)"),
    "upload.changes": ("แถวที่จะเปลี่ยน (ค่าเดิม → ค่าใหม่)", "Rows that will change (old → new)"),
    "upload.confirm": ("ยืนยันนำเข้า", "Confirm import"),
    "upload.ok_to_commit": ("ตรวจแล้วไม่มีข้อผิดพลาด กดยืนยันเพื่อบันทึกทั้งไฟล์", "No errors found. Confirm to save the whole file."),
    "upload.col.row": ("แถว", "Row"),
    "upload.col.column": ("คอลัมน์", "Column"),
    "upload.col.value": ("ค่าในไฟล์", "Value in file"),
    "upload.col.severity": ("ระดับ", "Severity"),
    "upload.col.message": ("รายละเอียดและวิธีแก้", "What to fix"),
    "upload.col.code": ("รหัสปัญหา", "Problem code"),
    "upload.col.key": ("แถวข้อมูล", "Record"),
    "upload.col.old": ("ค่าเดิม", "Old"),
    "upload.col.new": ("ค่าใหม่", "New"),
    "upload.receipt_detail": ("ชุดที่ {batch} · ไฟล์ {file} · SHA-256 {sha} · โดย {user} · {when}",
                              "Batch {batch} · file {file} · SHA-256 {sha} · by {user} · {when}"),
    "upload.sheet": ("แผ่นงาน: {sheet}", "Sheet: {sheet}"),
    "history.confirm_needed": ("ติ๊กช่องยืนยันก่อนกดย้อนกลับ", "Tick the confirmation box before rolling back"),
    "history.nothing_to_roll_back": ("ไม่มีชุดข้อมูลที่ย้อนกลับได้", "There is no batch that can be rolled back"),
    "history.batch_label": ("ชุดที่ {batch} · {kind} · {file} · {when}", "Batch {batch} · {kind} · {file} · {when}"),
    # history page
    "history.title": ("ประวัติการนำเข้าข้อมูล", "Import history"),
    "history.empty": ("ยังไม่มีการนำเข้าข้อมูล", "Nothing has been imported yet"),
    "history.col.batch": ("ชุดที่", "Batch"),
    "history.col.kind": ("ชนิด", "Kind"),
    "history.col.file": ("ไฟล์", "File"),
    "history.col.periods": ("ปี/ไตรมาสในไฟล์", "Years/quarters in file"),
    "history.col.user": ("ผู้นำเข้า", "Imported by"),
    "history.col.when": ("เวลา", "When"),
    "history.col.counts": ("เพิ่ม / แก้ / คงเดิม", "New / changed / unchanged"),
    "history.col.status": ("สถานะ", "Status"),
    "history.col.sha": ("รหัสตรวจสอบไฟล์ SHA-256", "SHA-256"),
    "history.status.committed": ("นำเข้าแล้ว", "Committed"),
    "history.status.rolled_back": ("ย้อนกลับแล้ว โดย {user}", "Rolled back by {user}"),
    "history.demo": ("ข้อมูลสาธิต", "demo"),
    "history.rollback": ("ย้อนกลับชุดข้อมูล", "Roll back a batch"),
    "history.rollback_pick": ("ชุดที่จะย้อนกลับ", "Batch to roll back"),
    "history.rollback_confirm": ("ฉันเข้าใจว่าค่าทั้งหมดจากชุดนี้จะถูกคืนเป็นค่าก่อนนำเข้า",
                                 "I understand every value from this batch goes back to what it was before"),
    "history.rollback_button": ("ย้อนกลับ", "Roll back"),
}

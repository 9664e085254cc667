"""Catalog: reading the plan workbook (แบบ ผ.01 / ผ.02 / ผ.02/2 / ผ.03): where a problem is and what to fix.

``planbook.problem.<code>`` per problem code of tracker/ingest/planbook/problems.py. Placeholders:
{sheet} sheet name, {row} Excel row, {column} column letter, {value} the cell as written, and the
ones each message names.
"""

MESSAGES = {
    # where
    "planbook.where.sheet": ("แผ่นงาน '{sheet}'", "sheet '{sheet}'"),
    "planbook.where.row": ("แถว {row}", "row {row}"),
    "planbook.where.column": ("คอลัมน์ {column}", "column {column}"),
    "planbook.where.file": ("ทั้งไฟล์", "whole file"),
    # the file
    "planbook.problem.old_xls": (
        "ไฟล์ '{filename}' เป็น Excel รุ่นเก่า (.xls) — เปิดใน Excel เลือก 'บันทึกเป็น' > 'Excel Workbook (*.xlsx)' แล้วนำเข้าไฟล์ .xlsx",
        "'{filename}' is an old Excel file (.xls) — open it in Excel, choose 'Save As' > 'Excel Workbook (*.xlsx)' and import the .xlsx file"),
    "planbook.problem.pdf_file": (
        "ไฟล์ '{filename}' เป็น PDF ไม่ใช่สมุดงาน Excel — ใช้ไฟล์ Excel ต้นฉบับของแผน แล้วบันทึกเป็น 'Excel Workbook (*.xlsx)'",
        "'{filename}' is a PDF, not an Excel workbook — use the plan's original Excel file saved as 'Excel Workbook (*.xlsx)'"),
    "planbook.problem.html_file": (
        "ไฟล์ '{filename}' เป็นหน้าเว็บที่ตั้งชื่อเป็น .xls — เปิดใน Excel เลือก 'บันทึกเป็น' > 'Excel Workbook (*.xlsx)' แล้วนำเข้าไฟล์ .xlsx",
        "'{filename}' is a web page saved with an .xls name — open it in Excel, choose 'Save As' > 'Excel Workbook (*.xlsx)' and import the .xlsx file"),
    "planbook.problem.not_xlsx": (
        "ไฟล์ '{filename}' ไม่ใช่สมุดงาน Excel (.xlsx) — เปิดแผนใน Excel แล้วบันทึกเป็น 'Excel Workbook (*.xlsx)'",
        "'{filename}' is not an Excel workbook (.xlsx) — open the plan in Excel and save it as 'Excel Workbook (*.xlsx)'"),
    "planbook.problem.unreadable_workbook": (
        "เปิดไฟล์ '{filename}' ไม่ได้ ({detail}) — เปิดใน Excel แล้วบันทึกใหม่เป็น .xlsx",
        "'{filename}' can't be opened ({detail}) — open it in Excel and save it again as .xlsx"),
    "planbook.problem.no_project_sheets": (
        "ไม่พบแผ่นงานรายละเอียดโครงการพัฒนา (แบบ ผ.02) ในไฟล์ '{filename}' — แถวแรกของแผ่นงานต้องเป็น 'รายละเอียดโครงการพัฒนา'",
        "no project detail sheet (form ผ.02) in '{filename}' — a sheet's first row must read 'รายละเอียดโครงการพัฒนา'"),
    # against the plan loaded in the product
    "planbook.problem.other_organization": (
        "แผนนี้เป็นของ '{found}' ไม่ใช่ '{expected}' — ตรวจว่าเลือกไฟล์ถูกต้อง",
        "this plan belongs to '{found}', not '{expected}' — check that this is the right file"),
    "planbook.problem.other_plan_period": (
        "แผนนี้เป็นแผนพัฒนาท้องถิ่น พ.ศ. {found} ไม่ใช่ พ.ศ. {expected} ตามแผนที่ใช้อยู่ — ตรวจว่าเลือกไฟล์ถูกต้อง",
        "this is the local development plan {found}, not {expected} as loaded — check that this is the right file"),
    # a sheet
    "planbook.problem.unknown_sheet": (
        "ไม่รู้ว่าแผ่นงานนี้เป็นแบบใด จึงไม่นำเข้า — ถ้ามีโครงการ ให้แถวแรกเป็น 'รายละเอียดโครงการพัฒนา'",
        "this sheet's form can't be told, it is not imported — if it holds projects, its first row must read 'รายละเอียดโครงการพัฒนา'"),
    "planbook.problem.no_header": (
        "ไม่พบแถวหัวตาราง (ช่อง 'ที่' และ 'โครงการ') — ใส่หัวตารางตามแบบ ผ.02 เหนือรายการโครงการ",
        "no header row (cells 'ที่' and 'โครงการ') — put the form ผ.02 header above the projects"),
    "planbook.problem.two_header_blocks": (
        "พบหัวตารางชุดที่สองที่แถว {row} (ชุดแรกที่แถว {first}) — แยกตารางที่สองไปไว้ในแผ่นงานของตัวเอง หรือลบหัวตารางที่ซ้ำ",
        "a second header block at row {row} (the first is at row {first}) — move the second table to a sheet of its own or delete the repeated header"),
    "planbook.problem.missing_column": (
        "ไม่มีคอลัมน์ '{label}' ในหัวตาราง — เพิ่มคอลัมน์นี้ตามแบบ ผ.02",
        "the header has no '{label}' column — add it as in form ผ.02"),
    "planbook.problem.unknown_column": (
        "ไม่รู้จักคอลัมน์ '{value}' จึงไม่นำเข้า — ถ้าเป็นข้อมูลที่ต้องการ ให้ใช้หัวคอลัมน์ตามแบบ ผ.02",
        "unknown column '{value}', not imported — if it holds data you need, use the form ผ.02 header"),
    "planbook.problem.no_year_columns": (
        "ไม่พบคอลัมน์ปีใต้หัว 'งบประมาณ' — ใส่ปี พ.ศ. ของแต่ละคอลัมน์ (เช่น 2566) ใต้ 'งบประมาณ'",
        "no year columns under 'งบประมาณ' — write each column's Buddhist-era year (e.g. 2566) under 'งบประมาณ'"),
    "planbook.problem.years_not_consecutive": (
        "ปีในหัวตาราง ({years}) ไม่เรียงต่อกัน — แก้ปีใต้หัว '{group}' ให้เป็นปีติดกันครบทุกปีของแผน",
        "the header's years ({years}) are not consecutive — correct the years under '{group}' so every plan year appears once, in order"),
    "planbook.problem.years_disagree_with_title": (
        "ปีในหัวตาราง ({years}) ไม่ตรงกับช่วงแผนในชื่อแผน (พ.ศ. {first}–{last}) — แก้ปีใต้หัว '{group}' หรือชื่อแผนให้ตรงกัน",
        "the header's years ({years}) disagree with the plan period in the title ({first}–{last}) — correct the years under '{group}' or the title"),
    "planbook.problem.no_period_line": (
        "ไม่พบบรรทัด 'แผนพัฒนาท้องถิ่น (พ.ศ. ....–....)' เหนือตาราง — จึงตรวจปีกับช่วงแผนไม่ได้ ควรเพิ่มบรรทัดนี้",
        "no 'แผนพัฒนาท้องถิ่น (พ.ศ. ....–....)' line above the table — the years can't be checked against the plan period; add the line"),
    "planbook.problem.period_differs_between_sheets": (
        "แผ่นงานนี้เป็นแผน พ.ศ. {found} แต่แผ่นงานอื่นเป็น พ.ศ. {expected} — ใช้แผนฉบับเดียวกันทั้งไฟล์",
        "this sheet is the {found} plan but the other sheets are {expected} — the whole file must be one plan"),
    "planbook.problem.no_strategy": (
        "ไม่รู้ว่าโครงการในแผ่นงานนี้อยู่ยุทธศาสตร์ใด — เพิ่มบรรทัด เช่น '1. ยุทธศาสตร์การพัฒนา…' เหนือหัวตาราง",
        "the strategy of this sheet's projects can't be told — add a line such as '1. ยุทธศาสตร์การพัฒนา…' above the header"),
    "planbook.problem.no_programme": (
        "ไม่รู้ว่าโครงการในแผ่นงานนี้อยู่แผนงานใด — เพิ่มบรรทัด เช่น '(1) แผนงานเคหะและชุมชน' เหนือหัวตาราง",
        "the programme (แผนงาน) of this sheet's projects can't be told — add a line such as '(1) แผนงานเคหะและชุมชน' above the header"),
    "planbook.problem.sheet_name_disagrees": (
        "ชื่อแผ่นงานบอก {from_name} แต่หัวกระดาษบอก {from_preamble} — ใช้ตามหัวกระดาษ ควรแก้ชื่อแผ่นงานให้ตรงกัน",
        "the sheet name says {from_name} but its heading says {from_preamble} — the heading is used; rename the sheet to match"),
    "planbook.problem.duplicate_sheet_copy": (
        "แผ่นงานนี้เป็นสำเนาของ '{original}' (ยุทธศาสตร์ กลยุทธ์ และแผนงานเดียวกัน) จึงไม่นำเข้าซ้ำ — ลบแผ่นงานสำเนาที่ไม่ใช้ออก",
        "this sheet is a copy of '{original}' (same strategy, tactic and programme) and is not imported twice — delete the unused copy"),
    "planbook.problem.formula_not_calculated": (
        "สูตรในเซลล์นี้ยังไม่มีผลคำนวณที่บันทึกไว้ — เปิดไฟล์ใน Excel ให้คำนวณใหม่ แล้วบันทึกอีกครั้ง",
        "this formula has no saved result — open the file in Excel so it recalculates, then save it again"),
    "planbook.problem.no_total_row": (
        "ไม่พบแถว 'รวม' ท้ายตาราง — จึงตรวจยอดรวมของแผ่นงานนี้ไม่ได้",
        "no 'รวม' total row under the table — this sheet's totals can't be checked"),
    "planbook.problem.strategy_not_in_plan": (
        "ยุทธศาสตร์ที่ {strategy} ไม่มีในแผนที่ใช้อยู่ — ตรวจเลขยุทธศาสตร์ในหัวกระดาษ",
        "strategy {strategy} is not in the loaded plan — check the strategy number in the heading"),
    # a row or a cell
    "planbook.problem.money_not_a_number": (
        "'{value}' ไม่ใช่จำนวนเงิน — กรอกเป็นตัวเลข เช่น 1,250,000 หรือ 1250000, ใช้ - เมื่อไม่มีงบปีนั้น",
        "'{value}' is not an amount — write a number such as 1,250,000 or 1250000, or - when nothing is planned that year"),
    "planbook.problem.money_implausible": (
        "'{value}' ไม่ใช่จำนวนเงินที่เป็นไปได้ (เกิน 100,000 ล้านบาท) — ตรวจตัวเลขในช่องนี้",
        "'{value}' is not a possible amount (over 100,000 million baht) — check the number in this cell"),
    "planbook.problem.money_letter_o": (
        "'{value}' มีตัวอักษร O แทนเลขศูนย์ — พิมพ์เลข 0 แทนตัว O",
        "'{value}' has the letter O where a zero belongs — type the digit 0 instead of the letter O"),
    "planbook.problem.money_negative": (
        "จำนวนเงิน '{value}' ติดลบ — งบประมาณตามแผนต้องไม่ติดลบ",
        "the amount '{value}' is negative — a planned amount can't be negative"),
    "planbook.problem.project_without_name": (
        "แถวนี้มีลำดับที่ {value} และจำนวนเงิน แต่ไม่มีชื่อโครงการ — กรอกชื่อโครงการในคอลัมน์ {column}",
        "this row has number {value} and amounts but no project name — write the name in column {column}"),
    "planbook.problem.amounts_without_project": (
        "แถวนี้มีจำนวนเงินแต่ไม่มีลำดับที่และชื่อโครงการ — ย้ายจำนวนเงินไปไว้ในแถวแรกของโครงการ",
        "this row has amounts but neither a number nor a project name — move the amounts to the project's first row"),
    "planbook.problem.project_without_number": (
        "โครงการนี้ไม่มีลำดับที่ — นำเข้าได้ แต่ควรใส่ลำดับที่ในคอลัมน์ {column}",
        "this project has no number — it is imported, but write its number in column {column}"),
    "planbook.problem.number_skipped": (
        "ลำดับที่ข้ามจาก {previous} ไป {value} — นำเข้าได้ ควรตรวจว่าไม่มีโครงการหายไป",
        "the numbering jumps from {previous} to {value} — it is imported; check that no project is missing"),
    "planbook.problem.number_repeated": (
        "ลำดับที่ {value} ซ้ำกับแถวก่อนหน้า — นำเข้าได้ ควรแก้ลำดับที่ให้ไม่ซ้ำ",
        "number {value} repeats the row before — it is imported; renumber so numbers don't repeat"),
    "planbook.problem.unrecognised_row": (
        "ไม่รู้ว่าแถวนี้คืออะไร ('{value}') จึงไม่นำเข้า — ถ้าเป็นโครงการ ให้ใส่ลำดับที่และชื่อโครงการ",
        "this row can't be told ('{value}') and is not imported — if it is a project, give it a number and a name"),
    "planbook.problem.department_unmapped": (
        "ไม่รู้จักหน่วยงาน '{value}' ในส่วนราชการของแผน — นำเข้าโดยยังไม่ระบุส่วนราชการ ให้เลือกส่วนราชการที่ตรงกันครั้งเดียวแล้วระบบจะจำไว้",
        "the department '{value}' is not one of the plan's divisions — imported without a division; choose the matching one once and it is remembered"),
    "planbook.problem.department_outside_agency": (
        "หน่วยงาน '{value}' เป็นหน่วยงานภายนอก (โครงการประสาน) — ไม่นับเป็นส่วนราชการของแผน",
        "'{value}' is an outside agency (a coordination project) — not counted as one of the plan's divisions"),
    "planbook.problem.textbox_note": (
        "กล่องข้อความ: '{value}'{attached} — บันทึกไว้เป็นหมายเหตุ ไม่เปลี่ยนตัวเลขของโครงการ",
        "text box: '{value}'{attached} — kept as a note; the project's figures are not changed by it"),
    # totals
    "planbook.problem.sheet_total_count": (
        "แถวรวมบอก {said} โครงการ{in_year} แต่รายการโครงการนับได้ {counted} — แก้แถวรวมหรือรายการโครงการให้ตรงกัน",
        "the total row says {said} projects{in_year} but {counted} are listed — correct the total or the list"),
    "planbook.problem.sheet_total_money": (
        "แถวรวมปี {year} บอก {said} บาท แต่ผลรวมของโครงการเป็น {counted} บาท (ต่างกัน {diff}) — ตรวจจำนวนเงินที่พิมพ์เป็นข้อความหรือสูตรรวม",
        "the {year} total says {said} baht but the projects add up to {counted} baht (difference {diff}) — look for amounts typed as text or a wrong SUM range"),
    "planbook.problem.p01_missing": (
        "ไม่พบแผ่นงานบัญชีสรุปโครงการพัฒนา (แบบ ผ.01) — จึงตรวจยอดรวมกับ ผ.01 ไม่ได้",
        "no project summary sheet (form ผ.01) — the totals can't be checked against it"),
    "planbook.problem.p01_no_header": (
        "ไม่พบหัวตารางของ ผ.01 (คอลัมน์ 'ยุทธศาสตร์' และคู่คอลัมน์ 'จำนวนโครงการ' / 'งบประมาณ' ของแต่ละปี) — ใช้หัวตารางตามแบบ ผ.01",
        "the ผ.01 header can't be found (a 'ยุทธศาสตร์' column and a 'จำนวนโครงการ' / 'งบประมาณ' pair per year) — use the form ผ.01 header"),
    "planbook.problem.p01_count": (
        "ผ.01 {what} ปี {year} บอก {said} โครงการ แต่แผ่นงานรายละเอียดนับได้ {counted} — แก้ ผ.01 หรือแผ่นงานรายละเอียดให้ตรงกัน",
        "ผ.01 {what}, {year}: says {said} projects but the detail sheets count {counted} — correct ผ.01 or the detail sheets"),
    "planbook.problem.p01_money": (
        "ผ.01 {what} ปี {year} บอก {said} บาท แต่แผ่นงานรายละเอียดรวมได้ {counted} บาท (ต่างกัน {diff}) — แก้ ผ.01 หรือแผ่นงานรายละเอียดให้ตรงกัน",
        "ผ.01 {what}, {year}: says {said} baht but the detail sheets add up to {counted} baht (difference {diff}) — correct ผ.01 or the detail sheets"),
    "planbook.problem.p01_row_missing": (
        "ผ.01 ไม่มีแถวของ {what} ซึ่งมีโครงการในแผ่นงานรายละเอียด — เพิ่มแถวนี้ใน ผ.01",
        "ผ.01 has no row for {what}, which has projects on the detail sheets — add the row to ผ.01"),
    # the refusal
    "planbook.rejected": (
        "ไม่นำเข้าแผนจากไฟล์ '{filename}': พบข้อผิดพลาด {errors} รายการ — แก้ตามรายการปัญหาแล้วนำเข้าใหม่ ยังไม่มีการบันทึกข้อมูลใด",
        "the plan in '{filename}' was not imported: {errors} errors — fix them as listed and import again; nothing was saved"),
    # words used inside messages
    "planbook.word.in_year": (" ในปี {year}", " in {year}"),
    "planbook.word.attached": (" (โครงการแถว {row})", " (project on row {row})"),
    "planbook.word.strategy": ("ยุทธศาสตร์ที่ {n}", "strategy {n}"),
    "planbook.word.grand_total": ("รวมทั้งสิ้น", "grand total"),
    "planbook.word.five_years": ("รวม 5 ปี", "5-year total"),
}

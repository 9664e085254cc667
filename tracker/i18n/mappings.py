"""Catalog: saved column mappings (tracker/ingest/mappings.py) and their section of the upload page."""

MESSAGES = {
    "mapping.refused.no_name": ("ตั้งชื่อการจับคู่ก่อนบันทึก", "Give the mapping a name before saving it"),
    "mapping.refused.no_kind": ("เลือกชนิดข้อมูลของไฟล์ก่อน", "Choose the kind of data first"),
    "mapping.refused.unknown_column": ("ไม่มีคอลัมน์ '{column}' ในแบบข้อมูล", "There is no column '{column}' in the contract"),
    "mapping.refused.twice": ("จับคู่คอลัมน์ '{column}' มากกว่าหนึ่งคอลัมน์ของไฟล์ — เลือกคอลัมน์เดียว",
                              "'{column}' is mapped from more than one column of the file — choose one"),
    "mapping.refused.missing": ("ยังไม่ได้จับคู่คอลัมน์ที่ต้องมี '{column}' — เลือกคอลัมน์ของไฟล์ที่ตรงกัน",
                                "the required column '{column}' is not mapped yet — choose the file's column that holds it"),
    "mapping.refused.name_taken": ("มีการจับคู่ชื่อ '{name}' อยู่แล้ว — ตั้งชื่ออื่น",
                                   "There is already a mapping named '{name}' — choose another name"),
    "mapping.refused.not_found": ("ไม่พบการจับคู่คอลัมน์ที่ {id}", "There is no column mapping {id}"),
    "mapping.section": ("จับคู่คอลัมน์ของไฟล์นี้ (ครั้งเดียว ระบบจำไว้ใช้กับไฟล์แบบเดียวกัน)",
                        "Map this file's columns (once; remembered for files of the same layout)"),
    "mapping.help": ("หัวคอลัมน์ของไฟล์นี้ไม่ตรงกับแบบฟอร์ม เลือกว่าแต่ละคอลัมน์คือข้อมูลใด ตั้งชื่อ แล้วบันทึก "
                     "ครั้งต่อไปไฟล์ที่มีหัวคอลัมน์เหมือนกันจะนำเข้าได้ทันที",
                     "This file's headers do not match the form. Say what each column holds, name the mapping and save "
                     "it; the next file with the same headers is read without asking"),
    "mapping.help_partial": ("ไฟล์นี้ตรงกับแบบข้อมูลบางส่วน แต่ยังขาดคอลัมน์ที่ต้องมี คอลัมน์ที่ตรงกันเลือกไว้ให้แล้ว เลือกว่าคอลัมน์ใดของไฟล์คือคอลัมน์ที่ขาด "
                             "ตั้งชื่อ แล้วบันทึก ครั้งต่อไปไฟล์ที่มีหัวคอลัมน์เหมือนกันจะนำเข้าได้ทันที",
                             "This file fits the form in part but lacks required columns. The columns that match are "
                             "already chosen: say which of the file's columns holds each missing one, name the mapping "
                             "and save it; the next file with the same headers is read without asking"),
    "mapping.kind": ("ไฟล์นี้เป็นข้อมูลชนิด", "This file holds"),
    "mapping.column_of": ("คอลัมน์ '{header}' ของไฟล์คือ", "The file's column '{header}' is"),
    "mapping.choose": ("เลือก…", "Choose…"),
    "mapping.ignore": ("(ไม่นำเข้า)", "(leave out)"),
    "mapping.words": ("คำในคอลัมน์ '{header}' ที่ระบบยังไม่รู้จัก", "Words in the column '{header}' not known yet"),
    "mapping.word_means": ("'{word}' หมายถึง", "'{word}' means"),
    "mapping.name": ("ชื่อการจับคู่ (เช่น รายงานจากระบบบัญชี)", "Name of the mapping (e.g. finance system export)"),
    "mapping.save": ("บันทึกการจับคู่และอ่านไฟล์ใหม่", "Save the mapping and read the file again"),
    "mapping.saved": ("บันทึกการจับคู่ '{name}' แล้ว", "Saved the mapping '{name}'"),
    "mapping.applied": ("อ่านตามการจับคู่คอลัมน์ที่บันทึกไว้ '{name}'", "Read through the saved column mapping '{name}'"),
    "mapping.list": ("การจับคู่คอลัมน์ที่บันทึกไว้", "Saved column mappings"),
    "mapping.col.name": ("ชื่อ", "Name"),
    "mapping.col.kind": ("ชนิดข้อมูล", "Kind"),
    "mapping.col.columns": ("คอลัมน์ของไฟล์ → คอลัมน์ของระบบ", "File column → system column"),
    "mapping.col.by": ("บันทึกโดย", "Saved by"),
    "mapping.delete": ("ลบการจับคู่นี้", "Delete this mapping"),
    "mapping.deleted": ("ลบการจับคู่แล้ว", "Mapping deleted"),
    "mapping.edit_pick": ("แก้ไขหรือลบการจับคู่ (ผู้ดูแลระบบ)", "Edit or delete a mapping (administrators)"),
    "mapping.edit_help": ("เปลี่ยนชื่อ หรือเปลี่ยนว่าคอลัมน์ใดของไฟล์คือข้อมูลใด แล้วบันทึก ไฟล์แบบเดียวกันครั้งต่อไปจะอ่านตามที่แก้",
                          "Rename it or change what each of the file's columns holds, then save; the next file of "
                          "this layout is read the edited way"),
    "mapping.edit_save": ("บันทึกการแก้ไข", "Save the changes"),
    "mapping.edited": ("แก้ไขการจับคู่ '{name}' แล้ว", "Saved the changes to the mapping '{name}'"),
}
MESSAGES.update({
    "ingest.problem.html_without_table": (
        "ไฟล์นี้เป็นหน้าเว็บ (HTML) ที่ไม่มีตาราง — เปิดรายงานจากระบบแล้วบันทึกเป็น Excel (.xlsx) หรือ CSV",
        "this file is a web page (HTML) with no table — open the report from the system and save it as Excel (.xlsx) or CSV"),
})

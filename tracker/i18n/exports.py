"""Strings of the document engines' spreadsheet and slide forms (:mod:`tracker.report.xlsx_kit`,
:mod:`tracker.report.pptx_kit`)."""

MESSAGES = {
    "xlsx.contents": ("สารบัญตาราง", "Tables"),
    "xlsx.sheet_n": ("ตาราง {n}", "Table {n}"),
    "xlsx.col.sheet": ("แผ่นงาน", "Sheet"),
    "xlsx.col.section": ("หัวข้อ", "Section"),
    "xlsx.col.table": ("ตาราง", "Table"),
    "pptx.continued": ("{title} (ต่อ)", "{title} (continued)"),
}

"""Catalog: plausibility warnings of the quarterly upload (tracker/ingest/plausible.py) and the row preview."""

MESSAGES = {
    "ingest.problem.percent_too_small": (
        "{value} ดูเล็กไป 100 เท่า — หน่วยเป็นร้อยละ แต่ค่าเป้าหมาย ({target}) หรือครั้งก่อน ({previous}) มากกว่า 1 "
        "ถ้าหมายถึง {times}% ให้กรอก {times}",
        "{value} looks 100× too small — the unit is percent but the target ({target}) or the previous value "
        "({previous}) is above 1; if you mean {times}%, write {times}"),
    "ingest.problem.value_scale": (
        "{value} ต่างจากครั้งก่อน ({previous}) หรือค่าเป้าหมาย ({target}) ราว 100 เท่าขึ้นไป — ตรวจจุดทศนิยมและหน่วย",
        "{value} is about 100 times or more away from the previous value ({previous}) or the target ({target}) "
        "— check the decimal point and the unit"),
    "ingest.problem.progress_decreased": (
        "{value} น้อยกว่าไตรมาสก่อน ({previous}) — ตัวเลขสะสมไม่ควรลดลง ตรวจตัวเลขอีกครั้ง",
        "{value} is lower than the quarter before ({previous}) — a cumulative figure should not fall"),
    "ingest.problem.sum_looks_cumulative": (
        "{value} ดูเหมือนยอดสะสม (รวมไตรมาสก่อน ๆ ในปีนี้ = {ytd}) — ตัวชี้วัดนี้รวมผลแบบผลรวม ให้กรอกเฉพาะผลของไตรมาสนี้ "
        "(เช่น {quarter})",
        "{value} looks cumulative (the earlier quarters of the year add up to {ytd}) — this indicator is summed, "
        "write only this quarter's own figure (e.g. {quarter})"),
}
MESSAGES.update({
    "ingest.problem.nothing_filled": (
        "ยังไม่ได้กรอกผลในแถวใดเลย — กรอกตัวเลขในช่องสีขาวของแบบฟอร์มแล้วนำเข้าอีกครั้ง",
        "no row has anything filled in — type the figures in the form's white cells and upload it again"),
})
MESSAGES.update({
    "upload.col.does": ("การนำเข้า", "Does"),
    "upload.col.problems": ("ปัญหาในแถว", "Problems in the row"),
    "upload.rows_as_read": ("ทุกแถวตามที่อ่านได้ (ค่าในไฟล์ → ค่าที่ระบบอ่าน)", "Every row as read (in the file → as read)"),
    "upload.skipped_rows": ("แถวที่เว้นว่างไว้ ไม่นำเข้า: {rows}", "Rows left blank, not imported: {rows}"),
    "upload.warnings_first": ("ตรวจคำเตือน {n} รายการก่อนยืนยัน — ค่าเหล่านี้อ่านได้แต่อาจผิด",
                              "Check the {n} warnings before confirming — these values read but may be wrong"),
    "upload.warnings_checked": ("ตรวจคำเตือนแล้ว ยืนยันว่าค่าถูกต้อง", "I checked the warnings; the values are right"),
})

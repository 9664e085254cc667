"""Catalog: the pre-filled quarterly forms (tracker/ingest/forms.py), their page section and command."""

MESSAGES = {
    "form.title.project_progress": ("แบบรายงานผลการดำเนินงานโครงการ {quarter} {fy}",
                                    "Project progress form, {quarter}, {fy}"),
    "form.title.indicator_results": ("แบบรายงานผลตัวชี้วัด {quarter} {fy}", "Indicator results form, {quarter}, {fy}"),
    "form.instructions.project_progress": (
        "กรอกหรือแก้เฉพาะช่องสีขาว: สถานะ ความก้าวหน้า ก่อหนี้ผูกพันสะสม เบิกจ่ายสะสม และหมายเหตุ ตัวเลขที่เติมไว้คือที่รายงานไตรมาสก่อน "
        "ช่องสีเทาเป็นข้อมูลอ้างอิง แก้ไม่ได้ แล้วนำเข้าไฟล์นี้ที่หน้านำเข้าข้อมูลได้ทันที",
        "Type or change only the white cells: status, progress, cumulative committed and disbursed amounts and the note; "
        "the figures filled in are last quarter's. Grey cells are for reference and locked. Upload this file as it is "
        "on the upload page."),
    "form.instructions.indicator_results": (
        "กรอกผลในช่องสีขาวตามหน่วยของตัวชี้วัด (ดูคอลัมน์ 'วิธีกรอก' ว่าเป็นผลของไตรมาสนี้หรือค่า ณ สิ้นไตรมาส) "
        "แถวที่เว้นว่างไว้จะไม่นำเข้า ช่องสีเทาเป็นข้อมูลอ้างอิง แก้ไม่ได้",
        "Type each result in the white cell in the indicator's unit (the 'how to fill' column says whether it is the "
        "quarter's own figure or the value at the end of the quarter). Rows left blank are not imported. Grey cells "
        "are for reference and locked."),
    "form.title.projects": ("แบบรายการโครงการและงบประมาณ {fy}", "Projects and budget form, {fy}"),
    "form.instructions.projects": (
        "ตรวจหรือแก้ช่องสีขาว โดยเฉพาะงบตามข้อบัญญัติเมื่อข้อบัญญัติผ่านแล้ว ช่องใช่/ไม่ใช่ เป้าประสงค์ และหน่วยงานเลือกจากรายการ "
        "โครงการที่อยู่ในแผนพัฒนาใช้ชื่อ เป้าประสงค์ หน่วยงาน และงบตามแผนตามแผนพัฒนา ช่องสีเทาเป็นข้อมูลอ้างอิง แก้ไม่ได้",
        "Check or change the white cells, above all the allocated budget once the ordinance has passed. Yes/no, goal "
        "and department cells are chosen from a list. A project of the plan book keeps the book's name, goal, "
        "department and planned budget. Grey cells are for reference and locked."),
    "form.col.plan_strategy": ("ยุทธศาสตร์", "Strategy"),
    "form.col.source": ("ที่มาของข้อมูล", "Filled in from"),
    "form.source.stored": ("ไฟล์ที่นำเข้า", "an uploaded file"),
    "form.source.plan": ("แผนพัฒนาท้องถิ่น", "the plan book"),
    "form.yes": ("ใช่", "yes"),
    "form.no": ("ไม่ใช่", "no"),
    "form.col.name": ("ชื่อ", "Name"),
    "form.col.strategy": ("ยุทธศาสตร์ / เป้าประสงค์", "Strategy / goal"),
    "form.col.programme": ("แผนงาน", "Programme"),
    "form.col.department": ("หน่วยงาน", "Department"),
    "form.col.allocated": ("งบที่ได้รับ (บาท)", "Allocated (baht)"),
    "form.col.prefilled_from": ("ข้อมูลที่เติมไว้จากไตรมาส", "Filled in from"),
    "form.col.unit": ("หน่วยนับ", "Unit"),
    "form.col.target": ("ค่าเป้าหมายของปี", "Target of the year"),
    "form.col.aggregation": ("การรวมผลในปี", "How quarters combine"),
    "form.col.how": ("วิธีกรอก", "How to fill"),
    "form.col.previous": ("ผลครั้งล่าสุด", "Last value"),
    "form.col.previous_period": ("ผลครั้งล่าสุดของไตรมาส", "Last value of"),
    "form.col.year_to_date": ("รวมตั้งแต่ต้นปีถึงไตรมาสก่อน", "Year so far (before this quarter)"),
    "form.how.sum": ("ผลเฉพาะไตรมาสนี้ (ไม่สะสม)", "This quarter's own figure (not cumulative)"),
    "form.how.latest": ("ค่า ณ สิ้นไตรมาสนี้", "The value at the end of this quarter"),
    "form.how.average": ("ค่าของไตรมาสนี้ (ระบบหาค่าเฉลี่ยให้)", "This quarter's value (averaged over the year for you)"),
    "form.not_reported": ("ยังไม่เคยรายงาน", "not reported yet"),
    "form.check.title": ("ค่าไม่ถูกต้อง", "Value not accepted"),
    "form.check.list": ("เลือกจากรายการ", "Choose from the list"),
    "form.check.decimal": ("กรอกตัวเลขในช่วงที่กำหนด (ร้อยละ 0–100, จำนวนเงินไม่ติดลบ)",
                           "Type a number in range (percent 0–100, amounts 0 or more)"),
    "form.notes.heading": ("วิธีใช้แบบฟอร์ม", "How to use this form"),
    "form.notes.locked": ("ช่องสีเทา (รหัส ปี ไตรมาส และข้อมูลอ้างอิง) ล็อกไว้ไม่ให้แก้โดยไม่ตั้งใจ กรอกเฉพาะช่องสีขาว",
                          "Grey cells (code, year, quarter and reference columns) are locked against slips; type only in the white cells"),
    "form.notes.blank": ("แถวที่ไม่ได้กรอกอะไรในช่องสีขาวเลยจะไม่นำเข้า ตัวเลขที่เติมไว้แล้วจะนำเข้าตามที่เห็น",
                         "A row whose white cells are all blank is not imported; figures already filled in are imported as shown"),
    "form.notes.upload": ("บันทึกเป็น .xlsx (หรือ CSV UTF-8) แล้วนำเข้าที่หน้า 'นำเข้าข้อมูล' โดยไม่ต้องแก้หัวคอลัมน์",
                          "Save as .xlsx (or CSV UTF-8) and upload it on the 'Upload' page; keep the headers as they are"),
    "form.notes.what": ("ความหมาย", "What it holds"),
    "form.notes.reference": ("ข้อมูลอ้างอิง ไม่นำเข้า", "Reference only, not imported"),
    # the upload page's section
    "form.section": ("แบบฟอร์มรายไตรมาสที่เติมข้อมูลไว้แล้ว", "Pre-filled quarterly forms"),
    "form.section_help": ("รายชื่อโครงการที่ได้รับงบและตัวชี้วัดของปี พร้อมรหัส ค่าเป้าหมาย และผลไตรมาสก่อน กรอกเฉพาะตัวเลขใหม่แล้วนำเข้าไฟล์กลับมาที่หน้านี้",
                          "The year's funded projects and indicators with their codes, targets and last quarter's figures; type only the new figures and upload the file back here"),
    "form.department": ("หน่วยงาน", "Department"),
    "form.all_departments": ("ทุกหน่วยงาน", "All departments"),
    "form.download_xlsx": ("แบบฟอร์ม{kind} (Excel)", "{kind} form (Excel)"),
    "form.download_csv": ("แบบฟอร์ม{kind} (CSV)", "{kind} form (CSV)"),
    "form.download_zip": ("แบบฟอร์ม{kind} แยกไฟล์ทุกหน่วยงาน (ZIP)", "{kind} form, a file per department (ZIP)"),
    "form.zip_help": ("ไฟล์ ZIP มีแบบฟอร์ม Excel ของแต่ละหน่วยงานแยกไฟล์ ส่งให้แต่ละกองกรอก แล้วนำเข้าไฟล์ที่ส่งกลับมาได้ทีละไฟล์โดยไม่ต้องแก้",
                      "The ZIP holds each department's own Excel form as a separate file: send each division its own, "
                      "and upload each file it sends back as it is"),
    "form.no_projects": ("ยังไม่มีโครงการที่ได้รับงบในปีงบประมาณ {fy} — นำเข้าแผนหรือโครงการและงบประมาณก่อน",
                         "No funded projects in FY{fy} yet — import the plan or the projects and budget first"),
    # blank templates: whether a figure is the quarter's own or cumulative, as the forms say it
    "ingest.template.period": ("ของไตรมาสหรือสะสม", "Quarter's own or cumulative"),
    "ingest.template.period_help": (
        "ความก้าวหน้าและจำนวนเงินเป็นยอดสะสม ณ สิ้นไตรมาส ผลตัวชี้วัดเป็นผลของไตรมาสนี้หรือค่า ณ สิ้นไตรมาสตามวิธีรวมผลของตัวชี้วัด "
        "(ดูคอลัมน์ 'ของไตรมาสหรือสะสม' ด้านล่าง และคอลัมน์ 'วิธีกรอก' ในแบบฟอร์มที่เติมข้อมูลไว้แล้ว)",
        "Progress and amounts are cumulative at the end of the quarter; an indicator's result is the quarter's own figure "
        "or the value at the end of the quarter, by how the indicator's quarters combine (see the column 'Quarter's own "
        "or cumulative' below, and the 'How to fill' column of the pre-filled forms)"),
    "ingest.template.period.year": ("ทั้งปีงบประมาณ", "The whole fiscal year"),
    "ingest.template.period.progress": ("สะสม: ความก้าวหน้าทั้งหมด ณ สิ้นไตรมาส ไม่ใช่เฉพาะไตรมาสนี้",
                                        "Cumulative: the whole progress at the end of the quarter, not this quarter's alone"),
    "ingest.template.period.money": ("สะสมตั้งแต่ต้นปีงบประมาณถึงสิ้นไตรมาส ไม่ใช่เฉพาะไตรมาสนี้",
                                     "Cumulative from the start of the fiscal year to the end of the quarter, not this "
                                     "quarter's alone"),
    "ingest.template.period.value": ("ตามวิธีรวมผลของตัวชี้วัด — {sum}: {how_sum}; {latest}: {how_latest}; {average}: {how_average}",
                                     "By how the indicator's quarters combine — {sum}: {how_sum}; {latest}: {how_latest}; "
                                     "{average}: {how_average}"),
}

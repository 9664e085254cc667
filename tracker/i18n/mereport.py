"""Catalog: the official M&E report (รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น), its rounds,
its narrative and the page analysts prepare it on.

The default texts of the introduction state only the regulation and its steps (ระเบียบกระทรวงมหาดไทย
ว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 and its amendments to No. 3, 2561);
an officer replaces them on the page.
"""

MESSAGES = {
    # rounds
    "me.round.title.annual": ("ประจำปีงบประมาณ พ.ศ. {fy}", "Fiscal year {fy} BE"),
    "me.round.title.half": ("รอบ 6 เดือน ({period})", "Six-month round ({period})"),
    "me.round.title.quarter": ("ไตรมาสที่ {q} ปีงบประมาณ พ.ศ. {fy} ({period})", "Quarter {q} of fiscal year {fy} BE ({period})"),
    "me.round.label.annual": ("ประจำปี {fy}", "annual {fy}"),
    "me.round.label.half": ("รอบ 6 เดือน {fy}", "six-month {fy}"),
    "me.round.label.quarter": ("ไตรมาส {q}/{fy}", "quarter {q}/{fy}"),
    "me.round.kind.annual": ("ประจำปี", "Annual"),
    "me.round.kind.half": ("รอบ 6 เดือน", "Six months"),
    "me.round.kind.quarter": ("รายไตรมาส", "Quarterly"),
    "me.round.unknown": ("ไม่มีรอบรายงาน “{kind}” (เลือก ประจำปี รอบ 6 เดือน หรือ รายไตรมาส)",
                         "There is no report round “{kind}” (choose annual, half or quarter)"),
    "me.round.quarter_needed": ("รายงานรายไตรมาสต้องระบุไตรมาส 1–4", "A quarterly report needs a quarter 1–4"),
    "me.period": ("{m1} {y1} – {m2} {y2}", "{m1} {y1} – {m2} {y2} BE"),
    "me.month.1": ("มกราคม", "January"), "me.month.2": ("กุมภาพันธ์", "February"), "me.month.3": ("มีนาคม", "March"),
    "me.month.4": ("เมษายน", "April"), "me.month.5": ("พฤษภาคม", "May"), "me.month.6": ("มิถุนายน", "June"),
    "me.month.7": ("กรกฎาคม", "July"), "me.month.8": ("สิงหาคม", "August"), "me.month.9": ("กันยายน", "September"),
    "me.month.10": ("ตุลาคม", "October"), "me.month.11": ("พฤศจิกายน", "November"),
    "me.month.12": ("ธันวาคม", "December"),
    # marks
    "me.demo_mark": ("ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง", "DEMO DATA — NOT REAL DATA"),
    "me.empty": ("[ยังไม่ได้บันทึก] คณะกรรมการหรือเจ้าหน้าที่ยังไม่ได้บันทึกข้อความส่วนนี้ในระบบ",
                 "[Not written yet] The committee or the analysts have not entered this text in the system"),
    "me.count_share": ("{a} ({b})", "{a} ({b})"),
    "me.figure_n": ("ภาพที่ {n} {title}", "Figure {n} {title}"),
    "me.figure.money": ("งบประมาณตามแผน ตาม{org_ordinance} ก่อหนี้ผูกพัน และเบิกจ่าย รายยุทธศาสตร์ (ล้านบาท)",
                        "Money planned, allocated, committed and disbursed by strategy (M THB)"),
    "me.figure.money_alt": ("แผนภูมิแท่งแนวนอนซ้อนกันของงบประมาณสี่ประเภทแต่ละยุทธศาสตร์ ตัวเลขอยู่ในตารางถัดไป",
                            "Nested horizontal bars of the four money measures per strategy; the figures are in the next table"),
    "me.table_n": ("ตารางที่ {n} {title}", "Table {n} {title}"),
    # table columns
    "me.col.strategy": ("ยุทธศาสตร์", "Strategy"),
    "me.col.in_plan": ("โครงการตามแผน", "Projects in plan"),
    "me.col.funded": ("ได้รับงบประมาณ", "Funded"),
    "me.col.funding_rate": ("ร้อยละของโครงการตามแผน", "% of projects in plan"),
    "me.col.share": ("ร้อยละ", "%"),
    "me.col.planned": ("งบตามแผน", "Planned"),
    "me.col.allocated": ("งบตาม{org_ordinance}", "Ordinance allocation"),
    "me.col.committed": ("ก่อหนี้ผูกพัน", "Committed"),
    "me.col.disbursed": ("เบิกจ่าย", "Disbursed"),
    "me.col.disbursement_rate": ("ร้อยละเบิกจ่าย", "Disbursed %"),
    "me.col.source": ("แหล่งเงิน", "Funding source"),
    "me.col.projects": ("โครงการ", "Projects"),
    "me.col.measure": ("รายการ", "Item"),
    "me.col.value": ("จำนวน", "Figure"),
    "me.col.base": ("ฐานของร้อยละ", "Base of the %"),
    "me.col.indicator": ("ตัวชี้วัด", "Indicator"),
    "me.col.unit": ("หน่วย", "Unit"),
    "me.col.target": ("ค่าเป้าหมาย", "Target"),
    "me.col.actual": ("ผลการดำเนินงาน", "Result"),
    "me.col.ind_status": ("ผลการประเมิน", "Assessment"),
    "me.col.no": ("ที่", "No."),
    "me.col.code": ("รหัส", "Code"),
    "me.col.project": ("โครงการ", "Project"),
    "me.col.department": ("หน่วยงานรับผิดชอบ", "Responsible division"),
    "me.col.status": ("สถานะ", "Status"),
    "me.col.note": ("หมายเหตุ", "Note"),
    # cover and headings
    "me.cover.title": ("รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น (พ.ศ. {first}–{last})",
                       "Local Development Plan ({first}–{last} BE) Monitoring and Evaluation Report"),
    "me.cover.period": ("ช่วงเวลาที่ติดตาม {period}", "Period monitored: {period}"),
    "me.h.foreword": ("คำนำ", "Foreword"),
    "me.foreword.sign": ("คณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่น",
                         "The Local Development Plan Monitoring and Evaluation Committee"),
    "me.h.contents": ("สารบัญ", "Contents"),
    "me.h.part1": ("ส่วนที่ 1 บทนำ", "Part 1 Introduction"),
    "me.h.importance": ("1.1 ความสำคัญของการติดตามและประเมินผล", "1.1 Why monitoring and evaluation matter"),
    "me.h.legal_basis": ("1.2 ระเบียบและกฎหมายที่เกี่ยวข้อง", "1.2 Legal basis"),
    "me.h.steps": ("1.3 ขั้นตอนการติดตามและประเมินผล", "1.3 Steps of monitoring and evaluation"),
    "me.h.committee": ("1.4 คณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่น",
                       "1.4 The monitoring and evaluation committee"),
    "me.h.plan": ("1.5 วิสัยทัศน์ เป้าประสงค์ และยุทธศาสตร์การพัฒนา", "1.5 Vision, goals and strategies"),
    "me.plan.vision": ("วิสัยทัศน์", "Vision"),
    "me.plan.goals": ("เป้าประสงค์", "Goals"),
    "me.plan.strategies": ("ยุทธศาสตร์การพัฒนา", "Development strategies"),
    "me.h.part2": ("ส่วนที่ 2 ผลการติดตามและประเมินผล", "Part 2 Results of monitoring and evaluation"),
    "me.results.intro": (
        "ผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น {round} เป็นผลสะสมตั้งแต่ต้นปีงบประมาณ ช่วงเวลา {period} "
        "จำนวนโครงการและงบประมาณมาจากข้อมูลที่นำเข้าระบบ คำนวณด้วยวิธีเดียวกับแดชบอร์ดทุกหน้า",
        "The results of monitoring the local development plan, {round}, cumulated from the start of the fiscal "
        "year over {period}. Project counts and money come from the data imported into the system and are "
        "computed the same way as on every dashboard page."),
    "me.h.plan_vs_funded": ("2.1 โครงการตามแผนพัฒนาและโครงการที่ได้รับงบประมาณ",
                            "2.1 Projects in the plan and projects funded"),
    "me.table.plan_vs_funded": ("จำนวนโครงการตามแผนพัฒนาท้องถิ่นปี {fy} และที่บรรจุใน{org_ordinance} จำแนกตามยุทธศาสตร์",
                                "Projects in the plan for {fy} and in the {org_ordinance}, by strategy"),
    "me.table.plan_years": ("โครงการที่ได้รับงบประมาณ / โครงการตามแผน (ร้อยละ) จำแนกตามยุทธศาสตร์และปีของแผน",
                            "Projects funded / projects in the plan (%) by strategy and plan year"),
    "me.funded_of": ("{a}/{b} ({c})", "{a}/{b} ({c})"),
    "me.col.year": ("พ.ศ. {fy}", "{fy} BE"),
    "me.note.funding_rate": ("ร้อยละ = โครงการที่ได้รับงบประมาณ ÷ โครงการตามแผนของปีนั้น ในยุทธศาสตร์เดียวกัน",
                             "Percent = projects funded ÷ projects in the plan for the year, within the same strategy"),
    "me.h.status": ("2.2 ผลการดำเนินงานโครงการที่ได้รับงบประมาณ (แบบที่ 2)", "2.2 Status of funded projects (Form 2)"),
    "me.table.status": ("สถานะการดำเนินงานของโครงการที่ได้รับงบประมาณ จำแนกตามยุทธศาสตร์ จำนวน (ร้อยละ)",
                        "Status of funded projects by strategy, count (%)"),
    "me.note.status_share": ("ร้อยละ = จำนวนโครงการในสถานะนั้น ÷ โครงการที่ได้รับงบประมาณของยุทธศาสตร์เดียวกัน",
                             "Percent = projects in that status ÷ funded projects of the same strategy"),
    "me.h.money": ("2.3 งบประมาณ การก่อหนี้ผูกพัน และการเบิกจ่าย", "2.3 Budget, commitments and disbursement"),
    "me.table.money": ("งบประมาณตามแผน ตาม{org_ordinance} ก่อหนี้ผูกพัน และเบิกจ่าย จำแนกตามยุทธศาสตร์ (บาท)",
                       "Money planned, in the {org_ordinance}, committed and disbursed by strategy (THB)"),
    "me.note.money": ("ร้อยละเบิกจ่าย = เงินที่เบิกจ่ายสะสม ÷ งบประมาณตาม{org_ordinance} ของยุทธศาสตร์เดียวกัน",
                      "Disbursed % = cumulative disbursement ÷ the {org_ordinance} allocation of the same strategy"),
    "me.capital": ("งบลงทุน: ตั้งไว้ {allocated} บาท เบิกจ่ายแล้ว {disbursed} บาท คิดเป็นร้อยละ {rate} ของงบลงทุน",
                   "Capital budget: {allocated} THB allocated, {disbursed} THB disbursed, {rate} of the capital budget"),
    "me.h.sources": ("2.4 งบประมาณจำแนกตามแหล่งเงิน", "2.4 Money by funding source"),
    "me.table.sources": ("งบประมาณและการเบิกจ่ายจำแนกตามแหล่งเงิน (บาท)", "Money and disbursement by funding source (THB)"),
    "me.source.none": ("ไม่ระบุแหล่งเงิน", "Source not stated"),
    # the funding sources (แหล่งเงิน) a Thai local government names; an uploaded source written exactly as the
    # Thai text is printed in English by the English text; any other source is printed as written
    "me.source.ordinance": ("ข้อบัญญัติ", "Annual budget ordinance"),
    "me.source.reserve": ("เงินสะสม", "Accumulated funds"),
    "me.source.reserve_fund": ("เงินทุนสำรองเงินสะสม", "Reserve fund of accumulated funds"),
    "me.source.specific_grant": ("เงินอุดหนุนเฉพาะกิจ", "Specific-purpose grant"),
    "me.source.general_grant": ("เงินอุดหนุนทั่วไป", "General grant"),
    "me.source.carried_over": ("เงินกันไว้เบิกเหลื่อมปี", "Funds carried over from last year"),
    "me.h.by_strategy": ("2.5 ผลการดำเนินงานรายยุทธศาสตร์และตัวชี้วัด (แบบที่ 3/1)",
                         "2.5 Results by strategy and indicators (Form 3/1)"),
    "me.by_strategy.intro": (
        "แต่ละยุทธศาสตร์แสดงจำนวนโครงการ สถานะ งบประมาณ พร้อมฐานของร้อยละ และตัวชี้วัดของเป้าประสงค์ที่ยุทธศาสตร์นั้นมุ่งไปสู่ "
        "เทียบกับค่าเป้าหมายของปี",
        "Each strategy shows its projects, their status and money with the base of every percentage, and the "
        "indicators of the goal it serves against the year's targets."),
    "me.serves_goal": ("มุ่งสู่เป้าประสงค์ที่ {n}: {text}", "Serves goal {n}: {text}"),
    "me.table.strategy": ("ผลการดำเนินงาน ยุทธศาสตร์{name}", "Results, strategy: {name}"),
    "me.table.indicators": ("ตัวชี้วัดของเป้าประสงค์ที่ {n} เทียบกับค่าเป้าหมาย", "Indicators of goal {n} against targets"),
    "me.base.in_plan": ("ของโครงการตามแผน", "of projects in the plan"),
    "me.base.funded": ("ของโครงการที่ได้รับงบประมาณ", "of funded projects"),
    "me.base.allocated": ("ของงบประมาณตาม{org_ordinance}", "of the {org_ordinance} allocation"),
    "me.h.satisfaction": ("2.6 ผลการประเมินความพึงพอใจ (แบบที่ 3/2 และ 3/3)", "2.6 Satisfaction (Forms 3/2 and 3/3)"),
    "me.satisfaction.none": ("[ยังไม่มีข้อมูล] ยังไม่ได้นำเข้าผลสำรวจความพึงพอใจของประชาชนสำหรับรอบนี้",
                             "[No data yet] No citizen satisfaction survey results are loaded for this round"),
    "me.h.project_list": ("2.7 บัญชีโครงการทั้งหมดจำแนกตามยุทธศาสตร์และแผนงาน",
                          "2.7 All projects by strategy and programme"),
    "me.project_list.intro": (
        "งบประมาณเป็นบาท เบิกจ่ายเป็นยอดสะสม สถานะตามแบบที่ 2 หมายเหตุคือความก้าวหน้าที่รายงานล่าสุด",
        "Money in THB, disbursement cumulative, status as in Form 2; the note is the latest progress reported."),
    "me.not_begun": ("ตารางในส่วนนี้จึงแสดงเฉพาะโครงการ งบตามแผนและงบตาม{org_ordinance} ส่วนการก่อหนี้ผูกพัน การเบิกจ่าย "
                     "และสถานะโครงการแสดงเป็น “—” จนกว่าไตรมาสจะเริ่ม",
                     "The tables of this part therefore show only the projects and the money planned and in the "
                     "ordinance; commitments, disbursement and project status read “—” until the quarter begins"),
    "me.project_list.none": ("ไม่มีโครงการในปีนี้", "No projects this year"),
    "me.programme.unknown": ("แผนงาน: ไม่ระบุ (โครงการที่ไม่ได้นำเข้าจากเล่มแผนพัฒนา)",
                             "Programme not stated (projects not imported from the plan book)"),
    "me.programme.total": ("รวม {n} โครงการ", "Total, {n} projects"),
    "me.h.part3": ("ส่วนที่ 3 ปัญหา อุปสรรค และข้อเสนอแนะ", "Part 3 Problems, obstacles and recommendations"),
    "me.section.problems": ("ปัญหาและอุปสรรค", "Problems and obstacles"),
    "me.section.recommendations": ("ข้อเสนอแนะ", "Recommendations"),
    "me.section.impact": ("ผลกระทบ", "Impact"),
    "me.h.opinion": ("ความเห็นของคณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่น", "Opinion of the committee"),
    "me.h.method": ("ภาคผนวก ก วิธีการคำนวณ", "Annex A How the figures are computed"),
    "me.method.text": (
        "ตัวเลขทุกตัวคิดสะสมตั้งแต่ต้นปีงบประมาณ (1 ตุลาคม) ถึงสิ้นไตรมาสที่ {q} ของปีงบประมาณที่รายงาน\n"
        "โครงการตามแผน คือ โครงการในแผนพัฒนาท้องถิ่นที่กำหนดไว้สำหรับปีงบประมาณนั้น "
        "โครงการที่ได้รับงบประมาณ คือ โครงการที่มีงบประมาณตามข้อบัญญัติมากกว่าศูนย์\n"
        "สถานะของโครงการเป็นสถานะล่าสุดที่รายงานไม่เกินไตรมาสที่รายงาน โครงการที่ยังไม่เคยรายงานนับเป็น ยังไม่ได้ดำเนินการ "
        "ร้อยละของแต่ละสถานะคิดจากโครงการที่ได้รับงบประมาณเท่านั้น จึงรวมกันได้ร้อยละ 100\n"
        "ร้อยละการเบิกจ่าย คือ เงินที่เบิกจ่ายสะสม หารด้วย งบประมาณตามข้อบัญญัติ ร้อยละการก่อหนี้ผูกพันคิดแบบเดียวกัน "
        "งบลงทุนนับจากประเภทงบที่เป็นงบลงทุน ค่าครุภัณฑ์ หรือค่าที่ดินและสิ่งก่อสร้าง\n"
        "ผลของตัวชี้วัดเทียบกับค่าเป้าหมายของปีตามวิธีที่แสดงในหน้า วิธีคำนวณ ของระบบ "
        "ค่าที่ไม่มีข้อมูลแสดงเป็นขีด (—) และไม่ถือว่าไม่ผ่าน",
        "Every figure is cumulated from the start of the fiscal year (1 October) to the end of quarter {q} of "
        "the fiscal year reported.\n"
        "Projects in the plan are the local development plan's projects for that fiscal year; funded projects "
        "are those with an allocation in the budget ordinance above zero.\n"
        "A project's status is the latest reported up to the quarter of the report; a project never reported "
        "counts as not started. Status shares are of funded projects only, so they add up to 100%.\n"
        "Disbursed % is cumulative disbursement divided by the ordinance allocation; committed % likewise. "
        "Capital is the budget categories capital, equipment and land and buildings.\n"
        "Indicators are compared with the year's targets by the method shown on the system's Method page. "
        "Missing values are shown as a dash (—) and never counted as failing."),
    "me.h.announcement": ("ภาคผนวก ข ร่างประกาศผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น",
                          "Annex B Draft announcement of the results"),
    "me.announce.draft": ("(ร่าง — ตรวจสอบและแก้ไขก่อนลงนาม)", "(Draft — check and edit before signing)"),
    "me.announce.title": ("ประกาศ{org}", "Announcement of {org}"),
    "me.announce.subject": ("เรื่อง ผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น {round}",
                            "Subject: results of monitoring and evaluating the local development plan, {round}"),
    "me.announce.body": (
        "ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 "
        "และที่แก้ไขเพิ่มเติมถึง (ฉบับที่ 3) พ.ศ. 2561 ข้อ 30 (5) กำหนดให้ผู้บริหารท้องถิ่นเสนอผลการติดตามและประเมินผล"
        "ต่อสภาท้องถิ่นและคณะกรรมการพัฒนาท้องถิ่น และประกาศผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่นให้ประชาชนในท้องถิ่นทราบ"
        "ในที่เปิดเผยภายในสิบห้าวันนับแต่วันที่ผู้บริหารท้องถิ่นเสนอผลดังกล่าว และปิดประกาศไว้ไม่น้อยกว่าสามสิบวัน "
        "โดยอย่างน้อยปีละหนึ่งครั้งภายในเดือนธันวาคมของทุกปี\n"
        "{org_executive} ได้เสนอผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น {round} ต่อ{org_council} เมื่อวันที่ {council_date} "
        "จึงประกาศผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่นของ{org} ให้ประชาชนทราบโดยทั่วกัน "
        "รายละเอียดตามรายงานแนบท้ายประกาศนี้",
        "Under the Ministry of Interior Regulation on Local Development Planning 2548 BE as amended to No. 3 "
        "(2561 BE), clause 30 (5), the local executive presents the monitoring and evaluation results to the "
        "local council and the local development committee and announces them publicly within fifteen days "
        "of that presentation, posted for at least thirty days, at least once a year within December.\n"
        "The {org_executive} presented the results, {round}, to the {org_council} on {council_date}. "
        "The results of {org} are hereby announced to the public; details are in the report attached."),
    "me.announce.date": ("ประกาศ ณ วันที่ {date}", "Announced on {date}"),
    "me.announce.blank": ("....................", "...................."),
    "me.announce.sign": ("(ลงชื่อ) ........................................\n{org_executive}",
                         "(Signed) ........................................\n{org_executive}"),
    # default texts an officer may replace (page: narrative)
    "me.default.foreword": (
        "รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่นฉบับนี้ จัดทำขึ้นตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนา"
        "ขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 และที่แก้ไขเพิ่มเติม เพื่อรายงานผลการนำแผนพัฒนาท้องถิ่นไปปฏิบัติ "
        "ทั้งจำนวนโครงการ การใช้จ่ายงบประมาณ และผลตามตัวชี้วัด ต่อผู้บริหารท้องถิ่น สภาท้องถิ่น "
        "คณะกรรมการพัฒนาท้องถิ่น และประชาชน เพื่อใช้ปรับปรุงการดำเนินงานในปีต่อไป",
        "This report of monitoring and evaluating the local development plan is prepared under the Ministry of "
        "Interior Regulation on Local Development Planning 2548 BE and its amendments, to report how the plan "
        "was carried out — projects, spending and indicator results — to the executive, the council, the local "
        "development committee and the public, so that the next year's work can be improved."),
    "me.default.importance": (
        "การติดตามและประเมินผลช่วยให้ทราบว่าโครงการตามแผนพัฒนาท้องถิ่นได้รับงบประมาณและดำเนินการไปมากน้อยเพียงใด "
        "ใช้จ่ายงบประมาณตามที่ตั้งไว้หรือไม่ และบรรลุเป้าประสงค์ตามตัวชี้วัดเพียงใด "
        "เพื่อให้ผู้บริหารและสภาท้องถิ่นใช้ตัดสินใจปรับปรุงแผนและการดำเนินงาน",
        "Monitoring and evaluation show how far the plan's projects were funded and carried out, whether money "
        "was spent as allocated and how far the goals were reached by their indicators, so that the executive "
        "and the council can decide how to improve the plan and the work."),
    "me.default.legal_basis": (
        "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 "
        "และที่แก้ไขเพิ่มเติมถึง (ฉบับที่ 3) พ.ศ. 2561 ข้อ 28 กำหนดให้มีคณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่น "
        "ข้อ 29 กำหนดอำนาจหน้าที่ของคณะกรรมการ คือ กำหนดแนวทางและวิธีการติดตามและประเมินผล ดำเนินการติดตามและประเมินผล "
        "และรายงานผลพร้อมความเห็นต่อผู้บริหารท้องถิ่น และข้อ 30 (5) กำหนดให้ผู้บริหารท้องถิ่นเสนอผลต่อสภาท้องถิ่น"
        "และคณะกรรมการพัฒนาท้องถิ่น และประกาศผลให้ประชาชนทราบภายในสิบห้าวัน ปิดประกาศไว้ไม่น้อยกว่าสามสิบวัน "
        "อย่างน้อยปีละหนึ่งครั้งภายในเดือนธันวาคม",
        "The Ministry of Interior Regulation on Local Development Planning 2548 BE as amended to No. 3 (2561 BE): "
        "clause 28 establishes the monitoring and evaluation committee; clause 29 sets its duties — set the "
        "framework and method, monitor and evaluate, and report the results with its opinion to the executive; "
        "clause 30 (5) has the executive present the results to the council and the local development committee "
        "and announce them publicly within fifteen days, posted for at least thirty days, at least once a year "
        "within December."),
    "me.default.steps": (
        "คณะกรรมการกำหนดแนวทางและวิธีการในการติดตามและประเมินผลแผนพัฒนาท้องถิ่น\n"
        "ดำเนินการติดตามและประเมินผลตามแนวทางและวิธีการที่กำหนด\n"
        "รายงานผลและเสนอความเห็นซึ่งได้จากการติดตามและประเมินผลต่อผู้บริหารท้องถิ่น\n"
        "ผู้บริหารท้องถิ่นเสนอผลการติดตามและประเมินผลต่อสภาท้องถิ่นและคณะกรรมการพัฒนาท้องถิ่น\n"
        "ประกาศผลการติดตามและประเมินผลให้ประชาชนทราบในที่เปิดเผยภายในสิบห้าวัน และปิดประกาศไว้ไม่น้อยกว่าสามสิบวัน",
        "The committee sets the framework and method of monitoring and evaluation\n"
        "It monitors and evaluates by that framework and method\n"
        "It reports the results and its opinion to the local executive\n"
        "The executive presents the results to the council and the local development committee\n"
        "The results are announced publicly within fifteen days and posted for at least thirty days"),
    # narrative: sections and errors
    "me.narrative.unknown_section": ("ไม่มีส่วนข้อความ “{section}” (ยุทธศาสตร์ {strategy}) ในรายงาน",
                                     "The report has no text section “{section}” (strategy {strategy})"),
    "me.narrative.too_long": ("ข้อความยาว {n} ตัวอักษร เกินที่รับได้ {max} ตัวอักษร กรุณาย่อให้สั้นลง",
                              "The text has {n} characters, more than the {max} allowed; please shorten it"),
    "me.field.foreword": ("คำนำ", "Foreword"),
    "me.field.importance": ("ความสำคัญของการติดตามและประเมินผล", "Why monitoring and evaluation matter"),
    "me.field.legal_basis": ("ระเบียบและกฎหมายที่เกี่ยวข้อง", "Legal basis"),
    "me.field.steps": ("ขั้นตอนการติดตามและประเมินผล (บรรทัดละหนึ่งขั้นตอน)", "Steps (one per line)"),
    "me.field.committee_members": ("รายชื่อคณะกรรมการติดตามและประเมินผล (บรรทัดละหนึ่งคน)",
                                   "Committee members (one per line)"),
    "me.field.committee_opinion": ("ความเห็นของคณะกรรมการ", "The committee's opinion"),
    "me.field.council_date": ("วันที่เสนอต่อสภา (เช่น 15 ธันวาคม 2569)", "Date presented to the council"),
    "me.field.posted_date": ("วันที่ประกาศ", "Date announced"),
    "me.field.problems": ("ปัญหาและอุปสรรค", "Problems and obstacles"),
    "me.field.recommendations": ("ข้อเสนอแนะ", "Recommendations"),
    "me.field.impact": ("ผลกระทบ", "Impact"),
    # the page
    "me.nav": ("รายงานติดตามและประเมินผล", "M&E report"),
    "me.page.title": ("รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น", "Local development plan M&E report"),
    "me.page.intro": (
        "เลือกปีงบประมาณและรอบรายงาน บันทึกข้อความของคณะกรรมการ แล้วดาวน์โหลดรายงานเป็น PDF (ฉบับเผยแพร่) "
        "หรือ Word (แก้ไขได้) ตัวเลขทุกตัวในรายงานตรงกับแดชบอร์ด",
        "Choose the fiscal year and round, write the committee's text, then download the report as PDF (to "
        "publish) or Word (to edit). Every figure in it equals the dashboards."),
    "me.page.year": ("ปีงบประมาณ", "Fiscal year"),
    "me.page.round": ("รอบรายงาน", "Round"),
    "me.page.quarter": ("ไตรมาส", "Quarter"),
    "me.page.language": ("ภาษาของรายงาน", "Report language"),
    "me.page.download_pdf": ("ดาวน์โหลด PDF", "Download PDF"),
    "me.page.download_docx": ("ดาวน์โหลด Word (DOCX)", "Download Word (DOCX)"),
    "me.page.download_xlsx": ("ดาวน์โหลด Excel (XLSX)", "Download Excel (XLSX)"),
    "me.page.download_pptx": ("ดาวน์โหลด PowerPoint (PPTX)", "Download PowerPoint (PPTX)"),
    "me.page.no_data": ("ยังไม่มีข้อมูลโครงการของปีงบประมาณนี้ รายงานจะมีแต่ตารางว่าง",
                        "No project data for this fiscal year yet: the report's tables will be empty"),
    "me.page.narrative": ("ข้อความของรายงาน", "Report text"),
    "me.page.narrative_help": (
        "ข้อความที่ว่างไว้จะพิมพ์ในรายงานว่า “ยังไม่ได้บันทึก” ส่วนที่มีข้อความตั้งต้นจะใช้ข้อความตั้งต้นจนกว่าจะแก้ไข "
        "ทุกการแก้ไขถูกบันทึกในประวัติการใช้งาน",
        "Empty texts are printed as “not written yet”; sections with a default use it until edited. Every edit "
        "is recorded in the audit trail."),
    "me.page.report_part": ("ทั้งรายงาน", "Whole report"),
    "me.page.save": ("บันทึกข้อความ", "Save text"),
    "me.page.saved": ("บันทึกแล้ว {n} ส่วน", "Saved {n} section(s)"),
    "me.page.unchanged": ("ไม่มีข้อความที่เปลี่ยนแปลง", "No text changed"),
    "me.page.last_edit": ("แก้ไขล่าสุดโดย {who} เมื่อ {when}", "Last edited by {who} on {when}"),
    "me.page.read_only": ("เฉพาะเจ้าหน้าที่วิเคราะห์ฯ และผู้ดูแลระบบที่แก้ไขข้อความได้ ท่านดูได้อย่างเดียว",
                          "Only analysts and administrators can edit the text; you can read it"),
    "me.file.no_browser": ("สร้างไฟล์รายงานไม่ได้ เพราะเครื่องแม่ข่ายไม่มีเบราว์เซอร์ Chromium ที่ใช้วาดรายงาน "
                           "กรุณาแจ้งผู้ดูแลระบบให้ติดตั้ง (scripts/setup.sh) — {detail}",
                           "The report file cannot be made: the server has no Chromium browser to draw it; ask the "
                           "administrator to install it (scripts/setup.sh) — {detail}"),
    "me.file.timeout": ("สร้างไฟล์รายงานไม่ทันเวลา เครื่องแม่ข่ายอาจทำงานหนัก กรุณาลองใหม่อีกครั้ง",
                        "Making the report file took too long; the server may be busy, please try again"),
    "me.file.failed": ("สร้างไฟล์รายงานไม่สำเร็จ: {detail}", "The report file could not be made: {detail}"),
    # the goal page: the committee's texts of the goal's strategies
    "goal.notes": ("ปัญหา อุปสรรค และข้อเสนอแนะของคณะกรรมการติดตามและประเมินผล",
                   "The M&E committee's problems, obstacles and recommendations"),
    "goal.notes_round": ("จากรายงานติดตามและประเมินผล {round}", "From the M&E report, {round}"),
    "goal.no_notes": ("คณะกรรมการยังไม่ได้บันทึกปัญหาและข้อเสนอแนะของยุทธศาสตร์ในเป้าประสงค์นี้สำหรับรอบที่เลือก "
                      "(บันทึกได้ที่หน้ารายงานติดตามและประเมินผล)",
                      "The committee has not written problems or recommendations for this goal's strategies in "
                      "the chosen round (they are written on the M&E report page)"),
}

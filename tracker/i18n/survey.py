"""Catalog: the satisfaction survey (แบบที่ 3/2, 3/3): its upload kind, columns and problems, its tables and the
report's satisfaction chapter."""

MESSAGES = {
    "ingest.kind.satisfaction": ("ผลสำรวจความพึงพอใจ", "Satisfaction survey"),
    # columns (template notes)
    "ingest.col.round": ("รอบ: ประจำปี หรือ รอบ 6 เดือน", "Round: annual or half (six months)"),
    "ingest.col.table": ("ตาราง: ผู้ตอบแบบสอบถาม / แบบที่ 3/2 (ภาพรวม) / แบบที่ 3/3 (รายยุทธศาสตร์)",
                         "Table: respondents / form 3/2 (overall) / form 3/3 (per strategy)"),
    "ingest.col.strategy": ("ยุทธศาสตร์ที่ (เฉพาะแถวแบบที่ 3/3) เช่น 1", "Strategy number (form 3/3 rows only), e.g. 1"),
    "ingest.col.group": ("ลักษณะผู้ตอบ (เฉพาะแถวผู้ตอบแบบสอบถาม): เพศ / อายุ / การศึกษา / อาชีพ",
                         "Respondents' characteristic (respondent rows only): sex / age / education / occupation"),
    "ingest.col.item": ("รายการ: กลุ่มผู้ตอบ (เช่น ชาย) หรือประเด็นที่ประเมิน; แถวรวมของตารางเขียน ภาพรวม",
                        "Item: the respondents' group (e.g. male) or the point assessed; a table's total row reads ภาพรวม"),
    "ingest.col.respondents": ("จำนวนผู้ตอบ (คน)", "Number of respondents (people)"),
    "ingest.col.very_satisfied": ("ร้อยละพอใจมาก (0–100)", "Very satisfied, percent (0–100)"),
    "ingest.col.satisfied": ("ร้อยละพอใจ (0–100)", "Satisfied, percent (0–100)"),
    "ingest.col.not_satisfied": ("ร้อยละไม่พอใจ (0–100)", "Not satisfied, percent (0–100)"),
    "ingest.col.score": ("คะแนนความพึงพอใจ (เต็ม 10)", "Satisfaction score (out of 10)"),
    # problems
    "ingest.problem.survey_bad_round": (
        "'{value}' ไม่ใช่รอบที่รู้จัก — เขียน ประจำปี หรือ รอบ 6 เดือน",
        "'{value}' is not a known round — write annual (ประจำปี) or half (รอบ 6 เดือน)"),
    "ingest.problem.survey_bad_table": (
        "'{value}' ไม่ใช่ตารางของแบบสำรวจ — เขียน ผู้ตอบแบบสอบถาม, แบบที่ 3/2 หรือ แบบที่ 3/3",
        "'{value}' is not a table of the survey — write respondents, 3/2 or 3/3"),
    "ingest.problem.survey_bad_group": (
        "'{value}' ไม่ใช่ลักษณะผู้ตอบ — เขียน เพศ, อายุ, การศึกษา หรือ อาชีพ",
        "'{value}' is not a respondents' characteristic — write sex, age, education or occupation"),
    "ingest.problem.survey_unknown_strategy": (
        "'{value}' ไม่ใช่ยุทธศาสตร์ในแผน — เขียนเลขยุทธศาสตร์ ({strategies})",
        "'{value}' is not a strategy of the plan — write the strategy's number ({strategies})"),
    "ingest.problem.survey_missing_group": (
        "แถวของผู้ตอบแบบสอบถามต้องระบุลักษณะผู้ตอบ — เขียน เพศ, อายุ, การศึกษา หรือ อาชีพ",
        "a respondents row needs the characteristic — write sex, age, education or occupation"),
    "ingest.problem.survey_missing_strategy": (
        "แถวของแบบที่ 3/3 ต้องระบุยุทธศาสตร์ — กรอกเลขยุทธศาสตร์ เช่น 1",
        "a form 3/3 row needs the strategy — write the strategy's number, e.g. 1"),
    "ingest.problem.survey_missing_count": (
        "แถวของผู้ตอบแบบสอบถามต้องกรอกจำนวนผู้ตอบ — กรอกจำนวนคน",
        "a respondents row needs the number of respondents — fill in the number of people"),
    "ingest.problem.survey_missing_share": (
        "แถวของแบบที่ 3/2 ต้องกรอกร้อยละพอใจมาก พอใจ และไม่พอใจ — กรอกร้อยละในช่องนี้",
        "a form 3/2 row needs the shares very satisfied, satisfied and not satisfied — fill in the percentage"),
    "ingest.problem.survey_missing_score": (
        "แถวของแบบที่ 3/3 ต้องกรอกคะแนน (เต็ม 10) — กรอกคะแนนในช่องนี้",
        "a form 3/3 row needs the score (out of 10) — fill in the score"),
    "ingest.problem.survey_bad_count": (
        "'{value}' ไม่ใช่จำนวนคน — กรอกจำนวนเต็มตั้งแต่ 0 ขึ้นไป",
        "'{value}' is not a number of people — write a whole number of 0 or more"),
    "ingest.problem.survey_share_fraction": (
        "ร้อยละพอใจมาก พอใจ และไม่พอใจรวมกันได้ {value} แทนที่จะเป็น 100 — ดูเหมือนเขียนเป็นสัดส่วน "
        "(เช่น {written} ซึ่งหมายถึง {times}) ให้กรอกเป็นร้อยละ เช่น {times}",
        "very satisfied, satisfied and not satisfied add up to {value} instead of 100 — they look like fractions "
        "({written} meaning {times}); write percentages, e.g. {times}"),
    "ingest.problem.survey_shares_sum": (
        "ร้อยละพอใจมาก พอใจ และไม่พอใจรวมกันได้ {value} — ต้องรวมกันได้ 100 (คลาดเคลื่อนจากการปัดเศษได้ไม่เกิน ±{tolerance}) "
        "ตรวจตัวเลขของแถวนี้",
        "very satisfied, satisfied and not satisfied add up to {value} — they must add up to 100 (±{tolerance} for "
        "rounding); check this row's figures"),
    "ingest.problem.survey_score_range": (
        "คะแนน '{value}' อยู่นอกช่วง 0–10 — แบบที่ 3/3 ให้คะแนนเต็ม 10 (ถ้าคิดเต็ม 100 ให้หารด้วย 10)",
        "score '{value}' is outside 0–10 — form 3/3 scores out of 10 (divide a score out of 100 by 10)"),
    "ingest.problem.survey_group_totals": (
        "จำนวนผู้ตอบของปี {fy} รวมแต่ละลักษณะได้ไม่เท่ากัน (เพศ {sex} อายุ {age} การศึกษา {education} อาชีพ {occupation} คน) "
        "— ตรวจว่าครบทุกกลุ่ม (ไม่ผิดถ้ามีผู้ไม่ตอบบางข้อ)",
        "the respondents of {fy} counted by each characteristic differ (sex {sex}, age {age}, education {education}, "
        "occupation {occupation}) — check that every group is there (fine if some people left a question blank)"),
    "ingest.problem.survey_indicator_differs": (
        "ผลสำรวจให้ผู้พอใจและพอใจมากรวมร้อยละ {value} แต่ผลตัวชี้วัด {indicator} ปี {fy} ไตรมาส {q} ที่บันทึกไว้คือ {stored} "
        "— เมื่อนำเข้าแล้ว ตัวชี้วัดจะใช้ค่าจากผลสำรวจ ({value}) แทนค่าที่บันทึกไว้ ตรวจตัวเลขให้ถูกต้องก่อนยืนยัน",
        "the survey gives {value} % satisfied or very satisfied, but indicator {indicator}'s stored result for {fy} "
        "quarter {q} is {stored} — once imported, the indicator takes the survey's figure ({value}) in place of the "
        "stored one: check the figures before you confirm"),
    "ingest.problem.survey_replaces_result": (
        "ผลตัวชี้วัด {indicator} ปี {fy} ไตรมาส {q} มาจากผลสำรวจความพึงพอใจที่นำเข้าไว้ (ร้อยละ {share}) — ค่า {value} "
        "ในไฟล์นี้จะถูกบันทึกไว้ แต่ไม่นำมาใช้ตราบที่ยังมีผลสำรวจรอบนั้น",
        "indicator {indicator}'s result for {fy} quarter {q} comes from the satisfaction survey loaded ({share} %) — "
        "the value {value} in this file is stored but not used while that survey is loaded"),
    # the survey's tables and words
    "survey.table.respondents": ("ผู้ตอบแบบสอบถาม", "respondents"),
    "survey.table.overall": ("แบบที่ 3/2", "form 3/2"),
    "survey.table.strategy": ("แบบที่ 3/3", "form 3/3"),
    "survey.group.sex": ("เพศ", "Sex"),
    "survey.group.age": ("อายุ", "Age"),
    "survey.group.education": ("การศึกษา", "Education"),
    "survey.group.occupation": ("อาชีพ", "Occupation"),
    "survey.overall_item": ("ภาพรวม", "Overall"),
    # the report's chapter
    "me.satisfaction.intro": (
        "ผลการสำรวจความพึงพอใจของประชาชนต่อผลการดำเนินงานของ {org_short} {round} ผู้ตอบแบบสอบถามทั้งหมด {n} คน",
        "The citizens' satisfaction survey of {org_short}, {round}: {n} respondents in all"),
    "me.satisfaction.h.respondents": ("ข้อมูลทั่วไปของผู้ตอบแบบสอบถาม", "The respondents"),
    "me.satisfaction.h.overall": ("แบบที่ 3/2 ความพึงพอใจต่อผลการดำเนินงานในภาพรวม",
                                  "Form 3/2: satisfaction with the overall performance"),
    "me.satisfaction.h.strategy": ("แบบที่ 3/3 ความพึงพอใจต่อผลการดำเนินงานในแต่ละยุทธศาสตร์ (คะแนนเต็ม 10)",
                                   "Form 3/3: satisfaction with each strategy (score out of 10)"),
    "me.satisfaction.table.respondents": ("ผู้ตอบแบบสอบถามจำแนกตาม{group}", "Respondents by {group}"),
    "me.satisfaction.table.overall": ("ร้อยละความพึงพอใจต่อผลการดำเนินงานในภาพรวม (แบบที่ 3/2)",
                                      "Satisfaction with the overall performance, percent (form 3/2)"),
    "me.satisfaction.table.strategy": ("คะแนนความพึงพอใจรายยุทธศาสตร์ (แบบที่ 3/3, เต็ม 10)",
                                       "Satisfaction score per strategy (form 3/3, out of 10)"),
    "me.satisfaction.col.group": ("ลักษณะผู้ตอบ", "Respondents"),
    "me.satisfaction.col.people": ("จำนวน (คน)", "Number (people)"),
    "me.satisfaction.col.share": ("ร้อยละ", "Share"),
    "me.satisfaction.col.item": ("ประเด็นที่ประเมิน", "Point assessed"),
    "me.satisfaction.col.very": ("พอใจมาก", "Very satisfied"),
    "me.satisfaction.col.satisfied": ("พอใจ", "Satisfied"),
    "me.satisfaction.col.not": ("ไม่พอใจ", "Not satisfied"),
    "me.satisfaction.col.strategy": ("ยุทธศาสตร์", "Strategy"),
    "me.satisfaction.col.score": ("คะแนน (เต็ม 10)", "Score (out of 10)"),
    "me.satisfaction.base.respondents": ("ร้อยละของผู้ตอบทั้งหมด {n} คน", "percent of all {n} respondents"),
    "me.satisfaction.overall_share": (
        "ผู้ตอบพอใจและพอใจมากต่อผลการดำเนินงานในภาพรวม {share}",
        "Satisfied and very satisfied with the overall performance: {share}"),
    "me.satisfaction.overall_computed": (
        "(ไม่มีแถวภาพรวมในผลสำรวจ: ภาพรวมคือค่าเฉลี่ยของทุกประเด็น)",
        "(the survey has no overall row: the overall is the mean of the points assessed)"),
    "me.satisfaction.indicator": (
        "ตัวชี้วัด {code} {name}: ค่าเป้าหมายปี {fy} {target} ผลจากการสำรวจ {actual}",
        "Indicator {code} {name}: target for {fy} {target}, survey result {actual}"),
    "me.satisfaction.strategy_overall": ("ภาพรวมยุทธศาสตร์", "Strategy overall"),
    "me.satisfaction.total": ("รวม", "Total"),
    "me.satisfaction.mean": ("เฉลี่ยทุกยุทธศาสตร์", "Mean of all strategies"),
    "me.satisfaction.figure_alt": ("แผนภูมิแท่งแนวนอนซ้อนกันของร้อยละผู้พอใจมาก พอใจ และไม่พอใจ ของแต่ละประเด็นและภาพรวม "
                                   "ตัวเลขอยู่ในตารางถัดไป",
                                   "Stacked horizontal bars of the shares very satisfied, satisfied and not satisfied "
                                   "per point and overall; the figures are in the table that follows"),
    "me.satisfaction.table.items": ("คะแนนความพึงพอใจรายประเด็นของ{strategy} (แบบที่ 3/3, เต็ม 10)",
                                    "Satisfaction score per point assessed, {strategy} (form 3/3, out of 10)"),
    # the dashboard page
    "nav.satisfaction": ("ความพึงพอใจ", "Satisfaction"),
    "survey.page.title": ("ความพึงพอใจของประชาชน", "Citizen satisfaction"),
    "survey.page.intro": (
        "ผลสำรวจความพึงพอใจของประชาชนต่อผลการดำเนินงาน (แบบที่ 3/2 ภาพรวม และแบบที่ 3/3 รายยุทธศาสตร์) "
        "ตามที่นำเข้าไว้ ร้อยละผู้พอใจและพอใจมากในภาพรวมเป็นผลของตัวชี้วัดความพึงพอใจ",
        "The citizens' satisfaction survey of the organization's performance (form 3/2 overall, form 3/3 per "
        "strategy) as uploaded; the overall share satisfied or very satisfied is the satisfaction indicator's result"),
    "survey.page.round": ("รอบการสำรวจ", "Survey round"),
    "survey.page.none": (
        "ยังไม่ได้นำเข้าผลสำรวจความพึงพอใจ{round} {fy} — นำเข้าได้ที่หน้า นำเข้าข้อมูล (ชนิด ผลสำรวจความพึงพอใจ) "
        "ตัวชี้วัดความพึงพอใจจึงยังไม่มีข้อมูลจากการสำรวจ",
        "No satisfaction survey is loaded for the {round} round of {fy} — upload one on the Upload page (kind: "
        "satisfaction survey); until then the satisfaction indicator has no survey result"),
    "survey.page.overall": ("พอใจและพอใจมาก (ภาพรวม)", "Satisfied or very satisfied (overall)"),
    "survey.page.respondents": ("ผู้ตอบแบบสอบถาม (คน)", "Respondents (people)"),
    "survey.page.target": ("ค่าเป้าหมาย {code} ปี {fy}", "Target of {code} for {fy}"),
    "survey.page.indicator_status": ("ผลตัวชี้วัด {code} {name}: {status}", "Indicator {code} {name}: {status}"),
    "survey.page.computed": ("ภาพรวมคือค่าเฉลี่ยของทุกประเด็น (ผลสำรวจไม่มีแถวภาพรวม)",
                             "The overall is the mean of the points assessed (the survey has no overall row)"),
    "survey.page.no_items": ("ผลสำรวจให้คะแนนรายยุทธศาสตร์เท่านั้น ไม่มีคะแนนรายประเด็น",
                             "The survey scored each strategy as a whole, not each point assessed"),
    "survey.page.no_strategy": ("ผลสำรวจนี้ไม่มีแบบที่ 3/3 (คะแนนรายยุทธศาสตร์)",
                                "This survey has no form 3/3 (scores per strategy)"),
    "survey.col.group_item": ("กลุ่ม", "Group"),
    # the pre-filled survey form (tracker.ingest.forms)
    "form.title.satisfaction": ("แบบกรอกผลสำรวจความพึงพอใจ (แบบที่ 3/2 และ 3/3) {round} {fy}",
                                "Satisfaction survey form (forms 3/2 and 3/3), {round}, {fy}"),
    "form.instructions.satisfaction": (
        "กรอกเฉพาะช่องสีขาว: จำนวนผู้ตอบของแต่ละกลุ่ม ร้อยละพอใจมาก/พอใจ/ไม่พอใจของแต่ละประเด็น (รวมกัน 100) และคะแนน"
        "เต็ม 10 ของแต่ละยุทธศาสตร์ แถวที่ไม่กรอกจะไม่นำเข้า เพิ่มแถวได้ถ้ามีกลุ่มหรือประเด็นอื่น",
        "Type in the white cells only: the respondents of each group, the shares very satisfied / satisfied / not "
        "satisfied of each point (adding up to 100) and each strategy's score out of 10. Rows left blank are not "
        "imported; add rows for other groups or points"),
    "form.col.strategy_name": ("ชื่อยุทธศาสตร์", "Strategy name"),
    "form.col.what": ("สิ่งที่ต้องกรอก", "What to type"),
    "form.survey.what.people": ("จำนวนผู้ตอบ (คน)", "respondents (people)"),
    "form.survey.what.shares": ("ร้อยละ พอใจมาก / พอใจ / ไม่พอใจ", "percent very satisfied / satisfied / not"),
    "form.survey.what.score": ("คะแนน (เต็ม 10)", "score (out of 10)"),
    "form.check.whole": ("กรอกจำนวนเต็มตั้งแต่ 0 ขึ้นไป", "Type a whole number, 0 or more"),
    "form.survey.quarter": ("แบบกรอกผลสำรวจมีสองรอบ: --quarter 4 (ประจำปี) หรือ --quarter 2 (รอบ 6 เดือน) ไม่ใช่ {quarter}",
                            "the survey form has two rounds: --quarter 4 (annual) or --quarter 2 (six months), not "
                            "{quarter}"),
    "form.survey.heading": ("แบบกรอกผลสำรวจความพึงพอใจ ปีงบประมาณ {fy}", "Satisfaction survey form, FY {fy}"),
    "form.survey.help": (
        "ยุทธศาสตร์ของแผน กลุ่มผู้ตอบ และประเด็นที่ประเมิน (จากผลสำรวจครั้งล่าสุด หรือตามแบบที่ 3/2, 3/3) เติมไว้แล้ว "
        "กรอกเฉพาะตัวเลข แล้วนำเข้าไฟล์นี้ในหน้านี้",
        "The plan's strategies, the respondents' groups and the points assessed (from the latest survey, or those of "
        "forms 3/2 and 3/3) are filled in: type the figures only, then upload the file on this page"),
    "form.survey.download": ("แบบกรอกผลสำรวจ {round} (Excel)", "Survey form, {round} (Excel)"),
    "form.survey.download_csv": ("แบบกรอกผลสำรวจ {round} (CSV)", "Survey form, {round} (CSV)"),
    "survey.chart.axis": ("ร้อยละของผู้ตอบ", "Percent of respondents"),
}

"""The official M&E report model (#13): rounds, per-strategy figures, the analysts' narrative and the
block document both PDF and DOCX are rendered from. Figures are those of tests/dashboard_data.py
(FY 2569, Q2), worked out by hand in the comments."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tests.report_helpers import loaded
from tracker import fmt, rollup, store
from tracker.auth.roles import PermissionDenied
from tracker.i18n import t
from tracker.report import blocks as B
from tracker.report import me
from tracker.report.me import narrative as N
from tracker.report.me.build import report_projects
from tracker.report.me.rounds import RoundError
from tracker.rollup import strategies as RS

ANNUAL, HALF = me.parse("annual", 2569), me.parse("half", 2569)


def blocks(doc: B.Document):
    """Every block in reading order, with a figure's table after the figure."""
    for b in doc.walk():
        yield b
        if isinstance(b, B.Figure) and b.table is not None:
            yield b.table


def tables(doc: B.Document) -> list[B.Table]:
    return [b for b in blocks(doc) if isinstance(b, B.Table)]


def table_of(doc: B.Document, n: int) -> B.Table:
    return next(b for b in tables(doc) if b.caption.startswith(f"ตารางที่ {n} "))


def texts(doc: B.Document) -> list[str]:
    """Every piece of text of the document, in order (paragraphs, list items, headings, table cells)."""
    out = [doc.header, doc.footer]
    for b in blocks(doc):
        if isinstance(b, B.Figure):
            out.append(b.caption)
        elif isinstance(b, (B.Heading, B.Paragraph)):
            out.append(b.text)
        elif isinstance(b, B.NumberedList):
            out += list(b.items)
        elif isinstance(b, B.Table):
            out.append(b.caption)
            out += [c.title for c in b.columns]
            out += [c if isinstance(c, str) else c.text for row in b.rows for c in row]
    return out


# ------------------------------------------------------------------------------------------- rounds

@pytest.mark.parametrize("kind, fy, q, th, quarter", [
    ("annual", 2569, None, "ประจำปีงบประมาณ พ.ศ. 2569", 4),
    ("half", 2570, None, "รอบ 6 เดือน (ตุลาคม 2569 – มีนาคม 2570)", 2),
    ("quarter", 2569, 1, "ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2569 (ตุลาคม 2568 – ธันวาคม 2568)", 1),
    ("quarter", 2569, 3, "ไตรมาสที่ 3 ปีงบประมาณ พ.ศ. 2569 (เมษายน 2569 – มิถุนายน 2569)", 3),
])
def test_round_titles_name_the_buddhist_era_months_covered(kind, fy, q, th, quarter):
    rnd = me.parse(kind, fy, q)
    assert rnd.title("th") == th
    assert rnd.quarter == quarter
    assert "BE" in rnd.title("en")


def test_a_quarterly_round_needs_its_quarter_and_unknown_rounds_are_refused():
    with pytest.raises(RoundError) as e:
        me.Round("quarter", 2569)
    assert "ไตรมาส" in e.value.message("th")
    with pytest.raises(RoundError):
        me.Round("monthly", 2569)


# ------------------------------------------------------------------------------- per-strategy figures

def test_strategy_table_counts_shares_and_money_reconcile_with_the_totals(db):
    loaded(db)
    proj = report_projects(db, HALF)
    tab = RS.strategy_table(proj, pd.DataFrame({"number": [1, 2, 3, 4, 5]})).set_index("strategy_no")
    s1 = tab.loc[1]    # P1 in progress, P2 completed, P3 not funded
    assert (s1["in_plan"], s1["funded"], s1["completed"], s1["in_progress"]) == (3, 2, 1, 1)
    assert s1["funding_rate"] == pytest.approx(2 / 3)
    assert s1["completed_share"] == pytest.approx(0.5)
    s3 = tab.loc[3]    # P4 in progress, P5 never reported = not reported (method v2, never "not started"), P6 cancelled
    assert (s3["funded"], s3["in_progress"], s3["not_started"], s3["cancelled"], s3["not_reported"]) == (3, 1, 0, 1, 1)
    assert math.isnan(tab.loc[2]["funding_rate"])          # no project: undefined, not 0 %
    total = tab.loc[RS.TOTAL]
    t_ = rollup.totals(db, 2569, 2)
    assert total["in_plan"] == t_["projects"]["in_plan"] and total["funded"] == t_["projects"]["funded"]
    for k in ("planned", "allocated", "committed", "disbursed"):
        assert total[k] == pytest.approx(t_["budget"][k])
        assert tab.drop(index=RS.TOTAL)[k].sum() == pytest.approx(total[k])
    shares = sum(total[f"{s}_share"] for s in RS.FORM2_STATUSES)
    assert shares == pytest.approx(1.0)


@pytest.mark.parametrize("category, capital", [
    ("งบลงทุน", True), ("ค่าที่ดินและสิ่งก่อสร้าง", True), ("ค่าครุภัณฑ์", True), ("งบดำเนินงาน", False),
    ("งบกลาง", False), (None, False), (float("nan"), False)])
def test_capital_budget_is_recognised_by_its_category(category, capital):
    assert RS.is_capital(category) is capital


def test_capital_projects_are_marked_from_their_budget_category():
    proj = pd.DataFrame({"project_code": ["A", "B"], "budget_category": ["งบลงทุน", None]})
    out = RS.with_capital(proj).set_index("project_code")
    assert bool(out.loc["A", "is_capital"]) and not bool(out.loc["B", "is_capital"])


def test_funding_sources_add_up_to_the_total(db):
    loaded(db)
    src = RS.funding_sources(report_projects(db, HALF))
    total = src[src["is_total"]].iloc[0]
    assert src[~src["is_total"]]["allocated"].sum() == pytest.approx(total["allocated"])
    assert total["projects"] == 6


# ------------------------------------------------------------------------------------------ narrative

def test_analysts_write_the_narrative_per_round_and_every_change_is_audited(db):
    assert N.save(db, ANNUAL, "problems", "งบประมาณไม่เพียงพอ", user="analyst", strategy_no=1)
    assert not N.save(db, ANNUAL, "problems", "งบประมาณไม่เพียงพอ", user="analyst", strategy_no=1)  # unchanged
    assert N.load(db, ANNUAL).text("problems", 1) == "งบประมาณไม่เพียงพอ"
    assert N.load(db, HALF).text("problems", 1) is None                  # kept per round
    N.save(db, ANNUAL, "problems", "", user="analyst", strategy_no=1)     # empty: removed
    assert N.load(db, ANNUAL).text("problems", 1) is None
    log = store.audit_log(db, action="narrative_edit")
    assert len(log) == 2 and set(log["username"]) == {"analyst"}
    assert "งบประมาณไม่เพียงพอ" in log["detail"].iloc[-1]


def test_viewers_cannot_change_the_narrative(db):
    with pytest.raises(PermissionDenied):
        N.save(db, ANNUAL, "committee_opinion", "เห็นชอบ", user="viewer")
    assert N.load(db, ANNUAL).text("committee_opinion") is None


@pytest.mark.parametrize("section, strategy", [("problems", 0), ("problems", 9), ("foreword", 1), ("nonsense", 0)])
def test_unknown_sections_or_strategies_are_refused(db, section, strategy):
    with pytest.raises(N.NarrativeError):
        N.save(db, ANNUAL, section, "x", user="analyst", strategy_no=strategy)


# ------------------------------------------------------------------------------------------- document

def test_report_has_the_chapters_in_order_with_a_heading_per_strategy(db, plan):
    doc = me.build(loaded(db), HALF, "th")
    heads = [h.text for h in doc.headings()]
    order = ["คำนำ", "ส่วนที่ 1 บทนำ", "ส่วนที่ 2 ผลการติดตามและประเมินผล", "ส่วนที่ 3 ปัญหา อุปสรรค และข้อเสนอแนะ",
             "ภาคผนวก ก วิธีการคำนวณ", "ภาคผนวก ข ร่างประกาศผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น"]
    assert [h for h in heads if h in order] == order
    for s in plan.strategies.values():
        # results (level 3), the project list (level 3) and problems (level 2)
        assert sum(1 for h in doc.headings() if h.text == f"ยุทธศาสตร์ที่ {s.number} {s.name.th}") == 3
    assert any(isinstance(b, B.Contents) for b in doc.blocks)
    assert any(isinstance(b, B.Landscape) for b in doc.blocks)


def test_cover_names_the_plan_period_the_round_and_the_organization(db):
    doc = me.build(loaded(db), HALF, "th")
    all_text = texts(doc)
    assert "รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)" in all_text
    assert "รอบ 6 เดือน (ตุลาคม 2568 – มีนาคม 2569)" in all_text
    assert "องค์การบริหารส่วนตำบลขี้เหล็ก" in all_text


def test_vision_and_every_goal_are_printed_verbatim(db, plan):
    all_text = texts(me.build(loaded(db), ANNUAL, "th"))
    assert plan.vision.th in all_text
    for g in plan.goals.values():
        assert g.text.th in all_text


def test_figures_are_the_rollup_figures_written_by_the_one_formatter(db):
    doc = me.build(loaded(db), HALF, "th")
    t_ = rollup.totals(db, 2569, 2)
    table1 = table_of(doc, 1)
    total = table1.texts()[-1]
    assert total == ("รวม", fmt.cell("int", t_["projects"]["in_plan"], "th"),
                     fmt.cell("int", t_["projects"]["funded"], "th"),
                     fmt.cell("pct", t_["projects"]["funded"] / t_["projects"]["in_plan"], "th"))
    table3 = table_of(doc, 4)
    assert table3.texts()[-1][4] == fmt.cell("money", t_["budget"]["disbursed"], "th")
    # a strategy without projects shows a dash, never 0 %
    assert table1.texts()[1][3] == fmt.DASH


def test_missing_narrative_is_marked_empty_and_written_narrative_is_printed(db):
    loaded(db)
    empty = texts(me.build(db, ANNUAL, "th")).count(t("me.empty", "th"))
    assert empty == 5 * 3 + 2        # 3 sections × 5 strategies, committee members and opinion
    N.save(db, ANNUAL, "problems", "ฝนตกชุก ผู้รับจ้างทำงานล่าช้า\nวัสดุขาดตลาด", user="analyst", strategy_no=1)
    N.save(db, ANNUAL, "committee_opinion", "คณะกรรมการเห็นควรเร่งรัดการเบิกจ่าย", user="analyst")
    all_text = texts(me.build(db, ANNUAL, "th"))
    assert "ฝนตกชุก ผู้รับจ้างทำงานล่าช้า" in all_text and "วัสดุขาดตลาด" in all_text
    assert "คณะกรรมการเห็นควรเร่งรัดการเบิกจ่าย" in all_text
    assert all_text.count(t("me.empty", "th")) == empty - 2


def test_defaults_of_the_introduction_can_be_replaced(db):
    N.save(db, ANNUAL, "foreword", "คำนำที่เจ้าหน้าที่เขียนเอง", user="analyst")
    all_text = texts(me.build(db, ANNUAL, "th"))
    assert "คำนำที่เจ้าหน้าที่เขียนเอง" in all_text
    assert t("me.default.foreword", "th") not in all_text
    assert t("me.default.legal_basis", "th") in all_text


def test_progress_notes_are_printed_in_the_project_list(db):
    all_text = texts(me.build(loaded(db), HALF, "th"))
    assert "รายงาน Q2" in all_text          # P1's latest note


def test_a_round_whose_quarter_has_not_begun_prints_no_spending_or_status(db, monkeypatch):
    """Made before its quarter begins (the six-month round in December), the report does not repeat the
    last quarter's spending, statuses and notes as the round's: they read a dash, as summary --json has
    them null, and part 2 says why; the plan and the ordinance money stay."""
    monkeypatch.setenv("TRACKER_TODAY", "2025-12-15")            # FY2569 Q1: Q2 begins 1 Jan 2026
    doc = me.build(loaded(db), HALF, "th")
    summary = rollup.summary(db, 2569, 2)
    assert summary["totals"]["budget"]["disbursed"] is None
    said = texts(doc)
    assert any("ไตรมาสยังไม่เริ่ม (เริ่ม 1 ม.ค. 2569)" in x and "จนกว่าไตรมาสจะเริ่ม" in x for x in said)
    assert "รายงาน Q2" not in said
    total = table_of(doc, 4).texts()[-1]            # money per strategy: planned, allocated, committed, disbursed
    assert total[1] == fmt.cell("money", summary["totals"]["budget"]["planned"], "th")
    assert total[3:6] == (fmt.DASH, fmt.DASH, fmt.DASH)
    project_list = [tb for tb in tables(doc) if tb.columns[-1].title == t("me.col.note", "th")]
    rows = [row for tb in project_list for row in tb.texts()]
    assert rows and all(row[6] == fmt.DASH for row in rows)                          # disbursed, totals too
    assert all(row[7] == fmt.DASH and row[8] == "" for row in rows if row[1])       # status, note


def test_demo_data_is_marked_on_every_page_and_on_the_cover(db):
    loaded(db)
    assert me.build(db, ANNUAL, "th").header == ""
    db["import_batches"].update(1, {"is_demo": 1})
    doc = me.build(db, ANNUAL, "th")
    assert doc.header == "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง"
    assert doc.blocks[0] == B.Paragraph("ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง", style="center", bold=True)


def test_the_english_report_has_no_thai_labels_besides_names(db):
    doc = me.build(loaded(db), ANNUAL, "en")
    heads = [h.text for h in doc.headings()]
    assert "Part 2 Results of monitoring and evaluation" in heads
    assert all(not any("\u0e00" <= ch <= "\u0e7f" for ch in h) for h in heads)


def test_the_english_report_names_the_usual_funding_sources_in_english(db):
    loaded(db)
    db.execute("UPDATE projects SET funding_source = 'เงินอุดหนุนเฉพาะกิจ' WHERE project_code = 'P1'")
    db.execute("UPDATE projects SET funding_source = ' ข้อบัญญัติ ' WHERE project_code = 'P2'")
    db.execute("UPDATE projects SET funding_source = 'เงินบริจาค' WHERE project_code = 'P3'")
    for lang, want in (("en", {"Specific-purpose grant", "Annual budget ordinance", "เงินบริจาค"}),
                       ("th", {"เงินอุดหนุนเฉพาะกิจ", "ข้อบัญญัติ", "เงินบริจาค"})):
        doc = me.build(db, ANNUAL, lang)
        sources = next(tb for tb in tables(doc) if tb.caption.endswith(t("me.table.sources", lang)))
        assert want <= {row[0] for row in sources.texts()}, lang   # a source nobody named stays as written


def test_command_line_writes_the_m_and_e_report_of_a_round(db_file, tmp_path, capsys):
    import docx

    from tracker.cli import main
    out = tmp_path / "half.docx"
    assert main(["report", "--round", "half", "--fy", "2569", "--format", "docx", "-o", str(out)]) == 0
    heads = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert "ส่วนที่ 2 ผลการติดตามและประเมินผล" in heads
    book = tmp_path / "half.xlsx"
    assert main(["report", "--round", "half", "--fy", "2569", "--format", "xlsx", "-o", str(book)]) == 0
    assert book.read_bytes()[:2] == b"PK"
    assert main(["report", "--round", "half", "--fy", "2569", "-o", str(tmp_path / "half.txt")]) == 2
    assert main(["report", "--round", "quarter", "--fy", "2569", "--format", "docx"]) == 1
    assert "ไตรมาส" in capsys.readouterr().err


def test_the_page_download_renders_on_its_own_connection(db_file, db):
    import docx

    loaded(db)
    data = me.render_file(str(db_file), HALF, "docx", "en")
    heads = [p.text for p in docx.Document(__import__("io").BytesIO(data)).paragraphs if p.style.name == "Heading 1"]
    assert "Part 2 Results of monitoring and evaluation" in heads
    assert me.file_name(HALF, "docx", "en") == "khilek-me-report-2569-half-en.docx"


def test_funded_projects_per_plan_year_up_to_the_report_year(db):
    loaded(db)
    doc = me.build(db, HALF, "th")
    table = table_of(doc, 2)
    assert [c.title for c in table.columns] == ["ยุทธศาสตร์", "พ.ศ. 2566", "พ.ศ. 2567", "พ.ศ. 2568", "พ.ศ. 2569"]
    assert table.texts()[0][-1] == "2/3 (66.7%)"          # strategy 1 in 2569: P1, P2 funded of P1–P3
    assert table.texts()[-1][-1] == "5/6 (83.3%)"
    assert table.texts()[0][1] == "0/0 (—)"               # no project that year: no rate


def test_text_analysts_write_is_printed_as_text_never_as_markup(db):
    from tracker.report import html_pdf

    N.save(db, ANNUAL, "committee_opinion", '<script>alert("x")</script><b>เห็นชอบ</b>', user="analyst")
    doc = me.build(loaded(db), ANNUAL, "th")
    page = html_pdf.render_html(doc, svgs=["<svg></svg>"] * len(doc.figures()))
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;เห็นชอบ&lt;/b&gt;" in page
    assert "<script>alert" not in page


def test_a_missing_browser_is_a_clear_message_not_an_engine_error(db, monkeypatch):
    from tracker.report import chromium

    def no_browser(*a, **k):
        raise chromium.BrowserUnavailable("Chromium was not found")

    monkeypatch.setattr("tracker.report.html_pdf.render_pdf", no_browser)
    with pytest.raises(me.ReportFileError) as e:
        me.render(me.build(loaded(db), ANNUAL, "th"), "pdf")
    assert "Chromium" in e.value.message("th") and "ผู้ดูแลระบบ" in e.value.message("th")

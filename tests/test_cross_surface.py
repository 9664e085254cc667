"""One figure, one text, on every surface (#11): for an incomplete quarter, a quarter with nothing
reported and the last quarter of a closed year, each goal's score, status and coverage and the money
totals read back from the overview page and the meeting slides (AppTest), the PDF's text, the XLSX
cells (value shown through their number format, as Excel shows it) and the PPTX equal ``summary``'s
figures written by the one formatter (``summary["goals"][i]["text"]``)."""

from __future__ import annotations

import io
import subprocess

import docx
import openpyxl
import pypdf
import pytest
from pptx import Presentation

from tests.dashboard_data import PROJECTS, load_small_dataset
from tests.shown_tables import shown_tables
from tests.report_helpers import excel_text, require_pdf_tools, squash
from tracker import fmt, rollup, store, thai
from tracker.i18n import t
from tracker.report import content, documents, me, pptx, xlsx
from tracker.report.docx_kit import render_docx
from tracker.report.html_pdf import figures_to_png
from tracker.report.pptx_kit import render_pptx
from tracker.report.xlsx_kit import render_xlsx

pytestmark = pytest.mark.slow

#: Q4 values that close FY2569 (today in the tests is 2 Dec 2026, after the year's end)
YEAR_END = [("G1-I01", 4, 86), ("G1-I02", 3, 0.5), ("G1-I02", 4, 0.3), ("G1-I05", 4, 97), ("G3-I01", 4, 100),
            ("G3-I02", 4, 4.5)]
#: (fiscal year, quarter, what the period is): Q2 is incomplete (a funded project and an indicator have
#: not reported), Q3 has nothing reported, Q4 is the end of a closed year (year-end wording)
PERIODS = [(2569, 2, "incomplete"), (2569, 3, "incomplete"), (2569, 4, "incomplete")]


@pytest.fixture
def data(db_file):
    db = store.connect(db_file)
    load_small_dataset(db)
    with db.atomic():
        db["indicator_results"].insert_all([{"indicator_code": c, "fiscal_year": 2569, "quarter": q, "value": v,
                                             "note": "", "batch_id": 1} for c, q, v in YEAR_END])
        store.bump_revision(db)
    yield db
    db.close()


def _texts(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "info", "warning"):
        parts += [str(e.value) for e in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return " ".join(parts)


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("fy, q, state", PERIODS)
def test_every_surface_writes_the_summary_figures_alike(app, data, fy, q, state, lang, tmp_path):
    require_pdf_tools("pdftotext")
    summary = rollup.summary(data, fy, q)
    assert summary["period"]["state"] == state
    goals = [g["text"][lang] for g in summary["goals"]]
    totals = summary["totals"]["text"][lang]
    if (fy, q) == (2569, 4):      # the closed year reads achieved / nearly / not achieved, never "at risk"
        assert {g["status"] for g in summary["goals"]} & {"achieved", "nearly_achieved", "not_achieved"}
        assert not {g["status"] for g in summary["goals"]} & {"on_track", "at_risk", "off_track"}

    # the overview page: goal cards (score, status, coverage) and the money cards (ล้านบาท)
    page = _texts(app(lang=lang, fy=fy, q=q, page="pages/overview.py"))
    for g in goals:
        assert g["score"] in page and g["status"] in page and g["coverage"] in page, g
    assert totals["allocated_million"] in page and totals["disbursed_million"] in page
    assert summary["period"]["text"][lang].split(":")[0] in page.replace("\\", "")

    # the meeting slides: the goals slide (cards of score, status, coverage)
    at = app(lang=lang, fy=fy, q=q, page="pages/meeting.py")
    at.button(key="next").click().run()
    slide = _texts(at)
    for g in goals:
        assert g["score"] in slide and g["status"].split(" ", 1)[1] in slide and g["coverage"] in slide, g

    # the indicators page: every indicator's row (the text its table shows; the target is in the downloads)
    at = app(lang=lang, fy=fy, q=q, page="pages/indicators.py")
    grid = shown_tables(at)[0]
    head = {k: t(k, lang) for k in ("col.code", "dash.col.actual", "dash.col.status")}
    rows = {r[head["col.code"]]: r for r in grid.to_dict("records")}
    for code, (target, actual, status) in _indicator_rows(summary, lang).items():
        r = rows[code]
        assert (r[head["dash.col.actual"]], r[head["dash.col.status"]]) == (actual, status), code

    report = content.build(data, fy, q, lang)

    # the PDF (Chromium): each goal's line (score · status · coverage), every indicator's row, the totals
    pdf_file = tmp_path / "report.pdf"
    pdf_file.write_bytes(documents.write(report, "pdf"))
    text = squash(subprocess.run(["pdftotext", str(pdf_file), "-"], capture_output=True, text=True, check=True).stdout)
    for g in goals:
        assert squash(f"{g['score']}·{g['status']}·{g['coverage']}") in text, g
    assert squash(totals["allocated"]) in text and squash(totals["disbursed"]) in text
    _check_pdf_rows(pdf_file, summary, lang, fields=("start", "target", "expected", "actual", "ratio"))

    # the XLSX: score shown through its number format, the status and coverage words, money in baht;
    # every indicator's row
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.render(report)))
    ws = wb[t("report.col.goal", lang)]
    head = [c.value for c in ws[1]]
    for i, (g, raw) in enumerate(zip(goals, summary["goals"]), 2):
        cells = dict(zip(head, ws[i]))
        score = cells[t("report.col.score", lang)]
        assert excel_text(score.value, score.number_format) == g["score"], g
        assert cells[t("report.col.status", lang)].value == g["status"]
        assert cells[t("report.col.coverage", lang)].value == fmt.figure(
            "share", (raw["coverage"]["assessed"], raw["coverage"]["due"]), lang=lang)
        alloc = cells[t("report.col.allocated", lang)]
        assert excel_text(alloc.value, alloc.number_format) == g["allocated"]
    ws = wb[t("plan.indicators", lang)]
    head = [c.value for c in ws[1]]
    shown = {r[0].value: {h: excel_text(c.value, c.number_format) for h, c in zip(head, r)}
             for r in ws.iter_rows(min_row=2)}
    for code, (target, actual, status) in _indicator_rows(summary, lang).items():
        r = shown[code]
        assert (r[t("col.target", lang)], r[t("report.col.actual", lang)], r[t("report.col.status", lang)]) == \
            (target, actual, status), code

    # the PPTX: the goals slide's table (goal, status, score, coverage) and each goal slide's indicators
    deck = Presentation(io.BytesIO(pptx.render(report)))
    table = next(s for s in deck.slides[1].shapes if s.has_table).table
    rows = [[thai.unlocked(c.text) for c in row.cells] for row in table.rows][1:]   # word-break marks removed
    for g, row in zip(goals, rows):
        assert row[1:] == [g["status"], g["score"], g["coverage"]], (g, row)
    names = {r["code"]: r["name"] for r in report.indicators.rows}
    cells = [[thai.unlocked(c.text) for c in row.cells] for s in deck.slides for sh in s.shapes if sh.has_table
             for row in sh.table.rows]
    text_of = {i["code"]: i["text"][lang] for i in summary["indicators"]}
    for code, name in names.items():
        x = text_of[code]
        assert [name, x["target"], x["expected"], x["actual"], x["status"]] in cells, code


def test_a_quarter_not_begun_shows_no_figure_anywhere(app, data):
    summary = rollup.summary(data, 2570, 2)
    assert summary["period"]["state"] == "future"
    assert all(g["score"] is None and g["status"] == "future" for g in summary["goals"])
    assert summary["totals"]["text"]["th"]["disbursed"] == fmt.DASH          # never 0
    at = app(lang="th", fy=2570, q=2, page="pages/overview.py")
    assert not at.metric and "ยังไม่เริ่ม" in _texts(at)


# ------------------------------------------------------------------------- the M&E report, every file

#: (round, fiscal year, quarter, the day it is made): an incomplete quarter, the closed year (annual
#: 2569, in December) and the 6-month round of 2570 made in April 2027, when its Q2 has not reported
ROUNDS = [("quarter", 2569, 2, None), ("annual", 2569, None, None), ("half", 2570, None, "2027-04-10")]
#: FY2570 as of 2 Dec 2026: one funded project reporting Q1, one indicator value
Y2570_PROJECTS = [{**p, "fiscal_year": 2570} for p in PROJECTS[:2]]
Y2570_PROGRESS = [{"project_code": "P1", "fiscal_year": 2570, "quarter": 1, "status": "in_progress", "progress_pct": 10,
                   "committed": 200_000, "disbursed": 50_000, "note": "", "batch_id": None}]


def _indicator_rows(summary: dict, lang: str) -> dict[str, tuple[str, str, str]]:
    """Each indicator's target, actual and status as ``summary --json`` writes them."""
    return {i["code"]: (i["text"][lang]["target"], i["text"][lang]["actual"], i["text"][lang]["status"])
            for i in summary["indicators"]}


def _strategy_money(summary: dict, lang: str) -> list[tuple[str, ...]]:
    """Planned, allocated, committed, disbursed and the disbursement rate of each strategy, then the total."""
    out = [tuple(fmt.figure("money_baht", s["budget"][k], lang=lang) for k in ("planned", "allocated", "committed",
                                                                               "disbursed"))
           + (fmt.figure("percent", s["disbursement_rate"], lang=lang),) for s in summary["strategies"]]
    t_ = summary["totals"]["text"][lang]
    return out + [(t_["planned"], t_["allocated"], t_["committed"], t_["disbursed"], t_["disbursement_rate"])]


def _programme_money(summary: dict, lang: str) -> list[tuple[str, str, str]]:
    """Planned, allocated and disbursed of each programme of the plan with projects, as ``summary --json`` has them
    (projects under no programme are one group there, one table per strategy in the report)."""
    return [tuple(fmt.figure("money_baht", p["budget"][k], lang=lang) for k in ("planned", "allocated", "disbursed"))
            for p in summary["programmes"] if p["projects"]["in_plan"] and p["programme"] is not None]


def _check_rows(rows: list[list[str]], summary: dict, lang: str, surface: str) -> None:
    """Every indicator's row (code, name, unit, target, actual, status), the money table's rows and each
    programme's total in the full project list (slides included)."""
    totals = {tuple(r[4:7]) for r in rows if len(r) >= 9}
    for want in _programme_money(summary, lang):
        assert want in totals, (surface, want)
    for code, want in _indicator_rows(summary, lang).items():
        found = [r for r in rows if r and r[0].startswith(f"{code} ")]
        assert found, (surface, code)
        assert all(tuple(r[2:5]) == want for r in found), (surface, code, found, want)
    money = _strategy_money(summary, lang)
    n = len(money)
    heads = [i for i in range(len(rows) - n + 1)
             if [tuple(r[1:6]) for r in rows[i:i + n]] == money]
    assert heads, (surface, money)


@pytest.fixture
def data_2570(data):
    with data.atomic():
        data["projects"].insert_all(Y2570_PROJECTS)
        data["project_progress"].insert_all(Y2570_PROGRESS)
        data["indicator_results"].insert({"indicator_code": "G1-I01", "fiscal_year": 2570, "quarter": 1,
                                          "value": 70, "note": "", "batch_id": 1})
        store.bump_revision(data)
    return data


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("kind, fy, q, today", ROUNDS)
def test_the_m_and_e_report_files_write_every_row_as_summary_does(data_2570, kind, fy, q, today, lang, tmp_path,
                                                                  monkeypatch):
    require_pdf_tools("pdftotext")
    if today:
        monkeypatch.setenv("TRACKER_TODAY", today)
    rnd = me.parse(kind, fy, q)
    summary = rollup.summary(data_2570, fy, rnd.quarter)
    doc = me.build(data_2570, rnd, lang)
    images = figures_to_png(doc.figures())

    d = docx.Document(io.BytesIO(render_docx(doc, images=images)))
    _check_rows([[c.text for c in row.cells] for tb in d.tables for row in tb.rows], summary, lang, "docx")

    deck = Presentation(io.BytesIO(render_pptx(doc, images=images)))
    _check_rows([[thai.unlocked(c.text) for c in row.cells] for s in deck.slides for sh in s.shapes if sh.has_table
                 for row in sh.table.rows], summary, lang, "pptx")

    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))
    _check_rows([[excel_text(c.value, c.number_format) if c.value is not None else "" for c in row]
                 for ws in wb.worksheets[1:] for row in ws.iter_rows()], summary, lang, "xlsx")

    pdf_file = tmp_path / "me.pdf"
    pdf_file.write_bytes(me.render(doc, "pdf"))
    _check_pdf_rows(pdf_file, summary, lang)


def _check_pdf_rows(pdf_file, summary: dict, lang: str, fields=("target", "actual")) -> None:
    """In the PDF's text laid out as printed (``pdftotext -layout``: a table row's first line holds all
    its cells; the plain mode drops a number repeated on the same line), each indicator's first line
    has ``fields`` side by side (target and actual; start, target, expected, actual and ratio), and its
    status column (wrapped onto the next lines) is its status."""
    lines = subprocess.run(["pdftotext", "-layout", str(pdf_file), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    for item in summary["indicators"]:
        code, text = item["code"], item["text"][lang]
        want, status = [text[f] for f in fields], text["status"]
        i = next(n for n, line in enumerate(lines) if line.lstrip().startswith(f"{code} "))
        cells = lines[i].split()
        assert any(cells[k:k + len(want)] == want for k in range(1, len(cells))), (code, lines[i], want)
        col = lines[i].index(status.split()[0])                  # the status column: the icon's position
        shown = lines[i][col:]
        for line in lines[i + 1:i + 4]:                            # its words wrapped under it
            if not line.strip():
                break
            shown += line[col - 4:] if len(line) > col - 4 else ""
        assert squash(shown) == squash(status), (code, shown, status)
    text = squash("\n".join(lines))
    for row in _strategy_money(summary, lang):
        assert all(squash(x) in text for x in row), row

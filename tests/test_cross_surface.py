"""One figure, one text, on every surface (#11): for an incomplete quarter, a quarter with nothing
reported and the last quarter of a closed year, each goal's score, status and coverage and the money
totals read back from the overview page and the meeting slides (AppTest), the PDF's text, the XLSX
cells (value shown through their number format, as Excel shows it) and the PPTX equal ``summary``'s
figures written by the one formatter (``summary["goals"][i]["text"]``)."""

from __future__ import annotations

import io

import openpyxl
import pypdf
import pytest
from pptx import Presentation

from tests.dashboard_data import load_small_dataset
from tests.report_helpers import squash
from tracker import fmt, rollup, store, thai
from tracker.report import content, pdf, pptx, xlsx

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


def excel_text(value, number_format: str) -> str:
    """What Excel shows for ``value`` with the number formats the workbook uses."""
    if value is None:
        return fmt.DASH
    if number_format == "0.0%":
        return f"{value * 100:,.1f}%"
    if number_format.startswith("#,##0"):
        decimals = len(number_format.split(".")[1]) if "." in number_format else 0
        return f"{value:,.{decimals}f}"
    return str(value)


def _texts(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "info", "warning"):
        parts += [str(e.value) for e in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return " ".join(parts)


@pytest.mark.parametrize("fy, q, state", PERIODS)
def test_every_surface_writes_the_summary_figures_alike(app, data, fy, q, state):
    summary = rollup.summary(data, fy, q)
    assert summary["period"]["state"] == state
    goals = [g["text"]["th"] for g in summary["goals"]]
    totals = summary["totals"]["text"]["th"]
    if (fy, q) == (2569, 4):      # the closed year reads achieved / nearly / not achieved, never "at risk"
        assert {g["status"] for g in summary["goals"]} & {"achieved", "nearly_achieved", "not_achieved"}
        assert not {g["status"] for g in summary["goals"]} & {"on_track", "at_risk", "off_track"}

    # the overview page: goal cards (score, status, coverage) and the money cards (ล้านบาท)
    page = _texts(app(lang="th", fy=fy, q=q, page="pages/overview.py"))
    for g in goals:
        assert g["score"] in page and g["status"] in page and g["coverage"] in page, g
    assert totals["allocated_million"] in page and totals["disbursed_million"] in page
    assert summary["period"]["text"]["th"].split(":")[0] in page.replace("\\", "")

    # the meeting slides: the goals slide (cards of score, status, coverage)
    at = app(lang="th", fy=fy, q=q, page="pages/meeting.py")
    at.button(key="next").click().run()
    slide = _texts(at)
    for g in goals:
        assert g["score"] in slide and g["status"].split(" ", 1)[1] in slide and g["coverage"] in slide, g

    report = content.build(data, fy, q, "th")

    # the PDF: each goal's line (score · status · coverage) and the totals of the form-2 table (whole baht)
    text = squash("".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.render(report, charts="native"))).pages))
    for g in goals:
        word = g["status"].split(" ", 1)[1]
        assert squash(f"{g['score']}·{word}·{g['coverage']}") in text, g
    assert squash(f"{totals['allocated']}") in text and squash(totals["disbursed"]) in text

    # the XLSX: score shown through its number format, the status and coverage words, money in baht
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.render(report)))
    ws = wb["เป้าประสงค์"]
    head = [c.value for c in ws[1]]
    for i, (g, raw) in enumerate(zip(goals, summary["goals"]), 2):
        cells = dict(zip(head, ws[i]))
        score = cells["คะแนน"]
        assert excel_text(score.value, score.number_format) == g["score"], g
        assert cells["สถานะ"].value == g["status"]
        assert cells["ความครอบคลุม"].value == fmt.figure("share", (raw["coverage"]["assessed"], raw["coverage"]["due"]))
        alloc = cells["งบตามข้อบัญญัติ (บาท)"]
        assert excel_text(alloc.value, alloc.number_format) == g["allocated"]

    # the PPTX: the goals slide's table (goal, status, score, coverage)
    deck = Presentation(io.BytesIO(pptx.render(report)))
    table = next(s for s in deck.slides[1].shapes if s.has_table).table
    rows = [[thai.unlocked(c.text) for c in row.cells] for row in table.rows][1:]   # word-break marks removed
    for g, row in zip(goals, rows):
        assert row[1:] == [g["status"], g["score"], g["coverage"]], (g, row)


def test_a_quarter_not_begun_shows_no_figure_anywhere(app, data):
    summary = rollup.summary(data, 2570, 2)
    assert summary["period"]["state"] == "future"
    assert all(g["score"] is None and g["status"] == "future" for g in summary["goals"])
    assert summary["totals"]["text"]["th"]["disbursed"] == fmt.DASH          # never 0
    at = app(lang="th", fy=2570, q=2, page="pages/overview.py")
    assert not at.metric and "ยังไม่เริ่ม" in _texts(at)

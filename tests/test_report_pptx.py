"""The PowerPoint deck: the meeting's slides, Thai font on runs, the same figures."""

import io

from pptx import Presentation

from tests.report_helpers import FY, Q, loaded, squash
from tracker.plan import default_plan
from tracker import status as S
from tracker.report import content, pptx
from tracker.report.fonts import OFFICE_FONT


def _deck(db, lang="th"):
    r = content.build(loaded(db), FY, Q, lang)
    return r, Presentation(io.BytesIO(pptx.render(r)))


def _texts(slide) -> list[str]:
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [c.text for row in shape.table.rows for c in row.cells]
    return out


def test_slides_mirror_the_meeting(db):
    r, deck = _deck(db)
    assert len(deck.slides) == len(r.slides) == 1 + 1 + 5 + 3
    for n, slide in enumerate(deck.slides, 1):
        text = " ".join(_texts(slide))
        assert f"สไลด์ {n}/{len(r.slides)}" in text and r.stamp in text
    goals_text = squash(" ".join(_texts(deck.slides[1])))
    for g in default_plan().goals.values():
        assert squash(g.short.th) in goals_text


def test_form2_slide_has_the_summary_figures(db):
    r, deck = _deck(db)
    slide = deck.slides[[s.kind for s in r.slides].index("form2")]
    table = next(s for s in slide.shapes if s.has_table).table
    rows = [[c.text for c in row.cells] for row in table.rows]
    col = {c.key: i for i, c in enumerate(r.form2.columns)}
    for goal, row in zip(r.summary["goals"], rows[1:]):
        assert row[col["in_plan"]] == f"{goal['projects']['in_plan']:,}"
        assert row[col["completed"]] == f"{goal['projects']['completed']:,}"
        assert row[col["allocated"]] == goal["text"]["th"]["allocated"]          # whole baht, as everywhere
        # the buckets of form 2 add up to the funded projects
        assert sum(int(row[col[k]]) for k in S.PROJECT_BUCKETS) == int(row[col["funded"]])
    assert rows[-1][0] == "รวม" and rows[-1][col["disbursed"]] == r.summary["totals"]["text"]["th"]["disbursed"]


def test_thai_font_named_on_runs_and_native_charts(db):
    _, deck = _deck(db)
    runs = [r for s in deck.slides for sh in s.shapes if sh.has_text_frame
            for p in sh.text_frame.paragraphs for r in p.runs]
    assert runs and all(r.font.name == OFFICE_FONT for r in runs)
    cs = runs[0]._r.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}cs")
    assert cs is not None and cs.get("typeface") == OFFICE_FONT
    charts = [sh for s in deck.slides for sh in s.shapes if sh.has_chart]
    assert len(charts) == 5 + 1  # one per goal slide, one on the budget slide


def test_english_deck(db):
    r, deck = _deck(db, "en")
    assert "Slide 1 of 10" in " ".join(_texts(deck.slides[0]))

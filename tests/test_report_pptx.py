"""The PowerPoint deck: the meeting's slides, Thai font on runs, the same figures."""

import io

from pptx import Presentation

from tests.report_helpers import FY, Q, loaded, squash
from tracker.plan import default_plan
from tracker import status as S
from tracker import thai
from tracker.report import content, pptx
from tracker.report.fonts import OFFICE_FONT


def _deck(db, lang="th"):
    r = content.build(loaded(db), FY, Q, lang)
    return r, Presentation(io.BytesIO(pptx.render(r)))


def _texts(slide) -> list[str]:
    """What each text box and table cell says (the invisible word-break marks of slide_text removed)."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(thai.unlocked(shape.text_frame.text))
        if shape.has_table:
            out += [thai.unlocked(c.text) for row in shape.table.rows for c in row.cells]
    return out


def test_slides_mirror_the_meeting(db):
    r, deck = _deck(db)
    # the meeting's slides, and after the per-goal budget and form 2 the same per strategy
    assert len(r.slides) == 1 + 1 + 5 + 3 and len(deck.slides) == len(r.slides) + 2
    for n, slide in enumerate(deck.slides, 1):
        text = " ".join(_texts(slide))
        assert f"สไลด์ {n}/{len(deck.slides)}" in text and r.stamp in text
    goals_text = squash(" ".join(_texts(deck.slides[1])))
    for g in default_plan().goals.values():
        assert squash(g.short.th) in goals_text


def test_form2_slide_has_the_summary_figures(db):
    r, deck = _deck(db)
    slide = deck.slides[[s.kind for s in r.slides].index("form2") + 1]      # after the budget per strategy
    table = next(s for s in slide.shapes if s.has_table).table
    rows = [[thai.unlocked(c.text) for c in row.cells] for row in table.rows]
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
    assert "Slide 1 of 12" in " ".join(_texts(deck.slides[0]))


def test_thai_on_slides_may_break_only_between_words(db):
    """PowerPoint and LibreOffice split Thai compounds with their own dictionaries ("ข้อ|บัญญัติ"): every
    run's text lets them break only where the segmenter puts a word boundary (tracker.thai)."""
    _, deck = _deck(db)
    runs = [r.text for slide in deck.slides for shape in slide.shapes
            for tf in ([shape.text_frame] if shape.has_text_frame else
                       [c.text_frame for row in shape.table.rows for c in row.cells] if shape.has_table else [])
            for p in tf.paragraphs for r in p.runs]
    assert any("บัญญัติ" in thai.unlocked(t) for t in runs)
    for text in runs:
        plain, allowed, pos = thai.unlocked(text), set(thai.breaks(thai.unlocked(text))), 0
        for ch in text:             # each place a renderer may break (after a space or U+200B) is a word boundary
            if ch in (thai.WJ, thai.ZWSP):
                if ch == thai.ZWSP:
                    assert pos in allowed, (plain, pos)
                continue
            pos += 1
            if ch == " " and pos < len(plain):
                assert pos in allowed, (plain, pos)
        assert text == thai.locked_breaks(plain, markdown=True)   # inside a word nothing is left for a dictionary to split



def test_projects_and_money_by_strategy_follow_the_per_goal_slides(db):
    """#10: a slide of แบบที่ 2 per strategy after the per-goal one, and of money per strategy after the
    budget slide; their rows add up to the totals."""
    r, deck = _deck(db)
    titles = [" ".join(_texts(s)[:1]) for s in deck.slides]
    by = titles.index(r.form2_by_strategy.title)
    assert titles[by - 1] == r.form2.title and titles.index(r.budget_by_strategy.title) == titles.index(r.budget.title) + 1
    table = next(s for s in deck.slides[by].shapes if s.has_table).table
    rows = [[thai.unlocked(c.text) for c in row.cells] for row in table.rows]
    assert rows[0][0] == "ยุทธศาสตร์" and rows[-1][0] == "รวม"
    assert [row[0] for row in rows[1:-1]] == [f"{s['strategy']}. {s['name_th']}" for s in r.summary["strategies"]]
    funded = [c.key for c in r.form2_by_strategy.columns].index("funded")
    assert sum(int(row[funded]) for row in rows[1:-1]) == int(rows[-1][funded])
    assert rows[-1][funded] == f"{r.summary['totals']['projects']['funded']:,}"


def test_meeting_tables_fit_their_slide_rows_measured_and_words_whole(db):
    """Each table's rows are as tall as their wrapped text (LibreOffice never grows a row, so a fixed height
    made a wrapped cell overlap the next row), the table ends above the footer, and no column is narrower
    than its longest word ("ค่าเป้าหมาย" was broken inside on the goal slide)."""
    from pptx.util import Pt

    from tracker.report import fonts
    from tracker.report.pptx_kit import CELL_MARGIN_X

    r, deck = _deck(db)
    tables = [sh for slide in deck.slides for sh in slide.shapes if sh.has_table]
    assert tables
    for sh in tables:
        rows = list(sh.table.rows)
        assert len({r_.height for r_ in rows}) >= 1 and sh.top + sum(r_.height for r_ in rows) <= pptx.BODY_BOTTOM
        for j, col in enumerate(sh.table.columns):
            cells = [thai.unlocked(row.cells[j].text) for row in rows]
            size = rows[0].cells[j].text_frame.paragraphs[0].runs[0].font.size.pt
            assert col.width >= Pt(fonts.widest_piece(cells, size, True)) + 2 * CELL_MARGIN_X - Pt(1), cells


def test_the_attention_list_is_paged_never_cut(db):
    r, deck = _deck(db)
    pages = pptx.attention_pages(r)
    assert [row for page in pages for row in page] == r.attention.text_rows()
    shown = [tuple(thai.unlocked(c.text) for c in row.cells) for s in deck.slides for sh in s.shapes if sh.has_table
             and thai.unlocked(sh.table.cell(0, 0).text) == r.attention.header[0] for row in list(sh.table.rows)[1:]]
    assert shown == [tuple(row) for row in r.attention.text_rows()]

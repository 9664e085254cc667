"""The plan import page and the revisions page through the real entry point: the analyst uploads the
plan book, sees every problem with its sheet, row and column, what would change (before → after),
answers what the book does not say, confirms, gets a receipt, and can roll the whole import back."""

from __future__ import annotations

from datetime import date

import pytest

from tests.planbook_books import ADDED_NAME, REVISED_BUDGET, REVISED_NAME, ROADS, SAMPLE, revised_sample, small_spec
from tests.test_app_upload import metric, texts
from tracker import store
from tracker.ingest.planbook.write import WriteOptions, write_plan_workbook
from tracker.store import planbook as store_plan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE = "pages/plan_import.py"


def upload(at, name: str, data: bytes, mime: str = XLSX):
    at.file_uploader(key="plan_file").upload(name, data, mime)
    return at.run()


def table_with(at, column: str):
    """The first table on the page that has ``column``."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def tick_warnings_read(at):
    """Tick "I checked the warnings" (shown only when the book has warnings; Confirm waits for it)."""
    assert at.button(key="plan_confirm").disabled
    next(b for b in at.checkbox if b.label == "I checked the warnings; the values are right").check().run()


def active_projects(db_file) -> int:
    pp = store_plan.projects(store.connect(db_file))
    return int(((pp["active"] == 1) & (pp["coordination"] == 0)).sum()) if len(pp) else 0


@pytest.mark.parametrize("lang", ["th", "en"])
def test_plan_import_and_revisions_pages_render_in_both_languages(app, lang):
    at = app(lang=lang, page=PAGE, user="analyst")
    assert not at.exception, at.exception
    assert ("นำเข้าแผนพัฒนาท้องถิ่น" if lang == "th" else "Import the local development plan book") in texts(at)
    at.switch_page("pages/revisions.py").run()
    assert not at.exception, at.exception
    assert ("ยังไม่มีการปรับปรุงแผน" if lang == "th" else "No plan revision recorded yet") in texts(at)


def test_a_viewer_gets_no_plan_import_page_but_sees_the_revisions(app):
    at = app(lang="en", user="viewer")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)                       # not in a viewer's navigation
    at.switch_page("pages/revisions.py").run()
    assert not at.exception, at.exception


def test_the_sample_book_previews_then_imports_with_a_receipt_and_its_revisions(app, db_file):
    at = app(lang="en", page=PAGE, user="analyst")
    upload(at, "khilek-p02-sample.xlsx", SAMPLE.read_bytes())
    assert not at.exception, at.exception
    assert metric(at, "Projects in the book") == "147" and metric(at, "New") == "147"
    assert metric(at, "Errors") == "0" and metric(at, "Coordination projects (ผ.02/2)") == "4"
    assert "16 ผ.02 sheets" in texts(at)
    assert active_projects(db_file) == 0                       # nothing written before confirming
    at.button(key="plan_confirm").click().run()
    assert not at.exception, at.exception
    assert "Plan book imported (batch 1): 147 new" in texts(at)
    assert "Nothing changes" in texts(at)                      # the same book again: nothing to do
    assert active_projects(db_file) == 147

    at.switch_page("pages/revisions.py").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert table["Revision"].tolist() == ["Review 1/2565", "Addition 1/2567"]
    assert table["Projects added"].tolist() == [145, 6]        # 147 own projects and 4 ผ.02/2 ones


def test_a_revised_book_shows_before_and_after_and_commits_as_a_revision_with_its_approval_date(app, db_file):
    at = app(lang="en", page=PAGE, user="analyst")
    upload(at, "plan.xlsx", SAMPLE.read_bytes())
    at.button(key="plan_confirm").click().run()
    upload(at, "plan-revised.xlsx", revised_sample())
    assert not at.exception, at.exception
    assert metric(at, "New") == "1" and metric(at, "Changed") == "2" and metric(at, "Errors") == "0"
    changes = table_with(at, "What")
    row, year, before, after = REVISED_BUDGET
    money = changes[changes["What"] == f"Plan amount {year}"]
    assert money[["Old", "New"]].values.tolist() == [[f"{before:,}", f"{after:,}"]]
    assert "Name" in changes["What"].tolist()

    picker = at.date_input(key="plan_appr_เพิ่มเติม 2/2568")          # picked from a calendar, not typed
    assert picker.value is None
    picker.set_value(date(2025, 6, 30))
    at.form_submit_button[0].click().run()
    assert not at.exception, at.exception
    assert "Approval date of Addition 2/2568 · given: 30 Jun 2025" in \
        at.date_input(key="plan_appr_เพิ่มเติม 2/2568").label
    at.button(key="plan_confirm").click().run()
    assert not at.exception, at.exception
    assert "Plan revisions recorded: Addition 2/2568" in texts(at)
    revs = store_plan.revisions(store.connect(db_file)).set_index("label")
    assert revs.loc["เพิ่มเติม 2/2568", "approved_on"] == "2025-06-30"

    at.switch_page("pages/revisions.py").run()
    assert not at.exception, at.exception
    at.selectbox(key="revision_pick").set_value(int(revs.loc["เพิ่มเติม 2/2568", "id"])).run()
    shown = table_with(at, "Change")
    assert ADDED_NAME in shown["Project"].tolist()
    assert [f"{before:,}", f"{after:,}"] in shown[["Old", "New"]].values.tolist()


def test_an_old_xls_file_is_refused_with_how_to_save_it_as_xlsx_and_nothing_is_written(app, db_file):
    at = app(lang="th", page=PAGE, user="analyst")
    upload(at, "plan.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "application/vnd.ms-excel")
    assert not at.exception, at.exception
    problems = at.dataframe[0].value
    assert ".xlsx" in " ".join(problems["รายละเอียดและวิธีแก้"])
    assert not [b for b in at.button if b.key == "plan_confirm"]
    assert active_projects(db_file) == 0


def test_a_book_with_a_wrong_total_names_the_sheet_row_and_both_numbers(app, db_file):
    spec = small_spec()
    book = write_plan_workbook(spec, WriteOptions()).data
    import io

    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(book))
    ws = next(ws for ws in wb.worksheets if any(str(c.value or "").startswith("รวม") for c in ws["A"]))
    total = next(c for c in ws["A"] if str(c.value or "").startswith("รวม"))
    cell = next(c for c in ws[total.row] if isinstance(c.value, (int, float)) and c.value > 0)
    cell.value += 1000
    buf = io.BytesIO()
    wb.save(buf)
    at = app(lang="en", page=PAGE, user="analyst")
    upload(at, "wrong-total.xlsx", buf.getvalue())
    assert not at.exception, at.exception
    problems = at.dataframe[0].value
    hit = problems[(problems["Sheet"] == ws.title) & (problems["Row"] == total.row)]
    assert len(hit) and (hit["Column"] == cell.column_letter).any()
    assert "error" in texts(at).lower() and not [b for b in at.button if b.key == "plan_confirm"]
    assert active_projects(db_file) == 0


def test_an_unknown_department_is_asked_once_and_remembered(app, db_file):
    spec = small_spec()
    spec.projects[0].department = "กองยุทธศาสตร์และงบประมาณ"
    data = write_plan_workbook(spec, WriteOptions()).data
    at = app(lang="en", page=PAGE, user="analyst")
    upload(at, "plan.xlsx", data)
    assert not at.exception, at.exception
    assert "กองยุทธศาสตร์และงบประมาณ" in " ".join(at.dataframe[0].value["What to fix"])
    assert not [b for b in at.button if b.key == "plan_confirm"]
    at.selectbox(key="plan_dept_กองยุทธศาสตร์และงบประมาณ").set_value("PAL")
    at.form_submit_button[0].click().run()
    assert not at.exception, at.exception
    assert metric(at, "Errors") == "0"
    tick_warnings_read(at)      # the reader's note on the unmapped name stays a warning to read
    at.button(key="plan_confirm").click().run()
    assert "Plan book imported" in texts(at)
    aliases = store_plan.department_aliases(store.connect(db_file))
    assert "PAL" in aliases.loc[aliases["written"] == "กองยุทธศาสตร์และงบประมาณ", "department"].tolist()


def test_a_plan_import_rolls_back_whole_from_the_page(app, db_file):
    at = app(lang="en", page=PAGE, user="analyst")
    upload(at, "plan.xlsx", SAMPLE.read_bytes())
    at.button(key="plan_confirm").click().run()
    assert active_projects(db_file) == 147
    at.file_uploader(key="plan_file").clear()
    at.run()
    assert not at.exception, at.exception
    at.checkbox(key="plan_rollback_sure").check()
    at.form_submit_button[0].click().run()
    assert not at.exception, at.exception
    assert "Rolled back batch 1" in texts(at)
    assert active_projects(db_file) == 0
    assert store.projects(store.connect(db_file)).empty


def test_the_analyst_can_make_a_similar_name_a_new_project_before_confirming(app, db_file):
    at = app(lang="en", page=PAGE, user="analyst")
    upload(at, "plan.xlsx", SAMPLE.read_bytes())
    at.button(key="plan_confirm").click().run()
    upload(at, "plan-revised.xlsx", revised_sample())
    assert metric(at, "New") == "1" and metric(at, "No longer in the plan") == "0"
    renamed = f"{ROADS}!{REVISED_NAME[0]}"                     # matched by a similar name
    at.selectbox(key="plan_link_from").set_value(renamed)
    at.selectbox(key="plan_link_to").set_value("")             # "a new project"
    next(b for b in at.form_submit_button if "Link" in b.label).click().run()
    assert not at.exception, at.exception
    assert metric(at, "New") == "2" and metric(at, "No longer in the plan") == "1"
    assert f"sheet {ROADS} row {REVISED_NAME[0]} → a new project" in " ".join(str(x.value) for x in at.text)
    at.button(key="plan_link_clear").click().run()
    assert metric(at, "New") == "1" and metric(at, "No longer in the plan") == "0"


def test_the_approval_date_is_picked_and_shown_in_the_buddhist_era_in_thai(app, db_file):
    at = app(lang="th", page=PAGE, user="analyst")
    upload(at, "plan.xlsx", SAMPLE.read_bytes())
    at.button(key="plan_confirm").click().run()
    upload(at, "plan-revised.xlsx", revised_sample())
    at.date_input(key="plan_appr_เพิ่มเติม 2/2568").set_value(date(2025, 6, 30))
    at.form_submit_button[0].click().run()
    assert not at.exception, at.exception
    assert at.date_input(key="plan_appr_เพิ่มเติม 2/2568").label.endswith("บันทึกไว้ 30 มิ.ย. 2568")


def test_confirm_waits_until_the_analyst_ticks_that_the_warnings_were_read(app, db_file):
    book = write_plan_workbook(small_spec(), WriteOptions(copy_first_sheet=True)).data   # Excel's "(2)" copy: a warning
    at = app(lang="en", page=PAGE, user="analyst")
    upload(at, "plan.xlsx", book)
    assert not at.exception, at.exception
    assert metric(at, "Errors") == "0" and int(metric(at, "Warnings")) >= 1
    assert at.button(key="plan_confirm").disabled
    tick_warnings_read(at)
    assert not at.button(key="plan_confirm").disabled
    at.button(key="plan_confirm").click().run()
    assert not at.exception, at.exception
    assert active_projects(db_file) == len(small_spec().projects)

"""นำเข้าแผนพัฒนา — the plan book (แบบ ผ.01/ผ.02) as the office keeps it: upload, every problem with its
sheet, row and column, what importing it would do (changed before → after, new, no longer in the plan),
the analyst's answers (departments, revision and approval date, re-links), confirm, receipt; rollback
of a plan import."""

import streamlit as st

from tracker import fmt, store, tables
from tracker.ingest import planimport
from tracker.ingest.planimport import present as pp
from tracker.ingest.preview import sha256
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui
from tracker.ui import imports as ui_imports

ui.require_router()
ui_auth.require_action("upload")
lang = ui.lang()
plan = ui.plan()

st.title(ui.t("planimport.title"))
st.caption(ui.t("planimport.intro", period=f"{plan.first_fy}–{plan.last_fy}"))
if flash := st.session_state.pop("plan_flash", None):
    st.success(flash, icon=":material/undo:")
# the box says .xlsx; an old .xls, a PDF or a web page of the plan gets through to be refused with what to do
uploaded = ui_imports.file_box(ui.t("planimport.file"), key="plan_file", shown_types="XLSX, XLSM")
data = uploaded.getvalue() if uploaded is not None else b""
receipt = st.session_state.get("plan_receipt")
if receipt and (uploaded is None or receipt.sha256 == sha256(data)):   # the receipt of this file's commit
    st.success(receipt.message(lang), icon=":material/check_circle:")
    st.text(ui.t("upload.receipt_detail", batch=receipt.batch_id, file=receipt.file_name, sha=receipt.sha256,
                 user=receipt.username, when=ui.when_label(receipt.created_at)))
    if receipt.revisions:
        st.caption(ui.t("planimport.receipt_revisions",
                        revisions=", ".join(planimport.label_text(r, lang) for r in receipt.revisions)))

if uploaded is None:
    st.info(ui.t("planimport.waiting"), icon=":material/upload_file:")
    with ui.db() as conn:
        batches = store.batches(conn)
    plan_batches = batches[(batches["kind"] == planimport.KIND) & (batches["status"] == "committed")]
    if len(plan_batches):
        st.subheader(ui.t("planimport.rollback"))
        st.caption(ui.t("planimport.rollback_help"))
        ui_imports.rollback_form(plan_batches, key="plan_rollback", flash="plan_flash")
    st.stop()

digest = sha256(data)
choices = ui_imports.choices(digest)
with ui.db() as conn:
    # the book is read once per file; the answers only redo the comparison with the store
    book = st.session_state.get("plan_book")
    if book is None or book[0] != (digest, uploaded.name):
        with st.spinner(ui.t("planimport.reading")):
            book = ((digest, uploaded.name), planimport.read_book(conn, data, uploaded.name, plan=plan))
        st.session_state["plan_book"] = book
    pv = planimport.prepare_plan(conn, book=book[1], plan=plan, choices=choices)

    read = pv.book.plan
    if read.title:
        st.caption(ui.plain(ui.t("planimport.detected", title=read.title,
                                 sheets=sum(s.kind == "p02" for s in pv.book.sheets))))
    c = pv.counts
    keys = ("projects", "unchanged", "changed", "new", "gone", "coordination", "errors", "warnings")
    for col, key in zip(st.columns(4) + st.columns(4), keys):
        col.metric(ui.t(f"planimport.count.{key}"), f"{c[key]:,}", border=True)

    if pv.problems:
        st.subheader(ui.t("upload.problems"))
        st.dataframe(pp.problem_table(pv, lang), hide_index=True, width="stretch", placeholder=fmt.DASH)
        st.download_button(ui.t("upload.problems_download"), data=tables.csv_bytes(pv.problem_frame()),
                           file_name="plan-problems.csv", mime="text/csv", on_click="ignore", key="plan_problems_csv")

    if pv.book.sheets:
        ui_imports.answers(pv, plan)
        projects = pp.project_frame(pv, lang)
        if len(projects):
            st.subheader(ui.t("planimport.projects"))
            tabs = st.tabs([ui.t("planimport.tab.changes"), ui.t("planimport.tab.new"), ui.t("planimport.tab.gone"),
                            ui.t("planimport.tab.all"), ui.t("planimport.tab.coordination")])
            with tabs[0]:
                ui_imports.table(pp.change_table(pv, lang))
            for tab, status in zip(tabs[1:3], ("new", "gone")):
                with tab:
                    ui_imports.table(pp.project_table(projects[projects["status"] == status], lang))
            with tabs[3]:
                ui_imports.table(pp.project_table(projects, lang), height=420)
            with tabs[4]:
                st.caption(ui.t("planimport.coordination_help"))
                ui_imports.table(pp.project_table(pp.project_frame(pv, lang, coordination=True), lang))
            ui_imports.relink(pv)

    if pv.has_errors:
        st.error(pv.summary(lang), icon=":material/error:")
    elif pv.nothing_to_do:
        st.info(pv.summary(lang), icon=":material/info:")
    else:
        st.success(ui.t("planimport.ok_to_commit", summary=pv.summary(lang)), icon=":material/fact_check:")
        read_warnings = ui_imports.warnings_read(c["warnings"], key=f"plan_checked_{pv.sha256[:12]}")
        ui_imports.confirm("planimport.confirm", key="plan_confirm", receipt_key="plan_receipt",
                           commit=planimport.commit_plan, conn=conn, preview=pv, disabled=not read_warnings)

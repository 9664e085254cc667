"""นำเข้าข้อมูล — quarterly upload: templates, file, every problem, preview old → new, confirm, receipt."""

import streamlit as st

from tracker import ingest, settings, store, tables
from tracker.errors import TrackerError
from tracker.ingest import present, templates
from tracker.ingest.preview import sha256
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui
from tracker.ui import imports as ui_imports
from tracker.ui.forms import forms_section
from tracker.ui.mapping import mapping_form, saved_mappings

ui.require_router()
ui_auth.require_action("upload")
lang = ui.lang()
kinds = list(ingest.KINDS)

st.title(ui.t("upload.title"))
st.caption(ui.t("upload.intro") + " · " + ui.t("upload.limit", mb=settings.get("max_upload_mb")))

with st.expander(ui.t("upload.templates"), icon=":material/download:"):
    for col, kind in zip(st.columns(len(kinds)), kinds):
        label = ui.t(f"ingest.kind.{kind}")
        col.download_button(ui.t("upload.template_csv", kind=label), data=templates.template_csv(kind),
                            file_name=f"{kind}.csv", mime="text/csv", on_click="ignore", key=f"tpl_csv_{kind}")
        col.download_button(ui.t("upload.template_xlsx", kind=label), data=templates.template_xlsx(kind),
                            file_name=f"{kind}.xlsx", mime=templates.XLSX_MIME, on_click="ignore",
                            key=f"tpl_xlsx_{kind}")

forms_section()
saved_mappings()

kind_labels = {"auto": ui.t("upload.kind_auto"), **{k: ui.t(f"ingest.kind.{k}") for k in kinds}}
choice = st.selectbox(ui.t("upload.kind"), list(kind_labels), key="upload_kind", format_func=kind_labels.get)
# .xls: a government system's web report saved as .xls (an HTML table); a real old .xls is refused with a reason
uploaded = ui_imports.file_box(ui.t("upload.file"), key="upload_file", shown_types="CSV, TXT, TSV, XLSX, XLS")



def confirm(shown) -> None:
    """Commit the preview the analyst saw (not one re-made on this click); a stale one is refused."""
    with ui.db() as conn:
        try:
            st.session_state["upload_receipt"] = ingest.commit(conn, shown, user=ui.current_username())
        except TrackerError as exc:
            st.session_state["upload_refusal"] = exc
        except store.SQLITE_ERRORS as exc:      # read-only or full database: say so, nothing was written
            st.session_state["upload_refusal"] = store.explain(exc, ui.db_path())
    ui.after_write()


data = uploaded.getvalue() if uploaded is not None else b""
refused = st.session_state.pop("upload_refusal", None)
if refused is not None:
    ui.refusal(refused, icon=":material/error:")
receipt = st.session_state.get("upload_receipt")
if receipt and (uploaded is None or receipt.sha256 == sha256(data)):   # the receipt of this file's commit
    st.success(receipt.message(lang), icon=":material/check_circle:")
    st.text(ui.t("upload.receipt_detail", batch=receipt.batch_id, file=receipt.file_name, sha=receipt.sha256,
                 user=receipt.username, when=ui.when_label(receipt.created_at)))   # st.text: file names are not markdown
    if uploaded is not None:
        st.stop()      # the receipt is the last word on this file (no redraw of its preview as "nothing to do")
if uploaded is None:
    st.info(ui.t("upload.waiting"), icon=":material/upload_file:")
    st.stop()

kind = None if choice == "auto" else choice
with ui.db() as conn:
    # the preview is kept for this file, kind and data revision (a 100k-row file is not re-read per click)
    cache_key = (sha256(data), uploaded.name, kind, store.revision(conn))
    cached = st.session_state.get("upload_preview")
    if cached is None or cached[0] != cache_key:
        with st.spinner():
            cached = (cache_key, ingest.prepare(conn, data, uploaded.name, kind=kind, plan=ui.plan()))
        st.session_state["upload_preview"] = cached
    pv = cached[1]

    if flash := st.session_state.pop("upload_flash", None):
        st.success(ui.plain(flash), icon=":material/check_circle:")
    if pv.mapping_name:
        st.caption(ui.plain(ui.t("mapping.applied", name=pv.mapping_name)))
    if {"unknown_kind", "missing_column"} & set(pv.errors["code"]):    # another layout: map its columns once
        mapping_form(pv)
    kind_label = ui.t(f"ingest.kind.{pv.kind}") if pv.kind else "?"
    sep = pv.separator_name
    sep = ui.t(f"upload.sep.{sep}") if sep in ("comma", "semicolon", "tab") else sep or "-"   # in words
    st.caption(ui.plain(ui.t("upload.detected", kind=kind_label, encoding=pv.encoding or "-", sep=sep,
                             rows=pv.n_rows)
                             + (" · " + ui.t("upload.sheet", sheet=pv.sheet) if pv.sheet else "")))
    c = pv.counts
    for col, key, n in zip(st.columns(5), ("new", "changed", "unchanged", "errors", "warnings"),
                           (c["new"], c["changed"], c["unchanged"], c["errors"], c["warnings"])):
        col.metric(ui.t(f"upload.{key}"), f"{n:,}", border=True)

    if len(pv.problems):
        st.subheader(ui.t("upload.problems"))
        st.dataframe(present.problem_table(pv.problems, lang), hide_index=True, width="stretch")
        st.download_button(ui.t("upload.problems_download"), data=tables.csv_bytes(pv.problems),
                           file_name="problems.csv", mime="text/csv", on_click="ignore", key="problems_csv")
    if pv.skipped_rows:
        st.caption(ui.t("upload.skipped_rows", rows=", ".join(map(str, pv.skipped_rows))))
    if len(pv.changes):
        st.subheader(ui.t("upload.changes"))
        st.dataframe(present.change_table(pv.changes, lang, present.file_headers(pv)), hide_index=True,
                     width="stretch")
    if pv.n_rows:
        st.subheader(ui.t("upload.rows_as_read"))
        st.dataframe(present.row_table(pv, lang), hide_index=True, width="stretch", key="upload_rows")

    if pv.has_errors:
        st.error(ui.t("ingest.has_errors", n=c["errors"]), icon=":material/error:")
    elif pv.nothing_to_do:
        st.info(pv.summary(lang), icon=":material/info:")
    else:
        st.success(ui.t("upload.ok_to_commit"), icon=":material/fact_check:")
        # plausible-but-wrong values: read, then ticked, before Confirm is offered
        checked = ui_imports.warnings_read(c["warnings"], key=f"upload_checked_{pv.sha256[:12]}")
        st.button(ui.t("upload.confirm"), type="primary", key="upload_confirm", icon=":material/save:",
                  on_click=confirm, args=(pv,), disabled=not checked)

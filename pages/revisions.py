"""การปรับปรุงแผน — the plan's revisions as records (ฉบับแรก, ทบทวน, เพิ่มเติม, เปลี่ยนแปลง, แก้ไข): approval
date, how many projects each added, changed and removed, and what it changed, before → after."""

import streamlit as st

from tracker import tables
from tracker.ingest import planimport
from tracker.ingest.planimport import present as pp
from tracker.store import planbook as store_plan
from tracker.ui import frame as ui

ui.require_router()
lang = ui.lang()

st.title(ui.t("revisions.title"))
st.caption(ui.t("revisions.intro"))
revisions = ui.load(store_plan.revisions)
if revisions.empty:
    st.info(ui.t("revisions.none"), icon=":material/history:")
    st.stop()

st.dataframe(pp.revision_table(revisions, lang, when=ui.when_label), hide_index=True, width="stretch")

labels = {int(r["id"]): planimport.label_text(r["label"], lang) for r in revisions.to_dict("records")}
ids = list(labels)
chosen = st.selectbox(ui.t("revisions.pick"), ids, index=len(ids) - 1, format_func=labels.get, key="revision_pick")
changes = ui.load(store_plan.revision_changes, chosen)
if changes.empty:
    st.caption(ui.t("revisions.no_changes"))
    st.stop()
st.subheader(ui.t("revisions.changes_of", revision=labels[chosen], n=len(changes)))
table = pp.revision_change_table(changes, lang, with_revision=False)
wide = {ui.t(k): st.column_config.TextColumn(width="medium") for k in ("upload.col.old", "upload.col.new")}
st.dataframe(table, hide_index=True, width="stretch", height=min(38 + 35 * len(table), 520), column_config=wide)
st.download_button(ui.t("dash.download_csv"), data=tables.csv_bytes(table), file_name=f"revision-{chosen}.csv",
                   mime="text/csv", on_click="ignore", key="revision_csv")

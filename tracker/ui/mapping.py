"""The upload page's column mapping (:mod:`tracker.ingest.mappings`): map a file in another layout once, and the
list of saved mappings (administrators delete them)."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from tracker.ingest import mappings
from tracker.ingest.contract import KINDS, match_header
from tracker.status import PROJECT_STATUSES
from tracker.store import mappings as store_mappings
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui

MAX_WORDS = 40     #: value words asked per column (a layout with more is mapped by fixing the file)


def _saved(message: str) -> None:
    st.session_state.pop("upload_preview", None)     # read the file again through the mapping
    st.session_state["upload_flash"] = message
    st.rerun()


def _word_choices(typ: str, plan) -> dict[str, str]:
    if typ == "status":
        return {s: ui.t(f"pstatus.{s}") for s in PROJECT_STATUSES}
    return {c: d.name.get(ui.lang()) for c, d in plan.departments.items()}


def mapping_form(pv) -> None:
    """Map the columns (and the unknown status and department words) of the file in ``pv`` and save it."""
    plan = ui.plan()
    with st.expander(ui.t("mapping.section"), expanded=True, icon=":material/table_chart:"):
        st.caption(ui.t("mapping.help"))
        kind = st.selectbox(ui.t("mapping.kind"), list(KINDS), index=None, key="map_kind",
                            format_func=lambda k: ui.t(f"ingest.kind.{k}"))
        if kind is None:
            return
        k = KINDS[kind]
        options = [mappings.IGNORE] + [c.name for c in k.columns]

        def label(c: str) -> str:
            if not c:
                return ui.t("mapping.ignore")
            col = k.column(c)
            return f"{col.th} *" if col.required else col.th

        columns: dict[str, str] = {}
        for i, header in enumerate(pv.headers):
            guess = match_header(kind, header) or mappings.IGNORE
            columns[header] = st.selectbox(ui.t("mapping.column_of", header=ui.plain(header)), options,
                                           index=options.index(guess), format_func=label, key=f"map_col_{i}")
        words: dict[str, dict[str, str]] = {}
        for header, c in columns.items():
            typ = k.column(c).type if c else None
            unknown = mappings.words_to_map(pv.raw, header, typ, plan) if typ in ("status", "department") else []
            if not unknown:
                continue
            st.markdown("**" + ui.t("mapping.words", header=ui.plain(header)) + "**")
            choices = _word_choices(typ, plan)
            for j, word in enumerate(unknown[:MAX_WORDS]):
                meaning = st.selectbox(ui.t("mapping.word_means", word=ui.plain(word)), list(choices), index=None,
                                       format_func=choices.get, key=f"map_word_{c}_{j}")
                if meaning:
                    words.setdefault(c, {})[word] = meaning
        name = st.text_input(ui.t("mapping.name"), key="map_name", max_chars=80)
        if st.button(ui.t("mapping.save"), type="primary", key="map_save", icon=":material/save:"):
            done, _ = ui.write(mappings.save_mapping, name=name, kind=kind, columns=columns, value_words=words,
                               user=ui.current_username())
            if done:
                _saved(ui.t("mapping.saved", name=name.strip()))


def saved_mappings() -> None:
    """The saved mappings, when there are any; an administrator can delete one."""
    with ui.db() as conn:
        saved = store_mappings.mappings(conn)
    if saved.empty:
        return
    with st.expander(ui.t("mapping.list"), icon=":material/table_chart:"):
        def columns_text(text: str) -> str:
            return "; ".join(f"{h} → {KINDS_TH.get(c, c)}" for h, c in json.loads(text).items() if c)

        KINDS_TH = {c.name: c.th for k in KINDS.values() for c in k.columns}
        st.dataframe(pd.DataFrame({
            ui.t("mapping.col.name"): saved["name"],
            ui.t("mapping.col.kind"): saved["kind"].map(lambda k: ui.t(f"ingest.kind.{k}")),
            ui.t("mapping.col.columns"): saved["columns"].map(columns_text),
            ui.t("mapping.col.by"): saved["updated_by"].fillna(saved["created_by"]),
        }), hide_index=True, width="stretch")
        if not ui_auth.allowed("settings"):
            return
        names = dict(zip(saved["id"].astype(int), saved["name"]))
        pick = st.selectbox(ui.t("mapping.delete_pick"), list(names), index=None, format_func=names.get,
                            key="map_delete_pick")
        if pick is not None and st.button(ui.t("mapping.delete"), key="map_delete", icon=":material/delete:"):
            done, _ = ui.write(mappings.delete_mapping, pick, user=ui.current_username())
            if done:
                _saved(ui.t("mapping.deleted"))

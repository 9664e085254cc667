"""The upload page's column mapping (:mod:`tracker.ingest.mappings`): map a file in another layout once, and the
list of saved mappings (administrators edit or delete them)."""

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


def _saved(message: str, flash: str = "upload_flash") -> None:
    st.session_state.pop("upload_preview", None)     # read the file again through the mapping
    st.session_state[flash] = message
    st.rerun()


def _word_choices(typ: str, plan) -> dict[str, str]:
    if typ == "status":
        return {s: ui.t(f"pstatus.{s}") for s in PROJECT_STATUSES}
    return {c: d.name.get(ui.lang()) for c, d in plan.departments.items()}


def _columns(k, headers, chosen: dict[str, str], prefix: str) -> dict[str, str]:
    """One drop-down per file header: which contract column of kind ``k`` it feeds (``chosen`` pre-selects)."""
    options = [mappings.IGNORE] + [c.name for c in k.columns]

    def label(c: str) -> str:
        if not c:
            return ui.t("mapping.ignore")
        col = k.column(c)
        text = col.th if ui.lang() == "th" else f"{col.th} / {col.name}"     # as the forms head it in English
        return f"{text} *" if col.required else text

    return {header: st.selectbox(ui.t("mapping.column_of", header=ui.plain(header)), options,
                                 index=options.index(chosen.get(header) or mappings.IGNORE), format_func=label,
                                 key=f"{prefix}_col_{i}")
            for i, header in enumerate(headers)}


def _words(k, asked: dict[str, list[str]], chosen: dict[str, dict[str, str]], headers: dict[str, str],
           prefix: str) -> dict[str, dict[str, str]]:
    """One drop-down per value word (``asked``: contract column -> words): what it means."""
    plan = ui.plan()
    words: dict[str, dict[str, str]] = {}
    for c, unknown in asked.items():
        if not unknown:
            continue
        st.markdown("**" + ui.t("mapping.words", header=ui.plain(headers.get(c, k.column(c).th))) + "**")
        choices = _word_choices(k.column(c).type, plan)
        for j, word in enumerate(unknown[:MAX_WORDS]):
            had = chosen.get(c, {}).get(word)
            meaning = st.selectbox(ui.t("mapping.word_means", word=ui.plain(word)), list(choices),
                                   index=list(choices).index(had) if had in choices else None,
                                   format_func=choices.get, key=f"{prefix}_word_{c}_{j}",
                                   placeholder=ui.t("mapping.choose"))
            if meaning:
                words.setdefault(c, {})[word] = meaning
    return words


def mapping_form(pv) -> None:
    """Map the columns (and the unknown status and department words) of the file in ``pv`` and save it.

    A file recognised as a kind but missing columns (``pv.kind`` set) opens on that kind, with the columns
    that did match already chosen: the analyst picks only the missing ones."""
    plan = ui.plan()
    with st.expander(ui.t("mapping.section"), expanded=True, icon=":material/table_chart:"):
        st.caption(ui.t("mapping.help_partial" if pv.kind else "mapping.help"))
        kinds = list(KINDS)
        kind = st.selectbox(ui.t("mapping.kind"), kinds, index=kinds.index(pv.kind) if pv.kind in kinds else None,
                            key="map_kind", format_func=lambda k: ui.t(f"ingest.kind.{k}"),
                            placeholder=ui.t("mapping.choose"))
        if kind is None:
            return
        k = KINDS[kind]
        columns = _columns(k, pv.headers, {h: match_header(kind, h) for h in pv.headers}, "map")
        asked = {c: mappings.words_to_map(pv.raw, h, k.column(c).type, plan)
                 for h, c in columns.items() if c and k.column(c).type in ("status", "department")}
        words = _words(k, asked, {}, {c: h for h, c in columns.items() if c}, "map")
        name = st.text_input(ui.t("mapping.name"), key="map_name", max_chars=80)
        if st.button(ui.t("mapping.save"), type="primary", key="map_save", icon=":material/save:"):
            done, _ = ui.write(mappings.save_mapping, name=name, kind=kind, columns=columns, value_words=words,
                               user=ui.current_username())
            if done:
                _saved(ui.t("mapping.saved", name=name.strip()))


def saved_mappings() -> None:
    """The saved mappings, when there are any; an administrator can edit or delete one."""
    with ui.db() as conn:
        saved = store_mappings.mappings(conn)
    if saved.empty:
        return
    flash = st.session_state.pop("mapping_flash", None)
    with st.expander(ui.t("mapping.list"), icon=":material/table_chart:", expanded=flash is not None):
        if flash:
            st.success(ui.plain(flash), icon=":material/check_circle:")

        def columns_text(text: str) -> str:
            return "; ".join(f"{h} → {KINDS_TH.get(c, c)}" for h, c in json.loads(text).items() if c)

        KINDS_TH = {c.name: c.th for k in KINDS.values() for c in k.columns}
        st.dataframe(pd.DataFrame({
            ui.t("mapping.col.name"): saved["name"],
            ui.t("mapping.col.kind"): saved["kind"].map(lambda k: ui.t(f"ingest.kind.{k}")),
            ui.t("mapping.col.columns"): saved["columns"].map(columns_text),
            ui.t("mapping.col.by"): saved["updated_by"].fillna(saved["created_by"]),
        }), hide_index=True, width="stretch")
        if ui_auth.allowed("settings"):
            _editor(saved)


def _editor(saved: pd.DataFrame) -> None:
    """Administrators: choose a saved mapping, rename it, change the column each header feeds and what its
    value words mean, save; or delete it."""
    names = dict(zip(saved["id"].astype(int), saved["name"]))
    pick = st.selectbox(ui.t("mapping.edit_pick"), list(names), index=None, format_func=names.get,
                        key="map_edit_pick", placeholder=ui.t("mapping.choose"))
    if pick is None:
        return
    with ui.db() as conn:
        m = store_mappings.by_id(conn, pick)
    if m is None:       # deleted in another tab
        return
    k = KINDS[m["kind"]]
    st.caption(ui.t("mapping.edit_help"))
    name = st.text_input(ui.t("mapping.name"), value=m["name"], key=f"map_edit_name_{pick}", max_chars=80)
    columns = _columns(k, list(m["columns"]), m["columns"], f"map_edit_{pick}")
    words = _words(k, {c: sorted(w) for c, w in m["value_words"].items() if c in {x.name for x in k.columns}},
                   m["value_words"], {c: h for h, c in columns.items() if c}, f"map_edit_{pick}")
    row = st.container(horizontal=True, gap="small")
    if row.button(ui.t("mapping.edit_save"), type="primary", key="map_edit_save", icon=":material/save:"):
        done, _ = ui.write(mappings.edit_mapping, pick, name=name, columns=columns, value_words=words,
                           user=ui.current_username())
        if done:
            _saved(ui.t("mapping.edited", name=name.strip()), "mapping_flash")
    if row.button(ui.t("mapping.delete"), key="map_delete", icon=":material/delete:"):
        done, _ = ui.write(mappings.delete_mapping, pick, user=ui.current_username())
        if done:
            _saved(ui.t("mapping.deleted"), "mapping_flash")

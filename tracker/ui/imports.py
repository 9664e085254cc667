"""Widgets of the import pages: the rollback form (history page and plan import page) and the analyst's
answers to a plan-book import (departments the book names that the office has not mapped, the
revision and its approval date, re-links). Each answer updates :class:`tracker.ingest.planimport.Choices`
kept in the session; the page then previews again with them."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import streamlit as st

from tracker import ingest, periods, settings
from tracker.errors import TrackerError
from tracker.ingest import present
from tracker.ingest.planimport import REVISION_KINDS, Choices, PlanPreview, RevisionInfo, label_text
from tracker.ingest.planimport import present as plan_present
from tracker.ui import frame as ui
from tracker.ui import markup

CHOICES = "plan_choices"     #: session key: {"sha": file digest, "choices": Choices}


def file_box(label: str, *, key: str, shown_types: str):
    """The file box of an import page, its button and instructions in the reader's language
    (:func:`tracker.ui.markup.uploader_css`); ``shown_types`` is what the box says it takes. Any file gets
    through the box (no ``type=`` filter, and up to twice the product's limit, setting ``max_upload_mb``):
    the import refuses a file of another kind or over the limit with the file's name and what to do, in
    the reader's language, where Streamlit's own check would say "application/pdf files are not
    allowed" or "File must be 20.0MB or smaller" in English."""
    mb = settings.get("max_upload_mb")
    st.html(markup.uploader_css(key, button=ui.t("upload.box.button"), drop=ui.t("upload.box.drop"),
                                instructions=ui.t("upload.box.limit", mb=mb, types=shown_types)))
    st.html(markup.uploader_names_script(key, {part: ui.t(f"upload.box.{part}", name="{name}")
                                               for part in ("input", "add", "remove", "cancel", "retry")}),
            unsafe_allow_javascript=True)
    return st.file_uploader(label, key=key, max_upload_size=2 * mb)


def rollback_form(committed: pd.DataFrame, *, key: str, flash: str) -> None:
    """Pick a committed batch, tick "I am sure", roll it back as one batch (:func:`tracker.ingest.rollback`);
    the result is kept under ``flash`` for the page to show after the rerun."""
    lang = ui.lang()
    labels = {int(r["id"]): present.batch_label(r, lang, when=ui.when_label) for r in committed.to_dict("records")}
    with st.form(f"{key}_form"):
        batch_id = st.selectbox(ui.t("history.rollback_pick"), list(labels), format_func=labels.get, key=f"{key}_pick")
        sure = st.checkbox(ui.t("history.rollback_confirm"), key=f"{key}_sure")
        submitted = st.form_submit_button(ui.t("history.rollback_button"), type="primary", icon=":material/undo:")
    if submitted:
        if not sure:
            st.warning(ui.t("history.confirm_needed"), icon=":material/warning:")
            return
        # refused, or no backup (then no rollback): the reason is shown
        done, result = ui.write(ingest.rollback, batch_id, user=ui.current_username())
        if done:
            st.session_state[flash] = result.message(lang)
            st.rerun()


def table(df: pd.DataFrame, **kw) -> None:
    """A read-only table, or "none" when it is empty."""
    if len(df):
        wide = {ui.t(k): st.column_config.TextColumn(width="medium") for k in ("upload.col.old", "upload.col.new")}
        st.dataframe(df, hide_index=True, width="stretch", column_config={c: w for c, w in wide.items() if c in df},
                     **kw)
    else:
        st.caption(ui.t("planimport.none"))


def warnings_read(n: int, *, key: str) -> bool:
    """Plausible-but-wrong values: with ``n`` warnings the analyst reads them and ticks that they did
    before Confirm is offered (the quarterly upload and the plan-book import). True when there are
    none or the box is ticked."""
    if not n:
        return True
    st.warning(ui.t("upload.warnings_first", n=n), icon=":material/warning:")
    return st.checkbox(ui.t("upload.warnings_checked"), key=key)


def confirm(label_key: str, *, key: str, receipt_key: str, commit, conn, preview, disabled: bool = False) -> None:
    """The confirm button of an import: ``commit(conn, preview, user=…)`` keeps its receipt under
    ``receipt_key`` and reruns; a refusal (a stale preview, no permission) is shown in the user's language."""
    if st.button(ui.t(label_key), type="primary", key=key, icon=":material/save:", disabled=disabled):
        try:
            st.session_state[receipt_key] = commit(conn, preview, user=ui.current_username())
        except TrackerError as exc:
            ui.refusal(exc, icon=":material/error:")
        else:
            ui.after_write()
            st.rerun()


def choices(sha: str) -> Choices:
    """The analyst's answers for the file with digest ``sha`` (a new file starts with none)."""
    kept = st.session_state.get(CHOICES)
    if not kept or kept["sha"] != sha:
        kept = st.session_state[CHOICES] = {"sha": sha, "choices": Choices()}
    return kept["choices"]


def _save(sha: str, ch: Choices) -> None:
    st.session_state[CHOICES] = {"sha": sha, "choices": ch}
    st.rerun()


def answers(pv: PlanPreview, plan) -> None:
    """Ask what the book does not say: the division of each unknown department name, the revision of
    this import when it changes the plan without naming one, and the approval date of each new revision."""
    ch = pv.choices
    unknown = pv.state.unknown_departments
    new_revisions = pv.state.new_revisions
    needs_revision = any(p.code == "import_revision_needed" for p in pv.problems)
    if not (unknown or new_revisions or needs_revision or ch.revision):
        return
    st.subheader(ui.t("planimport.answers"))
    divisions = {"": ui.t("planimport.choose"), **{code: d.name.get(ui.lang()) for code, d in plan.departments.items()}}
    with st.form("plan_answers"):
        picked = {name: st.selectbox(ui.t("planimport.department_of", name=name), list(divisions),
                                     format_func=divisions.get, key=f"plan_dept_{name}",
                                     index=list(divisions).index(ch.departments.get(name, "")))
                  for name in unknown}
        if needs_revision or ch.revision:
            st.caption(ui.t("planimport.revision_help"))
            a, b, c = st.columns(3)
            kinds = list(REVISION_KINDS)
            rev = ch.revision
            kind = a.selectbox(ui.t("planimport.revision_kind"), kinds, key="plan_rev_kind",
                               index=kinds.index(rev.kind) if rev and rev.kind in kinds else 0,
                               format_func=lambda k: ui.t(f"revision.kind.{k}"))
            number = b.number_input(ui.t("planimport.revision_number"), 1, 99, rev.number if rev else 1,
                                    key="plan_rev_number")
            year = c.number_input(ui.t("planimport.revision_year"), 2500, 2700,
                                  rev.year if rev else periods.fiscal_year_of(datetime.now(periods.BANGKOK).date()), key="plan_rev_year")
        dates = {r.label: st.date_input(_approval_label(r), value=_day(r.approved_on), min_value=date(1990, 1, 1),
                                        max_value=date(2100, 12, 31), format="DD/MM/YYYY", key=f"plan_appr_{r.label}")
                 for r in new_revisions}
        if not st.form_submit_button(ui.t("planimport.apply_answers"), icon=":material/done_all:"):
            return
    approvals = {label: day.isoformat() for label, day in dates.items() if day}
    revision = ch.revision
    if needs_revision or ch.revision:
        revision = RevisionInfo(kind, int(number), int(year), approvals.get(RevisionInfo(kind, int(number),
                                                                                          int(year)).label))
    _save(pv.sha256, Choices(links=ch.links, departments={k: v for k, v in picked.items() if v} | {
        k: v for k, v in ch.departments.items() if k not in picked}, revision=revision, approvals=approvals))


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _approval_label(r: RevisionInfo) -> str:
    """ "Approval date of Addition 2/2568", with the date already given in the user's calendar (the
    date picker shows the Christian year: the Thai UI also says it in the Buddhist Era)."""
    label = ui.t("planimport.approved_on", revision=label_text(r.label, ui.lang()))
    if r.approved_on:
        label += " · " + ui.t("planimport.approved_given", date=periods.date_label(_day(r.approved_on), ui.lang()))
    return label


def relink(pv: PlanPreview) -> None:
    """Let the analyst link a project of the book to a known one (or make a match a new project)."""
    incoming, targets = plan_present.link_choices(pv, ui.lang())
    ch = pv.choices
    if not incoming and not ch.links:
        return
    with st.expander(ui.t("planimport.relink"), icon=":material/link:", expanded=bool(ch.links)):
        st.caption(ui.t("planimport.relink_help"))
        if incoming:
            with st.form("plan_relink"):
                which = st.selectbox(ui.t("planimport.relink_project"), list(incoming), format_func=incoming.get,
                                     key="plan_link_from")
                options = {"": ui.t("planimport.relink_new"), **targets}
                to = st.selectbox(ui.t("planimport.relink_to"), list(options), format_func=options.get,
                                  key="plan_link_to")
                if st.form_submit_button(ui.t("planimport.relink_apply"), icon=":material/link:"):
                    sheet, _, row = which.rpartition("!")
                    _save(pv.sha256, Choices(links={**ch.links, (sheet, int(row)): to or None},
                                             departments=ch.departments, revision=ch.revision,
                                             approvals=ch.approvals))
        if ch.links:
            for (sheet, row), code in ch.links.items():
                st.text(ui.t("planimport.linked_as", sheet=sheet, row=row, code=code or ui.t("planimport.relink_new")))
            if st.button(ui.t("planimport.relink_clear"), key="plan_link_clear", icon=":material/link_off:"):
                _save(pv.sha256, Choices(departments=ch.departments, revision=ch.revision, approvals=ch.approvals))

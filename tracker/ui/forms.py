"""The upload page's section of pre-filled quarterly forms (:mod:`tracker.ingest.forms`): choose the year,
quarter and department, download each form as Excel or CSV."""

from __future__ import annotations

import streamlit as st

from tracker import periods
from tracker.i18n import org_terms
from tracker.ingest import forms
from tracker.store import forms as store_forms
from tracker.ui import frame as ui


def _form(kind: str, ext: str, fy: int, quarter: int, lang: str, department: str | None) -> bytes:
    with ui.db() as conn:
        if ext == "csv":
            return forms.form_csv(conn, kind, fy, quarter, lang=lang, department=department)
        if ext == "zip":
            return forms.department_forms_zip(conn, kind, fy, quarter, lang=lang, org=org_terms(lang)["org_short"])
        return forms.form_xlsx(conn, kind, fy, quarter, lang=lang, department=department,
                               org=org_terms(lang)["org_short"])


MIME = {"xlsx": forms.XLSX_MIME, "csv": "text/csv", "zip": "application/zip"}


def forms_section() -> None:
    """An expander: year, quarter and department, then per form an Excel and a CSV button, and for all
    departments a ZIP of each department's own workbook (the files are made when a button is clicked)."""
    lang, plan = ui.lang(), ui.plan()
    with st.expander(ui.t("form.section"), icon=":material/edit_note:"):
        st.caption(ui.t("form.section_help"))
        fy0, q0 = ui.period()
        years = list(plan.fiscal_years)
        funded = [y for y in ui.load(store_forms.funded_years) if y in years]
        if funded and fy0 not in funded:      # the chosen year has no funded project: offer the latest that has
            fy0, q0 = funded[-1], 1
        c1, c2, c3 = st.columns(3)
        fy = c1.selectbox(ui.t("sidebar.fiscal_year"), years, index=years.index(fy0) if fy0 in years else len(years) - 1,
                          key="form_fy")
        quarter = c2.selectbox(ui.t("sidebar.quarter"), [1, 2, 3, 4], index=q0 - 1, key="form_q",
                               format_func=lambda q: periods.quarter_label(q, lang, fy))
        names = {"": ui.t("form.all_departments"), **{c: d.name.get(lang) for c, d in plan.departments.items()}}
        department = c3.selectbox(ui.t("form.department"), list(names), format_func=names.get, key="form_dept") or None
        if ui.load(store_forms.funded_projects, fy, department).empty:
            st.info(ui.t("form.no_projects", fy=fy), icon=":material/info:")
        for kind in forms.FORM_KINDS:
            label = ui.t(f"ingest.kind.{kind}")
            row = st.container(horizontal=True, gap="small")
            for ext in ("xlsx", "csv") if department else ("xlsx", "csv", "zip"):
                row.download_button(
                    ui.t(f"form.download_{ext}", kind=label), key=f"form_{kind}_{ext}", on_click="ignore",
                    data=lambda k=kind, e=ext: _form(k, e, fy, quarter, lang, department),
                    file_name=forms.file_name(kind, fy, quarter, ext, department), mime=MIME[ext],
                    icon=":material/folder_zip:" if ext == "zip" else ":material/download:")
        if not department:
            st.caption(ui.t("form.zip_help"))
        _survey_forms(fy, lang)


def _survey_forms(fy: int, lang: str) -> None:
    """The satisfaction survey's form of the year, one per round (the survey is the whole organization's)."""
    st.markdown(f"**{ui.plain(ui.t('form.survey.heading', fy=fy))}**")
    st.caption(ui.words(ui.t("form.survey.help")))
    row = st.container(horizontal=True, gap="small")
    for quarter, rnd in forms.SURVEY_ROUNDS.items():
        for ext, key in (("xlsx", "form.survey.download"), ("csv", "form.survey.download_csv")):
            row.download_button(
                ui.t(key, round=ui.t(f"me.round.kind.{rnd}")), key=f"form_survey_{rnd}_{ext}", on_click="ignore",
                data=lambda q=quarter, e=ext: _form(forms.SURVEY_FORM, e, fy, q, lang, None),
                file_name=forms.file_name(forms.SURVEY_FORM, fy, quarter, ext), mime=MIME[ext],
                icon=":material/download:")

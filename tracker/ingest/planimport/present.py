"""Tables for people about plan-book imports and plan revisions, labelled in Thai or English.

Pure pandas (no Streamlit): the plan import page and the revisions page draw them, tests assert on
them. Amounts are written by :func:`tracker.fmt.number`; a blank cell (no entry) is ``—`` and a dash
cell (nothing planned) is ``0``, as the book keeps them apart.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from tracker import fmt, periods
from tracker.i18n import t
from tracker.ingest.planbook.identity import Match
from tracker.ingest.planbook.model import PlanProject
from tracker.ingest.planimport.preview import PlanPreview
from tracker.ingest.planimport.revisions import label_text
from tracker.ingest.present import SEVERITY_ICONS
from tracker.status import missing

#: a project's fate in a preview -> icon (never colour alone)
STATUS_ICONS = {"new": "+", "changed": "✎", "unchanged": "=", "gone": "–"}
#: amount fields: their before/after are money per plan year
AMOUNT_FIELDS = ("budgets", "ordinance")


def problem_table(preview: PlanPreview, lang: str) -> pd.DataFrame:
    """Every problem: sheet, row, column, the cell as written, severity (icon + word) and what to fix."""
    p = preview.problem_frame()
    sev = p["severity"].map(lambda s: f"{SEVERITY_ICONS.get(s, 'ℹ')} {t(f'ingest.severity.{s}', lang)}")
    return pd.DataFrame({
        t("planimport.col.sheet", lang): p["sheet"].fillna("").astype(str),
        t("upload.col.row", lang): p["row"].astype("Int64"),
        t("upload.col.column", lang): p["column"].fillna("").astype(str),
        t("upload.col.value", lang): p["value"].fillna("").astype(str),
        t("upload.col.severity", lang): sev,
        t("upload.col.message", lang): p[f"message_{lang}"].astype(str),
    })


def value_text(field: str | None, value, lang: str) -> str:
    """A before/after value as shown: amounts with thousands separators (a blank cell ``—``), a
    strategy as "ยุทธศาสตร์ที่ n", a revision label in the user's language, text as written."""
    if field in AMOUNT_FIELDS:
        return fmt.number(value)
    if missing(value) or value == "":
        return fmt.DASH
    if field == "strategy":
        return t("planimport.strategy_n", lang, n=value)
    return str(value)


def _status(kind: str, lang: str) -> str:
    return f"{STATUS_ICONS[kind]} {t(f'planimport.status.{kind}', lang)}"


def _project_row(kind: str, p: PlanProject, code: str | None, lang: str, m: Match | None = None) -> dict:
    return {"status": kind, "status_text": _status(kind, lang), "code": code or "", "sheet": p.sheet, "row": p.row,
            "revision": label_text(p.revision, lang), "name": p.name,
            "was": m.known.name if m is not None and m.known.name != p.name else "",
            "how": t(f"planimport.how.{m.how}", lang) if m is not None else "",
            "key": f"{p.sheet}!{p.row}"}


def project_frame(preview: PlanPreview, lang: str, *, coordination: bool = False) -> pd.DataFrame:
    """One row per project of the book (main ผ.02, or the ผ.02/2 ones) and per known project no longer
    in it: ``status`` (new / changed / unchanged / gone), ``status_text``, ``code`` (stable; new ones
    get theirs on commit), ``sheet, row, revision, name``, ``was`` (the known name when the match
    renamed it), ``how`` (exact / similar name / moved / linked by you), ``key`` (``sheet!row``)."""
    diff = preview.state.coordination if coordination else preview.state.main
    codes = preview.state.codes
    rows = [_project_row("changed", m.incoming, m.code, lang, m) for m in diff.changed]
    rows += [_project_row("new", p, codes.get(p.key), lang) for p in diff.new]
    rows += [_project_row("gone", k, k.code, lang) for k in diff.gone]
    rows += [_project_row("unchanged", m.incoming, m.code, lang, m) for m in diff.unchanged]
    return pd.DataFrame(rows, columns=["status", "status_text", "code", "sheet", "row", "revision", "name", "was",
                                       "how", "key"])


def project_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`project_frame` with the user's column names."""
    return pd.DataFrame({
        t("planimport.col.status", lang): frame["status_text"],
        t("col.code", lang): frame["code"],
        t("planimport.col.sheet", lang): frame["sheet"],
        t("upload.col.row", lang): frame["row"].astype("Int64"),
        t("planimport.col.revision", lang): frame["revision"],
        t("dash.col.project", lang): frame["name"],
        t("planimport.col.was", lang): frame["was"],
        t("planimport.col.how", lang): frame["how"],
    })


def field_label(field: str | None, year, lang: str) -> str:
    """``งบประมาณตามแผน ปี 2568`` / ``Plan amount 2568``; a text field by its name in the book."""
    if missing(field) or not field:
        return ""
    label = t(f"planimport.field.{field}", lang)
    return label if missing(year) else f"{label} {int(year)}"


def change_table(preview: PlanPreview, lang: str) -> pd.DataFrame:
    """One line per changed field (per plan year for amounts) of the matched projects: code, what
    (field and year), before → after, project."""
    rows = []
    for diff in (preview.state.main, preview.state.coordination):
        for m in diff.changed:
            for ch in m.changes:
                rows.append((m.code, field_label(ch.field, ch.year, lang), value_text(ch.field, ch.before, lang),
                             value_text(ch.field, ch.after, lang), m.incoming.name))
    return pd.DataFrame(rows, columns=[t("col.code", lang), t("planimport.col.field", lang), t("upload.col.old", lang),
                                       t("upload.col.new", lang), t("dash.col.project", lang)])


def link_choices(preview: PlanPreview, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """What the analyst can re-link: ``({"sheet!row": label}`` of the book's projects that are new or
    matched by a similar name, a move or a link, ``{code: label}`` of the known projects to link to —
    those no longer in the book first``)``."""
    incoming, targets = {}, {}
    for diff in (preview.state.main, preview.state.coordination):
        for p in diff.new:
            incoming[f"{p.sheet}!{p.row}"] = f"{_status('new', lang)} · {p.sheet} {p.row} · {p.name}"
        for m in diff.matches:
            if m.how != "exact":
                incoming[f"{m.incoming.sheet}!{m.incoming.row}"] = (
                    f"{t(f'planimport.how.{m.how}', lang)} {m.code} · {m.incoming.sheet} {m.incoming.row} · "
                    f"{m.incoming.name}")
        for k in diff.gone:
            targets[k.code] = f"{_status('gone', lang)} · {k.code} · {k.name}"
    for diff in (preview.state.main, preview.state.coordination):
        for m in diff.matches:
            targets.setdefault(m.code, f"{m.code} · {m.known.name}")
    return incoming, targets


def revision_table(revisions: pd.DataFrame, lang: str, when=str) -> pd.DataFrame:
    """The plan's revisions, oldest first: the revision in the user's language, approval date, how many
    projects it added, changed and removed, the file and batch that recorded it (and whether that
    import was rolled back)."""
    def state(r) -> str:
        if r["batch_status"] == "rolled_back":
            return "↩ " + t("revisions.rolled_back", lang)
        return "✔ " + t("history.status.committed", lang) + (f" ({t('history.demo', lang)})" if r["is_demo"] else "")

    r = revisions
    return pd.DataFrame({
        t("planimport.col.revision", lang): r["label"].map(lambda lb: label_text(lb, lang)),
        t("revisions.col.approved_on", lang): r["approved_on"].map(
            lambda d: fmt.DASH if missing(d) else periods.date_label(date.fromisoformat(str(d)[:10]), lang)),
        t("revisions.col.added", lang): r["added"].astype(int),
        t("revisions.col.changed", lang): r["changed"].astype(int),
        t("revisions.col.removed", lang): r["removed"].astype(int),
        t("history.col.file", lang): r["file_name"].fillna("").astype(str),
        t("history.col.batch", lang): r["batch_id"].astype("Int64"),
        t("history.col.when", lang): r["created_at"].map(when),
        t("history.col.status", lang): r.apply(state, axis=1) if len(r) else pd.Series(dtype=str),
    })


def revision_change_table(changes: pd.DataFrame, lang: str, *, with_revision: bool = True) -> pd.DataFrame:
    """What one revision (or all) did, project by project: revision (unless ``with_revision`` is
    False), code, added / changed / removed, what (field and year), before → after, project."""
    def load(text):
        return None if missing(text) else json.loads(text)

    c = changes
    out = pd.DataFrame({
        t("planimport.col.revision", lang): c["label"].map(lambda lb: label_text(lb, lang)),
        t("col.code", lang): c["project_code"].astype(str),
        t("revisions.col.change", lang): c["change"].map(lambda k: t(f"revisions.change.{k}", lang)),
        t("planimport.col.field", lang): [field_label(f, y, lang) for f, y in zip(c["field"], c["fiscal_year"])],
        t("upload.col.old", lang): [value_text(f, load(b), lang) if ch == "changed" else
                                    (str(load(b)) if not missing(b) else "")
                                    for f, b, ch in zip(c["field"], c["before"], c["change"])],
        t("upload.col.new", lang): [value_text(f, load(a), lang) if ch == "changed" else
                                    (str(load(a)) if not missing(a) else "")
                                    for f, a, ch in zip(c["field"], c["after"], c["change"])],
        t("dash.col.project", lang): c["name_th"].fillna("").astype(str),
    })
    return out if with_revision else out.drop(columns=t("planimport.col.revision", lang))


def coordination_table(coord: pd.DataFrame, fiscal_year: int, lang: str, *, level: str = "strategy") -> pd.DataFrame:
    """The ผ.02/2 projects (:func:`tracker.rollup.coordination_projects`) with their plan amount of one
    fiscal year (``—`` for a blank cell): code, strategy, project, department as the book writes it.
    ``level``: what the plan calls its first level (``Plan.levels["strategy"]``: ยุทธศาสตร์ or
    ประเด็นการพัฒนาท้องถิ่น), the strategy column's heading."""
    amount = coord.get(f"amount_{fiscal_year}", pd.Series([None] * len(coord), index=coord.index, dtype=object))
    return pd.DataFrame({
        t("col.code", lang): coord["code"].astype(str),
        t(f"level.{level}", lang): coord["strategy_no"].astype("Int64"),
        t("dash.col.project", lang): coord["name_th"].astype(str),
        t("dash.col.department", lang): coord["department_raw"].fillna("").astype(str),
        t("planimport.col.amount_of", lang, fy=fiscal_year): amount.map(fmt.number),
    })


def equipment_table(equipment: pd.DataFrame, fiscal_year: int, lang: str) -> pd.DataFrame:
    """The plan book's equipment items (ครุภัณฑ์) with their amount of one fiscal year: programme,
    type, what, department as the book writes it."""
    amount = equipment["budgets"].map(lambda b: json.loads(b).get(str(fiscal_year)) if isinstance(b, str) else None)
    return pd.DataFrame({
        t("level.programme", lang): equipment["programme"].fillna("").astype(str),
        t("planimport.col.equipment_type", lang): equipment["type"].fillna("").astype(str),
        t("planimport.col.equipment_target", lang): equipment["target"].fillna("").astype(str),
        t("dash.col.department", lang): equipment["department_raw"].fillna("").astype(str),
        t("planimport.col.amount_of", lang, fy=fiscal_year): amount.map(fmt.number),
    })


__all__ = ["coordination_table", "equipment_table", "problem_table", "project_frame", "project_table", "change_table", "link_choices", "revision_table",
           "revision_change_table", "value_text", "field_label"]

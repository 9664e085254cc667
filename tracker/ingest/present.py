"""Tables for people: the problem list, the changes and the batch history, labelled in Thai or English.

Pure pandas (no Streamlit), so the upload and history pages stay thin and the same tables can be
tested or exported.
"""

from __future__ import annotations

import pandas as pd

from tracker.i18n import t

SEVERITY_ICONS = {"error": "✖", "warning": "⚠"}


def problem_table(problems: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Row, column, value, severity (icon + word, never colour alone) and the message to act on."""
    sev = problems["severity"].map(lambda s: f"{SEVERITY_ICONS[s]} {t(f'ingest.severity.{s}', lang)}")
    return pd.DataFrame({
        t("upload.col.row", lang): problems["row"].astype("Int64"),
        t("upload.col.column", lang): problems["column"].fillna(""),
        t("upload.col.value", lang): problems["value"].fillna(""),
        t("upload.col.severity", lang): sev,
        t("upload.col.message", lang): problems[f"message_{lang}"],
        t("upload.col.code", lang): problems["code"],
    })


def change_table(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One line per changed cell: row in the file, the record, the column, old -> new."""
    return pd.DataFrame({
        t("upload.col.row", lang): changes["row"].astype("Int64"),
        t("upload.col.key", lang): changes["key"].astype(str),
        t("upload.col.column", lang): changes["column"].astype(str),
        t("upload.col.old", lang): changes["old"].astype(str),
        t("upload.col.new", lang): changes["new"].astype(str),
    })


def batch_table(batches: pd.DataFrame, lang: str, when=str) -> pd.DataFrame:
    """Every batch with its receipt; ``when`` formats the UTC ISO time for display."""
    def status(r) -> str:
        if r["status"] == "rolled_back":
            return "↩ " + t("history.status.rolled_back", lang, user=r["rolled_back_by"] or "?")
        return "✔ " + t("history.status.committed", lang)

    kind = batches["kind"].map(lambda k: t(f"ingest.kind.{k}", lang))
    demo = batches["is_demo"].map(lambda d: f" ({t('history.demo', lang)})" if d else "")
    return pd.DataFrame({
        t("history.col.batch", lang): batches["id"].astype(int),
        t("history.col.kind", lang): kind + demo,
        t("history.col.file", lang): batches["file_name"].astype(str),
        t("history.col.periods", lang): batches["periods"].fillna("").astype(str).str.replace(",", ", "),
        t("history.col.user", lang): batches["username"].astype(str),
        t("history.col.when", lang): batches["created_at"].map(when),
        t("history.col.counts", lang): (batches["n_new"].astype(str) + " / " + batches["n_changed"].astype(str)
                                        + " / " + batches["n_unchanged"].astype(str)),
        t("history.col.status", lang): batches.apply(status, axis=1) if len(batches) else pd.Series(dtype=str),
        t("history.col.sha", lang): batches["sha256"].astype(str),
    })


def batch_label(row: dict, lang: str, when=str) -> str:
    return t("history.batch_label", lang, batch=row["id"], kind=t(f"ingest.kind.{row['kind']}", lang),
             file=row["file_name"], when=when(row["created_at"]))

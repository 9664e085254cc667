"""Tables for people: the problem list, the changes and the batch history, labelled in Thai or English.

Pure pandas (no Streamlit), so the upload and history pages stay thin and the same tables can be
tested or exported.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tracker import fmt, periods
from tracker.i18n import t
from tracker.ingest.contract import KINDS
from tracker.ingest.read import ROW
from tracker.status import missing

SEVERITY_ICONS = {"error": "✖", "warning": "⚠"}
ROW_STATUS_ICONS = {"new": "✚", "changed": "✎", "unchanged": "="}   # glyphs the table font has
ARROW = " → "


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


def _read_text(typ: str, lang: str, plan):
    """How a value read from a cell is written back for people (compared with what the file said)."""
    def one(v) -> str:
        if missing(v):
            return ""
        if typ in ("money", "percent", "number"):
            return fmt.number(float(v))
        if typ in ("year", "quarter", "goal"):
            return str(int(v))
        if typ == "status":
            return t(f"pstatus.{v}", lang)
        if typ == "yes_no":
            return fmt.yes_no(v, lang)
        if typ == "department" and plan is not None and v in plan.departments:
            return plan.departments[v].name.get(lang)
        return str(v)
    return one


def file_headers(preview) -> dict[str, str]:
    """Store column -> the file's own header, for the columns the file has."""
    if not preview.kind or not preview.mapping:
        return {}
    kind = KINDS[preview.kind]
    return {kind.column(c).store_name: h for c, h in preview.mapping.items()}


def row_table(preview, lang: str) -> pd.DataFrame:
    """Every row as read: the Excel row, what the row does (new / changed / unchanged), then each column under
    the file's own header, written ``as in the file → as read`` where reading changed it (``1,250,000.- →
    1,250,000``, ``๒ → 2``, ``ไตรมาส 1 → 1``), and the row's problems."""
    rows, raw = preview.rows, preview.raw
    if rows is None or rows.empty or raw is None or not preview.kind:
        return pd.DataFrame()
    kind = KINDS[preview.kind]
    written_of = raw.drop_duplicates(ROW).set_index(ROW)
    out = {t("upload.col.row", lang): rows[ROW].astype("Int64").to_numpy()}
    if "_status" in rows:
        out[t("upload.col.does", lang)] = rows["_status"].map(
            lambda s: f"{ROW_STATUS_ICONS[s]} {t(f'upload.{s}', lang)}").to_numpy()
    for c in kind.columns:
        header = (preview.mapping or {}).get(c.name)
        if header is None:
            continue
        written = written_of[header].reindex(rows[ROW]).fillna("").astype(str).str.strip().to_numpy()
        read = rows[c.store_name].map(_read_text(c.type, lang, preview.plan)).astype(str).to_numpy()
        bare = np.char.replace(np.char.replace(written.astype(str), ",", ""), " ", "")
        same = (written == read) | (bare == np.char.replace(read.astype(str), ",", "")) | (read == "") & (written == "")
        out[header] = np.where(same, read, np.char.add(np.char.add(written.astype(str), ARROW), read.astype(str)))
    table = pd.DataFrame(out)
    if len(preview.problems):
        p = preview.problems.dropna(subset=["row"])
        text = (p["severity"].map(SEVERITY_ICONS) + " " + p[f"message_{lang}"]).groupby(p["row"].astype(int)).agg(
            "\n".join)
        table[t("upload.col.problems", lang)] = pd.Series(rows[ROW].astype(int).map(text).fillna("").to_numpy())
    return table


def change_table(changes: pd.DataFrame, lang: str, headers: dict[str, str] | None = None) -> pd.DataFrame:
    """One line per changed cell: row in the file, the record, the column (under the file's own header when
    ``headers`` maps store columns to them), old -> new."""
    headers = headers or {}
    return pd.DataFrame({
        t("upload.col.row", lang): changes["row"].astype("Int64"),
        t("upload.col.key", lang): changes["key"].astype(str),
        t("upload.col.column", lang): changes["column"].astype(str).map(lambda c: headers.get(c, c)),
        t("upload.col.old", lang): changes["old"].astype(str),
        t("upload.col.new", lang): changes["new"].astype(str),
    })


def batch_table(batches: pd.DataFrame, lang: str, when=str, who=str) -> pd.DataFrame:
    """Every batch with its receipt; ``when`` formats the UTC ISO time for display, ``who`` the user
    (``system:demo`` in the reader's words, :func:`tracker.auth.actor_label`)."""
    def status(r) -> str:
        if r["status"] == "rolled_back":
            return "↩ " + t("history.status.rolled_back", lang, user=who(r["rolled_back_by"] or "?"))
        return "✔ " + t("history.status.committed", lang)

    kind = batches["kind"].map(lambda k: t(f"ingest.kind.{k}", lang))
    demo = batches["is_demo"].map(lambda d: f" ({t('history.demo', lang)})" if d else "")
    return pd.DataFrame({
        t("history.col.batch", lang): batches["id"].astype(int),
        t("history.col.kind", lang): kind + demo,
        t("history.col.file", lang): batches["file_name"].astype(str),
        t("history.col.periods", lang): batches["periods"].map(lambda p: periods.periods_text(p if isinstance(p, str) else "", lang)),
        t("history.col.user", lang): batches["username"].astype(str).map(who),
        t("history.col.when", lang): batches["created_at"].map(when),
        t("history.col.counts", lang): (batches["n_new"].astype(str) + " / " + batches["n_changed"].astype(str)
                                        + " / " + batches["n_unchanged"].astype(str)),
        t("history.col.status", lang): batches.apply(status, axis=1) if len(batches) else pd.Series(dtype=str),
        t("history.col.sha", lang): batches["sha256"].astype(str),
    })


def batch_label(row: dict, lang: str, when=str) -> str:
    return t("history.batch_label", lang, batch=row["id"], kind=t(f"ingest.kind.{row['kind']}", lang),
             file=row["file_name"], when=when(row["created_at"]))


#: catalog key of each table a batch can write (upload kinds and the plan book's tables)
_TABLE_LABELS = {"projects": "ingest.kind.projects", "project_progress": "ingest.kind.project_progress",
                 "indicator_results": "ingest.kind.indicator_results"}
_SKIP_FIELDS = {"batch_id"}


def _field_label(name: str, lang: str) -> str:
    """A stored column named as the upload's header (Thai) or its contract name (English)."""
    for kind in KINDS.values():
        for c in kind.columns:
            if c.store_name == name:
                return c.th if lang == "th" else c.name
    return name


def _values_text(record: dict, key: set, lang: str) -> str:
    return "; ".join(f"{_field_label(k, lang)} = {_plain(v, k, lang)}" for k, v in record.items()
                     if k not in key and k not in _SKIP_FIELDS and not missing(v) and v != "")


_YES_NO_FIELDS = {c.store_name for k in KINDS.values() for c in k.columns if c.type == "yes_no"}


def _plain(v, field: str = "", lang: str = "th") -> str:
    """A stored value as people read it: statuses, yes/no and departments in words, numbers formatted."""
    from tracker.plan import default_plan
    from tracker.status import PROJECT_STATUSES

    if missing(v):
        return fmt.DASH
    if field == "status" and v in PROJECT_STATUSES:
        return t(f"pstatus.{v}", lang)
    if field in _YES_NO_FIELDS:
        return fmt.yes_no(v, lang)
    if field == "department":
        dept = default_plan().departments.get(str(v))
        return dept.name.get(lang) if dept else str(v)
    if isinstance(v, float):
        return fmt.number(v)
    return str(v)


def batch_rows_table(changes: list[dict], lang: str) -> pd.DataFrame:
    """The rows a batch holds (``store.uploads.batch_changes``): the table, the record, what the batch did
    (created / changed, with each changed field old → new / deleted) and what a rollback returns it to."""
    import json

    from tracker.store.uploads import TABLE_KEYS

    out = []
    for ch in changes:
        table = ch["table_name"]
        before = json.loads(ch["before"]) if ch["before"] else None
        after = json.loads(ch["after"]) if ch["after"] else None
        key = set(TABLE_KEYS.get(table, ()))
        record = " / ".join(str(v) for v in json.loads(ch["row_key"]))
        if before is None:
            did, values, back = "created", _values_text(after or {}, key, lang), t("history.back.removed", lang)
        elif after is None:
            did, values, back = "deleted", _values_text(before, key, lang), t("history.back.restored", lang)
        else:
            did = "changed"
            values = "; ".join(f"{_field_label(k, lang)}: {_plain(before.get(k), k, lang)}{ARROW}{_plain(v, k, lang)}"
                               for k, v in after.items() if k not in _SKIP_FIELDS and before.get(k) != v)
            back = t("history.back.old_values", lang)
        label = _TABLE_LABELS.get(table)
        out.append({t("history.col.table", lang): t(label, lang) if label else t(f"history.table.{table}", lang),
                    t("upload.col.key", lang): record, t("history.col.did", lang): t(f"history.did.{did}", lang),
                    t("history.col.values", lang): values, t("history.col.after_rollback", lang): back})
    return pd.DataFrame(out, columns=[t(k, lang) for k in ("history.col.table", "upload.col.key", "history.col.did",
                                                           "history.col.values", "history.col.after_rollback")])

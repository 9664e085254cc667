"""Saved column mappings: a file in another layout (a finance export with its own column names) is mapped
once to an upload kind, and every later file with the same headers is read through that mapping.

A mapping belongs to a *layout*, the set of the file's header keys (:func:`signature`: case, spaces,
punctuation and Thai digits ignored, order ignored). It names the kind, which header feeds which contract
column (a header mapped to nothing is left out), and the value words of the layout (``เสร็จแล้ว`` -> the
status ``completed``, ``งานคลัง`` -> the department ``FIN``). Department words are also kept as the office's
department aliases (``department_aliases``, shared with the plan-book import). Saving is audited; an
analyst saves a mapping for the file in hand, an administrator edits one in place (its name, the column
each header feeds, its value words) or deletes it. Problems of a mapped file are
reported against the analyst's own headers. Nothing is written by a mapping until it is saved.
"""

from __future__ import annotations

import pandas as pd

from tracker import store
from tracker.errors import TrackerError
from tracker.ingest.contract import KINDS, header_key
from tracker.ingest.read import ROW
from tracker.store import mappings as store_mappings
from tracker.store import planbook as store_plan

IGNORE = ""     #: a header mapped to this is left out


class MappingRefused(TrackerError):
    """A mapping that cannot be saved (no name, a key or required column unmapped, a column twice)."""


def signature(headers) -> str:
    """The layout of a file: its header keys, sorted, joined by ``|``."""
    return "|".join(sorted({header_key(h) for h in headers if str(h).strip() and h != ROW}))


def saved_for(db, headers) -> dict | None:
    """The mapping saved for this layout, or None."""
    if not db["column_mappings"].exists():
        return None
    return store_mappings.by_signature(db, signature(headers))


def translate_values(raw: pd.DataFrame, mapping: dict) -> pd.DataFrame:
    """A copy of ``raw`` with the layout's value words replaced by what they mean, column by column."""
    out = raw.copy()
    by_column = {c: h for h, c in mapping["columns"].items() if c}
    for column, words in (mapping.get("value_words") or {}).items():
        header = by_column.get(column)
        if header in out and words:
            table = {str(k).strip(): str(v) for k, v in words.items()}
            out[header] = out[header].map(lambda v: table.get(str(v).strip(), v))
    return out


def _checked(kind: str, columns: dict[str, str], name: str) -> None:
    if not name.strip():
        raise MappingRefused("mapping.refused.no_name")
    if kind not in KINDS:
        raise MappingRefused("mapping.refused.no_kind")
    k = KINDS[kind]
    known = {c.name for c in k.columns}
    targets = [c for c in columns.values() if c]
    for c in targets:
        if c not in known:
            raise MappingRefused("mapping.refused.unknown_column", column=c)
    for c in set(targets):
        if targets.count(c) > 1:
            raise MappingRefused("mapping.refused.twice", column=k.column(c).th)
    for c in k.required:
        if c.name not in targets:
            raise MappingRefused("mapping.refused.missing", column=c.th)


def save_mapping(db, *, name: str, kind: str, columns: dict[str, str], user: str,
                 value_words: dict[str, dict[str, str]] | None = None) -> int:
    """Save (or replace, for the same layout or name) a mapping in one transaction with its audit row and the
    department words as the office's aliases. ``columns``: header as written -> contract column name (or
    :data:`IGNORE`). Returns the mapping's id. Raises :class:`MappingRefused`, or PermissionDenied."""
    from tracker import auth

    auth.authorize(db, user, "upload")
    _checked(kind, columns, name)
    value_words = _clean_words(value_words)
    now = store.now_iso()
    record = {"name": name.strip(), "kind": kind, "signature": signature(columns), "columns": columns,
              "value_words": value_words, "created_by": user, "created_at": now, "updated_by": user,
              "updated_at": now}
    with db.atomic():
        mapping_id = store_mappings.save(db, record)
        for written, code in value_words.get("department", {}).items():
            store_mappings.save_department_alias(db, store_plan.user_alias(written, code, user=user, at=now))
        store.audit(db, user=user, action="mapping_save", target=f"mapping:{mapping_id}",
                    detail={"name": record["name"], "kind": kind, "columns": columns, "value_words": value_words})
    return mapping_id


def _clean_words(value_words: dict | None) -> dict[str, dict[str, str]]:
    words = {c: {str(k).strip(): str(v) for k, v in (w or {}).items() if str(k).strip() and v}
             for c, w in (value_words or {}).items()}
    return {c: w for c, w in words.items() if w}


def edit_mapping(db, mapping_id: int, *, name: str, columns: dict[str, str], user: str,
                 value_words: dict[str, dict[str, str]] | None = None) -> None:
    """Change a saved mapping in place (administrators): its name, the contract column each of the layout's
    headers feeds, and its value words; the next file of the layout is read through the edited mapping. The
    layout's headers and the kind stay (a header not in the layout is refused). Audited with the mapping as
    it was and as it is. Raises :class:`MappingRefused`, or PermissionDenied."""
    from tracker import auth

    auth.authorize(db, user, "settings")
    with db.atomic():
        old = store_mappings.by_id(db, mapping_id)
        if old is None:
            raise MappingRefused("mapping.refused.not_found", id=mapping_id)
        columns = {h: columns.get(h, old["columns"][h]) or IGNORE for h in old["columns"]}
        _checked(old["kind"], columns, name)
        if store_mappings.name_taken(db, name.strip(), other_than=mapping_id):
            raise MappingRefused("mapping.refused.name_taken", name=name.strip())
        words = _clean_words(old["value_words"] if value_words is None else value_words)
        now = store.now_iso()
        store_mappings.update(db, mapping_id, name=name.strip(), columns=columns, value_words=words,
                              updated_by=user, updated_at=now)
        for written, code in words.get("department", {}).items():
            store_mappings.save_department_alias(db, store_plan.user_alias(written, code, user=user, at=now))
        store.audit(db, user=user, action="mapping_edit", target=f"mapping:{mapping_id}",
                    detail={"before": {k: old[k] for k in ("name", "columns", "value_words")},
                            "after": {"name": name.strip(), "columns": columns, "value_words": words}})


def delete_mapping(db, mapping_id: int, *, user: str) -> None:
    """Delete a saved mapping (administrators), audited. The department aliases it added stay."""
    from tracker import auth

    auth.authorize(db, user, "settings")
    with db.atomic():
        old = store_mappings.by_id(db, mapping_id)
        if old is None:
            raise MappingRefused("mapping.refused.not_found", id=mapping_id)
        store_mappings.delete(db, mapping_id)
        store.audit(db, user=user, action="mapping_delete", target=f"mapping:{mapping_id}",
                    detail={"name": old["name"], "kind": old["kind"], "columns": old["columns"]})


def words_to_map(raw: pd.DataFrame, header: str, column_type: str, plan) -> list[str]:
    """The distinct words of a status or department column that the upload cannot read on its own (what the
    mapping form asks the analyst to say the meaning of)."""
    from tracker.ingest import normalize as n

    s = raw[header].astype(str)
    if column_type == "status":
        _, bad = n.status(s)
    elif column_type == "department":
        _, bad = n.department(s, plan)
    else:
        return []
    return sorted({str(v).strip() for v in s[bad]})

"""The audit log in a reader's words: who did it (the program itself reads "ระบบ", not ``system``) and
what its detail records (``{"file_name": …, "new": 31}`` → "ชื่อไฟล์: … · เพิ่มใหม่: 31"), in Thai or
English. The log itself keeps the machine form (codes, JSON, UTC); only its display goes through here."""

from __future__ import annotations

import json
import re

from tracker import periods
from tracker.auth.roles import ROLES, role_label
from tracker.auth.users import CLI_PREFIX, SYSTEM_PREFIX
from tracker.i18n import CATALOG, t

_ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")
_NARRATIVE = re.compile(r"^(\d{4})/(annual|half|q[1-4])/([a-z_]+)(?:/(\d+))?$")      # fy/round/section[/strategy]


def actor_label(actor, lang: str) -> str:
    """Who did something: ``system`` → "ระบบ", ``system:demo`` (the demo loader) → "ระบบ (ข้อมูลสาธิต)",
    ``cli:somchai/note`` → "somchai (คำสั่งบนเครื่องแม่ข่าย)", an account's user name as it is."""
    actor = "" if actor is None else str(actor)
    if actor == "system" or actor.startswith(SYSTEM_PREFIX):
        source = actor[len(SYSTEM_PREFIX):]
        return t("audit.actor.demo" if source == "demo" else "audit.actor.system", lang)
    if actor.startswith(CLI_PREFIX):
        return t("audit.actor.cli", lang, name=actor[len(CLI_PREFIX):].split("/", 1)[0])
    return actor


def _value(value, lang: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return t("audit.yes" if value else "audit.no", lang)
    if isinstance(value, dict):
        return "; ".join(f"{_label(k, lang)}: {_value(v, lang)}" if f"audit.detail.{k}" in CATALOG
                         else f"{k} → {_value(v, lang)}" for k, v in value.items())   # a mapping's columns
    if isinstance(value, list):
        return ", ".join(_value(v, lang) for v in value)
    if isinstance(value, int | float):
        return f"{value:,}"
    text = str(value)
    if _ISO_TIME.match(text):
        return periods.datetime_label(text, lang)
    if text in ROLES:
        return role_label(text, lang)
    for key in (f"audit.value.{text}", f"ingest.kind.{text}"):      # state and reason codes, import kinds
        if key in CATALOG:
            return t(key, lang)
    return text


def _label(key: str, lang: str) -> str:
    return t(f"audit.detail.{key}", lang) if f"audit.detail.{key}" in CATALOG else key


def detail_text(detail, lang: str) -> str:
    """An audit entry's detail (JSON text or a dict) as "label: value · …" in ``lang``: known keys and
    codes by the catalog, times in Bangkok time (Buddhist Era in Thai), yes/no for flags; text it does
    not understand (not JSON, a newer version's key) is shown as it is, never an error."""
    if detail is None or detail == "":
        return ""
    if isinstance(detail, str):
        try:
            detail = json.loads(detail)
        except ValueError:
            return detail
    if not isinstance(detail, dict):
        return _value(detail, lang)
    return " · ".join(f"{_label(k, lang)}: {_value(v, lang)}" for k, v in detail.items())


def target_text(target, lang: str) -> str:
    """What an audit entry acted on: ``batch:9`` → "ชุดนำเข้าที่ 9", ``2569-Q2`` → "ปีงบประมาณ 2569 ไตรมาส 2",
    ``2570/half/recommendations/5`` → "รอบ 6 เดือน 2570 · ข้อเสนอแนะ · ยุทธศาสตร์ที่ 5"; anything else (a
    user name, a file name) as it is."""
    text = "" if target is None else str(target)
    kind, _, number = text.partition(":")
    if kind in ("batch", "mapping") and number.isdigit():
        return t(f"audit.target.{kind}", lang, n=number)
    try:
        return periods.period_label(periods.Period.parse(text), lang)
    except (ValueError, TypeError, AttributeError):
        pass
    if m := _NARRATIVE.match(text):
        fy, rnd, section, strategy = m.groups()
        parts = [t("me.round.label.quarter", lang, fy=fy, q=rnd[1:]) if rnd.startswith("q")
                 else t(f"me.round.label.{rnd}", lang, fy=fy)]
        if f"me.field.{section}" in CATALOG:
            parts.append(t(f"me.field.{section}", lang).split(" (")[0])
        else:
            parts.append(section)
        if strategy:
            parts.append(t("audit.target.strategy", lang, n=strategy))
        return " · ".join(parts)
    return text

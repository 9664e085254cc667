"""The one Thai/English catalog of every user-facing string.

Strings live in per-area modules of this package (``core``, ``ingest``, ``dashboards``, ``reports``,
``auth``, ``planbook``, ``organization``, ``planimport``), each a ``MESSAGES = {key: (thai, english)}`` dict; they are merged here into one catalog,
and a key defined twice is an error. Look strings up with :func:`t`.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGS = ("th", "en")
DEFAULT_LANG = "th"


def _build() -> dict[str, tuple[str, str]]:
    catalog: dict[str, tuple[str, str]] = {}
    for mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        messages = importlib.import_module(f"{__name__}.{mod}").MESSAGES
        for key, pair in messages.items():
            if key in catalog:
                raise ValueError(f"i18n key {key!r} defined twice (second time in {mod})")
            if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(s, str) and s for s in pair)):
                raise ValueError(f"i18n key {key!r} in {mod} must be a (thai, english) pair of non-empty strings")
            catalog[key] = pair
    return catalog


CATALOG = _build()

#: the words that differ by organization type (keys ``org.<term>.<type>``, tracker/i18n/organization.py)
ORG_TERMS = ("ordinance", "council", "executive", "clerk", "kind")
_ORG = {"type": "sao", "short_th": "", "short_en": ""}


def use_organization(org_type: str, short_th: str = "", short_en: str = "") -> None:
    """Set the organization whose words fill ``{org_*}`` placeholders (the plan in force calls this)."""
    _ORG.update(type=org_type if f"org.kind.{org_type}" in CATALOG else "sao", short_th=short_th, short_en=short_en)


def org_terms(lang: str = DEFAULT_LANG, org_type: str | None = None) -> dict[str, str]:
    """``{"org_ordinance": "ข้อบัญญัติ", …, "org_short": "อบต.ขี้เหล็ก"}`` for the organization in force
    (or for ``org_type``)."""
    kind = org_type or _ORG["type"]
    i = 0 if lang == "th" else 1
    out = {f"org_{term}": CATALOG[f"org.{term}.{kind}"][i] for term in ORG_TERMS}
    out["org_short"] = _ORG[f"short_{'th' if i == 0 else 'en'}"] or out["org_kind"]
    return out


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The string ``key`` in ``lang`` ('th' or 'en'), with ``{name}`` placeholders filled from ``values``
    (and ``{org_*}`` words from the organization in force)."""
    th, en = CATALOG[key]
    text = th if lang == "th" else en
    if "{org_" in text:
        values = {**org_terms(lang), **values}
    return text.format(**values) if values else text


def both(key: str, **values) -> str:
    """``"ไทย / English"``: for places that must show both languages (file headers, CLI)."""
    return f"{t(key, 'th', **values)} / {t(key, 'en', **values)}"

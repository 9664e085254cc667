"""The one Thai/English catalog of every user-facing string.

Strings live in per-area modules of this package (``core``, ``ingest``, ``dashboards``, ``reports``,
``auth``, ``planbook``), each a ``MESSAGES = {key: (thai, english)}`` dict; they are merged here into one catalog,
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


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The string ``key`` in ``lang`` ('th' or 'en'), with ``{name}`` placeholders filled from ``values``."""
    th, en = CATALOG[key]
    text = th if lang == "th" else en
    return text.format(**values) if values else text


def both(key: str, **values) -> str:
    """``"ไทย / English"``: for places that must show both languages (file headers, CLI)."""
    return f"{t(key, 'th', **values)} / {t(key, 'en', **values)}"

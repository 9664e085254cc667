"""The only HTML the app builds from values (everything else given to ``st.html`` is a literal).

Every function here escapes each value it puts into markup (``html.escape``, ``json.dumps`` for script
values, :func:`tracker.thai.nowrap_html` for text), so no user or data text is ever read as HTML or
script; ``tests/test_app_roles.py`` allows non-literal ``st.html`` only through this module and feeds
each function hostile text.
"""

from __future__ import annotations

import json

from tracker import thai


def _js(value) -> str:
    """``value`` as a JavaScript literal that cannot end the script element (``<``, ``>``, ``&`` escaped)."""
    return (json.dumps(value, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026"))


def post_script(url: str, marker: str, body: dict[str, str] | None = None) -> str:
    """A script that POSTs ``body`` (form-encoded) to ``url`` on the app's own origin and sets
    ``<html data-{marker}>`` to the answer's status (tests wait on it)."""
    if not marker.isidentifier():
        raise ValueError(marker)
    return (f"<script>fetch({_js(url)}, {{method: \"POST\", credentials: \"same-origin\", "
            f"body: new URLSearchParams({_js(body or {})})}})"
            f".then(r => {{ document.documentElement.dataset.{marker} = r.status; }});</script>")


def words(text: str) -> str:
    """``text`` as escaped HTML that the browser breaks only between words (Thai words from the
    segmenter, :func:`tracker.thai.nowrap_html`), never inside one: for Thai names in narrow boxes."""
    return thai.nowrap_html(str(text))

"""The only HTML the app builds from values (everything else given to ``st.html`` is a literal).

Every function here escapes each value it puts into markup (``html.escape``, ``json.dumps`` for script
values, :func:`tracker.thai.nowrap_html` for text), so no user or data text is ever read as HTML or
script; ``tests/test_app_roles.py`` allows non-literal ``st.html`` only through this module and feeds
each function hostile text.
"""

from __future__ import annotations

import html
import json
import re

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


def chunk_preload_script(chunk: str) -> str:
    """A script that loads one of Streamlit's own code chunks (``chunk``: its file name, such as
    ``PlotlyChart.<hash>.js``) now, from the folder of Streamlit's entry script: the same address as
    Streamlit's own lazy import of it, so the browser loads and runs the module once, whichever asks first."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.js", chunk):
        raise ValueError(chunk)
    return ("<script>(() => { const entry = document.querySelector('script[type=module][src*=\"/static/js/index.\"]'); "
            f"if (entry) import(new URL({_js(chunk)}, entry.src).href).catch(() => {{}}); }})();</script>")


def words(text: str) -> str:
    """``text`` as escaped HTML that the browser breaks only between words (Thai words from the
    segmenter, :func:`tracker.thai.nowrap_html`), never inside one: for Thai names in narrow boxes."""
    return thai.nowrap_html(str(text))


#: how :func:`tracker.thai.nowrap_html` keeps a word whole (the text inside is escaped, so it never holds this)
_NOWRAP = '<span style="white-space:nowrap">'


def _table_words(text: str) -> str:
    """:func:`words` for a cell of :func:`table`: each word a bare ``<span>``, kept whole by the table's one
    style rule instead of a style attribute per word (a long table has thousands: the browser sanitises and
    styles each one on every load)."""
    return words(text).replace(_NOWRAP, "<span>")


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal: every character but ASCII letters and digits is a six-digit
    escape (spaces too: CSS takes a space after an escape as part of it), so no text can end the
    string, the rule or the style element."""
    return '"' + "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06x}"
                         for c in str(text)) + '"'


def uploader_css(key: str, *, button: str, instructions: str, drop: str) -> str:
    """A style element that writes the file box's own words (Streamlit draws "Upload", "20MB per file •
    CSV, …" and "Drag and drop a file here" in English only) for the uploader of widget ``key``.

    The English stays in the page but is not displayed (so neither the reader, a screen reader nor
    ``innerText`` gets it); the given words are generated content of its container, which the browser
    also gives to the button's accessible name."""
    if not key.replace("_", "").replace("-", "").isalnum() or not key.isascii():
        raise ValueError(key)
    box = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    small = "font-size: .875rem; line-height: 1.6;"
    rules = (
        (f'{box} button [data-testid="stMarkdownContainer"]', None),
        (f"{box} button span[data-has-shortcut]::after", f"content: {_css_string(button)};"),
        (f'{box} [data-testid="stFileUploaderDropzoneInstructions"] span', None),
        (f'{box} [data-testid="stFileUploaderDropzoneInstructions"] > div::after',
         f"content: {_css_string(instructions)}; {small}"),
        (f"{box} > div:not([data-testid]) > span", None),     # shown while a file is dragged over the box
        (f"{box} > div:not([data-testid]):has(> span)::after", f"content: {_css_string(drop)}; {small}"),
    )
    return "<style>" + "".join(f"{sel} {{ {body or 'display: none;'} }}" for sel, body in rules) + "</style>"


def fullscreen_script(names: dict[str, str]) -> str:
    """The meeting page's script: the button of key ``fullscreen`` toggles the browser's full screen (a
    click is the user's gesture the browser asks for), and the buttons of the keys in ``names`` (icon-only
    buttons, which a screen reader would name by the icon's ligature) get ``aria-label`` = the name given,
    kept as Streamlit redraws them. Bound once per page; the names follow the language of each run."""
    if not all(k.replace("_", "").isalnum() for k in names):
        raise ValueError(names)
    return ("<script>\nwindow.__trackerButtonNames = " + _js(names) + """;
if (!window.__trackerFullscreen) {
  window.__trackerFullscreen = true;
  document.addEventListener("click", e => {
    if (!e.target.closest(".st-key-fullscreen button")) return;
    if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen();
  }, true);
  const name = () => {
    for (const [key, label] of Object.entries(window.__trackerButtonNames)) {
      const b = document.querySelector(".st-key-" + key + " button");
      if (b && b.getAttribute("aria-label") !== label) b.setAttribute("aria-label", label);
    }
  };
  new MutationObserver(name).observe(document.body, {childList: true, subtree: true});
  name();
}
</script>""")


#: the look of :func:`table` (one literal; the app has one light theme, .streamlit/config.toml): readable
#: on a projector, numbers right-aligned in tabular digits and never broken, text wrapped between words,
#: a long table scrolls in its own box under a header that stays in view
TABLE_CSS = """<style>
.trk-table{overflow:auto;max-width:100%;border:1px solid rgba(49,51,63,.15);border-radius:.5rem;margin-bottom:.5rem}
.trk-table.trk-long{max-height:30rem}
.trk-table table{border-collapse:separate;border-spacing:0;width:100%;font-size:.95rem;line-height:1.45;margin:0;
 border:none;color:inherit}
.trk-table th,.trk-table td{padding:.3rem .6rem;border:none;border-bottom:1px solid rgba(49,51,63,.1);
 vertical-align:top;text-align:left}
.trk-table th{position:sticky;top:0;z-index:1;background:#f3f6fa;font-weight:600;color:#1b1f24}
.trk-table tr:last-child td{border-bottom:none}
.trk-table span{white-space:nowrap}
.trk-table .trk-n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.trk-table .trk-k{white-space:nowrap}
.trk-table th.trk-n{white-space:normal}
.trk-table .trk-bar{display:inline-block;width:3.2rem;height:.45rem;margin-right:.4rem;border-radius:.25rem;
 vertical-align:middle;background:linear-gradient(90deg,#1f5f99 var(--p),rgba(49,51,63,.15) var(--p))}
</style>"""


def table(headings: list[str], rows: list[list], numeric: list[bool], *, key: str, long: bool = False,
          nowrap: list[bool] | None = None) -> str:
    """A static table: ``headings`` and ``rows`` of cell texts (already formatted by :mod:`tracker.fmt`),
    every one escaped. Text cells break only between words (:func:`words`: Thai from the segmenter, never
    inside a word); ``numeric`` columns are right-aligned and unbroken. A cell may be ``(text, percent)``:
    a progress bar (0–100) drawn before the text. ``long``: the table scrolls in its own box.
    ``nowrap`` columns (a status: icon and word) are not broken either. ``key`` names the table for tests
    (``data-table``)."""
    if not key.replace("_", "").replace("-", "").isalnum() or not key.isascii():
        raise ValueError(key)

    nowrap = nowrap or [False] * len(headings)
    td = [' class="trk-n"' if num else ' class="trk-k"' if keep else "" for num, keep in zip(numeric, nowrap)]

    def cell(value, attr: str) -> str:
        bar = ""
        if isinstance(value, tuple):
            value, p = value
            p = min(100.0, max(0.0, float(p))) if p == p else 0.0     # NaN -> empty bar
            bar = f'<span class="trk-bar" style="--p:{p:.0f}%"></span>'
        text = _table_words(value) if not attr else html.escape(str(value))    # unbroken: <wbr> would still break
        return f"<td{attr}>{bar}{text}</td>"

    head = "".join(f'<th class="trk-n">{_table_words(h)}</th>' if num else f"<th>{_table_words(h)}</th>"
                   for h, num in zip(headings, numeric))
    body = "".join("<tr>" + "".join(cell(v, a) for v, a in zip(row, td)) + "</tr>" for row in rows)
    return (f'{TABLE_CSS}<div class="trk-table{" trk-long" if long else ""}">'
            f'<table data-table="{key}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')


def uploader_names_script(key: str, names: dict[str, str]) -> str:
    """A script that gives the file box of widget ``key`` the reader's words where Streamlit 1.67 writes
    English into attributes no style can reach: the hidden file input's name ("file upload"), the
    "Add files" button, each chosen file's remove button ("Remove a.csv" / "Cancel upload of a.csv") and
    the retry hint ("Click to retry upload"). ``names`` has the keys ``input``, ``add``, ``remove``,
    ``cancel`` and ``retry``; ``{name}`` in ``remove``/``cancel`` becomes the file's name (set with
    ``setAttribute``, never read as HTML). Kept as Streamlit redraws the box; the words follow the language
    of each run."""
    if not key.replace("_", "").replace("-", "").isalnum() or not key.isascii():
        raise ValueError(key)
    if set(names) != {"input", "add", "remove", "cancel", "retry"}:
        raise ValueError(sorted(names))
    return ("<script>\nwindow.__trackerUploaderNames = window.__trackerUploaderNames || {};\n"
            "window.__trackerUploaderNames[" + _js(key) + "] = " + _js(names) + """;
if (!window.__trackerUploaderWatch) {
  window.__trackerUploaderWatch = true;
  const set = (el, attr, value) => { if (el && el.getAttribute(attr) !== null && el.getAttribute(attr) !== value) el.setAttribute(attr, value); };
  const name = () => {
    for (const [key, n] of Object.entries(window.__trackerUploaderNames)) {
      const box = document.querySelector(".st-key-" + key);
      if (!box) continue;
      box.querySelectorAll("input[type=file]").forEach(i => set(i, "aria-label", n.input));
      box.querySelectorAll("button[aria-label='Add files'], button[data-trk-add]").forEach(b => {
        b.dataset.trkAdd = ""; set(b, "aria-label", n.add); });
      box.querySelectorAll("[data-testid=stFileChip]").forEach(chip => {
        const file = (chip.querySelector("[data-testid=stFileChipName]") || {}).title || "";
        const b = chip.querySelector("[data-testid=stFileChipDeleteBtn] button");
        if (b) {
          const label = b.getAttribute("aria-label") || "";
          const cancel = label.startsWith("Cancel upload of ") || label === n.cancel.replace("{name}", () => file);
          set(b, "aria-label", (cancel ? n.cancel : n.remove).replace("{name}", () => file));
        }
        set(chip, "title", n.retry);
      });
    }
  };
  new MutationObserver(name).observe(document.body, {childList: true, subtree: true, attributes: true,
                                                     attributeFilter: ["aria-label", "title"]});
  name();
}
</script>""")

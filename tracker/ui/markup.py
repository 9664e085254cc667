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

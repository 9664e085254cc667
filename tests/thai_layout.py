"""Browser side of the Thai line-breaking check: where did Chromium (or Plotly) break each line?

:func:`rendered` runs JavaScript in a Playwright page and returns, for every paragraph of text under
the chosen elements, the lines as drawn:

- HTML: the text nodes of each block (a run of inline content up to a block box, ``<br>`` or an
  inline-block) are measured character by character with ``Range.getClientRects()``; a character
  whose box starts below the middle of the previous character's box starts a new line.
- SVG (Plotly): each ``<text>`` is one paragraph; its ``<tspan class="line">`` children (Plotly's
  ``<br>`` lines) are its lines.

:func:`mid_word_breaks_in` then asks :func:`tracker.thai.mid_word_breaks` which breaks fall inside
a word. Usable from any browser test: ``assert not mid_word_breaks_in(page, "[data-testid=stMain]")``.
"""

from __future__ import annotations

from typing import NamedTuple

from tracker import thai

_JS = r"""
(roots) => {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT',
                        'CANVAS', 'IFRAME', 'OPTION']);
  const out = [];
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      let s = e.tagName.toLowerCase();
      const tid = e.getAttribute('data-testid');
      if (tid) s += `[data-testid=${tid}]`;
      else if (e.id) s += '#' + e.id;
      else if (typeof e.className === 'string' && e.className.trim()) s += '.' + e.className.trim().split(/\s+/)[0];
      parts.unshift(s);
    }
    return parts.join(' > ');
  };
  const lineOf = (nodes) => {
    // lines of a run of text nodes that share one block: a new line starts where a character's
    // box begins below the middle of the previous character's box
    let text = '', starts = [], prev = null;
    for (const node of nodes) {
      const s = node.data;
      for (let i = 0; i < s.length;) {
        const n = s.codePointAt(i) > 0xffff ? 2 : 1;
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + n);
        const rects = [...r.getClientRects()].filter(b => b.width > 0 || b.height > 0);
        if (rects.length) {
          const b = rects[0];
          if (prev && b.top > (prev.top + prev.bottom) / 2) starts.push(text.length);
          prev = b;
        }
        text += s.slice(i, i + n);
        i += n;
      }
    }
    const lines = [];
    let a = 0;
    for (const z of starts) { lines.push(text.slice(a, z)); a = z; }
    lines.push(text.slice(a));
    return lines;
  };
  let cur = [], owner = null;
  const close = () => {
    if (cur.length && cur.some(n => n.data.trim())) out.push({where: describe(owner), lines: lineOf(cur), svg: false});
    cur = [];
  };
  const walk = (el) => {
    for (const child of el.childNodes) {
      if (child.nodeType === 3) {
        if (!cur.length) owner = el;
        cur.push(child);
        continue;
      }
      if (child.nodeType !== 1 || SKIP.has(child.tagName)) continue;
      if (child.tagName === 'BR') { close(); continue; }
      if (child.namespaceURI === 'http://www.w3.org/2000/svg') {
        close();
        for (const t of child.tagName === 'text' ? [child] : child.querySelectorAll('text')) {
          const tl = [...t.querySelectorAll('tspan.line')];
          const lines = tl.length ? tl.map(x => x.textContent) : [t.textContent];
          if (lines.join('').trim()) out.push({where: describe(t), lines, svg: true});
        }
        continue;
      }
      const d = getComputedStyle(child).display;
      if (d === 'none') continue;
      if (d === 'inline' || d === 'contents') { walk(child); continue; }
      close();          // a block, inline-block, flex item, table cell...: lines of its own
      walk(child);
      close();
    }
  };
  for (const root of roots) { close(); owner = root; walk(root); close(); }
  return out;
}
"""


class Paragraph(NamedTuple):
    """One run of text as drawn: ``lines`` are slices of the text (HTML) or Plotly's lines (SVG)."""

    where: str
    lines: list[str]
    svg: bool


def rendered(page, selector: str = "body") -> list[Paragraph]:
    """The paragraphs of text under every element matching ``selector``, with their drawn lines."""
    return [Paragraph(**p) for p in page.locator(selector).evaluate_all(_JS)]


def mid_word_breaks_in(page, selector: str = "body") -> list[tuple[Paragraph, thai.MidWordBreak]]:
    """Each line break under ``selector`` that splits a word (see :func:`tracker.thai.mid_word_breaks`)."""
    found = []
    for para in rendered(page, selector):
        # HTML lines are exact slices of the text; Plotly's lines lost the space at each <br>
        text = None if para.svg else "".join(para.lines)
        found += [(para, b) for b in thai.mid_word_breaks(para.lines, text=text)]
    return found


def report(found: list[tuple[Paragraph, thai.MidWordBreak]]) -> str:
    """One line a break, for an assertion message: ``สิ่ง|แวดล้อม in div.card: 'line' / 'line'``."""
    return "\n".join(f"{b} in {p.where}: " + " / ".join(repr(s) for s in p.lines) for p, b in found)

"""Thai text for documents: the embedded font, and line breaking that never splits a Thai cluster.

fpdf2 breaks Thai mid-word (Thai has no spaces between words) and could even separate a consonant
from its vowel or tone mark. :func:`wrap` breaks at spaces and zero-width spaces first; a run too
long for the line is broken before a leading vowel (เ แ โ ใ ไ) or after ะ ำ ๆ where possible, and
only as a last resort at any grapheme-cluster boundary — never before a combining mark.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import threading
from collections.abc import Callable
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts/truetype/tlwg"), Path("/usr/share/fonts/truetype/thai-tlwg"),
             Path("/usr/local/share/fonts"), Path.home() / ".fonts")
#: The government documents' Sarabun style: TLWG Laksaman is metric-compatible with TH Sarabun.
FONT_FILES = {"": "Laksaman.ttf", "B": "Laksaman-Bold.ttf"}
#: Font name written into PPTX files: installed on Thai government PCs; fontconfig maps it to Laksaman.
OFFICE_FONT = "TH Sarabun New"

#: Thai combining marks: MAI HAN-AKAT, SARA I..PHINTHU, MAITAIKHU..YAMAKKAN.
COMBINING = frozenset(chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)))
LEADING_VOWELS = frozenset("เแโใไ")
BREAK_AFTER = frozenset("ะำๆ")
#: Spacing vowels and the repetition mark that belong to the preceding syllable.
FOLLOWING = frozenset("ะาำๅๆ")
_SPACES = re.compile(r"([ \u200b]+)")


class FontMissing(RuntimeError):
    """The Thai font file is not installed."""


def font_file(style: str = "") -> Path:
    """Path of the Thai TTF for ``style`` ('' or 'B'); raises :class:`FontMissing` with the fix."""
    name = FONT_FILES[style]
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FontMissing(f"Thai font {name} not found in {', '.join(map(str, FONT_DIRS))}: install the Debian "
                      "package fonts-thai-tlwg-ttf (scripts/setup.sh does it)")


def clusters(text: str) -> list[str]:
    """Unbreakable units: each base character with the Thai marks and following vowels after it;
    a leading vowel stays with the consonant after it."""
    out: list[str] = []
    for ch in text:
        if out and (ch in COMBINING or ch in FOLLOWING or out[-1] in LEADING_VOWELS):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _split_long(word: str, fits: Callable[[str], bool]) -> tuple[str, str]:
    """Split ``word`` into the longest head that fits and the rest, preferring syllable-like breaks."""
    cl = clusters(word)
    best_any, best_pref = 1, 0
    for i in range(1, len(cl)):
        if not fits("".join(cl[:i])):
            break
        best_any = i
        if cl[i][0] in LEADING_VOWELS or cl[i - 1][-1] in BREAK_AFTER or not _is_thai(cl[i][0]) \
                or not _is_thai(cl[i - 1][0]):
            best_pref = i
    cut = best_pref if best_pref >= max(2, best_any // 2) else best_any
    return "".join(cl[:cut]), "".join(cl[cut:])


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


_LIBTHAI: list = []          # [(library, ThBrk*)] once loaded, [None] when missing
_LIBTHAI_LOCK = threading.Lock()


def _libthai():
    """libthai's word breaker (Debian libthai0, a dependency of Pango/Chromium), or None."""
    if not _LIBTHAI:
        try:
            lib = ctypes.CDLL(ctypes.util.find_library("thai") or "libthai.so.0")
            lib.th_brk_new.restype = ctypes.c_void_p
            lib.th_brk_new.argtypes = [ctypes.c_char_p]
            lib.th_brk_find_breaks.restype = ctypes.c_int
            lib.th_brk_find_breaks.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int),
                                               ctypes.c_size_t]
            brk = lib.th_brk_new(None)
            _LIBTHAI.append((lib, brk) if brk else None)
        except (OSError, AttributeError):
            _LIBTHAI.append(None)
    return _LIBTHAI[0]


def word_breaks(text: str) -> list[int]:
    """Positions inside ``text`` where a line may break between Thai words (libthai's dictionary).

    Empty when libthai is not installed; :func:`wrap` then falls back to breaking between
    syllable-like clusters.
    """
    handle = _libthai()
    if handle is None or not any(_is_thai(c) for c in text):
        return []
    lib, brk = handle
    raw = text.encode("cp874", errors="replace")   # one byte per character, so positions line up
    pos = (ctypes.c_int * (len(raw) + 1))()
    with _LIBTHAI_LOCK:                             # one shared breaker; calls are serialised
        n = lib.th_brk_find_breaks(brk, raw, pos, len(raw) + 1)
    return [pos[i] for i in range(n) if 0 < pos[i] < len(text)]


def mark_word_breaks(text: str) -> str:
    """``text`` with a zero-width space at every Thai word boundary (break opportunities for :func:`wrap`)."""
    cuts = [b for b in word_breaks(text) if text[b - 1] not in " \u200b" and text[b] not in " \u200b"]
    if not cuts:
        return text
    out, last = [], 0
    for b in cuts:
        out.append(text[last:b])
        last = b
    out.append(text[last:])
    return "\u200b".join(out)


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (``measure`` gives a string's width).

    Lines break at spaces and between Thai words (libthai); a single word wider than the line is
    split between clusters, never between a consonant and its vowel or tone marks.
    """
    lines: list[str] = []
    fits = lambda s: measure(s) <= width  # noqa: E731
    for para in mark_word_breaks(str(text)).split("\n"):
        line = ""
        parts = _SPACES.split(para)
        words = [(parts[i - 1] if i else "", parts[i]) for i in range(0, len(parts), 2)]
        for sep, word in words:
            if not word:
                continue
            sep = " " if " " in sep else ""
            if line and fits(line + sep + word):
                line += sep + word
                continue
            if line:
                lines.append(line)
            line = word
            while not fits(line) and len(clusters(line)) > 1:
                head, line = _split_long(line, fits)
                lines.append(head)
        lines.append(line)
    return lines

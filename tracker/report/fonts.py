"""Fonts of the documents: the Thai TTF embedded in PDFs and the font named in PPTX files.

Thai line breaking for every document is :mod:`tracker.thai` (one implementation for all surfaces).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts/truetype/tlwg"), Path("/usr/share/fonts/truetype/thai-tlwg"),
             Path("/usr/local/share/fonts"), Path.home() / ".fonts")
#: The government documents' Sarabun style: TLWG Laksaman is metric-compatible with TH Sarabun.
FONT_FILES = {"": "Laksaman.ttf", "B": "Laksaman-Bold.ttf"}
#: Font name written into PPTX files: installed on Thai government PCs; fontconfig maps it to Laksaman.
OFFICE_FONT = "TH Sarabun New"


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


def text_measure(size: float, bold: bool = False):
    """A function giving the width (points) of a text set at ``size`` points in the documents' Thai font
    (:func:`tracker.thai.font_measure`), or None when the font file is not installed."""
    return _measure(float(size), bool(bold))


@lru_cache(maxsize=32)
def _measure(size: float, bold: bool):
    from tracker import thai

    try:
        return thai.font_measure(font_file("B" if bold else ""), size)
    except (FontMissing, ImportError):
        return None


def widest_piece(texts, size: float, bold: bool = False) -> float:
    """Points the widest unbreakable piece (a Thai word, a number with its unit: :func:`tracker.thai.pieces`)
    of ``texts`` takes at ``size``; 0 without the font file."""
    from tracker import thai

    measure = text_measure(size, bold)
    if measure is None:
        return 0.0
    return max([0.0, *(measure(p) for text in texts for p in thai.pieces(str(text)))])


def fit_widths(want: list[float], floor: list[float], width: float) -> list[float]:
    """Column widths adding up to ``width``: in the proportions of ``want``, but none below its ``floor``
    (the room its longest word needs); the room a narrow column needs is taken from the others in
    proportion. When the floors alone exceed ``width``, the floors scaled down."""
    if sum(floor) >= width:
        return [f * width / sum(floor) for f in floor]
    fixed: dict[int, float] = {}
    while True:
        free = [j for j in range(len(want)) if j not in fixed]
        room = width - sum(fixed.values())
        share = sum(want[j] for j in free) or 1.0
        sized = {j: room * want[j] / share for j in free}
        short = [j for j in free if sized[j] < floor[j]]
        if not short:
            return [fixed.get(j, sized.get(j, 0.0)) for j in range(len(want))]
        for j in short:
            fixed[j] = floor[j]

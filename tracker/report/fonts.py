"""Fonts of the documents: the Thai TTF embedded in PDFs and the font named in PPTX files.

Thai line breaking for every document is :mod:`tracker.thai` (one implementation for all surfaces).
"""

from __future__ import annotations

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

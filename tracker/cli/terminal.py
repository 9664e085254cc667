"""What the command line prints is text, never terminal commands.

Cells, file names and names typed by users can hold escape sequences (``ESC [2J`` clears the screen,
``ESC ]8;;url`` makes a hidden link, ``ESC ]0;…`` retitles the window) and other control characters;
:class:`Safe` wraps standard output and error and drops them, keeping line breaks and tabs.
"""

from __future__ import annotations

import re

#: escape sequences (CSI ``ESC [ … final``, OSC ``ESC ] … BEL/ST``, two-character ``ESC x``), then any
#: remaining C0/C1 control character except tab and line feed, and bidirectional controls
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]|\x1b.?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` without terminal escape sequences and control characters (tabs and line feeds kept)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


class Safe:
    """A text stream that writes :func:`clean` text to ``stream``."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(clean(text))

    def __getattr__(self, name):
        return getattr(self._stream, name)

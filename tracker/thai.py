"""Thai word breaking and line wrapping for every surface (charts, PDF, PPTX, tests of the pages).

Thai is written without spaces between words, so a line may only break where a dictionary says a
word ends. The words come from PyThaiNLP's ``newmm`` segmenter (dictionary maximal matching within
Thai character clusters) with its bundled dictionary merged with ours (``thai_words.txt`` beside
this file: planning and budget terms such as เป้าประสงค์, เบิกจ่าย, ตัวชี้วัด that the default
dictionary splits). Everything works offline: PyThaiNLP is put in read-only, offline mode before it
is imported, so it neither downloads nor writes anything.

Public functions, in the order a caller needs them:

- :func:`words` — the segmenter's words (spaces kept as tokens; ``"".join(words(t)) == t``).
- :func:`breaks` — offsets where a line may break (between words and after spaces, never between
  "หมู่ที่" and its number or a number and its unit).
- :func:`cells` — display width in terminal-like cells (Thai above/below vowels and tone marks take none).
- :func:`wrap` / :func:`wrap_html` — lines no wider than a width, broken only at :func:`breaks`.
- :func:`pieces` — the unbreakable pieces of a text (a table column is never narrower than its widest).
- :func:`soft_breaks` — U+200B at each break, for renderers without a Thai dictionary.
- :func:`locked_breaks` / :func:`nowrap_html` — text or HTML a browser can break only between our
  words (Chromium's own Thai dictionary, ICU's, splits compounds: "สิ่ง|แวดล้อม", "งบ|ประมาณ").
- :func:`mid_word_breaks` — the breaks a renderer made inside a word (tests fail on them).

The module imports nothing of the project and no Streamlit or Plotly.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

# Before PyThaiNLP is first imported: never create ~/pythainlp-data, never download a corpus.
# Only the bundled word list is used; a caller's explicit setting wins.
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

#: Our additions to PyThaiNLP's dictionary: one word a line, ``#`` starts a comment.
WORDS_FILE = Path(__file__).with_name("thai_words.txt")

ZWSP = "\u200b"        # ZERO WIDTH SPACE: a line may break here
WJ = "\u2060"          # WORD JOINER: a line may not break here
NBSP = "\u00a0"
#: Thai marks drawn above or below the base character: MAI HAN-AKAT, SARA I..PHINTHU, MAITAIKHU..YAMAKKAN.
THAI_MARKS = frozenset(chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)))
#: Invisible characters that belong to the word they are in (no break at them): joiners, soft hyphen, BOM.
_JOINERS = frozenset("\u00ad\u200c\u200d\u2060\ufeff")
#: Spaces at which no line may break.
_NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f")

#: Words a number after them belongs to: "หมู่ที่ 5", "ไตรมาส 2", "พ.ศ. 2569" never break before the number.
NUMBER_PREFIXES = frozenset("""
หมู่ที่ หมู่ ม. ที่ ข้อ ข้อที่ ไตรมาส ไตรมาสที่ ปี ปีงบประมาณ พ.ศ. ค.ศ. ร้อยละ ลำดับที่ ครั้งที่ ฉบับที่
งวดที่ เป้าประสงค์ เป้าประสงค์ที่ ยุทธศาสตร์ ยุทธศาสตร์ที่ ตัวชี้วัดที่ แผนงานที่ โครงการที่ หน้า เลขที่
สไลด์ มาตรา วันที่ ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค. มกราคม กุมภาพันธ์
มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม
FY Q No. Moo goal Goal slide Slide
""".split())
#: Units a number before them belongs to: "196,000 บาท", "1.5 กม.", "12 ครัวเรือน".
NUMBER_UNITS = frozenset("""
บาท ล้านบาท พันบาท หมื่นบาท แสนบาท ล้าน พัน หมื่น แสน % คน ราย ครัวเรือน แห่ง หมู่บ้าน โครงการ ครั้ง
กม. กิโลเมตร เมตร ม. ตร.ม. ตารางเมตร ลบ.ม. ไร่ งาน ตัน กก. กิโลกรัม ลิตร วัน เดือน ปี ชั่วโมง นาที
เครื่อง หลัง เส้น สาย จุด จุดร้อยละ ข้อ ชิ้น กิจกรรม ตัวชี้วัด เป้าประสงค์ รายการ ฉบับ ชุด กลุ่ม ศูนย์
คะแนน เท่า องค์กร แปลง บ่อ ต้น ตัว หน่วย ดวง โคม ท่อ ถัง คัน นักเรียน ม.ค. ก.พ. มี.ค. เม.ย. พ.ค.
มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค. มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม
กันยายน ตุลาคม พฤศจิกายน ธันวาคม km m baht THB MB KB GB pp x people households
""".split())

_NUMBER = re.compile(r"^[+\-−±]?[0-9๐-๙]")
#: Punctuation that opens a phrase (kept with the word after it) or closes one (kept with the word before).
_OPENING = frozenset("([{“‘«")
_CLOSING = frozenset(")]}”’»,.;:!?%…ๆฯ")


# ------------------------------------------------------------------ characters

def _is_thai(ch: str) -> bool:
    """A Thai letter, vowel or mark (not a Thai digit: those behave like digits)."""
    return "\u0e01" <= ch <= "\u0e4f"


def _is_space(ch: str) -> bool:
    """A space a line may break after (a zero-width space too; not a no-break space)."""
    return ch == ZWSP or (ch.isspace() and ch not in _NO_BREAK_SPACES)


def _bare(word: str) -> str:
    """``word`` without joiners, for comparing with word lists."""
    return "".join(ch for ch in word if ch not in _JOINERS) if any(c in _JOINERS for c in word) else word


#: what :func:`cells` counts as no cell in ASCII and Thai text (deleted before counting: the fast path)
_NO_CELL = str.maketrans(dict.fromkeys(THAI_MARKS | {ZWSP} | _JOINERS))
#: text left after that in which every character is one cell: ASCII and the Thai block (no wide or combining)
_ONE_CELL = re.compile(r"[\x00-\x7f\u0e01-\u0e30\u0e32\u0e33\u0e3f-\u0e46\u0e4f-\u0e5b]*")


def cells(text: str) -> int:
    """Display width of ``text`` in cells: one a character, none for Thai above/below vowels and tone
    marks, other combining marks and zero-width characters, two for East Asian wide characters.

    Thai and ASCII text (nearly every label) is counted at C speed: the slides page a province's
    project list by it, 31,000 calls a rerun; other text character by character."""
    bare = text.translate(_NO_CELL)
    if _ONE_CELL.fullmatch(bare):
        return len(bare)
    n = 0
    for ch in text:
        if ch in THAI_MARKS or ch == ZWSP or ch in _JOINERS or unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n


# ------------------------------------------------------------------ segmentation

class _Words:
    """A word list as ``newmm`` reads its dictionary (``prefixes``: the words starting at a position,
    shortest first, as :class:`pythainlp.util.Trie` gives them): a set of the words and the longest
    word per first two characters. 12 MB where PyThaiNLP's trie of the same 62,000 words takes 65 MB
    in every server process (a node object and a dict per character); the words found are the same."""

    __slots__ = ("_words", "_longest")

    def __init__(self, words: Iterable[str]):
        self._words = frozenset(w for w in (w.strip() for w in words) if w)
        longest: dict[str, int] = {}
        for w in self._words:
            longest[w[:2]] = max(longest.get(w[:2], 0), len(w))
        self._longest = longest

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        words, found = self._words, []
        if start < len(text) and text[start] in words:
            found.append(text[start])
        end = min(len(text), start + self._longest.get(text[start:start + 2], 0))
        for i in range(start + 2, end + 1):
            if text[start:i] in words:
                found.append(text[start:i])
        return found

    def __contains__(self, word: str) -> bool:
        return word in self._words

    def __iter__(self):
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


@lru_cache(maxsize=1)
def _trie() -> _Words:
    """PyThaiNLP's bundled dictionary merged with ours (built once: about 0.3 s)."""
    from pythainlp.corpus import thai_words

    added, removed = _word_file()
    return _Words((set(thai_words()) | added) - removed)


@lru_cache(maxsize=1)
def _word_file() -> tuple[frozenset[str], frozenset[str]]:
    """(added, removed) words of ``thai_words.txt``: a line "-word" removes a word."""
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    entries = [w for w in (line.split("#", 1)[0].strip() for line in lines) if w]
    return (frozenset(w for w in entries if not w.startswith("-")),
            frozenset(w[1:] for w in entries if w.startswith("-")))


def domain_words() -> frozenset[str]:
    """The words we add to PyThaiNLP's dictionary (``thai_words.txt``)."""
    return _word_file()[0]


_SPACE_RUN = re.compile("((?:[^\\S\u00a0\u2007\u202f]|\u200b)+)")


@lru_cache(maxsize=16384)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    """Words of a run without breaking spaces; joiners (WJ, ZWJ, soft hyphen) stay inside the words."""
    from pythainlp.tokenize import newmm

    clean = _bare(chunk)
    out: list[str] = []
    # newmm splits Latin and digits at every class change ("G", "1", "-I", "01"): a run of anything
    # but Thai is one word; "ๆ"/"ฯ" and marks stay with the word before.
    for tok in newmm.segment(clean, custom_dict=_trie()):
        if out and ((not _is_thai(tok[0]) and not _is_thai(out[-1][-1]) and tok[0] not in _OPENING)
                    or tok[0] in "ๆฯ" or tok[0] in THAI_MARKS):
            out[-1] += tok
        else:
            out.append(tok)
    if clean == chunk:
        return tuple(out)
    # put the joiners back: each goes with the word after it (the last ones with the last word)
    words_, i = [], 0
    for tok in out:
        buf, need = "", len(tok)
        while need:
            ch = chunk[i]
            i += 1
            buf += ch
            need -= ch not in _JOINERS
        words_.append(buf)
    if i < len(chunk):
        if words_:
            words_[-1] += chunk[i:]
        else:
            words_.append(chunk[i:])
    return tuple(words_)


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for i, part in enumerate(_SPACE_RUN.split(text)):
        if part:
            out.extend([part] if i % 2 else _chunk_words(part))
    return tuple(out)


def words(text: str) -> list[str]:
    """The words of ``text`` by PyThaiNLP's ``newmm`` with our dictionary; ``"".join(words(t)) == t``.

    Runs of spaces (and U+200B) are tokens of their own; a no-break space is part of a word. A run
    of Latin letters, digits and punctuation is one word ("G1-I01", "8.87"), split from Thai only
    where the segmenter splits it. Cached.
    """
    return list(_words(str(text))) if text else []


def _glued(left: str, right: str) -> bool:
    """Whether two words must stay on one line even with a space between them."""
    left, right = _bare(left), _bare(right)
    if not left or not right:
        return True
    if _NUMBER.match(right):
        return left in NUMBER_PREFIXES
    if _NUMBER.match(left):
        return right in NUMBER_UNITS or right.rstrip(".,)") in NUMBER_UNITS
    return right in ("ๆ", "ฯ", "ฯลฯ")


def _boundary_kind(left: str, right: str) -> str:
    """'break' (a line may break here), 'glued' (never), or 'joined' (characters of one run that
    are not Thai on one side, e.g. Thai next to Latin: :func:`wrap` keeps them together, but a
    renderer breaking there has not split a word)."""
    if left[-1] in _JOINERS or right[0] in _JOINERS:
        return "glued"
    left, right = _bare(left), _bare(right)
    if left[-1] in _OPENING or right[0] in _CLOSING or right[0] in THAI_MARKS or _glued(left, right):
        return "glued"
    if _is_thai(left[-1]) and _is_thai(right[0]):
        return "break"
    return "joined"


@lru_cache(maxsize=16384)
def _breaks(text: str) -> tuple[int, ...]:
    toks = _words(text)
    out: list[int] = []
    pos = 0
    for i, tok in enumerate(toks[:-1]):
        pos += len(tok)
        nxt = toks[i + 1]
        if _is_space(tok[0]):
            before = toks[i - 1] if i else ""
            if before and ("\n" in tok or not _glued(before, nxt)):
                out.append(pos)
        elif not _is_space(nxt[0]) and _boundary_kind(tok, nxt) == "break":
            out.append(pos)
    return tuple(out)


def breaks(text: str) -> list[int]:
    """Offsets ``0 < i < len(text)`` where a line may break: after a run of spaces and between Thai
    words; never before "ๆ" or closing punctuation, after opening punctuation, between "หมู่ที่"
    (and other :data:`NUMBER_PREFIXES`) and its number or between a number and its unit
    (:data:`NUMBER_UNITS`), nor between Thai and Latin or digits written without a space."""
    return list(_breaks(str(text))) if text else []


def pieces(text: str) -> list[str]:
    """The unbreakable pieces of ``text`` (split at :func:`breaks`, spaces trimmed), e.g. to keep a
    table column at least as wide as its widest piece."""
    text = str(text)
    cuts = [0, *_breaks(text), len(text)]
    return [p for p in (_strip(text[a:b]) for a, b in zip(cuts, cuts[1:])) if p]


def _strip(s: str) -> str:
    return _lstrip(_rstrip(s))


# ------------------------------------------------------------------ wrapping

def _clusters(text: str) -> list[str]:
    """Thai character clusters (PyThaiNLP's TCC) — the smallest pieces a hard cap may cut between."""
    from pythainlp.tokenize import tcc

    return list(tcc.tcc(text)) if any(_is_thai(c) for c in text) else [
        c for c in re.findall(r".[\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*", text, re.S)]


def _cut(piece: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``piece`` cut between clusters into lines no wider than ``width`` (at least one cluster each)."""
    lines, line = [], ""
    for cl in _clusters(piece):
        if line and measure(line + cl) > width:
            lines.append(line)
            line = ""
        line += cl
    return [*lines, line] if line else lines


def wrap(text: str, width: float, *, measure: Callable[[str], float] = cells, hard: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``width``, broken only at :func:`breaks` (and at newlines).

    ``measure`` gives a string's width in the unit of ``width``: display cells by default (see
    :func:`cells`), or a font's, e.g. fpdf2's ``get_string_width``. Spaces at a line break are
    dropped. A piece wider than ``width`` gets a line of its own and is never cut, unless ``hard``
    is true: then it is cut between Thai character clusters (never between a consonant and its
    vowel or tone mark). An empty text gives ``[""]``; a blank line in the text stays blank.
    """
    text = str(text)
    lines: list[str] = []
    for para in text.split("\n"):
        cuts = [0, *_breaks(para), len(para)]
        line = ""
        for a, b in zip(cuts, cuts[1:]):
            piece = para[a:b]
            trial = line + piece
            if not line or measure(_rstrip(trial)) <= width:
                line = trial
            else:
                lines.append(_rstrip(line))
                line = _lstrip(piece)
            if hard and measure(_rstrip(line)) > width:
                *full, line = _cut(_rstrip(line), width, measure) or [""]
                lines.extend(full)
        lines.append(_rstrip(line))
    return lines


def _rstrip(s: str) -> str:
    """``s`` without the breaking spaces at its end (a no-break space stays)."""
    end = len(s)
    while end and _is_space(s[end - 1]):
        end -= 1
    return s[:end]


def _lstrip(s: str) -> str:
    start = 0
    while start < len(s) and _is_space(s[start]):
        start += 1
    return s[start:]


def wrap_html(text: str, width: float, *, measure: Callable[[str], float] = cells, hard: bool = False) -> str:
    """:func:`wrap` joined with ``<br>`` for Plotly labels, titles and annotations.

    Escapes nothing: the caller escapes user text first (Plotly reads ``<b>``, ``<br>`` etc. as tags).
    """
    return "<br>".join(wrap(text, width, measure=measure, hard=hard))


def soft_breaks(text: str) -> str:
    """``text`` with a zero-width space (U+200B) at every break between Thai words, so a renderer
    without a Thai dictionary (PowerPoint without Thai support, fpdf2, SVG) can break there.

    The zero-width spaces stay in the copied or searched text: a PDF text layer, a spreadsheet cell
    or anything a user copies from should get plain text and be wrapped with :func:`wrap` instead.
    """
    text = str(text)
    cuts = [b for b in _breaks(text) if not _is_space(text[b - 1]) and not _is_space(text[b])]
    if not cuts:
        return text
    parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return ZWSP.join(parts)


def _piece_spans(text: str) -> list[tuple[str, str]]:
    """(piece, separator) pairs: each unbreakable piece and the spaces after it ('' between words)."""
    cuts = [0, *_breaks(text), len(text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        chunk = text[a:b]
        core = _rstrip(chunk)
        out.append((core, chunk[len(core):]))
    return out


def locked_breaks(text: str, *, markdown: bool = False) -> str:
    """``text`` that a browser (or LibreOffice) can break only between our words: U+2060 WORD JOINER
    between the character clusters inside each piece, U+200B between Thai words, and a no-break
    space where a space must not break ("หมู่ที่ 5").

    For plain-text surfaces that use their own Thai dictionary (Chromium's ICU splits compounds:
    "สิ่ง|แวดล้อม", "งบ|ประมาณ"), such as Markdown, metrics and table cells in the app. The
    invisible characters stay in copied text; where HTML is allowed prefer :func:`nowrap_html`.

    ``markdown``: ``text`` is Markdown source (a catalog text with ``**bold**``, lists, code): the
    joiners go only between two characters that are not ASCII (Thai clusters), so no Markdown mark is
    split, and each line's indentation and list marker ("1. ", "- ") stay as written.
    """
    out = []
    for para in str(text).split("\n"):
        lead = _LIST_MARK.match(para).group(0) if markdown else ""
        parts = []
        for piece, sep in _piece_spans(para[len(lead):]):
            piece = "".join(NBSP if _is_space(ch) and ch != ZWSP else ch for ch in piece)
            clusters = _clusters(piece)
            joined = clusters[:1]
            for prev, cl in zip(clusters, clusters[1:]):
                if markdown:
                    lock = not prev[-1].isascii() and not cl[0].isascii()
                else:
                    lock = not (prev[-1].isascii() and prev[-1].isalnum() and cl[0].isascii() and cl[0].isalnum())
                if lock and prev[-1] not in _NO_BREAK_SPACES and cl[0] not in _NO_BREAK_SPACES:
                    joined.append(WJ)
                joined.append(cl)
            parts.append("".join(joined) + (sep or ZWSP))
        out.append(lead + "".join(parts).rstrip(ZWSP))
    return "\n".join(out)


#: A Markdown line's indentation and list marker, kept as written by ``locked_breaks(markdown=True)``.
_LIST_MARK = re.compile(r"[ \t]*(?:(?:[-*+]|[0-9]+[.)]|>+)[ \t]+)?")


def unlocked(text: str) -> str:
    """The text a reader sees in :func:`locked_breaks` output: joiners and zero-width spaces removed,
    no-break spaces as spaces (tests compare what a document says with what the page says)."""
    return str(text).replace(WJ, "").replace(ZWSP, "").replace(NBSP, " ")


def nowrap_html(text: str) -> str:
    """Escaped HTML of ``text`` that a browser breaks only between our words: each unbreakable piece
    in ``<span style="white-space:nowrap">``, ``<wbr>`` between Thai words, ``<br>`` for newlines.

    Copying the text gives the original (no invisible characters). This one escapes (it builds
    HTML); a piece wider than its box overflows rather than being cut.
    """
    from html import escape

    paras = []
    for para in str(text).split("\n"):
        paras.append("".join(
            f'<span style="white-space:nowrap">{escape(piece)}</span>' + (escape(sep) if sep else "<wbr>")
            for piece, sep in _piece_spans(para) if piece or sep).removesuffix("<wbr>"))
    return "<br>".join(paras)


def font_measure(font_file: str | os.PathLike, size: float) -> Callable[[str], float]:
    """A ``measure`` for :func:`wrap`: the advance width of a string set in ``font_file`` at ``size``,
    in the unit of ``size`` (pt in, pt out; px in, px out), shaped by HarfBuzz so Thai marks add nothing."""
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(str(font_file)))
    font = hb.Font(face)
    scale = size / face.upem

    @lru_cache(maxsize=8192)
    def measure(text: str) -> float:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(font, buf, {})
        return sum(p.x_advance for p in buf.glyph_positions) * scale

    return measure


# ------------------------------------------------------------------ checking a renderer

class MidWordBreak(NamedTuple):
    """A line break a renderer made inside a word: ``str()`` shows it as ``สิ่ง|แวดล้อม``."""

    line: int          # index of the line that starts after the break
    offset: int        # offset of the break in the joined text
    word: str          # the word (or glued words such as "หมู่ที่ 5") that was split
    at: int            # offset of the break inside ``word``

    def __str__(self) -> str:
        return f"{self.word[:self.at]}|{self.word[self.at:]}"


def _join(lines: list[str]) -> tuple[str, list[int]]:
    """The text a renderer's lines came from and the offset each line after the first starts at.

    A renderer drops the space where it breaks; one is put back between two characters that are not
    Thai (Latin words and numbers only break at a space), so a Latin word cut in two goes unnoticed
    here: give ``text`` to :func:`mid_word_breaks` to catch that too.
    """
    text, starts = "", []
    for i, line in enumerate(lines):
        if i:
            if text and line and not _is_space(text[-1]) and not _is_space(line[0]) \
                    and not _is_thai(text[-1]) and not _is_thai(line[0]):
                text += " "
            starts.append(len(text))
        text += line
    return text, starts


def _align(text: str, lines: list[str]) -> list[tuple[int, int]]:
    """(line index, offset in ``text``) where each non-blank line after the first starts, matching
    characters in order and skipping spaces the renderer dropped or added."""
    starts, pos = [], 0
    for i, line in enumerate(lines):
        core = [ch for ch in line if not _is_space(ch)]
        if not core:
            continue
        for k, ch in enumerate(core):
            while pos < len(text) and _is_space(text[pos]):
                pos += 1
            if pos >= len(text) or text[pos] != ch:
                raise ValueError(f"line {i} ({line!r}) is not part of the text {text!r}")
            if k == 0 and i:
                starts.append((i, pos))
            pos += 1
    return starts


def mid_word_breaks(lines: list[str], *, text: str | None = None) -> list[MidWordBreak]:
    """Each break between ``lines`` (as a renderer drew one text) that falls inside a word.

    A break is inside a word when it splits one of :func:`words` ("สิ่ง|แวดล้อม"), or separates
    words that must stay together: "หมู่ที่|5", "5|บาท", "ต่าง|ๆ", a bracket from its word. A break
    between Thai words, at a space, or between Thai and Latin is fine.

    Give ``text`` (the string the renderer was given) when known. Without it the text is rebuilt
    from the lines (see :func:`_join`), not knowing whether a space between two Thai words was
    dropped at the break; a break is then reported only when the word it splits is made of whole
    words of the two lines ("สิ่ง" + "แวดล้อม"), not when joining merely makes the segmenter read
    the lines' words differently ("สะสม" + "ณ" read as สะ|สมณ).
    """
    lines = [str(s) for s in lines]
    if len(lines) < 2:
        return []
    rebuilt = text is None
    if rebuilt:
        text, offsets = _join(lines)
        starts = list(enumerate(offsets, start=1))
    else:
        text = str(text)
        starts = _align(text, lines)
    toks = _words(text)
    begin, end, pos = {}, {}, 0          # token index by start and by end offset
    spans = []
    for i, tok in enumerate(toks):
        begin[pos], end[pos + len(tok)] = i, i
        spans.append(pos)
        pos += len(tok)
    found = []
    for line_no, b in starts:
        left, right = b, b
        while left > 0 and _is_space(text[left - 1]):
            left -= 1
        while right < len(text) and _is_space(text[right]):
            right += 1
        if left == 0 or right == len(text):
            continue
        if left == right and b not in begin:            # strictly inside one word
            i = max(k for k, s in enumerate(spans) if s < b)
            s, e = spans[i], spans[i] + len(toks[i])
            if rebuilt and not _whole_words_either_side(lines[line_no - 1], lines[line_no], b - s, e - b):
                continue
            found.append(MidWordBreak(line_no, b, toks[i], b - s))
            continue
        li, ri = end[left], begin[right]
        a, z = toks[li], toks[ri]
        split = _glued(a, z) if left != right else _boundary_kind(a, z) == "glued"
        if split:
            found.append(MidWordBreak(line_no, b, text[spans[li]:spans[ri] + len(z)], b - spans[li]))
    return found


def _whole_words_either_side(before: str, after: str, head: int, tail: int) -> bool:
    """Whether the last ``head`` characters of line ``before`` and the first ``tail`` of ``after``
    are whole words of each line read alone (the break split a compound, not a misreading)."""
    return ((head >= len(before) or _boundary(before, len(before) - head))
            and (tail >= len(after) or _boundary(after, tail)))


def _boundary(text: str, at: int) -> bool:
    pos = 0
    for tok in _words(text):
        if pos >= at:
            return pos == at
        pos += len(tok)
    return pos == at


def warm(texts: Iterable[str] = ()) -> None:
    """Load PyThaiNLP and the dictionary (about 0.5 s, once a process) and segment ``texts`` (the
    plan's labels) ahead of time, e.g. in a background thread at app start, so that the first chart
    or page does not wait for it."""
    _trie()
    for s in texts:
        _breaks(str(s))


#: what :func:`clip` puts where it cut
ELLIPSIS = "…"


def clip(text: str, width: float, *, measure: Callable[[str], float] = cells) -> str:
    """``text`` on one line no wider than ``width``: whole as it is when it fits, else cut at the last word
    boundary (:func:`breaks`) that leaves room for “…”, never inside a Thai word. A first word wider than
    the line is cut between character clusters (never between a consonant and its marks)."""
    text = " ".join(str(text).split())
    if measure(text) <= width:
        return text
    room = width - measure(ELLIPSIS)
    head = wrap(text, room, measure=measure, hard=True)[0] if room > 0 else ""
    return _rstrip(head) + ELLIPSIS

"""Reports from web systems saved as ``.xls`` that are really an HTML page with a table (government systems
export them that way): the largest table is read as the upload's table (lxml's HTML parser, offline; cell text
kept exactly as written, where pandas.read_html would turn ``001`` into 1), and handed to the CSV reader as
UTF-8 text."""

from __future__ import annotations

import io

_STARTS = (b"<!doctype html", b"<html", b"<table", b"<head", b"<body", b"<meta")


def looks_like_html(data: bytes) -> bool:
    """An HTML document (or bare table), whatever the file name says."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b">") + 1:].lstrip()
    return head.startswith(_STARTS) and b"<table" in data[:2_000_000].lower()


def _text(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp874"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def to_csv(data: bytes) -> bytes | None:
    """The largest table of the page (its first row the header) as CSV bytes (UTF-8, every cell exactly as its
    text); None when the page has no table with a row."""
    import csv

    from lxml import html as lxml_html

    try:
        doc = lxml_html.fromstring(_text(data))
    except (ValueError, lxml_html.etree.ParserError):
        return None
    best: list[list[str]] = []
    for table in doc.iter("table"):
        rows = [[" ".join(cell.text_content().split()) for cell in tr.xpath("./th|./td")]
                for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")]
        rows = [r for r in rows if any(r)]
        if sum(map(len, rows)) > sum(map(len, best)):
            best = rows
    if not best:
        return None
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(best)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")

"""The tables a page shows, as AppTest sees them: the interactive grids (``st.dataframe``) and the static
tables (:func:`tracker.ui.components.static_table`), each as a DataFrame headed as on screen.

A static table's cells are the text a reader sees (``"8,350,000"``, ``"88.9%"``, ``"—"``): tests assert on
that text, or read it back as a number with :func:`number`.
"""

from __future__ import annotations

import pandas as pd


def static_tables(at) -> list[pd.DataFrame]:
    """Every static table of the page (``st.html`` with ``<table data-table>``), cells as shown."""
    import lxml.html

    out = []
    for e in at.get("html"):
        if "data-table=" not in e.proto.body:
            continue
        for table in lxml.html.fragment_fromstring(e.proto.body, create_parent="div").iter("table"):
            head = [th.text_content() for th in table.iter("th")]
            rows = [[td.text_content() for td in tr.iter("td")] for tr in table.find("tbody").iter("tr")]
            frame = pd.DataFrame(rows, columns=head, dtype=object)
            frame.attrs["key"] = table.get("data-table")
            out.append(frame)
    return out


def shown_tables(at) -> list[pd.DataFrame]:
    """The grids' frames, then the static tables."""
    return [e.value for e in at.dataframe] + static_tables(at)


def table_with(at, column: str) -> pd.DataFrame:
    """The first table of the page with a column headed ``column``."""
    return next(d for d in shown_tables(at) if column in d.columns)


def number(text) -> float | None:
    """A figure as written in a table ("8,350,000", "88.9%") as a number; "—" is None."""
    text = str(text).strip().rstrip("%").replace(",", "").replace("\u2212", "-")
    return None if text in ("—", "") else float(text)

"""Plotly figures of the report model's charts (meeting mode shows them; the PDF draws them through
:mod:`tracker.report.quarterly`)."""

from __future__ import annotations

import plotly.graph_objects as go

from tracker import thai
from tracker.report.content import Chart

#: a category label wider than this many cells goes on more lines (breaking between Thai words)
LABEL_CELLS = 22
FONT = "Laksaman, TH Sarabun New, Sarabun, Garuda, sans-serif"


def figure(chart: Chart, lang: str, *, height: int | None = None, font_size: int = 16) -> go.Figure:
    """Horizontal bars, categories top to bottom (long names wrapped between Thai words), the value
    written on every bar (a zero too: "no money" is a figure), in the one unit the chart's title names."""
    fig = go.Figure()
    categories = [thai.wrap_html(c, LABEL_CELLS) for c in chart.categories]
    for name, values, colour in chart.series:
        # a stacked bar's empty segment has no room for a label; a grouped bar's zero is written
        text = [chart.value_text(v, lang) if v or not chart.stacked else "" for v in values]
        fig.add_bar(y=categories, x=values, name=name, orientation="h", marker_color=colour, text=text,
                    textposition="auto" if chart.stacked else "outside", cliponaxis=False)
    fig.update_layout(
        barmode="stack" if chart.stacked else "group", template="plotly_white",
        font=dict(family=FONT, size=font_size), height=height or 110 + 70 * len(chart.categories),
        margin=dict(l=10, r=40, t=10, b=10), legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, traceorder="normal"),
        uniformtext=dict(minsize=font_size - 4, mode="show" if not chart.stacked else "hide"))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(showticklabels=chart.kind != "money", automargin=True)
    return fig


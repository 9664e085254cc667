"""Plotly figures of the report model's charts (meeting mode shows them; the PDF draws them through
:mod:`tracker.report.quarterly`)."""

from __future__ import annotations

import plotly.graph_objects as go

from tracker.report.content import Chart

FONT = "Laksaman, TH Sarabun New, Sarabun, Garuda, sans-serif"


def figure(chart: Chart, lang: str, *, height: int | None = None, font_size: int = 16) -> go.Figure:
    """Horizontal bars, categories top to bottom, values written on the bars."""
    fig = go.Figure()
    for name, values, colour in chart.series:
        text = [chart.value_text(v, lang) if v else "" for v in values]
        fig.add_bar(y=chart.categories, x=values, name=name, orientation="h", marker_color=colour, text=text,
                    textposition="auto" if chart.stacked else "outside", cliponaxis=False)
    fig.update_layout(
        barmode="stack" if chart.stacked else "group", template="plotly_white",
        font=dict(family=FONT, size=font_size), height=height or 110 + 70 * len(chart.categories),
        margin=dict(l=10, r=40, t=10, b=10), legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, traceorder="normal"),
        uniformtext=dict(minsize=font_size - 4, mode="hide"))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(showticklabels=chart.kind != "money", automargin=True)
    return fig


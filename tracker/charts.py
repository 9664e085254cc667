"""Plotly figure builders: data in (rollup DataFrames), ``go.Figure`` out.

Every builder takes ``lang`` ('th'/'en') for its labels and hover text, uses the Sarabun font and
the colour-blind-safe status colours of :mod:`tracker.status`, sets an explicit height, and returns
a figure with an explanatory annotation instead of a blank plot when there is nothing to draw.
Statuses are never shown by colour alone: bar texts carry the icon and the word.

One layout for every chart (:func:`_layout`): the title at the top left of the figure, the legend
in rows *below* the plot, and Plotly's automatic margins making room for both, so a legend never
runs into a title however narrow the column. Where the y labels are known here (:func:`_room`), the
margins are given at their size and only the y axis's automatic margin is off, so Plotly draws the
chart once. Bars by goal are horizontal with the goal number and short name (wrapped) on the y
axis; threshold lines are named in the legend; quarters over the plan period are labelled once per
fiscal year.
"""

from __future__ import annotations

import copy
import html
import math
import pickle
import re

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from tracker import fmt, thai
from tracker import status as S
from tracker.i18n import t
from tracker.status import missing

FONT = "Sarabun, sans-serif"
INK = "#1F2933"
#: A white halo behind texts drawn over grid and threshold lines.
HALO = "0 0 3px #FFFFFF, 0 0 2px #FFFFFF"
#: Okabe–Ito colours for the four money measures.
MONEY_COLOURS = {"planned": "#BBBBBB", "allocated": "#0072B2", "committed": "#56B4E9", "disbursed": "#009E73"}
MONEY_KEYS = {"planned": "money.planned", "allocated": "money.allocated", "committed": "money.committed",
              "disbursed": "money.disbursed"}
#: Overlaid money bars: each measure narrower than the one behind it (planned ⊇ allocated ⊇ committed ⊇ disbursed).
MONEY_WIDTHS = {"planned": 0.84, "allocated": 0.62, "committed": 0.40, "disbursed": 0.20}
#: Goal lines: colours and markers that do not clash with the status colours of the threshold lines.
GOAL_COLOURS = ("#0072B2", "#CC79A7", "#56B4E9", "#444444", "#A6761D", "#7570B3", "#E7298A")
GOAL_MARKERS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross")


#: Advance widths (1/1000 em) of Sarabun regular, the font the app serves (static/fonts), measured once with the
#: browser's canvas (``measureText``): printable ASCII (U+0020-U+007E), the Thai block (U+0E01-U+0E5B; marks above
#: and below take no width) and the symbols in :data:`_WIDE_SYMBOLS`. A string's width is the sum of its
#: characters' (within 0.3 % of the browser's: Sarabun kerns little); a character not here counts as 1.1 em.
_ASCII_WIDTHS = (
    243, 237, 354, 686, 529, 903, 668, 192, 318, 318, 448, 607, 252, 340, 252, 415, 550, 550, 550, 550, 550, 550,
    550, 550, 550, 550, 252, 252, 607, 607, 607, 454, 795, 596, 589, 585, 623, 552, 550, 636, 678, 292, 440, 605,
    548, 798, 682, 661, 573, 661, 581, 529, 558, 657, 602, 831, 605, 573, 567, 308, 382, 308, 585, 323, 400, 514,
    542, 473, 542, 518, 331, 541, 558, 245, 247, 487, 291, 839, 549, 557, 545, 545, 350, 416, 377, 552, 479, 668,
    460, 462, 451, 320, 242, 320, 607,)
_THAI_WIDTHS = (
    576, 594, 606, 603, 607, 638, 454, 556, 570, 606, 616, 807, 830, 612, 612, 539, 708, 831, 831, 592, 607, 581,
    657, 542, 637, 645, 655, 622, 622, 720, 720, 616, 614, 572, 484, 581, 580, 612, 512, 602, 677, 580, 636, 720,
    587, 565, 546, 534, 0, 485, 485, 0, 0, 0, 0, 0, 0, 0, 973, 1000, 1000, 1000, 589, 310, 579, 379, 378, 390, 293,
    621, 0, 0, 0, 0, 0, 0, 0, 0, 621, 660, 676, 685, 694, 678, 678, 675, 744, 674, 692, 767, 1020,)
_WIDE_SYMBOLS = '·▲▼●○–—’“”…×÷'
_SYMBOL_WIDTHS = (251, 990, 990, 604, 604, 540, 836, 338, 534, 534, 723, 607, 607)
_WIDTHS = {**dict(zip(map(chr, range(0x20, 0x7F)), _ASCII_WIDTHS)), **dict(zip(map(chr, range(0x0E01, 0x0E5C)), _THAI_WIDTHS)),
           **dict(zip(_WIDE_SYMBOLS, _SYMBOL_WIDTHS))}


def text_width(text: str, size: float) -> float:
    """Width in px of Plotly text ``text`` at font ``size`` px in Sarabun: its widest line (``<br>`` breaks lines,
    other tags such as ``<b>`` are dropped, entities read as their characters), from :data:`_WIDTHS`."""
    lines = re.sub(r"<(?!br\b)[^>]*>", "", str(text)).split("<br>")
    return max(sum(_WIDTHS.get(ch, 1100) for ch in html.unescape(line)) for line in lines) * size / 1000


#: Room (px) beside a horizontal bar chart's y labels: Plotly's gap between tick label and plot (measured 8.0-9.4 px
#: with its 8 px push pad) and a px for rounding.
LABEL_ROOM = 10
#: Height (px) a title at the top takes (font 17 and its pad of 12): Thai marks above and below reach further.
TITLE_ROOM = {"thai": 50, "latin": 43}
#: Room (px) beside the y labels for a y axis title (font 14, turned), with the gap: measured 35.6-36.3 px.
Y_TITLE_ROOM = 37
#: Height (px) under the plot of one line of x tick labels, the x axis title and one row of the legend.
AXIS_LEGEND_ROOM = 87
#: Height (px) under the plot of one line of x tick labels and one row of the legend (no x axis title).
TICKS_LEGEND_ROOM = 60


#: Every chart's template (Plotly's plotly_white), read once.
TEMPLATE = pio.templates["plotly_white"]
#: :data:`TEMPLATE` as Plotly stores it in a figure, pickled: a figure's own copy in 1 ms (deepcopy: 5–10 ms)
_TEMPLATE = pickle.dumps(TEMPLATE.to_plotly_json(), protocol=5)


def _use_template(fig: go.Figure) -> None:
    """Give ``fig`` :data:`TEMPLATE` as Plotly gives every new figure its default template: without
    validating it again. ``update_layout(template=...)`` validates and deep-copies the whole template,
    20 ms a figure (a goal page has eight); the template was validated when Plotly built it."""
    layout = fig.layout
    validate, layout._validate = layout._validate, False
    try:
        layout.template = TEMPLATE
    finally:
        layout._validate = validate


def _look(title: str, height: int, lang: str) -> dict:
    """The shared look as ``update_layout`` arguments: title top left, legend in rows under the plot,
    margins grown to fit both."""
    return dict(
        title=dict(text=title or None, x=0, xref="container", xanchor="left", y=1, yref="container",
                   yanchor="top", pad=dict(t=12, l=6), automargin=True, font=dict(size=17, color=INK)),
        height=height, font=dict(family=FONT, size=14, color=INK),
        margin=dict(l=8, r=24, t=12 if not title else 8, b=8),
        legend=dict(orientation="h", x=0, xref="container", xanchor="left", y=0, yref="container",
                    yanchor="bottom", font=dict(size=13), itemclick="toggle", bgcolor="rgba(0,0,0,0)"),
        hoverlabel=dict(font=dict(family=FONT)), meta={"lang": lang})


#: :func:`_look` validated once by Plotly (as JSON), without the parts that vary per figure
_LOOK = go.Layout(**{k: v for k, v in _look("-", 1, "th").items() if k not in ("height", "meta", "margin")}) \
    .to_plotly_json()
_LOOK["title"].pop("text")


def _y_labels(fig: go.Figure) -> list[str] | None:
    """The texts the y axis of ``fig`` will show, or the widest they can be; None when unknown.

    Horizontal bars: their labels. A y axis with ``ticktext``: those. Numbers Plotly ticks itself from 0 up: the
    highest tick is at most the top of the range (the axis's own, or the data's highest value and the 10 % Plotly
    pads at most: 5-7 % measured), Sarabun's digits are all one width, and below 5 a tick may have one decimal
    (``1.5``); a ``tickformat`` other than ``,.1f``, values below 0.5 or from 1,000 on (thousands written
    ``1,000`` or ``10k``) stay Plotly's to measure."""
    bars = [tr for tr in fig.data if tr.orientation == "h" and tr.y is not None and len(tr.y)]
    if bars:
        return [str(y) for tr in bars for y in tr.y]
    axis = fig.layout.yaxis
    if axis.ticktext:
        return [str(x) for x in axis.ticktext]
    if axis.tickformat not in (None, ",.1f") or axis.type not in (None, "-", "linear"):
        return None
    if axis.range:
        top = float(axis.range[1])
    else:
        values = [float(y) for tr in fig.data if tr.y is not None for y in tr.y
                  if isinstance(y, (int, float)) and math.isfinite(y)]
        if not values or min(values) < 0:
            return None
        top = max(values) * 1.1
    if not 0.5 <= top < 1000:
        return None
    digits = "8" * len(str(int(top)))
    return [digits + ".8" if axis.tickformat == ",.1f" or top < 5 else digits]


def _room(fig: go.Figure, title: str) -> dict | None:
    """Margins for a chart whose y labels are known here (:func:`_y_labels`), or None (Plotly's automatic margins).

    Plotly's automatic margin for the y axis measures every label in the browser and, when the margin grows,
    draws the whole chart again: half of such a chart's drawing time. Here the left margin is the longest label's
    width (:func:`text_width`, 1 % more) and :data:`LABEL_ROOM` (:data:`Y_TITLE_ROOM` with an axis title); the top
    and bottom margins are the heights the title and the x axis with one legend row take, so the title's and
    x axis's automatic margins (kept on: a legend that wraps in a narrow column still gets its room) find
    nothing to grow."""
    labels = _y_labels(fig)
    if not labels or any("<b>" in x for x in labels):   # bold labels are wider than regular Sarabun's widths
        return None
    widest = max(text_width(x, _LOOK["font"]["size"]) for x in labels)
    script = "thai" if re.search("[\u0e00-\u0e7f]", str(title)) else "latin"
    side = Y_TITLE_ROOM if fig.layout.yaxis.title.text else LABEL_ROOM
    under = AXIS_LEGEND_ROOM if fig.layout.xaxis.title.text else TICKS_LEGEND_ROOM
    return dict(l=math.ceil(widest * 1.01 + side), r=24, t=TITLE_ROOM[script] if title else 12, b=under)


def _layout(fig: go.Figure, title: str, height: int, lang: str, **kw) -> go.Figure:
    """The shared look (:func:`_look`) and the builder's own layout settings ``kw``.

    The look's properties are given as Plotly validated them once (:data:`_LOOK`), without validating
    them again per figure (as :func:`_use_template`): 10–30 ms a figure, and a goal page has eight.
    A test checks the result equals ``update_layout(**_look(...))``. ``kw`` is validated as usual."""
    if fig._validate:          # a :func:`_figure` has it from the start
        _use_template(fig)
    look = copy.deepcopy(_LOOK)            # Plotly edits a figure's property dicts in place: each its own
    if title:
        look["title"]["text"] = str(title)
    room = _room(fig, title)
    look.update(height=int(height), margin=room or dict(l=8, r=24, t=12 if not title else 8, b=8), meta={"lang": lang})
    layout = fig.layout
    validate, layout._validate = layout._validate, False
    try:
        for key, value in look.items():
            layout[key] = value
    finally:
        layout._validate = validate
    if room:
        fig.layout.yaxis.automargin = False   # the labels' room is in the margin: no measuring, no second draw
    if kw:
        fig.update_layout(**kw)
    if not fig._validate:      # a _figure, built: whoever changes it from here on is validated as usual
        fig._validate = fig.layout._validate = True
        for trace in fig.data:
            trace._validate = True
    return fig


def _figure(traces: list) -> go.Figure:
    """A figure of ``traces`` (built by :func:`_bar` / :func:`_scatter`) that takes its properties as the
    builders give them, without Plotly validating each one: validation cost 30–60 ms a figure (a goal page
    draws eight), and the builders give only valid properties in the form Plotly stores them (a title as
    ``dict(text=...)``, nested dicts in Plotly's own key order, no None). A test checks every builder's
    figure equals what Plotly's validation makes of it; :func:`_layout` turns validation on again for
    whoever changes the figure afterwards."""
    fig = go.Figure(traces, layout={"template": {}}, _validate=False)   # {}: not Plotly's default template
    fig.layout["template"] = pickle.loads(_TEMPLATE)                     # the figure's own copy, copied once
    return fig


def _bar(**props) -> go.Bar:
    """A bar trace for :func:`_figure` (not validated)."""
    return go.Bar(_validate=False, **props)


def _scatter(**props) -> go.Scatter:
    """A line trace for :func:`_figure` (not validated)."""
    return go.Scatter(_validate=False, **props)


def _axis(fig: go.Figure, axis: str, **props) -> None:
    """Give a :func:`_figure`'s x or y axis its properties (the axis is new: each builder sets an axis
    once), in the order given, as Plotly's validated ``update_xaxes`` stores them."""
    fig.layout[axis + "axis"] = props


def empty(title: str, lang: str, message: str | None = None, height: int = 300) -> go.Figure:
    """A figure that says why it is empty (never a blank chart)."""
    fig = go.Figure()
    fig.add_annotation(text=message or t("dash.no_chart_data", lang), showarrow=False, x=0.5, y=0.5,
                       xref="paper", yref="paper", font=dict(size=16, color="#666666"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height, lang)


def wrap(text: str, width: int = 18) -> str:
    """A label in lines of at most ``width`` display cells joined with ``<br>``, broken between words
    (Thai words too: :func:`tracker.thai.wrap_html`), never inside one."""
    return thai.wrap_html(str(text), width)


def goal_label(row, lang: str, width: int | None = None) -> str:
    name = row["short_" + lang]
    return f"{int(row['goal_no'])} · {wrap(name, width) if width else name}"


def _legend_line(name: str, colour: str, dash: str) -> go.Scatter:
    """A legend-only entry naming a reference line drawn as a shape."""
    return _scatter(x=[None], y=[None], mode="lines", name=name, hoverinfo="skip",
                    line=dict(color=colour, dash=dash, width=2), showlegend=True)


def _thresholds(thresholds: dict, lang: str, axis: str) -> tuple[list[dict], list[go.Scatter]]:
    """The on-track and at-risk lines (vertical for horizontal bars, horizontal for lines over
    time) as layout shapes, each named with its value by a legend entry (the second list), so their
    labels never collide. The shapes are what ``add_vline`` / ``add_hline`` make, across the plot."""
    shapes, legend = [], []
    for key, name in (("on_track", "dash.threshold_on"), ("at_risk", "dash.threshold_risk")):
        v = thresholds[key] * 100
        line = {"color": S.COLOURS[key], "dash": "dash", "width": 2}
        if axis == "x":
            shapes.append({"layer": "below", "line": line, "type": "line", "x0": v, "x1": v, "xref": "x",
                           "y0": 0, "y1": 1, "yref": "y domain"})
        else:
            shapes.append({"layer": "below", "line": line, "type": "line", "x0": 0, "x1": 1, "xref": "x domain",
                           "y0": v, "y1": v, "yref": "y"})
        legend.append(_legend_line(t(name, lang, v=f"{v:.0f}%"), S.COLOURS[key], "dash"))
    return shapes, legend


def _plan_quarters(fig: go.Figure, periods: list[str], lang: str, title: bool = True) -> None:
    """A category axis of quarters ``2566-Q1``… labelled once per fiscal year (at its first quarter
    shown), with a grid line at each year's start; hover keeps the exact quarter. ``title``: the axis
    is named (fiscal year)."""
    firsts, seen = [], set()
    for p in periods:
        fy = str(p).split("-")[0]
        if fy not in seen:
            seen.add(fy)
            firsts.append(p)
    text = [("FY" if lang == "en" else "") + str(p).split("-")[0] for p in firsts]
    axis = dict(type="category", categoryorder="array", categoryarray=periods, tickmode="array",
                tickvals=firsts, ticktext=text, tickangle=0, showgrid=True, gridcolor="#D0D7DE")
    axis["title"] = dict(text=t("dash.chart.fiscal_year_axis", lang)) if title else {}
    _axis(fig, "x", **axis)


def _pct_axis(fig: go.Figure, axis: str, top: float, room: float, title: str) -> None:
    """A percentage axis with ticks up to ``top`` and a little more range for the bar texts."""
    ticks = [v for v in range(0, int(top) + 1, 25 if top > 100 else 20)]
    _axis(fig, axis, range=[0, room], tickvals=ticks, ticktext=[f"{v}%" for v in ticks], title=dict(text=title))


def _ratio_bars(ratios, statuses, lang: str, coverage=None) -> tuple[list[float], list[str]]:
    """Bar lengths (%) and texts of ratios with their statuses: ``92.9% ▲ เสี่ยง``; a bar without a
    ratio has length 0 and shows its status word only (missing is never drawn as a failure). With
    ``coverage`` ((assessed, due) per bar) the text says how many indicators the score stands on."""
    lengths = [0.0 if missing(r) else fmt.shown_number("percent", r) * 100 for r in ratios]
    texts = [fmt.status(s, lang) if missing(r) else f"{fmt.pct(r)} {fmt.status(s, lang)}"
             for r, s in zip(ratios, statuses)]
    if coverage is not None:
        texts = [f"{x} ({fmt.figure('share', c, lang=lang)})" if c and c[1] else x for x, c in zip(texts, coverage)]
    return lengths, texts


def _bar_colours(statuses) -> list[str]:
    """Status colours; a score without a judged status is grey (never a status colour)."""
    return [S.COLOURS[s] if s in S.JUDGED else "#BBBBBB" for s in statuses]


def goal_scores(goals: pd.DataFrame, lang: str, thresholds: dict) -> go.Figure:
    """Horizontal bars of goal scores (%) coloured by status, with the threshold lines."""
    title = t("dash.chart_scores", lang)
    if goals.empty:
        return empty(title, lang)
    g = goals.iloc[::-1]   # goal 1 at the top
    labels = [goal_label(r, lang, 18) for _, r in g.iterrows()]
    scores, texts = _ratio_bars(g["score"], g["status"], lang, list(zip(g["assessed"], g["due"])))
    bar = _bar(
        x=scores, y=labels, orientation="h", marker_color=_bar_colours(g["status"]),
        text=texts, textposition="outside", cliponaxis=False, textfont=dict(color=INK, shadow=HALO, size=14),
        customdata=texts, name=t("dash.score", lang), showlegend=False,
        hovertemplate="%{y}<br>" + t("dash.score", lang) + ": %{customdata}<extra></extra>")
    shapes, legend = _thresholds(thresholds, lang, "x")
    fig = _figure([bar, *legend])
    fig.layout.shapes = shapes
    _pct_axis(fig, "x", 100, 160, t("dash.chart.score_axis", lang))
    return _layout(fig, title, 130 + 58 * len(g), lang, bargap=0.3)


def _money_bars(df: pd.DataFrame, labels: list[str], lang: str) -> go.Figure:
    """The four money measures of each row as overlaid bars, narrower in turn, in ล้านบาท / M THB (the
    axis and the title say so), rounded as the formatter writes them; the allocated amount is written at
    the end of its bar and the disbursed one inside it, in that one unit, so a sliver still has its number."""
    labelled = {"allocated": "outside", "disbursed": "inside"}
    traces = []
    for key in ("planned", "allocated", "committed", "disbursed"):
        name = t(MONEY_KEYS[key], lang)
        millions = [fmt.shown_number("money_million", v) or 0.0 for v in df[key]]
        text = [fmt.figure("money_million", v, lang=lang) if m else "" for v, m in zip(df[key], millions)] \
            if key in labelled else None
        traces.append(_bar(y=labels, x=millions, name=name, orientation="h",
                           width=MONEY_WIDTHS[key], marker_color=MONEY_COLOURS[key],
                           text=text, textposition=labelled.get(key), cliponaxis=False,
                           insidetextanchor="start" if key == "disbursed" else None,
                           textfont=dict(color="#FFFFFF" if key == "disbursed" else INK, size=12),
                           customdata=[fmt.baht(v, lang) for v in df[key]],
                           hovertemplate=name + ": %{customdata}<extra></extra>"))
    fig = _figure(traces)
    _axis(fig, "x", title=dict(text=t("dash.chart.baht_axis", lang)), tickformat=",.1f", rangemode="tozero")
    _axis(fig, "y", autorange="reversed")
    return fig


def _in_millions(title: str, lang: str) -> str:
    """A money chart's title naming its one unit: ``งบประมาณรายเป้าประสงค์ (ล้านบาท)``."""
    return f"{title} ({fmt.money_unit('money_million', lang)})"


def budget_by_goal(goals: pd.DataFrame, lang: str, height: int | None = None) -> go.Figure:
    """Per goal: planned / allocated / committed / disbursed (ล้านบาท / M THB) as nested bars, the
    allocated and disbursed amounts written on them; ``height`` in px (default: room for each goal)."""
    title = _in_millions(t("dash.chart_budget", lang), lang)
    if goals.empty or goals[["planned", "allocated"]].to_numpy().sum() == 0:
        return empty(title, lang, height=height or 300)
    labels = [goal_label(r, lang, 18) for _, r in goals.iterrows()]
    fig = _money_bars(goals, labels, lang)
    return _layout(fig, title, height or 170 + 58 * len(goals), lang, barmode="overlay", hovermode="y unified")


def project_status(goals: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked horizontal bars per goal of funded projects in the five buckets of form 2 (แบบที่ 2): they
    add up to the funded projects; projects without a budget are not among them."""
    title = t("dash.chart_project_status", lang)
    if goals.empty or goals["funded"].sum() == 0:
        return empty(title, lang)
    labels = [goal_label(r, lang, 18) for _, r in goals.iterrows()]
    traces = []
    for s in S.PROJECT_BUCKETS:
        name = fmt.project_status(s, lang)
        traces.append(_bar(y=labels, x=goals[s].astype(int).tolist(), name=name, orientation="h",
                           marker_color=S.PROJECT_COLOURS[s],
                           text=[str(int(v)) if v else "" for v in goals[s]], textposition="inside",
                           insidetextanchor="middle", textfont=dict(color="#FFFFFF" if s == "in_progress" else INK),
                           hovertemplate="%{y}<br>" + name + ": %{x}<extra></extra>"))
    fig = _figure(traces)
    axis = dict(title=dict(text=t("dash.chart.projects_axis", lang)))
    if goals["funded"].max() <= 10:
        axis["dtick"] = 1
    _axis(fig, "x", **axis)
    _axis(fig, "y", autorange="reversed")
    return _layout(fig, title, 170 + 58 * len(goals), lang, barmode="stack", bargap=0.3,
                   legend_traceorder="normal")


def score_history(history: pd.DataFrame, goals: pd.DataFrame, lang: str, thresholds: dict) -> go.Figure:
    """One line per goal: score (%) for every quarter with data over the plan period."""
    title = t("dash.chart_history", lang)
    h = history.dropna(subset=["score"])
    if h.empty:
        return empty(title, lang)
    names = {int(r["goal_no"]): goal_label(r, lang) for _, r in goals.iterrows()}
    periods = sorted(set(history["period"]))
    traces = []
    for i, (g, part) in enumerate(history.groupby("goal_no", sort=True)):
        part = part.set_index("period").reindex(periods)
        words = [fmt.status(s, lang) if isinstance(s, str) else "" for s in part["status"]]
        traces.append(_scatter(
            x=periods, y=(part["score"] * 100).tolist(), mode="lines+markers",
            name=t("plan.goal_n", lang, n=int(g)), connectgaps=False,
            line=dict(color=GOAL_COLOURS[i % len(GOAL_COLOURS)], width=2),
            marker=dict(size=7, symbol=GOAL_MARKERS[i % len(GOAL_MARKERS)]),
            customdata=[[fmt.pct(s), w, names.get(int(g), str(g))] for s, w in zip(part["score"], words)],
            hovertemplate="%{customdata[2]}<br>%{x}: %{customdata[0]} %{customdata[1]}<extra></extra>"))
    shapes, legend = _thresholds(thresholds, lang, "y")
    fig = _figure([*traces, *legend])
    fig.layout.shapes = shapes
    _pct_axis(fig, "y", 100, 105, t("dash.chart.score_axis", lang))
    _plan_quarters(fig, periods, lang)
    return _layout(fig, title, 440, lang, hovermode="closest")


def indicator_trend(history: pd.DataFrame, lang: str, title: str, unit: str) -> go.Figure:
    """One indicator over the plan period: actual, expected by that quarter, and the year's target line."""
    h = history.sort_values(["fiscal_year", "quarter"])
    if h.empty or h["actual"].isna().all():
        return empty(title, lang, t("goal.no_history", lang), height=280)
    x = list(h["period"])
    traces = []
    series = (("actual", "dash.chart.actual", "#0072B2", "lines+markers", "solid"),
              ("expected", "dash.chart.expected", "#E69F00", "lines", "dot"),
              ("target", "dash.col.target_line", "#D55E00", "lines", "dash"))
    for col, key, colour, mode, dash in series:
        name = t(key, lang)
        traces.append(_scatter(
            x=x, y=h[col].astype(float).tolist(), name=name, mode=mode,
            line=dict(color=colour, dash=dash, shape="hv" if col == "target" else "linear",
                      width=3 if col == "actual" else 2),
            customdata=[fmt.number(v) for v in h[col]],
            hovertemplate="%{x}<br>" + name + ": %{customdata} " + unit + "<extra></extra>"))
    fig = _figure(traces)
    _plan_quarters(fig, x, lang, title=False)
    _axis(fig, "y", title=dict(text=unit or t("dash.chart.value_axis", lang)), rangemode="tozero")
    return _layout(fig, title, 340, lang)


def disbursement_pace(by_quarter: pd.DataFrame, lang: str) -> go.Figure:
    """Cumulative committed and disbursed by quarter (bars, labelled in ล้านบาท / M THB) against the
    even-pace line, which is labelled at its points."""
    title = _in_millions(t("budget.pace", lang), lang)
    if by_quarter.empty or by_quarter["allocated"].max() == 0:
        return empty(title, lang)
    x = [f"Q{q}" if lang == "en" else f"ไตรมาส {q}" for q in by_quarter["quarter"]]
    traces = []
    for key in ("committed", "disbursed"):
        name = t(MONEY_KEYS[key], lang)
        values = [fmt.shown_number("money_million", v) for v in by_quarter[key]]
        traces.append(_bar(x=x, y=values, name=name, marker_color=MONEY_COLOURS[key],
                           text=[fmt.figure("money_million", v, lang=lang) if not missing(v) else ""
                                 for v in by_quarter[key]],
                           textposition="outside", cliponaxis=False, textfont=dict(color=INK),
                           customdata=[fmt.baht(v, lang) for v in by_quarter[key]],
                           hovertemplate="%{x}<br>" + name + ": %{customdata}<extra></extra>"))
    name = t("dash.col.even_pace", lang)
    pace = [fmt.shown_number("money_million", v) for v in by_quarter["even_pace"]]
    traces.append(_scatter(x=x, y=pace, name=name, mode="lines+markers+text",
                           line=dict(color="#000000", dash="dash", width=2), marker=dict(size=8),
                           text=[fmt.figure("money_million", v, lang=lang) for v in by_quarter["even_pace"]],
                           textposition="middle right",
                           textfont=dict(color="#000000", shadow=HALO, size=13), cliponaxis=False,
                           customdata=[fmt.baht(v, lang) for v in by_quarter["even_pace"]],
                           hovertemplate="%{x}<br>" + name + ": %{customdata}<extra></extra>"))
    fig = _figure(traces)
    top = max(by_quarter[["committed", "disbursed", "even_pace"]].max(skipna=True).max() / fmt.MILLION, 0.01)
    _axis(fig, "y", title=dict(text=t("dash.chart.baht_axis", lang)), tickformat=",.1f", range=[0, top * 1.15])
    return _layout(fig, title, 420, lang, barmode="group", bargap=0.35)


def budget_bars(df: pd.DataFrame, labels: list[str], lang: str, title: str) -> go.Figure:
    """The four money measures as nested horizontal bars, one row per row of ``df`` (ล้านบาท, named in the title)."""
    title = _in_millions(title, lang)
    if df.empty:
        return empty(title, lang)
    fig = _money_bars(df, [wrap(x, 22) for x in labels], lang)
    return _layout(fig, title, 150 + 44 * len(df), lang, barmode="overlay", hovermode="y unified")


def indicator_ratios(indicators: pd.DataFrame, lang: str, thresholds: dict, title: str) -> go.Figure:
    """Achievement ratio (%) per indicator coloured by status; indicators without a ratio show their word."""
    if indicators.empty:
        return empty(title, lang)
    d = indicators.iloc[::-1]
    ratios, texts = _ratio_bars(d["ratio"], d["status"], lang)
    bar = _bar(x=ratios, y=list(d["code"]), orientation="h", text=texts, textposition="outside",
               cliponaxis=False, textfont=dict(color=INK, shadow=HALO, size=14), showlegend=False,
               marker_color=_bar_colours(d["status"]), customdata=list(d["name_" + lang]),
               hovertext=texts,
               hovertemplate="%{y} %{customdata}<br>%{hovertext}<extra></extra>")
    shapes, legend = _thresholds(thresholds, lang, "x")
    fig = _figure([bar, *legend])
    fig.layout.shapes = shapes
    _pct_axis(fig, "x", 150, 200, t("dash.col.ratio", lang) + " (%)")
    return _layout(fig, title, 130 + 44 * len(d), lang, bargap=0.3)


#: Okabe–Ito colours of the three satisfaction answers (very satisfied dark, not satisfied orange)
SATISFACTION_COLOURS = {"very_satisfied": "#0072B2", "satisfied": "#56B4E9", "not_satisfied": "#E69F00"}
SATISFACTION_KEYS = {"very_satisfied": "me.satisfaction.col.very", "satisfied": "me.satisfaction.col.satisfied",
                     "not_satisfied": "me.satisfaction.col.not"}


def satisfaction_items(items: pd.DataFrame, overall: dict, lang: str, title: str) -> go.Figure:
    """Form 3/2 (แบบที่ 3/2) as stacked horizontal bars of percent: one bar per point assessed (``items`` of
    :meth:`tracker.rollup.satisfaction.Survey.items`, ratios) and the overall bar (``overall``) on top, each split
    into very satisfied / satisfied / not satisfied with its share written inside (one unit: percent)."""
    if items.empty and not overall:
        return empty(title, lang)
    rows = ([(t("survey.overall_item", lang), overall)] if overall else []) + [
        (str(r["item"]), r) for _, r in items.iterrows()]
    labels = [f"<b>{wrap(n, 32)}</b>" if i == 0 and overall else wrap(n, 32) for i, (n, _) in enumerate(rows)]
    lines = max(label.count("<br>") + 1 for label in labels)     # rows tall enough for the longest label
    fig = go.Figure()
    for key, colour in SATISFACTION_COLOURS.items():
        name = t(SATISFACTION_KEYS[key], lang)
        values = [None if missing(r[key]) else fmt.shown_number("percent", r[key]) * 100 for _, r in rows]
        texts = ["" if missing(r[key]) or r[key] < 0.04 else fmt.pct(r[key]) for _, r in rows]
        fig.add_trace(go.Bar(y=labels, x=values, name=name, orientation="h", marker_color=colour,
                             text=texts, textposition="inside", insidetextanchor="middle", textangle=0,
                             textfont=dict(color="#FFFFFF" if key == "very_satisfied" else INK),
                             customdata=[fmt.pct(r[key]) for _, r in rows],
                             hovertemplate="%{y}<br>" + name + ": %{customdata}<extra></extra>"))
    fig.update_xaxes(range=[0, 100], tickvals=list(range(0, 101, 20)), ticktext=[f"{v}%" for v in range(0, 101, 20)],
                     title=t("survey.chart.axis", lang))
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, 170 + (24 + 18 * lines) * len(rows), lang, barmode="stack", bargap=0.3,
                   legend_traceorder="normal")

"""Plotly figure builders: data in (rollup DataFrames), ``go.Figure`` out.

Every builder takes ``lang`` ('th'/'en') for its labels and hover text, uses the Sarabun font and
the colour-blind-safe status colours of :mod:`tracker.status`, sets an explicit height, and returns
a figure with an explanatory annotation instead of a blank plot when there is nothing to draw.
Statuses are never shown by colour alone: bar texts carry the icon and the word.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from tracker import fmt
from tracker import status as S
from tracker.i18n import t

FONT = "Sarabun, sans-serif"
#: Okabe–Ito colours for the four money measures.
MONEY_COLOURS = {"planned": "#999999", "allocated": "#0072B2", "committed": "#56B4E9", "disbursed": "#009E73"}
MONEY_KEYS = {"planned": "dash.col.planned", "allocated": "dash.col.allocated", "committed": "dash.col.committed",
              "disbursed": "dash.col.disbursed"}
GOAL_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442")


def _layout(fig: go.Figure, title: str, height: int, lang: str, **kw) -> go.Figure:
    fig.update_layout(title=dict(text=title), height=height, template="plotly_white",
                      font=dict(family=FONT, size=14), margin=dict(l=10, r=10, t=60, b=10),
                      legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0),
                      hoverlabel=dict(font=dict(family=FONT)), meta={"lang": lang}, **kw)
    return fig


def empty(title: str, lang: str, message: str | None = None, height: int = 300) -> go.Figure:
    """A figure that says why it is empty (never a blank chart)."""
    fig = go.Figure()
    fig.add_annotation(text=message or t("dash.no_chart_data", lang), showarrow=False, x=0.5, y=0.5,
                       xref="paper", yref="paper", font=dict(size=16, color="#666666"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height, lang)


def goal_label(row, lang: str) -> str:
    return f"{int(row['goal_no'])} · {row['short_' + lang]}"


def status_word(status: str, lang: str) -> str:
    return f"{S.ICONS[status]} {t('status.' + status, lang)}"


def goal_scores(goals: pd.DataFrame, lang: str, thresholds: dict) -> go.Figure:
    """Horizontal bars of goal scores (%) coloured by status, with the threshold lines."""
    title = t("dash.chart_scores", lang)
    if goals.empty:
        return empty(title, lang)
    g = goals.iloc[::-1]   # goal 1 at the top
    labels = [goal_label(r, lang) for _, r in g.iterrows()]
    scores = [0.0 if math.isnan(s) else s * 100 for s in g["score"]]
    texts = [f"{fmt.pct(s)} {status_word(st, lang)}" for s, st in zip(g["score"], g["status"])]
    fig = go.Figure(go.Bar(
        x=scores, y=labels, orientation="h", marker_color=[S.COLOURS[s] for s in g["status"]],
        text=texts, textposition="auto", customdata=texts, name=t("dash.score", lang),
        hovertemplate="%{y}<br>" + t("dash.score", lang) + ": %{customdata}<extra></extra>"))
    for key, name in (("on_track", "dash.threshold_on"), ("at_risk", "dash.threshold_risk")):
        v = thresholds[key] * 100
        fig.add_vline(x=v, line_dash="dash", line_color=S.COLOURS[key],
                      annotation_text=t(name, lang, v=f"{v:.0f}%"), annotation_position="top")
    fig.update_xaxes(range=[0, 105], title=t("dash.chart.score_axis", lang), ticksuffix="%")
    return _layout(fig, title, 80 + 60 * len(g), lang, showlegend=False)


def budget_by_goal(goals: pd.DataFrame, lang: str) -> go.Figure:
    """Grouped bars per goal: planned / allocated / committed / disbursed (ล้านบาท / M THB)."""
    title = t("dash.chart_budget", lang)
    if goals.empty or goals[["planned", "allocated"]].to_numpy().sum() == 0:
        return empty(title, lang)
    labels = [goal_label(r, lang) for _, r in goals.iterrows()]
    fig = go.Figure()
    for key, colour in MONEY_COLOURS.items():
        name = t(MONEY_KEYS[key], lang)
        fig.add_trace(go.Bar(x=labels, y=(goals[key] / fmt.MILLION).tolist(), name=name, marker_color=colour,
                             customdata=[fmt.baht(v, lang) for v in goals[key]],
                             hovertemplate="%{x}<br>" + name + ": %{customdata}<extra></extra>"))
    fig.update_yaxes(title=t("dash.chart.baht_axis", lang), tickformat=",.1f")
    return _layout(fig, title, 420, lang, barmode="group")


def project_status(goals: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars per goal of funded projects in the four official buckets (แบบที่ 2)."""
    title = t("dash.chart_project_status", lang)
    if goals.empty or goals["funded"].sum() == 0:
        return empty(title, lang)
    labels = [goal_label(r, lang) for _, r in goals.iterrows()]
    fig = go.Figure()
    for s in S.PROJECT_STATUSES:
        name = f"{S.PROJECT_ICONS[s]} {t('pstatus.' + s, lang)}"
        fig.add_trace(go.Bar(x=labels, y=goals[s].astype(int).tolist(), name=name, marker_color=S.PROJECT_COLOURS[s],
                             text=[str(int(v)) if v else "" for v in goals[s]], textposition="inside",
                             hovertemplate="%{x}<br>" + name + ": %{y}<extra></extra>"))
    fig.update_yaxes(title=t("dash.chart.projects_axis", lang), dtick=1 if goals["funded"].max() <= 10 else None)
    return _layout(fig, title, 420, lang, barmode="stack")


def score_history(history: pd.DataFrame, goals: pd.DataFrame, lang: str, thresholds: dict) -> go.Figure:
    """One line per goal: score (%) for every quarter with data over the plan period."""
    title = t("dash.chart_history", lang)
    h = history.dropna(subset=["score"])
    if h.empty:
        return empty(title, lang)
    names = {int(r["goal_no"]): goal_label(r, lang) for _, r in goals.iterrows()}
    periods = sorted(set(history["period"]))
    fig = go.Figure()
    for i, (g, part) in enumerate(history.groupby("goal_no", sort=True)):
        part = part.set_index("period").reindex(periods)
        words = [status_word(s, lang) if isinstance(s, str) else "" for s in part["status"]]
        fig.add_trace(go.Scatter(
            x=periods, y=(part["score"] * 100).tolist(), mode="lines+markers", name=names.get(int(g), str(g)),
            line=dict(color=GOAL_COLOURS[i % len(GOAL_COLOURS)]), connectgaps=False,
            customdata=[[fmt.pct(s), w] for s, w in zip(part["score"], words)],
            hovertemplate="%{fullData.name}<br>%{x}: %{customdata[0]} %{customdata[1]}<extra></extra>"))
    for key in ("on_track", "at_risk"):
        fig.add_hline(y=thresholds[key] * 100, line_dash="dot", line_color=S.COLOURS[key])
    fig.update_yaxes(range=[0, 105], title=t("dash.chart.score_axis", lang), ticksuffix="%")
    fig.update_xaxes(type="category", title=t("dash.col.period", lang))
    return _layout(fig, title, 420, lang)


def indicator_trend(history: pd.DataFrame, lang: str, title: str, unit: str) -> go.Figure:
    """One indicator over the plan period: actual, expected by that quarter, and the year's target line."""
    h = history.sort_values(["fiscal_year", "quarter"])
    if h.empty or h["actual"].isna().all():
        return empty(title, lang, t("goal.no_history", lang), height=280)
    x = list(h["period"])
    fig = go.Figure()
    series = (("actual", "dash.chart.actual", "#0072B2", "lines+markers", "solid"),
              ("expected", "dash.chart.expected", "#E69F00", "lines", "dot"),
              ("target", "dash.col.target_line", "#D55E00", "lines", "dash"))
    for col, key, colour, mode, dash in series:
        name = t(key, lang)
        fig.add_trace(go.Scatter(
            x=x, y=h[col].astype(float).tolist(), name=name, mode=mode, line=dict(color=colour, dash=dash, shape="hv" if col == "target" else "linear"),
            customdata=[fmt.number(v) for v in h[col]],
            hovertemplate="%{x}<br>" + name + ": %{customdata} " + unit + "<extra></extra>"))
    fig.update_xaxes(type="category")
    fig.update_yaxes(title=unit or t("dash.chart.value_axis", lang), rangemode="tozero")
    return _layout(fig, title, 320, lang)


def disbursement_pace(by_quarter: pd.DataFrame, lang: str) -> go.Figure:
    """Cumulative committed and disbursed by quarter (bars) against the even-pace line."""
    title = t("budget.pace", lang)
    if by_quarter.empty or by_quarter["allocated"].max() == 0:
        return empty(title, lang)
    x = [f"Q{q}" if lang == "en" else f"ไตรมาส {q}" for q in by_quarter["quarter"]]
    fig = go.Figure()
    for key in ("committed", "disbursed"):
        name = t(MONEY_KEYS[key], lang)
        fig.add_trace(go.Bar(x=x, y=(by_quarter[key] / fmt.MILLION).tolist(), name=name, marker_color=MONEY_COLOURS[key],
                             customdata=[fmt.baht(v, lang) for v in by_quarter[key]],
                             hovertemplate="%{x}<br>" + name + ": %{customdata}<extra></extra>"))
    name = t("dash.col.even_pace", lang)
    fig.add_trace(go.Scatter(x=x, y=(by_quarter["even_pace"] / fmt.MILLION).tolist(), name=name, mode="lines+markers",
                             line=dict(color="#000000", dash="dash"),
                             customdata=[fmt.baht(v, lang) for v in by_quarter["even_pace"]],
                             hovertemplate="%{x}<br>" + name + ": %{customdata}<extra></extra>"))
    fig.update_yaxes(title=t("dash.chart.baht_axis", lang), tickformat=",.1f", rangemode="tozero")
    return _layout(fig, title, 380, lang, barmode="group")


def budget_bars(df: pd.DataFrame, labels: list[str], lang: str, title: str) -> go.Figure:
    """Horizontal grouped bars of the four money measures, one group per row of ``df``."""
    if df.empty:
        return empty(title, lang)
    fig = go.Figure()
    for key in ("planned", "allocated", "committed", "disbursed"):
        name = t(MONEY_KEYS[key], lang)
        fig.add_trace(go.Bar(y=labels, x=(df[key] / fmt.MILLION).tolist(), name=name, orientation="h",
                             marker_color=MONEY_COLOURS[key], customdata=[fmt.baht(v, lang) for v in df[key]],
                             hovertemplate="%{y}<br>" + name + ": %{customdata}<extra></extra>"))
    fig.update_xaxes(title=t("dash.chart.baht_axis", lang), tickformat=",.2f")
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, 120 + 70 * len(df), lang, barmode="group")


def indicator_ratios(indicators: pd.DataFrame, lang: str, thresholds: dict, title: str) -> go.Figure:
    """Achievement ratio (%) per indicator coloured by status; indicators without a ratio show their word."""
    if indicators.empty:
        return empty(title, lang)
    d = indicators.iloc[::-1]
    ratios = [0.0 if math.isnan(r) else r * 100 for r in d["ratio"]]
    texts = [f"{fmt.pct(r)} {status_word(s, lang)}" if not math.isnan(r) else status_word(s, lang)
             for r, s in zip(d["ratio"], d["status"])]
    fig = go.Figure(go.Bar(x=ratios, y=list(d["code"]), orientation="h", text=texts, textposition="auto",
                           marker_color=[S.COLOURS[s] for s in d["status"]], customdata=list(d["name_" + lang]),
                           hovertext=texts,
                           hovertemplate="%{y} %{customdata}<br>%{hovertext}<extra></extra>"))
    for key in ("on_track", "at_risk"):
        fig.add_vline(x=thresholds[key] * 100, line_dash="dash", line_color=S.COLOURS[key])
    fig.update_xaxes(range=[0, 155], title=t("dash.col.ratio", lang) + " (%)", ticksuffix="%")
    return _layout(fig, title, 80 + 45 * len(d), lang, showlegend=False)

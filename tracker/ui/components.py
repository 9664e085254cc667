"""Small drawing helpers shared by the dashboard pages: status badges, KPI cards, tables with
downloads, charts with a PNG button, empty states and the link to the method page.

Status is always icon + word + colour (Streamlit's ``:color-badge[...]`` markdown; no HTML).
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from tracker import fmt, tables
from tracker import status as S
from tracker.i18n import t as _t
from tracker.ui import frame as ui

#: st.plotly_chart config: no Plotly logo, PNG download at 2× from the chart's toolbar.
CHART_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def status_label(status: str, lang: str | None = None) -> str:
    """``✔ บรรลุตามเป้า`` — icon and word (for tables and chart texts)."""
    return f"{S.ICONS[status]} {_t('status.' + status, lang or ui.lang())}"


def project_label(status: str, lang: str | None = None) -> str:
    return f"{S.PROJECT_ICONS[status]} {_t('pstatus.' + status, lang or ui.lang())}"


def status_badge(status: str) -> str:
    """Markdown badge, coloured, with icon and word: ``:green-badge[✔ บรรลุตามเป้า]``."""
    return f":{S.BADGE_COLOURS[status]}-badge[{status_label(status)}]"


def project_badge(status: str) -> str:
    return f":{S.PROJECT_BADGE_COLOURS[status]}-badge[{project_label(status)}]"


def kpi(label: str, value: str, *, help: str | None = None, delta: str | None = None,
        delta_color: str = "normal", delta_description: str | None = None, delta_arrow: str = "auto") -> None:
    """A bordered metric card. Keep ``value`` short (put the unit in ``label``, see :func:`money_unit`):
    st.metric cuts a long value with “…”."""
    st.metric(label, value, delta=delta, delta_color=delta_color, help=help, border=True,
              delta_description=delta_description, delta_arrow=delta_arrow)


def money_unit(*amounts: float) -> tuple[float, str]:
    """One unit for a row of money KPIs: ล้านบาท / M THB when the largest is a million or more, else
    บาท / THB. Returns (divisor, unit word); the unit goes in the label so each value stays whole."""
    known = [abs(a) for a in amounts if a is not None and not (isinstance(a, float) and math.isnan(a))]
    if known and max(known) >= fmt.MILLION:
        return fmt.MILLION, ui.t("dash.unit_mbaht")
    return 1, ui.t("dash.unit_baht")


def money_kpi(label: str, amount: float, unit: tuple[float, str], **kw) -> None:
    """A money KPI: label ``งบตามข้อบัญญัติ (ล้านบาท)``, value ``26.02``."""
    divisor, word = unit
    if amount is None or (isinstance(amount, float) and math.isnan(amount)):
        value = fmt.DASH
    else:
        value = f"{amount / divisor:,.2f}" if divisor != 1 else f"{amount:,.0f}"
    kpi(f"{label} ({word})", value, **kw)


def goal_card(g, lang: str) -> None:
    """One goal at a glance, for a narrow column: number and short name, the score large and whole,
    status as icon + word + colour, change on last year, then the small facts and a link."""
    n = int(g["goal_no"])
    with st.container(border=True, height="stretch"):
        st.markdown(f"**{_t('plan.goal_n', lang, n=n)}**  \n{g['short_' + lang]}")
        st.markdown(f"## {fmt.pct(g['score'])}", anchors=False)
        st.markdown(status_badge(g["status"]))
        change = pct_delta(g["score_change"])
        if change:
            up, down = change.startswith("+") and change != "+0.0 pp", change.startswith("-")
            arrow = f":green[↑ {change}]" if up else f":red[↓ {change}]" if down else change
            st.caption(f"{arrow} {_t('dash.vs_last_year_short', lang)}")
        counts = " ".join(f"{S.ICONS[s]}{int(g['n_' + s])}" for s in S.STATUSES if g["n_" + s])
        st.caption(f"{_t('dash.card_indicators', lang)}: {counts or fmt.DASH}  \n"
                   + _t("dash.card_budget", lang, amount=fmt.money(g["allocated"], lang),
                        rate=fmt.pct(g["disbursement_rate"])) + "  \n"
                   + _t("dash.card_projects", lang, done=int(g["completed"]), funded=int(g["funded"])))
        st.page_link("pages/goal.py", label=_t("dash.open_goal_short", lang), icon=":material/arrow_forward:",
                     query_params={"goal": str(n)}, help=_t("dash.open_goal", lang))


def chart(fig, key: str | None = None) -> None:
    """Draw a Plotly figure with the PNG download button in its toolbar; our colours kept (theme=None)."""
    st.plotly_chart(fig, config=CHART_CONFIG, theme=None, key=key)


def empty_state(key: str, **values) -> None:
    """Explain why there is nothing to show (never a blank area)."""
    st.info(ui.t(key, **values), icon=":material/info:")


def method_link() -> None:
    st.page_link("pages/method.py", label=ui.t("dash.method_link"), icon=":material/calculate:")


def downloads(df: pd.DataFrame, name: str, key: str) -> None:
    """CSV (UTF-8 with BOM) and XLSX download buttons for ``df``; both formula-safe.

    The files are made only when a button is clicked (``data`` is a callable): building an XLSX
    on every script run would cost more than the rest of the page.
    """
    row = st.container(horizontal=True, gap="small")
    frame_copy = df.copy()
    row.download_button(ui.t("dash.download_csv"), data=lambda: tables.to_csv_bytes(frame_copy),
                        file_name=f"{name}.csv", mime="text/csv", key=f"{key}_csv", on_click="ignore",
                        icon=":material/download:")
    row.download_button(ui.t("dash.download_xlsx"), data=lambda: tables.to_xlsx_bytes(frame_copy, name[:31]),
                       file_name=f"{name}.xlsx", key=f"{key}_xlsx", on_click="ignore", icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# kinds of columns for :func:`table`
TEXT, MONEY, PCT, PROGRESS, INT, NUMBER, STATUS, PSTATUS, BOOL = (
    "text", "money", "pct", "progress", "int", "number", "status", "pstatus", "bool")
#: a long name (indicator, project, goal): given the most room on screen
NAME = "name"


def display_frame(df: pd.DataFrame, spec: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """The table as people read it: columns of ``spec`` (name -> (i18n key, kind)) in order, headed in
    the chosen language; statuses as icon + word; ratios as percentages (0–100); money in baht."""
    out = {}
    for col, (key, kind) in spec.items():
        if col not in df.columns:
            continue
        s = df[col]
        if kind == STATUS:
            s = s.map(status_label)
        elif kind == PSTATUS:
            s = s.map(project_label)
        elif kind == PCT:
            s = (s.astype(float) * 100).round(1)
        elif kind == BOOL:
            s = s.map(lambda v: ui.t("dash.col.yes") if bool(v) else ui.t("dash.col.no"))
        out[ui.t(key)] = s.reset_index(drop=True)
    return pd.DataFrame(out)


#: on-screen widths of the columns of :func:`table` (the widest text columns are left to fill the rest)
WIDTHS = {INT: 90, PCT: 95, PROGRESS: 120, MONEY: 115, NUMBER: 85, BOOL: 80, STATUS: 155, PSTATUS: 165,
          NAME: 240}   # NAME: see table()


def table(df: pd.DataFrame, spec: dict[str, tuple[str, str]], *, name: str, key: str,
          height: int | str = "auto", show: list[str] | None = None) -> pd.DataFrame:
    """Show ``df`` as a localized table (see :func:`display_frame`) with CSV/XLSX downloads.

    ``show`` lists the columns of ``spec`` drawn on screen (the essential ones, so the table fits the
    page); the downloads always carry every column of ``spec``. Missing values read “—”."""
    shown = display_frame(df, spec)
    config = {}
    for col, (k, kind) in spec.items():
        label = ui.t(k)
        width = WIDTHS.get(kind)
        if kind == MONEY:
            config[label] = st.column_config.NumberColumn(label, format="localized", width=width)
        elif kind == PCT:
            config[label] = st.column_config.NumberColumn(label, format="%.1f%%", width=width)
        elif kind == PROGRESS:
            config[label] = st.column_config.ProgressColumn(label, min_value=0, max_value=100, format="%.0f%%",
                                                            width=width)
        elif kind == NUMBER:
            config[label] = st.column_config.NumberColumn(label, format="localized", width=width)
        elif kind == INT:
            config[label] = st.column_config.NumberColumn(label, format="%d", width=width)
        elif kind in (STATUS, PSTATUS, BOOL, NAME):
            config[label] = st.column_config.TextColumn(label, width=width)
    visible = [c for c in (show or spec) if c in spec and c in df.columns]
    # a long name gets what the other visible columns leave of a 1280-px-wide page (about 800 px)
    others = sum(w if isinstance(w := WIDTHS.get(spec[c][1], 110), int) else 110
                 for c in visible if spec[c][1] != NAME)
    name_width = max(200, min(460, 800 - others))
    for c in visible:
        if spec[c][1] == NAME:
            label = ui.t(spec[c][0])
            config[label] = st.column_config.TextColumn(label, width=name_width)
    order = [ui.t(spec[c][0]) for c in visible] if show else None
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config, height=height,
                 column_order=order, placeholder=fmt.DASH)
    downloads(shown, name, key)
    return shown


def pct_delta(change: float) -> str | None:
    """A score change as percentage points (``+3.2 pp``), or None when undefined."""
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return None
    return f"{change * 100:+.1f} pp"


def money_rate(amount: float, rate: float) -> str:
    return ui.t("dash.disbursed_rate", amount=fmt.money(amount, ui.lang()), rate=fmt.pct(rate))

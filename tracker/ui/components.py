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
        delta_color: str = "normal", delta_description: str | None = None) -> None:
    """A bordered metric card."""
    st.metric(label, value, delta=delta, delta_color=delta_color, help=help, border=True,
              delta_description=delta_description)


def chart(fig, key: str | None = None) -> None:
    """Draw a Plotly figure with the PNG download button in its toolbar; our colours kept (theme=None)."""
    st.plotly_chart(fig, config=CHART_CONFIG, theme=None, key=key)


def empty_state(key: str, **values) -> None:
    """Explain why there is nothing to show (never a blank area)."""
    st.info(ui.t(key, **values), icon=":material/info:")


def method_link() -> None:
    st.page_link("pages/method.py", label=ui.t("dash.method_link"), icon=":material/calculate:")


def downloads(df: pd.DataFrame, name: str, key: str) -> None:
    """CSV (UTF-8 with BOM) and XLSX download buttons for ``df``; both formula-safe."""
    c1, c2, _ = st.columns([1, 1, 4])
    c1.download_button(ui.t("dash.download_csv"), data=tables.to_csv_bytes(df), file_name=f"{name}.csv",
                       mime="text/csv", key=f"{key}_csv", on_click="ignore", icon=":material/download:")
    c2.download_button(ui.t("dash.download_xlsx"), data=tables.to_xlsx_bytes(df, name[:31]),
                       file_name=f"{name}.xlsx", key=f"{key}_xlsx", on_click="ignore", icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# kinds of columns for :func:`table`
TEXT, MONEY, PCT, PROGRESS, INT, NUMBER, STATUS, PSTATUS, BOOL = (
    "text", "money", "pct", "progress", "int", "number", "status", "pstatus", "bool")


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


def table(df: pd.DataFrame, spec: dict[str, tuple[str, str]], *, name: str, key: str,
          height: int | str = "auto") -> pd.DataFrame:
    """Show ``df`` as a localized table (see :func:`display_frame`) with CSV/XLSX downloads."""
    shown = display_frame(df, spec)
    config = {}
    for col, (k, kind) in spec.items():
        label = ui.t(k)
        if kind == MONEY:
            config[label] = st.column_config.NumberColumn(label, format="localized")
        elif kind == PCT:
            config[label] = st.column_config.NumberColumn(label, format="%.1f%%")
        elif kind == PROGRESS:
            config[label] = st.column_config.ProgressColumn(label, min_value=0, max_value=100, format="%.0f%%")
        elif kind == NUMBER:
            config[label] = st.column_config.NumberColumn(label, format="localized")
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config, height=height)
    downloads(shown, name, key)
    return shown


def pct_delta(change: float) -> str | None:
    """A score change as percentage points (``+3.2 pp``), or None when undefined."""
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return None
    return f"{change * 100:+.1f} pp"


def money_rate(amount: float, rate: float) -> str:
    return ui.t("dash.disbursed_rate", amount=fmt.money(amount, ui.lang()), rate=fmt.pct(rate))

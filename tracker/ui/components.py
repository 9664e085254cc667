"""Small drawing helpers shared by the dashboard pages: status badges, KPI cards, tables with
downloads, charts with a PNG button, empty states and the link to the method page.

Status is always icon + word + colour (Streamlit's ``:color-badge[...]`` markdown; no HTML).
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from tracker import fmt, tables
from tracker import status as S
from tracker.i18n import t as _t
from tracker.status import missing
from tracker.tables import Column, Table
from tracker.ui import frame as ui
from tracker.ui import markup

#: st.plotly_chart config: no Plotly logo, PNG download at 2× from the chart's toolbar.
CHART_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def status_badge(status: str) -> str:
    """Markdown badge, coloured, with icon and word: ``:green-badge[✔ บรรลุตามเป้า]``."""
    return f":{S.BADGE_COLOURS[status]}-badge[{fmt.status(status, ui.lang())}]"


def project_badge(status: str) -> str:
    return f":{S.PROJECT_BADGE_COLOURS[status]}-badge[{fmt.project_status(status, ui.lang())}]"


def kpi(label: str, value: str, *, help: str | None = None, delta: str | None = None,
        delta_color: str = "normal", delta_description: str | None = None, delta_arrow: str = "auto") -> None:
    """A bordered metric card. Keep ``value`` short (put the unit in ``label``): st.metric cuts a
    long value with “…”."""
    st.metric(label, value, delta=delta, delta_color=delta_color, help=help, border=True,
              delta_description=delta_description, delta_arrow=delta_arrow)


def money_kpi(label: str, amount: float, **kw) -> None:
    """A money card: in millions with 2 decimals, the unit named in the label
    (``งบตามข้อบัญญัติ (ล้านบาท)`` ``26.02``) — every card of every page in the same unit."""
    kpi(f"{label} ({fmt.money_unit('money_million', ui.lang())})", fmt.figure("money_million", amount), **kw)


def period_notice(state: dict) -> bool:
    """Say whether the chosen quarter is complete, incomplete (with what has reported) or not begun;
    True when it has begun (a page then draws its figures; a quarter not begun has none)."""
    text = ui.plain(state["text"][ui.lang()]) if "text" in state else ui.t("dash.no_data_period")
    if state["state"] == "future":
        st.info(text, icon=":material/event_upcoming:")
        return False
    if state["complete"]:
        st.caption(f":material/check_circle: {text}")
    else:
        st.warning(text + "  \n" + ui.t("period.incomplete_help"), icon=":material/hourglass_top:")
    return True


def goal_card(g, lang: str, *, details: bool = True) -> None:
    """One goal at a glance, for a narrow column: number and short name, the score large with its
    coverage (assessed k of n; a score without a judged status is grey, never a status colour), the
    status as icon + word + colour, then (``details``) the change on last year when both years are judged,
    money (ล้านบาท) and projects, and a link. Without details the card is short enough for the
    overview's first screen."""
    n = int(g["goal_no"])
    judged = g["status"] in S.JUDGED
    score = fmt.figure("percent", g["score"], lang=lang)
    coverage = fmt.figure("coverage", (g["assessed"], g["due"]) if g["due"] else None, lang=lang)
    with st.container(border=True, height="stretch", key=f"goalcard{n}"):
        if not details:    # the title is the link to the goal's page
            st.page_link("pages/goal.py", label=f"**{_t('plan.goal_n', lang, n=n)}**", query_params={"goal": str(n)},
                         help=_t("dash.open_goal", lang))
            st.markdown(markup.words(g["short_" + lang]), unsafe_allow_html=True)   # no mid-word breaks
            st.markdown(f"## {score}" if judged else f"### :gray[{score}]", anchors=False)
            st.markdown(status_badge(g["status"]))
            st.caption(coverage)
            return
        st.markdown(f"**{_t('plan.goal_n', lang, n=n)}**  \n{g['short_' + lang]}")
        score = fmt.figure("percent", g["score"], lang=lang)
        st.markdown(f"## {score}" if judged else f"### :gray[{score}]", anchors=False)
        st.markdown(status_badge(g["status"]))
        st.caption(coverage)
        if not missing(g["score_change"]):
            change = fmt.figure("points", g["score_change"], lang=lang)
            shown = S.shown_percent(g["score_change"])     # the sign of the change as written
            colour = "green" if shown > 0 else "red" if shown < 0 else "gray"
            arrow = "↑" if shown > 0 else "↓" if shown < 0 else ""
            st.caption(f":{colour}[{arrow} {change}] {_t('dash.vs_last_year_short', lang)}")
        st.caption(_t("dash.card_budget", lang, amount=fmt.figure("money_million", g["allocated"], lang=lang),
                      rate=fmt.figure("percent", g["disbursement_rate"], lang=lang)) + "  \n"
                   + _t("dash.card_projects", lang, done=fmt.figure("count", g["completed"], lang=lang),
                        funded=fmt.figure("count", g["funded"], lang=lang)))
        st.page_link("pages/goal.py", label=_t("dash.open_goal_short", lang), icon=":material/arrow_forward:",
                     query_params={"goal": str(n)}, help=_t("dash.open_goal", lang))


def chart(fig, key: str | None = None) -> None:
    """Draw a Plotly figure with the PNG download button in its toolbar; our colours kept (theme=None)."""
    st.plotly_chart(fig, config=CHART_CONFIG, theme=None, key=key)


@functools.cache
def _chart_chunk() -> str | None:
    """The file name of the installed Streamlit's chart code (``PlotlyChart.<hash>.js``), None if not one."""
    found = sorted((Path(st.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js"))
    return found[0].name if len(found) == 1 else None


def preload_charts() -> None:
    """Have the browser load its chart code (Plotly, 4.7 MB) now, on a page without charts that comes before
    one with them (the sign-in form, while the user types): Streamlit loads it only when the first chart
    arrives, and compiling and running it then delays that page's charts. Draws nothing."""
    chunk = _chart_chunk()
    if chunk:
        st.html(markup.chunk_preload_script(chunk), unsafe_allow_javascript=True)


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
    row.download_button(ui.t("dash.download_csv"), data=lambda: tables.csv_bytes(frame_copy),
                        file_name=f"{name}.csv", mime="text/csv", key=f"{key}_csv", on_click="ignore",
                        icon=":material/download:")
    row.download_button(ui.t("dash.download_xlsx"), data=lambda: tables.xlsx_bytes(frame_copy, name[:31]),
                       file_name=f"{name}.xlsx", key=f"{key}_xlsx", on_click="ignore", icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def display_frame(df: pd.DataFrame, columns: list[Column]) -> pd.DataFrame:
    """The table as people read it: ``columns`` in order, headed in the chosen language; statuses
    and yes/no as words; numbers rounded as the formatter shows them (:func:`tracker.fmt.shown_number`:
    percentages ×100 with one decimal, money in whole baht, indicator values with up to 2 decimals),
    so the grid shows the same digits as every other surface and still sorts as numbers."""
    lang, out = ui.lang(), {}
    for col in columns:
        if col.key not in df.columns:
            continue
        s = df[col.key]
        if col.kind in ("status", "pstatus", "bool"):
            s = _per_value(s, lambda v, k=col.kind: fmt.cell(k, v, lang))
        elif col.kind in ("pct", "score"):
            s = _per_value(s, lambda v: None if missing(v) else fmt.shown_number("percent", v) * 100) \
                .astype(float).round(1)
        elif col.kind in ("money", "int", "num", "progress", "rating"):
            s = _per_value(s, lambda v, k=col.kind: None if missing(v) else fmt.shown_number(k, v)).astype(float)
        out[col.heading(lang)] = s.reset_index(drop=True)
    return pd.DataFrame(out)


def _per_value(s: pd.Series, shown) -> pd.Series:
    """``s.map(shown)`` with ``shown`` called once per distinct value, not per cell (a province's
    project table has 20,000 rows and a handful of statuses)."""
    codes, uniques = pd.factorize(s, use_na_sentinel=False)
    texts = np.empty(len(uniques), dtype=object)
    texts[:] = [shown(v) for v in uniques]
    return pd.Series(texts[codes], index=s.index)


#: on-screen widths of the columns of :func:`table` by kind (the widest text columns fill the rest)
WIDTHS = {"int": 90, "pct": 95, "score": 95, "progress": 120, "money": 115, "num": 85, "rating": 120, "bool": 80,
          "status": 155, "pstatus": 165}
#: a long name (indicator, project) gets what the other visible columns leave of a 1280-px page
NAME_ROOM = 800


def _column_config(col: Column, label: str, width: int | None):
    if col.kind in ("money", "num"):   # values already rounded as shown (display_frame)
        return st.column_config.NumberColumn(label, format="localized", width=width)
    if col.kind in ("pct", "score"):
        return st.column_config.NumberColumn(label, format="%.1f%%", width=width)
    if col.kind == "rating":       # a score out of 10, two decimals as surveys print it (8.10)
        return st.column_config.NumberColumn(label, format="%.2f", width=width)
    if col.kind == "progress":
        return st.column_config.ProgressColumn(label, min_value=0, max_value=100, format="%.0f%%", width=width)
    if col.kind == "int":
        return st.column_config.NumberColumn(label, format="%d", width=width)
    if col.kind in ("status", "pstatus", "bool", "name"):
        return st.column_config.TextColumn(label, width=width)
    return None


#: a table of at most this many rows is drawn static where a larger organisation's data may list many (a goal's
#: projects, what needs attention: thousands at province size):
#: beyond it people need the grid's sorting and search
SMALL_TABLE = 60
#: a static table longer than this scrolls in its own box (its header stays in view)
LONG_TABLE = 14


def table(df: pd.DataFrame, columns: list[Column], *, name: str, key: str, height: int | str = "auto",
          show: list[str] | None = None, static: bool | int = False) -> pd.DataFrame:
    """Show ``df`` as a localized table (see :func:`display_frame`) with CSV/XLSX downloads.

    ``show`` lists the keys of the columns drawn on screen (the essential ones, so the table fits the
    page); the downloads always carry every column. Missing values read “—”.

    ``static``: draw a plain HTML table (:func:`static_table`) instead of the interactive grid — True
    always, a number when ``df`` has at most that many rows. A small table needs no sorting or search;
    the grid costs the browser its own code (about 1.2 MB) and canvas, and its cells cut long Thai
    names with “…” where a static table wraps them between words."""
    lang = ui.lang()
    shown = display_frame(df, columns)
    visible = [c for c in columns if c.key in df.columns and (show is None or c.key in show)]
    if static is True or (static is not False and len(df) <= static):
        static_table(df, sorted(visible, key=lambda c: show.index(c.key)) if show else visible, key=key)
        downloads(shown, name, key)
        return shown
    others = sum(WIDTHS.get(c.kind, 110) for c in visible if c.kind != "name")
    name_width = max(200, min(460, NAME_ROOM - others))
    config = {}
    for col in columns:
        label = col.heading(lang)
        width = name_width if col.kind == "name" else WIDTHS.get(col.kind)
        if (cfg := _column_config(col, label, width)) is not None:
            config[label] = cfg
    order = [c.heading(lang) for c in sorted(visible, key=lambda c: show.index(c.key))] if show else None
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config, height=height,
                 column_order=order, placeholder=fmt.DASH)
    downloads(shown, name, key)
    return shown


def static_table(df: pd.DataFrame, columns: list[Column], *, key: str) -> None:
    """``df``'s ``columns`` as a plain HTML table (:func:`tracker.ui.markup.table`): every cell the text of
    :func:`tracker.fmt.cell` (the same text as slides and documents), numbers right-aligned, progress with
    its bar, long Thai names wrapped between words; a long table scrolls in its own box."""
    lang = ui.lang()
    cols = [c for c in columns if c.key in df.columns]
    data = [[_per_value(df[c.key], lambda v, k=c.kind: fmt.cell(k, v, lang)).tolist(), df[c.key]] for c in cols]
    rows = []
    for i in range(len(df)):
        row = []
        for c, (texts, raw) in zip(cols, data):
            if c.kind == "progress":
                v = raw.iloc[i]
                row.append((texts[i], 0.0 if missing(v) else float(fmt.shown_number("progress", v))))
            else:
                row.append(texts[i])
        rows.append(row)
    st.html(markup.table([c.heading(lang) for c in cols], rows, [c.numeric for c in cols], key=key,
                         long=len(rows) > LONG_TABLE, nowrap=[c.kind in ("status", "pstatus", "bool") for c in cols]))


def indicator_columns(lang: str) -> list[Column]:
    """The columns of an indicator table (:func:`tracker.rollup.indicator_table`) on a page."""
    return [Column("code", "col.code"), Column("goal_no", "dash.col.goal", "int"),
            Column(f"name_{lang}", "col.indicator", "name"), Column(f"unit_{lang}", "col.unit"),
            Column("start", "dash.col.start", "num"), Column("expected", "dash.col.expected", "num"),
            Column("actual", "dash.col.actual", "num"), Column("target", "col.target", "num"),
            Column("ratio", "dash.col.ratio", "pct"), Column("status", "dash.col.status", "status"),
            Column("last_value", "dash.col.last_value", "num"), Column("last_quarter", "dash.col.last_quarter", "int"),
            Column("n_values", "dash.col.n_values", "int")]


def project_columns(lang: str) -> list[Column]:
    """The columns of a project table (:func:`tracker.rollup.project_table`) on a page."""
    return [Column("project_code", "col.code"), Column("goal_no", "dash.col.goal", "int"),
            Column(f"name_{lang}", "dash.col.project", "name"), Column(f"department_{lang}", "dash.col.department"),
            Column("villages", "dash.col.villages"), Column("status", "dash.col.status", "pstatus"),
            Column("progress_pct", "dash.col.progress", "progress"),
            Column("planned_budget", "dash.col.planned", "money"), Column("allocated_budget", "dash.col.allocated", "money"),
            Column("committed", "dash.col.committed", "money"), Column("disbursed", "dash.col.disbursed", "money"),
            Column("disbursement_rate", "dash.col.disbursement_rate", "pct"),
            Column("is_welfare_transfer", "dash.col.welfare", "bool"), Column("added_by_revision", "dash.col.added", "bool"),
            Column("reported_this_quarter", "dash.col.reported", "bool"), Column("progress_note", "dash.col.note")]


def table_model(model: Table, *, name: str, key: str, height: int | str = "auto",
                show: list[str] | None = None, static: bool | int = False) -> pd.DataFrame:
    """A :class:`tracker.tables.Table` (the model slides and documents draw too) as a page table."""
    df = pd.DataFrame(model.rows, columns=[c.key for c in model.columns] if not model.rows else None)
    return table(df, model.columns, name=name, key=key, height=height, show=show, static=static)


def change_delta(change: float) -> dict:
    """st.metric's delta for a score change: the text in percentage points (``−54.2 จุดร้อยละ``, a real
    minus sign, which Streamlit would not read as negative), with the colour and arrow set from the
    change *as shown* (a change shown ±0.0 is grey, no arrow); nothing when the change is undefined."""
    if missing(change):
        return {}
    shown = S.shown_percent(change)
    colour, arrow = ("green", "up") if shown > 0 else ("red", "down") if shown < 0 else ("gray", "off")
    return {"delta": fmt.figure("points", change, lang=ui.lang()), "delta_color": colour, "delta_arrow": arrow}



#: the chain of money the executive asks for, plan amount to disbursement (:data:`tracker.rollup.CHAIN`)
CHAIN_COLUMNS = [Column("planned", "dash.col.planned", "money"), Column("ordinance", "dash.col.ordinance", "money"),
                 Column("allocated", "dash.col.allocated", "money"), Column("committed", "dash.col.committed", "money"),
                 Column("disbursed", "dash.col.disbursed", "money"),
                 Column("disbursement_rate", "dash.col.disbursement_rate", "pct")]


def level_label(dimension: str) -> str:
    """The i18n key naming a level of the plan as this plan calls it (ยุทธศาสตร์ or ประเด็นการพัฒนาท้องถิ่น,
    กลยุทธ์ or แนวทางการพัฒนา, แผนงาน), a goal or a department."""
    levels = ui.plan().levels
    return {"strategy": f"level.{levels['strategy']}", "tactic": f"level.{levels['tactic']}",
            "programme": "level.programme", "goal": "dash.col.goal", "department": "dash.col.department"}[dimension]


def group_table(df: pd.DataFrame, dimension: str, *, name: str, key: str, static: bool | int = False) -> None:
    """A :func:`tracker.rollup.budget_by` table: the group and its name, projects, the chain of money
    (the book's ordinance amount shown only when the plan book has one)."""
    from tracker.rollup import DIMENSIONS

    lang, group = ui.lang(), DIMENSIONS[dimension]
    name_col = f"name_{lang}"
    if dimension == "programme":
        # a แผนงาน by its name alone (its standard code means nothing to a reader); projects outside the
        # plan book say so
        df = df.assign(**{name_col: df[name_col].where(df[group].notna(), ui.t("dash.not_in_book"))})
        cols = [Column(name_col, level_label(dimension), "name")]
    else:
        cols = [Column(group, level_label(dimension), "int" if dimension in ("goal", "strategy") else "text"),
                Column(name_col, "dash.col.name", "name")]
    labels = [c.key for c in cols]
    cols += [Column("projects", "dash.col.projects", "int"), Column("funded", "dash.col.funded", "int"), *CHAIN_COLUMNS]
    money = ["planned", *(["ordinance"] if df["ordinance"].notna().any() else []), "allocated", "disbursed"]
    table(df, cols, name=name, key=key, show=[*labels, "projects", *money, "disbursement_rate"], static=static)


def with_programme_names(projects: pd.DataFrame) -> pd.DataFrame:
    """A :func:`tracker.rollup.project_table` slice with ``programme_name``: its แผนงาน by name, in the
    user's language (empty for a project the plan book does not list)."""
    names = {code: p.name.get(ui.lang()) for code, p in ui.plan().programmes.items()}
    return projects.assign(programme_name=projects["programme_code"].map(names))


def group_labels(df: pd.DataFrame, dimension: str) -> list[str]:
    """Chart labels of a :func:`tracker.rollup.budget_by` table: "1 โครงสร้างพื้นฐาน", "1.1 …", a
    programme by its name; the row of projects outside the plan book says so."""
    from tracker.rollup import DIMENSIONS

    lang = ui.lang()
    out = []
    for k, n in zip(df[DIMENSIONS[dimension]], df[f"name_{lang}"]):
        if missing(k):
            out.append(ui.t("dash.not_in_book"))
        elif dimension == "programme" or missing(n):
            out.append(str(n) if not missing(n) else str(k))
        else:
            out.append(f"{k} {n}")
    return out


def committee_notes(rnd, notes: pd.DataFrame, strategy_names: dict[int, str]) -> None:
    """The M&E committee's texts per strategy (:func:`tracker.report.me.narrative.for_period`) as plain text
    (Markdown escaped, line breaks kept, Thai broken only between words); an explanation when nobody wrote any
    for the round."""
    if rnd is None:
        empty_state("goal.no_notes")
        return
    st.caption(ui.words(ui.t("goal.notes_round", round=rnd.label(ui.lang()))))
    for number, part in notes.groupby("strategy_no", sort=False):
        st.markdown(f"**{ui.words(strategy_names.get(int(number), str(number)))}**")
        for r in part.itertuples(index=False):
            st.markdown(f"*{ui.words(ui.t(f'me.section.{r.section}'))}*  \n" + ui.words(r.text).replace("\n", "  \n"))

"""What every figure is computed from: the plan's and the store's tables, loaded once, and the thresholds.

:func:`load` is the only part of the rollup that reads the database; every other function of the
package is a pure function of an :class:`Inputs` (so a view can load once and compute many figures).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from tracker import status as S
from tracker import store


@dataclass(frozen=True)
class Inputs:
    """The tables figures are computed from (frames of :mod:`tracker.store.reads`).

    ``results``, ``projects`` and ``progress`` hold the loaded fiscal years only (see :func:`load`); ``results``
    holds the satisfaction survey's overall share as the satisfaction indicator's result
    (:func:`tracker.rollup.satisfaction.with_survey`).

    With ``read_year`` (a view's inputs, :func:`load` with ``read_year``), projects and progress are read a
    year at a time, when a figure first asks for that year (:meth:`of_year`); ``projects`` then holds only
    the ``fiscal_year`` of every year with projects and ``progress`` only the ``fiscal_year, quarter`` of
    every quarter with progress rows (what :attr:`periods` and the opening quarter's candidates need).
    """

    goals: pd.DataFrame
    departments: pd.DataFrame
    indicators: pd.DataFrame
    targets: pd.DataFrame
    results: pd.DataFrame
    projects: pd.DataFrame
    progress: pd.DataFrame
    #: the plan's hierarchy (tracker.store.planbook): strategies, tactics, programmes; ``plan_projects``
    #: (code -> strategy, tactic, programme, first revision kind) and the book's ordinance amounts
    strategies: pd.DataFrame = field(default_factory=pd.DataFrame)
    tactics: pd.DataFrame = field(default_factory=pd.DataFrame)
    programmes: pd.DataFrame = field(default_factory=pd.DataFrame)
    plan_projects: pd.DataFrame = field(default_factory=pd.DataFrame)
    ordinance: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: ``read_year(table, fiscal_year)``: one year's rows of projects or progress, read when first asked for
    read_year: Callable[[str, int], pd.DataFrame] | None = field(default=None, compare=False, repr=False)
    #: the years read so far, (table, fiscal_year) -> rows (shared by copies made with dataclasses.replace)
    years_read: dict = field(default_factory=dict, compare=False, repr=False)

    def of_year(self, table: str, fiscal_year: int, columns: tuple[str, ...] | None = None) -> pd.DataFrame:
        """The rows of ``table`` (results, projects or progress) of one fiscal year, in stored order; only
        ``columns`` when given (the same values: last year's money for the change on last year needs 3 of
        the projects' 15 columns, and their text was most of reading them).

        The store reads projects and progress by year first, so a year's rows are one run of them: they
        are then taken as a slice, which shares the loaded frame's memory (a province's year is 13 MB of
        projects and progress that every project table computed from it would otherwise copy).
        With ``read_year``, projects and progress are read once per year, when first asked for: a page
        at 50x data needs two of five years (the year and the one before), and reading every year was
        about half of its cache miss."""
        if self.read_year is not None and table in ("projects", "progress"):
            whole = self.years_read.get((table, int(fiscal_year), None))
            if columns is not None and whole is not None:
                return whole[list(columns)]
            key = (table, int(fiscal_year), columns)
            rows = self.years_read.get(key)
            if rows is None:        # two sessions reading at once: the first one kept
                rows = self.years_read.setdefault(key, self.read_year(table, int(fiscal_year), columns))
            return rows.copy(deep=False)    # the caller's own frame (copy-on-write: nothing copied)
        df = getattr(self, table)
        years = df["fiscal_year"]
        if years.is_monotonic_increasing:
            values = years.to_numpy()
            start, stop = values.searchsorted(fiscal_year, "left"), values.searchsorted(fiscal_year, "right")
            rows = df.iloc[start:stop]
        else:
            rows = df[years == fiscal_year]
        return rows if columns is None else rows[list(columns)]

    @property
    def periods(self) -> list[tuple[int, int]]:
        """(fiscal_year, quarter) pairs with any progress or indicator result, ascending."""
        both = pd.concat([f[["fiscal_year", "quarter"]] for f in (self.progress, self.results)]).drop_duplicates()
        return sorted((int(y), int(q)) for y, q in zip(both["fiscal_year"], both["quarter"]))


def load(db, fiscal_years: list[int] | None = None, *,
         read_year: Callable[[str, int], pd.DataFrame] | None = None) -> Inputs:
    """Read the tables, the figures only of ``fiscal_years`` (None: every year).

    With ``read_year`` (a view's inputs: :func:`tracker.rollup.shared.inputs`), every year's indicator
    results are read now, projects and progress a year at a time when first asked for
    (:meth:`Inputs.of_year`, through :func:`year_rows`); ``fiscal_years`` is then ignored."""
    years = None if fiscal_years is None or read_year is not None else [int(y) for y in fiscal_years]
    amounts = store.planbook.amounts(db)
    indicators = store.indicators(db)
    if read_year is None:
        proj, prog = store.projects(db, years), store.progress(db, years)
    else:
        proj, prog = store.project_years(db), store.progress_periods(db)
    return Inputs(goals=store.goals(db), departments=store.departments(db), indicators=indicators,
                  targets=store.targets(db), results=results(db, indicators, years), projects=proj,
                  progress=prog, strategies=store.planbook.strategies(db),
                  tactics=store.planbook.tactics(db), programmes=store.planbook.programmes(db),
                  plan_projects=store.planbook.projects(db), ordinance=amounts[amounts["kind"] == "ordinance"],
                  read_year=read_year)


def year_rows(db, table: str, fiscal_year: int, columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """One year's rows of ``projects`` or ``progress`` (only ``columns`` when given): what :func:`load`
    reads for ``[fiscal_year]``."""
    return (store.projects if table == "projects" else store.progress)(db, [int(fiscal_year)], columns)


def results(db, indicators: pd.DataFrame, fiscal_years: list[int] | None = None) -> pd.DataFrame:
    """The indicator results figures are computed from: the uploaded ones, the satisfaction indicator's taken from
    the survey where one is loaded (:mod:`tracker.rollup.satisfaction`: the survey wins)."""
    from tracker.rollup import satisfaction

    return satisfaction.with_survey(store.results(db, fiscal_years),
                                    satisfaction.survey_results(store.surveys.overall_rows(db, fiscal_years),
                                                                indicators))


DEFAULT_SETTINGS: dict = {**S.DEFAULT_THRESHOLDS, "low_disbursement_share_of_pace": 0.5,
                           "min_coverage": S.DEFAULT_MIN_COVERAGE, "year_end": dict(S.DEFAULT_YEAR_END),
                           "completeness": dict(S.DEFAULT_COMPLETENESS)}


def thresholds_of(thresholds: dict | None = None) -> dict:
    """The method's settings (:data:`DEFAULT_SETTINGS` keys): ``on_track``, ``at_risk``,
    ``low_disbursement_share_of_pace``, ``min_coverage``, ``year_end`` {achieved, nearly} and
    ``completeness`` {indicators, projects} — from ``thresholds`` where given (a partial dict, or a
    plan's ``thresholds``), else from the plan file, else the documented defaults."""
    from tracker.plan import PlanError, default_plan

    if thresholds is None:
        try:
            plan = default_plan()
            thresholds = {**plan.thresholds, "year_end": plan.year_end, "completeness": plan.completeness}
        except PlanError:  # no plan file readable: the documented defaults
            thresholds = {}
    out = {**DEFAULT_SETTINGS, **thresholds}
    out["year_end"] = {**DEFAULT_SETTINGS["year_end"], **(thresholds.get("year_end") or {})}
    out["completeness"] = {**DEFAULT_SETTINGS["completeness"], **(thresholds.get("completeness") or {})}
    return out

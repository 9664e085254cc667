"""The satisfaction survey's figures (แบบที่ 3/2, 3/3) of one fiscal year and round, as the report prints them.

Pure functions of the stored rows (:func:`tracker.store.surveys.survey`), loaded once by :func:`load`:

- respondents by characteristic (sex, age, education, occupation), each group's share of its characteristic's
  total;
- per item the shares very satisfied / satisfied / not satisfied (as uploaded, percent), and the overall share
  satisfied or very satisfied: the survey's own ``ภาพรวม`` row when it has one, else the mean of its items;
- per strategy a score out of 10: the strategy's ``ภาพรวม`` row, else the mean of its items.

The plan's satisfaction indicator (:func:`satisfaction_indicator`: the one the plan file marks ``measured_by:
survey``) takes its value from that overall share: :func:`survey_results` makes it an indicator result of the
round's quarter (annual -> Q4, half -> Q2) and :func:`with_survey` puts it among the uploaded results before any
figure is computed (:func:`tracker.rollup.inputs.load`), so every page, ``summary --json`` and every report show
the same value. **The survey wins**: where both a survey and an uploaded result of that quarter exist, the
uploaded one is set aside (an upload whose share differs from it is warned about: ``survey_indicator_differs``).
No survey: the uploaded result, or no data.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tracker.ingest.survey import (CHARACTERISTICS, ROUND_QUARTER, is_overall_item, overall_share,
                                   satisfaction_indicator)

RESULT_COLUMNS = ["indicator_code", "fiscal_year", "quarter", "value", "note", "batch_id"]

#: the survey round of each report round (a quarterly report has no survey)
SURVEY_ROUND = {"annual": "annual", "half": "half"}


@dataclass(frozen=True)
class Survey:
    """The rows of one survey (columns of :func:`tracker.store.surveys.survey`)."""

    rows: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.rows.empty

    def _table(self, name: str) -> pd.DataFrame:
        return self.rows[self.rows["survey_table"] == name]

    def respondents(self) -> pd.DataFrame:
        """``characteristic, item, respondents, share`` (ratio of the characteristic's total), characteristics in
        the order sex, age, education, occupation, groups as uploaded."""
        r = self._table("respondents")
        r = r[~r["item"].map(is_overall_item)]
        order = {c: i for i, c in enumerate(CHARACTERISTICS)}
        r = r.assign(_o=r["characteristic"].map(order)).sort_values("_o", kind="stable")
        total = r.groupby("characteristic")["respondents"].transform("sum")
        share = (r["respondents"] / total).where(total > 0)
        return pd.DataFrame({"characteristic": r["characteristic"].to_numpy(), "item": r["item"].to_numpy(),
                             "respondents": r["respondents"].astype("float64").to_numpy(),
                             "share": share.astype("float64").to_numpy()})

    def n_respondents(self) -> float | None:
        """All respondents: the largest total over the characteristics (some leave a question blank); else the
        3/2 overall row's count; None when the survey counts nobody."""
        r = self._table("respondents")
        r = r[~r["item"].map(is_overall_item)]
        if r["respondents"].notna().any():
            return float(r.groupby("characteristic")["respondents"].sum().max())
        o = self._table("overall")["respondents"].dropna()
        return float(o.max()) if len(o) else None

    def items(self) -> pd.DataFrame:
        """The points assessed of form 3/2 (its overall row apart): ``item, very_satisfied, satisfied,
        not_satisfied`` as ratios (0.354 = 35.4 %)."""
        o = self._table("overall")
        o = o[~o["item"].map(is_overall_item)]
        return pd.DataFrame({"item": o["item"].to_numpy(),
                             **{c: (o[c].astype("float64") / 100).to_numpy()
                                for c in ("very_satisfied", "satisfied", "not_satisfied")}})

    def overall(self) -> tuple[dict[str, float], bool]:
        """``({very_satisfied, satisfied, not_satisfied} as ratios, computed)``: the 3/2 overall row, or (computed
        True) the mean of the items when the survey has none. Empty dict when there is no form 3/2."""
        o = self._table("overall")
        own = o[o["item"].map(is_overall_item)]
        cols = ("very_satisfied", "satisfied", "not_satisfied")
        if len(own):
            return {c: float(own[c].iloc[0]) / 100 for c in cols}, False
        items = self.items()
        if items.empty:
            return {}, False
        return {c: float(items[c].mean()) for c in cols}, True

    def overall_share(self) -> float | None:
        """Satisfied or very satisfied with the overall performance, a ratio (the satisfaction indicator's
        measure, :func:`tracker.ingest.survey.overall_share` / 100); None without a form 3/2."""
        share = overall_share(self.rows)
        return None if share is None else share / 100

    def strategy_scores(self) -> pd.DataFrame:
        """``strategy_no, score`` out of 10 per strategy, ascending: the strategy's overall row, else the mean of
        its items."""
        s = self._table("strategy")
        if s.empty:
            return pd.DataFrame({"strategy_no": pd.Series(dtype="int64"), "score": pd.Series(dtype="float64")})
        own = s[s["item"].map(is_overall_item)].groupby("strategy_no")["score"].first()
        mean = s[~s["item"].map(is_overall_item)].groupby("strategy_no")["score"].mean()
        score = own.combine_first(mean).sort_index()
        return pd.DataFrame({"strategy_no": score.index.astype("int64"), "score": score.astype("float64").to_numpy()})


    def strategy_items(self) -> pd.DataFrame:
        """The points assessed per strategy (form 3/3, the strategies' own overall rows apart): ``strategy_no, item,
        score`` out of 10, strategies ascending, items as uploaded. Empty when the survey scored strategies only."""
        s = self._table("strategy")
        s = s[~s["item"].map(is_overall_item)]
        s = s.assign(_o=range(len(s))).sort_values(["strategy_no", "_o"], kind="stable")
        return pd.DataFrame({"strategy_no": s["strategy_no"].astype("int64").to_numpy(), "item": s["item"].to_numpy(),
                             "score": s["score"].astype("float64").to_numpy()})


def survey_results(overall_rows: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """The satisfaction indicator's results made of the surveys: one row per fiscal year and round with a form 3/2
    (``overall_rows``: :func:`tracker.store.surveys.overall_rows`), in the columns of the indicator results
    (``indicator_code, fiscal_year, quarter, value, note, batch_id``): quarter 4 for the annual round, 2 for the
    six-month one, value the overall share satisfied or very satisfied in percent, batch the survey's upload.
    Empty when the plan marks no indicator ``measured_by: survey`` or no survey is loaded."""
    measured = indicators["code"][indicators["measured_by"] == "survey"] if "measured_by" in indicators else []
    rows = []
    if len(measured) and len(overall_rows):
        code = str(measured.iloc[0])
        for (fy, rnd), part in overall_rows.groupby(["fiscal_year", "round"], sort=True):
            share = overall_share(part)
            if share is not None and rnd in ROUND_QUARTER:
                rows.append({"indicator_code": code, "fiscal_year": int(fy), "quarter": ROUND_QUARTER[rnd],
                             "value": round(float(share), 6), "note": None,
                             "batch_id": int(part["batch_id"].max()) if part["batch_id"].notna().any() else None})
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def with_survey(results: pd.DataFrame, from_survey: pd.DataFrame) -> pd.DataFrame:
    """``results`` (uploaded indicator results) with the survey's (:func:`survey_results`) in place of any uploaded
    result of the same indicator, year and quarter (the survey wins), sorted as the store sorts them."""
    if from_survey.empty:
        return results
    key = ["indicator_code", "fiscal_year", "quarter"]
    taken = pd.MultiIndex.from_frame(from_survey[key].astype({"fiscal_year": "int64", "quarter": "int64"}))
    mine = pd.MultiIndex.from_frame(results[key].astype({"fiscal_year": "int64", "quarter": "int64"}))
    kept = results[~mine.isin(taken)]
    add = from_survey.astype({"value": "float64"})
    out = pd.concat([kept, add[[c for c in results.columns if c in add]]] if len(kept) else
                    [add.reindex(columns=results.columns)], ignore_index=True)
    return out.sort_values(key, kind="stable").reset_index(drop=True)


def loaded_rounds(db, fiscal_year: int) -> list[str]:
    """The survey rounds (``annual`` first, then ``half``) with a survey loaded for ``fiscal_year``."""
    from tracker import store

    have = store.surveys.rounds(db)
    have = set(have.loc[have["fiscal_year"] == int(fiscal_year), "round"])
    return [r for r in SURVEY_ROUND if r in have]


def load(db, fiscal_year: int, round_kind: str) -> Survey:
    """The survey of ``fiscal_year`` for a report round of ``round_kind`` (annual | half | quarter; a quarter
    has no survey: empty)."""
    from tracker import store

    key = SURVEY_ROUND.get(round_kind)
    if key is None:
        return Survey(store.surveys.survey(db, fiscal_year, "annual").iloc[0:0])
    return Survey(store.surveys.survey(db, fiscal_year, key))


__all__ = ["Survey", "load", "loaded_rounds", "ROUND_QUARTER", "satisfaction_indicator", "survey_results", "with_survey", "SURVEY_ROUND"]

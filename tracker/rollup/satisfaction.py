"""The satisfaction survey's figures (แบบที่ 3/2, 3/3) of one fiscal year and round, as the report prints them.

Pure functions of the stored rows (:func:`tracker.store.surveys.survey`), loaded once by :func:`load`:

- respondents by characteristic (sex, age, education, occupation), each group's share of its characteristic's
  total;
- per item the shares very satisfied / satisfied / not satisfied (as uploaded, percent), and the overall share
  satisfied or very satisfied: the survey's own ``ภาพรวม`` row when it has one, else the mean of its items;
- per strategy a score out of 10: the strategy's ``ภาพรวม`` row, else the mean of its items.

The plan's satisfaction indicator (:func:`satisfaction_indicator`: the one whose source is form 3/2) is
measured by that overall share (an upload whose share differs from the indicator's stored result of the round's
quarter is warned about: ``survey_indicator_differs``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tracker.ingest.survey import CHARACTERISTICS, is_overall_item, overall_share, satisfaction_indicator

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


def load(db, fiscal_year: int, round_kind: str) -> Survey:
    """The survey of ``fiscal_year`` for a report round of ``round_kind`` (annual | half | quarter; a quarter
    has no survey: empty)."""
    from tracker import store

    key = SURVEY_ROUND.get(round_kind)
    if key is None:
        return Survey(store.surveys.survey(db, fiscal_year, "annual").iloc[0:0])
    return Survey(store.surveys.survey(db, fiscal_year, key))


__all__ = ["Survey", "load", "satisfaction_indicator", "SURVEY_ROUND"]

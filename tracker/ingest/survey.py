"""The satisfaction survey upload (kind ``satisfaction``; แบบที่ 3/2 and 3/3): the rules between its columns.

The office tabulates a survey in three tables: the respondents (ผู้ตอบแบบสอบถาม) by sex, age, education and
occupation; per item the shares very satisfied / satisfied / not satisfied (แบบที่ 3/2, overall); per strategy
a score out of 10 (แบบที่ 3/3). The upload is one long table — a row per figure, its ``ตาราง`` column naming the
table — so a CSV saved from Excel holds a whole survey, the same template, reader, column mapping, preview,
receipt and rollback serve it as every other kind, and a survey is one batch.

:func:`normalise` reads the words of the ``รอบ``, ``ตาราง``, ``ยุทธศาสตร์ที่`` and ``ลักษณะผู้ตอบ`` columns as the
office writes them (before the contract's schema checks the key); :func:`check` then checks each row against its
table: the columns it needs, the three shares adding up to 100 (± :data:`SHARE_TOLERANCE` for rounding), shares
written as fractions (0.35 for 35 %: 100 times too small), a score out of 10.
"""

from __future__ import annotations

import re

import pandas as pd

from tracker.i18n import t
from tracker.ingest.contract import header_key
from tracker.ingest.read import ROW
from tracker.periods import THAI_DIGITS

ROUNDS = ("annual", "half")
TABLES = ("respondents", "overall", "strategy")
CHARACTERISTICS = ("sex", "age", "education", "occupation")
SHARES = ("very_satisfied", "satisfied", "not_satisfied")
#: how far the three shares of an item may be from 100 once rounded (three shares of two decimals: ±0.02;
#: of whole numbers: ±1.5)
SHARE_TOLERANCE = 1.5
SCORE_MAX = 10.0
#: the item name of a table's own total row (3/2: the overall shares; 3/3: a strategy's overall score)
OVERALL_ITEMS = ("ภาพรวม", "รวม", "overall", "total", "เฉลี่ย", "ค่าเฉลี่ย", "ภาพรวมทั้งหมด")

_WORDS = {
    "round": {"annual": ("ประจำปี", "รายปี", "ปี", "รอบ12เดือน", "12เดือน", "รอบปี", "annual", "year", "yearly"),
              "half": ("รอบ6เดือน", "6เดือน", "ครึ่งปี", "half", "halfyear", "6months", "sixmonths")},
    "survey_table": {
        "respondents": ("ผู้ตอบแบบสอบถาม", "ผู้ตอบ", "ข้อมูลผู้ตอบ", "ข้อมูลทั่วไป", "ข้อมูลทั่วไปของผู้ตอบแบบสอบถาม",
                        "respondents", "respondent"),
        "overall": ("แบบที่32", "แบบ32", "32", "ภาพรวม", "ความพึงพอใจภาพรวม", "overall", "form32"),
        "strategy": ("แบบที่33", "แบบ33", "33", "รายยุทธศาสตร์", "ยุทธศาสตร์", "strategy", "strategies", "form33")},
    "characteristic": {"sex": ("เพศ", "sex", "gender"), "age": ("อายุ", "ช่วงอายุ", "age"),
                       "education": ("การศึกษา", "ระดับการศึกษา", "วุฒิการศึกษา", "education"),
                       "occupation": ("อาชีพ", "อาชีพหลัก", "occupation")},
}
#: the respondents' groups and the points assessed of the official forms (แบบที่ 3/2, 3/3), the pre-filled survey
#: form's rows when no earlier survey is loaded (:func:`tracker.ingest.forms.survey_rows`)
DEFAULT_GROUPS = {
    "sex": ("ชาย", "หญิง"),
    "age": ("ต่ำกว่า 20 ปี", "20–30 ปี", "31–40 ปี", "41–50 ปี", "51–60 ปี", "มากกว่า 60 ปี"),
    "education": ("ประถมศึกษา", "มัธยมศึกษาหรือเทียบเท่า", "อนุปริญญาหรือเทียบเท่า", "ปริญญาตรี", "สูงกว่าปริญญาตรี",
                  "อื่น ๆ"),
    "occupation": ("รับราชการ", "เอกชน/รัฐวิสาหกิจ", "ค้าขาย/ธุรกิจส่วนตัว", "รับจ้าง", "นักเรียน/นักศึกษา", "เกษตรกร",
                   "อื่น ๆ"),
}
DEFAULT_ITEMS = (
    "การเปิดโอกาสให้ประชาชนมีส่วนร่วมในโครงการ/กิจกรรม",
    "การประชาสัมพันธ์ให้ประชาชนรับรู้ข้อมูลของโครงการ/กิจกรรม",
    "การเปิดโอกาสให้ประชาชนแสดงความคิดเห็นต่อโครงการ/กิจกรรม",
    "การรายงานผลการดำเนินงานของโครงการ/กิจกรรมให้ประชาชนทราบ",
    "ความโปร่งใสในการดำเนินโครงการ/กิจกรรม",
    "การดำเนินงานเป็นไปตามระยะเวลาที่กำหนด",
    "ผลการดำเนินโครงการ/กิจกรรมนำไปสู่การแก้ไขปัญหาของประชาชน",
    "การตอบสนองความต้องการของประชาชน",
    "ประโยชน์ที่ประชาชนได้รับจากการดำเนินโครงการ/กิจกรรม",
)
_LOOKUP = {col: {header_key(w): code for code, words in table.items() for w in words} for col, table in _WORDS.items()}


def word(column: str, text) -> str | None:
    """The code of a word of ``column`` (round, survey_table, characteristic) as the office writes it
    (``รอบ 6 เดือน``, ``แบบที่ 3/2``, ``ระดับการศึกษา``), or None when it is not one of them."""
    if text is None or text != text or not str(text).strip():
        return None
    return _LOOKUP[column].get(header_key(text))


def strategy_number(text) -> int | None:
    """``1``, ``๑``, ``ยุทธศาสตร์ที่ 1 …`` -> 1; None when no number is written."""
    if text is None or text != text:
        return None
    m = re.search(r"\d+", str(text).translate(THAI_DIGITS))
    return int(m.group()) if m else None


def is_overall_item(item) -> bool:
    """The item is a table's own total row (``ภาพรวม``)."""
    return isinstance(item, str) and header_key(item) in {header_key(w) for w in OVERALL_ITEMS}


def normalise(raw: pd.DataFrame, clean: pd.DataFrame, mapping: dict[str, str], P, plan) -> None:
    """Read the survey's words into codes in ``clean`` (in place), adding a problem for each word that is not one.

    ``round`` -> annual | half; ``survey_table`` -> respondents | overall | strategy; ``strategy_no`` -> the
    plan's strategy number (3/3 rows; 0 elsewhere); ``characteristic`` -> sex | age | education | occupation
    (respondent rows; '' elsewhere). A cell left empty where it is required is left to the schema's
    ``required_value``."""
    rows = clean[ROW]
    for col, name, code in (("round", "round", "survey_bad_round"), ("survey_table", "table", "survey_bad_table")):
        if name not in mapping:
            continue
        written = raw[mapping[name]].astype(str)
        got = clean[col].map(lambda v, c=col: word(c, v))
        P.add(code, clean[col].notna() & got.isna(), rows, mapping[name], written)
        clean[col] = got
    table = clean["survey_table"]
    # strategy: the plan's number on 3/3 rows; 0 (none) elsewhere
    number = clean["strategy_no"].map(strategy_number) if "strategy" in mapping else pd.Series(None, index=clean.index)
    strat = table == "strategy"
    if "strategy" in mapping:
        written = raw[mapping["strategy"]].astype(str)
        unknown = strat & clean["strategy_no"].notna() & ~number.isin(list(plan.strategies))
        P.add("survey_unknown_strategy", unknown, rows, mapping["strategy"], written,
              strategies=", ".join(map(str, plan.strategies)))
    P.add("survey_missing_strategy", strat & number.isna() & ~(strat & clean["strategy_no"].notna()), rows,
          mapping.get("strategy", "strategy"), pd.Series("", index=clean.index))
    clean["strategy_no"] = number.where(strat & number.isin(list(plan.strategies)), 0).fillna(0).astype("int64")
    # characteristic: sex / age / education / occupation on respondent rows; '' elsewhere
    resp = table == "respondents"
    group = clean["characteristic"].map(lambda v: word("characteristic", v))
    if "group" in mapping:
        P.add("survey_bad_group", resp & clean["characteristic"].notna() & group.isna(), rows, mapping["group"],
              raw[mapping["group"]].astype(str))
    P.add("survey_missing_group", resp & clean["characteristic"].isna(), rows, mapping.get("group", "group"),
          pd.Series("", index=clean.index))
    clean["characteristic"] = group.where(resp, "").fillna("").astype(str)


def satisfaction_indicator(plan):
    """The plan's indicator the survey measures: the one the plan file marks ``measured_by: survey`` (G5-I03 in
    Khilek's plan); None when the plan has none."""
    for ind in plan.indicators.values():
        if ind.measured_by == "survey":
            return ind
    return None


#: the quarter an indicator result of each survey round is reported in
ROUND_QUARTER = {"annual": 4, "half": 2}


def overall_share(rows: pd.DataFrame) -> float | None:
    """Satisfied or very satisfied overall, in percent, of one round's form 3/2 rows (store columns): the
    ``ภาพรวม`` row, else the mean of the items; None without form 3/2 rows."""
    o = rows[rows["survey_table"] == "overall"]
    own = o[o["item"].map(is_overall_item)]
    part = own if len(own) else o
    both = (part["very_satisfied"].astype("float64") + part["satisfied"].astype("float64")).dropna()
    return float(both.iloc[0] if len(own) else both.mean()) if len(both) else None


def _indicator_differs(clean: pd.DataFrame, mapping: dict[str, str], P, db, plan) -> None:
    """A warning when the survey's overall share is not the satisfaction indicator's stored result of the round's
    quarter (the same figure would read two ways)."""
    from tracker import store

    ind = satisfaction_indicator(plan) if plan is not None else None
    keyed = clean[clean["fiscal_year"].notna() & clean["round"].isin(ROUND_QUARTER)]
    if ind is None or db is None or keyed.empty:
        return
    years = sorted({int(y) for y in keyed["fiscal_year"]})
    stored = store.results(db, years)
    stored = stored[stored["indicator_code"] == ind.code].set_index(["fiscal_year", "quarter"])["value"]
    for (fy, rnd), rows in keyed.groupby(["fiscal_year", "round"]):
        share, q = overall_share(rows), ROUND_QUARTER[rnd]
        value = stored.get((int(fy), q))
        if share is not None and value is not None and abs(float(value) - share) > 0.05:
            P.file("survey_indicator_differs", column=mapping.get("very_satisfied", "very_satisfied"),
                   value=f"{share:.1f}", indicator=ind.code, fy=int(fy), q=q, stored=f"{float(value):g}")


def check(clean: pd.DataFrame, mapping: dict[str, str], P, *, db=None, plan=None) -> None:
    """Each row against its table (see the module docstring); the rows' key unique once normalised; the overall
    share against the satisfaction indicator's stored result (a warning)."""
    rows = clean[ROW]
    table = clean["survey_table"]
    blank = pd.Series("", index=clean.index)

    def need(mask: pd.Series, column: str, code: str) -> None:
        P.add(code, mask & clean[column].isna(), rows, mapping.get(column, column), blank)

    resp, overall, strat = table == "respondents", table == "overall", table == "strategy"
    need(resp, "respondents", "survey_missing_count")
    for c in SHARES:
        need(overall, c, "survey_missing_share")
    need(strat, "score", "survey_missing_score")

    n = clean["respondents"]
    if "respondents" in mapping:
        bad = n.notna() & ((n < 0) | (n != n.round()))
        P.add("survey_bad_count", bad, rows, mapping["respondents"], n.astype(str))
    shares = clean[list(SHARES)].astype("float64")
    total = shares.sum(axis=1, min_count=3)
    complete = overall & shares.notna().all(axis=1)
    header = mapping.get("very_satisfied", "very_satisfied")
    fraction = complete & (shares <= 1).all(axis=1) & ((total - 1).abs() <= 0.02)
    P.add("survey_share_fraction", fraction, rows, header, total.map(lambda v: f"{v:g}"),
          times=(shares["very_satisfied"] * 100).map(lambda v: f"{v:g}"), written=shares["very_satisfied"].map(
              lambda v: f"{v:g}"))
    off = complete & ~fraction & ((total - 100).abs() > SHARE_TOLERANCE)
    P.add("survey_shares_sum", off, rows, header, total.round(2).map(lambda v: f"{v:g}"),
          tolerance=f"{SHARE_TOLERANCE:g}")
    s = clean["score"]
    if "score" in mapping:
        out = s.notna() & ((s < 0) | (s > SCORE_MAX))
        P.add("survey_score_range", out, rows, mapping["score"], s.map(lambda v: f"{v:g}"))
    # the key, once the words are codes ("3/2" and "แบบที่ 3/2" are the same table)
    key = ["fiscal_year", "round", "survey_table", "strategy_no", "characteristic", "item"]
    keyed = clean[key].notna().all(axis=1)
    dup = clean.loc[keyed, key].astype(str).duplicated(keep="first").reindex(clean.index, fill_value=False)
    if dup.any():
        first = clean.loc[keyed].groupby(key, sort=False)[ROW].transform("first").reindex(clean.index)
        P.add("duplicate_key", dup, rows, mapping.get("item", "item"), clean["item"].astype(str),
              first=first.astype("Int64").astype(str))
    # respondents: each characteristic should count the same people (a warning: some leave a question blank)
    people = clean.loc[resp & n.notna()].groupby(["fiscal_year", "round", "characteristic"])["respondents"].sum()
    for (fy, rnd), part in people.groupby(level=[0, 1]):
        if part.nunique() > 1:
            totals = {c[2]: f"{v:,.0f}" for c, v in part.items()}
            P.file("survey_group_totals", column=mapping.get("respondents", "respondents"),
                   value=" / ".join(totals.values()), fy=int(fy),
                   **{c: totals.get(c, "—") for c in CHARACTERISTICS})
    _indicator_differs(clean, mapping, P, db, plan)
    if db is not None:
        for r in locked_rounds(clean, db, plan).itertuples(index=False):
            P.file("quarter_locked", row=int(r.row), column=mapping.get("round", "round"),
                   value=f"{r.fiscal_year}-Q{r.quarter}", locked_by=r.locked_by, rows=int(r.rows))


def locked_rounds(clean: pd.DataFrame, db, plan) -> pd.DataFrame:
    """The locked quarters whose satisfaction indicator result the survey's form 3/2 rows would set (Q4 of an annual
    survey, Q2 of a six-month one; only when the plan measures an indicator by the survey), one row each:
    ``fiscal_year, quarter, row`` (the file's first such row), ``rows``, ``locked_by``."""
    from tracker import store

    cols = ["fiscal_year", "quarter", "row", "rows", "locked_by"]
    locks = store.locks.list_locks(db)
    if locks.empty or plan is None or satisfaction_indicator(plan) is None:
        return pd.DataFrame(columns=cols)
    sub = clean[(clean["survey_table"] == "overall") & clean["fiscal_year"].notna() & clean["round"].isin(ROUND_QUARTER)]
    sub = pd.DataFrame({ROW: sub[ROW], "fiscal_year": sub["fiscal_year"].astype("int64"),
                        "quarter": sub["round"].map(ROUND_QUARTER).astype("int64")})
    hit = sub.merge(locks, on=["fiscal_year", "quarter"])
    return hit.groupby(["fiscal_year", "quarter"], as_index=False).agg(
        row=(ROW, "min"), rows=(ROW, "size"), locked_by=("locked_by", "first"))[cols]


def results_set_aside(clean: pd.DataFrame, mapping: dict[str, str], P, db, plan) -> None:
    """A warning on an indicator results upload: a value of the satisfaction indicator for a quarter whose survey is
    loaded is stored but not used (the survey wins, :mod:`tracker.rollup.satisfaction`)."""
    from tracker import store

    ind = satisfaction_indicator(plan) if plan is not None else None
    if ind is None or db is None or not {"indicator_code", "fiscal_year", "quarter"} <= set(clean):
        return
    mine = clean[(clean["indicator_code"] == ind.code) & clean["fiscal_year"].notna() & clean["quarter"].notna()]
    values = mine["value"] if "value" in mine else pd.Series(None, index=mine.index)
    for row, fy, q, value in zip(mine[ROW], mine["fiscal_year"], mine["quarter"], values):
        fy, q = int(fy), int(q)
        rnd = next((k for k, v in ROUND_QUARTER.items() if v == q), None)
        share = None if rnd is None else overall_share(store.surveys.survey(db, fy, rnd))
        if share is not None:
            P.file("survey_replaces_result", row=int(row), column=mapping.get("value", "value"),
                   value="" if value is None or value != value else f"{float(value):g}", indicator=ind.code, fy=fy,
                   q=q, share=f"{share:.1f}")


#: problem codes of this module: errors, then the warnings (:data:`WARNING_CODES`)
CODES = ("survey_bad_round", "survey_bad_table", "survey_bad_group", "survey_unknown_strategy", "survey_missing_group",
         "survey_missing_strategy", "survey_missing_count", "survey_missing_share", "survey_missing_score", "survey_bad_count", "survey_share_fraction", "survey_shares_sum", "survey_score_range", "survey_group_totals", "survey_indicator_differs", "survey_replaces_result")
WARNING_CODES = frozenset({"survey_group_totals", "survey_indicator_differs", "survey_replaces_result"})

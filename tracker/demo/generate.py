"""The demo generator: a deterministic, INVENTED data set for อบต.ขี้เหล็ก, FY2566–2570.

Same seed → byte-identical files. Projects come from the catalogue (:mod:`.catalogue`), progress
follows each kind's typical course (allowances monthly, capital works on an S-curve), indicator values
are drawn to hit an intended status at Q4, judged by the method itself (:mod:`tracker.status`).

- fiscal years 2566–2569: projects, progress for all four quarters, indicator results;
- fiscal year 2570: projects, Q1 progress and Q1 indicator results only (annual indicators not due).

The plan itself is a plan book (แบบ ผ.02 workbook, ``data/demo/plan-book.xlsx``, :mod:`.planbook`) that
the demo loads through the plan-book import before the quarterly files, as an office does.

The files are the same CSV analysts upload (``data/demo/<FY>/...``, UTF-8 with BOM, canonical English
headers, Buddhist-Era years, plain numbers).
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pandas as pd

from tracker import status, tables
from tracker.demo import catalogue, planbook
from tracker.demo.catalogue import BUDGET_CAPITAL, BUDGET_SUBSIDY, FUND_GRANT, FUND_ORDINANCE, FUND_RESERVE
from tracker.ingest.contract import KINDS
from tracker.plan import Plan, default_plan
from tracker.settings import ROOT
from tracker.status import missing

DEMO_DIR = ROOT / "data" / "demo"
DEFAULT_SEED = 2569
FULL_YEARS = (2566, 2567, 2568, 2569)
PARTIAL_YEAR = 2570          # only Q1 reported
PARTIAL_QUARTERS = 1
YEARS = FULL_YEARS + (PARTIAL_YEAR,)

#: the upload's own columns, in the contract's order
PROJECT_COLUMNS, PROGRESS_COLUMNS, RESULT_COLUMNS = (
    [c.name for c in KINDS[k].columns] for k in ("projects", "project_progress", "indicator_results"))
#: file name per kind, in load order within a fiscal year
FILES = {"projects": "projects.csv", "project_progress": "project_progress.csv",
         "indicator_results": "indicator_results.csv"}
#: development projects in the plan (excluding allowances and revisions) stay below this per year
DEV_PLANNED_CAP = 27_000_000

CAT = catalogue.load()


# ------------------------------------------------------------------------------------------ helpers

def _r1000(x: float) -> int:
    return int(round(x / 1000.0)) * 1000


def _r100(x: float) -> int:
    return int(round(x / 100.0)) * 100


def _villages(rng: random.Random, n: int) -> str:
    return ";".join(str(v) for v in sorted(rng.sample(range(1, 13), n))) if n else ""


def _yn(flag: bool) -> str:
    return "yes" if flag else "no"


# ------------------------------------------------------------------------------------------ projects

def _welfare_budget(code: str, fy: int, rng: random.Random) -> int:
    k = fy - 2566
    if code == "G3-P01":     # ~1,000–1,150 older people × stepped rates (฿600–1,000) × 12
        people = 1000 + 35 * k + rng.randint(-10, 10)
        return _r1000(people * rng.uniform(690, 705) * 12)
    if code == "G3-P02":     # ~210–235 people × ฿800 (some ฿1,000) × 12
        people = 210 + 5 * k + rng.randint(-3, 3)
        return _r1000(people * rng.uniform(805, 830) * 12)
    return 8 * 500 * 12      # 8 AIDS patients × ฿500 × 12 = 48,000


def _projects_of_year(fy: int, rng: random.Random, plan: Plan, counters: dict[int, int]) -> list[dict]:
    rows: list[dict] = []

    def add(code, goal, name_th, name_en, dept, villages, category, planned, allocated, funding, inds, kind,
            welfare=False, revision=False, start_q=1, *, place):
        rows.append({"project_code": code, "fiscal_year": fy, "goal": goal, "name_th": name_th, "name_en": name_en,
                     "department": plan.departments[dept].name.th, "village": villages,
                     "budget_category": category, "planned_budget": planned, "allocated_budget": allocated,
                     "funding_source": funding, "indicator_codes": inds, "is_welfare_transfer": _yn(welfare),
                     "added_by_revision": _yn(revision), "_kind": kind, "_start_q": start_q,
                     "_tactic": place.tactic, "_programme": place.programme})

    for p in CAT.recurring:
        goal = int(p.code[1])
        if p.kind == "welfare":
            amount = _welfare_budget(p.code, fy, rng)
            add(p.code, goal, p.name_th, p.name_en, p.dept, "", p.category, amount, amount, FUND_ORDINANCE,
                p.indicators, "welfare", welfare=True, place=p)
            continue
        planned = _r1000(rng.uniform(p.lo, p.hi) * (1 + 0.03 * (fy - 2566)))
        funded = rng.random() >= p.p_unfunded
        allocated = _r1000(planned * rng.uniform(0.9, 1.0)) if funded else 0
        add(p.code, goal, p.name_th, p.name_en, p.dept, _villages(rng, p.villages), p.category, planned, allocated,
            FUND_ORDINANCE, p.indicators, p.kind, place=p)

    # one-off plan projects (ผ.02): many more capital works are planned than funded
    n_one_off = rng.randint(17, 22)
    weights = [t.weight for t in CAT.one_off]
    used: set[str] = set()
    dev_planned = sum(r["planned_budget"] for r in rows if r["_kind"] != "welfare")
    drawn = 0
    for _attempt in range(500):
        if drawn >= n_one_off:
            break
        t = rng.choices(CAT.one_off, weights)[0]
        v = rng.randint(1, 12) if t.per_village else 0
        key = t.name_th.format(v=v)
        planned = _r1000(rng.uniform(t.lo, t.hi))
        if key in used or dev_planned + planned > DEV_PLANNED_CAP:
            continue
        used.add(key)
        drawn += 1
        dev_planned += planned
        counters[t.goal] += 1
        code = f"G{t.goal}-P{100 + counters[t.goal]:03d}"
        funded = rng.random() < (0.45 if t.category == BUDGET_CAPITAL else 0.65)
        allocated = _r1000(planned * rng.uniform(0.85, 1.0)) if funded else 0
        funding = FUND_GRANT if funded and t.category == BUDGET_CAPITAL and rng.random() < 0.15 else FUND_ORDINANCE
        kind = "capital" if t.category in (BUDGET_CAPITAL, BUDGET_SUBSIDY) else "event"
        add(code, t.goal, t.name_th.format(v=v), t.name_en.format(v=v), t.dept, str(v) if v else "", t.category,
            planned, allocated, funding, t.indicators, kind, place=t)

    # added by plan revision during the year (funded from reserves, start reporting later)
    for _ in range(rng.randint(2, 4)):
        t = rng.choices(CAT.revision, [r.weight for r in CAT.revision])[0]
        v = rng.randint(1, 12) if t.per_village else 0
        counters[t.goal] += 1
        code = f"G{t.goal}-P{100 + counters[t.goal]:03d}"
        amount = _r1000(rng.uniform(t.lo, t.hi))
        kind = "capital" if t.category == BUDGET_CAPITAL else "event"
        add(code, t.goal, t.name_th.format(v=v), t.name_en.format(v=v), t.dept, str(v) if v else "", t.category,
            amount, amount, FUND_RESERVE, t.indicators, kind, revision=True, start_q=rng.choice((2, 3)), place=t)
    return rows


# ------------------------------------------------------------------------------------------ progress

def _progress_of_project(p: dict, rng: random.Random) -> list[dict]:
    """Quarter rows 1–4 of one funded project (cumulative committed/disbursed, never decreasing)."""
    alloc, kind, s = p["allocated_budget"], p["_kind"], p["_start_q"]
    out: list[dict] = []

    def row(q, status, pct, committed, disbursed, note=""):
        out.append({"project_code": p["project_code"], "fiscal_year": p["fiscal_year"], "quarter": q,
                    "status": status, "progress_pct": int(pct), "committed": int(committed),
                    "disbursed": int(disbursed), "note": note})

    if kind == "welfare":
        paid = 0
        final = alloc * rng.uniform(0.965, 0.995)      # some recipients die or move away
        for q in range(1, 5):
            paid = _r100(final * q / 4) if q < 4 else _r100(final)
            row(q, "completed" if q == 4 else "in_progress", 25 * q, paid, paid,
                "เบิกจ่ายครบ 12 เดือน" if q == 4 else "")
        return out

    fate = rng.random()
    if kind != "running" and fate < 0.08:             # cancelled before any commitment
        cq = rng.randint(max(s, 2), 4)
        note = rng.choice(CAT.notes["cancel"])
        for q in range(s, 5):
            row(q, "cancelled" if q >= cq else "not_started", 0, 0, 0, note if q >= cq else "")
        return out

    if kind == "running":                              # contract or service over the whole year
        contract = _r1000(alloc * rng.uniform(0.9, 1.0))
        for q in range(s, 5):
            done = q == 4
            paid = contract if done else _r100(contract * (q / 4) * rng.uniform(0.8, 1.0))
            row(q, "completed" if done else "in_progress", 100 if done else 25 * q, contract, paid)
        return out

    if kind == "event":                                # one activity in one quarter
        e = rng.choices((1, 2, 3, 4), (0.2, 0.35, 0.3, 0.15))[0]
        e = max(e, s)
        spent = _r100(alloc * rng.uniform(0.82, 1.0))
        late = rng.random() < 0.1 and e == 4           # still running at year end
        for q in range(s, 5):
            if q < e:
                row(q, "not_started", 0, 0, 0)
            elif late:
                row(q, "in_progress", 50, spent, _r100(spent * 0.4), "อยู่ระหว่างดำเนินการ")
            else:
                row(q, "completed", 100, spent, spent)
        return out

    # capital: procurement, contract, works in instalments, S-curve disbursement (mostly Q3–Q4)
    c = max(s, rng.choices((1, 2, 3, 4), (0.12, 0.45, 0.3, 0.13))[0])   # contract quarter
    duration = rng.choices((1, 2, 3), (0.3, 0.5, 0.2))[0]              # quarters of works after contract
    finish = c + duration                                              # quarter the works are accepted
    contract = _r1000(alloc * rng.uniform(0.82, 0.98))                 # bid savings
    pct = 0
    paid = 0
    for q in range(s, 5):
        if q < c:
            row(q, "not_started", 0, 0, 0, rng.choice(CAT.notes["prepare"]))
        elif q >= finish:
            row(q, "completed", 100, contract, contract)
            pct, paid = 100, contract
        else:
            step = (q - c + 1) / duration
            pct = max(pct, min(95, int(round(100 * step * rng.uniform(0.55, 0.8) / 5)) * 5))
            paid = max(paid, _r1000(contract * max(0, pct - 30) / 100))
            late = q == 4
            row(q, "in_progress", pct, contract, paid, rng.choice(CAT.notes["late"] if late else CAT.notes["works"]))
    return out


# ------------------------------------------------------------------------------------------ indicators

_DECIMALS = {"%": 1, "km": 2, "t/day": 2, "points": 2}
#: seasonal shares of the yearly total of quarterly sums (Q1 Oct–Dec ... Q4 Jul–Sep)
_SEASON = {"G1-I02": (0.05, 0.15, 0.35, 0.45), "G4-I04": (0.15, 0.55, 0.25, 0.05),
           "G5-I05": (0.1, 0.45, 0.3, 0.15), "G3-I04": (0.0, 0.1, 0.3, 0.6), "G3-I02": (0.2, 0.25, 0.25, 0.3)}
_RATIO = {"on_track": (1.0, 1.12), "at_risk": (0.83, 0.97), "off_track": (0.6, 0.76)}
_DERIVED = ("G5-I02", "G5-I04")   # computed from the demo projects themselves


def _round(x: float, d: int) -> float:
    return round(x, d) if d else float(int(round(x)))


def q4_status(values: dict[int, float], *, target: float, direction: str, aggregation: str,
              frequency: str = "quarterly") -> str:
    """Status at Q4 by the method (checks that generated values hit the intended status)."""
    if not values:
        return "no_data"
    return status.evaluate_indicator(values, target=target, direction=direction, aggregation=aggregation,
                                     frequency=frequency, q=4)["status"]


def _indicator_values(ind, fy: int, want: str, prev: float, rng: random.Random) -> dict[int, float]:
    """Quarter → value for one indicator-year aiming at status ``want`` at Q4."""
    d = _DECIMALS.get(ind.unit.en, 0)
    cap = 100.0 if ind.unit.en == "%" else math.inf
    target = ind.targets[fy]
    best: dict[int, float] = {}
    for _attempt in range(40):
        r = rng.uniform(*_RATIO[want])
        level = target * r if ind.direction == "higher" else target / r
        level = min(level, cap)
        if ind.frequency == "annual":
            vals = {4: _round(level, d)}
        elif ind.aggregation == "sum":
            season = _SEASON.get(ind.code, (0.25, 0.25, 0.25, 0.25))
            shares = [max(0.0, w * rng.uniform(0.7, 1.3)) for w in season]
            tot = sum(shares)
            cum, vals, prev_cum = 0.0, {}, 0.0
            for q in range(1, 5):
                cum += shares[q - 1] / tot
                c = _round(level * cum, d)
                vals[q] = _round(c - prev_cum, d)
                prev_cum = c
        elif ind.aggregation == "latest":
            vals = {}
            for q in range(1, 5):
                v = prev + (level - prev) * q / 4 + (rng.uniform(-0.02, 0.02) * level if q < 4 else 0)
                vals[q] = _round(min(v, cap), d)
        else:  # average
            if level >= cap:
                vals = {q: cap for q in range(1, 5)}
            else:
                noise = [rng.uniform(-0.03, 0.03) * level for _ in range(3)]
                raw = noise + [-sum(noise)]
                vals = {q: _round(min(level + raw[q - 1], cap), d) for q in range(1, 5)}
        if any(v < 0 for v in vals.values()):
            continue
        best = vals
        if q4_status(vals, target=target, direction=ind.direction, aggregation=ind.aggregation,
                     frequency=ind.frequency) == want:
            return vals
    return best


def _results(plan: Plan, rng: random.Random, derived: dict[tuple[str, int], float]) -> list[dict]:
    rows: list[dict] = []
    codes = [c for c in plan.indicators if c not in _DERIVED]
    prev = {c: (i.baseline_value if i.baseline_value is not None else 0.0) for c, i in plan.indicators.items()}
    for fy in YEARS:
        order = codes[:]
        rng.shuffle(order)
        if fy in FULL_YEARS:
            want = {c: "no_data" for c in order[:1]}
            want.update({c: "off_track" for c in order[1:4]})
            want.update({c: "at_risk" for c in order[4:9]})
        else:
            want = {c: rng.choice(("at_risk", "off_track")) for c in order[:4]}
        last_q = 4 if fy in FULL_YEARS else PARTIAL_QUARTERS
        for code, ind in plan.indicators.items():
            if fy not in ind.targets:
                continue
            if code in _DERIVED:
                if (code, fy) in derived and last_q == 4:
                    rows.append({"indicator_code": code, "fiscal_year": fy, "quarter": 4,
                                 "value": derived[(code, fy)], "note": "คำนวณจากข้อมูลโครงการ (ข้อมูลตัวอย่าง)"})
                continue
            status = want.get(code, "on_track")
            if status == "no_data":
                continue
            vals = _indicator_values(ind, fy, status, prev[code], rng)
            for q, v in sorted(vals.items()):
                if q > last_q:
                    continue
                note = ""
                if ind.frequency == "annual":
                    note = "ผลสำรวจประจำปี"
                rows.append({"indicator_code": code, "fiscal_year": fy, "quarter": q, "value": v, "note": note})
            if last_q == 4 and ind.aggregation != "sum":
                prev[code] = vals[max(vals)]
    return rows


# ------------------------------------------------------------------------------------------ generate

def generate(seed: int = DEFAULT_SEED, plan: Plan | None = None) -> dict[str, pd.DataFrame]:
    """The demo data set: ``{"projects", "project_progress", "indicator_results"}`` frames, all years.

    Deterministic: the same seed (and plan file) gives identical frames. Uses its own
    ``random.Random(seed)`` only, never global random state or the clock. Projects carry the codes
    the plan-book import gives them (:mod:`tracker.demo.planbook`).
    """
    return generate_with_book(seed, plan)[0]


def generate_with_book(seed: int = DEFAULT_SEED, plan: Plan | None = None) -> tuple[dict[str, pd.DataFrame], bytes]:
    """The demo frames (as :func:`generate`) and the demo plan book (แบบ ผ.02 workbook) that lists their projects."""
    plan = plan or default_plan()
    rng = random.Random(seed)
    counters = {g: 0 for g in plan.goals}
    projects: list[dict] = []
    progress: list[dict] = []
    derived: dict[tuple[str, int], float] = {}
    for fy in YEARS:
        year = _projects_of_year(fy, rng, plan, counters)
        year_progress: list[dict] = []
        for p in year:
            if p["allocated_budget"] <= 0:
                continue
            rows = _progress_of_project(p, rng)
            # late reporting: some quarters of some projects have no row (never Q4, never allowances)
            rows = [r for r in rows if r["quarter"] == 4 or p["_kind"] == "welfare" or rng.random() >= 0.05]
            year_progress += [r for r in rows if fy in FULL_YEARS or r["quarter"] <= PARTIAL_QUARTERS]
        projects += year
        progress += year_progress
        funded = sum(1 for p in year if p["allocated_budget"] > 0)
        derived[("G5-I04", fy)] = round(100.0 * funded / len(year), 1)
        if fy in FULL_YEARS:
            alloc = sum(p["allocated_budget"] for p in year)
            paid = sum(r["disbursed"] for r in year_progress if r["quarter"] == 4)
            derived[("G5-I02", fy)] = round(100.0 * paid / alloc, 1)
    results = _results(plan, rng, derived)
    # the projects go into the plan book; every file names them by the code its import gives them
    spec, where = planbook.book_spec(projects, plan)
    book, codes = planbook.write_book(spec)
    for r in [*projects, *progress]:
        r["project_code"] = codes[where[(r["fiscal_year"], r["project_code"])]]
    pj = pd.DataFrame(projects)[PROJECT_COLUMNS]
    pj = pj.sort_values(["fiscal_year", "goal", "project_code"], kind="stable").reset_index(drop=True)
    pg = pd.DataFrame(progress)[PROGRESS_COLUMNS]
    pg = pg.sort_values(["fiscal_year", "project_code", "quarter"], kind="stable").reset_index(drop=True)
    rs = pd.DataFrame(results)[RESULT_COLUMNS]
    rs = rs.sort_values(["fiscal_year", "indicator_code", "quarter"], kind="stable").reset_index(drop=True)
    return {"projects": pj, "project_progress": pg, "indicator_results": rs}, book


# ------------------------------------------------------------------------------------------ files

def _cell(v) -> str:
    """A value as an analyst would type it: whole numbers without ".0", at most 4 decimals."""
    if missing(v):
        return ""
    if isinstance(v, float):
        if v == int(v):
            return str(int(v))
        return f"{v:.4f}".rstrip("0").rstrip(".")
    return str(v)


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The upload format: UTF-8 with BOM, comma separated, header row, plain numbers, LF line ends."""
    return tables.csv_bytes(df.map(_cell), lineterminator="\n", safe=False)


def write_demo_files(out_dir: Path = DEMO_DIR, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the plan book ``<out_dir>/plan-book.xlsx`` and
    ``<out_dir>/<FY>/{projects,project_progress,indicator_results}.csv``; returns them in load order."""
    out_dir = Path(out_dir)
    data, book = generate_with_book(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    book_path = out_dir / planbook.BOOK_FILE
    book_path.write_bytes(book)
    written: list[Path] = [book_path]
    for fy in YEARS:
        folder = out_dir / str(fy)
        folder.mkdir(parents=True, exist_ok=True)
        for kind, name in FILES.items():
            df = data[kind]
            path = folder / name
            path.write_bytes(csv_bytes(df[df["fiscal_year"] == fy]))
            written.append(path)
    return written

"""The organization's strategic plan as data: load and check the plan file (YAML).

The plan file is the source of truth for the vision, missions, goals (เป้าประสงค์), departments,
villages, indicators (ตัวชี้วัด) with their targets (ค่าเป้าหมาย), and the status thresholds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tracker import periods
from tracker.errors import TrackerError

DIRECTIONS = ("higher", "lower")
AGGREGATIONS = ("sum", "latest", "average")
FREQUENCIES = ("quarterly", "annual")


class PlanError(TrackerError):
    """The plan file is malformed; ``problems`` lists every problem found (as the file's keys say them)."""

    def __init__(self, path, problems: list[str]):
        self.problems = problems
        super().__init__("plan.invalid", path=str(path), problems="; ".join(problems))


@dataclass(frozen=True)
class Text:
    th: str
    en: str

    def get(self, lang: str) -> str:
        return self.th if lang == "th" else self.en


@dataclass(frozen=True)
class Goal:
    number: int
    mission: int
    text: Text
    short: Text


@dataclass(frozen=True)
class Indicator:
    code: str
    goal: int
    name: Text
    unit: Text
    direction: str
    aggregation: str
    frequency: str
    baseline_value: float | None
    baseline_fy: int | None
    targets: dict[int, float]
    source: Text
    owner: str
    definition: Text


@dataclass(frozen=True)
class Department:
    code: str
    name: Text


@dataclass(frozen=True)
class Village:
    number: int
    name: Text | None


@dataclass(frozen=True)
class Plan:
    organization: dict
    title: Text
    first_fy: int
    last_fy: int
    vision: Text
    missions: dict[int, Text]
    goals: dict[int, Goal]
    departments: dict[str, Department]
    villages: dict[int, Village]
    indicators: dict[str, Indicator]
    thresholds: dict[str, float]
    proposed: bool
    proposed_note: Text | None
    sha256: str = ""
    source_path: str = ""
    fiscal_years: tuple[int, ...] = field(default=())

    def org(self, key: str, lang: str) -> str:
        return self.organization[f"{key}_{lang}"]

    def indicators_of(self, goal: int) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.goal == goal]

    def department_by_name(self, name: str) -> str | None:
        """Department code for a code or a Thai/English name (whitespace-insensitive)."""
        key = " ".join(str(name).split()).casefold()
        for d in self.departments.values():
            if key in (d.code.casefold(), " ".join(d.name.th.split()).casefold(), d.name.en.casefold()):
                return d.code
        return None


def _text(node, where: str, problems: list[str]) -> Text:
    if not isinstance(node, dict) or not node.get("th") or not node.get("en"):
        problems.append(f"{where}: needs both 'th' and 'en' text")
        return Text("", "")
    return Text(str(node["th"]), str(node["en"]))


def parse_plan(raw: dict, *, source: str = "<plan>", sha256: str = "") -> Plan:
    """Build a :class:`Plan` from parsed YAML, collecting every problem before raising PlanError."""
    p: list[str] = []
    period = raw.get("plan_period") or {}
    first, last = int(period.get("first_fy", 0)), int(period.get("last_fy", 0))
    if not (periods.is_fiscal_year(first) and periods.is_fiscal_year(last) and first <= last):
        p.append("plan_period: first_fy and last_fy must be Buddhist-Era years, first <= last")
    years = tuple(range(first, last + 1))
    missions = {int(m["number"]): _text(m, f"missions[{m.get('number')}]", p) for m in raw.get("missions", [])}
    goals = {}
    for g in raw.get("goals", []):
        n = int(g["number"])
        goals[n] = Goal(n, int(g.get("mission", n)), _text(g, f"goals[{n}]", p),
                        Text(str(g.get("short_th", "")), str(g.get("short_en", ""))))
        if not g.get("short_th") or not g.get("short_en"):
            p.append(f"goals[{n}]: needs short_th and short_en labels")
        if goals[n].mission not in missions:
            p.append(f"goals[{n}]: mission {goals[n].mission} is not defined")
    if sorted(goals) != list(range(1, len(goals) + 1)) or not goals:
        p.append("goals: numbers must run 1..N")
    depts = {}
    for d in raw.get("departments", []):
        code = str(d["code"])
        if code in depts:
            p.append(f"departments: duplicate code {code}")
        depts[code] = Department(code, _text(d, f"departments[{code}]", p))
    villages = {}
    for v in raw.get("villages", []):
        n = int(v["number"])
        villages[n] = Village(n, Text(v["th"], v.get("en", v["th"])) if v.get("th") else None)
    inds: dict[str, Indicator] = {}
    for i in raw.get("indicators", []):
        code = str(i.get("code", ""))
        w = f"indicators[{code}]"
        if not code or code in inds:
            p.append(f"{w}: missing or duplicate code")
        if int(i.get("goal", 0)) not in goals:
            p.append(f"{w}: goal {i.get('goal')} is not defined")
        for key, allowed in (("direction", DIRECTIONS), ("aggregation", AGGREGATIONS), ("frequency", FREQUENCIES)):
            if i.get(key) not in allowed:
                p.append(f"{w}: {key} must be one of {', '.join(allowed)}")
        targets = {int(k): float(v) for k, v in (i.get("targets") or {}).items() if v is not None}
        missing = [y for y in years if y not in targets]
        if missing:
            p.append(f"{w}: no target for fiscal year(s) {', '.join(map(str, missing))}")
        if i.get("owner") not in depts:
            p.append(f"{w}: owner {i.get('owner')!r} is not a department code")
        base = i.get("baseline") or {}
        inds[code] = Indicator(
            code=code, goal=int(i.get("goal", 0)), name=_text(i, w, p), unit=_text(i.get("unit"), f"{w}.unit", p),
            direction=i.get("direction"), aggregation=i.get("aggregation"), frequency=i.get("frequency"),
            baseline_value=None if base.get("value") is None else float(base["value"]),
            baseline_fy=None if base.get("fy") is None else int(base["fy"]),
            targets=targets, source=_text(i.get("source"), f"{w}.source", p), owner=str(i.get("owner")),
            definition=_text(i.get("definition"), f"{w}.definition", p))
    for g in goals:
        if not any(x.goal == g for x in inds.values()):
            p.append(f"goals[{g}]: has no indicator")
    th = {"on_track": 1.0, "at_risk": 0.8, "low_disbursement_share_of_pace": 0.5, **(raw.get("thresholds") or {})}
    if not 0 < th["at_risk"] <= th["on_track"]:
        p.append("thresholds: need 0 < at_risk <= on_track")
    org = raw.get("organization") or {}
    for k in ("name", "short", "district", "province"):
        for lang in ("th", "en"):
            if not org.get(f"{k}_{lang}"):
                p.append(f"organization: missing {k}_{lang}")
    if p:
        raise PlanError(source, p)
    return Plan(
        organization=org, title=_text(raw.get("plan_title"), "plan_title", p), first_fy=first, last_fy=last,
        vision=_text(raw.get("vision"), "vision", p), missions=missions, goals=goals, departments=depts,
        villages=villages, indicators=inds, thresholds={k: float(v) for k, v in th.items()},
        proposed=bool(raw.get("proposed")),
        proposed_note=_text(raw["proposed_note"], "proposed_note", p) if raw.get("proposed_note") else None,
        sha256=sha256, source_path=source, fiscal_years=years)


_CACHE: dict[tuple[str, float], Plan] = {}


def load_plan(path: str | Path) -> Plan:
    """Read and check a plan file. Cached per path and modification time."""
    path = Path(path)
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _CACHE:
        data = path.read_bytes()
        raw = yaml.safe_load(data.decode("utf-8"))
        _CACHE[key] = parse_plan(raw, source=str(path), sha256=hashlib.sha256(data).hexdigest())
    return _CACHE[key]


def default_plan() -> Plan:
    """The plan named by the ``plan`` setting."""
    from tracker import settings

    return load_plan(settings.path("plan"))

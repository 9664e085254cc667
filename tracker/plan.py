"""The organization's strategic plan as data: load and check the plan file (YAML).

The plan file is the source of truth for the vision, missions, goals (เป้าประสงค์), departments,
villages, indicators (ตัวชี้วัด) with their targets (ค่าเป้าหมาย), the status thresholds, and the
plan's hierarchy: strategies (ยุทธศาสตร์, each serving a goal) with their tactics (กลยุทธ์), the
programmes (แผนงาน), and the organization type (อบต. / เทศบาล / อบจ.) that sets the words used.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tracker import periods
from tracker import status as S
from tracker.errors import TrackerError

DIRECTIONS = ("higher", "lower")
AGGREGATIONS = ("sum", "latest", "average")
FREQUENCIES = ("quarterly", "annual")
#: where an indicator's value comes from besides the indicator upload: ``survey`` = the satisfaction survey's
#: overall share (แบบที่ 3/2, :mod:`tracker.rollup.satisfaction`)
MEASURED_BY = ("survey",)
#: organization types: องค์การบริหารส่วนตำบล, เทศบาล, องค์การบริหารส่วนจังหวัด (words in tracker/i18n/organization.py)
ORG_TYPES = ("sao", "municipality", "pao")
#: what a plan calls its first and second level (catalog keys ``level.<name>``)
STRATEGY_LABELS = ("strategy", "development_issue")     # ยุทธศาสตร์ (2566–2570) / ประเด็นการพัฒนาท้องถิ่น (2571–)
TACTIC_LABELS = ("tactic", "guideline")                 # กลยุทธ์ / แนวทางการพัฒนา
#: ด้าน of the standard programme list
PROGRAMME_AREAS = ("general", "social", "economic", "other")


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
    #: plausible values (min, max): the plan file's ``range``, else 0–100 for a percentage, else ±1e9
    valid_range: tuple[float, float] = (-1e9, 1e9)
    profile: tuple[float, float, float, float] | None = None   #: quarterly shares of the year's work
    #: the plan file's ``measured_by``: ``survey`` = its value is the satisfaction survey's overall share; None = uploaded
    measured_by: str | None = None


@dataclass(frozen=True)
class Department:
    code: str
    name: Text
    aliases: tuple[str, ...] = ()     #: other ways books and files write it (seed the office's alias list)


@dataclass(frozen=True)
class Tactic:
    """กลยุทธ์ / แนวทางการพัฒนา: ``code`` as plan books write it ("1.1")."""

    code: str
    strategy: int
    name: Text


@dataclass(frozen=True)
class Strategy:
    """ยุทธศาสตร์ / ประเด็นการพัฒนาท้องถิ่น: ``goal`` is the goal (เป้าประสงค์) it serves."""

    number: int
    goal: int
    name: Text
    short: Text
    tactics: dict[str, Tactic]


@dataclass(frozen=True)
class Programme:
    """แผนงาน of the standard list: ``code`` (00110 …), ``area`` (ด้าน), other spellings in ``aliases``."""

    code: str
    area: str
    name: Text
    aliases: tuple[str, ...] = ()


def name_key(name: str) -> str:
    """A name for comparing: no whitespace, no leading "แผนงาน" or "การ" ("แผนงานการรักษาความสงบภายใน"
    and "แผนงานรักษาความสงบภายใน" compare equal)."""
    key = "".join(str(name).split()).removeprefix("แผนงาน")
    return key.removeprefix("การ").casefold()


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
    thresholds: dict[str, float]       #: on_track, at_risk, low_disbursement_share_of_pace, min_coverage
    year_end: dict[str, float]         #: achieved, nearly (a closed year's Q4)
    completeness: dict[str, float]     #: indicators, projects (shares that make a quarter complete)
    proposed: bool
    proposed_note: Text | None
    sha256: str = ""
    source_path: str = ""
    fiscal_years: tuple[int, ...] = field(default=())
    org_type: str = "sao"
    levels: dict[str, str] = field(default_factory=lambda: {"strategy": "strategy", "tactic": "tactic"})
    strategies: dict[int, Strategy] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)

    def org(self, key: str, lang: str) -> str:
        return self.organization[f"{key}_{lang}"]

    @property
    def goal_of_strategy(self) -> dict[int, int]:
        """Strategy number -> the goal it serves."""
        return {n: s.goal for n, s in self.strategies.items()}

    def strategies_of(self, goal: int) -> list[Strategy]:
        return [s for s in self.strategies.values() if s.goal == goal]

    @property
    def tactics(self) -> dict[str, Tactic]:
        """Every tactic by code, in strategy order."""
        return {code: t for s in self.strategies.values() for code, t in s.tactics.items()}

    def programme_by_name(self, name: str) -> str | None:
        """The code of a programme written as a plan book writes it (or its code), or None."""
        key = name_key(name)
        for p in self.programmes.values():
            if key in (p.code.casefold(), name_key(p.name.th), name_key(p.name.en),
                       *(name_key(a) for a in p.aliases)):
                return p.code
        return None

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


def _range(node: dict, where: str, problems: list[str]) -> tuple[float, float]:
    """An indicator's plausible values: ``range: {min, max}``; default 0–100 when its unit is a
    percentage (``%``), else ±1e9. Uploads outside it are refused (``implausible_value``)."""
    r = node.get("range")
    if r is None:
        unit = node.get("unit") or {}
        return (0.0, 100.0) if str(unit.get("en", "")).strip() == "%" else (-1e9, 1e9)
    try:
        lo, hi = float(r["min"]), float(r["max"])
    except (TypeError, KeyError, ValueError):
        problems.append(f"{where}.range: needs numbers min and max")
        return (-1e9, 1e9)
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        problems.append(f"{where}.range: needs finite min < max")
        return (-1e9, 1e9)
    return (lo, hi)


def _int(node: dict, key: str, where: str, problems: list[str], default=None) -> int | None:
    """``node[key]`` as an int; a problem (not an exception) when it is missing or not a whole number."""
    value = node.get(key, default) if isinstance(node, dict) else None
    try:
        return int(value)
    except (TypeError, ValueError):
        problems.append(f"{where}: needs a whole number '{key}'")
        return None


def _items(raw: dict, key: str, problems: list[str]) -> list[dict]:
    """The list of mappings under ``key`` (a problem for anything else)."""
    node = raw.get(key) or []
    if not isinstance(node, list) or not all(isinstance(x, dict) for x in node):
        problems.append(f"{key}: must be a list of entries")
        return []
    return node


def _shares(raw: dict, key: str, defaults: dict[str, float], problems: list[str], *,
            upper: float | None = 1.0) -> dict[str, float]:
    """A block of numeric settings (``thresholds``, ``year_end``, ``completeness``) over its defaults."""
    node = raw.get(key) or {}
    if not isinstance(node, dict):
        problems.append(f"{key}: must be a mapping of settings")
        return dict(defaults)
    out = dict(defaults)
    for name, value in node.items():
        try:
            v = float(value)
        except (TypeError, ValueError):
            problems.append(f"{key}.{name}: must be a number, not {value!r}")
            continue
        if v != v or v < 0 or (upper is not None and v > upper):
            problems.append(f"{key}.{name}: must be a number from 0" + (f" to {upper:g}" if upper else ""))
        out[str(name)] = v
    return out


def parse_plan(raw: dict, *, source: str = "<plan>", sha256: str = "") -> Plan:
    """Build a :class:`Plan` from parsed YAML, collecting every problem before raising PlanError."""
    p: list[str] = []
    if not isinstance(raw, dict):
        raise PlanError(source, ["the file must be a YAML mapping of keys (organization, goals, indicators, ...)"])
    period = raw.get("plan_period") or {}
    first, last = _int(period, "first_fy", "plan_period", p, 0) or 0, _int(period, "last_fy", "plan_period", p, 0) or 0
    if not (periods.is_fiscal_year(first) and periods.is_fiscal_year(last) and first <= last):
        p.append("plan_period: first_fy and last_fy must be Buddhist-Era years, first <= last")
    years = tuple(range(first, last + 1))
    missions = {}
    for i, m in enumerate(_items(raw, "missions", p), 1):
        n = _int(m, "number", f"missions[{i}]", p)
        if n is not None:
            missions[n] = _text(m, f"missions[{n}]", p)
    goals = {}
    for i, g in enumerate(_items(raw, "goals", p), 1):
        n = _int(g, "number", f"goals[{i}]", p)
        if n is None:
            continue
        mission = _int(g, "mission", f"goals[{n}]", p, n)
        goals[n] = Goal(n, mission or 0, _text(g, f"goals[{n}]", p),
                        Text(str(g.get("short_th", "")), str(g.get("short_en", ""))))
        if not g.get("short_th") or not g.get("short_en"):
            p.append(f"goals[{n}]: needs short_th and short_en labels")
        if goals[n].mission not in missions:
            p.append(f"goals[{n}]: mission {goals[n].mission} is not defined")
    if sorted(goals) != list(range(1, len(goals) + 1)) or not goals:
        p.append("goals: numbers must run 1..N")
    depts = {}
    for d in _items(raw, "departments", p):
        code = str(d.get("code", ""))
        if not code or code in depts:
            p.append(f"departments: missing or duplicate code {code!r}")
        depts[code] = Department(code, _text(d, f"departments[{code}]", p),
                                 tuple(str(a) for a in d.get("aliases") or ()))
    villages = {}
    for i, v in enumerate(_items(raw, "villages", p), 1):
        n = _int(v, "number", f"villages[{i}]", p)
        if n is not None:
            villages[n] = Village(n, Text(v["th"], v.get("en", v["th"])) if v.get("th") else None)
    inds: dict[str, Indicator] = {}
    for i in _items(raw, "indicators", p):
        code = str(i.get("code", ""))
        w = f"indicators[{code}]"
        if not code or code in inds:
            p.append(f"{w}: missing or duplicate code")
        goal = _int(i, "goal", w, p, 0)
        if goal not in goals:
            p.append(f"{w}: goal {i.get('goal')} is not defined")
        for key, allowed in (("direction", DIRECTIONS), ("aggregation", AGGREGATIONS), ("frequency", FREQUENCIES)):
            if i.get(key) not in allowed:
                p.append(f"{w}: {key} must be one of {', '.join(allowed)}")
        targets = {}
        for k, v in (i.get("targets") or {}).items():
            try:
                if v is not None:
                    targets[int(k)] = float(v)
            except (TypeError, ValueError):
                p.append(f"{w}.targets: {k}: {v!r} is not a number")
        missing = [y for y in years if y not in targets]
        if missing:
            p.append(f"{w}: no target for fiscal year(s) {', '.join(map(str, missing))}")
        if i.get("owner") not in depts:
            p.append(f"{w}: owner {i.get('owner')!r} is not a department code")
        profile = i.get("profile")
        if (problem := S.check_profile(profile)) is not None:
            p.append(f"{w}.profile: {problem}")
            profile = None
        if profile is not None and i.get("frequency") == "annual":
            p.append(f"{w}.profile: an annual indicator has no quarterly profile")
        measured_by = i.get("measured_by")
        if measured_by is not None and measured_by not in MEASURED_BY:
            p.append(f"{w}: measured_by must be one of {', '.join(MEASURED_BY)} (or left out)")
            measured_by = None
        base = i.get("baseline") or {}
        valid_range = _range(i, w, p)
        try:
            base_value = None if base.get("value") is None else float(base["value"])
            base_fy = None if base.get("fy") is None else int(base["fy"])
        except (TypeError, ValueError, AttributeError):
            p.append(f"{w}.baseline: needs a number 'value' and a year 'fy'")
            base_value = base_fy = None
        inds[code] = Indicator(
            code=code, goal=goal or 0, name=_text(i, w, p), unit=_text(i.get("unit"), f"{w}.unit", p),
            direction=i.get("direction"), aggregation=i.get("aggregation"), frequency=i.get("frequency"),
            baseline_value=base_value, baseline_fy=base_fy,
            targets=targets, source=_text(i.get("source"), f"{w}.source", p), owner=str(i.get("owner")),
            definition=_text(i.get("definition"), f"{w}.definition", p), valid_range=valid_range,
            profile=None if profile is None else tuple(float(x) for x in profile), measured_by=measured_by)
    if sum(x.measured_by == "survey" for x in inds.values()) > 1:
        p.append("indicators: only one indicator may be measured_by: survey (the survey has one overall share)")
    for g in goals:
        if not any(x.goal == g for x in inds.values()):
            p.append(f"goals[{g}]: has no indicator")
    th = _shares(raw, "thresholds", {**S.DEFAULT_THRESHOLDS, "low_disbursement_share_of_pace": 0.5,
                                     "min_coverage": S.DEFAULT_MIN_COVERAGE}, p, upper=None)
    if not 0 < th["at_risk"] <= th["on_track"]:
        p.append("thresholds: need 0 < at_risk <= on_track")
    if not 0 <= th["min_coverage"] <= 1:
        p.append("thresholds.min_coverage: must be between 0 and 1 (a share of a goal's indicators)")
    year_end = _shares(raw, "year_end", S.DEFAULT_YEAR_END, p, upper=None)
    if not 0 < year_end["nearly"] <= year_end["achieved"]:
        p.append("year_end: need 0 < nearly <= achieved")
    completeness = _shares(raw, "completeness", S.DEFAULT_COMPLETENESS, p)
    org = raw.get("organization") or {}
    for k in ("name", "short", "district", "province"):
        for lang in ("th", "en"):
            if not isinstance(org, dict) or not org.get(f"{k}_{lang}"):
                p.append(f"organization: missing {k}_{lang}")
    org_type = str(org.get("type", "sao"))
    if org_type not in ORG_TYPES:
        p.append(f"organization: type must be one of {', '.join(ORG_TYPES)}")
    levels = {"strategy": "strategy", "tactic": "tactic", **(raw.get("hierarchy") or {})}
    if levels["strategy"] not in STRATEGY_LABELS or levels["tactic"] not in TACTIC_LABELS:
        p.append(f"hierarchy: strategy must be one of {', '.join(STRATEGY_LABELS)}; "
                 f"tactic one of {', '.join(TACTIC_LABELS)}")
    strategies = _strategies(raw.get("strategies") or [], goals, p)
    programmes = _programmes(raw.get("programmes") or [], p)
    if p:
        raise PlanError(source, p)
    return Plan(
        organization=org, title=_text(raw.get("plan_title"), "plan_title", p), first_fy=first, last_fy=last,
        vision=_text(raw.get("vision"), "vision", p), missions=missions, goals=goals, departments=depts,
        villages=villages, indicators=inds, thresholds=th, year_end=year_end, completeness=completeness,
        proposed=bool(raw.get("proposed")),
        proposed_note=_text(raw["proposed_note"], "proposed_note", p) if raw.get("proposed_note") else None,
        sha256=sha256, source_path=source, fiscal_years=years, org_type=org_type,
        levels={"strategy": levels["strategy"], "tactic": levels["tactic"]}, strategies=strategies,
        programmes=programmes)


def _strategies(items: list, goals: dict, p: list[str]) -> dict[int, Strategy]:
    """Strategies with their tactics; several strategies may serve one goal."""
    out: dict[int, Strategy] = {}
    for s in items:
        n = int(s.get("number", 0))
        w = f"strategies[{n}]"
        if n < 1 or n in out:
            p.append(f"{w}: missing or duplicate number")
        if int(s.get("goal", 0)) not in goals:
            p.append(f"{w}: goal {s.get('goal')} is not defined")
        if not s.get("short_th") or not s.get("short_en"):
            p.append(f"{w}: needs short_th and short_en labels")
        tactics: dict[str, Tactic] = {}
        for t in s.get("tactics") or ():
            code = str(t.get("code", ""))
            if not code.startswith(f"{n}.") or code in tactics:
                p.append(f"{w}.tactics[{code}]: a code must start with '{n}.' and be unique")
            tactics[code] = Tactic(code, n, _text(t, f"{w}.tactics[{code}]", p))
        out[n] = Strategy(n, int(s.get("goal", 0)), _text(s, w, p),
                          Text(str(s.get("short_th", "")), str(s.get("short_en", ""))), tactics)
    return dict(sorted(out.items()))


def _programmes(items: list, p: list[str]) -> dict[str, Programme]:
    out: dict[str, Programme] = {}
    for g in items:
        code = str(g.get("code", ""))
        w = f"programmes[{code}]"
        if not code or code in out:
            p.append(f"{w}: missing or duplicate code")
        if g.get("area") not in PROGRAMME_AREAS:
            p.append(f"{w}: area must be one of {', '.join(PROGRAMME_AREAS)}")
        out[code] = Programme(code, str(g.get("area")), _text(g, w, p), tuple(str(a) for a in g.get("aliases") or ()))
    keys: dict[str, str] = {}
    for prog in out.values():
        for name in (prog.name.th, *prog.aliases):
            if keys.setdefault(name_key(name), prog.code) != prog.code:
                p.append(f"programmes[{prog.code}]: name {name!r} is also programme {keys[name_key(name)]}")
    return out


_CACHE: dict[tuple[str, float], Plan] = {}


def load_plan(path: str | Path) -> Plan:
    """Read and check a plan file. Cached per path and modification time.

    Every way a file can be wrong (missing, not UTF-8, not YAML, wrong keys) is a :class:`PlanError`
    naming the file and what to fix."""
    path = Path(path)
    try:
        key = (str(path.resolve()), path.stat().st_mtime)
    except OSError:
        raise PlanError(path, ["the file does not exist or cannot be read (the TRACKER_PLAN setting names it)"])
    if key not in _CACHE:
        data = path.read_bytes()
        try:
            raw = yaml.safe_load(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise PlanError(path, ["the file is not UTF-8 text"])
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            line = f" (line {where.line + 1}, column {where.column + 1})" if where else ""
            raise PlanError(path, [f"not valid YAML{line}: {getattr(exc, 'problem', None) or exc}"])
        _CACHE[key] = parse_plan(raw, source=str(path), sha256=hashlib.sha256(data).hexdigest())
    return _CACHE[key]


def default_plan() -> Plan:
    """The plan named by the ``plan`` setting (the plan in force: its organization sets the words the
    catalog uses, :func:`tracker.i18n.use_organization`)."""
    from tracker import i18n, settings

    plan = load_plan(settings.path("plan"))
    i18n.use_organization(plan.org_type, plan.organization.get("short_th", ""), plan.organization.get("short_en", ""))
    return plan

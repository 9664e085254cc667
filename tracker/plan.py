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
from tracker.errors import TrackerError

DIRECTIONS = ("higher", "lower")
AGGREGATIONS = ("sum", "latest", "average")
FREQUENCIES = ("quarterly", "annual")
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
    thresholds: dict[str, float]
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
        depts[code] = Department(code, _text(d, f"departments[{code}]", p),
                                 tuple(str(a) for a in d.get("aliases") or ()))
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
        valid_range = _range(i, w, p)
        inds[code] = Indicator(
            code=code, goal=int(i.get("goal", 0)), name=_text(i, w, p), unit=_text(i.get("unit"), f"{w}.unit", p),
            direction=i.get("direction"), aggregation=i.get("aggregation"), frequency=i.get("frequency"),
            baseline_value=None if base.get("value") is None else float(base["value"]),
            baseline_fy=None if base.get("fy") is None else int(base["fy"]),
            targets=targets, source=_text(i.get("source"), f"{w}.source", p), owner=str(i.get("owner")),
            definition=_text(i.get("definition"), f"{w}.definition", p), valid_range=valid_range)
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
        villages=villages, indicators=inds, thresholds={k: float(v) for k, v in th.items()},
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

    A file that cannot be read or parsed (missing, not UTF-8, broken YAML, the wrong shape) raises
    :class:`PlanError` too, with what to do, never a bare traceback."""
    path = Path(path)
    try:
        key = (str(path.resolve()), path.stat().st_mtime)
        if key not in _CACHE:
            data = path.read_bytes()
            raw = yaml.safe_load(data.decode("utf-8"))
            if not isinstance(raw, dict):
                raise TypeError("the file is not a mapping of the plan's keys")
            _CACHE[key] = parse_plan(raw, source=str(path), sha256=hashlib.sha256(data).hexdigest())
    except PlanError:
        raise
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        detail = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise PlanError(path, [f"{type(exc).__name__}: {detail}"]) from None
    return _CACHE[key]


def default_plan() -> Plan:
    """The plan named by the ``plan`` setting (the plan in force: its organization sets the words the
    catalog uses, :func:`tracker.i18n.use_organization`)."""
    from tracker import i18n, settings

    plan = load_plan(settings.path("plan"))
    i18n.use_organization(plan.org_type, plan.organization.get("short_th", ""), plan.organization.get("short_en", ""))
    return plan

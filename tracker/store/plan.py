"""The plan's tables (missions, goals, departments, villages, indicators, targets, strategies, tactics,
programmes, the seed department aliases), loaded from the plan file."""

from __future__ import annotations

import json

from tracker.plan import Plan
from tracker.store.db import Database
from tracker.store.meta import bump_revision, set_meta


def load_plan(db: Database, plan: Plan) -> None:
    """Load (or reload) the plan into its tables. Idempotent: running it twice changes nothing.

    Indicators or targets removed from the plan file are deleted unless results refer to them
    (then the foreign key refuses and the error names the indicator).
    """
    with db.atomic():
        db["missions"].upsert_all(
            [{"mission_no": n, "text_th": t.th, "text_en": t.en} for n, t in plan.missions.items()], pk="mission_no")
        db["goals"].upsert_all([
            {"goal_no": g.number, "mission_no": g.mission, "text_th": g.text.th, "text_en": g.text.en,
             "short_th": g.short.th, "short_en": g.short.en} for g in plan.goals.values()], pk="goal_no")
        db["departments"].upsert_all(
            [{"code": d.code, "name_th": d.name.th, "name_en": d.name.en} for d in plan.departments.values()],
            pk="code")
        db["villages"].upsert_all([
            {"village_no": v.number, "name_th": v.name.th if v.name else None, "name_en": v.name.en if v.name else None}
            for v in plan.villages.values()], pk="village_no")
        db["indicators"].upsert_all([
            {"code": i.code, "goal_no": i.goal, "name_th": i.name.th, "name_en": i.name.en, "unit_th": i.unit.th,
             "unit_en": i.unit.en, "direction": i.direction, "aggregation": i.aggregation, "frequency": i.frequency,
             "baseline_value": i.baseline_value, "baseline_fy": i.baseline_fy, "source_th": i.source.th,
             "source_en": i.source.en, "owner": i.owner, "definition_th": i.definition.th,
             "definition_en": i.definition.en, "profile": None if i.profile is None else json.dumps(list(i.profile)),
             "measured_by": i.measured_by}
            for i in plan.indicators.values()], pk="code")
        db.execute("DELETE FROM indicator_targets")
        db["indicator_targets"].insert_all([
            {"indicator_code": i.code, "fiscal_year": fy, "target": t}
            for i in plan.indicators.values() for fy, t in sorted(i.targets.items())])
        codes = list(plan.indicators)
        db.execute(f"DELETE FROM indicators WHERE code NOT IN ({','.join('?' * len(codes))})", codes)
        if db["plan_strategies"].exists():
            _load_hierarchy(db, plan)
        set_meta(db, "plan_sha256", plan.sha256)
        set_meta(db, "plan_file", plan.source_path)
        bump_revision(db)


def alias_key(written: str) -> str:
    """How a written department name is compared: without any whitespace."""
    return "".join(str(written).split())


def _load_hierarchy(db: Database, plan: Plan) -> None:
    """Strategies, tactics, programmes and the plan file's department aliases (an analyst's own alias
    of the same name is kept)."""
    db.execute("DELETE FROM plan_tactics")
    db["plan_strategies"].upsert_all([
        {"number": s.number, "goal_no": s.goal, "name_th": s.name.th, "name_en": s.name.en, "short_th": s.short.th,
         "short_en": s.short.en} for s in plan.strategies.values()], pk="number")
    numbers = list(plan.strategies) or [-1]
    db.execute(f"DELETE FROM plan_strategies WHERE number NOT IN ({','.join('?' * len(numbers))})", numbers)
    db["plan_tactics"].insert_all([
        {"code": t.code, "strategy_no": t.strategy, "name_th": t.name.th, "name_en": t.name.en}
        for s in plan.strategies.values() for t in s.tactics.values()], pk="code")
    db.execute("DELETE FROM plan_programmes")
    db["plan_programmes"].insert_all([
        {"code": g.code, "area": g.area, "name_th": g.name.th, "name_en": g.name.en} for g in plan.programmes.values()],
        pk="code")
    db.execute("DELETE FROM department_aliases WHERE source = 'plan'")
    db["department_aliases"].insert_all([
        {"alias": alias_key(a), "written": a, "department": d.code, "source": "plan"}
        for d in plan.departments.values() for a in d.aliases], pk="alias", ignore=True)

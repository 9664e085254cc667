"""The demo catalogue as typed records, read from ``catalogue.yaml`` (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CATALOGUE_FILE = Path(__file__).with_name("catalogue.yaml")

#: budget categories (ประเภทงบ) and funding sources (แหล่งเงิน) as the office writes them
BUDGET_CENTRAL, BUDGET_OPS, BUDGET_CAPITAL, BUDGET_SUBSIDY = "งบกลาง", "งบดำเนินงาน", "งบลงทุน", "งบเงินอุดหนุน"
FUND_ORDINANCE, FUND_RESERVE, FUND_GRANT = "ข้อบัญญัติ", "เงินสะสม", "เงินอุดหนุนเฉพาะกิจ"


@dataclass(frozen=True)
class Recurring:
    """A project in the plan every year (stable code); see the file's header for the fields."""

    code: str
    name_th: str
    name_en: str
    dept: str           # department code (the CSV carries the Thai name from the plan)
    category: str
    lo: int             # planned budget range, baht
    hi: int
    indicators: str
    kind: str
    tactic: str         # where the plan book lists it: tactic code (กลยุทธ์) and programme code (แผนงาน)
    programme: str
    villages: int = 0   # how many villages to name (0 = tambon-wide)
    p_unfunded: float = 0.0


@dataclass(frozen=True)
class OneOff:
    """Works drawn in some years (``weight``: how often); ``{v}`` in a name is the village number."""

    goal: int
    name_th: str
    name_en: str
    dept: str
    category: str
    lo: int
    hi: int
    indicators: str
    weight: float
    tactic: str         # where the plan book lists it (as for :class:`Recurring`)
    programme: str
    per_village: bool = True


@dataclass(frozen=True)
class Catalogue:
    recurring: tuple[Recurring, ...]
    one_off: tuple[OneOff, ...]
    revision: tuple[OneOff, ...]    #: added by a plan revision during the year
    notes: dict[str, tuple[str, ...]]


@cache
def load(path: Path = CATALOGUE_FILE) -> Catalogue:
    """The catalogue file as records."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return Catalogue(recurring=tuple(Recurring(**r) for r in raw["recurring"]),
                     one_off=tuple(OneOff(**r) for r in raw["one_off"]),
                     revision=tuple(OneOff(**r) for r in raw["revision"]),
                     notes={k: tuple(v) for k, v in raw["notes"].items()})

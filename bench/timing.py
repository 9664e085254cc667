"""Repeats, medians and the printed table: every measurement beside its floor from the same run."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field


@dataclass
class Timing:
    """Samples of one measurement (seconds, or MB for memory)."""

    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")

    @property
    def min(self) -> float:
        return min(self.samples) if self.samples else float("nan")


def clock(fn):
    """One run of ``fn()``: (seconds, its result)."""
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def repeat(func, repeats: int, *, before=None) -> Timing:
    """Time ``func()`` ``repeats`` times; ``before()`` runs untimed ahead of each call (e.g. a cache reset)."""
    out = Timing()
    for _ in range(repeats):
        if before is not None:
            before()
        start = time.perf_counter()
        func()
        out.samples.append(time.perf_counter() - start)
    return out


@dataclass
class Row:
    """One line of the table: ``what`` measured ``value`` beside ``floor`` (named ``floor_name``)."""

    part: str
    what: str
    value: Timing
    floor_name: str
    floor: Timing
    unit: str = "s"
    budget: str = ""

    @property
    def ratio(self) -> float:
        return self.value.median / self.floor.median if self.floor.median else float("nan")

    def as_dict(self) -> dict:
        return {"part": self.part, "what": self.what, "unit": self.unit, "median": self.value.median,
                "min": self.value.min, "samples": self.value.samples, "floor": self.floor_name,
                "floor_median": self.floor.median, "floor_min": self.floor.min, "ratio": self.ratio,
                "budget": self.budget}


HEADER = ("part", "what", "median", "min", "floor", "floor median", "ratio", "budget")


def _num(v: float, unit: str) -> str:
    return f"{v:.0f} MB" if unit == "MB" else f"{v:.3f} s"


def table(rows: list[Row]) -> str:
    """A Markdown table (pastes into an issue note as it is)."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for r in rows:
        lines.append("| " + " | ".join((r.part, r.what, _num(r.value.median, r.unit), _num(r.value.min, r.unit),
                                        r.floor_name, _num(r.floor.median, r.unit), f"{r.ratio:.1f}×",
                                        r.budget)) + " |")
    return "\n".join(lines)

"""Rounds of the M&E report: the annual report (ประจำปี, to 30 September, tabled by December), the
6-month report (รอบ 6 เดือน, October–March, in April) and a quarterly one (ไตรมาส).

A round is a fiscal year and the quarter its figures are cumulated to; its :attr:`Round.key` names
the narrative kept for it (``annual``, ``half``, ``q1``–``q4``).
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.errors import TrackerError
from tracker.i18n import t

KINDS = ("annual", "half", "quarter")


class RoundError(TrackerError):
    """A round that does not exist (unknown kind, or a quarter outside 1–4)."""


@dataclass(frozen=True)
class Round:
    """``kind`` annual | half | quarter of Buddhist-Era ``fiscal_year``; ``quarter`` only for quarter."""
    kind: str
    fiscal_year: int
    quarter_no: int | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise RoundError("me.round.unknown", kind=self.kind)
        if self.kind == "quarter" and self.quarter_no not in (1, 2, 3, 4):
            raise RoundError("me.round.quarter_needed")

    @property
    def quarter(self) -> int:
        """The quarter figures are cumulated to (4 annual, 2 half)."""
        return {"annual": 4, "half": 2}.get(self.kind) or int(self.quarter_no)

    @property
    def key(self) -> str:
        return self.kind if self.kind != "quarter" else f"q{self.quarter_no}"

    def months(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """((month, BE year), (month, BE year)) of the first and last month covered."""
        fy = self.fiscal_year
        first = (10, fy - 1) if self.kind != "quarter" else _quarter_start(fy, self.quarter)
        last = {4: (9, fy), 3: (6, fy), 2: (3, fy), 1: (12, fy - 1)}[self.quarter]
        return first, last

    def period_text(self, lang: str) -> str:
        """``ตุลาคม 2568 – มีนาคม 2569`` / ``October 2568 – March 2569`` (Buddhist Era)."""
        (m1, y1), (m2, y2) = self.months()
        return t("me.period", lang, m1=t(f"me.month.{m1}", lang), y1=y1, m2=t(f"me.month.{m2}", lang), y2=y2)

    def title(self, lang: str) -> str:
        """The round line of the cover: ``ประจำปีงบประมาณ พ.ศ. 2569`` / ``รอบ 6 เดือน (ตุลาคม 2568 – มีนาคม 2569)``."""
        return t(f"me.round.title.{self.kind}", lang, fy=self.fiscal_year, q=self.quarter,
                 period=self.period_text(lang))

    def label(self, lang: str) -> str:
        """Short name for choosers and file names: ``ประจำปี 2569``, ``รอบ 6 เดือน 2570``, ``ไตรมาส 1/2569``."""
        return t(f"me.round.label.{self.kind}", lang, fy=self.fiscal_year, q=self.quarter)


def _quarter_start(fy: int, q: int) -> tuple[int, int]:
    return {1: (10, fy - 1), 2: (1, fy), 3: (4, fy), 4: (7, fy)}[q]


def parse(kind: str, fiscal_year: int, quarter: int | None = None) -> Round:
    """The round of ``kind`` (annual | half | quarter) for ``fiscal_year``; a quarter round needs ``quarter``."""
    return Round(kind, int(fiscal_year), int(quarter) if kind == "quarter" and quarter else None)

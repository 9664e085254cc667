"""The responsible unit as written (หน่วยงานรับผิดชอบหลัก) -> one of the plan's divisions.

The first line names the division; later lines starting with งาน are its sections; a cell naming
two divisions (``กองการศึกษาฯ\\nกองช่าง``) has the first as lead. Names are looked up in an alias
list (seeded with what real books write, extended with what the office keeps), then among the
plan's own division names; an abbreviation with ฯ matches the one division whose name it begins.
A name that matches nothing stays unmapped (code None): it is never forced into a division.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tracker.ingest.planbook.model import Department
from tracker.ingest.planbook.text import clean, squash

#: What real books write -> division code of a Thai SAO (plan/khilek.yaml ``departments``).
SEED_ALIASES: dict[str, str] = {
    "สำนักปลัด": "PAL", "สำนักปลัด อบต.": "PAL", "สำนักงานปลัด": "PAL", "สำนักงานปลัด อบต.": "PAL",
    "สำนักปลัดองค์การบริหารส่วนตำบล": "PAL", "สำนักปลัดเทศบาล": "PAL",
    "กองคลัง": "FIN", "กองคลัง อบต.": "FIN",
    "กองช่าง": "ENG", "กองช่าง อบต.": "ENG",
    "กองการศึกษา": "EDU", "กองการศึกษาฯ": "EDU", "กองการศึกษา ศาสนาและวัฒนธรรม": "EDU",
    "กองสวัสดิการสังคม": "WEL", "กองสวัสดิการฯ": "WEL", "กองสวัสดิการ": "WEL",
    "กองสาธารณสุขและสิ่งแวดล้อม": "HEA", "กองสาธารณสุขฯ": "HEA", "กองสาธารณสุข": "HEA",
}

#: Words that name an agency outside the organization (ผ.02/2 projects are carried out by them).
_OUTSIDE = re.compile(r"^(อบจ|องค์การบริหารส่วนจังหวัด|จังหวัด|กรม|สำนักงาน(?!ปลัด)|ที่ทำการปกครอง|อำเภอ)")
_SUFFIXES = ("อบต.", "อบต", "ทต.", "ทม.")


@dataclass(frozen=True)
class Division:
    code: str
    th: str


def _key(name: str) -> str:
    return squash(name).strip("()")


class DepartmentMatcher:
    """Normalises department text to the plan's divisions through an alias list.

    ``divisions``: the plan's divisions (code, Thai name). ``aliases``: written name -> code,
    laid over :data:`SEED_ALIASES` (the office's own aliases win). Aliases naming a code the plan
    does not have are ignored.
    """

    def __init__(self, divisions: Iterable[Division], aliases: Mapping[str, str] | None = None):
        self.divisions = {d.code: d for d in divisions}
        self.aliases: dict[str, str] = {}
        for name, code in {**SEED_ALIASES, **dict(aliases or {})}.items():
            if code in self.divisions:
                self.aliases[_key(name)] = code
        for d in self.divisions.values():
            self.aliases.setdefault(_key(d.th), d.code)

    def division_of(self, name: str) -> str | None:
        """The code of one written division name, or None."""
        key = _key(name)
        if not key:
            return None
        if key in self.aliases:
            return self.aliases[key]
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and key[: -len(suffix)] in self.aliases:
                return self.aliases[key[: -len(suffix)]]
        if key.endswith("ฯ") and len(key) > 4:   # ฯ abbreviates: the one division it begins
            stem = key.rstrip("ฯ")
            hits = {d.code for d in self.divisions.values() if _key(d.th).startswith(stem)}
            if len(hits) == 1:
                return hits.pop()
        return None

    def normalise(self, raw) -> Department:
        """A :class:`Department` for the text of a department cell. The first division named
        leads; when that first name is unknown, the lead is unknown (code None)."""
        text = clean(raw)
        codes, sections, unmapped = [], [], []
        first_known: bool | None = None
        for line in text.split("\n") if text else []:
            for part in re.split(r"\s*[/,]\s*", line):
                name = part.strip().strip("()").strip()
                if not name:
                    continue
                if name.startswith(("งาน", "ฝ่าย")):
                    sections.append(name)
                    continue
                code = self.division_of(name)
                if first_known is None:
                    first_known = code is not None
                if code is None:
                    unmapped.append(name)
                elif code not in codes:
                    codes.append(code)
        lead = codes[0] if first_known else None
        return Department(raw=text, code=lead, codes=codes,
                          th=self.divisions[lead].th if lead else None, sections=sections, unmapped=unmapped)

    @staticmethod
    def is_outside_agency(name: str) -> bool:
        return bool(_OUTSIDE.match(_key(name)))

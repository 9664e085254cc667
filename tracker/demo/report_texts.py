"""The demo's M&E report texts and satisfaction surveys (ข้อมูลตัวอย่าง, INVENTED): for the annual round of FY2569
and the six-month round of FY2570, the narrative (per strategy problems / recommendations / impact, the
committee's members, opinion and dates) and a survey result set (แบบที่ 3/2, 3/3), from ``report_texts.yaml``.

The survey goes through the normal upload as a demo batch (``is_demo``, by ``system:demo``: marked demo and rolled
back like the other demo batches); the texts are saved by ``system:demo`` through the narrative's own save (audited).
Rolling back a round's demo survey batch removes that round's texts too, those still as the demo wrote them
(:func:`tracker.ingest.rollback.rollback`); a text an analyst edited since is theirs and stays.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from tracker import ingest
from tracker.ingest.contract import KINDS
from tracker.report.me import narrative as N
from tracker.report.me.rounds import parse
from tracker.tables import csv_bytes

SOURCE = Path(__file__).with_name("report_texts.yaml")
SURVEY_COLUMNS = [c.name for c in KINDS["satisfaction"].columns]
_TABLES = {"respondents": "ผู้ตอบแบบสอบถาม", "overall": "แบบที่ 3/2", "strategy": "แบบที่ 3/3"}
_ROUNDS = {"annual": "ประจำปี", "half": "รอบ 6 เดือน"}


def spec(path: Path = SOURCE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def survey_frame(rnd: dict, items: list[str]) -> pd.DataFrame:
    """One round's survey as the office's long table (the upload's columns, Thai words)."""
    fy, word, s = rnd["fiscal_year"], _ROUNDS[rnd["round"]], rnd["survey"]
    rows = []

    def row(table: str, **values) -> None:
        rows.append({"fiscal_year": fy, "round": word, "table": _TABLES[table], **values})

    for group, counts in s["respondents"].items():
        for item, n in counts.items():
            row("respondents", group=group, item=item, respondents=n)
    for item, (very, sat, notsat) in zip(items, s["shares"], strict=True):
        row("overall", item=item, very_satisfied=very, satisfied=sat, not_satisfied=notsat)
    very, sat, notsat = s["overall"]
    row("overall", item="ภาพรวม", very_satisfied=very, satisfied=sat, not_satisfied=notsat)
    for number, score in s["scores"].items():
        row("strategy", strategy=int(number), item="ภาพรวม", score=score)
    return pd.DataFrame([{c: r.get(c, "") for c in SURVEY_COLUMNS} for r in rows], dtype=object)


def load_report_texts(db, *, user: str, path: Path = SOURCE) -> list:
    """Load the demo's surveys (demo batches; returns their receipts) and save its report texts (by ``user``).
    Loading again adds nothing (the same survey is nothing to do; an unchanged text is not saved again)."""
    data = spec(path)
    receipts = []
    for rnd in data["rounds"]:
        body = csv_bytes(survey_frame(rnd, data["items"]))
        name = f"{rnd['fiscal_year']}/satisfaction-{rnd['round']}.csv"
        preview = ingest.prepare(db, body, name, kind="satisfaction")
        if preview.has_errors:
            errors = preview.errors["message_en"].tolist()
            raise RuntimeError(f"demo survey {name} has {len(errors)} error(s): {'; '.join(errors[:20])}")
        if not preview.nothing_to_do:
            receipts.append(ingest.commit(db, preview, user=user, is_demo=True))
        texts = {(section, 0): text for section, text in rnd["texts"].items()}
        texts.update({(section, int(number)): text for number, sections in rnd["strategies"].items()
                      for section, text in sections.items()})
        N.save_many(db, parse(rnd["round"], rnd["fiscal_year"]), texts, user=user)
    return receipts

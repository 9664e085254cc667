"""``summary``: the overview's figures (``python -m tracker summary --fy 2569 --quarter 4 [--json]``).

Built on :func:`tracker.rollup.summary`, the function the pages' figures come from; the text table
writes every figure with the one formatter (:mod:`tracker.fmt`), as the pages do.
"""

from __future__ import annotations

import json

from tracker import fmt, periods, rollup
from tracker.cli.common import opened
from tracker.i18n import t


def _table(s: dict, lang: str) -> str:
    tr = lambda key, **v: t(key, lang, **v)  # noqa: E731
    fy, q = s["fiscal_year"], s["quarter"]
    lines = [f"{periods.fy_label(fy, lang)} · {periods.quarter_label(q, lang, fy)} · {tr('sidebar.period_help')}",
             s["period"]["text"][lang], ""]
    head = (f"{tr('report.col.goal'):<6} {tr('report.col.score'):>7}  {tr('report.col.status'):<22} "
            f"{tr('report.col.coverage'):<30} {tr('report.col.funded'):>8} {tr('pstatus.completed'):>8} "
            f"{tr('report.col.allocated'):>18} {tr('report.col.disbursed'):>18} {tr('report.col.disbursement_rate'):>8}")
    lines += [head, "-" * len(head)]

    def row(label, texts, status, coverage, p):
        return (f"{label:<6} {texts.get('score', ''):>7}  {status:<22} {coverage:<30} "
                f"{fmt.figure('count', p['funded'], lang=lang):>8} {fmt.figure('count', p['completed'], lang=lang):>8} "
                f"{texts['allocated']:>18} {texts['disbursed']:>18} {texts['disbursement_rate']:>8}")

    for g in s["goals"]:
        x = g["text"][lang]
        lines.append(row(str(g["goal"]), x, x["status"], x["coverage"], g["projects"]))
    lines.append("-" * len(head))
    lines.append(row(tr("report.total"), s["totals"]["text"][lang], "", "", s["totals"]["projects"]))
    lines += ["", f"{tr('col.code'):<8} {tr('report.col.actual'):>12} {tr('report.col.expected'):>12} "
                  f"{tr('col.target'):>10} {tr('report.col.ratio'):>8}  {tr('report.col.status')}"]
    for i in s["indicators"]:
        x = i["text"][lang]
        lines.append(f"{i['code']:<8} {x['actual']:>12} {x['expected']:>12} {x['target']:>10} {x['ratio']:>8}  "
                     f"{x['status']}")
    return "\n".join(lines)


def cmd_summary(args) -> int:
    with opened(args) as db:
        fy = periods.normalize_year(args.fy) if args.fy is not None else None
        if args.quarter is None:
            fy, q = rollup.opening_period(db, fiscal_year=fy)
        else:
            fy, q = fy or rollup.opening_period(db)[0], args.quarter
        s = rollup.summary(db, fy, q)
    print(json.dumps(s, ensure_ascii=False, indent=2) if args.json else _table(s, args.lang))
    return 0


def register(sub, parents) -> None:
    p = sub.add_parser("summary", parents=[parents["db"]],
                       help="print the overview's figures (goal scores, projects, budget, indicators)")
    p.add_argument("--fy", type=int, default=None,
                   help="fiscal year, Buddhist Era (2569) or CE (2026); default: as the pages open")
    p.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], default=None,
                   help="figures as of this quarter (cumulative); default: the latest complete quarter "
                        "(of --fy when given), else the latest with data")
    p.add_argument("--json", action="store_true",
                   help="print JSON: raw numbers (unrounded, null where undefined) and their texts in Thai and English")
    p.set_defaults(func=cmd_summary)

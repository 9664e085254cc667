"""``summary``: the overview's figures (``python -m tracker summary --fy 2569 --quarter 4 [--json]``).

Built on :func:`tracker.rollup.summary`, the function the pages' figures come from.
"""

from __future__ import annotations

import json

from tracker import fmt, periods, rollup, store
from tracker.cli.common import opened
from tracker.plan import default_plan


def _table(s: dict, lang: str) -> str:
    lines = [f"{periods.fy_label(s['fiscal_year'], 'en')}, as of Q{s['quarter']} (cumulative)", ""]
    head = f"{'goal':>4}  {'score':>7}  {'status':<10} {'funded':>6} {'done':>5} {'allocated':>14} " \
           f"{'disbursed':>14} {'rate':>7}"
    lines += [head, "-" * len(head)]

    def row(label, score, status_, p, b):
        rate = b["disbursed"] / b["allocated"] if b["allocated"] else None
        return (f"{label:>4}  {fmt.pct(score):>7}  {status_:<10} {p['funded']:>6} {p['completed']:>5} "
                f"{fmt.baht(b['allocated'], 'en'):>14} {fmt.baht(b['disbursed'], 'en'):>14} {fmt.pct(rate):>7}")

    for g in s["goals"]:
        lines.append(row(str(g["goal"]), g["score"], g["status"], g["projects"], g["budget"]))
    lines.append("-" * len(head))
    lines.append(row("all", None, "", s["totals"]["projects"], s["totals"]["budget"]))
    lines += ["", f"{'indicator':<8} {'actual':>10} {'expected':>10} {'ratio':>7}  status"]
    for i in s["indicators"]:
        lines.append(f"{i['code']:<8} {fmt.number(i['actual']):>10} {fmt.number(i['expected']):>10} "
                     f"{fmt.pct(i['ratio']):>7}  {i['status']} ({fmt.status(i['status'], lang)})")
    return "\n".join(lines)


def cmd_summary(args) -> int:
    with opened(args) as db:
        fy = periods.normalize_year(args.fy) if args.fy is not None else None
        default_fy, default_q = periods.default_period(store.periods_with_data(db), default_plan().first_fy, fy)
        s = rollup.summary(db, default_fy, args.quarter or default_q)
    print(json.dumps(s, ensure_ascii=False, indent=2) if args.json else _table(s, args.lang))
    return 0


def register(sub, parents) -> None:
    p = sub.add_parser("summary", parents=[parents["db"]],
                       help="print the overview's figures (goal scores, projects, budget, indicators)")
    p.add_argument("--fy", type=int, default=None,
                   help="fiscal year, Buddhist Era (2569) or CE (2026); default: the latest with data")
    p.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], default=None,
                   help="figures as of this quarter (cumulative); default: the latest with data in the year, else 1")
    p.add_argument("--json", action="store_true", help="print JSON (unrounded numbers, null where undefined)")
    p.set_defaults(func=cmd_summary)

"""Memory with N signed-in sessions (default 10) in one process, as one server holds them: each
session opens the overview, a goal page and the meeting page and stays open. Measured in a fresh
Python process per repeat (resident set at the end and its peak, from /proc), beside the floor: the
same number of sessions of the bare page (Streamlit, pandas and Plotly loaded, one cached chart).

AppTest keeps each session's state as a server does; what it does not hold is the browser's
websocket and the forward-message cache, so the server's figure is somewhat higher.

Run alone: ``python -m bench.memory DB_PATH [--floor] [--sessions 10]`` prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.timing import Row, Timing

ROOT = Path(__file__).resolve().parent.parent
VISITS = ("overview", "goal", "meeting")
BUDGET = "≤ 300 MB at 50×, ≤ 400 MB province"


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _sessions(db_path: str, n: int, floor: bool) -> dict:
    from streamlit.testing.v1 import AppTest

    from bench.pages import FLOOR, _legacy_pages_off

    os.environ["TRACKER_DB"] = db_path
    _legacy_pages_off()
    kept = []
    if floor:
        for _ in range(n):
            at = AppTest.from_file(str(FLOOR), default_timeout=120)
            at.run()
            kept.append(at)
    else:
        from tests.conftest import signed_in_session

        for _ in range(n):
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
            at.session_state["auth"] = signed_in_session(db_path, "admin")
            at.run()
            for page in VISITS:
                at.switch_page(str(ROOT / "pages" / f"{page}.py")).run()
            kept.append(at)
    return {"rss_mb": _status_mb("VmRSS"), "peak_mb": _status_mb("VmHWM"), "sessions": len(kept),
            "exceptions": sum(1 for at in kept if at.exception)}


def measure(db_path: Path, n: int, floor: bool) -> dict:
    """One fresh process holding ``n`` sessions; returns its memory as a dict."""
    cmd = [sys.executable, "-m", "bench.memory", str(db_path), "--sessions", str(n)] + (["--floor"] if floor else [])
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(db_path: Path, repeats: int, n: int = 10) -> list[Row]:
    rss, peak, frss, fpeak = Timing(), Timing(), Timing(), Timing()
    bad = 0
    for _ in range(repeats):
        f = measure(db_path, n, floor=True)
        m = measure(db_path, n, floor=False)
        frss.samples.append(f["rss_mb"])
        fpeak.samples.append(f["peak_mb"])
        rss.samples.append(m["rss_mb"])
        peak.samples.append(m["peak_mb"])
        bad += m["exceptions"]
    label = f"{n} sessions ({', '.join(VISITS)})" + (" (exception!)" if bad else "")
    floor = f"{n} bare-page sessions"
    return [Row("memory", label + ": resident", rss, floor, frss, unit="MB", budget=BUDGET),
            Row("memory", label + ": peak", peak, floor, fpeak, unit="MB", budget=BUDGET)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.memory")
    ap.add_argument("db")
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--floor", action="store_true")
    args = ap.parse_args(argv)
    import logging

    logging.disable(logging.WARNING)
    print(json.dumps(_sessions(args.db, args.sessions, args.floor)))


if __name__ == "__main__":
    main()

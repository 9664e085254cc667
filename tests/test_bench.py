"""The benchmark runs (a smoke test at a tiny scale; speed itself is measured by ``python -m bench``,
never asserted in tests)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_benchmark_runs_every_part_and_prints_ratios_to_its_floor(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--scales", "1", "--repeats", "1", "--rows", "400",
         "--pages", "overview,method", "--formats", "xlsx", "--sessions", "1", "--memory-repeats", "1",
         "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    rows = json.loads(out.read_text(encoding="utf-8"))
    parts = {r["part"] for r in rows}
    assert {"upload", "page miss 1×", "page warm 1×", "render first 1×", "render second 1×", "render warm 1×",
            "report 1×", "memory 1×", "sign-in 1×", "cold start 1×"} <= parts, parts
    warm = next(r for r in rows if r["part"] == "render warm 1×" and r["what"] == "method")
    assert len(warm["samples"]) == 3, warm        # loads 3-5 of the page's profile, each a sample
    assert all(r["floor_median"] > 0 and r["ratio"] > 0 for r in rows), rows
    assert not any("exception" in r["what"] for r in rows), [r["what"] for r in rows]
    assert "| page warm 1× | overview |" in run.stdout and "| render warm 1× | method |" in run.stdout


def test_scales_are_numbers_or_province():
    from bench.__main__ import parse
    from bench.data import PROVINCE

    assert parse(["--scales", "1,province"]).scales == [1, PROVINCE]
    with pytest.raises(SystemExit):
        parse(["--scales", "big"])


def test_scaled_data_multiplies_projects_and_progress_and_keeps_the_demo_at_1x():
    from bench import data
    from tracker import demo

    one, three = data.scaled(1), data.scaled(3)
    base = demo.generate()
    assert one["projects"].equals(base["projects"])
    assert len(three["projects"]) == 3 * len(base["projects"])
    assert len(three["project_progress"]) == 3 * len(base["project_progress"])
    assert not three["projects"].duplicated(["project_code", "fiscal_year"]).any()
    assert len(three["indicator_results"]) == len(base["indicator_results"])


def test_importing_the_benchmark_leaves_the_upload_limit_alone():
    """bench.data lifted the upload limit on import: every app a later test started said 'ไม่เกิน 2000 MB'."""
    import importlib
    import os

    import bench.data

    importlib.reload(bench.data)
    assert "TRACKER_MAX_UPLOAD_MB" not in os.environ

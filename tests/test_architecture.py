"""Imports point inward: only the UI layer imports Streamlit; pages stay thin."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "tracker"


def non_ui_modules():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if "ui" in rel.parts or rel.name == "__main__":
            continue
        yield ".".join(rel.parts).removesuffix(".__init__")


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_package_modules_outside_ui_do_not_import_streamlit():
    mods = list(non_ui_modules())
    code = "import sys\n" + "".join(f"import {m}\n" for m in mods) + \
        "print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", mods


def test_only_charts_and_reports_import_plotly():
    allowed = {"charts.py", "report"}
    for path in PKG.rglob("*.py"):
        if "plotly" in imported_names(path):
            assert path.name in allowed or any(p in allowed for p in path.relative_to(PKG).parts), path


def test_pages_contain_no_sql():
    for path in (ROOT / "pages").glob("*.py"):
        text = path.read_text(encoding="utf-8").upper()
        for word in ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM"):
            assert word not in text, f"{path.name} contains SQL ({word.strip()})"


def test_every_page_runs_inside_the_router():
    for path in (ROOT / "pages").glob("*.py"):
        assert "require_router()" in path.read_text(encoding="utf-8"), path.name

"""The package's shape, checked: imports point inward; SQL only in the store; Streamlit only in the UI;
Plotly only in charts and reports; pages thin; no import cycles; settings read only by ``settings``."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "tracker"
PAGES = sorted((ROOT / "pages").glob("*.py"))
MAX_PAGE_LINES = 150

#: Layers, innermost first: a module may import modules of its own layer or of inner ones, never outer.
LAYERS = (
    ("tracker.periods", "tracker.status", "tracker.i18n", "tracker.settings", "tracker.thai", "tracker.__init__"),
    ("tracker.errors", "tracker.fmt", "tracker.plan", "tracker.method"),
    ("tracker.tables", "tracker.store"),
    ("tracker.auth", "tracker.locks", "tracker.ingest", "tracker.rollup", "tracker.charts"),
    ("tracker.demo", "tracker.report"),
    ("tracker.cli", "tracker.ui", "tracker.__main__"),
)


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PKG.rglob("*.py"))}


MODULES = modules()


def layer(mod: str) -> int:
    mod = "tracker.__init__" if mod == "tracker" else mod
    best, found = -1, None
    for i, names in enumerate(LAYERS):
        for name in names:
            if (mod == name or mod.startswith(name + ".")) and len(name) > best:
                best, found = len(name), i
    assert found is not None, f"{mod} is in no layer of tests/test_architecture.py"
    return found


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports (at any depth of the file), as full names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for a in node.names:
                full = f"{base}.{a.name}"
                out.add(full if full in MODULES else base)
    return out


def top_level(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


def own(names: set[str]) -> set[str]:
    return {n for n in names if n == "tracker" or n.startswith("tracker.")}


@pytest.mark.parametrize("mod", sorted(MODULES))
def test_imports_point_inward(mod):
    here = layer(mod)
    for target in own(imports(MODULES[mod])):
        if target == "tracker":
            continue
        assert layer(target) <= here, f"{mod} (layer {here}) imports {target} (layer {layer(target)})"
        assert not (mod.startswith("tracker.cli") and target.startswith("tracker.ui")), (mod, target)
        assert not (mod.startswith("tracker.ui") and target.startswith("tracker.cli")), (mod, target)


def area(mod: str) -> str:
    """``tracker.store.backup`` -> ``tracker.store``: a top-level module or package of the package."""
    return ".".join(mod.split(".")[:2])


def test_no_import_cycles_between_areas():
    """No two parts of the package import each other, however indirectly or lazily (as ``store`` and
    ``backup`` once did); inside a package its modules are its own business."""
    graph: dict[str, set[str]] = {}
    for m, p in MODULES.items():
        graph.setdefault(area(m), set()).update(area(t) for t in own(imports(p)) if t in MODULES and area(t) != area(m))
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph.get(m, ())):
            assert state.get(t) != 1, "import cycle: " + " -> ".join([*path[path.index(t):], t])
            if t not in state:
                visit(t, [*path, t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])


def test_only_the_ui_pages_and_router_import_streamlit():
    for mod, path in MODULES.items():
        if not mod.startswith("tracker.ui"):
            assert "streamlit" not in top_level(imports(path)), mod


def test_package_modules_outside_ui_do_not_import_streamlit_even_indirectly():
    mods = [m for m in MODULES if not m.startswith("tracker.ui") and not m.endswith("__main__")]
    code = "import sys\n" + "".join(f"import {m}\n" for m in mods) + "print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", mods


def test_only_charts_and_reports_import_plotly():
    for mod, path in MODULES.items():
        if "plotly" in top_level(imports(path)):
            assert mod == "tracker.charts" or mod.startswith("tracker.report"), mod


def test_only_the_store_imports_sqlite():
    for mod, path in [*MODULES.items(), *((p.name, p) for p in [*PAGES, ROOT / "dashboard.py"])]:
        if not str(mod).startswith("tracker.store"):
            assert not top_level(imports(path)) & {"sqlite3", "sqlite_utils"}, mod


SQL = re.compile(r"\b(SELECT\s[\s\S]*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|"
                 r"CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)\b|DROP\s+TABLE\b|ALTER\s+TABLE\b|PRAGMA\s|BEGIN\b|COMMIT\b|ROLLBACK\b)")
DB_CALLS = {"execute", "executemany", "executescript", "conn"}


def sql_in(path: Path) -> list[str]:
    """String constants that are SQL, and database calls (``.execute``, ``.conn``), in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if SQL.search(node.value):
                found.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
        elif isinstance(node, ast.Attribute) and node.attr in DB_CALLS:
            found.append(f"{path.name}:{node.lineno}: .{node.attr}")
    return found


def test_sql_only_in_the_store():
    files = [p for m, p in MODULES.items() if not m.startswith("tracker.store")] + [*PAGES, ROOT / "dashboard.py"]
    offenders = [hit for p in files for hit in sql_in(p)]
    assert not offenders, offenders


def test_the_store_holds_the_sql():   # the check above would pass vacuously if it could not see SQL
    assert sql_in(PKG / "store" / "reads.py") and sql_in(PKG / "store" / "uploads.py")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_are_thin(page):
    lines = page.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_PAGE_LINES, f"{page.name}: {len(lines)} lines (at most {MAX_PAGE_LINES})"
    assert not sql_in(page), page.name


def test_every_page_runs_inside_the_router():
    for path in PAGES:
        assert "require_router()" in path.read_text(encoding="utf-8"), path.name


def test_settings_are_read_only_by_the_settings_module():
    """Environment variables named TRACKER_* are read in one place, where they are declared."""
    for mod, path in MODULES.items():
        if mod == "tracker.settings":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            keys = []
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                    "getenv", "get") and node.args and isinstance(node.args[0], ast.Constant):
                keys.append(node.args[0].value)
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                keys.append(node.slice.value)
            assert not any(isinstance(k, str) and k.startswith("TRACKER_") for k in keys), (mod, node.lineno)


def test_the_command_line_registers_its_commands_statically():
    for path in [*(PKG / "cli").glob("*.py"), *(PKG / "demo").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert "importlib" not in text and "ModuleNotFoundError" not in text, path

"""LibreOffice Calc in tests: save a spreadsheet as an analyst does (File > Save As .xlsx, or Text CSV UTF-8),
so the upload is tested with files LibreOffice wrote, not only files this program wrote."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML",
           # field separator ",", text delimiter '"', UTF-8 (76), from line 1; cells as shown
           "csv": "csv:Text - txt - csv (StarCalc):44,34,76,1"}


def calc() -> str:
    """The soffice program with Calc, or skip (``bash scripts/setup.sh test`` installs it)."""
    soffice = shutil.which("soffice")
    calc_installed = soffice and any(Path(d).joinpath("program", "libscdlo.so").exists() or
                                     Path(d).joinpath("program", "libsclo.so").exists()
                                     for d in ("/usr/lib/libreoffice", "/opt/libreoffice"))
    if not calc_installed:
        pytest.skip("LibreOffice Calc not installed (bash scripts/setup.sh test installs it)")
    return soffice


def save_as(src: Path, fmt: str, tmp_path: Path) -> Path:
    """``src`` opened and saved by LibreOffice Calc as ``fmt`` (xlsx or csv); returns the new file."""
    out = tmp_path / f"lo-{fmt}"
    out.mkdir(exist_ok=True)
    subprocess.run([calc(), "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", FILTERS[fmt], "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=300)
    return out / f"{src.stem}.{fmt}"

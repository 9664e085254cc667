"""``python -m tracker.demo``: regenerate the committed demo files under ``data/demo/``."""

from tracker.demo import write_demo_files
from tracker.settings import ROOT

for path in write_demo_files():
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")

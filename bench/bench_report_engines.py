"""Benchmark: the report engines on a report-sized document (about 20 A4 pages, 6 charts, big tables).

Run: ``.venv/bin/python bench/bench_report_engines.py [RUNS] [--compare]``. Prints, for the PDF
(Chromium over CDP, warm browser) and the DOCX (python-docx, charts as PNG from the same browser):
the first report in a fresh process (cold: the browser starts and loads plotly.js), then warm runs,
two reports made at once, and file sizes. ``--compare`` adds the alternatives that were not chosen:
a ``chromium --print-to-pdf`` subprocess per report, an untagged PDF, and kaleido for the charts.
Asserts nothing (budget: "reports in seconds").
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.report_engine_sample import sample_document  # noqa: E402
from tracker.report import docx_kit, html_pdf  # noqa: E402
from bench.timing import clock  # noqa: E402
from tracker.report.chromium import browser_path  # noqa: E402


def pdf_pages(data: bytes) -> int:
    import io

    import pypdf
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def docx_report(doc) -> bytes:
    return docx_kit.render_docx(doc, images=html_pdf.figures_to_png(doc.figures()))


def cold(kind: str) -> float:
    """Seconds for the first report of ``kind`` in a fresh interpreter (imports excluded)."""
    code = ("import sys, time; sys.path.insert(0, %r)\n"
            "from tests.report_engine_sample import sample_document\n"
            "from tracker.report import docx_kit, html_pdf\n"
            "doc = sample_document(); t = time.perf_counter()\n"
            "html_pdf.render_pdf(doc) if %r == 'pdf' else "
            "docx_kit.render_docx(doc, images=html_pdf.figures_to_png(doc.figures()))\n"
            "print(time.perf_counter() - t)") % (str(ROOT), kind)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(runs: int = 3, compare: bool = False) -> None:
    doc = sample_document()
    print(f"document: {len(doc.figures())} charts, {sum(len(b.rows) for b in doc.walk() if hasattr(b, 'rows'))} "
          f"table rows")
    print(f"cold PDF  (fresh process, browser start):   {cold('pdf'):.2f} s")
    print(f"cold DOCX (fresh process, browser start):   {cold('docx'):.2f} s")

    pdf_times, docx_times = [], []
    for _ in range(runs):
        t, pdf = clock(lambda: html_pdf.render_pdf(doc))
        pdf_times.append(t)
        t, docx = clock(lambda: docx_report(doc))
        docx_times.append(t)
    svg_t, svgs = clock(lambda: html_pdf.figures_to_svg(doc.figures()))
    png_t, _ = clock(lambda: html_pdf.figures_to_png(doc.figures()))
    html = html_pdf.render_html(doc, svgs=svgs)
    print_t, _ = clock(lambda: html_pdf.html_to_pdf(html))
    print(f"warm PDF  {statistics.median(pdf_times):.2f} s median of {runs} (charts SVG {svg_t:.2f} s, one printing "
          f"{print_t:.2f} s, printed twice for the contents); {pdf_pages(pdf)} pages, {len(pdf) / 1e3:.0f} kB")
    print(f"warm DOCX {statistics.median(docx_times):.2f} s median of {runs} (charts PNG {png_t:.2f} s); "
          f"{len(docx) / 1e3:.0f} kB")

    results: list[float] = []

    def one():
        results.append(clock(lambda: html_pdf.render_pdf(doc))[0])

    t = time.perf_counter()
    threads = [threading.Thread(target=one) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(f"two PDFs at once: {time.perf_counter() - t:.2f} s wall ({', '.join(f'{r:.2f}' for r in results)} s each)")

    if compare:
        _compare(doc, html, runs)


def _compare(doc, html: str, runs: int) -> None:
    tmp = Path(tempfile.mkdtemp())
    page = tmp / "report.html"
    page.write_text(html, encoding="utf-8")
    times = []
    for _ in range(runs):
        t, _ = clock(lambda: subprocess.run(
            [browser_path(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={tmp / 'sub.pdf'}", page.as_uri()], capture_output=True, check=True))
        times.append(t)
    size = (tmp / "sub.pdf").stat().st_size
    print(f"alternative: chromium --print-to-pdf subprocess {statistics.median(times):.2f} s per printing "
          f"(a browser start each time; no waiting on fonts; no tags, no outline), {size / 1e3:.0f} kB")
    t, untagged = clock(lambda: html_pdf.html_to_pdf(html, tagged=False, outline=False))
    print(f"alternative: untagged CDP printing {t:.2f} s, {len(untagged) / 1e3:.0f} kB")
    try:
        import kaleido
        import plotly.io as pio

        os.environ.setdefault("BROWSER_PATH", browser_path())
        figs = [f.figure for f in doc.figures()]
        t0 = time.perf_counter()
        kaleido.start_sync_server(silence_warnings=True)
        try:
            t1 = time.perf_counter()
            for f in figs:
                pio.to_image(f, format="svg", width=605, height=302)
            t2 = time.perf_counter()
        finally:
            kaleido.stop_sync_server(silence_warnings=True)
        print(f"alternative: kaleido {len(figs)} SVGs {t2 - t1:.2f} s + start {t1 - t0:.2f} s "
              "(its own browser; fonts there are the system's, not the report's Sarabun)")
    except Exception as exc:  # a comparison only
        print(f"alternative: kaleido failed: {exc}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 3, compare="--compare" in sys.argv)

"""The Thai UI speaks Thai: every page a viewer or an analyst reads, run with the demo data in Thai,
shows no English word, code or machine value outside a short allow-list (file formats, the office's
own acronyms in its plan and project texts, codes, file names, user names)."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.shown_tables import static_tables
from tracker import store

#: pages checked: every page a council member, an executive, an analyst or an administrator reads
PAGES = ["overview", "goal", "plan", "indicators", "projects", "budget", "method", "meeting", "reports",
         "me_report", "history", "revisions", "upload", "plan_import", "locks", "admin_users", "audit"]
#: Latin words the office itself uses in Thai text: file formats, the hash column, formula names
ALLOWED = {"CSV", "Excel", "PDF", "Word", "DOCX", "XLSX", "XLS", "TSV", "TXT", "ZIP", "PPTX", "PowerPoint", "SHA",
           "MB", "SQLite", "min", "max"}
LATIN = re.compile(r"[A-Za-z]{2,}")
#: what is not words: Markdown directives (:red[...], :orange-badge[...], :material/icon:), code spans,
#: HTML tags, file names, hashes, codes such as G1-I01 or P-2569-014
NOT_WORDS = re.compile(r":material/[a-z_]+:|:[a-z-]+\[|`[^`]*`|<[^>]+>|\S*\.(?:csv|xlsx?|txt|tsv|db|yaml)\b|\S*/\S*|\b[0-9a-f]{16,}\b"
                       r"|\b[A-Z]{1,4}\d*(?:-[A-Z]*\d+)+\b")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory, template_db):
    from tracker import demo

    path = tmp_path_factory.mktemp("demo") / "tracker.db"
    shutil.copyfile(template_db, path)
    conn = store.connect(path)
    demo.load_demo(conn)
    conn.close()
    return path


def shown_texts(at) -> list[str]:
    """Every text AppTest sees on the page: Markdown, captions, titles, alerts, metrics, labels and
    options of inputs, the visible columns of tables (heading and cells)."""
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "success", "error",
                 "text"):
        out += [str(e.value) for e in at.get(kind)]
    out += [str(e.label) for kind in ("expander", "tab") for e in at.get(kind)]
    out += [f"{m.label} {m.value} {m.delta or ''}" for m in at.metric]
    for e in at.dataframe:
        df = e.value
        config = json.loads(e.proto.columns or "{}")        # column_config: headings shown, columns hidden
        order = [c for c in e.proto.column_order if c in df.columns] or list(df.columns)
        order = [c for c in order if not (config.get(str(c)) or {}).get("hidden")]
        df = df[[c for c in order if df[c].dtype != bool]]      # a flag is drawn as a tick box, not a word
        out += [" ".join((config.get(str(c)) or {}).get("label") or str(c) for c in df.columns),
                df.astype(str).to_csv(index=False, header=False)]
    for df in static_tables(at):                            # a static table shows every column it has
        out += [" ".join(map(str, df.columns)), df.to_csv(index=False, header=False)]
    for kind in ("button", "selectbox", "multiselect", "radio", "checkbox", "text_input", "number_input",
                 "toggle", "download_button"):
        for e in at.get(kind):
            out.append(str(getattr(e, "label", "")))
            out += [str(getattr(e, "help", "") or "")]
            if kind in ("selectbox", "multiselect", "radio"):
                out += [str(o) for o in e.options]
    return out


def office_words(path) -> set[str]:
    """Latin words of the office's own Thai texts (acronyms in indicator and project names such as LTC,
    GAP/PGS, ITA) and of user names: data, not UI."""
    conn = store.connect(path)
    try:
        texts = [*store.indicators(conn)["name_th"], *conn.execute("select name_th from projects").fetchall(),
                 *[f"{u} {d}" for u, d in conn.execute("select username, display_name from users").fetchall()]]
    finally:
        conn.close()
    return {w for t in texts for w in LATIN.findall(str(t))}


@pytest.mark.parametrize("page", PAGES)
def test_the_thai_ui_shows_no_english_words(app, db_file, demo_template, page):
    shutil.copyfile(demo_template, db_file)
    at = app(lang="th", fy=2569, q=4, page=f"pages/{page}.py")
    assert not at.exception, at.exception
    allowed = ALLOWED | office_words(db_file)
    leaks = {}
    for text in shown_texts(at):
        for word in LATIN.findall(NOT_WORDS.sub(" ", text)):
            if word not in allowed:
                leaks.setdefault(word, text[:160])
    assert not leaks, f"{page}: English in the Thai UI: " + "; ".join(f"{w!r} in {t!r}" for w, t in leaks.items())

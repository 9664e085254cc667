"""The shared frame every page uses: language, chosen period, database, cached reads, banners."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import contextvars
import hashlib
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import streamlit as st

from tracker import periods, settings, store, thai
from tracker.errors import TrackerError
from tracker.i18n import t as _t
from tracker.plan import Plan, PlanError, default_plan
from tracker.rollup import shared as rollup_shared

BANGKOK = periods.BANGKOK
#: the page icon, a file of the app (served by Streamlit itself: nothing is fetched from the internet)
ICON = str(settings.ROOT / "static" / "icon.png")


def require_router() -> None:
    """First line of ``dashboard.py`` and of every page: leave a legacy ``pages/`` run, rerun through the router.

    Started through the launcher (``streamlit run app.py``) the legacy mode is off before any session
    exists (see ``app.py``) and this does nothing. Started as ``streamlit run dashboard.py`` (or by
    AppTest), Streamlit switches its legacy multipage mode on for the process until the first
    ``st.navigation`` call, and a session's first run then executes ``dashboard.py`` or a page of
    ``pages/`` *as a legacy page*, outside the router: the frame's widgets would get other ids on the
    next run (the year falling back to the first one, issue #11) and a deep link would run its page
    without the frame. The check is per session, not per process: in a legacy run Streamlit has
    registered the entry script itself as a page and runs it under that page's hash, which the router
    never does, so a session that started that way reruns itself even when another session already
    switched the process-wide flag off. The architecture test checks every page calls it.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

    ctx = get_script_run_ctx()
    if ctx is None:
        return
    pm = ctx.pages_manager
    main = Path(pm.main_script_path).resolve()
    legacy_registry = any(info.get("script_path") and Path(info["script_path"]).resolve() == main
                          for info in pm.get_pages().values())
    nested = ThreadState.get().active_script_hash != pm.main_script_hash
    if (legacy_registry and nested) or PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def url_state(key: str, options: list, default) -> None:
    """Keep a frame choice (``st.session_state[key]``, the value of the widget with that key) and the
    URL's ``?key=`` the same, before the widget is drawn.

    The URL wins when it names a valid option (a deep link, a bookmark, F5: a new session); otherwise this
    tab's choice (or ``default``) is written to the URL: Streamlit clears the query string on a page
    switch, and a link shared from any page must carry the view. A widget's change writes the URL first
    (:func:`to_url`, its ``on_change``), so the URL never undoes it. The URL holds the plain value
    (``fy=2569``), not the label, so a link works in either language. ``default`` may be a function
    without arguments, called only when neither the URL nor this tab names a valid option (the router's
    opening quarter reads every year's figures: a tab that already shows a quarter never pays for it).
    """
    raw = st.query_params.get(key)
    by_text = {str(o): o for o in options}
    if raw in by_text:
        st.session_state[key] = by_text[raw]
    elif st.session_state.get(key) not in options:
        st.session_state[key] = default() if callable(default) else default
    if raw != str(st.session_state[key]):
        st.query_params[key] = str(st.session_state[key])


def to_url(key: str) -> None:
    """``on_change`` of a frame widget: its new value into the URL (see :func:`url_state`)."""
    st.query_params[key] = str(st.session_state[key])


def lang() -> str:
    """The chosen language, 'th' (default) or 'en'."""
    return "en" if st.session_state.get("lang") == "en" else "th"


def t(key: str, **values) -> str:
    """Catalog string in the chosen language."""
    return _t(key, lang(), **values)


def db_path() -> str:
    return str(settings.path("db"))


#: glibc's ``mallopt`` parameter: blocks at least this large get their own mapping (128 KiB, its default)
_M_MMAP_THRESHOLD, _MMAP_THRESHOLD = -3, 128 * 1024


@st.cache_resource(show_spinner=False)
def _allocators() -> bool:
    """Let the server give freed memory back to the system (once per process, before the first read).

    The frames of a province's figures are built and dropped by the megabyte on every cache miss. glibc
    raises its mmap threshold after the first large free, so later large arrays are carved from the heap,
    and a heap freed in the middle is kept; pyarrow's own pool (mimalloc) keeps freed text buffers too.
    A fixed threshold (glibc's default, no longer raised) maps every array of 128 KiB or more on its own
    and unmaps it when freed, and Arrow's buffers (pandas' text columns) use the system allocator: ten
    sessions at province size held about 80 MB less (the benchmark's memory part)."""
    import ctypes
    import platform

    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())
    if platform.libc_ver()[0] == "glibc":
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
    return True


@st.cache_resource(show_spinner=False)
def _ready(path: str, plan_sha: str) -> bool:
    """Create/migrate the database and load the plan once per process (per path and plan version)."""
    _allocators()
    db = store.open_db(path, plan())
    db.close()
    return True


def plan() -> Plan:
    """The plan file; a broken one stops the page with a message saying what to fix (no traceback)."""
    try:
        return default_plan()
    except PlanError as exc:
        operator_stop(exc)


def operator_stop(exc: TrackerError) -> None:
    """Stop the page with a message for whoever runs the server (a broken plan file, a read-only, full
    or damaged database): what happened and what to run, in the chosen language."""
    st.error(plain(exc.message(lang())), icon=":material/report:")
    st.stop()


@contextlib.contextmanager
def database_problems() -> Iterator[None]:
    """Turn a database driver error inside the block into :func:`operator_stop`'s message."""
    try:
        yield
    except store.SQLITE_ERRORS as exc:
        operator_stop(store.explain(exc, db_path()))


@contextlib.contextmanager
def db() -> Iterator[store.Database]:
    """``with ui.db() as conn:`` a connection for this script run, closed after the block.

    A fresh one each time: sqlite3 connections are bound to their thread and reruns run in others.
    The database is created or migrated, and the plan loaded, once per process. A read-only, full or
    damaged database stops the page with a message (:func:`operator_stop`), never a traceback.
    """
    with database_problems():
        _ready(db_path(), plan().sha256)
        conn = store.connect(db_path())
    with database_problems():
        try:
            yield conn
        finally:
            conn.close()


@st.cache_resource(show_spinner=False, max_entries=512)
def _cached_call(name: str, path: str, rev: tuple, args: tuple, kwargs: tuple, _func=None, _conn=None):
    if _conn is not None:             # the run's read snapshot (:func:`one_revision`)
        return _func(_conn, *args, **dict(kwargs))
    conn = store.connect(path)
    try:
        with store.reading(conn):     # every read of one call sees one state of the database
            # the rollup's tables of this state are shared with the page's view of it (the router's
            # opening quarter, read before the page runs, no longer reads and computes them again)
            with rollup_shared.view((path, store.revision(conn)), conn):
                return _func(conn, *args, **dict(kwargs))
    finally:
        conn.close()


#: the read snapshot of the script run in progress: (connection in a read transaction, its revision)
_SNAPSHOT: contextvars.ContextVar[tuple | None] = contextvars.ContextVar("tracker_snapshot", default=None)


@contextlib.contextmanager
def one_revision() -> Iterator[int]:
    """Every :func:`load` inside reads one state of the database: one read transaction for the run.

    The router runs the page inside it, so a batch committed while a page is drawn is either wholly
    in every figure of that page or in none (no page mixes totals from before and after a batch), and
    cache entries are keyed by the revision that snapshot really shows. Inside, the rollup computes
    each table once for that revision (:func:`tracker.rollup.shared.view`), shared by the page's
    sections and by other sessions. Writes use their own
    connection (:func:`db`), never this one. Yields the revision.
    """
    if _SNAPSHOT.get() is not None:
        yield _SNAPSHOT.get()[1]
        return
    with database_problems():
        _ready(db_path(), plan().sha256)
        conn = store.connect(db_path())
    with database_problems():
        try:
            with store.reading(conn):
                rev = store.revision(conn)
                token = _SNAPSHOT.set((conn, rev))
                try:
                    with rollup_shared.view((db_path(), rev), conn):   # each table once per data revision
                        yield rev
                finally:
                    _SNAPSHOT.reset(token)
        finally:
            conn.close()


def load(func, *args, **kwargs):
    """Call ``func(db, *args, **kwargs)`` through the cache.

    The cache key includes the data revision, so any committed write (from a page or the command
    line) makes the next read fresh; pages also call :func:`after_write` to drop old entries. Inside
    :func:`one_revision` (every page run by the router) all reads share the run's snapshot. The key
    includes today's date too: figures depend on it (which quarters have begun, which years are closed).
    Results are kept once for every session (a resource, not a pickled copy per call: ten sessions at
    50x data held 30 MB less); each caller gets its own copy (:func:`_own`), a frame's for free.
    """
    name = f"{func.__module__}.{func.__qualname__}"
    pinned = _SNAPSHOT.get()
    today = periods.today().isoformat()
    with database_problems():
        if pinned is not None:
            conn, rev = pinned
            return _own(_cached_call(name, db_path(), (rev, today), tuple(args), tuple(sorted(kwargs.items())),
                                     _func=func, _conn=conn))
        with db() as conn:
            rev = store.revision(conn)
        return _own(_cached_call(name, db_path(), (rev, today), tuple(args), tuple(sorted(kwargs.items())), _func=func))


def _own(value):
    """What a caller gets of a result every session shares: a frame as a shallow copy (pandas'
    copy-on-write: changing it changes nothing shared, and nothing is copied until then); a model (a
    dataclass instance, such as the report model of the meeting page) the shared one itself, since
    pages only read models (deep-copying the report at 50x data cost 0.1 s on every rerun; a test
    checks that drawing every slide leaves the model as built); anything else (dicts, lists)
    deep-copied."""
    if isinstance(value, pd.DataFrame):
        return value.copy(deep=False)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value
    return copy.deepcopy(value)


@st.cache_resource(show_spinner=False, max_entries=256)
def _cached_figure(name: str, key, _args: tuple = (), _kwargs: tuple = (), _builder=None):
    return _builder(*_args, **dict(_kwargs))


def _fingerprint(args: tuple, kwargs: tuple):
    """An exact key of a builder's inputs: the digest of their pickle (content, dtypes and index of every
    frame; equal bytes only for equal inputs). Streamlit's own hashing of data frames (a hash per cell,
    column by column) took a quarter of the goal page's run, warm runs included. Inputs that cannot be
    pickled are keyed as before, by Streamlit's hashing of the inputs themselves."""
    try:
        return "pickle:" + hashlib.blake2b(pickle.dumps((args, kwargs), protocol=5), digest_size=20).hexdigest()
    except Exception:       # noqa: BLE001 - any unpicklable input: Streamlit hashes it as before
        return (args, kwargs)


def figure(builder, *args, **kwargs):
    """``builder(*args, **kwargs)`` (a chart builder of ``tracker.charts``), built once per distinct input.

    Building a Plotly figure validates every property and costs 50–150 ms; builders are pure
    functions of their arguments (data frames, language, thresholds), so the figure is kept and
    shared. ``st.plotly_chart`` only reads it. Keyed on the arguments' content, so new data means
    a new figure.
    """
    name = f"{builder.__module__}.{builder.__qualname__}"
    args, kwargs = tuple(args), tuple(sorted(kwargs.items()))
    return _cached_figure(name, _fingerprint(args, kwargs), _args=args, _kwargs=kwargs, _builder=builder)


def after_write() -> None:
    """Clear cached reads (and the tables of :mod:`tracker.rollup.shared`) after any write."""
    _cached_call.clear()
    rollup_shared.clear()


def write(action, *args, **kwargs) -> tuple[bool, object]:
    """Run the package write ``action(conn, *args, **kwargs)`` (it checks the role itself).

    Returns ``(True, result)`` and clears cached reads; when the action is refused (any
    :class:`tracker.errors.TrackerError`) shows why, in the chosen language, and returns ``(False, None)``.
    """
    with db() as conn:
        try:
            result = action(conn, *args, **kwargs)
        except TrackerError as exc:
            refusal(exc)
            return False, None
    after_write()
    return True, result


def period() -> tuple[int, int]:
    """The chosen (fiscal_year, quarter)."""
    return int(st.session_state["fy"]), int(st.session_state["q"])


def fy_label(fy: int) -> str:
    return periods.fy_label(fy, lang())


def when_label(iso_utc: str | None) -> str:
    """UTC ISO time -> local Bangkok date and time in the chosen language (Buddhist Era in Thai); a dash
    for none (also a table's missing value)."""
    return periods.datetime_label(iso_utc if isinstance(iso_utc, str) else None, lang())


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: str) -> str:
    """``text`` with Markdown escaped, so names typed by users (files, sheets, notes) show literally."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def words(text: str) -> str:
    """``text`` (a name, a label, a table cell) as Markdown that shows it literally (:func:`plain`) and
    that the browser breaks only between Thai words, never inside one (:func:`tracker.thai.locked_breaks`:
    Chromium's own dictionary splits compounds such as "ข้อ|บัญญัติ")."""
    return plain(thai.locked_breaks(str(text)))


def prose(markdown: str) -> str:
    """Markdown of ours (a catalog text with bold, lists, code) that the browser breaks only between Thai
    words; its Markdown marks stay as written (``locked_breaks(markdown=True)``)."""
    return thai.locked_breaks(str(markdown), markdown=True)


def refusal(exc: TrackerError, icon: str = ":material/block:") -> None:
    """Show a refused action (any :class:`tracker.errors.TrackerError`) in the chosen language.

    The one way pages show refusals; the command line prints the same ``exc.message(lang)``."""
    st.error(plain(exc.message(lang())), icon=icon)


def demo_banner(is_demo: bool) -> None:
    if is_demo:
        st.warning(t("demo.banner"), icon=":material/science:")


def page_header(title_key: str, **values) -> None:
    """Title plus the chosen period, the same on every page; and the warning about bad stored numbers."""
    fy, q = period()
    st.title(t(title_key, **values))
    st.caption(f"{fy_label(fy)} · {periods.quarter_label(q, lang(), fy)} · {t('sidebar.period_help')}")
    stored_value_warning()


def stored_value_warning() -> None:
    """Say which stored numbers are implausible (1e308, a negative budget...) and left out of every figure.

    They can only come from before the upload checks existed, a restored file or a hand edit; the store's
    reads already treat them as missing (:func:`tracker.store.reads.screen`), so no page can crash on them."""
    from tracker.ingest.contract import KINDS

    bad = load(store.implausible_values)
    if bad.empty:
        return
    lg = lang()

    def label(table: str, col: str) -> str:
        c = next((c for c in KINDS[table].columns if c.store_name == col), None)
        return col if c is None else (c.th if lg == "th" else c.name)

    items = [t("stored.item", code=r.code, fy=int(r.fiscal_year),
               quarter="" if r.quarter is None or r.quarter != r.quarter else f"-Q{int(r.quarter)}",
               column=label(r.table_name, r.column), value=f"{r.value:.6g}",
               batch="-" if r.batch_id is None or r.batch_id != r.batch_id else int(r.batch_id))
             for r in bad.head(5).itertuples(index=False)]
    st.warning(plain(t("stored.implausible", n=len(bad), items="; ".join(items) + (" …" if len(bad) > 5 else ""))),
               icon=":material/warning:")


def current_username() -> str:
    """The user name recorded on imports and rollbacks: the signed-in user, else "local-user"."""
    return str(st.session_state.get("username") or "local-user")

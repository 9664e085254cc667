"""A view's tables computed once: inside :func:`view`, the rollup's loaders read the database once
and compute each table (a year's project table, an indicator table, the history) once, shared by
every section of the page, by the reports, and by every other view of the same database state.

The UI opens a view for each page run, on a read snapshot of the database at one data revision
(``tracker.ui.frame.one_revision``): the key is that state (the file and its revision), so what is
kept can never be older than what the page would read. Outside a view (the command line, tests, a
write) every call computes afresh, as before. Frames handed out are shallow copies (pandas'
copy-on-write): a caller changing its copy changes nothing kept here.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator

import pandas as pd

#: database states kept (the latest revisions: a page being drawn while a batch lands keeps its own)
KEEP = 2

_STATES: OrderedDict[Hashable, dict] = OrderedDict()
_LOCK = threading.Lock()
#: the view in progress: (its tables, the connection it reads)
_ACTIVE: contextvars.ContextVar[tuple | None] = contextvars.ContextVar("tracker_rollup_view", default=None)


@contextlib.contextmanager
def view(state: Hashable, db) -> Iterator[None]:
    """Share the tables of ``db`` inside the block among every view of the same ``state`` (any hashable
    naming one unchanging state of the database, such as its path and data revision). The caller
    vouches that ``db`` does not change under that key (its reads happen in one read transaction).
    Calls on another database inside the block (a pinned snapshot's file) are computed as usual."""
    with _LOCK:
        memo = _STATES.get(state)
        if memo is None:
            memo = _STATES[state] = {}
            while len(_STATES) > KEEP:
                _STATES.popitem(last=False)
        else:
            _STATES.move_to_end(state)
    token = _ACTIVE.set((memo, db))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def clear() -> None:
    """Forget every kept table (after a write; the benchmark's cache miss)."""
    with _LOCK:
        _STATES.clear()


def active(db) -> bool:
    """True inside a view of ``db``."""
    current = _ACTIVE.get()
    return current is not None and current[1] is db


def _out(value):
    return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value


def _memo() -> dict | None:
    current = _ACTIVE.get()
    return None if current is None else current[0]


def once(key: Hashable, compute: Callable[[], object]):
    """``compute()`` once per view state and ``key``; outside a view, every time."""
    memo = _memo()
    if memo is None:
        return compute()
    try:
        return _out(memo[key])
    except KeyError:
        pass
    return _out(memo.setdefault(key, compute()))     # two sessions computing at once: the first one kept


def of(data, key: Hashable, compute: Callable[[], object]):
    """``compute()`` once per view for tables of ``data`` (an :class:`~tracker.rollup.inputs.Inputs`):
    shared only when ``data`` is the view's own inputs (:func:`inputs`), else computed."""
    memo = _memo()
    if memo is None or memo.get("inputs") is not data:
        return compute()
    return once(key, compute)


def inputs(db, compute: Callable[[], object]):
    """The view's :class:`~tracker.rollup.inputs.Inputs` (every year) when inside a view of ``db``,
    read once; else ``compute()``."""
    return once("inputs", compute) if active(db) else compute()


def on_view(read: Callable) -> Callable:
    """``read(db, *args)`` as a function of ``*args`` that reads through the connection of the view of this
    state running when it is called (a view's inputs read a year when a figure first needs it, perhaps in
    another session's run: every view of one state sees the same database state). Called outside a view of
    this state it raises ``RuntimeError`` (a view's inputs never leave their views)."""
    memo = _memo()

    def call(*args):
        current = _ACTIVE.get()
        if memo is None or current is None or current[0] is not memo:
            raise RuntimeError("the view's inputs were read outside a view of their database state")
        return read(current[1], *args)
    return call


def settings_key(th: dict) -> str:
    """A hashable form of the method's settings (a nested dict) for keys."""
    return json.dumps(th, sort_keys=True, default=str)

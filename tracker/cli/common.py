"""What every subcommand shares: the common options, the acting user, plain-text tables."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import re
from collections.abc import Iterator

import pandas as pd

from tracker import settings, store
from tracker.auth.users import CLI_PREFIX
from tracker.i18n import LANGS, t


def parents() -> dict[str, argparse.ArgumentParser]:
    """Parent parsers: ``db`` (``--db`` and ``--lang``, every command) and ``actor`` (also ``--user``)."""
    base = argparse.ArgumentParser(add_help=False)
    base.add_argument("--db", metavar="PATH", default=None,
                      help="database file (default: the TRACKER_DB setting, data/tracker.db)")
    base.add_argument("--lang", choices=LANGS, default="th", help="language of messages (default th)")
    actor_ = argparse.ArgumentParser(add_help=False, parents=[base])
    actor_.add_argument("--user", metavar="NAME", default=None,
                        help="who does it, recorded as cli:NAME (default: TRACKER_USER, else the login name)")
    return {"db": base, "actor": actor_}


@contextlib.contextmanager
def opened(args) -> Iterator[store.Database]:
    """The database of ``--db`` (default: the ``db`` setting), migrated and with the plan loaded; closed after."""
    db = store.open_db(args.db)
    try:
        yield db
    finally:
        db.close()


def os_user() -> str:
    """The operating-system account running the command, from the process's user id (not from
    ``LOGNAME``/``USER``, which anyone can set)."""
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError, OSError):
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"


def _note(text: str) -> str:
    """``--user`` as a note: letters, digits and ``. _ -`` only, at most 32 (no line breaks, Markdown
    or terminal codes into the audit log)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "", str(text))[:32]


def actor(args) -> str:
    """The acting user of a command: ``cli:<operating-system user>``, with ``/<note>`` when ``--user``
    (else the ``user`` setting, ``TRACKER_USER``) names someone: the note says on whose behalf, it
    never makes the command act as that account (an account's password is asked where it matters:
    ``unlock``)."""
    note = _note(getattr(args, "user", None) or settings.get("user") or "")
    who = CLI_PREFIX + _note(os_user())
    return f"{who}/{note}" if note else who


def print_rows(df: pd.DataFrame, lang: str, none_key: str, line, **values) -> int:
    """One line per row of ``df`` (``line(row)``), or the catalog's ``none_key`` message when there are none."""
    if df.empty:
        print(t(none_key, lang, **values))
    for r in df.itertuples(index=False):
        print(line(r))
    return 0


def text_table(df: pd.DataFrame, cols: list[str], width: int = 40) -> str:
    """Columns ``cols`` of ``df`` as an aligned plain-text table; every column but the last (the
    message) is cut at ``width`` characters, the last printed whole."""
    if df.empty:
        return ""
    cells = df[cols].astype(object).where(df[cols].notna(), "").astype(str)
    widths = {c: min(max(len(c), *(len(v) for v in cells[c])), width) for c in cols}
    last = cols[-1]

    def fit(c, v):
        return v if c == last else v[:width].ljust(widths[c])

    line = "  ".join(fit(c, c) for c in cols)
    rows = ["  ".join(fit(c, v) for c, v in zip(cols, r)) for r in cells.itertuples(index=False)]
    return "\n".join([line, "  ".join("-" * widths[c] for c in cols), *rows])

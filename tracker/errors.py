"""The one error base: every refusal a user can see is a :class:`TrackerError`.

An error is data, not text: a catalog ``key`` (:mod:`tracker.i18n`) and the ``values`` of its
placeholders. It is rendered the same way everywhere, in the user's language: a page shows it
with ``ui.refusal(exc)``, the command line prints it in ``--lang`` and exits 1, and ``str(exc)``
is the English message (for logs). Library code raises these and never prints.

Each area derives its own class (``AuthError``, ``LockError``, ``BackupError``, ``SnapshotError``,
``ImportRejected``, ``RollbackRefused``, ``PlanError``) so that callers can tell them apart; a
caller that only shows the refusal catches :class:`TrackerError`.
"""

from __future__ import annotations

from tracker.i18n import DEFAULT_LANG, t


class TrackerError(Exception):
    """A refused action: ``key`` is an i18n key, ``values`` fill its ``{placeholders}``."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(self.message("en"))

    @property
    def code(self) -> str:
        """The last part of the key (``history.refused.later_batch`` -> ``later_batch``): what went wrong."""
        return self.key.rsplit(".", 1)[-1]

    def localized_values(self, lang: str) -> dict:
        """The placeholder values in ``lang`` (subclasses translate codes such as a role name)."""
        return self.values

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """The message in ``lang`` ('th' or 'en')."""
        return t(self.key, lang, **self.localized_values(lang))

"""How browser tests get past sign-in (kept in one place so every browser test does it the same way)."""

from __future__ import annotations


def prepare(env: dict) -> None:
    """Create what sign-in needs in the served database (nothing while the app has no sign-in)."""


def sign_in(page, url: str) -> None:
    """Sign in through the form when the app shows one."""

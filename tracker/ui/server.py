"""What the launcher (``app.py``) adds to Streamlit's server: its HTTP routes and a warm-up at start.

No page code runs here; these run in the server process, outside any browser session.
"""

from __future__ import annotations

import contextlib
import threading

#: set by ``app.py``: the dashboard was started through the launcher (its routes exist)
INSTALLED = False


def warm() -> None:
    """Do at start what the first page view would otherwise wait for: import the figure and report
    code (pandas, Plotly), load the Thai word segmenter with the plan's labels (about 0.7 s), build
    one chart so Plotly's validators are loaded."""
    from tracker import charts, rollup, thai  # noqa: F401  (imports are the point)
    from tracker.plan import default_plan

    plan = default_plan()
    labels = [g.short.get(lang) for g in plan.goals.values() for lang in ("th", "en")]
    labels += [i.name.get("th") for i in plan.indicators.values()]
    thai.warm(labels)
    charts.empty("", "th")


@contextlib.asynccontextmanager
async def lifespan(app):
    """Start :func:`warm` in a background thread; the server answers at once."""
    threading.Thread(target=_warm_quietly, name="tracker-warm", daemon=True).start()
    yield


def _warm_quietly() -> None:
    with contextlib.suppress(Exception):    # a failed warm-up only means a slower first page
        warm()


def routes() -> list:
    """The launcher's HTTP routes (Starlette), under Streamlit's base path."""
    return []

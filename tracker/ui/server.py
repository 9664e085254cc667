"""What the launcher (``app.py``) adds to Streamlit's server: the session-cookie routes and a warm-up.

These run in the server process, outside any browser session:

- ``POST <base>/auth/session`` (form field ``code``): exchanges a sign-in's one-time code
  (:func:`tracker.auth.sessions.redeem`) for the session cookie: ``HttpOnly`` (no script in the page
  can read it), ``SameSite=Strict``, ``Path=<base>/``, ``Secure`` behind HTTPS, ``Max-Age`` = what is
  left of the session. The page posts it right after the sign-in; the token never appears in the page.
- ``POST <base>/auth/signout``: ends the cookie's session (if still live) and deletes the cookie.

Both answer only requests made by the app's own pages (``Sec-Fetch-Site: same-origin``, or an
``Origin`` naming the host for browsers without it), so another site cannot sign a visitor in or out.
Streamlit reads the cookie back on every script run (``st.context.cookies``, :mod:`tracker.ui.auth`).
"""

from __future__ import annotations

import contextlib
import threading

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from streamlit import config

from tracker import settings, store
from tracker.auth import sessions

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


def base_path() -> str:
    """Streamlit's ``server.baseUrlPath`` as ``""`` or ``"/dash"`` (user routes are not prefixed for us)."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def _same_origin(request: Request) -> bool:
    """Sent by one of the app's own pages? Browsers set ``Sec-Fetch-Site`` themselves (a script cannot);
    without it the ``Origin`` must name the host the request came to."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("origin")
    host = request.headers.get("x-forwarded-host") or request.headers.get("host")
    return origin is not None and origin.split("://", 1)[-1] == host


def _secure(request: Request) -> bool:
    return (request.headers.get("x-forwarded-proto") or request.url.scheme) == "https"


def _with_db(func, *args):
    db = store.connect(settings.path("db"))
    try:
        return func(db, *args)
    finally:
        db.close()


_NO_STORE = {"Cache-Control": "no-store"}


async def _session(request: Request) -> Response:
    if not _same_origin(request):
        return Response(status_code=403, headers=_NO_STORE)
    code = str((await request.form()).get("code", ""))
    found = await run_in_threadpool(_with_db, lambda db, c: sessions.redeem(db, c), code)
    if found is None:
        return Response(status_code=400, headers=_NO_STORE)
    token, seconds = found
    resp = Response(status_code=204, headers=_NO_STORE)
    resp.set_cookie(sessions.COOKIE, token, max_age=seconds, path=base_path() + "/", httponly=True,
                    samesite="strict", secure=_secure(request))
    return resp


async def _signout(request: Request) -> Response:
    if not _same_origin(request):
        return Response(status_code=403, headers=_NO_STORE)
    token = request.cookies.get(sessions.COOKIE)
    if token:
        await run_in_threadpool(_with_db, lambda db, t: sessions.sign_out(db, token=t), token)
    resp = Response(status_code=204, headers=_NO_STORE)
    resp.delete_cookie(sessions.COOKIE, path=base_path() + "/", httponly=True, samesite="strict",
                       secure=_secure(request))
    return resp


SESSION_ROUTE, SIGNOUT_ROUTE = "/auth/session", "/auth/signout"


def routes() -> list[Route]:
    """The launcher's HTTP routes (Starlette), under Streamlit's base path."""
    base = base_path()
    return [Route(base + SESSION_ROUTE, _session, methods=["POST"]),
            Route(base + SIGNOUT_ROUTE, _signout, methods=["POST"])]

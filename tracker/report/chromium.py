"""Headless Chromium for the reports, kept warm: print HTML to PDF and draw Plotly charts (CDP).

Why Chromium: its print-to-PDF writes Thai text exactly as written into the PDF's text layer (copy,
search, screen readers), breaks Thai lines between words (ICU, ``lang="th"``), supports CSS paged
media (``@page`` sizes, margin boxes with ``counter(pages)``, repeated ``<thead>``) and tags the PDF.

How: Debian's ``/usr/bin/chromium`` (``BROWSER_PATH`` overrides, as for kaleido) is driven over the
DevTools protocol by *choreographer*, the driver kaleido already brings; nothing is downloaded. One
browser per process is started on first use and kept for :data:`IDLE_SECONDS` after the last job,
so a report after the first costs no start-up. It lives on a private event-loop thread; callers
from any thread submit jobs and wait with a timeout. Each job gets its own tab, so two reports made
at once run side by side (at most :data:`MAX_JOBS`). Chromium exits when the browser is closed
(idle, :func:`shutdown`, interpreter exit) and also when this process dies, because its DevTools
pipe closes; no process is left behind.

Pages get their HTML through ``Page.setDocumentContent`` (no temporary files) and their own
Content-Security-Policy, so nothing is fetched from any network.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
import concurrent.futures
import contextlib
import json
import logging
import os
import shutil
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

IDLE_SECONDS = 300.0     # close the warm browser after this long without a job
MAX_JOBS = 4             # tabs working at once; more wait their turn
START_TIMEOUT = 30.0     # seconds for the browser to start
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome")


class BrowserUnavailable(RuntimeError):
    """No Chromium could be started (not installed, or it failed to start)."""


class RenderTimeout(TimeoutError):
    """A browser job did not finish in time; its tab was closed."""


class PageError(RuntimeError):
    """Script in a page raised (for example Plotly refused a figure)."""


def browser_path() -> str:
    """Path of the Chromium to run: ``BROWSER_PATH`` if set, else the first found on ``PATH``."""
    path = os.environ.get("BROWSER_PATH") or next(filter(None, map(shutil.which, BROWSER_NAMES)), None)
    if not path or not os.access(path, os.X_OK):
        raise BrowserUnavailable("Chromium was not found: install the Debian package chromium "
                                 "(scripts/setup.sh does it) or set BROWSER_PATH")
    return path


class Tab:
    """One browser tab of a job: send DevTools commands, evaluate script, print, screenshot."""

    def __init__(self, target):
        self._t = target

    async def send(self, method: str, **params) -> dict:
        """A DevTools command; its ``result``, or :class:`PageError` with the protocol's message."""
        reply = await self._t.send_command(method, params=params or None)
        if "error" in reply:
            raise PageError(f"{method}: {reply['error'].get('message', reply['error'])}")
        return reply.get("result", {})

    async def set_content(self, html: str) -> None:
        """Replace the page's document with ``html``; returns once it is parsed."""
        frame = (await self.send("Page.getFrameTree"))["frameTree"]["frame"]["id"]
        await self.send("Page.setDocumentContent", frameId=frame, html=html)

    async def evaluate(self, expression: str) -> Any:
        """Value of ``expression`` (awaited if it is a promise), as JSON-compatible data."""
        result = await self.send("Runtime.evaluate", expression=expression, awaitPromise=True,
                                 returnByValue=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            message = details.get("exception", {}).get("description") or details.get("text")
            raise PageError(str(message).splitlines()[0])
        return result["result"].get("value")

    async def call(self, function: str, *args) -> Any:
        """``function(*args)`` in the page; arguments travel as JSON, never spliced into code."""
        return await self.evaluate(f"({function})(...{json.dumps(list(args), ensure_ascii=False)})")

    async def read_stream(self, handle: str) -> bytes:
        chunks = []
        while True:
            part = await self.send("IO.read", handle=handle, size=1 << 20)
            data = part.get("data", "")
            chunks.append(base64.b64decode(data) if part.get("base64Encoded") else data.encode("latin-1"))
            if part.get("eof"):
                break
        await self.send("IO.close", handle=handle)
        return b"".join(chunks)


class Chromium:
    """A warm headless Chromium shared by the threads of this process; see the module docstring."""

    def __init__(self, path: str | None = None, *, idle_seconds: float = IDLE_SECONDS, max_jobs: int = MAX_JOBS):
        self._path = path
        self.idle_seconds = idle_seconds
        self._max_jobs = max_jobs
        self._lock = threading.Lock()          # guards starting/stopping the loop thread
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        # touched only on the loop thread:
        self._browser = None
        self._opening: asyncio.Lock | None = None
        self._jobs: asyncio.Semaphore | None = None
        self._active = 0
        self._idle_timer: asyncio.TimerHandle | None = None
        self._stale = False                    # a job overran: restart the browser once idle
        self._keep: dict[str, Any] = {}        # long-lived tabs by name (e.g. the chart tab)
        self.launches = 0                      # how many browsers were started (for tests, benchmarks)

    # ------------------------------------------------------------------ public, any thread

    def run(self, job: Callable[[Tab], Awaitable[T]], *, timeout: float = 60.0) -> T:
        """Run ``job(tab)`` in a fresh tab; its result. The tab is closed afterwards, whatever happens.

        Raises :class:`RenderTimeout` after ``timeout`` seconds, :class:`BrowserUnavailable` when no
        browser starts, :class:`PageError` when script in the page fails."""
        return self._submit(self._in_new_tab(job), timeout)

    def run_in(self, name: str, setup: Callable[[Tab], Awaitable[None]], job: Callable[[Tab], Awaitable[T]],
               *, timeout: float = 60.0) -> T:
        """Run ``job(tab)`` in the long-lived tab ``name`` (made by ``setup(tab)`` on first use and kept
        with the browser); jobs in one such tab take turns."""
        return self._submit(self._in_kept_tab(name, setup, job), timeout)

    def prestart(self, name: str, setup: Callable[[Tab], Awaitable[None]]) -> None:
        """Start the browser and make the long-lived tab ``name`` in the background, without waiting: a
        command that builds its document meanwhile finds them ready. Any failure is left to the real job."""
        async def nothing(tab: Tab) -> None:
            return None

        future = asyncio.run_coroutine_threadsafe(self._in_kept_tab(name, setup, nothing), self._ensure_loop())
        future.add_done_callback(lambda f: f.cancelled() or f.exception())   # retrieved: never logged as lost

    def shutdown(self, timeout: float = 10.0) -> None:
        """Close the browser and stop the loop thread (the next job starts them again)."""
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is None:
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._close_browser(), loop).result(timeout)
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(timeout)

    @property
    def pid(self) -> int | None:
        """Process id of the running browser (its launcher), or None when none runs."""
        b = self._browser
        return b.subprocess.pid if b is not None and b.subprocess.poll() is None else None

    # ------------------------------------------------------------------ the loop thread

    def _submit(self, coro, timeout: float):
        loop = self._ensure_loop()
        future = asyncio.run_coroutine_threadsafe(coro, loop)
        try:
            return future.result(timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            loop.call_soon_threadsafe(self._mark_stale)
            raise RenderTimeout(f"the browser did not finish within {timeout:g} s") from None

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                ready = threading.Event()

                def serve():
                    asyncio.set_event_loop(loop)
                    self._opening, self._jobs = asyncio.Lock(), asyncio.Semaphore(self._max_jobs)
                    loop.call_soon(ready.set)
                    loop.run_forever()
                    loop.close()

                self._thread = threading.Thread(target=serve, name="report-chromium", daemon=True)
                self._thread.start()
                ready.wait()
                self._loop = loop
            return self._loop

    def _mark_stale(self) -> None:
        self._stale = True
        self._schedule_idle()

    async def _ensure_browser(self):
        async with self._opening:
            b = self._browser
            if b is not None and b.subprocess.poll() is None:
                return b
            if b is not None:                  # it died: forget it and start another
                await self._close_browser()
            import choreographer

            path = self._path or browser_path()
            try:
                b = choreographer.Browser(path=path, headless=True)
                await asyncio.wait_for(b.open(), START_TIMEOUT)
            except Exception as exc:
                with contextlib.suppress(Exception):
                    await b.close()
                raise BrowserUnavailable(f"Chromium ({path}) did not start: {exc}") from exc
            self._browser, self._stale = b, False
            self.launches += 1
            return b

    async def _close_browser(self) -> None:
        b, self._browser, self._keep = self._browser, None, {}
        if b is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(b.close(), 15)

    async def _job(self, body):
        async with self._jobs:
            self._active += 1
            if self._idle_timer is not None:
                self._idle_timer.cancel()
            try:
                browser = await self._ensure_browser()
                return await body(browser)
            finally:
                self._active -= 1
                self._schedule_idle()

    async def _in_new_tab(self, job):
        async def body(browser):
            target = await browser.create_tab("about:blank")
            try:
                return await job(Tab(target))
            finally:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(browser.close_tab(target), 10)
        return await self._job(body)

    async def _in_kept_tab(self, name, setup, job):
        async def body(browser):
            entry = self._keep.get(name)
            if entry is None:
                # registered before the first await, so a job arriving meanwhile (e.g. after prestart)
                # waits for this tab's setup instead of making a second tab
                entry = self._keep[name] = [None, asyncio.Lock()]
                async with entry[1]:
                    try:
                        target = await browser.create_tab("about:blank")
                        tab = Tab(target)
                        await setup(tab)
                        entry[0] = tab
                    except BaseException:
                        self._keep.pop(name, None)
                        with contextlib.suppress(Exception):
                            await browser.close_tab(target)
                        raise
            async with entry[1]:
                if entry[0] is None:
                    raise PageError(f"the {name} tab could not be set up")
                return await job(entry[0])
        return await self._job(body)

    def _schedule_idle(self) -> None:
        if self._active or self._loop is None:
            return
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        delay = 0 if self._stale else self.idle_seconds
        self._idle_timer = self._loop.call_later(delay, lambda: asyncio.ensure_future(self._close_if_idle()))

    async def _close_if_idle(self) -> None:
        if not self._active:
            await self._close_browser()


_shared: Chromium | None = None
_shared_lock = threading.Lock()


def shared() -> Chromium:
    """The process-wide warm browser (closed at interpreter exit)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Chromium()
            atexit.register(_shared.shutdown)
        return _shared


def _forget_after_fork() -> None:
    # a forked child must not drive its parent's browser (the pipes and the loop thread are the
    # parent's): it starts its own on first use
    global _shared, _shared_lock
    _shared, _shared_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)

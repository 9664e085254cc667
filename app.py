"""Launcher: ``streamlit run app.py`` serves the dashboard (``dashboard.py``) through Streamlit's own
server, with what the launcher adds to it (:mod:`tracker.ui.server`): the session-cookie routes and a
warm-up at start.

Why a launcher (issue #11, "the meeting-room screen shows the wrong year after a restart"): Streamlit
decides once per process, when the first browser session starts, whether the app uses the legacy
``pages/`` folder mode (``PagesManager.uses_pages_directory``, from "is there a pages/ folder beside the
entry script"). In that mode a session's first run executes ``dashboard.py`` (or a page of ``pages/``)
as a legacy page, outside the router, and the frame's widgets get other ids on the next run: the year
and quarter fall back to their first options. ``pages/`` is the user's layout, so it stays; this module
is imported before any session exists and sets the flag to what ``st.navigation`` itself sets. Started
as ``streamlit run dashboard.py`` instead, :func:`tracker.ui.frame.require_router` catches such a run
per session and reruns it through the router.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from tracker.ui import server

PagesManager.uses_pages_directory = False
server.INSTALLED = True
app = st.App("dashboard.py", routes=server.routes(), lifespan=server.lifespan)

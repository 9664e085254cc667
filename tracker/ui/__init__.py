"""Streamlit glue: the only package besides ``pages/`` and ``dashboard.py`` that imports streamlit.

- ``frame`` — the shared frame: language, chosen period, ``with ui.db() as conn``, cached reads
  (``ui.load``), writes with their refusals shown (``ui.write``, ``ui.refusal``), banners, and the router
  workaround (``ui.require_router``, explained there);
- ``components`` — drawing helpers shared by pages: tables of :class:`tracker.tables.Column`, KPI cards,
  status badges, goal cards, downloads;
- ``navigation`` — every page declared once (file, title, icon, URL, the action a role needs);
- ``auth`` — the sign-in gate and per-page permission checks;
- ``slides`` — meeting mode's slides on the projector.

Pages import from here: ``from tracker.ui import frame as ui``.
"""

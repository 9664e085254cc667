"""Streamlit glue: the only package besides ``pages/`` and ``dashboard.py`` that imports streamlit.

``frame`` holds the shared frame (language, period, database, cached reads, banners);
``components`` small drawing helpers shared by pages. Pages import from here:
``from tracker.ui import frame as ui``.
"""

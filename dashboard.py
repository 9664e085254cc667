"""Router: page config, language and period selectors, sign-in gate, demo banner, navigation.

Served through the launcher: ``streamlit run app.py`` (the README's first command does it for you).
"""

import streamlit as st

from tracker import periods, store
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui
from tracker.ui import navigation

ui.require_router()   # started as `streamlit run dashboard.py`: a legacy first run reruns through the router
st.set_page_config(page_title="ติดตามแผนพัฒนา อบต.ขี้เหล็ก", page_icon=ui.ICON, layout="wide")

plan = ui.plan()
with ui.db() as conn:
    with_data = store.periods_with_data(conn)
    as_of = store.data_as_of(conn)
    is_demo = store.has_demo_data(conn)

# --- shared sidebar: language (always), then the period once signed in --------------------------
st.session_state.setdefault("lang", "th")
default_fy, default_q = periods.default_period(with_data, plan.first_fy)
st.session_state.setdefault("fy", default_fy)
st.session_state.setdefault("q", default_q)
with st.sidebar:
    st.segmented_control(ui.t("sidebar.language"), options=["th", "en"], key="lang",
                         format_func=lambda v: {"th": "ไทย", "en": "English"}[v], required=True)
    period_box = st.container()
ui.demo_banner(is_demo)

PAGES = navigation.pages()

# --- sign-in gate: stops here with the sign-in form unless signed in (or public read-only mode) --
user = ui_auth.gate(PAGES)

with period_box:
    years = list(plan.fiscal_years)
    if st.session_state["fy"] not in years:
        st.session_state["fy"] = default_fy if default_fy in years else years[0]
    lang = ui.lang()
    fy = st.selectbox(ui.t("sidebar.fiscal_year"), years, key="fy",
                      format_func=lambda y: periods.fy_label(y, lang))
    st.selectbox(ui.t("sidebar.quarter"), [1, 2, 3, 4], key="q",
                 format_func=lambda q: periods.quarter_label(q, lang, fy))
    st.caption(ui.t("sidebar.data_as_of", when=ui.when_label(as_of)) if as_of else ui.t("sidebar.no_data_yet"))
    if is_demo:
        st.caption(":orange-badge[" + ui.t("demo.banner").split("—")[0].strip() + "]")

PAGES = ui_auth.allowed_pages(PAGES, user["role"] if user else "viewer")
nav = st.navigation({ui.t(section): pages for section, pages in PAGES.items()})
nav.run()

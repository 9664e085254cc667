"""Router: page config, language and period selectors, sign-in gate, demo banner, navigation.

Served through the launcher: ``streamlit run app.py`` (the README's first command does it for you).
"""

import streamlit as st

from tracker import periods, rollup, store
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui
from tracker.ui import navigation

ui.require_router()   # started as `streamlit run dashboard.py`: a legacy first run reruns through the router
st.set_page_config(page_title="ติดตามแผนพัฒนา อบต.ขี้เหล็ก", page_icon=ui.ICON, layout="wide")

plan = ui.plan()
with ui.db() as conn:
    as_of = store.data_as_of(conn)
    is_demo = store.has_demo_data(conn)

# --- shared sidebar: language (always), then the period once signed in --------------------------
# Language, year and quarter live in the URL too (?lang=th&fy=2569&q=2), so a reload, a bookmark or a
# shared link shows the same view; a value the URL cannot mean is replaced by this tab's or the default.
# The default quarter is the latest complete one (method v2, rule 18); it reads every year's figures,
# so it is worked out only for a tab whose URL and state name no period yet (ui.load caches it per revision).
years = list(plan.fiscal_years)
ui.url_state("lang", ["th", "en"], "th")


def opening_year() -> int:
    fy = ui.load(rollup.opening_period)[0]
    return fy if fy in years else years[0]


ui.url_state("fy", years, opening_year)
ui.url_state("q", [1, 2, 3, 4], lambda: ui.load(rollup.opening_period)[1])
with st.sidebar:
    st.segmented_control(ui.t("sidebar.language"), options=["th", "en"], key="lang", on_change=ui.to_url,
                         args=("lang",), format_func=lambda v: {"th": "ไทย", "en": "English"}[v], required=True)
    period_box = st.container()
    links_box = st.container()     # the page list: below the period, above the signed-in user
ui.demo_banner(is_demo)

PAGES = navigation.pages()

# --- sign-in gate: stops here with the sign-in form unless signed in (or public read-only mode) --
user = ui_auth.gate(PAGES)

with period_box:
    lang = ui.lang()
    fy = st.selectbox(ui.t("sidebar.fiscal_year"), years, key="fy", on_change=ui.to_url, args=("fy",),
                      format_func=lambda y: periods.fy_label(y, lang))
    today = periods.today()
    st.selectbox(ui.t("sidebar.quarter"), [1, 2, 3, 4], key="q", on_change=ui.to_url, args=("q",),
                 format_func=lambda q: periods.quarter_label(q, lang, fy) + (    # a quarter not begun says so
                     "" if periods.quarter_begun(fy, q, today) else " · " + ui.t("sidebar.not_begun")))
    st.caption(ui.t("sidebar.data_as_of", when=ui.when_label(as_of)) if as_of else ui.t("sidebar.no_data_yet"))
    if is_demo:
        st.caption(":orange-badge[" + ui.t("demo.banner").split("—")[0].strip() + "]")

PAGES = ui_auth.allowed_pages(PAGES, user["role"] if user else "viewer")
nav = st.navigation({ui.t(section): pages for section, pages in PAGES.items()}, position="hidden")
with links_box:     # every page listed below the period boxes (see navigation.links)
    navigation.links(PAGES, nav)
with ui.one_revision():     # every figure of the page from one data revision (no torn pages)
    nav.run()

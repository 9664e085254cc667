"""Every page of the app, declared once: its section, file, title, icon, URL and the action a role needs
to see it (:data:`tracker.auth.PERMISSIONS`). The router builds the navigation from it and hides the
pages a role may not use; each protected page also checks its action itself."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from tracker.ui import frame as ui


@dataclass(frozen=True)
class PageSpec:
    section: str      #: i18n key of the navigation section
    file: str
    title: str        #: i18n key
    icon: str
    url_path: str
    action: str = "view"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("nav.section.dashboards", "pages/overview.py", "nav.overview", ":material/dashboard:", "overview"),
    PageSpec("nav.section.dashboards", "pages/goal.py", "nav.goal", ":material/target:", "goal"),
    PageSpec("nav.section.dashboards", "pages/indicators.py", "nav.indicators", ":material/monitoring:", "indicators"),
    PageSpec("nav.section.dashboards", "pages/projects.py", "nav.projects", ":material/construction:", "projects"),
    PageSpec("nav.section.dashboards", "pages/budget.py", "nav.budget", ":material/payments:", "budget"),
    PageSpec("nav.section.dashboards", "pages/satisfaction.py", "nav.satisfaction", ":material/sentiment_satisfied:",
             "satisfaction"),
    PageSpec("nav.section.dashboards", "pages/plan.py", "nav.plan", ":material/flag:", "plan"),
    PageSpec("nav.section.dashboards", "pages/revisions.py", "nav.revisions", ":material/edit_calendar:", "revisions"),
    PageSpec("nav.section.dashboards", "pages/method.py", "nav.method", ":material/calculate:", "method"),
    PageSpec("nav.section.meeting", "pages/meeting.py", "nav.meeting", ":material/co_present:", "meeting"),
    PageSpec("nav.section.meeting", "pages/reports.py", "nav.reports", ":material/description:", "reports"),
    PageSpec("nav.section.meeting", "pages/me_report.py", "me.nav", ":material/assignment:", "me-report"),
    PageSpec("nav.section.data", "pages/upload.py", "nav.upload", ":material/upload_file:", "upload", "upload"),
    PageSpec("nav.section.data", "pages/plan_import.py", "nav.plan_import", ":material/menu_book:", "plan-import",
             "upload"),
    PageSpec("nav.section.data", "pages/history.py", "nav.history", ":material/history:", "history", "rollback"),
    PageSpec("nav.section.data", "pages/locks.py", "locks.nav", ":material/lock:", "locks", "lock"),
    PageSpec("nav.section.admin", "pages/admin_users.py", "users.nav", ":material/group:", "users", "manage_users"),
    PageSpec("nav.section.admin", "pages/audit.py", "audit.nav", ":material/history_edu:", "audit", "view_audit"),
)
_ACTIONS = {p.url_path: p.action for p in PAGES}


HOME_PATH = "home"      #: the hidden default page's own name (its public address is the app's root, ``/``)


def _home() -> None:
    """The app's root (``/``) opens the overview at ``/overview``, with the URL's year, quarter, language.

    Why a page of its own: Streamlit serves its default page at ``/`` only and ignores that page's
    ``url_path``, so with the overview as the default page a typed or bookmarked ``/overview`` opened an
    English "Page not found" dialog before the overview. Here the overview is an ordinary page at
    ``/overview`` and the root moves to it keeping every query parameter."""
    st.switch_page(PAGES[0].file, query_params=st.query_params.to_dict())


def pages() -> dict[str, list]:
    """``{section key: [st.Page]}`` in the chosen language. The first section starts with the hidden
    default page (the root, ``/``, which moves to the first page, the overview: :func:`_home`)."""
    out: dict[str, list] = {}
    for p in PAGES:
        out.setdefault(p.section, []).append(
            st.Page(p.file, title=ui.t(p.title), icon=p.icon, url_path=p.url_path))
    out[PAGES[0].section].insert(0, st.Page(_home, title=ui.t(PAGES[0].title), icon=PAGES[0].icon,
                                            url_path=HOME_PATH, default=True, visibility="hidden"))
    return out


def is_home(page) -> bool:
    """Is ``page`` (an ``st.Page``) the root that moves to the overview? (The default page's public
    ``url_path`` is ``""``.)"""
    return getattr(page, "visibility", "visible") == "hidden" and getattr(page, "url_path", None) == ""


def open_home() -> None:
    """Go to the page the root opens (the overview), keeping the URL's query parameters."""
    _home()


#: a role with more pages than this (an analyst's 16, an administrator's 18) gets its sections folded
#: (see :func:`links`); a viewer's 12 are listed open
OPEN_LIST_MAX = 12


def links(pages: dict[str, list], current=None) -> None:
    """Every page the user may open, under its section's name, as links in the sidebar after the
    language and the period (the router hides Streamlit's own menu). ``current``: the page shown.

    Why not Streamlit's menu: it sits above everything else in the sidebar and shows ten pages, then an
    English-only "View N more" button; expanded, its 17 pages pushed the year and quarter boxes below the
    fold of a 1366×768 screen. Here the period comes first and every page is listed in Thai.

    A long list (more than :data:`OPEN_LIST_MAX` pages: an analyst's or an administrator's) would push the
    signed-in user and the sign-out button below that fold: there each section folds into a one-line
    toggle with the section's name, open when it holds the page shown (one click opens another)."""
    # the sidebar made to fit a 1366×768 screen: less empty space above, between and below its boxes
    # (a style alone takes no room in the page)
    st.html("""<style>
[data-testid="stSidebarHeader"] { height: 2.5rem; margin-bottom: 0; }
[data-testid="stSidebarUserContent"] { padding-bottom: 1rem; }
[data-testid="stSidebarUserContent"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
[data-testid="stSidebarUserContent"] [data-testid="stExpander"] summary { padding-top: 0; padding-bottom: 0; }
[data-testid="stSidebarUserContent"] [class*="st-key-nav_list_"] { gap: 0; }
.st-key-auth_user [data-testid="stText"] { font-size: 0.875rem; line-height: 1.4; }
.st-key-auth_signout button { min-height: 2rem; padding-top: 0.125rem; padding-bottom: 0.125rem; }
</style>""")
    listed = {section: [p for p in items if p.visibility != "hidden"]    # the root (/) is the overview
              for section, items in pages.items()}
    fold = sum(len(items) for items in listed.values()) > OPEN_LIST_MAX
    for section, items in listed.items():
        name = section.rsplit(".", 1)[-1]
        if fold:
            holds = any(p is current for p in pages[section])       # the root (/) is in the first
            # the key follows ``holds``: Streamlit keeps a mounted expander as the user left it and ignores
            # a new ``expanded``, so on another page the section is drawn anew, open only if it holds it
            outer = st.expander(ui.t(section), expanded=holds, type="compact",
                                key=f"nav_{name}_{'open' if holds else 'folded'}")
        else:
            st.caption(ui.t(section))
            outer = st.container()
        with outer, st.container(gap=None, key="nav_list_" + name):
            for page in items:
                st.page_link(page, label=page.title, icon=page.icon, width="stretch")


def action_of(page) -> str:
    """The action needed to see an ``st.Page`` (``view`` for a page not declared here)."""
    return _ACTIONS.get(getattr(page, "url_path", "") or "", "view")

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


def pages() -> dict[str, list]:
    """``{section key: [st.Page]}`` in the chosen language; the first page is the default."""
    out: dict[str, list] = {}
    for i, p in enumerate(PAGES):
        out.setdefault(p.section, []).append(
            st.Page(p.file, title=ui.t(p.title), icon=p.icon, url_path=p.url_path, default=i == 0))
    return out


def links(pages: dict[str, list]) -> None:
    """Every page the user may open, listed at once under its section's name, as links in the sidebar
    after the language and the period (the router hides Streamlit's own menu).

    Why not Streamlit's menu: it sits above everything else in the sidebar and shows ten pages, then an
    English-only "View N more" button; expanded, its 17 pages pushed the year and quarter boxes below the
    fold of a 1366×768 screen. Here the period comes first and every page is listed in Thai."""
    for section, items in pages.items():
        st.caption(ui.t(section))
        with st.container(gap=None):
            for page in items:
                st.page_link(page, label=page.title, icon=page.icon, width="stretch")


def action_of(page) -> str:
    """The action needed to see an ``st.Page`` (``view`` for a page not declared here)."""
    return _ACTIONS.get(getattr(page, "url_path", "") or "", "view")

"""Role × page × action through AppTest: the sign-in gate, role-filtered pages, and refusals in the page."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import ROOT, TEST_PASSWORD, signed_in_session
from tracker import auth, locks, settings, store

# page file -> the action it needs (pages of other areas are included once they exist)
PAGES = {"pages/plan.py": "view", "pages/locks.py": "lock", "pages/admin_users.py": "manage_users",
         "pages/audit.py": "view_audit", "pages/upload.py": "upload", "pages/history.py": "rollback"}
PAGES = {p: a for p, a in PAGES.items() if (ROOT / p).exists()}
ROLES = ("viewer", "analyst", "admin")


def texts(at) -> str:
    parts = []
    for kind in ("title", "markdown", "text", "caption", "error", "info", "warning", "success", "subheader"):
        parts += [str(e.value) for e in at.get(kind)]
    return "\n".join(parts)


def refusal_shown(at) -> bool:
    return any("ไม่มีสิทธิ์" in e.value or "กรุณาเข้าสู่ระบบ" in e.value for e in at.error)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_role_page_matrix_through_navigation(app, role, page):
    allowed = auth.can(role, PAGES[page])
    at = app(user=role)
    assert not at.exception
    if allowed:
        at.switch_page(str(ROOT / page)).run()
        assert not at.exception, at.exception
        assert not refusal_shown(at)
    else:  # not even registered: a deep link gets "not found" and the default page
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(str(ROOT / page))


@pytest.mark.parametrize("role", [*ROLES, None])
@pytest.mark.parametrize("page", sorted(p for p, a in PAGES.items() if a != "view"))
def test_protected_pages_refuse_by_themselves_when_run_without_the_router(app, db_file, role, page):
    """The page checks the role itself, not only the navigation: run the file alone."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    at.session_state["lang"] = "th"
    at.session_state["fy"], at.session_state["q"] = 2569, 2
    if role:
        at.session_state["auth"] = signed_in_session(db_file, role)
    at.run()
    assert not at.exception
    if auth.can(role, PAGES[page]):
        assert not refusal_shown(at)
    else:
        assert refusal_shown(at)
        assert len(at.get("form")) == 0 and len(at.get("file_uploader")) == 0 and len(at.dataframe) == 0


def test_nobody_signed_in_sees_only_the_sign_in_form(app):
    at = app(user=None)
    assert not at.exception
    assert at.title[0].value == "เข้าสู่ระบบ"
    assert len(at.text_input) == 2 and len(at.dataframe) == 0
    assert "auth" not in at.session_state


def sign_in(at, username, password):
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.get("form_submit_button")[0].click()
    return at.run()


def test_sign_in_through_the_form_then_sign_out(app, db_file):
    signed_in_session(db_file, "analyst")  # creates test-analyst
    at = app(user=None)
    at = sign_in(at, "test-analyst", TEST_PASSWORD)
    assert not at.exception
    assert at.session_state["username"] == "test-analyst"
    assert "test-analyst" in " ".join(t.value for t in at.sidebar.get("text"))
    at.button(key="auth_signout").click().run()
    assert at.title[0].value == "เข้าสู่ระบบ" and "auth" not in at.session_state
    assert "ออกจากระบบแล้ว" in texts(at)
    db = store.connect(db_file)
    try:
        assert {"signin", "signout"} <= set(store.audit_log(db)["action"])
    finally:
        db.close()


@pytest.mark.slow   # the form waits 1, 2, 2 s after failures: that is the behaviour under test
def test_wrong_passwords_lock_the_account_through_the_form(app, db_file, monkeypatch):
    monkeypatch.setenv("TRACKER_LOCKOUT_FAILURES", "3")
    signed_in_session(db_file, "analyst")
    at = app(user=None, lang="en")
    for _ in range(2):
        at = sign_in(at, "test-analyst", "not-the-password")
        assert "Wrong user name or password" in texts(at)
    at = sign_in(at, "test-analyst", "not-the-password")
    assert "locked" in texts(at)
    at = sign_in(at, "test-analyst", TEST_PASSWORD)  # right password, still locked
    assert "auth" not in at.session_state and "locked" in texts(at)


def test_an_expired_session_returns_to_sign_in(app, db_file):
    started = datetime.now(timezone.utc) - timedelta(minutes=settings.get("session_minutes") + 1)
    at = app(user=None, session={"auth": signed_in_session(db_file, "admin", now=started)})
    assert at.title[0].value == "เข้าสู่ระบบ"
    assert "การเข้าใช้งานนี้สิ้นสุดแล้ว" in texts(at)
    db = store.connect(db_file)
    try:
        assert "session_expired" in set(store.audit_log(db)["action"])
    finally:
        db.close()


def test_a_disabled_account_is_signed_out_at_the_next_page_view(app, db_file):
    at = app(user="analyst")
    db = store.connect(db_file)
    try:
        signed_in_session(db_file, "admin")
        auth.set_disabled(db, "test-analyst", True, by="test-admin")
    finally:
        db.close()
    at.run()
    assert at.title[0].value == "เข้าสู่ระบบ"


def test_public_read_mode_shows_dashboards_without_sign_in_but_no_data_pages(app, monkeypatch):
    monkeypatch.setenv("TRACKER_PUBLIC_READ", "1")
    at = app(user=None)
    assert not at.exception and at.title[0].value != "เข้าสู่ระบบ"
    assert at.button(key="auth_show_signin_btn")
    with pytest.raises(ValueError):
        at.switch_page(str(ROOT / "pages/locks.py"))
    at.button(key="auth_show_signin_btn").click().run()
    assert at.title[0].value == "เข้าสู่ระบบ"


def test_demo_mode_says_so_loudly_on_the_sign_in_page(app, db_file):
    db = store.connect(db_file)
    try:
        db["import_batches"].insert({"kind": "projects", "file_name": "demo.csv", "sha256": "x",
                                     "username": "system", "created_at": store.now_iso(), "is_demo": 1})
    finally:
        db.close()
    at = app(user=None, lang="en")
    assert any("DEMO MODE" in e.value for e in at.error)
    shown = at.dataframe[0].value
    assert set(shown.iloc[:, 0]) == {a["username"] for a in auth.DEMO_ACCOUNTS}
    at = sign_in(at, "demo-analyst", "demo-analyst-2569")
    assert at.session_state["username"] == "demo-analyst"
    assert "Analyst (demo account)" in " ".join(t.value for t in at.sidebar.get("text"))


# ---------------------------------------------------------------- actions on the pages


def test_analyst_locks_the_chosen_quarter_but_cannot_unlock(app, db_file):
    at = app(user="analyst", fy=2569, q=2, page=str(ROOT / "pages/locks.py"))
    assert not at.exception
    assert "เฉพาะผู้ดูแลระบบเท่านั้นที่ปลดล็อกได้" in texts(at)
    at.text_input[0].input("<script>alert('x')</script> มติสภา")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception and at.success
    db = store.connect(db_file)
    try:
        lock = locks.lock_for(db, 2569, 2)
        assert lock["locked_by"] == "test-analyst"
    finally:
        db.close()
    assert at.dataframe[0].value["note"].iloc[0].startswith("<script>")  # shown as data, in a table


def test_admin_unlocks_with_a_reason(app, db_file):
    signed_in_session(db_file, "analyst")
    db = store.connect(db_file)
    try:
        locks.lock_quarter(db, 2569, 2, user="test-analyst")
    finally:
        db.close()
    at = app(user="admin", fy=2569, q=2, page=str(ROOT / "pages/locks.py"))
    unlock = at.get("form_submit_button")[1]
    unlock.click()
    at.run()
    assert "ต้องระบุเหตุผล" in texts(at)
    at.text_input[1].input("council corrected a figure")
    at.get("form_submit_button")[1].click()
    at.run()
    db = store.connect(db_file)
    try:
        assert locks.lock_for(db, 2569, 2) is None
    finally:
        db.close()


def test_admin_adds_a_user_with_a_hostile_display_name_shown_inert(app, db_file):
    at = app(user="admin", page=str(ROOT / "pages/admin_users.py"))
    assert not at.exception
    hostile = "<img src=x onerror=alert(1)> **bold** =HYPERLINK(\"x\")"
    at.text_input[0].input("somsri")
    at.text_input[1].input(hostile)
    at.text_input[2].input("somsri-password-1")
    at.text_input[3].input("somsri-password-1")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception and at.success
    assert hostile in list(at.dataframe[0].value["display_name"])
    for md in at.get("markdown"):
        assert "<img" not in md.value or not md.proto.allow_html
    # the new user signs in; the name is shown as plain text in the sidebar
    at2 = app(user=None)
    at2 = sign_in(at2, "somsri", "somsri-password-1")
    assert any(hostile in t.value for t in at2.sidebar.get("text"))
    assert not any(hostile in m.value for m in at2.get("markdown"))


def test_admin_sees_the_audit_trail_and_exports_it(app, db_file):
    db = store.connect(db_file)
    try:
        store.audit(db, user="ana", action="import", target="batch:7",
                    detail={"file_name": "=cmd|' /C calc'!A0.csv"})
    finally:
        db.close()
    at = app(user="admin", page=str(ROOT / "pages/audit.py"))
    assert not at.exception
    df = at.dataframe[0].value
    # what it acted on and its detail in words, not the log's codes and JSON (the CSV keeps them)
    assert "ชุดนำเข้าที่ 7" in set(df["target"])
    assert "ชื่อไฟล์: =cmd|' /C calc'!A0.csv" in set(df["detail"])
    # the date pickers show Christian-era dates: the range is said again in Buddhist Era beside them
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tracker import periods

    today = datetime.now(ZoneInfo("Asia/Bangkok")).date()
    shown = [c.value for c in at.caption if "ช่วงวันที่" in c.value]
    assert shown and periods.date_label(today, "th") in shown[0] and str(today.year) not in shown[0], shown
    # ... and each picker's day in Buddhist Era right under it, in bold, the picker itself day first
    under = [m.value for m in at.markdown if "ตรงกับวันที่" in m.value]
    assert under[-1] == f"**ตรงกับวันที่ {periods.date_label(today, 'th')}**", under
    assert len(under) == 2 and at.date_input(key="audit_until").proto.format == "DD/MM/YYYY"
    at.selectbox(key="audit_action").select("import").run()
    # what was done, in the reader's words, not the log's code
    assert set(at.dataframe[0].value["action"]) == {"นำเข้าข้อมูล"}
    assert at.get("download_button")


def test_every_action_the_code_audits_has_a_name_in_both_languages():
    import re

    from tracker import auth

    written = set()
    for path in (ROOT / "tracker").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"audit\((?:[^()]|\([^()]*\))*\)", text, flags=re.S):
            written |= set(re.findall(r'action="([a-z_]+)"', call.group(0)))
            written |= set(re.findall(r'"(user_(?:en|dis)able)"', call.group(0)))
    assert {"import", "rollback", "signin", "quarter_lock", "user_enable", "restore"} <= written
    unnamed = sorted(a for a in written if auth.audit_action_label(a, "th") == a or auth.audit_action_label(a, "en") == a)
    assert not unnamed, f"audit actions shown as codes: {unnamed}"


# ---------------------------------------------------------------- server options and raw HTML


def test_server_keeps_xsrf_protection_and_hides_error_details():
    import tomllib

    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["server"].get("enableXsrfProtection", True) is True
    assert cfg["server"].get("enableCORS", True) is True
    assert cfg["client"]["showErrorDetails"] == "none"


def _raw_html_calls(tree):
    import ast

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        unsafe = any(k.arg in ("unsafe_allow_html", "unsafe_allow_javascript") and
                     not (isinstance(k.value, ast.Constant) and k.value.value is False) for k in node.keywords)
        if name == "html" or unsafe:
            yield node


def _is_markup_call(node) -> bool:
    """``markup.<function>(...)``: HTML built by tracker/ui/markup.py, which escapes every value."""
    import ast

    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "markup")


def test_raw_html_is_only_ever_a_literal_never_user_text():
    """st.html / unsafe_allow_html only with a string literal (no f-string, variable or call inside), or
    with markup built by tracker/ui/markup.py, which escapes every value it is given."""
    import ast

    files = [ROOT / "dashboard.py", *ROOT.glob("pages/*.py"), *ROOT.glob("tracker/ui/*.py")]
    offenders = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _raw_html_calls(tree):
            args = call.args[:1] + [k.value for k in call.keywords if k.arg in ("body",)]
            for arg in args:
                if _is_markup_call(arg):
                    continue
                if not all(isinstance(n, (ast.Constant, ast.BinOp, ast.Add)) for n in ast.walk(arg)):
                    offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not offenders, offenders


HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'&"


def test_markup_escapes_every_value_it_is_given():
    from tracker.ui import markup

    script = markup.post_script("/auth/" + HOSTILE, "authSession", {"code": HOSTILE})
    assert script.count("<script>") == 1 and script.count("</script>") == 1
    assert "<img" not in script and "alert(1)</script><script>" not in script
    with pytest.raises(ValueError):
        markup.post_script("/x", "a; alert(1)")
    words = markup.words(HOSTILE + " สิ่งแวดล้อม")
    assert "<script" not in words and "<img" not in words and "&lt;img" in words
    css = markup.uploader_css("upload_file", button=HOSTILE, instructions="} body { display: none", drop=HOSTILE)
    assert css.count("<") == 2 and css.count("}") == 6 and "<script" not in css and "} body" not in css
    with pytest.raises(ValueError):
        markup.uploader_css("x] body {", button="", instructions="", drop="")
    script = markup.fullscreen_script({"fullscreen": HOSTILE, "settings": HOSTILE})
    assert script.count("<script>") == 1 and script.count("</script>") == 1 and "<img" not in script
    with pytest.raises(ValueError):
        markup.fullscreen_script({"x button, body": ""})
    names = {part: HOSTILE + "{name}" for part in ("input", "add", "remove", "cancel", "retry")}
    script = markup.uploader_names_script("upload_file", names)
    assert script.count("<script>") == 1 and script.count("</script>") == 1 and "<img" not in script
    with pytest.raises(ValueError):
        markup.uploader_names_script("x] body {", names)
    with pytest.raises(ValueError):
        markup.uploader_names_script("upload_file", {"input": ""})
    script = markup.chunk_preload_script("PlotlyChart.D9Z0_fxz.js")
    assert script.count("<script>") == 1 and script.count("</script>") == 1 and '"PlotlyChart.D9Z0_fxz.js"' in script
    for bad in (HOSTILE + ".js", "../x.js", "https://example.org/x.js", "x.js?y", "PlotlyChart.js\"); alert(1); (\""):
        with pytest.raises(ValueError):
            markup.chunk_preload_script(bad)
    table = markup.table([HOSTILE, "งบประมาณ"], [[HOSTILE, (HOSTILE, 50)], ["สิ่งแวดล้อม", ("1,000", float("nan"))]],
                         [False, True], key="t1", nowrap=[True, False])
    body = table.split("</style>", 1)[1]
    assert "<script" not in body and "<img" not in body and body.count("&lt;img") == 3
    assert body.count("<table") == 1 and body.count("</table>") == 1 and "--p:50%" in body and "--p:0%" in body
    with pytest.raises(ValueError):
        markup.table(["a"], [], [False], key='x" onclick="alert(1)')
    # a table keeps its words whole by one style rule, not a style attribute per word; text that looks like
    # that markup stays text
    looks = '<span style="white-space:nowrap">x</span>'
    body = markup.table(["ชื่อ"], [["สิ่งแวดล้อมและหมู่ที่ 5 " + looks]], [False], key="t2").split("</style>", 1)[1]
    assert 'style="white-space:nowrap"' not in body and "style=&quot;white-space:nowrap&quot;&gt;x" in body
    assert body.count("<span>") >= 3 and "<wbr>" in body


def test_admin_sees_every_setting_read_only(app):
    from tracker.settings import SETTINGS

    from tracker.i18n import t

    for lang in ("th", "en"):
        at = app(lang=lang, user="admin", page=str(ROOT / "pages/admin_users.py"))
        table = [d for d in at.dataframe if "env" in d.value.columns][0]
        shown = table.value[list(table.proto.column_order)]
        assert list(shown["help"]) == [t(f"setting.{s.name}", lang) for s in SETTINGS]   # each by its meaning
        # the server's variable names (TRACKER_DB…) are English: in the English view only
        assert ("env" in shown.columns) == (lang == "en")
        if lang == "en":
            assert set(shown["env"]) == {s.env for s in SETTINGS}


@pytest.mark.parametrize("role", ["viewer", "admin"])
def test_the_sidebar_lists_every_page_a_role_may_open_in_thai(app, role):
    """Every page at once (Streamlit's own menu is hidden: its "View N more" button is English only)."""
    from tracker.auth import can
    from tracker.i18n import t
    from tracker.ui.navigation import PAGES

    at = app(user=role)
    assert not at.exception
    shown = [link.label for link in at.sidebar.get("page_link")]
    assert shown == [t(p.title, "th") for p in PAGES if can(role, p.action)]
    assert (t("users.nav", "th") in shown) == (role == "admin")
    # a viewer's twelve pages are listed open; an administrator's eighteen fold by section (one line
    # each, named in Thai) so the sidebar fits a 1366×768 screen
    folds = [e.label for e in at.sidebar.expander]
    if role == "admin":
        assert folds == [t(k, "th") for k in ("nav.section.dashboards", "nav.section.meeting", "nav.section.data",
                                              "nav.section.admin")]
    elif role == "viewer":
        assert folds == []

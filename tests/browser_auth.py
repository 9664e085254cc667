"""How browser tests get past sign-in (kept in one place so every browser test does it the same way).

``prepare(env)`` creates the account ``browser-admin`` in the served database (through the
command line, password on stdin); ``sign_in(page, url)`` fills the sign-in form when it is shown.
"""

from __future__ import annotations

USERNAME = "browser-admin"
PASSWORD = "browser-admin-password-1"


def prepare(env: dict, username: str = USERNAME, password: str = PASSWORD, role: str = "admin") -> None:
    """Create an account in the served database (idempotent: an existing one is left alone)."""
    import subprocess

    from tests.browser import tracker_cli

    try:
        tracker_cli("users", "add", username, "--role", role, "--lang", "en", env=env, stdin=password + "\n")
    except subprocess.CalledProcessError as exc:
        if "already" not in (exc.stderr or ""):
            raise


#: what the app shows once its frame has run: the sign-in form, the signed-in user's sign-out button,
#: or (public read-only mode) the "sign in" button
SETTLED = "input[type='password'], .st-key-auth_signout, .st-key-auth_show_signin_btn"


def sign_in(page, url: str, username: str = USERNAME, password: str = PASSWORD) -> None:
    """Sign in through the form when the app shows one (the page at ``url`` then opens).

    Waits until the app has decided (form, signed in, or public mode) instead of looking once: a deep
    link first runs the page alone, then reruns through the router."""
    from tests.browser import wait_rendered

    wait_rendered(page)
    page.locator(SETTLED).first.wait_for(state="attached")
    box = page.locator("input[type='password']")
    if box.count() == 0:
        return
    if page.locator("[role='dialog']").count():  # e.g. "Page not found" for a link to an unknown page
        page.keyboard.press("Escape")
        page.locator("[role='dialog']").wait_for(state="detached")
    page.get_by_label("ชื่อผู้ใช้").or_(page.get_by_label("User name")).first.fill(username)
    box.first.fill(password)
    page.locator("[data-testid='stFormSubmitButton'] button").first.click()
    page.locator("input[type='password']").wait_for(state="detached")
    page.locator(".st-key-auth_signout").wait_for(state="attached")
    wait_rendered(page)


def upload_file(page, url: str, path) -> object:
    """Open the upload page signed in and choose ``path`` in its file box; returns the main area."""
    page.goto(url + "/upload")
    sign_in(page, url + "/upload")
    main = page.locator("[data-testid='stMain']")
    main.get_by_text("นำเข้าข้อมูลรายไตรมาส").first.wait_for()
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))
    return main

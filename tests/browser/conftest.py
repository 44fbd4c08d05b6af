"""Real headless Chromium (Debian's) driven by Playwright, against the live server."""

import os

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module. While it runs, Playwright's sync API keeps an
    event loop in the test thread; the ORM calls the tests (and their database
    teardown) make there are ordinary blocking calls, which Django must be told to
    allow — for the life of the browser only, so no other test runs that way."""
    if not os.path.exists(CHROMIUM):
        pytest.exit(f"Browser tests need Debian's chromium at {CHROMIUM}: run `make test`.", returncode=3)
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


# Every page reports a Content Security Policy violation on the console, where the fixture collects it.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.violatedDirective + " blocked " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def page(browser, live_server):
    """A page of its own; no test passes if any page it opened broke the Content Security Policy, or
    asked any host but the test server for anything (`page.outside` lists what was asked)."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    page.violations = []
    page.on("console", lambda message: _note_violation(page, message))
    page.outside = []
    context.route(lambda url: not url.startswith(live_server.url), lambda route: _outside(page, route))
    yield page
    context.close()
    assert page.violations == [], "Content Security Policy violations"


def _note_violation(page, message) -> None:
    if message.type == "error" and ("CSP violation" in message.text or "Content Security Policy" in message.text):
        page.violations.append(message.text)


def _outside(page, route) -> None:
    """Nothing leaves the machine: a request for another host is noted and answered with an empty image."""
    page.outside.append(route.request.url)
    route.fulfill(status=200, content_type="image/gif", body=TRANSPARENT_GIF)


TRANSPARENT_GIF = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


def login(page, username: str, password: str = "pw-for-tests") -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")

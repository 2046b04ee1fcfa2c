"""Browser tests: the page served by a real Uvicorn server on loopback, driven in the system's
Chromium (Debian's ``chromium``) by Playwright.  No browser is downloaded: Playwright only
drives ``/usr/bin/chromium`` (``CITEKIT_CHROMIUM`` overrides the path).  Without Chromium the
tests are skipped, except under CI, where ``.ci/run`` installs it and its absence is a failure.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CITEKIT_CHROMIUM", "/usr/bin/chromium")
# As the workplace's probe runs it: no sandbox as root, no GPU, no background network traffic.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
#: screenshots and downloads (git-ignored)
OUTPUT = Path(os.environ.get("CITEKIT_TEST_OUTPUT", ROOT / "test-output")) / "browser"


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing on CI (.ci/run installs it)")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="session")
def live_server() -> str:
    pytest.importorskip("starlette")
    import uvicorn

    from citekit.service import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = uvicorn.Server(
        uvicorn.Config(
            # no time limit to hit on a loaded machine: the tests measure no speed
            create_app({"timeout": 600}),
            host="127.0.0.1",
            port=port,
            log_level="error",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright")
    if not Path(CHROMIUM).exists():
        _missing(CHROMIUM)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, live_server):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": 1300, "height": 1000}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server + "/")
    page.wait_for_selector("body[data-ready]")
    yield page
    context.close()
    assert errors == [], errors

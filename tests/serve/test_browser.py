"""The dashboard in a real browser: headless Chromium from the distribution
(``bash scripts/browser.sh install``), driven by Playwright, against ``marsad serve`` started
from the command line on a store of the test articles. Every request the page makes is
recorded and must go to the server on 127.0.0.1; screenshots are saved in ``test-artefacts/``
(or ``$MARSAD_TEST_ARTEFACTS``).

Without a browser (or the playwright package) these tests skip with the reason, unless
``MARSAD_REQUIRE_BROWSER=1`` (CI), where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import ARTICLES

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = Path(os.environ.get("MARSAD_TEST_ARTEFACTS", ROOT / "test-artefacts"))

pytestmark = pytest.mark.browser


def _missing(reason: str) -> None:
    if os.environ.get("MARSAD_REQUIRE_BROWSER") == "1":
        pytest.fail(f"MARSAD_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("MARSAD_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator:  # type: ignore[type-arg]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed (pip install -e '.[test]')")
    path = chromium_path()
    if path is None:
        _missing("no Chromium found (bash scripts/browser.sh install, or set MARSAD_CHROMIUM)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str) -> tuple[subprocess.Popen, str]:  # type: ignore[type-arg]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "marsad.cli.main", "serve", "--db", db,
                               "--port", str(port), "--quiet"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/v1/meta", timeout=2).read()
            return server, base
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"marsad serve stopped: {server.stdout.read()!r}") from None  # type: ignore[union-attr]
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("marsad serve did not answer within 60 s")


@pytest.fixture(scope="module")
def server(served_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "events.duckdb"
    shutil.copy(served_db, db)
    process, base = start_server(str(db))
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def page(browser, server: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.requests = []          # every URL the page asks for
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def api(base: str, path: str) -> dict:
    with urllib.request.urlopen(f"{base}{path}", timeout=10) as answer:
        return json.loads(answer.read())


def ready(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)


def shoot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def assert_only_this_server(page, base: str) -> None:  # type: ignore[no-untyped-def]
    assert page.requests, "the page made no request"
    elsewhere = [url for url in page.requests if not url.startswith(base + "/")]
    assert not elsewhere, f"requests leaving {base}: {elsewhere}"
    assert not page.errors, page.errors


def expect(locator):  # type: ignore[no-untyped-def]
    """Playwright's retrying assertions (the page's CSP forbids the eval of wait_for_function)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def points_on_map(page) -> int:  # type: ignore[no-untyped-def]
    """Events the map shows: single points plus the counts of clustered ones."""
    single = page.locator("#map path.event-point").count()
    clustered = sum(int(text) for text in page.locator("#map .marker-cluster span").all_inner_texts())
    return single + clustered


def test_the_map_shows_the_events_and_nothing_leaves_127_0_0_1(page, server: str) -> None:
    ready(page, server + "/")
    located = api(server, "/v1/events.geojson")["features"]
    assert located, "the test store has events with places"
    expect(page.locator("#map .leaflet-overlay-pane path").first).to_be_attached()
    deadline = time.monotonic() + 15        # the clusters' icons follow the base map
    while points_on_map(page) != len(located) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert points_on_map(page) == len(located)
    assert page.locator("#timeline canvas").count() >= 1
    total = api(server, "/v1/events?limit=0")["total"]
    assert page.locator("#events tbody tr").count() == total
    assert page.evaluate("document.documentElement.dir") == "rtl"
    shoot(page, "dashboard")
    assert_only_this_server(page, server)


def test_a_filter_narrows_the_table_and_stays_in_the_url(page, server: str) -> None:
    ready(page, server + "/")
    before = page.locator("#events tbody tr").count()
    expected = api(server, "/v1/events?type=ASSAULT&limit=0")["total"]
    assert 0 < expected < before
    page.select_option("#f-type", "ASSAULT")
    page.click("#apply")
    page.wait_for_url("**type=ASSAULT**")
    expect(page.locator("#events tbody tr")).to_have_count(expected)
    types = page.locator("#events tbody tr td:nth-child(2)").all_inner_texts()
    assert all("ASSAULT" in t for t in types)
    shoot(page, "filtered")
    ready(page, page.url)                       # a shared link opens the same view
    assert page.locator("#f-type").input_value() == "ASSAULT"
    assert page.locator("#events tbody tr").count() == expected
    assert_only_this_server(page, server)


def test_the_timeline_brush_sets_the_dates(page, server: str) -> None:
    ready(page, server + "/?by=month")
    overlay = page.locator("#timeline .u-over")
    box = overlay.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.4, y, steps=8)
    page.mouse.up()
    page.wait_for_url("**since=**")
    assert "until=" in page.url
    page.wait_for_selector("body[data-ready='1']")
    assert_only_this_server(page, server)


def test_an_event_page_highlights_its_evidence(page, server: str) -> None:
    strike = api(server, "/v1/events?source=alpha&type=ASSAULT")["events"][0]
    article = api(server, f"/v1/articles/{strike['article_id']}")
    spans = next(e for e in article["events"] if e["event_id"] == strike["event_id"])["spans"]
    ready(page, f"{server}/?event={strike['event_id']}")
    page.wait_for_selector("#article-text mark.m-trigger")
    for role in ("trigger", "actor", "recipient", "place", "time"):
        marked = page.locator(f"#article-text mark.m-{role}").all_inner_texts()
        wanted = {s["text"] for s in spans if s["role"] == role and s["field"] == "text"}
        assert marked and set(marked) <= wanted, role
    assert page.locator("#source-link").get_attribute("href") == article["url"]
    others = page.locator("#cluster-reports li").all_inner_texts()
    assert any("beta" in line for line in others), others     # the other source's report
    shoot(page, "event")
    assert_only_this_server(page, server)


def test_english_labels_left_to_right(page, server: str) -> None:
    ready(page, server + "/?lang=en")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.locator("#map-panel h2 span").inner_text() == "Map"
    assert_only_this_server(page, server)


def test_the_api_docs_page_works_offline(page, server: str) -> None:
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    shoot(page, "docs")
    assert_only_this_server(page, server)


@pytest.mark.skipif(not os.environ.get("MARSAD_SCREENSHOT_DB"),
                    reason="MARSAD_SCREENSHOT_DB (a store of corpus articles) is not set: the "
                           "README's screenshot is taken only on request")
def test_the_readme_screenshot(browser) -> None:  # type: ignore[no-untyped-def]
    """docs/img/dashboard.png, on a store of real articles (``MARSAD_SCREENSHOT_DB``)."""
    process, base = start_server(os.environ["MARSAD_SCREENSHOT_DB"])
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        ready(page, base + "/?by=day&since=2015-07-15&until=2015-08-15")
        page.wait_for_timeout(1000)
        page.screenshot(path=str(ROOT / "docs" / "img" / "dashboard.png"))
        context.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_articles_file_is_the_served_one() -> None:
    assert ARTICLES.is_file()

"""The web chat page's routes (connectors/webchat.py): an allow-list of files, and a clear
503 when `make web` has not installed the libraries. Handlers are called as Sanic would
(no test client is installed); the real routing is checked over HTTP in tests/e2e."""

import asyncio
import json
import shutil
from pathlib import Path

import pytest

from connectors.webchat import ASSETS, PAGE, WEB_DIR, WebChatInput


def routes(web_dir: Path) -> dict:
    blueprint = WebChatInput(web_dir).blueprint(None)
    return {route.uri: route.handler for route in blueprint._future_routes}


def call(handler, *args):
    return asyncio.run(handler(None, *args))


@pytest.fixture
def installed(tmp_path) -> Path:
    """A web folder with every served file, each holding its own name."""
    for relative in [PAGE, *(path for path, _ in ASSETS.values())]:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(f"/* {relative} */")
    (tmp_path / "package.json").write_text("{}")  # on disk, but not served
    return tmp_path


def test_the_page_is_served_with_a_policy_that_keeps_everything_local(installed):
    page = call(routes(installed)["/"])
    assert page.status == 200 and page.content_type.startswith("text/html")
    assert page.body == f"/* {PAGE} */".encode()
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self';" in policy
    assert "connect-src 'self'" in policy


def test_each_listed_asset_is_served_with_its_type(installed):
    serve = routes(installed)["/assets/<name>"]
    for name, (relative, content_type) in ASSETS.items():
        found = call(serve, name)
        assert found.status == 200, name
        assert found.content_type == content_type and found.body == f"/* {relative} */".encode()


def test_anything_not_listed_is_404(installed):
    serve = routes(installed)["/assets/<name>"]
    for name in ["package.json", "index.html", "../app.js", "..%2Fapp.js", "APP.JS", "", "x.js"]:
        missing = call(serve, name)
        assert missing.status == 404, name
        assert json.loads(missing.body) == {"error": "No such file."}


def test_without_the_libraries_the_page_says_to_run_make_web(installed):
    shutil.rmtree(installed / "node_modules")
    handlers = routes(installed)
    page = call(handlers["/"])
    assert page.status == 503 and b"make web" in page.body
    assert b"deepChat.bundle.js" in page.body  # and which files are missing
    bundle = call(handlers["/assets/<name>"], "deepChat.bundle.js")
    assert bundle.status == 503 and b"make web" in bundle.body
    assert call(handlers["/assets/<name>"], "app.js").status == 200  # the page's own files remain


def test_health():
    health = call(routes(WEB_DIR)["/health"])
    assert health.status == 200 and json.loads(health.body) == {"status": "ok"}


def test_the_page_names_exactly_the_listed_assets():
    """index.html and ASSETS must agree, or the page breaks (or a listed file is unused)."""
    html = (WEB_DIR / PAGE).read_text()
    assert sorted(set(_asset_names(html))) == sorted(ASSETS)


def _asset_names(html: str) -> list[str]:
    prefix = "/webhooks/chat/assets/"
    names = []
    for part in html.split(prefix)[1:]:
        names.append(part.split('"', 1)[0])
    return names

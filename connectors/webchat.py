"""The web chat page, served by the Rasa server (it talks to the coach over socket.io).

- GET /webhooks/chat/: the page (web/index.html).
- GET /webhooks/chat/assets/<name>: the page's own script and style from web/,
  and the vendored libraries that `make web` installs in web/node_modules
  (deep-chat, socket.io-client). Only the files listed in ASSETS are served:
  the name is a key, never a path, so nothing else on disk can be reached.
- GET /webhooks/chat/health: {"status": "ok"}, like the other channels.

Everything the page loads comes from this server (no CDN), and its
Content-Security-Policy says so to the browser too.
"""

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from coach import user_files

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
MODULES = "node_modules"
JS, CSS = "text/javascript; charset=utf-8", "text/css; charset=utf-8"

# URL name -> (file under web/, content type). Keep in step with web/index.html.
ASSETS: dict[str, tuple[str, str]] = {
    "app.js": ("app.js", JS),
    "app.css": ("app.css", CSS),
    "deepChat.bundle.js": (f"{MODULES}/deep-chat/dist/deepChat.bundle.js", JS),
    "socket.io.min.js": (f"{MODULES}/socket.io-client/dist/socket.io.min.js", JS),
}
PAGE = "index.html"
NOT_INSTALLED = (
    "The chat page's libraries are not installed: run `make web` (or `make run`, which"
    " does it), then reload this page.\n"
)


def content_security_policy() -> str:
    # Images and audio come from COACH_PUBLIC_URL, which may name this server
    # differently from the address in the browser (localhost vs 127.0.0.1).
    media = f"'self' {user_files.public_url()}"
    return (
        "default-src 'self'; script-src 'self'; connect-src 'self';"
        f" img-src {media} data: blob:; media-src {media} blob:;"
        # deep-chat styles its shadow DOM with inline style elements.
        " style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none';"
        " frame-ancestors 'self'"
    )


def missing_files(web_dir: Path = WEB_DIR) -> list[str]:
    wanted = [PAGE, *(path for path, _ in ASSETS.values())]
    return [path for path in wanted if not (web_dir / path).is_file()]


class WebChatInput(InputChannel):
    """Serves the page only: its messages go over the socket.io channel."""

    def __init__(self, web_dir: Path = WEB_DIR) -> None:
        self.web_dir = web_dir

    @classmethod
    def name(cls) -> str:
        return "chat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        routes = Blueprint("webchat_routes", __name__)
        web_dir = self.web_dir

        @routes.route("/health", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @routes.route("/", methods=["GET"])
        async def page(_: Request) -> HTTPResponse:
            missing = missing_files(web_dir)
            if missing:
                return response.text(
                    NOT_INSTALLED + "Missing: " + ", ".join(missing) + "\n", status=503
                )
            headers = {
                "Cache-Control": "no-cache",
                "Content-Security-Policy": content_security_policy(),
                "X-Content-Type-Options": "nosniff",
            }
            return await response.file(
                web_dir / PAGE, mime_type="text/html; charset=utf-8", headers=headers
            )

        @routes.route("/assets/<name>", methods=["GET"])
        async def asset(_: Request, name: str) -> HTTPResponse:
            if name not in ASSETS:
                return response.json({"error": "No such file."}, status=404)
            relative, content_type = ASSETS[name]
            path = web_dir / relative
            if not path.is_file():
                return response.text(NOT_INSTALLED, status=503)
            # no-cache: revalidated each load, so a new version is never mixed with an old one.
            headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
            return await response.file(path, mime_type=content_type, headers=headers)

        return routes

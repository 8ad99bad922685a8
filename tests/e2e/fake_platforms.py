"""A fake Telegram Bot API and a fake Slack Web API on 127.0.0.1 for the end-to-end
tests: they answer as the real ones do (enough for aiogram and slack_sdk) and record
every request, so a test can wait for the message the coach sent. Also the recorded
webhook payloads (tests/e2e/platforms/) and Slack's request signing."""

import copy
import email.parser
import email.policy
import hashlib
import hmac
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode

PAYLOADS = Path(__file__).parent / "platforms"

TELEGRAM_TOKEN = "123456789:TEST-coach-bot-token"
TELEGRAM_BOT_NAME = "leg_lift_coach_test_bot"
TELEGRAM_WEBHOOK_URL = "https://coach.example.test/webhooks/telegram/webhook"
SLACK_TOKEN = "xoxb-0000-test-coach-token"
SLACK_SIGNING_SECRET = "test-signing-secret-not-a-real-one"
SLACK_BOT_USER = "U0COACHBOT"
WAIT_SECONDS = 30


@dataclass(frozen=True)
class Call:
    """One request the coach made to a platform's API."""

    platform: str  # "telegram" or "slack"
    method: str  # "sendMessage", "chat.postMessage", ...
    params: dict
    headers: dict
    result: dict  # what the fake answered (a sent message has its message_id / ts)


def _params(content_type: str, body: bytes) -> dict:
    """The request's parameters, whatever the encoding (aiogram: form; slack_sdk: JSON)."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        return json.loads(body or b"{}")
    if kind == "multipart/form-data":
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        return {
            part.get_param("name", header="content-disposition"): part.get_content()
            for part in message.iter_parts()
        }
    return {key: values[-1] for key, values in parse_qs(body.decode()).items()}


class FakePlatforms:
    """Both fake APIs on one port: /telegram/bot<token>/<method> and /slack/api/<method>."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._changed = threading.Condition()
        self._ids = itertools.count(1000)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, reply = fake.answer(self.path, dict(self.headers), body)
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "FakePlatforms":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def env(self) -> dict[str, str]:
        """The coach's settings for both platforms, pointing at these fakes."""
        return {
            "COACH_TELEGRAM_TOKEN": TELEGRAM_TOKEN,
            "COACH_TELEGRAM_BOT_NAME": TELEGRAM_BOT_NAME,
            "COACH_TELEGRAM_WEBHOOK_URL": TELEGRAM_WEBHOOK_URL,
            "COACH_TELEGRAM_API_URL": f"{self.url}/telegram",
            "COACH_SLACK_TOKEN": SLACK_TOKEN,
            "COACH_SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
            "COACH_SLACK_API_URL": f"{self.url}/slack/api/",
        }

    # --- The APIs ---------------------------------------------------------------

    def answer(self, path: str, headers: dict, body: bytes) -> tuple[int, dict]:
        content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
        params = _params(content_type, body)
        if path.startswith("/telegram/bot"):
            token, _, method = path.removeprefix("/telegram/bot").partition("/")
            platform, (status, reply) = "telegram", self.telegram(token, method, params)
        elif path.startswith("/slack/api/"):
            method = path.removeprefix("/slack/api/")
            platform, (status, reply) = "slack", self.slack(headers, method, params)
        else:
            return 404, {"ok": False, "description": "Not Found"}
        with self._changed:
            self.calls.append(Call(platform, method, params, headers, reply))
            self._changed.notify_all()
        return status, reply

    def telegram(self, token: str, method: str, params: dict) -> tuple[int, dict]:
        if token != TELEGRAM_TOKEN:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        if "reply_markup" in params and isinstance(params["reply_markup"], str):
            params["reply_markup"] = json.loads(params["reply_markup"])
        if method == "getMe":
            bot = {"id": 123456789, "is_bot": True, "first_name": "Leg Lift Coach"}
            return 200, {"ok": True, "result": {**bot, "username": TELEGRAM_BOT_NAME}}
        if method in ("setWebhook", "answerCallbackQuery", "deleteWebhook"):
            return 200, {"ok": True, "result": True}
        if method.startswith(("send", "edit")):
            chat = {"id": int(params.get("chat_id", 0)), "type": "private"}
            message = {"message_id": next(self._ids), "date": int(time.time()), "chat": chat}
            if "text" in params:
                message["text"] = params["text"]
            return 200, {"ok": True, "result": message}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}

    def slack(self, headers: dict, method: str, params: dict) -> tuple[int, dict]:
        auth = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
        if auth != f"Bearer {SLACK_TOKEN}":
            return 200, {"ok": False, "error": "invalid_auth"}
        if method in ("chat.postMessage", "chat.update"):
            ts = params.get("ts") or f"{int(time.time())}.{next(self._ids):06d}"
            message = {"type": "message", "user": SLACK_BOT_USER, "ts": ts, **params}
            return 200, {"ok": True, "channel": params.get("channel"), "ts": ts, "message": message}
        return 200, {"ok": False, "error": "unknown_method"}

    # --- What the tests look at -------------------------------------------------

    def find(self, method: str, where: Callable[[Call], bool] | None = None, **params):
        """The calls to `method` whose parameters include `params` (compared as strings)
        and, if given, for which `where(call)` is true."""
        with self._changed:
            calls = list(self.calls)
        return [
            call
            for call in calls
            if call.method == method
            and all(str(call.params.get(k)) == str(v) for k, v in params.items())
            and (where is None or where(call))
        ]

    def wait_for(
        self,
        method: str,
        where: Callable[[Call], bool] | None = None,
        timeout: float = WAIT_SECONDS,
        **params,
    ) -> Call:
        """The first matching call, once it has arrived (AssertionError if it does not)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not (found := self.find(method, where, **params)):
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.params) for c in self.calls[-8:]]
                    raise AssertionError(
                        f"{method} {params} not received in {timeout}s; the last calls: {seen}"
                    )
                self._changed.wait(left)
        return found[0]


# --- Recorded webhook payloads ----------------------------------------------------


def payload(name: str, **changes) -> dict:
    """A recorded payload (tests/e2e/platforms/<name>.json), with top-level changes."""
    data = copy.deepcopy(json.loads((PAYLOADS / f"{name}.json").read_text()))
    data.update(changes)
    return data


def slack_headers(body: bytes, secret: str = SLACK_SIGNING_SECRET, at: float | None = None):
    """The headers Slack sends with `body`: its v0 signature with the signing secret."""
    stamp = str(int(time.time() if at is None else at))
    digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest.hexdigest()}"}


def slack_form(interaction: dict) -> bytes:
    """An interaction payload as Slack posts it: a form with one field, payload=<JSON>."""
    return urlencode({"payload": json.dumps(interaction)}).encode()

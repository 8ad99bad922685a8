"""Every patch of a library the coach runs on, in one place, installed explicitly at
start-up: `install()` by the Rasa server (scripts/rasa_server.py),
`install_action_server()` by the action server (scripts/action_server.py). Each says
why, and checks the version it was written for, so that an upgrade fails loudly at
start-up instead of misbehaving.

- sanic 21.12: a request header it cannot parse (an empty or non-numeric
  Content-Length) is a ValueError deep in its HTTP parser, answered 500 with a
  traceback in the log. It is a bad request: 400, logged quietly.
- python-engineio 4.7: a long-polling request with more packets than its limit
  (16) raised ValueError, answered with a traceback while the page lost its
  messages. socket.io-client sends what it queued while offline in one request,
  so the limit is MAX_PACKETS_PER_POLL, and a request with more is refused (400)
  before engine.io reads it: its own refusal holds the request open for a
  minute while it waits for the page to collect a goodbye packet.
- rasa 3.6: RemoteAction._validate_action_result checks every reply of the action
  server with jsonschema.validate(), which checks the schema itself again on
  every call: about 20 ms a turn, more than half of the Rasa server's time under
  load (py-spy, 10 users). The same schema with its validator built once takes
  about 1 ms; a reply that fails goes on to Rasa's own check, so the error and
  its message are Rasa's.
- rasa 3.6: FailSafeTrackerStore (Agent always wraps the store in one) answers a
  conversation it cannot read as a brand-new one, and keeps a turn it cannot
  save in memory. With our store (connectors/tracker_store.py) both fail the
  turn instead, so the user is told nothing was saved rather than losing a count
  they were told was kept.
- rasa_sdk 3.6: its create_app has no hook for authentication; the action server
  acts on whatever sender id a call names, so every call but /health must carry
  the Rasa server's token (scripts/action_server.py).
"""

import hmac
import importlib.metadata
import logging
from functools import cache
from typing import Any

import engineio
import jsonschema
from engineio import payload as engineio_payload
from sanic import http as sanic_http
from sanic import response
from sanic.exceptions import InvalidUsage

logger = logging.getLogger(__name__)

MAX_PACKETS_PER_POLL = 64
WRITTEN_FOR = {"sanic": "21.12.", "python-engineio": "4.7.", "rasa": "3.6."}
WRITTEN_FOR_ACTION_SERVER = {"rasa-sdk": "3.6."}
OPEN_PATHS = ("/health",)  # the action server's: says only that it is up


class PatchedVersionError(RuntimeError):
    pass


def check_versions(written_for: dict[str, str] = WRITTEN_FOR) -> None:
    for package, prefix in written_for.items():
        version = importlib.metadata.version(package)
        if not version.startswith(prefix):
            raise PatchedVersionError(
                f"connectors/patches.py was written for {package} {prefix}x, not {version}: "
                "check each patch against the new version, then update WRITTEN_FOR."
            )


def install() -> None:
    check_versions()
    http = sanic_http.Http
    # Not http1_request_header itself: Sanic recompiles that method from its source.
    if not getattr(http.error_response, "coach_patched", False):
        error_response = http.error_response

        async def bad_header_is_a_bad_request(self: sanic_http.Http, exception: Exception) -> None:
            if self.stage is sanic_http.Stage.REQUEST and isinstance(exception, ValueError):
                exception = InvalidUsage("Bad request header")
            await error_response(self, exception)

        bad_header_is_a_bad_request.coach_patched = True
        http.error_response = bad_header_is_a_bad_request

    engineio_payload.Payload.max_decode_packets = MAX_PACKETS_PER_POLL
    server = engineio.AsyncServer
    if not getattr(server.handle_request, "coach_patched", False):
        handle_request = server.handle_request

        # Patched before Rasa's socket.io channel registers the bound method as its route.
        async def at_most_a_pages_worth(self: engineio.AsyncServer, request: Any) -> Any:
            body = getattr(request, "body", None) or b""
            if request.method == "POST" and body.count(b"\x1e") >= MAX_PACKETS_PER_POLL:
                return response.text("Too many packets in one request.", status=400)
            return await handle_request(self, request)

        at_most_a_pages_worth.coach_patched = True
        server.handle_request = at_most_a_pages_worth

    _action_results_checked_with_a_built_schema()
    _fail_safe_store_fails_the_turn()


@cache
def action_result_validator() -> Any:
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    return jsonschema.validators.validator_for(schema)(schema)


def _action_results_checked_with_a_built_schema() -> None:
    from rasa.core.actions.action import RemoteAction

    rasa_check = RemoteAction._validate_action_result
    if getattr(rasa_check, "coach_patched", False):
        return

    def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        if action_result_validator().is_valid(result):
            return True
        return rasa_check(self, result)

    validate_action_result.coach_patched = True
    RemoteAction._validate_action_result = validate_action_result


def _fail_safe_store_fails_the_turn() -> None:
    from rasa.core.tracker_store import FailSafeTrackerStore

    from connectors.tracker_store import UrlSQLTrackerStore

    if getattr(FailSafeTrackerStore.save, "coach_patched", False):
        return
    rasa_on_retrieve_error = FailSafeTrackerStore.on_tracker_store_retrieve_error
    rasa_save = FailSafeTrackerStore.save

    def fail_the_turn(self: FailSafeTrackerStore, error: Exception) -> None:
        # Mid-session, "done" read as a new conversation would get "no session running".
        if isinstance(self._tracker_store, UrlSQLTrackerStore):
            logger.error("A conversation could not be read, so this turn fails: %s", error)
            raise error
        rasa_on_retrieve_error(self, error)

    async def save_or_fail_the_turn(self: FailSafeTrackerStore, tracker: Any) -> None:
        # Kept in memory, the turn would be lost at the next restart after "That's 6".
        if not isinstance(self._tracker_store, UrlSQLTrackerStore):
            await rasa_save(self, tracker)
            return
        try:
            await self._tracker_store.save(tracker)
        except Exception as error:
            logger.error("A turn could not be saved, so it fails: %s", error)
            raise

    save_or_fail_the_turn.coach_patched = True
    FailSafeTrackerStore.on_tracker_store_retrieve_error = fail_the_turn
    FailSafeTrackerStore.save = save_or_fail_the_turn


def authorized(header: str, token: str) -> bool:
    scheme, _, credential = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        credential.strip().encode(), token.encode()
    )


def install_action_server(token: str) -> None:
    """Only calls carrying the Rasa server's token reach the actions."""
    check_versions(WRITTEN_FOR_ACTION_SERVER)
    import rasa_sdk.endpoint

    create_app = rasa_sdk.endpoint.create_app
    if getattr(create_app, "coach_patched", False):
        return

    def create_guarded_app(*args: Any, **kwargs: Any) -> Any:
        app = create_app(*args, **kwargs)

        @app.middleware("request")
        async def only_the_rasa_server(request: Any) -> Any:
            if request.path in OPEN_PATHS:
                return None
            if not authorized(request.headers.get("authorization", ""), token):
                return response.json({"error": "not authorized"}, status=401)
            return None

        return app

    create_guarded_app.coach_patched = True
    rasa_sdk.endpoint.create_app = create_guarded_app

"""The coach's own routes on the Rasa server, registered as an input channel.

- GET /webhooks/coach/files/<user>/<file>: the progress chart and history
  export the action server made for a user (coach/user_files.py).
- GET /webhooks/coach/audio/<name>: a reply's speech as MP3, cached by
  coach/speech.py.
- At start-up, stored session reminders go back on the scheduler
  (connectors/reminders.py).
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from coach import report, speech, user_files
from connectors import reminders
from connectors.scale import lock_store_url

logger = logging.getLogger(__name__)


class CoachInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "coach"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        routes = Blueprint("coach_routes", __name__)

        @routes.route("/files/<user>/<name>", methods=["GET"])
        async def user_file(_: Request, user: str, name: str) -> HTTPResponse:
            path = user_files.path_for(user, name)
            if path is None:
                return response.json(
                    {"error": "No such file: it may have been replaced by a newer one or deleted."},
                    status=404,
                )
            headers = {"Cache-Control": "private, no-store"}
            if path.suffix == ".csv":
                headers["Content-Disposition"] = f'attachment; filename="{report.CSV_FILENAME}"'
            return await response.file(path, headers=headers)

        @routes.route("/audio/<name>", methods=["GET"])
        async def audio(_: Request, name: str) -> HTTPResponse:
            path = speech.audio_path(name)
            if path is None:
                return response.json({"error": "No such audio."}, status=404)
            # A name is a hash of the text, so the file never changes; private: texts can be.
            headers = {"Cache-Control": "private, max-age=86400"}
            return await response.file(path, mime_type="audio/mpeg", headers=headers)

        @routes.listener("after_server_start")
        async def reschedule_reminders(app: Sanic, _loop: Any) -> None:
            try:
                await reminders.reschedule_pending(app)
            except Exception:  # a broken reminder must not keep the coach from starting
                logger.exception("Stored reminders could not be rescheduled")
            if lock_store_url():  # several processes: take over each other's reminders
                app.ctx.reminder_sweep = asyncio.create_task(reminders.sweep_forever(app))

        @routes.listener("before_server_stop")
        async def stop_sweeping(app: Sanic, _loop: Any) -> None:
            sweep = getattr(app.ctx, "reminder_sweep", None)
            if sweep is not None:
                sweep.cancel()

        return routes

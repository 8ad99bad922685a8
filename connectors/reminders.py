"""Session reminders outlive a restart of the Rasa server.

Rasa keeps scheduled reminders in memory only. Each one is also stored: as a
ReminderScheduled event in the tracker store, and in the user's `reminders`
slot (cleared when it fires or is cancelled). At start-up this puts every
reminder still due back on Rasa's scheduler, with the output channel of the
channel the user last wrote on. One missed while the server was down goes out
at once, if it is less than an hour late (the coach drops later ones).
"""

import logging
from datetime import datetime, timedelta

from rasa.core import jobs
from rasa.shared.core.events import ReminderScheduled
from sanic import Sanic

from coach.dialogue import REMINDER_ENTITY, SESSION_REMINDER_PREFIX, pending_reminders

logger = logging.getLogger(__name__)

# A reminder that came due while the server was down waits this long, so that
# clients that reconnect after the restart are there to receive it.
RECONNECT_GRACE = timedelta(seconds=5)


def _latest_session_reminder(tracker) -> ReminderScheduled | None:
    for event in reversed(tracker.events):
        if isinstance(event, ReminderScheduled) and event.name.startswith(SESSION_REMINDER_PREFIX):
            return event
    return None


def _still_wanted(event: ReminderScheduled, slot: list) -> bool:
    said = next(
        (e.get("value") for e in event.entities or [] if e.get("entity") == REMINDER_ENTITY),
        None,
    )
    try:
        at = float(said)
    except (TypeError, ValueError):
        return False
    # The slot's times are the coach's; the event's trigger time is the real one.
    return any(abs(r["at"] - at) < 1 for r in pending_reminders(slot, float("-inf")))


async def reschedule_pending(app: Sanic) -> int:
    agent = app.ctx.agent
    store = agent.tracker_store
    sql_store = getattr(store, "_tracker_store", store)  # Rasa wraps it in a fail-safe store
    if not hasattr(sql_store, "senders_with_reminders"):
        logger.warning("This tracker store cannot list reminders; none were rescheduled.")
        return 0
    channels = {channel.name(): channel for channel in getattr(app.ctx, "input_channels", [])}
    scheduler = await jobs.scheduler()
    rescheduled = 0
    for sender_id in sql_store.senders_with_reminders():
        tracker = await store.retrieve(sender_id)
        event = _latest_session_reminder(tracker) if tracker else None
        if event is None:
            continue
        run_date = event.trigger_date_time
        now = datetime.now(run_date.tzinfo)
        slot = tracker.get_slot("reminders") or []
        if run_date < now - timedelta(hours=1) or not _still_wanted(event, slot):
            continue
        channel = channels.get(tracker.get_latest_input_channel() or "")
        output = channel.get_output_channel() if channel else None
        if output is None:
            logger.warning("A reminder could not be rescheduled: its channel cannot push.")
            continue
        scheduler.add_job(
            agent.processor.handle_reminder,
            "date",
            run_date=max(run_date, now + RECONNECT_GRACE),
            args=[event, sender_id, output],
            id=event.name,
            replace_existing=True,
            name=event.scheduled_job_name(sender_id),
        )
        rescheduled += 1
    logger.info("Rescheduled %d stored reminder(s)", rescheduled)
    return rescheduled

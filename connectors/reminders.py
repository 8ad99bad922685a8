"""Rest timers and session reminders fire once, whichever process scheduled them,
and outlive that process.

Rasa keeps scheduled reminders in its scheduler's memory (rasa/core/jobs.py), in
the one process that handled the turn. Their lasting home here is the tracker
store, shared by every process: each ReminderScheduled event is stored with the
conversation (and a session reminder also in the user's `reminders` slot, cleared
when it fires or is cancelled). From there:

- At start-up every Rasa process puts each reminder still due back on its own
  scheduler (`schedule_pending`), with the output channel of the channel the user
  last wrote on. One missed while the coach was down goes out at once if it is
  less late than LATE_LIMITS says (the coach drops later ones).
- With a shared lock store (several processes, connectors/scale.py) each process
  also does so every SWEEP_SECONDS, so a reminder still fires when the process
  that scheduled it is gone.
- So several processes may hold the same reminder. When one comes due, Rasa's
  handle_reminder takes the user's lock, the same in every process, and fires it
  only if `still_due` (connectors/patches.py): it is the latest reminder of its
  name, not cancelled, and not fired yet, which the stored conversation shows by
  the external message a fired reminder adds after it. The first process to get
  the lock fires it; the others find it fired. Rasa's Redis ticket lock is not
  atomic, so copies due at the same moment could both get it: the process that
  fires also claims the reminder in Redis first (`claim`). One scheduler process would have
  done the same with fewer wake-ups, but would be one more thing to keep alive
  and a single point of failure; APScheduler's SQL job store cannot pickle Rasa's
  jobs (their arguments hold the output channel) and fires a job in each
  scheduler that loads it.

This imports nothing from the action server's side (rasa_sdk, gTTS, actions/).
"""

import asyncio
import logging
import os
from datetime import datetime, timedelta

from rasa.core import jobs
from rasa.shared.core.constants import ACTION_NAME_SENDER_ID_CONNECTOR_STR, EXTERNAL_MESSAGE_PREFIX
from rasa.shared.core.events import ReminderCancelled, ReminderScheduled, UserUttered
from sanic import Sanic

from coach.dialogue import LATE_REMINDER_SECONDS, REMINDER_ENTITY, SESSION_REMINDER_PREFIX

logger = logging.getLogger(__name__)

# A reminder that came due while no process held it waits this long, so that
# clients that reconnect after a restart are there to receive it.
RECONNECT_GRACE = timedelta(seconds=5)
# How often each process looks for reminders other processes scheduled (only
# with a shared lock store). A rest timer of a process that died fires at most
# this late.
SWEEP_SECONDS = 10.0
# The Redis key of a reminder claimed for firing (`claim`), and how long the claim
# holds: longer than a turn takes, short enough for a sweep to retry the reminder
# while it may still go out if the claimer died.
CLAIM_PREFIX = "coach:reminder_claimed:"
CLAIM_SECONDS = 30
# The slot that lists the session reminders still wanted (coach/dialogue.py).
REMINDERS_SLOT = "reminders"
# How late a reminder may still go out: "time for your leg lifts" within the
# hour, "rest over" only if barely late (the user has moved on).
LATE_LIMITS = {SESSION_REMINDER_PREFIX: timedelta(seconds=LATE_REMINDER_SECONDS)}
DEFAULT_LATE_LIMIT = timedelta(minutes=1)


def _stamp(event: ReminderScheduled) -> str:
    return event.trigger_date_time.isoformat()


def still_due(tracker, reminder: ReminderScheduled) -> bool:
    """Whether this reminder should fire now: the conversation still holds it as the
    latest of its name, and holds neither its cancellation nor its firing."""
    events = list(tracker.events)
    latest = None
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if isinstance(event, ReminderScheduled) and event.name == reminder.name:
            latest = index
            break
    if latest is None or _stamp(events[latest]) != _stamp(reminder):
        return False  # gone (erased, restarted) or replaced by a newer one
    job_name = reminder.scheduled_job_name(tracker.sender_id)
    fired_text = f"{EXTERNAL_MESSAGE_PREFIX}{reminder.intent}"
    for event in events[latest + 1 :]:
        if isinstance(event, ReminderCancelled) and event.cancels_job_with_name(
            job_name, tracker.sender_id
        ):
            return False
        if (
            isinstance(event, UserUttered)
            and event.text == fired_text
            and (event.entities or []) == (reminder.entities or [])
        ):
            return False  # another process fired it
    return True


def claim(lock_store, sender_id: str, reminder: ReminderScheduled) -> bool:
    """Whether this process may fire the reminder: with Redis, only the first process
    to claim it. Rasa's RedisLockStore issues a ticket by reading the lock, adding
    to it and writing it back, which is not atomic: two processes whose copies of a
    reminder come due at the same moment both get ticket 0, hold "the" lock at
    once, and both see it not fired yet (seen in the scale e2e: the page heard it
    twice). Redis's SET NX is atomic. The claim expires, so a reminder whose
    claimer died before firing it is taken over by the next sweep."""
    redis = getattr(lock_store, "red", None)
    if redis is None:  # the in-memory lock store: one process, its lock suffices
        return True
    # Not scheduled_job_name(): it is made of hash(), which differs from process to process.
    key = f"{CLAIM_PREFIX}{sender_id}:{reminder.name}:{_stamp(reminder)}"
    return bool(redis.set(key, os.getpid(), nx=True, ex=CLAIM_SECONDS))


def _still_wanted(event: ReminderScheduled, slot: list) -> bool:
    """A session reminder is wanted while the user's reminders slot lists its time."""
    said = next(
        (e.get("value") for e in event.entities or [] if e.get("entity") == REMINDER_ENTITY),
        None,
    )
    if said is None:
        return True  # not a session reminder
    try:
        at = float(said)
    except (TypeError, ValueError):
        return False
    # The slot's times are the coach's; the event's trigger time is the real one.
    return any(
        isinstance(r, dict) and isinstance(r.get("at"), int | float) and abs(r["at"] - at) < 1
        for r in slot or []
    )


def _late_limit(event: ReminderScheduled) -> timedelta:
    return next(
        (limit for prefix, limit in LATE_LIMITS.items() if event.name.startswith(prefix)),
        DEFAULT_LATE_LIMIT,
    )


def pending(tracker, now: datetime | None = None) -> list[ReminderScheduled]:
    """The reminders of this conversation that should still go out."""
    latest: dict[str, ReminderScheduled] = {}
    for event in tracker.events:
        if isinstance(event, ReminderScheduled):
            latest[event.name] = event
    found = []
    for event in latest.values():
        at = event.trigger_date_time
        current = now or datetime.now(at.tzinfo)
        if at < current - _late_limit(event) or not still_due(tracker, event):
            continue
        if not _still_wanted(event, tracker.get_slot(REMINDERS_SLOT)):
            continue
        found.append(event)
    return found


async def schedule_pending(app: Sanic) -> int:
    """Put every stored reminder still due on this process's scheduler; how many
    were added or moved."""
    agent = app.ctx.agent
    store = agent.tracker_store
    sql_store = getattr(store, "_tracker_store", store)  # Rasa wraps it in a fail-safe store
    if not hasattr(sql_store, "senders_with_reminders"):
        logger.warning("This tracker store cannot list reminders; none were rescheduled.")
        return 0
    channels = {channel.name(): channel for channel in getattr(app.ctx, "input_channels", [])}
    scheduler = await jobs.scheduler()
    scheduled = 0
    oldest_due = datetime.now() - max([*LATE_LIMITS.values(), DEFAULT_LATE_LIMIT])
    for sender_id in sql_store.senders_with_reminders(due_after=oldest_due):
        tracker = await store.retrieve(sender_id)
        if tracker is None:
            continue
        for event in pending(tracker):
            job = scheduler.get_job(event.name)
            if job is not None and job.args and _stamp(job.args[0]) == _stamp(event):
                continue  # already held here
            channel = channels.get(tracker.get_latest_input_channel() or "")
            output = channel.get_output_channel() if channel else None
            if output is None:
                logger.warning("A reminder could not be rescheduled: its channel cannot push.")
                continue
            now = datetime.now(event.trigger_date_time.tzinfo)
            scheduler.add_job(
                agent.processor.handle_reminder,
                "date",
                run_date=max(event.trigger_date_time, now + RECONNECT_GRACE),
                args=[event, sender_id, output],
                id=event.name,
                replace_existing=True,
                name=event.scheduled_job_name(sender_id),
            )
            scheduled += 1
    return scheduled


async def reschedule_pending(app: Sanic) -> int:
    """At start-up: every stored reminder still due."""
    rescheduled = await schedule_pending(app)
    logger.info("Rescheduled %d stored reminder(s)", rescheduled)
    return rescheduled


async def sweep_forever(app: Sanic, every: float = SWEEP_SECONDS) -> None:
    """With several processes: pick up reminders that other processes scheduled."""
    while True:
        await asyncio.sleep(every)
        try:
            added = await schedule_pending(app)
            if added:
                logger.info("Took over %d reminder(s) scheduled elsewhere", added)
        except Exception as error:  # the store may be briefly down: try again next time
            logger.warning("Reminders could not be checked: %s", error)


def remove_jobs_of(scheduler, sender_id: str) -> None:
    """Take one user's reminders off this process's scheduler (after an erase)."""
    suffix = f"{ACTION_NAME_SENDER_ID_CONNECTOR_STR}{sender_id}"
    for job in scheduler.get_jobs():
        if job.name.endswith(suffix):
            job.remove()

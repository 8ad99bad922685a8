"""One user turn, start to finish: what the coach says and what it remembers.

Rasa classifies the message; this module decides what it means here and now.
The same words mean different things in different moments ("7" is a rep
during a set and a pain score after "how bad is it?"), so the order is:

1. a red flag, in any state, ends everything else (nothing more is said);
2. the answer to a question the coach just asked (pain score, morning check,
   "start anyway?", more detail);
3. pain, then session control, then questions (answered, then the session
   carries on where it was).

Nothing here imports Rasa: the actions pass a Turn and a State in and turn
the Reply into messages, slot events and a reminder.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from actions import answers, conversation, pain, progression, red_flags
from actions import protocol as p
from actions.conversation import Message, Reply
from actions.numbers import parse_number
from actions.session import Session
from actions.speech import Line

PUSH_CHANNELS = ("socketio", "telegram", "slack")
VOICE_CHANNELS = ("alexa",)

SESSION_INTENTS = (
    "start_session", "count_rep", "report_reps", "continue_session", "pause_session",
    "skip", "repeat", "stop_session",
)  # fmt: skip
# Answers whose offer of more is about stepping up.
OFFERS_LEADING_TO_PROGRESSION = ("reps",)
START_BUTTONS = (("Yes, start", "/affirm"), ("Not now", "/deny"))
MORNING_BUTTONS = (("Better", "/feel_fine"), ("The same", "/feel_fine"), ("Worse", "/feel_worse"))


@dataclass
class Turn:
    intent: str
    entities: list[dict] = field(default_factory=list)
    text: str = ""
    channel: str | None = None
    metadata: dict = field(default_factory=dict)
    timer_for_set: int | None = None  # set by the rest timer, not by the user

    @property
    def voice(self) -> bool:
        return self.channel in VOICE_CHANNELS or bool(self.metadata.get("voice"))

    @property
    def can_push(self) -> bool:
        return self.channel in PUSH_CHANNELS


@dataclass
class State:
    disclaimer_given: bool = False
    pending_offer: str | None = None
    last_topic: str | None = None
    pending_pain: dict | None = None
    session: dict | None = None
    history: list[dict] = field(default_factory=list)
    level: str | None = None
    morning_check: float | None = None  # when the painful session ended
    caution: dict | None = None  # {"reason": ..., "at": ...}: no progression advice

    @classmethod
    def from_slots(cls, slots: dict[str, Any]) -> "State":
        level = slots.get("level")
        return cls(
            disclaimer_given=bool(slots.get("disclaimer_given")),
            pending_offer=slots.get("pending_offer"),
            last_topic=slots.get("last_topic"),
            pending_pain=slots.get("pending_pain")
            if isinstance(slots.get("pending_pain"), dict)
            else None,
            session=slots.get("session") if isinstance(slots.get("session"), dict) else None,
            history=list(slots.get("history") or []),
            level=level if level in {lv.key for lv in p.LEVELS} else None,
            morning_check=slots.get("morning_check"),
            caution=slots.get("caution") if isinstance(slots.get("caution"), dict) else None,
        )

    @property
    def current_level(self) -> str:
        return self.level or p.STANDARD_LEVEL

    def conversation_state(self) -> conversation.State:
        return conversation.State(self.disclaimer_given, self.pending_offer, self.last_topic)


@dataclass
class Outcome:
    """A Reply plus what only the adapter can do: schedule the rest timer."""

    reply: Reply
    rest_timer_for_set: int | None = None


class _Turn:
    """The working state of one turn: the session being changed and the reply being built."""

    def __init__(self, turn: Turn, state: State, now: float, thresholds: pain.Thresholds):
        self.turn, self.state, self.now, self.thresholds = turn, state, now, thresholds
        self.session = Session.from_dict(state.session)
        if self.session is not None and turn.timer_for_set is None:
            # The channel can change between turns (chat app, then a speaker).
            self.session.timed_rest = turn.can_push
            self.session.voice = turn.voice
        self.reply = Reply()
        self.morning_check_due = _morning_check_due(state, self.session, now)
        self.was_resting = self.session is not None and self.session.phase == "rest"

    def say(self, lines: list[Line], buttons: tuple[tuple[str, str], ...] = ()) -> None:
        for index, line in enumerate(lines):
            last = index == len(lines) - 1
            self.reply.messages.append(Message(line.text, buttons if last else (), line.ssml))

    def say_text(self, text: str, buttons: tuple[tuple[str, str], ...] = ()) -> None:
        self.say([Line(text)], buttons)

    def set(self, **updates: Any) -> None:
        self.reply.updates.update(updates)

    def finish(self) -> Outcome:
        """Store the session (or, once it is over, its record in the history)."""
        timer = None
        if self.session is not None:
            if self.session.over:
                self._save_finished_session()
            else:
                self.session.last_active = self.now
                self.set(session=self.session.to_dict())
                if (
                    self.session.phase == "rest"
                    and not self.was_resting
                    and self.session.timed_rest
                ):
                    timer = self.session.set_number + 1
        return Outcome(self.reply, timer)

    def _save_finished_session(self) -> None:
        record = self.session.record()
        history = [*self.state.history, record] if record["total_reps"] or record["pain"] else []
        updates: dict[str, Any] = {"session": None, "level": self.session.level}
        if history:
            updates["history"] = history
        if any(severity > self.thresholds.fine_up_to for severity in record["pain"]):
            updates["morning_check"] = record["ended_at"]
        elif record["completed"] and (self.state.caution or {}).get("reason") == "pain":
            updates["caution"] = None  # a full, comfortable session: the pain has settled
        self.set(**updates)


def respond(
    turn: Turn, state: State, now: float, thresholds: pain.Thresholds | None = None
) -> Outcome:
    work = _Turn(turn, state, now, thresholds or pain.Thresholds.from_env())
    flag = red_flags.screen(turn.text)
    if flag is not None:
        _red_flag(work, flag)
        return work.finish()
    if turn.intent == "red_flag":
        # The classifier saw a red flag the screen did not: treat it as a pain report.
        turn.intent = "pain"
    if turn.timer_for_set is not None:
        if work.session is not None:
            work.say(work.session.rest_over(turn.timer_for_set))
        return work.finish()
    if not _answer_pending_question(work):
        _handle(work)
    _maybe_ask_morning_check(work)
    return _with_disclaimer(work).finish()


# -- safety -----------------------------------------------------------------------


def _red_flag(work: _Turn, flag: red_flags.RedFlag) -> None:
    if work.session is not None and not work.session.over:
        work.session.stop(work.now, reason="red_flag")
    work.say_text(red_flags.advice(flag))
    work.set(
        pending_offer=None,
        pending_pain=None,
        caution={"reason": "red_flag", "sign": flag.sign, "at": work.now},
    )


def _with_disclaimer(work: _Turn) -> _Turn:
    """The not-a-clinician line, once per conversation: after a greeting, else first."""
    if not work.state.disclaimer_given and work.reply.messages:
        position = 1 if work.turn.intent == "greet" else 0
        work.reply.messages.insert(position, Message(answers.DISCLAIMER))
        work.set(disclaimer_given=True)
    return work


# -- questions the coach asked ------------------------------------------------------


def _answer_pending_question(work: _Turn) -> bool:
    """Handle the reply to the coach's last question; False if this is not one."""
    pending, intent = work.state.pending_offer, work.turn.intent
    if pending == "pain_severity":
        severity = pain.read_severity(work.turn.entities, work.turn.text)
        if severity is None and intent == "count_rep":
            number = _said_number(work.turn)
            severity = number if number is not None and 0 <= number <= 10 else None
        if severity is not None:
            report = pain.PainReport(**{**(work.state.pending_pain or {}), "severity": severity})
            work.set(pending_offer=None, pending_pain=None)
            _act_on_pain(work, report)
            return True
        work.set(pending_offer=None, pending_pain=None)
        return False
    if pending == "morning_check" and intent in ("feel_fine", "feel_worse", "pain", "affirm"):
        worse = intent in ("feel_worse", "pain")
        level, text = pain.morning_check(worse, work.state.current_level)
        work.say_text(text)
        work.set(pending_offer=None, morning_check=None, level=level)
        return True
    if pending in ("start_anyway", "start_after_red_flag") and intent in ("affirm", "deny"):
        work.set(pending_offer=None)
        if intent == "affirm":
            if pending == "start_after_red_flag":
                work.set(caution=None)
            _begin_session(work)
        else:
            work.say_text("Okay. Rest up, and come back when you're ready.")
        return True
    if pending and pending in answers.ANSWERS and intent in ("affirm", "deny", "ask_more"):
        _reply_to_offer(work)
        return True
    if pending:
        work.set(pending_offer=None)
    return False


def _morning_check_due(state: State, session: Session | None, now: float) -> bool:
    """First turn of a new conversation, a day or more after a session with pain."""
    due = state.morning_check
    return (
        due is not None
        and not state.disclaimer_given
        and state.pending_offer != "morning_check"
        and (session is None or session.over)
        and datetime.fromtimestamp(now).date() > datetime.fromtimestamp(due).date()
    )


def _maybe_ask_morning_check(work: _Turn) -> None:
    if (
        not work.morning_check_due
        or "morning_check" in work.reply.updates
        or work.reply.updates.get("pending_offer")
    ):
        return
    work.say_text(pain.ASK_MORNING, MORNING_BUTTONS)
    work.set(pending_offer="morning_check")


# -- what the message is about ---------------------------------------------------------


def _said_number(turn: Turn) -> int | None:
    for entity in turn.entities:
        if entity.get("entity") in ("number", "pain_score"):
            value = parse_number(str(entity.get("value", "")))
            if isinstance(value, int):
                return value
    value = parse_number(turn.text)
    return value if isinstance(value, int) else None


def _handle(work: _Turn) -> None:
    intent, session = work.turn.intent, work.session
    active = session is not None and not session.over
    if intent in ("pain", "feel_worse"):
        _pain(work)
    elif intent == "start_session":
        _start(work)
    elif active and _session_control(work, session):
        pass
    elif intent in SESSION_INTENTS or intent in ("feel_fine",):
        _no_session(work)
    elif intent == "greet":
        work.reply.messages += conversation.greet().messages
        _session_status(work)
    elif intent == "goodbye":
        work.say_text(answers.GOODBYE)
    elif intent == "thank":
        work.say_text("You're welcome! Anything else about your leg lifts?")
        _session_status(work)
    elif intent in ("affirm", "deny", "ask_more"):
        _reply_to_offer(work)
    elif intent in conversation.INTENT_TOPICS:
        _question(work)
    else:
        work.say_text(answers.NOT_UNDERSTOOD)
        _session_status(work)


def _reply_to_offer(work: _Turn) -> None:
    """Yes, no or "tell me more", with or without an open offer of more detail."""
    conv = work.state.conversation_state()
    if work.turn.intent == "ask_more":
        reply = conversation.expand(conv)
    else:
        reply = conversation.reply_to_offer(work.turn.intent == "affirm", conv)
    work.reply.messages += reply.messages
    work.set(**reply.updates)
    _session_status(work)


def _session_status(work: _Turn) -> None:
    if work.session is not None and not work.session.over:
        work.say([work.session.status()])


def _question(work: _Turn) -> None:
    topic = conversation.topic_for(work.turn.intent, work.turn.entities)
    if topic == "progression" and work.state.caution:
        work.say_text(answers.NO_PROGRESSION_AFTER_CAUTION)
        work.set(last_topic=topic, pending_offer=None)
        _session_status(work)
        return
    reply = conversation.answer_question(
        work.turn.intent,
        work.turn.entities,
        work.state.conversation_state(),
        # One question at a time; and no offer that leads to "add more" while cautious.
        offer_more=not work.morning_check_due
        and not (work.state.caution and topic in OFFERS_LEADING_TO_PROGRESSION),
    )
    work.reply.messages += reply.messages
    work.set(**reply.updates)
    _session_status(work)


def _no_session(work: _Turn) -> None:
    intent = work.turn.intent
    if intent == "feel_fine":
        work.say_text("Glad to hear it! Say start my session whenever you want to exercise.")
    elif intent == "repeat" and work.state.last_topic in answers.ANSWERS:
        work.say_text(answers.answer_for(work.state.last_topic).short)
    elif intent == "stop_session":
        work.say_text("There's no session running, so nothing to stop. Take care!")
    else:
        work.say_text(answers.NO_SESSION)


def _session_control(work: _Turn, session: Session) -> bool:
    """A message that steers the running session; False if it is not about the session."""
    intent, now = work.turn.intent, work.now
    if intent == "count_rep":
        lines = session.count_rep(_said_number(work.turn), now)
    elif intent == "report_reps":
        lines = session.report(_said_number(work.turn), now)
    elif intent == "continue_session" or (
        # "ok" / "go on" / "carry on" read as yes or "tell me more": here they mean go.
        intent in ("affirm", "feel_fine", "ask_more")
        and (session.phase in ("setup", "rest", "paused") or session.awaiting_feedback)
    ):
        lines = session.ready(now)
    elif intent in ("affirm", "feel_fine", "deny"):
        lines = [session.status()]
    elif intent == "pause_session":
        lines = session.pause()
    elif intent == "skip":
        lines = session.skip("set" in work.turn.text.lower().split(), now)
    elif intent == "repeat":
        lines = session.repeat()
    elif intent in ("stop_session", "goodbye"):
        lines = session.stop(now)
        if intent == "goodbye":
            lines.append(Line(answers.GOODBYE))
    elif intent == "ask_reps":
        lines = session.how_many_left()
    elif intent == "ask_easier":
        lines = session.ease_off("too_hard", now)
    elif intent == "ask_progression":
        lines = session.note_easy() if not work.state.caution else [session.status()]
    else:
        return False
    work.say(lines)
    return True


# -- starting a session ------------------------------------------------------------------


def _start(work: _Turn) -> None:
    session = work.session
    if session is not None and not session.over:
        work.say_text(
            f"You're in the middle of a session: {session.where()}. Carry on, or say stop to"
            " finish for today."
        )
        return
    if work.state.caution and work.state.caution.get("reason") == "red_flag":
        work.say_text(
            "Last time you told me about a warning sign that needs a clinician's check."
            " Has a doctor or physiotherapist seen you and said exercising is okay?",
            conversation.YES_NO_BUTTONS,
        )
        work.set(pending_offer="start_after_red_flag")
        return
    if progression.too_soon(work.state.history, work.now):
        work.say_text(progression.too_soon_warning(work.state.history, work.now), START_BUTTONS)
        work.set(pending_offer="start_anyway")
        return
    _begin_session(work)


def _begin_session(work: _Turn) -> None:
    level = work.state.current_level
    first_time = not work.state.history
    work.session, lines = Session.begin(
        level,
        p.LEVELS[p.level_index(level)].reps_per_set,
        work.now,
        first_time=first_time,
        voice=work.turn.voice,
        timed_rest=work.turn.can_push,
    )
    work.say(lines)


# -- pain ------------------------------------------------------------------------------


def _pain(work: _Turn) -> None:
    report = pain.read_report(work.turn.entities, work.turn.text)
    if work.turn.intent == "feel_worse" and report.severity is None and work.session is None:
        report = pain.PainReport(location=report.location or "lower back", side=report.side)
    if report.severity is None and pain.asks_in_general(work.turn.text):
        # "What if it hurts?": the general answer, and an open door to rate it.
        work.say_text(f"{answers.ANSWERS['pain'].short} {pain.RATE_IT_IF_NOW}")
        work.set(
            last_topic="pain", pending_offer="pain_severity", pending_pain=_report_dict(report)
        )
        _session_status(work)
        return
    if report.severity is None and not report.from_kneeling:
        work.say_text(pain.ASK_SEVERITY)
        work.set(pending_offer="pain_severity", pending_pain=_report_dict(report))
        return
    _act_on_pain(work, report)


def _report_dict(report: pain.PainReport) -> dict:
    return {key: value for key, value in report.__dict__.items() if key != "severity"}


def _act_on_pain(work: _Turn, report: pain.PainReport) -> None:
    session = work.session
    in_session = session is not None and not session.over
    if pain.persisting(work.state.history, work.now):
        report = pain.PainReport(**{**report.__dict__, "for_weeks": True})
    level = session.level if in_session else work.state.current_level
    advice = pain.advise(
        report, work.thresholds, level=level, history=work.state.history, in_session=in_session
    )
    work.say([Line(text) for text in advice.lines])
    if advice.band == pain.STOP:
        work.set(caution={"reason": "pain", "severity": report.severity, "at": work.now})
    if advice.new_level:
        work.set(level=advice.new_level)
    if not in_session:
        if advice.check_next_morning:
            work.set(morning_check=work.now)
        return
    session.record_pain(report.severity)
    if advice.stop_session:
        session.level = advice.new_level or session.level
        work.say(session.stop(work.now, reason="pain_stop"))
    elif advice.stop_set:
        work.say(session.stop_set_for_pain(advice.new_level or session.level, work.now))
    elif advice.ease_off:
        work.say(session.ease_off("eased_off", work.now))
        work.say([session.status()])
    else:
        work.say([session.status()])


def close_stale_session(state: State, now: float) -> dict[str, Any]:
    """A new conversation began with a session still open: keep what was done, end it."""
    session = Session.from_dict(state.session)
    if session is None or session.over:
        return {"session": None} if state.session is not None else {}
    session.stop(session.last_active or session.started_at, reason="stopped")
    work = _Turn(Turn("session_start"), state, now, pain.Thresholds.from_env())
    work.session = session
    work._save_finished_session()
    return work.reply.updates

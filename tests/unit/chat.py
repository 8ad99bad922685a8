"""A conversation with the turn logic (coach/dialogue.py), carrying slots forward like Rasa."""

from coach import dialogue
from coach.conversation import CONVERSATION_SLOTS
from coach.pain import Thresholds
from connectors.capabilities import of_channel

T0 = 1_700_049_600.0  # Wednesday 15 November 2023, noon UTC
HOUR = 3600
# A user who has answered the safety checklist before a first session, all clear
# (coach/safety.py); the checklist's own tests start with screened=False.
SCREENED = {
    "screenings": [
        {
            "at": T0 - HOUR,
            "reason": "first_session",
            "answers": {"bladder_bowels": "no", "numbness_weakness": "no", "other_signs": "no"},
        }
    ]
}


class Chat:
    """Plays turns through dialogue.respond, carrying slot updates forward like Rasa does."""

    def __init__(self, now=T0, screened=True, **slots):
        self.slots = {"safety": SCREENED, **slots} if screened else dict(slots)
        self.now = now
        self.timers = []
        self.outcome = None

    def say(self, intent, text="", entities=(), channel="rest", metadata=None, timer=None, **turn):
        self.now += 5
        # As the channel's gate does: the record of what the channel can do goes with it.
        declared = of_channel(channel).declare(metadata)
        turn = dialogue.Turn(intent, list(entities), text, declared, timer, **turn)
        outcome = dialogue.respond(
            turn, dialogue.State.from_slots(self.slots), self.now, Thresholds()
        )
        self.slots.update(outcome.reply.updates)
        self.outcome = outcome
        if outcome.rest_timer_for_set:
            self.timers.append(outcome.rest_timer_for_set)
        return " ".join(message.text for message in outcome.reply.messages)

    def new_conversation(self, hours_later):
        self.now += hours_later * HOUR
        self.slots.update(
            dialogue.close_stale_session(dialogue.State.from_slots(self.slots), self.now)
        )
        for name in CONVERSATION_SLOTS:
            self.slots.pop(name, None)

    @property
    def session(self):
        return self.slots.get("session")


def number(value):
    return [{"entity": "number", "value": str(value)}]


def in_a_set(**slots) -> Chat:
    chat = Chat(**slots)
    chat.say("start_session", "start my session")
    chat.say("continue_session", "ready")
    return chat


def after_a_full_session(**slots) -> Chat:
    """A chat whose session has just ended, every set done in one report each."""
    chat = in_a_set(**slots)
    chat.say("report_reps", "did 10")
    for _ in range(3):
        chat.say("continue_session", "ready")
        chat.say("report_reps", "did 10")
    return chat


def after_a_paced_set() -> Chat:
    """Voice: a session started and its first leg paced, awaiting "did you get all 10?"."""
    chat = Chat()
    chat.say("start_session", "start", metadata={"voice": True})
    chat.say("continue_session", "ready", metadata={"voice": True})
    assert chat.session["awaiting_feedback"]
    return chat

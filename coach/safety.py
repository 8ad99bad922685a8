"""The conversation around a red flag: asking when unsure, keeping a flag in force,
and the safety checklist before a first session.

The signs, the questions and every line said here are in red_flags.yml; this
module decides when to ask and what an answer means. Nothing here imports Rasa:
coach.respond() passes its working turn in, with the three coach steps it needs
(give the red-flag advice, begin a session, say where the session is).

What it keeps, in the `safety` slot (the user's, across conversations):
- "check": the sign asked about ({"sign": ..., "then_pain": bool}) while waiting
  for a yes or no;
- "screening": the checklist in progress ({"step", "answers", "reason"});
- "screenings": every finished checklist, with its answers, for the record;
- "cleared": when the user last said a clinician had seen them, and about what.
"""

import re
from collections.abc import Callable
from typing import Any

from coach import answers, numbers, red_flags
from coach.red_flags import EMERGENCY, RedFlag

CHECK, SCREENING, CLINICIAN = "safety_check", "screening", "clinician_seen"
FIRST_SESSION, SEVERE_PAIN = "first_session", "severe_pain"
# After an emergency, nothing the user says for this long unsays it; after a severe
# pain report, the checklist again unless it was asked this recently (red_flags.yml).
IN_FORCE_SECONDS = red_flags.IN_FORCE_SECONDS
SCREEN_AGAIN_AFTER_SECONDS = red_flags.CHECKLIST_AGAIN_AFTER_SECONDS
KEPT_SCREENINGS = 50
BUTTONS = (("Yes", "/affirm"), ("No", "/deny"))

# "Not sure", "a bit": to a safety question, doubt counts as yes.
DOUBT = re.compile(
    r"\b(not sure|unsure|maybe|perhaps|possibly|a (bit|little)|kind of|sort of|i think so"
    r"|dunno|don'?t know|do not know|not certain|sometimes|might be|could be)\b",
    re.IGNORECASE,
)
NOT_YET = re.compile(
    r"\b(not yet|no one has|nobody has|haven'?t|have not|hasn'?t|has not|didn'?t|did not"
    r"|waiting|can'?t get)\b",
    re.IGNORECASE,
)
# "Can I carry on?", "is it ok to exercise?", "let's continue".
CARRY_ON = re.compile(
    r"\b(can|could|should|may|shall|ok|okay|alright|fine|safe|allowed|let'?s|want to|ready to)\b"
    r".*\b(carry on|continue|keep going|go on|exercise|exercising|resume|start|train|do (it|them"
    r"|my|the|some|a)|lifts?|session|reps|sets)\b"
    r"|\b(try (it |them )?again|(have|give it) another (go|try|attempt))\b"
    r"|^\s*(carry on|continue|keep going|resume|go on|next|start)\b",
    re.IGNORECASE,
)
SESSION_INTENTS = (
    "start_session", "count_rep", "report_reps", "continue_session", "pause_session", "skip",
    "repeat",
)  # fmt: skip
# In force, these get the advice again: "it's gone now", "ok", "thanks", "my back hurts".
KEEP_ADVICE_INTENTS = (
    "feel_fine", "deny", "affirm", "ask_more", "nlu_fallback", "pain", "feel_worse", "greet",
    "thank", "red_flag", "stop_session", "goodbye",
)  # fmt: skip


def _said_yes(turn) -> bool | None:
    """True for yes (or doubt), False for no, None for anything else."""
    doubt = bool(DOUBT.search(turn.text or ""))
    if turn.intent == "deny" and not doubt:
        return False
    if turn.intent == "affirm" or doubt:
        return True
    return None


def answers_the_check(turn) -> bool:
    """The message is a yes or a no to the sign's question (see Dialogue._answer_check)."""
    return _said_yes(turn) is not None


def says_a_session_word(turn) -> bool:
    """ "done", "ok go", "did 3": words of exercising, not a question and not pain."""
    text = turn.text or ""
    return (
        "?" not in text
        and not numbers.mentions_pain(text)
        and (turn.intent in SESSION_INTENTS or numbers.read_count(text) is not None)
    )


def _says_nothing_else(turn) -> bool:
    """A message with no question, number or pain in it: nothing to act on but the words."""
    text = turn.text or ""
    return (
        "?" not in text
        and turn.intent not in ("ask_question", "faq", "ask_medical", "stop_session", "pain")
        and numbers.parse_number(text) is None
        and numbers.read_count(text) is None
        and not numbers.mentions_pain(text)
    )


# The user's own words: "my", "I have"; without them a question is about a condition in
# general, not a report of a sign.
SPEAKS_OF_THEMSELVES = re.compile(r"\b(?:i|i'?m|im|i'?ve|ive|i'?d|my|me|mine|myself)\b", re.I)


def _asks_in_general_about_other_exercise(turn, suspected: RedFlag) -> bool:
    """A question about another exercise for a condition ("is pilates good for
    sciatica?"), no symptom of the user's said: off-topic, not a sign to ask about.
    Emergency signs are always asked about."""
    return (
        suspected.urgency != EMERGENCY
        and turn.intent == "out_of_scope"
        and any(entity.get("entity") == "other_exercise" for entity in turn.entities)
        and not SPEAKS_OF_THEMSELVES.search(turn.text or "")
    )


def flagged(caution: dict | None) -> RedFlag | None:
    """The red flag the user's caution is about, if it is one."""
    if not caution or caution.get("reason") != "red_flag":
        return None
    return red_flags.flag_named(caution.get("sign")) or red_flags.UNSURE


def in_force(caution: dict | None, now: float) -> RedFlag | None:
    """An emergency told less than a day ago: nothing said since unsays it."""
    flag = flagged(caution)
    if flag is None or (caution.get("urgency") or flag.urgency) != EMERGENCY:
        return None
    at = caution.get("at")
    if not isinstance(at, int | float) or not 0 <= now - at <= IN_FORCE_SECONDS:
        return None
    return flag


def needs_screening(history: list[dict], safety: dict) -> bool:
    """Before the first guided session, until one checklist has come back all clear."""
    if history:
        return False
    return not any(
        record.get("answers") and set(record["answers"].values()) == {"no"}
        for record in safety.get("screenings") or []
    )


class Dialogue:
    """One turn's safety steps over the coach's working turn (coach._Turn)."""

    def __init__(
        self,
        work: Any,
        red_flag: Callable[[Any, RedFlag], None],
        begin_session: Callable[[Any], None],
        status: Callable[[Any], None],
    ):
        self.work, self.red_flag, self.begin_session, self.status = (
            work,
            red_flag,
            begin_session,
            status,
        )

    @property
    def safety(self) -> dict:
        return self.work.reply.updates.get("safety", self.work.state.safety)

    def keep(self, **updates: Any) -> None:
        self.work.set(safety={**self.safety, **updates})

    # -- the turn ---------------------------------------------------------------------

    def handle(self, screening: red_flags.Screening) -> bool:
        """True when this turn was a safety step and has been answered."""
        work = self.work
        pending = work.state.pending_offer
        if pending == CHECK and self._answer_check():
            return True
        if pending == SCREENING and self._answer_screening():
            return True
        if pending == CLINICIAN and self._answer_clinician():
            return True
        flag = in_force(work.caution, work.now)
        if flag is not None and self._keep_in_force(flag):
            return True
        if screening.about is not None:
            self.explain(screening.about, screening.suspected)
            return True
        suspected = screening.suspected
        if suspected is None and work.turn.intent == "red_flag":
            if not screening.recognised:
                suspected = red_flags.UNSURE  # the classifier's reading, no sign's words
            else:
                # The screen read the sign's words and ruled them out ("no numbness",
                # "pins and needles from kneeling"): the message as pain, or not understood.
                work.turn.intent = (
                    "pain" if red_flags.says(work.turn.text, "PAIN") else "nlu_fallback"
                )
        if suspected is not None and _asks_in_general_about_other_exercise(work.turn, suspected):
            suspected = None  # "which yoga poses suit sciatica?": the redirect, no one's sign
        if suspected is not None:
            if work.turn.intent == "ask_medical":
                # "Do you think I have sciatica?": a question naming a condition, not a
                # report of a sign. It gets its answer (a clinician diagnoses, not the
                # coach) and then the sign's yes/no question, since whoever asks may have it.
                work.say_text(answers.answer_for("medical").short)
            self.ask(suspected, then_pain=work.turn.intent in ("red_flag", "pain", "feel_worse"))
            return True
        return False

    def remind(self, answered_by_rasa: bool = False) -> None:
        """After any other reply while an emergency is in force: one line that keeps it.
        `answered_by_rasa`: a question's answer was said before this turn (utter_faq), so
        the reply is not empty even when this turn adds nothing to it."""
        work = self.work
        flag = in_force(work.caution, work.now)
        replied = work.reply.messages or answered_by_rasa
        if flag is not None and replied and not work.reply.updates.get("caution"):
            work.say_text(red_flags.reply("reminder", flag))

    # -- a question about a sign ------------------------------------------------------

    def explain(self, flag: RedFlag, then_ask: RedFlag | None = None) -> None:
        """A question about a sign ("is back pain at night a bad sign?"): what the sign
        means and what to do if it applies, without raising the flag. About an
        emergency sign, the sign's yes/no question follows: whoever asks may have it."""
        work = self.work
        work.say_text(red_flags.reply(f"about_{flag.urgency}", flag))
        if then_ask is not None:
            self.ask(then_ask)
        else:
            work.set(pending_offer=None)
            self.status(work)

    # -- asking when unsure -----------------------------------------------------------

    def ask(self, flag: RedFlag, then_pain: bool = False) -> None:
        self.work.say_text(flag.question, BUTTONS)
        self.work.set(pending_offer=CHECK, pending_pain=None)
        self.keep(check={"sign": flag.sign, "then_pain": then_pain})

    def _answer_check(self) -> bool:
        work = self.work
        check = self.safety.get("check") or {}
        flag = red_flags.flag_named(check.get("sign"))
        yes = _said_yes(work.turn)
        if (
            flag is not None
            and yes is None
            and not check.get("asked_again")
            and _says_nothing_else(work.turn)
        ):
            # "Right, back to it": no answer, and nothing else to act on. Asked once more,
            # clearly; a second non-answer goes on as any message does.
            work.say_text(f"{red_flags.reply('check_again')} {flag.question}", BUTTONS)
            self.keep(check={**check, "asked_again": True})
            return True
        if flag is None or yes is None:
            return False
        self.keep(check=None)
        if yes:
            self.red_flag(work, flag)
            return True
        work.set(pending_offer=None)
        work.say_text(red_flags.reply("check_no"))
        if check.get("then_pain"):
            from coach import pain  # the pain question, as the coach asks it

            work.say_text(pain.ASK_SEVERITY)
            work.set(pending_offer="pain_severity", pending_pain={})
        else:
            self.status(work)
        return True

    # -- the checklist ----------------------------------------------------------------

    def start_screening(self, reason: str, **kept: Any) -> None:
        """The checklist; `kept` goes to begin_session once it is clear (a count said)."""
        work = self.work
        intro = "screening_first" if reason == FIRST_SESSION else "screening_again"
        work.say_text(red_flags.reply(intro))
        work.say_text(red_flags.CHECKLIST[0].question, BUTTONS)
        work.set(pending_offer=SCREENING)
        self.keep(screening={"step": 0, "answers": {}, "reason": reason, **kept})

    def screen_after_severe_pain(self) -> None:
        if self.continue_screening():
            return  # already running: its intro was said once, its question comes again
        last = (self.safety.get("screenings") or [{}])[-1]
        if self.work.now - (last.get("at") or 0) >= SCREEN_AGAIN_AFTER_SECONDS:
            self.start_screening(SEVERE_PAIN)

    def continue_screening(self) -> bool:
        """The checklist the coach was asking when this message came (a pain score said
        mid-way): on at the question it was on, without its intro again."""
        work = self.work
        state = self.safety.get("screening") or {}
        step = state.get("step", 0)
        if work.state.pending_offer != SCREENING or not 0 <= step < len(red_flags.CHECKLIST):
            return False
        if work.reply.updates.get("pending_offer") == SCREENING:
            return True  # asked again already this turn
        item = red_flags.CHECKLIST[step]
        work.say_text(f"{red_flags.reply('screening_resume')} {item.question}", BUTTONS)
        work.set(pending_offer=SCREENING)
        return True

    def _answer_screening(self) -> bool:
        work = self.work
        state = self.safety.get("screening") or {}
        step = state.get("step", 0)
        yes = _said_yes(work.turn)
        if not 0 <= step < len(red_flags.CHECKLIST):
            return False
        item = red_flags.CHECKLIST[step]
        if yes is None and state.get("reason") == FIRST_SESSION and says_a_session_word(work.turn):
            # "done", "did 3" before a first session: never a yes or a no to a sign. The
            # question again, and a count said is kept for the session that starts once the
            # answers are in.
            count = numbers.read_count(work.turn.text)
            kept = {"count": count.__dict__} if numbers.counts_reps(count) else {}
            work.say_text(f"{red_flags.reply('check_again')} {item.question}", BUTTONS)
            work.set(pending_offer=SCREENING)
            self.keep(screening={**state, **kept})
            return True
        if yes is None:
            return False
        answers = {**state.get("answers", {}), item.sign: "yes" if yes else "no"}
        if yes:
            self._record(answers, state.get("reason"))
            self.red_flag(work, item)
            return True
        if step + 1 < len(red_flags.CHECKLIST):
            work.say_text(red_flags.CHECKLIST[step + 1].question, BUTTONS)
            work.set(pending_offer=SCREENING)
            self.keep(screening={**state, "step": step + 1, "answers": answers})
            return True
        self._record(answers, state.get("reason"))
        work.set(pending_offer=None)
        if state.get("reason") == FIRST_SESSION or state.get("then_start"):
            # Asked before a session (the first, or one the same day after severe pain).
            work.say_text(red_flags.reply("screening_clear"))
            kept = {"count": state["count"]} if isinstance(state.get("count"), dict) else {}
            self.begin_session(work, **kept)
        else:
            work.say_text(red_flags.reply("screening_clear_after_pain"))
            self.status(work)
        return True

    def _record(self, answers: dict, reason: str | None) -> None:
        record = {"at": self.work.now, "reason": reason, "answers": answers}
        screenings = [*(self.safety.get("screenings") or []), record][-KEPT_SCREENINGS:]
        self.keep(screening=None, screenings=screenings)

    # -- a flag in force, and a clinician's check ---------------------------------------

    def ask_clinician(self) -> bool:
        """Before a session after an emergency: the user must say who saw them."""
        flag = flagged(self.work.caution)
        if flag is None or (self.work.caution.get("urgency") or flag.urgency) != EMERGENCY:
            return False
        self.work.say_text(red_flags.reply("ask_clinician", flag))
        self.work.set(pending_offer=CLINICIAN)
        return True

    def _answer_clinician(self) -> bool:
        work = self.work
        if red_flags.says(work.turn.text, "CLEARED"):
            self._clear()
        elif work.turn.intent == "deny" or NOT_YET.search(work.turn.text or ""):
            work.set(pending_offer=None)
            work.say_text(red_flags.reply("not_cleared"))
        elif work.turn.intent == "affirm":
            work.say_text(red_flags.reply("need_words"))  # a tap on yes is not enough
            work.set(pending_offer=CLINICIAN)
        else:
            return False
        return True

    def _clear(self) -> None:
        work = self.work
        sign = (work.caution or {}).get("sign")
        work.set(caution=None, pending_offer=None)
        self.keep(cleared={"at": work.now, "sign": sign, "said": (work.turn.text or "")[:200]})
        work.say_text(red_flags.reply("cleared"))

    def _keep_in_force(self, flag: RedFlag) -> bool:
        work = self.work
        text, intent = work.turn.text or "", work.turn.intent
        if red_flags.says(text, "CLEARED") and not NOT_YET.search(text):
            self._clear()
        elif intent in SESSION_INTENTS or CARRY_ON.search(text) or numbers.read_count(text):
            # A count ("done", "6") is carrying on, whatever the classifier read it as.
            work.say_text(red_flags.reply("carry_on", flag))
        elif intent in KEEP_ADVICE_INTENTS:
            work.say_text(red_flags.reply("still_in_force", flag))
        else:
            return False
        work.set(pending_offer=None)
        return True

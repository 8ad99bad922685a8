"""A guided session as a state machine: sets, legs, reps, rest, pause, and the summary.

The whole state is a plain dataclass that round-trips through a dict, so the
Rasa action keeps it in a slot (and so in the tracker store) between turns.
Every event method changes the state and returns the Lines the coach says;
voice gets the same Lines, with real-time pacing SSML where a set is led aloud.

Phases:  setup --ready--> active --leg done--> active (other leg)
         active --set done--> rest --ready/timer--> active (next set)
         last set done, stop or skip past the end --> done
         setup/active/rest --pause--> paused --resume--> where it was (rest: next set)
"""

import re
from dataclasses import asdict, dataclass, field, fields

from coach import numbers, pain, speech
from coach import protocol as p
from coach.numbers import Count
from coach.speech import Line

SETUP, ACTIVE, REST, PAUSED, DONE = "setup", "active", "rest", "paused", "done"

CUE_EVERY_REPS = 3
CUES = (
    f"Hold it at the top for {p.HOLD_SECONDS.spoken('seconds')}.",
    "Lower it slowly, all the way down.",
    "Keep your pelvis level, no twisting.",
    "Tummy gently braced.",
    "Lift only until your leg is level with the floor, no arching.",
    "Knee straight, toes pointed.",
)
COUNT_WORDINGS = ("{n}.", "{n}, good.", "That's {n}.", "{n}, nice and steady.")
# Session attributes that are facts about the channel of the turn, not stored.
CHANNEL_FACTS = frozenset({"voice", "timed_rest"})
READY_PROMPT = "Say ready when you're in position."
# Agreeing the coach's own count was right ("I had 8 - is it 5 in all?" "you're right"),
# or owning the slip: not "that's right", which says yes to the new total asked about.
_COACH_WAS_RIGHT = re.compile(
    r"\b(?:you'?re|you are|ur|youre) (?:right|correct|spot on)|\bmy (?:mistake|bad|error)\b|"
    r"\b(?:keep|stick with|leave) (?:it|that|yours|your count|what you had)\b|"
    r"\bi (?:was wrong|got it wrong|misspoke|miscounted)\b"
)
_A_NUMBER = re.compile(rf"\b{numbers.NUMBER}\b")


def _numbers_named(text: str) -> set:
    """The whole numbers a message names, in digits or words."""
    return {numbers.value_of(m.group(0)) for m in _A_NUMBER.finditer(numbers.normalise(text))}


def _other(leg: str) -> str:
    return p.LEGS[1 - p.LEGS.index(leg)]


def reps_by_set(reps: list[dict]) -> str:
    """ "set 1: left 10, right 3; set 2: ...": the sets with any reps, as summaries say them."""
    return "; ".join(
        f"set {number}: " + ", ".join(f"{leg} {done.get(leg, 0)}" for leg in p.LEGS)
        for number, done in enumerate(reps, start=1)
        if any(done.values())
    )


def time_taken(seconds: float) -> str:
    """How long a session took, as the end-of-session summary says it."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under a minute"
    return "about 1 minute" if minutes == 1 else f"about {minutes} minutes"


@dataclass
class Session:
    level: str
    target: int  # reps per leg per set
    sets: int = p.SETS_PER_LEG
    set_number: int = 1
    leg: str = p.LEGS[0]
    phase: str = SETUP
    paused_from: str | None = None
    reps: list[dict[str, int]] = field(default_factory=list)  # per set: {"left": 10, ...}
    # What this turn's channel can do: set for each turn from the message (coach.py),
    # never stored (CHANNEL_FACTS): the next turn may come from another channel.
    voice: bool = field(default=False, compare=False)
    timed_rest: bool = field(default=False, compare=False)  # it can push "rest over" itself
    awaiting_feedback: bool = False  # voice: a set was paced, waiting for "how did it feel"
    # Voice: the next leg is named and waits for "ready": on a speaker the user needs time
    # to change legs before the coach counts again (as between sets).
    awaiting_ready: bool = False
    started_at: float = 0.0
    started_level: str = ""  # the level stays in the record if pain steps the session down
    ended_at: float | None = None
    counted_turns: int = 0  # rotates the count wordings and cues
    pain: list[int] = field(default_factory=list)  # severities reported during the session
    notes: list[str] = field(default_factory=list)  # "too_easy", "eased_off", "red_flag", ...
    last_instruction: str = ""
    ended_early: bool = False
    last_active: float = 0.0
    rest_until: float | None = None  # when the rest between sets is over (for a chat page)
    # At rest, the user has already been reminded to say ready: a "done" after that is a rep
    # of the next set, begun without saying ready, not the end of the rest.
    rest_reminded: bool = False
    # A question about a count the coach has asked ("5 more, or 5 in all?"), awaiting the answer.
    check: dict | None = None
    undo: dict | None = None  # where the count was before the last change ("undo", "I meant 5")
    # The reps left, as the coach has just said them ("7 to go"): "did 7" next is those 7.
    told_left: int | None = None
    # A batch just said back as "Counted as 3 more.": "3 in all" next puts that reading right.
    counted_as_more: int | None = None
    # Voice: fewer reps decided while the coach awaits how a paced set went, for the next leg
    # (the set just led keeps the number it was led with).
    next_target: int | None = None
    # How the exercise was eased for pain today, said again when the user asks what changed.
    eased: str = ""
    # Voice: how often "did you do all of them?" has been asked about the leg just paced;
    # asked again, it is put another way, never word for word.
    total_asked: int = 0
    # The answers (data/responses keys) to a question asked in the last turn: "say that
    # again" just after an answer repeats the answer, not the last instruction.
    last_answers: list[str] = field(default_factory=list)

    # -- building and storing -------------------------------------------------

    @classmethod
    def begin(
        cls,
        level: str,
        target: int,
        now: float,
        *,
        first_time: bool,
        voice: bool = False,
        timed_rest: bool = False,
    ) -> tuple["Session", list[Line]]:
        session = cls(level=level, target=target, voice=voice, timed_rest=timed_rest)
        session.started_at = session.last_active = now
        session.started_level = level
        session.reps = [{leg: 0 for leg in p.LEGS} for _ in range(session.sets)]
        level_name = p.LEVELS[p.level_index(level)].name
        plan = (
            f"Today: {session.sets} sets of {target} reps on each leg, the {level_name},"
            f" with {p.REST_BETWEEN_SETS_SECONDS} seconds of rest between sets."
        )
        lines = [Line(f"Let's do it. {plan}")]
        if first_time:
            lines.append(Line(session.setup_instructions()))
        lines.append(Line(READY_PROMPT))
        # Said again on "repeat that": the plan too, not only how to get into position.
        session.last_instruction = " ".join([plan, *(line.text for line in lines[1:])])
        return session, lines

    def setup_instructions(self) -> str:
        level = p.LEVELS[p.level_index(self.level)]
        if level.key in (p.STANDARD_LEVEL, "reps_15", "reps_20"):
            return f"{' '.join(p.START_POSITION)} {' '.join(p.STEPS)}"
        return level.how

    def to_dict(self) -> dict:
        """The stored state: the session only, not the channel's facts."""
        return {k: v for k, v in asdict(self).items() if k not in CHANNEL_FACTS}

    @classmethod
    def from_dict(cls, data: dict | None) -> "Session | None":
        """The stored session, or None if there is none or it is unreadable."""
        if not isinstance(data, dict):
            return None
        known = {f.name for f in fields(cls)} - CHANNEL_FACTS
        try:
            return cls(**{key: value for key, value in data.items() if key in known})
        except TypeError:
            return None

    # -- where we are -----------------------------------------------------------

    @property
    def over(self) -> bool:
        return self.phase == DONE

    @property
    def count(self) -> int:
        return self.reps[self.set_number - 1][self.leg]

    @property
    def stopped_for_pain(self) -> bool:
        """Pain stopped a set today: the later sets use the easier version."""
        return "pain_stop_set" in self.notes

    @property
    def resting(self) -> bool:
        """At the rest between sets, or paused during it."""
        return self.phase == REST or (self.phase == PAUSED and self.paused_from == REST)

    @property
    def pain_settled_unasked(self) -> bool:
        """Pain stopped a set and the user has not said since that it settled: asked before
        the next set starts (the clinical rule: carry on only if it settles)."""
        last = {note: i for i, note in enumerate(self.notes)}
        return "pain_stop_set" in last and last.get(PAIN_SETTLED, -1) < last["pain_stop_set"]

    def ask_pain_settled(self) -> list[Line]:
        """At the end of the rest after pain stopped a set: one yes/no before the next set."""
        fine = pain.Thresholds.from_env().fine_up_to
        return self._ask(
            PAIN_SETTLED,
            fine,
            f"Just to check before we go on: has the pain settled, to {fine} out of 10 or"
            " less now? Yes or no?",
        )

    def resume_after_pain_settled(self, now: float) -> list[Line]:
        """The pain stopped a set and has settled: the rest of today with the smaller lift."""
        self.notes.append(PAIN_SETTLED)
        if self.phase == PAUSED:
            self.phase, self.paused_from = self.paused_from or ACTIVE, None
        self.check = None
        said = Line("Good. The rest of today's session is with the smaller lift.")
        if self.phase == REST:
            return [said, *self._start_next_set(rest_over=False)]
        return [said, *self.ready(now)]

    @property
    def total_reps(self) -> int:
        return sum(sum(done.values()) for done in self.reps)

    def where(self) -> str:
        """Where the user is, in a few words ("4 of 10 on your left leg, set 1 of 2")."""
        phase = self.paused_from if self.phase == PAUSED else self.phase
        if phase == SETUP:
            return f"about to start set 1 of {self.sets}, {self.target} reps per leg"
        if phase == REST:
            return f"resting before set {self.set_number + 1} of {self.sets}"
        if phase == DONE:
            return "finished"
        return (
            f"{self.count} of {self.target} done on your {self.leg} leg,"
            f" set {self.set_number} of {self.sets}"
        )

    def status(self) -> Line:
        """The reminder after an interruption: where we are and what comes next."""
        if self.phase == PAUSED:
            return Line(f"We're paused: {self.where()}. Say resume when you're ready.")
        if self.phase == SETUP:
            return Line("Say ready when you're in position, and we'll start.")
        if self.phase == REST:
            self.rest_reminded = True
            coming = f"set {self.set_number + 1} of {self.sets}, {self._next_set_plan()}"
            return Line(f"You're resting. Next: {coming}. {self._rest_prompt()}")
        if self.awaiting_feedback:
            return Line(
                f"Back to your set: did you get all {self.target} on your {self.leg} leg,"
                " and how did it feel?"
            )
        if self.awaiting_ready:
            return Line(f"Next: {self.target} on your {self.leg} leg. {READY_PROMPT}")
        return Line(f"Back to it: {self.where()}.")

    def _next_set_plan(self) -> str:
        """The next set as pain has adjusted it: its reps, and the easier version once pain
        stepped the session down (never the protocol's default)."""
        plan = f"{self.next_target or self.target} reps on each leg"
        if self.started_level and self.level != self.started_level:
            plan += f", the {p.LEVELS[p.level_index(self.level)].name}"
        return plan

    def reps_left_in_session(self) -> int:
        """The reps still planned today: the rest of this leg, then every leg and set after."""
        phase = self.paused_from if self.phase == PAUSED else self.phase
        if phase == DONE:
            return 0
        order = [(number, leg) for number in range(1, self.sets + 1) for leg in p.LEGS]
        here = order.index((self.set_number, p.LEGS[-1] if phase == REST else self.leg))
        ahead = order[here + 1 :] if phase == REST else order[here:]
        return sum(max(self.target - self.reps[number - 1][leg], 0) for number, leg in ahead)

    def plan_ahead(self) -> Line:
        """Before the first set: nothing done yet, so the whole of today's plan is ahead."""
        whole = self.sets * self.target * len(p.LEGS)
        return Line(
            f"None done yet: today is {self.sets} sets of {self.target} reps on each leg,"
            f" {whole} reps in all. First: set 1, your {self.leg} leg."
        )

    def how_many_left(self) -> list[Line]:
        if self.phase == SETUP:
            # "How many have I got to do?" while the coach waits for ready: the whole plan,
            # then the reminder to say ready (never the reminder alone).
            return [self.plan_ahead(), self.status()]
        if self.phase == ACTIVE and self.awaiting_feedback:
            done = self.reps[self.set_number - 1]
            others = [leg for leg in p.LEGS if leg != self.leg and done[leg]]
            before = "".join(f"{done[leg]} on your {leg} leg. " for leg in others)
            # The set just led is not counted until confirmed: the total it would make.
            whole = f", {self.total_reps + self.target} in all if you got them" if before else ""
            # "how many left?" asks what follows too: what is left if this leg is all done.
            after = self.reps_left_in_session() - self.target
            ahead = (
                f" If you got them all, {after} to go today. {self._what_comes_after_this_leg()}"
                if after
                else " If you got them all, that's today's session done."
            )
            return self._ask(
                "voice_total",
                self.target,
                f"{before}I led you through {self.target} on your {self.leg} leg{whole}.{ahead}"
                " Did you get all of them? Say all of them, or tell me how many you managed.",
            )
        if self.phase == ACTIVE and self.awaiting_ready:
            # Voice, the next leg named but not begun: the leg just done, then what is left
            # of the whole session, as mid-leg (the leg about to start, and what follows it).
            done = self.reps[self.set_number - 1]
            legs = " and ".join(f"{done[leg]} on your {leg} leg" for leg in p.LEGS if done[leg])
            said = f"Set {self.set_number} so far: {legs}; {self.total_reps} in all."
            left = (
                f"{self.reps_left_in_session()} reps to go today: {self.target} on your"
                f" {self.leg} leg next. {self._what_comes_after_this_leg()}"
            )
            return [Line(said), Line(left), Line(READY_PROMPT)]
        if self.phase in (ACTIVE, PAUSED) and (self.paused_from or self.phase) == ACTIVE:
            left = max(self.target - self.count, 0)
            after = self._what_comes_after_this_leg()
            paused = " We're paused: say resume when you're ready." if self.paused_from else ""
            self.told_left = left
            return [Line(f"{left} to go on your {self.leg} leg ({self.where()}). {after}{paused}")]
        if (self.paused_from or self.phase) == REST:
            # "How many did I do on the left?" while resting: the set just done, leg by leg.
            done = self.reps[self.set_number - 1]
            legs = " and ".join(f"{done.get(leg, 0)} on your {leg} leg" for leg in p.LEGS)
            total = f"{self.total_reps} in all so far"
            return [Line(f"Set {self.set_number} of {self.sets}: {legs}; {total}."), self.status()]
        return [self.status()]

    def sets_left(self) -> Line:
        """ "How many sets have I got left?": the sets, said before the reps of this leg."""
        after = self.sets - self.set_number
        more = f"{after} more set{'s' if after != 1 else ''}"
        phase = self.paused_from if self.phase == PAUSED else self.phase
        if phase == SETUP:
            return Line(
                f"All {self.sets} sets are still to come: {self.target} reps on each leg in each,"
                f" starting with set 1 on your {self.leg} leg."
            )
        # Some count a set per leg: the legs still to do, this one included, said as well.
        order = [(number, leg) for number in range(1, self.sets + 1) for leg in p.LEGS]
        here = order.index((self.set_number, p.LEGS[-1] if phase == REST else self.leg))
        legs = len(order) - here - (1 if phase == REST else 0)
        included = ", this one included" if phase != REST else ""
        per_leg = f" Counting each leg as a set, {legs} to go{included}."
        if phase == REST:
            return Line(f"{self.set_number} of {self.sets} sets done: {more} to go.{per_leg}")
        if after <= 0:
            last = f"This is your last set (set {self.set_number} of {self.sets})."
            return Line(last + (per_leg if legs > 1 else ""))
        return Line(
            f"You're on set {self.set_number} of {self.sets}: {more} after this one.{per_leg}"
        )

    # -- events -------------------------------------------------------------------

    def rest_left(self, now: float) -> list[Line]:
        """ "Is the minute up?": the seconds of rest left, or that it is over."""
        left = None if self.rest_until is None else round(self.rest_until - now)
        after = f"set {self.set_number + 1}"
        if left is None:
            return [
                Line(f"Rest for {p.REST_BETWEEN_SETS_SECONDS} seconds, then say ready for {after}.")
            ]
        if left <= 0:
            return [Line(f"Your rest is over: say ready when you want to start {after}.")]
        return [Line(f"About {left} seconds of rest left. Then say ready for {after}.")]

    def ready(self, now: float) -> list[Line]:
        """ "Ready" / "let's go" / "resume", or the rest timer running out."""
        if self.phase == PAUSED:
            return self.resume(now, in_position=True)
        if self.phase == SETUP:
            self.phase = ACTIVE
            return self._start_leg(first_of_session=True)
        if self.phase == REST:
            if self.pain_settled_unasked:
                return self.ask_pain_settled()
            return self._start_next_set(rest_over=False)
        if self.awaiting_ready:
            return self._start_leg()
        if self.awaiting_feedback:
            # Voice: "okay, ready" after a paced set says nothing about what was done.
            return self.unclear_voice_answer(now)
        if self.count == 0:
            return [
                Line(
                    f"Go ahead: set {self.set_number}, {self.leg} leg, {self.target} reps."
                    " Tell me done after each rep, or the total when you finish."
                )
            ]
        return [Line(f"We're mid-set: {self.where()}. Keep going, and tell me after each rep.")]

    def rest_over(self, set_number: int) -> list[Line]:
        """The push channel's timer: only if we are still resting before that set."""
        if self.phase != REST or self.set_number + 1 != set_number:
            return []
        if self.pain_settled_unasked:
            return [Line("Rest over!"), *self.ask_pain_settled()]
        return self._start_next_set(rest_over=True)

    def _carry_on_counting(self, now: float) -> list[Line]:
        """Reps reported while paused or resting: the user has simply carried on."""
        lines: list[Line] = []
        if self.phase == PAUSED:
            was, self.phase, self.paused_from = self.paused_from, ACTIVE, None
            if was == REST:
                lines = self._start_next_set(rest_over=False)
        elif self.phase == REST:
            lines = self._start_next_set(rest_over=False)
        if self.phase == SETUP:
            self.phase = ACTIVE
        return lines

    def count_rep(self, said_number: int | None, now: float) -> list[Line]:
        """One rep done. A number the user says is their own count, if it moves forward."""
        if self.phase == REST or (self.phase == PAUSED and self.paused_from == REST):
            return self.ready(now)  # "done" / "next" after a rest: on to the next set
        if self.awaiting_ready and self.phase == ACTIVE:
            return self.ready(now)  # "done" / "next" with the next leg named: the coach leads it
        started = self._carry_on_counting(now) if not self.voice else []
        if self.phase != ACTIVE:
            return [self.status()]
        if self.awaiting_feedback:
            return self.feedback(now)
        done = self.count + 1
        if said_number is not None and self.count < said_number <= self.target + p.EASE_OFF_REPS:
            done = said_number
        self.reps[self.set_number - 1][self.leg] = done
        self.counted_turns += 1
        if done >= self.target:
            return [*started, *self._leg_finished(now)]
        return [*started, Line(self._count_wording(done))]

    def report(self, number: int | None, now: float) -> list[Line]:
        """A batch: "did 12", "finished the set", "only managed 7". Taken as it is."""
        started = self._carry_on_counting(now)
        if self.phase != ACTIVE:
            return [self.status()]
        self.awaiting_feedback = False
        done = self.target if number is None else max(number, 0)
        self.reps[self.set_number - 1][self.leg] = done
        return [*started, *self._leg_finished(now)]

    def feedback(self, now: float) -> list[Line]:
        """Voice: the user answered "how did that feel?" with nothing wrong."""
        self.awaiting_feedback = False
        self.undo = self._snapshot()  # "no, it was 9 not 10" can still go back to this leg
        self.reps[self.set_number - 1][self.leg] = self.target
        return self._leg_finished(now)

    def feedback_then_break(self, now: float, reps: int | None = None) -> list[Line]:
        """Voice: the paced leg done (all of it, or the `reps` the user says), and a break
        wanted before the next: the leg is recorded, then a pause (the next leg is paced on
        resume, not now)."""
        if not (self.awaiting_feedback or self.short_paced_leg_open) or self.phase != ACTIVE:
            return self.pause()
        self.awaiting_feedback = False
        self.check = None
        self.undo = self._snapshot()
        done = self.target if reps is None else min(max(reps, 0), self.target)
        self.reps[self.set_number - 1][self.leg] = done
        said = Line(f"{done} on your {self.leg} leg. Well done!")
        if self.leg != p.LEGS[-1]:
            self.leg = _other(self.leg)
            return [said, *self.pause()]
        finished = self._set_finished(now)
        return [said, *finished] if self.phase == DONE else [said, *self.pause()]

    def did_every_set(self, reps: int | None, now: float) -> list[Line]:
        """ "10 each leg twice, all done", "did the lot": every set on both legs recorded and
        the session over. With no number said, each leg still to do gets the target and a
        leg already behind the user keeps its count."""
        self.undo = self._snapshot()
        self.check = None
        self.awaiting_feedback = self.awaiting_ready = False
        order = [(number, leg) for number in range(1, self.sets + 1) for leg in p.LEGS]
        phase = self.paused_from if self.phase == PAUSED else self.phase
        here = order.index((self.set_number, p.LEGS[-1] if phase == REST else self.leg))
        ahead = order[here + 1 :] if phase == REST else order[here:]
        for number, leg in order:
            if reps is not None:
                self.reps[number - 1][leg] = reps
            elif (number, leg) in ahead:
                self.reps[number - 1][leg] = max(self.reps[number - 1][leg], self.target)
        self.set_number, self.leg = self.sets, p.LEGS[-1]
        self.rest_until = None
        return self._finish(now, early=False)

    # -- counts said in words (coach/numbers.py) -------------------------------------

    def far_above(self, reps: int) -> bool:
        """A count so far above the target that it is more likely a slip than a feat."""
        return reps > self.target + max(self.target // 2, 3)

    def _snapshot(self) -> dict:
        return {
            "set_number": self.set_number,
            "leg": self.leg,
            "phase": self.phase,
            "reps": [dict(done) for done in self.reps],
            "rest_until": self.rest_until,
            "ended_at": self.ended_at,
            "ended_early": self.ended_early,
        }

    def _back_to_last_change(self) -> bool:
        """Go back to where the last count left off, if it moved to another leg or set."""
        if not self.undo:
            return False
        moved = (self.undo["set_number"], self.undo["leg"]) != (self.set_number, self.leg)
        if not moved and self.phase == ACTIVE:
            return False
        reps_now = [dict(done) for done in self.reps]
        for key, value in self.undo.items():
            if key != "running":
                setattr(self, key, value)
        # Keep the counts of the leg that was finished: only the position goes back.
        self.reps = reps_now
        self.phase = ACTIVE
        self.rest_until = None
        self.awaiting_ready = False
        return True

    def _last_step(self) -> int | None:
        """How much the last change on this leg added (1 when counting rep by rep)."""
        undo = self.undo
        if not undo or (undo["set_number"], undo["leg"]) != (self.set_number, self.leg):
            return None
        return self.count - undo["reps"][self.set_number - 1][self.leg]

    def said(self, count: Count, now: float, confirmed: bool = False) -> list[Line]:
        """A message about reps, read by the grammar: counted, corrected or asked about.
        confirmed: said in reply to the coach's question about the count, so a total below
        what was counted is taken as said, not asked about again."""
        self.check = None
        told_left, self.told_left = self.told_left, None
        counted_as_more, self.counted_as_more = self.counted_as_more, None
        if count.kind == numbers.TOTAL and count.explicit and count.value == counted_as_more:
            confirmed = True  # "Counted as 2 more." then "2 in all": the reading put right
        if self._does_what_was_left(count, told_left):
            count = Count(numbers.MORE, count.value, explicit=True)
        if self.phase == DONE:
            return [self.status()]
        if self.phase == SETUP and count.value and count.kind in (numbers.SET_TO, numbers.FINISHED):
            # "No, I only got four", "managed 6 already" before "ready": nothing counted yet
            # to put right; reps already done, the start of the set, asked about as "did 4" is.
            count = Count(numbers.TOTAL, count.value)
        if (
            self.awaiting_feedback
            and self.phase == ACTIVE
            and count.kind == numbers.LESS
            and count.value == 1
            and not count.explicit
        ):
            # "That last one was bad, don't count it" after a paced set: how many of the
            # set to record is asked, not a rep taken off the leg before.
            return self.ask_voice_total()
        if count.kind in numbers.CORRECTIONS:
            return self._correct(count, now, confirmed)
        if count.or_value is not None:
            return self._ask_which(count)
        if (carried := self._count_carried_on(count)) is not None:
            return carried
        if self.awaiting_ready and self.phase == ACTIVE:
            bare = count.value is None or (count.kind == numbers.MORE and not count.explicit)
            if count.kind != numbers.ALL and bare:
                return self.ready(now)  # "done", "next": the coach leads the leg it named
            self.awaiting_ready = False  # "all ten that time": the leg done on their own
        if self.phase == REST or (self.phase == PAUSED and self.paused_from == REST):
            if self.voice:
                return self.ready(now)  # the coach leads the next set; counts come after it
            # "done" once told to say ready is a first rep, begun without saying ready.
            reminded = self.phase == REST and self.rest_reminded
            one = count.kind == numbers.MORE and count.value == 1 and not count.explicit
            if one and not reminded:
                return self.ready(now)  # "done" / "next" after a rest: on to the next set
            if count.kind == numbers.FINISHED and count.value is None:
                return [self.status()]
            started = self._carry_on_counting(now)
            return [*started, *self._apply(count, now, confirmed)]
        started = self._carry_on_counting(now)
        if self.phase != ACTIVE:
            return [self.status()]
        if self.awaiting_feedback:
            return self._voice_answer(count, now)
        return [*started, *self._apply(count, now, confirmed)]

    def _does_what_was_left(self, count: Count, told_left: int | None) -> bool:
        """ "did 7" just after the coach said "7 to go": the 7 left, done (not 7 in all,
        which is what a total said mid-leg is otherwise asked about)."""
        return (
            self.phase == ACTIVE
            and not self.awaiting_feedback
            and count.kind == numbers.TOTAL
            and not count.explicit
            and self.count > 0
            and count.value == told_left == self.target - self.count
        )

    def _count_carried_on(self, count: Count) -> list[Line] | None:
        """ "8" just after "7" finished the left leg, nothing counted since: the count goes on
        from the leg just finished (the user kept going there), not 8 on the next leg."""
        undo, n = self.undo, count.value
        if count.kind != numbers.COUNT or count.explicit or not undo or not n or n < 2:
            return None
        if self.phase not in (ACTIVE, REST) or self.awaiting_feedback or self.voice:
            return None
        last = (undo["set_number"], undo["leg"])
        if self.phase == ACTIVE and (last == (self.set_number, self.leg) or self.count):
            return None
        set_number, leg = last
        if self.reps[set_number - 1].get(leg, 0) != n - 1 or n - 1 < self.target:
            return None
        self.undo = {**self._snapshot(), "set_number": set_number, "leg": leg}
        self.reps[set_number - 1][leg] = n
        self.counted_turns += 1
        return [
            Line(
                f"Counted on your {leg} leg: {n}, past the {self.target} planned, so that leg"
                " is done, no need for more."
            ),
            self.status(),
        ]

    def _apply(self, count: Count, now: float, confirmed: bool = False) -> list[Line]:
        kind, n, done = count.kind, count.value, self.count
        if kind == numbers.MORE and (n or 1) > 1 and done < self.target < done + n:
            return self._ask_past_target(n)  # "another 2" at 9 of 10: 11, or the leg done?
        if kind == numbers.MORE and count.last and done + (n or 1) < self.target:
            # "the last one" with reps to go: the user thinks the leg is over. Count it,
            # and ask whether the leg is done rather than guess.
            reached = done + (n or 1)
            self.undo = self._snapshot()
            self.reps[self.set_number - 1][self.leg] = reached
            return self._ask(
                "finished_or_carry_on",
                reached,
                f"Just to check: that's {reached} on your {self.leg} leg,"
                f" {self.target - reached} short of {self.target}. Is that it for this leg, or"
                " are you carrying on?",
            )
        if kind == numbers.MORE:
            return self._set_count(done + (n or 1), now, one_by_one=(n or 1) == 1)
        if kind == numbers.ALL:
            return self._set_count(max(self.target, done), now)
        if kind == numbers.FINISHED and n is None:
            if done == 0 or done >= self.target:
                return self._set_count(max(self.target, done), now)
            return self._ask(
                "all_or_some",
                done,
                f"Just to check: did you do all {self.target} on your {self.leg} leg, or stop"
                f" at {done}?",
            )
        if kind == numbers.FINISHED:
            if self.far_above(n):
                return self._ask_far_above(n)
            return self._set_count(n, now, finish=True)
        if kind == numbers.COUNT:
            if n == done + 1 or (n > done and not self.far_above(n)):
                return self._set_count(n, now, one_by_one=n == done + 1, running=True)
            if n == done:
                return [Line(f"Yes, {done} so far on your {self.leg} leg. Keep going.")]
            if self.far_above(n):
                return self._ask_far_above(n)
            return self.ask_more_or_total(n)
        # A total.
        if self.far_above(n):
            return self._ask_far_above(n)
        if count.explicit:
            if 0 <= n < done and not confirmed:
                return self.ask_lower_total(n)  # "5 in all" at 7: a slip, or a miscount?
            return self._set_count(n, now, carry_on=True)
        if n >= self.target:
            return self._set_count(n, now)
        if n == done + 1 and self._last_step() == 1:
            return self._set_count(n, now, one_by_one=True)  # "done six" at 5, rep by rep
        if n > done and done + n > self.target:
            return self._set_count(n, now, carry_on=True)  # n more would overshoot: in all
        if done > 0 and done + n <= self.target and n != done:
            # "did 4" then "did 3": people mean 3 more. The new count is said, so someone
            # who meant 3 in all can put it right; asked when "more" would overshoot, or
            # when "in all" is the count already said (then it may be just a check).
            return self._counted_as_more(n, now)
        if done > 0:
            return self.ask_more_or_total(n)
        self.undo = self._snapshot()
        self.reps[self.set_number - 1][self.leg] = n
        return self._ask(
            "finished_or_carry_on",
            n,
            f"Just to check: {n} of {self.target} on your {self.leg} leg. Carrying on, or is"
            " that it for this leg?",
        )

    def _counted_as_more(self, n: int, now: float) -> list[Line]:
        """N more, said back with the new count, so someone who meant N in all can put it
        right."""
        lines = self._set_count(self.count + n, now)
        self.counted_as_more = n
        return [Line(f"Counted as {n} more."), *lines]

    def _set_count(
        self,
        reps: int,
        now: float,
        *,
        one_by_one: bool = False,
        finish: bool = False,
        carry_on: bool = False,
        running: bool = False,
    ) -> list[Line]:
        # A running number ("4": the rep they are on) is taken back one rep at a time.
        self.undo = {**self._snapshot(), "running": running}
        reps = max(reps, 0)
        self.reps[self.set_number - 1][self.leg] = reps
        self.counted_turns += 1
        if reps >= self.target or finish:
            return self._leg_finished(now)
        if one_by_one:
            return [Line(self._count_wording(reps))]
        left = self.target - reps
        more = "Tell me when you're done." if carry_on else "Keep going."
        return [Line(f"{reps} of {self.target} on your {self.leg} leg, {left} to go. {more}")]

    def _ask(self, kind: str, n: int, text: str) -> list[Line]:
        self.check = {"kind": kind, "n": n}
        return [Line(text)]

    def _ask_far_above(self, n: int) -> list[Line]:
        return self._ask(
            "far_above",
            n,
            f"Just to check: {n} is a lot more than the {self.target} I had for your"
            f" {self.leg} leg. Did you really do {n}?",
        )

    def _ask_past_target(self, n: int) -> list[Line]:
        """A batch that goes past the target: more reps than planned, or the leg done."""
        done, target = self.count, self.target
        return self._ask(
            "past_target",
            n,
            f"Just to check: {n} more makes {done + n}, past the {target} for your"
            f" {self.leg} leg. Was that {done + n} in all, or did you stop at {target}?",
        )

    def _ask_which(self, count: Count) -> list[Line]:
        """ "4 or 5": which one, so that the count is right (never guessed)."""
        low, high = count.value, count.or_value
        more = count.kind == numbers.MORE
        self.check = {"kind": "which", "n": low, "or": high, "more": more}
        what = "more" if more else "in all"
        return [Line(f"Just to check: {low} or {high} {what}? Tell me which, so I count it right.")]

    def ask_reps_or_pain(self, n: int) -> list[Line]:
        """ "7ish" mid-set: a count or a pain score? Asked, never guessed."""
        return self._ask("reps_or_pain", n, f"Just to check: {n} reps, or pain {n} out of 10?")

    def ask_count_or_pain(self, n: int) -> list[Line]:
        """ "About a six" to "did you get all 10, and how did it feel?": which one is asked."""
        return self._ask("reps_or_pain", n, f"Is that {n} reps, or pain of {n}?")

    def ask_undo_batch(self, n: int) -> list[Line]:
        """ "Undo" just after a batch: the whole batch, or only its last rep?"""
        return self._ask(
            "undo_batch",
            n,
            f"Take back all {n}, or just the last one? You're on {self.count} of"
            f" {self.target} on your {self.leg} leg.",
        )

    def ask_lower_total(self, n: int) -> list[Line]:
        """A total said below what was already counted: put right, or said by mistake?"""
        return self._ask(
            "lower_total",
            n,
            f"Just to check: I had {self.count} on your {self.leg} leg - is it {n} in all?",
        )

    def ask_more_or_total(self, n: int) -> list[Line]:
        return self._ask(
            "more_or_total",
            n,
            f"Just to check: you're on {self.count} on your {self.leg} leg. Is that {n} more,"
            f" or {n} in all?"
            f" ({n} more would make {self.count + n}.)",
        )

    def keep_unanswered_batch(self, check: dict | None, now: float | None = None) -> None:
        """A batch asked about ("3 more, or 3 in all?") and not answered before another
        count or the end: counted as more, as people mostly mean, never dropped."""
        if check and check["kind"] == "more_or_total" and self.phase == ACTIVE:
            self.undo = self._snapshot()
            self.reps[self.set_number - 1][self.leg] = self.count + check["n"]
            if now is not None and self.count >= self.target:
                self._leg_finished(now)  # the next count is on the next leg

    def ask_again(self, check: dict) -> list[Line]:
        """A question about what a count meant, left unanswered while the user asked or
        said something else: asked again, as it was, until it is answered or a new count
        settles it. [] for the other questions, which the next report answers anyway."""
        kind, n = check["kind"], check["n"]
        if kind == "more_or_total":
            return self.ask_more_or_total(n)
        if kind == "far_above":
            return self._ask_far_above(n)
        if kind == "past_target":
            return self._ask_past_target(n)
        if kind == "lower_total":
            return self.ask_lower_total(n)
        if kind == "undo_batch":
            return self.ask_undo_batch(n)
        if kind == "reps_or_pain":
            return self.ask_reps_or_pain(n)
        if kind == "which":
            more = numbers.MORE if check.get("more") else numbers.TOTAL
            return self._ask_which(Count(more, n, or_value=check.get("or")))
        return []

    def ask_what_to_skip(self) -> list[Line]:
        """ "Skip" alone in the middle of a set: the rest of the set, or carry on? Asked."""
        last = " (that would finish today's session)" if self.set_number >= self.sets else ""
        return self._ask(
            "skip_or_go",
            self.count,
            f"Skip the rest of set {self.set_number}{last}, or keep going? You're on {self.count}"
            f" of {self.target} on your {self.leg} leg.",
        )

    def check_buttons(self) -> tuple[tuple[str, str], ...]:
        """The buttons for the question in `check`: each sends words the grammar reads."""
        if not self.check:
            return ()
        kind, n = self.check["kind"], self.check["n"]
        if kind == "more_or_total":
            return ((f"{n} more", f"{n} more"), (f"{n} in all", f"{n} so far"))
        if kind == "far_above":
            return ((f"Yes, {n}", "/affirm"), ("No", "/deny"))
        if kind == "lower_total":
            return ((f"Yes, {n} in all", "/affirm"), (f"No, keep {self.count}", "/deny"))
        if kind == "undo_batch":
            return ((f"All {n}", f"take off {n}"), ("Just the last one", "take off 1"))
        if kind == "reps_or_pain":
            return ((f"{n} reps", f"{n} reps"), (f"Pain {n}/10", f"pain {n} out of 10"))
        if kind == "all_or_some":
            return ((f"All {self.target}", "all of them"), (f"Stopped at {n}", f"only {n}"))
        if kind == "finished_or_carry_on" and self.check.get("paced"):
            left = self.target - self.count
            return (
                (f"Carry on for the last {left}", "carry on"),
                ("Call that leg done", "that's it for this leg"),
            )
        if kind == "finished_or_carry_on":
            return (
                ("Carrying on", "carry on"),
                ("That's it for this leg", "that's it for this leg"),
            )
        if kind == "past_target":
            over = self.count + n
            return (
                (f"{over} in all", f"{over} in all"),
                (f"{self.target} in all", f"{self.target} in all"),
            )
        if kind == "voice_total":
            return ((f"All {self.target}", "all of them"), ("Fewer", "/deny"))
        if kind == "skip_or_go":
            return (("Skip the rest of this set", "skip this set"), ("Keep going", "keep going"))
        if kind == PAIN_SETTLED:
            return (("Yes, it has settled", "/affirm"), ("No, it still hurts", "/deny"))
        if kind == "which":
            words = "more" if self.check.get("more") else "in all"
            return tuple((f"{v} {words}", f"{v} {words}") for v in (n, self.check.get("or")))
        return ()

    def answer_check(self, text: str, intent: str, count: Count | None, now: float) -> list[Line]:
        """The reply to the coach's question about a count; [] if it is not one."""
        check, self.check = self.check, None
        if not check:
            return []
        kind, n = check["kind"], check["n"]
        lowered = text.lower()
        says_more = bool(re.search(r"\b(more|extra|on top|additional|another)\b", lowered))
        says_total = bool(
            re.search(
                r"\b(in all|total|altogether|all together|overall|so far|in total)\b", lowered
            )
        )
        if (
            kind == "more_or_total"
            and (says_more or says_total)
            and (count is None or count.value in (None, n))
        ):
            if says_more:
                return self._set_count(self.count + n, now)
            return self._set_count(n, now, carry_on=True)
        if (
            kind == "reps_or_pain"
            and count is None
            and re.search(r"\b(?:reps?|count|counted|lifts?|the first)\b", lowered)
        ):
            return self.said(numbers.read_count(str(n)), now)  # "reps": the number as a count
        if kind == "skip_or_go" and count is None:
            if re.search(r"\bskip\b|^\W*(?:yes|yeah|yep)\W*$", lowered):
                return self.skip(not re.search(r"\b(?:leg|side)\b", lowered), now)
            if intent in ("deny", "continue_session") or re.search(
                r"\b(?:keep|carry|carrying|continue|go on|going|no)\b", lowered
            ):
                return [Line(f"Okay, keep going: {self.where()}.")]
        if kind == "past_target" and (
            count is None or count.kind in (numbers.FINISHED, numbers.ALL)
        ):
            # "yes, 11": the batch as said; "that's it", "stopped at 10", "no": the leg done.
            if count is not None and count.value is not None:
                return self._set_count(count.value, now, finish=True)
            if intent == "affirm" or says_more:
                return self._set_count(self.count + n, now)
            if (
                count is not None
                or intent == "deny"
                or re.search(r"\b(?:stop|stopped|finished|done|that'?s it|only)\b", lowered)
            ):
                return self._set_count(self.target, now)
        if kind == "undo_batch":
            answers = (numbers.ALL, numbers.LESS, numbers.TOTAL, numbers.FINISHED, numbers.COUNT)
            if count is None or count.kind in answers:  # "just one", "all 5", "take off 1"
                if count is not None and count.kind == numbers.LESS and count.value:
                    return self._correct(count, now)  # "take off 1", "minus 6"
                if re.search(r"\b(?:all|whole|batch|every|everything|them|those)\b", lowered) or (
                    count is not None and count.value == n
                ):
                    return self._correct(Count(numbers.LESS, n, True), now)
                if re.search(r"\b(?:last|one|1|single|just)\b", lowered):
                    return self._correct(Count(numbers.LESS, 1, True), now)
                if intent == "deny" or re.search(r"\b(?:neither|keep|none|nothing)\b", lowered):
                    return [Line(f"Okay, nothing taken back: {self.where()}.")]
        if kind == "lower_total" and not numbers.mentions_pain(text):
            named = _numbers_named(text)
            if (self.count in named and n not in named) or (
                not named and _COACH_WAS_RIGHT.search(lowered)
            ):
                # "no it's 6", "keep 6", "you're right", "my mistake": the count kept.
                return [Line(f"Okay, I've kept it as it was: {self.where()}.")]
            if n in named and self.count not in named:
                return self._set_count(n, now, carry_on=True)  # "oh, 4 then": the new total
        if kind == "lower_total":
            if intent == "affirm" or (
                count is not None and count.value == n and count.kind not in numbers.CORRECTIONS
            ):
                return self._set_count(n, now, carry_on=True)
            if intent == "deny" and (count is None or count.value in (None, self.count)):
                return [Line(f"Okay, I've kept it as it was: {self.where()}.")]
        if kind == "far_above":
            if intent == "affirm" or (count is not None and count.value == n):
                return self._set_count(n, now)
            if intent == "deny" and count is None:
                self.check = {"kind": "ask_total", "n": self.count}
                return [Line(f"Okay. How many did you do on your {self.leg} leg?")]
        if kind == "finished_or_carry_on":
            if count is not None and count.kind == numbers.FINISHED and count.value is None:
                return self._set_count(self.count, now, finish=True)
            if check.get("paced") and numbers.is_bare_rep(count):
                finished = self._set_count(self.count, now, finish=True)  # "done": none counted
                # Voice: "next one, go" also says to lead on now, as "ok, go" does below.
                goes_now = self.voice and re.search(r"\b(go|ready|move on)\b", lowered)
                return self._lead_on(finished) if goes_now else finished
            if count is not None and count.kind == numbers.TOTAL and count.value == n:
                if not count.explicit and self.count + n <= self.target:
                    return self._counted_as_more(n, now)  # "did 4" again: 4 more, as elsewhere
                count = Count(numbers.TOTAL, n, explicit=True)  # "4 in all": said again
            if count is not None:
                return self.said(count, now)  # carrying on: "done", "2 more"
            carry_on_words = re.search(
                r"\b(carry|carrying|keep|continue|not done|not finished|more|still)\b", lowered
            )
            if (
                self.voice
                and not carry_on_words
                and re.search(r"\b(go|next|ready|move on)\b", lowered)
            ):
                # Voice: "ok, go" after a paced set leads on, to what the coach leads next:
                # "ready" when the other leg is next starts it now, without a second ready.
                return self._lead_on(self._set_count(self.count, now, finish=True))
            if re.search(
                r"\b(carry|carrying|going|keep|continue|not done|not finished)\b", lowered
            ):
                if check.get("paced"):  # the rest of the paced set, paced again
                    return self._pace_the_rest()
                left = self.target - self.count
                return [Line(f"Okay, {self.count} so far: {left} to go. Keep going.")]
            if intent == "affirm" or re.search(
                r"\b(finished|that'?s it|thats all|done|switching|swapping|changing|"
                r"other (?:leg|side)|next leg|onto the)\b",
                lowered,
            ):
                return self._set_count(self.count, now, finish=True)
            if check.get("paced") and intent in ("deny", "continue_session"):
                if intent == "deny":  # "no": to which half of the question? Asked again.
                    return [self._carry_on_or_done()]
                return self._pace_the_rest()
            if intent in ("deny", "continue_session"):
                left = self.target - self.count
                return [Line(f"Okay, {self.count} so far: {left} to go. Keep going.")]
        if kind == "all_or_some":
            if intent == "affirm" or (count is not None and count.kind == numbers.ALL):
                return self._set_count(self.target, now)
            if intent == "deny" or re.search(r"\b(stop|stopped)\b", lowered):
                return self._set_count(n, now, finish=True)
        if kind in ("voice_total", "ask_total") and intent == "deny" and count is None:
            self.check = {"kind": "ask_total", "n": self.count}
            return [Line(f"How many did you manage on your {self.leg} leg?")]
        if kind in ("voice_total",) and intent in ("affirm", "feel_fine"):
            return self.feedback(now)
        if kind == "more_or_total" and count is not None:
            if count.kind == numbers.LESS and count.value is None:
                # "undo" to the question: the batch asked about is not counted.
                return [Line(f"Okay, not counted: {self.where()}.")]
            settles = count.explicit or (count.value or 0) >= self.target
            if count.kind in (numbers.TOTAL, numbers.COUNT, numbers.MORE) and not settles:
                # "did 2" next: another batch, so the one asked about counts too.
                self.keep_unanswered_batch(check, now)
                if self.over or self.phase != ACTIVE:
                    return [self.status()]
        if count is not None:
            if count.kind == numbers.TOTAL and kind in (
                "more_or_total",
                "ask_total",
                "voice_total",
                "far_above",
                "past_target",
                "lower_total",
            ):
                count = Count(numbers.TOTAL, count.value, explicit=True)
                return self.said(count, now, confirmed=True)
            return self.said(count, now)
        if intent in ("stop_session", "goodbye"):
            self.keep_unanswered_batch(check)  # stopping: the batch asked about still counts
        return []

    def _voice_answer(self, count: Count, now: float) -> list[Line]:
        """Voice, after a paced set: record it only when the user says what they did.

        The next number up ("one", then "two" ...; one more if a number went unheard) is
        the user counting along with the coach: each is one rep, and the leg is counted rep
        by rep from then on, as in chat. "I did 6" below the target is how far they got,
        asked about as in chat; a bare "seven" is how many they managed."""
        if count.kind == numbers.ALL or (count.kind == numbers.FINISHED and count.value is None):
            return self.feedback(now)
        if count.kind == numbers.MORE and count.value == 1 and not count.explicit:
            return self.feedback(now)  # "done"
        if count.kind == numbers.COUNT and self.count < count.value <= min(
            self.count + 2, self.target - 1
        ):  # the next number up (or the one after, if one went unheard)
            self.awaiting_feedback = False
            return self._apply(count, now)
        if (
            count.kind in (numbers.TOTAL, numbers.MORE)
            and count.value
            and self.count + (count.value if count.kind == numbers.MORE else 0) < self.target
        ):
            self.awaiting_feedback = False
            return self._apply(count, now)
        said_how_many = count.kind in (numbers.FINISHED, numbers.TOTAL, numbers.SET_TO) or (
            count.kind == numbers.COUNT and count.value >= 2  # "seven": how many they did
        )
        if said_how_many and count.value:
            self.awaiting_feedback = False
            if self.far_above(count.value):
                self.awaiting_feedback = True
                return self._ask_far_above(count.value)
            if count.value < self.target and not count.last:
                return self._ask_paced_short(count.value)
            return self._set_count(count.value, now, finish=True)
        return self.ask_voice_total()

    @property
    def short_paced_leg_open(self) -> bool:
        """Voice: a paced set said to be short, and carry on or call the leg done asked."""
        return bool(self.check and self.check.get("paced"))

    def _ask_paced_short(self, reps: int) -> list[Line]:
        """Fewer than the paced set's target: recorded, and the leg left open (never ended
        silently): carry on for the rest, paced again, or call the leg done."""
        self.undo = self._snapshot()
        self.reps[self.set_number - 1][self.leg] = reps
        self.counted_turns += 1
        left = self.target - reps
        said = Line(f"Okay, {reps} on your {self.leg} leg recorded, {left} short of {self.target}.")
        return [said, self._carry_on_or_done()]

    def _carry_on_or_done(self) -> Line:
        self.check = {"kind": "finished_or_carry_on", "n": self.count, "paced": True}
        left = self.target - self.count
        return Line(
            f"Just to check: carry on for the last {left} on your {self.leg} leg, or call that"
            " leg done?"
        )

    def _lead_on(self, said: list[Line]) -> list[Line]:
        """The leg just called done: when the switch now waits for "ready", the word already
        said starts the other leg, after the switch's pause, in place of asking again."""
        if not (self.awaiting_ready and self.phase == ACTIVE):
            return said
        return [*said[:-1], self._switch_line(), *self._start_leg()]

    def _pace_the_rest(self) -> list[Line]:
        return self._pace_leg(f"The last {self.target - self.count}, {self.leg} leg.")

    def unclear_voice_answer(self, now: float) -> list[Line]:
        """Voice: a reply to "did you get all of them?" that says nothing about the set ("ok,
        ready", "that was better"). Asked once; a second such reply is taken as the whole set
        as led, and the coach says so, rather than asking the same again and again."""
        if self.total_asked == 0 or not self.awaiting_feedback or self.phase != ACTIVE:
            return self.ask_voice_total()
        self.check = None
        assumed = Line(
            f"I didn't hear a number, so I've put down all {self.target} on your {self.leg} leg,"
            " as I led them."
        )
        return [assumed, *self.feedback(now)]

    def ask_voice_total(self) -> list[Line]:
        self.total_asked += 1
        if self.total_asked > 1 and self.total_asked % 2 == 0:
            return self._ask(
                "voice_total",
                self.target,
                f"Sorry, I still need it for your record. Just say a number, or all of them:"
                f" how many of the {self.target} on your {self.leg} leg did you do?",
            )
        if self.total_asked > 1:
            return self._ask(
                "voice_total",
                self.target,
                f"I didn't catch a number there. For your {self.leg} leg, say all {self.target},"
                f" or the number you did, like 7.",
            )
        return self._ask(
            "voice_total",
            self.target,
            f"Just to be sure I record it right: did you do all {self.target} on your"
            f" {self.leg} leg? Say all of them, or tell me how many you managed.",
        )

    def _correct(self, count: Count, now: float, confirmed: bool = False) -> list[Line]:
        """ "Undo", "minus one", "I meant 5": change the count of the leg just counted.
        confirmed: an undo that means the whole last batch ("undo that and add 2")."""
        if self.phase == PAUSED:
            self.phase, self.paused_from = self.paused_from or ACTIVE, None
        if self.phase == SETUP:
            return [Line("Nothing counted yet, so there's nothing to correct. Say ready to start.")]
        went_back = False
        undo = self.undo
        if self.count == 0 or self.phase == REST:
            went_back = self._back_to_last_change()
        self.awaiting_feedback = False
        before = self.count
        if count.kind == numbers.LESS and count.value is None:
            # "Undo": back to the count before the last change on this leg, else one off.
            at_this_leg = undo and (undo["set_number"], undo["leg"]) == (self.set_number, self.leg)
            earlier = undo["reps"][self.set_number - 1][self.leg] if at_this_leg else None
            if undo and undo.get("running"):
                earlier = None  # "4" then "undo": the fourth rep taken back, not the jump to it
            reps = earlier if earlier is not None and earlier < before else max(before - 1, 0)
            if before - reps >= 2 and not went_back and not confirmed:
                # "did 6" then "undo": the whole batch, or the last rep of it? Asked, never
                # 6 reps silently gone when the user may mean one.
                return self.ask_undo_batch(before - reps)
        elif count.kind == numbers.LESS:
            reps = max(before - count.value, 0)
        elif count.kind == numbers.MORE_INSTEAD:
            # "I meant 3 more, not 2": the count before the last batch, plus what was meant.
            at_this_leg = undo and (undo["set_number"], undo["leg"]) == (self.set_number, self.leg)
            earlier = undo["reps"][self.set_number - 1][self.leg] if at_this_leg else None
            reps = (earlier if earlier is not None and earlier <= before else before) + count.value
        else:
            reps = count.value
            step = self._last_step() or 0
            if step >= 2 and reps < before - step:
                # "I meant 2" just after "another 3" (5 -> 8): the batch, not the whole leg.
                reps = before - step + reps
        if self.far_above(reps):
            return self._ask_far_above(reps)
        self.undo = self._snapshot()
        self.reps[self.set_number - 1][self.leg] = reps
        if reps >= self.target:
            return [Line(f"Okay, {reps}."), *self._leg_finished(now)]
        back = f" We're back on your {self.leg} leg." if went_back else ""
        left = self.target - reps
        return [
            Line(
                f"Okay, corrected: {reps} of {self.target} on your {self.leg} leg, {left} to go."
                f"{back} Keep going."
            )
        ]

    def pause(self) -> list[Line]:
        if self.phase == PAUSED:
            return [Line("We're already paused. Say resume when you're ready.")]
        if self.phase == DONE:
            return [self.status()]
        self.paused_from, self.phase = self.phase, PAUSED
        return [Line(f"Paused: {self.where()}. Take your time, and say resume when you're ready.")]

    @property
    def paused_before_a_paced_leg(self) -> bool:
        """Voice, paused where the next thing is a leg counted aloud: before the first set,
        at the rest, or with the next leg named and not begun."""
        if not self.voice or self.phase != PAUSED or self.check:
            return False
        was = self.paused_from
        return was in (SETUP, REST) or (was == ACTIVE and self.awaiting_ready)

    def resume(self, now: float, in_position: bool = False) -> list[Line]:
        """Back from a pause. By voice before a paced leg, "I'm back" goes back to the
        ready point (the user may not be in position yet); "ready" itself paces it."""
        if self.phase != PAUSED:
            return self.ready(now)
        if self.paused_before_a_paced_leg and not in_position and not self.pain_settled_unasked:
            return self._back_to_the_ready_point()
        was, self.paused_from = self.paused_from, None
        self.phase = was or ACTIVE
        if was == REST:
            if self.pain_settled_unasked:
                self.phase, self.paused_from = REST, None
                return self.ask_pain_settled()
            # The pause was rest enough: straight into the next set.
            return self._start_next_set(rest_over=False)
        if was == SETUP:
            self.phase = ACTIVE
            return self._start_leg(first_of_session=True)
        # Resuming is carrying on: "carrying on, or is that it?" is answered; a question
        # about what a count meant is still open, so it is asked again.
        check = self.check
        if check and check["kind"] == "finished_or_carry_on":
            self.check = None
        again = self.ask_again(check) if check else []
        if self.voice:
            return [
                *self._pace_leg(
                    f"Back to your {self.leg} leg, set {self.set_number} of {self.sets}."
                ),
                *again,
            ]
        return [Line(f"Welcome back. {self.where()}: carry on from rep {self.count + 1}."), *again]

    def _back_to_the_ready_point(self) -> list[Line]:
        was, self.paused_from = self.paused_from, None
        if was == SETUP:
            self.phase = SETUP
        else:
            if was == REST:  # the pause was rest enough: the next set, its first leg named
                self.rest_until = None
                self.set_number += 1
                self.leg = p.LEGS[0]
            self.phase, self.awaiting_ready = ACTIVE, True
        coming = f"your {self.leg} leg, set {self.set_number} of {self.sets}, {self.target} reps"
        self.last_instruction = f"Welcome back. Next: {coming}. {READY_PROMPT}"
        return [Line(self.last_instruction)]

    def skip(self, whole_set: bool, now: float, rest_only: bool = False) -> list[Line]:
        """Skip the rest of this leg (or this set); what was done is kept."""
        if rest_only and self.phase != REST and self.paused_from != REST:
            return [Line(f"There's no rest to skip right now: {self.where()}. Keep going.")]
        if self.phase == PAUSED:
            self.phase, self.paused_from = self.paused_from or ACTIVE, None
        if self.phase == REST:
            return [Line("Skipping the rest."), *self._start_next_set(rest_over=False)]
        if self.phase == SETUP:
            self.phase = ACTIVE
        if self.phase != ACTIVE:
            return [self.status()]
        self.awaiting_feedback = False
        self.notes.append(f"skipped set {self.set_number} {'' if whole_set else self.leg}".strip())
        if whole_set or self.leg == p.LEGS[-1]:
            self.leg = p.LEGS[-1]
            return [Line(f"Skipping the rest of set {self.set_number}."), *self._set_finished(now)]
        return [Line(f"Skipping the rest of your {self.leg} leg."), *self._next_leg()]

    def repeat(self) -> list[Line]:
        if self.phase == ACTIVE:
            # Chat: the how-to and where the user is; voice: the last thing led, and where.
            said = self.setup_instructions() if not self.voice else self.last_instruction
            return [Line(f"{said or self.setup_instructions()} You're on {self.where()}.")]
        return [Line(self.last_instruction or self.setup_instructions())]

    def ease_off(self, reason: str, now: float) -> list[Line]:
        """Fewer reps and a smaller lift for the rest of today."""
        lower = max(p.MIN_REPS_PER_SET, (self.next_target or self.target) - p.EASE_OFF_REPS)
        self.notes.append(reason)
        change = "lift only as high as your lower back"
        if lower < (self.next_target or self.target) and self.awaiting_feedback:
            self.next_target = lower  # the paced set was led at its number: asked about as led
            change += f" stays still, and aim for {lower} reps per leg from the next leg."
        elif lower < self.target:
            self.target = lower
            change += f" stays still, and aim for {lower} reps per leg."
        else:
            change += " stays still, and go slowly."
        self.eased = change[0].upper() + change[1:]
        lines = [Line(f"Let's make it easier for the rest of today: {change}")]
        if self.phase == ACTIVE and not self.awaiting_feedback and self.count >= self.target:
            lines += self._leg_finished(now)
        return lines

    def stop_set_for_pain(self, easier_level: str, now: float) -> list[Line]:
        """Pain above the threshold: this set ends here, any later set uses the easier level."""
        if self.phase == PAUSED:
            self.phase, self.paused_from = self.paused_from or ACTIVE, None
        self.notes.append("pain_stop_set")
        self.awaiting_feedback = False
        self.level = easier_level
        self.target = min(self.target, p.LEVELS[p.level_index(easier_level)].reps_per_set)
        if self.phase in (SETUP, REST):
            return [self.status()]
        if self.set_number >= self.sets:
            return self._finish(now, early=True)
        self._rest(now)
        self.leg = p.LEGS[-1]
        text = f"Rest for {p.REST_BETWEEN_SETS_SECONDS} seconds. {self._rest_prompt()}"
        self.last_instruction = text
        return [Line(text)]

    def note_easy(self) -> list[Line]:
        self.notes.append("too_easy")
        return [
            Line(
                "Good sign! Finish today's plan with slow, controlled reps. I've noted it felt"
                " easy: when your sessions are comfortable, I'll suggest the next step up."
            )
        ]

    def stop(self, now: float, reason: str = "stopped") -> list[Line]:
        """End now and keep what was done."""
        if self.over:
            return []
        if reason not in self.notes:
            self.notes.append(reason)
        check, self.check = self.check, None
        self.keep_unanswered_batch(check)
        return self._finish(now, early=True)

    def record_pain(self, severity: int | None) -> None:
        if severity is not None:
            self.pain.append(severity)

    def record(self) -> dict:
        """The session as stored in the user's history."""
        return {
            "started_at": self.started_at,
            "ended_at": self.ended_at or self.started_at,
            "level": self.started_level or self.level,
            "target": self.target,
            "reps": [dict(done) for done in self.reps],
            "total_reps": self.total_reps,
            "completed": not self.ended_early,
            "pain": list(self.pain),
            "notes": list(self.notes),
        }

    def summary(self) -> str:
        per_set = reps_by_set(self.reps)
        if not per_set:
            return "No reps recorded this time."
        took = time_taken((self.ended_at or self.started_at) - self.started_at)
        return f"Your reps: {self.total_reps} in all ({per_set}). Time: {took}."

    # -- internals ------------------------------------------------------------------

    def _count_wording(self, done: int) -> str:
        wording = COUNT_WORDINGS[self.counted_turns % len(COUNT_WORDINGS)].format(n=done)
        left = self.target - done
        if left == 2:
            wording += " Two more."
        elif left == 1:
            wording += " Last one."
        elif done % CUE_EVERY_REPS == 0:
            wording += " " + CUES[(done // CUE_EVERY_REPS + self.set_number) % len(CUES)]
        return wording

    def _what_comes_after_this_leg(self) -> str:
        if self.leg != p.LEGS[-1]:
            return f"Then your {_other(self.leg)} leg."
        if self.set_number < self.sets:
            return f"Then a rest, and set {self.set_number + 1}."
        return "Then you're finished."

    def _start_leg(self, first_of_session: bool = False) -> list[Line]:
        if self.next_target is not None:
            self.target, self.next_target = min(self.target, self.next_target), None
        intro = f"Set {self.set_number}, {self.leg} leg: {self.target} reps."
        if self.voice:
            return self._pace_leg(intro)
        how = (
            " Lift, hold, lower slowly. Tell me done after each rep, or the total when you finish."
            if first_of_session
            else ""
        )
        self.last_instruction = intro + how
        return [Line(intro + how)]

    def _pace_leg(self, intro: str) -> list[Line]:
        first = self.count + 1
        self.awaiting_ready = False
        self.awaiting_feedback = True
        self.total_asked = 0
        self.last_instruction = intro
        return [
            Line(intro),
            Line(
                f"(Counting reps {first} to {self.target} aloud.)",
                ssml=speech.paced_reps(first, self.target),
            ),
            Line(
                f"That's your {self.leg} leg. Did you get all {self.target}, and how did it feel?"
            ),
        ]

    def _leg_finished(self, now: float | None) -> list[Line]:
        self.awaiting_ready = False
        done = self.count
        said = Line(f"{done} on your {self.leg} leg. Well done!")
        if self.leg != p.LEGS[-1]:
            return [said, *self._next_leg()]
        return [said, *self._set_finished(now)]

    def _next_leg(self) -> list[Line]:
        self.leg = _other(self.leg)
        said = speech.SWITCH_LEG.format(leg=self.leg, other=_other(self.leg))
        if self.voice:
            # On a speaker: the switch, then the count on "ready", not straight away.
            self.awaiting_ready = True
            self.check = None  # "did you do all 10?" was about the leg just done
            self.last_instruction = f"{said} {READY_PROMPT}"
            return [Line(self.last_instruction)]
        return [self._switch_line(), *self._start_leg()]

    def _switch_line(self) -> Line:
        said = speech.SWITCH_LEG.format(leg=self.leg, other=_other(self.leg))
        return Line(said, ssml=f"{said}{speech.pause(p.LEG_SWITCH_SECONDS * 1000)}")

    def _rest_prompt(self) -> str:
        if self.timed_rest:
            return f"I'll tell you when the {p.REST_BETWEEN_SETS_SECONDS} seconds are up."
        return "Say ready when you've rested."

    def _set_finished(self, now: float | None) -> list[Line]:
        if self.set_number >= self.sets:
            return self._finish(now, early=False)
        self._rest(now)
        text = (
            f"That's set {self.set_number} done. Rest for {p.REST_BETWEEN_SETS_SECONDS} seconds."
            f" {self._rest_prompt()}"
        )
        self.last_instruction = text
        if self.voice:
            return [self._voiced_rest()]
        return [Line(text)]

    def _voiced_rest(self) -> Line:
        """Voice: the rest is timed aloud (breaks of at most 10 s, as Alexa allows)."""
        seconds = p.REST_BETWEEN_SETS_SECONDS
        half = seconds // 2
        text = (
            f"That's set {self.set_number} done. Rest for {seconds} seconds: I'll time it."
            f" Then say ready for set {self.set_number + 1}."
        )
        ssml = (
            f"That's set {self.set_number} done. Rest for {seconds} seconds: I'll time it."
            f"{speech.pause((seconds - half) * 1000)}{half} seconds to go."
            f"{speech.pause((half - 10) * 1000)}Ten seconds.{speech.pause(10_000)}"
            f"Rest over. Say ready for set {self.set_number + 1}."
        )
        self.last_instruction = text
        return Line(text, ssml=ssml)

    def _rest(self, now: float | None) -> None:
        self.phase = REST
        self.rest_reminded = False
        self.rest_until = None if now is None else now + p.REST_BETWEEN_SETS_SECONDS

    def _start_next_set(self, rest_over: bool) -> list[Line]:
        self.rest_until = None
        self.set_number += 1
        self.leg = p.LEGS[0]
        self.phase = ACTIVE
        lines = [Line("Rest over!")] if rest_over else []
        return [*lines, *self._start_leg()]

    def _finish(self, now: float | None, early: bool) -> list[Line]:
        self.phase = DONE
        self.awaiting_feedback = False
        self.ended_at = now if now is not None else self.started_at
        self.ended_early = early
        head = "Okay, we'll stop there." if early else "That's the session done. Great work!"
        # What comes next (the schedule, a step up) is the coach's to say: it knows the history.
        return [Line(f"{head} {self.summary()}")]


# In the notes: the user said the pain that stopped a set has settled, so the sets go on.
PAIN_SETTLED = "pain_settled"


def progress(data: dict | None) -> dict:
    """What a chat page shows of the stored session: set, leg, reps and the end of the rest.

    {"active": False} when there is no session (none started, or it is over).
    During the rest, set and leg are still those of the set just finished.
    """
    session = Session.from_dict(data)
    if session is None or session.over:
        return {"active": False}
    return {
        "active": True,
        "phase": session.phase,
        "set": session.set_number,
        "sets": session.sets,
        "leg": session.leg,
        "reps": session.count,
        "target": session.target,
        "resting_until": session.rest_until if session.phase == REST else None,
    }


def fixed_phrases() -> tuple[str, ...]:
    """What the coach says again and again during a session, worth building as audio in
    advance (speech.prebuild, scripts/prebuild_audio.py)."""
    counts = [wording.format(n=n) for n in range(1, 21) for wording in COUNT_WORDINGS]
    switches = [speech.SWITCH_LEG.format(leg=leg, other=_other(leg)) for leg in p.LEGS]
    return (*counts, *CUES, speech.LIFT, speech.HOLD, speech.LOWER, *switches)


# -- a count said just after the session ended ------------------------------------------


def _blocks(reps: list[dict[str, int]]) -> list[tuple[int, str]]:
    return [(number, leg) for number in range(len(reps)) for leg in p.LEGS]


def _every_block_done(reps: list[dict[str, int]], target: int) -> bool:
    return all(done.get(leg, 0) >= target for done in reps for leg in p.LEGS)


def stopped_for_pain(record: dict) -> bool:
    """Whether a finished session's record says pain stopped it."""
    return any("pain" in note for note in record.get("notes") or [])


def _record_with(record: dict, reps: list[dict[str, int]]) -> dict:
    target = record.get("target") or 0
    total = sum(sum(done.values()) for done in reps)
    completed = record.get("completed", False) or (
        _every_block_done(reps, target) and not stopped_for_pain(record)
    )
    return {**record, "reps": reps, "total_reps": total, "completed": completed}


def late_count(record: dict, count: Count) -> tuple[dict, str] | None:
    """A count said just after a session ended ("final 3", "I meant 8", "did 10" when the
    last leg had 7), put into that session's record: (the new record, what changed), or
    None when where it goes is not clear (the coach asks). Applied to the last leg counted:
    an increment or a higher total that still fits its target, a correction of it."""
    target = record.get("target") or 0
    reps = [dict(done) for done in record.get("reps") or []]
    counted = [(n, leg) for n, leg in _blocks(reps) if reps[n].get(leg, 0) > 0]
    if not counted or not target:
        return None
    number, leg = counted[-1]
    done = reps[number].get(leg, 0)
    kind, value = count.kind, count.value
    if kind == numbers.MORE and value and done + value <= target:
        new = done + value
    elif kind in (numbers.TOTAL, numbers.COUNT, numbers.FINISHED) and value:
        new = value if done < value <= target else None
    elif kind == numbers.ALL and value in (None, target):
        new = target if done < target else None
    elif kind == numbers.SET_TO and value is not None and 0 <= value <= target:
        new = value
    elif kind == numbers.LESS and value:
        new = max(done - value, 0)  # "minus 2"; a bare "undo" after the end is not guessed
    else:
        new = None
    if new is None or new == done:
        return None
    reps[number][leg] = new
    changed = _record_with(record, reps)
    said = (
        f"Okay, I've updated the session you just finished: your {leg} leg in set"
        f" {number + 1} is now {new} of {target}, {changed['total_reps']} reps in all."
    )
    if _every_block_done(reps, target) and new >= target:
        said += " Every set is done now: well done!"
    return changed, said


def add_late_reps(record: dict, n: int) -> tuple[dict, str]:
    """ "Yes, add them": n reps put into the first legs still short of the target, in the
    order they come; if none is short, onto the last leg counted."""
    target = record.get("target") or 0
    reps = [dict(done) for done in record.get("reps") or []] or [{leg: 0 for leg in p.LEGS}]
    left = n
    for number, leg in _blocks(reps):
        room = max(target - reps[number].get(leg, 0), 0)
        step = min(room, left)
        reps[number][leg] = reps[number].get(leg, 0) + step
        left -= step
    if left:
        counted = [(k, leg) for k, leg in _blocks(reps) if reps[k].get(leg, 0)]
        k, leg = counted[-1] if counted else (0, p.LEGS[0])
        reps[k][leg] = reps[k].get(leg, 0) + left
    changed = _record_with(record, reps)
    return changed, f"Added: today's session now has {changed['total_reps']} reps in all."

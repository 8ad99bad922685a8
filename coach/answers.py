"""What the coach says about the exercise, in its own words, built from the protocol.

Each topic has a short answer (one to three sentences, easy to speak) with an
offer of more, and a longer follow-up for when the user says yes.
"""

from dataclasses import dataclass

from coach import protocol as p


@dataclass(frozen=True)
class Answer:
    short: str
    offer: str | None = None  # a yes/no question offering `detail`
    detail: str | None = None


def _join(items: tuple[str, ...] | list[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _rest_phrase() -> str:
    seconds = p.REST_BETWEEN_SETS_SECONDS
    if seconds % 60:
        return f"{seconds} seconds"
    minutes = seconds // 60
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def _numbered(steps: tuple[str, ...]) -> str:
    """Steps in order, worded to be spoken ("First, ... Then, ... Finally, ...")."""
    openers = ["First"] + ["Then", "Next", "After that"] * len(steps)
    openers = openers[: len(steps) - 1] + ["Finally"]
    return " ".join(
        f"{opener}, {step[0].lower()}{step[1:]}"
        for opener, step in zip(openers, steps, strict=True)
    )


ANSWERS: dict[str, Answer] = {
    "what_is": Answer(
        short=(
            f"The {p.EXERCISE_NAME}, also called {_join(p.OTHER_NAMES)}, is a home"
            " strengthening exercise: on hands and knees you lift one straight leg back"
            " and hold it. It works your glutes and lower back."
        ),
        offer="Shall I walk you through how to do it?",
        detail=_numbered(p.STEPS),
    ),
    "technique": Answer(
        short=(
            "For each lift, on hands and knees, brace your tummy, push one straight leg back"
            f" until it is about level with the floor, hold {p.HOLD_SECONDS.spoken('seconds')},"
            " then lower it slowly. Keep your hips from twisting."
        ),
        offer="Want the steps one by one?",
        detail=_numbered(p.START_POSITION + p.STEPS),
    ),
    "start_position": Answer(
        short=" ".join(p.START_POSITION),
        offer="Want a tip for sore knees?",
        detail=p.KNEE_COMFORT,
    ),
    "form": Answer(
        short=(
            "Lift the leg only until it is about level with the floor, knee straight and"
            " toes pointed. Your hips and back should stay still, with no twist or arch."
        ),
        offer="Want my full list of form tips?",
        detail=" ".join(p.FORM_CUES),
    ),
    "hold": Answer(
        short=(
            f"Hold the leg at the top for {p.HOLD_SECONDS.spoken('seconds')}, then lower it"
            " slowly until your knee touches the floor."
        ),
        offer="Want to know how many to do?",
        detail=(
            f"Do {p.REPS_PER_SET.spoken()} slow reps on each leg, one leg and then the other:"
            f" that is one set. Aim for {p.SETS_PER_LEG} sets on each leg."
        ),
    ),
    "reps": Answer(
        short=(
            f"Do {p.REPS_PER_SET.spoken()} slow reps on each leg, one leg and then the other."
            f" Aim for {p.SETS_PER_LEG} sets on each leg each session."
        ),
        offer="Want to know how to build up from there?",
        detail=(
            f"Once that feels easy and your form is good, build up to {p.BUILD_UP_REPS.spoken()}"
            " reps per leg per set. If adding reps brings on pain, go back to the number"
            " that felt comfortable."
        ),
    ),
    "rest": Answer(
        short=(
            f"Rest about {_rest_phrase()} between sets. If you tire mid-set, pause, get your"
            " breath back and carry on."
        ),
        offer="Want to know how many days to leave between sessions?",
        detail=(
            f"Leave {p.HOURS_BETWEEN_SESSIONS.spoken('hours')} between sessions so your"
            f" muscles can recover, and aim for {p.SESSIONS_PER_WEEK} sessions a week."
        ),
    ),
    "frequency": Answer(
        short=(
            f"Aim for {p.SESSIONS_PER_WEEK} sessions a week, with"
            f" {p.HOURS_BETWEEN_SESSIONS.spoken('hours')} between them, so every other day or so."
            " Your muscles get stronger while they recover."
        ),
        offer="Want to know what a session looks like?",
        detail=(
            f"A session is {p.SETS_PER_LEG} sets of {p.REPS_PER_SET.spoken()} slow reps on each"
            f" leg, with {_rest_phrase()} of rest between sets."
        ),
    ),
    "progression": Answer(
        short=(
            f"When it feels easy with good form, build up to {p.BUILD_UP_REPS.spoken()} reps per"
            f" leg per set. After that you can add {_join(p.HARDER_VARIATIONS)}."
        ),
        offer="Want to know when to hold back?",
        detail=(
            "Only step up when the current level is comfortable. If more reps or weight"
            " bring on pain, go back to what felt comfortable."
        ),
    ),
    "easier": Answer(
        short=(
            f"Try {p.EASIER_VARIATIONS[0]}, or {p.EASIER_VARIATIONS[1]}."
            " Both take load off your lower back."
        ),
        offer="Want the easiest version of all?",
        detail=(
            f"Try {p.EASIER_VARIATIONS[2]}. You can also do {p.EASIER_VARIATIONS[3]}."
            f" {p.KNEE_COMFORT}"
        ),
    ),
    "muscles": Answer(
        short=(
            f"It strengthens your {_join(p.MUSCLES)}, and your tummy muscles work to keep"
            " you steady."
        ),
        offer="Want to hear the benefits?",
        detail=f"Done regularly it gives you {_join(p.BENEFITS)}.",
    ),
    "benefits": Answer(
        short=f"It builds {_join(p.BENEFITS)}.",
        offer="Want to know who it is often prescribed for?",
        detail=(
            f"Physios often give it for {_join(p.CONDITIONS)}. After surgery, your surgeon's"
            " or physio's plan comes first."
        ),
    ),
    "conditions": Answer(
        short=(
            f"It is often part of rehab for {_join(p.CONDITIONS[:2])}, and after lumbar, hip"
            " replacement or knee surgery. Whether it suits you is for your doctor or physio"
            " to say, especially after surgery."
        ),
        offer="Want to know how to do it safely?",
        detail=(
            "Start gently, move slowly, and stop if it hurts: pain during the lift usually"
            " means the technique needs fixing."
        ),
    ),
    "pain": Answer(
        short=(
            "Feeling the muscles work is normal, but pain during the lift usually means the"
            " technique is off. Stop that set, then try a smaller lift with your hips and back"
            " still; if it still hurts, leave it and check with your physio."
        ),
        offer="Want an easier version to try?",
        detail=(
            f"Try {p.EASIER_VARIATIONS[0]}, or {p.EASIER_VARIATIONS[1]}. If the pain is still"
            f" there after {p.SEE_DOCTOR_AFTER_WEEKS} weeks, see a doctor."
        ),
    ),
    "medical": Answer(
        short=(
            "I can't diagnose problems or advise on medicines. Your doctor, physio or"
            " pharmacist can help with that. I'm happy to help with the leg lifts themselves."
        ),
    ),
    "out_of_scope": Answer(
        short=(
            "Sorry, I can't help with everyday questions like that: I only know about the"
            f" {p.EXERCISE_NAME}. Ask me how to do it, how many reps, or how often."
        ),
    ),
}


CAPABILITIES = (
    f"I only coach one exercise, the {p.EXERCISE_NAME}. Ask me how to do it, how long to hold,"
    " how many reps, how often, what it works, or what to do if it hurts."
)
# Asked what it is or whether a person is there, it says plainly it is automated; asked
# something personal ("got a girlfriend?"), the capabilities that follow say "only".
IDENTITY = "I'm an automated coach, a bot, not a person."
ANSWERS["capabilities"] = Answer(short=f"{IDENTITY} {CAPABILITIES}")


def answer_for(topic: str) -> Answer:
    return ANSWERS[topic]


DISCLAIMER = (
    "Just so you know, I'm a coach, not a clinician: for anything about your own health,"
    " your doctor or physio knows best."
)

GREETING = f"Hi! I'm your {p.EXERCISE_NAME} coach."

NOTHING_TO_EXPAND = (
    "What would you like to know more about? You can ask about the technique, reps or rest,"
    " for example."
)

ANYTHING_ELSE = "No problem. Anything else about the exercise?"

ACKNOWLEDGE_YES = "Great. What would you like to know? Try asking how to do it, or how many reps."


# Asked to book, find or recommend a physio or doctor: the coach can't, and says who can.
FINDING_A_CLINICIAN = (
    "Sorry, I can't book appointments or recommend a physio or doctor: I only coach the"
    f" {p.EXERCISE_NAME}. Your GP surgery can refer you, or tell you how to find one near you."
)


# Its names asked with an operation named: said after the operation's answer.
# Cleared by their clinician after an operation and asking to begin: the session starts,
# with their plan said to come first.
CLEARED_PLAN_FIRST = (
    "Good that you've been cleared. Your surgeon's and physio's plan and any limits they gave"
    " you come first: where theirs differs from mine, follow theirs."
)
SAME_EXERCISE = (
    f"And yes, {_join(p.OTHER_NAMES)} are other names for this same exercise, the"
    f" {p.EXERCISE_NAME}."
)


# Asked to set a timer, play music or fix a gadget: the coach can't, and says what it does time.
DEVICE_JOBS = (
    "Sorry, I can't help with timers, music or other jobs for your phone or computer: I"
    f" only coach the {p.EXERCISE_NAME}. In a guided session I count your reps with you and"
    " say how long to rest between sets."
)


# What a request for other training is about, when it names no exercise.
OTHER_TRAINING = "other exercises, stretches or routines"


def other_exercise_answer(exercise: str) -> str:
    return (
        f"Sorry, I only coach the {p.EXERCISE_NAME}, so I can't help with {exercise}."
        " A physio or trainer can. Ask me anything about leg lifts, though."
    )


GOODBYE = "Bye for now. Take care, and see you next session!"

NOT_UNDERSTOOD = (
    "Sorry, I didn't catch that. I understand English and I'm here for the prone leg lift:"
    ' try "how do I do it?", "how many reps?" or "start my session".'
)

# Asking which answer was meant; the options follow, as words and as buttons.
DID_YOU_MEAN = "I want to be sure I answer the right question. Did you mean"

NO_SESSION = (
    "We're not in a session right now. Say start my session when you're ready, and I'll"
    " count your reps with you."
)

NO_PROGRESSION_AFTER_CAUTION = (
    "Not yet: after the pain or warning sign you told me about, the right move is to hold"
    " the level, or go easier, until a clinician is happy and your sessions are comfortable"
    " again. No extra reps or weight for now."
)

# Said by the chat channels themselves, when a message cannot reach the dialogue.
EMPTY_MESSAGE = "I didn't get any words there. Ask me anything about prone leg lifts."
TROUBLE = "Sorry, I'm having trouble right now. Please try again in a moment."
TOO_FAST = (
    "You're sending messages faster than I can keep up with. Give me a few seconds, then"
    " send that again."
)

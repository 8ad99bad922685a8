"""Question-and-answer turns as plain functions: what to say and what to remember.

The Rasa actions pass in the intent, entities and remembered state, and turn
the returned Reply into messages and slot events. Nothing here imports Rasa.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from coach import answers, numbers, pain, red_flags
from coach.numbers import parse_number, unslipped
from coach.protocol import BUILD_UP_REPS, OTHER_NAMES, REPS_PER_SET
from coach.vocabulary import MEDICATIONS, canonical

# Spoken invocations ("alexa, ask leg lift coach to start"): the device and skill words are
# not the message, for the classifier (nlp/spelling.py) as for the dialogue.
_INVOCATION = re.compile(
    r"^\W*(?:(?:alexa|echo|computer|(?:hey|ok(?:ay)?) google|hey siri|siri)\b[,.!]?\s*)?"
    r"(?:(?:please\s+)?(?:ask|tell|open|launch|start|talk to|speak to|use|run|load)\s+)?"
    r"(?:the\s+)?(?:prone\s+)?leg[- ]?lifts?\s+coach\b[,.!]?\s*"
    r"(?:(?:to|and|for|about|that|then|if)\b\s*)?",
    re.I,
)
_WAKE_WORD = re.compile(r"^\W*(?:alexa|(?:hey|ok(?:ay)?) google|hey siri)\b[,.!]?\s*(?=\S)", re.I)


def without_invocation(text: str) -> str:
    """The message without the device's wake word and the skill's name; kept whole when
    nothing else was said ("open leg lift coach" alone is the skill's launch)."""
    rest = _INVOCATION.sub("", text, count=1)
    rest = _WAKE_WORD.sub("", rest, count=1)
    return rest if rest.strip(" ,.!?") else text


# Slots that belong to one conversation and are reset when a new one starts.
CONVERSATION_SLOTS = (
    "disclaimer_given", "pending_offer", "last_topic", "pending_pain", "pending_reminder",
    "erase_user_data",
)  # fmt: skip

# Questions about the user's own progress: a medicine named in one is still a medical question.
PROGRESS_QUESTIONS = ("ask_progress", "ask_next_session", "missed_sessions")

YES_NO_BUTTONS = (("Yes please", "/affirm"), ("No thanks", "/deny"))

INTENT_TOPICS = {
    "ask_capabilities": "capabilities",
    "ask_what_is": "what_is",
    "ask_technique": "technique",
    "ask_start_position": "start_position",
    "ask_form": "form",
    "ask_hold": "hold",
    "ask_reps": "reps",
    "ask_rest": "rest",
    "ask_frequency": "frequency",
    "ask_progression": "progression",
    "ask_easier": "easier",
    "ask_muscles": "muscles",
    "ask_benefits": "benefits",
    "ask_conditions": "conditions",
    "pain": "pain",
    "ask_medical": "medical",
    "out_of_scope": "out_of_scope",
}

# Topics where naming another exercise does not change the answer.
TOPICS_ABOUT_THE_USER = ("pain", "medical", "capabilities", "out_of_scope")

# Questions about the exercise: one retrieval intent, whose answers are Rasa
# responses (data/responses/*.yml) picked by the ResponseSelector.
QUESTION_INTENT = "faq"
# Answers about this exercise's own technique and dose: the same question about
# another exercise ("how many reps of squats?") is out of scope. Other answers
# (warming up, where, injury prevention for runners) may name another activity.
EXERCISE_ONLY_ANSWERS = (
    "what_the_exercise_is", "other_names", "steps_one_by_one", "how_to_do_it",
    "starting_position", "the_lift", "how_high_to_lift", "how_long_to_hold",
    "lowering_the_leg", "form_tips", "common_mistakes", "reps_per_set", "number_of_sets",
    "the_build_up_target", "rest_between_sets", "sessions_per_week", "gap_between_sessions",
    "muscles_worked", "harder_variations", "easier_versions",
)  # fmt: skip


def _names_spelled() -> str:
    """The exercise's names without "prone", longest first, as regex alternatives."""
    names = {"leg lift", "leg raise", "lift", *OTHER_NAMES}
    forms = {" ".join(name.split()[1:]) if name.startswith("prone ") else name for name in names}
    return "|".join(sorted((re.escape(form) for form in forms), key=len, reverse=True))


# One of the exercise's names, with or without "prone", in the plural too.
EXERCISE_NAMED = re.compile(rf"\b(?:prone\s+)?(?:{_names_spelled()})s?\b", re.I)
# The exercise asked about as what might help (the subject of "would ... help"): a
# pronoun, "the exercise", or any of its names, after "doing" too ("would prone hip
# extensions help", "will doing the leg raises help").
THIS_EXERCISE = (
    r"(?:doing\s+)?(?:it|this|these|they|that|them|(?:this|the) exercises?|these exercises"
    rf"|(?:(?:the|these|those|my)\s+)?{EXERCISE_NAMED.pattern})"
)


@dataclass
class Message:
    text: str
    buttons: tuple[tuple[str, str], ...] = ()
    ssml: str | None = None  # voice only, when it differs from reading the text out
    # A file the adapter renders and links after the text: "chart" or "csv" (coach/report.py).
    attachment: str | None = None
    # A Rasa response to say instead of `text` ("utter_faq/how_long_to_hold"): the
    # answers to questions live in data/responses/*.yml, with their voice variants.
    response: str | None = None


@dataclass
class State:
    disclaimer_given: bool = False
    pending_offer: str | None = None
    last_topic: str | None = None

    @classmethod
    def from_slots(cls, slots: dict[str, Any]) -> "State":
        return cls(
            disclaimer_given=bool(slots.get("disclaimer_given")),
            pending_offer=slots.get("pending_offer"),
            last_topic=slots.get("last_topic"),
        )


@dataclass
class Reply:
    messages: list[Message] = field(default_factory=list)
    updates: dict[str, Any] = field(default_factory=dict)

    def say(self, text: str, buttons: tuple[tuple[str, str], ...] = ()) -> "Reply":
        self.messages.append(Message(text, buttons))
        return self


def _other_exercise(entities: list[dict]) -> str | None:
    for entity in entities:
        if entity.get("entity") == "other_exercise":
            return canonical("other_exercise", str(entity.get("value", ""))) or str(entity["value"])
    return None


def _off_topic_kind(entities: list[dict]) -> str | None:
    """The kind of off-topic thing the message names first (diet, sleep, sport, illness...)."""
    for entity in entities:
        if entity.get("entity") == "off_topic":
            return canonical("off_topic", str(entity.get("value", "")))
    return None


# "Can you book me in with a physio?", "recommend a good doctor near me": a request the
# coach can't carry out, whatever the classifier made of it; its own redirect says who can.
_CLINICIAN = (
    r"\b(?:physios?|physiotherapists?|doctors?|gps?|chiropractors?|osteopaths?|clinics?|"
    r"specialists?|therapists?)\b"
)
ASKS_FOR_A_CLINICIAN = re.compile(
    r"\b(?:can|could|will|would) you\b.{0,20}?\b(?:book\w*|recommend|suggest|find)\b.{0,40}?"
    + _CLINICIAN
    + r"|\b(?:recommend|suggest)\b(?: me)? (?:a|an|any|some)\b.{0,20}?"
    + _CLINICIAN
    # "where can I find an osteopath locally?", "how would I get an appointment with a GP?"
    + r"|\b(?:how|where) (?:do|can|would|should) i\b.{0,15}?"
    r"\b(?:book\w*|find|get (?:an appointment|a referral|referred|seen))\b"
    r"(?: (?:in|myself in|an appointment|a slot|seen))?(?: with| to see| at)?.{0,15}?"
    + _CLINICIAN
    + r"|"
    + _CLINICIAN
    + r".{0,20}?\b(?:near me|nearby|locally|in my area|round here|near here)\b",
    re.I,
)


# A request for a phone or smart-speaker job ("start a stopwatch", "put my playlist on"),
# or a gadget to reset or fix: the coach can't, and says what it can time. An alarm is a
# reminder: the coach sets those. Resetting a count or restarting a session names no gadget.
_GADGET = (
    r"(?:routers?|modems?|wi-?fi|broadband|internet|passwords?|laptops?|computers?|pcs?|"
    r"printers?|phones?|tablets?|ipads?|tvs?|telly|emails?|bluetooth)"
)
_FIX = r"(?:reset|reboot|restart|fix|repair|update|unlock|connect|set up|setup)"
ASKS_A_DEVICE = re.compile(
    r"\b(?:set|start|run)(?: me| up)?(?: a| an| the| my)? (?:\d+ \w+ )?"
    r"(?:timer|countdown|stopwatch|stop watch)\b"
    r"|\b(?:play|put(?: on)?|stream|shuffle)\b(?: me)?(?: some| a| my| the)? ?"
    r"(?:music|songs?|playlists?|radio|podcasts?|tunes|spotify)\b"
    r"|\bturn (?:on|off|up|down) (?:the |my )?(?:lights?|volume|music|tv|telly|heating)\b"
    # "reboot the modem", "my laptop won't connect, how do I fix it"
    rf"|\b{_FIX}\b.{{0,25}}?\b{_GADGET}\b"
    rf"|\b{_GADGET}\b.{{0,40}}?\bhow (?:do|can|should|would) i {_FIX}\b"
    # an errand to be reminded of ("remind me to ring the bank", "add eggs to my shopping
    # list"); a reminder to exercise is the coach's own (set_reminder)
    r"|\b(?:remind me|reminders?) to (?!.*\b(?:exercis\w*|legs?|lifts?|sessions?|workouts?|"
    r"train\w*|reps?|sets|stretch\w*|physio|practi[cs]e|do|doing|work ?out|mat|mov\w*|"
    r"keep (?:going|at it|it up|them up))\b)\w+"
    r"|\b(?:shopping|grocery|to-?do) list\b",
    re.I,
)


def off_topic_response(kind: str) -> str:
    """The Rasa response saying which kind of thing the coach can't help with, and who can."""
    return f"utter_off_topic_{kind}"


# Off-topic things an answer about the exercise can still be about: "can I eat before
# it?" (eating_before), "should I do it with a cold?" (exercising_when_ill). Named with
# any other answer ("what should I eat to lose belly fat?" read as the weight-loss
# answer), the question is off-topic. Weight words alone stay with the weight-loss
# answer ("will it help me lose belly fat?"). Sleep, furniture and sport are left to
# the classifier: "desk job", "on the sofa" or "do I need a gym?" often come with a
# question about the exercise.
ANSWERS_ABOUT_OFF_TOPIC = {
    "diet": ("eating_before",),
    "illness": ("exercising_when_ill",),
    "supplement": (),
    "other_body_part": (),
}
WEIGHT_WORDS = ("belly fat", "lose weight", "weight loss", "calorie", "calories")
# Food only fits the eating_before answer when it is around a session: not a date ("before
# the holidays"), nor eating to lose weight, which is a diet question.
AROUND_A_SESSION = re.compile(
    r"^(?!.*\b(?:to|help me|so i can|and|i want to|i need to) (?:lose|shed|drop|burn off|"
    r"get rid of|slim)\b)"
    r".*(?:\b(?:before|after)\b(?!\s+(?:christmas|xmas|easter|summer|spring|winter|autumn|"
    r"new year|the (?:holidays?|wedding|summer|new year|party|end of)|my (?:wedding|holiday|"
    r"birthday|trip)|\w+day\b|next\b|january|june|july|august|december))"
    r"|\b(?:beforehand|afterwards|stomach)\b)",
    re.I | re.S,
)


def asks_off_topic(intent: str, entities: list[dict], text: str, answer_key: str | None) -> bool:
    """A question about food, supplements, an illness or another body part's condition
    that the classifier took for a question about the exercise."""
    # Read as another question topic ("is keto good for back pain?" as the benefits): the
    # food, supplement or other part is still what it asks about, unless the exercise has
    # an answer for it (eating around a session, exercising when ill).
    as_a_topic = intent in INTENT_TOPICS and intent not in ("pain", "ask_medical")
    if intent not in (QUESTION_INTENT, "nlu_fallback") and not as_a_topic:
        return False
    for entity in entities:
        said = " ".join(str(entity.get("value", "")).lower().split())
        kind = canonical("off_topic", said) if entity.get("entity") == "off_topic" else None
        if kind not in ANSWERS_ABOUT_OFF_TOPIC or said in WEIGHT_WORDS:
            continue
        if as_a_topic and intent != QUESTION_INTENT:
            if kind == "illness" or (kind == "diet" and AROUND_A_SESSION.search(text)):
                continue
            return True
        covered = answer_key in ANSWERS_ABOUT_OFF_TOPIC[kind]
        if intent == "nlu_fallback" or not covered:
            return True
        if kind == "diet" and not AROUND_A_SESSION.search(text):
            return True
    return False


# A dose or a how-to asked ("how many of those?", "how long for each?"): about an exercise.
ASKS_A_DOSE = re.compile(r"\bhow (?:many|much|long|often|do i do)\b|\b(?:sets|reps)\b", re.I)


# Another exercise set against this one, or asked to be coached instead ("are planks
# harder than these? walk me through them instead"): about that exercise.
COMPARED_OR_INSTEAD = re.compile(
    r"\b(?:better|easier|harder|safer|more effective|quicker)\s+(?:for (?:me|you|my \w+|"
    r"someone like me)\s+)?than\s+(?:this|these|those|"
    r"leg lifts?|the leg lifts?|this one)\b"
    r"|\b(?:coach|teach|show|guide|walk|take|talk)\s+(?:me|us)\s+(?:through\s+)?"
    r"(?:(?:those|them|that|these|it|how)\s+)?(?:\w+\s+){0,2}instead\b",
    re.I,
)


# Two exercises weighed against each other ("what's better for glutes, squats or lunges?",
# "deadlifts vs hip thrusts for the bum"): about those exercises, even when a muscle this
# one works is named. Gym moves the entity ruler does not know are named here.
OTHER_MOVES = re.compile(
    r"\b(?:(?:barbell |banded |single.leg )?hip thrusts?|(?:glute |cable )?kick ?backs?|"
    r"donkey kicks?|step[- ]?ups?|good mornings?|rdls?|romanian deadlifts?|leg press(?:es)?|"
    r"(?:leg|hamstring) curls?|hip abductions?|abductor machine|wall sits?|calf raises?|"
    r"hip hinges?|kettlebell swings?)\b",
    re.I,
)
WEIGHS_UP = re.compile(
    r"\b(?:better|best|more effective|most effective|superior|prefer\w*|versus|vs|compared?|"
    r"comparison|which|(?:should|do|shall) i (?:do|pick|choose|go (?:for|with)|try))\b",
    re.I,
)
# The other exercise as one of the options: right after "or"/"vs"/"than", or right before
# "or"/"vs" ("before or after a run?" weighs times, not exercises).
_OPTION_BEFORE = re.compile(
    r"\b(?:or|vs\.?|versus|compared (?:to|with)|against|than)\s+(?:(?:the|a|an|doing|some)\s+)?$",
    re.I,
)
_OPTION_AFTER = re.compile(
    r"^\s*[,?]?\s*(?:or|vs\.?|versus|compared (?:to|with)|against)\b"
    r"(?!\s+(?:before|after|during|not|first|later|instead|afterwards|beforehand)\b)",
    re.I,
)


def compares_another_exercise(entities: list[dict], text: str) -> bool:
    """Another exercise is one side of an "X or Y" weighed up: its question, not ours."""
    if not WEIGHS_UP.search(text):
        return False
    spans = [match.span() for match in OTHER_MOVES.finditer(text)]
    for entity in entities:
        if entity.get("entity") == "other_exercise":
            said = str(entity.get("value", ""))
            start = entity.get("start")
            start = start if isinstance(start, int) else text.lower().find(said.lower())
            end = entity.get("end")
            if start >= 0:
                spans.append((start, end if isinstance(end, int) else start + len(said)))
    return any(
        _OPTION_BEFORE.search(text[:start]) or _OPTION_AFTER.match(text[end:])
        for start, end in spans
    )


def names_another_exercise(
    intent: str, entities: list[dict], answer_key: str | None = None, text: str = ""
) -> bool:
    """A question about the exercise that names another one ("how do I do a squat?"),
    or its dose asked with the classifier unsure ("how many crunches a day?").

    Also applied in the NLU pipeline (nlp/components.py), so that the intent
    itself says out_of_scope.
    """
    if intent in (QUESTION_INTENT, "nlu_fallback"):
        about_the_exercise = (
            answer_key in EXERCISE_ONLY_ANSWERS
            or ASKS_A_DOSE.search(text)
            or COMPARED_OR_INSTEAD.search(text)
            or _asked_about_another(entities, text)
        )
        return bool(about_the_exercise) and _other_exercise(entities) is not None
    topic = INTENT_TOPICS.get(intent)
    return (
        topic is not None
        and topic not in TOPICS_ABOUT_THE_USER
        and _other_exercise(entities) is not None
    )


# Another exercise is what the question asks about ("is rowing kind to the hips?", "would a
# swim help my back?"): the redirect, whatever answer the selector leaned to.
ASKS_ABOUT_IT = re.compile(
    r"\b(?:is|are|would|will|does|do|could|can|should i (?:do|try|take up|start))\s+"
    r"(?:(?:a|an|some|more|the|doing|going)\s+)?$",
    re.I,
)


def _asked_about_another(entities: list[dict], text: str) -> bool:
    return any(
        entity.get("entity") == "other_exercise"
        and ASKS_ABOUT_IT.search(text[: entity.get("start", 0)])
        for entity in entities
    )


# Asking for other training ("a good pilates class for beginners?", "stretches for a
# stiff neck"): out of scope, unless it is about around a session ("stretches for after
# these?", "can I do it after yoga?"), which the exercise's own answers cover.
ASKS_FOR_ONE = re.compile(
    r"\b(?:good|best|decent|nice|easy|recommend\w*|suggest\w*|give me|show me|teach me)\b",
    re.I,
)
OTHER_TRAINING = re.compile(
    r"\b(?:flows?|sequences?|routines?|workouts?|class|classes|programmes?|programs?|"
    r"circuits?|poses?)\b",
    re.I,
)
# Stretches for something, with words between: "stretches that are good for", "what
# stretching would help", "a stretch to loosen".
STRETCHES_FOR = re.compile(
    r"\bstretch(?:es|ing)?\b.{0,25}?\b(?:for|(?:would|will|could|might) help|helps?|"
    r"to (?:loosen|ease|release|free))\b"
    r"|\b(?:hamstrings?|calf|calves|quads?|quadriceps|hip flexors?|groin|piriformis|it band|"
    r"neck|shoulders?|chest|thighs?|ankles?|wrists?)\s+stretch(?:es)?\b",
    re.I,
)
# A whole workout or routine ("a complete leg routine", "full gym workout"): other training.
WHOLE_WORKOUT = re.compile(
    r"\b(?:full|whole|complete|entire)\b.{0,20}?\b(?:workouts?|routines?|programmes?|programs?)\b",
    re.I,
)
# Exercises other than this one asked for, even beside it ("other exercises for the
# glutes?", "shoulder exercises too", "ab exercises apart from these"): the redirect.
OTHER_EXERCISES_ASKED = re.compile(
    r"\b(?:other|different|extra|additional) (?:\w+ )?exercises\b"
    r"|\bexercises?\b.{0,20}?\b(?:besides|other than|apart from|on top of|in addition to)\b"
    r"|\b(?:neck|shoulder|knee|ankle|wrist|arm|core|ab|abs|chest|pelvic floor|calf|"
    r"upper body) exercises?\b.{0,25}?\b(?:too|as well|also)\b",
    re.I,
)
ABOUT_THIS_SESSION = re.compile(
    r"\b(?:before|after|afterwards|beforehand|cool ?down|warm ?up|this|these|it|them|"
    r"leg lifts?|leg raises?|session|with|alongside)\b",
    re.I,
)


def asks_for_training(text: str) -> bool:
    """Stretches for something, or a routine or class, asked for: not around a session;
    other exercises asked for, even beside this one."""
    if OTHER_EXERCISES_ASKED.search(text):
        return True
    return not ABOUT_THIS_SESSION.search(text) and bool(
        STRETCHES_FOR.search(text) or (ASKS_FOR_ONE.search(text) and OTHER_TRAINING.search(text))
    )


def asks_for_training_for_a_part(text: str) -> bool:
    """Stretches for another part asked for, the part's stiffness or ache only its reason
    ("best stretch for a stiff shoulder?"): no score or strong pain word said."""
    return (
        bool(STRETCHES_FOR.search(text))
        and asks_for_training(text)
        and numbers.read_pain_score(text) is None
    )


def asks_for_other_training(
    intent: str, entities: list[dict], text: str, answer_key: str | None
) -> bool:
    """A routine of another exercise, stretches for another body part, or a whole workout
    asked for."""
    if intent not in (QUESTION_INTENT, "nlu_fallback") or not asks_for_training(text):
        return False
    # Stretches for another part are other training, whichever answer the selector
    # leaned to ("for tight hamstrings" is no question about the hamstrings' work here).
    if (
        STRETCHES_FOR.search(text)
        or WHOLE_WORKOUT.search(text)
        or OTHER_EXERCISES_ASKED.search(text)
    ):
        return True
    return _other_exercise(entities) is not None and bool(OTHER_TRAINING.search(text))


# A medicine's name in the text, for the names the entity ruler splits ("co-codamol").
NAMES_A_MEDICINE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(name) for names in MEDICATIONS.values() for name in names)
    + r")\b",
    re.I,
)


def asks_about_medicine(intent: str, entities: list[dict], text: str = "") -> bool:
    """Any message naming a medicine or a medical test, except a pain report, is a
    medical question: the coach never advises on those ("take co-codamol first so it
    hurts less?": don't mask pain, ask a pharmacist). Also applied in NLU."""
    return (
        (intent in INTENT_TOPICS or intent in PROGRESS_QUESTIONS or intent == QUESTION_INTENT)
        and intent != "pain"
        and (
            any(entity.get("entity") in ("medication", "medical_test") for entity in entities)
            or bool(NAMES_A_MEDICINE.search(text))
        )
    )


def written_in_another_script(text: str) -> bool:
    """Letters, but none of them Latin: not English, whatever the classifier says.

    Emoji and digits are not letters, so "👍" or "7" are left to the classifier.
    """
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and not any("LATIN" in unicodedata.name(char, "") for char in letters)


# Chat short forms, a whole message on their own: a classifier that learns from
# letter n-grams has nothing to go on in "ty" or "nite", and read them as a rep.
CHAT_SHORT_FORMS = {
    "thank": ("ty", "tysm", "tyvm", "thx", "thnx", "thanx", "tnx", "ta", "cheers"),
    "goodbye": ("bye", "bye bye", "byebye", "cya", "ttyl", "ttfn", "gn", "nite", "night night",
                "nighty night", "ciao", "laters"),
    "greet": ("hi", "hiya", "heya", "hey", "hey there", "hi there", "yo", "sup", "wassup",
              "howdy", "hello", "hullo"),
    "affirm": ("y", "ye", "yep", "yup", "ya", "yah", "yeh"),
    "deny": ("n", "nah", "nope"),
}  # fmt: skip
# A kind word for the coach ("you're a star", "love this app", "nice work coach"): a
# thanks back and on with the step, never a pain question, whatever "pretty" or
# "killing it" lead the classifier to.
_COACH = r"(?:coach|trainer|teacher|app|bot|helper|one|guy|lad|mate)"
PRAISE = re.compile(
    r"\b(?:you(?:'?re| are| r)|youre|ur|u r)\s+(?:(?:a|an|the|so|such a|really|very|pretty|"
    r"quite|honestly|genuinely|actually|seriously|just|definitely|bloody|real)\s+)*"
    r"(?:good|great|brilliant|amazing|awesome|fantastic|excellent|lovely|helpful|the best|"
    r"a star|a legend|ace|fab|fabulous|wonderful|superb|cool|nice|the man|the woman|"
    r"killing it|smashing it)\b|"
    r"\b(?:good|great|brilliant|amazing|awesome|fantastic|excellent|lovely|helpful|nice|"
    rf"best|fab|wonderful|superb|cool) (?:little )?{_COACH}\b|"
    # "like" with its liker or alone, not a likeness: "it's been like this for weeks".
    r"(?:\b(?:i )?(?:love|loving|really like|enjoying)|(?:^\W*|\b(?:i|we) )like) (?:this|it|you|"
    r"this app|the app|"
    r"this coach|these sessions|your coaching|working with you)\b(?! (?:hurts?|aches?|pain))|"
    rf"\b(?:good|great|nice|top) (?:job|work)(?:,? {_COACH})?\W*$|"
    rf"\b(?:good|great|nice|top) one,? {_COACH}\W*$",
    re.I,
)
_DOING_WELL = re.compile(r"\b(?:killing|smashing|nailing) it\b", re.I)


# "What's a good app for ...?", "any decent trainer near me?": one asked for, no compliment.
ASKS_FOR_A_GOOD_ONE = re.compile(
    r"\b(?:what(?:'?s| is| are)|whats|which|any|recommend\w*|suggest\w*|know)\b[^.!?]{0,20}?"
    rf"\b(?:good|great|best|nice|decent) (?:little )?{_COACH}s?\b",
    re.I,
)


def praises_the_coach(text: str) -> bool:
    """A compliment with no pain in it: "you're a great coach", not "great, but it hurts"."""
    if not PRAISE.search(text) or numbers.read_pain_score(text) is not None:
        return False
    if ASKS_FOR_A_GOOD_ONE.search(text):
        return False
    return not numbers.mentions_pain(_DOING_WELL.sub(" ", text))


_SHORT_FORM_OF = {form: intent for intent, forms in CHAT_SHORT_FORMS.items() for form in forms}
_LETTER_RUN = re.compile(r"([a-z])\1+")


# Small talk asked of the coach, the whole message: a greeting back, not "didn't catch that".
HOW_ARE_YOU = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya|morning|good (?:morning|afternoon|evening))\W+)?"
    r"(?:how (?:are|r) (?:you|u|ya)(?: doing| keeping)?"
    r"|how'?s (?:it|things|your day|life|everything)(?: going)?"
    r"|how (?:is|was) your (?:day|morning|weekend)|how have you been"
    r"|you (?:ok|okay|alright|good)|(?:are )?you doing (?:ok|okay|alright|well))"
    r"(?: today| this (?:morning|afternoon|evening)| then| mate| coach)?\W*$",
    re.I,
)


def chat_short_form(text: str) -> str | None:
    """The intent of a message that is one chat short form ("ty", "cya", "hiii!"), else None."""
    bare = " ".join(re.sub(r"[.!?,~]+", " ", text.lower()).split())
    return _SHORT_FORM_OF.get(bare) or _SHORT_FORM_OF.get(_LETTER_RUN.sub(r"\1", bare))


_COUNT = re.compile(
    r"^\s*(?:(?:that's|thats|that is|that was|number|rep|and|ok|okay)\s+)*(?P<number>[\w -]+?)"
    r"(?:\s+(?:done|now|down|reps?))?\s*[.!]*\s*$",
    re.IGNORECASE,
)


def is_a_count(text: str) -> bool:
    """A message that is only a count: "7", "that's four", "number 12"."""
    if re.search(r"/|out of|outta", text, re.IGNORECASE):
        return False  # "7/10" is a pain score
    match = _COUNT.match(text)
    if not match:
        return False
    said = match.group("number").strip().lower()
    # "fve", "sevn": one letter off a number word (not a chat short form such as "nite")
    slip = None if chat_short_form(text) else unslipped(said)
    return isinstance(parse_number(slip or said), int)


NAMES_A_THING = re.compile(
    r"\b(?:reminders?|alarms?|notifications?|messages?|texts?|data|history|records?|account)\b",
    re.I,
)


def corrects_a_count(text: str) -> bool:
    """A rep taken back or the count put right, a reason or not: "scrap that one, my back
    arched", "make that 6, I lost count", "put me down for 6". No pain is said in it."""
    if "?" in text or numbers.read_pain_score(text) is not None:
        return False
    if numbers.mentions_pain(text) and not numbers.says_no_pain(text):
        return False
    count = numbers.read_count(text)
    if count is None:
        return False
    if count.kind == numbers.LESS:
        # A rep taken back ("undo" alone: the classifier's); "take it away" said of a
        # reminder or a message takes that away, not a rep.
        return count.value is not None and not NAMES_A_THING.search(text)
    # A count put right in words only a count is put right with ("no, 8" may answer
    # anything).
    return count.kind == numbers.SET_TO and numbers.says_count_correction(text)


# "my hips ache, would these help?": asking whether the exercise helps, not a pain report.
ASKS_IF_IT_HELPS = re.compile(
    rf"\b(?:would|will|could|can|does|do|is|are|might)\s+{THIS_EXERCISE}\s+"
    r"(?:actually\s+|really\s+|even\s+)?(?:help|work|be good|be any good|do anything)\b",
    re.IGNORECASE,
)


# A question asked after or inside a statement, without a question mark: "my back
# aches when I add reps, should I push through", "it hurts at the top, why", "if
# it hurts do I stop". The statement alone ("my back aches"), or with "is that
# normal?" after it, is a report.
ASKS_A_QUESTION = re.compile(
    r"(?:^|[,;]|\b(?:and|but|so|then)\b)\s*(?:what|how|why|should|can|could|do|does)"
    r"\s+(?:i|it|that|this|these|they|you|we)\b"
    r"|\b(?:should|do|can|could|shall)\s+i\b"
    r"|\b(?:now what|what now|why|what do i do|what should i do)\s*[.!]*\s*$"
    # a choice asked after the statement: "my calves ache after, stretch or rest"
    r"|,\s*(?:[a-z]+\s+){0,2}[a-z]+ or [a-z]+(?:\s+[a-z]+)?\s*[.!]*\s*$"
    r"|^\s*if\b",
    re.IGNORECASE,
)


def reports_pain(intent: str, entities: list[dict], text: str) -> bool:
    """A statement that something hurts ("kneeling is hurting my knees") is a pain
    report even when it reads like a technique question; a question stays one."""
    return (
        (intent in INTENT_TOPICS or intent == QUESTION_INTENT)
        and intent not in ("pain", "ask_medical")
        # "my knee hurts after squats" is about another exercise; anything else that hurts is pain
        and not (intent == "out_of_scope" and _other_exercise(entities))
        and "?" not in text
        and any(entity.get("entity") in ("pain_word", "pain_kind") for entity in entities)
        and any(entity.get("entity") == "body_part" for entity in entities)
        and not re.match(
            r"^\s*(?:what|how|why|when|where|which|who|should|is|are|do|does|can|could|will|"
            r"would|shall|may|might|must)\b",
            text,
            re.I,
        )
        and not ASKS_IF_IT_HELPS.search(text)
        and not ASKS_A_QUESTION.search(text)
    )


# Whether to exercise today ("can I still train?"): answered from today's pain or schedule.
CAN_I_EXERCISE = re.compile(
    r"\b(?:can|could|should|may) i (?:still |even |actually )?(?:exercise|train|work ?out|"
    r"do (?:it|them|the exercises?|my (?:session|exercises?|leg lifts|workout)|leg lifts|"
    r"a session)|carry on exercising)\b"
    # "can I do them on carpet / in bed / with a bad knee / while pregnant" asks where or
    # whether at all, not whether today suits the schedule: the question is answered.
    r"(?!\s+(?:on|in|at)\s+(?:a |an |the |my |some )?(?:carpets?|rugs?|mats?|floor|floors|"
    r"floorboards|tiles?|bed|mattress|laminate|wood|wooden|hardwood|concrete|grass|sofa|couch|"
    r"towel|yoga|hard|soft|gym|home|office|work|hotel|bedroom|living room)\b)"
    r"(?!\s+(?:with|without|while|if|during|using|wearing|barefoot|pregnant|after\s+(?:\w+\s+)"
    r"{0,3}(?:op|operation|surgery|replacement|baby|birth|c.section|injury|reconstruction)\b))",
    re.I,
)


# Pain said, then whether to exercise with it: "my hip is sore today, can I still train".
# How bad it is decides, so the coach asks that: a pain report, not a schedule question.
# "If it hurts, can I still do them?" asks in general and is answered.
_IN_GENERAL = re.compile(r"^\W*(?:what if|if|when|whenever|suppose|say)\b", re.I)


# A denial anywhere before the question: "I don't have any pain, can I still do them?"
_DENIES = re.compile(r"\b(?:no|not|never|without|none|nothing)\b|n'?t\b", re.I)


# One's own pain now, then whether to exercise with it: "my back's sore today, can I still do
# my leg lifts?", "knee's been grumbling, ok to train?" (a hypothetical "if" is left out).
_EXERCISING = (
    r"(?:do (?:my|the|some|a|today'?s|todays)\b|do (?:it|them|this)\b|train|exercise|work ?out|"
    r"go ahead|start|carry on|have a go|get on with|crack on|lift)"
)
MY_PAIN_BEFORE_EXERCISING = re.compile(
    r"(?:\bmy\b|^\W*(?:the\s+)?(?:(?:lower|left|right)\s+)?(?:back|hips?|knees?|glutes?|"
    r"hamstrings?|thighs?|groin|legs?)\b).*\b(?:"
    rf"(?:can|could|should|may|shall|do|would)\s+i\s+(?:still\s+|safely\s+|even\s+)?{_EXERCISING}"
    rf"|(?:ok|okay|safe|alright|all right|fine|good)\s+(?:for me\s+)?to\s+(?:still\s+)?"
    rf"{_EXERCISING}"
    r"|should i (?:skip|rest|leave it|give it a miss)"
    r"|(?:is|will) it (?:ok|okay|safe|alright|fine) to"
    r")",
    re.I,
)
CONDITIONAL = re.compile(
    r"\b(?:if|once|when|until|till|unless|hopefully|hope|in case|what if|suppose)\b", re.I
)


# A pain score said, then whether to exercise today ("back's at a 6, should I still do the
# session?", "pain is a 4 this morning, ok to work out?"): the score's own advice answers
# it, so the pain handling owns the turn and no selected answer is said before it.
ASKS_TO_EXERCISE_NOW = re.compile(
    rf"\b(?:can|could|should|may|shall|do|would)\s+(?:i|we)\s+(?:still\s+|safely\s+|even\s+)?"
    rf"(?:{_EXERCISING}|go\b|skip|rest|leave it|give it a miss)"
    rf"|\b(?:ok|okay|safe|alright|all right|fine|good|wise|sensible)\s+(?:for me\s+)?to\s+"
    rf"(?:still\s+)?{_EXERCISING}"
    rf"|\b(?:is|will) it (?:be )?(?:ok|okay|safe|alright|fine|wise) to\s+"
    rf"(?:still\s+)?{_EXERCISING}",
    re.I,
)


def scored_pain_asked_before_exercising(text: str) -> bool:
    """A pain score said now, asked about as whether to exercise (not "if it's a 5..."). The
    number itself is said: "my knees are killing me, can I do it without a mat?" asks."""
    score = numbers.read_pain_score(text)
    return (
        score is not None
        and numbers.says_the_score(text, score)
        and bool(ASKS_TO_EXERCISE_NOW.search(text))
        and not CONDITIONAL.search(text)
    )


def own_pain_asked_before_exercising(text: str) -> bool:
    """One's own pain now, with no score, asked about as whether to exercise ("my hip's been
    sore since yesterday, can I still train?"): a pain report, how bad it is decides."""
    return (
        numbers.read_pain_score(text) is None
        and (numbers.mentions_pain(text) or numbers.troubles_a_place(text))
        and not numbers.says_no_pain(text)
        and bool(MY_PAIN_BEFORE_EXERCISING.search(text))
        and not CONDITIONAL.search(text)
        and not pain.lasts_weeks(text)
    )


# Pain said in passing, then the talk turned to a question ("knee's a bit sore lol, but
# anyway how long is the hold?", "hip aches a little - by the way how many sets?"): the
# question is answered and the pain asked about, both.
_TURNS_TO_SOMETHING_ELSE = re.compile(
    r"(?:^|[\s,.;:!?()-])(?:(?:but|and|so|ok|okay|right)\W+)*"
    r"(?:anyway|anyways|anyhoo|anyhow|by the way|btw|besides that|besides|apart from that|"
    r"other than that|aside from that|that aside|unrelated(?: question)?(?: but)?|"
    r"on (?:a|an) (?:different|other|separate) note|on another note|separately|"
    r"different question|moving on|changing the subject|question for you|"
    r"(?:a |one )?(?:quick|random|small|silly|other) (?:q|qn|qu|question))\b[\s,.;:!-]*"
    # "... anyway, but quick q: how many sets?": a second turn word after the first
    r"(?:(?:but|so|and|ok|okay)\W+)*(?:(?:a |one )?(?:quick|random|small|silly) "
    r"(?:q|qn|qu|question)\b[\s,.;:!-]*)?",
    re.I,
)


def question_after_passing_pain(text: str) -> str | None:
    """The question asked after a pain said in passing, or None. Both parts must be there:
    the pain (no score, nothing denied) before the turn, a question with no pain after it."""
    turn = _TURNS_TO_SOMETHING_ELSE.search(text)
    if turn is None:
        turn = _BUT_THEN_ASKS.search(text)
        if turn is None or not _names_an_answer(text[turn.end() :]):
            return None
    before, after = text[: turn.start()], text[turn.end() :]
    if not after.strip() or not before.strip():
        return None
    if not (numbers.mentions_pain(before) or numbers.troubles_a_place(before)):
        return None
    if numbers.says_no_pain(before) or numbers.read_pain_score(text) is not None:
        return None
    if pain_said(after) or numbers.mentions_pain(after):
        return None
    asks = "?" in after or ASKS_WHAT_OR_HOW.match(after) or _PASSING_QUESTION.match(after)
    # "... anyway sets and reps again pls": a request with no question mark, whose own
    # words still name an answer, is the question
    if not asks and not _names_an_answer(after):
        return None
    return after.strip()


# "knee's a bit achy but what's the rest time?": a plain "but" turns to a question only
# when a question word follows and the question's own words name an answer that is not
# about pain ("it hurts but what should I do?" stays a pain report).
_BUT_THEN_ASKS = re.compile(
    r"[\s,;:-]\s*but\s+(?=(?:what|whats|what's|how|when|where|which)\b)", re.I
)


def _names_an_answer(asked: str) -> bool:
    key = answer_to_passing_question(asked, None)
    return bool(key) and not re.search(r"pain|sore|worse|ache|hurt|injur", key)


# The answer to the question asked after a passing pain: its own words settle it, or a
# bare dose asked ("how many sets am I meant to do"); else the selector's pick, unless that
# pick rests on a word the question does not say (the "lower" of "lower back" said in the
# pain part is no lowering asked).
BARE_DOSE_ASKED = (
    ("number_of_sets", re.compile(r"\bhow many (?:\w+ )?sets\b", re.I)),
    ("reps_per_set", re.compile(r"\bhow many (?:\w+ )?(?:reps|repetitions|lifts)\b", re.I)),
    # "how many do I do per leg?", "how many on each side": the reps, with no word for them
    (
        "reps_per_set",
        re.compile(
            r"^(?!.*\b(?:week|weekly|days?|daily|sessions?)\b).*\bhow many\b(?:\s+\w+){0,4}?"
            r"\s+(?:per|each|a|on each|for each|with each|on the|on (?:my|your) (?:left|right))"
            r"\s+(?:leg|side)\b|\bhow many (?:do|should|shall|must|can|am) (?:i|we|you)\b"
            r"(?:\s+(?:do|be doing|aim for|go for))?\W*$",
            re.I | re.S,
        ),
    ),
    (
        "sessions_per_week",
        re.compile(r"\bhow (?:often|many (?:times|days|sessions) a week)\b", re.I),
    ),
    # "sets and reps again pls", "reps n sets?": the sets answer, which states both
    (
        "number_of_sets",
        re.compile(r"\bsets? (?:and|&|n|\+|or) reps?\b|\breps? (?:and|&|n|\+|or) sets?\b", re.I),
    ),
    (
        "rest_between_sets",
        re.compile(
            r"\brest(?:ing)? (?:time|period|breaks?|between (?:the |each )?sets?)\b"
            r"|\bhow long (?:do|should|shall|must|can) (?:i|we|you) rest\b"
            r"|\bhow (?:long|much) (?:of a |a )?(?:rest|break)\b",
            re.I,
        ),
    ),
    (
        "form_tips",
        re.compile(
            r"\bform (?:points?|tips?|cues?|pointers?)\b"
            r"|\b(?:tips?|pointers?|points?|cues?) (?:on|for) (?:my |the |good )?"
            r"(?:form|technique)\b",
            re.I,
        ),
    ),
)
_BODY_COMPOUND = r"(?:back|tummy|belly|body|abs|abdomen|spine|legs?|half|limbs?|ribs?|bowel|gut)\b"
SELECTED_NEEDS_ITS_WORD = {
    "lowering_the_leg": re.compile(
        rf"\blower(?:s|ed|ing)?\b(?!\s+{_BODY_COMPOUND})|\b(?:drop\w*|down|come back|fall\w*)\b",
        re.I,
    ),
    "how_long_to_hold": re.compile(r"\bhold\w*\b(?!\s+on\b)|\bhow long\b|\bseconds?\b", re.I),
    "knee_straight": re.compile(
        r"\bknees?\b(?<!back of the knee)(?<!back of my knee)|\bbend\w*|\bstraight", re.I
    ),
    "back_position": re.compile(r"(?<!lower )(?<!low )\bback\b(?!\s+of\b)|\bspine\b|\barch", re.I),
}


def answer_to_passing_question(asked: str, selected: str | None) -> str | None:
    """The answer to a question asked after a pain said in passing, or None."""
    key = answer_named_by_words(asked) or next(
        (key for key, names in BARE_DOSE_ASKED if names.search(asked)), None
    )
    if key:
        return key
    needs = SELECTED_NEEDS_ITS_WORD.get(selected or "")
    return None if needs is not None and not needs.search(asked) else selected


# A question's opening, for one asked after a turn in the talk with no question mark.
_PASSING_QUESTION = re.compile(
    r"\W*(?:how|what|whats|when|where|which|who|why|should|shall|can|could|do|does|did|is|"
    r"are|am|will|would|may|must)\b",
    re.I,
)


def pain_then_asks_to_exercise(text: str) -> bool:
    """Pain said with no score, then whether to exercise: how bad it is decides."""
    asks = CAN_I_EXERCISE.search(text)
    if asks is None:
        return False
    said = text[: asks.start()]
    return (
        numbers.mentions_pain(said)
        and not _DENIES.search(said)
        and not _IN_GENERAL.match(said)
        and numbers.read_pain_score(text) is None  # a score said is advised on as it is
    )


# Pain that came with doing more ("my back aches since I went up to 20 reps", "it
# hurts more now that I've added a set"), or a worse next morning asked about ("sorer
# the day after, is that bad?"): when the answer selector read it as that question,
# its answer (drop back; reduce the load next time) is the reply, not "how bad is it?".
NAMES_MORE_WORK = re.compile(
    r"\b(?:went up|gone up|going up|moved up|stepped up|step up|upped|increas\w*|added|adding|"
    r"bumped (?:it |them )?up|pushed (?:it |them |myself )?(?:up )?to|more (?:reps|lifts|sets)|"
    r"extra (?:reps|lifts|sets?))\b"
    r"|\bfrom (?:\d+|ten|twelve|fifteen) up to\b"  # "tried going from 10 up to 15"
    r"|\b(?:since|now that|once)\b.{0,30}?\bdoing (?:\d+|ten|twelve|fifteen|eighteen|twenty)\b",
    re.I,
)
ASKS_ABOUT_THE_NEXT_MORNING = re.compile(
    r"^(?=.*\b(?:next|following) (?:morning|day)\b|.*\b(?:morning|day) after\b|.*\bwoke\b)"
    r"(?=.*(?:\?|\b(?:is|was) (?:that|it|this) (?:bad|normal|ok|okay|a problem|a bad sign|"
    r"wrong|a worry)\b|\bshould i\b))",
    re.I,
)
# The next morning no worse than before, asked about ("woke up with no new aches,
# what does that mean?"): a good sign, whatever pain word is in it.
NO_WORSE_THE_NEXT_MORNING = re.compile(
    r"^(?=.*\b(?:next|following) (?:morning|day)\b|.*\b(?:morning|day) after\b|.*\bwoke\b"
    r"|.*\bthis morning\b)"
    r"(?=.*\b(?:no|zero|without|not any|none of the) (?:extra |more |new |real |added )?"
    r"(?:pain|soreness|aches?|stiffness|twinges?)\b"
    r"|.*\bno worse\b|.*\bnot (?:sore|stiff|achy|worse)\b)"
    r"(?=.*(?:\?|\bwhat does (?:that|it|this) mean\b|\b(?:is|was) (?:that|it|this) (?:good|ok|okay|"
    r"normal|right|a good sign)\b|\bshould i\b|\bgood sign\b))",
    re.I,
)
PAIN_ANSWERS = {
    "pain_when_adding_reps": NAMES_MORE_WORK,
    "soreness_the_next_day": ASKS_ABOUT_THE_NEXT_MORNING,
    "no_pain_the_next_day": NO_WORSE_THE_NEXT_MORNING,
}


# Questions whose words settle the answer, whatever the selector ranked first: asking
# whether it starts lying face down is the start position (on hands and knees); the
# back sagging or the hips riding above the shoulders is the back's position; a big
# number already done and asked about ("I did 40, too much?") is the dose and the gap;
# sorer the next morning, asked about, is that answer (reduce the load), not the gap.
_FACE_DOWN = r"(?:belly|tummy|stomach|front|face ?down|lying (?:flat|down))"
STARTS_FACE_DOWN = re.compile(
    rf"\b(?:start|starts|begin|starting)\b.{{0,30}}\b{_FACE_DOWN}"
    rf"|\b{_FACE_DOWN}\b.{{0,30}}\b(?:to start|to begin|at the start|first)\b"
    # Which way up, asked as a doubt ("face up or down?", "on my back??"): the start
    # position (hands and knees, facing the floor). No pain in it: "lying on my back
    # hurts" is a report; lying down asked for instead of kneeling is that version.
    r"|^(?!.*\b(?:pain\w*|hurts?|hurting|aches?|aching|sore|sleep\w*|bed|instead|rather|"
    r"alternative|kneel\w*|all fours|hands and knees|(?:can|could|may) i|"
    r"is it (?:ok|okay|fine))\b)(?:"
    r".*\bwhich way (?:up|round)\b"
    r"|.*\bface (?:up|down) or (?:face )?(?:up|down)\b"
    r"|.*\b(?:lie|lying|laying|lay|be|go|get|start|do (?:it|this|them|these))\s+(?:flat\s+)?"
    r"(?:on|onto)\s+(?:my|your|the|one)\s+(?:back|front|side)\b[^.!?]*\?)",
    re.I,
)
BACK_OUT_OF_LINE = re.compile(
    r"\b(?:back|spine|middle)\b.{0,20}\b(?:sags?|sagging|dips?|dipping|droops?|drooping|"
    r"sinks?|sinking|caves? in)\b"
    r"|\b(?:bum|butt|backside|bottom|hips|pelvis)\b.{0,30}\b(?:higher|above|over)\b.{0,15}"
    r"\b(?:shoulders?|head|upper body)\b",
    re.I,
)
DID_TOO_MANY = re.compile(
    # Reps, not sessions: "3 sessions this week, too many?" is the schedule's question.
    r"^(?!.*\b(?:sessions?|times|days|weeks?)\b)"
    r".*\b(?:did|done|doing|managed|went to|got to)\b.{0,40}\b\d+\b.{0,60}"
    r"(?:\btoo (?:much|many)\b|\bover ?d(?:o|one|id|oing)\b|\bexcessive\b|\boverkill\b)",
    re.I,
)
SORER_THE_NEXT_MORNING = re.compile(
    ASKS_ABOUT_THE_NEXT_MORNING.pattern
    + r"(?=.*\b(?:sore\w*|ach\w*|stiff\w*|hurt\w*|pain\w*|worse)\b)",
    re.I,
)
# Where to look is where the head goes: "look at the floor or straight ahead?"
WHERE_TO_LOOK = re.compile(
    r"\bwhere (?:do|should|shall|am) i (?:supposed to |meant to )?look\b"
    r"|\blook(?:ing)? (?:up|down|ahead|forward|forwards|straight ahead) or\b"
    # The head raised for a tool or an aim ("chin up so I can see the screen", "watch the
    # TV while I do it"): the head and neck cue (in line), not the mirror answer.
    r"|(?:\b(?:head|chin|face|neck)\b.{0,20}?\b(?:up|raised?|lifted|lift)"
    r"|\b(?:lift|lifting|raise|raising|tilt|tilting)\s+(?:my|your|the)\s+(?:head|chin|face))\b.{0,25}?"
    r"\b(?:so (?:that )?i can|to|and) (?:see|watch|look|check|follow|keep an eye)\b"
    r"|\b(?:look|looking|watch|watching)\s+(?:at\s+)?(?:the|my)\s+(?:tv|telly|television|"
    r"screen|phone|laptop|tablet|mirror)\b.{0,20}?\b(?:while|during|as) (?:i|doing|lifting)\b",
    re.I,
)
# The core asked about as a choice, in short: "abs tight or loose?", "core braced y/n".
CORE_ON_OR_OFF = re.compile(
    r"\b(?:core|abs|tummy|stomach|belly)\b.{0,25}?\b(?:on or off|off or on|in or out|"
    r"or (?:relaxed|loose|not|soft)|y/n|yes or no)\b"
    # "squeeze my bum or my tummy?": which to squeeze, the tummy brace says
    r"|\b(?:bum|butt|glutes?|buttocks?)\s+or\s+(?:my\s+|the\s+)?(?:core|abs|tummy|stomach|belly)\b"
    r"|\b(?:core|abs|tummy|stomach|belly)\s+or\s+(?:my\s+|the\s+)?(?:bum|butt|glutes?|buttocks?)\b",
    re.I,
)
# Setting up before the lift is the start position, however much scene comes first
# ("I'm 60, my physio showed me once... how do I set myself up?"). Setting up a thing
# ("set up the band", "set up a reminder") is not.
SETS_UP = re.compile(
    r"\bset(?:ting)? (?:myself|me|yourself|everything|things) up\b"
    r"|\b(?:how|where) (?:(?:do|should|shall|am|would|can) )?i(?:'m| am)? (?:be )?"
    r"(?:meant to |supposed to |going to )?"
    r"(?:set|get set) up\b(?! (?:the|a|an|my|some|ankle|band|weights?|reminders?)\b)"
    r"|\bset-?up (?:position|posture)\b|\bstarting set-?up\b",
    re.I,
)
# Going higher than level is the lift height's question (only up to about level: higher
# arches the low back), whatever reason comes with it ("for a stretch", "I'm flexible").
GOES_ABOVE_LEVEL = re.compile(
    # The pelvis twisting to get higher is the pelvis's question.
    r"^(?!.*\b(?:twist\w*|rotat\w*|roll\w*|tilt\w*|open\w*|pelvis)\b).*?(?:"
    r"\b(?:go|going|lift|lifting|raise|raising|bring|bringing|take|taking|get|getting|swing|"
    r"kick|kicking)\b.{0,25}?\b(?:higher|above|past|beyond)\b(?: than)?(?: the line of)?"
    r" (?:my |the |your )?(?:back|spine|level|parallel|flat|horizontal|hips?|hip height|bum|body|"
    r"torso)\b"
    r"|\b(?:force|push|lift|take|bring|raise)\w* (?:it|the leg|my leg)(?: up)? higher\b)",
    re.I | re.S,
)
# A minute's rest asked about between reps ("a minute after every rep, really?") is the
# rest between sets: that minute comes between sets, not reps.
REST_BETWEEN_REPS = re.compile(
    r"\b(?:rest|minute|60 seconds)\b.{0,30}?\b(?:between|after) (?:each |every |the )?(?:single )?"
    r"(?:reps?|repetitions?|lifts?)\b",
    re.I,
)
# Locking the knee out is keeping it straight; moving on from the bent-knee version to a
# straight leg is that step, not the straight knee itself.
LOCKS_THE_KNEE = re.compile(
    r"\block(?:ed|ing)?(?: out)? (?:the |my |your )?knee\b|\bknee\b.{0,10}\block(?:ed|ing)? out\b"
    # the knee giving way into a bend by itself ("my knee starts to fold as I tire"): the
    # straight knee again, not a question about the bent-knee version
    r"|\bknees? (?:\w+ ){0,3}?(?:bends|starts? (?:to bend|bending)|keeps? bending|creeps? bent|"
    r"goes bent|softens|folds|starts? to fold)\b",
    re.I,
)
# Pain that comes with doing more, asked about ("it hurts when I add reps, what now?").
# Only pain denied rules it out: "not terrible, but it twinges" is still pain.
PAIN_WITH_MORE_WORK = re.compile(
    r"^(?!.*(?:\bno\b|\bnot\b|n't\b|\b(?:did|does|do|was|is|has|have)nt\b|\bwithout\b|\bzero\b)"
    r"\s+(?:\w+\s+){0,2}?"
    r"(?:hurt|pain|sore|ach|twing|problem|bother|issue))"
    r"(?!.*\bpain[- ]?(?:free|less)\b)"
    r"(?=.*\b(?:hurt\w*|pain\w*|sore|aches?|aching|twing\w*)\b)(?=.*(?:"
    + NAMES_MORE_WORK.pattern
    + r"))",
    re.I | re.S,
)


def _operation_on(part: str, procedures: str) -> re.Pattern:
    """An operation on a named part, either way round ("knee op", "surgery on my hip"), or
    the new part it gave ("since my new knee")."""
    return re.compile(
        rf"\b(?:{part})\b.{{0,40}}?\b(?:op|operation|surgery|replacement|replaced|{procedures})\b"
        rf"|\b(?:op|operation|surgery|reconstruction)\b.{{0,20}}?\b(?:{part})\b"
        rf"|\b(?:new|replacement|artificial|metal) (?:{part})s?\b",
        re.I,
    )


# The knee's operation named: the answer after knee surgery (the surgeon's plan first).
AFTER_A_KNEE_OPERATION = _operation_on("knee|acl|meniscus", "reconstruction|repair|arthroscopy")
# Asking for a pause, or whether to push on ("so tired, can I stop for a bit?", "my
# leg is shaking, should I push through"): a question, answered (breaks when tired),
# never "too hard", which changes the plan. A statement of difficulty stays too_hard.
ASKS_FOR_A_BREAK = re.compile(
    r"\b(?:can|could|may|should|shall|must|do|is it (?:ok|okay|alright|all right|fine)"
    r"(?: for me)?(?: if i| to)|am i allowed to|mind if)\s+(?:i\s+|we\s+)?(?:just\s+)?"
    r"(?:stop|pause|rest|take (?:a|five|ten|some)|have (?:a|five|some)|catch my breath|"
    r"push (?:on|through)|keep going|carry on|force|grind|sit out|break)\b"
    r"|\b(?:a|short|quick|little)\s+(?:break|breather|rest|pause)\b[^.!]*\?"
    # "push through or stop?", "keep going or call it?": the two choices weighed
    r"|\b(?:push (?:on|through)(?: it)?|keep going|carry on|power through)\s+or\s+(?:should i\s+)?"
    r"(?:stop|rest|pause|call it|leave it|quit|take a break)\b"
    # "what am I meant to do if I tire mid-set?", "what do I do when I run out of steam?"
    r"|\bwhat (?:am i|are we|should i|do i|do you|can i|shall i|to|would you)\s+"
    r"(?:(?:supposed|meant|expected|advised) to\s+)?do\s+(?:if|when|once|whenever|in case)\b"
    r"|\bhow (?:do|should|can) i (?:deal|cope|handle)\b",
    re.IGNORECASE,
)
# Tired and asking to stop for a bit ("worn out after a few, can I pause?"): a break,
# then carry on with fewer good reps; not a question about the lift. Muscles shaking or
# burning out near the end of a set are tired muscles too (a pain said is answered first).
_TIRED = (
    r"\b(?:tired|tiring|knackered|exhausted|shattered|worn out|wiped out|done in|pooped|"
    r"fatigued|out of (?:puff|breath|steam|gas)|puffed out|running out of|"
    r"shak(?:e|es|ing|y)|trembl\w*|wobbl\w*|quiver\w*|burn(?:s|ing|ed|t)? out|"
    r"like jelly|flagg\w*|tire|tires|tiring out|gassed|run out of steam|ran out of steam)\b"
)
TIRED_AND_ASKS_FOR_A_BREAK = re.compile(
    rf"^(?=.*{_TIRED})(?=.*(?:{ASKS_FOR_A_BREAK.pattern}))", re.I | re.S
)
# "What's next after 2 sets of 20?": asked at the top of the build-up range, the next
# step is the harder version (weight, band, ball), not the starting dose.
ASKS_WHAT_NEXT = re.compile(
    r"\b(?:next (?:step|stage|level|thing|move|challenge)|what(?:'?s| is)? next|what now|"
    r"what comes (?:next|after)|where (?:do|can|should) i go from (?:here|there)|where next|"
    r"what (?:do|should|can|shall) i do (?:next|after that|now)|move on to|step up to|"
    # "should I be moving up?", "time to step up?", "ready to progress?"
    r"(?:should|can|could|shall|do) i (?:be |start )?(?:(?:mov|step|go|level|ramp|bump)\w*"
    r" (?:it |things |them |this )?up|progress\w*)"
    r"|(?:time|ready) to (?:(?:move|step|go|ramp) (?:it |things )?up|progress)"
    # "they're getting easy, can I do more?": more of the same, with no pain said in it
    r"|^(?!.*\b(?:hurt\w*|pain\w*|sore\w*|ach(?:e|es|ing|y))\b)(?=.*\b(?:easy|easier|no bother|"
    r"no problem)\b).*\b(?:can|could|should|shall|may) i (?:do|add|try|go for|manage) "
    r"(?:a (?:few|couple|bit|little) |some |a few )?more\b(?! sets?\b))\b",
    re.I,
)
# A count said, not a time ("for 3 weeks", "6 days in"): a time says how long, not how many.
_ANY_NUMBER = re.compile(
    rf"\b{numbers.NUMBER}\b"
    r"(?! (?:of )?(?:days?|weeks?|months?|years?|minutes?|mins?|hours?)\b)",
    re.I,
)
# How long it has been done, told with no count ("been on them for weeks", "a month now").
HISTORY_TOLD = re.compile(
    r"\b(?:for|over) (?:a few |several |some |many |a couple of |(?:about|around) )?"
    r"(?:a |\w+ )?(?:days|weeks?|months?|while|fortnight)\b|\b(?:weeks?|months?) now\b",
    re.I,
)
# "2x10", "3 x 12": sets by reps, the reps last.
_SETS_BY_REPS = re.compile(r"\b\d+\s*[x\u00d7]\s*(\d+)\b", re.I)


# The ladder's next rung from the bent-knee version is the straight leg: asked by name
# ("switch from bent knee to straight?") or as what comes next ("doing them with a bent
# knee and they're fine now, next step?"), unless it is still too hard.
BENT_TO_STRAIGHT = re.compile(
    r"\bbent[- ]knee\b.{0,60}?\b(?:switch|move|change|progress|go|graduate|swap)\w*\b"
    r".{0,15}?\bstraight\b"
    r"|^(?!.*\btoo (?:hard|difficult|much)\b)"
    r"(?=.*\b(?:(?:bent|bend|bending)(?: \w+)? knees?|knees? bent)\b)"
    r"(?=.*(?:" + ASKS_WHAT_NEXT.pattern + r"))",
    re.I,
)


# Intents a "what's next" at the top is misread as when it says its pain is none.
AT_THE_TOP_MISREAD = ("too_easy", "feel_fine", "pain", "feel_worse", "nlu_fallback")


def _most_reps_in_a_what_next(text: str) -> int | None:
    """The largest number said in a question asking what comes next, or None."""
    if not ASKS_WHAT_NEXT.search(text):
        return None
    said = [numbers.value_of(m.group(0).lower()) for m in _ANY_NUMBER.finditer(text)]
    said += [int(m.group(1)) for m in _SETS_BY_REPS.finditer(text)]
    return max((value for value in said if value is not None), default=None)


def asks_what_next_at_the_top(text: str) -> bool:
    """Asks for the next step with a count at or past the top of the build-up range."""
    most = _most_reps_in_a_what_next(text)
    return most is not None and most >= BUILD_UP_REPS.high


def asks_what_next_in_the_starting_range(text: str) -> bool:
    """Asks for the next step with reps in the starting range said ("2 sets of 10 are
    easy now, what next?"), or with no count but weeks of doing it told: the build-up
    (more reps), not a harder version yet."""
    most = _most_reps_in_a_what_next(text)
    if most is None:
        # no count, but weeks of it told ("been at it for weeks, all fine, what now?"): the
        # build-up first, then the harder versions; a pain said is the pain steps'
        return bool(ASKS_WHAT_NEXT.search(text) and HISTORY_TOLD.search(text)) and not pain_said(
            text
        )
    return REPS_PER_SET.low <= most < BUILD_UP_REPS.high


# The number to build up to, asked ("what should I be working up to?", "what's the target
# number of reps?", "how far do I build up once 10 is easy?"): the build-up target, whatever
# context pulls elsewhere (easy now, adding, increasing). Sets, seconds, sessions or weight
# asked for are their own answers.
_NOT_REPS = (
    r"(?:sets|rounds|seconds|secs|sessions|times|days|weeks|months|minutes|mins|lbs?|kgs?|"
    r"kilos|pounds|weights?)"
)
BUILD_UP_ASKED = re.compile(
    rf"^(?!.*\b(?:how many|how much|how long|number of|up to)\s+(?:\w+\s+)?{_NOT_REPS}\b)(?:"
    r".*\b(?:what(?:'?s)?|how many|how far|which|where)\b.{0,60}?\b(?:work|build|get|go|increas|"
    r"progress|"
    r"ramp|move|head|aim)\w*\s+(?:(?:it|them|things|myself|the reps)\s+)?up\s+to\b"
    r"|.*\bhow far\b.{0,30}?\b(?:build|work|increas|progress|ramp)\w*"
    r"|(?=.*(?:\?|\b(?:what(?:'?s)?|whats|how|which)\b))"
    r".*\b(?:target|goal|end goal|maximum|max|upper limit|ceiling|top end|the most)\b.{0,20}?"
    r"\b(?:reps?|repetitions?|lifts)\b"
    r"|.*\b(?:reps?|repetitions?|lifts)\b.{0,25}?\b(?:to aim for|to (?:build|work) (?:up )?to|"
    r"eventually|ultimately|in the end|long.term)\b)",
    re.I | re.S,
)


def asks_the_build_up_target(text: str) -> bool:
    """The number to work up to asked, with no pain said (the pain steps' question) and no
    count at the top of the range said (the harder versions come next)."""
    if not BUILD_UP_ASKED.search(text) or pain_said(text):
        return False
    said = [numbers.value_of(m.group(0).lower()) for m in _ANY_NUMBER.finditer(text)]
    return all(value is None or value < BUILD_UP_REPS.high for value in said)


# Explaining the whole exercise to a beginner ("like I'm five", "in plain words, I've
# never exercised") asks how to do it, not the steps listed or a schedule.
EXPLAIN_SIMPLY = re.compile(
    r"\blike (?:i'?m|i am|im) (?:five|5|a (?:child|kid|beginner|total beginner))\b"
    r"|\b(?:explain|describe|tell me|walk me through|talk me through)\b.{0,40}?"
    r"\b(?:simply|simple (?:terms|words|language)|plain (?:english|words|terms|language)|"
    r"for (?:a|an absolute|a total|a complete) beginner|for dummies|never (?:\w+ )?"
    r"(?:exercised|done (?:any )?exercise|worked out|been to a gym))\b"
    # Asked to be led through it from nothing ("bit by bit from the top, I'm brand new",
    # "a beginner's guide please"): how to do it, never how to make it harder. A dose,
    # a schedule, a whole session, a progression or a pain asked about is its own question.
    r"|^(?!.*\b(?:how (?:many|often|long|much)|reps?|sets|a week|every day|harder|progress\w*|"
    r"step (?:it )?up|build (?:it )?up|weights?|next level|advanced|hurts?|pain\w*|sore\w*|"
    r"missed|restart\w*|start(?:ing)? again|back after|sessions?|workouts?|routines?|"
    r"to (?:the )?(?:end|finish))\b)"
    r"(?:.*(?:\bstep[- ]by[- ]step\b|\b(?:idiot|dummy|dummie|beginner)'?s'? guide\b"
    r"|\b(?:explain|show|take|talk|walk|run|guide|go|teach)\b.{0,25}?\b(?:from|at) (?:the )?"
    r"(?:very )?(?:start|beginning|scratch|top)\b"
    r"|\b(?:talk|walk|take) me through (?:it|this|them|the (?:exercise|lift|move|whole thing))\b)"
    # a beginner said, asking only to be shown ("brand-new novice, how do I go about it?")
    r"|(?=.*\b(?:(?:total|complete|absolute|utter|real) (?:beginner|novice|newbie)|"
    r"as (?:a|an) (?:beginner|novice|newbie))\b)"
    r"(?!.*\b(?:safe|ok|okay|suit\w*|age|old|mat|wear|equipment|why|when|where|which)\b)"
    r".*\b(?:please|help|show|teach|explain|guide|how (?:do|to|should|would)|what do i do|"
    r"mess (?:it|this|them) up|get (?:it|this) right|do (?:it|this) right)\b)",
    re.I | re.S,
)
# How high to go, asked as "as high as I can?": only to about level. Not managing
# level ("can't get anywhere near parallel") is the smaller lift: that is fine.
AS_HIGH_AS_POSSIBLE = re.compile(
    r"^(?!.*(?:\bcan(?:no|'?)t\b|\bunable\b|\bstruggl\w*|\bnot able\b))"
    r".*\bas (?:high|far up|far) as "
    r"(?:i (?:\w+ )?can|possible|it (?:will )?goes?|i'?m able|you can)\b",
    re.I,
)
SHORT_OF_LEVEL = re.compile(
    r"\b(?:can(?:no|'?)t|unable to|struggl\w* to|not able to|never)\b.{0,30}?"
    r"\b(?:anywhere near|nowhere near|near|up to|as high as|as far as|all the way to)\b"
    r"\s+(?:the |my |being )?(?:level|parallel|flat|straight out|hip height|"
    r"(?:in )?line with my back|horizontal)\b"
    r"|\bnowhere near (?:level|parallel|horizontal|hip height)\b"
    # the full height itself too much ("raising it right up is too hard for me yet")
    r"|\b(?:all the way|right|fully|that far|that high) up\b.{0,15}?\b(?:is|feels|seems)?\s*"
    r"too (?:much|hard|difficult|high|far|tough|big)\b"
    r"|\b(?:can(?:no|'?)t|unable to)\b.{0,20}?\bas (?:high|far) as (?:you|it|the \w+) "
    r"(?:said|says|shows?|suggests?)\b",
    re.I,
)
# The body or hips swinging, rolling or turning to a side with the lift, or turned to get
# the leg higher: the pelvis stays level, with no twist (not the speed, nor the hold).
_TURNS = (
    r"(?:swing\w*|swung|roll\w*|turn\w*|twist\w*|rotat\w*|tip\w*|tilt\w*|"
    r"lean\w*|drop\w*|sway\w*|shift\w*|veer\w*)"
)
_TRUNK = r"(?:body|hips?|pelvis|torso|trunk|bum|butt|bottom|whole (?:body|side)|upper body)"
BODY_TURNS_TO_A_SIDE = re.compile(
    rf"\b{_TRUNK}\b.{{0,30}}?\b{_TURNS}\b.{{0,25}}?"
    r"\b(?:sides?|sideways|left|right|round|around|over|open|away)\b"
    # turned to gain height ("twisting my hips a little so the leg goes up further?")
    rf"|\b(?:{_TRUNK}\b.{{0,30}}?\b{_TURNS}|{_TURNS}\b.{{0,20}}?\b{_TRUNK})\b"
    r".{0,40}?\b(?:higher|further up|more height|extra height|"
    r"(?:up|lift|raise|get) (?:it |the leg |my leg )?(?:further|more|higher))\b",
    re.I,
)
# "Higher = better?", "the higher the better?": how high to lift, not more reps.
HIGHER_IS_BETTER = re.compile(
    r"\bhigher\s*(?:=+|is|means|equals|the)?\s*better\b|\bthe higher\b.{0,25}?\bthe better\b",
    re.I,
)
# The leg taken above level, asked whether that is better or fine ("my foot ends up over my
# head, is that good?", "kicking past my back gives more benefit?"): how high to lift (no
# higher than level; higher arches the low back), not the benefits. A pain or the pelvis
# turning has its own answer.
_ABOVE_A_MARK = (
    r"(?:higher than|above|over|past|beyond|up past|up over)\s+(?:the (?:level|height|line) of\s+)?"
    r"(?:my |the |your )?(?:head|head height|back|spine|level|parallel|flat|horizontal|hips?|"
    r"hip height|bum|body|torso|shoulders?|shoulder height|line)\b"
)
ABOVE_LEVEL_ASKED_IF_BETTER = re.compile(
    r"^(?!.*\b(?:twist\w*|rotat\w*|roll\w*|tilt\w*|turn\w*|hitch\w*|lean\w*|open\w*|pelvis|"
    r"pain\w*|hurt\w*|sore|ach\w*|twing\w*)\b)"
    r"(?=.*\b(?:foot|feet|leg|legs|heel|heels|toes?|ankle)\b.{0,40}?\b" + _ABOVE_A_MARK + r"|"
    r".*\b(?:go|going|lift|lifting|raise|raising|kick|kicking|swing|swinging|get|getting|take|"
    r"taking|bring|bringing|push|pushing)\b.{0,20}?\b" + _ABOVE_A_MARK + r")"
    r"(?=.*\b(?:better|best|good|ok|okay|fine|alright|all right|allowed|a problem|bad|wrong|"
    r"more (?:benefit|effective|work)|extra (?:benefit|work)|bonus|"
    r"works? (?:\w+ )?(?:more|harder))\b)",
    re.I | re.S,
)
# "Higher is better, right?", "the more height the better?": how high to lift.
HIGHER_MEANS_BETTER = re.compile(
    r"^(?!.*\b(?:reps?|sets?|weights?|numbers?|counts?|pain\w*|hurt\w*|sore|twist\w*|rotat\w*|"
    r"roll\w*|tilt\w*|turn\w*|pelvis)\b)"
    r".*\b(?:higher|more height|further up|the height)\b.{0,30}?\b(?:better|more effective|"
    r"more benefit|works? (?:\w+ ){0,2}?(?:more|harder))\b",
    re.I | re.S,
)
# How many times or days a week, asked: the sessions a week, not a session's length.
HOW_OFTEN_A_WEEK = re.compile(
    r"\bhow many (?:times|days|sessions|workouts|goes)\b.{0,20}?\b(?:a|per|each|every|in a) week"
    r"|\bhow often\b.{0,30}?\b(?:a|per|each|every|in a) week"
    r"|\bhow often (?:should|do|can|must|would) (?:i|we|you)\b(?!.{0,25}\b(?:rest|breathe|"
    r"break|hold|pause|switch|swap|change|check|stop|ice|heat)\b)",
    re.I,
)
# A count of sessions a week asked about ("is twice a week ok?", "can I do 5 days a week?"):
# the sessions a week, not the reps.
COUNT_A_WEEK = re.compile(
    # asked, not told ("I play football twice a week" is another sport's schedule; "just"
    # and "only" ask just before the count: "just twice a week?", not "I just cycle twice")
    r"(?:^\W*|[,.;?!]\s*|\b(?:is|would|will|can|could|should|do|does|if|about)\b"
    r"(?:(?!\b(?:play|plays|playing|swim|swims|run|runs|train|trains|cycle|ride)\b)[^,.;?!]){0,25}?"
    r"|\b(?:just|only)\s+)"
    r"\b(?:once|twice|thrice|(?:\d+|one|two|three|four|five|six|seven)\s*(?:x|times?|days?|"
    r"sessions?|workouts?|goes))\s+(?:a|per|each|every|in a)\s+week\b"
    r"|\b(?:once|twice|(?:\d+|two|three|four|five|six) (?:times|days))\s+weekly\b",
    re.I,
)
# Why a form cue matters, or whether it is needed ("is bracing really necessary?",
# "what's the point of a flat back?"): a question about that cue, whose answer says why.
ASKS_WHY_A_CUE = re.compile(
    r"^(?!.*\b(?:exercises|workouts?|routines?|training|class(?:es)?|planks?|crunch\w*|sit.?ups?)\b)"
    r"(?=.*\b(?:necessary|needed|essential|important|matter|matters|point of|the point|why|"
    r"have to|need to|must i|skip|leave out|bother)\b)"
    r"(?=.*\b(?:tummy|stomach|belly|abs?|ab squeeze|abdominals?|core|brace|bracing|squeeze|"
    r"back flat|flat back|spine (?:flat|straight|level)|toes?|knee straight|straight knee|pelvis|"
    r"hips? (?:still|level|square)|"
    r"lower(?:ing)? (?:it |the leg )?slowly|slow lowering|the hold|hold at the top)\b)",
    re.I | re.S,
)
# The answer for each cue ASKS_WHY_A_CUE reads, in that order: each says why the cue matters.
CUE_ANSWERS = (
    ("tummy_squeeze", r"tummy|stomach|belly|abs?|abdominals?|core|brace|bracing|squeeze"),
    ("back_position", r"back flat|flat back|spine (?:flat|straight|level)"),
    ("knee_straight", r"knee straight|straight knee"),
    ("toes", r"toes?"),
    ("keeping_the_pelvis_still", r"pelvis|hips? (?:still|level|square)"),
    ("lowering_the_leg", r"lower(?:ing)? (?:it |the leg )?slowly|slow lowering"),
    ("how_long_to_hold", r"the hold|hold at the top"),
)
# Pain said with the cue is a pain question, not why the cue matters.
PAIN_SAID = re.compile(r"\b(?:pain\w*|hurts?|hurting|aches?|aching|sore)\b", re.I)


def pain_said(text: str) -> bool:
    """A pain word that is not denied: "pain free" or "no pain at all" says no pain."""
    return bool(PAIN_SAID.search(text)) and not numbers.only_denies_pain(text)


def _asked_about_a_cue(question: re.Pattern, cue: re.Pattern):
    """A rule: the question asked (why, or whether to) about the cue, with no pain said."""

    def asks(text: str) -> bool:
        return bool(question.search(text) and cue.search(text)) and not pain_said(text)

    return asks


WHY_A_CUE_RULES = tuple(
    (key, _asked_about_a_cue(ASKS_WHY_A_CUE, re.compile(rf"\b(?:{pattern})\b", re.I)))
    for key, pattern in CUE_ANSWERS
)

# A yes/no question about doing a cue ("do I brace my core before lifting?", "must the
# pelvis stay level throughout?"): that cue's answer, which says how. The cue is named by
# doing it, so "do I start on my stomach?" stays the start position.
ASKS_WHETHER_TO = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|also|um+|er+m?)\W+)*"
    r"(?:do|does|should|shall|must|am|is|are|can|could|need|have)\b(?!n?'t\b|nt\b)",
    re.I,
)
_TUMMY = r"(?:tummy|stomach|belly|abs|abdominals?|core)"
DOING_A_CUE = (
    (
        "tummy_squeeze",
        r"\b(?:squeez|tighten|brac|engag|clench|contract|pull(?:ing)? in|suck(?:ing)? in|"
        r"hold(?:ing)? in)\w*\b.{0,25}?\b" + _TUMMY + r"\b"
        r"|\b" + _TUMMY + r"(?: muscles)?\b.{0,15}?\b(?:tight|tense|braced|engaged|squeezed|"
        r"pulled in|sucked in|held in)\b",
    ),
    (
        "keeping_the_pelvis_still",
        r"\b(?:hips?|pelvis)\b(?: (?:\w+ ){0,3}?)(?:still|level|square|steady|flat|facing down)\b",
    ),
    # trying the straight leg after the bent-knee version is that step, not this cue
    (
        "knee_straight",
        r"^(?!.*\b(?:bent|bend|try|now|yet|progress)\b).*\bknees? (?:(?:\w+ ){0,2}?)straight\b",
    ),
    ("toes", r"\bpoint\w* (?:my |the |your )?toes\b|\btoes\b.{0,10}?\b(?:pointed|point\w*|down)\b"),
)


DOING_A_CUE_RULES = tuple(
    (key, _asked_about_a_cue(ASKS_WHETHER_TO, re.compile(pattern, re.I)))
    for key, pattern in DOING_A_CUE
)

# Lowering fast asked about ("is it fine to let my leg flop back down?", "can I drop it
# fast?"): the slow-lowering answer, not an easier version.
LOWERS_FAST = re.compile(
    r"\blet(?:ting)? (?:it|the leg|my leg|them|the legs|my legs)(?: just)?"
    r" (?:drop|fall|flop|crash|swing|slam|come down)\w*\b"
    r"|\b(?:drop|lower|bring|put|let)\w*(?: (?:it|the leg|my leg|them)(?: back)?)?(?: down)?"
    r" (?:quick\w*|fast\w*|rapid\w*|straight away|in one go)\b"
    r"|\b(?:drop|flop|fall)\w* (?:it|the leg|my leg)(?: back)? down\b",
    re.I,
)

# Age asked with a number or as too old / too young ("I'm 81, is that past it?"): the age
# answer, whatever the number and whatever else is said (a dog walked, a hobby).
ASKS_ABOUT_AGE = re.compile(
    r"\b(?:too old|too young|old enough|past it|too late for me)\b"
    r"|\bat my age\b(?=.*\b(?:this|these|it|them|leg lifts?|the exercise)\b)"
    # "I'm 70, is it safe?" (not "I'm 10 reps in")
    r"|^(?=.*\b(?:i'?m|i am|aged?|(?:he|she)'?s|(?:he|she) is)"
    r" (?:\d{2,3}|in (?:my|his|her) \d0'?s)\b"
    r"(?!\s*(?:reps?|sets?|times?|mins?|minutes?|secs?|seconds?|lbs?|kgs?|kilos?|pounds?|days?|"
    r"weeks?|sessions?|in\b|into|done|down|through|out of)))"
    r"(?=.*\b(?:safe|ok|okay|alright|suit\w*|manage|still do|can (?:i|he|she) do)\b)"
    r"(?=.*\b(?:this|these|it|them|leg lifts?|the exercise)\b)",
    re.I | re.S,
)
# The exercise said with it ("clicks during the lifts"): the exercise's rules decide.
NOT_WITH_THE_EXERCISE = (
    r"^(?!.*\b(?:during|while|doing|after) (?:the |my |these |them|it\b|this|leg lifts?|reps?|"
    r"sets?|exercis)|.*\b(?:leg lifts?|the exercise|all fours|kneeling|hands and knees)\b)"
)
# A noise or catch in a part the exercise does not concern, asked about ("my elbow grinds,
# what causes that?"): a medical question, so the doctor or physio, never a diagnosis.
# Its pain asked why ("my elbow aches at night, what's causing it?") goes the same way: the
# cause is a diagnosis. Other pain is left to the pain steps, which ask how bad it is.
OTHER_PART_SYMPTOM = re.compile(
    NOT_WITH_THE_EXERCISE
    + r"(?=.*\b(?:shoulders?|elbows?|jaw|fingers?|thumbs?|ears?|collarbone)\b)"
    r"(?:(?=.*\b(?:clicks?|clicking|cracks?|cracking|pops?|popping|grinds?|grinding|creaks?|"
    r"creaking|clunks?|clunking|snaps?|snapping|locks? up)\b)"
    r"(?=.*\b(?:what(?:'?s| is) (?:that|it|this|wrong|causing|going on)|what causes|"
    r"why (?:does|do|is|would|has)|is (?:that|it|this) (?:normal|bad|serious|something)|"
    r"should i worry)\b)"
    r"|(?=.*\b(?:hurts?|hurting|aches?|aching|achy|pain\w*|sore|throbs?|throbbing)\b)"
    r"(?=.*\b(?:what(?:'?s| is) (?:causing|behind|wrong)|what causes|what could cause|why\b)))",
    re.I | re.S,
)
# Which practitioner to see for another part ("a chiro or an osteo for my jaw?", "would a
# sports massage help my elbow?"), or which of two, no part named ("a podiatrist or a
# physio, which?"): a medical question, so the doctor or physio, not the part's cue.
# Booking or finding one is the clinician redirect; pain is the pain steps'.
_PRACTITIONER = (
    r"(?:chiropractors?|chiros?|osteopaths?|osteos?|physios?|physiotherapists?|doctors?|gps?|"
    r"specialists?|consultants?|massage|masseurs?|masseuses?|acupuncturists?|podiatrists?|"
    r"chiropodists?|orthopa?edic\w*|surgeons?|therapists?)"
)
PRACTITIONER_FOR_A_PART = re.compile(
    NOT_WITH_THE_EXERCISE + r"(?!.*\b(?:pain\w*|hurts?|hurting|aches?|aching|sore)\b)"
    rf"(?=.*\b{_PRACTITIONER}\b)"
    r"(?=.*\b(?:should i|shall i|do i need|would (?:a|an|it)|could (?:a|an)|which|who|better|"
    r"worth)\b)"
    r"(?=.*\b(?:for|about|with|on|help|fix|sort|treat) (?:my|the|a|his|her) (?:\w+ )?"
    r"(?:neck|shoulders?|elbows?|wrists?|hands?|fingers?|thumbs?|arms?|jaw|ankles?|feet|foot|"
    r"toes?|shins?|calf|calves|ribs?|collarbone|head)\b"
    rf"|.*\b{_PRACTITIONER}\b,? or (?:(?:a|an|the|my) )?(?:\w+ )?{_PRACTITIONER}\b)",
    re.I | re.S,
)
# An injury to a part the exercise does not work, asked how to treat ("what's best for a
# rolled wrist?", "how should I look after a pulled calf?"): a medical question, so the
# doctor, physio or pharmacist; asked with the exercise, the exercise's rules decide.
TREATS_AN_INJURY = re.compile(
    NOT_WITH_THE_EXERCISE
    + r"(?=.*\b(?:treat\w*|heal\w*|cure|ice|icing|strap\w*|tape|taping|rehab\w*|"
    r"best (?:thing|way)|what (?:should|do|can|would) i (?:do|take|use|put)|"
    r"how (?:do|should|can|would) i (?:fix|sort|help|deal with|look after|care for))\b)"
    r"(?=.*\b(?:sprain\w*|strain\w*|twist\w*|pulled|torn|tear|broken|fractur\w*|dislocat\w*|"
    r"rolled|jarred|injur\w*|bruised)\b)"
    # (not the wrists and hands the exercise leans on: their answer says what helps)
    r"(?=.*\b(?:ankles?|feet|foot|toes?|fingers?|thumbs?|elbows?|shoulders?|hamstrings?|"
    r"calf|calves|shins?|arms?|achilles|groin|ribs?|collarbone)\b)",
    re.I | re.S,
)
# A skin or body thing the user asks the coach to look at ("could you check this lump on
# my leg?", "what's this rash?"): a medical question, so the doctor or pharmacist; the
# coach never diagnoses, and it is no "didn't catch that".
LOOK_AT_A_BODY_THING = re.compile(
    r"\b(?:look at|looking at|have a look|take a look|check|see|examine|what(?:'?s| is)|"
    r"what do you (?:think|make) of|is (?:this|that|it))\b.{0,30}?"
    r"\b(?:moles?|rash(?:es)?|lumps?|bruis(?:e|es|ing)|swellings?|cysts?|warts?|"
    r"blisters?|freckles?|skin tags?|patch(?:es)? of skin)\b",
    re.I | re.S,
)
# A diagnosis of something asked for ("might I have an allergy?", "can you say if it's
# gout?"): the doctor or pharmacist. Not "do I have to...", "have I got time", the form.
ASKS_IF_I_HAVE_SOMETHING = re.compile(
    r"\b(?:(?:do|might|could) i have|have i got|(?:might|could) i be)\s+"
    r"(?!to\b|time\b|enough\b|any (?:more|left|sets?|reps?)\b|the (?:right|wrong)\b|"
    r"(?:a|an) (?:rest|break|pause|go|day)\b|"
    r"(?:it|them|my|this|that|these|those)\b|(?:doing|lifting|done|ready|allowed|meant|supposed|"
    r"ok|okay|fine|able|too|going|on|at|in)\b)"
    r"|\b(?:tell me|know|say|check|work out)\b.{0,12}\b(?:if|whether)\s+(?:i'?ve|i have|i)"
    r"\s+(?:got|have|am)\s+(?!to\b)"
    r"|\bcould (?:it|this|that)(?: \w+)? be\b(?!.{0,20}\b(?:the|my) (?:form|technique|exercise)\b)",
    re.I | re.S,
)
# A condition the user thinks they have, said as their own guess ("I think I've got a
# kidney stone", "pretty sure it's a UTI", "maybe I have a hernia?"): never diagnosed here;
# the doctor or physio can tell.
_SELF_DIAGNOSED_CONDITIONS = (
    r"kidney stones?|(?:kidney|bladder|urinary(?: tract)?|chest|ear|water) infections?|utis?|"
    r"gall ?stones?|appendicitis|shingles|gout|hernias?|sciatica|(?:slipped|herniated|bulging|"
    r"prolapsed) discs?|(?:trapped|pinched) nerves?|(?:a )?(?:torn|pulled) (?:muscle|ligament|"
    r"hamstring)s?|arthritis|bursitis|tendonitis|fractures?|piriformis(?: syndrome)?|"
    r"(?:a )?(?:stress )?fracture"
)
SELF_DIAGNOSED = re.compile(
    r"(?:\b(?:i think|i reckon|i suspect|i guess|i'?m (?:pretty |fairly |quite )?sure|pretty sure|"
    r"probably|maybe|perhaps|i fear|i'?m worried|worried|scared|afraid|possibly)"
    r"\b.{0,20}?\b(?:i'?ve got|i have got|i have|i got|i'?ve|it'?s|it is|this is|i'?m getting|"
    r"i'?ve done|i did)\s+(?:(?:a|an|some|my|another|the)\s+)?"
    r"|\b(?:might|may|could)\s+(?:have|have got|be getting|be)\s+(?:(?:a|an|some)\s+)?)"
    rf"(?:{_SELF_DIAGNOSED_CONDITIONS})\b",
    re.I | re.S,
)
SYMPTOMS_NAMED = re.compile(r"\b(?:symptoms?|signs? of)\b", re.I)
# A health matter beyond the exercise, asked with nothing of the exercise named ("what
# should my blood pressure be?", "tips for sleeping better, I'm up all night", "how many
# tablets a day is safe?"): a medical question, so the doctor, GP or pharmacist; never
# the everyday "can't help" reply.
HEALTH_MATTER_ASKED = re.compile(
    NOT_WITH_THE_EXERCISE + r"(?!.*\b(?:(?:will|would|could|can|does|do|is) " + THIS_EXERCISE + r"|"
    r"lifts?|lifting|legs?|exercis\w*|reps?|sets?|sessions?|kneel\w*|all fours|workout)\b)"
    r".*\b(?:heart ?rates?|pulse|blood pressure|hypertension|cholesterol|blood sugars?|"
    r"glucose|diabet\w*|insomnia|sleepless\w*|(?:can'?t|cannot|can not|struggl\w* to) "
    r"(?:get to )?sleep|sleeping (?:tablets|pills)|thyroid|bmi|asthma|migraines?|headaches?|"
    # ("dose" alone is often a typo of "does": "what muscles dose it work")
    r"menopaus\w*|blood tests?|dosages?|(?:what|right|max\w*|safe|daily|usual) doses?|"
    r"doses? of|tablets?|pills?|meds|medications?|"
    r"prescriptions?|side effects?)\b",
    re.I | re.S,
)
# Questions a less sure selector split between two answers (the retrained model, kk):
# the words settle them. Injury prevention named ("any use for preventing injuries?").
NAMES_INJURY_PREVENTION = re.compile(
    r"\b(?:injury prevention|prevent(?:s|ing)? (?:an? |getting )?injur\w*|"
    r"avoid(?:s|ing)? (?:an? |getting )?injur\w*)",
    re.I,
)
# The back's shape offered as a choice ("curved or flat?", "arched, rounded or straight?").
_BACK_SHAPES = r"arched|rounded|curved|flat|straight|neutral|hollow"
BACK_SHAPE_CHOICE = re.compile(
    rf"^(?=.*\b(?:back|spine)\b).*\b(?:{_BACK_SHAPES})\b[\s,]+(?:(?:{_BACK_SHAPES})[\s,]+)?"
    rf"or\s+(?:{_BACK_SHAPES})\b",
    re.I | re.S,
)
# A longer hold in seconds weighed up ("20 seconds instead, better?").
_SECONDS = r"(?:\d+|five|ten|fifteen|twenty|thirty|sixty)\s*(?:s|secs?|seconds?)"
LONGER_HOLD = re.compile(
    rf"(?:\bhold\w*\b.{{0,25}}?\b{_SECONDS}\b|\b{_SECONDS}\s+holds?\b)"
    r"(?=.*\b(?:better|longer|more|instead|rather)\b)",
    re.I | re.S,
)
# How long the leg stays up, asked, whatever is said around it ("by the way, how long do I
# keep it raised? I was told once but can't recall"). Not the breath, not holding off or
# back, not how long to keep going or keep at it (weeks, not seconds).
HOW_LONG_UP = re.compile(
    r"^(?!.*\bbreath)(?=.*\b(?:how long|how many seconds|for how long)\b)"
    r".*\b(?:(?:hold|holding)\b(?!\s+(?:off|back|on to|onto)\b)"
    r"|(?:keep|keeping|leave|stay|staying)\s+(?:(?:it|the|my|your|each|that)\s+)?(?:leg\s+)?"
    r"(?:up|raised|lifted|in the air|there|at the top|level)\b)",
    re.I | re.S,
)
_ALLOWED = r"ok|okay|fine|alright|acceptable|allowed|safe|too (?:much|high|bad)"
# How much pain is allowed, asked ("how much hurt is fine while doing them?").
HOW_MUCH_PAIN = re.compile(
    r"\bhow much (?:pain|hurt|discomfort)\b"
    # a score asked about ("is 5/10 too much?", "what about a 3 out of 10?"): the thresholds
    rf"|\b(?:is|would|what about|how about|and)\s+(?:a\s+)?{numbers.SCORE_NUMBER}\s*"
    rf"(?:/|out of|outta)\s*(?:10|ten)\b(?=.*(?:\?|\b(?:{_ALLOWED})\b|\bnormal\b))"
    rf"|\bis\s+a\s+{numbers.SCORE_NUMBER}\s+(?:{_ALLOWED})\b"
    # "which pain score is allowed?", "what level of pain is fine while lifting?"
    r"|\b(?:what|which|how high a|how bad a)\s+(?:pain\s+(?:level|score|number|rating)|"
    r"(?:level|score|amount|degree) of (?:pain|hurt|discomfort))\b"
    r"(?=.*\b(?:acceptable|ok|okay|fine|allowed|normal|safe|too much|tolerable|alright)\b)"
    # a mild ache while lifting, asked if it is normal ("slight soreness in my glute as I
    # lift, is that ok?"): mild is fine, and how bad on 0 to 10
    r"|^(?!.*\b(?:sharp|stabbing|shooting|worse|worsening)\b).*?"
    r"\b(?:bit of (?:an? )?|bit |slight(?:ly)? |little |mild(?:ly)? |small |touch of )"
    r"(?:ache|aching|achy|sore|soreness|burn|burning|discomfort)\b"
    r".{0,40}?\b(?:while|whilst|during|when|as)\b.{0,40}?"
    rf"\b(?:normal|expected|{_ALLOWED})\b",
    re.I | re.S,
)
# What the pain should be like the day after, or how to tell a session was too much ("how
# can I tell I pushed it too far?"): no worse the next morning (the soreness answer).
PAIN_EXPECTED_NEXT_DAY = re.compile(
    r"\bwhat (?:should|will|would) (?:the |my )?(?:pain|soreness|ache)\b.{0,20}?\bbe like\b"
    r"(?=.*\b(?:next|morning|day after|tomorrow)\b)"
    r"|\bhow (?:do|can|would|will|should|could) (?:i|you) (?:know|tell)\b.{0,30}?"
    r"\b(?:over ?d(?:o|one|id|oing)|too (?:much|far|hard)|pushed (?:it |myself )?too)\b"
    r"|\bwhat (?:should|do|must|shall|would|will) (?:i|you) (?:look out for|watch (?:out )?for|"
    r"check|notice|expect|keep an eye on)\b(?=.*\b(?:next|following) (?:day|morning)\b"
    r"|.*\b(?:day|morning) after\b|.*\btomorrow\b)"
    # the next-morning check asked for as a rule ("what's the guideline on aches the day
    # after?"): the rule itself, not the good-sign answer for a morning already fine
    r"|\b(?:rules?|guidelines?|guidance|test|check|principle)\b.{0,25}?"
    r"\b(?:pain|soreness|sore|aches?|aching|stiffness)\b.{0,25}?"
    r"\b(?:(?:next|following) (?:morning|day)|(?:morning|day) after)\b",
    re.I | re.S,
)
# Tips for doing it well ("any pointers to do it right?"): the form tips.
ASKS_FOR_TIPS = re.compile(
    r"\b(?:tips|pointers)\b(?=.*\b(?:properly|right|correctly|well|form|technique)\b)", re.I
)
POSTURE_HELPED = re.compile(
    r"\b(?:help|helps|improve|improves|good for)\b.{0,20}?\bposture\b", re.I
)
# How the leg is lifted ("how exactly should I raise my leg?"): the lift itself.
HOW_TO_LIFT_THE_LEG = re.compile(
    r"\bhow (?:exactly |actually |precisely )?(?:do|should|must|shall) (?:i|you|we)"
    r" (?:lift|raise|move) (?:the|my|your|each) legs?\b(?!.{0,20}\b(?:higher|high|far|down)\b)"
    # In the start position already, asking what comes next ("knelt down and set, then
    # what?"): the lift itself, the step after the set-up, not the how-to from the start.
    r"|\b(?:on all fours|on (?:my |your )?hands and knees|kneeling|knelt|in (?:the )?"
    r"(?:start(?:ing)? )?position|in place|set up)\b.{0,25}?\b(?:now what|what now|"
    r"what next|what'?s next|then what|what do i do (?:now|next)|what should i do (?:now|next)|"
    r"next step)\b",
    re.I,
)
# How fast to go, asked with no dose ("should the reps be rushed or steady?", "what
# pace?"): the slow, controlled reps. The way down, results or pain are other answers.
SPEED_ASKED = re.compile(
    r"^(?!.*\b(?:how (?:many|much|long|often)|minutes?|mins|results?|progress\w*|improve\w*|"
    r"stronger|notice|difference|heal\w*|recover\w*|build(?:ing)? up|step(?:ping)? up|"
    r"quick (?:question|one|q)|every (?:single )?day|daily|pain\w*|hurts?|sore\w*|drop\w*|down|"
    r"lower(?:s|ing)? (?:it|them|the|my|each))\b)"
    r".*(?:\b(?:fast|quick|quickly|slow|slowly)\s+or\s+(?:fast|quick|quickly|slow|slowly)\b"
    r"|\b(?:tempo|pace)\b|\bspeed\b(?!\s+(?:\w+\s+)?up\b)"
    r"|\bhow (?:fast|quick|quickly|slow|slowly)\b|\b(?:rush|hurry)\w*\b)",
    re.I | re.S,
)
WORKS_THE_GLUTES = re.compile(
    r"\b(?:work|works|use|uses|target|targets|hit|hits|train|trains) (?:the |my |your )?"
    r"(?:glutes?|bum|butt|buttocks?)\b",
    re.I,
)
# A product for the back or sleep asked for ("any good pillows for a stiff back?"): the
# furniture and sleep off-topic reply, not an answer about the back. Not a surface to
# do the exercise on ("is a firm mattress ok to do them on?").
PRODUCT_RECOMMENDED = re.compile(
    r"^(?!.*\b(?:do|doing|lift|lifting|exercise|exercising)\b(?: \w+){0,3} on\b)"
    r"(?!.*\b(?:under|beneath|between) (?:my|your|the)\b)"
    r".*\b(?:recommend\w*|suggest\w*|best|(?:a|any|some) (?:good|decent)|which|what kind of|"
    r"buy|buying)\b(?: \w+){0,2}? (?:mattress(?:es)?|mattress toppers?|pillows?|"
    r"(?:office |desk |gaming )?chairs?|sofas?|couch(?:es)?|car seats?|standing desks?)\b",
    re.I,
)


# The user's pain now, said with a product question: a pain report comes first.
PAIN_NOW = re.compile(
    r"\b(?:hurts?|hurting|killing me|agony|right now|at the moment|today|tonight|currently|"
    r"flared?(?: up)?|since (?:yesterday|this morning|last night))\b",
    re.I,
)


def asks_for_a_product(text: str) -> bool:
    """A product for the back or sleep asked for, with no pain of the user's now in it."""
    return (
        bool(PRODUCT_RECOMMENDED.search(text))
        and not PAIN_NOW.search(text)
        and numbers.read_pain_score(text) is None
    )


# Where the knees go ("knees hip width apart?", "knees right below my hips?"): the
# start position, which places them.
KNEES_PLACED = re.compile(
    r"\bknees?\b.{0,30}?\b(?:hip.?width|apart|together|(?:right |directly |straight )?"
    r"(?:under|below|beneath|behind|in line with) (?:my |the |your )?hips?)\b",
    re.I,
)
# A dose doubted for oneself ("at 80 with weak legs, must I really manage 20?", "is 15 too
# much for me?", "could I get away with fewer?"): doing fewer is fine, built up slowly.
_A_COUNT = r"(?:\d+|ten|twelve|fifteen|twenty|that many|so many|all (?:of )?(?:them|those|that))"
DOSE_DOUBTED = re.compile(
    # "must I do 10?" alone is the dose asked: doubt needs a "really" or a reason said
    r"^(?=.*\b(?:really|actually|honestly|truly|old\w*|age|aged|elderly|\d0s|i'?m \d{2}|"
    r"weak\w*|strong|strength|fit|unfit|fitness|frail|beginner|stiff|struggl\w*)\b)"
    r".*\b(?:(?:do|must|should|would) i (?:\w+ )?(?:have to|need to|got to|gotta|be expected to)"
    r"|must i(?: \w+)?(?= (?:do|manage|get through|aim for) ))"
    rf" (?:do |manage |get through |aim for )?(?:all )?{_A_COUNT}\b"
    r"(?!\s*(?:sets?|times|days|sessions|seconds|secs|weeks|rounds)\b)"
    rf"|\b{_A_COUNT} (?:\w+ ){{0,3}}(?:is |are |seems |sounds )?(?:too (?:many|much)|a lot)"
    r" for (?:me|someone like me|my age|an old\w*|a \w+ (?:like me|my age))\b"
    r"|\b(?:can|could|may) i (?:just |not |get away with |start with |stick to )?(?:do )?"
    r"(?:fewer|less|a few less|not as many)\b"
    r"|\bok(?:ay)? (?:if i|to) (?:just )?do (?:fewer|less|not as many)\b",
    re.I,
)
# A reminder of how many, asked ("the sheet's lost, can you remind me how many?"):
# the reps, however long the story before it.
REMIND_HOW_MANY = re.compile(
    r"\b(?:remind me|tell me again|forgot(?:ten)?|can'?t (?:read|remember|recall))\b"
    r"[^.?!]{0,20}?\bhow many\b(?!\s+(?:sets?|times|days|sessions|seconds|secs|weeks|rounds)\b)"
    # a count from the user's own sheet weighed up ("the handout says 8, too few?"): the
    # protocol's numbers and the build-up, their clinician's plan first
    r"|\b(?:sheet|plan|programme|program|handout|leaflet|print ?out|exercise card)\b"
    r"[^?]{0,20}?\b(?:says?|said|has|had|gives?|gave|shows?|lists?)\b\D{0,15}\d+\b"
    r"(?!\s*(?:sets?|times|days|sessions|seconds|secs|weeks|rounds)\b)"
    r".{0,50}?\b(?:enough|more|too (?:few|many|much|little|low|high))\b",
    re.I | re.S,
)
# A whole session asked about, start to end: the session plan (sets, reps a leg, rest).
WHOLE_SESSION = re.compile(
    r"\b(?:full|whole|complete|entire|typical|normal|standard)\s+(?:session|workout|routine)\b"
    r".{0,40}?\b(?:look like|start to (?:finish|end)|beginning to end|involve|consist)\b"
    r"|\b(?:session|workout)\b.{0,20}?\bfrom (?:start|beginning) to (?:finish|end)\b",
    re.I,
)
# One's own long-standing back trouble, asked whether it is worth it: the low back
# pain answer (with its check-first note), not how the exercise helps the back.
_NO_BACK_TROUBLE = r"^(?!.*\b(?:avoid|prevent\w*|not injured|no (?:back )?(?:pain|problems?))\b)"
_OWN_BACK_TROUBLE = (
    r"(?=.*\b(?:bad|sore|dodgy|achy|aching|painful|stiff|weak|grumbling|niggl\w*|iffy|creaky|"
    r"tight|crook|knackered|ropey|ropy|temperamental|troublesome|problem) (?:lower |low )?back\b"
    r"|.*\b(?:my|i'?ve (?:got|had)|i (?:have|had|get|suffer from))"
    r" (?:a |some |long.term |chronic )?(?:lower |low )?back"
    r" (?:pain|problems?|issues?|trouble|aches?)\b"
    # "my back's been stiff for ages", "hurt my back lifting at work"
    r"|.*\bmy (?:lower |low )?back(?:'s| is| has| have)? (?:been |always been |always )?"
    r"(?:\w+ ){0,2}?(?:bad|sore|dodgy|achy|stiff|weak|niggl\w*|iffy|playing up|grumbling|"
    r"giving me (?:grief|gyp))\b"
    r"|.*\b(?:hurt|injured|tweaked|strained|pulled|did|put out|wrecked) my (?:lower |low )?back\b)"
)
BACK_TROUBLE_SAID = re.compile(_NO_BACK_TROUBLE + _OWN_BACK_TROUBLE, re.I | re.S)
OWN_BACK_TROUBLE_WORTH_IT = re.compile(
    _NO_BACK_TROUBLE
    + _OWN_BACK_TROUBLE
    + r"(?=.*\b(?:waste of (?:time|effort)|wasting my time|worth (?:it|doing|the effort|bothering)|"
    r"help\w* or (?:\w+ ){0,2}?(?:make|making|hurt|harm|worsen|aggravat)\w*|more harm than good|"
    rf"(?:will|would|does|can|could) {THIS_EXERCISE} (?:actually |really |even )?"
    r"(?:help|work|do anything|make a difference)|any (?:use|good|point))\b)"
    r"(?!.*\b(?:during|while (?:i|lifting|doing)|when i (?:lift|do|am doing))\b)",
    re.I | re.S,
)
# Whether it helps or harms, weighed ("would these help or just make it worse?", "help or
# hurt?", "do more harm than good?"): with a back or hip complaint said, that condition's
# answer, whatever else (a count a week, a name) the message holds.
HELP_OR_HARM = re.compile(
    r"\bhelp\w* (?:it |me |things |my \w+ )?or (?:\w+ ){0,3}?(?:make|making|hurt|harm|worsen|"
    r"aggravat|damag|wreck)\w*|\bmore harm than good\b|\b(?:good|better) or (?:bad|worse)\b",
    re.I,
)


def back_trouble_weighs_help_or_harm(text: str) -> bool:
    return bool(HELP_OR_HARM.search(text) and BACK_TROUBLE_SAID.search(text))


def hip_trouble_weighs_help_or_harm(text: str) -> bool:
    return bool(HELP_OR_HARM.search(text) and HIP_TROUBLE_SAID.search(text))


# The hip's operation named: after a hip replacement (the surgeon's plan first).
AFTER_A_HIP_OPERATION = _operation_on("hip", "resurfacing|arthroplasty|arthroscopy")
# A ball for the exercise asked about ("got a gym ball, can I use it?"): the ball version.
BALL_NAMED = re.compile(
    r"\b(?:swiss|exercise|stability|gym|fit|physio|yoga|pilates)\s+ball\b", re.I
)
# Gear for another sport ("good running shoes for flat feet?"): beyond the exercise.
GEAR_FOR_ANOTHER_SPORT = re.compile(
    r"\b(?:running|walking|hiking|football|tennis|golf|cycling|trail)\s+(?:shoes|trainers|boots|"
    r"socks|insoles)\b",
    re.I,
)
# Everyday life beyond the exercise, asked with nothing of it named ("sitting at a
# computer all day ruins my posture, what helps?", "join a gym or train in the lounge?",
# "best watch for tracking steps?"): out of scope. "Does it help posture?" names it.
EVERYDAY_LIFE = re.compile(
    r"^(?!.*\b(?:this|these|them|leg lifts?|leg raises?|the exercise|the lift|hip extensions?"
    r"|(?:do|doing|does|with|for|from) it"
    r"|(?:will|would|could|can|does|do) (?:it|they) (?:\w+ )?(?:help|improve|fix|sort))\b)"
    r".*(?:\bposture\b.{0,30}?\b(?:desk|sitting|sat|seated|computer|laptop|office|driving|"
    r"all day)\b|\b(?:desk|computer|laptop|office)\b.{0,30}?\bposture\b"
    r"|\bgym (?:membership|subscription|pass)\b|\bhome workouts?\b"
    r"|\b(?:apps?|trackers?|watch(?:es)?|pedometers?)\b.{0,25}?\b(?:count\w*|track\w*|log\w*)"
    r" (?:my |your |daily )?steps\b|\bstep count(?:er|ing)?\b)",
    re.I | re.S,
)


# An everyday request off the topic (a recipe, cooking, shopping, the weather, a film,
# homework, travel: "quick pasta recipe?", "how long to roast a chicken?"): out of scope,
# even with a word an answer keys on ("quick", "long", "how many", "time"), unless the
# exercise is named in it ("can I do them in the hotel room?").
_EXERCISE_ANCHOR = (
    r"\b(?:exercis\w*|leg lifts?|leg raises?|lifts?|lifting|hip extensions?|workouts?|sessions?|"
    r"sets?|reps?|glutes?|muscles?|physio\w*|training|coach\w*|these|them|those|"
    r"ankle weights?|bands?|mat|(?:do|doing|does|did|try|fit) (?:it|this|that)"
    r"(?!\s+(?:week\w*|morning|evening|afternoon|year|month|time)))\b"
)
OFF_TOPIC_REQUEST = re.compile(
    rf"^(?!.*{_EXERCISE_ANCHOR})"
    r".*\b(?:recipes?|cook\w*|bake|baking|baked|roast\w*|boil\w*|fry|frying|oven|ingredients?|"
    r"lasagnes?|lasagnas?|pasta|spaghetti|pizzas?|curry|curries|soups?|cakes?|casseroles?|stew|"
    r"shopping|groceries|grocery|weather|forecast|raining|rain|snow\w*|sunny|"
    r"films?|movies?|cinema|netflix|tv (?:shows?|series|programmes?)|box ?sets?|"
    r"homework|essay|maths|algebra|equation|fractions?|"
    r"flights?|airport|passport|visa|hotels?|train (?:to|from|times?)|trains to|"
    r"holiday (?:destination|ideas?|deals?)|travel (?:tips?|ideas?|insurance))\b",
    re.I | re.S,
)


# When a shop or place opens or shuts ("is the chemist open bank holiday monday?", "what
# time does the post office close?"): an errand, whatever day is named; a day alone
# must not pull the sessions-a-week answers.
OPENING_HOURS = re.compile(
    r"\b(?:opening|closing) (?:hours|times?)\b|\bhours of business\b"
    r"|^(?!.*\b(?:legs?|lifts?|hips?|knees?|eyes?|mouth|jaw|exercis\w*|session|glutes?)\b)"
    r"(?=.*\b(?:shops?|stores?|supermarkets?|tesco|asda|aldi|lidl|sainsbury'?s|morrisons|"
    r"waitrose|co-?op|boots|chemists?|pharmac\w+|banks?|post office|library|libraries|tip|"
    r"pubs?|cafes?|restaurants?|garage|petrol station|market|mall|centre|center|cinema|"
    r"museum|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|bank holiday|christmas)\b)"
    r".*\b(?:what time|when|how late|till when|until when|is|are|will)\b.{0,40}?"
    r"\b(?:open|opens|opening|close|closes|closing|shut|shuts|shutting)\b",
    re.I | re.S,
)


# A pet's doings, with nothing of the exercise in the message ("the cat wakes me at 5,
# any tips?"): an everyday question, out of scope.
PET_WORDS = re.compile(rf"\b(?:{'|'.join(sorted(red_flags.PETS))})\b", re.I)
EXERCISE_WORDS = re.compile(
    r"\b(?:lifts?|lifting|legs?|exercis\w*|reps?|sets?|sessions?|kneel\w*|all fours|floor|mat|"
    r"these|them|workout|back|hips?|knees?|glutes?)\b",
    re.I,
)


def only_about_a_pet(text: str) -> bool:
    return bool(PET_WORDS.search(text)) and not EXERCISE_WORDS.search(text)


# A pet's own body in trouble ("the cat's gone lame on a front paw"): not the user's, so no
# pain report and no exercise question; out of scope (a vet's question).
PETS_BODY = re.compile(
    r"\b(?:limp\w*|lame|paws?|hind legs?|vets?|(?:his|her|its) (?:back |front |hind )?"
    r"(?:legs?|hips?|back|knees?|tail))\b",
    re.I,
)


# The user's own body said ("tripped on the dog's paw, my hip's sore") is theirs to tell.
OWN_BODY = re.compile(r"\bmy (?:\w+ )?(?:back|hips?|knees?|legs?|bum|glutes?|buttocks?)\b", re.I)


def about_a_pets_body(text: str) -> bool:
    return bool(PET_WORDS.search(text) and PETS_BODY.search(text)) and not OWN_BODY.search(text)


# A pregnancy said ("I'm expecting", "baby on the way", "second trimester", "20 weeks
# gone"): the pregnancy answer (midwife or doctor first), whatever name of the exercise is
# used with it: the "hip" of "prone hip extension" is no hip trouble.
PREGNANCY_SAID = re.compile(
    r"\bpregnan\w*|\btrimester\b|\bbaby (?:is )?on the way\b|\b(?:ante|pre)-?natal\b"
    r"|\b(?:i'?m|i am|im|we'?re|we are|currently|still)\s+expecting\b"
    r"(?!\s+(?:to|it|that|this|a lot|much|more|results?|some|any|too)\b)"
    r"|\bexpecting (?:a baby|twins|my (?:first|second|third|\w+ (?:baby|child))|a little one)\b"
    r"|\b\d+\s*(?:weeks?|wks?|months?)\s+(?:gone|along)\b|\bwith child\b|\bbump\b",
    re.I,
)
# Pain that came after a step up, asked about ("went from 12 to 18 and my hip started
# aching", "put the ankle weight on and now it hurts", "since I moved to the harder
# version my back aches"): step back to the level before, not the harder versions.
STEPPED_UP = re.compile(
    r"\bfrom (?:\d+|ten|twelve|fifteen|eighteen|twenty)\s+(?:reps?\s+)?(?:up\s+)?to\s+"
    r"(?:\d+|ten|twelve|fifteen|eighteen|twenty|twenty.?five|thirty)\b"
    r"|\b(?:added|adding|put|putting|strapped|tried|started (?:using|with))\s+"
    r"(?:on\s+)?(?:the|an?|some|my|those|these)?\s*(?:\w+\s+)?(?:ankle\s+)?(?:weights?|band|"
    r"resistance|load|ball)\b"
    r"|\b(?:moved|moving|switched|switching|changed|changing|went|gone|going|stepped|stepping|"
    r"progressed|progressing|graduated|started|starting|tried|trying|upgraded)\s+(?:up\s+|on\s+)?"
    r"(?:to|onto|on to|with|doing)\s+(?:the\s+|a\s+)?(?:harder|tougher|next|straight.?leg|"
    r"advanced|heavier|more difficult|higher|weighted|full)\b",
    re.I,
)
PAIN_AFTER_A_STEP_UP = re.compile(
    r"^(?!.*\b(?:no|not|without|zero|never)\s+(?:\w+\s+){0,2}?(?:hurt|pain|sore|ach|twing))"
    r"(?!.*\bpain[- ]?(?:free|less)\b)"
    r"(?=.*\b(?:hurt\w*|pain\w*|sore\w*|aches?|aching|ached|achy|twing\w*|niggl\w*|"
    r"playing up|flared|grumbl\w*)\b)"
    r"(?=.*(?:" + STEPPED_UP.pattern + r"))",
    re.I | re.S,
)


def pain_after_a_step_up(text: str) -> bool:
    """Pain said now, put down to a step up (more reps, a weight, a harder version)."""
    return bool(PAIN_AFTER_A_STEP_UP.search(text))


# A baby born, said ("just had my second baby", "after giving birth"): the postnatal
# answer (midwife, GP or physio first), not the pregnancy one, unless a pregnancy is said.
AFTER_A_BIRTH = re.compile(
    r"^(?!.*\b(?:pregnant|pregnancy|expecting|trimester|bump)\b)"
    r".*\b(?:(?:just |recently )?had (?:my|a|our|the) (?:\w+ )?(?:baby|babies|twins|son|daughter)"
    r"|gave birth|giving birth|given birth|postpartum|post.?partum|postnatal|post.?natal|"
    r"c.?section|caesarean|new mum|since the birth|after (?:the|my) (?:birth|delivery))\b",
    re.I,
)
# Whether trying it would be wise ("a sensible thing to try?", "a good idea?"): whether it
# suits, with nothing said about carrying on today.
SENSIBLE_TO_TRY = (
    r"(?:a |the )?(?:sensible|wise|advisable|appropriate|good idea|sensible idea)"
    r"(?:\s+(?:thing|things|choice|option|idea|move|place to start|to try|to start)\b"
    r"|\s*[?.!]|\s*$)"
)
# Hip trouble with no operation named, asked whether the exercise suits it: the hip pain
# answer, not the one after a hip replacement.
_NO_HIP_OPERATION = (
    r"^(?!.*\b(?:op|operation|surgery|surgeon|replace\w*|new hip|thr|arthroplasty|resurfacing)\b)"
)
_OWN_HIP_TROUBLE = (
    # (the hip in the exercise's name, "prone hip extensions", is no hip trouble)
    r"(?=.*\bhips?\b(?!\s+extensions?\b).{0,15}?\b(?:pain|aches?|aching|hurts?|sore|stiff|"
    r"trouble|problems?)\b"
    r"|.*\b(?:pain|aches?|sore(?:ness)?)\s+in\s+(?:my|the)\s+hips?\b"
    r"|.*\b(?:sore|stiff|achy|aching|painful|dodgy|grumbling|niggl\w*|bad|iffy|creaky|weak)"
    r"\s+hips?\b"
    r"|.*\bmy hips?(?:'s| is| has| have| are)? (?:been |always been |always )?(?:\w+ ){0,2}?"
    r"(?:bad|dodgy|stiff|weak|niggl\w*|iffy|playing up|grumbling|creaky)\b)"
)
HIP_TROUBLE_SAID = re.compile(_NO_HIP_OPERATION + _OWN_HIP_TROUBLE, re.I | re.S)
HIP_TROUBLE_ASKS_IF_IT_SUITS = re.compile(
    _NO_HIP_OPERATION
    + _OWN_HIP_TROUBLE
    + r"(?=.*\b(?:suitable|suit|suits|good for|right for|any good|help|helps|helpful|useful|worth|"
    r"waste of time)\b"
    r"|.*\b" + SENSIBLE_TO_TRY + ")",
    re.I | re.S,
)
# Another operation a short while ago, asked whether it's allowed yet (the back's has
# its own answer).
AFTER_AN_OPERATION = re.compile(
    r"^(?!.*\b(?:back|spine|spinal|disc)\b)"
    r"(?=.*\b(?:op|operation|surgery|operated on)\b.{0,60}?\b(?:ago|recently|last (?:week|month)|"
    r"this (?:week|month|year))\b)"
    r"(?=.*\b(?:allowed|ok|okay|safe|too soon|too early|yet|wait)\b)",
    re.I | re.S,
)


# Other versions of the lift asked for ("are there variants of it?", "other ways of
# doing the exercise?"): the variations, unless an easier one is asked for.
OTHER_VERSIONS_ASKED = re.compile(
    r"^(?!.*\b(?:easier|easy|gentler|simpler|beginners?|too hard|too difficult)\b)"
    r"(?=.*\b(?:(?:other|different|alternative|more) (?:versions?|variations?|variants?|"
    r"progressions?)"
    r"|(?:other|different|alternative) (?:ways?|forms?) (?:of doing|to do|of|to perform) "
    r"(?:it|this|that|them|the (?:lift|exercise|move)|this (?:one|lift|exercise))"
    r"|(?:versions?|variations?|variants?) (?:of|for) (?:it|this|the (?:lift|exercise))"
    r")\b)",
    re.I,
)


# A back operation named, by part ("lumbar op", "spinal surgery") or by name
# ("discectomy"), and whether or when to start asked: the back-surgery answer, not the
# general one beside it.
AFTER_BACK_SURGERY = re.compile(
    r"(?=.*(?:\b(?:back|spine|spinal|lumbar|disc|l\d(?:/l?\d| ?- ?l?\d)?)\b.{0,25}?"
    r"\b(?:op|operation|surgery|fusion|operated on)\b"
    r"|\b(?:micro)?discectomy\b|\blaminectomy\b|\bspinal (?:fusion|decompression)\b))"
    r"(?=.*\b(?:allowed|ok|okay|safe|too soon|too early|yet|wait|start\w*|begin|can i|should i)\b)",
    re.I | re.S,
)


# The conditions it is given for, asked ("which injuries is it meant to help?"): who it
# is for, not what it builds. Problems it causes are the mistakes' or pain's question.
_BACK_OR_HIP = r"(?:backs?|spines?|lower backs?|hips?)"
CONDITIONS_ASKED = re.compile(
    r"^(?!.*\b(?:cause[sd]?|causing|mistakes?|wrong|avoid|risks?|side effects?)\b)(?:"
    r".*\b(?:what|which)\s+(?:kinds? of |sorts? of |types? of )?(?:medical )?(?:conditions?|"
    r"injur(?:y|ies)|complaints?|ailments?|diagnos[ie]s)\b.{0,40}?\b(?:good for|for|help\w*|"
    r"treats?|used|prescribed|given|meant|suit\w*)\b"
    # back and hip weighed ("is it really for backs, or more of a hips one?"): it is given for
    # both, so who it is for, however long the story before the question
    rf"|.*\b(?:meant|designed|aimed|intended|made|mainly|mostly|more|really|actually|just|only)"
    rf"\s+(?:for|at)\s+(?:the |my |your |people'?s |bad )?{_BACK_OR_HIP}\b.{{0,40}}?\bor\b"
    rf".{{0,30}}?\b{_BACK_OR_HIP}\b"
    rf"|.*\b{_BACK_OR_HIP}\b.{{0,40}}?\bor\b.{{0,30}}?\b{_BACK_OR_HIP}\s+(?:thing|exercise|"
    r"one|move|workout)\b)",
    re.I | re.S,
)


# More sets or reps weighed up ("is 4 sets better than 2?", "would doing more reps be
# better?"): the dose answer (2 sets; reps built up first), whatever else is said, a
# grandchild or an event, which is no age asked about.
MORE_SETS_OR_REPS = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|more|extra|another)\s+"
    r"(?:sets?|rounds?|reps?|repetitions?)\b.{0,30}?\b(?:better|worse|quicker|faster|instead|"
    r"rather|more effective|worth it)\b"
    r"|\b(?:better|worth it)\b.{0,20}?\b(?:more|extra|another|\d+|three|four)\s+"
    r"(?:sets?|rounds?|reps?)\b",
    re.I | re.S,
)
# Rounds, lots or goes counted are sets ("how many goes at it per session?"); a week's or
# a day's count is the schedule's, and goes on each leg are reps.
HOW_MANY_ROUNDS = re.compile(
    r"^(?!.*\b(?:week|weekly|days?|daily|(?:each|per|a|every|one) (?:leg|side))\b)"
    r".*\b(?:how many|number of|what number of)\s+(?:\w+\s+)?(?:rounds|lots|goes|circuits)\b",
    re.I | re.S,
)
# A name written down or said, asked whether it is this exercise ("the leaflet says PHE,
# same thing?"): the other-names answer.
NAME_ASKED_IF_THIS = (
    r"\b(?:is|are) (?:that|it|this|those|these) (?:this|the same|the one|the exercise|it)\b"
    r"|\bsame (?:thing|exercise|one|move)\b"
)
# Its other names asked for ("any other name for it?", "what else does it go by?", "a
# name to search for clips?"): the other names too.
WRITTEN_NAME_ASKED = re.compile(
    r"(?=.*\b(?:wrote|written|writes|says|said|calls?|called|sheet|paper|handout|leaflet|plan|"
    r"programme|program|letter|notes?|printout)\b)(?=.*(?:" + NAME_ASKED_IF_THIS + "))"
    r"|\bwhat else (?:is|are|do|does|might|would|could) (?:it|this|these|they|people|you|"
    r"(?:this|the) (?:exercise|move|one)) (?:\w+ )?(?:called|call it|call them|known as|go by)\b"
    r"|\b(?:other|another|alternative|different|proper|official) names?\b"
    r"|\b(?:also|otherwise|sometimes|usually) (?:called|known as|named)\b"
    r"|\b(?:called|names?)\b.{0,40}?\b(?:look\w* up|search\w*|google\w*|find|youtube)\b",
    re.I | re.S,
)
# Why the exercise is set at all ("why has my doctor got me doing these?", "what good is this
# one meant to do?"): the benefits, not the muscles worked.
WHY_DO_IT_AT_ALL = re.compile(
    r"\bwhat(?:'?s| is) the (?:point|purpose|use|idea) (?:of|in|behind) (?:this|these|it|them|"
    r"doing|the (?:exercise|lifts?|leg lifts?))\b"
    r"|\bwhy (?:is|does|did|has|have|would|do) (?:my|the|your) (?:physio\w*|doctor|gp|"
    r"therapist|surgeon|trainer|consultant)s?\b.{0,20}?\b(?:make|making|made|have|having|"
    r"got|give|giving|gave|want|wants|set|prescribe\w*|recommend\w*)\b"
    r"|\bwhy (?:should|must|do|would) i (?:even |bother (?:to )?)?(?:do|doing|bother with) "
    r"(?:this|these|it|them)\b(?! (?:first|before|after|slowly|on|with))",
    re.I,
)


def _bare_names() -> list[str]:
    """The exercise's other names as a user may type them alone: in full, without "prone",
    and as initials ("prone hip extension", "hip extension", "phe"; "slr" for the raise)."""
    forms = set()
    for name in OTHER_NAMES:
        words = name.split()
        unprefixed = words[1:] if words[0] == "prone" else words
        forms |= {name, " ".join(unprefixed), "".join(w[0] for w in words)}
        forms.add("".join(w[0] for w in unprefixed))
    return sorted((form for form in forms if len(form) >= 3), key=len, reverse=True)


# Another name of the exercise typed alone with question marks ("PSLR??"): which exercise
# that is, so the other-names answer, whatever a letter string made the selector think.
BARE_NAME_ASKED = re.compile(
    r"^\W*(?:" + "|".join(re.escape(name) for name in _bare_names()) + r")s?\s*\?+\W*$", re.I
)
# Kneeling or lying, asked as a doubt ("was it on all fours or flat on my front?"), or lying
# face down tied to the name "prone": the start position (hands and knees, facing the floor).
# Lying asked for instead of kneeling is that version; pain is the pain steps'.
_KNEELING = r"(?:kneel\w*|all fours|hands and knees|on (?:my|your) knees)"
_LYING = (
    r"(?:lie|lying|laying|lay|flat|on (?:my|your) (?:front|belly|tummy|stomach)|face ?down|"
    r"(?:belly|tummy|stomach|front) down)"
)
KNEEL_OR_LIE_ASKED = re.compile(
    r"^(?!.*\b(?:instead|rather|alternative|easier|(?:can|could|may) i|is it (?:ok|okay|fine)|"
    r"pain\w*|hurts?|hurting|aches?|aching|sore)\b)(?:"
    rf".*\b{_KNEELING}\b.{{0,30}}?\bor\b.{{0,20}}?\b{_LYING}\b"
    rf"|.*\b{_LYING}\b.{{0,30}}?\bor\b.{{0,20}}?\b{_KNEELING}\b"
    r"|(?=.*\bprone\b).*\b(?:lie|lying|laying|lay)\b.{0,15}?\b(?:flat|front|belly|tummy|stomach|"
    r"face ?down)\b)",
    re.I | re.S,
)
# One side weaker or worse, asked whether to train only it ("my right's the feeble one,
# just that side then?"): both sides, each in turn, as the protocol says.
ONE_SIDE_ONLY = re.compile(
    r"^(?!.*\b(?:at a time|at once|together|first|the other|switch\w*|pain\w*|hurts?|sore)\b)"
    r"(?=.*\b(?:weak\w*|strong\w*|feebl\w*|worse|better|bad|good|injured|dodgy|left|right|"
    r"imbalanc\w*|uneven)\b)"
    r".*(?:\b(?:only|just)\b.{0,25}?\b(?:leg|side)\b|\b(?:leg|side) only\b)",
    re.I | re.S,
)
# The leg that won't stay straight ("can't get my knee straight when I lift it"): the
# bent-knee version, the easier one (an operation's own answer is settled before).
CANT_KEEP_IT_STRAIGHT = re.compile(
    r"\b(?:can'?t|cannot|can not|unable to|struggl\w* to|hard to|hardly)\s+(?:keep|get|hold)"
    r"\s+(?:it|my|the)?\s*(?:leg|knee)?s?\s*straight\b"
    r"|\b(?:leg|knee)s? (?:\w+ )?(?:won'?t|doesn'?t|will not|does not|never)"
    r" (?:stay|go|keep) straight\b",
    re.I,
)
# Asking to do less of it ("can I tone it down a bit?", "what should I cut back on?"): the
# easier versions, which say fewer reps is fine too. A pain said is acted on first.
SCALES_IT_BACK = re.compile(
    r"\b(?:scale|dial|tone|cut|pare|rein)(?:s|d|ed|ing)?\s+(?:(?:it|this|that|them|things|"
    r"everything|the \w+|my \w+)\s+)?(?:a (?:bit|little|touch)\s+)?(?:back|down|in)\b"
    r"(?!\s+on\s+(?!(?:the |my )?(?:reps|sets|lifts|exercise|session)))",
    re.I,
)
# What usually goes wrong, asked with no part named ("where do most people slip up?"):
# the common mistakes. A fault of one's own with a part named is that part's answer.
MISTAKES_ASKED = re.compile(
    r"^(?!.*\b(?:neck|head|back|spine|knees?|hips?|pelvis|feet|foot|toes?|arms?|shoulders?|"
    r"wrists?|legs?|tummy|stomach)\b)"
    r"(?!.*\b(?:if|when|happens|cause[sd]?|lead to|leads to|result in)\b)"  # harm done asks more
    r".*\b(?:what|where|which \w+)\b.{0,40}?\b(?:(?:get|go|do|goe)(?:s|ing)?\s+(?:\w+\s+)?wrong"
    r"|(?:mess|muck|slip|trip)(?:es|s|ping|ing)?\s+(?:\w+\s+)?up)\b",
    re.I | re.S,
)
# A clinician's plan set against the coach's ("the physio wants fewer lifts than you, whose
# do I go by?"): their plan wins, whatever number or part the question names.
CLINICIAN_PLAN_DIFFERS = re.compile(
    r"(?=.*\b(?:physio\w*|surgeons?|doctors?|gps?|consultants?|therapists?|specialists?|"
    r"nurses?|osteo\w*|chiro\w*|hospital|clinic|rehab team)\b)"
    r"(?=.*\b(?:different|differs?|disagrees?|contradicts?|conflicts?|not what you|"
    r"(?:more|fewer|less)\b.{0,25}?\bthan (?:you|yours)|than you (?:say|said|told|gave)|"
    r"(?:you|yours) or (?:theirs|(?:my|the) \w+)|or (?:you|yours)\b"
    r"|(?:the |this )?(?:app|coach|you) (?:said|says|say|told|tells|gave|gives|suggests?)\b)\b)"
    r"(?=.*\b(?:which|whose|who)\b.{0,30}?\b(?:follow|go by|go with|listen|stick|trust|right|"
    r"correct|do i do|should i do)\b|.*\b(?:or (?:you|yours)|(?:you|yours) or)\b)",
    re.I | re.S,
)
# An operation named: its answer (the surgeon's and physio's plan first) outranks whatever
# else the message asks (a name on the sheet, the position); the names are said after it.
OPERATION_RULES = (
    ("after_knee_surgery", AFTER_A_KNEE_OPERATION.search),
    ("after_hip_replacement", AFTER_A_HIP_OPERATION.search),
    ("after_back_surgery", AFTER_BACK_SURGERY.search),
    ("after_surgery", AFTER_AN_OPERATION.search),
)


def tired_and_asks_to_go_on(text: str) -> bool:
    """Tired or shaking and asking whether to go on: a pain said is answered from how bad
    it is, and a leg that won't stay straight by the bent-knee version."""
    return bool(TIRED_AND_ASKS_FOR_A_BREAK.search(text)) and not (
        pain_said(text) or CANT_KEEP_IT_STRAIGHT.search(text)
    )


# Calories asked about the exercise ("how many calories would a set use up?"): few, as
# the weight-loss answer says; calories in food or another sport are not its question.
CALORIES_ASKED = re.compile(
    r"^(?!.*\b(?:eat\w*|food|meals?|banana|diet\w*|cycling|running|jogging|swimming|walking)\b)"
    r"(?=.*\b(?:burn\w*|use[sd]?|using|uses up)\b).*\b(?:calor\w*|kcals?)\b",
    re.I | re.S,
)
# When to start on weights, asked ("when can I add some resistance?"): the ankle weight's
# answer, which says when (once 20 are easy) and how light, not a fallback.
WHEN_TO_ADD_WEIGHT = re.compile(
    r"\b(?:when|at what (?:point|stage)|how soon)\b.{0,30}?\b(?:add|adding|start|starting|use|"
    r"using|put on|bring in|introduc\w*|"
    r"move on to|go on to|try|trying)\b.{0,20}?\b(?:weights?|ankle weights?|resistance|load|"
    r"weighted)\b"
    r"|\b(?:ready|time) (?:for|to (?:add|use|start|try)) (?:some |an? |the )?(?:ankle )?"
    r"(?:weights?|resistance)\b",
    re.I,
)


def asks_when_to_add_weight(text: str) -> bool:
    """When to start on weights, with no pain said (a pain said is answered first)."""
    return bool(WHEN_TO_ADD_WEIGHT.search(text)) and not pain_said(text)


# A movement fault said as what brings a pain on ("my back twinges when I take the leg past
# flat", "it aches if I arch", "my hip hurts as my pelvis rolls"): that fault's form answer
# comes before how bad it is, since the right form may be what stops it hurting.
ARCHES_THE_BACK = re.compile(
    r"\barch(?:es|ed|ing)?\b(?! of\b)(?!.{0,15}\b(?:foot|feet|neck)\b)", re.I | re.S
)
TOO_HIGH = re.compile(
    r"\b(?:lift\w*|rais\w*|go|goes|going|gets?|getting|tak\w*|bring\w*|swing\w*|kick\w*|"
    r"leg|it)\b(?:\s+\w+){0,3}?\s+(?:too|so|really|very|way) (?:high|far up)\b",
    re.I,
)
PELVIS_TWISTS = re.compile(
    r"^(?!.*\b(?:roll\w* over|turn\w* over|in bed|sleep\w*)\b)"
    rf"(?:.*\b{_TRUNK}\b.{{0,20}}?\b(?:twist|rotat|tilt|tip|roll|swing|swung|sway)\w*"
    rf"|.*\b(?:twist|rotat|tilt|roll)\w*\b.{{0,25}}?\b(?:{_TRUNK}|higher|the leg up|my leg up)\b)",
    re.I | re.S,
)
MOVEMENT_FAULTS = (
    ("keeping_the_pelvis_still", PELVIS_TWISTS.search),
    ("arching_the_back", ARCHES_THE_BACK.search),
    ("how_high_to_lift", GOES_ABOVE_LEVEL.search),
    ("how_high_to_lift", TOO_HIGH.search),
    ("how_high_to_lift", AS_HIGH_AS_POSSIBLE.search),
    ("back_position", BACK_OUT_OF_LINE.search),
    ("lowering_the_leg", LOWERS_FAST.search),
)


def fault_that_brings_pain(text: str) -> str | None:
    """The form answer for a movement fault named in a pain report, or None (a pain denied
    is put down to nothing)."""
    if numbers.only_denies_pain(text):
        return None
    return next((key for key, names in MOVEMENT_FAULTS if names(text)), None)


# Keeping the hips or pelvis level or still, asked with no pain said ("pelvis flat?",
# "should my hips stay square?", "do the hips move at all?"): the pelvis-still answer,
# not a choice offered with hip pain. Lifting to hip level or height is how high.
PELVIS_KEPT_LEVEL = re.compile(
    r"^(?!.*\b(?:to|at|above|past|beyond|over|than|below|under|about|around)\s+"
    r"(?:the |my |your )?(?:hip|pelvis) (?:level|height)\b)"
    # (a can't said is a difficulty: "can't keep my hips level, can I still do these?")
    r"(?!.*\b(?:can'?t|cannot|can not|unable to|struggl\w*|hard to|trouble)\b)"
    r".*(?:\b(?:hips?|pelvis|pelvic)\b(?:\s+\w+){0,3}?\s+(?:level|flat|still|square|steady|"
    r"stable|even|planted|down|in place|on the (?:floor|ground|mat)|mov\w*|tilt\w*|tip\w*|"
    r"rock\w*|hitch\w*|hik\w*|shift\w*|lift\w* (?:up|off)|rise|rising|come up|pop up)\b"
    r"|\b(?:level|flat|still|square|steady|stable) (?:hips?|pelvis)\b)",
    re.I | re.S,
)


def asks_to_keep_the_pelvis_still(text: str) -> bool:
    """The hips or pelvis kept level or still, asked with no pain said."""
    return bool(PELVIS_KEPT_LEVEL.search(text)) and not pain_said(text)


# Fewer reps managed than the target, asked whether to do just those ("I only get to 7
# before my form goes, is 7 ok?", "can't do more than 5, shall I stick at 5?"): the dose
# answer for doing fewer with good form and building up, not when to stop. Pain said is
# answered from how bad it is.
_FEW = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple)"
# (a few inches up, half way, 10 seconds: how high or how long, not how many)
_NOT_A_HEIGHT = (
    r"\b(?!\s*(?:inch\w*|cm|centimet\w*|mm|way|off|up|high|degrees?|feet|foot|seconds?|secs?|"
    r"sets?|minutes?|mins?|times? a week|days?)\b)"
)
MANAGES_FEWER = re.compile(
    r"(?=.*(?:\b(?:only|just|barely)\s+(?:\w+\s+){0,2}?(?:manag\w*|do|doing|did|get|getting|"
    r"got|make|making|reach\w*|able to do)\s+(?:(?:about|around|roughly|maybe|like|up to|to|"
    r"through)\s+){0,2}"
    + _FEW
    + _NOT_A_HEIGHT
    + r"|\b(?:can'?t|cannot|can not|couldn'?t|unable to|struggl\w* to)\s+(?:do|manage|get|go)"
    r"\s+(?:(?:more|further) than|past|beyond|over)\s+"
    + _FEW
    + _NOT_A_HEIGHT
    + r"|\b(?:max|most) (?:i can (?:do|manage) )?is "
    + _FEW
    + _NOT_A_HEIGHT
    + "))"
    r"(?=.*\b(?:(?:should|shall|can|could|may|must) i (?:just |only |still |simply )?"
    r"(?:do|stick|stay|keep|stop|leave it|go with|aim|settle)"
    # (whether so few is enough asks for the target, the reps answer)
    r"|(?:is|are|would) (?:that|it|this|\d+|that number|fewer|less) (?:\w+ )?(?:ok|okay|fine|"
    r"alright|all right|acceptable)"
    r"|ok(?:ay)? (?:to|if i) (?:just |only )?(?:do|stick|stop))\b)",
    re.I | re.S,
)


def manages_fewer_and_asks(text: str) -> bool:
    """Fewer reps managed, asked whether to do just those, with no pain said."""
    return bool(MANAGES_FEWER.search(text)) and not pain_said(text)


# The whole prescription asked for in one go, several of its parts named ("sets, reps, hold
# time and rest?", "the full plan: how many, how long, how often?"): the answer that states
# sets, reps, the hold and the rest together (the first session's).
_DOSE_PARTS = (
    r"\bsets?\b",
    r"\b(?:reps?|repetitions?)\b",
    r"\bhold\w*\b",
    r"\b(?:rest\w*|breaks?)\b",
)
WHOLE_PRESCRIPTION = re.compile(
    r"\b(?:whole|full|complete|entire|all the|everything|the lot|in one go|all in one|"
    r"all together|altogether|in full|summar\w*|rundown|run down|breakdown|recap)\b",
    re.I,
)


def asks_for_the_whole_prescription(text: str) -> bool:
    """Three or more parts of the dose named, or the hold and another with the whole asked
    for ("sets and reps" alone is the sets answer, which states both)."""
    named = [bool(re.search(part, text, re.I)) for part in _DOSE_PARTS]
    return not pain_said(text) and (
        sum(named) >= 3 or (sum(named) >= 2 and named[2] and bool(WHOLE_PRESCRIPTION.search(text)))
    )


# Lying face down asked for instead of kneeling, or kneeling ruled out ("knees won't take
# kneeling, can I lie on my front?", "could I do it flat on my belly instead?"): the
# lying-face-down version.
LYING_INSTEAD_OF_KNEELING = re.compile(
    r"(?=.*\b(?:lie|lying|laying|lay|flat|on (?:my|your|the) (?:front|belly|tummy|stomach)|"
    r"face ?down|prone)\b)"
    r"(?=.*\b(?:instead|rather than|alternative|without kneeling|not kneel\w*|"
    r"(?:can'?t|cannot|can not|couldn'?t|unable to|struggl\w* to|hard to|don'?t want to|"
    r"(?:won'?t|don'?t|doesn'?t) let me) "
    r"(?:\w+ )?(?:kneel|get on (?:my|all) (?:knees|fours)|go on all fours|be on all fours)|"
    r"kneeling (?:is|hurts|kills|isn'?t|is not|doesn'?t)\w*)\b)",
    re.I | re.S,
)


# Equipment as a speech recogniser hears it ("ankle waits", "resistant band", "exercise
# bawl"): the equipment, wherever the rules read it (nlp/spelling.py applies it too, so the
# selector reads it as well). Only beside the word that makes it equipment.
EQUIPMENT_SOUNDALIKES = (
    (
        re.compile(r"\bankle\s+(?:wait|weigh|wate|whey|wieght|weigt|wight)(s?)\b", re.I),
        r"ankle weight\1",
    ),
    (re.compile(r"\bresist(?:ant|ants|ence|ence's|ince)\s+band(s?)\b", re.I), r"resistance band\1"),
    (
        re.compile(
            r"\b(exercise|swiss|gym|stability|fit|yoga|pilates)\s+(?:bawl|bowl|bol|bal)(s?)\b", re.I
        ),
        r"\1 ball\2",
    ),
)


def equipment_heard(text: str) -> str:
    """The text with equipment misheard by a speech recogniser put right."""
    for soundalike, equipment in EQUIPMENT_SOUNDALIKES:
        text = soundalike.sub(equipment, text)
    return text


# Another exercise's form asked to be checked or corrected ("is my squat form ok?", "can you
# watch my deadlift technique?"): the other-exercise redirect, not the mirror answer.
_ANOTHER_EXERCISE = (
    r"planks?|squats?|deadlifts?|dead lifts?|lunges?|push[- ]?ups?|press[- ]?ups?|sit[- ]?ups?|"
    r"crunch(?:es)?|burpees?|pull[- ]?ups?|chin[- ]?ups?|bench press(?:es)?|glute bridges?|"
    r"hip thrusts?|clamshells?|clam shells?|bird[- ]?dogs?|dead[- ]?bugs?|kettlebell swings?|"
    r"shoulder press(?:es)?|bicep curls?|leg press(?:es)?|step[- ]?ups?|mountain climbers?"
)
OTHER_EXERCISE_FORM = re.compile(
    r"(?=.*\b(?:form|technique|posture|check\w*|look at|watch\w*|correct\w*|fix\w*|"
    r"right|properly|wrong)\b)"
    rf".*\b(?:my|the|a|your|doing|do)\s+(?:\w+\s+)?({_ANOTHER_EXERCISE})\b",
    re.I | re.S,
)


def other_exercise_form_asked(text: str) -> str | None:
    """The other exercise whose form a message asks about, or None."""
    found = OTHER_EXERCISE_FORM.search(text)
    return found.group(1).lower() if found else None


# Another exercise asked to be coached or led through ("coach me through a bridge", "can you
# guide me through some clamshells?", "talk me through a plank"): out of scope, never the
# start of a session of this one.
OTHER_EXERCISE_LED = re.compile(
    r"\b(?:coach|guide|walk|take|talk|lead|run|help|show|teach|get)\s+(?:me|us)\s+"
    r"(?:through|thru|with|into|how to do|how to|to do|started (?:on|with)|going (?:on|with))\s+"
    r"(?:(?:a|an|the|some|my|few|couple|of|set|sets|round|rounds|proper|quick|\d+)\s+)*"
    rf"((?:glute |hip )?bridges?|{_ANOTHER_EXERCISE})\b",
    re.I,
)


def other_exercise_to_be_coached(text: str) -> str | None:
    """The other exercise a message asks to be coached through, or None."""
    found = OTHER_EXERCISE_LED.search(text)
    return found.group(1).lower() if found else None


# Two days in a row asked about ("Sat and Sun ok?", "back to back days?", "two days
# running?"): the gap between sessions, 48 to 72 hours, not consecutive days. Sets or
# reps back to back are the rest between sets.
_DAY = (
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?|today|tomorrow|"
    r"yesterday)\b"
)
CONSECUTIVE_DAYS = re.compile(
    r"^(?!.*\b(?:sets?|reps?|lifts?|legs?|sides?|rounds?)\b)"
    r".*(?:\b(?:back[- ]to[- ]back|two in a row|consecutive|on the trot)\b"
    r"|\b(?:days?|nights?|mornings?|evenings?|sessions?|workouts?)\s+(?:in a row|running|"
    r"on the (?:trot|bounce)|after (?:another|each other|day))\b"
    r"|\bday after day\b"
    rf"|\b{_DAY}\s*(?:(?:and|then|n|to)\s|[&+/,]\s*)\s*(?:again\s+)?(?:on\s+)?{_DAY})",
    re.I | re.S,
)
# A named variation said with a place or someone's advice ("a trainer at the gym said use
# a ball", "saw in a class they lie flat on a bench"): that variation's answer, not where
# to do it. The bench is answered where the bed and bench are (too narrow to be safe).
_PLACE_OR_ADVICE = re.compile(
    r"\b(?:gym|class|classes|studio|pilates|yoga|physio\w*|trainer|instructor|someone|"
    r"somebody|friend|mate|pal|sister|brother|wife|husband|partner|people|video|youtube|"
    r"online|instagram|tiktok|internet|saw|seen|heard|told|said|says|recommend\w*|suggest\w*)\b",
    re.I,
)
NAMED_VARIATIONS = (
    ("ball_variation", re.compile(r"\b(?:ball|balls)\b", re.I)),
    ("resistance_band", re.compile(r"\b(?:band|bands|theraband|loop)\b", re.I)),
    (
        "ankle_weights",
        re.compile(r"\bankle\s+weights?\b|\bweights?\s+on\s+(?:my |the )?ankles?\b", re.I),
    ),
    ("in_bed", re.compile(r"\bbench\b", re.I)),
    (
        "lying_face_down_version",
        re.compile(
            r"\b(?:lying|lie|lay|laying) (?:flat|face ?down"
            r"|on (?:my|the|your) (?:front|belly|tummy|stomach))\b",
            re.I,
        ),
    ),
)


def variation_named_with_a_place(text: str) -> str | None:
    """The variation a message names beside a place or someone's advice, or None."""
    if not _PLACE_OR_ADVICE.search(text) or pain_said(text):
        return None
    key = next((key for key, names in NAMED_VARIATIONS if names.search(text)), None)
    if key == "ankle_weights" and WEIGHT_SAID.search(text):
        return None  # "5kg ones from the gym": how heavy, which the selector tells apart
    return key


WEIGHT_SAID = re.compile(
    r"\d\s*(?:kg|kgs|kilo|lb|lbs)|\b(?:kilos?|kilograms?|pounds?|lbs?)\b", re.I
)


# Which body part or muscles it works, asked as an either/or ("a back exercise or a bum
# one?", "is it for the legs or the core?"): the muscles-worked answer (glutes and lower
# back), said directly, not a choice of answers. Where to feel it asks where, not which.
_PART = (
    r"(?:lower back|back|bum|butt|buttocks?|glutes?|hamstrings?|legs?|thighs?|quads?|core|abs|"
    r"stomach|tummy|hips?|bottom)"
)
WHICH_PART_EITHER_OR = re.compile(
    r"^(?!.*\bfeel\w*\b)"
    r"(?=.*\b(?:exercises?|workouts?|moves?|work\w*|target\w*|hits?|train\w*|strengthen\w*|"
    r"muscles?|for (?:the|my|your)|build\w*|tone\w*)\b)"
    rf".*\b{_PART}\b(?:\s+(?:exercise|workout|move|one|thing|muscles?))?\W*\s*or\s+"
    rf"(?:an?\s+|the\s+|my\s+|your\s+|more\s+(?:of\s+)?(?:an?\s+)?)?{_PART}\b",
    re.I | re.S,
)


def asks_which_part_it_works(text: str) -> bool:
    return bool(WHICH_PART_EITHER_OR.search(text)) and not pain_said(text)


# A burn, tiredness or ache in the working muscles during the reps, asked whether it is
# normal ("bum burning by rep 8, is that right?"): where to feel it, which says a burn
# there is normal muscle effort and sharp pain is not. A sharp or joint pain is no effort.
MUSCLE_EFFORT_NORMAL = re.compile(
    r"^(?!.*\b(?:sharp|stabb\w*|shoot\w*|pins|needles|numb\w*|tingl\w*|joint|knees?|wrists?|"
    r"neck|shoulders?|spine|click\w*|pop\w*|next day|tomorrow|mornings?|yesterday|last night|"
    r"since|worried|after(?:wards)?\s+(?:the|a)\s+(?:day|night))\b)"
    r"(?=.*\b(?:burn\w*|tired\w*|tiring|fatigu\w*|achy|ache|aching|shak\w*|trembl\w*|wobbl\w*|"
    r"working hard|on fire|heavy)\b)"
    r"(?=.*(?:\b(?:normal|expected|ok|okay|fine|alright|all right|right|supposed to|meant to|"
    r"good sign|usual|bad sign)\b[^.!]*\?|\bis (?:that|it|this) (?:\w+ )?(?:normal|expected|"
    r"usual|ok|okay|fine|alright|right)\b|\bshould it\b))"
    r".*\b(?:muscles?|bum|butt|buttocks?|glutes?|cheeks?|hamstrings?|thighs?|backs? of (?:my|the) "
    r"legs?|reps?|lifts?|sets?|by the end|towards? the end)\b",
    re.I | re.S,
)


def asks_if_muscle_effort_is_normal(text: str) -> bool:
    return bool(MUSCLE_EFFORT_NORMAL.search(text)) and numbers.read_pain_score(text) is None


# One rep asked for, not the whole how-to ("talk me through a single rep", "what does one
# rep look like?", "what counts as a rep?"): the lift, the hold and the lowering.
_ONE_REP = r"(?:a|one|a single|just one|each|every|an? individual|1)\s+(?:reps?|repetitions?)\b"
ONE_REP_ASKED = re.compile(
    r"\b(?:walk|talk|take|run|guide|coach|step|lead)\s+(?:me|us)\s+(?:through|thru)\s+"
    + _ONE_REP
    + r"|\bwhat\s+(?:does|do|should|would)\s+"
    + _ONE_REP
    + r"\W*(?:(?:actually|exactly|really|even)\s+)?(?:look|involve|consist|include|mean|feel)"
    + r"|\bwhat(?:'?s| is| counts as| makes| makes up)\s+"
    + _ONE_REP
    + r"|\b(?:show|explain|describe|break down|demonstrate)\s+(?:me\s+|to me\s+)?(?:just\s+)?"
    + _ONE_REP
    + r"|\bhow\s+(?:does|do|should)\s+"
    + _ONE_REP
    + r"\W*go\b"
    + r"|\bhow\s+(?:do i|to)\s+do\s+(?:a|one|a single|just one)\s+(?:reps?|repetitions?)\b",
    re.I,
)


def asks_for_one_rep(text: str) -> bool:
    return bool(ONE_REP_ASKED.search(text)) and not pain_said(text)


# The start position asked as which position, with no part of the body named ("which
# position is it?", "what position do I get into?"): hands and knees, and the face-down
# version. A part's position (back, head, knees) or a position to sleep or sit in is not.
WHICH_POSITION_ASKED = re.compile(
    r"^(?!.*\b(?:back|spine|head|neck|chin|eyes?|hands?|arms?|wrists?|elbows?|shoulders?|"
    r"knees?|legs?|foot|feet|toes?|ankles?|hips?|pelvis|tummy|belly|body|sleep\w*|bed|sit\w*|"
    r"stand\w*|desk|car|baby|pain\w*|hurts?|sore|aches?)\b)"
    r".*\b(?:which|what) (?:starting |start |exact |body )?position\b"
    r"(?=\s*(?:\?|$|(?:is it|do i|do you|should i|shall i|am i|does it|to (?:start|begin|be)|"
    r"for (?:this|these|it|them|the (?:exercise|lifts?))|first|exactly|again)\b))",
    re.I | re.S,
)
# Another name of the exercise, or its short form ("PSLR", "prone SLR", "prone hip ext",
# "reverse leg raise", "glute kickback"), asked what it is ("what on earth is that?", "what
# does SLR stand for?", "same as this?"): the other-names answer, which says what it is.
_OTHER_NAME = (
    r"(?:p\.?s\.?l\.?r|s\.?l\.?r|p\.?h\.?e|prone\s+(?:s\.?l\.?r|(?:straight[- ]?)?leg\s+raise|"
    r"hip\s+ext\w*)|straight[- ]leg\s+raise|hip\s+ext(?:ension)?|reverse\s+leg\s+raise|"
    r"glute\s+kick[- ]?back)(?:e?s)?"
)
_EMPHASIS = r"(?:\s+(?:on earth|the (?:heck|hell)|in the world|exactly|even))?"
OTHER_NAME_ASKED = re.compile(
    rf"^\W*{_OTHER_NAME}(?:\s*\(?\d+\s*x\s*\d+\)?|\s*x\s*\d+)?\s*\?+\W*$"  # "prone SLR x10?"
    rf"|(?=.*\b{_OTHER_NAME}\b)(?:"
    rf".*\bwhat{_EMPHASIS}\s*(?:is|are|'s|s)\s+(?:an?\s+|the\s+)?{_OTHER_NAME}"
    r"(?:\s+(?:then|exactly|anyway|when it'?s at home))?\W*(?:$|[.?!])"
    rf"|.*\bwhat{_EMPHASIS}\s*(?:is|are|'s|s)\s+(?:that|this|it|those|these|they)"
    r"(?:\s+(?:exactly|then|meant to be|supposed to be|when it'?s at home))?\W*(?:$|[.?!])"
    rf"|.*\bwhat{_EMPHASIS}\s+(?:does|do)\s+(?:that|this|it|those|these|they|{_OTHER_NAME})\s+"
    r"(?:mean|stand for)\b"
    r"|.*\b(?:stands? for|short for|abbreviation|acronym|never heard of)\b"
    r"|.*\bsame (?:as|thing|exercise|one|move)\b"
    r"|.*\bis (?:that|it|this) (?:what (?:this|i'?m doing|we'?re doing)|this one|this exercise|"
    r"the same)\b)",
    re.I | re.S,
)


def asks_what_another_name_is(text: str) -> bool:
    return bool(OTHER_NAME_ASKED.match(text)) and not pain_said(text)


# Where to do it, or a small place or none named ("where's best for these?", "my flat is
# tiny, is there room?", "ok to do them in a hotel room?"): any flat, firm floor, a body
# length of space. Bed, mats and floors have their own answers; a pain is acted on first.
_ROOM_TO_EXERCISE_IN = (
    r"(?:office|hotel(?: room)?|work|workplace|living room|lounge|front room|kitchen|bedroom|"
    r"spare room|hallway|hall|landing|conservatory|garden|park|flat|apartment|studio|bedsit|"
    r"caravan|dorm(?: room)?|room)"
)
_DOING_IT = r"(?:do|doing|practi[sc]e|exercis\w*|train\w*|for (?:them|these|it|this|the lifts))"
WHERE_TO_DO_IT_ASKED = re.compile(
    r"^(?!.*\b(?:beds?|mattress|sofa|couch|carpet\w*|mat|mats|towel|pain\w*|hurts?|sore|aches?|"
    r"feel (?:it|this)|hands?|knees?|legs?|feet|foot|eyes?|look|buy|order|shop\w*)\b)(?:"
    rf".*\bwhere(?:'?s| is)?\s+(?:the\s+)?best\s+(?:(?:place|spot|room)\s+)?(?:to\s+|for\s+)?"
    rf"{_DOING_IT}\b"
    rf"|.*\bbest (?:place|spot|room|area)\s+(?:to|for)\s+{_DOING_IT}\b"
    r"|.*\bwhere\s+(?:should|can|do|shall|could|would|must|am)\s+(?:i|we|you)\s+(?:\w+\s+)?"
    r"(?:do|doing|practi[sc]e|exercise)\b"
    r"|.*\bhow much (?:room|space|floor ?space)\b"
    r"|.*\b(?:is there|have i got|do i have|will i have)\s+(?:enough\s+)?(?:room|space)\b"
    r"|.*\b(?:flat|room|bedroom|apartment|house|home|studio|bedsit|place)\s+(?:is|'?s)\s+"
    r"(?:\w+\s+)?(?:tiny|small|little|cramped|poky)\b(?=.*\b(?:ok|okay|matter|enough|fine|"
    r"work|still|where|can i|room|space)\b)"
    r"|.*\b(?:tiny|small|little|cramped|poky|limited|no|not (?:much|a lot of|enough)|"
    r"short of|barely any|hardly any)\s+(?:\w+\s+)?(?:flat|room|bedroom|space|apartment|"
    r"house|home|studio|bedsit|floor ?space|place)\b(?=.*\b(?:ok|okay|matter|enough|fine|"
    r"work|still|where|can i|is there (?:enough )?(?:room|space)|room for|space for|"
    r"do (?:it|them|these))\b)"
    rf"|.*\b(?:do|doing)\s+(?:it|them|these|this|the (?:exercises?|lifts?))\s+(?:\w+\s+)?"
    rf"(?:in|at)\s+(?:my\s+|the\s+|a\s+|an\s+)?(?:\w+\s+)?{_ROOM_TO_EXERCISE_IN}\b"
    # not what to wear ("in my work trousers")
    r"(?!\s+\w*(?:trousers|clothes|shoes|gear|kit|outfit|uniform|suit|jeans|boots|top|shirt|"
    r"skirt|dress|wear)\b)"
    r")",
    re.I | re.S,
)


def asks_where_to_do_it(text: str) -> bool:
    return bool(WHERE_TO_DO_IT_ASKED.match(text)) and not pain_said(text)


# A lift that stops short ("only get it halfway up", "it only goes a few inches"), asked
# whether it is ok or worth it: the smaller lift, which still works the muscles.
SHORT_LIFT_ASKED = re.compile(
    r"(?=.*\b(?:only|barely|hardly|not even|can'?t)\b)"
    r"(?=.*\b(?:lift\w*|rais\w*|get|gets|getting|bring|goes|go|comes|rises|moves?)\s+"
    r"(?:\w+\s+){0,3}?(?:(?:about|around|roughly|maybe|only|just|barely)\s+)?"
    r"(?:half ?way|part ?way|a few (?:inches|centimetres|centimeters|cm)|an inch|"
    r"a couple of inches|(?:a (?:little|tiny) bit |slightly )?off the (?:floor|ground|mat))\b)"
    r"(?=.*\b(?:ok|okay|fine|alright|all right|enough|worth|count|counts|matter|wast\w*|"
    r"point|pointless|work|working|still|bad|wrong|failing)\b)",
    re.I | re.S,
)


def asks_about_a_short_lift(text: str) -> bool:
    return bool(SHORT_LIFT_ASKED.match(text)) and not pain_said(text)


# One part's alignment asked as a choice between two positions ("thighs straight down or
# sloping back?", "elbows straight or soft?", "chin tucked or looking up?", "back flat or
# arched?"): that part's answer. The part named nearest before the "or" is the one asked
# about ("with my back flat, head up or down?" asks about the head); a "back" said as a
# direction ("neck tilted back") is no back.
_POSITION_WORD = (
    r"straight|bent|vertical|upright|angled|slanted|slanting|sloping|sloped|tilted|tipped|"
    r"up|down|upwards|downwards|forward|forwards|ahead|back|backwards|under(?:neath)?|behind|"
    r"in line|in a line|inline|level|flat|arched|rounded|curved|hollow|dipped|sagging|"
    r"locked|soft|tucked|raised|dropped|perpendicular|diagonal|wide|narrow|apart|floor|ground"
)
PART_POSITION_CHOICE = re.compile(
    rf"\b(?:{_POSITION_WORD})\b[^?.!;]{{0,40}}?\bor\b(?:\s+(?:should|do|does|is|are|"
    rf"am|must|can|shall)\s+(?:i|it|they|my \w+|the \w+)(?:\s+be)?)?[^?.!;]{{0,30}}?"
    rf"\b(?:{_POSITION_WORD})\b",
    re.I,
)
_PARTS_FOR_ALIGNMENT = (
    ("arms_and_thighs", r"\b(?:arms?|elbows?|hands?|thighs?|upper legs?)\b"),
    ("neck_and_head", r"\b(?:neck|head|chin|eyes|gaze)\b"),  # "face down" is the body
    (
        "back_position",
        r"\b(?:(?:my|the|your|upper|lower)\s+back|spine)\b|^\W*back\b"
        r"|\bback\s+(?:flat|arched|straight|level|rounded|curved|sag\w*|dip\w*)\b",
    ),
)


def part_whose_position_is_a_choice(text: str) -> str | None:
    """The answer for the body part whose position is asked as a choice, or None."""
    choice = PART_POSITION_CHOICE.search(text)
    if choice is None or pain_said(text):
        return None
    # the part named before the choice's "or", nearest to it
    before = text[: choice.start() + choice.group(0).lower().index(" or") + 1]
    nearest = None
    for key, part in _PARTS_FOR_ALIGNMENT:
        for found in re.finditer(part, before, re.I):
            if nearest is None or found.end() > nearest[0]:
                nearest = (found.end(), key)
    return nearest[1] if nearest else None


ANSWER_RULES = (
    ("instead_of_physio", CLINICIAN_PLAN_DIFFERS.search),
    *OPERATION_RULES,
    ("injury_prevention", NAMES_INJURY_PREVENTION.search),  # "5 a side" is then no count
    ("one_rep", asks_for_one_rep),  # "walk me through one rep": lift, hold, lower; no set-up
    # A pregnancy or a birth said decides, whatever name of the exercise is used ("hip
    # extensions" is no hip trouble, "leg lifts" no question about the lift).
    ("pregnancy", PREGNANCY_SAID.search),
    ("postnatal", AFTER_A_BIRTH.search),
    # "went from 15 to 20 and now my back aches": back to the level before, then how bad
    ("pain_when_adding_reps", pain_after_a_step_up),
    # "dodgy back for years, would these help or make it worse?": that condition's answer
    ("low_back_pain", back_trouble_weighs_help_or_harm),
    ("hip_pain", hip_trouble_weighs_help_or_harm),
    # Asking to step up from a dose in the starting range outweighs a good morning after.
    # From the bent-knee version, what comes next is the straight leg, whatever the count.
    ("from_bent_to_straight_leg", lambda text: bool(BENT_TO_STRAIGHT.search(text))),
    ("the_build_up_target", asks_what_next_in_the_starting_range),
    # "it's getting easy, what number do I work up to before adding weight?": the target,
    # not pain with more reps nor the weights
    ("the_build_up_target", asks_the_build_up_target),
    ("no_pain_the_next_day", NO_WORSE_THE_NEXT_MORNING.search),
    # "sets, reps, hold and rest?": one answer stating them all, not the hold's alone
    ("first_session", asks_for_the_whole_prescription),
    # "Sat and Sun ok?", "two days running?": the 48 to 72 hours between sessions
    (
        "gap_between_sessions",
        lambda text: bool(CONSECUTIVE_DAYS.search(text)) and not pain_said(text),
    ),
    # "arms straight or bent?", "head up or down?": the part named, not the hold or the back
    *(
        (key, lambda text, key=key: part_whose_position_is_a_choice(text) == key)
        for key, _ in _PARTS_FOR_ALIGNMENT
    ),
    # "why squeeze my tummy first, it's a leg exercise?": that cue's answer, which says why
    *WHY_A_CUE_RULES,
    *DOING_A_CUE_RULES,
    # "the name says prone, so lying flat?": a doubt about the position, not about names;
    # kneeling or lying asked as a choice is the start position, whatever else is said
    # ("... she rushed off" is no speed asked)
    ("lying_face_down_version", LYING_INSTEAD_OF_KNEELING.search),
    ("starting_position", KNEEL_OR_LIE_ASKED.search),
    ("starting_position", WHICH_POSITION_ASKED.search),
    ("lowering_the_leg", LOWERS_FAST.search),
    ("speed", SPEED_ASKED.search),
    ("number_of_sets", HOW_MANY_ROUNDS.search),
    ("other_names", WRITTEN_NAME_ASKED.search),
    ("other_names", BARE_NAME_ASKED.search),
    ("other_names", asks_what_another_name_is),  # "PSLR x10 on my sheet, what's that?"
    ("where_to_do_it", asks_where_to_do_it),  # "my flat's tiny, where's best?"
    ("number_of_sets", MORE_SETS_OR_REPS.search),
    # "I'm 80, is 15 too many for me?": fewer is fine; a pain said is acted on first
    ("cutting_back", lambda text: bool(DOSE_DOUBTED.search(text)) and not pain_said(text)),
    ("age", ASKS_ABOUT_AGE.search),
    ("neck_and_head", WHERE_TO_LOOK.search),
    ("tummy_squeeze", CORE_ON_OR_OFF.search),
    ("starting_position", STARTS_FACE_DOWN.search),
    ("starting_position", SETS_UP.search),
    ("starting_position", KNEES_PLACED.search),
    ("reps_per_set", REMIND_HOW_MANY.search),
    ("back_position", BACK_OUT_OF_LINE.search),
    ("how_high_to_lift", GOES_ABOVE_LEVEL.search),
    ("how_high_to_lift", HIGHER_IS_BETTER.search),
    ("how_high_to_lift", ABOVE_LEVEL_ASKED_IF_BETTER.search),
    ("how_high_to_lift", HIGHER_MEANS_BETTER.search),
    ("sessions_per_week", HOW_OFTEN_A_WEEK.search),
    ("sessions_per_week", COUNT_A_WEEK.search),
    ("too_many_reps", DID_TOO_MANY.search),
    ("easier_versions", lambda text: bool(SCALES_IT_BACK.search(text)) and not pain_said(text)),
    ("soreness_the_next_day", SORER_THE_NEXT_MORNING.search),
    ("breaks_when_tired", tired_and_asks_to_go_on),
    ("cutting_back", manages_fewer_and_asks),
    ("harder_variations", asks_what_next_at_the_top),
    ("rest_between_sets", REST_BETWEEN_REPS.search),
    ("knee_straight", LOCKS_THE_KNEE.search),
    ("pain_when_adding_reps", PAIN_WITH_MORE_WORK.search),
    ("hip_pain", HIP_TROUBLE_ASKS_IF_IT_SUITS.search),
    ("postnatal", AFTER_A_BIRTH.search),
    ("bent_knee_version", CANT_KEEP_IT_STRAIGHT.search),
    ("switching_legs", ONE_SIDE_ONLY.search),
    ("who_it_is_for", CONDITIONS_ASKED.search),
    # "a back exercise or a bum one?": which muscles, answered directly (back or hip
    # weighed is who it is for, just above)
    ("muscles_worked", asks_which_part_it_works),
    ("how_to_do_it", EXPLAIN_SIMPLY.search),
    ("how_high_to_lift", AS_HIGH_AS_POSSIBLE.search),
    ("smaller_lift", SHORT_OF_LEVEL.search),
    ("smaller_lift", asks_about_a_short_lift),  # "only gets halfway, is that any use?"
    ("keeping_the_pelvis_still", BODY_TURNS_TO_A_SIDE.search),
    ("first_session", WHOLE_SESSION.search),
    ("ball_variation", BALL_NAMED.search),
    # "someone at the gym said use a ball": the ball's answer, not where to do it
    *(
        (key, lambda text, key=key: variation_named_with_a_place(text) == key)
        for key, _ in NAMED_VARIATIONS
    ),
    ("harder_variations", OTHER_VERSIONS_ASKED.search),
    ("low_back_pain", OWN_BACK_TROUBLE_WORTH_IT.search),
    ("back_position", BACK_SHAPE_CHOICE.search),
    ("how_long_to_hold", LONGER_HOLD.search),
    ("how_long_to_hold", HOW_LONG_UP.search),
    ("how_much_pain_is_ok", HOW_MUCH_PAIN.search),
    # "bum burning after 8 reps, normal?": yes, muscle effort (sharp pain is not); a mild
    # ache while lifting or a score said is how much pain is fine, just above
    ("where_to_feel_it", asks_if_muscle_effort_is_normal),
    ("benefits", lambda text: bool(WHY_DO_IT_AT_ALL.search(text)) and not pain_said(text)),
    ("soreness_the_next_day", PAIN_EXPECTED_NEXT_DAY.search),
    ("form_tips", ASKS_FOR_TIPS.search),
    ("common_mistakes", lambda text: bool(MISTAKES_ASKED.search(text)) and not pain_said(text)),
    ("posture", POSTURE_HELPED.search),
    ("the_lift", HOW_TO_LIFT_THE_LEG.search),
    ("glutes", WORKS_THE_GLUTES.search),
    ("weight_loss", CALORIES_ASKED.search),
    ("ankle_weights", asks_when_to_add_weight),
    ("keeping_the_pelvis_still", asks_to_keep_the_pelvis_still),
)


# The sentences of a message: a question asked after a story ends the last one.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def answer_named_by_words(text: str) -> str | None:
    """The answer a question's own words settle, or None (the selector decides). A story
    told first can hide the question: then its last sentence, if a question, decides
    (with no pain said anywhere, which is answered from how bad it is)."""
    text = equipment_heard(text)
    key = _first_rule_that_settles(text)
    if pain_said(text) or key in SAID_BEFORE_THE_QUESTION:
        return key
    sentences = SENTENCE_BREAK.split(text.strip())
    if len(sentences) > 1 and "?" in sentences[-1]:
        # "Started these last week ... my leg was shaking. What do I do if I tire mid-set?":
        # the question asked decides, not a word of the story before it
        return _first_rule_that_settles(sentences[-1]) or key
    return key


# Answers that a story told before the question decides (an operation, a clinician's
# plan, an age, a birth, a condition): the question after it is asked in its light.
SAID_BEFORE_THE_QUESTION = (
    "instead_of_physio", "after_knee_surgery", "after_hip_replacement", "after_back_surgery",
    "after_surgery", "age", "postnatal", "pregnancy", "hip_pain", "low_back_pain", "who_it_is_for",
)  # fmt: skip


def _first_rule_that_settles(text: str) -> str | None:
    return next((key for key, settles in ANSWER_RULES if settles(text)), None)


# Whether the exercise suits a condition, asked with its pain word in it ("I get hip pain
# on stairs, would this be good for it?", "does it help knee pain too?"): the answer on
# that condition, not "how bad is it?". Asking whether to exercise today, or a score
# said, is still a pain report.
CONDITION_ANSWERS = (
    "hip_pain", "low_back_pain", "who_it_is_for", "how_it_helps_the_back", "injury_prevention",
    "after_back_surgery", "after_hip_replacement", "after_knee_surgery", "after_surgery",
)  # fmt: skip
ASKS_IF_IT_SUITS = re.compile(
    r"\b(?:good|any good|(?:a )?good idea|helpful|useful|suitable|recommended|beneficial|meant|"
    r"designed)\s+for\b"
    # "is this one suitable?", "ok for someone like me?", "hip trouble, is it ok for that?":
    # suitability, said with no "for" or with the condition pointed back to
    r"|\b(?:suitable|unsuitable)\b"
    r"|\b(?:ok|okay|alright|right) for (?:me|someone like me|that|this|it|them)\b(?! to)"
    r"|\b(?:help|helps|fix|fixes|ease|eases|treat|treats|work for|works for)\s+(?:with\s+)?"
    r"(?:that|it|this|my|a|the|hip|hips|back|backs|knee|knees|people)\b"
    r"|\bonly (?:for|good for|meant for) (?:backs?|hips?|the back|the hip|back pain)\b"
    # "would it sort it out?", "will this get rid of it?"
    r"|\bsorts? (?:it|that|this|them|things|my \w+(?: \w+)?) out\b|\bget rid of\b"
    # "would this be any use?", "is it worth doing?"
    r"|\b(?:be|is|it|this|these|they|them)\s+(?:\w+\s+)?(?:any (?:use|good|help)|of any use|"
    r"useful|helpful|worth (?:doing|it|trying|a go|a try|bothering))\b"
    r"|\bworth (?:doing|trying|a go|a try)\W*$"
    # "would these be a sensible thing to try?" (not "is it wise to carry on today?")
    r"|\b(?:be|is|it|this|these|they|them)\s+(?:\w+\s+)?" + SENSIBLE_TO_TRY +
    # "will they actually help or am I wasting my time?"
    # (not with pain today: whether to exercise now is asked from how bad it is)
    r"|^(?!.*\b(?:today|tonight|right now|at the moment)\b).*?\b(?:will|would|could|can|does|do)"
    rf"\s+{THIS_EXERCISE}\s+(?:actually\s+|really\s+|even\s+)?(?:help|work|do anything"
    r"|do any good|make a difference)\b|\bwast(?:e|ing) (?:of )?(?:my )?time\b",
    re.I,
)


# A question about the exercise's names ("is X the same as Y?", "what's it called?"):
# only then is the other-names answer the answer. A name said in passing ("my mate says
# prone leg lifts will sort it out, is that what they're for?") leaves the rest of the
# question to decide.
ASKS_ABOUT_NAMES = re.compile(
    r"\b(?:names?|named|called|call (?:it|this|them|that)|known as|aka|same (?:as|thing|"
    r"exercise|one|move)|different (?:from|to|than)|difference|another word|other word|"
    r"term|stands? for|short for|mean|means|meaning|what is|what'?s|whats|what are)\b|"
    + NAME_ASKED_IF_THIS
    + "|"
    + BARE_NAME_ASKED.pattern,
    re.I,
)


# An age or an older or younger person said: only then is the age answer the answer. A
# grandchild or a family event ("strong for my grandson's wedding") says no age.
SAYS_AN_AGE = re.compile(
    r"\b(?:ages?|aged|ageing|aging|old|older|oldies?|elderly|young|younger|years? old|yrs|"
    r"pensioners?|seniors?|retired|teen\w*|child(?:ren)?|kids?|grand(?:ma|mother|ad|dad|father|pa)s?|"
    r"grann(?:y|ies)|nans?|\d0s|(?:six|seven|eigh|nine)ties)\b"
    r"|\b(?:i'?m|i am|(?:he|she)'?s|(?:he|she) is|turn(?:ed|ing|s)?|at) \d{2,3}\b",
    re.I,
)
# Answers the selector may pick on a word said in passing: each needs its subject asked.
SUBJECT_ASKED = {"other_names": ASKS_ABOUT_NAMES, "age": SAYS_AN_AGE}


def answer_beyond_a_passing_word(
    text: str, entities: list[dict], ranked: list[str], answer_key: str
) -> str | None:
    """For an answer picked on a word said in passing (a name of the exercise, a grandchild)
    with its subject not asked about: the condition the question asks the exercise to help,
    else the selector's next reading."""
    if answer_key not in SUBJECT_ASKED or SUBJECT_ASKED[answer_key].search(text):
        return None
    if ASKS_IF_IT_SUITS.search(text) and (condition := condition_answer(entities, None, text)):
        return condition
    return next((key for key in ranked if key not in SUBJECT_ASKED), None)


# The condition a painful part names, when the selector leaned to another answer ("my
# hip hurts when I walk, good for that?" read as the walking answer).
CONDITION_OF_PART = {"hip": "hip_pain", "lower back": "low_back_pain"}


def _says_pain(entities: list[dict]) -> bool:
    return any(entity.get("entity") in ("pain_word", "pain_kind") for entity in entities)


def condition_answer(entities: list[dict], answer_key: str | None, text: str = "") -> str | None:
    """The answer on the condition a question is about: the selector's, if it is one,
    otherwise the one for the painful part named (not a part in the exercise's own name:
    "my knee aches, would prone hip extensions help?" names no hip trouble)."""
    if answer_key in CONDITION_ANSWERS:
        return answer_key
    in_a_name = [match.span() for match in EXERCISE_NAMED.finditer(text)]
    for entity in entities:
        start = entity.get("start")
        if isinstance(start, int) and any(a <= start < b for a, b in in_a_name):
            continue
        if entity.get("entity") == "body_part":
            part = canonical("body_part", str(entity.get("value", "")))
            if part in CONDITION_OF_PART:
                return CONDITION_OF_PART[part]
    return None


# A pain's level said first, then where: "moderate now, my left hip", "it's severe, low
# back". Safety first: a rating is acted on, never taken for a question.
RATING_FIRST = re.compile(
    r"^\W*(?:(?:it'?s|its|it is|now|still|the pain(?:'s| is)|pain(?:'s| is)|getting)\s+)*"
    r"(?:mild|moderate|severe)(?:\s+(?:now|again|today|pain|ache))?"
    r"\s*(?:[,.;:!-]|$|\s+(?:in|on|at|down|around|across|at the)\b)",
    re.I,
)


def rates_a_part(entities: list[dict], text: str) -> bool:
    return (
        "?" not in text
        and bool(RATING_FIRST.match(text))
        and any(entity.get("entity") == "body_part" for entity in entities)
    )


# The exercise asked about as the subject ("will it help?", "are these any good for..."):
# a desk or a diet said beside it is only background.
THE_EXERCISE_ASKED_ABOUT = re.compile(
    rf"\b(?:will|would|does|do|can|could|is|are|might) (?:{THIS_EXERCISE}|(?:this|the) one)\b",
    re.I,
)


def asks_if_something_else_suits(intent: str, entities: list[dict], text: str) -> bool:
    """Whether a diet, supplement, sport or the like helps a condition: asked of that thing,
    not of the exercise, however the pain word in it was read. A score said is a report."""
    kind = _off_topic_kind(entities)
    return (
        (intent in ("pain", QUESTION_INTENT, "nlu_fallback") or intent in INTENT_TOPICS)
        and kind is not None
        and kind != "illness"
        and bool(ASKS_IF_IT_SUITS.search(text))
        and not THE_EXERCISE_ASKED_ABOUT.search(text)
        and not CAN_I_EXERCISE.search(text)
        and numbers.read_pain_score(text) is None
    )


def asks_if_it_suits_a_condition(
    intent: str, text: str, answer_key: str | None, entities: list[dict] = ()
) -> bool:
    """A question whether the exercise helps a painful condition, read (or about to be
    read, for its pain word) as a pain report."""
    return (
        intent in ("pain", QUESTION_INTENT)
        and (intent == "pain" or _says_pain(entities))
        and condition_answer(list(entities), answer_key, text) is not None
        and bool(ASKS_IF_IT_SUITS.search(text))
        and not CAN_I_EXERCISE.search(text)
        and numbers.read_pain_score(text) is None
    )


def pain_from_doing_more(intent: str, text: str, answer_key: str | None) -> bool:
    """Pain put down to more reps or sets, or a worse next morning asked about, which
    its own answer covers."""
    return intent in (QUESTION_INTENT, "pain", "feel_worse") and (
        (answer_key in PAIN_ANSWERS and bool(PAIN_ANSWERS[answer_key].search(text)))
        # "added the ankle weight and now it aches": step back, whatever the selector read
        or pain_after_a_step_up(text)
    )


# "I'll do it tomorrow", "maybe later": no session now (coach/dialogue.py
# acknowledges it), never a question for the answer selector.
DEFERS_TO_LATER = re.compile(
    r"\b(?:i'?ll|ill|i will|i'?m going to|im going to|gonna|going to|will)\s+(?:do|try|have a go"
    r" at|start|get to)(?: (?:it|them|this|that|those|these|my \w+(?: \w+)?|the \w+))?"
    r"(?: \w+)? (?:tomorrow|later|tonight|another (?:time|day)|next time|in the (?:morning|"
    r"evening)|on \w+day|at the weekend)\b|"
    r"^\W*(?:(?:ok|okay|cool|fine|right|hmm+)\W+)*(?:maybe |perhaps |probably )?"
    r"(?:later|tomorrow|another time|another day)(?: then| maybe| perhaps)?\W*$|"
    r"\bmaybe (?:later|tomorrow)\b",
    re.I,
)


# Another day asked about, said as a follow-up to when the next session is ("what about
# tomorrow evening then", "and the day after?", "would Thursday be ok?"): the schedule for
# that day, never a pain or a start. The whole message is the day and a question's frame.
_A_DAY = (
    r"(?:the (?:day|one) after(?: tomorrow| that)?|tomorrow|tmrw|tonight|the weekend|"
    r"(?:(?:this|next|on|this coming) )?(?:mon|tues?|wednes|wed|thurs?|fri|satur|sat|sun)(?:day)?)"
    r"(?: (?:morning|afternoon|evening|night|then))?"
)
ANOTHER_DAY_ASKED = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|right|well|hmm+|then|but|or|oh)\W+)*"
    r"(?P<frame>(?:what|how) about|would|will|could|is|does|can i (?:do|go|try)(?: it| them)?|"
    r"what if i (?:do|did|go|went)(?: it| them)?|and)?\W*"
    rf"(?:on |for |at )?{_A_DAY}"
    r"(?:\W+(?:then|instead|be (?:ok|okay|fine|alright|better|good|any good|too soon)|work|"
    r"any good|ok|okay|fine|alright|better|too soon|enough|at least))*\W*$",
    re.I,
)


# "fine, I'll do it", "ok start it then", "go on then, let's do it": a go-ahead in a few
# words, never a question for the answer selector (after a session declined it means that
# session; coach/dialogue.py starts it).
GOES_AHEAD = re.compile(
    r"^\W*(?:(?:ugh|ok|okay|fine|alright|right|actually|yeah|yes|yep|oh|well|go on|then|"
    r"oh go on|sure)\W+)*"
    r"(?:i'?ll do (?:it|them|the session)|(?:start|begin) (?:it|them|the session)|"
    r"let'?s do (?:it|them|this)|do it|go on|let'?s go|start)"
    r"(?:\W+(?:then|after all|anyway|now|please|let'?s do it|let'?s go))*\W*$",
    re.I,
)


def asks_about_another_day(text: str) -> bool:
    """ "How about Sunday?", "tomorrow evening then?": a day asked about, alone."""
    match = ANOTHER_DAY_ASKED.match(text)
    return match is not None and (bool(match.group("frame")) or "?" in text)


# Asking to begin a session, said as a request ("can we start the exercise", "shall I do
# my reps now", "ready for set one", "start the workout please"): a start, never a
# question about how to do it. The whole message is the request: "can I do the exercise
# with a bad knee?" goes on, and "how do I start?" asks how.
_OPENERS = (
    r"(?:hi|hiya|hey|hello|ok|okay|right|so|well|um+|uh+|er+m?|yeah|yes|alright|coach|"
    r"morning|evening|afternoon|good (?:morning|evening|afternoon)|hi there|hey there)"
)
# Before a word that can only mean the whole session ("session", "workout", "routine"),
# any few words name it ("my prone leg lift session", "the glute workout"), except a
# number or an amount, which asks about the dose ("can I do two sessions", "another one").
_NOT_A_NAME = (
    r"(?!(?:another|more|extra|less|fewer|second|third|two|three|\d+|longer|shorter|harder|"
    r"easier|other|with|if|when|after|before|without)\b)"
)
_SESSION_THING = (
    r"(?:(?:the|my|a|our|this|todays|today s|some|these|those)\s+)?(?:(?:"
    rf"(?:{_NOT_A_NAME}[a-z'-]+\s+){{1,4}}(?:session|workout|routine|training|program|"
    r"programme))|(?:(?:leg|prone|first|"
    r"guided|exercise|workout|next)\s+)*(?:session|workout|exercises?|excercises?|routine|"
    r"reps|lifts|leg lifts|leg raises|raises|set|sets|set (?:one|1)|first set|training|program|"
    # the exercise by its other names, as the article gives them
    r"programme|hip extensions?|straight leg raises|leg extensions)"
    # the exercise by any of its names, or "the exercise thing": "start the leg lift thing"
    rf"|(?:prone\s+)?(?:{_names_spelled()}|exercise)s?"
    r"(?:\s+(?:thing|things|stuff|exercises?|session|workout|routine))?)"
)
ASKS_TO_START = re.compile(
    rf"^\W*(?:{_OPENERS}\W+)*(?:"
    rf"(?:can|could|shall|may|should)\s+(?:we|i|you)\s+(?:(?:please|now|just)\s+)?"
    rf"(?:start|begin|do|get started with|get going with|kick off|crack on with|get on with|"
    rf"have a go at|run|go through|lead me through|take me through|guide me through)"
    rf"\s+{_SESSION_THING}"
    rf"|(?:let'?s|lets|let us)\s+(?:(?:just|now)\s+)?(?:start|begin|do|kick off|get going with|"
    rf"crack on with|get on with)\s+{_SESSION_THING}"
    rf"|(?:please\s+)?(?:start|begin|kick off|run|lead|guide me through|take me through)\s+"
    rf"{_SESSION_THING}"
    rf"|(?:i'?m|im|i am|we'?re|were)\s+ready\s+(?:for|to (?:start|begin|do))\s+{_SESSION_THING}"
    rf"|ready\s+(?:for|to (?:start|begin|do))\s+{_SESSION_THING}"
    rf"|(?:i\s+|i'?d\s+)?(?:want|wanna|would like|like)\s+to\s+(?:start|begin|do)\s+"
    rf"{_SESSION_THING}"
    # their own exercise begun now: "beginning today's routine", "I'm starting my reps";
    # "starting position?" names no session, so it stays the start position's question
    rf"|(?:(?:i'?m|im|i am|we'?re|were)\s+)?(?:just\s+)?(?:starting|beginning|kicking off|"
    rf"starting on|getting going with|getting started (?:on|with))\s+"
    rf"(?:my|our|todays|today'?s|today s)\s+{_SESSION_THING}"
    rf")(?:\W+(?:now|then|please|today|coach|thanks|with you|together))*\W*$",
    re.IGNORECASE,
)


# Asking to be guided through the exercise, after saying who or why first: "I'm 70 and my
# GP suggested these. Could you take me through them?" The request is what is asked; the
# context before it is no question to answer.
_GUIDE_ME = re.compile(
    rf"^\W*(?:{_OPENERS}\W+)*(?:(?:can|could|would|will)\s+you\s+)?"
    r"(?:(?:please|just)\s+)?(?:(?:take|guide|lead|walk|talk|run|get)\s+(?:me|us)\s+"
    r"(?:through|started on|going (?:on|with))|help\s+(?:me|us)\s+(?:do|through))\s+"
    r"(?:them|these|those|the lot|it all|it|this)"
    r"(?:\W+(?:now|then|please|today|coach|thanks|thank you))*\W*$",
    re.IGNORECASE,
)


# A go-ahead that ends a message after what the user says about themselves: "first time,
# bit nervous. lets go", "... so here I am, let's get started".
_GO_AHEAD = re.compile(
    rf"^\W*(?:{_OPENERS}\W+)*(?:(?:let'?s|lets|let us)\s+(?:(?:just|now)\s+)?(?:go|start|begin|"
    r"get (?:going|started|cracking|on with it)|crack on|do (?:this|it|them)))"
    r"(?:\W+(?:now|then|please|today|coach|thanks))*\W*$",
    re.IGNORECASE,
)
# What a message of context must not be: a question, said without its question mark.
_OPENS_A_QUESTION = re.compile(
    r"^\W*(?:how|what|why|when|where|which|who|should|can|could|is|are|do|does|will|would)\b",
    re.I,
)


def a_part_asks(text: str) -> bool:
    """A remark with a question after it, unmarked: "not today. how often do I do these"."""
    parts = re.split(r"[.!;,]+\s*|\s+-+\s+", text)
    return any(_OPENS_A_QUESTION.match(part) for part in parts[1:] if part.strip())


# A dose said back for a check after a start request ("shall we start? 2 sets of 12,
# yeah?", "let's begin, it's 3x8 isn't it"): the start, whose reply states the dose.
DOSE_CHECKED = re.compile(
    r"^\W*(?:(?:so|and|it'?s|its|it is|that'?s|thats|that is|we'?re doing|were doing|i do|"
    r"i'?m doing|im doing|doing|still)\s+)*"
    rf"(?:\d+\s*[x\u00d7]\s*\d+|{numbers.NUMBER}\s+(?:sets?|rounds?)\s+of\s+{numbers.NUMBER}"
    rf"|{numbers.NUMBER}\s+(?:reps?|lifts))(?:\s+(?:reps?|each|a side|per (?:leg|side)|each leg))*"
    r"\W*(?:right|correct|yeah|yes|yep|isn'?t it|is it|aren'?t they|innit|no|or not)?\W*$",
    re.I,
)


# A start asked with nothing named ("can we begin", "let's get going"), before a dose.
_BARE_START = re.compile(
    rf"^\W*(?:{_OPENERS}\W+)*(?:(?:can|could|shall|may) (?:we|i) (?:(?:please|now|just) )?"
    r"(?:start|begin|get (?:started|going)|go)|(?:let'?s|lets|let us) (?:(?:just|now) )?"
    r"(?:start|begin|go|get (?:started|going))|(?:i'?m |im |i am )?ready to (?:start|begin|go))"
    r"(?:\W+(?:now|then|please|coach))*\W*$",
    re.I,
)


def asks_to_start_then_checks_the_dose(text: str) -> bool:
    """A start request, then the dose said back to check it: a start."""
    parts = re.split(r"[?.!,]|\s+-+\s+", text.strip(), maxsplit=1)
    if len(parts) != 2 or not DOSE_CHECKED.match(parts[1]):
        return False
    return bool(ASKS_TO_START.match(parts[0]) or _BARE_START.match(parts[0]))


# Asking leave, not asking to begin: "I had surgery in May. Can I start leg lifts?"
_ASKS_LEAVE = re.compile(r"^\W*(?:can|could|should|may|shall|must)\s+i\b", re.I)


def asks_to_start_after_context(text: str) -> bool:
    """A message whose last sentence or clause asks to start or to be taken through the
    exercise, after words that only give context (no question, no pain): a start."""
    last = re.split(r"(?<=[.!?])\s+|[,;]\s*|\s+-+\s+", text.strip())[-1]
    context = text.strip()[: len(text.strip()) - len(last)].strip()
    if not context or "?" in context or _OPENS_A_QUESTION.match(context):
        return False
    if numbers.mentions_pain(context) and not numbers.says_no_pain(context):
        return False
    if numbers.read_pain_score(context) is not None or _ASKS_LEAVE.match(last):
        return False  # "back's about a 2, can we ...": the score; "can I start?" asks leave
    starts = (ASKS_TO_START.match(last.replace("?", " ")), _GUIDE_ME.match(last))
    return any(starts) or bool(_GO_AHEAD.match(last))


# Where the user is, reported: "in position now", "down on all fours", "I'm on my hands and
# knees on the rug". Said after the steps or before a session, it means ready: no question
# about the mat or the floor it names.
_PLACE = r"(?:on|in|at|by)\s+(?:the|my|a)\s+[a-z]+(?:\s+[a-z]+)?"
REPORTS_POSITION = re.compile(
    rf"^\W*(?:{_OPENERS}\W+)*(?:(?:i'?m|im|i am|we'?re|were)\s+)?(?:{_PLACE}\W+(?:and\s+)?)?"
    r"(?:(?:i'?m|im|i am)\s+)?(?:(?:now|all|down|back|already|set up|kneeling)\s+)*"
    r"(?:(?:in|into) (?:the )?(?:start(?:ing)? )?position|on all fours|on (?:my )?hands and knees|"
    r"in place|positioned|(?:got|gotten|getting|get) (?:into|in) (?:the )?(?:start(?:ing)? )?"
    r"position|kneeling)"
    rf"(?:\s+{_PLACE})?"
    r"(?:\W+(?:now|then|coach|already|(?:and )?ready(?: to go| now)?|all set|good to go))*\W*$",
    re.IGNORECASE,
)


# A start command that ends what someone says about where they are: "on the mat now,
# get me started", "I'm down on the floor so count me in". The floor or the mat named
# first is where they are, not a question about equipment.
START_ME_OFF = re.compile(
    r"(?:^|[,.;!]\s*|\s(?:so|and|now|then|ok|okay)\s+)(?:(?:please|just|ok|okay|now)\s+)?"
    r"(?:start me off|start us off|start me up|get me started|get me going|get us going|"
    r"start the count(?:ing)?|start counting|count me (?:in|off)|start me)"
    r"(?:\W+(?:now|then|please|coach|thanks))*\W*$",
    re.IGNORECASE,
)
# A session command typed as a real word one slip away ("stat session"): the command,
# only beside a session word, where nothing else fits.
_START_SLIP = re.compile(
    r"\b(?:stat|star|stay|strat|statr|stsrt)(?=\s+(?:(?:my|the|a|todays|today'?s)\s+)?"
    r"(?:session|workout|exercises?|leg lifts|reps|routine)\b)",
    re.IGNORECASE,
)


def without_command_slips(text: str) -> str:
    """The message with a mistyped start command put right ("stat session")."""
    return _START_SLIP.sub("start", text)


# Difficulty said through a negation: a bag of words hears "hard" in "not hard enough"
# and "easy" in "it isn't easy", so the classifier's too_hard / too_easy is turned
# round when the words negate it ("my legs aren't working hard enough", "not even
# tired", "barely a challenge"; "it's not that easy", "I can barely do one").
NOT_HARD = re.compile(
    r"(?:\bnot|n't|\bno longer|\bnever)\s+(?:even\s+|really\s+|very\s+|that\s+|so\s+)?"
    r"(?:getting\s+|feeling\s+|working\s+|being\s+)?"
    r"(?:hard|difficult|tough|challenging|challenged|tiring|tired|demanding|taxing)\b"
    r"|\b(?:hard|difficult|tough|challenging|demanding)\s+enough\b"
    r"|\b(?:barely|hardly|not)\s+(?:a|any|much of a)\s+(?:challenge|effort|workout|struggle)\b",
    re.IGNORECASE,
)
NOT_EASY = re.compile(
    r"(?:\bnot|n't)\s+(?:very\s+|that\s+|so\s+|at all\s+|exactly\s+)?easy\b"
    r"|\b(?:barely|hardly|only just)\s+(?:do|manage|get|lift|finish|make|raise|hold)\b",
    re.IGNORECASE,
)


# "Not ready for the next level" is staying put, not the "ready for it" of too_easy.
NOT_READY = re.compile(r"(?:\bnot|n't)\s+(?:feel\s+|feeling\s+|quite\s+|yet\s+)?ready\b", re.I)


# A body part and a word for a mild ache, not negated: a pain report however calm it
# sounds ("lower back a touch sore", "hip's achy, same as before"), never "I'm fine".
MILD_ACHE = re.compile(
    r"^(?!.*(?:\bno\b|\bnot\b|n't\b|\bwithout\b|\bgone\b|\bnone\b|\bzero\b))"
    r"(?=.*\b(?:hips?|back|knees?|legs?|glutes?|bum|buttocks?|thighs?|hamstrings?|wrists?|"
    r"shoulders?|neck|groin)\b)"
    r".*\b(?:mild|mildly|achy|achey|aching|aches?|sore|niggl\w*|twinge\w*|tender|throbb\w*|"
    r"twing\w*|hurts?|hurting|painful)\b",
    re.I,
)


def _difficulty_turned_round(intent: str, text: str) -> str | None:
    if intent == "too_easy" and NOT_READY.search(text):
        return "stay_level"
    easy, hard = NOT_HARD.search(text), NOT_EASY.search(text)
    if intent == "too_hard" and easy and not hard:
        return "too_easy"
    if intent == "too_easy" and hard and not easy:
        return "too_hard"
    return None


# "Will it save what I did?", "is that recorded?", "do you keep track of my reps": about
# the user's own record, answered from it (ask_progress), never by an answer about the exercise.
ASKS_ABOUT_THE_RECORD = re.compile(
    r"\b(?:will|does|did|do|is|was|has|have|are|were|can|could) (?:it|that|this|you|they|those|"
    r"these|my (?:reps|sets|session|workout|progress)|today|everything|what i did)"
    r"(?: \w+)? (?:be )?(?:saved?|saving|recorded?|recording|logged?|logging|stored?|"
    r"kept|keep(?:ing)? (?:track|a record|a note|note)|remember(?:ed)?|tracked)\b|"
    r"\b(?:save|record|log|store|keep|remember) (?:what i (?:did|done|managed)|my (?:reps|sets|"
    r"session|progress|workout)|(?:the )?(?:reps|sets) i did|that session|today'?s session)\b",
    re.IGNORECASE,
)

# The total asked in a word or two ("total?", "so total today", "grand total then"): the
# session's total, as "how many did I do today?" is.
TERSE_TOTAL = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|right|well|then|what'?s|whats|what is|the|my|our|grand|"
    r"running|overall)\W+)*(?:total|tally|sum)"
    r"(?:\W+(?:then|now|today|tonight|so far|for today|in all|please|pls|again|was|is|count|"
    r"reps?))*\W*$",
    re.I,
)


# "What was the hold time again?": a question the classifier read as a choice to stay at
# this level ("again" pulls it there). A level choice is never worded as what, how long or
# how many; the question gets its answer.
ASKS_WHAT_OR_HOW = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|sorry|wait|um+|er+m?|hang on|remind me)\W+)*"
    r"(?:what(?:'?s| is| was| were)|how (?:long|many|much|often|slow|slowly|high|far)|which)\b",
    re.IGNORECASE,
)


# Intents a start said with other words is misread as: a question, chat, a greeting.
NOT_A_START_INTENTS = (
    QUESTION_INTENT,
    "nlu_fallback",
    "out_of_scope",
    "greet",
    "thank",
    "ask_next_session",
)


# A question, or a message the classifier could not place or put beyond the exercise.
ASKED_OR_UNREAD = (QUESTION_INTENT, "nlu_fallback", "out_of_scope")


def about_this_exercise(text: str) -> bool:
    """Where to do it, another name asked what it is, which position or a short lift: about
    this exercise, whatever a home, an office or an "x10" made the classifier think."""
    return (
        asks_where_to_do_it(text)
        or asks_what_another_name_is(text)
        or bool(WHICH_POSITION_ASKED.search(text) or KNEEL_OR_LIE_ASKED.search(text))
        or asks_about_a_short_lift(text)
    )


def rule_verdict(
    intent: str, entities: list[dict], text: str = "", answer_key: str | None = None
) -> str | None:
    """The intent a rule settles, or None when no rule applies (used by the NLU pipeline).

    A sign the red-flag screen finds is a red flag whatever the classifier thought;
    a "red flag" it cannot confirm stays one, and the coach asks a yes/no question
    about it (coach/safety.py) rather than sending someone to A&E or reading it
    as a pain report. A question about a sign ("is back pain at night a bad sign?")
    goes the same way, so that the coach's safety step answers it.
    """
    screening = red_flags.check(text)
    if screening.flag is not None or screening.about is not None:
        return "red_flag"
    if ASKS_A_DEVICE.search(text) and screening.suspected is None:
        return "out_of_scope"  # "set a timer for five minutes": no sign in it, a device job
    if intent == "red_flag":
        return "red_flag"
    if intent not in ("affirm", "deny", "set_reminder", "cancel_reminder") and (
        asks_about_another_day(text)
    ):
        return "ask_next_session"  # "how about Sunday?": that day's schedule, never a pain
    if intent in (QUESTION_INTENT, "nlu_fallback", "out_of_scope") and GOES_AHEAD.match(text):
        return "start_session"  # "fine, I'll do it": a go-ahead, not a question about it
    if other_exercise_to_be_coached(text):
        return "out_of_scope"  # "coach me through a bridge": another exercise, never a start
    if written_in_another_script(text):
        return "nlu_fallback"
    if is_a_count(text) or corrects_a_count(text):
        return "count_rep"
    if short := chat_short_form(text):
        return short
    if HOW_ARE_YOU.match(text):
        return "greet"  # whatever DIET made of it, however unsure: small talk
    if BARE_NAME_ASKED.match(text):
        return QUESTION_INTENT  # "PHE??": which exercise that is, however unsure DIET was
    if intent in (QUESTION_INTENT, "nlu_fallback", "start_session", "ask_technique") and (
        asks_for_one_rep(text)
    ):
        return QUESTION_INTENT  # "talk me through one rep": the rep's answer, never a session
    if intent in (QUESTION_INTENT, "nlu_fallback", "ask_next_session") and ASKS_TO_START.match(
        without_command_slips(text).replace("?", " ")
    ):
        return "start_session"  # "can we strat the excercise?" (spelling fixed first)
    if intent in (
        QUESTION_INTENT,
        "nlu_fallback",
        "ask_next_session",
        "out_of_scope",
    ) and asks_to_start_then_checks_the_dose(without_command_slips(text)):
        return "start_session"  # "can we begin? 2 sets of 10, right?": the start states it
    read_as_talk = intent in NOT_A_START_INTENTS or (
        intent in INTENT_TOPICS and intent not in ("pain", "ask_medical")
    )
    if read_as_talk and asks_to_start_after_context(text):
        return "start_session"  # "I'm 70, my physio set these. Take me through them?"
    if read_as_talk and "?" not in text and REPORTS_POSITION.match(text):
        return "start_session"  # "down on all fours on the rug": ready, not the mat answer
    if intent in (QUESTION_INTENT, "nlu_fallback", "out_of_scope") and (
        "?" not in text and START_ME_OFF.search(text)
    ):
        return "start_session"  # "on the mat, get me started": a start, not a mat question
    if intent in (QUESTION_INTENT, "nlu_fallback", "out_of_scope") and (
        ASKS_ABOUT_THE_RECORD.search(text)
    ):
        return "ask_progress"  # "will it save what I did?": the record, not the benefits
    if intent in (QUESTION_INTENT, "nlu_fallback", "repeat") and (
        numbers.read_total_said_back(text) is not None
    ):
        return "ask_progress"  # "that's 20 in all, right?": the running total, no answer said
    if TERSE_TOTAL.match(text):
        # "total then?": the session's total, in a word, whatever DIET made of so few words
        return "ask_progress"
    if (
        intent == QUESTION_INTENT
        and "?" not in text
        and DEFERS_TO_LATER.search(text)
        and not a_part_asks(text)
    ):
        return "deny"  # "I'll do them tomorrow": no question, so no answer said first
    if intent in (QUESTION_INTENT, "nlu_fallback") and scored_pain_asked_before_exercising(text):
        return "pain"  # "back's a 6 today, still do the session?": the score's advice, no answer
    if pain_from_doing_more(intent, text, answer_key):
        return QUESTION_INTENT
    if intent in AT_THE_TOP_MISREAD and asks_what_next_at_the_top(text) and not pain_said(text):
        return QUESTION_INTENT  # "2x20, zero pain, what next?": the harder versions, no pain
    if intent in (*AT_THE_TOP_MISREAD, "out_of_scope") and asks_the_build_up_target(text):
        return QUESTION_INTENT  # "easy now, what do I work up to?": the target, however read
    if intent == "too_hard" and ASKS_FOR_A_BREAK.search(text):
        return QUESTION_INTENT
    if intent in ("out_of_scope", "nlu_fallback") and TIRED_AND_ASKS_FOR_A_BREAK.search(text):
        return QUESTION_INTENT  # "worn out after a few, can I stop a bit?": the break answer
    if intent in ("missed_sessions", "nlu_fallback", "out_of_scope") and EXPLAIN_SIMPLY.search(
        text
    ):
        return QUESTION_INTENT  # "never exercised, explain it simply": how to do it, not a gap
    if intent == "stay_level" and answer_key and ASKS_WHAT_OR_HOW.match(text):
        return QUESTION_INTENT
    if turned := _difficulty_turned_round(intent, text):
        return turned
    if intent in ("feel_fine", "continue_session") and MILD_ACHE.search(text):
        return "pain"  # "knee's a bit tender still": a mild ache said, not "fine, go on"
    if question_after_passing_pain(text):
        # "hip's a bit sore, anyway how many sets?": the pain is never lost; the coach
        # answers the question and asks how bad in the one turn (no answer said by Rasa)
        return "pain"
    if (
        intent == QUESTION_INTENT
        and own_pain_asked_before_exercising(text)
        # a worse next morning or a dose doubted has its own answer, said with the pain's
        and not answer_named_by_words(text)
    ):
        return "pain"  # "my knee's sore today, ok to train?": how bad decides, no answer first
    if intent in ("out_of_scope", "nlu_fallback") and about_this_exercise(text):
        # "tiny flat, where's best?", "PSLR x10, what's that?": ours, however DIET read it
        return QUESTION_INTENT
    if asks_if_something_else_suits(intent, entities, text):
        return "out_of_scope"  # "is keto good for back pain?": the diet is what is asked about
    if asks_if_it_suits_a_condition(intent, text, answer_key, entities):
        return QUESTION_INTENT
    if intent in (QUESTION_INTENT, "nlu_fallback") and rates_a_part(entities, text):
        return "pain"  # "it's moderate now, in my lower back": how bad it is, not a question
    if intent in (QUESTION_INTENT, "nlu_fallback", "pain") and asks_for_a_product(text):
        return "out_of_scope"  # "best mattress for back pain?": a product, no pain said now
    if OTHER_PART_SYMPTOM.search(text):
        return "ask_medical"  # "why does my elbow crack?": the doctor or physio, no diagnosis
    if SELF_DIAGNOSED.search(text) and numbers.read_pain_score(text) is None:
        # "I reckon I've got a kidney stone, what now?": no diagnosis, who can tell
        return "pain" if pain_said(text) else "ask_medical"
    if pain.NAMES_A_DIAGNOSIS.search(text) and numbers.read_pain_score(text) is None:
        # "is it arthritis, it aches in bed?": never a diagnosis, whatever everyday thing
        # is said with it; a pain said is then rated, with who can tell what it is
        return "pain" if pain_said(text) else "ask_medical"
    if PRACTITIONER_FOR_A_PART.search(text) and not ASKS_FOR_A_CLINICIAN.search(text):
        return "ask_medical"  # "an osteo or a chiro for my jaw?": the doctor or physio
    if intent != "pain" and LOOK_AT_A_BODY_THING.search(text) and not pain_said(text):
        return "ask_medical"  # "can you check this lump?": the doctor or pharmacist
    if (
        intent != "pain"
        and (SYMPTOMS_NAMED.search(text) or not EXERCISE_WORDS.search(text))
        and ASKS_IF_I_HAVE_SOMETHING.search(text)
        and not pain_said(text)
    ):
        return "ask_medical"  # "could I be anaemic, always tired?": no diagnosis, who can
    if (
        intent in ASKED_OR_UNREAD
        and HEALTH_MATTER_ASKED.search(text)
        # an illness or supplement the NLU named has its own redirect, naming who can help;
        # sleep's is about mattresses, so sleeplessness is the doctor's
        and _off_topic_kind(entities) in (None, "sleep")
        and not pain_said(text)
        and numbers.read_pain_score(text) is None
    ):
        return "ask_medical"  # "what's a healthy cholesterol level?": the doctor or pharmacist
    if intent in ASKED_OR_UNREAD and TREATS_AN_INJURY.search(text):
        return "ask_medical"  # "how do I strap a rolled wrist?": the doctor or pharmacist
    if intent in (QUESTION_INTENT, "nlu_fallback") and about_a_pets_body(text):
        return "out_of_scope"  # the dog's bad leg is no pain of the user's, nor the exercise's
    if (
        intent in ("pain", "nlu_fallback", "out_of_scope", QUESTION_INTENT)
        and _asked_about_another(entities, text)
        and numbers.read_pain_score(text) is None
    ):
        return "out_of_scope"  # "is rowing ok for my sore hips?": the other sport, no score
    if (
        intent in ("pain", "nlu_fallback", "out_of_scope", QUESTION_INTENT)
        and compares_another_exercise(entities, text)
        and numbers.read_pain_score(text) is None
    ):
        return "out_of_scope"  # "squats or lunges, which is best for the glutes?": not ours
    if intent in ("pain", "nlu_fallback", "out_of_scope", QUESTION_INTENT) and (
        asks_for_training_for_a_part(text)
    ):
        return "out_of_scope"  # "a stretch for a tight calf?": other training, no pain report
    if reports_pain(intent, entities, text) or (
        intent not in ("pain", "feel_worse") and pain_then_asks_to_exercise(text)
    ):
        return "pain"
    if asks_about_medicine(intent, entities, text):
        return "ask_medical"
    if names_another_exercise(intent, entities, answer_key, text):
        return "out_of_scope"
    if intent in (QUESTION_INTENT, "nlu_fallback", "out_of_scope") and other_exercise_form_asked(
        text
    ):
        return "out_of_scope"  # "is my plank form right?": not ours, whatever the hips said
    if asks_for_other_training(intent, entities, text, answer_key):
        return "out_of_scope"
    if asks_off_topic(intent, entities, text, answer_key):
        return "out_of_scope"
    if (
        (intent in (*ASKED_OR_UNREAD, "start_session") or intent in INTENT_TOPICS)
        and intent not in ("pain", "ask_medical")
        and OFF_TOPIC_REQUEST.search(text)
    ):
        # "quick curry recipe?": an everyday request, not a dose asked (a stop or a count
        # said beside the weather is left to its own intent)
        return "out_of_scope"
    if intent in (QUESTION_INTENT, "nlu_fallback") and ASKS_FOR_A_CLINICIAN.search(text):
        return "out_of_scope"
    if intent == QUESTION_INTENT and only_about_a_pet(text) and not answer_named_by_words(text):
        return "out_of_scope"
    if intent in (QUESTION_INTENT, "nlu_fallback") and (
        GEAR_FOR_ANOTHER_SPORT.search(text)
        or EVERYDAY_LIFE.search(text)
        or OPENING_HOURS.search(text)
    ):
        return "out_of_scope"
    if intent in ("out_of_scope", "nlu_fallback") and ASKS_WHY_A_CUE.search(text):
        return QUESTION_INTENT  # "is the tummy squeeze really needed?": that cue's answer
    if intent in ("out_of_scope", "nlu_fallback") and asks_when_to_add_weight(text):
        return QUESTION_INTENT  # "when can I add some resistance?": the ankle weight's answer
    if intent != QUESTION_INTENT and OTHER_VERSIONS_ASKED.search(text):
        return QUESTION_INTENT  # "other versions of it?", whatever DIET made of it: the variations
    return None


def corrected_intent(
    intent: str, entities: list[dict], text: str = "", answer_key: str | None = None
) -> str:
    """The intent after the rule-based corrections above."""
    return rule_verdict(intent, entities, text, answer_key) or intent


def topic_for(intent: str, entities: list[dict]) -> str:
    """The answer topic: the intent after the same corrections the NLU applies."""
    return INTENT_TOPICS.get(corrected_intent(intent, entities), "out_of_scope")


def answer_question(
    intent: str, entities: list[dict], state: State, offer_more: bool = True, text: str = ""
) -> Reply:
    topic = topic_for(intent, entities)
    if intent == "out_of_scope" and (
        _off_topic_kind(entities) or asks_for_training_for_a_part(text)
    ):
        # The NLU read the text and settled it: "is keto good for back pain?" names
        # a body part and pain, but is no pain report.
        topic = "out_of_scope"
    answer = answers.answer_for(topic)
    reply = Reply(updates={"last_topic": topic, "pending_offer": None})
    if topic == "out_of_scope" and ASKS_FOR_A_CLINICIAN.search(text):
        reply.say(answers.FINDING_A_CLINICIAN)
    elif topic == "out_of_scope" and ASKS_A_DEVICE.search(text):
        reply.say(answers.DEVICE_JOBS)
    elif topic == "out_of_scope" and (
        # "is my plank form right?": the exercise named, whether or not the NLU tagged it
        exercise := _other_exercise(entities)
        or other_exercise_form_asked(text)
        or other_exercise_to_be_coached(text)
    ):
        reply.say(answers.other_exercise_answer(exercise))
    elif topic == "out_of_scope" and (kind := _off_topic_kind(entities)):
        reply.messages.append(Message("", response=off_topic_response(kind)))
    elif topic == "out_of_scope" and OPENING_HOURS.search(text):
        reply.messages.append(Message("", response=off_topic_response("errand")))
    elif topic == "out_of_scope" and PRODUCT_RECOMMENDED.search(text):
        reply.messages.append(Message("", response=off_topic_response("sleep")))
    elif topic == "out_of_scope" and (asks_for_training(text) or OTHER_MOVES.search(text)):
        # "good stretches for tight calves?": another exercise, though none is named
        reply.say(answers.other_exercise_answer(answers.OTHER_TRAINING))
    elif topic == "medical" and pain.NAMES_A_DIAGNOSIS.search(text):
        reply.say(f"{pain.CANT_DIAGNOSE} {pain.MEANWHILE}")  # "could it be a trapped nerve?"
    elif answer.offer and offer_more:
        reply.say(f"{answer.short} {answer.offer}", YES_NO_BUTTONS)
        reply.updates["pending_offer"] = topic
    else:
        reply.say(answer.short)
    return reply


def greet() -> Reply:
    return Reply().say(f"{answers.GREETING} {answers.CAPABILITIES}")


def expand(state: State) -> Reply:
    """The follow-up for "tell me more": the last topic's detail, offered or not."""
    topic = state.pending_offer or state.last_topic
    detail = answers.answer_for(topic).detail if topic in answers.ANSWERS else None
    if not detail:
        return Reply(updates={"pending_offer": None}).say(answers.NOTHING_TO_EXPAND)
    return Reply(updates={"pending_offer": None}).say(detail)


def reply_to_offer(accepted: bool, state: State) -> Reply:
    if not state.pending_offer:
        text = answers.ACKNOWLEDGE_YES if accepted else answers.ANYTHING_ELSE
        return Reply().say(text)
    if accepted:
        return expand(state)
    return Reply(updates={"pending_offer": None}).say(answers.ANYTHING_ELSE)


# -- questions answered by Rasa responses (retrieval intent faq) ----------------------

# Ask rather than guess: readings at least this likely are offered as buttons
# when the classifier is unsure; below it, the plain "didn't catch that".
CANDIDATE_MIN_CONFIDENCE = 0.1
MAX_CANDIDATES = 3
# pending_offer while the coach waits for a pick: "choose:" and the keys offered.
CHOOSING = "choose:"
PLACES = {
    "first": 0, "1st": 0, "one": 0, "1": 0, "second": 1, "2nd": 1, "two": 1, "2": 1,
    "middle": 1, "third": 2, "3rd": 2, "three": 2, "3": 2, "last": -1,
}  # fmt: skip


# "How many reps...?" wants a number: an answer without one is the wrong answer, however
# sure the selector was ("how many reps do I start with" is not the start position).
ASKS_HOW_MANY = re.compile(r"\bhow (?:many|much)\b", re.IGNORECASE)
_A_NUMBER = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|dozen|"
    r"once|twice|a minute|a few)\b",
    re.IGNORECASE,
)


def answer_fits_question(text: str, answer_texts: list[str]) -> bool:
    """False when a how-many question got an answer that says no number at all."""
    if not ASKS_HOW_MANY.search(text) or not answer_texts:
        return True
    return any(_A_NUMBER.search(answer) for answer in answer_texts)


def answer_response(key: str) -> str:
    return f"utter_{QUESTION_INTENT}/{key}"


def answer_title(key: str) -> str:
    """How a "did you mean" button names an answer: its key, read out."""
    return key.replace("_", " ")


def answer_candidates(
    intent_ranking: list[dict], selector_ranking: list[dict]
) -> tuple[tuple[str, float], ...]:
    """The answers worth offering when the classifier was unsure: the selector's best
    few, when a question about the exercise is itself a likely reading."""
    question = max(
        (
            float(entry.get("confidence") or 0)
            for entry in intent_ranking
            if entry.get("name") == QUESTION_INTENT
        ),
        default=0.0,
    )
    if question < CANDIDATE_MIN_CONFIDENCE:
        return ()
    return selector_readings(selector_ranking)


def selector_readings(selector_ranking: list[dict]) -> tuple[tuple[str, float], ...]:
    """The selector's likeliest answers, best first, whatever the intent classifier said."""
    found = []
    for entry in selector_ranking:
        key = str(entry.get("intent_response_key") or "")
        confidence = float(entry.get("confidence") or 0)
        if "/" in key and confidence >= CANDIDATE_MIN_CONFIDENCE:
            found.append((key.split("/", 1)[1], confidence))
    return tuple(found[:MAX_CANDIDATES])


_STOP_WORDS = {"a", "an", "the", "of", "to", "and", "or", "for", "in", "on", "it", "is", "do"}


def _pairs(text: str) -> set[tuple[str, str]]:
    words = [w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP_WORDS]
    return set(zip(words, words[1:], strict=False))


def named_among(text: str, candidates: tuple[tuple[str, float], ...]) -> str | None:
    """The one answer of several whose own two words the question says ("how long between
    sessions" names the gap between sessions, not the rest between sets), or None."""
    said = _pairs(text)
    pairs = [_pairs(answer_title(key)) for key, _ in candidates]
    named = [
        key
        for at, (key, _) in enumerate(candidates)
        if (pairs[at] - set().union(*(p for i, p in enumerate(pairs) if i != at))) & said
    ]
    return named[0] if len(named) == 1 else None


def did_you_mean(candidates: tuple[tuple[str, float], ...]) -> Reply:
    titles = [answer_title(key) for key, _ in candidates]
    spoken = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " or " + titles[-1]
    buttons = tuple(
        (title[0].upper() + title[1:], f'/choose_answer{{"answer": "{key}"}}')
        for title, (key, _) in zip(titles, candidates, strict=True)
    )
    offered = CHOOSING + ",".join(key for key, _ in candidates)
    return Reply(updates={"pending_offer": offered}).say(
        f"{answers.DID_YOU_MEAN}: {spoken}?", buttons
    )


def chosen_by_place(pending_offer: str | None, text: str) -> str | None:
    """The answer a user picked by its place ("the second one") among those offered."""
    if not (pending_offer or "").startswith(CHOOSING):
        return None
    keys = pending_offer[len(CHOOSING) :].split(",")
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        place = PLACES.get(word)
        if place is not None and -len(keys) <= place < len(keys):
            return keys[place]
    return None

"""Red-flag screen: the signs in what the user says that mean "stop and see a clinician".

Rules, not a classifier: red flags are rare in chat logs, a miss is costly, and
every decision here can be read, tested and argued with. The signs themselves,
what makes each one, its urgency, its advice, its yes/no question and its own
examples and near misses, are data a clinician can review: red_flags.yml beside
this file (from NICE NG59 and shared/reference/clinical-notes.md). This module
is the engine that reads it; it holds no clinical knowledge of its own.

How it works: over a blank English tokenizer, a matcher finds the YAML's phrases
(specs of word choices, matched slot by slot, never spelled out), each labelled
with a concept (NUMB, SADDLE, ...) or a sign's own name. A sign's `made_of` rules
say which labels must occur together, in one clause or one message, for the sign
to count. A phrase is dropped when it is denied ("no numbness", "I haven't lost
control of my bladder") or explained by words beside it ("my foot fell asleep",
"I've lost weight dieting").

When the rules do not confirm a sign but one of its `suspect` rules matches (a
part of the sign without the rest: "my bladder feels odd"), check() reports the
sign as suspected, and the coach asks the sign's yes/no question instead of
guessing. The borderline decisions are written beside the signs in the YAML.

A message that asks about a sign rather than reports it ("is back pain at night a
bad sign?", "I read that numbness down below is serious": a question word or what
was read comes first, and no "I" or "my" outside the question) comes back as
`about`: the coach explains the sign, and asks about an emergency sign too, or about
any sign asked as "is it normal to ...?" (whoever asks that may well have it).
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache, partial
from itertools import product
from pathlib import Path

import spacy
import yaml
from spacy.tokens import Doc

from coach import numbers, protocol

SIGNS_FILE = Path(__file__).with_name("red_flags.yml")
# Labels that say nothing about a sign on their own.
# A denial said after the signs it denies ("numbness down below, weak legs, none of that").
DENIED_AFTER = "DENIED_AFTER"
# "I said no", an answer that denies only the signs after ASKED_IF_HAD ("asked if I had ...").
SAID_NO, ASKED_IF_HAD = "SAID_NO", "ASKED_IF_HAD"
DENIES_IT = "DENIES_IT"  # "but I don't have it", after a question about a sign
# "Not dieting", "eating the same": the weight was not meant to go.
NOT_DIETING = "NOT_DIETING"
NOT_SIGN_WORDS = frozenset(
    {"ODD", "CLEARED", "ASKING", "HEARSAY", "OWN_REPORT", "RESOLVED", "LONG_AGO", DENIED_AFTER,
     "NOT_LIKE_ME", "UNDER_CARE", "WORE_OFF", "INFO_FOR", "IN_GENERAL", "IS_IT_NORMAL",
     "USED_TO", "NO_SUCH_SIT", "AFTER_BACK_HURT", NOT_DIETING, "OWN_SETTING",
     "TREATS_OTHERS", SAID_NO, ASKED_IF_HAD, DENIES_IT, "KIN_HAS_IT", "LONG_EFFORT",
     "THEY_EXERCISE", "NORMAL_FOR_YOUR", "FEARED", "FEAR_AHEAD", "LATER", "WILL",
     "WITH_BACK_PAIN", "SHOULD_I_WORRY", "NOT_PAIN_THING", "JUST_MINE",
     "REPS_DONE", "CONTENT"}
)  # fmt: skip
# The concept that makes a message a question about the signs rather than a report of one:
# "is back pain at night a bad sign?", "I read that numbness down below is serious".
ASKING, HEARSAY = "ASKING", "HEARSAY"
# A question about a case that may come, not one the user has: "if it ever happens".
IN_GENERAL = "IN_GENERAL"
# Said to be over or fine: "I'm fine", "cleared up".
RESOLVED, UNHURT = "RESOLVED", "UNHURT"
# What the question is for when not for the user: "asking for a leaflet I'm making".
INFO_FOR = "INFO_FOR"
# How long it has been going on, said after the question: the user's own sign.
OWN_REPORT = "OWN_REPORT"
# "Is it normal to ...?": asked by someone who may well have the sign.
IS_IT_NORMAL = "IS_IT_NORMAL"
# Not pain, yet lingering or worse at night: "a rash that won't clear" (see _hits).
NOT_PAIN_THING = "NOT_PAIN_THING"
# "Should I worry about ...?": asked by someone who may well have the sign, too.
SHOULD_I_WORRY = "SHOULD_I_WORRY"
# "... after hurting my back": the sign asked about is tied to the asker's own back.
AFTER_BACK_HURT = "AFTER_BACK_HURT"
# "Is it normal to ... during sex / when I lie down?": a setting of the asker's own life.
OWN_SETTING = "OWN_SETTING"
# "Is it normal for your legs to give out?": "your" for the asker's own body.
NORMAL_FOR_YOUR = "NORMAL_FOR_YOUR"
# When a sign started or how long it has lasted: "since Monday", "all day", "still".
SINCE_WHEN = frozenset({"LASTING", "DAYS_SINCE", "LONG_WHILE", "NEW"})
# Said of the past, and said to be over: together, a sign that has gone.
PAST_AND_GONE = (frozenset({"USED_TO", "LONG_AGO"}), frozenset({RESOLVED}))
EMERGENCY = "emergency"  # same-day urgent care now (possible cauda equina)
SOON = "soon"  # see a doctor/physio promptly; stop exercise advice
URGENCIES = (EMERGENCY, SOON)


@dataclass(frozen=True)
class RedFlag:
    urgency: str  # EMERGENCY or SOON
    sign: str  # a short key, e.g. "bladder", "saddle_numbness", "below_knee"
    description: str  # plain English for the sign, used in the reply
    question: str = ""  # the yes/no question the coach asks when it is unsure


@dataclass(frozen=True)
class Rule:
    """A sign is found when `needs` (a label from each set) occur close together in one
    clause and each set in `context` anywhere in the message, unless an `unless` word
    in that clause (or, with unless_in_message, anywhere) explains it away."""

    sign: str
    needs: tuple[frozenset[str], ...]
    context: tuple[frozenset[str], ...] = ()
    unless: frozenset[str] = frozenset()
    unless_in_message: bool = False
    # Words that make someone else the subject ("my husband fell off a ladder"): then the
    # coach asks instead, unless a `someone_else_fine` word says they are fine.
    someone_else: frozenset[str] = frozenset()
    someone_else_fine: frozenset[str] = frozenset()
    # Concepts that explain the sign away when each group is said anywhere in the message,
    # not denied: "had a temperature last month, long gone now" ([RESOLVED, LONG_AGO]).
    unless_said: tuple[frozenset[str], ...] = ()
    # Concepts that explain the sign away when said in the sign's own clause: "the pain at
    # night has gone", but not "the pain wakes me at night, the stiffness has eased".
    unless_said_here: frozenset[str] = frozenset()
    # Concepts that explain the sign away from the sign's own clause, or from anywhere when
    # the sign's clause is not the user's own: "a crash on the bypass held me up" and "there
    # was a crash, so I'm late", but not "got rear-ended on Friday, the traffic was awful".
    unless_said_near: frozenset[str] = frozenset()
    # The `unless` words count in the clause just before the sign's, in the same sentence:
    # "sat on a hard bench for two hours, my bum went numb".
    unless_before: bool = False


@dataclass(frozen=True)
class Screening:
    """What one message says: a sign found, or a sign the coach should ask about."""

    flag: RedFlag | None = None
    suspected: RedFlag | None = None
    # Words of the signs seen at all, even if denied or explained away ("no numbness",
    # "from kneeling"): then the screen has read the message and found no sign in it.
    recognised: bool = False
    # A question about a sign, not a report of it ("is numbness in the groin serious?"):
    # the coach explains the sign and what to do if it applies, without raising the flag.
    about: RedFlag | None = None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------------------
# The YAML, read once at import: a broken file stops the server at start, with
# the entry at fault in the message, rather than the first user who needs it.
# ---------------------------------------------------------------------------


class SignsFileError(ValueError):
    pass


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key said twice in one mapping: PyYAML keeps the last
    silently, so a second entry for a sign or concept would hide the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise SignsFileError(
                    f"{Path(str(self.name)).name}: duplicate key {key!r} on line {line}"
                    f" (first on line {seen[key]})"
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def _load(path: Path) -> dict:
    loader = _UniqueKeyLoader(path.read_text(encoding="utf-8"))
    loader.name = str(path)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise SignsFileError(f"{path.name}: not a mapping of signs, concepts and words")
    for key in ("signs", "concepts", "word_lists", "word_groups", "spellings", "advice", "ages",
                "questions", "replies"):  # fmt: skip
        if not isinstance(data.get(key), dict):
            raise SignsFileError(f"{path.name}: '{key}' is missing or not a mapping")
    return data


DATA = _load(SIGNS_FILE)
WORD_LISTS: dict[str, frozenset[str]] = {
    name: _words(words) for name, words in DATA["word_lists"].items()
}


def _word_set(text: str | None, where: str) -> frozenset[str]:
    """Words and, in capitals, named word lists: "POSITIONAL asleep" -> a set of words."""
    found: set[str] = set()
    for word in (text or "").split():
        if word.isupper() and len(word) > 1:
            if word not in WORD_LISTS:
                raise SignsFileError(f"{where}: no word list {word}")
            found |= WORD_LISTS[word]
        else:
            found.add(word)
    return frozenset(found)


SPELLINGS: dict[str, str] = dict(DATA["spellings"])
# Said in capitals only: "ED" is erectile dysfunction, "Ed" is a name.
ABBREVIATIONS: dict[str, str] = dict(DATA.get("abbreviations") or {})
_ABBREVIATION = (
    re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ABBREVIATIONS)) + r")(?!\w)")
    if ABBREVIATIONS
    else None
)
# Runs of characters read as one word before the words are split: "24 7", "24-7" and
# "24 hours a day" are "24/7" (a number each, they would say nothing).
REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(str(item["pattern"]), re.IGNORECASE), str(item["read_as"]))
    for item in DATA.get("rewrites") or ()
)


def _soundalike(entry: dict) -> tuple[re.Pattern[str], str]:
    """One row of the soundalike table as a pattern: what a speech recogniser writes for
    a sign word ("sad all" for saddle), read as that word only next to one of the words
    it needs (just `after` or just `before` it), or anywhere when it names none."""
    if not isinstance(entry, dict) or not entry.get("heard") or not entry.get("read_as"):
        raise SignsFileError(f"soundalikes: {entry!r} needs what is heard and read_as")
    heard = "|".join(
        r"\s+".join(map(re.escape, alt.split())) for alt in str(entry["heard"]).split("|")
    )
    after_words = _words(str(entry.get("after") or ""))
    after = "|".join(r"\s+".join(map(re.escape, w.split("+"))) for w in after_words)
    before = "|".join(re.escape(w) for w in _words(str(entry.get("before") or "")))
    sides = []
    if after:
        sides.append(rf"(?<!\w)(?P<lead>(?:{after})\s+)(?:{heard})(?!\w)")
    if before:
        sides.append(rf"(?<!\w)(?:{heard})(?=\s+(?:{before})(?!\w))")
    if not sides:
        sides.append(rf"(?<!\w)(?:{heard})(?!\w)")
    pattern = "|".join(f"(?:{side})" for side in sides)
    if not after:
        pattern = f"(?P<lead>)(?:{pattern})"
    return re.compile(pattern, re.IGNORECASE), str(entry["read_as"])


# A temperature read off a thermometer: a number in figures or words ("38.5", "thirty
# nine point two", "a hundred and one"), a few linking words after a temperature word.
FEVER_READING, NORMAL_READING = "feverreading", "normalreading"
_TENTHS = {**{word: n for word, n in numbers.UNITS.items() if n < 10}, "oh": 0, "nought": 0}
_READING = re.compile(
    r"(?P<lead>\b(?:temp\w*|thermometer\w*|fever\w*)(?:'s)?"
    r"(?:\s+(?:is|was|s|'s|are|were|of|at|reads?|reading|says?|said|show(?:s|ed|ing)?|been|has|"
    r"had|hit|hits|reached|over|above|about|around|up|to|went|gone|just|like|almost|nearly|"
    r"still|a|my|the|it|measured|taken|took|came|back|out|as|on|high|spiked|spiking|running|"
    r"peaked|rose|climbed|stuck|sitting|stayed|staying|this|morning|today|tonight|now)){0,5}?\s+)"
    r"(?P<number>" + numbers.NUMBER.replace(" ", r"[\s-]+") + r")"
    r"(?:\s+point\s+(?P<tenths>\d|" + "|".join(_TENTHS) + r"))?"
    r"(?![\w.]*\d)(?!\s*(?:reps?|lifts?|sets?|times|min|mins|minutes?|secs?|seconds?|hours?|"
    r"hrs?|days?|weeks?|months?|years?|yrs?|kgs?|kilos?|lbs?|pounds|stone|%|percent|/|out\s+of))",
    re.IGNORECASE,
)
# A reading said with its unit, the temperature word further off: "is a high temperature
# normal? it was 39 degrees", "feel hot, 101°F". Not an angle ("lift to 40 degrees") nor
# the weather, a room or a bath: the YAML's lists say which words make it a body's.
_DEGREES = re.compile(
    r"(?P<lead>(?<![\w.]))(?P<number>" + numbers.NUMBER.replace(" ", r"[\s-]+") + r")"
    r"(?:\s+point\s+(?P<tenths>\d|" + "|".join(_TENTHS) + r"))?"
    r"\s*(?:degrees?|deg|°)\s*(?:c|f|celsius|centigrade|fahrenheit)?(?!\w)",
    re.IGNORECASE,
)


def _any_of(key: str) -> re.Pattern[str]:
    words = str(DATA["temperature_reading"][key]).split()
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


_BODY_HEAT, _NOT_BODY_HEAT = _any_of("body"), _any_of("not_body")


def _reading(match: re.Match[str]) -> str:
    """A temperature reading as the word for what it says, or as said when no body's."""
    value = numbers.value_of(match["number"].lower().replace("-", " "))
    if value is None:
        return match[0]
    if match["tenths"]:
        tenths = match["tenths"].lower()
        value += (int(tenths) if tenths.isdigit() else _TENTHS[tenths]) / 10
    scale = DATA["temperature_reading"]["fahrenheit" if value >= 90 else "celsius"]
    if not float(scale["normal_from"]) <= value <= float(scale["highest"]):
        return match[0]
    word = FEVER_READING if value >= float(scale["fever_from"]) else NORMAL_READING
    return match["lead"] + word


# A pain score said to have moved, "fell from 5 to 2", "went from a 6 to a 3": lower at the
# end it is an easing ("has eased"), not a fall nor pain that stays; higher, it is left as said.
_NOT_SCORES = ("a", "an", "oh", "none")
_SCORE_WORDS = [w for w, n in numbers.UNITS.items() if n <= 10 and w not in _NOT_SCORES]
_SCORE = r"(?:an?\s+)?(10|[0-9]|" + "|".join(_SCORE_WORDS) + r")(?:\s*/\s*10)?"
_SCORE_MOVED = re.compile(
    r"\b(?:fell|fallen|falls|falling|dropped|drops|dropping|went|gone|goes|going|come|came|"
    r"coming|moved|eased|improved|down)(?:\s+down)?\s+(?:from\s+)?"
    + _SCORE
    + r"\s+(?:to|down\s+to|->|-)\s+"
    + _SCORE
    + r"\b(?!\s*(?:am|pm|o'?clock|weeks?|days?|feet|foot|ft|metres?|meters?|m|steps|stairs))",
    re.IGNORECASE,
)


def _score_moved(match: re.Match[str]) -> str:
    before, after = (numbers.value_of(match[i].lower()) for i in (1, 2))
    return "has eased" if before is not None and after is not None and after < before else match[0]


# What a speech recogniser writes for a sign word, read as that word (data in the YAML).
SOUNDALIKES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    _soundalike(entry) for entry in DATA.get("soundalikes") or ()
)
_SPELLING = re.compile("|".join(f"(?P<{word}>{regex})" for word, regex in SPELLINGS.items()))
# The words a phrase says of the user, and what they are when said of someone else.
PERSONS: dict[str, tuple[str, ...]] = {
    str(k): tuple(str(v).split()) for k, v in (DATA.get("persons") or {}).items()
}
# A sign word typed with one slip of the keys ("saddel", "numbnes", "bladdr"): one
# general rule, not a list of typos. A word of SLIP_MIN_LENGTH letters or more that no
# phrase uses and no English dictionary knows is read as the phrase word, of as many
# letters or more, one edit from it (a letter added, dropped, changed, or two
# neighbours swapped; the first letter kept), when only one such reading exists, or
# only one with the same letters. A real word is never a slip of another: "bowls",
# "ladder", "election" mean themselves.
SLIP_MIN_LENGTH = 5
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """The English words pyspellchecker ships (not Rasa): a typo is none of them."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(distance=1).word_frequency.dictionary)


def _edits(word: str) -> set[str]:
    """Every word one edit from `word` that keeps its first letter."""
    tail = range(1, len(word) + 1)
    dropped = {word[:i] + word[i + 1 :] for i in tail}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    changed = {word[:i] + c + word[i + 1 :] for i in range(1, len(word)) for c in LETTERS}
    added = {word[:i] + c + word[i:] for i in tail for c in LETTERS}
    return (dropped | swapped | changed | added) - {word}


def _undoubled(word: str) -> set[str]:
    """The word with one of its doubled letters typed once: "leggs" -> "legs"."""
    return {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}


def _slip(norm: str) -> str | None:
    if len(norm) < SLIP_MIN_LENGTH or not norm.isalpha():
        return None
    known = vocabulary()
    if norm in known or norm in _english():
        return None
    near = [word for word in _edits(norm) if word in known and len(word) >= SLIP_MIN_LENGTH]
    if not near:  # "leggs", "calff": a letter typed twice; the word meant may be short
        near = [word for word in _undoubled(norm) if word in known]
    readings = {_fold(word) for word in near}
    if len(readings) > 1:  # "bowles": "bowels" (two letters swapped) before "bowls"
        readings = {_fold(word) for word in near if sorted(word) == sorted(norm)}
    if not near:  # "trubble": spelled as it sounds, vowels and double letters astray
        alike = [
            word
            for word in _by_skeleton().get(_skeleton(norm), ())
            if abs(len(word) - len(norm)) <= SKELETON_LENGTH_GAP
        ]
        # "trubble" is "trouble", not "terrible": the most alike only.
        nearest = max(map(partial(_alike, norm), alike), default=None)
        readings = {_fold(word) for word in alike if _alike(norm, word) == nearest}
    return readings.pop() if len(readings) == 1 else None


# A word's consonants in order, its first letter kept and double letters made single:
# "trubble" and "trouble" are both "trbl". A misspelling by sound keeps this skeleton.
SKELETON_LENGTH_GAP = 2


def _skeleton(word: str) -> str:
    tail = re.sub(r"(.)\1+", r"\1", word[1:])
    return word[0] + re.sub("[aeiou]", "", tail)


def _alike(a: str, b: str) -> float:
    """How alike two spellings are, 0 to 1 (the standard library's sequence matcher)."""
    return SequenceMatcher(None, a, b).ratio()


@lru_cache(maxsize=1)
def _by_skeleton() -> dict[str, tuple[str, ...]]:
    """The phrase words of SLIP_MIN_LENGTH letters or more, by their skeletons."""
    found: dict[str, list[str]] = {}
    for word in vocabulary():
        if len(word) >= SLIP_MIN_LENGTH:
            found.setdefault(_skeleton(word), []).append(word)
    return {key: tuple(words) for key, words in found.items()}


# Numbers become a class: an age under 20 or over 55 matters, "15 reps" does not.
_NUMBER = re.compile(r"(?P<value>\d{1,3})(?:\.\d+)?(?P<unit>yo|y/o|yrs?|kgs?|kilos?|lbs?)?")
YOUNG, OLD, FIFTIES, FIGURE = "numyoung", "numold", "numfifties", "numother"
AGE_CLASSES = tuple(
    (int(DATA["ages"][name][0]), int(DATA["ages"][name][1]), cls)
    for name, cls in (("young", YOUNG), ("old", OLD), ("fifties", FIFTIES))
)
AGE_FIGURES = frozenset({YOUNG, OLD, FIFTIES})
DURATIONS = _words("hours hrs hour minutes mins days weeks")  # after a number: a length of time
# A count of days that makes the weeks the protocol says to see a doctor after ("20 days"):
# read as one word before "days", which @LONG_SPELL holds.
LONG_DAYS = "numlongdays"
LONG_DAYS_FROM = 7 * protocol.SEE_DOCTOR_AFTER_WEEKS
# Sessions counted that take the weeks at the protocol's pace: "done 9 sessions and no
# better". Six sessions at three a week can fit in twelve days, so one more than that.
LONG_SESSIONS = "numlongsessions"
LONG_SESSIONS_FROM = protocol.SESSIONS_PER_WEEK * protocol.SEE_DOCTOR_AFTER_WEEKS + 1
SESSION_WORDS = frozenset({"sessions", "workouts"})
# A bare age opening the message, before one of these ("61, never had back trouble"):
# the concepts AGE_OPENING_OLD and AGE_OPENING_YOUNG, which the rules may use.
OPENING_AGES = {OLD: "AGE_OPENING_OLD", YOUNG: "AGE_OPENING_YOUNG"}
OPENING_AGE_BEFORE = frozenset(str(DATA["ages"].get("opening_before") or "").split())


@lru_cache(maxsize=8192)
def _fold(norm: str) -> str:
    """One word for a spelling or number: "numbess" -> "numb", "62" -> "numold"."""
    number = _NUMBER.fullmatch(norm)
    if number:
        value, unit = int(number["value"]), number["unit"] or ""
        if unit.startswith(("k", "l")):
            return "numweight"
        kind = next((name for low, high, name in AGE_CLASSES if low <= value <= high), FIGURE)
        return kind + ("yo" if unit else "")
    spelling = _SPELLING.fullmatch(norm)
    if spelling:
        return spelling.lastgroup
    return _dropped_g(norm) or _z_for_s(norm) or _slip(norm) or norm


# The apostrophe of a dropped g ("givin' way"), which the tokenizer would split off.
_DROPPED_G_MARK = re.compile(r"(?<=[a-z]in)'(?![a-z])", re.IGNORECASE)


def _dropped_g(norm: str) -> str | None:
    """An -ing word said with its g dropped ("givin", "goin'", "feelin") is the -ing word
    the phrases use: one rule for every such word. A real word ("thin", "skin") is itself."""
    stem = norm.removesuffix("'")
    if not stem.endswith("in") or len(stem) < 4 or not stem.isalpha() or stem in _english():
        return None
    return _fold(stem + "g") if stem + "g" in vocabulary() else None


def _z_for_s(norm: str) -> str | None:
    """A phrase word typed with z for s ("legz", "kneez", "numbnezz"): chat spelling, one
    rule for every such word. A real word ("lazy", "size") is itself."""
    if "z" not in norm or not norm.isalpha() or norm in _english() or norm in vocabulary():
        return None
    for meant in (norm.replace("zz", "ss").replace("z", "s"), norm.replace("z", "s")):
        if meant in vocabulary():
            return _fold(meant)
    return None


# Number words as the numbers module spells them, in order: one source for both readers.
# Read backwards so the first spelling wins: "one", not "a" or "an".
_WORD_FOR = {value: word for word, value in reversed(numbers.UNITS.items())}
UNITS = tuple(_WORD_FOR[n] for n in range(1, 10))
TEENS = tuple(_WORD_FOR[n] for n in range(10, 20))
TENS = tuple(numbers.TENS)
ORDINALS = tuple(word for word, n in numbers.ORDINALS.items() if n < 20)  # first .. nineteenth


def _spelled_numbers(low: int, high: int) -> tuple[str, ...]:
    """12..19 -> "twelve" ... "nineteen"; 61 -> "sixty one" and "sixty-one"."""
    spelled: list[str] = []
    for n in range(max(low, 10), min(high, 99) + 1):
        if n < 20:
            spelled.append(TEENS[n - 10])
            continue
        tens, unit = TENS[n // 10 - 2], n % 10
        spelled += (
            [tens] if not unit else [f"{tens} {UNITS[unit - 1]}", f"{tens}-{UNITS[unit - 1]}"]
        )
    return tuple(spelled)


# The same ages in words: "sixty one, never had back trouble", "seventeen and ...".
SPELLED_AGES = {
    spelled.replace("-", " "): age
    for age, (low, high) in ((YOUNG, AGE_CLASSES[0][:2]), (OLD, AGE_CLASSES[1][:2]))
    for spelled in _spelled_numbers(low, high)
}


def _opening_age(words: list[str]) -> tuple[str, int, int] | None:
    """A bare age that opens the message, after a greeting, in figures or words, as
    (concept, start, end): "hi, sixty two here, ...", "17 and ..."."""
    start = next((i for i, word in enumerate(words) if word not in OPENERS), len(words))
    for end in range(start + 3, start, -1):  # "sixty - one", "sixty one", "61"
        said = " ".join(word for word in words[start:end] if word != "-")
        age = said if said in OPENING_AGES else SPELLED_AGES.get(said)
        if age and end < len(words) and words[end] in OPENING_AGE_BEFORE:
            return OPENING_AGES[age], start, end
    return None


# Spans of time said in words, in weeks, for pain that has gone on too long (a month
# taken as four weeks): "a fortnight", "two and a half weeks", "since early last month".
SPAN_WEEKS = {"week": 1, "wk": 1, "fortnight": 2, "month": 4}
# "A couple weeks": chat often drops the "of".
COUNTS = {"a": 1, "one": 1, "a couple of": 2, "couple of": 2, "a couple": 2, "two": 2,
          "a few": 3, "few": 3, "a good few": 3, "several": 3, "three": 3, "tree": 3, "many": 4,
          "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "twelve": 12}  # fmt: skip


# A speech recogniser's soundalike where the count of a span goes: "for the last tree
# weeks", "for to weeks", "the past for months", "it's been to weeks". Read as the number
# (numbers.SOUNDALIKES) only after a word that opens a span, so "sore for weeks" keeps its
# "for" (and "been for weeks", read as four, is as long).
_HEARD_SPAN = re.compile(
    r"\b(?P<cue>last|past|for|over|about|around|nearly|almost|roughly|like|some|good|been)\s+"
    r"(?P<word>to|too|tu|for|fore|tree|free|thee)(?=\s+(?:weeks?|months?|days|fortnights)\b)",
    re.IGNORECASE,
)


def _heard_span(match: re.Match[str]) -> str:
    return f"{match['cue']} {numbers.SOUNDALIKES[match['word'].lower()]}"


def _counted_in(norm: str) -> str | None:
    """A figure counted in from the start, after "week" or "month", in words: "month 2"
    is "month two", as the patterns say it; an age or a plain figure it is not."""
    number = re.fullmatch(r"\d{1,2}", norm)
    if not number or not 0 < int(norm) < 20:
        return None
    return (UNITS + TEENS)[int(norm) - 1]


def _long_spells(weeks: int) -> tuple[str, ...]:
    """Every span of `weeks` or more said in words: "two weeks", "a month", "a fortnight",
    "two and a half weeks"; figures ("3 weeks") when every figure is long enough."""
    spells = []
    for unit, length in SPAN_WEEKS.items():
        for count, n in COUNTS.items():
            said = unit if n == 1 else unit + "s"
            if n * length >= weeks:
                spells += [f"{count} {said}", f"{count} and a half {said}"]
        if length >= weeks:
            spells += [f"early last {unit}"]
            for start in ("start", "beginning"):
                spells += [f"the {start} of last {unit}", f"since the {start} of the {unit}"]
        # Counted in from the start: "week four", "the third week", "month two". In the
        # Nth week, N - 1 whole weeks have gone.
        for n, (word, ordinal) in enumerate(zip(UNITS + TEENS, ORDINALS, strict=True), 1):
            if (n - 1) * length >= weeks:
                spells += [f"{unit} {word}", f"{ordinal} {unit}"]
    if weeks <= 2:  # a figure before "weeks" is two or more: "1 week" is said singular
        spells += [f"{figure} weeks" for figure in (YOUNG, OLD, FIFTIES, FIGURE)]
    if weeks <= 2 * SPAN_WEEKS["month"]:  # "3 months": two or more, as for weeks
        spells += [f"{figure} months" for figure in (YOUNG, OLD, FIFTIES, FIGURE)]
    # Days that make the weeks: "20 days" (read as LONG_DAYS), "eighteen days".
    days = [LONG_DAYS, *_spelled_numbers(7 * weeks, 99)]
    spells += [f"{count} days" for count in days]
    # Sessions that take the weeks at the protocol's pace: "ten sessions" (figures are
    # read as LONG_SESSIONS).
    fewest = protocol.SESSIONS_PER_WEEK * weeks + 1
    sessions = [LONG_SESSIONS, *UNITS[fewest - 1 :], *_spelled_numbers(fewest, 99)]
    spells += [f"{count} {said}" for count in sessions for said in sorted(SESSION_WORDS)]
    return tuple(spells)


# Choices used in patterns as @NAME; each may be several words.
GROUPS: dict[str, tuple[str, ...]] = {
    **{name: tuple(choices) for name, choices in DATA["word_groups"].items()},
    "FEW": ("a", "one", "few", "a few", "couple", "a couple", "a couple of", "several", "two",
            "three", "four", "five", "six", YOUNG, OLD, FIFTIES, FIGURE),
    "FIGURE": (YOUNG, OLD, FIFTIES, FIGURE),
    "YOUNG": (YOUNG, *_spelled_numbers(*AGE_CLASSES[0][:2])),
    "OLD": (OLD, *_spelled_numbers(*AGE_CLASSES[1][:2])),
    "LONG_SPELL": _long_spells(protocol.SEE_DOCTOR_AFTER_WEEKS),
}  # fmt: skip

# Label -> specs: words separated by spaces, one slot per position. "a|b" is a
# choice, "+" joins the words of one choice ("loss+of"), a trailing "?" makes a
# slot optional and "@NAME" is a choice from GROUPS. A label's part after a dot
# ("NUMB.cantfeel", a variant) only selects vetoes; rules use the part before it.
PATTERNS: dict[str, tuple[str, ...]] = {}
VETO_IN_CLAUSE: dict[str, frozenset[str]] = {}  # a word in the clause: not the sign
VETO_IN_MESSAGE: dict[str, frozenset[str]] = {}  # a word anywhere in the message: not the sign
VETO_NEXT: dict[str, frozenset[str]] = {}  # the word right after: not the sign
VETO_PREVIOUS: dict[str, frozenset[str]] = {}  # the word right before: not the sign
# A concept's hits dropped when the named concept is said after them: numbness gone on
# standing "but it came back" has not worn off.
UNDONE_BY: dict[str, str] = {}
PLACES: set[str] = set()  # concepts denied only from close by: "numb, but not in my groin"


def _read_entry(label: str, entry: dict) -> None:
    where = f"red_flags.yml {label}"
    for key, variant in [("", entry), *(entry.get("variants") or {}).items()]:
        name = f"{label}.{key}" if key else label
        if variant.get("phrases"):
            PATTERNS[name] = tuple(variant["phrases"])
        if variant.get("not_in_clause"):
            VETO_IN_CLAUSE[name] = _word_set(variant["not_in_clause"], where)
        if variant.get("not_in_message"):
            VETO_IN_MESSAGE[name] = _word_set(variant["not_in_message"], where)
        if variant.get("not_before"):
            VETO_NEXT[name] = _word_set(variant["not_before"], where)
        if variant.get("not_after"):
            VETO_PREVIOUS[name] = _word_set(variant["not_after"], where)
    if entry.get("undone_by"):
        UNDONE_BY[label] = str(entry["undone_by"])


def _read_rule(sign: str, rule: list | dict, entry: dict) -> Rule:
    where = f"red_flags.yml {sign}"
    spec = {"needs": rule} if isinstance(rule, list) else rule
    if not spec.get("needs"):
        raise SignsFileError(f"{where}: a rule needs at least one concept")
    return Rule(
        sign,
        tuple(frozenset(str(n).split("|")) for n in spec["needs"]),
        tuple(frozenset(str(c).split("|")) for c in spec.get("anywhere") or ()),
        _word_set(spec.get("unless"), where),
        bool(spec.get("unless_in_message")),
        _word_set(entry.get("someone_else"), where),
        _word_set(entry.get("someone_else_fine"), where),
        tuple(frozenset(str(c).split("|")) for c in spec.get("unless_said") or ()),
        frozenset(str(c) for c in entry.get("unless_said_here") or ()),
        frozenset(str(c) for c in spec.get("unless_said_near") or ()),
        bool(spec.get("unless_before")),
    )


for _concept, _entry in DATA["concepts"].items():
    _read_entry(_concept, _entry)
    if _entry.get("place"):
        PLACES.add(_concept)

# In order of priority: the first sign found wins, so every emergency comes first.
SIGNS: dict[str, RedFlag] = {}
# Numbers a sign's words may name, from the protocol, the one place they are kept.
PROTOCOL_NUMBERS = {"see_doctor_after_weeks": protocol.SEE_DOCTOR_AFTER_WEEKS}
_rules: list[Rule] = []
_suspects: list[Rule] = []
for _sign, _entry in DATA["signs"].items():
    if _entry.get("urgency") not in URGENCIES:
        raise SignsFileError(f"red_flags.yml {_sign}: urgency must be one of {URGENCIES}")
    SIGNS[_sign] = RedFlag(
        _entry["urgency"],
        _sign,
        _entry["description"].format(**PROTOCOL_NUMBERS),
        (_entry.get("question") or "").format(**PROTOCOL_NUMBERS),
    )
    _read_entry(_sign, _entry)
    _rules += [_read_rule(_sign, rule, _entry) for rule in _entry.get("made_of") or ()]
    _suspects += [_read_rule(_sign, rule, _entry) for rule in _entry.get("suspect") or ()]
RULES: tuple[Rule, ...] = tuple(_rules)
# Signs that are a history, there even when over: a cancer treated years ago.
PAST_COUNTS = frozenset(sign for sign, entry in DATA["signs"].items() if entry.get("past_counts"))
SUSPECT_RULES: tuple[Rule, ...] = tuple(_suspects)
# Signs that are a condition's name ("cauda equina"): asked what it is, it is a term
# looked up, explained only (the name is not a symptom the asker may have).
TERM_SIGNS = frozenset(sign for sign, entry in DATA["signs"].items() if entry.get("a_term"))
# Per sign, concepts that together name it beyond doubt ("lose weight for no reason"): a
# worried or is-it-normal question saying them is the user's own sign, not a yes/no doubt.
SAID_PLAINLY: dict[str, tuple[frozenset[str], ...]] = {
    sign: tuple(frozenset(str(group).split()) for group in entry.get("said_plainly") or ())
    for sign, entry in DATA["signs"].items()
}
_labels = {label.split(".")[0] for label in PATTERNS} | set(OPENING_AGES.values())
for _rule in RULES + SUSPECT_RULES:
    for _group in (
        *_rule.needs, *_rule.context, *_rule.unless_said, _rule.unless_said_here,
        _rule.unless_said_near,
    ):  # fmt: skip
        if not _group <= _labels:
            raise SignsFileError(f"red_flags.yml {_rule.sign}: no phrases for {_group - _labels}")
for _sign, _groups in SAID_PLAINLY.items():
    for _group in _groups:
        if not _group <= _labels:
            raise SignsFileError(f"red_flags.yml {_sign}: no phrases for {_group - _labels}")
ADVICE: dict[str, str] = {urgency: DATA["advice"][urgency] for urgency in URGENCIES}


def _question_flag(name: str, entry: dict) -> RedFlag:
    if entry.get("urgency") not in URGENCIES or not entry.get("question"):
        raise SignsFileError(f"red_flags.yml question {name}: needs an urgency and a question")
    return RedFlag(entry["urgency"], name, entry["description"], entry["question"])


# Asked when only the classifier reads a red flag, and the checklist asked before a
# first session: a yes gets the advice for the question's urgency.
UNSURE = _question_flag("unsure", DATA["questions"]["unsure"])
CHECKLIST: tuple[RedFlag, ...] = tuple(
    _question_flag(item["id"], item) for item in DATA["questions"]["checklist"]
)
REPLIES: dict[str, str] = dict(DATA["replies"])
IN_FORCE_SECONDS = float(DATA["in_force_hours"]) * 3600
CHECKLIST_AGAIN_AFTER_SECONDS = float(DATA["checklist_again_after_minutes"]) * 60


def flag_named(name: str | None) -> RedFlag | None:
    """A sign, a checklist question or the unsure question by its name."""
    if name in SIGNS:
        return SIGNS[name]
    return next((flag for flag in (UNSURE, *CHECKLIST) if flag.sign == name), None)


def reply(name: str, flag: RedFlag | None = None) -> str:
    """One of the coach's safety lines, about `flag` where the line names it."""
    return REPLIES[name].format(description=flag.description if flag else "that warning sign")


# ---------------------------------------------------------------------------
# Denials and clauses.
# ---------------------------------------------------------------------------

CHILDHOOD = WORD_LISTS["CHILDHOOD"]
NEGATIONS = _words("no not never without none nothing nor neither nobody zero")
# "not sure if my groin is numb" denies nothing, nor does "no, my groin is numb".
NOT_A_NEGATION_BEFORE = _words("sure certain know only just matter doubt")
NO_AS_ANSWER_BEFORE = _words("i my it the but that this we you he she they there")
# "Not (even) joking, I wet myself", "no lie": a word that vouches for what follows.
VOUCHING = _words("joking kidding kid exaggerating")
NO_VOUCHING = VOUCHING | _words("lie joke jokes")
DOING = _words("doing do did does")
# "I can't walk, my legs won't move" by voice, without the comma: a "can't" before what
# the body no longer does states a sign, it denies nothing after it.
MODALS = _words("can could will would")
CANT_DO = WORD_LISTS["CANT_DO"]
NEGATION_WINDOW = 6  # tokens before a symptom
PLACE_NEGATION_WINDOW = 3  # tokens before a place: "numb, but not in my groin"
# Between a denied symptom and the next, these carry the denial on: "no numbness or tingling".
CONNECTORS = _words(", or nor and / any no")
CLAUSE_PUNCTUATION = _words(". ! ? ; : ( ) — – -- ...")
DASHES = _words("- – —")  # a clause break only with spaces around it
CLAUSE_WORDS = _words(
    "but although though however except apart besides whereas yet just only because cause"
    " cos coz since so now still anyway otherwise plus also"
)
# "my legs are so weak", "my groin is still numb": after these, "so" is "very" and "still"
# goes on; no new clause starts. Nor in a case put as "if": "if it still hurts in a month"
# keeps "if" with the pain it is about.
AFTER_BE = _words("so still now also just only")
# "if it still hurts after a few weeks": the time to come that keeps "still" with its "if".
LATER_IN_IF = _words("after in by past beyond week weeks month months")
BE = _words("is are was were am m 's s feel feels felt get gets got been be look looks")
# "and" starts a new clause before a new subject: "no fever and I can't pee".
AND_BEFORE = _words(
    "i my it its now then also there the this that he she we they suddenly still recently lately"
)
EXPLANATION_DENIAL_WINDOW = 5  # "not from cycling", "I haven't been on a bike"
VETO_DENIAL_WINDOW = 2  # "not the inhaler", "not a cream"
NOT_A_NOUN_START = _words("each both either my the a left right one other")
LIKE_BEFORE = _words("i i've i'd if someone somebody when after")
MAX_SPAN = 14  # tokens from the first to the last part of a combined sign
LONGEST_LIST = 8  # symptoms in a list that one denial covers


# One slot of a spec, compiled: its choices by their first word, and whether it may be
# left out. A spec is its slots in order.
_Slot = tuple[dict[str, tuple[tuple[str, ...], ...]], bool]


class _SpecMatcher:
    """Finds every spec of every label in a message's words, slot by slot, without
    spelling the specs out as phrases (hundreds of thousands of them, which took 15 s
    and more at start-up). Specs are indexed by the words they can start with; from each word, the
    specs that can start there are followed slot by slot, keeping every position a
    slot's choices (or leaving an optional slot out) can reach. It finds exactly the
    (label, start, end) spans a phrase matcher over all the spelled-out phrases would."""

    def __init__(self, nlp: spacy.Language) -> None:
        slots: dict[str, _Slot] = {}  # each slot's text compiled once: "@CANT" is everywhere
        self._starts: dict[str, list[tuple[str, tuple[_Slot, ...]]]] = {}
        for label, specs in PATTERNS.items():
            for spec in dict.fromkeys(specs):
                for text in spec.split():
                    if text not in slots:
                        slots[text] = _slot(text, nlp)
                compiled = tuple(slots[text] for text in spec.split())
                for word in _first_words(compiled):
                    self._starts.setdefault(word, []).append((label, compiled))

    def __call__(self, words: list[str]) -> list[tuple[str, int, int]]:
        found: dict[tuple[str, int, int], None] = {}
        for start, word in enumerate(words):
            for label, spec in self._starts.get(word, ()):
                for end in _ends(spec, words, start):
                    if end > start:
                        found[label, start, end] = None
        return list(found)


def _first_words(spec: tuple[_Slot, ...]) -> set[str]:
    """The words a match of the spec can start with: a word that starts a choice of its
    first slot, or of a later one when every slot before it can be left out."""
    words: set[str] = set()
    for by_first, optional in spec:
        words |= by_first.keys()
        if not optional:
            break
    return words


def _ends(spec: tuple[_Slot, ...], words: list[str], start: int) -> set[int]:
    """Where matches of the spec that start at `start` end."""
    at = {start}
    for by_first, optional in spec:
        reached = set(at) if optional else set()
        for i in at:
            if i < len(words):
                for choice in by_first.get(words[i], ()):
                    end = i + len(choice)
                    if tuple(words[i:end]) == choice:
                        reached.add(end)
        if not reached:
            return reached
        at = reached
    return at


@lru_cache(maxsize=1)
def _matcher() -> tuple[spacy.Language, _SpecMatcher]:
    """Built on first use (well under a second): the specs compiled slot by slot."""
    nlp = spacy.blank("en")
    return nlp, _SpecMatcher(nlp)


def _slot(slot: str, nlp: spacy.Language) -> _Slot:
    """One slot of a spec: the word sequences it stands for, by their first word, and
    whether it can be left out ("a?")."""
    optional = slot.endswith("?") and len(slot) > 1
    slot = slot.removesuffix("?") if optional else slot
    phrases = GROUPS[slot[1:]] if slot.startswith("@") else slot.replace("+", " ").split("|")
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        # Each word as the message side reads it: its norm ("n't" -> "not"), folded.
        said = tuple(nlp.vocab[_fold(t.norm_)].norm_ for t in nlp.make_doc(phrase))
        if not said:
            optional = True  # a choice of no words: the slot may be left out
        for choice in person_forms(said):
            if choice not in by_first.setdefault(choice[0], []):
                by_first[choice[0]].append(choice)
    return {word: tuple(choices) for word, choices in by_first.items()}, optional


def person_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A phrase as said of the user and of the person they write for: "when i need the
    loo" is also "when she needs the loo", "my legs" also "his legs" (`persons` in the
    YAML). Whose sign it is, is the rules' business (_theirs, someone_else)."""
    if not words or not any(word in PERSONS for word in words):
        return [words] if words else []
    return list(dict.fromkeys(product(*([w, *PERSONS.get(w, ())] for w in words))))


@dataclass(frozen=True)
class _Hit:
    label: str  # the rules' label, without the part after a dot
    start: int
    end: int
    clause: int


@dataclass(frozen=True)
class _Message:
    """One message as words, with its clauses and the positions of denials."""

    words: list[str]
    clauses: list[int]  # the clause number of each word
    spans: list[range]  # the words of each clause
    negations: list[int]  # sorted
    seen: set[str] = field(default_factory=set)  # every label found, denied or vetoed too

    def denied(self, position: int, window: int) -> bool:
        """Whether a denial comes at most `window` words before, in the same clause."""
        i = bisect_left(self.negations, position) - 1
        if i < 0:
            return False
        cue = self.negations[i]
        return position - cue <= window and self.clauses[cue] == self.clauses[position]


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every word in the signs' phrases and word groups: a spelling corrector must leave
    these as they are ("sharted" is no "started"), as well as the words a spelling above
    stands for ("numbess", which is no "numbers")."""
    words: set[str] = set()
    for specs in PATTERNS.values():
        for spec in specs:
            for slot in spec.split():
                if not slot.startswith("@"):
                    words.update(slot.removesuffix("?").replace("+", "|").split("|"))
    for choices in GROUPS.values():
        for choice in choices:
            words.update(choice.split())
    words.update(TRAILING_FILLER | MOVING_ON)  # "not me haha, anyway": a denial's ending
    return frozenset(word.lower() for word in words if word.isalpha() and len(word) > 1)


def spelled_as_a_sign_word(word: str) -> bool:
    """Whether a spelling in the YAML reads the word as a sign's word: "numbess". (A slip
    such as "shuld" or "saddel" the corrector may fix: it fixes it to the word meant.)"""
    return bool(_SPELLING.fullmatch(word.lower()))


def prepare() -> None:
    """Build the matcher now, so that the first user does not wait for it."""
    _matcher()


def screen(text: str) -> RedFlag | None:
    """The most urgent red flag the text reports, or None."""
    return check(text).flag


def check(text: str) -> Screening:
    """The most urgent sign the text reports or, failing that, one it hints at."""
    hits, message = _hits(text)
    if message is None:
        return Screening()
    unsure: list[str] = []  # signs to ask about: someone else's, or a part of a sign
    involved = _user_involved(hits, message)
    for rule in RULES:
        found = _applies(rule, hits, message)
        if found == USER and _theirs_and_over(hits, message):
            continue  # "my wife's legs gave way last year, she's fine now": not the user's
        if found == USER:
            # "If I ever got a fever, would I skip it?": a case put, with no question frame.
            in_case = _only_in_case(hits, message) or _only_hypothetical(message.words)
            if in_case or _asks_about_signs(hits, message):
                # A question about an emergency sign is answered, then asked about too:
                # someone who asks may well have it.
                flag = SIGNS[rule.sign]
                # "Is it normal to feel feverish?": asked by someone who may have it.
                normal = any(hit.label == IS_IT_NORMAL for hit in hits)
                # "Should I worry about pain in my upper back?": the worry is the asker's.
                worried = any(hit.label == SHOULD_I_WORRY for hit in hits)
                unsure_too = flag if flag.urgency == EMERGENCY or normal or worried else None
                # "I don't have it", "just asking in case", "what if I ever got it?":
                # explained only.
                if (
                    in_case
                    or _only_hypothetical(message.words)
                    # "Is tingling something that can happen with back pain?": asked of
                    # anyone, in general, with nothing of the asker's: explained only.
                    or (not (normal or worried) and _asked_of_anyone(hits, message))
                    or _denies_having(hits, message)
                    or _term_read_about(hits, message)
                    or rule.sign in TERM_SIGNS
                ):
                    unsure_too = None
                elif normal and (
                    _signs_together(hits)
                    or any(hit.label == AFTER_BACK_HURT for hit in hits)
                    or _own_setting(hits)
                    or (flag.urgency == EMERGENCY and _tied_to_back_pain(hits, message))
                    or (flag.urgency == EMERGENCY and _said_as_a_change(hits, message))
                ):
                    # "Is it normal to have night sweats and a fever?": two signs at once
                    # are the user's own, not a question in general; so is a sign tied to
                    # a back the asker hurt ("... after putting your back out?").
                    return _found(flag, hits, message, involved, unsure)
                elif (normal or worried) and _said_plainly(rule.sign, hits):
                    # "Should I worry that my bum's been numb for hours?": the content
                    # names the sign beyond doubt; its advice, not only the question.
                    return _found(flag, hits, message, involved, unsure)
                return Screening(about=flag, suspected=unsure_too, recognised=True)
            if SIGNS[rule.sign].urgency == EMERGENCY and _over_long_ago(hits, message):
                # "Couldn't pee after a kidney stone last year, sorted since": the user's own
                # emergency of long ago, over, nothing said of now; asked, not flagged.
                unsure.append(rule.sign)
                continue
            return _found(SIGNS[rule.sign], hits, message, involved, unsure)
        if (
            found == SOMEONE_ELSE
            and involved
            and not _fine(rule, message)
            and not _past_and_gone(hits)
            and not _user_says_fine(hits, message)
        ):
            unsure.append(rule.sign)
    for rule in SUSPECT_RULES:
        found = _suspected(rule, hits, message, involved)
        if found == ABOUT:
            return Screening(about=SIGNS[rule.sign], recognised=True)
        if found:
            unsure.append(rule.sign)
    if unsure:
        return Screening(suspected=_most_urgent(unsure))
    return Screening(recognised=bool(message.seen - NOT_SIGN_WORDS))


ABOUT = "about"  # a part of a sign asked about in general: explained, not asked


def _suspected(rule: Rule, hits: list["_Hit"], message: "_Message", involved: bool) -> str | bool:
    """A suspect rule's reading: ABOUT, True (the sign is to be asked about) or False."""
    found = _applies(rule, hits, message)
    if found == USER and (
        _only_in_case(hits, message)
        or _only_hypothetical(message.words)
        or (_in_general(hits, message) and _asks_about_signs(hits, message))
        # "Will this help a trapped nerve? not that I've got one": asked, then denied.
        or (_denies_having(hits, message) and _asks_about_signs(hits, message))
    ):
        # "Is numbness something to worry about?": a part of a sign, asked about in
        # general, is explained; "could this be sciatica?" is asked.
        return ABOUT
    return found == USER or (
        found == SOMEONE_ELSE
        and involved
        and not _fine(rule, message)
        and not _user_says_fine(hits, message)
    )


def _most_urgent(signs: list[str]) -> RedFlag:
    order = list(SIGNS)  # the most urgent first
    return SIGNS[min(signs, key=order.index)]


def _found(
    flag: RedFlag, hits: list["_Hit"], message: "_Message", involved: bool, unsure: list[str]
) -> Screening:
    """A sign found. A see-soon sign keeps an emergency hinted at in the same message
    ("I'm 70 and new to back pain, and my bladder feels odd"): the coach gives the
    see-soon advice and asks the emergency's yes/no question too, never the advice alone."""
    if flag.urgency == EMERGENCY:
        return Screening(flag=flag)
    hinted = [sign for sign in unsure if SIGNS[sign].urgency == EMERGENCY]
    hinted += [
        rule.sign
        for rule in SUSPECT_RULES
        if SIGNS[rule.sign].urgency == EMERGENCY
        and _suspected(rule, hits, message, involved) is True
    ]
    return Screening(flag=flag, suspected=_most_urgent(hinted) if hinted else None)


def _asked_of_anyone(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether a sign is asked about as a case in general ("something that can happen")
    and no word of the asker's own is said outside that case: not "... I think it nearly
    happened", which is still asked."""
    cases = {i for hit in hits if hit.label == IN_GENERAL for i in range(hit.start, hit.end)}
    return bool(cases) and not any(
        word in OWN_WORDS and i not in cases for i, word in enumerate(message.words)
    )


# Said of people in general, not the asker: "is it normal for someone to ...?".
ANYONE = _words("someone somebody anyone anybody people person persons patients folk folks")


def _tied_to_back_pain(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether "is it normal to ...?" ties the sign to back pain ("after back pain", "with
    a bad back"), the asker's condition, and asks of no one else and for nothing else
    (a quiz, a case to come): then the asker's own emergency, not a question in general."""
    labels = {hit.label for hit in hits}
    return (
        "WITH_BACK_PAIN" in labels
        and not labels & {INFO_FOR, IN_GENERAL, HEARSAY}
        and ANYONE.isdisjoint(message.words)
    )


# Words that make "is it normal to ...?" a change in the asker: "... any more?", "... now?",
# "... since Monday?".
CHANGED = frozenset({"NO_MORE", "NEW"})
CHANGED_WORDS = _words("now since")


def _said_as_a_change(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether "is it normal to ...?" says the sign is a change ("not able to hold it in
    any more", "now", "since last week"), asked of no one else and for nothing else: then
    the asker's own emergency, not a question in general."""
    labels = {hit.label for hit in hits}
    return (
        bool(labels & CHANGED or not CHANGED_WORDS.isdisjoint(message.words))
        and not labels & {INFO_FOR, IN_GENERAL, HEARSAY}
        and ANYONE.isdisjoint(message.words)
    )


def _said_plainly(sign: str, hits: list["_Hit"]) -> bool:
    """Whether the hits hold every concept of one of the sign's `said_plainly` groups."""
    labels = {hit.label.split(".")[0] for hit in hits}
    return any(group <= labels for group in SAID_PLAINLY.get(sign, ()))


def _signs_together(hits: list["_Hit"]) -> bool:
    """Whether two signs, or one sign twice, are named in words of their own: "night
    sweats and a fever", "shivering and a temperature" (an illness described, not a term
    asked about); not one word that reads as two ("feverish": a fever, and unwell)."""
    named = [hit for hit in hits if hit.label in SIGNS]
    return any(a.end <= b.start for a in named for b in named)


# Words that point at what the user has: "could this be sciatica?" asks about their own.
POINTING = _words("this these")


def _in_general(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether a question is about a case in general: "if it ever happens", or one that
    points at nothing of the user's ("is bladder trouble a worry with back pain?")."""
    if any(hit.label == IN_GENERAL for hit in hits):
        return True
    return not any(word in POINTING for word in message.words)


# Words that say a case is so now: "should I stop if my legs are numb right now?".
NOW = _words("now currently already today right tonight still again")
# Words that say a sign is so now, after one put in the past ("but now", "still").
STILL_SO_NOW = NOW - _words("right already")
# Words for a change to come: "if it goes numb", "if they start to tingle", "what if I
# got numbness?" (a case put in the past tense, as one that has not happened).
STARTS = _words("goes go gets get starts start turns turn went got")
# The exercise as the time a case would come: "if I got numb while doing these".
WHILE_DOING = _words("while during when")
# "What would happen if ...", "what could happen if ...": a case to come, asked.
WHAT_WOULD_HAPPEN_IF = [["what", modal, "happen", "if"] for modal in ("would", "could", "might")]
# "Hypothetically, ...", "suppose my legs went weak": a case put, said so first.
CASE_OPENERS = _words("hypothetically hypothetical suppose supposing imagine theoretically")
# A case that has not happened, put in the past tense after "if": "if the pain went below my
# knee, would ...?" (not "if I sit, my legs go numb", a habit of the user's own).
UNREAL = _words("went got felt started were became turned spread did began came ever")
# "Would that matter?", "would it be a problem?": what would follow, asked.
WOULD_ASKED = _words("that it this i you")


def _unreal_if(words: list[str], opening: int) -> bool:
    """Whether the message puts a case that has not happened as "if ... would": "if my legs
    ever went weak, would I stop?", "would it matter if the pain spread to my foot?"."""
    rest = words[opening:]
    if rest[:1] == ["if"]:
        asked = next((i for i, w in enumerate(rest) if w == "would"), None)
        return (
            asked is not None
            and rest[asked + 1 : asked + 2] != []
            and rest[asked + 1] in WOULD_ASKED
            and not UNREAL.isdisjoint(rest[1:asked])
        )
    if rest[:1] == ["would"] and "if" in rest:
        return not UNREAL.isdisjoint(rest[rest.index("if") + 1 :])
    return False


def _hypothetical(words: list[str]) -> bool:
    """Whether the message opens with "what if" and asks what "would" follow, or says "if
    ... ever": "what if my feet went numb, would that be bad?" is a question about a
    sign, not a report of it.
    "What if I can't pee?" with no "would" may be the user's own, and is taken as said."""
    opening = next((i for i, word in enumerate(words) if word not in OPENERS), len(words))
    # "What would happen if I got numb legs?": a case put as what "would" follow.
    if words[opening : opening + 4] in WHAT_WOULD_HAPPEN_IF:
        return True
    if words[opening : opening + 1] and words[opening] in CASE_OPENERS:
        return True
    if _unreal_if(words, opening):
        return True
    if words[opening : opening + 2] == ["what", "if"] and "would" in words[opening + 2 :]:
        return True
    # "What if I get pins and needles, what does that mean?": a case to come and what it
    # would mean; "what if I can't pee?" alone may be the user's own.
    if words[opening : opening + 2] == ["what", "if"] and not MEANS.isdisjoint(words):
        return True
    # "What if I get numb?", "what if my feet start to tingle?": a change to come; so is
    # "what if it travels down my leg later?", a time to come named.
    if words[opening : opening + 2] == ["what", "if"]:
        return not STARTS.isdisjoint(words[opening + 2 : opening + 5]) or not (
            TO_COME.isdisjoint(words[opening + 2 :])
        )
    # "What should I do if my legs ever go numb?": "if" with "ever" is a case to come,
    # whatever verb follows ("if I ever got ...").
    if any(word == "if" and "ever" in words[i + 1 : i + 5] for i, word in enumerate(words)):
        return True
    # "Should I stop if I feel numb?", "do I stop the set if my legs tingle?": what to do
    # in a case put as "if", not a report, unless said to be so now ("... if my legs are
    # numb right now?").
    if _stop_if(words, opening):
        return True
    # "What do I do if my foot goes numb?": what to do should it start, a case to come;
    # "what do I do if I can't pee?" may be the user's own now.
    if words[opening : opening + 4] in (["what", "should", "i", "do"], ["what", "do", "i", "do"]):
        case = words[opening + 4 : opening + 10]
        return "if" in case[:2] and not STARTS.isdisjoint(case)
    return False


def _stop_if(words: list[str], opening: int) -> bool:
    """Whether the message asks whether to stop in a case put as "if": "should I stop if I
    feel numb?", "do I stop if my legs tingle?"; not one said to be so now ("... if my
    legs are numb right now?")."""
    return (
        words[opening : opening + 1] in (["should"], ["do"], ["must"], ["shall"])
        and words[opening + 1 : opening + 2] == ["i"]
        and words[opening + 2 : opening + 3] in (["stop"], ["quit"], ["rest"])
        and "if" in words[opening + 3 : opening + 7]
        and NOW.isdisjoint(words)
    )


# A time to come in a case put as "if": "should I stop if I go numb at some point?".
TO_COME = _words("ever point later during halfway mid midway sometime future")


def _only_hypothetical(words: list[str]) -> bool:
    """Whether the message is a case to come and nothing after the question: "what should
    I do if I ever got it?"; not "... what do I do? I think it nearly happened". "Should I
    stop if I can't pee?" may be asked by someone who can't: only with a change or a time
    to come ("if I go numb", "at some point") is it a case to come alone."""
    asked_at = next((i for i, word in enumerate(words) if word == "?"), len(words))
    opening = next((i for i, word in enumerate(words) if word not in OPENERS), len(words))
    if _stop_if(words, opening) and STARTS.isdisjoint(words) and TO_COME.isdisjoint(words):
        return False
    return _hypothetical(words) and all(w in CLAUSE_PUNCTUATION for w in words[asked_at:])


def _only_in_case(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether every clause with a sign in it is a question about a case to come, and a
    clause beside them says so or that the user is fine: "what do I do if my groin ever
    goes numb? I'm fine, just asking", "does numbness mean I stop? just asking in case".
    Not "... I think I might have it", nor "... it started this morning" (a report)."""
    # "I'm fine" is no sign of its own here.
    sign_clauses = {h.clause for h in hits if h.label not in NOT_SIGN_WORDS and h.label != UNHURT}
    if not sign_clauses or not any(hit.label == IN_GENERAL for hit in hits):
        return False
    if any(hit.label in (OWN_REPORT, NOT_LIKE_ME) for hit in hits):
        return False
    cases = {hit.clause for hit in hits if hit.label == IN_GENERAL}  # "if they ever go numb"
    if not all(c in cases or _asked_in(c, message) for c in sign_clauses):
        return False
    asides = (hit for hit in hits if hit.clause not in sign_clauses)
    return any(hit.label in (IN_GENERAL, RESOLVED) for hit in asides)


MEANS = _words("mean means meant")


TERM_FILLERS = _words("actually really exactly even precisely")


def _term_read_about(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether the message asks what a sign's name means, and says where the user read
    it ("what does X mean? the booklet lists it") or says nothing of the user's own ("what
    does X mean?"): a term looked up, explained only."""
    words = message.words
    opening = next((i for i, word in enumerate(words) if word not in OPENERS), len(words))
    if words[opening : opening + 1] != ["what"] or MEANS.isdisjoint(words):
        return False
    # "What does saddle numbness mean?": only the term between "what does" and "mean", and
    # nothing after; not "what does it mean when you can't pee?", which may be the user's.
    means_at = next(i for i, word in enumerate(words) if word in MEANS)
    term = range(opening + 2, means_at)
    named = {i for hit in hits for i in range(hit.start, hit.end)}
    if (
        words[opening + 1 : opening + 2] in (["does"], ["do"])
        and any(i in named for i in term)
        # "What does saddle numbness actually mean?": a filler word beside the term.
        and all(i in named or words[i] in TERM_FILLERS for i in term)
        and all(word in CLAUSE_PUNCTUATION for word in words[means_at + 1 :])
    ):
        return True
    sign_clauses = _sign_clauses(hits)
    return any(hit.label == HEARSAY and hit.clause not in sign_clauses for hit in hits)


def _asked_in(clause: int, message: "_Message") -> bool:
    """Whether a clause is a question, or goes on one that a word such as "still" split:
    "can I | still exercise if I have a fever?"."""
    words, span = message.words, message.spans[clause]
    if _opens_with_question(span, words):
        return True
    return (
        clause > 0
        and words[span.start] in CLAUSE_WORDS
        and _opens_with_question(message.spans[clause - 1], words)
    )


def _sign_clauses(hits: list["_Hit"]) -> set[int]:
    """The clauses that hold a sign's words (not only a frame, a denial or a time)."""
    return {hit.clause for hit in hits if hit.label not in NOT_SIGN_WORDS}


def _own_setting(hits: list["_Hit"]) -> bool:
    """Whether "is it normal to ...?" names a setting of the asker's own life ("during sex",
    "when I lie down") or asks of "your" body ("for your legs to buckle"), and not what the
    question is for ("for a quiz", "in general")."""
    labels = {hit.label for hit in hits}
    return bool(labels & {OWN_SETTING, NORMAL_FOR_YOUR}) and not labels & {INFO_FOR, IN_GENERAL}


# Words that say a sign is new to the user or began at a time: "never had that", "it started".
BEGUN = frozenset({"NOT_LIKE_ME", "NEW", "FIRST_TIME"})


def _asks_about_signs(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether the message asks about the signs in general ("is back pain at night a bad
    sign?", "I read that numbness down below is serious"): a question frame, and no word
    of the user's own outside it. "Is it bad that I can't pee?" is the user's own."""
    frames = [hit for hit in hits if hit.label in (ASKING, HEARSAY)]
    if not frames:
        return False
    framed = {i for hit in frames for i in range(hit.start, hit.end)}
    # "Asking for a leaflet I'm making": a clause that names where the question comes
    # from, with no sign in it, frames the question; its "I" reports nothing.
    sign_clauses = _sign_clauses(hits)
    for hit in hits:
        if hit.label in (HEARSAY, INFO_FOR) and hit.clause not in sign_clauses:
            framed.update(message.spans[hit.clause])
        if hit.label == IN_GENERAL:  # "if I ever get it": a case to come, not a report
            framed.update(range(hit.start, hit.end))
    # "? for my nursing essay" says what the question is for, not since when.
    purposes = [hit for hit in hits if hit.label == INFO_FOR]
    # "Is it normal to ...? Never had that before", "... ? It started on Monday": new to
    # the user, or begun at a time, so the user's own.
    asked_at = next((i for i, word in enumerate(message.words) if word == "?"), len(message.words))
    reports = [
        hit
        for hit in hits
        if (hit.label == OWN_REPORT or (hit.label in BEGUN and hit.start > asked_at))
        and not any(p.start < hit.end and hit.start < p.end for p in purposes)
    ]
    if _reported_after(asked_at, hits, message):
        return False
    # "What would happen if I got numb while doing these?": the exercise named inside the
    # case is when the case would come, not a report; "since doing these" still is.
    in_the_case = [
        hit for hit in reports if hit.end <= asked_at and message.words[hit.start] in WHILE_DOING
    ]
    if _hypothetical(message.words) and len(reports) == len(in_the_case):
        return True
    # "I don't take any": a clause of the user's own that denies, with no sign in it, is
    # an answer to the question, not a report.
    denying = {message.clauses[i] for i in message.negations} - sign_clauses
    # "Mine are fine": a clause that says the user is clear answers the question too.
    denying |= {hit.clause for hit in hits if hit.label in (DENIED_AFTER, DENIES_IT)}
    # "... just wondering, I'm fine": a clause that only says the user is well answers it too.
    denying |= _fine_clauses(hits, message)
    if any(
        word in OWN_WORDS and i not in framed and message.clauses[i] not in denying
        for i, word in enumerate(message.words)
    ):
        return False
    # "Is it normal to not be able to pee? been like it since Tuesday": a report, "I've"
    # left out.
    if reports:
        return False
    # Asked or read first: "numbness down below since Monday, is that serious?" and "had a
    # bad fall" are reports.
    words = message.words
    if _opens_with_question(range(len(words)), words):
        return True
    signs = [hit.start for hit in hits if hit.label not in NOT_SIGN_WORDS]
    first_sign = min(signs, default=len(words))
    # "Just curious, why is numbness a big deal?": the question opens the sign's clause.
    sign_clause = message.clauses[first_sign] if first_sign < len(words) else None
    if sign_clause is not None and _opens_with_question(message.spans[sign_clause], words):
        return True
    # "I was told it would ease. Six weeks. Same ache.": what was said ends its sentence, and
    # a statement after it with no question reports the user's own sign.
    if "?" not in words[first_sign:] and all(
        not SENTENCE_ENDS.isdisjoint(words[hit.end : first_sign])
        for hit in frames
        if hit.label == HEARSAY
    ):
        return False
    return any(hit.label == HEARSAY and hit.start < first_sign for hit in frames)


# "Fine otherwise", "fine now": well but for something, or well again after it.
FINE_BUT = _words("otherwise apart except besides now though but mostly again")


def _fine_clauses(hits: list["_Hit"], message: "_Message") -> set[int]:
    """The clauses that say only that the user is well ("I'm fine", "all good here"), with
    no sign in them and nothing that leaves room for one ("fine otherwise", "fine now")."""
    signed = {hit.clause for hit in hits if hit.label in SIGNS}
    return {
        hit.clause
        for hit in hits
        if hit.label == UNHURT
        and hit.clause not in signed
        and FINE_BUT.isdisjoint(message.words[message.spans[hit.clause].start : hit.end + 2])
    }


def _user_says_fine(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether the user says, in a clause of its own with no one else in it, that they are
    well ("my friend's legs went, I'm fine"): another's sign is then not the user's."""
    for clause in _fine_clauses(hits, message):
        span = message.spans[clause]
        words = set(message.words[span.start : span.stop])
        if not FIRST_PERSON.isdisjoint(words) and OTHER_PEOPLE.isdisjoint(words):
            return True
    return False


# Who a negated opening asks about: "can't I ...?", "isn't it ...?" are questions.
ASKED_OF = _words("i you it we he she they that this there")


def _reported_after(asked_at: int, hits: list["_Hit"], message: "_Message") -> bool:
    """Whether a sentence after the question states a sign with when it started or how
    long it has lasted, and asks nothing: "Is it normal to ...? Sex feels numb since
    Monday." is the user's own report."""
    words = message.words
    sentence = [0] * len(words)
    for i in range(1, len(words)):
        sentence[i] = sentence[i - 1] + (words[i - 1] in SENTENCE_ENDS)
    later: dict[int, set[str]] = {}
    for hit in hits:
        if hit.start > asked_at:
            later.setdefault(sentence[hit.start], set()).add(hit.label)
    frames = {ASKING, HEARSAY, INFO_FOR, IN_GENERAL}
    for number, labels in later.items():
        end = max(i for i, n in enumerate(sentence) if n == number)
        if words[end] == "?" or labels & frames:
            continue
        if labels & SINCE_WHEN and labels - NOT_SIGN_WORDS - SINCE_WHEN:
            return True
    return False


def _opens_with_question(clause: range, words: list[str]) -> bool:
    """Whether a clause's first word, after any opener, is a question word. A negated
    one with no one asked of after it is a report: "cant piss", "can't feel my feet"."""
    opening = next((i for i in clause if words[i] not in OPENERS), None)
    if opening is None or words[opening] not in QUESTION_WORDS:
        return False
    after = words[opening + 1 : opening + 3]
    return not (after[:1] == ["not"] and after[1:] and after[1] not in ASKED_OF)


# After a denial of the user's own: "I don't have it", "I haven't got any", "not that I
# have it". Not "I don't know if I have it", which is unsure.
HAVING = _words("have has had got get gets experience experienced suffer notice noticed")
NOT_SURE = _words("know sure think whether if certain")


def _denies_having(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether a clause with no sign in it says the user does not have the sign asked about."""
    sign_clauses = _sign_clauses(hits)
    # "What is X? the physio mentioned it but I don't have it": a denial phrase of its own.
    denials = (DENIED_AFTER, DENIES_IT)
    if any(hit.label in denials and hit.clause not in sign_clauses for hit in hits):
        return True
    words = message.words
    for cue in message.negations:
        clause = message.clauses[cue]
        if clause in sign_clauses or not OWN_WORDS & {words[i] for i in message.spans[clause]}:
            continue
        after = words[cue + 1 : cue + 4]
        if any(w in HAVING for w in after) and not NOT_SURE & set(after):
            return True
    return False


def _user_involved(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether a message about someone else's fall or illness brings the user in too:
    "landed on me", "we were rear-ended", or pain of the user's own ("and my back hurts"),
    not "... so it doesn't happen to me".
    "My sister had a fall and hurt her back" is hers alone: nothing to ask. A "we" only
    in a clause with no sign in it is what the two did next ("the wife has a fever, so we
    skipped our walk"), not the user in the sign."""
    sign_clauses = _sign_clauses(hits)
    # "..., so it doesn't happen to me": a clause that denies, with no sign in it, keeps
    # the user out of it.
    denying = {message.clauses[i] for i in message.negations} - sign_clauses
    # "..., so I'm doing these to stay strong myself": the user's own exercise, with no
    # sign in it, keeps the user out of another's fall.
    denying |= {hit.clause for hit in hits if hit.label == OWN_SETTING} - sign_clauses
    if any(
        word in INVOLVED
        and (word not in SHARED or message.clauses[i] in sign_clauses)
        and message.clauses[i] not in denying
        for i, word in enumerate(message.words)
    ):
        return True
    # "My husband has it down to his foot, I don't, just a sore bum": the user says in a
    # clause of its own that they have none of it; their own ache is then no sign of it.
    if any(_disowns(message, clause) for clause in denying):
        return False
    # "My sister's goes to her foot, I just have a stiff back": a clause of the user's own,
    # nothing in it but back pain, says their complaint is only a lesser one.
    for mine in (hit for hit in hits if hit.label == "JUST_MINE"):
        said = {hit.label for hit in hits if hit.clause == mine.clause}
        if said <= NOT_SIGN_WORDS | OWN_COMPLAINT:
            return False
    return any(hit.label in OWN_COMPLAINT and _owner_is_user(hit.start, message) for hit in hits)


def _owner_is_user(position: int, message: "_Message") -> bool:
    """Whether, before a word in its clause, the user is the last one named (or no one)."""
    if "my" in message.words[max(position - 1, 0) : position + 1]:
        return True  # "my dad can't pee and my back hurts": the back is the user's
    clause = message.spans[message.clauses[position]]
    for i in range(position - 1, clause.start - 1, -1):
        word = message.words[i]
        if word in FIRST_PERSON:
            return True
        if word in OTHER_PEOPLE:
            return False
    return True


def _fine(rule: Rule, message: "_Message") -> bool:
    """Whether the message says the other person is fine: "he's fine", "she was okay"."""
    return any(
        word in rule.someone_else_fine and not message.denied(i, 2)
        for i, word in enumerate(message.words)
    )


def says(text: str, concept: str) -> bool:
    """Whether the text says a concept, not denied: says("my GP has seen me", "CLEARED")."""
    hits, _ = _hits(text)
    return any(hit.label == concept for hit in hits)


def _hits(text: str) -> tuple[list["_Hit"], "_Message | None"]:
    """The labelled phrases in the text that are neither vetoed nor denied."""
    if not text or not re.search(r"[a-zA-Z]", text):
        return [], None
    nlp, matcher = _matcher()
    text = text[: nlp.max_length]
    if _ABBREVIATION is not None:
        text = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m[1]], text)
    text = _DROPPED_G_MARK.sub("", text)
    text = _READING.sub(_reading, text)
    if _BODY_HEAT.search(text) and not _NOT_BODY_HEAT.search(text):
        text = _DEGREES.sub(_reading, text)
    text = _SCORE_MOVED.sub(_score_moved, text)
    text = _HEARD_SPAN.sub(_heard_span, text)
    for pattern, read_as in REWRITES:
        text = pattern.sub(read_as, text)
    for pattern, read_as in SOUNDALIKES:
        text = pattern.sub(lambda m, read_as=read_as: (m["lead"] or "") + read_as, text)
    doc = nlp.make_doc(text.lower())
    words = []
    for i, token in enumerate(doc):
        word = _fold(token.norm_)
        if word in AGE_FIGURES and i + 1 < len(doc) and doc[i + 1].norm_ in DURATIONS:
            word = FIGURE  # "for 12 hours": a length of time, not an age
        if i + 1 < len(doc) and doc[i + 1].norm_ == "days" and token.norm_.isdigit():
            word = LONG_DAYS if int(token.norm_) >= LONG_DAYS_FROM else word
        if i + 1 < len(doc) and doc[i + 1].norm_ in SESSION_WORDS and token.norm_.isdigit():
            word = LONG_SESSIONS if int(token.norm_) >= LONG_SESSIONS_FROM else word
        if i and words[i - 1] in SPAN_WEEKS:
            word = _counted_in(token.norm_) or word
        if word != token.norm_:
            token.norm_ = word
        words.append(word)
    found = []
    opening = _opening_age(words)
    if opening:
        found.append(opening)
    for label, start, end in matcher(words):
        if end < len(words) and words[end] in VETO_NEXT.get(label, ()):
            continue
        if start > 0 and words[start - 1] in VETO_PREVIOUS.get(label, ()):
            continue
        if not VETO_IN_MESSAGE.get(label, frozenset()).isdisjoint(words):
            continue
        found.append((label, start, end))
    found.sort(key=lambda f: (f[1], f[2]))
    message = _read(doc, words, found)
    hits, vetoed = [], {}  # (label, clause) -> whether a veto word is in that clause
    for label, start, end in found:
        clause = message.clauses[start]
        vetoes = VETO_IN_CLAUSE.get(label)
        if vetoes and (label, clause) not in vetoed:
            span = message.spans[clause]
            # A veto word denied is none: "steroid tablets, not the inhaler".
            vetoed[label, clause] = any(
                message.words[i] in vetoes and not message.denied(i, VETO_DENIAL_WINDOW)
                for i in span
            )
        if not vetoed.get((label, clause)):
            hits.append(_Hit(label.split(".")[0], start, end, clause))
    message.seen.update(label.split(".")[0] for label, _, _ in found)
    hits = [hit for hit in hits if not _undone(hit, hits)]
    # "A rash on my arm, and my back aches more at night": with pain said, a rash or a
    # cough beside it explains no pain sign away.
    if any(hit.label == "PAIN" for hit in hits):
        hits = [hit for hit in hits if hit.label != NOT_PAIN_THING]
    return _undenied(hits, message), message


def _undone(hit: _Hit, hits: list[_Hit]) -> bool:
    """Whether a concept that undoes this hit is said after it."""
    undoing = UNDONE_BY.get(hit.label)
    return undoing is not None and any(
        other.label == undoing and other.start >= hit.end for other in hits
    )


def _if_still_later(words: list[str], i: int) -> bool:
    """Whether "still" at i is part of a case put as "if" about a time to come: "if it
    still hurts in a month"; not "if it still aches I stop, been aching 3 weeks", where the
    weeks are a report of their own."""
    if "if" not in words[max(i - 3, 0) : i]:
        return False
    rest = words[i + 1 :]
    clause = rest[
        : next((n for n, w in enumerate(rest) if w in CLAUSE_PUNCTUATION or w == ","), len(rest))
    ]
    return not LATER_IN_IF.isdisjoint(clause)


def _read(doc: Doc, words: list[str], found: list[tuple[str, int, int]]) -> _Message:
    """Clauses (punctuation and words such as "but" start a new one) and denials."""
    ends_from: dict[int, int] = {}
    for _, start, end in found:
        ends_from[start] = max(end, ends_from.get(start, end))
    ends = {end for _, _, end in found}
    # "my groin and the backs of my thighs": "and" after a place lists places.
    place_ends = {end for label, _, end in found if label.split(".")[0] in PLACES}
    clauses, clause = [], 0
    for i, token in enumerate(doc):
        word = words[i]
        if (
            token.is_space
            or word in CLAUSE_PUNCTUATION
            or (
                word in CLAUSE_WORDS
                and not (word in AFTER_BE and i and words[i - 1] in BE)
                and not (word == "still" and _if_still_later(words, i))
            )
            or (
                word == "and"
                and i + 1 < len(words)
                and words[i + 1] in AND_BEFORE
                and i not in place_ends
            )
            or (word in DASHES and i and doc[i - 1].whitespace_ and token.whitespace_)
            or (word == "," and not _in_a_list(i, words, ends, ends_from))
        ):
            clause += 1
        clauses.append(clause)
    spans = [range(0)] * (clause + 1)
    first = 0
    for i in range(1, len(clauses) + 1):
        if i == len(clauses) or clauses[i] != clauses[first]:
            spans[clauses[first]] = range(first, i)
            first = i
    # A denial said after the signs is a denial in its own place too: "I don't have any
    # tingling in my groin".
    # So is the "not" of "not dieting" (NOT_DIETING): it still denies the diet, not the loss.
    inside = {
        i
        for label, start, end in found
        if label not in (DENIED_AFTER, NOT_DIETING)
        for i in range(start, end)
    }
    return _Message(words, clauses, spans, _negations(words, clauses, inside))


def _in_a_list(comma: int, words: list[str], ends: set[int], ends_from: dict[int, int]) -> bool:
    """Whether a comma separates symptoms in a list closed by "or": "no numbness, tingling
    or weakness". Otherwise a comma ends the clause: "no fever, tingling in my groin"."""
    if comma not in ends:
        return False
    i = comma + 1
    for _ in range(LONGEST_LIST):
        if i not in ends_from:
            return False
        i = ends_from[i]
        if i < len(words) and words[i] in ("or", "nor"):
            return True
        if not (i < len(words) and words[i] == ","):
            return False
        i += 1
    return False


def _negations(words: list[str], clauses: list[int], inside: set[int]) -> list[int]:
    """Positions of words that deny what follows ("not" in "can't pee" is part of a sign)."""
    found: list[int] = []
    stated: set[int] = set()  # clauses with a "can't" that states a sign
    for i, word in enumerate(words):
        if word not in NEGATIONS or i in inside:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in NOT_A_NEGATION_BEFORE or (word == "no" and after in NO_AS_ANSWER_BEFORE):
            continue
        vouched = words[i + 2] if after == "even" and i + 2 < len(words) else after
        if (word == "not" and vouched in VOUCHING) or (word == "no" and vouched in NO_VOUCHING):
            continue
        if word == "not" and i and words[i - 1] in MODALS and after in CANT_DO:
            stated.add(clauses[i])
            continue
        if word == "without" and clauses[i] in stated:
            continue  # "can't walk without my legs giving way": the two cancel out
        if word == "nothing" and i and words[i - 1] in DOING:
            continue  # "lying there doing nothing it throbs": at rest, not a denial
        if _since_childhood(i, words, clauses):
            continue  # "I haven't wet the bed since I was a kid": the first time in years
        if word == "without" and found and clauses[found[-1]] == clauses[i]:
            found.pop()  # "can't walk without my legs giving way": the two cancel out
            continue
        found.append(i)
    return found


def _since_childhood(negation: int, words: list[str], clauses: list[int]) -> bool:
    """Whether the clause after a denial says "since I was a kid": then it denies nothing."""
    end = negation
    while end < len(words) and clauses[end] == clauses[negation]:
        end += 1
    if not (end < len(words) and words[end] == "since"):
        return False
    return any(word in CHILDHOOD for word in words[end + 1 : end + 6])


# A sign feared or guarded against ("scared of getting ...", "in case I ever get ..."), a
# fear with a time to come in its clause ("... when I'm older"), and that time to come.
FEARED, FEAR_AHEAD, LATER, WILL = "FEARED", "FEAR_AHEAD", "LATER", "WILL"


def _feared_spans(hits: list[_Hit], message: _Message) -> list[tuple[int, int]]:
    """The spans of signs the user fears may come, not has: after FEARED to the end of its
    clause ("terrified of ending up incontinent"), or after a fear with a time to come in
    its clause ("I dread losing bladder control in old age"). A sign followed by "will" is
    there now and may worsen ("worried the numbness will spread"): see _undenied."""
    later = {hit.clause for hit in hits if hit.label in (LATER, WILL)}
    return [
        (hit.end, message.spans[hit.clause].stop)
        for hit in hits
        if hit.label == FEARED or (hit.label == FEAR_AHEAD and hit.clause in later)
    ]


def _feared(hit: _Hit, spans: list[tuple[int, int]], hits: list[_Hit]) -> bool:
    """Whether a sign's words are feared, not had (_feared_spans)."""
    if hit.label in NOT_SIGN_WORDS or not any(start <= hit.start < end for start, end in spans):
        return False
    # "Scared the numbness will spread": the sign is the subject of what may come.
    return not any(
        other.label == WILL and other.clause == hit.clause and other.start >= hit.end
        for other in hits
    ) or any(other.label == FEARED and other.clause == hit.clause for other in hits)


def _undenied(hits: list[_Hit], message: _Message) -> list[_Hit]:
    """The hits not denied. A denial carries along a list: "no numbness or tingling"."""
    kept, denied_end = [], {}  # clause -> end of the last denied hit in it
    denied_before = _denied_after(hits, message)
    feared = _feared_spans(hits, message)
    for hit in hits:
        if hit.label not in NOT_SIGN_WORDS and any(
            start <= hit.start < end for start, end in denied_before
        ):
            continue
        if _feared(hit, feared, hits):
            continue
        window = PLACE_NEGATION_WINDOW if hit.label in PLACES else NEGATION_WINDOW
        end = denied_end.get(hit.clause)
        listed = (
            end is not None
            and 0 <= hit.start - end <= 3
            and all(message.words[i] in CONNECTORS for i in range(end, hit.start))
        )
        if hit.label in (ASKING, HEARSAY):
            kept.append(hit)  # "is it not a bad sign?" still asks
        elif listed or message.denied(hit.start, window) or _answered_no(hit, message):
            denied_end[hit.clause] = max(hit.end, end or 0)
        else:
            kept.append(hit)
    return kept


def _denied_after(hits: list[_Hit], message: _Message) -> list[tuple[int, int]]:
    """The spans a denial said after the signs takes back: "numbness in the saddle, I
    don't have any", "tingling, weak legs, none of that", "numb groin? nope not me",
    and by voice, without commas: "numb groin or weak legs none of that". The denial
    comes right after the signs (only words such as "and", "but", "so" between), names
    no sign after it in that sentence and ends it (or only filler follows); it takes back the
    signs said before it in that sentence. "I said no" takes back only the signs someone
    asked the user about: "my GP asked if I had any numbness, I said no"."""
    spans = []
    words = message.words
    for hit in hits:
        if hit.label not in (DENIED_AFTER, SAID_NO):
            continue
        i = hit.end
        while i < len(words) and words[i] in TRAILING_FILLER:
            i += 1
        if i < len(words) and words[i] not in SENTENCE_ENDS | MOVING_ON:
            continue
        # A sign in a later sentence is a new matter: "..., I said no. Can I start now?"
        ends = next((k for k in range(i, len(words)) if words[k] in SENTENCE_ENDS), len(words))
        if any(
            other.label not in NOT_SIGN_WORDS and hit.start <= other.start < ends for other in hits
        ):
            continue
        j = hit.start - 1
        while j >= 0 and words[j] in TRAILING_OPENERS:
            j -= 1
        if j >= 0 and words[j] == "?":  # a question the denial answers: "numb legs? not me"
            j -= 1
        if not any(
            other.label not in NOT_SIGN_WORDS and j - 1 <= other.end - 1 <= j for other in hits
        ):
            continue  # the signs come right before the denial
        start = next((k + 1 for k in range(j, -1, -1) if words[k] in SENTENCE_ENDS), 0)
        if hit.label == SAID_NO:
            asked = [a.end for a in hits if a.label == ASKED_IF_HAD and start <= a.start < j]
            if not asked:
                continue
            start = max(asked)
        if _out_of_character(hit, start, hits, message):
            continue
        spans.append((start, hit.start))
    return spans


def _out_of_character(denial: _Hit, start: int, hits: list[_Hit], message: _Message) -> bool:
    """Whether a "that's not me" after the signs says they are not like the user rather
    than not the user's: after an event the user tells of themselves ("woke up and the
    bed was soaked, I'm 52 and that's not me") it unsays nothing; after a sign named on
    its own ("numb groin? that's not me") it is a denial."""
    if not any(
        other.label == NOT_LIKE_ME and other.start <= denial.start < other.end for other in hits
    ):
        return False
    words = message.words
    return any(
        (word in OWN_WORDS and not _names_another(i, words)) or word in NARRATED
        for i, word in enumerate(words[start : denial.start], start)
    )


def _names_another(position: int, words: list[str]) -> bool:
    """Whether an own word only names another person: "my grandad", "a friend of mine"."""
    word = words[position]
    if word in ("my", "our"):
        return position + 1 < len(words) and words[position + 1] in OTHER_PEOPLE
    return word == "mine" and position > 1 and words[position - 2] in OTHER_PEOPLE


SENTENCE_ENDS = _words(". ! ? ...")
NOT_LIKE_ME = "NOT_LIKE_ME"  # "that's not like me": said after a sign, no denial of it
# Words that tell of something that happened to the user: "woke up and the bed was wet".
NARRATED = _words("woke waking wake found noticed happened")
# Before a denial said after the signs: "..., but I don't have any", "..., so nope not me".
TRAILING_OPENERS = _words(", ; : - – — and but so though well luckily thankfully happily i")
# After it: "none of that, thankfully", "i dont have any at all lol".
TRAILING_FILLER = _words(
    ", at all thankfully luckily happily though tho really honestly whatsoever lol haha hah ha"
    " hahaha hehe lmao"
    " phew thank god goodness fortunately either so far yet as far i know can tell"
)
# A change of subject after it ends the sentence too: "..., not me though, anyway 8 done".
MOVING_ON = _words("anyway anyways anyhow anyhoo")


# A sign named as a question and answered at once: "tingling? no", "numbness: none".
ASKED_MARKS = _words("? : - – —")
ANSWERS_NO = _words("no nope nah none nil negative never")
ANSWER_ENDS = CLAUSE_PUNCTUATION | _words(", at really thankfully thank and but just")


ANSWERED_QUESTION_TAIL = 3  # "the pain wakes me up? no": words of the question after the sign


def _answered_no(hit: _Hit, message: _Message) -> bool:
    """Whether the sign is asked in a question its own clause closes, then answered no."""
    words, clauses = message.words, message.clauses
    last = min(hit.end + ANSWERED_QUESTION_TAIL, len(words) - 2)
    marks = range(hit.end, last + 1)
    mark = next((i for i in marks if words[i] in ASKED_MARKS and words[i + 1] in ANSWERS_NO), None)
    if mark is None or any(clauses[i] != hit.clause for i in range(hit.end, mark)):
        return False
    return mark + 2 >= len(words) or words[mark + 2] in ANSWER_ENDS


USER, SOMEONE_ELSE = "user", "someone else"
QUESTION_WORDS = _words("is are can could does do did should would will what how when why which")
OPENERS = _words("hi hey hello so ok okay um erm quick question q , : - just also and but btw oh")
FIRST_PERSON = _words("i me myself im i'm we us ourselves")
# Words that make a message the user's own, outside a question frame ("my", "mine").
OWN_WORDS = FIRST_PERSON | _words("my mine our")
INVOLVED = _words("me us we ourselves myself")  # "my dad fell onto me"
SHARED = _words("us we ourselves")  # the user among others: "we were rear-ended"
VEHICLES = _words("car van motor vehicle bike motorbike truck lorry")
OWN_COMPLAINT = frozenset({"PAIN", "BACK"})
OTHER_PEOPLE = WORD_LISTS["FAMILY"] | _words("he she they him her his hers them their")

# The only words of a clause that says "not me": "I don't", "not me", "I haven't though".
DISOWNING = (
    FIRST_PERSON
    | NEGATIONS
    | _words("do does did have has am m 's s got that it though thankfully luckily but myself mine")
)


def _disowns(message: "_Message", clause: int) -> bool:
    """Whether a clause is only the user saying it is not theirs: "I don't", "not me"."""
    span = message.spans[clause]
    words = [
        w for w in message.words[span.start : span.stop] if w not in CLAUSE_PUNCTUATION | {","}
    ]
    return (
        0 < len(words) <= 4
        and set(words) <= DISOWNING
        and not FIRST_PERSON.isdisjoint(words)
        and not NEGATIONS.isdisjoint(words)
    )


def _applies(rule: Rule, hits: list[_Hit], message: _Message) -> str | None:
    """Whether the hits (sorted by start) make the rule's sign: USER, SOMEONE_ELSE when
    only about another person ("my son fell off his bike"), or None."""
    if not all(any(hit.label in group for hit in hits) for group in rule.context):
        return None
    # "Hasn't gone away": the easing words inside the rule's own not-better phrase are
    # that phrase, negated, so they explain nothing away.
    needed = {
        i
        for hit in hits
        if any(hit.label in group for group in rule.needs)
        for i in range(hit.start, hit.end)
    }
    said = [hit for hit in hits if not set(range(hit.start, hit.end)) <= needed]
    if rule.unless_said and all(
        any(hit.label in group for hit in said) for group in rule.unless_said
    ):
        return None
    # "It used to ache at night, gone since", "the tingling I had last year cleared up": a
    # sign of the past, now over, is no sign now. Only a "soon" sign: an emergency is asked.
    if (
        SIGNS[rule.sign].urgency == SOON
        and rule.sign not in PAST_COUNTS
        and all(any(hit.label in group for hit in said) for group in PAST_AND_GONE)
    ):
        return None
    other = None
    # The words of the concepts the rule needs anywhere are its own, like its needs:
    # "always fine until last week" is no "always" that explains it away.
    context = {
        i
        for hit in hits
        if any(hit.label in group for group in rule.context) or hit.label == NOT_DIETING
        for i in range(hit.start, hit.end)
    }  # "I haven't changed my diet" (NOT_DIETING) names a diet that explains nothing
    first, *others = rule.needs
    starts = [hit.start for hit in hits]
    explanations: dict[int, list[int]] = {}  # clause (-1: message) -> unless words in it
    for anchor in (hit for hit in hits if hit.label in first):
        low = bisect_left(starts, anchor.start - MAX_SPAN)
        nearby = hits[low : bisect_right(starts, anchor.start + MAX_SPAN)]
        near = [
            [hit for hit in nearby if hit.label in group and hit.clause == anchor.clause]
            for group in others
        ]
        for chosen in product([anchor], *near):
            if max(h.end for h in chosen) - min(h.start for h in chosen) > MAX_SPAN:
                continue
            if rule.unless and _explained(rule, chosen, message, explanations, context):
                continue
            if rule.unless_said_here and any(
                hit.label in rule.unless_said_here and hit.clause == chosen[0].clause
                for hit in hits
            ):
                continue
            if rule.unless_said_near and _said_near(rule, chosen, hits, message):
                continue
            if (
                rule.someone_else
                and _about_someone_else(rule, chosen, message)
                and not _written_for_them(rule, chosen, hits, message)
            ):
                other = SOMEONE_ELSE
                continue
            if _theirs(chosen, message) and not _taken_for_them(rule, chosen, message, hits):
                other = SOMEONE_ELSE
                continue
            if _their_known_condition(chosen, message) or _theirs_in_care(chosen, hits, message):
                other = SOMEONE_ELSE
                continue
            if _user_says_fine(hits, message) and _someone_named_before(chosen, message):
                other = SOMEONE_ELSE  # "my wife has gone numb down below ... I'm fine": hers
                continue
            return USER
    return other


POSSESSIVES = _words("his her their himself herself themselves")  # "she wets herself"


def _someone_named_before(chosen: tuple[_Hit, ...], message: _Message) -> bool:
    """Whether another person is named before the sign in its clause: "my dad lost ..."."""
    first = min(hit.start for hit in chosen)
    span = message.spans[message.clauses[first]]
    return not OTHER_PEOPLE.isdisjoint(message.words[span.start : first])


def _theirs(chosen: tuple[_Hit, ...], message: _Message) -> bool:
    """Whether the sign's body part is another person's, named earlier in the message:
    "my husband can't control his bladder", but not "my wife says I can't control my
    bladder" nor "I can't feel my legs, his fault"."""
    first = min(hit.start for hit in chosen)
    last = max(hit.end for hit in chosen)
    span = message.words[max(first - 1, 0) : last + 1]
    if not any(word in POSSESSIVES for word in span) or any(w in OWN_WORDS for w in span):
        return False
    return any(word in OTHER_PEOPLE - POSSESSIVES for word in message.words[:first])


PETS = WORD_LISTS["PETS"]
KNOWN_CAUSE = WORD_LISTS["KNOWN_CAUSE"]


UNDER_CARE = "UNDER_CARE"


def _taken_for_them(
    rule: Rule, chosen: tuple[_Hit, ...], message: _Message, hits: list[_Hit] = ()
) -> bool:
    """Whether another person's sign is taken as reported: an emergency told for a
    person the user helps ("my dad's legs keep going from under him", "she can't feel
    when she needs the loo") gets the advice; a pet's does not, and a soon sign of
    someone else's gets it when the user writes for them, as the one who exercises or
    the one whose back hurts ("mum has been on steroids for years, her back aches now")."""
    if SIGNS[rule.sign].urgency != EMERGENCY:
        return _written_for_them(rule, chosen, hits, message)
    if _user_says_fine(hits, message):
        return False  # "my husband's groin is numb, he's calling the GP. I'm fine": his
    if any(hit.label == UNDER_CARE for hit in hits):
        return False  # "she's seeing the doctor about it": already in a doctor's hands
    if _past_and_gone(hits):
        return False  # "his legs went last year, he's fine now": theirs, and over
    if _asked_of_theirs(hits, message):
        return False  # "my uncle can't hold his water, is that his back?": asked, not claimed
    return _no_pet_before(chosen, message)


THIRD_PERSON = _words("he she they")


# A cause asked about: "is that because of ...?", "could it be linked to ...?".
CAUSE_ASKED = _words("because cause caused causing linked related connected due")


def _asked_of_theirs(hits: list[_Hit], message: _Message) -> bool:
    """Whether the user asks what causes another person's sign ("is that because of her
    back?") and says nothing of their own: no "I", "me", "we" anywhere. Theirs, not the
    user's; "what should she do?" still gets the advice for them."""
    return (
        "?" in message.words
        and any(hit.label == ASKING for hit in hits)
        and not CAUSE_ASKED.isdisjoint(message.words)
        and FIRST_PERSON.isdisjoint(message.words)
    )


def _theirs_and_over(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether a sign is told of someone else, in the past and over: "my wife's legs gave
    way last year, she's fine now". The one said to be fine now is another person ("she's
    fine", not "I'm fine"), so the sign was theirs; it is no emergency of the user's."""
    if not _past_and_gone(hits):
        return False
    # "..., but I can't pee since Monday": a sign of the user's own said beside it.
    for clause in _sign_clauses(hits):
        span = message.spans[clause]
        if not FIRST_PERSON.isdisjoint(message.words[span.start : span.stop]):
            return False
    for hit in hits:
        if hit.label != RESOLVED:
            continue
        clause = message.spans[hit.clause]
        before = message.words[clause.start : hit.start]
        if THIRD_PERSON.intersection(before) and OWN_WORDS.isdisjoint(before):
            return True
    return False


def _past_and_gone(hits: list["_Hit"]) -> bool:
    """Whether the message puts a sign in the past ("last year", "ages ago") and says it
    is over ("she's fine now"): another person's sign so told is no emergency now."""
    labels = {hit.label for hit in hits}
    return all(labels & group for group in PAST_AND_GONE)


def _over_long_ago(hits: list["_Hit"], message: "_Message") -> bool:
    """Whether the message puts a sign long ago and says it is over, with nothing that
    says it is so now: no "since Monday", "for hours", "new", "now", "still", "again"
    (the "now" of "fine now" is the sign over; "right then" is no "right now")."""
    labels = {hit.label for hit in hits}
    over = {
        i
        for hit in hits
        if any(hit.label in group for group in PAST_AND_GONE)
        for i in range(hit.start, hit.end)
    }
    said_now = any(word in STILL_SO_NOW and i not in over for i, word in enumerate(message.words))
    return _past_and_gone(hits) and not labels & SINCE_WHEN and not said_now


def _written_for_them(
    rule: Rule, chosen: tuple[_Hit, ...], hits: list[_Hit], message: _Message
) -> bool:
    """Whether the user writes for the other person: the one who exercises, or the one
    whose back hurts after their sign."""
    return _they_exercise(chosen, hits, message) or _their_back_hurts(rule, chosen, hits, message)


# An injury's hurt back is the injury itself ("my brother came off his bike and hurt his
# back"): not back pain that shows the user writes for them.
HURT_IN_IT = frozenset({"trauma"})


def _their_back_hurts(
    rule: Rule, chosen: tuple[_Hit, ...], hits: list[_Hit], message: _Message
) -> bool:
    """Whether back pain is said after the other person's sign with nothing of the user's
    between ("my dad takes steroids, his back aches"): the back pain is theirs, so the
    user writes about them; not "mum's on steroids and my back hurts"."""
    if rule.sign in HURT_IN_IT:
        return False
    end = max(hit.end for hit in chosen)
    return _no_pet_before(chosen, message) and any(
        hit.label in OWN_COMPLAINT
        and hit.start >= end
        and OWN_WORDS.isdisjoint(message.words[end : hit.end])
        for hit in hits
    )


# "She wants to do her lifts": the other person named is the one who exercises.
THEY_EXERCISE = "THEY_EXERCISE"


def _they_exercise(chosen: tuple[_Hit, ...], hits: list[_Hit], message: _Message) -> bool:
    """Whether the user writes for the person whose sign it is, who does the exercises:
    "Dad is 80 and fell yesterday, his back hurts, he wants to do the lifts" (the sign is
    the exerciser's, as if their own); never a pet's."""
    return any(hit.label == THEY_EXERCISE for hit in hits) and _no_pet_before(chosen, message)


def _no_pet_before(chosen: tuple[_Hit, ...], message: _Message) -> bool:
    """No pet named before the sign's words: a pet's sign is never taken as a person's."""
    first = min(hit.start for hit in chosen)
    return not any(word in PETS for word in message.words[:first])


def _theirs_in_care(chosen: tuple[_Hit, ...], hits: list[_Hit], message: _Message) -> bool:
    """Whether the sign is another person's, named before it in its clause, and already in
    a doctor's hands: "my mum has numb legs, she's seeing the doctor, can I still train?"."""
    if not any(hit.label == UNDER_CARE for hit in hits):
        return False
    first = min(hit.start for hit in chosen)
    clause = message.spans[chosen[0].clause]
    for i in range(first - 1, clause.start - 1, -1):
        word = message.words[i]
        if word in FIRST_PERSON:
            return False
        if word in OTHER_PEOPLE and word not in PETS:
            return True
    return False


def _their_known_condition(chosen: tuple[_Hit, ...], message: _Message) -> bool:
    """Whether the sign is another person's, put down to a known condition of theirs:
    "my husband can't control his bladder since his prostate op", "my dad's legs are
    weak since his stroke" (the user asks whether the exercise suits them)."""
    if not any(word in KNOWN_CAUSE for word in message.words):
        return False
    first = min(hit.start for hit in chosen)
    last = max(hit.end for hit in chosen)
    if any(word in OWN_WORDS - {"my"} for word in message.words[first:last]):
        return False
    before = message.words[:first]
    return any(
        word in OTHER_PEOPLE - POSSESSIVES - {"them", "they"} for word in before
    ) and not any(word in FIRST_PERSON for word in before[-4:])


# Clause openers after which the subject is the one named just before: "the cat just ...".
SUBJECT_CARRIED = _words("just also then")
PET_POSSESSIVES = _words("his her its their")


def _about_someone_else(rule: Rule, chosen: tuple[_Hit, ...], message: _Message) -> bool:
    """Whether, before the sign's words in their clause, another person is the last one
    named: "my partner fell off a ladder", but not "I fell over my son's bike"."""
    first = min(hit.start for hit in chosen)
    if "my" in message.words[max(first - 1, 0) : first + 1]:
        return False  # "my partner says my legs are weak": the legs are the user's
    if any(message.words[i] in FIRST_PERSON for hit in chosen for i in range(hit.start, hit.end)):
        return False  # "friends comment on how much weight I've lost": the user's own
    said = message.words[first : max(hit.end for hit in chosen) + 1]
    if any(word in INVOLVED for word in said) or any(
        a in ("my", "our") and b in VEHICLES for a, b in zip(said, said[1:], strict=False)
    ):
        return False  # "someone went into the back of my car": the user was in it
    clause = message.spans[chosen[0].clause]
    start = clause.start
    users_own = any(message.words[i] in OWN_WORDS for i in clause)
    # "The dog, just lost control of his bladder": a clause opened by "just" with no one
    # of its own says what the one named before it did.
    if start > 0 and message.words[start] in SUBJECT_CARRIED and not users_own:
        start = message.spans[chosen[0].clause - 1].start
    # "My cat wet the rug, lost control of her bladder": a pet named earlier, and the
    # sign's clause says whose it is ("her", "its"), with nothing of the user's in it.
    if (
        not users_own
        and any(message.words[i] in PET_POSSESSIVES for i in clause)
        and any(w in PETS and w in rule.someone_else for w in message.words[:first])
    ):
        return True
    for i in range(first - 1, start - 1, -1):
        word = message.words[i]
        if word in FIRST_PERSON:
            return False
        # Named in one word or two: "my son", "my little one" ("little+one" in the YAML).
        pair = f"{message.words[i - 1]}+{word}" if i else word
        if word in rule.someone_else or pair in rule.someone_else:
            return True
    return False


def _explained(
    rule: Rule,
    chosen: tuple[_Hit, ...],
    message: _Message,
    explanations: dict[int, list[int]],
    context: frozenset[int] | set[int] = frozenset(),
) -> bool:
    """Whether an `unless` word, other than the sign's own words ("62 years" is no "for
    years"), is in the clause or, with unless_in_message, the message; not when it is
    denied ("I haven't been on a bike") or a comparison ("as if I'd sat at a desk")."""
    scope = -1 if rule.unless_in_message else chosen[0].clause
    if scope not in explanations:
        words = range(len(message.words)) if scope == -1 else message.spans[scope]
        if scope > 0 and rule.unless_before:
            before = message.spans[scope - 1]
            if not any(message.words[i] in SENTENCE_ENDS for i in (*before, words.start)):
                words = range(before.start, words.stop)
        explanations[scope] = [
            i
            for i in words
            if message.words[i] in rule.unless
            and not message.denied(i, EXPLANATION_DENIAL_WINDOW)
            and not _compared(i, message)
        ]
    # Nor a word that only names the sign's place: "where I'd sit on a bike saddle".
    own = {i for hit in chosen for i in range(hit.start, hit.end)} | context
    places = {
        hit.start
        for hit in chosen
        if hit.label in PLACES and message.words[hit.start] not in NOT_A_NOUN_START
    }
    return any(i not in own and i + 1 not in places for i in explanations[scope])


# Before a sign in its clause, these leave the subject unsaid, so it is the user's: "got
# rear-ended on Friday", "was hit by a van" (chat drops the "I").
UNSAID_SUBJECT = _words(
    "got get getting was were been had have just then also and so oh well ok okay yeah um erm"
    " literally actually btw yesterday today recently in a an involved"
)

# A sign said as a thing that happened, not something done to the user: "crash on the M6".
EVENT_NOUN_START = _words(
    "a an the there this that big bad nasty huge major minor massive serious car cars road"
    " traffic motorway motorbike motorcycle bike cycling bus rta rtc auto truck lorry van cab"
    " taxi highway freeway interstate crash crashes accident accidents collision smash pile-up"
    " pile wreck smash-up shunt fender multi"
)


def _said_near(rule: Rule, chosen: tuple[_Hit, ...], hits: list[_Hit], message: _Message) -> bool:
    """Whether an `unless_said_near` concept explains the sign away: said in the sign's
    clause, or anywhere when the sign's clause is not the user's own ("there was a crash
    on the ring road, so I was late"). In a clause of the user's own ("got rear-ended on
    the motorway, the traffic after was awful") it hides nothing."""
    near = [hit for hit in hits if hit.label in rule.unless_said_near]
    if not near:
        return False
    clause = chosen[0].clause
    if any(hit.clause == clause for hit in near):
        return True
    span = message.spans[clause]
    first = min(hit.start for hit in chosen)
    if any(message.words[i] in OWN_WORDS for i in span):
        return False
    before = range(span.start, first)
    if not before:  # "crash on the M6, stuck in traffic": no one's; "rear-ended on Friday"
        return message.words[first] in EVENT_NOUN_START
    return not all(message.words[i] in UNSAID_SUBJECT for i in before)


def _compared(position: int, message: _Message) -> bool:
    """Whether a comparison comes before the word in its clause: "like I've been sat on a
    bike for hours", "as though I'd been driving all day"."""
    clause = message.spans[message.clauses[position]]
    words = message.words
    return any(
        (words[j] == "like" and words[j + 1] in LIKE_BEFORE)
        or (words[j] == "as" and words[j + 1] in ("if", "though"))
        for j in range(clause.start, position - 1)
    )


def advice(flag: RedFlag) -> str:
    """What the coach says: never diagnoses, never includes exercise talk."""
    return ADVICE[flag.urgency].format(description=flag.description)

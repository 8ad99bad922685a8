"""Numbers, counts and pain scores as people type or say them: a small grammar.

Pure Python (no Rasa, no spaCy), so it runs in the NLU pipeline, the actions and
the tests alike.

- `parse_number("twenty-one")` -> 21: digits and words from 0 to 100, "a dozen",
  scores said as "7/10" or "seven out of ten".
- `read_count(text)` -> what a message says about reps during a session: a running
  count ("7", "that's four"), an increment ("3 more", "another two"), a total
  ("did 12", "that's 8 in all"), the end of a set ("finished", "all of them"),
  or a correction ("undo", "minus one", "that one didn't count", "I meant 5").
- `read_pain_score(text)` -> a 0-10 score from "pain 6", "6/10", "a six", "hurts
  like a 7", "7ish", "between 5 and 6" (the higher), "agony", "unbearable".
- `read_felt_score(text)` -> the same, and, in reply to "how did it feel?", a number
  said as a score ("about a tree", "for in my back") when no count is said.

Speech recognisers hear "to", "for", "tree" for two, four, three: those are read as
numbers only where a number is the whole answer ("tree", "number for"), never
inside a sentence, where they are ordinary words.
"""

import re
from dataclasses import dataclass

from coach import vocabulary

UNITS = {
    "zero": 0, "nil": 0, "none": 0, "oh": 0, "nought": 0,
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
# Speech recognisers often hear these instead of the number: read only where a
# number is the whole answer.
SOUNDALIKES = {
    "won": "one", "to": "two", "too": "two", "tu": "two", "for": "four", "fore": "four",
    "tree": "three", "free": "three", "sex": "six", "thee": "three", "ate": "eight", "nein": "nine",
    "sicks": "six", "fiv": "five", "fife": "five", "tin": "ten", "tenn": "ten", "sven": "seven",
}  # fmt: skip
# Typed slips of the number words.
SPELLINGS = {
    "thre": "three", "threee": "three", "fourty": "forty", "fiften": "fifteen",
    "seven7": "seven", "teen": "ten", "eigth": "eight", "twelf": "twelve", "nineth": "ninth",
    "twnety": "twenty", "tree3": "three", "mor": "more", "mroe": "more", "moer": "more",
    "moar": "more", "anotehr": "another", "anther": "another", "dun": "done", "dne": "done",
    "donee": "done", "finsh": "finish", "finised": "finished", "anothr": "another",
}  # fmt: skip

_UNIT = "|".join(sorted((w for w in UNITS if w not in ("a", "an", "none")), key=len, reverse=True))
_TEN = "|".join(TENS)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# A number said in words or digits: "12", "twenty one", "a hundred", "a dozen".
NUMBER = (
    rf"(?:\d{{1,3}}(?:\.\d+)?"
    rf"|(?:a |one )?hundred(?: and)?(?: (?:{_TEN})(?: (?:{_ONES}))?| (?:{_UNIT}))?"
    rf"|half a dozen|a dozen|dozen|a couple(?: of)?|couple(?: of)?|a pair(?: of)?"
    rf"|(?:{_TEN})(?: (?:{_ONES}))?|(?:{_UNIT}))"
)
_NUMBER_ONLY = re.compile(rf"^{NUMBER}$")
_OUT_OF_TEN = re.compile(r"^(?P<value>.+?)\s*(?:/|out of|outta|of)\s*(?:10|ten)$")
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")


# A number that is part of a name ("five-a-side", "a two-seater", "a one-off", "5-minute",
# "catch-22", "a 9 to 5 job", "24/7") counts nothing and scores nothing: the name is joined
# into one word, so no rule below reads its number. Not a number joined to another number
# ("twenty-one", "5-6") or to a word that goes with a count or a score ("6-ish", "10-reps").
_CARDINAL = "|".join(w for w in (*UNITS, *TENS) if len(w) > 2)
_JOINED_TO_NUMBER = (
    rf"(?:{_CARDINAL}|{'|'.join(ORDINALS)}|ish|or|to|and|out|of|more|reps?|times|done|left|"
    r"now|total|tops|max)"
)
_NAME_WITH_A_NUMBER = re.compile(
    rf"\b(?:\d+|{_CARDINAL})"
    rf"(?:-(?!{_JOINED_TO_NUMBER}\b)[a-z]+)+\b"
    rf"|\b(?:\d+|{_CARDINAL})\s+"
    r"(?:seaters?|wheelers?|pointers?|liners?|piece suit|a side)\b"
    r"|\b[a-z]{3,}-\d+\b"
    r"|\b(?:9|nine)(?:\s*-\s*|\s+)(?:to|til|till)(?:\s*-\s*|\s+)(?:5|five)"
    r"(?=s?\s+(?:job|jobs|work|shift|shifts|day|days|office|life|grind|routine)\b|ers?\b)"
    r"|\b(?:9|nine)-(?:to|til|till)-(?:5|five)(?:ers?)?\b"
    r"|\b24\s*(?:/|-|x)\s*7\b"
)
# Words that may carry a number after a hyphen and are a score or a count: "pain-6", "rep-5".
_CUE_BEFORE_NUMBER = re.compile(r"^(?:pain|score|level|rep|reps|set|number|rating|hurts)-")


def _joined_name(match: re.Match) -> str:
    name = match.group(0)
    return name if _CUE_BEFORE_NUMBER.match(name) else re.sub(r"[^a-z0-9]", "", name)


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, punctuation to spaces; '/', '-' and '.' in numbers kept;
    a name with a number in it ("five-a-side") made one word."""
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    lowered = lowered.replace("'", "")
    lowered = _NAME_WITH_A_NUMBER.sub(_joined_name, lowered)
    lowered = re.sub(r"(\d)\s*-\s*(\d)", r"\1 - \2", lowered)  # "5-6" -> "5 - 6"
    lowered = re.sub(r"(\d)\s*/\s*(\d)", r"\1 / \2", lowered)  # "6/10" -> "6 / 10"
    # "1st leg" is the first leg, never a rep numbered 1 ("10 on the 1st leg").
    lowered = re.sub(r"\b1st(?=\s+(?:leg|side)\b)", "first", lowered)
    lowered = re.sub(r"\b2nd(?=\s+(?:leg|side)\b)", "second", lowered)
    lowered = re.sub(r"(\d)(?:th|st|nd|rd)\b", r"\1", lowered)  # "8th" -> "8"
    lowered = re.sub(r"(\d)ish\b", r"\1 ish", lowered)  # "7ish" -> "7 ish"
    # "6done", "3more", "2reps": a number typed against the word after it.
    lowered = re.sub(
        r"\b(\d{1,3})(done|more|reps?|left|to go|down|so far|now|in all|total)\b", r"\1 \2", lowered
    )
    lowered = re.sub(r"\bx\s*(\d)", r"x \1", lowered)  # "done x4" -> "done x 4"
    lowered = re.sub(r"#\s*(\d)", r"\1", lowered)
    lowered = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", lowered)  # "twenty-one" -> "twenty one"
    lowered = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", lowered)
    lowered = re.sub(r"[^a-z0-9/.\- ]", " ", lowered)
    words = [SPELLINGS.get(word, word) for word in lowered.split()]
    return " ".join(words)


def _words_value(words: list[str]) -> int | None:
    if words[:1] in (["a"], ["an"]):
        if words[1:] in (["dozen"], ["couple"], ["couple", "of"], ["pair"], ["pair", "of"]):
            words = words[1:]
        elif words[1:2] == ["hundred"]:
            words = ["one", *words[1:]]
        else:
            return None
    if words in (["dozen"],):
        return 12
    if words == ["half", "a", "dozen"]:
        return 6
    if words[:1] in (["couple"], ["pair"]):
        return 2
    total = 0
    seen = False
    for word in words:
        if word in ("and", "-"):
            continue
        if word in TENS:
            total += TENS[word]
        elif word in UNITS and word not in ("a", "an", "none"):
            total += UNITS[word]
        elif word == "hundred" and seen:
            total *= 100
        else:
            return None
        seen = True
    return total if seen else None


def value_of(phrase: str) -> int | float | None:
    """The value of a phrase that matched NUMBER (already normalised)."""
    phrase = phrase.strip()
    if _DIGITS.match(phrase):
        value = float(phrase)
        return int(value) if value.is_integer() else value
    return _words_value(phrase.split())


def parse_number(text: str) -> float | None:
    """Return the number in a short phrase, or None if it is not one.

    Scores said as "x out of ten" or "x/10" give x. A single soundalike ("for")
    is read as the number it sounds like.
    """
    cleaned = normalise(text).strip()
    if not cleaned:
        return None
    score = _OUT_OF_TEN.match(cleaned)
    if score:
        cleaned = score.group("value").strip()
    if cleaned in SOUNDALIKES:
        cleaned = SOUNDALIKES[cleaned]
    if cleaned in ORDINALS:
        return ORDINALS[cleaned]
    if cleaned in ("a", "an") or not _NUMBER_ONLY.match(cleaned):
        return None
    return value_of(cleaned)


# -- number words typed with one slip ------------------------------------------------

# The number words one to twenty (and the tens) a typing slip may miss by one letter:
# "fve", "sevn", "eigt", "tweleve", "fuor". Read only where a count goes (see
# read_count), and never when the word typed is itself an ordinary word one letter
# from a number ("fine", "night", "there", "even", "tent"): those mean themselves.
_SLIP_TARGETS = tuple(w for w in (*UNITS, *TENS) if len(w) >= 3 and w not in ("none", "nil"))
_REAL_WORDS = """
    on one ones once done gone bone tone lone owe ore oe ne none nne
    tow two tho thee tree free there threw thread throe three
    our your four flour pour tour hour sour fur fou fours fourth foul
    fire dive hive give fine live file fie fives fiver fave
    sit mix fix sax sox sis sip ski sic sixth sixty
    even seen sever seven sevens eleven
    fight light might night right sight tight weight height eighth eighty eights
    line mine nice wine pine dine nines ninth nee nite nit fin
    men hen pen tan tin then teen tent tea tern tend tens tee tech term
    twelfth
    ive weve youve theyve steven
"""
REAL_WORDS_NEAR_NUMBERS = frozenset(_REAL_WORDS.split())


def unslipped(word: str) -> str | None:
    """The number word a typed word slips from by one letter, or None."""
    if len(word) < 3 or not word.isalpha() or word in REAL_WORDS_NEAR_NUMBERS:
        return None
    if word in UNITS or word in TENS or word in SOUNDALIKES or word in SPELLINGS:
        return None
    near = {target for target in _SLIP_TARGETS if _one_slip(word, target)}
    return near.pop() if len(near) == 1 else None


def _read_slipped(text: str) -> "Count | None":
    """A count whose number word has one slip ("did fve", "sevn more"), read as the word."""
    words = normalise(text).split()
    fixed = [unslipped(word) or word for word in words]
    if fixed == words:
        return None
    return read_count(" ".join(fixed))


# -- counts during a session ---------------------------------------------------------

COUNT, MORE, TOTAL, FINISHED, ALL, LESS, SET_TO, MORE_INSTEAD = (
    "count", "more", "total", "finished", "all", "less", "set_to", "more_instead",
)  # fmt: skip
CORRECTIONS = (LESS, SET_TO, MORE_INSTEAD)  # kinds that put an earlier count right


@dataclass(frozen=True)
class Count:
    """What a message says about reps.

    kind: COUNT (a running count: "7"), MORE (an increment), TOTAL (the reps so far or
    in all: "did 12"), FINISHED ("finished", "that's it": the leg is over), ALL ("all
    of them": the whole target), LESS (take `value` off: "undo", "minus two"),
    SET_TO (a correction to `value`: "I meant 5", "no, 8"), MORE_INSTEAD (the last batch
    was wrong, it was `value` more: "I meant 3 more, not 2").
    explicit: the words settle what a total means ("in all", "so far", "only").
    """

    kind: str
    value: int | None = None
    explicit: bool = False
    # A range of reps ("4 or 5", "about 6 or 7 more"): `value` is the lower end, `or_value`
    # the higher; the session asks which (a count is never guessed).
    or_value: int | None = None
    # "the last one", "last 3 done": the user says these end the leg; short of the target
    # the session asks rather than guessing.
    last: bool = False


_N = rf"(?P<n>{NUMBER})"


def _rules(*patterns: str) -> list[re.Pattern]:
    return [re.compile(pattern) for pattern in patterns]


def _match(rules: list[re.Pattern], said: str) -> re.Match | None:
    return next((m for rule in rules if (m := rule.match(said))), None)


_FILLER = (
    r"(?:ok|okay|k|kk|right|alright|so|and|um+|uh+|er+|erm|hmm+|yeah|yep|yes|well|oh|ah|"
    r"phew|great|good|cool|coach|hey|lol|ugh|oops|whoops|oh no|argh|about|around|maybe|"
    r"probably|roughly|like|i think|think|i guess|i reckon|"
    # the set or rep the count is about, said first: "that one I did 8", "on that set, 7"
    r"(?:on |for |in )?(?:that|this) (?:one|set|round|go|time|leg|side))"
)
_LEAD = rf"^(?:{_FILLER}\s+)*"
_REPS = r"(?:\s+(?:reps?|repetitions?|lifts?|leg lifts?|times|of them|of those|more reps?))?"
_LEG = (
    r"(?:\s+(?:on|with|for|using))?(?:\s+(?:my|the|this|your|that))?"
    r"(?:\s+(?:left|right|other|first|second|last))?(?:\s+(?:leg|side|one))?"
)
_NOW = (
    r"(?:\s+(?:now|so far|then|already|done|complete|completed|finished|there|here|today|"
    r"i think|i guess|i reckon|maybe|probably|or so|roughly|ish|i believe|that time|this time|"
    r"on that one|that go|this go|that set|this round|that round|actually|in the end|after all|"
    # "again": the same batch said of a later leg or set ("did 10 again").
    r"as well|too|again|in fact|by now|at this point|at the moment|for now|"
    # who counted them: "did 3 more on my own" while the coach was not pacing.
    r"on my own|by myself|myself|without you|off my own bat))*"
)
_TAIL = rf"{_REPS}{_LEG}{_NOW}\s*$"
# A leg said in so many words after a batch ("10 more other leg", "5 more on the left side",
# "8 more for the other one"): unlike _LEG, never a bare "left" ("3 more left" is to go).
_LEG_NAMED = (
    r"(?:(?:\s+(?:on|with|for|using))?(?:\s+(?:my|the|this|that))?"
    r"\s+(?:(?:(?:left|right|other|first|second)\s+)?(?:leg|side)|other(?:\s+one)?)|"
    # "10 more on the left": with "on the" a side, never what is to go.
    r"\s+on\s+(?:the|my)\s+(?:left|right))"
)
_IN_ALL = r"(?:in all|in total|total|altogether|all together|overall|all up|all told|so far)"
# A word that may be a verb before a batch ("bashed out another 3"): not one that says
# what the user wants or means to do ("I want 2 more", "let's do another 3").
_ANY_VERB = (
    r"(?!(?:want|wanna|need|needs|should|could|would|will|can|cant|gonna|going|lets|let|to|"
    r"try|trying|maybe|have|has|got to|must|might|may|please|only|just|or|and|about|around|"
    r"roughly|like|nearly|almost|over|under|at|least|not|no|dont|didnt|for|ready|start|"
    r"starting|begin|time|next|onto|up|if|after|before|then|is|was|are)\b)"
    rf"(?!{NUMBER}\b)[a-z]+"
)
_DID = (
    r"(?:(?:i\s+|ive\s+|i\s+have\s+|we\s+|weve\s+|just\s+|already\s+|also\s+|now\s+)*"
    r"(?:did|done|do|finished|completed|managed|got|made|make|hit|reached|got through|"
    r"knocked out|banged out|cranked out|squeezed out|pulled off|counted|added|chucked in|"
    r"threw in|snuck in))"
)

# Take back the last thing counted, whatever it was ("did 10", then "undo").
_UNDO_WORDS = [
    # On its own too: the last thing said, a batch ("did 2 more") as much as a single rep.
    r"undo(?: (?:that|it|this|the last|that last|my last|the last|the)(?: one| rep| lift| count|"
    r" bit| lot| batch)?)?"
    r"(?: (?:again|too|as well|once more|one more|another|one more time|that one too))?",
    r"(?:and )?(?:one more|another) undo",
    r"scratch that",
    r"(?:cancel|delete|ignore|forget) (?:that|this)",
    r"take (?:that|it) back",
    r"take back (?:that|what i (?:said|just said))",
]
_UNDO = re.compile(
    rf"{_LEAD}(?:no |sorry |wait |oops |whoops |actually )*(?:{'|'.join(_UNDO_WORDS)})\s*$"
)
# One rep off.
_LESS_WORDS = [
    r"(?:scratch|scrap|strike) (?:that|the) (?:last|final) (?:one|rep|lift)",
    r"(?:cancel|delete|remove|ignore|forget|drop) (?:the last|this)(?: one| rep)?",
    r"(?:cancel|delete|remove|ignore|forget|drop) that (?:one|rep)",
    r"take (?:one|the last one) (?:back|off|away)",
    # A rep named and taken back, whatever the verb: "bin that last rep", "take this one back".
    r"(?:scratch|scrap|strike|bin|ditch|cancel|delete|remove|ignore|forget|drop|discount|void|"
    r"chuck|wipe|erase|lose|nix|knock off|cross off|rub out) (?:that|the|this|my)"
    r"(?: last| final| previous| latest)? (?:one|rep|lift|attempt|go)(?: (?:off|out|away))?",
    r"take (?:that|the|this|my)(?: last| final| previous| latest)? (?:one|rep|lift|attempt) "
    r"(?:back|off|away|out)",
    r"take back (?:that|the|this|my)(?: last| final| previous| latest)? (?:one|rep|lift|attempt)",
    r"take back (?:the last)(?: one| rep)?",
    r"(?:that last|that|the last|last|this)(?: one| rep| lift)? (?:didnt|doesnt|did not|does not|"
    r"shouldnt|"
    r"should not|wont|dont|cant) count",
    r"dont count (?:that|the last|this|it)(?: one| rep)?",
    r"(?:that last|that|the last|last|this)(?: one| rep| lift)? (?:was|is) (?:(?:a bit|pretty|"
    r"really|quite|too|so) )?(?:rubbish|bad|sloppy|"
    r"crap|wrong|no good|not right|not proper|half a rep|a half rep|dodgy|poor|awful|terrible|"
    r"a mess|messy|wonky|lazy|rushed|no use|useless|a fail|half hearted|not great|shocking|"
    r"a cheat|cheating|not a good one|not a real one|not a proper one)(?:\s+(?:so\s+)?"
    r"(?:dont|do not) count (?:it|that|that one))?",
    # A rep named and taken off in other words: "minus that one", "not counting that one".
    r"(?:minus|uncount|discount|subtract|deduct|knock off|take off|take away|scrub) (?:that|this|"
    r"the last|that last)(?: one| rep| lift)?",
    r"(?:im |i am |i )?not counting (?:that|this|the last|that last)(?: one| rep| lift)?",
    r"(?:take|knock|scrub) (?:it|that) (?:off|back|away|out)",
    r"count one less|one less",
    r"(?:i )?(?:need to|have to|gotta|got to|want to|will|ill|should|better) (?:take|knock) "
    r"(?:one|that one|that|this one|the last one|it) (?:back|off|away)",
    r"rewind one|go back one|back one rep",
    r"(?:i )?double counted(?: (?:that|it|one|the last one))?",
    r"(?:i )?counted (?:that|it|one|the last one) twice",
    r"that (?:one )?was(?:nt| not) (?:a (?:proper|real|full|good) (?:one|rep)|proper|right)",
    r"that was a mistake",
    r"(?:i )?(?:counted|pressed|said) (?:that |it )?(?:one )?(?:too many|twice|by mistake)",
    # A tap or a word sent twice, or by mistake: "tapped done twice by accident", "hit it by
    # mistake", "that was a double tap".
    r"(?:i )?(?:accidentally |mistakenly )?(?:double )?(?:tapped|pressed|hit|clicked|sent|typed|"
    r"entered|counted|said)(?: (?:that|it|done|next|one|that one|the button))?"
    r"(?: (?:twice|two times|too many|double))?(?: (?:by accident|by mistake|accidentally))",
    r"(?:i )?(?:accidentally |mistakenly )?(?:double )?(?:tapped|pressed|hit|clicked|sent|typed|"
    r"entered)(?: (?:that|it|done|next|one|that one|the button))? (?:twice|two times|double)",
    r"(?:i )?(?:accidentally )?double (?:tapped|clicked|pressed)(?: (?:that|it|done|next))?",
    r"(?:that was |it was )?a double (?:tap|click|press|count)",
    r"one too many",
    r"oops(?:,? wrong| that was wrong| not that one)",
    r"go back one",
    r"back one",
]
# Said after a rep already taken back: one more off, as the words alone take one off
# ("that one didn't count either", "scrap that one too", "..., and that one").
_ONE_MORE_OFF = (
    r"(?:\s+(?:either|too|as well|also|again|neither|"
    r"(?:and|nor|or) (?:neither )?(?:did |does )?(?:that|this) one(?: (?:either|too|as well))?|"
    r"neither (?:did|does|do) (?:that|this)(?: one| rep)?|same (?:with|for) (?:that|this) one))?"
)
_LESS_WORDS += [
    r"(?:and |so )?neither (?:did|does|do) (?:that|this|the last)(?: one| rep)?",
    r"(?:and |or )?nor (?:did |does )?(?:that|this)(?: one| rep)?",
    r"(?:that|this) one (?:neither|either|doesnt count either|didnt count either)",
]
_LESS = re.compile(
    rf"{_LEAD}(?:no |sorry |wait |oops |whoops |actually )*(?:{'|'.join(_LESS_WORDS)})"
    rf"{_ONE_MORE_OFF}\s*$"
)
# Words that may close a correction down without changing it: "minus 1 actually".
_MINUS_TAIL = r"(?:\s+(?:sorry|oops|my bad|actually|then|instead|please|now|there|i think))*"
_MINUS = _rules(
    rf"{_LEAD}(?:minus|take away|take off|subtract|knock off|remove|less|deduct|"
    rf"take)\s+{_N}(?:\s+(?:off|away|rep|reps|from (?:that|it|the count)))*{_MINUS_TAIL}"
    rf"\s*$",
    rf"{_LEAD}(?:take|knock|minus|chop)\s+{_N}\s+(?:reps?\s+)?(?:off|away)(?:\s+(?:that|it|"
    rf"the count))?{_MINUS_TAIL}\s*$",
    rf"{_LEAD}{_N}\s+(?:less|fewer)(?:\s+reps?)?\s*$",
)
# Words that give the count to be written down: "call it", "put me down for", "count it as".
_SETS_DOWN = (
    r"(?:(?:lets|let us|just|ok|okay|so|then)\s+)*"
    r"(?:call (?:it|that|this|me at|me on)|(?:put|mark|write|note|jot|log|chalk) (?:me|it|that|"
    r"this)(?: down)? (?:for|as|at|on)|(?:put|mark|write|note|jot|log|chalk|set) (?:me |it )?down"
    r"(?: for| as| at)?|(?:log|record|count|book|score) (?:it|that|this|me|them)(?: down)? "
    r"(?:as|at|for)|(?:log|record|count|chalk up)|(?:put|mark|write|note) (?:down )?|"
    r"(?:put|stick|book|pop) (?:me|it|that)(?: down| in)? (?:for|as|at|on)|chalk (?:it|that) up as|"
    r"(?:(?:well|we will|we ll|i will|ill|i ll)\s+)?(?:just\s+)?(?:say|go with)|"
    r"make (?:it|that|mine)|(?:update|set|change|correct) (?:it|that|the count|my count) to)"
)
_SET_TO = [
    rf"(?:no|nope|nah|sorry|oops|whoops|wait|hang on|hold on|my bad|actually|correction|"
    rf"i miscounted|miscounted|wrong|not quite|no no|typo|my mistake)(?:\s+(?:no|wait|sorry|"
    rf"actually|i mean|i meant|meant|mean|typo|my mistake|its|it is|it was|that was|thats|"
    rf"that is|make it|make that|it should be|"
    rf"should be|i only did|i only got|i did|ive done|ive only done|i have only done|only|"
    rf"i|just|reps?|i counted wrong|i miscounted))*\s+{_N}{_TAIL}",
    rf"(?:i\s+)?(?:meant|mean)\s+{_N}{_TAIL}",
    rf"(?:make|change|correct|fix|put)\s+(?:it|that|this|the count)\s+(?:to\s+|as\s+)?{_N}{_TAIL}",
    # The count given to be written down: "call it 6", "put me down for 6", "log it as 7".
    rf"{_SETS_DOWN}\s+{_N}{_TAIL}",
    rf"(?:it|that|the count)\s+(?:should be|should have been|is actually|was actually|"
    rf"shouldve been)\s+{_N}{_TAIL}",
    rf"(?:its|thats|it was|that was)\s+actually\s+{_N}{_TAIL}",
    # "I actually did 9", "I really got 7": the count put right, said as what was done.
    rf"i\s+(?:actually|really)\s+(?:did|got|managed|done|got to|made it to)\s+{_N}{_TAIL}",
    # "should be 6 not 7", "should've been 8": the count as it should read.
    rf"(?:should be|should have been|shouldve been)\s+{_N}(?:\s+not\s+{NUMBER})?{_TAIL}",
    rf"(?:i )?(?:miscounted|lost count|counted wrong)\s+(?:.*\s)?{_N}{_TAIL}",
    rf"not\s+{NUMBER}\s+{_N}{_TAIL}",
    # "it was nine not ten", "no, 8 not 10": the number said, not the one counted.
    rf"(?:(?:no|nope|sorry|actually|wait|oops|whoops|hang on)\s+)*(?:(?:it|that)\s+(?:was|is)\s+|"
    rf"its\s+|thats\s+|i\s+(?:did|got|managed|meant|mean)\s+|i\s+only\s+did\s+|only\s+|"
    rf"meant\s+)?{_N}{_REPS}"
    rf"\s+(?:not|and not|rather than|instead of)\s+(?:the\s+)?{NUMBER}{_TAIL}",
]
_CORRECTION_WORDS = re.compile(
    rf"{_SETS_DOWN}\s+{NUMBER}\b|\b(?:make|change|correct|fix|put) (?:it|that|this|the count)"
    rf"\s+(?:to\s+|as\s+)?{NUMBER}\b"
)


def says_count_correction(text: str) -> bool:
    """The count put right in words only a count is put right with: "make that 6", "call it
    6", "put me down for 6", "I lost count, 6"."""
    said = normalise(text)
    return bool(_CORRECTION_WORDS.search(said) or _MISCOUNTED.search(said))


# Said first, the count to write down ("call it 6, I wasn't counting properly").
_SETS_DOWN_FIRST = re.compile(rf"{_LEAD}{_SETS_DOWN}\s+{_N}{_REPS}{_LEG}{_NOW}\s*(?:$|[,;.!-])")
_SET_TO_RE = _rules(*(rf"{_LEAD}(?:{rule})" for rule in _SET_TO))
_BATCH_AFTER = (
    rf"{_LEAD}(?:(?:then|and then|after that|after which|since then|i|ive|i have|we|only|just)"
    rf"\s+)+(?:did|done|managed|finished|completed|knocked out|squeezed out|squeezed in|added)\s+"
)
_MORE = _rules(
    rf"{_LEAD}(?:{_DID}\s+|thats\s+|that was\s+|and\s+|then\s+|plus\s+)*(?:another|an extra|"
    rf"a further|"
    rf"extra|plus|add|(?:the\s+)?other(?!\s+one\b)|(?:the\s+)?(?:remaining|leftover)|those|these|"
    rf"the rest(?: of (?:them|the reps))?)"
    rf"\s+{_N}"
    rf"(?:\s+more)?{_TAIL}",
    rf"{_LEAD}(?:{_DID}\s+|thats\s+|that was\s+|and\s+|plus\s+)?(?:another\s+)?{_N}\s+more"
    rf"(?:\s+(?:done|reps?|down|in|finished|finish|complete|completed|of them|now|there|too|"
    rf"on (?:this|my|the) (?:leg|side)))*(?:{_LEG_NAMED}(?:\s+(?:done|now|too))*)?"
    rf"(?:\s+(?:and\s+)?(?:thats|that is)\s+(?:it|all|(?:the|my|this)\s+(?:leg|side|set)))?\s*$",
    rf"{_LEAD}{_N}\s+(?:again|extra)(?:\s+reps?)?\s*$",
    rf"{_LEAD}(?:(?:done|did|rep|reps|another|one more)\s+)?(?:x|times)\s+{_N}\s*$",
    rf"{_LEAD}(?:done|did|rep|reps)\s+(?:it\s+|that\s+)?{_N}\s+(?:more\s+)?times\s*$",
    rf"{_LEAD}(?:{_DID}\s+|and\s+|thats\s+|that was\s+)*(?:the\s+)?(?:last|final)\s+{_N}"
    rf"(?:\s+(?:reps?|lifts?|of them|done|finished|complete|down|now|in))*\s*$",
    rf"{_LEAD}(?:{_DID}\s+|and\s+|thats\s+|that was\s+)*(?:the\s+)?(?:last|final)\s+"
    rf"(?:rep|lift)(?:\s+(?:done|finished|complete|down|now))*\s*$",
    rf"{_LEAD}(?:{_DID}\s+|thats\s+|that was\s+|theres\s+|and\s+)?(?:another|one more|"
    rf"(?:and )?another one)"
    rf"(?:\s+(?:one|rep|done|down))?\s*$",
    # A batch word makes a batch, whatever verb comes before it: "hammered out another 3",
    # "ground out 2 more", "squeezed in an extra four", "did two extra".
    rf"{_LEAD}(?:(?:i|ive|i have|we|weve|just|now|then|and)\s+)*(?:{_ANY_VERB}\s+){{1,2}}"
    rf"(?:another|an extra|a further|extra)\s+{_N}(?:\s+more)?{_TAIL}",
    rf"{_LEAD}(?:(?:i|ive|i have|we|weve|just|now|then|and)\s+)*(?:{_ANY_VERB}\s+){{1,2}}{_N}"
    rf"\s+(?:more|extra){_TAIL}",
    # A batch said after what came before it, or as less than hoped: "then I only did 2 more",
    # "after that I managed another 3 by myself". A verb of doing must follow "only" ("I've
    # only got 2 more" is what is left).
    rf"{_BATCH_AFTER}{_N}\s+(?:more|extra){_TAIL}",
    rf"{_BATCH_AFTER}another\s+{_N}{_TAIL}",
)
# The rules of _MORE that name the last reps ("the last one", "final 3 done").
_MORE_LAST = {5, 6}
_LAST_ALONE = re.compile(
    rf"{_LEAD}(?:(?:and|thats|that was|this is|its|now)\s+)*(?:the\s+)?(?:last|final)"
    rf"(?:\s+(?:one|rep|lift|time))?(?:\s+(?:done|finished|finish|complete|down|now|there))*\s*$"
)
# The leg a total is of, said after it: "8 in total on this one" is the leg's count so far.
_ON_THIS_LEG = (
    r"(?:\s+(?:on|for)\s+(?:this|that|my|the)(?:\s+(?:last|first|second|left|right|other))?"
    r"\s+(?:one|leg|side))?"
)
_TOTAL_EXPLICIT = _rules(
    rf"{_LEAD}(?:(?:{_DID}|thats|that is|that was|its|it is|im at|i am at|up to|at|on)\s+)*"
    rf"{_N}{_REPS}{_LEG}\s+{_IN_ALL}(?:\s+(?:now|done|then))?{_ON_THIS_LEG}\s*$",
    rf"{_LEAD}(?:{_DID}\s+)?(?:(?:a )?total(?: of)?|all up|in all|altogether|all together|so far)"
    rf"\s+{_N}{_TAIL}",
    # "which makes 6 altogether", "so that brings it to 9 in all": the sum said, with the
    # words that make it the leg's total.
    rf"{_LEAD}(?:(?:so|and|which|that|this|now)\s+)*(?:makes?|making|brings?|bringing|takes?|"
    rf"taking|gets?|getting|puts?|putting)(?:\s+(?:it|me|that|us|the count|my count))?"
    rf"(?:\s+(?:to|at|on|up to))?\s+{_N}{_REPS}{_LEG}\s+{_IN_ALL}{_NOW}{_ON_THIS_LEG}\s*$",
    # "now I'm at 9 total", "we're on 12 in all now", "now at 7"
    rf"{_LEAD}(?:(?:now\s+)?(?:im|i am|were|we are)\s+(?:at|on|up to)|now\s+(?:at|up to))"
    rf"\s+{_N}{_REPS}{_LEG}"
    rf"(?:\s+{_IN_ALL})?{_NOW}\s*$",
    rf"{_LEAD}(?:(?:im|i am|thats|that is|its)\s+)?up to\s+{_N}{_TAIL}",
    rf"{_LEAD}(?:now\s+)?(?:all|total|the total|count|the count|my count|altogether|in total|"
    rf"all up)"
    rf"\s+(?:is|are|=|its|now|is now)\s+{_N}{_TAIL}",
)
_NO = r"(?:(?:no|nope|nah|not quite|not really|not all)\s+)?"
_HEDGES = r"(?:(?:about|around|roughly|maybe|like|nearly|almost|approximately|approx)\s+)*"
_TOTAL_ONLY = _rules(
    rf"{_LEAD}{_NO}(?:i\s+|ive\s+|i have\s+)?(?:only|just|barely|could only|only could|"
    rf"can only)\s+(?:{_DID}|do|get|manage)?\s*(?:to\s+|up to\s+)?{_HEDGES}{_N}{_TAIL}",
    rf"{_LEAD}(?:i\s+)?(?:could(?:nt| not)|cant|can not|cannot)\s+(?:do|manage|get)\s+"
    rf"(?:any )?more than\s+{_N}{_TAIL}",
    rf"{_LEAD}{_NO}(?:i\s+)?(?:stopped|gave up|quit|had to stop)\s+(?:at|after)\s+{_N}{_TAIL}",
    rf"{_LEAD}{_NO}(?:i\s+)?(?:managed|got(?=\s+to\b)|made it|got up|reached)\s+(?:to\s+)?"
    rf"{_HEDGES}{_N}{_TAIL}",
    rf"{_LEAD}(?:{_DID}\s+)?{_N}{_REPS}{_LEG}(?:\s+done)?\s+(?:and (?:thats|that is) (?:it|all)|"
    rf"thats all|(?:and )?thats (?:the set|the leg|it for (?:this|that) (?:leg|side|set)|me done)|"
    rf"and stopped|then stopped|and done|max|tops|and i stopped|before i stopped)\s*$",
)
_TOTAL = _rules(
    rf"{_LEAD}{_DID}\s+(?:(?:about|around|roughly|maybe|like|probably|approximately|approx|"
    rf"i think|i reckon|i guess)\s+)*{_N}{_TAIL}",
    # A leg named, then its count: "left side 7 complete", "the right leg was 9".
    rf"{_LEAD}(?:(?:my|the|that|this)\s+)?(?:left|right|other|first|second)\s+(?:leg|side)\s+"
    rf"(?:(?:is|was|at|on|done|finished|complete|completed)\s+)*{_N}{_TAIL}",
    # "and 10 on the other side", "8 on the second", "9 with my first leg": the batch for a
    # leg named by its place, the verb left out (the dialogue checks it is the one under way).
    rf"{_LEAD}{_N}{_REPS}\s+(?:on|with|for)\s+(?:the|my|this)\s+(?:other|second|2nd|next|first)"
    rf"(?:\s+(?:leg|side|one))?{_NOW}\s*$",
    # "10 right", "and 8 the left": the batch with the leg it was on said after it, the
    # verb left out. A bare "8 left" may be reps still to do ("8 left to go"), so "left"
    # needs "the"/"my" before it or "leg"/"side" after it to name the leg.
    rf"{_LEAD}{_N}{_REPS}\s+(?:(?:the|my)\s+)?right(?:\s+(?:leg|side|one))?{_NOW}\s*$",
    rf"{_LEAD}{_N}{_REPS}\s+(?:(?:the|my)\s+left(?:\s+(?:leg|side|one))?|left\s+(?:leg|side|one))"
    rf"{_NOW}\s*$",
)
_COUNT = _rules(
    rf"{_LEAD}(?:(?:thats|that is|that was|thats rep|number|rep|no|and|its|it is|now|on|"
    rf"that makes|makes|making it)\s+)*"
    rf"(?:the\s+)?{_N}(?:\s+(?:rep|reps|one|lift|now|done|down|up|there|finished|complete|"
    rf"of them|of those|of em|in|so far|already|finish|"
    rf"on (?:this|my|the) (?:leg|side)|on (?:the|my) (?:left|right)(?: leg| side)?|"
    rf"i think|i guess|maybe|probably|or so|i reckon|ish|nearly there|nearly done|almost there|"
    rf"almost done|getting there|halfway there|half way there))*"
    rf"(?:\s+{NUMBER}\s+(?:to go|left|more to go))?\s*$"
)
# An ordinal names the rep just done, a running count ("I've finished the third lift",
# "that is the second one done", "fifth completed"): never the end of a leg. Not an
# ordinal with leg, side or set after it ("first leg done" is a leg).
_ORDINAL_DONE = (
    r"(?:done|did|do|finished|finish|completed|complete|managed|made|make|got through|nailed|"
    r"over|got|hit)"
)
_ORDINAL = re.compile(
    rf"{_LEAD}(?:(?:thats|that is|that was|thats the|there is|there was|theres|heres|here is|"
    rf"and|now|just|also|then|i|ive|i have|i am|im|i just|ive just|ive now|i have now|"
    rf"i have just|that|this|is|was|the|my|on|onto|to)\s+)*"
    rf"(?:{_ORDINAL_DONE}\s+)?(?:(?:the|my|with the|on the|onto the)\s+)?"
    rf"(?P<o>{'|'.join(ORDINALS)})"
    rf"(?:\s+(?:one|rep|repetition|lift|leg lift|raise|go|time))?"
    rf"(?:\s+(?:is|was|now|just|all|also))*(?:\s+(?:{_ORDINAL_DONE}|down|up|in|there))?"
    rf"(?:\s+(?:now|then|too|as well|there))?\s*$"
)
# "All of them again", "got them all this time": the same count said of a later set.
_AGAIN = r"again|too|as well|this time|that time|both times|once more|actually|in the end|after all"
_ALL = re.compile(
    rf"{_LEAD}(?:i\s+|ive\s+|i have\s+)?(?:(?:did|done|finished|completed|managed|got through|"
    rf"got|get|had|nailed|smashed|"
    rf"made it through)\s+)?(?:all|every one|each one|the lot|the whole (?:set|lot|thing)|"
    rf"the full (?:set|ten|lot)|full set|all of (?:them|em|it|those)|them all|em all|"
    rf"all (?:the )?reps|all of the reps|all {NUMBER}|every rep|every single one|them|those|"
    rf"the set|the lot of them)"
    rf"(?:\s+(?:of them|done|of em|reps?|complete|completed|finished|thanks|thank you|yes|"
    rf"no problem|easily|fine|good|{_AGAIN}))*\s*$"
    rf"|{_LEAD}(?:yes|yeah|yep|yup)\s+(?:all|every one|(?:i )?did (?:them )?all|all of them|"
    rf"all {NUMBER})(?:\s+(?:of them|{_AGAIN}))*\s*$"
    rf"|{_LEAD}(?:i\s+)?(?:did|done|finished|completed|got through|managed)\s+(?:them|it|the set)"
    rf"\s+all\s*$"
)
_FINISHED = re.compile(
    rf"{_LEAD}(?:(?:i am|im|i have|ive|i|we|were|that is|thats|all|its)\s+)*"
    rf"(?:finished|complete|completed|through|over|(?<=all )done|(?<=im )done|"
    rf"(?<=i am )done|(?<=were )done|(?<=ive )done)(?:\s+(?:now|with (?:that|this|it|the|"
    rf"this|my)(?: (?:set|leg|side|one|lot))?|the set|that set|this set|the leg|that leg|"
    rf"this leg|for this (?:leg|set|side)|here|then))*\s*$"
    # "That's me done for this leg", "finito".
    rf"|{_LEAD}(?:(?:and\s+)?(?:thats|that is)\s+)?me\s+(?:done|finished)(?:\s+(?:for|with)\s+"
    rf"(?:this|that|the|my)\s+(?:leg|side|set|one))?(?:\s+now)?\s*$"
    rf"|{_LEAD}(?:finito|fini|done and dusted|all over)\s*$"
    rf"|{_LEAD}(?:thats|that is|that was)\s+(?:it|all|the lot|the set|my set|the leg|"
    rf"it for (?:this|that|the) (?:leg|set|side))(?:\s+(?:for (?:now|this leg|this set)|done))*\s*$"
    rf"|{_LEAD}(?:finished|done|completed|ended)\s+(?:with\s+)?(?:the|that|this|my)\s+(?:set|leg|side)\s*$"
    rf"|{_LEAD}(?:(?:my|the|this|that|left|right|one|first|second|other)\s+)*(?:set|leg|side)"
    rf"\s+(?:is\s+)?(?:done|finished|complete|over)(?:\s+now)?\s*$"
    # The leg named: "finished the left", "done with this side", "left one done".
    rf"|{_LEAD}(?:(?:i am|im|i have|ive|i|all)\s+)*(?:finished|done|completed|done with|"
    rf"finished with|through with)\s+(?:(?:on|with)\s+)?(?:the|my|this|that)?\s*"
    rf"(?:(?:left|right|first|second|other)?\s*(?:leg|side)|(?:left|right|other) one|left|right)"
    rf"(?:\s+(?:now|too|as well|also))*\s*$"
    rf"|{_LEAD}(?:(?:thats|that is)\s+)?(?:the\s+|my\s+|this\s+|that\s+)?(?:(?:left|right|"
    rf"first|second|other|this|that)\s+(?:leg|side)|(?:left|right|other) one)\s+(?:is\s+)?"
    rf"(?:done|finished|complete|"
    rf"completed|over|sorted)(?:\s+now)?\s*$"
    rf"|{_LEAD}(?:no more|cant do any more|cant do anymore|i cant do any more|"
    rf"i cant do anymore|cant manage any more|nothing left)\s*$"
)
# One rep, said the usual ways.
_REP = re.compile(
    rf"{_LEAD}(?:(?:and|another|one|that|thats|rep|yes|yep|yup)\s+)*(?:done|next|rep|up|lift|"
    rf"did it|did one|got it|got one|again|and again|there|another one|one done|rep done|"
    rf"next one|next rep|and down|down|tick|check|yes done|done it|done that one|done that|"
    rf"thats one done|another done|one more done|up and down|got (?:that|this|another) one|"
    rf"did (?:that|this|another) one|nailed (?:that|this|another) one|that one(?:s| is)? done)\s*$"
)
_QUESTION = re.compile(
    # "which makes it 6 in all": a sum said, not a question.
    r"^(?:how|what|whats|why|when|where|which(?!\s+(?:makes?|brings?|takes?|puts?|gets?)\b)|who|"
    r"should(?!\s+(?:be|have been|ve been)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|"
    r"ten)\b)|can|could(?! only)|do|does|is|are|will|"
    r"would|shall|did i|have i|am i)\b"
)


# "Got it." before more words takes up advice: no rep "got" ("got it. 4 more, bit sore").
# "Cheers, ok. 3 more": thanks and okays before a count are no reps either.
_ACKNOWLEDGED_FIRST = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|cheers|thanks|thank you|ta|cool|great|perfect|sure|alright)\W+)*"
    r"(?:got it|gotcha|got that|understood|noted|will do|makes sense|cheers|thanks|thank you|"
    r"ta|cool|ok(?:ay)?)(?:\W+(?:thanks|thank you|cheers|coach|mate))*"
    r"\s*[.,;:!]+\s*(?=\S)",
    re.I,
)


def read_count(text: str) -> Count | None:
    """What the message says about reps, or None if it says nothing about them.

    Questions ("how many did I do?") are never counts. A longer message is read clause
    by clause ("ok I kept going, that's 8 in all"), and a count may open a sentence
    that goes on to say why ("I got to three then my leg was shaking").
    """
    if "?" in text:
        return None
    text = _ACKNOWLEDGED_FIRST.sub("", text)
    whole = normalise(text)
    if not whole or _QUESTION.search(whole):
        return None
    tail = _ENDS_THE_SET.search(whole)
    if tail and tail.start() > 0:
        # "another 2 thats the set", "3 more to finish": a batch, then words that say it
        # ends the set: the batch, said to end the leg (short of the target, the session
        # asks). Any other count with such words is read as before ("9 done and thats the set").
        head = read_count(whole[: tail.start()])
        if head is not None and head.kind == MORE:
            return Count(MORE, head.value, head.explicit, head.or_value, last=True)
    total = _SO_TOTAL.search(whole)
    if total and (value := _number(total)) is not None and 0 <= value <= 100:
        before = whole[: total.start()].strip()
        if before and (read_count(before) is not None or _TAKES_BACK.match(before)):
            # "that was only 2 more so I'm on 4": the total said wins over the batch.
            return Count(SET_TO, value, True)
    instead = (
        _MORE_INSTEAD.search(whole)
        or _MORE_INSTEAD_SHORT.match(whole)
        or _MORE_INSTEAD_BACK.match(whole)
    )
    if instead and (value := _number(instead)) is not None:
        return Count(MORE_INSTEAD, value, True)  # "I meant 3 more, not 2"
    miscounted = _MISCOUNTED.search(whole)
    if miscounted and (taken_off := _taken_off_for_a_miscount(whole, miscounted)) is not None:
        return taken_off  # "minus one, miscounted": reps taken off, the miscount only why
    if miscounted:
        said = _N_NOT_M.search(whole)
        if said and (value := _number(said)) is not None:
            return Count(SET_TO, value, True)  # "lost track, it was 9 not 8": the first
        # "I messed up the count, only 5": whatever number follows is the corrected count.
        values = [value_of(m.group(0)) for m in re.finditer(rf"\b{NUMBER}\b", whole)]
        values = [v for v in values if isinstance(v, int) and 0 <= v <= 100]
        if values:
            return Count(SET_TO, values[-1], True)
    apology = _APOLOGY_THEN_YES.match(whole)
    if apology:
        return read_count(whole[apology.end() :])  # "sorry yes all ten": the yes is the answer
    wrong = _SAYS_WRONG.match(whole)
    if wrong and wrong.end() < len(whole) and not _LESS.match(whole):  # "scrap that one"
        # "wait that's wrong, 7", "no that was wrong it's 4": the number after the words
        # that say the count is wrong is the count put right, not a batch to ask about.
        rest = read_count(whole[wrong.end() :])
        if read_counts(whole[wrong.end() :]):
            rest = None  # "scrap that, 3 and 2 more since": more than one count, read on
        if rest is not None and rest.kind in (COUNT, TOTAL, SET_TO) and rest.value is not None:
            return Count(SET_TO, rest.value, True)
    stopped = _STOPPED_THERE.search(whole)
    head = read_count(whole[: stopped.start()]) if stopped else None
    if head is not None and head.kind in (TOTAL, COUNT) and head.value:
        return Count(FINISHED, head.value, explicit=True)  # "did 4 then my arm slipped"
    leg_done = re.match(r"^([^,;:.!]+)[,;:.!]+\s*(.+)$", text.strip())
    if leg_done and _read_clause(normalise(leg_done.group(1))) == Count(FINISHED):
        # "done the other side too, ten": the leg said over, then its total; the "done"
        # is no rep of its own.
        after = _read_clause(normalise(leg_done.group(2)))
        if after is not None and after.kind in (COUNT, TOTAL) and after.value:
            return Count(TOTAL, after.value)
    run = _RUN_OF_COUNTS.match(whole)
    if run and (value := _consecutive_run(run.group("run"))) is not None:
        return Count(COUNT, value)  # "9 and 10 done": counted along, up to the last
    clauses = [whole] + [
        normalise(part)
        for part in re.split(
            r"[,;:!]+|(?<!\d)\.(?!\d)|\s+(?:but|then|because|cause|cos|coz)\s+"
            r"|\s+[-\u2013\u2014]+\s+(?![\d\s])"
            # Said without a comma: "only did 8 the last two were too hard".
            r"|\s+(?=the (?:last|other|final|rest) (?:\w+\s+)?(?:were|was|felt|hurt|too)\b)",
            text,
        )
    ]
    for at, clause in enumerate(clauses):
        reading = _read_clause(clause)
        lead = _TAKES_BACK.match(clause)
        if reading is None and lead and lead.end() < len(clause):
            # "actually that's 12 in all now, ...": a total put right, the lead said first.
            put_right = _read_clause(clause[lead.end() :])
            if put_right is not None and put_right.kind == TOTAL:
                reading = Count(SET_TO, put_right.value, True)
        if reading is not None and at > 1 and _CORRECTION_LEAD.match(clauses[at - 1]):
            # "wait, I only did 3, carrying on": the lead before the comma makes the count
            # the one put right, not the leg ended at 3.
            joined = _read_clause(f"{clauses[at - 1]} {clause}")
            if joined is None and reading.kind == FINISHED and reading.value is not None:
                joined = Count(SET_TO, reading.value, True)  # "wait, only managed 3, ..."
            reading = joined or reading
        if reading is not None and reading.kind == LESS and not reading.explicit:
            # "Scratch that, it was 6": the undo says a count is wrong, the number says
            # what it should be.
            rest = clauses[max(at, 1) + 1 :]
            if reading.value is None:
                later = (re.search(rf"\b{NUMBER}\b", _THAT_ONE.sub(" ", c)) for c in rest)
                said = next((value_of(m.group(0)) for m in later if m), None)
            else:
                # "That one was sloppy, did it again. 5": a rep taken back, then a count
                # said on its own ("that one didn't count, my leg was bent" says none).
                counts = (_read_clause(c) for c in rest)
                said = next(
                    (c.value for c in counts if c is not None and c.kind in (COUNT, TOTAL)), None
                )
            if isinstance(said, int) and 0 <= said <= 100:
                return Count(SET_TO, said, True)
        if reading is not None:
            return reading
    for clause in clauses:
        reading = _read_opening(clause)
        if reading is not None:
            return reading
    return (
        _read_range(whole)
        or _read_batch_then_how(whole)
        or _read_correction(whole)
        or _read_closing(whole)
        or _read_soundalike_after(whole)
        or _read_slipped(whole)
    )


# Where a spoken sentence's last clause may start, unpunctuated: "my legs gave out i managed
# six", "couldnt keep up so i only did for".
_CLAUSE_OPENER = re.compile(r"^(?:(?:so|and|but|well)\s+)?(?:i|ive|we|only|just)\b")
# Number words that are ordinary words too ("oh", "one"): no count of their own before the
# last clause.
_NOT_A_COUNT_BEFORE = frozenset({"a", "an", "oh", "one", "none", "nil"})


def _read_closing(whole: str) -> Count | None:
    """How many were done, said in the last clause of an unpunctuated sentence ("um i
    couldnt keep up i only did for"): read only when nothing before it says a number."""
    words = whole.split()
    for start in range(1, len(words) - 1):
        head = words[:start]
        if any(
            word not in _NOT_A_COUNT_BEFORE and (word in UNITS or word in TENS or word.isdigit())
            for word in head
        ):
            return None
        tail = " ".join(words[start:])
        if not _CLAUSE_OPENER.match(tail):
            continue
        reading = _read_clause(tail) or _read_soundalike_after(tail)
        if reading is not None and reading.kind in (TOTAL, FINISHED) and reading.value:
            return reading
    return None


# Words after a count that say it ends the set or the leg, unpunctuated: "... thats the set",
# "... to finish", "... and thats me done".
_ENDS_THE_SET = re.compile(
    r"\s+(?:(?:and|so)\s+)?(?:"
    r"(?:thats|that is|that was|which is|which was|thatll be)\s+(?:(?:the|this|my|that)\s+)?"
    r"(?:set|leg|side|lot|me done|me finished|it done|done|finished|all of them|the last ones?)"
    r"(?:\s+done|\s+finished)?"
    r"|to (?:finish|finish off|finish up|end|close|complete)"
    r"(?:\s+(?:the|this|my)\s+(?:set|leg|side))?"
    r"|(?:(?:im|i am)\s+)?(?:done|finished)\s+(?:with\s+)?(?:the|this|my|that)\s+(?:set|leg|side)"
    r")\s*$"
)


# A running total said back to be checked: "that's 20 altogether, right?", "so 24 so far?",
# "in total that's 30 yeah". Only asked (a question mark or a tag such as "right"): said
# plainly, "that's 8 in all" is a count that corrects the leg's (read_count).
_TOTAL_SAID_BACK = re.compile(
    rf"(?:^|\s){_N}{_REPS}\s+{_IN_ALL}\b|"
    rf"\b{_IN_ALL}\s+(?:thats|that is|its|it is|is it|is that|im on|i am on|ive done|weve done)"
    rf"\s+(?P<m>{NUMBER})\b"
)
_CHECK_TAG = re.compile(
    r"\b(?:right|yeah|yes|yep|yea|correct|innit|isnt it|is it|aye|eh|no|yh)\s*$"
)


def read_total_said_back(text: str) -> int | None:
    """The total in a question checking it ("that's 20 in all, right?"), else None."""
    said = normalise(text)
    match = _TOTAL_SAID_BACK.search(said)
    if match is None or ("?" not in text and not _CHECK_TAG.search(said)):
        return None
    value = value_of(match.group("n") or match.group("m"))
    return int(value) if value is not None else None


# A count that ends by saying where it leaves the user: "...so I'm on 4", "...which makes 7".
_SO_TOTAL = re.compile(
    rf"(?:^|\s)(?:so|which|that|meaning|making|and)\s+(?:(?:now|that|it|i)\s+)?"
    rf"(?:im on|i am on|im at|i am at|im up to|i am up to|ive done|i have done|thats|that is|"
    rf"its|it is|makes?|making|puts me on|puts me at|brings me to|gets me to|takes me to)\s+"
    rf"(?:(?:only|just|now)\s+)?{_N}"
    rf"(?:\s+(?:reps?|of them|in all|in total|total|altogether|so far|now|then|sorry))*\s*$"
)


# "That one", "the last one": a rep pointed at, not the number one ("undo, I didn't do that
# one properly" takes a rep back; it does not set the count to 1).
_THAT_ONE = re.compile(r"\b(?:that|this|the|last|the last|each|every|which|other|another) one\b")


# A clause that only says the count is about to be put right: "wait", "hold on", "oops".
_CORRECTION_LEAD = re.compile(
    r"^(?:(?:no|nope|wait|oops|whoops|hang on|hold on|hold up|sorry|actually|my bad|"
    r"correction)\s*)+$"
)
# An apology or filler before a yes: "sorry yes all ten", "oh sorry yeah 8". Only said with a
# yes after it: "sorry, 7" alone puts the count right (_SAYS_WRONG).
_APOLOGY_THEN_YES = re.compile(
    r"^(?:(?:oh|ah|um+|uh+|er+m?|oops|whoops)\s+)*(?:sorry|so sorry|pardon|my apologies)"
    r"(?:\s+(?:oh|ah|um+|uh+|er+m?))*\s+(?=(?:yes|yeah|yep|yup|yea|aye)\b)"
)
# Words that say the last count is wrong, opening a message: what follows puts it right.
_SAYS_WRONG = re.compile(
    r"^(?:(?:no|nope|nah|wait|oh|oops|whoops|hang on|hold on|hold up|sorry|um+|er+m?|hmm+|"
    r"ah|ugh|actually)\s+)*"
    r"(?:(?:(?:thats|that is|that was|this is|its|it is|it was|the count is|the count was|"
    r"my count is|my count was|count is|count was)\s+)?(?:all\s+)?(?:wrong|not right|incorrect|"
    r"off|a mistake|wrong sorry)|scratch that|scrap that|ignore that|forget that|strike that|"
    r"correction|my mistake|my bad|i made a mistake|mistake|i was wrong|i got it wrong|"
    r"i miscounted|miscounted|i counted wrong|wrong number)\s+"
)


# -- several counts in one message: "did 3 then another 2", "oops it was 3, and 2 more since" --
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;!]+|\.+|\s-\s)\s*|\s+(?:and then|then|and|after that)\s+")
_JOINER = re.compile(r"^(?:(?:and|then|and then|after that|so)\s+)+")
# A clause that takes back the one before it: "two more, no wait three more".
_TAKES_BACK = re.compile(
    r"^(?:(?:no|nope|nah|wait|sorry|oops|i mean|i meant|actually|hang on)\b(?:\s+|$))+"
)


# "Did them all, but the last one didn't count": the whole set said, then its last rep
# taken back in the same breath.
_BUT_THE_LAST_TAKEN_BACK = re.compile(
    r"\b(?:but|though|although|only)\b.*?\b(?:the |that |my )?(?:last|final)(?: one| rep| lift)?"
    r" (?:didnt|doesnt|did not|does not|shouldnt|should not|wont|dont|cant) count\b|"
    r"\b(?:but|though|although)\b.*?\b(?:the |that |my )?(?:last|final)(?: one| rep| lift)?"
    r" (?:was|is)(?: a bit| pretty| really| too)? (?:no good|rubbish|bad|sloppy|wrong|not right|"
    r"dodgy|poor|messy|a mess|wonky|half a rep)\b|"
    r"\b(?:except|apart from|bar|besides) (?:the |that |my )?(?:last|final)(?: one| rep| lift)?\b"
)


def all_but_the_last(text: str) -> bool:
    """The whole set said done, with its last rep taken back in the same message ("did them
    all, but the last one didn't count", "all finished except the final lift")."""
    said = normalise(text)
    taken_back = _BUT_THE_LAST_TAKEN_BACK.search(said)
    if not taken_back:
        return False
    # The whole message, or what it says before "except the last" ("all done apart from ...").
    for part in (text, said[: taken_back.start()]):
        count = read_count(part)
        if count is not None and (
            count.kind == ALL or (count.kind == FINISHED and count.value is None)
        ):
            return True
    return False


def read_counts(text: str) -> list[Count]:
    """The counts of a message that says more than one, in order, or [] when it says one
    or none, or has a part that is no count (then read_count reads it as ever). A part
    that takes back the one before it replaces it ("two more, no wait three more")."""
    if "?" in text or _RUN_OF_COUNTS.match(normalise(text)):
        return []  # "9 and 10 done", "8, 9, 10": counted along, read as one
    text = _ACKNOWLEDGED_FIRST.sub("", text)  # "got it. 3 more": one count, not a rep and 3
    if _SO_TOTAL.search(normalise(text)) and read_count(text) is not None:
        return []  # "that was 3 more, so I'm at 7": the total said, read as one
    if _SAYS_WRONG.match(normalise(text)) and (one := read_count(text)) and one.kind == SET_TO:
        return []  # "wait, that's wrong, 7": the count put right, read as one
    parts = [_JOINER.sub("", normalise(part)) for part in _CLAUSE_BREAK.split(text.lower()) if part]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return []
    counts: list[Count] = []
    replaced = False
    sorry = False  # "3 more; sorry, 2 more": the take-back said on its own
    for part in parts:
        marker = _TAKES_BACK.match(part)
        rest = part[marker.end() :].strip() if marker else part
        if marker and not rest:
            sorry = True
            continue
        taken_back, sorry = bool(marker) or sorry, False
        reading = read_count(part)
        if reading is None and marker:
            reading = read_count(rest)
        if reading is None and counts and _an_interruption(part):
            continue  # "did 4 then the dog came over so I stopped, then 3 more": a story
        if reading is None or reading.kind in (FINISHED, ALL):
            return []  # "did 8 and that's all": one statement, read whole
        if counts and reading.kind == LESS and counts[-1].kind in (LESS, SET_TO):
            # "oops pressed that twice, undo": one take-back said twice; "I only did 2,
            # ignore that last one": the take-back the correction has made already.
            continue
        if taken_back and counts and reading.kind in (MORE, TOTAL, COUNT, SET_TO):
            counts.pop()  # "did 5... no 6", "two more, no wait three more": said instead
            replaced = True
            if reading.kind in (TOTAL, COUNT):
                reading = Count(SET_TO, reading.value, True)
        if counts and reading.kind == MORE and counts[-1].kind == TOTAL and not counts[-1].explicit:
            counts[-1] = Count(MORE, counts[-1].value, True)  # "did 3 then another 2": 3 more
        counts.append(reading)
    return counts if len(counts) >= 2 or replaced else []


def _an_interruption(part: str) -> bool:
    """A part between counts that tells what happened, with no number and no pain in it."""
    return not re.search(rf"\b{NUMBER}\b", part) and not mentions_pain(part)


# -- counts said along in one message: "9 and 10 done", "8, 9, 10" -----------------------
_RUN_OF_COUNTS = re.compile(
    rf"{_LEAD}(?:(?:thats|that was|did|done|and|reps?|rep numbers?|numbers?)\s+)*"
    rf"(?P<run>{NUMBER}(?:\s+(?:and\s+|then\s+|n\s+)?{NUMBER})+)"
    rf"(?:\s+(?:done|down|finished|complete|completed|too|as well|now|reps?|then))*\s*$"
)


def _consecutive_run(run: str) -> int | None:
    """The last of two or more numbers said in a row, each one up from the last ("8 9
    10"): the reps counted along. None for anything else ("5 and 10", "twenty one")."""
    words = [w for w in run.split() if w not in ("and", "then", "n")]
    values = [value_of(w) for w in words]
    if len(values) < 2 or any(not isinstance(v, int) for v in values):
        return None
    if any(b != a + 1 for a, b in zip(values, values[1:], strict=False)):
        return None
    return values[-1] if 0 < values[-1] <= 100 else None


# -- a count put right in ordinary words: "wait no I reckon it was only 7" ----------------
# A message that says the count was wrong (its opening words), then what it was.
_MARK = (
    r"(?:no|nope|nah|wait|sorry|oops|whoops|hang on|hold on|hold up|my bad|my mistake|"
    r"i made a mistake|mistake|actually|correction|scratch that|scrap that|ignore that|"
    r"forget that|not right|thats wrong|that was wrong|thats not right|wrong|hmm+|um+|uh+|er+m?|"
    r"oh|ah|i think|i reckon|i guess|i believe|pretty sure|im pretty sure|to be honest|tbh|"
    rf"i said {NUMBER}|not {NUMBER}|(?:i )?meant to (?:say|type|put)|should have said|"
    r"shouldve said|let me correct (?:that|it|myself)|i need to correct (?:that|it)|"
    r"i mean|i meant|or rather|rather|i was wrong|my count was off|count was off)"
)
_HEDGE = (
    r"(?:i think|i reckon|i guess|i believe|probably|maybe|really|actually|sorry|"
    rf"to be honest|tbh|my bad|then|instead|not {NUMBER}|rather than {NUMBER}|instead of {NUMBER})"
)
_STATEMENT = (
    r"(?:(?:it|that|the count|my count|the number)\s+(?:was|is|were|should be|shouldve been|"
    r"should have been)|its|thats|it s|im on|i am on|im at|i am at|i was on|i was at|"
    r"(?:i\s+|ive\s+|i have\s+)?(?:only\s+|just\s+|actually\s+)?(?:did|done|got|managed|"
    r"got to|got up to|reached|made it to)|only|just|more like|closer to|nearer|make (?:it|that)|"
    r"call it|change it to|correct (?:it|that) to|put (?:it|that) (?:down )?as|"
    r"should be|say|lets say)"
)
_COUNT_TAIL = (
    rf"(?:\s+(?:reps?|of them|lifts?|so far|on (?:this|that|my|the) (?:leg|side)|{_HEDGE}))*\s*$"
)
_SAYS_COUNT = _rules(
    # The marks first: "wait no I reckon it was only 7", "sorry, 6".
    rf"^(?:{_MARK}\s+)+(?:(?:and|but|so)\s+)?(?:{_STATEMENT}\s+)?"
    rf"(?:(?:only|just|actually|really|more like|about|like|maybe|probably|on|at|to)\s+)*"
    rf"{_N}{_COUNT_TAIL}",
    # The mark last: "it was 7 actually", "I'm on 6, sorry".
    rf"^{_STATEMENT}\s+(?:(?:only|just|really|about|like)\s+)*{_N}"
    rf"(?:\s+(?:reps?|of them|so far))?\s+(?:actually|sorry|my bad|i miscounted|"
    rf"not {NUMBER}|rather than {NUMBER}|instead of {NUMBER})(?:\s+{_HEDGE})*\s*$",
)


def _read_correction(whole: str) -> Count | None:
    """A count said with words that put the last one right: SET_TO, or None."""
    match = _match(_SAYS_COUNT, whole)
    if match is None:
        return None
    value = _number(match)
    return Count(SET_TO, value, True) if value is not None else None


# A speech recogniser's soundalike where a count goes, inside a sentence: "I stopped at
# for on that one", "got to tree then it hurt", "only managed sex", or a batch with words
# after it ("did for more by myself").
_SOUNDALIKE_COUNT = re.compile(
    r"\b(?P<cue>stopped at|stopped after|gave up at|gave up after|got to|got up to|made it to|"
    r"reached|only managed|managed|only did|only got|only|did|got through|went through|"
    r"completed|knocked out|^)\s*"
    r"(?P<word>to|too|for|fore|tree|free|thee|ate|won|sex|sicks|tin|nein)"
    r"(?=\s*$|\s+(?:on (?:that|this|the|my)|then|and|before|reps?|of them|that time|this time|"
    r"i think|maybe|or so|lifts?|done|but|more)\b"
    # "only did ate the last two hurt": not "managed to the end", where "to" is no number.
    r"|(?<!\bto)(?<!\btoo)(?<!\bfor)\s+the (?:last|rest|other|final)\b)"
)


def _read_soundalike_after(whole: str) -> Count | None:
    heard = _SOUNDALIKE_COUNT.sub(
        lambda m: f"{m.group('cue')} {SOUNDALIKES[m.group('word')]}", whole
    )
    if heard == whole:
        return None
    return read_count(heard)


# "4 or 5", "about 6-7 more": two neighbouring counts; read as the lower, with the higher
# kept, so the session can ask which (coach/session.py).
_RANGE_OF_REPS = re.compile(rf"\b(?P<a>{NUMBER})\s+(?:or|-)\s+(?P<b>{NUMBER})\b")


def _read_range(whole: str) -> Count | None:
    match = _RANGE_OF_REPS.search(whole)
    if not match:
        return None
    low, high = value_of(match.group("a")), value_of(match.group("b"))
    if not (isinstance(low, int) and isinstance(high, int) and 0 <= low < high <= low + 3):
        return None
    said = whole[: match.start()] + match.group("a") + whole[match.end() :]
    reading = read_count(said)
    if reading is None or reading.value != low or reading.kind in (LESS, SET_TO):
        return None
    return Count(reading.kind, low, reading.explicit, or_value=high)


# "I meant 3 more, not 2": the last batch replaced.
_MORE_INSTEAD = re.compile(
    rf"\b(?:meant|mean|it was|that was|its|thats|actually|no|should be|should have been|only|"
    rf"just)\s+(?:(?:i\s+)?(?:only\s+|just\s+)?(?:did|done|got|managed|do)\s+)?"
    rf"(?:only\s+|just\s+)?{_N}\s+(?:more|extra)\b(?:\s+(?:reps?|of them))?"
    rf"\s+(?:not|rather than|instead of|and not)\s+(?:the\s+)?{NUMBER}\b"
)
# "No, 3 more, sorry" just after a batch: the batch said again, put in place of the last.
_SORRY = r"(?:sorry|oops|whoops|my bad|i mean|i meant)"
_MORE_INSTEAD_SHORT = re.compile(
    rf"^(?:(?:no|nope|nah|wait|actually)\s+)*(?P<sorry>{_SORRY}\s+(?:(?:no|nope)\s+)*)?"
    rf"{_N}\s+more(?:\s+reps?)?(?(sorry)(?:\s+{_SORRY})?|\s+{_SORRY})$"
)
# "Wait, that was only 2 more", "make that 2 more": the last batch, looked back on, was
# another size: put in place of the last batch, not added to it.
_MORE_INSTEAD_BACK = re.compile(
    rf"^(?:(?:no|nope|nah|wait|actually|sorry|oops|whoops|hmm|oh|hang on|scratch that|"
    rf"correction|my bad|ugh|err?|um)\s+)*"
    rf"(?:(?:that|it|those|this|the last (?:lot|batch|bit)?)\s+(?:was|were)\s+"
    rf"(?:(?:only|just|really|actually)\s+)+|(?:make|change)\s+(?:that|it)\s+"
    rf"(?:(?:only|just)\s+)?)"
    rf"{_N}\s+(?:more|extra)(?:\s+(?:reps?|of them|not {NUMBER}))?"
    rf"(?:\s+(?:sorry|oops|my bad|then|there))*$"
)
# "9 not 8": the number said, not the one counted.
_N_NOT_M = re.compile(rf"\b{_N}\s+(?:not|rather than|instead of)\s+(?:the\s+)?{NUMBER}\b")


_MISCOUNTED = re.compile(
    r"\b(?:miscounted|mis counted|messed up (?:the |my )?count|lost count|lost track|"
    r"counted wrong|wrong count|got the count wrong|mixed up the count|count is wrong|"
    r"count was wrong|counted too many|over ?counted|"
    r"(?:wasnt|was not|werent|not|stopped|forgot) (?:really )?counting(?: properly| right)?"
    r"(?!\s+(?:that|this|the|it|those|them)\b))\b"
)

# Words joining a miscount to the count put right: "minus one, I miscounted", "sorry, miscounted
# so take off two", "I think I miscounted, minus one".
_MISCOUNT_JOINER = re.compile(
    r"^(?:(?:i think|i must have|must have|i have|ive|i|think|sorry|oops|whoops|so|and|because|"
    r"cause|cos|coz|as|since|just)\s+)+|(?:\s+(?:i think|i must have|i|sorry|so|and|because|"
    r"cause|cos|coz|as|since|just|my|the))+$"
)


def _taken_off_for_a_miscount(whole: str, miscounted: re.Match) -> Count | None:
    """A decrement said with the miscount that explains it ("minus one, miscounted", "I
    miscounted, take off two"): reps taken off, never a total of the number said."""
    for part in (whole[: miscounted.start()], whole[miscounted.end() :]):
        part = _MISCOUNT_JOINER.sub("", part.strip(" -")).strip(" -")
        reading = _read_clause(part) if part else None
        if reading is not None and reading.kind == LESS and reading.value is not None:
            return reading
    return None


# What may follow a count that opens a sentence: the reason, not part of the count.
_GOES_ON = re.compile(
    r"^(?:no pain|no problems?|no bother|didnt|without|easy|easily|fine|"
    r"then|and|but|because|cause|cos|coz|cuz|as|so|since|my|i|im|ive|it|its|before|"
    r"after|when|till|until|though|tho|now|ok|okay|pretty|bit|feeling|felt|feels|legs?|"
    r"knee|back|hip|with|lol|haha|think|reckon|guess|ugh)\b"
)


# A reason after the count that says the set stopped there: "... then my arm slipped",
# "... before my knee slid", "... until my legs gave out". The count is the whole set.
_STOPPED_THERE = re.compile(
    r"\s(?:and |but )?(?:then|before|until|till|when|but)\s+(?:\w+\s+){0,3}?"
    r"(?:slipped|slid|gave (?:out|way|up)|buckled|collapsed|cramped|wobbled|gave in|went|"
    r"had to stop|couldnt|could not|stopped|lost|dropped|caved|failed|started (?:to )?shak|"
    r"fell|tripped|toppled|tumbled|had a fall|took a tumble)"
)


# A batch done, then how it was done ("did 3 more holding each one", "knocked out 2 more
# nice and slow"): still that many more. Not what is left or planned ("3 more to go",
# "2 more sets"), a comparison ("2 more than yesterday") or a second number.
_BATCH_THEN_HOW = re.compile(
    rf"{_LEAD}(?:(?:{_DID}|and|then|thats|that was)\s+)+(?:another\s+)?{_N}\s+more\s+"
    r"(?!(?:to go|to do|left|remaining|than|sets?|rounds?|times?|weeks?|days?|sessions?|"
    r"minutes?|mins?|seconds?|secs?|or|if|please|reps? (?:left|to go))\b)[a-z]"
)


def _read_batch_then_how(whole: str) -> Count | None:
    match = _BATCH_THEN_HOW.match(whole)
    if not match or re.search(rf"\d|\b(?!one\b)(?:{_CARDINAL})\b", whole[match.end() - 1 :]):
        return None
    value = _number(match)
    return Count(MORE, value, True) if value is not None else None


def _read_opening(clause: str) -> Count | None:
    """A count that opens a longer clause: "only for my legs were tired"."""
    words = clause.split()
    for end in range(len(words) - 1, 1, -1):
        if not _GOES_ON.match(" ".join(words[end:])):
            continue
        reading = _read_clause(" ".join(words[:end]))
        if reading is not None and reading.kind != COUNT:
            return reading
    return None


# Banter that may close a count in chat: "lol", "ez", "innit", "bro", "haha".
_CHAT_TAIL = re.compile(
    r"(?:\s+(?:lol|lmao|rofl|haha+|hehe+|ha|ez|ezpz|innit|bro|bruh|dude|"
    r"yay|woo+|woohoo|tbh|xd|no sweat|boom))+\s*$"
)
# Words that only insist the count is right now ("6 for real now", "5, honestly this
# time", "4 no kidding"): no reason, no question, so the count before them is read. Not after
# "by" or "not" ("7 by now", "5 not really"), which other rules read.
_INSISTS_TAIL = re.compile(
    r"(?<!\bnot)(?<!\bby)(?<!\buntil)(?<!\btill)"
    r"(?:\s+(?:for real|for sure|for certain|honestly|honest|seriously|definitely|"
    r"properly|truly|genuinely|really|no joke|no kidding|no lie|i swear|i promise|promise|"
    r"correctly|now|this time|that time|this go|this round|(?:this|that) time round))+\s*$"
)


def _read_clause(said: str) -> Count | None:
    said = re.sub(r"\b(please|thanks|thank you|mate|coach)\b", " ", said)
    said = " ".join(said.split())
    said = _CHAT_TAIL.sub("", said)  # "5 done lol", "3 more ez": the count, not the banter
    said = _INSISTS_TAIL.sub("", said)
    if not said or _QUESTION.search(said):
        return None
    if _UNDO.match(said):
        return Count(LESS, None)
    if _LESS.match(said):
        return Count(LESS, 1)
    if _REP.match(said):
        return Count(MORE, 1)
    reading = _read_numbered(said)
    if reading is None:
        reading = _read_numbered(_heard(said))
    if reading is None and (bare := _HEDGE_AT_END.sub("", said)) != said:
        reading = _read_numbered(_heard(bare))  # "ate i think": the soundalike before the hedge
    if reading is not None:
        return reading
    if _FINISHED.match(said):
        return Count(FINISHED)
    if _ALL.match(said) and not _ALL_IS_WELL.match(said):
        return Count(ALL)
    return None


# "All good", "all fine": the user is okay, which says nothing about the reps.
_ALL_IS_WELL = re.compile(
    rf"{_LEAD}(?:(?:yes|yeah|yep|yup|ok|okay)\s+)?all (?:good|fine|ok|okay|well|right|set|sorted)"
    rf"(?:\s+(?:here|now|thanks|thank you|ta))*\s*$"
)


# Moving on to the other leg, said in words: "ok switching", "right, other side", "swapping
# legs now", "on to my right leg". Short of the target the session asks.
_SWITCH_VERB = (
    r"(?:switch|switching|switched|swap|swapping|swapped|change|changing|changed|chang|"
    r"move|moving|moved|go|going|turn|turning|flip|flipping)"
)
_SIDE = r"(?:leg|legs|side|sides|one)"
_SWITCH = re.compile(
    rf"{_LEAD}(?:(?:i|im|i am|ill|i will|we|were|now|then|and|time to)\s+)*"
    rf"(?:{_SWITCH_VERB}(?:\s+(?:over|across|round|around))?"
    rf"(?:\s+(?:to|onto|on to))?(?:\s+(?:the|my|your))?"
    rf"(?:\s+(?:other|next|left|right|second))?(?:\s+{_SIDE})?"
    rf"|(?:on to|onto|to)\s+(?:the\s+|my\s+)?(?:other|next|left|right|second)\s+{_SIDE}"
    rf"|(?:the\s+|my\s+)?(?:other|next)\s+{_SIDE})"
    rf"(?:\s+(?:now|then|please|next))*\s*$"
)
_GO_ALONE = re.compile(r"^(?:\w+\s+)*(?:go|going|move|moving|turn|turning)\s*$")


def says_switch(text: str) -> bool:
    """The user moves on to the other leg, said in words: "ok switching", "right, other
    side", "swapping legs now". Not a count (the session decides what it means)."""
    if "?" in text:
        return False
    said = normalise(text)
    return bool(said) and bool(_SWITCH.match(said)) and not _GO_ALONE.match(said)


_HEDGE_AT_END = re.compile(
    r"(?:\s+(?:i think|i guess|i reckon|i believe|maybe|probably|or so|roughly|ish))+\s*$"
)


def _heard(said: str) -> str:
    """The words a speech recogniser or a slip of the keyboard put where a number goes: the
    last word ("number for", "i got to tree"), or the one before "more" ("to more")."""
    words = said.split()
    slots = [len(words) - 1]
    if len(words) >= 2 and words[-1] == "more":
        slots.append(len(words) - 2)
    for slot in slots:
        words[slot] = SOUNDALIKES.get(words[slot]) or _near_number_word(words[slot]) or words[slot]
    return " ".join(words)


_NUMBER_WORDS = [w for w in (*UNITS, *TENS, *ORDINALS) if len(w) >= 4]


# Real words one slip away from a number word: never read as numbers.
_NOT_SLIPS = {
    "fine", "nice", "line", "mine", "wine", "dine", "done", "gone", "tone", "none", "nose",
    "hive", "give", "live", "seen", "teen", "then", "than", "when", "town", "twin", "tent",
    "sick", "fire", "four", "fore", "ever", "even", "eaten", "often", "front", "north",
    # Five letters and more, one slip from "eight", "three", "forty", "first", ...
    "right", "light", "night", "might", "sight", "tight", "fight", "height", "weight", "eighty",
    "there", "threw", "forth", "seconds", "thirsty", "sever", "steven", "fifth", "sixty",
}  # fmt: skip


def number_word_slip(word: str) -> str | None:
    """The number word a typed word is a slip of ("thre", "sevn", "eigth"), or None: for the
    spelling corrector, which would otherwise make "thre" into "the"."""
    lowered = word.lower()
    return SPELLINGS.get(lowered) if lowered in SPELLINGS else _near_number_word(lowered)


def _near_number_word(word: str) -> str | None:
    """A number word typed with one slip ("sevn", "eihgt", "fourr"), if the word is no word
    of its own. Four letters or fewer: a letter dropped or added, never changed."""
    if len(word) < 4 or word in UNITS or word in TENS or word in ORDINALS or word in _NOT_SLIPS:
        return None
    for target in _NUMBER_WORDS:
        if abs(len(target) - len(word)) > 1 or not _one_slip(word, target):
            continue
        if len(word) <= 4 and len(word) == len(target) and sorted(word) != sorted(target):
            continue  # "fine" is not "five"
        return target
    return None


def _one_slip(a: str, b: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _number(match: re.Match) -> int | None:
    value = value_of(match.group("n"))
    return value if isinstance(value, int) and 0 <= value <= 100 else None


def _read_numbered(said: str) -> Count | None:
    for pattern, kind, explicit in (
        (_MINUS, LESS, True),
        (_SET_TO_RE, SET_TO, True),
        (_MORE, MORE, True),
        (_TOTAL_EXPLICIT, TOTAL, True),
        (_TOTAL_ONLY, FINISHED, True),
        (_TOTAL, TOTAL, False),
        (_COUNT, COUNT, False),
    ):
        match = _match(pattern, said)
        if not match:
            continue
        last = kind == MORE and any(_MORE[at].match(said) for at in _MORE_LAST if at < len(_MORE))
        if kind == MORE and not match.groupdict().get("n"):
            return Count(MORE, 1, True, last=last)  # "another", "one more", "the last rep"
        value = _number(match)
        if value is None:
            continue
        return Count(kind, value, explicit, last=last)
    if _LAST_ALONE.match(said):
        return Count(MORE, 1, True, last=True)  # "the last", "final one done"
    ordinal = _ORDINAL.match(said)
    if ordinal:
        return Count(COUNT, ORDINALS[ordinal.group("o")])
    return None


# -- pain scores -----------------------------------------------------------------------

# A quantity that says how much of an activity ("walk a lot", "sit loads", "run much"),
# not how bad the pain is.
QUANTITY_OF_AN_ACTIVITY = re.compile(
    r"\b(?:walk|sit|stand|run|jog|cycle|ride|drive|bend|lift|garden|climb|swim|work|kneel|"
    r"train|play|type|travel|hike|dance|carry|stoop)(?:s|ed|ing)?\s+(?:(?:for|around|about)\s+)?"
    r"(?:a lot|alot|lots|loads|a load|much|too much|so much|a bit|a little|for a bit|a fair bit)\b"
)


# Words that put a number at 10 or near it.
PAIN_WORDS = {
    "unbearable": 10, "excruciating": 10, "worst pain": 10, "worst ever": 10,
    "worst its ever been": 10, "cant bear": 10, "cant stand it": 10,
    "agony": 9, "agonising": 9, "agonizing": 9, "killing me": 9, "kills": 9,
    "screaming": 9, "like hell": 8, "like mad": 7, "like crazy": 7,
    "awful": 8, "terrible": 8, "horrible": 8, "really bad": 8,
    "very bad": 8, "severe": 8, "pretty bad": 7, "quite bad": 6, "not too bad": 3,
    "not bad": 2, "bad": 6, "quite sore": 5, "really sore": 6, "very sore": 6,
    "moderate": 5, "mild": 2, "slight": 2, "a little": 2,
    "a bit": 2, "a twinge": 2, "hardly": 1, "barely": 1, "no pain": 0, "pain free": 0,
    "nothing": 0, "none": 0, "doesnt hurt": 0, "not at all": 0,
}  # fmt: skip
_PAIN_CUE = (
    r"(?:pain|painful|hurts?|hurting|sore|soreness|ache|aches|aching|achy|twinge|"
    r"discomfort|score|level|rating|rate it|id say|id rate it|id give it|its|it is|about|"
    r"around|maybe|like|roughly|probably|at|a|an|is|say|prob|approx|approximately|"
    r"honestly|hmm|um|uh|ok|okay|so|well|oh|ouch|ow|now|currently|right now|still)"
)
SCORE_NUMBER = r"(?:10|[0-9]|zero|one|two|three|four|five|six|seven|eight|nine|ten)"
# A unit or a counted noun after a number makes it a quantity (time, weight, distance, age,
# reps, exercises, people, things), never a pain score: "sit 10 hrs a day", "9 stone",
# "walk 5 miles", "8 years old", "a list of about 5 moves", "lift 3 boxes".
QUANTITY_UNIT = (
    r"(?:reps?|times|sets?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|"
    r"years?|yrs?|yo|lbs?|pounds?|kgs?|kilos?|stone|miles?|km|kms|metres?|meters?|steps?|"
    r"floors?|flights?|laps?|lengths?|"
    # exercise counted: moves, sessions, rounds
    r"exercises?|moves?|movements?|stretch(?:es)?|lifts?|raises?|rounds?|goes|sessions?|"
    r"workouts?|classes?|drills?|positions?|versions?|variations?|kinds?|types?|"
    # people counted
    r"people|persons?|kids?|children|grandchildren|grandkids?|friends?|patients?|"
    # things counted
    r"boxes?|bags?|bottles?|cups?|glasses?|pills?|tablets?|pages?|sheets?|items?|pieces?|"
    r"things?|questions?|stairs?|blocks?)\b"
)
# A number that counts the thing after it ("one side", "two legs", "one more question") is
# a number of things, never a score.
_COUNTS_A_THING = (
    r"(?!\s+(?:sides?|legs?|hips?|knees?|feet|foot|arms?|hands?|joints?|muscles?|spots?|places?|"
    r"areas?|parts?|points?|things?|questions?|more|of|day|days|way|ways|time|times|bit|"
    r"directions?|minutes?|mins?|moments?|secs?|seconds?|nights?|mornings?|go|another|other|"
    r"thing|cheek|buttock|glute|bum|half|halves|person|people|week|weeks|month|months)\b)"
)
_RANGE = re.compile(
    rf"(?:between\s+)?(?P<a>{SCORE_NUMBER})\s*(?:-|to|or|and|slash|/)\s*(?P<b>{SCORE_NUMBER})"
    rf"(?!\s*(?:/|out of|outta)\s*(?:10|ten)\b)(?:\s*(?:/|out of|outta)\s*(?:10|ten))?\b"
)
_OUT_OF = re.compile(rf"(?P<a>{SCORE_NUMBER})\s*(?:/|out of|outta|of|on a scale of)\s*(?:10|ten)\b")
_PAIN_NUMBER = re.compile(
    rf"\b(?:pain|painful|hurts?|hurting|sore|soreness|ache|aches|aching|achy|twinge|discomfort|"
    rf"score|level|rating|rate it|give it|call it|say|pains|back|backs|hip|hips|knee|"
    # "on my hands and knees. one": the position, then the first rep
    rf"(?<!hands and )(?<!hand and )knees|"
    rf"(?<!left )(?<!right )(?<!other )(?<!first )(?<!second )leg|"
    rf"glute|glutes|"
    rf"hamstring|bum|butt|buttock|thigh|groin)\b(?:\s+(?:is|its|was|at|of|about|around|like|"
    rf"maybe|probably|roughly|a|an|level|score|rating|now|currently|right now|still|"
    rf"up to|down to|solid|strong|good|weak|low|high|easy|definitely|more like|nearer|closer to|"
    # the score it has moved to: "my back's gone up to a 6", "hip has crept to 4"
    rf"(?:has |have )?(?:gone|got|gotten|risen|rose|jumped|climbed|crept|shot|gone back)"
    rf"(?: up| down)? to))*"
    rf"\s+(?P<a>{SCORE_NUMBER})\b{_COUNTS_A_THING}(?!\s*(?:{QUANTITY_UNIT}|"
    rf"more|in all|total|am|pm|oclock|done|finished|complete|completed|down|each|"
    rf"per (?:leg|side)|a side|to go|left))"
)
# Where it hurts, said after a score; a leg or a side may instead be where reps were done.
_PLACE_NOT_A_LEG = (
    r"(?:back|hips?|knees?|glutes?|hamstrings?|bum|butt|buttocks?|thighs?|groin|spine)"
)
_PLACE = rf"(?:{_PLACE_NOT_A_LEG}|legs?|side)"
# A score before the place it hurts: "it's a 4ish in my lower back", "about a 6 in my hip",
# "it was 4 in the back".
_SCORE_IN_PLACE = re.compile(
    rf"(?<!did )(?<!done )(?<!managed )(?<!got )(?<!do )"
    rf"\b(?:a|an|about|around|like|maybe|probably|roughly)\s+(?P<a>{SCORE_NUMBER})"
    rf"(?:\s+(?:ish|or so|maybe|probably))?\s+(?:in|at|across|down)\s+(?:my|the|both)\s+"
    rf"(?:(?:lower|upper|low|left|right|middle|mid)\s+)?{_PLACE}\b"
)
# "It was 4 in the back": a bare number after "was"/"is", then a place that is no leg or
# side ("it's 2 on my left leg" counts reps on that leg).
_SCORE_IS_IN_PLACE = re.compile(
    rf"\b(?:was|is|its)\s+(?P<a>{SCORE_NUMBER})\s+(?:in|across|down)\s+(?:my|the|both)\s+"
    rf"(?:(?:lower|upper|low|middle|mid)\s+)?{_PLACE_NOT_A_LEG}\b"
)
# How a place feels, then a lone score: "hip feels ok now, 3ish", "back's better, maybe a 2".
_PLACE_FEELS_SCORE = re.compile(
    rf"\b(?:back|backs|hips?|knees?|legs?|glutes?|hamstrings?|bum|butt|thighs?|groin|spine)\s+"
    rf"(?:(?:feels?|feeling|is|s)\s+)?(?:(?:a bit|a lot|much|way|lot) )?"
    rf"(?:ok|okay|fine|better|good|alright|all right|easier|worse|not bad|sore|achy|tight|stiff)"
    rf"(?:\s+now)?\s+"
    rf"(?:(?:about|maybe|like|around|roughly|a|an|probably)\s+)*(?P<a>{SCORE_NUMBER})"
    rf"(?:\s+(?:ish|or so|maybe|probably|i think))*\s*$"
)
_BARE_SCORE = re.compile(
    rf"^(?:{_PAIN_CUE}\s+)*(?P<a>{SCORE_NUMBER})(?:\s+(?:ish|maybe|probably|i think|i guess|"
    rf"or so|at most|at least|now|today|i reckon|really|tops|max|out of 10|/ 10))*\s*$"
)


# A score said on its own with a cry or "that's" before it, mid-session: "ugh thats a six",
# "it's like a seven", "oof an eight". The article makes it a score (a count has none), and
# the cry or "that's" makes it one said about how it feels, with no pain word.
_EXCLAIMED_SCORE = re.compile(
    r"^(?:(?P<cry>ugh+|urgh+|argh+|ah+|ahh+|oh+|oof+|ooh+|ow+|ouch|yikes|eek|meh|hmm+|phew|"
    r"gah|jeez|geez|blimey|crikey|damn|dang|god|oh god|oh no|wow|whoa|welp)\s+|"
    # fillers, no cry: "ok a ten" may answer a question about a count
    r"(?:yeah|yep|ok|okay|well|um+|uh+|erm|honestly|ngl)\s+)*"
    r"(?P<that>(?:thats|that is|its|it is|it was|thats now|its now|now its)\s+)?"
    r"(?:(?:like|about|around|maybe|probably|prob|more like|easily|at least|already|def|"
    r"definitely|honestly|solidly|now)\s+)*"
    rf"(?:a|an)\s+(?P<a>{SCORE_NUMBER})"
    r"(?:\s+(?:now|already|ish|or so|i think|i reckon|i guess|maybe|honestly|tbh|at least|"
    r"right now|out of 10|/ 10))*\s*$"
)


def exclaimed_score(text: str) -> int | None:
    """A score said alone with a cry or "that's" ("ugh thats a six"), else None."""
    match = _EXCLAIMED_SCORE.match(normalise(text))
    if match is None or not (match.group("cry") or match.group("that")):
        return None
    return _score_value(match.group("a"))


# Mid-set, a number beside a word for how something feels ("6, brutal", "ouch, about 5",
# "4 and it's grim") is how bad it is, not a count: no count word may be said with it.
_FEELS_BAD = re.compile(
    r"\b(?:nasty|horrible|horrid|rough|awful|brutal|killing(?! it\b)|killer|sore|hurts?|"
    r"hurting|ouch|ow|owww*|grim|terrible|dreadful|vicious|savage|agony|painful|pain|aching|"
    r"achy|stings?|stinging|throbbing|excruciating|unbearable)\b"
)
_SAYS_A_COUNT = re.compile(
    r"\b(?:reps?|repetitions?|lifts?|times|did|done|do|doing|more|another|in all|in total|"
    r"total|so far|to go|left|count|counted|counting|finished|managed|got to|get to|up to|"
    r"made it|sets?|legs?|sides?|of them|of those|each)\b"
)
_A_NUMBER = re.compile(rf"\b(?:\d+|{_CARDINAL}|one)\b")
# A number said roughly, alone: "7ish", "about a 7", "like a six", "8 or so".
_ROUGH_NUMBER = re.compile(
    rf"^(?:(?:um+|uh+|erm|hmm+|so|well|oh)\s+)*"
    rf"(?:(?P<hedge>(?:about|around|like|roughly|maybe|probably|more like)\s+)(?:a|an)\s+"
    rf"(?P<a>{SCORE_NUMBER})|(?P<b>{SCORE_NUMBER})\s+(?:ish|or so))"
    rf"(?:\s+(?:ish|or so|i think|i reckon|i guess|maybe|probably))*\s*$"
)


def felt_bad_score(text: str) -> int | None:
    """The one number 0-10 in a message that says how bad it feels and names no count
    ("8, it's nasty", "ouch, like a 6"), else None."""
    said = normalise(text)
    if not _FEELS_BAD.search(said) or _SAYS_A_COUNT.search(said) or says_no_pain(text):
        return None  # "fine, zero pain": no pain said
    found = _A_NUMBER.findall(said)
    if len(found) != 1:
        return None
    return _score_value(found[0])


def rough_number(text: str) -> int | None:
    """A number 0-10 said roughly and alone ("7ish", "about a 7"): a count or a pain
    score, which one the message does not say."""
    match = _ROUGH_NUMBER.match(normalise(text))
    if match is None:
        return None
    return _score_value(match.group("a") or match.group("b"))


# A number just after a verb of doing reps is a count, never a pain score.
_AFTER_REP_VERB = (
    r"(?<!did )(?<!done )(?<!managed )(?<!finished )(?<!completed )(?<!got )(?<!get )"
    r"(?<!do )(?<!doing )(?<!another )(?<!rep )(?<!reps )(?<!number )(?<!last )(?<!final )"
)
_LONE_SCORE = re.compile(
    rf"(?<!did )(?<!done )(?<!managed )(?<!finished )(?<!rep )(?<!reps )(?<!number )(?<!after )"
    rf"(?<!for )(?<!since )(?<!last )(?<!every )(?<!each )(?<!set )(?<!got to )(?<!get to )"
    rf"(?<!up to )(?<!reached )(?<!made it to )\b(?P<a>{SCORE_NUMBER})\b{_COUNTS_A_THING}"
    rf"(?!\s*(?:{QUANTITY_UNIT}|more|in all|total|so far|am|pm|oclock|of them|out of (?!10|ten)))"
)


def _lone_scores(said: str) -> list[int]:
    values = [_score_value(m.group("a")) for m in _LONE_SCORE.finditer(said)]
    return [value for value in values if value is not None]


def _score_value(phrase: str) -> int | None:
    value = value_of(phrase)
    return value if isinstance(value, int) and 0 <= value <= 10 else None


# A soundalike where a score goes, said last or before "out of ten": "pain was about to",
# "maybe a tree", "its for out of ten" (speech recognisers' two, three, four).
_SOUNDALIKE_WORD = (
    r"(?P<word>to|too|for|fore|tree|(?<!pain )free|thee|ate|won|sex|sicks|fiv|fife|tin|nein)\b"
)
# Where it hurts after it: "that was for in the back", "like a tree on my left side".
_THEN_PLACE = rf"(?:in|on|at|across|down)\s+(?:my|the|both)\s+(?:\w+\s+)?{_PLACE}\b"
_SOUNDALIKE_SCORE = re.compile(
    r"\b(?P<cue>about|around|maybe|like|at|is|was|its|a|an|to|now|pain|hurts|sore|score|rating|"
    r"level|say|solid|strong|same)\s+"
    + _SOUNDALIKE_WORD
    + rf"(?=\s*(?:$|out of|/|ish\b|i think\b|i guess\b|maybe\b|now\b|or so\b|{_THEN_PLACE}))"
    # said first, with "out of ten" or the place after it: "sex out of ten", "to in my hip"
    + rf"|^{_SOUNDALIKE_WORD.replace('word', 'first')}(?=\s*(?:out of|/|{_THEN_PLACE}))"
    # with its article and the day after it: "my back's about a tree today"
    + rf"|\b(?P<article>a|an)\s+{_SOUNDALIKE_WORD.replace('word', 'dated')}"
    + r"(?=\s+(?:today|tonight|this (?:morning|afternoon|evening)|right now|at the moment)\b)"
)


# A score said of an earlier time or as a comparison, beside the score now: "before it was a 2
# at most", "yesterday it was 3", "it was a 2 earlier", "was a 2, now a 4", "up from 2",
# "compared to a 3 last time". The score now is the one that counts.
_EARLIER = (
    r"(?:before|earlier|yesterday|last (?:time|night|week|session)|previously|at first|"
    r"initially|to begin with|at the start|this morning|first thing|the other day|"
    r"before (?:i|we) (?:started|began|did (?:them|it|my \w+(?: \w+)?)))"
)
_PAST_HEDGE = (
    r"(?:(?:a|an|about|around|like|only|just|maybe|roughly|barely|probably|more like|"
    r"no more than)\s+)*"
)
_PAST_TAIL = (
    r"(?:\s+(?:at most|at the most|max|tops|ish|or so|or less|at worst|at the worst|"
    r"(?:/|out of) (?:10|ten)))*"
)
_WAS = r"(?:was|were|had been|has been|used to be|was only|was just|it was|it had been)"
_OF_IT = r"(?:(?:it|that|mine|the pain|pain|my (?:\w+ ){0,2}?\w+|the (?:\w+ )?\w+)\s+)?"
_USUALLY = r"(?:normally|usually|typically|generally|ordinarily|most days|on a normal day)"
_IT_IS = (
    r"(?:it'?s|it is|its|it'?d be|i'?m|i am|i'?d be|mine'?s|mine is|it sits(?: at)?|"
    r"it'?s been)"
)
_PAST_SCORE = re.compile(
    rf"\b{_EARLIER}\s+{_OF_IT}{_WAS}\s+{_PAST_HEDGE}{SCORE_NUMBER}\b{_PAST_TAIL}"
    rf"|\b{_WAS}\s+{_PAST_HEDGE}{SCORE_NUMBER}\b{_PAST_TAIL}\s+{_EARLIER}\b"
    # "was a 2, now a 4": a "was" before a score said to be now
    rf"|\b{_WAS}\s+{_PAST_HEDGE}{SCORE_NUMBER}\b{_PAST_TAIL}"
    rf"(?=\s+(?:(?:and|but|so|whereas)\s+)?(?:now|today|currently|at the moment|right now|"
    rf"its now|it is now|this time)\b)"
    rf"|\b(?:yesterday|last (?:time|night|session)|earlier)\s+(?:(?:a|an|about|around|only|"
    rf"just)\s+)?{SCORE_NUMBER}\b{_PAST_TAIL}(?=\s+(?:and\s+|but\s+)?(?:now|today|this)\b)"
    rf"|\b(?:up|down|risen|gone up|went up|gone down|went down|climbed|jumped)?\s*from\s+"
    rf"{_PAST_HEDGE}{SCORE_NUMBER}\b{_PAST_TAIL}(?!\s+(?:to|-)\b)"
    rf"|\b(?:compared (?:to|with)|versus|vs)\s+{_PAST_HEDGE}{SCORE_NUMBER}\b{_PAST_TAIL}"
    # A baseline beside the score now: "when it's normally a 3", "usually it's 1", "from my
    # usual 2", "than my normal 2", "2 is my usual".
    rf"|\b{_USUALLY}\s+(?:{_IT_IS}\s+)?(?:(?:at|around|about)\s+)?{_PAST_HEDGE}{SCORE_NUMBER}\b"
    rf"{_PAST_TAIL}"
    rf"|\b{_IT_IS}\s+{_USUALLY}\s+(?:(?:at|around|about)\s+)?{_PAST_HEDGE}{SCORE_NUMBER}\b"
    rf"{_PAST_TAIL}"
    rf"|\b(?:my|the|a|its|it'?s)\s+(?:usual|normal|baseline|typical|regular|everyday)"
    rf"(?:\s+(?:level|score|pain|rating|one|is|of|being))*\s+{_PAST_HEDGE}{SCORE_NUMBER}\b"
    rf"{_PAST_TAIL}"
    rf"|\b{SCORE_NUMBER}\b{_PAST_TAIL}\s+(?:is|being)\s+(?:my|the)\s+"
    rf"(?:usual|normal|baseline|typical)\b"
)


def without_earlier_scores(said: str) -> str:
    """The normalised message with scores of an earlier time or comparisons taken out."""
    return _PAST_SCORE.sub(" ", said)


def score_above_baseline(text: str) -> tuple[int, int] | None:
    """(the score now, the earlier or usual one) when both are said and the one now is
    higher: "maybe a 5 when it's normally a 3", "up to 6 from my usual 2" is (6, 2)."""
    said = normalise(REP_RANGE.sub(" ", without_other_fractions(text)))
    earlier = _PAST_SCORE.search(said)
    if earlier is None:
        return None
    found = re.findall(rf"\b{SCORE_NUMBER}\b", earlier.group(0))
    before = parse_number(found[-1]) if found else None
    now = read_pain_score(text, asked=True)
    if not isinstance(before, int) or now is None or now <= before:
        return None
    return now, before


# A fraction over anything but ten ("150/95", "3/5", "120 / 80"): a blood pressure or a
# ratio, never a pain score; only "N/10" or "N out of 10" is one.
OTHER_FRACTION = re.compile(r"\b\d+(?:\.\d+)?\s*/\s*(?!(?:10|ten)\b)\d+(?:\.\d+)?\b", re.I)


def without_other_fractions(text: str) -> str:
    """The message with fractions over anything but ten taken out (see OTHER_FRACTION)."""
    return OTHER_FRACTION.sub(" ", text)


# A step up in reps or sets ("went from 8 to 10 reps", "from ten to twelve lifts a side"):
# a count, never a pain score ("my pain went from 3 to 6" has no count word after it).
_A_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
REP_RANGE = re.compile(
    rf"\bfrom\s+{_A_COUNT}\s+(?:reps?\s+|lifts?\s+|sets?\s+)?(?:up\s+)?to\s+{_A_COUNT}\s+"
    r"(?:reps?|repetitions?|lifts?|sets?|raises?|a side|a leg|per (?:side|leg)|each (?:side|leg)|"
    r"on each)\b"
    rf"|\bfrom\s+{_A_COUNT}\s+(?:reps?|lifts?|sets?)\s+(?:up\s+)?to\s+{_A_COUNT}\b"
    rf"|\b(?:reps?|lifts?|sets?|repetitions?)\s+from\s+{_A_COUNT}\s+(?:up\s+)?to\s+{_A_COUNT}\b",
    re.I,
)


def read_pain_score(text: str, asked: bool = False) -> int | None:
    """A 0-10 pain score, the score now when an earlier one is said beside it ("about a 4,
    before it was a 2" is 4)."""
    text = REP_RANGE.sub(" ", without_other_fractions(text))
    said = normalise(text)
    now = without_earlier_scores(said)
    if now != said:
        score = _read_pain_score_as_heard(now + (" ?" if "?" in text else ""), asked)
        if score is not None:
            return score
    return _read_pain_score_as_heard(text, asked)


def _read_pain_score_as_heard(text: str, asked: bool = False) -> int | None:
    """A 0-10 pain score (see _read_pain_score), a soundalike where a score goes read first
    as the number it sounds like."""
    said = normalise(text)
    heard = _as_heard(said)
    score = _read_pain_score(heard, asked) if heard != said else None
    return score if score is not None else _read_pain_score(text, asked)


def _as_heard(said: str) -> str:
    """A soundalike where a score goes as the number it sounds like: "about a tree" -> "about
    a three"."""
    return _SOUNDALIKE_SCORE.sub(
        lambda m: (
            SOUNDALIKES[m.group("first")]
            if m.group("first")
            else f"{m.group('article')} {SOUNDALIKES[m.group('dated')]}"
            if m.group("dated")
            else f"{m.group('cue')} {SOUNDALIKES[m.group('word')]}"
        ),
        said,
    )


def says_the_score(text: str, score: int) -> bool:
    """Whether the message says this number (digits, a word, or a soundalike where a score
    goes), as against a score read from words alone ("a bit sore", "it went severe")."""
    return any(
        re.fullmatch(SCORE_NUMBER, word) and value_of(word) == score
        for word in re.findall(r"[a-z0-9]+", _as_heard(normalise(text)))
    )


# A number said the way a score is said, not a count: "a six", "about a tree", "like an
# ate", "for in my back" (a soundalike or a number with an article, or with a place after it).
_SAID_AS_A_SCORE = re.compile(
    rf"(?<!did )(?<!done )(?<!managed )(?<!got )(?<!finished )"
    rf"\b(?:a|an)\s+(?:(?:solid|strong|good|low|high|decent|firm|weak|mild)\s+)?"
    rf"(?:{SCORE_NUMBER}|{'|'.join(SOUNDALIKES)})\b|"
    rf"\b(?:about|around|like|maybe|probably|roughly|was|is|its)\s+"
    rf"(?:{'|'.join(SOUNDALIKES)})\b(?=\s*$|\s+(?:ish|or so|out of|in|on|at)\b)|"
    # the score said again: "about the same, a two", "same as before tree"
    rf"\bsame(?: as (?:before|last time|earlier))?\s+(?:{SCORE_NUMBER}|{'|'.join(SOUNDALIKES)})"
    rf"\b(?=\s*$)|"
    rf"\b(?:{SCORE_NUMBER}|{'|'.join(SOUNDALIKES)})\s+(?:in|on|at|across|down)\s+"
    rf"(?:my|the|both)\s+(?:\w+\s+)?{_PLACE}\b"
)


def read_felt_score(text: str) -> int | None:
    """A pain score in the answer to "how did it feel?" (the end of a paced set): any
    score read_pain_score reads, and a number said the way a score is said ("about a
    tree", "a 3", "for in the back") when the message says no count of reps."""
    score = read_pain_score(text)
    if score is not None:
        return score
    said = normalise(text)
    if not _SAID_AS_A_SCORE.search(said) or read_count(text) is not None:
        return None
    return read_pain_score(text, asked=True)


# A count said with a hedge and nothing else, to "did you get all 10?" after a paced set:
# "I'd say about six", "reckon eight", "probably 6 or so", "hmm maybe seven I think". A
# plain number (digits or a number word, never "a six" nor a soundalike) with no pain word.
_COUNT_HEDGE = (
    r"(?:um+|uh+|er+m?|hmm+|well|so|ok|okay|oh|yeah|yes|no|nah|i|id|i would|would|say|"
    r"reckon|think|guess|suppose|probably|prob|maybe|about|around|roughly|approximately|"
    r"approx|like|i got|got|managed|did|done|only|just|call it|lets say|more like|close to|"
    r"nearly|almost|i think|i reckon|i guess|or so|ish|or thereabouts|give or take)"
)
_HEDGED_COUNT = re.compile(
    rf"^(?:{_COUNT_HEDGE}\s+)*(?P<n>\d{{1,2}}|{_ONES}|ten)(?:\s+{_COUNT_HEDGE})*$"
)
_HEDGED_AT_ALL = re.compile(
    r"\b(?:say|reckon|think|guess|suppose|probably|prob|maybe|about|around|roughly|approx|"
    r"approximately|like|or so|ish|thereabouts|give or take|nearly|almost)\b"
)


def hedged_count(text: str) -> int | None:
    """The number in a message that is only a hedge and a plain number ("I'd say about
    six", "reckon eight", "probably 6 or so"), or None; a pain word anywhere makes it None."""
    said = normalise(text)
    match = _HEDGED_COUNT.match(said)
    if match is None or not _HEDGED_AT_ALL.search(said) or _PAIN_WORD.search(said):
        return None
    value = value_of(match.group("n"))
    return value if isinstance(value, int) else None


_PLAIN_NUMBER = re.compile(rf"\b(?:\d{{1,2}}|{_ONES}|ten)\b")


def says_a_plain_number(text: str) -> bool:
    """A number in digits or words ("a six", "about a 6"), not a recogniser's soundalike."""
    return _PLAIN_NUMBER.search(normalise(text)) is not None


# "one" standing for a thing, after a determiner and the words that name it: "the bent
# knee one", "that one", "the easier one", "which one". Neither a score nor a count.
_PRONOUN_ONE = re.compile(
    r"\b(?:the|this|that|these|those|which|what|other|another|each|every|same|next|last|"
    r"first|easy|easier|hard|harder|simpler|basic|beginner|straight|bent|new|old|different)"
    r"(?:\s+(?!(?:is|was|its|at|about|like|a|an|maybe|around|now|feels?|felt|hurts?|pain|"
    r"scored?|rated?|out|of|more|did|done|just|only)\b)[a-z]+){0,3}\s+one\b"
    r"(?!\s*(?:/|out of|outta|ish|or\b|to\b|-|\d))"
)


def without_pronoun_one(said: str) -> str:
    """The normalised message with a pronoun "one" ("the bent knee one") made "thing"."""
    return _PRONOUN_ONE.sub(lambda m: m.group(0)[: -len("one")] + "thing", said)


def _read_pain_score(text: str, asked: bool = False) -> int | None:
    """A 0-10 pain score in the message, or None.

    With `asked` (the coach has just asked "how bad?"), a bare number or "a six" is
    the score; otherwise a number needs a pain word or an out-of-ten form beside it.
    A range ("5-6", "between 5 and 6", "5 or 6") reads as its higher end.
    """
    said = without_pronoun_one(normalise(text))
    if not said:
        return None
    if _MISCOUNTED.search(said) and not _PAIN_WORD.search(said):
        return None  # "lost count, call it 6": the count, not a score
    if not asked and not _PAIN_WORD.search(said) and _SETS_DOWN_FIRST.match(said):
        return None  # "call it 6", "put me down for 6": a count to write down, not a score
    for match in _RANGE.finditer(said):
        a, b = _score_value(match.group("a")), _score_value(match.group("b"))
        context = said[: match.start()] + said[match.end() :]
        is_range = any(word in match.group(0) for word in (" - ", "between", " or ", " to "))
        if (
            a is not None
            and b is not None
            and b > a
            and (
                asked
                or _mentions_pain(context)
                or _BAND_WORD.search(context)
                or "/" in match.group(0)
                or "out of" in match.group(0)
            )
            and is_range
        ):
            return b
    match = _OUT_OF.search(said)
    if match and _score_value(match.group("a")) is not None:
        return _score_value(match.group("a"))
    if (
        not asked
        and _DENIED_OUTRIGHT.search(said)
        and not _mentions_pain(_DENIED_OUTRIGHT.sub(" ", said))
    ):
        return None  # "no pain at all, I run twice a week": a number there is no score
    denied = [m.span() for m in _NO_PAIN.finditer(said)]
    match = next(
        # "no pain, 10 done": a number after a denied pain word is no score.
        (m for m in _PAIN_NUMBER.finditer(said) if not any(a <= m.start() < b for a, b in denied)),
        None,
    ) or (_SCORE_IN_PLACE.search(said) or _SCORE_IS_IN_PLACE.search(said))
    match = match or _PLACE_FEELS_SCORE.search(said)
    if match and _score_value(match.group("a")) is not None:
        return _score_value(match.group("a"))
    if asked:
        match = _BARE_SCORE.match(said)
        if match:
            return _score_value(match.group("a"))
    elif _PAIN_WORD.search(said) and not _NO_PAIN.search(said):
        # "it hurts a bit now, 4ish": with a pain word, a lone score is the score.
        # ("all ten, no pain": the ten is the count; "5 and it's agony": agony wins.)
        scores = _lone_scores(said)
        if scores:
            return max(scores[-1], _strong_word_score(said, asked) or 0)
    # A number said beside a word for how bad it is wins over the word ("a bit worse,
    # maybe a six" is 6, "moderate, a 3" is 3), and a score is never read lower than the
    # number said ("agony, a 10" is 10).
    number = _number_beside_words(said, asked)
    strong = _strong_word_score(said, asked)
    if strong is not None:
        return max(strong, number or 0)
    # "What if the pain is moderate?" asks; it reports no score.
    band = None if "?" in text or _QUESTION.search(said) else _band_score(said)
    if band is not None and not asked:
        return band if number is None else number
    if not asked and number is not None and _SCORE_CONTEXT.search(said):
        return number  # "getting worse, about a 6 now", "mild, maybe a 3"
    hedged = None if asked else _HEDGED_SCORE.search(said)
    if hedged and _SORE_PLACE.search(said) and _score_value(hedged.group("a")) is not None:
        return _score_value(hedged.group("a"))  # "it's a 7 now, in my hip": where it hurts
    worse = _GETTING_WORSE.search(said)
    if worse and not _NO_PAIN.search(said) and _score_value(worse.group("a")) is not None:
        return _score_value(worse.group("a"))  # "a bit worse, 6 now"
    if asked:
        if number is not None:
            return number
        # "only when I walk a bit": how much walking, not how bad
        unqualified = QUANTITY_OF_AN_ACTIVITY.sub(" ", said)
        for phrase, value in sorted(PAIN_WORDS.items(), key=lambda item: -len(item[0])):
            if re.search(rf"\b{phrase}\b", unqualified):
                return value
        if band is not None:
            return band
    return None


# A body place said with "my"/"the" (a leg is left out: "left leg" goes with counts): a
# score said the way a score is ("a six") beside one is how much it hurts there.
_SORE_PLACE = re.compile(
    r"\b(?:(?:my|the|of|in)\s+(?:(?:left|right|lower|upper)\s+)?|(?:left|right)\s+)"
    r"(?:side of (?:my|the)\s+)?(?:"
    + vocabulary.body_part_alternation(leaving_out=("leg",))
    + r")\b"
)
# How bad, said in words beside a number: with one, a number said the way a score is
# ("maybe a six", "about 5") is the score, even unasked.
_SCORE_CONTEXT = re.compile(
    r"\b(?:worse|worsening|worser|mild|mildly|slight|slightly|moderate|moderately|"
    r"severe|severely|a bit sore|bit sore|a little sore|quite sore|pretty sore)\b"
)
# A number said the way a score is said: after an article or a hedge, never after a verb
# of doing reps ("did about 6" is a count).
_HEDGED_SCORE = re.compile(
    rf"{_AFTER_REP_VERB}(?<!did like )(?<!did about )(?<!done about )(?<!managed about )"
    rf"\b(?:a|an|about|around|maybe|like|probably|roughly|more like|nearer|closer to|say)\s+"
    rf"(?:(?:a|an)\s+)?(?P<a>{SCORE_NUMBER})\b{_COUNTS_A_THING}"
    rf"(?!\s*(?:{QUANTITY_UNIT}|more|in all|in total|total|so far|am|pm|oclock|of them|done|"
    rf"finished|complete|completed|to go|left|each|per (?:leg|side)|a side))"
)


# Pain said to be getting worse, the pain word left out, then a score to end the message:
# "a bit worse, 6 now", "worse - 7". Not the form getting worse ("worse form, 7 done").
_GETTING_WORSE = re.compile(
    rf"\b(?:worse|worsening|worser)\b(?!\s+(?:form|technique|posture|balance|control|"
    rf"than))(?:\s+(?:now|again|still|today|i think|i reckon))*\s*[,;:.-]?\s+"
    rf"(?:(?:now|its|it is|maybe|probably|like|about|around|roughly|prob)\s+)*"
    rf"(?P<a>{SCORE_NUMBER})(?:\s+(?:now|ish|i think|i reckon|maybe|probably|or so|/ 10|"
    rf"out of (?:10|ten)))*\s*$"
)


def _number_beside_words(said: str, asked: bool) -> int | None:
    """The last number in the message said as a score: when the coach has asked how bad,
    any number that counts no reps; otherwise one said after an article or a hedge."""
    if asked:
        # "it was a 2 before, now more like 4": the last score said is the one now.
        # ("did 10", "managed 8": reps done, even when the coach has asked how bad.)
        matches = re.finditer(
            rf"{_AFTER_REP_VERB}\b(?P<a>{SCORE_NUMBER})\b{_COUNTS_A_THING}"
            rf"(?!\s*(?:{QUANTITY_UNIT}|am|pm|done|finished|complete|"
            rf"completed|more|in all|in total|total|so far|of them))",
            said,
        )
    else:
        matches = _HEDGED_SCORE.finditer(said)
    scores = [_score_value(m.group("a")) for m in matches]
    scores = [score for score in scores if score is not None]
    return scores[-1] if scores else None


# A band said with a pain word is a score on its own, asked or not: "moderately sore",
# "the pain is mild", "really achy", valued as PAIN_WORDS values the band. A vaguer word
# ("pretty sore", "quite achy") is still asked about.
_BAND_SCORES = {
    **dict.fromkeys(("mild", "mildly", "slight", "slightly"), PAIN_WORDS["mild"]),
    **dict.fromkeys(("moderate", "moderately"), PAIN_WORDS["moderate"]),
    **dict.fromkeys(("really", "very"), PAIN_WORDS["very sore"]),
    **dict.fromkeys(("severe", "severely", "extremely", "seriously"), PAIN_WORDS["severe"]),
}
_BAND = "|".join(_BAND_SCORES)
_PAIN_SAID = (
    r"(?:pain|pains|painful|hurts?|hurting|sore|soreness|ache|aches|aching|achy|tender|stiff|"
    r"uncomfortable|discomfort)"
)
# Where it hurts, said between the pain and its band: "the pain in my lower back is mild".
_IN_PLACE = rf"(?:\s+(?:in|on|at|across|down)\s+(?:my|the|both)\s+(?:\w+\s+)?{_PLACE})?"
_BAND_SCORE = re.compile(
    rf"(?<!not )(?<!isnt )(?<!never )(?<!wasnt )"
    rf"\b(?:(?P<a>{_BAND})\s+{_PAIN_SAID}|{_PAIN_SAID}{_IN_PLACE}\s+(?:is|s|was|feels|its|it is|"
    rf"level is|feels like)?\s*(?:(?:quite|pretty|fairly|really|only|just|still|a bit)\s+)*"
    rf"(?P<b>mild|moderate|"
    rf"severe)|(?P<c>mild|moderate|severe|bad)\s+(?:hip|back|knee|leg|glute)\s+{_PAIN_SAID}"
    # The band and the place, the pain word left out: "it's getting moderate now in my hip".
    rf"|(?:its|it is|its getting|getting|gone|now|it feels|feels)\s+(?:(?:quite|pretty|fairly|"
    rf"now|a bit)\s+)*(?P<d>mild|moderate|severe)(?:\s+now)?\s+(?:in|on|at|across)\s+(?:my|"
    rf"the|both)\s+(?:\w+\s+)?{_PLACE})\b"
)


# A place, then how bad it is, the pain word left out: "my back is moderate today", "hips
# terrible", "knee's pretty bad". Valued as PAIN_WORDS values the words; "left leg was bad"
# may be about the reps, so a leg named by side or turn is left out.
_SEVERITY_WORDS = (
    "unbearable", "excruciating", "agonising", "agonizing", "agony", "awful", "terrible",
    "horrible", "really bad", "very bad", "pretty bad", "quite bad", "not too bad", "not bad",
    "bad", "severe", "moderate", "mild", "slight",
)  # fmt: skip
_PLACE_SEVERITY = re.compile(
    # someone else's back is no report: "for when your back is bad", "whose hip is terrible"
    rf"(?<!your )(?<!whose )(?<!his )(?<!her )(?<!their )(?<!someones )(?<!peoples )"
    rf"\b(?:{_PLACE_NOT_A_LEG}|(?<!left )(?<!right )(?<!other )(?<!first )(?<!second )(?<!this )"
    rf"(?<!that )legs?|backs)\s+"
    rf"(?:(?:is|s|was|are|were|feels?|feeling|felt|seems|has|have|been|getting|gone|still|now|"
    rf"today|quite|pretty|fairly|really|very|so|rather|a bit|a little|kind of|kinda|somewhat)\s+)*?"
    rf"(?P<e>{'|'.join(_SEVERITY_WORDS)})\b(?!\s+(?:at|for|with|idea|news|luck|form)\b)"
)


# A place said to be troubling, with no word for how much: "my back was rough this morning",
# "hips playing up". Pain to ask about, never dropped.
_PLACE_TROUBLE = re.compile(
    rf"\b(?:{_PLACE_NOT_A_LEG}|backs)\s+(?:(?:is|s|was|are|were|feels?|feeling|felt|has been|"
    rf"been|still|really|quite|a bit|a little)\s+)*(?:rough|not great|not good|not right|dodgy|"
    rf"iffy|playing up|acting up|flaring(?: up)?|flared(?: up)?|niggling|grumbling|grumbly|"
    rf"moaning(?: at me)?|complaining|protesting|grumpy|cranky|giving me (?:grief|"
    rf"trouble|gyp|jip)|bothering me|killing)\b"
)


def troubles_a_place(text: str) -> bool:
    """A body part said to be bad without a pain word or score: pain to ask about."""
    return bool(_PLACE_TROUBLE.search(normalise(text)))


def _band_score(said: str) -> int | None:
    if _NO_PAIN.search(said):
        return None
    match = _BAND_SCORE.search(said) or _PLACE_SEVERITY.search(said)
    if match is None:
        return None
    word = next(word for word in match.groupdict().values() if word)
    # Of two bands, the higher: "slightly achy, moderate really" is moderate.
    named = [_BAND_SCORES[w] for w in re.findall(r"\b(?:mild|moderate|severe)\b", said)]
    return max([_BAND_SCORES.get(word) or PAIN_WORDS.get(word) or 0, *named])


# A pain band said beside a range: "moderate, 4 or 5" is a score, the higher end.
_BAND_WORD = re.compile(r"\b(?:mild|moderate|severe|id say|id rate it|id give it)\b")


def _strong_word_score(said: str, asked: bool) -> int | None:
    """8 to 10 from the words: "severe pain", "agony", "unbearable"."""
    for phrase, value in sorted(PAIN_WORDS.items(), key=lambda item: -len(item[0])):
        strong = asked or _mentions_pain(said) or phrase in _STRONG_WORDS
        if value >= 8 and strong and re.search(rf"\b{phrase}\b", said):
            return value
    return None


# Words that are pain reports on their own ("agony"), unlike "terrible" or "awful".
_STRONG_WORDS = (
    "unbearable", "excruciating", "agony", "agonising", "agonizing", "killing me",
    "worst pain", "cant bear",
)  # fmt: skip


def _mentions_pain(said: str) -> bool:
    return bool(
        re.search(
            r"\b(?:pain|painful|hurts?|hurting|sore|soreness|ache|aches|aching|achy|twinge|"
            r"discomfort|back|hip|knee|leg|glute|hamstring|agony)\b",
            said,
        )
    )


_PAIN_WORD = re.compile(
    r"\b(?:pain|pains|painful|hurts?|hurting|hurted|sore|soreness|ache|aches|ached|aching|achy|twinge|"
    r"twinges|twinging|throbs|throbbing|discomfort|agony|ouch|ow|sting|stings|stinging|burning|throbbing|sharp|cramp|"
    r"cramping|pulled|tweaked|twinged|uncomfortable|sorer|achier)\b"
)


# Pain denied outright, the whole message about no pain: "I don't have any pain", "no pain at
# all", "pain free" (not "not much pain" or "doesn't hurt much", which may go on to a score).
_NONE_AT_ALL = (
    r"|\b(?:dont|do not|didnt|did not|havent|have not|hasnt|not|never)\s+(?:really\s+)?"
    r"(?:have|had|got|get|feel|felt|in|having)?\s*(?:any|got any)\s+(?:real\s+)?"
    r"(?:pain|hurt|discomfort|soreness|aches?|twinges?)\b"
)
_DENIED_OUTRIGHT = re.compile(
    r"\b(?:no|without|zero|not any)\s+(?:real\s+)?(?:pain|discomfort|soreness|aches?)\b"
    r"|\bpain ?free\b|\bpainless\b" + _NONE_AT_ALL
)
_NO_PAIN = re.compile(
    r"\b(?:no|without|zero|not any|not much|hardly any|barely any)\s+(?:real\s+)?(?:pain|hurt|"
    r"discomfort|soreness|aches?|twinges?)\b|\bpain ?free\b|\bpainless\b|"
    r"\b(?:doesnt|didnt|did not|does not|wasnt|isnt|not)\s+(?:really\s+)?(?:hurt|painful|sore)"
    # "I don't have any pain", "haven't got any pain", "not in any pain"
    + _NONE_AT_ALL
)


def says_no_pain(text: str) -> bool:
    """ "No pain", "didn't hurt", "pain free": pain words that say there was none."""
    return bool(_NO_PAIN.search(normalise(text)))


def only_denies_pain(text: str) -> bool:
    """ "Let's go, no pain right now": the pain words all say there is none."""
    said = normalise(text)
    return bool(_NO_PAIN.search(said)) and not _PAIN_WORD.search(_NO_PAIN.sub(" ", said))


def mentions_pain(text: str) -> bool:
    """A pain word in the message ("hurts", "sore", "twinge"): being tired is not pain."""
    return bool(_PAIN_WORD.search(normalise(text)))


def reports_pain_score(text: str) -> bool:
    """The message gives a pain score on its own initiative ("pain 6", "its agony")."""
    return read_pain_score(text) is not None


# A score said again as a correction: "sorry, it's a 3 not a 9", "should have said 3".
_A_SCORE = re.compile(rf"\ba\s+(?={SCORE_NUMBER}\b)")
_SCORE_AGAIN = re.compile(
    rf"^(?:.*\s)?(?:should have said|shouldve said|meant to (?:say|type|put)|more like|"
    rf"nearer|closer to)\s+(?P<n>{SCORE_NUMBER})(?:\s+(?:out of|/)\s+(?:10|ten))?$"
)


def read_score_correction(text: str) -> int | None:
    """The score a message puts in place of one just said ("typo, I meant 3 not 9"), or
    None: a correction of a count read as a score from 0 to 10."""
    said = _A_SCORE.sub("", text.lower())
    said = re.sub(r"\s*(?:out of|/)\s*(?:10|ten)\b", "", said)
    count = read_count(said)
    if count is not None and count.kind == SET_TO and 0 <= count.value <= 10:
        return count.value
    again = _SCORE_AGAIN.match(normalise(said))
    return _score_value(again.group("n")) if again else None


def counts_reps(count: Count | None) -> bool:
    """A count that says reps were done ("3", "two more", "did 4"), not a correction, nor
    "finished" on its own."""
    if count is None or count.kind in CORRECTIONS:
        return False
    if is_bare_rep(count):
        return False  # "done", "next": words that need a session to be a rep
    return not (count.kind in (ALL, FINISHED) and count.value is None)


def is_bare_rep(count: Count | None) -> bool:
    """ "done", "next": one rep, said with no number."""
    return count is not None and count.kind == MORE and count.value == 1 and not count.explicit


# Both legs' batches in one message: "8 + 8 done", "did 10 and 10", "9 each side", "both
# legs 10". Not a run counted along ("9 and 10 done" is read by read_count).
_BOTH_LEGS = re.compile(
    rf"^(?:{_FILLER}\s+)*(?:(?:i\s+)?(?:did|done|got|managed|finished|completed)\s+)?(?:"
    rf"(?P<a>{NUMBER})\s+(?:and|plus)\s+(?P<b>{NUMBER})"
    rf"(?:\s+(?:reps?|done|each|both legs|both sides|on both|complete|finished))*"
    rf"|(?P<n>{NUMBER})(?:\s+reps?)?\s+(?:(?:on|with|for)\s+)?(?:each|both|every|per)\s+"
    rf"(?:legs?|sides?)(?:\s+(?:done|complete|finished|now))*"
    rf"|(?:on\s+)?(?:both|each)\s+(?:legs|sides|leg|side)\s+(?:(?:did|done|got|at|were|was)\s+)?"
    rf"(?P<m>{NUMBER})(?:\s+(?:reps?|each|done))*"
    r")\s*$"
)


def read_both_legs(text: str) -> tuple[int, int] | None:
    """The two legs' batches when one message gives both ("10 + 10 done"), else None."""
    whole = normalise(text.replace("+", " plus ").replace("&", " and "))
    said = _BOTH_LEGS.match(whole)
    run = _RUN_OF_COUNTS.match(whole)
    if said is None or (run and _consecutive_run(run.group("run")) is not None):
        return None
    if said.group("a"):
        a, b = said.group("a"), said.group("b")
    else:
        a = b = said.group("n") or said.group("m")
    first, second = value_of(a), value_of(b)
    if not all(isinstance(v, int) and 0 < v <= 100 for v in (first, second)):
        return None
    return first, second


# The whole session said done in one message: every set on both legs ("8 a side, 2
# rounds", "both sets on both legs", "all four sets", "did the lot"). Reps per leg and the
# sets said, either left out when not said.
def _sets_said(name: str) -> str:
    return rf"(?P<{name}>{NUMBER}|both|the two)\s+(?:sets|rounds)"


_EACH_LEG = r"(?:(?:on\s+|with\s+|for\s+)?(?:each|both|every|per|a)\s+(?:legs?|sides?)|\s*aside)"
_WHOLE_SESSION = re.compile(
    # "10 each leg twice", "ten a side, 2 rounds", "10 per leg for both sets"
    rf"\b(?P<n>{NUMBER})(?:\s+reps?)?\s*{_EACH_LEG}\W+(?:(?:and|for|in|x|times|over)\s+)*"
    rf"(?:(?P<twice>twice|two times|2 times|x ?2|2 ?x)\b|{_sets_said('s')}\b|"
    r"(?:all|both)\s+(?:the\s+)?(?:sets|rounds)\b)"
    # "2 sets of 10 each leg", "both sets on both legs", "all the sets on each side"
    rf"|\b(?:{_sets_said('t')}|(?:all|both)\s+(?:the\s+|my\s+)?(?:sets|rounds))\s+(?:of\s+"
    rf"(?P<m>{NUMBER})\s+(?:reps?\s+)?)?{_EACH_LEG}\b"
    # "all 4 sets", "all four sets done"
    rf"|\ball\s+(?:the\s+|my\s+)?(?P<all>{NUMBER})\s+(?:sets|rounds)\b"
    # "did the lot", "finished the whole session", "that's the entire workout done"
    # ("did them all" is the set's reps: not here)
    r"|\b(?P<lot>(?:did|done|finished|completed|got through|went through|managed)\s+(?:the\s+)?"
    r"(?:lot|whole lot|everything))\b"
    r"|\b(?P<whole>(?:the\s+)?(?:whole|entire|full|complete)\s+(?:session|workout|thing))\b"
)
_NOT_YET = re.compile(r"\b(?:not|nearly|almost|half|can'?t|cannot|didn'?t|haven'?t|before)\b")


def read_whole_session(text: str) -> tuple[int | None, int | None] | None:
    """(reps on each leg, sets said) when one message says every set of the session is
    done, either part None when not said; None when it does not say so."""
    said = normalise(text)
    match = _WHOLE_SESSION.search(said)
    if match is None or _NOT_YET.search(said) or "?" in text:
        return None
    if match.group("whole") and not re.search(
        r"\b(?:did|done|finished|completed|got through|went through|managed)\b", said
    ):
        return None  # "the whole session" with nothing done: a question, a plan
    reps = match.group("n") or match.group("m")
    sets = match.group("s") or match.group("t") or match.group("all")
    if match.group("twice") or sets in ("both", "the two"):
        sets = "2"
    reps_value = value_of(reps) if reps else None
    sets_value = value_of(sets) if sets else None
    if reps_value is not None and not (isinstance(reps_value, int) and 0 < reps_value <= 100):
        return None
    if sets_value is not None and not isinstance(sets_value, int):
        return None
    return reps_value, sets_value

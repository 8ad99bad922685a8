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

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from coach import (
    answers,
    conversation,
    numbers,
    pain,
    progression,
    red_flags,
    report,
    safety,
    vocabulary,
    when,
)
from coach import protocol as p
from coach.capabilities import Capabilities
from coach.conversation import Message, Reply
from coach.numbers import parse_number
from coach.session import (
    PAIN_SETTLED,
    Session,
    add_late_reps,
    late_count,
    reps_by_set,
    stopped_for_pain,
    time_taken,
)
from coach.speech import Line

SESSION_INTENTS = (
    "start_session", "count_rep", "report_reps", "continue_session", "pause_session",
    "skip", "repeat", "stop_session",
)  # fmt: skip
# Session commands that, outside a session, are a question misread when phrased as one.
MISREAD_QUESTION_INTENTS = (
    "count_rep", "report_reps", "continue_session", "pause_session", "skip", "stop_session",
    "feel_fine",
)  # fmt: skip
# The answer selector's confidence from which its answer stands when the intent
# classifier did not see a question.
MISREAD_QUESTION_SURE = 0.5
# Answers whose offer of more is about stepping up.
OFFERS_LEADING_TO_PROGRESSION = ("reps",)
START_BUTTONS = (("Yes, start", "/affirm"), ("Not now", "/deny"))
MORNING_BUTTONS = (("Better", "/feel_fine"), ("The same", "/feel_fine"), ("Worse", "/feel_worse"))
STEP_UP_BUTTONS = (
    ("Yes, move up", "/affirm"), ("Not yet", "/deny"), ("Stay at this level", "/stay_level"),
)  # fmt: skip
DELETE_BUTTONS = (("Yes, delete everything", "/affirm"), ("No, keep it", "/deny"))
DELETE_ASKED_AGAIN = (
    "And your data: are you sure you want to delete everything? It can't be undone."
)
REMINDER_BUTTONS = (("Start now", "/start_session"), ("Not now", "/deny"))
# A reminder that fires while the server was down still goes out this late, not later.
LATE_REMINDER_SECONDS = 3600
WANTS_TO_STEP_UP = re.compile(
    r"\btoo easy\b|\b(so|very|really|pretty|quite|way|super|bit) easy\b|\beasy now\b"
    r"|\bnot (hard|challenging|difficult|tough) enough\b|\bno challenge\b|\bbreeze\b"
    r"|\bboring\b|\bpiece of cake\b|\bbarely (feel|notice)"
    # Asking to move up is answered from the history the same way.
    r"|\b(move|step|bump|put) (me )?up\b|\blevel up\b|\bready for (the )?next level\b",
    re.IGNORECASE,
)
WANTS_TO_STEP_DOWN = re.compile(
    r"\btoo (hard|difficult|tough|much|heavy|advanced)\b|\bcan'?t (do|manage|finish|lift)"
    r"|\bcannot (do|manage|finish|lift)|\bstruggl|\bexhaust|\bwiped out\b",
    re.IGNORECASE,
)
ABOUT_A_DAY = re.compile(
    r"\b(today|tonight|tomorrow|tmrw|yet|this (morning|afternoon|evening))\b", re.IGNORECASE
)
ANSWER_KEY = re.compile(r"[a-z][a-z_]{0,60}")
LISTS_REMINDERS = re.compile(r"\b(what|which|any|list|show|do i have|have i got)\b", re.I)

# Ordinary replies during (or around) a session, read the same way whatever the classifier said.
_LEAD = (
    r"^\W*(?:(?:ok|okay|right|alright|so|uh+[ -]huh|mhm+|mm+[ -]hmm+|um+|uh+|er+m?|hmm+|"
    r"well|oh|and|sorry|wait|hey|coach|"
    r"cool|fine|actually|go on|come on|then|great|good|yes|yeah|yep|hi|hiya|hello|"
    r"lovely|nice|perfect|brilliant|excellent|awesome|"
    r"sounds (?:good|great|fine)|(?:i'?ve )?changed my mind|on second thoughts?)\W+)*"
)
# The answer "pain" to "Is that 7 reps, or pain 7 out of 10?".
SAYS_PAIN_NOT_REPS = re.compile(
    r"\b(?:pain|painful|hurts?|hurting|sore|score|out of (?:10|ten)|/ ?10|the second)\b", re.I
)
# "The pain one" to "reps, or pain?": the choice named, "one" standing for it.
PICKS_THE_PAIN_ONE = re.compile(
    r"^\W*(?:(?:the|that|its|it'?s|it was|uh|um|er)\s+)*(?:pain|sore|hurting|painful)\s+one"
    r"(?:\s+(?:please|i mean|then))?\W*$",
    re.I,
)
ACKNOWLEDGE = re.compile(
    r"^\W*(?:ok(?:ay)?|k|kk|okey ?dokey|alright|all right|right|sure|fine|cool|got it|gotcha|"
    r"understood|will do|righto|roger|noted|ok cool|okay cool|okie|oki|ok then|okay then|"
    r"sounds good|no problem|makes sense|i see|phew|whew|oof|ooh|nice|lovely|brill|brilliant|"
    r"sweet|great|good|perfect|grand|ace|um+|uh+|er+m?|hmm+|right then|alright then|"
    r"all right then|fair enough|cheers|ta|okie dokie|okey dokey|ok dokey|roger that|"
    r"(?:ok(?:ay)? )?(?:phew|nice|great|sweet|good|cool|brill))\W*$",
    re.I,
)
# A short yes where the coach waits for "ready" (before a set, the next leg named, the rest
# over): the go-ahead. Not "got it", "hmm" or "phew": those take in what was said.
ASSENT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|k|kk|okie|oki|okey ?dokey|okie dokie|alright|all right|sure|"
    r"sure thing|fine|good|great|cool|perfect|grand|lovely|yes|yeah|yep|yup|ya|yea|aye|righto|"
    r"right then|alright then|all right then|ok then|okay then|go on then|go on|sounds good|"
    r"fair enough|no problem|will do)(?:\W+|$))+\W*$",
    re.I,
)
LETS_GO = re.compile(
    _LEAD + r"(?:(?:i'?m|i am|we'?re|ok i'?m)\s+)?(?:ready(?: now| to go| again| to (?:start|begin|"
    r"roll|do (?:this|it|them)))?|let'?s go|lets go|"
    r"go|go on|let'?s do (?:it|this|that|them|some|the next (?:one|set))|let'?s start|"
    r"let'?s get (?:going|started|cracking|on with it)|let'?s begin|let'?s crack on|crack on|"
    r"let'?s (?:try|give) (?:it|that|this)(?: a go| a try)?|(?:i'?ll |let'?s )?(?:give it|have) a "
    r"(?:go|try|bash)|go for it|(?:let'?s )?get on with it|"
    r"good to go|start(?: the next set)?|next set|begin|(?:start|begin) (?:it|them|this|that)|"
    r"here we go|off we go|go ahead|"
    r"carry on|keep going|continue|let'?s continue|let'?s carry on|on we go|i'?m back|back|"
    r"ready when you are|when you'?re ready|all set|(?:i'?m |all )?(?:ready|set) for (?:the )?"
    r"(?:next|second|another|other)(?: (?:one|lot|set|round|go|bit|leg|side))?|round (?:two|2)|"
    r"next round|second set|go again|(?:(?:on ?to|onto|on with|up for|now|and) )?(?:the |this )?"
    r"(?:last|final) (?:lot|set|round|leg|side|go|bit|stretch|batch)|"
    r"let'?s go again|(?:on ?to|onto|on with|up for) the next(?: (?:set|one|leg|side|round|lot))?|"
    r"going(?: now| again)?|off i go|here goes|starting(?: now| again)?|"
    r"on it|doing (?:it|them) now|back at it|back to it|"
    r"ready for (?:more|it|the rest|round two|round 2|the next lot|another go|set (?:two|2)))"
    r"(?:\W+(?:then|now|please|coach|mate|again))*\W*$",
    re.I,
)
# An all-clear said beside a go-ahead: "let's do this, no pain right now", "back's fine, go".
ALL_CLEAR = re.compile(
    r"(?:^|[,;.!-]|\band\b|\bbut\b)\s*(?:(?:and|so|but|oh|also)\s+)?(?:(?:no|zero|not any)"
    r" (?:pain|aches?|twinges?|soreness)|nothing (?:hurts|sore|hurting)|pain ?free|"
    r"(?:my |the )?(?:back|knees?|hips?|legs?|body)(?:'?s| is| are| feels?| feeling)? "
    r"(?:feels? |feeling )?(?:fine|ok|okay|good|great|alright|all right)|"
    r"(?:feeling|feel|i feel|i'?m|im) (?:fine|good|great|ok|okay|alright|all right)|all good)"
    r"(?:\s+(?:right now|now|at all|today|thanks|this morning|tonight|so far))*\s*(?=$|[,;.!-])",
    re.I,
)
# In a session only (out of one, "sorted" or "set" start nothing): in position, ready.
IN_POSITION = re.compile(
    _LEAD + r"(?:(?:i'?m|i am|we'?re)\s+)?(?:in position|on all fours|on my hands and knees|set|"
    r"sorted|in place|down|good to go|positioned)(?:\W+(?:then|now|coach))*\W*$",
    re.I,
)


def _reports_position(text: str) -> bool:
    return bool(IN_POSITION.match(text) or conversation.REPORTS_POSITION.match(text))


def in_position(text: str) -> bool:
    """ "Sorted", "in position now", "down on all fours on the rug": ready to go; and the
    same said with a go word after it ("kneeling now, off we go"), split where the go word
    starts."""
    if _reports_position(text):
        return True
    words = text.split()
    return any(
        _reports_position(" ".join(words[:cut]).rstrip(",;.!- "))
        and LETS_GO.match(" ".join(words[cut:]))
        for cut in range(1, len(words))
    )


# Asking to start: "can we start?", "shall we begin now?"
START_REQUEST = re.compile(
    _LEAD + r"(?:can|could|shall|may) (?:we|i) (?:start|begin|get (?:going|started)|go|"
    r"(?:do|start|begin|go to|move on to|get on with|crack on with) (?:the )?(?:next|second|"
    r"other|last|final) (?:set|one|leg|side|round|lot)|"
    r"do (?:it|this|them|my (?:exercises?|session|reps|leg lifts)))(?:\W+(?:now|then|please))*"
    r"\W*$",
    re.I,
)
# A start said as a wish, not a question: "let's crack on with the leg raises".
WANTS_TO_START = re.compile(
    r"(?:^\W*|[,.;!]\s*|\band\s+|\bso\s+)(?:(?:ok|okay|right|so|well|now)\W+)*"
    r"(?:let'?s|lets|let us|time to|i(?:'?d| would) like to|i want to|i wanna)\b"
    r"(?!.*\b(?:tomorrow|later|tonight|next|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)",
    re.I,
)
# A start wished for at the end of a longer message: "... so I'd like to begin now, if
# that's okay".
START_WISH_AT_END = re.compile(
    r"\b(?:i(?:'?d| would) (?:like|love) to|i want to|i wanna|i'?m ready to|can i|could i|"
    r"may i|can we|could we|let'?s)\s+(?:start|begin|get started|get going|make a start)"
    r"(?:\s+(?:now|today|then|please|right away|straight away))*"
    r"(?:\W+if (?:that'?s|that is|it'?s|it is|you don'?t mind)"
    r"(?:\s+(?:ok|okay|alright|all right|fine|possible))?)?\W*$",
    re.I,
)
# A go-ahead closing a remark on getting set up: "mat's down, on all fours, start",
# "got my towel under my knees so let's go".
START_AT_END = re.compile(
    r"(?:[,;.!]|\s-|\b(?:so|and|now|then)\b)\s*(?:(?:ok(?:ay)?|right|so|and|now)\W+)*"
    r"(?:start|begin|let'?s (?:go|start|begin|get going|do (?:it|this))|go|ready)"
    r"(?:\W+(?:now|then|please))*\W*$",
    re.I,
)
ASKS_ABOUT_SETS = re.compile(r"\b(?:sets?|rounds?|legs|sides)\b", re.I)
WHERE_AM_I = re.compile(
    # "where am I?", "where was I up to": not "where am I meant to feel it?" (technique).
    r"\bwhere (?:was|am|were) (?:i|we)\b(?!\s+(?:meant|supposed|going|gonna|to|feeling|feel|"
    r"looking|putting|placing|holding|lifting|pointing|doing wrong|getting (?:it|this) wrong))|"
    r"\bwhat now\b|\bnow what\b|\bwhat'?s next\b|"
    r"\bwhat next\b|"
    r"\bwhat (?:do|should) i do (?:now|next)\b|\bwhat comes next\b|\bwhere are we\b|"
    r"\bhow many (?:did i|have i|i (?:did|done)|do i have left|left|"
    r"more(?! (?:weeks?|days?|sessions?|months?|times|lbs?|pounds?|kg|kilos?|levels?))|"
    r"to go|reps? left|"
    r"(?:have|did) we)\b|\bhow far (?:am i|along|through)\b|\bwhat (?:rep|set|number) (?:am i|"
    r"are we|was i)\b|\bwhich (?:set|leg|rep) (?:am i|are we|was i)\b|\bhow many so far\b|"
    r"\bwhat'?s my count\b|\bhow many (?:is|was) that\b|\bwhat was i on\b|"
    # "how much is missing", "how many remain", "how many still to do": what is left.
    r"\bhow (?:much|many) (?:(?:is|are|do i have|have i got)\s+)?(?:still\s+)?(?:missing|"
    r"left|remaining|remains|remain|to do|to go|outstanding)\b|"
    r"\bwhat(?:'?s| is) (?:still )?(?:missing|left to do|remaining)\b|"
    r"\bwhere did i get to\b|\bwhere did we leave off\b|"
    r"\blost (?:count|track)\b|\bwhat (?:was|am) i (?:doing|on|up to)\b|"
    r"\bare we (?:done|finished|nearly done|nearly there|there yet)\b|\bis that it\b|"
    r"\bhow much (?:more|longer)\b|\bnearly (?:done|there)\b(?=\W*\?)|\bwhere were we\b|"
    r"\bwhat'?s left\b|\bwhats left\b|\bhow many (?:are )?left\b|"
    r"\bhow many (?:\w+ ){0,3}(?:left|to go|remaining)\b|"
    # "how many sets have I still got left", "how many legs remain": the part of the
    # session named, then up to five words, then a word for what is left.
    r"\bhow (?:many|much) (?:more )?(?:sets?|reps?|legs?|sides?|rounds?|lifts?|raises?|goes|"
    r"lots?|blocks?)\b(?:\s+[\w']+){0,5}?\s+(?:left|remaining|remain|to go|to come|outstanding|"
    r"still|yet)\b|"
    r"^\W*(?:and\s+|so\s+)?(?:sets?|reps?|legs?|rounds?) (?:left|remaining|to go)\W*$|"
    r"\bam i (?:halfway|half way|nearly|almost|close)\b|\bhalf ?way (?:yet|there)\b|"
    r"\bwhat (?:set|rep|leg|side|round|number) (?:is (?:this|it|that|next)|comes next|are we on|"
    r"am i on|now|next)\b|"
    r"\bwhich (?:leg|side|set|round) (?:now|next|is (?:it|this|next)|am i on|are we on)\b|"
    # "where's my count at", "remind me what number I'm on", "what's the count now"
    r"\bwhere'?s (?:my|the) (?:count|tally|total)\b|\bwhat'?s (?:my|the) (?:count|tally)\b|"
    r"\bwhat (?:number|rep|set) (?:i'?m|i am|we'?re|we are) (?:on|at|up to)\b|"
    r"\b(?:remind me|tell me) (?:where i (?:am|was|got to)|how many|my count|the count)\b",
    re.I,
)
# The user says they are changing legs: "swapping sides", "onto the other leg now".
# "Next leg", "on to the next side": the leg is over.
NEXT_LEG = re.compile(
    r"^\W*(?:(?:ok|okay|right|alright|so|and|now|on to|onto)\W+)*(?:the\s+)?next\s+(?:leg|side)"
    r"(?:\W+(?:now|then|please))*\W*$",
    re.I,
)
BARE_NEXT = re.compile(r"^\W*(?:(?:ok|okay|right|alright|so|and|now)\W+)*next\W*$", re.I)
# "Ok, last one", "on to the final leg": the last block named, before any rep of it is done.
LAST_BLOCK = re.compile(
    r"^\W*(?:(?:ok|okay|right|alright|so|and|now|phew|here we go)\W+)*(?:(?:on ?to|onto)\s+)?"
    r"(?:the |this )?(?:last|final) (?:one|lot|leg|side|set|round|bit|go)(?: then| now)?\W*$",
    re.I,
)
SWITCHING_LEGS = re.compile(
    r"^\W*(?:(?:ok|okay|right|brill|brilliant|great|cool|nice|lovely|good|done|phew|and|so|now|"
    r"that'?s (?:that|it|one leg|the left|the right)|thats (?:that|it))\W+)*"
    r"(?:(?:i'?m|im|i am|we'?re|were)\s+)?(?:switching|swapping|changing|swapped|switched|changed|"
    r"moving|moved|going|onto|on to|over to|turning)\s+(?:(?:to|onto|on to|over to)\s+)?"
    r"(?:(?:the|my)\s+)?(?:sides?|legs?|other (?:leg|side|one)|left(?: leg| side)?|"
    r"right(?: leg| side)?|second leg)(?:\W+(?:now|then|next))*\W*$",
    re.I,
)
# Something soft put under the knees or hips: "got a towel down", "I'm on a mat now".
PADDED = re.compile(
    r"\b(?:got|put|put down|grabbed|fetched|found|using|use|on|onto|moved to|moved onto|"
    r"folded|laid|layed|under|with)\b(?:\s+\w+){0,3}?\s+(?:towels?|mat|yoga mat|cushions?|"
    r"pillows?|pads?|blanket|carpet|rug|duvet|sofa cushion|kneeling pad|padding)\b",
    re.I,
)
# "My knees are sore, can I put a towel under them": a question, wherever it comes.
ASKS_IF_PADDING_IS_OK = re.compile(
    r"\b(?:can|could|may|should|shall) (?:i|we)\b|\b(?:is it|would it be|will it be|is that)"
    r" (?:ok|okay|alright|all right|fine|allowed|better)\b|\bam i allowed\b|\bdo i need\b",
    re.I,
)
ASKS_IF_I_CAN = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|um+|uh+)\W+)*(?:can|could|may|might|would|will|shall|is it|"
    r"am i|do i|does|is|are)\b",
    re.I,
)
# The user says where they think they are and asks if it is right: "3 to go yeah?",
# "so I'm on 5?", "that's 7 right?", "one more set is it?".
CHECKS_WHERE = re.compile(
    r"(?:^\W*|[,;:.!]\s*|\b(?:so|and|that'?s|thats|that makes|i'?m|im|i am|we'?re|were|on)\s+)"
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
    r"(?:\s+(?:to go|left|more|done|so far|reps?|now))*"
    r"(?:\s+(?:more )?(?:sets?|reps?) )?"
    r"\W*(?:yeah|yes|right|correct|is it|isn'?t it|innit|then|no|ok|okay)?\W*\?\W*$",
    re.I,
)
NOT_TODAY = re.compile(
    r"\bnot (?:today|now|tonight|right now|this time)\b|\bmaybe later\b|\banother (?:time|day)\b|"
    r"\bchanged my mind\b|\bnot in the mood\b|\bnever ?mind\b|\bforget it\b|\bskip today\b|"
    r"\b(?:rather|prefer to) not\b|\bdon'?t (?:want|feel like) (?:to|it)\b",
    re.I,
)
YES_START = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|y|sure|ok|okay|definitely|absolutely|go on)\b", re.I
)
NO_START = re.compile(r"^\W*(?:no|nope|nah|n|not really|don'?t)\b", re.I)
# "Neither" to "did you mean ...?": none of the answers offered.
NONE_OF_THOSE = re.compile(
    r"\b(?:neither|none of (?:them|those|these)|not (?:those|them|either)|something else)\b",
    re.I,
)
# "No, keep my data": not "how long do I keep my leg up?", asked while the question is open.
KEEP_IT = re.compile(
    r"\bkeep (?:it|them|everything|all|my (?:data|history|stuff|records?|details|info\w*))\b"
    r"|\bdon'?t delete\b|\bcancel\b",
    re.I,
)
# More pain than before, in any of its words: "worse", "sorer", "aches more", "hurts a bit
# more" (not "no worse", "doesn't hurt more").
_MORE_PAIN = (
    r"(?<!no )(?<!not )(?<!n't )(?<!nt )(?<!nothing )(?<!any )"
    r"\b(?:worse|stiffer|more sore|sorer|achier|more painful|more pain|"
    r"(?:hurts?|hurting|aches?|aching|throbs?|throbbing)"
    r"(?: (?:a (?:lot|bit|little)|much|way))? more)\b"
)
WORSE_NEXT_MORNING = re.compile(
    rf"{_MORE_PAIN}.*\b(?:morning|next day|day after|today|woke|waking|overnight|since|"
    r"than (?:yesterday|last night))\b|"
    rf"\b(?:morning|next day|day after|woke up|waking up|overnight)\b.*{_MORE_PAIN}|"
    # worse than before the exercise, a day on: "today my hip is worse than before I began",
    # "since my session yesterday it's been sorer"
    rf"{_MORE_PAIN}.*\bthan\b.*\bbefore (?:i|we) (?:started|began|did)\b|"
    rf"\byesterday\b.*\b(?:today|now)\b.*{_MORE_PAIN}|"
    rf"\bsince\b.*\b(?:session|exercises?|lifts?|yesterday|workout)\b.*{_MORE_PAIN}",
    re.I,
)
_CLAUSES = re.compile(r"[^.!?;,]+[.!?;,]*")
# "Did my leg lifts yesterday and ...": the exercise done, told with the "I" left out, not
# a question ("did my knee get worse?" asks).
_DID_THE_EXERCISE = re.compile(
    r"^\W*(?:(?:so|and|well|right|ok|okay)\W+)?(?:i\s+)?did\s+(?:my|the)\s+(?:\w+\s+)?"
    r"(?:leg lifts?|lifts|leg raises|raises|exercises?|session|workout|reps|routine|sets)\b",
    re.I,
)


def _asks_in_clause(clause: str) -> bool:
    return asks_something(clause) and ("?" in clause or not _DID_THE_EXERCISE.match(clause))


# "should I rest today?", "do I skip it?", "can I still train?": whether to exercise today.
ASKS_REST_OR_SKIP = re.compile(
    r"\b(?:rest|skip|miss|sit (?:it|them|this|today) out|day off|hold off|lay off|leave (?:it|them)"
    r"|give (?:it|them|today) a miss|take it easy|train|exercise|work ?out|go ahead|carry on"
    r"|still do|do (?:it|them|my|the|today'?s)|go again|ok to go)\b",
    re.I,
)


def _rest_today_answer(work: "_Turn", severity: int) -> str:
    """ "Should I rest today?" asked with a score higher than the usual one, the morning
    after: rest from the lifts, and when to go again."""
    answer = "So today, rest: skip the leg lifts and move gently as you can."
    if severity > work.thresholds.fine_up_to:
        answer += (
            f" Go again once it has settled to {work.thresholds.fine_up_to} out of 10 or less."
        )
    return answer


def _worse_than_usual_the_day_after(work: "_Turn") -> bool:
    """A score said with a lower earlier or usual one ("a 5 when it's normally a 3") the day
    after a session, or to the morning check: worse the next morning."""
    text = work.turn.text
    if numbers.score_above_baseline(text) is None:
        return False
    if asks_something(text) and not ASKS_REST_OR_SKIP.search(text):
        return False  # "should I rest today?" with it is answered after the step down
    if work.state.pending_offer == "morning_check":
        return True
    last = _last_session(work)
    ended = (last or {}).get("ended_at")
    if not isinstance(ended, int | float):
        return False
    today = datetime.fromtimestamp(work.now, work.tz).date()
    return datetime.fromtimestamp(ended, work.tz).date() == today - timedelta(days=1)


def _reports_worse_next_morning(text: str) -> bool:
    """A clause that says the pain is worse a day on and asks nothing ("hurts more this
    morning, should I rest?" reports; "is it normal to ache more the day after?" asks)."""
    return any(
        WORSE_NEXT_MORNING.search(clause) and not _asks_in_clause(clause)
        for clause in _CLAUSES.findall(text)
    )


# "No worse than usual", "nothing worse", "isn't any sorer": the same as before, not worse.
NO_WORSE = re.compile(
    r"\b(?:no|not|nothing|none|isn'?t|isnt|wasn'?t|wasnt|aren'?t|arent)\s+(?:any\s+)?"
    r"(?:worse|sorer|stiffer|more sore)\b",
    re.I,
)
SETTLED_NEXT_MORNING = re.compile(
    r"\b(?:no|not|wasn'?t|isn'?t|wasnt|isnt|never) (?:any )?worse\b|\bsettled\b|"
    r"\b(?:morning|next day|day after|woke up)\b.*\b(?:fine|ok|okay|good|better|great|normal)\b"
    r"(?! to\b)|"
    r"\b(?:fine|ok|okay|good|better|great|normal)\b.*\b(?:next morning|next day|day after|"
    r"this morning)\b",
    re.I,
)
STARTS_A_SESSION = re.compile(
    r"\b(?:start|begin|crack on|get going|kick off|do|get on|go|have a go at|get started)\b.*"
    r"\b(?:session|workout|exercises?|leg lifts?|lifts|leg raises|raises|reps|routine|"
    r"hip extensions?)\b|"
    r"\b(?:want|wanna|like|keen|going) to (?:exercise|train|work ?out|do (?:it|them|some))\b",
    re.I,
)
# Asking what today's session is ("what does my workout look like today", "what's on
# for today's session", "what would I be doing today"): the plan, not when. Not the time
# or day of it, and not what was done ("what did I do in today's session").
_TODAY = r"(?:today'?s?|today s|tonight'?s?|this (?:morning|afternoon|evening))"
TODAYS_SESSION = re.compile(
    r"^(?!.*\b(?:what time|what day|when|did|was|were|done|have i|how long ago|last)\b)(?:"
    rf".*\b(?:what|whats|what s|how)\b.*\b{_TODAY}\W*(?:session|workout|plan|routine|"
    r"exercises?|set ?up|programme|program|training)\b"
    r"|.*\b(?:what|whats|what s)\b.*\b(?:session|workout|plan|routine|programme|program|"
    rf"training)\b.*\b{_TODAY}\b"
    r"|.*\bwhat (?:am i|are we|should i be|will i be|would i be|do i|shall i|should i|would "
    rf"i|will i) (?:be )?(?:doing|do)\b.*\b{_TODAY}\b"
    rf"|.*\bwhat(?:s| is| s)? (?:on|planned|in store|the plan)\b.*\b(?:for )?{_TODAY}\b"
    r")",
    re.I,
)
WHEN_NEXT = re.compile(
    r"\bwhen next\b|\bwhen'?s (?:my |the )?next\b|\bwhen (?:is|should|can) (?:my |the )?next\b|"
    r"\bnext (?:session|time|workout) (?:is )?when\b|"
    r"\bwhen (?:do|can|should|shall|could) (?:i|we) (?:go|do (?:it|them|this|these|that)|train|"
    r"exercise) (?:again|next)\b|\bwhen'?s the next one\b|"
    r"\bwhat (?:do|should|shall|will) (?:i|we) do (?:tomorrow|next time|after this|"
    r"the day after)\b|"
    r"\bwhat'?s (?:the plan )?(?:for )?(?:tomorrow|next time)\b|"
    # "when should I do the next one", "how soon can I have another session"
    r"\b(?:when|how soon) (?:do|can|should|shall|could|would|will|must|ought to) (?:i|we)"
    r" (?:do|have|try|start|go for|fit in|book|get) (?:in )?(?:the |my |our |a |an )?"
    r"(?:next|another|second|following|other) ?(?:one|session|workout|go|round|lot)?\b|"
    r"\bwhen (?:am i|are we) (?:due|up) (?:again|next)\b|\bnext one when\b|"
    # "when should I try again", "when can I have another go", "when do I go again"
    r"\b(?:when|how soon) (?:should|can|do|shall|could|will|would|may|must) (?:i|we) (?:try|"
    r"have a go|give it a go|have another go|have a try|start|go|get going|pick it up|do it|"
    r"do them|do this|do these|exercise|train|lift) (?:it |them |this )?(?:again|next)\b|"
    r"\b(?:when|how soon) (?:should|can|do|shall|could|will) (?:i|we) (?:have|try|give it) "
    r"(?:another|a second) (?:go|try|bash|shot)\b",
    re.I,
)
# "What should I try next time?", "what can I do instead tomorrow": what the next session
# should be, asked about the session to come (not "when").
ASKS_WHAT_TO_TRY_NEXT = re.compile(
    r"\bwhat (?:should|can|could|shall|do|would|will|must) (?:i|we) (?:try|do|change|go for)"
    r"(?: (?:instead|differently|then|now))?"
    r" (?:next time|next session|next go|tomorrow|instead|going forward|from now on)\b|"
    r"\bwhat (?:instead|now) (?:next time|for next time|next session)\b|"
    r"\bwhat(?:'?s| is) (?:the plan|my plan) (?:for|next time)\b(?!.*\btoday\b)|"
    # "what happens next session", "what changes for next time", "what about tomorrow then"
    r"\bwhat (?:happens|will happen|is going to happen|changes|will change|comes|about)"
    r"(?: (?:then|now))?(?: (?:for|with|at|in))?(?: (?:the|my))?"
    r" (?:next time|next session|next go|next workout|tomorrow|going forward|from now on)\b",
    re.I,
)
# "Ok, I'll try it", "trying that now", "will do": the user takes up what the coach said.
TAKES_IT_UP = re.compile(
    r"^\W*(?:(?:ok|okay|k|alright|right|sure|fine|got it|understood|yes|yeah|yep|cool|great|"
    r"good|thanks|thank you|cheers)\W+)*(?:(?:i'?ll|i will|ill|let me|lets|i'?m going to|"
    r"im going to|gonna|going to|i can|i'?m|im)\s+)?(?:try|trying|give|giving|do|doing|have|"
    r"having)\s+(?:it|that|this|those|them|it out|that out|a go|it a go|that a go|it a try|that a"
    r" try|a try)(?:\s+(?:now|then|out|instead|again|next))*\W*$"
    r"|^\W*(?:(?:ok|okay|alright|right|sure|yes|yeah)\W+)*(?:will do|can do|on it|i will|"
    r"sounds good|makes sense|got it|understood|noted)\W*$",
    re.I,
)
# "What exactly do I change?", "what do I do differently", "what's different now": just
# after the coach eased the exercise, the change itself, said again.
ASKS_WHAT_CHANGES = re.compile(
    r"\bwhat\b.{0,20}\b(?:change|changes|changed|different|differently|instead|else|easier)\b"
    r"|\bhow (?:do|should|can) i (?:change it|make it easier|do (?:it|that|this) (?:now|instead|"
    r"differently))\b|\bwhat do you mean\b|\b(?:which|what) (?:bit|part) (?:do i )?change\b",
    re.I,
)
# Just after a session: "am I done?", "was that all of it", "is that the lot?".
SESSION_OVER_QUESTION = re.compile(
    r"\b(?:am i|are we|did i|did we|have i|have we)\s+(?:all\s+)?(?:done|finished|finish|"
    r"complete|completed|through)\b|\b(?:is|was) (?:that|it) (?:it|the lot|all|everything|"
    r"all of it|the end|the whole (?:thing|session))\b|^\W*all (?:done|finished|over)\W*\?|"
    r"\bthat all of it\b|\bis (?:the session|it) (?:over|done|finished)\b",
    re.I,
)
# "How many are left?", "what's remaining": what is still to do (after the end: nothing).
ASKS_WHATS_LEFT = re.compile(r"\b(?:left|remaining|remain|to go|to do|missing|outstanding)\b", re.I)
# In a session: "are we done now?", "is that the lot?": whether today's session is over.
ASKS_IF_OVER = re.compile(
    r"\b(?:am i|are we)\s+(?:all\s+)?(?:done|finished|finish|complete|completed|through)\b|"
    r"\b(?:is|was) (?:that|it|this) (?:it|the lot|all|the end)\b|"
    r"\bis (?:the session|it|today) (?:over|done|finished)\b",
    re.I,
)
# Just after a session: "that's it for today", "done for now".
DONE_FOR_TODAY = re.compile(
    r"^\W*(?:(?:ok|okay|right|so|well|phew)\W+)*(?:(?:i'?m|im|i am|we'?re|that'?s|thats|"
    r"that is)\s+)?(?:it|me|all|done|finished|me done|all done)(?:\s+(?:done|finished))?\s+"
    r"for (?:today|now|the day|tonight)(?:\W+(?:then|thanks|thank you|coach))*\W*$",
    re.I,
)
WHOLE_SESSION = re.compile(
    r"\b(?:whole|entire|full|rest of the|today'?s) (?:session|workout|thing|lot|routine)\b|"
    r"\bfor today\b|\b(?:both|all the) (?:legs|sides|sets)\b|"
    r"\bin (?:the|this) session\b",
    re.I,
)
# Ending today's session in ordinary words (a stop, not the end of one leg).
STOPPING = re.compile(
    r"\bstop(?:ping)? (?:it )?(?:here|there|now|for (?:today|now|the day|tonight))\b|"
    r"\bcall(?:ing)? it a day\b|\b(?:that'?s|thats|that is|that'?ll be|thatll be|that will be) "
    r"(?:enough|plenty|it|all|me|lots|my lot|sufficient) "
    r"for (?:today|now|me|the day|tonight|one day|this session|this morning|this evening)\b|"
    r"\b(?:i'?m|i am|we'?re) (?:done|finished) for (?:today|now|the day|tonight)\b|"
    r"\b(?:got to|gotta|have to|need to|must) (?:go|run|dash|leave)\b(?! (?:slower|faster|"
    r"higher|lower|up|down|back|further|easier|to the (?:loo|toilet|bathroom|door)))|"
    r"\bi'?ll (?:stop|leave it|finish) (?:there|here|now|for today)\b|"
    r"\b(?:leave|end) it (?:there|here)(?: for today)?\b|"
    r"\b(?:enough|plenty) for (?:today|now|tonight|one day|the day|this session|this morning|"
    r"this evening)\b|"
    r"\bthink i'?ll stop\b|\bstopping (?:there|here|now)\b|"
    r"\bthat'?s me(?: done)?(?: for (?:today|now|the day|tonight))?\W*$|"
    r"\bno more (?:for )?(?:today|now|tonight)\b|"
    r"\bcan'?t (?:do|manage) (?:any ?more|another|more)(?: \w+)? (?:today|tonight|for today)\b|"
    r"\b(?:i'?ve|ive|i have) had enough\b|\b(?:that'?s|thats) all i (?:can|could) (?:do|manage)\b|"
    r"\bcall(?:ing)? it (?:quits|there|here)\b|\bi (?:give up|quit)\b(?! on)|"
    r"\b(?:cba|can'?t be (?:arsed|bothered))\b|[,;.]\s*stop(?: now| please| it| there)?\W*$|"
    # "that'll do for today", "I think that will do"
    r"\b(?:that'?ll|thatll|that will|this will|this'?ll) do(?: (?:for )?me)?(?: (?:for )?(?:today|"
    r"now|tonight|the day))?(?:,? thanks?(?: you)?)?\W*$|"
    # "ok stop the session", "end my workout", "yeah stop": the session named, or stop alone
    r"(?<!n't )(?<!nt )(?<!not )(?<!how do i )(?<!how to )\b(?:stop|end|quit|cancel|abort|"
    r"wrap up|pack in)(?: up)? (?:the |this |my |our |today'?s |todays )?(?:session|workout|"
    r"exercises?|leg lifts|training)(?: (?:now|here|there|for (?:today|now)|please))?\W*$|"
    r"^\W*(?:(?:ok|okay|yeah|yes|right|alright|fine|no|please)\W+)+stop"
    r"(?: (?:now|please|here|there|it))?\W*$|"
    r"^\W*(?:ok(?:ay)?\W+|right\W+|well\W+)?(?:that'?s|thats|that is) (?:enough|plenty)\W*$|"
    # "I think that's enough", "enough now", "that's my lot", "that's all from me", "I'm off"
    r"^\W*(?:(?:ok(?:ay)?|right|well|yeah|so|i think|think|i reckon|reckon|i guess|probably|"
    r"hmm+|um+|actually)\W+)*(?:(?:that'?s|thats|that is)\s+)?(?:enough|plenty|my lot|"
    r"all from me|all for me)(?:\s+(?:now|then|i think|for me|from me))?\W*$|"
    r"^\W*(?:(?:ok(?:ay)?|right|well)\W+)*(?:i'?m|im|i am) off(?: now| then)?\W*$|"
    r"\b(?:(?:i|we|i think i|think i)\s+)?(?<!n't )(?<!nt )(?<!not )(?<!never )"
    r"(?:need|have|got|want|gotta|going) to stop\b"
    r"(?! (?:if|when|because|\w+ing\b))|"
    r"(?<!n't )(?<!nt )(?<!not )\b(?:need|have|got|going|gonna|gotta|want|i'?ll|ill|might|should|"
    r"better|may as well)"
    r" (?:to )?call it(?: a (?:day|night))?\b(?! (?:a |an )?(?:rep|count|set|one|\d))|"
    r"(?:^|\W)(?:done|finished) for (?:today|now|the day|tonight)\b|"
    # "I'll stop and try again next time": a stop said as a plan, not a condition.
    r"(?<!n't )(?<!nt )(?<!not )\b(?:i'?ll|ill|i will|i shall|i'?m going to|im going to|"
    r"i'?m gonna|im gonna|gonna) (?:just |probably |prob )?(?:stop|end|wrap up|pack in)"
    r"(?: it| up| the session)?(?=\W*$|\s+(?:and|then|so|for|here|there|now|today|at that)\b)|"
    # A message led by a stop word and more said after it ("stop, I'm finished", "end it
    # now please"): a stop, unless what follows makes it a pause, a question, a condition
    # or part of the set ("stop for a sec", "stop if it hurts?", "finish the set").
    r"^\W*(?:(?:ok(?:ay)?|right|yeah|yes|no|please|just|so|hey|coach|alright|oh|um+|uh+)\W+)*"
    r"(?:stop|end|quit|finish)\b(?=\W+\w)(?!\W+(?:if|when|whenever|before|after|while|until|"
    r"till|at|of|on|with|counting|me|the (?:set|leg|rep|side|count)|this (?:set|leg|rep|side)|"
    r"that (?:set|leg|rep|side))\b)(?!.*(?:\?|\b(?:break|breather|breath|rest|pause|sec|"
    r"second|moment|minute|min|mo|bit|while|tick)\b))|"
    # "I'm done, stop" said the other way round, with or without the comma
    r"\b(?:i'?m|im|i am|we'?re|were|we are) (?:done|finished)\W+(?:stop|end it|quit)\W*$",
    re.I,
)
# A yes in context to "did you do all 10?" after a paced set: "fine", "yeah good", "next",
# "let's go", "ready". No word of it says fewer, so all of them were done.
CONFIRMS_ALL = re.compile(
    r"^\W*(?:(?:um+|uh+|er+m?|oh|ah|well|so|and|sorry|oops|coach|mate|thanks|thank you|cheers|"
    r"then|now|"
    r"please|yes|yeah|yep|yup|yea|ya|aye|sure|ok|okay|k|fine|good|great|grand|alright|"
    r"all right|all good|correct|right|perfect|lovely|brilliant|excellent|nice|cool|sound|"
    r"absolutely|definitely|of course|indeed|uh huh|mhm+|i did|sure did|yes i did|did|done|"
    r"all done|ready|im ready|i'?m ready|next|next one|next leg|next side|next set|lets go|"
    r"let'?s go|go|go on|go ahead|move on|lets move on|let'?s move on|carry on|onwards|"
    r"keep going|all of them|every one|the lot|all|all 10|all ten|yes all|that'?s right|"
    r"thats right|got them all|got em all|did them all)\W+)*"
    r"(?:yes|yeah|yep|yup|yea|ya|aye|sure|ok|okay|fine|good|great|grand|alright|all right|"
    r"all good|correct|right|perfect|lovely|brilliant|excellent|nice|cool|sound|absolutely|"
    r"definitely|of course|indeed|uh huh|mhm+|i did|sure did|did|done|all done|ready|next|"
    r"next one|next leg|next side|next set|go|go on|go ahead|move on|carry on|onwards|"
    r"keep going|all of them|every one|the lot|yes i did|thats right|that'?s right|lets go|"
    r"let'?s go|lets do it|let'?s do it|lets move on|let'?s move on|im ready|i'?m ready)"
    r"(?:\W+(?:then|thanks|thank you|cheers|ta|mate|coach|please|now|yeah|yes|thanks coach))*"
    r"\W*$",
    re.I,
)
# A word of thanks, however it is typed.
_THANKS = r"(?:thanks?|thank you|thank u|thankyou|thx|ty|cheers|ta)"
# Thanks said around what the user means: "thanks, that's enough", "that'll do, ta".
THANKS_AROUND = re.compile(
    rf"^\W*(?:(?:many |much )?{_THANKS}"
    r"(?: (?:so much|very much|a lot|mate|coach|pal|again|for that|for today))*\W+)+"
    rf"|(?:\W+(?:(?:many )?{_THANKS}"
    r"(?: (?:so much|very much|a lot|again|for that|for today|for the help))*|mate|coach|pal))+"
    r"\W*$",
    re.I,
)


def stops_for_today(text: str) -> bool:
    """The session ended for today, thanks or not: "that's me, cheers", "thanks, enough"."""
    bare = THANKS_AROUND.sub("", text).strip()
    return bool(STOPPING.search(text) or (bare and bare != text.strip() and STOPPING.search(bare)))


# Leaving words ("thanks bye", "see ya", "gotta go"): in a session the user is going, so
# the session ends with its summary and a goodbye, as "bye" on its own does.
LEAVING = re.compile(
    r"\b(?:bye+|bye bye|good ?bye|good ?night(?:\W+\w+)?\W*$|night night|cya|laters|ttyl|ttfn|"
    r"see (?:ya|you|u)(?: later| soon| next time| tomorrow| then| again| around|"
    r"(?: on| next| this)? (?:mon|tues|wednes|thurs|fri|satur|sun)day| next week| at the weekend)?"
    r"\W*$|"
    r"catch (?:you|ya) later|"
    # "have to go" ending its clause: not "have to go slower", "need to go to the loo"
    r"(?:gotta|got to|have to|need to) (?:go|run|dash|head off)(?: now| sorry| mate)*"
    r"(?=\W*$|\s*[,.;!])|i'?m off\W*$|signing off|"
    r"logging off)\b",
    re.I,
)
# "Cheers, that's me done": thanks with it, the user is leaving, not ending one leg.
THANKS_WORD = re.compile(rf"\b{_THANKS}\b", re.I)
SAYS_DONE = re.compile(  # ending its clause: not "done with this leg"
    r"\b(?:that'?s me|i'?m|im|i am|we'?re) (?:done|finished|off|out)"
    r"(?: now| for (?:today|now|the day|tonight))?(?=\W*$|\s*[,.;!])",
    re.I,
)


def leaving(text: str) -> bool:
    """A goodbye with no question and no pain in it: the user is going now."""
    hurts = numbers.mentions_pain(text) and not numbers.says_no_pain(text)
    return (
        bool(LEAVING.search(text) or THANKS_WORD.search(text) and SAYS_DONE.search(text))
        and not is_question(text)
        and not hurts
    )


# "I'm done", "we're finished": between sets or at a leg switch, the end of today's session.
DONE_NOW = re.compile(
    r"^\W*(?:(?:ok|okay|right|well|yeah|actually|no)\W+)*(?:i'?m|im|i am|we'?re|that'?s me)\s+"
    r"(?:done|finished|through)(?:\W+(?:now|thanks|thank you|cheers|ta|mate|coach))*\W*$",
    re.I,
)
# The rest between sets said to be over: the next set starts (never "the set is finished").
# At rest: "how long have I got", "is the minute up?", "how much rest is left".
REST_LEFT = re.compile(
    r"\bhow (?:long|much (?:longer|time|rest))(?: (?:have i got|do i have|have i|is left|left|"
    r"to go|remaining|now|still))+\b|\b(?:is|has) (?:the|my|that) (?:rest|minute|break|"
    r"breather|time)(?: (?:up|over|done|finished|gone))\b|\bhow much longer\b|"
    r"\bhow (?:much|many) (?:seconds|secs|"
    r"time) (?:left|to go|remaining)\b|\bhow long (?:is|was) (?:the|my|this) (?:rest|break)"
    r" (?:again|left|still)\b|\bam i (?:still )?resting\b|\bcan i go (?:yet|now)\b",
    re.I,
)
REST_OVER = re.compile(
    r"\b(?:finished|done|over|through)(?: with)? (?:the |my |this |that )?(?:rest(?:ing)?|"
    r"break|breather|recovering)\b|"
    r"\b(?:rest|break|breather)(?:'?s| is| has| was)?(?: been)? (?:over|done|finished|up)\b|"
    # "took my full minute's break, off again": the rest taken, said in passing.
    r"\b(?:had|taken|took|got) (?:my|the|our|a|me) (?:(?:full|whole|one|1|60|sixty)[ -])?"
    r"(?:(?:minute|min|second)'?s? )?(?:rest|break|breather)\b(?! from| of)|"
    r"^\W*(?:ok(?:ay)?\W+|right\W+)?(?:i'?m |im |i am |all |feeling )?(?:rested|recovered)"
    r"(?:\W+(?:now|enough|up))*\W*$",
    re.I,
)
# "Skip" on its own in the middle of a set: skip what? Asked, never guessed.
SKIP_ALONE = re.compile(
    r"^\W*(?:(?:ok|okay|just|can i|can we|let'?s|lets|i'?ll|ill)\W+)*skip(?: (?:it|this|that))?"
    r"(?:\W+(?:please|now|then))*\W*$",
    re.I,
)
# "How do I do it again?": the how-to, whichever way the classifier leaned.
HOW_TO_DO_IT = re.compile(
    r"^\W*(?:(?:so|ok|okay|wait|sorry|right|um+|and|remind me|hang on)\W+)*"
    r"how (?:do|should|shall|can|am) (?:i|you|we) (?:supposed to )?do (?:it|this|that|them|"
    r"these|the (?:exercise|lift|leg lifts?|move|movement))"
    r"(?:\W+(?:again|exactly|properly|then|now|right|correctly|coach))*\W*$",
    re.I,
)
# "Most of them", "not quite": fewer than all, how many unsaid.
SOME_NOT_ALL = re.compile(
    r"\b(?:most|nearly all|almost all|not quite all|not (?:quite|all)(?: of them)?|some of them|"
    r"a few|not every (?:one|rep)|missed (?:a|one|a few|a couple|some)|not the last|"
    r"(?:couldn'?t|could not|didn'?t|did not|wasn'?t able to|failed to) (?:quite )?(?:finish|"
    r"complete|do (?:them )?all|manage (?:them )?all|get (?:through )?(?:them )?all)|"
    r"gave up (?:early|before the end|partway|part way|halfway))\b",
    re.I,
)
# How a paced set felt, and nothing about how many: "tough one", "felt good", "easy".
ONE_SAID = re.compile(r"\b(?:one|1|won|a rep|a single)\b", re.I)
FELT_ONLY = re.compile(
    r"^\W*(?:(?:ok|okay|yeah|um+|uh+|er+m?|well|phew|wow|oof|that|it|that was|it was|that felt|"
    r"it felt|felt|feels|feeling|pretty|quite|really|very|bit|a bit|a little|fairly|not too|"
    r"not)\W+)*"
    r"(?:good|fine|ok|okay|alright|all right|easy|easier|hard|harder|tough|tougher|tiring|brutal|"
    r"a killer|killer|manageable|doable|not bad|great|grand|decent|challenging|a challenge|"
    r"heavy|solid|nice|comfortable|strong|wobbly|shaky|tough one|hard one|good one|easy one|"
    r"hard going|heavy going|tough going)"
    r"(?:\W+(?:one|set|that time|this time|thanks|though|tho|actually|now))*\W*$",
    re.I,
)
# "Let's stop", "I have to stop now", "stopping, got a meeting": a stop in plain words.
SAYS_STOP = re.compile(
    r"\b(?:let'?s|lets|i'?ll|ill|i'?m|im|i need to|i have to|i'?ve got to|ive got to|gotta|"
    r"got to|going to|gonna|we'?ll|we should|i should|i must)\s+(?:just\s+)?(?:stop|end|"
    r"finish|quit|call it)\b(?!\s+(?:the|this|my)\s+(?:set|leg|rep))|^\W*(?:\w+\W+){0,2}stopping\b",
    re.I,
)
_DONE_THEN = re.compile(
    r"^\W*(?:(?:um+|uh+|er+m?|ok|okay|yeah|yes|yep|right|so)\W+)*(?:all done|done|finished|"
    r"did them all|did all of them|got them all|did all \d+|that'?s done|thats done|done them|"
    r"all of them)\b\W*(?:(?:and|but)\W+)?(?P<rest>.*)$",
    re.I,
)
_HARD_WORDS = r"hard|harder|tough|tougher|brutal|killer|challeng\w*|heavy"
_HARD_FEELING = re.compile(rf"\b(?:{_HARD_WORDS})\b", re.I)


# A feeling that may mean fewer were done ("tough one", "wobbly", "not great"): asked how
# many, never assumed; and a bare "ok" or "alright", which says nothing about the set.
_UNEASY_FEELING = re.compile(
    rf"\b(?:{_HARD_WORDS}|tiring|wobbly|shaky|not(?! bad\b| too bad\b))\b", re.I
)
_JUST_OK = re.compile(r"^\W*(?:(?:ok|okay|k|alright|all right|yeah|um+|uh+|er+m?|well)\W*)+$", re.I)


def _felt_all_right(text: str) -> bool:
    """ "Fine", "good", "that felt fine": to "did you get all 10, and how did it feel?", a
    feeling with nothing wrong in it answers both halves: yes, all of them. One rule for
    every form of it, whatever the classifier made of it."""
    return bool(
        FELT_ONLY.match(text) and not _UNEASY_FEELING.search(text) and not _JUST_OK.match(text)
    )


def _only_felt(text: str) -> bool:
    """ "Bit hard but fine", "tough, ok though": only how it felt, in one clause or more."""
    parts = [part for part in CLAUSES.split(text) if part and part.strip(" ,.;!")]
    return bool(parts) and all(FELT_ONLY.match(part) for part in parts)


def _remark_then_go(text: str) -> tuple[str, bool]:
    """A remark and a go word in its last clause ("hard going, ok next set"): the remark
    alone and True; any other message as it is and False."""
    parts = [part for part in CLAUSES.split(text) if part and part.strip(" ,.;!")]
    if len(parts) > 1 and LETS_GO.match(parts[-1]):
        return text[: text.rindex(parts[-1])], True
    return text, False


def _done_and_felt(text: str) -> bool:
    """ "Done, that was ok", "finished and it felt good": done, said with how it felt."""
    match = _DONE_THEN.match(text)
    return bool(match and match.group("rest").strip() and _only_felt(match.group("rest")))


# Asking for a pause in ordinary words: "can I have a break", "give me a minute".
_CAN_I_HAVE = r"\b(?:can|could|may) (?:i|we) (?:have|take|get|grab)"
_A_BREAK_OF_SOME_LENGTH = (
    r" (?:a |an )?(?:quick |short |little |small |bit of a |longer |long |proper |bit longer |"
    r"extra |another )?"
)
# Back from a pause: "resume", "unpause", "I'm back", "ok back" ("my back" is a body part).
RESUMES = re.compile(
    r"\b(?:resume|resuming|unpause|un-pause)\b|"
    r"(?:^|[,;.!]\s*|\b(?:ok(?:ay)?|right|i'?m|im|i am|we'?re)\s+)back\b"
    r"(?!\W*(?:hurts?|is|pain|aches?|achy|feels?|sore|twinge|tight|spasm))",
    re.I,
)
WANTS_A_BREAK = re.compile(
    rf"{_CAN_I_HAVE}{_A_BREAK_OF_SOME_LENGTH}(?:break|breather|rest|pause|minute|moment|sec|"
    r"second)\b|"
    rf"\b(?:need|want|taking|take|have|grab|having){_A_BREAK_OF_SOME_LENGTH}(?:break|breather|"
    r"pause|minute|moment|sec|second)\b|"
    # "need a short rest first": a rest asked for now, not a rest day or the rest between sets
    rf"\b(?:need|want|taking|take|grab|having){_A_BREAK_OF_SOME_LENGTH}rest\b"
    r"(?! (?:days?|between|period|interval|times?)\b)|"
    r"\b(?:more|extra|a bit more|a little more) (?:time|rest) (?:to rest |before|between)\b|"
    r"\b(?:give me|hang on|hold on|wait) (?:a |one )?(?:sec|second|minute|moment|mo|tick)\b|"
    r"\bone (?:sec|second|moment|minute|mo)\b|\bbrb\b|\bbe right back\b|"
    r"\b(?:catch|get back) my breath\b|\bget my breath back\b|\bneed a (?:drink|sip|wee|loo)\b|"
    r"^\W*(?:hang on|hold on|just a (?:sec|second|minute|moment))\W*$|"
    # Life interrupting: the phone, the door, the loo.
    r"\bphone(?:'?s| is)? (?:ringing|going)\b|\b(?:doorbell|door bell)\b|\bat the door\b|"
    r"\bneed (?:the|a|to go to the) (?:loo|toilet|wee|bathroom)\b|"
    r"\bbaby(?:'?s| is) (?:crying|awake|up)\b",
    re.I,
)
ASKS_FOR_A_BREAK = re.compile(rf"{_CAN_I_HAVE}\b", re.I)
# Tired, in ordinary words: a break is offered (being tired is not pain).
TIRED = re.compile(
    r"(?<!not )(?<!never )(?<!nt )(?<!n't )\b(?:knackered|shattered|exhausted|worn out|pooped|"
    r"wiped|puffed|out of breath|"
    r"tired|fatigued|cream crackered|legs? (?:is |are )?(?:like )?jelly|"
    r"(?:ran|run|running|runnin|am|im|i'm|i am) out of (?:steam|gas|juice|energy|puff|oomph|beans)|"
    r"out of (?:steam|gas|juice|puff|oomph)|no (?:energy|juice|gas|steam|oomph|strength) left|"
    r"(?:i'?m|im|i am|feeling|feel) (?:spent|drained|beat|whacked|zonked|done in|burnt out|"
    r"burned out|gassed|cooked|fried|toast)|nothing left in the tank|running on empty|"
    r"legs? (?:are |is |feel |feels )?(?:heavy|like lead|wobbly|shaky))\b",
    re.I,
)
# After a paced set (voice), "fine, zero", "zero pain", "nought": done, and no pain at all.
_FEEL_FINE = r"(?:fine|good|ok|okay|great|grand|all good|yeah|yes|yep|that was fine|no problems?)"
_ZERO = r"(?:a |at |about |maybe )?(?:zero|0|nought|nil|none)"
NO_PAIN_SCORE = re.compile(
    rf"^\W*(?:{_FEEL_FINE}\W+{_ZERO}(?:\W+pain)?|{_ZERO}\W+pain|pain\W+{_ZERO})\W*$", re.I
)  # a bare "zero" may be how many: asked about as before
# How many in all, asked after a session.
# What today's exercise came to, asked in ordinary words: "what have I done today?",
# "how did I get on today", "what did we manage this session".
DONE_TODAY = re.compile(
    r"\b(?:what|how much)(?: exactly)? (?:did|have|had) (?:i|we) (?:do|done|did|get done|got done|"
    r"manage|managed|achieve|achieved|complete|completed|get through|got through)"
    r"(?: so far| in all| in total| altogether)? (?:today|this session|"
    r"in (?:that|this|the) session|this morning|this evening|tonight)\b|"
    r"\bhow (?:did|have) (?:i|we) (?:do|done|get on|got on|go)(?: so far)? "
    r"(?:today|this session)\b|"
    r"^\W*(?:(?:so|ok|okay|well|right)\W+)*how(?:'?d| did) (?:i|we) (?:do|get on|go)"
    r"(?: then| there| in the end| overall)?\W*$|"
    r"\b(?:today'?s|my) (?:numbers|tally|score|stats|totals?)\b",
    re.I,
)
# Just after a session, about that session: "how many was that?", "how long did that take?"
# (not when the next one is: that stays with WHEN_NEXT).
JUST_DONE = re.compile(
    r"\bhow (?:many|much)(?: (?:reps?|lifts?|work))? (?:was|were|is) (?:that|it|this|those|"
    r"that session|the session)\b|"
    r"\bhow long (?:was|did|took) (?:that|it|this|those|i|we|my|the)\b(?! (?:hold|wait|rest))|"
    r"\bhow (?:many|much) (?:did|have|had) (?:i|we) (?:just )?(?:do|done|did|manage|managed)\b|"
    r"\bhow long (?:have|had) (?:i|we) been (?:at it|going|exercising|doing)\b",
    re.I,
)
HOW_MANY_IN_ALL = re.compile(
    r"^(?!.*\b(?:week|month|year|sessions)\b).*(?:"
    r"\bhow many (?:did i|have i|i) (?:do|done|did|manage|managed|get|got)\b|"
    # "how much did I do", "how much work have we got done": what was done, in all.
    r"\bhow (?:much|many)(?: (?:work|exercise|reps?|lifts?|of them|stuff))? (?:did|have|had) "
    r"(?:i|we) (?:do|done|did|manage|managed|get|got|complete|completed|get through|"
    r"got through)\b|"
    r"\b(?:what(?:'?s| is| was)|whats) (?:my|the|our) (?:(?:grand|final|overall|whole) )?"
    r"(?:total|count|score|tally)\b|\bgrand total\b|"
    r"\bhow many (?:reps? |lifts? )?(?:in all|in total|total|totals?|altogether|all together|"
    r"overall|combined|all up)\b|"
    r"\bhow many (?:reps? |lifts? )?(?:is that|was that|does that make|have i done|have we done|"
    r"did i do|did we do)(?: \w+)? (?:in all|in total|altogether|all together|overall|so far)\b|"
    r"\btotal (?:reps?|lifts?|count)\b|\b(?:reps?|lifts?) in total\b|"
    # "how many is that in total", "what number am I on overall": the whole session so far.
    r"\bhow many (?:reps? |lifts? )?(?:is|was|makes) (?:that|it|this) (?:in )?(?:total|all|"
    r"overall|altogether)\b|"
    r"\bwhat (?:number|rep|count|total) (?:am i|are we|was i) (?:on|at|up to) (?:overall|"
    r"in total|in all|altogether|all up)\b|"
    r"^\W*(?:and |so )?(?:the |my )?total(?: so far| now| then)?\W*$)",
    re.I,
)
# Speech and chat habits that carry no meaning here: fillers, a stutter, "u" for "you".
_FILLERS = re.compile(r"\b(?:u+m+|u+h+m*|e+r+m*|h+m+|a+h+m+)\b[,.]?\s*", re.I)
_STUTTER = re.compile(r"\b(\w+)(?:\s+\1\b)+", re.I)
_CHAT_SPELLINGS = (
    (re.compile(r"\bu\b", re.I), "you"),
    (re.compile(r"\bur\b", re.I), "your"),
    (re.compile(r"\bhows many\b", re.I), "how many"),
    # Joined or vowel-less session words: "howmany left", "thts 5", "hw mny to go".
    (re.compile(r"\bhow(?:many|much)\b", re.I), lambda m: "how " + m.group(0)[3:]),
    (re.compile(r"\b(?:thts|tht's|thta|thtas|thats's)\b", re.I), "that's"),
    (re.compile(r"\b(?:tht|thta)\b", re.I), "that"),
    (re.compile(r"\b(?:whts|whta's|whtas)\b", re.I), "what's"),
    (re.compile(r"\b(?:hw|hwo|hiw)\b", re.I), "how"),
    (re.compile(r"\b(?:mnay|mny|manny)\b", re.I), "many"),
    (re.compile(r"\b(?:waht|wht|wat)\b", re.I), "what"),
    (re.compile(r"\b(?:lft|lef)\b", re.I), "left"),
    (re.compile(r"\bwats\b", re.I), "what's"),
    # Texting short forms of the session words: "nxt", "rdy", "n e x t" (before "n" is "and").
    (re.compile(r"^\W*n\s+e\s+x\s+t\W*$", re.I), "next"),
    (re.compile(r"\b(?:nxt|nex|nxet|nextt)\b", re.I), "next"),
    (re.compile(r"\b(?:rdy|redi)\b", re.I), "ready"),
    (re.compile(r"^\W*k+\W*$", re.I), "ok"),  # "k" on its own
    (re.compile(r"(?:^|(?<=\s))(?:n|&)(?=\s)", re.I), "and"),
    # A session command typed as a real word one slip away, said on its own ("paws"):
    # the command, where nothing else fits. The start: conversation.without_command_slips.
    (re.compile(r"^\W*(?:paws|pose|pase|pauze|puase)\W*$", re.I), "pause"),
    (re.compile(r"^\W*(?:resum|resune|presume|rsume|resum e)\W*$", re.I), "resume"),
    (re.compile(r"^\W*(?:stoop|stopp|sotp|spot)\W*$", re.I), "stop"),
    (re.compile(r"^\W*(?:reddy|redy|raedy|readt|rady)\W*$", re.I), "ready"),
)


# Words that only wake a speaker and name the skill ("alexa, ask leg lift coach to start",
# "hey google, talk to leg lift coach and begin"): said to the device, not to the coach.
def tidy(text: str) -> str:
    """The message without fillers ("um", "er"), stutters ("i i did") or chat spellings ("u")."""
    tidied = _FILLERS.sub("", conversation.without_invocation(text))
    tidied = _STUTTER.sub(r"\1", tidied)
    for pattern, word in _CHAT_SPELLINGS:
        tidied = pattern.sub(word, tidied)
    tidied = conversation.without_command_slips(tidied)
    tidied = " ".join(tidied.split())
    return tidied or text


KEEP_GOING = re.compile(
    r"\b(?:keep going|carry on|continue|keep exercising|"
    r"finish(?: off)? (?:the|my|this|off|these)(?: last| other)? (?:set|session|reps?|leg|lot|rest|"
    r"\d+|two|three|few|couple)|finish (?:it|them|up)|"
    r"do (?:the )?(?:rest|other leg|more|another|half)|exercise|start)\b",
    re.I,
)
# After a yes to "did you get them all?", words that only say "go on" ("yeah, let's do
# the other leg") say nothing about the set just done.
ORDINAL = re.compile(r"\b(first|1st|second|2nd|third|3rd|middle|last)\b", re.IGNORECASE)
GO_ON_WORDS = re.compile(
    r"\b(?:let'?s|lets|other (?:leg|side)|next (?:leg|side|set|one)|ready|move on|go)\b", re.I
)
# What makes "no, 9" after a paced set a correction of what was recorded before it.
CORRECTS_EARLIER = re.compile(
    r"\bnot\b(?! all)|\b(?:meant|mean|it was|that was|last (?:leg|one|set)|previous|"
    r"other leg|left leg|right leg|miscounted|wrong|mistake)\b",
    re.I,
)
# Questions about the session's own plan, answered from it.
DURATION = re.compile(
    r"\bhow long\b|\bhow much time\b|\bhow many (?:seconds|minutes|secs|mins)\b|"
    r"\b(?:whole|full|entire) minute\b|\b(?:have|need|got) to wait\b",
    re.I,
)
REST_WORD = re.compile(
    r"\b(?:rest|resting|break|breather|wait|waiting|pause|recover|between (?:the )?sets|minute|"
    r"chill|chilling|relax|relaxing|recovery)\b",
    re.I,
)
NOT_THE_REST_BETWEEN_SETS = re.compile(r"\b(?:sessions?|days?|hours?|weeks?|hold|holding)\b", re.I)
HOW_MANY_PLAN = re.compile(
    r"\bhow many (?:reps? |times |lifts? |sets? )?(?:should|do|must|am|shall|have) i\b(?! (?:do|"
    r"done|did|have left)\b)(?!.*\b(?:left|to go|remaining)\b)|"
    r"\bhow many (?:should|do|must) i (?:be )?(?:doing|do)\b|"
    r"\bhow many (?:each|per|every) (?:time|set|leg|side|session|go)\b|"
    r"\bhow many in (?:a|each|one) (?:session|go|workout)\b|"
    r"\bhow many (?:reps?|lifts?) (?:each|per|a|in (?:a|each))\b",
    re.I,
)
PER_SESSION = re.compile(
    r"\b(?:each|per|every|a|in a|in each) (?:time|session|go|workout|day|sitting)\b", re.I
)
# "Not even a couple?", "just one set": a little exercise, asked for after severe pain.
A_FEW_REPS = re.compile(
    r"\b(?:just |even |only )?(?:a|one|two|a couple|a few|a handful)(?: of)?(?: \w+)? "
    r"(?:reps?|lifts?|sets?|goes)\b|\bnot even (?:a|one|a couple|a few)\b|"
    # "even just a few?", "what about a couple then", "maybe half?"
    r"^\W*(?:(?:so|ok|okay|but|and|what about|how about|could i do|can i do|can i try|"
    r"could i try|even|just|maybe|only|surely|not even|at least)\W+)+(?:just\W+)?"
    r"(?:a few|a couple|one|two|three|a handful|a little|a bit|some|half|a set|one set|one leg|"
    r"a little bit|a small amount|a light one|an easy one|gentle ones?)"
    r"(?:\W+(?:of them|reps?|lifts?|sets?|then|more|maybe|gently|slowly|easy ones))*\W*$",
    re.I,
)
# "What's the plan?", "what do we do first?": today's plan, from the session.
PLAN_TODAY = re.compile(
    r"\bwhat'?s (?:the )?plan\b|\bwhats (?:the )?plan\b|\bwhat (?:is|are) (?:the|today'?s) plan\b|"
    r"\bwhat (?:do|are|shall|will) (?:we|i) (?:do|doing|start with) (?:first|today)\b|"
    r"\bwhat'?s first\b|\bwhat are we doing\b|\bwhat'?s (?:on )?today'?s (?:plan|session)\b",
    re.I,
)
# "How many sets is it today?", "how many reps are we doing this session": the session's
# own numbers, in any phase of it.
TODAYS_NUMBERS = re.compile(
    r"\bhow many (?:sets?|reps?|lifts?|rounds?)(?: (?:is it|are there|are we|am i|will it be|"
    r"do (?:we|i)|have (?:we|i) got|is that|are we doing|am i doing|do we do|do i do|"
    r"should i do|shall we do|will we do|we doing|i doing))?(?: \w+)?"
    r" (?:today|this session|in this session|this time|tonight|this morning|now)\b|"
    r"\bhow many (?:sets?|reps?) (?:is it|are there|are we doing|is today)\b",
    re.I,
)
# "How do I do that?" right after the coach named a version: that version's steps.
HOW_DO_I_DO_THAT = re.compile(
    r"\bhow (?:do|should|would|can|shall) (?:i|we) do (?:that|this|that one|this one|it then|"
    r"the easier (?:one|version|lift))\b|\bwhat does (?:that|the easier (?:one|version)) involve\b|"
    r"\bwhat(?:'?s| is) the easier (?:one|version|lift)\b",
    re.I,
)
INSTEAD = re.compile(
    r"\b(?:instead|differently|alternative|other (?:exercise|version|option)|"
    r"what else (?:can|could|should) i)\b",
    re.I,
)
# A count and how it felt in one message: "managed six then it got severe".
PAIN_BAND = re.compile(
    r"\b(?:mild|moderate|severe|agony|agonising|agonizing|unbearable|excruciating|killing me)\b",
    re.I,
)
SAME_ON_THE_OTHER_LEG = re.compile(
    r"^\W*(?:(?:and|ok|okay|then)\W+)*(?:the\s+)?same(?:\s+again)?(?:\s+(?:on|for|with)\s+"
    r"(?:the|my|this)\s+(?:other|second|next)(?:\s+(?:(?P<leg>leg|side)|one))?)?"
    r"(?:\s+(?:too|as well|done))?\W*$",
    re.I,
)
CLAUSES = re.compile(r"[,;.!]+|\s+(?:but|then|and|though|although|because|cos|so)\s+", re.I)
SEE_A_DOCTOR = re.compile(
    r"\b(?:see|call|visit|go to|get checked by|check with|ask) (?:a |my |the )?(?:doctor|gp|"
    r"physio|physiotherapist|dr)\b|\bget (?:it )?checked\b|"
    r"\b(?:see|ask) (?:someone|somebody|anyone|anybody|a professional)\b|"
    r"\b(?:someone|somebody|anyone|anybody|a professional|an expert|a specialist|a doctor|"
    r"a physio|a gp|a nurse)(?: to)? (?:look at|check|examine|have a look at|take a look at|"
    r"see to) (?:it|this|that|me|my \w+)\b|\bget (?:it |this |that )?(?:seen|examined)\b|"
    r"\b(?:be|get) (?:seen|checked|examined)\b|\bmedical (?:help|attention|advice)\b|"
    r"\bget (?:it |this |that )?(?:looked at|seen to|checked out)\b|"
    r"\bwhat if (?:it|the pain|my \w+) (?:doesn'?t|does not|doesnt|won'?t|wont|never) (?:get "
    r"better|improve|settle|go away|ease)\b|\bwhat if it (?:keeps|still) hurt",
    re.I,
)
# Saying they will see someone: "I'll phone my GP", "booking the physio".
WILL_SEE_A_DOCTOR = re.compile(
    r"\b(?:ring|call|phone|book|see|visit|go to|contact|email|message)(?:ing)?\b.*"
    r"\b(?:doctor|gp|physio\w*|dr|surgery|clinic|practice|nurse|111)\b",
    re.I,
)
# "What now?", "what should I do now?": after severe pain, the advice for the rest of today.
# "How long should I leave it?", "when can I start again?": after severe pain, how long
# to rest.
HOW_LONG_TO_REST = re.compile(
    r"\bhow long (?:should|do|must|will|shall|would|ought) (?:i|we) (?:leave (?:it|them|off)|rest|"
    r"wait|stop|take off|give it|hold off|lay off|keep off|stay off|avoid)\b|"
    r"\bhow long (?:till|until|before) (?:i|we) (?:can )?(?:start|go back|try|do (?:them|it|these)|"
    r"exercise|get back)\b|"
    r"\bwhen (?:can|should|could|do|shall) (?:i|we) (?:start|go back|try|do (?:them|it|these)|"
    r"exercise|get back|pick (?:it|them) up)(?: \w+)? (?:again|back)\b|"
    r"\bhow (?:many|much) (?:days?|time|rest|weeks?) (?:off|should i|do i)\b",
    re.I,
)
WHAT_NOW = re.compile(
    r"\bwhat (?:do|should|shall|can|must) (?:i|we) do (?:now|next|then|about it|today)\b|"
    r"^\W*(?:so |ok |okay |right |well )*what now\b|"
    r"^\W*(?:so |ok |okay |right |well )*what (?:should|do) i do\W*$",
    re.I,
)
# Whether to exercise today at all, asked or checked after pain: "so I shouldn't do them
# today?", "no leg lifts then?", "skip it today?"
SHOULD_I_EXERCISE_TODAY = re.compile(
    r"\b(?:should|shall|can|could|must|do|may) ?(?:n'?t|not)? i (?:still |even |actually |just )?"
    r"(?:do|try|attempt|exercise|train|skip|leave|give)\b(?:\s+\w+){0,3}?\s+"
    r"(?:today|now|tonight|this morning|this evening|at all)\b|"
    r"\bi (?:shouldn'?t|shouldnt|should not|should|can'?t|cant|cannot|won'?t|wont|better) "
    r"(?:do|try|exercise|train|leave|skip|give)\b(?:\s+\w+){0,3}?\s+(?:today|now|tonight|at all)\b|"
    r"^\W*(?:so |ok |okay |right |then )*(?:no|skip(?: the)?) (?:exercises?|leg lifts?|lifts|"
    r"session|workout|reps)(?: (?:today|then|now|for now|for today))*\W*$",
    re.I,
)
# The usual schedule, asked in general: not how long to rest this pain.
USUAL_SCHEDULE = re.compile(
    r"\b(?:between (?:the |my )?sessions|normally|usually|in general|generally|as a rule|"
    r"most weeks|each week|a week)\b",
    re.I,
)
ASKS_TO_BE_REMINDED_HOW = re.compile(
    r"^\W*(?:can you |could you |please )?remind me (?:how|what|which|why|where)\b", re.I
)
DOING_MORE_INTENTS = (
    "start_session", "ask_reps", "ask_frequency", "ask_easier", "ask_technique",
    "continue_session", "ask_next_session",
)  # fmt: skip
# "which makes it 6 in all": a sum said, not a question.
WHICH_ASKS = r"which(?!\s+(?:makes?|brings?|takes?|puts?|gets?)\b)"
QUESTION_START = re.compile(
    r"^\W*(?:(?:wait|hang on|hold on|sorry|um+|uh+|oh|actually|quick question|btw|coach|hey|"
    r"ok|okay|so|and|but|then)\W+)*(?:how|what|why|when|" + WHICH_ASKS + r"|who|is it|is that|"
    r"are|does|"
    r"do i|should(?!\s+(?:be|have been|'?ve been)\s+(?:\d|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\b)|whats|what'?s|how'?s|remind me how|tell me)\b",
    re.I,
)
# Typed button titles mean what the button sends.
TYPED_BUTTON_INTENTS = {
    title.lower(): payload.lstrip("/")
    for title, payload in (
        *START_BUTTONS,
        *MORNING_BUTTONS,
        *STEP_UP_BUTTONS,
        *DELETE_BUTTONS,
        *REMINDER_BUTTONS,
        *conversation.YES_NO_BUTTONS,
        ("Yes, I want to go ahead", "/affirm"),
        ("No, rest today", "/deny"),
    )
    if payload.startswith("/")
}
SEVERE_PAIN_BUTTONS = (("Yes, I want to go ahead", "/affirm"), ("No, rest today", "/deny"))
# Pain reported this long after a session ended belongs to it.
PAIN_AFTER_SESSION_SECONDS = 6 * 3600


def typed_button(text: str) -> str | None:
    """The intent of a button whose title the user typed ("yes, start") instead of tapping."""
    cleaned = " ".join(re.sub(r"[^\w' ]+", " ", text.lower()).split())
    for title, intent in TYPED_BUTTON_INTENTS.items():
        if cleaned == " ".join(re.sub(r"[^\w' ]+", " ", title).split()):
            return intent
    return None


def is_question(text: str) -> bool:
    return "?" in text or bool(QUESTION_START.match(text))


# A question said without a question mark, in any of the ways people say one: opened
# by a question word or an auxiliary ("would a longer hold be better", "are evenings
# best"), asked after a statement ("12 a leg is simple now, whats next",
# "my knee aches, should I stop"), or a choice between two things ("... or not").
_NOT_A_SUBJECT = (
    r"(?!n'?t\b|'t\b|\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|more|another|"
    r"all|the rest)\b)"
)
_SUBJECT = r"\s+(?:i|it|that|this|these|those|they|you|we|my|a|an|the|there)\b"
ASKS_SOMETHING = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|right|well|hi|hey|also|just|quick (?:question|q|one)|"
    r"(?:one|a|random|silly) question|q|um+|er+)\W+)*"
    r"(?:(?:how|what|whats|why|when|where|" + WHICH_ASKS + r"|who)\b|(?:is|isn'?t|are|am|was|"
    r"were|do|does|did|can|could|would|will|should|shall|may|might|any)\b"
    + _NOT_A_SUBJECT
    + r")|(?:[,;.]|\b(?:and|but|so|then|tbh)\b)\s*(?:(?:so|and|then|ok|okay)\s+)*(?:(?:how|"
    r"what|whats|why|when|where|" + WHICH_ASKS + r")\b|(?:is|are|do|does|can|could|would|will|"
    r"should)"
    + _SUBJECT
    + r")|\b(?:what(?:'?s| is)?|whats) (?:next|after that|then|now|else)\W*$|\bor not\W*$|"
    # a choice on its own: "fast or slow", "ice or heat"
    r"^\W*(?:[a-z]+ ){0,2}[a-z]+ or (?:[a-z]+ ){0,2}[a-z]+\W*$|"
    # a check after a statement: "only got to five, is that rubbish"
    r"\b(?:is|was) (?:that|this|it) (?:\w+ )?(?:ok|okay|alright|normal|bad|rubbish|good|enough|"
    r"fine|right|wrong|poor|terrible)\W*$|"
    # "should I" run on after a statement with no comma ("feels light now should i add
    # some"): a statement says "I should", never "should I".
    r"\b(?:should|shall) (?:i|we)\b",
    re.IGNORECASE,
)


def asks_something(text: str) -> bool:
    """A question, with or without its question mark (wider than is_question, which the
    session grammar uses to tell a command from a question)."""
    return is_question(text) or bool(ASKS_SOMETHING.search(text))


@dataclass
class Turn:
    intent: str
    entities: list[dict] = field(default_factory=list)
    text: str = ""
    metadata: dict = field(default_factory=dict)  # with the channel's Capabilities
    timer_for_set: int | None = None  # set by the rest timer, not by the user
    reminder_at: float | None = None  # set by a session reminder firing, not by the user
    ranking: list[str] = field(default_factory=list)  # the classifier's intents, best first
    # A question about the exercise (intent faq): the answer the ResponseSelector
    # chose (Rasa has said it already), or the chosen "did you mean" button.
    answer_key: str | None = None
    # Whether Rasa has said that answer before the coach: not in a session, where the
    # session answers every question itself (data/rules/session.yml).
    answer_said: bool = True
    # When the classifier was unsure: the likeliest answers, best first.
    answer_candidates: tuple[tuple[str, float], ...] = ()
    # The selector's likeliest answers whatever the intent was: for a question the
    # classifier took for a session command while no session runs.
    selector_readings: tuple[tuple[str, float], ...] = ()
    # The pain score the coach wrote into the text came from words ("it went severe" to
    # "how did it feel?"): said back as its band, never as a number the user did not say.
    score_in_words: bool = False

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities.of(self.metadata)

    @property
    def voice(self) -> bool:
        return self.capabilities.voice

    @property
    def can_push(self) -> bool:
        return self.capabilities.push


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
    reminders: list[dict] = field(default_factory=list)  # [{"at": epoch, "said": ...}]
    plan: dict = field(default_factory=dict)  # {"stay_at": level, "restarted_after": epoch}
    timezone: str | None = None
    pending_reminder: dict | None = None  # {"day": "2026-11-26"} while asking what time
    safety: dict = field(default_factory=dict)  # coach/safety.py: checks, checklists

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
            reminders=[r for r in slots.get("reminders") or [] if isinstance(r, dict)],
            plan=slots.get("plan") if isinstance(slots.get("plan"), dict) else {},
            timezone=progression.valid_zone_name(slots.get("timezone")),
            pending_reminder=slots.get("pending_reminder")
            if isinstance(slots.get("pending_reminder"), dict)
            else None,
            safety=slots.get("safety") if isinstance(slots.get("safety"), dict) else {},
        )

    @property
    def current_level(self) -> str:
        return self.level or p.STANDARD_LEVEL

    def conversation_state(self) -> conversation.State:
        return conversation.State(self.disclaimer_given, self.pending_offer, self.last_topic)


@dataclass
class Outcome:
    """A Reply plus what only the adapter can do: timers, reminders, erasing the user."""

    reply: Reply
    rest_timer_for_set: int | None = None
    reminder_at: float | None = None  # schedule the user's session reminder (replaces any)
    cancel_reminders: bool = False
    erase_user: bool = False  # the user confirmed "delete my data"


class _Turn:
    """The working state of one turn: the session being changed and the reply being built."""

    def __init__(self, turn: Turn, state: State, now: float, thresholds: pain.Thresholds):
        self.turn, self.state, self.now, self.thresholds = turn, state, now, thresholds
        self.session = Session.from_dict(state.session)
        if self.session is not None:
            # The channel's facts come with each turn (chat app, then a speaker).
            self.session.timed_rest = turn.can_push
            self.session.voice = turn.voice
        self.reply = Reply()
        self.outcome = Outcome(self.reply)
        self.closed = False  # the ended session is saved
        said_zone = progression.valid_zone_name(turn.metadata.get("timezone"))
        if said_zone and said_zone != state.timezone:
            self.set(timezone=said_zone)
        self.tz: tzinfo = progression.zone(said_zone or state.timezone)
        self.morning_check_due = _morning_check_due(state, self.session, now, self.tz)
        self.was_resting = self.session is not None and self.session.phase == "rest"
        # A count kept through the screen's question, recorded as it is answered.
        self.kept_count_lines: list[Line] = []
        self.check_answered = False  # the coach's question about a count got its answer
        # A question asked while the coach awaits a yes/no or a score: answered, then the
        # coach's question again (the text and buttons), kept open.
        self.ask_again: tuple[str, tuple[tuple[str, str], ...]] | None = None

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
                self.close_session()
            else:
                self.session.last_active = self.now
                self.set(session=self.session.to_dict())
                if (
                    self.session.phase == "rest"
                    and not self.was_resting
                    and self.session.timed_rest
                ):
                    timer = self.session.set_number + 1
        self.outcome.rest_timer_for_set = timer
        return self.outcome

    @property
    def history(self) -> list[dict]:
        return self.reply.updates.get("history", self.state.history)

    @property
    def level(self) -> str:
        return self.reply.updates.get("level") or self.state.current_level

    @property
    def plan(self) -> dict:
        return self.reply.updates.get("plan", self.state.plan)

    @property
    def caution(self) -> dict | None:
        return self.reply.updates.get("caution", self.state.caution)

    def step_up_check(self) -> progression.StepUp:
        return progression.step_up_check(
            self.history,
            self.level,
            fine_up_to=self.thresholds.fine_up_to,
            stop_above=self.thresholds.stop_above,
            now=self.now,
            caution=bool(self.caution),
            stay_at=self.plan.get("stay_at"),
        )

    def close_session(self) -> None:
        """Once, when the session has ended this turn: save it and say what comes next."""
        if self.closed:
            return
        self.closed = True
        self._save_finished_session()
        if "red_flag" not in self.session.notes:
            self._what_next()

    def _what_next(self) -> None:
        """After a session: when the next one is, and a step up if it has been earned."""
        record = self.history[-1] if self.history else None
        if record is None or record.get("ended_at") != self.session.ended_at:
            return
        if record["total_reps"]:
            self.say_text(progression.next_session_advice(record["ended_at"], self.tz))
        check = self.step_up_check()
        if check.earned:
            self.say_text(progression.step_up_offer(check), STEP_UP_BUTTONS)
            self.set(pending_offer="step_up")

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
    screening = red_flags.check(turn.text)
    if screening.flag is not None:
        _red_flag(work, screening.flag)
        if screening.suspected is not None:
            # A see-soon sign with an emergency hinted at beside it: its advice, then the
            # emergency's yes/no question (a yes gets the emergency advice).
            _safety(work).ask(screening.suspected)
        else:
            _how_to_answered_for_later(work, screening.flag)
        return work.finish()
    turn.text = tidy(turn.text)  # the red flags were screened in the user's own words
    pressed = typed_button(turn.text)
    if pressed:
        turn.intent = pressed
    answered_by_rasa = turn.intent == conversation.QUESTION_INTENT  # utter_faq has spoken
    dialogue = _safety(work)
    user_said = turn.timer_for_set is None and turn.reminder_at is None
    # A question about a sign, its answer, the checklist, an emergency still in force.
    if user_said:
        _kept_count_recorded(work)
    if user_said and _score_during_the_checklist(work):
        return _with_disclaimer(work).finish()
    if user_said and dialogue.handle(screening):
        _pause_before_safety_question(work)
        _correction_before_safety_question(work)
        _keep_count_for_safety_question(work)
        _say_kept_count(work)
        return _with_disclaimer(work).finish()
    if turn.timer_for_set is not None:
        if work.session is not None:
            work.say(work.session.rest_over(turn.timer_for_set))
        return work.finish()
    if turn.reminder_at is not None:
        _reminder_fired(work, turn.reminder_at)
        return work.finish()
    before = _where_the_count_is(work.session)
    reps_before = work.session.total_reps if work.session is not None else None
    said, pain_before = turn.text, _pain_so_far(work)
    pending_before = state.pending_offer
    if _answer_pending_question(work):
        _back_to_the_session(work, pending_before)
    elif not _repeat_answer(work):
        counted_first = _count_before_a_question(work)
        if not counted_first:
            work.say(_count_before_pain(work))  # the count first, then the pain's question
        _handle(work)
        _say_count_after_the_answer(work, counted_first)
        _ask_unanswered_check_again(work, before)
        _ask_pending_again(work)
    _note_day_said_done(work)
    _ask_how_bad_if_unheard(work, said, pain_before)
    _remember_answers(work)
    _knee_padding_tip(work)
    _after_a_mishap(work, reps_before)
    dialogue.remind(answered_by_rasa)
    _maybe_ask_morning_check(work)
    return _with_disclaimer(work).finish()


# A rep counted, then a question: "Four, but my wrist twinges on the tiles. Can I kneel
# on a cushion?". The number leads, alone before the first stop.
COUNT_THEN_QUESTION = re.compile(
    r"^\W*(?P<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s*[,.;:!]+\s*(?P<rest>\S.*)$",
    re.I | re.S,
)


def _count_before_a_question(work: _Turn) -> list[Line]:
    """A rep counted mid-set with a question after it: the count is recorded and the rest
    is handled as the question it is (the count's lines are said after the answer)."""
    session, text = work.session, work.turn.text
    match = COUNT_THEN_QUESTION.match(text)
    if (
        match is None
        or session is None
        or session.over
        or session.phase != "active"
        or session.check
        or session.awaiting_feedback
        or session.awaiting_ready
        or not asks_something(match.group("rest"))
        or numbers.read_pain_score(match.group("rest")) is not None  # a score: pain's step
        or _count_before_check(text)  # "6, all done?": counted and answered in one step
    ):
        return []
    said = parse_number(match.group("count"))
    if not isinstance(said, int) or said <= session.count:
        return []
    work.turn.text = match.group("rest")
    work.turn.entities = [e for e in work.turn.entities if e.get("entity") != "number"]
    return session.count_rep(said, work.now)


def _count_before_pain(work: _Turn) -> list[Line]:
    """A count said first and pain with no score after it, maybe with a question ("did 4,
    my hip's aching now, ok to go on?"; by voice, "got them all, bit achy though" to "did
    you get all 10?"): the count is recorded, and the rest is the pain it is (asked how
    bad, the question answered). Only a count that settles nothing to ask about; a score
    after the count is _count_and_pain's."""
    session, text = work.session, work.turn.text
    if (
        session is None
        or session.over
        or session.phase != "active"
        or session.check
        or session.awaiting_ready
    ):
        return []
    first_break = COUNT_CLAUSE_END.search(text)
    if first_break is None:
        return []
    head, rest = text[: first_break.start()], text[first_break.end() :]
    count = numbers.read_count(head)
    if (
        count is None
        or count.kind in numbers.CORRECTIONS
        or numbers.mentions_pain(head)
        or not numbers.mentions_pain(rest)
        or numbers.only_denies_pain(rest)
        or numbers.read_pain_score(rest) is not None  # a score after it: _count_and_pain
        # "7, knee aches": a bare number beside pain may be its score; only "did 7" is reps.
        or (count.kind == numbers.COUNT and numbers.read_pain_score(text) is not None)
    ):
        return []
    trial = Session.from_dict(session.to_dict())
    trial.said(count, work.now)
    if trial.check and trial.total_reps == session.total_reps:
        return []  # "5 more, or 5 in all?" unsettled: the usual steps, the pain asked after
    # Counted, even if the coach would have asked whether the leg is done: pain comes first
    # and that question with it is dropped (the user counts on, or says the leg is done).
    work.turn.text = rest
    work.turn.intent = "pain"
    work.turn.entities = [e for e in work.turn.entities if e.get("entity") != "number"]
    lines = session.said(count, work.now)
    if session.check:
        session.check = None  # "carrying on, or is that it?" waits: the pain is asked first
        done, target = session.count, session.target
        return [Line(f"{done} of {target} on your {session.leg} leg, {target - done} to go.")]
    return lines


# Where one clause of a message ends: a stop, or "but" and "and" between a count and pain.
COUNT_CLAUSE_END = re.compile(r"\s*[,.;:!?]+\s*|\s+-+\s+|\s+(?:but|and|though)\s+", re.I)


def _pain_so_far(work: _Turn) -> tuple:
    """What the coach knows of the user's pain before a turn, to see whether it heard any,
    and whether a session was under way (questions outside one have their own answers)."""
    in_session = work.session is not None and not work.session.over
    pain_said = list(work.session.pain) if work.session is not None else []
    return in_session, pain_said


def _pain_heard(work: _Turn, pain_before: tuple) -> bool:
    """The turn dealt with pain: asked how bad, acted on a score, or noted one."""
    updates = work.reply.updates
    if updates.get("pending_offer") == "pain_severity" or updates.get("pending_pain"):
        return True
    if "caution" in updates or "morning_check" in updates:
        return True
    recent = (updates.get("plan") or {}).get("recent_pain")
    if isinstance(recent, dict) and recent.get("at") == work.now:
        return True
    if work.session is not None and list(work.session.pain) != pain_before[1]:
        return True
    replied = " ".join(message.text for message in work.reply.messages)
    return bool(ASKED_HOW_BAD.search(replied))


def _after_a_pain_stop(work: _Turn) -> bool:
    """Pain that stopped today's exercise is known and acted on: what is said of it after
    ("still hurts", "easing now") has its own answers, with no new score to ask for."""
    recent = _recent_pain(work)
    active = work.session is not None and not work.session.over
    return (
        not active and recent is not None and recent.get("severity", 0) > work.thresholds.fine_up_to
    )


ASKED_HOW_BAD = re.compile(r"\bhow bad\b|\b0 to 10\b|\bout of 10\b|\brate it\b", re.I)


def _ask_how_bad_if_unheard(work: _Turn, said: str, pain_before: tuple) -> None:
    """Pain said with no score in a session is never lost: whatever else the message held
    (a count, a question, a remark) and whatever the step did with it, how bad is asked."""
    all_clear = ALL_CLEAR.search(said) and not numbers.mentions_pain(ALL_CLEAR.sub(" ", said))
    if (
        not pain_before[0]
        or not numbers.mentions_pain(said)
        or numbers.only_denies_pain(said)
        or all_clear  # "let's go, nothing hurts today"
        or numbers.read_pain_score(said) is not None
        or _pain_heard(work, pain_before)
        or _after_a_pain_stop(work)
    ):
        return
    report = pain.read_report(work.turn.entities, said)
    if report.from_kneeling or (report.location == "wrist" and not report.for_weeks):
        return  # sore kneecaps or wrists from the floor: a comfort answer, not a load to rate
    work.say_text(pain.ASK_SEVERITY)
    work.set(pending_offer="pain_severity", pending_pain=_report_dict(report))


# The coach's questions that step aside from a session: once answered, where it stands.
SIDE_QUESTIONS = ("delete_data", "reminder_time")


def _back_to_the_session(work: _Turn, pending: str | None) -> None:
    """A side exchange in a session ("delete my data" then "no, keep it") ends by saying
    where the session stands, as an answered question does."""
    session = work.session
    if pending not in SIDE_QUESTIONS or session is None or session.over:
        return
    if work.outcome.erase_user or work.reply.updates.get("pending_offer"):
        return  # erased, or another question asked: that is the last word
    status = session.status().text
    if all(message.text != status for message in work.reply.messages):
        work.say([session.status()])


def _say_count_after_the_answer(work: _Turn, lines: list[Line]) -> None:
    """The count's lines after the answer, in place of where the session stands."""
    session = work.session
    if not lines:
        return
    if session is not None and not session.over:
        status = session.status().text
        work.reply.messages[:] = [m for m in work.reply.messages if m.text != status]
    work.say(lines)


def _where_the_count_is(session: Session | None) -> tuple | None:
    """The session's count and the coach's question about it, to see what a turn changed."""
    if session is None or session.over:
        return None
    check = dict(session.check) if session.check else None
    return check, session.phase, session.set_number, session.leg, session.count, session.total_reps


def _ask_unanswered_check_again(work: _Turn, before: tuple | None) -> None:
    """ "5 more, or 5 in all?" answered by "how many left?" or "ready": that is answered,
    and the question is asked again; only an answer or a new count settles it."""
    session = work.session
    if before is None or before[0] is None or session is None or session.over:
        return
    if work.check_answered:
        return  # "5 in all" at 5: answered, though the count did not move
    if session.check not in (None, before[0]) or _where_the_count_is(session)[1:] != before[1:]:
        return
    text = work.turn.text
    if numbers.mentions_pain(text) or numbers.read_pain_score(text) is not None:
        return  # the pain comes first, and its own question
    lines = session.ask_again(before[0])
    said = {message.text for message in work.reply.messages}
    if lines and not any(line.text in said for line in lines):
        work.say(lines, session.check_buttons())


def _asks_while_pending(work: _Turn) -> bool:
    """A question put while the coach awaits its own answer ("how bad is it?", "delete
    everything?"): "how long do I hold?", "how many sets left?"."""
    text = work.turn.text
    return (
        work.turn.intent == conversation.QUESTION_INTENT
        or work.turn.intent in ANSWERABLE
        or asks_something(text)
        or is_question(text)
        or WHERE_AM_I.search(text) is not None
    )


def _ask_pending_again(work: _Turn) -> None:
    """The coach's open question after the answer to the user's, unless the turn has asked
    a question of its own (the pain flow asking how bad, say)."""
    if work.ask_again is None or work.reply.updates.get("pending_offer"):
        return
    question, buttons = work.ask_again
    if any(question in message.text for message in work.reply.messages):
        return
    pending = work.state.pending_offer
    work.say_text(question, buttons)
    work.set(pending_offer=pending)
    if pending == "pain_severity":
        work.set(pending_pain=work.state.pending_pain)


def _repeat_answer(work: _Turn) -> bool:
    """ "Say that again" in a session just after a question was answered: the answer."""
    session = work.session
    if work.turn.intent != "repeat" or session is None or session.over:
        return False
    if not session.last_answers:
        return False
    for response in session.last_answers:
        work.reply.messages.append(Message("", response=response))
    _session_status(work)
    return True


def _remember_answers(work: _Turn) -> None:
    """Keep this turn's answers in the session, for "say that again" next turn only."""
    session = work.session
    if session is None or session.over:
        return
    said = [m.response for m in work.reply.messages if m.response]
    if said or work.turn.intent != "repeat":
        session.last_answers = said


# Knees sore on a hard floor: "my knees hurt on the tiles", "kneeling on wood kills".
KNEES_ON_A_HARD_FLOOR = re.compile(
    r"\b(?:knees?|kneecaps?|kneeling)\b.*\b(?:floor|floorboards|hard|tiles?|tiled|wood|wooden|"
    r"laminate|concrete|stone|boards)\b|\b(?:floor|floorboards|tiles?|tiled|wood|wooden|laminate|"
    r"concrete|stone|hard surface)\b.*\b(?:knees?|kneecaps?|kneeling)\b",
    re.I,
)
KNEE_PADDING_TIP = (
    "For your knees, put something soft under them: a folded towel, a cushion or an exercise mat."
)
_SOFT_WORDS = re.compile(r"\b(?:towel|mat|cushion|pillow|padding|pad)\b", re.I)


def _knee_padding_tip(work: _Turn) -> None:
    """Knees sore on a hard floor: the padding tip, before any question the coach asks."""
    text = work.turn.text
    messages = work.reply.messages
    if (
        not KNEES_ON_A_HARD_FLOOR.search(text)
        or not (numbers.mentions_pain(text) or numbers.read_pain_score(text) is not None)
        or _SOFT_WORDS.search(text)
        or any(m.response or _SOFT_WORDS.search(m.text) for m in messages)
    ):
        return
    line = Message(KNEE_PADDING_TIP)
    at = (
        len(messages) - 1
        if messages and messages[-1].text.rstrip().endswith("?")
        else len(messages)
    )
    messages.insert(at, line)


# A count that ends in a mishap: "managed six, then my hand slid off the mat". A fall is
# the screen's (it asks about it first); a slip is asked about here, once the count is in.
MISHAP = re.compile(
    r"\b(?:slipped|slipping|slid|sliding|skidded|gave way|buckled|wobbled|lost my (?:balance|"
    r"footing|grip)|went from under me)\b",
    re.I,
)
AFTER_A_MISHAP = "Sorry about the slip. If anything hurts now, tell me how bad, from 0 to 10."


def _after_a_mishap(work: _Turn, reps_before: int | None) -> None:
    """The count was recorded and said back: then the slip, asked about before the coach
    leads on (in a voice session the next set's lines follow the count's)."""
    session, messages = work.session, work.reply.messages
    if (
        reps_before is None
        or session is None
        or session.total_reps <= reps_before
        or not MISHAP.search(work.turn.text)
        or numbers.mentions_pain(work.turn.text)  # pain said with it: the pain step has it
        or not messages
    ):
        return
    messages.insert(1, Message(AFTER_A_MISHAP))


# -- safety -----------------------------------------------------------------------


def _red_flag(work: _Turn, flag: red_flags.RedFlag) -> None:
    if work.session is not None and not work.session.over:
        work.session.stop(work.now, reason="red_flag")
    work.say_text(red_flags.advice(flag))
    kept = safety.in_force(work.caution, work.now)
    if kept is not None and flag.urgency != red_flags.EMERGENCY:
        # An emergency told less than a day ago stays in force: a see-soon sign said since
        # never lowers it (nor lets a clinician's "ok" for the lesser sign clear it).
        work.say_text(red_flags.reply("reminder", kept))
        work.set(pending_offer=None, pending_pain=None)
        return
    work.set(
        pending_offer=None,
        pending_pain=None,
        caution={"reason": "red_flag", "sign": flag.sign, "urgency": flag.urgency, "at": work.now},
    )


# How to do it asked beside a see-soon sign ("back's not been right since a fall; how do
# these go?"): the sign's advice first, then the question still answered, for later.
HOW_TO_ASKED = re.compile(
    r"\bhow (?:do|does|should|would|can|shall) (?:i|you|we|one|they|it|these|this|them)\b"
    r"(?:\s+\w+){0,3}?\s+(?:do|done|go|goes|work|perform\w*)\b"
    r"|\bhow (?:they|it|these|this one|the exercise|the lifts?) "
    r"(?:go|goes|works?|(?:is|are) done)\b"
    r"|\bhow to (?:do|perform)\b"
    r"|\b(?:walk|talk|take) me through\b|\bthe steps\b"
    r"|\b(?:explain|describe|show me|remind me|tell me)\b.{0,30}?\b(?:how|what to do|steps?)\b",
    re.I | re.S,
)
AFTER_THE_CHECK = "Once you've been checked and told it's fine to go on, here is how it goes:"
# The answers a how-to question may have, its own words deciding among them.
HOW_TO_ANSWERS = ("how_to_do_it", "one_rep", "steps_one_by_one", "the_lift", "first_session")


def _how_to_answered_for_later(work: _Turn, flag: red_flags.RedFlag) -> None:
    """A see-soon sign said with how to do it asked: after the advice, the question answered
    framed for after the check. An emergency, or one still in force, is all that is said."""
    if flag.urgency == red_flags.EMERGENCY or not HOW_TO_ASKED.search(work.turn.text):
        return
    if work.turn.intent == conversation.QUESTION_INTENT:
        return  # Rasa's utter_faq has answered already (the NLU relabels a sign, so rarely)
    if (work.caution or {}).get("urgency") == red_flags.EMERGENCY:
        return  # an emergency kept in force: its reminder is the reply
    named = conversation.answer_named_by_words(work.turn.text)
    key = named if named in HOW_TO_ANSWERS else "how_to_do_it"
    work.say_text(AFTER_THE_CHECK)
    work.reply.messages.append(Message("", response=conversation.answer_response(key)))


def _pause_before_safety_question(work: _Turn) -> None:
    """ "Legs like jelly, need a minute" mid-set: the safety question is asked, and the
    break asked for is given too (the set paused first, the question said last)."""
    session = work.session
    if (
        session is None
        or session.phase != "active"
        or work.reply.updates.get("pending_offer") != safety.CHECK
        or not _wants_a_break_or_tired(work.turn.text)
    ):
        return
    paused = [Message(line.text, (), line.ssml) for line in session.pause()]
    work.reply.messages[:0] = paused


def _correction_before_safety_question(work: _Turn) -> None:
    """ "Undo, I tapped it twice" with words the screen asks about: the count is put right
    too (said first), so the safety question never loses it."""
    session = work.session
    if (
        session is None
        or session.over
        or session.check
        or work.reply.updates.get("pending_offer") != safety.CHECK
    ):
        return
    count = numbers.read_count(work.turn.text)
    if count is None or count.kind not in numbers.CORRECTIONS:
        return
    corrected = [Message(line.text, (), line.ssml) for line in session.said(count, work.now)]
    work.reply.messages[:0] = corrected


# -- a count said with words the screen asks about ----------------------------------------
# "Did 4 then my arm slipped" after a set: the screen's question comes first, the count is
# kept with it and recorded once the question is answered (a yes stops the session with the
# count in its record; a no says the count back and the session goes on from it).


def _keep_count_for_safety_question(work: _Turn) -> None:
    session, safety_now = work.session, work.reply.updates.get("safety")
    if (
        session is None
        or session.over
        or work.reply.updates.get("pending_offer") != safety.CHECK
        or not isinstance(safety_now, dict)
        or not safety_now.get("check")
    ):
        return
    count = numbers.read_count(work.turn.text)
    if count is None or count.kind in numbers.CORRECTIONS or not numbers.counts_reps(count):
        return
    check = {**safety_now["check"], "count": asdict(count)}
    work.set(safety={**safety_now, "check": check})


def _kept_count_recorded(work: _Turn) -> None:
    """The answer to the screen's question, or a stop instead of one: the count kept with
    it is recorded first, its lines held for the reply (_say_kept_count)."""
    kept = ((work.state.safety or {}).get("check") or {}).get("count")
    session = work.session
    if (
        work.state.pending_offer != safety.CHECK
        or not isinstance(kept, dict)
        or session is None
        or session.over
        or not (safety.answers_the_check(work.turn) or work.turn.intent == "stop_session")
    ):
        return
    stopping = work.turn.intent == "stop_session"
    voice, session.voice = session.voice, session.voice and not stopping  # none led at a stop
    work.kept_count_lines = session.said(numbers.Count(**kept), work.now)
    session.voice = voice


def _say_kept_count(work: _Turn) -> None:
    """After "no" to the screen's question, the kept count said back in place of where the
    session stands (the status said then is replaced; a pain question stays last)."""
    lines, session = work.kept_count_lines, work.session
    if not lines or session is None or session.over:
        return
    messages = [Message(line.text, (), line.ssml) for line in lines]
    status = session.status().text
    kept = [message for message in work.reply.messages if message.text != status]
    at = 1 if kept else 0  # after "Thanks, good to know"
    work.reply.messages[:] = kept[:at] + messages + kept[at:]


def _safety(work: _Turn) -> safety.Dialogue:
    return safety.Dialogue(work, _red_flag, _begin_session, _session_status)


def _with_disclaimer(work: _Turn) -> _Turn:
    """The not-a-clinician line, once per conversation: after a greeting, else first."""
    # A question's answer was said by Rasa (utter_faq) before this action: it counts.
    answered = work.reply.messages or work.turn.intent == conversation.QUESTION_INTENT
    if not work.state.disclaimer_given and answered:
        position = 1 if work.turn.intent == "greet" else 0
        work.reply.messages.insert(position, Message(answers.DISCLAIMER))
        work.set(disclaimer_given=True)
    return work


# -- questions the coach asked ------------------------------------------------------


# A pain band said on its own ("I'd say moderate", "more like severe really").
BARE_BAND = re.compile(
    r"^\W*(?:(?:ok|okay|well|so|no|actually|hmm|i'?d say|id say|i would say|i think|more like|"
    r"probably|maybe|it'?s|its|it was|more|rather)\W+)*(?P<band>mild|moderate|severe)"
    r"(?:\W+(?:i think|really|actually|i'?d say|id say|pain|now|to be honest|honestly))*"
    # Where it is, said with the band: "severe, it's round my knee" (a place, no question).
    r"(?:\W+(?:and\s+|but\s+)?(?:(?:it'?s|its|it is|mostly|just)\s+)?(?:in|on|at|around|round)"
    r"\s+(?:my|the)\s+(?P<place>[a-z]+(?:\s+[a-z]+)?))?\W*$",
    re.I,
)
RERATE_SECONDS = 180
# Just after a pain report, a score said on its own with its article: "probably a 3", "I'd
# say a 2 really": that report's score (the article makes it a score, not a count of reps).
BARE_SCORE = re.compile(
    r"^\W*(?:(?:ok|okay|well|so|hmm|um|erm|er|i'?d say|id say|i would say|i think|i guess|"
    r"prob|probs|probably|maybe|perhaps|more like|about|around|roughly|like|it'?s|its|it was|"
    r"call it|say|only|just|actually)\W+)*an?\s+(?P<score>[a-z0-9]+?)(?:ish)?"
    r"(?:\s*(?:/|out of)\s*(?:10|ten))?"
    r"(?:\W+(?:i think|i guess|i reckon|maybe|probably|tops|at most|really|now|or so))*\W*$",
    re.I,
)


# Just after a pain score, how it has moved, with no pain word: "ok now it's 8, really
# bad", "gone up to 7". Words of doing reps make it a count instead.
PAIN_MOVED = re.compile(
    r"\b(?:worse|bad|awful|terrible|horrible|dreadful|agony|killing|unbearable|higher|"
    r"gone up|going up|risen|rising|jumped|climbed|creeping up|more like)\b",
    re.I,
)
REP_WORDS = re.compile(
    r"\b(?:reps?|more|done|did|do|managed|left|to go|in all|total|another|each|leg|set|lifts?)\b",
    re.I,
)


def _if_the_paced_set_was_done(work: _Turn, then: str) -> None:
    """Voice: the set just led is not counted until the user says how it went, so a figure
    asked for meanwhile is also said as it would be with that set done."""
    session = work.session
    if session.awaiting_feedback and session.phase == "active":
        work.say_text(
            f"If you got all {session.target} on your {session.leg} leg just now, {then}."
        )


def _rerated_pain(work: _Turn) -> bool:
    """Just after a pain score, the user's new rating of that pain, acted on if it is
    higher: a band said on its own ("aching a bit" read as mild, then "I'd say
    moderate"), or a number said with how it has moved ("now it's 8, really bad")."""
    text = work.turn.text
    recent = work.plan.get("recent_pain") or {}
    if work.state.pending_offer or work.now - recent.get("at", 0) > RERATE_SECONDS:
        return False
    band = BARE_BAND.match(text)
    if band:
        severity = pain.BAND_WORDS[band.group("band").lower()]
    elif PAIN_MOVED.search(text) and not REP_WORDS.search(text):
        severity = numbers.read_pain_score(text, asked=True)
    elif BARE_SCORE.match(text):
        return _rescored_pain(work, recent, numbers.read_pain_score(text, asked=True))
    else:
        return False
    if severity is None or severity <= recent.get("severity", 0):
        return False
    place = band and band.group("place") and _place_named(text)
    report = pain.PainReport(
        severity=severity, in_words=bool(band), location=place or recent.get("location")
    )
    _act_on_pain(work, report)
    return True


def _rescored_pain(work: _Turn, recent: dict, severity: int | None) -> bool:
    """The user's own score for the pain just reported: it replaces the one the coach
    read from their words, and the advice is said for it."""
    if severity is None or not 0 <= severity <= 10 or "at" not in recent:
        return False
    session = work.session
    if session is not None and session.phase == "active":
        session.pain = _without_last(session.pain, recent.get("severity"))
    place = recent.get("location")
    _act_on_pain(work, pain.PainReport(severity=severity, location=place))
    return True


# A number said on its own, maybe with a hedge or "/10": "9", "8/10", "a nine", "maybe 7".
BARE_NUMBER = re.compile(
    r"^\W*(?:(?:ok|okay|well|so|hmm|um|erm|er|oh|no|sorry|actually|honestly|i'?d say|id say|"
    r"i would say|i think|i guess|prob|probs|probably|maybe|perhaps|more like|about|around|"
    r"roughly|like|it'?s|its|it was|call it|say|only|just|easily|at least)\W+)*"
    r"(?:an?\s+)?(?P<n>[a-z0-9]+?)(?:ish)?(?:\s*(?:/|out of)\s*(?:10|ten))?"
    r"(?:\W+(?:i think|i guess|i reckon|maybe|probably|tops|at most|really|now|or so|honestly|"
    r"at least|easily|for sure|definitely|tbh))*\W*$",
    re.I,
)
PAIN_OR_REPS_BUTTONS = (("My pain score", "/pain"), ("My reps", "/report_reps"))


def _bare_number(text: str) -> int | None:
    match = BARE_NUMBER.match(text)
    said = parse_number(match.group("n")) if match else None
    return said if isinstance(said, int) and 0 <= said <= 10 else None


# "nah, more like a 9": a hedge before the score, not "more" reps.
MORE_LIKE = re.compile(r"\bmore like\b", re.I)
LEADING_NO = re.compile(r"^\W*(?:no|nah|nope|naw)\b\W*", re.I)
# Words that make a score after a pain stop a new reading of how it is now ("down to a 4
# now", "still a 7"), not the score of the pain that stopped it.
PAIN_CHANGED = re.compile(
    r"\b(?:now|down|up|eas\w*|better|worse|settl\w*|gone|dropp\w*|still|calm\w*|anymore|"
    r"since|today|tonight|tomorrow|morning|earlier|before|after)\b",
    re.I,
)


def _score_after_a_stop(text: str) -> int | None:
    """The score in a message just after a pain stop: a bare number ("9", "a nine"), or one
    said with filler ("yeah like an 8", "yep about a 9", "oh a solid 8", "ya 9 ish") as the
    number grammar reads a score asked for, whatever the classifier made of the yes or no."""
    said = _bare_number(text)
    if said is not None or numbers.mentions_pain(text) or PAIN_CHANGED.search(text):
        return said
    # "nah, more like 8": the no and the hedge are filler before the score, no correction.
    count = numbers.read_count(MORE_LIKE.sub(" ", LEADING_NO.sub("", text)))
    if count is not None and count.kind == numbers.SET_TO:
        return None  # "I meant 7", "make that 7": put right, nothing says which (asked)
    return numbers.read_pain_score(text, asked=True)


def _whose_bare_number(work: _Turn) -> str | None:
    """What a bare number scores with no session running: "pain" after a pain stop, or
    when the last thing reported was pain without a score ("agony", "killing me"); "ask"
    when scored pain came after the session just ended (reps or pain, nothing says which);
    None when pain is not the last thing reported."""
    if work.session is not None and not work.session.over:
        return None
    recent = _recent_pain(work)
    if recent is None or not 0 <= work.now - recent["at"] <= RECENT_SESSION_SECONDS:
        return None
    last = _last_session(work)
    ended = (last or {}).get("ended_at")
    if isinstance(ended, int | float) and recent["at"] < ended:
        return None  # a session ran after the pain: the number may be about it
    stopped = (
        last is not None and stopped_for_pain(last) and _ended_within(work, RECENT_SESSION_SECONDS)
    )
    if stopped or recent.get("in_words"):
        return "pain"
    return "ask" if _ended_within(work, RECENT_SESSION_SECONDS) else None


def _bare_number_after_pain(work: _Turn) -> bool:
    """ "9", "8/10", "a nine" after a pain stop, or after pain said without a score: that
    pain's score (it replaces the one read from the words), recorded with the session and
    advised on; never a correction of the reps, which takes rep words ("I actually did 9")."""
    text = work.turn.text
    said = _bare_number(text)
    said_reps = REP_WORDS.search(MORE_LIKE.sub(" ", text))
    whose = None if said_reps or is_question(text) else _whose_bare_number(work)
    if whose == "pain" and said is None:
        said = _score_after_a_stop(text)
    if whose is not None and said is None:
        # "I meant 9", "make that 9": a number put right, with nothing that says which.
        count = numbers.read_count(text)
        if count is None or count.kind != numbers.SET_TO or numbers.mentions_pain(text):
            return False
        said, whose = count.value, "ask"
        if not isinstance(said, int) or not 0 <= said <= 10:
            return False
    if whose == "pain":
        _replace_recent_pain(work, _recent_pain(work), said)
        # Said while the checklist runs: on with it at the question it was on.
        _safety(work).continue_screening()
        return True
    if whose == "ask":
        asked = f"Just to check: is {said} your pain score or your reps?"
        work.say_text(asked, PAIN_OR_REPS_BUTTONS)
        work.set(pending_offer="pain_or_reps", plan={**work.plan, "pain_or_reps": said})
        return True
    return False


# "yes", "ok then", "yeah got it": an acknowledgement on its own, no number and no question.
ACKNOWLEDGED = re.compile(
    r"^\W*(?:(?:yes|yeah|yea|yep|yup|ya|yah|aye|ok|okay|k|kk|sure|alright|all right|right|"
    r"fine|got it|understood|will do|noted|mhm|uh huh|cool|then|thanks|thank you|coach)\W*)+$",
    re.I,
)


def _yes_after_a_pain_stop(work: _Turn) -> bool:
    """ "yes", "ok" just after pain stopped the session, with nothing asked: what happens next
    (rest today, the easier version next time), never "Great, what would you like to know?"."""
    if work.state.pending_offer or not ACKNOWLEDGED.match(work.turn.text):
        return False
    # The last record, reps or none ("its agony" by voice before any rep was counted).
    last = work.history[-1] if work.history and isinstance(work.history[-1], dict) else {}
    ended = last.get("ended_at")
    if not stopped_for_pain(last) or not isinstance(ended, int | float):
        return False
    if not 0 <= work.now - ended <= RECENT_SESSION_SECONDS or _whose_bare_number(work) != "pain":
        return False  # something came after the stop: the yes is about that
    level = p.LEVELS[p.level_index(work.level)]
    work.say_text(
        "Okay. No more leg lifts today: rest it and move gently as you can. Next time we'll"
        f" start with the easier version, the {level.name}, and build back up."
    )
    return True


def _score_during_the_checklist(work: _Turn) -> bool:
    """ "yeah like an 8" to a question of the checklist that a pain stop started: that pain's
    score, never a yes or a no to the sign; recorded, then the same question again."""
    if work.state.pending_offer != safety.SCREENING:
        return False
    if not _score_after_a_stop(work.turn.text):
        return False  # "none", "zero", "nope, 0": a no to the sign, never a pain score
    if _whose_bare_number(work) != "pain":
        return False
    return _bare_number_after_pain(work)


def _answer_pain_or_reps(work: _Turn) -> bool:
    """The answer to "is 9 your pain score or your reps?"."""
    said = work.plan.get("pain_or_reps")
    text, intent = work.turn.text, work.turn.intent
    plan = {key: value for key, value in work.plan.items() if key != "pain_or_reps"}
    work.set(pending_offer=None, plan=plan)
    if not isinstance(said, int):
        return False
    reps = intent in ("report_reps", "count_rep") or re.search(r"\b(?:reps?|lifts?)\b", text, re.I)
    if (intent == "pain" or SAYS_PAIN_NOT_REPS.search(text)) and not reps:
        recent = _recent_pain(work)
        if recent is None:
            _act_on_pain(work, pain.PainReport(severity=said))
        else:
            _replace_recent_pain(work, recent, said)
        return True
    if reps:
        if not _late_count(work, numbers.Count(numbers.SET_TO, said, True)):
            work.say_text("Okay, I've left that session's record as it was.")
        return True
    return False


def _increment_while_pain_asked(work: _Turn) -> bool:
    """Reps added or a total said ("3 more", "another 2", "did 4") with no score and no
    pain word, in a session: a count, even while how bad is asked."""
    text = work.turn.text
    said = numbers.read_count(text)
    return (
        work.session is not None
        and not work.session.over
        and said is not None
        and said.kind in (numbers.MORE, numbers.TOTAL)
        and numbers.read_pain_score(text, asked=True) is None
        and not numbers.mentions_pain(text)
    )


def _answer_pending_question(work: _Turn) -> bool:
    """Handle the reply to the coach's last question; False if this is not one."""
    session = work.session
    if session is not None and (session.check or {}).get("kind") == PAIN_SETTLED:
        return _answer_pain_settled(work)
    if _rerated_pain(work):
        return True
    pending, intent = work.state.pending_offer, work.turn.intent
    if pending == "pain_or_reps" and _answer_pain_or_reps(work):
        return True
    if pending not in ("pain_severity", "morning_check") and _bare_number_after_pain(work):
        return True
    if _yes_after_a_pain_stop(work):
        return True
    if pending == "pain_severity":
        if _increment_while_pain_asked(work):
            # "3 more", "another two", "did 4": reps, not a score; counted, then how bad
            # is asked again.
            work.set(pending_offer=None, pending_pain=None)
            work.ask_again = (pain.HOW_BAD, ())
            return False
        severity = numbers.read_pain_score(work.turn.text, asked=True)
        if severity is None:
            severity = pain.read_severity(work.turn.entities, work.turn.text)
        said = numbers.read_count(work.turn.text)
        reps = said is not None and said.kind != numbers.COUNT  # "did 10": reps, not a score
        if severity is None and intent == "count_rep" and not reps:
            number = _said_number(work.turn)
            severity = number if number is not None and 0 <= number <= 10 else None
        if severity is not None:
            report = pain.PainReport(
                **{
                    **(work.state.pending_pain or {}),
                    "severity": severity,
                    "in_words": _said_in_words(work, severity),
                }
            )
            work.set(pending_offer=None, pending_pain=None)
            _act_on_pain(work, report)
            return True
        if PLACE_ONLY.match(work.turn.text) and (place := _place_named(work.turn.text)):
            # "left knee, on the inside": where that pain is; how bad is still asked.
            work.say_text(f"Thanks, noted: your {place}. {pain.form_cue(place)} {pain.HOW_BAD}")
            work.set(pending_pain={**(work.state.pending_pain or {}), "location": place})
            return True
        work.set(pending_offer=None, pending_pain=None)
        if _asks_while_pending(work) and not numbers.mentions_pain(work.turn.text):
            work.ask_again = (pain.HOW_BAD, ())  # "how long is the hold?": answered, then this
        return False
    above_usual = pending == "morning_check" and _worse_than_usual_the_day_after(work)
    if pending == "morning_check" and (
        intent in ("feel_fine", "feel_worse", "pain", "affirm")
        or WORSE_NEXT_MORNING.search(work.turn.text)
        or above_usual
    ):
        worse = (
            intent in ("feel_worse", "pain")
            or bool(WORSE_NEXT_MORNING.search(work.turn.text))
            or above_usual
        )
        if intent == "feel_worse" and NO_WORSE.search(work.turn.text):
            worse = bool(WORSE_NEXT_MORNING.search(work.turn.text))  # "no worse than usual"
        level, text = pain.morning_check(worse, work.state.current_level)
        work.say_text(text)
        work.set(pending_offer=None, morning_check=None, level=level)
        _note_next_morning(work, "worse" if worse else "fine")
        if worse:
            work.say_text(_next_session_plan(work))
        if above_usual and asks_something(work.turn.text):
            # "a 5, it's normally 3, should I skip today?": stepped down, then answered.
            work.say_text(_rest_today_answer(work, numbers.score_above_baseline(work.turn.text)[0]))
        return True
    yes_or_no = _yes_or_no(work)
    if pending == "start_after_severe_pain" and _answers_go_ahead(work):
        return True
    if pending == "late_reps" and yes_or_no:
        _answer_late_reps(work, yes_or_no)
        return True
    if pending in ("start_anyway", "start_after_red_flag") and yes_or_no:
        work.set(pending_offer=None)
        if yes_or_no == "affirm":
            if pending == "start_after_red_flag":
                work.set(caution=None)
            _start(work, checked=pending)
        else:
            work.say_text("Okay. Rest up, and come back when you're ready.")
        return True
    # "second" alone is read as a count by the grammar (the NLU's rule): while the coach
    # is asking which answer was meant, an ordinal picks one.
    picks = intent == "choose_answer" or (intent == "count_rep" and ORDINAL.search(work.turn.text))
    if picks and (key := conversation.chosen_by_place(pending, work.turn.text)):
        _say_answer(work, key)
        return True
    if (pending or "").startswith(conversation.CHOOSING) and NONE_OF_THOSE.search(work.turn.text):
        # "neither" to "did you mean ...?": that side question closed, and where they are.
        work.set(pending_offer=None)
        work.say_text("Okay. Ask me again in other words if you like.")
        _session_status(work)
        return True
    if pending and pending in answers.ANSWERS and intent in ("affirm", "deny", "ask_more"):
        _reply_to_offer(work)
        return True
    if pending == "step_down" and intent in ("affirm", "deny", "stay_level"):
        work.set(pending_offer=None)
        _answer_step_down(work, intent)
        return True
    if pending in ("step_up", "step_up_history") and intent in ("affirm", "deny", "stay_level"):
        work.set(pending_offer=None)
        _answer_step_up(work, pending, intent)
        return True
    if pending == "delete_data" and (yes_or_no or KEEP_IT.search(work.turn.text)):
        work.set(pending_offer=None)
        if yes_or_no == "affirm" and not KEEP_IT.search(work.turn.text):
            work.say_text(
                "Done. I've deleted your history, level, reminders and our conversations."
                " If you come back, we'll start fresh."
            )
            work.outcome.erase_user = True
            work.outcome.cancel_reminders = True
        else:
            work.say_text("Okay, I've kept everything as it was.")
        return True
    if pending == "delete_data" and _asks_while_pending(work):
        work.ask_again = (DELETE_ASKED_AGAIN, DELETE_BUTTONS)  # answered, then asked again
    if pending == "reminder_time" and intent not in ("cancel_reminder", "stop_session"):
        work.set(pending_offer=None, pending_reminder=None)
        return _reminder_time_answer(work)
    go_word = yes_or_no is None and LETS_GO.match(work.turn.text)  # "great, begin it then"
    if pending == "reminder_start" and (yes_or_no or go_word):
        work.set(pending_offer=None)
        if yes_or_no == "affirm" or go_word:
            _start(work)
        else:
            work.say_text("No problem. Say start my session whenever you're ready.")
        return True
    if (
        pending in START_QUESTIONS
        and not yes_or_no
        and intent != "start_session"  # "Start now" pressed: the start, checked as ever
        and safety.says_a_session_word(work.turn)
    ):
        _session_word_to_a_start_question(work, pending)
        return True
    if pending:
        work.set(pending_offer=None)
    return False


# A question before a session starts, asked again plainly when the reply is neither a yes
# nor a no; the two a count can answer yes to (not the ones after pain or a warning sign).
START_QUESTIONS = {
    "reminder_start": ("Shall we start today's session now?", REMINDER_BUTTONS),
    "start_anyway": ("Do you want to go ahead anyway?", START_BUTTONS),
    "start_after_severe_pain": ("Do you want to go ahead anyway?", SEVERE_PAIN_BUTTONS),
    "start_after_red_flag": (
        "Has a doctor or physiotherapist seen you and said exercising is okay?",
        conversation.YES_NO_BUTTONS,
    ),
}
COUNT_MEANS_YES = ("reminder_start", "start_anyway")


def _session_word_to_a_start_question(work: _Turn, pending: str) -> None:
    """ "done", "did 3", "ok go" to "Shall we start now?": the user is exercising, so a
    yes, counting from there; to anything else ("finished"), or where only an explicit
    yes will do (after severe pain or a warning sign), the question again."""
    count = numbers.read_count(work.turn.text)
    counted = numbers.counts_reps(count) or numbers.is_bare_rep(count)
    if pending in COUNT_MEANS_YES and (counted or LETS_GO.match(work.turn.text)):
        work.set(pending_offer=None)
        _start(work, checked=pending, count=count if counted else None)
        return
    question, buttons = START_QUESTIONS[pending]
    work.say_text(f"I need a yes or a no first. {question}", buttons)
    work.set(pending_offer=pending)


# To "do you still want to go ahead?" after severe pain: only an explicit answer counts
# (issue 17). "Yes, I want to go ahead", "I'm sure", "yes go ahead" are a yes; "no", "ok,
# I'll rest" a no; a bare "ok" or "fine" could be either, so the question is asked again.
GO_AHEAD_YES = re.compile(
    r"^\W*(?:(?:ok|okay|right|well|um+|er+|oh)\W+)*(?:yes|yeah|yea|yep|yup|aye|sure|"
    r"definitely|absolutely|certainly|of course|i do|i (?:still )?want to|i'?d like to|"
    r"(?:i'?m|im|i am) (?:sure|certain|positive|ready)|go ahead|let'?s (?:do it|go ahead|go)|"
    r"please|confirm(?:ed)?)\b",
    re.I,
)
GO_AHEAD_NO = re.compile(
    r"\b(?:i'?ll|i will|ill|i should|i'?d better|better|best|gonna|going to) (?:just )?rest\b|"
    r"\brest (?:today|it|up|instead|then)\b|^\W*(?:(?:ok|okay|fine|alright|right)\W+)*rest\b|"
    r"\bleave it\b|\bskip (?:it|today|them)\b|\bsecond thoughts?\b|\bbetter not\b|"
    r"\byou'?re right\b",
    re.I,
)
ONLY_OK = re.compile(
    r"^\W*(?:ok|okay|k|kk|alright|all right|fine|right|hmm+|um+|go on|if you say so)\W*$", re.I
)


def _answers_go_ahead(work: _Turn) -> bool:
    """The answer to the same-day question after severe pain, when it is one: a yes starts
    the easier session, a no ends politely, a bare "ok" gets the question again."""
    text, intent = work.turn.text, work.turn.intent
    button = intent == "affirm" and (not text.strip() or text.strip().startswith("/"))
    if (
        intent == "deny"
        or NO_START.match(text)
        or NOT_TODAY.search(text)
        or GO_AHEAD_NO.search(text)
    ):
        work.set(pending_offer=None)
        work.say_text("Good call. Rest up today, and come back when the pain has settled.")
        return True
    if button or GO_AHEAD_YES.match(text):
        work.set(
            pending_offer=None, plan={**work.plan, "went_ahead_after_pain": work.now}
        )  # one explicit go-ahead also covers "too soon since the last"
        level = p.LEVELS[p.level_index(work.level)]
        work.say_text(
            f"Okay, we'll go ahead carefully, on the easier version: the {level.name}, with"
            " fewer reps. Stop straight away if the pain comes back or goes above"
            f" {work.thresholds.stop_above}."
        )
        red_flag = (work.state.caution or {}).get("reason") == "red_flag"
        _start(work, checked=None if red_flag else "start_anyway")  # a warning sign: its own rule
        return True
    if intent == "affirm" or ONLY_OK.match(text):
        work.say_text(f"I need a clear answer first. {GO_AHEAD_QUESTION}", SEVERE_PAIN_BUTTONS)
        return True
    return False


def _yes_or_no(work: _Turn) -> str | None:
    """ "affirm" or "deny" for a yes/no question, from the intent or the first words."""
    intent, text = work.turn.intent, work.turn.text
    # "cancel" keeps the data only when deleting it was asked: "cancel my reminder" to
    # "did you get all 10?" is not a no.
    keep_it = work.state.pending_offer == "delete_data" and KEEP_IT.search(text)
    if NOT_TODAY.search(text) or intent == "deny" or keep_it:
        return "deny"
    if intent == "affirm" or (YES_START.match(text) and not NO_START.match(text)):
        return "affirm"
    if NO_START.match(text):
        return "deny"
    return None


def _morning_check_due(state: State, session: Session | None, now: float, tz: tzinfo) -> bool:
    """First turn of a new conversation, a day or more after a session with pain."""
    due = state.morning_check
    return (
        due is not None
        and not state.disclaimer_given
        and state.pending_offer != "morning_check"
        and (session is None or session.over)
        and datetime.fromtimestamp(now, tz).date() > datetime.fromtimestamp(due, tz).date()
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


# Intents that steer a session: a question read as one of these is answered instead.
CONTROL_INTENTS = (
    "pause_session", "continue_session", "count_rep", "report_reps", "skip", "stop_session",
    "affirm", "deny", "feel_fine", "repeat", "nlu_fallback", "goodbye", "thank",
)  # fmt: skip
ANSWERABLE = (*conversation.INTENT_TOPICS, "ask_next_session", "ask_progress")


# Asking the coach to say its last words again: "can you repeat that", "what was that?".
ASKS_TO_REPEAT = re.compile(
    r"\b(?:repeat|say (?:that|it|this) again|come again|pardon|what was that|what did you say|"
    r"didn'?t (?:catch|hear) (?:that|it|you)|one more time)\b",
    re.I,
)


def _question_intent(work: _Turn) -> str:
    """A question is answered, never taken as a pause or a count: the classifier's best
    question intent for it, or the intent it gave. A request to repeat stays one."""
    intent = work.turn.intent
    if intent not in CONTROL_INTENTS or not QUESTION_START.match(work.turn.text):
        return intent
    if intent == "repeat" and ASKS_TO_REPEAT.search(work.turn.text):
        return intent
    for ranked in work.turn.ranking:
        if ranked == conversation.QUESTION_INTENT:
            # A question about the exercise the classifier was unsure of: its likeliest
            # answers are offered ("did you mean"), not an intent ranked below it.
            return "nlu_fallback"
        if ranked in ANSWERABLE and ranked not in ("pain", "out_of_scope"):
            return ranked
    return "nlu_fallback"


def _waiting_for_ready(session: Session, now: float) -> bool:
    """The coach has said what comes and waits for "ready": before the first set, the next
    leg named on a speaker, or the rest over (a speaker times it aloud; a chat at rest still
    has its minute to run, and an "ok" then takes in the rest, not ends it)."""
    if session.check or session.awaiting_feedback:
        return False
    if session.phase == "setup" or (session.phase == "active" and session.awaiting_ready):
        return True
    if session.phase != "rest" or session.stopped_for_pain:
        return False  # after pain stopped a set, an "ok" is no go-ahead: the pain settles first
    return session.voice or session.rest_until is None or now >= session.rest_until


WHOLE_SESSION_CHECK = "whole_session"  # numbers for the whole session that miss the plan
# Another session later ("can I fit in a second workout tonight?", "ok to go again
# tomorrow?", "twice a day alright?"): when to go next, never "carry on".
ANOTHER_SESSION_ASKED = re.compile(
    r"\b(?:another|a second|second|2nd|an extra|extra|one more|a further)\s+(?:full\s+)?"
    r"(?:session|workout|sesh|go at (?:it|this|them))\b"
    r"|\b(?:again|twice)\b.*\b(?:tonight|tomorrow|tmrw|later|today|this (?:evening|afternoon)|"
    r"a day|per day|in (?:a|one) day)\b"
    r"|\b(?:tonight|tomorrow|tmrw|later (?:on|today)|this (?:evening|afternoon))\b.*\b(?:again|"
    r"twice)\b"
    r"|\b(?:a|my|the) (?:next )?(?:session|workout)\s+(?:tonight|tomorrow|tmrw|later)\b"
    r"|\btwice (?:a|per|in (?:a|one)) day\b|\b(?:two|2) (?:sessions|workouts) (?:a|per|in "
    r"(?:a|one)) day\b",
    re.I,
)
# "What now?" before the first set: how to get into position, the first leg's plan, then
# say ready.
SETUP_WHAT_NOW = re.compile(
    r"^\W*(?:(?:so|ok|okay|right|well|and|um|erm|er|hmm|alright)\W+)*(?:what now|now what|"
    r"what (?:do|should|shall|must) i (?:do|be doing)(?: now| first| then| next)?|"
    r"what'?s next|what is next|what next|what comes next|what happens (?:now|next)|"
    r"(?:where|how) do i (?:start|begin)|what'?s (?:the )?first (?:step|thing))"
    r"(?:\W+(?:then|now|please|coach))?\W*$",
    re.I,
)


def _another_session_asked(work: _Turn, active: bool) -> bool:
    """ "Can I do another session tonight?": the gap between sessions (from the end of this
    one, if one is under way), then where the user is."""
    text = work.turn.text
    if not (ANOTHER_SESSION_ASKED.search(text) and is_question(text)):
        return False
    if active:
        work.say_text(progression.after_this_session_answer(work.now, work.tz))
        _session_status(work)
    else:
        _next_session(work)
    return True


def _every_set_done(work: _Turn, session: Session) -> bool:
    """ "10 each leg twice, all done", "both sets on both legs", "did the lot": every set of
    the session, recorded, and the session closed. Numbers that do not fit today's plan
    ("10 a side, 3 rounds") are asked about once, with buttons."""
    check = session.check or {}
    asked = check.get("kind") == WHOLE_SESSION_CHECK
    if session.over or (check and not asked):
        return False
    said = numbers.read_whole_session(work.turn.text)
    if asked:
        session.check = None
        count = numbers.read_count(work.turn.text)
        if said is None and count is not None and count.kind != numbers.ALL:
            return False  # "4": a count instead, read as one
        if said is None and not re.search(r"\b(?:yes|yeah|yep|all of it)\b", work.turn.text, re.I):
            work.say_text("Okay: tell me the reps as you go, and I'll count them.")
            work.say([session.status()])
            return True
        reps = said[0] if said is not None and said[0] is not None else check.get("reps")
        work.say(session.did_every_set(reps, work.now))
        _after_session_change(work)
        return True
    if said is None:
        return False
    reps, sets = said
    if session.awaiting_feedback and reps is None and sets is None:
        return False  # "did the lot" to "did you get all 10?": that set, not the session
    if sets not in (None, session.sets, session.sets * len(p.LEGS)) or (
        reps is not None and session.far_above(reps)
    ):
        session.check = {"kind": WHOLE_SESSION_CHECK, "n": sets or 0, "reps": reps}
        each = session.target if reps is None else reps
        work.say_text(
            f"Today's plan is {session.sets} sets of {session.target} on each leg. Did you do"
            f" every set, {each} on each leg?",
            (("Yes, every set", "yes, all of it"), ("No, not all", "not all")),
        )
        return True
    work.say(session.did_every_set(reps, work.now))
    _after_session_change(work)
    return True


def _ordinary(work: _Turn, active: bool) -> bool:
    """Counts, corrections, "ok", "where was I", "let's go", "not today": read by grammar."""
    text, session, now = work.turn.text, work.session, work.now
    if _another_session_asked(work, active):
        return True
    if active and _every_set_done(work, session):
        return True
    if active and session.phase == "setup" and SETUP_WHAT_NOW.match(text):
        work.say_text(p.START_POSITION[0])  # how to get into position, then say ready
        # What comes next too: the first leg's plan, which is what "what now?" asks.
        work.say_text(
            f"First: set {session.set_number}, your {session.leg} leg, {session.target} reps."
        )
        work.say([session.status()])
        return True
    if active:
        if (
            ASKS_IF_OVER.search(text)
            and session.phase == "active"
            and session.set_number >= session.sets
            and session.leg == p.LEGS[-1]
            and (session.awaiting_feedback or session.count >= session.target)
        ):
            # "Are we done now?" after the last set was led: yes, once it is answered.
            work.say_text(
                "Yes, that was the last set: tell me how it went and today's session is complete."
            )
            _session_status(work)
            return True
        if (
            ASKS_IF_OVER.search(text)
            and not re.search(r"\b(?:legs?|sides?|sets?|reps?)\b", text, re.I)
            and not session.check
            and numbers.read_count(text) is None
            and not _count_before_check(text)  # "did 6, all done?": counted first, below
        ):
            # "Am I finished?" before the last set: not yet, and where they are.
            work.say_text(f"Not yet: today's session is {session.sets} sets on each leg.")
            _session_status(work)
            return True
        if session.phase == "rest" and REST_LEFT.search(text):
            work.say(session.rest_left(now))  # "is the minute up?": what's left of the rest
            return True
        remark, go = _remark_then_go(text)
        if (
            session.phase in ("setup", "rest", "paused")
            and _only_felt(remark)
            and not CONFIRMS_ALL.match(text)  # "yeah okay", "fine": as before
            and not _resting_after_pain(work)
            and not numbers.mentions_pain(text)
            and numbers.read_count(remark) is None
        ):
            # "Bit hard but fine" before a set, at rest or paused: heard, then where they
            # are, or the set they asked to start ("tough going, right, next set").
            work.say_text(
                "Thanks for telling me. If the next set feels too hard, lift a little lower and"
                " slower."
                if _HARD_FEELING.search(remark)
                else "Good, thanks for telling me."
            )
            if go:
                work.say(session.ready(now), session.check_buttons())
                _after_session_change(work)
            else:
                _session_status(work)
            return True
        if (
            WHEN_NEXT.search(text)
            and (asks_something(text) or _asks_somewhere(text) or re.search(r"\bwhen", text, re.I))
            and not re.search(r"\b(?:sets?|legs?|sides?|reps?|rounds?|lifts?)\b", text, re.I)
        ):
            # "When do I do the next one?" in a session: the next session, and, at rest and
            # unless a session or a day is named, the next set too.
            named = re.search(r"\b(?:sessions?|workouts?|days?|tomorrow|week)\b", text, re.I)
            if session.phase == "rest" and not named:
                work.say(session.rest_left(now))
            work.say_text(f"After today: {progression.next_session_advice(now, work.tz)}")
            if session.phase != "rest" or named:
                _session_status(work)
            return True
        if _plan_question(work, session):
            return True
        if SHORTFALL.search(text) and _shortfall(work, session.reps, session.target, session):
            return True
        if _fine_to_carry_on(work):
            return True
        # Pain said with a stop or a pause is left to the pain flow and the classifier.
        hurts = numbers.mentions_pain(text) and not numbers.says_no_pain(text)
        if stops_for_today(text) and not is_question(text) and not hurts:
            _stop_for_today(work, session)
            return True
        between = session.phase == "rest" or (
            session.phase == "active" and session.count == 0 and session.total_reps > 0
        )
        if DONE_NOW.match(text) and between and not session.check:
            _stop_for_today(work, session)  # nothing under way: "I'm done" is for today
            return True
        if REST_OVER.search(text) and not is_question(text) and not hurts:
            if session.phase == "rest" or session.paused_from == "rest":
                work.say(session.ready(now), session.check_buttons())
                _after_session_change(work)
            else:
                work.say([session.status()])
            return True
        if SKIP_ALONE.match(text) and session.phase == "active" and not session.awaiting_feedback:
            work.say(session.ask_what_to_skip(), session.check_buttons())
            return True
        if (
            WANTS_A_BREAK.search(text)
            and (not is_question(text) or ASKS_FOR_A_BREAK.search(text))
            and not hurts
            and numbers.read_count(text) is None  # "wait a sec, that was 6 not 7"
            and session.phase in ("setup", "active", "rest")
        ):
            work.say(session.pause())
            return True
        # A question asked while the coach awaits an answer about a count is answered; the
        # coach's question stays open ("how many in total?" is not "that's it").
        if _count_then_done_check(work, session) or _both_legs_batch(work, session):
            return True
        if _batch_for_the_leg_before(work, session):
            return True
        asks = QUESTION_START.match(text) or re.search(r"\b(?:how|what|why|where)\b", text, re.I)
        if (
            session.check
            and NOT_TODAY.search(text)
            and not LETS_GO.match(text)
            and not asks
            and numbers.read_count(text) is None
        ):
            # "Not today" to a question about a count: no answer to it, the end for today.
            session.check = None
            work.say(session.stop(now))
            work.close_session()
            return True
        if (
            session.check
            and work.turn.intent == "pause_session"
            and session.phase in ("active", "rest")
            and not asks
            and numbers.read_count(text) is None
        ):
            work.say(session.pause())  # a pause answers nothing: the question waits
            return True
        if (
            session.check
            and session.phase == "paused"
            and not asks
            and (RESUMES.search(text) or LETS_GO.match(text))
            and numbers.read_count(text) is None
        ):
            # "I'm back, resume" while a question about a count is open: back to the set,
            # never an answer to it (session.resume says what becomes of the question).
            work.say(session.resume(now), session.check_buttons())
            _after_session_change(work)
            return True
        if (
            session.short_paced_leg_open
            and _wants_a_break_or_tired(text)
            and not asks
            and not numbers.mentions_pain(text)
        ):
            # "Tired now" to "carry on, or call that leg done?": the leg as said, then a break.
            _recorded_then_break(work, session, session.count)
            return True
        check_kind = (session.check or {}).get("kind")
        if check_kind == "finished_or_carry_on" and OTHER_LEG_COUNT.match(text):
            session.check = None  # "is that it?" answered by the next leg's count, below
        if session.check and not asks:
            count = None if is_question(text) else numbers.read_count(text)
            if (
                count is not None
                and count.kind == numbers.SET_TO
                and session.check.get("kind") in ("voice_total", "ask_total")
                and not CORRECTS_EARLIER.search(text)
            ):
                count = numbers.Count(numbers.FINISHED, count.value, True)  # "no, only 6"
            if (
                session.check.get("kind") == "voice_total"
                and count is not None
                and count.kind in (numbers.TOTAL, numbers.COUNT)
                and 0 < count.value < session.target
            ):
                count = numbers.Count(numbers.FINISHED, count.value, True)  # "I did 8"
            vague = _vague(work)
            answer = None if vague else _yes_or_no(work)
            intent = answer or ("continue_session" if vague else work.turn.intent)
            if session.check.get("kind") == "voice_total" and (
                (count is None and (CONFIRMS_ALL.match(text) or _felt_all_right(text)))
                or _done_and_felt(text)
            ):
                # "fine", "yeah good", "next" to "did you do all 10?": yes, all of them.
                answer = intent = "affirm"
            if (
                session.check.get("kind") == "voice_total"
                and count is None
                and answer is None
                and intent == "feel_fine"
            ):
                # "much better" to "did you do all 10?": how it felt, not how many. Asked
                # again once; said a second time, the set is taken as led, and said so.
                # "That was hard" may mean fewer: asked again, never assumed.
                lines = (
                    session.ask_voice_total()
                    if _UNEASY_FEELING.search(text)
                    else session.unclear_voice_answer(now)
                )
                work.say(lines, session.check_buttons())
                _after_session_change(work)
                return True
            lines = session.answer_check(text, intent, count, now)
            if lines:
                work.check_answered = True
                work.say(lines, session.check_buttons())
                _after_session_change(work)
                return True
        left_to_do = re.search(r"\b(?:left|to go|remaining|more to do)\b", text, re.I)
        in_total = re.search(
            r"\b(?:in all|in total|altogether|all together|overall|so far|total)\b", text, re.I
        )
        if left_to_do and is_question(text) and (in_total or WHOLE_SESSION.search(text)):
            left = session.reps_left_in_session()
            work.say_text(
                f"{left} reps to go in today's whole session: {session.total_reps} done so far."
            )
            _if_the_paced_set_was_done(work, f"that's {left - session.target} to go")
            _session_status(work)
            return True
        said_back = numbers.read_total_said_back(text)
        if not left_to_do and (
            said_back is not None
            or (HOW_MANY_IN_ALL.search(text) and in_total or DONE_TODAY.search(text))
            and is_question(text)
        ):
            if said_back is not None and _count_before_total_check(work, session, text):
                # "8 more. that's 36 in all, right?": the count is applied, then the total checked
                # (not while the count itself is being asked about).
                if not session.check:
                    work.say_text(_checked_total(said_back, session.total_reps))
                return True
            if said_back is not None:  # "that's 20 altogether, right?": yes, or the right one
                work.say_text(_checked_total(said_back, session.total_reps))
            done = session.reps
            legs = ", ".join(f"{leg} {sum(d.get(leg, 0) for d in done)}" for leg in p.LEGS)
            work.say_text(f"So far today: {session.total_reps} reps in all ({legs}).")
            _if_the_paced_set_was_done(work, f"that's {session.total_reps + session.target}")
            _session_status(work)
            return True
        said_count = None if is_question(text) else numbers.read_count(text)
        lost_count_at = said_count is not None and said_count.kind == numbers.SET_TO
        if (
            (
                SWITCHING_LEGS.match(text)
                or numbers.says_switch(text)
                or NEXT_LEG.match(text)
                # "ok next" just after the coach switched legs: on to it, not a rep done.
                or (session.count == 0 and (BARE_NEXT.match(text) or LAST_BLOCK.match(text)))
            )
            and session.phase == "active"
            and not session.awaiting_feedback
            and not session.check
        ):
            if session.awaiting_ready:  # voice: the leg named, and "next" is the go-ahead
                work.say(session.ready(now), session.check_buttons())
                _after_session_change(work)
            elif session.count == 0:  # the coach has switched already: where they are
                work.say([session.status()])
            else:  # the leg is over: all of it, or where they stopped (asked if short)
                work.say(
                    session.said(numbers.Count(numbers.FINISHED), now), session.check_buttons()
                )
                _after_session_change(work)
            return True
        other_leg_count = OTHER_LEG_COUNT.match(text)
        if (
            other_leg_count
            and session.phase == "active"
            and session.count > 0
            and not session.awaiting_feedback
            and not session.check
        ):
            # "2nd side managed 6" mid-leg: this leg ends where it is, the count is the next's.
            # Safest for the record: the part-counted leg keeps only what was said (never
            # credited with reps nobody reported), and no count said is lost to it.
            lines = session.said(numbers.Count(numbers.FINISHED, session.count, True), now)
            if not session.check and session.phase == "active" and session.count == 0:
                said = other_leg_count.group("n") or other_leg_count.group("first")
                value = numbers.value_of(said)
                lines += session.said(numbers.Count(numbers.TOTAL, value, explicit=True), now)
            work.say(lines, session.check_buttons())
            _after_session_change(work)
            return True
        if (
            PADDED.search(text)
            and not is_question(text)
            and not ASKS_IF_I_CAN.match(text)  # "can I do it on a rug" asks
            and said_count is None
            # "On all fours on the rug" before a set: in position, so the set starts (below).
            and not (in_position(text) and session.phase in ("setup", "rest", "paused"))
        ):
            if ASKS_IF_PADDING_IS_OK.search(text):  # "...can I put a towel under them"
                work.say_text(
                    "Yes: a folded towel, a cushion or an exercise mat under your knees makes"
                    " kneeling much kinder on them."
                )
            else:
                work.say_text(
                    "Good: something soft under your knees, a towel, mat or cushion, makes it much"
                    " kinder on them."
                )
            work.say([session.status()])
            return True
        if CHECKS_WHERE.search(text) and not session.check:
            work.say(session.how_many_left())  # "3 to go, yeah?": where they are, said back
            return True
        asks_where = WHERE_AM_I.search(text) is not None
        if asks_where and session.phase == "active" and not session.awaiting_feedback:
            opening = re.split(r"[,;:]|\s+(?:so|and|but|then)\s+(?=how|what|where|which)", text)[0]
            said_first = numbers.read_count(opening) if opening.strip() != text.strip() else None
            if said_first is not None and said_first.value is not None and not is_question(opening):
                # "did 5 so far, how many left": the count, which says where they are.
                work.say(session.said(said_first, now), session.check_buttons())
                _after_session_change(work)
                return True
        if asks_where and not lost_count_at:  # "lost count, I'm on 5" is a count
            other = _other_leg_named(text, session)
            done = session.reps[session.set_number - 1].get(other, 0) if other else 0
            if other and done and session.phase == "active":
                # "how many left on that leg?" just after moving on: the leg they mean.
                short = max(session.target - done, 0)
                gap = f"{short} short of the {session.target}" if short else "all of them"
                work.say_text(f"Your {other} leg this set: {done}, {gap}. We've moved on from it.")
            if ASKS_ABOUT_SETS.search(text) and session.phase == "setup":
                # "how many sets left?" before the first: all of them, then say ready.
                work.say([session.sets_left(), session.status()])
                return True
            if ASKS_ABOUT_SETS.search(text) and session.phase in ("active", "paused", "rest"):
                work.say([session.sets_left()])  # "how many sets left": the sets first
            elif WHAT_NOW.search(text) and session.phase == "rest" and session.stopped_for_pain:
                # "what do I do now?" after pain stopped a set: the plan before the count
                work.say_text(pain.plan_after_a_set_stop(session.level))
            elif WHAT_NOW.search(text) and session.eased and not session.stopped_for_pain:
                # "what now?" in a set eased for pain: the eased plan before the count
                work.say_text(pain.plan_while_eased(session.eased, work.thresholds))
            work.say(session.how_many_left())
            return True
        if (
            session.awaiting_feedback
            and SAYS_STOP.search(text)
            and not is_question(text)
            and numbers.read_count(text) is None
        ):
            # "actually no, let's stop" to "did you get all 10?": a stop, not a "no".
            _stop_for_today(work, session)
            return True
        if (
            session.awaiting_feedback
            and _done_and_felt(text)
            and not (numbers.mentions_pain(text) and not numbers.says_no_pain(text))
        ):
            # "done, that was ok" after a paced set: all of it, confirmed, with how it felt.
            work.say(session.feedback(now))
            _after_session_change(work)
            return True
        if session.awaiting_feedback and said_count is None and SOME_NOT_ALL.search(text):
            session.check = {"kind": "ask_total", "n": session.count}
            work.say_text(f"How many did you manage on your {session.leg} leg?")
            return True
        if (
            session.awaiting_feedback
            and said_count is None
            and not is_question(text)
            and FELT_ONLY.match(text)
        ):
            if _felt_all_right(text):
                work.say(session.feedback(now))  # "fine", "that felt good": all, said back
            elif _UNEASY_FEELING.search(text):
                work.say(session.ask_voice_total(), session.check_buttons())  # "tough one"
            else:  # "ok": nothing about how many, asked once, then taken as led
                work.say(session.unclear_voice_answer(now), session.check_buttons())
            _after_session_change(work)
            return True
        if (
            session.awaiting_feedback
            and not is_question(text)
            and said_count is None
            and work.turn.intent not in ("stop_session", "pause_session", "skip", "goodbye")
        ):
            answer = _yes_or_no(work)
            vague = _vague(work)
            if not vague and (work.turn.intent == "feel_fine" or answer == "affirm"):
                work.say(session.feedback(now))
                _after_session_change(work)
                return True
            if answer == "deny" and not NOT_TODAY.search(text):
                session.check = {"kind": "ask_total", "n": session.count}
                work.say_text(f"How many did you manage on your {session.leg} leg?")
                return True
        count = said_count
        if (
            count is not None
            and count.kind == numbers.SET_TO
            and session.awaiting_feedback
            and not CORRECTS_EARLIER.search(text)
        ):
            # "No, I only did six" to "did you get all 10?": how many, not a correction.
            count = numbers.Count(numbers.FINISHED, count.value, True)
        if (
            session.awaiting_feedback
            and count is not None
            and count.kind == numbers.MORE
            and count.value == 1
            and not count.explicit
            and ONE_SAID.search(text)
        ):
            # "got one" after a paced set: one rep, or a towel fetched? Not all of them: asked.
            work.say(session.ask_voice_total(), session.check_buttons())
            return True
        if session.awaiting_feedback and numbers.all_but_the_last(text):
            # "Did them, but the last one didn't count", "all of them except the last": the
            # set as led, less that rep (not done or not counted, the words fit both).
            kept = max(session.target - 1, 0)
            work.say_text("Okay, all but the last one: I've left that one out.")
            count = numbers.Count(numbers.FINISHED, kept, True, last=True)  # the leg is done
        if count is not None and _felt(text) not in (None, 0):  # "did 8, no pain": a count
            _count_and_pain(work, session, count)
            return True
        if count is not None and session.phase == "setup" and not session.voice:
            count = _batches_so_far(text) or count  # started without "ready": so far, in all
        steps = (
            numbers.read_counts(text)
            if count is not None and not session.awaiting_feedback and session.phase == "active"
            else []
        )
        if steps and not numbers.mentions_pain(text):
            work.say(_said_in_turn(session, steps, now), session.check_buttons())
            _after_session_change(work)
            return True
        if (
            count is not None
            and session.awaiting_feedback
            and _wants_a_break_or_tired(text)
            and not numbers.mentions_pain(text)
            and count.kind in (numbers.FINISHED, numbers.TOTAL, numbers.COUNT, numbers.ALL)
            and (count.value is None or 0 < count.value <= session.target)
        ):
            # "only managed 7, I'm shattered" after a paced set: the 7 kept, then a break
            # before the next leg is led.
            _recorded_then_break(work, session, count.value)
            return True
        if count is not None and not (
            work.turn.intent == "skip"
            or (work.turn.intent == "pain" and numbers.mentions_pain(text))
        ):
            work.say(session.said(count, now), session.check_buttons())
            _after_session_change(work)
            return True
        if (
            TIRED.search(text)
            and not is_question(text)
            and not numbers.mentions_pain(text)
            and session.phase in ("rest", "paused")
        ):
            # Tired between sets: a longer rest, never a change of plan.
            work.say_text(
                "That's fine: rest as long as you need until your strength is back. Tired"
                " muscles lose form, so a longer break beats sloppy reps."
            )
            work.say([session.status()])
            return True
        if (
            TIRED.search(text)
            and not is_question(text)
            and not numbers.mentions_pain(text)
            and session.phase == "active"
        ):
            work.say_text(
                "That's fine: take a breather until your strength is back. Tired muscles lose"
                " form, so a short break beats sloppy reps."
            )
            work.say(session.pause())
            return True
        if (
            NOT_TODAY.search(text)
            and work.turn.intent not in ANSWERABLE
            and not LETS_GO.match(text)  # "changed my mind, let's go"
        ):
            if session.phase == "setup" and not session.total_reps:
                work.session = None
                work.set(session=None)
                work.say_text("Okay, no session today. Say start my session whenever you're ready.")
                work.set(last_topic=DECLINED_SESSION_TOPIC)
            else:
                work.say(session.stop(now))
                work.close_session()
            return True
        ready_for_it = ASSENT.match(text) and _waiting_for_ready(session, now)
        if ACKNOWLEDGE.match(text) or ready_for_it:
            if _at_a_pain_rest(session):
                work.say(_assent_at_a_pain_rest(session, now), session.check_buttons())
                _after_session_change(work)
            elif session.awaiting_feedback:
                work.say(session.unclear_voice_answer(now), session.check_buttons())
                _after_session_change(work)
            elif ready_for_it:
                # "ok", "fine", "go on then" where the coach waits for ready: the go-ahead.
                work.say(session.ready(now), session.check_buttons())
                _after_session_change(work)
            else:
                work.say([session.status()])
            return True
        if (
            LETS_GO.match(text)
            or START_REQUEST.match(text)
            or (in_position(text) and session.phase in ("setup", "rest", "paused"))
            or (START_AT_END.search(text) and session.phase == "setup" and not is_question(text))
        ):
            work.say(session.ready(now), session.check_buttons())
            _after_session_change(work)
            return True
        return False
    if (
        SESSION_OVER_QUESTION.search(text)
        and _ended_within(work, RECENT_SESSION_SECONDS)
        and _todays_session(work) is not None
    ):
        work.say_text("Yes, that's today's session finished.")
        _todays_totals(work)
        return True
    if (
        WHERE_AM_I.search(text)
        and ASKS_WHATS_LEFT.search(text)
        and _ended_within(work, RECENT_SESSION_SECONDS)
        and _todays_session(work) is not None
    ):
        # "How many sets are left?" just after the end: none, today's session is done.
        work.say_text("None left: today's session is finished.")
        _todays_totals(work)
        return True
    if (
        TIRED.search(text)
        and not is_question(text)
        and not numbers.mentions_pain(text)
        and _ended_within(work, RECENT_SESSION_SECONDS)
    ):
        # Tired just after a session: that is the work done; rest until the next one.
        work.say_text(
            "That's normal after a session: your muscles have worked. Rest and recover now."
        )
        work.say_text(progression.next_session_advice(_last_session(work)["ended_at"], work.tz))
        return True
    if DONE_FOR_TODAY.match(text) and _ended_within(work, RECENT_SESSION_SECONDS):
        work.say_text("That's it for today: well done, and rest up.")
        work.say_text(progression.next_session_advice(_last_session(work)["ended_at"], work.tz))
        return True
    said_back = numbers.read_total_said_back(text)
    if (
        said_back is not None
        or HOW_MANY_IN_ALL.search(text)
        or DONE_TODAY.search(text)
        or (JUST_DONE.search(text) and _ended_within(work, RECENT_SESSION_SECONDS))
    ) and _todays_session(work) is not None:
        _todays_totals(work, said_back)
        return True
    if DONE_TODAY.search(text) and is_question(text):
        work.say_text(NOTHING_TODAY)
        return True
    if TODAYS_SESSION.search(text) and (work.session is None or work.session.over):
        _todays_plan(work)  # "what's on for today?": the plan, then an offer to start it
        return True
    if _eased_plan_next_time(work):
        return True
    if WHEN_NEXT.search(text) or _says_when_last_done(work):
        _next_session(work)
        return True
    if (
        WHERE_AM_I.search(text)
        and work.turn.intent not in ("ask_progress",)
        and not _asks_beyond_where_am_i(text)
    ):
        if work.history:
            _next_session(work)
        else:
            work.say_text(answers.NO_SESSION)
        return True
    if conversation.CAN_I_EXERCISE.search(text):
        _can_i_exercise(work)
        return True
    if _plan_question(work, None):
        return True
    if (
        START_REQUEST.match(text)
        or conversation.ASKS_TO_START.match(text.replace("?", " "))
        or START_WISH_AT_END.search(text)
    ):
        _start(work)  # "can we start?", "ready for set one": a request, not a question
        return True
    if conversation.DEFERS_TO_LATER.search(text) and not (
        asks_something(text) or conversation.a_part_asks(text)
    ):
        work.say_text("Okay, no problem. Say start my session whenever you want to exercise.")
        work.set(last_topic=DECLINED_SESSION_TOPIC)
        return True
    late = None if is_question(text) else numbers.read_count(text)
    if late is not None and _unconfirmed_set_count(work, late):
        return True  # "all of them" after stopping with a paced set unconfirmed
    if late is not None and _ended_within(work, RECENT_SESSION_SECONDS) and _late_count(work, late):
        return True  # "did the final 3" just after the end: that session's record
    if asks_something(text):
        return False  # "could I hold for 6 instead": a question, never a count
    if STARTS_A_SESSION.search(text) and (
        work.turn.intent in (*CONTROL_INTENTS, "start_session", "ask_next_session")
        or WANTS_TO_START.search(text)
    ):
        _start(work)
        return True
    if (
        LETS_GO.match(text)
        or LETS_GO.match(ALL_CLEAR.sub(" ", text))
        or (START_AT_END.search(text) and not is_question(text))
    ):
        _start(work)  # "start then", "let's do this, no pain": whatever the classifier thought
        return True
    count = _batches_so_far(text) or numbers.read_count(text)
    said = numbers.parse_number(text.split()[-1]) if text.split() else None
    if count is not None and count.kind == numbers.ALL and isinstance(said, int) and said > 0:
        count = numbers.Count(numbers.TOTAL, said, True)  # "did all 10", no session yet: 10
    if numbers.counts_reps(count) and not _ended_within(work, RECENT_SESSION_SECONDS):
        _start(work, count=count)  # already exercising: a session, counting from there
        return True
    if count is not None and count.kind not in numbers.CORRECTIONS:
        work.say_text(answers.NO_SESSION)  # "done" with nothing running: how to start one
        return True
    if (
        NOT_TODAY.search(text)
        and work.turn.intent not in ANSWERABLE
        and not conversation.a_part_asks(text)  # "another day - what does it work?"
    ):
        work.say_text("Okay, no problem. Say start my session whenever you want to exercise.")
        work.set(last_topic=DECLINED_SESSION_TOPIC)
        return True
    if ACKNOWLEDGE.match(text) and work.turn.intent in CONTROL_INTENTS:
        work.say_text(answers.ANYTHING_ELSE)
        return True
    return False


# A check that the leg or set is over, said after a count: "3 more, that's the first leg
# done right?"
CHECKS_LEG_DONE = re.compile(
    r"[,;.!-]?\s*(?:(?:so|and)\s+)?(?:that'?s|thats|that is|is that|does that make|so)\s+"
    r"(?:(?:the|my|this|that|it for the|it for my|it for this)\s+)?"
    r"(?:(?:first|second|left|right|other|last|1st|2nd)\s+)?(?:leg|side|set|one)\s+"
    r"(?:done|finished|over|complete|completed|sorted)\W*"
    r"(?:right|yeah|yes|then|now|is it|isn'?t it|correct|yep)?\W*\?\W*$",
    re.I,
)


# A check that today's session is over, said after a count: "9 on the other leg, that's
# everything?", "and 10, are we finished for today?".
CHECKS_ALL_DONE = re.compile(
    r"[,;.!-]?\s*(?:(?:so|and|ok)\s+)*(?:(?:that'?s|thats|that is|is that|was that)\s+"
    r"(?:it|all|everything|the lot|the session|the whole session|us|me)(?:\s+(?:done|finished))?|"
    r"(?:are|am|were)\s+(?:we|i)\s+(?:all\s+)?(?:done|finished|through)|"
    r"(?:all\s+)?(?:done|finished)|(?:do|did)\s+(?:we|i)\s+finish)"
    r"(?:\s+(?:for|with)\s+(?:today|now|the day|the session|this session))?\W*"
    r"(?:right|yeah|yes|then|now|is it|isn'?t it|correct|yep|innit)?\W*\?\W*$",
    re.I,
)


def _count_before_check(text: str) -> bool:
    """A count said before a check that the leg or the session is over."""
    check = CHECKS_LEG_DONE.search(text) or CHECKS_ALL_DONE.search(text)
    return (
        check is not None
        and check.start() > 0
        and numbers.read_count(text[: check.start()]) is not None
    )


def _count_then_done_check(work: _Turn, session: Session) -> bool:
    """A count, then whether it ends the leg or the session: the count is counted, and the
    answer is what it leads to ("10 on your left leg ... switch", or what is still to go)."""
    leg_check = CHECKS_LEG_DONE.search(work.turn.text)
    check = leg_check or CHECKS_ALL_DONE.search(work.turn.text)
    if check is None or session.phase != "active" or session.awaiting_feedback:
        return False
    head = work.turn.text[: check.start()]
    steps = _both_legs_steps(head, session)
    if steps is None:
        count = numbers.read_count(head)
        # a bare running count too ("6, all done?"): counted, then answered from the state
        said_kinds = (numbers.MORE, numbers.TOTAL, numbers.COUNT)
        if count is None or count.value is None or count.kind not in said_kinds:
            return False
        if _names_a_leg_not_under_way(head, session):
            return False
        steps = [count]
    leg = session.leg
    lines = _said_for_each(session, steps, work.now)
    if session.over:
        lines.insert(0, Line("Yes, that's everything: today's session is complete."))
    elif session.leg != leg or session.phase != "active":
        answer = "Yes," if leg_check else "Not yet:"  # a leg is over, the session is not
        lines.insert(0, Line(f"{answer} that's your {leg} leg done."))
    elif not session.check:
        lines.insert(0, Line("Not yet."))
    work.say(lines, session.check_buttons())
    _after_session_change(work)
    return True


def _both_legs_steps(text: str, session: Session) -> list[numbers.Count] | None:
    """ "10 + 10 done" on a set's first leg: a total for each leg of the set, in order."""
    both = numbers.read_both_legs(text)
    if both is None or session.leg != p.LEGS[0] or session.check:
        return None
    return [numbers.Count(numbers.FINISHED, n, explicit=True) for n in both]


def _names_a_leg_not_under_way(text: str, session: Session) -> bool:
    """A batch for the set's first leg said once the second is under way ("9 with the first
    leg" after the switch) is not the second leg's."""
    first = re.search(r"\b(?:first|1st)\s+(?:leg|side)\b|\bwith the first\b", text, re.I)
    return bool(first) and session.leg != p.LEGS[0]


def _batch_for_the_leg_before(work: _Turn, session: Session) -> bool:
    """ "9 with the first leg" once the second is under way: never the second leg's reps;
    what the first leg has this set, and where the user is."""
    if session.phase != "active" or session.check or session.awaiting_feedback:
        return False
    count = numbers.read_count(work.turn.text)
    if count is None or count.kind not in (numbers.MORE, numbers.TOTAL):
        return False
    if not _names_a_leg_not_under_way(work.turn.text, session):
        return False
    first = p.LEGS[0]
    done = session.reps[session.set_number - 1].get(first, 0)
    work.say_text(f"Your {first} leg is behind us this set, with {done} counted on it.")
    work.say([session.status()])
    return True


def _both_legs_batch(work: _Turn, session: Session) -> bool:
    """Both legs' batches in one message ("10 and 10", "ten each side"): each leg counted."""
    if session.phase != "active" or session.awaiting_feedback:
        return False
    steps = _both_legs_steps(work.turn.text, session)
    if steps is None:
        return _both_legs_on_the_second(work, session)
    work.say(_said_for_each(session, steps, work.now), session.check_buttons())
    _after_session_change(work)
    return True


def _both_legs_on_the_second(work: _Turn, session: Session) -> bool:
    """ "10 and 10" once the first leg is counted and the second under way: the first leg
    keeps what it has, the second number is the second leg's, and the coach says so."""
    both = numbers.read_both_legs(work.turn.text)
    if both is None or session.leg != p.LEGS[1] or session.check:
        return False
    first = p.LEGS[0]
    done = session.reps[session.set_number - 1].get(first, 0)
    kept = "already has its" if both[0] == done else "stays at the"
    counted = session.count
    if both[1] < counted:
        # "2 on both legs" with 3 already counted on this leg: 2 more, or a slip? Asked.
        work.say_text(f"Your {first} leg {kept} {done}.")
        work.say(session.ask_more_or_total(both[1]), session.check_buttons())
        return True
    # Reps already counted on this leg are part of its total, never added to it again.
    so_far = f" (with the {counted} you'd counted on it)" if counted else ""
    work.say_text(
        f"Your {first} leg {kept} {done}, so I've taken the {both[1]} as this leg's{so_far}."
    )
    step = numbers.Count(numbers.FINISHED, both[1], explicit=True)
    work.say(session.said(step, work.now), session.check_buttons())
    _after_session_change(work)
    return True


def _said_for_each(session: Session, steps: list[numbers.Count], now: float) -> list[Line]:
    """A leg's count each, in order: the next only once the one before finished its leg."""
    lines: list[Line] = []
    for step in steps:
        leg = session.leg
        lines += session.said(step, now)
        if session.check or session.phase != "active" or session.leg == leg:
            break
    return lines


def _batches_so_far(text: str) -> numbers.Count | None:
    """Batches said in one message before any set was counted ("did 4, then the dog came
    over, then 3 more"): the reps so far, in all."""
    steps = numbers.read_counts(text)
    if not steps or any(step.kind != numbers.MORE for step in steps):
        return None
    return numbers.Count(numbers.TOTAL, sum(step.value or 1 for step in steps))


def _said_in_turn(session: Session, steps: list[numbers.Count], now: float) -> list[Line]:
    """Several counts in one message ("did 3 then another 2", "oops it was 3, and 2 more
    since"), applied in order: what the last says, and any leg or set finished on the way.
    A question about a count, or the set ending, stops there."""
    lines: list[Line] = []
    for at, step in enumerate(steps):
        where = (session.set_number, session.leg, session.phase)
        # "undo that and add 2": the undo, followed by what replaces it, is the whole batch.
        replaced = step.kind == numbers.LESS and step.value is None and at < len(steps) - 1
        said = session.said(step, now, confirmed=replaced)
        moved = (session.set_number, session.leg, session.phase) != where
        lines = [*lines, *said] if moved else said
        if session.check or session.phase != "active" or moved:
            break
    return lines


# A count said this soon after a session ended is about that session, not a new one.
RECENT_SESSION_SECONDS = 3600


SAFETY_QUESTIONS = (safety.CHECK, safety.SCREENING, safety.CLINICIAN)
LATE_REPS_BUTTONS = (("Yes, add them", "/affirm"), ("No, leave it", "/deny"))


def _late_count(work: _Turn, count: numbers.Count) -> bool:
    """A count said just after a session ended belongs to that session: put into its
    record where it plainly goes (the last leg counted), else asked about."""
    history = work.history
    last = history[-1] if history and isinstance(history[-1], dict) else None
    if last is None or last is not _last_session(work):
        return False
    correction = count.kind in (numbers.SET_TO, numbers.LESS) and count.value is not None
    if not (numbers.counts_reps(count) or correction or count.kind == numbers.ALL):
        return False
    rest = (
        " No more today, though: after that pain, rest is the right call."
        if stopped_for_pain(last)
        else ""
    )
    placed = late_count(last, count)
    if placed is not None:
        record, said = placed
        work.set(history=[*history[:-1], record])
        work.say_text(said + rest)
        return True
    n = count.value
    if count.kind not in (numbers.MORE, numbers.TOTAL, numbers.COUNT) or not n or n > 100:
        return False
    if work.state.pending_offer in SAFETY_QUESTIONS:
        return False  # a safety question is open: it is not replaced by one about reps
    work.say_text(
        f"Today's session has already finished, with {last.get('total_reps', 0)} reps"
        f" recorded. Shall I add these {n} to it?{rest}",
        LATE_REPS_BUTTONS,
    )
    work.set(pending_offer="late_reps", plan={**work.plan, "late_reps": n})
    return True


def _answer_late_reps(work: _Turn, answer: str) -> None:
    plan = {key: value for key, value in work.plan.items() if key != "late_reps"}
    n = work.plan.get("late_reps")
    history = work.history
    work.set(pending_offer=None, plan=plan)
    if answer == "affirm" and isinstance(n, int) and history and isinstance(history[-1], dict):
        record, said = add_late_reps(history[-1], n)
        work.set(history=[*history[:-1], record])
        work.say_text(said)
    else:
        work.say_text("Okay, I've left that session's record as it was.")


def _asks_beyond_where_am_i(text: str) -> bool:
    """ "12 a leg is simple now, whats next" asks about more than where the user is:
    with no session running, the rest of the message is the question, as is a step up
    asked for."""
    rest = re.sub(r"[^\w' ]+", " ", WHERE_AM_I.sub(" ", text)).split()
    # "too easy, what next": however short, a step up asked for, not where they are
    return len(rest) >= 4 or bool(WANTS_TO_STEP_UP.search(text))


def _eased_plan_next_time(work: _Turn) -> bool:
    """ "What should I try next time?" after pain stopped the last session: the eased plan."""
    last = _last_session(work)
    if not ASKS_WHAT_TO_TRY_NEXT.search(work.turn.text) or last is None:
        return False
    if not stopped_for_pain(last):
        return False
    work.say_text(
        "After the pain that stopped your last session, go easier next time."
        f" {_next_session_plan(work, physio_note=False)}"
    )
    return True


def _last_session(work: _Turn) -> dict | None:
    return progression.last_session([r for r in work.history if isinstance(r, dict)])


def _ended_within(work: _Turn, seconds: float) -> bool:
    last = _last_session(work)
    ended = last.get("ended_at") if last is not None else None
    return isinstance(ended, int | float) and 0 <= work.now - ended <= seconds


def _todays_session(work: _Turn) -> dict | None:
    last = _last_session(work)
    if last is None or not isinstance(last.get("ended_at"), int | float):
        return None
    ended = datetime.fromtimestamp(last["ended_at"], work.tz).date()
    return last if ended == _now_local(work).date() else None


NOTHING_TODAY = (
    "No reps recorded today: nothing was counted in a session yet. Say start my session"
    " when you want to do your sets, and I'll count with you."
)


# Where a message's leading count ends and a total check begins: "6 more. that's 26, right?"
COUNT_THEN_CHECK = re.compile(r"[.,;!]+\s*|\s+(?:so|and)\s+(?=that|thats|that's|its|it's|is)")


def _count_before_total_check(work: _Turn, session: Session, text: str) -> bool:
    """A count said before a total check in one message: recorded first, the check after."""
    if session.phase != "active" or session.awaiting_feedback or session.check:
        return False
    parts = COUNT_THEN_CHECK.split(text.strip(), maxsplit=1)
    if len(parts) < 2 or numbers.read_total_said_back(parts[1]) is None:
        return False  # "I'm on 25 overall now, right?": one total checked, no count before it
    opening = parts[0]
    count = numbers.read_count(opening)
    if count is None or count.value is None or is_question(opening):
        return False
    work.say(session.said(count, work.now), session.check_buttons())
    _after_session_change(work)
    return True


def _checked_total(said: int, total: int) -> str:
    """The answer to a total said back ("that's 20 in all, right?"): yes, or the right one."""
    return "Yes, that's right." if said == total else f"Not quite: it's {total}."


def _todays_totals(work: _Turn, said_back: int | None = None) -> None:
    """ "How many did I do altogether?" after today's session: its reps, then what's next."""
    record = _todays_session(work)
    if not record.get("total_reps"):
        work.say_text(NOTHING_TODAY)
        return
    if said_back is not None:
        work.say_text(_checked_total(said_back, record["total_reps"]))
    per_set = reps_by_set(record.get("reps") or [])
    total = record.get("total_reps", 0)
    took = time_taken(record["ended_at"] - record.get("started_at", record["ended_at"]))
    work.say_text(f"Today's session: {total} reps in all ({per_set}). Time: {took}.")
    work.say_text(progression.next_session_advice(record["ended_at"], work.tz))


# "How many did I miss?", "how many short was I": the last leg's target minus what was done.
SHORTFALL = re.compile(
    r"\bhow many (?:did i|have i|i|did we|have we) (?:miss|missed|skip|skipped|lose|lost|drop|"
    r"dropped|fall short|fell short|come short|came short)\b|\bhow (?:many|much|far) short\b|"
    r"\bhow many (?:short|under|fewer|less|off)\b|"
    r"\bhow many (?:was i|am i|did i come|was that|were we) (?:short|under|off|down|missing)\b|"
    r"\bhow many (?:were|are) (?:missing|missed)\b",
    re.I,
)


def _shortfall(work: _Turn, reps: list, target: int, session: Session | None = None) -> bool:
    """The last leg counted: how many short of its target, then where the user is."""
    blocks = [(n, leg) for n in range(len(reps)) for leg in p.LEGS]
    if session is not None and session.phase == "active" and not session.awaiting_feedback:
        current = (session.set_number - 1, session.leg)
        blocks = [b for b in blocks if b != current]  # the leg under way is not yet short
    counted = [(n, leg) for n, leg in blocks if reps[n].get(leg, 0) > 0]
    if not counted or not target:
        if session is None:
            return False
        work.say_text("Nothing missed yet: no leg has been finished so far.")
    else:
        n, leg = counted[-1]
        done = reps[n][leg]
        short = max(target - done, 0)
        work.say_text(
            f"You were {short} short on your {leg} leg in set {n + 1}: {done} of {target}."
            if short
            else f"None: you did all {target} on your {leg} leg in set {n + 1}."
        )
    if session is not None:
        _session_status(work)
    return True


def _stop_for_today(work: _Turn, session: Session) -> None:
    """ "Stopping there, got to go": a count said with it is kept, then the session ends."""
    count = numbers.read_count(work.turn.text)
    if numbers.counts_reps(count) or (count is not None and count.kind == numbers.MORE_INSTEAD):
        session.said(count, work.now)
        session.check = None
    # A paced set the user has not yet confirmed (voice): the stop is at once, and the set
    # is not guessed into the record; the user is told how to add it.
    unconfirmed = not session.over and (
        session.awaiting_feedback
        or (session.check is not None and session.check.get("kind") == "voice_total")
    )
    leg, target = session.leg, session.target
    if not session.over:
        work.say(session.stop(work.now))
    work.close_session()
    if unconfirmed:
        work.say_text(
            f"The set I just led on your {leg} leg ({target} reps) isn't in the record,"
            " because you hadn't told me how it went. Say how many you managed, or all"
            f" {target}, and I'll add them."
        )
        unsaid = {"record": session.record(), "set": session.set_number, "leg": leg}
        work.set(plan={**work.plan, "unconfirmed_set": unsaid})
    if work.turn.intent == "goodbye" or THANKS_WORD.search(work.turn.text):
        work.say_text(answers.GOODBYE)  # stopping with thanks is a leave-taking too


def _unconfirmed_set(work: _Turn) -> dict | None:
    """The paced set a stop just left unconfirmed ({"record", "set", "leg"}), while it can
    still be added: within RECENT_SESSION_SECONDS of that session's end."""
    unsaid = work.plan.get("unconfirmed_set")
    if not isinstance(unsaid, dict) or not isinstance(unsaid.get("record"), dict):
        return None
    ended = unsaid["record"].get("ended_at")
    if not isinstance(ended, int | float) or not 0 <= work.now - ended <= RECENT_SESSION_SECONDS:
        return None
    return unsaid


def _unconfirmed_set_count(work: _Turn, count: numbers.Count) -> bool:
    """How many of a paced set, said just after a stop that left it unconfirmed: put into
    that session's record (saved now if the set was all it had)."""
    unsaid = _unconfirmed_set(work)
    if unsaid is None:
        return False
    stored = unsaid["record"]
    target = stored.get("target") or 0
    if count.kind == numbers.ALL and count.value in (None, target):
        n = target
    elif count.kind in (numbers.TOTAL, numbers.COUNT, numbers.FINISHED) and count.value:
        n = count.value
    else:
        return False
    if not 0 < n <= target:
        return False
    history = list(work.history)
    last = _last_session(work)
    if last is not None and (last.get("ended_at") or 0) > stored["ended_at"]:
        return False  # another session since: not this one's set
    saved = bool(history) and isinstance(history[-1], dict)
    saved = saved and history[-1].get("ended_at") == stored.get("ended_at")
    record = dict(history[-1] if saved else stored)
    reps = [dict(done) for done in record.get("reps") or []]
    number, leg = int(unsaid.get("set") or 1) - 1, str(unsaid.get("leg"))
    if not 0 <= number < len(reps) or leg not in reps[number]:
        return False
    reps[number][leg] = n
    record.update(reps=reps, total_reps=sum(sum(done.values()) for done in reps))
    history = [*history[:-1], record] if saved else [*history, record]
    plan = {key: value for key, value in work.plan.items() if key != "unconfirmed_set"}
    work.set(history=history, plan=plan)
    work.say_text(
        f"Added: {n} on your {leg} leg in set {number + 1}, {record['total_reps']} reps"
        " in today's record."
    )
    return True


def _vague(work: _Turn) -> bool:
    """ "ok", "let's go", "yeah, let's do the other leg": nothing said about the set."""
    text = work.turn.text
    return bool(
        LETS_GO.match(text)
        or ACKNOWLEDGE.match(text)
        or (GO_ON_WORDS.search(text) and _yes_or_no(work) == "affirm")
    )


def _wants_to_carry_on(text: str) -> bool:
    """Asking to carry on, finish or do more: the coach's words and the safety module's."""
    return bool(KEEP_GOING.search(text) or safety.CARRY_ON.search(text))


def _fine_to_carry_on(work: _Turn) -> bool:
    """ "Still a 2, okay to keep going?" mid-session: yes while the pain is in the fine band
    (said now, else reported today); any higher is left to the pain flow."""
    text = work.turn.text
    if not (is_question(text) and _wants_to_carry_on(text)) or STOPPING.search(text):
        return False
    severity = numbers.read_pain_score(text, asked=True)
    in_words = severity is not None and pain.said_in_words(text, severity)
    if severity is None and numbers.mentions_pain(text) and not numbers.says_no_pain(text):
        return False  # hurting, how much unsaid: the pain flow asks
    if severity is None:
        recent = _recent_pain(work) or {}
        severity, in_words = recent.get("severity"), bool(recent.get("in_words"))
    if severity is None:
        work.say_text("Yes, carry on.")
    elif work.thresholds.band(severity) != pain.FINE:
        return False
    else:
        work.say_text(
            f"Yes, carry on: {pain.said_score(severity, in_words)} is fine to work with. Stop"
            f" the set if it goes above {work.thresholds.stop_above}."
        )
    _session_status(work)
    return True


def _plan_question(work: _Turn, session: Session | None) -> bool:
    """ "How long is the break?", "how many should I do?", "what do I do instead?": answered
    from the session (or the user's level), then where the user is."""
    text = work.turn.text
    if not is_question(text) and not QUESTION_START.match(text):
        return False
    active = session is not None and not session.over
    if _asks_rest_length(text):
        if not active:
            return False
        work.say_text(
            f"The rest between sets is {p.REST_BETWEEN_SETS_SECONDS} seconds: a minute is enough"
            " for the muscles to recover before the next set."
        )
    elif HOW_MANY_PLAN.search(text) and (
        active
        or work.turn.intent not in (*ANSWERABLE, conversation.QUESTION_INTENT)
        # "How many each time?": the answer said reps per set; a session is more sets.
        or (work.turn.intent == conversation.QUESTION_INTENT and PER_SESSION.search(text))
    ):
        level = p.LEVELS[p.level_index(session.level if active else work.level)]
        target = session.target if active else level.reps_per_set
        work.say_text(
            f"{'Today' if active else 'At your level'}: {p.SETS_PER_LEG} sets of {target} reps on"
            f" each leg, the {level.name}."
        )
    elif active and (
        (PLAN_TODAY.search(text) and session.phase == "setup") or TODAYS_NUMBERS.search(text)
    ):
        level = p.LEVELS[p.level_index(session.level)]
        work.say_text(
            f"Today: {session.sets} sets of {session.target} reps on each leg, the {level.name},"
            f" with {p.REST_BETWEEN_SETS_SECONDS} seconds of rest between sets."
            + (f" First, your {session.leg} leg." if session.phase == "setup" else "")
        )
    elif (
        HOW_DO_I_DO_THAT.search(text)
        and active
        and session.level != session.started_level
        and session.started_level
    ):
        level = p.LEVELS[p.level_index(session.level)]
        work.say_text(f"The {level.name}: {level.how}")
    elif INSTEAD.search(text) and (active or _recent_pain(work) is not None):
        level = p.LEVELS[p.level_index(session.level if active else work.level)]
        if level.key == work.level and p.level_index(level.key) >= p.level_index("standard"):
            work.say_text(
                "Keep the same lift, but smaller and slower: lift only as high as your lower back"
                " stays still, and stop if it hurts more."
            )
        else:
            work.say_text(f"Do the {level.name} instead: {level.how}")
    else:
        return False
    _session_status(work)
    return True


def _felt(text: str) -> int | None:
    """How a count's message says it felt, 0-10 (-1: it hurt, how much unsaid), or None."""
    if not (numbers.mentions_pain(text) or PAIN_BAND.search(text)):
        return None
    clauses = [c for c in CLAUSES.split(text) if c and c.strip()]
    for clause in clauses:
        band = PAIN_BAND.search(clause)
        if not (numbers.mentions_pain(clause) or band):
            continue
        if numbers.says_no_pain(clause):
            return 0
        score = numbers.read_pain_score(clause)
        if score is None and numbers.read_count(clause) is None:
            score = numbers.read_pain_score(clause, asked=True)  # "it got to about a six"
        if score is None and band:
            score = numbers.PAIN_WORDS.get(band.group(0).lower())  # "did all ten, it was mild"
        return score if score is not None else -1
    return None


def _wants_a_break_or_tired(text: str) -> bool:
    return bool(WANTS_A_BREAK.search(text) or TIRED.search(text))


def _last_leg_count(session: Session) -> int | None:
    """Reps on the leg counted just before the one the session is on now."""
    if session.phase != "active" or session.count or session.awaiting_feedback or session.check:
        return None
    at = p.LEGS.index(session.leg)
    if at > 0:
        return session.reps[session.set_number - 1].get(p.LEGS[at - 1]) or None
    if session.set_number > 1:
        return session.reps[session.set_number - 2].get(p.LEGS[-1]) or None
    return None


def _hurts_now(text: str) -> bool:
    """A report of pain, not a question about it nor knees sore from a hard floor."""
    return (
        numbers.mentions_pain(text)
        and not numbers.says_no_pain(text)
        and not asks_something(text)
        and not KNEES_ON_A_HARD_FLOOR.search(text)
    )


def _no_pain_after_set(text: str) -> bool:
    """ "Zero pain", "fine, zero", "no pain though, just tired, can I have a longer break":
    the paced set is confirmed done, with pain 0 (and maybe a break wanted)."""
    if NO_PAIN_SCORE.match(text):
        return True
    if numbers.read_count(text) is not None:
        return False
    return bool(
        numbers.says_no_pain(text)
        and (not is_question(text) or _wants_a_break_or_tired(text))
        and not SOME_NOT_ALL.search(text)
    )


def _set_done_without_pain(work: _Turn, session: Session) -> None:
    """The paced set done with no pain; tired or asking for a break: a pause follows."""
    if _wants_a_break_or_tired(work.turn.text):
        _recorded_then_break(work, session)
        return
    work.say(session.feedback(work.now), session.check_buttons())
    _after_session_change(work)


def _recorded_then_break(work: _Turn, session: Session, reps: int | None = None) -> None:
    """Voice: the paced leg recorded (all of it, or `reps`), then a break before the next."""
    lines = session.feedback_then_break(work.now, reps)
    if not session.over:
        lines.insert(
            1,
            Line(
                "Being tired is fine, and it isn't pain: take as long a break as you need."
                " Tired muscles lose form, so rest until you feel fresh."
            ),
        )
    work.say(lines, session.check_buttons())
    _after_session_change(work)


# "7 - my knee aches, about a 2": a number, a mark, then pain with its own score.
_COUNT_THEN_PAIN = re.compile(r"^\s*(?P<count>\w+)\s*[-\u2013\u2014,:;]+\s*(?P<pain>\S.*)$")


def _count_then_scored_pain(text: str) -> tuple[numbers.Count, int] | None:
    """The count said first and the pain after it, scored on its own: the leading number is
    how many, the later one how much it hurts. Without a second score it stays ambiguous."""
    match = _COUNT_THEN_PAIN.match(text)
    if not match:
        return None
    count = numbers.read_count(match.group("count"))
    said = match.group("pain")
    if count is None or count.value is None or not numbers.mentions_pain(said):
        return None
    score = numbers.read_pain_score(said)
    return None if score is None else (count, score)


def _count_with_pain(text: str) -> bool:
    """ "Got to five and it's unbearable": a count that says how many, and pain beside it.
    A bare number is not enough ("my back hurts, 6" is a score)."""
    if is_question(text):
        return False
    leading = _count_then_scored_pain(text)
    if leading:
        return leading[1] > 0
    count = numbers.read_count(text)
    says_how_many = count is not None and (
        count.kind in (numbers.ALL, numbers.FINISHED, numbers.TOTAL)
        or (count.kind == numbers.MORE and count.explicit)
    )
    return says_how_many and _felt(text) not in (None, 0)


def _paced_count_and_score(session: Session, text: str) -> tuple[numbers.Count, int] | None:
    """Voice, to "did you get all 10, and how did it feel?": a count in one clause and a
    pain score in another ("about 7, hurts like a 6", "did 8, pain's a 5"): both, or None."""
    if not (session.phase == "active" and session.awaiting_feedback) or is_question(text):
        return None
    count = score = None
    for clause in (c for c in CLAUSES.split(text) if c and c.strip()):
        hedged = numbers.hedged_count(clause)  # "I'd say eight": a count, never a score
        scored = None if hedged is not None else numbers.read_pain_score(clause)
        if scored is not None and score is None:
            if not numbers.says_a_plain_number(clause):
                return None  # "maybe 7, really sore": the 7 may be how bad; pain reads it
            score = scored
            continue
        said = numbers.read_count(clause if hedged is None else str(hedged))
        if said is not None and count is None and not numbers.mentions_pain(clause):
            count = said
    if count is None or score is None or score <= 0:
        return None
    if count.kind not in (numbers.COUNT, numbers.TOTAL, numbers.ALL, numbers.FINISHED):
        return None
    if count.value is not None and count.value > session.target:
        return None
    return count, score


def _count_and_pain(work: _Turn, session: Session, count: numbers.Count) -> None:
    """A count with pain in the same message: the count is kept, then the pain is acted on.
    Pain that stops the set keeps the count where the user stopped instead of moving on."""
    leading = _count_then_scored_pain(work.turn.text) or _paced_count_and_score(
        session, work.turn.text
    )
    if leading:
        count = leading[0]
    severity = leading[1] if leading else _felt(work.turn.text)
    report = _pain_report(work)
    stops = severity is not None and severity >= 0
    stops = stops and work.thresholds.band(severity) == pain.STOP
    if stops and session.phase == "active" and count.kind != numbers.LESS:
        done = session.target if count.value is None else count.value
        if count.kind == numbers.MORE:
            done = session.count + (count.value or 1)
        session.awaiting_feedback = False
        session.reps[session.set_number - 1][session.leg] = max(min(done, 100), 0)
    else:
        work.say(session.said(count, work.now), session.check_buttons())
        session.check = None
        if session.over:
            work.close_session()
    if severity is None or severity < 0:
        work.say_text(pain.ASK_SEVERITY)
        work.set(pending_offer="pain_severity", pending_pain=_report_dict(report))
        return
    _act_on_pain(work, pain.PainReport(**{**report.__dict__, "severity": severity}))


# Words that make a number put right a count of reps, not a pain score.
REPS_SAID = re.compile(r"\b(?:reps?|lifts?|did|done|managed|repetitions?)\b", re.I)
# A pain score said a moment ago can be taken back ("typo, I meant 3 not 9") this long after.
PAIN_CORRECTION_SECONDS = 30 * 60


def _corrected_pain(work: _Turn, active: bool) -> bool:
    """ "Sorry, I meant 3 not 9" just after a pain score: the score is replaced, and what
    the old one changed (level, caution, the record) is undone and the advice said again.
    In a set, only a correction that names the old score ("3 not 5") is about pain."""
    recent = _recent_pain(work)
    if recent is None or not 0 <= work.now - recent["at"] <= PAIN_CORRECTION_SECONDS:
        return False
    score, old = numbers.read_score_correction(work.turn.text), recent.get("severity")
    if score is None or score == old:
        return False
    if REPS_SAID.search(work.turn.text) and not numbers.mentions_pain(work.turn.text):
        return False  # "I actually did 6", "I meant 6 reps": the reps put right, not the pain
    names_old = re.search(rf"\bnot (?:an? )?{old}\b", work.turn.text, re.I)
    if active and not (
        (names_old and old != work.session.count) or numbers.mentions_pain(work.turn.text)
    ):
        return False
    work.say_text(f"Okay, I've changed your pain score to {score} out of 10.")
    if active:
        work.session.pain = _without_last(work.session.pain, old, score)
        work.set(plan={**work.plan, "recent_pain": {**recent, "severity": score}})
        _session_status(work)
        return True
    _replace_recent_pain(work, recent, score)
    return True


def _replace_recent_pain(work: _Turn, recent: dict, score: int) -> None:
    """Out of a session, today's last pain score replaced: what the old one changed (level,
    caution, the record) is undone, and the advice is said for the new one."""
    old = recent.get("severity")
    caution = work.state.caution or {}
    if caution.get("reason") == "pain":
        work.set(caution=None)
    if recent.get("level_before"):
        work.set(level=recent["level_before"])
        work.state.level = recent["level_before"]
    history = work.history
    last = history[-1] if history and isinstance(history[-1], dict) else None
    if last is not None and old in (last.get("pain") or []):
        # The new score goes into the record as the advice is said again (below).
        pains = _without_last(last["pain"], old)
        work.set(history=[*history[:-1], {**last, "pain": pains}])
    plan = {key: value for key, value in work.plan.items() if key != "recent_pain"}
    work.set(plan=plan, pending_offer=None)
    _act_on_pain(work, pain.PainReport(severity=score))


def _without_last(values: list, old: Any, new: Any = None) -> list:
    """The list with its last `old` replaced by `new` (dropped if None)."""
    at = len(values) - 1 - values[::-1].index(old)
    return [*values[:at], *([] if new is None else [new]), *values[at + 1 :]]


def _after_red_flag(work: _Turn) -> bool:
    """Asking to carry on after a red flag today: no, and the check comes first."""
    caution = work.state.caution or {}
    at = caution.get("at")
    if caution.get("reason") != "red_flag" or not isinstance(at, int | float):
        return False
    if work.now - at > 12 * 3600 or work.turn.intent == "start_session":
        return False  # starting a session asks about the check itself
    if not (_wants_to_carry_on(work.turn.text) or LETS_GO.match(work.turn.text)):
        return False
    work.say_text(
        "Please don't carry on with the exercise. What you told me needs a doctor's check"
        " first: follow the advice I gave you, and only exercise again once a doctor or"
        " physio has said it's okay."
    )
    return True


# Going again today, in any words: "start again", "try again", "go again", "one more go",
# "restart", "let's continue", "pick up where I left off", "back to it".
GO_AGAIN = re.compile(
    r"\b(?:start|begin|go|try|do (?:it|them|some|the (?:session|exercises?|lifts)))"
    r"(?: (?:it|them|things|the session))?(?: all)? (?:again|over|back up)\b|"
    r"\bre-?start(?:ing)?\b|\bresum(?:e|ing)\b|\bre-?try\b|"
    r"\b(?:another|one more|a second|one last|a fresh) (?:go|try|attempt|round|session|shot|crack|"
    r"bash|set)\b|\bcarry on\b|\bcontinu(?:e|ing)\b|\bkeep going\b|"
    r"\bpick (?:it |things |the session )?(?:back )?up\b|"
    r"\b(?:get|go|going|getting) back (?:to|into|on)"
    r" (?:it|them|the (?:session|exercises?|lifts))\b|"
    r"\bback (?:at|to|on) it\b",
    re.I,
)
# Asked for, not only mentioned: a question, a "let's"/"can I", or the words on their own.
GO_AGAIN_ASKED = re.compile(
    r"\b(?:let'?s|lets|can|could|shall|may|want to|wanna|i'?d like to|id like to|ready to|"
    r"happy to|ok to|okay to|fine to|good to|alright to|please|how about|what about)\b|"
    r"^\W*(?:(?:ok|okay|right|so|well|now|alright)\W+)*(?:start|restart|re-start|resume|try|"
    r"carry on|continue|keep going|go again|one more|another)\b",
    re.I,
)
NOT_GOING_AGAIN = re.compile(
    r"\b(?:won'?t|wont|not going to|shan'?t|don'?t (?:want|think)|no more|never)\b", re.I
)


def _asks_to_go_again_today(work: _Turn) -> bool:
    """Doing more today, in any words: going again, carrying on, a few more reps, or the
    classifier's doing-more intents asked as a question. Not a later day ("can I try again
    tomorrow?" is about the next session) and not a refusal ("I won't try again today")."""
    text, intent = work.turn.text, work.turn.intent
    if NOT_GOING_AGAIN.search(text) or NOT_TODAY.search(text) or STOPPING.search(text):
        return False
    if _asks_about_next_go(work) or WHEN_AGAIN.search(text):
        return False
    again = GO_AGAIN.search(text) and (is_question(text) or GO_AGAIN_ASKED.search(text))
    more = _wants_to_carry_on(text) or bool(A_FEW_REPS.search(text))
    return bool(
        again
        or more
        or intent == "start_session"
        or (intent in DOING_MORE_INTENTS and is_question(text))
    )


# "ok start the easy one", "can I just do the easier version?", "let's do the gentle one":
# a start asked for by naming the easier session, whatever the classifier read (too_easy,
# stay_level...). Only heard while today's pain says rest (issue 17).
STARTS_THE_EASIER_ONE = re.compile(
    r"\b(?:start|begin|do|try|go for|give|have a go at)\b.{0,25}?\b(?:easy|easier|easiest|gentle|"
    r"gentler|gentlest|lighter|light|smaller|simpler|modified)\b"
    r"(?: (?:one|version|lift|option|session|level|set|ones?))?",
    re.I,
)


def _go_again_after_severe_pain(work: _Turn) -> bool:
    """Pain that says rest today (above the stop line, or severe) and a wish to go again
    the same day, in any words, the easier version named included: the one same-day
    question ("do you still want to go ahead?"), asked by the start's own checks (a warning
    sign keeps its stricter rule there; issue 15 and 17)."""
    severe = _rest_today_pain(work)
    if severe is None:
        return False
    asks_easier = bool(STARTS_THE_EASIER_ONE.search(work.turn.text)) and not (
        NOT_TODAY.search(work.turn.text) or _asks_about_next_go(work)
    )
    if not (asks_easier or _asks_to_go_again_today(work)):
        return False
    work.set(pending_offer=None)
    _start(work)
    return True


def _after_severe_pain(work: _Turn) -> bool:
    """Severe pain today: "what now?", "should I see someone?", "it's been weeks",
    "I'll ring the GP" get the after-pain advice, whatever the classifier read."""
    recent = _recent_pain(work)
    if recent is None or recent.get("severity", 0) < pain.SEVERE_FROM:
        return False
    text = work.turn.text
    if pain.lasts_weeks(text):
        work.say_text(pain.AFTER_SEVERE_PAIN_FOR_WEEKS)
    elif SEE_A_DOCTOR.search(text) and is_question(text):
        work.say_text(pain.WHEN_TO_SEE_A_DOCTOR)
        work.say_text("For today, rest from the leg lifts.")
    elif WILL_SEE_A_DOCTOR.search(text) and not is_question(text):
        work.say_text(pain.SEEING_A_CLINICIAN)
    elif _eased_plan_next_time(work):
        work.say_text("For today, rest from the leg lifts.")
    elif WHAT_NOW.search(text):
        work.say_text(pain.AFTER_SEVERE_PAIN)
    elif _asks_about_next_go(work):
        _next_go_after_severe_pain(work)
    elif SHOULD_I_EXERCISE_TODAY.search(text) and not USUAL_SCHEDULE.search(text):
        work.say_text("Not today: skip the leg lifts and rest.")
        work.say_text(pain.how_long_to_rest(work.thresholds))
    elif HOW_LONG_TO_REST.search(text) and not USUAL_SCHEDULE.search(text):
        work.say_text(pain.how_long_to_rest(work.thresholds))
    else:
        return False
    work.set(pending_offer=None)
    return True


# "When could I have another go?", "how soon can I get back to them?": a later go.
WHEN_AGAIN = re.compile(
    r"\b(?:when|how soon|how long)\b.*\b(?:again|another (?:go|try|session|round)|back (?:to|into)"
    r" (?:it|them|the (?:exercises?|leg lifts)))\b",
    re.I,
)


def _asks_about_next_go(work: _Turn) -> bool:
    """ "Can I try again tomorrow?", "when can I do them again?": the next session asked about,
    not more reps today."""
    text = work.turn.text
    if USUAL_SCHEDULE.search(text) or PAIN_WHAT_IF.search(text) or not is_question(text):
        return False  # "what if it's still sore tomorrow?" is about the pain
    if WHEN_NEXT.search(text) or HOW_LONG_TO_REST.search(text):
        return True
    said = when.read_when(text, _now_local(work))
    later_day = said is not None and said.day is not None and said.day > _now_local(work).date()
    if later_day and not DAY_OR_CLOCK.search(text):
        later_day = False  # "how about one more go" at 3 pm: "one" is a count, not 1 am
    return later_day or bool(WHEN_AGAIN.search(text))


# A day or a clock time named in words, not a bare number that when.read_when can roll to
# tomorrow's hour ("one more go" said after 1 pm).
DAY_OR_CLOCK = re.compile(
    r"\d|\b(?:tomorrow|tonight|tmrw|tmr|morning|afternoon|evening|night|noon|midnight|"
    r"\w+day|weekend|week|o'?clock|[ap]\.?m\.?|at|after|before|next|later|in)\b",
    re.I,
)


def _next_go_after_severe_pain(work: _Turn) -> None:
    """When the next session is (the recovery gap from today's), then only once the pain has
    settled, easier, and when to see someone if it does not settle."""
    if progression.last_session(work.history) is None:
        work.say_text("Not until the pain has settled: rest from the leg lifts for now.")
    else:
        _next_session(work)
    work.say_text(pain.next_time_after_severe_pain(work.thresholds))


# How the pain is going after a stop: easing ("it's settling now") or not ("still sore").
PAIN_EASING = re.compile(
    r"\b(?:eas(?:e|es|ed|ing)(?: off| up| down)?|settl(?:e|es|ed|ing)(?: down)?|calm(?:s|ed|ing)?"
    r" down|wear(?:s|ing)? off|wore off|fad(?:e|es|ed|ing)|subsid(?:e|es|ed|ing)|"
    r"(?:going|gone|went) away|(?:feels?|feeling|much|bit|lot|loads|way|getting|a little) better|"
    r"better now|not as bad|less (?:painful|sore|now)|improv(?:e|es|ed|ing)|loosen(?:s|ed|ing)?"
    r"(?: up)?|(?:pain|it|ache|twinge)s? (?:has |is |have )?(?:gone|stopped|less))\b",
    re.I,
)
PAIN_NOT_EASING = re.compile(
    r"\b(?:not|isnt|isn't|hasnt|hasn't|havent|haven't|wont|won't|no|doesnt|doesn't|dont|don't|"
    r"didnt|didn't)\s+(?:really\s+|yet\s+|get\s+(?:any\s+)?|go\s+)?"
    r"(?:eas|settl|calm|better|go(?:ne|ing)? away|improv|stopp|away)\w*|\b(?:getting|got|feels?|"
    r"feeling|even|much|a bit|bit) worse\b|\bworse now\b|\bstill (?:hurts?|hurting|sore|"
    r"aching|achy|painful|bad|there|throbbing|killing)\b",
    re.I,
)
# How it feels now, said mid-set with no count: "feels fine again", "my hip's ok now".
FEELS_OK_AGAIN = re.compile(
    r"^\W*(?:(?:ok|okay|yeah|yep|oh|well|actually|right|phew|and)\W+)*"
    r"(?:(?:it|that|this|the pain|pain|everything|all|(?:(?:my|the)\s+)?(?:lower\s+)?"
    r"(?:back|knees?|hips?|legs?))\s*(?:'?s|is|are|feels?|feeling|seems?)?\s+|"
    r"(?:i\s+)?(?:feel|feeling|feels|i'?m|im)\s+)?(?:(?:much|a bit|a lot|a little|way|loads)\s+)?"
    r"(?:ok|okay|fine|alright|all right|good|better|grand)"
    r"(?:\W+(?:now|again|thanks|actually|i think|tho|though))*\W*$",
    re.I,
)
FEELS_BETTER_MID_SET = "Good, glad it feels better. If the pain comes back, stop and tell me."


EASING_MID_SET = "Good to hear it's easing."


def _eases_to_a_score(text: str, score: int | None, thresholds: pain.Thresholds) -> bool:
    """A score said as the pain eases ("calming down, maybe a 2"), low enough to go on."""
    return (
        score is not None
        and score <= thresholds.stop_above
        and bool(PAIN_EASING.search(text))
        and not PAIN_NOT_EASING.search(text)
    )


def _feels_better_mid_set(work: _Turn, session: Session) -> bool:
    """ "Feels ok now", "it's eased" mid-set, no count said: heard, and the set goes on."""
    text = work.turn.text
    said_how_it_feels = (
        FEELS_OK_AGAIN.match(text) and re.search(r"\b(?:now|again|feels?|feeling|feel)\b", text)
    ) or (PAIN_EASING.search(text) and not PAIN_NOT_EASING.search(text))
    return bool(
        said_how_it_feels
        # at rest, "yes"/"feels fine" to a pain stop's advice have their own step
        and (session.phase == "active" or work.turn.intent == "nlu_fallback")
        and not session.check
        and not session.awaiting_feedback  # "how did it feel?" has its own answers
        and (
            work.turn.intent in ("nlu_fallback", "feel_fine", "affirm", "pain", "feel_worse")
            # "back's ok now" read as carrying on: the easing is heard once pain was said today
            or (work.turn.intent == "continue_session" and _recent_pain(work) is not None)
        )
        and not asks_something(text)
        # "better now, maybe a 2": a number is a new score (or a count), for their steps
        and not re.search(rf"\b{numbers.SCORE_NUMBER}\b", numbers.normalise(text))
    )


# "What happens if it gets worse?", "what do I do if it starts hurting": about pain.
PAIN_WHAT_IF = re.compile(
    r"\b(?:if|when|once|in case)\b.*\b(?:worse|hurts?|hurting|painful|pain|sore|sorer)\b", re.I
)
CONDITIONAL = conversation.CONDITIONAL
WHAT_WENT_WRONG = re.compile(
    r"\bwhat (?:did|have) i do(?:ne)? wrong\b|\bwhat went wrong\b|"
    # asked while it hurts: "what am I doing wrong?", "am I doing it wrong?"
    r"\bwhat (?:am i|are we|i'?m|im) doing wrong\b"
    r"|\b(?:doing|do) (?:it|this|them|something) wrong\b|"
    r"\bwhy did (?:it|that|this|my"
    r" \w+) (?:hurt|happen|go)\b|\bwhat (?:caused|causes|made) (?:it|that|this|the pain|my)\b|"
    r"\b(?:was it|is it|was that) (?:my|bad) (?:form|technique|fault)\b|\bmy fault\b"
    r"|\b(?:is|was) my (?:form|technique) (?:off|wrong|bad|to blame)\b",
    re.I,
)


# Only where it hurts, as the answer to a pain report just made: "in my back", "mostly
# the left hip", "it's my lower back", "back of my thigh".
_PLACES = vocabulary.body_part_alternation()
PLACE_ONLY = re.compile(
    r"^\W*(?:(?:um+|uh+|er+m?|oh|ah|well|so|and|it'?s|its|it is|it was|that was|thats|that'?s|"
    r"the pain'?s|the pain is|pain'?s|mostly|mainly|just|only|right|kind of|sort of|more)\W+)*"
    r"(?:(?:in|on|at|around|across|down|along|into|through|near|by|behind)\s+)?"
    # the part of it first: "the back of my knee" ("back" only with "of": "back" is a place)
    r"(?:(?:my|the|both|me|mine)\s+)?(?:(?:left|right|lower|upper|low|middle|mid|outer|inner|"
    r"outside|inside|front|top|bottom|side|back(?= of\b))(?: of)?\s+(?:(?:my|the)\s+)?)*"
    rf"(?:{_PLACES})"
    r"(?:\s+(?:mostly|mainly|area|region|side|again|too|as well|really|i think|only|mate))*"
    # which part of it: "left knee, on the inside", "hip, round the back of it", "knee,
    # inner side" (after a comma the "on" may be left out)
    r"(?:\W+(?:(?:just|more|mostly|kind of|sort of)\s+)?(?:(?:round|around|on|at|in|down|towards?|"
    r"near|by|along|up)\s+)?(?:the\s+|my\s+)?(?:left|right|upper|lower|"
    r"side|sides|outside|inside|front|back|top|bottom|"
    r"edge|middle|centre|center|outer side|inner side|outer edge|inner edge)(?:\s+of (?:it|that))?"
    r"(?:\s+(?:side|bit|part|mostly|mainly))?)?"
    r"\W*$",
    re.I,
)


def _where_it_hurts(work: _Turn, active: bool) -> bool:
    """Where it hurts, said on its own just after a pain score: noted with the pain, a cue
    for that place, and the advice or the session as they were."""
    recent = _recent_pain(work)
    text = work.turn.text
    if (
        recent is None
        or recent.get("severity") is None
        or work.now - recent["at"] >= PAIN_STILL_THE_TOPIC
        or not PLACE_ONLY.match(text)
    ):
        return False
    named = _place_named(text)
    if BACK_OF.search(text) and named != "lower back":
        place = named  # "the back of my knee": the knee, whatever back the extractor tagged
    else:
        place = pain.read_report(work.turn.entities, text).location or named
    if not place:
        return False
    work.set(plan={**work.plan, "recent_pain": {**recent, "location": place}})
    work.say_text(f"Thanks, noted: your {place}. {pain.form_cue(place)}")
    if active:
        _session_status(work)
    elif recent["severity"] > work.thresholds.fine_up_to:
        work.say_text("For today, rest from the leg lifts and let it settle.")
    work.set(pending_offer=None)
    return True


# "The back of my knee": a part of the place named after it, not the lower back.
BACK_OF = re.compile(r"\bback of\b", re.I)


def _place_named(text: str) -> str | None:
    """The body part a message names, as vocabulary.BODY_PARTS calls it (longest first)."""
    said = text.lower()
    place = _longest_place_in(said)
    if place == "lower back" and BACK_OF.search(said):
        place = _longest_place_in(BACK_OF.sub(" ", said)) or place  # "back of my knee"
    return place


def _longest_place_in(said: str) -> str | None:
    named = [
        (len(phrase), place)
        for place, phrases in vocabulary.BODY_PARTS.items()
        for phrase in phrases
        if re.search(rf"\b{re.escape(phrase)}\b", said)
    ]
    return max(named)[1] if named else None


# "Is it normal for it to hurt?", "should it be this sore?", "is pain like that expected".
ASKS_IF_PAIN_IS_NORMAL = re.compile(
    r"\b(?:is|was|isn'?t) (?:it|that|this|pain|the pain|some pain|(?:a )?(?:bit|little) of pain)"
    r" (?:\w+ )?(?:normal|ok|okay|usual|expected|common|meant to happen|supposed to happen)\b"
    r"(?:(?: for (?:it|me|my \w+))? to (?:hurt|ache|be (?:sore|painful)|feel (?:pain|sore)))?|"
    r"\b(?:should|does|do|is) (?:it|this|that|my \w+|they) (?:supposed to |meant to |normally )?"
    r"(?:hurt|be (?:this |that |so )?(?:sore|painful))\b|"
    r"\bnormal (?:for it |to )?(?:hurt|be (?:sore|painful)|feel (?:pain|sore))\b",
    re.I,
)


def _pain_after_a_stop(work: _Turn) -> bool:
    """After pain stopped today's exercise: how it is going now ("it's easing off", "still
    sore"), or what went wrong. The advice to rest today is kept in every answer."""
    recent = _recent_pain(work)
    if recent is None or recent.get("severity", 0) <= work.thresholds.fine_up_to:
        return False
    text = work.turn.text
    if WHAT_WENT_WRONG.search(text):
        work.say_text(pain.WHAT_WENT_WRONG)
        work.say_text(pain.form_cue(recent.get("location")))
    elif ASKS_IF_PAIN_IS_NORMAL.search(text) and numbers.mentions_pain(text):
        work.say_text(pain.PAIN_IS_NOT_NORMAL)
        work.say_text("For today, rest from the leg lifts.")
    elif (is_question(text) or CONDITIONAL.search(text)) and PAIN_NOT_EASING.search(text):
        # "What if it doesn't get any better?": when to get it checked.
        work.say_text(pain.WHEN_TO_SEE_A_DOCTOR)
        work.say_text("For today, rest from the leg lifts.")
    elif is_question(text) or WORSE_NEXT_MORNING.search(text) or CONDITIONAL.search(text):
        return False  # "I'll try tomorrow if it settles": a plan, not how it is now
    elif PAIN_NOT_EASING.search(text):
        work.say_text(pain.NOT_EASING_AFTER_A_STOP)
    elif PAIN_EASING.search(text):
        work.say_text(pain.EASING_AFTER_A_STOP)
    else:
        return False
    work.set(pending_offer=None)
    return True


def _day_said_done(work: _Turn) -> tuple[date, str] | None:
    """The day the user says they last exercised, with the rest of their words, in this
    message or noted from an earlier one, when no session is on record; else None."""
    said = when.read_last_done(work.turn.text, _now_local(work).date())
    noted = work.plan.get("said_done_on")
    if said is None and isinstance(noted, str):
        try:
            said = (date.fromisoformat(noted), work.turn.text)
        except ValueError:
            said = None
    if said is None or progression.last_session(work.history) is not None:
        return None
    return said


def _note_day_said_done(work: _Turn) -> None:
    """ "I did my lifts yesterday and my back's worse": the day kept, so that "can I do a
    session tonight?" next is answered from the 48-72 hour gap."""
    said = when.read_last_done(work.turn.text, _now_local(work).date())
    if said is not None and progression.last_session(work.history) is None:
        work.set(plan={**work.plan, "said_done_on": said[0].isoformat()})


def _too_soon_after_the_day_said(work: _Turn) -> bool:
    """ "Can I do a session tonight?" within 48 hours of the day the user says they last
    exercised (no session on record): wait, the next good day, and the lighter plan."""
    said_done = _day_said_done(work)
    if said_done is None:
        return False
    done, rest = said_done
    now = _now_local(work)
    said = when.read_when(rest, now)
    asked = said.day if said is not None and said.day is not None else now.date()
    if asked >= done + timedelta(days=p.HOURS_BETWEEN_SESSIONS.low // 24):
        return False
    work.say_text(progression.answer_from_said_day(done, now.date(), asked))
    if _said_today(work, work.plan.get("worse_next_morning_at")):
        work.say_text(_next_session_plan(work))
    elif _recent_pain(work) is not None:
        work.say_text("When you do go, make it lighter: fewer reps and a smaller lift.")
    return True


def _can_i_exercise(work: _Turn) -> None:
    """ "Can I still exercise?": from the pain reported today, else from the schedule."""
    if _too_soon_after_the_day_said(work):
        return
    recent = _recent_pain(work)
    if recent is None:
        _next_session(work)
        return
    severity = recent.get("severity", 0)
    said = _said_pain(recent)
    band = work.thresholds.band(severity)
    if band == pain.FINE:
        work.say_text(
            f"Yes: {said} is fine to work with. Keep the lift small and slow, and stop the set"
            f" if it goes above {work.thresholds.stop_above}."
        )
    elif band == pain.ACCEPTABLE:
        work.say_text(
            f"Yes, gently: with {said} today's session will be lighter, with fewer reps and a"
            " smaller lift. Stop if it gets worse."
        )
    else:
        work.say_text(
            f"Not today: with {said}, rest is the right call."
            " Next time we'll start with an easier version."
        )


def _settled_next_morning(work: _Turn) -> None:
    _, text = pain.morning_check(False, work.level)
    work.say_text(text)
    work.set(pending_offer=None, morning_check=None)
    _note_next_morning(work, "fine")


def _after_session_change(work: _Turn) -> None:
    if work.session is not None and work.session.over:
        work.close_session()


def _other_leg_named(text: str, session: Session) -> str | None:
    """The leg a question names when it is not the one under way: "on the left" while
    on the right, or "that leg" / "the other leg" / "the first leg" for the one before."""
    named = re.search(
        r"\b(left|right)\b(?= (?:leg|side|one)\b)|"
        r"\b(?:on|for|with|about|of) (?:the|my) (left|right)\b",
        text,
        re.I,
    )
    if named:
        leg = (named.group(1) or named.group(2)).lower()
        return leg if leg != session.leg else None
    if re.search(
        r"\b(?:that|the other|the first|the last|my other|previous) (?:leg|side)\b", text, re.I
    ):
        return next((leg for leg in p.LEGS if leg != session.leg), None)
    return None


# A count named for the other leg: "other side did 6", "the other leg got 4 done".
OTHER_LEG_COUNT = re.compile(
    r"^\W*(?:(?:and|ok|okay|then|now)\W+)*(?:the |my )?other (?:leg|side)\W+"
    r"(?:(?:did|done|got|managed|was|is|had)\s+)?(?:(?:about|like|maybe)\s+)?"
    rf"(?P<n>{numbers.NUMBER})(?:\s+(?:reps?|done|lifts?|of them|there))*\W*$|"
    # the count first: "8 on the other side", "did 10 with my other leg", "another 6 other
    # side", "7 more the other leg"
    r"^\W*(?:(?:and|ok|okay|then|now)\W+)*(?:(?:i\s+)?(?:did|done|got|managed|had)\s+)?"
    rf"(?:another\s+)?(?P<first>{numbers.NUMBER})(?:\s+more)?(?:\s+(?:reps?|lifts?|done))?"
    r"\s+(?:(?:on|with|for|off)\s+)?"
    r"(?:the |my )?other (?:leg|side)(?:\s+(?:too|as well|now|then|done))*\W*$",
    re.I,
)


# A score said again as a change, with no pain word: "it's gone up to seven", "now a 5".
PAIN_GONE_UP = re.compile(
    r"^(?=.*\b(?:gone|went|going|crept|shot|jumped|risen|rose|climbed|up to|down to|now|more|worse|"
    r"higher|less|better|lower)\b)"
    r"\W*(?:(?:um+|uh+|er+m?|well|and|but|ok|okay|so|hmm+|oh|now|(?:a )?(?:bit|little|lot|touch) "
    r"(?:more|worse|higher|less|better|lower))\W+)*(?:(?:it'?s|its|it has|it|"
    r"that'?s|thats)\s+)?(?:(?:gone|went|going|crept|creeping|shot|jumped|risen|rose|climbed|"
    r"climbing|gone back)\s+(?:up|down)\s+(?:to\s+)?|(?:up|down)\s+to\s+|now\s+)?"
    r"(?:(?:a|an|about|around|like|maybe)\s+)*(?P<n>10|[0-9]|zero|one|two|three|four|five|six|"
    r"seven|eight|nine|ten)(?:\s+(?:now|out of (?:10|ten)|ish|i think|maybe))*\W*$",
    re.I,
)
PAIN_STILL_THE_TOPIC = 20 * 60  # seconds after a pain score that a bare change is about it


def _asks_somewhere(text: str) -> bool:
    """A question in any sentence or clause: "ugh so tired. how long is the rest"."""
    return is_question(text) or any(
        QUESTION_START.match(part) for part in re.split(r"[.,;:!]+\s*", text) if part.strip()
    )


def _session_question(text: str) -> bool:
    """A question about the running session itself ("how many left?", "what's next?",
    "3 to go, yeah?"): the session answers it, whatever the classifier read."""
    return bool(
        WHERE_AM_I.search(text)
        or HOW_MANY_IN_ALL.search(text)
        or CHECKS_WHERE.search(text)
        or CHECKS_LEG_DONE.search(text)
        or PLAN_TODAY.search(text)
    )


def _asks_rest_length(text: str) -> bool:
    """ "How long's the break?", "how long do I chill for?": the rest between sets."""
    return bool(
        DURATION.search(text)
        and REST_WORD.search(text)
        and not NOT_THE_REST_BETWEEN_SETS.search(text)
    )


# A question about what to do when the exercise gets easy, or how to make it harder.
ASKS_WHEN_IT_GETS_EASY = re.compile(
    r"\b(?:when|once|if|after|whenever|as soon as|till|until)\b[^?.,]*?"
    r"(?:'?s|\bis|\bare|\bgets?|\bgetting|\bgot|\bstarts?|\bstarting|\bfeels?|\bfeeling|"
    r"\bbecomes?|\bbecoming|\bseems?|\bgoes|\bturns)\s+(?:\w+\s+){0,2}?"
    r"(?:easy|easier|effortless|a breeze|no effort|no challenge)\b|"
    r"\bhow (?:do|can|should|would) (?:i|we|you) (?:make|get) (?:it|them|this|these|the \w+)"
    r" (?:harder|tougher|more (?:challenging|difficult|of a challenge))\b",
    re.I,
)
PROGRESSION_ANSWER = "when_to_progress"
REST_ANSWER = "rest_between_sets"
# "Where am I supposed to feel this?", "where should it burn": where the work is felt
# (not where it hurts: "where does it hurt" reports pain).
ASKS_WHERE_TO_FEEL_IT = re.compile(
    r"\bwhere (?:am i|are we|should i|do i|would i|will i|must i|is it|should it|do you)"
    r"(?: \w+){0,2}? (?:feel|feeling|notice|burn)(?:ing)?\b(?! (?:pain|sore|hurt))|"
    r"\bwhere (?:should|do|would|will) (?:it|this|that|they) (?:be )?(?:felt|burn|work)\b|"
    r"\bwhich (?:muscles?|part|bit)(?: of me)? should (?:i|it) (?:feel|burn|work)\b",
    re.I,
)
# A yes said first: "yeah, a to" answers "did you get all of them?" before how it felt.
YES_FIRST = re.compile(r"^\W*(?:yes|yeah|yep|yup|yea|ya|all of them|all|every one)\b", re.I)
# "How long do I hold each one?", "how many seconds at the top?": the hold, in a session
# whatever the classifier made of it.
ASKS_HOLD_TIME = re.compile(
    r"\bhow (?:long|many seconds?)\b(?:\s+[\w']+){0,5}?\s+(?:(?:hold|holding|held)(?!\s+off)|"
    r"stay up|keep (?:it|my leg|the leg) (?:up|there|raised)|at the top)\b",
    re.I,
)
# "What muscles is this working?", "which muscle does it target": what it works.
ASKS_WHICH_MUSCLES = re.compile(
    r"\b(?:what|which) (?:muscles?|muscle groups?)\b|"
    r"\bwhat (?:is|does|do) (?:this|it|that|these|they|the (?:exercise|lift|leg lift)s?)"
    r"(?: \w+)? (?:work|working|target|targeting|targets|strengthen|strengthening)\b",
    re.I,
)
# "How often am I meant to do this?": sessions a week, not sets or reps.
ASKS_HOW_OFTEN = re.compile(
    r"(?:\bhow often (?:(?:should|do|must|shall|can|am|are|would|ought) )?(?:i|we|im|i'm)\b"
    r"(?:\s+\w+){0,3}?\s+(?:do|doing|train|training|exercise|exercising)\b"
    # "how many days per week do I train?": a count of sessions in a week is how often
    r"|\bhow many (?:times|days|sessions|workouts|goes)\b[^?.]*?\b(?:a|per|each|every|in a) week\b)"
    r"(?!.*\b(?:sets?|reps?|breathe|breaths?|rest|hold)\b)",
    re.I,
)
# When to make it harder ("how soon can I add a band?", "at what point do I go to ankle
# weights?"): the timing, the progression rule, not how to use the thing.
ASKS_WHEN_TO_STEP_UP = re.compile(
    r"(?:\b(?:when|how soon|at what (?:point|stage))\s+(?:can|could|should|shall|do|will|"
    r"would|might|must|am|is it (?:ok|okay|safe) to)|\bhow long (?:until|till|before) (?:i|we))"
    r"\s+(?:(?:i|we|be|ready|able|allowed|to|can|could|should)\s+)*"
    r"(?:\w+\s+){0,3}?"
    r"(?:use|using|add|adding|try|trying|put on|wear|start|starting|go|move|step|switch|"
    r"progress|get|have|level|do|doing)\b[^?.]*?"
    r"\b(?:bands?|resistance|ankle weights?|weights?|weighted|ball|harder|tougher|"
    r"(?:(?<=step )|(?<=move )|(?<=level ))up|"
    r"next (?:level|step|version)|straight leg|more reps|extra reps)\b",
    re.I,
)
# A question whose words name its answer in a session, whatever the selector leaned to.
# The reps' speed said with a dose asked ("20 a side, done quick, too many?"): slow,
# controlled reps follow the dose, since speed is half of what was asked.
SPEED_OF_REPS_SAID = re.compile(
    r"\b(?:as (?:fast|quick|quickly) as (?:i|you|we) can|(?:fast|quick|rapid|speedy) "
    r"(?:reps?|lifts?|ones)|(?:reps?|lifts?|them|these) (?:fast|quickly|rapidly|at speed)"
    r"|speed (?:them|it) up|rush(?:ing)? (?:them|through))\b",
    re.I,
)
QUESTIONS_BY_GRAMMAR = (
    (SPEED_OF_REPS_SAID, "speed"),
    (ASKS_WHEN_IT_GETS_EASY, PROGRESSION_ANSWER),
    (ASKS_WHEN_TO_STEP_UP, PROGRESSION_ANSWER),
    (ASKS_HOW_OFTEN, "sessions_per_week"),
    (ASKS_WHERE_TO_FEEL_IT, "where_to_feel_it"),
    (ASKS_WHICH_MUSCLES, "muscles_worked"),
)


def _answer_named_by_grammar(text: str) -> str | None:
    if numbers.mentions_pain(text) and not numbers.says_no_pain(text):
        return None  # "where should I feel it, my back hurts": the pain first
    return next((key for grammar, key in QUESTIONS_BY_GRAMMAR if grammar.search(text)), None)


def _asks_what_changed(work: _Turn) -> bool:
    """ "What exactly do I change?" while the session runs eased for pain."""
    session = work.session
    return (
        session is not None
        and not session.over
        and bool(session.eased)
        and ASKS_WHAT_CHANGES.search(work.turn.text) is not None
    )


THANKS_FOR_PRAISE = "Thank you, that's kind! Glad it's helping."


# Voice: before a paced set the coach counts the reps, so "done", "finished", "all set"
# where it waits for "ready" say the user is in position, never a rep or a leg done.
VOICE_SET_UP_DONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|yes|yeah|yep|alright)\W+)?(?:(?:i'?m|i am|we'?re|that'?s)\s+)?"
    r"(?:all\s+)?(?:done(?:\s+(?:that|it))?|finished|set|in position|ready)"
    r"(?:\W+(?:now|then|coach|thanks))*\W*$",
    re.I,
)
# An unsure answer to "did you get all 10?": neither the full set nor a number.
UNSURE = re.compile(
    r"\b(?:i\s+)?(?:think so|guess so|suppose so|not (?:sure|certain|really sure)|unsure|"
    r"maybe|perhaps|probably|possibly|sort of|kind of|kinda|sorta|more or less|dunno|"
    r"don'?t know|no idea|hard to say|can'?t (?:say|remember|tell)|lost count|not a clue)\b",
    re.I,
)
# Back from a pause by voice or chat: "ok resume", "carry on", "I'm back".
BACK_FROM_PAUSE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|alright|yes|yeah|so)\W+)*(?:let'?s\s+)?"
    r"(?:resume|unpause|carry on|continue|keep going|i'?m back|i am back|back again|"
    r"back now|ready to (?:go|carry on|continue|resume)|go on)"
    r"(?:\W+(?:now|then|please|coach|again|the session|where (?:i|we) (?:was|were|left off)))*\W*$",
    re.I,
)


# Words that may go with an unsure answer and say nothing more ("I reckon so, maybe").
_WITH_UNSURE = frozenset(
    [
        "i",
        "i'd",
        "yeah",
        "yes",
        "yep",
        "yup",
        "ok",
        "okay",
        "well",
        "hmm",
        "so",
        "just",
        "really",
        "reckon",
        "think",
        "guess",
        "suppose",
        "say",
        "it",
        "all",
        "them",
    ]
)


def _only_unsure(text: str) -> bool:
    """Unsure and nothing else: "maybe a two" is a score heard, not an unsure answer."""
    if not UNSURE.search(text):
        return False
    rest = re.findall(r"[a-z']+", UNSURE.sub(" ", text.lower()))
    return all(word in _WITH_UNSURE for word in rest)


# Back after a pause, said without being in position: "I'm here", "here again", "back".
BACK_HERE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|alright|yes|yeah|yep|so|sorry|all good|hi|hello)\W+)*"
    r"(?:i'?m|i am|im)\s+(?:here|around|with you)\b",
    re.I,
)
# What says the user is set to go now: a leg is paced on these, not on "I'm back".
SAYS_READY_NOW = re.compile(
    r"\b(?:ready|go|in position|start|begin|set|count(?: me)? in|let'?s do (?:it|this))\b", re.I
)


def _back_but_not_ready(work: _Turn) -> bool:
    text = work.turn.text
    if SAYS_READY_NOW.search(text) or in_position(text) or numbers.read_count(text) is not None:
        return False
    back = RESUMES.search(text) or BACK_FROM_PAUSE.match(text) or BACK_HERE.match(text)
    assent = work.turn.intent in ("continue_session", "affirm") and ASSENT.match(text)
    return bool(back or assent)


def _voice_session_words(work: _Turn, session: Session) -> bool:
    """Voice set-up "done", an unsure answer to a paced set, and "resume" after a pause."""
    text, now = work.turn.text, work.now
    if numbers.mentions_pain(text) or is_question(text):
        return False
    if session.phase == "paused" and BACK_FROM_PAUSE.match(text) and not session.check:
        ready_now = bool(SAYS_READY_NOW.search(text))  # "ready to carry on" paces a leg
        work.say(session.resume(now, in_position=ready_now), session.check_buttons())
        _after_session_change(work)
        return True
    if session.paused_before_a_paced_leg and _back_but_not_ready(work):
        # "I'm back" / "right, I'm here" / "ok": back to "say ready", not pacing a leg yet.
        work.say(session.resume(now), session.check_buttons())
        _after_session_change(work)
        return True
    if not session.voice:
        return False
    if VOICE_SET_UP_DONE.match(text) and _waiting_for_ready(session, now):
        work.say(session.ready(now), session.check_buttons())
        _after_session_change(work)
        return True
    if (
        session.awaiting_feedback
        and not session.check
        and _only_unsure(text)
        and numbers.read_count(text) is None
    ):
        # Neither all of them nor a number: asked plainly, the set left open.
        session.check = {"kind": "ask_total", "n": session.count}
        work.say_text("How many did you manage? Say a number, or all of them.")
        return True
    return False


# A hedge that is neither a count nor a clear done: "mostly yeah", "sort of", "I think so".
HEDGED_REPLY = re.compile(
    r"^\W*(?:(?:um+|uh+|er+m?|hmm+|well|yeah|yes|yep|ok|okay|i mean|like|erm)\W+)*"
    r"(?:mostly|sort of|sorta|kind of|kinda|more or less|roughly|i think so|i guess(?: so)?|"
    r"i suppose(?: so)?|pretty much|nearly|almost|i reckon(?: so)?|probably|maybe|somewhat|"
    r"partly|most of them|not sure|dunno|i don'?t know|ish)"
    r"(?:\W+(?:yeah|yes|yep|i think|i guess|done|finished|there|so|anyway))*\W*$",
    re.I,
)


def _hedged_reply_mid_count(work: _Turn, session: Session) -> bool:
    """Voice, a leg partly counted ("7 of 10, 3 to go"): a hedge says neither how many nor
    that the leg is done, so the coach asks how many, never just "back to it"."""
    text = work.turn.text
    if not (
        work.turn.voice
        and session.phase == "active"
        and not session.awaiting_feedback
        and not session.awaiting_ready
        and not session.check
        and 0 < session.count < session.target
        and HEDGED_REPLY.match(text)
        and not numbers.mentions_pain(text)
        and numbers.read_count(text) is None
    ):
        return False
    work.say_text(
        f"I've got {session.count} of {session.target} on your {session.leg} leg so far."
        " How many have you done now? Say a number, or all of them."
    )
    work.set(last_topic=_how_many_now_topic(session))
    return True


# The coach's "how many have you done now?" after a hedge, kept as the last topic for the
# leg and count it was asked at, so that a later turn elsewhere never reads it.
HOW_MANY_NOW_TOPIC = "how_many_now:"
# "Done", "finished", "that's it" to "how many have you done now?": the whole leg.
DONE_WITH_THE_LEG = re.compile(
    r"^\W*(?:(?:um+|uh+|er+m?|hmm+|well|yeah|yes|yep|ok|okay|right|oh|so)\W+)*"
    r"(?:(?:i'?m|im|i am|i'?ve|ive|i have|all|just|now|both)\s+)*"
    r"(?:done|finished|complete|completed|that'?s it|thats it|that'?s all|that'?s the lot|"
    r"that was it|that'?s everything|got to the end|to the end)"
    r"(?:\s+(?:now|then|with (?:it|them|that|the leg|that leg)|them|it|the leg|that leg|"
    r"the lot|all of them|yeah|i think))*\W*$",
    re.I,
)


def _how_many_now_topic(session: Session) -> str:
    return f"{HOW_MANY_NOW_TOPIC}{session.set_number}:{session.leg}:{session.count}"


def _done_after_how_many_now(work: _Turn, session: Session) -> bool:
    """ "Done" or "finished" just after "how many have you done now? ... or all of them":
    all of them (the leg finished), never one more rep nor a question about it."""
    text = work.turn.text
    if not (
        work.state.last_topic == _how_many_now_topic(session)
        and session.phase == "active"
        and not session.awaiting_feedback
        and not session.awaiting_ready
        and not session.check
        and DONE_WITH_THE_LEG.match(text)
        and not numbers.mentions_pain(text)
    ):
        return False
    work.turn.text = "all of them"
    work.turn.intent = "report_reps"
    work.set(last_topic=None)
    return True


# A session just declined ("not today, too tired"), kept as the last topic: "fine, I'll do
# it" or "start it then" said next means that session.
DECLINED_SESSION_TOPIC = "declined_session"
CHANGES_MIND_TO_START = re.compile(
    r"^(?!.*\b(?:not|no|don'?t|won'?t|can'?t|cannot|later|tomorrow|tonight|another (?:time|day)|"
    r"next time|(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend)\b)"
    r"(?!\W*(?:how|what|why|when|where|which|who)\b)"
    r".*\b(?:start|begin|do (?:it|them|this|that|the session|my exercises)|let'?s (?:go|do|get)|"
    r"go on|go ahead|i'?ll (?:do|try|give|have)|after all|changed my mind|go for it|"
    r"on second thoughts?|crack on|give it a (?:go|try)|i'?m up for it|count me in)\b",
    re.I,
)


def _changes_mind_to_start(work: _Turn) -> bool:
    """Just after declining a session, a go-ahead that names no other day: the start."""
    text = work.turn.text
    return (
        work.state.last_topic == DECLINED_SESSION_TOPIC
        and work.turn.intent not in ("red_flag", "deny", "stop_session", "set_reminder")
        and CHANGES_MIND_TO_START.search(text) is not None
        and not numbers.mentions_pain(text)
    )


def _hedged_count_after_paced_leg(work: _Turn, session: Session) -> bool:
    """Voice, to "did you get all 10, and how did it feel?": a hedged plain number and no
    pain word ("I'd say about six", "reckon eight") is how many, never a pain score; the
    turn is made that count, as a report of reps."""
    check = (session.check or {}).get("kind")
    n = numbers.hedged_count(work.turn.text)
    if not (
        session.phase == "active"
        and session.awaiting_feedback
        and check != "reps_or_pain"
        and n is not None
        and not numbers.mentions_pain(work.turn.text)
        # "about six": read as the count already; only what would be misread is made one
        and (
            numbers.read_count(work.turn.text) is None
            or numbers.read_felt_score(work.turn.text) is not None
        )
    ):
        return False
    work.turn.text = str(n)
    work.turn.intent = "report_reps"
    return True


def _handle(work: _Turn) -> None:
    session = work.session
    active = session is not None and not session.over
    said_by_rasa = work.turn.intent == conversation.QUESTION_INTENT and work.turn.answer_said
    if work.turn.intent not in (
        "affirm",
        "deny",
        "set_reminder",
        "cancel_reminder",
    ) and conversation.asks_about_another_day(work.turn.text):
        work.turn.intent = "ask_next_session"  # "how about Sunday?": that day's schedule
    if active and _hedged_reply_mid_count(work, session):
        return
    if active:
        _done_after_how_many_now(work, session)  # read as "all of them", then as ever
    if not active and _changes_mind_to_start(work):
        _start(work)  # "ugh fine, start it then" just after declining: the session declined
        return
    if active and not said_by_rasa and _voice_session_words(work, session):
        return
    if conversation.praises_the_coach(work.turn.text) and not said_by_rasa:
        work.say_text(THANKS_FOR_PRAISE)  # "you're a great coach": thanked, then the step
        _session_status(work)
        return
    if active and not said_by_rasa and _remark_in_session(work):
        return  # "phew, I'm dripping": a remark on the effort, whatever the classifier guessed
    if active and leaving(work.turn.text):
        work.turn.intent = "goodbye"  # "thanks, bye" mid-session: the summary and a goodbye
        _stop_for_today(work, session)
        return
    if active and _bare_acknowledgement_mid_set(work):
        return  # "ok", "cheers", "thanks coach" mid-set: no rep, where they are
    if (
        not active
        and work.turn.intent in ("nlu_fallback", "thank", "greet")
        and leaving(work.turn.text)
    ):
        work.turn.intent = "goodbye"  # "cheers, see you then" after the session: going
    if not work.turn.answer_said and _gap_between_sessions_meant(work):
        work.turn.answer_key = SESSION_GAP_ANSWER
    if (
        active
        and work.session.phase == "active"  # at rest, "let's try that" starts the next set
        and TAKES_IT_UP.match(work.turn.text)
        and not work.session.check
    ):
        work.say_text("Good, go ahead.")  # "ok I'll try that": taken up, where they are
        _session_status(work)
        return
    if active and _asks_what_changed(work):
        work.say_text(
            "Here's the change again: a smaller, easier lift, with fewer reps."
            f" {work.session.eased}"
        )
        _session_status(work)
        return
    named = active and asks_something(work.turn.text) and _answer_named_by_grammar(work.turn.text)
    if named:
        # "What do I do once it feels easy?" in a session: how to step up, whatever answer
        # the selector leaned to (it has said nothing in a session), then where they are.
        _say_answer(work, named)
        return
    if (
        active
        and work.turn.intent == conversation.QUESTION_INTENT
        and not work.turn.answer_said
        and _asks_somewhere(work.turn.text)
        and not _session_question(work.turn.text)
        and work.turn.answer_key
        # "How long do I chill for?": the rest between sets, whatever else the selector read.
        and not (_asks_rest_length(work.turn.text) and work.turn.answer_key != REST_ANSWER)
        and ANSWER_KEY.fullmatch(work.turn.answer_key)
        and not (
            PAIN_WHAT_IF.search(work.turn.text)
            and not re.search(r"pain|sore|worse|ache|hurt", work.turn.answer_key)
        )
        # "the pain is mild, should I keep going": the score's own advice answers it.
        and numbers.read_pain_score(work.turn.text) is None
        and not WHEN_NEXT.search(work.turn.text)
        and not _asks_what_changed(work)
    ):
        # A question about the exercise in a session: its answer first, as Rasa would have
        # said it, then the turn as ever. The session's own questions, and what is no
        # question ("strat the excercise", "swapping sides"), are the session's alone.
        work.reply.messages.append(
            Message("", response=conversation.answer_response(work.turn.answer_key))
        )
        work.turn.answer_said = True
    if active:
        work.turn.intent = _question_intent(work)
    if (
        active
        and work.turn.intent != conversation.QUESTION_INTENT
        and work.turn.intent not in conversation.INTENT_TOPICS
        and asks_something(work.turn.text)
        and ASKS_HOLD_TIME.search(work.turn.text)
        and not numbers.mentions_pain(work.turn.text)
    ):
        _say_answer(work, "how_long_to_hold")  # the hold, asked in words the classifier missed
        return
    if HOW_TO_DO_IT.match(work.turn.text) and work.turn.intent != "ask_technique":
        work.turn.intent = "ask_technique"  # "how do I do it again?" is never how often
    if work.turn.intent == "set_reminder" and ASKS_TO_BE_REMINDED_HOW.match(work.turn.text):
        # "Remind me how this works" is a question, not a reminder.
        ranked = [i for i in work.turn.ranking if i in conversation.INTENT_TOPICS]
        work.turn.intent = ranked[0] if ranked else "ask_technique"
    if work.turn.intent == "greet" and _greeting_then_go(work.turn.text):
        # "hey, let's go": the greeting opens a start, which is what is asked for.
        work.turn.intent = "continue_session" if active else "start_session"
    rising = PAIN_GONE_UP.match(work.turn.text)
    recent = _recent_pain(work)
    if rising and recent is not None and work.now - recent["at"] < PAIN_STILL_THE_TOPIC:
        # "it's gone up to seven" just after a pain score: the pain, not a count.
        work.turn.text = f"pain is {rising.group('n')} now"
        work.turn.intent = "pain"
    same = SAME_ON_THE_OTHER_LEG.match(work.turn.text)
    if same and active and (last := _last_leg_count(session)):
        # "Same on the other side": the count of the leg before, for the leg it is on now.
        work.turn.text = f"{last} on the other {same.group('leg') or 'leg'}"
    if active and _hedged_count_after_paced_leg(work, session):
        pass  # "I'd say about six" to "did you get all 10?": the count, read below as one
    intent = work.turn.intent
    text = work.turn.text
    score = numbers.read_pain_score(text)
    exclaimed = (
        numbers.exclaimed_score(text) if active and score is None and not session.check else None
    )
    if exclaimed is not None:
        # "ugh thats a six" mid-session: a pain score with no pain word; pain wins.
        score = exclaimed
        work.turn.score_in_words = pain.said_in_words(text, exclaimed)
        work.turn.text = text = f"pain {exclaimed} out of 10, {text}"
        intent = work.turn.intent = "pain"
    mid_set = (
        active
        and session.phase == "active"
        and not session.awaiting_feedback
        and not _waiting_for_ready(session, now=work.now)
    )
    # In any state of a session, pain wins: "7, brutal" at rest or to a question is pain too.
    felt_bad = numbers.felt_bad_score(text) if active and score is None else None
    asked_which = (session.check or {}).get("kind") == "reps_or_pain" if active else False
    if asked_which and (
        (score is None and numbers.read_count(text) is None and SAYS_PAIN_NOT_REPS.search(text))
        or PICKS_THE_PAIN_ONE.match(text)  # its "one" is the choice, never a score of 1
    ):
        felt_bad = session.check["n"]  # "pain", "the pain one" to "reps, or pain 7 out of 10?"
    if felt_bad is not None:
        # "7, it's nasty" mid-set: how bad it feels, never a count; pain wins.
        score = felt_bad
        work.turn.text = text = f"pain {felt_bad} out of 10, {text}"
        intent = work.turn.intent = "pain"
    rough = numbers.rough_number(text) if mid_set and score is None else None
    if rough is not None and not session.check:
        # "7ish" mid-set, no count word and no pain word: which one is asked, never guessed.
        work.say(session.ask_reps_or_pain(rough), session.check_buttons())
        return
    if score is None and active and session.awaiting_feedback:
        felt = numbers.read_felt_score(text)
        if felt is None and PAIN_BAND.search(text) and not asks_something(text):
            # "It was moderate" to "how did it feel?": a band on its own is the pain asked for.
            felt = numbers.read_pain_score(text, asked=True)
        if felt is not None and YES_FIRST.match(text) and felt <= work.thresholds.fine_up_to:
            # "Yeah, a to": yes to the set, and a fine score, noted; the set is answered.
            session.record_pain(felt)
        elif (
            felt is not None
            and not session.check
            and felt <= session.target
            and numbers.says_a_plain_number(text)
            and not numbers.mentions_pain(text)
            and not PAIN_BAND.search(text)
        ):
            # "About a six" to "did you get all 10, and how did it feel?": reps or pain,
            # nothing says which; asked once, never guessed.
            work.say(session.ask_count_or_pain(felt), session.check_buttons())
            return
        elif felt is not None:
            # "About a tree" to "how did it feel?": a score, as the recogniser heard it.
            score = felt
            work.turn.score_in_words = pain.said_in_words(text, felt)
            work.turn.text = text = f"pain {felt} out of 10, {text}"
            intent = work.turn.intent = "pain"
    all_clear = ALL_CLEAR.search(text) and not numbers.mentions_pain(ALL_CLEAR.sub(" ", text))
    if (
        intent in ("pain", "feel_worse", "nlu_fallback")
        and score is None
        and (numbers.only_denies_pain(text) or all_clear)
    ):
        intent = work.turn.intent = "feel_fine"  # "ready, no pain at all": nothing hurts
    elif (
        intent == "nlu_fallback"
        and (numbers.mentions_pain(text) or numbers.troubles_a_place(text))
        and not numbers.says_no_pain(text)
        and not asks_something(text)
        and not ASKS_IF_PADDING_IS_OK.search(text)  # "... can I put a towel under them"
        and numbers.read_count(text) is None
    ):
        intent = work.turn.intent = "pain"  # "it stings a bit": pain, whatever the classifier
    elif (
        active
        and intent in ("nlu_fallback", "count_rep", "report_reps")
        and score is None
        and numbers.mentions_pain(text)
        and not numbers.says_no_pain(text)
        and numbers.read_count(text) is None
        and not _SOFT_WORDS.search(text)  # "... can I kneel on a cushion": padding asked
    ):
        # "my calf's aching, is that ok?" mid-set: pain with a question, never a count.
        intent = work.turn.intent = "pain"
    elif (
        not active
        and intent not in ("pain", "feel_worse")
        and score is None
        and conversation.own_pain_asked_before_exercising(text)
    ):
        # "My hip's been sore since yesterday, can I still train?": pain before a session,
        # asked about as a question; how bad it is sets today's plan, whatever the classifier.
        intent = work.turn.intent = "pain"
    elif (
        not active
        and intent not in ("pain", "feel_worse")
        and _worse_than_usual_the_day_after(work)
    ):
        # "Up to 6 from my usual 2" the day after a session: worse, whatever the classifier.
        intent = work.turn.intent = "feel_worse"
    if (
        active
        and (session.phase == "setup" or session.awaiting_feedback)
        and score is None
        and intent != "pain"
        and _hurts_now(text)
    ):
        # "It was okay, a bit of pain though" while waiting for ready or the set's answer:
        # the pain wins over the okay, and is asked about.
        intent = work.turn.intent = "pain"
    if active and (score is not None or intent in ("pain", "feel_worse")):
        session.check = None
    if not active and _after_red_flag(work):
        return
    if _corrected_pain(work, active):
        return
    if score is None and _where_it_hurts(work, active):
        return
    if not active and score is None and _after_severe_pain(work):
        return
    if not active and score is None and _go_again_after_severe_pain(work):
        return
    if not active and score is None and _pain_after_a_stop(work):
        return
    hurts = numbers.mentions_pain(text) and not numbers.says_no_pain(text)
    if (
        not active
        and SETTLED_NEXT_MORNING.search(text)
        and score is None
        and not hurts
        and not asks_something(text)  # "are evenings best for it?" asks, reports nothing
    ):
        _settled_next_morning(work)
    elif (
        _reports_worse_next_morning(text)
        and not active
        and (intent in ("pain", "feel_worse") or score is None)
    ) or (not active and _worse_than_usual_the_day_after(work)):
        _worse_next_morning(work)
    elif SEE_A_DOCTOR.search(text) and is_question(text):
        work.say_text(pain.WHEN_TO_SEE_A_DOCTOR)
        _session_status(work)
    elif (
        active
        and score is None
        and intent in ("pain", "feel_worse")
        and not numbers.mentions_pain(text)
        and _ordinary(work, active)
    ):
        pass  # "only four, my legs were tired": a count, and tired is not pain
    elif active and session.awaiting_feedback and _no_pain_after_set(text):
        _set_done_without_pain(work, session)
    elif active and score is None and _feels_better_mid_set(work, session):
        work.say_text(FEELS_BETTER_MID_SET)
        _session_status(work)
    elif active and _count_with_pain(text):
        _count_and_pain(work, session, numbers.read_count(text))
    elif active and (paced := _paced_count_and_score(session, text)):
        _count_and_pain(work, session, paced[0])  # "about 7, hurts like a 6": both kept
    elif (
        intent == "feel_worse"
        and not active
        and score is None
        and NO_WORSE.search(text)
        and is_question(text)
        and _answer_misread_question(work)
    ):
        pass  # "stiff the day after, no worse than usual, ok to go on?" asks; nothing is worse
    elif (
        score is not None
        or intent in ("pain", "feel_worse")
        or (hurts and pain.lasts_weeks(text) and not is_question(text))
    ):
        _pain(work)
    elif (
        active
        and (
            intent in (*PROGRESS_HANDLERS, "nlu_fallback")
            or (
                # Said by Rasa already when it picked another answer: the pain one follows.
                intent == conversation.QUESTION_INTENT
                and PAIN_WHAT_IF.search(text)
                and not re.search(r"pain|sore|worse|ache|hurt", work.turn.answer_key or "")
            )
        )
        and is_question(text)
        and re.search(r"\b(?:worse|hurts?|hurting|pain|painful|sore)\b", text, re.I)
    ):
        # "What if it gets worse?" is about pain, not progress, nor a "did you mean".
        work.turn.intent = "pain"
        _pain(work)
    elif not active and _go_again_after_severe_pain(work) or _ordinary(work, active):
        pass
    elif intent == "start_session":
        _start(work)
    elif active and _session_control(work, session):
        pass
    elif intent in PROGRESS_HANDLERS:
        PROGRESS_HANDLERS[intent](work)
        if work.reply.updates.get("pending_offer") != "delete_data":
            _session_status(work)  # the confirmation stays last; the answer says where
    elif intent == conversation.QUESTION_INTENT and not work.turn.answer_said:
        _unsaid_answer(work)
    elif intent == conversation.QUESTION_INTENT:
        _answered_by_response(work)
    elif intent == "choose_answer":
        _chosen_answer(work)
    elif intent == "too_easy":
        _feels_easy(work)
    elif intent == "too_hard":
        _feels_hard(work)
    elif intent == "ask_frequency" and ABOUT_A_DAY.search(work.turn.text):
        _next_session(work)  # "can I do it again today?" is about their schedule
        _session_status(work)
    elif intent == "ask_progression" and WANTS_TO_STEP_UP.search(work.turn.text):
        _feels_easy(work)
    elif intent == "ask_easier" and WANTS_TO_STEP_DOWN.search(work.turn.text):
        _feels_hard(work)
    elif intent in MISREAD_QUESTION_INTENTS and _answer_misread_question(work):
        pass
    elif (
        intent in ("greet", "goodbye", "thank")
        and not SOCIAL_START.match(text)
        and not conversation.HOW_ARE_YOU.match(text)  # small talk asks no exercise question
        and _answer_misread_question(work)
    ):
        pass  # "are nights or mornings best" asks about a time of day, greets nobody
    elif (
        intent in (*SESSION_INTENTS, "feel_fine")
        and WANTS_TO_STEP_UP.search(text)
        and (work.session is None or work.session.over)
    ):
        # "it's too easy, what next" read as a session command with none running: the
        # step-up answer, never another feature's state
        _feels_easy(work)
    elif intent in SESSION_INTENTS or intent in ("feel_fine",):
        _no_session(work)
    elif intent == "greet":
        work.reply.messages += conversation.greet().messages
        _session_status(work)
    elif intent == "goodbye":
        work.say_text(answers.GOODBYE)
    elif intent == "thank" and work.session is not None and not work.session.over:
        # Thanks mid-session is no question asked: a short thanks, and where they are.
        work.say_text("You're welcome!")
        _session_status(work)
    elif intent == "thank":
        work.say_text("You're welcome! Anything else about your leg lifts?")
    elif intent in ("affirm", "deny", "ask_more"):
        _reply_to_offer(work)
    elif intent in conversation.INTENT_TOPICS:
        _question(work)
    elif len(work.turn.answer_candidates) == 1:
        _say_answer(work, work.turn.answer_candidates[0][0])  # one close reading: no need to ask
    elif not work.turn.answer_candidates and _selector_is_sure(work):
        # The intent classifier was lost ("can i do them on a rug" half read as a day to
        # train) but the answer selector is sure which question it is.
        _say_answer(work, work.turn.selector_readings[0][0])
    elif SESSION_GAP_ANSWER in dict(work.turn.answer_candidates) and ASKS_DAYS_TILL_NEXT.search(
        text
    ):
        _say_answer(work, SESSION_GAP_ANSWER)  # days before the next one: the gap, not a guess
    elif named := conversation.named_among(work.turn.text, work.turn.answer_candidates):
        _say_answer(work, named)  # the question names one of the readings in its own words
    elif work.turn.answer_candidates:
        reply = conversation.did_you_mean(work.turn.answer_candidates)
        work.reply.messages += reply.messages
        work.set(**reply.updates)
        _session_status(work)
    elif not _remark_in_session(work):
        work.say_text(answers.NOT_UNDERSTOOD)
        _session_status(work)


OPERATION_ANSWERS = tuple(key for key, _ in conversation.OPERATION_RULES)


def _answered_by_response(work: _Turn) -> None:
    """Rasa has said the answer (utter_faq): remember it, then say where the session is."""
    key = work.turn.answer_key
    if _gap_between_sessions_meant(work):
        # "And how long between?" just after how often: the answer about sets is said; the
        # one about sessions, which was meant, follows it.
        _say_answer(work, SESSION_GAP_ANSWER)
        return
    named = _answer_named_by_grammar(work.turn.text) if asks_something(work.turn.text) else None
    if named and named != key and conversation.answer_response(key or "") not in SESSION_GAP_TOPICS:
        # "What do I do once it gets easy?" read as another question: the one its words
        # name follows the answer Rasa chose.
        _say_answer(work, named)
        return
    work.set(last_topic=conversation.answer_response(key) if key else None, pending_offer=None)
    if key == "pain_when_adding_reps" and _pain_said_now(work.turn.text):
        # "went up to 20 and now my back aches": step back (Rasa said it); the pain is never
        # lost, so how bad is asked after it, as after a pain said in passing.
        _ask_how_bad(work, _pain_report(work), then=pain.HOW_BAD)
        return
    if key in OPERATION_ANSWERS and conversation.WRITTEN_NAME_ASKED.search(work.turn.text):
        # "new hip; is the hip extension on my sheet this one?": the surgeon's plan, then yes
        work.say_text(answers.SAME_EXERCISE)
    if work.session is None and LAST_CLAUSE_STARTS.search(work.turn.text):
        _start(work)  # "...had a knee op in May. Shall we get started?": answered, then begun
        return
    cleared = key in OPERATION_ANSWERS and cleared_and_asks_to_start(work.turn.text)
    if work.session is None and cleared:
        # "new knee, my surgeon says I'm good to go, take me through one?": begun, their
        # plan first; without their go-ahead, the operation's answer alone.
        work.say_text(answers.CLEARED_PLAN_FIRST)
        _start(work)
        return
    _session_status(work)


# The message's last clause asks to begin now, after words that needed an answer first.
LAST_CLAUSE_STARTS = re.compile(
    r"(?:^|[.!?;,]\s*|\bso\s+|\band\s+)(?:(?:ok|okay|right|so|well|now)\W+)*"
    r"(?:i(?:'?d| would) (?:like|love) to|i want to|i wanna|let'?s|lets|"
    r"(?:can|could|shall|may) (?:we|i))\s+"
    r"(?:start|begin|get (?:going|started)|do (?:a|my|the|our|today'?s|some) (?:session|"
    r"exercises?|workout|leg lifts|reps))(?:\W+(?:now|then|please|today))*\W*$",
    re.I,
)

# A clinician's go-ahead said as given ("my physio has cleared me", "the surgeon gave me the
# all-clear"), not awaited ("not cleared yet", "once I'm cleared", "before they sign me off").
CLINICIAN_CLEARED = re.compile(
    r"^(?!.*\b(?:not|n'?t|never|yet to|waiting|wait|until|till|once|before|when|if|whether)\b"
    r"(?:\W+\w+){0,4}?\W+"
    r"(?:cleared|clearance|all[- ]clear|go[- ]ahead|green light|signed|okayed)\b)"
    r"(?=.*\b(?:physio\w*|surgeons?|doctors?|gps?|consultants?|therapists?|specialists?|"
    r"nurses?|rehab team|team|they)\b)"
    r"(?=.*\b(?:cleared|clearance|(?:the|an?) all[- ]clear|(?:the|a) go[- ]ahead|(?:the|a) "
    r"green light|signed me off|okayed|ok'?d|good to go|(?:said|says|told me) (?:that )?"
    r"(?:i can|i'?m (?:ready|fine|ok|okay|allowed)|it'?s (?:fine|ok|okay|safe)))\b)",
    re.I | re.S,
)
# Asks the coach to lead a session now: "walk me through one", "can we start a session".
ASKS_TO_BE_LED = re.compile(
    r"\b(?:walk|take|talk|guide|lead|coach|run|get) me (?:through|into|started on|going on)\b"
    r"|\b(?:start|begin|do|try|have) (?:a|my|the|our|today'?s|first|my first) "
    r"(?:session|workout|set|sets|go)\b"
    r"|\b(?:let'?s|lets|can we|could we|shall we) (?:start|begin|go|get (?:going|started))\b",
    re.I,
)


def cleared_and_asks_to_start(text: str) -> bool:
    """Cleared by their clinician, and asking to be led through a session now."""
    return bool(CLINICIAN_CLEARED.search(text) and ASKS_TO_BE_LED.search(text))


# Answers about how often to train: "how long between?" after one of them is between sessions.
SESSION_GAP_TOPICS = tuple(
    conversation.answer_response(key)
    for key in ("sessions_per_week", "gap_between_sessions", "every_day")
)
SESSION_GAP_ANSWER = "gap_between_sessions"
# "How many days off till my next go?": the wait in days before the next session.
ASKS_DAYS_TILL_NEXT = re.compile(
    r"\bhow (?:many|much) (?:days?|time|rest)\b.*\b(?:before|till|until|between)\b.*\b"
    r"(?:next|another|sessions?|workouts?)\b",
    re.I,
)
_BETWEEN_WHAT = re.compile(r"\b(?:sets?|reps?|legs?|sides?|lifts?|rounds?|goes)\b", re.I)
_BETWEEN_SESSIONS = re.compile(r"\b(?:sessions?|workouts?|days?|times)\b", re.I)


# "Did them yesterday, again today?": a day before and a day after, not a time of day.
_DAY_BEFORE = re.compile(r"\b(?:yesterday|last (?:night|evening)|the day before)\b", re.I)
_DAY_AFTER = re.compile(r"\b(?:today|tonight|tomorrow|this (?:morning|evening)|again)\b", re.I)


def _gap_between_sessions_meant(work: _Turn) -> bool:
    """A question about the gap "between" that the selector answered with the rest between
    sets, when it names sessions, or names nothing just after a question about how often;
    or one about going again a day later that it answered with the time of day."""
    text = work.turn.text
    if work.turn.answer_key == "time_of_day":
        return bool(_DAY_BEFORE.search(text) and _DAY_AFTER.search(text))
    return (
        work.turn.answer_key == REST_ANSWER
        and re.search(r"\bbetween\b", text, re.I) is not None
        and not _BETWEEN_WHAT.search(text)
        and bool(_BETWEEN_SESSIONS.search(text) or work.state.last_topic in SESSION_GAP_TOPICS)
    )


# A remark on the effort, said in passing: "phew, I'm dripping", "this is a workout".
EFFORT_REMARK = re.compile(
    r"\b(?:sweat\w*|dripping|boiling|roasting|warm(?:ing)? up|hot in here|puff\w*|panting|"
    r"workout|work out|hard work|good work ?out|feel(?:ing)? the burn|feel(?:ing)? it now)\b",
    re.I,
)


# Words that may say something is wrong ("sweating and dizzy"): never passed off as chit-chat.
UNWELL_WORDS = re.compile(
    r"\b(?:feel\w*|dizz\w*|faint\w*|sick|nause\w*|light ?headed|chest|breath\w*|numb\w*|"
    r"tingl\w*|weak\w*|cold|clammy|fever\w*|night|shak\w*|heart|pounding|unwell|ill)\b",
    re.I,
)


# Words that answer or steer the session ("hard work, let's stop", "sweaty but done"): read
# by the rules for those, never passed off as a remark.
SAYS_MORE_THAN_A_REMARK = re.compile(
    r"\b(?:yes|yeah|yep|yup|no|nope|nah|done|all|finished|ready|stop\w*|pause|rest|break|"
    r"skip|next|go|again|more|enough|quit|end|leave|bye|later|tomorrow|today|can'?t|cannot)\b",
    re.I,
)


# A message that only takes in what was said, or thanks: never a rep.
BARE_ACKNOWLEDGEMENT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|k|kk|alright|all right|right|cool|got it|gotcha|understood|noted|"
    r"cheers|thanks|thank you|thanks a lot|thanks very much|thank you very much|many thanks|"
    r"ta|ta very much|sure|fine|righto|roger|sound|lovely|great|nice)"
    r"(?:\W+(?:then|coach|mate|buddy|pal|very much|a lot|so much))*\W*)+$",
    re.I,
)


def _bare_acknowledgement_mid_set(work: _Turn) -> bool:
    """ "Okay", "cheers", "thanks coach" in the middle of a set, no question open: the
    count stays as it is, and the user hears where they are and how many are left."""
    session = work.session
    if (
        session.phase != "active"
        or session.awaiting_feedback
        or session.check
        or _waiting_for_ready(session, work.now)
        or not BARE_ACKNOWLEDGEMENT.match(work.turn.text)
    ):
        return False
    thanked = re.search(r"\b(?:thanks|thank|cheers|ta)\b", work.turn.text, re.I)
    left = session.target - session.count
    welcome = "You're welcome! " if thanked else ""
    work.say_text(
        f"{welcome}{session.count} of {session.target} done on your {session.leg} leg,"
        f" {left} to go. Keep going."
    )
    return True


def _remark_in_session(work: _Turn) -> bool:
    """A remark on the effort in a session ("phew, I'm dripping already"): a short friendly
    word, then the pending question, never "didn't catch that". Only the effort: any other
    remark, or one with a number, pain, a question or a word that may mean feeling unwell,
    is left to the rules that read those."""
    text = work.turn.text
    if (
        work.session is None
        or work.session.over
        or not EFFORT_REMARK.search(text)
        or UNWELL_WORDS.search(text)
        or SAYS_MORE_THAN_A_REMARK.search(text)
        or asks_something(text)
        or re.search(r"\d", text)
        or numbers.read_count(text) is not None
        or numbers.mentions_pain(text)
        or len(text.split()) > 12
    ):
        return False
    work.say_text("Sounds like you're working hard: good.")
    _session_status(work)
    return True


def _unsaid_answer(work: _Turn) -> None:
    """A question in a session, which Rasa left to the coach: the selector's answer."""
    if work.turn.answer_key and ANSWER_KEY.fullmatch(work.turn.answer_key):
        _say_answer(work, work.turn.answer_key)
    elif not _remark_in_session(work):
        work.say_text(answers.NOT_UNDERSTOOD)
        _session_status(work)


def _chosen_answer(work: _Turn) -> None:
    """A "did you mean" button: say the answer it names."""
    key = next(
        (str(e.get("value")) for e in work.turn.entities if e.get("entity") == "answer"), None
    )
    if not key or not ANSWER_KEY.fullmatch(key):
        work.say_text(answers.NOT_UNDERSTOOD)
        return
    _say_answer(work, key)


def _say_answer(work: _Turn, key: str) -> None:
    response = conversation.answer_response(key)
    work.reply.messages.append(Message("", response=response))
    work.set(last_topic=response, pending_offer=None)
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
    check = work.step_up_check() if topic == "progression" else None
    reply = conversation.answer_question(
        work.turn.intent,
        work.turn.entities,
        work.state.conversation_state(),
        # One question at a time; and no offer that leads to "add more" while cautious.
        offer_more=not work.morning_check_due
        and (work.session is None or work.session.over)
        and not (work.state.caution and topic in OFFERS_LEADING_TO_PROGRESSION)
        and not (check and check.earned),
        text=work.turn.text,
    )
    work.reply.messages += reply.messages
    work.set(**reply.updates)
    if check and check.earned and (work.session is None or work.session.over):
        _offer_step_up(work, check)  # the history says they are ready: say so
    _session_status(work)


def _selector_is_sure(work: _Turn) -> bool:
    readings = work.turn.selector_readings
    return bool(readings) and readings[0][1] >= MISREAD_QUESTION_SURE


# A greeting, a goodbye or thanks opens with one of these; a question that merely
# mentions a morning or a night does not.
SOCIAL_START = re.compile(
    r"^\W*(?:hi|hiya|hello|hey|yo|howdy|good ?(?:morning|afternoon|evening|night|day)|morning|"
    r"evening|night|thanks?|thank you|cheers|ta|bye|goodbye|see you|later|nice|great|lovely)\b"
    r"(?!\s+or\b)",
    re.I,
)
# Greeting words that may open a start command: "hey, let's go", "morning, start".
GREETING_OPENER = re.compile(
    r"^\W*(?:(?:hi|hiya|hello|hey|heya|hey there|yo|oi|sup|howdy|greetings|good ?(?:morning|"
    r"afternoon|evening|day)|morning|afternoon|evening|hi there|hello there|coach|again)\b\W*)+",
    re.I,
)


def _greeting_then_go(text: str) -> bool:
    opener = GREETING_OPENER.match(text)
    if not opener or opener.end() >= len(text.rstrip()):
        return False
    rest = text[opener.end() :]
    return bool(
        LETS_GO.match(rest)
        or START_REQUEST.match(rest)
        or (STARTS_A_SESSION.search(rest) and not is_question(rest))
    )


# A misread question's best answer also stands when it is well ahead of the next one.
MISREAD_QUESTION_LEAD = (0.25, 1.5)  # at least this likely, and this many times the next


def _clear_lead(readings: tuple[tuple[str, float], ...]) -> bool:
    least, times = MISREAD_QUESTION_LEAD
    best, second = readings[0][1], (readings[1][1] if len(readings) > 1 else 0.0)
    return best >= least and best >= times * second


def _answer_misread_question(work: _Turn) -> bool:
    """A question read as a session command while no session runs ("why did my physio
    pick this one?" as a pause) is answered, not told "we're not in a session": the
    selector's answer when it is sure enough, else its best readings as buttons."""
    readings = work.turn.selector_readings
    if not readings or not asks_something(work.turn.text):
        return False
    if len(readings) == 1 or _selector_is_sure(work) or _clear_lead(readings):
        _say_answer(work, readings[0][0])
        return True
    if named := conversation.named_among(work.turn.text, readings):
        _say_answer(work, named)
        return True
    reply = conversation.did_you_mean(readings)
    work.reply.messages += reply.messages
    work.set(**reply.updates)
    _session_status(work)
    return True


JUST_STOPPED_SECONDS = 15 * 60  # "ok stopping" this soon after a stop agrees with it


def _no_session(work: _Turn) -> None:
    intent = work.turn.intent
    if intent == "feel_fine":
        work.say_text("Glad to hear it! Say start my session whenever you want to exercise.")
    elif intent == "repeat" and (work.state.last_topic or "").startswith("utter_"):
        work.reply.messages.append(Message("", response=work.state.last_topic))
    elif intent == "repeat" and work.state.last_topic in answers.ANSWERS:
        work.say_text(answers.answer_for(work.state.last_topic).short)
    elif intent == "stop_session" and _ended_within(work, JUST_STOPPED_SECONDS):
        # "ok stopping" just after the coach stopped the session: agreed, nothing to undo.
        severe = (_recent_pain(work) or {}).get("severity", 0) >= pain.SEVERE_FROM
        rest = " Rest, and let the pain settle." if severe else ""
        work.say_text(f"Yes, you've stopped for today, and your session is saved.{rest}")
    elif intent == "stop_session":
        work.say_text("There's no session running, so nothing to stop. Take care!")
    else:
        work.say_text(answers.NO_SESSION)


def _session_control(work: _Turn, session: Session) -> bool:
    """A message that steers the running session; False if it is not about the session."""
    intent, now = work.turn.intent, work.now
    if intent == "count_rep":
        lines = session.count_rep(_said_number(work.turn), now)
    elif intent == "report_reps" and session.awaiting_feedback:
        lines = session.unclear_voice_answer(now)
    elif intent == "report_reps":
        lines = session.report(_said_number(work.turn), now)
    elif (
        intent in ("affirm", "feel_fine", "ask_more")
        and session.phase in ("rest", "paused")
        and _resting_after_pain(work)
        and not (LETS_GO.match(work.turn.text) or in_position(work.turn.text))
        # "It's eased off now", "no pain now": the pain has settled, so on they go.
        and not (PAIN_EASING.search(work.turn.text) or numbers.says_no_pain(work.turn.text))
    ):
        # "Yeah okay" to the advice after a pain stop: heard, and no set starts on it.
        if _at_a_pain_rest(session):
            lines = _assent_at_a_pain_rest(session, now)
        else:
            lines = [Line(PAIN_REST_FIRST), session.status()]
    elif _resuming_after_a_pain_stop(work, session):
        _ask_or_resume_after_pain_stop(work, session)
        return True
    elif intent == "continue_session" or (
        # "ok" / "go on" / "carry on" read as yes or "tell me more": here they mean go.
        intent in ("affirm", "feel_fine", "ask_more")
        and (
            session.phase in ("setup", "rest", "paused")
            or session.awaiting_feedback
            or session.awaiting_ready  # "yes" to "say ready when you're in position"
        )
    ):
        lines = session.ready(now)
    elif intent in ("affirm", "feel_fine", "deny"):
        lines = [session.status()]
    elif intent == "pause_session":
        lines = session.pause()
    elif intent == "skip" and SKIP_ALONE.match(work.turn.text) and session.phase == "active":
        lines = session.ask_what_to_skip()  # "skip" alone mid-set: the leg, the set? Asked.
    elif intent == "skip":
        text = work.turn.text.lower()
        words = re.findall(r"[a-z]+", re.sub(r"\brest of\b", "remainder of", text))
        rest_only = bool({"rest", "break", "breather", "pause", "wait"} & set(words))
        lines = session.skip("set" in words and not rest_only, now, rest_only=rest_only)
    elif intent == "repeat":
        lines = session.repeat()
    elif intent in ("stop_session", "goodbye"):
        work.say(session.stop(now))
        work.close_session()
        lines = [Line(answers.GOODBYE)] if intent == "goodbye" else []
    elif intent == "ask_reps" and re.search(
        r"\b(left|to go|remaining|more (?:to do|do i have)|so far|done)\b", work.turn.text, re.I
    ):
        lines = session.how_many_left()
    elif intent == "ask_easier":
        lines = session.ease_off("too_hard", now)
    elif intent == "ask_progression":
        lines = session.note_easy() if not work.state.caution else [session.status()]
    else:
        return False
    work.say(lines, session.check_buttons())
    return True


PAIN_NOT_SETTLED = (
    "As the pain hasn't settled, we'll stop for today. Rest it and keep moving gently; next"
    " time we start with the easier version. If it is worse tomorrow morning, tell me."
)


def _resuming_after_a_pain_stop(work: _Turn, session: Session) -> bool:
    """A go-ahead said with how the pain is ("it's eased, let's go", "still sore but ready")
    at the rest after pain stopped a set, before the user has said the pain settled."""
    text = work.turn.text
    return (
        session.resting
        and session.pain_settled_unasked
        and work.turn.intent in ("continue_session", "affirm", "feel_fine", "ask_more")
        and bool(PAIN_NOT_EASING.search(text) or numbers.read_pain_score(text) is not None)
    )


def _ask_or_resume_after_pain_stop(work: _Turn, session: Session) -> None:
    """A score said with the go-ahead ("down to a 2, ready"): 3 or less goes on with the
    smaller lift, more stops for today, as "still hurts" does. "Eased off now, let's go"
    with no score, or a bare "ready", gets the yes/no question (Session.ready)."""
    score = numbers.read_pain_score(work.turn.text)
    if score is not None and score <= work.thresholds.fine_up_to:
        work.say(session.resume_after_pain_settled(work.now), session.check_buttons())
    else:
        _stop_as_pain_has_not_settled(work, session, score)


def _answer_pain_settled(work: _Turn) -> bool:
    """The answer to "has the pain settled?": yes or a low score goes on with the smaller
    lift; no, "still hurts" or a higher score stops for today. Anything else is handled as
    itself, and the question is asked again when the user says go."""
    session = work.session
    session.check = None  # answered, or asked again on the next "ready"
    text = work.turn.text
    score = numbers.read_pain_score(text, asked=True)
    if score is None and work.turn.intent == "count_rep":
        number = _said_number(work.turn)
        score = number if number is not None and 0 <= number <= 10 else None
    settled = score is not None and score <= work.thresholds.fine_up_to
    if score is None:
        yes_or_no = _yes_or_no(work)
        if PAIN_NOT_EASING.search(text):
            settled = False
        elif PAIN_EASING.search(text) or numbers.says_no_pain(text) or yes_or_no == "affirm":
            settled = True
        elif yes_or_no != "deny" and not numbers.mentions_pain(text):
            return False
    if settled:
        work.say(session.resume_after_pain_settled(work.now), session.check_buttons())
    else:
        _stop_as_pain_has_not_settled(work, session, score)
    return True


def _stop_as_pain_has_not_settled(work: _Turn, session: Session, score: int | None = None):
    if score is not None and score >= pain.SEVERE_FROM:
        # Severe now: its own stronger advice and the safety questions, as anywhere.
        _act_on_pain(work, pain.PainReport(severity=score))
        return
    session.record_pain(score)
    work.say(session.stop(work.now, reason="pain_stop"))
    work.say_text(PAIN_NOT_SETTLED)
    work.set(morning_check=work.now)


PAIN_REST_FIRST = (
    "Okay, rest first. When you say ready, I'll check the pain has settled before we go on"
    " with the easier version."
)


def _at_a_pain_rest(session: Session) -> bool:
    """The rest after pain stopped a set, the has-it-settled question not yet asked."""
    return session.resting and session.pain_settled_unasked and not session.check


def _assent_at_a_pain_rest(session: Session, now: float) -> list[Line]:
    """A bare "ok" / "yeah okay" at the rest after a pain stop is no go-ahead: while the
    rest runs, the rest and what comes next; once it is over, the has-it-settled question
    (asked too when the user says go, Session.ready)."""
    if session.phase == "rest" and session.rest_until is not None and now >= session.rest_until:
        return session.ask_pain_settled()
    return [Line(PAIN_REST_FIRST), session.status()]


def _resting_after_pain(work: _Turn) -> bool:
    """The rest that follows pain above the fine band, reported within the last minutes."""
    recent = _recent_pain(work)
    return (
        recent is not None
        and work.now - recent["at"] < PAIN_STILL_THE_TOPIC
        and recent.get("severity") is not None
        and recent["severity"] > work.thresholds.fine_up_to
    )


# -- starting a session ------------------------------------------------------------------


START_CHECKS = ("start_after_red_flag", "start_after_severe_pain", "start_anyway")


def _said_pain(recent: dict) -> str:
    """Today's pain as the user gave it: its number, or its band if said in words."""
    return pain.said_score(recent.get("severity", 0), bool(recent.get("in_words")))


def _recent_pain(work: _Turn) -> dict | None:
    """Pain reported today (the user's day), if any: {"at": ..., "severity": ...}."""
    recent = work.plan.get("recent_pain")
    if not isinstance(recent, dict) or not isinstance(recent.get("at"), int | float):
        return None
    today = datetime.fromtimestamp(work.now, work.tz).date()
    if datetime.fromtimestamp(recent["at"], work.tz).date() != today:
        return None
    return recent


def _said_today(work: _Turn, at: object) -> bool:
    """Whether a time noted in the plan falls on the user's today."""
    if not isinstance(at, int | float):
        return False
    today = datetime.fromtimestamp(work.now, work.tz).date()
    return datetime.fromtimestamp(at, work.tz).date() == today


def _start(work: _Turn, checked: str | None = None, count: numbers.Count | None = None) -> None:
    """Start a session once every check before it has passed; `checked` is the check the
    user has just answered yes to (START_CHECKS, in the order they are asked)."""
    session = work.session
    passed = START_CHECKS[: START_CHECKS.index(checked) + 1] if checked in START_CHECKS else ()
    if session is not None and not session.over:
        work.say_text(
            f"You're in the middle of a session: {session.where()}. Carry on, or say stop to"
            " finish for today."
        )
        return
    if _safety(work).ask_clinician():  # an emergency: "yes" is not enough, say who saw you
        return
    if (
        "start_after_red_flag" not in passed
        and (work.state.caution or {}).get("reason") == "red_flag"
    ):
        work.say_text(
            "Last time you told me about a warning sign that needs a clinician's check."
            " Has a doctor or physiotherapist seen you and said exercising is okay?",
            conversation.YES_NO_BUTTONS,
        )
        work.set(pending_offer="start_after_red_flag")
        return
    severe = _rest_today_pain(work)
    went_ahead = work.plan.get("went_ahead_after_pain") or 0
    if "start_after_severe_pain" not in passed and severe is not None and went_ahead < severe["at"]:
        _ask_go_ahead_after_severe_pain(work, severe)
        return
    if "start_anyway" not in passed and progression.too_soon(work.state.history, work.now):
        work.say_text(
            progression.too_soon_warning(work.state.history, work.now, work.tz), START_BUTTONS
        )
        work.set(pending_offer="start_anyway")
        return
    # Not skipped by any yes: before a first session, and again after severe pain (the
    # checklist a severe report began and the user talked over is finished first).
    unfinished = _safety(work).safety.get("screening") or {}
    if unfinished.get("reason") == safety.SEVERE_PAIN and _severe_pain_today(work) is not None:
        kept = {"count": count.__dict__} if count is not None else {}
        _safety(work).start_screening(safety.SEVERE_PAIN, then_start=True, **kept)
        return
    if safety.needs_screening(work.state.history, work.state.safety):
        kept = {"count": count.__dict__} if count is not None else {}
        _safety(work).start_screening(safety.FIRST_SESSION, **kept)
        return
    _restart_lower_after_break(work)
    _begin_session(work, count)


def _severe_pain_today(work: _Turn) -> dict | None:
    """Today's severe pain report (7 or more), kept even when a milder score was said after
    it: any session the same day needs an explicit go-ahead first (issue 17)."""
    recent = _recent_pain(work)
    if recent is None:
        return None
    if recent.get("severity", 0) >= pain.SEVERE_FROM:
        return recent
    earlier = recent.get("severe_earlier")
    if not isinstance(earlier, dict) or not isinstance(earlier.get("at"), int | float):
        return None
    today = datetime.fromtimestamp(work.now, work.tz).date()
    return earlier if datetime.fromtimestamp(earlier["at"], work.tz).date() == today else None


def _rest_today_pain(work: _Turn) -> dict | None:
    """Today's pain that says rest today: severe, or above the stop line (a 6 said before
    a session is "rest it today" too), so a session the same day needs the go-ahead."""
    severe = _severe_pain_today(work)
    if severe is not None:
        return severe
    recent = _recent_pain(work)
    if recent is not None and recent.get("severity", 0) > work.thresholds.stop_above:
        return recent
    return None


# The one same-day question after severe pain, whichever words asked to go again; the
# answer it asks for is said in the text too, for voice (no buttons there).
GO_AHEAD_QUESTION = (
    'Do you want to go ahead anyway? Say "yes, I want to go ahead" and we\'ll do the'
    " easier version with fewer reps, or say no and rest."
)


def _ask_go_ahead_after_severe_pain(work: _Turn, severe: dict) -> None:
    if severe.get("severity", 0) >= pain.SEVERE_FROM:
        work.say_text(
            f"Not today is my advice: earlier today you told me about {_said_pain(severe)},"
            f" and that's severe pain, so resting today is the safer choice. {GO_AHEAD_QUESTION}",
            SEVERE_PAIN_BUTTONS,
        )
    else:
        stop = work.thresholds.stop_above
        work.say_text(
            f"Not today is my advice: earlier today you told me about {_said_pain(severe)},"
            f" and that's above {stop}, so resting today is advised. {GO_AHEAD_QUESTION}"
            f" If you go ahead, stop straight away if the pain goes above {stop}.",
            SEVERE_PAIN_BUTTONS,
        )
    work.set(pending_offer="start_after_severe_pain")


def _todays_plan(work: _Turn) -> None:
    """What today's session would be, eased off as a session would be after pain today,
    and an offer to start it."""
    level = p.LEVELS[p.level_index(work.level)]
    target, eased_for = _todays_target(work)
    because = " (lighter than usual, because of the pain you told me about)" if eased_for else ""
    work.say_text(
        f"Today's session: {p.SETS_PER_LEG} sets of {target} reps on each leg{because}, the"
        f" {level.name}, with {p.REST_BETWEEN_SETS_SECONDS} seconds of rest between sets."
        " Shall we start it now?",
        REMINDER_BUTTONS,
    )
    work.set(pending_offer="reminder_start")


def _todays_target(work: _Turn) -> tuple[int, dict | None]:
    """Reps a set for a session started now, and the pain report that eased them (None
    when the level's own number stands)."""
    target = p.LEVELS[p.level_index(work.level)].reps_per_set
    recent = _recent_pain(work)
    if recent is None or recent.get("severity", 0) <= work.thresholds.fine_up_to:
        return target, None
    return max(p.MIN_REPS_PER_SET, target - p.EASE_OFF_REPS), recent


def _begin_session(work: _Turn, count: numbers.Count | dict | None = None) -> None:
    level = work.level
    first_time = not work.state.history
    target, recent = _todays_target(work)
    work.session, lines = Session.begin(
        level,
        target,
        work.now,
        first_time=first_time,
        voice=work.turn.voice,
        timed_rest=work.turn.can_push,
    )
    if recent is not None:
        work.session.notes.append("eased_off")
        lines.insert(
            0,
            Line(
                f"You told me about {_said_pain(recent)} today, so we'll go"
                f" lighter: {target} reps a set instead of"
                f" {p.LEVELS[p.level_index(level)].reps_per_set}, lifting only as high as your"
                " lower back stays still. Stop if it gets worse."
            ),
        )
    elif _said_today(work, work.plan.get("worse_next_morning_at")):
        lines.insert(
            0,
            Line(
                "Your pain was worse the morning after last time, so today is lighter: the"
                f" {p.LEVELS[p.level_index(level)].name}. Stop if it gets worse."
            ),
        )
    if isinstance(count, dict):
        count = _count_from(count)
    if count is not None:
        # Already exercising: no "say ready", the count said is the first thing counted.
        lines = [*lines[:-1], Line("You've already started, so I'll count from there.")]
        lines += work.session.said(count, work.now)
    work.say(lines, work.session.check_buttons())


def _count_from(data: dict) -> numbers.Count | None:
    try:
        return numbers.Count(**data)
    except TypeError:
        return None


# -- pain ------------------------------------------------------------------------------


def _said_in_words(work: _Turn, severity: int) -> bool:
    return work.turn.score_in_words or pain.said_in_words(work.turn.text, severity)


def _pain_report(work: _Turn) -> pain.PainReport:
    """The pain the turn reports, its score marked as said in words if the user gave no
    number (the coach may have written one into the text)."""
    report = pain.read_report(work.turn.entities, work.turn.text)
    if work.turn.score_in_words and report.severity is not None:
        return replace(report, in_words=True)
    return report


def _pain(work: _Turn) -> None:
    report = _pain_report(work)
    if work.turn.intent == "feel_worse" and report.severity is None and work.session is None:
        report = pain.PainReport(location=report.location or "lower back", side=report.side)
    passing = _answer_after_passing_pain(work) if report.severity is None else None
    if passing:
        # "hip's a bit sore lol, anyway how many sets?": the question answered first, then
        # how bad, in the one turn; the pain is kept for the score (a score said, a red
        # flag or severe words are acted on as ever, before this).
        response = conversation.answer_response(passing)
        work.reply.messages.append(Message("", response=response))
        work.set(last_topic=response)
        _ask_how_bad(work, report, then=pain.ASK_SEVERITY)
        return
    if (
        report.severity is None
        and pain.asks_in_general(work.turn.text)
        # "is it sciatica? it hurts when I bend": no diagnosis, then how bad (below)
        and not pain.NAMES_A_DIAGNOSIS.search(work.turn.text)
    ):
        # "What if it hurts?": the general answer, and an open door to rate it.
        work.say_text(answers.ANSWERS["pain"].short)
        _say_if_a_diagnosis_asked(work)
        work.say_text(pain.RATE_IT_IF_NOW)
        work.set(
            last_topic="pain", pending_offer="pain_severity", pending_pain=_report_dict(report)
        )
        _session_status(work)
        return
    if report.severity is None and report.location == "wrist" and not report.for_weeks:
        # Wrists that ache from taking weight on all fours: a comfort problem with its own
        # answer (hands flat or forearms, or the face-down version), not a load to rate.
        _say_answer(work, "sore_wrists")
        return
    if (
        (work.session is None or work.session.over)
        and report.location in pain.AWAY_FROM_THE_EXERCISE
        and pain.ASKS_FOR_OTHER_HELP.search(work.turn.text)
    ):
        work.say_text(pain.PAIN_AWAY_FROM_THE_EXERCISE.format(place=report.location))
        _screen_after_severe_pain(work, report)  # safety first, wherever it hurts
        return
    if report.severity is None and _form_question_asked(work):
        # "My neck gets sore, should I look up?": the form question is answered (the right
        # form may be what stops it hurting), and the door to rate the pain stays open.
        _say_answer(work, work.turn.answer_key)
        work.say_text(pain.RATE_IT_IF_NOW)
        work.set(pending_offer="pain_severity", pending_pain=_report_dict(report))
        return
    if report.severity is None and WHAT_WENT_WRONG.search(work.turn.text):
        form_answer = _form_answer_for_the_fault(work, report)
        if form_answer or not report.for_weeks:
            if form_answer:
                # "My neck aches when I look up, am I doing it wrong?": the part's or the
                # movement's own form answer first.
                _say_answer(work, form_answer)
            else:
                # "It hurts when I lift, what am I doing wrong?": the usual form faults and
                # the cue for that place.
                work.say_text(pain.WHAT_WENT_WRONG)
                work.say_text(pain.form_cue(report.location))
            # Then how bad, since pain during the lift is rated before going on.
            work.say_text(pain.HOW_BAD)
            work.set(pending_offer="pain_severity", pending_pain=_report_dict(report))
            return
    fault = conversation.fault_that_brings_pain(work.turn.text)
    if report.severity is None and not report.from_kneeling and fault:
        # "My back twinges when I take the leg past flat": the fault's own form answer (the
        # right form may be what stops it), then how bad, as pain in the lift is rated.
        response = conversation.answer_response(fault)
        work.reply.messages.append(Message("", response=response))
        work.set(last_topic=response)
        _ask_how_bad(work, report, then=pain.HOW_BAD)
        return
    if report.severity is None and not report.from_kneeling:
        if (
            not report.for_weeks
            and is_question(work.turn.text)
            and not pain.NAMES_A_DIAGNOSIS.search(work.turn.text)
        ):
            # "my hip's aching, should I stop?": what to do depends on how bad, so that is
            # said briefly, and asked.
            work.say_text(pain.depends_on_how_bad(work.thresholds))
            _ask_how_bad(work, report, then=pain.HOW_BAD)
        else:
            _ask_how_bad(work, report, then=pain.ASK_SEVERITY)
        return
    _act_on_pain(work, report)


def _answer_after_passing_pain(work: _Turn) -> str | None:
    """The answer to a question asked after a pain said in passing: the one its own words
    settle, else the selector's, unless that is about pain (then how bad answers it)."""
    asked = conversation.question_after_passing_pain(work.turn.text)
    if asked is None:
        return None
    key = conversation.answer_to_passing_question(asked, work.turn.answer_key)
    if not key or not ANSWER_KEY.fullmatch(key) or PAIN_ANSWER_KEY.search(key):
        return None
    return key


def _pain_said_now(text: str) -> bool:
    """One's own pain said, not asked about in general ("what if it hurts when I add reps?")."""
    return (
        conversation.pain_said(text)
        and not pain.asks_in_general(text)
        and not numbers.says_no_pain(text)
        and numbers.read_pain_score(text) is None
    )


# Answers about pain: after a pain said in passing, how bad it is answers those.
PAIN_ANSWER_KEY = re.compile(r"pain|sore|worse|ache|hurt|injur", re.I)


def _ask_how_bad(work: _Turn, report: pain.PainReport, then: str) -> None:
    """How bad the pain is, asked (`then`), and the report kept until the score comes; pain
    for weeks is sent to a clinician first."""
    if report.for_weeks:
        # Said now, so the advice after the score need not say it again.
        work.say_text(pain.ASK_SEVERITY_AFTER_WEEKS)
        report = pain.PainReport(**{**report.__dict__, "for_weeks": False})
    else:
        _say_if_a_diagnosis_asked(work)
        work.say_text(then)
    work.set(pending_offer="pain_severity", pending_pain=_report_dict(report))


def _say_if_a_diagnosis_asked(work: _Turn) -> None:
    """The coach never diagnoses: asked what the pain is, it says who can tell."""
    if pain.ASKS_FOR_A_DIAGNOSIS.search(work.turn.text):
        work.say_text(pain.CANT_DIAGNOSE)


# Answers on how to hold the body: a question about one, asked with a sore part named,
# gets its answer before the pain is rated.
FORM_ANSWERS = (
    "neck_and_head", "back_position", "keeping_the_pelvis_still", "how_high_to_lift",
    "knee_straight", "toes", "arms_and_thighs", "starting_position", "the_lift",
    "tummy_squeeze", "arching_the_back", "breathing", "speed", "lowering_the_leg",
)  # fmt: skip
FORM_ANSWER_MIN_CONFIDENCE = 0.5
# Asked inside the report, with no mark or comma: "... doing this am i meant to look up"
ASKS_HOW_TO_HOLD = re.compile(
    r"\b(?:am i|should i|do i|shall i|is it|are they|is my \w+)\s+(?:\w+\s+)?"
    r"(?:supposed|meant|right|ok|okay|correct|wrong|to)\b",
    re.I,
)


def _form_question_asked(work: _Turn) -> bool:
    readings = work.turn.selector_readings
    return (
        work.turn.answer_key in FORM_ANSWERS
        and bool(readings)
        and readings[0][0] == work.turn.answer_key
        and readings[0][1] >= FORM_ANSWER_MIN_CONFIDENCE
        and (asks_something(work.turn.text) or bool(ASKS_HOW_TO_HOLD.search(work.turn.text)))
        # "it hurts, can I still do them?" is answered from how bad it is
        and not conversation.CAN_I_EXERCISE.search(work.turn.text)
    )


def _form_answer_for_the_fault(work: _Turn, report: pain.PainReport) -> str | None:
    """The form answer a fault names: a movement's by its words, else the place's own."""
    named = conversation.answer_named_by_words(work.turn.text)
    if named in FORM_ANSWERS:
        return named
    fault = conversation.fault_that_brings_pain(work.turn.text)
    return fault or pain.FORM_ANSWER_FOR_PLACE.get(report.location)


def _report_dict(report: pain.PainReport) -> dict:
    """What is kept of a report while its score is asked for (the score comes later)."""
    return {
        key: value for key, value in report.__dict__.items() if key not in ("severity", "in_words")
    }


def _act_on_pain(work: _Turn, report: pain.PainReport) -> None:
    session = work.session
    in_session = session is not None and not session.over
    if pain.persisting(work.state.history, work.now):
        report = pain.PainReport(**{**report.__dict__, "for_weeks": True})
    level = session.level if in_session else work.state.current_level
    advice = pain.advise(
        report,
        work.thresholds,
        level=level,
        history=work.state.history,
        in_session=in_session,
        # Set-level advice ("stop this set") only while a set runs.
        set_running=in_session and session.phase == "active",
        just_after_a_session=not in_session and _just_after_a_session(work),
    )
    if in_session and _eases_to_a_score(work.turn.text, report.severity, work.thresholds):
        work.say_text(EASING_MID_SET)  # "settling now, a 1": heard, then the score's advice
    work.say([Line(text) for text in advice.lines])
    _say_if_a_diagnosis_asked(work)
    if advice.band == pain.STOP:
        work.set(caution={"reason": "pain", "severity": report.severity, "at": work.now})
    if advice.new_level:
        work.set(level=advice.new_level)
    if report.severity is not None:
        recent = {
            "at": work.now,
            "severity": report.severity,
            "in_words": report.in_words,
            "level_before": level,
            "location": report.location,
        }
        severe = _severe_pain_today(work)
        if severe is not None and report.severity < pain.SEVERE_FROM:
            # "It's a 3 now": milder, but today's severe report still needs the go-ahead.
            recent["severe_earlier"] = {
                key: severe[key] for key in ("at", "severity", "in_words") if key in severe
            }
        work.set(plan={**work.plan, "recent_pain": recent})
    if not in_session:
        if _add_to_last_session(work, report.severity):
            work.say_text("I've added that to the record of your session today.")
            if 0 < report.severity < pain.SEVERE_FROM:
                work.say_text(pain.WATCH_AFTER_A_SESSION)  # severe has its stronger advice
        if advice.check_next_morning:
            work.set(morning_check=work.now)
        _screen_after_severe_pain(work, report)
        _offer_start_after_pain(work, report, advice)
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
    _screen_after_severe_pain(work, report)


# Pain said with a wish to exercise today: "sore, but I'd still like to do my session".
WANTS_A_SESSION = re.compile(
    r"\b(?:like|want|wanna|keen|happy|planning|plan|hoping|hope|going|gonna|can we|could we|"
    r"shall we|can i|could i|let'?s|lets|ready)\b.*\b(?:session|exercises?|workout|work out|"
    r"train|training|leg lifts?|lifts|reps|start|begin|get going|get started|crack on|go ahead|"
    r"do it|do this|do them|carry on|exercise)\b"
    r"(?!.*\b(?:tomorrow|later|tonight|next week|another day)\b)",
    re.I,
)


def _offer_start_after_pain(work: _Turn, report: pain.PainReport, advice: pain.Advice) -> None:
    """Pain before a session that does not rule it out, said with a wish to exercise: ask
    whether to start now (the session that starts is the one the pain adjusted), so that
    "ok" or "sounds good" starts it."""
    if (
        advice.band == pain.STOP
        or report.severity is None
        or report.severity >= pain.SEVERE_FROM
        or work.reply.updates.get("pending_offer")
        or _ended_within(work, RECENT_SESSION_SECONDS)
        or not (
            work.turn.intent == "start_session"
            or WANTS_A_SESSION.search(work.turn.text)
            or _says_start_now(work.turn.text)
        )
    ):
        return
    if _says_start_now(work.turn.text):
        _start(work)  # "back's a 2, let's start": already asked, so no question back
        return
    work.say_text("Shall we start today's session now?", REMINDER_BUTTONS)
    work.set(pending_offer="reminder_start")


# A message's clauses: "bit sore, 3/10, go", "it's a 2 so let's begin".
CLAUSE_BREAK = re.compile(r"[,.;:!?]+|\s(?=(?:so|and|but|then|now)\s)", re.I)


def _says_start_now(text: str) -> bool:
    """A clause of the message is a go-ahead on its own ("let's start", "go", "can we
    begin"), not a wish ("I'd like to train today") or a question about it."""
    clauses = (clause.strip() for clause in CLAUSE_BREAK.split(text))
    return any(LETS_GO.match(clause) or START_REQUEST.match(clause) for clause in clauses if clause)


def _screen_after_severe_pain(work: _Turn, report: pain.PainReport) -> None:
    """Severe pain can come with a new warning sign: the checklist again."""
    if report.severity is not None and report.severity >= pain.SEVERE_FROM:
        if work.session is not None and work.session.over:
            # What comes after the session (when the next one is) is said now, so that
            # the checklist's question is the last thing said: by voice, the user answers it.
            work.close_session()
        _safety(work).screen_after_severe_pain()


def _just_after_a_session(work: _Turn) -> bool:
    """The last session ended moments ago: pain said now belongs to it."""
    last = work.history[-1] if work.history else None
    if not isinstance(last, dict):
        return False
    ended = last.get("ended_at") or 0
    return 0 <= work.now - ended <= PAIN_AFTER_SESSION_SECONDS


def _add_to_last_session(work: _Turn, severity: int | None) -> bool:
    """Pain reported soon after a session belongs to that session's record."""
    history = work.history
    last = history[-1] if history else None
    if severity is None or not _just_after_a_session(work):
        return False
    record = {**last, "pain": [*(last.get("pain") or []), severity]}
    work.set(history=[*history[:-1], record])
    return True


def _worse_next_morning(work: _Turn) -> None:
    """ "It was worse the next morning": less load, and what the next session will be."""
    above_usual = numbers.score_above_baseline(work.turn.text)
    severity = (
        above_usual[0]  # "a 5 when it's normally a 3": the score now, never the usual one
        if above_usual
        else pain.read_severity(work.turn.entities, work.turn.text)
    )
    if severity is not None and severity >= pain.SEVERE_FROM:
        # Severe pain said with it: safety first (stop for today, the checklist again).
        work.set(pending_offer=None, morning_check=None)
        _note_next_morning(work, "worse")
        _act_on_pain(work, _pain_report(work))
        return
    level, text = pain.morning_check(True, work.level)
    work.say_text(text)
    # A session started today says why it is the easier version (_begin_session).
    work.set(
        pending_offer=None,
        morning_check=None,
        level=level,
        plan={**work.plan, "worse_next_morning_at": work.now},
    )
    _note_next_morning(work, "worse")
    work.say_text(_next_session_plan(work))
    if above_usual and asks_something(work.turn.text):
        # "up to a 6 from my usual 2, do I skip it?": stepped down, then the question answered.
        work.say_text(_rest_today_answer(work, above_usual[0]))
    if severity is None:
        work.say_text("How bad is it now, from 0 to 10?")
        work.set(pending_offer="pain_severity", pending_pain={"location": "lower back"})
    else:
        recent = {
            "at": work.now,
            "severity": severity,
            "in_words": _said_in_words(work, severity),
        }
        work.set(plan={**work.plan, "recent_pain": recent})


def _next_session_plan(work: _Turn, physio_note: bool = True) -> str:
    level = p.LEVELS[p.level_index(work.level)]
    plan = (
        f"Next session: {p.SETS_PER_LEG} sets of {level.reps_per_set} reps on each leg,"
        f" the {level.name}."
    )
    last = progression.last_session(work.history)
    if last is not None:
        earliest, _ = progression.next_window(last["ended_at"], work.tz)
        earliest = progression.daytime(earliest)
        if earliest.timestamp() > work.now:
            day = progression.on_day(earliest, _now_local(work)).removeprefix("on ")
            plan += f" Not before {day}."
    if not physio_note:
        return plan
    return plan + " If it's still worse after that, check with your physio."


# -- progress, schedule, reminders, the user's data -------------------------------------


def _note_next_morning(work: _Turn, how: str) -> None:
    """Keep the morning-after answer with the session it is about (progression needs it)."""
    history = [dict(record) for record in work.history]
    if not history:
        return
    painful = [r for r in history if r.get("ended_at") == work.state.morning_check]
    (painful or history)[-1]["next_morning"] = how
    work.set(history=history)


def _now_local(work: _Turn) -> datetime:
    return datetime.fromtimestamp(work.now, work.tz)


def _says_when_last_done(work: _Turn) -> bool:
    """ "Did them yesterday, okay to go today?" with no session on record: a schedule question
    answered from the day said, whatever the classifier read."""
    text = work.turn.text
    return (
        (is_question(text) or ABOUT_A_DAY.search(text) is not None)
        and when.read_last_done(text, _now_local(work).date()) is not None
        and progression.last_session(work.history) is None
    )


# The day the last schedule answer was about, kept as the last topic, so that a follow-up
# ("and the day after?") is read from it.
DAY_ASKED_TOPIC = "next_session_day:"
THE_DAY_AFTER = re.compile(r"\b(?:the )?(?:day|one) after\b|\bday later\b", re.I)


def _day_asked(work: _Turn, text: str, now: datetime) -> date | None:
    """The day a schedule question is about: the one it names, or the day after the one
    the last answer was about ("and the day after?")."""
    said = when.read_when(text, now)
    if said is not None:
        return said.day
    topic = work.state.last_topic or ""
    if topic.startswith(DAY_ASKED_TOPIC) and THE_DAY_AFTER.search(text):
        try:
            return date.fromisoformat(topic.removeprefix(DAY_ASKED_TOPIC)) + timedelta(days=1)
        except ValueError:
            return None
    return None


def _next_session(work: _Turn) -> None:
    if _too_soon_after_the_day_said(work):
        return
    now = _now_local(work)
    last_done = _day_said_done(work)
    if last_done is not None:
        # No session on record, but the user says (or said) when they last did one: from
        # that day.
        done, rest = last_done
        asked_day = _day_asked(work, rest, now)
        work.say_text(progression.answer_from_said_day(done, now.date(), asked_day))
    else:
        asked_day = _day_asked(work, work.turn.text, now)
        work.say_text(progression.next_session_answer(work.history, work.now, work.tz, asked_day))
    work.set(last_topic=f"{DAY_ASKED_TOPIC}{(asked_day or now.date()).isoformat()}")


def _restart_lower_after_break(work: _Turn) -> bool:
    lower = progression.restart_after_break(
        work.history, work.level, work.now, work.plan.get("restarted_after")
    )
    if lower is None:
        return False
    days = progression.days_since_last(work.history, work.now) or 0
    work.say_text(progression.restart_text(days, work.level, lower))
    last = progression.last_session(work.history)
    work.set(level=lower, plan={**work.plan, "restarted_after": last["ended_at"]})
    return True


def _missed_sessions(work: _Turn) -> None:
    if work.session is not None and not work.session.over:
        work.say_text("No matter: what counts is today. Let's carry on.")
        return
    if not _restart_lower_after_break(work):
        work.say_text(progression.missed_sessions_answer(work.history, work.now, work.level))
    work.say_text("Say start my session when you're ready.")


def _offer_step_up(work: _Turn, check: progression.StepUp) -> None:
    work.say_text(progression.step_up_offer(check), STEP_UP_BUTTONS)
    work.set(pending_offer="step_up")


def _feels_easy(work: _Turn) -> None:
    """ "These are too easy" outside a session: what the history says, before any step up.
    Asked as a question ("12 a leg is simple now, whats next"), the answer to it comes
    first, when the answer selector has one."""
    check = work.step_up_check()
    readings = work.turn.selector_readings
    first = readings[0][0] if readings else None
    no_history = check.verdict == progression.NO_HISTORY
    if no_history:
        # Too easy or "what next?" with no sessions kept: the harder versions and when to
        # move on to them, unless its words (reps in the starting range) settle another
        # answer; the check question follows.
        first = conversation.answer_named_by_words(work.turn.text) or "harder_variations"
    if not check.earned and first and (no_history or asks_something(work.turn.text)):
        work.reply.messages.append(Message("", response=conversation.answer_response(first)))
        work.set(last_topic=conversation.answer_response(first))
    if check.earned:
        _offer_step_up(work, check)
    elif check.verdict == progression.NO_HISTORY:
        work.say_text(
            progression.step_up_refusal(check, work.thresholds.fine_up_to),
            conversation.YES_NO_BUTTONS,
        )
        work.set(pending_offer="step_up_history")
    elif check.verdict == progression.STAYING:
        work.say_text(
            progression.step_up_refusal(check, work.thresholds.fine_up_to), STEP_UP_BUTTONS
        )
        work.set(pending_offer="step_up")
    else:
        work.say_text(progression.step_up_refusal(check, work.thresholds.fine_up_to))


def _feels_hard(work: _Turn) -> None:
    """ "These are too hard" outside a session (in one, the session eases off): the easier
    level offered with yes and no, as a step up is, and changed only on a yes."""
    easier, text = progression.step_down_for_too_hard(work.level)
    if easier == work.level:
        work.say_text(text)
        return
    work.say_text(progression.step_down_offer(easier), conversation.YES_NO_BUTTONS)
    work.set(pending_offer="step_down")


def _answer_step_down(work: _Turn, intent: str) -> None:
    if intent == "affirm":
        easier, text = progression.step_down_for_too_hard(work.level)
        work.say_text(text)
        work.set(level=easier, plan={**work.plan, "stay_at": None})
    else:
        work.say_text(progression.stay_at_level(work.level))


def _answer_step_up(work: _Turn, pending: str, intent: str) -> None:
    check = work.step_up_check()
    if intent == "stay_level":
        _stay_level(work)
    elif pending == "step_up_history" and intent == "affirm":
        higher = progression.next_level(work.level)
        if higher is None or check.verdict in (progression.CAUTION, progression.RECENT_PAIN):
            work.say_text(progression.step_up_refusal(check, work.thresholds.fine_up_to))
            return
        work.say_text(
            f"Then you're ready for the next level: {progression.describe_level(higher)}"
            " Shall we move up for next time?",
            STEP_UP_BUTTONS,
        )
        work.set(pending_offer="step_up")
    elif pending == "step_up_history":
        work.say_text(
            f"Then let's get those first: {p.STEP_UP_AFTER_SESSIONS} full sessions at the"
            f" {p.level_named(work.level).name} with pain no more than"
            f" {work.thresholds.fine_up_to} out of 10. I'll tell you when you've earned a step up."
        )
    elif (
        intent == "affirm"
        and check.next_level
        and check.verdict
        not in (
            progression.CAUTION,
            progression.RECENT_PAIN,
        )
    ):
        work.say_text(progression.stepped_up(check.next_level, work.thresholds.fine_up_to))
        work.set(level=check.next_level, plan={**work.plan, "stay_at": None})
    elif intent == "affirm":
        work.say_text(progression.step_up_refusal(check, work.thresholds.fine_up_to))
    else:
        work.say_text(
            f"No problem, we'll stay at the {p.level_named(work.level).name} for now."
            " I'll ask again after your next comfortable session."
        )


def _stay_level(work: _Turn) -> None:
    name = p.level_named(work.level).name
    work.set(plan={**work.plan, "stay_at": work.level}, pending_offer=None)
    work.say_text(
        f"Okay, we'll stay at the {name}. Staying is fine as long as it feels good;"
        " say make it harder whenever you want to move up."
    )


def _progress(work: _Turn) -> None:
    if conversation.ASKS_ABOUT_THE_RECORD.search(work.turn.text):
        if work.session is not None and not work.session.over:
            work.say_text(
                "Yes: I keep every rep you tell me as you go, and the session is saved when it"
                " ends, finished or not."
            )
            return
        unsaid = _unconfirmed_set(work)
        if unsaid is not None:
            target = unsaid["record"].get("target")
            work.say_text(
                "Yes, what you tell me is saved. The last set I led isn't in it yet: say how"
                f" many you managed, or all {target}, and I'll add it."
            )
            return
        if not progression.sessions_done(work.history):
            work.say_text(
                "Yes: every session is saved when it ends, but no reps have been recorded yet."
            )
            return
        work.say_text(
            "Yes, what you tell me is saved when a session ends. Here's your record; ask"
            " for my progress any time to see it again."
        )
    session = work.session
    if session is not None and not session.over:
        # "How am I doing?" in a session: today's count first, never "nothing in your
        # history, start a session" while one runs.
        legs = ", ".join(f"{leg} {sum(d.get(leg, 0) for d in session.reps)}" for leg in p.LEGS)
        work.say_text(f"Going well: {session.total_reps} reps so far today ({legs}).")
        _if_the_paced_set_was_done(work, f"that's {session.total_reps + session.target}")
        if not progression.sessions_done(work.history):
            return
    text = report.progress_summary(work.history, work.level, work.now, work.tz)
    shows = work.turn.capabilities.images
    chart = "chart" if progression.sessions_done(work.history) and shows else None
    work.reply.messages.append(Message(text, attachment=chart))


def _export(work: _Turn) -> None:
    if not work.history:
        work.say_text("There's nothing to export yet: no sessions recorded.")
    elif work.turn.voice:
        work.say_text(
            "I can't send a file by voice. Ask me to export your history in the chat app"
            " or on the web page, and I'll give you a spreadsheet file."
        )
    else:
        work.reply.messages.append(
            Message(
                "Here is your history as a spreadsheet file (CSV) you can give your"
                " physiotherapist: one row per session, with reps, level and pain.",
                attachment="csv",
            )
        )


def _delete_data(work: _Turn) -> None:
    work.say_text(
        "This would delete everything I know about you: your history, level, reminders and"
        " our conversations. Are you sure you want to delete everything? It can't be undone.",
        DELETE_BUTTONS,
    )
    work.set(pending_offer="delete_data")


def _set_reminder(work: _Turn) -> None:
    said = when.read_when(work.turn.text, _now_local(work))
    if said is not None and said.next_session:
        _remind_at(work, _next_session_moment(work))
    elif said is None or (said.moment is None and said.day is None):
        work.say_text("When shall I remind you? For example: Thursday at 6 pm.")
        work.set(pending_offer="reminder_time", pending_reminder={})
    elif said.in_past:
        work.say_text("That time has already passed today. When instead?")
        work.set(pending_offer="reminder_time", pending_reminder={})
    elif said.moment is None:
        day = datetime.combine(said.day, datetime.min.time(), work.tz)
        work.say_text(f"What time {progression.on_day(day, _now_local(work))}?")
        work.set(pending_offer="reminder_time", pending_reminder={"day": said.day.isoformat()})
    else:
        _remind_at(work, said.moment)


def _reminder_time_answer(work: _Turn) -> bool:
    """The answer to "what time?": False if it is not one (the message is handled anew)."""
    day_said = (work.state.pending_reminder or {}).get("day")
    now = _now_local(work)
    if day_said:
        time_of_day = when.read_time_of_day(work.turn.text)
        if time_of_day is None:
            return False
        moment = when.at_time(datetime.fromisoformat(day_said).date(), time_of_day, work.tz)
    else:
        said = when.read_when(work.turn.text, now)
        if said is None or said.moment is None or said.in_past:
            return False
        moment = said.moment
    if moment <= now:
        work.say_text("That time has already passed. Tell me another, or say cancel.")
        work.set(pending_offer="reminder_time", pending_reminder=work.state.pending_reminder)
        return True
    _remind_at(work, moment)
    return True


def _next_session_moment(work: _Turn) -> datetime:
    now = _now_local(work)
    last = progression.last_session(work.history)
    if last is None:
        return now
    earliest, _ = progression.next_window(last["ended_at"], work.tz)
    return progression.daytime(max(earliest, now))


def _remind_at(work: _Turn, moment: datetime) -> None:
    now = _now_local(work)
    if not work.turn.can_push:
        work.say_text(
            f"I can't send you messages on this channel by myself, so set an alarm for"
            f" {when.describe(moment, now)}. In the web chat, Telegram or Slack I can remind"
            " you."
        )
        return
    at = moment.timestamp()
    work.outcome.reminder_at = at
    said = when.describe(moment, now)
    work.set(reminders=[{"at": at, "said": said}])
    text = f"Done: I'll remind you {said}."
    replaced = _upcoming_reminders(work)
    if replaced:
        text += f" That replaces your reminder for {replaced[0].get('said')}."
    last = progression.last_session(work.history)
    if last is not None and moment < progression.next_window(last["ended_at"], work.tz)[0]:
        earliest, _ = progression.next_window(last["ended_at"], work.tz)
        text += (
            f" That's a little early: your muscles are best rested from"
            f" {when.describe(earliest, now)}."
        )
    work.say_text(text)


def _upcoming_reminders(work: _Turn) -> list[dict]:
    return [r for r in work.state.reminders if r.get("at", 0) > work.now]


def _cancel_reminder(work: _Turn) -> None:
    upcoming = _upcoming_reminders(work)
    if LISTS_REMINDERS.search(work.turn.text) and not re.search(
        r"\b(cancel|stop|delete|remove|turn off)\b", work.turn.text, re.I
    ):
        if upcoming:
            work.say_text(f"I'll remind you {upcoming[0].get('said')}. Say cancel to stop it.")
        else:
            work.say_text("You have no reminders set. Try: remind me on Thursday at 6 pm.")
        return
    work.outcome.cancel_reminders = True
    work.set(reminders=[])
    if upcoming:
        work.say_text(f"Cancelled your reminder for {upcoming[0].get('said')}.")
    else:
        work.say_text("You have no reminders set, so there's nothing to cancel.")


def _reminder_fired(work: _Turn, at: float) -> None:
    """A session reminder the user asked for; silent if it was cancelled or replaced."""
    due = [r for r in work.state.reminders if abs(r.get("at", 0) - at) < 1]
    if not due:
        return
    work.set(reminders=[r for r in work.state.reminders if r not in due])
    if work.now - at > LATE_REMINDER_SECONDS:
        return
    if work.session is not None and not work.session.over:
        return  # already exercising
    text = "It's time for your prone leg lifts!"
    hours = progression.hours_since_last(work.history, work.now)
    if hours is not None and hours < p.HOURS_BETWEEN_SESSIONS.low:
        text += " It's a little early since your last session, so go gently."
    work.say_text(f"{text} Ready to start?", REMINDER_BUTTONS)
    work.set(pending_offer="reminder_start")


# How a timer Rasa fires carries its meaning back (the actions set them; the Rasa
# server restores them at start-up, connectors/reminders.py).
REST_TIMER_ENTITY = "rest_timer"
REMINDER_ENTITY = "reminder"
SESSION_REMINDER_PREFIX = "session_reminder_"


def pending_reminders(reminders: list[dict], now: float) -> list[dict]:
    """Reminders still to go out: ahead, or missed by less than LATE_REMINDER_SECONDS."""
    return [
        r
        for r in reminders
        if isinstance(r, dict)
        and isinstance(r.get("at"), int | float)
        and r["at"] > now - LATE_REMINDER_SECONDS
    ]


PROGRESS_HANDLERS = {
    "ask_next_session": _next_session,
    "missed_sessions": _missed_sessions,
    "set_reminder": _set_reminder,
    "cancel_reminder": _cancel_reminder,
    "ask_progress": _progress,
    "export_history": _export,
    "delete_data": _delete_data,
    "stay_level": _stay_level,
}


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

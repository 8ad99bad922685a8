"""Pain: reading a report, the pain monitoring model, and stepping down the ladder.

The bands follow the pain monitoring model in shared/reference/clinical-notes.md:
up to `fine_up_to` is fine, up to `stop_above` is acceptable with care, above
it the set stops. Both numbers are settings (COACH_PAIN_FINE_UP_TO,
COACH_PAIN_STOP_ABOVE) because some programmes are stricter than others.
"""

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from coach import protocol as p
from coach.numbers import (
    OTHER_FRACTION,
    QUANTITY_OF_AN_ACTIVITY,
    QUANTITY_UNIT,
    parse_number,
    read_pain_score,
    says_the_score,
    without_other_fractions,
)
from coach.vocabulary import canonical

FINE, ACCEPTABLE, STOP = "fine", "acceptable", "stop"
SEVERE_FROM = 7  # 7-10 is "severe" on the numeric scale: stop the session, two steps down
# Voice users answer in bands more easily than with numbers: each band's middle.
BAND_WORDS = {"mild": 2, "moderate": 5, "severe": 8}
# The top of each band on the 0-10 scale (clinical notes: mild 1-3, moderate 4-6, severe 7-10):
# a score read from words is said back as its band, never as a number the user did not say.
BAND_TOPS = {"mild": 3, "moderate": SEVERE_FROM - 1, "severe": 10}


@dataclass(frozen=True)
class Thresholds:
    fine_up_to: int = 3
    stop_above: int = 5

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "Thresholds":
        """The settings, falling back to the defaults when unset or nonsense."""
        default = cls()
        fine = _setting(environ, "COACH_PAIN_FINE_UP_TO", default.fine_up_to)
        stop = _setting(environ, "COACH_PAIN_STOP_ABOVE", default.stop_above)
        return cls(fine_up_to=min(fine, stop), stop_above=stop)

    def band(self, severity: int) -> str:
        if severity <= self.fine_up_to:
            return FINE
        if severity <= self.stop_above:
            return ACCEPTABLE
        return STOP


def _setting(environ: Mapping[str, str], name: str, default: int) -> int:
    try:
        value = int(environ.get(name, default))
    except ValueError:
        return default
    return value if 0 <= value <= 10 else default


@dataclass(frozen=True)
class PainReport:
    severity: int | None = None
    location: str | None = None
    side: str | None = None
    kind: str | None = None
    in_words: bool = False  # the score was read from words ("a bit sore"), no number said
    from_kneeling: bool = False  # sore knees from the floor: a comfort problem, not a load one
    for_weeks: bool = False


# "like a 7", "about a six", "maybe 4", "it's a 5", "7/10": a number said as a score.
_SCORE = re.compile(
    r"(?:\b(?:like|about|around|maybe|roughly|probably|say|is|at|its|it's|a|an)\s+(?:a\s+)?"
    r"|^\s*)(?P<number>\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    rf"(?!\s*{QUANTITY_UNIT})",
    re.IGNORECASE,
)
_OUT_OF_TEN = re.compile(r"\b(\d{1,2}|\w+)\s*(?:/|out of|outta)\s*(?:10|ten)\b", re.IGNORECASE)
_WEEKS = re.compile(
    r"\b(?:for|over|past|last|since)\b[^.?!]*\b(?:weeks?|months?|fortnight|years?)\b"
    r"|\b(?:weeks?|months?)\s+now\b"
    # "still hurts after a fortnight", "been doing them 3 weeks and it still hurts"
    r"|\b(?:after|still|been)\b[^.?!]*\b(?:weeks?|months?|fortnight)\b"
    r"|\b(?:weeks?|months?|fortnight)\b[^.?!]*\bstill\b",
    re.IGNORECASE,
)
# Knees sore from the surface they kneel on: any hard floor word ("on the laminate").
_KNEELING = re.compile(
    r"\b(?:floors?|floorboards|kneel\w*|ground|hard surface|tiles?|tiled|laminate|wood|wooden|"
    r"concrete|stone|boards|parquet|lino|linoleum|vinyl)\b",
    re.IGNORECASE,
)
_KNEES = re.compile(r"\b(?:knees?|kneecaps?)\b", re.IGNORECASE)
_PADDED = re.compile(r"\b(?:mat|towel|cushion|pillow|padding|pad|pads)\b", re.IGNORECASE)


def _entity(entities: list[dict], name: str) -> str | None:
    for entity in entities:
        if entity.get("entity") == name:
            value = str(entity.get("value", ""))
            return canonical(name, value) or value.lower()
    return None


def _said_outside_an_activity(entities: list[dict], rest: str) -> bool:
    """Whether a severity word the extractor found is still said once the quantities of an
    activity are taken out."""
    said = [str(e.get("value", "")).lower() for e in entities if e.get("entity") == "severity"]
    return any(re.search(rf"\b{re.escape(word)}\b", rest) for word in said if word)


def _counts_a_thing(entity: dict, text: str) -> bool:
    """A number the extractor took for a score, with a counted noun after it ("six
    exercises", "4 boxes"): a quantity, never a score."""
    end = entity.get("end")
    return isinstance(end, int) and re.match(rf"\s*{QUANTITY_UNIT}", text[end:], re.I) is not None


def _in_a_fraction(entity: dict, fractions: list[tuple[int, int]]) -> bool:
    """A number the extractor took for a score that is part of "150/95": no score."""
    start = entity.get("start")
    return isinstance(start, int) and any(a <= start < b for a, b in fractions)


def read_severity(entities: list[dict], text: str) -> int | None:
    """A 0-10 score, or a band word turned into its middle, or None if not said."""
    said = read_pain_score(text)
    if said is not None:
        return said
    fractions = [match.span() for match in OTHER_FRACTION.finditer(text)]
    scored = without_other_fractions(text)  # "150/95" is no score
    for pattern in (_OUT_OF_TEN, _SCORE):
        for match in pattern.finditer(scored):
            value = parse_number(match.group(1))
            if isinstance(value, int) and 0 <= value <= 10:
                return value
    for entity in entities:
        if (
            entity.get("entity") == "pain_score"
            and not _counts_a_thing(entity, text)
            and not _in_a_fraction(entity, fractions)
        ):
            value = parse_number(str(entity.get("value", "")))
            if isinstance(value, int) and 0 <= value <= 10:
                return value
    # A band named in so many words wins over a softer word the extractor picked up ("a bit
    # sore, moderate I'd say" is moderate); of two bands, the higher ("mild to moderate").
    lowered = text.lower()
    named = [middle for band, middle in BAND_WORDS.items() if re.search(rf"\b{band}\b", lowered)]
    if named:
        return max(named)
    word = _entity(entities, "severity")
    if QUANTITY_OF_AN_ACTIVITY.search(lowered) and not _said_outside_an_activity(
        entities, QUANTITY_OF_AN_ACTIVITY.sub(" ", lowered)
    ):
        return None  # "aches when I walk a lot": how much walking, not how bad
    if word in BAND_WORDS:
        return BAND_WORDS[word]
    return None


def read_report(entities: list[dict], text: str) -> PainReport:
    location = _entity(entities, "body_part")
    severity = read_severity(entities, text)
    return PainReport(
        severity=severity,
        in_words=severity is not None and said_in_words(text, severity),
        location=location,
        side=_entity(entities, "side"),
        kind=_entity(entities, "pain_kind"),
        # The knee named by the extractor, or in the text when it named no part.
        from_kneeling=(location == "knee" or (location is None and bool(_KNEES.search(text))))
        and bool(_KNEELING.search(text))
        and not _PADDED.search(text),  # sore even on a mat: pain to rate, not the floor
        for_weeks=bool(_WEEKS.search(text)),
    )


# A place the form answers cover in full ("my neck aches when I look up, am I doing it
# wrong?"): that answer, not the back's usual faults.
FORM_ANSWER_FOR_PLACE = {"neck": "neck_and_head"}


def form_cue(location: str | None) -> str:
    """One cue that matches where it hurts."""
    if location in ("lower back", "back"):
        return (
            "Brace your tummy muscles before each lift, and don't lift as high: your lower"
            " back should not arch."
        )
    if location in ("hip", "groin", "glute"):
        return "Keep your pelvis level: no tipping or twisting as the leg goes back."
    if location in ("hamstring", "thigh", "leg"):
        return "Lift a little lower and move slowly, especially on the way down."
    if location == "knee":
        return p.KNEE_COMFORT
    return "Slow it down and lift a little lower, keeping your back and hips still."


def said_in_words(text: str, severity: int) -> bool:
    """ "A bit sore", "it's agony", "did 5, bit sore": a score the user gave without its
    number."""
    return not says_the_score(text, severity)


def said_score(severity: int, in_words: bool = False) -> str:
    """ "pain of 4 out of 10": the word pain said, so no one wonders what the number is; a
    score read from words is said in the user's terms ("mild pain"), since they gave none."""
    if in_words:
        return f"{_band_word(severity)} pain"
    return f"pain of {severity} out of 10"


def _band_word(severity: int) -> str:
    """ "mild", "moderate" or "severe": the band a score falls in (BAND_TOPS)."""
    return next(band for band, top in BAND_TOPS.items() if severity <= top)


def _score(severity: int, in_words: bool = False) -> str:
    said = said_score(severity, in_words)
    return said[0].upper() + said[1:]


def _more_than_said(severity: int) -> str:
    """After a score read from words: how to rate it, in case it is worse than the word."""
    return (
        f"If it's more than {_band_word(severity)}, give me a number from 0 (none) to 10"
        " (the worst) and I'll tell you what it means for the exercise."
    )


def persisting(history: list[dict] | None, now: float) -> bool:
    """Pain in every session for the last couple of weeks, up to the latest one."""
    run_started = None
    for record in reversed(history or []):
        if not record.get("pain"):
            break
        run_started = record.get("started_at", now)
    weeks = p.SEE_DOCTOR_AFTER_WEEKS * 7 * 24 * 3600
    return run_started is not None and now - run_started >= weeks


def step_down(level: str, steps: int) -> str:
    return p.LEVELS[max(p.level_index(level) - steps, 0)].key


def last_comfortable_level(level: str, history: list[dict], thresholds: Thresholds) -> str | None:
    """After raising the reps: the level of the latest pain-free session below this one."""
    current = p.level_index(level)
    for record in reversed(history or []):
        earlier = record.get("level")
        known_and_lower = earlier in {lv.key for lv in p.LEVELS} and (
            p.level_index(earlier) < current
        )
        if known_and_lower and max(record.get("pain") or [0]) <= thresholds.fine_up_to:
            return earlier
    return None


@dataclass
class Advice:
    band: str
    lines: list[str] = field(default_factory=list)
    new_level: str | None = None  # where the user's level moves to, if it changes
    stop_set: bool = False
    stop_session: bool = False
    ease_off: bool = False
    check_next_morning: bool = False


CARRY_ON_IF_IT_SETTLES = (
    "If the pain settles after a rest, you can carry on with that version;"
    " if it doesn't, we'll stop for today."
)


# Pain said just after a session, below severe: what to watch (clinical notes: pain the next
# morning must be no worse than before; worse the next day, the load is reduced).
WATCH_AFTER_A_SESSION = (
    "It should settle by tomorrow. If it is worse tomorrow morning, tell me, and your next"
    " session will be lighter."
)


def plan_after_a_set_stop(level: str) -> str:
    """What to do now, asked at the rest after pain stopped a set: the next set's easier
    version, or stop for today if the pain does not settle."""
    chosen = p.LEVELS[p.level_index(level)]
    easier = f"The next set uses the easier version, the {chosen.name}: {chosen.how}"
    return f"{easier} {CARRY_ON_IF_IT_SETTLES}"


def plan_while_eased(eased: str, thresholds: Thresholds) -> str:
    """What to do now, asked while the session runs eased for pain it may carry on with: the
    easier way for the rest of today, and when the pain would stop it."""
    return (
        f"We have eased off for the rest of today. {eased} If the pain gets worse, tell me:"
        f" above {thresholds.stop_above} out of 10, we stop."
    )


def how_to(level: str) -> str:
    chosen = p.LEVELS[p.level_index(level)]
    return f"The easier version is the {chosen.name}: {chosen.how}"


def advise(
    report: PainReport,
    thresholds: Thresholds,
    *,
    level: str,
    history: list[dict] | None = None,
    in_session: bool = False,
    set_running: bool | None = None,
    just_after_a_session: bool = False,
) -> Advice:
    """What to do about a pain report whose severity is known. Just after a session, pain
    in the middle band gets only what to watch (the caller adds WATCH_AFTER_A_SESSION): a
    lighter session today, or a form cue, reads oddly once the session is over."""
    severity = report.severity if report.severity is not None else 0
    band = thresholds.band(severity)
    advice = Advice(band=band)
    said = _score(severity, report.in_words)
    if report.from_kneeling and band != STOP:
        advice.lines.append(p.KNEE_COMFORT)
    elif band == FINE:
        carry_on = " Carry on if it stays there." if in_session else ""
        # A form cue only for low pain that says where or how it hurts: "pain 0" or a bare
        # "2" has nothing to put right.
        needs_a_cue = severity > 0 and (report.location or report.kind)
        cue = f" {form_cue(report.location)}" if needs_a_cue else ""
        advice.lines.append(f"{said} is fine to work with.{carry_on}{cue}")
    elif band == ACCEPTABLE:
        advice.ease_off = in_session
        advice.check_next_morning = True
        if just_after_a_session and not in_session:
            advice.lines.append(f"{said} after a session is okay: keep an eye on it.")
        else:
            advice.lines.append(f"{said} is okay if you take care. {form_cue(report.location)}")
        if not in_session and not just_after_a_session:
            # The session that starts today is lighter (coach.dialogue._begin_session).
            advice.lines.append(
                "If you exercise today, I'll make the session lighter: fewer reps and a smaller"
                " lift."
            )
        comfortable = last_comfortable_level(level, history or [], thresholds)
        if comfortable and p.LEVELS[p.level_index(comfortable)].reps_per_set < (
            p.LEVELS[p.level_index(level)].reps_per_set
        ):
            advice.new_level = comfortable
            reps = p.LEVELS[p.level_index(comfortable)].reps_per_set
            advice.lines.append(
                f"It came on after raising your reps, so next time go back to {reps}, the"
                " number that felt comfortable."
            )
    else:
        severe = severity >= SEVERE_FROM
        advice.stop_set = True
        advice.stop_session = severe
        advice.check_next_morning = True
        advice.new_level = step_down(level, 2 if severe else 1)
        if severe:
            advice.lines.append(f"{said} is too much: stop the exercise for today and rest.")
        elif in_session and (set_running is None or set_running):
            advice.lines.append(f"{said} is more than we want: stop this set now.")
        elif in_session:
            advice.lines.append(
                f"{said} is more than we want: take the rest, and the next set uses"
                " the easier version."
            )
        else:
            advice.lines.append(
                f"{said} is more than we want: don't exercise through it. Rest it"
                " today, and next time use the easier version."
            )
        if advice.new_level != level:
            advice.lines.append(how_to(advice.new_level))
        if not severe and in_session:
            advice.lines.append(CARRY_ON_IF_IT_SETTLES)
    if report.in_words and band != STOP and not report.from_kneeling:
        advice.lines.append(_more_than_said(severity))
    if report.for_weeks:
        advice.lines.append(
            f"Pain that has lasted {p.SEE_DOCTOR_AFTER_WEEKS} weeks or more should be checked"
            " by a doctor or physiotherapist."
        )
    return advice


_GENERAL_QUESTION = re.compile(
    r"^\s*(?:(?:and|but|so|ok|okay|hmm|um|also)\W+)*"
    r"(?:what|whats|what's|should|is|are|does|do|can|could|will|would|if|when)\b"
    r"(?!.*\b(?:now|right now|currently|at the moment|today)\b)",
    re.IGNORECASE,
)


def lasts_weeks(text: str) -> bool:
    """ "It's been sore for three weeks now": pain that has gone on for weeks."""
    return bool(_WEEKS.search(text))


def asks_in_general(text: str) -> bool:
    """ "What if it hurts?" or "is it normal to feel sore?", not "my back hurts"."""
    return bool(_GENERAL_QUESTION.match(text))


WHEN_TO_SEE_A_DOCTOR = (
    f"See a doctor or physio if the pain is still there after {p.SEE_DOCTOR_AFTER_WEEKS} weeks"
    " of doing the exercise, if it keeps getting worse, or if it spreads down your leg below"
    " the knee. Go urgently, the same day, if you have trouble passing urine, lose bladder or"
    " bowel control, feel numb around the groin or buttocks, or both legs go weak."
)


def how_long_to_rest(thresholds: Thresholds) -> str:
    """ "How long should I leave it?" after severe pain: until it settles, then easier."""
    return (
        "Rest it until the pain has settled to a mild level, "
        f"{thresholds.fine_up_to} out of 10 or less, for a day or so; then start again with an"
        " easier version and build back up. If it is still there after"
        f" {p.SEE_DOCTOR_AFTER_WEEKS} weeks, or keeps getting worse, see a doctor or physio."
    )


def next_time_after_severe_pain(thresholds: Thresholds) -> str:
    """ "Can I go again tomorrow?" after severe pain: said after when the next session is."""
    return (
        f"Only go again once the pain has settled to {thresholds.fine_up_to} out of 10 or less,"
        " and then start with an easier version. If it hasn't settled by then, keeps getting"
        f" worse, or is still there after {p.SEE_DOCTOR_AFTER_WEEKS} weeks, see a doctor or physio."
    )


# After severe pain stopped today's exercise: what to do now, and when to get it checked.
AFTER_SEVERE_PAIN = (
    "For today: no more leg lifts. Rest in whatever position eases it and keep moving gently"
    " around the house as you can. See a doctor or physio if it is still there after"
    f" {p.SEE_DOCTOR_AFTER_WEEKS} weeks, keeps getting worse or spreads down your leg; go the"
    " same day if your legs go weak or numb, or you have trouble passing urine."
)
AFTER_SEVERE_PAIN_FOR_WEEKS = (
    f"Pain that has gone on for {p.SEE_DOCTOR_AFTER_WEEKS} weeks or more needs a check: please"
    " book an appointment with your doctor or physio and tell them how it started. Until then,"
    " rest from the leg lifts."
)
SEEING_A_CLINICIAN = (
    "Good idea. Tell them how bad it got and when it started. Until they have seen you, rest"
    " from the leg lifts; go the same day if your legs go weak or numb, or you have trouble"
    " passing urine."
)

# How the pain is going, said after it stopped today's exercise: the advice is kept.
EASING_AFTER_A_STOP = (
    "Good, I'm glad it's settling. Even so, no more leg lifts today: let it calm down fully."
    " Next time we'll start with an easier version and build back up."
)
NOT_EASING_AFTER_A_STOP = (
    "Sorry it's still bothering you. Rest it today, no more leg lifts, and move gently as you"
    " can. See a doctor or physio if it keeps getting worse or spreads down your leg; go the"
    " same day if your legs go weak or numb, or you have trouble passing urine."
)
# "What did I do wrong?" after pain: the usual cause is form, and it may be nothing done wrong.
WHAT_WENT_WRONG = (
    "Not necessarily anything: a back that isn't used to the load can hurt even with good"
    " technique. When form is the cause, it's usually lifting too high, so the lower back"
    " arches, or the hips rotating as the leg goes back."
)
# "Is it normal for it to hurt?" after pain has stopped the exercise.
PAIN_IS_NOT_NORMAL = (
    "Working muscles that burn or feel tired are normal; pain is not. Pain during the lift"
    " usually means the load is too much for now, or the form is off: lifting too high so the"
    " lower back arches, or the hips twisting. That's why we stopped, and why next time starts"
    " easier."
)

RATE_IT_IF_NOW = "If it's hurting right now, tell me how bad, from 0 to 10."

# "Have I got a slipped disc? my back is killing me": the pain is dealt with as ever,
# and the question of what it is goes to someone who can examine it.
# A diagnosis asked for by a condition's name, or what is wrong with a part ("is it a
# trapped nerve? it aches when I put my socks on", "what's wrong with my hip?"): the coach
# can't tell what causes it, whatever everyday things (socks, a chair) are said with it.
_CONDITION_NAMES = (
    r"(?:slipped|herniated|bulging|prolapsed|ruptured|degenerat\w+) discs?|disc (?:problem|"
    r"injury|prolapse|herniation|bulge)s?|sciatica|(?:osteo)?arthritis|spondyl\w+|stenosis|"
    r"(?:trapped|pinched|compressed) nerves?|nerve damage|bursitis|tendin\w+|"
    r"(?:torn|pulled) (?:muscle|ligament|tendon|hamstring)s?|(?:muscle|ligament|tendon) tears?|"
    r"(?:muscle|back|hamstring|groin) strains?|fractures?|piriformis|sprains?|hernias?|"
    r"sacroiliitis"
)
_PARTS = r"back|spine|hips?|knees?|legs?|neck|bum|buttocks?|glutes?|hamstrings?|thighs?|me"
NAMES_A_DIAGNOSIS = re.compile(
    r"\b(?:(?:do|might|could|may) i (?:have|have got)|have i got|(?:is|could|might) (?:it|this|"
    r"that|the pain) (?:be )?|(?:does|would) (?:it|this|that) (?:sound|seem) like|"
    r"(?:am i|i might be|i could be) (?:getting|developing))"
    rf"\s*(?:(?:a|an|the|some|early|bad|mild|my)\s+)*(?:{_CONDITION_NAMES})\b"
    rf"|\bwhat(?:'?s| is) (?:wrong|going on) with (?:my |me\b)(?:(?:lower|upper|left|right) )?"
    rf"(?:{_PARTS})\b",
    re.I,
)
ASKS_FOR_A_DIAGNOSIS = re.compile(
    r"\b(?:tell me|know|say|think|reckon|wonder)\b.{0,12}\b(?:if|whether)\s+(?:i'?ve|i have|i)"
    r"\s+(?:got|have)\b|\b(?:have i got|do i have|could (?:it|this|that) be|is (?:it|this|that)"
    r" (?:a |an |my )?(?:slipped|herniated|bulging|trapped|pinched|prolapsed)|diagnos\w*|"
    r"what(?:'s| is) wrong with (?:me|my)|what(?:'s| is) causing)\b"
    + "|"
    + NAMES_A_DIAGNOSIS.pattern,
    re.I,
)
CANT_DIAGNOSE = (
    "I can't diagnose what's causing it, so I can't say what it is: a GP or physio can"
    " examine you and tell you."
)
# With no pain said now: what to do until a GP or physio has seen it.
MEANWHILE = (
    "Meanwhile, go gently with whatever brings it on, and if it's still there after"
    f" {p.SEE_DOCTOR_AFTER_WEEKS} weeks, do get it checked."
)

HOW_BAD = (
    "How bad is it, from 0 (no pain) to 10 (the worst)? You can also say mild, moderate or severe."
)
ASK_SEVERITY = f"Sorry it hurts. {HOW_BAD}"


def depends_on_how_bad(thresholds: Thresholds) -> str:
    """A short answer to "should I stop?" or "is that normal?" about pain not yet rated."""
    return (
        "Sorry it hurts. Muscles working hard is normal, but pain is a signal: it depends on"
        f" how bad it is. Up to {thresholds.fine_up_to} out of 10 is usually fine to work with"
        f" gently; above {thresholds.stop_above}, don't push on."
    )


# Pain that has gone on for weeks: the clinician first, then how bad it is today.
ASK_SEVERITY_AFTER_WEEKS = (
    f"Sorry it hurts. Pain that is still there after {p.SEE_DOCTOR_AFTER_WEEKS} weeks or more"
    " should be checked by a doctor or physiotherapist. For today, how bad is it, from 0"
    " (no pain) to 10 (the worst)?"
)
# Pain in a place the lift does not work, said while asking for help with something else
# ("can you do my neck exercises too, my neck is agony"): never ignored, but it is for
# their clinician, and only the exercise is coached.
AWAY_FROM_THE_EXERCISE = ("neck", "shoulder")
ASKS_FOR_OTHER_HELP = re.compile(
    r"\b(?:help|coach|do|give|show)\b.*\b(?:as well|too|also|exercises|rehab|stretches)\b"
    # "any exercises for that?", "got a stretch for it?"
    r"|\b(?:exercises?|stretch(?:es)?|rehab)\s+(?:for|to help|to fix|to ease)\s+"
    r"(?:that|it|this|them|my|the)\b"
    r"|\balso\b.*\b(?:help|coach)\b",
    re.I,
)
PAIN_AWAY_FROM_THE_EXERCISE = (
    f"Sorry it hurts. I can only coach the {p.EXERCISE_NAME}, so I can't help with your"
    " {place}: pain there is one for your GP or physio. If it hurts when you take weight on"
    " your arms, use the face-down version or leave the exercise for today."
)
ASK_MORNING = (
    "Last time you had some pain during the session. How did your back feel the next morning:"
    " better, the same, or worse?"
)


def morning_check(worse: bool, level: str) -> tuple[str, str]:
    """The level to use next and what to say, from how the morning after went."""
    if worse:
        easier = step_down(level, 1)
        text = "Thanks for telling me. Worse the next morning means the load was too much,"
        if easier != level:
            return easier, f"{text} so we'll step down a level. {how_to(easier)}"
        return level, f"{text} so keep it small and slow, and check with your physio."
    return level, "Good to hear it settled. We'll keep you at the same level for now."

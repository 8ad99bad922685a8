"""The rule-based red-flag screen (coach/red_flags.py): signs found, near misses left alone."""

import ast
import re
import time
from pathlib import Path

import pytest

from coach import protocol, red_flags
from coach.red_flags import EMERGENCY, SIGNS, SOON, advice, screen

EMERGENCY_PHRASINGS = [
    ("I've a heavy pain across my chest", "medical_emergency"),
    ("my mouth has gone lopsided", "medical_emergency"),
    ("I can't pee", "bladder"),
    ("cant pee since this morning", "bladder"),
    ("I haven't peed all day", "bladder"),
    ("I'm struggling to pass urine", "bladder"),
    ("having trouble peeing since yesterday", "bladder"),
    ("I can't feel when I need to wee", "bladder"),
    ("I don't know when my bladder is full anymore", "bladder"),
    ("I keep needing to pee but nothing comes out", "bladder"),
    ("I wet myself this morning", "incontinence"),
    ("I've lost control of my bladder", "incontinence"),
    ("I can't control my bowels", "incontinence"),
    ("I've been incontinent since Tuesday", "incontinence"),
    ("I had an accident in my pants and didn't feel it coming", "incontinence"),
    ("my groin is numb", "saddle_numbness"),
    ("numbess in my groin", "saddle_numbness"),
    ("tinglin down below", "saddle_numbness"),
    ("pins and needles in my bum and inner thighs", "saddle_numbness"),
    ("I can't feel anything when I wipe", "saddle_numbness"),
    ("it's numb where I sit", "saddle_numbness"),
    ("My privates feel numb", "saddle_numbness"),
    ("both my legs are numb", "both_legs"),
    ("weakness in both legs", "both_legs"),
    ("I can't lift either leg", "both_legs"),
    ("numbness in both feet", "both_legs"),
    ("my legs keep giving way", "legs_giving_way"),
    ("my legs gave out on the stairs", "legs_giving_way"),
    ("I collapsed in the kitchen this morning", "legs_giving_way"),
    ("um both my legs went wobbly and I fell", "legs_giving_way"),
    ("I can't get an erection since my back went", "sexual_function"),
    ("no feeling during sex anymore", "sexual_function"),
    ("things don't work down there since the back pain", "sexual_function"),
    ("losing my water without warning since Friday", "incontinence"),
    ("my pee comes out slower and weaker than it used to", "bladder"),
    ("I can't lift my toes on either side, my feet just flop", "both_legs"),
    # Issue 15: a strong need and nothing passing; a leak not felt; tiptoes failing on both
    # sides; the condition itself named as the user's own.
    ("sat on the loo and couldn't go although I badly needed to", "bladder"),
    ("my leggings were damp when I got home and I never felt myself leak", "incontinence"),
    ("I can't rise up on my toes on either side, neither leg has the strength", "both_legs"),
    ("the A&E doctor suspects cauda equina syndrome", "cauda_equina"),
    ("my consultant thinks I have bilateral sciatica", "cauda_equina"),
]

SOON_PHRASINGS = [
    ("I fell down the stairs and my back hurts", "trauma"),
    ("I was in a car crash last week and my back is sore", "trauma"),
    ("slipped on the ice yesterday, lower back is killing me", "trauma"),
    ("I've had a fever since Monday", "fever"),
    ("I have a high temperature", "fever"),
    ("I keep getting night sweats", "night_sweats"),
    ("I'm feeling generally unwell", "unwell"),
    ("I had breast cancer two years ago", "cancer"),
    ("I've lost a lot of weight without trying", "weight_loss"),
    ("lost 6 kg this month and I don't know why", "weight_loss"),
    ("I'm on steroids for my arthritis", "immunity"),
    ("I'm having chemo at the moment", "immunity"),
    ("I have a weakened immune system", "immunity"),
    ("the pain wakes me up at night", "night_pain"),
    ("my back hurts all the time", "night_pain"),
    ("it's worse at night", "night_pain"),
    ("I can't lie down because of the pain", "night_pain"),
    ("pain between my shoulder blades", "upper_back"),
    ("my upper back hurts", "upper_back"),
    ("my back hurts up between my shoulders", "upper_back"),
    ("I'm 62 and my back started hurting last week", "age"),
    ("I am seventeen and my back pain started a few days ago", "age"),
    ("I'm over 60 and this back pain just started", "age"),
    ("pain shoots down to my foot", "below_knee"),
    ("sciatica down to my calf", "below_knee"),
    ("tingling below my knee", "below_knee"),
    ("my toes are numb", "below_knee"),
    ("my whole leg has gone numb", "one_leg"),
    ("my leg gave way", "leg_weakness"),
    ("my foot keeps dragging", "leg_weakness"),
    ("five weeks of lifts and my back hurts as much as ever", "persistent_pain"),
    ("my hip has ached for a couple of months despite the exercises", "persistent_pain"),
    # Issue 15: written for an older parent who does the exercises; a school year as the age.
    ("dad is 84 and slipped in the garden, his back aches, he'd like to do his lifts", "trauma"),
    ("year 9 pupil here, my back began hurting this week", "age"),
]

NEAR_MISSES = [
    # Issue 15: a normal thermometer reading, an age of others', a score that fell, the
    # user's job giving treatment, a back hurt with no sign.
    "my temperature is 37.1, nothing unusual",
    "thermometer says ninety eight point six",
    "my temp was fine so I did 40 reps",
    "we're both 35 and my back started hurting on Friday",
    "my grandparents are both 80 and my back is great",
    "the ache came down from an 8 to a 3 over the last month",
    "I prescribe prednisolone most days at the practice, is this exercise fine for me?",
    "part of my job is giving chemo, my back gets tight",
    "I work on a chemotherapy unit, my lower back is tight after shifts",
    "is it normal to ache a little after tweaking your back?",
    "my leg went to sleep while sitting",
    "my foot fell asleep",
    "my left leg tingled briefly after sitting",
    "I peed before my workout",
    "I fell asleep after the session",
    "I'm 30",
    "I'm 62",
    "numb from the cold floor on my knees",
    "I weigh less than last year because I'm dieting",
    "I tripped over the mat but I'm fine",
    "I'm 15 reps in",
    "I'm over 30 and my back pain started last week",
    "my mum had cancer",
    "can I do this to lose weight?",
    "got a cold and a runny nose, under the weather but no temperature",
    "the gym equipment stopped working halfway through",
    "four weeks in and my back pain has nearly gone",
    "how many weeks until the ache usually settles?",
    "only two days of lifts so far and I'm still a little sore",
    # Issue 15: legs heavy after a long ride that still work; a condition asked about or
    # heard of and denied.
    "legs were heavy after cycling 80 miles yesterday, they work fine though",
    "what is cauda equina syndrome?",
    "my friend told me about cauda equina, I don't have it",
]

DENIED = [
    "no numbness",
    "I don't have any tingling in my groin",
    "haven't lost control of my bladder",
    "no numbness, tingling or weakness in my legs",
    "I can pee fine",
    "no fever",
    "no problems peeing",
    "I've never had cancer",
    "I'm not on steroids",
    "it doesn't wake me up at night",
    "I haven't lost any weight",
    "my groin isn't numb",
]

ORDINARY = [
    "my lower back twinges",
    "sharp pain in my hip, like a 7",
    "done",
    "how long do I hold it",
    "knees hurt on the floor",
    "seven out of ten",
    "I want to do 2 sets of 15 reps",
    "should I use ankle weights?",
    "can I lift my leg higher?",
    "my hamstring feels tight",
    "that was easy, what next?",
    "my back felt a bit sore yesterday after the session",
]

# Borderline cases: each test name states the decision.
BORDERLINE = [
    ("my glutes are tingling", None),
    ("I can't feel it in my bum", None),
    ("my left leg is weaker than my right", None),
    ("my legs feel weak after my sets", None),
    ("my legs feel weak", "both_legs"),
    ("my knee gave way a bit", None),
    ("I have sciatica", None),
    ("cramp in my calf", None),
    ("my left leg is numb", "one_leg"),
    ("both my legs went numb sitting cross-legged", "both_legs"),
    ("my bum went numb from sitting on the floor", "saddle_numbness"),
    ("I had a steroid injection last year", None),
    ("I nearly wet myself laughing", None),
    ("I leak a bit when I cough", "incontinence"),
    ("I can't go to the toilet", None),
    ("I'm 62 and I've had back pain for years", None),
    ("I'm 62 and my back hurts when I lift", None),
    ("I'm 17 and my back hurts a lot", "age"),
    ("it got worse overnight", None),
    ("tingling down my leg when I lift", None),
    ("my legs went wobbly after my third set", None),
    ("what if I can't pee?", "bladder"),
    ("my upper back feels a bit tight", None),
    ("no pain but my groin is numb", "saddle_numbness"),
    ("no fever, but tingling in my groin", "saddle_numbness"),
    ("not sure if my groin is numb or just cold", "saddle_numbness"),
    ("I can't walk without my legs giving way", "legs_giving_way"),
]


def sign_of(text: str) -> str | None:
    flag = screen(text)
    return flag.sign if flag else None


@pytest.mark.parametrize(("text", "sign"), EMERGENCY_PHRASINGS)
def test_emergency_signs_are_found(text, sign):
    flag = screen(text)
    assert flag is not None, text
    assert (flag.sign, flag.urgency) == (sign, EMERGENCY)


@pytest.mark.parametrize(("text", "sign"), SOON_PHRASINGS)
def test_soon_signs_are_found(text, sign):
    flag = screen(text)
    assert flag is not None, text
    assert (flag.sign, flag.urgency) == (sign, SOON)


# The span of weeks and "the same" in any order, in separate clauses, with words between.
@pytest.mark.parametrize(
    "text",
    [
        "five weeks in, lifting most days, the ache completely the same",
        "three weeks now. done every set. pain just the same",
        "the ache is exactly the same, and I've done the lifts for five weeks",
    ],
)
def test_pain_the_same_after_weeks_is_persistent_in_either_order(text):
    assert screen(text).sign == "persistent_pain"


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_not_red_flags(text):
    assert screen(text) is None


@pytest.mark.parametrize("text", DENIED)
def test_denied_signs_are_not_red_flags(text):
    assert screen(text) is None


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_exercise_and_pain_talk_is_not_a_red_flag(text):
    assert screen(text) is None


@pytest.mark.parametrize(("text", "sign"), BORDERLINE)
def test_borderline_cases_follow_the_documented_decision(text, sign):
    assert sign_of(text) == sign


def test_one_numb_leg_is_soon_but_both_legs_are_an_emergency():
    assert screen("my left leg is numb").urgency == SOON
    assert screen("both my legs are numb").urgency == EMERGENCY


def test_a_sitting_excuse_covers_one_leg_but_never_the_saddle_area():
    assert screen("my foot went numb from kneeling") is None
    assert sign_of("my groin went numb from kneeling") == "saddle_numbness"


@pytest.mark.parametrize(
    "text",
    [
        "I fell last week and now I can't pee",
        "I have a fever and my groin is numb",
        "I'm 62, my back started hurting last week, and both my legs are weak",
        "pain shoots down to my foot. Also I wet myself",
        "I'm on steroids, no fever, but I can't feel anything down below",
    ],
)
def test_an_emergency_wins_over_a_soon_sign(text):
    assert screen(text).urgency == EMERGENCY


def test_a_denial_does_not_reach_past_but():
    assert screen("no numbness in my groin") is None
    assert sign_of("no back pain but numbness in my groin") == "saddle_numbness"
    assert sign_of("no fever and I can't pee") == "bladder"


def test_every_sign_has_a_phrasing_that_finds_it():
    found = {sign for _, sign in EMERGENCY_PHRASINGS + SOON_PHRASINGS}
    assert found == set(SIGNS)


def test_there_are_at_least_sixty_phrasings():
    phrasings = EMERGENCY_PHRASINGS + SOON_PHRASINGS + NEAR_MISSES + DENIED + ORDINARY
    assert len(phrasings) + len(BORDERLINE) >= 60


def test_signs_in_signs_order_put_every_emergency_first():
    urgencies = [flag.urgency for flag in SIGNS.values()]
    assert urgencies == sorted(urgencies, key=lambda u: u != EMERGENCY)
    assert {flag.urgency for flag in SIGNS.values()} == {EMERGENCY, SOON}
    assert all(key == flag.sign for key, flag in SIGNS.items())
    assert [rule.sign for rule in red_flags.RULES] == sorted(
        (rule.sign for rule in red_flags.RULES), key=list(SIGNS).index
    )


EXERCISE_WORDS = re.compile(
    r"\b(reps?|repetitions?|sets?|lifts?|lifting|continue|continuing|carry on|keep going|"
    r"try|hold|easier|gentler)\b",
    re.IGNORECASE,
)
DIAGNOSIS = re.compile(r"cauda|equina|syndrome|you have|you've got|diagnos", re.IGNORECASE)
EMERGENCY_NUMBERS = ("999", "911", "112")


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


@pytest.mark.parametrize("flag", list(SIGNS.values()), ids=list(SIGNS))
def test_advice_names_the_sign_without_diagnosing_or_exercise_talk(flag):
    text = advice(flag)
    assert flag.description in text
    assert not EXERCISE_WORDS.search(text), text
    assert not DIAGNOSIS.search(text), text
    assert "stop" in text.lower()
    assert len(sentences(text)) in (2, 3), text
    assert len(text) <= 330, len(text)


@pytest.mark.parametrize("flag", [f for f in SIGNS.values() if f.urgency == EMERGENCY])
def test_emergency_advice_gives_the_emergency_numbers_and_says_do_not_wait(flag):
    text = advice(flag)
    assert all(number in text for number in EMERGENCY_NUMBERS), text
    assert "emergency department" in text
    assert "not something to wait on" in text


@pytest.mark.parametrize("flag", [f for f in SIGNS.values() if f.urgency == SOON])
def test_soon_advice_sends_to_a_doctor_or_physio_within_days(flag):
    text = advice(flag)
    assert "doctor or physiotherapist" in text and "day or two" in text
    assert not any(number in text for number in EMERGENCY_NUMBERS), text


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n", "👍", "🙂🙂🙂", "?!", "12345", "Me duele la espalda", "J'ai mal au dos",
     "背中が痛いです", "Мне больно", "ok " * 33_400],
    ids=["empty", "spaces", "newlines", "thumbs", "smileys", "punctuation", "digits", "spanish",
         "french", "japanese", "russian", "100k-chars"],
)  # fmt: skip
def test_empty_emoji_long_and_foreign_text_is_not_a_red_flag(text):
    assert screen(text) is None


def test_a_sign_at_the_end_of_a_very_long_message_is_still_found():
    text = "I did my exercises today and it went well. " * 2_400 + "Now I can't pee."
    assert len(text) > 100_000
    assert sign_of(text) == "bladder"


def test_the_screen_imports_nothing_from_rasa():
    tree = ast.parse(Path(red_flags.__file__).read_text())
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
        )
    }
    assert imported <= {
        "re", "bisect", "dataclasses", "difflib", "functools", "itertools", "pathlib", "spacy",
        "yaml",
        "spellchecker", "coach",  # coach: the protocol's numbers, pure too
    }  # fmt: skip


def test_screening_time_is_a_figure_and_every_round_gives_the_same_verdicts(report_figure):
    # Speed is a figure (README: Speed and memory), not a limit: a busy CI runner made
    # a 5 ms limit flaky. What must hold is that repeated screening changes nothing.
    messages = [text for text, _ in EMERGENCY_PHRASINGS + SOON_PHRASINGS] + ORDINARY
    first = [getattr(screen(text), "urgency", None) for text in messages]
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        assert [getattr(screen(text), "urgency", None) for text in messages] == first
    per_call = (time.perf_counter() - start) / (rounds * len(messages))
    report_figure("red-flag screen per message", f"{per_call * 1000:.3f} ms")
    assert first[: len(EMERGENCY_PHRASINGS)] == [EMERGENCY] * len(EMERGENCY_PHRASINGS)


def test_the_matcher_indexes_slots_not_spelled_out_phrases(report_figure):
    # The specs are matched slot by slot, never spelled out as phrases: spelled out
    # (millions now) they took 15 s and more when the action server started. The build
    # time is a figure, not a limit: it depends on the machine's load.
    red_flags._matcher.cache_clear()
    start = time.perf_counter()
    red_flags.prepare()
    report_figure("red-flag matcher build", f"{time.perf_counter() - start:.2f} s")
    _, matcher = red_flags._matcher()
    indexed = sum(len(specs) for specs in matcher._starts.values())
    assert 0 < indexed < 50_000, indexed  # one entry per spec and first word
    assert screen("I can't pee") is not None


@pytest.mark.parametrize(
    "text",
    [
        "my foot went to sleep sitting on the loo reading the paper",
        "my left leg went numb sitting on the toilet too long, fine once I stood up",
        "rugby fever in our street this weekend",
    ],
)
def test_a_limb_numb_from_the_toilet_or_a_figurative_fever_is_no_red_flag(text):
    assert screen(text) is None


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("I was bursting for a wee at lunch but couldn't go", "bladder"),
        ("there was a wet patch on my jeans and I hadn't noticed", "incontinence"),
        ("I can never tell if I'm finished on the toilet now", "incontinence"),
        ("me and my wife tried on Friday and I couldn't really feel anything", "sexual_function"),
        ("my horse bucked me off last week and my back is stiff", "trauma"),
    ],
)
def test_plain_words_for_retention_leaks_sex_and_riding_falls(text, sign):
    flag = screen(text)
    assert flag is not None and flag.sign == sign, (text, flag)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my bladdr won't empty at all", "bladder"),
        ("tinlging down below since last night", "saddle_numbness"),
        ("numbnes in my groin", "saddle_numbness"),
        ("my erecton has gone since the back went", "sexual_function"),
        ("I'm incontinant since yesterday", "incontinence"),
        ("I can't contorl when I pee since Monday", "incontinence"),
        ("cnat hold my bowles in since my back went", "incontinence"),
        ("my bowls aren't working, can't control them", "incontinence"),
        ("can't feel anything when I wipe after the toliet", "saddle_numbness"),
        ("can't get an erecton anymor since the back pain", "sexual_function"),
        # No list of typos: any phrase word of five letters or more, one edit away.
        ("my sadle area feels numb", "saddle_numbness"),
        ("pins and needles in my perinium since Monday", "saddle_numbness"),
        ("my genitls have felt numb since yesterday", "saddle_numbness"),
        ("strugling to pass urine since this morning", "bladder"),
        # Spelled as it sounds, two edits or more: the same consonants, the nearest word.
        ("got some trubbel peeing since sunday", "bladder"),
        ("real dificullty urinatting this week", "bladder"),
        ("my streem has gone weak, that's new", "bladder"),
    ],
)
def test_a_long_sign_word_with_one_slip_is_still_read(text, sign):
    flag = screen(text)
    assert flag is not None and flag.sign == sign, text


@pytest.mark.parametrize(
    "text",
    [
        "after the election my back was stiff",
        "I climbed the ladder to clean the gutters",
        "we played lawn bowls all afternoon and my back held up",
        "I bowled a few overs, my back is a bit stiff",
        "the central heating was off and my back felt tight",
        "two cereal bowls and a coffee before the session",
        "the toilets at the gym were closed",
        "the controls on the treadmill are confusing",
        "the grain in the wooden floor is numbing to look at",
        "I saddled up the horse and my back was fine",
    ],
)
def test_a_real_word_one_letter_from_a_sign_word_is_not_a_slip(text):
    assert screen(text) is None


@pytest.mark.parametrize(
    ("typed", "read"),
    [("saddel", "saddle"), ("bowles", "bowels"), ("toliet", "toilet"), ("bowls", None),
     ("ladder", None), ("tryna", None), ("urinte", None), ("trubble", "trouble"),
     ("stramm", "stream")],
)  # fmt: skip
def test_a_slip_is_read_only_when_one_sign_word_is_that_close(typed, read):
    # "urinte" is as close to "urine" as to "urinate": no guess; "bowles" has the letters
    # of "bowels"; a real word ("bowls") or chat ("tryna") is what it says. "trubble" has
    # the consonants of "trouble" and of "terrible": the nearer wins.
    assert red_flags._slip(typed) == read


def test_a_general_question_about_a_part_of_a_sign_is_explained_not_asked():
    found = red_flags.check("is pins and needles something to worry about if it ever happens?")
    assert found.flag is None and found.suspected is None and found.about is not None
    # Said of the user's own, the same part of a sign is asked about.
    assert red_flags.check("I've got pins and needles, is that something to worry about?").suspected


def test_numbness_beside_a_machine_is_still_asked_about_when_it_is_the_users():
    # A device in the message is no explanation of the user's own numbness: asked, never
    # guessed away; numbness said of the device itself is not a symptom.
    assert red_flags.check("my phone buzzed and then I went numb").suspected
    assert red_flags.check("the video froze and the sound went numb").suspected is None


def test_what_the_user_did_next_with_someone_ill_does_not_make_it_theirs():
    assert red_flags.check("my husband has a fever so we stayed in").suspected is None
    assert red_flags.check("we both have a fever").flag is not None


@pytest.mark.parametrize(
    "text",
    [
        "my brother struggles to control his bladder after his surgery, can he do these?",
        "my grandad had a stroke, both his legs are weak now, is this too much for him",
        "my mum says her bowels are out of control since her op",
    ],
)
def test_a_sign_in_another_persons_body_is_theirs_not_the_users(text):
    assert screen(text) is None, text


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my husband says I can't control my bladder any more", "incontinence"),
        ("my son noticed both my legs are weak when I climb the stairs", "both_legs"),
    ],
)
def test_the_users_own_sign_stays_flagged_when_someone_else_is_named(text, sign):
    flag = screen(text)
    assert flag is not None and flag.sign == sign, text


@pytest.mark.parametrize(
    "text",
    [
        "what if my feet went numb, would that be bad?",
        "what if both my legs give way, would I need A&E?",
    ],
)
def test_a_what_if_question_about_a_sign_is_answered_not_flagged(text):
    found = red_flags.check(text)
    assert found.flag is None, text
    assert found.about is not None, text


def test_a_what_if_without_would_is_still_taken_as_said():
    assert screen("what if I can't pee?") is not None


def test_a_number_before_hours_is_a_length_of_time_not_an_age():
    # 12 to 19 and over 55 are ages elsewhere ("I'm 17 and my back hurts").
    assert red_flags.screen("haven't peed for 15 hours").sign == "bladder"
    assert red_flags.screen("I'm 17 and my back hurts a lot").sign == "age"


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # A question, then what shows it is the user's own: a time, a first, "it's happened".
        ("is it normal that both knees fold under me on the stairs? happened again today",
         "legs_giving_way"),
        ("is it normal to not notice you've weed until your pants are wet? my back's been "
         "playing up since monday", "incontinence"),
        ("is it normal to not be able to orgasm with a bad back? never had this before",
         "sexual_function"),
        ("is it normal to feel awful all over with back pain? been like this since the weekend",
         "unwell"),
        # Less comes, or it stops.
        ("my wee flow has nearly dried up since Saturday", "bladder"),
        ("a weak stream when I pee since my back went", "bladder"),
        ("it feels blocked when I try to wee", "bladder"),
        # Sexual function, said politely, and new.
        ("since the back flared up it just won't work in bed", "sexual_function"),
        # Generally unwell in everyday words.
        ("been proper poorly all week", "unwell"),
        ("felt ill and rotten since Tuesday", "unwell"),
        # Weakened immunity in medical words.
        ("my white cell count has dropped very low", "immunity"),
        # Weeks of pain, said by how long.
        ("a fortnight and a bit now and the ache hasn't shifted", "persistent_pain"),
        ("three and a half weeks on and it's still no easier", "persistent_pain"),
        ("my back's hurt since the start of last month, no change at all", "persistent_pain"),
    ],
)  # fmt: skip
def test_signs_said_in_everyday_words_or_after_a_question_are_found(text, sign):
    flag = screen(text)
    assert flag is not None and flag.sign == sign, (text, flag)


@pytest.mark.parametrize(
    "text",
    [
        "a week in and it's no better yet",  # under SEE_DOCTOR_AFTER_WEEKS
        "ten days of lifts and the ache is the same",
        "two weeks in and my form is no better",  # not the pain
        "the heating doesn't work in the bedroom",
        "my white cell count came back normal",
    ],
)
def test_short_spells_other_things_unchanged_and_machines_are_no_red_flag(text):
    assert screen(text) is None


def test_the_weeks_of_pain_that_count_follow_the_protocol():
    assert red_flags.GROUPS["LONG_SPELL"] == red_flags._long_spells(protocol.SEE_DOCTOR_AFTER_WEEKS)
    two, three = red_flags._long_spells(2), red_flags._long_spells(3)
    assert {"a fortnight", "two weeks", "two and a half weeks", "a month"} <= set(two)
    assert "a week" not in two and "one and a half weeks" not in two
    assert not {"a fortnight", "two weeks"} & set(three)
    assert {"three weeks", "a month", "early last month"} <= set(three)


def test_a_question_about_a_case_to_come_from_someone_fine_is_explained_not_asked():
    result = red_flags.check("what would I do if my legs ever gave way? I'm fine, just planning")
    assert result.flag is None and result.suspected is None
    assert result.about is SIGNS["legs_giving_way"]
    # Someone who thinks they may have it is still asked.
    result = red_flags.check("if my legs ever give way what do I do? I think it nearly happened")
    assert result.flag is not None or result.suspected is SIGNS["legs_giving_way"]


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # A new leak of urine, or a pad soaked with no urge felt.
        ("urine escapes when I walk, this only started on monday", "incontinence"),
        ("my pad was drenched this morning and I hadn't felt any need to wee", "incontinence"),
        ("I'm not feeling when my bladder is full anymore", "bladder"),
        # The toilet named, or both kinds: control of either lost.
        ("no control over when I use the loo now", "incontinence"),
        ("can't hold it in time, either kind, I barely reach the toilet", "incontinence"),
        # Slang or a description for the perineum, numb.
        ("my taint is numb since this morning", "saddle_numbness"),
        ("no feeling between my bum and my bits", "saddle_numbness"),
        ("is it normal for the saddle area to feel numb like this?", "saddle_numbness"),
        # The legs stop holding the user up, or go and nearly drop them.
        ("my legs stop taking my weight on the stairs", "legs_giving_way"),
        ("nearly went down in the hall when my legs went", "legs_giving_way"),
        # Asked of the user's own pain: "is it normal that the pain ...".
        (
            "is it normal that the pain is worse at night than at lunch and won't ease with rest?",
            "night_pain",
        ),
        # The route from the back to the foot; "lower" here is the back.
        ("the ache runs from my lower back down the side of my leg to my foot", "below_knee"),
        # More than the protocol's weeks, said as a comparison or as lasting.
        ("my back pain has been there well over two and a half weeks", "persistent_pain"),
        ("the ache has lasted a month now", "persistent_pain"),
        ("my hip pain has gone on for over three weeks", "persistent_pain"),
        ("woke with a soaked pad, I never got the urge", "incontinence"),
    ],
)
def test_new_leaks_toilet_control_slang_routes_and_spells_are_found(text, sign):
    flag = screen(text)
    assert flag is not None and flag.sign == sign, (text, flag)


@pytest.mark.parametrize(
    "text",
    [
        "it doesn't reach below my knee, it stays in my lower back",
        "my numb brain lost count of the reps",
        "bit of brain fog today, which set was I on?",
        "my back has ached for more than a week",  # under SEE_DOCTOR_AFTER_WEEKS
        "I hurt my back over two weeks ago and it's fine now",
        "my knee pads were soaked from the wet floor",
        # A crash looked on at, on a screen: no trauma of the user's.
        "watched a race with a nasty bike crash on lap two, ok let's start",
        "a horrible accident on the news this morning, anyway ready",
        # A hand or arm that slipped in the exercise, nothing hit: no trauma.
        "my elbow slipped off the mat during the lift, carrying on",
        # What the clothes or the loss come from is said: no sign.
        "my trousers are getting baggy since I started cutting calories on my diet",
        "lost loads of money on the horses, not trying that again",
    ],
)
def test_denied_routes_scenes_looked_on_at_and_explained_signs_are_no_red_flag(text):
    assert screen(text) is None


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("I leak a little when I sneeze, I have for years since the kids", "incontinence"),
        # Nothing ties the sign to the asker: asked about by design (its yes/no question).
        ("is it normal to lose feeling in the groin?", "saddle_numbness"),
    ],
)
def test_a_years_old_leak_or_a_bare_is_it_normal_question_is_asked_about_not_flagged(text, sign):
    result = red_flags.check(text)
    assert result.flag is None and result.suspected is SIGNS[sign]


def test_more_than_the_protocols_weeks_counts_and_fewer_does_not():
    weeks = protocol.SEE_DOCTOR_AFTER_WEEKS
    assert screen(f"my back has hurt for more than {weeks} weeks") is not None
    assert screen(f"my back has hurt for more than {weeks - 1} week") is None


def test_days_count_as_persistent_pain_from_the_protocols_weeks_on():
    days = 7 * protocol.SEE_DOCTOR_AFTER_WEEKS
    assert screen(f"my back still aches {days} days on, despite the lifts") is not None
    assert screen(f"my back still aches {days - 1} days on, despite the lifts") is None
    assert screen("the ache is still there after nineteen days, despite resting") is not None


def test_a_sign_term_asked_about_bare_is_explained_and_one_said_as_the_users_is_not():
    explained = red_flags.check("what does urinary retention mean?")
    assert explained.about is SIGNS["bladder"] and explained.suspected is None
    assert explained.flag is None
    assert screen("what does it mean if my groin is numb?") is not None
    assert red_flags.check("what does it mean when you cant pee?").suspected is SIGNS["bladder"]


def test_a_feeling_that_hits_and_numbness_gone_on_standing_are_not_asked_about():
    weary = red_flags.check("halfway through my third set I was hit by real weariness")
    numb = red_flags.check("my backside went numb on the long drive, it passed when I got out")
    assert (weary.flag, weary.suspected, numb.flag, numb.suspected) == (None,) * 4


# -- issue 15 (2026-11-27jj, studied by kind) --------------------------------------------------


@pytest.mark.parametrize(
    ("said", "read"),
    [("givin", "giving"), ("collapsin'", "collapsing"), ("droppin", "dropping"), ("thin", "thin")],
)
def test_a_dropped_g_reads_as_the_ing_word_and_a_real_word_as_itself(said, read):
    assert red_flags._fold(said) == read


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("both my legs keep collapsin' on the landing", "legs_giving_way"),
        ("legs givin out from under me since this mornin", "legs_giving_way"),
        ("my knees keep bucking when I get up from the chair", "legs_giving_way"),
        # A sign asked as "is it normal ...?" tied to the asker's own back: their sign.
        ("is it normal to lose feeling in the saddle area after jarring your back?",
         "saddle_numbness"),
        ("is it normal to have no sensation in the saddle area after a disc injury?",
         "saddle_numbness"),
        # A thermometer reading of a fever, in figures or words, in either scale.
        ("temperature's sitting at 38.4 since lunch", "fever"),
        ("the thermometer showed a hundred and one", "fever"),
        ("my temp was thirty-nine point one last night", "fever"),
        # An age given with someone else's: the user's too.
        ("we're both 64, my back only started aching at the weekend", "age"),
        ("me and my brother are in our sixties, first time my back has gone", "age"),
        # Pain still there after weeks of the user's own exercise, asked as a question.
        ("is it normal for the ache to still be hanging around after five weeks of these?",
         "persistent_pain"),
        # 2026-11-27kk kinds.
        # Legs that fail to stand the user up, even after a set: not tired legs.
        ("after the last round of reps I could not get up, both legs just not working",
         "legs_giving_way"),
        # A spread down the leg, with below the knee said in a clause of its own.
        ("a scalding pain creeping down my leg, past the knee into the calf", "below_knee"),
        ("burning pain shooting down my leg, it reaches the ankle", "below_knee"),
        # A lot of weight gone, said loosely, with no diet to explain it.
        ("my dresses have gone baggy on me and I'm eating as usual", "weight_loss"),
        ("dropped masses since the spring and I'm not on a diet", "weight_loss"),
        ("is it normal to shed weight when your back aches? I've lost a stone", "weight_loss"),
        # An age in brackets or beside a role: the user's own.
        ("(69) my lower back started aching on Monday", "age"),
        ("retiree here, 71, new ache across my lower back", "age"),
        # "Is it normal ...?" with a setting of the asker's own life: their sign.
        ("is it normal to go numb around the back passage while having sex?", "saddle_numbness"),
        ("is it normal for my back to hurt more at night? it doesn't ease off even lying down",
         "night_pain"),
    ],
)  # fmt: skip
def test_issue_15_kinds_are_found(text, sign):
    flag = screen(text)
    assert flag is not None and flag.sign == sign, (text, flag)


def test_a_score_that_rose_over_weeks_is_not_read_as_an_easing():
    assert screen("over three weeks the pain went from a 3 to a 6, no better") is not None


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("the sciatica I had last year has cleared up completely", None),
        ("sciatica's all gone now", None),
        ("my sciatica is playing up again", "below_knee"),
    ],
)
def test_sciatica_is_asked_about_unless_said_to_be_over(text, asked):
    result = red_flags.check(text)
    assert result.flag is None and result.suspected is (SIGNS[asked] if asked else None)


@pytest.mark.parametrize(
    "text",
    [
        "is it normal to feel numb in the saddle area during sex? asking for a quiz",
        "is it normal to have back pain at night in bed? asking in general",
    ],
)
def test_is_it_normal_with_a_setting_but_asked_for_something_else_is_not_a_flag(text):
    result = red_flags.check(text)
    assert result.flag is None and result.about is not None


# A stream that stops and starts is asked about alone; with effort or said to be a change
# ("never used to") it is the sign. "Not used to the lifts" is no change.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("my pee keeps stopping and starting", False),
        ("my pee keeps stopping and starting and I have to bear down", True),
        ("my wee is stop start now, it never used to be", True),
        ("I'm not used to these lifts and my wee is stop start", False),
    ],
)
def test_a_stop_start_stream_is_the_sign_only_with_effort_or_a_change(text, flagged):
    result = red_flags.check(text)
    assert result.suspected is not None or result.flag is not None, text
    assert (result.flag is not None) == flagged, text


# A sign asked as a question and answered no a few words later, in the same message.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("the ache wakes me up? no, out like a light", False),
        ("does the ache wake me at night? nope", False),
        ("the ache wakes me up at night? yes, most nights", True),
        ("the ache wakes me up at night, no idea why", True),
    ],
)
def test_a_sign_answered_no_right_after_its_question_is_denied(text, flagged):
    assert (screen(text) is not None) == flagged, text


# Leaks tied to having a baby (a pelvic floor weakened by the birth) are asked about, never
# taken as the emergency; a leak with nothing to explain it is the sign.
def test_leaks_after_a_birth_are_asked_about_not_flagged():
    result = red_flags.check("will the lifts help the wee leaks I've had since the baby came?")
    assert result.flag is None and result.suspected.sign == "incontinence"
    assert screen("I leak a bit of wee when I cough now").sign == "incontinence"


# Legs that fold on standing up are the sign even after a set; folding in the middle of
# a hard set is not; a chair's or a stool's legs are nobody's.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("stood up from the mat after set two and my legs just went", "legs_giving_way"),
        ("my knees gave out halfway through the last set, I was spent", None),
        ("the chair leg gave way under me", None),
        ("the stool legs buckled when I stood on it", None),
    ],
)
def test_legs_that_fold_on_standing_are_the_sign_and_furniture_legs_are_not(text, sign):
    assert getattr(screen(text), "sign", None) == sign, text


# Weight said to go with "has been", "'s been": the verb form, not only "is dropping".
@pytest.mark.parametrize(
    "text",
    [
        "the kilos have been coming off with no cause, 3 kg in four weeks",
        "my weight's been dropping, no idea why, half a stone in a month",
    ],
)
def test_weight_that_has_been_going_is_the_unexplained_loss(text):
    assert getattr(screen(text), "sign", None) == "weight_loss", text


# A flow of an app or a talk is no urine stream; the same words said of the loo still are.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("can't get the flow going in this meditation app", None),
        ("couldn't start the flow of the conversation", None),
        ("can't get the flow going on the toilet since last night", "bladder"),
        ("it's been hard to get the flow going since yesterday", "bladder"),
    ],
)
def test_a_flow_of_other_things_is_no_bladder_emergency(text, sign):
    assert getattr(screen(text), "sign", None) == sign, text


def test_a_general_question_with_i_am_fine_is_explained_and_fine_otherwise_is_asked():
    asked = "do people skip the lifts when feverish? just wondering, I'm fine"
    assert (red_flags.check(asked).about.sign, red_flags.check(asked).suspected) == ("fever", None)
    for but in ("otherwise", "now"):
        assert red_flags.check(f"{asked} {but}").suspected.sign == "fever"


# The zz kinds, in own wording. A wee that does not come out right, said short or over
# days: the bladder sign, with back pain or without; drinking a lot, a cleared infection
# and a stream in a match stay quiet. Weight loss called odd, or the noun with no diet
# behind it, is unexplained; a goal, tips or water sweated out are not. Both legs numb
# from a sit, a drive or kneeling that wore off on moving: pressure, clear; numbness that
# stays, or came back, is still the emergency.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("urine not coming out properly, lower back hurts", "bladder"),
        ("pee hasn't been flowing properly for two days", "bladder"),
        ("wee not coming out right", "bladder"),
        ("my wee keeps cutting out and my back is sore", "bladder"),
        ("my pee keeps stopping part way through", "bladder"),
        ("i've been peeing a lot since i drank two litres of water", None),
        ("had a uti, antibiotics sorted it, all fine now", None),
        ("the stream stopped halfway through the match", None),
        ("a funny drop in my weight since spring", "weight_loss"),
        ("odd weight loss the past month", "weight_loss"),
        ("some weight loss and i haven't been eating any different", "weight_loss"),
        ("weight loss is my goal and i eat the same", None),
        ("looking for weight loss tips, not dieting yet", None),
        ("shed a couple of pounds, just water from sweating", None),
        ("legs went numb after kneeling, fine after i moved", None),
        ("both legs tingled on a long drive, gone once i got out", None),
        ("both my legs, they just went numb", "both_legs"),
        ("my legs went numb while sitting and they're still numb", "both_legs"),
        ("legs numb from sitting on the loo, fine once i got up, then it came back", "both_legs"),
    ],
)
def test_the_zz_kinds_are_read_and_their_near_misses_stay_quiet(text, sign):
    assert getattr(screen(text), "sign", None) == sign, text


def test_a_wee_that_keeps_cutting_out_is_asked_about_and_with_back_pain_is_the_sign():
    assert red_flags.check("my wee keeps cutting out").suspected.sign == "bladder"
    assert screen("my wee keeps cutting out") is None
    assert screen("my wee keeps cutting out and my back is sore").sign == "bladder"


def test_worry_about_cauda_equina_asking_what_to_look_for_is_explained():
    asked = red_flags.check("really scared of cauda equina, what are the warning signs?")
    assert (asked.flag, asked.about.sign) == (None, "cauda_equina")
    own = "concerned about cauda equina, my groin has gone numb"
    assert red_flags.check(own).flag.sign == "saddle_numbness"


@pytest.mark.parametrize(
    "text",
    [
        "hurt my shoulder in a crash ages ago, long since mended",
        "snapped my collarbone falling off a bike as a kid, healed fine",
    ],
)
def test_an_old_injury_elsewhere_long_healed_is_not_asked_about(text):
    assert red_flags.check(text).suspected is None and screen(text) is None

"""Red flags as data (coach/red_flags.yml) and the safety dialogue around them
(coach/safety.py): a question when unsure, a flag that stays in force, the
checklist before a first session."""

from pathlib import Path

import pytest
import yaml

from coach import red_flags, safety
from coach.red_flags import EMERGENCY, SIGNS, check, screen
from tests.unit.chat import HOUR, T0, Chat, in_a_set, number

ROOT = Path(__file__).resolve().parents[2]
BLIND_DIR = ROOT / "tests" / "blind"

EXAMPLES = [
    (sign, text) for sign, entry in red_flags.DATA["signs"].items() for text in entry["examples"]
]
NEAR_MISSES = [
    (sign, text) for sign, entry in red_flags.DATA["signs"].items() for text in entry["near_misses"]
]


# -- the YAML ---------------------------------------------------------------------------


@pytest.mark.parametrize(("sign", "text"), EXAMPLES)
def test_every_example_in_the_yaml_finds_its_sign(sign, text):
    flag = screen(text)
    assert flag is not None and flag.sign == sign, (text, flag)


@pytest.mark.parametrize(("sign", "text"), NEAR_MISSES)
def test_no_near_miss_in_the_yaml_is_a_red_flag(sign, text):
    assert screen(text) is None, text


def test_every_sign_has_urgency_advice_question_examples_and_near_misses():
    for sign, entry in red_flags.DATA["signs"].items():
        assert entry["urgency"] in red_flags.URGENCIES
        assert entry["made_of"], sign
        assert entry["question"].startswith("Just to check") and entry["question"].endswith("?")
        assert len(entry["examples"]) >= 2 or sign in ("fever", "night_sweats", "unwell"), sign
        assert entry["examples"] and entry["near_misses"], sign
    assert set(red_flags.DATA["signs"]) == set(SIGNS)


def test_the_clinical_notes_signs_are_all_in_the_yaml():
    # shared/reference/clinical-notes.md, "Red flags": one entry (or more) for each.
    for sign in ("bladder", "incontinence", "saddle_numbness", "both_legs", "legs_giving_way",
                 "sexual_function", "trauma", "fever", "unwell", "cancer", "weight_loss",
                 "night_pain", "upper_back", "age", "immunity", "below_knee",
                 "persistent_pain"):  # fmt: skip
        assert sign in SIGNS


def test_a_broken_entry_is_refused_with_its_name(tmp_path):
    data = yaml.safe_load(red_flags.SIGNS_FILE.read_text())
    del data["signs"]
    broken = tmp_path / "red_flags.yml"
    broken.write_text(yaml.safe_dump(data))
    with pytest.raises(red_flags.SignsFileError, match="signs"):
        red_flags._load(broken)
    with pytest.raises(red_flags.SignsFileError, match="NOPE"):
        red_flags._word_set("NOPE asleep", "test")


def test_a_key_said_twice_in_the_yaml_is_refused_with_its_line(tmp_path):
    text = red_flags.SIGNS_FILE.read_text()
    # A second "bladder:" sign: PyYAML alone would keep the last one and drop the first.
    second = text.replace("signs:\n", "signs:\n  bladder:\n    urgency: soon\n", 1)
    broken = tmp_path / "red_flags.yml"
    broken.write_text(second)
    with pytest.raises(red_flags.SignsFileError, match=r"duplicate key 'bladder' on line \d+"):
        red_flags._load(broken)
    # In a nested mapping too: a concept's variant named twice.
    nested = tmp_path / "nested.yml"
    nested.write_text("signs:\n  a:\n    variants:\n      x: 1\n      x: 2\n")
    with pytest.raises(red_flags.SignsFileError, match="duplicate key 'x' on line 5"):
        red_flags._load(nested)
    empty = tmp_path / "empty.yml"
    empty.write_text("")
    with pytest.raises(red_flags.SignsFileError, match="not a mapping"):
        red_flags._load(empty)
    assert red_flags._load(red_flags.SIGNS_FILE)["signs"]


# The misses the issue reports, and its near misses: regression tests for the bug.
ISSUE_MISSES = [
    ("i cant get it up since my back pain started", "sexual_function"),
    ("my bladder feels full but i cant go", "bladder"),
    ("was in a car crash last week, back's been bad since", "trauma"),
    ("got rear-ended on the motorway on friday", "trauma"),
    ("it hurts even lying completely still at night, nothing eases it", "night_pain"),
    ("it goes past my knee into my calf", "below_knee"),
    ("it's a 4 but it goes down past my knee", "below_knee"),
]


@pytest.mark.parametrize(("text", "sign"), ISSUE_MISSES)
def test_the_issues_missed_phrasings_are_caught(text, sign):
    assert screen(text).sign == sign


@pytest.mark.parametrize("text", ["no numbness at all", "my foot fell asleep sitting on it"])
def test_the_issues_near_misses_stay_quiet(text):
    result = check(text)
    assert result.flag is None and result.suspected is None and result.recognised


def test_numbness_that_came_back_after_standing_has_not_worn_off():
    # Safety: the numbness returned, so "gone when I stood up" no longer explains it away.
    assert screen("my bottom went numb, wore off when I walked, then it returned") is not None
    assert screen("my bottom went numb, wore off when I walked") is None
    # Said before the easing, "came back" is the feeling returning, not the numbness.
    assert screen("numb bum after the match, feeling came back once I stood up") is None


@pytest.mark.parametrize("text", ["lost count there, sorry", "I've lost my place, call it 6"])
def test_losing_count_is_read_and_no_sign(text):
    result = check(text)
    assert result.flag is None and result.suspected is None and result.recognised


def test_losing_count_does_not_hide_a_sign_said_with_it():
    assert screen("lost count because I wet myself on the last rep").sign == "incontinence"


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my bladder feels odd", "bladder"),
        ("something feels weird down there in my privates", "saddle_numbness"),
        ("I've got some numbness", "saddle_numbness"),
        ("I fell yesterday", "trauma"),
        ("the pain goes down my leg", "below_knee"),
        ("I have sciatica", "below_knee"),
    ],
)
def test_part_of_a_sign_is_suspected_not_flagged(text, sign):
    result = check(text)
    assert result.flag is None and result.suspected.sign == sign


def test_a_clinicians_check_is_read_from_words_and_denials_count():
    for text in ("I saw my GP yesterday and she said it's fine", "been to A&E, all clear",
                 "my physio checked me and said I'm ok to exercise"):  # fmt: skip
        assert red_flags.says(text, "CLEARED"), text
    for text in ("yes", "not yet, I haven't seen a doctor", "the doctor hasn't seen me"):
        assert not red_flags.says(text, "CLEARED"), text


# -- asking when unsure -------------------------------------------------------------------


def test_the_classifiers_red_flag_alone_gets_a_question_not_a_pain_report():
    chat = Chat(disclaimer_given=True)
    said = chat.say("red_flag", "something is really not right with me")
    assert said == red_flags.UNSURE.question
    assert chat.slots["pending_offer"] == safety.CHECK
    said = chat.say("deny", "no")
    assert "0 to 10" in said or "0" in said and "10" in said
    assert chat.slots["pending_offer"] == "pain_severity"


def test_yes_to_the_question_gets_the_signs_advice_and_stops_the_session():
    chat = in_a_set()
    chat.say("count_rep", "done")
    said = chat.say("pain", "my bladder feels odd")
    assert said == SIGNS["bladder"].question
    assert chat.session is not None  # not stopped on a suspicion
    said = chat.say("affirm", "yes")
    assert said == red_flags.advice(SIGNS["bladder"])
    assert chat.session is None and chat.slots["caution"]["sign"] == "bladder"


def test_not_sure_counts_as_yes_and_no_carries_on_where_it_was():
    chat = Chat(disclaimer_given=True)
    chat.say("pain", "my groin feels weird")
    assert "999" in chat.say("deny", "not sure really")
    chat = in_a_set()
    chat.say("nlu_fallback", "my groin feels weird")
    said = chat.say("deny", "no")
    assert said.startswith(red_flags.reply("check_no")) and "set 1 of 2" in said
    # Said as pain, a no leads on to the pain question, as the pain report would have.
    chat.say("pain", "my groin feels weird and sore")
    assert "0 (no pain) to 10" in chat.say("deny", "no")
    assert chat.slots["pending_offer"] == "pain_severity" and chat.session is not None


def test_a_question_naming_a_condition_gets_a_clinician_first_then_the_signs_question():
    # Asking whether it is a condition is not a report of a sign: the answer sends to a
    # clinician, and the sign's yes/no question follows, since whoever asks may have it.
    chat = Chat(disclaimer_given=True)
    said = chat.say("ask_medical", "could this be sciatica, do you reckon")
    assert said.startswith("I can't diagnose") and "physio" in said
    assert said.endswith(SIGNS["below_knee"].question)
    assert chat.slots["pending_offer"] == safety.CHECK
    # Said as a report, the question alone, as before.
    said = Chat(disclaimer_given=True).say("pain", "my sciatica is playing up")
    assert said.startswith("Just to check") and "diagnose" not in said


def test_is_it_normal_to_have_a_sign_is_explained_then_asked_and_yes_gets_the_advice():
    # "Is it normal to ...?" is asked by someone who may have it: the explanation, then the
    # sign's yes/no question, even for a see-a-doctor-soon sign.
    chat = Chat(disclaimer_given=True)
    said = chat.say("ask_medical", "is it normal to run a temperature with a bad back?")
    assert said.endswith(SIGNS["fever"].question)
    assert chat.slots["pending_offer"] == safety.CHECK
    assert chat.say("affirm", "yes") == red_flags.advice(SIGNS["fever"])


# -- a flag that stays in force ----------------------------------------------------------------


def flagged_chat() -> Chat:
    chat = in_a_set()
    said = chat.say("pain", "my bladder feels full but I can't go")
    assert "999" in said and chat.session is None
    return chat


def test_nothing_said_after_an_emergency_unsays_it():
    chat = flagged_chat()
    description = SIGNS["bladder"].description
    said = chat.say("feel_fine", "it's fine now, it went away")
    assert "Glad to hear" not in said and description in said and "doctor" in said
    said = chat.say("continue_session", "can I carry on?")
    assert said.startswith("Not yet") and description in said
    for intent, text in (("affirm", "yes"), ("start_session", "start my session")):
        chat.say(intent, text)
        assert chat.session is None, text
    # A question is answered, and the advice comes with it.
    said = chat.say("ask_hold", "how long do I hold it?")
    assert description in said and chat.session is None


def test_a_tap_on_yes_is_not_enough_but_words_about_a_clinician_are():
    chat = flagged_chat()
    chat.new_conversation(hours_later=30)  # past the 24 hours: now it asks
    said = chat.say("start_session", "start my session")
    assert "Has a doctor or physiotherapist seen you" in said and chat.session is None
    assert chat.say("affirm", "yes") == red_flags.reply("need_words")
    assert chat.session is None
    said = chat.say("affirm", "yes, my GP saw me yesterday and said it's fine")
    assert said == red_flags.reply("cleared") and chat.slots["caution"] is None
    assert chat.slots["safety"]["cleared"]["sign"] == "bladder"
    chat.say("start_session", "start my session")
    assert chat.session is not None


def test_within_the_day_a_clinicians_all_clear_lifts_it_too():
    chat = flagged_chat()
    chat.now += 5 * HOUR
    assert chat.say("feel_fine", "been to A&E, they checked me, all clear") == red_flags.reply(
        "cleared"
    )
    assert chat.slots["caution"] is None


def test_not_seen_yet_keeps_it():
    chat = flagged_chat()
    chat.new_conversation(hours_later=30)
    chat.say("start_session", "start my session")
    assert chat.say("deny", "no, not yet") == red_flags.reply("not_cleared")
    assert chat.slots["caution"]["sign"] == "bladder" and chat.session is None


# -- the checklist before a first session ---------------------------------------------------


def test_a_first_session_starts_after_three_safety_questions_and_records_them():
    chat = Chat(screened=False, disclaimer_given=True)
    said = chat.say("start_session", "start my session")
    assert red_flags.CHECKLIST[0].question in said and chat.session is None
    assert red_flags.CHECKLIST[1].question in chat.say("deny", "no")
    assert red_flags.CHECKLIST[2].question in chat.say("deny", "nope")
    said = chat.say("deny", "no")
    assert said.startswith(red_flags.reply("screening_clear")) and chat.session is not None
    record = chat.slots["safety"]["screenings"][-1]
    assert record["reason"] == safety.FIRST_SESSION
    assert set(record["answers"].values()) == {"no"} and len(record["answers"]) == 3
    # Screened once: the next first-session start goes straight in.
    chat.say("stop_session", "stop")
    chat.say("start_session", "start my session")
    assert chat.session is not None


def test_yes_in_the_checklist_gets_the_advice_and_no_session():
    chat = Chat(screened=False, disclaimer_given=True)
    chat.say("start_session", "start my session")
    said = chat.say("affirm", "yes")
    assert "999" in said and chat.session is None
    assert chat.slots["caution"]["sign"] == "bladder_bowels"
    assert chat.slots["safety"]["screenings"][-1]["answers"] == {"bladder_bowels": "yes"}
    assert chat.say("continue_session", "can I start anyway?").startswith("Not yet")


def test_the_checklist_by_voice_has_no_buttons_to_read_out_and_yes_no_work():
    chat = Chat(screened=False, disclaimer_given=True)
    said = chat.say("start_session", "start my session", channel="alexa")
    assert red_flags.CHECKLIST[0].question in said
    for _ in range(3):
        said = chat.say("deny", "no", channel="alexa")
    assert chat.session is not None


def test_a_sign_said_during_the_checklist_wins():
    chat = Chat(screened=False, disclaimer_given=True)
    chat.say("start_session", "start my session")
    assert "999" in chat.say("deny", "no, but my groin is numb")


def test_severe_pain_asks_the_checklist_again():
    chat = in_a_set()
    chat.now += 2 * HOUR
    chat.say("pain", "my back hurts")
    said = chat.say("count_rep", "8", number(8))
    assert red_flags.CHECKLIST[0].question in said
    assert chat.slots["pending_offer"] == safety.SCREENING
    for _ in range(3):
        said = chat.say("deny", "no")
    assert said.startswith(red_flags.reply("screening_clear_after_pain"))
    assert chat.slots["safety"]["screenings"][-1]["reason"] == safety.SEVERE_PAIN


def test_after_severe_pain_the_checklist_question_is_the_last_thing_said():
    # With reps done, stopping the session says when the next one is: that comes first,
    # so that by voice the user hears the question last and answers it.
    chat = in_a_set()
    chat.say("report_reps", "did 10", number(10))
    said = chat.say("pain", "my back hurts, it's a 9", number(9))
    assert "recover" in said
    assert said.endswith(red_flags.CHECKLIST[0].question)
    assert chat.outcome.reply.messages[-1].buttons == safety.BUTTONS
    assert chat.slots["pending_offer"] == safety.SCREENING


def test_a_moderate_pain_does_not():
    chat = in_a_set()
    chat.say("pain", "my back hurts")
    assert red_flags.CHECKLIST[0].question not in chat.say("count_rep", "4", number(4))


def test_an_old_caution_without_a_sign_still_counts_as_an_emergency():
    chat = Chat(caution={"reason": "red_flag", "at": T0 - 100 * HOUR}, disclaimer_given=True)
    assert "seen you since" in chat.say("start_session", "start my session")
    assert chat.session is None


# -- the blind set, as a regression test ------------------------------------------------------


# Each set was scored once while fresh, then studied by kind: regression tests, not
# evidence. The newest set is added here only after its honest score is reported.
STUDIED_SETS = [
    "2026-11-26",
    "2026-11-26b",
    "2026-11-26c",
    "2026-11-26d",
    "2026-11-26e",
    "2026-11-26f",
    "2026-11-26g",
    "2026-11-26h",
    "2026-11-26i",
    "2026-11-26j",
    "2026-11-26k",
    "2026-11-26l",
    "2026-11-26m",
    "2026-11-26n",
    "2026-11-26o",
    "2026-11-26p",
    "2026-11-26q",
    "2026-11-26r",
    "2026-11-26s",
    "2026-11-26t",
    "2026-11-26u",
    "2026-11-26w",
    "2026-11-26x",
    "2026-11-27y",
    "2026-11-27z",
    "2026-11-27bb",
    "2026-11-27cc",
    "2026-11-27dd",
    "2026-11-27ee",
    "2026-11-27ff",
    "2026-11-27gg",
    "2026-11-27hh",
    "2026-11-27ii",
    # Scored fresh: emergencies 91/93 (+1 asked), other signs 104/107, near misses 2/97
    # (+3 asked); after issue 15: 93/93, 107/107, 0/97 (+3 asked).
    "2026-11-27jj",
    # Scored fresh: emergencies 96/98 (+1 asked), other signs 95/100 (+1 asked), near misses
    # 1/95 (+2 asked); after issue 15: 98/98, 100/100, 0/95 (+2 asked).
    "2026-11-27kk",
    # Scored fresh: emergencies 89/91 (+1 asked), other signs 89/94 (+2 asked), near misses
    # 1/86; after issue 15: 91/91, 93/94 (+1 asked), 0/86.
    "2026-11-27ll",
    # Scored fresh: emergencies 89/91 (+1 asked), other signs 84/85 (+1 asked), near misses
    # 2/101; after issue 15: 91/91, 84/85 (+1 asked), 0/101.
    "2026-11-27mm",
    # Scored fresh: emergencies 74/76, other signs 81/84, near misses 2/82 (+1 asked); after
    # issue 15: 76/76, 83/84 (+1 asked), 0/82.
    "2026-11-27nn",
    # Scored fresh: emergencies 93/100 (+4 asked), other signs 92/96 (+2 asked), near misses
    # 3/93 (+2 asked); after issue 15: 100/100, 95/96 (+1 asked), 0/93 (+2 asked).
    "2026-11-27oo",
    # Scored fresh: emergencies 90/90, other signs 102/106 (+2 asked), near misses 3/92 (+1
    # asked); after issue 15: 90/90, 105/106 (+1 asked), 0/92.
    "2026-11-27pp",
    # Scored fresh: emergencies 87/91 (+1 asked), other signs 96/96, near misses 0/89; after
    # issue 15: 91/91, 96/96, 0/89.
    "2026-11-27qq",
    # Scored fresh: emergencies 87/94 (+5 asked), other signs 98/103 (+2 asked), near misses
    # 0/96 (+3 asked); after issue 15: 94/94, 101/103 (+2 asked by design), 0/96.
    "2026-11-27rr",
    # Scored fresh: emergencies 89/96 (+2 asked), other signs 84/87 (+1 asked), near misses
    # 0/91; after issue 15: 96/96, 86/87 (+1 asked by design), 0/91.
    "2026-11-27ss",
    # Scored fresh: emergencies 91/91, other signs 89/91 (+1 asked), near misses 0/95 (+1
    # asked); after issue 15: 91/91, 90/91 (+1 asked by design), 0/95.
    "2026-11-27tt",
    # Scored fresh: emergencies 92/97 (+1 asked), other signs 80/82, near misses 0/94 (+1
    # asked); after issue 15: 97/97, 82/82, 0/94.
    "2026-11-27uu",
    # Scored fresh: emergencies 94/97, other signs 94/98, near misses 0/95; after issue 15:
    # 97/97, 98/98, 0/95.
    "2026-11-27vv",
    # Scored fresh: emergencies 80/85 (+2 asked), other signs 81/82, near misses 1/88 (+1
    # asked); after issue 15: 85/85, 82/82, 0/88.
    "2026-11-27ww",
    # Scored fresh: emergencies 97/100 (+3 asked), other signs 99/101 (+1 asked), near misses
    # 0/95 (+1 asked); after issue 15: 100/100, 101/101, 0/95.
    "2026-11-27xx",
    # Scored fresh: emergencies 90/91, other signs 80/84 (+2 asked), near misses 2/92; after
    # issue 15: 91/91, 82/84 (+2 asked by design), 1/92.
    "2026-11-27yy",
    # Scored fresh: emergencies 72/73, other signs 92/93, near misses 3/87 (+1 asked); after
    # issue 15: 73/73, 93/93, 0/87.
    "2026-11-27zz",
    # Scored fresh: emergencies 91/94 (+1 asked), other signs 96/99, near misses 1/89 (+1
    # asked); after issue 15: 94/94, 99/99, 0/89.
    "2026-11-27s35a",
    # Scored fresh: emergencies 88/90 (+2 asked), other signs 83/86 (+1 asked), near misses
    # 0/91 (+1 asked); after issue 15: 90/90, 86/86, 0/91.
    "2026-11-27s35b",
    # Scored fresh: emergencies 94/97, other signs 90/91, near misses 2/104 (+2 asked);
    # after issue 15 (s35d): 97/97, 91/91, 2/104; after s36a: 97/97, 91/91, 0/104.
    "2026-11-27s35c",
    # Scored fresh: emergencies 90/92 (+2 asked), other signs 98/99, near misses 0/92; after
    # issue 15 (s36a): 92/92, 99/99, 0/92.
    "2026-11-27s35d",
    # Scored fresh: emergencies 83/87 (+1 asked), other signs 115/118 (+2 asked), near
    # misses 1/105 (+4 asked); after s36b: 87/87, 116/118 (+2 asked by design), 0/105 (+2
    # asked).
    "2026-11-28a",
    # Scored fresh: emergencies 91/94, other signs 105/109 (+2 asked), near misses 4/108 (+5
    # asked); after s36c: 94/94, 106/109 (+2 asked by design), 2/108 (+4 asked).
    "2026-11-28b",
    # Scored fresh: emergencies 91/93, other signs 98/99 (+1 asked), near misses 3/95 (+2
    # asked); after s36d: 93/93, 99/99, 0/95 (+3 asked).
    "2026-11-28c",
    # Scored fresh: emergencies 83/84, other signs 103/110, near misses 1/92 (+1 asked);
    # after s37e: 84/84, 107/110 (+3 asked by design), 0/92 (+1 asked).
    "2026-11-28d",
    # Scored fresh: emergencies 104/108 (+1 asked), other signs 110/114 (+2 asked), near
    # misses 6/96 (+5 asked); after s37f: 108/108, 114/114, 0/96 (+1 asked).
    "2026-11-28e",
    # Scored fresh: emergencies 91/95, other signs 97/100, near misses 2/106 (+5 asked);
    # after s37g: 95/95, 100/100, 0/106 (+3 asked).
    "2026-11-28f",
    # Scored fresh: emergencies 81/84, other signs 106/110, near misses 3/94 (+2 asked);
    # after s38h: 84/84, 110/110, 0/94 (+1 asked).
    "2026-11-28g",
    # Scored fresh: emergencies 94/95 (+1 asked), other signs 101/106, near misses 2/103 (+3
    # asked); after s38i: 95/95, 106/106, 0/103 (+1 asked: a wee trouble of last year, over).
    "2026-11-28h",
]
# Signs a set's writer labelled as flags that the coach asks about by design: in ee, two bare
# "is it normal to <sign> with back pain?" questions (fever, weight loss), with nothing of
# the user's own said, get the sign's yes/no question (issue 15), not the advice; in mm, one
# such fever question; in nn, one such weight-loss question asked with "your back"; in oo,
# a relative's weight loss, a sign of someone else's (a soon sign) that is asked about; in pp,
# one bare fever question; in rr, two bare "is it normal" questions (weight loss, the upper
# spine hurting); in ss, one bare "is it normal" question naming the mid back (the sign's
# place, not a setting of the asker's own life); in tt, one bare "is it normal that ..."
# question about an ache worse at night, with no "I", "my" or time of the asker's own; in
# yy, two bare "is it normal" questions (fever, weight loss); in 28a, two bare "is it
# normal" questions (feeling feverish, pain in the upper back); in 28b, two bare "is it
# normal" questions (weight loss, the thoracic spine); in 28d, three bare questions
# ("should I worry about ...?" twice: pain in the upper back, pain no better after weeks;
# "is it normal the pain ... at night ...?"), since s37e asked about, not only explained.
# Since s36a, an emergency sign asked about this way and tied to back pain ("... after back
# pain?", "... with a bad back?") is the asker's own and flagged; a soon sign (fever, weight
# loss) is still asked.
ASKED_BY_DESIGN = {
    "2026-11-27ee": 2,
    "2026-11-27mm": 1,
    "2026-11-27nn": 1,
    "2026-11-27oo": 1,
    "2026-11-27pp": 1,
    "2026-11-27rr": 2,
    "2026-11-27ss": 1,
    "2026-11-27tt": 1,
    "2026-11-27yy": 2,
    "2026-11-28a": 2,
    "2026-11-28b": 2,
    "2026-11-28d": 3,
}


@pytest.mark.parametrize("name", STUDIED_SETS)
def test_a_studied_blind_set_keeps_the_issues_targets(name, report_figure):
    """scripts/eval_red_flags.py reports the same figures, and end to end."""
    data = yaml.safe_load((BLIND_DIR / f"{name}-red-flags.yml").read_text())
    emergencies = [f["text"] for f in data["flags"] if f["urgency"] == "emergency"]
    others = [f["text"] for f in data["flags"] if f["urgency"] != "emergency"]
    misses = [m["text"] for m in data["near_misses"]]
    assert len(emergencies) + len(others) >= 100 and len(misses) >= 50
    missed = [t for t in emergencies if getattr(screen(t), "urgency", None) != EMERGENCY]
    caught = sum(screen(t) is not None for t in others)
    asked = sum(screen(t) is None and check(t).suspected is not None for t in others)
    flagged = sum(screen(t) is not None for t in misses)
    report_figure(f"blind {name}: emergencies caught", f"{len(emergencies) - len(missed)}/"
                  f"{len(emergencies)}")  # fmt: skip
    report_figure(f"blind {name}: other signs caught", f"{caught}/{len(others)}")
    report_figure(f"blind {name}: near misses flagged", f"{flagged}/{len(misses)}")
    assert not missed, missed
    assert caught + min(asked, ASKED_BY_DESIGN.get(name, 0)) >= 0.98 * len(others)
    assert flagged <= 0.05 * len(misses)


def test_the_nlu_keeps_an_unconfirmed_red_flag_for_the_coach_to_ask_about():
    from coach.conversation import corrected_intent

    assert corrected_intent("red_flag", [], "something is badly wrong with me") == "red_flag"
    assert corrected_intent("pain", [], "my groin is numb") == "red_flag"


def test_a_device_job_is_off_topic_yet_an_unsure_red_flag_is_still_asked_about():
    from coach.conversation import corrected_intent

    # "Set a timer" read as a red flag by the classifier: the words settle it as off-topic.
    assert corrected_intent("red_flag", [], "set a timer for ten minutes") == "out_of_scope"
    # No sign's words, yet the classifier's red flag: when unsure, ask; never guess it away.
    said = Chat(disclaimer_given=True).say("red_flag", "help, this is scary")
    assert "Just to check" in said
    said = Chat(disclaimer_given=True).say("red_flag", "something feels strange down below")
    assert "Just to check" in said


def test_the_classifiers_red_flag_is_not_asked_about_when_the_screen_ruled_the_words_out():
    chat = Chat(disclaimer_given=True)
    said = chat.say("red_flag", "my foot tingled from kneeling, all gone now")
    assert "Just to check" not in said and chat.slots.get("pending_offer") != safety.CHECK
    said = chat.say("red_flag", "no numbness, no weakness, my back is just sore")
    assert "Just to check" not in said and "0 (no pain) to 10" in said
    # "Fall" the season is read, and no fall: nothing to ask.
    said = chat.say("red_flag", "loving the fall weather, did my lifts on the porch")
    assert "Just to check" not in said and chat.slots.get("pending_offer") != safety.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "I was doing nothing yesterday, lazy day",
        "I lowered my leg down to the floor",
        "I had a crash course in yoga",
        "it feels like nothing, too easy",
        "the band slipped down to my ankle",
        "get into position on all fours",
        "my toes go into the mat",
        "I couldn't stop laughing",
        "can't hold the position for 3 seconds",
        "I need to pee, back soon",
        "left and right leg both done, 10 each",
        "pins and needles in my hands",
        "my dad is 60 and wants to try this",
        "should I stop if it doesn't go away by the weekend?",
        "my phone crashed between sets",
        # Titles and idioms with a sign word in them.
        "dancing round the kitchen to Saturday Night Fever between sets",
        "binge watching Cold Feet on the sofa after my lifts",
        "my sister got cold feet about the house move",
        "the match went to fever pitch in extra time",
        "my crush waved at me and I went weak at the knees",
        "been on pins and needles all day waiting to hear about the job",
    ],
)
def test_ordinary_exercise_talk_is_neither_flagged_nor_asked_about(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, (text, result)


# -- who says what, and in which sense: the matcher's handling -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my brother came off his motorbike and hurt his back",
        "our daughter fell down the stairs and hurt her back",
        "my husband fell off a ladder on Sunday so I'm on my own with the kids",
        "my neighbour has had a fever all week",
        "my dog fell off the sofa, he's limping",
    ],
)
def test_someone_elses_fall_or_illness_alone_is_neither_flagged_nor_asked_about(text):
    # Their fall, their back: nothing of the user's own to ask about.
    result = check(text)
    assert result.flag is None and result.suspected is None, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "my husband crashed the car with me in the passenger seat",
        "my son fell off the trampoline onto me",
        "my dad fell off the ladder and now my back hurts",
    ],
)
def test_someone_elses_fall_that_brings_the_user_in_is_asked_about(text):
    result = check(text)
    assert result.flag is None and result.suspected is SIGNS["trauma"], (text, result)


def test_someone_elses_fall_with_them_fine_is_nothing():
    assert check("my husband slipped on the ice but he's fine").suspected is None


def test_the_users_own_fall_beside_someone_else_is_still_the_users():
    assert screen("I fell over my son's skateboard and my back is sore").sign == "trauma"


def test_a_denial_followed_by_since_childhood_denies_nothing():
    first_time = "I haven't wet the bed since I was a child, until last night"
    assert screen(first_time).sign == "incontinence"
    assert screen("I haven't wet the bed") is None


def test_a_denied_or_compared_cause_explains_nothing():
    # Emergencies explained by a cause are asked about, not dropped.
    assert check("my bum is numb after a long drive").suspected is SIGNS["saddle_numbness"]
    assert screen("my bum is numb and I haven't been driving at all").sign == "saddle_numbness"
    compared = "my bum is numb, as if I'd sat at a desk for hours"
    assert screen(compared).sign == "saddle_numbness"


def test_feverish_beside_hay_fever_is_asked_about():
    hay = "my hayfever is awful and I feel a bit feverish from it"
    assert check(hay).suspected is SIGNS["fever"]
    assert check("my hay fever is bad today").suspected is None


# -- a question about a sign, a sign answered no at once, a fever that has gone ---------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A change to come ("goes numb", "starts to tingle") is a case, explained.
        ("what should I do if my calf starts to tingle during a set?", False),
        ("what do I do if my leg gets numb halfway through?", False),
        # No change said: it may be the user's own now, so it stays a flag.
        ("what do I do if I can't pee?", True),
        ("what should I do if my legs give way on the stairs", True),
    ],
)
def test_what_to_do_if_a_sign_starts_is_a_case_to_come(text, flagged):
    assert (screen(text) is not None) is flagged, (text, check(text))


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("is pain at night a red flag for back problems?", "night_pain"),
        ("what does numbness in the saddle area mean?", "saddle_numbness"),
        ("I've read that losing control of your bowels is an emergency", "incontinence"),
        ("is unexplained weight loss something to worry about?", "weight_loss"),
        ("is numbness between the legs a warning sign? been reading about it", "saddle_numbness"),
        ("is it normal to not be able to pee?", "bladder"),
        # Going on every day, said of anyone: still a question in general.
        ("what happens if your legs go numb every day?", "both_legs"),
        ("is it normal for someone to get numb feet every day?", "both_legs"),
        # Nothing pointed at the asker's own state: still a question in general. (Tied to
        # back pain, "... with a bad back?", an emergency sign is the asker's own: see
        # test_red_flags_s36a.py.)
        ("is it normal to wet yourself?", "incontinence"),
    ],
)
def test_a_question_about_a_sign_is_answered_not_flagged(text, sign):
    result = check(text)
    assert result.flag is None and result.about is SIGNS[sign], (text, result)
    # About an emergency, the sign's question follows: whoever asks may have it.
    assert result.suspected is (SIGNS[sign] if SIGNS[sign].urgency == EMERGENCY else None)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("what is meant by numbness in the saddle area? my nurse only brought it up, "
         "I have not got it", "saddle_numbness"),
        ("what does losing bladder control mean? I haven't got that, my physio once said it",
         "incontinence"),
    ],
)  # fmt: skip
def test_a_question_about_a_sign_the_user_says_they_lack_is_only_explained(text, sign):
    result = check(text)
    assert result.flag is None and result.about is SIGNS[sign], (text, result)
    assert result.suspected is None  # said not to have it: nothing to ask


@pytest.mark.parametrize(
    "text",
    [
        "what is meant by numbness in the saddle area? I think I might have it",
        "what is meant by numbness in the saddle area? I do not know if I have it",
    ],
)
def test_a_question_about_a_sign_the_user_may_have_is_still_taken_seriously(text):
    result = check(text)
    assert SIGNS["saddle_numbness"] in (result.flag, result.suspected), (text, result)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("is it serious that I can't feel my groin?", "saddle_numbness"),
        ("numbness down below since Monday, is that serious?", "saddle_numbness"),
        ("I read that pain at night is bad and mine wakes me at 3am", "night_pain"),
        ("what if I can't pee?", "bladder"),
        # How long it has gone on, said after the question, "I've" left out.
        ("is it normal to have no feeling down below? been like that 2 days", "saddle_numbness"),
        ("should I worry about numb buttocks? started yesterday", "saddle_numbness"),
        ("is it ok to not be able to wee? since Sunday now", "bladder"),
        # Lost feeling asked about as "normal": the user's own loss, not a general question.
        ("is it normal to be losing sensation around my groin?", "saddle_numbness"),
        # Going on now, said inside the question: the user's own, not a general question.
        ("is it normal that my groin feels numb these days?", "saddle_numbness"),
        ("is it normal to feel weak in both legs every morning?", "both_legs"),
        ("is it normal that my feet tingle on both sides constantly?", "both_legs"),
        ("is it normal to have no feeling in my bum lately?", "saddle_numbness"),
        ("is it normal that the pain wakes me all night nowadays?", "night_pain"),
        # A pointing word at the asker's own state, or "it" for the asker's pain.
        ("is it normal to leak wee when your back gets that bad?", "incontinence"),
        ("is it normal that painkillers don't touch it and it throbs all night?", "night_pain"),
    ],
)
def test_a_question_that_says_the_sign_is_the_users_own_is_flagged(text, sign):
    result = check(text)
    assert result.about is None and result.flag is SIGNS[sign], (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "my lower back is no different after four weeks of the lifts",
        "the ache in my hip is unchanged after five weeks",
        "it's still exactly the same pain after a month of these",
        "three weeks of exercises and my back is still just the same",
        # The span counted in from the start, in any form the protocol's weeks allow.
        "into my sixth week, the ache is just where it began",
        "month 3 of the plan and the pain has not budged",
        "since the start of the month my back has hurt daily, no better",
    ],
)
def test_pain_said_to_be_unchanged_after_weeks_is_persistent_pain(text):
    assert screen(text) is SIGNS["persistent_pain"], text


@pytest.mark.parametrize(
    "text",
    [
        # In the second week, only one week has gone: under the protocol's weeks.
        "my second week, the ache is just where it began",
        # A soon sign said of the past and said to be over.
        "my calf used to tingle when I sat, that has cleared up since the summer",
    ],
)
def test_a_short_span_or_a_sign_that_has_gone_is_no_sign(text):
    assert screen(text) is None, (text, check(text))


@pytest.mark.parametrize(
    "text",
    [
        "a month on, my back is fine and I still do exactly the same routine",
        "week five and my reps are still exactly the same, back feels good",
        "a month in, my strength is unchanged but the back is fine",
    ],
)
def test_the_same_routine_or_no_pain_after_weeks_is_no_sign(text):
    assert screen(text) is None, text


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("got a fever of 38.6 and Saturday Night Fever is on the radio", "fever"),
        ("the radio's on and I think I have a fever", "fever"),
        ("I've been on pins and needles in both feet since lunch", "both_legs"),
        ("both legs went weak at the knees and I dropped to the floor", "both_legs"),
    ],
)
def test_a_real_sign_beside_a_title_or_idiom_is_still_flagged(text, sign):
    assert screen(text) is SIGNS[sign], text


def test_a_question_about_an_emergency_sign_explains_it_then_asks():
    chat = Chat(disclaimer_given=True)
    said = chat.say("faq", "is numbness around the back passage a bad sign?")
    assert "can't wait" in said and "emergency department" in said
    assert SIGNS["saddle_numbness"].question in said
    assert chat.slots.get("caution") is None and chat.slots["pending_offer"] == safety.CHECK
    said = chat.say("affirm", "yes")
    assert red_flags.advice(SIGNS["saddle_numbness"]) in said


def test_a_question_about_a_soon_sign_explains_it_and_keeps_the_session():
    chat = in_a_set()
    said = chat.say("faq", "is back pain at night a warning sign?")
    assert "doctor or physiotherapist" in said and "Just to check" not in said
    assert chat.slots.get("caution") is None
    assert chat.session is not None and not chat.session.get("over")


def test_the_nlu_sends_a_question_about_a_sign_to_the_coachs_safety_step():
    from coach.conversation import corrected_intent

    assert corrected_intent("faq", [], "is back pain at night a bad sign?") == "red_flag"


@pytest.mark.parametrize(
    "text",
    ["tingling? no. weakness? no. my back is just stiff", "numbness: none", "fever - nope"],
)
def test_a_sign_named_and_answered_no_at_once_is_denied(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, (text, result)


def test_a_sign_named_and_answered_yes_is_not_denied():
    assert screen("numbness down below? yes, since Monday").sign == "saddle_numbness"
    assert screen("numbness in my groin - no idea why").sign == "saddle_numbness"


def test_a_fever_that_has_gone_is_asked_about_and_one_long_gone_is_history():
    assert screen("I've had a fever since Monday").sign == "fever"
    recent = check("I had a temperature on Tuesday but it's gone now")
    assert recent.flag is None and recent.suspected is SIGNS["fever"]
    old = check("I had a fever a few months ago, fully recovered now")
    assert old.flag is None and old.suspected is None
    assert screen("I had a fever last month and it hasn't gone").sign == "fever"


def test_an_abbreviation_counts_only_in_capitals():
    assert screen("I've had ED since my back went").sign == "sexual_function"
    assert screen("Ed says my back will be fine") is None


def test_an_emergency_told_for_someone_else_is_still_taken_but_a_pets_is_not():
    # People write for a partner or a parent; a pet's trouble is no one's red flag.
    said_for = "my husband says since the fall he can't keep an erection"
    assert screen(said_for).sign == "sexual_function"
    assert check("our cat can't pee, she's at the vet").suspected is None
    assert screen("our cat can't pee, she's at the vet") is None
    assert screen("walked the dog this morning and now I can't pee").sign == "bladder"


def test_my_before_the_sign_makes_it_the_users_own():
    assert screen("my partner says my legs are weak").sign == "both_legs"
    assert check("my dad broke his wrist and my back hurts").suspected is None
    assert check("my dad fell off the ladder and my back hurts").suspected is SIGNS["trauma"]


def test_in_force_a_question_answered_by_rasa_still_gets_the_reminder():
    chat = flagged_chat()
    # utter_faq said the answer before the action: the action adds the reminder.
    said = chat.say("faq", "is it better to do them in the morning or the evening")
    assert said == red_flags.reply("reminder", SIGNS["bladder"])


@pytest.mark.parametrize("intent", ["affirm", "stop_session", "nlu_fallback", "count_rep"])
@pytest.mark.parametrize("text", ["done", "6", "did 3 more"])
def test_in_force_a_count_is_carrying_on_whatever_the_classifier_read(intent, text):
    chat = flagged_chat()
    said = chat.say(intent, text)
    assert said.startswith("Not yet") and SIGNS["bladder"].description in said, (intent, said)
    assert chat.session is None


def test_in_force_wanting_to_try_again_later_is_a_no_and_why():
    chat = flagged_chat()
    for text in ("could I have another go this evening", "maybe try it again after a nap"):
        said = chat.say("faq", text)
        assert said.startswith("Not yet") and SIGNS["bladder"].description in said, text
        assert chat.session is None

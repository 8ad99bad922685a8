"""Counts wrapped in ordinary words, batch verbs, the last reps and moving legs in words
(issue 17): by grammar, table tests in our own wording."""

import pytest

from coach import numbers
from coach.numbers import COUNT, MORE, TOTAL, read_count, says_switch
from tests.unit.chat import in_a_set

WRAPPED_COUNTS = [
    ("five of them now", COUNT, 5),
    ("6 of those done", COUNT, 6),
    ("seven of em", COUNT, 7),
    ("that makes 4 of them", COUNT, 4),
    ("I have now done six", TOTAL, 6),
    ("ive now done 3", TOTAL, 3),
    ("i make the fourth", COUNT, 4),
    ("i made the third one", COUNT, 3),
    ("i do the fifth", COUNT, 5),
    ("got the second", COUNT, 2),
    ("hit the sixth one", COUNT, 6),
    ("4 done lol", COUNT, 4),
    ("did 7 haha", TOTAL, 7),
    ("2 more ez", MORE, 2),
    ("its too easy", None, None),
    ("that was easy", None, None),
    ("another 3 bro", MORE, 3),
]

BATCHES = [
    ("hammered out another 2", 2),
    ("pumped out another four", 4),
    ("squeezed in an extra 3", 3),
    ("churned out a further two", 2),
    ("banged another 5", 5),
    ("ground out 3 more", 3),
    ("i did two extra", 2),
    ("i make 4 more", 4),
    ("we knocked off 2 more", 2),
    ("three more finish", 3),
    ("2 more dun", 2),
    ("four more done now", 4),
]

NOT_BATCHES = [
    "i want 2 more",
    "lets do another 3",
    "i need another two",
    "maybe 3 more to go",
    "i should do 2 more",
    "going to do another 4",
    "ready for another 10",
    "time for another 2",
    "up for 3 more",
]

LAST_REPS = [
    ("the last", 1),
    ("the final", 1),
    ("last one done", 1),
    ("final rep finished", 1),
    ("thats the last one", 1),
    ("the last 3 done", 3),
    ("final two", 2),
]

SWITCHES = [
    "ok switching",
    "switching legs now",
    "swapping sides",
    "right, other side",
    "the other leg now",
    "changing to my right leg",
    "time to swap",
    "flipping over to the other side",
    "ok change leg",
    "moving on to the next leg",
    "other one",
]

NOT_SWITCHES = [
    "go",
    "ok lets go",
    "going",
    "do i switch legs?",
    "which side first",
    "the other leg hurts",
    "switch off the music please",
]


@pytest.mark.parametrize("text,kind,value", WRAPPED_COUNTS)
def test_a_count_wrapped_in_ordinary_words(text, kind, value):
    said = read_count(text)
    if kind is None:
        assert said is None, (text, said)
        return
    assert said is not None and (said.kind, said.value) == (kind, value), (text, said)


@pytest.mark.parametrize("text,value", [b for b in BATCHES])
def test_a_batch_word_makes_a_batch_whatever_the_verb(text, value):
    said = read_count(text)
    assert said is not None and (said.kind, said.value) == (MORE, value), (text, said)


@pytest.mark.parametrize("text", NOT_BATCHES)
def test_what_someone_wants_or_means_to_do_is_no_batch(text):
    said = read_count(text)
    assert said is None or said.kind != MORE, (text, said)


@pytest.mark.parametrize("text,value", LAST_REPS)
def test_the_last_reps_are_marked_as_the_last(text, value):
    said = read_count(text)
    assert said is not None and said.kind == MORE and said.value == value and said.last, said


@pytest.mark.parametrize("text", SWITCHES)
def test_moving_on_to_the_other_leg_in_words(text):
    assert says_switch(text), text
    assert read_count(text) is None or read_count(text).kind != COUNT


@pytest.mark.parametrize("text", NOT_SWITCHES)
def test_what_is_not_a_switch(text):
    assert not says_switch(text), text


def test_a_typed_slip_of_done_reads_as_done():
    assert numbers.normalise("5 more dun") == "5 more done"


def test_the_last_one_with_reps_to_go_asks_if_the_leg_is_over():
    chat = in_a_set()
    chat.say("count_rep", "did 5")
    chat.say("count_rep", "carry on")
    said = chat.say("count_rep", "ok the last one done")
    assert chat.session["reps"][0]["left"] == 6
    assert "leg" in said.lower() and ("carrying on" in said.lower() or "is that it" in said.lower())
    said = chat.say("affirm", "yes thats it")
    assert "right leg" in said.lower()


def test_the_last_one_at_the_target_ends_the_leg():
    chat = in_a_set()
    for n in range(1, 10):
        chat.say("count_rep", str(n))
    said = chat.say("count_rep", "last one")
    assert chat.session["reps"][0]["left"] == 10 and "right leg" in said.lower()


@pytest.mark.parametrize("text", ["ok switching", "right, other side", "swapping legs now"])
def test_switching_in_words_mid_set_ends_or_asks(text):
    chat = in_a_set()
    chat.say("count_rep", "did 10")
    assert "right leg" in chat.say("nlu_fallback", text).lower()  # already there: where they are
    chat = in_a_set()
    chat.say("count_rep", "did 4")
    chat.say("count_rep", "carry on")
    said = chat.say("nlu_fallback", text)
    assert "did you do all 10" in said.lower() or "right leg" in said.lower()


def test_a_batch_verb_after_single_reps_adds():
    chat = in_a_set()
    chat.say("count_rep", "one")
    chat.say("count_rep", "two")
    chat.say("nlu_fallback", "hammered out another 3")
    assert chat.session["reps"][0]["left"] == 5


# -- pain said in a question, what changed, taking advice up, stopping, the next session --

PAIN_IN_A_PLACE = [
    ("the ache in my hip is mild", 2),
    ("pain down my left leg was moderate", 5),
    ("the soreness across my back is mild now", 2),
    ("its gone moderate in my lower back", 5),
    ("it feels severe in my hip", 8),
]


@pytest.mark.parametrize("text,score", PAIN_IN_A_PLACE)
def test_a_band_said_with_the_place_is_a_score(text, score):
    assert numbers.read_pain_score(text) == score


@pytest.mark.parametrize(
    "text", ["my back pain is mild, ok to keep going", "the hip ache is only mild, can i carry on"]
)
def test_mild_pain_asked_about_mid_set_gets_the_scores_advice(text):
    chat = in_a_set()
    chat.say("count_rep", "one")
    said = chat.say("faq", text, answer_key="pain_during_the_exercise", answer_said=False)
    assert "mild pain" in said.lower() and "carry on" in said.lower()
    assert not any(m.response for m in chat.outcome.reply.messages)  # no unrelated answer


def eased() -> object:
    chat = in_a_set()
    chat.say("count_rep", "one")
    assert "easier" in chat.say("pain", "my hip is sore, about 5 out of 10").lower()
    return chat


@pytest.mark.parametrize(
    "text", ["so what do i change", "what's different now?", "what do i do differently"]
)
def test_what_changed_after_an_ease_says_the_change_again(text):
    chat = eased()
    said = chat.say("faq", text, answer_key="what_is_prone", answer_said=False)
    assert "lower back stays still" in said and "7 reps" in said
    assert not any(m.response for m in chat.outcome.reply.messages)


@pytest.mark.parametrize("text", ["ok i'll give it a go", "alright, trying that now", "will do"])
def test_taking_advice_up_is_acknowledged_with_where_they_are(text):
    chat = eased()
    said = chat.say("faq", text, answer_key="age_limits", answer_said=False)
    assert said.startswith("Good") and "left leg" in said
    assert not any(m.response for m in chat.outcome.reply.messages)


def test_stopping_just_after_a_stop_agrees_with_it():
    chat = in_a_set()
    chat.say("count_rep", "did 4")
    chat.say("pain", "pain 8 in my back")
    said = chat.say("stop_session", "right, stopping now")
    assert "stopped for today" in said and "no session running" not in said


@pytest.mark.parametrize(
    "text", ["when should i try again", "when can we have another go", "how soon can i go again"]
)
def test_when_to_try_again_after_a_stop_is_the_next_session(text):
    chat = in_a_set()
    chat.say("count_rep", "did 10")
    chat.say("stop_session", "stop there please")
    said = chat.say("faq", text)
    assert "48 to 72" in said


def test_when_next_said_without_a_question_mark_in_a_session():
    chat = in_a_set()
    said = chat.say("faq", "ta, whens the next one", answer_key="steps", answer_said=False)
    assert "48 to 72" in said


def test_are_we_done_after_the_last_paced_set_says_it_is_the_last():
    from tests.unit.chat import Chat

    chat = Chat()
    voice = {"channel": "alexa", "metadata": {"voice": True}}
    chat.say("start_session", "start my session", **voice)
    chat.say("continue_session", "ready", **voice)
    for _ in range(3):
        chat.say("affirm", "all of them, fine", **voice)
        chat.say("continue_session", "ready", **voice)
    said = chat.say("nlu_fallback", "are we finished now", **voice)
    assert "last set" in said and "complete" in said
    said = chat.say("affirm", "yes all of them, no pain", **voice)
    assert "session done" in said


@pytest.mark.parametrize(
    "text", ["how much is still missing", "how many remain", "whats remaining", "how many to do"]
)
def test_what_is_left_asked_in_other_words(text):
    chat = in_a_set()
    chat.say("count_rep", "did 3")
    chat.say("count_rep", "carry on")
    said = chat.say("nlu_fallback", text)
    assert "7 to go" in said


def test_what_changed_names_the_kind_of_change():
    chat = eased()
    said = chat.say("faq", "what should i do instead", answer_key="benefits", answer_said=False)
    assert "smaller" in said and "fewer" in said


@pytest.mark.parametrize("text", ["am i finished?", "are we all done", "is that the lot now"])
def test_asking_if_it_is_over_before_the_last_set_says_not_yet(text):
    chat = in_a_set()
    chat.say("count_rep", "did 10")
    said = chat.say("nlu_fallback", text)
    assert said.startswith("Not yet") and "right leg" in said


def test_lets_try_that_at_rest_after_a_pain_stop_starts_the_easier_set():
    chat = in_a_set()
    chat.say("count_rep", "did 4")
    chat.say("count_rep", "carry on")
    assert "stop this set" in chat.say("pain", "my hip hurts, 6 out of 10")
    said = chat.say("affirm", "ok lets try that")
    assert not said.startswith("Good, go ahead") and "pain settled" in said
    assert "Set 2" in chat.say("affirm", "yes")


@pytest.mark.parametrize("closing", ["plus 2 more thats my set", "2 more to finish off"])
def test_a_batch_said_to_end_the_set_reaching_the_target_closes_the_leg(closing):
    chat = in_a_set()
    chat.say("count_rep", "did 5")
    chat.say("count_rep", "carry on")
    chat.say("count_rep", "3 more")
    said = chat.say("nlu_fallback", closing)
    assert chat.session["reps"][0]["left"] == 10 and "right leg" in said.lower()


def test_a_batch_said_to_end_the_set_short_of_the_target_asks():
    chat = in_a_set()
    chat.say("count_rep", "did 5")
    chat.say("count_rep", "carry on")
    said = chat.say("nlu_fallback", "another 2 thats the leg")
    assert chat.session["reps"][0]["left"] == 7 and "is that it" in said.lower()


def test_what_is_next_while_resting_names_the_next_set_and_its_reps():
    chat = in_a_set()
    chat.say("count_rep", "did 10")
    chat.say("continue_session", "ready")
    chat.say("count_rep", "did 10")
    said = chat.say("nlu_fallback", "what's next")
    assert "set 2 of 2" in said.lower() and "10 reps" in said.lower()

"""A count said first and pain after it, scored on its own ("7 - knee aches, about a 2"):
the leading number is how many, the later one how much it hurts. Mild pain carries on
from the count, moderate records it and offers the easier version, severe stops the set
with the count kept. And "how many days a week" mid-set is how often, not how long."""

import pytest

from coach import dialogue
from tests.unit.chat import in_a_set


def _count_on_the_left(chat):
    return chat.session["reps"][0]["left"]


@pytest.mark.parametrize(
    ("said", "count", "score"),
    [("7 - knee aches, about a 2", 7, 2), ("six: hip a bit sore, 3/10", 6, 3),
     ("5, twinge in my back, maybe 8 out of 10", 5, 8)],
)  # fmt: skip
def test_the_leading_number_is_the_count_and_the_later_one_the_pain(said, count, score):
    found = dialogue._count_then_scored_pain(said)
    assert found is not None and (found[0].value, found[1]) == (count, score)


@pytest.mark.parametrize(
    "said", ["my back hurts, 6", "6 my back hurts", "4, no pain at all", "3 - feeling good"]
)
def test_a_number_without_a_separate_pain_score_is_not_read_this_way(said):
    assert dialogue._count_then_scored_pain(said) is None


def test_mild_pain_with_a_count_records_the_count_and_carries_on():
    chat = in_a_set()
    chat.say("count_rep", "3")
    reply = chat.say("pain", "4 - knee's a touch achy, only a 2", entities=[])
    assert "2 out of 10" in reply and "4 of 10" in reply
    assert _count_on_the_left(chat) == 4
    reply = chat.say("count_rep", "next")
    assert "5" in reply


def test_moderate_pain_with_a_count_records_the_count_and_offers_the_easier_version():
    chat = in_a_set()
    chat.say("count_rep", "2")
    reply = chat.say("pain", "3, lower back aching, 5/10", entities=[])
    assert _count_on_the_left(chat) == 3
    assert "5 out of 10" in reply and "easier" in reply.lower()


def test_severe_pain_with_a_count_stops_and_keeps_the_count():
    chat = in_a_set()
    chat.say("count_rep", "5")
    reply = chat.say("pain", "6 - sharp pain in my hip, 8/10", entities=[])
    assert "stop" in reply.lower() and "8 out of 10" in reply
    assert "6" in reply  # the count kept in the summary


@pytest.mark.parametrize(
    "said",
    ["how many days per week should I train this", "how many sessions a week do I do",
     "how many times each week is best"],
)  # fmt: skip
def test_a_sessions_per_week_question_mid_set_gets_how_often(said):
    chat = in_a_set()
    chat.say("count_rep", "2")
    chat.say("faq", said, answer_key="session_length", answer_said=False)
    responses = [message.response for message in chat.outcome.reply.messages]
    assert "utter_faq/sessions_per_week" in responses
    assert "utter_faq/session_length" not in responses

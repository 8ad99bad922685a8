"""Question kinds set ss showed (issue 16): a part's own fault asked as "am I doing it
wrong", one weaker side, a leg that won't straighten, "too easy" with no sessions kept,
another part's pain asking for exercises, and everyday life beyond the exercise."""

import pytest

from coach import conversation, pain
from tests.unit.chat import Chat

NECK = [{"entity": "body_part", "value": "neck"}, {"entity": "pain_word", "value": "aches"}]
SHOULDER = [{"entity": "body_part", "value": "shoulder"}, {"entity": "pain_word", "value": "agony"}]


def _responses(chat: Chat) -> list[str]:
    return [message.response for message in chat.outcome.reply.messages if message.response]


def test_a_neck_fault_asked_as_doing_it_wrong_gets_the_neck_answer_then_how_bad():
    chat = Chat(disclaimer_given=True)
    said = chat.say("pain", "my neck aches when I raise my chin, is my form off?", NECK)
    assert _responses(chat) == [conversation.answer_response("neck_and_head")]
    assert pain.WHAT_WENT_WRONG not in said and said.endswith(pain.HOW_BAD)
    assert chat.slots["pending_offer"] == "pain_severity"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my right hip is the feeble one, should I just train that side?", "switching_legs"),
        ("left leg's weaker, is it that leg only then", "switching_legs"),
        ("do I do only one leg at a time?", None),  # the order, not one side
        ("my knee simply won't stay straight, any other way?", "bent_knee_version"),
        ("I struggle to keep my leg straight as it goes back", "bent_knee_version"),
        ("since my knee surgery I can't keep it straight", "after_knee_surgery"),
    ],
)
def test_one_weaker_side_and_a_bent_leg_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


def test_too_easy_with_no_sessions_kept_gives_the_harder_versions_and_the_check():
    chat = Chat(disclaimer_given=True)
    said = chat.say("too_easy", "this has become far too simple")
    assert _responses(chat) == [conversation.answer_response("harder_variations")]
    assert "sessions" in said  # the check question still follows
    assert chat.slots["pending_offer"] == "step_up_history"


def test_another_parts_pain_asking_for_exercises_is_sent_to_the_gp_not_stopped():
    chat = Chat(disclaimer_given=True)
    said = chat.say("pain", "my shoulder is agony after squash, got a stretch for it?", SHOULDER)
    assert said.startswith(pain.PAIN_AWAY_FROM_THE_EXERCISE.format(place="shoulder"))


@pytest.mark.parametrize(
    ("text", "out_of_scope"),
    [
        ("sitting at a laptop all day wrecks my posture, what helps?", True),
        ("is it better to pay for a gym membership?", True),
        ("which is a decent app to track my steps?", True),
        ("does this help my posture at my desk?", False),  # the exercise named
        ("can I do it at home or do I need a gym?", False),
    ],
)
def test_everyday_life_beyond_the_exercise_is_out_of_scope(text, out_of_scope):
    verdict = conversation.rule_verdict(conversation.QUESTION_INTENT, [], text, "posture")
    assert (verdict == "out_of_scope") is out_of_scope


@pytest.mark.parametrize(
    ("text", "praise"),
    [
        ("which is a decent app to track my steps?", False),
        ("any good trainer you'd suggest?", False),
        ("you're a great coach", True),
        ("great app, thanks", True),
    ],
)
def test_a_good_one_asked_for_is_no_praise(text, praise):
    assert conversation.praises_the_coach(text) is praise

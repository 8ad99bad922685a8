import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from connectors import patches

VALID = {
    "events": [{"event": "slot", "timestamp": None, "name": "last_topic", "value": "hold"}],
    "responses": [{"text": "Hold each lift for 2 to 3 seconds."}],
}
INVALID = {"events": [{"event": "slot", "name": 42}], "responses": "not a list"}


@pytest.fixture
def installed():
    rasa_check = RemoteAction._validate_action_result
    patches.install()
    yield
    RemoteAction._validate_action_result = rasa_check


def remote_action() -> RemoteAction:
    return RemoteAction("action_coach", None)


def test_both_checks_agree_before_and_after(installed):
    assert remote_action()._validate_action_result(VALID) is True
    with pytest.raises(jsonschema.ValidationError) as error:
        remote_action()._validate_action_result(INVALID)
    assert "Failed to validate Action server response" in error.value.message  # Rasa's own


def test_rasa_would_refuse_the_invalid_reply_too():
    with pytest.raises(jsonschema.ValidationError):
        remote_action()._validate_action_result(INVALID)


def test_the_schema_is_built_once(installed):
    for _ in range(3):
        remote_action()._validate_action_result(VALID)
    assert patches.validators_by_event.cache_info().currsize == 1
    assert patches.validators_by_event() is patches.validators_by_event()
    assert patches.validators_by_event() is not None  # every kind is keyed by its name


def test_installing_twice_wraps_once(installed):
    first = RemoteAction._validate_action_result
    patches.install()
    assert RemoteAction._validate_action_result is first


EVENT_NAMES = [
    kind["properties"]["event"]["const"]
    for kind in RemoteAction.action_response_format_spec()["properties"]["events"]["items"]["oneOf"]
]
REPLIES = [
    VALID,
    INVALID,
    {},
    {"events": []},
    {"events": None},
    {"events": "slot"},
    {"responses": [{"text": "hi"}]},
    {"events": [{"event": "no such event"}]},
    {"events": [{"name": "reps"}]},
    {"events": [{"event": 7}]},
    {"events": [{"event": "slot", "name": "reps"}]},  # no value
    {"events": [{"event": "slot", "name": "reps", "value": 3}, {"event": "bot", "text": "Go"}]},
    {"events": [{"event": "user", "text": "done", "parse_data": {"intent": {"name": "x"}}}]},
    {"events": [{"event": "user", "parse_data": {"entities": [{"entity": "side"}]}}]},
    {"events": [{"event": "entities", "entities": []}, {"event": "followup", "name": "a"}]},
    {"events": [{"event": "reminder", "timestamp": "soon"}]},
    {"events": [{"event": "action", "name": "action_listen", "hide_rule_turn": "yes"}]},
    {"events": [{"event": "session_started", "metadata": None}, {"event": "restart"}]},
    [],
    "events",
    *({"events": [{"event": name}]} for name in EVENT_NAMES),
    *({"events": [{"event": name, "timestamp": 1.5, "metadata": {}}]} for name in EVENT_NAMES),
]


@pytest.mark.parametrize("reply", REPLIES)
def test_checking_each_event_by_its_name_agrees_with_the_whole_schema(reply):
    assert patches.action_result_is_valid(reply) is patches.action_result_validator().is_valid(
        reply
    )


def test_both_answers_occur_among_the_replies():
    answers = [patches.action_result_is_valid(reply) for reply in REPLIES]
    assert answers.count(True) > 10 and answers.count(False) > 5

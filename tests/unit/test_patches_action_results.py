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
    assert patches.action_result_validator.cache_info().currsize == 1
    assert patches.action_result_validator() is patches.action_result_validator()


def test_installing_twice_wraps_once(installed):
    first = RemoteAction._validate_action_result
    patches.install()
    assert RemoteAction._validate_action_result is first

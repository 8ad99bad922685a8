"""A spoken invocation reaches the classifier without the device's and the skill's words."""

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from nlp.spelling import SpellingCorrector


@pytest.mark.parametrize(
    "said, read",
    [
        ("alexa ask leg lift coach to start", "start"),
        ("Alexa, tell the leg lift coach to begin my session", "begin my session"),
        ("open leg lift coach and start a session", "start a session"),
        ("hey google ask leg lifts coach how high to lift", "how high to lift"),
        # The skill's name alone is its launch, and ordinary messages are untouched.
        ("open leg lift coach", "open leg lift coach"),
        ("how long do I hold it", "how long do I hold it"),
    ],
)
def test_the_classifier_reads_the_message_without_the_invocation(said, read):
    message = Message(data={TEXT: said})
    SpellingCorrector(None, None, set()).process([message])
    assert message.get(TEXT).lower() == read.lower()

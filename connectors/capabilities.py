"""What each of the coach's channels can do (coach/capabilities.py). The gate
(connectors/gateway.py) declares a channel's record in every message it passes on.
Imports nothing from Rasa, so that tests can play a channel's turns without a server."""

from coach.capabilities import Capabilities

BY_CHANNEL = {
    # Any client: it gets the chart as an image URL and the CSV as an attachment.
    "rest": Capabilities(images=True, files=True),
    # The web chat page: pushed messages, images, files and its session bar.
    "socketio": Capabilities(push=True, images=True, files=True, progress=True),
    # Files go as a link in the text there.
    "telegram": Capabilities(push=True, images=True),
    "slack": Capabilities(push=True, images=True),
    # Speech only; it answers requests and cannot speak unasked.
    "alexa": Capabilities(voice=True),
}


def of_channel(name: str) -> Capabilities:
    """A channel's record; nothing at all for a channel the coach does not know."""
    return BY_CHANNEL.get(name, Capabilities())

"""The Slack channel without a server: settings, signatures, the webhook's answers,
events and button presses to turns, and the blocks the coach posts. The Web API
client is a recording fake; nothing here touches the network."""

import asyncio
import json
import time

import pytest
from slack_sdk.errors import SlackApiError

from coach import answers, conversation
from connectors import gateway, slack
from connectors.capabilities import BY_CHANNEL
from connectors.gateway import Gate
from connectors.rate_limit import RateLimiter
from tests.e2e.fake_platforms import payload, slack_form, slack_headers
from tests.unit.test_telegram_connector import Dialogue

SECRET = "test-signing-secret-not-a-real-one"
ENV = {"COACH_SLACK_TOKEN": "xoxb-1-test", "COACH_SLACK_SIGNING_SECRET": SECRET}
SETTINGS = slack.SlackSettings.from_env(ENV)
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


class FakeClient:
    """Stands in for slack_sdk's AsyncWebClient: records the Web API calls."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[str, dict]] = []
        self.fail = fail

    async def chat_postMessage(self, **params):  # noqa: N802 - slack_sdk's name
        self.calls.append(("chat.postMessage", params))
        if self.fail:
            raise SlackApiError("channel_not_found", {"ok": False, "error": "channel_not_found"})

    async def chat_update(self, **params):
        self.calls.append(("chat.update", params))

    def posted(self) -> list[str]:
        return [p.get("text") for m, p in self.calls if m == "chat.postMessage"]


class Recording(slack.CoachSlackInput):
    """The channel, with every output channel it makes posting to one FakeClient."""

    def __init__(self, settings=SETTINGS, client: FakeClient | None = None) -> None:
        super().__init__(settings)
        self.client = client or FakeClient()

    def bot(self, channel=None):
        bot = super().bot(channel)
        bot.client = self.client
        return bot


def handle(channel, body: bytes, content_type=JSON, dialogue=None, headers=None, now=None):
    """The webhook's answer, after the turn it started (if any) has finished."""
    signed = slack_headers(body) if headers is None else headers

    async def run():
        reply = await channel.handle(
            {"Content-Type": content_type, **signed}, body, dialogue or Dialogue(), now=now
        )
        await asyncio.gather(*channel._background_tasks)
        return reply

    return asyncio.run(run())


def event(text: str = "how many reps?", event_id: str = "Ev1", **changes) -> bytes:
    data = payload("slack_message", event_id=event_id)
    data["event"].update(text=text, **changes)
    return json.dumps(data).encode()


# --- Settings -------------------------------------------------------------------


def test_settings_come_from_the_environment():
    assert SETTINGS.problems() == []
    assert SETTINGS.api_url == slack.DEFAULT_API_URL
    own = slack.SlackSettings.from_env({**ENV, "COACH_SLACK_API_URL": "http://127.0.0.1:9/api/"})
    assert own.api_url == "http://127.0.0.1:9/api/"


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"COACH_SLACK_TOKEN": ""}, "set COACH_SLACK_TOKEN"),
        ({"COACH_SLACK_SIGNING_SECRET": ""}, "set COACH_SLACK_SIGNING_SECRET"),
        ({"COACH_SLACK_TOKEN": "xoxp-user-token"}, "bot token (xoxb-...)"),
        ({"COACH_SLACK_API_URL": "slack.com/api"}, "must be an http(s) URL"),
    ],
)
def test_missing_or_bad_settings_are_named(changes, problem):
    problems = slack.SlackSettings.from_env({**ENV, **changes}).problems()
    assert any(problem in p for p in problems), problems


def test_without_settings_it_starts_and_answers_503(monkeypatch, caplog):
    for name in (*slack.REQUIRED, slack.API_URL_SETTING):
        monkeypatch.delenv(name, raising=False)
    off = slack.CoachSlackInput.from_credentials(None)  # Rasa's raises without a secret
    assert off.get_output_channel() is None
    reply = handle(off, b"{}")
    assert reply.status == 503
    assert reply.body["error"].startswith("Slack is not configured: set COACH_SLACK_TOKEN")
    assert not [r for r in caplog.records if r.levelname == "WARNING"], "quiet when unused"


def test_the_output_channel_uses_the_api_url_and_makes_no_call():
    api = slack.SlackSettings.from_env({**ENV, "COACH_SLACK_API_URL": "http://127.0.0.1:9/api"})
    output = slack.CoachSlackInput(api).get_output_channel()
    assert isinstance(output, gateway.TurnReplies) and output.name() == "slack"
    assert output.target.client.base_url == "http://127.0.0.1:9/api/"
    assert output.target.slack_channel is None  # reminders go to the user's direct message
    assert output.target.client.session is None


# --- Signatures -----------------------------------------------------------------


def test_slacks_signature_is_checked():
    body, now = b'{"type": "event_callback"}', time.time()
    good = slack_headers(body, SECRET, at=now)
    assert slack.signature_ok(SECRET, good, body, now)
    assert slack.signature_ok(SECRET, {k.lower(): v for k, v in good.items()}, body, now)
    assert not slack.signature_ok(SECRET, good, body + b" ", now)
    assert not slack.signature_ok("another secret", good, body, now)
    assert not slack.signature_ok(SECRET, good, body, now + 301)  # a replay
    assert not slack.signature_ok(SECRET, {}, body, now)
    stamp_only = {slack.TIMESTAMP_HEADER: "soon", slack.SIGNATURE_HEADER: "v0=00"}
    assert not slack.signature_ok(SECRET, stamp_only, body, now)


@pytest.mark.parametrize("headers", [{}, slack_headers(b"other"), slack_headers(b"x", "wrong")])
def test_an_unsigned_request_is_401_and_reaches_nothing(headers):
    dialogue, channel = Dialogue(), Recording()
    reply = handle(channel, event(), dialogue=dialogue, headers=headers)
    assert reply.status == 401 and slack.SIGNATURE_HEADER in reply.body["error"]
    assert dialogue.messages == [] and channel.client.calls == []


# --- Events ---------------------------------------------------------------------


def test_the_url_verification_challenge_is_answered():
    reply = handle(Recording(), json.dumps(payload("slack_url_verification")).encode())
    assert reply.body == {"challenge": payload("slack_url_verification")["challenge"]}


def test_a_direct_message_is_one_turn_answered_in_that_conversation():
    dialogue, channel = Dialogue(), Recording()
    reply = handle(channel, event("how many reps?"), dialogue=dialogue)
    assert (reply.status, reply.body) == (200, {"status": "ok"})
    [sent] = dialogue.messages
    assert (sent.text, sent.sender_id) == ("how many reps?", "U0ALICE01")
    assert sent.input_channel == "slack"
    assert sent.metadata == BY_CHANNEL["slack"].declare({"out_channel": "D0ALICEDM"})
    assert channel.client.calls == [("chat.postMessage", {"channel": "D0ALICEDM", "text": "echo"})]


def test_mentions_links_and_escapes_are_cleaned_and_commands_are_words():
    dialogue = Dialogue()
    text = "<@U0COACHBOT> pain &lt; 3 &amp; see <https://x.org|x.org>"
    handle(Recording(), event(text), dialogue=dialogue)
    handle(Recording(), event("/restart", event_id="Ev2"), dialogue=dialogue)
    assert dialogue.texts == ["pain < 3 & see x.org", "restart"]


@pytest.mark.parametrize(
    "changes",
    [
        {"bot_id": "B0COACHBOT"},
        {"user": "U0COACHBOT"},  # its own user, even without bot_id
        {"subtype": "message_changed"},
        {"subtype": "channel_join"},
        {"channel_type": "channel"},  # a public channel: not for someone's health
        {"type": "app_mention", "channel_type": "channel"},
    ],
)
def test_messages_that_are_not_a_persons_direct_message_are_ignored(changes):
    dialogue, channel = Dialogue(), Recording()
    reply = handle(channel, event(**changes), dialogue=dialogue)
    assert (reply.status, reply.body) == (200, {"status": "ignored"})
    assert dialogue.messages == [] and channel.client.calls == []


def test_the_bots_own_recorded_message_is_ignored():
    dialogue = Dialogue()
    body = json.dumps(payload("slack_bot_message")).encode()
    assert handle(Recording(), body, dialogue=dialogue).body == {"status": "ignored"}
    assert dialogue.messages == []


def test_a_retried_event_is_handled_once():
    dialogue, channel = Dialogue(), Recording()
    assert handle(channel, event(), dialogue=dialogue).body == {"status": "ok"}
    retry = {**slack_headers(event()), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "x"}
    assert handle(channel, event(), dialogue=dialogue, headers=retry).body == {
        "status": "duplicate"
    }
    assert len(dialogue.messages) == 1


def test_a_file_without_words_gets_a_short_answer_and_no_turn():
    dialogue, channel = Dialogue(), Recording()
    handle(channel, event("", subtype="file_share"), dialogue=dialogue)
    assert dialogue.messages == [] and channel.client.posted() == [answers.EMPTY_MESSAGE]


def test_too_fast_gets_the_rate_limit_answer():
    dialogue, channel = Dialogue(), Recording()
    channel.gate = Gate(RateLimiter(per_minute=1, burst=1), RateLimiter(per_minute=0))
    handle(channel, event(event_id="Ev1"), dialogue=dialogue)
    handle(channel, event(event_id="Ev2"), dialogue=dialogue)
    assert len(dialogue.messages) == 1 and channel.client.posted() == ["echo", answers.TOO_FAST]


@pytest.mark.parametrize(
    "body, content_type, status",
    [
        (b"{not json", JSON, 400),
        (b'"a string"', JSON, 400),
        (b"payload=%7Bbad", FORM, 400),
        (b"token=x&command=%2Fcoach", FORM, 400),
        (b"hello", "text/plain", 415),
    ],
)
def test_signed_but_malformed_bodies_get_a_clear_4xx(body, content_type, status):
    reply = handle(Recording(), body, content_type)
    assert reply.status == status and reply.body["error"]


# --- Button presses -------------------------------------------------------------


def test_a_button_press_shows_the_choice_and_sends_the_payload():
    dialogue, channel = Dialogue(), Recording()
    reply = handle(channel, slack_form(payload("slack_block_actions")), FORM, dialogue)
    assert (reply.status, reply.body) == (200, {"status": "ok"})
    assert dialogue.texts == ["/affirm"] and dialogue.messages[0].sender_id == "U0ALICE01"
    method, update = channel.client.calls[0]
    assert method == "chat.update"
    assert (update["channel"], update["ts"]) == ("D0ALICEDM", "1700049601.000300")
    assert [b["type"] for b in update["blocks"]] == ["section", "context"]
    assert update["blocks"][1]["elements"][0]["text"] == "\u2713 Yes please"
    assert channel.client.calls[1] == (
        "chat.postMessage",
        {"channel": "D0ALICEDM", "text": "echo"},
    )
    again = handle(channel, slack_form(payload("slack_block_actions")), FORM, dialogue)
    assert again.body == {"status": "duplicate"} and len(dialogue.messages) == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p["actions"][0].pop("value"),  # a link button
        lambda p: p["actions"][0].update(type="static_select"),
        lambda p: p.update(type="view_submission"),
        lambda p: p.update(actions=[]),
    ],
)
def test_other_interactions_are_acknowledged_and_ignored(change):
    press = payload("slack_block_actions")
    change(press)
    dialogue = Dialogue()
    reply = handle(Recording(), slack_form(press), FORM, dialogue)
    assert (reply.status, reply.body) == (200, {"status": "ignored"})
    assert dialogue.messages == []


# --- Replies --------------------------------------------------------------------


def test_buttons_become_a_section_and_an_actions_block():
    output = slack.CoachSlackBot("xoxb-1", slack_channel="D1")
    output.client = FakeClient()
    buttons = [{"title": t, "payload": p} for t, p in conversation.YES_NO_BUTTONS]
    asyncio.run(output.send_response("U1", {"text": "More?", "buttons": buttons}))
    [(method, params)] = output.client.calls
    assert method == "chat.postMessage" and params["channel"] == "D1"
    assert "as_user" not in params  # for classic apps only
    section, actions = params["blocks"]
    assert section["text"]["text"] == "More?"
    assert [(e["text"]["text"], e["value"]) for e in actions["elements"]] == list(
        conversation.YES_NO_BUTTONS
    )


def test_an_image_slack_cannot_fetch_is_sent_as_its_link():
    output = slack.CoachSlackBot("xoxb-1", slack_channel="D1")
    output.client = FakeClient()
    failing = output.client.chat_postMessage

    async def post(**params):
        if "blocks" in params:
            raise SlackApiError("invalid_blocks", {"ok": False, "error": "invalid_blocks"})
        await failing(**params)

    output.client.chat_postMessage = post
    asyncio.run(output.send_image_url("U1", "http://localhost/chart.png"))
    assert output.client.posted() == ["http://localhost/chart.png"]


def test_speech_messages_are_not_posted_as_such():
    output = slack.CoachSlackBot("xoxb-1", slack_channel="D1")
    output.client = FakeClient()
    asyncio.run(output.send_custom_json("U1", {"ssml": "<speak>Hi</speak>"}))
    asyncio.run(output.send_custom_json("U1", {"audio": "https://coach.example/a.mp3"}))
    assert output.client.posted() == ["https://coach.example/a.mp3"]


def test_a_turn_without_replies_gets_the_trouble_answer():
    channel = Recording()
    handle(channel, event(), dialogue=Dialogue(reply=None))  # the action server is down
    assert channel.client.posted() == [answers.TROUBLE]


def test_a_failed_post_is_logged_not_raised(caplog):
    channel = Recording(client=FakeClient(fail=True))
    dialogue = Dialogue()
    assert handle(channel, event(), dialogue=dialogue).status == 200
    assert len(dialogue.messages) == 1
    assert "could not be delivered" in caplog.text and "channel_not_found" in caplog.text


def test_turn_output_counts_what_it_handed_over():
    output = gateway.TurnReplies(slack.CoachSlackBot("xoxb-1", slack_channel="D1"), hold=False)
    output.target.client = FakeClient(fail=True)
    asyncio.run(output.send_text_message("U1", "hi"))
    assert output.sent == 1 and output.name() == "slack"


def test_built_on_rasas_public_channel_classes_only():
    """Rasa's own Slack classes would have to be bypassed (constructors, private
    methods); the channel composes slack_sdk's AsyncWebClient instead."""
    from rasa.core.channels.channel import InputChannel, OutputChannel

    assert slack.CoachSlackInput.__mro__[1:] == (InputChannel, object)
    assert slack.CoachSlackBot.__mro__[1:] == (OutputChannel, object)


@pytest.mark.parametrize(
    "typed, read",
    [
        ("<@U0COACHBOT> how many reps?", "how many reps?"),
        ("how many <@U0COACHBOT> reps?", "how many reps?"),
        ("see <https://x.org/a|x.org> and <mailto:a@b.org|a@b.org>", "see x.org and a@b.org"),
        ("<@U0OTHER> is my friend", "<@U0OTHER> is my friend"),
    ],
)
def test_mentions_of_the_bot_and_link_markup_are_taken_out(typed, read):
    assert slack.plain_text(typed, ["U0COACHBOT"]) == read


def test_paragraphs_are_separate_posts():
    output = slack.CoachSlackBot("xoxb-1")
    output.client = FakeClient()
    asyncio.run(output.send_text_message("U1", "One.\n\nTwo."))
    assert output.client.calls == [
        ("chat.postMessage", {"channel": "U1", "text": "One."}),
        ("chat.postMessage", {"channel": "U1", "text": "Two."}),
    ]

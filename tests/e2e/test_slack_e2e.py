"""End to end: the Slack channel of `make run`'s real servers. Recorded Slack requests
(tests/e2e/platforms/slack_*.json) are posted to the webhook signed as Slack signs
them; what the coach posts goes to the fake Web API (tests/e2e/fake_platforms.py).
Slack's messages are handled in the background, so the tests wait for the post."""

import itertools
import json
import time
import urllib.error
import urllib.request

import pytest

from coach import answers
from coach.dialogue import DELETE_BUTTONS
from tests.e2e.coach_server import stored_event_count, stored_user_texts
from tests.e2e.fake_platforms import Call, payload, slack_form, slack_headers

WEBHOOK = "/webhooks/slack/webhook"
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
_ids = itertools.count(1)


def post(coach, body: bytes, content_type: str, headers: dict[str, str]) -> tuple[int, dict]:
    return coach.post(WEBHOOK, body, {"Content-Type": content_type, **headers})


class DirectMessage:
    """One Slack user's direct message with the coach."""

    def __init__(self, coach, fake) -> None:
        self.coach, self.fake = coach, fake
        n = next(_ids)
        self.user, self.channel = f"U0E2E{n:04d}", f"D0E2E{n:04d}"

    def signed(self, body: bytes, content_type: str = JSON, **headers) -> tuple[int, dict]:
        return post(self.coach, body, content_type, {**slack_headers(body), **headers})

    def message(self, text: str) -> bytes:
        event_id = f"Ev0E2E{next(_ids):06d}"
        data = payload("slack_message", event_id=event_id)
        data["event"].update(text=text, user=self.user, channel=self.channel)
        return json.dumps(data).encode()

    def wait_post(self, text: str) -> Call:
        """The coach's post in this conversation whose text includes `text`."""
        return self.fake.wait_for(
            "chat.postMessage", lambda c: text in c.params.get("text", ""), channel=self.channel
        )

    def posts(self) -> list[Call]:
        return self.fake.find("chat.postMessage", channel=self.channel)


def saved_texts(dm: DirectMessage, count: int, timeout: float = 10) -> list[str]:
    """The user's stored messages, once `count` of them are (or the timeout passed)."""
    deadline = time.monotonic() + timeout
    while len(texts := stored_user_texts(dm.coach.database, dm.user)) < count:
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)
    return texts


@pytest.fixture
def slack(coach, fake_platforms):
    return lambda: DirectMessage(coach, fake_platforms)


def test_the_url_verification_challenge_is_answered(slack):
    body = json.dumps(payload("slack_url_verification")).encode()
    status, reply = slack().signed(body)
    assert (status, reply) == (200, {"challenge": payload("slack_url_verification")["challenge"]})


def test_a_message_is_answered_with_buttons_and_a_press_is_handled(slack, fake_platforms):
    dm = slack()
    assert dm.signed(dm.message("please delete my data")) == (200, {"status": "ok"})
    offer = dm.wait_post("delete")
    section, actions = offer.params["blocks"]
    assert "delete" in section["text"]["text"]
    assert [(b["text"]["text"], b["value"]) for b in actions["elements"]] == list(DELETE_BUTTONS)
    assert answers.DISCLAIMER in [c.params["text"] for c in dm.posts()]

    press = payload("slack_block_actions")
    ts = offer.result["ts"]
    press["user"]["id"] = dm.user
    press["channel"]["id"] = press["container"]["channel_id"] = dm.channel
    press["container"]["message_ts"] = press["message"]["ts"] = ts
    press["message"]["blocks"] = offer.params["blocks"]
    press["actions"][0]["value"] = "/deny"
    press["actions"][0]["text"]["text"] = "No, keep it"
    assert dm.signed(slack_form(press), FORM) == (200, {"status": "ok"})
    dm.wait_post("kept everything")
    update = fake_platforms.wait_for("chat.update", channel=dm.channel, ts=ts)
    assert [b["type"] for b in update.params["blocks"]] == ["section", "context"]
    assert update.params["blocks"][-1]["elements"][0]["text"] == "\u2713 No, keep it"
    # The tracker is saved when the turn ends, just after its last post.
    assert saved_texts(dm, 2) == ["please delete my data", "/deny"]


def test_its_own_messages_and_slacks_retries_are_not_answered(slack):
    dm = slack()
    own = payload("slack_bot_message")
    own["event"]["channel"] = dm.channel
    assert dm.signed(json.dumps(own).encode()) == (200, {"status": "ignored"})
    body = dm.message("how many reps?")
    assert dm.signed(body) == (200, {"status": "ok"})
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert dm.signed(body, **retry) == (200, {"status": "duplicate"})
    dm.wait_post("reps")
    assert saved_texts(dm, 1) == ["how many reps?"]


@pytest.mark.parametrize(
    "forge",
    ["no signature", "wrong secret", "changed body", "stale timestamp"],
)
def test_requests_without_slacks_signature_are_refused(slack, forge):
    dm = slack()
    body = dm.message("delete my data")
    headers = {
        "no signature": {},
        "wrong secret": slack_headers(body, secret="someone-else"),
        "changed body": slack_headers(body.replace(b"delete", b"export")),
        "stale timestamp": slack_headers(body, at=time.time() - 600),
    }[forge]
    status, reply = post(dm.coach, body, JSON, headers)
    assert status == 401 and "X-Slack-Signature" in reply["error"]
    assert stored_event_count(dm.coach.database, dm.user) == 0
    assert dm.posts() == []


@pytest.mark.parametrize(
    "body, content_type, status",
    [
        (b"{not json", JSON, 400),
        (b"[]", JSON, 400),
        (b"payload=%7Bnot+json", FORM, 400),
        (b"command=%2Fcoach&text=hi", FORM, 400),
        (b"hello", "text/plain", 415),
    ],
)
def test_signed_but_malformed_requests_get_a_clear_4xx(slack, body, content_type, status):
    code, reply = slack().signed(body, content_type)
    assert code == status and reply["error"], reply


def test_the_webhook_only_takes_posts(coach):
    assert coach.get("/webhooks/slack/") == (200, b'{"status":"ok","configured":true}')
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(coach.url + WEBHOOK, timeout=10)
    assert refused.value.code == 405 and "POST" in json.loads(refused.value.read())["error"]

"""End to end: the Telegram channel of `make run`'s real servers. Recorded Telegram
updates (tests/e2e/platforms/telegram_*.json) are posted to the webhook as Telegram
would, with the webhook's secret token; what the coach sends goes to the fake Bot
API (tests/e2e/fake_platforms.py), which the tests read."""

import itertools
import json
import sqlite3
import urllib.error
import urllib.request

import pytest

from coach import answers
from coach import protocol as p
from coach.dialogue import DELETE_BUTTONS
from connectors.gateway import NOT_SAVED
from tests.e2e.coach_server import stored_user_texts, through_checklist
from tests.e2e.fake_platforms import TELEGRAM_WEBHOOK_URL, Call, payload
from tests.e2e.test_slack_e2e import DirectMessage

WEBHOOK = "/webhooks/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_ids = itertools.count(1)


def post(coach, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
    return coach.post(WEBHOOK, body, {"Content-Type": "application/json", **headers})


class Chat:
    """One Telegram user's private chat with the coach."""

    def __init__(self, coach, fake, secret: str) -> None:
        self.coach, self.fake, self.secret = coach, fake, secret
        self.id = 710_000_000 + next(_ids)

    def post(self, update: dict) -> tuple[int, dict]:
        return post(self.coach, json.dumps(update).encode(), {SECRET_HEADER: self.secret})

    def update(self, name: str, **message_changes) -> dict:
        """A recorded update, sent in this chat, with a fresh update_id."""
        update = payload(name, update_id=900_000_000 + next(_ids))
        message = next(v for k, v in update.items() if k != "update_id")
        target = message.get("message", message)  # a callback_query holds its message
        target["chat"]["id"] = self.id
        message.update(message_changes)
        return update

    def sent(self) -> list[Call]:
        return self.fake.find("sendMessage", chat_id=self.id)

    def send(self, update: dict) -> list[Call]:
        """Post an update; the messages the coach sent for it. The channel answers the
        webhook after the turn, so they have all arrived when it returns."""
        before = len(self.sent())
        status, reply = self.post(update)
        assert (status, reply) == (200, {"status": "ok"}), (status, reply)
        return self.sent()[before:]

    def say(self, text: str) -> list[str]:
        sent = self.send(self.update("telegram_message", text=text))
        return [call.params["text"] for call in sent]

    def press(self, keyboard_message: Call, data: str) -> list[Call]:
        """Press the button with callback_data `data` under a message the coach sent."""
        update = self.update("telegram_callback_query", data=data)
        message = update["callback_query"]["message"]
        message["message_id"] = keyboard_message.result["result"]["message_id"]
        message["text"] = keyboard_message.params["text"]
        message["reply_markup"] = keyboard_message.params["reply_markup"]
        return self.send(update)


@pytest.fixture
def telegram(coach, fake_platforms):
    """New chats with the running coach, signed with the secret it gave Telegram."""
    webhook = fake_platforms.wait_for("setWebhook", url=TELEGRAM_WEBHOOK_URL)
    return lambda: Chat(coach, fake_platforms, webhook.params["secret_token"])


def test_the_webhook_is_set_with_a_secret_and_the_bot_looked_up_once(telegram, fake_platforms):
    webhook = fake_platforms.wait_for("setWebhook", url=TELEGRAM_WEBHOOK_URL)
    assert len(webhook.params["secret_token"]) == 64
    assert json.loads(webhook.params["allowed_updates"]) == ["message", "callback_query"]
    chat = telegram()
    assert chat.say("how many reps?")
    looked_up = len(fake_platforms.find("getMe"))
    assert chat.say("how often a week?") and chat.say("which muscles does it work?")
    assert len(fake_platforms.find("getMe")) == looked_up, "getMe is not called per update"


def test_a_question_gets_its_answer_and_a_choice_comes_as_inline_buttons(telegram, fake_platforms):
    chat = telegram()
    sent = chat.send(chat.update("telegram_message", text="how long should I hold each lift"))
    assert p.HOLD_SECONDS.spoken("seconds") in " ".join(c.params["text"] for c in sent)
    sent = chat.send(chat.update("telegram_message", text="please delete my data"))
    offer = next(c for c in sent if "reply_markup" in c.params)
    assert offer.params["reply_markup"] == {
        "inline_keyboard": [[{"text": t, "callback_data": d}] for t, d in DELETE_BUTTONS]
    }

    kept = chat.press(offer, "/deny")
    assert "kept everything" in " ".join(c.params["text"] for c in kept)
    assert fake_platforms.find("answerCallbackQuery"), "the button's spinner is stopped"
    edit = fake_platforms.wait_for("editMessageText", chat_id=chat.id)
    assert edit.params["message_id"] == str(offer.result["result"]["message_id"])
    assert edit.params["text"].endswith("\u2713 No, keep it") and "reply_markup" not in edit.params
    assert stored_user_texts(chat.coach.database, str(chat.id))[-1] == "/deny"


def test_a_guided_set_keeps_counting_around_a_question(telegram):
    chat = telegram()
    said = through_checklist(
        " ".join(chat.say("start my session")), lambda: " ".join(chat.say("no"))
    )
    assert "ready" in said.lower()
    assert "Set 1, left leg" in " ".join(chat.say("ready"))
    assert chat.say("done") == ["1, good."]
    # A question mid-set is answered with no offer of more: nothing to press there.
    reply = chat.send(chat.update("telegram_message", text="how long should I hold each lift"))
    assert not any("reply_markup" in c.params for c in reply)
    back = " ".join(c.params["text"] for c in reply)
    assert p.HOLD_SECONDS.spoken("seconds") in back and "1 of 10 done" in back, back
    assert "2" in chat.say("done")[0]
    # A batch the same as the count so far may be a check or more: asked, with buttons
    # that send words.
    reply = chat.send(chat.update("telegram_message", text="did 2"))
    check = next(c for c in reply if "reply_markup" in c.params)
    back = " ".join(c.params["text"] for c in chat.press(check, "2 more"))
    assert "4 of 10" in back, back
    assert chat.say("done")[0].startswith("5")


def test_the_progress_chart_is_sent_as_a_photo(telegram, fake_platforms):
    chat = telegram()
    through_checklist(" ".join(chat.say("start my session")), lambda: " ".join(chat.say("no")))
    for text in ("ready", "did 10"):
        chat.say(text)
    assert "left 10, right 0" in " ".join(chat.say("stop for today"))
    assert "1 session in total" in " ".join(chat.say("how am I doing?"))
    photo = fake_platforms.wait_for("sendPhoto", chat_id=chat.id)
    url = photo.params["photo"]
    assert url.startswith(f"{chat.coach.url}/webhooks/coach/files/"), url
    with urllib.request.urlopen(url, timeout=10) as chart:
        assert chart.read(8) == b"\x89PNG\r\n\x1a\n"


def test_stickers_photos_edits_commands_and_repeats(telegram):
    chat = telegram()
    for name in ("telegram_sticker", "telegram_photo"):
        assert [c.params["text"] for c in chat.send(chat.update(name))] == [answers.EMPTY_MESSAGE]
    status, reply = chat.post(chat.update("telegram_edited_message"))
    assert (status, reply) == (200, {"status": "ignored"})
    greeting = chat.say("/start")
    assert greeting and "prone leg lift" in " ".join(greeting)
    assert chat.say("/restart")  # a word, not Rasa's restart intent
    repeat = chat.update("telegram_message", text="how many reps?")
    assert chat.send(repeat)
    before = len(chat.sent())
    assert chat.post(repeat) == (200, {"status": "duplicate"})
    assert len(chat.sent()) == before
    texts = stored_user_texts(chat.coach.database, str(chat.id))
    assert texts == ["hello", "restart", "how many reps?"], texts


@pytest.mark.parametrize(
    "body, secret, status",
    [
        (b'{"update_id": 1}', None, 401),
        (b'{"update_id": 1}', "not-the-secret", 401),
        (b"{not json", "", 400),
        (b"[1, 2]", "", 400),
        (b'{"message": {"text": "hi"}}', "", 400),
        (b'{"update_id": 5, "my_chat_member": {"chat": {"id": 1}}}', "", 200),
    ],
)
def test_bad_requests_get_a_clear_answer_and_no_reply(telegram, body, secret, status):
    chat = telegram()
    headers = {} if secret is None else {SECRET_HEADER: secret or chat.secret}
    code, reply = post(chat.coach, body, headers)
    assert code == status, reply
    assert ("error" in reply) if status != 200 else reply == {"status": "ignored"}
    assert chat.fake.find("sendMessage", chat_id=1) == []


def test_the_webhook_only_takes_posts(coach):
    assert coach.get("/webhooks/telegram/") == (200, b'{"status":"ok","configured":true}')
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(coach.url + WEBHOOK, timeout=10)
    assert refused.value.code == 405 and "POST" in json.loads(refused.value.read())["error"]


def test_a_turn_that_fails_says_nothing_was_saved_on_both_platforms(telegram):
    chat = telegram()
    dm = DirectMessage(chat.coach, chat.fake)
    # The tracker store is locked by another program: the turn fails after the
    # store's busy timeout, and the user is told nothing was saved
    # (tests/e2e/test_faults_e2e.py does the same to REST).
    holder = sqlite3.connect(chat.coach.database, isolation_level=None, timeout=30)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        assert dm.signed(dm.message("how many reps?")) == (200, {"status": "ok"})
        sent = chat.send(chat.update("telegram_message", text="how many reps?"))
    finally:
        holder.close()
    assert [call.params["text"] for call in sent] == [NOT_SAVED]
    dm.wait_post(NOT_SAVED)
    assert [call.params["text"] for call in dm.posts()] == [NOT_SAVED]

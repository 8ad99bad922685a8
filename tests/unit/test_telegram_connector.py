"""The Telegram channel without a server: settings, the webhook's answers, updates to
turns, keyboards, and the shared turn delivery (connectors/platforms.py). The bot is
a recording fake; nothing here touches the network."""

import asyncio
import json
from types import SimpleNamespace

import pytest
from aiogram.utils.exceptions import NetworkError, TelegramAPIError
from rasa.core.channels.channel import OutputChannel

from coach import answers, conversation, dialogue
from connectors import gateway, platforms, telegram
from connectors.gateway import Gate
from connectors.rate_limit import RateLimiter
from tests.e2e.fake_platforms import payload

TOKEN = "123456789:TEST-coach-bot-token"
BOT = "leg_lift_coach_test_bot"
ENV = {
    "COACH_TELEGRAM_TOKEN": TOKEN,
    "COACH_TELEGRAM_BOT_NAME": f"@{BOT}",
    "COACH_TELEGRAM_WEBHOOK_URL": "https://coach.example.org/webhooks/telegram/webhook",
}
SETTINGS = telegram.TelegramSettings.from_env(ENV)
ALL_BUTTONS = [
    value
    for module in (dialogue, conversation)
    for name, value in vars(module).items()
    if name.endswith("_BUTTONS")
]


class FakeBot(OutputChannel):
    """Stands in for the aiogram bot: records what would go to Telegram."""

    def __init__(self, username: str = BOT, fail: Exception | None = None) -> None:
        self.username, self.fail = username, fail
        self.sent: list[tuple[str, dict]] = []
        self.calls: list[tuple] = []

    @classmethod
    def name(cls) -> str:
        return "telegram"

    async def send_response(self, recipient_id: str, message: dict) -> None:
        if self.fail:
            raise self.fail
        self.sent.append((recipient_id, message))

    async def get_me(self):
        self.calls.append(("getMe",))
        if isinstance(self.username, Exception):
            raise self.username
        return SimpleNamespace(username=self.username)

    async def request(self, method, data):
        self.calls.append((method, data))
        if self.fail:
            raise self.fail

    async def answer_callback_query(self, query_id):
        self.calls.append(("answerCallbackQuery", query_id))

    async def edit_message_text(self, text, chat_id, message_id):
        self.calls.append(("editMessageText", text, chat_id, message_id))

    async def edit_message_reply_markup(self, chat_id, message_id):
        self.calls.append(("editMessageReplyMarkup", chat_id, message_id))

    def texts(self) -> list[str]:
        return [message.get("text") for _, message in self.sent]


class Dialogue:
    """Stands in for Rasa: records each message and answers through its output channel."""

    def __init__(self, reply: str | None = "echo", fail: bool = False) -> None:
        self.messages = []
        self.reply, self.fail = reply, fail

    async def __call__(self, message) -> None:
        self.messages.append(message)
        if self.fail:
            raise RuntimeError("the dialogue broke")
        if self.reply:
            await message.output_channel.send_response(message.sender_id, {"text": self.reply})

    @property
    def texts(self) -> list[str]:
        return [message.text for message in self.messages]


def channel(bot: FakeBot | None = None, settings=SETTINGS) -> telegram.CoachTelegramInput:
    channel = telegram.CoachTelegramInput(settings)
    channel._bot = bot or FakeBot()
    return channel


def handle(channel, update, dialogue=None, secret=None, raw: bytes | None = None):
    headers = {telegram.SECRET_HEADER: SETTINGS.secret_token if secret is None else secret}
    body = raw if raw is not None else json.dumps(update).encode()
    return asyncio.run(channel.handle_update(headers, body, dialogue or Dialogue()))


def message(text: str | None = "how many reps?", chat_id: int = 42, update_id: int = 1) -> dict:
    update = payload("telegram_message", update_id=update_id)
    update["message"]["chat"]["id"] = chat_id
    if text is None:
        del update["message"]["text"]
    else:
        update["message"]["text"] = text
    return update


# --- Settings -------------------------------------------------------------------


def test_settings_come_from_the_environment():
    assert SETTINGS.token == TOKEN and SETTINGS.bot_name == BOT  # "@" dropped
    assert SETTINGS.api_url == telegram.DEFAULT_API_URL
    assert SETTINGS.problems() == []
    own_server = telegram.TelegramSettings.from_env({**ENV, "COACH_TELEGRAM_API_URL": "http://x"})
    assert own_server.api_url == "http://x"


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"COACH_TELEGRAM_TOKEN": ""}, "set COACH_TELEGRAM_TOKEN"),
        ({"COACH_TELEGRAM_BOT_NAME": " "}, "set COACH_TELEGRAM_BOT_NAME"),
        ({"COACH_TELEGRAM_TOKEN": "not a token"}, "not a bot token"),
        ({"COACH_TELEGRAM_WEBHOOK_URL": "coach.example.org/hook"}, "must be an http(s) URL"),
        ({"COACH_TELEGRAM_API_URL": "ftp://x"}, "COACH_TELEGRAM_API_URL must be"),
    ],
)
def test_missing_or_bad_settings_are_named(changes, problem):
    problems = telegram.TelegramSettings.from_env({**ENV, **changes}).problems()
    assert any(problem in p for p in problems), problems


def test_the_secret_token_is_derived_from_the_bot_token():
    secret = SETTINGS.secret_token
    assert len(secret) == 64 and all(c in "0123456789abcdef" for c in secret)
    assert secret == telegram.TelegramSettings(token=TOKEN).secret_token
    assert secret != telegram.TelegramSettings(token="1:other").secret_token


def test_without_settings_the_webhook_answers_503_and_there_is_no_bot(caplog, monkeypatch):
    for name in (*telegram.REQUIRED, telegram.API_URL_SETTING):
        monkeypatch.delenv(name, raising=False)
    off = telegram.CoachTelegramInput.from_credentials(None)
    assert off.get_output_channel() is None
    reply = asyncio.run(off.handle_update({}, b"{}", Dialogue()))
    assert reply.status == 503
    assert reply.body["error"].startswith("Telegram is not configured: set COACH_TELEGRAM_TOKEN")
    assert not [r for r in caplog.records if r.levelname == "WARNING"], "quiet when unused"


def test_the_output_channel_is_shared_and_makes_no_call():
    on = telegram.CoachTelegramInput(SETTINGS)
    output = on.get_output_channel()
    assert isinstance(output, gateway.TurnReplies) and output.name() == "telegram"
    assert isinstance(output.target, telegram.CoachTelegramOutput)
    assert on.get_output_channel().target is output.target  # one bot for every reminder
    assert output.target.client._session is None  # no connection was opened
    api = telegram.TelegramSettings.from_env({**ENV, "COACH_TELEGRAM_API_URL": "http://fake:1/"})
    own = telegram.CoachTelegramInput(api).bot
    assert own.client.server.api_url(TOKEN, "getMe") == f"http://fake:1/bot{TOKEN}/getMe"


# --- Setting the webhook --------------------------------------------------------


def test_the_webhook_is_set_with_the_secret_and_the_updates_wanted():
    bot = FakeBot()
    assert asyncio.run(channel(bot).set_webhook()) is None
    method, data = bot.calls[-1]
    assert method == "setWebhook"
    assert data["url"] == ENV["COACH_TELEGRAM_WEBHOOK_URL"]
    assert data["secret_token"] == SETTINGS.secret_token
    assert json.loads(data["allowed_updates"]) == ["message", "callback_query"]


def test_an_unreachable_telegram_is_a_logged_error_not_a_crash(caplog):
    bot = FakeBot(fail=NetworkError("aiohttp client throws an error: ClientConnectorError"))
    problem = asyncio.run(channel(bot).set_webhook())
    assert "ClientConnectorError" in problem
    assert "could not be set" in caplog.text and "set_webhook" in caplog.text


def test_a_token_for_another_bot_is_refused_clearly():
    bot = FakeBot(username="someone_elses_bot")
    problem = asyncio.run(channel(bot).set_webhook())
    assert "@someone_elses_bot" in problem and "COACH_TELEGRAM_BOT_NAME" in problem
    assert all(call[0] != "setWebhook" for call in bot.calls)
    reply = handle(channel(FakeBot(username="someone_elses_bot")), message())
    assert reply.status == 503


# --- The webhook ----------------------------------------------------------------


@pytest.mark.parametrize("secret", ["", "wrong"])
def test_an_update_without_the_secret_is_refused(secret):
    dialogue = Dialogue()
    reply = handle(channel(), message(), dialogue, secret=secret)
    assert reply.status == 401 and telegram.SECRET_HEADER in reply.body["error"]
    assert dialogue.messages == []


@pytest.mark.parametrize(
    "raw, error",
    [(b"{not json", "not JSON"), (b"[1]", "no update_id"), (b'{"message": {}}', "no update_id")],
)
def test_malformed_bodies_get_400(raw, error):
    reply = handle(channel(), None, raw=raw)
    assert reply.status == 400 and error in reply.body["error"]


def test_a_text_message_is_one_turn_answered_in_its_chat():
    bot, dialogue = FakeBot(), Dialogue()
    reply = handle(channel(bot), message("how many reps?", chat_id=42), dialogue)
    assert (reply.status, reply.body) == (200, {"status": "ok"})
    [sent] = dialogue.messages
    assert (sent.text, sent.sender_id, sent.input_channel) == ("how many reps?", "42", "telegram")
    assert isinstance(sent.output_channel, gateway.TurnReplies)
    assert sent.output_channel.name() == "telegram"
    assert bot.sent == [("42", {"text": "echo"})]


def test_the_bot_is_looked_up_once_not_per_update():
    bot = FakeBot()
    on = channel(bot)
    for update_id in (1, 2, 3):
        assert handle(on, message(update_id=update_id)).status == 200
    assert bot.calls.count(("getMe",)) == 1


def test_a_failed_lookup_is_503_and_asked_again():
    bot = FakeBot(username=NetworkError("down"))
    on = channel(bot)
    assert handle(on, message(update_id=1)).status == 503
    bot.username = BOT
    assert handle(on, message(update_id=2)).status == 200


def test_a_repeated_update_is_not_handled_twice():
    dialogue, on = Dialogue(), channel()
    assert handle(on, message(), dialogue).body == {"status": "ok"}
    assert handle(on, message(), dialogue).body == {"status": "duplicate"}
    assert len(dialogue.messages) == 1


@pytest.mark.parametrize(
    "update",
    [
        payload("telegram_edited_message"),
        {"update_id": 7, "my_chat_member": {"chat": {"id": 1}}},
        {"update_id": 8, "callback_query": {"id": "1", "data": "/affirm"}},  # inline mode
        {"update_id": 9, "message": {"text": "no chat"}},
    ],
)
def test_updates_the_coach_does_not_answer_get_200_so_telegram_stops(update):
    dialogue, bot = Dialogue(), FakeBot()
    reply = handle(channel(bot), update, dialogue)
    assert (reply.status, reply.body) == (200, {"status": "ignored"})
    assert dialogue.messages == [] and bot.sent == []


@pytest.mark.parametrize("name", ["telegram_sticker", "telegram_photo"])
def test_a_message_without_words_gets_a_short_answer_and_no_turn(name):
    dialogue, bot = Dialogue(), FakeBot()
    assert handle(channel(bot), payload(name), dialogue).status == 200
    assert dialogue.messages == [] and bot.texts() == [answers.EMPTY_MESSAGE]


def test_a_photo_caption_is_read():
    update = payload("telegram_photo")
    update["message"]["caption"] = "is my back straight?"
    dialogue = Dialogue()
    handle(channel(), update, dialogue)
    assert dialogue.texts == ["is my back straight?"]


@pytest.mark.parametrize(
    "typed, heard",
    [
        ("/start", "hello"),
        ("/start deep-link-param", "hello"),
        (f"/help@{BOT}", "what can you do"),
        ("/restart", "restart"),
        ("/affirm", "affirm"),
        ("//stop now", "stop now"),
        ("  how many reps?  ", "how many reps?"),
    ],
)
def test_typed_commands_are_words_never_intents(typed, heard):
    assert telegram.read_typed(typed, BOT) == heard


def test_a_command_for_another_bot_is_ignored():
    dialogue = Dialogue()
    assert handle(channel(), message("/start@other_bot"), dialogue).body == {"status": "ignored"}
    assert dialogue.messages == []


def test_a_button_press_is_acknowledged_marked_and_sent_as_its_payload():
    bot, dialogue = FakeBot(), Dialogue()
    update = payload("telegram_callback_query")
    query = update["callback_query"]
    reply = handle(channel(bot), update, dialogue)
    assert reply.status == 200
    assert dialogue.texts == ["/affirm"]  # the coach's own payload: an intent
    assert ("answerCallbackQuery", query["id"]) in bot.calls
    chat_id = str(query["message"]["chat"]["id"])
    edit = ("editMessageText", f"{query['message']['text']}\n\n\u2713 Yes please", chat_id, 4102)
    assert edit in bot.calls


def test_a_press_on_a_message_without_text_only_loses_its_keyboard():
    bot = FakeBot()
    update = payload("telegram_callback_query")
    del update["callback_query"]["message"]["text"]
    handle(channel(bot), update)
    assert ("editMessageReplyMarkup", "5120334871", 4102) in bot.calls


def test_too_fast_gets_the_rate_limit_answer_and_no_turn():
    bot, dialogue = FakeBot(), Dialogue()
    on = channel(bot)
    on.gate = Gate(RateLimiter(per_minute=1, burst=1), RateLimiter(per_minute=0))
    handle(on, message(update_id=1), dialogue)
    handle(on, message(update_id=2), dialogue)
    assert len(dialogue.messages) == 1
    assert bot.texts() == ["echo", answers.TOO_FAST]


# --- Replies when things go wrong -----------------------------------------------


def test_a_turn_without_replies_gets_the_trouble_answer():
    bot = FakeBot()
    handle(channel(bot), message(), Dialogue(reply=None))  # the action server is down
    assert bot.texts() == [answers.TROUBLE]


def test_a_turn_that_raises_still_gets_an_answer_and_200():
    bot = FakeBot()
    assert handle(channel(bot), message(), Dialogue(fail=True)).status == 200
    assert bot.texts() == [gateway.NOT_SAVED]


def test_a_failed_send_is_logged_and_does_not_break_the_turn(caplog):
    bot = FakeBot(fail=TelegramAPIError("Forbidden: bot was blocked by the user"))
    dialogue = Dialogue()
    assert handle(channel(bot), message(), dialogue).status == 200
    assert len(dialogue.messages) == 1
    assert "could not be delivered" in caplog.text and "blocked" in caplog.text


# --- Keyboards ------------------------------------------------------------------


def rows(buttons) -> list[list[tuple[str, str]]]:
    markup = json.loads(telegram.inline_keyboard(buttons).as_json())
    return [[(b["text"], b["callback_data"]) for b in row] for row in markup["inline_keyboard"]]


def as_buttons(pairs) -> list[dict]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


def test_short_choices_share_a_row_and_long_ones_get_a_row_each():
    assert rows(as_buttons(conversation.YES_NO_BUTTONS)) == [list(conversation.YES_NO_BUTTONS)]
    assert rows(as_buttons(dialogue.STEP_UP_BUTTONS)) == [[b] for b in dialogue.STEP_UP_BUTTONS]


def test_every_coach_button_fits_telegram_and_slack():
    assert len(ALL_BUTTONS) >= 6
    for buttons in ALL_BUTTONS:
        assert len(buttons) <= 5, buttons  # Slack's most per message
        for title, payload_ in buttons:
            assert len(payload_.encode()) <= telegram.MAX_CALLBACK_DATA_BYTES
            assert telegram.callback_data({"title": title, "payload": payload_}) == payload_
            assert len(title) <= 75  # Slack's button text limit


def test_a_payload_too_long_for_telegram_sends_the_title():
    long = {"title": "Yes, move up", "payload": "/affirm" + '{"level": "x"}' * 10}
    assert telegram.callback_data(long) == "Yes, move up"
    huge = {"title": "\u00e9" * 40, "payload": "/x" * 40}  # 80 bytes of title
    data = telegram.callback_data(huge)
    assert len(data.encode()) <= 64 and data == "\u00e9" * 32


def test_the_output_sends_keyboards_and_falls_back_to_the_image_link():
    output = telegram.CoachTelegramOutput(TOKEN)
    calls = []

    async def send_message(chat_id, text, reply_markup=None):
        calls.append(("sendMessage", chat_id, text, reply_markup))

    async def send_photo(chat_id, photo):
        raise TelegramAPIError("Bad Request: wrong file identifier/HTTP URL specified")

    output.send_message, output.send_photo = send_message, send_photo
    buttons = as_buttons(conversation.YES_NO_BUTTONS)
    asyncio.run(output.send_text_with_buttons("42", "More?", buttons))
    asyncio.run(output.send_image_url("42", "http://localhost/chart.png"))
    assert calls[0][:3] == ("sendMessage", "42", "More?")
    assert json.loads(calls[0][3].as_json())["inline_keyboard"][0][0]["callback_data"] == "/affirm"
    assert calls[1] == ("sendMessage", "42", "http://localhost/chart.png", None)


# --- Shared pieces (connectors/platforms.py) ------------------------------------


def test_seen_ids_are_bounded():
    seen = platforms.SeenIds(size=2)
    assert seen.first_time("a") and seen.first_time("b") and not seen.first_time("a")
    assert seen.first_time("c")  # "b" is forgotten, the oldest
    assert seen.first_time("b")


def test_message_length_checks():
    assert gateway.text_problem("x" * (gateway.MAX_TEXT_CHARS + 1)) == gateway.TOO_LONG
    assert gateway.text_problem("how many reps?") is None


def test_built_on_rasas_public_channel_classes_only():
    """Rasa's own Telegram classes would have to be bypassed (constructors, private
    methods); the channel composes aiogram's Bot instead."""
    from rasa.core.channels.channel import InputChannel

    assert telegram.CoachTelegramInput.__mro__[1:] == (InputChannel, object)
    assert telegram.CoachTelegramOutput.__mro__[1:] == (OutputChannel, object)


def test_paragraphs_are_messages_and_speech_is_an_audio_file():
    output = telegram.CoachTelegramOutput(TOKEN)
    calls = []

    async def send_message(chat_id, text, reply_markup=None):
        calls.append(("sendMessage", chat_id, text))

    async def send_audio(chat_id, audio):
        calls.append(("sendAudio", chat_id, audio))

    output.send_message, output.client.send_audio = send_message, send_audio
    asyncio.run(output.send_response("42", {"text": "One.\n\nTwo."}))
    asyncio.run(output.send_custom_json("42", {"ssml": "<speak>Hi</speak>"}))
    asyncio.run(output.send_custom_json("42", {"audio": "https://coach.example/a.mp3"}))
    assert calls == [
        ("sendMessage", "42", "One."),
        ("sendMessage", "42", "Two."),
        ("sendAudio", "42", "https://coach.example/a.mp3"),
    ]

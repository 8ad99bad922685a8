"""Checks and side exchanges in a session (issue 17, items 2 and 3).

- A total said below what was already counted is asked about ("I had 6 - is it 4 in
  all?"), with buttons, in every wording of a total; never silently saved.
- "Undo" just after a batch asks whether to take back the whole batch or only its last
  rep; after a single rep it takes back that rep.
- A side exchange in a session (keeping the data after "delete my data", a reminder
  cancelled, an export, a "did you mean" answered) ends by saying where the session
  stands, by chat and by voice; the delete confirmation reads as a question."""

import pytest

from tests.unit.chat import Chat, in_a_set

VOICE = {"voice": True}
# What the classifier might make of a total: each must go through the same check.
INTENTS = ["report_reps", "count_rep", "nlu_fallback"]
LOWER_TOTALS = [
    "so I'm at 4 in total",
    "that brings it to 4 altogether",
    "which makes it 4 in all",
    "making it 4 overall",
    "4 all up",
    "a total of 4",
    "all together 4",
    "right, 4 so far",
    "I'm up to 4",
    "now I'm on 4",
    "four in total on this leg",
]


def _left(chat):
    return chat.session["reps"][0]["left"]


def _six_counted() -> Chat:
    chat = in_a_set()
    for said in ("1", "2", "3", "4", "5", "6"):
        chat.say("count_rep", said)
    assert _left(chat) == 6
    return chat


def _buttons(chat):
    return [button for message in chat.outcome.reply.messages for button in message.buttons]


# -- a total below what was counted -------------------------------------------------


@pytest.mark.parametrize("intent", INTENTS)
@pytest.mark.parametrize("said", LOWER_TOTALS)
def test_a_total_below_the_count_is_asked_about_not_saved(intent, said):
    chat = _six_counted()
    reply = chat.say(intent, said)
    assert _left(chat) == 6, reply  # nothing saved yet
    assert "I had 6" in reply and "4 in all?" in reply
    assert [title for title, _ in _buttons(chat)] == ["Yes, 4 in all", "No, keep 6"]


@pytest.mark.parametrize(("intent", "said"), [("affirm", "yes"), ("affirm", "/affirm")])
def test_a_lower_total_confirmed_is_saved(intent, said):
    chat = _six_counted()
    chat.say("report_reps", "that brings it to 4 altogether")
    reply = chat.say(intent, said)
    assert _left(chat) == 4 and "4 of 10" in reply


def test_a_lower_total_confirmed_by_saying_it_again_is_saved():
    chat = _six_counted()
    chat.say("report_reps", "4 all up")
    chat.say("report_reps", "yes 4 in total")
    assert _left(chat) == 4


@pytest.mark.parametrize(
    ("intent", "said"), [("deny", "no"), ("deny", "/deny"), ("deny", "no, it's 6")]
)
def test_a_lower_total_denied_keeps_the_count_and_says_where(intent, said):
    chat = _six_counted()
    chat.say("report_reps", "making it 4 overall")
    reply = chat.say(intent, said)
    assert _left(chat) == 6 and "6 of 10 done on your left leg" in reply


def test_a_lower_total_unanswered_is_asked_again_after_a_question():
    chat = _six_counted()
    chat.say("report_reps", "a total of 4")
    reply = chat.say("ask_progress", "how am I getting on?")
    assert "is it 4 in all?" in reply and _left(chat) == 6


@pytest.mark.parametrize(
    ("said", "total"),
    [("8 in total", 8), ("so that brings it to 9 altogether", 9), ("6 in all", 6)],
)
def test_a_total_at_or_above_the_count_is_still_taken_as_said(said, total):
    chat = _six_counted()
    reply = chat.say("report_reps", said)
    assert "I had" not in reply and _left(chat) == total


def test_a_total_given_in_reply_to_more_or_in_all_is_not_asked_again():
    chat = _six_counted()
    assert "5 more, or 5 in all" in chat.say("report_reps", "did 5")
    chat.say("report_reps", "5 so far")  # the "5 in all" button's words
    assert _left(chat) == 5


def test_a_batch_said_back_as_more_put_right_as_in_all_is_not_asked_again():
    chat = in_a_set()
    chat.say("report_reps", "did 4")
    chat.say("continue_session", "carry on")
    assert "Counted as 3 more" in chat.say("report_reps", "did 3")
    chat.say("report_reps", "3 altogether")
    assert _left(chat) == 3


# -- undo after a batch -----------------------------------------------------------------


def _batch_of_five() -> Chat:
    chat = in_a_set()
    chat.say("count_rep", "1")
    chat.say("report_reps", "5 more")
    assert _left(chat) == 6
    return chat


@pytest.mark.parametrize("said", ["undo", "undo that", "scratch that"])
def test_undo_after_a_batch_asks_all_or_the_last_one(said):
    chat = _batch_of_five()
    reply = chat.say("nlu_fallback", said)
    assert "Take back all 5, or just the last one?" in reply and _left(chat) == 6
    assert [title for title, _ in _buttons(chat)] == ["All 5", "Just the last one"]


@pytest.mark.parametrize(
    ("intent", "said", "left"),
    [
        ("report_reps", "take off 5", 1),  # the "All 5" button
        ("report_reps", "take off 1", 5),  # the "Just the last one" button
        ("affirm", "yeah the whole batch", 1),
        ("affirm", "all of them", 1),
        ("nlu_fallback", "only the last rep", 5),
        ("count_rep", "just one", 5),
        ("report_reps", "minus 5", 1),
    ],
)
def test_undo_after_a_batch_answered(intent, said, left):
    chat = _batch_of_five()
    chat.say("nlu_fallback", "undo")
    reply = chat.say(intent, said)
    assert _left(chat) == left and f"{left} of 10" in reply


@pytest.mark.parametrize("said", ["no", "neither, leave it"])
def test_undo_after_a_batch_declined_keeps_the_count(said):
    chat = _batch_of_five()
    chat.say("nlu_fallback", "undo")
    reply = chat.say("deny", said)
    assert _left(chat) == 6 and "nothing taken back" in reply


def test_undo_after_a_batch_left_unanswered_is_asked_again():
    chat = _batch_of_five()
    chat.say("nlu_fallback", "undo")
    reply = chat.say("ask_progress", "how many have I done?")
    assert "Take back all 5" in reply and _left(chat) == 6


@pytest.mark.parametrize("count", [["1", "2", "3"], ["done", "done", "done"]])
def test_undo_after_a_single_rep_takes_back_that_rep(count):
    chat = in_a_set()
    for said in count:
        chat.say("count_rep", said)
    reply = chat.say("nlu_fallback", "undo")
    assert "Take back" not in reply and _left(chat) == 2


def test_undo_after_a_batch_that_finished_the_leg_goes_back_to_that_leg():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    reply = chat.say("nlu_fallback", "undo")
    assert "back on your left leg" in reply and _left(chat) == 0


# -- side exchanges end by saying where the session stands -----------------------------


def _mid_set(voice):
    if not voice:
        chat = in_a_set()
        for said in ("1", "2", "3"):
            chat.say("count_rep", said)
        return chat, None, "3 of 10 done on your left leg"
    chat = Chat()
    chat.say("start_session", "start", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)
    return chat, VOICE, "did you get all 10 on your left leg"


@pytest.mark.parametrize("voice", [False, True])
def test_the_delete_confirmation_is_a_question_said_last(voice):
    chat, meta, where = _mid_set(voice)
    reply = chat.say("delete_data", "please wipe all my data", metadata=meta)
    assert "Are you sure you want to delete everything? It can't be undone." in reply
    assert reply.endswith("It can't be undone.") and where not in reply
    assert chat.slots["pending_offer"] == "delete_data"


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(
    ("intent", "said"),
    [
        ("deny", "no"),
        ("nlu_fallback", "no, hang on to it"),
        ("affirm", "no wait, don't delete"),
        ("nlu_fallback", "cancel that, keep everything"),
    ],
)
def test_keeping_the_data_says_where_the_session_stands(voice, intent, said):
    chat, meta, where = _mid_set(voice)
    chat.say("delete_data", "please wipe all my data", metadata=meta)
    reply = chat.say(intent, said, metadata=meta)
    assert "kept everything" in reply and where in reply
    assert reply.index("kept everything") < reply.index(where)
    assert not chat.outcome.erase_user


def test_deleting_the_data_mid_set_says_no_more():
    chat, meta, where = _mid_set(False)
    chat.say("delete_data", "please wipe all my data")
    reply = chat.say("affirm", "yes, go ahead")
    assert chat.outcome.erase_user and where not in reply


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(
    ("intent", "said"),
    [
        ("cancel_reminder", "cancel my reminders please"),
        ("export_history", "send my history to my physio"),
    ],
)
def test_a_reminder_cancelled_or_an_export_says_where_the_session_stands(voice, intent, said):
    chat, meta, where = _mid_set(voice)
    reps = chat.session["reps"][0]["left"]
    reply = chat.say(intent, said, metadata=meta)
    assert where in reply and "How many did you manage" not in reply
    assert chat.session["reps"][0]["left"] == reps  # no count changed by the side exchange


CANDIDATES = (("how_long_to_hold", 0.4), ("reps_per_set", 0.35))


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(
    ("intent", "said", "answer"),
    [
        ("choose_answer", "the first", "utter_faq/how_long_to_hold"),
        ("count_rep", "second one", "utter_faq/reps_per_set"),
        ("deny", "neither of those", None),
        ("nlu_fallback", "something else really", None),
    ],
)
def test_a_did_you_mean_answered_says_where_the_session_stands(voice, intent, said, answer):
    chat, meta, where = _mid_set(voice)
    reps = chat.session["reps"][0]["left"]
    asked = chat.say(
        "nlu_fallback", "what about up there", answer_candidates=CANDIDATES, metadata=meta
    )
    assert "Did you mean" in asked
    reply = chat.say(intent, said, metadata=meta)
    responses = [message.response for message in chat.outcome.reply.messages]
    if answer:
        assert answer in responses
    assert where in reply and "How many did you manage" not in reply
    assert chat.session["reps"][0]["left"] == reps


@pytest.mark.parametrize(
    ("said", "left"), [("undo that, then 3 more", 4), ("undo that, and 2 more", 3)]
)
def test_undo_with_what_replaces_it_takes_back_the_whole_batch(said, left):
    chat = _batch_of_five()
    chat.say("nlu_fallback", said)
    assert _left(chat) == left

"""Voice: after "carry on for the last N, or call that leg done?", "next one, go" says to
lead on now: the other leg starts without asking for ready again."""

from tests.unit.chat import after_a_paced_set

VOICE = {"voice": True}


def _short_paced_leg():
    chat = after_a_paced_set()
    said = chat.say("deny", "no, just 6", [{"entity": "number", "value": "6"}], metadata=VOICE)
    assert "carry on for the last 4" in said
    return chat


def test_next_one_with_go_starts_the_other_leg_now():
    chat = _short_paced_leg()
    said = chat.say("count_rep", "fine, next one then, go", metadata=VOICE)
    assert chat.session["reps"][0]["left"] == 6
    assert chat.session["leg"] == "right" and not chat.session.get("awaiting_ready")
    assert "Say ready" not in said


def test_next_one_alone_still_waits_for_ready():
    chat = _short_paced_leg()
    chat.say("count_rep", "fine, next one", metadata=VOICE)
    assert chat.session["leg"] == "right" and chat.session.get("awaiting_ready")

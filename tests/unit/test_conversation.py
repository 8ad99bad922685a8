import pytest

from coach import answers, conversation
from coach.conversation import (
    INTENT_TOPICS,
    State,
    answer_question,
    corrected_intent,
    expand,
    reply_to_offer,
    topic_for,
    written_in_another_script,
)


def texts(reply):
    return [message.text for message in reply.messages]


@pytest.mark.parametrize("intent", list(INTENT_TOPICS))
def test_every_question_intent_gets_its_answer(intent):
    reply = answer_question(intent, [], State(disclaimer_given=True))
    topic = INTENT_TOPICS[intent]
    assert texts(reply)[0].startswith(answers.ANSWERS[topic].short)
    assert reply.updates["last_topic"] == topic


def test_an_offer_comes_with_yes_no_buttons_and_is_remembered():
    reply = answer_question("ask_hold", [], State(disclaimer_given=True))
    assert reply.messages[0].buttons == (("Yes please", "/affirm"), ("No thanks", "/deny"))
    assert reply.updates["pending_offer"] == "hold"


def test_answers_without_offer_clear_the_pending_offer():
    reply = answer_question("ask_medical", [], State(disclaimer_given=True, pending_offer="hold"))
    assert reply.updates["pending_offer"] is None
    assert reply.messages[0].buttons == ()


def test_another_exercise_is_out_of_scope_whatever_the_intent():
    entities = [{"entity": "other_exercise", "value": "Squat"}]
    assert topic_for("ask_technique", entities) == "out_of_scope"
    reply = answer_question("ask_technique", entities, State(disclaimer_given=True))
    assert "squats" in texts(reply)[0] and "only coach" in texts(reply)[0]


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("keto", "diet"),
        ("Mattress", "sleep"),
        ("golf", "sport"),
        ("headaches", "illness"),
        ("glucosamine", "supplement"),
        ("frozen shoulder", "other_body_part"),
        ("forecast", "general_knowledge"),
        ("limerick", "chat"),
        ("uber", "errand"),
        ("in welsh", "language"),
    ],
)
def test_an_off_topic_question_gets_the_response_for_its_kind(value, kind):
    entities = [{"entity": "off_topic", "value": value}]
    reply = answer_question("out_of_scope", entities, State(disclaimer_given=True))
    assert [m.response for m in reply.messages] == [f"utter_off_topic_{kind}"]


def test_an_off_topic_question_naming_back_pain_is_no_pain_report():
    entities = [
        {"entity": "off_topic", "value": "keto"},
        {"entity": "body_part", "value": "back"},
        {"entity": "pain_word", "value": "pain"},
    ]
    reply = answer_question("out_of_scope", entities, State(disclaimer_given=True))
    assert [m.response for m in reply.messages] == ["utter_off_topic_diet"]


@pytest.mark.parametrize(
    ("intent", "text", "asks"),
    [
        ("nlu_fallback", "could you recommend an osteopath round here", True),
        ("faq", "can you get me booked in to see a doctor", True),
        ("faq", "should i find a physio to check my form", False),  # the form answer says so
        ("faq", "my physio recommended these, how many do i do", False),
    ],
)
def test_asking_the_coach_to_find_or_book_a_clinician_gets_its_own_redirect(intent, text, asks):
    verdict = conversation.rule_verdict(intent, [], text, None)
    assert (verdict == "out_of_scope") is asks
    if asks:
        reply = answer_question("out_of_scope", [], State(disclaimer_given=True), text=text)
        assert texts(reply) == [answers.FINDING_A_CLINICIAN]


# An answer of the selector's that does not cover the off-topic thing named is no answer.
@pytest.mark.parametrize(
    ("value", "text", "answer_key", "off_topic"),
    [
        ("eat", "what do i eat to shift my tummy fat", "weight_loss", True),
        ("protein", "how much protein do i need for bigger glutes", "eating_before", True),
        ("eating", "can i do it straight after eating", "eating_before", False),
        ("belly fat", "will these burn belly fat", "weight_loss", False),
        ("glucosamine", "is glucosamine good for joints", "sacroiliac_joint", True),
        ("migraine", "i have a migraine, what now", "harder_variations", True),
        ("a cold", "should i skip it with a cold", "exercising_when_ill", False),
        ("frozen shoulder", "exercises for a frozen shoulder", "mat", True),
        ("golf", "do i need a gym", "where_to_do_it", False),  # sport: left to the classifier
        ("desk", "desk job, will it help my back", "low_back_pain", False),
    ],
)
def test_a_question_naming_an_uncovered_off_topic_thing_is_out_of_scope(
    value, text, answer_key, off_topic
):
    entities = [{"entity": "off_topic", "value": value}]
    verdict = conversation.rule_verdict("faq", entities, text, answer_key)
    assert (verdict == "out_of_scope") is off_topic


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("my hip aches more the following morning, is that bad", True),
        ("sorer the day after than before, should i worry?", True),
        ("woke up achy after the session, should i rest today?", True),
        ("my hip aches more the following morning", False),  # a report: asked how bad
        ("my back hurts now", False),
    ],
)
def test_a_worse_next_morning_asked_about_gets_its_answer_not_how_bad(text, answered):
    verdict = conversation.rule_verdict("pain", [], text, "soreness_the_next_day")
    assert (verdict == "faq") is answered


def test_an_off_topic_word_in_a_question_about_the_exercise_changes_nothing():
    entities = [{"entity": "off_topic", "value": "sleep"}]
    reply = answer_question("ask_hold", entities, State(disclaimer_given=True))
    assert texts(reply)[0].startswith(answers.ANSWERS["hold"].short)


def test_pain_with_another_exercise_named_is_still_a_pain_answer():
    entities = [{"entity": "other_exercise", "value": "squats"}]
    assert topic_for("pain", entities) == "pain"


def test_unknown_intent_falls_back_to_scope_answer():
    assert topic_for("order_pizza", []) == "out_of_scope"


def test_yes_to_an_offer_gives_the_detail_and_closes_it():
    reply = reply_to_offer(True, State(pending_offer="reps"))
    assert texts(reply) == [answers.ANSWERS["reps"].detail]
    assert reply.updates == {"pending_offer": None}


def test_no_to_an_offer_closes_it_politely():
    reply = reply_to_offer(False, State(pending_offer="reps"))
    assert texts(reply) == [answers.ANYTHING_ELSE]
    assert reply.updates == {"pending_offer": None}


def test_yes_or_no_with_nothing_offered():
    assert texts(reply_to_offer(True, State())) == [answers.ACKNOWLEDGE_YES]
    assert texts(reply_to_offer(False, State())) == [answers.ANYTHING_ELSE]


def test_tell_me_more_uses_the_last_topic_when_nothing_is_offered():
    assert texts(expand(State(last_topic="rest"))) == [answers.ANSWERS["rest"].detail]
    assert texts(expand(State())) == [answers.NOTHING_TO_EXPAND]
    assert texts(expand(State(last_topic="medical"))) == [answers.NOTHING_TO_EXPAND]


@pytest.mark.parametrize(
    ("intent", "entities", "expected"),
    [
        ("greet", [], "greet"),
        ("goodbye", [], "goodbye"),
        ("ask_hold", [], "ask_hold"),
        ("ask_hold", [{"entity": "other_exercise", "value": "plank"}], "out_of_scope"),
        ("ask_benefits", [{"entity": "medication", "value": "advil"}], "ask_medical"),
        ("ask_progression", [{"entity": "medical_test", "value": "x-ray"}], "ask_medical"),
        ("pain", [{"entity": "medication", "value": "ibuprofen"}], "pain"),
        ("pain", [{"entity": "other_exercise", "value": "squats"}], "pain"),
        ("thank", [{"entity": "medication", "value": "tablets"}], "thank"),
    ],
)
def test_entity_rules_correct_only_where_they_apply(intent, entities, expected):
    assert corrected_intent(intent, entities) == expected


def test_medicine_named_gets_the_medical_answer():
    entities = [{"entity": "medication", "value": "advil"}]
    reply = answer_question("ask_benefits", entities, State(disclaimer_given=True))
    assert texts(reply) == [answers.ANSWERS["medical"].short]


@pytest.mark.parametrize(
    "text", ["这个练习怎么做", "Как делать это упражнение?", "كم مرة", "練習 10 回"]
)
def test_text_in_another_script_is_not_english(text):
    assert written_in_another_script(text)
    assert corrected_intent("ask_reps", [], text) == "nlu_fallback"


@pytest.mark.parametrize("text", ["how many reps", "¿Cuántas repeticiones?", "👍", "", "café"])
def test_latin_text_emoji_and_digits_are_left_to_the_classifier(text):
    assert not written_in_another_script(text)
    assert corrected_intent("ask_reps", [], text) == "ask_reps"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("7", True),
        ("that's four", True),
        ("number 12", True),
        ("twelve done", True),
        ("7/10", False),
        ("seven out of ten", False),
        ("done", False),
        ("one more set then", False),
        ("I did 10", False),
    ],
)
def test_a_bare_count_is_a_rep(text, count):
    assert (corrected_intent("deny", [], text) == "count_rep") is count


PAIN_AND_PLACE = [
    {"entity": "pain_word", "value": "hurting"},
    {"entity": "body_part", "value": "knees"},
]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("kneeling is hurting my knees", "pain"),
        ("why do my knees hurt when I kneel", "ask_start_position"),
        ("my knees hurt, should I use a mat?", "ask_start_position"),
        ("my knees have hurt for years would these help", "ask_start_position"),
        ("knees hurting, will leg lifts do anything for them", "ask_start_position"),
        ("my knees hurt and this exercise helps", "pain"),
        ("my knees hurt when I kneel, should I use a cushion", "ask_start_position"),
        ("my knees hurt at the top of the lift, why", "ask_start_position"),
        ("if my knees hurt do I stop", "ask_start_position"),
        ("my knees hurt so I stopped", "pain"),
        ("my knees are hurting and I can feel it now", "pain"),
        ("my knees hurt, is that normal", "pain"),
    ],
)
def test_a_statement_that_something_hurts_is_a_pain_report(text, intent):
    assert corrected_intent("ask_start_position", PAIN_AND_PLACE, text) == intent


SHARP_HIP = [
    {"entity": "pain_kind", "value": "sharp stab"},
    {"entity": "body_part", "value": "hip"},
]


@pytest.mark.parametrize(
    ("classified", "entities", "expected"),
    [
        ("out_of_scope", SHARP_HIP, "pain"),  # a kind of pain in a place: a pain report
        ("ask_form", SHARP_HIP, "pain"),
        (
            "out_of_scope",
            [*SHARP_HIP, {"entity": "other_exercise", "value": "squats"}],
            "out_of_scope",
        ),
    ],
)
def test_a_kind_of_pain_in_a_place_is_a_pain_report(classified, entities, expected):
    assert (
        corrected_intent(classified, entities, "left hip gives a sharp stab when i lift")
        == expected
    )


def test_a_medicine_named_in_a_progress_question_makes_it_medical():
    advil = [{"entity": "medication", "value": "advil"}]
    assert corrected_intent("ask_progress", advil, "should i pop an advil first") == "ask_medical"


def test_a_question_about_the_exercise_follows_the_same_rules():
    assert corrected_intent("faq", PAIN_AND_PLACE, "kneeling is hurting my knees") == "pain"
    squats = [{"entity": "other_exercise", "value": "squats"}]
    assert corrected_intent("faq", squats, "how many reps of squats", "reps_per_set") == (
        "out_of_scope"
    )
    running = [{"entity": "other_exercise", "value": "running"}]
    assert corrected_intent("faq", running, "should i warm up before running", "warm_up") == "faq"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("right, I'll try them at the weekend", "deny"), ("probably tomorrow then", "deny"),
     ("gonna do my leg lifts later on", "deny"), ("can I do them later?", "faq"),
     ("how much later can I do them", "faq")],
)  # fmt: skip
def test_putting_it_off_is_no_question_for_the_answer_selector(text, expected):
    assert corrected_intent("faq", [], text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my calves ache after, stretch or rest", "faq"),
        ("my hamstring is sore afterwards, heat or cold", "faq"),
        ("my hamstring is sore afterwards", "pain"),
        ("my back hurts on the left or right side", "pain"),
    ],
)
def test_a_choice_asked_after_a_pain_statement_is_a_question(text, expected):
    entities = [{"entity": "pain_word", "value": "sore"}, {"entity": "body_part", "value": "back"}]
    assert corrected_intent("faq", entities, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "will this cure my back pain for good",
        "would these help my sore back",
        "where should my back feel sore after these",
    ],
)
def test_a_question_opened_by_any_auxiliary_is_no_pain_report(text):
    assert corrected_intent("faq", PAIN_AND_PLACE, text) == "faq"


@pytest.mark.parametrize(
    ("classified", "text", "answer_key", "expected"),
    [
        ("feel_worse", "my back aches more since i upped the reps", "pain_when_adding_reps", "faq"),
        ("faq", "it hurts now that i've added a set", "pain_when_adding_reps", "faq"),
        # no extra work named: a report, whatever the selector read
        ("faq", "my back hurts more today", "pain_when_adding_reps", "pain"),
        # the selector read something else: the report stands
        ("faq", "my back hurts since i increased the reps", "reps_per_set", "pain"),
    ],
)
def test_pain_put_down_to_more_reps_gets_that_answer(classified, text, answer_key, expected):
    assert corrected_intent(classified, PAIN_AND_PLACE, text, answer_key) == expected


def test_a_red_flag_wins_over_the_more_reps_answer():
    text = "since i went up to 20 reps my legs are numb and i can't control my bladder"
    assert corrected_intent("faq", PAIN_AND_PLACE, text, "pain_when_adding_reps") == "red_flag"


def test_more_reps_named_without_since_still_counts():
    text = "i pushed it to 18 reps and now my back is hurting"
    assert corrected_intent("faq", PAIN_AND_PLACE, text, "pain_when_adding_reps") == "faq"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("worn out, can i take a breather?", "faq"),
        ("so tired, is it ok to rest a minute", "faq"),
        ("my leg is wobbling, should i push through", "faq"),
        ("exhausted, could i just stop for a bit", "faq"),
        ("need a quick pause?", "faq"),
        ("these are far too hard for me", "too_hard"),
        ("i run out of steam halfway through", "too_hard"),
        ("i have to stop after five", "too_hard"),
    ],
)
def test_asking_for_a_break_is_a_question_never_a_change_of_plan(text, expected):
    assert corrected_intent("too_hard", [], text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ty", "thank"),
        ("Thx!", "thank"),
        ("nite", "goodbye"),
        ("byeee", "goodbye"),
        ("hiii", "greet"),
        ("y", "affirm"),
        ("n", "deny"),
        ("ok", "count_rep"),  # not a short form: left to the classifier
        ("later", "count_rep"),  # "later" to an offer puts it off, no goodbye
        ("hi, how long do i hold it", "count_rep"),
        ("seven", "count_rep"),
    ],
)
def test_a_chat_short_form_alone_is_read_by_the_word_list(text, expected):
    assert corrected_intent("count_rep", [], text) == expected


@pytest.mark.parametrize(
    ("classified", "text", "expected"),
    [
        ("too_hard", "it isn't hard enough for me now", "too_easy"),
        ("too_hard", "my glutes aren't working hard enough", "too_easy"),
        ("too_hard", "i'm not even getting tired", "too_easy"),
        ("too_hard", "hardly a challenge now", "too_easy"),
        ("too_hard", "no longer tough at all", "too_easy"),
        ("too_easy", "it's not that easy for me", "too_hard"),
        ("too_easy", "i can hardly lift it once", "too_hard"),
        ("too_hard", "these are not too hard, just right", "too_hard"),
        ("too_hard", "i can't do these, they're too tough", "too_hard"),
        ("too_easy", "the sets are too easy", "too_easy"),
        ("faq", "is it not hard enough if i only do ten", "faq"),
        ("too_easy", "i don't feel ready for the next level yet", "stay_level"),
        ("too_easy", "not quite ready to move up", "stay_level"),
        ("too_easy", "ready for the next level", "too_easy"),
    ],
)
def test_difficulty_said_through_a_negation_is_turned_round(classified, text, expected):
    assert corrected_intent(classified, [], text) == expected


@pytest.mark.parametrize(
    ("text", "answer", "expected"),
    [
        ("sorry, how long did you say the hold was again", "how_long_to_hold", "faq"),
        ("what's the rest between sets again", "rest_between_sets", "faq"),
        ("how many reps was it again", "reps_per_set", "faq"),
        ("i'll stay at this level again", "progression", "stay_level"),
        ("keep it the same as last time", "progression", "stay_level"),
    ],
)
def test_a_what_or_how_question_read_as_staying_at_the_level_gets_its_answer(
    text, answer, expected
):
    assert corrected_intent("stay_level", [], text, answer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how long should i leave between sessions usually", "gap_between_sessions"),
        ("what gap do I need", None),
        ("how long between the sets", "rest_between_sets"),
        ("how long do i rest between sessions", None),
        ("how long do i wait", None),
    ],
)
def test_a_question_that_names_one_reading_in_its_own_words_picks_it(text, expected):
    from coach.conversation import named_among

    readings = (("rest_between_sets", 0.4), ("gap_between_sessions", 0.35))
    assert named_among(text, readings) == expected


@pytest.mark.parametrize(
    "said",
    [
        "lower back a touch sore but ok",
        "knee still a little tender",
        "glutes mildly achy, same as before",
    ],
)
def test_a_mild_ache_said_calmly_is_a_pain_report(said):
    assert conversation.rule_verdict("feel_fine", [], said) == "pain"


@pytest.mark.parametrize(
    "said",
    ["my back feels fine", "no soreness in my hip", "knees don't hurt at all", "feeling good"],
)
def test_fine_without_an_ache_stays_fine(said):
    assert conversation.rule_verdict("feel_fine", [], said) is None


@pytest.mark.parametrize(
    ("text", "correction"),
    [
        ("take it away", True),
        ("take that one off", True),
        ("no need for the saturday reminder now, take it away", False),
        ("that message was a mistake, take it back", False),
    ],
)
def test_taking_away_a_reminder_or_a_message_is_no_rep_taken_back(text, correction):
    assert conversation.corrects_a_count(text) is correction

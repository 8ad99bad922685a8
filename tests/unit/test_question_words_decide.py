"""Questions whose own words settle the answer, whatever scene comes with them (issue 16,
the kinds set dd showed): setting up before the lift, going higher than level, a break
when tired, the next step at the top of the range, a back ache asked about, and other
training asked for."""

import pytest

from coach import answers, conversation, numbers, vocabulary

YOGA = [{"entity": "other_exercise", "value": "yoga"}]
ACHE = [{"entity": "pain_word", "value": "achy"}, {"entity": "body_part", "value": "lower back"}]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # The scene (age, a lost sheet, a back history) comes first; the question decides.
        (
            "I'm 61 and the leaflet went in the bin. My hip's been iffy. How do I set myself up?",
            "starting_position",
        ),
        ("where am i supposed to set up before lifting", "starting_position"),
        ("how do I set up the band", None),  # setting up a thing is not the position
        ("how do i set up a reminder", None),
        ("can I take the leg past level if I'm bendy from gymnastics?", "how_high_to_lift"),
        ("is lifting above my hips better for a stretch", "how_high_to_lift"),
        ("worn out a few reps in, can I pause for a moment?", "breaks_when_tired"),
        ("can I stop for a bit?", None),  # no tiredness said: the selector decides
        ("I can do 3 sets of 25 easily, what now?", "harder_variations"),
        ("what comes next after twenty a side", "harder_variations"),
        ("what comes next after 2 sets of 10", "the_build_up_target"),  # below the top
        ("week three now, whats next", None),  # no rep count said: the selector decides
        # the pelvis turned for height: its own words now settle the pelvis answer
        (
            "is it ok if my hips turn so the leg gets higher than my back",
            "keeping_the_pelvis_still",
        ),
        ("should I push the leg higher even if it's hard", "how_high_to_lift"),
        ("a whole minute of rest between every lift, really?", "rest_between_sets"),
        ("do I lock out my knee or keep a slight bend", "knee_straight"),
        (
            "the bent-knee version is fine now, when can I go to a straight leg",
            "from_bent_to_straight_leg",
        ),
        ("my hip gets sore when I add extra reps, what now", "pain_when_adding_reps"),
        ("no pain at all when I add extra reps, what now", None),
        ("my meniscus repair was in May, are these ok for me", "after_knee_surgery"),
    ],
)
def test_the_questions_own_words_settle_its_answer(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("my low back has been achy for a month from driving, would these sort it out?", True),
        ("my low back is achy, can I still do them?", False),  # whether to exercise: a report
    ],
)
def test_asking_if_it_sorts_out_a_back_ache_gets_the_low_back_answer(text, answered):
    verdict = conversation.rule_verdict("faq", ACHE, text, "other_names")
    assert (verdict == conversation.QUESTION_INTENT) is answered
    assert conversation.condition_answer(ACHE, "other_names") == "low_back_pain"


@pytest.mark.parametrize(
    ("text", "entities", "answer", "off_topic"),
    [
        ("what's a decent yoga class for stiff people?", YOGA, "clothing", True),
        ("which yoga mat is best", YOGA, "mat", False),  # no routine asked for
        ("can I do a yoga class after these?", YOGA, "with_other_exercise", False),
        ("good stretches for a stiff neck", [], "stretching_afterwards", True),
        ("good stretches for after the leg lifts", [], "stretching_afterwards", False),
    ],
)
def test_other_training_asked_for_is_out_of_scope(text, entities, answer, off_topic):
    verdict = conversation.rule_verdict("faq", entities, text, answer)
    assert (verdict == "out_of_scope") is off_topic


def test_other_training_asked_for_gets_the_other_exercise_redirect():
    state = conversation.State(disclaimer_given=True)
    asked = conversation.answer_question("out_of_scope", [], state, text="stretches for my calves?")
    assert "only coach" in asked.messages[0].text
    other = conversation.answer_question("out_of_scope", [], state, text="tell me a joke")
    assert other.messages[0].text != asked.messages[0].text


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # A beginner asking for the whole exercise in plain words: how to do it.
        ("never been to a gym in my life, describe it simply please", "how_to_do_it"),
        ("talk me through it like I'm a kid", "how_to_do_it"),
        # As high as possible is the lift height; not reaching level is the smaller lift.
        ("do I raise it as far as it goes?", "how_high_to_lift"),
        ("I cannot get my foot up to level with my hips", "smaller_lift"),
        ("I can't lift it as high as you said", "smaller_lift"),
        # The body turning to a side with the lift: the pelvis, not the speed.
        ("my hips keep tipping over to the left when I raise my leg", "keeping_the_pelvis_still"),
        ("my torso rotates sideways each lift", "keeping_the_pelvis_still"),
        # A whole session asked for, start to end: the session plan.
        ("what does a normal session involve", "first_session"),
        ("run me through a workout from beginning to end", "first_session"),
        # A long-standing back of one's own, worth it or not: the low back pain answer.
        ("I've got a dodgy lower back for years now, will this do anything?", "low_back_pain"),
        ("no back problems, I just want to prevent them, worth it?", None),
        # An operation a few weeks ago, allowed yet: the surgeon's plan first.
        ("my hip was replaced in spring, can I do these yet", "after_hip_replacement"),
        ("shoulder operation four weeks ago, am I allowed to start?", "after_surgery"),
        ("I had spinal surgery last month, is it safe yet?", "after_back_surgery"),  # the back's
    ],
)
def test_the_kinds_set_ff_showed_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    "text", ["how do I do side lying leg raises", "how do you do a side-lying leg lift"]
)
def test_side_lying_leg_raises_are_another_exercise(text):
    other = [{"entity": "other_exercise", "value": "side lying leg raises"}]
    assert conversation.names_another_exercise("faq", other, "how_to_do_it")
    assert vocabulary.canonical("other_exercise", text.split("do ")[-1].removeprefix("a ")) == (
        "side-lying leg raises"
    )


@pytest.mark.parametrize(
    ("intent", "text", "verdict"),
    [
        ("missed_sessions", "never worked out before, explain this in plain english", "faq"),
        ("missed_sessions", "I missed two sessions last week", None),
    ],
)
def test_a_beginner_asking_it_explained_simply_is_a_question(intent, text, verdict):
    assert conversation.rule_verdict(intent, [], text, None) == verdict


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # How many days or times a week: the sessions a week, not how long one takes.
        ("roughly how many days per week do people do these", "sessions_per_week"),
        ("how often am I meant to fit these in each week", "sessions_per_week"),
        ("how often do I do the lifts", "sessions_per_week"),
        ("how often should I breathe in", None),  # not the schedule
        ("how many times do I lift the right leg", None),  # reps, not a week
        # Higher counted as better: how high to lift, not the reps.
        ("the higher the leg goes the better, yeah?", "how_high_to_lift"),
        ("so is higher better?", "how_high_to_lift"),
        # A step up asked for with a dose in the starting range: the build-up, even
        # with a good morning after said too.
        ("3x12 for ten days, no pain the next day, can I step up now?", "the_build_up_target"),
        ("sets of eleven feel fine, ready to progress?", "the_build_up_target"),
        ("no pain the next morning, is that a good sign?", "no_pain_the_next_day"),
    ],
)
def test_the_kinds_set_gg_showed_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "off_topic"),
    [
        ("which pillow would you suggest for a stiff neck and back", True),
        ("what's the best office chair if I sit all day", True),
        ("should I put a pillow under my hips for the lift?", False),
        ("is a soft mattress fine to do these on", False),
    ],
)
def test_a_product_asked_for_is_off_topic(text, off_topic):
    verdict = conversation.rule_verdict("faq", [], text, "low_back_pain")
    assert (verdict == "out_of_scope") is off_topic
    if off_topic:
        reply = conversation.answer_question("out_of_scope", [], conversation.State(), text=text)
        assert reply.messages[0].response == "utter_off_topic_sleep"


@pytest.mark.parametrize(
    "text",
    ["where would I find a chiropractor locally", "how can I book an appointment with a GP"],
)
def test_finding_a_clinician_gets_the_redirect(text):
    assert conversation.rule_verdict("faq", [], text, "doing_it_alone") == "out_of_scope"


@pytest.mark.parametrize(
    "text", ["start a countdown for thirty seconds", "can you play me some songs"]
)
def test_a_device_job_is_out_of_scope_whatever_the_classifier_read(text):
    for intent in ("red_flag", "faq", "nlu_fallback"):
        assert conversation.rule_verdict(intent, [], text, None) == "out_of_scope"
    reply = conversation.answer_question("out_of_scope", [], conversation.State(), text=text)
    assert reply.messages[0].text == answers.DEVICE_JOBS


@pytest.mark.parametrize(
    ("text", "answer", "off_topic"),
    [
        # Stretches for another part, whatever words come between, and whichever
        # answer the selector leaned to.
        ("which stretching routine is best for stiff quads", "hamstrings_and_thighs", True),
        ("any stretches that will help my tight calves", "muscles_worked", True),
        ("a stretch to loosen my shoulders?", "stretching_afterwards", True),
        ("what stretches should I do once I've finished the leg lifts", "stretching_afterwards",
         False),
    ],
)  # fmt: skip
def test_stretches_for_another_part_are_other_training(text, answer, off_topic):
    verdict = conversation.rule_verdict("faq", [], text, answer)
    assert (verdict == "out_of_scope") is off_topic


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # Where the knees go: the start position places them.
        ("should my knees be under my hips or further back", "starting_position"),
        ("how far apart do the knees go, hip-width?", "starting_position"),
        # A reminder of the reps asked after a long story: the reps.
        ("my physio's note is smudged now and I forgot how many", "reps_per_set"),
        ("I can't remember how many sets", None),  # the sets: the selector decides
    ],
)
def test_the_kinds_set_hh_showed_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "ranked", "answer"),
    [
        # The exercise's name said in passing: the rest of the question decides.
        ("a friend told me prone hip extensions would ease it, right?", ["other_names"],
         "low_back_pain"),
        ("my physio gave me prone SLRs, how slowly do I go", ["other_names", "speed"], "speed"),
        # A question about the names keeps the names answer.
        ("is a prone hip extension the same as this", ["other_names", "speed"], None),
        ("what else is it called", ["other_names", "speed"], None),
    ],
)  # fmt: skip
def test_the_other_names_answer_is_only_for_a_question_about_names(text, ranked, answer):
    assert conversation.answer_beyond_a_passing_word(text, ACHE, ranked, ranked[0]) == answer


@pytest.mark.parametrize(
    ("text", "ranked", "answer"),
    [
        # A grandchild or a family event said, no age: the selector's next reading.
        ("how long should I rest, I'm training for my grandson's christening", ["age", "speed"],
         "speed"),
        # An age or an older person said keeps the age answer.
        ("can my grandad do these at 88?", ["age", "speed"], None),
        ("are these ok for older people", ["age", "speed"], None),
    ],
)  # fmt: skip
def test_the_age_answer_is_only_for_an_age_asked_about(text, ranked, answer):
    assert conversation.answer_beyond_a_passing_word(text, [], ranked, ranked[0]) == answer


@pytest.mark.parametrize(
    ("intent", "text", "verdict"),
    [
        ("faq", "is ibuprofen ok to have first so the exercise is easier", "ask_medical"),
        ("faq", "should I have some co-codamol beforehand", "ask_medical"),
        ("pain", "which mattress is best for a bad back", "out_of_scope"),
        ("pain", "best mattress for my back? it hurts right now", None),  # pain said now
        ("nlu_fallback", "hello, how are you doing?", "greet"),
        ("deny", "how's things", "greet"),
        ("faq", "how are you meant to breathe", None),
    ],
)
def test_medicine_products_and_small_talk_get_their_replies(intent, text, verdict):
    assert conversation.rule_verdict(intent, [], text, "no_pain_the_next_day") == verdict


def test_small_talk_gets_the_greeting_not_a_misread_answer():
    from tests.unit.chat import Chat

    readings = (("how_to_do_it", 0.7), ("speed", 0.1))
    said = Chat().say("greet", "how's your day going?", selector_readings=readings)
    assert answers.GREETING in said
    asked = Chat().say("greet", "how long do I hold it?", selector_readings=readings)
    assert answers.GREETING not in asked  # a question misread as a greeting is answered


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # A count of sessions a week asked about: the sessions a week, not the reps.
        ("would 4 days a week be fine with my rota", "sessions_per_week"),
        ("only once a week, any use?", "sessions_per_week"),
        ("could I do three sessions per week", "sessions_per_week"),
        ("is doing them twice weekly alright", "sessions_per_week"),
        ("can I do 12 reps twice", None),  # reps, no week
        ("12 weeks after my op, ok?", None),  # weeks since, not a week's sessions
        ("I swim twice a week, is that enough cardio", None),  # another sport's schedule
        ("I only cycle to work 3 times a week, will this help", None),
        ("just twice a week, enough?", "sessions_per_week"),
        # The kinds that kept the older sets where they were after retraining.
        ("glutes or stomach, which one do I tighten", "tummy_squeeze"),
        ("should there be a minute's rest after each lift?", "rest_between_sets"),
        ("my hip aches after long walks, would this suit me", "hip_pain"),
        ("my hip was replaced in june, would this suit me", "after_hip_replacement"),
        ("could I do these over a stability ball", "ball_variation"),
        # A baby born: the postnatal answer, unless a pregnancy is said.
        ("good for mums? I had my first baby in spring", "postnatal"),
        ("three months postpartum, ok to start", "postnatal"),
        ("is it ok after a c-section", "postnatal"),
        # (a pregnancy said is now settled by its words: the pregnancy answer, s37g)
        ("I'm pregnant again and had a baby last year, is it safe", "pregnancy"),
    ],
)
def test_the_kinds_set_jj_showed_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("intent", "text", "verdict"),
    [
        # Why a form cue matters, or whether it's needed: a question about that cue.
        ("out_of_scope", "do I honestly have to brace my belly, so much to remember", "faq"),
        ("out_of_scope", "what's the point of a flat back here", "faq"),
        ("nlu_fallback", "is pointing the toes really needed", "faq"),
        ("out_of_scope", "do I need to do core exercises too", None),  # other training
        ("out_of_scope", "why is the sky blue", None),
        # Tired and asking for a rest; gear for another sport; a pet's doings.
        ("out_of_scope", "shattered after four, could I rest a moment", "faq"),
        ("faq", "good hiking boots for wide feet?", "out_of_scope"),
        ("faq", "my puppy chews everything, any advice?", "out_of_scope"),
        ("faq", "my dog lies on the mat when I'm on all fours, tips?", None),  # the exercise
    ],
)
def test_the_kinds_set_jj_showed_get_their_verdict(intent, text, verdict):
    assert conversation.rule_verdict(intent, [], text, None) == verdict


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # Why a cue is needed, with a reason after it: that cue's answer, which says why.
        ("why must I tighten my belly when only the leg moves?", "tummy_squeeze"),
        ("why do I need to keep my back flat, nobody else bothers", "back_position"),
        ("why do I have to point my toes, seems fussy", "toes"),
        ("do I need to brace my tummy even though my back hurts", None),  # pain decides
        # Age said with a number or as too old / too young: the age answer, whatever else.
        ("I'm 82 and do gardening every day, am I too old to start these?", "age"),
        ("my granddaughter is 9, too young for this?", "age"),
        ("I'm 74, is it safe for me to do these?", "age"),
        ("I'm 12 reps in, is it okay to stop?", None),  # reps, not an age
        ("what's a healthy heart rate at my age", None),  # nothing of the exercise
        # Another sport's schedule told, not sessions asked about.
        ("no aches at all, I only play seven-a-side once a week, worth it?", None),
    ],
)
def test_the_kinds_set_kk_showed_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("intent", "text", "verdict"),
    [
        # A noise in a part the exercise does not concern: the doctor or physio.
        ("faq", "my elbow makes a grinding noise when I straighten it, what causes that?",
         "ask_medical"),
        ("faq", "why do my fingers crack so much", "ask_medical"),
        ("faq", "my jaw pops when I yawn, is that bad?", "ask_medical"),
        ("faq", "my knee clicks on the way up, why is that", None),  # the exercise's own part
        ("faq", "my shoulder clicks while doing the leg lifts, is that ok", None),  # the exercise
        # An age and a pet in one message: the age question, not an everyday one.
        ("faq", "I'm 80, too old for this? I still take the dog out twice a day", None),
    ],
)  # fmt: skip
def test_the_kinds_set_kk_showed_get_their_verdict(intent, text, verdict):
    assert conversation.rule_verdict(intent, [], text, None) == verdict


def test_asked_if_a_person_is_there_the_coach_says_it_is_automated():
    reply = conversation.answer_question("ask_capabilities", [], conversation.State())
    said = reply.messages[0].text
    assert "automated" in said and "not a person" in said
    assert answers.CAPABILITIES in said  # then what it does


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("no aches, I play 11-a-side on Sundays, good to do these?", None),  # a team game
        ("no pain, just five-a-side on Thursdays", None),
        ("pain is a 5 after my six-a-side game", 5),  # the score still said
    ],
)
def test_a_team_games_size_is_no_pain_score(text, score):
    assert numbers.read_pain_score(text) == score


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # Questions a less sure selector split between two answers: the words settle them.
        (
            "could these help with preventing injuries, I do 7 a side on Mondays",
            "injury_prevention",
        ),
        ("is a curved or straight spine right for this", "back_position"),
        ("is a 20 seconds hold better, I want results faster", "how_long_to_hold"),
        ("I hold 3 seconds, how many reps then", None),  # a hold said, not weighed up
        ("how much discomfort is acceptable with these", "how_much_pain_is_ok"),
        ("what will my soreness be like tomorrow morning", "soreness_the_next_day"),
        ("any pointers for getting the form right", "form_tips"),
        ("will it improve my posture at the desk", "posture"),
        ("how should I raise my leg, exactly", "the_lift"),
        ("how do I raise my leg higher", "how_high_to_lift"),  # the height, not the movement
        ("will this target my bum", "glutes"),
        # Pain with more reps, hedged ("not awful") or as a twinge: still that pain.
        (
            "pushed from 10 up to 14 and my back twinges now, not awful, back off?",
            "pain_when_adding_reps",
        ),
        ("upped it to 18, didnt hurt, should i add weight", None),  # pain denied
    ],
)
def test_answers_a_less_sure_selector_split_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # More sets or reps weighed up, a family event said too: the dose, not the age answer.
        ("is 4 sets better than 2 if I want results quicker for my son's graduation?",
         "number_of_sets"),
        ("would doing more reps be better?", "number_of_sets"),
        ("are 6 reps enough when starting out?", None),  # a starting dose, left to the selector
        ("I'm 75, is this safe for me?", "age"),  # an age asked about still gets its answer
        # What pain is allowed, asked as a level or a score: the answer with the bands.
        ("which pain score is fine while lifting?", "how_much_pain_is_ok"),
        ("what level of pain is ok during the reps?", "how_much_pain_is_ok"),
        # Why it is set at all: the benefits, not the muscles worked.
        ("why has my doctor got me doing these?", "benefits"),
        ("what is the point of doing these leg lifts", "benefits"),
        ("why squeeze my tummy, what's the point of it?", "tummy_squeeze"),  # a cue's why
    ],
)  # fmt: skip
def test_the_kinds_set_ll_showed_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # A skin or body thing to look at: the doctor or pharmacist, never a diagnosis.
        ("could you check this lump on my thigh", "ask_medical"),
        ("what's this rash on my neck", "ask_medical"),
        ("what's a good spot to do them", None),
        ("my knee swelling hurts, what is it", None),  # pain: the pain steps ask how bad
    ],
)  # fmt: skip
def test_the_kinds_set_ll_showed_get_their_verdict(text, verdict):
    assert conversation.rule_verdict("nlu_fallback", [], text, None) == verdict


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # A yes/no question about doing a cue gets that cue's answer.
        ("should I brace my abs before the leg goes up", "tummy_squeeze"),
        ("is my pelvis meant to stay level throughout", "keeping_the_pelvis_still"),
        ("must the knee be kept straight", "knee_straight"),
        ("do I start on my tummy", "starting_position"),  # lying on it is no squeeze
        ("can't keep my hips level, can I still do these?", None),  # a can't, no question
        # Lowering fast is the slow-lowering answer, not an easier version.
        ("is it fine to let my legs flop back down", "lowering_the_leg"),
        ("could I lower it fast to save time", "lowering_the_leg"),
        # Rounds, lots and goes counted are sets; a week's count is the schedule's.
        ("how many lots per session", "number_of_sets"),
        ("how many goes should I be having", "number_of_sets"),
        ("how many rounds a week", None),
        ("how many goes per side", None),  # goes on a leg are reps
        ("may I have a go with the knee straight yet", None),  # the step from the bent knee
        # A name written down, asked whether it is this exercise: the other names.
        ("the handout lists PHE, is it the same thing", "other_names"),
    ],
)
def test_the_kinds_set_mm_showed_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("intent", "text", "verdict"),
    [
        # Another part's injury, asked how to treat: the doctor or pharmacist.
        ("nlu_fallback", "best way to heal a jarred thumb?", "ask_medical"),
        ("faq", "how should I look after a pulled calf", "ask_medical"),
        ("faq", "can I do the lifts with a strained wrist?", None),  # the exercise decides
        ("faq", "had a torn hamstring in spring, is this ok for me", None),  # no treatment asked
        ("faq", "how do I heal a strained wrist", None),  # the wrists the exercise leans on
        # A pet's own body is beyond the coach; the user's own body is theirs to tell.
        ("faq", "our cat has gone lame on her hind leg, any ideas", "out_of_scope"),
        ("faq", "the puppy chewed his paw, what now", "out_of_scope"),
        ("faq", "my dog's limping and my back is stiff from carrying him", None),
    ],
)
def test_the_kinds_set_mm_showed_get_their_verdict(intent, text, verdict):
    assert conversation.rule_verdict(intent, [], text, None) == verdict


STIFF_SHOULDER = [
    {"entity": "pain_word", "value": "stiff"},
    {"entity": "body_part", "value": "shoulder"},
]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # Which way up, asked as a doubt: the start position (hands and knees, facing down).
        ("face down or face up for these?", "starting_position"),
        ("hmm which way round do I go, on my front?", "starting_position"),
        ("do I lie on my side for this one?", "starting_position"),
        ("lying on my back makes my hip sore, is that ok?", None),  # pain said: not the start
        ("could I go on my front rather than on all fours?", "lying_face_down_version"),
        # The head raised for a tool or an aim: the head and neck cue.
        ("can I tilt my chin up to follow the video on my tablet?", "neck_and_head"),
        ("is it ok looking at my phone while lifting?", "neck_and_head"),
        ("do I need a mirror to check my form?", None),  # no head cue asked: the selector
        # A score asked about: how much pain is ok (the thresholds), not the dose.
        ("would a 3 out of 10 be fine?", "how_much_pain_is_ok"),
        ("what about 6/10?", "how_much_pain_is_ok"),
        ("is a 5 too much?", "how_much_pain_is_ok"),
        ("is 5 mild or moderate", None),  # the scale's question
        # Pain denied with the next step at the top: the harder versions.
        ("twenty a side, pain free for a month, what now?", "harder_variations"),
        ("zero soreness adding extra reps, what now", None),  # no pain, so no pain answer
        # The conditions it is given for, asked: who it is for, not the benefits.
        ("which sorts of injuries are these lifts meant for", "who_it_is_for"),
        ("what conditions could doing it wrong cause", None),
    ],
)
def test_the_kinds_set_nn_showed_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("intent", "text", "entities", "verdict"),
    [
        # A "what next" at the top with pain denied is a question, however it was read.
        ("too_easy", "2 sets of 20 with no pain at all, where next?", [], "faq"),
        ("pain", "3x20 and zero pain, what next", [], "faq"),
        ("pain", "3x20 but it hurts now, what next", [], None),  # pain said: a report
        # Stretches for another part, read as pain: other training, out of scope.
        ("pain", "what stretch is good for a stiff shoulder", STIFF_SHOULDER, "out_of_scope"),
        ("pain", "stiff shoulder and it's agony, a stretch for it?", STIFF_SHOULDER, None),
        ("out_of_scope", "best stretch for a stiff shoulder", STIFF_SHOULDER, "out_of_scope"),
    ],
)
def test_the_kinds_set_nn_showed_get_their_verdict(intent, text, entities, verdict):
    assert conversation.rule_verdict(intent, entities, text, None) == verdict


HIP_ACHE = [{"entity": "pain_word", "value": "aches"}, {"entity": "body_part", "value": "hip"}]


@pytest.mark.parametrize(
    "text",
    [
        "my hip aches after I walk loads, is it worth doing?",
        "hip gets achy when I stand much, would these be any use",
    ],
)
def test_a_condition_asked_any_use_is_a_question_on_it(text):
    assert conversation.asks_if_it_suits_a_condition("pain", text, None, HIP_ACHE)


@pytest.mark.parametrize(
    "text",
    [
        "can you reboot the modem for me",
        "my laptop keeps dropping the wifi, how do I fix it",
        "help me reset my email password",
    ],
)
def test_a_gadget_to_fix_is_a_device_job_not_the_rest_answer(text):
    assert conversation.rule_verdict("faq", [], text, "rest_between_sets") == "out_of_scope"
    reply = conversation.answer_question("out_of_scope", [], conversation.State(), text=text)
    assert reply.messages[0].text == answers.DEVICE_JOBS


@pytest.mark.parametrize("text", ["reset my count", "restart the session", "fix my form"])
def test_session_words_with_fix_or_reset_are_no_device_job(text):
    assert conversation.rule_verdict("faq", [], text, None) != "out_of_scope"


@pytest.mark.parametrize("text", ["PSLR?", "phe???", "  hip extension ?", "straight leg raises??"])
def test_another_name_alone_with_question_marks_is_the_other_names_answer(text):
    assert conversation.answer_named_by_words(text) == "other_names"
    # whatever DIET read in a string of letters, it is a question about the names
    assert conversation.rule_verdict("nlu_fallback", [], text, "standing_version") == "faq"


@pytest.mark.parametrize("text", ["slr", "PHE is it hard?", "prone leg lift?"])
def test_a_name_with_more_words_or_none_asked_is_left_to_the_selector(text):
    assert conversation.answer_named_by_words(text) != "other_names"


@pytest.mark.parametrize(
    "text",
    [
        "my old handout got thrown away and I forget a lot these days, was it done on all"
        " fours or flat on my front?",
        "prone sounds like lying face down to me, is that how I do it",
        "face down on the floor or kneeling, which one?",
    ],
)
def test_a_doubt_between_kneeling_and_lying_is_the_start_position(text):
    assert conversation.answer_named_by_words(text) == "starting_position"


@pytest.mark.parametrize(
    "text",
    [
        "can I do it lying flat instead of kneeling",  # asks for the lying version
        "kneeling is sore, could I lie on my front",  # pain: the pain steps
    ],
)
def test_lying_asked_for_is_no_doubt_about_the_start(text):
    assert conversation.answer_named_by_words(text) != "starting_position"


@pytest.mark.parametrize(
    "text",
    [
        "would an acupuncturist or a physio be better for my wrist",
        "is it worth going to a podiatrist about my feet",
        "which is better for a stiff jaw, osteo or chiro",
    ],
)
def test_which_practitioner_for_another_part_is_the_medical_redirect(text):
    assert conversation.rule_verdict("faq", [], text, "neck_and_head") == "ask_medical"


@pytest.mark.parametrize(
    "text",
    [
        "could you find me a chiropractor for my neck",  # finding one: who can help find
        "should I see a physio for my shoulder pain",  # pain said: how bad it is first
        "should my physio check my hips before I do these",  # no other part
    ],
)
def test_finding_one_pain_or_this_exercise_is_no_practitioner_question(text):
    assert conversation.rule_verdict("faq", [], text, None) != "ask_medical"


def test_a_practitioner_already_seen_is_no_question_of_whom_to_see():
    text = "I see a physio for my shoulder already, can I still do this one?"
    assert conversation.rule_verdict("faq", [], text, None) != "ask_medical"

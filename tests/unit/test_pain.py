"""The pain model: reading a report, the bands (threshold as a setting), the ladder,
the article's "back to the comfortable number" rule and the next-morning check."""

import pytest

from coach import pain
from coach import protocol as p
from coach.pain import ACCEPTABLE, FINE, STOP, PainReport, Thresholds

DAY = 24 * 3600


def entity(name, value):
    return {"entity": name, "value": value}


@pytest.mark.parametrize(
    ("text", "entities", "severity"),
    [
        ("sharp pain in my hip, like a 7", [entity("number", "7")], 7),
        ("it's about a six", [], 6),
        ("maybe 4/10", [entity("pain_score", "4/10")], 4),
        ("seven out of ten", [entity("pain_score", "seven out of ten")], 7),
        ("3", [entity("number", "3")], 3),
        ("it's a bit sore", [entity("severity", "a bit")], 2),
        ("moderate", [], 5),
        ("really bad pain", [entity("severity", "really bad")], 8),
        ("my back hurts after 5 reps", [entity("number", "5")], None),
        ("my lower back twinges", [], None),
        ("I did 12 and it hurts", [entity("number", "12")], None),
        # A band said in so many words wins over a softer word picked up beside it.
        ("my knee is a bit sore, moderate I'd say", [entity("severity", "a bit")], 5),
        ("slightly achy, moderate really", [entity("severity", "slightly")], 5),
        ("a little twinge but moderate", [entity("severity", "a little")], 5),
        ("mild to moderate", [], 5),
        ("kind of severe, not just a bit", [entity("severity", "a bit")], 8),
        # A quantity of an activity says how much of it, not how bad the pain is.
        ("my knee aches when I stand a lot", [entity("severity", "a lot")], None),
        ("back twinges if I sit for a bit", [entity("severity", "a bit")], None),
        ("it hurts a lot when I run a lot", [entity("severity", "a lot")], 8),
    ],
)
def test_severity_is_read_from_numbers_scores_and_words(text, entities, severity):
    assert pain.read_severity(entities, text) == severity


def test_report_reads_location_side_kind_and_kneeling():
    report = pain.read_report(
        [entity("body_part", "Hip"), entity("side", "left"), entity("pain_kind", "stabbing")],
        "stabbing pain in my left hip",
    )
    assert (report.location, report.side, report.kind) == ("hip", "left", "sharp")
    knees = pain.read_report([entity("body_part", "knees")], "knees hurt on the floor")
    assert knees.from_kneeling
    assert pain.read_report([], "my back has hurt for three weeks now").for_weeks
    for text in (
        "it still hurts after a fortnight",
        "been doing them 3 weeks and my hip still aches",
        "two weeks later it still hurts",
    ):
        assert pain.read_report([], text).for_weeks, text
    assert not pain.read_report([], "my back hurts after the second set").for_weeks


@pytest.mark.parametrize(
    ("severity", "band"), [(0, FINE), (3, FINE), (4, ACCEPTABLE), (5, ACCEPTABLE), (6, STOP)]
)
def test_default_bands(severity, band):
    assert Thresholds().band(severity) == band


def test_threshold_is_a_setting():
    strict = Thresholds.from_env({"COACH_PAIN_STOP_ABOVE": "3"})
    assert strict.band(4) == STOP and strict.band(3) == FINE
    assert Thresholds.from_env({"COACH_PAIN_STOP_ABOVE": "eleven"}) == Thresholds()
    assert Thresholds.from_env({"COACH_PAIN_FINE_UP_TO": "8"}).fine_up_to == 5


def test_fine_reassures_with_a_cue_for_the_place_that_hurts():
    advice = pain.advise(PainReport(2, "lower back"), Thresholds(), level="standard")
    text = " ".join(advice.lines)
    assert advice.band == FINE and not advice.stop_set and advice.new_level is None
    assert "brace" in text.lower()
    hip = pain.advise(PainReport(1, "hip"), Thresholds(), level="standard")
    assert "pelvis level" in " ".join(hip.lines)


def test_acceptable_eases_off_in_a_session_and_checks_the_next_morning():
    advice = pain.advise(PainReport(5, "hip"), Thresholds(), level="standard", in_session=True)
    assert advice.band == ACCEPTABLE and advice.ease_off and advice.check_next_morning
    assert not advice.stop_set


def test_above_threshold_stops_the_set_and_steps_down_one_with_the_how_to():
    advice = pain.advise(PainReport(6, "lower back"), Thresholds(), level="standard")
    assert advice.stop_set and not advice.stop_session
    assert advice.new_level == "short_range"
    assert p.LEVELS[p.level_index("short_range")].how in " ".join(advice.lines)


def test_severe_stops_the_session_and_steps_down_two():
    advice = pain.advise(PainReport(8, "lower back"), Thresholds(), level="standard")
    assert advice.stop_session and advice.new_level == "bent_knee"


def test_the_ladder_has_a_floor():
    advice = pain.advise(PainReport(9), Thresholds(), level="prone_pillow")
    assert advice.new_level == "prone_pillow"


def test_pain_after_raising_reps_goes_back_to_the_comfortable_number():
    history = [
        {"level": "standard", "pain": [], "started_at": 0},
        {"level": "reps_15", "pain": [], "started_at": DAY * 2},
    ]
    advice = pain.advise(PainReport(4), Thresholds(), level="reps_20", history=history)
    assert advice.new_level == "reps_15"
    assert "15" in " ".join(advice.lines)


def test_pain_for_weeks_sends_to_a_clinician():
    advice = pain.advise(PainReport(2, for_weeks=True), Thresholds(), level="standard")
    assert "doctor or physiotherapist" in " ".join(advice.lines)


def test_persisting_pain_from_history():
    painful = [{"pain": [4], "started_at": day * DAY} for day in (0, 3, 7, 10, 14)]
    assert pain.persisting(painful, now=15 * DAY)
    assert not pain.persisting(painful[-2:], now=15 * DAY)
    assert not pain.persisting([*painful, {"pain": [], "started_at": 15 * DAY}], now=16 * DAY)


def test_sore_knees_from_kneeling_get_the_mat_tip():
    advice = pain.advise(PainReport(3, "knee", from_kneeling=True), Thresholds(), level="standard")
    assert advice.lines == [p.KNEE_COMFORT]


@pytest.mark.parametrize(("worse", "level"), [(True, "short_range"), (False, "standard")])
def test_next_morning_check(worse, level):
    new_level, text = pain.morning_check(worse, "standard")
    assert new_level == level and text


@pytest.mark.parametrize(
    ("text", "general"),
    [
        ("what if it hurts?", True),
        ("is it normal to feel sore afterwards", True),
        ("should it hurt my lower back", True),
        ("does my back hurt right now? yes it does", False),
        ("my lower back twinges", False),
        ("ouch", False),
        ("it hurts when I lift", False),
    ],
)
def test_general_pain_questions_are_told_apart_from_reports(text, general):
    assert pain.asks_in_general(text) is general


def test_scores_are_said_as_pain():
    for severity in (2, 4, 6, 8):
        advice = pain.advise(PainReport(severity), Thresholds(), level="standard")
        assert advice.lines[0].startswith(f"Pain of {severity} out of 10")


def test_comfortable_means_within_the_configured_fine_band():
    history = [{"level": "reps_15", "pain": [2], "started_at": 0}]
    default = pain.advise(PainReport(4), Thresholds(), level="reps_20", history=history)
    strict = pain.advise(PainReport(4), Thresholds(1, 5), level="reps_20", history=history)
    assert default.new_level == "reps_15" and strict.new_level is None


# A score read from words is said back in the user's terms, never as a number they did not say.
@pytest.mark.parametrize(
    ("text", "entities", "said"),
    [
        ("my lower back twinges slightly as the leg goes up", [("severity", "slightly")], "Mild"),
        ("hip feels moderate when i lift", [("body_part", "hip")], "Moderate"),
        # a count said with it is not the score
        ("did 5 and my back's a bit sore now", [("severity", "a bit")], "Mild"),
    ],
)
def test_a_score_read_from_words_is_said_as_its_band_with_how_to_rate_it(text, entities, said):
    report = pain.read_report([{"entity": e, "value": v} for e, v in entities], text)
    lines = " ".join(pain.advise(report, Thresholds(), level="standard").lines)
    assert report.in_words and lines.startswith(f"{said} pain")
    assert "out of 10" not in lines and "0 (none) to 10" in lines  # how to rate it


def test_a_number_said_keeps_its_number_and_needs_no_rating():
    report = pain.read_report([], "about a 2 in my back when the leg goes up")
    lines = " ".join(pain.advise(report, Thresholds(), level="standard").lines)
    assert not report.in_words and "Pain of 2 out of 10" in lines and "(none)" not in lines


def test_a_soundalike_score_counts_as_its_number_said():
    assert not pain.said_in_words("maybe a tree in my hip", 3)
    assert pain.said_in_words("just a touch achy", 2)
    assert pain.said_in_words("did 7 and then it went severe", 8)  # the count is no score


def test_a_score_entity_on_a_counted_thing_is_no_score():
    text = "the sheet lists around eight moves, is this one there"
    entity = {"entity": "pain_score", "value": "eight", "end": text.index(" moves")}
    assert pain.read_severity([entity], text) is None
    said = "it's sore, eight i think"
    entity = {"entity": "pain_score", "value": "eight", "end": said.index(" i think")}
    assert pain.read_severity([entity], said) == 8

from coach import protocol as p


def test_prescription_matches_the_article():
    assert (p.HOLD_SECONDS.low, p.HOLD_SECONDS.high) == (2, 3)
    assert (p.REPS_PER_SET.low, p.REPS_PER_SET.high) == (10, 15)
    assert p.SETS_PER_LEG == 2
    assert (p.BUILD_UP_REPS.low, p.BUILD_UP_REPS.high) == (15, 20)
    assert p.REST_BETWEEN_SETS_SECONDS == 60
    assert p.SESSIONS_PER_WEEK == 3
    assert (p.HOURS_BETWEEN_SESSIONS.low, p.HOURS_BETWEEN_SESSIONS.high) == (48, 72)
    assert (p.ANKLE_WEIGHT_LB.low, p.ANKLE_WEIGHT_LB.high) == (1, 2)


def test_span_is_spoken_with_and_without_unit():
    assert p.HOLD_SECONDS.spoken("seconds") == "2 to 3 seconds"
    assert p.REPS_PER_SET.spoken() == "10 to 15"


def test_ladder_goes_from_easiest_to_hardest_with_standard_in_the_middle():
    keys = [level.key for level in p.LEVELS]
    assert len(keys) == len(set(keys))
    standard = p.level_index(p.STANDARD_LEVEL)
    assert 0 < standard < len(keys) - 1
    last_weighted = max(i for i, lv in enumerate(p.LEVELS) if lv.ankle_weight_lb)
    assert [lv.key for lv in p.LEVELS[last_weighted + 1 :]] == ["band", "ball"]
    first_weighted = next(i for i, lv in enumerate(p.LEVELS) if lv.ankle_weight_lb)
    reps = [level.reps_per_set for level in p.LEVELS[standard:first_weighted]]
    assert reps == sorted(reps) and reps[-1] == p.BUILD_UP_REPS.high, "reps build up to 20"
    weights = [level.ankle_weight_lb for level in p.LEVELS if level.ankle_weight_lb]
    assert weights == [p.ANKLE_WEIGHT_LB.low, p.ANKLE_WEIGHT_LB.high]


def test_unknown_level_is_an_error():
    try:
        p.level_index("handstand")
    except KeyError as error:
        assert "handstand" in str(error)
    else:
        raise AssertionError("expected KeyError")


def test_stated_numbers_cover_every_figure():
    numbers = p.stated_numbers()
    assert {2, 3, 10, 15, 20, 48, 72, 1, 60} <= numbers
    assert 9 not in numbers

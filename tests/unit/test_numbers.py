"""The number, count and pain-score grammar (coach/numbers.py), as tables of phrasings."""

import pytest

from coach import numbers
from coach.numbers import (
    ALL,
    COUNT,
    FINISHED,
    LESS,
    MORE,
    MORE_INSTEAD,
    SET_TO,
    TOTAL,
    parse_number,
    read_count,
    read_counts,
    read_felt_score,
    read_pain_score,
    read_score_correction,
)

NUMBERS = [
    ("7", 7), ("10", 10), ("2.5", 2.5), ("0", 0), ("100", 100), ("seven", 7), ("Ten", 10),
    ("twelve", 12), ("twenty", 20), ("twenty one", 21), ("twenty-five", 25),
    ("Thirty-Three", 33), ("forty four", 44), ("fifty", 50), ("sixty six", 66),
    ("seventy-seven", 77), ("eighty eight", 88), ("ninety nine", 99), ("ninety-nine", 99),
    ("one hundred", 100), ("a hundred", 100), ("hundred and five", None), ("zero", 0),
    ("nil", 0), ("oh", 0), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
    ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("eleven", 11),
    ("a dozen", 12), ("dozen", 12), ("half a dozen", 6), ("a couple", 2), ("a pair", 2),
    ("seven out of ten", 7), ("7 out of 10", 7), ("7/10", 7), ("3 / 10", 3),
    ("eight outta ten", 8), ("won", 1), ("for", 4), ("to", 2), ("too", 2), ("tree", 3),
    ("free", 3), ("ate", 8), ("  six. ", 6), ("#4", 4), ("third", 3), ("tenth", 10),
    ("fourty", 40), ("thre", 3), ("twenty-one", 21),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_numbers_in_digits_words_and_soundalikes(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "a", "lots", "seven dwarfs", "hundred", "ten out of", "some", "many"]
)
def test_non_numbers_give_none(text):
    assert parse_number(text) is None


COUNTS = [
    # running counts
    ("3", COUNT, 3), ("three", COUNT, 3), ("Three!", COUNT, 3), ("tree", COUNT, 3),
    ("3.", COUNT, 3), ("that's 4", COUNT, 4), ("thats four", COUNT, 4), ("number 12", COUNT, 12),
    ("number for", COUNT, 4), ("rep 6", COUNT, 6), ("and 7", COUNT, 7), ("ok 8", COUNT, 8),
    ("nine", COUNT, 9), ("ten", COUNT, 10), ("to", COUNT, 2), ("for", COUNT, 4),
    ("won", COUNT, 1), ("the fifth", COUNT, 5), ("that's the third one", COUNT, 3),
    ("fifteen reps", COUNT, 15), ("twenty-one", COUNT, 21), ("a dozen", COUNT, 12),
    ("5 now", COUNT, 5), ("6 reps", COUNT, 6), ("seven down", COUNT, 7), ("1", COUNT, 1),
    ("eleven", COUNT, 11), ("um six", COUNT, 6), ("that was 9", COUNT, 9), ("its 3 now", COUNT, 3),
    # one rep
    ("done", MORE, 1), ("next", MORE, 1), ("rep", MORE, 1), ("up", MORE, 1),
    ("another one", MORE, 1), ("one done", MORE, 1), ("and down", MORE, 1), ("got it", MORE, 1),
    ("yep done", MORE, 1), ("next one", MORE, 1), ("Done.", MORE, 1), ("ok done", MORE, 1),
    # increments
    ("3 more", MORE, 3), ("three more", MORE, 3), ("another 2", MORE, 2),
    ("another two", MORE, 2), ("did another 3", MORE, 3), ("two more done", MORE, 2),
    ("2 more done", MORE, 2), ("one more", MORE, 1), ("another", MORE, 1),
    ("plus 4", MORE, 4), ("and 3 more", MORE, 3), ("did 5 more", MORE, 5),
    ("i did 4 more", MORE, 4), ("I've done another 5", MORE, 5), ("just did 2 more", MORE, 2),
    ("a couple more", MORE, 2), ("to more", MORE, 2), ("for more", MORE, 4),
    ("tree more", MORE, 3), ("another 3 reps", MORE, 3), ("5 more reps", MORE, 5),
    ("add 2", MORE, 2), ("an extra 2", MORE, 2), ("another four done", MORE, 4),
    ("ok 3 more", MORE, 3), ("that's 2 more", MORE, 2), ("did another six", MORE, 6),
    ("another half a dozen", MORE, 6), ("3 more on this leg", MORE, 3), ("2 again", MORE, 2),
    # totals
    ("did 12", TOTAL, 12), ("did 4", TOTAL, 4), ("did 25", TOTAL, 25), ("I did 10", TOTAL, 10),
    ("I did 10 with my left", TOTAL, 10), ("done 8", TOTAL, 8), ("finished 10", TOTAL, 10),
    ("completed 10", TOTAL, 10), ("i've done 6", TOTAL, 6), ("got through 10", TOTAL, 10),
    ("did ten on the right", TOTAL, 10), ("did 10 on my left leg", TOTAL, 10),
    ("5 done", COUNT, 5), ("ten done", COUNT, 10), ("did fifteen", TOTAL, 15),
    ("that's 8 in all", TOTAL, 8), ("8 in total", TOTAL, 8), ("8 total", TOTAL, 8),
    ("12 altogether", TOTAL, 12), ("did 6 so far", TOTAL, 6), ("6 so far", TOTAL, 6),
    ("that's 7 in all now", TOTAL, 7), ("im at 7", TOTAL, 7), ("I'm on 5", TOTAL, 5),
    ("so now I'm at 11 in all", TOTAL, 11), ("now we're on 6 total", TOTAL, 6),
    ("up to 6", TOTAL, 6), ("a total of 9", TOTAL, 9), ("total 9", TOTAL, 9),
    ("finished 9 again", TOTAL, 9), ("i did twelve again", TOTAL, 12),
    ("did 9 in all", TOTAL, 9), ("10 reps in total", TOTAL, 10), ("thats 10 total", TOTAL, 10),
    ("we're at eight", TOTAL, 8), ("I did twelve reps", TOTAL, 12), ("did a dozen", TOTAL, 12),
    ("knocked out 10", TOTAL, 10), ("managed 10 in all", TOTAL, 10),
    # the leg said after the batch, no verb: that leg's total
    ("and 9 right", TOTAL, 9), ("7 the left", TOTAL, 7), ("and 10 left leg", TOTAL, 10),
    ("ten right side", TOTAL, 10), ("so 6 my right", TOTAL, 6), ("8 right done", TOTAL, 8),
    # the end of a leg at a number
    ("I managed 8", FINISHED, 8), ("only managed 7", FINISHED, 7), ("only did 5", FINISHED, 5),
    ("i only got 6", FINISHED, 6), ("just 4", FINISHED, 4), ("could only do 3", FINISHED, 3),
    ("stopped at 6", FINISHED, 6), ("had to stop at 5", FINISHED, 5),
    ("couldn't do more than 7", FINISHED, 7), ("did 7 and that's it", FINISHED, 7),
    ("8 and thats all", FINISHED, 8), ("i managed eight", FINISHED, 8),
    ("barely did 4", FINISHED, 4), ("got to 9", FINISHED, 9), ("gave up after 6", FINISHED, 6),
    ("6 tops", FINISHED, 6),
    # the end of a leg, no number
    ("finished", FINISHED, None), ("finished the set", FINISHED, None),
    ("all done", FINISHED, None), ("I'm done", FINISHED, None), ("im finished", FINISHED, None),
    ("done with this leg", FINISHED, None), ("thats it", FINISHED, None),
    ("that's all", FINISHED, None), ("set done", FINISHED, None), ("leg done", FINISHED, None),
    ("finished that set", FINISHED, None), ("no more", FINISHED, None),
    ("can't do any more", FINISHED, None), ("that's it for this leg", FINISHED, None),
    ("completed the set", FINISHED, None), ("im through", FINISHED, None),
    ("finished now", FINISHED, None), ("ok finished", FINISHED, None),
    # the whole target
    ("all of them", ALL, None), ("did them all", ALL, None), ("all 10", ALL, None),
    ("all ten", ALL, None), ("did all of them", ALL, None), ("every one", ALL, None),
    ("the whole set", ALL, None), ("yes all of them", ALL, None), ("yeah did them all", ALL, None),
    ("did all 10", ALL, None), ("all", ALL, None), ("full set", ALL, None),
    ("got through them all", ALL, None), ("every single one", ALL, None),
    ("all of em", ALL, None), ("yep all", ALL, None),
    # corrections: take off
    ("undo", LESS, None), ("Undo that", LESS, None), ("undo the last one", LESS, None),
    ("minus one", LESS, 1), ("minus 2", LESS, 2), ("take one off", LESS, 1),
    ("take off 2", LESS, 2), ("that one didn't count", LESS, 1),
    ("that one doesnt count", LESS, 1), ("the last one didnt count", LESS, 1),
    ("don't count that one", LESS, 1), ("scratch that", LESS, None), ("oops, wrong", LESS, 1),
    ("cancel that", LESS, None), ("remove the last rep", LESS, 1), ("take that back", LESS, None),
    ("2 less", LESS, 2), ("subtract one", LESS, 1), ("one too many", LESS, 1),
    ("that wasn't a proper one", LESS, 1), ("sorry that didnt count", LESS, 1),
    ("knock off three", LESS, 3), ("I counted that twice", LESS, 1), ("go back one", LESS, 1),
    # corrections: set to
    ("I meant 5", SET_TO, 5), ("no wait I meant 5", SET_TO, 5), ("no, 8", SET_TO, 8),
    ("no 8", SET_TO, 8), ("sorry, 6", SET_TO, 6), ("nope 4", SET_TO, 4),
    ("I miscounted, I've only done 1", SET_TO, 1), ("i miscounted its 7", SET_TO, 7),
    ("make it 6", SET_TO, 6), ("make that 9", SET_TO, 9), ("change it to 3", SET_TO, 3),
    ("it should be 7", SET_TO, 7), ("that should have been 4", SET_TO, 4),
    ("actually 6", SET_TO, 6), ("actually it's 6", SET_TO, 6), ("its actually 5", SET_TO, 5),
    ("wait, 7", SET_TO, 7), ("correction: 8", SET_TO, 8), ("my bad, 5", SET_TO, 5),
    ("oops 3", SET_TO, 3), ("not 7, 6", SET_TO, 6), ("meant six", SET_TO, 6),
    ("no no 4", SET_TO, 4), ("lost count, i think 6", SET_TO, 6),
    ("hang on, 5", SET_TO, 5), ("no I only did 3", SET_TO, 3),
    # clauses, a count opening a longer sentence, typing slips
    ("felt easier on that side, 6 so far", TOTAL, 6), ("phew. another 4", MORE, 4),
    ("scratch that, I lost my balance", LESS, None), ("only six my arms gave out", FINISHED, 6),
    ("managed to nine then had to stop", FINISHED, 9), ("sevn", COUNT, 7), ("eihgt", COUNT, 8),
    ("fourr", COUNT, 4), ("8th", COUNT, 8), ("the 3rd one", COUNT, 3), ("count is 6", TOTAL, 6),
    ("total is now 7", TOTAL, 7), ("just managed for", FINISHED, 4),
    ("got to tree and stopped", FINISHED, 3), ("yep, 5 more done", MORE, 5),
    ("done x4", MORE, 4), ("rep x 3", MORE, 3), ("did it 3 times", MORE, 3),
    ("left leg done", FINISHED, None), ("that side is finished", FINISHED, None),
    ("got them all", ALL, None), ("i did them", ALL, None), ("did the set", ALL, None),
    ("eight I think", COUNT, 8), ("about 6", COUNT, 6),
    ("i messed up the count, only 5", SET_TO, 5), ("lost track, I'm on 7 I think", SET_TO, 7),
    # issue 17, second round: "N not M", "again", hedged soundalikes, running totals
    ("no it was 6 not 7", SET_TO, 6), ("sorry, I meant four not five", SET_TO, 4),
    ("8 rather than 9", SET_TO, 8), ("every one again", ALL, None),
    ("yep all of them too", ALL, None), ("got em all", ALL, None),
    ("all ten this time", ALL, None), ("sicks probably", COUNT, 6), ("tree i think", COUNT, 3),
    ("making it 7", COUNT, 7), ("that makes five", COUNT, 5), ("thats another 3", MORE, 3),
    ("couple more", MORE, 2), ("4, 6 to go", COUNT, 4),
    ("9 done and thats the set", FINISHED, 9), ("yes every one no pain", ALL, None),
    ("did 7 didn't hurt", TOTAL, 7), ("made it to 6", FINISHED, 6),
    # issue 17, third round, by kind: the last N, already done, got N, N not M after a
    # miscount, a batch corrected, "undo that last one"
    ("the last 2", MORE, 2), ("and the final three", MORE, 3), ("last one", MORE, 1),
    ("final rep done", MORE, 1), ("ok the last 4 done", MORE, 4), ("last two now", MORE, 2),
    ("i already did 3", TOTAL, 3), ("ive already done 5 on this side", TOTAL, 5),
    ("got 6", TOTAL, 6), ("i got 8", TOTAL, 8), ("got to 6", FINISHED, 6),
    ("only got 4", FINISHED, 4), ("lost count, it was 7 not 6", SET_TO, 7),
    ("8 not 9, I lost track", SET_TO, 8), ("i meant 4 more, not 3", MORE_INSTEAD, 4),
    ("no it was two more not one", MORE_INSTEAD, 2),
    ("sorry meant i did 5 more not 4", MORE_INSTEAD, 5),
    ("undo that last one", LESS, None), ("that last rep didnt count", LESS, 1),
    # issue 17, fourth round: undo with the right number, a batch said again with a sorry
    ("scratch that, it should be 4", SET_TO, 4), ("cancel that. make it nine", SET_TO, 9),
    ("sorry, 2 more", MORE_INSTEAD, 2), ("nope 4 more my bad", MORE_INSTEAD, 4),
    ("no, 2 more", MORE, 2), ("scrap the last one", LESS, 1),
    ("i only managed seven that time", FINISHED, 7), ("did 9 on that one", TOTAL, 9),
    # issue 17, fifth round, by kind: undo said again, the other/remaining few, a batch
    # put right with "only"
    ("undo once more", LESS, None), ("undo that as well", LESS, None),
    ("and one more undo", LESS, None), ("Undo again", LESS, None), ("undo too", LESS, None),
    ("plus the other four", MORE, 4), ("the remaining 2", MORE, 2), ("and the other five", MORE, 5),
    ("the other 3 done", MORE, 3), ("did the remaining three", MORE, 3),
    ("the rest of them, 4", MORE, 4), ("the leftover two", MORE, 2),
    ("just 2 more not 3", MORE_INSTEAD, 2), ("actually only one extra, not two", MORE_INSTEAD, 1),
    ("only four more, not five", MORE_INSTEAD, 4), ("i only did 2 more not 3", MORE_INSTEAD, 2),
    ("got this one", MORE, 1), ("ok did that one", MORE, 1), ("nailed another one", MORE, 1),
    ("that ones done", MORE, 1), ("yep got another one", MORE, 1),
]  # fmt: skip

# A range of reps: the lower end, with the higher kept so the session asks which.
RANGES = [
    ("4 or 5", COUNT, 4, 5), ("about 6 or 7 more", MORE, 6, 7), ("did 3 or 4", TOTAL, 3, 4),
    ("maybe 8-9", COUNT, 8, 9), ("two or three more", MORE, 2, 3), ("i think 5 or 6", COUNT, 5, 6),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "low", "high"), RANGES)
def test_a_range_of_reps_keeps_both_ends(text, kind, low, high):
    said = read_count(text)
    assert said is not None, text
    assert (said.kind, said.value, said.or_value) == (kind, low, high), said


@pytest.mark.parametrize(("text", "kind", "value"), COUNTS)
def test_what_a_message_says_about_reps(text, kind, value):
    said = read_count(text)
    assert said is not None, text
    assert (said.kind, said.value) == (kind, value), said


NOT_COUNTS = [
    "how many did I do", "how many left?", "what's next", "where was I", "ok", "okay",
    "ready", "let's go", "pause", "hold on a sec", "my back hurts", "how long do I hold it",
    "can I do 3 sets?", "is 10 enough", "stop for today", "I'm ready", "ok I'm ready",
    "yes, start", "thanks", "hi", "what now", "skip this leg", "repeat that", "no",
    "tell me more", "to be honest it hurts", "for how long", "remind me at 6",
    "do I do 10 on each leg?", "I have 2 kids", "pain 6", "6/10", "fine", "oops", "nice",
    "done with that", "did 2 sets", "done 3 sets of 10", "my physio said 15",
    "right", "right, keep going", "there you go", "height of the lift", "alright then",
    "the other one", "switch to the other leg", "on to the other side", "got that",
    # a bare "8 left" may be reps still to do: not read as the left leg's batch
    "8 left", "and 3 left",
]  # fmt: skip


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_what_is_not_about_reps(text):
    assert read_count(text) is None


SCORES = [
    # anywhere
    ("pain 6", 6), ("Pain: 6", 6), ("hurts 6", 6), ("6/10", 6), ("6 / 10", 6), ("7 out of 10", 7),
    ("six out of ten", 6), ("hurts like a 7", 7), ("it hurts about a 5", 5), ("pain is 4", 4),
    ("pain level 3", 3), ("pain at 8", 8), ("my pain is a 2", 2), ("my back is about a 3", 3),
    ("my knee is sore, maybe 4", 4), ("id rate it 5", 5), ("score 6", 6), ("sore 3", 3),
    ("ache 2", 2), ("pain between 5 and 6", 6), ("5-6/10", 6), ("pain 5 or 6", 6),
    ("hurts 4 to 5", 5), ("agony", 9), ("its agony", 9), ("it's killing me", 9),
    ("killing me", 9), ("unbearable", 10), ("excruciating", 10), ("worst pain ever", 10),
    ("8 outta 10", 8), ("a 7 out of 10", 7), ("10/10", 10), ("0/10", 0), ("pain zero", 0),
    ("eight out of ten", 8), ("my hip hurts like a six", 6), ("the pain is like a 7 now", 7),
    ("level 5 pain", 5), ("hurts, 7/10", 7), ("pain 6 on the left", 6),
    ("the soreness is around a 3", 3), ("back pain 4", 4), ("ouch, 7 out of 10", 7),
    ("pain was a 6", 6), ("ok pain 6", 6), ("rating 2", 2), ("6 out of ten", 6),
    ("pain: 9", 9), ("hurts 10", 10), ("pain's at 5", 5), ("aching 4", 4),
    ("it's sore, 4ish", 4), ("the ache is there, maybe a 3 now", 3),
    ("its like a 5ish in my right hip", 5), ("about a 2 across my lower back", 2),
    # how a place feels, then a lone score
    ("knee feels better now, 2ish", 2), ("my back's fine, maybe a 1", 1),
    ("hips feel a bit sore, about 4", 4),
    # a speech recogniser's soundalike where the score goes
    ("the pain is maybe to", 2), ("sore, like a tree", 3), ("it's for out of ten", 4),
    # a band word beside a range: the higher end
    ("moderate, 4 or 5", 5), ("id say mild, 2 or 3", 3), ("severe, 7-8", 8),
]  # fmt: skip


@pytest.mark.parametrize(("text", "score"), SCORES)
def test_pain_scores_in_every_form(text, score):
    assert read_pain_score(text) == score
    assert read_pain_score(text, asked=True) == score


ANSWERS_TO_HOW_BAD = [
    ("6", 6), ("between 5 and 6", 6), ("a six", 6), ("six", 6), ("about a 2", 2), ("7ish", 7),
    ("seven-ish", 7),
    ("5 or 6", 6), ("5-6", 6), ("between 3 and 4", 4), ("maybe 4", 4), ("its a 4", 4),
    ("it's a 4", 4), ("about 3", 3), ("4 i think", 4), ("around a five", 5), ("like a 7", 7),
    ("mild", 2), ("moderate", 5), ("severe", 8), ("pretty bad", 7), ("not too bad", 3),
    ("agony", 9), ("probably a 3", 3), ("zero", 0), ("10", 10), ("a 3", 3), ("3 maybe", 3),
    ("a two", 2), ("eight", 8), ("um 5", 5),
]  # fmt: skip


@pytest.mark.parametrize(("text", "score"), ANSWERS_TO_HOW_BAD)
def test_answers_to_how_bad_is_it(text, score):
    assert read_pain_score(text, asked=True) == score


@pytest.mark.parametrize(
    "text",
    ["did 6", "6", "a six", "3 more", "my back hurts", "I did 6 reps", "hold for 3 seconds",
     "my back hurts after 2 sets", "it has hurt for 3 weeks", "did 5 but my knee hurts",
     "can I do 2 sets", "about a 2", "7ish", "I'm 55", "two more", "terrible day",
     "my leg feels heavy after 5", "back feels fine, did 3", "legs feel ok, 4 more",
     "i want to", "going for", "back to"],
)  # fmt: skip
def test_numbers_without_a_pain_word_are_not_scores_unless_asked(text):
    assert read_pain_score(text) is None


def test_the_tables_hold_at_least_300_phrasings():
    tables = (NUMBERS, COUNTS, NOT_COUNTS, SCORES, ANSWERS_TO_HOW_BAD, RANGES)
    assert sum(len(table) for table in tables) >= 300


@pytest.mark.parametrize(
    "text", ["yep all ten no pain", "no pain, 10 done", "did 9, pain free", "8 and it didn't hurt"]
)
def test_a_count_beside_denied_pain_is_no_score(text):
    assert read_pain_score(text) is None


# A pain score said again as a correction of the one just given.
SCORE_CORRECTIONS = [
    ("typo, 2 not 8", 2), ("sorry, it's a 4 not a 7", 4), ("no, 5", 5), ("make that a 6", 6),
    ("I meant a two", 2), ("actually it's more like a 3", 3), ("oops I meant four not nine", 4),
    ("should have said 1", 1), ("i meant 3/10, not 8/10", 3), ("nope, 0", 0),
    ("sorry: 5 out of 10 not 9", 5), ("did 5", None), ("I meant 15", None), ("ready", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "score"), SCORE_CORRECTIONS)
def test_a_score_said_again_as_a_correction(text, score):
    assert read_score_correction(text) == score


# A leg named by its side, then how many: a count for that leg, never a pain score.
LEG_NAMED_COUNTS = [
    ("left leg 9 finished", TOTAL, 9), ("the right side 7 complete", TOTAL, 7),
    ("other leg done 10", TOTAL, 10), ("right leg at 6", TOTAL, 6),
    ("my left side was 8", TOTAL, 8), ("second leg 5 completed", TOTAL, 5),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "value"), LEG_NAMED_COUNTS)
def test_a_leg_named_with_its_count_is_a_count_not_a_score(text, kind, value):
    count = read_count(text)
    assert (count.kind, count.value) == (kind, value)
    assert read_pain_score(text) is None


@pytest.mark.parametrize(
    ("text", "score"),
    [("my leg 7", 7), ("left leg aches, 6", 6), ("right leg pain 5", 5), ("knee 3", 3),
     ("left leg 9 done, pain 2", 2)],
)  # fmt: skip
def test_a_leg_with_a_pain_word_or_no_side_still_scores(text, score):
    assert read_pain_score(text) == score


@pytest.mark.parametrize(
    ("text", "value"),
    [("plus another 3", 3), ("plus 2", 2), ("and plus another five", 5), ("plus 4 more", 4),
     ("did plus another one", 1)],
)  # fmt: skip
def test_plus_is_a_batch(text, value):
    count = read_count(text)
    assert (count.kind, count.value) == (MORE, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("ok that was another", 1), ("theres another one", 1), ("yep thats another", 1),
     ("two more and that's the set", 2), ("4 more done, that's it", 4)],
)  # fmt: skip
def test_thats_another_is_one_more_and_a_batch_may_close_the_leg(text, value):
    count = read_count(text)
    assert (count.kind, count.value) == (MORE, value)


@pytest.mark.parametrize(("text", "value"), [("I make 6", 6), ("i make 3 now", 3)])
def test_i_make_n_is_a_total_said_by_a_learner_of_english(text, value):
    count = read_count(text)
    assert (count.kind, count.value) == (TOTAL, value)


@pytest.mark.parametrize(
    "text",
    ["undo this one", "argh undo that rep", "whoops, undo the last lift please",
     "undo my last count", "hmm undo that bit"],
)  # fmt: skip
def test_undo_with_the_thing_it_takes_back_named(text):
    assert read_count(text).kind == LESS


@pytest.mark.parametrize(
    ("text", "value"),
    [("oh wait, it was just 3 more so I'm at 5", 5), ("4 more which makes 9", 9),
     ("another two, that puts me at 8", 8), ("sorry only 1 extra, so now im on 6", 6),
     ("did 3 more so that's 7 in all", 7), ("scratch that, so I'm on 2", 2)],
)  # fmt: skip
def test_a_batch_that_ends_with_the_total_it_makes_sets_the_total(text, value):
    count = read_count(text)
    assert (count.kind, count.value) == (SET_TO, value)
    assert read_counts(text) == []


@pytest.mark.parametrize(
    "text",
    ["my knee aches on one side", "it's sore down one leg", "hurts in two spots",
     "pain in one hip, one more thing", "one part of my back aches", "ache for one day now"],
)  # fmt: skip
def test_a_number_of_things_is_not_a_pain_score(text):
    assert read_pain_score(text) is None
    assert read_pain_score(text, asked=True) is None


@pytest.mark.parametrize(
    ("text", "score"),
    [("back is mildly achy this morning", 2), ("my knee's moderately painful", 5),
     ("the ache is moderate", 5), ("hip feels really tender", 6), ("severely sore glute", 8),
     ("pain's mild today, can we go", 2), ("slightly stiff and sore", 2)],
)  # fmt: skip
def test_a_band_word_with_a_pain_word_is_a_score_unasked(text, score):
    assert read_pain_score(text) == score


@pytest.mark.parametrize("text", ["not very sore", "isnt really painful", "pretty sore now"])
def test_a_denied_or_vague_band_is_no_score_unasked(text):
    assert read_pain_score(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "what if the pain is moderate?",
        "is it ok to train when mildly sore",
        "can I go on if it's really achy",
    ],
)
def test_a_band_word_in_a_question_is_no_score(text):
    assert read_pain_score(text) is None


# The answer to "did you get all of them, and how did it feel?" after a paced set, as a
# speech recogniser may write it: a soundalike or a number said the way a score is said.
FELT_SCORES = [
    ("hmm roughly a tree", 3), ("it was like a to", 2), ("felt like a too", 2),
    ("maybe a for", 4), ("probably a fore", 4), ("like an ate", 8), ("about an ate", 8),
    ("i reckon a sex", 6), ("around a sicks", 6), ("it was a fife", 5), ("maybe a fife", 5),
    ("a won i think", 1), ("around a won", 1), ("that was a nein", 9), ("a free", 3),
    ("that was for in my lower back", 4), ("its for in the hip", 4),
    ("was tree in my left glute", 3), ("a to on my right side", 2),
    ("like a 3", 3), ("about a seven", 7), ("a five maybe", 5), ("maybe a two in my knee", 2),
    ("it was 4 in the back", 4), ("like a tree out of ten", 3), ("about ate out of ten", 8),
    ("pain was a for", 4), ("hurt like a tree", 3), ("id say tree", 3), ("call it a for", 4),
    ("give it a to", 2), ("pain for", 4), ("sex out of ten", 6), ("tree out of 10", 3),
    ("a solid for", 4), ("to in my hip", 2), ("score tree", 3), ("sore sex", 6),
]  # fmt: skip


@pytest.mark.parametrize(("text", "score"), FELT_SCORES)
def test_a_score_said_by_voice_after_a_paced_set(text, score):
    assert read_felt_score(text) == score


# What says how many (or only how it went) is no score after a paced set either.
NOT_FELT_SCORES = [
    "did 7", "managed eight", "all ten", "got them all", "only six", "8", "yes all of them",
    "fine", "felt good", "tough one", "easy", "did a ten", "done 4 in the back", "to be honest",
    "going for it", "that was it", "i did about 6", "nearly all of them", "tree", "for",
    "pain free", "did 9, pain free", "back to it", "about to start", "went for a walk",
]  # fmt: skip


@pytest.mark.parametrize("text", NOT_FELT_SCORES)
def test_a_count_or_a_feeling_after_a_paced_set_is_no_score(text):
    assert read_felt_score(text) is None


@pytest.mark.parametrize(
    ("text", "score"),
    [("that was for in the back", 4), ("about to in my hip", 2), ("like tree in the left hip", 3)],
)
def test_a_soundalike_before_the_place_it_hurts_is_a_score_unasked(text, score):
    assert read_pain_score(text) == score


@pytest.mark.parametrize(
    "text", ["its 2 on my left leg", "is 3 on the right side", "it was 5 on that leg"]
)
def test_a_number_on_a_leg_or_side_after_is_or_was_is_no_score_unasked(text):
    assert read_pain_score(text) is None


# Number words typed with one slip, where a count goes: read as the number.
@pytest.mark.parametrize(
    ("said", "kind", "value"),
    [
        ("did sxi", numbers.TOTAL, 6),
        ("fuor", numbers.COUNT, 4),
        ("thre more", numbers.MORE, 3),
        ("another sevne", numbers.MORE, 7),
        ("done eihgt", numbers.TOTAL, 8),
        ("managed nnie", numbers.FINISHED, 9),
        ("that's elevn", numbers.COUNT, 11),
        ("twelev done", numbers.COUNT, 12),
        ("did fiften", numbers.TOTAL, 15),
        ("twnty", numbers.COUNT, 20),
        ("onee more", numbers.MORE, 1),
        ("twoo more", numbers.MORE, 2),
    ],
)
def test_a_number_word_with_one_slip_is_read_in_a_count(said, kind, value):
    count = numbers.read_count(said)
    assert count is not None and (count.kind, count.value) == (kind, value)


# Ordinary words one letter from a number word mean themselves, and a slip that could be
# two numbers ("tne": one or ten?) is not guessed.
@pytest.mark.parametrize(
    "said",
    [
        "did fine",
        "got there",
        "even",
        "only night",
        "tent",
        "did tne",
        "our turn",
        "sit",
        "oen more",
    ],
)
def test_ordinary_words_near_a_number_are_not_counts(said):
    count = numbers.read_count(said)
    assert count is None or count.value is None


@pytest.mark.parametrize(("word", "number"), [("fve", "five"), ("sevn", "seven"), ("nien", "nine")])
def test_unslipped_finds_the_number_word(word, number):
    assert numbers.unslipped(word) == number


@pytest.mark.parametrize("word", ["fine", "there", "night", "even", "tne", "to", "for", "ten"])
def test_unslipped_leaves_words_and_numbers_alone(word):
    assert numbers.unslipped(word) is None


@pytest.mark.parametrize(
    "said",
    [
        "actually undo, i didnt do that one properly",
        "undo please, that one was rubbish",
        "scratch that, the last one wasn't a proper rep",
        "undo. my knee bent on that one",
    ],
)
def test_an_undo_explained_with_that_one_takes_back_a_rep_and_sets_no_count(said):
    count = numbers.read_count(said)
    assert count is not None and count.kind == numbers.LESS and count.value is None


@pytest.mark.parametrize("said", ["ready, all good", "all good", "all fine here", "ok all set"])
def test_all_good_says_how_the_user_is_not_that_every_rep_is_done(said):
    assert numbers.read_count(said) is None


@pytest.mark.parametrize(
    "said", ["did them all", "all of them done", "yeah all 10", "got them all again"]
)
def test_all_of_them_is_still_the_whole_set(said):
    assert numbers.read_count(said) == numbers.Count(numbers.ALL)


# A number said beside a word for how bad it is: the number wins over the band word, and a
# score is never read lower than the number said (issue 17, a safety bug).
NUMBER_OVER_BAND = [
    ("getting a little worse, probably a seven now across my hip", 7),
    ("slightly worse i'd say, around a 5", 5),
    ("mild, maybe a 4", 4),
    ("moderate, more like a 6", 6),
    ("mildly achy, about a 3 in the back", 3),
    ("worse than before, like an eight", 8),
    ("a touch worse now, about 6 in my glute", 6),
    ("slight ache, roughly a five", 5),
    ("moderately painful, say a 7", 7),
    ("its mild really, a 2", 2),
    ("worsening, about a six now", 6),
    ("pretty sore now, around a 6", 6),
]


@pytest.mark.parametrize(("text", "score"), NUMBER_OVER_BAND)
def test_a_number_beside_a_band_word_wins_asked_or_not(text, score):
    assert read_pain_score(text, asked=True) == score
    assert read_pain_score(text) == score


@pytest.mark.parametrize(
    ("text", "score"),
    [("a bit, maybe 6", 6), ("mild i suppose, 5", 5), ("slight, but it's 7 now", 7),
     ("not too bad, maybe a 4", 4), ("quite bad, 3", 3), ("a little, a six", 6)],
)  # fmt: skip
def test_asked_how_bad_a_number_wins_over_any_band_word(text, score):
    assert read_pain_score(text, asked=True) == score


@pytest.mark.parametrize(
    ("text", "score"),
    [("agony, a 10", 10), ("it's awful, like a 9 in my back", 9), ("unbearable, 6", 10),
     ("terrible pain, a ten now", 10)],
)  # fmt: skip
def test_a_strong_word_and_a_number_give_the_higher(text, score):
    assert read_pain_score(text, asked=True) == score


@pytest.mark.parametrize(
    "text",
    ["slightly slower, about 6 seconds each", "worse form, did about 6", "mild day, 2 sets done",
     "moderate pace, managed like 8"],
)  # fmt: skip
def test_a_band_word_beside_a_count_or_a_time_is_no_score(text):
    assert read_pain_score(text) is None


@pytest.mark.parametrize(
    ("text", "score"),
    [("getting sorer, 6 now", 6), ("worse, 7 now", 7), ("slightly worse - 6", 6),
     ("a smidge worse, 5ish", 5), ("hip worse now, its 6", 6), ("achier now, maybe 5", 5)],
)  # fmt: skip
def test_pain_said_to_be_getting_worse_then_a_score_is_the_score_unasked(text, score):
    assert read_pain_score(text) == score


@pytest.mark.parametrize(
    "text", ["worse than last time, did 7", "form got worse, 7 done", "worse form, 7"]
)
def test_the_form_or_a_session_getting_worse_beside_a_count_is_no_score(text):
    assert read_pain_score(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("plus 3 thats my set", 3), ("one more and thats the leg", 1), ("4 more to finish up", 4),
     ("two more to close the set", 2), ("another five, that'll be the set done", 5),
     ("and 3 more so thats me finished", 3), ("6 more done with this leg", 6),
     ("another one to end", 1)],
)  # fmt: skip
def test_a_batch_then_words_that_end_the_set_is_the_batch_said_to_end_the_leg(text, value):
    count = read_count(text)
    assert (count.kind, count.value, count.last) == ("more", value, True)


def test_words_that_end_the_set_alone_still_finish_the_leg():
    assert read_count("thats the set").kind == "finished"


# Speech has no commas: the count may close a sentence that opens with something else.
SPOKEN_CLOSING_COUNTS = [
    ("my knee gave way i only did six", FINISHED, 6),
    ("lost my rhythm so i only managed tree", FINISHED, 3),
    ("my hip clicked and i stopped at ate", FINISHED, 8),
    ("the timing threw me off so i got to for", FINISHED, 4),
]
NOT_SPOKEN_CLOSING_COUNTS = [
    "it was hard i want to do 5",
    "i did 3 sets yesterday i only did 4",  # a number before: which one is meant is unclear
    "ok ready to try again",
]


@pytest.mark.parametrize(("text", "kind", "value"), SPOKEN_CLOSING_COUNTS)
def test_a_count_closing_an_unpunctuated_sentence(text, kind, value):
    said = read_count(text)
    assert said is not None, text
    assert (said.kind, said.value) == (kind, value), said


@pytest.mark.parametrize("text", NOT_SPOKEN_CLOSING_COUNTS)
def test_no_count_read_from_the_close_of_a_sentence_that_says_none(text):
    assert read_count(text) is None, text


@pytest.mark.parametrize(
    ("text", "score"), [("pretty much the same a two", 2), ("honestly the same for", 4)]
)
def test_the_same_score_said_again_after_how_did_it_feel(text, score):
    assert read_felt_score(text) == score


# A number that is part of a name is neither a pain score nor a count.
NAMES_WITH_A_NUMBER = [
    "my back aches after seven-a-side football",
    "my hip hurts since I did that 10k race",
    "sore knee from a 5k this morning",
    "my back is sore, I drive a two-seater all day",
    "the hip pain was a one-off",
    "back hurts at my 9 to 5 job",
    "my back has been aching 24/7",
    "my glute is sore, a real catch-22",
    "my knee hurts after a 3-day hike",
]


@pytest.mark.parametrize("text", NAMES_WITH_A_NUMBER)
def test_a_number_in_a_name_is_no_score_or_count(text):
    assert numbers.read_pain_score(text) is None
    assert numbers.read_count(text) is None


# The number still read where it is said as a score or a count beside the name.
@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("my back aches after seven-a-side, about a 4", 4),
        ("pain 6 since the 10k", 6),
        ("pain is 5-6", 6),
        ("pain-3", 3),
    ],
)
def test_a_score_beside_a_name_is_still_read(text, score):
    assert numbers.read_pain_score(text) == score


# A message that says it has no pain at all is no score, whatever number is in it.
@pytest.mark.parametrize(
    "text",
    [
        "I don't have any pain, I just want to be stronger for my 3 kids",
        "no pain at all, I lift twice a week, 4 sets",
        "haven't got any pain, is 8 enough?",
        "I'm not in any pain, my physio said 6 weeks",
        "pain free, just did 9",
    ],
)
def test_no_score_when_pain_is_denied_outright(text):
    assert numbers.says_no_pain(text)
    assert numbers.read_pain_score(text) is None


# A denial of one place, or of "much" pain, still lets a score elsewhere be read.
@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("no pain in my back but my hip is 4", 4),
        ("no pain before, 5/10 now", 5),
        ("no pain in the hip, back is a 3", 3),
    ],
)
def test_a_score_said_beside_a_partial_denial_is_read(text, score):
    assert numbers.read_pain_score(text) == score


# A count with the reason the set stopped after it: the set is that many.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i did six then my hand slipped", 6),
        ("managed 4 but my knee slid off the mat", 4),
        ("reckon i did two until my wrist gave way", 2),
        ("eight then i had to stop", 8),
        ("i think 3 and then i toppled over", 3),
    ],
)
def test_a_count_then_why_the_set_stopped_ends_the_leg(text, value):
    assert numbers.read_count(text) == numbers.Count(FINISHED, value, explicit=True)


@pytest.mark.parametrize("text", ["i did 5 then had a rest", "did 3 then another 2"])
def test_a_count_then_more_going_on_is_not_the_end_of_the_leg(text):
    assert numbers.read_count(text).kind != FINISHED


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("just when I garden a little", None),  # how much gardening, not how bad
        ("only if I stand for a bit", None),
        ("it's sore a bit, more so when I walk loads", 2),
    ],
)
def test_a_quantity_of_an_activity_is_no_pain_score(text, score):
    assert read_pain_score(text, asked=True) == score


@pytest.mark.parametrize(
    "text, value",
    [
        ("and then I only did 4 more", 4),
        ("after that we managed another 2 by myself", 2),
        ("only finished 3 more on my own", 3),
        ("since then I did five more without you", 5),
        ("then just did 6 extra myself", 6),
    ],
)
def test_a_batch_said_after_what_came_before_or_with_only_is_a_batch(text, value):
    count = read_count(text)
    assert count is not None and (count.kind, count.value) == (MORE, value)


@pytest.mark.parametrize("text", ["ive only got 2 more", "I only did 3", "then I did 7"])
def test_only_or_then_without_a_batch_word_is_no_batch(text):
    count = read_count(text)
    assert count is None or count.kind != MORE


# A number followed by a counted noun is a quantity, never a pain score, in every reader.
COUNTED_NOT_SCORED = [
    "my physio handed me a list with roughly five moves on it",
    "the leaflet has maybe 7 exercises on it",
    "i do about 4 sessions a week and my back aches",
    "my hip aches after carrying about 5 boxes",
    "back pain at 3 people lifting the sofa",
    "knee hurts like 2 stretches in",
]


@pytest.mark.parametrize("text", COUNTED_NOT_SCORED)
def test_a_counted_noun_after_a_number_is_no_score(text):
    # asked or not: "how bad is it?" open changes nothing for a counted thing
    assert [numbers.read_pain_score(text, asked) for asked in (False, True)] == [None, None]


@pytest.mark.parametrize("text", ["my back hurts maybe a 4", "hip about a 5, after 3 sets"])
def test_a_score_beside_a_counted_thing_is_still_read(text):
    assert numbers.read_pain_score(text) in (4, 5)

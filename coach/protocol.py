"""The prone leg lift prescription, as data.

Every number the coach states comes from here (the source article, with the
clinical notes in shared/reference). Change a figure here and every answer,
test and session follows.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """An inclusive range such as "2 to 3 seconds"."""

    low: int
    high: int

    def spoken(self, unit: str = "") -> str:
        text = f"{self.low} to {self.high}"
        return f"{text} {unit}" if unit else text


EXERCISE_NAME = "prone leg lift"
OTHER_NAMES = ("prone hip extension", "prone straight leg raise")

HOLD_SECONDS = Span(2, 3)
REPS_PER_SET = Span(10, 15)
SETS_PER_LEG = 2
BUILD_UP_REPS = Span(15, 20)
REST_BETWEEN_SETS_SECONDS = 60
SESSIONS_PER_WEEK = 3
HOURS_BETWEEN_SESSIONS = Span(48, 72)
ANKLE_WEIGHT_LB = Span(1, 2)
SEE_DOCTOR_AFTER_WEEKS = 2
# Bent knee first, then a straight leg once 2 sets of this many are comfortable (netfit.app).
STRAIGHTEN_LEG_AFTER_REPS = Span(10, 12)
# A whole session (2 sets a leg at up to 15 slow reps, with the rests), as answers state it.
SESSION_MINUTES = Span(10, 15)

# Progression (design.md, clinical notes): comfortable sessions in a row that
# earn the next level; a break this long restarts a level lower; pain above the
# stop threshold this recently blocks any step up.
STEP_UP_AFTER_SESSIONS = 2
RESTART_LOWER_AFTER_DAYS = 7
RECENT_PAIN_DAYS = 7

FIRST_SESSION_REPS = REPS_PER_SET.low
LEGS = ("left", "right")  # the order a guided session works through in each set

# Easing off for the rest of a session (too hard, or pain in the "acceptable" band):
# this many fewer reps per leg, never below the minimum.
EASE_OFF_REPS = 3
MIN_REPS_PER_SET = 5

# Voice pacing of one rep, in seconds (the hold is the middle of HOLD_SECONDS).
LIFT_SECONDS = 2
LOWER_SECONDS = 2
LEG_SWITCH_SECONDS = 4

START_POSITION = (
    "Get on your hands and knees, hands under your shoulders and knees under your hips,"
    " so your arms and thighs point straight down to the floor.",
    "Keep your back, neck and head level, in one line parallel to the floor.",
)

STEPS = (
    "Tighten your lower tummy muscles.",
    "Lift one knee and slowly push that leg straight back, knee straight and toes pointed,"
    " until it is almost level with the floor.",
    f"Hold it there for {HOLD_SECONDS.spoken('seconds')}.",
    "Lower it slowly until your knee is back on the floor.",
)

FORM_CUES = (
    "Keep your hips square: the pelvis and back should not twist as the leg goes up.",
    "Stop the lift when the leg is about level with the floor; do not arch your lower back.",
    "Keep the knee straight and the toes pointed.",
    "Keep your tummy muscles gently braced the whole time.",
    "Move slowly, on the way down as well as up.",
)

MUSCLES = ("gluteal muscles (your buttocks)", "lower back muscles")

BENEFITS = (
    "stronger glutes and lower back",
    "more stability around the hips and lower spine",
    "support for good posture and walking",
)

CONDITIONS = (
    "low back pain",
    "hip pain",
    "recovery after lumbar (low back) surgery",
    "recovery after a total hip replacement",
    "rehab after knee surgery",
    "injury prevention, to keep the hips and back strong and stable",
)

HARDER_VARIATIONS = (
    f"an ankle weight of {ANKLE_WEIGHT_LB.spoken('lb')}",
    "a resistance band",
    "a ball",
)

EASIER_VARIATIONS = (
    "a smaller lift: only as high as your lower back stays still",
    "a bent knee instead of a straight leg",
    "lying face down with a pillow under your tummy and lifting a little",
    "fewer reps, starting from the number that last felt comfortable",
)

KNEE_COMFORT = "If your knees are sore on a hard floor, kneel on a mat or a folded towel."


@dataclass(frozen=True)
class Level:
    """One rung of the ladder that progression and regression move along."""

    key: str
    name: str
    how: str
    reps_per_set: int = REPS_PER_SET.low
    ankle_weight_lb: int = 0


# Easiest first. STANDARD_LEVEL is where a new user starts.
LEVELS = (
    Level(
        "prone_pillow",
        "face-down lift with a pillow",
        "Lie face down with a pillow under your tummy, bend one knee and lift it a few inches.",
    ),
    Level(
        "bent_knee",
        "bent-knee lift",
        "On hands and knees, keep the knee bent at a right angle and lift the thigh"
        " until it is level with your back.",
    ),
    Level(
        "short_range",
        "smaller straight-leg lift",
        "On hands and knees, straighten the leg back but lift only as high as your"
        " lower back stays still.",
    ),
    Level("standard", "standard lift", " ".join(STEPS)),
    Level(
        "reps_15",
        f"{BUILD_UP_REPS.low}-rep lift",
        "The standard lift, with more reps.",
        reps_per_set=BUILD_UP_REPS.low,
    ),
    Level(
        "reps_20",
        f"{BUILD_UP_REPS.high}-rep lift",
        "The standard lift, with more reps.",
        reps_per_set=BUILD_UP_REPS.high,
    ),
    Level(
        "ankle_weight_1",
        f"lift with a {ANKLE_WEIGHT_LB.low} lb ankle weight",
        "The standard lift with a light ankle weight strapped on.",
        ankle_weight_lb=ANKLE_WEIGHT_LB.low,
    ),
    Level(
        "ankle_weight_2",
        f"lift with a {ANKLE_WEIGHT_LB.high} lb ankle weight",
        "The standard lift with a slightly heavier ankle weight.",
        ankle_weight_lb=ANKLE_WEIGHT_LB.high,
    ),
    Level(
        "band",
        "lift with a resistance band",
        "The standard lift with a resistance band looped around both feet.",
    ),
    Level(
        "ball",
        "lift over a ball",
        "The lift done lying over an exercise ball, hands on the floor.",
    ),
)
STANDARD_LEVEL = "standard"


def level_index(key: str) -> int:
    for index, level in enumerate(LEVELS):
        if level.key == key:
            return index
    raise KeyError(f"unknown level {key!r}")


def level_named(key: str) -> Level:
    return LEVELS[level_index(key)]


def stated_numbers() -> set[int]:
    """Every number the coach may state about the exercise."""
    numbers = {SETS_PER_LEG, SESSIONS_PER_WEEK, SEE_DOCTOR_AFTER_WEEKS, FIRST_SESSION_REPS}
    numbers.update((EASE_OFF_REPS, MIN_REPS_PER_SET))
    numbers.update((STEP_UP_AFTER_SESSIONS, RESTART_LOWER_AFTER_DAYS, RECENT_PAIN_DAYS))
    for span in (
        HOLD_SECONDS,
        REPS_PER_SET,
        BUILD_UP_REPS,
        HOURS_BETWEEN_SESSIONS,
        ANKLE_WEIGHT_LB,
        STRAIGHTEN_LEG_AFTER_REPS,
        SESSION_MINUTES,
    ):
        numbers.update((span.low, span.high))
    numbers.update((REST_BETWEEN_SETS_SECONDS, REST_BETWEEN_SETS_SECONDS // 60))
    numbers.update(level.reps_per_set for level in LEVELS)
    numbers.update(level.ankle_weight_lb for level in LEVELS if level.ankle_weight_lb)
    return numbers

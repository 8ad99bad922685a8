"""Red-flag screen: the signs in what the user says that mean "stop and see a clinician".

Rules, not a classifier: red flags are rare in chat logs, a miss is costly, and
every decision here can be read, tested and argued with. The signs come from
NICE NG59 and the project's clinical notes (shared/reference/clinical-notes.md).

How it works: spaCy's PhraseMatcher, over a blank English tokenizer, finds
labelled phrases: a symptom (NUMB), a place (SADDLE) or a whole sign ("bladder").
RULES then say which labels must occur together, in one clause or one message,
for a sign to count. A phrase is dropped when it is denied ("no numbness", "I
haven't lost control of my bladder") or explained by words beside it ("my foot
fell asleep", "I've lost weight dieting").

Decisions on borderline cases (each has a test):
- Numbness or tingling in ONE leg or foot is SOON, and is not flagged when the
  user explains it by position (sitting, kneeling, asleep, cold floor, tight
  shoes). Such explanations never excuse the saddle area or both legs: those are
  the emergency pattern, and a false alarm there costs less than a miss.
- Tingling in one leg during the lift ("when I lift") is left to the pain
  questions, which ease the exercise off; below the knee it is SOON regardless.
- "My legs feel weak" (both legs) is an emergency unless tiredness or the workout
  explains it in the same clause ("after my sets", "tired", "shaky").
- One leg weaker than the other is ordinary exercise talk; a leg giving way or a
  dragging foot is SOON; a knee giving way is not flagged.
- Tingling or burning "glutes", or not "feeling it" in the bum, is exercise
  feedback; a numb bum or glute is saddle numbness.
- "Can't go to the toilet" is not flagged (as likely constipation, common on
  painkillers); "can't pee" is.
- Leaking when coughing or sneezing is flagged (the screen cannot tell new from
  long-standing); "I nearly wet myself laughing" is an idiom and is not.
- Under 20, any back pain counts (it is uncommon at that age). Over 55 it counts
  only when new (a time cue such as "started", "last week") and not
  long-standing ("for years"): older users with chronic back pain are who the
  exercise is for.
- Bare "sciatica", a calf cramp and a steroid injection are not flagged; sciatica
  or pain spreading below the knee, and steroid tablets, are.
- Questions about a sign ("what if I can't pee?") are flagged: the urgent advice
  is also the right answer to the question.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

EMERGENCY = "emergency"  # same-day urgent care now (possible cauda equina)
SOON = "soon"  # see a doctor/physio promptly; stop exercise advice


@dataclass(frozen=True)
class RedFlag:
    urgency: str  # EMERGENCY or SOON
    sign: str  # a short key, e.g. "bladder", "saddle_numbness", "below_knee"
    description: str  # plain English for the sign, used in the reply


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _flags(urgency: str, signs: dict[str, str]) -> dict[str, RedFlag]:
    return {sign: RedFlag(urgency, sign, words) for sign, words in signs.items()}


# In order of priority: the first sign found wins.
SIGNS: dict[str, RedFlag] = {
    **_flags(
        EMERGENCY,
        {
            "bladder": "problems passing urine",
            "incontinence": "losing control of your bladder or bowels",
            "saddle_numbness": "numbness or tingling in the groin or saddle area",
            "both_legs": "weakness or numbness in both legs",
            "legs_giving_way": "your legs giving way",
            "sexual_function": "a change in sexual feeling or function",
        },
    ),
    **_flags(
        SOON,
        {
            "trauma": "pain after a fall or accident",
            "fever": "a fever or high temperature",
            "night_sweats": "night sweats",
            "unwell": "feeling generally unwell",
            "cancer": "cancer, now or in the past",
            "weight_loss": "weight loss you can't explain",
            "immunity": "steroid use or a weakened immune system",
            "night_pain": "pain that is constant or worse at night",
            "upper_back": "pain in your upper back",
            "age": "new back pain at your age",
            "below_knee": "pain or numbness spreading below the knee",
            "one_leg": "numbness or tingling in your leg",
            "leg_weakness": "your leg giving way or your foot dragging",
        },
    ),
}

# ---------------------------------------------------------------------------
# Words. Every token is compared by its spaCy NORM (lowercase, contractions
# spelled out: "can't", "cant" and "cannot" are all "can not"), after SPELLINGS
# has folded typing slips and word forms into one word and numbers into a class.
# ---------------------------------------------------------------------------

SPELLINGS = {
    "numb": r"numb(?!er)\w*|numm?ness|numbess|nunbness",
    "tingling": r"t[iy]n+[gk]+l\w*",
    "weak": r"weak\w*|weekness|weaknes+",
    "incontinent": r"incontin\w*",
    "impotent": r"impoten\w*",
    "bedwetting": r"bedwet\w*",
    "cancer": r"cancer\w*|cancr",
    "hiv": r"hiv\+?",
    "immunosuppressed": r"immuno-?(suppress|compromis|deficien)\w*",
    "unwell": r"unwel+",
}
_SPELLING = re.compile("|".join(f"(?P<{word}>{regex})" for word, regex in SPELLINGS.items()))
# Numbers become a class: an age under 20 or over 55 matters, "15 reps" does not.
_NUMBER = re.compile(r"(?P<value>\d{1,3})(?:\.\d+)?(?P<unit>yo|y/o|yrs?|kgs?|kilos?|lbs?)?")
YOUNG, OLD, FIFTIES, FIGURE = "numyoung", "numold", "numfifties", "numother"
AGE_CLASSES = ((12, 19, YOUNG), (56, 119, OLD), (50, 55, FIFTIES))  # 50-55: "over 50"


@lru_cache(maxsize=8192)
def _fold(norm: str) -> str:
    """One word for a spelling or number: "numbess" -> "numb", "62" -> "numold"."""
    number = _NUMBER.fullmatch(norm)
    if number:
        value, unit = int(number["value"]), number["unit"] or ""
        if unit.startswith(("k", "l")):
            return "numweight"
        kind = next((name for low, high, name in AGE_CLASSES if low <= value <= high), FIGURE)
        return kind + ("yo" if unit else "")
    spelling = _SPELLING.fullmatch(norm)
    return spelling.lastgroup if spelling else norm


UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen")  # fmt: skip
DECADES = ("sixty", "seventy", "eighty", "ninety")


def _spelled(tens: str, units: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{tens}{joint}{unit}" for unit in units for joint in (" ", "-"))


# Choices used in patterns as @NAME; each may be several words.
GROUPS: dict[str, tuple[str, ...]] = {
    "CANT": ("can't", "cannot", "unable to", "not able to", "couldn't", "can't seem to",
             "can hardly", "can barely", "struggle to", "struggling to", "find it hard to"),
    "MY": ("my", "the", "both", "both my", "both of my", "my left", "my right"),
    # Words that may come between others: "my legs keep giving way".
    "FILLER": ("keep", "keeps", "kept", "just", "suddenly", "sometimes", "have", "has", "had",
               "is", "are", "was", "been", "has been", "nearly", "almost", "completely",
               "totally", "really", "randomly", "often", "still", "always", "all", "now", "again",
               "seem to", "started to", "kind of", "actually", "both"),
    "ADVERB": ("really", "very", "quite", "so", "a bit", "a little", "pretty", "generally",
               "properly", "rather", "really quite", "kind of", "sort of", "super", "absolutely"),
    "VOID": ("pee", "peeing", "wee", "weeing", "urinate", "urinating", "piss", "pissing",
             "pass urine", "passing urine", "pass water", "passing water", "empty my bladder",
             "emptying my bladder", "go for a wee", "go for a pee", "have a wee", "have a pee",
             "do a wee", "start peeing"),
    "VOIDED": ("peed", "weed", "urinated", "passed urine", "passed water", "been able to pee",
               "been able to wee", "been able to urinate", "had a wee", "had a pee",
               "emptied my bladder", "been for a wee", "been for a pee"),
    "NIGHTTIME": ("at night", "in the night", "at nighttime", "at night-time", "during the night",
                  "in bed", "at nights", "every night"),
    "QUANTITY": ("a lot of", "lots of", "so much", "loads of", "some", "quite a bit of",
                 "a bit of", "a little", "too much", "much", "heaps of", "a load of"),
    "WEIGHT_UNIT": ("kg", "kgs", "kilo", "kilos", "kilograms", "pounds", "lbs", "lb", "stone",
                    "st"),
    "FEW": ("a", "one", "few", "a few", "couple", "a couple", "a couple of", "several", "two",
            "three", "four", "five", "six", YOUNG, OLD, FIFTIES, FIGURE),
    "FIGURE": (YOUNG, OLD, FIFTIES, FIGURE),
    "YOUNG": (YOUNG, *TEENS),
    "OLD": (OLD, *_spelled("fifty", UNITS[5:]), *DECADES,
            *(n for tens in DECADES for n in _spelled(tens, UNITS))),
}  # fmt: skip

# Each label maps to specs: words separated by spaces, one slot per position.
# "a|b" is a choice, "+" joins the words of one choice ("loss+of"), a trailing
# "?" makes a slot optional and "@NAME" is a choice from GROUPS. A label's part
# after a dot ("NUMB.cantfeel") only selects vetoes below; rules use the part
# before it. Lowercase labels are whole signs, uppercase ones parts of signs.
PATTERNS: dict[str, tuple[str, ...]] = {
    # --- emergency signs -------------------------------------------------------
    "bladder": (
        "@CANT @VOID",
        "trouble|difficulty|difficulties|problem|problems|struggling|struggle|issues|straining"
        "|strain|hard|difficult|harder to|with|when+i? @VOID",
        "have|has not @VOIDED",
        "no|lost|loss+of|lost+the urge to @VOID",
        "@CANT feel|tell when i need|have to pee|wee|urinate|go",
        "@CANT feel when|as i pee|wee|urinate",
        "no feeling|sensation when|as i pee|wee|urinate",
        "urine|urinary|bladder retention",
        "retaining|retention+of urine",
        "pee|wee|urine will|does|would|do not come|start|flow",
        "bladder will|does|would|is not empty|emptying",
        "do|can|could not know|feel|tell when|if my bladder is full",
        "@CANT feel|tell when|if my bladder is full",
        "@CANT feel my bladder",
    ),
    "incontinence": (
        "incontinent",
        "lost|losing|lose|loss+of|no|poor|lack+of my|the? bladder|bowel|bowels control",
        "lost|losing|lose|loss+of|no|poor control of|over my|the? bladder|bowel|bowels|pee|wee|poo"
        "|urine|peeing|pooing",
        "@CANT control|hold my|the? bladder|bowel|bowels|pee|wee|poo|poop|urine",
        "@CANT make it to the toilet|loo|bathroom",
        "@CANT control when i need|have to go|pee|wee|poo",
        "@CANT control when i need the toilet|loo|bathroom",
        "@CANT hold it in",
        "leak|leaks|leaking|leaked|leakage|dribble|dribbles|dribbling|dribbled my|the? urine|pee"
        "|wee|poo|stool|faeces|feces",
        "urine|pee|wee|bladder|bowel leaks|leaking|leaked|leakage",
        "i @FILLER? leak|leaked|leaking",
        "accident|accidents in my|the pants|trousers|underwear|knickers|bed",
        "bedwetting",
    ),
    "incontinence.myself": (
        "wet|wetting|soiled|soiling|peed|pooed|pooped|pissed|shat|shit|messed|pee'd|wee'd myself",
        "wet|wetting|soiled|soiling|peed|pooed|pooped|pissed|messed my|the pants|trousers"
        "|underwear|knickers|bed",
    ),
    "legs_giving_way": (
        "legs @FILLER? gave|give|giving|gives way|out",
        "legs @FILLER? buckled|buckle|buckling|buckles|folded|collapsed|collapsing|collapse",
        "legs @FILLER? went|go|gone|going from|out",
        "legs @FILLER? will|would|do|does|did|can|could not hold|support|carry",
    ),
    "legs_giving_way.collapse": ("i @FILLER? collapsed|collapsing",),
    "legs_giving_way.sudden": ("legs @FILLER? went|gone|go|going wobbly|weak|dead|numb",),
    "sexual_function": (
        "@CANT get|keep|maintain|have an|a? erection|erections|hard-on|boner",
        "erectile dysfunction|problems|issues|difficulties|difficulty",
        "impotent",
        "erection|erections problems|issues|trouble|difficulties",
        "trouble|problems|difficulty getting|keeping an|a? erection|erections",
        "no|lost|loss+of erections|erection",
        "@CANT orgasm|climax|ejaculate",
        "sexual dysfunction|problems|issues|difficulties|numb",
        "problems|trouble|issues|difficulty|difficulties with|getting|keeping my|an|a? erection"
        "|erections",
        "problems|trouble|issues|difficulties in the bedroom",
        "do|does|did|will not work|working down there",
    ),
    # --- soon signs ---------------------------------------------------------
    "fever": (
        "fever|fevers|feverish|fevered|febrile|pyrexia",
        "high|raised|a|have|has|had|got|with temperature|temp",
        "chills|shivers|shivery|rigors",
        "hot and|& cold",
    ),
    "night_sweats": (
        "night sweats|sweat",
        "sweats|sweating|sweaty|sweat @NIGHTTIME",
        "soaked|drenched|drenching|soaking in? sweat|sweats",
        "wake|woke|waking|wakes up? soaked|drenched|sweating",
    ),
    "unwell": (
        "unwell",
        "feel|feeling|felt|feels|been|am|getting|got @ADVERB? ill|poorly|rough|rotten|fluey"
        "|flu-ish|feverish",
        "run -? down",
        "under the weather",
    ),
    "unwell.flu": ("flu|flu-like|influenza|covid|covid-19|coronavirus|infection",),
    "cancer": (
        "cancer|tumour|tumor|tumours|tumors|malignant|malignancy|lymphoma|leukaemia|leukemia"
        "|myeloma|melanoma|carcinoma|sarcoma|metastases|metastasis|metastatic|oncologist"
        "|oncology|radiotherapy|mastectomy",
        "radiation therapy|treatment",
    ),
    "weight_loss": (
        "lost|dropped|shed @QUANTITY? weight",
        "lost|dropped|losing|dropping|shed|down @FIGURE @WEIGHT_UNIT",
        "lost|dropped|losing|dropping|shed|down numweight",
        "lost|dropped|losing|dropping|shed a|half+a stone",
        "lost|dropped|losing|dropping|shed two|three|four|five|six|seven|eight|nine|ten|twelve"
        "|fifteen|twenty|few|several|a+few|a+couple|a+couple+of kilos|kg|pounds|stone|lbs",
        "weigh|weighing less",
        "weight @FILLER? dropped|dropping|falling|fell|fallen",
        "weight @FILLER? gone|going|come|coming|came down|off",
        "unexplained|unintentional|unintended|unexpected|sudden|rapid|significant|lots+of"
        "|a+lot+of weight loss",
        "clothes|trousers|jeans are|feel? hanging|loose",
    ),
    "weight_loss.ing": ("losing|dropping|shedding|losin @QUANTITY? weight",),
    "immunity": (
        "chemo|chemotherapy|immunotherapy|immunosuppressed|hiv",
        "immune -? compromised|suppressed|deficient",
        "weak|low|poor|compromised|suppressed|damaged|lowered|bad|reduced immune|immunity",
        "immune system @FILLER? weak|low|compromised|suppressed|poor|bad|damaged",
        "methotrexate|azathioprine|tacrolimus|ciclosporin|cyclosporine|mycophenolate|infliximab"
        "|adalimumab|humira|biologics",
    ),
    "immunity.steroid": (
        "steroid|steroids|corticosteroid|corticosteroids|prednisolone|prednisone|dexamethasone"
        "|methylprednisolone",
    ),
    "immunity.transplant": ("transplant|transplants|transplanted",),
    "night_pain": (
        "worse|worst|bad|terrible|awful|unbearable @NIGHTTIME",
        "pain|pains|hurts|hurt|hurting|aches|ache|aching|throbs|throbbing|sore @NIGHTTIME",
        "night -? time? pain|pains",
        "nighttime pain|pains",
    ),
    "leg_weakness": (
        "leg @FILLER? gave|give|giving|gives way|out",
        "leg @FILLER? buckled|buckle|buckling|buckles|collapsed|collapses",
        "foot|drop drop|foot",
        "dropped foot",
        "foot @FILLER? drags|dragging|dragged|slaps|slapping|flops|flopping",
        "@CANT lift|raise|pull my|the? toes",
    ),
    # --- parts that rules combine -------------------------------------------
    "NUMB": (
        "numb|tingling",
        "pins and|n|& needles",
        "no|lost|loss+of|lack+of|reduced|less|little|without|altered|lost+the|lost+all"
        "|lost+some feeling|sensation|sensations",
        "feels|feel|felt|gone|went|go|goes|going dead",
        "can hardly|barely feel",
    ),
    "NUMB.cantfeel": (
        "can|could not really|quite|even|properly? feel",
        "unable+to|not+able+to feel",
    ),
    "WEAK": (
        "weak",
        "no|lost|loss+of|lost+my|lost+all|lost+the|lost+some strength|power",
        "paralysed|paralyzed|paralysis|floppy",
        "@CANT move",
    ),
    "SADDLE": (
        "groin|groins|crotch|saddle|perineum|perineal|genitals|genital|genitalia|privates|penis"
        "|vagina|vaginal|vulva|labia|testicles|testicle|scrotum|anus|anal|rectum|perianal|buttock"
        "|buttocks|bum|bums|butt|butts|backside",
        "private parts|area|bits",
        "where i|you sit",
        "sit|sitting bones",
        "back passage",
        "inner thigh|thighs|leg|legs",
        "inner-thigh|inner-thighs",
        "inside|insides of @MY? thigh|thighs|legs|leg",
        "between my|the legs",
        "nether regions",
        "my bits|balls",
        "when|while|after i wipe|wiping",
        "toilet paper|tissue",
    ),
    "SADDLE.down": ("down below|there",),
    "SADDLE.glute": ("glute|glutes",),
    "SADDLE.bottom": ("my|your bottom",),
    "BOTH_LEGS": (
        "both of? my|the? legs|leg|feet|thighs|calves|sides|ankles|shins",
        "left and|&|/ right",
        "right and|&|/ left",
        "each leg|side",
    ),
    "BOTH_LEGS.plural": ("legs",),
    "both_legs": ("@CANT lift|raise|move either|both of? my|the? leg|legs|foot|feet",),
    "LEG": ("leg",),
    "BELOW_KNEE": (
        "calf|calves|shin|shins|foot|feet|toe|toes|heel|heels|sole|soles|instep",
        "lower leg|legs",
        "below|under|beneath|past|beyond @MY? knee|knees",
    ),
    "BELOW_KNEE.ankle": ("ankle|ankles",),
    "SPREAD": (
        "shoot|shoots|shooting|radiate|radiates|radiating|radiated|spread|spreads|spreading"
        "|travel|travels|travelling|traveling|travelled",
        "go|goes|going|gone|went|run|runs|running|ran|move|moves|moving|moved|come|comes|coming"
        "|came down|into|through",
        "down @MY leg|legs",
        "down to|into",
        "all+the+way|right+down",
    ),
    "SCIATICA": ("sciatica|sciatic",),
    "SEX": ("sex|intercourse|orgasm|orgasms|climax|ejaculation|ejaculate|erection|erections",),
    "RETENTION": ("nothing|little|hardly+anything|barely+anything comes|came|will+come out",),
    "VOIDING": ("pee|peeing|wee|weeing|urinate|urinating|urine", "pass|passing urine|water"),
    "TRAUMA": (
        "a|bad|nasty|big|hard|heavy|serious fall|tumble",
        "tumbled|whiplash",
        "got|was|been|were|get hit|knocked|struck|tackled|kicked|punched|assaulted|attacked"
        "|beaten",
        "hit|struck|knocked by",
        "knocked over|down|off|out",
        "thrown off|from",
        "landed|fell on @MY? back|bum|tailbone|coccyx|hip|side|spine|bottom|butt|head",
        "hit|banged|bumped|smacked|jarred|jolted @MY? back|head|hip|spine|tailbone|coccyx|side",
    ),
    "TRAUMA.fell": ("fell|fallen", "falling over|down|off|onto|from|backwards|on"),
    "TRAUMA.slip": ("slipped|tripped", "tripping|slipping over|on"),
    "TRAUMA.accident": ("accident|accidents|crash|crashed|collision|pile-up", "rear -? ended"),
    "PAIN": (
        "pain|pains|painful|hurt|hurts|hurting|ache|aches|aching|achy|achey|sore|soreness|agony"
        "|agonising|agonizing|throbbing|throbs|twinge|twinges|stabbing|backache|backpain|killing",
        "injured|injury|injuries|bruised|bruise|bruising|swollen|swelling|broke|broken|fracture"
        "|fractured|cracked|sprained|damaged",
    ),
    "BACK": (
        "my|lower|low|upper|middle|mid|bad back",
        "back pain|ache|aches|hurts|hurting|injury|problem|problems|issue|issues|spasm|spasms",
        "backache|backpain|spine|spinal|lumbar|sciatica",
    ),
    "NEW": (
        "started|starting|start|began|begun|begin|beginning|new|recent|recently|sudden|suddenly"
        "|yesterday",
        "last|this|past week|weekend|night|month|morning|fortnight",
        "@FEW days|weeks ago",
        "for|past|last|since|in @FEW days|weeks",
        "first time",
        "never had|felt|experienced back? pain|problems|backache before|until",
        "out of nowhere",
        "out of the blue",
        "came|come on",
        "only just",
    ),
    "NIGHT": (
        "wake|wakes|woke|waking|woken|wakening me",
        "keeps|kept|keeping me awake|up",
        "@CANT sleep",
        "@CANT get to sleep",
        "@CANT lie down|flat|still",
        "@CANT lie in bed",
        "@CANT lie on my back|side",
        "@CANT get comfortable|comfy",
        "no position is|feels? comfortable|comfy|helps",
        "up|awake all night",
    ),
    "PERSISTENT": (
        "constant|constantly|continuous|continuously|continual|non-stop|nonstop|unrelenting"
        "|relentless|persistent|persists|24/7",
        "all the time",
        "day and night",
        "night and day",
        "every minute",
        "never stops|eases|lets+up|goes+away|go+away",
        "does|will|would|do not ever? stop|ease|go+away|let+up",
        "even at|when rest|resting",
        "at rest",
        "even when i rest|sit|lie+still|am+still|lie+down",
        "even lying|sitting still",
        "no matter what",
    ),
    "UPPER_BACK": (
        "upper|mid|middle -? back|spine",
        "middle of my|the back",
        "thoracic",
        "between @MY? shoulder blades|blade",
        "between @MY? shoulderblades|shoulders",
        "top of my back",
    ),
    "YOUNG.iam": ("i am|m aged? @YOUNG",),
    "YOUNG": (
        "aged|age @YOUNG",
        "@YOUNG years|year|yrs|yr|yo",
        "@YOUNG - year|yr",
        "@YOUNG y / o",
        "@YOUNG male|female|man|woman|m|f|boy|girl",
        "numyoungyo",
        "in my teens",
        "i am|m a teenager|teen",
    ),
    "OLD.iam": (
        "i am|m aged? @OLD",
        "i am|m over|past|above @OLD",
        "i am|m over|past|above numfifties|fifty",
    ),
    "OLD": (
        "aged|age @OLD",
        "@OLD years|year|yrs|yr|yo",
        "@OLD - year|yr",
        "@OLD y / o",
        "@OLD male|female|man|woman|m|f",
        "numoldyo",
        "in my late? sixties|seventies|eighties|nineties|60s|70s|80s|90s",
        "in my late fifties|50s",
        "i am|m a pensioner",
    ),
}  # fmt: skip

# Words that explain a sign away, for the rules that name them.
POSITIONAL = _words(
    "asleep sleep sitting sat sit kneeling knelt kneel cold floor crossed cross legged shoes"
    " shoe boots tight briefly"
)
EXERTION = _words(
    "workout session sets set reps rep exercise exercises exercising training tired fatigue"
    " fatigued exhausted jelly gym lift lifts lifting burn burning shaky wobbly effort"
)
EXPLAINED = _words(
    "diet dieting diets dieted trying tried try intentional intentionally purpose deliberately"
    " deliberate calories calorie slimming fasting keto ozempic wegovy mounjaro semaglutide"
    " tirzepatide watchers wanted want plan planned goal baby pregnancy pregnant gym running"
    " exercising training workouts cycling swimming walking"
)
LONG_STANDING = _words("years decades chronic always ages forever months")
FAMILY = _words(
    "mum mom mother dad father sister brother wife husband partner friend friends aunt auntie"
    " uncle grandma granny nan nana grandad grandpa grandfather grandmother son daughter cousin"
    " family relative colleague neighbour neighbor boyfriend girlfriend dog cat"
)

# A phrase with one of these words in its clause is not the sign ("I fell asleep").
VETO_IN_CLAUSE: dict[str, frozenset[str]] = {
    "NUMB.cantfeel": _words(
        "working work works engage engaging engaged activate activating activated exercise"
        " exercises stretch stretching burn burning muscle muscles squeeze squeezing firing"
        " contract contracting lift lifting glute glutes"
    ),
    "SADDLE.down": _words(
        "knee knees calf calves shin shins foot feet toe toes ankle ankles leg legs"
    ),
    "SADDLE.glute": _words(
        "tingling burn burning burns working work activate activating firing pump"
    ),
    "BOTH_LEGS.plural": _words("one either left right other"),
    "TRAUMA.fell": _words("asleep sleep behind short apart pregnant ill love"),
    "TRAUMA.slip": _words("disc disk discs disks"),
    "TRAUMA.accident": _words("pants trousers underwear knickers bed wet toilet loo sofa couch"),
    "legs_giving_way.collapse": _words(
        "sofa couch bed chair laughing laughter exhausted tired knackered asleep heap"
    ),
    "legs_giving_way.sudden": EXERTION - {"wobbly", "shaky", "jelly"},  # "after my sets"
    "incontinence.myself": _words("nearly almost"),
    "cancer": FAMILY | _words("risk screening awareness research charity zodiac star sign"),
    "unwell.flu": _words("jab jabs shot shots vaccine vaccines vaccination vaccinated booster"),
    "immunity.steroid": _words(
        "injection injections injected jab shot shots epidural inhaler inhalers inhaled cream"
        " creams ointment spray nasal drops eye"
    ),
    "immunity.transplant": _words("hair"),
    "weight_loss": _words("ankle ankles strap velcro band foot floor"),
    "weight_loss.ing": _words("good help helps helping best how can could should tips burn better"),
}

# A phrase followed directly by one of these words is not the sign ("I'm 15 reps in").
NOT_AN_AGE_BEFORE = _words(
    "reps rep sets set seconds second secs sec minutes minute mins min lbs lb kg kgs kilos"
    " pounds times out / of percent % degrees hours hrs days weeks months more"
)
VETO_NEXT: dict[str, frozenset[str]] = {
    "NUMB.cantfeel": _words("it them this that much like right good well sure a"),
    "SADDLE.bottom": _words("of"),
    "BELOW_KNEE.ankle": _words("weight weights strap straps band bands cuff cuffs"),
    "YOUNG.iam": NOT_AN_AGE_BEFORE,
    "OLD.iam": NOT_AN_AGE_BEFORE,
}


@dataclass(frozen=True)
class Rule:
    """A sign is found when `needs` (a label from each set) occur close together in one
    clause and each set in `context` anywhere in the message, unless an `unless` word
    in that clause (or, with unless_in_message, anywhere) explains it away."""

    sign: str
    needs: tuple[frozenset[str], ...]
    context: tuple[frozenset[str], ...] = ()
    unless: frozenset[str] = frozenset()
    unless_in_message: bool = False


def _rule(sign: str, *needs: str, context: tuple[str, ...] = (), **options) -> Rule:
    """_rule("x", "A|B", "C"): A or B, and C."""
    return Rule(
        sign,
        tuple(frozenset(n.split("|")) for n in needs),
        tuple(frozenset(c.split("|")) for c in context),
        **options,
    )


# In the order of SIGNS, so the first rule that applies gives the most urgent sign.
RULES: tuple[Rule, ...] = (
    _rule("bladder", "bladder"),
    _rule("bladder", "NUMB", "VOIDING"),
    _rule("bladder", "RETENTION", context=("VOIDING",)),
    _rule("incontinence", "incontinence"),
    _rule("saddle_numbness", "NUMB", "SADDLE"),
    _rule("both_legs", "NUMB", "BOTH_LEGS"),
    _rule("both_legs", "WEAK", "BOTH_LEGS", unless=EXERTION),
    _rule("both_legs", "both_legs"),
    _rule("legs_giving_way", "legs_giving_way"),
    _rule("sexual_function", "sexual_function"),
    _rule("sexual_function", "NUMB", "SEX"),
    _rule("trauma", "TRAUMA", context=("PAIN|BACK",)),
    _rule("fever", "fever"),
    _rule("night_sweats", "night_sweats"),
    _rule("unwell", "unwell"),
    _rule("cancer", "cancer"),
    _rule("weight_loss", "weight_loss", unless=EXPLAINED, unless_in_message=True),
    _rule("immunity", "immunity"),
    _rule("night_pain", "night_pain"),
    _rule("night_pain", "NIGHT", context=("PAIN|BACK",)),
    _rule("night_pain", "PERSISTENT", "PAIN"),
    _rule("upper_back", "UPPER_BACK", "PAIN"),
    _rule("age", "YOUNG", context=("BACK", "PAIN")),
    _rule("age", "OLD", context=("BACK", "PAIN", "NEW"), unless=LONG_STANDING,
          unless_in_message=True),
    _rule("below_knee", "SPREAD", "BELOW_KNEE", context=("PAIN|NUMB|SCIATICA",)),
    _rule("below_knee", "NUMB", "BELOW_KNEE", unless=POSITIONAL),
    _rule("one_leg", "NUMB", "LEG", unless=POSITIONAL | EXERTION),
    _rule("leg_weakness", "leg_weakness"),
)  # fmt: skip

# ---------------------------------------------------------------------------
# Denials and clauses.
# ---------------------------------------------------------------------------

NEGATIONS = _words("no not never without none nothing nor neither nobody zero")
# "not sure if my groin is numb" denies nothing, nor does "no, my groin is numb".
NOT_A_NEGATION_BEFORE = _words("sure certain know only just matter doubt")
NO_AS_ANSWER_BEFORE = _words("i my it the but that this we you he she they there")
NEGATION_WINDOW = 6  # tokens before a symptom
PLACE_NEGATION_WINDOW = 3  # tokens before a place: "numb, but not in my groin"
PLACES = _words("SADDLE BOTH_LEGS LEG BELOW_KNEE UPPER_BACK BACK SEX VOIDING")
# Between a denied symptom and the next, these carry the denial on: "no numbness or tingling".
CONNECTORS = _words(", or nor and / any no")
CLAUSE_PUNCTUATION = _words(". ! ? ; : ( ) — – -- ...")
DASHES = _words("- – —")  # a clause break only with spaces around it
CLAUSE_WORDS = _words(
    "but although though however except apart besides whereas yet just only because cause"
    " cos coz since so now still anyway otherwise plus also"
)
# "and" starts a new clause before a new subject: "no fever and I can't pee".
AND_BEFORE = _words(
    "i my it its now then also there the this that he she we they suddenly still recently lately"
)
MAX_SPAN = 12  # tokens from the first to the last part of a combined sign
LONGEST_LIST = 8  # symptoms in a list that one denial covers


@lru_cache(maxsize=1)
def _matcher() -> tuple[spacy.Language, PhraseMatcher]:
    """Built on first use (about a second): every spec spelled out as phrases, which
    the PhraseMatcher looks up by hash, so their number costs nothing per message."""
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    for label, specs in PATTERNS.items():
        phrases = {
            tuple(word for part in parts for word in part)
            for spec in specs
            for parts in product(*(_slot(slot, nlp) for slot in spec.split()))
        }
        docs = [Doc(nlp.vocab, words=list(w), spaces=[True] * len(w)) for w in sorted(phrases)]
        matcher.add(label, docs)
    return nlp, matcher


def _slot(slot: str, nlp: spacy.Language) -> list[tuple[str, ...]]:
    """The word sequences one slot of a spec stands for (() when it can be left out)."""
    optional = slot.endswith("?") and len(slot) > 1
    slot = slot.removesuffix("?") if optional else slot
    phrases = GROUPS[slot[1:]] if slot.startswith("@") else slot.replace("+", " ").split("|")
    choices = [tuple(_fold(t.norm_) for t in nlp.make_doc(phrase)) for phrase in phrases]
    return list(dict.fromkeys(choices + [()] if optional else choices))


@dataclass(frozen=True)
class _Hit:
    label: str  # the rules' label, without the part after a dot
    start: int
    end: int
    clause: int


@dataclass(frozen=True)
class _Message:
    """One message as words, with its clauses and the positions of denials."""

    words: list[str]
    clauses: list[int]  # the clause number of each word
    spans: list[range]  # the words of each clause
    negations: list[int]  # sorted

    def denied(self, position: int, window: int) -> bool:
        """Whether a denial comes at most `window` words before, in the same clause."""
        i = bisect_left(self.negations, position) - 1
        if i < 0:
            return False
        cue = self.negations[i]
        return position - cue <= window and self.clauses[cue] == self.clauses[position]


def prepare() -> None:
    """Build the matcher now, so that the first user does not wait for it."""
    _matcher()


def screen(text: str) -> RedFlag | None:
    """The most urgent red flag the text reports, or None."""
    if not text or not re.search(r"[a-zA-Z]", text):
        return None
    nlp, matcher = _matcher()
    doc = nlp.make_doc(text[: nlp.max_length].lower())
    words = []
    for token in doc:
        word = _fold(token.norm_)
        if word != token.norm_:
            token.norm_ = word
        words.append(word)
    found = []
    for key, start, end in matcher(doc):
        label = nlp.vocab.strings[key]
        if not (end < len(words) and words[end] in VETO_NEXT.get(label, ())):
            found.append((label, start, end))
    found.sort(key=lambda f: (f[1], f[2]))
    message = _read(doc, words, found)
    hits, vetoed = [], {}  # (label, clause) -> whether a veto word is in that clause
    for label, start, end in found:
        clause = message.clauses[start]
        vetoes = VETO_IN_CLAUSE.get(label)
        if vetoes and (label, clause) not in vetoed:
            span = message.spans[clause]
            vetoed[label, clause] = any(message.words[i] in vetoes for i in span)
        if not vetoed.get((label, clause)):
            hits.append(_Hit(label.split(".")[0], start, end, clause))
    hits = _undenied(hits, message)
    for rule in RULES:
        if _applies(rule, hits, message):
            return SIGNS[rule.sign]
    return None


def _read(doc: Doc, words: list[str], found: list[tuple[str, int, int]]) -> _Message:
    """Clauses (punctuation and words such as "but" start a new one) and denials."""
    ends_from: dict[int, int] = {}
    for _, start, end in found:
        ends_from[start] = max(end, ends_from.get(start, end))
    ends = {end for _, _, end in found}
    clauses, clause = [], 0
    for i, token in enumerate(doc):
        word = words[i]
        if (
            token.is_space
            or word in CLAUSE_PUNCTUATION
            or word in CLAUSE_WORDS
            or (word == "and" and i + 1 < len(words) and words[i + 1] in AND_BEFORE)
            or (word in DASHES and i and doc[i - 1].whitespace_ and token.whitespace_)
            or (word == "," and not _in_a_list(i, words, ends, ends_from))
        ):
            clause += 1
        clauses.append(clause)
    spans = [range(0)] * (clause + 1)
    first = 0
    for i in range(1, len(clauses) + 1):
        if i == len(clauses) or clauses[i] != clauses[first]:
            spans[clauses[first]] = range(first, i)
            first = i
    inside = {i for _, start, end in found for i in range(start, end)}
    return _Message(words, clauses, spans, _negations(words, clauses, inside))


def _in_a_list(comma: int, words: list[str], ends: set[int], ends_from: dict[int, int]) -> bool:
    """Whether a comma separates symptoms in a list closed by "or": "no numbness, tingling
    or weakness". Otherwise a comma ends the clause: "no fever, tingling in my groin"."""
    if comma not in ends:
        return False
    i = comma + 1
    for _ in range(LONGEST_LIST):
        if i not in ends_from:
            return False
        i = ends_from[i]
        if i < len(words) and words[i] in ("or", "nor"):
            return True
        if not (i < len(words) and words[i] == ","):
            return False
        i += 1
    return False


def _negations(words: list[str], clauses: list[int], inside: set[int]) -> list[int]:
    """Positions of words that deny what follows ("not" in "can't pee" is part of a sign)."""
    found: list[int] = []
    for i, word in enumerate(words):
        if word not in NEGATIONS or i in inside:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in NOT_A_NEGATION_BEFORE or (word == "no" and after in NO_AS_ANSWER_BEFORE):
            continue
        if word == "without" and found and clauses[found[-1]] == clauses[i]:
            found.pop()  # "can't walk without my legs giving way": the two cancel out
            continue
        found.append(i)
    return found


def _undenied(hits: list[_Hit], message: _Message) -> list[_Hit]:
    """The hits not denied. A denial carries along a list: "no numbness or tingling"."""
    kept, denied_end = [], {}  # clause -> end of the last denied hit in it
    for hit in hits:
        window = PLACE_NEGATION_WINDOW if hit.label in PLACES else NEGATION_WINDOW
        end = denied_end.get(hit.clause)
        listed = (
            end is not None
            and 0 <= hit.start - end <= 3
            and all(message.words[i] in CONNECTORS for i in range(end, hit.start))
        )
        if listed or message.denied(hit.start, window):
            denied_end[hit.clause] = max(hit.end, end or 0)
        else:
            kept.append(hit)
    return kept


def _applies(rule: Rule, hits: list[_Hit], message: _Message) -> bool:
    """Whether the hits (sorted by start) make the rule's sign."""
    if not all(any(hit.label in group for hit in hits) for group in rule.context):
        return False
    first, *others = rule.needs
    starts = [hit.start for hit in hits]
    explanations: dict[int, list[int]] = {}  # clause (-1: message) -> unless words in it
    for anchor in (hit for hit in hits if hit.label in first):
        low = bisect_left(starts, anchor.start - MAX_SPAN)
        nearby = hits[low : bisect_right(starts, anchor.start + MAX_SPAN)]
        near = [
            [hit for hit in nearby if hit.label in group and hit.clause == anchor.clause]
            for group in others
        ]
        for chosen in product([anchor], *near):
            if max(h.end for h in chosen) - min(h.start for h in chosen) > MAX_SPAN:
                continue
            if rule.unless and _explained(rule, chosen, message, explanations):
                continue
            return True
    return False


def _explained(
    rule: Rule,
    chosen: tuple[_Hit, ...],
    message: _Message,
    explanations: dict[int, list[int]],
) -> bool:
    """Whether an undenied `unless` word, other than the sign's own words ("62 years"
    is no "for years"), is in the clause or, with unless_in_message, the message."""
    scope = -1 if rule.unless_in_message else chosen[0].clause
    if scope not in explanations:
        words = range(len(message.words)) if scope == -1 else message.spans[scope]
        explanations[scope] = [
            i for i in words if message.words[i] in rule.unless and not message.denied(i, 2)
        ]
    own = {i for hit in chosen for i in range(hit.start, hit.end)}
    return any(i not in own for i in explanations[scope])


def advice(flag: RedFlag) -> str:
    """What the coach says: never diagnoses, never includes exercise talk."""
    if flag.urgency == EMERGENCY:
        return (
            f"You mentioned {flag.description}, and that needs urgent medical care today."
            " Please stop exercising and call your emergency number now (999 in the UK, 911 in"
            " the US, 112 in the EU) or go to the nearest emergency department."
            " This is not something to wait on."
        )
    return (
        f"You mentioned {flag.description}, which a doctor or physiotherapist should check soon."
        " Please stop the exercise for now and book an appointment within the next day or two."
        " If it gets much worse before then, get urgent medical help."
    )

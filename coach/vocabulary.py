"""Words the coach recognises, as data: the spaCy EntityRuler is built from these
(nlp/build_pipeline.py), and the actions use them to read entity values back.

Each entity maps a canonical value to the phrases that mean it.
"""

import re

BODY_PARTS = {
    "lower back": ("lower back", "low back", "lumbar", "back", "spine", "lower spine"),
    "upper back": ("upper back", "thoracic", "between my shoulder blades"),
    "hip": ("hip", "hips", "hip joint"),
    "knee": ("knee", "knees", "kneecap"),
    "hamstring": ("hamstring", "hamstrings", "back of my thigh", "back of the thigh"),
    "glute": ("glute", "glutes", "buttock", "buttocks", "bum", "butt", "backside"),
    "thigh": ("thigh", "thighs", "quad", "quads"),
    "groin": ("groin",),
    "leg": ("leg", "legs", "calf", "calves", "shin"),
    "neck": ("neck",),
    "shoulder": ("shoulder", "shoulders"),
    "wrist": ("wrist", "wrists", "hand", "hands"),
    "foot": ("foot", "feet", "ankle", "ankles", "toes"),
}

SIDES = {
    "left": ("left", "lft"),
    "right": ("right", "rigt", "rite"),
    "both": ("both", "both sides", "both legs"),
}

EQUIPMENT = {
    "ankle weight": ("ankle weight", "ankle weights", "leg weight", "leg weights", "weights"),
    "band": ("band", "bands", "resistance band", "resistance bands", "theraband"),
    "ball": ("ball", "exercise ball", "swiss ball", "gym ball", "stability ball"),
    "mat": ("mat", "yoga mat", "towel", "cushion"),
    "pillow": ("pillow",),
}

PAIN_WORDS = {
    "pain": ("pain", "painful", "hurt", "hurts", "hurting", "ache", "aches", "aching",
             "sore", "soreness", "ouch", "ow", "twinge", "twinges", "discomfort",
             "agony", "stiff", "cramp", "cramps", "tender"),
}  # fmt: skip

PAIN_KINDS = {
    "sharp": ("sharp", "stab", "stabs", "stabbing", "shooting", "knife", "pinch", "pinching"),
    "dull": ("dull",),
    "ache": ("ache", "achy", "aching", "throbbing"),
    "burning": ("burning", "burns", "burn"),
    "tingling": ("tingling", "tingly", "pins and needles"),
    "numbness": ("numb", "numbness", "no feeling"),
}

SEVERITY_WORDS = {
    "mild": ("mild", "a little", "a bit", "slight", "slightly", "a tiny bit", "minor"),
    "moderate": ("moderate", "quite", "fairly", "pretty sore", "medium"),
    "severe": ("severe", "really bad", "very bad", "terrible", "awful", "unbearable",
               "excruciating", "agony", "worst", "extreme", "a lot"),
}  # fmt: skip

# Other exercises: a technique question naming one of these is out of scope.
OTHER_EXERCISES = {
    "squats": ("squat", "squats", "squatting"),
    "planks": ("plank", "planks", "side plank"),
    "push-ups": ("push up", "push ups", "push-up", "push-ups", "pushup", "pushups", "press up",
                "press ups", "press-ups"),
    "lunges": ("lunge", "lunges"),
    "deadlifts": ("deadlift", "deadlifts", "dead lift"),
    "bridges": ("bridge", "bridges", "glute bridge", "hip bridge"),
    "side-lying leg raises": ("side lying leg raise", "side lying leg raises",
                              "side-lying leg raise", "side-lying leg raises",
                              "side lying leg lift", "side lying leg lifts", "side-lying leg lift",
                              "side-lying leg lifts", "side leg raise", "side leg raises",
                              "side leg lift", "side leg lifts", "side lying hip abduction",
                              "fire hydrant", "fire hydrants"),
    "clamshells": ("clamshell", "clamshells", "clam", "clams"),
    "crunches": ("crunch", "crunches", "sit up", "sit ups", "situp", "situps", "sit-ups"),
    "curls": ("bicep curl", "bicep curls", "curls"),
    "bench press": ("bench press",),
    "pull-ups": ("pull up", "pull ups", "pullup", "pullups", "chin up", "chin ups"),
    "burpees": ("burpee", "burpees"),
    "running": ("running", "jogging", "jog", "jogs", "a run", "run for", "treadmill"),
    "yoga": ("yoga",),
    "pilates": ("pilates",),
    "swimming": ("swimming", "swim", "swims", "aqua aerobics"),
    "cycling": ("cycling", "biking", "exercise bike", "spin bike", "spin class", "spinning",
                "static bike", "stationary bike", "bike ride", "bike rides"),
    "rowing": ("rowing", "rowing machine", "rower"),
    "cross trainer": ("cross trainer", "cross-trainer", "elliptical"),
    "stretches": ("hamstring stretch", "cat cow", "bird dog", "superman", "supermans"),
}  # fmt: skip

# Medicines and medical tests: the coach never advises on these.
MEDICATIONS = {
    "painkiller": (
        "painkiller",
        "painkillers",
        "pain killer",
        "pain killers",
        "pain relief",
        "medicine",
        "medicines",
        "medication",
        "meds",
        "pill",
        "pills",
        "tablet",
        "tablets",
    ),
    "ibuprofen": ("ibuprofen", "advil", "nurofen", "motrin"),
    "paracetamol": ("paracetamol", "acetaminophen", "tylenol"),
    "naproxen": ("naproxen", "aleve"),
    "aspirin": ("aspirin",),
    "codeine": ("codeine", "co-codamol", "cocodamol", "tramadol", "opioid", "opioids"),
    "anti-inflammatory": (
        "anti inflammatory",
        "anti inflammatories",
        "anti-inflammatory",
        "anti-inflammatories",
        "nsaid",
        "nsaids",
        "voltaren",
        "diclofenac",
    ),
    "muscle relaxant": ("muscle relaxant", "muscle relaxants"),
    "steroid": ("steroid", "steroids", "steroid injection", "cortisone"),
}
MEDICAL_TESTS = {
    "x-ray": ("x ray", "x-ray", "xray", "x rays", "x-rays"),
    "mri": ("mri", "mri scan"),
    "scan": ("scan", "scans", "ct scan", "ultrasound"),
    "blood test": ("blood test", "blood tests"),
}  # fmt: skip

# Things outside the exercise that people ask about, by kind: asked off-topic (even
# beside back pain: "is a firm mattress good for my back?"), the coach says which kind
# of thing it can't help with (its response utter_off_topic_<kind>, data/responses/
# off_topic.yml). Only read when the question is off-topic: "can I do it before bed?"
# stays a question about the exercise.
OFF_TOPIC_KINDS = {
    "diet": ("diet", "diets", "dieting", "keto", "ketogenic", "vegan", "vegetarian",
             "calorie", "calories", "protein", "carbs", "carbohydrates", "sugar",
             "fasting", "eat", "eating", "food", "foods", "meal plan", "belly fat",
             "lose weight", "weight loss", "alcohol", "beer", "beers", "wine", "pints"),
    "supplement": ("supplement", "supplements", "vitamin", "vitamins", "glucosamine",
                   "chondroitin", "fish oil", "cod liver oil", "omega 3", "collagen",
                   "turmeric", "magnesium", "creatine", "multivitamin", "multivitamins"),
    "sleep": ("sleep", "sleeping", "mattress", "mattresses", "pillows", "office chair",
              "chair", "chairs", "desk", "standing desk", "sofa", "couch", "car seat",
              "insomnia"),
    "sport": ("football", "soccer", "tennis", "golf", "basketball", "rugby", "cricket",
              "boxing", "marathon", "gym", "weightlifting", "hiking", "skiing",
              "climbing", "dancing", "badminton", "netball", "volleyball", "sport",
              "sports"),
    # Conditions of other parts of the body: the coach knows the back, hips and glutes.
    "other_body_part": ("frozen shoulder", "rotator cuff", "tennis elbow",
                        "golfer's elbow", "carpal tunnel", "plantar fasciitis",
                        "shin splints", "bunion", "bunions", "whiplash"),
    "illness": ("headache", "headaches", "migraine", "migraines", "cough", "coughing",
                "sore throat", "a cold", "the flu", "flu", "common cold", "rash", "acne",
                "heartburn", "indigestion", "toothache", "earache", "anxiety", "stress",
                "blood pressure", "cholesterol", "hay fever", "sinus"),
    # Requests nothing to do with health: each kind gets its own refusal, so no single
    # reply answers every stray request.
    "general_knowledge": ("weather", "forecast", "news", "headlines", "meaning of life",
                          "capital of", "stock market", "election", "quiz", "trivia",
                          "general knowledge"),
    "chat": ("joke", "jokes", "poem", "poems", "riddle", "riddles", "story", "stories",
             "cover letter", "essay", "lyrics", "limerick", "favourite colour",
             "favorite color", "favourite color", "favorite colour", "small talk"),
    "errand": ("taxi", "cab", "uber", "takeaway", "pizza", "book a table", "restaurant",
               "flight", "flights", "hotel", "train ticket", "train tickets",
               "cinema tickets", "delivery", "parcel", "haircut"),
    "language": ("translate", "translated", "translating", "translation", "in french",
                 "in spanish", "in german", "in italian", "in mandarin", "in japanese",
                 "in portuguese", "in arabic", "in welsh"),
}  # fmt: skip

ENTITY_VOCABULARY = {
    "body_part": BODY_PARTS,
    "side": SIDES,
    "equipment": EQUIPMENT,
    "pain_word": PAIN_WORDS,
    "pain_kind": PAIN_KINDS,
    "severity": SEVERITY_WORDS,
    "other_exercise": OTHER_EXERCISES,
    "medication": MEDICATIONS,
    "medical_test": MEDICAL_TESTS,
    "off_topic": OFF_TOPIC_KINDS,
}


def canonical(entity: str, text: str) -> str | None:
    """The canonical value of an entity's surface text, e.g. ("body_part", "Glutes") -> "glute"."""
    wanted = " ".join(text.lower().split())
    for value, phrases in ENTITY_VOCABULARY.get(entity, {}).items():
        if wanted == value or wanted in phrases:
            return value
    return None


def protected_words() -> set[str]:
    """Every word of every phrase above: the spelling corrector never changes these."""
    return {
        word
        for vocabulary in ENTITY_VOCABULARY.values()
        for value, phrases in vocabulary.items()
        for phrase in (value, *phrases)
        for word in phrase.lower().replace("-", " ").split()
    }


def body_part_alternation(leaving_out: tuple[str, ...] = ()) -> str:
    """Every body-part phrase as one regex alternation, longest first so that "lower back"
    wins over "back"; the parts in `leaving_out` are left out."""
    phrases = (
        re.escape(phrase)
        for part, phrases in BODY_PARTS.items()
        if part not in leaving_out
        for phrase in phrases
    )
    return "|".join(sorted(phrases, key=len, reverse=True))

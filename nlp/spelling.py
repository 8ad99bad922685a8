"""Spelling correction before featurization: "how long do i hold the leg" from
"how lnog do i hodl the leg".

pyspellchecker (a maintained package that ships its English word list) proposes
the corrections; the words of the training data and the project vocabulary
(coach/vocabulary.py) are the domain's own words: never corrected, and
preferred when a typo is close to one of them ("glutes", not "gluten"). Only
letters-only words of MIN_LENGTH or more that neither list knows are changed,
so numbers, scores, names in another script and short words pass untouched.
"""

import itertools
import json
import re
from functools import lru_cache
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from spellchecker import SpellChecker

from coach import red_flags
from coach.conversation import equipment_heard, without_invocation
from coach.numbers import number_word_slip
from coach.vocabulary import protected_words

WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# A letter said twice or more in a row: chat stretches a word ("yesss", "nooo",
# "pleeease", "yeahh"), and the stretched word is the word, not a typo of another
# ("yess" is not "less").
RUN = re.compile(r"([a-z])\1+")
MIN_LENGTH = 4
# Longer words may be two edits away; short ones only one (fewer wrong guesses).
TWO_EDITS_FROM_LENGTH = 7
# A domain word counts as this common, so it wins over a rare dictionary word.
DOMAIN_WORD_FREQUENCY = 10**7
VOCABULARY_FILE = "domain_words.json"
# Contractions typed without their apostrophe: words, not typos ("arent" is no "parent").
WITHOUT_APOSTROPHE = frozenset((
    "arent", "isnt", "wasnt", "werent", "dont", "doesnt", "didnt", "cant", "couldnt", "wont",
    "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "theyre", "youre", "theyve", "weve",
    "youve", "ive", "im", "shes", "hes", "thats", "whats", "theres", "heres", "wheres", "aint",
    "mustnt", "neednt",
))  # fmt: skip

# Chat words no dictionary holds, kept as typed ("okey dokey" is no donkey).
CHAT_WORDS = frozenset(("okey", "dokey", "dokie", "heya", "laters", "peasy", "argh"))
# Chat spellings a dictionary would make into other words ("wats" into "was").
CHAT_SPELLINGS = {
    "wats": "whats", "wots": "whats", "whts": "whats", "wuts": "whats",
    # session words typed without vowels or joined ("thts 5", "howmany left")
    "thts": "thats", "tht": "that", "thta": "that", "thtas": "thats",
    "howmany": "how many", "howmuch": "how much", "howlong": "how long",
    # sound-alikes a dictionary keeps: in this coach a leg or back is only ever straight
    "strait": "straight", "straigt": "straight", "staight": "straight", "streight": "straight",
    "strieght": "straight", "straght": "straight",
    # hedges cut short ("prob a 2"): a dictionary makes "prob" into "prop"
    "prob": "probably", "probs": "probably", "prolly": "probably",
}  # fmt: skip


def domain_words(texts: list[str]) -> set[str]:
    words = {word.lower() for text in texts for word in WORD.findall(text)}
    return words | {word.lower() for word in protected_words()}


class Corrector:
    """The correction rules, without Rasa: built from the domain's words."""

    def __init__(self, words: set[str]) -> None:
        self.words = frozenset(words)
        self._one = self._checker(1)
        self._two = self._checker(2)
        self._english = SpellChecker(distance=1)  # the word list alone, without the domain's

    def _checker(self, distance: int) -> SpellChecker:
        checker = SpellChecker(distance=distance)
        checker.word_frequency.load_json(dict.fromkeys(self.words, DOMAIN_WORD_FREQUENCY))
        return checker

    def correct_word(self, word: str) -> str:
        lowered = word.lower()
        if lowered in CHAT_SPELLINGS:
            return CHAT_SPELLINGS[lowered]
        if len(word) < MIN_LENGTH or "'" in word:
            return word
        if lowered in self.words:
            return self._domain_typo(word, lowered)
        if _kept_as_typed(lowered):
            return word
        if lowered in self._one:  # an English word the data happens not to use
            return word
        # A number word with a slip ("thre", "sevn") is that number, not another word.
        number = number_word_slip(lowered)
        if number is not None:
            return number
        if (unstretched := self._unstretched(lowered)) is not None:
            return unstretched
        checker = self._two if len(word) >= TWO_EDITS_FROM_LENGTH else self._one
        candidates = checker.candidates(lowered)
        if not candidates:
            return word
        # The commonest candidate; ties go alphabetically, so that every run agrees.
        return max(sorted(candidates), key=checker.word_usage_frequency)

    def _domain_typo(self, word: str, lowered: str) -> str:
        """A typo the training data happens to hold ("strat my workout", "this excercise")
        is no word of the domain: the English domain word one slip from it, if there is one."""
        if lowered in self._english or lowered in CHAT_WORDS or _kept_as_typed(lowered):
            return word
        number = number_word_slip(lowered)
        if number is not None:
            return number
        candidates = [
            c for c in _slips_of(lowered) if c in self.words and c in self._english and len(c) >= 3
        ]
        if not candidates:
            return word
        return max(sorted(candidates), key=self._english.word_usage_frequency)

    def _unstretched(self, lowered: str) -> str | None:
        """The known word a stretched word comes from ("yesss" -> "yes"), the least
        shortened one first, with domain words before dictionary words; None when
        no letter is repeated or no shortening is a word."""
        runs = list(RUN.finditer(lowered))
        if not runs or len(runs) > 4:
            return None
        # Each run of a letter kept as it is, as two letters or as one.
        options = [sorted({match.group(0), match.group(1) * 2, match.group(1)}) for match in runs]
        found: list[tuple[int, int, str]] = []
        for choice in itertools.product(*options):
            pieces, last = [], 0
            for match, keep in zip(runs, choice, strict=True):
                pieces += [lowered[last : match.start()], keep]
                last = match.end()
            candidate = "".join([*pieces, lowered[last:]])
            if candidate == lowered:
                continue
            if candidate in self.words:
                found.append((0, -len(candidate), candidate))
            elif candidate in self._one:
                found.append((1, -len(candidate), candidate))
        return min(found)[2] if found else None

    def correct(self, text: str) -> str:
        # equipment misheard ("ankle wait") is put right first: each word alone is a word
        text = equipment_heard(text)
        return WORD.sub(lambda match: self.correct_word(match.group(0)), text)


def _kept_as_typed(lowered: str) -> bool:
    """The red-flag screen reads the user's own words: never turn them into others
    ("numbess" into "numbers", "sharted" into "started", "theyre" into "there")."""
    return (
        lowered in red_flags.vocabulary()
        or red_flags.spelled_as_a_sign_word(lowered)
        or lowered in WITHOUT_APOSTROPHE
    )


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _slips_of(word: str) -> set[str]:
    """The words a typo may be of: two letters swapped ("strat"), one left out ("redy"),
    one typed twice ("stopp"), or, in a long word, one too many ("excercise"). A letter
    changed is left alone: "mins", "wifi" and "doms" are words of their own."""
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    missing = {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in LETTERS}
    extra = {
        word[:i] + word[i + 1 :]
        for i in range(len(word))
        if len(word) >= 7 or (i > 0 and word[i - 1] == word[i])
    }
    return (swapped | missing | extra) - {word}


@lru_cache(maxsize=4)
def _corrector(words: frozenset[str]) -> Corrector:
    return Corrector(set(words))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class SpellingCorrector(GraphComponent):
    """Rewrites the message text with typos fixed, before the spaCy pipeline reads it.

    Training collects the words of the training data; the model stores them.
    The text the actions see (the tracker's) is what the user typed.
    """

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SpellingCorrector":
        return cls(model_storage, resource, set())

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "SpellingCorrector":
        try:
            with model_storage.read_from(resource) as directory:
                words = set(json.loads((directory / VOCABULARY_FILE).read_text()))
        except (ValueError, FileNotFoundError):
            words = set()
        return cls(model_storage, resource, words)

    def __init__(self, model_storage: ModelStorage, resource: Resource, words: set[str]) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self._words = frozenset(words) if words else frozenset(domain_words([]))

    def train(self, training_data: TrainingData) -> Resource:
        texts = [message.get(TEXT) or "" for message in training_data.training_examples]
        self._words = frozenset(domain_words(texts))
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(self._words)))
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # the training data is written correctly: learn it as it is

    def process(self, messages: list[Message]) -> list[Message]:
        corrector = _corrector(self._words)
        for message in messages:
            text = message.get(TEXT)
            if text and not text.startswith("/"):
                # "alexa, ask leg lift coach to start": classified as "start"
                message.set(TEXT, corrector.correct(without_invocation(text)))
        return messages

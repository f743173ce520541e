"""What one text tells the splitter about itself: how often it writes a word
alone, whether it writes two words side by side, which names it uses,
whether it lost spaces elsewhere (`_shows_lost_spaces`).

`_Document` answers only these questions, and records them, so that a
decision made in one text is reused in another that answers alike.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import islice
from typing import TYPE_CHECKING

from ..casing import lower
from .guards import _holds_code
from .joins import _plain_join
from .numbers import year_after_date_opener
from . import tuning
from .shapes import (
    CLOSED_BEFORE_COMMA, INITIAL_NAME_RE, LETTERS_RE, PLAIN_WORD_RE, SPACE_RE, SPACED_DASH_RE, _is_letter,
    _letter_words, _parts,
)
from .tuning import (
    ENGLISH_MIN_RUNS, ENGLISH_SHARE, GLUED_WORD_ZIPF, KNOWN_ZIPF, LOCAL_WORD_ZIPF, MARKS_COUNTED, MARKS_LONG_TEXT,
    MARKS_NEEDED,
)

if TYPE_CHECKING:
    from ..config import Config
    from .model import Model


# What `after_name` says of the word before a token: nothing (0), a
# capitalised function word (The, In), or a capitalised word (Nations).
AFTER_FUNCTION_WORD, AFTER_NAME = 1, 2

# The questions a decision may ask of its text (see `_Document`).
COUNT, APART, NAMES, DAMAGED, INITIALS, DASHES, CODE, AFFIX = range(8)


class _Document:
    """What the splitter knows about one text while it works on it.

    Its evidence is read through three questions only, `count`,
    `written_apart` and `names`; while `trace` is a list, each question and its answer is
    recorded there, so that a decision made in one text can be reused in
    another that answers the same questions alike (`_decide`)."""

    def __init__(self, text: str, model: Model, config: Config, damaged: bool = True, counts: Counter | None = None,
                 changed: list | tuple = (), english: bool | None = None):
        self.model = model
        self._damaged = damaged
        self.config = config
        self.text = text
        self.lower = lower(text)
        self.trace: list | None = None
        self._counts: Counter | None = counts  # each run of letters: how often it stands
        self._changed = changed  # tokens split since `counts` was read: (as they were, as they are)
        self._english = english
        self._adjacent: str | None = None  # `_runs_spaced`
        self._initials: bool | None = None
        self._dashes: bool | None = None
        self._code: bool | None = None

    # `_words` and `_runs_spaced` each read the runs of letters afresh rather than
    # keep the list: on a long text it would hold a string per word written.
    def _words(self) -> Counter:
        if self._counts is None:
            runs = _letter_words(self.lower)
            self._counts = Counter(runs)
            self._changed = ()  # read from the text as it is now
            if self._english is None:
                self._english = self._reads_english(runs)  # on the runs at hand, before they are dropped
        elif self._changed:
            # Only the split tokens change the counts: a run of letters never
            # crosses a space, so each token's runs can be taken out and its
            # pieces' put in, rather than the whole text read again.
            counts = self._counts
            for before, after in self._changed:
                for word in _letter_words(before.lower()):
                    counts[word] -= 1
                counts.update(_letter_words(after.lower()))
            self._changed = ()
        return self._counts

    # Side-by-side questions are answered from the text's runs of letters
    # written out once, one space between each two (a question is then one
    # substring search there, where a table of every pair cost more to build
    # than most texts ask); a name question by looking the name up in the text.
    def _runs_spaced(self) -> str:
        """The runs of letters (lower case), a space before, between and after them."""
        if self._adjacent is None:
            self._adjacent = " " + " ".join(_letter_words(self.lower)) + " "
        return self._adjacent

    def _writes_pair(self, first: str, second: str) -> bool:
        """Whether two runs of letters stand side by side in the text (runs hold no space: one
        found with a space on each side and one between is two whole runs)."""
        return bool(first) and bool(second) and " " not in first and " " not in second and (
            f" {first} {second} " in self._runs_spaced())

    def _writes_name(self, name: str) -> bool:
        """Whether `name` stands in the text as a whole run of letters (`LETTERS_RE`: no letter beside it)."""
        return next(_whole_runs(self.text, name), None) is not None

    @property
    def english(self) -> bool:
        """The language guard, for the text as a whole: most of its words English."""
        if self._english is None:
            self._english = self._reads_english(_letter_words(self.lower))
        return self._english

    def _reads_english(self, runs: list[str]) -> bool:
        """Whether most of the text's runs of letters are common English words
        (a pass over them: a table of a long text's words would grow with it)."""
        return not self.config.english_only or len(runs) < ENGLISH_MIN_RUNS or sum(
            map(self.model.common.__contains__, runs)) >= ENGLISH_SHARE * len(runs)

    # -- the text's evidence ----------------------------------------------
    def count(self, word: str) -> int:
        """How often this text writes the lower-case `word` alone: 0, 1, or 2 for more."""
        # (`_ask(COUNT, word)` written out: the commonest question, asked tens of thousands of times a corpus.)
        found = self._words().get(word, 0)
        if found > 2:
            found = 2
        if self.trace is not None:
            self.trace.append((COUNT, word, found))
        return found

    def written_apart(self, parts: list[str]) -> bool:
        """Whether this text also writes these words apart, side by side."""
        return self._ask(APART, tuple(parts))

    def names(self, word: str) -> bool:
        """Whether this text writes the lower-case `word` alone with a capital
        (a name it uses: Blair, Christmas), not only in lower case."""
        return self._ask(NAMES, word)

    def damaged(self) -> bool:
        """Whether the text shows lost spaces elsewhere: a lower-case token
        that the word model alone splits (`split_words` reads it once)."""
        return self._ask(DAMAGED, None)

    def lists_initials(self) -> bool:
        """Whether the text writes at least two names after an initial (J Kowalski,
        P Vandell): a line-up or a list of credits."""
        return self._ask(INITIALS, None)

    def writes_spaced_dashes(self) -> bool:
        """Whether the text writes a dash with a space on each side (`said - the`):
        its own style, against which `quickly- held` lost the space before its dash
        (and in a text that never does, `error- correction` is a hyphen's)."""
        return self._ask(DASHES, None)

    def writes_affix_alone(self, run: str) -> bool:
        """Whether `run` opens or ends with a word of four letters or more that
        this text writes alone (Dunmoresaw beside Dunmore): one question, not
        one `count` a length."""
        return self._ask(AFFIX, run)

    def holds_code(self) -> bool:
        """Whether some line of the text reads as code (`guards.CODE_PATTERNS`):
        where a camel-case word is more likely a name in code than a lost space."""
        return self._ask(CODE, None)

    def _ask(self, kind: int, question):
        found = self._answer(kind, question)
        if self.trace is not None:
            self.trace.append((kind, question, found))
        return found

    def _answer(self, kind: int, question):
        if kind == COUNT:
            return min(self._words().get(question, 0), 2)
        if kind == DAMAGED:
            return self._damaged
        if kind == DASHES:
            if self._dashes is None:
                self._dashes = SPACED_DASH_RE.search(self.text) is not None
            return self._dashes
        if kind == AFFIX:
            words = self._words()
            return any(words.get(question[:k]) or words.get(question[-k:]) for k in range(4, len(question) - 1))
        if kind == CODE:
            if self._code is None:
                self._code = _holds_code(self.text)
            return self._code
        if kind == INITIALS:
            if self._initials is None:
                self._initials = len(list(islice(INITIAL_NAME_RE.finditer(self.text), 2))) == 2
            return self._initials
        if kind == APART:
            return all(self._writes_pair(first, second) for first, second in zip(question, question[1:]))
        name = question[:1].upper() + question[1:]
        # (A run of letters that opens with a capital: what a name must be to stand in the text as one.)
        return bool(name) and name[0].isupper() and LETTERS_RE.fullmatch(name) is not None and self._writes_name(name)

    def answers(self, trace: tuple) -> bool:
        """Whether this text answers every question of `trace` as recorded."""
        for kind, question, found in trace:
            if self._answer(kind, question) != found:
                return False
        return True

    # -- word knowledge -------------------------------------------------
    def zipf(self, word: str) -> float | None:
        """Frequency of a lower-case word, counting words this text uses alone."""
        z = self.model.lookup(word.replace("’", "'"))
        if len(word) >= 4 and (z is None or z < LOCAL_WORD_ZIPF) and self.count(word) >= 1:
            z = LOCAL_WORD_ZIPF
        return z

    def vocab_zipf(self, word: str) -> float | None:
        """Frequency of a lower-case word in the model alone (not this text)."""
        return self.model.lookup(word.replace("’", "'"))

    def known(self, word: str, least: float = KNOWN_ZIPF) -> bool:
        z = self.zipf(word.lower())
        return z is not None and z >= least

    def web_says(self, run: str, parts: list[str], ratio: float | None = None) -> bool | None:
        return self.model.web_says(run, parts, ratio)


def _writes_twice(text: str, run: str) -> bool:
    """Whether `text` holds `run` twice or more as a whole run of letters."""
    return len(list(islice(_whole_runs(text, run), 2))) == 2


def _whole_runs(text: str, run: str):
    """Where `run` stands in `text` as a whole run of letters."""
    n = len(text)
    return (at for at in _run_starts(text, run) if at + len(run) == n or not _is_letter(text[at + len(run)]))


def _run_starts(text: str, word: str):
    """Where `word` stands in `text` with no letter just before it."""
    at = text.find(word)
    while at >= 0:
        if not at or not _is_letter(text[at - 1]):
            yield at
        at = text.find(word, at + 1)


# A stop glued to the next word, which no prose writes: frameworks,thus; wrote.Then
# (Not an address's last part: desk@example.org.Staff.)
GLUED_STOP_RE = re.compile(r"(?<![\w.@/:-])([A-Za-z][a-z]+)(?:,|[.!?](?=[A-Z]))([A-Za-z][a-z]+)\b")
# A word glued to a year (till1971): the word, the year; and what every such match holds, found by a fast scan.
GLUED_YEAR_RE = re.compile(r"(?<![\w.@/:-])([a-z]+)((?:19|20)[0-9][0-9])\b")
GLUED_YEAR_HINT_RE = re.compile(r"[a-z](?:19|20)[0-9]")
# A comma glued between a bracket, a digit or a Greek letter and a word of three letters or more.
CLOSED_COMMA_RE = re.compile(CLOSED_BEFORE_COMMA + r"([a-z]{3,})\b")
CLOSED_COMMA_HINT_RE = re.compile(CLOSED_BEFORE_COMMA + "[a-z]")
# The three characters at the heart of every GLUED_STOP_RE match, found by a fast scan.
GLUED_STOP_HINT_RE = re.compile(r"[a-z](?:,[A-Za-z]|[.!?][A-Z])")


def stretch_end(text: str, start: int) -> int:
    """Where the stretch of `text` from `start` ends: after the first line end
    STRETCH characters on (or, on a longer line, after a space; or at the
    end). The last stretch takes what is left if that is short."""
    if len(text) - start <= 2 * tuning.STRETCH:
        return len(text)
    cut = text.find("\n", start + tuning.STRETCH, start + 2 * tuning.STRETCH)
    if cut < 0:
        space = SPACE_RE.search(text, start + tuning.STRETCH)
        cut = len(text) - 1 if space is None else space.start()
    return cut + 1


def marks_needed(text: str) -> int:
    """How many marks of damage `text` must show to be read as damaged: one in
    a short text, MARKS_NEEDED in a long one (where one alone is as often a word
    the lists lack). Lost spaces (`_shows_lost_spaces`) and stray ones
    (`rejoin`) are counted alike."""
    return 1 if len(text) < MARKS_LONG_TEXT else MARKS_NEEDED


def _shows_lost_spaces(model: Model, candidates: set, text: str, marks: int = 0) -> bool:
    """Whether some candidate is a lower-case word (punctuation around it
    aside) that the word model alone splits into words that read as a lost
    space (`_plain_join`: exchanged|views, of|the; not a new compound,
    rogue|lite), and that `text` writes once (a word written again is a word
    of the text, the crate thiserror): the mark of a text that lost spaces,
    against which a capitalised pair is more likely a join too. A comma or a
    sentence's stop glued between two common words (depth,while; wrote.Then) is
    such a mark too, as is each of `marks`, found before. A long text needs two marks (one alone is as often a word
    the lists lack)."""
    asked = 0
    needed = marks_needed(text)
    if GLUED_STOP_HINT_RE.search(text):  # (what every glued stop holds: most texts hold none)
        marks += sum(1 for left, right in GLUED_STOP_RE.findall(text)
                    if (model.lookup(left.lower()) or 0.0) >= GLUED_WORD_ZIPF
                    and (model.lookup(right.lower()) or 0.0) >= GLUED_WORD_ZIPF)
    if CLOSED_COMMA_HINT_RE.search(text):
        # A comma glued between a bracket, a digit or a Greek letter and a word (rest),giving;
        # Φ,varying): no clean text writes one (`shapes.CLOSED_BEFORE_COMMA`).
        marks += sum(1 for word in CLOSED_COMMA_RE.findall(text)
                     if (model.lookup(word.lower()) or 0.0) >= GLUED_WORD_ZIPF)
    if GLUED_YEAR_HINT_RE.search(text):
        # A year glued to a word that opens a date (till1971, since2010): a lost space, as sure.
        marks += sum(1 for word, year in GLUED_YEAR_RE.findall(text) if year_after_date_opener(word, year))
    if marks >= needed:
        return True
    for token in candidates:
        plain = PLAIN_WORD_RE.fullmatch(token)
        if plain and plain.group(1).islower():
            run = plain.group(1)
            cuts = model.cuts(run)
            if cuts and _plain_join(model, _parts(run, cuts)):
                asked += 1
                if asked > MARKS_COUNTED or not _writes_twice(text, run):
                    marks += 1
                    if marks >= needed:
                        return True
    return False

"""The word model: word frequencies with the user's words folded in, and the
best split of each letter run (`best_split` and its scorers), worked out
once per process (`model_for`)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..vocabulary import USER_WORD_ZIPF, english_zipf, read_word_file, web_counts
from . import tuning
from .guards import _never_splits
from .joins import _reads_as_derived, _web_floors
from .shapes import _parts
from .slips import CommonWords, one_slip_from_word
from .tuning import (
    BOUNDARY_COST, CAMEL_WORD_ZIPF, COMMON_SIDE_ZIPF, COMMON_ZIPF, DERIVED_STEM_ZIPF, DERIVED_ZIPF,
    FUNCTION_BOUNDARY_COST, FUNCTION_ZIPF, KNOWN_MARGIN, LONG_RARE_LEN, MAX_PART_LEN, MAX_RUN, MIN_PART_ZIPF,
    MODELS_KEPT, RARE_WHOLE_ZIPF, RARE_WORD_LEN, RARE_WORD_ZIPF, SAFE_ZIPF, TYPO_PART_ZIPF, UNKNOWN_FLOOR, UNKNOWN_FLOOR_EXTRA_PART, UNKNOWN_FLOOR_PART_ZIPF,
    WEB_RATIO,
    WEB_RATIO_RARE, ZIPF_SHIFT,
)
from .words import (
    DERIVATION_RE, ONE_LETTER_WORDS, PARTICLES, PREFIX_PIECES, SPELLING_VARIANTS, SUFFIX_PIECES, SUFFIX_WORDS,
    VARIANT_ENDINGS,
)

if TYPE_CHECKING:
    from ..config import Config


# Each spelling rule with the endings of VARIANT_ENDINGS it acts on, and those
# DERIVATION_RE does: a word that ends in none is not run through the pattern.
SPELLING_RULES = tuple((pattern, replacement, tuple(ending for ending in VARIANT_ENDINGS if pattern.search(ending)))
                       for pattern, replacement in SPELLING_VARIANTS)
DERIVED_ENDINGS = tuple(ending for ending in VARIANT_ENDINGS if DERIVATION_RE.search(ending))


class Model:
    """Word frequencies with the user's words folded in, and the best split
    of each letter run, worked out once per process."""

    def __init__(self, zipf: dict, protected: frozenset, packaged: bool = False):
        self.zipf = zipf
        self.protected = protected
        self.packaged = packaged  # the packaged word list as it is: some answers were learnt ahead (`verdicts`)
        self.safe = frozenset(w for w, z in zipf.items() if z >= SAFE_ZIPF and w.isalpha() and w not in protected)
        self.common = frozenset(w for w, z in zipf.items() if z >= COMMON_ZIPF)
        self._splits: dict = {}
        self._cuts: dict = {}
        # Tokens `settled` has seen: those that can never split, and the rest.
        self.never: set = set()
        self.open: set = set()
        self.words_never: dict = {}  # the word atoms of those tokens: whether each can never split
        self.decisions: dict = {}  # see `_decide`
        self._common_words: CommonWords | None = None

    def common_words(self) -> CommonWords:
        """The common words sorted for `_one_slip_from_word`, made when first asked."""
        if self._common_words is None:
            self._common_words = CommonWords(self.common)
        return self._common_words

    def __reduce__(self):  # ship the config, not the tables: workers load their own
        raise TypeError("Model is per process; pickle the Config instead")

    def lookup(self, word: str) -> float | None:
        """Zipf frequency of a lower-case word, of its US spelling, or of the
        word it derives from by a productive suffix (multilateralisation), else None."""
        z = self.zipf.get(word)
        if z is not None or len(word) < 6 or not word.endswith(VARIANT_ENDINGS):
            return z
        for pattern, replacement, endings in SPELLING_RULES:
            if not word.endswith(endings):
                continue  # (the pattern would change nothing: a call to `regex` saved)
            variant = pattern.sub(replacement, word)
            if variant != word and variant in self.zipf:
                return self.zipf[variant]
        if len(word) >= 10 and word.endswith(DERIVED_ENDINGS):
            found = DERIVATION_RE.search(word)
            if found:
                stem_z = self.zipf.get(word[: found.start()])
                if stem_z is not None and stem_z >= DERIVED_STEM_ZIPF:
                    return DERIVED_ZIPF
        return None

    def unknown(self, word: str) -> bool:
        """Whether neither the word list nor the web's unigrams hold the lower-case `word`."""
        return self.lookup(word) is None and word not in web_counts()[0]

    def settled(self, token: str) -> bool:
        """Whether `token` can never be split, whatever text it stands in:
        worked out once per process for each distinct token."""
        if token in self.never:
            return True
        if token in self.open:
            return False
        if len(token) > MAX_RUN:
            return _never_splits(self, token)  # worked out, not kept: it could be megabytes long
        if len(self.never) + len(self.open) > tuning.TOKENS_KEPT:
            self.never.clear()
            self.open.clear()
            self.words_never.clear()
        known = _never_splits(self, token)
        (self.never if known else self.open).add(token)
        return known

    def candidates(self, tokens: set) -> set:
        """The tokens of `tokens` that some text could split."""
        unsettled = tokens - self.never
        found = unsettled & self.open
        found.update(token for token in unsettled - found if not self.settled(token))
        return found

    def cuts(self, run: str) -> list[int]:
        """Where the lower-case `run` splits on the word model's evidence alone
        (worked out once per process for each run, as `split`)."""
        cuts = self._cuts.get(run)
        if cuts is None:
            found = self.split(run)
            cuts = [] if found is None else _uphold(run, found, self)
            if len(run) <= MAX_RUN:
                if len(self._cuts) > tuning.RUNS_KEPT:
                    self._cuts.clear()
                self._cuts[run] = cuts
        return cuts

    def web_says(self, run: str, parts: list[str], ratio: float | None = None) -> bool | None:
        """What the web's counts say of splitting `run` into `parts`: True
        (split), False (a word people write), None (the web does not know it).
        `ratio`: how many times more often the web must write the parts apart
        (default: WEB_RATIO, or WEB_RATIO_RARE for a run the word list hardly knows)."""
        if ratio is None:
            ratio = WEB_RATIO if (self.lookup(run) or 0.0) >= RARE_WHOLE_ZIPF else WEB_RATIO_RARE
        unigrams, bigrams = web_counts()
        whole = unigrams.get(run)
        if len(parts) != 2:
            return None if whole is None else False
        apart = bigrams.get(f"{parts[0]} {parts[1]}")
        unigram_floor, bigram_floor = _web_floors()
        if whole is None:
            # Rarer than anything the table lists: the pair, if common, wins (lastyear).
            return True if apart is not None and apart >= ratio * unigram_floor else None
        if apart is None:
            # The pair is rarer than the table's least bigram: no answer
            # unless the whole is common enough to outweigh any pair it holds.
            return False if whole * ratio >= bigram_floor else None
        return apart >= ratio * whole

    def split(self, run: str) -> tuple[list[int], bool] | None:
        """Cached `best_split` with the model's words alone."""
        if len(run) > MAX_RUN:
            return None  # longer runs are no words, glued or not: linear time
        if run not in self._splits:
            if len(self._splits) > tuning.RUNS_KEPT:
                self._splits.clear()
            self._splits[run] = best_split(run, self.lookup, self.zipf)
        return self._splits[run]


def best_split(run: str, lookup, table: dict | None = None) -> tuple[list[int], bool] | None:
    """The likeliest way to cut the lower-case `run` into plausible words:
    (cuts, whether the cut beats the run as it stands), or None. `table` is
    the word table behind `lookup` when `lookup` is the model's own."""
    n = len(run)
    whole = lookup(run)
    if whole is not None and whole >= SAFE_ZIPF:
        return None
    if whole is not None and whole >= CAMEL_WORD_ZIPF:
        # A real word gives way only to two common words (ofthe, atleast).
        return _best_pair(run, whole, lookup)
    # best[i] = (score, previous cut) for run[:i], built forwards from each
    # reachable cut; for each end the first best start wins, as in order.
    best: list[tuple[float, int] | None] = [None] * (n + 1)
    best[0] = (0.0, -1)
    for start in range(n):
        if best[start] is None:
            continue
        reached = best[start][0]
        cost = BOUNDARY_COST if start else 0.0
        for end in range(start + 1, min(n, start + MAX_PART_LEN) + 1):
            if start == 0 and end == n:
                continue
            part = run[start:end]
            z = None if table is None else table.get(part)
            if z is not None:
                # `_part_score` with the model's own words, inline (the word's
                # own frequency is what `lookup` would give).
                if (z < MIN_PART_ZIPF[min(end - start, 4) - 1] or end - start == 1 and part not in ONE_LETTER_WORDS
                        or start == 0 and part in PREFIX_PIECES
                        or end == n and part in SUFFIX_PIECES and not _after_function_word(run, start, part, table)):
                    continue
                score = z - ZIPF_SHIFT
            else:
                if table is not None and (end - start < 6 or not part.endswith(VARIANT_ENDINGS)):
                    continue  # most parts are no word
                score = _part_score(part, lookup, start == 0, end == n)
                if score is None:
                    continue
            total = reached + score - cost
            if best[end] is None or total > best[end][0]:
                best[end] = (total, start)
    if best[n] is None:
        if whole is not None:
            return None
        return _function_word_then_rare_word(run, lookup) or _word_and_long_rare_word(run, lookup)
    if whole is None and _reads_as_derived(run, lookup):
        return None
    cuts = []
    at = n
    while at > 0:
        at = best[at][1]
        if at > 0:
            cuts.append(at)
    cuts.sort()
    score = best[n][0]
    parts = _parts(run, cuts)
    if whole is not None:
        if _frees_function_word(lookup, parts):
            score += (BOUNDARY_COST - FUNCTION_BOUNDARY_COST) * len(cuts)
        return cuts, score > whole - ZIPF_SHIFT + KNOWN_MARGIN
    floor = UNKNOWN_FLOOR
    if len(cuts) > 1 and all(_clear_part(part, lookup) for part in parts):
        floor -= UNKNOWN_FLOOR_EXTRA_PART * (len(cuts) - 1)
    if score < floor:
        return _function_word_then_rare_word(run, lookup) or _word_and_long_rare_word(run, lookup) or (cuts, False)
    return cuts, True


def _clear_part(part: str, lookup) -> bool:
    """Whether `part` is a word clear enough to be one of many glued (a common
    word of four letters or more, or a function word): not a short piece that
    a rare word holds (ali, eras, doc)."""
    z = lookup(part) or 0.0
    return z >= UNKNOWN_FLOOR_PART_ZIPF and (len(part) >= 4 or z >= FUNCTION_ZIPF)


def _best_pair(run: str, whole: float, lookup) -> tuple[list[int], bool] | None:
    """`best_split` restricted to two parts, for a run that is a word itself."""
    top = None
    for cut in range(1, len(run)):
        left = _part_score(run[:cut], lookup, True, False)
        if left is None:
            continue
        right = _part_score(run[cut:], lookup, False, True)
        if right is not None and (top is None or left + right > top[0]):
            top = (left + right, cut)
    if top is None:
        return None
    score, cut = top
    parts = [run[:cut], run[cut:]]
    cost = FUNCTION_BOUNDARY_COST if _frees_function_word(lookup, parts) else BOUNDARY_COST
    return [cut], score - cost > whole - ZIPF_SHIFT + KNOWN_MARGIN


def _function_word_then_rare_word(run: str, lookup) -> tuple[list[int], bool] | None:
    """A run no list knows that is a function word glued to a rare word
    (twoacquitting, isdesiccating, forcodeine): the rare word is too rare
    to be a part of a split by itself, but a function word before it is
    what lost spaces glue most."""
    for cut in range(2, min(5, len(run) - RARE_WORD_LEN + 1)):
        if (lookup(run[:cut]) or 0.0) >= FUNCTION_ZIPF and (lookup(run[cut:]) or 0.0) >= RARE_WORD_ZIPF:
            return [cut], True
    return None


def _word_and_long_rare_word(run: str, lookup) -> tuple[list[int], bool] | None:
    """The one cut of a run no list knows into a common word and a long rare
    word (either order), or None if there is none or more than one."""
    found = []
    for cut in range(3, len(run) - 2):
        head, tail = run[:cut], run[cut:]
        head_z, tail_z = lookup(head) or 0.0, lookup(tail) or 0.0
        if head in PREFIX_PIECES or tail in SUFFIX_PIECES:
            continue
        common_head = head_z >= COMMON_SIDE_ZIPF and len(head) >= 3
        common_tail = tail_z >= COMMON_SIDE_ZIPF and len(tail) >= 4
        if (common_head and len(tail) >= LONG_RARE_LEN and tail_z >= RARE_WORD_ZIPF
                or common_tail and len(head) >= LONG_RARE_LEN and head_z >= RARE_WORD_ZIPF):
            found.append(cut)
    return ([found[0]], True) if len(found) == 1 else None


def _after_function_word(run: str, start: int, part: str, table: dict) -> bool:
    """Whether the last `part` of `run`, a suffix that is also a word (able,
    less), follows a function word alone (be|able, and|less): no word derives
    from a function word, so the suffix is the word."""
    return part in SUFFIX_WORDS and (table.get(run[:start]) or 0.0) >= FUNCTION_ZIPF


def _part_score(part: str, lookup, first: bool, last: bool) -> float | None:
    """The log10 probability of `part` as a word of a split, or None if implausible."""
    z = lookup(part)
    if z is None or z < MIN_PART_ZIPF[min(len(part), 4) - 1]:
        return None
    if len(part) == 1 and part not in ONE_LETTER_WORDS:
        return None
    if (first and part in PREFIX_PIECES) or (last and part in SUFFIX_PIECES):
        return None
    return z - ZIPF_SHIFT


@lru_cache(maxsize=MODELS_KEPT)
def model_for(config: Config) -> Model:
    zipf = english_zipf()
    extra = set(config.vocabulary)
    if config.vocabulary_file:
        extra |= read_word_file(config.vocabulary_file)
    if extra:
        zipf = dict(zipf)
        for word in extra:
            zipf[word] = max(zipf.get(word, 0.0), USER_WORD_ZIPF)
    return Model(zipf, frozenset(config.protected_words) | frozenset(extra), packaged=not extra)


def _one_slip_from_word(model: Model, run: str) -> bool:
    """Whether a letter dropped, added, changed or swapped inside `run` (not
    its first or last letter) makes a common word (of letters): `slips`."""
    return one_slip_from_word(model.common_words(), run)


def _letter_typed_thrice(model: Model, run: str) -> bool:
    """Whether a letter three times in a row in `run` is a typo of a common
    word that has it twice (killled, not kill|led)."""
    for at in range(2, len(run)):
        if run[at] == run[at - 1] == run[at - 2] and run[:at] + run[at + 1 :] in model.common:
            return True
    return False


def _judge(run: str, found: tuple[list[int], bool], model: Model) -> list[int]:
    """The cuts of a best split that the evidence upholds: the web's counts
    where it knows the token, else whether the split beat the whole. The
    model's own split of `run` is judged once (`Model.cuts`, which the guards
    asked first), another (a text's local words) afresh."""
    if found is model._splits.get(run):
        return model.cuts(run)
    return _uphold(run, found, model)


def _uphold(run: str, found: tuple[list[int], bool], model: Model) -> list[int]:
    """`_judge`, worked out."""
    cuts, beats = found
    parts = _parts(run, cuts)
    web = model.web_says(run, parts)
    if web is not None:
        return cuts if web else []
    if not beats:
        return []
    if min(model.lookup(part) or 0.0 for part in parts) < TYPO_PART_ZIPF and _one_slip_from_word(model, run):
        return []
    if _letter_typed_thrice(model, run):
        return []
    if len(parts) > 2:
        # andbarman, millionuserpages: keep the compounds the web writes whole.
        kept = [cut for cut, left, right in zip(cuts, parts, parts[1:])
                if model.web_says(left + right, [left, right]) is not False]
        # But a piece the list does not know is no word, however often the
        # web writes it (a misspelling, con|sen|us: no consen us).
        if kept != cuts and any(model.lookup(part) is None for part in _parts(run, kept)):
            return []
        cuts = kept
    return cuts


def _frees_function_word(lookup, parts: list[str]) -> bool:
    for index, part in enumerate(parts):
        if (lookup(part) or 0.0) >= FUNCTION_ZIPF and not (index == 0 and part in PARTICLES):
            return True
    return False

"""What the word model alone says of a split: whether its parts read as
words that lost their space (a join) rather than one word (a compound, a
derived word, a name).

No text's evidence here: these hold in any text, so `guards` and the model
may settle a token once per process with them.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..vocabulary import web_counts
from .lexicon import lexicon
from .shapes import DOMAIN_THEN_WORD_RE, _parts
from .segment_tuning import NO_SPACE_WORD_COUNT
from .tuning import (
    ARTICLE_COMPOUND_FLOORS, ARTICLE_GLUED_LETTERS, ARTICLE_NEXT_ZIPF, COMMON_WORD_ZIPF, COMPOUND_APART_RATIO,
    DAMAGED_COMMON_ZIPF, DAMAGED_RARE_LEN, DAMAGED_RARE_ZIPF, DERIVED_ZIPF, FUNCTION_THEN_WRITTEN_LETTERS,
    FUNCTION_ZIPF, INITIAL_NEXT_ZIPF, JOIN_OTHER_PART_ZIPF, LONG_JOIN_LEN, LONG_PART_LEN, PLAIN_PART_LEN,
    PLAIN_PART_ZIPF, PRONOUN_NEXT_ZIPF, RARE_WORD_ZIPF, UNDAMAGED_COMMON_ZIPF, UNDAMAGED_PART_ZIPF, WEB_RATIO,
    WORD_ZIPF,
)
from .words import (
    HYPHEN_PREFIXES, INFLECTED_ENDINGS, JOIN_HEADS, LATIN_ENDING_WORDS, OBJECT_PRONOUNS, PARTICLES, PREFIX_PIECES,
    SUFFIX_PIECES, SUFFIX_WORDS, WORD_ENDING_WORDS,
)

if TYPE_CHECKING:
    from .model import Model


def _common_and_rare_word(model: Model, run: str) -> int:
    """The one cut of a run that neither the list nor the web knows into a
    function word (three letters or more) and a rare word of six letters or
    more, either order; 0 if there is none or more than one. Not a derived
    word (nerve|lessly, cyborg|ian)."""
    if len(run) < 9 or not model.unknown(run) or _reads_as_derived(run, model.lookup):
        return 0
    found = []
    for cut in range(3, len(run) - 2):
        head, tail = run[:cut], run[cut:]
        if head in PREFIX_PIECES or tail in SUFFIX_PIECES or _suffix_chain(tail):
            continue
        head_z, tail_z = model.lookup(head) or 0.0, model.lookup(tail) or 0.0
        least, most = DAMAGED_RARE_ZIPF
        if (head_z >= DAMAGED_COMMON_ZIPF and head not in PARTICLES and len(tail) >= DAMAGED_RARE_LEN
                and least <= tail_z < most
                or tail_z >= DAMAGED_COMMON_ZIPF and tail not in WORD_ENDING_WORDS and len(head) >= DAMAGED_RARE_LEN
                and least <= head_z < most):
            found.append(cut)
    return found[0] if len(found) == 1 else 0


def _long_words(model: Model, run: str) -> int:
    """The one cut of a run that neither the list nor the web knows into two
    words the list knows of LONG_PART_LEN letters or more, however rare
    (coreference|resolution: a paper's terms are rare in the list), or 0."""
    if len(run) < 2 * LONG_PART_LEN or not model.unknown(run):
        return 0
    found = [cut for cut in range(LONG_PART_LEN, len(run) - LONG_PART_LEN + 1)
             if model.lookup(run[:cut]) is not None and model.lookup(run[cut:]) is not None]
    return found[0] if len(found) == 1 else 0


def _function_word_openings(model: Model, run: str) -> list[int]:
    """The cuts of a run no list knows into a function word (not a particle
    opening it: over|dense) and FUNCTION_THEN_WRITTEN_LETTERS letters or more
    no list knows (the|fluxonic): a lost space if the text writes that word
    alone (`runs._function_word_then_written`), which only a text tells."""
    if len(run) < FUNCTION_THEN_WRITTEN_LETTERS + 2 or not model.unknown(run):
        return []
    return [cut for cut in range(2, len(run) - FUNCTION_THEN_WRITTEN_LETTERS + 1)
            if (model.lookup(run[:cut]) or 0.0) >= FUNCTION_ZIPF and run[:cut] not in PARTICLES
            and model.lookup(run[cut:]) is None]


def _variable_cuts(model: Model, run: str) -> list[int]:
    """The cuts of a run no list knows into a function word and one letter, a
    formula's variable (which|m, c|is; not a or i, words of their own): a lost
    space if the text writes that letter alone (`runs._variable_then_word`),
    which only a text tells."""
    if len(run) < 3 or not model.unknown(run):
        return []
    return [cut for cut, letter, word in ((1, run[0], run[1:]), (len(run) - 1, run[-1], run[:-1]))
            if letter not in "ai" and (model.lookup(word) or 0.0) >= FUNCTION_ZIPF]


def _suffix_chain(part: str) -> bool:
    """Whether `part` is two suffixes (lessly, fulness): the end of a derived word."""
    return any(part.startswith(suffix) and part[len(suffix):] in SUFFIX_PIECES for suffix in SUFFIX_PIECES)


def _reads_as_derived(run: str, lookup) -> bool:
    """Whether `run` ends in a suffix that is also a word (able, less, ward)
    after a known word: a derived word (kickable) or a join (beingready), and
    no split of it is sure; any other split of it is a guess (be in gable).
    A function word takes no suffix: beable, andless are joins."""
    for size in (4, 5):
        suffix = run[-size:]
        if suffix in SUFFIX_WORDS and WORD_ZIPF <= (lookup(run[:-size]) or 0.0) < FUNCTION_ZIPF:
            return True
    return False


def _name_then_verb(model: Model, run: str) -> int | None:
    """Where `run` cuts into four letters or more and the longest word of five
    letters or more that ends in -ed or -ing, if the list knows that word
    well (a verb's form), or None. (A rarer one may be the end of a longer:
    Dumontbemoaning is no Dumontbe moaning.)"""
    for cut in range(4, len(run) - 4):
        tail = run[cut:]
        if tail.endswith(INFLECTED_ENDINGS):
            z = model.lookup(tail)
            if z is not None and z >= RARE_WORD_ZIPF:
                return cut if z >= DERIVED_ZIPF else None
    return None


def _compound_pair(model: Model, run: str) -> list[int] | None:
    """The cut of a lower-case `run` that the word list holds as one word
    (videogame, alot) into two words the web writes apart at least as often
    as together; None if there is none. Such a compound is split only where
    its text writes the two words apart too."""
    found = model.split(run)
    if found is None or len(found[0]) != 1 or model.lookup(run) is None:
        return None
    parts = _parts(run, found[0])
    # (A verb and its particle make a noun, a comeback, beside the verb, come back.)
    if parts[1] in PARTICLES or not model.web_says(run, parts, ratio=COMPOUND_APART_RATIO):
        return None
    return found[0]


@lru_cache(maxsize=1)
def _web_floors() -> tuple[float, float]:
    """The smallest counts in the web unigram and bigram tables: anything left out is rarer."""
    unigrams, bigrams = web_counts()
    return min(unigrams.values()), min(bigrams.values())


def _initial_split(model: Model, lower: str) -> bool:
    """Whether a capitalised token opening with I or A is that word glued to
    the next (Iwas, Apenalty) rather than a name (Ireland, Alan)."""
    rest = lower[1:]
    rest_z = model.lookup(rest) or 0.0
    if lower[0] not in "ia" or len(rest) < 2 or rest_z < INITIAL_NEXT_ZIPF or lower[0] == "i" and rest in OBJECT_PRONOUNS:
        return False  # (Ius, Ime: no sentence writes I us, I me)
    other = model.cuts(lower)
    if other[:1] not in ([], [1]) and min(model.lookup(part) or 0.0 for part in _parts(lower, other)) > rest_z:
        return False  # Ifour: If our, not I four (but Ishall is I shall, not Is hall)
    web = model.web_says(lower, [lower[0], rest])
    if web:
        return True
    if lower[0] == "i" and rest_z >= PRONOUN_NEXT_ZIPF and (model.lookup(lower) or 0.0) < WORD_ZIPF:
        # Iwill, Iam: the web's pages are full of such user names, but a
        # capital I before a common word that makes no known name is the pronoun.
        return True
    return web is None and model.lookup(lower) is None


def _plain_join(model: Model, parts: list[str]) -> bool:
    """Whether lower-case `parts`, the split of a word no list knows, read
    as a lost space even where the text shows none elsewhere, where such a
    word is more likely a new compound (roguelite, overplan, testnets): a
    function word or a verb's form glued (`_reads_as_join`); very common
    words (last|year), a pair the web writes apart and never as one
    (`_web_pair`), or common words of eleven letters or more in all,
    longer than compounds' (nationaldefence, not softlock); or long words
    (multilateralisation|effectively), or words the list knows of six
    letters or more each (former|chairman, quarterly|reports), longer than the
    pieces compounds are made of (softlock, roguelite)."""
    if _latin_ending(model, parts):
        return False  # oblong|us: a Latin name's ending (but for|us)
    if _reads_as_join(model, parts) or _web_pair(model, parts):
        return True
    if parts[0] in PARTICLES:
        return False  # over|plan, out|run: a particle opens compounds
    # (Compounds join short words: softlock, passkeys; but not the commonest: lastyear.)
    least = min(model.lookup(part) or 0.0 for part in parts)
    return least >= UNDAMAGED_COMMON_ZIPF or least >= UNDAMAGED_PART_ZIPF and sum(map(len, parts)) >= LONG_JOIN_LEN or (
        min(map(len, parts)) >= LONG_PART_LEN) or least >= PLAIN_PART_ZIPF and min(map(len, parts)) >= PLAIN_PART_LEN


def _latin_ending(model: Model, parts: list[str]) -> bool:
    """Whether `parts` are a word and a Latin name's ending that is a word
    too (oblong|us, Tell|us; LATIN_ENDING_WORDS), not a function word and
    a word glued to it (for|us, with|us)."""
    return len(parts) == 2 and parts[1] in LATIN_ENDING_WORDS and (model.lookup(parts[0]) or 0.0) < FUNCTION_ZIPF


def _web_pair(model: Model, parts: list[str]) -> bool:
    """Whether two words are a pair the web's table holds (its 258,000
    commonest) and neither word list nor the web writes them as one word
    (may|refer, civil|engineering, his|client): compounds people coin
    (softlock, testnets) are in no table as a pair."""
    if len(parts) != 2:
        return False
    unigrams, bigrams = web_counts()
    whole = parts[0] + parts[1]
    return f"{parts[0]} {parts[1]}" in bigrams and whole not in unigrams and model.lookup(whole) is None


def _reads_as_join(model: Model, parts: list[str]) -> bool:
    """Whether lower-case `parts` read as words that lost their space, not as
    a compound: one is a function word, not a particle opening the run (of,
    the, said, shares|in; not over|plan or out|run: particles open
    compounds), or a verb's -ed or -ing form of five letters or more comes
    first, which opens no compound (exchanged|views)."""
    if parts[0] == "a" and len(parts) == 2 and (
            len(parts[1]) < 4 or (model.lookup(parts[1]) or 0.0) < ARTICLE_NEXT_ZIPF) and not _article_glued(model, parts[1]):
        return False  # a|arch: many a word opens with the letter (aarch64); a|man, a|decision lost a space
    found = [(model.lookup(part) or 0.0) >= FUNCTION_ZIPF and (part not in PARTICLES or index > 0)
             for index, part in enumerate(parts)]
    # (The other parts words in their own right: not gum|as|tos or tata|she,
    # a foreign word; or one long word beside the function word: is|decimating, pundits|and.)
    return any(found) and (
        all(glued or (model.lookup(part) or 0.0) >= JOIN_OTHER_PART_ZIPF for glued, part in zip(found, parts))
        or len(parts) == 2 and found[0] != found[1]
        and len(other := parts[1] if found[0] else parts[0]) >= 6 and (model.lookup(other) or 0.0) >= RARE_WORD_ZIPF
    ) or (len(parts[0]) >= 5 and parts[0].endswith(INFLECTED_ENDINGS))


def _article_glued(model: Model, word: str) -> bool:
    """Whether `a` + `word` is the article glued to a noun the web writes
    (a|commune, a|simulcast): the word long and known to the web tables, the
    whole in neither word list (not aarch64, abed, asexual, abases)."""
    unigrams = lexicon().unigrams
    return (len(word) >= ARTICLE_GLUED_LETTERS and unigrams.get(word, 0.0) >= NO_SPACE_WORD_COUNT
            and "a" + word not in unigrams and model.lookup("a" + word) is None)


def _domain_then_word(model: Model, token: str) -> int:
    """Where the word glued to a web address starts (Example.comwhen:
    Amazon.com whether), or 0: a common word after .com, .org, .net, .edu,
    .gov or .uk, which does not make a longer word with it (.network, .company);
    or a common capitalised word after the address's full stop (example.com.The)."""
    glued = DOMAIN_THEN_WORD_RE.fullmatch(token)
    if glued is None:
        return 0
    if glued["sentence"]:
        return glued.start("sentence") if (model.lookup(glued["sentence"].lower()) or 0.0) >= WORD_ZIPF else 0
    if (model.lookup(glued["word"]) or 0.0) < WORD_ZIPF or not model.unknown(glued["tld"] + glued["word"]):
        return 0
    return glued.start("word")


def _hyphen_prefix_cut(model: Model, word: str, following: str = "") -> int:
    """Where a word glued to a hyphenated word's first piece ends (newe-mail,
    havere-affirmed: real e-mail, have re-affirmed), or 0. Only a lower-case
    `word` that is rare itself, made of a common word and such a piece; or
    the article glued to the piece (ashort-term: a long-term) when the web
    writes the piece before `following`, the word after the hyphen, far more
    often than the whole word before it."""
    if not word.islower():
        return 0
    if word[0] == "a" and len(word) >= 4 and following.islower():
        bigrams = web_counts()[1]
        apart = bigrams.get(f"{word[1:]} {following}") or 0.0
        joined = bigrams.get(f"{word} {following}")
        if apart >= (WEB_RATIO * joined if joined else ARTICLE_COMPOUND_FLOORS * _web_floors()[1]):
            return 1
    if (model.lookup(word) or 0.0) >= WORD_ZIPF or following and (model.lookup(word + following) or 0.0) >= WORD_ZIPF:
        return 0  # (reconstruc-tion, compu-tational: a word broken at a line end, which the list knows whole)
    for prefix in HYPHEN_PREFIXES:
        head = word[: -len(prefix)]
        if word.endswith(prefix) and head:
            z = model.lookup(head) or 0.0
            if z >= FUNCTION_ZIPF or len(head) >= 3 and z >= COMMON_WORD_ZIPF:
                return len(head)
    # A function word glued to a letter that opens a term (ofk-means) or to the first piece of
    # a word broken at a line end (theboun-dary: trajectory).
    for cut in range(2, len(word)):
        head, rest = word[:cut], word[cut:]
        if head in JOIN_HEADS and (len(rest) == 1 and following or following.islower() and (
                model.lookup(rest + following) or 0.0) >= WORD_ZIPF > (model.lookup(rest) or 0.0)):
            return cut
    return 0

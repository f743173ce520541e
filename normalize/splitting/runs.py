"""Where a run of letters splits (exchangedviews, Tarrowsaid, Thecouncil):
the word model's best split, upheld or refused by the text's evidence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .joins import (
    _common_and_rare_word, _compound_pair, _function_word_openings, _latin_ending, _long_words, _name_then_verb,
    _plain_join, _variable_cuts,
)
from ..vocabulary import web_counts
from .model import _judge, best_split
from .shapes import PREFIXED_NAME_RE, _parts
from .tuning import (
    COMMON_WORD_ZIPF, DAMAGED_HEAD_ZIPF, DAMAGED_SHORT_TAIL_ZIPF, DAMAGED_TAIL_ZIPF, DERIVED_ZIPF, FUNCTION_HEAD_ZIPF,
    FUNCTION_ZIPF, LONG_PAIR_ZIPF, MAX_RUN, NAME_TAIL_ZIPF, NAME_WORD_ZIPF, PLURAL_TAIL_ZIPF, SENTENCE_HEAD_ZIPF,
    UNDAMAGED_NAME_PART_ZIPF, UNDAMAGED_PART_ZIPF, UNDAMAGED_SENTENCE_HEAD_ZIPF, WORD_ZIPF,
)
from .words import (
    CALENDAR_WORDS, COMBINING_FORMS, INFLECTED_ENDINGS, NAME_ENDING_WORDS, NATIONALITIES, ROLE_NOUNS, VERB_PARTICLES,
)

if TYPE_CHECKING:
    from .evidence import _Document


def _rare_pair(doc: _Document, run: str, capitalised: bool) -> list[int]:
    """The cut of a lower-case run into a function word and a rare word
    (`_common_and_rare_word`) or into two long words (`_long_words`:
    coreference|resolution), if the text lost spaces elsewhere and does
    not write the run twice; else []."""
    cut = 0 if capitalised else _common_and_rare_word(doc.model, run) or _long_words(doc.model, run)
    if not cut and not capitalised and doc.damaged():
        cut = _function_word_then_written(doc, run)
    if not cut and not capitalised:
        # (In any text: the letter alone elsewhere is the evidence.)
        found = _variable_then_word(doc, run)
        return [found] if found and doc.count(run) < 2 else []
    return [cut] if cut and doc.damaged() and doc.count(run) < 2 else []


def _variable_then_word(doc: _Document, run: str) -> int:
    """The cut of a run no list knows into a function word and one letter that
    the text writes alone elsewhere, a formula's variable (which|m beside `m
    and n`, c|is beside `c ∈ C`; `joins._variable_cuts`), or 0."""
    found = [cut for cut in _variable_cuts(doc.model, run) if doc.count(run[0] if cut == 1 else run[-1]) >= 1]
    return found[0] if len(found) == 1 else 0


def _function_word_then_written(doc: _Document, run: str) -> int:
    """The cut of a run no list knows into a function word and a word no list
    knows that the text writes alone elsewhere (the|fluxonic beside
    `fluxonic phase`: a paper's own term; `joins._function_word_openings`),
    or 0; at most one such cut."""
    found = [cut for cut in _function_word_openings(doc.model, run) if doc.count(run[cut:]) >= 1]
    return found[0] if len(found) == 1 else 0


def _undamaged_join(doc: _Document, parts: list[str], capitalised: bool, sentence_start: bool = False) -> bool:
    """Whether `parts`, the split of a word no list knows, read as a lost
    space in a text that shows none elsewhere (`_plain_join`). A
    capitalised word is more likely a name (Silksong; Rift, Riftstep and
    Riftwalkers in one text): only a function word glued (Thecouncil,
    Lisbonin), a nationality (Danishfishermen), a name the text writes
    alone then a verb's -ed or -ing form (Varnholtinsisted), or, opening
    a sentence, two common words (Thisweek) read as one."""
    if not capitalised:
        return _plain_join(doc.model, parts)
    lookup, tail = doc.model.lookup, parts[-1]
    if _latin_ending(doc.model, parts):
        return False  # Tell|us, Stream|us: a Latin name's ending (but For|us)
    if tail in NAME_ENDING_WORDS and (lookup(parts[-2]) or 0.0) < FUNCTION_ZIPF:
        return False  # Tokelau|an, Christin|a: a name's own ending (Tokelauan, Christina; but In|an)
    function = [(lookup(part) or 0.0) >= FUNCTION_ZIPF for part in parts]
    # (The other parts words of four letters or more, or names the text uses
    # alone, and two function words where there are three parts or more:
    # Madrid|in, The|council, He|is|currently; not Kel|on, Kel|on|ans, Beth|an|asia.)
    words = all(glued or len(part) >= 4 and ((lookup(part) or 0.0) >= UNDAMAGED_NAME_PART_ZIPF or doc.names(part))
                for glued, part in zip(function, parts))
    return any(function) and words and (len(parts) == 2 or sum(function) >= 2) or len(parts) == 2 and (
        parts[0] in NATIONALITIES
        or len(tail) >= 5 and tail.endswith(INFLECTED_ENDINGS) and (lookup(tail) or 0.0) >= DERIVED_ZIPF
        and doc.names(parts[0])
        or sentence_start and (lookup(parts[0]) or 0.0) >= UNDAMAGED_SENTENCE_HEAD_ZIPF
        and (lookup(tail) or 0.0) >= UNDAMAGED_PART_ZIPF)


def _particle_participle(doc: _Document, parts: list[str]) -> bool:
    """Whether `parts` are a particle English prefixes to verbs and a verb's
    -ed form (over|seeded, down|weighted, out|numbered): one word, which
    English writes joined, even where the text lost spaces elsewhere (but
    over|funding, back|stronger, on|subsidised: a preposition and a word)."""
    return len(parts) == 2 and parts[0] in VERB_PARTICLES and len(parts[1]) >= 4 and parts[1].endswith("ed") and (
        doc.vocab_zipf(parts[1]) or 0.0) < FUNCTION_ZIPF


def _particle_compound(doc: _Document, parts: list[str]) -> bool:
    """Whether `parts` are a particle that prefixes verbs and adjectives
    (VERB_PARTICLES), no function word, and a word rarer than
    COMMON_WORD_ZIPF, a pair the web's tables never write apart (under|dense,
    down|sampled): a compound of science written as one, even where the text
    lost spaces elsewhere (but a preposition that only stands before words,
    through|multilateral, and a function word glued, over|dense, in|markets,
    are lost spaces as often: with all of PARTICLES dev's split recall fell
    0.9794 -> 0.9774)."""
    return len(parts) == 2 and parts[0] in VERB_PARTICLES and (doc.vocab_zipf(parts[0]) or 0.0) < FUNCTION_ZIPF and (
        doc.vocab_zipf(parts[1]) or 0.0) < COMMON_WORD_ZIPF and f"{parts[0]} {parts[1]}" not in web_counts()[1]


def _combining_form_compound(doc: _Document, parts: list[str]) -> bool:
    """Whether `parts` are a combining form of science and a word that is no
    function word (magneto|acoustic, quasi|friction, peri|centre): a
    compound written as one, even where the text lost spaces elsewhere (but
    bio|and, thermo|of: a word glued to a function word)."""
    return len(parts) == 2 and parts[0] in COMBINING_FORMS and (doc.vocab_zipf(parts[1]) or 0.0) < FUNCTION_ZIPF


# -- lower-case runs ------------------------------------------------
def segment_run(doc: _Document, run: str, capitalised: bool = False, sentence_start: bool = False,
            after_name: bool = False) -> list[int]:
    """Offsets inside the lower-case `run` where spaces were lost, or [].
    `capitalised` says the run was written with a capital (likely a name),
    `sentence_start` that it opens a sentence."""
    if len(run) < 3 or len(run) > MAX_RUN or run in doc.model.protected:
        return []
    found = doc.model.split(run)
    if capitalised and len(run) >= 6 and doc.writes_affix_alone(run):
        # Names the word list lacks but this text uses: Dunmoresaw, Quarrieand.
        # (The run itself is looked up in the model alone: the text
        # always writes it once, as the token being judged.)
        local = best_split(run, lambda word: doc.vocab_zipf(word) if word == run else doc.zipf(word))
        if local is not None and (found is None or len(local[0]) < len(found[0]) or not found[1]
                                  or local[1] and len(local[0]) == len(found[0])):
            # (Dorkinsand: Dorkins and, the name the text uses, not Dorkin sand.)
            found = local
    if capitalised and (found is None or len(found[0]) > 1) and len(run) >= 9 and doc.model.unknown(run):
        # A name no list holds glued to a verb's -ed or -ing form cuts into
        # pieces of the name (Rod|dick|rallied): read it as the name and
        # the longest such form instead, if the text lost spaces elsewhere.
        cut = _name_then_verb(doc.model, run)
        if cut and doc.damaged():
            found = ([cut], True)
    if found is None:
        return _rare_pair(doc, run, capitalised)
    cuts = _judge(run, found, doc.model)
    if not cuts:
        pair = None if capitalised else _compound_pair(doc.model, run)
        if not (pair and doc.damaged() and doc.written_apart(_parts(run, pair))):
            return _rare_pair(doc, run, capitalised)
        cuts = pair
    parts = _parts(run, cuts)
    if not doc.damaged() and not _undamaged_join(doc, parts, capitalised, sentence_start):
        return []
    if not capitalised and (_particle_participle(doc, parts) or _combining_form_compound(doc, parts)
                            or _particle_compound(doc, parts)):
        return []
    # A token the text itself uses more than once is a word here (a name,
    # a brand, a compound: Vardakis, smartcard), unless the text also writes
    # its parts apart, or they are long words that make no compound
    # (crisismanagement).
    # (Nor when the web writes the parts apart far more often, in lower
    # case or after a function word: turnedaside, Thegovernment; a name
    # twice is a name, Markon.)
    if not capitalised and doc.count(run) >= 2 and not doc.damaged():
        # A word this text writes again, in a text that shows no lost
        # space elsewhere (thiserror), unless it is made of function
        # words (andthe), or of other words the web writes apart (lowcost).
        function = [(doc.vocab_zipf(part) or 0.0) >= FUNCTION_ZIPF for part in parts]
        if not (all(function) or not any(function) and doc.web_says(run, parts)):
            return []
    if doc.count(run) >= 2 and not doc.written_apart(parts) and not (doc.web_says(run, parts) and (
            not capitalised or (doc.vocab_zipf(parts[0]) or 0.0) >= FUNCTION_ZIPF)):
        # (But a function word glued to a word twice is the same lost
        # space twice, where the text lost spaces elsewhere: andthe ...
        # andthe; not thiserror, a name written six times.)
        if capitalised or min(map(len, parts)) < 5 and not (
            len(parts) == 2 and max(doc.vocab_zipf(part) or 0.0 for part in parts) >= FUNCTION_ZIPF
            and doc.damaged()
        ):
            return []
    if capitalised and not doc.written_apart(parts):
        # Short last parts make names out of words (Botha, Penrod, Toon),
        # but a common word or a name the text uses alone, glued to a
        # function word, is a join (Ministryof, Tarrowin).
        if len(parts[-1]) < 3 and not (
            len(parts) == 2 and (doc.zipf(parts[1]) or 0.0) >= FUNCTION_ZIPF and (
                len(parts[0]) >= 3 and (doc.zipf(parts[0]) or 0.0) >= COMMON_WORD_ZIPF
                or len(parts[0]) >= 4 and doc.names(parts[0])
                or (doc.zipf(parts[0]) or 0.0) >= FUNCTION_ZIPF and doc.web_says(run, parts)  # Itis
                # (In a text that lost spaces elsewhere, a word the list
                # knows of five letters or more: Kellowayin, a name glued.)
                or len(parts[0]) >= 5 and (doc.vocab_zipf(parts[0]) or 0.0) >= WORD_ZIPF
                and doc.model.unknown(run) and doc.damaged())
        ):
            return []
        # A name glued to a common word: the word is a function word, or
        # the text names the name alone elsewhere (Kestrelpoint is neither).
        # Names end in function words too (Lenamore, Toscan): the first
        # part must then be a word, or a name the text uses alone.
        tail = doc.zipf(parts[-1]) or 0.0
        tail_ok = len(parts) > 2 or len(parts[0]) >= 3 and (
            tail >= FUNCTION_ZIPF and (len(parts[0]) >= 5 or (doc.vocab_zipf(parts[0]) or 0.0) >= FUNCTION_HEAD_ZIPF)
            or tail >= NAME_TAIL_ZIPF and doc.names(parts[0])
        )
        # The last word of a name of several words, then a word: World
        # Radioprogramme, Baker Streetreported.
        name_ok = after_name and len(parts) == 2 and min(map(len, parts)) >= 4 and tail >= NAME_WORD_ZIPF and (
            doc.vocab_zipf(parts[0]) or 0.0) >= NAME_WORD_ZIPF
        # (At a sentence start in a text that lost spaces elsewhere, two
        # words of four letters or more need be less common: Eurozonegrowth.)
        head_ok = name_ok or sentence_start and (doc.zipf(parts[0]) or 0.0) >= SENTENCE_HEAD_ZIPF or (
            sentence_start and len(parts) == 2 and len(parts[0]) >= 4
            and (len(parts[1]) >= 4 or tail >= DAMAGED_SHORT_TAIL_ZIPF)
            and tail >= DAMAGED_TAIL_ZIPF
            and (doc.vocab_zipf(parts[0]) or 0.0) >= DAMAGED_HEAD_ZIPF and doc.damaged()) or (
            len(parts) == 2 and (parts[0] in NATIONALITIES or parts[0] in CALENDAR_WORDS and len(parts[0]) > 3)
            and tail >= NAME_TAIL_ZIPF
        )
        # In a text that lost spaces elsewhere, a name glued to a verb's
        # -ed or -ing form (Tarrowenhanced, Whitehallaccusing), or to a
        # common word's -s form (Vardatakes): names do not end in one.
        verb_ok = (len(parts) == 2 and len(parts[0]) >= 4 and len(parts[1]) >= 5
                   and (parts[1].endswith(INFLECTED_ENDINGS) and (doc.vocab_zipf(parts[1]) or 0.0) >= DERIVED_ZIPF
                        or parts[1] in ROLE_NOUNS
                        or parts[1].endswith("s") and (doc.vocab_zipf(parts[1]) or 0.0) >= PLURAL_TAIL_ZIPF
                        and (doc.vocab_zipf(parts[1][:-1]) or 0.0) >= PLURAL_TAIL_ZIPF)
                   and doc.model.unknown(run) and doc.damaged())
        # In a text that lost spaces elsewhere, two common words of five
        # letters or more that no list or the web writes as one
        # (Eveningprogramme, Walesbefore): brands pair shorter words (Stagemark, Bluedesk).
        long_ok = (len(parts) == 2 and min(map(len, parts)) >= 5
                   and min(doc.vocab_zipf(part) or 0.0 for part in parts) >= LONG_PAIR_ZIPF
                   and doc.model.unknown(run) and doc.damaged())
        if not (tail_ok or head_ok or verb_ok or long_ok):
            return []
    return cuts


def _prefixed_name_then_word(doc: _Document, chunk: str) -> list[int]:
    """A surname with its prefix's capital (McKenna, DiMarco) that the text
    writes alone elsewhere, glued to a function word (McKennaand), in a text
    that lost spaces elsewhere: where the word starts, else nothing."""
    if not PREFIXED_NAME_RE.match(chunk):
        return []
    lower = chunk.lower()
    for cut in range(len(chunk) - 1, 4, -1):
        if not chunk[cut:].islower():
            break
        if (doc.vocab_zipf(lower[cut:]) or 0.0) >= FUNCTION_ZIPF and doc.count(lower[:cut]) >= 1:
            return [cut] if doc.damaged() else []
    return []

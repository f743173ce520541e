"""The stage `split_words`: reads a text a stretch at a time, finds the
tokens worth a look, decides each (reusing decisions across texts), and
runs again on the pieces until nothing more splits.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Sequence

from ..edits import replace_spans
from . import marked_code, tuning
from .evidence import (
    AFTER_FUNCTION_WORD, AFTER_NAME, APART, DAMAGED, DASHES, INITIALS, _Document, _shows_lost_spaces, marks_needed,
    stretch_end,
)
from .guards import _holds_code, _skip_line
from .leads import RULE as LEAD_RULE, lead_verb_cuts
from .model import model_for
from .nospace import RULE as NO_SPACE_RULE, no_space_cuts
from .punctuation import _quote_roles
from .rejoin import NO_MARKS, STAGE as REJOIN_STAGE
from .rules import COMPOUND_LIKE_RULES, RELATION_RULE, _token_splits, formula_signs, relation_in_formula
from .shapes import (
    LETTERS_RE, NEXT_TOKEN_RE, PREVIOUS_NAME_RE, QUOTE_RE, TOKEN_END_RE, TOKEN_RE, TOKEN_START_RE, _broken_word_at, _parts,
)
from .tuning import (
    FUNCTION_ZIPF, MAX_PASSES, MAX_RUN, NAME_LOOKBACK, OCCURRENCE_CHARS_PER_TOKEN, OCCURRENCE_MANY_TOKENS, OCCURRENCE_MIN_CHARS,
    SENTENCE_WORD_ZIPF, VERSIONS_KEPT,
)
from .words import SUSPENDED_HYPHEN_NEXT

if TYPE_CHECKING:
    from ..config import Config
    from ..edits import Edit


STAGE = "split_words"


def _decide(doc: _Document, token: str, place: tuple[bool, int], suspended: bool, quotes: tuple[str, ...]):
    """`_token_splits` and the questions it asked of the text (its trace), reused from an earlier text that answered the same
    questions alike: what a token becomes depends on the token, its setting
    and the few facts it looked up in its text, nothing else."""
    key = (token, place, suspended, quotes)
    versions = doc.model.decisions.get(key)
    if versions is None:
        if len(doc.model.decisions) > tuning.DECISIONS_KEPT:
            doc.model.decisions.clear()
        versions = doc.model.decisions[key] = []
    for trace, splits in versions:
        if doc.answers(trace):
            return splits, trace
    doc.trace = []
    try:
        splits = sorted(set(_token_splits(doc, token, place, suspended, quotes)))
        trace = tuple(doc.trace)
    finally:
        doc.trace = None
    if len(versions) < VERSIONS_KEPT:
        versions.append((trace, splits))
    return splits, trace


def split_words(text: str, config: Config, earlier: Sequence[Edit] = ()) -> tuple[str, list[Edit]]:
    """Insert the spaces lost between words; never deletes or reorders a non-space character.

    Runs until a pass finds nothing more, so that cleaning twice changes nothing.
    `earlier`: the edits of the stages before (the pipeline passes them): each
    stray space rejoin_words removed is a mark of damage where it was."""
    inserted, start = [], 0
    strays = _stray_spaces_removed(earlier)
    # (Code the text marks as such is read as blank, and no space goes inside it or beside it.)
    code = marked_code.code_spans(text)
    read = marked_code.mask(text, code)
    while start < len(read):
        end = stretch_end(read, start)
        stretch = read[start:end] if start or end < len(read) else read
        marks = bisect_left(strays, end) - bisect_left(strays, start)
        inserted += [(start + at, rule) for at, rule in _stretch_spaces(stretch, config, marks)]
        start = end
    if inserted and not read.isascii():
        inserted = _outside_foreign_words(read, inserted)
    inserted = marked_code.outside(inserted, code, key=lambda found: found[0])
    return replace_spans(text, STAGE, ((at, at, " ", rule) for at, rule in inserted))


split_words.reads_earlier_edits = True  # the pipeline passes it the edits of the stages before


def _stray_spaces_removed(earlier: Sequence[Edit]) -> list[int]:
    """Where, in the text the stages before returned, rejoin_words removed a stray
    space (in order). Each stage's edits stand in the text that stage read; a mark
    found by one run is carried through the edits of every run after it (in the
    pipeline's second word round, split_words' first spaces and rejoin_words' second run)."""
    found: list[int] = []
    run: list[Edit] = []
    for edit in [*earlier, None]:
        if run and (edit is None or edit.stage != run[0].stage):
            found = _through_run(found, run)
            run = []
        if edit is not None:
            run.append(edit)
    return sorted(found)


def _through_run(found: list[int], run: list[Edit]) -> list[int]:
    """`found` (positions in the text a stage read) carried through that stage's run of
    edits `run`, with the stray spaces the run removed if it is rejoin_words'."""
    moved, shift, k = [], 0, 0
    for at in sorted(found):
        while k < len(run) and run[k].end <= at:
            shift += len(run[k].inserted) - len(run[k].removed)
            k += 1
        moved.append(at + shift)
    if run[0].stage == REJOIN_STAGE:
        shift = 0
        for edit in run:
            # (Not a line end's hyphen, cou- pled: a sign of PDF text, not of lost spaces;
            # nor a capital set apart, R ecord: a page's styling of first letters; nor a line's
            # last stop set apart, a slip of the hand.)
            if edit.removed == " " and not edit.inserted and edit.rule not in NO_MARKS:
                moved.append(edit.start + shift)
            shift += len(edit.inserted) - len(edit.removed)
    return moved


def _stretch_spaces(text: str, config: Config, marks: int = 0) -> list[tuple[int, str]]:
    """Where spaces were lost in one stretch: (position, rule), in order. Runs
    that lost every space are segmented by the word model first, and a
    sentence's first name is cut from its verb (`leads`); the rules then read
    the stretch with those spaces in, and their positions are mapped back."""
    runs = no_space_cuts(text)
    leads = lead_verb_cuts(text)
    if not runs and not leads:
        return _lost_spaces(text, config, marks)
    found = sorted([(at, NO_SPACE_RULE) for at in runs] + [(at, LEAD_RULE) for at in leads if at not in runs])
    # (The tokens these cut are shown damage for the gate of a long text, not marks: `_lost_spaces`.)
    shown = len({_token_around(text, at) for at, _ in found})
    return _merge_positions(found, _lost_spaces(_insert_spaces(text, found), config, marks, shown))


def _opens_sentence(text: str, start: int, at: int) -> bool:
    """Whether the word at `at` opens a sentence (capitalised by its place: Set, Use):
    nothing before it in the stretch but spaces, or a stop, a colon or a quote."""
    before = at - 1
    while before >= start and text[before].isspace():
        before -= 1
    return before < start or text[before] in '.!?:"”'


def _name_boundary(text: str, at: int) -> bool:
    """Whether `at` is where a small letter meets a capitalised word (IvanVukić,
    ArneSølvik): two names glued, which the case rules judged, not a cut inside
    a word of another language (major|ité)."""
    return text[at - 1].islower() and text[at].isupper() and text[at + 1 : at + 2].islower()


# A run of letters; one holding a letter outside ASCII (majorité, Sponsorisé, Tomé) is never cut
# (but where two capitalised names meet, `_name_boundary`, and in a run that lost every space,
# whose rule keeps the letters next to such a letter whole: `nospace`).
LETTER_RUN_RE = re.compile(r"[^\W\d_]+")


# Rules whose cuts may fall inside such a run: a run that lost every space, and a
# Greek letter glued to an English word (δand), a cut between two scripts.
SCRIPT_CUTS = frozenset((NO_SPACE_RULE, "split_symbol_word"))


def _outside_foreign_words(text: str, inserted: list) -> list:
    """The positions of `inserted` (in order) that fall inside no word with a letter outside ASCII."""
    kept, words = [], (run for run in LETTER_RUN_RE.finditer(text) if not run.group().isascii())
    word = next(words, None)
    for at, rule in inserted:
        while word is not None and word.end() <= at:
            word = next(words, None)
        if word is None or not word.start() < at < word.end() or _name_boundary(text, at) or rule in SCRIPT_CUTS:
            kept.append((at, rule))
    return kept


def _lost_spaces(text: str, config: Config, marks: int = 0, shown: int = 0) -> list[tuple[int, str]]:
    """Where spaces were lost in `text`, read as one stretch: (position, rule), in order
    (`marks`: of damage found before, the stray spaces removed; `shown`: the tokens
    cut before, in runs that lost every space). A long text that shows one glued
    token alone keeps it (`marks_needed`)."""
    model = model_for(config)
    candidates = model.candidates(set(text.split()))
    damaged = _shows_lost_spaces(model, candidates, text, marks)
    # Whether the text holds anything that reads as code, and whether it is
    # English, are asked of the text as it came: the later passes only put spaces back.
    code = _holds_code(text)
    english = None
    inserted: list[int] = []  # positions in `text` where a space goes
    counts, changed = None, []  # the last pass's word counts, and the tokens it split
    for _ in range(MAX_PASSES):
        if not candidates:
            break
        doc = _Document(_insert_spaces(text, inserted) if inserted else text, model, config, damaged,
                        counts, changed, english)
        positions, changed, asked = _split_pass(doc, candidates, code)
        if not positions or not doc.english:
            break
        english = True
        inserted = _merge_positions(inserted, positions)
        counts = doc._counts
        # The next pass looks again only at what this one may have changed:
        # the pieces of the split tokens (in their new places), and the
        # tokens whose decision asked about a word that is now written
        # differently (or that end in a dash, whose decision reads the next token).
        pieces = set(" ".join(after for _, after in changed).split())
        touched = set(LETTERS_RE.findall(" ".join(side for pair in changed for side in pair).lower()))
        candidates = model.candidates(pieces) | {
            token for token, words in asked.items() if not touched.isdisjoint(words) or token.endswith(("-", "–"))
        }
    found = list(_dedupe(inserted))
    needed = marks_needed(text)
    if needed > 1 and not marks and not shown and found and all(rule in COMPOUND_LIKE_RULES for _, rule in found):
        # A long text whose only glued tokens are content words, capitalised words, acronyms
        # or a word and a number (lookaround, base64, StreamHandler), with no function word or punctuation glued
        # and no other mark, is a technical text's names as often as damage: a page that
        # lost its spaces glues function words and stops as well.
        return []
    if not damaged and needed > 1 and len({_token_around(text, at) for at, _ in found}) + shown < needed:
        # A long text that lost a space in one token alone, however often written, is as
        # published (a phrase,glued; a dialect's Iknow): a long text shows damage twice
        # (`evidence`), here or in the runs cut before (`shown`).
        return []
    return found


def _token_around(text: str, at: int) -> str:
    """The token that a space inserted at `at` splits, as written (its first MAX_RUN
    characters on each side)."""
    return TOKEN_END_RE.search(text, max(0, at - MAX_RUN), at).group() + TOKEN_START_RE.match(text, at, at + MAX_RUN).group()



def _merge_positions(inserted: list, positions: list) -> list:
    """Map positions found in the text with `inserted` spaces back onto the
    original text, and merge them in. Both lists hold (position, rule)."""
    # In the spaced text, the i-th inserted space stands at its position + i.
    spaced = [at + i for i, (at, _) in enumerate(inserted)]
    merged = list(inserted)
    before = 0
    for at, rule in positions:
        while before < len(spaced) and spaced[before] < at:
            before += 1
        merged.append((at - before, rule))
    merged.sort()
    return merged


def _insert_spaces(text: str, inserted: list) -> str:
    pieces, pos = [], 0
    for at, _ in _dedupe(inserted):
        pieces.append(text[pos:at])
        pieces.append(" ")
        pos = at
    pieces.append(text[pos:])
    return "".join(pieces)


def _split_pass(doc: _Document, candidates: set, code: bool) -> tuple[list, list, dict]:
    """One pass over the document: (position, rule) of each lost space found;
    each token that changed, (as it was, as it becomes); and for each token
    left as it was (outside skipped lines), the words its decisions asked
    the text about."""
    text = doc.text
    changed = []
    asked: dict[str, set] = {}
    spans = []
    # The line of the current token, read once: where it starts and stops,
    # whether it is skipped, the roles of its straight double quotes. Each is
    # found from the last token on, so a long line is read once.
    start = stop = -1
    skip, roles, signs = False, None, None
    for at, token in _occurrences(text, candidates):
        end = at + len(token)
        if at > stop:  # a new line: its start lies after the last line's stop
            start = text.rfind("\n", max(stop, 0), at) + 1
            stop = text.find("\n", end)
            stop = len(text) if stop < 0 else stop
            skip = _skip_line(doc, text[start:stop], code)
            roles = signs = None
        if skip:
            continue
        # The setting, read only where it can matter: whether the token opens
        # a sentence or follows a capitalised word (for capitalised words), whether the next token ends a
        # suspended hyphen (for a token ending in a dash), and the role of
        # each straight double quote (for a token holding one).
        starts_sentence = suspended = False
        after_name = 0
        if not token.islower():
            starts_sentence = _opens_sentence(text, start, at)
            before = at - 1
            while before >= start and text[before].isspace():
                before -= 1
            if not starts_sentence and text[before].isalpha():
                # (A function word is capitalised by its place, not as a name: The, In.)
                name = PREVIOUS_NAME_RE.search(text, max(start, before - NAME_LOOKBACK), before + 1)
                if name is not None:
                    # (A common word that opens a sentence is capitalised by its place too: Set, Use.)
                    z = doc.model.lookup(name.group().lower()) or 0.0
                    after_name = AFTER_FUNCTION_WORD if z >= FUNCTION_ZIPF or z >= SENTENCE_WORD_ZIPF and _opens_sentence(
                        text, start, name.start()) else AFTER_NAME
        if token.endswith(("-", "–")):
            following = NEXT_TOKEN_RE.match(text, end).group(1)
            # (Or the word goes on after it: CLUS- TERING, suc- cessful, a word broken at a line end.)
            suspended = not following or following.lower() in SUSPENDED_HYPHEN_NEXT or _continues(
                doc, token, following)
        quotes = ()
        if '"' in token:
            if roles is None:
                roles = _quote_roles(text[start:stop])
            quotes = tuple(roles[at - start + m.start()] for m in QUOTE_RE.finditer(token))
        found, trace = _decide(doc, token, (starts_sentence, after_name), suspended, quotes)
        if any(rule == RELATION_RULE for _, rule in found):
            if signs is None:
                signs = formula_signs(text, start, stop)  # (read once a line)
            found = [(offset, rule) for offset, rule in found
                     if rule != RELATION_RULE or relation_in_formula(text, stop, at, token, signs)]
        splits = [(offset, rule) for offset, rule in found if 0 < offset < len(token)]
        if splits:
            spans += [(at + offset, rule) for offset, rule in splits]
            changed.append((token, " ".join(_parts(token, [offset for offset, _ in splits]))))
        else:
            words = asked.setdefault(token, set())
            for kind, question, _ in trace:
                if kind == APART:
                    words.update(question)
                elif kind not in (DAMAGED, INITIALS, DASHES):
                    words.add(question)
            if not token.islower():
                # Its setting read the word before it (`after_name`): a split there is a change here.
                words.update(LETTERS_RE.findall(text[max(start, before - NAME_LOOKBACK) : before + 1].lower()))
    spans.sort()
    return spans, changed, asked


def _continues(doc: _Document, token: str, following: str) -> bool:
    """Whether the letters before the dash ending `token` and those opening
    `following` make a word the list knows (CLUS- TERING, suc- cessful): a
    word broken at a line end whose hyphen kept its space, no dash after a word."""
    before, after = LETTERS_AT_END_RE.search(token).group(), LETTERS_RE.match(following)
    return after is not None and _broken_word_at(doc.model.lookup, before, after.group())


# The letters a token ends with before its dash.
LETTERS_AT_END_RE = re.compile(r"[A-Za-z]*(?=[-–]\Z)")


def _occurrences(text: str, tokens: set[str]) -> list[tuple[int, str]]:
    """Where `tokens` stand as whole tokens in `text`: (start, token), in order."""
    if len(tokens) > OCCURRENCE_MANY_TOKENS:
        return [(m.start(), m.group()) for m in TOKEN_RE.finditer(text) if m.group() in tokens]
    if len(text) > OCCURRENCE_CHARS_PER_TOKEN * len(tokens) + OCCURRENCE_MIN_CHARS:
        # A long text: one pass over it for all the tokens, not one per token.
        alternatives = "|".join(map(re.escape, sorted(tokens, key=len, reverse=True)))
        return [(m.start(), m.group()) for m in re.finditer(rf"(?:{alternatives})(?!\S)", text)
                if not m.start() or text[m.start() - 1].isspace()]
    found = []
    for token in tokens:
        at = text.find(token)
        while at >= 0:
            end = at + len(token)
            if (at == 0 or text[at - 1].isspace()) and (end == len(text) or text[end].isspace()):
                found.append((at, token))
            at = text.find(token, at + 1)
    found.sort()
    return found


def _dedupe(spans):
    seen = set()
    for span in spans:
        if span[0] not in seen:
            seen.add(span[0])
            yield span

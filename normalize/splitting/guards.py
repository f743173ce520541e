"""What is never split: lines that read as code or a foreign language, and
tokens that no rule could split in any text (`_never_splits`), which the
model settles once per process.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .language import GREEK_SYMBOL_RE, reads_as_english
from ..vocabulary import web_counts
from . import tuning
from .joins import (
    _common_and_rare_word, _compound_pair, _domain_then_word, _function_word_openings, _hyphen_prefix_cut,
    _initial_split, _long_words, _variable_cuts,
)
from .shapes import (
    ATOM_RE, CONTRACTION_RE, GLUED_O_NAME_RE, LETTERS_RE, PLAIN_WORD_RE, POSSESSIVE_RE, PUNCT_RE, RELATION_GLUED_RE,
    UNTOUCHABLE_RE, _has_foreign_letter, _next_word,
)
from .verdicts import can_split, learnt
from .tuning import (
    CODE_PATTERNS_NEEDED, ENGLISH_WORD_SHARE, FOREIGN_MIN_WORDS, FOREIGN_WORD_SHARE, MAX_TOKEN, WORD_ZIPF,
)

if TYPE_CHECKING:
    from .evidence import _Document
    from .model import Model


# Lines that read as code: their camelCase and punctuation are meant.
# One pattern each, so that the engine scans for each literal (a look-behind
# follows it) rather than trying every alternative at every character.
CODE_PATTERNS = tuple(
    re.compile(pattern, re.MULTILINE)
    for pattern in (r"[{};]\s*$", r"\(\)(?<=\w\(\))", r"==|!=|->|=>|::|:=", r"_(?<=\w_)(?=\w)", r"def (?<=\bdef )",
                    r"import (?<=\bimport )", r"return\b(?<=\breturn)", r"\.(?<=\w\.)\w+\(", r"// (?<=\s// )",
                    r"^[ \t]{2,}(?=\S)", r"\((?<=[A-Za-z]\()[A-Za-z_]\w*\((?=\w)",
                    # a camel-case name called, read from a word's start (linear), not a method
                    # after a dot, which the pattern before finds: setTimeout(callback, getValue()
                    r"(?<![\w.])[a-z]+[A-Z]\w*\((?=[\w)'\"])")
)

# What each of CODE_PATTERNS cannot match without: a text holding none of a
# pattern's strings is not searched with it (`in` runs many times faster than a pattern's scan).
CODE_NEEDS = (("{", "}", ";"), ("()",), ("==", "!=", "->", "=>", "::", ":="), ("_",), ("def ",), ("import ",),
              ("return",), ("(",), ("// ",), ("  ", "\t"), ("(",), ("(",))


def _holds_code(text: str) -> bool:
    """Whether some line of `text` matches one of CODE_PATTERNS."""
    return any(any(need in text for need in needs) and pattern.search(text) is not None
               for needs, pattern in zip(CODE_NEEDS, CODE_PATTERNS))


def _never_splits(model: Model, token: str) -> bool:
    """Whether no rule could split `token` in any text (see `Model.settled`)."""
    if RELATION_GLUED_RE.fullmatch(token):
        return False  # (q=, m∈: short, but a formula's sign glued to a variable)
    if len(token) < 3 or len(token) > MAX_TOKEN:
        return True
    plain = PLAIN_WORD_RE.fullmatch(token)
    if plain:
        return _word_never_splits(model, plain.group(1))
    if UNTOUCHABLE_RE.search(token):
        return not _domain_then_word(model, token)
    if PUNCT_RE.search(token):
        return False
    for atom in ATOM_RE.finditer(token):
        if atom.lastgroup != "word" or len(atom.group()) < 3:
            continue
        hyphen = token[atom.end() : atom.end() + 1] == "-"
        if hyphen and _hyphen_prefix_cut(model, atom.group(), _next_word(token, atom.end() + 1)):
            return False
        if atom.start() and token[atom.start() - 1].isdigit():
            return False  # 314bnpaid: a unit may open it
        if not _word_never_splits(model, atom.group()):
            return False
    return True


def _word_never_splits(model: Model, word: str) -> bool:
    """`_never_splits` for one word atom (letters and inner apostrophes),
    worked out once for all the tokens that hold it (Hanoi, Hanoi. and (Hanoi,)."""
    known = model.words_never.get(word)
    if known is None:
        if len(model.words_never) > tuning.TOKENS_KEPT:
            model.words_never.clear()
        known = model.words_never[word] = _judge_word(model, word)
    return known


def _judge_word(model: Model, word: str, learn: bool = True) -> bool:
    """`_never_splits` for one word atom, worked out (`learn`: or, for a word
    of the list whose answer was learnt ahead, read: `verdicts`)."""
    if len(word) < 3:
        return True
    # (A possessive needs an apostrophe: most words have none, and skip the pattern.)
    stem = POSSESSIVE_RE.sub("", word) if "'" in word or "’" in word else word
    if "'" in stem or "’" in stem:
        return not CONTRACTION_RE.match(word) and not GLUED_O_NAME_RE.match(word)
    lower = stem.lower()
    if lower in model.protected or stem.isupper():
        return True
    if stem.islower():
        if lower in model.safe:
            return True  # `rules._word_splits` never cuts a word this common
        if learn and learnt(model, lower):
            return not can_split(lower, False)
        return not model.cuts(lower) and not _compound_pair(model, lower) and not _common_and_rare_word(model, lower) and (
            not _long_words(model, lower)) and not _function_word_openings(model, lower) and (
            not _variable_cuts(model, lower))
    if stem[0].isupper() and stem[1:].islower():
        if lower in model.safe:
            return True
        if learn and learnt(model, lower):
            return not can_split(lower, True)
        # A capitalised word the web writes (Howard, Liverpool) splits only
        # where the web's bigrams say so, which no text changes.
        return lower in web_counts()[0] and not model.cuts(lower) and not _initial_split(model, lower)
    return False


# --- the stage ----------------------------------------------------------------

def _skip_line(doc: _Document, line: str, code: bool = True) -> bool:
    """The language and code guard: lines the splitter must leave alone
    (`code` false: the text holds nothing that reads as code)."""
    # (Two of the patterns, not one twice: a user name's underscores,
    # sleepy_head_from_Tampere, do not make a comment code.)
    if code and sum(pattern.search(line) is not None for pattern in CODE_PATTERNS) >= CODE_PATTERNS_NEEDED:
        return True
    if doc.config.english_only and not reads_as_english(line):
        return True
    if not doc.config.english_only or not _has_foreign_letter(line):
        return False  # a text of English words was checked as a whole
    words = [w for w in LETTERS_RE.findall(line) if len(w) > 1]
    if len(words) < FOREIGN_MIN_WORDS:
        return False
    # Joins make English words unknown, so a line is judged foreign by its
    # accented words (Việt Nam, défense), or by having almost no English word.
    foreign = sum(1 for w in words if not w.isascii() and not GREEK_SYMBOL_RE.fullmatch(w.lower()))
    english = sum(1 for w in words if (doc.model.zipf.get(w.lower()) or 0.0) >= WORD_ZIPF)
    return foreign >= FOREIGN_WORD_SHARE * len(words) or english < ENGLISH_WORD_SHARE * len(words)

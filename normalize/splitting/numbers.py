"""Spaces lost between a word and a number (in1968, 1400GMTto, 314bnpaid),
not inside a code, a unit or a name (mp3s, 5km, Windows95).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .shapes import CODE_HEAD_RE, NUMBER_RE, YEAR_RE, _letters_after, _letters_before
from .tuning import (
    CODE_WORD_ZIPF, COMMON_WORD_ZIPF, FUNCTION_ZIPF, NUMBER_HEAD_ZIPF, SHORT_NUMBER_HEAD_ZIPF, UNIT_REST_MARGIN,
    WINDOW, WORD_ZIPF,
)
from .words import CALENDAR_WORDS, DATE_OPENERS, JOIN_HEADS, MEASURE_WORDS, NUMBER_SUFFIXES

if TYPE_CHECKING:
    from .evidence import _Document


def year_after_date_opener(letters: str, number: str) -> bool:
    """Whether `letters` glued to `number` are a word that opens a date, in
    small letters, and a year (since2010, till1971): a lost space in any text
    (and a mark of one, `evidence._shows_lost_spaces`; a long text shows two
    before any is split, `stage._lost_spaces`)."""
    return letters.islower() and letters in DATE_OPENERS and YEAR_RE.fullmatch(number) is not None


def _number_join_ok(doc: _Document, token: str, at: int, kind: str) -> bool:
    if kind == "letters_digits":
        # in1968, to3.4%, at10pm, June1971: a word, then a number (and its unit).
        letters = _letters_before(token, at)
        number = NUMBER_RE.match(token, at, min(len(token), at + WINDOW))
        after = _letters_after(token, number.end())
        if not letters or (after is None):
            return False  # letter runs longer than any word
        if after and after.lower() not in NUMBER_SUFFIXES:
            return False  # mixed codes: a4b2, mp3s
        if letters.islower() and len(letters) >= 2 and (doc.zipf(letters) or 0.0) >= FUNCTION_ZIPF:
            return True  # of3-2, at3pm
        if letters == "a" and token[number.end() : number.end() + 1] == "-":
            return True  # a12-year, a2-1 win
        if len(number.group()) < 2 and not after:
            return False  # a4, b2: paper sizes, roads, grid squares
        if letters.lower() in CALENDAR_WORDS:
            return True
        if year_after_date_opener(letters, number.group()):
            return True
        z = doc.zipf(letters.lower()) or 0.0
        if letters[0].isupper():
            return letters[1:].islower() and z >= FUNCTION_ZIPF  # In1971; Windows95 is a name
        if len(letters) == 1:
            return letters == "a" and (number.group().endswith("%") or len(number.group()) >= 3)
        # (A content word and a number, where the text lost spaces
        # elsewhere: else a name or a code, aarch64, comp4460, python3; but
        # a preposition: within60.)
        least = SHORT_NUMBER_HEAD_ZIPF if len(letters) <= 3 else NUMBER_HEAD_ZIPF
        return z >= least and (doc.damaged() or letters in JOIN_HEADS)
    letters = _letters_after(token, at)
    if not letters or letters.lower() in NUMBER_SUFFIXES:
        return False
    if token[at + len(letters) : at + len(letters) + 1].isdigit():
        return False  # mixed codes: 7be2d10, 3to4x
    if len(letters) < 3:  # 40to, 5of: only a function word is that short
        return len(letters) == 2 and letters.islower() and (doc.zipf(letters) or 0.0) >= FUNCTION_ZIPF
    if _unit_then_word(doc, letters.lower(), token[at - 1] == "0"):
        return False  # 1970shits: 1960s hits
    head = token[max(0, at - WINDOW) : at].rstrip("0123456789")
    if head[-1:].isalpha():
        # News24, B52s: a name with a number inside; but a short code then
        # a common word is a product and what it names (N64sales, G5nations).
        code = CODE_HEAD_RE.search(head)
        return (code is not None and letters.islower() and len(letters) >= 4
                and (doc.zipf(letters) or 0.0) >= CODE_WORD_ZIPF)
    if letters[0].isupper():
        # 14March; 1971French: a year, then a word; 7Cast is a name; 3The, 12When:
        # a heading's or a footnote's number, then a sentence's function word.
        year = YEAR_RE.search(token, max(0, at - 5), at)
        return letters.lower() in CALENDAR_WORDS or letters[1:].islower() and (
            year is not None and len(letters) >= 4 and doc.known(letters.lower(), WORD_ZIPF)
            or len(letters) >= 2 and (doc.zipf(letters.lower()) or 0.0) >= FUNCTION_ZIPF)
    # 3ami: a short rare word after a number is more often a name's end; and
    # in a text that lost no space elsewhere, a content word after a number
    # is a name's (9lives, 1password), but a function word (1999and)
    # or what the number measures (200yards) is a lost space.
    return doc.known(letters.lower(), COMMON_WORD_ZIPF if len(letters) == 3 else WORD_ZIPF) and (
        doc.damaged() or letters in MEASURE_WORDS or (doc.zipf(letters) or 0.0) >= FUNCTION_ZIPF)


def _unit_then_word(doc: _Document, word: str, decade: bool) -> int:
    """The length of a unit that opens `word`, right after a number, when the
    rest is a likelier word than the whole (314bnpaid, 1970shits, 12.6mat),
    else 0; `decade` says the number ends in 0, the only kind a plural "s"
    follows (Channel 9show is 9 show)."""
    if not word.islower() or word in NUMBER_SUFFIXES:
        return 0
    whole = doc.zipf(word) or 0.0
    for size in (1, 2, 3):
        unit, rest = word[:size], word[size:]
        if unit not in NUMBER_SUFFIXES or (unit == "s" and not decade) or len(rest) < 2:
            continue
        z = doc.zipf(rest) or 0.0
        if z >= max(WORD_ZIPF, whole + UNIT_REST_MARGIN) and (len(rest) >= 3 or z >= FUNCTION_ZIPF):
            return size
    return 0

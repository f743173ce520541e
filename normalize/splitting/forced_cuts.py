"""Where a run with no spaces is cut whatever the word model says
(`forced_cuts`), for rule `split_no_space_run` (`nospace`): a small letter
before a capital (`theAbove`), a comma, semicolon, colon or a sentence's full
stop before a letter, a bracket or a quotation mark beside a word, the en dash
between a year and a date; and a small letter meeting a capital where either
is outside ASCII (`MarkoŠarić`).

Never deletes or reorders a character: the result is where spaces go.
"""
from __future__ import annotations

import re

from .words import CALENDAR_WORDS

# Where a token is cut whatever the model says.
FORCED_CUT_RE = re.compile(
    r"""
      (?<=[a-z])(?<!Mc)(?<!Mac) (?=[A-Z])     # a small letter, then a capital: theAbove, WalesU-21 (not McCoy)
    | (?<=[^\W\d_][,;:!?])  (?=[^\W_])        # after , ; : ! ? that follow a letter: contest,the, Bogotá,Colombia
    | (?<=[0-9][,;:!?])     (?=[A-Za-z])      # after a number's comma before a letter: 1650,the
    | (?<=[0-9],) (?=[0-9]{1,2}(?![0-9])|[0-9]{4})  # a comma before a number that is no group of three: 14,1902
    | (?<=[a-z][.][,;])     (?=[A-Za-z0-9])   # an abbreviation's comma: al.,2011
    | (?<=[0-9])            (?=–[A-Z])        # an en dash between a date and a name: 1902–May
    | (?<=[0-9]–)           (?=[A-Z])
    | (?<=[a-z]{2}[.])      (?=[A-Z])         # a word's full stop, then a capital: town.The
    | (?:(?<=[A-Z][.])|(?<=[A-Z][a-z][.])) (?=[A-Z][a-z])  # an initial's or a title's stop, then a name: P.Vardakis, St.Anselm
    | (?<=[A-Z][.])         (?=[a-z]{3})      # an initial's stop, then a word: T.lunaris, U.K.county
    | (?<=[a-z]{2}[.,;:!?][”’)]) (?=[A-Za-z])  # a stop, then a closing quote: said.”He (" is `_quote_cuts`')
    | (?<=[a-z0-9][”’)\]"][,;:]) (?=[A-Za-z0-9])  # a closing quote or bracket, then a comma: Songs",and
    | (?<=[A-Za-z0-9.)\]])  (?=[(\[])         # a bracket opening after a word or a bracket: Agreement(FPA, 1864(, Jr.(, )(
    | (?<=[^\W\d_])         (?=[|][^\W\d_])  # a bar between names, spaced in a list: Tavesi|Korlun
    | (?<=[^\W\d_][|])      (?=[^\W\d_])
    | (?<=[)\]])            (?=[A-Za-z])      # a letter after a closing bracket: (FPA)signed
    """,
    re.VERBOSE,
)
# A spaced en dash between full dates (1871–4November -> 1871 – 9 January), where the letters
# after the day are a month (`_date_range_cuts`); a season's 2015–16Premier stays whole.
DATE_RANGE_RE = re.compile(r"(?<=[0-9]{4})–[0-9]{1,2}([A-Z][a-z]+)")
# Its names of five letters or more, which a word glued after them cannot make another word of.
FULL_MONTHS = tuple(sorted(word for word in CALENDAR_WORDS if len(word) >= 5))
# A letter before two letters: where `_accented_capital_cuts` asks the case.
CASE_CHANGE_RE = re.compile(r"(?<=[^\W\d_])(?=[^\W\d_][^\W\d_])")
QUOTES = '"“”'


def forced_cuts(token: str) -> set[int]:
    """Where `token` is cut whatever the model says: FORCED_CUT_RE and the quotation marks."""
    return ({m.start() for m in FORCED_CUT_RE.finditer(token)} | _quote_cuts(token) | _date_range_cuts(token)
            | _accented_capital_cuts(token))


def _accented_capital_cuts(token: str) -> set[int]:
    """Cuts where a small letter meets a capitalised word and either letter is
    outside ASCII (theÉtoile, MarkoŠarić, SigrúnÁrnadóttir): FORCED_CUT_RE's
    small letter then capital, in any script of cased letters."""
    if token.isascii():
        return set()
    return {m.start() for m in CASE_CHANGE_RE.finditer(token)
            if not (token[m.start() - 1].isascii() and token[m.start()].isascii())
            and token[m.start() - 1].islower() and token[m.start()].isupper()}


def _month(word: str) -> bool:
    """Whether `word`, the letters after a day, is a month or opens with a month's full
    name (of five letters or more) glued to the next word (January, Jan, Januaryin; not
    Junior, Marvel)."""
    return word in CALENDAR_WORDS or word.startswith(FULL_MONTHS)


def _date_range_cuts(token: str) -> set[int]:
    """Cuts around the en dash between a year and a day of a month (1871|–|4November)."""
    cuts = set()
    for match in DATE_RANGE_RE.finditer(token):
        if _month(match.group(1).lower()):
            cuts |= {match.start(), match.start() + 1}
    return cuts


def _quote_cuts(token: str) -> set[int]:
    """Cuts beside the quotation marks of a run: before an opening mark after
    a word or a stop (said,"The; fish“the), after a closing one before a word
    ("Song"by). A straight mark opens when an even number of them come before it."""
    cuts = set()
    straight = 0
    for at, mark in enumerate(token):
        if mark not in QUOTES:
            continue
        opening = mark == "“" or mark == '"' and straight % 2 == 0
        straight += mark == '"'
        if opening:
            if at and (token[at - 1].isalnum() or token[at - 1] in ",;:"):
                cuts.add(at)
        elif at + 1 < len(token) and token[at + 1].isalnum():
            cuts.add(at + 1)
    return cuts

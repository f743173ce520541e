"""Spaces lost after punctuation (frameworks,thus; wrote."With; Agreement(FPA)):
each place `PUNCT_RE` finds, kept when the words around it say so.
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

import regex

from .gaps import SHORT_WORDS
from .numbers import _number_join_ok
from .shapes import (
    CAPITALISED_RE, CLOSED_BEFORE_COMMA_RE, GREEK_LETTERS, IDENTIFIER_RE, LIST_SEPARATOR_RE, QUOTE_RE, WORD_AT_RE, _broken_word_at, _letters_after,
    _letters_before, _punctuation_places,
)
from .tuning import FUNCTION_NAME_CHARS, FUNCTION_ZIPF, INITIALS_NAME_ZIPF, KNOWN_ZIPF, WORD_ZIPF

if TYPE_CHECKING:
    from .evidence import _Document


# --- punctuation with no space after it ------------------------------------

# A straight double quote with a space (or an opening bracket) before it
# opens a quotation; one with a space or punctuation after it closes one.
QUOTE_OPENS_AFTER = frozenset("([{")
QUOTE_CLOSES_BEFORE = frozenset(",.;:)]?!-")
QUOTE_JUNCTION_BEFORE = frozenset(".!?,")


# The rule id of a lost space at each kind of place PUNCT_RE finds (its group names).
PLACE_RULES = {
    "comma": "split_after_comma",
    "sentence": "split_sentence_join",
    "colon": "split_after_colon",
    "number_colon": "split_after_colon",
    "initials": "split_after_initials",
    "symbol_word": "split_symbol_word",
    "quote_after": "split_after_quote",
    "quote_before": "split_before_quote",
    "paren_before": "split_before_bracket",
    "paren_after": "split_after_bracket",
    "bracket_after": "split_after_square_bracket",
    "leading_dash": "split_after_dash",
    "trailing_dash": "split_before_dash",
    "currency": "split_currency",
    "percent": "split_after_percent",
    "plural_quote": "split_after_plural_apostrophe",
    "ampersand": "split_before_ampersand_acronym",
    "ampersand_after": "split_after_ampersand",
    "score_bracket": "split_score_bracket",
    "letters_digits": "split_word_number",
    "digits_letters": "split_number_word",
}

# The letters after a mark and before it, compiled once (a call to `regex` with a
# pattern's text looks it up in the module's cache each time; `shapes.WORD_AT_RE`
# reads the letters after a mark, none or more).
LETTER_RUN_AT_RE = regex.compile(r"[A-Za-z]+")
SMALL_LETTERS_END_RE = regex.compile(r"[a-z]+\Z")
# Numbers with a dot inside, then the full stop before a letter (98.80.Hw, 4.50.+h).
DOTTED_NUMBER_RE = regex.compile(r"[0-9]+\.[0-9]+\.\Z")

# A year, or any number of four digits, alone before a comma (1987,the).
YEAR_BEFORE_COMMA_RE = regex.compile(r"(?<![\w.,])[0-9]{4},\Z")

# Places that are cut only in a text that lost spaces elsewhere: in text that shows
# none they are more often the text's own style or code (mode:"cors", Engine:Render,
# (re-)reading, [S]ome, Mail- Lists) than a lost space. Measured on the places cut
# in texts that show no damage: clean-web 0 right of 11, spaces-dev 1 of 10, dev none.
# A closing quote glued to the next word (“rivals,”with) too: in clean web text it is
# the page's own writing, which a clean text keeps (clean-web-dev 32.5 -> 25.1 false
# changes per 100k words; dev and spaces-dev: not one cut lost).
DAMAGED_ONLY = frozenset({"colon", "paren_after", "bracket_after", "trailing_dash", "quote_after"})


def _quote_roles(line: str) -> dict[int, str]:
    """Whether each straight double quote of `line` "opens" or "closes" a
    quotation, by its offset. A quote glued on both sides (said."This) is read
    from the quotation it stands in: one outside a quotation opens; one inside
    closes, unless it follows a sentence, starts a capitalised word and the
    next quote that shows its role closes: then the line holds two paragraphs
    of one quotation run together (the first leaves its quote open)."""
    found = [m.start() for m in QUOTE_RE.finditer(line)]
    shown = []
    for at in found:
        before = line[at - 1] if at else " "
        after = line[at + 1] if at + 1 < len(line) else " "
        shown.append("opens" if before.isspace() or before in QUOTE_OPENS_AFTER
                     else "closes" if after.isspace() or after in QUOTE_CLOSES_BEFORE else None)
    # For each quote, the role of the next quote that shows one (read backwards: linear).
    following, ahead = [None] * len(found), None
    for index in range(len(found) - 1, -1, -1):
        following[index] = ahead
        ahead = shown[index] or ahead
    roles, inside = {}, False
    for index, at in enumerate(found):
        role = shown[index]
        if role is None:
            junction = line[at - 1] in QUOTE_JUNCTION_BEFORE
            if junction and line[at + 1].islower():
                role = "closes"  # stuff,"said: punctuation, then a lower-case word, ends a quotation
            elif inside and not (junction and line[at + 1].isupper() and following[index] == "closes"):
                role = "closes"
            else:
                role = "opens"
        roles[at] = role
        inside = role == "opens"
    return roles


# One letter, then a quote (a citation's back-link letter: ^ a b"Title"; not the article: a"disheartening").
QUOTED_AFTER_LETTER_RE = re.compile(r'[b-hj-z]["“]')


def _punctuation_splits(
    doc: _Document, token: str, suspended: bool, quotes: tuple[str, ...]
) -> list[tuple[int, str]]:
    """Spaces lost after punctuation; `suspended` says the next token ends
    the line or continues a suspended hyphen (`pre- and post-war`), `quotes`
    holds the role of each straight double quote of the token (`_quote_roles`)."""
    out = []
    if token.isalpha() and token.isascii():  # (a Greek letter glued to a word is no punctuation, but a place: δand)
        return out
    for m in _punctuation_places(token):
        at = m.end()
        kind = m.lastgroup
        if not doc.damaged() and (_damaged_only(doc, token, at, kind) or _undamaged_style(doc, token, at, kind)):
            continue
        if kind == "quote_after":
            q = at - 1
            if token[q] == '"' and quotes[token.count('"', 0, q)] != "closes":
                continue
        elif kind == "quote_before":
            if token[at] == '"' and (
                quotes[token.count('"', 0, at)] != "opens"
                or token[at - 1] == "," and token[at + 1].islower()  # stuff,"said: it closes
            ):
                continue
            if not doc.damaged() and (token[at - 1] in ",:" and '"' in token[:at] or QUOTED_AFTER_LETTER_RE.match(token)):
                # "X-Custom-Header","Process": code; ^ a b"Title": a citation's back-links,
                # where the text lost no space elsewhere
                continue
        elif kind == "paren_after":
            # (un)happy: a prefix in brackets is one word with what follows.
            opening = token.rfind("(", 0, at)
            inner = token[opening + 1 : at - 1].lower()
            rest = WORD_AT_RE.match(token, at).group().lower()
            if doc.known(inner + rest, KNOWN_ZIPF):
                continue
        elif kind == "paren_before" and _function_notation(doc, token[:at]):
            continue  # Tr(AB), SO(3, 1), S2(H1), f(x): a function's arguments, not a lost space
        elif kind == "paren_before" and not doc.damaged() and IDENTIFIER_RE.fullmatch(token[:at]) and not (
                CAPITALISED_RE.fullmatch(token[:at])):
            continue  # debounce(fn, fetchUserProfile(userId): a call in code, where the text lost no space elsewhere
        elif kind == "comma" and token[at].islower() and not doc.damaged() and not (
                (len(before := _letters_before(token, at - 1) or "") >= 3 and doc.known(before.lower(), WORD_ZIPF)
                 or YEAR_BEFORE_COMMA_RE.search(token, 0, at) or CLOSED_BEFORE_COMMA_RE.match(token, at - 2))
                and len(after := _letters_after(token, at) or "") >= 3 and doc.known(after.lower(), WORD_ZIPF)):
            # tl;dr, a,b: a code, where the text lost no space elsewhere (but words: met,then; 1987,the;
            # and what closes a phrase, a bracket, a number or a symbol: rest),then; Table 1,where; Φ,which)
            continue
        elif kind == "comma" and token[at].isupper() and ABBREVIATION_PAIR_RE.fullmatch(token.strip(".,:;!?()[]\"'")):
            continue  # TL;DR: capitals on both sides of a semicolon, an abbreviation's
        elif kind == "comma" and token[at].islower() and _garbled_before(doc, token, at - 1):
            continue  # g,o.7r, (;lfe, tiand,red: OCR's garble around a comma, not a lost space
        elif kind == "comma" and token[at].isupper() and token[at + 1 : at + 2] != "." and len(
                LIST_SEPARATOR_RE.findall(token)) >= 2 and not (
                doc.damaged()):
            continue  # White,Mackie,Jones: a list written without spaces (in a text that lost none elsewhere; not Orvalsky,T., an initial)
        elif kind == "trailing_dash":
            before = _letters_before(token, at) or ""
            if suspended or not doc.damaged() and before.islower():
                continue  # non- free: a prefix's hyphen with a stray space, where the text lost no space elsewhere
            if len(before) >= 2 and doc.vocab_zipf(before.lower()) is None:
                continue  # impor- tant, Specifi- cation: a word broken at a line end, not a dash after a word
            if not doc.writes_spaced_dashes():
                continue  # error- correction, post- creole: a hyphen's, in a text that writes no dash between words
        elif kind == "leading_dash" and token[at].isupper():
            # A dash glued to a capitalised word (stance -France): a word or a
            # name the text uses elsewhere, not an option or a code (-Xmx512m).
            word = LETTER_RUN_AT_RE.match(token, at).group()
            if not (doc.known(word, WORD_ZIPF) or doc.count(word.lower()) >= 2):
                continue
        elif kind == "leading_dash" and not (
                len(word := LETTER_RUN_AT_RE.match(token, at).group()) >= 3 and doc.known(word, WORD_ZIPF)
                and doc.damaged() or doc.damaged() and (doc.zipf(word) or 0.0) >= FUNCTION_ZIPF):
            # rm -rf, lspci -nnk, ls -a: an option; web -based, Metroid -inspired: a compound's
            # hyphen with a stray space (but -the, -of, -decided in a text that lost spaces)
            continue
        elif kind in ("letters_digits", "digits_letters"):
            if not _number_join_ok(doc, token, at, kind):
                continue
        elif kind == "initials" and not 0.0 < (doc.vocab_zipf(_letters_after(token, at).lower()) or 0.0) < INITIALS_NAME_ZIPF:
            # P.O.Box, U.S.Army: an abbreviation, then a common noun, not initials before a name;
            # K.Vuhmrei: a word no list knows, as often OCR's garble as a name
            continue
        elif kind == "symbol_word" and not _symbol_then_word(doc, token, at):
            continue
        elif kind == "colon" and token[at].islower() and not doc.damaged():
            continue  # starter:flour:water, key:value: a ratio or a code, where the text lost no space elsewhere
        elif kind == "currency" and (_letters_before(token, at) or "").isupper():
            continue  # US$110, HK$5: a currency's code
        elif kind == "score_bracket" and not doc.damaged():
            continue
        elif kind == "ampersand":
            # (Only where the text lost spaces elsewhere.)
            if not (doc.known(SMALL_LETTERS_END_RE.search(token[:at]).group(), WORD_ZIPF) and doc.damaged()):
                continue
        if _garbled_after(doc, token, at) or kind in BROKEN_WORD_PLACES and _broken_word(doc, token, at):
            continue
        out.append((at, PLACE_RULES[kind]))
    return out


def _symbol_then_word(doc: _Document, token: str, at: int) -> bool:
    """Whether the Greek letter before or after `at` is a symbol glued to an
    English word: a function word after it (δand, ρand; not a subscript,
    αopt, τkd), or a word of three letters or more the list knows before it
    (betweenγ; not nlσ)."""
    if token[at].isascii():
        word = _letters_after(token, at) or ""
        return word.islower() and (doc.vocab_zipf(word) or 0.0) >= FUNCTION_ZIPF
    word = _letters_before(token, at) or ""
    return len(word) >= 3 and word.islower() and (doc.vocab_zipf(word) or 0.0) >= WORD_ZIPF


def _damaged_only(doc: _Document, token: str, at: int, kind: str) -> bool:
    """Whether the place at `at` is cut only in a text that lost spaces
    elsewhere (DAMAGED_ONLY), but for the lost spaces of such kinds that any
    text shows: the article or I after a colon (`_article_after_colon`), a
    clause after an aside's bracket (`_clause_after_bracket`)."""
    if kind not in DAMAGED_ONLY:
        return False
    if kind == "colon":
        return not _article_after_colon(doc, token, at)
    if kind == "paren_after":
        return not _clause_after_bracket(doc, token, at)
    return True


def _article_after_colon(doc: _Document, token: str, at: int) -> bool:
    """Whether a colon glued to the article or I that ends the token follows a
    word the list knows (settings:A domain-independent): a title's subtitle or
    a sentence after its colon, in any text; no code writes a word, a colon and
    one capital (key:value, starter:flour are small letters)."""
    before = _letters_before(token, at - 1) or ""
    return token[at:] in ("A", "I") and len(before) >= 3 and before.islower() and (
        doc.vocab_zipf(before) or 0.0) >= WORD_ZIPF


def _function_notation(doc: _Document, before: str) -> bool:
    """Whether `before`, all of a token before its bracket, names a function
    in a formula: three characters at most, a capital or a digit among them or
    no common word (Tr, SO, S2, Ezf, f; not and, £5m)."""
    head = before.lstrip("([{\"'“‘")
    if not head or len(head) > FUNCTION_NAME_CHARS or not head.isalnum() or not head.isascii():
        return False
    return not head.islower() or (doc.vocab_zipf(head) or 0.0) < WORD_ZIPF


HEX_RE = re.compile(r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{4,}")


def _clause_after_bracket(doc: _Document, token: str, at: int) -> bool:
    """Whether a closing bracket glued to the next word ends an aside and a
    function word opens the clause after it (born 10 June 1951)is, (FPA)was): a
    lost space in any text, where a prefix in brackets, small letters that open
    no clause, is the text's own ((web)page, (ab)use)."""
    opening = token.rfind("(", 0, at)
    inner = token[opening + 1 : at - 1]
    after = _letters_after(token, at) or ""
    aside = opening < 0 or inner.isupper() or inner.isdigit()
    return aside and after == token[at:] and after.islower() and (doc.zipf(after) or 0.0) >= FUNCTION_ZIPF


def _undamaged_style(doc: _Document, token: str, at: int, kind: str) -> bool:
    """Whether the place at `at`, in a text that shows no lost space elsewhere,
    is more likely the text's own writing: an opening quote after a stop or
    a sign (points.“We, (),"X-Header: cut after a letter only, a"disheartening;
    nor after a name in code, two humps or more: NamedExpressions"enemy),
    an acronym's full stop (IO.Stream), a bracket after a name no list knows
    (Vaultix(XC); but Agreement(FPA), $12m(£9m)), letters then a number in a
    code (4:b512, c7d2)."""
    if kind == "quote_before":
        # (Or a camel-case name in code before its quoted value: ShadowNoiseSettings"coarse".)
        return not token[at - 1].isalpha() or CAMEL_NAME_BEFORE_RE.search(token, 0, at) is not None
    if kind == "sentence":
        # (Or a code of dotted numbers and a letter or two: 98.80.Hw, a
        # classification, not a sentence's end; but 4.5.The.)
        return (_letters_before(token, at - 1) or "").isupper() or DOTTED_NUMBER_RE.search(token, 0, at) is not None and (
            len(_letters_after(token, at) or "") < 3)
    if kind == "letters_digits":
        # 4:b512, 9:c7d2: a revision or a hexadecimal code, not a word glued to a number.
        letters = _letters_before(token, at) or ""
        start = at - len(letters)
        return token[start - 1 : start] == ":" or HEX_RE.fullmatch(token.strip(".,;:()[]")) is not None
    if kind == "paren_before":
        before = _letters_before(token, at) or ""
        return bool(before) and not doc.known(before.lower(), WORD_ZIPF) and not token[at - 1].isdigit()
    return False


# A camel-case name of two humps or more, ending where the match must end (a name in code).
CAMEL_NAME_BEFORE_RE = re.compile(r"[a-z][A-Z][a-z]+[A-Z][a-z]+\Z")
# Capitals, a semicolon, capitals: an abbreviation written so (TL;DR), not a lost space.
ABBREVIATION_PAIR_RE = re.compile(r"[A-Z]{1,4};[A-Z]{1,4}")
# What may stand right before a comma glued to the next word, other than a letter: frameworks,thus;
# 1987,the; (LSE),which; "quoted",said; etc.,and; kNNR?,whether.
BEFORE_COMMA = frozenset(")]\"”’'.%?!")
# A Greek letter, a formula's symbol: Φ,which.
GREEK_RE = re.compile(f"[{GREEK_LETTERS}]")


def _garbled_before(doc: _Document, token: str, comma: int) -> bool:
    """Whether what stands before the comma at `comma` is no word (OCR:
    g,o.7r; (;lfe; tiand,red): a letter other than a or I, small letters
    neither the list nor the text knows, or a sign no word ends with. A
    comma that opens the token (below ,and) is the word's before it."""
    if not comma:
        return False
    before = _letters_before(token, comma)
    if not before:
        return not (token[comma - 1].isdigit() or token[comma - 1] in BEFORE_COMMA or GREEK_RE.match(token, comma - 1))
    if comma > len(before) and token[comma - len(before) - 1] in "'’":
        return False  # wasn't,then: a contraction's end
    if len(before) == 1:
        return before.lower() not in ("a", "i")
    return before.islower() and doc.vocab_zipf(before) is None and doc.count(before) < 2


# Places where OCR reads a letter as punctuation inside a word (Sum:mary, infor,mation).
BROKEN_WORD_PLACES = frozenset({"comma", "colon", "sentence"})


def _broken_word(doc: _Document, token: str, at: int) -> bool:
    """Whether the letters around the punctuation before `at` make a word the
    list knows, and one side is no word (Sum:mary, infor,mation): a letter
    OCR read as punctuation, not two words (but in,to, wrote.Then)."""
    before, after = _letters_before(token, at - 1), _letters_after(token, at)
    if not before or not after or not after.islower():
        return False
    return _broken_word_at(doc.vocab_zipf, before, after) and min(
        doc.vocab_zipf(before.lower()) or 0.0, doc.vocab_zipf(after) or 0.0) < WORD_ZIPF


def _garbled_after(doc: _Document, token: str, at: int) -> bool:
    """Whether the small letters after the punctuation at `at` are no word and
    split into none (OCR: aiso)vlt,ly; q,ezvottt): a garbled token, not two glued."""
    after = _letters_after(token, at)
    if not after or not after.islower():
        return False
    if len(after) <= 2:
        return after not in SHORT_WORDS  # f,i; gra,h: a letter no word is
    return doc.vocab_zipf(after) is None and not doc.model.cuts(after)

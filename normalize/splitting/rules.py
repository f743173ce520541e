"""The split kinds of one token, and the registry of their rule ids.

Every space the splitter inserts carries one of the ids in RULES as its
edit's `rule`; grep an id to find the code that makes it (the punctuation
ids are in `punctuation.PLACE_RULES`, by PUNCT_RE's group names).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .case import _case_boundaries
from .joins import _domain_then_word, _hyphen_prefix_cut
from .numbers import _unit_then_word
from .punctuation import _punctuation_splits
from .runs import _prefixed_name_then_word, segment_run
from .shapes import (
    ACRONYM_THEN_WORD_RE, ATOM_RE, CONTRACTION_RE, GLUED_O_NAME_RE, GREEK_LETTERS, ORDINAL_THEN_NAME_RE, POSSESSIVE_RE,
    RELATION_GLUED_RE, TOKEN_END_RE, TRAILING_LETTERS_RE, UNTOUCHABLE_RE, _next_word, _parts,
)
from .tuning import FUNCTION_ZIPF, KNOWN_ZIPF, SAFE_ZIPF, WORD_ZIPF

if TYPE_CHECKING:
    from .evidence import _Document


# A plural's apostrophe before a contraction's letters (Vardakis'remarks), compiled once.
PLURAL_CONTRACTION_RE = regex.compile(r"s['’](?:re|ve|ll|d|m|t)\Z")

# The splits that part content words, capitalised words, acronyms or a word and a number, as
# compounds and code names are written (lookaround, base64, StreamHandler, OpenSSF): in a long
# text, no mark of damage alone (`stage._lost_spaces`).
COMPOUND_LIKE_RULES = frozenset((
    "split_lowercase_words", "split_before_hyphen_prefix", "split_word_number", "split_number_word", "split_unit_word",
    "split_capitalised_words", "split_word_acronym", "split_acronym_word", "split_capitalised_run",
))
# A relation sign glued to a symbol (k =3): kept by the stage where the line holds a formula.
RELATION_RULE = "split_beside_relation"

# rule id -> what it splits, in the order a token is read (`_token_splits`).
RULES = {
    # a run with no spaces at all, segmented by the word model (`nospace`)
    "split_no_space_run": "text that lost every space, cut where the word model ends its words: thequickbrownfox",
    # a name glued to the verb of the sentence it opens (`leads`)
    "split_lead_verb": "a name glued to is, was, has or had before an article, opening a sentence: Brzowikiis a village",
    # a token's web address, then a word (guards keep the rest of it whole)
    "split_address_word": "a web address glued to the next word: Example.comwhen, example.com.The",
    # punctuation with no space after it (`punctuation`, by PUNCT_RE's groups)
    "split_after_comma": "a comma or semicolon glued to the next word: frameworks,thus",
    "split_sentence_join": "a sentence's full stop, ! or ? glued to the next sentence: wrote.Then",
    "split_after_colon": "a colon glued to the next word or quotation: added:\"The, 731.2:Ledgers",
    "split_after_initials": "initials glued to the name after them: J.K.Rowan, K.Tarrow (not P.O.Box)",
    "split_after_quote": "a closing quote glued to the next word: infection,\"said",
    "split_before_quote": "an opening quote glued to the word before it: a\"watershed\"",
    "split_before_bracket": "an opening bracket glued to the word before it: Agreement(FPA)",
    "split_after_bracket": "a closing bracket glued to the next word: (KBA)about",
    "split_after_square_bracket": "a closing square bracket glued to the next word: [interlude]segment",
    "split_after_dash": "a dash glued to the word after it: -it, stance -France",
    "split_before_dash": "a dash glued to the word before it: quickly- (not pre- and post-war)",
    "split_currency": "a currency sign and amount glued to the word before it: to£47bn, at$1.2475",
    "split_after_percent": "a percentage glued to the next word: 6%higher",
    "split_after_plural_apostrophe": "a plural's apostrophe glued to the next word: traders'expectations",
    "split_before_ampersand_acronym": "a word glued to an acronym with an ampersand: topR&B, theQ&A",
    "split_after_ampersand": "a spaced ampersand glued to the name after it: Smith &Jones",
    "split_symbol_word": "a Greek letter, a formula's symbol, glued to an English word: δand, betweenγ",
    "split_score_bracket": "a set's score glued to its tie-break: 7-6(7-1), (7-4)6-3",
    "split_word_number": "a word glued to a number: in1968, top75, about12%",
    "split_number_word": "a number glued to a word: 1968and, 40,000new, 14March",
    # after a number, inside a word atom (`numbers._unit_then_word`)
    "split_unit_word": "a unit after a number glued to a word: 314bnpaid, 1970shits",
    "split_ordinal_word": "an ordinal's ending glued to a capitalised word: 19thCentury, 3rdRegiment",
    "split_acronym_unit_word": "an acronym unit after a number glued to a function word: 1400GMTto",
    "split_beside_relation": "a formula's relation sign spaced on one side, glued on the other, in a formula: k =3, q= p, x∈ X (not timeout =30)",
    # inside a word atom (`_word_splits`)
    "split_after_contraction": "a contraction or possessive glued to the next word: it'snever, Ireland'sMary",
    "split_before_o_surname": "a word glued to an O' surname: OwenO'Farrell",
    "split_pronoun_or_article": "I or A glued to the next word: Iwas, Apenalty",
    "split_camel_case": "a lower-case word glued to a capitalised one: inHanoi, againstNewcastle, thatI",
    "split_word_acronym": "a word glued to an acronym: theEU's, localEU, residentsKBLA",
    "split_word_numeral": "a capitalised word glued to a Roman numeral that ends the token: PhaseIII, GeorgeVI",
    "split_acronym_word": "an acronym glued to a word: KBpublishes, FDAis, EUFarm, UKMinister",
    "split_capitalised_words": "two capitalised words glued: NationsConvention, DavidTarrow, LucianoOrvetti",
    "split_title_name": "a title glued to a name: MrTarrow",
    "split_prefixed_surname": "a name glued to a Mc, Mac, Di or De surname: IanMcAlpine",
    "split_article_before_name": "the article glued to a name or an acronym: ACommittee, aLiberal, aPC",
    "split_initial_before_name": "an initial glued to a surname in a list of names: JKowalski",
    "split_prefixed_name_word": "a Mc or Di surname glued to a function word: McKennaand",
    # letter runs (`runs.segment_run`), named by what the split frees
    "split_function_word": "a lower-case run that frees a function word: ofthe, timeas, sharesin",
    "split_lowercase_words": "a lower-case run of content words: exchangedviews, nationaldefence, lastyear",
    "split_capitalised_run": "a capitalised run, a name or a sentence's first word glued to a word: Tarrowsaid",
    # a word before a hyphenated word (`joins._hyphen_prefix_cut`)
    "split_before_hyphen_prefix": "a word glued to a hyphenated word's first piece: newe-mail, ashort-term",
}


def _word_splits(doc: _Document, word: str, sentence_start: bool = False, after_name: int = 0) -> list[tuple[int, str]]:
    """Spaces to insert inside one word atom (letters and inner apostrophes);
    `sentence_start` says the word opens a sentence."""
    if len(word) < 3:
        return []
    lower = word.lower().replace("’", "'")
    if lower in doc.model.protected:
        return []
    contraction = CONTRACTION_RE.match(word)
    if contraction and PLURAL_CONTRACTION_RE.search(contraction.group(1)):
        contraction = None  # Vardakis'remarks: a plural's apostrophe (see PUNCT_RE's plural_quote)
    if contraction:
        # it'snever, DEC'shosting: a contraction or possessive, then a word.
        head, rest = contraction.groups()
        # (Ireland'sMary: a possessive, then a name.)
        # (A long word may be rarer: it'sunderestimating.)
        least = WORD_ZIPF if len(rest) < 6 else KNOWN_ZIPF
        if rest[0].isupper() or rest == "a" or doc.known(rest, least) or segment_run(doc, rest):
            return [(len(head), "split_after_contraction")] + [(len(head) + i, r) for i, r in _word_splits(doc, rest)]
        return []
    stem = word
    tail = POSSESSIVE_RE.search(word)
    if tail:
        stem = word[: tail.start()]
    if "'" in stem or "’" in stem:
        # (Where the text lost spaces elsewhere: else a user name, KevinO'Neill.)
        glued = GLUED_O_NAME_RE.match(stem)
        return [(glued.end(), "split_before_o_surname")] if glued and (stem[0].islower() or doc.damaged()) else []
    whole_z = doc.vocab_zipf(lower)
    if whole_z is not None and whole_z >= SAFE_ZIPF:
        return []
    if stem.isupper():
        return []
    cases = _case_boundaries(doc, stem, lower, after_name, sentence_start)
    out: list[tuple[int, str]] = list(cases)
    edges = [0, *(i for i, _ in cases), len(stem)]
    for a, b in zip(edges, edges[1:]):
        chunk = stem[a:b]
        if chunk.isupper() or not chunk[1:].islower() and len(chunk) > 1:
            out += [(a + cut, "split_prefixed_name_word") for cut in _prefixed_name_then_word(doc, chunk)]
            continue
        cuts = segment_run(doc, chunk.lower(), chunk[0].isupper(), sentence_start and a == 0, after_name and a == 0)
        if cuts:
            rule = _run_rule(doc, chunk, cuts)
            out += [(a + cut, rule) for cut in cuts]
    return sorted(out)


def _run_rule(doc: _Document, chunk: str, cuts: list[int]) -> str:
    """The rule id of a letter run's split: a capitalised run, else whether
    a part is a function word (by the word model alone: no question of the text)."""
    if chunk[0].isupper():
        return "split_capitalised_run"
    if any((doc.vocab_zipf(part) or 0.0) >= FUNCTION_ZIPF for part in _parts(chunk.lower(), cuts)):
        return "split_function_word"
    return "split_lowercase_words"


def _token_splits(
    doc: _Document, token: str, place: tuple[bool, int], suspended: bool, quotes: tuple[str, ...]
) -> list[tuple[int, str]]:
    starts_sentence, after_name = place
    relation = RELATION_GLUED_RE.fullmatch(token)
    if relation:
        return [(relation.end(relation.lastgroup), RELATION_RULE)]  # (in a formula: `relation_in_formula`)
    if UNTOUCHABLE_RE.search(token):
        cut = _domain_then_word(doc.model, token)
        return [(cut, "split_address_word")] if cut and doc.damaged() else []
    if "/" in token and not doc.damaged():
        return []  # one slash: prose or a path, which only a text that lost spaces elsewhere tells apart
    out = _punctuation_splits(doc, token, suspended, quotes)
    cuts = {at for at, _ in out}
    for m in ATOM_RE.finditer(token):
        if m.lastgroup == "word" and m.start() and token[m.start() - 1].isdigit():
            # 314bnpaid, 800mrecord: a unit after a number, then a word;
            # 19thCentury: an ordinal, then a capitalised word. (1400GMT is
            # left: news writes it both ways.)
            # (1400GMTto: an acronym unit, then a function word.)
            size = _unit_then_word(doc, m.group(), token[m.start() - 1] == "0")
            ordinal = ORDINAL_THEN_NAME_RE.match(m.group())
            unit = ACRONYM_THEN_WORD_RE.match(m.group())
            if size:
                out.append((m.start() + size, "split_unit_word"))
            elif ordinal:
                out.append((m.start() + ordinal.end(), "split_ordinal_word"))
            elif unit and (doc.zipf(unit.group(2)) or 0.0) >= FUNCTION_ZIPF:
                out.append((m.start() + unit.end(1), "split_acronym_unit_word"))
            continue
        if m.lastgroup == "word":
            if _name_letters(doc, token, m) or _line_end_piece(doc, token, m):
                continue
            opens = m.start() in cuts or (starts_sentence and not token[: m.start()].strip("\"“‘'("))
            found = _word_splits(doc, m.group(), opens, after_name if not m.start() else 0)
            if not found and token[m.end() : m.end() + 1] == "-":
                cut = _hyphen_prefix_cut(doc.model, m.group(), _next_word(token, m.end() + 1))
                found = [(cut, "split_before_hyphen_prefix")] if cut else []
            out += [(m.start() + i, rule) for i, rule in found]
    return out


# The signs a relation glues (`shapes.RELATION_GLUED_RE`), and the token after one a space away.
RELATION_SIGNS = "=≈≪≫∈"
FOLLOWING_TOKEN_RE = regex.compile(r" (\S+)")
# How far back the token before a sign is read: longer than any symbol (SYMBOL_RE).
SYMBOL_WINDOW = 8
# A formula's symbol: up to three letters or digits, a Greek letter among them (k, x1, α).
SYMBOL_RE = regex.compile(rf"[A-Za-z{GREEK_LETTERS}][A-Za-z0-9{GREEK_LETTERS}]{{0,2}}[,.;:)]?")
# A relation or an operator of a formula (`shapes.MATH_RE` and the signs RELATION_GLUED_RE reads).
FORMULA_SIGN_RE = regex.compile(r"[=≈≪≫∈∑∫∏±×÷∀∃≤≥→<>+]")


def formula_signs(text: str, start: int, stop: int) -> int:
    """How many relation or operator signs text[start:stop] (a line) holds, two at most."""
    count = 0
    for _ in FORMULA_SIGN_RE.finditer(text, start, stop):
        count += 1
        if count > 1:
            break
    return count


def relation_in_formula(text: str, stop: int, at: int, token: str, signs: int) -> bool:
    """Whether the relation sign that `token` (at `at` in `text`, on a line that ends
    at `stop` and holds `signs` signs: `formula_signs`) glues to a symbol stands in a
    formula: the line holds another sign (k =3 and n = 10), or the token's other side,
    a space away on the same line, is a symbol too (k =3, q= p); not a setting's word
    and value (timeout =30) nor a sign that ends the line (q= before a line end).
    Reads a few characters around the token, never the line again."""
    if signs > 1:
        return True
    end = at + len(token)
    if token[-1] in RELATION_SIGNS:
        following = FOLLOWING_TOKEN_RE.match(text, end, stop)
        return following is not None and SYMBOL_RE.fullmatch(following.group(1)) is not None
    if at < 2 or text[at - 1] != " ":
        return False
    window = max(0, at - 1 - SYMBOL_WINDOW)
    preceding = TOKEN_END_RE.search(text, window, at - 1).group()
    whole = preceding and (window == 0 or text[window - 1].isspace() or len(preceding) < SYMBOL_WINDOW)
    return bool(whole) and SYMBOL_RE.fullmatch(preceding) is not None


# A handle or a model's name: letters, then digits, and nothing else but a
# frame of brackets, quotes and stops around it (Quillon482, QX417).
HANDLE_RE = regex.compile(r"[A-Za-z]+\d+")
HANDLE_FRAME = "()[]{}\"'“”‘’.,;:!?"


def _line_end_piece(doc: _Document, token: str, atom) -> bool:
    """Whether the letters of word `atom` are a piece of a word broken at a
    line end whose hyphen stayed, read whole by the list with the letters on
    the hyphen's other side (decompo-sition, reconstruc-tion): no join of words
    to cut (ent|an). Asks the word list alone."""
    word, start, end = atom.group(), atom.start(), atom.end()
    if token[end : end + 1] == "-":
        after = _next_word(token, end + 1)
        if after.islower() and doc.model.lookup((word + after).lower()) is not None:
            return True
    if start > 1 and token[start - 1] == "-" and word.islower():
        before = TRAILING_LETTERS_RE.search(token, 0, start - 1).group()  # (the letters before the hyphen)
        return bool(before) and doc.model.lookup((before + word).lower()) is not None
    return False


def _name_letters(doc: _Document, token: str, atom) -> bool:
    """Whether the letters of word `atom` are a name whose pieces are not
    cut: a handle or a model (`HANDLE_RE`) where the text shows no other
    damage (Quillon482; not in1971, which the punctuation rules cut at the
    digit); or a capitalised word of small letters before a hyphen and a
    capital, a double-barrelled name (Dorrand-Vasseur, Jean-Pierre)."""
    word, after = atom.group(), token[atom.end() : atom.end() + 2]
    if after[:1].isdigit():
        return HANDLE_RE.fullmatch(token.strip(HANDLE_FRAME)) is not None and not doc.damaged()
    return after[:1] == "-" and after[1:].isupper() and word[0].isupper() and word[1:].islower()

"""Token shapes: what a token, a word atom or a place between two
characters looks like, as patterns and small scanners (no word model, no
text's evidence: `_broken_word_at` asks the look-up it is given).
"""
from __future__ import annotations

import re

import regex

from .tuning import WINDOW, WORD_ZIPF


TOKEN_RE = re.compile(r"\S+")
# A token of a line, and the single space after it when another token follows on the line.
SPACED_TOKEN_RE = re.compile(r"(\S+)( (?=\S))?")

# A capitalised word or an acronym ending where the search ends: the name a token follows.
PREVIOUS_NAME_RE = re.compile(r"(?<!\S)[A-Z][A-Za-z]*\Z")
LETTERS_RE = re.compile(r"[^\W\d_]+")
# Greek letters, as a character class's body: a formula's symbols (Φ, δ).
GREEK_LETTERS = "α-ωΑ-Ω"
# What closes a phrase before a comma glued to the next word, in any text: a bracket, a digit,
# a Greek letter (rest),then; Table 1,where; Φ,which). Clean web pages, dev's articles and the
# true texts of spaces-dev and extract-dev write none before a word of three letters or more
# (`punctuation` keeps such a comma's split where the text shows no other damage, `evidence`
# counts one as a mark of lost spaces).
CLOSED_BEFORE_COMMA = rf"[)\]0-9{GREEK_LETTERS}],"
CLOSED_BEFORE_COMMA_RE = re.compile(CLOSED_BEFORE_COMMA)
FOREIGN_LETTER_RE = re.compile(r"[^\W\d_A-Za-z]")  # a letter outside ASCII
NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")

# Atoms of a token: a word (ASCII letters, inner apostrophes), a number, any other character.
ATOM_RE = regex.compile(
    r"(?P<word>[A-Za-z]+(?:['’][A-Za-z]+)*)|(?P<foreign>[\p{L}\p{M}]+)|(?P<num>\d+(?:[.,:]\d+)*)|(?P<mark>.)",
    regex.DOTALL,
)

# Tokens never touched: URLs, e-mail, handles, hashtags, paths, code, domains, file names.
# One slash between two words or numbers may be prose (and/or, HIV/Aids,
# 2.4m/h) or a path (docs/intro): such a token is split only in a text that
# lost spaces elsewhere. More slashes, a slash at an end, or after one letter
# (r/worldnews, u/name) make a path or a handle. An address in a scheme that
# writes no slashes (about:config, mailto:, javascript:void) is one too.
UNTOUCHABLE_RE = regex.compile(
    r"://|^www\.|@|^#|#\p{L}|^--\p{L}|^\.\p{Ll}|[_\\=<>{}|~^`]|\p{L}\.\p{Ll}{2}"
    r"|(?:^|[\"“‘'(])(?:about|mailto|javascript):\S"
    r"|[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]"
    # a hexadecimal code of eight characters or more, hyphens among them: a hash, a UUID (3f9a0c1e, f81d4fae-7dec-...),
    # read once from the start of its run (each run scanned once: linear in the token)
    r"|(?<![\w-])(?=[0-9a-f-]{8,}+(?![\w-]))[0-9a-f-]*?(?:\d[a-f]|[a-f]\d)"
    r"|/(?:.*/|(?<![A-Za-z\d]/)|(?<=(?<![A-Za-z\d])[A-Za-z\d]/)|(?![A-Za-z\d]))"
)

# A web address glued to the word after it (Example.comwhen): the address, then the word.
# (Or an address, or an e-mail address, that ends a sentence before the next
# one: info@example.com.The; no domain ends in a capitalised word.)
DOMAIN_THEN_WORD_RE = regex.compile(
    r"[\"“‘'(]*(?:[\w.+-]+@)?(?:www\.)?(?:[A-Za-z\d-]+\.)+(?P<tld>com|org|net|edu|gov|uk)"
    r"(?:(?P<word>[a-z]{2,})|\.(?P<sentence>[A-Z][a-z]+))[.,;:!?\"”’')]*"
)

LIST_SEPARATOR_RE = regex.compile(r"[,;]")
NEXT_TOKEN_RE = re.compile(r"[^\S\n]*(\S*)")
NUMBER_RE = regex.compile(r"\d+(?:[.,:]\d+)*%?")
CONTRACTION_RE = regex.compile(
    r"\A([A-Za-z]+['’](?:s|t|ll|re|ve|d|m))"
    r"([a-z]{2,}|(?<=s)[A-Z][A-Za-z]+|(?<=(?i:\b(?:it|that|there|here|what|he|she|who)['’]s))a)\Z"
)  # (it'sa: a contraction of "is", then the article)
POSSESSIVE_RE = regex.compile(r"['’](?:s|d|ll|re|ve|t|m)\Z", regex.IGNORECASE)

# A word, then an Irish surname whose O' opens it: OwenO'Farrell. (No word ends in O'.)
GLUED_O_NAME_RE = regex.compile(r"[A-Z]?[a-z]{2,}(?=O['’][A-Z][a-z])")

# An initial (not the word A or I), then a space and a name: J Kowalski.
INITIAL_NAME_RE = re.compile(r"(?<![^\s(])[B-HJ-Z]\.? [A-Z][a-z]{2,}")
# A dash between words with a space on each side: a text's own style of dash.
# (After a word of two characters or more: a lone letter before it is a word
# broken letter by letter, a l t e r - na t ives, whose hyphen lost its place.)
SPACED_DASH_RE = re.compile(r"\w\w[,;)\]\"”’]? [-–] [\w(\[\"“‘£$€]")

# A word between opening and closing punctuation ("said.", "(Hanoi’s,"):
# neither UNTOUCHABLE_RE nor PUNCT_RE can match it, so its word decides. (A
# straight quote only opens it: ("A is a quote_after; the look-ahead leaves
# plural_quote, traders'expectations, to PUNCT_RE.)
PLAIN_WORD_RE = re.compile(r"\"?[“‘(]*([A-Za-z]+(?:['’](?!(?<=[a-z]s')[a-z]{2})[A-Za-z]+)*)[.,;:!?\"”’)]*")

# A table for bytes.translate: an ASCII letter becomes its small letter, every other byte a space
# (the runs of letters of a lower-case or an ASCII text, split on spaces).
LOWER_LETTERS_ONLY = bytes(ord(chr(code).lower()) if code < 128 and chr(code).isalpha() else 0x20 for code in range(256))
# The same keeping each letter's case (the runs of ASCII letters of any text: any other character,
# ASCII or not, parts them).
LETTERS_ONLY = bytes(code if code < 128 and chr(code).isalpha() else 0x20 for code in range(256))


def ascii_letter_runs(text: str) -> list[str]:
    """The runs of ASCII letters of `text` that no other ASCII letter touches
    (`[A-Za-z]+`, all of each run), in order: three passes in C where a
    pattern tries every character (`rejoin`'s single-gap rules ask it of every line).

    >>> ascii_letter_runs("Hanoi’s co-op, naïve")
    ['Hanoi', 's', 'co', 'op', 'na', 've']
    """
    return text.encode("ascii", "replace").translate(LETTERS_ONLY).decode("ascii").split()


def _has_foreign_letter(text: str) -> bool:
    """Whether `text` holds a letter outside ASCII (FOREIGN_LETTER_RE): the
    class is tested only on the non-ASCII characters, which a plain range finds fast."""
    return not text.isascii() and FOREIGN_LETTER_RE.search("".join(NON_ASCII_RE.findall(text))) is not None


def _letter_words(lower: str) -> list[str]:
    """The runs of letters (`LETTERS_RE`) of the lower-case text, in order."""
    if _has_foreign_letter(lower):
        return LETTERS_RE.findall(lower)
    # Only ASCII letters: bytes.translate finds the runs several times faster.
    return lower.encode("ascii", "replace").translate(LOWER_LETTERS_ONLY).decode("ascii").split()


def _is_letter(char: str) -> bool:
    """`[^\\W\\d_]` of `re` for one character, without a pattern."""
    return char.isalnum() and not char.isdecimal()


def _parts(run: str, cuts: list[int]) -> list[str]:
    """The pieces of `run` cut at `cuts` (in any order)."""
    if len(cuts) == 1:  # (the commonest case: two words)
        cut = cuts[0]
        return [run[:cut], run[cut:]]
    edges = [0, *sorted(cuts), len(run)]
    return [run[a:b] for a, b in zip(edges, edges[1:])]


CAPITALISED_RE = re.compile(r"[A-Z][a-z]+")
IDENTIFIER_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
PLURAL_ACRONYM_RE = re.compile(r"([A-Z]{2,})s(?![A-Za-z])")

# A surname opening with a prefix that keeps its own capital: McGregor, MacLeod, DiVanna, DeVanna.
PREFIXED_NAME_RE = re.compile(r"(?:Mc|Mac|Di|De|Da)[A-Z][a-z]{2,}")

QUOTE_RE = re.compile('"')

# Each alternative asserts what follows a lost space before what precedes it
# (the look-ahead fails fastest), and is written for `re`, three times as fast
# as `regex` on these look-behinds, which `re` wants of fixed width: so two
# conditions on a whole run of letters before the place are checked in
# Python (`_punctuation_places`): a lower-case word of three letters or more
# before a sentence's end (group `lower_run`), and before an ampersand acronym.
PUNCT_RE = re.compile(
    r"""
      (?P<comma>        (?=[a-z]) (?<=[,;]) | (?=[A-Z][a-z]|I(?![A-Za-z])|[A-Z]{2}) (?<=[A-Za-z]{2}[,;])
                      | (?=[a-z]) (?<=\d[,;]) | (?=[A-Z][a-z]) (?:(?<=(?<![\d.,])\d{4}[,;])|(?<=[\dA-Za-z]\)[,;]))
                        # (a year or a bracket, then a capitalised word: by 2007,Ms; 70),Bellamy)
                      | (?=[A-Z]\.) (?<=[a-z]{2},) | (?=(?:19|20)\d\d[a-z]?[)\];,.]) (?<=[a-z]{2},)
                      | (?=(?:19|20)\d\d(?![\d,.]\d)) (?:(?<=(?<![\d.,])\d,)|(?<=(?<![\d.,])\d\d,)) )
                        # (a name, then an initial or a year that closes a citation: Ravindran,K.; Neumann,2003);
                        # a day, then a year: January 23,2004, which no number of thousands writes)
    | (?P<sentence>     (?=[A-Z](?:[a-z]|['’])|[AI]\Z)
                        (?:(?<=[A-Za-z]{2}[.!?])|(?<=\d[a-z][.!?])|(?<=[\d)\]"”’%][.!?]))
                      | (?=[A-Z]{2}) (?<=[a-z]{3}[.!?]) (?P<lower_run>) )
                        # (one capital alone is the word A or I: Nimla.D is a name;
                        # an acronym follows a lower-case word: Quorx.AT is a name)
    | (?P<colon>        (?=["“][A-Za-z]|[A-Za-z]{2}|[AI]\Z) (?<=[A-Za-z]{2}:) (?!(?<=[A-Z]{2}:)[A-Z]{2}) )
                        # (not between two acronyms: CSI:NY; the article or I alone after it: settings:A)
    | (?P<number_colon> (?=[A-Z][a-z]{2}) (?<=\d:) )
                        # (a number, then a capitalised word: a numbered heading's or a class's, 731.2:Ledgers)
    | (?P<initials>     (?=[A-Z][a-z]{2}) (?<=(?<![^\s(\["“‘.])[A-Z]\.) )
                        # (initials glued to a name: J.K.Rowan, K.Tarrow)
    | (?P<symbol_word>  (?=[a-z]{2}) (?<=(?<![α-ωΑ-Ω])[α-ωΑ-Ω]) | (?=[α-ωΑ-Ω](?![α-ωΑ-Ω])) (?<=[a-z]{3}) )
                        # (one Greek letter, a formula's symbol, then a word or after one: δand, betweenγ)
    | (?P<quote_after>  (?=[A-Za-z]) (?<=[^\s(\[“‘"]["”]) )
    | (?P<quote_before> (?=["“][A-Za-z]) (?<=[A-Za-z.,!?:;]) )
    | (?P<paren_before> (?=\((?!(?:s|es|ies|en|ren|a|an|e|r|er|ed|ing|d|st|nd|rd|th)\))[A-Za-z$£€\d][^()\s]{1,})
                        (?:(?<=[A-Za-z]{2})|(?<=[A-Za-z]\d)|(?<=\d[a-z])|(?<=%)) )
    | (?P<paren_after>  (?=[A-Za-z]{2}) (?<=[^\s(]{2}\)) )
    | (?P<bracket_after>(?=[A-Za-z]{2}) (?<=\]) )
    | (?P<leading_dash> (?=[a-z]{2}|[A-Z][a-z]) (?<=[-–]) (?<!..) )
    | (?P<trailing_dash>(?=[-–]\Z) (?<=[A-Za-z]{2}) )
    | (?P<currency>     (?=[£$€¥]\d) (?:(?<=[A-Za-z]{2})|(?<=(?<![A-Za-z])a)) )
    | (?P<percent>      (?=[A-Za-z]{2}) (?<=\d%) )
    | (?P<plural_quote> (?=[a-z]{2}) (?<=[a-z]s') )
    | (?P<ampersand>    (?=[A-Z]{1,3}&[A-Z]{1,3}(?![a-z]{2})) (?<=[a-z]{2}) )
                        # (a word glued to an acronym with an ampersand: topR&B, theQ&A)
    | (?P<ampersand_after> (?=[A-Z][a-z]{2}) (?<=(?<!\S)&) )
                        # (an ampersand opening the token, glued to a name: Moreau &Lindqvist; not &c.)
    | (?P<score_bracket> (?=\(\d{1,2}-\d{1,2}\))
                        (?:(?<=(?<![\d.])\d-\d)|(?<=(?<![\d.])\d\d-\d)|(?<=(?<![\d.])\d-\d\d)|(?<=(?<![\d.])\d\d-\d\d))
                      | (?=\d{1,2}-\d{1,2}(?!\d)) (?:(?<=\(\d-\d\))|(?<=\(\d\d-\d\))|(?<=\(\d-\d\d\))|(?<=\(\d\d-\d\d\))) )
                        # (a set's score and its tie-break: 7-6(7-1), (7-4)6-3)
    | (?P<letters_digits> (?=\d) (?<=[A-Za-z]) )
    | (?P<digits_letters> (?=[A-Za-z]{2}) (?<=\d) )
    """,
    re.VERBOSE,
)

# The run of ASCII letters (maybe none) that ends where a search stops: `.search(token, 0, at)`
# gives the letters just before `at` (the run before a hyphen, the run a punctuation place ends).
TRAILING_LETTERS_RE = re.compile(r"[A-Za-z]*\Z")


def _punctuation_places(token: str):
    """PUNCT_RE's matches in `token` that pass the checks its look-behinds leave to Python."""
    for m in PUNCT_RE.finditer(token):
        if m.group("lower_run") is not None and not _lower_run_before(token, m.end() - 1, 3) or (
                m.lastgroup == "ampersand" and not _lower_run_before(token, m.end(), 2)):
            continue
        yield m


def _lower_run_before(token: str, at: int, least: int) -> bool:
    """Whether the run of letters ending at `at` is lower-case and `least` long or more."""
    run = TRAILING_LETTERS_RE.search(token, 0, at).group()
    return len(run) >= least and run.islower()


ACRONYM_THEN_WORD_RE = re.compile(r"([A-Z]{2,})([a-z]{2,})\Z")
# A formula's relation sign glued to a variable on one side, the token's whole (its other side
# spaced): a variable, then the sign (q= p, x∈ X), or the sign, then a variable or, after =, a
# number (k =3, qN ≪μN). A number after ≈, ≪ or ∈ is a style (σ ≈0.5, like ≤1), a longer
# token code or data (Qzv9PxWm= padding, link_state=).
RELATION_GLUED_RE = re.compile(
    r"""
      (?:[A-Za-z]|[α-ωΑ-Ω])[A-Za-z0-9]{0,2} (?P<before>)[=≈≪≫∈]
    | [=≈≪≫∈](?P<after>) (?:[A-Za-z]|[α-ωΑ-Ω])[A-Za-z0-9]{0,2}[,.;:)]?
    | =(?P<after_number>) [0-9]+(?:\.[0-9]+)?[,.;:)]?
    """,
    re.VERBOSE,
)
ORDINAL_THEN_NAME_RE = re.compile(r"(?:st|nd|rd|th)(?=[A-Z][a-z]{2,}\Z)")
YEAR_RE = re.compile(r"(?<![\d.,])(?:19|20)\d\d\Z")

# A product or group code before its number (PS2, G8, MP3), and how common
# the word after it must be to be read as a word of the sentence.
CODE_HEAD_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,3}\Z")


def _letters_before(token: str, at: int) -> str | None:
    """The run of ASCII letters ending at `at`, or None if longer than a word."""
    start = at
    while start > 0 and at - start <= WINDOW and token[start - 1].isascii() and token[start - 1].isalpha():
        start -= 1
    return None if at - start > WINDOW else token[start:at]


def _letters_after(token: str, at: int) -> str | None:
    """The run of ASCII letters starting at `at` ("" if none), or None if longer than a word."""
    end = at
    while end < len(token) and end - at <= WINDOW and token[end].isascii() and token[end].isalpha():
        end += 1
    return None if end - at > WINDOW else token[at:end]


def _broken_word_at(lookup, before: str, after: str) -> bool:
    """Whether the letters either side of a break make a word the list knows
    (`lookup`: the model's, WORD_ZIPF): a word broken there, at a line end whose
    hyphen kept its space (CLUS- TERING, suc- cessful) or at a letter OCR read as
    a mark (Sum:mary, infor,mation). (`joins._hyphen_prefix_cut` asks the list
    of a word glued to a hyphen's piece alike, but of the letters as they stand.)"""
    return bool(before) and bool(after) and (lookup((before + after).lower()) or 0.0) >= WORD_ZIPF


WORD_AT_RE = re.compile(r"[A-Za-z]*")


def _next_word(token: str, at: int) -> str:
    """The run of ASCII letters at `at` in `token` ("" if none)."""
    return WORD_AT_RE.match(token, at, at + WINDOW).group()


SPACE_RE = re.compile(r"\s")


def spaced_tokens(line: str) -> list[tuple[int, str, bool]]:
    """The tokens of `line`: (where each starts, the token, whether one space and another token follow)."""
    return [(m.start(1), m.group(1), m.group(2) is not None) for m in SPACED_TOKEN_RE.finditer(line)]

# A formula's signs: on such a line, lone letters are symbols, not a word spelt out (`rejoin`, `spelt`).
MATH_RE = re.compile(r"[=∑∫∏λ¯{}\\^_±×÷∈∀∃≤≥→]")

# The end of the token before a place (searched up to it), and the start of the one at it
# (matched from it; fully matched between two places, whether no space stands between them).
TOKEN_END_RE = re.compile(r"\S*\Z")
TOKEN_START_RE = re.compile(r"\S*")

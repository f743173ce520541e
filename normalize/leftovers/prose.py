"""The prose guard: whether a line reads as article text, or sits inside a
sentence wrapped over several lines."""
from __future__ import annotations

import regex

# Reported speech never sits in page furniture.
REPORTED_SPEECH_RE = regex.compile(
    r"""\b(?: said | says | told | according\s+to | announced | reported | stressed
           | insisted | claimed | argued | warned | explained | urged )\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
# A sentence break: a word of two or more lower-case letters (not "Mr.",
# "Gen.", "U.S."), closing punctuation, then a capitalised word.
SENTENCE_BREAK_RE = regex.compile(r"""(?<=\p{Ll}{2}[.!?]["'”’)]?)\s+(?=["“‘(]?\p{Lu})""")
# A line wrapped inside a sentence: the line before runs on (no closing
# punctuation), and this line or the next goes on in lower case or with
# punctuation; or the line before ends in a word no sentence ends with.
RUNS_ON_RE = regex.compile(r"[\p{L}\p{N},;]\Z")
GOES_ON_RE = regex.compile(r"[\p{Ll},.;:!?)]")
STARTS_LOWER_RE = regex.compile(r"\p{Ll}")
NO_END_RE = regex.compile(
    r"\b(?:the|a|an|of|to|in|on|at|by|for|with|from|into|and|or|but|nor|that|than|as|told|said|says|per|via)\Z"
)
# A line that ends a sentence is no link to another story.
SENTENCE_END_RE = regex.compile(r"""\p{Ll}{2}[.]["'”’)]?\Z""")


def reads_as_prose(line: str, max_sentences: int = 1) -> bool:
    """The prose guard for one line: True when it reads as article text.

    >>> reads_as_prose("Share prices rose 5%, analysts said.")
    True
    >>> reads_as_prose("Delegates at the talks. Photo: VNA |", max_sentences=2)
    False
    """
    if REPORTED_SPEECH_RE.search(line):
        return True
    return sum(1 for _ in SENTENCE_BREAK_RE.finditer(line)) >= max_sentences


def inside_sentence(text: str, trimmed: list, index: int, found: dict) -> bool:
    """True when line `index` sits inside a sentence wrapped over several
    lines ("Virus poses as Christmas" / "e-mail"; "... told the" / "News
    Letter" / ". He added"): then it is no furniture, whatever it says.
    Neighbours that are leftovers themselves (`found`) wrap no sentence."""
    before = trimmed[index - 1] if index > 0 and index - 1 not in found else None
    if before is None or not RUNS_ON_RE.search(text, before[1] - 1, before[1]):
        return False
    line = trimmed[index]
    after = trimmed[index + 1] if index + 1 < len(trimmed) and index + 1 not in found else None
    return bool(
        STARTS_LOWER_RE.match(text, line[0], line[1])
        or (after is not None and GOES_ON_RE.match(text, after[0], after[1]))
        or NO_END_RE.search(text, max(before[0], before[1] - 6), before[1])
    )

"""The prose guard: whether a line reads as article text, or sits inside a
sentence wrapped over several lines."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

# Reported speech never sits in page furniture.
REPORTED_SPEECH_RE = regex.compile(
    r"""\b(?: said | says | told | according\s+to | announced | reported | stressed
           | insisted | claimed | argued | warned | explained | urged )\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
# A sentence break: a word of two or more lower-case letters (not "Mr.",
# "Gen.", "U.S."), closing punctuation, then a capitalised word.
SENTENCE_BREAK_RE = regex.compile(r"""(?<=\p{Ll}{2}[.!?]["'”’)]?)\s+(?=["“‘(\[]?\p{Lu})""")
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
SENTENCE_END_RE = regex.compile(r"""(?r)\p{Ll}{2}[.]["'”’)]?\Z""")
# A sentence's closing punctuation, and any quote or bracket after it.
SENTENCE_STOP_RE = regex.compile(r"""(?r)[.!?…]["'”’)]?\Z""")


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


# What makes a few words before a credit an article's sentence rather than a
# caption: a verb in the past, or a perfect, future or modal auxiliary.
# Captions are written in the present tense ("The minister speaks at the
# ceremony.", "Soldiers take part in a training course.") or without a verb
# ("Delegates at the talks."); an article's narrative is not ("The prize went
# to Adam Smith."). An auxiliary counts wherever it stands; a listed verb's
# past form (data/verbs.txt) when it follows a word that can end a subject
# (a name, a noun, a pronoun), not a determiner or preposition ("a used car").
AUXILIARIES = frozenset(
    "was were has have had will would could should might must did shall "
    "wasn't weren't hasn't haven't hadn't won't wouldn't couldn't shouldn't didn't".split()
)
NOT_A_SUBJECT = frozenset(
    "the a an of in on at to for with by from and or but his her their its our my your this that these those "
    "as into over after before during under about than per via".split()
)
CLAUSE_WORD_RE = regex.compile(r"[\p{L}'’]+")
VERBS = Path(__file__).with_name("data") / "verbs.txt"


@lru_cache(maxsize=1)
def past_forms() -> frozenset[str]:
    """Each listed verb's past forms (irregular, or base + "ed"), lower case."""
    forms: set[str] = set()
    for line in VERBS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        base, *irregular = line.split()
        if irregular:
            forms.add(irregular[0])
        elif base.endswith("e"):
            forms.add(base + "d")
        elif base.endswith("y") and base[-2:-1] not in "aeiou":
            forms.add(base[:-1] + "ied")
        else:
            forms.update((base + "ed", base + base[-1] + "ed"))
    return frozenset(forms)


def reads_as_clause(sentence: str) -> bool:
    """Whether `sentence` tells of something done (a verb in the past, or a
    perfect, future or modal auxiliary): an article's sentence, not a caption.

    >>> reads_as_clause("The prize went to the economist, Adam Smith.")
    True
    >>> reads_as_clause("Vietnam's soldiers taking part in UN Peacekeeping mission.")
    False
    >>> reads_as_clause("The minister speaks at the ceremony.")
    False
    """
    words = [w.lower().replace("’", "'") for w in CLAUSE_WORD_RE.findall(sentence)]
    forms = past_forms()
    for index, word in enumerate(words):
        if word in AUXILIARIES:
            return True
        if index and word in forms and words[index - 1] not in NOT_A_SUBJECT:
            return True
    return False

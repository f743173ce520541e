"""The texts the benchmarks measure.

The shared dev corpus is read where it lies (`../shared/corpus/dev.jsonl`) and
never copied into the repository; without it, a corpus is built from the
articles in `fixtures/`. Everything else is generated here, deterministically
(seeded), from English word frequencies: clean prose, the same prose with its
spaces removed, a worst case of one line with no space at all, and the
adversarial inputs of issue 7.

Sizes are in MB of UTF-8 (10**6 bytes), as `../shared/tools/score.py` counts them.
"""
from __future__ import annotations

import json
import random
import string
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
FIXTURES = ROOT / "fixtures"
MB = 10**6
SEED = 6  # issue 6


@dataclass
class Input:
    """Texts measured together; throughput is their total size over total time."""

    name: str
    docs: list[str]
    note: str = ""

    @property
    def mb(self) -> float:
        return sum(len(doc.encode("utf-8", "surrogatepass")) for doc in self.docs) / MB

    def describe(self) -> str:
        what = f"{len(self.docs)} doc{'s' if len(self.docs) != 1 else ''}, {self.mb:.2f} MB"
        return f"{self.name} ({what}{'; ' + self.note if self.note else ''})"


def dev_corpus(path: Path = DEV_CORPUS, mb: float = 1.0) -> Input:
    """The dirty texts of the dev corpus, or, without it, a corpus of about
    `mb` built from the articles in fixtures/."""
    if path.is_file():
        with path.open(encoding="utf-8") as lines:
            docs = [json.loads(line)["dirty"] for line in lines if line.strip()]
        return Input("dev corpus", docs, f"dirty texts of {path.name}")
    return Input("fixtures corpus", fixtures_corpus(mb), f"built from fixtures/: no {path}")


def _fixture_articles() -> list[str]:
    articles = [
        p.read_text(encoding="utf-8")
        for p in sorted(FIXTURES.rglob("*.txt"))
        if not p.name.endswith(".expected.txt")
    ]
    return articles or [paragraphs(0.01, seed=SEED)[0]]


def fixtures_corpus(mb: float, seed: int = SEED) -> list[str]:
    """Documents made from the fixture articles' paragraphs, reshuffled, with
    the defects normalize repairs put in: mojibake, lost spaces, a leftover
    line, CRLF line endings."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    rng = random.Random(seed)
    pool = [p for article in _fixture_articles() for p in article.split("\n") if p.strip()]
    docs, size = [], 0
    while size < mb * MB:
        paras = rng.sample(pool, min(len(pool), rng.randint(4, 12)))
        for i, para in enumerate(paras):
            roll = rng.random()
            if roll < 0.15:
                paras[i] = para.encode("utf-8").decode("sloppy-windows-1252")
            elif roll < 0.35:
                words = para.split(" ")
                paras[i] = "".join(w + ("" if rng.random() < 0.1 else " ") for w in words).rstrip()
        if rng.random() < 0.3:
            paras.append("Leave your comment on an article")
        doc = ("\r\n" if rng.random() < 0.1 else "\n").join(paras)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[list[str], list[float]]:
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("en", 20000) if w.isascii() and w.replace("'", "").isalpha()]
    return words, list(accumulate(word_frequency(w, "en") for w in words))


def _sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    picked = rng.choices(words, cum_weights=weights, k=rng.randint(5, 24))
    picked = [w.replace("'", "\u2019") if rng.random() < 0.5 else w for w in picked]
    roll = rng.random()
    if roll < 0.05:
        at = rng.randrange(len(picked))
        picked[at] = f"\u201c{picked[at]}\u201d"
    elif roll < 0.08:
        picked.insert(rng.randrange(len(picked)), "\u2013")
    elif roll < 0.10:
        picked.insert(rng.randrange(len(picked)), f"\u00a3{rng.randint(2, 900)}m")
    elif roll < 0.15:
        picked.insert(rng.randrange(len(picked)), str(rng.randint(1, 2030)))
    if len(picked) > 10 and rng.random() < 0.4:
        picked[rng.randrange(3, len(picked) - 3)] += ","
    first = picked[0]
    picked[0] = first[:1].upper() + first[1:]
    return " ".join(picked) + rng.choice("....?")


def paragraphs(mb: float, seed: int = SEED) -> list[str]:
    """Clean English prose, as documents of a few paragraphs (one per line),
    with the typography of news text: curly apostrophes and quotes, dashes, £."""
    words, weights = _vocabulary()
    rng = random.Random(seed)
    docs, size = [], 0
    while size < mb * MB:
        paras = [
            " ".join(_sentence(rng, words, weights) for _ in range(rng.randint(2, 6)))
            for _ in range(rng.randint(3, 10))
        ]
        doc = "\n".join(paras) + "\n"
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def prose(mb: float) -> Input:
    return Input("clean prose", paragraphs(mb), "generated, news typography")


def joined(mb: float) -> Input:
    """The prose with every space removed: each paragraph one long run of words."""
    return Input("densely joined", [doc.replace(" ", "") for doc in paragraphs(mb)], "prose, spaces removed")


@lru_cache(maxsize=1)
def _web_vocabulary() -> tuple[list[str], list[float]]:
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("en", 200_000, wordlist="large") if w.isascii() and w.isalpha()]
    return words, list(accumulate(word_frequency(w, "en", wordlist="large") for w in words))


def web_prose(mb: float, seed: int = SEED) -> Iterator[str]:
    """Documents of prose whose tokens keep coming, as a web crawl's do: words
    drawn from wordfreq's 200,000 most frequent, with numbers, capitals and
    one neighbour in twenty glued on. 20 MB hold 320,000 distinct tokens (the
    dev corpus repeated never passes its 37,000): what per-process caches keep
    of them shows here. Yielded one by one, so that a large file can be written."""
    words, weights = _web_vocabulary()
    rng = random.Random(seed)
    size = 0
    while size < mb * MB:
        paras = []
        for _ in range(rng.randint(3, 8)):
            sentences = []
            for _ in range(rng.randint(2, 6)):
                picked = rng.choices(words, cum_weights=weights, k=rng.randint(5, 24))
                for i in range(len(picked) - 1):
                    if rng.random() < 0.05:
                        picked[i], picked[i + 1] = picked[i] + picked[i + 1], ""
                    elif rng.random() < 0.03:
                        picked[i] = str(rng.randint(1, 99999))
                    elif rng.random() < 0.05:
                        picked[i] = picked[i].capitalize()
                picked = [p for p in picked if p]
                picked[0] = picked[0].capitalize()
                sentences.append(" ".join(picked) + rng.choice("....,?"))
            paras.append(" ".join(sentences))
        doc = "\n".join(paras) + "\n\n"
        size += len(doc)
        yield doc


def repeat_to(unit: str, mb: float) -> str:
    """`unit` repeated and cut to about `mb` of UTF-8."""
    chars = int(len(unit) * mb * MB / len(unit.encode("utf-8")))
    return (unit * (chars // len(unit) + 1))[:chars]


def no_space_line(mb: float) -> str:
    """One line with no space: joined prose, newlines removed too."""
    base = "".join(doc.replace(" ", "").replace("\n", "") for doc in paragraphs(min(mb, 1.0)))
    return repeat_to(base, mb)


def worst_case(mb: float) -> Input:
    return Input("worst case", [no_space_line(mb)], "one line, no space")


def long_line(mb: float) -> str:
    """One line of prose, as a minified page or a broken export gives, with a
    mojibake apostrophe in every megabyte for ftfy to find."""
    base = " ".join(doc.replace("\n", " ") for doc in paragraphs(min(mb, 1.0), seed=SEED + 1))
    base = base.replace("\u2019", "\u00e2\u20ac\u2122", 1)  # ’ as UTF-8 read as cp1252
    return repeat_to(base + " ", mb)


def nested_brackets(mb: float) -> str:
    depth = int(mb * MB) // 2 // 4
    return "([{<" * depth + ">}])" * depth


def punctuation_runs(mb: float) -> str:
    unit = "Wait" + "!" * 200 + "?!" * 100 + string.punctuation * 20 + "\u2026\u2014\u00bb" * 30 + " "
    return repeat_to(unit, mb)


def adversarial(mb: float, long_line_mb: float) -> list[tuple[str, Callable[[float], str], float]]:
    """(name, make(size_mb) -> text, size at 10x) for each adversarial input."""
    return [
        ("single line of prose", long_line, long_line_mb),
        ("one repeated letter 'a'", lambda size: "a" * int(size * MB), mb),
        ("one repeated space", lambda size: " " * int(size * MB), mb),
        ("one repeated newline", lambda size: "\n" * int(size * MB), mb),
        ("one repeated 'Ã' (a mojibake letter)", lambda size: "\u00c3" * int(size * MB / 2), mb),
        ("deeply nested brackets", nested_brackets, mb),
        ("long runs of punctuation", punctuation_runs, mb),
    ]

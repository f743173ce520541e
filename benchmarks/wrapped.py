"""Line-end hyphens and unwrapping (issue 18): dev articles hard-wrapped, then cleaned.

    python benchmarks/wrapped.py                    # all of dev.jsonl, three widths each
    python benchmarks/wrapped.py --limit 100 --show 10 --json out.json

Each article's true text (the `clean` field of `../shared/corpus/dev.jsonl`,
read in place) is wrapped greedily at a width drawn from 60 to 80 columns,
its paragraphs (the article's lines) apart by a blank line, in two sets:

- words: a word that does not fit is hyphenated at a line end by pyphen's
  en_US patterns (the largest piece that fits), as a typesetter would;
- compounds: the same, and a hyphenated word of the article (`well-known`,
  `anti-virus`) that does not fit is broken after its own hyphen.

Each wrapped text is cleaned with `Config(unwrap=True)` and with the default
Config, and the words of the output are aligned with the article's words:

- rejoined: hyphenated words that come out whole;
- compounds kept: compounds broken at a line end that keep their hyphen
  (`lost` are those joined into one word, how many of those joined forms are
  words the web writes, and which);
- run together: output words that are two or more of the article's words
  with nothing between them (a lost space);
- paragraphs kept (unwrap): the output has the article's paragraphs, each
  one line; lines kept (default): the output has the wrapped text's lines,
  each broken word whole on the line where it started;
- restore and idempotence on every output.

Also: the same articles wrapped with their paragraphs apart by a single line
end (no blank line), where a paragraph's end must be told from its short last
line. Needs pyphen (`pip install -e '.[bench]'`). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import normalize
from normalize import Config

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev.jsonl"
WIDTHS = (60, 80)
# A token pyphen may hyphenate: letters, with punctuation around them.
PLAIN_TOKEN_RE = re.compile(r"""(?P<lead>[("'“‘\[]*)(?P<word>[A-Za-z]+)(?P<trail>[.,;:!?)"'”’\]]*)\Z""")
# A hyphenated word of the article: letters on both sides of each hyphen.
COMPOUND_TOKEN_RE = re.compile(r"""[("'“‘\[]*[A-Za-z]+(?:-[A-Za-z]+)+[.,;:!?)"'”’\]]*\Z""")


def _dictionary():
    try:
        import pyphen
    except ImportError:
        sys.exit("benchmarks/wrapped.py needs pyphen: pip install -e '.[bench]'")
    return pyphen.Pyphen(lang="en_US")


def _break_points(token: str, dictionary, compounds: bool) -> list[tuple[str, str, str]]:
    """(head with its hyphen, rest, kind) for each place `token` may break at a line end."""
    if COMPOUND_TOKEN_RE.match(token):
        if not compounds:
            return []
        return [(token[: m.end()], token[m.end() :], "compound") for m in re.finditer(r"(?<=[A-Za-z])-(?=[A-Za-z])", token)]
    match = PLAIN_TOKEN_RE.match(token)
    if not match:
        return []
    lead, word = match.group("lead"), match.group("word")
    return [(lead + word[:cut] + "-", token[len(lead) + cut :], "hyphenated") for cut in dictionary.positions(word)]


def wrap(paragraph: str, width: int, dictionary, compounds: bool):
    """The paragraph's lines at `width`, the lines a cleaner that keeps lines
    should give (each broken word whole where it started), and the breaks:
    (kind, index of the word among the paragraph's words)."""
    lines, ideal, breaks = [], [], []
    line, ideal_line = "", ""
    for index, token in enumerate(paragraph.split()):
        room = width - len(line) - (1 if line else 0)
        if len(token) <= room:
            line = f"{line} {token}" if line else token
            ideal_line = f"{ideal_line} {token}" if ideal_line else token
            continue
        fitting = [point for point in _break_points(token, dictionary, compounds) if len(point[0]) <= room]
        if fitting and line:
            head, rest, kind = max(fitting, key=lambda point: len(point[0]))
            lines.append(f"{line} {head}")
            ideal.append(f"{ideal_line} {token}")
            breaks.append((kind, index))
            line, ideal_line = rest, ""
            continue
        if line:
            lines.append(line)
            ideal.append(ideal_line)
        line, ideal_line = token, token
    lines.append(line)
    if ideal_line:
        ideal.append(ideal_line)
    return lines, ideal, breaks


def wrapped_article(text: str, width: int, dictionary, compounds: bool, separator: str = "\n\n"):
    """(wrapped text, paragraphs, ideal lines, breaks with global word indexes)."""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    parts, ideal, breaks, offset = [], [], [], 0
    for paragraph in paragraphs:
        lines, ideal_lines, para_breaks = wrap(paragraph, width, dictionary, compounds)
        parts.append("\n".join(lines))
        ideal.append("\n".join(ideal_lines))
        breaks += [(kind, offset + index) for kind, index in para_breaks]
        offset += len(paragraph.split())
    return separator.join(parts) + "\n", paragraphs, separator.join(ideal) + "\n", breaks


def _aligned(expected: list[str], out: list[str]):
    """The indexes of expected words that come out unchanged, and the replaced stretches."""
    same, replaced = set(), []
    matcher = SequenceMatcher(None, expected, out, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            same.update(range(i1, i2))
        elif op == "replace":
            replaced.append((i1, i2, j1, j2))
    return same, replaced


def _run_together(expected: list[str], out: list[str], replaced) -> list[str]:
    """Output words that are two or more consecutive expected words glued (no hyphen between:
    an article's own `lower- cost` that wrapping puts at a line end is a hyphen rejoined)."""
    found = []
    for i1, i2, j1, j2 in replaced:
        glued = {"".join(expected[a:b]) for a in range(i1, i2) for b in range(a + 2, i2 + 1)
                 if not any(word.endswith("-") for word in expected[a : b - 1])}
        found += [word for word in out[j1:j2] if word in glued]
    return found


def score(docs, dictionary, compounds: bool, separator: str = "\n\n", show: int = 0) -> dict:
    """Figures for one set: every document wrapped, cleaned with unwrap and without."""
    from normalize.splitting.lexicon import lexicon

    lex = lexicon()
    totals = Counter()
    misses = Counter()
    lost = Counter()
    for doc_id, text, width in docs:
        wrapped, paragraphs, ideal, breaks = wrapped_article(text, width, dictionary, compounds, separator)
        expected = " ".join(paragraphs).split()
        for unwrap in (True, False):
            mode = "unwrap" if unwrap else "lines"
            config = Config(unwrap=unwrap)
            cleaned = normalize.clean_and_explain(wrapped, config)
            out = cleaned.text
            totals[f"{mode}.restored"] += normalize.restore(cleaned) == wrapped
            totals[f"{mode}.idempotent"] += normalize.clean(out, config) == out
            totals[f"{mode}.documents"] += 1
            words = out.split()
            same, replaced = _aligned(expected, words)
            for kind, index in breaks:
                totals[f"{mode}.{kind}"] += 1
                if index in same:
                    totals[f"{mode}.{kind}.whole"] += 1
                    continue
                word = expected[index]
                if kind == "compound":
                    glued = word.replace("-", "")
                    if any(glued == w or w.startswith(glued.rstrip(".,;:!?)\"'”’]")) for w in words):
                        totals[f"{mode}.compound.lost"] += 1
                        core = re.sub(r"[^A-Za-z]", "", word).lower()
                        totals[f"{mode}.compound.lost_as_web_word"] += lex.unigrams.get(core, 0) >= 200_000
                        if unwrap:
                            lost[word] += 1
                elif unwrap:
                    misses[word] += 1
            totals[f"{mode}.run_together"] += len(_run_together(expected, words, replaced))
            if unwrap:
                got = [p for p in out.split("\n\n") if p.strip()] if separator == "\n\n" else out.strip("\n").split("\n")
                totals["unwrap.paragraphs"] += len(paragraphs)
                totals["unwrap.paragraphs_kept"] += sum(1 for a, b in zip(got, paragraphs) if a.strip() == b) if len(got) == len(paragraphs) else 0
                totals["unwrap.documents_exact"] += out.strip("\n") == separator.join(paragraphs)
                starts = {line.strip()[:40] for line in out.split("\n")}
                totals["unwrap.paragraph_breaks"] += len(paragraphs) - 1
                totals["unwrap.paragraph_breaks_kept"] += sum(p[:40] in starts for p in paragraphs[1:])
                own = (len(paragraphs) - 1) * len(separator) + 1  # the newlines of the paragraphs' own breaks
                totals["unwrap.wrap_breaks"] += wrapped.count("\n") - own
                totals["unwrap.line_breaks_left"] += out.count("\n") - own
            else:
                want, have = ideal.split("\n"), out.split("\n")
                totals["lines.lines"] += len(want)
                totals["lines.lines_kept"] += sum(1 for a, b in zip(want, have) if a.rstrip() == b.rstrip()) if len(want) == len(have) else 0
                totals["lines.documents_exact"] += out == ideal
    result = dict(totals)
    result["unwrap.misses"] = misses.most_common(show)
    result["unwrap.compounds_lost"] = lost.most_common(show)
    return result


def _rate(result: dict, part: str, whole: str) -> str:
    total = result.get(whole, 0)
    return f"{result.get(part, 0)} / {total} ({result.get(part, 0) / total:.4f})" if total else "-"


def report(name: str, result: dict) -> None:
    print(f"\n## {name}")
    for mode in ("unwrap", "lines"):
        print(f"{mode}: hyphenated words whole {_rate(result, f'{mode}.hyphenated.whole', f'{mode}.hyphenated')}; "
              f"compounds kept {_rate(result, f'{mode}.compound.whole', f'{mode}.compound')}, "
              f"lost {result.get(f'{mode}.compound.lost', 0)} (of them web words: {result.get(f'{mode}.compound.lost_as_web_word', 0)}); "
              f"run together {result.get(f'{mode}.run_together', 0)}; "
              f"restored {_rate(result, f'{mode}.restored', f'{mode}.documents')}, "
              f"idempotent {_rate(result, f'{mode}.idempotent', f'{mode}.documents')}")
    print(f"unwrap: paragraphs kept {_rate(result, 'unwrap.paragraphs_kept', 'unwrap.paragraphs')}, "
          f"documents exact {_rate(result, 'unwrap.documents_exact', 'unwrap.documents')}, "
          f"paragraph breaks kept {_rate(result, 'unwrap.paragraph_breaks_kept', 'unwrap.paragraph_breaks')}, "
          f"line breaks left {_rate(result, 'unwrap.line_breaks_left', 'unwrap.wrap_breaks')}")
    if "lines.lines" in result:
        print(f"lines: lines as wanted {_rate(result, 'lines.lines_kept', 'lines.lines')}, "
              f"documents exact {_rate(result, 'lines.documents_exact', 'lines.documents')}")
    if result.get("unwrap.misses"):
        print("hyphenated words not whole (unwrap):", result["unwrap.misses"])
    if result.get("unwrap.compounds_lost"):
        print("compounds joined (unwrap):", result["unwrap.compounds_lost"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--rounds", type=int, default=3, help="widths drawn per article")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--show", type=int, default=15, help="list the N commonest misses")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()
    dictionary = _dictionary()
    records = [json.loads(line) for line in open(args.corpus, encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]
    rng = random.Random(args.seed)
    docs = [(r["id"], r["clean"], rng.randint(*WIDTHS)) for _ in range(args.rounds) for r in records]
    started = time.perf_counter()
    results = {}
    for name, compounds, separator in (("words", False, "\n\n"), ("compounds", True, "\n\n"),
                                       ("words, paragraphs apart by one line end", False, "\n")):
        results[name] = score(docs, dictionary, compounds, separator, args.show)
        report(f"{name}: {len(docs)} wrapped articles", results[name])
    print(f"\n({time.perf_counter() - started:.0f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Markup remnants (issue 18): HTML tags and entities before and after cleaning.

    python benchmarks/markup.py                                  # extract-dev.jsonl
    python benchmarks/markup.py ../shared/corpus/clean-web-dev.jsonl --show 20

Reads a corpus of (dirty, clean) pairs in place (`../shared/corpus/extract-dev.jsonl`:
trafilatura's and html-text's output of real pages) and counts, in the input,
in the true text and in the cleaned output:

- tags: an HTML element's opening, closing or empty tag (`<br>`, `</p>`,
  `<span data-mce-type="bookmark" ...>`), element names from HTML's own list
  (so `<noun>`, `<3`, `a < b` and `<name@example.com>` are no tags);
- entities: a named or numeric character reference (`&nbsp;`, `&amp;`, `&#8217;`);
- shortcodes: a CMS shortcode in square brackets (`[caption id="..."]`, `[/button]`).

A remnant "left" is one the output holds more often than the true text
(a page that shows HTML as an example keeps it, and so should the cleaner).
Prints figures and the commonest remnants left; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import normalize

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "extract-dev.jsonl"

# HTML's elements (the living standard's list, and a few obsolete ones extractors still meet).
ELEMENTS = """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe
img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup
option output p param picture pre progress q rp rt ruby s samp script section select small source
span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time
title tr track tt u ul var video wbr""".split()
TAG_RE = re.compile(
    r"</?(?:%s)(?:\s+[^<>]*?)?\s*/?>" % "|".join(sorted(ELEMENTS, key=len, reverse=True)),
    re.IGNORECASE,
)
ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
SHORTCODE_RE = re.compile(
    r"\[/?(?:caption|button|gallery|embed|video|audio|playlist|vc_\w+|et_pb_\w+|su_\w+|fusion_\w+|"
    r"av_\w+|contact-form-7|contact-form|wpforms|shortcode|tweet|youtube|soundcloud|instagram)\b[^\]\n]{0,300}\]",
    re.IGNORECASE,
)
KINDS = {"tags": TAG_RE, "entities": ENTITY_RE, "shortcodes": SHORTCODE_RE}


def remnants(text: str) -> dict[str, Counter]:
    """Each kind's remnants in `text`, counted by their text (a tag by its name)."""
    found = {}
    for kind, pattern in KINDS.items():
        found[kind] = Counter(_label(kind, match.group()) for match in pattern.finditer(text))
    return found


def _label(kind: str, remnant: str) -> str:
    if kind == "tags":
        return "<" + re.match(r"</?\w+", remnant).group()[1:].lower().lstrip("/") + ">"
    if kind == "shortcodes":
        return "[" + re.match(r"\[/?[\w-]+", remnant).group()[1:].lstrip("/").lower() + "]"
    return remnant


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(CORPUS))
    parser.add_argument("--show", type=int, default=15, help="list the N commonest remnants left")
    parser.add_argument("--group", type=int, default=2, help="id part that names a group (extract-dev: the tool)")
    args = parser.parse_args()
    totals: dict[str, Counter] = {}
    left: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    where: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    for line in open(args.corpus, encoding="utf-8"):
        if not line.strip():
            continue
        doc = json.loads(line)
        parts = str(doc.get("id", "")).split("/")
        group = parts[args.group] if len(parts) > args.group else "all"
        counts = {"input": remnants(doc["dirty"]), "truth": remnants(doc["clean"]),
                  "output": remnants(normalize.clean(doc["dirty"]))}
        for kind in KINDS:
            for side, found in counts.items():
                totals.setdefault(f"{group}.{side}", Counter())[kind] += sum(found[kind].values())
            extra = counts["output"][kind] - counts["truth"][kind]
            left[kind] += extra
            where[kind][doc.get("id", "")] += sum(extra.values())
            totals.setdefault(f"{group}.left", Counter())[kind] += sum(extra.values())
    groups = sorted({key.rsplit(".", 1)[0] for key in totals})
    print(f"{'group':12} {'kind':11} {'input':>7} {'truth':>7} {'output':>7} {'left':>6}")
    for group in groups:
        for kind in KINDS:
            row = [totals.get(f"{group}.{side}", Counter())[kind] for side in ("input", "truth", "output", "left")]
            print(f"{group:12} {kind:11} {row[0]:7} {row[1]:7} {row[2]:7} {row[3]:6}")
    for kind in KINDS:
        if left[kind]:
            print(f"{kind} left: {left[kind].most_common(args.show)}")
            print(f"  in: {[doc for doc, n in where[kind].most_common(args.show) if n]}")


if __name__ == "__main__":
    main()

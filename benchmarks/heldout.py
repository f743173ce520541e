"""The held-out measurement of `remove_leftovers` (issue 17): furniture lines,
look-alike sentences and whole pages written for the purpose in eight
languages (benchmarks/heldout/), never looked at while rules are written.

    .venv/bin/python benchmarks/heldout.py            # figures
    .venv/bin/python benchmarks/heldout.py --show     # and every miss

Each furniture line is tried between two paragraphs and after the last one
of an article in its language (articles.txt): "removed" counts the tries
where the line is gone and every word of the article stays. Each look-alike
sentence is tried the same way: "kept" counts the tries where it stays whole.
Each page (pages.txt) counts its furniture lines gone ("F"), and its article
lines kept ("A"). `--round 2`: the second round's lines (furniture2.txt,
lookalikes2.txt), written after the rules. Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import collections
from pathlib import Path

from normalize import Config, clean

HERE = Path(__file__).with_name("heldout")
LEFTOVERS_ONLY = Config(stages=("remove_leftovers",))


def sections(path: Path) -> dict[str, list[str]]:
    """The lines of a file under each "== name" heading, comments left out."""
    out: dict[str, list[str]] = {}
    name = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            name = line[3:].strip()
            out[name] = []
        elif line.strip() and not line.startswith("#") and name is not None:
            out[name].append(line)
    return out


def tries(article: list[str], line: str) -> list[str]:
    """The article with `line` between its second and third paragraphs, and after its last."""
    return ["\n\n".join(article[:2] + [line] + article[2:]) + "\n", "\n\n".join(article + [line]) + "\n"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every miss")
    parser.add_argument("--round", type=int, default=1, choices=(1, 2),
                        help="2: the second round, written after the rules and measured once")
    args = parser.parse_args()
    suffix = "" if args.round == 1 else str(args.round)
    articles = sections(HERE / "articles.txt")
    for kind, path in (("furniture", f"furniture{suffix}.txt"), ("look-alikes", f"lookalikes{suffix}.txt")):
        figures = collections.Counter()
        for code, lines in sections(HERE / path).items():
            for line in lines:
                for text in tries(articles[code], line):
                    out = clean(text, LEFTOVERS_ONLY)
                    article_kept = all(p in out for p in articles[code])
                    if kind == "furniture":
                        good = line not in out and article_kept
                    else:
                        good = line in out and article_kept
                    figures[code, good] += 1
                    if not good and args.show:
                        print(f"  {kind} {code} {'not removed' if kind == 'furniture' else 'lost'}: {line}")
        codes = sorted({code for code, _ in figures})
        total = sum(figures[c, True] for c in codes), sum(figures[c, True] + figures[c, False] for c in codes)
        each = ", ".join(f"{c} {figures[c, True]}/{figures[c, True] + figures[c, False]}" for c in codes)
        verb = "removed" if kind == "furniture" else "kept"
        print(f"{kind}: {verb} {total[0]}/{total[1]} ({each})")
    if args.round != 1:
        return
    gone = kept = furniture = article = 0
    for name, lines in sections(HERE / "pages.txt").items():
        text = "\n".join(line[2:] for line in lines) + "\n"
        out_lines = {line.strip() for line in clean(text, LEFTOVERS_ONLY).splitlines()}
        for line in lines:
            mark, body = line[0], line[2:]
            if mark == "F":
                furniture += 1
                gone += body not in out_lines
                if body in out_lines and args.show:
                    print(f"  page {name} furniture left: {body}")
            elif mark == "A":
                article += 1
                kept += body in out_lines
                if body not in out_lines and args.show:
                    print(f"  page {name} article line lost: {body}")
    print(f"pages: furniture removed {gone}/{furniture}, article lines kept {kept}/{article}")


if __name__ == "__main__":
    main()

"""Comment threads after the article: what readers wrote under it, with the
names, dates and buttons of each comment.

A thread is told by its entries, not its words (a comment is prose like the
article's): a comment's head (comment_prompt/comment_header, blogger_header:
a name and a date), a comment's button alone on its line (`comment_tools` in
`normalize/rules/lists.toml`: Reply, Report, Flag, 5 Reply), or the name a
comment system gives a reader who gave none (`commenter_names`: Anonymous,
Guest). A thread starts at a line of the comment_prompt family (a counter, a
heading, a form) or at an entry, with `THREAD_ENTRIES_LEAST` entries or more
from there on, each at most `THREAD_GAP_LINES` lines after the one before;
at least `THREAD_AFTER_PARAGRAPHS` paragraphs of the article come before it.
Its lines go, to `THREAD_GAP_LINES` lines after its last entry, as
blocks/comment_thread: the heads, buttons, names and short replies, but not
a comment's prose. Extractors' article text sometimes keeps a thread (a
WordPress theme's comments inside the article's element): measured on
extract-dev, taking the comments' sentences too lost 8 sentences of a page
whose reference text holds its comments; a prose line is never removed by
shape alone.
"""
from __future__ import annotations

from .shapes import LABEL_CHARS, bare, is_paragraph, is_prose, listed
from .tuning import THREAD_AFTER_PARAGRAPHS, THREAD_ENTRIES_LEAST, THREAD_GAP_LINES

THREAD = "blocks/comment_thread"
ENTRY_RULES = frozenset({"comment_prompt/comment_header", "comment_prompt/blogger_header"})


def _is_entry(line: str, rule) -> bool:
    if rule is not None and rule.name in ENTRY_RULES:
        return True
    if len(line) > LABEL_CHARS:
        return False
    label = bare(line)
    if label.endswith((" said", " says", " wrote")):
        label = label.rsplit(" ", 1)[0]
    return label in listed("comment_tools") or label in listed("commenter_names") or (
        rule is not None and rule.name == "comment_prompt/count" and label.split()[-1:] in (["reply"], ["replies"]))


def comment_thread(text: str, trimmed: list, found: dict) -> dict[int, str]:
    """The lines of the comment thread after the article, if there is one."""
    lines = [i for i, span in enumerate(trimmed) if span is not None]
    # (A line longer than any label is an entry only as a comment's head.)
    entries = [i for i in lines if (trimmed[i][1] - trimmed[i][0] <= LABEL_CHARS or i in found)
               and _is_entry(text[trimmed[i][0] : trimmed[i][1]], found.get(i))]
    if len(entries) < THREAD_ENTRIES_LEAST:
        return {}
    position = {index: n for n, index in enumerate(lines)}
    # The chains of entries, each at most THREAD_GAP_LINES lines after the one before.
    chains: list[list[int]] = []
    for index in entries:
        if chains and position[index] - position[chains[-1][-1]] <= THREAD_GAP_LINES:
            chains[-1].append(index)
        else:
            chains.append([index])
    paragraphs = 0
    chain_at = 0
    for index in lines:
        while chain_at < len(chains) and chains[chain_at][-1] < index:
            chain_at += 1
        if chain_at == len(chains):
            break
        line = text[trimmed[index][0] : trimmed[index][1]]
        rule = found.get(index)
        starts = index in entries or (rule is not None and rule.family == "comment_prompt")
        if starts and paragraphs >= THREAD_AFTER_PARAGRAPHS:
            chain = [i for i in chains[chain_at] if i >= index]
            leads_in = position[chain[0]] - position[index] <= THREAD_GAP_LINES if chain else False
            if leads_in and len(chain) + (index not in chain) >= THREAD_ENTRIES_LEAST:
                last = min(position[chain[-1]] + THREAD_GAP_LINES, len(lines) - 1)
                return {i: THREAD for i in lines[position[index] : last + 1]
                        if not is_prose(text[trimmed[i][0] : trimmed[i][1]])}
        if rule is None and is_paragraph(line):
            paragraphs += 1
    return {}

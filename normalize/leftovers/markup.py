"""Stray markup: what is left of a page's HTML inside plain text.

Extractors that take a page's text keep some of its markup as text: a
`<noscript>` block's tracking pixels, a sponsor box's `<span class=...>`, a
template's `<img src="#{img_src}">`, a share box's HTML to copy, a notice's
`<p>...<br>...</p>`. A line holds stray markup when its tags read as markup,
not as words about markup: a tag with attributes, two tags side by side, a
tag glued to letters on both sides, an element opened and closed on the line,
a closing tag that ends the line, or a line of nothing but tags. Then every
tag of the line goes (`markup/stray_tag`), a script or style element with its
code (`markup/script_element`), each with the no-break spaces (`&nbsp;`)
glued to it; a tag that broke a line between two words leaves a space.

Never touched: text that names a tag (`the <img> tag`, `Single <img>`), a
comparison (`a < b`, `x<y`, `<3`), an address (`<name@example.com>`), an HTML
example (a line with a document's `<html>`, `<head>` or `<body>`, a script
include alone on its line, a line of markup after a line that ends with a
colon), and a text that is markup as a whole (an HTML page given as text).
"""
from __future__ import annotations

import regex

from .tuning import MARKUP_ATTRIBUTES_CHARS

STRAY_TAG = "markup/stray_tag"
SCRIPT_ELEMENT = "markup/script_element"
RULES = {
    STRAY_TAG: "an HTML tag left in the text by the extractor, with the no-break spaces glued to it "
               "(normalize/leftovers/markup.py)",
    SCRIPT_ELEMENT: "a script or style element left in the text, with its code (normalize/leftovers/markup.py)",
}

# HTML's elements (the living standard's list, and the obsolete ones pages still carry).
ELEMENTS = (
    "a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption "
    "center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset "
    "figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins "
    "kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option output p "
    "param picture pre progress q rp rt ruby s samp script section select small source span strike strong "
    "style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul "
    "var video wbr"
).split()
# Elements that break a line where they stand: removed between two words, they leave a space.
LINE_BREAKING = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr iframe li main nav ol p pre section table td th tr ul".split()
)
# What a script include is made of: alone on a line, such tags are an example of code.
INCLUDE_ELEMENTS = frozenset("script style link meta title base noscript".split())

# A tag: opening (with attributes or none), closing or empty; the name must be HTML's.
TAG_RE = regex.compile(
    r"""< (?P<close> / )? (?P<name> %s ) (?= [\s/>] )
        (?P<attributes> [^<>\n]{0,%d}? ) /? >""" % ("|".join(sorted(ELEMENTS, key=len, reverse=True)),
                                                    MARKUP_ATTRIBUTES_CHARS),
    regex.IGNORECASE | regex.VERBOSE,
)
# A script or style element's opening tag; its code runs to the first closing tag of its name.
SCRIPT_OPEN_RE = regex.compile(r"<(?P<name>script|style)\b[^<>\n]*>", regex.IGNORECASE)
SCRIPT_CLOSE_RE = {name: regex.compile(rf"</{name}\s*>", regex.IGNORECASE) for name in ("script", "style")}
# A line that shows an HTML document: markup there is an example, not a leftover.
DOCUMENT_RE = regex.compile(r"<!doctype\b|<(?:html|head|body)[\s>]", regex.IGNORECASE)
# No-break spaces written as entities, glued to a tag.
NBSP_ENTITIES = ("&nbsp;", "&#160;", "&#xa0;", "&#xA0;")
# A text that is an HTML page as a whole.
PAGE_START_RE = regex.compile(r"\s*(?:<!doctype\b|<html[\s>])", regex.IGNORECASE)


def is_page(text: str) -> bool:
    """Whether `text` is an HTML page as a whole (read it with `--from html`)."""
    return PAGE_START_RE.match(text) is not None


def shows_page(text: str, start: int, end: int) -> bool:
    """Whether the line text[start:end] shows an HTML document (`<!DOCTYPE html>`, `<head>`):
    it and the lines after it, to the next blank line, are an example."""
    return DOCUMENT_RE.search(text, start, end) is not None


def stray_markup(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """The spans (start, end, inserted, rule) of the stray markup on the line
    text[start:end], a line of no example (the stage tells)."""
    units = _units(text, start, end)
    if not units:
        return []
    only_markup = not _text_between(text, start, end, units)
    if only_markup and all(name in INCLUDE_ELEMENTS for _, _, name, _ in units):
        return []  # a script include alone on its line: an example of code
    if not _reads_as_markup(text, start, end, units, only_markup):
        return []
    return _spans(text, start, end, units)


def _units(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """The line's tags and script elements: (start, end, element name, rule), in order."""
    units = []
    position = start
    while (opening := SCRIPT_OPEN_RE.search(text, position, end)) is not None:
        name = opening.group("name").lower()
        closing = SCRIPT_CLOSE_RE[name].search(text, opening.end(), end)
        if closing is None:
            break  # (each search starts where the last ended: linear in the line)
        units.append((opening.start(), closing.end(), name, SCRIPT_ELEMENT))
        position = closing.end()
    scripts, k = units, 0
    units = list(scripts)
    for match in TAG_RE.finditer(text, start, end):
        while k < len(scripts) and scripts[k][1] <= match.start():
            k += 1  # (both in order: the script elements before this tag are behind)
        if k == len(scripts) or match.start() < scripts[k][0]:
            units.append((match.start(), match.end(), match.group("name").lower(), STRAY_TAG))
    return sorted(units)


def _text_between(text: str, start: int, end: int, units) -> bool:
    """Whether the line holds anything but its tags and whitespace."""
    position = start
    for unit_start, unit_end, _, _ in units:
        if text[position:unit_start].strip():
            return True
        position = unit_end
    return bool(text[position:end].strip())


def _reads_as_markup(text: str, start: int, end: int, units, only_markup: bool) -> bool:
    """Whether the line's tags are markup rather than words about markup."""
    if only_markup:
        return True
    opened = set()
    previous_end = None
    for unit_start, unit_end, name, rule in units:
        tag = text[unit_start:unit_end]
        if rule == SCRIPT_ELEMENT or "=" in tag:
            return True  # attributes: <span class=...>, <img src=...>
        if previous_end is not None and not text[previous_end:unit_start].strip():
            return True  # side by side: </span></a>, <i></i>
        before = text[unit_start - 1] if unit_start > start else " "
        after = text[unit_end] if unit_end < end else " "
        if not before.isspace() and not after.isspace():
            return True  # glued inside words: Apply<br />Chapters
        if tag.startswith("</"):
            if name in opened:
                return True  # <strong>Title</strong>
            if unit_end == end and not before.isspace():
                return True  # a paragraph's closing tag at its end: ideas.</p>
        else:
            opened.add(name)
        previous_end = unit_end
    return False


def _spans(text: str, start: int, end: int, units) -> list[tuple[int, int, str, str]]:
    """Each run of side-by-side tags as one span, with its glued no-break spaces."""
    runs: list[list] = []  # [start, end, parts words, rule]
    for unit_start, unit_end, name, rule in units:
        tag = text[unit_start:unit_end]
        parts = name in LINE_BREAKING or rule == SCRIPT_ELEMENT
        if runs and not text[runs[-1][1]:unit_start].strip():
            run = runs[-1]
            # </span><a ...>: one element ends and another begins, as a page's parts do
            parts = parts or (not tag.startswith("</") and text[run[1] - 2 : run[1]] != "/>"
                              and text[run[0] : run[1]].startswith("</"))
            run[1], run[2] = unit_end, run[2] or parts
            if rule != run[3]:
                run[3] = STRAY_TAG  # a script element among tags: the run is the tags'
        else:
            runs.append([unit_start, unit_end, parts, rule])
    return [_span(text, start, end, *run) for run in runs]


def _span(text: str, start: int, end: int, run_start: int, run_end: int, parts: bool, rule: str):
    """A run of tags as a span: with the no-break spaces glued to it, and a
    space put in where it stood between two words (a line break, a page's
    parts, a no-break space)."""
    run = (run_start, run_end)
    while (entity := next((e for e in NBSP_ENTITIES if text.startswith(e, run_end, end)), None)):
        run_end += len(entity)
    while (entity := next((e for e in NBSP_ENTITIES if text.endswith(e, start, run_start)), None)):
        run_start -= len(entity)
    spaced = parts or (run_start, run_end) != run
    glued = run_start > start and run_end < end and not text[run_start - 1].isspace() and not text[run_end].isspace()
    return (run_start, run_end, " " if spaced and glued else "", rule)

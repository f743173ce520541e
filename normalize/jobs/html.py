"""HTML pages in: the article text, taken out with trafilatura, to be cleaned.

`extract(html)` returns the text of a page's main article, without its
navigation, header, footer or comment section; the pipeline then cleans it as
any text. `restore` rebuilds this extracted text, never the HTML: markup is
gone before the first edit is made.

trafilatura is an optional extra (`pip install 'normalize-text[html]'`),
imported only when a page is read. A page where it finds no article raises
`NoArticleError`; what is "no article" is trafilatura's call (it returns
nothing), and a page of links alone may still give their text.
"""
from __future__ import annotations

import os
from functools import lru_cache
from types import ModuleType

from ..errors import ConfigError, InputError

# Names read as HTML when the input format is left to the name (compressed forms too).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIX = ".txt"
INSTALL_HINT = "pip install 'normalize-text[html]'"


class MissingExtraError(ConfigError):
    """trafilatura is not installed; the message says what to install."""


class NoArticleError(InputError):
    """The extractor found no article in a page; the message names the page."""


@lru_cache(maxsize=1)
def _trafilatura() -> ModuleType:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError(f"reading HTML needs trafilatura: {INSTALL_HINT} ({exc})") from None
    return trafilatura


def check_available() -> None:
    """Raise `MissingExtraError` now, before any page is read, if the extra is missing."""
    _trafilatura()


def extract(html: str, *, name: str = "page") -> str:
    """The article text of `html`, ending with a newline: trafilatura's
    defaults, without the comment section. Raises `NoArticleError` (naming `name`) when there is
    none, and `MissingExtraError` without the extra. Never returns markup
    as text and never prints.
    """
    text = _trafilatura().extract(html, include_comments=False)
    if text is None or not text.strip():
        raise NoArticleError(f"{name}: no article found in this page (the extractor found no main text); "
                             "nothing was written")
    return text if text.endswith("\n") else text + "\n"


def reads_html(source: str, source_format: str | None) -> bool:
    """Whether input `source` is read as a page: as `source_format` says
    ("html" or "text"), else by its name; standard input ("-") is text
    unless told."""
    if source_format is not None:
        return source_format == "html"
    return source != "-" and is_html_name(source)


def _split_compression(name: str) -> tuple[str, str]:
    from .compression import SUFFIXES

    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def is_html_name(path: str) -> bool:
    """Whether `path` is named as an HTML page (`page.html`, `page.htm.gz`)."""
    stem, _ = _split_compression(path)
    return stem.lower().endswith(HTML_SUFFIXES)


def text_name(path: str) -> str:
    """Where a page's text goes in an output folder: `a/page.html` ->
    `a/page.txt` (compression kept: `page.html.gz` -> `page.txt.gz`);
    other names are unchanged."""
    stem, compressed = _split_compression(path)
    if not stem.lower().endswith(HTML_SUFFIXES):
        return path
    return os.path.splitext(stem)[0] + TEXT_SUFFIX + compressed

"""The fast paths of the stages give exactly what their plain definitions give."""
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.whitespace import _REPLACEMENT, WHITESPACE_RE, _spans


# --- normalize_whitespace -------------------------------------------------------


def whitespace_by_definition(text: str) -> list[tuple[int, int, str, str]]:
    """WHITESPACE_RE run over the whole text: the stage as it is defined."""
    spans = []
    for match in WHITESPACE_RE.finditer(text):
        inserted = _REPLACEMENT[match.lastgroup]
        if inserted is None:
            inserted = "\n" if "\n" in match.group() else ""
        spans.append((match.start(), match.end(), inserted, match.lastgroup))
    return spans


WHITESPACE_CASES = [
    "", " ", "\n", "\t", "a", "a b", "a  b", "a\tb", "a \tb", "a \n b", "a\n\n\nb", "a\n \n\t\nb",
    "  \n\nText\n", "Text  ", "Text \n", "Text\n\n\n", "Text\n \n", "a\xa0 b", "a \xa0b", "a  \rb",
    "\n a", " \n", "a\n", "a\n\n", "\n\n", "x" + " " * 5000, " " * 1000 + "x", "a" + " \t" * 300 + "b",
]


def test_whitespace_fast_path_matches_definition_on_cases():
    for text in WHITESPACE_CASES:
        assert list(_spans(text)) == whitespace_by_definition(text), repr(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\n\r\x0b\xa0\u3000ab.", max_size=40))
def test_whitespace_fast_path_matches_definition(text):
    assert list(_spans(text)) == whitespace_by_definition(text)


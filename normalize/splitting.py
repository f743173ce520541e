"""Stage `split_words` (placeholder while the real splitter is written)."""
from .config import Config
from .edits import Edit


def split_words(text: str, config: Config) -> tuple[str, list[Edit]]:
    return text, []

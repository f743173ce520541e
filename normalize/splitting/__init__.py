"""Stage `split_words`: put back the spaces a hard-wrapped page lost.

`exchangedviews`, `inHanoi`, `theEU’s`, `frameworks,thus`, `Agreement(FPA)`
become `exchanged views`, `in Hanoi`, `the EU’s`, `frameworks, thus`,
`Agreement (FPA)`; `Mogherini`, `UNCLOS`, `iPhone`, `COVID-19`, URLs and
non-English text stay as they are.

The splitter only ever inserts a space: it never deletes or reorders a
non-space character. It works from evidence, not guesses:

- a token is looked at only when it is not a common word as it stands;
- a lower-case run is segmented against English word frequencies, and the
  split is kept only when every part is a plausible word and the split is
  clearly more likely than the token itself;
- a case change (`inHanoi`) or punctuation with no space after it
  (`frameworks,thus`) is split only when the words on both sides say so;
- the document itself is evidence: a token that stands alone twice is a real
  word of this text (a name, a brand), and a name that stands alone elsewhere
  may be split off (`Tarrowsaid`).
"""
from .model import Model, model_for
from .rules import RULES
from .stage import STAGE, split_words

__all__ = ["RULES", "STAGE", "Model", "model_for", "split_words"]

"""The thresholds of `remove_leftovers`, each with what it trades."""
from __future__ import annotations

# line_start / line_end rules look only this far into a line from its edge.
EDGE_WINDOW = 300
# How many characters of lines at least share one look for the edge rules' keys.
KEY_STRETCH = 1 << 15
# A trailing block holds at most this many link lines, each at most this long.
BLOCK_MAX_LINKS = 40
LINK_MAX_LENGTH = 160
# How many line heads (and line tails) the dispatch remembers the rules of.
HEADS_REMEMBERED = 16384

# A sentence of this many words and characters or more at either end of a
# line that a rule takes whole is the article's, when the rule takes the line
# without it too and no rule takes the sentence alone: the rule's open end
# swallowed it (furniture glued to a paragraph: "We use cookies ... Tim
# Henman saved ..."). A caption before its credit is shorter ("Vietnam's
# soldiers taking part in UN Peacekeeping mission. Photo: NLD |").
SWALLOWED_WORDS = 8
SWALLOWED_CHARS = 60
# A sentence glued to furniture stays with it whatever its length when it
# reads as a clause (a finite verb) of this many words or more: "The prize
# went to Adam Smith. Photo: VNA" keeps its sentence; "Delegates at the talks.
# Photo: VNA |" is a caption, and goes. Fewer words ("He won.") are too few to
# tell a sentence from a label.
CLAUSE_LEAST_WORDS = 3

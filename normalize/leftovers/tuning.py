"""The thresholds of `remove_leftovers`, each with what it trades."""
from __future__ import annotations

# line_start / line_end rules look only this far into a line from its edge.
EDGE_WINDOW = 300
# How many characters of lines at least share one look for the edge rules' keys.
KEY_STRETCH = 1 << 15
# A trailing block holds at most this many link lines, each at most this long.
BLOCK_MAX_LINKS = 40
LINK_MAX_LENGTH = 160
# How many line heads (and line tails), with their shorter forms, the dispatch
# remembers the rules of, the least recently asked forgotten first: about 400
# bytes each. extract-dev's 250 pages meet 31,489 heads; at 16,384 the
# shorter forms were forgotten and learnt again (133k partial matches, not 123k).
HEADS_REMEMBERED = 1 << 15

# A sentence of this many words and characters or more at either end of a
# line that a rule takes whole is the article's, when the rule takes the line
# without it too and no rule takes the sentence alone: the rule's open end
# swallowed it (furniture glued to a paragraph: "We use cookies ... Tim
# Tarrow saved ..."). A caption before its credit is shorter ("Vietnam's
# soldiers taking part in UN Peacekeeping mission. Photo: NLD |").
SWALLOWED_WORDS = 8
SWALLOWED_CHARS = 60
# A sentence glued to furniture stays with it whatever its length when it
# reads as a clause (a finite verb) of this many words or more: "The prize
# went to Adam Smith. Photo: VNA" keeps its sentence; "Delegates at the talks.
# Photo: VNA |" is a caption, and goes. Fewer words ("He won.") are too few to
# tell a sentence from a label.
CLAUSE_LEAST_WORDS = 3

# A text's language is told from its first this many words: enough for a
# page's head (a menu, a title) not to decide it alone, and cheap.
LANGUAGE_SAMPLE_WORDS = 600
# ... by at least this many function words of one language (a text of two
# short sentences holds a few) ...
LANGUAGE_LEAST_WORDS = 3
# ... that are this share of all the function words found (and Cyrillic words
# this share of all words, for Russian): less, and the text has no language,
# so no rule for one language meets it.
LANGUAGE_WIN_SHARE = 0.6
# Every this many words, the count stops when one language has this many
# votes and this share of them: a plain article tells its language in its
# first hundred words, a page that opens with a menu reads on.
LANGUAGE_EARLY_WORDS = 100
LANGUAGE_EARLY_VOTES = 15
LANGUAGE_EARLY_SHARE = 0.9

# Block evidence (blocks.py). A prose line: a sentence of this many words or
# more, or a line of this many words whatever its end.
PROSE_LEAST_WORDS = 8
PROSE_LONG_WORDS = 20
# A paragraph of the article's body, which places the article: a sentence of
# this many words or more (or a long line). On extract-dev's html-text, of the
# prose lines of 8 to 15 words half are menu blurbs and ads; of those of 16
# or more, a sixth.
PARAGRAPH_LEAST_WORDS = 16
# Prose lines at most this many other lines apart are one cluster; the
# article spans the clusters with this share of the largest one's prose or
# more. A higher gap or a lower share keeps more lists, tables and captions
# inside the article, where no run is looked for; the ads and blurbs of a
# page's tail make clusters of a sentence or two.
ARTICLE_GAP_LINES = 12
ARTICLE_SHARE = 0.1
# A short line (a menu item): at most this many words and characters.
SHORT_LINE_WORDS = 4
SHORT_LINE_CHARS = 40
# A line of a run of furniture: at most this many words (a headline), and not
# a sentence of this many words or more (a caption, a blurb).
TITLE_LINE_WORDS = 20
RUN_SENTENCE_WORDS = 3
# A run is navigation with this many menu labels or more, when its labels and
# short lines are this share of it or more. Fewer labels let lists of
# short items (materials, table cells, contents) pass for menus.
NAV_LABELS_LEAST = 3
NAV_SHARE = 0.5
# Inside the article, where a list may be the article's own, a run needs this
# many labels: a sidebar or a player's menu holds dozens, a list of an
# article's items rarely one.
NAV_LABELS_INSIDE_LEAST = 5
# A long run of short lines at the head or tail (a site's menu of its own
# sections: "Trips", "Places", "Itineraries") needs only this many labels
# when it has this many lines or more, short ones this share of them. The
# lists an article opens or ends with (contents, an infobox) hold no label,
# or lines that are no short item (values, numbers), which end a run.
LONG_RUN_LINES = 12
LONG_RUN_SHORT_SHARE = 0.8
LONG_RUN_LABELS_LEAST = 1
# A run's side toward the article stays from its first title-like line among
# this many (a headline, a caption, a byline before the article); a longer
# stretch of headlines is a box of other stories.
TITLE_LINES_KEPT = 6

# Comment threads (threads.py): a thread has this many entries or more (a
# comment's head, its button, an anonymous commenter's name), each at most
# this many lines after the one before (a comment's words), after this many
# paragraphs of the article. Fewer entries, a wider gap: a row of buttons
# under the article, or an article's own "Reply" line, would pass for one.
THREAD_ENTRIES_LEAST = 3
THREAD_GAP_LINES = 12
THREAD_AFTER_PARAGRAPHS = 2

# Galleries (streams.py): this many numbered items or more, each at most this
# many lines after the one before (a title, a caption, a credit), with credits
# closing this share of them when no gallery title heads them. A thread of
# posts numbered 1/5, 2/5 has neither.
GALLERY_ITEMS_LEAST = 3
GALLERY_GAP_LINES = 5
GALLERY_CREDIT_SHARE = 0.3
# Teaser streams: this many lines or more of this many words, at the text's
# end, this share of them cut off without a closing stop. An article's own
# paragraphs end in one; a list's items are shorter.
TEASER_ITEMS_LEAST = 3
TEASER_LEAST_WORDS = 35
TEASER_CUT_SHARE = 0.66

# A stray tag's attributes are read up to this many characters (a tracking pixel's URL, with
# its query, runs to two thousand); a longer "tag" is no tag, and stays.
MARKUP_ATTRIBUTES_CHARS = 4000

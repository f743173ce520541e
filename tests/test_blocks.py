"""Block evidence: runs of menus, footers and story boxes around an article."""
import re
from pathlib import Path

import pytest

import normalize

from normalize import Config
from normalize.edits import apply_edits
from normalize.leftovers import remove_leftovers
from normalize.leftovers.blocks import RULES

ARTICLE = (
    "The city council approved the new budget on Tuesday after a debate that lasted most of the evening.\n\n"
    "Spending on schools will rise by four percent, while the road repair fund stays where it was last year.\n\n"
    "The mayor said the plan balanced the needs of families with the limits of what the city can borrow.\n\n"
    "A final vote on the transport levy is expected next month, once the committee has reported back.\n"
)
MENU = "Home\nNews\nSport\nWeather\nCity Hall\nSchools\nOpinion\nVideo\nMore\n"
FOOTER = "About us\nContact us\nAdvertise\nCareers\nPrivacy Policy\nTerms of Use\nSitemap\n"


def removed(text):
    out, edits = remove_leftovers(text, Config())
    assert apply_edits(text, edits) == out
    return out, {e.rule for e in edits}


def test_a_menu_before_the_article_and_a_footer_after_it_go():
    out, rules = removed(MENU + "\n" + ARTICLE + "\n" + FOOTER)
    assert out.split() == ARTICLE.split()
    assert "blocks/nav_run" in rules


def test_the_headline_between_the_menu_and_the_article_stays():
    title = "Council approves budget after long debate\n"
    out, _ = removed(MENU + "\n" + title + "\n" + ARTICLE)
    assert out.lstrip().startswith(title)


def test_a_box_of_other_stories_after_the_article_goes_with_its_heading():
    box = ("Most read\nFloods close the coast road for a second day\nLocal bakery wins national award\n"
           "Why the bus timetable is changing in May\n")
    pitch = "Our reporters have covered the city council every week for forty years.\n"
    out, rules = removed(ARTICLE + "\n" + box + "\n" + pitch + "\n" + FOOTER)
    assert out.split() == (ARTICLE + pitch).split()
    assert "blocks/headline_run" in rules


@pytest.mark.parametrize("lines", [
    # an article's own lists: no menu label among them
    "You will need:\nFlour\nSugar\nTwo eggs\nButter\nA pinch of salt\nBaking powder\nMilk\n",
    "Contents\nBackground\nMethods\nResults\nDiscussion\nConclusion\nReferences\n",
    "Population\n4,933,210\nCapital\nWellington\nCurrency\nDollar\nArea\n268,021 km2\n",
    "Finland\nNorway\nDenmark\nSweden\nIceland\nEstonia\nLatvia\n",
])
def test_an_articles_own_list_before_or_after_it_stays(lines):
    for text in (lines + "\n" + ARTICLE, ARTICLE + "\n" + lines):
        assert removed(text)[0] == text


def test_a_table_of_contents_whose_headings_the_article_repeats_stays():
    contents = "On this page\nNews of the week\nSport\nThe vote\nWeather\nWhat comes next\n"
    body = "News of the week\n" + ARTICLE + "\nThe vote\n" + ARTICLE + "\nWhat comes next\n" + ARTICLE
    text = contents + "\n" + body
    assert removed(text)[0] == text


def test_prose_is_never_taken_with_a_run():
    blurb = "Our weekly newsletter brings the best of the city to your inbox every Friday morning."
    out, _ = removed(MENU + blurb + "\n" + MENU + "\n" + ARTICLE)
    assert blurb in out


def test_a_list_of_labels_inside_the_article_stays_when_it_is_short():
    middle = "The sections that changed:\nNews\nSport\nOpinion\n"
    text = ARTICLE + "\n" + middle + "\n" + ARTICLE
    assert removed(text)[0] == text


def test_every_python_rule_is_registered_with_where_it_lives():
    package = Path(normalize.__file__).parent
    for name, description in RULES.items():
        where = re.search(r"\((normalize/leftovers/\w+\.py)\)\Z", description)
        assert name.startswith(("blocks/", "markup/")) and where, name  # (markup: stray tags inside lines)
        assert (package.parent / where.group(1)).is_file()
        assert name.split("/")[1] in (package.parent / where.group(1)).read_text(encoding="utf-8")


# --- comment threads, galleries, teaser streams ----------------------------------

THREAD = (
    "Lena Park wrote on March 3, 2021 at 9:15 am:\n"
    "I went to the meeting and I think the new budget is fair to most families.\n"
    "Reply\n"
    "Tom Reyes wrote on March 3, 2021 at 11:02 am:\n"
    "The road fund should have gone up as well, in my view.\n"
    "Reply\n"
    "Anonymous\n"
    "Great piece.\n"
)


def test_a_comment_thread_after_the_article_loses_its_heads_buttons_and_short_replies():
    out, rules = removed(ARTICLE + "\n3 comments\n" + THREAD)
    assert "blocks/comment_thread" in rules
    for gone in ("wrote on", "Reply", "Anonymous", "Great piece.", "3 comments"):
        assert gone not in out
    # A comment's prose is never removed by shape alone: the reference text may keep it.
    assert "I went to the meeting and I think the new budget is fair to most families." in out


def test_a_reply_line_in_an_article_is_no_thread():
    text = "Reply\n\n" + ARTICLE + "\nReply\n\n" + ARTICLE
    assert "blocks/comment_thread" not in removed(text)[1]


GALLERY = "".join(
    f"{n}/4 {title}\n{caption}\n{credit}\n" for n, (title, caption, credit) in enumerate([
        ("Harbour at dawn", "Fishing boats come in with the first catch of the day.", "Getty Images"),
        ("Market day", "Stalls line the square as the town fills up.", "AFP"),
        ("The new bridge", "Cars cross the bridge on its first morning.", "Reuters"),
        ("Evening", "Lights come on along the promenade.", "Getty Images"),
    ], start=1)
)


def test_a_numbered_gallery_with_credits_goes_and_the_article_after_it_stays():
    out, rules = removed(ARTICLE + "\n" + GALLERY + "\n" + ARTICLE)
    assert "blocks/gallery" in rules
    assert "Market day" not in out and "Getty Images" not in out
    assert out.count(ARTICLE.split("\n")[0]) == 2


def test_a_numbered_thread_of_posts_without_a_gallerys_frame_stays():
    posts = ("1/3 The council meets on Tuesday to vote on the budget.\n"
             "2/3 Schools get four percent more; roads the same as last year.\n"
             "3/3 A vote on the transport levy comes next month.\n")
    text = ARTICLE + "\n" + posts
    assert removed(text)[0] == text


def test_a_stream_of_teasers_cut_off_at_the_end_goes():
    teaser = ("Residents of the old quarter gathered on Sunday to protest against plans to close the only "
              "post office left in the district, which they say would leave elderly people without a place to "
              "collect their pensions or send parcels to their families abroad and")
    stream = "\n".join(f"{teaser} {n}" for n in range(4)) + "\n"
    out, rules = removed(ARTICLE + stream)
    assert "blocks/teaser_stream" in rules
    assert out.split() == ARTICLE.split()


def test_long_paragraphs_that_end_in_a_stop_are_no_teaser_stream():
    para = ("Residents of the old quarter gathered on Sunday to protest against plans to close the only post "
            "office left in the district, which they say would leave elderly people without a place to collect "
            "their pensions or send parcels to their families abroad.\n")
    text = ARTICLE + para * 4
    assert removed(text)[0] == text

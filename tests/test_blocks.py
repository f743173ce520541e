"""Block evidence: runs of menus, footers and story boxes around an article."""
import pytest

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


def test_every_block_rule_is_registered_with_where_it_lives():
    for name, description in RULES.items():
        assert name.startswith("blocks/") and "normalize/leftovers/blocks.py" in description

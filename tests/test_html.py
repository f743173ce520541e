"""HTML pages in (issue 18, point 4): the article text is taken out with
trafilatura, then cleaned as any text. The pages are written here: an article
with navigation, header, footer and a comment section around it, and a page
with no article at all."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from normalize import clean_and_explain, restore
from normalize.cli import main
from normalize.jobs import html

pytest.importorskip("trafilatura", reason="needs normalize-text[html] (make test installs it)")

# The article's text carries damage the pipeline repairs: mojibake and a doubled space.
ARTICLE = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Harbour news</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport pages</a></li>
<li><a href="/weather">Weather desk</a></li></ul></nav>
<header><div class="menu">Subscribe now | Sign in to your account</div></header>
<main><article>
<h1>The harbour reopens after the storm</h1>
<p>The old harbour of Kelmarsh reopened on Tuesday after three weeks of repairs. Fishermen said
the new sea wall had already held back two high tides without any damage to the boats.</p>
<p>The council spent most of its winter budget on the work. The harbourâ€™s master said the road
to the pier would open next month,  once the paving is done and the lamps are back.</p>
<p>Local traders welcomed the news. &ldquo;We lost half our customers while it was closed,&rdquo; said
the owner of a caf&eacute; on the quay, who has run it for twenty years.</p>
</article></main>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Great news, finally! Posted by harbourfan99</p></div>
<div class="comment"><p>About time the council did something useful. Posted by grumpy_gull</p></div>
</section>
<footer><p>Copyright 2024 Kelmarsh Gazette. All rights reserved. Privacy policy | Cookie settings</p></footer>
</body></html>
"""
# A gallery page: pictures and a script, no text to call an article.
NO_ARTICLE = """\
<html><head><title>Gallery</title><script>var slides = 12;</script></head>
<body><div class="gallery"><img src="a.jpg"><img src="b.jpg"></div></body></html>
"""
FURNITURE = ("Sport pages", "Weather desk", "Subscribe now", "harbourfan99", "grumpy_gull", "Comments",
             "Copyright 2024", "Cookie settings")


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def assert_article_repaired(text):
    assert "The harbour reopens after the storm" in text
    assert "Local traders welcomed the news." in text
    assert "The harbour’s master" in text  # mojibake repaired
    assert "next month, once" in text  # doubled space repaired
    assert "â€" not in text and "<" not in text and "&eacute;" not in text
    assert "café" in text
    for piece in FURNITURE:
        assert piece not in text, piece


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_extract_keeps_the_article_and_drops_the_furniture():
    text = html.extract(ARTICLE)
    assert "The old harbour of Kelmarsh reopened on Tuesday" in text and text.endswith("\n")
    for piece in FURNITURE:
        assert piece not in text, piece


def test_a_page_without_an_article_raises_no_article_naming_it():
    with pytest.raises(html.NoArticleError, match="gallery.html: no article found"):
        html.extract(NO_ARTICLE, name="gallery.html")


def test_restore_rebuilds_the_extracted_text_not_the_html():
    extracted = html.extract(ARTICLE)
    cleaned = clean_and_explain(extracted)
    assert cleaned.edits and cleaned.text != extracted
    assert restore(cleaned) == extracted


def test_page_names_and_output_names():
    assert html.is_html_name("a/page.html") and html.is_html_name("PAGE.HTM.gz") and html.is_html_name("x.xhtml")
    assert not html.is_html_name("notes.txt") and not html.is_html_name("html")
    assert html.text_name("a/page.html") == "a/page.txt"
    assert html.text_name("page.htm.gz") == "page.txt.gz"
    assert html.text_name("notes.txt") == "notes.txt"
    assert html.reads_html("-", "html") and not html.reads_html("-", None)
    assert not html.reads_html("page.html", "text")


def test_one_page_to_stdout_is_its_article_cleaned(here):
    (here / "page.html").write_text(ARTICLE)
    result = run("page.html")
    assert result.exit_code == 0, result.stderr
    assert_article_repaired(result.stdout)


def test_from_html_reads_a_page_on_stdin():
    result = run("--from", "html", input=ARTICLE)
    assert result.exit_code == 0, result.stderr
    assert_article_repaired(result.stdout)
    assert run(input=ARTICLE).stdout.count("<") > 10  # without it, standard input is text


def test_a_folder_of_pages_goes_to_txt_files_and_counts_pages_without_an_article(here):
    (here / "pages" / "news").mkdir(parents=True)
    (here / "pages" / "news" / "harbour.html").write_text(ARTICLE)
    (here / "pages" / "gallery.htm").write_text(NO_ARTICLE)
    (here / "pages" / "notes.txt").write_text("not a page\n")
    result = run("pages", "-o", "out", "--from", "html", "--report", "report.json")
    assert result.exit_code == 0, result.stderr
    assert "pages/gallery.htm: no article found in this page" in result.stderr
    assert sorted(p.name for p in (here / "out").rglob("*") if p.is_file() and not p.name.startswith(".")) == [
        "harbour.txt"
    ]
    assert_article_repaired((here / "out" / "news" / "harbour.txt").read_text())
    report = json.loads((here / "report.json").read_text())
    assert report["files"]["cleaned"] == 1 and report["files"]["no_article"] == 1
    assert report["skipped"][0]["input"] == "pages/gallery.htm"


def test_a_folder_with_glob_html_reads_pages_by_their_name(here):
    (here / "pages").mkdir()
    (here / "pages" / "harbour.html").write_text(ARTICLE)
    result = run("pages", "-o", "out", "--glob", "*.html")
    assert result.exit_code == 0, result.stderr
    assert_article_repaired((here / "out" / "harbour.txt").read_text())


def test_from_text_cleans_a_page_as_text_with_its_markup_and_says_so(here):
    (here / "page.html").write_text(ARTICLE)
    result = run("page.html", "--from", "text")
    assert result.exit_code == 0 and "<nav>" in result.stdout and '<div class="comment">' in result.stdout
    assert "page.html: looks like an HTML page" in result.stderr and "--from html" in result.stderr
    (here / "page.txt").write_text(ARTICLE)
    assert "looks like an HTML page" in run("page.txt", "-o", "out.txt").stderr
    assert "looks like an HTML page" not in run("page.html", "-o", "out.txt").stderr


def test_pages_are_refused_where_their_text_cannot_go(here):
    (here / "page.html").write_text(ARTICLE)
    for args in (["--in-place"], ["--jsonl", "--from", "html"]):
        result = run("page.html", *args)
        assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert (here / "page.html").read_text() == ARTICLE


def test_without_trafilatura_a_page_is_refused_with_what_to_install(here, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as if not installed
    html._trafilatura.cache_clear()
    try:
        (here / "page.html").write_text(ARTICLE)
        result = run("page.html", "-o", "out.txt")
        assert result.exit_code == 2 and "pip install 'normalize-text[html]'" in result.stderr
        assert "Traceback" not in result.stderr and not (here / "out.txt").exists()
        assert run(input="plain text\n").exit_code == 0  # text needs no extra
        with pytest.raises(html.MissingExtraError, match=r"normalize-text\[html\]"):
            html.extract(ARTICLE)
    finally:
        html._trafilatura.cache_clear()


def test_the_command_cleans_pages_in_a_real_process(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "harbour.html").write_text(ARTICLE)
    (tmp_path / "pages" / "gallery.html").write_text(NO_ARTICLE)
    done = subprocess.run([sys.executable, "-m", "normalize", "pages", "-o", "out"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    # The folder's default glob is *.txt: pages are chosen by --glob or --from html.
    assert done.returncode == 1 and "--glob" in done.stderr
    done = subprocess.run([sys.executable, "-m", "normalize", "pages", "-o", "out", "--from", "html"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "gallery.html: no article found" in done.stderr and "Traceback" not in done.stderr
    assert_article_repaired((tmp_path / "out" / "harbour.txt").read_text())
    assert not (tmp_path / "out" / "gallery.txt").exists()

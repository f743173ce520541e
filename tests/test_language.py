"""The language guard: non-English text is never split or joined, accented words never cut."""
import pytest

from normalize import clean
from normalize.splitting.language import reads_as_english

SENTENCES = {
    "fr": "Il a dit que la forme était bonne, mais la majorité des électeurs reste prudente.",
    "de": "Die Regierung hat am Montag erklärt, dass sie die neuen Regeln nicht unterstützen wird.",
    "es": "Celebraba sus cumpleaños, leía todo sobre la banda y memoricé todas sus canciones.",
    "pt": "O governo anunciou ontem que não vai aumentar os impostos sobre os combustíveis.",
    "vi": "Việt Nam và Lào đã ký kết thỏa thuận hợp tác quốc phòng trong năm nay.",
    "it": "Il presidente ha detto che la situazione è ancora molto difficile per tutti.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_other_languages_pass_untouched(lang):
    assert clean(SENTENCES[lang]) == SENTENCES[lang]


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_other_languages_do_not_read_as_english(lang):
    assert not reads_as_english(SENTENCES[lang])


@pytest.mark.parametrize("line", [
    "The officials exchangedviews inHanoi.",
    "Attheendofthecompetition,theteamwon.",
    "Then, we have that w(z) is analytic in the disc.",
    "SPORTS",
])
def test_damaged_english_reads_as_english(line):
    assert reads_as_english(line)


@pytest.mark.parametrize("text", [
    "The café served a crème brûlée and the maître d' smiled.",
    "Sponsorisé par la marque, the post went viral.",
])
def test_accented_loanwords_and_names_are_not_cut(text):
    assert clean(text) == text

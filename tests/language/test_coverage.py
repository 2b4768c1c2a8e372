"""Gloss coverage on real text: thresholds judged by hand from the issue, not by the code."""

from quizapp.language import analyse_text

# Written for these tests (everyday topic, not tuned to the pipeline).
MARKET_TEXT = """Elke zaterdag ga ik met mijn buurvrouw naar de markt in het centrum van de stad.
We nemen altijd een grote tas mee, want er is veel te koop. Bij de eerste kraam kopen we
verse groenten: wortels, tomaten en een bloemkool. De verkoper is vriendelijk en geeft
ons vaak een appel extra. Daarna lopen we langs de kaasboer. Hij laat ons een stukje oude
kaas proeven voordat we iets kiezen. Mijn buurvrouw houdt van jonge kaas, maar ik vind de
oude kaas lekkerder. Soms drinken we koffie op een terras aan het plein. Als het regent,
gaan we naar een klein café met warme chocolademelk en appeltaart. De prijzen zijn de
laatste jaren flink gestegen, dus we letten goed op wat we uitgeven. Toch blijft de markt
voor ons een gezellig uitje. We praten met andere mensen, horen het laatste nieuws uit de
buurt en fietsen daarna met volle tassen terug naar huis. Volgende week willen we bloemen
kopen voor de verjaardag van haar dochter."""


def _coverage(analysis) -> tuple[float, float]:
    words = [t for t in analysis.tokens if t.is_word and not t.proper_name]
    glossed = [t for t in words if t.gloss]
    sure = [t for t in glossed if t.gloss_source != "compound"]
    return len(glossed) / len(words), len(sure) / len(words)


def test_seed_article_is_glossed(seed_analysis):
    with_guesses, without_guesses = _coverage(seed_analysis)
    assert with_guesses >= 0.95
    assert without_guesses >= 0.92


def test_everyday_text_is_glossed():
    with_guesses, without_guesses = _coverage(analyse_text(MARKET_TEXT))
    assert with_guesses >= 0.95
    assert without_guesses >= 0.92


def test_unglossed_words_are_listed_for_the_teacher(seed_analysis):
    unglossed = seed_analysis.stats["unglossed"]
    assert unglossed == sorted(unglossed)
    assert all(not t.gloss for t in seed_analysis.tokens if t.text in unglossed)


def test_proper_names_are_not_glossed(seed_analysis):
    names = {"Biden", "Poetin", "Oekraïne", "Washington", "Nord", "Stream"}
    found = {t.text: t for t in seed_analysis.tokens if t.text in names}
    assert set(found) == names
    assert all(t.proper_name and not t.gloss for t in found.values())
    assert "Biden" not in seed_analysis.stats["unglossed"]

"""de/het of singular nouns, compounds included; expectations written by hand."""

from quizapp.language import analyse_text

DE = (  # fmt: skip
    "president",
    "ambtgenoot",
    "zorg",
    "oplossing",
    "actie",
    "invasie",
    "keer",
    "video",
    "start",
    "grens",
    "optie",
    "maand",
    "houding",
    "crisisdreiging",
    "persverklaring",
    "gaspijpleiding",
    "trainingsmissie",
    "doorbraak",
    "tafel",
    "stoel",
    "kat",
    "hond",
    "fiets",
    "auto",
    "markt",
    "stad",
    "tas",
    "kaas",
    "koffie",
    "appel",
    "groente",
    "buurvrouw",
    "verjaardag",
    "dochter",
    "verkoper",
    "appeltaart",
    "chocolademelk",
    "kaasboer",
    "bloemkool",
)
HET = (  # fmt: skip
    "videogesprek",
    "gesprek",
    "dossier",
    "topoverleg",
    "onderhoud",
    "buurland",
    "bondgenootschap",
    "front",
    "gas",
    "huis",
    "boek",
    "kind",
    "meisje",
    "centrum",
    "plein",
    "terras",
    "café",
    "nieuws",
    "uitje",
    "jaar",
    "water",
    "brood",
    "raam",
    "fietspad",
)


def test_de_het_accuracy():
    nouns = [(word, "de") for word in DE] + [(word, "het") for word in HET]
    assert len(nouns) >= 50
    analysis = analyse_text(". ".join(f"Er is {word}" for word, _ in nouns) + ".")
    found = {t.text: t.gender for t in analysis.tokens if t.is_word}
    wrong = [(word, want, found[word]) for word, want in nouns if found[word] != want]
    assert len(wrong) <= 0.02 * len(nouns), wrong


def test_compound_takes_the_gender_and_gloss_of_its_head():
    tokens = analyse_text("Het videogesprek duurde lang.").tokens
    token = next(t for t in tokens if t.text == "videogesprek")
    assert (token.gender, token.number, token.gloss_source) == ("het", "ev", "compound")
    assert "conversation" in token.gloss

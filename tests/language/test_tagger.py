"""The context tagger: the sentence, not the word form, decides the part of speech."""

import importlib.util
from pathlib import Path

import pytest

from quizapp.language import analyse_text
from quizapp.language.tagger import MODEL_PATH, tag_of_xpos

ROOT = Path(__file__).resolve().parents[2]


def _token(sentence: str, form: str, occurrence: int = 1):
    found = [t for t in analyse_text(sentence).tokens if t.text == form]
    return found[occurrence - 1]


@pytest.mark.parametrize(
    ("sentence", "form", "occurrence", "tag", "lemma"),
    [
        ("Hij zegt dat dat huis te duur is.", "dat", 1, "VG-onder", "dat"),
        ("Hij zegt dat dat huis te duur is.", "dat", 2, "VNW", "dat"),
        ("Zijn moeder wil thuis zijn.", "Zijn", 1, "VNW", "zijn"),
        ("Zijn moeder wil thuis zijn.", "zijn", 1, "WW-inf", "zijn"),
        ("Het huis staat in een rijke staat.", "staat", 1, "WW-pv-tgw", "staan"),
        ("Het huis staat in een rijke staat.", "staat", 2, "N-ev", "staat"),
        ("Ik hang de was buiten.", "was", 1, "N-ev", "was"),
        ("Hij was gisteren thuis.", "was", 1, "WW-pv-verl", "zijn"),
        ("Er wonen acht mensen.", "acht", 1, "TW", "acht"),
        # the verb, not the number; with hoog it is hoogachten (esteem), a verb too rare for
        # Frog's corpus that the dictionary has
        ("Ik acht hem hoog.", "acht", 1, "WW-pv-tgw", "hoogachten"),
        ("Washington vreest dat Moskou een invasie plant.", "plant", 1, "WW-pv-tgw", "plannen"),
        ("Als het regent, keren we om.", "keren", 1, "WW-pv-tgw", "omkeren"),
        ("Die keren waren leuk.", "keren", 1, "N-mv", "keer"),
    ],
)
def test_the_sentence_decides_the_tag_and_lemma(sentence, form, occurrence, tag, lemma):
    token = _token(sentence, form, occurrence)
    assert (token.tag, token.lemma) == (tag, lemma)


@pytest.mark.parametrize(
    ("sentence", "form", "lemma"),
    [
        ("Hij probeert de tijd door te brengen.", "brengen", "doorbrengen"),
        ("Ik heb haar gisteren opgebeld.", "opgebeld", "opbellen"),
        ("Zij belde haar moeder op.", "belde", "opbellen"),
        # an adjective particle, the verb only in the dictionary (droogleggen: drain)
        ("Ze probeerden het moeras droog te leggen.", "leggen", "droogleggen"),
        ("Het water liep ver.", "liep", "lopen"),  # ver- is no particle: not verlopen
        ("Hij pakte de dief beet.", "pakte", "beetpakken"),  # beet is one, though be- is not
        ("Hij loopt elke dag naar school.", "loopt", "lopen"),  # a noun after a preposition
        # a stem ending in t is the whole form: not the noun het besluit
        ("De raad besluit morgen.", "besluit", "besluiten"),
        ("De leden van de club stemmen.", "leden", "lid"),  # not lijden or leed
        # a sentence has a finite verb: the noun after the subject that agrees with it
        ("De leden van de club stemmen.", "stemmen", "stemmen"),
        ("De werkzaamheden kosten in totaal een miljoen euro.", "kosten", "kosten"),
        ("Ik woon in Utrecht.", "in", "in"),  # not innen
        ("Het regent.", "Het", "het"),  # not heten
        ("Mijn ouders wonen hier.", "ouders", "ouder"),  # a plural, not a rare singular
        ("Dat is het grootste huis.", "grootste", "groot"),
        ("Een betere start.", "betere", "goed"),  # not beet (bite)
        ("De vierde dag.", "vierde", "vier"),
        ("Volgens de Italianen.", "Italianen", "Italiaan"),
    ],
)
def test_lemmas_follow_the_tag(sentence, form, lemma):
    assert _token(sentence, form).lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "form", "tag", "lemma"),
    [
        # an order opens with its verb's stem, which the capital made a name or an adverb
        ("Roer regelmatig door.", "Roer", "WW-pv-tgw", "doorroeren"),
        ("Halveer de uien.", "Halveer", "WW-pv-tgw", "halveren"),  # a stem Frog lacks
        ("Schil de aardappelen.", "Schil", "WW-pv-tgw", "schillen"),
        ("Plaats de accu nooit in de zon.", "Plaats", "WW-pv-tgw", "plaatsen"),
        ("Pas op voor nepmails.", "Pas", "WW-pv-tgw", "oppassen"),
        # no order: a noun phrase (a heading, with or without its full stop), a greeting
        ("Vlam in de pan.", "Vlam", "N-ev", "vlam"),
        ("Brand in woning", "Brand", "N-ev", "brand"),
        ("Heel goed.", "Heel", "ADJ", "heel"),
        ("Ook de accu.", "Ook", "BW", "ook"),
    ],
)
def test_an_order_opens_with_its_verb(sentence, form, tag, lemma):
    token = _token(sentence, form)
    assert (token.tag, token.lemma) == (tag, lemma)


def test_an_unknown_capitalised_word_is_a_name():
    tokens = analyse_text("Biden sprak met Poetin over Nord Stream.").tokens
    assert {t.text for t in tokens if t.proper_name} == {"Biden", "Poetin", "Nord", "Stream"}


def test_an_unknown_compound_takes_its_heads_part_of_speech():
    token = _token("Zij spraken over de gaspijpleiding.", "gaspijpleiding")
    assert (token.tag, token.gender) == ("N-ev", "de")


def test_training_tags_come_from_the_cgn_tags():
    assert tag_of_xpos("N|soort|ev|basis|onz|stan") == "N-ev"
    assert tag_of_xpos("N|eigen|ev|basis|zijd|stan") == "N-eigen"
    assert tag_of_xpos("WW|pv|verl|ev") == "WW-pv-verl"
    assert tag_of_xpos("ADJ|vrij|comp|zonder") == "ADJ-comp"
    assert tag_of_xpos("VZ|fin") == "VZ-fin"
    assert tag_of_xpos("LET") == "LET"


def test_the_training_script_reproduces_the_committed_model():
    # Not skipped without the treebanks: a model nobody can rebuild is a failure.
    spec = importlib.util.spec_from_file_location("train_tagger", ROOT / "tools/train_tagger.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.UD_DIR.exists(), f"the UD dev sets belong in {script.UD_DIR}"
    assert script.build() == MODEL_PATH.read_bytes()

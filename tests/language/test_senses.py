"""Senses with a part of speech and a weight (issue 14): the examples the issue names."""

import re

import pytest

from quizapp.language import analyse_text
from quizapp.language.function_words import FUNCTION_WORD_GLOSSES
from quizapp.language.lexicon import load_lexicon
from quizapp.language.reading import describe

TAGS = {"N", "WW", "ADJ", "BW", "VZ", "VG", "VNW", "TW", "TSW", "LID", ""}


def _first(word: str, pos: str) -> str:
    return load_lexicon().senses_for(word, pos)[0].text


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


@pytest.mark.parametrize(
    ("word", "pos", "english"),
    [
        ("regering", "N", "government"),  # not "control, reign, rule"
        ("stijl", "N", "style"),  # not "pole, post, stanchion"
        ("heel", "BW", "very"),
        ("heel", "ADJ", "whole"),
        ("zijn", "WW", "be"),  # the lemma of "is": never "existence"
        ("Spaans", "ADJ", "spanish"),  # the lemma of "Spaanse", not "Spanishwoman"
        # Wiktionary's first translation, through Polish: not "gulf", "king", "ability"
        ("golf", "N", "wave"),
        ("dam", "N", "dam"),
        ("macht", "N", "power"),
        # WikDict files zwart as an adverb; its adjective senses are still the adjective's
        ("zwart", "ADJ", "black"),
        # Spanish's first translation of besluiten (decidir) is not in spa-eng; the first it
        # has (terminar, "end") is a later sense's and does not outweigh Polish's "decide"
        ("besluiten", "WW", "decide"),
        ("afnemen", "WW", "decrease"),  # not "abstract, takeaway"
        ("bocht", "N", "bend"),  # not "gulf"
        # Wiktionary files dolor (ache, pain) under zeer <adv>: English has no such adverb
        ("zeer", "BW", "very"),
        # WikDict files algemeen as a noun; Frog's corpus and English say adjective
        ("algemeen", "ADJ", "general"),  # not "common, joint"
        # Several dictionaries into Dutch, read backwards, know the word by this sense:
        ("soms", "BW", "sometimes"),  # not "maybe, perhaps"
        ("grond", "N", "ground"),  # not "base, basis"
        ("voorkomen", "WW", "occur"),  # not "be found, be located"
        ("genieten", "WW", "enjoy"),  # not "have, get, receive"
        ("schade", "N", "damage"),  # not "loss"
        # Wiktionary files nummer as an abbreviation (for "nr."): its translations count
        ("nummer", "N", "number"),  # not "figure, digit"
    ],
)
def test_first_sense_for_the_part_of_speech(word, pos, english):
    assert english in _words(_first(word, pos))


@pytest.mark.parametrize(
    ("word", "pos", "english", "rare"),
    [
        # Wiktionary's first translation is often the oldest sense; an English word much
        # rarer than a common Dutch one names a rare use of it.
        ("kant", "N", "side", "lace"),
        ("ploeg", "N", "squad", "plough"),
        ("doen", "WW", "do", "act"),
        ("jas", "N", "coat", "cloak"),
        ("kind", "N", "child", "bairn"),
        ("gevaar", "N", "danger", "peril"),
    ],
)
def test_a_common_word_leads_with_a_common_meaning(word, pos, english, rare):
    first = _words(_first(word, pos))
    assert english in first and rare not in first


@pytest.mark.parametrize(
    ("word", "pos", "english"),
    [
        # Senses nld-eng lacks that Wiktionary's Spanish and Polish routes agree on.
        ("kunnen", "WW", "can"),  # nld-eng: only "be able to"
        ("onverwacht", "ADJ", "unexpected"),  # nld-eng: "abrupt"
        ("werkelijkheid", "N", "reality"),  # nld-eng: "actuality"
    ],
)
def test_an_entry_gains_the_senses_the_other_dictionaries_agree_on(word, pos, english):
    assert english in _words(_first(word, pos))


def test_a_gained_sense_leads_only_where_the_evidence_is_for_it():
    """bezwaar gains "objection" at half weight: one click away, after nld-eng's own."""
    senses = [s.text for s in load_lexicon().senses_for("bezwaar", "N")]
    assert "objection" in senses and senses[0] != "objection"


def test_is_never_existence():
    senses = load_lexicon().senses_for("zijn", "WW")
    assert senses[0].pos == "WW"
    assert load_lexicon().entry("zijn").senses[0].text == "be"  # also without context
    assert next(s for s in senses if s.text == "existence").pos == "N"


def test_afgelopen_as_adjective_is_past_or_last():
    # FreeDict lists "ready" before "last"; of the dictionaries into Dutch, read
    # backwards, three know afgelopen by "last" and one by "ready".
    assert _words(_first("afgelopen", "ADJ")) & {"past", "last"}


def test_an_adjective_wikdict_files_as_a_noun_keeps_its_adjective_sense():
    # Turks "Turkish" is filed <n>; the inflected Turkse showed "Turkish woman".
    assert describe("Turkse", "ADJ").gloss[0] == "Turkish"


def test_gegevens_is_data():
    # nld-eng lacks gegeven as a noun; Wiktionary's Polish translation (dana) gives "data".
    assert "data" in _words(describe("gegevens", "N-mv").gloss[0])


@pytest.mark.parametrize(
    ("plural", "english", "not_first"),
    [
        ("schepen", "ship", "alderman"),  # de schepen is a word of its own
        ("oogsten", "harvest", "gather"),  # oogsten's entry is the verb's
        ("koren", "chorus", "grain"),  # het koren: grain
        # leden's entry says some of lid's senses as plurals ("party, following, supporters")
        ("leden", "member", "party"),
    ],
)
def test_a_plural_leads_with_its_singular_where_its_own_entry_is_another_word(
    plural, english, not_first
):
    gloss = describe(plural, "N-mv").gloss
    assert english in _words(gloss[0]) and not_first not in _words(gloss[0])


def test_a_plural_whose_entry_is_its_own_keeps_it_first():
    # kosten: "costs", not kost's "food"; the corpus reads kosten as a singular once in 740.
    assert "expense" in _words(describe("kosten", "N-mv").gloss[0])
    # ouders leads with ouder's English plural: it keeps its own
    assert describe("ouders", "N-mv").gloss[0] == "parents"


@pytest.mark.parametrize(
    ("word", "tag", "english"),
    [("container", "N-ev", "container"), ("diplomatieke", "ADJ", "diplomatic")],
)
def test_words_nld_eng_lacks_come_through_another_language(word, tag, english):
    reading = describe(word, tag)
    assert english in _words(reading.gloss[0]) and reading.gloss_source != "cognate"


def test_a_species_no_dictionary_translates_is_named_through_its_latin_name():
    # Wiktionary's definition of grutto ends "Limosa limosa"; WordNet's genus Limosa has
    # one member, the godwit. Ooievaar keeps nld-eng's own "stork".
    assert describe("grutto", "N-ev").gloss[0] == "godwit"
    assert describe("ooievaar", "N-ev").gloss[0] == "stork"


def test_afgelopen_finished_is_the_participle():
    senses = load_lexicon().entry("afgelopen").senses
    assert next(s for s in senses if "finished" in s.text).pos == "WW"
    assert next(s for s in senses if s.text == "last").pos == "ADJ"


def test_senses_for_puts_matching_then_unknown_then_the_rest():
    lexicon = load_lexicon()
    for word in ("heel", "zijn", "lopen", "bank", "over"):
        for pos in ("N", "WW", "ADJ", "BW"):
            ranks = [
                0 if s.pos == pos else 1 if not s.pos else 2 for s in lexicon.senses_for(word, pos)
            ]
            assert ranks == sorted(ranks)
            assert sorted(lexicon.senses_for(word, pos), key=id) == sorted(
                lexicon.entry(word).senses, key=id
            )
    assert lexicon.senses_for("woordzonderbetekenis", "N") == ()


def _all_entries():
    text = load_lexicon()._dictionary._lines  # every dictionary line, in file order
    return [line.split("\t", 1)[0] for line in text if line]


def test_every_sense_has_a_tag_and_weights_order_the_entry():
    lexicon = load_lexicon()
    for head in _all_entries():
        senses = lexicon.entry(head).senses
        assert all(s.pos in TAGS and s.text for s in senses), head
        weights = [s.weight for s in senses]
        assert weights == sorted(weights, reverse=True), head
        assert abs(sum(weights) - 1) < 0.01 * len(weights), head


def test_no_sense_has_lost_its_spaces(build_script):
    # Every word of every sense is a known English word, unless it has no split into known
    # words at all ("cafetaria", a spelling the vocabulary lacks, stays whole).
    script = build_script
    vocabulary = script.english_vocabulary()
    lexicon = load_lexicon()
    glued = {
        (head, word)
        for head in _all_entries()
        for sense in lexicon.entry(head).senses
        for word in script.unknown_tokens(vocabulary, sense.text)
    }
    assert not glued
    # The hand-written glosses of function words are shown as well.
    assert not [
        gloss
        for glosses in FUNCTION_WORD_GLOSSES.values()
        for gloss in glosses
        if script.unknown_tokens(vocabulary, gloss)
    ]
    texts = [s.text for head in _all_entries() for s in lexicon.entry(head).senses]
    words = {word for text in texts for word in _words(text)}
    assert not words & {"goonfoot", "atleast", "verymuch", "goforawalk", "spanishwoman"}
    assert not [text for text in texts if "tar i a" in text]


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("coördinator", "coordinator"),  # English writes no trema
        ("intuïtie", "intuition"),
        ("correspondentie", "correspondence"),  # -entie: -ence
        ("intolerantie", "intolerance"),  # -antie: -ance
        ("sprint", "sprint"),  # a verb reading Frog's corpus saw once is noise, not Dutch
    ],
)
def test_a_word_no_dictionary_has_is_read_by_its_spelling(word, english):
    assert load_lexicon().entry(word) is None  # else the dictionary's senses come first
    sense = load_lexicon().cognate(word)
    assert sense is not None and sense.text == english


@pytest.mark.parametrize(
    "sentence",
    ["Het regent, dus we blijven thuis.", "Dat is dus niet waar.", "Hij is dus ziek."],
)
def test_dus_is_so_wherever_it_stands(sentence):
    # FreeDict files "so, thus" as a conjunction's; Dutch grammar calls dus an adverb only,
    # and "so, thus" goes on past the equative "so"
    token = next(t for t in analyse_text(sentence).tokens if t.text == "dus")
    assert token.gloss[0].startswith("so, thus")

"""More Wiktionary pivots for the sense order (tools/build_lexicon.py): Portuguese, Swedish,
Italian and Finnish besides Spanish and Polish, the agreement of several languages' first
translations, German equivalents confirmed by another language, and the gloss repairs of
misspelled endings and of "a" + a WordNet phrase."""

from types import SimpleNamespace

import pytest

from quizapp.language.lexicon import load_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _first(lexicon, word: str, tag: str) -> str:
    return lexicon.senses_for(word, tag)[0].text


# --- the committed lexicon ------------------------------------------------------------------


def test_omgeving_leads_with_environment_not_sphere(lexicon):
    # nld-deu lists Milieu, Sphäre, Umgebung in no useful order; Umgebung says what
    # Portuguese's first translation (vizinhança: neighbourhood) says, so Sphäre's "sphere"
    # counts less and "ball, sphere" no longer leads.
    assert _first(lexicon, "omgeving", "N") == "environment"


@pytest.mark.parametrize(
    ("word", "tag", "first"),
    [
        ("allang", "BW", "for a long time"),  # FreeDict's "foralongtime"
        ("vanouds", "BW", "for a long time"),
        ("zelfstandig", "ADJ", "independent"),  # "independant", once split "in dependant"
        ("onafhankelijk", "ADJ", "independent"),
    ],
)
def test_repaired_glosses_in_the_lexicon(lexicon, word, tag, first):
    assert _first(lexicon, word, tag) == first


@pytest.mark.parametrize(
    ("word", "tag", "first"),
    [
        # An Ergane-built X-eng file lists a word's senses in no useful order (por cavalo:
        # "knight" before "horse", ita compleanno: "anniversary" before "birthday"); its first
        # line must not lead.
        ("paard", "N", "horse"),
        ("verjaardag", "N", "birthday"),
        # A first translation much rarer than the Dutch word (kant: lace, ploeg: plough),
        # however many languages give it, does not pick the German equivalent that counts.
        ("kant", "N", "side"),
        # Preposition glosses agree with anything ("to"): not through the new languages.
        ("voor", "VZ", "before, in front of"),
    ],
)
def test_the_new_languages_do_not_reorder_what_they_cannot_know(lexicon, word, tag, first):
    assert _first(lexicon, word, tag) == first


def test_no_entry_from_one_small_dictionary_alone(lexicon):
    # nld-ita gives zichzelf "si", which ita-eng reads as the Italian yes: "no doubt".
    entry = lexicon.entry("zichzelf")
    assert entry is None or all("doubt" not in s.text for s in entry.senses)


# --- the rules ------------------------------------------------------------------------------


def test_gloss_repair_of_misspelled_endings_and_phrases(build_script):
    repair = build_script.repair_gloss
    assert repair("independant") == "independent"
    assert repair("existance") == "existence"
    assert repair("foralongtime") == "for a long time"
    # Real words stay; only a phrase after "a"/"an" gains: not "in the mean time".
    assert repair("dependant") == "dependant"
    assert repair("inthemeantime") == "in the meantime"
    assert repair("godownhill") == "go downhill"
    assert repair("afterword") == "after word"
    assert repair("alot, atleast") == "a lot, at least"


def test_agreement_of_several_languages_outweighs_one(build_script):
    agreement = build_script._agreement
    assert agreement([]) == 0.0
    assert agreement([1.0]) == 1.0
    assert agreement([1.0, 0.0, 0.0, 0.0]) < agreement([1.0, 1.0]) < agreement([1.0] * 4)
    # each further language adds less than the one before
    assert agreement([1.0] * 3) - agreement([1.0] * 2) < agreement([1.0] * 2) - agreement([1.0])


def _word(build_script, first_by_language):
    return build_script._WordEvidence(
        tags={"N": 1.0},
        participle=False,
        first={},
        first_by_language=first_by_language,
        other={},
        german={},
        german_strength={},
        reverse={},
        cognates=set(),
    )


def test_a_small_dictionary_counts_only_where_another_language_agrees(build_script):
    weight = build_script.sense_weight
    nobody = _word(build_script, [({"horse": 1.0}, True)])
    alone = _word(build_script, [({"horse": 1.0}, True), ({"knight": 1.0}, False)])
    agreed = _word(build_script, [({"knight": 1.0}, True), ({"knight": 1.0}, False)])
    assert weight(alone, 1, ["knight"], "N") == weight(nobody, 1, ["knight"], "N")
    assert weight(agreed, 1, ["knight"], "N") > weight(nobody, 1, ["knight"], "N")


def test_backwards_listings_of_several_languages_weigh_a_content_sense(build_script):
    weight = build_script.sense_weight
    word = _word(build_script, [])
    four = _word(build_script, [])
    four.backwards = {"sometimes": 4, "maybe": 1, "to": 6}
    assert weight(four, 1, ["sometimes"], "BW") > weight(four, 0, ["maybe"], "BW")
    assert weight(four, 1, ["maybe"], "BW") > weight(word, 1, ["maybe"], "BW")
    # every language's preposition names "to": closed-class words say nothing
    assert weight(four, 1, ["to"], "VZ") == weight(word, 1, ["to"], "VZ")
    assert weight(four, 1, ["to"], "BW") == weight(word, 1, ["to"], "BW")


def test_pivot_entries_from_small_dictionaries_need_agreement(build_script):
    def evidence(*routes, alone=frozenset({0})):
        return SimpleNamespace(
            wiktionary=list(routes),
            german={},
            speaking_alone=alone,
            ding_translations=lambda word: {},
        )

    ita = ({"zichzelf": [("VNW", ["si"])]}, {"si": [["no doubt", "undoubtedly"]]})
    spa = ({}, {})
    assert build_script.pivot_senses(evidence(spa, ita), "zichzelf") == []
    # two small dictionaries agreeing is not enough: their pivot words share senses of their
    # own (Swedish ljus and Finnish kynttilä: "candle", for licht)
    por = ({"rommel": [("N", ["lixo"])]}, {"lixo": [["junk", "rubbish"]]})
    fin = ({"rommel": [("N", ["roska"])]}, {"roska": [["rubbish", "trash"]]})
    assert build_script.pivot_senses(evidence(spa, por, fin), "rommel") == []
    spa = ({"rommel": [("N", ["basura"])]}, {"basura": [["garbage", "rubbish"]]})
    assert build_script.pivot_senses(evidence(spa, por, fin), "rommel") == [
        "rubbish, garbage",
        "rubbish, junk",
        "rubbish, trash",
    ]


def test_licht_gains_no_noun_sense_from_two_small_dictionaries(lexicon):
    # "candle" as a noun sense made "licht gewond" a noun, and a de/het question.
    assert all("candle" not in s.text for s in lexicon.entry("licht").senses)


def test_bracketed_definitions_of_nld_ita_are_dropped(build_script):
    drop = build_script._LEADING_DEFINITION.sub
    assert drop("", " [1. de nabijheid] intorno") == "intorno"
    assert drop("", " [1.] costruzione") == "costruzione"
    assert drop("", "gobierno") == "gobierno"


def test_pre_1996_german_spellings_reach_ding_for_the_weights_only(build_script):
    class Ding:
        def articles(self, key):
            found = "Entschluss /ɛntʃlˈʊs/ <masc, n, sg>\ndecision <n>\n"
            return [found] if key.lower() == "entschluss" else []

    evidence = build_script.Evidence(
        wordnet=None, frog_tags={}, participles=set(), reverse={}, wiktionary=[],
        german={}, ding=Ding(),
    )  # fmt: skip
    assert evidence.ding_translations("Entschluß") == {}
    assert evidence.ding_translations("Entschluß", respell=True) == {"decision": "N"}


def test_besluit_leads_with_decision(lexicon):
    # nld-deu's Beschluß and Entschluß reach Ding as Beschluss and Entschluss.
    assert _first(lexicon, "besluit", "N") == "decision"


def test_wiktionarys_fixed_phrases_become_entries(lexicon):
    # filed as phraseologicalUnit, under no part of speech, and once dropped for that
    assert "die is cast" in lexicon.entry("de teerling is geworpen").senses[0].text


def test_a_phrase_dictionaries_into_dutch_agree_on_is_a_unit():
    # openbaar vervoer: no dictionary into English has it; the Finnish and Greek words
    # listing it agree on "public transport", and the analysis reads it as one unit
    from quizapp.language import analyse_text

    tokens = analyse_text("Zij reist met het openbaar vervoer naar haar werk.").tokens
    openbaar, vervoer = (t for t in tokens if t.text in {"openbaar", "vervoer"})
    assert openbaar.phrase == vervoer.phrase == "openbaar vervoer"
    assert "public transport" in openbaar.gloss[0]

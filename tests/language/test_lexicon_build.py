from pathlib import Path
from types import SimpleNamespace

import pytest

from quizapp.language.lexicon import LEXICON_PATH, load_lexicon

FROG = Path("/usr/share/frog/nld/Frog.mbt.1.0.lex")


def test_build_script_reproduces_the_committed_lexicon(build_script):
    # Not skipped when the sources are missing: a lexicon nobody can rebuild is a failure.
    assert FROG.exists(), "apt-get install the packages .ci/run installs"
    script = build_script
    assert script.build() == LEXICON_PATH.read_bytes()


def test_gloss_repair_splits_only_glued_words(build_script):
    script = build_script
    assert script.repair_gloss("goonfoot") == "go on foot"
    assert script.repair_gloss("goforawalk, stroll") == "go for a walk, stroll"
    assert script.repair_gloss("amortize, deaden, sloth") == "amortize, deaden, sloth"
    assert script.repair_gloss("atleast, verymuch") == "at least, very much"
    assert script.repair_gloss("Spanishwoman") == "Spanish woman"
    # A contraction glued to what follows: "het gaat om" was "it'samatterof".
    assert script.repair_gloss("it'samatterof") == "it's a matter of"
    assert script.repair_gloss("call at...'shouse") == "call at...'s house"
    assert script.repair_gloss("don't, it's a pity") == "don't, it's a pity"
    # A preposition glued to a word the sense also lists alone, though "tome" is a word.
    assert script.repair_gloss("me, tome") == "me, to me"
    assert script.repair_gloss("tome, volume") == "tome, volume"
    assert script.repair_gloss("in, within") == "in, within"
    # No split into fragments: a word the vocabulary lacks is better left whole.
    assert script.repair_gloss("cafetaria") == "cafetaria"
    assert script.repair_gloss("Slavonian, skilfulness") == "Slavonian, skilfulness"
    assert script.repair_gloss("Somalianwoman") != "Somali an woman"
    # "a" ends a phrase after such or what; a split that is a WordNet phrase wins.
    assert script.repair_gloss("such, sucha, whata") == "such, such a, what a"
    assert script.repair_gloss("as if, inaway") == "as if, in a way"
    assert script.repair_gloss("andsoon, etcetera") == "and so on, etcetera"
    # "a" never comes before a function word; English prepositions WordNet lacks are words.
    assert script.repair_gloss("abutto, abutonto") == "abut to, abut on to"
    assert script.repair_gloss("among, amidst") == "among, amidst"
    # A name English text knows stays whole, and a glued name never holds an article.
    assert script.repair_gloss("Batavia, Marcus, Gideon") == "Batavia, Marcus, Gideon"
    assert script.repair_gloss("Indo-European") == "Indo-European"
    assert script.repair_gloss("Reformatie") == "Reformatie"
    assert script.repair_gloss("Gulfof Aden, Christmastree") == "Gulf of Aden, Christmas tree"


def test_lexicon_loads_and_knows_its_words():
    # How fast it loads is printed by bench/bench_analysis.py, not asserted here.
    loaded = load_lexicon()
    assert loaded.version
    assert loaded.entry("gesprek").senses[0].text == "conversation"
    assert loaded.entry("ijs") is not None  # FreeDict spells ĳs
    assert [r.feature for r in loaded.readings("gesprek")] == ["het"]


def test_wiktionary_headlines_with_single_or_double_slashes(build_script):
    # nld-pol and most of nld-spa write the IPA between single slashes; read as part of the
    # headword, four in five Wiktionary entries were never found.
    for line, head, pos in [
        ("diplomatiek /dˌɪploːmaːtˈik/ <adj>", "diplomatiek", "adj"),
        ("golf //χɔl(ə)f// <n>", "golf", "n"),
        ("regering <n>", "regering", "n"),
        ("a capella /ˈaː kaːpˈɛlaː/", "a capella", None),
    ]:
        match = build_script._WIKDICT_HEADLINE.match(line)
        assert (match["head"], match["pos"]) == (head, pos)


def test_a_senses_words_of_its_part_of_speech_come_first(build_script):
    noun = build_script.EnglishTags({"N": 1.0})
    adjective = build_script.EnglishTags({"ADJ": 0.6, "N": 0.4})
    same = [(0, 5.0), (0, 5.0), (0, 5.0)]  # nothing else tells the words apart
    best_first = build_script._best_first
    assert best_first("child, offspring, young", [noun, noun, adjective], "ADJ", same) == (
        "young, child, offspring"
    )
    assert best_first("child, offspring", [noun, noun], "N", same[:2]) == "child, offspring"


def test_within_a_sense_the_word_wiktionary_names_comes_first_then_the_commoner(build_script):
    noun = build_script.EnglishTags({"N": 1.0})
    best_first = build_script._best_first
    # lid: Polish and Finnish translate it "member" first; FreeDict's order is alphabetical
    assert (
        best_first("acolyte, member, supporter", [noun] * 3, "N", [(1, 2.4), (3, 5.2), (1, 4.1)])
        == "member, supporter, acolyte"
    )
    # named alike: the commoner word first (naam: name, not appellation)
    assert best_first("appellation, name", [noun] * 2, "N", [(2, 2.0), (2, 5.9)]) == (
        "name, appellation"
    )


def test_a_phrase_counts_as_rarer_than_its_words(build_script):
    assert build_script._synonym_zipf("by now") < build_script._synonym_zipf("already")


@pytest.mark.parametrize(
    ("word", "pos", "english"),
    [("lid", "N", "member"), ("naam", "N", "name"), ("regering", "N", "government")],
)
def test_the_shipped_senses_lead_with_the_common_word(word, pos, english):
    assert load_lexicon().senses_for(word, pos)[0].text.split(", ")[0] == english


def test_a_word_no_dictionary_into_english_has_takes_what_two_languages_agree_on(build_script):
    script = build_script
    polish = script.ReverseRoute(
        "pol", {"bondgenoot": ["sojusznik"], "heffing": ["opłata"]},
        {"sojusznik": [["ally", "confederate"]], "opłata": [["fee", "charge"]]},
    )  # fmt: skip
    finnish = script.ReverseRoute(
        "fin", {"bondgenoot": ["liittolainen"], "heffing": ["maksu"]},
        {"liittolainen": [["ally"], ["Ally"]], "maksu": [["payment"]]},
    )  # fmt: skip
    found = script.reverse_route_entries(
        None, [polish, finnish], known=set(), lemmas={"bondgenoot", "heffing"}
    )
    # "ally" both say; "confederate" only Polish; the languages name nothing alike for heffing
    assert found == {"bondgenoot": ("", ["ally"])}
    # A word a dictionary into English has keeps its entry, and an inflected form gets none.
    assert script.reverse_route_entries(None, [polish, finnish], {"bondgenoot"}, set()) == {}


def test_a_word_only_one_language_lists_gets_its_words_as_a_guess(build_script):
    script = build_script
    finnish = script.ReverseRoute(
        "fin", {"lukken": ["onnistua"], "voor": ["ennen"], "slaan": ["lyödä"], "zus": ["X"]},
        {"onnistua": [["succeed", "manage"], ["work out"]], "ennen": [["before"]],
         "lyödä": [["1st", "voc."]], "X": [["so"]]},
    )  # fmt: skip
    evidence = SimpleNamespace(
        frog_tags={"lukken": {"WW": 1.0}, "voor": {"VZ": 1.0}, "slaan": {"WW": 1.0}}
    )
    lemmas = {"lukken", "voor", "slaan", "zus"}
    found = script.listed_entries(evidence, [finnish], known=set(), lemmas=lemmas)
    # a preposition's listing is another word's; "1st" and "voc." are no English words
    assert found == {"lukken": "WW:1.000:succeed, manage, work out"}
    assert script.listed_entries(evidence, [finnish], {"lukken"}, lemmas) == {}


def test_entries_read_backwards_are_marked_and_found_like_the_others():
    lexicon = load_lexicon()
    entry = lexicon.entry("bondgenoot")  # in no dictionary into English
    assert entry is not None and entry.reversed and entry.senses[0].text == "ally"
    assert entry.senses[0].pos == "N"
    assert not lexicon.entry("huis").reversed
    # Only dictionary forms get one: "nederlandse" reads through its lemma nederlands.
    assert lexicon.entry("nederlandse") is None


def test_a_sense_read_backwards_is_added_after_the_entrys_own(build_script):
    script = build_script
    scored = [(1.0, 0, "WW", "hold"), (0.4, 1, "WW", "cause"), (2.0, 2, "WW", "keep")]
    # "keep" had the most weight, but comes after the entry's lightest verb sense; a sense of
    # a part of speech the entry lacks would lead where a sentence needs it, and goes.
    assert script._after_own_senses(
        [*scored, (0.3, 3, "BW", "tightly")],
        [False, False, True, True],
        [True, False, False, False],
    ) == [(1.0, 0, "WW", "hold"), (0.4, 1, "WW", "cause"), (0.2, 2, "WW", "keep")]


def test_a_sense_read_backwards_leads_where_nothing_confirms_the_entrys_own(build_script):
    # No other source names "academic" or "scholar": the languages agreeing on "professor"
    # outweigh nld-eng alone, and the added sense leads.
    scored = [(1.0, 0, "N", "academic"), (0.5, 1, "N", "scholar"), (0.3, 2, "N", "professor")]
    placed = build_script._after_own_senses(scored, [False, False, True], [False, False, False])
    assert max(placed)[3] == "professor"
    assert placed[:2] == scored[:2]


def test_hoogleraar_is_a_professor_first():
    assert load_lexicon().entry("hoogleraar").senses[0].text == "professor"


def test_houden_keeps_hold_first_and_gains_keep():
    senses = load_lexicon().entry("houden").senses
    assert senses[0].text.startswith("hold")
    assert "keep" in [sense.text for sense in senses[1:]]


def test_an_article_or_pronoun_has_no_dative_to():
    # Dutch marks no case: de is "the", not "the, to the"; aan de keeps its "to the".
    lexicon = load_lexicon()
    assert lexicon.entry("de").senses[0].text == "the"
    assert lexicon.entry("mij").senses[0].text == "me"
    assert "to the" in " ".join(sense.text for sense in lexicon.entry("aan de").senses)


def test_no_entry_lists_a_sense_twice():
    # "frying-pan, frying pan" and "frying pan, frying-pan" read alike once ordered: one sense.
    lexicon = load_lexicon()
    assert [s.text for s in lexicon.entry("pan").senses].count("frying pan, frying-pan") == 1
    for line in lexicon._dictionary.lines():
        head = line.partition("\t")[0]
        texts = [s.text for s in lexicon.entry(head).senses]
        assert len(texts) == len(set(texts)), head

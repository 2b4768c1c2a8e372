"""One case per failure class of the held-out review (issue 17); each failed on the
generator before it (version 1). Imports of what version 1 lacked stay inside the tests, so
each test fails on its own there."""

from __future__ import annotations

from click.testing import CliRunner

from quizapp.generate import GenerateOptions, generate_questions
from quizapp.generate.cli import generate_command, new_command
from quizapp.language import analyse_text
from tests.conftest import SEED_PACK

TEXT = """De NS kampt al weken met problemen. Op 12 maart reden er 300 treinen minder dan normaal.
Reizigers in Utrecht wachtten soms twee uur op het perron. De woordvoerder zegt dat de
storingen niet snel voorbij zijn. Volgens Jan de Vries van de reizigersvereniging zijn de
reizigers erg boos. 's Avonds is het op het station heel druk. Er rijden dan minder treinen.
"""


def _quiz(text=TEXT, **counts):
    analysis = analyse_text(text)
    return generate_questions(text, analysis, GenerateOptions(counts, "B1", "t"))


def test_the_quiz_asks_about_the_content():
    questions = _quiz(statements=3, facts=3, cloze=3)
    content = [q for q in questions if q["kind"] in ("statements", "facts")]
    assert len(content) >= 3
    for question in content:
        assert question["explain"]["sentence"]  # the results page links to this sentence
    facts = [q for q in content if q["kind"] == "facts"]
    assert facts and all(len(q["options"]) >= 3 for q in facts)


LOOSE = (
    "Mijn buurman werkt 's avonds in een restaurant in de stad. Een anonieme twitteraar schreef "
    "gisteren een lange en boze brief aan de burgemeester. De recentste tocht over de bevroren "
    "meren was erg zwaar voor de deelnemers. Ze waren na afloop moe maar tevreden over hun "
    "prestatie."
)


def test_no_word_that_is_only_part_of_a_unit_is_asked():
    questions = _quiz(LOOSE, cloze=8, vocabulary=8, gender=5, verbs=5)
    asked = {str(q["explain"].get("word") or q["explain"].get("answer")).lower() for q in questions}
    assert "avonds" not in asked


def test_no_loose_adjective_slot_is_gapped():
    for level in ("A2", "B1"):
        analysis = analyse_text(LOOSE)
        questions = generate_questions(LOOSE, analysis, GenerateOptions({"cloze": 8}, level, "t"))
        adjectives = [q for q in questions if q["explain"]["class"].startswith("adjective")]
        # Only an adjective that governs its preposition: "tevreden over".
        assert [q["explain"]["answer"] for q in adjectives] in ([], ["tevreden"])


def test_english_words_are_neither_gaps_nor_distractors():
    from quizapp.generate.words import looks_english, word_bank

    assert looks_english("happy") and looks_english("were") and not looks_english("winter")
    for word_class in word_bank().classes():
        assert not any(looks_english(w.text) for w in word_bank().near(word_class, 4.5, 1.0))


def test_word_order_items_have_one_right_order_and_no_glued_stop():
    text = "We krijgen hier bijna geen informatie. De man leest een boek. Hij belt zijn moeder op."
    questions = _quiz(text, order=3)
    assert [q["items"] for q in questions] == [["de", "man", "leest", "een", "boek"]]


def test_list_dashes_and_stray_quotes_are_not_kept():
    from quizapp.generate.source import tidy_quotes

    assert tidy_quotes("- De trein vertrekt om acht uur.") == "De trein vertrekt om acht uur."
    assert tidy_quotes('Hij zegt dat het "goed gaat.') == "Hij zegt dat het goed gaat."
    assert tidy_quotes("'s Avonds is het druk.") == "'s Avonds is het druk."


def test_verb_form_gaps_give_the_infinitive():
    questions = _quiz(verbs=3)
    assert questions
    for question in questions:
        assert f"({question['explain']['lemma']})" in question["text"]


def test_new_invents_no_metadata(tmp_path):
    source = tmp_path / "tekst.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(new_command, [str(source)])
    assert result.exit_code == 0, result.output
    assert "NOS" not in result.output and "2024" not in result.output
    assert "# source:" in result.output and "# published:" in result.output


def test_check_warns_about_an_exclude_id_that_matches_nothing(tmp_path):
    from quizapp.generate.cli import check_command

    pack = tmp_path / "p.yaml"
    pack.write_text(
        "format: 1\nid: p\ntitle: P\ntext: |\n  "
        + TEXT.replace("\n", "\n  ")
        + "\ngenerate:\n  cloze: 2\n  exclude:\n    - gen-cloze-typo-99\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(check_command, [str(pack)])
    assert result.exit_code == 0, result.output  # a warning, not a failure
    line = next(n for n, text in enumerate(pack.read_text().split("\n"), 1) if "typo" in text)
    assert f"{pack}:{line}:7: warning:" in result.output and "gen-cloze-typo-99" in result.output


def test_review_sheet_shows_key_distractors_and_proof():
    result = CliRunner().invoke(generate_command, [str(SEED_PACK), "--review"])
    assert result.exit_code == 0, result.output
    assert "key:" in result.output and "wrong:" in result.output and "proof:" in result.output


def test_a_meaning_is_the_equivalent_learners_know_not_the_first_alphabetically():
    from quizapp.generate.vocabulary import main_equivalent

    assert main_equivalent("continue, endure, keep on, last") == "last"
    assert main_equivalent("float, swim") == "swim"
    assert main_equivalent("contagion, contamination, infection") == "infection"


def test_no_gap_that_the_sentence_or_a_modal_gives_away():
    text = (
        "Antibiotica helpen niet tegen griep, want griep komt door een virus. "
        "In die weken kunt u zwemmen in het zwembad van de buren. Ook hoest u veel."
    )
    questions = _quiz(text, cloze=5, verbs=5)
    asked = {q["explain"]["answer"] for q in questions}
    assert not asked & {"griep", "zwemmen", "hoest"}


def test_a_person_gap_takes_no_group_distractors():
    from quizapp.generate.words import is_agent_noun

    assert is_agent_noun("naties") and is_agent_noun("meisjes")
    questions = _quiz("Sommige boeren klagen dat ze minder land hebben dan vroeger.", cloze=1)
    for question in questions:
        for distractor in question["explain"]["distractors"]:
            assert not is_agent_noun(distractor["text"])


def test_no_gender_item_for_a_word_that_is_mostly_not_a_noun():
    questions = _quiz("Het moe zijn kan wel een paar weken duren na de griep.", gender=3)
    assert "moe" not in {q["explain"]["word"] for q in questions}


def test_no_statement_from_an_instruction_or_a_question():
    text = "Drink genoeg water en rust goed uit. Heeft u vragen? De prijs is hoog."
    questions = _quiz(text, statements=3)
    assert {q["explain"]["sentence"] for q in questions} <= {3}


# --- classes found on the held-out texts of generator version 2 (set heldout2) ------------


def test_a_year_of_another_century_is_a_year():
    """Version 2 took only 1900-2100 as years: "In 1871 ..." was asked with "Hoeveel?" and
    got stand-ins such as 5613 (three times the year) or 1252."""
    text = (
        "De brug over de rivier werd in 1868 geopend. Vijftig jaar later kwam er een tweede "
        "brug bij. De stad groeide in 1885 snel. Het oude stadhuis brandde in 1902 af."
    )
    facts = [q for q in _quiz(text, facts=4) if q["kind"] == "facts"]
    years = [q for q in facts if q["explain"]["answer"] in ("1868", "1885", "1902")]
    assert years
    for question in years:
        assert question["prompt"].startswith("Wanneer?")
        for option in question["options"]:
            assert 1000 <= int(option["text"]) <= 2100


def test_a_round_number_gets_round_stand_ins_and_no_zero():
    """Version 2: "meer dan {300 ~301}" and "{Twee ~Nul} keer per dag": silly options."""
    from quizapp.generate.facts import Fact, _synthetic

    round_number = Fact("number", "digits", "300", 0, 3, 1, 300)
    assert all(int(m) % 100 == 0 for m in _synthetic(round_number, None))
    word = Fact("number", "word", "twee", 0, 4, 1, 2)
    assert "nul" not in _synthetic(word, None)


def test_one_fact_is_asked_once():
    """Version 2 asked "tot 1 mei" and "voor 1 mei" as two items about the same date."""
    text = (
        "U kunt zich tot 1 mei aanmelden bij de balie. De cursus begint op maandag 8 juni "
        "in het buurthuis. Geef uw naam voor 1 mei door aan de docent. Het laatste les is op "
        "3 juli in de grote zaal."
    )
    answers = [q["explain"]["answer"].lower() for q in _quiz(text, facts=6) if q["kind"] == "facts"]
    assert len(answers) == len(set(answers))


def test_no_word_order_with_two_phrases_after_the_verb():
    """Version 2 asked "De schoolreis kost 25 euro per kind" and "Jacobs overleed tien jaar
    later in Baarn": both phrases after the verb can change places."""
    text = (
        "De cursus kost veertig euro per persoon. Mijn oom overleed twee jaar later in Gent. "
        "De bakker opende een winkel. De kinderen spelen in de tuin. "
        "Mijn zus kwam zaterdag met een vrachtwagen."
    )
    orders = {q["explain"]["answer"] for q in _quiz(text, order=4) if q["kind"] == "order"}
    assert "De cursus kost veertig euro per persoon." not in orders
    assert "Mijn oom overleed twee jaar later in Gent." not in orders
    assert "Mijn zus kwam zaterdag met een vrachtwagen." not in orders  # a day, tagged NUM
    assert orders  # the sentences with one phrase after the verb are still asked


def test_no_statement_swaps_a_place_in_a_list_or_turns_later_into_earlier():
    """Version 2: "In {Groningen→Assen} en Friesland reden geen treinen" (the text does not
    say whether trains ran in Assen) and "{Later→Vroeger} zette ze zich in voor ..."."""
    text = (
        "In Utrecht en Gelderland viel de stroom uit. Bij Arnhem reed een trein tegen een boom. "
        "Later ging de stroom weer aan. De schade is volgens de gemeente sterk gestegen."
    )
    statements = [q for q in _quiz(text, statements=4) if q["kind"] == "statements"]
    for question in statements:
        assert "Arnhem en Gelderland" not in question["prompt"]
        assert "Vroeger" not in question["prompt"]
        assert "zwak gestegen" not in question["prompt"]


def test_no_verb_item_on_a_lemma_the_form_cannot_have():
    """Version 2 asked "{reden} (redden)": reden is the past of rijden; redden's is redde."""
    from quizapp.generate.verbs import past_fits

    assert not past_fits("reden", "redden")
    assert past_fits("reden", "rijden") and past_fits("redde", "redden")
    assert past_fits("kocht", "kopen") and past_fits("droeg", "dragen")
    text = "In Zeeland reden de hele dag geen bussen. De chauffeurs wachtten op het station."
    verbs = [q for q in _quiz(text, verbs=3) if q["kind"] == "verbs"]
    assert all(q["explain"]["lemma"] != "redden" for q in verbs)


def test_no_gender_item_on_an_adverb_read_as_a_noun():
    """Version 2 asked "De of het? licht" from "De chauffeur raakte licht gewond"."""
    text = "De fietser raakte licht gewond. Het licht in de straat was uit. De auto stond stil."
    nouns = [q["explain"]["word"] for q in _quiz(text, gender=5) if q["kind"] == "gender"]
    first = [q for q in _quiz("De fietser raakte licht gewond bij het ongeluk.", gender=5)]
    assert "licht" not in [q["explain"]["word"] for q in first]
    assert "licht" in nouns  # a real noun "het licht" still is asked


def test_no_rude_or_sensitive_word_is_an_option():
    """Version 2 offered "vagina", "abortion", "islam" and "blondje" as distractors."""
    from quizapp.generate.words import is_unsuitable, word_bank

    for word in ("vagina", "abortus", "islam", "blondje", "moord"):
        assert is_unsuitable(word)
    bank = {w.text for cls in word_bank().classes() for w in word_bank().near(cls, 4.5, 3.0)}
    assert not bank & {"vagina", "abortus", "islam", "blondje"}


def test_the_meaning_shown_is_the_cognate_equivalent():
    """Version 2 showed groep "bevy, collection, group, heap, herd, set" as "set"."""
    from quizapp.generate.vocabulary import main_equivalent

    assert main_equivalent("bevy, collection, group, heap, herd, set", "groep") == "group"
    assert main_equivalent("continue, endure, keep on, last", "duren") == "last"


def test_no_adjective_is_asked_for_its_meaning_without_the_glossary():
    """Version 2: "makkelijke schoenen" = easy (comfortable), "vier meter breed" = broad."""
    text = "De kinderen hebben makkelijke schoenen nodig. Het pad is vier meter breed en vlak."
    vocabulary = [q for q in _quiz(text, vocabulary=6) if q["kind"] == "vocabulary"]
    assert all(q["explain"]["lemma"] not in ("makkelijk", "breed") for q in vocabulary)


def test_no_opposite_of_a_measure():
    """Version 3 at first: "vijfhonderd kilometer {lang→kort}" is not Dutch."""
    import random

    from quizapp.generate.source import SourceText
    from quizapp.generate.statements import _changes

    text = "Het nieuwe pad langs de dijk is vijfhonderd meter lang."
    source = SourceText.of(text, analyse_text(text))
    changes = _changes(source, source.sentences[0], [], {}, random.Random(1))
    assert "kort" not in [new for _start, _end, new, _what in changes]


def test_no_noun_gap_at_the_end_of_its_sentence_without_an_adjective():
    """Version 3 at first: "wachten op het {station ~besluit}", "Vanavond begin ik met de
    {keuken ~presentatie}": nothing after the noun holds it."""
    text = (
        "Reizigers moesten die avond erg lang wachten op het station. Vanavond begin ik "
        "eindelijk met de keuken. De prik beschermt u goed tegen ernstige klachten."
    )
    answers = [q["explain"]["answer"] for q in _quiz(text, cloze=6) if q["kind"] == "cloze"]
    assert "station" not in answers and "keuken" not in answers


# Classes of version 3 found on the texts of set heldout4 and on the edits of the sets
# before; each test failed on version 3.


def _cloze_distractors(text, answer, seeds=range(12), level="B1"):
    """The distractors the cloze generator picks for `answer` in `text`, over many seeds."""
    from quizapp.generate.cloze import choose_distractors
    from quizapp.generate.source import SourceText
    from quizapp.generate.words import token_class

    analysis = analyse_text(text)
    source = SourceText.of(text, analysis)
    sentence = source.sentences[0]
    token = next(t for t in sentence.words if t["text"] == answer)
    import random

    found = set()
    for seed in seeds:
        rng = random.Random(f"{seed}")
        found |= {
            d.text for d in choose_distractors(sentence, token, token_class(token), level, rng)
        }
    return found


TIME_UNITS = {"seconden", "minuten", "uren", "dagen", "weken", "maanden", "jaren", "eeuwen"}


def test_no_distractor_of_the_answers_own_category():
    # "In de vriezer blijft hij twee {maanden ~weken}": a time unit for a time unit fits.
    found = _cloze_distractors("In de vriezer blijft hij twee maanden goed.", "maanden")
    assert found and not found & TIME_UNITS, found & TIME_UNITS
    from quizapp.generate.words import categories_of

    assert categories_of("maanden", "N") & categories_of("weken", "N")  # both "time"


PHYSICAL = {"artifact", "object", "plant", "animal", "body", "food", "substance", "location"}
BEINGS = {"person", "animal", "group"}


def test_no_distractor_of_a_kind_that_fills_the_same_slot():
    # "vielen {bomen ~gebouwen} om": another physical thing falls too; "twee {ploegen
    # ~honden} kwamen erbij": another kind of being comes too. The categories differ (plant,
    # artifact; group, animal), the slot takes both.
    from quizapp.generate.words import categories_of

    for text, answer, kinds in [
        ("Door de storm vielen in het hele land bomen om.", "bomen", PHYSICAL),
        ("Later kwamen er nog twee ploegen uit Zwolle bij.", "ploegen", BEINGS),
    ]:
        found = _cloze_distractors(text, answer)
        assert found
        fitting = {d for d in found if categories_of(d, "N") & kinds}
        assert not fitting, (answer, fitting)
    assert categories_of("gebouwen", "N") & PHYSICAL and categories_of("honden", "N") & BEINGS


def test_no_distractor_from_the_texts_own_words():
    # "Na twintig {minuten ~wedstrijden}": the text's words share its topic.
    text = (
        "De handbalsters wonnen zaterdag de wedstrijd in Almere. Na twintig minuten stond de "
        "ploeg uit Venlo nog met vijf doelpunten voor. Daarna won de ploeg uit Almere."
    )
    words = {t.text.lower() for t in analyse_text(text).tokens}
    for seed in "abcdefgh":
        analysis = analyse_text(text)
        for question in generate_questions(
            text, analysis, GenerateOptions({"cloze": 4}, "B1", seed)
        ):
            options = {d["text"].lower() for d in question["explain"]["distractors"]}
            assert not options & (words | {"wedstrijden"}), options & words


def test_no_clock_time_phone_number_or_house_number_as_a_quantity():
    text = (
        "Zet de zakken op dinsdag voor half acht 's ochtends aan de straat. Heeft u vragen? "
        "Bel dan 14 0513 of 020 5551234. Ons kantoor ligt aan de Havenweg 12 in Zwolle. "
        "Dan betaalt u 25 euro voor het ophalen van grof afval."
    )
    questions = _quiz(text, facts=6, statements=6)
    asked = {q["explain"]["answer"] for q in questions if q["kind"] == "facts"}
    assert not asked & {"acht", "14", "0513", "020", "5551234", "12"}, asked
    options = {o["text"] for q in questions for o in q.get("options", [])}
    assert not options & {"0513", "020", "5551234"}
    for question in questions:  # the clitic keeps its apostrophe next to a gap
        assert " s ochtends" not in question["prompt"]


def test_no_gap_on_half_a_compound_in_a_list():
    text = "Het gft-afval, dus groente-, fruit- en tuinafval, halen wij wel elke week op."
    for level in ("A2", "B1"):
        questions = generate_questions(
            text, analyse_text(text), GenerateOptions({"cloze": 3}, level, "t")
        )
        assert all("{=groente " not in q["text"] for q in questions)


def test_no_statement_without_a_verb_leaning_on_the_sentence_before_or_with_a_list():
    text = (
        "Hartelijk dank voor uw brief van 12 maart over de nieuwe regels. "
        "Maar de sleutel was er niet. "
        "Je hebt nodig: een kilo tomaten, twee uien en een liter bouillon. "
        "Op dinsdag gaan de kinderen van groep 5 en 6 op schoolreis naar het grote park."
    )
    for seed in "abcdef":
        analysis = analyse_text(text)
        options = GenerateOptions({"statements": 5, "which": 2}, "B1", seed)
        for question in generate_questions(text, analysis, options):
            assert question["explain"]["sentence"] == 4, question["prompt"]
            assert "groep 5 en" in question["prompt"] or "groep 5 en 6" in str(question)
            assert "groep 25" not in str(question) and "groep 5 en 16" not in str(question)


def test_no_opposite_of_a_result_or_of_a_phase_verb_with_its_preposition():
    text = (
        "Ondertussen maak je de bouillon warm in een grote pan met water. "
        "Ze begon in hetzelfde jaar aan haar studie geneeskunde in Groningen."
    )
    for seed in "abcdefgh":
        analysis = analyse_text(text)
        for question in generate_questions(
            text, analysis, GenerateOptions({"statements": 3}, "B1", seed)
        ):
            assert "koud" not in question["prompt"] and "eindigde" not in question["prompt"]


def test_no_word_order_with_a_predicate_and_a_phrase_after_the_verb():
    # "Het begin was voor Dalfsen moeilijk" is as right as the text's order.
    text = "Het begin was moeilijk voor Dalfsen. De man leest een boek."
    assert [q["items"] for q in _quiz(text, order=3)] == [["de", "man", "leest", "een", "boek"]]


def test_matching_never_repeats_a_vocabulary_word_and_takes_no_two_forms_of_one():
    from tests.generate.conftest import PACK_FILES, analysed, pack_options

    for path in PACK_FILES:
        pack, analysis = analysed(path)
        options = pack_options(pack, analysis)
        counts = {"vocabulary": 4, "match": 2}
        questions = generate_questions(
            pack.text, analysis, GenerateOptions(counts, options.level, options.seed)
        )
        asked = {q["explain"]["lemma"] for q in questions if q["kind"] == "vocabulary"}
        for match in (q for q in questions if q["kind"] == "match"):
            words = match["explain"]["words"]
            assert not set(words) & asked, (path.stem, set(words) & asked)
            for a in words:
                assert not any(b != a and (a in b or b in a) and len(a) > 4 for b in words)


def test_no_meaning_the_other_dictionaries_contradict_nor_an_english_twin_with_another():
    from quizapp.generate.vocabulary import main_equivalent

    text = (
        "Hartelijk dank voor uw sollicitatie bij ons bedrijf in Zwolle. Toen wisselde de trainer "
        "haar keeper. Zoek je dit, vroeg hij aan de buurvrouw in de tuin."
    )
    analysis = analyse_text(text)
    counts = {"vocabulary": 8, "match": 2}
    questions = generate_questions(text, analysis, GenerateOptions(counts, "A2", "t"))
    asked = {
        w for q in questions for w in [q["explain"].get("lemma"), *q["explain"].get("words", [])]
    }
    assert not asked & {"sollicitatie", "keeper", "vroeg"}, asked
    # griep "flu, grip, influenza": grip looks like griep but is holding, not an illness.
    assert main_equivalent("flu, grip, influenza", "griep") != "grip"


def test_no_drugs_or_racism_among_the_options():
    from quizapp.generate.words import is_unsuitable

    assert is_unsuitable("wiet") and is_unsuitable("racisme") and not is_unsuitable("soep")


def test_which_statement_matches_the_text_is_proved_by_its_sentence():
    from quizapp.generate.source import SourceText
    from tests.generate.rules import check_which

    text = (
        "Er is een nieuw fietspad tussen de twee dorpen. Het fietspad is elf kilometer lang en "
        "vier meter breed. Het pad kostte acht miljoen euro. Het zwembad gaat op 15 juli weer "
        "open."
    )
    analysis = analyse_text(text)
    questions = generate_questions(text, analysis, GenerateOptions({"which": 3}, "B1", "t"))
    assert questions and all(q["kind"] == "which" for q in questions)
    for question in questions:
        check_which(SourceText.of(text, analysis), question)
        assert question["explain"]["sentence"]  # the results page links to it


def test_order_of_events_only_where_the_text_proves_it():
    from quizapp.generate.source import SourceText
    from tests.generate.rules import check_events

    dated = (
        "Aletta Jacobs werd in 1854 geboren in Sappemeer. In 1878 werd ze de eerste vrouwelijke "
        "arts van het land. Ze schreef in 1871 een brief aan de minister."
    )
    told = (
        "Mila fietste in de regen naar huis. Toen zocht ze in haar tas naar de sleutel. "
        "Daarna belde ze haar broer Tim. Later kwam de buurman naar buiten."
    )
    unmarked = (
        "Mila fietste in de regen naar huis. Ze zocht in haar tas naar de sleutel. "
        "Ze belde haar broer Tim. De buurman kwam naar buiten."
    )
    for text in (dated, told):
        analysis = analyse_text(text)
        (question,) = generate_questions(text, analysis, GenerateOptions({"events": 2}, "B1", "t"))
        check_events(SourceText.of(text, analysis), question)
    (dated_item,) = _quiz(dated, events=1)
    assert dated_item["items"][1].startswith("Ze schreef in …")  # 1871 before 1878
    assert _quiz(unmarked, events=2) == []


# Classes of version 4 found on set heldout5 (written after its last change); each test
# failed on the generator that set was judged on.


def test_a_time_of_day_is_not_asked_as_a_quantity():
    text = (
        "De molen is open van woensdag tot en met zaterdag, van tien tot vier uur. Een buurman "
        "zag rond drie uur vlammen uit het dak komen. Reizigers wachtten soms twee uur op het "
        "perron van het station."
    )
    questions = _quiz(text, facts=6)
    asked = {q["explain"]["answer"] for q in questions}
    assert not asked & {"tien", "vier", "drie"}, asked
    assert "twee" in asked  # a duration is a quantity


def test_no_opposite_of_a_duration_or_in_a_clause_of_cause():
    text = (
        "Omwonenden moesten een nacht lang ramen en deuren dicht houden vanwege de rook. "
        "Het hooi bleef lang smeulen, waardoor de brandweer pas woensdagmiddag klaar was."
    )
    for seed in "abcdefgh":
        analysis = analyse_text(text)
        options = GenerateOptions({"statements": 3, "which": 2}, "B1", seed)
        for question in generate_questions(text, analysis, options):
            assert "kort" not in str(question), question["prompt"]


def test_no_statement_whose_subject_is_a_pointing_word():
    text = (
        "Een buurman belde om drie uur de brandweer. Die was binnen tien minuten ter plaatse "
        "bij de schuur."
    )
    for seed in "abcdef":
        analysis = analyse_text(text)
        options = GenerateOptions({"statements": 3, "which": 2}, "B1", seed)
        for question in generate_questions(text, analysis, options):
            assert question["explain"]["sentence"] != 2, question["prompt"]


def test_no_adverb_asked_for_its_meaning_without_the_glossary():
    text = (
        "Niemand raakte gewond, maar de schuur is helemaal verwoest. Het dorp ligt twaalf "
        "kilometer verderop aan de rivier."
    )
    analysis = analyse_text(text)
    counts = {"vocabulary": 6, "match": 2}
    questions = generate_questions(text, analysis, GenerateOptions(counts, "B1", "t"))
    asked = {
        w for q in questions for w in [q["explain"].get("lemma"), *q["explain"].get("words", [])]
    }
    assert not asked & {"helemaal", "verderop"}, asked


def test_events_told_in_order_leave_out_the_words_that_give_the_order_away():
    text = (
        "Een buurman zag rond drie uur vlammen uit het dak komen. Eerst haalden de "
        "brandweerlieden veertig koeien uit de stal. Daarna begonnen ze met blussen. Later "
        "kwamen er nog twee ploegen uit Raalte bij."
    )
    (question,) = _quiz(text, events=1)
    assert question["items"] == [
        "De brandweerlieden haalden veertig koeien uit de stal.",
        "Ze begonnen met blussen.",
        "Er kwamen nog twee ploegen uit Raalte bij.",
    ]


def test_no_noun_gap_held_only_by_its_verb_across_an_adverb():
    # "hoe de {molenaar ~marine} vroeger werkte": the verb takes any subject.
    text = "Hij is nu een museum. U kunt er zien hoe de molenaar vroeger werkte."
    for level in ("A2", "B1"):
        questions = generate_questions(
            text, analyse_text(text), GenerateOptions({"cloze": 3}, level, "t")
        )
        assert all(q["explain"]["answer"] != "molenaar" for q in questions)


GAP_AND_MEANING = (
    "De bakker verkoopt elke ochtend vers brood aan de buren. Zijn dochter bezorgt de "
    "taarten met een oude fiets. In de winkel hangt een grote klok boven de toonbank. "
    "De klanten wachten soms lang in de rij voor de kassa. Het gesprek duurt ongeveer een "
    "uur. We zijn om vier uur weer thuis. Zij kocht drie kilo appels op de markt. De "
    "bakker bakte vannacht honderd broden in zijn nieuwe oven."
)


def test_no_meaning_item_on_a_word_a_gap_item_asks_in_its_sentence():
    # "Wat betekent „duurde” in deze zin? Het werk duurde ..." beside a gap on duurde in
    # the same sentence: each item gives the other away.
    questions = _quiz(GAP_AND_MEANING, vocabulary=8, cloze=8, verbs=8)
    gapped = {
        (q["explain"]["sentence"], q["explain"]["start"])
        for q in questions
        if q["kind"] in ("cloze", "verbs")
    }
    meaning = [q for q in questions if q["kind"] == "vocabulary"]
    assert gapped and meaning
    for question in meaning:
        assert (question["explain"]["sentence"], question["explain"]["start"]) not in gapped


def test_no_meaning_item_on_a_unit_after_a_number():
    # "om vier uur" is o'clock, "een uur" an hour, neither "time"; "drie kilo" a count.
    questions = _quiz(GAP_AND_MEANING, vocabulary=12)
    words = {q["explain"]["lemma"] for q in questions}
    assert words, "the text has meaning items"
    assert not words & {"uur", "kilo"}, words & {"uur", "kilo"}


def test_no_sentence_is_shown_by_two_items():
    # "Hoeveel? De bouw duurde … jaar en kostte achttien miljoen euro." beside "De bouw
    # duurde twee jaar en kostte achttien {miljoen} euro": each item answers the other.
    from quizapp.generate.cli import DEFAULT_COUNTS

    questions = _quiz(GAP_AND_MEANING, **DEFAULT_COUNTS)
    shown = []
    for question in questions:
        explain = question["explain"]
        if question["kind"] == "gender" or explain.get("direction") == "meaning to word":
            continue
        shown += [explain["sentence"], *(explain.get("sentences") or ())]
    assert len(questions) > 5 and shown
    assert len(shown) == len(set(shown)), sorted(shown)


def test_matching_is_made_only_on_request():
    # Its words stand without their sentences: a dictionary meaning the text does not have
    # cannot be told from the right one, so the default quiz leaves it out.
    from quizapp.generate.cli import DEFAULT_COUNTS, KIND_COUNTS

    assert "match" not in DEFAULT_COUNTS and KIND_COUNTS["match"] >= 1
    kinds = {q["kind"] for q in _quiz(GAP_AND_MEANING, **DEFAULT_COUNTS)}
    assert "match" not in kinds
    assert "match" in {q["kind"] for q in _quiz(GAP_AND_MEANING, match=1)}

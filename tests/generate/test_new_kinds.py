"""Fixed prepositions and adjective endings: held by the grammar, so one option is right."""

from __future__ import annotations

from quizapp.generate import GenerateOptions, generate_questions
from quizapp.language import analyse_text
from quizapp.questions.cloze_syntax import cloze_gaps


def _quiz(text: str, **counts):
    return generate_questions(text, analyse_text(text), GenerateOptions(counts, "B1", "t"))


def test_a_fixed_preposition_is_gapped_with_prepositions_the_word_never_takes():
    text = (
        "De NS kampt al weken met grote problemen. Veel mensen hebben in het voorjaar last "
        "van hooikoorts. Ze wachten al een uur op de bus. Hij woont in de stad met zijn zus."
    )
    items = {q["explain"]["lemma"]: q for q in _quiz(text, collocations=5)}
    assert {"kampen", "last"} <= set(items)
    (gap,) = cloze_gaps(items["kampen"]["text"])
    assert gap.answers == ["met"] and len(gap.options) == 4
    assert not {"tegen", "om", "in", "op", "voor", "bij", "aan"} & set(gap.options[1:])
    (gap,) = cloze_gaps(items["last"]["text"])
    assert gap.answers == ["van"] and "op" not in gap.options and "met" not in gap.options
    assert "wachten" not in items  # "wachten op het station" is as often a place
    # Only the preposition right after its word's phrase: "woont in" and "met zijn zus" are
    # free, and another preposition would make another sentence.
    assert "wonen" not in items


def test_an_adjective_ending_follows_the_rule_or_is_not_asked():
    text = (
        "Ze woont in een klein huis aan de rand. Het oude huis van mijn opa staat leeg. "
        "Er was een zware storm in het land. Het openbaar vervoer reed de hele dag niet. "
        "De buren zijn altijd erg aardig."
    )
    items = {q["explain"]["lemma"]: q for q in _quiz(text, endings=6)}
    assert cloze_gaps(items["klein"]["text"])[0].options == ["klein", "kleine"]
    assert cloze_gaps(items["oud"]["text"])[0].options == ["oude", "oud"]
    assert cloze_gaps(items["zwaar"]["text"])[0].options == ["zware", "zwaar"]
    assert "openbaar" not in items  # a fixed term against the rule: not asked
    assert "aardig" not in items  # predicative: no choice to make
    assert (
        "zonder -e: „huis” is een het-woord in het enkelvoud na „een”"
        in items["klein"]["explanation"]
    )
    assert "met -e" in items["oud"]["explanation"] and "„het”" in items["oud"]["explanation"]

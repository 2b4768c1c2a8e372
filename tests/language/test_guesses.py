"""Guesses for words no dictionary has: a compound's head lends only the senses of the
compound's own part of speech; otherwise nothing is shown rather than something wrong."""

from quizapp.language import analyse_text


def _token(sentence: str, word: str):
    return next(t for t in analyse_text(sentence).tokens if t.text == word)


def _words(token) -> str:
    return " ".join(token.gloss).lower()


def test_a_noun_compound_never_borrows_a_verb_reading_of_its_head():
    # genoten is genieten's participle; bondgenoten has no noun sense for it to take.
    for sentence in (
        "Hij had overleg met NAVO-bondgenoten over Rusland.",
        "Daarom zijn niet alle NAVO-bondgenoten het eens.",
        "De ploeggenoten wachtten op hem.",
    ):
        word = next(w for w in sentence.rstrip(".").split() if "genoten" in w)
        token = _token(sentence, word)
        assert token.pos == "NOUN"
        assert not any(w in _words(token) for w in ("receive", "enjoy", "have", "use"))


def test_a_noun_compound_never_takes_an_adjective_head():
    # pijn|stiller: stiller is the comparative of stil ("silent"), no noun.
    token = _token("Hij nam een pijnstiller.", "pijnstiller")
    assert "silent" not in _words(token)


def test_a_verb_compound_never_takes_a_noun_head():
    # hand|haven is no harbour: the verb handhaven has no verb sense of haven.
    token = _token("De politie moet de orde handhaven.", "handhaven")
    assert token.pos == "VERB"
    assert "harbo" not in _words(token)


def test_a_head_whose_own_entry_is_read_as_the_compound_still_lends_it():
    # oogst's dictionary senses are tagged as the verb's, but oogst is a noun itself.
    token = _token("De graanoogsten vielen tegen.", "graanoogsten")
    assert token.gloss and token.gloss[0] == "harvest"
    assert token.gloss_source == "compound" and "guess" in token.gloss_note

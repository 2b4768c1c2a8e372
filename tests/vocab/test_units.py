"""Pure functions: the FSRS wrapper, typed grading, the article word list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler

from quizapp.vocab import scheduling, wordlist

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def test_review_is_what_fsrs_computes():
    state = scheduling.new_card(7, NOW)
    for rating in (1, 2, 3, 4):
        ours = scheduling.review(state, rating, NOW, 0.9, fuzz=False)
        expected, _ = Scheduler(desired_retention=0.9, enable_fuzzing=False).review_card(
            Card(card_id=7, due=NOW), Rating(rating), NOW
        )
        assert ours.state == expected.to_dict()
        assert ours.due == expected.due


def test_again_soon_easy_later_and_retention_matters():
    state = scheduling.new_card(1, NOW)
    again = scheduling.review(state, 1, NOW, fuzz=False)
    easy = scheduling.review(state, 4, NOW, fuzz=False)
    assert again.due - NOW == timedelta(minutes=1)
    assert easy.due - NOW >= timedelta(days=1)
    # A card in review: higher desired retention → it comes back sooner.
    later = NOW + (easy.due - NOW)
    relaxed = scheduling.review(easy.state, 3, later, 0.8, fuzz=False)
    strict = scheduling.review(easy.state, 3, later, 0.95, fuzz=False)
    assert strict.due < relaxed.due


def test_naive_times_from_sqlite_count_as_utc():
    naive = datetime(2026, 11, 27, 9, 0)
    assert scheduling.as_utc(naive) == NOW
    state = scheduling.new_card(1, naive)
    assert scheduling.review(state, 3, naive, fuzz=False).last_review == NOW


@pytest.mark.parametrize("rating", [0, 5, "3"])
def test_review_refuses_bad_ratings(rating):
    with pytest.raises(ValueError):
        scheduling.review(scheduling.new_card(1, NOW), rating, NOW)


@pytest.mark.parametrize("retention", [0.5, 0.99, 1.0])
def test_review_refuses_absurd_retention(retention):
    with pytest.raises(ValueError):
        scheduling.review(scheduling.new_card(1, NOW), 3, NOW, retention)


@pytest.mark.parametrize(
    ("typed", "rating"),
    [
        ("ambtgenoot", 3),
        ("  AMBTGENOOT ", 3),
        ("ambtgenoten", 3),  # the form met in the text is accepted too
        ("ambtgenot", 2),  # one letter off: almost
        ("amtgenot", 2),
        ("ambt", 1),
        ("", 1),
    ],
)
def test_typed_recall_grades_like_the_quiz(typed, rating):
    assert scheduling.typed_rating(typed, ["ambtgenoot", "ambtgenoten"]) == rating


def test_typed_recall_folds_the_ij_ligature():
    assert scheduling.typed_rating("ĳs", ["ijs"]) == 3


TEXT = "De wekker gaat. Ik eet een gevulde koek bij de bakkerij."


def tok(text, start, sentence, **facts):
    return {
        "text": text,
        "start": start,
        "end": start + len(text),
        "is_word": True,
        "sentence": sentence,
        "paragraph": 0,
    } | facts


TOKENS = [
    tok("De", 0, 0, lemma="de", pos="DET", level="A1", gloss=["the"]),
    tok(
        "wekker",
        3,
        0,
        lemma="wekker",
        pos="NOUN",
        gender="de",
        level="C1",
        gloss=["alarm clock"],
        gloss_source="glossary",
        gloss_note="wakes you",
    ),
    tok("gaat", 10, 0, lemma="gaan", pos="VERB", level="A1", gloss=["go"]),
    {"text": ".", "start": 14, "end": 15, "is_word": False, "sentence": 0, "paragraph": 0},
    tok("Ik", 16, 1, lemma="ik", pos="PRON", level="A1", gloss=["I"]),
    tok("eet", 19, 1, lemma="eten", pos="VERB", level="A2", gloss=["eat"]),
    tok("een", 23, 1, lemma="een", pos="DET", level="A1", gloss=["a"]),
    tok(
        "gevulde",
        27,
        1,
        lemma="gevuld",
        pos="ADJ",
        level="C1",
        gloss=["almond biscuit"],
        gloss_source="glossary",
        phrase="gevulde koek",
    ),
    tok(
        "koek",
        35,
        1,
        lemma="koek",
        pos="NOUN",
        gender="de",
        level="B2",
        gloss=["almond biscuit"],
        gloss_source="glossary",
        phrase="gevulde koek",
    ),
    tok("bij", 40, 1, lemma="bij", pos="ADP", level="A1", gloss=["at"]),
    tok("de", 44, 1, lemma="de", pos="DET", level="A1", gloss=["the"]),
    tok("bakkerij", 47, 1, lemma="bakkerij", pos="NOUN", gender="de", level="C1", gloss=["bakery"]),
    {"text": ".", "start": 55, "end": 56, "is_word": False, "sentence": 1, "paragraph": 0},
]


def compact(words):
    return " / ".join(f"{w.lemma}({w.meaning})[{w.level}]#{w.sentence_index}" for w in words)


def test_key_words_glossary_plus_words_above_the_level():
    assert compact(wordlist.key_words(TEXT, TOKENS, "B1")) == (
        "wekker(alarm clock)[C1]#0 / gevulde koek(almond biscuit)[C1]#1 / bakkerij(bakery)[C1]#1"
    )
    # Above C1 only glossary words are left; function words never show.
    assert compact(wordlist.key_words(TEXT, TOKENS, "C1")) == (
        "wekker(alarm clock)[C1]#0 / gevulde koek(almond biscuit)[C1]#1"
    )
    assert "eten" in compact(wordlist.key_words(TEXT, TOKENS, "A1"))
    assert "een(" not in compact(wordlist.key_words(TEXT, TOKENS, "A1"))


def test_key_word_details():
    wekker, koek, _ = wordlist.key_words(TEXT, TOKENS, "B1")
    assert (wekker.gender, wekker.note, wekker.sentence) == ("de", "wakes you", "De wekker gaat.")
    assert (koek.form, koek.gender) == ("gevulde koek", None)
    assert koek.sentence == "Ik eet een gevulde koek bij de bakkerij."


def test_find_word_prefers_the_given_sentence_and_refuses_strangers():
    found = wordlist.find_word(TEXT, TOKENS, "De", "de", 1)
    assert found is not None and found.sentence_index == 1
    assert wordlist.find_word(TEXT, TOKENS, "de", "", None).sentence_index == 0
    assert wordlist.find_word(TEXT, TOKENS, "fiets") is None
    assert wordlist.find_word(TEXT, TOKENS, "Gevulde Koek").form == "gevulde koek"


def test_gapped_sentence_hides_the_word_and_only_whole_words():
    assert wordlist.gapped("De wekker gaat; wekkers niet.", "wekker") == (
        "De _____ gaat; wekkers niet."
    )
    assert wordlist.gapped("Hij hoopte het.", "hoopte", "hopen") == "Hij _____ het."

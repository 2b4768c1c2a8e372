"""The quality rules of generated questions, as checks shared by the tests."""

from __future__ import annotations

from quizapp.generate.source import SourceText, tidy_quotes
from quizapp.generate.words import (
    STOP_WORDS,
    fold,
    is_spelling_variant,
    senses_of,
    senses_overlap,
    shares_lemma,
)
from quizapp.language.lexicon import load_lexicon
from quizapp.questions.cloze_syntax import cloze_gaps

_CGN = {"NOUN": "N", "VERB": "WW", "ADJ": "ADJ", "ADV": "BW"}


def token_at(article: SourceText, start: int) -> dict:
    return next(t for t in article.tokens if t["start"] == start)


def check_cloze(article: SourceText, question: dict) -> None:
    explain = question["explain"]
    answer = explain["answer"]
    # The answer is found at the stated place, and the item is that sentence with one gap.
    assert article.text[explain["start"] : explain["end"]] == answer
    token = token_at(article, explain["start"])
    assert token["sentence"] + 1 == explain["sentence"]
    (gap,) = cloze_gaps(question["text"])
    assert gap.answers == [answer] and gap.options[0] == answer and len(gap.options) == 4
    sentence = article.sentences[explain["sentence"] - 1]
    filled = question["text"].replace(
        question["text"][question["text"].index("{") : question["text"].index("}") + 1], answer
    )
    assert filled.replace("\\{", "{").replace("\\}", "}") == article.sentence_text(sentence)
    # A content word at or above the level, never a name, number or stop word.
    assert token["pos"] in _CGN and not token["proper_name"]
    assert answer.lower() not in STOP_WORDS and (token["lemma"] or "").lower() not in STOP_WORDS
    lexicon = load_lexicon()
    assert any(r.pos == _CGN[token["pos"]] for r in lexicon.readings(answer))
    in_sentence = {fold(t["text"]) for t in sentence.words}
    for distractor in gap.options[1:]:
        assert distractor != answer
        assert not is_spelling_variant(distractor, answer), (answer, distractor)
        assert not shares_lemma(distractor, answer), (answer, distractor)
        assert not senses_overlap(senses_of(distractor), senses_of(answer)), (answer, distractor)
        assert fold(distractor) not in in_sentence, (answer, distractor)
        # The same part of speech, by the lexicon.
        assert any(r.pos == _CGN[token["pos"]] for r in lexicon.readings(distractor.lower())), (
            answer,
            distractor,
        )
    for a, b in [(a, b) for a in gap.options[1:] for b in gap.options[1:] if a < b]:
        assert not shares_lemma(a, b) and not is_spelling_variant(a, b)


def check_choice(article: SourceText, question: dict) -> None:
    explain = question["explain"]
    assert article.text[explain["start"] : explain["end"]] == explain["word"]
    options = question["options"]
    assert sum(o["correct"] for o in options) == 1
    texts = [fold(o["text"]) for o in options]
    assert len(set(texts)) == len(texts)
    right = next(o["text"] for o in options if o["correct"])
    assert right == explain["answer"]
    if question["kind"] == "gender":
        assert [o["text"] for o in options] == ["de", "het"] and not question["shuffle"]
        assert not token_at(article, explain["start"])["proper_name"]
        return
    for option in options:
        if option["correct"]:
            continue
        if explain["direction"] == "word to meaning":
            assert not senses_overlap([option["text"]], [right]), (right, option["text"])
        else:
            assert not shares_lemma(option["text"], right)
            assert not is_spelling_variant(option["text"], right)


def check_order(article: SourceText, question: dict) -> None:
    items = question["items"]
    assert 4 <= len(items) <= 9
    assert len({fold(i) for i in items}) == len(items)  # graded by index: no twins
    sentence = article.sentences[question["explain"]["sentence"] - 1]
    text = tidy_quotes(article.text[sentence.start : sentence.end])
    joined = " ".join(items) + text[-1]  # the full stop is not glued to a word
    assert joined[0].lower() + joined[1:] == text[0].lower() + text[1:]
    assert all(item[-1] not in ".!?" for item in items)


def check_statement(article: SourceText, question: dict) -> None:
    explain = question["explain"]
    sentence = article.sentences[explain["sentence"] - 1]
    full = article.sentence_text(sentence)
    assert question["type"] == "truefalse" and isinstance(question["answer"], bool)
    assert (explain["statement"] == full) is question["answer"]
    assert explain["statement"] in question["prompt"] and full in question["explanation"]
    for mark in '"“”„':
        assert explain["statement"].count(mark) % 2 == 0 or mark in "“”„"


def check_fact(article: SourceText, question: dict) -> None:
    explain = question["explain"]
    assert article.text[explain["start"] : explain["end"]] == explain["answer"]
    options = [o["text"] for o in question["options"]]
    assert len(options) >= 3 and len({o.lower() for o in options}) == len(options)
    sentence = article.sentences[explain["sentence"] - 1]
    assert article.text[sentence.start : sentence.end].count(explain["answer"]) >= 1
    for wrong in options[1:]:
        assert wrong.lower() not in article.sentence_text(sentence).lower().split()


def check_verb(article: SourceText, question: dict) -> None:
    explain = question["explain"]
    (gap,) = cloze_gaps(question["text"])
    assert gap.answers == [explain["answer"]] and not gap.options
    assert f"({explain['lemma']})" in question["text"]
    assert article.text[explain["start"] : explain["end"]] == explain["answer"]


def check_match(article: SourceText, question: dict) -> None:
    pairs = question["pairs"]
    assert len(pairs) == 4
    assert len({fold(right) for _left, right in pairs}) == 4
    assert len({left for left, _right in pairs}) == 4


def check_collocation(article: SourceText, question: dict) -> None:
    from quizapp.generate.collocations import FIXED

    explain = question["explain"]
    (gap,) = cloze_gaps(question["text"])
    assert gap.answers == [explain["answer"]] and len(gap.options) == 4
    assert article.text[explain["start"] : explain["end"]] == explain["answer"]
    first, allowed = FIXED[explain["lemma"]]
    assert explain["answer"].lower() == first
    # No distractor is a preposition the word may take, nor one of place or time.
    for wrong in gap.options[1:]:
        assert wrong.lower() not in allowed and wrong.lower() not in ("in", "op", "bij", "voor")


def check_ending(article: SourceText, question: dict) -> None:
    from quizapp.generate.endings import inflected

    explain = question["explain"]
    (gap,) = cloze_gaps(question["text"])
    assert gap.answers == [explain["answer"]] and len(gap.options) == 2
    assert article.text[explain["start"] : explain["end"]] == explain["answer"]
    right, wrong = gap.options
    # The same adjective, once with -e and once without.
    base = explain["lemma"]
    assert base in (right, wrong) and {right, wrong} - {base} == {inflected(base)}
    token = token_at(article, explain["start"])
    following = next(t for t in article.tokens if t["start"] > token["start"] and t["is_word"])
    assert following["pos"] in ("NOUN", "ADJ")  # before its noun, never predicative


def _one_change(right: str, wrong: str) -> bool:
    """The two differ in one stretch only: one fact changed, the rest word for word."""
    a, b = right.split(), wrong.split()
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head + tail >= min(len(a), len(b)) - 1 and a != b


def check_which(article: SourceText, question: dict) -> None:
    explain = question["explain"]
    sentence = article.sentences[explain["sentence"] - 1]
    full = article.sentence_text(sentence)
    options = question["options"]
    assert question["type"] == "choice" and len(options) == 4 and question["shuffle"]
    (right,) = [o["text"] for o in options if o["correct"]]
    assert right == full == explain["answer"]
    texts = [o["text"] for o in options]
    assert len(set(texts)) == 4
    sentences = {article.sentence_text(s) for s in article.sentences}
    for wrong in texts:
        if wrong == right:
            continue
        # Proved false by the sentence: one fact of it changed, and no sentence says it.
        assert _one_change(right, wrong), (right, wrong)
        assert wrong not in sentences


_AFTER = {"toen", "daarna", "daarop", "vervolgens", "later", "nadien", "uiteindelijk", "slotte"}


def check_events(article: SourceText, question: dict) -> None:
    from quizapp.generate.facts import sentence_facts

    explain = question["explain"]
    items = question["items"]
    numbers = explain["sentences"]
    assert question["type"] == "order" and len(items) == 3 == len(numbers)
    sentences = [article.sentences[n - 1] for n in numbers]
    if all("…" in item for item in items):
        # Dated: the years of the sentences, in the items' order, go up.
        years = []
        for sentence, item in zip(sentences, items, strict=True):
            (year,) = [f for f in sentence_facts(article, sentence) if f.form == "year"]
            full = article.sentence_text(sentence)
            assert item == full.replace(year.text, "…", 1)
            years.append(year.value)
        assert years == sorted(years) and len(set(years)) == 3
        return
    # Told in order: consecutive sentences, each after the first marked as coming after;
    # each item is its sentence without the marker, which would give the order away.
    assert numbers == list(range(numbers[0], numbers[0] + 3))
    for sentence, item in zip(sentences, items, strict=True):
        said = sorted(t["text"].lower() for t in sentence.words)
        shown = sorted(w.strip(".,!?").lower() for w in item.split())
        assert [w for w in said if w not in (*_AFTER, "eerst")] == shown, (said, shown)
    for sentence in sentences[1:]:
        assert {t["text"].lower() for t in sentence.words} & _AFTER


def check_rules(article: SourceText, questions: list[dict]) -> None:
    cloze_lemmas = []
    for question in questions:
        {
            "cloze": check_cloze,
            "vocabulary": check_choice,
            "gender": check_choice,
            "statements": check_statement,
            "facts": check_fact,
            "verbs": check_verb,
            "match": check_match,
            "collocations": check_collocation,
            "endings": check_ending,
            "which": check_which,
            "events": check_events,
        }.get(question["kind"], check_order)(article, question)
        assert question["line"] is None and question["points"] == 1.0
        if question["kind"] == "cloze":
            cloze_lemmas.append(fold(question["explain"]["lemma"]))
    assert len(cloze_lemmas) == len(set(cloze_lemmas)), "two gaps on one lemma"
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() and i.startswith("gen-") for i in ids)

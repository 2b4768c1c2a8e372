from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.language import analyse_text
from quizapp.language.tokenize import tokenize


def _compact(text: str) -> str:
    return "/".join(span.text for span in tokenize(text))


def test_compounds_numbers_quotes_and_punctuation():
    assert _compact('De NAVO-bondgenoten zijn bereid tot "ingrijpende maatregelen".') == (
        'De/NAVO-bondgenoten/zijn/bereid/tot/"/ingrijpende/maatregelen/"/.'
    )
    assert _compact("Nord Stream 2 en ransomware-aanvallen, 3,5 procent.") == (
        "Nord/Stream/2/en/ransomware-aanvallen/,/3,5/procent/."
    )
    assert _compact("de auto's van 'rode lijnen'") == "de/auto's/van/'/rode/lijnen/'"


def test_sentences_paragraphs_and_headings():
    text = '## Gaskraan dicht\n\nHij zei: "Goed." Zij ging weg.\n\nNieuwe alinea.'
    spans = tokenize(text)
    assert spans[0].text == "Gaskraan" and text[: spans[0].start] == "## "
    assert [(s.text, s.sentence, s.paragraph) for s in spans if s.is_word] == [
        ("Gaskraan", 0, 0),
        ("dicht", 0, 0),
        ("Hij", 1, 1),
        ("zei", 1, 1),
        ("Goed", 1, 1),
        ("Zij", 2, 1),
        ("ging", 2, 1),
        ("weg", 2, 1),
        ("Nieuwe", 3, 2),
        ("alinea", 3, 2),
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeiAZ ĳïë-'.,\"\n!?09#")), max_size=80))
def test_offsets_rebuild_the_text(text):
    tokens = analyse_text(text).tokens
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:], strict=False))
    covered = "".join(text[t.start : t.end] for t in tokens)
    assert covered == "".join(ch for ch in text if not ch.isspace() and ch != "#") or "#" in text

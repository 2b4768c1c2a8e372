import json

from click.testing import CliRunner

from quizapp.language import analyse_text
from quizapp.language.cli import analyze

GLOSSARY = {
    "ingrijpende maatregelen": "far-reaching measures",
    "de gaskraan dichtdraaien": {"gloss": "to turn off the gas tap", "note": "figuurlijk"},
    "ambtgenoot": "counterpart",
}
TOKEN_KEYS = [
    "text", "start", "end", "is_word", "sentence", "paragraph", "lemma", "pos", "gender",
    "number", "tense", "level", "zipf", "syllables", "hyphenated", "ipa", "proper_name",
    "gloss", "gloss_source", "gloss_note", "phrase", "tag", "own_glosses",
    "meaning", "senses", "guess", "unit",
]  # fmt: skip


def _glossed(text: str) -> str:
    """Compact view: word(gloss source)/..., as LUTE's feature tests read."""
    tokens = analyse_text(text, GLOSSARY).tokens
    return "/".join(f"{t.text}({t.gloss_source})" for t in tokens if t.is_word)


def test_glossary_wins_and_marks_every_word_of_a_phrase():
    analysis = analyse_text('Zij nemen "ingrijpende maatregelen" tegen hun ambtgenoot.', GLOSSARY)
    phrase = [t for t in analysis.tokens if t.phrase]
    assert [t.text for t in phrase] == ["ingrijpende", "maatregelen"]
    assert all(t.gloss == ["far-reaching measures"] for t in phrase)
    assert phrase[0].phrase == "ingrijpende maatregelen"
    assert _glossed("Hun ambtgenoot.") == "Hun(lexicon)/ambtgenoot(glossary)"


def test_glossary_phrase_matches_inflected_forms():
    analysis = analyse_text("Zij draaiden gisteren de gaskraan dicht.", {"gaskraan dicht": "off"})
    assert [t.text for t in analysis.tokens if t.phrase] == ["gaskraan", "dicht"]
    note = analyse_text("Ze willen de gaskraan dichtdraaien.", GLOSSARY).tokens
    assert {t.gloss_note for t in note if t.phrase} == {"figuurlijk"}
    plural = analyse_text("Een ingrijpende maatregel.", GLOSSARY).tokens
    assert [t.text for t in plural if t.phrase] == ["ingrijpende", "maatregel"]


def test_json_shape(seed_analysis):
    data = seed_analysis.to_json()
    assert list(data) == ["stats", "lexicon_version", "tokens"]
    assert set(data["stats"]) == {"words", "sentences", "douma", "brouwer", "level", "unglossed"}
    assert list(data["tokens"][0]) == TOKEN_KEYS
    json.dumps(data)


def test_readability_of_the_seed_article(seed_analysis):
    stats = seed_analysis.stats
    assert 40 <= stats["douma"] <= 65  # the design notes measured about 54
    assert 30 <= stats["brouwer"] <= 55  # and about 43
    assert stats["level"] in {"B1", "B2"}


def test_cli_reads_a_pack(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("text: Zij nemen ingrijpende maatregelen.\nglossary:\n  ambtgenoot: x\n")
    result = CliRunner().invoke(analyze, [str(pack), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["stats"]["words"] == 4
    table = CliRunner().invoke(analyze, [str(pack)])
    assert "maatregelen" in table.output and "level" in table.output

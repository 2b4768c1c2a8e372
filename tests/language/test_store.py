"""Analysis at import: stored once, refreshed only when the text or the lexicon changes."""

from dataclasses import replace

from quizapp.db import write_session
from quizapp.language.store import ImportAnalyser, pipeline_for_import
from quizapp.library.importer import import_pack
from quizapp.models import ArticleAnalysis
from quizapp.packs import load_pack
from tests.conftest import SEED_PACK, rows


class CountingAnalyser(ImportAnalyser):
    def __init__(self, lexicon_version=None):
        super().__init__(lexicon_version)
        self.calls = 0

    def __call__(self, text, glossary):
        self.calls += 1
        return super().__call__(text, glossary)


def _import(app, pack, analyser):
    with write_session(app) as session:
        return import_pack(session, pack, analyser)


def test_the_adapter_gives_json_ready_stats_and_tokens():
    stats, tokens = pipeline_for_import()("Het videogesprek duurde twee uur.", {})
    assert stats["words"] == 5 and stats["sentences"] == 1
    gesprek = tokens[1]
    assert (gesprek["text"], gesprek["lemma"], gesprek["gender"]) == (
        "videogesprek",
        "videogesprek",
        "het",
    )
    assert isinstance(gesprek["gloss"], list) and gesprek["gloss"]


def test_reimport_analyses_only_when_text_glossary_or_lexicon_change(app):
    pack, _ = load_pack(SEED_PACK)
    analyser = CountingAnalyser()
    assert _import(app, pack, analyser).analysed
    stored = rows(app, ArticleAnalysis)[0]
    assert stored.lexicon_version == analyser.lexicon_version
    assert any(t["text"] == "videogesprek" and t["gloss"] for t in stored.tokens)
    assert stored.stats["words"] > 400

    report = _import(app, pack, analyser)
    assert not report.analysed and analyser.calls == 1

    edited = replace(pack, text=pack.text + "\nEen nieuwe zin.\n", content_hash="edited")
    assert _import(app, edited, analyser).analysed and analyser.calls == 2
    assert rows(app, ArticleAnalysis)[0].stats["words"] == stored.stats["words"] + 3

    glossary = dict(edited.glossary) | {"zin": {"gloss": "sentence", "note": None}}
    reglossed = replace(edited, glossary=glossary, content_hash="reglossed")
    assert _import(app, reglossed, analyser).analysed and analyser.calls == 3

    newer = CountingAnalyser(lexicon_version=analyser.lexicon_version + "-next")
    assert _import(app, reglossed, newer).analysed and newer.calls == 1
    assert rows(app, ArticleAnalysis)[0].lexicon_version == newer.lexicon_version
    assert len(rows(app, ArticleAnalysis)) == 1

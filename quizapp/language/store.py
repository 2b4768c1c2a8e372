"""The pipeline as the pack importer uses it: analyse once at import, store plain JSON.

The importer re-analyses when the text, the glossary or `lexicon_version` changes. The
version names the lexicon *and* this pipeline, so a release that changes what the analysis
computes refreshes every stored article on the next import.
"""

from __future__ import annotations

from typing import Any

from .analyse import analyse_text
from .lexicon import load_lexicon
from .token import token_dict

# Raise when the stored tokens' content or shape changes; speed-ups alone need no bump.
PIPELINE_VERSION = 8


class ImportAnalyser:
    """Callable `(text, glossary) -> (stats, tokens)` with a `lexicon_version` attribute."""

    def __init__(self, lexicon_version: str | None = None) -> None:
        self.lexicon_version = lexicon_version or (f"{load_lexicon().version}.p{PIPELINE_VERSION}")

    def __call__(
        self, text: str, glossary: dict[str, Any]
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        analysis = analyse_text(text, glossary or None)
        return analysis.stats, [token_dict(token) for token in analysis.tokens]


def pipeline_for_import() -> ImportAnalyser:
    return ImportAnalyser()

"""Universal Dependencies treebanks in CoNLL-U: the gold data the tagger learns from and is
measured on (../shared/data/ud-dutch: Alpino and LassySmall, CC BY-SA 4.0)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple


class GoldToken(NamedTuple):
    form: str
    lemma: str
    upos: str
    xpos: str  # the CGN tag, features joined by "|": N|soort|ev|basis|onz|stan
    space_after: bool
    deprel: str = ""  # the relation to its head: compound:prt marks a separable particle

    @property
    def main_tag(self) -> str:
        return self.xpos.partition("|")[0]


class GoldSentence(NamedTuple):
    sent_id: str
    text: str
    tokens: tuple[GoldToken, ...]


def read_conllu(path: Path) -> Iterator[GoldSentence]:
    """Sentences in file order; multi-word token lines (1-2) and empty nodes (1.1) skipped."""
    sent_id, text, tokens = "", "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line[len("# sent_id = ") :]
        elif line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif not line.strip():
            if tokens:
                yield GoldSentence(sent_id, text, tuple(tokens))
            sent_id, text, tokens = "", "", []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            tokens.append(
                GoldToken(
                    cols[1], cols[2], cols[3], cols[4], "SpaceAfter=No" not in cols[9], cols[7]
                )
            )
    if tokens:
        yield GoldSentence(sent_id, text, tuple(tokens))

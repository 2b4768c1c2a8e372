"""`quizapp analyze FILE`: run the Dutch pipeline on a text or a YAML pack and show the result."""

from __future__ import annotations

import json
from pathlib import Path

import click
import yaml

from .analyse import Analysis, analyse_text
from .token import GUESSED_SOURCES


def _read_input(path: Path) -> tuple[str, dict | None]:
    """A pack (YAML mapping with `text:`) gives its text and glossary; anything else is text."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix.lower() in {".yaml", ".yml"}:
        data = yaml.safe_load(raw)
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise click.UsageError(f"{path}: a pack must be a mapping with a `text:` field")
        return data["text"], data.get("glossary") or None
    return raw, None


def _table(analysis: Analysis) -> str:
    rows = [("token", "lemma", "pos", "gender", "level", "syl", "gloss")]
    for token in analysis.tokens:
        if not token.is_word:
            continue
        gloss = "; ".join(token.gloss)
        if token.gloss_source in GUESSED_SOURCES:
            gloss = f"~ {gloss}"  # a guess from a compound's parts or the spelling
        elif token.proper_name:
            gloss = "(name)"
        rows.append(
            (
                token.text,
                token.lemma or "",
                token.pos or "",
                token.gender or "",
                token.level or "",
                str(token.syllables),
                gloss[:60],
            )
        )
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]) - 1)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1]
        for row in rows
    ]
    stats = analysis.stats
    lines.append("")
    lines.append(
        f"words {stats['words']}  sentences {stats['sentences']}  Douma {stats['douma']}"
        f"  Brouwer {stats['brouwer']}  level {stats['level']}"
    )
    lines.append("unglossed: " + (", ".join(stats["unglossed"]) or "none"))
    return "\n".join(lines)


@click.command("analyze")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def analyze(file: Path, as_json: bool) -> None:
    """Analyse FILE (plain UTF-8 text, or a YAML pack with text: and glossary:)."""
    text, glossary = _read_input(file)
    analysis = analyse_text(text, glossary)
    if as_json:
        click.echo(json.dumps(analysis.to_json(), ensure_ascii=False))
    else:
        click.echo(_table(analysis))

"""`quizapp generate PACK`: preview a pack's generated questions as pack YAML or JSON.
`quizapp new TEXT_FILE`: start a pack from a plain text.

Neither needs the database: both work from the pack or text file and the Dutch pipeline.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click
import yaml

from quizapp.language.token import GUESSED_SOURCES
from quizapp.levels import LEVELS
from quizapp.packs.cli import check
from quizapp.packs.gift import questions_to_yaml
from quizapp.packs.loader import load_pack, load_pack_bytes, pack_files

from . import KINDS, GenerateOptions, candidates, generate_questions
from .source import SourceText, slug

# A third or more about what the text says; the rest about its words.
DEFAULT_COUNTS = {
    "statements": 7,
    "facts": 4,
    "which": 2,
    "events": 1,
    "cloze": 4,
    "verbs": 3,
    "collocations": 2,
    "endings": 2,
    "vocabulary": 2,
    "gender": 3,
    "order": 2,
}
# Kinds made only when a pack asks for them, with the count `--kind` uses. A matching item
# shows its words without their sentences, so a dictionary meaning the text does not have
# (klachten: symptoms, not complaints; zonder recept: a prescription, not a recipe) cannot
# be told from the right one: on the judged texts one pair in three was wrong.
ON_REQUEST_COUNTS = {"match": 1}
KIND_COUNTS = {**DEFAULT_COUNTS, **ON_REQUEST_COUNTS}


def _analyse(text: str, glossary: dict | None):
    from quizapp.language import analyse_text

    return analyse_text(text, glossary or None)


@click.command("generate")
@click.argument("pack_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--kind", type=click.Choice(KINDS), help="Only this kind of question.")
@click.option("--count", type=click.IntRange(min=1), help="How many of each kind.")
@click.option("--level", type=click.Choice(LEVELS), help="Target level (default: the pack's).")
@click.option("--seed", help="Another seed gives other distractors (default: the pack id).")
@click.option("--json", "as_json", is_flag=True, help="JSON with `kind` and `explain`.")
@click.option(
    "--review",
    is_flag=True,
    help="A review sheet: each item with its sentence, key, distractors and why.",
)
def generate_command(
    pack_path: str,
    kind: str | None,
    count: int | None,
    level: str | None,
    seed: str | None,
    as_json: bool,
    review: bool,
) -> None:
    """Print the questions the app makes from a pack's text, as YAML to paste into the
    pack's `questions:` (and edit), or as JSON. Without options: what the pack's
    `generate:` block asks for, or 8 cloze, 8 vocabulary, 5 gender and 3 order."""
    pack, problems = load_pack(pack_path)
    if pack is None:
        for problem in problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    asked = {k: v for k, v in pack.generate.items() if k in KINDS and v}
    counts = dict(asked or DEFAULT_COUNTS)
    if kind is not None:
        counts = {kind: counts.get(kind) or KIND_COUNTS[kind]}
    if count is not None:
        counts = dict.fromkeys(counts, count)
    analysis = _analyse(pack.text, pack.glossary)
    options = GenerateOptions(
        counts=counts,
        level=level or pack.generate.get("level") or pack.level or analysis.stats["level"],
        seed=pack.id if seed is None else seed,
        exclude=tuple(pack.generate.get("exclude") or ()),
        typed=bool(pack.generate.get("typed")),
    )
    authored = {str(q["id"]) for q in pack.questions}
    questions = [
        q for q in generate_questions(pack.text, analysis, options) if q["id"] not in authored
    ]
    if as_json:
        click.echo(json.dumps(questions, ensure_ascii=False, indent=2))
        return
    if review:
        click.echo(review_sheet(questions, pack.text, analysis), nl=False)
        return
    made = ", ".join(f"{sum(q['kind'] == k for q in questions)} {k}" for k in counts)
    click.echo(f"  # Generated from {Path(pack_path).name} at level {options.level}: {made}.")
    click.echo("  # Paste under `questions:`; once there, they are yours to edit.")
    click.echo(questions_to_yaml(questions, indent=2), nl=False)


def review_sheet(questions: list[dict], text: str, analysis) -> str:
    """Every item as a teacher reviews it: id (for `exclude:`), kind, what is asked, the key,
    each distractor with why it was chosen, and the sentence of the text that proves it."""
    source = SourceText.of(text, analysis)
    out = []
    for question in questions:
        explain = question["explain"]
        number = explain.get("sentence")
        proof = source.sentence_text(source.sentences[number - 1]) if number else ""
        asked = question.get("text") or question["prompt"]
        if question["type"] == "order":
            asked = question["prompt"] + " " + " / ".join(question["items"])
        elif question["type"] == "match":
            asked = question["prompt"] + " " + "; ".join(f"{a} = {b}" for a, b in question["pairs"])
        out += [
            f"{question['id']}  [{question['kind']}, {question['type']}]",
            f"  asks:      {asked}",
            f"  key:       {explain.get('answer')}",
        ]
        if explain.get("why"):
            out.append(f"  why:       {explain['why']}")
        for distractor in explain.get("distractors") or ():
            out.append(f"  wrong:     {distractor['text']}  ({distractor['why']})")
        out += [f"  proof:     sentence {number}: {proof}", ""]
    return "\n".join(out)


def exclude_warnings(path: str) -> list[str]:
    """FILE:LINE:COL warnings for `exclude:` ids that match no item the pack's text can give
    (a typo would otherwise leave the item in the quiz without a word)."""
    pack, _problems = load_pack(path)
    excluded = [str(i) for i in (pack.generate.get("exclude") or ())] if pack else []
    if not excluded:
        return []
    analysis = _analyse(pack.text, pack.glossary)
    level = pack.generate.get("level") or pack.level or analysis.stats["level"]
    known = {q["id"] for kind in KINDS for q in candidates(pack.text, analysis, kind, level)}
    positions = _exclude_positions(Path(path).read_text(encoding="utf-8-sig"))
    return [
        f"{path}:{line}:{column}: warning: `exclude` names `{item}`, which matches no "
        "generated question of this text (a typo?); see `quizapp generate --review`"
        for item, (line, column) in zip(excluded, positions, strict=False)
        if item not in known
    ]


def _exclude_positions(text: str) -> list[tuple[int, int]]:
    """(line, column), 1-based, of each `generate: exclude:` entry in the pack file."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for key, value in getattr(root, "value", []):
        if getattr(key, "value", None) != "generate" or not isinstance(value, yaml.MappingNode):
            continue
        for inner_key, inner in value.value:
            if inner_key.value == "exclude" and isinstance(inner, yaml.SequenceNode):
                return [(n.start_mark.line + 1, n.start_mark.column + 1) for n in inner.value]
    return []


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.pass_context
def check_command(context: click.Context, paths: tuple[str, ...]) -> None:
    """Check packs (files or folders; default questions/) without touching the database;
    also warn (without failing) about `exclude:` ids that match no generated question."""
    files, _problems = pack_files(list(paths) or ["questions/"])
    for path in files:
        for warning in exclude_warnings(str(path)):
            click.echo(warning)
    context.invoke(check, paths=paths)


# --------------------------------------------------------------------------- new pack

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_EXAMPLES = """\
# Hand-written questions come first in the quiz. Remove the # in front of the lines
# of an example (and of `questions:`) to use it; `quizapp check` tells what is wrong.
# questions:
#   - id: hoofdpunt
#     type: choice
#     prompt: Waar gaat de tekst vooral over?
#     options:
#       - text: het goede antwoord
#         correct: true
#         feedback: Ja, dat staat in de eerste alinea.
#       - een fout antwoord
#       - nog een fout antwoord
#   - id: onderwerpen
#     type: multi
#     prompt: Welke onderwerpen noemt de tekst? Kies alle goede antwoorden.
#     options:
#       - text: een onderwerp uit de tekst
#         correct: true
#       - text: nog een onderwerp uit de tekst
#         correct: true
#       - een onderwerp dat niet in de tekst staat
#   - id: waar-of-niet
#     type: truefalse
#     prompt: Een bewering over de tekst.
#     answer: true
#   - id: kort-antwoord
#     type: short
#     prompt: Een vraag met een kort antwoord.
#     answers: [antwoord, ander goed antwoord]
#     typos: 1
#   - id: invullen
#     type: cloze
#     prompt: Vul de woorden uit de tekst in.
#     text: "Een zin met een {getypt} woord en een {=keuze ~fout ~ook fout}."
#   - id: verbinden
#     type: match
#     prompt: Verbind de woorden met hun betekenis.
#     pairs:
#       woord: betekenis
#       ander woord: andere betekenis
#   - id: volgorde
#     type: order
#     prompt: Zet de gebeurtenissen in de goede volgorde.
#     items: [eerst dit, dan dat, daarna het laatste]
"""


def _quoted(value: str) -> str:
    """A YAML scalar that reads back as exactly `value` (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _title_and_text(raw: str, title: str | None, path: Path) -> tuple[str, str]:
    text = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n")).strip()
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    # A first line without a full stop, followed by a blank line, is the text's title.
    looks_like_title = (
        len(lines) > 2
        and not lines[1].strip()
        and 0 < len(first) <= 120
        and first[-1] not in ".!?:"
    )
    if title is None and looks_like_title:
        return first, "\n".join(lines[2:]).strip()
    return title or path.stem.replace("-", " ").replace("_", " ").strip().capitalize(), text


def glossary_suggestions(analysis) -> list[tuple[str, str]]:
    """(word, suggested gloss or "") for words without a sure gloss, in text order."""
    seen: set[str] = set()
    found = []
    for token in analysis.tokens:
        if not token.is_word or token.proper_name or token.pos in ("NUM", "PUNCT"):
            continue
        if token.gloss and token.gloss_source not in GUESSED_SOURCES:
            continue
        key = (token.lemma or token.text).lower()
        if key in seen:
            continue
        seen.add(key)
        found.append((key, token.gloss[0] if token.gloss else ""))
    return found


def new_pack_text(raw: str, path: Path, title: str | None = None, level: str | None = None) -> str:
    title, text = _title_and_text(raw, title, path)
    analysis = _analyse(text, None)
    level = level or analysis.stats["level"]
    pack_id = slug(title)[:60].strip("-") or "nieuwe-tekst"
    body = "\n".join(("  " + line) if line.strip() else "" for line in text.split("\n"))
    out = [
        "format: 1",
        f"id: {pack_id}                 # stable: learners' scores hang on it",
        f"title: {_quoted(title)}",
        "# source:                     # where the text comes from (publisher, URL, licence)",
        "# published:                  # the date it was published, as YYYY-MM-DD",
        f"level: {level}                      # estimated from the text; change if you disagree",
        "tags: []",
        "text: |",
        body,
        "",
    ]
    suggestions = glossary_suggestions(analysis)
    if suggestions:
        out += [
            "# Words the app could not explain, or only guessed (from the parts of a compound).",
            "# Remove the # in front of `glossary:` and of each entry you keep, and write",
            "# the English meaning (a note for learners can follow: see docs/authoring.md).",
            "# glossary:",
        ]
        for word, guess in suggestions:
            gloss = f"{guess}   # a guess: check it" if guess else "TODO"
            out.append(f"#   {_quoted(word) if ':' in word else word}: {gloss}")
        out.append("")
    out += [
        "# Questions the app makes from the text; preview them with `quizapp generate`.",
        "generate:",
        *(f"  {kind}: {count}" for kind, count in DEFAULT_COUNTS.items()),
        *(f"  # {kind}: {count}" for kind, count in ON_REQUEST_COUNTS.items()),
        f"  level: {level}",
        "  exclude: []                  # ids of generated questions to leave out",
        "",
        _EXAMPLES,
    ]
    return "\n".join(out)


@click.command("new")
@click.argument("text_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", help="The title (default: the text's first line, if it is one).")
@click.option("--level", type=click.Choice(LEVELS), help="The level (default: estimated).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the pack here (default: print it).",
)
def new_command(text_file: Path, title: str | None, level: str | None, output: Path | None) -> None:
    """Start a pack from a plain text: metadata, suggested glossary entries, a
    `generate:` block and an example of every question type, ready for `quizapp import`."""
    try:
        raw = text_file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{text_file} is not UTF-8 text") from error
    if not raw.strip():
        raise click.ClickException(f"{text_file} is empty")
    pack_text = new_pack_text(raw, text_file, title, level)
    name = str(output or text_file)
    _pack, problems = load_pack_bytes(pack_text.encode("utf-8"), name)
    if problems:  # a bug, not the teacher's fault; never write a pack that does not load
        for problem in problems:
            click.echo(str(problem), err=True)
        raise click.ClickException("the pack could not be made valid; nothing written")
    if output is None:
        click.echo(pack_text, nl=False)
        return
    if output.exists():
        raise click.ClickException(f"{output} already exists; choose another name")
    output.write_text(pack_text, encoding="utf-8")
    click.echo(f"Wrote {output}. Check it with `quizapp check {output}`.", err=True)

"""Command-line tools for teachers: `check` packs, and `gift` import/export for Moodle.

The lead's `quizapp/cli.py` registers these commands; nothing here needs the app or the DB.
"""

from __future__ import annotations

import re
import sys

import click

from .gift import UniqueIds, gift_to_questions, questions_to_gift, questions_to_yaml
from .loader import check_paths_counted, load_pack, load_pack_bytes
from .yamlsafe import decode_utf8


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
def check(paths: tuple[str, ...]) -> None:
    """Check packs (files or folders; default questions/) without touching the database."""
    problems, pack_count = check_paths_counted(list(paths) or ["questions/"])
    for problem in problems:
        click.echo(str(problem))
    if not problems:
        click.echo(f"{_plural(pack_count, 'pack')} checked, all fine")
        return
    files_with_problems = len({problem.path for problem in problems})
    click.echo(
        f"{_plural(len(problems), 'problem')} in {files_with_problems} of "
        f"{_plural(pack_count, 'pack')}"
    )
    sys.exit(1)


@click.group("gift")
def gift() -> None:
    """Bring Moodle GIFT questions in, and take pack questions out."""


@gift.command("import")
@click.argument("gift_file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--into",
    "pack_path",
    type=click.Path(exists=True, dir_okay=False),
    help="Append the questions to this pack's `questions:` instead of printing them.",
)
def gift_import(gift_file: str, pack_path: str | None) -> None:
    """Turn a .gift file into pack questions (printed as YAML, or appended with --into)."""
    questions, notes = gift_to_questions(_read_text(gift_file))
    original = _read_text(pack_path) if pack_path is not None else ""
    if pack_path is not None:
        existing, _problems = load_pack(pack_path)
        taken = {str(q["id"]) for q in existing.questions} if existing else _ids_in(original)
        questions = _renamed_apart(questions, taken)
    for note in notes:
        click.echo(f"{gift_file}:{note}", err=True)
    if pack_path is None:
        click.echo(questions_to_yaml(questions, indent=0), nl=False)
        return
    if not questions:
        click.echo(f"nothing to add to {pack_path}", err=True)
        sys.exit(1)
    updated = append_questions(original, questions)
    pack, problems = load_pack_bytes(updated.encode("utf-8"), pack_path)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"{pack_path} left unchanged: the result would not be a valid pack", err=True)
        sys.exit(1)
    with open(pack_path, "w", encoding="utf-8", newline="") as handle:
        handle.write(updated)
    click.echo(f"added {_plural(len(questions), 'question')} to {pack_path}", err=True)


@gift.command("export")
@click.argument("pack_path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
def gift_export(pack_path: str, output: str | None) -> None:
    """Write a pack's questions as GIFT that Moodle can import."""
    pack, problems = load_pack(pack_path)
    if pack is None:
        for problem in problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    text, notes = questions_to_gift(pack.questions)
    for note in notes:
        click.echo(f"{pack_path}:{note}", err=True)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:
            click.echo(f"{output}: cannot write this file: {error.strerror}", err=True)
            sys.exit(1)


def _read_text(path: str) -> str:
    """A file as text, or exit with FILE:LINE:COLUMN when it cannot be read as UTF-8."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        click.echo(f"{path}:1:1: cannot read this file: {error.strerror}", err=True)
        sys.exit(1)
    text, problem = decode_utf8(data, path)
    if text is None:
        click.echo(str(problem), err=True)
        sys.exit(1)
    return text.removeprefix("\ufeff")


# Question ids of a pack that does not load cleanly, read as plainly as possible. No two
# quantifiers in a row may take the same characters: that made long lines of spaces slow.
_ID_LINE = re.compile(r"(?m)^[ \t]*(?:-[ \t]*)?id:[ \t]*['\"]?([^'\"\s#]+)")


def _ids_in(pack_text: str) -> set[str]:
    return set(_ID_LINE.findall(pack_text))


def _renamed_apart(questions: list[dict], taken: set[str]) -> list[dict]:
    ids = UniqueIds(taken)
    return [{**question, "id": ids.take(str(question["id"]))} for question in questions]


_QUESTIONS_KEY = re.compile(r"(?m)^questions:[ \t]*(?:\[\s*\][ \t]*)?(?:#.*)?$")
_TOP_LEVEL_LINE = re.compile(r"^[^\s#-]")


def append_questions(pack_text: str, questions: list[dict]) -> str:
    """The pack text with the questions added at the end of `questions:`, comments intact."""
    found = _QUESTIONS_KEY.search(pack_text)
    if found is None:
        tail = "" if pack_text.endswith("\n") or not pack_text else "\n"
        return pack_text + tail + "\nquestions:\n" + questions_to_yaml(questions, indent=2)
    lines = pack_text[found.end() :].split("\n")
    # `questions: []` becomes a block list; a comment on the key line stays.
    key_line = re.sub(r"\[\s*\]", "", found.group(0), count=1).rstrip()
    head = pack_text[: found.start()] + key_line
    # The block ends at the next top-level key; trailing blank and comment lines stay after it.
    end = len(lines)
    for index, line in enumerate(lines[1:], start=1):
        if _TOP_LEVEL_LINE.match(line):
            end = index
            break
    block, rest = lines[:end], lines[end:]
    while len(block) > 1 and (not block[-1].strip() or block[-1].lstrip().startswith("#")):
        rest.insert(0, block.pop())
    items = [line for line in block[1:] if line.lstrip().startswith("- ")]
    indent = len(items[0]) - len(items[0].lstrip()) if items else 2
    new_items = questions_to_yaml(questions, indent=indent)
    separator = "\n" if items else ""
    joined_block = "\n".join(block)
    body = joined_block + "\n" + separator + new_items.rstrip("\n")
    return head + body + ("\n" + "\n".join(rest) if rest else "\n")

"""Reading a teacher's YAML file without trusting it.

The file is refused before anything is built from it when it is too big, uses anchors or
aliases (the "billion laughs" expansion), nests too deeply or carries unusual tags. Those
checks run on PyYAML's event stream, which never expands aliases and costs time linear in
the file size. Only then is the node tree composed: nodes keep their line and column, so
every later rule can point at the exact key or value it is about.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    NodeEvent,
    ScalarEvent,
)

from quizapp.translatable import N_, Message

from .model import Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 20

# Explicit tags a teacher may write (e.g. `!!str 2021` to keep a year as text); anything
# else (`!!python/object`, custom `!tags`) has no meaning in a pack.
_ALLOWED_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
}


@dataclass(frozen=True)
class YamlDocument:
    data: bytes
    text: str
    root: yaml.Node | None

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


# A lone surrogate (half of a UTF-16 pair) cannot be encoded, so it breaks every page and
# database write it reaches; PostgreSQL cannot store NUL. YAML lets both in only through a
# double-quoted escape, so that is where they are looked for and pointed at.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)


def read_yaml_file(path: str) -> tuple[YamlDocument | None, list[Problem]]:
    """The composed node tree of one file, or the reasons it was refused."""
    try:
        size = os.path.getsize(path)
    except OSError as error:
        return None, [
            Problem(
                path,
                1,
                1,
                Message(N_("cannot read this file: %(reason)s"), {"reason": error.strerror}),
            )
        ]
    if size > MAX_BYTES:
        return None, [
            Problem(
                path,
                1,
                1,
                f"this file is {size / MAX_BYTES:.1f} MB; a pack may be at most 1 MB, "
                "so split the article or shorten it",
            )
        ]
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return None, [
            Problem(
                path,
                1,
                1,
                Message(N_("cannot read this file: %(reason)s"), {"reason": error.strerror}),
            )
        ]
    if len(data) > MAX_BYTES:  # grew between the size check and the read
        return None, [
            Problem(
                path, 1, 1, Message(N_("this file is larger than 1 MB; a pack may be at most 1 MB"))
            )
        ]
    return parse_yaml_bytes(data, path)


def decode_utf8(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """A teacher's file as text, or where its first byte that is not UTF-8 is."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = "this file is not UTF-8 text; save it with UTF-8 encoding"
        return None, Problem(path, line, column, message)


def parse_yaml_bytes(data: bytes, path: str) -> tuple[YamlDocument | None, list[Problem]]:
    text, problem = decode_utf8(data, path)
    if text is None:
        return None, [problem]
    refusal = _scan_events(text, path)
    if refusal:
        return None, [refusal]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:  # the event scan already parsed it; this is belt and braces
        return None, [_syntax_problem(error, text, path)]
    return YamlDocument(data=data, text=text, root=root), []


def _scan_events(text: str, path: str) -> Problem | None:
    """The first reason to refuse the file, found without building anything."""
    depth = 0
    documents = 0
    loader = yaml.SafeLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            mark = event.start_mark
            if isinstance(event, AliasEvent):
                return _at(
                    path,
                    mark,
                    f"`*{event.anchor}` is a YAML alias; aliases and anchors are not allowed "
                    "in a pack: write the text out in full",
                )
            if isinstance(event, NodeEvent) and event.anchor is not None:
                return _at(
                    path,
                    mark,
                    f"`&{event.anchor}` is a YAML anchor; anchors and aliases are not allowed "
                    "in a pack: write the text out in full",
                )
            if isinstance(event, ScalarEvent) and _UNSTORABLE.search(event.value):
                return _unstorable(text, path, event)
            tag = getattr(event, "tag", None)
            if isinstance(event, NodeEvent) and tag not in (None, "!") and tag not in _ALLOWED_TAGS:
                return _at(path, mark, f"the YAML tag `{tag}` is not allowed in a pack; remove it")
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return _at(
                        path,
                        mark,
                        f"the file nests lists and mappings more than {MAX_DEPTH} levels deep; "
                        "a pack never needs that many",
                    )
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    return _at(
                        path,
                        mark,
                        "a second YAML document (`---`) in the file; write one pack per file",
                    )
    except yaml.YAMLError as error:
        return _syntax_problem(error, text, path)
    except (ValueError, OverflowError):
        # PyYAML turns `\UFFFFFFFF` into chr(...) unchecked; the scanner stands on its digits.
        at = loader.get_mark()
        written = text[at.index - 2 : at.index + 8]
        return Problem(
            path,
            at.line + 1,
            at.column - 1,
            f"`{written}` is not a character (Unicode ends at `\\U0010FFFF`); write the "
            "character itself",
        )
    finally:
        loader.dispose()
    return None


def _unstorable(text: str, path: str, event: ScalarEvent) -> Problem:
    """Where the escape that made an unstorable character is, and what to write instead."""
    start, end = event.start_mark.index, event.end_mark.index
    for escape in _ESCAPE.finditer(text, start, end):
        written = escape.group(0)
        code = written[2:] if written[1] in "xuU" else None
        if code is None and written != "\\0":
            continue
        if code is not None and not _UNSTORABLE.match(chr(min(int(code, 16), 0x10FFFF))):
            continue
        before = text[: escape.start()]
        line = before.count("\n") + 1
        column = escape.start() - (before.rfind("\n") + 1) + 1
        if written == "\\0" or int(code, 16) == 0:
            message = f"`{written}` is a NUL character, which cannot be stored; remove it"
        else:
            message = (
                f"`{written}` is half of a UTF-16 surrogate pair, not a character; write the "
                "character itself (e.g. 😀) or as `\\U0001F600`"
            )
        return Problem(path, line, column, message)
    return _at(path, event.start_mark, "a character that cannot be stored (NUL or a surrogate)")


def _at(path: str, mark: yaml.Mark, message: str) -> Problem:
    return Problem(path, mark.line + 1, mark.column + 1, message)


# PyYAML's wording, translated into what a teacher should do about it.
_SYNTAX_HINTS = (
    ("cannot start any token", "\\t", "a tab character; indent with spaces, never tabs"),
    (
        "mapping values are not allowed here",
        "",
        "a colon followed by a space inside a value; put the whole value in quotes "
        '(e.g. prompt: "Wie zei: goed om je te zien?")',
    ),
    (
        "could not find expected ':'",
        "",
        "a line that is neither `key: value` nor a list item; check the colon and the indentation",
    ),
    ("did not find expected key", "", "the indentation does not line up with the lines above"),
    ("expected <block end>", "", "the indentation does not line up with the lines above"),
    (
        "did not find expected '-' indicator",
        "",
        "a list item that does not line up with the others",
    ),
    ("found unexpected end of stream", "", "a quote that is opened but never closed"),
    ("expected ',' or ']'", "", "a list in [ ] that is not closed, or lacks a comma"),
    ("expected ',' or '}'", "", "a mapping in { } that is not closed, or lacks a comma"),
    (
        "found character '@' that cannot start any token",
        "",
        "a value cannot start with @ or `; put it in quotes",
    ),
)


def _syntax_problem(error: yaml.YAMLError, text: str, path: str) -> Problem:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        said = " ".join(part for part in (error.context, error.problem) if part)
        hint = next(
            (
                advice
                for phrase, needle, advice in _SYNTAX_HINTS
                if phrase in said and needle in said
            ),
            None,
        )
        message = (
            f"YAML syntax error: {hint} (YAML says: {said})"
            if hint
            else f"YAML syntax error: {said}"
        )
        if mark is not None:
            return _at(path, mark, message)
        return Problem(path, 1, 1, message)
    if isinstance(error, yaml.reader.ReaderError):
        before = text[: error.position]
        line = before.count("\n") + 1
        column = error.position - (before.rfind("\n") + 1) + 1
        return Problem(
            path,
            line,
            column,
            f"a control character (code {error.character}) that YAML does not allow",
        )
    return Problem(path, 1, 1, f"YAML syntax error: {error}")

"""Packs made in the browser: checked like `quizapp check`, stored as versions of their YAML
source, imported like a changed file (quizapp.library.importer, so every learner's answers
stay on the question version they answered), and shown to learners only once published.

Plain functions over a session; none of them commits."""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.generate import KINDS, candidates, generate_questions
from quizapp.generate.cli import new_pack_text
from quizapp.generate.source import SourceText
from quizapp.library import importer
from quizapp.models import (
    WEB_PATH_PREFIX,
    Article,
    ArticleAnalysis,
    SignedInUser,
    User,
    WebPack,
    WebPackVersion,
)
from quizapp.packs.loader import load_pack_bytes
from quizapp.packs.model import Pack, Problem
from quizapp.packs.yamlsafe import MAX_BYTES
from quizapp.translatable import N_, Message

MAX_UPLOAD = MAX_BYTES

# What a problem in a pack not yet saved is reported against.
DRAFT_PATH = "pack"
_ID_LINE = re.compile(r"^id:", re.MULTILINE)
# `quizapp new` names a pack after its file when the text has no title line.
_PASTED = Path("nieuwe-tekst.txt")


def normalised(source: str) -> str:
    """A browser's textarea sends CRLF; the stored source is what a file would hold."""
    return source.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def _id_position(source: str) -> tuple[int, int]:
    found = _ID_LINE.search(source)
    return (source.count("\n", 0, found.start()) + 1, 1) if found else (1, 1)


def check_source(
    session: Session, source: str, editing: WebPack | None = None
) -> tuple[Pack | None, list[Problem]]:
    """The pack in `source`, or every problem in it as `quizapp check` reports them, plus
    the two only the database knows: an id another pack uses, and a changed id."""
    path = editing.path if editing is not None else DRAFT_PATH
    pack, problems = load_pack_bytes(source.encode("utf-8", "surrogatepass"), path)
    if pack is None:
        return None, problems
    line, column = _id_position(source)
    if editing is not None and pack.id != editing.pack_id:
        message = Message(
            N_(
                "the id of this pack is `%(id)s` and cannot change (learners' scores "
                "hang on it); start a new pack for a new id"
            ),
            {"id": editing.pack_id},
        )
        return None, [Problem(path, line, column, message)]
    if editing is None:
        taken = session.scalar(select(Article.pack_path).where(Article.pack_id == pack.id))
        if taken is not None or importer.made_in_the_browser(session, pack.id):
            if taken is None or _is_web(taken):
                message = Message(
                    N_(
                        "the pack id `%(id)s` is already used by another pack made here; "
                        "choose another id"
                    ),
                    {"id": pack.id},
                )
            else:
                message = Message(
                    N_("the pack id `%(id)s` is already used by %(file)s; choose another id"),
                    {"id": pack.id, "file": taken},
                )
            return None, [Problem(path, line, column, message)]
    return dataclasses.replace(pack, path=WEB_PATH_PREFIX + pack.id), []


def _is_web(pack_path: str) -> bool:
    return pack_path.startswith(WEB_PATH_PREFIX)


def latest(web_pack: WebPack) -> WebPackVersion:
    return web_pack.versions[-1]


def save(
    session: Session,
    user: User | SignedInUser,
    pack: Pack,
    source: str,
    note: str,
    web_pack: WebPack | None = None,
    analyser: importer.Analyser | None = None,
    prepared: importer.Prepared | None = None,
) -> tuple[WebPack, bool]:
    """Store a checked pack as the next version of `web_pack` (a new web pack when None)
    and import it. An unchanged source adds no version. (web pack, whether it changed)."""
    if web_pack is None:
        web_pack = WebPack(pack_id=pack.id, owner_id=user.id, published=False)
        session.add(web_pack)
        session.flush()
    elif web_pack.versions and latest(web_pack).source == source:
        return web_pack, False
    number = (
        session.scalar(
            select(func.max(WebPackVersion.number)).where(WebPackVersion.web_pack_id == web_pack.id)
        )
        or 0
    ) + 1
    session.add(
        WebPackVersion(
            web_pack_id=web_pack.id, number=number, source=source, author_id=user.id, note=note
        )
    )
    importer.import_pack(session, pack, analyser, prepared)
    _show(session, web_pack)
    session.flush()
    session.refresh(web_pack)
    return web_pack, True


def set_published(session: Session, web_pack: WebPack, published: bool) -> None:
    web_pack.published = published
    _show(session, web_pack)


def _show(session: Session, web_pack: WebPack) -> None:
    # An import shows the article it stores; an unpublished pack's stays hidden, in the
    # same transaction, so no learner ever sees it.
    article = article_of(session, web_pack)
    if article is not None:
        article.hidden = not web_pack.published


def article_of(session: Session, web_pack: WebPack) -> Article | None:
    return session.scalar(select(Article).where(Article.pack_id == web_pack.pack_id))


def editable(session: Session, user: User | SignedInUser, pack_id: str) -> WebPack | None:
    """The web pack if `user` may edit it: its owner, or an admin. Nobody else learns that
    it exists."""
    web_pack = session.scalar(select(WebPack).where(WebPack.pack_id == pack_id))
    if web_pack is None or not (user.role == "admin" or web_pack.owner_id == user.id):
        return None
    return web_pack


@dataclass(frozen=True)
class PackRow:
    pack_id: str
    title: str
    published: bool
    versions: int
    owner: str


def packs_for(session: Session, user: User | SignedInUser) -> list[PackRow]:
    """The web packs `user` may edit: their own; an admin's, every one."""
    versions = (
        select(WebPackVersion.web_pack_id, func.count().label("n"))
        .group_by(WebPackVersion.web_pack_id)
        .subquery()
    )
    query = (
        select(WebPack.pack_id, Article.title, WebPack.published, versions.c.n, User.username)
        .join(Article, Article.pack_id == WebPack.pack_id)
        .join(versions, versions.c.web_pack_id == WebPack.id)
        .join(User, User.id == WebPack.owner_id)
        .order_by(Article.title, WebPack.pack_id)
    )
    if user.role != "admin":
        query = query.where(WebPack.owner_id == user.id)
    return [PackRow(*row) for row in session.execute(query)]


def file_packs(session: Session) -> list[Article]:
    """The packs that live in files (questions/): shown, never edited, here."""
    return list(
        session.scalars(
            select(Article)
            .where(Article.pack_id.not_in(select(WebPack.pack_id)), ~Article.hidden)
            .order_by(Article.title)
        )
    )


def version(session: Session, web_pack: WebPack, number: int) -> WebPackVersion | None:
    return session.scalar(
        select(WebPackVersion).where(
            WebPackVersion.web_pack_id == web_pack.id, WebPackVersion.number == number
        )
    )


def diff_lines(before: str, after: str) -> list[tuple[str, str]]:
    """(kind, line) of a unified diff: kind is "add", "remove", "at" or "same"."""
    kinds = {"+": "add", "-": "remove", "@": "at", " ": "same"}
    lines = difflib.unified_diff(
        before.splitlines(), after.splitlines(), "before", "after", n=2, lineterm=""
    )
    return [(kinds.get(line[:1], "same"), line) for line in list(lines)[2:]]


def new_from_text(text: str, title: str | None, level: str | None) -> str:
    """A pack's source started from a pasted text, as `quizapp new` makes it."""
    return new_pack_text(normalised(text), _PASTED, title or None, level or None)


# --------------------------------------------------------------------------- review


@dataclass(frozen=True)
class ReviewItem:
    id: str
    kind: str
    type: str
    asks: str
    key: str | None
    why: str | None
    distractors: list[dict[str, str]]
    sentence: str
    excluded: bool


def review_items(session: Session, web_pack: WebPack, pack: Pack) -> list[ReviewItem]:
    """The generated questions as the quiz serves them, then the ones excluded, each with
    its key, distractors and the sentence that proves it (`quizapp generate --review`)."""
    article = article_of(session, web_pack)
    stored = session.get(ArticleAnalysis, article.id) if article is not None else None
    if stored is None or not any(pack.generate.get(kind) for kind in KINDS):
        return []
    options = importer.generate_options(pack, stored.stats)
    source = SourceText.of(pack.text, stored.tokens)
    authored = {str(q["id"]) for q in pack.questions}
    served = [
        q for q in generate_questions(pack.text, stored.tokens, options) if q["id"] not in authored
    ]
    items = [_review_item(q, source, excluded=False) for q in served]
    excluded = [str(i) for i in options.exclude]
    found: dict[str, dict[str, Any]] = {}
    if excluded:
        for kind in KINDS:
            for q in candidates(pack.text, stored.tokens, kind, options.level):
                found.setdefault(q["id"], q)
    for item_id in excluded:
        if item_id in found:
            items.append(_review_item(found[item_id], source, excluded=True))
        else:
            items.append(ReviewItem(item_id, "", "", "", None, None, [], "", True))
    return items


def _review_item(question: dict[str, Any], source: SourceText, excluded: bool) -> ReviewItem:
    explain = question.get("explain", {})
    number = explain.get("sentence")
    proof = source.sentence_text(source.sentences[number - 1]) if number else ""
    asks = question.get("text") or question.get("prompt") or ""
    if question["type"] == "order":
        asks = f"{question['prompt']} {' / '.join(question['items'])}"
    elif question["type"] == "match":
        asks = f"{question['prompt']} {'; '.join(f'{a} = {b}' for a, b in question['pairs'])}"
    return ReviewItem(
        id=question["id"],
        kind=question.get("kind", ""),
        type=question["type"],
        asks=asks,
        key=explain.get("answer"),
        why=explain.get("why"),
        distractors=list(explain.get("distractors") or ()),
        sentence=proof,
        excluded=excluded,
    )


def with_excluded(source: str, excluded: list[str]) -> str:
    """The source with `generate: exclude:` set to `excluded`, everything else (comments
    too) as it was. The pack must have a `generate:` block (else nothing is generated)."""
    flow = "[" + ", ".join(json.dumps(item, ensure_ascii=False) for item in excluded) + "]"
    root = yaml.compose(source, Loader=yaml.SafeLoader)
    block = next(
        value
        for key, value in root.value
        if key.value == "generate" and isinstance(value, yaml.MappingNode)
    )
    lines = source.split("\n")
    for key, value in block.value:
        if key.value != "exclude":
            continue
        start, end = value.start_mark, value.end_mark
        if start.line == end.line:  # `exclude: [a, b]  # comment`: only the list changes
            line = lines[start.line]
            lines[start.line] = line[: start.column] + flow + line[end.column :]
            return "\n".join(lines)
        # A block list: its lines become one flow list on the key's line.
        last = _last_line(value, key.start_mark.line, lines)
        indent = " " * key.start_mark.column
        lines[key.start_mark.line : last + 1] = [f"{indent}exclude: {flow}"]
        return "\n".join(lines)
    # No `exclude:` yet: after the block's last entry, indented like its keys.
    last_key, last_value = block.value[-1]
    after = _last_line(last_value, last_key.start_mark.line, lines)
    indent = " " * last_key.start_mark.column
    lines.insert(after + 1, f"{indent}exclude: {flow}")
    return "\n".join(lines)


def _last_line(node: yaml.Node, first: int, lines: list[str]) -> int:
    """The last line of a node's own text: YAML counts the blank and comment lines after a
    block as part of it."""
    end = node.end_mark
    last = end.line if end.column > 0 else end.line - 1
    while last > first and (not lines[last].strip() or lines[last].lstrip().startswith("#")):
        last -= 1
    return last


# A version's note is stored in English, as the command line writes it; the page shows it
# in its own language. The review's note carries a count.
_REVIEW_NOTE = re.compile(r"review: (\d+) generated questions? excluded")


def review_note(count: int) -> str:
    return f"review: {count} generated question{'s' if count != 1 else ''} excluded"


def version_note(note: str | None) -> Message | str | None:
    """The note as a page translates it (|translated); None for none (|translated shows
    nothing, where the empty msgid would give the catalogue's header)."""
    if not note:
        return None
    found = _REVIEW_NOTE.fullmatch(note)
    if found is None:
        return note  # "written in the browser", "uploaded", ...: marked with N_ where made
    count = int(found.group(1))
    if count == 1:
        return Message(N_("review: 1 generated question excluded"))
    return Message(N_("review: %(count)s generated questions excluded"), {"count": count})

"""The reading page, put together from parts kept between requests.

The article (header, text, quiz button; "Words in this text") is the same for every reader
at a level and of a kind (visitor or learner): rendered once, kept as UTF-8 and deflated.
The page around it depends on the reader's role and the words they saved from this text,
not on their name or this request's CSRF token: it is kept too, with holes where those go,
so a class reading one text shares it. A request fills the holes and, for a browser that
accepts gzip, compresses only what it filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import current_app, render_template, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from quizapp.compression import ONCE_LEVEL, Deflated
from quizapp.reading import articles
from quizapp.reading.render import RenderCache, render_article

# Where the per-request parts go: our own comments, which no text can spell once escaped
# (a "<" in an article, a title or a name arrives as "&lt;").
TEXT = Markup("<!--article text-->")  # nosec B704
GLOSSARY = Markup("<!--article glossary-->")  # nosec B704
READER_NAME = Markup("<!--reader's name-->")  # nosec B704
CSRF_TOKEN = Markup("<!--csrf token-->")  # nosec B704
_HOLES = re.compile("(" + "|".join(map(re.escape, (TEXT, GLOSSARY, READER_NAME, CSRF_TOKEN))) + ")")


@dataclass(frozen=True, slots=True)
class CachedArticle:
    """An article at one level, the same for every reader of a kind, as UTF-8 and gzipped
    once: its header, text and quiz button, then "Words in this text"."""

    text: Deflated
    glossary: Deflated
    words: frozenset[str]  # the words with a Save button (lemmas, lower case)
    up_to_date: bool  # the analysis matched the text (otherwise it is shown plain)

    @property
    def glossed(self) -> bool:
        return bool(self.words)


@dataclass(frozen=True, slots=True)
class PageReader:
    """The reader as the page around the article sees them: their name is a hole."""

    is_authenticated: bool
    is_teacher: bool = False
    role: str | None = None
    username: str = READER_NAME


# A page with holes: deflated pieces, and between them the hole each value goes in.
PageWithHoles = tuple[Deflated | str, ...]

# Each article entry is one article at one level for visitors or for learners (~230 KB for
# a long text): a few dozen texts in six levels fit, whatever the number of learners.
cached_articles: RenderCache[CachedArticle] = RenderCache(size=128)
# Each page entry is the ~5 KB around one of them for a role and a set of saved words.
cached_pages: RenderCache[PageWithHoles] = RenderCache(size=512)


def _shown_stats(article: Row, up_to_date: bool) -> dict:
    # The figures of an analysis older than the text would mislead: none then.
    return (article.stats or {}) if up_to_date else {}


def _render_article(db: Session, article: Row, level: str) -> CachedArticle:
    text, tokens = articles.text_and_tokens(db, article.id)
    try:
        rendered, up_to_date = render_article(text, tokens, level), True
    except ValueError:
        # The text changed after its analysis (imported without the pipeline): show it
        # plain rather than glossed in the wrong places.
        current_app.logger.warning(
            "analysis of %s is out of date; run quizapp import", article.pack_id
        )
        rendered, up_to_date = render_article(text, [], level), False
    stats = _shown_stats(article, up_to_date)
    parts = [
        render_template(name, article=article, stats=stats, level=level, rendered=rendered)
        for name in ("reading/_article_text.html", "reading/_glossary.html")
    ]
    text_html, glossary_html = (Deflated.of(part.encode(), ONCE_LEVEL) for part in parts)
    return CachedArticle(
        text_html,
        glossary_html,
        frozenset((entry.lemma or entry.headword).lower() for entry in rendered.entries),
        up_to_date,
    )


def split_at_holes(page: str) -> PageWithHoles:
    """Every other piece is a hole (the split keeps them); the text between is deflated."""
    return tuple(
        piece if i % 2 else Deflated.of(piece.encode(), ONCE_LEVEL)
        for i, piece in enumerate(_HOLES.split(page))
        if i % 2 or piece
    )


def fill_holes(page: PageWithHoles, values: dict[str, Deflated | str]) -> list[Deflated | str]:
    return [values[piece] if isinstance(piece, str) else piece for piece in page]


def reading_page(db: Session, article: Row, level: str, saved: set[str]) -> list[Deflated | str]:
    """The page's parts for this reader and request, for compression.joined_response."""
    reader = (
        PageReader(True, current_user.is_teacher, current_user.role)
        if current_user.is_authenticated
        else PageReader(False, username="")
    )
    article_key = (
        article.id,
        article.content_hash,
        article.text_hash,
        article.lexicon_version,
        level,
        reader.is_authenticated,
    )
    cached = cached_articles.get_or_render(article_key, lambda: _render_article(db, article, level))
    saved_here = tuple(sorted(cached.words.intersection(saved)))
    # Where a save without JavaScript comes back to.
    back = request.full_path if request.query_string else request.path

    def render() -> PageWithHoles:
        page = render_template(
            "reading/article.html",
            article=article,
            glossed=cached.glossed,
            stats=_shown_stats(article, cached.up_to_date),
            saved_here=saved_here,
            back=back,
            text=TEXT,
            glossary=GLOSSARY,
            current_user=reader,
            csrf_token=lambda: CSRF_TOKEN,
        )
        return split_at_holes(page)

    if "_flashes" in session or current_app.debug:
        # A message is shown once; in debug mode templates are being edited.
        page = render()
    else:
        key = (article_key, reader, saved_here, request.script_root, back)
        page = cached_pages.get_or_render(key, render)
    values: dict[str, Deflated | str] = {TEXT: cached.text, GLOSSARY: cached.glossary}
    if reader.is_authenticated:
        values[READER_NAME] = escape(current_user.username)
        values[CSRF_TOKEN] = escape(generate_csrf())
    return fill_holes(page, values)

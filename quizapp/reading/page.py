"""The reading page: the article body kept deflated, the page around it rendered per request.

The article (header, text, quiz button; "Words in this text") is the same for every reader
at a level and of a kind (visitor or learner): rendered once per worker, kept as UTF-8 and
deflated. The page around it is rendered for each request like any other page; for a
browser that accepts gzip only that page is compressed, and the article's deflated parts
are stitched in (quizapp.web.compression.joined_response).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, render_template, request
from markupsafe import Markup
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from quizapp.language.glosses import right_to_left
from quizapp.reading import service
from quizapp.reading.render import RenderCache, render_article
from quizapp.web import i18n
from quizapp.web.compression import ONCE_LEVEL, Deflated

# Where the article's parts go in the page: our own comments, which no text can spell once
# escaped (a "<" in an article, a title or a name arrives as "&lt;").
TEXT = Markup("<!--article text-->")  # nosec B704
GLOSSARY = Markup("<!--article glossary-->")  # nosec B704
# Each entry is one article at one level for visitors or for learners (~230 KB for a long
# text): a few dozen texts in six levels fit, whatever the number of learners.
CACHE_SIZE = 128
_CACHE_KEY = "quizapp.reading.articles"


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


def init_app(app: Flask) -> None:
    # Per app, so two apps in one process (tests) never see each other's articles.
    app.extensions[_CACHE_KEY] = RenderCache(size=CACHE_SIZE)


def article_cache(app: Flask) -> RenderCache[CachedArticle]:
    return app.extensions[_CACHE_KEY]


def _shown_stats(article: Row, up_to_date: bool) -> dict:
    # The figures of an analysis older than the text would mislead: none then.
    return (article.stats or {}) if up_to_date else {}


def _render_article(
    db: Session, article: Row, level: str, everything: bool, language: str
) -> CachedArticle:
    text, tokens = service.text_and_tokens(db, article.id)
    try:
        rendered, up_to_date = render_article(text, tokens, level, language), True
    except ValueError:
        # The text changed after its analysis (imported without the pipeline): show it
        # plain rather than glossed in the wrong places.
        current_app.logger.warning(
            "analysis of %s is out of date; run quizapp import", article.pack_id
        )
        rendered, up_to_date = render_article(text, [], level, language), False
    stats = _shown_stats(article, up_to_date)
    parts = [
        render_template(
            name,
            article=article,
            stats=stats,
            level=level,
            rendered=rendered,
            everything=everything,
            # The teacher's translation of each paragraph in the reader's language, if any.
            translations=(article.translations or {}).get(language) or [],
            language=language,
            language_rtl=right_to_left(language),
        )
        for name in ("reading/_article_text.html", "reading/_glossary.html")
    ]
    text_html, glossary_html = (Deflated.of(part.encode(), ONCE_LEVEL) for part in parts)
    return CachedArticle(
        text_html,
        glossary_html,
        frozenset((entry.lemma or entry.headword).lower() for entry in rendered.entries),
        up_to_date,
    )


def reading_page(
    db: Session,
    article: Row,
    level: str,
    authenticated: bool,
    statuses: dict[str, str],
    everything: bool = False,
    language: str = "en",
) -> list[Deflated | str]:
    """The page's parts for this reader, for compression.joined_response. `statuses`: the
    reader's saved words (lemma: saved, learning or known); `everything`: "Words in this
    text" lists every word with all it knows of each, instead of the short list; `language`:
    the reader's gloss language (quizapp.language.glosses), one cached article each."""
    key = (
        article.id,
        article.content_hash,
        article.text_hash,
        article.lexicon_version,
        level,
        authenticated,
        everything,
        language,
        i18n.current_language(),  # the interface's: its headings and buttons are in the page
    )
    cached = article_cache(current_app).get_or_render(
        key, lambda: _render_article(db, article, level, everything, language)
    )
    here = sorted(cached.words.intersection(statuses))
    page = render_template(
        "reading/article.html",
        article=article,
        glossed=cached.glossed,
        stats=_shown_stats(article, cached.up_to_date),
        saved_here=[(word, statuses[word]) for word in here],
        # Where a save without JavaScript comes back to.
        back=request.full_path if request.query_string else request.path,
        text=TEXT,
        glossary=GLOSSARY,
    )
    before, rest = page.split(TEXT, 1)
    between, after = rest.split(GLOSSARY, 1)
    return [before, cached.text, between, cached.glossary, after]

"""The reading page: glosses from the stored analysis, reachable with and without JavaScript."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from sqlalchemy import event

from quizapp.auth import service as accounts
from quizapp.db import write_session
from quizapp.language.store import pipeline_for_import
from quizapp.library.importer import import_pack
from quizapp.packs import load_pack
from quizapp.reading.page import article_cache
from quizapp.reading.render import render_article
from tests.conftest import QUESTIONS, SEED_PACK

SEED = "/articles/biden-poetin-videogesprek"
PASSWORD = "correct horse battery"
SAVED_LIST = re.compile(r'<ul class="saved-words" lang="nl" data-vocab-saved>(.*?)</ul>', re.S)


class _Page(HTMLParser):
    """Glossed words in the text (href, classes, text) and the glossary entries' ids."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.text_parts: list[str] = []
        self._in_text = 0
        self._link: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if self._in_text:
            self._in_text += 1
        elif "article-text" in (attrs.get("class") or ""):
            self._in_text = 1
        if tag == "a" and "gloss-word" in (attrs.get("class") or ""):
            self._link = {"href": attrs["href"], "class": attrs["class"], "text": ""}
        if self._in_text and tag in ("p", "h2"):
            self.text_parts.append("\n")

    def handle_endtag(self, tag):
        if self._in_text:
            self._in_text -= 1
        if tag == "a" and self._link is not None:
            self.links.append((self._link["href"], self._link["class"], self._link["text"]))
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data
        if self._in_text:
            self.text_parts.append(data)


def _entry(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    ends = [html.find(mark, start) for mark in ('class="gloss-entry"', "</section>")]
    return html[start : min(end for end in ends if end > 0)]


def _anchor_of(page: _Page, word: str) -> str:
    return next(href.split("#")[1] for href, _, text in page.links if text == word)


def _above_level(page: _Page) -> set[str]:
    return {text.lower() for _, classes, text in page.links if "above-level" in classes}


def _chosen_level(client) -> str:
    html = client.get("/auth/account").get_data(as_text=True)
    return re.search(r'<option selected value="(\w\w)">', html).group(1)


def _make_user(app, username: str, role: str = "learner") -> None:
    with write_session(app) as session:
        accounts.create_user(session, username, PASSWORD, role)


def test_videogesprek_has_a_gloss_with_lemma_gender_and_level(client):
    html = client.get(SEED + "?all").get_data(as_text=True)
    page = _Page(html)
    entry = _entry(html, _anchor_of(page, "videogesprek"))
    assert '<span class="gloss-gender" lang="nl">het</span>' in entry
    assert "conversation" in entry
    assert '<dd lang="nl">het videogesprek</dd>' in entry
    assert re.search(r'<span class="level"[^>]*>(A1|A2|B1|B2|C1|C2)</span>', entry)
    assert "vi-deo-ge-sprek" in entry
    # Found from its parts, so the learner is told it is a guess.
    assert '<span class="badge badge-guess">guess</span>' in entry
    assert '<div class="article-text" lang="nl" data-lemmas="' in html


def test_teacher_glossary_note_and_every_sense_are_shown(client):
    html = client.get(SEED + "?all").get_data(as_text=True)
    page = _Page(html)
    ambtgenoot = _entry(html, _anchor_of(page, "ambtgenoot"))
    assert "counterpart (someone in the same office" in ambtgenoot
    assert "Teacher's note:" in ambtgenoot
    assert "Poetin is de ambtgenoot van Biden" in ambtgenoot
    # "zorg" has more than one sense in the dictionary: all of them are listed, the one
    # chosen for the sentence first and alone, the others under "More meanings".
    zorg = _entry(html, _anchor_of(page, "zorg"))
    senses = next(t for t in _seed_tokens() if t.text == "zorg").gloss
    assert len(senses) >= 2
    # English meanings say so (lang="en"): for screen readers, and in a page in Dutch.
    assert f'<p class="gloss-meaning" lang="en">{senses[0]}</p>' in zorg
    more = zorg[zorg.index("<summary>More meanings</summary>") :]
    assert re.findall(r'<li lang="en">(.*?)</li>', more) == senses[1:]


def _seed_tokens():
    from quizapp.language import analyse_text

    pack, _ = load_pack(SEED_PACK)
    return analyse_text(pack.text, pack.glossary).tokens


def test_text_is_rebuilt_exactly_with_headings_and_paragraphs(client):
    pack, _ = load_pack(SEED_PACK)
    html = client.get(SEED).get_data(as_text=True)
    shown = "".join(_Page(html).text_parts)
    expected = "\n" + pack.text.replace("\n\n## ", "\n\n").strip()
    assert shown.split() == expected.split()
    # A heading is a sentence of its own: its anchor comes first.
    assert re.search(r'<h2><span class="sentence-anchor" id="s-\d+"></span>&#39;Gaskraan ', html)
    assert html.count("<h2>") >= 3


def test_without_javascript_every_glossed_word_links_to_its_glossary_entry(client):
    html = client.get(SEED).get_data(as_text=True)
    page = _Page(html)
    everything = _Page(client.get(SEED + "?all").get_data(as_text=True))
    assert '<h2 id="glossary-title">Words in this text</h2>' in html
    assert len(page.links) > 300
    # A word of the short list leads to it; any other to its entry on the page with all.
    here = [href[1:] for href, _, _ in page.links if href.startswith("#")]
    elsewhere = [href[5:] for href, _, _ in page.links if href.startswith("?all#")]
    assert len(here) + len(elsewhere) == len(page.links) and here and elsewhere
    assert set(here) <= page.ids and set(elsewhere) <= everything.ids - page.ids
    assert {href for href, _, _ in everything.links} == {href for href, _, _ in page.links}
    # Every occurrence of a word leads to the same entry; names get none.
    gesprek = {href for href, _, text in page.links if text == "videogesprek"}
    assert len(gesprek) == 1
    assert not [text for _, _, text in page.links if text in {"Biden", "Poetin", "Oekraïne"}]
    assert re.search(r'src="/static/js/reading\.[0-9a-f]{10}\.js"', html)


def test_the_learners_level_changes_which_words_are_marked(client, auth):
    anonymous = _above_level(_Page(client.get(SEED).get_data(as_text=True)))
    assert "videogesprek" in anonymous and "de" not in anonymous  # B1 by default

    auth.register()
    assert 'href="/auth/account"' in client.get("/").get_data(as_text=True)
    assert _chosen_level(client) == "B1"
    response = client.post("/auth/account", data={"level": "C2"})
    assert response.status_code == 303
    assert _chosen_level(client) == "C2"
    assert _above_level(_Page(client.get(SEED).get_data(as_text=True))) == set()

    client.post("/auth/account", data={"level": "A1"})
    beginner = _above_level(_Page(client.get(SEED).get_data(as_text=True)))
    assert anonymous < beginner
    assert "de" not in beginner


def test_account_refuses_a_made_up_level_and_anonymous_visitors(client, auth):
    assert client.get("/auth/account").status_code == 302
    auth.register()
    response = client.post("/auth/account", data={"level": "D7"})
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert _chosen_level(client) == "B1"


def test_teacher_sees_the_unglossed_words_and_a_learner_does_not(
    seeded_app, client, auth, tmp_path
):
    # The seed article's words all have a meaning now: a made-up word has none.
    made_up = tmp_path / "made-up.yaml"
    made_up.write_text(
        SEED_PACK.read_text(encoding="utf-8")
        .replace("id: biden-poetin-videogesprek", "id: made-up-word")
        .replace("text: |\n", "text: |\n  De zwirpelkrob is leeg.\n", 1),
        encoding="utf-8",
    )
    pack, problems = load_pack(made_up)
    assert pack is not None, problems
    with write_session(seeded_app) as session:
        import_pack(session, pack, pipeline_for_import())
    _make_user(seeded_app, "juf", "teacher")
    auth.login("juf")
    teacher = client.get("/articles/made-up-word").get_data(as_text=True)
    assert "Words without a gloss" in teacher
    unglossed = re.search(r'<ul class="unglossed-list" lang="nl">(.*?)</ul>', teacher, re.S)
    assert unglossed and "<li>zwirpelkrob</li>" in unglossed.group(1)
    auth.logout()

    auth.register("leerling")
    learner = client.get("/articles/made-up-word").get_data(as_text=True)
    assert "Words without a gloss" not in learner
    assert 'class="unglossed-list"' not in learner


def test_stats_are_shown_on_the_page(client):
    html = client.get(SEED).get_data(as_text=True)
    for label in ("Words", "Sentences", "Flesch-Douma", "Brouwer", "Estimated level"):
        assert f"<dt>{label}</dt>" in html


def _count_queries(app, client, url: str) -> int:
    engine = app.extensions["quizapp.engine"]
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA", "SAVEPOINT")):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(statements)


def test_reading_page_makes_a_constant_number_of_queries(seeded_app, client):
    other, _ = load_pack(QUESTIONS / "een-dag-bij-de-bakker.yaml")
    with write_session(seeded_app) as session:
        import_pack(session, other, pipeline_for_import())
    small, large = "/articles/een-dag-bij-de-bakker", SEED

    first = (_count_queries(seeded_app, client, small), _count_queries(seeded_app, client, large))
    again = (_count_queries(seeded_app, client, small), _count_queries(seeded_app, client, large))
    # Hundreds of words, a handful of queries: the same for a short and a long text.
    assert first[0] == first[1] <= 3
    assert again[0] == again[1] <= first[0]


def test_an_outdated_analysis_shows_the_text_plain_instead_of_garbled(seeded_app, client):
    pack, _ = load_pack(SEED_PACK)
    edited = replace(pack, text="Een heel nieuwe tekst.\n", content_hash="edited")
    with write_session(seeded_app) as session:
        import_pack(session, edited)  # no analyser: the stored tokens are for the old text
    html = client.get(SEED).get_data(as_text=True)
    assert "Een heel nieuwe tekst." in html
    assert 'class="gloss-word' not in html


def test_library_shows_the_estimated_level_when_the_pack_has_none(app):
    pack, _ = load_pack(SEED_PACK)
    with write_session(app) as session:
        import_pack(session, replace(pack, level=None), pipeline_for_import())
    html = app.test_client().get("/").get_data(as_text=True)
    assert re.search(r'title="Level, estimated from the text">B[12]<', html)


def test_about_page_credits_every_data_source(client):
    assert 'href="/about"' in client.get("/").get_data(as_text=True)
    html = client.get("/about").get_data(as_text=True)
    for credit in (
        "FreeDict",
        "GNU General Public License, version 2 or later",
        "Frog",
        "version 3 or later",
        "wordfreq",
        "Creative Commons",
        "Robyn Speer",
        "simplemma",
        "MIT",
        "pyphen",
        "OpenTaal",
    ):
        assert credit in html


def test_render_article_rebuilds_the_text_from_offsets():
    text = 'Hij zei: "Goed."\n\n## Een kop\n\nNog   een   zin.'
    stats, tokens = pipeline_for_import()(text, {})
    rendered = render_article(text, tokens, "B1")
    assert [b.kind for b in rendered.blocks] == ["paragraph", "heading", "paragraph"]
    plain = [re.sub(r"<[^>]+>", "", str(b.html)) for b in rendered.blocks]
    assert plain == ["Hij zei: &#34;Goed.&#34;", "Een kop", "Nog   een   zin."]
    with pytest.raises(ValueError):
        render_article("Iets anders.", tokens, "B1")


def test_the_cached_page_carries_each_readers_own_token_and_saved_words(seeded_app):
    """The body is cached across readers: tokens and saved words must still be theirs."""
    pages = {}
    for name in ("anna", "bram"):
        client = seeded_app.test_client()
        client.post(
            "/auth/register",
            data={
                "username": name,
                "password": "correct horse battery",
                "confirm": "correct horse battery",
            },
        )
        if name == "anna":
            client.post(
                "/words/save",
                data={
                    "pack_id": "biden-poetin-videogesprek",
                    "lemma": "videogesprek",
                    "form": "videogesprek",
                    "sentence": "0",
                },
            )
        html = client.get(SEED).get_data(as_text=True)
        tokens = set(re.findall(r'name="csrf_token" value="([^"]+)"', html))
        pages[name] = (html, tokens)
    assert "\x00" not in pages["anna"][0] and "\x00" not in pages["bram"][0]
    assert len(pages["anna"][1]) == len(pages["bram"][1]) == 1
    assert pages["anna"][1] != pages["bram"][1]
    assert SAVED_LIST.search(pages["anna"][0]).group(1) == "<li>videogesprek</li>"
    assert SAVED_LIST.search(pages["bram"][0]).group(1) == ""


def test_a_learners_page_from_the_cache_is_the_page_rendered_afresh(seeded_app):
    client = seeded_app.test_client()
    _make_user(seeded_app, "anna")
    client.post("/auth/login", data={"username": "anna", "password": PASSWORD})
    client.post("/words/save", data={"pack_id": "biden-poetin-videogesprek", "lemma": "spanning"})
    assert "Saved “spanning”" in client.get("/").get_data(as_text=True)  # the message, shown
    token = re.compile(r'name="csrf_token" value="[^"]+"')

    def page() -> str:
        return token.sub("TOKEN", client.get(SEED).get_data(as_text=True))

    article_cache(seeded_app).clear()
    fresh = page()
    assert len(article_cache(seeded_app)) == 1
    assert page() == fresh
    assert SAVED_LIST.search(fresh).group(1) == "<li>spanning</li>"
    assert "<!--" not in fresh.split("<body>")[1]
    # The article is the same for every learner: nothing of theirs went into it.
    assert 'data-saved="1"' not in fresh


def test_the_menu_marks_the_page_you_are_on(client):
    assert '<a href="/" aria-current="page">Library</a>' in client.get("/").get_data(as_text=True)
    login = client.get("/auth/login").get_data(as_text=True)
    assert 'aria-current="page">Log in</a>' in login and login.count("aria-current") == 1
    assert "aria-current" not in client.get(SEED).get_data(as_text=True)


def test_learners_alike_share_one_page_and_each_sees_their_own_name_and_token(seeded_app):
    """Two learners read the same kept article, yet neither sees the other's name or CSRF
    token in the page around it."""
    pages = {}
    for name in ("anna", "bram"):
        _make_user(seeded_app, name)
        client = seeded_app.test_client()
        client.post("/auth/login", data={"username": name, "password": PASSWORD})
        pages[name] = client.get(SEED).get_data(as_text=True)
    anna, bram = pages["anna"], pages["bram"]
    whoami = '<li class="whoami" translate="no">{}</li>'
    assert whoami.format("anna") in anna and whoami.format("bram") in bram
    token = re.compile(r'name="csrf_token" value="([^"]+)"')
    assert set(token.findall(anna)).isdisjoint(token.findall(bram))
    assert "<!--" not in anna.split("<body>")[1] + bram.split("<body>")[1]


def test_a_message_after_saving_without_javascript_shows_once_on_the_reading_page(
    seeded_app, client, auth
):
    auth.register("anna")
    client.get(SEED)  # the page around the article is kept now
    saved = client.post(
        "/words/save?form=spanning&sentence=0",
        data={"pack_id": "biden-poetin-videogesprek", "lemma": "spanning", "next": SEED},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Saved “spanning”" in saved
    assert SAVED_LIST.search(saved).group(1) == "<li>spanning</li>"
    again = client.get(SEED).get_data(as_text=True)
    assert "Saved “spanning”" not in again
    assert SAVED_LIST.search(again).group(1) == "<li>spanning</li>"
    client.post(
        "/words/save?form=videogesprek&sentence=0",
        data={"pack_id": "biden-poetin-videogesprek", "lemma": "videogesprek", "next": SEED},
    )
    client.get("/")  # the message
    both = client.get(SEED).get_data(as_text=True)
    assert SAVED_LIST.search(both).group(1) == "<li>spanning</li><li>videogesprek</li>"


def test_a_teachers_page_is_kept_apart_from_a_learners(seeded_app, auth, client):
    auth.register("leerling")
    client.get("/")  # where registering leads, with its welcome
    assert "Words without a gloss" not in client.get(SEED).get_data(as_text=True)
    auth.logout()
    _make_user(seeded_app, "juf", "teacher")
    auth.login("juf")
    assert "Words without a gloss" in client.get(SEED).get_data(as_text=True)


def _entries_by_lemma(rendered) -> dict[str, object]:
    return {(e.lemma or e.headword).lower(): e for e in rendered.entries}


def _seed_rendered(level: str = "B1"):
    pack, _ = load_pack(SEED_PACK)
    _stats, tokens = pipeline_for_import()(pack.text, pack.glossary)
    return render_article(pack.text, tokens, level), tokens


def test_one_entry_per_lemma_and_the_short_list_keeps_to_the_readers_level():
    rendered, tokens = _seed_rendered("B1")
    lemmas = [(e.lemma or e.headword).lower() for e in rendered.entries if not e.phrase]
    assert len(lemmas) == len(set(lemmas)), "one entry per lemma: not In and in"
    assert "In" in {t["text"] for t in tokens} and "in" in lemmas
    by_lemma = _entries_by_lemma(rendered)
    listed = {lemma for lemma, e in by_lemma.items() if e.anchor in rendered.listed}
    # Function words and easy words stay out; hard ones and the teacher's glosses are in.
    assert not listed & {"de", "een", "aan", "in", "het", "zijn", "en"}
    assert {"videogesprek", "ambtgenoot"} <= listed
    assert all(
        by_lemma[lemma].level not in ("A1", "A2") for lemma in listed if by_lemma[lemma].level
    )
    # A reader at A1 gets more words listed, at C2 only what no list places and the teacher's.
    beginner, _ = _seed_rendered("A1")
    expert, _ = _seed_rendered("C2")
    assert len(expert.listed) < len(rendered.listed) < len(beginner.listed)
    # The lemma of each anchor, for marking saved words in the text.
    assert rendered.lemmas[int(by_lemma["ambtgenoot"].anchor[2:]) - 1] == "ambtgenoot"


def test_each_occurrence_points_at_the_meaning_chosen_for_its_sentence():
    rendered, tokens = _seed_rendered()
    html = "".join(str(b.html) for b in rendered.blocks)
    by_anchor = {e.anchor: e for e in rendered.entries}
    links = re.findall(
        r'<a class="gloss-word[^"]*" href="\??a?l?l?#(w-\d+)"(?: data-m="(\d+)")?>', html
    )
    glossed = [
        t for t in tokens if t.get("is_word") and t.get("gloss") and not t.get("proper_name")
    ]
    # Headings are plain text; every other glossed word is a link.
    assert 0 < len(links) <= len(glossed)
    moved = 0
    for (anchor, chosen), token in zip(
        links, [t for t in glossed if _in_paragraph(t)], strict=True
    ):
        senses = by_anchor[anchor].senses
        assert senses[int(chosen or 0)] == token["gloss"][0]
        moved += bool(chosen)
    assert moved, "some word means something else in another sentence (in, op, zijn)"


def _in_paragraph(token) -> bool:
    pack, _ = load_pack(SEED_PACK)
    line_start = pack.text.rfind("\n", 0, token["start"]) + 1
    return not pack.text.startswith("## ", line_start)


def test_headings_are_not_links():
    rendered, _ = _seed_rendered()
    headings = [str(b.html) for b in rendered.blocks if b.kind == "heading"]
    assert headings and not any("gloss-word" in h for h in headings)


def test_the_page_marks_saved_words_with_their_review_status(seeded_app):
    from datetime import timedelta

    from quizapp.models import Article, User, VocabItem
    from quizapp.models.base import utcnow
    from quizapp.vocab import service as vocab

    _make_user(seeded_app, "status-anna")
    client = seeded_app.test_client()
    client.post("/auth/login", data={"username": "status-anna", "password": PASSWORD})
    with write_session(seeded_app) as session:
        user = session.query(User).filter_by(username="status-anna").one()
        article = session.query(Article).filter_by(pack_id="biden-poetin-videogesprek").one()
        for lemma in ("ambtgenoot", "videogesprek", "woordvoerder"):
            vocab.save_from_article(session, user.id, article, lemma)
        session.flush()
        items = {i.lemma: i for i in session.query(VocabItem).filter_by(user_id=user.id)}
        now = utcnow()
        # Reviewed once: learning. Every card stable for weeks: known.
        card = items["videogesprek"].cards[0]
        vocab.review_card(session, user.id, card, card.seq, 3, now)
        for card in items["woordvoerder"].cards:
            card.state = card.state | {"state": 2, "stability": 40.0}
            card.last_review = now
            card.due = now + timedelta(days=40)
    html = client.get(SEED).get_data(as_text=True)
    listed = SAVED_LIST.search(html).group(1)
    assert "<li>ambtgenoot</li>" in listed
    assert '<li data-status="learning" title="learning">videogesprek</li>' in listed
    assert '<li data-status="known" title="known">woordvoerder</li>' in listed


def test_a_learner_reads_meanings_in_the_language_they_chose(client, auth):
    auth.register()
    response = client.post("/auth/account", data={"level": "B1", "gloss_language": "pl"})
    assert response.status_code == 303
    every = client.get(SEED + "?all").get_data(as_text=True)
    # videogesprek, a compound Polish lacks: its head's meaning, marked as a guess; the
    # English one follows.
    assert '<p class="gloss-own" lang="pl" dir="ltr">rozmowa' in every
    assert every.count('class="gloss-own"') > 100
    assert "No meaning in your language yet; in English:" in every  # hierover, for one
    short = client.get(SEED).get_data(as_text=True)
    assert short.count('class="gloss-own-line" lang="pl"') > 20
    client.post("/auth/account", data={"level": "B1", "gloss_language": "xx"})
    assert client.get(SEED + "?all").get_data(as_text=True).count('lang="pl"') > 100  # kept
    client.post("/auth/account", data={"level": "B1", "gloss_language": "en"})
    assert 'class="gloss-own' not in client.get(SEED + "?all").get_data(as_text=True)


def test_a_teachers_arabic_meaning_and_translation_are_shown_right_to_left(
    seeded_app, client, auth, tmp_path
):
    pack = tmp_path / "gas.yaml"
    pack.write_text(
        "format: 1\nid: gas\ntitle: Gas\ntext: |\n  Het gas wordt duurder.\n\n  Wij betalen meer.\n"
        "glossary:\n  het gas: {en: gas, ar: غاز, uk: газ}\n"
        "translations:\n  ar: [الغاز يصبح أغلى, ~]\n",
        encoding="utf-8",
    )
    from tests.conftest import import_seed

    import_seed(seeded_app, pack)
    auth.register()
    client.post("/auth/account", data={"level": "B1", "gloss_language": "ar"})
    page = client.get("/articles/gas?all").get_data(as_text=True)
    assert '<p class="gloss-own" lang="ar" dir="rtl">غاز' in page
    # The first paragraph's translation, closed; the second has none.
    assert '<p lang="ar" dir="rtl">الغاز يصبح أغلى</p></details>' in page
    assert page.count('class="paragraph-translation"') == 1
    client.post("/auth/account", data={"level": "B1", "gloss_language": "uk"})
    page = client.get("/articles/gas?all").get_data(as_text=True)
    assert '<p class="gloss-own" lang="uk" dir="ltr">газ' in page
    assert "paragraph-translation" not in page  # no Ukrainian translation


def test_the_reading_page_in_dutch_marks_its_english_meanings(client, auth):
    auth.register()
    client.post(
        "/auth/account",
        data={"level": "B1", "gloss_language": "en", "interface_language": "nl"},
    )
    page = client.get(SEED + "?all").get_data(as_text=True)
    assert '<html lang="nl">' in page
    assert '<h2 id="glossary-title">Alle woorden in deze tekst</h2>' in page
    # Every English meaning is marked English inside the Dutch page, the first and the rest.
    meanings = re.findall(r'<p class="gloss-meaning"([^>]*)>', page)
    assert len(meanings) > 100 and set(meanings) == {' lang="en"'}
    others = re.findall(r'<ol class="gloss-senses"[^>]*>(.*?)</ol>', page, re.S)
    assert others and all(re.fullmatch(r'(\s*<li lang="en">[^<]*</li>)+\s*', o) for o in others)
    # The part of speech in Dutch, the month of publication as Dutch writes it.
    assert '<span class="gloss-pos">zelfstandig naamwoord</span>' in page
    assert '<time datetime="2021-12">dec 2021</time>' in page
    english = client.post(
        "/auth/account",
        data={"level": "B1", "gloss_language": "en", "interface_language": "en"},
    )
    assert english.status_code == 303
    page = client.get(SEED + "?all").get_data(as_text=True)
    assert '<span class="gloss-pos">noun</span>' in page
    assert '<time datetime="2021-12">Dec 2021</time>' in page


@pytest.mark.parametrize(
    "written, dutch, english",
    [
        ("2021-12-07", "7 dec 2021", "Dec 7, 2021"),
        ("2021-12", "dec 2021", "Dec 2021"),
        ("2021", "2021", "2021"),
        ("2021-13", "2021-13", "2021-13"),  # not a date: as written
        ("", "", ""),
    ],
)
def test_a_publication_date_is_written_as_the_pages_language_writes_it(
    seeded_app, written, dutch, english
):
    from quizapp.reading.views import published

    for language, expected in (("nl", dutch), ("en", english)):
        with seeded_app.test_request_context(headers={"Accept-Language": language}):
            assert published(written) == expected

"""The sentence's say over a word's reading: clauses and what their verbs make of an
adjective or a participle, separable verbs joined with their particles, worden as the
passive or as "become", ruim and krap before a number, pronominal adverbs split by the
sentence (daar ... van).

Its own module because these rules read the neighbouring tags and tokens, not one form, and
change the tokens after reading.describe has given each its context-free reading.
"""

from __future__ import annotations

from collections.abc import Iterator

from .function_words import AUXILIARY_VERBS, BEFORE_A_NUMBER_GLOSSES, FUNCTION_WORD_GLOSSES
from .lemmas import SEPARABLE_PARTICLES, is_infinitive
from .lexicon import Lexicon, load_lexicon
from .reading import PARTICLE_ENGLISH, describe, verb_senses, with_particle
from .token import GUESSED_SOURCES, Token
from .tokenize import Span

CLAUSE_BREAKS = frozenset({",", ";", ":", "(", '"', "“", "”", ",,", "''"})

# Forms of the copulas: an adjective in their clause says what something is (de fout is
# direct zichtbaar); elsewhere an adjective that is not before its noun says how something
# is done (hij wees direct naar de stip: immediately), where CGN still tags it ADJ.
_COPULA_FORMS = frozenset(
    {"is", "was", "waren", "zijn", "ben", "bent", "geweest", "wezen", "wordt", "word"}
    | {"worden", "werd", "werden", "geworden", "blijft", "blijf", "blijven", "bleef", "bleven"}
    | {"gebleven", "lijkt", "lijk", "lijken", "leek", "leken", "geleken", "blijkt", "blijken"}
    | {"bleek", "bleken", "gebleken", "heet", "heten", "raakt", "raken", "raakte", "raakten"}
    | {"geraakt", "schijnt", "schijnen", "scheen", "schenen", "vind", "vindt", "vinden"}
    | {"vond", "vonden", "gevonden", "maakt", "maken", "maakte", "maakten", "gemaakt"}
)


def find_clauses(spans: list[Span], tags: list[str]) -> Iterator[list[int]]:
    """The indices of each clause: a sentence's stretch between commas and conjunctions."""
    clause: list[int] = []
    for i, span in enumerate([*spans, None]):
        boundary = span is None or span.text in CLAUSE_BREAKS or tags[i].startswith("VG")
        if boundary and span is not None and _comparing(spans, tags, i):
            boundary = False  # meer dan tienduizend hectare: a comparison, not a clause
        if boundary or (clause and span.sentence != spans[clause[-1]].sentence):
            if clause:
                yield clause
            clause = []
            if boundary:
                continue
        clause.append(i)


# Words before which dan compares (meer dan, minder dan, eerder dan), besides comparatives.
_COMPARING_WORDS = frozenset({"meer", "minder", "eerder", "liever", "anders", "ander"})


def _comparing(spans: list[Span], tags: list[str], i: int) -> bool:
    """dan after a comparative compares two things and opens no clause of its own."""
    if not i or _word(spans[i]) != "dan":
        return False
    return tags[i - 1].endswith("-comp") or _word(spans[i - 1]) in _COMPARING_WORDS


def adverbial_clauses(spans: list[Span], tags: list[str], clauses: list[list[int]]) -> set[int]:
    """Indices of the words of the clauses that have a finite verb but no copula, nor a
    verb that takes a predicate (iets duidelijk maken, vinden): there an adjective not
    before its noun is an adverb."""
    found: set[int] = set()
    for clause in clauses:
        finite = any(tags[i].startswith("WW-pv") for i in clause)
        if finite and not any(_word(spans[i]) in _COPULA_FORMS for i in clause):
            found.update(clause)
    return found


def stative_clauses(spans: list[Span], tags: list[str], clauses: list[list[int]]) -> set[int]:
    """Indices of the words of the clauses whose verb says what something is or stays (is,
    blijft, lijkt), with no form of worden or hebben: there a past participle says a state,
    as an adjective does (de deelname is verplicht: compulsory; de winkel is gesloten:
    closed), not something done to someone (compel)."""
    found: set[int] = set()
    previous: list[int] = []
    for clause in clauses:
        words = {_word(spans[i]) for i in clause}
        # A clause without a finite verb shares the one before it (is mooi meegenomen, maar
        # niet verplicht).
        elliptic = (
            previous
            and spans[previous[-1]].sentence == spans[clause[0]].sentence
            and not any(tags[i].startswith("WW-pv") for i in clause)
        )
        stative = bool(words & _STATE_COPULAS) and not words & _ACTION_AUXILIARIES
        if stative or (elliptic and previous[0] in found):
            found.update(clause)
        previous = clause
    return found


def before_a_participle(spans: list[Span], tags: list[str], i: int) -> bool:
    """An adjective right before a participle says how it happened (sterk gestegen:
    strongly, snel gegaan: quickly), unless the participle is a copula's (ziek geworden:
    the adjective is what he became)."""
    if i + 1 >= len(spans) or tags[i + 1] not in {"WW-vd", "WW-od"}:
        return False
    return _word(spans[i + 1]) not in _COPULA_FORMS


def _word(span: Span) -> str:
    return span.text.lower() if span.is_word else ""


_STATE_COPULAS = frozenset(
    {"is", "was", "waren", "zijn", "ben", "bent", "geweest", "blijft", "blijf", "blijven"}
    | {"bleef", "bleven", "lijkt", "lijken", "leek", "leken", "blijkt", "blijken", "bleek"}
    | {"bleken", "raakt", "raken", "raakte", "raakten", "schijnt", "schijnen", "scheen"}
)
_ACTION_AUXILIARIES = frozenset(
    {"wordt", "word", "worden", "werd", "werden", "geworden", "heb", "hebt", "heeft"}
    | {"hebben", "had", "hadden", "gehad"}
)


def join_separable_verbs(tokens: list[Token]) -> None:
    """Join a separable verb's particle with its verb: a finite verb with its particle later
    in the clause (riep ... op -> oproepen), an infinitive after particle + te (door te
    brengen -> doorbrengen), and a particle spelled apart before its verb (terug komen)."""
    lexicon = load_lexicon()
    for i, token in enumerate(tokens):
        if token.pos != "VERB" or token.lemma in AUXILIARY_VERBS:
            continue
        after_te = token.tense == "infinitive" and i >= 2 and tokens[i - 1].text.lower() == "te"
        if after_te and _is_particle(tokens, i - 2):
            _join_particle(lexicon, token, tokens[i - 2], "before")
            continue
        if token.tense in {"infinitive", "past participle"}:
            # A particle written apart right before its verb (voorbij komen, binnen gehouden)
            if i and _written_apart(tokens[i - 1]):
                _join_particle(lexicon, token, tokens[i - 1], "before")
            continue
        if token.tense not in {"present", "past"}:
            continue
        for j in later_in_clause(tokens, i):
            if _is_particle(tokens, j) and _join_particle(lexicon, token, tokens[j], "later"):
                break


def later_in_clause(tokens: list[Token], i: int) -> Iterator[int]:
    """The indices of the tokens after a finite verb's in its clause: up to the sentence's
    end, a clause break or the next finite verb (ga naar bed en sta op: a later particle
    or idiom word is the nearer verb's), and up to a subordinating conjunction but als and
    dan, the last (trek de stekker uit zodra de accu vol is: vol is the accu's, no
    voltrekken; zorg ervoor dat keeps its dat). Words in brackets, or between two commas
    with no finite verb, are an aside, after which the clause goes on (richtten de
    Stichting Topzwemmen Amsterdam (STA) op: oprichten; zette, omgekeerd, ... neer)."""
    aside = False
    skip_to = -1
    for j in range(i + 1, len(tokens)):
        other = tokens[j]
        if other.sentence != tokens[i].sentence:
            return
        if j <= skip_to:
            continue
        if other.text in {"(", ")"}:
            aside = other.text == "("
            continue
        if aside:
            continue
        if other.text == ",":
            end = _comma_aside_end(tokens, j)
            if end is not None:
                skip_to = end
                continue
        if other.text in CLAUSE_BREAKS:
            return
        if (other.tag or "").startswith("WW-pv"):
            return
        yield j
        if _opens_a_clause(tokens, j):
            return


def _comma_aside_end(tokens: list[Token], j: int) -> int | None:
    """The index of the comma that closes an aside opened by the comma at j: words with no
    finite verb between two commas (deinsde, zoals zo vaak in dit toernooi, terug)."""
    for k in range(j + 1, len(tokens)):
        other = tokens[k]
        if other.sentence != tokens[j].sentence or (other.tag or "").startswith("WW-pv"):
            return None
        if other.text == ",":
            return k if k > j + 1 else None
        if other.text in CLAUSE_BREAKS:
            return None
    return None


# Subordinating conjunctions that compare or name a role as often as they open a clause
# (sloot het evenement als negende af, zowel ... als, meer dan): no clause break.
_COMPARING = frozenset({"als", "dan"})


def _opens_a_clause(tokens: list[Token], j: int) -> bool:
    """A subordinating conjunction or a relative waar- adverb with a finite verb of its own
    later in the sentence (zodra de accu vol is); not als or dan, and not a pronoun the
    tagger read as one (geef dat dan door: no verb follows)."""
    token = tokens[j]
    word = token.text.lower()
    # a relative waar- adverb opens one too (een driehonkslag waarop Milliard thuis sloeg)
    relative = word.startswith("waar") and len(word) > 5 and token.tag == "BW"
    if (token.tag != "VG-onder" or word in _COMPARING) and not relative:
        return False
    for other in tokens[j + 1 :]:
        if other.sentence != token.sentence:
            return False
        if (other.tag or "").startswith("WW-pv"):
            return True
    return False


def copula_worden(tokens: list[Token], clauses: list[list[int]]) -> None:
    """worden with a past participle in its clause is the passive (wordt gebouwd: is
    being built, "be"); without one it says what something becomes (het wordt koud, hij
    werd president, is duidelijk geworden: "become"). Its participle geworden is never
    the passive's. Each leads with its sense, whichever the lexicon puts first."""
    for clause in clauses:
        verbs = [i for i in clause if tokens[i].lemma == "worden" and tokens[i].gloss]
        if not verbs:
            continue
        passive = any(
            (tokens[i].tag or "").startswith("WW-vd") and tokens[i].lemma != "worden"
            for i in clause
        )
        for i in verbs:
            token = tokens[i]
            _lead_with(token, "be" if passive and token.text.lower() != "geworden" else "become")


def _lead_with(token: Token, english: str) -> None:
    """The token's senses that have `english` as an alternative first, the rest after."""
    first = [g for g in token.gloss if english in g.split(", ")]
    token.gloss = [*first, *(g for g in token.gloss if g not in first)]


# Copulas of change besides worden: raken with a predicate says what someone gets to be
# (raakte gewond: got injured, raakte betrokken, raakten kwijt); without one it is the
# verb of hitting and touching (de kogel raakte hem).
_CHANGE_COPULAS = frozenset({"raken", "geraken"})


def copula_of_change(tokens: list[Token], clauses: list[list[int]]) -> None:
    """raken with an adjective or another verb's participle as its predicate leads with its
    sense "get, become", whichever the lexicon puts first."""
    for clause in clauses:
        verbs = [i for i in clause if tokens[i].lemma in _CHANGE_COPULAS and tokens[i].gloss]
        if not verbs:
            continue
        predicate = any(
            _predicate(tokens, i) and tokens[i].lemma not in _CHANGE_COPULAS for i in clause
        )
        for i in verbs if predicate else ():
            _lead_with(tokens[i], "become")


def _predicate(tokens: list[Token], i: int) -> bool:
    """An adjective not before its noun, or a past participle: what a copula says one is."""
    tag = tokens[i].tag or ""
    following = (tokens[i + 1].tag or "") if i + 1 < len(tokens) else ""
    adjective = tag.startswith("ADJ") and not following.startswith("N-")
    return adjective or tag.startswith("WW-vd")


def before_numbers(tokens: list[Token]) -> None:
    """ruim, krap, dik before a number say how exact it is (ruim 300: over 300), a number
    in figures or in words (ruim twee jaar, ruim een uur)."""
    for token, after in zip(tokens, tokens[1:], strict=False):
        meaning = BEFORE_A_NUMBER_GLOSSES.get(token.text.lower())
        if meaning is None or after.sentence != token.sentence or token.pos == "VERB":
            continue  # ruim een plek in: the verb inruimen
        if after.pos == "NUM" or (after.tag or "").startswith("TW") or after.text == "een":
            token.gloss = [meaning, *(g for g in token.gloss if g != meaning)]
            token.gloss_note = f"{token.text} before a number"


_PRONOMINAL_ADVERBS = frozenset({"er", "daar", "hier", "waar"})


def split_pronominal_adverbs(tokens: list[Token]) -> None:
    """Daar ... van is daarvan split by the sentence (daar heb ik last van): the adverb
    means what the joined word means (of that), and its preposition is part of it."""
    for i, token in enumerate(tokens):
        if token.tag != "VNW" or token.text.lower() not in _PRONOMINAL_ADVERBS:
            continue
        for j in range(i + 1, len(tokens)):
            other = tokens[j]
            if other.sentence != token.sentence or other.text in CLAUSE_BREAKS:
                break
            joined = token.text.lower() + other.text.lower()
            if _without_object(tokens, j) and joined in FUNCTION_WORD_GLOSSES:
                meaning = list(FUNCTION_WORD_GLOSSES[joined])
                token.gloss = [*meaning, *(g for g in token.gloss if g not in meaning)]
                other.gloss = list(meaning)
                token.gloss_note = f"{joined}, with {other.text} later in the sentence"
                other.gloss_note = f"part of {joined} ({token.text} earlier in the sentence)"
                break


def _written_apart(token: Token) -> bool:
    """A common adverb or adjective particle, not yet part of something: the particle of
    a verb spelled apart from it (terug komen for terugkomen). A preposition there is
    one the sentence strands (daar niet aan gehouden): its particles are written joined."""
    return (
        token.is_word
        and token.gloss_note is None
        and token.text.lower() in SEPARABLE_PARTICLES
        and token.tag in {"BW", "ADJ"}
    )


def _without_object(tokens: list[Token], j: int) -> bool:
    """A preposition with nothing to govern: tagged so (VZ-fin), or followed by the verbs
    or the end of its clause (daar de dupe van worden)."""
    tag = tokens[j].tag or ""
    if tag == "VZ-fin":
        return True
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return tag.startswith("VZ") and (after is None or not after.is_word or after.pos == "VERB")


def _is_particle(tokens: list[Token], j: int) -> bool:
    """The tagger marks a preposition-like particle VZ-fin (riep ... op); an adverb,
    adjective or noun particle (kwam terug, liet vrij, vond plaats) stands at the end of
    its clause or right before the verbs there."""
    other = tokens[j]
    if not other.is_word or other.gloss_note is not None:
        return False  # not a word, or already part of something (waar ... aan)
    if other.tag == "VZ-fin":
        return True
    if other.tag not in {"BW", "ADJ", "N-ev"} and other.text.lower() not in SEPARABLE_PARTICLES:
        return False
    before = tokens[j - 1] if j else None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    infinitive_follows = after is not None and after.text.lower() == "te"
    if (
        before is not None
        and before.tag
        and before.tag.startswith(("VZ", "LID", "VNW"))
        and before.text.lower() not in _PERSONAL_PRONOUNS
        and not (before.tag == "VNW" and _particle_word(other))
        and not (
            infinitive_follows
            and before.text.lower() in _BEFORE_AN_INFINITIVE
            and _particle_word(other)
        )
    ):
        # naar school, de deur: the word heads a phrase of its own. A pronoun before a
        # particle adverb or a bare adjective is none of theirs (komt niet meer terug, gaat
        # ook die dicht): an adjective after a determiner is inflected (die dichte deur).
        return False
    if after is None or after.sentence != other.sentence:
        return True
    if not after.is_word:
        # punctuation ends the clause; a number is what the word governs (in 1881, rond 0.30)
        return not after.text[:1].isalnum()
    following = after.text.lower()
    if after.pos == "VERB" or following == "te":
        return True
    # A preposition cannot govern another (geef het door aan haar), nor a clause (zoekt uit
    # waar, merkte op hoe, trok zich terug als): before either, a preposition is a particle,
    # and so are the particles that may stand before a phrase of their own.
    phrase_follows = (after.tag or "").startswith("VZ") or following in _CLAUSE_OPENERS
    preposition = (other.tag or "").startswith("VZ")
    if phrase_follows and (preposition or other.text.lower() in _BEFORE_A_PHRASE):
        return True
    # A particle adverb or adjective before a phrase the sentence puts after the verb (gaat
    # dicht voor onderhoud, houdt vast aan): only the common particles, as other adjectives
    # there are adverbs of the sentence (stel ze gerust aan de balie: feel free to ask).
    return other.text.lower() in SEPARABLE_PARTICLES and after.tag == "VZ-init"


def _particle_word(token: Token) -> bool:
    """An adjective, or an adverb that is a common particle (terug, weg; not wel, ook)."""
    return token.tag == "ADJ" or (token.tag == "BW" and token.text.lower() in SEPARABLE_PARTICLES)


# Prepositions that open an infinitive clause: "om terug te komen" is terugkomen's (but
# "om koffie te drinken" keeps its noun: a noun after them is the verb's object).
_BEFORE_AN_INFINITIVE = frozenset({"om", "door", "zonder"})


# Words that open a clause and never follow a preposition as its object (unlike wat, wie).
_CLAUSE_OPENERS = frozenset({"dat", "of", "hoe", "waar", "waarom", "wanneer", "als", "om"})


# Pronouns that never stand before a noun (unlike je, haar, ons, hun): keren we terug, belde
# hem op.
_PERSONAL_PRONOUNS = frozenset(
    {"ik", "jij", "hij", "zij", "ze", "we", "wij", "u", "jullie", "hem", "hen", "me", "mij"}
    | {"het", "zich", "iets", "niets", "alles", "zichzelf", "mezelf", "elkaar"}
    | {"iemand", "niemand", "iedereen"}
)


# A directional particle may come before a phrase of its own: keren we terug naar het oude
# ritme, neemt het mee naar huis. In the UD Dutch dev sets these words before a preposition
# are a verb's particle 19 times in 30. So are the noun and adverb particles of the verbs
# news writes with a phrase after them: vindt plaats in, neemt deel aan, werkt samen met,
# komt overeen met, maakte kennis met (a determiner before the word still makes it a noun:
# een deel van).
_BEFORE_A_PHRASE = frozenset(
    {"terug", "weg", "mee", "binnen", "buiten", "thuis"}
    | {"plaats", "deel", "samen", "overeen", "kennis"}
)


# How a particle joined to its verb is noted (bench/bench_tagging.py counts such tokens).
PARTICLE_NOTE = "part of the separable verb"


def _join_particle(lexicon: Lexicon, token: Token, particle: Token, where: str) -> bool:
    if particle.text.lower() in _INSEPARABLE_PREFIXES:
        return False  # het water liep ver: verlopen is never split
    verb = particle.text.lower() + (token.lemma or "")
    if not (is_infinitive(lexicon, verb) or _dictionary_verb(lexicon, verb)):
        return False  # aan + denken is no verb: het aandenken is a keepsake
    reading = describe(verb, "WW-inf")  # terugkeren the verb, not het terugkeren
    base = token.lemma
    token.lemma = verb
    token.gloss_note = f"separable verb {verb} ({particle.text} {where} in the sentence)"
    if reading.gloss:
        guessed = reading.gloss_source in GUESSED_SOURCES
        token.gloss = list(reading.gloss)
        token.gloss_source = reading.gloss_source if guessed else "lemma"
        if guessed and reading.gloss_note:
            token.gloss_note = reading.gloss_note  # how it was guessed: thuis + blijven
        token.ipa = reading.ipa  # the pronunciation that goes with these senses
    elif token.gloss:
        # No dictionary has the verb (doorgeven): its base's meaning is all there is, and
        # it is a guess (door|geven is "pass on", not "give"); a particle English says the
        # same way in every verb is said with it (terug|krijgen: get back).
        token.gloss_source = "compound"
        english = PARTICLE_ENGLISH.get(particle.text.lower())
        said = f"{particle.text} ({english})" if english else particle.text
        token.gloss_note = f"guess from its parts: {said} + {base} ({token.gloss[0]})"
        if english and base:
            verbal = describe(base, "WW-inf")
            token.gloss = with_particle(token.gloss, verb_senses(verbal), english)
    # The particle means what its verb means here: "op" in "belde ... op" is not "on". Its
    # lemma stays the particle's, as treebanks and dictionaries write it.
    particle.gloss = list(token.gloss)
    particle.gloss_note = f"{PARTICLE_NOTE} {verb}"
    return True


# Prefixes that are never a verb's particle, though spelled like a word (ver: far):
# verlopen and verhaasten are never split, "liep ver" is not verlopen.
_INSEPARABLE_PREFIXES = frozenset({"ver", "be", "ont", "her", "er", "ge"})


def _dictionary_verb(lexicon: Lexicon, word: str) -> bool:
    """A verb too rare for Frog's corpus that the dictionary has as one (droogleggen:
    drain, in "meren droog te leggen"); a form the corpus has is a verb only if it says so
    (is_infinitive)."""
    entry = lexicon.entry(word)
    return (
        entry is not None
        and not lexicon.readings(word)
        and any(sense.pos == "WW" for sense in entry.senses)
    )

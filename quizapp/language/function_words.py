"""Hand-written glosses for Dutch function words the FreeDict dictionary lacks.

Pronominal adverbs (er/hier/daar/waar + preposition) and a few conjunctions are frequent in
any text and absent from the dictionary; a short list beats special cases in the code.
Also the auxiliary verbs, which carry a sentence's tense or mood rather than its meaning.
"""

from __future__ import annotations

# Their particles are never joined to them (zijn ... op is no opzijn), and a learner's
# missed answer lists them only when the answer itself was one.
AUXILIARY_VERBS = frozenset(
    {"hebben", "zijn", "worden", "zullen", "kunnen", "moeten", "mogen", "willen"}
)

FUNCTION_WORD_GLOSSES: dict[str, tuple[str, ...]] = {
    "zich": ("himself, herself, itself, themselves (reflexive)",),
    "zichzelf": ("himself, herself, itself, themselves",),
    "elkaar": ("each other, one another",),
    "zowel": ("both ... and (zowel ... als)", "as well"),
    "inzake": ("concerning, regarding",),
    "middels": ("by means of",),
    "jegens": ("towards (a person)",),
    "vooraf": ("beforehand, in advance",),
    "zodat": ("so that",),
    "voordat": ("before",),
    "nadat": ("after",),
    "totdat": ("until",),
    "mits": ("provided that",),
    "ofwel": ("or, in other words", "either ... or (ofwel ... ofwel)"),
    "noch": ("nor (noch ... noch: neither ... nor)",),
    "eraan": ("to it, on it, of it",),
    "erop": ("on it, onto it",),
    "erover": ("about it, over it",),
    "ervan": ("of it, from it",),
    "ermee": ("with it",),
    "erin": ("in it, into it",),
    "erbij": ("with it, in addition",),
    "erna": ("after it, afterwards",),
    "ervoor": ("for it, before it",),
    "ertegen": ("against it",),
    "erdoor": ("through it, because of it",),
    "hierover": ("about this",),
    "hiervan": ("of this, from this",),
    "hierdoor": ("because of this, through this",),
    "hiermee": ("with this",),
    "hierin": ("in this",),
    "hierbij": ("herewith, with this",),
    "hiervoor": ("for this, before this",),
    "daarover": ("about that",),
    "daarvan": ("of that, from that",),
    "daardoor": ("because of that, through that",),
    "daarmee": ("with that",),
    "daarin": ("in that",),
    "daarbij": ("in doing so, with that",),
    "daarvoor": ("for that, before that",),
    "daarna": ("after that, afterwards",),
    "waarover": ("about which, about what",),
    "waarvan": ("of which, of what",),
    "waardoor": ("because of which, through which",),
    "waarmee": ("with which, with what",),
    "waarin": ("in which",),
    "waarbij": ("in which, whereby",),
    "waarvoor": ("for which, what for",),
    "ertoe": ("to it, to do it (ertoe leiden: lead to it)",),
    "erachter": ("behind it (erachter komen: find out)",),
    "erom": ("about it, around it, for it",),
    "ertussen": ("between them, in between",),
    "erboven": ("above it",),
    "eraf": ("off it",),
    "hieraan": ("to this, on this",),
    "hierop": ("on this, to this, after this",),
    "hierna": ("after this, below",),
    "hieruit": ("from this, out of this",),
    "hiertoe": ("to this end, for this",),
    "hieronder": ("below, under this",),
    "hierachter": ("behind this",),
    "daartegen": ("against that",),
    "daaruit": ("from that, out of that",),
    "daarachter": ("behind that",),
    "daarvandaan": ("from there",),
    "daarrond": ("around that",),
    "daartegenover": ("opposite that, on the other hand",),
    "waarbinnen": ("within which",),
    "zulke": ("such",),
    "elke": ("each, every",),
    "iedere": ("each, every",),
}

# Words that say how exact a number is, and mean so before one (ruim 300 mensen: over 300,
# krap een uur: just under an hour); elsewhere they keep their own senses (een ruim huis).
BEFORE_A_NUMBER_GLOSSES: dict[str, str] = {
    "ruim": "more than, over, well over",
    "krap": "just under, barely",
    "dik": "a good, well over",
    "circa": "about, approximately",
    "zo'n": "about, some",
}

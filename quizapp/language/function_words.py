"""Hand-written glosses for Dutch function words the FreeDict dictionary lacks.

Pronominal adverbs (er/hier/daar/waar + preposition) and a few conjunctions are frequent in
any text and absent from the dictionary; a short list beats special cases in the code.
"""

from __future__ import annotations

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

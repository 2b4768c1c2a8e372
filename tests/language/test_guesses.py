"""Guesses for words no dictionary has: a compound's head lends only the senses of the
compound's own part of speech; otherwise nothing is shown rather than something wrong."""

from quizapp.language import analyse_text


def _token(sentence: str, word: str):
    return next(t for t in analyse_text(sentence).tokens if t.text == word)


def _words(token) -> str:
    return " ".join(token.gloss).lower()


def test_a_noun_compound_never_borrows_a_verb_reading_of_its_head():
    # genoten is genieten's participle; bondgenoten has no noun sense for it to take.
    for sentence in (
        "Hij had overleg met NAVO-bondgenoten over Rusland.",
        "Daarom zijn niet alle NAVO-bondgenoten het eens.",
        "De ploeggenoten wachtten op hem.",
    ):
        word = next(w for w in sentence.rstrip(".").split() if "genoten" in w)
        token = _token(sentence, word)
        assert token.pos == "NOUN"
        assert not any(w in _words(token) for w in ("receive", "enjoy", "have", "use"))


def test_a_noun_compound_never_takes_an_adjective_head():
    # pijn|stiller: stiller is the comparative of stil ("silent"), no noun.
    token = _token("Hij nam een pijnstiller.", "pijnstiller")
    assert "silent" not in _words(token)


def test_a_verb_compound_never_takes_a_noun_head():
    # hand|haven is no harbour: the verb handhaven has no verb sense of haven.
    token = _token("De politie moet de orde handhaven.", "handhaven")
    assert token.pos == "VERB"
    assert "harbo" not in _words(token)


def test_a_head_whose_own_entry_is_read_as_the_compound_still_lends_it():
    # oogst's dictionary senses are tagged as the verb's, but oogst is a noun itself.
    token = _token("De graanoogsten vielen tegen.", "graanoogsten")
    assert token.gloss and token.gloss[0] == "harvest"
    assert token.gloss_source == "compound" and "guess" in token.gloss_note


def test_an_english_loanword_no_dictionary_has_is_its_english_word():
    # app: a word the corpus never saw; job: a short one it reads as a noun.
    for sentence, word, english in (
        ("Download de app op je telefoon.", "app", "app"),
        ("Hij zoekt een nieuwe job.", "job", "job"),
        # A plural reads as its singular, which the corpus knows as a noun.
        ("De fans juichten.", "fans", "fan"),
    ):
        token = _token(sentence, word)
        assert token.gloss == [english] and token.gloss_source == "cognate", (word, token.gloss)
        assert "guess" in token.gloss_note


def test_a_loanword_needs_more_than_a_chance_spelling():
    # Read once in the corpus ("lie"), or a lemma the corpus lacks (grenen -> "green"):
    # neither is a word to guess from.
    assert "lie" not in _words(_token("Een collie is een hond.", "collie"))
    assert "green" not in _words(_token("Een kast van grenen.", "grenen"))


def test_an_agent_noun_is_read_from_its_verb():
    cases = {
        "De rijder viel.": ("rijder", "rider"),
        "De klimmers trainen.": ("klimmers", "climber"),
        "De ontdekkers van het eiland.": ("ontdekkers", "discoverer"),  # not ontdek + kers
        "De schoonmaker komt morgen.": ("schoonmaker", "cleaner"),
        "De zwemsters trainen.": ("zwemsters", "swimmer"),  # -ster: English has one word
        "De werksters staken.": ("werksters", "worker"),  # not "heavenly body", nor "runner"
    }
    for sentence, (word, english) in cases.items():
        token = _token(sentence, word)
        assert token.gloss[0] == english, (word, token.gloss)
        assert token.gloss_source == "compound" and "guess" in token.gloss_note


def test_an_adjective_in_baar_or_loos_is_read_from_its_base():
    assert _token("Het probleem is oplosbaar.", "oplosbaar").gloss[0] == "solvable"
    assert _token("Een vlekkeloos optreden.", "vlekkeloos").gloss[0] == "spotless"
    assert _token("Het bleef doelpuntloos.", "doelpuntloos").gloss[0] == "goalless"
    betaalbaar = _token("De huur is betaalbaar.", "betaalbaar")
    assert betaalbaar.gloss_source == "compound" and "betalen" in betaalbaar.gloss_note


def test_a_noun_in_heid_of_an_able_adjective_is_its_ability():
    # leesbaar "readable": -heid is "readability" (English has no "readableness")
    token = _token("De leesbaarheid van de tekst.", "leesbaarheid")
    assert token.gloss[0] == "readability" and token.gloss_source == "compound"
    assert "leesbaar" in token.gloss_note
    assert _token("De zichtbaarheid is slecht.", "zichtbaarheid").gloss[0] == "visibility"


def test_a_derivation_english_lacks_is_not_guessed_from_a_part():
    # kans + -loos: "chanceless" is no English word, and loze ("mobile") is no head.
    assert "mobile" not in _words(_token("Het was een kansloze wedstrijd.", "kansloze"))


def test_a_meaning_built_from_a_derivation_is_not_lent_to_a_compound():
    # verslag|gever: gever is guessed as "giver", but a reporter is no giver.
    token = _token("Zij is krantenverslaggever.", "krantenverslaggever")
    assert "giver" not in _words(token)


def test_a_weak_participle_simplemma_misses_finds_its_verb():
    assert _token("Hij heeft hard getraind.", "getraind").lemma == "trainen"
    dried = _token("Ze aten gedroogde vruchten.", "gedroogde")
    assert dried.lemma == "drogen" and "dried" in _words(dried)  # before its noun: dried


def test_no_compound_is_cut_one_letter_past_a_particle():
    # op|stelling, toe|trekken, om|streden: a cut at op|s, toe|t, om|s leaves the particle's
    # word misread as a compound of nonsense (ops + telling, toet + rekken, oms + treden).
    from quizapp.language.compounds import split_compound

    for word in ("opstelling", "toetrekken", "omstreden", "overstapte", "losstaande"):
        assert split_compound(word) is None, word
    assert "telling" not in _words(_token("De opstelling van het team.", "opstelling"))
    # A compound whose first part merely starts with a particle still splits.
    assert split_compound("inkoopprijs") == ("inkoop", "prijs")


def test_a_verbs_stem_is_a_compounds_modifier_before_a_noun_only():
    from quizapp.language.compounds import split_compound

    # weef|zaal: a room for weaving (weven), faal|angst: fear of failing (falen)
    assert split_compound("weefzaal") == ("weef", "zaal")
    token = _token("De oude weefzaal is nu een museum.", "weefzaal")
    assert token.gloss_source == "compound" and "weave" in token.gloss_note
    assert "fear" in _words(_token("Zij heeft last van faalangst.", "faalangst"))
    # only where no other split is found (wer|kweek is no compound of weren: werk|week),
    # never before a verb (ontman|telen), and never in a word the dictionary has in
    # another case (rome|ins for Romeins)
    assert split_compound("werkweek") == ("werk", "week")
    for word in ("ontmantelen", "romeins"):
        assert split_compound(word) is None, word


def test_an_adjective_of_a_place_means_of_that_place():
    cases = {
        "Het Rotterdamse bedrijf groeit.": ("Rotterdamse", "Rotterdam"),
        "Een Leidse wetenschapper sprak.": ("Leidse", "Leiden"),
        "De Groningse studenten demonstreren.": ("Groningse", "Groningen"),
        "De Oostendse haven is groot.": ("Oostendse", "Ostend"),  # the dictionary's English
    }
    for sentence, (word, place) in cases.items():
        token = _token(sentence, word)
        assert token.gloss and token.gloss[0] == f"{place}, of {place}", (word, token.gloss)
        assert token.gloss_source == "compound" and "guess" in token.gloss_note


def test_a_compound_of_an_adjective_for_people_is_read_either_way():
    # The head gewonden is the adjective gewond used as a noun: its senses keep their parts
    # of speech, whichever tag the compound gets (a mismatch once raised an error).
    from quizapp.language.reading import describe

    assert describe("oorlogsgewonden", "N-mv").gloss[0] == "injured people"
    assert "injured" in describe("oorlogsgewonden", "ADJ").gloss[0]
    assert describe("oorlogsdoden", "ADJ").gloss
    token = _token("De oorlogsgewonden werden verzorgd.", "oorlogsgewonden")
    assert token.gloss_source == "compound"


def test_on_before_an_adjective_is_its_opposite_and_a_guess():
    token = _token("Het kruispunt is onveilig voor fietsers.", "onveilig")
    assert token.gloss[0] == "unsafe" and token.gloss_source == "compound"
    assert "on- + veilig" in token.gloss_note
    # An English word made with the prefix that is a verb or noun is another word
    # (dis|close, invalid): then "not" says it.
    assert _token("Dat contract is onwettig.", "onwettig").gloss[0] == "not legal"
    # A participle is no adjective to negate (ongedaan maken is no "in fact").
    assert "fact" not in _words(_token("Hij wil het ongedaan maken.", "ongedaan"))


def test_a_place_particle_makes_a_noun_compound_but_not_a_particle_verbs_noun():
    token = _token("De binnenkant van de schoen is zacht.", "binnenkant")
    assert token.gloss[0] == "side" and token.gloss_source == "compound"
    assert "binnen" in token.gloss_note
    from quizapp.language.compounds import split_compound

    assert split_compound("binnenkant") == ("binnen", "kant")
    # onder|handeling is the noun of onderhandelen, voor|zitter of voorzitten.
    assert split_compound("onderhandelingen") != ("onder", "handelingen")
    assert split_compound("voorzitters") != ("voor", "zitters")


def test_a_separable_verb_no_dictionary_has_lends_its_base_meaning_as_a_guess():
    token = _token("Verkoop de fiets niet aan hem door.", "Verkoop")
    assert token.lemma == "doorverkopen"
    assert token.gloss_source == "compound"
    assert token.gloss_note == f"guess from its parts: door + verkopen ({token.gloss[0]})"


def test_a_word_only_one_dictionary_into_dutch_lists_is_a_guess_from_it():
    # Finnish's dictionary into Dutch alone lists doorgeven (välittää: "convey, forward, pass")
    token = _token("Geef de wijziging dan zo snel mogelijk aan ons door.", "Geef")
    assert token.lemma == "doorgeven" and token.gloss_source == "listing"
    assert "pass" in token.gloss[0] and "guess" in token.gloss_note
    for sentence, word, english in [
        ("Dat lukte niet.", "lukte", "succeed"),
        ("De zeespiegel stijgt.", "zeespiegel", "sea level"),  # not spiegel's "mirror"
        ("Wij halen het voortaan op.", "voortaan", "from now on"),
    ]:
        token = _token(sentence, word)
        assert token.gloss[0].startswith(english) and token.gloss_source == "listing", token
    # lent to no compound: gever is listed as "donor, giver", a reporter is neither
    assert "giver" not in _words(_token("Zij is krantenverslaggever.", "krantenverslaggever"))


def test_a_particle_english_says_alike_in_every_verb_is_said_with_the_base_verb():
    # terug|krijgen, open|duwen: no dictionary has them; "back" and "open" say the particle
    token = _token("Ik krijg mijn geld terug.", "krijg")
    assert token.lemma == "terugkrijgen" and token.gloss_source == "compound"
    assert token.gloss[0].startswith("have back") and "terug (back)" in token.gloss_note
    assert all("back" in sense for sense in token.gloss)  # each a verb sense
    pushed = _token("Zij heeft het hek opengeduwd.", "opengeduwd")
    assert pushed.lemma == "openduwen" and pushed.gloss[0].startswith("push open")


def test_a_participle_of_a_separable_verb_no_dictionary_has_is_guessed_from_its_base():
    # door|verkocht had no meaning at all; like the finite verb, it lends its base's
    token = _token("Zij heeft het al doorverkocht.", "doorverkocht")
    assert token.lemma == "doorverkopen" and token.gloss_source == "compound"
    assert token.gloss_note.startswith("guess from its parts: door + verkopen")


def test_a_present_participle_no_entry_has_means_the_verbs_ing_form():
    assert _token("Een zingende vogel.", "zingende").gloss[0] == "singing"
    # be -> being, not "bing"; a form English does not use stays as it was (oughting).
    from quizapp.language.derivations import ing_sense

    assert ing_sense("be valid") == "being valid"
    assert ing_sense("run, stop, make, lie") == "running, stopping, making, lying"
    assert ing_sense("ought to") == "ought to"


def test_a_sense_the_ing_form_repeats_is_shown_once():
    # volgen has "follow", and the participle's entry already says "following": the
    # learner sees "following" once, not again under More meanings.
    senses = _token("De volgende dag.", "volgende").gloss
    assert "following" in senses
    assert len(senses) == len(set(senses))


def test_a_superlative_no_entry_has_means_the_english_superlative():
    biggest = _token("Het is de grootste stad.", "grootste").gloss[0]
    assert biggest == "greatest, biggest, largest"
    assert "most expensive" in _token("De duurste producten.", "duurste").gloss[0]
    # beste has an entry of its own (best): no "bestest"
    assert _token("De beste keuze.", "beste").gloss[0] == "best"
    from quizapp.language.derivations import superlative_sense

    # hot -> hottest, easy -> easiest, good -> best; a noun among the words says no degree
    assert superlative_sense("hot, easy, good") == "hottest, easiest, best"
    assert superlative_sense("young, child, offspring") == "youngest"
    assert superlative_sense("child, offspring") == "child, offspring"  # nothing to grade


def test_a_comparative_no_entry_has_means_the_english_comparative():
    assert _token("Bellen is nu makkelijker.", "makkelijker").gloss[0] == "easier, more facile"
    assert _token("De prijzen zijn hoger.", "hoger").gloss[0].startswith("higher")
    assert _token("Dat is duurder.", "duurder").gloss[0] == "more expensive"
    from quizapp.language.derivations import comparative_sense

    assert comparative_sense("big, good, expensive") == "bigger, better, more expensive"
    # the lemma's noun is no sense of its comparative (laag: layer); the uninflected
    # form's own entry stays (laatste: last)
    assert "layer" not in _token("De lagere prijzen.", "lagere").gloss
    assert _token("De laatste dag.", "laatste").gloss[0] == "last"


def test_a_comparative_whose_first_sense_is_its_positives_says_the_comparative():
    # langer's entry says "on, more, further, else"; lang's "long" came first
    assert _token("Leerlingen slapen langer.", "langer").gloss[0] == "longer"
    assert _token("Ik ga vaker naar de markt.", "vaker").gloss[0].startswith("more often")
    # verder's own sense that says ver's comparative (far: further) leads, not "additional"
    assert _token("Ze gingen verder met het werk.", "verder").gloss[0].startswith("further")
    # an entry of the form's own that says something else stays: formerly, not earlier
    from quizapp.language.reading import describe

    assert describe("vroeger", "ADJ-comp", ("BW", "ADJ")).gloss[0].startswith("formerly")


def test_a_rare_english_word_spelled_exactly_alike_is_its_meaning():
    token = _token("De boer werkt in de polder.", "polder")
    assert token.gloss[0] == "polder" and token.gloss_source == "cognate"


def test_a_long_word_with_a_regular_ending_is_its_rarer_english_cognate():
    # English makes these endings regularly: rare in English text, but no chance match.
    assert _token("De quantificatie van het risico.", "quantificatie").gloss[0] == (
        "quantification"
    )
    assert _token("Het lichaam maakt prostaglandine aan.", "prostaglandine").gloss[0] == (
        "prostaglandin"
    )


def test_only_a_verb_senses_one_word_alternatives_take_the_particle():
    from quizapp.language.reading import with_particle

    gloss = ["have, receive", "war", "stay over"]
    verbal = {"have, receive", "stay over"}
    assert with_particle(gloss, verbal, "back") == ["have back, receive back", "war", "stay over"]

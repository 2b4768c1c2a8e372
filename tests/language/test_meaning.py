"""The meaning shown first is the one the sentence needs: part of speech, units, compounds."""

import json

from click.testing import CliRunner

from quizapp.language import analyse_text
from quizapp.language.cli import analyze
from quizapp.language.compounds import split_compound


def _token(sentence: str, form: str):
    return next(t for t in analyse_text(sentence).tokens if t.text == form)


def _first(sentence: str, form: str) -> str:
    return _token(sentence, form).gloss[0]


def test_the_sentence_chooses_the_first_meaning():
    assert "government" in _first("De regering heeft een plan.", "regering")
    assert "style" in _first("Het is een huis in nieuwe stijl.", "stijl")
    assert "very" in _first("Het is heel mooi weer.", "heel")
    assert _first("Het is een Spaanse film.", "Spaanse") == "Spanish"
    assert "be" in _first("Het huis is groot.", "is").split(", ")
    assert "existence" not in _first("Het huis is groot.", "is")


def test_a_separable_particle_means_what_its_verb_means():
    tokens = analyse_text("Zij belde haar moeder op.").tokens
    verb, particle = (next(t for t in tokens if t.text == w) for w in ("belde", "op"))
    assert (verb.lemma, particle.lemma) == ("opbellen", "op")
    assert particle.gloss == verb.gloss and "telephone" in verb.gloss[0]
    assert "opbellen" in particle.gloss_note


def _lemmas(sentence: str, *forms: str) -> tuple:
    tokens = analyse_text(sentence).tokens
    return tuple(next(t for t in tokens if t.text == form).lemma for form in forms)


def test_a_particle_belongs_to_the_nearest_verb_before_it():
    # Two coordinated clauses: op is sta's particle, not ga's (opgaan, "rise").
    sentence = "Ga elke dag op tijd naar bed en sta op dezelfde tijd op."
    assert _lemmas(sentence, "Ga", "sta") == ("gaan", "opstaan")
    # After the subject of an inverted clause, and before a phrase of its own.
    assert _lemmas("Dan keren we terug naar het oude ritme.", "keren") == ("terugkeren",)
    assert _lemmas("Hij neemt het boek mee naar huis.", "neemt") == ("meenemen",)
    # A word that heads a phrase of its own is no particle.
    assert _lemmas("Hij gaat met de bus naar huis.", "gaat") == ("gaan",)
    # Nor one in a subordinate clause with its own finite verb: vol is the accu's.
    sentence = "Trek de stekker uit het stopcontact zodra de accu vol is."
    assert _first(sentence, "vol") == "full, complete"
    # ... but als and dan compare, and a pronoun read as a conjunction opens no clause.
    assert _lemmas("Nederland sloot het toernooi als negende af.", "sloot") == ("afsluiten",)
    assert _lemmas("Geef dat dan vóór maandag door aan de juf.", "Geef") == ("doorgeven",)


def test_a_clause_goes_on_after_brackets_and_stops_at_a_relative_waar_word():
    sentence = "Zij richtten in 2001 de Stichting Topzwemmen Amsterdam (STA) op."
    assert _lemmas(sentence, "richtten") == ("oprichten",)
    sentence = "Oranje deinsde, zoals zo vaak in dit toernooi, terug voor de tegenstander."
    assert _lemmas(sentence, "deinsde") == ("terugdeinzen",)
    # a comma before a clause of its own still ends the verb's: op is no particle of kwam
    assert _lemmas("Hij kwam thuis, de zon ging op.", "kwam") == ("thuiskomen",)
    # waarop opens a relative clause of its own: thuis is sloeg's, not liet's
    sentence = "Hij liet de bal gaan (zes tegen drie) waarop Milliard thuis sloeg."
    assert _lemmas(sentence, "liet") == ("laten",)


def test_a_particle_before_a_phrase_or_a_clause_of_its_own():
    # A preposition governs neither another preposition nor a clause: it is the particle.
    sentence = "Geef dat dan vóór 7 maart door aan de leerkracht."
    assert _lemmas(sentence, "Geef") == ("doorgeven",)
    assert _lemmas("Je zoekt uit waar een pakket is gebleven.", "zoekt") == ("uitzoeken",)
    assert _lemmas("Een vriend merkte op hoe hij tekende.", "merkte") == ("opmerken",)
    # The noun and adverb particles news writes before a phrase.
    assert _lemmas("De synthese vindt plaats in een zuur milieu.", "vindt") == ("plaatsvinden",)
    assert _lemmas("Hij werkte samen met Elvis Presley.", "werkte") == ("samenwerken",)
    assert _lemmas("Zij neemt deel aan de wedstrijd.", "neemt") == ("deelnemen",)
    # ... but not after a determiner, and a number is what a preposition governs.
    assert _lemmas("Hij nam een deel van de taart.", "nam") == ("nemen",)
    assert _lemmas("Hij schildert in 1882 zijn portret.", "schildert") == ("schilderen",)
    assert _lemmas("Ze reed de rit over 5,5 kilometer.", "reed") == ("rijden",)


def test_a_participle_saying_a_state_means_what_the_adjective_means():
    assert _first("De winkel is vandaag gesloten.", "gesloten") == "closed, shut"
    assert _first("Ervaring is mooi, maar niet verplicht.", "verplicht") == "compulsory"
    # Something done is the verb: with worden or hebben, and after an action verb.
    assert _first("De deur wordt om tien uur gesloten.", "gesloten") == "close, shut"
    assert _first("Hij heeft de deur gesloten.", "gesloten") == "close, shut"


def test_a_split_pronominal_adverb_means_the_joined_word():
    tokens = analyse_text("Daar heb ik geen last van.").tokens
    daar, van = (next(t for t in tokens if t.text == w) for w in ("Daar", "van"))
    assert daar.gloss[0] == van.gloss[0] == "of that, from that"
    assert "daarvan" in daar.gloss_note


def test_dictionary_units_in_a_row_and_across_the_clause():
    for sentence in ("Het plan bestaat uit drie delen.", "Ik weet dat het uit drie delen bestaat."):
        tokens = analyse_text(sentence).tokens
        unit = [t.text for t in tokens if t.phrase == "bestaan uit"]
        assert sorted(unit) == ["bestaat", "uit"], sentence
        assert "consist" in next(t for t in tokens if t.text == "bestaat").gloss[0]
    assert {t.phrase for t in analyse_text("Ten eerste is het duur.").tokens} >= {"ten eerste"}
    # The commonest verbs with a preposition mean what their words mean.
    assert not any(t.phrase for t in analyse_text("Ik ga naar de winkel.").tokens)
    assert {t.phrase for t in analyse_text("Ik ga naar huis.").tokens} == {None, "naar huis"}
    # a comparative's lemma is another word: "beter zo" is not the unit "goed zo"
    assert _first("Het is beter zo.", "beter") == "better"
    # van before a time opens a range, not houden van's object (love)
    assert _phrases("Wij houden van onze klanten.")["houden"] == "houden van"
    assert _phrases("Zaterdag houden wij van 10.00 tot 13.00 uur open huis.")["houden"] is None
    assert _phrases("Hij nam afscheid van 3 collega's.")["nam"] == "afscheid nemen van"


def _phrases(sentence: str) -> dict[str, str | None]:
    return {t.text: t.phrase for t in analyse_text(sentence).tokens if t.is_word}


def test_a_verb_before_the_rest_of_its_idiom_is_one_unit_with_it():
    phrases = _phrases("Wij houden altijd rekening met u.")
    assert [phrases[w] for w in ("houden", "rekening", "met")] == ["rekening houden met"] * 3
    assert phrases["altijd"] is None and phrases["u"] is None
    # the particle the tagger joined to the verb is the idiom's noun (kennis + maken)
    assert _phrases("Ze maakte kennis met haar buren.")["maakte"] == "kennis maken met"
    assert _phrases("Daarmee nam hij afscheid van zijn moeder.")["nam"] == "afscheid nemen van"
    # The idiom's words in order, in the verb's clause, and a noun among them: "weer" in
    # "gaat weer" is "again", not "weer gaan" (return); a copula's adjective is itself.
    assert _phrases("Het gaat weer goed met hem.")["gaat"] is None
    assert _phrases("Het weer wordt beter.")["wordt"] is None
    assert _phrases("Hij nam de trein, want het bad was vol.")["nam"] is None


def test_compounds_are_never_split_after_a_prefix_or_before_a_suffix_word():
    for word in ("doorbraken", "gegevens", "werksters", "vrijheid", "ontwerpen", "verbond"):
        modifier = (split_compound(word) or ("",))[0].lower()
        assert modifier not in {"door", "ge", "werk", "vrij", "ont", "ver"}, word
    assert split_compound("videogesprek") == ("video", "gesprek")


def test_a_compound_guess_is_marked_and_names_both_parts():
    token = _token("Het identiteitsbewijs ligt thuis.", "identiteitsbewijs")
    assert token.gloss_source == "compound"
    assert "identity" in token.gloss_note  # the modifier's base, its linking -s- stripped
    # "dorps" is a word of Frog's corpus, but only dorp has a translation
    assert "dorps (village)" in _token("Het dorpshuis is open.", "dorpshuis").gloss_note
    assert split_compound("kinderboek") == ("kinder", "boek")  # the linking -er- of kinderen
    assert split_compound("uiterwaarden") is None  # -er- links a noun, not the particle uit
    assert "(child" in _token("De kinderfiets is mooi.", "kinderfiets").gloss_note


def test_the_level_is_the_lemmas():
    tokens = {t.text: t for t in analyse_text("De acties en de actie duren lang; durend.").tokens}
    assert tokens["acties"].level == tokens["actie"].level
    assert tokens["durend"].level == tokens["duren"].level


def test_analyze_json_gives_the_contract_fields(tmp_path):
    text = tmp_path / "text.txt"
    text.write_text("Het plan bestaat uit drie delen. Het videogesprek duurde lang.\n")
    result = CliRunner().invoke(analyze, [str(text), "--json"])
    assert result.exit_code == 0, result.output
    tokens = {t["text"]: t for t in json.loads(result.output)["tokens"]}
    for field in ("meaning", "senses", "pos", "lemma", "gender", "level", "guess", "unit"):
        assert all(field in t for t in tokens.values()), field
    assert tokens["bestaat"]["unit"] == "bestaan uit"
    assert tokens["bestaat"]["meaning"] == tokens["bestaat"]["senses"][0]
    assert tokens["videogesprek"]["guess"] is True
    assert tokens["videogesprek"]["gender"] == "het"
    assert tokens["."]["meaning"] is None


def test_a_word_no_dictionary_has_is_guessed_from_its_spelling_and_marked():
    token = _token("De medicatie helpt.", "medicatie")
    assert token.gloss == ["medication"] and token.gloss_source == "cognate"
    assert "guess" in token.gloss_note
    # Only in the part of speech English WordNet gives the word: flexibel is no noun.
    assert _token("Zij is flexibel.", "flexibel").gloss == ["flexible"]
    assert _token("De financiering is rond.", "financiering").gloss == ["financing"]


def test_a_noise_reading_makes_no_compound_part():
    # "vi" is read once as an adverb in Frog's corpus: video is no vi+deo (deodorant).
    assert split_compound("video") is None
    assert _token("Ze keken naar de video.", "video").gloss[0] == "video"


def test_a_compound_head_is_read_as_the_compound_is():
    # bondgenoten is a noun: its head genoten is a noun too, never genieten's participle.
    token = _token("De bondgenoten praten.", "bondgenoten")
    assert token.lemma == "bondgenoot"
    assert "genieten" not in (token.gloss_note or "")
    assert not any(word in " ".join(token.gloss) for word in ("receive", "enjoy", "use"))


def test_a_word_only_dictionaries_into_dutch_have_is_translated():
    # bondgenoot is in no dictionary into English; Polish, Finnish and Greek list it
    # under their words for "ally" (the "bond + genoten: allies").
    token = _token("Hij had overleg met NAVO-bondgenoten over Rusland.", "NAVO-bondgenoten")
    assert token.gloss[0] == "ally" and token.lemma == "NAVO-bondgenoot"
    assert _first("Wij bieden gratis koffie.", "bieden") == "offer"
    assert _first("Hij is verliefd.", "verliefd").startswith("in love")


def test_dan_is_than_only_after_a_comparative():
    assert _first("Als het regent, dan blijven we thuis.", "dan") == "then"
    assert _first("Het huis is groter dan de schuur.", "dan") == "than"
    assert _token("Hij komt meer dan eens.", "dan").tag.startswith("VG")


def test_te_before_an_adjective_is_too():
    assert "too" in _first("Het is te duur voor mij.", "te")
    assert _token("Ik probeer te slapen.", "te").tag.startswith("VZ")


def test_an_ordinal_means_itself_not_its_cardinal():
    assert _first("Dat is de tweede poging.", "tweede") == "second"
    assert _first("Er zijn twee katten.", "twee") == "two"


def test_a_split_pronominal_adverb_before_the_final_verbs():
    # "van" right before the verb has no object: daar ... van is daarvan.
    token = _token("Zonder dat patiënten daar de dupe van worden.", "daar")
    assert token.gloss[0].startswith("of that")


def test_the_words_own_entry_before_its_lemmas_past_the_needed_part_of_speech():
    # "niet meer": meer's own "no longer" comes before the "much" of its lemma veel.
    assert "much" not in _first("Ik slaap niet meer.", "meer")
    assert "much" in _first("Er is veel regen.", "veel")


def test_a_tag_no_entry_has_falls_back_to_the_words_other_readings():
    # No dictionary has the verb "sluizen"; read as one, it still means its noun's plural.
    from quizapp.language.reading import describe

    assert "lock" in describe("sluizen", "WW-inf").gloss[0]


def test_an_adjective_used_as_a_noun_means_its_people():
    assert _first("Veel jongeren wonen nog thuis.", "jongeren") == "young people"
    assert _first("Er vielen drie gewonden.", "gewonden") == "injured people"
    assert _token("Er vielen drie gewonden.", "gewonden").lemma == "gewond"
    # A noun's own plural stays the noun's: stukken are pieces, armen arms.
    assert "people" not in _first("De stukken liggen er.", "stukken")
    assert "people" not in _first("Hij brak zijn armen.", "armen")


def test_an_adjective_not_before_its_noun_in_a_clause_without_a_copula_is_an_adverb():
    """CGN tags snel in "hij drinkt snel koffie" ADJ; the learner needs "quickly". With a
    copula (zijn, worden, blijven...) it says what something is, and keeps the adjective's
    meaning; a comparative's English form is an adverb too (beter: better, not "rather")."""
    assert _first("De scheidsrechter wees direct naar de stip en de penalty werd benut.",
                  "direct").startswith("directly")  # fmt: skip
    assert "quickly" in _first("Ik drink snel een kop koffie.", "snel")
    assert _first("Bijna iedereen slaapt weleens slecht.", "slecht") == "badly"
    assert "fast" in _first("De auto is snel.", "snel")
    assert "quick" in _first("Het werd een snelle aanval.", "snelle")
    assert _first("Mijn moeder kookt beter dan ik.", "beter") == "better"
    assert _first("Goed, dan gaan we.", "Goed") != "well"  # no verb in its clause


def test_an_inflected_adjective_is_not_read_as_its_shortened_spelling():
    """hele is heel with its -e (ee written e in an open syllable), not the adjective hel
    ("bright, clear, light"); laatste still finds laatst's own entry."""
    assert "whole" in _first("Het regende de hele ochtend.", "hele")
    assert _first("Het is de laatste dag.", "laatste") == "last"


def test_ruim_and_krap_before_a_number_say_how_exact_it_is():
    assert _first("Er kwamen ruim 300 mensen.", "ruim") == "more than, over, well over"
    assert _first("Het duurde ruim twee jaar.", "ruim") == "more than, over, well over"
    assert _first("Hij werkte krap een uur.", "krap") == "just under, barely"
    assert "more than" not in _first("Het is een ruim huis.", "ruim")


def test_an_adjective_before_a_participle_is_its_adverb():
    assert _first("De prijzen zijn sterk gestegen.", "sterk") == "strongly"
    assert _first("Het werk is snel gedaan.", "snel").startswith("quickly")
    # ... but not before a copula's participle: rijk is what he became.
    assert _first("Hij is rijk geworden.", "rijk") == _first("Hij is rijk.", "rijk")


def test_a_comparative_leads_with_an_english_comparative():
    assert _first("Hij kwam later.", "later") == "later"  # not "hind, hindmost"
    assert _first("Mijn moeder kookt beter dan ik.", "beter") == "better"  # not "rather"
    from quizapp.language.senses import comparatives_first

    assert comparatives_first(["rather", "number", "better"]) == ["better", "rather", "number"]


def test_a_past_modal_reads_as_the_english_past_modal():
    # zullen's sense is "go, will, shall": zou is "would", first; ging keeps gaan's senses
    assert _first("Hij zou morgen komen.", "zou").startswith("would")
    assert _first("Hij kon niet slapen.", "kon").startswith("could")
    assert _first("Ze moest werken.", "moest").startswith("had to")
    assert _first("Hij ging naar huis.", "ging") == "go"


def test_worden_without_a_participle_in_its_clause_is_become():
    assert _first("Het wordt koud.", "wordt").startswith("become")
    assert _first("Hij werd president.", "werd").startswith("become")
    assert _first("Het is koud geworden.", "geworden").startswith("become")
    # ... and with one it is the passive, also past a comparison's dan (no clause of its own)
    assert _first("Het huis wordt gebouwd.", "wordt") == "be"
    assert _first("Er worden meer dan honderd huizen gebouwd.", "worden") == "be"
    assert _first("Het wordt warmer dan gisteren.", "wordt").startswith("become")


def test_an_adjective_of_manner_read_as_an_adverb_says_the_english_adverb():
    # persoonlijk, technisch, makkelijk qualifying a verb: English says them with -ly
    assert _first("Hij heeft het persoonlijk gebracht.", "persoonlijk") == "personally"
    assert _first("Dat kan makkelijk verijdeld worden.", "makkelijk") == "easily"
    # ... not as a predicate, nor inflected before its noun
    assert _first("Dat is persoonlijk.", "persoonlijk").startswith("personal")
    assert _first("Een technische fout.", "technische") == "technical"


def test_english_adverbs_are_made_only_where_english_has_them():
    from quizapp.language.senses import english_adverb

    assert english_adverb("conscious") == "consciously"
    assert english_adverb("gentle") == "gently"
    assert english_adverb("basic") == "basically"
    assert english_adverb("true") == "truly"
    assert english_adverb("full") == "fully"
    assert english_adverb("hard") == "hard"  # its own adverb
    assert english_adverb("tall") is None  # not "tally"
    assert english_adverb("aware") is None


def test_raken_with_a_predicate_is_get_or_become():
    assert "become" in _first("Negen personen raakten daarbij gewond.", "raakten")
    assert "become" in _first("Zij is bij het ongeluk betrokken geraakt.", "geraakt")
    # ... and with an object only it is the verb of hitting
    assert _first("De kogel raakte hem in zijn been.", "raakte").startswith("hit")


def test_a_particle_after_an_indefinite_pronoun_is_the_verbs():
    assert _lemmas("Dat houdt niemand vol.", "houdt") == ("volhouden",)


def test_a_particle_after_a_pronoun_or_before_a_later_phrase_is_the_verbs():
    # A pronoun is no determiner of an adverb or a bare adjective after it.
    assert _lemmas("Hij komt niet meer terug.", "komt") == ("terugkomen",)
    assert _lemmas("Vanaf juli gaat ook die dicht.", "gaat") == ("dichtgaan",)
    # A common particle before a phrase put after the verb.
    assert _lemmas("De brug gaat dan dicht voor groot onderhoud.", "gaat") == ("dichtgaan",)
    assert _lemmas("We houden vast aan de vijfdaagse werkweek.", "houden") == ("vasthouden",)
    # ... but an adverb of the sentence there is none: "feel free to ask", not "reassure";
    # neither is a modal adverb after a pronoun (wel doen, not weldoen), nor a noun after a
    # determiner.
    assert _lemmas("Stel ze gerust aan de assistente.", "Stel") == ("stellen",)
    assert _lemmas("Het is goed dat wel te doen.", "doen") == ("doen",)
    assert _lemmas("Hij vond die plaats mooi.", "vond") == ("vinden",)


def test_a_particle_before_an_infinitive_or_spelled_apart_is_the_verbs():
    assert _lemmas("Ik ben bereid om terug te komen.", "komen") == ("terugkomen",)
    assert _lemmas("Ze zag de renners voorbij komen.", "komen") == ("voorbijkomen",)
    # a noun after "om" is the verb's object; a preposition before a participle is one
    # the sentence strands (daar ... aan)
    assert _lemmas("Ze gaan om koffie te drinken.", "drinken") == ("drinken",)
    assert _lemmas("Hij heeft zich daar niet aan gehouden.", "gehouden") == ("houden",)


def test_an_adverb_of_degree_is_one_only_before_the_word_it_grades():
    assert _first("Het huis is zo groot.", "zo") == "so"
    assert _first("Dat kost zo veel geld.", "zo") == "so"
    assert not _first("Zo werd hij koning.", "Zo").startswith("so")
    assert _first("Hij is even groot als zijn broer.", "even").startswith("equally")
    for sentence in ("Wacht even op mij.", "Even later ging hij weg.", "Ik ben even weg."):
        form = "Even" if sentence.startswith("Even") else "even"
        assert _first(sentence, form).startswith("a moment"), sentence
    # "as" leads a comparing sense, no degree: dan before an adjective is still "then"
    assert _first("Als het toestel kapotgaat, staat u dan vaak met lege handen.", "dan") == "then"


def test_a_participle_before_its_noun_means_what_english_says_with_a_participle():
    # The verb's senses said as participles, regular and irregular ...
    assert _first("Het gepubliceerde rapport.", "gepubliceerde") == "revealed, published"
    assert _first("De gestolen fiets.", "gestolen").startswith("stolen")
    assert _first("De geplande operaties.", "geplande") == "planned"
    assert _first("Het betaalde bedrag.", "betaalde") == "paid"
    # ... also saying a state, while the perfect keeps the verb's own form.
    assert _first("De ruit is gebroken.", "gebroken") == "broken"
    assert _first("Hij heeft de ruit gebroken.", "gebroken") == "break"
    # The participle's own entry counts as an adjective's (concerned, not "dismal"), and
    # its noun stays a noun (gepensioneerde: retired, before "pensioner").
    assert _first("De betrokken gebieden.", "betrokken") == "concerned, in question"
    assert _first("Een gepensioneerde elektricien.", "gepensioneerde") == "retired"


def test_participle_sense_makes_english_participles():
    from quizapp.language.derivations import participle_sense
    from quizapp.language.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert participle_sense(lexicon, "round, round off") == "rounded, rounded off"
    assert participle_sense(lexicon, "begin, sing, stop, carry") == "begun, sung, stopped, carried"
    assert participle_sense(lexicon, "put, come") == "put, come"  # no "putted", no "came"
    assert participle_sense(lexicon, "be burnt down") == "burnt down"
    assert participle_sense(lexicon, "breakdown") == "breakdown"  # no verb: kept


def test_a_pronoun_before_its_noun_reads_as_a_determiner_of_its_number():
    assert _first("Hij heeft geen auto.", "geen") == "no"  # not "nobody, none"
    assert _first("Ik heb er geen.", "geen").startswith("nobody")  # no noun: the pronoun
    assert _first("Deze man lacht.", "Deze") == "this"
    assert _first("Deze mannen lachen.", "Deze") == "these"
    assert _first("Er waren veel mensen.", "veel") == "many"
    assert _first("Er was veel tijd.", "veel").startswith("much")
    assert _first("Welke trein neem je?", "Welke") == "which"
    # A graded form keeps its own sense, and dat before a plural is the conjunction.
    assert _first("Er waren meer mensen.", "meer") == "more"
    assert _first("Ze klagen dat strenge regels het werk vertragen.", "dat") == "that"

"""The one name replacement (vsr.anonymise.names): whole names and their parts, initials, case
and diacritics, possessives, names in titles and file names, and ordinary words left alone."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lang import worded
from tests.vsr.collection_fixtures import make_source
from vsr.anonymise.names import NameReplacer, fold, replacer_from, title_parts
from vsr.anonymise.ordinary_words import ordinary_words
from vsr.library import Library
from vsr.library import recordings as rc
from vsr.library import reviews as rv

PEOPLE = {"José de la Cruz-Fernández": "Cliënt", "Piet Jansen": "Professional"}


def test_names_in_any_case_and_with_or_without_diacritics_become_roles() -> None:
    names = replacer_from(PEOPLE)
    assert names("JOSÉ zei iets; jose ook, en José de la Cruz-Fernández zelf.") == (
        "Cliënt zei iets; Cliënt ook, en Cliënt zelf.")
    assert names("Fernandez en FERNÁNDEZ, cruz") == "Cliënt en Cliënt, Cliënt"
    assert names("piet JANSEN") == "Professional"  # the full name, once
    assert names("Jansen, piet") == "Professional, Professional"


def test_possessives_initials_and_whole_words() -> None:
    names = replacer_from({"Jan de Vries": "Cliënt"})
    assert names("Jan's fiets en Jans moeder") == "Cliënt's fiets en Cliënts moeder"
    assert names("Getekend: J.d.V.") == "Getekend: Cliënt"
    # Only whole words: other words that hold the name stay.
    assert names("Januari in Vriesland, de janboel") == "Januari in Vriesland, de janboel"
    assert names("de man") == "de man"  # particles are not names


def test_title_and_file_name_parts() -> None:
    assert title_parts("Gesprek Jan de Vries 2024-05-01") == ["Jan", "Vries"]
    assert title_parts("gesprek_jan_de_vries_mei.mp4") == ["jan", "vries"]
    assert title_parts("Opname van 1 mei 2024") == []  # a neutral title holds no names
    names = worded("en", replacer_from, {}, ["gesprek_mehmet_kaya.mp4"])
    assert names("Mehmet and kaya") == "[name] and [name]"
    assert names("the conversation") == "the conversation"
    assert names.file_name("clip Mehmet.mp4") == "clip-name.mp4"  # no brackets or spaces


def test_an_empty_replacer_changes_nothing() -> None:
    names = NameReplacer()
    assert not names.active and names("Jan de Vries, 06-12345678") == "Jan de Vries, 06-12345678"
    # Anonymising with no names known still hides the other identifiers.
    anonymous = replacer_from({})
    assert anonymous.active and anonymous("Jan belt 06-12345678") == "Jan belt [telefoonnummer]"


def test_letters_that_unicode_does_not_decompose_are_folded() -> None:
    names = replacer_from({"Fatma Yıldız": "Cliënt", "Łukasz Nowak": "Professional",
                           "Søren Ærø": "Cliënt", "Jörg Strauß": "Cliënt",
                           "Ĳsbrand Kuiper": "Cliënt"})
    text = ("Yildiz, YILDIZ, yıldız en YIldIz; Lukasz en ŁUKASZ; Soren, SØREN en Aero; "
            "Strauss en STRAUSS; IJsbrand en Ijsbrand.")
    assert names(text) == ("Cliënt, Cliënt, Cliënt en Cliënt; Professional en Professional; "
                           "Cliënt, Cliënt en Cliënt; Cliënt en Cliënt; Cliënt en Cliënt.")


def test_names_as_typed_without_their_letters_or_with_another_apostrophe() -> None:
    """Word and phones type ’ for ', a German name is spelled with "ue" on a Dutch keyboard,
    the apostrophe is left out, and the name after it is written alone."""
    r = replacer_from({"Zoë D'Souza": "Cliënt", "Jürgen Müller": "Klantmanager",
                       "Sean O’Brien": "Cliënt"})
    text = ("D’Souza, d´Souza, DSouza, mevrouw Souza; Juergen Mueller, MUELLER, Muller; "
            "O'Brien, OBrien, Brien")
    assert r(text) == ("Cliënt, Cliënt, Cliënt, mevrouw Cliënt; Klantmanager, Klantmanager, "
                       "Klantmanager; Cliënt, Cliënt, Cliënt")  # the whole name as one
    assert fold("D’Souza") == fold("D'Souza") == "d'souza"
    assert replacer_from({"Jan-Willem van 't Hof": "Klantmanager"})("van ’t Hof") == "Klantmanager"


def test_two_letter_names_are_replaced_but_not_inside_words() -> None:
    names = replacer_from({"Bo de Wit": "Cliënt", "Jo Li": "Professional"})
    assert names("Bo en Jo zagen Li. BO belde.") == (
        "Cliënt en Professional zagen Professional. Cliënt belde.")
    assert names("bonus, jokes, lift, een boek") == "bonus, jokes, lift, een boek"


def test_names_that_are_also_words_are_replaced_only_as_names() -> None:
    """Decision: such a name is replaced where it has a capital (also at a sentence start,
    where a word too many is hidden rather than a name kept); written small it is a word."""
    names = replacer_from({"Anna de Jong": "Professional", "Bo de Wit": "Cliënt",
                           "April Mei": "Cliënt"})
    assert names("Ze is nog jong, haar jas is wit en in mei of april is het warm.") == (
        "Ze is nog jong, haar jas is wit en in mei of april is het warm.")
    assert names("Mevrouw de Jong zag De Wit; April en Mei kwamen. Jong zei: wit.") == (
        "Mevrouw Professional zag Cliënt; Cliënt en Cliënt kwamen. Professional zei: wit.")
    assert names("JONG") == "Professional"  # in capitals it is taken for the name


def test_names_in_file_names_in_any_case() -> None:
    names = replacer_from({"Sanne Bakker": "Cliënt", "April Mei": "Cliënt"},
                          ["VID_20261103_sanne_intake.mp4"])
    assert names.file_name("VID_20261103_sanne_intake.mp4") == "naam.mp4"  # known as a whole
    assert names.file_name("VID_20261104_SANNE_vervolg.mp4") == "VID_20261104_Cliënt_vervolg.mp4"
    assert names.file_name("april-mei_BAKKER.srt") == "Cliënt-Cliënt_Cliënt.srt"
    assert names("VID_20261103_sanne_intake.mp4") == "[naam]"  # the whole file name is known


def test_role_words_do_not_replace_ordinary_words() -> None:
    """Regression: a party called "Jong" made "nog jong" into "nog Professional"."""
    names = replacer_from({"Jong": "Professional", "Wit": "Cliënt"})
    assert names("nog jong, een witte muur en wit") == "nog jong, een witte muur en wit"
    assert names("Jong en Wit") == "Professional en Cliënt"


def test_default_titles_are_neutral(library: Library, tmp_path: Path) -> None:
    source = make_source(tmp_path, "Gesprek Jan de Vries 2024-05-01.mp4", 1.0)
    rec, _ = rc.add_recording(library, source)
    made = date.fromtimestamp(source.stat().st_mtime)
    assert rec.title.startswith("Opname van ") and str(made.year) in rec.title
    review = rv.create_review(library, rec.id)
    assert review.title.startswith("Terugkijkgesprek van ")
    for title in (rec.title, review.title):
        assert "Jan" not in title and "Vries" not in title and "Gesprek" not in title


def test_hostile_names_and_texts() -> None:
    """Names without a letter are no names; lone surrogates, NUL and long texts pass."""
    names = replacer_from({"Jan Ø": "Cliënt", ".": "Cliënt", "*+?(": "Cliënt", " ": "Cliënt"})
    assert set(names.table) == {"jan o", "j.o.", "jan"}
    text = "\ud800 Jan \x00 . *+?( " + "a" * 100_000
    assert names(text) == text.replace("Jan", "Cliënt")
    assert [names.file_name(n) for n in ("..", ".", "", "Jan.srt")] == [
        "export", "export", "export", "Cliënt.srt"]


_LETTERS_TYPED = {"ı": "i", "ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "ĳ": "ij", "é": "e",
                  "ü": "u", "ç": "c", "ğ": "g", "ş": "s", "å": "a"}


@settings(max_examples=150, deadline=None)
@given(first=st.text(alphabet="abdfghklmnprstuvwzıłøæßĳéüçğşå", min_size=2, max_size=8),
       last=st.text(alphabet="abdfghklmnprstuvwzıłøæßĳéüçğşå", min_size=3, max_size=10),
       upper=st.booleans(), typed=st.booleans())
def test_any_name_is_found_however_it_is_written(first: str, last: str, upper: bool,
                                                 typed: bool) -> None:
    """A party's name, written capitalised, in capitals, or typed without its special letters
    ("Yildiz" for "Yıldız"), is replaced wherever it stands as a name."""
    name = f"{first.capitalize()} {last.capitalize()}"
    names = replacer_from({name: "Cliënt"})
    written = "".join(_LETTERS_TYPED.get(c, c) for c in last) if typed else last
    written = written.upper() if upper else written.capitalize()
    result = names(f"Gisteren zei {written} iets tegen {first.capitalize()}.")
    words = re.findall(r"[^\W_]+", fold(result))
    # Where the surname and the first name stood, the role stands (frame words may be names).
    assert words[2] == words[-1] == "client", (name, written, result)
    assert result.startswith("Gisteren zei ") and result.endswith(".")


_WORDS = sorted(w for w in ordinary_words() if w.isalpha() and len(w) >= 3)


@settings(max_examples=150, deadline=None)
@given(surname=st.sampled_from(_WORDS), first=st.sampled_from(["Anna", "Bo", "Mei", "Li"]))
def test_a_surname_that_is_a_word_stays_a_word_in_small_letters(surname: str, first: str) -> None:
    """Whatever ordinary word a surname is ("Jong", "Bos", "Wit", "April"), written small it
    stays; written as a name it goes."""
    names = replacer_from({f"{first} de {surname.capitalize()}": "Cliënt"})
    text = f"het was {surname} en zo"
    assert names(text) == text
    assert names(f"het was {surname.capitalize()} en zo") == "het was Cliënt en zo"


def test_a_name_with_an_invisible_character_inside_is_still_the_name() -> None:
    """A soft hyphen (Word puts one where it may break a word), a zero-width space or joiner,
    a direction mark or a combining grapheme joiner inside a name hides nothing: the name is
    replaced with it, and a file name does not get the name back once they are removed."""
    names = replacer_from({"Łukasz Nowak": "Cliënt"})
    for mark in ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e",
                 "\u034f", "\ufe0f"):
        assert names(f"Zo zei Łu{mark}kasz het, en No{mark}wak ook.") == (
            "Zo zei Cliënt het, en Cliënt ook."), repr(mark)
    assert names("Łu\u00adkasz No\u200bwak") == "Cliënt"
    assert names.file_name("verslag Łu\u00adkasz.pdf") == "verslag-Cliënt.pdf"


def test_a_name_with_digits_against_it_is_still_the_name() -> None:
    """User names, handles and file names put digits against a name ("Nowak88", "lukasz2024",
    "2024Sanne"): a digit ends a name as a space does. Letters still do not ("Nowakowski")."""
    names = replacer_from({"Łukasz Nowak": "Cliënt", "Bo de Wit": "Professional"},
                          ["Intake Sanne Bakker.mp4"])
    assert names("Nowak88 mailde als lukasz2024, zie 2024Sanne en Bo2.") == (
        "Cliënt88 mailde als Cliënt2024, zie 2024[naam] en Professional2.")
    assert names.file_name("sanne2024_nowak88.mp4") == "naam2024_Cliënt88.mp4"
    assert names("Nowakowski en Lukaszewicz, bo2") == "Nowakowski en Lukaszewicz, bo2"


def test_names_written_together_or_in_camel_case() -> None:
    """User names, hashtags and web addresses write a name as one word ("lukasznowak",
    "vandenberg") or glue it to another with a capital ("#TeamLukasz", "MetNowak"): still the
    name. A joined name that is an ordinary word ("Bo Ven": "boven") keeps the capital rule,
    and words that merely have a capital inside stay."""
    names = replacer_from({"Łukasz Nowak": "Cliënt", "Ayşe van den Berg-Łaski": "Professional",
                           "Bo Ven": "Deelnemer"})
    assert names("insta.com/lukasznowak, @ŁukaszNowak, NOWAKLUKASZ en #TeamLukasz MetNowak") == (
        "insta.com/Cliënt, @Cliënt, Cliënt en #TeamCliënt MetCliënt")
    assert names("vandenberg, VanDenBerg, berglaski, ayselaski, AyseVanDenBerg") == (
        "Professional, Professional, Professional, Professional, Professional")
    assert names("het ligt boven; BoVen zei het") == "het ligt boven; Deelnemer zei het"
    assert names("McDonald belde via WhatsApp op zijn iPhone") == (
        "McDonald belde via WhatsApp op zijn iPhone")
    assert names.file_name("IntakeLukaszNowak_2.mp4") == "IntakeCliëntCliënt_2.mp4"


def test_names_in_a_camel_case_title_or_file_name_are_known() -> None:
    """A recording called "GesprekMetSanne.mp4" names Sanne, as "gesprek_met_sanne.mp4" does."""
    assert title_parts("IMG_SanneBakker_2024.mp4")[:3] == ["SanneBakker", "Sanne", "Bakker"]
    assert title_parts("WhatsApp Video 2024-05-01.mp4") == []
    names = replacer_from({}, ["GesprekMetSanne.mp4"])
    assert names("Sanne belde, SANNE ook") == "[naam] belde, [naam] ook"


def test_initials_without_the_last_dot_or_with_spaces() -> None:
    """"Ł.N.", also written "Ł.N" or "Ł. N." (and "A. v. d. B."), is the name; small letters
    ("l.n") and other initials stay, as before."""
    names = replacer_from({"Łukasz Nowak": "Cliënt", "Anna van den Berg": "Professional"})
    assert names("Getekend: Ł.N, Ł. N. en L.N.; A. v. d. B. en A.v.d.B") == (
        "Getekend: Cliënt, Cliënt en Cliënt; Professional en Professional")
    assert names("zie l.n. en K.N.") == "zie l.n. en K.N."
    assert set(replacer_from({"Jan Ø": "Cliënt"}).table) == {"jan o", "j.o.", "jan"}
    spaced = NameReplacer()
    spaced.add("A. B.", "Cliënt")  # a name that only looks like initials written apart
    assert spaced("Door A. B. gezegd") == "Door Cliënt gezegd"


def test_a_two_letter_name_in_a_title_is_known_when_written_as_a_name() -> None:
    assert title_parts("Intake Bo.mp4") == ["Bo"]
    assert title_parts("Gesprek Nr 2 met Ed en Jo Op Zee") == ["Ed", "Jo", "Zee"]
    assert title_parts("Gesprek De Boer En Zoon") == ["Boer", "Zoon"]
    assert title_parts("Session With An Interpreter At Home") == ["Interpreter", "Home"]
    assert title_parts("intake_bo.mp4") == [] and title_parts("Intake BO TV.mp4") == []
    names = replacer_from({}, ["Intake Bo.mp4"])
    assert names("Bo zei het, bo niet") == "[naam] zei het, bo niet"
    assert names.file_name("Intake Bo.mp4") == "naam.mp4"


def test_a_name_that_is_also_a_word_after_a_form_of_address_is_the_name() -> None:
    """Typed quickly, "mevrouw de jong" or "juf bo" has no capital, but after a form of address
    it can only be the name; the word alone stays a word."""
    names = replacer_from({"Anna de Jong": "Cliënt", "Bo Visser": "Professional",
                           "Ed van der Berg": "Deelnemer"})
    assert names("mevrouw de jong belde, mw. de jong, dhr. van der berg en juf bo; "
                 "meneer visser en de heer visser, Mevr jong.") == (
        "mevrouw Cliënt belde, mw. Cliënt, dhr. Deelnemer en juf Professional; "
        "meneer Professional en de heer Professional, Mevr Cliënt.")
    assert names("de jong is nog jong, de bakker en visser, mevrouw is jong") == (
        "de jong is nog jong, de bakker en visser, mevrouw is jong")


def test_a_name_where_a_file_name_has_its_extension_is_replaced() -> None:
    """"verslag.Sanne" or "clip.bo": the part after the last dot was kept as the extension
    whatever it was; a name there goes like anywhere else in a file name."""
    names = replacer_from({"Sanne Bakker": "Cliënt", "Bo Li": "Professional"})
    assert names.file_name("verslag.Sanne") == "verslag.Cliënt"
    assert names.file_name("clip.bo") == "clip.Professional"
    assert names.file_name("verslag Sanne.md") == "verslag-Cliënt.md"  # an extension stays


def test_a_name_written_decomposed_leaves_no_mark_behind() -> None:
    """macOS writes file names decomposed ("e" + U+0308); the mark after the name's last letter
    stayed and landed on the role: "Cliënẗ" (showing the name ended in "ë")."""
    import unicodedata

    names = replacer_from({"Zoë Öztürk": "Cliënt"})
    text = unicodedata.normalize("NFD", "Zoë zei het, Öztürk\u200b ook.")
    assert names(text) == "Cliënt zei het, Cliënt ook."
    assert names.file_name(unicodedata.normalize("NFD", "gesprek Zoë.mp4")) == "gesprek-Cliënt.mp4"


def test_a_name_broken_over_two_lines_with_a_hyphen_is_the_name() -> None:
    """Text pasted from a PDF or a mail breaks words at the end of a line: "Łu-" and "kasz" on
    the next. That is the name; a word written with a hyphen before a line break stays."""
    names = replacer_from({"Łukasz Nowak": "Cliënt"})
    assert names("Zo zei Łu-\nkasz het, en No-\r\n  wak ook.") == "Zo zei Cliënt het, en Cliënt ook."
    assert names("Łukasz-\nachtig en kinder-\nboeken") == "Cliënt-\nachtig en kinder-\nboeken"


def test_a_dutch_diminutive_of_a_name_is_the_name() -> None:
    """"Pietje", "Jantje", "Sanneke", "Annie" and "Jantjes fiets": the name with a diminutive
    ending; a name that is also a word keeps the capital rule ("een botje" stays)."""
    names = replacer_from({"Piet Jansen": "Professional", "Jan de Vries": "Cliënt",
                           "Sanne Bakker": "Cliënt", "Ann Smit": "Deelnemer",
                           "Bo de Wit": "Deelnemer"})
    assert names("Pietje, Jantje en Sanneke; Annie zei het. Jantjes fiets.") == (
        "Professional, Cliënt en Cliënt; Deelnemer zei het. Cliënts fiets.")
    assert names("een botje, een witje en de bonus") == "een botje, een witje en de bonus"

"""The core's messages through gettext (resources/locale/<lang>/LC_MESSAGES/vsr.po, compiled to
.mo): complete in Dutch and English, real plural forms, dates in words through Babel, and one
language set once for every message."""

from __future__ import annotations

import gettext
import re
import shutil
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from vsr import i18n
from vsr.dates import long_date, long_date_of
from vsr.i18n import (
    LANGUAGES,
    current_language,
    message_keys,
    plural_keys,
    set_language,
    translate,
    translate_plural,
    using_language,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
sys.path.insert(0, str(ROOT / "scripts"))

# Every plural message, its singular and plural form per language (n = 1 and n = 2).
PLURALS = {
    "count.files": {"nl": ("1 bestand", "2 bestanden"), "en": ("1 file", "2 files")},
    "count.clips": {"nl": ("1 clip", "2 clips"), "en": ("1 clip", "2 clips")},
    "count.recordings": {"nl": ("1 opname", "2 opnamen"), "en": ("1 recording", "2 recordings")},
    "count.collections": {"nl": ("1 verzameling", "2 verzamelingen"),
                          "en": ("1 collection", "2 collections")},
    "count.markers": {"nl": ("1 moment", "2 momenten"), "en": ("1 marker", "2 markers")},
    "audit.check.ok": {
        "nl": ("Het logboek is gecontroleerd: 1 regel, niets is veranderd.",
               "Het logboek is gecontroleerd: 2 regels, niets is veranderd."),
        "en": ("The audit log was checked: 1 entry, nothing was altered.",
               "The audit log was checked: 2 entries, nothing was altered.")},
    "cli.import_eaf.done": {
        "nl": ("1 moment ingelezen in terugkijkgesprek 7 (A).",
               "2 momenten ingelezen in terugkijkgesprek 7 (A)."),
        "en": ("1 moment imported into review 7 (A).", "2 moments imported into review 7 (A).")},
    "cli.export.done": {"nl": ("Klaar: 1 bestand in M", "Klaar: 2 bestanden in M"),
                        "en": ("Done: 1 file in M", "Done: 2 files in M")},
    "cli.consent.narrowed": {
        "nl": ("Toestemming aangepast. 1 bestand verwijderd.",
               "Toestemming aangepast. 2 bestanden verwijderd."),
        "en": ("Consent changed. 1 file deleted.", "Consent changed. 2 files deleted.")},
    "cli.purge.clips_done": {
        "nl": ("Verwijderd omdat de toestemming verlopen is: 1 clip.",
               "Verwijderd omdat de toestemming verlopen is: 2 clips."),
        "en": ("Deleted because the consent lapsed: 1 clip.",
               "Deleted because the consent lapsed: 2 clips.")},
    "restore.log_carried": {
        "nl": ("Het logboek blijft compleet: 1 regel van na de reservekopie gaat mee, en het"
               " teruggaan komt er ook in.",
               "Het logboek blijft compleet: 2 regels van na de reservekopie gaan mee, en het"
               " teruggaan komt er ook in."),
        "en": ("The audit log stays complete: 1 entry written after the backup is carried"
               " over, and the restore is logged too.",
               "The audit log stays complete: 2 entries written after the backup are carried"
               " over, and the restore is logged too.")},
    "restore.exports": {
        "nl": ("1 export van na de reservekopie. De bestanden blijven staan en vsr blijft ze"
               " kennen, zodat intrekken en opruimen ze vinden:",
               "2 exports van na de reservekopie. De bestanden blijven staan en vsr blijft ze"
               " kennen, zodat intrekken en opruimen ze vinden:"),
        "en": ("1 export made after the backup. Its files stay, and vsr keeps knowing them, so"
               " withdrawing and purging still find them:",
               "2 exports made after the backup. Their files stay, and vsr keeps knowing them,"
               " so withdrawing and purging still find them:")},
    "restore.deletions": {
        "nl": ("1 verwijdering van na de reservekopie wordt teruggedraaid. Wat verwijderd was,"
               " staat weer in het gegevensbestand; verwijderde bestanden komen niet terug:",
               "2 verwijderingen van na de reservekopie worden teruggedraaid. Wat verwijderd"
               " was, staat weer in het gegevensbestand; verwijderde bestanden komen niet terug:"),
        "en": ("1 deletion made after the backup is undone. What was deleted is back in the"
               " library; deleted files do not come back:",
               "2 deletions made after the backup are undone. What was deleted is back in the"
               " library; deleted files do not come back:")},
    "warning.import.cut_at_end": {
        "nl": ("Let op: 1 moment liep door na het einde van de opname; het eindigt nu aan het "
               "einde van de opname.",
               "Let op: 2 momenten liepen door na het einde van de opname; ze eindigen nu aan het "
               "einde van de opname."),
        "en": ("Note: 1 moment ran past the end of the recording; it now ends where the "
               "recording ends.",
               "Note: 2 moments ran past the end of the recording; they now end where the "
               "recording ends.")},
}
# "bestand(en)", "file(s)", "opname(s)": a plural faked in the text instead of chosen by count.
FAKE_PLURAL = re.compile(r"\w\((?:en|s|n|e)\)")


def _catalog(lang: str | None):  # type: ignore[no-untyped-def]
    path = LOCALE / "vsr.pot" if lang is None else LOCALE / lang / "LC_MESSAGES" / "vsr.po"
    with path.open("rb") as handle:
        return read_po(handle)


def _forms(message) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _ids(catalog) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_msgid_has_a_translation(lang: str) -> None:
    catalog = _catalog(lang)
    empty = [m.id for m in catalog if m.id and not all(f.strip() for f in _forms(m))]
    assert empty == []
    assert _ids(catalog) == _ids(_catalog(None)) == set(message_keys())  # template in step
    assert len(message_keys()) > 300
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert not any(m.fuzzy for m in catalog if m.id)  # a fuzzy entry would not be compiled


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_fake_plurals_left(lang: str) -> None:
    fake = [(m.id, f) for m in _catalog(lang) if m.id for f in _forms(m) if FAKE_PLURAL.search(f)]
    assert fake == []
    assert FAKE_PLURAL.search("Klaar: {count} bestand(en)") and FAKE_PLURAL.search("clip(s)")


def test_plural_messages_choose_by_count() -> None:
    assert set(plural_keys()) == set(PLURALS)
    for key, forms in PLURALS.items():
        for lang in LANGUAGES:
            with using_language(lang):
                got = tuple(translate_plural(key, n, folder="M", review=7, parties="A") for n in (1, 2))
            assert got == forms[lang], (key, lang)
    with using_language("nl"):
        assert translate_plural("count.files", 0) == "0 bestanden"


def test_several_counts_in_one_message() -> None:
    with using_language("nl"):
        done = translate("cli.purge.done",
                         recordings=translate_plural("count.recordings", 1),
                         collections=translate_plural("count.collections", 2),
                         files=translate_plural("count.files", 1))
    assert done == "Verwijderd: 1 opname, 2 verzamelingen en 1 bestand."
    with using_language("en"):
        done = translate("cli.consent.withdrawn", clips=translate_plural("count.clips", 1),
                         files=translate_plural("count.files", 3))
    assert done == "Consent withdrawn. Deleted: 1 clip and 3 files."


def test_dates_are_worded_by_babel_in_the_current_language() -> None:
    day = date(2026, 11, 30)
    with using_language("nl"):
        assert long_date(day) == "30 november 2026"
        assert long_date_of("2026-03-03") == "3 maart 2026"
        assert long_date_of("geen datum") == "geen datum"
    with using_language("en"):
        assert long_date(day) == "30 November 2026"
        assert long_date_of("2026-03-03T12:00:00") == "3 March 2026"


def test_set_language_switches_every_core_message() -> None:
    set_language("en")
    assert current_language() == "en"
    assert translate("error.media.not_found", path="x.mp4") == "The file x.mp4 does not exist."
    assert translate("error.media.probe_crashed", path="p", reason="reason.crashed").startswith(
        "Reading p failed (the reader stopped unexpectedly).")  # a key as a parameter follows
    set_language("nl")
    assert translate("error.media.not_found", path="x.mp4") == "Het bestand x.mp4 bestaat niet."
    set_language("xx")  # unknown: back to VSR_LANG (the tests' Dutch)
    assert current_language() == "nl"


def test_using_language_is_one_output_only_and_stays_in_its_thread() -> None:
    set_language("nl")
    seen: list[str] = []
    with using_language("en"):
        assert translate("summary.together") == translate("summary.together")
        other = threading.Thread(target=lambda: seen.append(current_language()))
        other.start()
        other.join()
        assert current_language() == "en"
    assert current_language() == "nl" and seen == ["nl"]


def test_catalogues_compile_from_a_clean_copy(tmp_path: Path) -> None:
    from build_translations import compile_catalogues

    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy, ignore=shutil.ignore_patterns("*.mo"))
    assert not list(copy.rglob("*.mo"))
    written = compile_catalogues(copy)
    assert sorted(p.parent.parent.name for p in written if p.name == "vsr.mo") == sorted(LANGUAGES)
    # the CLI's help (English msgids, so English needs no catalogue; vsr.cli.help_text)
    assert [p.relative_to(copy).as_posix() for p in written if p.name != "vsr.mo"] == [
        "nl/LC_MESSAGES/vsr_cli.mo"]
    with (copy / "nl" / "LC_MESSAGES" / "vsr.mo").open("rb") as handle:
        dutch = gettext.GNUTranslations(handle)
    assert dutch.ngettext("count.files", "count.files.plural", 2) == "{n} bestanden"
    assert dutch.gettext("cli.audit.none") == "Het logboek is leeg."


def test_a_missing_catalogue_says_how_to_build_it(monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.catalogue.cache_clear()
    monkeypatch.setattr(i18n, "DOMAIN", "not-built")
    try:
        with pytest.raises(FileNotFoundError, match="build_translations"):
            i18n.catalogue("nl")
    finally:
        monkeypatch.undo()
        i18n.catalogue.cache_clear()


def test_every_key_written_in_the_code_is_in_the_catalogue() -> None:
    from update_messages import unknown_keys

    assert len(unknown_keys(set())) > 150  # the scan sees the keys written in the code
    assert unknown_keys(set(message_keys())) == []

"""Messages the core words itself (errors, CLI output). The Qt UI uses Qt's own translation system
for its widgets and asks this module only for the text of core errors."""

from __future__ import annotations

import os
from typing import Any

DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")

_MESSAGES: dict[str, dict[str, str]] = {
    "error.generic": {
        "nl": "Er ging iets mis: {detail}",
        "en": "Something went wrong: {detail}",
    },
    "error.media.unreadable": {
        "nl": "Het bestand {path} kan niet worden geopend als opname: {reason}",
        "en": "The file {path} cannot be opened as a recording: {reason}",
    },
    "error.media.not_found": {
        "nl": "Het bestand {path} bestaat niet.",
        "en": "The file {path} does not exist.",
    },
    "error.media.empty": {
        "nl": "Het bestand {path} is leeg (0 bytes).",
        "en": "The file {path} is empty (0 bytes).",
    },
    "error.media.no_streams": {
        "nl": "In {path} staat geen beeld en geen geluid.",
        "en": "{path} contains no video and no audio.",
    },
    "error.media.truncated": {
        "nl": "Het bestand {path} is afgebroken of beschadigd: er is geen beeld of geluid "
        "in te lezen.",
        "en": "The file {path} is cut off or damaged: no video or audio can be read from it.",
    },
    "error.recording.missing": {
        "nl": "De opname {path} is niet gevonden. Is het bestand verplaatst? Zoek het op "
        "om verder te gaan; uw aantekeningen blijven bewaard.",
        "en": "The recording {path} was not found. Was the file moved? Locate it to continue; "
        "your notes are kept.",
    },
    "error.recording.other_file": {
        "nl": "{path} is een ander bestand dan de opname van deze terugkijksessie. "
        "Kies het bestand van de oorspronkelijke opname.",
        "en": "{path} is a different file from this review's recording. "
        "Choose the file of the original recording.",
    },
    "error.not_found": {
        "nl": "{what} {ident} bestaat niet in de bibliotheek.",
        "en": "{what} {ident} does not exist in the library.",
    },
    "error.storage": {
        "nl": "Opslaan is niet gelukt ({reason}). Er is niets verloren gegaan; "
        "maak ruimte vrij of kies een andere map en probeer het opnieuw.",
        "en": "Saving failed ({reason}). Nothing was lost; free some space or choose another "
        "folder and try again.",
    },
    "error.storage.disk_full": {
        "nl": "De schijf is vol. Er is niets verloren gegaan; maak ruimte vrij en probeer "
        "het opnieuw.",
        "en": "The disk is full. Nothing was lost; free some space and try again.",
    },
    "error.library.newer": {
        "nl": "De bibliotheek {path} is gemaakt met een nieuwere versie van dit programma "
        "(versie {found}, deze versie kent tot {known}). Werk het programma bij.",
        "en": "The library {path} was made by a newer version of this program (version {found}, "
        "this version knows up to {known}). Please update the program.",
    },
    "error.library.unreadable": {
        "nl": "De bibliotheek {path} kan niet worden geopend: {reason}",
        "en": "The library {path} cannot be opened: {reason}",
    },
    "error.consent.missing": {
        "nl": "Voor {purpose} is geen toestemming gegeven voor de opname {recording}.",
        "en": "There is no consent for {purpose} for the recording {recording}.",
    },
    "error.import.bad_file": {
        "nl": "Het bestand {path} kan niet worden ingelezen: {reason}",
        "en": "The file {path} cannot be imported: {reason}",
    },
    "what.recording": {"nl": "Opname", "en": "Recording"},
    "what.review": {"nl": "Terugkijksessie", "en": "Review"},
    "what.marker": {"nl": "Moment", "en": "Marker"},
    "cli.imported": {"nl": "Toegevoegd: {path}", "en": "Added: {path}"},
    "cli.no_recordings": {
        "nl": "De bibliotheek is nog leeg.",
        "en": "The library is still empty.",
    },
    "cli.demo_created": {
        "nl": "Demo-opname gemaakt: {path} (terugkijksessie {review})",
        "en": "Demo recording created: {path} (review {review})",
    },
    "cli.no_gui": {
        "nl": "Het venster kan niet worden gestart: {reason}",
        "en": "The window cannot be started: {reason}",
    },
    "party.professional": {"nl": "Professional", "en": "Professional"},
    "party.client": {"nl": "Cliënt", "en": "Client"},
    "party.other": {"nl": "Deelnemer", "en": "Participant"},
    "review.default_title": {
        "nl": "Terugkijksessie {title}",
        "en": "Review of {title}",
    },
}


def current_language() -> str:
    """The language for core messages: VSR_LANG, else the default (Dutch)."""
    lang = os.environ.get("VSR_LANG", DEFAULT_LANGUAGE)[:2].lower()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str | None = None, **params: Any) -> str:
    lang = lang or current_language()
    entry = _MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def message_keys() -> list[str]:
    return sorted(_MESSAGES)


def has_all_languages(key: str) -> bool:
    return all(_MESSAGES[key].get(lang) for lang in LANGUAGES)

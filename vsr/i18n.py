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
    "reason.invalid_data": {
        "nl": "het is geen opname die dit programma kan lezen, of het bestand is beschadigd.",
        "en": "it is not a recording this program can read, or the file is damaged.",
    },
    "reason.end_of_file": {
        "nl": "het bestand houdt te vroeg op (afgebroken of beschadigd).",
        "en": "the file ends too early (cut off or damaged).",
    },
    "reason.permission": {
        "nl": "u hebt geen toestemming om dit bestand te lezen.",
        "en": "you do not have permission to read this file.",
    },
    "reason.unsupported": {
        "nl": "dit soort beeld of geluid wordt niet ondersteund.",
        "en": "this kind of video or audio is not supported.",
    },
    "reason.not_found": {"nl": "het bestand bestaat niet.", "en": "the file does not exist."},
    "reason.folder": {"nl": "het is een map, geen bestand.", "en": "it is a folder, not a file."},
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
    # --- vsr.media: probe warnings and stopped tasks ---
    "warning.media.unknown_duration": {
        "nl": "De lengte van de opname is onbekend. De tijdlijn kan niet kloppen.",
        "en": "The length of the recording is unknown. The timeline may be wrong.",
    },
    "warning.media.unknown_fps": {
        "nl": "Het aantal beelden per seconde is onbekend. Beeld voor beeld gaat misschien "
        "niet goed.",
        "en": "The frame rate is unknown. Stepping frame by frame may not work well.",
    },
    "warning.media.damaged": {
        "nl": "Een deel van de opname is beschadigd. Op sommige plekken kan beeld of geluid "
        "haperen.",
        "en": "Part of the recording is damaged. Picture or sound may stutter in places.",
    },
    "warning.media.end_missing": {
        "nl": "Het einde van de opname lijkt te ontbreken. De opname stopt misschien eerder "
        "dan de tijdlijn aangeeft.",
        "en": "The end of the recording seems to be missing. It may stop earlier than the "
        "timeline shows.",
    },
    "warning.media.audio_unreadable": {
        "nl": "Het geluid van de opname kan niet worden gelezen. U ziet alleen beeld.",
        "en": "The sound of the recording cannot be read. You will see the picture only.",
    },
    "task.cancelled": {
        "nl": "Gestopt.",
        "en": "Stopped.",
    },
    # --- vsr.session and vsr.export: the Samenleergesprek and the joint learning summary ---
    "error.session.rules_not_confirmed": {
        "nl": "Eerst bevestigt iedereen de afspraken. Nog {count} te gaan.",
        "en": "First everyone confirms the ground rules. {count} still to go.",
    },
    "error.session.no_moments": {
        "nl": "Kies eerst minstens één moment.",
        "en": "First choose at least one moment.",
    },
    "error.session.too_many_moments": {
        "nl": "U kunt hoogstens {max} momenten kiezen. Haal eerst een moment weg.",
        "en": "You can choose at most {max} moments. Remove a moment first.",
    },
    "error.session.bad_date": {
        "nl": "'{text}' is geen datum. Schrijf de datum als jjjj-mm-dd.",
        "en": "'{text}' is not a date. Write the date as yyyy-mm-dd.",
    },
    "error.export.format": {
        "nl": "Het formaat {fmt} kennen we niet. Kies pdf, docx, html of md.",
        "en": "The format {fmt} is unknown. Choose pdf, docx, html or md.",
    },
    "error.export.write_failed": {
        "nl": "Het leerverslag kon niet worden opgeslagen als {path} ({reason}). Er is geen "
        "half bestand achtergebleven. Kies een andere map of maak ruimte vrij.",
        "en": "The learning summary could not be saved as {path} ({reason}). No half-written "
        "file was left behind. Choose another folder or free some space.",
    },
    "what.action": {"nl": "Actie", "en": "Action"},
    "rating.1": {"nl": "Slecht", "en": "Bad"},
    "rating.2": {"nl": "Niet zo goed", "en": "Not so good"},
    "rating.3": {"nl": "Gaat wel", "en": "OK"},
    "rating.4": {"nl": "Goed", "en": "Good"},
    "rating.5": {"nl": "Heel goed", "en": "Very good"},
    "rating.and": {"nl": "en", "en": "and"},
    "rating.diff.same": {
        "nl": "Jullie antwoorden zijn hetzelfde.",
        "en": "Your answers are the same.",
    },
    "rating.diff.small": {
        "nl": "Klein verschil: {high} is iets positiever dan {low}.",
        "en": "A small difference: {high} is a little more positive than {low}.",
    },
    "rating.diff.large": {
        "nl": "Groot verschil: {high} is {points} punten positiever dan {low}. "
        "Praat hier samen over.",
        "en": "A big difference: {high} is {points} points more positive than {low}. "
        "Talk about this together.",
    },
    "rating.diff.small.plural": {
        "nl": "Klein verschil: {high} zijn iets positiever dan {low}.",
        "en": "A small difference: {high} are a little more positive than {low}.",
    },
    "rating.diff.large.plural": {
        "nl": "Groot verschil: {high} zijn {points} punten positiever dan {low}. "
        "Praat hier samen over.",
        "en": "A big difference: {high} are {points} points more positive than {low}. "
        "Talk about this together.",
    },
    "summary.title": {"nl": "Gezamenlijk leerverslag", "en": "Joint learning summary"},
    "summary.confidential": {"nl": "Vertrouwelijk", "en": "Confidential"},
    "summary.date": {"nl": "Datum", "en": "Date"},
    "summary.parties": {"nl": "Deelnemers", "en": "Participants"},
    "summary.recording": {"nl": "Opname", "en": "Recording"},
    "summary.recording_line": {
        "nl": "{title} (bestand {file}, duur {duration})",
        "en": "{title} (file {file}, length {duration})",
    },
    "summary.rules_heading": {"nl": "Afspraken", "en": "Ground rules"},
    "summary.rules_line": {
        "nl": "We zijn gelijkwaardig, we willen ons veilig voelen, we veroordelen elkaar niet "
        "en wat we bespreken blijft vertrouwelijk.",
        "en": "We are equals, we want to feel safe, we do not judge each other, and what we "
        "discuss stays confidential.",
    },
    "summary.rules_confirmed": {
        "nl": "Bevestigd door {names} op {date}.",
        "en": "Confirmed by {names} on {date}.",
    },
    "summary.rules_not_confirmed": {
        "nl": "Nog niet door iedereen bevestigd.",
        "en": "Not yet confirmed by everyone.",
    },
    "summary.moments_heading": {"nl": "Besproken momenten", "en": "Moments we discussed"},
    "summary.moment_heading": {"nl": "Moment {n}: {time}", "en": "Moment {n}: {time}"},
    "summary.no_moments_chosen": {
        "nl": "Er zijn geen momenten gekozen. Hieronder staan alle momenten met een "
        "ingevuld gespreksblad.",
        "en": "No moments were chosen. Below are all moments with a filled-in reflection sheet.",
    },
    "summary.no_moments": {
        "nl": "Er zijn geen momenten besproken.",
        "en": "No moments were discussed.",
    },
    "summary.theme": {"nl": "Themakaart", "en": "Theme card"},
    "summary.no_theme": {"nl": "Geen themakaart", "en": "No theme card"},
    "summary.marked_by": {"nl": "Gemarkeerd door", "en": "Marked by"},
    "summary.feelings": {"nl": "Gevoel", "en": "Feelings"},
    "summary.still_missing": {
        "nl": "(beeld niet beschikbaar)",
        "en": "(picture not available)",
    },
    "summary.closing_heading": {"nl": "Afsluiting", "en": "Closing"},
    "summary.summary": {"nl": "Samenvatting", "en": "Summary"},
    "summary.learnings": {"nl": "Wat hebben we geleerd?", "en": "What did we learn?"},
    "summary.actions": {"nl": "Acties", "en": "Actions"},
    "summary.action_what": {"nl": "Wat", "en": "What"},
    "summary.action_who": {"nl": "Wie", "en": "Who"},
    "summary.action_due": {"nl": "Wanneer klaar", "en": "By when"},
    "summary.action_done": {"nl": "Klaar", "en": "Done"},
    "summary.yes": {"nl": "ja", "en": "yes"},
    "summary.no": {"nl": "nee", "en": "no"},
    "summary.together": {"nl": "Samen", "en": "Together"},
    "summary.no_actions": {"nl": "Geen acties afgesproken.", "en": "No actions agreed."},
    "summary.ratings_heading": {"nl": "Hoe ervaren we het?", "en": "How do we each see it?"},
    "summary.ratings_hidden": {
        "nl": "Nog niet iedereen heeft de vragen beantwoord. Daarom blijven de antwoorden "
        "verborgen.",
        "en": "Not everyone has answered the questions yet, so the answers stay hidden.",
    },
    "summary.question": {"nl": "Vraag", "en": "Question"},
    "summary.difference": {"nl": "Verschil", "en": "Difference"},
    "summary.signoff_heading": {"nl": "Akkoord", "en": "Agreed"},
    "summary.signoff_text": {
        "nl": "Wij herkennen dit verslag als ons gezamenlijke verslag.",
        "en": "We recognise this summary as our joint summary.",
    },
    "summary.signature": {"nl": "Handtekening", "en": "Signature"},
    "summary.empty": {"nl": "(leeg)", "en": "(empty)"},
    "summary.page": {"nl": "Pagina {n} van {total}", "en": "Page {n} of {total}"},
    "cli.summary_written": {
        "nl": "Leerverslag opgeslagen: {path}",
        "en": "Learning summary saved: {path}",
    },
    # --- vsr.clips: clip export and face anonymisation ---
    "error.clip.range": {
        "nl": "Van {start} tot {end} is geen stuk van de opname {path} (de opname duurt "
        "{duration}). Kies een begin binnen de opname en een einde na het begin.",
        "en": "{start} to {end} is not a part of the recording {path} (it lasts {duration}). "
        "Choose a start inside the recording and an end after the start.",
    },
    "error.clip.nothing": {
        "nl": "De opname {path} heeft geen beeld. Zonder geluid blijft er niets over om te "
        "bewaren. Kies 'geluid houden'.",
        "en": "The recording {path} has no picture. Without sound nothing is left to save. "
        "Choose 'keep sound'.",
    },
    "error.faces.model_missing": {
        "nl": "Het bestand voor gezichtsherkenning ontbreekt ({path}). Installeer het "
        "programma opnieuw.",
        "en": "The face detection file is missing ({path}). Please reinstall the program.",
    },
    "clip.cancelled": {
        "nl": "Het maken van de clip is gestopt. Er is geen bestand gemaakt.",
        "en": "Making the clip was stopped. No file was made.",
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
    # A parameter may itself be a message key (e.g. a reason): word it in the same language.
    params = {
        name: translate(value, lang) if isinstance(value, str) and value in _MESSAGES else value
        for name, value in params.items()
    }
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def message_keys() -> list[str]:
    return sorted(_MESSAGES)


def has_all_languages(key: str) -> bool:
    return all(_MESSAGES[key].get(lang) for lang in LANGUAGES)

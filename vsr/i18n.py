"""Messages the core words itself (errors, CLI output). The Qt UI uses Qt's own translation system
for its widgets and asks this module only for the text of core errors."""

from __future__ import annotations

import os
from typing import Any

from vsr.interop.messages import MESSAGES as INTEROP_MESSAGES

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
    "error.media.not_local": {
        "nl": "{path} is geen bestand op deze computer. Kies een opname die op deze computer "
        "staat.",
        "en": "{path} is not a file on this computer. Choose a recording stored on this "
        "computer.",
    },
    "error.media.not_regular": {
        "nl": "{path} is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp). "
        "Kies een opnamebestand.",
        "en": "{path} is not a regular file (but, for example, a device or a pipe). "
        "Choose a recording file.",
    },
    "error.media.absurd_duration": {
        "nl": "Het bestand {path} is beschadigd: het zegt dat het meer dan {hours} uur duurt. "
        "Zo'n lange opname kan dit programma niet tonen.",
        "en": "The file {path} is damaged: it claims to last more than {hours} hours. "
        "This program cannot show such a long recording.",
    },
    "error.media.picture_too_big": {
        "nl": "Het bestand {path} is beschadigd: het beeld zou {size} pixels groot zijn.",
        "en": "The file {path} is damaged: its picture would be {size} pixels.",
    },
    "error.media.probe_timeout": {
        "nl": "Het lezen van {path} duurde te lang en is gestopt. Het bestand is misschien "
        "beschadigd.",
        "en": "Reading {path} took too long and was stopped. The file may be damaged.",
    },
    "error.media.probe_crashed": {
        "nl": "Het lezen van {path} is mislukt ({reason}). Het bestand is misschien "
        "beschadigd; het programma werkt gewoon verder.",
        "en": "Reading {path} failed ({reason}). The file may be damaged; the program "
        "carries on.",
    },
    "reason.out_of_memory": {"nl": "te veel geheugen nodig", "en": "it needed too much memory"},
    "reason.crashed": {"nl": "het leesprogramma stopte onverwacht",
                       "en": "the reader stopped unexpectedly"},
    "warning.media.in_file": {
        "nl": "Let op: {path}: {message}",
        "en": "Warning: {path}: {message}",
    },
    "error.recording.missing": {
        "nl": "De opname {path} is niet gevonden. Is het bestand verplaatst? Zoek het op "
        "om verder te gaan; je aantekeningen blijven bewaard.",
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
    "error.storage.read_only": {
        "nl": "De bibliotheek kan nu niet worden bewaard: hij is alleen-lezen of in gebruik door "
        "een ander programma. Er is niets verloren gegaan; sluit het andere programma of kijk "
        "of je in de map mag schrijven.",
        "en": "The library cannot be saved right now: it is read-only or in use by another "
        "program. Nothing was lost; close the other program or check that you may write in "
        "its folder.",
    },
    "error.storage.busy": {
        "nl": "De bibliotheek is bezet: een ander programma is er nog mee bezig. Er is niets "
        "verloren gegaan; probeer het zo opnieuw.",
        "en": "The library is busy: another program is still using it. Nothing was lost; "
        "try again in a moment.",
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
    "error.library.damaged": {
        "nl": "De bibliotheek {path} is beschadigd ({problem}). Je kunt alles bekijken, maar "
        "niets bewaren. Zet de nieuwste goede reservekopie terug met:\n  {command}",
        "en": "The library {path} is damaged ({problem}). You can look at everything, but not "
        "save. Restore the newest good backup with:\n  {command}",
    },
    "error.library.damaged_no_backup": {
        "nl": "De bibliotheek {path} is beschadigd ({problem}). Je kunt alles bekijken, maar "
        "niets bewaren. Er is geen goede reservekopie.",
        "en": "The library {path} is damaged ({problem}). You can look at everything, but not "
        "save. There is no good backup.",
    },
    "error.library.damaged_unopenable": {
        "nl": "De bibliotheek {path} is zo beschadigd dat hij niet open kan ({problem}). "
        "Zet een reservekopie terug: vsr backup list, dan vsr backup restore BESTAND.",
        "en": "The library {path} is so damaged that it cannot be opened ({problem}). "
        "Restore a backup: vsr backup list, then vsr backup restore FILE.",
    },
    "error.backup.failed": {
        "nl": "De reservekopie van {path} is niet gelukt: {reason}",
        "en": "Backing up {path} failed: {reason}",
    },
    "error.backup.damaged": {
        "nl": "De reservekopie {path} is beschadigd of bestaat niet ({reason}). Kies een andere.",
        "en": "The backup {path} is damaged or does not exist ({reason}). Choose another one.",
    },
    "cli.backup.none": {"nl": "Er zijn nog geen reservekopieën.", "en": "There are no backups yet."},
    "cli.backup.made": {"nl": "Reservekopie gemaakt: {path}", "en": "Backup made: {path}"},
    "cli.backup.confirm": {
        "nl": "De bibliotheek {library} wordt vervangen door de reservekopie van {date}. "
        "Van de huidige bibliotheek wordt eerst een reservekopie gemaakt. Doorgaan? [j/N] ",
        "en": "The library {library} will be replaced by the backup of {date}. The current "
        "library is backed up first. Continue? [y/N] ",
    },
    "cli.backup.cancelled": {"nl": "Niets veranderd.", "en": "Nothing changed."},
    "cli.backup.restored": {
        "nl": "Teruggezet: {path}. De vorige bibliotheek staat in {kept}.",
        "en": "Restored: {path}. The previous library is kept in {kept}.",
    },
    "cli.backup.check_ok": {"nl": "De bibliotheek {path} is in orde.",
                            "en": "The library {path} is fine."},
    "cli.backup.check_bad": {"nl": "De bibliotheek {path} is beschadigd: {problem}",
                             "en": "The library {path} is damaged: {problem}"},
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
        "nl": "je hebt geen toestemming om dit bestand te lezen.",
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
        "nl": "Terugkijksessie van {date}",
        "en": "Review of {date}",
    },
    "recording.default_title": {
        "nl": "Opname van {date}",
        "en": "Recording of {date}",
    },
    # --- vsr.anonymise: what replaces names in exports ---
    "names.placeholder": {"nl": "[naam]", "en": "[name]"},
    "names.recording_label": {"nl": "Opname {n}", "en": "Recording {n}"},
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
        "nl": "Het einde van de opname ontbreekt: het bestand is afgebroken of beschadigd. "
        "Je kunt alleen het deel bekijken dat er nog is.",
        "en": "The end of the recording is missing: the file is cut off or damaged. "
        "You can only watch the part that is still there.",
    },
    "warning.media.audio_unreadable": {
        "nl": "Het geluid van de opname kan niet worden gelezen. Je ziet alleen beeld.",
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
    "error.session.markers_hidden": {
        "nl": "Jullie markeren apart. Laat eerst samen de momenten zien (stap 1).",
        "en": "You are marking separately. First show the moments together (step 1).",
    },
    "error.session.too_many_moments": {
        "nl": "Je kunt hoogstens {max} momenten kiezen. Haal eerst een moment weg.",
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
    "summary.recording_line_anonymous": {
        "nl": "Duur {duration}",
        "en": "Length {duration}",
    },
    "summary.file_stem": {"nl": "leerverslag", "en": "learning-summary"},
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
    "summary.marked_by_both": {
        "nl": "jullie allebei ({names})",
        "en": "both of you ({names})",
    },
    "summary.marked_by_all": {
        "nl": "jullie allemaal ({names})",
        "en": "all of you ({names})",
    },
    "summary.moments_hidden": {
        "nl": "Jullie hebben apart gemarkeerd en de momenten nog niet samen bekeken. "
        "Daarom staan ze hier nog niet.",
        "en": "You marked separately and have not looked at the moments together yet, "
        "so they are not listed here.",
    },
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
    "error.facebox.too_small": {
        "nl": "Dat vak is te klein. Trek met de muis een vak over het gezicht.",
        "en": "That box is too small. Drag the mouse over the face to draw a box.",
    },
    "clip.cancelled": {
        "nl": "Het maken van de clip is gestopt. Er is geen bestand gemaakt.",
        "en": "Making the clip was stopped. No file was made.",
    },
    # --- consent, retention, collections and packs (issue 5) ---
    "purpose.own_review": {"nl": "eigen terugkijken", "en": "own review"},
    "purpose.intervisie": {"nl": "intervisie", "en": "peer consultation (intervisie)"},
    # What the client sees on the consent strip and dialog: no jargon without its meaning.
    "purpose.own_review.plain": {"nl": "eigen terugkijken", "en": "own review"},
    "purpose.intervisie.plain": {"nl": "intervisie (bespreken met collega's)",
                                 "en": "peer consultation (with colleagues)"},
    "purpose.training.plain": {"nl": "training (oefenmateriaal)", "en": "training (exercise material)"},
    "purpose.training": {"nl": "training (oefenmateriaal)", "en": "training (exercise material)"},
    "what.collection": {"nl": "Verzameling", "en": "Collection"},
    "what.clip": {"nl": "Clip", "en": "Clip"},
    "error.consent.lapsed": {
        "nl": "De toestemming voor {purpose} voor de opname {recording} gold tot en met "
        "{until}. Vraag de cliënt opnieuw om toestemming.",
        "en": "The consent for {purpose} for the recording {recording} was valid up to and "
        "including {until}. Ask the client for consent again.",
    },
    "error.consent.not_recognisable": {
        "nl": "De cliënt van de opname {recording} wil niet herkenbaar zijn in oefenmateriaal. "
        "Kies 'gezichten onherkenbaar maken'.",
        "en": "The client of the recording {recording} does not want to be recognisable in "
        "exercise material. Choose 'make faces unrecognisable'.",
    },
    "error.consent.own_review": {
        "nl": "Voor eigen terugkijken is altijd toestemming. Die hoef je niet vast te leggen "
        "of in te trekken.",
        "en": "Your own review is always allowed. It needs no consent to record or withdraw.",
    },
    "error.consent.no_giver": {
        "nl": "Vul in wie de toestemming gaf (naam of voorletters).",
        "en": "Fill in who gave the consent (name or initials).",
    },
    "error.consent.until_past": {
        "nl": "De einddatum {until} ligt vóór de datum van de toestemming ({given_on}).",
        "en": "The end date {until} is before the date of the consent ({given_on}).",
    },
    "error.purpose.unknown": {
        "nl": "'{purpose}' is geen doel. Kies intervisie of training.",
        "en": "'{purpose}' is not a purpose. Choose intervisie or training.",
    },
    "error.date.bad": {
        "nl": "'{value}' is geen datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld "
        "2026-12-31.",
        "en": "'{value}' is not a date. Write the date as YYYY-MM-DD, for example 2026-12-31.",
    },
    "error.collection.no_name": {
        "nl": "Geef de verzameling een naam.",
        "en": "Give the collection a name.",
    },
    "error.collection.bad_range": {
        "nl": "Van {start} tot {end} is geen stuk van de opname (die duurt {duration}). Kies "
        "een begin binnen de opname en een einde na het begin.",
        "en": "{start} to {end} is not a part of the recording (it lasts {duration}). Choose a "
        "start inside the recording and an end after the start.",
    },
    "error.collection.empty": {
        "nl": "De verzameling '{name}' heeft nog geen clips. Voeg eerst clips toe.",
        "en": "The collection '{name}' has no clips yet. Add clips first.",
    },
    # --- search across the library and review packages (issue 13) ---
    "error.search.hidden": {
        "nl": "Dit moment is nog verborgen (jullie markeren apart). Laat eerst de markeringen zien.",
        "en": "This moment is still hidden (you are marking separately). Reveal the markers first.",
    },
    "error.package.unreadable": {
        "nl": "{path}: dit pakket kan niet worden gelezen ({reason}).",
        "en": "{path}: this package cannot be read ({reason}).",
    },
    "error.package.not_package": {
        "nl": "{path}: dit is geen pakket met een terugkijkgesprek.",
        "en": "{path}: this is not a review package.",
    },
    "error.package.newer": {
        "nl": "{path}: dit pakket komt uit een nieuwere versie (formaat {found}, deze versie kent "
        "tot {known}). Werk het programma bij.",
        "en": "{path}: this package comes from a newer version (format {found}, this version "
        "knows up to {known}). Update the program.",
    },
    "error.package.unsafe": {
        "nl": "{path}: dit pakket is niet veilig en is niet geopend ({reason}).",
        "en": "{path}: this package is not safe and was not opened ({reason}).",
    },
    "error.package.damaged": {
        "nl": "{path}: dit pakket is beschadigd of veranderd ({name} klopt niet).",
        "en": "{path}: this package is damaged or was changed ({name} does not match).",
    },
    "error.package.passphrase_needed": {
        "nl": "{path}: dit pakket is beveiligd. Geef het wachtwoord.",
        "en": "{path}: this package is protected. Give the passphrase.",
    },
    "error.package.passphrase_wrong": {
        "nl": "{path}: het wachtwoord klopt niet.",
        "en": "{path}: the passphrase is wrong.",
    },
    "error.package.exists": {
        "nl": "{path}: het terugkijkgesprek '{title}' staat al in de bibliotheek. Kies: allebei "
        "houden (--keep-both) of vervangen (--replace).",
        "en": "{path}: the review '{title}' is already in the library. Choose: keep both "
        "(--keep-both) or replace (--replace).",
    },
    "error.package.no_recording_consent": {
        "nl": "De opname {recording} mag niet mee in het pakket: er is geen geldige toestemming "
        "voor intervisie. Maak het pakket zonder opname.",
        "en": "The recording {recording} may not go into the package: there is no valid "
        "consent for intervisie. Make the package without the recording.",
    },
    "error.package.recording_missing": {
        "nl": "De opname {path} is niet gevonden, dus kan niet mee in het pakket.",
        "en": "The recording {path} was not found, so it cannot go into the package.",
    },
    "error.package.empty_passphrase": {
        "nl": "{path}: het wachtwoordbestand is leeg.",
        "en": "{path}: the passphrase file is empty.",
    },
    "package.copy_suffix": {"nl": "{title} (ontvangen)", "en": "{title} (received)"},
    "cli.package.written": {"nl": "Pakket gemaakt: {path}", "en": "Package written: {path}"},
    "cli.package.unpacked": {
        "nl": "Terugkijkgesprek {review} ('{title}') toegevoegd uit {path}",
        "en": "Review {review} ('{title}') added from {path}",
    },
    "cli.search.none": {"nl": "Niets gevonden.", "en": "Nothing found."},
    "error.export.exists": {
        "nl": "In de map {folder} staat al een bestand {name} dat niet door dit programma is "
        "gemaakt. Kies een lege map.",
        "en": "The folder {folder} already holds a file {name} that this program did not make. "
        "Choose an empty folder.",
    },
    "error.pack.unknown": {
        "nl": "'{pack}' is geen soort pakket. Kies intervisie of exercise.",
        "en": "'{pack}' is not a kind of pack. Choose intervisie or exercise.",
    },
    "withdraw.heading": {
        "nl": "Toestemming voor {purpose} intrekken voor opname {recording}. Dit wordt "
        "verwijderd:",
        "en": "Withdrawing consent for {purpose} for recording {recording}. This will be "
        "deleted:",
    },
    "withdraw.no_consent": {
        "nl": "  (er was geen toestemming voor {purpose} vastgelegd)",
        "en": "  (no consent for {purpose} was recorded)",
    },
    "withdraw.nothing_made": {
        "nl": "  de toestemming; er zijn geen clips of bestanden van gemaakt",
        "en": "  the consent; no clips or files were made under it",
    },
    "withdraw.clip": {
        "nl": "  clip '{title}' ({start}-{end}) uit verzameling '{collection}'",
        "en": "  clip '{title}' ({start}-{end}) from collection '{collection}'",
    },
    "withdraw.file": {"nl": "  bestand {path}", "en": "  file {path}"},
    "narrow.heading": {
        "nl": "De toestemming voor {purpose} voor opname {recording} wordt beperkt. Wat eerder "
        "is gemaakt en daar niet meer in past, wordt verwijderd:",
        "en": "The consent for {purpose} for recording {recording} becomes narrower. What was "
        "made before and no longer fits it will be deleted:",
    },
    "cli.consent.narrowed": {
        "nl": "Toestemming aangepast. {files} bestand(en) verwijderd.",
        "en": "Consent changed. {files} file(s) deleted.",
    },
    "error.clip.sharing_not_allowed": {
        "nl": "De deelnemers hebben niet afgesproken dat hun gespreksblad mee mag met "
        "de clips. Zet dat eerst aan bij de terugkijksessie. Een clip zonder moment "
        "heeft geen gespreksblad.",
        "en": "The participants did not agree that their reflection sheet may go into clip "
        "material. Turn that on in the review session first. A clip without a marker has no "
        "reflection sheet.",
    },
    "pack.untitled": {"nl": "Clip {n}", "en": "Clip {n}"},
    "pack.confidential": {"nl": "Vertrouwelijk", "en": "Confidential"},
    "pack.page": {"nl": "pagina {n} van {total}", "en": "page {n} of {total}"},
    "pack.made_on": {
        "nl": "Gemaakt op {date} · aantal clips: {count}",
        "en": "Made on {date} · number of clips: {count}",
    },
    "pack.confidential_note": {
        "nl": "Vertrouwelijk. Alleen voor deze bijeenkomst; niet delen of kopiëren. De cliënt "
        "gaf hiervoor toestemming en kan die intrekken.",
        "en": "Confidential. For this meeting only; do not share or copy. The client gave "
        "consent for this use and may withdraw it.",
    },
    "pack.anonymised_note": {
        "nl": "Namen zijn vervangen door rollen; gezichten zijn onherkenbaar gemaakt waar "
        "gevraagd.",
        "en": "Names are replaced by roles; faces are made unrecognisable where asked.",
    },
    "pack.handout_title": {"nl": "Intervisie: {name}", "en": "Peer consultation: {name}"},
    "pack.handout_intro": {
        "nl": "Bekijk elke clip samen. Bespreek daarna de vragen. Schrijf op wat je opvalt.",
        "en": "Watch each clip together. Then discuss the questions. Write down what you "
        "notice.",
    },
    "pack.handout_file": {"nl": "handout.pdf", "en": "handout.pdf"},
    "pack.worksheet_title": {"nl": "Werkblad: {name}", "en": "Worksheet: {name}"},
    "pack.worksheet_intro": {
        "nl": "Bekijk de clip. Doe dan de opdracht en schrijf je antwoord op.",
        "en": "Watch the clip. Then do the task and write down your answer.",
    },
    "pack.worksheet_file": {"nl": "werkblad.pdf", "en": "worksheet.pdf"},
    "pack.index_title": {"nl": "Oefenmateriaal: {name}", "en": "Exercise material: {name}"},
    "pack.index_intro": {
        "nl": "Klik op een clip om hem af te spelen. Onder elke clip staat de opdracht. "
        "Deze pagina werkt zonder internet.",
        "en": "Click a clip to play it. The task is below each clip. This page works without "
        "internet.",
    },
    "pack.overview": {"nl": "Overzicht", "en": "Overview"},
    "pack.title": {"nl": "Titel", "en": "Title"},
    "pack.file": {"nl": "Bestand", "en": "File"},
    "pack.time": {"nl": "Tijd", "en": "Time"},
    "pack.source": {"nl": "Uit opname", "en": "From recording"},
    "pack.time_range": {
        "nl": "{start} tot {end} ({seconds} s)",
        "en": "{start} to {end} ({seconds} s)",
    },
    "pack.clip_heading": {"nl": "Clip {n}: {title}", "en": "Clip {n}: {title}"},
    "pack.exercise_heading": {"nl": "Oefening {n}: {title}", "en": "Exercise {n}: {title}"},
    "pack.questions": {"nl": "Vragen om te bespreken", "en": "Questions to discuss"},
    "pack.task": {"nl": "Opdracht", "en": "Task"},
    "pack.notes": {"nl": "Aantekeningen", "en": "Notes"},
    "pack.answers": {"nl": "Jouw antwoord", "en": "Your answer"},
    "pack.sheet_heading": {
        "nl": "Wat de deelnemers zelf zeiden (gespreksblad)",
        "en": "What the participants said themselves (reflection sheet)",
    },
    "pack.sheet_a": {"nl": "A. Wat gebeurde er?", "en": "A. What happened?"},
    "pack.sheet_b_me": {"nl": "B. {role}: wat deed dit met mij?",
                        "en": "B. {role}: what did this do to me?"},
    "pack.sheet_b_other": {"nl": "B. {role}: wat deed dit met de ander?",
                           "en": "B. {role}: what did it do to the other?"},
    "pack.sheet_c": {"nl": "C. Wat willen we behouden of veranderen?",
                     "en": "C. What do we keep or change?"},
    "cli.confirm": {"nl": "Doorgaan en verwijderen? [j/N] ", "en": "Go ahead and delete? [y/N] "},
    "cli.not_confirmed": {
        "nl": "Er is niets verwijderd. Voeg --yes toe om het echt te verwijderen.",
        "en": "Nothing was deleted. Add --yes to really delete it.",
    },
    "cli.file_failed": {
        "nl": "Kon niet verwijderen: {path} ({reason}). Verwijder het zelf of probeer het "
        "opnieuw.",
        "en": "Could not delete: {path} ({reason}). Delete it yourself or try again.",
    },
    "cli.consent.header": {"nl": "Toestemming voor opname {recording} ({title}):",
                           "en": "Consent for recording {recording} ({title}):"},
    "cli.consent.own": {"nl": "  {purpose}: altijd toegestaan", "en": "  {purpose}: always allowed"},
    "cli.consent.none": {"nl": "  {purpose}: geen toestemming", "en": "  {purpose}: no consent"},
    "cli.consent.given": {"nl": "  {purpose}: gegeven door {by} op {given_on}",
                          "en": "  {purpose}: given by {by} on {given_on}"},
    "cli.consent.until": {"nl": ", tot en met {until}", "en": ", up to and including {until}"},
    "cli.consent.lapsed": {"nl": " (verlopen)", "en": " (lapsed)"},
    "cli.consent.recognisable": {"nl": "; mag herkenbaar zijn", "en": "; may be recognisable"},
    "cli.consent.not_recognisable": {
        "nl": "; niet herkenbaar (gezichten onherkenbaar maken)",
        "en": "; not recognisable (faces must be made unrecognisable)",
    },
    "cli.consent.granted": {
        "nl": "Toestemming voor {purpose} vastgelegd voor opname {recording}.",
        "en": "Consent for {purpose} recorded for recording {recording}.",
    },
    "cli.consent.withdrawn": {
        "nl": "Toestemming ingetrokken. Verwijderd: {clips} clip(s) en {files} bestand(en).",
        "en": "Consent withdrawn. Deleted: {clips} clip(s) and {files} file(s).",
    },
    "cli.retention.line": {"nl": "  bewaren tot en met {until}", "en": "  keep until {until}"},
    "cli.retention.set": {"nl": "{what} {id} wordt bewaard tot en met {until}.",
                          "en": "{what} {id} is kept up to and including {until}."},
    "cli.retention.cleared": {"nl": "{what} {id} heeft geen einddatum meer.",
                              "en": "{what} {id} no longer has an end date."},
    "cli.sharing.on": {
        "nl": "Terugkijkgesprek {id}: de gespreksbladen mogen met de fragmenten mee.",
        "en": "Review {id}: the gespreksbladen may go with its clips."},
    "cli.sharing.off": {
        "nl": "Terugkijkgesprek {id}: de gespreksbladen gaan niet met de fragmenten mee.",
        "en": "Review {id}: the gespreksbladen do not go with its clips."},
    "cli.purge.nothing": {"nl": "Er is niets verlopen. Er is niets verwijderd.",
                          "en": "Nothing has expired. Nothing was deleted."},
    "cli.purge.heading": {
        "nl": "De bewaartermijn is voorbij. Dit wordt verwijderd:",
        "en": "The retention period is over. This will be deleted:",
    },
    "cli.purge.recording": {
        "nl": "  opname {id} '{title}' (bewaren tot en met {until}), met de "
        "terugkijksessies, momenten, toestemmingen en clips",
        "en": "  recording {id} '{title}' (keep until {until}), with its reviews, markers, "
        "consents and clips",
    },
    "cli.purge.media_deleted": {
        "nl": "    en het bestand {path} (in de opnamemap van het programma)",
        "en": "    and the file {path} (in the program's recordings folder)",
    },
    "cli.purge.media_kept": {
        "nl": "    het bestand {path} blijft staan: het staat buiten de opnamemap van het "
        "programma. Verwijder het zelf als het weg moet.",
        "en": "    the file {path} stays: it is outside the program's recordings folder. "
        "Delete it yourself if it must go.",
    },
    "cli.purge.collection": {
        "nl": "  verzameling {id} '{name}' (bewaren tot en met {until})",
        "en": "  collection {id} '{name}' (keep until {until})",
    },
    "cli.purge.done": {
        "nl": "Verwijderd: {recordings} opname(s), {collections} verzameling(en) en {files} "
        "bestand(en).",
        "en": "Deleted: {recordings} recording(s), {collections} collection(s) and {files} "
        "file(s).",
    },
    "purge.lapsed_heading": {
        "nl": "Deze toestemming is verlopen. Wat ermee gemaakt is, wordt verwijderd. Dat er "
        "toestemming was en tot wanneer, blijft vastgelegd:",
        "en": "This consent has lapsed. What was made under it will be deleted. The record "
        "that consent was given, and until when, stays:",
    },
    "purge.lapsed": {
        "nl": "  toestemming voor {purpose} voor opname {recording} '{title}' (gold tot en met "
        "{until}):",
        "en": "  consent for {purpose} for recording {recording} '{title}' (valid up to and "
        "including {until}):",
    },
    "cli.purge.clips_done": {
        "nl": "Verwijderd omdat de toestemming verlopen is: {clips} clip(s).",
        "en": "Deleted because the consent lapsed: {clips} clip(s).",
    },
    # --- the audit log in words (vsr.library.audit_text) ---
    "audit.action.consent.granted": {"nl": "Toestemming gegeven", "en": "Consent granted"},
    "audit.action.consent.withdrawn": {"nl": "Toestemming ingetrokken", "en": "Consent withdrawn"},
    "audit.action.clips.removed": {"nl": "Clips verwijderd", "en": "Clips removed"},
    "audit.action.files.deleted": {"nl": "Bestanden verwijderd", "en": "Files deleted"},
    "audit.action.export": {"nl": "Geëxporteerd", "en": "Exported"},
    "audit.action.collection.deleted": {"nl": "Verzameling verwijderd",
                                        "en": "Collection deleted"},
    "audit.action.recording.deleted": {"nl": "Opname verwijderd", "en": "Recording deleted"},
    "audit.action.retention.set": {"nl": "Bewaartermijn ingesteld",
                                   "en": "Retention period set"},
    "audit.action.purge": {"nl": "Verlopen gegevens opgeruimd", "en": "Expired data purged"},
    "audit.action.sharing.set": {"nl": "Delen van gespreksbladen ingesteld",
                                 "en": "Sharing of reflection sheets set"},
    "audit.subject.recording": {"nl": "Opname {id}", "en": "Recording {id}"},
    "audit.subject.review": {"nl": "Terugkijksessie {id}", "en": "Review {id}"},
    "audit.subject.collection": {"nl": "Verzameling {id}", "en": "Collection {id}"},
    "audit.subject.purge": {"nl": "Opruimen", "en": "Purge"},
    "audit.value.yes": {"nl": "ja", "en": "yes"},
    "audit.value.no": {"nl": "nee", "en": "no"},
    "audit.value.party_naming.names": {"nl": "volledige namen", "en": "full names"},
    "audit.value.party_naming.initials": {"nl": "voorletters", "en": "initials"},
    "audit.reason.retention": {"nl": "bewaartermijn voorbij", "en": "retention period over"},
    "audit.reason.user": {"nl": "door de gebruiker", "en": "by the user"},
    "audit.reason.consent.withdrawn": {"nl": "toestemming voor {purpose} ingetrokken",
                                       "en": "consent for {purpose} withdrawn"},
    "audit.reason.consent.narrowed": {"nl": "toestemming voor {purpose} beperkt",
                                      "en": "consent for {purpose} narrowed"},
    "audit.reason.consent.lapsed": {"nl": "toestemming voor {purpose} verlopen",
                                    "en": "consent for {purpose} lapsed"},
    "audit.detail.purpose": {"nl": "doel: {value}", "en": "purpose: {value}"},
    "audit.detail.reason": {"nl": "reden: {value}", "en": "reason: {value}"},
    "audit.detail.given_on": {"nl": "gegeven op {value}", "en": "given on {value}"},
    "audit.detail.until": {"nl": "geldig tot en met {value}",
                           "en": "valid up to and including {value}"},
    "audit.detail.until.none": {"nl": "zonder einddatum", "en": "no end date"},
    "audit.detail.recognisable": {"nl": "mag herkenbaar zijn: {value}",
                                  "en": "may be recognisable: {value}"},
    "audit.detail.replaced": {"nl": "vervangt een eerdere toestemming: {value}",
                              "en": "replaces an earlier consent: {value}"},
    "audit.detail.allow": {"nl": "gespreksbladen mogen mee in clipmateriaal: {value}",
                           "en": "reflection sheets may go into clip material: {value}"},
    "audit.detail.had_consent": {"nl": "er was toestemming vastgelegd: {value}",
                                 "en": "consent was recorded: {value}"},
    "audit.detail.clips_removed": {"nl": "clips verwijderd: {value}",
                                   "en": "clips removed: {value}"},
    "audit.detail.files_deleted": {"nl": "bestanden verwijderd: {value}",
                                   "en": "files deleted: {value}"},
    "audit.detail.files_missing": {"nl": "bestanden al weg: {value}",
                                   "en": "files already gone: {value}"},
    "audit.detail.files_failed": {"nl": "bestanden niet verwijderd: {value}",
                                  "en": "files not deleted: {value}"},
    "audit.detail.pack": {"nl": "pakket: {value}", "en": "pack: {value}"},
    "audit.detail.pack.none": {"nl": "alleen clips", "en": "clips only"},
    "audit.detail.format": {"nl": "formaat: {value}", "en": "format: {value}"},
    "audit.detail.file": {"nl": "bestand: {value}", "en": "file: {value}"},
    "audit.detail.files": {"nl": "bestanden: {value}", "en": "files: {value}"},
    "audit.detail.folder": {"nl": "map: {value}", "en": "folder: {value}"},
    "audit.detail.clips": {"nl": "clips: {value}", "en": "clips: {value}"},
    "audit.detail.collections": {"nl": "verzamelingen: {value}", "en": "collections: {value}"},
    "audit.detail.recording_ids": {"nl": "opnamen: {value}", "en": "recordings: {value}"},
    "audit.detail.recordings": {"nl": "opnamen: {value}", "en": "recordings: {value}"},
    "audit.detail.lapsed_consents": {"nl": "verlopen toestemmingen: {value}",
                                     "en": "lapsed consents: {value}"},
    "audit.detail.deleted": {"nl": "verwijderd: {value}", "en": "deleted: {value}"},
    "audit.detail.missing": {"nl": "al weg: {value}", "en": "already gone: {value}"},
    "audit.detail.failed": {"nl": "niet gelukt: {value}", "en": "failed: {value}"},
    "audit.detail.anonymize_faces": {"nl": "gezichten onherkenbaar: {value}",
                                     "en": "faces made unrecognisable: {value}"},
    "audit.detail.names_replaced": {"nl": "namen vervangen door rollen: {value}",
                                    "en": "names replaced by roles: {value}"},
    "audit.detail.keep_audio": {"nl": "met geluid: {value}", "en": "with sound: {value}"},
    "audit.detail.stills": {"nl": "met stilstaande beelden: {value}",
                            "en": "with stills: {value}"},
    "audit.detail.party_naming": {"nl": "namen: {value}", "en": "names: {value}"},
    "audit.detail.keep_until": {"nl": "bewaren tot en met {value}", "en": "keep until {value}"},
    "audit.detail.keep_until.none": {"nl": "geen einddatum", "en": "no end date"},
    "audit.detail.media_deleted": {"nl": "opnamebestand verwijderd: {value}",
                                   "en": "media file deleted: {value}"},
    "audit.detail.today": {"nl": "datum: {value}", "en": "date: {value}"},
    "cli.audit.none": {"nl": "Het logboek is leeg.", "en": "The log is empty."},
    "audit.check.ok": {
        "nl": "Het logboek is gecontroleerd: {rows} regels, niets is veranderd.",
        "en": "The audit log was checked: {rows} entries, nothing was altered.",
    },
    "audit.check.altered": {
        "nl": "Let op: het logboek is buiten vsr om veranderd. Je kunt er niet meer op vertrouwen.",
        "en": "Warning: the audit log was altered outside vsr. It can no longer be trusted.",
    },
    "audit.check.hint": {
        "nl": "Kijk in een reservekopie van de bibliotheek wat er eerst stond.",
        "en": "Look in a backup of the library for what it said before.",
    },
    "audit.problem.changed": {
        "nl": "Regel {id} is veranderd, of er is een regel vóór regel {id} weggehaald.",
        "en": "Entry {id} was changed, or an entry before entry {id} was deleted.",
    },
    "audit.problem.deleted_end": {
        "nl": "De nieuwste regels zijn weggehaald (de laatste had nummer {id}).",
        "en": "The newest entries were deleted (the last one was number {id}).",
    },
    "audit.problem.trigger": {
        "nl": "De beveiliging die wijzigen van het logboek tegenhoudt, is weggehaald of veranderd.",
        "en": "The protection that stops changes to the audit log was removed or changed.",
    },
    "cli.collection.none": {"nl": "Er zijn nog geen verzamelingen.",
                            "en": "There are no collections yet."},
    "cli.collection.keep": {"nl": "  (bewaren tot en met {until})", "en": "  (keep until {until})"},
    "cli.add.needs_range": {
        "nl": "geef --recording, --from en --to, of --marker",
        "en": "give --recording, --from and --to, or --marker",
    },
    "cli.clip_added": {
        "nl": "Clip {clip} toegevoegd aan verzameling {collection} ({start}-{end}).",
        "en": "Clip {clip} added to collection {collection} ({start}-{end}).",
    },
    "cli.export.done": {"nl": "Klaar: {count} bestand(en) in {folder}",
                        "en": "Done: {count} file(s) in {folder}"},
    "cli.export.cancelled": {
        "nl": "Het exporteren is gestopt. Er zijn geen bestanden achtergebleven.",
        "en": "The export was stopped. No files were left behind.",
    },
}

_MESSAGES.update(INTEROP_MESSAGES)


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

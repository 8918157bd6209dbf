"""Core messages of the import and export of other tools' formats (merged into vsr.i18n)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "error.import.too_big": {
        "nl": "Het bestand {path} is te groot om in te lezen ({size_mb} MB; het mag hoogstens "
        "{limit_mb} MB zijn).",
        "en": "The file {path} is too large to import ({size_mb} MB; at most {limit_mb} MB).",
    },
    "error.import.nothing": {
        "nl": "In {path} staat niets om in te lezen (alle lagen overgeslagen of leeg).",
        "en": "{path} has nothing to import (every tier skipped or empty).",
    },
    "error.import.unknown_tier": {
        "nl": "In {path} staat geen laag met de naam {tier}. Lagen: {tiers}",
        "en": "{path} has no tier named {tier}. Tiers: {tiers}",
    },
    "error.import.bad_map": {
        "nl": "Schrijf --map als LAAG=DEELNEMER, niet als {value}.",
        "en": "Write --map as TIER=PARTY, not as {value}.",
    },
    "error.import.choose_observation": {
        "nl": "In {path} staan meer observaties. Kies er een met --observation: {names}",
        "en": "{path} has several observations. Choose one with --observation: {names}",
    },
    "error.import.unknown_observation": {
        "nl": "In {path} staat geen observatie {name}. Observaties: {names}",
        "en": "{path} has no observation {name}. Observations: {names}",
    },
    "error.import.other_recording": {
        "nl": "Terugkijksessie {review} hoort bij een andere opname dan opname {recording}.",
        "en": "Review {review} belongs to another recording than recording {recording}.",
    },
    "reason.empty_file": {"nl": "het bestand is leeg.", "en": "the file is empty."},
    "reason.xml_hostile": {
        "nl": "het bevat verwijzingen naar andere bestanden of zelfgemaakte tekens (entiteiten). "
        "Dat is niet veilig, dus het wordt niet gelezen.",
        "en": "it contains references to other files or self-defined entities. That is not "
        "safe, so it is not read.",
    },
    "reason.xml_malformed": {
        "nl": "het is geen geldig XML-bestand (afgebroken of beschadigd).",
        "en": "it is not valid XML (cut off or damaged).",
    },
    "reason.not_eaf": {
        "nl": "het is geen ELAN-bestand (.eaf) of het klopt niet van binnen ({detail}).",
        "en": "it is not an ELAN file (.eaf), or its contents do not add up ({detail}).",
    },
    "reason.time_units": {
        "nl": "de tijden staan niet in milliseconden.",
        "en": "its times are not in milliseconds.",
    },
    "reason.json_malformed": {
        "nl": "het is geen geldig JSON-bestand (afgebroken of beschadigd).",
        "en": "it is not valid JSON (cut off or damaged).",
    },
    "reason.not_boris": {
        "nl": "het is geen BORIS-project of het klopt niet van binnen ({detail}).",
        "en": "it is not a BORIS project, or its contents do not add up ({detail}).",
    },
    "cli.import_eaf.done": {
        "nl": "{moments} momenten ingelezen in terugkijksessie {review} ({parties}).",
        "en": "{moments} moments imported into review {review} ({parties}).",
    },
    "cli.export.written": {"nl": "Geschreven: {path}", "en": "Written: {path}"},
    "interop.no_subject": {"nl": "Zonder subject", "en": "No subject"},
    "interop.imported_title": {"nl": "Ingelezen uit {name}", "en": "Imported from {name}"},
    "eaf.tier.a": {"nl": "A wat gebeurde er", "en": "A what happened"},
    "eaf.tier.b_me": {"nl": "B {party} over zichzelf", "en": "B {party} about themselves"},
    "eaf.tier.b_other": {"nl": "B {party} over de ander", "en": "B {party} about the other"},
    "eaf.tier.c": {"nl": "C behouden of veranderen", "en": "C keep or change"},
    "eaf.tier.theme": {"nl": "themakaart", "en": "theme card"},
    "eaf.tier.subtopic": {"nl": "onderwerp", "en": "sub-topic"},
    "eaf.cv.description": {"nl": "De themakaarten van de Samenleerwijzer",
                           "en": "The theme cards of the Samenleerwijzer"},
    "csv.start": {"nl": "begin", "en": "start"},
    "csv.end": {"nl": "einde", "en": "end"},
    "csv.start_ms": {"nl": "begin (ms)", "en": "start (ms)"},
    "csv.end_ms": {"nl": "einde (ms)", "en": "end (ms)"},
    "csv.party": {"nl": "deelnemer", "en": "party"},
    "csv.theme": {"nl": "themakaart", "en": "theme card"},
    "csv.subtopic": {"nl": "onderwerp", "en": "sub-topic"},
    "csv.a": {"nl": "A wat gebeurde er", "en": "A what happened"},
    "csv.b_me": {"nl": "B {party} over zichzelf", "en": "B {party} about themselves"},
    "csv.b_other": {"nl": "B {party} over de ander", "en": "B {party} about the other"},
    "csv.c": {"nl": "C behouden of veranderen", "en": "C keep or change"},
}

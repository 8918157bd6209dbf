"""Replacing people's names by their role ("Professional", "Cliënt") in titles and texts that
leave the app, so exported material does not name the client."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from vsr.i18n import translate
from vsr.library.consent import list_consents
from vsr.library.db import Library
from vsr.library.reviews import list_parties, list_reviews

_MIN_PART = 3  # shorter name parts ("de", "Ed") would replace ordinary words too


def role_names(lib: Library, recording_ids: Iterable[int], lang: str | None = None
               ) -> dict[str, str]:
    """Every known name around the recordings (party names of their reviews, who gave consent)
    mapped to the role label that replaces it."""
    names: dict[str, str] = {}
    client = translate("party.client", lang)
    for recording_id in sorted(set(recording_ids)):
        for review in list_reviews(lib, recording_id):
            for party in list_parties(lib, review.id):
                names.setdefault(party.name.strip(), translate(f"party.{party.role.value}", lang))
        for consent in list_consents(lib, recording_id):
            names.setdefault(consent.given_by.strip(), client)
    return {name: role for name, role in names.items() if name}


def _patterns(names: Mapping[str, str]) -> dict[str, str]:
    """Full names, plus their capitalised parts (first name, surname) when long enough;
    role words themselves are left alone."""
    roles = {r.casefold() for r in names.values()} | {
        translate(f"party.{k}", lang).casefold()
        for k in ("professional", "client", "other") for lang in ("nl", "en")}
    found: dict[str, str] = {}
    for name, role in names.items():
        if name.casefold() not in roles:
            found.setdefault(name.casefold(), role)
        for part in re.split(r"[\s\-]+", name):
            part = part.strip(".,")
            if len(part) >= _MIN_PART and part[:1].isupper() and part.casefold() not in roles:
                found.setdefault(part.casefold(), role)
    return found


def replace_names(text: str, names: Mapping[str, str]) -> str:
    """`text` with every whole-word occurrence of a name (any case) replaced by its role."""
    table = _patterns(names)
    if not text or not table:
        return text
    alternatives = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda m: table[m.group(0).casefold()], text)

"""The names the library knows around a review or a collection's recordings, gathered into one
`NameReplacer`, and the extra names a user gives a review or collection (stored with it, so
they are deleted with it)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from vsr.anonymise.names import PARTICLES, NameReplacer, fold, names_written_in, replacer_from
from vsr.i18n import translate
from vsr.library.changes import Action, Change, Entity
from vsr.library.consent import list_consents
from vsr.library.db import Library
from vsr.library.recordings import get_recording
from vsr.library.reviews import list_parties, list_reviews

Owner = Literal["review", "collection"]
_TABLES = {"review": "reviews", "collection": "collections"}


def clean_names(names: Iterable[str]) -> tuple[str, ...]:
    """Names from user input, trimmed, each once; "a, b" counts as two."""
    found: list[str] = []
    for item in names:
        for name in str(item).replace(";", ",").replace("\n", ",").split(","):
            name = " ".join(name.split())
            if name and name.casefold() not in {n.casefold() for n in found}:
                found.append(name)
    return tuple(found)


def extra_names(lib: Library, owner: Owner, ident: int) -> tuple[str, ...]:
    rows = lib.query(f"SELECT extra_names FROM {_TABLES[owner]} WHERE id = ?", (ident,))
    if not rows:
        return ()
    try:
        value = json.loads(str(rows[0]["extra_names"] or "[]"))
    except (ValueError, RecursionError):
        return ()
    return clean_names(value) if isinstance(value, list) else ()


def set_extra_names(lib: Library, owner: Owner, ident: int, names: Iterable[str],
                    initiator: object | None = None) -> tuple[str, ...]:
    """Store the extra names of a review or collection (replacing what was there)."""
    cleaned = clean_names(names)
    with lib.write(Change(Entity(owner), Action.UPDATED, (ident,), initiator=initiator)):
        lib.conn.execute(f"UPDATE {_TABLES[owner]} SET extra_names = ? WHERE id = ?",
                         (json.dumps(list(cleaned), ensure_ascii=False), ident))
    return cleaned


def add_extra_names(lib: Library, owner: Owner, ident: int, names: Iterable[str]
                    ) -> tuple[str, ...]:
    """Add names (e.g. from --extra-name) to those kept with the review or collection."""
    return set_extra_names(lib, owner, ident, [*extra_names(lib, owner, ident), *names])


def known_names(lib: Library, recording_ids: Iterable[int],
                extra: Iterable[str] = (), *, identifiers: bool = True) -> NameReplacer:
    """Every name around the recordings: the parties of all their reviews (by role), who gave
    consent (the client), the recordings' titles and file names and the reviews' titles, and
    the extra names given (also those stored with the reviews). Every other party and consent
    giver in the library with a full name (two words or more besides particles) is a name too
    ("[naam]"): a partner, a sibling or a group member is often the client of another
    recording. A one-word party name elsewhere is left out: it is as often a function ("Tolk",
    "Mentor"), which would be hidden in every export."""
    people: dict[str, str] = {}
    titles: list[str] = []
    extras = list(extra)
    client = translate("party.client")
    for recording_id in sorted(set(recording_ids)):
        rec = get_recording(lib, recording_id)
        titles += [rec.title, Path(rec.path).name]
        for review in list_reviews(lib, recording_id):
            titles.append(review.title)
            extras += extra_names(lib, "review", review.id)
            for party in list_parties(lib, review.id):
                people.setdefault(party.name.strip(),
                                  translate(f"party.{party.role.value}"))
        for consent in list_consents(lib, recording_id):
            people.setdefault(consent.given_by.strip(), client)
    people.pop("", None)
    known = {name.casefold() for name in people}
    others = [str(r["name"]) for r in lib.query(
        "SELECT name FROM parties UNION SELECT given_by FROM consents")]
    # "Ahmed Aziz (tolk)": the name without what is said about its role in brackets.
    others = [" ".join(re.sub(r"[(\[][^)\]]*[)\]]", " ", n).split()) for n in others]
    extras += [n for n in others if n.casefold() not in known and _full_name(n)]
    return replacer_from(people, titles, clean_names(extras), identifiers=identifiers)


def _full_name(name: str) -> bool:
    return len([w for w in name.split() if fold(w) not in PARTICLES]) >= 2


def review_names(lib: Library, review_id: int,
                 extra: Iterable[str] = ()) -> NameReplacer:
    rows = lib.query("SELECT recording_id FROM reviews WHERE id = ?", (review_id,))
    recording_ids = [int(str(r["recording_id"])) for r in rows]
    return known_names(lib, recording_ids, [*extra, *extra_names(lib, "review", review_id)])


def collection_names(lib: Library, collection_id: int, recording_ids: Iterable[int],
                     extra: Iterable[str] = ()) -> NameReplacer:
    """The names around the collection's recordings, and the names in the collection's own
    name ("Intervisie casus Fatma": Fatma, see `names_written_in`)."""
    rows = lib.query("SELECT name FROM collections WHERE id = ?", (collection_id,))
    own = [n for r in rows for n in names_written_in(str(r["name"]))]
    return known_names(lib, recording_ids,
                       [*extra, *extra_names(lib, "collection", collection_id), *own])

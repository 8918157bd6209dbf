"""Which voice is which party. The transcript tells two voices apart ("Stem 1", "Stem 2"); the
users say which is the client and which the professional, and from then on the voices carry
the parties' names: in Stap 3's talk time, the summary, the transcript lane, search hits,
transcript files and subtitles.

Stored per recording by role (schema version 12, `transcript_voices`), not by party id: a
recording can be watched back in several reviews and each names its own parties. A new
transcript run forgets the answer (the voices are clustered anew)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vsr.errors import NotFoundError, VsrError
from vsr.library.changes import Action, Change, Entity
from vsr.library.rows import as_int
from vsr.model import Party, PartyRole

if TYPE_CHECKING:
    from vsr.library.db import Library

VOICES = (0, 1)
# Saying who one voice is says who the other is, for these two roles.
_OTHER_SIDE = {PartyRole.CLIENT: PartyRole.PROFESSIONAL, PartyRole.PROFESSIONAL: PartyRole.CLIENT}


def voice_roles(lib: Library, recording_id: int) -> dict[int, PartyRole]:
    """The role said for each voice of the recording's transcript ({} when nobody said)."""
    return {as_int(r["speaker"]): PartyRole(str(r["role"])) for r in lib.query(
        "SELECT speaker, role FROM transcript_voices WHERE recording_id = ?", (recording_id,))}


def set_voice_role(lib: Library, recording_id: int, speaker: int, role: PartyRole | None, *,
                   initiator: object | None = None) -> dict[int, PartyRole]:
    """Say who voice `speaker` (0 or 1) is; None takes the answer back. Naming one voice the
    client makes the other the professional and the other way round (two voices, two sides),
    unless the other voice was already said to be someone else. Returns the roles now stored."""
    if speaker not in VOICES:
        raise VsrError("error.transcript.bad_speaker")
    if role is not None:
        role = PartyRole(role)
    if not lib.query("SELECT 1 FROM transcripts WHERE recording_id = ?", (recording_id,)):
        if not lib.query("SELECT 1 FROM recordings WHERE id = ?", (recording_id,)):
            raise NotFoundError("error.not_found")
        raise VsrError("error.transcript.none", recording=recording_id)
    roles = voice_roles(lib, recording_id)
    other = 1 - speaker
    if role is None:
        roles.pop(speaker, None)
    else:
        roles[speaker] = role
        opposite = _OTHER_SIDE.get(role)
        if opposite is not None and roles.get(other) in (None, role):
            roles[other] = opposite
        elif roles.get(other) == role:  # two voices cannot both be the interpreter's
            roles.pop(other)
    with lib.write(Change(Entity.TRANSCRIPT, Action.UPDATED, (recording_id,), initiator=initiator)):
        lib.conn.execute("DELETE FROM transcript_voices WHERE recording_id = ?", (recording_id,))
        lib.conn.executemany(
            "INSERT INTO transcript_voices (recording_id, speaker, role) VALUES (?, ?, ?)",
            [(recording_id, n, r.value) for n, r in sorted(roles.items())])
    return roles


def _party_for(parties: list[Party], role: PartyRole) -> Party | None:
    return next((p for p in parties if p.role == role), None)


def voice_labels(lib: Library, recording_id: int, review_id: int | None = None, *,
                 labels: dict[int, str] | None = None) -> dict[int, str]:
    """What to call each voice: the name of the review's party with the voice's role, or the
    role ("de cliënt") when the review has no such party, or "Stem 1" when nobody said.
    Without `review_id` the recording's latest review names the parties. `labels` (party id
    to label) replaces the names, e.g. with initials in an anonymised summary."""
    from vsr.i18n import translate
    from vsr.library.reviews import list_parties, list_reviews

    roles = voice_roles(lib, recording_id)
    parties: list[Party] = []
    if roles:
        if review_id is None:
            reviews = list_reviews(lib, recording_id)
            review_id = reviews[-1].id if reviews else None
        parties = list_parties(lib, review_id) if review_id is not None else []
    out: dict[int, str] = {}
    for n in VOICES:
        role = roles.get(n)
        party = _party_for(parties, role) if role is not None else None
        if party is not None:
            name = labels.get(party.id, "") if labels is not None else party.name.strip()
            out[n] = name or translate(f"transcript.role.{role}")
        elif role is not None:
            out[n] = translate(f"transcript.role.{role}")
        else:
            out[n] = translate("transcript.speaker", number=n + 1)
    return out


def voices_named(lib: Library, recording_id: int) -> bool:
    """True once the users said who at least one voice is."""
    return bool(voice_roles(lib, recording_id))

"""Consent per recording and purpose (toestemming per doel).

Own review (eigen terugkijken) is always allowed and never stored. Intervisie and training
need a recorded consent: who gave it, on which day, an optional last day it holds (inclusive),
and for training whether the client may be recognisable. Withdrawal lives in
`vsr.library.withdrawal`, because it also removes the clips and files made under the consent.

The audit rows written here hold no names: the audit log can never be erased, so it must not
keep personal data (the client's name stays in the consents table, which can be deleted)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from vsr.errors import ConsentError, NotFoundError, VsrError
from vsr.library.audit import AuditAction, audit, subject_of
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.rows import now_iso
from vsr.text import clean_text


class Purpose(StrEnum):
    OWN_REVIEW = "own_review"
    INTERVISIE = "intervisie"
    TRAINING = "training"

    @property
    def label_key(self) -> str:
        """The i18n key of its name ("intervisie", "training (oefenmateriaal)")."""
        return f"purpose.{self.value}"

    @property
    def plain_label_key(self) -> str:
        """The i18n key of its name with its meaning, for the client's screen
        ("intervisie (bespreken met collega's)")."""
        return f"purpose.{self.value}.plain"


# The purposes that need the client's consent, and that a collection can have.
SHARED_PURPOSES = (Purpose.INTERVISIE, Purpose.TRAINING)


@dataclass(frozen=True, slots=True)
class Consent:
    recording_id: int
    purpose: Purpose
    given_by: str  # free text: the client's name or initials, or who signed for them
    given_on: date
    until: date | None  # last day the consent holds; None: until withdrawn
    recognisable: bool  # training only: the client may be recognisable in the material
    recorded_at: str

    def valid_on(self, day: date) -> bool:
        return self.until is None or day <= self.until


def parse_purpose(value: str | Purpose, *, shared_only: bool = False) -> Purpose:
    """A purpose from user input ("intervisie", "training", "own_review")."""
    text = str(value).strip().lower().replace("-", "_")
    aliases = {"own": Purpose.OWN_REVIEW, "eigen": Purpose.OWN_REVIEW,
               "oefenmateriaal": Purpose.TRAINING}
    try:
        purpose = aliases.get(text) or Purpose(text)
    except ValueError:
        raise VsrError("error.purpose.unknown", purpose=str(value)) from None
    if shared_only and purpose not in SHARED_PURPOSES:
        raise VsrError("error.purpose.unknown", purpose=str(value))
    return purpose


def parse_date(value: str | date) -> date:
    """An ISO date (YYYY-MM-DD) from user input, or a clear error."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise VsrError("error.date.bad", value=str(value)) from None


def _opt_date(value: object) -> date | None:
    return None if value in (None, "") else date.fromisoformat(str(value))


def consent_from_row(r: dict[str, object]) -> Consent:
    return Consent(
        recording_id=int(r["recording_id"]),  # type: ignore[call-overload]
        purpose=Purpose(str(r["purpose"])),
        given_by=str(r["given_by"]),
        given_on=date.fromisoformat(str(r["given_on"])),
        until=_opt_date(r["until"]),
        recognisable=bool(r["recognisable"]),
        recorded_at=str(r["recorded_at"]),
    )


def _recording_label(lib: Library, recording_id: int) -> str:
    rows = lib.query("SELECT title FROM recordings WHERE id = ?", (recording_id,))
    if not rows:
        raise NotFoundError(what="what.recording", ident=recording_id)
    return f"{recording_id} ({rows[0]['title']})"


def get_consent(lib: Library, recording_id: int, purpose: Purpose | str) -> Consent | None:
    """The stored consent (valid or lapsed), None when there is none."""
    rows = lib.query("SELECT * FROM consents WHERE recording_id = ? AND purpose = ?",
                     (recording_id, str(parse_purpose(purpose))))
    return consent_from_row(rows[0]) if rows else None


def list_consents(lib: Library, recording_id: int) -> list[Consent]:
    rows = lib.query("SELECT * FROM consents WHERE recording_id = ? ORDER BY purpose",
                     (recording_id,))
    return [consent_from_row(r) for r in rows]


def has_consent(lib: Library, recording_id: int, purpose: Purpose | str,
                *, today: date | None = None) -> bool:
    try:
        require_consent(lib, recording_id, purpose, today=today)
    except ConsentError:
        return False
    return True


def require_consent(
    lib: Library, recording_id: int, purpose: Purpose | str, *, today: date | None = None
) -> Consent | None:
    """The valid consent for the purpose (None for own review, which needs none); raises
    ConsentError, worded for the user, when there is none or it has lapsed."""
    kind = parse_purpose(purpose)
    label = _recording_label(lib, recording_id)
    if kind is Purpose.OWN_REVIEW:
        return None
    consent = get_consent(lib, recording_id, kind)
    if consent is None:
        raise ConsentError(purpose=kind.label_key, recording=label)
    if not consent.valid_on(today or date.today()):
        raise ConsentError("error.consent.lapsed", purpose=kind.label_key, recording=label,
                           until=consent.until)
    return consent


def require_recognisable_or_anonymised(
    lib: Library, recording_id: int, *, anonymize_faces: bool, today: date | None = None
) -> None:
    """Training material from a client who did not agree to be recognisable must have faces
    made unrecognisable."""
    consent = require_consent(lib, recording_id, Purpose.TRAINING, today=today)
    if consent is not None and not consent.recognisable and not anonymize_faces:
        raise ConsentError("error.consent.not_recognisable",
                           recording=_recording_label(lib, recording_id))


def grant_consent(
    lib: Library,
    recording_id: int,
    purpose: Purpose | str,
    *,
    given_by: str,
    until: date | str | None = None,
    recognisable: bool = False,
    given_on: date | str | None = None,
    initiator: object | None = None,
) -> Consent:
    """Record (or replace) the consent for intervisie or training; audited."""
    kind = parse_purpose(purpose)
    _recording_label(lib, recording_id)  # NotFoundError for an unknown recording
    if kind is Purpose.OWN_REVIEW:
        raise VsrError("error.consent.own_review")
    who = clean_text(given_by).strip()
    if not who:
        raise VsrError("error.consent.no_giver")
    day = parse_date(given_on) if given_on is not None else date.today()
    last = parse_date(until) if until is not None else None
    if last is not None and last < day:
        raise VsrError("error.consent.until_past", until=last, given_on=day)
    recognisable = recognisable and kind is Purpose.TRAINING  # only training asks this
    previous = get_consent(lib, recording_id, kind)
    with lib.write(Change(Entity.CONSENT, Action.UPDATED, (recording_id,), initiator=initiator)):
        lib.conn.execute(
            "INSERT INTO consents (recording_id, purpose, given_by, given_on, until,"
            " recognisable, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(recording_id, purpose) DO UPDATE SET given_by = excluded.given_by,"
            " given_on = excluded.given_on, until = excluded.until,"
            " recognisable = excluded.recognisable, recorded_at = excluded.recorded_at",
            (recording_id, kind.value, who, day.isoformat(),
             last.isoformat() if last else None, int(recognisable), now_iso()),
        )
        audit(lib, AuditAction.CONSENT_GRANTED, subject_of("recording", recording_id),
              purpose=kind.value, given_on=day.isoformat(),
              until=last.isoformat() if last else None, recognisable=recognisable,
              replaced=previous is not None)
    consent = get_consent(lib, recording_id, kind)
    assert consent is not None
    return consent

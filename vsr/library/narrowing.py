"""Consent that narrows (toestemming beperken): a training consent changed from recognisable
to not recognisable, or an earlier last day. Whatever was exported under the wider consent
that no longer fits it is planned (for the confirmation) and deleted, as with a withdrawal:
- no longer recognisable: every file of an export of this recording for the purpose whose
  faces were not blurred or names not replaced (or not known to be: exported before this was
  recorded), with the pack documents of that export;
- an earlier last day: files exported after that day, and once that day is past, every file
  exported under the consent (it no longer holds).
Clips in collections stay: they can be exported again, blurred, while the consent holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.library.audit import subject_of
from vsr.library.consent import Consent, Purpose, get_consent, grant_consent, parse_date, parse_purpose
from vsr.library.db import Library
from vsr.library.exported import DOCUMENT_KINDS, ExportedFile, FileDeletion, delete_exported_files
from vsr.library.exported import files_from_recording as exported_from_recording
from vsr.text import clean_text


@dataclass(frozen=True, slots=True)
class NarrowingPlan:
    recording_id: int
    purpose: Purpose
    before: Consent | None
    files: tuple[ExportedFile, ...]

    @property
    def empty(self) -> bool:
        return not self.files


@dataclass(frozen=True, slots=True)
class NarrowingReport:
    plan: NarrowingPlan
    consent: Consent
    files: FileDeletion = field(default_factory=FileDeletion)


def _fits(f: ExportedFile, recognisable: bool, until: date | None, today: date) -> bool:
    if not recognisable and not (f.faces_blurred and f.names_replaced):
        return False
    if until is None:
        return True
    return until >= today and date.fromisoformat(f.exported_at[:10]) <= until


def plan_narrowing(
    lib: Library, recording_id: int, purpose: Purpose | str, *, recognisable: bool,
    until: date | str | None, today: date | None = None,
) -> NarrowingPlan:
    """What changing the consent to (recognisable, until) would delete; nothing is deleted.
    A new consent, or one that only widens, plans nothing."""
    kind = parse_purpose(purpose, shared_only=True)
    before = get_consent(lib, recording_id, kind)
    last = parse_date(until) if until is not None else None
    recognisable = recognisable and kind is Purpose.TRAINING
    if before is None:
        return NarrowingPlan(recording_id, kind, None, ())
    # Only training asks about recognisable use; it narrows when it goes from yes to no.
    keep_all_recognisable = (kind is not Purpose.TRAINING or recognisable
                             or not before.recognisable)
    day = today or date.today()
    if last is not None and before.until is not None and last >= before.until:
        last = None  # the last day did not move earlier: it narrows nothing
    files = exported_from_recording(lib, recording_id, kind.value)
    gone_exports = {f.export_id for f in files if f.kind not in DOCUMENT_KINDS
                    and not _fits(f, keep_all_recognisable, last, day)}
    # A pack document lists every clip of its export: it goes when any clip of it goes.
    gone = tuple(f for f in files if f.export_id in gone_exports
                 and (f.kind in DOCUMENT_KINDS or not _fits(f, keep_all_recognisable, last, day)))
    return NarrowingPlan(recording_id, kind, before, gone)


def narrow_consent(
    lib: Library, recording_id: int, purpose: Purpose | str, *, given_by: str,
    until: date | str | None = None, recognisable: bool = False,
    given_on: date | str | None = None, today: date | None = None,
    initiator: object | None = None,
) -> NarrowingReport:
    """Delete what no longer fits the changed consent, then record the consent; audited.
    The new consent is checked first (a giver, a last day not before the day it was given):
    one that would be refused deletes nothing. Then files go first: one that cannot be
    deleted stays known (and is reported)."""
    check_grant(given_by=given_by, until=until, given_on=given_on)
    plan = plan_narrowing(lib, recording_id, purpose, recognisable=recognisable, until=until,
                          today=today)
    files = delete_exported_files(lib, list(plan.files), subject=subject_of("recording",
                                                                             recording_id),
                                  reason=f"consent.narrowed:{plan.purpose.value}")
    consent = grant_consent(lib, recording_id, plan.purpose, given_by=given_by, until=until,
                            recognisable=recognisable, given_on=given_on, initiator=initiator)
    return NarrowingReport(plan, consent, files)


def check_grant(*, given_by: str, until: date | str | None, given_on: date | str | None
                ) -> None:
    """The VsrError `grant_consent` would raise for these values, before anything is done."""
    if not clean_text(given_by).strip():
        raise VsrError("error.consent.no_giver")
    day = parse_date(given_on) if given_on is not None else date.today()
    last = parse_date(until) if until is not None else None
    if last is not None and last < day:
        raise VsrError("error.consent.until_past", until=last, given_on=day)


def describe_narrowing(plan: NarrowingPlan) -> list[str]:
    """The lines a confirmation shows: which exported files go."""
    purpose = translate(plan.purpose.label_key)
    lines = [translate("narrow.heading", purpose=purpose, recording=plan.recording_id)]
    return lines + file_lines(plan.files)


def file_lines(files: Sequence[ExportedFile]) -> list[str]:
    return [translate("withdraw.file", path=f.path) for f in files]

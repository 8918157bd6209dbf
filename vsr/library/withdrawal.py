"""Withdrawing consent (toestemming intrekken): the consent goes, and so does everything made
under it: the recording's clips in collections of that purpose, and the files the app exported
from them. `plan_withdrawal` says what would go (for the confirmation), `withdraw_consent`
does it. Collections of other purposes, and the recording itself, are left alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from vsr.dates import clock
from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.library.audit import AuditAction, audit, subject_of
from vsr.library.changes import Action, Change, Entity
from vsr.library.collections import CollectionClip, clips_from_recording, get_collection
from vsr.library.consent import Consent, Purpose, get_consent, parse_purpose
from vsr.library.db import Library
from vsr.library.erasure import ScrubReport, clean_up
from vsr.library.exported import ExportedFile, FileDeletion, delete_exported_files
from vsr.library.exported import files_from_recording as exported_from_recording
from vsr.library.recordings import get_recording


@dataclass(frozen=True, slots=True)
class WithdrawalPlan:
    recording_id: int
    purpose: Purpose
    consent: Consent | None  # None: there was no consent row (lapsed ones are still rows)
    clips: tuple[CollectionClip, ...]
    files: tuple[ExportedFile, ...]

    @property
    def empty(self) -> bool:
        return self.consent is None and not self.clips and not self.files


@dataclass(frozen=True, slots=True)
class WithdrawalReport:
    plan: WithdrawalPlan
    removed_clip_ids: tuple[int, ...]
    files: FileDeletion = field(default_factory=FileDeletion)
    backups: ScrubReport = field(default_factory=ScrubReport)  # the clips taken out of backups


def plan_withdrawal(lib: Library, recording_id: int, purpose: Purpose | str) -> WithdrawalPlan:
    """What withdrawing would delete, without deleting anything."""
    kind = parse_purpose(purpose)
    get_recording(lib, recording_id)  # NotFoundError for an unknown recording
    if kind is Purpose.OWN_REVIEW:
        raise VsrError("error.consent.own_review")
    clips, files = made_under(lib, recording_id, kind)
    return WithdrawalPlan(recording_id=recording_id, purpose=kind,
                          consent=get_consent(lib, recording_id, kind), clips=clips, files=files)


def made_under(lib: Library, recording_id: int, purpose: Purpose
               ) -> tuple[tuple[CollectionClip, ...], tuple[ExportedFile, ...]]:
    """What was made under a consent: the recording's clips in collections of that purpose,
    and the files exported from them (with the pack documents of the same exports)."""
    return (tuple(clips_from_recording(lib, recording_id, purpose)),
            tuple(exported_from_recording(lib, recording_id, purpose.value)))


def remove_clips(lib: Library, recording_id: int, clips: Sequence[CollectionClip], *,
                 reason: str, initiator: object | None = None) -> tuple[int, ...]:
    """Delete collection clips of one recording, audited as one row (inside the caller's write
    when there is one). Returns the ids."""
    clip_ids = tuple(c.id for c in clips)
    if not clip_ids:
        return clip_ids
    with lib.write(Change(Entity.CLIP, Action.REMOVED, clip_ids, initiator=initiator)):
        lib.conn.executemany("DELETE FROM collection_clips WHERE id = ?",
                             [(i,) for i in clip_ids])
        audit(lib, AuditAction.CLIPS_REMOVED, subject_of("recording", recording_id),
              clips=list(clip_ids), collections=sorted({c.collection_id for c in clips}),
              reason=reason)
    return clip_ids


def withdraw_consent(
    lib: Library, recording_id: int, purpose: Purpose | str, *, initiator: object | None = None,
    clean_backups: bool = True,
) -> WithdrawalReport:
    """Delete the consent, the clips made under it and the exported files; audited. Files go
    first: a file that cannot be deleted stays known (and is reported), never forgotten. The
    clips are then wiped from the library file and its backups (`erasure.clean_up`; with
    `clean_backups=False` the caller runs it)."""
    plan = plan_withdrawal(lib, recording_id, purpose)
    subject = subject_of("recording", recording_id)
    files = delete_exported_files(lib, list(plan.files), subject=subject,
                                  reason=f"consent.withdrawn:{plan.purpose.value}")
    with lib.write(Change(Entity.CONSENT, Action.REMOVED, (recording_id,), initiator=initiator)):
        lib.conn.execute("DELETE FROM consents WHERE recording_id = ? AND purpose = ?",
                         (recording_id, plan.purpose.value))
        clip_ids = remove_clips(lib, recording_id, plan.clips, initiator=initiator,
                                reason=f"consent.withdrawn:{plan.purpose.value}")
        audit(lib, AuditAction.CONSENT_WITHDRAWN, subject, purpose=plan.purpose.value,
              had_consent=plan.consent is not None, clips_removed=len(clip_ids),
              files_deleted=len(files.deleted), files_missing=len(files.missing),
              files_failed=len(files.failed))
    scrubbed = clean_up(lib.path) if clean_backups and clip_ids else ScrubReport()
    return WithdrawalReport(plan, clip_ids, files, scrubbed)


def describe_withdrawal(lib: Library, plan: WithdrawalPlan
                        ) -> list[str]:
    """The lines a confirmation shows: which clips in which collections, which files."""
    purpose = translate(plan.purpose.label_key)
    lines = [translate("withdraw.heading", purpose=purpose, recording=plan.recording_id)]
    if plan.consent is None:
        lines.append(translate("withdraw.no_consent", purpose=purpose))
    if not plan.clips and not plan.files:
        lines.append(translate("withdraw.nothing_made"))
    return lines + describe_made(lib, plan.clips, plan.files)


def describe_made(lib: Library, clips: Sequence[CollectionClip], files: Sequence[ExportedFile], *,
                  indent: str = "") -> list[str]:
    """One line per clip (its title, times and collection) and per exported file."""
    lines = []
    names: dict[int, str] = {}
    for clip in clips:
        if clip.collection_id not in names:
            names[clip.collection_id] = get_collection(lib, clip.collection_id).name
        lines.append(indent + translate(
            "withdraw.clip", collection=names[clip.collection_id],
            title=clip.title or translate("pack.untitled", n=clip.position + 1),
            start=clock(clip.start_ms, exact=True), end=clock(clip.end_ms, exact=True)))
    lines += [indent + translate("withdraw.file", path=f.path) for f in files]
    return lines

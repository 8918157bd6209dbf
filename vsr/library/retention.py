"""Retention (bewaartermijn): a recording or a collection can get a last day it is kept.
From the day after, `plan_purge` lists it and `purge` deletes it, audited.

Purging a recording deletes its row with everything in the library that hangs on it (reviews,
markers, gespreksbladen, sessions, consents, clips in collections) and the files the app
exported from it. The media file itself is deleted only when it is a regular file (never a
symlink, nor through one) whose real place lies inside the app's own recordings folder
(`vsr.demo.recordings_dir()`, e.g. the demo): a file elsewhere is the user's own, maybe
their only copy or on a shared drive, so the app never deletes it; the plan and the report
name it so the user can delete it themselves.

A consent whose last day (`until`) has passed is lapsed: what was made under it goes as on a
withdrawal (the recording's clips in collections of that purpose and the files exported from
them), but the consent row stays, as the record that consent was given and when it ended."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from vsr.dates import long_date, long_date_of
from vsr.i18n import translate
from vsr.library.audit import AuditAction, audit, subject_of
from vsr.library.changes import Action, Change, Entity
from vsr.library.collections import (
    Collection,
    CollectionClip,
    get_collection,
    list_collections,
)
from vsr.library.consent import Consent, consent_from_row, parse_date
from vsr.library.db import Library
from vsr.library.erasure import ScrubReport, clean_up
from vsr.library.exported import (
    ExportedFile,
    FileDeletion,
    delete_exported_files,
    files_from_collection,
    files_from_recording,
)
from vsr.library.recordings import get_recording
from vsr.library.rows import recording_from_row
from vsr.library.withdrawal import describe_made, made_under, remove_clips
from vsr.model import Recording


@dataclass(frozen=True, slots=True)
class ExpiredRecording:
    recording: Recording
    keep_until: date
    delete_media: bool  # True: the media file is inside the app's recordings folder


@dataclass(frozen=True, slots=True)
class LapsedConsent:
    """A consent past its last day, with what was made under it and must go. Clips and files
    that go anyway (with an expired recording or collection) are not repeated here."""

    consent: Consent
    clips: tuple[CollectionClip, ...]
    files: tuple[ExportedFile, ...]

    @property
    def reason(self) -> str:
        return f"consent.lapsed:{self.consent.purpose.value}"


@dataclass(frozen=True, slots=True)
class PurgePlan:
    today: date
    recordings: tuple[ExpiredRecording, ...]
    collections: tuple[Collection, ...]
    files: tuple[ExportedFile, ...]  # exported files of both
    lapsed: tuple[LapsedConsent, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.recordings and not self.collections and not self.lapsed

    @property
    def kept_media(self) -> tuple[str, ...]:
        """Media files of purged recordings that stay on disk (outside the app's folder)."""
        return tuple(e.recording.path for e in self.recordings if not e.delete_media)


@dataclass(frozen=True, slots=True)
class PurgeReport:
    plan: PurgePlan
    files: FileDeletion = field(default_factory=FileDeletion)
    media_deleted: tuple[str, ...] = ()
    media_failed: tuple[tuple[str, str], ...] = ()
    removed_clip_ids: tuple[int, ...] = ()  # clips made under lapsed consents
    backups: ScrubReport = field(default_factory=ScrubReport)  # the same taken out of backups


def set_recording_retention(lib: Library, recording_id: int, keep_until: date | str | None,
                            *, initiator: object | None = None) -> None:
    get_recording(lib, recording_id)
    _set(lib, "recordings", Entity.RECORDING, recording_id, keep_until, initiator)


def set_collection_retention(lib: Library, collection_id: int, keep_until: date | str | None,
                             *, initiator: object | None = None) -> None:
    get_collection(lib, collection_id)
    _set(lib, "collections", Entity.COLLECTION, collection_id, keep_until, initiator)


def _set(lib: Library, table: str, entity: Entity, ident: int, keep_until: date | str | None,
         initiator: object | None) -> None:
    value = parse_date(keep_until).isoformat() if keep_until is not None else None
    with lib.write(Change(entity, Action.UPDATED, (ident,), initiator=initiator)):
        lib.conn.execute(f"UPDATE {table} SET keep_until = ? WHERE id = ?", (value, ident))
        audit(lib, AuditAction.RETENTION_SET, subject_of(entity, ident), keep_until=value)


def recording_keep_until(lib: Library, recording_id: int) -> date | None:
    rows = lib.query("SELECT keep_until FROM recordings WHERE id = ?", (recording_id,))
    value = rows[0]["keep_until"] if rows else None
    return None if value in (None, "") else date.fromisoformat(str(value))


def recordings_folder() -> Path:
    from vsr.demo import recordings_dir

    return recordings_dir()


def _inside(path: str, folder: Path) -> bool:
    """Whether the media file is the app's own: its real place lies inside the recordings
    folder and it is not a symlink (a link is the user's, and so is what it points to)."""
    try:
        return not Path(path).is_symlink() and \
            Path(path).resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _delete_media(path: str, folder: Path) -> bool:
    """Delete a recording's media file through its real path, checked again right before (it
    may have been swapped for a symlink since the plan): only a regular file inside the
    recordings folder goes. False when it was already gone; OSError when it may not go."""
    if not _inside(path, folder):
        raise OSError(errno.EPERM, "not a file in the app's recordings folder", path)
    try:
        real = Path(path).resolve(strict=True)
        if not stat.S_ISREG(os.lstat(real).st_mode):
            raise OSError(errno.EPERM, "not a regular file", path)
        os.unlink(real)  # unlink never follows a link in the last part of the path
    except FileNotFoundError:
        return False
    return True


def plan_purge(lib: Library, today: date | None = None, *,
               media_folder: Path | None = None) -> PurgePlan:
    """What has expired on `today` (its last day to keep lies before today)."""
    day = today or date.today()
    folder = media_folder or recordings_folder()
    rows = lib.query("SELECT * FROM recordings WHERE keep_until IS NOT NULL AND keep_until < ?"
                     " ORDER BY id", (day.isoformat(),))
    recordings = tuple(
        ExpiredRecording(recording_from_row(r), date.fromisoformat(str(r["keep_until"])),
                         _inside(str(r["path"]), folder))
        for r in rows)
    collections = tuple(c for c in list_collections(lib)
                        if c.keep_until is not None and c.keep_until < day)
    files: dict[int, ExportedFile] = {}
    for e in recordings:
        files.update((f.id, f) for f in files_from_recording(lib, e.recording.id))
    for c in collections:
        files.update((f.id, f) for f in files_from_collection(lib, c.id))
    lapsed = _lapsed(lib, day, {e.recording.id for e in recordings},
                     {c.id for c in collections}, set(files))
    return PurgePlan(day, recordings, collections,
                     tuple(sorted(files.values(), key=lambda f: f.id)), lapsed)


def _lapsed(lib: Library, day: date, recordings: set[int], collections: set[int],
            files: set[int]) -> tuple[LapsedConsent, ...]:
    """Consents past their last day that still have clips or files made under them, leaving
    out what the purge deletes anyway and listing a shared pack document only once."""
    rows = lib.query("SELECT * FROM consents WHERE until IS NOT NULL AND until < ?"
                     " ORDER BY recording_id, purpose", (day.isoformat(),))
    found = []
    seen = set(files)
    for row in rows:
        consent = consent_from_row(row)
        if consent.recording_id in recordings:
            continue
        made_clips, made_files = made_under(lib, consent.recording_id, consent.purpose)
        clips = tuple(c for c in made_clips if c.collection_id not in collections)
        new_files = tuple(f for f in made_files if f.id not in seen)
        seen.update(f.id for f in new_files)
        if clips or new_files:
            found.append(LapsedConsent(consent, clips, new_files))
    return tuple(found)


def purge(lib: Library, today: date | None = None, *, media_folder: Path | None = None,
          initiator: object | None = None, clean_backups: bool = True) -> PurgeReport:
    """Delete what `plan_purge` lists; audited. Exported files and media go first, so a file
    that cannot be deleted is reported and stays known rather than forgotten. Then what was
    deleted is wiped from the library file and taken out of its backups (`erasure.clean_up`;
    with `clean_backups=False` the caller runs that itself)."""
    plan = plan_purge(lib, today, media_folder=media_folder)
    if plan.empty:
        return PurgeReport(plan)
    files = delete_exported_files(lib, list(plan.files), subject="purge", reason="retention")
    for lapsed in plan.lapsed:
        _merge(files, delete_exported_files(
            lib, list(lapsed.files), subject=subject_of("recording", lapsed.consent.recording_id),
            reason=lapsed.reason))
    media_deleted: list[str] = []
    media_failed: list[tuple[str, str]] = []
    for e in plan.recordings:
        if not e.delete_media:
            continue
        try:
            if _delete_media(e.recording.path, media_folder or recordings_folder()):
                media_deleted.append(e.recording.path)
        except OSError as exc:
            media_failed.append((e.recording.path, exc.strerror or str(exc)))
    rec_ids = tuple(e.recording.id for e in plan.recordings)
    col_ids = tuple(c.id for c in plan.collections)
    clip_ids: list[int] = []
    with lib.write() as changes:
        for lapsed in plan.lapsed:
            clip_ids += remove_clips(lib, lapsed.consent.recording_id, lapsed.clips,
                                     reason=lapsed.reason, initiator=initiator)
        for c in plan.collections:
            lib.conn.execute("DELETE FROM collections WHERE id = ?", (c.id,))
            audit(lib, AuditAction.COLLECTION_DELETED, subject_of("collection", c.id),
                  purpose=c.purpose.value, reason="retention", keep_until=str(c.keep_until))
        for e in plan.recordings:
            lib.conn.execute("DELETE FROM recordings WHERE id = ?", (e.recording.id,))
            audit(lib, AuditAction.RECORDING_DELETED, subject_of("recording", e.recording.id),
                  reason="retention", keep_until=str(e.keep_until),
                  media_deleted=e.recording.path in media_deleted)
        audit(lib, AuditAction.PURGE, "purge", today=plan.today.isoformat(),
              recordings=list(rec_ids), collections=list(col_ids),
              lapsed_consents=len(plan.lapsed), clips_removed=len(clip_ids),
              files_deleted=len(files.deleted), media_deleted=len(media_deleted))
        if rec_ids:
            changes.append(Change(Entity.RECORDING, Action.REMOVED, rec_ids, initiator=initiator))
        if col_ids:
            changes.append(Change(Entity.COLLECTION, Action.REMOVED, col_ids, initiator=initiator))
    scrubbed = clean_up(lib.path) if clean_backups else ScrubReport()
    return PurgeReport(plan, files, tuple(media_deleted), tuple(media_failed), tuple(clip_ids),
                       scrubbed)


def _merge(into: FileDeletion, more: FileDeletion) -> None:
    into.deleted += more.deleted
    into.missing += more.missing
    into.failed += more.failed


def describe_purge(lib: Library, plan: PurgePlan) -> list[str]:
    """The lines a confirmation shows: each expired recording (and whether its media file goes
    or stays), each expired collection, each lapsed consent with the clips (in which
    collections) and files made under it, and the exported files that go."""
    lines = []
    if plan.recordings or plan.collections:
        lines.append(translate("cli.purge.heading"))
    for e in plan.recordings:
        lines.append(translate("cli.purge.recording", id=e.recording.id,
                               title=e.recording.title, until=long_date(e.keep_until)))
        key = "cli.purge.media_deleted" if e.delete_media else "cli.purge.media_kept"
        lines.append(translate(key, path=e.recording.path))
    for c in plan.collections:
        lines.append(translate("cli.purge.collection", id=c.id, name=c.name,
                               until=long_date_of(str(c.keep_until))))
    lines += [translate("withdraw.file", path=f.path) for f in plan.files]
    if plan.lapsed:
        lines.append(translate("purge.lapsed_heading"))
    for lapsed in plan.lapsed:
        consent = lapsed.consent
        lines.append(translate("purge.lapsed", purpose=consent.purpose.label_key,
                               recording=consent.recording_id,
                               title=_title(lib, consent.recording_id),
                               until=long_date_of(str(consent.until))))
        lines += describe_made(lib, lapsed.clips, lapsed.files, indent="  ")
    return lines


def _title(lib: Library, recording_id: int) -> str:
    rows = lib.query("SELECT title FROM recordings WHERE id = ?", (recording_id,))
    return str(rows[0]["title"]) if rows else ""

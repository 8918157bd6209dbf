"""Recordings in the library: add (deduplicated by content fingerprint), find, relocate."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from vsr.dates import long_date
from vsr.errors import FingerprintMismatchError, NotFoundError, RecordingMissingError
from vsr.i18n import translate
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.rows import now_iso, recording_from_row
from vsr.model import ProbeResult, Recording
from vsr.text import clean_text

Prober = Callable[[Path], ProbeResult]
Fingerprinter = Callable[[Path], str]


def _default_prober(path: Path) -> ProbeResult:
    # A file the user chose may hang or crash FFmpeg: probe it in a child process.
    from vsr.media.probe_child import probe_isolated

    return probe_isolated(path)


def _default_fingerprinter(path: Path) -> str:
    from vsr.media.fingerprint import fingerprint

    return fingerprint(path)


def neutral_title(file: Path) -> str:
    """A new recording's title: "Opname van 1 mei 2024" (the day the file was last written,
    usually the day it was recorded), never the file name: file names often hold the client's
    name, and titles are shown and exported."""
    try:
        day = datetime.fromtimestamp(file.stat().st_mtime).date()
    except OSError:
        day = date.today()
    return translate("recording.default_title", date=long_date(day))


def get_recording(lib: Library, recording_id: int) -> Recording:
    rows = lib.query("SELECT * FROM recordings WHERE id = ?", (recording_id,))
    if not rows:
        raise NotFoundError(what="recording", ident=recording_id)
    return recording_from_row(rows[0])


def find_by_fingerprint(lib: Library, fingerprint: str) -> Recording | None:
    rows = lib.query("SELECT * FROM recordings WHERE fingerprint = ?", (fingerprint,))
    return recording_from_row(rows[0]) if rows else None


def list_recordings(lib: Library) -> list[Recording]:
    return [recording_from_row(r) for r in lib.query("SELECT * FROM recordings ORDER BY id")]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A recording added to (or found in) the library, and the probe's warnings about its file
    (`warning.media.*` keys: the end is missing, part of it is damaged, ...)."""

    recording: Recording
    created: bool
    warnings: tuple[str, ...] = ()


def add_recording(
    lib: Library,
    path: Path | str,
    *,
    prober: Prober | None = None,
    fingerprinter: Fingerprinter | None = None,
    initiator: object | None = None,
) -> tuple[Recording, bool]:
    """Probe and add a media file. Returns (recording, created); a file whose content is already
    in the library gives the existing recording (its path updated if the old one is gone)."""
    result = import_recording(lib, path, prober=prober, fingerprinter=fingerprinter,
                              initiator=initiator)
    return result.recording, result.created


def read_recording_file(path: Path | str, *, prober: Prober | None = None,
                        fingerprinter: Fingerprinter | None = None
                        ) -> tuple[Path, ProbeResult, str]:
    """The slow part of adding a recording, touching no library (a window runs it on a
    worker): the file's absolute path, what the probe found (raises MediaError for a file that
    is no recording) and its fingerprint."""
    from vsr.media.local_file import refuse_non_local

    refuse_non_local(path)  # before Path() turns "https://x" into "https:/x"
    file = Path(path).expanduser().absolute()
    info = (prober or _default_prober)(file)  # raises MediaError before anything is written
    fp = (fingerprinter or _default_fingerprinter)(file)
    return file, info, fp


def import_recording(
    lib: Library,
    path: Path | str,
    *,
    prober: Prober | None = None,
    fingerprinter: Fingerprinter | None = None,
    initiator: object | None = None,
) -> ImportResult:
    """`add_recording` that also tells what the probe warned about, for the user to see."""
    file, info, fp = read_recording_file(path, prober=prober, fingerprinter=fingerprinter)
    # The check and the insert are one transaction: two programs adding the same file at once
    # both end up with the one recording, neither with a UNIQUE error.
    with lib.write() as changes:
        existing = find_by_fingerprint(lib, fp)
        if existing is not None:
            if existing.path != str(file) and not Path(existing.path).exists():
                lib.conn.execute("UPDATE recordings SET path = ? WHERE id = ?",
                                 (str(file), existing.id))
                changes.append(Change(Entity.RECORDING, Action.UPDATED, (existing.id,), initiator=initiator))
            rec_id, created = existing.id, False
        else:
            cur = lib.conn.execute(
                "INSERT INTO recordings (fingerprint, path, title, duration_ms, has_video,"
                " has_audio, width, height, fps, rotation, size_bytes, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    fp, str(file), clean_text(neutral_title(file)), info.duration_ms, int(info.has_video),
                    int(info.has_audio), info.width, info.height, info.fps, info.rotation,
                    file.stat().st_size, now_iso(),
                ),
            )
            rec_id, created = int(cur.lastrowid or 0), True
            changes.append(Change(Entity.RECORDING, Action.ADDED, (rec_id,), initiator=initiator))
    return ImportResult(get_recording(lib, rec_id), created, info.warnings)


def add_arriving_recording(lib: Library, file: Path, fingerprint: str, info: ProbeResult,
                           size_bytes: int, title: str) -> Recording:
    """A recording whose file is still arriving at `file` (a shared recording being put into
    the private cache while it plays from the team's store): the row, with what is known
    before the file is here (the share's length; the picture's details come with
    `set_probed`). A recording with the same content already in the library is returned as it
    is. Written inside the caller's transaction when there is one."""
    with lib.write() as changes:
        existing = find_by_fingerprint(lib, fingerprint)
        if existing is not None:
            return existing
        cur = lib.conn.execute(
            "INSERT INTO recordings (fingerprint, path, title, duration_ms, has_video,"
            " has_audio, width, height, fps, rotation, size_bytes, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (fingerprint, str(file), clean_text(title), info.duration_ms, int(info.has_video),
             int(info.has_audio), info.width, info.height, info.fps, info.rotation, size_bytes,
             now_iso()))
        rec_id = int(cur.lastrowid or 0)
        changes.append(Change(Entity.RECORDING, Action.ADDED, (rec_id,)))
    return get_recording(lib, rec_id)


def set_probed(lib: Library, recording_id: int, file: Path, info: ProbeResult) -> Recording:
    """The recording's file is here now (see add_arriving_recording): its place and what the
    probe found in it; the length stays when the probe cannot tell it."""
    with lib.write(Change(Entity.RECORDING, Action.UPDATED, (recording_id,))):
        lib.conn.execute(
            "UPDATE recordings SET path = ?,"
            " duration_ms = CASE WHEN ? > 0 THEN ? ELSE duration_ms END,"
            " has_video = ?, has_audio = ?, width = ?, height = ?, fps = ?, rotation = ?"
            " WHERE id = ?",
            (str(file), info.duration_ms, info.duration_ms, int(info.has_video),
             int(info.has_audio), info.width, info.height, info.fps, info.rotation,
             recording_id))
    return get_recording(lib, recording_id)


def _set_path(lib: Library, rec: Recording, file: Path, initiator: object | None) -> Recording:
    with lib.write(Change(Entity.RECORDING, Action.UPDATED, (rec.id,), initiator=initiator)):
        lib.conn.execute("UPDATE recordings SET path = ? WHERE id = ?", (str(file), rec.id))
    return get_recording(lib, rec.id)


def recording_available(rec: Recording) -> bool:
    return os.path.isfile(rec.path)


def require_available(rec: Recording) -> Path:
    """The recording's file, or RecordingMissingError when it moved or was deleted."""
    if not recording_available(rec):
        raise RecordingMissingError(path=rec.path)
    return Path(rec.path)


def relocate_recording(
    lib: Library,
    recording_id: int,
    new_path: Path | str,
    *,
    fingerprinter: Fingerprinter | None = None,
    initiator: object | None = None,
) -> Recording:
    """Point a recording at the file's new place; refuses a file with other content."""
    rec = get_recording(lib, recording_id)
    file = Path(new_path).expanduser().absolute()
    if not file.is_file():
        raise RecordingMissingError(path=str(file))
    if (fingerprinter or _default_fingerprinter)(file) != rec.fingerprint:
        raise FingerprintMismatchError(path=str(file))
    return _set_path(lib, rec, file, initiator)


def rename_recording(lib: Library, recording_id: int, title: str) -> Recording:
    with lib.write(Change(Entity.RECORDING, Action.UPDATED, (recording_id,))):
        lib.conn.execute("UPDATE recordings SET title = ? WHERE id = ?",
                         (clean_text(title), recording_id))
    return get_recording(lib, recording_id)

"""Review packages (.vsrpack): hand a review to a colleague or coach, and receive one.

What travels: the review, its parties, moments, gespreksbladen, Samenleergesprek state and
summary, the recording's description (file name only, never its folder) and consent state.
The recording itself only when asked for (`with_recording`) AND its consent for intervisie
(handing a conversation to a colleague is peer consultation) is valid today; otherwise packing
with the recording is refused with the reason, so nothing goes out that the client did not
allow. Receiving never overwrites silently: a review already in the library (same uuid) needs
the user's choice. Every value that comes in is checked and its text cleaned before anything
is written (`validate`). Any error leaves the library as it was. Packing and receiving go
through the export ledger and the audit log (`ledger`)."""

from __future__ import annotations

import os
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from vsr import __version__
from vsr.app_dirs import private_dir
from vsr.errors import ConsentError, NotFoundError
from vsr.export.atomic import write_atomic
from vsr.i18n import translate
from vsr.library.consent import require_consent
from vsr.library.db import Change, Library, library_staging
from vsr.library.recordings import find_by_fingerprint, get_recording, recording_available
from vsr.library.reviews import get_review
from vsr.review_package import archive, ledger, rows
from vsr.review_package.archive import PackageError
from vsr.review_package.validate import validated

Fingerprinter = Callable[[Path], str]


class OnExisting(StrEnum):
    ASK = "ask"  # refuse with error.package.exists, so the user can choose
    KEEP_BOTH = "keep-both"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class Unpacked:
    review_id: int
    title: str
    recording_id: int
    recording_file: Path | None  # where the received recording was written, if it came along


@dataclass(frozen=True, slots=True)
class PackJob:
    """A package recorded in the ledger whose file is still to be written. `write` touches no
    library, so a window runs it on a worker; then `finish_pack` or `abandon_pack` on the
    library's thread."""

    pending: ledger.PendingPackage
    data: dict[str, Any]
    extra: dict[str, Any]
    recording: tuple[str, Path] | None
    passphrase: str | None
    staging_root: Path

    def write(self) -> Path:
        def write(tmp: Path) -> None:
            archive.write_package(tmp, self.data, self.extra, self.recording, self.passphrase)

        return write_atomic(self.pending.path, write, staging_root=self.staging_root)


def pack_review(lib: Library, review_id: int, out: Path, *, with_recording: bool = False,
                passphrase: str | None = None, today: date | None = None) -> Path:
    """Write the package to `out` (atomically). See the module docstring for the recording.
    The file goes through the export ledger: recorded before it exists, audited once it is in
    place, forgotten when it never got there."""
    job = begin_pack(lib, review_id, out, with_recording=with_recording,
                     passphrase=passphrase, today=today)
    try:
        path = job.write()
    except BaseException:
        abandon_pack(lib, job)
        raise
    finish_pack(lib, job)
    return path


def begin_pack(lib: Library, review_id: int, out: Path, *, with_recording: bool = False,
               passphrase: str | None = None, today: date | None = None) -> PackJob:
    """Check what may go (the recording only with intervisie consent), take the review's rows
    and record the file in the ledger; nothing is written yet."""
    review = get_review(lib, review_id)
    recording = None
    if with_recording:
        rec = get_recording(lib, review.recording_id)
        try:
            require_consent(lib, rec.id, "intervisie", today=today)
        except ConsentError as exc:
            raise PackageError("error.package.no_recording_consent",
                               recording=f"{rec.id} ({rec.title})") from exc
        if not recording_available(rec):
            raise PackageError("error.package.recording_missing", path=Path(rec.path).name)
        recording = (archive.RECORDING_DIR + _safe_name(Path(rec.path).name), Path(rec.path))
    data = rows.dump_review(lib, review_id)
    extra = {"app_version": __version__,
             "created_at": datetime.now(UTC).isoformat(timespec="seconds")}
    pending = ledger.begin_package(lib, review_id, Path(out),
                                   with_recording=recording is not None)
    return PackJob(pending, data, extra, recording, passphrase, library_staging(lib))


def finish_pack(lib: Library, job: PackJob) -> None:
    ledger.finish_package(lib, job.pending, protected=job.passphrase is not None)


def abandon_pack(lib: Library, job: PackJob) -> None:
    ledger.abandon_package(lib, job.pending)


def _safe_name(name: str) -> str:
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "._ -") else "_" for c in name)
    return (cleaned.lstrip("._ -") or "recording")[:120]


def unpack_review(lib: Library, package: Path, *, passphrase: str | None = None,
                  on_existing: OnExisting = OnExisting.ASK,
                  fingerprinter: Fingerprinter | None = None) -> Unpacked:
    """Add the package's review to the library; see the module docstring."""
    package = Path(package)
    if not package.is_file():
        raise PackageError(path=str(package), reason=archive.words("package.reason.not_found"))
    with archive.open_package(package, passphrase) as zf:
        members = archive.read_manifest(package, zf)
        data = validated(package, archive.parse_json(package, archive.read_member(
            package, zf, archive.REVIEW, expected=members[archive.REVIEW])))
        existing, title, copy = _existing(lib, package, data, on_existing)
        fingerprint = str(data["recording"]["fingerprint"])
        received: Path | None = None
        if find_by_fingerprint(lib, fingerprint) is None:
            media = [m for m in members.values() if m.name.startswith(archive.RECORDING_DIR)]
            if media:
                received = _extract_recording(lib, package, zf, media[0], fingerprint,
                                              fingerprinter)
    try:
        return _insert(lib, package, data, existing, title, copy, fingerprint, received)
    except BaseException:
        if received is not None:
            received.unlink(missing_ok=True)
        raise


def _existing(lib: Library, package: Path, data: dict[str, Any],
              on_existing: OnExisting) -> tuple[int | None, str, bool]:
    """The id of the same review already here (to replace), the title to give it and
    whether it comes in as a copy beside the one already here."""
    review = data["review"]
    title = str(review["title"])
    found = lib.query("SELECT id FROM reviews WHERE uuid = ?", (review["uuid"],))
    if not found:
        return None, title, False
    if on_existing is OnExisting.ASK:
        raise PackageError("error.package.exists", path=str(package), title=title)
    if on_existing is OnExisting.REPLACE:
        return int(str(found[0]["id"])), title, False
    return None, translate("package.copy_suffix", title=title), True


def _extract_recording(lib: Library, package: Path, zf: Any, member: archive.Member,
                       fingerprint: str, fingerprinter: Fingerprinter | None) -> Path:
    folder = private_dir(received_folder(lib))
    name = Path(member.name).name
    target = folder / name
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{Path(name).stem} ({n}){Path(name).suffix}"
    tmp = folder / f".{target.name}.{os.getpid()}.partial"
    try:
        with tmp.open("xb") as out:
            archive.read_member(package, zf, member.name, out=out, expected=member)
        if (fingerprinter or _default_fingerprinter)(tmp) != fingerprint:
            raise PackageError("error.package.damaged", path=str(package), name=member.name)
        os.replace(tmp, target)
    except OSError as exc:
        raise PackageError(path=str(package), reason=archive.os_reason(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _default_fingerprinter(path: Path) -> str:
    from vsr.media.fingerprint import fingerprint

    return fingerprint(path)


def received_folder(lib: Library) -> Path:
    """Where recordings that came in a package are kept: beside the library, private."""
    return lib.path.parent / "received"


def _insert(lib: Library, package: Path, data: dict[str, Any], existing: int | None,
            title: str, copy: bool, fingerprint: str, received: Path | None) -> Unpacked:
    # Kept both: the copy needs its own identity, or the uuid would no longer be unique.
    review_uuid = uuidlib.uuid4().hex if copy else str(data["review"]["uuid"])
    try:
        with lib.write() as changes:
            if existing is not None:
                lib.conn.execute("DELETE FROM reviews WHERE id = ?", (existing,))
                changes.append(Change("review", "removed", (existing,), existing))
            rec = find_by_fingerprint(lib, fingerprint)
            if rec is not None:
                recording_id = rec.id
            else:
                name = str(data["recording"]["file_name"])
                path = received or received_folder(lib) / name
                recording_id = rows.insert_recording(lib, data, str(path))
                changes.append(Change("recording", "added", (recording_id,)))
            review_id = rows.insert_review(lib, data, recording_id, review_uuid, title)
            changes.append(Change("review", "added", (review_id,), review_id))
            ledger.audit_received(lib, review_id, package, recording_received=received is not None,
                                  replaced=existing is not None, copy=copy)
    except (rows.BadRows, NotFoundError) as exc:
        raise PackageError("error.package.damaged", path=str(package),
                           name=archive.REVIEW) from exc
    return Unpacked(review_id, title, recording_id, received)

"""Review packages (.vsrpack): hand a review to a colleague or coach, and receive one.

What travels: the review, its parties, moments, gespreksbladen, Samenleergesprek state and
summary, the recording's description (file name only, never its folder) and consent state.
The recording itself only when asked for (`with_recording`) AND its consent for intervisie
(handing a conversation to a colleague is peer consultation) is valid today; otherwise packing
with the recording is refused with the reason, so nothing goes out that the client did not
allow. Receiving never overwrites silently: a review already in the library (same uuid) needs
the user's choice. Any error leaves the library as it was."""

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
from vsr.anonymise.names import NameReplacer
from vsr.anonymise.package_rows import anonymise_package_rows
from vsr.app_dirs import private_dir
from vsr.errors import ConsentError, NotFoundError
from vsr.export.atomic import write_atomic
from vsr.i18n import translate
from vsr.library.consent import require_consent
from vsr.library.db import Change, Library, library_staging
from vsr.library.recordings import find_by_fingerprint, get_recording, recording_available
from vsr.library.reviews import get_review
from vsr.review_package import archive, rows
from vsr.review_package.archive import PackageError

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


def pack_review(lib: Library, review_id: int, out: Path, *, with_recording: bool = False,
                passphrase: str | None = None, today: date | None = None,
                names: NameReplacer | None = None) -> Path:
    """Write the package to `out` (atomically). See the module docstring for the recording.
    With `names` (anonymising) its rows and the recording's file name pass the replacement."""
    review = get_review(lib, review_id)
    data = rows.dump_review(lib, review_id)
    if names is not None:
        data = anonymise_package_rows(data, names)
        out = Path(out).with_name(names.file_name(Path(out).name))
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
        recording = (archive.RECORDING_DIR + _safe_name(str(data["recording"]["file_name"])),
                      Path(rec.path))
    extra = {"app_version": __version__,
             "created_at": datetime.now(UTC).isoformat(timespec="seconds")}

    def write(tmp: Path) -> None:
        archive.write_package(tmp, data, extra, recording)
        if passphrase is not None:
            archive.encrypt_file(tmp, passphrase)

    return write_atomic(Path(out), write, staging_root=library_staging(lib))


def _safe_name(name: str) -> str:
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "._ -") else "_" for c in name)
    return (cleaned.lstrip("._ -") or "recording")[:120]


def unpack_review(lib: Library, package: Path, *, passphrase: str | None = None,
                  on_existing: OnExisting = OnExisting.ASK,
                  fingerprinter: Fingerprinter | None = None) -> Unpacked:
    """Add the package's review to the library; see the module docstring."""
    package = Path(package)
    if not package.is_file():
        raise PackageError(path=str(package), reason="not found")
    with archive.open_package(package, passphrase) as zf:
        members = archive.read_manifest(package, zf)
        data = archive.parse_json(package, archive.read_member(
            package, zf, archive.REVIEW, expected=members[archive.REVIEW]))
        existing, title, copy = _existing(lib, package, data, on_existing)
        fingerprint = _recording_field(package, data, "fingerprint")
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


def _recording_field(package: Path, data: dict[str, Any], key: str) -> str:
    recording = data.get("recording")
    value = recording.get(key) if isinstance(recording, dict) else None
    if not isinstance(value, str) or not value:
        raise PackageError("error.package.damaged", path=str(package), name=archive.REVIEW)
    return value


def _existing(lib: Library, package: Path, data: dict[str, Any],
              on_existing: OnExisting) -> tuple[int | None, str, bool]:
    """The id of the same review already here (to replace), the title to give it and
    whether it comes in as a copy beside the one already here."""
    review = data.get("review")
    if not isinstance(review, dict) or not isinstance(review.get("uuid"), str) \
            or not isinstance(review.get("title"), str):
        raise PackageError("error.package.damaged", path=str(package), name=archive.REVIEW)
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
        raise PackageError(path=str(package), reason=exc.strerror or str(exc)) from exc
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
                name = Path(_recording_field(package, data, "file_name")).name
                path = received or received_folder(lib) / name
                recording_id = rows.insert_recording(lib, data, str(path))
                changes.append(Change("recording", "added", (recording_id,)))
            review_id = rows.insert_review(lib, data, recording_id, review_uuid, title)
            changes.append(Change("review", "added", (review_id,), review_id))
    except (rows.BadRows, NotFoundError) as exc:
        raise PackageError("error.package.damaged", path=str(package),
                           name=archive.REVIEW) from exc
    return Unpacked(review_id, title, recording_id, received)

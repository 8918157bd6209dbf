"""Receiving a review package, in four steps so a window can run the slow ones on a worker:

1. `read_incoming` (no library): open the package (decrypting), check its members and every
   value of its review (`validate`); slow for a passphrase (scrypt).
2. `plan_unpack` (library thread, quick): is the review already here (the user's choice), is
   the recording already here (same fingerprint) or does it come along.
3. `extract_recording` (no library): write the recording that came along into a staging
   record of this process (`vsr.staging`), checked against its fingerprint; slow for an hour
   of video.
4. `finish_unpack` (library thread): the rows in one transaction, audited, and in it the
   recording moved into `received/`; on any failure the staged file goes again and the
   library is as it was. A kill before that leaves the recording (a client's video) only in
   the staging, which the next start removes: never in `received/`, known to no library.

`unpack_review` runs the four in a row (the CLI)."""

from __future__ import annotations

import os
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from vsr.app_dirs import create_private_new, private_dir
from vsr.errors import NotFoundError
from vsr.i18n import translate
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library, library_staging
from vsr.library.recordings import find_by_fingerprint
from vsr.review_package import archive, ledger, rows
from vsr.review_package.archive import PackageError
from vsr.review_package.validate import validated, within_recording
from vsr.staging import STAGING_PREFIX, Staging, close_staging, open_staging

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
class Incoming:
    """A package read and checked: its review's data (validated and cleaned) and the
    recording member, if one came along."""

    package: Path
    passphrase: str | None
    data: dict[str, Any]
    media: archive.Member | None

    @property
    def fingerprint(self) -> str:
        return str(self.data["recording"]["fingerprint"])


@dataclass(frozen=True, slots=True)
class UnpackPlan:
    incoming: Incoming
    existing: int | None  # the review to replace
    title: str
    copy: bool  # kept beside the one already here
    extract_to: Path | None  # the folder for the recording, when it is to be written
    staging_root: Path | None = None  # where it is staged first (the library's staging)


def read_incoming(package: Path, passphrase: str | None = None) -> Incoming:
    package = Path(package)
    if not package.is_file():
        raise PackageError(path=str(package), reason=archive.words("package.reason.not_found"))
    with archive.open_package(package, passphrase) as zf:
        members = archive.read_manifest(package, zf)
        data = validated(package, archive.parse_json(package, archive.read_member(
            package, zf, archive.REVIEW, expected=members[archive.REVIEW])))
    media = next((m for m in members.values() if m.name.startswith(archive.RECORDING_DIR)),
                 None)
    return Incoming(package, passphrase, data, media)


def plan_unpack(lib: Library, incoming: Incoming,
                on_existing: OnExisting = OnExisting.ASK) -> UnpackPlan:
    here = find_by_fingerprint(lib, incoming.fingerprint)
    if here is not None:
        # The moments go on this recording: a package saying its length is unknown (0) or
        # longer put moments past the end of the one already here.
        within_recording(incoming.package, here.duration_ms, incoming.data["tables"])
    existing, title, copy = _existing(lib, incoming, on_existing)
    extract_to = None
    if incoming.media is not None and here is None:
        extract_to = received_folder(lib)
    return UnpackPlan(incoming, existing, title, copy, extract_to, library_staging(lib))


def unpack_review(lib: Library, package: Path, *, passphrase: str | None = None,
                  on_existing: OnExisting = OnExisting.ASK,
                  fingerprinter: Fingerprinter | None = None) -> Unpacked:
    """Add the package's review to the library; see the module docstring."""
    plan = plan_unpack(lib, read_incoming(package, passphrase), on_existing)
    return finish_unpack(lib, plan, extract_recording(plan, fingerprinter))


def _existing(lib: Library, incoming: Incoming,
              on_existing: OnExisting) -> tuple[int | None, str, bool]:
    """The id of the same review already here (to replace), the title to give it and
    whether it comes in as a copy beside the one already here."""
    review = incoming.data["review"]
    title = str(review["title"])
    found = lib.query("SELECT id FROM reviews WHERE uuid = ?", (review["uuid"],))
    if not found:
        return None, title, False
    if on_existing is OnExisting.ASK:
        raise PackageError("error.package.exists", path=str(incoming.package), title=title)
    if on_existing is OnExisting.REPLACE:
        return int(str(found[0]["id"])), title, False
    return None, translate("package.copy_suffix", title=title), True


def extract_recording(plan: UnpackPlan, fingerprinter: Fingerprinter | None = None
                      ) -> Path | None:
    """Write the recording that came along into a staging of this process (None: nothing to
    write); `finish_unpack` moves it into the plan's folder. On any failure nothing stays."""
    incoming, folder = plan.incoming, plan.extract_to
    if folder is None or incoming.media is None:
        return None
    package, member = incoming.package, incoming.media
    root = plan.staging_root or folder / ".staging"
    try:
        staging = open_staging(root, private_dir(folder))
    except OSError as exc:
        raise PackageError(path=str(package), reason=archive.os_reason(exc)) from exc
    staged = staging.folder / (Path(member.name).name or "recording")
    tmp = staging.folder / f".{staged.name}.partial"
    try:
        with archive.open_package(package, incoming.passphrase) as zf:
            with create_private_new(tmp) as out:  # a client's recording: 0600 from the start
                archive.read_member(package, zf, member.name, out=out, expected=member)
            if (fingerprinter or _default_fingerprinter)(tmp) != incoming.fingerprint:
                raise PackageError("error.package.damaged", path=str(package),
                                   name=member.name)
            os.replace(tmp, staged)
    except BaseException as exc:
        close_staging(staging)
        if isinstance(exc, OSError):
            raise PackageError(path=str(package), reason=archive.os_reason(exc)) from exc
        raise
    return staged


def _staging_of(plan: UnpackPlan, staged: Path) -> Staging | None:
    """The staging `extract_recording` wrote `staged` into (None for a file elsewhere)."""
    if plan.extract_to is None:
        return None
    root = plan.staging_root or plan.extract_to / ".staging"
    folder = staged.parent
    ident = folder.name.removeprefix(STAGING_PREFIX)
    record = root / ident
    if folder != record and folder != plan.extract_to / f"{STAGING_PREFIX}{ident}":
        return None
    return Staging(record, folder)


def _target(folder: Path, name: str) -> tuple[Path, Path]:
    """A free name in `folder` for `name`, and the partial file to write first."""
    target = folder / name
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{Path(name).stem} ({n}){Path(name).suffix}"
    return target, folder / f".{target.name}.{os.getpid()}.partial"


def _default_fingerprinter(path: Path) -> str:
    from vsr.media.fingerprint import fingerprint

    return fingerprint(path)


def received_folder(lib: Library) -> Path:
    """Where recordings that came in a package are kept: beside the library, private."""
    return lib.path.parent / "received"


def finish_unpack(lib: Library, plan: UnpackPlan, received: Path | None) -> Unpacked:
    """The review's rows in one transaction, audited, and in it the staged recording moved
    into the plan's folder. On any failure the recording goes again (staged or moved)."""
    staging = _staging_of(plan, received) if received is not None else None
    moved: list[Path] = []  # where the recording went, once it did
    try:
        return _insert(lib, plan, received if staging is not None else None, moved)
    except BaseException:
        for path in moved:
            path.unlink(missing_ok=True)
        if received is not None:
            received.unlink(missing_ok=True)
        raise
    finally:
        if staging is not None:
            close_staging(staging)


def _insert(lib: Library, plan: UnpackPlan, staged: Path | None,
            moved: list[Path]) -> Unpacked:
    package, data = plan.incoming.package, plan.incoming.data
    # Kept both: the copy needs its own identity, or the uuid would no longer be unique.
    review_uuid = uuidlib.uuid4().hex if plan.copy else str(data["review"]["uuid"])
    try:
        with lib.write() as changes:
            if plan.existing is not None:
                lib.conn.execute("DELETE FROM reviews WHERE id = ?", (plan.existing,))
                changes.append(Change(Entity.REVIEW, Action.REMOVED, (plan.existing,), plan.existing))
            rec = find_by_fingerprint(lib, plan.incoming.fingerprint)
            target: Path | None = None
            if rec is not None:  # (another program brought it meanwhile: the staged goes)
                recording_id = rec.id
            else:
                name = str(data["recording"]["file_name"])
                if staged is not None and plan.extract_to is not None:
                    # a free name chosen under the write lock: another unpack waits for it
                    target = _target(private_dir(plan.extract_to), staged.name)[0]
                path = target or received_folder(lib) / name
                recording_id = rows.insert_recording(lib, data, str(path))
                changes.append(Change(Entity.RECORDING, Action.ADDED, (recording_id,)))
            review_id = rows.insert_review(lib, data, recording_id, review_uuid, plan.title)
            changes.append(Change(Entity.REVIEW, Action.ADDED, (review_id,), review_id))
            ledger.audit_received(lib, review_id, package,
                                  recording_received=target is not None,
                                  replaced=plan.existing is not None, copy=plan.copy)
            if staged is not None and target is not None:
                try:  # last, so a failure before leaves it staged; committed with the rows
                    os.replace(staged, target)
                    moved.append(target)
                except OSError as exc:
                    raise PackageError(path=str(package),
                                       reason=archive.os_reason(exc)) from exc
    except (rows.BadRows, NotFoundError) as exc:
        raise PackageError("error.package.damaged", path=str(package),
                           name=archive.REVIEW) from exc
    return Unpacked(review_id, plan.title, recording_id, target)

"""A package in the export ledger (`vsr.library.exported`), like every file that leaves the app:
recorded before it exists (so a kill never leaves a package that withdrawal or purge does not
know about), written into a staging of its own, audited, and only then moved into place (a
failed audit leaves no file), forgotten when it never got there; and its receipt audited.

Which consent a package is made under: with the recording, intervisie (handing a
conversation to a colleague is peer consultation; withdrawing or narrowing that consent
deletes it, and the recording in it is not blurred); without the recording, the review's own
use (own_review), like the learning summary: a purge of the recording deletes it, a
withdrawal does not."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from vsr.export.atomic import StagedFile, drop_staged, stage_file
from vsr.library.audit import AuditAction, audit, subject_of
from vsr.library.consent import Purpose
from vsr.library.db import Library, library_staging
from vsr.library.exported import (
    PACKAGE,
    NewExportedFile,
    forget_export,
    record_exported,
)
from vsr.library.reviews import get_review

PACKAGE_FORMAT = "vsrpack"
RECEIVED = "package.received"  # audit action of an unpacked package


@dataclass(frozen=True, slots=True)
class PendingPackage:
    """A package recorded in the ledger before its file exists."""

    review_id: int
    export_id: str
    path: Path  # where the file goes once it is audited
    with_recording: bool
    staged: StagedFile  # the writer writes `staged.file`


def begin_package(lib: Library, review_id: int, out: Path, *,
                  with_recording: bool, names_replaced: bool = False) -> PendingPackage:
    file = Path(out).expanduser().absolute()
    review = get_review(lib, review_id)
    export_id = uuid.uuid4().hex
    purpose = Purpose.INTERVISIE if with_recording else Purpose.OWN_REVIEW
    record_exported(lib, export_id, purpose.value, None,
                    [NewExportedFile(file, PACKAGE, recording_id=review.recording_id,
                                     faces_blurred=False if with_recording else None,
                                     names_replaced=names_replaced)],
                    replace=False)
    try:
        staged = stage_file(file, library_staging(lib))
    except BaseException:
        forget_export(lib, export_id)
        raise
    return PendingPackage(review_id, export_id, file, with_recording, staged)


def finish_package(lib: Library, pending: PendingPackage, *, protected: bool) -> None:
    """The file is written: audit the export (the file's name, not its folder), then move it
    into place (older rows for its path forgotten then). A failed audit leaves no file."""
    from vsr.export import place_or_forget

    def record() -> None:
        with lib.write():
            audit(lib, AuditAction.EXPORT, subject_of("review", pending.review_id),
                  export_id=pending.export_id, format=PACKAGE_FORMAT, file=pending.path.name,
                  with_recording=pending.with_recording, protected=protected)

    place_or_forget(lib, pending.staged, pending.export_id, record)


def abandon_package(lib: Library, pending: PendingPackage) -> None:
    drop_staged(pending.staged)
    forget_export(lib, pending.export_id)


def audit_received(lib: Library, review_id: int, package: Path, *, recording_received: bool,
                   replaced: bool, copy: bool) -> None:
    """Audit a package's receipt, inside the write that adds its review."""
    audit(lib, RECEIVED, subject_of("review", review_id), file=package.name,
          recording_received=recording_received, replaced_review=replaced, copy=copy)

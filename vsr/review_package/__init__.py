"""Review packages (.vsrpack): hand a review to a colleague or coach, and receive one.

What travels: the review, its parties, moments, gespreksbladen, Samenleergesprek state and
summary, the recording's description (file name only, never its folder) and consent state.
The recording itself only when asked for (`with_recording`) AND its consent for intervisie
(handing a conversation to a colleague is peer consultation) is valid today; otherwise packing
with the recording is refused with the reason, so nothing goes out that the client did not
allow. Receiving never overwrites silently: a review already in the library (same uuid) needs
the user's choice. Every value that comes in is checked and its text cleaned before anything
is written (`validate`). Any error leaves the library as it was. Packing and receiving go
through the export ledger and the audit log (`ledger`). Receiving: `receive`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from vsr import __version__
from vsr.anonymise.names import NameReplacer
from vsr.anonymise.package_rows import anonymise_package_rows
from vsr.errors import ConsentError
from vsr.export.atomic import write_staged
from vsr.file_names import safe_file_name
from vsr.library.consent import require_consent
from vsr.library.db import Library, library_staging
from vsr.library.recordings import get_recording, recording_available
from vsr.library.reviews import get_review
from vsr.media.fingerprint import fingerprint_of
from vsr.media.tags import patched_reader, tag_patches
from vsr.review_package import archive, ledger, rows
from vsr.review_package.archive import PackageError
from vsr.review_package.receive import (
    Fingerprinter,
    Incoming,
    OnExisting,
    Unpacked,
    UnpackPlan,
    extract_recording,
    finish_unpack,
    plan_unpack,
    read_incoming,
    received_folder,
    unpack_review,
)

__all__ = ["Fingerprinter", "Incoming", "OnExisting", "PackJob", "UnpackPlan", "Unpacked",
           "abandon_pack", "begin_pack", "extract_recording", "finish_pack", "finish_unpack",
           "pack_review", "plan_unpack", "read_incoming", "received_folder", "unpack_review"]


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
    # With names replaced the recording's tags are blanked on its way in (vsr.media.tags).
    patches: Mapping[int, bytes] = field(default_factory=dict)

    def write(self, progress: Callable[[float], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> Path:
        """The package file, atomically, into its staging (`finish_pack` moves it into place
        once it is audited); `progress` and `cancel` as in `write_package` (a cancelled write
        leaves no file). Returns where it will be."""
        def write(tmp: Path) -> None:
            archive.write_package(tmp, self.data, self.extra, self.recording,
                                  self.passphrase, progress, cancel, self.patches)

        write_staged(self.pending.staged, write)
        return self.pending.path


def pack_review(lib: Library, review_id: int, out: Path, *, with_recording: bool = False,
                passphrase: str | None = None, today: date | None = None,
                names: NameReplacer | None = None) -> Path:
    """Write the package to `out` (atomically). See the module docstring for the recording.
    With `names` (anonymising) its rows and the recording's file name pass the replacement.
    The file goes through the export ledger: recorded before it exists, audited before it is
    moved into place, forgotten when it never got there."""
    job = begin_pack(lib, review_id, out, with_recording=with_recording,
                     passphrase=passphrase, today=today, names=names)
    try:
        job.write()
    except BaseException:
        abandon_pack(lib, job)
        raise
    finish_pack(lib, job)
    return job.pending.path


def begin_pack(lib: Library, review_id: int, out: Path, *, with_recording: bool = False,
               passphrase: str | None = None, today: date | None = None,
               names: NameReplacer | None = None) -> PackJob:
    """Check what may go (the recording only with intervisie consent), take the review's rows
    (names replaced when `names` is given) and record the file in the ledger; nothing is
    written yet."""
    review = get_review(lib, review_id)
    data = rows.dump_review(lib, review_id)
    if names is not None:
        data = anonymise_package_rows(data, names)
        out = Path(out).with_name(names.file_name(Path(out).name))
    recording = None
    patches: dict[int, bytes] = {}
    if with_recording:
        rec = get_recording(lib, review.recording_id)
        try:
            require_consent(lib, rec.id, "intervisie", today=today)
        except ConsentError as exc:
            raise PackageError("error.package.no_recording_consent",
                               recording=f"{rec.id} ({rec.title})") from exc
        if not recording_available(rec):
            raise PackageError("error.package.recording_missing", path=Path(rec.path).name)
        recording = (archive.RECORDING_DIR + safe_file_name(
            str(data["recording"]["file_name"]), fallback="recording", ascii_only=True),
                      Path(rec.path))
        if names is not None:  # its own tags ("Intake Fatma", GPS) go too
            patches = tag_patches(rec.path)
            if patches:  # the copy is another file: the receiver checks it by this fingerprint
                data["recording"]["fingerprint"] = _patched_fingerprint(Path(rec.path), patches)
    extra = {"app_version": __version__,
             "created_at": datetime.now(UTC).isoformat(timespec="seconds")}
    pending = ledger.begin_package(lib, review_id, Path(out),
                                   with_recording=recording is not None,
                                   names_replaced=names is not None)
    return PackJob(pending, data, extra, recording, passphrase, library_staging(lib), patches)


def _patched_fingerprint(path: Path, patches: Mapping[int, bytes]) -> str:
    with path.open("rb") as handle:
        return fingerprint_of(path.stat().st_size, patched_reader(handle, patches))


def finish_pack(lib: Library, job: PackJob) -> None:
    ledger.finish_package(lib, job.pending, protected=job.passphrase is not None)


def abandon_pack(lib: Library, job: PackJob) -> None:
    ledger.abandon_package(lib, job.pending)

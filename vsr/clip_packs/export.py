"""Exporting a collection: its clips as MP4 files, and optionally a pack around them
(intervisie: a handout PDF; exercise: an offline index.html and a worksheet PDF).

Three steps, so a UI can run the long middle one on a worker:
1. `prepare_export` (library thread): checks consent for every clip (one missing refuses the
   whole export; training from a client who may not be recognisable requires face
   anonymisation), checks the target folder and gathers the texts.
2. `run_export` (any thread, no library): cuts each clip with `vsr.clips.export_clip` and writes
   the pack documents into a staging folder: the app's own private one (`vsr.staging`),
   recorded before anything is written, or a hidden one in the target folder when that is on
   another file system (then the record names it first).
3. `commit_export` (library thread): checks consent again, records the files as exported
   files, moves them into place and audits the export; `discard_export` removes the staging
   folder. Files are recorded before they are moved, so even a hard kill while moving never
   leaves a file on disk that a withdrawal or purge cannot find (a row whose file never
   arrived is reported as missing when it is deleted).
A cancel or failure at any point leaves no half files behind. A hard kill can leave a staging
folder; its record holds the id of the process that made it, and the next start of the app
removes it once that process is gone (`vsr.staging.clean_staging`, run by `open_library`).
Hidden staging folders of older versions in a target folder are removed by the next export
into it (`clean_stale_staging`).

Files go straight into the chosen folder with neutral names (clip-01.mp4, handout.pdf, ...).
A file there that this app did not export is never overwritten: the export is refused."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from vsr.anonymise.names import NameReplacer
from vsr.clip_packs.content import PackDoc, build_pack_doc
from vsr.clip_packs.subtitles import SUBTITLES, clip_subtitles, subtitle_name
from vsr.clips import ClipResult, export_clip
from vsr.errors import StorageError, VsrError
from vsr.export.atomic import failure_words, system_words
from vsr.library.audit import AuditAction, audit, subject_of
from vsr.library.collections import get_collection, list_clips
from vsr.library.consent import (
    Purpose,
    get_consent,
    require_consent,
    require_recognisable_or_anonymised,
)
from vsr.library.db import Library, library_staging
from vsr.library.exported import (
    CLIP,
    NewExportedFile,
    drop_replaced,
    forget_export,
    known_paths,
    record_exported,
)
from vsr.library.recordings import get_recording, require_available
from vsr.staging import (
    OWNER_FILE,
    STAGING_PREFIX,
    Staging,
    close_staging,
    is_stale,
    open_staging,
)

if TYPE_CHECKING:  # the face detector (OpenCV) loads only when faces are to be blurred
    from vsr.clips.face_tracks import ManualBox
    from vsr.clips.faces import FaceAnonymizer

PackKind = Literal["intervisie", "exercise"]
PACKS: tuple[PackKind, ...] = ("intervisie", "exercise")
Progress = Callable[[float], None]
Cancel = Callable[[], bool]
AnonymizerFactory = Callable[[], "FaceAnonymizer"]

_DOC_SHARE = 0.05  # share of the progress bar for the pack documents
__all__ = ["OWNER_FILE", "STAGING_PREFIX"]  # re-exported: older staging folders use them


@dataclass(frozen=True, slots=True)
class ExportJob:
    """Everything the worker needs; it holds no library connection."""

    export_id: str
    collection_id: int
    purpose: Purpose
    out_dir: Path
    doc: PackDoc
    pack: PackKind | None
    anonymize_faces: bool
    keep_audio: bool
    staging_root: Path  # the app's own staging folder (beside the library)
    # clip id -> boxes a trainer drew on it (blur or ignore), applied with the detector's
    face_boxes: dict[int, tuple[ManualBox, ...]] = field(default_factory=dict)
    # clip id -> its WebVTT subtitles from the transcript (only when chosen; vsr.clip_packs.subtitles)
    subtitles: dict[int, str] = field(default_factory=dict)

    def file_names(self) -> list[tuple[str, str]]:
        """(file name, kind) of every file the export makes, clips first (each followed by
        its subtitles when chosen)."""
        names: list[tuple[str, str]] = []
        for c in self.doc.clips:
            names.append((c.file_name, CLIP))
            if c.clip_id in self.subtitles:
                names.append((subtitle_name(c.file_name), SUBTITLES))
        if self.pack == "intervisie":
            names.append((self.doc.t("handout_file"), "handout"))
        elif self.pack == "exercise":
            names += [("index.html", "index"), (self.doc.t("worksheet_file"), "worksheet")]
        return names


@dataclass(slots=True)
class StagedExport:
    job: ExportJob
    area: Staging
    created_out_dir: bool
    clips: list[ClipResult] = field(default_factory=list)

    @property
    def staging(self) -> Path:
        """The folder the files are written into."""
        return self.area.folder


@dataclass(frozen=True, slots=True)
class ExportReport:
    export_id: str
    out_dir: Path
    files: tuple[Path, ...]
    clips: tuple[ClipResult, ...]


def faces_must_be_hidden(lib: Library, collection_id: int, *, today: date | None = None) -> bool:
    """True for a training collection with a clip whose client did not consent to being
    recognisable: such an export is refused without face anonymisation."""
    collection = get_collection(lib, collection_id)
    if collection.purpose is not Purpose.TRAINING:
        return False
    for recording_id in sorted({c.recording_id for c in list_clips(lib, collection_id)}):
        consent = get_consent(lib, recording_id, Purpose.TRAINING)
        if consent is not None and consent.valid_on(today or date.today()) \
                and not consent.recognisable:
            return True
    return False


def prepare_export(
    lib: Library, collection_id: int, out_dir: Path | str, *,
    anonymize_faces: bool, keep_audio: bool = True, pack: PackKind | None = None,
    anonymize_names: bool | None = None, today: date | None = None,
    extra_names: Iterable[str] = (), subtitles: bool = False,
) -> ExportJob:
    """Check consent, files and the target folder, and gather the content. Names are replaced
    by roles when asked (default: when faces are anonymised), and always when a training
    clip's client did not consent to being recognisable; `extra_names` (and those stored
    with the collection) are replaced too. `subtitles`: a WebVTT file beside each clip whose
    recording has a transcript (VsrError when none has one: said, not silently left out)."""
    if pack is not None and pack not in PACKS:
        raise VsrError("error.pack.unknown", pack=str(pack))
    collection = get_collection(lib, collection_id)
    clips = list_clips(lib, collection_id)
    if not clips:
        raise VsrError("error.collection.empty", name=collection.name)
    must_hide_names = False
    for clip in clips:
        consent = require_consent(lib, clip.recording_id, collection.purpose, today=today)
        if collection.purpose is Purpose.TRAINING:
            require_recognisable_or_anonymised(lib, clip.recording_id,
                                               anonymize_faces=anonymize_faces, today=today)
            must_hide_names |= consent is not None and not consent.recognisable
    for recording_id in sorted({c.recording_id for c in clips}):
        require_available(get_recording(lib, recording_id))
    hide = must_hide_names or (anonymize_faces if anonymize_names is None else anonymize_names)
    names = (_collection_names(lib, collection_id, [c.recording_id for c in clips],
                               extra_names) if hide else NameReplacer())
    doc = build_pack_doc(lib, collection, clips, names=names,
                         faces_anonymised=anonymize_faces, day=today or date.today())
    boxes = {c.id: manual_boxes(lib, c.id) for c in clips} if anonymize_faces else {}
    cues = clip_subtitles(lib, doc.clips, names) if subtitles else {}
    if subtitles and not cues:
        raise VsrError("error.clips.no_transcript")
    job = ExportJob(uuid.uuid4().hex, collection_id, collection.purpose,
                    Path(out_dir).expanduser().absolute(), doc, pack, anonymize_faces, keep_audio,
                    library_staging(lib), boxes, cues)
    _check_target(lib, job)
    return job


def _collection_names(lib: Library, collection_id: int, recordings: list[int],
                      extra_names: Iterable[str]) -> NameReplacer:
    from vsr.anonymise.known import collection_names  # the parties' names: only to replace them

    return collection_names(lib, collection_id, recordings, extra_names)


def manual_boxes(lib: Library, clip_id: int) -> tuple[ManualBox, ...]:
    """The boxes a trainer drew on a clip, as the face anonymiser takes them."""
    from vsr.clips.face_tracks import ManualBox  # with faces only (as the detector)
    from vsr.library.face_boxes import list_face_boxes

    return tuple(ManualBox(b.start_ms, b.end_ms, b.x1, b.y1, b.x2, b.y2, b.ignore, b.id)
                 for b in list_face_boxes(lib, clip_id))


def _check_target(lib: Library, job: ExportJob) -> None:
    """Refuse when a file we would write exists and is not one this app exported."""
    if job.out_dir.exists() and not job.out_dir.is_dir():
        raise StorageError(reason="reason.not_a_folder", folder=str(job.out_dir))
    known = known_paths(lib)
    for name, _kind in job.file_names():
        target = job.out_dir / name
        if target.exists() and str(target) not in known:
            raise VsrError("error.export.exists", folder=str(job.out_dir), name=name)


def run_export(
    job: ExportJob, *, progress: Progress | None = None, cancel: Cancel | None = None,
    anonymizer_factory: AnonymizerFactory | None = None,
) -> StagedExport:
    """Cut the clips and write the pack into staging (see the module doc). Raises
    vsr.clips.Cancelled when cancelled; on any failure nothing it made is left behind."""
    created = not job.out_dir.exists()
    clean_stale_staging(job.out_dir)
    try:
        job.out_dir.mkdir(parents=True, exist_ok=True)
        area = open_staging(job.staging_root, job.out_dir, job.export_id[:12])
    except OSError as exc:
        if created:
            with contextlib.suppress(OSError):
                job.out_dir.rmdir()
        raise StorageError(reason=system_words(exc, job.out_dir)) from exc
    staged = StagedExport(job, area, created)
    try:
        _write_clips(staged, progress, cancel, anonymizer_factory)
        _write_documents(staged)
    except BaseException:
        discard_export(staged)
        raise
    if progress is not None:
        progress(1.0)
    return staged


def clean_stale_staging(out_dir: Path) -> list[Path]:
    """Remove hidden staging folders a killed export left in `out_dir` (older versions staged
    there; now only an export to another file system does, and its record lets the next start
    clean it): those whose owning process (on this computer) is gone, and those without a
    readable owner, or made on another computer, that were not touched for an hour."""
    removed: list[Path] = []
    try:
        candidates = sorted(p for p in Path(out_dir).glob(f"{STAGING_PREFIX}*") if p.is_dir())
    except OSError:
        return removed
    for folder in candidates:
        if not is_stale(folder):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def _write_clips(staged: StagedExport, progress: Progress | None, cancel: Cancel | None,
                 anonymizer_factory: AnonymizerFactory | None) -> None:
    job = staged.job
    total = sum(c.end_ms - c.start_ms for c in job.doc.clips) or 1
    done = 0
    anonymizer = _anonymizer(anonymizer_factory) if job.anonymize_faces else None
    for clip in job.doc.clips:
        span = clip.end_ms - clip.start_ms

        def report(fraction: float, done: int = done, span: int = span) -> None:
            if progress is not None:
                progress((1 - _DOC_SHARE) * (done + fraction * span) / total)

        if anonymizer is not None:
            anonymizer.reset()  # a face held from the previous clip must not carry over
            anonymizer.manual = list(job.face_boxes.get(clip.clip_id, ()))
        staged.clips.append(export_clip(
            clip.source_path, clip.start_ms, clip.end_ms, staged.staging / clip.file_name,
            anonymize=anonymizer, keep_audio=job.keep_audio, progress=report, cancel=cancel,
            metadata={"title": clip.title, "comment": job.doc.name}))
        done += span


def _anonymizer(factory: AnonymizerFactory | None) -> FaceAnonymizer:
    from vsr.clips.faces import FaceAnonymizer  # OpenCV and the detector: only when asked

    return (factory or FaceAnonymizer)()


def _write_documents(staged: StagedExport) -> None:
    job = staged.job
    try:
        for clip in job.doc.clips:
            if clip.clip_id in job.subtitles:
                (staged.staging / subtitle_name(clip.file_name)).write_text(
                    job.subtitles[clip.clip_id], encoding="utf-8")
    except OSError as exc:
        raise StorageError(reason=system_words(exc, staged.job.out_dir)) from exc
    if job.pack is None:
        return  # the PDF and HTML writers (fpdf, fonts) load only for a pack
    from vsr.clip_packs.index_html import write_index
    from vsr.clip_packs.pdf import write_handout, write_worksheet

    try:
        if job.pack == "intervisie":
            write_handout(job.doc, staged.staging / job.doc.t("handout_file"))
        elif job.pack == "exercise":
            write_index(job.doc, staged.staging / "index.html")
            write_worksheet(job.doc, staged.staging / job.doc.t("worksheet_file"))
    except OSError as exc:
        raise StorageError(reason=system_words(exc, staged.job.out_dir)) from exc


def discard_export(staged: StagedExport) -> None:
    """Remove everything a staged export made (and the target folder if it made that)."""
    close_staging(staged.area)
    if staged.created_out_dir:
        try:
            staged.job.out_dir.rmdir()  # only when still empty
        except OSError:
            pass


def commit_export(lib: Library, staged: StagedExport, *, today: date | None = None
                  ) -> ExportReport:
    """Check consent again (it may have been withdrawn meanwhile), record the files, then in
    one transaction audit the export and move the files into place: the audit entry and the
    files are there together or not at all (a failed audit, the library busy or the disk
    full, leaves no file; a failed move leaves no audit entry). On any failure the moved
    files are removed again and their rows forgotten; rows of an earlier export to the same
    paths are only dropped once the new files are all in place."""
    job = staged.job
    moved: list[Path] = []
    recorded = False
    stage = "check"
    try:
        for clip in job.doc.clips:
            require_consent(lib, clip.recording_id, job.purpose, today=today)
        _check_target(lib, job)
        _record(lib, staged)
        recorded = True
        stage = "audit"
        with lib.write():
            _audit(lib, staged)
            stage = "move"
            for name, _kind in job.file_names():
                target = job.out_dir / name
                (staged.staging / name).replace(target)
                moved.append(target)
            stage = "commit"
        with contextlib.suppress(VsrError):  # one left behind names the same file
            drop_replaced(lib, job.export_id)
    except BaseException as exc:
        for path in moved:
            path.unlink(missing_ok=True)
        if recorded:
            with contextlib.suppress(VsrError):  # left rows only point at missing files
                forget_export(lib, job.export_id)
        discard_export(staged)
        if stage in ("audit", "commit") and isinstance(exc, (VsrError, sqlite3.Error, OSError)):
            raise VsrError("error.export.not_recorded", path=str(job.out_dir),
                           reason=failure_words(exc)) from exc
        if isinstance(exc, OSError):
            raise StorageError(reason=system_words(exc, job.out_dir)) from exc
        raise
    close_staging(staged.area)
    return ExportReport(job.export_id, job.out_dir, tuple(moved), tuple(staged.clips))


def _record(lib: Library, staged: StagedExport) -> None:
    job = staged.job
    by_name = {c.file_name: c for c in job.doc.clips}
    by_name.update({subtitle_name(c.file_name): c for c in job.doc.clips})
    files = []
    for name, kind in job.file_names():
        clip = by_name.get(name) if kind in (CLIP, SUBTITLES) else None
        files.append(NewExportedFile(job.out_dir / name, kind,
                                     clip.recording_id if clip else None,
                                     clip.clip_id if clip else None,
                                     faces_blurred=job.anonymize_faces,
                                     names_replaced=job.doc.names_replaced))
    record_exported(lib, job.export_id, job.purpose.value, job.collection_id, files,
                    replace=False)


def _audit(lib: Library, staged: StagedExport) -> None:
    job = staged.job
    with lib.write():
        audit(lib, AuditAction.EXPORT, subject_of("collection", job.collection_id),
              export_id=job.export_id, purpose=job.purpose.value, pack=job.pack,
              files=[n for n, _ in job.file_names()],  # names only: folders name clients
              anonymize_faces=job.anonymize_faces, names_replaced=job.doc.names_replaced,
              keep_audio=job.keep_audio, subtitles=bool(job.subtitles),
              clips=[{"clip": c.clip_id, "recording": c.recording_id, "start_ms": c.start_ms,
                      "end_ms": c.end_ms} for c in job.doc.clips])


def export_collection(
    lib: Library, collection_id: int, out_dir: Path | str, *,
    anonymize_faces: bool, keep_audio: bool = True, pack: PackKind | None = None,
    progress: Progress | None = None, cancel: Cancel | None = None,
    anonymize_names: bool | None = None, today: date | None = None,
    anonymizer_factory: AnonymizerFactory | None = None, extra_names: Iterable[str] = (),
    subtitles: bool = False,
) -> ExportReport:
    """Prepare, run and commit an export in one call (the CLI's way; see the module doc)."""
    job = prepare_export(lib, collection_id, out_dir, anonymize_faces=anonymize_faces,
                         keep_audio=keep_audio, pack=pack, anonymize_names=anonymize_names,
                         today=today, extra_names=extra_names, subtitles=subtitles)
    staged = run_export(job, progress=progress, cancel=cancel,
                        anonymizer_factory=anonymizer_factory)
    return commit_export(lib, staged, today=today)

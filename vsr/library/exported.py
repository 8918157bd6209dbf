"""The files the app exported (clips, pack documents and learning summaries) and where they came
from, so that a withdrawal of consent or a purge can find and delete them again."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vsr.app_dirs import unlink_own_file
from vsr.errors import VsrError
from vsr.file_names import is_text, printable_name
from vsr.library.audit import AuditAction, audit
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.rows import as_int, now_iso, opt_int

# Kinds of exported file. A clip file comes from one recording; a pack document (handout,
# index.html, worksheet) describes every clip of its export and has no single recording.
CLIP = "clip"
DOCUMENT_KINDS = ("handout", "index", "worksheet")
# A learning summary (leerverslag) of one review: purpose own_review, the review's recording,
# no collection. A purge of the recording deletes it; a withdrawal (intervisie or training)
# does not, as it was not made under that consent.
SUMMARY = "summary"
# A review package (.vsrpack, `vsr.review_package.ledger`): intervisie when the recording is in
# it, own_review when it is not.
PACKAGE = "package"


@dataclass(frozen=True, slots=True)
class ExportedFile:
    id: int
    path: str
    kind: str
    export_id: str
    purpose: str
    recording_id: int | None
    collection_id: int | None
    clip_id: int | None
    exported_at: str
    faces_blurred: bool | None = None  # None: not known (exported before this was recorded)
    names_replaced: bool | None = None


@dataclass(frozen=True, slots=True)
class NewExportedFile:
    path: Path
    kind: str
    recording_id: int | None = None
    clip_id: int | None = None
    faces_blurred: bool | None = None
    names_replaced: bool | None = None


@dataclass(slots=True)
class FileDeletion:
    """What happened to each file: deleted, already gone, or could not be deleted (kept in the
    table so a later attempt still finds it)."""

    deleted: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def _from_row(r: dict[str, object]) -> ExportedFile:
    return ExportedFile(
        id=as_int(r["id"]),
        path=str(r["path"]),
        kind=str(r["kind"]),
        export_id=str(r["export_id"]),
        purpose=str(r["purpose"]),
        recording_id=opt_int(r["recording_id"]),
        collection_id=opt_int(r["collection_id"]),
        clip_id=opt_int(r["clip_id"]),
        exported_at=str(r["exported_at"]),
        faces_blurred=_opt_bool(r.get("faces_blurred")),
        names_replaced=_opt_bool(r.get("names_replaced")),
    )


def _opt_bool(value: object) -> bool | None:
    return None if value is None else bool(value)


def record_exported(
    lib: Library, export_id: str, purpose: str, collection_id: int | None,
    files: list[NewExportedFile], *, replace: bool = True,
) -> None:
    """Remember the files of one export. A path exported before is replaced by the new row
    (the new file overwrote the old one). replace=False keeps the older rows for now, for a
    caller that records files before they are in place: it calls `drop_replaced` once they
    are, or `forget_export` if they never get there."""
    for f in files:  # before anything is written: the ledger could not keep such a name
        if not is_text(f.path):
            raise VsrError("error.export.name_not_text",
                           path=str(Path(printable_name(os.fspath(f.path))).absolute()))
    with lib.write(Change(Entity.EXPORTED_FILE, Action.ADDED)):
        for f in files:
            path = str(Path(f.path).absolute())
            if replace:
                lib.conn.execute("DELETE FROM exported_files WHERE path = ?", (path,))
            lib.conn.execute(
                "INSERT INTO exported_files (path, kind, export_id, purpose, recording_id,"
                " collection_id, clip_id, exported_at, faces_blurred, names_replaced)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (path, f.kind, export_id, purpose, f.recording_id, collection_id, f.clip_id,
                 now_iso(), _opt_int(f.faces_blurred), _opt_int(f.names_replaced)),
            )


def _opt_int(value: bool | None) -> int | None:
    return None if value is None else int(value)


def drop_replaced(lib: Library, export_id: str) -> None:
    """Forget older rows for the paths this export now holds."""
    with lib.write(Change(Entity.EXPORTED_FILE, Action.REMOVED)):
        lib.conn.execute(
            "DELETE FROM exported_files WHERE export_id != ? AND path IN"
            " (SELECT path FROM exported_files WHERE export_id = ?)", (export_id, export_id))


def forget_export(lib: Library, export_id: str) -> None:
    """Forget the rows of an export whose files never got into place (or were removed again).
    Not audited: nothing was exported."""
    with lib.write(Change(Entity.EXPORTED_FILE, Action.REMOVED)):
        lib.conn.execute("DELETE FROM exported_files WHERE export_id = ?", (export_id,))


def list_exported(lib: Library, *, export_id: str | None = None) -> list[ExportedFile]:
    if export_id is None:
        rows = lib.query("SELECT * FROM exported_files ORDER BY id")
    else:
        rows = lib.query("SELECT * FROM exported_files WHERE export_id = ? ORDER BY id",
                         (export_id,))
    return [_from_row(r) for r in rows]


def known_paths(lib: Library) -> set[str]:
    return {str(r["path"]) for r in lib.query("SELECT path FROM exported_files")}


def files_from_recording(lib: Library, recording_id: int, purpose: str | None = None
                         ) -> list[ExportedFile]:
    """Clip files cut from the recording (for one purpose, or any), plus the pack documents of
    the same exports: they list those clips' titles and questions, and an index.html would
    point at a clip that is gone."""
    sql = "SELECT * FROM exported_files WHERE recording_id = ?"
    params: tuple[object, ...] = (recording_id,)
    if purpose is not None:
        sql += " AND purpose = ?"
        params += (purpose,)
    return _with_documents(lib, [_from_row(r) for r in lib.query(sql + " ORDER BY id", params)])


def files_from_collection(lib: Library, collection_id: int) -> list[ExportedFile]:
    rows = lib.query("SELECT * FROM exported_files WHERE collection_id = ? ORDER BY id",
                     (collection_id,))
    return [_from_row(r) for r in rows]


def _with_documents(lib: Library, clips: list[ExportedFile]) -> list[ExportedFile]:
    found = {f.id: f for f in clips}
    for export_id in sorted({f.export_id for f in clips}):
        for f in list_exported(lib, export_id=export_id):
            if f.kind in DOCUMENT_KINDS:
                found.setdefault(f.id, f)
    return sorted(found.values(), key=lambda f: f.id)


def delete_exported_files(
    lib: Library, files: list[ExportedFile], *, subject: str, reason: str
) -> FileDeletion:
    """Delete the files from disk and forget them; audited as one row (file names only).
    Files are removed before their rows, so a failure never leaves a file on disk that the
    app no longer knows about. Only a regular file at the recorded place is deleted: a
    symlink there or in place of its folder (or anything else) is not what the app wrote, so
    neither it nor what it points to is touched; it counts as gone (the app's own file is no
    longer there; `vsr.app_dirs.unlink_own_file`)."""
    result = FileDeletion()
    forget: list[int] = []
    for f in files:
        try:
            unlink_own_file(f.path)  # not through a link, neither of the file nor its folder
            result.deleted.append(f.path)
            forget.append(f.id)
        except FileNotFoundError:
            result.missing.append(f.path)
            forget.append(f.id)
        except OSError as exc:
            result.failed.append((f.path, exc.strerror or str(exc)))
    if not files:
        return result
    with lib.write(Change(Entity.EXPORTED_FILE, Action.REMOVED, tuple(forget))):
        lib.conn.executemany("DELETE FROM exported_files WHERE id = ?", [(i,) for i in forget])
        audit(lib, AuditAction.FILES_DELETED, subject, reason=reason,
              deleted=_names(result.deleted), missing=_names(result.missing),
              failed=_names(p for p, _ in result.failed),
              recordings=sorted({f.recording_id for f in files if f.recording_id}),
              collections=sorted({f.collection_id for f in files if f.collection_id}))
    return result


def _names(paths: Iterable[str]) -> list[str]:
    return [Path(p).name for p in paths]

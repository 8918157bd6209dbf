"""Staging of exports in progress, so a killed export (SIGKILL, power cut) never leaves a half
client video or summary where the user or anyone else finds it, and the next start of the app
cleans what it left.

Each export first makes a record: a private (0700) folder in the app's staging root (beside
the library) holding the id of the process that owns it. Its files are written inside that
record when the target folder is on the same file system (a rename then moves them into
place). When it is not, a rename cannot cross, so they are written into a hidden folder in
the target folder instead, whose path the record names *before* it is made. `clean_staging`
(run whenever a library is opened) removes records, and the hidden folders they name, whose
process is gone."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from vsr.app_dirs import private_dir

STAGING_PREFIX = ".vsr-export-"  # a hidden staging folder inside a target folder
OWNER_FILE = ".owner"  # "<pid> <host>" of the process that made the staging
EXTERNAL_FILE = ".external"  # in a record: the hidden staging folder it made elsewhere
STALE_AFTER_S = 3600  # staging without a checkable owner, untouched this long, is stale


@dataclass(frozen=True, slots=True)
class Staging:
    record: Path  # the record in the app's staging root
    folder: Path  # where the files are written: the record itself, or a hidden folder

    @property
    def external(self) -> bool:
        return self.folder != self.record


def open_staging(root: Path, out_dir: Path, name: str | None = None) -> Staging:
    """Record a new staging (owned by this process) and make the folder to write into; the
    target folder `out_dir` must exist."""
    ident = name or uuid.uuid4().hex[:12]
    record = private_dir(root) / ident
    record.mkdir(mode=0o700)
    folder = record
    try:
        claim(record)
        if _same_device(record, out_dir):
            return Staging(record, record)
        folder = out_dir / f"{STAGING_PREFIX}{ident}"
        (record / EXTERNAL_FILE).write_text(str(folder.absolute()), "utf-8")  # recorded first
        folder.mkdir(mode=0o700)
        claim(folder)
    except BaseException:
        # A full disk in the target folder: the hidden folder stayed there until the next
        # start (and the record beside the library).
        close_staging(Staging(record, folder))
        raise
    return Staging(record, folder)


def close_staging(staging: Staging) -> None:
    """Remove the staging and its record (what was moved out of it stays)."""
    if staging.external:
        shutil.rmtree(staging.folder, ignore_errors=True)
    shutil.rmtree(staging.record, ignore_errors=True)


def _same_device(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False


def claim(folder: Path) -> None:
    """Mark a staging folder as this process's, so a later run can tell it from one a killed
    export left behind."""
    (folder / OWNER_FILE).write_text(f"{os.getpid()} {socket.gethostname()}", "utf-8")


def clean_staging(root: Path) -> list[Path]:
    """Remove records in the app's staging root whose process is gone, with the hidden
    folders they name. Returns what was removed; what cannot be removed waits for next time."""
    removed: list[Path] = []
    try:
        records = sorted(p for p in Path(root).iterdir() if p.is_dir())
    except OSError:
        return removed
    for record in records:
        if not is_stale(record):
            continue
        external = _external(record)
        if external is not None:
            shutil.rmtree(external, ignore_errors=True)
            if not external.exists():
                removed.append(external)
        shutil.rmtree(record, ignore_errors=True)
        if not record.exists():
            removed.append(record)
    return removed


def _external(record: Path) -> Path | None:
    """The hidden folder a record names, only if it looks like one of ours (a record is in a
    private folder, but a path read from disk is never trusted to delete anything else)."""
    with contextlib.suppress(OSError):
        path = Path((record / EXTERNAL_FILE).read_text("utf-8").strip())
        if path.is_absolute() and path.name.startswith(STAGING_PREFIX) and not path.is_symlink():
            return path
    return None


def is_stale(folder: Path) -> bool:
    owner = _owner(folder)
    if owner is not None and owner[1] == socket.gethostname():
        return not process_alive(owner[0])
    try:
        touched = max([folder.stat().st_mtime] + [p.stat().st_mtime for p in folder.iterdir()])
    except OSError:
        return False
    return time.time() - touched > STALE_AFTER_S


def _owner(folder: Path) -> tuple[int, str] | None:
    try:
        pid_text, _, host = (folder / OWNER_FILE).read_text("utf-8").strip().partition(" ")
        return int(pid_text), host
    except (OSError, ValueError):
        return None


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows has no signal 0
        import ctypes

        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, run by someone else
    except OSError:
        return False
    return True

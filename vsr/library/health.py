"""When the library's integrity is checked. `PRAGMA quick_check` reads the whole file, so running
it (and checking the backups) on every open makes start-up grow with the library. It runs when it
pays: after an unclean shutdown, when the file changed since our last clean close (another tool,
a copy, a restore), once a day, and before a backup is made.

Every program that opens the library leaves a marker `open-<pid>-<n>` in the library's private
state folder and removes it when it closes the library; a marker whose process is gone means that
program stopped without closing (a crash, a kill, a power cut). At a clean close the last program
writes `clean.json`: the file's size and time as it left them and when the last check ran."""

from __future__ import annotations

import itertools
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from vsr.app_dirs import make_private, private_dir
from vsr.staging import process_alive

CHECK_EVERY_S = 24 * 3600
_STAMP = "clean.json"
_counter = itertools.count()


@dataclass(frozen=True, slots=True)
class Stamp:
    """What the last clean close left: when the library was last checked, and its file as it
    was left (size and modification time in ns)."""

    checked_at: float
    size: int
    mtime_ns: int


def state_dir(library: Path) -> Path:
    """Hidden and private, beside the library (like the staging folder)."""
    return library.with_name(f".{library.stem}-state")


def check_reason(library: Path, now: float | None = None) -> str | None:
    """Why the library should be checked now ('unclean', 'never', 'daily', 'changed'), or
    None when the last check still vouches for it."""
    now = time.time() if now is None else now
    folder = state_dir(library)
    others_open = False
    for marker in _markers(folder):
        if not process_alive(_pid_of(marker)):
            return "unclean"
        others_open = True
    stamp = read_stamp(library)
    if stamp is None:
        return "never"
    if not 0 <= now - stamp.checked_at < CHECK_EVERY_S:
        return "daily"  # a clock set back also counts as due
    if not others_open and _file_stat(library) != (stamp.size, stamp.mtime_ns):
        return "changed"
    return None


def mark_open(library: Path) -> Path | None:
    """Leave this program's marker; None when the folder cannot be written (then every open
    is checked, since nothing would tell an unclean shutdown)."""
    try:
        folder = private_dir(state_dir(library))
        marker = folder / f"open-{os.getpid()}-{next(_counter)}"
        marker.write_bytes(b"")
        make_private(marker)
    except OSError:
        return None
    return marker


def forget_dead(library: Path) -> None:
    """After a check: the markers of programs that stopped without closing have been dealt
    with (the file was found healthy), so they no longer ask for one."""
    for marker in _markers(state_dir(library)):
        if not process_alive(_pid_of(marker)):
            marker.unlink(missing_ok=True)


def mark_closed(library: Path, marker: Path | None, checked_at: float | None) -> None:
    """Remove this program's marker and, with no other program left, stamp the clean close.
    `checked_at`: when this program checked the library (None: it did not)."""
    if marker is None:
        return
    marker.unlink(missing_ok=True)
    previous = read_stamp(library)
    checked = checked_at if checked_at is not None else (previous.checked_at if previous else None)
    if checked is None or any(process_alive(_pid_of(m)) for m in _markers(marker.parent)):
        return  # never checked, or another program still has it: that one stamps its close
    size, mtime_ns = _file_stat(library)
    partial = marker.parent / f".{_STAMP}.{os.getpid()}"
    try:
        partial.write_text(json.dumps({"checked_at": checked, "size": size,
                                       "mtime_ns": mtime_ns}), "utf-8")
        make_private(partial)
        partial.replace(marker.parent / _STAMP)
    except OSError:
        partial.unlink(missing_ok=True)  # no stamp: the next open checks, which is safe


def read_stamp(library: Path) -> Stamp | None:
    try:
        data = json.loads((state_dir(library) / _STAMP).read_text("utf-8"))
        return Stamp(float(data["checked_at"]), int(data["size"]), int(data["mtime_ns"]))
    except (OSError, ValueError, KeyError, TypeError, RecursionError):  # nested 100,000 deep
        return None


def _markers(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.name.startswith("open-")]
    except OSError:
        return []


def _pid_of(marker: Path) -> int:
    word = marker.name.split("-")[1] if marker.name.count("-") >= 1 else ""
    return int(word) if word.isdigit() else -1


def _file_stat(library: Path) -> tuple[int, int]:
    try:
        stat = library.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_size, stat.st_mtime_ns)

"""The app's own files are private: the library, its WAL/SHM and backups, the recordings folder
and received recordings, caches (~/.cache/vsr), the log (~/.local/state/vsr) and export
staging are readable by the user only (folders 0700, files 0600), whatever the umask is.
Recordings of clients are special personal data; on a shared computer another account must
not be able to read them or what was written about them. Exports the user asked for are not
made here: they follow the user's umask like any file they save."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
APP = "vsr"


def app_roots() -> tuple[Path, ...]:
    """The app's own folders in the user's home (data, cache, state and log)."""
    import platformdirs

    return tuple(Path(f(APP, appauthor=False)) for f in (
        platformdirs.user_data_dir, platformdirs.user_cache_dir, platformdirs.user_state_dir,
        platformdirs.user_log_dir))


def private_dir(path: Path) -> Path:
    """Make `path` (and missing parents) and set it to 0700. Parents that already existed are
    left as they are: they are the user's folders, not ours; except inside one of the app's
    own folders (`app_roots`), where that folder and every one down to `path` is made 0700
    (mkdir gives missing parents the umask's rights, not `mode`)."""
    path = Path(path)
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    for folder in _own_folders_above(path):
        make_private(folder)
    make_private(path)
    return path


def _own_folders_above(path: Path) -> list[Path]:
    absolute = path.absolute()
    for root in app_roots():
        if absolute != root and root in absolute.parents:
            between = [p for p in absolute.parents if p == root or root in p.parents]
            return sorted(between, key=lambda p: len(p.parts))
    return []


def create_private_new(path: Path) -> BinaryIO:
    """Open a new file for writing, 0600 from the start; FileExistsError if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.fchmod(fd, PRIVATE_FILE)  # O_CREAT's mode is masked by the umask: set it exactly
    return os.fdopen(fd, "wb")


def make_private(path: Path) -> None:
    """chmod to 0700 (folder) or 0600 (file), never through a symlink; a file on a file system
    without Unix rights (or owned by someone else) is left as it is."""
    with contextlib.suppress(OSError):
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            return
        mode = PRIVATE_DIR if stat.S_ISDIR(st.st_mode) else PRIVATE_FILE
        if stat.S_IMODE(st.st_mode) != mode:
            os.chmod(path, mode)


def create_private_file(path: Path) -> None:
    """Create an empty file with 0600 from the start (no window in which it is readable). A
    file that exists meanwhile (another program made it first) is left untouched: never
    truncated."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)
    make_private(path)  # O_CREAT's mode is masked by the umask, never widened: set it exactly


def library_companions(library: Path) -> list[Path]:
    """The files SQLite keeps beside a library: write-ahead log, shared memory, journal."""
    return [library.with_name(library.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def staging_root(library: Path) -> Path:
    """The app's own folder for exports in progress: beside the library (so a test library
    and its staging stay together), hidden, private. Not created here."""
    return library.with_name(f".{library.stem}-staging")


def unlink_own_file(path: str) -> None:
    """Delete `path` only when it is a regular file in a folder that is not a symlink: a link
    at either place is not what the app wrote (an export folder swapped for a link to a folder
    of other files, a file swapped for a link), so neither the link nor what it points to is
    touched; FileNotFoundError then, as for a file that is gone. The folder is opened without
    following a link and the file checked and removed through it, so a swap between the check
    and the removal is not followed either. Links higher up the path are the user's own way
    to their folders and are followed."""
    folder, name = os.path.split(path)
    if not _can_unlink_at():
        st = os.lstat(folder or ".")
        if stat.S_ISLNK(st.st_mode) or not stat.S_ISREG(os.lstat(path).st_mode):
            raise FileNotFoundError(path)
        os.unlink(path)
        return
    try:
        fd = os.open(folder or ".", os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.ENOENT):
            raise FileNotFoundError(path) from exc
        raise
    try:
        if not stat.S_ISREG(os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode):
            raise FileNotFoundError(path)
        os.unlink(name, dir_fd=fd)
    finally:
        os.close(fd)


def _can_unlink_at() -> bool:
    return (hasattr(os, "O_NOFOLLOW") and hasattr(os, "O_DIRECTORY")
            and os.unlink in os.supports_dir_fd and os.stat in os.supports_dir_fd)

"""The app's own files are private: the library, its WAL/SHM and backups, caches and export
staging are readable by the user only (folders 0700, files 0600), whatever the umask is.
Recordings of clients are special personal data; on a shared computer another account must
not be able to read them or what was written about them. Exports the user asked for are not
made here: they follow the user's umask like any file they save."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Make `path` (and missing parents) and set it to 0700. Parents that already existed are
    left as they are: they are the user's folders, not ours."""
    path = Path(path)
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    make_private(path)
    return path


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

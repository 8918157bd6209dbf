"""The program's log: a rotating file in the user's log folder, readable by the user only (it
can name files, and file names can carry client names). A program started from a menu has no
terminal, so this file is where an unexpected error, and libVLC's own messages (logger
"vsr.vlc"), can be found later. The terminal only gets warnings and worse."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

import platformdirs

from vsr.app_dirs import private_dir

LOG_FILE = "vsr.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    """VSR_LOG_DIR if set, else the user's log folder (e.g. ~/.local/state/vsr/log)."""
    env = os.environ.get("VSR_LOG_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_log_dir("vsr", appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_FILE


class _CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (it may be replaced, e.g. by a test runner,
    after logging was set up), like logging's own last-resort handler."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self):  # type: ignore[no-untyped-def]
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:  # type: ignore[no-untyped-def]
        pass


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """Each file it opens (the first and every rotated one) is created 0600."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.close(fd)
        os.chmod(self.baseFilename, 0o600)
        return super()._open()


def setup_logging(*, console_level: int = logging.WARNING) -> Path | None:
    """Log INFO and up to the file and `console_level` and up to stderr. Returns the file, or
    None when its folder cannot be written (then only the terminal gets messages). Safe to
    call more than once."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    if not any(getattr(h, "_vsr", False) for h in root.handlers):
        console = _CurrentStderr()
        console.setLevel(console_level)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console._vsr = True  # type: ignore[attr-defined]
        root.addHandler(console)
    existing = next((h for h in root.handlers if isinstance(h, _PrivateRotatingFile)), None)
    if existing is not None:
        return Path(existing.baseFilename)
    folder = log_dir()
    try:
        private_dir(folder)  # ~/.local/state/vsr too, not only its log/ folder
        handler = _PrivateRotatingFile(folder / LOG_FILE, maxBytes=MAX_BYTES,
                                       backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return folder / LOG_FILE

"""Is this a local, regular, readable, non-empty file? Checked before FFmpeg sees the name.

FFmpeg opens more than files: "http://…", "concat:…", "pipe:", devices. A recording must be a
plain file on this computer, so names with a scheme are refused, and FFmpeg only ever gets an
absolute path (a name starting with "/" never selects one of its protocols). A FIFO would block
the reader forever and /dev/zero never ends: both are refused as "not a regular file".
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from vsr.errors import MediaError
from vsr.file_names import is_text, printable_name

# "scheme://..." (a URL) or a Windows-style "C:" is not what we mean; FFmpeg protocols such as
# "concat:" or "pipe:" have no slashes but select a protocol all the same.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def refuse_non_local(path: str | Path) -> None:
    """Raise `MediaError` for a URL or an FFmpeg protocol name ("https://…", "pipe:0"), and
    for a name that is not valid text: the library could not keep it, nor show it."""
    text = os.fspath(path)
    if not is_text(text):
        raise MediaError("error.media.name_not_text",
                         path=str(Path(printable_name(text)).expanduser().absolute()))
    if _SCHEME.match(text) and not Path(text).exists():
        raise MediaError("error.media.not_local", path=text)


def check_local_file(path: str | Path) -> Path:
    """The absolute path of a usable local file; raises `MediaError` naming it otherwise."""
    refuse_non_local(path)
    text = os.fspath(path)
    file = Path(text).expanduser().absolute()
    try:
        info = file.stat()
    except FileNotFoundError:
        raise MediaError("error.media.not_found", path=str(file)) from None
    except OSError as exc:
        raise MediaError("error.media.unreadable", path=str(file),
                         reason=_os_reason(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise MediaError("error.media.unreadable", path=str(file), reason="reason.folder")
    if not stat.S_ISREG(info.st_mode):
        raise MediaError("error.media.not_regular", path=str(file))
    _check_readable(file)
    if info.st_size == 0:
        raise MediaError("error.media.empty", path=str(file))
    return file


def _check_readable(file: Path) -> None:
    # Opening is the only honest test (access() lies for root and over network shares).
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise MediaError("error.media.unreadable", path=str(file),
                         reason=_os_reason(exc)) from None
    os.close(fd)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return "reason.permission"
    text = exc.strerror or str(exc) or type(exc).__name__
    return " ".join(text.split())

"""A content fingerprint of a recording that does not depend on its name or folder.

It lets the library recognise a moved or renamed recording (relink) and refuse a different file.
Hashing a multi-GB video completely would take many seconds, so only the size and three 1 MiB
samples (start, middle, end) are hashed: a re-encode, a cut or a different recording changes
the size or one of those samples. Files up to three samples long are hashed whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from vsr.errors import MediaError

FINGERPRINT_VERSION = "v1"
SAMPLE_BYTES = 1024 * 1024


def fingerprint(path: str | Path) -> str:
    """Return "v1:" + sha256 hex of (size, start/middle/end samples) of the file at `path`."""
    file = Path(path)
    try:
        with file.open("rb") as handle:
            size = handle.seek(0, 2)

            def read_at(offset: int, count: int) -> bytes:
                handle.seek(offset)
                return handle.read(count)

            return fingerprint_of(size, read_at)
    except FileNotFoundError:
        raise MediaError("error.media.not_found", path=str(file)) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise MediaError("error.media.unreadable", path=str(file), reason=reason) from None


def fingerprint_of(size: int, read_at: Callable[[int, int], bytes]) -> str:
    """The fingerprint of `size` bytes read by `read_at(offset, count)`: the same as
    `fingerprint` of a file holding them (a shared recording's, read from its encrypted copy
    before it is on this computer)."""
    digest = hashlib.sha256()
    digest.update(size.to_bytes(8, "little"))
    for offset in sample_offsets(size):
        digest.update(read_at(offset, SAMPLE_BYTES))
    return f"{FINGERPRINT_VERSION}:{digest.hexdigest()}"


def sample_offsets(size: int) -> list[int]:
    """Where the samples start: the whole file when small, else start, middle and end."""
    if size <= 3 * SAMPLE_BYTES:
        return list(range(0, size, SAMPLE_BYTES))
    return [0, (size - SAMPLE_BYTES) // 2, size - SAMPLE_BYTES]

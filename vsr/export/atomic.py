"""Writing an export file atomically: into a temporary file beside the target, flushed to disk,
then renamed over it. A failure at any point leaves no file (and an older file untouched)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from vsr.errors import VsrError


def write_atomic(out: Path, write: Callable[[Path], None]) -> Path:
    """Call write(tmp) to produce the file, then move it to `out`. Disk errors become a
    VsrError naming the file; any other error is passed on. Returns `out`."""
    out = Path(out).expanduser().absolute()
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write(tmp)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        raise VsrError("error.export.write_failed", path=str(out),
                       reason=exc.strerror or str(exc)) from exc
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself is unusable: there is no temp file to clean up
    return out

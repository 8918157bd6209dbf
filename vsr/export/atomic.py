"""Writing an export file atomically: into a temporary file, flushed to disk, then renamed
over the target. A failure at any point leaves no file (and an older file untouched).

With a `staging_root` (the app's own private folder) the temporary file is written there when
it is on the target's file system, so no half file ever shows in the user's folder; otherwise
into a hidden staging folder beside the target that is recorded first, so the next start of
the app removes it after a kill (`vsr.staging`)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from vsr.errors import VsrError
from vsr.staging import Staging, close_staging, open_staging


def write_atomic(out: Path, write: Callable[[Path], None], *,
                 staging_root: Path | None = None) -> Path:
    """Call write(tmp) to produce the file, then move it to `out`. Disk errors become a
    VsrError naming the file; any other error is passed on. Returns `out`."""
    out = Path(out).expanduser().absolute()
    staging: Staging | None = None
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if staging_root is not None:
            staging = open_staging(staging_root, out.parent)
            tmp = staging.folder / out.name
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
        if staging is not None:
            close_staging(staging)
    return out

"""Imported moments and the recording they are put on: a moment can only be where the
recording is. A moment that starts after the recording's end means the file belongs to another
(longer) recording: the import is refused, naming the first such moment. A moment that starts
inside but runs past the end is cut at the end, and the import says how many were cut."""

from __future__ import annotations

from dataclasses import replace

from vsr.dates import clock
from vsr.errors import ImportFileError
from vsr.interop.imported_rows import ImportedMoment


def fit_to_recording(moments: list[ImportedMoment], duration_ms: int, source: str,
                     ) -> tuple[list[ImportedMoment], int]:
    """The moments with ends past `duration_ms` cut there, and how many were cut. A duration
    of 0 (unknown) checks nothing."""
    if duration_ms <= 0:
        return moments, 0
    after = sorted(m.start_ms for m in moments if m.start_ms >= duration_ms)
    if after:
        raise ImportFileError("error.import.beyond_end", path=source, count=len(after),
                              first=clock(after[0], exact=True), length=clock(duration_ms, exact=True))
    fitted, cut = [], 0
    for m in moments:
        if m.end_ms is not None and m.end_ms > duration_ms:
            m = replace(m, end_ms=duration_ms)
            cut += 1
        fitted.append(m)
    return fitted, cut

"""One picture of a recording at a time, upright, as a BGR array (for previews)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from vsr.clips.source import TOLERANCE, first_video, inspect_source, open_media, seek_before
from vsr.errors import MediaError


def frame_at(src: Path, ms: int) -> NDArray[np.uint8]:
    """The frame shown at `ms` (counted from the recording's start), turned upright."""
    info = inspect_source(src)
    if not info.has_video:
        raise MediaError("error.media.no_streams", path=str(src))
    at = info.origin + Fraction(max(0, ms), 1000)
    shown = None
    with open_media(src) as container:
        stream = first_video(container)
        assert stream is not None and stream.time_base is not None
        seek_before(container, stream, at)
        for frame in container.decode(stream):
            if frame.pts is None:
                continue
            if shown is not None and frame.pts * stream.time_base > at + TOLERANCE:
                break
            shown = frame
    if shown is None:
        raise MediaError(path=str(src), reason=f"no picture at {ms} ms")
    pixels = np.asarray(shown.to_ndarray(format="bgr24"), dtype=np.uint8)
    turns = info.rotation // 90
    return np.ascontiguousarray(np.rot90(pixels, k=turns)) if turns else pixels

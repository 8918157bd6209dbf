"""One picture of a recording at a time, upright, as a BGR array (for previews). The file is
opened once per picture and only the frame shown is converted to BGR."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av.error
import numpy as np
from av.video.frame import VideoFrame
from numpy.typing import NDArray

from vsr.clips.source import TOLERANCE, first_video, open_media, seek_before
from vsr.errors import MediaError


def frame_at(src: Path, ms: int) -> NDArray[np.uint8]:
    """The frame shown at `ms` (counted from the recording's start), turned upright."""
    shown: VideoFrame | None = None
    with open_media(src) as container:
        stream = first_video(container)
        if stream is None:
            raise MediaError("error.media.no_streams", path=str(src))
        assert stream.time_base is not None
        at = Fraction(container.start_time or 0, 1_000_000) + Fraction(max(0, ms), 1000)
        seek_before(container, stream, at)
        try:
            for frame in container.decode(stream):
                if frame.pts is None:
                    continue
                if shown is not None and frame.pts * stream.time_base > at + TOLERANCE:
                    break
                shown = frame
        except av.error.FFmpegError as exc:
            if shown is None:
                raise MediaError(path=str(src), reason=str(exc)) from exc
    if shown is None:
        raise MediaError(path=str(src), reason=f"no picture at {ms} ms")
    pixels = np.asarray(shown.to_ndarray(format="bgr24"), dtype=np.uint8)
    turns = int(round(shown.rotation / 90.0)) % 4  # counter-clockwise, as the display matrix
    return np.ascontiguousarray(np.rot90(pixels, k=turns)) if turns else pixels

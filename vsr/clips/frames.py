"""One picture of a recording at a time, upright, as a BGR array (for previews). The file is
opened once per picture and only the frame shown is converted to BGR."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av.error
import numpy as np
from av.video.frame import VideoFrame
from numpy.typing import NDArray

from vsr.clips.source import TOLERANCE, first_video, inspect_source, open_media, seek_before
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


@dataclass(slots=True)
class Picture:
    """One upright frame of a clip on its way through a filter: its place in the clip (0 is the
    first frame), its time in the recording (ms) and the source's pts, carried along."""

    index: int
    ms: int
    pixels: NDArray[np.uint8]
    pts: int = 0


def pictures_between(src: Path, start_ms: int, end_ms: int, first_ms: int) -> list[Picture]:
    """The upright frames shown in [start_ms, end_ms) of a recording, numbered as frames of a
    clip that starts at `first_ms` (so a preview counts frames as the export does)."""
    info = inspect_source(src)
    if not info.has_video:
        raise MediaError("error.media.no_streams", path=str(src))
    fps = float(info.frame_rate or 25)
    turns = info.rotation // 90
    begin, end = info.origin + Fraction(max(0, start_ms), 1000), info.origin + Fraction(end_ms, 1000)
    found: list[Picture] = []
    with open_media(src) as container:
        stream = first_video(container)
        assert stream is not None and stream.time_base is not None
        stream.codec_context.thread_type = "AUTO"
        seek_before(container, stream, begin)
        for frame in container.decode(stream):
            if frame.pts is None:
                continue
            at = frame.pts * stream.time_base
            if at >= end:
                break
            if at + TOLERANCE < begin:
                continue
            ms = int((at - info.origin) * 1000)
            pixels = np.asarray(frame.to_ndarray(format="bgr24"), dtype=np.uint8)
            if turns:
                pixels = np.ascontiguousarray(np.rot90(pixels, k=turns))
            found.append(Picture(round((ms - first_ms) * fps / 1000), ms, pixels, frame.pts))
    return found

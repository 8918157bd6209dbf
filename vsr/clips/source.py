"""Opening the recording a clip is cut from: clear errors for files users pick, and the
facts the cutters need (streams, time origin, rotation)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error
from av.audio.stream import AudioStream
from av.container import InputContainer
from av.video.stream import VideoStream

from vsr.errors import MediaError
from vsr.media.opener import open_media, rotation_of

__all__ = ["TOLERANCE", "SourceInfo", "first_audio", "first_video", "inspect_source",
           "open_media", "read_rotation", "seek_before", "to_ticks"]

# A frame counts as "shown at" a time if it starts at most this much later: the UI rounds
# frame times to whole milliseconds, so 1001 ms means the frame at 1000.999... ms.
TOLERANCE = Fraction(1, 1000)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    path: Path
    origin: Fraction  # seconds; clip times count from the container's start time
    duration_ms: int  # 0 when the container does not say
    has_video: bool
    has_audio: bool
    video_codec: str = ""
    pix_fmt: str = ""
    width: int = 0
    height: int = 0
    rotation: int = 0  # degrees clockwise to turn the picture upright (vsr.media.opener)
    frame_rate: Fraction | None = None
    time_base: Fraction | None = None
    extradata: bytes = b""


def inspect_source(
    path: Path, container: InputContainer | None = None, *, rotation: bool = True
) -> SourceInfo:
    """The facts about `path`, read from `container` when the caller has it open already.
    `rotation=False` leaves the rotation 0 and `container` unread (finding it decodes the
    first picture; `read_rotation` does it later, for who needs it)."""
    if container is None:
        with open_media(path) as opened:
            return inspect_source(path, opened, rotation=rotation)
    video = first_video(container)
    audio = first_audio(container)
    if video is None and audio is None:
        raise MediaError("error.media.no_streams", path=str(path))
    origin = Fraction(container.start_time or 0, 1_000_000)
    duration_ms = (container.duration or 0) // 1000
    if video is None:
        return SourceInfo(path, origin, duration_ms, False, audio is not None)
    ctx = video.codec_context
    return SourceInfo(
        path,
        origin,
        duration_ms,
        True,
        audio is not None,
        video_codec=ctx.name,
        pix_fmt=ctx.pix_fmt or "",
        width=ctx.width,
        height=ctx.height,
        rotation=_rotation(container, video) if rotation else 0,
        frame_rate=video.guessed_rate,
        time_base=video.time_base,
        extradata=bytes(ctx.extradata or b""),
    )


def read_rotation(path: Path) -> int:
    """The rotation of the first picture of `path`, from a container of its own."""
    with open_media(path) as container:
        video = first_video(container)
        return 0 if video is None else _rotation(container, video)


def _rotation(container: InputContainer, video: VideoStream) -> int:
    """Degrees clockwise to turn the pictures upright, from the first frame's display matrix
    (PyAV reads it from the stream's side data)."""
    try:
        for frame in container.decode(video):
            return rotation_of(video, frame)
    except av.error.FFmpegError:
        return 0
    return 0


def first_video(container: InputContainer) -> VideoStream | None:
    # Cover art is stored as a one-picture video stream; it is not the recording.
    for stream in container.streams.video:
        if not stream.disposition & av.stream.Disposition.attached_pic:
            return stream
    return None


def first_audio(container: InputContainer) -> AudioStream | None:
    return container.streams.audio[0] if container.streams.audio else None


def to_ticks(seconds: Fraction, time_base: Fraction) -> int:
    """Stream ticks at `seconds` (rounded down): compare with pts in that time base."""
    return int(seconds // time_base)


def seek_before(
    container: InputContainer,
    stream: VideoStream | AudioStream,
    seconds: Fraction,
) -> None:
    """Seek so that decoding starts at a keyframe at or before `seconds` (absolute stream
    time). Containers index keyframes by dts, which can lie a little before the pts, so aim a
    second early. Call it on a freshly opened container: where the file cannot seek (some
    AVIs), reading then simply starts at the beginning."""
    assert stream.time_base is not None
    target = max(Fraction(0), seconds - 1)
    try:
        container.seek(to_ticks(target, stream.time_base), stream=stream, backward=True)
    except av.error.FFmpegError:
        pass

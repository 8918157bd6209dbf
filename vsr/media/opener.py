"""The one way the core opens a media file with PyAV, and the one rotation convention.

Every reader (probe, envelope, clip export, previews, summary stills, voices) opens a recording
with `open_media`, every writer (clips, generated media) with `open_output`; a lint test keeps
`av.open(` in this module alone. Opening checks what a hostile or broken file could do before
FFmpeg reads it (a URL or protocol name, a FIFO or device, an empty or unreadable file:
`vsr.media.local_file`) and right after (a picture too big to decode safely), and turns every
failure into a `MediaError` with a sentence for the user.

Rotation, everywhere in vsr (`Recording.rotation`, `ProbeResult.rotation`,
`SourceInfo.rotation`, stills): **degrees clockwise to turn the stored picture so it displays
upright**, one of 0, 90, 180, 270. FFmpeg's display matrix angle (`VideoFrame.rotation`) is
counter-clockwise; `rotation_of` converts it, `upright` turns a picture by it.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Any

import av
from av.container import InputContainer, OutputContainer
from av.stream import Disposition
from av.video.frame import VideoFrame
from av.video.stream import VideoStream

from vsr.errors import MediaError, StorageError
from vsr.media.local_file import check_local_file

if TYPE_CHECKING:
    from numpy.typing import NDArray

# No camera records more than 8K in both directions; a bigger header is a broken file, and
# decoding it could allocate gigabytes (corpus invalid_vp9_bitstream-bug_1416.webm: 12336x12336).
MAX_PIXELS = 8192 * 8192


def open_media(path: str | Path, *, threads: bool = False) -> InputContainer:
    """Open a local media file for reading; every way it can fail is a `MediaError`.

    `threads=True` lets FFmpeg decode the video streams with frame and slice threads (pays for
    many pictures in a row: clips, previews, stills; not for one frame)."""
    file = check_local_file(path)
    try:
        container = av.open(str(file), mode="r", metadata_errors="replace")
    except Exception as exc:  # FFmpeg, OS and decoding errors all mean: not usable media
        raise MediaError(
            "error.media.unreadable", path=str(file), reason=reason_text(exc)
        ) from None
    try:
        for stream in container.streams.video:
            _check_picture_size(file, stream)
            if threads and stream.codec_context is not None:
                stream.codec_context.thread_type = "AUTO"
    except BaseException:
        container.close()
        raise
    return container


def open_output(path: str | Path, *, format: str, options: dict[str, str] | None = None,
                container_options: dict[str, str] | None = None) -> OutputContainer:
    """Open `path` for writing a media file of `format` (the caller writes into staging or a
    temporary name and moves it into place). A file that cannot be written is a
    `StorageError` (`storage_error`)."""
    try:
        return av.open(str(path), mode="w", format=format, options=options or {},
                       container_options=container_options or {})
    except OSError as exc:  # PyAV's I/O errors are OSErrors too
        raise storage_error(exc) from None


def storage_error(exc: OSError) -> StorageError:
    """Writing media failed: a full disk in words of its own, else the system's reason."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError("error.storage.disk_full")
    return StorageError(reason=exc.strerror or str(exc))


def _check_picture_size(file: Path, stream: VideoStream) -> None:
    context = stream.codec_context
    if context is None or stream.disposition & Disposition.attached_pic:
        return  # no decoder in our FFmpeg, or cover art: not decoded as the recording
    if (context.width or 0) * (context.height or 0) > MAX_PIXELS:
        raise MediaError("error.media.picture_too_big", path=str(file),
                         size=f"{context.width}x{context.height}")


# FFmpeg's and the OS's common error texts, as message keys the user reads in their language.
_KNOWN_REASONS = (
    ("invalid data found", "reason.invalid_data"),
    ("end of file", "reason.end_of_file"),
    ("permission denied", "reason.permission"),
    ("decoder not found", "reason.unsupported"),
    ("function not implemented", "reason.unsupported"),
    ("patch welcome", "reason.unsupported"),
    ("no such file", "reason.not_found"),
)


def reason_text(exc: BaseException) -> str:
    """A short human reason (a message key for the common cases), never a traceback."""
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    text = " ".join(str(text).split())
    lowered = text.lower()
    for needle, key in _KNOWN_REASONS:
        if needle in lowered:
            return key
    return text if len(text) <= 120 else text[:117] + "..."


def rotation_of(stream: VideoStream | None, frame: VideoFrame | None) -> int:
    """Degrees clockwise to turn `stream`'s pictures for display: 0, 90, 180 or 270.

    From the decoded `frame`'s display matrix when there is one (FFmpeg's angle is
    counter-clockwise: an iPhone portrait clip says -90, i.e. turn 90 degrees clockwise), else
    from the old QuickTime 'rotate' tag, which was already clockwise."""
    clockwise = 0.0
    if frame is not None and frame.rotation:
        clockwise = -float(frame.rotation)
    elif stream is not None:
        tag = stream.metadata.get("rotate", "")
        try:
            clockwise = float(tag) if tag else 0.0
        except ValueError:
            clockwise = 0.0
    return (round(clockwise / 90) * 90) % 360


def upright(pixels: NDArray[Any], rotation: int) -> NDArray[Any]:
    """`pixels` (rows first) turned `rotation` degrees clockwise, as they are shown."""
    import numpy as np  # only who turns pictures pays for it (not the probe child)

    turns = (rotation // 90) % 4
    return np.ascontiguousarray(np.rot90(pixels, k=-turns)) if turns else pixels

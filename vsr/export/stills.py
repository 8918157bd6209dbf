"""A still picture from the recording at a moment, for the learning summary. Off by default:
faces are personal data. A recording that is missing or cannot be decoded gives no still.
In an anonymised summary (names replaced) every face in a still is blurred by the same face
anonymiser as the clips (`blur_faces`, `StillFaces`); a still whose faces cannot be looked for (the model
is missing) is left out rather than shown.

A summary asks for many stills of one recording, so `StillReader` opens the file (and parses
its index, which is large for an hour of video) once and seeks for each still. Frames are
decoded up to the wanted one but only that one is converted, scaled down in the same step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import av
import cv2
import numpy as np
import numpy.typing as npt
from av.container import InputContainer
from av.packet import Packet
from av.video.frame import VideoFrame
from av.video.stream import VideoStream

from vsr.errors import VsrError
from vsr.media import nal
from vsr.media.opener import open_media, upright

STILL_WIDTH = 480
FACE_LOOK_WIDTH = 2  # faces are looked for at twice the still's width (small ones too)
JPEG_QUALITY = 85
_ERRORS = (av.FFmpegError, OSError, ValueError)


class StillReader:
    """JPEG stills of one recording; the file is opened at the first still and kept open
    until `close()` (or the end of a `with` block)."""

    def __init__(self, path: Path | str, *, rotation: int = 0, width: int = STILL_WIDTH,
                 blur_faces: bool = False) -> None:
        self._path, self._rotation, self._width = str(path), rotation, width
        self._blur_faces = blur_faces
        self._faces: StillFaces | None = None
        self._container: InputContainer | None = None
        self._stream: VideoStream | None = None
        self._failed = False
        self._decoding: _Decoding | None = None

    def __enter__(self) -> StillReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._container is not None:
            self._container.close()
        self._container, self._stream, self._decoding = None, None, None

    def _open(self) -> VideoStream | None:
        if self._stream is None and not self._failed:
            try:
                self._container = open_media(self._path, threads=True)
            except VsrError:  # missing, not media, too big: no still
                self._failed = True
                return None
            if not self._container.streams.video:
                self._failed = True
                return None
            self._stream = self._container.streams.video[0]
        return self._stream

    def grab(self, at_ms: int) -> bytes | None:
        """A JPEG of the first frame at or after `at_ms`, scaled to the reader's width."""
        stream = self._open()
        if stream is None or self._container is None:
            return None
        try:
            frame = self._frame_at(self._container, stream, at_ms)
            return None if frame is None else self._jpeg(frame)
        except _ERRORS:
            self._decoding = None  # the next still seeks afresh
            return None

    def _frame_at(self, container: InputContainer, stream: VideoStream,
                  at_ms: int) -> VideoFrame | None:
        """The first frame at or after `at_ms`. A moment shortly after the last still is
        reached by decoding on from there, with no seek (a summary's moments are in order,
        often close together). A seek can land past the moment: with an open GOP (HEVC from
        phones) the pictures shown just before a keyframe need the GOP before; then seek
        again, further back."""
        if self._decoding is not None and self._decoding.can_reach(at_ms):
            frame = self._decoding.first_at(at_ms)
            if frame is not None:
                return frame
        rate = stream.guessed_rate or stream.average_rate
        frame_ms = 1000 / float(rate) if rate else 40.0
        seek_ms = at_ms
        for back_ms in (2_000, 10_000, 60_000, 0):
            self._decoding = _Decoding(container, stream, seek_ms, at_ms)
            frame = self._decoding.first_at(at_ms)
            first_ms = self._decoding.first_ms
            late = first_ms is not None and first_ms - frame_ms >= at_ms - 1
            if not late or seek_ms <= 0 or not back_ms:
                return frame
            seek_ms = max(0, seek_ms - back_ms)
        return None  # not reached: the last round returns

    def _jpeg(self, frame: VideoFrame) -> bytes | None:
        upright_w = frame.height if self._rotation % 180 == 90 else frame.width
        wanted = self._width * (FACE_LOOK_WIDTH if self._blur_faces else 1)
        scale = min(1.0, wanted / upright_w)
        image = np.asarray(frame.reformat(
            width=max(2, round(frame.width * scale)), height=max(2, round(frame.height * scale)),
            format="bgr24", interpolation="AREA").to_ndarray(), dtype=np.uint8)
        image = upright(image, self._rotation)
        if self._blur_faces:
            if self._faces is None:
                self._faces = StillFaces()
            blurred = self._faces.blurred(image)
            if blurred is None:
                return None
            image = _to_width(blurred, self._width)
        return _encode(image)


class StillFaces:
    """Blurs every face in stills; one face network for all stills of a summary."""

    def __init__(self) -> None:
        from vsr.clips.faces import FaceAnonymizer  # the face network only when needed

        self._anonymizer = FaceAnonymizer("blur", margin=0.5)

    def blurred(self, image: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8] | None:
        """A copy of a BGR picture with every face blurred (None when faces cannot be looked
        for: then the picture must not be shown)."""
        try:
            return self._anonymizer.apply(image)
        except (VsrError, cv2.error):
            return None

    def blurred_jpeg(self, data: bytes | None) -> bytes | None:
        """The JPEG with every face blurred, or None when it cannot be read or faces cannot
        be looked for."""
        if data is None:
            return None
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            return None
        blurred = self.blurred(np.asarray(image, np.uint8))
        return None if blurred is None else _encode(blurred)


def _to_width(image: npt.NDArray[np.uint8], width: int) -> npt.NDArray[np.uint8]:
    height, current = image.shape[:2]
    if current <= width:
        return image
    size = (width, max(2, round(height * width / current)))
    return np.asarray(cv2.resize(image, size, interpolation=cv2.INTER_AREA), np.uint8)


def _encode(image: npt.NDArray[np.uint8]) -> bytes | None:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    return bytes(data.tobytes()) if ok else None


class _Decoding:
    """Decoding forward from a seek to the keyframe before `seek_ms`, leaving out the pictures
    before the moment wanted that nothing refers to (a camera's non-reference B-frames: about
    half of what lies between keyframe and moment). Kept between stills, so a later moment
    close by is reached by decoding on."""

    CONTINUE_MS = 2_000  # decoding on this far costs less than a seek and a GOP's start

    def __init__(self, container: InputContainer, stream: VideoStream, seek_ms: int,
                 at_ms: int) -> None:
        container.seek(max(0, seek_ms) * 1000, backward=True, any_frame=False)  # µs
        context = stream.codec_context
        context.flush_buffers()  # no frame from before the seek comes out
        self._stream, self._codec = stream, context.name
        self._prefix = nal.length_size(context.name, context.extradata)
        self._wanted_pts = _pts_before(stream, at_ms - 1)
        self._frames = self._decode(container.demux(stream))
        self.first_ms: float | None = None  # the first frame decoded after the seek
        self.last_ms: float | None = None  # the last frame handed out

    def can_reach(self, at_ms: int) -> bool:
        return self.last_ms is not None and 0 < at_ms - 1 - self.last_ms <= self.CONTINUE_MS

    def first_at(self, at_ms: int) -> VideoFrame | None:
        """The first frame at or after `at_ms` (the last one, at the end of the file)."""
        self._wanted_pts = _pts_before(self._stream, at_ms - 1)
        last: VideoFrame | None = None
        for frame in self._frames:
            last = frame  # not converted: only the frame kept is
            if frame.time is None:
                continue
            if self.first_ms is None:
                self.first_ms = frame.time * 1000
            self.last_ms = frame.time * 1000
            if frame.time * 1000 >= at_ms - 1:
                return frame
        self.last_ms = None  # at the end: nothing to decode on from
        return last

    def _decode(self, packets: Iterator[Packet[Any]]) -> Iterator[VideoFrame]:
        for packet in packets:
            if (self._prefix is not None and packet.pts is not None
                    and self._wanted_pts is not None and packet.pts < self._wanted_pts
                    and nal.is_disposable_sample(memoryview(packet), self._prefix, self._codec)):
                continue  # shown before the moment, needed by no other picture
            yield from packet.decode()


def _pts_before(stream: VideoStream, ms: int) -> int | None:
    """`ms` in the stream's time base (as `frame.time` counts), rounded down; None without a
    time base or before the start."""
    base = stream.time_base
    if not base or ms <= 0:
        return None
    return int(ms * base.denominator // (1000 * base.numerator))


def grab_still(path: Path | str, at_ms: int, *, rotation: int = 0,
               width: int = STILL_WIDTH, blur_faces: bool = False) -> bytes | None:
    """A JPEG of the first frame at or after `at_ms`, scaled to `width` pixels wide (faces
    blurred if asked). For many stills of one recording use a `StillReader`."""
    with StillReader(path, rotation=rotation, width=width, blur_faces=blur_faces) as reader:
        return reader.grab(at_ms)

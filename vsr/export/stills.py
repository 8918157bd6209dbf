"""A still picture from the recording at a moment, for the learning summary. Off by default:
faces are personal data. A recording that is missing or cannot be decoded gives no still.
In an anonymised summary (names replaced) every face in a still is blurred by the same face
anonymiser as the clips (`blur_faces`, `StillFaces`); a still whose faces cannot be looked for (the model
is missing) is left out rather than shown.

A summary asks for many stills of one recording, so `StillReader` opens the file (and parses
its index, which is large for an hour of video) once and seeks for each still. Frames are
decoded up to the wanted one but only that one is converted, scaled down in the same step."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import av
import cv2
import numpy as np
import numpy.typing as npt
from av.container import InputContainer
from av.video.frame import VideoFrame
from av.video.stream import VideoStream

from vsr.errors import VsrError

STILL_WIDTH = 480
FACE_LOOK_WIDTH = 2  # faces are looked for at twice the still's width (small ones too)
JPEG_QUALITY = 85
_ERRORS = (av.FFmpegError, OSError, ValueError)


def _rotate(image: npt.NDArray[np.uint8], degrees: int) -> npt.NDArray[np.uint8]:
    turns = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
             270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    code = turns.get(degrees % 360)
    return image if code is None else np.ascontiguousarray(cv2.rotate(image, code))


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

    def __enter__(self) -> StillReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._container is not None:
            self._container.close()
        self._container, self._stream = None, None

    def _open(self) -> VideoStream | None:
        if self._stream is None and not self._failed:
            try:
                self._container = av.open(self._path)
            except _ERRORS:
                self._failed = True
                return None
            if not self._container.streams.video:
                self._failed = True
                return None
            self._stream = self._container.streams.video[0]
            self._stream.thread_type = "AUTO"
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
            return None

    @staticmethod
    def _frame_at(container: InputContainer, stream: VideoStream,
                  at_ms: int) -> VideoFrame | None:
        container.seek(max(0, at_ms) * 1000, backward=True, any_frame=False)  # microseconds
        stream.codec_context.flush_buffers()  # no frame from before the seek comes out
        last: VideoFrame | None = None
        for frame in container.decode(stream):
            last = frame  # not converted: only the frame kept is
            if frame.time is not None and frame.time * 1000 >= at_ms - 1:
                break
        return last

    def _jpeg(self, frame: VideoFrame) -> bytes | None:
        upright_w = frame.height if self._rotation % 180 == 90 else frame.width
        wanted = self._width * (FACE_LOOK_WIDTH if self._blur_faces else 1)
        scale = min(1.0, wanted / upright_w)
        image = np.asarray(frame.reformat(
            width=max(2, round(frame.width * scale)), height=max(2, round(frame.height * scale)),
            format="bgr24", interpolation="AREA").to_ndarray(), dtype=np.uint8)
        image = _rotate(image, self._rotation)
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


def grab_still(path: Path | str, at_ms: int, *, rotation: int = 0,
               width: int = STILL_WIDTH, blur_faces: bool = False) -> bytes | None:
    """A JPEG of the first frame at or after `at_ms`, scaled to `width` pixels wide (faces
    blurred if asked). For many stills of one recording use a `StillReader`."""
    with StillReader(path, rotation=rotation, width=width, blur_faces=blur_faces) as reader:
        return reader.grab(at_ms)

"""A still picture from the recording at a moment, for the learning summary. Off by default:
faces are personal data. A recording that is missing or cannot be decoded gives no still."""

from __future__ import annotations

from pathlib import Path

import av
import cv2
import numpy as np
import numpy.typing as npt

STILL_WIDTH = 480
JPEG_QUALITY = 85


def _rotate(image: npt.NDArray[np.uint8], degrees: int) -> npt.NDArray[np.uint8]:
    turns = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
             270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    code = turns.get(degrees % 360)
    return image if code is None else np.ascontiguousarray(cv2.rotate(image, code))


def grab_still(path: Path | str, at_ms: int, *, rotation: int = 0,
               width: int = STILL_WIDTH) -> bytes | None:
    """A JPEG of the first frame at or after `at_ms`, scaled to `width` pixels wide."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            container.seek(max(0, at_ms) * 1000, backward=True, any_frame=False)  # microseconds
            image: npt.NDArray[np.uint8] | None = None
            for frame in container.decode(stream):
                image = np.asarray(frame.to_ndarray(format="bgr24"), dtype=np.uint8)
                if frame.time is not None and frame.time * 1000 >= at_ms - 1:
                    break
            if image is None:
                return None
    except (av.FFmpegError, OSError, ValueError):
        return None
    image = _rotate(image, rotation)
    h, w = image.shape[:2]
    if w > width:
        image = np.asarray(cv2.resize(image, (width, max(1, round(h * width / w))),
                                      interpolation=cv2.INTER_AREA), dtype=np.uint8)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    return bytes(data.tobytes()) if ok else None

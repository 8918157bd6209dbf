"""Encoding on a thread of its own, so that decoding the next pictures of a re-encoded piece
overlaps encoding the previous ones. PyAV lets go of the GIL inside the codecs, so the two
run on two cores: measured on a 720p clip head (50 pictures decoded, 37 encoded) the piece
took the encoding time instead of the sum of both."""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from av.packet import Packet
from av.video.frame import VideoFrame

# Decoded pictures waiting for the encoder; bounds memory when it falls behind (a 4K picture
# is 12 MB).
_WAITING = 8
_STOP = object()


class EncodeThread:
    """Runs `encode(frame)` for every frame `put`, in order, then `encode(None)` (the flush)
    at `finish`. Its packets are taken with `ready()` (what is done so far) and `finish()`."""

    def __init__(self, encode: Callable[[VideoFrame | None], Iterable[Packet[Any]]]) -> None:
        self._encode = encode
        self._frames: queue.Queue[object] = queue.Queue(_WAITING)
        self._done: deque[Packet[Any]] = deque()  # appended there, taken here: thread-safe
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="clip-encode", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while True:
                item = self._frames.get()
                if item is _STOP:
                    return
                frame = item if isinstance(item, VideoFrame) else None
                self._done.extend(self._encode(frame))
                if frame is None:
                    return
        except BaseException as exc:  # handed to the caller at the next put or take
            self._error = exc

    def put(self, frame: VideoFrame) -> None:
        self._check()
        while self._thread.is_alive():
            try:
                self._frames.put(frame, timeout=0.1)
                return
            except queue.Full:
                continue
        self._check()

    def ready(self) -> Iterator[Packet[Any]]:
        self._check()
        while self._done:
            yield self._done.popleft()

    def finish(self) -> Iterator[Packet[Any]]:
        """Flush the encoder; its remaining packets."""
        if self._thread.is_alive():
            self._frames.put(None)
            self._thread.join()
        self._check()
        yield from self.ready()

    def close(self) -> None:
        """Stop without flushing (the export failed or was cancelled)."""
        if self._thread.is_alive():
            while True:  # make room for the stop, however far behind the encoder is
                try:
                    self._frames.put_nowait(_STOP)
                    break
                except queue.Full:
                    try:
                        self._frames.get_nowait()
                    except queue.Empty:
                        pass
            self._thread.join()

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

"""Writing synthetic media with PyAV: one small writer for the demo recording and test clips.

The output goes to a temporary file next to the target and is renamed over it only when
complete, so a crash or a cancel never leaves a half-written recording under the real name.
Audio is fed along with the video (the caller keeps them in step) so the muxer does not have to
buffer minutes of one stream while it waits for the other.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import av
import numpy as np
import numpy.typing as npt
from av.audio.stream import AudioStream
from av.container import OutputContainer
from av.video.stream import VideoStream

from vsr.media.opener import open_output

AUDIO_FRAME_SAMPLES = 1024  # the AAC frame size; other encoders accept it too


@dataclass(frozen=True, slots=True)
class ContainerSpec:
    """Which muxer and encoders make a given kind of file."""

    format: str
    video_codec: str | None
    audio_codec: str
    options: dict[str, str] = field(default_factory=dict)


# "faststart" moves the MP4 index to the front: players and `probe` open it without seeking.
CONTAINERS: dict[str, ContainerSpec] = {
    "mp4": ContainerSpec("mp4", "libx264", "aac", {"movflags": "+faststart"}),
    "mov": ContainerSpec("mov", "libx264", "aac", {"movflags": "+faststart"}),
    "mkv": ContainerSpec("matroska", "libx264", "aac"),
    "webm": ContainerSpec("webm", "libvpx", "libopus"),
    "m4a": ContainerSpec("ipod", None, "aac", {"movflags": "+faststart"}),
    "wav": ContainerSpec("wav", None, "pcm_s16le"),
    "mp3": ContainerSpec("mp3", None, "libmp3lame"),
}

# x264 settings for speed: this runs on small machines while people wait for a demo.
# A keyframe every 2 s keeps seeking in the player quick.
X264_OPTIONS = {"preset": "veryfast", "crf": "23"}


@contextmanager
def atomic_output(out_path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `out_path`; rename it over `out_path` on success only."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.stem}.{uuid.uuid4().hex[:8]}.partial{out_path.suffix}")
    try:
        yield tmp
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)


class MediaWriter:
    """Encodes BGR frames and mono float audio (-1..1) into one file."""

    def __init__(
        self,
        path: Path,
        spec: ContainerSpec,
        *,
        size: tuple[int, int] | None,
        fps: int,
        sample_rate: int | None,
    ) -> None:
        self._container: OutputContainer = open_output(
            path, format=spec.format, options=dict(spec.options))
        self._video: VideoStream | None = None
        self._audio: AudioStream | None = None
        self._frame_index = 0
        self._sample_index = 0
        self._pending = np.zeros(0, dtype=np.float32)
        self.sample_rate = sample_rate or 0
        try:
            self._add_streams(spec, size, fps, sample_rate)
        except BaseException:
            self._container.close()
            raise

    def _add_streams(
        self, spec: ContainerSpec, size: tuple[int, int] | None, fps: int, sample_rate: int | None
    ) -> None:
        if size is not None and spec.video_codec is not None:
            options = dict(X264_OPTIONS, g=str(2 * fps)) if spec.video_codec == "libx264" else {}
            video = self._container.add_stream(spec.video_codec, rate=fps, options=options)
            assert isinstance(video, VideoStream)
            video.width, video.height = size
            video.pix_fmt = "yuv420p"
            self._video = video
        if sample_rate is not None:
            audio = self._container.add_stream(spec.audio_codec, rate=sample_rate, layout="mono")
            assert isinstance(audio, AudioStream)
            self._audio = audio

    def __enter__(self) -> MediaWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self._container.close()  # the temp file is discarded by `atomic_output`

    def write_video(self, bgr: npt.NDArray[np.uint8]) -> None:
        if self._video is None:
            return
        frame = av.VideoFrame.from_ndarray(bgr, format="bgr24")
        frame.pts = self._frame_index
        self._frame_index += 1
        for packet in self._video.encode(frame):
            self._container.mux(packet)

    def write_audio(self, samples: npt.NDArray[np.float32]) -> None:
        """Queue mono samples; whole encoder frames are encoded now, the rest on `close`."""
        if self._audio is None:
            return
        self._pending = np.concatenate([self._pending, samples.astype(np.float32)])
        while len(self._pending) >= AUDIO_FRAME_SAMPLES:
            self._encode_audio(self._pending[:AUDIO_FRAME_SAMPLES])
            self._pending = self._pending[AUDIO_FRAME_SAMPLES:]

    def _encode_audio(self, chunk: npt.NDArray[np.float32]) -> None:
        assert self._audio is not None
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="fltp", layout="mono")
        frame.sample_rate = self.sample_rate
        frame.pts = self._sample_index
        self._sample_index += len(chunk)
        for packet in self._audio.encode(frame):
            self._container.mux(packet)

    def close(self) -> None:
        if self._audio is not None and len(self._pending):
            self._encode_audio(self._pending)
            self._pending = np.zeros(0, dtype=np.float32)
        for stream in (self._video, self._audio):
            if stream is not None:
                for packet in stream.encode(None):
                    self._container.mux(packet)
        self._container.close()

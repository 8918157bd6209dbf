"""The audio of a clip: decoded and cut to the sample, then encoded as AAC.

Re-encoding audio is cheap and lets the clip's sound start exactly with its first picture,
where copying AAC packets could only cut at 1024-sample boundaries."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import av.error
import numpy as np
from av.audio.frame import AudioFrame
from av.audio.stream import AudioStream
from av.container import InputContainer, OutputContainer
from av.packet import Packet
from numpy.typing import NDArray

from vsr.clips.source import first_audio, seek_before
from vsr.media.resampling import Resampler

_AAC_RATES = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000, 88200, 96000}
_BITRATE_PER_CHANNEL = 96_000
# Decoders report frame times rounded to their time base; smaller jumps are not real gaps.
_SLACK = Fraction(2, 1000)


class AudioCut:
    """Adds an AAC stream to `output` and yields its packets for [start, end) of the source
    (absolute seconds), sample-accurate and padded with silence where the source has none."""

    def __init__(
        self, source: InputContainer, output: OutputContainer, start: Fraction, end: Fraction
    ) -> None:
        stream = first_audio(source)
        assert stream is not None
        self.source, self.stream = source, stream
        self.start, self.end = start, end
        self.rate = stream.rate if stream.rate in _AAC_RATES else 48000
        self.layout = "mono" if stream.channels == 1 else "stereo"
        self.channels = 1 if self.layout == "mono" else 2
        self.out: AudioStream = output.add_stream("aac", rate=self.rate)
        self.out.layout = self.layout
        self.out.bit_rate = _BITRATE_PER_CHANNEL * self.channels
        self.total = round((end - start) * self.rate)
        self._buffer: list[NDArray[np.float32]] = []
        self._buffered = 0
        self._written = 0  # samples placed on the clip's timeline so far
        self._emitted = 0  # samples handed to the encoder so far

    def packets(self) -> Iterator[Packet[Any]]:
        resampler = Resampler(format="fltp", layout=self.layout, rate=self.rate)
        slack = int(_SLACK * self.rate)
        seek_before(self.source, self.stream, self.start)
        for frame in self._frames():
            if self._written >= self.total:
                break
            chunks = resampler.resample(frame)
            if not chunks:
                continue
            data = np.concatenate([c.to_ndarray() for c in chunks], axis=1).astype(np.float32)
            if frame.pts is not None and frame.time_base is not None:
                position = round((frame.pts * frame.time_base - self.start) * self.rate)
                if self._written == 0 or abs(position - self._written) > slack:
                    if position > self._written:
                        self._place(np.zeros((self.channels, position - self._written), np.float32))
                    data = data[:, max(0, self._written - position) :]
            self._place(data)
            yield from self._encode_full_frames()
        if self._written < self.total:
            self._place(np.zeros((self.channels, self.total - self._written), np.float32))
        yield from self._encode_full_frames(final=True)

    def _frames(self) -> Iterator[AudioFrame]:
        for packet in self.source.demux(self.stream):
            try:
                frames = packet.decode()
            except av.error.InvalidDataError:
                continue  # one damaged packet: its gap is filled with silence
            for frame in frames:
                assert isinstance(frame, AudioFrame)
                yield frame
            if (
                packet.pts is not None
                and packet.time_base is not None
                and (packet.pts * packet.time_base > self.end + 1)
            ):
                break

    def _place(self, data: NDArray[np.float32]) -> None:
        data = data[:, : self.total - self._written]
        if data.shape[1]:
            self._buffer.append(data)
            self._buffered += data.shape[1]
            self._written += data.shape[1]

    def _encode_full_frames(self, final: bool = False) -> Iterator[Packet[Any]]:
        size = self.out.codec_context.frame_size or 1024
        if self._buffered < size and not final:
            return
        block = (
            np.concatenate(self._buffer, axis=1)
            if self._buffer
            else np.zeros((self.channels, 0), np.float32)
        )
        usable = block.shape[1] if final else block.shape[1] - block.shape[1] % size
        for begin in range(0, usable, size):
            yield from self._encode(np.ascontiguousarray(block[:, begin : begin + size]))
        rest = block[:, usable:]
        self._buffer = [rest] if rest.shape[1] else []
        self._buffered = rest.shape[1]
        if final:
            yield from self.out.encode(None)

    def _encode(self, samples: NDArray[np.float32]) -> Iterator[Packet[Any]]:
        frame = AudioFrame.from_ndarray(samples, format="fltp", layout=self.layout)
        frame.sample_rate = self.rate
        frame.pts = self._emitted
        frame.time_base = Fraction(1, self.rate)
        self._emitted += samples.shape[1]
        yield from self.out.encode(frame)

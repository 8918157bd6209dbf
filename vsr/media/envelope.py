"""The audio envelope drawn under the timeline: loudness (RMS) per time bucket, 0..1.

Only the audio stream is decoded; the demuxer discards the video packets unread. Loudness is
taken over all channels at the stream's own sample rate, with numpy on ~2 s batches of
samples gathered in an `av.AudioFifo` (no Python work per frame beyond handing it over).
Resampling to 8 kHz mono with `av.AudioResampler` first was measured to be the slow part (a
1-hour AAC track: 9.4 s with the resampler against 1.7 s for decoding alone), and loudness
needs no resampling. The result is cached per recording fingerprint, so a recording is
decoded once, not at every open.
"""

from __future__ import annotations

import math
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt
from av.audio.frame import AudioFrame
from av.stream import Discard

from vsr.app_dirs import create_private_file, private_dir
from vsr.errors import MediaError
from vsr.media.opener import open_media, reason_text
from vsr.media.probe import pick_audio_stream
from vsr.media.resampling import Resampler
from vsr.media.tasks import CancelFn, ProgressFn, ProgressThrottle, check_cancel
from vsr.model import MAX_RECORDING_MS

# The loudness that maps to 1.0: a high percentile rather than the maximum, so one cough or
# click does not flatten the rest of the conversation. Louder buckets are clipped to 1.0.
REFERENCE_PERCENTILE = 99.5
SILENCE_RMS = 1e-5  # below this the whole file counts as silent (all zeros)
_CANCEL_EVERY_PACKETS = 64
_BATCH_SECONDS = 2.0  # frames are gathered into batches this long for numpy


@dataclass(frozen=True, slots=True, eq=False)
class Envelope:
    """Loudness 0..1 per bucket: `peaks[i]` covers [i * bucket_ms, (i + 1) * bucket_ms)."""

    bucket_ms: int
    peaks: npt.NDArray[np.float32]

    @property
    def duration_ms(self) -> int:
        return len(self.peaks) * self.bucket_ms

    def is_empty(self) -> bool:
        return len(self.peaks) == 0


def empty_envelope(bucket_ms: int) -> Envelope:
    return Envelope(bucket_ms, np.zeros(0, dtype=np.float32))


def compute_envelope(
    path: str | Path,
    bucket_ms: int = 50,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Envelope:
    """Decode the audio of `path` into an RMS envelope, normalised to 0..1.

    Bucket 0 starts at the start of the recording (a player's time 0), so audio that starts
    later gets silent buckets first. Files without audio give an empty envelope. Raises
    `MediaError` for unusable files and `Cancelled` as soon as `cancel()` returns True.
    """
    if bucket_ms < 1:
        raise ValueError("bucket_ms must be at least 1")
    check_cancel(cancel)
    container = open_media(path)
    try:
        audio = pick_audio_stream(container)
        if audio is None:
            return empty_envelope(bucket_ms)
        for stream in container.streams:
            if stream.index != audio.index:
                stream.discard = Discard.all  # the demuxer skips their data, no decoding
        reader = _LoudnessReader(
            bucket_ms,
            start_s=(container.start_time or 0) / 1_000_000,
            duration_s=(container.duration or 0) / 1_000_000,
            report=ProgressThrottle(progress),
        )
        decode = audio.codec_context.decode
        packets = 0
        try:
            for packet in container.demux(audio):
                packets += 1
                if packets % _CANCEL_EVERY_PACKETS == 0:
                    check_cancel(cancel)
                try:
                    frames = decode(packet)
                except av.FFmpegError:
                    continue  # a damaged packet: skip it, as players do
                if frames:
                    reader.add(frames)
        except av.FFmpegError as exc:
            if reader.empty:
                raise MediaError(
                    "error.media.unreadable", path=str(path), reason=reason_text(exc)
                ) from None
            # Damaged data after a good start: keep the envelope of what could be read.
        check_cancel(cancel)
        peaks = reader.finish()
        reader.report(1.0)
        return Envelope(bucket_ms, _normalise(peaks))
    finally:
        container.close()


class _LoudnessReader:
    """Collects decoded frames in an `av.AudioFifo` and turns each ~2 s of it into power.

    An hour of AAC is about 170,000 frames, so the per-frame work must be tiny: a frame is
    only written into the FIFO (a copy in C), and numpy runs on whole batches read back from
    it as one frame. Wrapping each frame's planes in numpy (the previous way) cost as much
    as decoding itself, and even a method call or two per frame shows (an hour of AAC: 0.2 s
    on 1.5 s of decoding), so `add` takes a packet's frames and does only the write for a
    frame like the one before; the rest (the first frame, a change of rate or layout) is
    `_add_other`'s. Progress is counted in samples, not read from each frame's time.
    """

    def __init__(
        self, bucket_ms: int, start_s: float, duration_s: float, report: ProgressThrottle
    ) -> None:
        self._bucket_ms = bucket_ms
        self._start_s = start_s
        self.report = report
        self._rate = 0
        self._channels = 0  # of the frames in the FIFO
        self._batch = 0
        self._expected = 0.0  # samples the header's duration promises (for progress)
        self._counted = 0  # samples handed to the buckets so far (the lead included)
        self._duration_s = duration_s
        self._buckets: _BucketRms | None = None
        self._fifo = av.AudioFifo()
        self._resampler: Resampler | None = None

    @property
    def empty(self) -> bool:
        return self._buckets is None

    def add(self, frames: list[AudioFrame]) -> None:
        """The frames of one packet."""
        fifo, rate, channels = self._fifo, self._rate, self._channels
        for frame in frames:
            # PyAV's FIFO checks a frame's rate and sample format but not its number of
            # channels (mono written after stereo crashed the process): checked here.
            if frame.sample_rate != rate or frame.layout.nb_channels != channels:
                self._add_other(frame)  # also the first frame (the rate is 0 until then)
                fifo, rate, channels = self._fifo, self._rate, self._channels
                continue
            frame.pts = None  # the FIFO would insist on gapless time stamps; gaps not counted
            try:
                fifo.write(frame)
            except ValueError:  # the sample format changed mid-stream
                self._add_other(frame)
                fifo = self._fifo
        if fifo.samples >= self._batch:
            self._flush()

    def _add_other(self, frame: AudioFrame) -> None:
        """A frame unlike the one before: the first, another rate, layout or format."""
        if self._buckets is None:
            self._start(frame)
        if frame.sample_rate == self._rate:
            self._write(frame)
        else:  # rare: a rate change mid-stream
            for part in self._resampled(frame):
                self._write(part)

    def _resampled(self, frame: AudioFrame) -> list[AudioFrame]:
        """`frame` at the first frame's rate."""
        if self._resampler is None:
            self._resampler = Resampler(format="fltp", rate=self._rate)
        return self._resampler.resample(frame)

    def _start(self, frame: AudioFrame) -> None:
        self._rate = frame.sample_rate
        self._batch = int(_BATCH_SECONDS * self._rate)
        self._expected = self._duration_s * self._rate
        self._buckets = _BucketRms(self._rate * self._bucket_ms / 1000)
        if frame.time is not None:  # leading silence when the audio starts late
            lead = round(max(0.0, frame.time - self._start_s) * self._rate)
            self._buckets.add(np.zeros(lead, dtype=np.float32))
            self._counted = lead

    def _write(self, frame: AudioFrame) -> None:
        """Into the FIFO; a new one (after the old one is counted) for another number of
        channels or sample format."""
        frame.pts = None
        channels = frame.layout.nb_channels
        if channels != self._channels:
            self._flush()
            self._fifo, self._channels = av.AudioFifo(), channels
        try:
            self._fifo.write(frame)
        except ValueError:  # the sample format changed mid-stream
            self._flush()
            self._fifo = av.AudioFifo()
            self._fifo.write(frame)

    def _flush(self) -> None:
        if self._fifo.samples and self._buckets is not None:
            batch = self._fifo.read()
            if batch is not None:
                self._buckets.add(_power(batch))
                self._counted += batch.samples
                if self._expected > 0:
                    self.report(self._counted / self._expected)

    def finish(self) -> npt.NDArray[np.float32]:
        self._flush()
        return self._buckets.finish() if self._buckets is not None else np.zeros(0, np.float32)


# Sample formats by FFmpeg name (planar ones end in "p"): numpy type and full-scale value.
_SAMPLE_TYPES: dict[str, tuple[type[np.generic], float]] = {
    "u8": (np.uint8, 128.0),
    "s16": (np.int16, 32768.0),
    "s32": (np.int32, 2147483648.0),
    "s64": (np.int64, 9223372036854775808.0),
    "flt": (np.float32, 1.0),
    "dbl": (np.float64, 1.0),
}


def _power(frame: AudioFrame) -> npt.NDArray[np.float32]:
    """Per-sample power (mean square over the channels) of a batch of samples (one frame read
    from the FIFO), scaled to -1..1. One pass over float samples: this runs on an hour of
    audio, so every extra pass over the samples shows."""
    name = frame.format.name.removesuffix("p")
    if name not in _SAMPLE_TYPES:  # an exotic format: let PyAV convert it
        frame = av.AudioResampler(format="fltp").resample(frame)[0]
        name = "flt"
    dtype, full_scale = _SAMPLE_TYPES[name]
    channels = frame.layout.nb_channels
    count = frame.samples if frame.format.is_planar else frame.samples * channels
    planes = [np.frombuffer(memoryview(p), dtype=dtype, count=count) for p in frame.planes]
    if frame.format.is_planar:
        samples = np.stack(planes) if len(planes) > 1 else planes[0][np.newaxis]
    else:
        samples = planes[0].reshape(-1, channels).T
    if dtype is not np.float32:
        values = samples.astype(np.float32)
        if dtype is np.uint8:
            values -= full_scale
        samples = values / np.float32(full_scale)
    power: npt.NDArray[np.float32] = np.einsum("ij,ij->j", samples, samples)
    power *= np.float32(1 / channels)
    return power


class _BucketRms:
    """Turns a stream of per-sample power into one RMS value per bucket.

    Buckets may hold a fractional number of samples (33 ms at 44.1 kHz), so bucket k starts
    at sample round(k * size) and rounding errors never add up over an hour.
    """

    def __init__(self, samples_per_bucket: float) -> None:
        self._size = max(1.0, samples_per_bucket)
        self._next = 0  # index of the bucket that `_rest` starts
        self._rest = np.zeros(0, dtype=np.float32)
        self._done: list[npt.NDArray[np.float32]] = []

    def _start(self, bucket: int) -> int:
        return math.floor(bucket * self._size + 0.5)

    def add(self, power: npt.NDArray[np.float32]) -> None:
        block = np.concatenate([self._rest, power]) if len(self._rest) else power
        base = self._start(self._next)
        last = math.floor((base + len(block)) / self._size)
        while last > self._next and self._start(last) > base + len(block):
            last -= 1
        if last <= self._next:
            self._rest = block
            return
        bounds = (
            np.floor(np.arange(self._next, last + 1) * self._size + 0.5).astype(np.int64) - base
        )
        sums = np.add.reduceat(block[: bounds[-1]], bounds[:-1])
        self._done.append(np.sqrt(sums / np.diff(bounds)).astype(np.float32))
        self._rest = block[bounds[-1] :].copy()
        self._next = last

    def finish(self) -> npt.NDArray[np.float32]:
        if len(self._rest):
            self._done.append(np.sqrt(self._rest.mean(keepdims=True)).astype(np.float32))
            self._rest = np.zeros(0, dtype=np.float32)
        if not self._done:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate(self._done)


def _normalise(rms: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    if len(rms) == 0:
        return rms
    reference = float(np.percentile(rms, REFERENCE_PERCENTILE))
    if reference < SILENCE_RMS:
        reference = float(rms.max())
    if reference < SILENCE_RMS:
        return np.zeros_like(rms)
    normalised: npt.NDArray[np.float32] = np.clip(rms / reference, 0.0, 1.0).astype(np.float32)
    return normalised


def cache_file(cache_dir: Path, fingerprint: str, bucket_ms: int) -> Path:
    """Where the envelope of the recording with `fingerprint` is cached for `bucket_ms`."""
    safe = re.sub(r"[^A-Za-z0-9]+", "_", fingerprint)
    return Path(cache_dir) / f"envelope-{safe}-{bucket_ms}ms.npy"


def load_or_compute_envelope(
    path: str | Path,
    fingerprint: str,
    cache_dir: Path,
    bucket_ms: int = 50,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Envelope:
    """The cached envelope for `fingerprint`, else compute it from `path` and cache it.

    A damaged or unreadable cache file is recomputed; a cache that cannot be written (full or
    read-only disk) is skipped, because the envelope itself is still good.
    """
    target = cache_file(cache_dir, fingerprint, bucket_ms)
    cached = _load(target, bucket_ms)
    if cached is not None:
        if progress is not None:
            progress(1.0)
        return cached
    envelope = compute_envelope(path, bucket_ms, progress=progress, cancel=cancel)
    _save_atomically(target, envelope.peaks)
    return envelope


def _load(file: Path, bucket_ms: int) -> Envelope | None:
    """The cached peaks, or None (then they are computed and the file written again) when the
    file is not what this module writes: its header is read and checked against the file's
    size and the longest recording before any memory is taken, since a damaged header can ask
    for terabytes (np.load raised MemoryError, and the envelope was never rebuilt)."""
    try:
        with file.open("rb") as handle:
            version = np.lib.format.read_magic(handle)
            if version == (1, 0):
                shape, fortran, dtype = np.lib.format.read_array_header_1_0(handle)
            elif version == (2, 0):
                shape, fortran, dtype = np.lib.format.read_array_header_2_0(handle)
            else:
                return None
            count = shape[0] if len(shape) == 1 else -1
            limit = MAX_RECORDING_MS // max(1, bucket_ms) + 1
            if dtype != np.float32 or fortran or not 0 <= count <= limit \
                    or handle.tell() + count * 4 != os.fstat(handle.fileno()).st_size:
                return None
            peaks = np.fromfile(handle, dtype=np.float32, count=count)
    except (OSError, ValueError, EOFError, MemoryError):
        return None
    if len(peaks) != count or not np.all((peaks >= 0.0) & (peaks <= 1.0)):  # NaN fails too
        return None
    return Envelope(bucket_ms, peaks)


def _save_atomically(file: Path, peaks: npt.NDArray[np.float32]) -> None:
    tmp = file.with_name(f".{file.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        # The cache is the app's own and describes a client's recording: user only (0700/0600).
        private_dir(file.parent)
        create_private_file(tmp)
        with tmp.open("wb") as handle:
            np.save(handle, peaks, allow_pickle=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, file)
    except OSError:
        pass  # the cache is an optimisation only: a full or read-only disk must not stop it
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass

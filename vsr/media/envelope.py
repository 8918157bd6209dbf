"""The audio envelope drawn under the timeline: loudness (RMS) per time bucket, 0..1.

Only the audio stream is decoded; the demuxer discards the video packets unread. Loudness is
taken over all channels at the stream's own sample rate, with numpy on ~2 s batches of
samples gathered in an `av.AudioFifo` (no Python work per frame beyond handing it over).
Resampling to 8 kHz mono with `av.AudioResampler` first was measured to be the slow part (a
1-hour AAC track: 9.4 s with the resampler against 1.7 s for decoding alone), and loudness
needs no resampling. Sound of two minutes or more is decoded in two halves at once, on two
threads (`compute_envelope`). The result is cached per recording fingerprint, so a recording
is decoded once, not at every open.
"""

from __future__ import annotations

import math
import os
import re
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt
from av.audio.frame import AudioFrame
from av.audio.stream import AudioStream
from av.container import InputContainer
from av.stream import Discard, Stream

from vsr.app_dirs import create_private_file, private_dir
from vsr.errors import MediaError, VsrError
from vsr.media.opener import open_media, reason_text
from vsr.media.probe import pick_audio_stream
from vsr.media.tasks import CancelFn, ProgressFn, ProgressThrottle, check_cancel
from vsr.model import MAX_RECORDING_MS

# The loudness that maps to 1.0: a high percentile rather than the maximum, so one cough or
# click does not flatten the rest of the conversation. Louder buckets are clipped to 1.0.
REFERENCE_PERCENTILE = 99.5
SILENCE_RMS = 1e-5  # below this the whole file counts as silent (all zeros)
_CANCEL_EVERY_PACKETS = 64
_BATCH_SECONDS = 2.0  # frames are gathered into batches this long for numpy
SPLIT_FROM_S = 120.0  # sound this long is decoded in two halves at once (`_in_two`)
# Decoded before the second half's first sample and not counted: what a decoder carries
# from one frame to the next (the MDCT overlap, MP3's bit reservoir, SBR) is built up again.
_PREROLL_S = 1.0


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

    Sound of `SPLIT_FROM_S` or longer is decoded in two halves at once, the second on a thread
    of its own that reads the file from its middle (decoding lets go of the interpreter lock,
    so both cores work): the same buckets as one pass, in about half the time. When the second
    half cannot be placed exactly (a seek that lands late, times missing, the sample rate not
    the header's), the whole sound is decoded in one pass instead.
    """
    if bucket_ms < 1:
        raise ValueError("bucket_ms must be at least 1")
    check_cancel(cancel)
    container = open_media(path)
    try:
        audio = pick_audio_stream(container)
        if audio is None:
            return empty_envelope(bucket_ms)
        _only(container, audio)
        start_s = (container.start_time or 0) / 1_000_000
        duration_s = (container.duration or 0) / 1_000_000
        report = ProgressThrottle(progress)
        rate = audio.codec_context.sample_rate or 0
        peaks = None
        if duration_s >= SPLIT_FROM_S and rate > 0 and audio.time_base:
            peaks = _in_two(path, container, audio.index, rate, bucket_ms, start_s,
                            duration_s, report, cancel)
            if peaks is None:  # the first half was read from this file: read it anew
                index = audio.index
                container.close()
                container = open_media(path)
                audio = _audio_at(container, index)
                _only(container, audio)
        if peaks is None:
            reader = _LoudnessReader(bucket_ms, start_s, duration_s, report)
            _read(container, audio, reader, cancel, path)
            peaks = reader.finish()
        check_cancel(cancel)
        report(1.0)
        return Envelope(bucket_ms, _normalise(peaks))
    finally:
        container.close()


def _only(container: InputContainer, audio: Stream) -> None:
    for stream in container.streams:
        if stream.index != audio.index:
            stream.discard = Discard.all  # the demuxer skips their data, no decoding


def _audio_at(container: InputContainer, index: int) -> AudioStream:
    stream = container.streams[index]
    assert isinstance(stream, AudioStream)
    return stream


def _read(container: InputContainer, audio: AudioStream, reader: _LoudnessReader,
          cancel: CancelFn | None, path: str | Path) -> None:
    """Decode `audio` into `reader` until the file ends or the reader has its samples."""
    packets = 0
    try:
        for packet in container.demux(audio):
            packets += 1
            if packets % _CANCEL_EVERY_PACKETS == 0:
                check_cancel(cancel)
            try:
                frames = audio.codec_context.decode(packet)
            except av.FFmpegError:
                continue  # a damaged packet: skip it, as players do
            for frame in frames:
                reader.add(frame)
            if reader.full:
                break
    except av.FFmpegError as exc:
        if reader.empty:
            raise MediaError(
                "error.media.unreadable", path=str(path), reason=reason_text(exc)
            ) from None
        # Damaged data after a good start: keep the envelope of what could be read.


def _in_two(path: str | Path, container: InputContainer, index: int, rate: int,
            bucket_ms: int, start_s: float, duration_s: float, report: ProgressThrottle,
            cancel: CancelFn | None) -> npt.NDArray[np.float32] | None:
    """The buckets of the sound in two halves decoded at once: this thread reads the first
    half from `container`, a second thread the rest from a file of its own. None when the
    second half could not be placed (then one pass is needed)."""
    first_bucket = int(duration_s * 1000 / 2) // bucket_ms
    split = math.floor(first_bucket * rate * bucket_ms / 1000 + 0.5)  # bucket's first sample
    done = [0.0, 0.0]
    stop = threading.Event()
    lock = threading.Lock()  # the halves report from two threads

    def told(half: int) -> ProgressFn:
        def tell(fraction: float) -> None:
            with lock:
                done[half] = fraction
                report((done[0] + done[1]) / 2)
        return tell

    second: list[npt.NDArray[np.float32] | None] = [None]

    def work() -> None:
        try:
            second[0] = _second_half(path, index, rate, bucket_ms, start_s, first_bucket,
                                     split, told(1), stop)
        except (VsrError, av.FFmpegError, OSError, ValueError):  # Cancelled is a VsrError
            second[0] = None

    thread = threading.Thread(target=work, name="envelope-second-half", daemon=True)
    thread.start()
    try:
        reader = _LoudnessReader(bucket_ms, start_s, duration_s / 2, ProgressThrottle(told(0)),
                                 until=split)
        _read(container, _audio_at(container, index), reader, cancel, path)
        first = reader.finish()
    except BaseException:
        stop.set()  # cancelled or failed: the second half ends at its next packets
        raise
    finally:
        thread.join()
    rest = second[0]
    if rest is None or reader.rate != rate or len(first) != first_bucket:
        return None
    return np.concatenate([first, rest])


def _second_half(path: str | Path, index: int, rate: int, bucket_ms: int, start_s: float,
                 first_bucket: int, split: int, report: ProgressFn,
                 stop: threading.Event) -> npt.NDArray[np.float32] | None:
    """The buckets from `first_bucket` (its first sample: `split`) to the end, from a file of
    its own opened and sought to `_PREROLL_S` before them; None when it cannot be placed."""
    with open_media(path) as container:
        audio = _audio_at(container, index)
        _only(container, audio)
        base = audio.time_base
        if not base:
            return None
        at_s = start_s + split / rate - _PREROLL_S
        container.seek(max(0, math.floor(at_s / float(base))), stream=audio, backward=True)
        length = max(1.0, (container.duration or 0) / 1_000_000 - split / rate)
        reader = _LoudnessReader(bucket_ms, start_s, length, ProgressThrottle(report),
                                 since=split, first_bucket=first_bucket, offset=split / rate)
        _read(container, audio, reader, lambda: stop.is_set(), path)
        if not reader.placed or reader.rate != rate:
            return None
        return reader.finish()


class _LoudnessReader:
    """Collects decoded frames in an `av.AudioFifo` and turns each ~2 s of it into power.

    An hour of AAC is about 170,000 frames, so the per-frame work must be tiny: a frame is
    only written into the FIFO (a copy in C), and numpy runs on whole batches read back from
    it as one frame. Wrapping each frame's planes in numpy (the previous way) cost as much
    as decoding itself.

    Samples are numbered from the recording's start at the first frame's time (the leading
    silence before it counted), then one after the other, gaps in the times not counted, as
    players play them. A reader for a part of the sound counts only the samples from `since`
    (numbered by its first frame's time; `placed` is False when that frame starts after it)
    up to `until`, into buckets from `first_bucket` (which starts at sample `since`).
    """

    def __init__(
        self, bucket_ms: int, start_s: float, duration_s: float, report: ProgressThrottle,
        *, since: int = 0, until: int | None = None, first_bucket: int = 0, offset: float = 0.0
    ) -> None:
        self._bucket_ms = bucket_ms
        self._start_s = start_s
        self._duration_s = duration_s
        self._offset = offset  # progress counts from here (s after the start)
        self.report = report
        self._since, self._until, self._first_bucket = since, until, first_bucket
        self.rate = 0
        self._batch = 0
        self._number = 0  # the number of the next sample written into the FIFO
        self._flushed = 0  # the number of the first sample in the FIFO
        self.placed: bool | None = None if since else True  # a part: known at its first frame
        self._buckets: _BucketRms | None = None
        self._fifo = av.AudioFifo()
        self._resampler: av.AudioResampler | None = None

    @property
    def empty(self) -> bool:
        return self._buckets is None

    @property
    def full(self) -> bool:
        """Nothing more to read: the samples up to `until` are in, or a part not placed."""
        return self.placed is False or (self._until is not None and self._flushed >= self._until)

    def add(self, frame: AudioFrame) -> None:
        if self._buckets is None:
            if not self._start(frame):
                return
        time = frame.time  # before the FIFO takes the frame: writing clears its time
        if frame.sample_rate == self.rate:
            self._write(frame)
        else:  # rare: a rate change mid-stream
            if self._resampler is None:
                self._resampler = av.AudioResampler(format="fltp", rate=self.rate)
            for part in self._resampler.resample(frame):
                self._write(part)
        if self._fifo.samples >= self._batch or (
                self._until is not None and self._number >= self._until):
            self._flush()
            if self._duration_s > 0 and time is not None:
                self.report((time - self._start_s - self._offset) / self._duration_s)

    def _start(self, frame: AudioFrame) -> bool:
        """Take the first frame's rate and number; False for a part whose first frame has no
        time or starts after the part (it is not placed: nothing is read)."""
        if self._since and (frame.time is None
                            or round((frame.time - self._start_s) * frame.sample_rate)
                            > self._since):
            self.placed = False
            return False
        self.placed = True
        self.rate = frame.sample_rate
        self._batch = int(_BATCH_SECONDS * self.rate)
        self._buckets = _BucketRms(self.rate * self._bucket_ms / 1000, first=self._first_bucket)
        number = 0 if frame.time is None else round((frame.time - self._start_s) * self.rate)
        if self._since:
            self._number = self._flushed = number
        else:  # leading silence when the audio starts late
            self._number = self._flushed = max(0, number)
            self._count(np.zeros(self._number, dtype=np.float32), 0)
        return True

    def _write(self, frame: AudioFrame) -> None:
        frame.pts = None  # the FIFO would insist on gapless time stamps; gaps are not counted
        try:
            self._fifo.write(frame)
        except ValueError:  # channel layout or sample format changed mid-stream
            self._flush()
            self._fifo = av.AudioFifo()
            self._fifo.write(frame)
        self._number += frame.samples

    def _flush(self) -> None:
        if self._fifo.samples and self._buckets is not None:
            batch = self._fifo.read()
            if batch is not None:
                self._count(_power(batch), self._flushed)
                self._flushed += batch.samples

    def _count(self, power: npt.NDArray[np.float32], first: int) -> None:
        """Into the buckets: the samples of `power` (numbered from `first`) that are this
        reader's."""
        assert self._buckets is not None
        lo = max(0, self._since - first)
        hi = len(power) if self._until is None else min(len(power), self._until - first)
        if hi > lo:
            self._buckets.add(power[lo:hi] if lo or hi < len(power) else power)

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

    def __init__(self, samples_per_bucket: float, first: int = 0) -> None:
        self._size = max(1.0, samples_per_bucket)
        self._next = first  # index of the bucket that `_rest` starts
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

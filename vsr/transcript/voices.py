"""Who spoke each segment: two voices. A stereo recording with one microphone per person is
told apart by which channel is louder; otherwise the voices are clustered (k-means, 2 clusters)
on each segment's spectrum shape (the mean log energy in bands of the voice range, a rough MFCC
without the cosine transform) and its pitch (the median of the voiced frames, in semitones).
Speaker 0 is the voice heard first. Users correct it
(vsr.transcript.store.swap_speakers / set_segment_speaker): this is a guess, and says so.

A segment's features are [rms of each channel..., BANDS band energies, pitch]."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

BANDS = 20
PITCH = 1  # the one pitch value after the bands
_FRAME = 512
# Pitch: frames of 40 ms every 20 ms, voices between 60 and 400 Hz; a frame is voiced when its
# normalised autocorrelation peaks above 0.6 in that range.
_PITCH_FRAME = 640
_PITCH_HOP = 320
_PITCH_LOW_HZ = 60.0
_PITCH_HIGH_HZ = 400.0
_VOICED = 0.6
_OCTAVE_GUARD = 0.85
# In the clustering (after each feature is scaled to unit spread) the pitch counts this many
# times one band: as much as half the spectrum shape (sqrt(BANDS / 2)). Pitch is what tells
# most pairs of voices apart (a man and a woman, an adult and a child), but it moves with the
# intonation, so the spectrum shape keeps a say. Measured in docs/transcript.md.
_PITCH_WEIGHT = (BANDS / 2) ** 0.5
# Stereo counts as "one microphone per person" when, over the segments, the louder channel
# differs by at least this factor (6 dB) on average: a plain stereo mix is nearly equal.
_CHANNEL_RATIO = 2.0


def decode_channels(media: str, rate: int) -> np.ndarray:
    """The audio of `media` as float32 samples per channel (at most 2), at `rate` Hz."""
    import av

    from vsr.media.opener import open_media

    with open_media(media) as container:
        if not container.streams.audio:
            return np.zeros((1, 0), dtype=np.float32)
        stream = container.streams.audio[0]
        layout = "stereo" if (stream.channels or 1) >= 2 else "mono"
        resampler = av.AudioResampler(format="fltp", layout=layout, rate=rate)
        chunks: list[np.ndarray] = []
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray())
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray())
    if not chunks:
        return np.zeros((1, 0), dtype=np.float32)
    return np.concatenate(chunks, axis=1).astype(np.float32)


def segment_features(channels: np.ndarray, rate: int, start_ms: int, end_ms: int) -> list[float]:
    """[rms of each channel..., band log energies..., pitch] of one segment."""
    a, b = int(start_ms * rate / 1000), int(end_ms * rate / 1000)
    part = channels[:, a:max(a + 1, b)]
    rms = [float(np.sqrt(np.mean(np.square(ch)))) if ch.size else 0.0 for ch in part]
    mono = part.mean(axis=0)
    bands = band_frames(mono, rate).mean(axis=0)
    # loudness removed: the spectrum's shape remains
    return rms + [float(x) for x in bands - bands.mean()] + [pitch_semitones(mono, rate)]


def band_frames(mono: np.ndarray, rate: int) -> np.ndarray:
    """The log energy in each of the BANDS bands of the voice range, per frame of `_FRAME`
    samples (at least one frame: a short sound is padded with silence)."""
    if mono.size < _FRAME:
        mono = np.pad(mono, (0, _FRAME - mono.size))
    frames = mono[: mono.size // _FRAME * _FRAME].reshape(-1, _FRAME)
    spectrum = np.abs(np.fft.rfft(frames * np.hanning(_FRAME), axis=1)) ** 2
    freqs = np.fft.rfftfreq(_FRAME, 1 / rate)
    edges = np.geomspace(80, min(7600, rate / 2 - 1), BANDS + 1)
    out = np.empty((len(frames), BANDS))
    for n, (lo, hi) in enumerate(zip(edges[:-1], edges[1:], strict=True)):
        mask = (freqs >= lo) & (freqs < hi)
        energy = spectrum[:, mask].sum(axis=1) if mask.any() else np.zeros(len(frames))
        out[:, n] = np.log(energy + 1e-9)
    return out


def channel_count(features: Sequence[float]) -> int:
    """How many channels' loudness a segment's features (from `segment_features`) start with."""
    return max(0, len(features) - BANDS - PITCH)


def pitch_semitones(mono: np.ndarray, rate: int) -> float:
    """The median pitch of the voiced frames of `mono`, in semitones above 100 Hz; NaN when no
    frame is voiced (a whisper, a cough, silence)."""
    pitches = pitch_frames(mono, rate)
    voiced = pitches[np.isfinite(pitches)]
    return float(np.median(voiced)) if voiced.size else float("nan")


def pitch_frames(mono: np.ndarray, rate: int) -> np.ndarray:
    """The pitch of each frame of `mono` (40 ms every 20 ms) in semitones above 100 Hz; NaN for
    a frame that is not voiced or is much quieter than the sound's middle."""
    frame, hop = _PITCH_FRAME * rate // 16000, _PITCH_HOP * rate // 16000
    if mono.size < frame:
        return np.zeros(0)
    count = 1 + (mono.size - frame) // hop
    frames = mono[np.arange(frame)[None, :] + hop * np.arange(count)[:, None]]
    frames = frames - frames.mean(axis=1, keepdims=True)
    energy = np.sum(frames * frames, axis=1)
    out = np.full(count, np.nan)
    if not np.any(energy > 0):
        return out
    window = np.hanning(frame)
    loud = energy > 0.1 * np.median(energy[energy > 0])
    frames = frames[loud] * window
    # autocorrelation by FFT, normalised by lag 0 and by the window's own autocorrelation
    auto = np.fft.irfft(np.abs(np.fft.rfft(frames, 2 * frame, axis=1)) ** 2, axis=1)[:, :frame]
    own = np.fft.irfft(np.abs(np.fft.rfft(window, 2 * frame)) ** 2)[:frame]
    auto = auto / np.maximum(auto[:, :1], 1e-12) / np.maximum(own / own[0], 1e-3)
    low, high = int(rate / _PITCH_HIGH_HZ), int(rate / _PITCH_LOW_HZ)
    search = auto[:, low:high]
    # the shortest lag that comes near the best peak (a period's multiples peak as high: the
    # longest would give an octave too low), then the top of that peak
    near = search >= _OCTAVE_GUARD * search.max(axis=1, keepdims=True)
    first = np.argmax(near, axis=1)
    reach = np.arange(search.shape[1])[None, :]
    in_peak = (reach >= first[:, None]) & (reach <= first[:, None] + (first[:, None] + low) // 4)
    lag = low + np.argmax(np.where(in_peak, search, -np.inf), axis=1)
    voiced = auto[np.arange(len(auto)), lag] > _VOICED
    semitones = 12 * np.log2(rate / lag / 100.0)
    out[np.flatnonzero(loud)] = np.where(voiced, semitones, np.nan)
    return out


def assign_speakers(features: Sequence[Sequence[float]], n_channels: int) -> list[int]:
    """Speaker 0 or 1 for each segment's features (from `segment_features`)."""
    if not features:
        return []
    rms = np.array([f[:n_channels] for f in features], dtype=np.float64)
    if n_channels == 2:
        left, right = rms[:, 0] + 1e-9, rms[:, 1] + 1e-9
        ratio = np.maximum(left / right, right / left)
        if float(np.median(ratio)) >= _CHANNEL_RATIO:
            labels = [0 if l_ >= r_ else 1 for l_, r_ in zip(left, right, strict=True)]
            return _first_is_zero(labels)
    if len(features) < 2:
        return [0] * len(features)
    data = np.array([f[n_channels:] for f in features], dtype=np.float64)
    weights = np.ones(data.shape[1])
    if data.shape[1] == BANDS + PITCH:
        pitch = data[:, BANDS]
        known = np.isfinite(pitch)
        # a segment without a voiced frame sits at the middle: the spectrum decides for it
        data[:, BANDS] = np.where(known, pitch, np.median(pitch[known]) if known.any() else 0.0)
        weights[BANDS] = _PITCH_WEIGHT
    return _first_is_zero(_kmeans_two(data, weights))


def _kmeans_two(data: np.ndarray, weights: np.ndarray) -> list[int]:
    import cv2

    spread = data.std(axis=0)
    data = (data - data.mean(axis=0)) / np.where(spread > 1e-6, spread, 1.0) * weights
    data = data.astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 100, 1e-4)
    cv2.setRNGSeed(7)  # the same recording gets the same answer every run
    _c, labels, _centres = cv2.kmeans(data, 2, None, criteria, 8, cv2.KMEANS_PP_CENTERS)
    return [int(x) for x in labels.ravel()]


def _first_is_zero(labels: list[int]) -> list[int]:
    if labels and labels[0] == 1:
        return [1 - x for x in labels]
    return labels

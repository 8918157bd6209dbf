"""Who spoke each segment: two voices. A stereo recording with one microphone per person is
told apart by which channel is louder; otherwise the voices are clustered (k-means, 2 clusters)
on each segment's spectrum: the mean log energy in bands of the voice range, a rough MFCC
without the cosine transform. Speaker 0 is the voice heard first. Users correct it
(vsr.transcript.store.swap_speakers / set_segment_speaker): this is a guess, and says so."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

BANDS = 20
_FRAME = 512
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
    """[rms of each channel..., band log energies...] of one segment."""
    a, b = int(start_ms * rate / 1000), int(end_ms * rate / 1000)
    part = channels[:, a:max(a + 1, b)]
    rms = [float(np.sqrt(np.mean(np.square(ch)))) if ch.size else 0.0 for ch in part]
    mono = part.mean(axis=0)
    if mono.size < _FRAME:
        mono = np.pad(mono, (0, _FRAME - mono.size))
    frames = mono[: mono.size // _FRAME * _FRAME].reshape(-1, _FRAME)
    spectrum = np.abs(np.fft.rfft(frames * np.hanning(_FRAME), axis=1)) ** 2
    freqs = np.fft.rfftfreq(_FRAME, 1 / rate)
    edges = np.geomspace(80, min(7600, rate / 2 - 1), BANDS + 1)
    bands = []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        mask = (freqs >= lo) & (freqs < hi)
        energy = spectrum[:, mask].sum(axis=1) if mask.any() else np.zeros(len(frames))
        bands.append(float(np.mean(np.log(energy + 1e-9))))
    level = float(np.mean(bands))
    return rms + [x - level for x in bands]  # loudness removed: the spectrum's shape remains


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
    return _first_is_zero(_kmeans_two(np.array([f[n_channels:] for f in features])))


def _kmeans_two(data: np.ndarray) -> list[int]:
    import cv2

    data = data.astype(np.float32)
    spread = data.std(axis=0)
    data = (data - data.mean(axis=0)) / np.where(spread > 1e-6, spread, 1.0)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 100, 1e-4)
    cv2.setRNGSeed(7)  # the same recording gets the same answer every run
    _c, labels, _centres = cv2.kmeans(data, 2, None, criteria, 8, cv2.KMEANS_PP_CENTERS)
    return [int(x) for x in labels.ravel()]


def _first_is_zero(labels: list[int]) -> list[int]:
    if labels and labels[0] == 1:
        return [1 - x for x in labels]
    return labels

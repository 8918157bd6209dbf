"""Who spoke each segment: two voices. A stereo recording with one microphone per person is
told apart by which channel is louder; otherwise the voices are clustered (k-means, 2 clusters)
on each segment's spectrum shape (the mean log energy in bands of the voice range, a rough MFCC
without the cosine transform) and its pitch (the median of the voiced frames, in semitones).
Speaker 0 is the voice heard first. Users correct it
(vsr.transcript.store.swap_speakers / set_segment_speaker): this is a guess, and says so.

Before the guess the child makes Whisper's segments into speaking turns (`voice_pieces`): a
segment is split where the voice changes between two of its words, and each piece lasts until
its sound ends (Whisper's last word time is often 0.3-1 s early). What counts as speaking is
what can be heard: from the first word to where the sound falls below -40 dB of the piece's
loudest sample, pauses inside a piece included; the benchmark's reference counts the same.

A segment's features are [rms of each channel..., BANDS band energies, pitch]."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
# Where speaking ends: Whisper ends a segment on its last word's time, which is often 0.3-1 s
# before the voice falls silent (docs/transcript.md). A segment lasts on while the sound stays
# above -40 dB of the segment's loudest sample (the measure's definition of what can be
# heard) and above twice the recording's noise floor, until a quiet of _QUIET_MS, never into
# the next segment and at most _REACH_MS further.
_PEAK_MS = 10
_AUDIBLE = 0.01
_FLOOR_FACTOR = 2.0
_FLOOR_PERCENTILE = 5
_QUIET_MS = 150
_REACH_MS = 2000
# A segment is split where the voice changes inside it (between two words) only into pieces
# of at least this length: shorter pieces are too short to tell voices apart reliably, and
# noise or one odd word should not split a sentence.
MIN_PIECE_MS = 1000
# ... and only when each piece lies nearer the other voice's centre by at least this share of
# the distance between the two centres.
_SPLIT_MARGIN = 0.25

Piece = dict[str, Any]  # a segment as the child gives it: start_ms, end_ms, text, words


def decode_channels(media: str, rate: int) -> np.ndarray:
    """The audio of `media` as float32 samples per channel (at most 2), at `rate` Hz."""
    import av

    from vsr.media.opener import open_media
    from vsr.media.resampling import Resampler

    with open_media(media) as container:
        if not container.streams.audio:
            return np.zeros((1, 0), dtype=np.float32)
        stream = container.streams.audio[0]
        layout = "stereo" if (stream.channels or 1) >= 2 else "mono"
        resampler = Resampler(format="fltp", layout=layout, rate=rate)
        chunks: list[np.ndarray] = []
        for packet in container.demux(stream):
            try:
                frames = packet.decode()
            except av.error.InvalidDataError:
                continue  # one damaged packet (where pieces were joined): skipped, as players do
            for frame in frames:
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


def voice_pieces(channels: np.ndarray, rate: int, segments: list[Piece]) -> list[Piece]:
    """Whisper's segments made ready for the voice guess and talk time: split where the voice
    changes inside one (`split_at_voice_changes`), each piece's end moved to where its sound
    ends (`sound_end_ms`), and each with its `features` (`segment_features` of the piece as
    Whisper timed it, without the tail: the tail is mostly echo and breath)."""
    segments = sorted(segments, key=lambda s: (int(s["start_ms"]), int(s["end_ms"])))
    features = [segment_features(channels, rate, int(s["start_ms"]), int(s["end_ms"]))
                for s in segments]
    model = fit_voices(features, channels.shape[0])
    known = {id(s): f for s, f in zip(segments, features, strict=True)}
    pieces = split_at_voice_changes(channels, rate, segments, model)
    mono = channels.mean(axis=0)
    peaks = frame_peaks(mono, rate)
    floor = noise_floor(peaks)
    total_ms = mono.size * 1000 // rate
    out: list[Piece] = []
    for n, piece in enumerate(pieces):
        start, end = int(piece["start_ms"]), int(piece["end_ms"])
        limit = int(pieces[n + 1]["start_ms"]) if n + 1 < len(pieces) else total_ms
        feats = known.get(id(piece)) or segment_features(channels, rate, start, end)
        out.append(dict(piece, end_ms=sound_end_ms(peaks, floor, start, end, limit),
                        features=feats))
    return out


def frame_peaks(mono: np.ndarray, rate: int) -> np.ndarray:
    """The largest absolute sample of each 10 ms of `mono`."""
    size = rate * _PEAK_MS // 1000
    count = mono.size // size
    if count == 0:
        return np.zeros(0, dtype=np.float32)
    peaks: np.ndarray = np.abs(mono[: count * size]).reshape(count, size).max(axis=1)
    return peaks


def noise_floor(peaks: np.ndarray) -> float:
    """The recording's background level: the 5th percentile of its 10 ms peaks (a conversation
    has pauses; a quieter share of the time would be speech)."""
    return float(np.percentile(peaks, _FLOOR_PERCENTILE)) if peaks.size else 0.0


def sound_end_ms(peaks: np.ndarray, floor: float, start_ms: int, end_ms: int,
                 limit_ms: int) -> int:
    """Where the sound of a segment (`start_ms`-`end_ms`) ends: `end_ms`, or later while the
    sound stays audible (above -40 dB of the segment's loudest sample and above twice the
    noise floor `floor`), until a quiet of 150 ms, at most 2 s later and never past `limit_ms`
    (the next segment's start). `peaks` from `frame_peaks`."""
    a, b = start_ms // _PEAK_MS, end_ms // _PEAK_MS
    if b <= a or a >= peaks.size:
        return end_ms
    threshold = max(_AUDIBLE * float(peaks[a:b].max()), _FLOOR_FACTOR * floor)
    limit = min(peaks.size, limit_ms // _PEAK_MS, b + _REACH_MS // _PEAK_MS)
    end, quiet = b, 0
    for n in range(b, limit):
        if peaks[n] > threshold:
            end, quiet = n + 1, 0
        else:
            quiet += 1
            if quiet * _PEAK_MS >= _QUIET_MS:
                break
    return max(end_ms, min(end * _PEAK_MS, limit_ms))


class VoiceModel:
    """The two voices of a recording as the centres of the clustering on the segments'
    spectrum shape and pitch: tells which voice a stretch of sound is nearer to."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, pitch_fill: float,
                 centres: np.ndarray) -> None:
        self.mean, self.scale, self.pitch_fill, self.centres = mean, scale, pitch_fill, centres
        self.apart = float(np.linalg.norm(centres[0] - centres[1]))

    def distances(self, shape_and_pitch: np.ndarray) -> np.ndarray:
        """The distance of one [bands..., pitch] vector to each voice's centre."""
        x = np.array(shape_and_pitch, dtype=np.float64)
        if not np.isfinite(x[-1]):
            x[-1] = self.pitch_fill
        x = (x - self.mean) * self.scale
        distances: np.ndarray = np.linalg.norm(self.centres - x[None, :], axis=1)
        return distances


def fit_voices(features: Sequence[Sequence[float]], n_channels: int) -> VoiceModel | None:
    """The two voices of the segments' features (from `segment_features`), or None when they
    are too few to tell two voices."""
    if len(features) < 2:
        return None
    data = np.array([f[n_channels:] for f in features], dtype=np.float64)
    if data.shape[1] != BANDS + PITCH:
        return None
    data, weights, pitch_fill = _prepared(data)
    labels, mean, scale = _kmeans_two(data, weights)
    arr = np.array(labels)
    if arr.min() == arr.max():
        return None
    scaled = (data - mean) * scale
    centres = np.stack([scaled[arr == k].mean(axis=0) for k in (0, 1)])
    return VoiceModel(mean, scale, pitch_fill, centres)


def split_at_voice_changes(channels: np.ndarray, rate: int, segments: list[Piece],
                           model: VoiceModel | None) -> list[Piece]:
    """The segments, each split where its voice changes between two words: the piece before
    and the piece after lie each nearer another voice of `model`, each at least MIN_PIECE_MS
    long. A split piece is split again where it changes again. Segments without word times,
    or too short for two pieces, stay whole."""
    if model is None:
        return list(segments)
    out: list[Piece] = []
    mono = channels.mean(axis=0)
    for seg in segments:
        out += _split(mono, rate, seg, model)
    return out


def _split(mono: np.ndarray, rate: int, seg: Piece, model: VoiceModel) -> list[Piece]:
    words = seg["words"]
    start, end = int(seg["start_ms"]), int(seg["end_ms"])
    if len(words) < 2 or end - start < 2 * MIN_PIECE_MS:
        return [seg]
    part = mono[int(start * rate / 1000):int(end * rate / 1000)]
    bands = band_frames(part, rate)
    pitches = pitch_frames(part, rate)
    band_ms = _FRAME * 1000 / rate
    pitch_ms = _PITCH_HOP * 1000 / 16000

    def vector(a_ms: int, b_ms: int) -> np.ndarray:
        lo = int((a_ms - start) / band_ms)
        hi = max(lo + 1, int((b_ms - start) / band_ms))
        shape = bands[lo:hi].mean(axis=0)
        shape = shape - shape.mean()
        p = pitches[int((a_ms - start) / pitch_ms):max(0, int((b_ms - start) / pitch_ms) - 1)]
        p = p[np.isfinite(p)]
        return np.append(shape, float(np.median(p)) if p.size else np.nan)

    best: tuple[float, int] | None = None
    for k in range(1, len(words)):
        left_end, right_start = int(words[k - 1]["end_ms"]), int(words[k]["start_ms"])
        if left_end - start < MIN_PIECE_MS or end - right_start < MIN_PIECE_MS:
            continue
        d_left = model.distances(vector(start, left_end))
        d_right = model.distances(vector(right_start, end))
        v_left, v_right = int(np.argmin(d_left)), int(np.argmin(d_right))
        if v_left == v_right:
            continue
        margin = min(d_left[v_right] - d_left[v_left], d_right[v_left] - d_right[v_right])
        if margin >= _SPLIT_MARGIN * model.apart and (best is None or margin > best[0]):
            best = (margin, k)
    if best is None:
        return [seg]
    k = best[1]
    first, second = words[:k], words[k:]
    pieces = [{"start_ms": start, "end_ms": int(first[-1]["end_ms"]), "words": first},
              {"start_ms": int(second[0]["start_ms"]), "end_ms": end, "words": second}]
    out: list[Piece] = []
    for piece in pieces:
        piece["text"] = " ".join(str(w["text"]) for w in piece["words"])
        out += _split(mono, rate, piece, model)
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
    data, weights, _fill = _prepared(data)
    return _first_is_zero(_kmeans_two(data, weights)[0])


def _prepared(data: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """The features with a missing pitch filled in (a segment without a voiced frame sits at
    the middle: the spectrum decides for it), their weights, and the pitch filled in."""
    weights = np.ones(data.shape[1])
    fill = 0.0
    if data.shape[1] == BANDS + PITCH:
        pitch = data[:, BANDS]
        known = np.isfinite(pitch)
        fill = float(np.median(pitch[known])) if known.any() else 0.0
        data[:, BANDS] = np.where(known, pitch, fill)
        weights[BANDS] = _PITCH_WEIGHT
    return data, weights, fill


def _kmeans_two(data: np.ndarray, weights: np.ndarray
                ) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Two clusters of `data`, each feature scaled to unit spread and weighted: the labels, and
    the mean and scale that were applied."""
    import cv2

    spread = data.std(axis=0)
    mean = data.mean(axis=0)
    scale = weights / np.where(spread > 1e-6, spread, 1.0)
    scaled = ((data - mean) * scale).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 100, 1e-4)
    cv2.setRNGSeed(7)  # the same recording gets the same answer every run
    _c, labels, _centres = cv2.kmeans(scaled, 2, None, criteria, 8, cv2.KMEANS_PP_CENTERS)
    return [int(x) for x in labels.ravel()], mean, scale


def _first_is_zero(labels: list[int]) -> list[int]:
    if labels and labels[0] == 1:
        return [1 - x for x in labels]
    return labels

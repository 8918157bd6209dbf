"""Sound whose rate, layout or channels change on the way (MP3 pieces joined end to end, as a
recorder that restarts writes them, with a damaged frame where they meet): the sound band,
the transcript's voices and a clip's sound take every piece. PyAV's FIFO took mono after
stereo without a word and crashed the process; its resampler refused a frame of another rate
and passed another layout through unconverted (`vsr.media.resampling.Resampler`). Where
pieces meet, two sound packets can have one time: a clip copying them failed with "Invalid
argument" from the MP4 muxer (`vsr.clips.cut._InOrder`)."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from vsr.media.envelope import compute_envelope
from vsr.media.resampling import Resampler

PIECE_S = 3.0


def _mp3_tone(path: Path, rate: int, layout: str, amplitude: float) -> bytes:
    channels = 1 if layout == "mono" else 2
    t = np.arange(round(PIECE_S * rate)) / rate
    tone = (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    with av.open(str(path), "w", format="mp3") as out:
        stream = out.add_stream("libmp3lame", rate=rate)
        stream.layout = layout
        for start in range(0, len(tone), 1152):
            part = np.ascontiguousarray(np.tile(tone[start:start + 1152], (channels, 1)))
            frame = av.AudioFrame.from_ndarray(part, format="fltp", layout=layout)
            frame.sample_rate, frame.pts = rate, start
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path.read_bytes()


@pytest.fixture(scope="module")
def joined(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Loud mono at 44.1 kHz, quiet stereo at 48 kHz, loud mono at 44.1 kHz: 9 s."""
    folder = tmp_path_factory.mktemp("joined")
    loud = _mp3_tone(folder / "a.mp3", 44_100, "mono", 0.8)
    quiet = _mp3_tone(folder / "b.mp3", 48_000, "stereo", 0.2)
    path = folder / "samengevoegd.mp3"
    path.write_bytes(loud + quiet + loud)
    return path


def test_the_sound_band_counts_every_piece(joined: Path) -> None:
    peaks = compute_envelope(joined, bucket_ms=100).peaks
    assert 85 <= len(peaks) <= 95  # about 9 s, none of it lost or counted twice
    assert np.all(peaks[3:27] > 0.9)  # loud
    assert np.all((peaks[33:57] > 0.15) & (peaks[33:57] < 0.4))  # a quarter as loud
    assert np.all(peaks[63:85] > 0.9)


def test_the_transcripts_voices_read_every_piece(joined: Path) -> None:
    from vsr.transcript.voices import decode_channels

    sound = decode_channels(str(joined), 16_000)
    assert sound.shape[0] == 1  # the first piece is mono: all of it is
    assert 8.5 <= sound.shape[1] / 16_000 <= 9.5
    second = sound[0, round(3.5 * 16_000):round(5.5 * 16_000)]
    first = sound[0, round(0.5 * 16_000):round(2.5 * 16_000)]
    assert 0.15 < float(np.abs(second).max()) / float(np.abs(first).max()) < 0.4


def test_a_clip_across_the_pieces_has_their_sound(joined: Path, tmp_path: Path) -> None:
    from vsr.clips import export_clip

    result = export_clip(joined, 1_000, 8_000, tmp_path / "fragment.m4a")
    assert result.has_audio
    with av.open(str(result.path)) as clip:
        stream = clip.streams.audio[0]
        assert stream.channels == 1
        samples = np.concatenate([f.to_ndarray() for f in clip.decode(stream)], axis=1)[0]
    rate = stream.rate
    assert 6.8 <= len(samples) / rate <= 7.3
    quiet = samples[round(3 * rate):round(4 * rate)]  # 4-5 s of the recording
    loud = samples[round(0.3 * rate):round(1.5 * rate)]
    assert 0.15 < float(np.abs(quiet).max()) / float(np.abs(loud).max()) < 0.4


@pytest.mark.parametrize("layout", ["mono", "stereo"])
def test_the_resampler_converts_what_follows_a_change(layout: str) -> None:
    resampler = Resampler(format="fltp", layout=layout, rate=16_000)
    made = []
    for rate, channels in ((16_000, 1), (48_000, 2), (16_000, 1), (44_100, 1)):
        frame = av.AudioFrame.from_ndarray(
            np.full((channels, rate // 10), 0.5, np.float32), format="fltp",
            layout="mono" if channels == 1 else "stereo")
        frame.sample_rate = rate
        made += resampler.resample(frame)
    made += resampler.resample(None)
    assert {(f.sample_rate, f.layout.nb_channels, f.format.name) for f in made} == {
        (16_000, 1 if layout == "mono" else 2, "fltp")}
    assert abs(sum(f.samples for f in made) - 4 * 1_600) <= 64  # 0.4 s, none lost


def _with_a_repeated_sound_time(path: Path, seconds: float = 4.0) -> Path:
    """H.264 and AAC in Matroska where one sound packet has the time of the one before, as
    where two pieces of a recording were joined."""
    rate = 48_000
    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=25)
        video.width, video.height, video.pix_fmt = 320, 240, "yuv420p"
        video.options = {"preset": "ultrafast", "g": "25"}
        sound = out.add_stream("aac", rate=rate)
        sound.layout = "mono"
        t = np.arange(round(seconds * rate)) / rate
        tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)[np.newaxis]
        audio_packets = []
        for start in range(0, tone.shape[1], 1024):
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(tone[:, start:start + 1024]),
                                               format="fltp", layout="mono")
            frame.sample_rate, frame.pts = rate, start
            audio_packets += sound.encode(frame)
        audio_packets += sound.encode(None)
        middle = len(audio_packets) // 2
        audio_packets[middle].pts = audio_packets[middle].dts = audio_packets[middle - 1].pts
        video_packets = []
        for i in range(round(seconds * 25)):
            picture = np.full((240, 320, 3), (i * 7) % 255, np.uint8)
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            frame.pts = i
            video_packets += video.encode(frame)
        video_packets += video.encode(None)
        for packet in sorted(video_packets + audio_packets,
                             key=lambda p: float((p.dts or 0) * p.time_base)):
            out.mux(packet)
    return path


def test_a_clip_over_a_repeated_sound_time_is_made(tmp_path: Path) -> None:
    from vsr.clips import export_clip

    source = _with_a_repeated_sound_time(tmp_path / "aan elkaar.mkv")
    result = export_clip(source, 500, 3500, tmp_path / "fragment.mp4")
    assert result.mode == "smart" and result.has_audio
    with av.open(str(result.path)) as clip:
        sound = clip.streams.audio[0]
        times = [p.dts for p in clip.demux(sound) if p.size]
        assert all(b > a for a, b in zip(times, times[1:], strict=False))
        assert 2.9 <= float(clip.duration or 0) / 1_000_000 <= 3.2
    with av.open(str(result.path)) as clip:
        assert sum(1 for _ in clip.decode(video=0)) == result.frames >= 75

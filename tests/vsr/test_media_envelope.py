"""compute_envelope / load_or_compute_envelope: loudness per bucket, timing, cancel, cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.corpus import CORPUS
from vsr.errors import MediaError, VsrError
from vsr.media import Cancelled
from vsr.media.demo_recording import generate_demo_recording, generate_test_clip
from vsr.media.demo_script import demo_turns
from vsr.media.envelope import (
    Envelope,
    cache_file,
    compute_envelope,
    load_or_compute_envelope,
)

VALID = CORPUS / "media" / "valid"
needs_corpus = pytest.mark.skipif(not VALID.is_dir(), reason="shared corpus not available")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "demo.mp4"
    return generate_demo_recording(out, duration_s=8.0, width=320, height=180)


@pytest.mark.parametrize("container", ["wav", "m4a", "mp3"])
def test_steady_tone_gives_a_flat_full_envelope(tmp_path: Path, container: str) -> None:
    clip = generate_test_clip(
        tmp_path / f"tone.{container}", 2.0, with_video=False, container=container
    )
    envelope = compute_envelope(clip, bucket_ms=50)
    assert envelope.bucket_ms == 50
    assert envelope.peaks.dtype == np.float32
    # 2 s in 50 ms buckets; encoders may add up to a frame of padding at the end.
    assert 40 <= len(envelope.peaks) <= 43
    assert float(envelope.peaks.min()) >= 0.0 and float(envelope.peaks.max()) <= 1.0
    assert np.all(envelope.peaks[2:38] > 0.75)  # lossy codecs wobble a little on a pure tone


def test_bucket_size_sets_the_resolution(tmp_path: Path) -> None:
    clip = generate_test_clip(tmp_path / "tone.wav", 3.0, with_video=False, container="wav")
    assert len(compute_envelope(clip, bucket_ms=100).peaks) == 30
    assert len(compute_envelope(clip, bucket_ms=33).peaks) == 91  # 90.9 buckets, last partial
    assert compute_envelope(clip, bucket_ms=1000).duration_ms == 3000


def test_video_without_audio_gives_empty_envelope(tmp_path: Path) -> None:
    clip = generate_test_clip(tmp_path / "silent.mp4", 1.0, with_audio=False)
    envelope = compute_envelope(clip)
    assert envelope.is_empty() and envelope.bucket_ms == 50 and envelope.duration_ms == 0


def test_speech_turns_are_louder_than_pauses_and_line_up_in_time(demo: Path) -> None:
    envelope = compute_envelope(demo, bucket_ms=50)
    peaks = envelope.peaks
    turns = demo_turns(8000)
    assert envelope.duration_ms == pytest.approx(8000, abs=100)
    in_turns = np.zeros(len(peaks), dtype=bool)
    for start, end, _role in turns:
        in_turns[(start + 100) // 50 : (end - 100) // 50] = True
    near_turn = np.zeros(len(peaks), dtype=bool)
    for start, end, _role in turns:
        near_turn[max(0, start // 50 - 2) : end // 50 + 2] = True
    pauses = ~near_turn
    assert pauses.sum() >= 10 and in_turns.sum() >= 50
    assert peaks[in_turns].mean() > 10 * peaks[pauses].mean()
    assert peaks[pauses].max() < 0.1
    # The first turn starts at 500 ms: silence before it, sound right after it.
    assert turns[0][0] == 500
    assert peaks[:9].max() < 0.1
    assert peaks[11:20].mean() > 0.3


def test_progress_rises_to_one(demo: Path) -> None:
    seen: list[float] = []
    compute_envelope(demo, progress=seen.append)
    assert seen and seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) >= 3  # on the way too (every 2 s of sound), not only at the end


def test_cancel_raises_cancelled(demo: Path) -> None:
    with pytest.raises(Cancelled) as caught:
        compute_envelope(demo, cancel=lambda: True)
    assert isinstance(caught.value, VsrError)


def test_cancel_later_in_the_work(tmp_path: Path) -> None:
    clip = generate_test_clip(tmp_path / "long.m4a", 30.0, with_video=False, container="m4a")
    calls = 0

    def cancel_on_third_check() -> bool:
        nonlocal calls
        calls += 1
        return calls >= 3

    with pytest.raises(Cancelled):
        compute_envelope(clip, cancel=cancel_on_third_check)
    assert calls == 3


def test_bad_bucket_size(demo: Path) -> None:
    with pytest.raises(ValueError):
        compute_envelope(demo, bucket_ms=0)


def test_missing_and_broken_files_raise_media_error(tmp_path: Path) -> None:
    with pytest.raises(MediaError) as caught:
        compute_envelope(tmp_path / "gone.wav")
    assert caught.value.key == "error.media.not_found"
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" * 3)
    with pytest.raises(MediaError):
        compute_envelope(junk)


@needs_corpus
@pytest.mark.parametrize(
    ("name", "duration_ms"),
    [
        ("fables_01_03_aesop_64kb.ogg", 101_407),  # mono Vorbis speech
        ("bunny.surround.audio.pcm16.wav", 1000),  # 6 channels, interleaved 16-bit
        ("bbb_480p_vp9_opus_1second.webm", 1008),  # 5.1 Opus with video
        ("friday.mp4", 6166),  # audio is stream 0
        ("t-rex-roar.mp3", 2116),
        ("fixture-raw.mts", 1034),  # starts at 1.433 s
    ],
)
def test_corpus_audio(name: str, duration_ms: int) -> None:
    envelope = compute_envelope(VALID / name, bucket_ms=50)
    assert envelope.duration_ms == pytest.approx(duration_ms, abs=100)
    assert float(envelope.peaks.max()) == pytest.approx(1.0, abs=0.01)
    assert float(envelope.peaks.mean()) > 0.05


@needs_corpus
def test_speech_file_has_pauses(tmp_path: Path) -> None:
    """Real speech: between sentences the envelope drops well below the speaking level."""
    peaks = compute_envelope(VALID / "fables_01_03_aesop_64kb.ogg", bucket_ms=50).peaks
    assert np.percentile(peaks, 10) < 0.2 * np.percentile(peaks, 90)


# --- cache ---------------------------------------------------------------------------------


def test_cache_is_written_once_and_reused(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = load_or_compute_envelope(demo, "v1:abc", cache)
    target = cache_file(cache, "v1:abc", 50)
    assert target.is_file() and target.suffix == ".npy"
    assert sorted(p.name for p in cache.iterdir()) == [target.name]  # no temp files left

    def must_not_decode(*_args: object, **_kwargs: object) -> Envelope:
        raise AssertionError("the cached envelope should have been used")

    monkeypatch.setattr("vsr.media.envelope.compute_envelope", must_not_decode)
    second = load_or_compute_envelope(demo, "v1:abc", cache)
    assert second.bucket_ms == 50
    np.testing.assert_array_equal(second.peaks, first.peaks)


def test_cache_keys_on_fingerprint_and_bucket_size(demo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_or_compute_envelope(demo, "v1:aaa", cache, bucket_ms=50)
    load_or_compute_envelope(demo, "v1:aaa", cache, bucket_ms=100)
    coarse = load_or_compute_envelope(demo, "v1:bbb", cache, bucket_ms=100)
    assert len(list(cache.glob("*.npy"))) == 3
    assert coarse.bucket_ms == 100


def test_damaged_cache_file_is_recomputed(demo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = load_or_compute_envelope(demo, "v1:abc", cache)
    cache_file(cache, "v1:abc", 50).write_bytes(b"not a numpy file")
    again = load_or_compute_envelope(demo, "v1:abc", cache)
    np.testing.assert_array_equal(again.peaks, fresh.peaks)
    assert np.load(cache_file(cache, "v1:abc", 50)).shape == fresh.peaks.shape


def test_unwritable_cache_still_gives_the_envelope(demo: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    envelope = load_or_compute_envelope(demo, "v1:abc", blocker / "cache")
    assert not envelope.is_empty()


def test_cancelled_computation_writes_no_cache(demo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with pytest.raises(Cancelled):
        load_or_compute_envelope(demo, "v1:abc", cache, cancel=lambda: True)
    assert not cache.exists() or not any(cache.iterdir())


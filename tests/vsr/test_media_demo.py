"""The demo recording (a short one, to stay quick) and the test-clip generator."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import numpy.typing as npt
import pytest

from vsr.media import Cancelled
from vsr.media.demo_recording import (
    DEMO_TURNS,
    demo_turns,
    format_clock,
    generate_demo_recording,
    generate_test_clip,
    read_frame_number,
)
from vsr.media.envelope import compute_envelope
from vsr.media.probe import probe

DURATION_S = 6.0


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The humming voices (espeak-ng absent, or spoken=False): their pitch and rhythm are tested
    # here; the spoken demo in tests/vsr/test_transcript_demo.py.
    return generate_demo_recording(tmp_path_factory.mktemp("demo") / "demo.mp4", DURATION_S,
                                   spoken=False)


def _frames_at(path: Path, times_ms: list[int]) -> dict[int, npt.NDArray[np.uint8]]:
    """The decoded BGR picture shown at each of `times_ms`."""
    wanted = sorted(times_ms)
    found: dict[int, npt.NDArray[np.uint8]] = {}
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            assert frame.time is not None
            ms = round(frame.time * 1000)
            while wanted and ms >= wanted[0]:
                found[wanted.pop(0)] = frame.to_ndarray(format="bgr24")
            if not wanted:
                break
    return found


def test_turn_schedule_is_a_real_conversation() -> None:
    assert DEMO_TURNS == demo_turns(150_000)
    assert 20 <= len(DEMO_TURNS) <= 60
    roles = [role for _start, _end, role in DEMO_TURNS]
    assert set(roles) == {"professional", "client"}
    assert all(a != b for a, b in zip(roles, roles[1:], strict=False))  # they take turns
    for (_s1, end, _r1), (start, _e2, _r2) in zip(DEMO_TURNS, DEMO_TURNS[1:], strict=False):
        assert 300 <= start - end <= 2000  # a pause between turns
    assert all(0 <= start < end <= 150_000 for start, end, _ in DEMO_TURNS)
    assert DEMO_TURNS[-1][1] > 140_000  # the conversation fills the 2.5 minutes


def test_short_schedule_is_the_start_of_the_long_one() -> None:
    short = demo_turns(int(DURATION_S * 1000))
    assert len(short) >= 2
    assert short[:-1] == DEMO_TURNS[: len(short) - 1]
    assert short[-1][1] <= DURATION_S * 1000


def test_demo_file_streams_and_duration(demo: Path) -> None:
    result = probe(demo)
    assert (result.video_codec, result.audio_codec) == ("h264", "aac")
    assert result.container.startswith("mov,mp4")
    assert (result.width, result.height, result.fps) == (640, 360, 25.0)
    assert result.duration_ms == pytest.approx(6000, abs=60)
    assert result.warnings == ()


def test_picture_shows_who_speaks(demo: Path) -> None:
    turns = demo_turns(int(DURATION_S * 1000))
    (p_start, p_end, p_role), (c_start, c_end, c_role) = turns[0], turns[1]
    assert (p_role, c_role) == ("professional", "client")
    pause_ms = (p_end + c_start) // 2
    shots = _frames_at(demo, [200, (p_start + p_end) // 2, pause_ms, (c_start + c_end) // 2])
    before, professional, pause, client = (shots[k] for k in sorted(shots))

    def panel(image: npt.NDArray[np.uint8], side: str) -> float:
        # Mean brightness of the panel's background corner: the speaker's panel is lit up.
        x = slice(40, 120) if side == "left" else slice(360, 440)
        return float(image[60:100, x].mean())

    assert panel(professional, "left") < panel(before, "left") - 20  # left lit (darker hue)
    assert panel(professional, "right") == pytest.approx(panel(before, "right"), abs=3)
    assert panel(client, "right") < panel(before, "right") - 20
    assert panel(client, "left") == pytest.approx(panel(before, "left"), abs=3)
    assert panel(pause, "left") == pytest.approx(panel(before, "left"), abs=3)
    assert panel(pause, "right") == pytest.approx(panel(before, "right"), abs=3)


def test_burned_in_clock_changes_every_tenth(demo: Path) -> None:
    # Two frames 0.12 s apart in a pause: only the clock area at the bottom differs.
    shots = _frames_at(demo, [40, 160])
    first, second = shots[40], shots[160]
    # Compression noise stays below ~100 (sum over B, G, R); a changed digit is white on black.
    diff = np.abs(first.astype(int) - second.astype(int)).sum(axis=2) > 300
    rows = np.nonzero(diff.any(axis=1))[0]
    assert len(rows) > 0 and rows.min() > 360 * 0.8
    assert format_clock(0) == "0:00.0" and format_clock(83_456) == "1:23.4"  # the one exact clock


def test_audio_is_louder_in_turns_than_in_pauses(demo: Path) -> None:
    peaks = compute_envelope(demo, bucket_ms=100).peaks
    turns = demo_turns(int(DURATION_S * 1000))
    speaking = [peaks[(s + 200) // 100 : (e - 200) // 100].mean() for s, e, _ in turns]
    pauses = [
        peaks[(e + 100) // 100 : (s - 100) // 100]
        for (_, e, _), (s, _, _) in zip(turns, turns[1:], strict=False)
    ]
    quiet = float(np.concatenate([peaks[:4], *pauses]).max())
    assert min(speaking) > 5 * quiet


def test_two_voices_have_different_pitch(demo: Path) -> None:
    turns = demo_turns(int(DURATION_S * 1000))
    with av.open(str(demo)) as container:
        samples = np.concatenate([frame.to_ndarray()[0] for frame in container.decode(audio=0)])
    rate = 48_000

    def dominant_hz(start_ms: int, end_ms: int) -> float:
        chunk = samples[start_ms * rate // 1000 : end_ms * rate // 1000]
        spectrum = np.abs(np.fft.rfft(chunk * np.hanning(len(chunk))))
        return float(np.fft.rfftfreq(len(chunk), 1 / rate)[np.argmax(spectrum[10:]) + 10])

    professional = dominant_hz(turns[0][0] + 200, turns[0][1] - 200)
    client = dominant_hz(turns[1][0] + 200, turns[1][1] - 200)
    assert 90 < professional < 140 and 170 < client < 250


def test_progress_and_cancel(tmp_path: Path) -> None:
    seen: list[float] = []
    generate_demo_recording(tmp_path / "a.mp4", 2.0, 160, 90, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)

    out = tmp_path / "cancelled.mp4"
    with pytest.raises(Cancelled):
        generate_demo_recording(out, 2.0, 160, 90, cancel=lambda: True)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp4"]  # no temp file left


def test_demo_replaces_an_existing_file_only_when_complete(tmp_path: Path) -> None:
    out = tmp_path / "demo.mp4"
    out.write_bytes(b"old")
    with pytest.raises(Cancelled):
        generate_demo_recording(out, 2.0, 160, 90, cancel=lambda: True)
    assert out.read_bytes() == b"old"
    generate_demo_recording(out, 1.0, 160, 90)
    assert probe(out).duration_ms == pytest.approx(1000, abs=50)


# --- test clips -----------------------------------------------------------------------------


@pytest.mark.parametrize("container", ["mp4", "mkv", "mov", "webm"])
def test_every_frame_carries_its_number(tmp_path: Path, container: str) -> None:
    clip = generate_test_clip(tmp_path / f"c.{container}", 2.0, 160, 120, 25, container=container)
    with av.open(str(clip)) as opened:
        numbers = [read_frame_number(f.to_ndarray(format="bgr24")) for f in opened.decode(video=0)]
    assert numbers == list(range(50))


def test_frame_number_survives_larger_sizes_and_many_frames(tmp_path: Path) -> None:
    clip = generate_test_clip(tmp_path / "c.mp4", 12.0, 320, 240, 30, with_audio=False)
    with av.open(str(clip)) as opened:
        numbers = [read_frame_number(f.to_ndarray(format="rgb24")) for f in opened.decode(video=0)]
    assert numbers == list(range(360))


def test_test_clip_tone_is_440_hz(tmp_path: Path) -> None:
    clip = generate_test_clip(tmp_path / "t.wav", 1.0, with_video=False, container="wav")
    with av.open(str(clip)) as opened:
        samples = np.concatenate([f.to_ndarray().reshape(-1) for f in opened.decode(audio=0)])
    spectrum = np.abs(np.fft.rfft(samples.astype(float)))
    assert np.fft.rfftfreq(len(samples), 1 / 48_000)[np.argmax(spectrum)] == pytest.approx(
        440, abs=2
    )


def test_test_clip_without_numbers_still_moves(tmp_path: Path) -> None:
    clip = generate_test_clip(tmp_path / "m.mp4", 0.4, frame_numbers=False, with_audio=False)
    with av.open(str(clip)) as opened:
        frames = [f.to_ndarray(format="bgr24") for f in opened.decode(video=0)]
    assert not np.array_equal(frames[0][:90], frames[5][:90])


def test_test_clip_rejects_impossible_requests(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generate_test_clip(tmp_path / "x.mp4", 1.0, with_audio=False, with_video=False)
    with pytest.raises(ValueError):
        generate_test_clip(tmp_path / "x.wav", 1.0, container="wav")  # wav holds no video
    with pytest.raises(ValueError):
        generate_test_clip(tmp_path / "x.mp4", 1.0, width=161)

"""export_clip on real third-party files from ../shared/corpus: a phone video with rotation,
B-frame H.264 with AAC, camcorder MPEG-TS, audio-only and broken files."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from tests.lang import worded
from tests.vsr.clip_media import ffmpeg_decode_errors
from vsr.clips import export_clip
from vsr.errors import MediaError


def frames_between(path: Path, start_ms: int, end_ms: int) -> list[np.ndarray]:
    """Source pictures from the one shown at start_ms to the last that starts before end_ms.
    Like export_clip, a frame starting within 1 ms after a time counts as shown at it: the UI
    shows frame times rounded to whole milliseconds."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = [
            (f.pts * f.time_base, f.to_ndarray(format="bgr24"))
            for f in container.decode(stream)
            if f.pts is not None and f.time_base is not None
        ]
    start, end = Fraction(start_ms + 1, 1000), Fraction(end_ms - 1, 1000)
    first = max(i for i, (t, _) in enumerate(frames) if t <= start)
    return [pixels for i, (t, pixels) in enumerate(frames) if i >= first and t < end]


def clip_frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="bgr24") for f in container.decode(video=0)]


def test_b_frame_h264_with_aac(corpus: Path, tmp_path: Path) -> None:
    src = corpus / "media/valid/flower.mp4"
    out = tmp_path / "flower.mp4"
    result = export_clip(src, 1234, 4321, out)
    want = frames_between(src, 1234, 4321)
    got = clip_frames(out)
    assert result.mode == "smart" and result.copied_frames > 0
    assert len(got) == len(want) == result.frames
    mse = [
        float(np.mean((a.astype(float) - b.astype(float)) ** 2))
        for a, b in zip(want, got, strict=True)
    ]
    assert sum(1 for e in mse if e == 0.0) == result.copied_frames
    assert max(mse) < 15  # re-encoded pictures: PSNR above 36 dB
    assert ffmpeg_decode_errors(out) in ("", None)
    with av.open(str(out)) as container:
        audio = container.streams.audio[0]
        assert audio.duration is not None and audio.time_base is not None
        assert abs(float(audio.duration * audio.time_base) - result.duration_ms / 1000) < 0.034


def test_phone_video_keeps_its_rotation_when_copied(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "phone.mp4"
    result = export_clip(corpus / "media/valid/iphone_rotated.mov", 300, 2000, out)
    assert result.mode == "smart"
    with av.open(str(out)) as container:
        frame = next(container.decode(video=0))
        assert (frame.width, frame.height, frame.rotation) == (568, 320, -90)


def test_phone_video_is_turned_upright_when_reencoded(corpus: Path, tmp_path: Path) -> None:
    src = corpus / "media/valid/iphone_rotated.mov"
    out = tmp_path / "phone.mp4"
    export_clip(src, 300, 2000, out, smart=False)
    want = np.rot90(frames_between(src, 300, 2000)[0], k=-1)  # 90 degrees clockwise
    with av.open(str(out)) as container:
        frame = next(container.decode(video=0))
        assert (frame.width, frame.height, frame.rotation) == (320, 568, 0)
        got = frame.to_ndarray(format="bgr24")
    assert float(np.mean(np.abs(got.astype(float) - want.astype(float)))) < 6


def test_audio_first_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "friday.mp4"
    result = export_clip(corpus / "media/valid/friday.mp4", 500, 5000, out)
    assert result.has_audio and len(clip_frames(out)) == result.frames == 135


def test_interlaced_camcorder_transport_stream(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "camcorder.mp4"
    result = export_clip(corpus / "media/valid/fixture-raw.mts", 100, 900, out)
    assert result.mode == "reencode"  # no avcC in MPEG-TS: nothing to splice into
    assert len(clip_frames(out)) == result.frames
    assert ffmpeg_decode_errors(out) in ("", None)


def test_audio_only_recording(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "roar.mp4"
    result = export_clip(corpus / "media/valid/t-rex-roar.mp3", 100, 1500, out)
    assert result.mode == "audio" and result.has_audio
    with av.open(str(out)) as container:
        assert not container.streams.video
        audio = container.streams.audio[0]
        assert audio.codec_context.name == "aac"
        assert audio.duration is not None and audio.time_base is not None
        assert abs(float(audio.duration * audio.time_base) - 1.4) < 0.03


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("broken-wav.wav", "error.media.unreadable"),
        ("fixture-corrupt.mkv", "error.media.unreadable"),
        ("invalid_userdata.mp4", "error.media.truncated"),
    ],
)
def test_broken_files_give_clear_errors(corpus: Path, tmp_path: Path, name: str, key: str) -> None:
    with pytest.raises(MediaError) as caught:
        export_clip(corpus / "media/malformed" / name, 1000, 2000, tmp_path / "clip.mp4")
    assert caught.value.key == key and name in worded("en", caught.value.message)
    assert list(tmp_path.iterdir()) == []

"""Stills decode only what they need: from the keyframe before the moment, forward, leaving out
the pictures before it that nothing refers to (a camera's non-reference B-frames), and still
land on the exact picture, for H.264 with B-frames and for HEVC."""

from __future__ import annotations

import threading
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np
import pytest

from tests.vsr.clip_media import _picture, make_recording, read_index
from vsr.export import stills as still_module
from vsr.media import nal

FPS = 25
# Moments in every position of a GOP (2 s): on the keyframe, on B-frames, on the last picture,
# backwards, and the very first and last pictures of the file.
MOMENTS_MS = (0, 40, 80, 120, 520, 1240, 1960, 2000, 2080, 3960, 1240, 5960, 40)


def _index_of(jpeg: bytes | None) -> int:
    assert jpeg is not None
    return read_index(np.asarray(cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)))


def _counted_skips(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    answers: list[bool] = []
    real = nal.is_disposable_sample

    def counted(data: Any, prefix: int, codec: str = "h264") -> bool:
        answers.append(real(data, prefix, codec))
        return answers[-1]

    monkeypatch.setattr(still_module.nal, "is_disposable_sample", counted)
    return answers


def _assert_exact(path: Path) -> None:
    with still_module.StillReader(path, width=320) as reader:
        for ms in MOMENTS_MS:
            assert _index_of(reader.grab(ms)) == ms * FPS // 1000, ms


def test_h264_with_b_frames_skips_unreferenced_pictures_and_lands_exactly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_recording(tmp_path / "bframes.mp4", bframes=3, audio=False)
    skips = _counted_skips(monkeypatch)
    _assert_exact(path)
    assert any(skips), "no non-reference picture before a moment was left undecoded"
    assert not all(skips)


def test_without_b_frames_nothing_is_skipped_and_stills_are_exact(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_recording(tmp_path / "plain.mp4", audio=False)
    skips = _counted_skips(monkeypatch)
    _assert_exact(path)
    assert not any(skips)


def _hevc(path: Path) -> Path:
    rng = np.random.default_rng(3)
    texture = rng.integers(0, 255, (240, 320, 3), dtype=np.uint8)
    with av.open(str(path), "w") as container:
        video = container.add_stream("libx265", rate=FPS, options={
            "x265-params": "keyint=50:min-keyint=50:scenecut=0:bframes=3:log-level=error",
            "preset": "ultrafast"})
        video.width, video.height, video.pix_fmt = 320, 240, "yuv420p"
        for index in range(150):
            frame = av.VideoFrame.from_ndarray(_picture(index, 320, 240, texture, False),
                                               format="bgr24")
            frame.pts, frame.time_base = index, Fraction(1, FPS)
            container.mux(video.encode(frame))
        container.mux(video.encode(None))
    return path


def test_hevc_with_b_frames_lands_exactly(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    if "libx265" not in av.codecs_available:
        pytest.skip("this PyAV has no HEVC encoder")
    path = _hevc(tmp_path / "phone.mp4")
    skips = _counted_skips(monkeypatch)
    _assert_exact(path)
    assert any(skips)


def test_annex_b_or_unknown_codecs_are_never_judged() -> None:
    assert nal.length_size("h264", b"\x00\x00\x00\x01\x67") is None
    assert nal.length_size("mpeg4", b"\x01" * 30) is None
    assert nal.length_size("h264", b"\x01\x64\x00\x1f\xff\xe1") == 4
    assert nal.length_size("hevc", None) is None


def test_hevc_slice_types() -> None:
    def unit(kind: int) -> bytes:
        body = bytes([kind << 1, 1, 0xAF])
        return len(body).to_bytes(4, "big") + body

    assert nal.is_disposable_sample(unit(0), 4, "hevc")  # TRAIL_N
    assert nal.is_disposable_sample(unit(8), 4, "hevc")  # RASL_N
    assert not nal.is_disposable_sample(unit(1), 4, "hevc")  # TRAIL_R
    assert not nal.is_disposable_sample(unit(19), 4, "hevc")  # IDR_W_RADL
    assert not nal.is_disposable_sample(unit(39), 4, "hevc")  # SEI only: no picture


def test_moments_close_together_decode_on_without_seeking(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_recording(tmp_path / "dense.mp4", bframes=3, audio=False)
    seeks: list[int] = []  # every _Decoding starts with a seek
    real_init = still_module._Decoding.__init__

    def counted(self: Any, container: Any, stream: Any, seek_ms: int, at_ms: int) -> None:
        seeks.append(seek_ms)
        real_init(self, container, stream, seek_ms, at_ms)

    monkeypatch.setattr(still_module._Decoding, "__init__", counted)
    moments = list(range(0, 5800, 200)) + [600, 5960, 5960]
    with still_module.StillReader(path, width=320) as reader:
        for ms in moments:
            assert _index_of(reader.grab(ms)) == ms * FPS // 1000, ms
    # In order and close together: one seek, then decoding goes on (29 stills); back to
    # 600 ms, on to 5960 ms (over 2 s further) and the same moment twice need a seek each
    # (a frame handed out is not decoded again).
    assert seeks == [0, 600, 5960, 5960], seeks


def _grab_each(path: Path, moments: list[int]) -> list[bytes | None]:
    with still_module.StillReader(path, width=320) as reader:
        return [reader.grab(ms) for ms in moments]


@pytest.mark.parametrize("bframes", [0, 3])
def test_many_stills_in_one_pass_are_the_same_pictures_with_less_decoding(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bframes: int) -> None:
    """grab_many: out of order, repeated, two moments on one picture, the first and last
    pictures, past the end, stretches close together and far apart."""
    path = make_recording(tmp_path / f"b{bframes}.mp4", bframes=bframes, audio=False)
    moments = ([5960, 0, 40, 41, 120, 1240, 1960, 2000, 2080, 3960, 1240, 40, 9000]
               + list(range(2200, 3400, 120)))
    expected = _grab_each(path, moments)
    decoded: list[int] = []
    real_decode = still_module._decode

    def counted(packet: Any) -> Any:
        decoded.append(packet.pts)
        return real_decode(packet)

    monkeypatch.setattr(still_module, "_decode", counted)
    progress: list[int] = []
    threads: set[str] = set()
    real_run = still_module._Pass.run

    def run(self: Any, order: list[int]) -> None:
        threads.add(threading.current_thread().name)
        real_run(self, order)

    monkeypatch.setattr(still_module._Pass, "run", run)
    with still_module.StillReader(path, width=320) as reader:
        stills = reader.grab_many(moments, progress.append)
    assert stills == expected
    assert threads == {"stills-0", "stills-1"}  # stretches far apart: made on two threads
    for ms, still in zip(moments, stills, strict=True):
        assert _index_of(still) == min(ms, 5960) * FPS // 1000, ms
    assert progress[-1] == len(set(moments)) and progress == sorted(progress)
    one_by_one = len(decoded)
    decoded.clear()
    _grab_each(path, moments)
    assert one_by_one < len(decoded), (one_by_one, len(decoded))


def test_many_stills_of_hevc_with_b_frames_are_exact(tmp_path: Path) -> None:
    if "libx265" not in av.codecs_available:
        pytest.skip("this PyAV has no HEVC encoder")
    path = _hevc(tmp_path / "phone.mp4")
    moments = [*MOMENTS_MS, 1000, 1040, 1080, 2960]
    with still_module.StillReader(path, width=320) as reader:
        stills = reader.grab_many(moments)
    assert stills == _grab_each(path, moments)
    assert [_index_of(s) for s in stills] == [ms * FPS // 1000 for ms in moments]


def test_many_stills_of_a_missing_recording_are_none(tmp_path: Path) -> None:
    with still_module.StillReader(tmp_path / "weg.mp4") as reader:
        assert reader.grab_many([0, 40]) == [None, None]

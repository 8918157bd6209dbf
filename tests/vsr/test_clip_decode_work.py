"""The re-encoded head of a clip decodes only what the cut needs: pictures shown before the
clip that no other picture refers to (a camera's non-reference B-frames) are not decoded, and
the clip is the same picture for picture; a long head decodes with frame threads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.vsr.clip_media import decoded_frames, make_recording
from vsr.clips import avc, export_clip, smart

FPS = 25


@pytest.fixture(scope="module")
def camera_like(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """B-frames with a pyramid (some B-frames are references, some not), 2 s GOPs."""
    return make_recording(tmp_path_factory.mktemp("decode-work") / "bframes.mp4", bframes=3)


def _nal(ref_idc: int, kind: int, size: int = 3) -> bytes:
    unit = bytes([(ref_idc << 5) | kind]) + b"\x88" * (size - 1)
    return len(unit).to_bytes(4, "big") + unit


def test_only_samples_of_non_reference_slices_are_disposable() -> None:
    sei = _nal(0, 6)
    assert avc.is_disposable_sample(sei + _nal(0, avc.NAL_SLICE) + _nal(0, avc.NAL_SLICE), 4)
    assert not avc.is_disposable_sample(_nal(2, avc.NAL_SLICE), 4)  # a reference B or a P
    assert not avc.is_disposable_sample(_nal(3, avc.NAL_SLICE_IDR), 4)
    assert not avc.is_disposable_sample(_nal(0, avc.NAL_SLICE) + _nal(1, avc.NAL_SLICE), 4)
    assert not avc.is_disposable_sample(sei, 4)  # no picture at all: keep it
    assert not avc.is_disposable_sample(b"", 4)
    assert not avc.is_disposable_sample(b"\x00\x00\x00\x09\x01", 4)  # cut off: no picture


def test_head_skips_disposable_pictures_and_keeps_every_picture(
        camera_like: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    skipped: list[int] = []
    thread_types: list[str] = []
    real_not_needed = smart._Recoder._not_needed
    real_init = smart._Recoder.__init__

    def not_needed(self: smart._Recoder, packet: Any) -> bool:
        answer = real_not_needed(self, packet)
        if answer:
            skipped.append(packet.pts)
        return answer

    def init(self: smart._Recoder, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        thread_types.append(str(self.decoder.thread_type))

    monkeypatch.setattr(smart._Recoder, "_not_needed", not_needed)
    monkeypatch.setattr(smart._Recoder, "__init__", init)
    out = tmp_path / "clip.mp4"
    start_ms = 1000 + 20 * 1000 // FPS  # 20 pictures into the first GOP
    result = export_clip(camera_like, start_ms, 4280, out)
    assert skipped, "no non-reference picture before the cut was left undecoded"
    assert "FRAME" in "".join(thread_types).upper()  # a 2 s head: frame threads
    source = decoded_frames(camera_like)[start_ms * FPS // 1000: 107]
    clip = decoded_frames(out)
    assert len(clip) == len(source) == result.frames
    errors = [float(np.mean((a.astype(float) - b.astype(float)) ** 2))
              for a, b in zip(source, clip, strict=True)]
    assert sum(1 for e in errors if e == 0.0) == result.copied_frames
    assert max(errors) < 65  # the re-encoded head: no picture lost or taken from elsewhere


def test_a_clip_starting_on_a_keyframe_skips_nothing(
        camera_like: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    real = avc.is_disposable_sample

    def counted(data: Any, length_size: int) -> bool:
        calls.append(real(data, length_size))
        return calls[-1]

    monkeypatch.setattr(avc, "is_disposable_sample", counted)
    result = export_clip(camera_like, 2000, 4000, tmp_path / "clip.mp4")
    assert result.reencoded_frames == 0 and not any(calls)

"""export_clip on generated recordings whose frames carry their own numbers: boundaries frame by
frame, sound in sync, what was copied, and that failures leave no files behind."""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, cast

import av
import av.error
import numpy as np
import pytest
from av.container import OutputContainer
from av.packet import Packet

from tests.lang import worded
from tests.vsr.clip_media import (
    beep_times,
    decoded_frames,
    ffmpeg_decode_errors,
    frame_indices,
    make_recording,
    top_level_boxes,
    video_durations,
)
from vsr.clips import Cancelled, ClipRangeError, export_clip, scan, smart
from vsr.clips.encode_thread import EncodeThread
from vsr.errors import MediaError, StorageError

FPS = 25
FRAME_S = 1 / FPS


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """6 s at 25 fps, keyframes every 2 s; beeps at frames 20, 70 and 120."""
    folder = tmp_path_factory.mktemp("clip-sources")
    return {
        "plain": make_recording(folder / "plain.mp4"),
        "bframes": make_recording(folder / "bframes.mp4", bframes=3),
    }


def expected(start_ms: int, end_ms: int) -> list[int]:
    """Source frame numbers of a clip: the one shown at start to the last before end."""
    return list(range(start_ms * FPS // 1000, -(-end_ms * FPS // 1000)))


def source_packets(path: Path) -> dict[int, bytes]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return {p.pts: bytes(p) for p in container.demux(stream) if p.pts is not None}


def test_smart_cut_is_frame_accurate_and_copies_whole_gops(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["plain"], 520, 5130, out)
    assert frame_indices(out) == expected(520, 5130) == list(range(13, 129))
    assert result.mode == "smart"
    assert (result.frames, result.reencoded_frames, result.copied_frames) == (116, 37, 79)
    assert (result.start_ms, result.end_ms) == (520, 5160)
    assert result.path == out and result.has_audio
    assert ffmpeg_decode_errors(out) in ("", None)


def test_smart_cut_really_copies_packets(sources: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["plain"], 520, 5130, out)
    original = source_packets(sources["plain"])
    clip = source_packets(out)
    step = sorted(original)[1] - sorted(original)[0]  # one frame in stream ticks
    offset = 13 * step  # the clip starts at source frame 13
    same = sum(1 for pts, data in clip.items() if original.get(pts + offset) == data)
    assert same == result.copied_frames == 79
    # The re-encoded head is new: none of its pictures are the source's bytes.
    head = sorted(clip)[: result.reencoded_frames]
    assert all(original.get(pts + offset) != clip[pts] for pts in head)


@pytest.mark.parametrize(
    ("start_ms", "end_ms"),
    [
        (520, 5130),  # head re-encoded, copy runs into the last GOP
        (520, 4280),  # B-frames: last mini-GOP cut, its frames re-encoded
        (0, 4000),  # exactly on keyframes: everything copied
        (1990, 4010),  # one-frame head: spliced one GOP later
        (3000, 4080),  # nothing to copy: full re-encode
        (1240, 5930),
        (2000, 4520),  # the in-point a keyframe: no head, the end's mini-GOP re-encoded
        (4520, 6000),  # the very end: head re-encoded, the last GOP's end copied
        (4520, 9000),  # an end past the recording: cut at its last picture
        (5960, 6000),  # the last picture alone
    ],
)
def test_b_frame_source_cuts_are_frame_accurate(
    sources: dict[str, Path], tmp_path: Path, start_ms: int, end_ms: int
) -> None:
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["bframes"], start_ms, end_ms, out)
    end_ms = min(end_ms, 6000)
    assert frame_indices(out) == expected(start_ms, end_ms)
    assert result.frames == len(expected(start_ms, end_ms))
    assert result.copied_frames + result.reencoded_frames == result.frames
    assert ffmpeg_decode_errors(out) in ("", None)


def test_b_frame_cut_on_keyframes_copies_everything(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    result = export_clip(sources["bframes"], 2000, 4000, tmp_path / "clip.mp4")
    assert (result.mode, result.copied_frames, result.reencoded_frames) == ("smart", 50, 0)


def test_full_reencode_is_frame_accurate(sources: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["bframes"], 520, 2130, out, smart=False)
    assert result.mode == "reencode" and result.copied_frames == 0
    assert frame_indices(out) == expected(520, 2130)


@pytest.mark.parametrize("smart", [True, False])
def test_sound_is_present_and_in_sync(
    sources: dict[str, Path], tmp_path: Path, smart: bool
) -> None:
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["bframes"], 520, 5130, out, smart=smart)
    # Beeps at source frames 20, 70, 120; the clip starts with frame 13.
    want = [(frame - 13) / FPS for frame in (20, 70, 120)]
    got = beep_times(out)
    assert len(got) == 3
    assert all(abs(g - w) <= FRAME_S for g, w in zip(got, want, strict=True))
    video_s, audio_s = video_durations(out)
    assert abs(video_s - result.duration_ms / 1000) <= FRAME_S
    assert abs(audio_s - video_s) <= FRAME_S


def test_output_is_browser_friendly_mp4(sources: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    export_clip(sources["bframes"], 520, 5130, out)
    with av.open(str(out)) as container:
        assert container.format.name.startswith("mov,mp4")
        video = container.streams.video[0]
        audio = container.streams.audio[0]
        assert video.codec_context.name == "h264" and audio.codec_context.name == "aac"
        assert video.codec_context.pix_fmt == "yuv420p"
        assert video.profile in ("High", "Main", "Constrained Baseline", "Baseline")
    boxes = top_level_boxes(out)
    assert boxes.index("moov") < boxes.index("mdat")  # plays while it downloads


def test_copied_and_reencoded_pictures_match_the_source(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["bframes"], 520, 4280, out)
    source = decoded_frames(sources["bframes"])[13:107]
    clip = decoded_frames(out)
    assert len(clip) == len(source) == result.frames
    errors = [
        float(np.mean((a.astype(float) - b.astype(float)) ** 2))
        for a, b in zip(source, clip, strict=True)
    ]
    assert sum(1 for e in errors if e == 0.0) == result.copied_frames  # bit-exact copies
    # Re-encoded frames (of a noise texture, the hardest case): PSNR above 30 dB.
    assert max(errors) < 65


def test_without_sound(sources: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["plain"], 520, 1500, out, keep_audio=False)
    assert not result.has_audio
    with av.open(str(out)) as container:
        assert not container.streams.audio and len(container.streams.video) == 1


def test_end_past_the_recording_is_cut_at_its_end(sources: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["plain"], 5000, 9000, out)
    assert frame_indices(out) == list(range(125, 150))
    assert result.end_ms == 6000


def test_progress_rises_to_one(sources: dict[str, Path], tmp_path: Path) -> None:
    seen: list[float] = []
    export_clip(sources["plain"], 520, 5130, tmp_path / "clip.mp4", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 5


@pytest.mark.parametrize("smart", [True, False])
def test_cancel_leaves_no_file(sources: dict[str, Path], tmp_path: Path, smart: bool) -> None:
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 30

    out = tmp_path / "clip.mp4"
    before = set(threading.enumerate())
    with pytest.raises(Cancelled):
        export_clip(sources["plain"], 520, 5130, out, cancel=cancel, smart=smart)
    assert list(tmp_path.iterdir()) == []
    # Cancelled half-way through the re-encoded head: its encoding thread is stopped too
    # (while the traceback, which holds the export's frames, is still alive).
    assert not [t for t in set(threading.enumerate()) - before if t.name == "clip-encode"]


@pytest.mark.parametrize(
    ("start_ms", "end_ms"), [(7000, 8000), (2000, 2000), (3000, 1000), (-40, 1000)]
)
def test_bad_range_raises(
    sources: dict[str, Path], tmp_path: Path, start_ms: int, end_ms: int
) -> None:
    with pytest.raises(ClipRangeError) as caught:
        export_clip(sources["plain"], start_ms, end_ms, tmp_path / "clip.mp4")
    assert caught.value.key == "error.clip.range"
    assert "plain.mp4" in caught.value.message() and "0:06.0" in worded("en", caught.value.message)
    assert list(tmp_path.iterdir()) == []


def test_missing_and_unreadable_sources(tmp_path: Path) -> None:
    with pytest.raises(MediaError) as caught:
        export_clip(tmp_path / "gone.mp4", 0, 1000, tmp_path / "clip.mp4")
    assert caught.value.key == "error.media.not_found"
    junk = tmp_path / "notes.mp4"
    junk.write_text("this is not a video")
    with pytest.raises(MediaError) as caught:
        export_clip(junk, 0, 1000, tmp_path / "clip.mp4")
    assert caught.value.key == "error.media.unreadable"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.mp4"]


def test_disk_full_becomes_a_storage_error(
    sources: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vsr.clips.cut as cut

    written = 0
    real_mux = cut._mux

    def mux_until_full(
        output: OutputContainer, video: Iterator[Packet[Any]], audio: Iterator[Packet[Any]] | None
    ) -> None:
        def failing() -> Iterator[Packet[Any]]:
            nonlocal written
            for packet in video:
                written += 1
                if written > 20:
                    av.error.err_check(-errno.ENOSPC)  # what a full disk looks like in PyAV
                yield packet

        real_mux(output, failing(), audio)

    monkeypatch.setattr(cut, "_mux", mux_until_full)
    before = set(threading.enumerate())
    with pytest.raises(StorageError) as caught:
        export_clip(sources["plain"], 520, 5130, tmp_path / "clip.mp4")
    assert caught.value.key == "error.storage.disk_full"
    assert list(tmp_path.iterdir()) == []
    # The head's encoding thread stopped with the export, not when the traceback goes.
    assert not [t for t in set(threading.enumerate()) - before if t.name == "clip-encode"]


def test_missing_output_folder(sources: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        export_clip(sources["plain"], 0, 1000, tmp_path / "nope" / "clip.mp4")


def test_existing_file_is_replaced_whole(sources: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    out.write_bytes(b"old")
    export_clip(sources["plain"], 520, 1500, out)
    assert frame_indices(out) == expected(520, 1500)
    assert [p.name for p in tmp_path.iterdir()] == ["clip.mp4"]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # shareable, unlike a mkstemp file


@pytest.mark.parametrize("keep_bytes", [1, 1 << 30])
def test_the_clip_is_the_same_whether_the_scan_kept_its_packets(
    sources: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep_bytes: int
) -> None:
    # The scan keeps what it read for the writing pass (read on in the file from where it
    # stopped); past the limit the range is read again from the keyframe before the start.
    monkeypatch.setattr(scan, "KEEP_BYTES", keep_bytes)
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["bframes"], 520, 4280, out)
    assert result.mode == "smart" and result.copied_frames > 0 and result.has_audio
    assert frame_indices(out) == expected(520, 4280)
    want = [(frame - 13) / FPS for frame in (20, 70)]  # the beeps, in sync
    got = beep_times(out)
    assert len(got) == 2 and all(abs(g - w) <= FRAME_S for g, w in zip(got, want, strict=True))
    video_s, audio_s = video_durations(out)
    assert abs(audio_s - video_s) <= FRAME_S
    assert ffmpeg_decode_errors(out) in ("", None)


def test_kept_packets_are_replayed_without_reading_them_again() -> None:
    class Container:
        seeks = 0

        def seek(self, *args: object, **kwargs: object) -> None:
            self.seeks += 1

        def demux(self, *streams: object) -> Iterator[object]:
            return iter(["read on"])

    @dataclass
    class FakePacket:
        name: str
        size: int = 4

    kept = scan.Kept((cast(Any, "video"),), limit=10)
    kept.add(cast(Any, FakePacket("a")))
    kept.add(cast(Any, FakePacket("b")))
    container = Container()
    replayed = list(kept.replay(cast(Any, container), Fraction(5)))
    assert [getattr(p, "name", p) for p in replayed] == ["a", "b", "read on"]
    assert container.seeks == 0  # read on from where the scan stopped
    kept.add(cast(Any, FakePacket("c")))  # past the limit: let go (the range is read again)
    assert not kept.whole and not kept.packets


def test_the_encoding_thread_keeps_order_and_hands_on_its_failure() -> None:
    def encode(frame: Any) -> list[Any]:
        if frame is None:
            return ["flushed"]
        if frame.pts == 13:
            raise ValueError("encoder broke")
        return [frame.pts]

    frames = [av.VideoFrame(16, 16, "yuv420p") for _ in range(20)]
    for pts, frame in enumerate(frames):
        frame.pts = pts
    before = set(threading.enumerate())
    worker = EncodeThread(encode)
    for frame in frames[:10]:
        worker.put(frame)
    assert list(worker.finish()) == [*range(10), "flushed"]  # in order, all of them

    worker = EncodeThread(encode)
    with pytest.raises(ValueError, match="encoder broke"):
        for frame in frames:
            worker.put(frame)
        list(worker.finish())
    worker.close()
    stuck = EncodeThread(lambda frame: time.sleep(0.05) or [])  # slower than the puts
    for frame in frames[:12]:
        stuck.put(frame)
    stuck.close()  # stops without encoding what still waits
    assert not set(threading.enumerate()) - before


def test_the_first_pieces_encoder_is_opened_while_the_range_is_scanned(
        sources: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The head's libx264 is opened on a thread during the scan (its first open in a process
    costs about as much as the scan) and used for the head; the clip is frame-accurate. When
    the cut falls back to a full re-encode, the opened encoder is let go unused."""
    opened: list[tuple[str, int]] = []
    real = smart._encoder

    def recorded(stream: Any, config: Any, param_id: int) -> Any:
        opened.append((threading.current_thread().name, param_id))
        return real(stream, config, param_id)

    monkeypatch.setattr(smart, "_encoder", recorded)
    out = tmp_path / "clip.mp4"
    result = export_clip(sources["bframes"], 520, 4280, out)
    assert frame_indices(out) == expected(520, 4280)
    assert (result.mode, result.reencoded_frames) == ("smart", 37)
    assert [name for name, _ in opened] == ["clip-encoder-open"]
    opened.clear()
    export_clip(sources["bframes"], 3000, 4080, out)  # no whole GOP: a full re-encode
    assert frame_indices(out) == expected(3000, 4080)
    assert [name for name, _ in opened] in ([], ["clip-encoder-open"])  # opened, not used

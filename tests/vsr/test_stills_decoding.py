"""Stills decode only what they need: from the keyframe before the moment, forward, leaving out
the pictures before it that nothing refers to (a camera's non-reference B-frames), and still
land on the exact picture, for H.264 with B-frames and for HEVC."""

from __future__ import annotations

import shutil
import subprocess
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



def _threads_that_make_stills(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The names of the threads that run a pass of stills, filled in as they run."""
    threads: set[str] = set()
    real_run = still_module._Pass.run

    def run(self: Any, order: list[int]) -> None:
        threads.add(threading.current_thread().name)
        real_run(self, order)

    monkeypatch.setattr(still_module._Pass, "run", run)
    return threads

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


def _encoded(path: Path, codec: str, options: dict[str, str], count: int, seed: int) -> Path:
    """`count` numbered 320x240 pictures (`_picture`) encoded with `codec` and `options`."""
    texture = np.random.default_rng(seed).integers(0, 255, (240, 320, 3), dtype=np.uint8)
    with av.open(str(path), "w") as container:
        video = container.add_stream(codec, rate=FPS, options=options)
        video.width, video.height, video.pix_fmt = 320, 240, "yuv420p"
        for index in range(count):
            frame = av.VideoFrame.from_ndarray(_picture(index, 320, 240, texture, False),
                                               format="bgr24")
            frame.pts, frame.time_base = index, Fraction(1, FPS)
            container.mux(video.encode(frame))
        container.mux(video.encode(None))
    return path


def _hevc(path: Path) -> Path:
    return _encoded(path, "libx265", {
        "x265-params": "keyint=50:min-keyint=50:scenecut=0:bframes=3:log-level=error",
        "preset": "ultrafast"}, 150, seed=3)


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
    threads = _threads_that_make_stills(monkeypatch)
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
    (tmp_path / "kapot.mp4").write_bytes(b"geen beeld" * 100)
    for name in ("weg.mp4", "kapot.mp4"):  # far apart: the threads open it, and fail
        with still_module.StillReader(tmp_path / name) as reader:
            assert reader.grab_many([0, 5000, 30000]) == [None, None, None]


def _frames_decoded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The picture numbers of the packets `_decode` is given from now on."""
    decoded: list[int] = []
    real_decode = still_module._decode

    def counted(packet: Any) -> Any:
        decoded.append(round(packet.pts * packet.time_base * FPS))
        return real_decode(packet)

    monkeypatch.setattr(still_module, "_decode", counted)
    return decoded


def test_moments_on_both_sides_of_a_keyframe_skip_the_end_of_the_gop_between(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One stretch of close moments over three GOPs (keyframes at 0, 2 and 4 s): after the
    last moment of a GOP decoding starts again at the next keyframe, as a seek would, and the
    pictures between are not decoded; the stills are those `grab` makes one by one."""
    path = make_recording(tmp_path / "gops.mp4", bframes=3, audio=False)
    moments = [200, 400, 2200, 2400, 4120, 4200]
    expected = _grab_each(path, moments)
    decoded = _frames_decoded(monkeypatch)
    with still_module.StillReader(path, width=320) as reader:
        stills = reader.grab_many(moments)
    assert stills == expected
    assert [_index_of(s) for s in stills] == [ms * FPS // 1000 for ms in moments]
    assert not [n for n in decoded if 16 <= n < 50], decoded  # after 400 ms, before 2 s
    assert not [n for n in decoded if 66 <= n < 100], decoded  # after 2400 ms, before 4 s


def _camera_like(path: Path, seconds: int) -> Path:
    """H.264 as cameras and phones write it: High profile, three B-frames with B-pyramid
    (B-frames other pictures refer to), CABAC, a keyframe every 2 s."""
    return _encoded(path, "libx264", {
        "preset": "veryfast", "profile": "high", "crf": "18",
        "x264-params": "bframes=3:b-pyramid=normal:cabac=1:keyint=50:min-keyint=50:scenecut=0"},
        seconds * FPS, seed=11)


def _ffmpeg_pictures(path: Path, numbers: list[int]) -> list[np.ndarray]:
    """The pictures the ffmpeg tool decodes as numbers `numbers` (in order), as BGR."""
    choose = "+".join(f"eq(n\\,{n})" for n in numbers)
    done = subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-i", str(path), "-vf",
                           f"select={choose}", "-fps_mode", "passthrough", "-f", "rawvideo",
                           "-pix_fmt", "bgr24", "-"], capture_output=True, check=True)
    pictures = np.frombuffer(done.stdout, np.uint8).reshape(-1, 240, 320, 3)
    assert len(pictures) == len(numbers)
    return list(pictures)


def test_stills_of_a_camera_like_file_are_the_pictures_ffmpeg_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A summary of a short camera recording: its moments close together over 24 s, made on
    two threads in pieces, each GOP's decoding ended after its last moment. Every still is
    the one `grab` makes alone, and a still at a B-frame (a reference B-frame too) is the
    picture ffmpeg decodes at that moment."""
    if shutil.which("ffmpeg") is None:
        pytest.skip("no ffmpeg tool to compare with")
    path = _camera_like(tmp_path / "camera.mp4", 24)
    moments = list(range(120, 23_500, 440))
    b_frames: set[int] = set()
    referred_to: set[int] = set()  # B-frames of the pyramid: other pictures refer to them
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        prefix = nal.length_size("h264", stream.codec_context.extradata)
        assert prefix is not None
        for packet in container.demux(stream):
            if packet.pts is None:
                continue
            n = round(packet.pts * packet.time_base * FPS)
            if not nal.is_disposable_sample(memoryview(packet), prefix):
                referred_to.add(n)
            b_frames |= {n for frame in packet.decode()
                         if frame.pict_type == av.video.frame.PictureType.B}
    expected = _grab_each(path, moments)
    threads = _threads_that_make_stills(monkeypatch)
    with still_module.StillReader(path, width=320) as reader:
        stills = reader.grab_many(moments)
    assert threads == {"stills-0", "stills-1"}
    assert stills == expected
    numbers = [ms * FPS // 1000 for ms in moments]
    assert [_index_of(s) for s in stills] == numbers
    at_b = [(n, s) for n, s in zip(numbers, stills, strict=True) if n in b_frames][:8]
    assert {n in referred_to for n, _ in at_b} == {True, False}, (at_b, referred_to)
    theirs = _ffmpeg_pictures(path, sorted({m for n, _ in at_b for m in (n, n + 1)}))
    by_number = dict(zip(sorted({m for n, _ in at_b for m in (n, n + 1)}), theirs,
                         strict=True))
    for n, still in at_b:
        assert still is not None
        ours = cv2.imdecode(np.frombuffer(still, np.uint8), cv2.IMREAD_COLOR).astype(int)
        theirs = by_number[n]
        again = still_module._encode(np.ascontiguousarray(theirs))  # what JPEG loses of it
        assert again is not None
        loss = np.abs(cv2.imdecode(np.frombuffer(again, np.uint8), cv2.IMREAD_COLOR)
                      .astype(int) - theirs).mean()
        same = np.abs(ours - theirs).mean()
        next_one = np.abs(ours - by_number[n + 1]).mean()
        assert same < loss + 1 and next_one > 3 * same, (n, same, loss, next_one)


def test_two_threads_open_the_file_each_and_the_reader_only_when_a_moment_is_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening an hour's recording reads its whole index: the reader itself opens it only
    for a moment the threads could not place (here: past the end)."""
    path = make_recording(tmp_path / "far.mp4", bframes=3, audio=False)
    opened: list[str] = []
    real_open = still_module.open_media

    def counted(file: Any, **kwargs: Any) -> Any:
        opened.append(threading.current_thread().name)
        return real_open(file, **kwargs)

    monkeypatch.setattr(still_module, "open_media", counted)
    with still_module.StillReader(path, width=320) as reader:
        stills = reader.grab_many([200, 3200, 5600])
    assert [_index_of(s) for s in stills] == [5, 80, 140]
    assert sorted(opened) == ["stills-0", "stills-1"]
    opened.clear()
    with still_module.StillReader(path, width=320) as reader:
        stills = reader.grab_many([200, 3200, 9000])
    assert _index_of(stills[2]) == 149  # the last picture, made by `grab`
    assert sorted(opened) == ["MainThread", "stills-0", "stills-1"]


def test_a_long_stretch_is_cut_into_an_even_number_of_equal_pieces() -> None:
    """A short recording's summary: 151 moments 664 ms apart (one stretch of 100 s) become ten
    pieces of 15 or 16 moments (every other piece: 76 and 75 moments); a short
    stretch stays whole and moments far apart are pieces of their own."""
    pieces = still_module._pieces(list(range(332, 100_000, 664)))
    assert len(pieces) == 10 and {len(p) for p in pieces} == {15, 16}
    assert sorted(sum(len(p) for p in pieces[half::2]) for half in (0, 1)) == [75, 76]
    assert [at for piece in pieces for at in piece] == list(range(332, 100_000, 664))
    assert still_module._pieces([0, 40, 80]) == [[0, 40, 80]]
    assert still_module._pieces([0, 5000, 30000]) == [[0], [5000], [30000]]
    assert still_module._pieces([0, 1500, 3000, 4500, 6000, 7500, 9000, 10500]) == [
        [0, 1500, 3000, 4500], [6000, 7500, 9000, 10500]]


def test_a_thread_done_with_its_piece_takes_the_next_one_not_taken(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The two threads share the pieces as they go: while one is held up on its first piece
    (a whole GOP to decode, or the machine busy), the other makes all the rest."""
    path = make_recording(tmp_path / "long.mp4", seconds=12, bframes=3, audio=False)
    moments = [0, 2120, 4240, 6360, 8480, 10600]  # over 2 s apart: six pieces
    ran: dict[str, list[list[int]]] = {"stills-0": [], "stills-1": []}
    threads: set[tuple[str, int]] = set()  # how each decoder threads
    rest_made = threading.Event()
    real_run = still_module._Pass.run

    def run(self: Any, order: list[int]) -> None:
        name = threading.current_thread().name
        threads.add((self._codec.thread_type.name, self._codec.thread_count))
        if name == "stills-0" and not ran[name]:
            assert rest_made.wait(60), ran
        real_run(self, order)
        ran[name].append(order)
        if name == "stills-1" and len(ran[name]) == len(moments) - 1:
            rest_made.set()

    monkeypatch.setattr(still_module._Pass, "run", run)
    with still_module.StillReader(path, width=320) as reader:
        stills = reader.grab_many(moments)
    assert ran == {"stills-0": [[0]], "stills-1": [[ms] for ms in moments[1:]]}
    assert threads == {("NONE", 1)}  # both cores decode already: no slice threads
    assert [_index_of(s) for s in stills] == [ms * FPS // 1000 for ms in moments]


def _moved_to_ts(source: Path, out: Path, start_s: float) -> Path:
    """`source` remuxed into MPEG-TS with its times starting `start_s` later, as a camcorder's
    .MTS (1.4 s) or a broadcast recording (hours) starts."""
    with av.open(str(source)) as src, av.open(str(out), "w", format="mpegts") as dst:
        video = src.streams.video[0]
        moved = dst.add_stream_from_template(video)
        shift = int(start_s / video.time_base)
        for packet in src.demux(video):
            if packet.dts is None:
                continue
            packet.pts += shift
            packet.dts += shift
            packet.stream = moved
            dst.mux(packet)
    return out


@pytest.mark.parametrize("start_s", [1.4, 3600])
def test_a_file_whose_time_starts_later_gives_the_picture_at_the_moment(
        tmp_path: Path, start_s: float) -> None:
    """A moment counts from the file's start (a player's 0), not from time 0: every still of
    an MPEG-TS was the first picture (1.4 s or an hour before the moment)."""
    source = make_recording(tmp_path / "bron.mp4", bframes=3, audio=False)
    moved = _moved_to_ts(source, tmp_path / "camcorder.mts", start_s)
    with av.open(str(moved)) as check:
        assert (check.start_time or 0) >= start_s * 1_000_000  # it really starts later
    moments = [40, 1240, 2080, 3960, 5000]
    with still_module.StillReader(moved, width=320) as reader:
        many = reader.grab_many(moments)
    assert [_index_of(still) for still in many] == [ms * FPS // 1000 for ms in moments]
    assert [_index_of(still_module.grab_still(moved, ms, width=320)) for ms in moments] == [
        ms * FPS // 1000 for ms in moments]

"""One way to open media and one rotation convention (issue 20): `vsr.media.opener` is the only
module of the program that calls `av.open(`, a file it cannot use is a `MediaError` with a
sentence, and probing, clip previews, re-encoded clips and summary stills agree on which way a
rotated recording is turned (degrees clockwise to display upright)."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from vsr.clips.frames import frame_at, pictures_between
from vsr.clips.source import inspect_source, read_rotation
from vsr.errors import MediaError, StorageError
from vsr.export.stills import StillReader
from vsr.i18n import using_language
from vsr.media.opener import open_media, open_output, rotation_of, storage_error, upright
from vsr.media.probe import probe

ROOT = Path(__file__).resolve().parents[2]
OPENER = "vsr/media/opener.py"
# av.open(...), av .open (, and the function imported under its own or another name.
_OPEN = re.compile(r"\bav\s*\.\s*open\s*\(|from\s+av\s+import\s+[^\n]*\bopen\b")


def _program_sources() -> list[Path]:
    return sorted(p for folder in ("vsr", "ui", "scripts") for p in (ROOT / folder).rglob("*.py"))


def test_av_open_is_called_only_by_the_opener() -> None:
    found = []
    for path in _program_sources():
        name = path.relative_to(ROOT).as_posix()
        source = path.read_text("utf-8")
        for match in _OPEN.finditer(source):
            if name != OPENER:
                found.append(f"{name}:{source.count(chr(10), 0, match.start()) + 1}")
    assert found == [], "open media with vsr.media.opener.open_media / open_output"


def test_the_guard_sees_the_forms_an_open_takes() -> None:
    for code in ("av.open(path)", "with av.open(str(p), 'w') as out:", "av .open (x)",
                 "from av import open", "from av import VideoFrame, open as av_open"):
        assert _OPEN.search(code), code
    assert not _OPEN.search("container = open_media(path)")


def test_a_file_that_is_not_media_is_a_sentence(tmp_path: Path) -> None:
    text = tmp_path / "notities.mp4"
    text.write_text("geen video\n" * 50, encoding="utf-8")
    with pytest.raises(MediaError) as caught:
        open_media(text)
    with using_language("en"):
        message = caught.value.message()
    assert str(text) in message and "{" not in message and "Traceback" not in message


@pytest.mark.parametrize("name", ["https://example.org/a.mp4", "pipe:0", "concat:a.mp4|b.mp4"])
def test_urls_and_protocols_are_refused_before_ffmpeg_sees_them(name: str) -> None:
    with pytest.raises(MediaError) as caught:
        open_media(name)
    assert caught.value.key == "error.media.not_local"


def test_a_fifo_and_an_empty_file_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.mp4"
    os.mkfifo(fifo)
    with pytest.raises(MediaError) as caught:
        open_media(fifo)  # would block for ever if FFmpeg opened it
    assert caught.value.key == "error.media.not_regular"
    empty = tmp_path / "leeg.mp4"
    empty.touch()
    with pytest.raises(MediaError) as caught:
        inspect_source(empty)  # the clip cutter's way in is the same opener
    assert caught.value.key == "error.media.empty"


def test_a_write_that_fails_is_a_storage_error_in_words() -> None:
    full = storage_error(OSError(errno.ENOSPC, "No space left on device"))
    assert isinstance(full, StorageError) and full.key == "error.storage.disk_full"
    other = storage_error(PermissionError(errno.EACCES, "Permission denied"))
    with using_language("en"):
        assert "Permission denied" in other.message() and "{" not in other.message()


def test_output_opens_through_the_opener(tmp_path: Path) -> None:
    with open_output(tmp_path / "uit.mp4", format="mp4",
                     container_options={"movflags": "+faststart"}) as out:
        assert out.format.name.startswith("mp4")


def test_threads_are_set_where_the_caller_asks(tmp_path: Path) -> None:
    path = _rotated(tmp_path / "draai.mp4", 0)
    with open_media(path, threads=True) as container:
        assert container.streams.video[0].codec_context.thread_type.name == "AUTO"
    with open_media(path) as container:
        assert container.streams.video[0].codec_context.thread_type.name != "AUTO"


WIDTH, HEIGHT = 128, 96


def _rotated(path: Path, counter_clockwise: int) -> Path:
    """A recording whose stored pictures have a white block in the top-left corner, with a
    display matrix of `counter_clockwise` degrees (FFmpeg's convention)."""
    picture = np.zeros((HEIGHT, WIDTH, 3), np.uint8)
    picture[:40, :40] = 255
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=25)
        assert isinstance(stream, av.video.stream.VideoStream)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.set_display_rotation(counter_clockwise)
        for index in range(10):
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            frame.pts = index
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def _bright_corner(image: np.ndarray) -> str:  # type: ignore[type-arg]
    h, w = image.shape[:2]
    corners = {"top-left": image[: h // 4, : w // 4], "top-right": image[: h // 4, -w // 4:],
               "bottom-left": image[-h // 4:, : w // 4],
               "bottom-right": image[-h // 4:, -w // 4:]}
    return max(corners, key=lambda name: float(corners[name].mean()))


# FFmpeg's counter-clockwise angle -> vsr's clockwise rotation, and where the stored top-left
# corner is once the picture is turned upright.
CASES = [(-90, 90, "top-right"), (90, 270, "bottom-left"), (180, 180, "bottom-right"),
         (0, 0, "top-left")]


@pytest.mark.parametrize(("counter_clockwise", "clockwise", "corner"), CASES)
def test_every_reader_turns_a_rotated_recording_the_same_way(
        tmp_path: Path, counter_clockwise: int, clockwise: int, corner: str) -> None:
    path = _rotated(tmp_path / "gedraaid.mp4", counter_clockwise)
    assert probe(path).rotation == clockwise  # what the library stores (Recording.rotation)
    assert inspect_source(path).rotation == clockwise  # what the clip cutter uses
    assert read_rotation(path) == clockwise
    upright_shape = (WIDTH, HEIGHT) if clockwise % 180 else (HEIGHT, WIDTH)
    preview = frame_at(path, 0)
    assert preview.shape[:2] == upright_shape and _bright_corner(preview) == corner
    pictures = pictures_between(path, 0, 200, 0)
    assert pictures and all(p.pixels.shape[:2] == upright_shape for p in pictures)
    assert _bright_corner(pictures[0].pixels) == corner
    with StillReader(path, rotation=probe(path).rotation, width=WIDTH) as reader:
        jpeg = reader.grab(0)
    assert jpeg is not None
    still = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert _bright_corner(still) == corner
    assert still.shape[0] > still.shape[1] if clockwise % 180 else still.shape[0] < still.shape[1]


def test_upright_turns_clockwise_and_rotation_of_reads_the_old_tag() -> None:
    stored = np.array([[1, 2], [3, 4]])
    assert upright(stored, 90).tolist() == [[3, 1], [4, 2]]
    assert upright(stored, 270).tolist() == [[2, 4], [1, 3]]
    assert upright(stored, 0) is stored
    assert rotation_of(None, None) == 0

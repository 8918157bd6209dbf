"""probe(): real third-party files from the corpus, generated clips, and every error path.

Malformed corpus files, decided per file (see MANIFEST.md in the corpus):
- broken-file.ogg (CRC mismatch, then EOF), broken-wav.wav (21-byte header),
  chunk_out_of_range.mp4 (contradictory index), fixture-corrupt.mkv (damaged EBML header):
  FFmpeg cannot open them -> error.media.unreadable with FFmpeg's short reason.
- invalid_userdata.mp4: a perfect header promising 231 s, but no sample data at all
  -> error.media.truncated.
- invalid_vp9_bitstream-bug_1416.webm: claims 12336x12336 -> refused before decoding
  (error.media.unreadable naming the size), so no giant allocation.
- block_ends_beyond_cluster.mkv: "tolerated": one frame decodes, so it opens, with the warning
  that its end is missing (9.1 s promised, about 1.2 s of data).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import av
import numpy as np
import pytest

from tests.corpus import CORPUS
from tests.lang import worded
from vsr.errors import MediaError, VsrError
from vsr.media.demo_recording import generate_test_clip
from vsr.media.probe import WARN_AUDIO_UNREADABLE, WARN_END_MISSING, probe

VALID = CORPUS / "media" / "valid"
MALFORMED = CORPUS / "media" / "malformed"
needs_corpus = pytest.mark.skipif(not VALID.is_dir(), reason="shared corpus not available")

# From the corpus MANIFEST (ffprobe): duration ms, video, audio, width, height, fps,
# rotation (clockwise), video codec, audio codec.
EXPECTED = {
    "30fps_numeroted_frames_red.mkv": (2500, True, False, 320, 240, 30.0, 0, "h264", ""),
    "apple-prores-422-proxy.mov": (1000, True, False, 320, 240, 25.0, 0, "prores", ""),
    "bbb_480p_vp9_opus_1second.webm": (1008, True, True, 854, 480, 24.0, 0, "vp9", "opus"),
    "bunny.stereo.audio.opus": (1006, False, True, 0, 0, 0.0, 0, "", "opus"),
    "bunny.surround.audio.pcm16.wav": (1000, False, True, 0, 0, 0.0, 0, "", "pcm_s16le"),
    "fables_01_03_aesop_64kb.ogg": (101407, False, True, 0, 0, 0.0, 0, "", "vorbis"),
    "fixture-null.webm": (4244, True, False, 1920, 1080, 30.0, 0, "vp8", ""),
    "fixture-raw.mts": (1034, True, True, 1920, 1080, 29.97, 0, "h264", "ac3"),
    "flower.mp4": (5055, True, True, 960, 540, 29.97, 0, "h264", "aac"),
    "flower.webm": (5059, True, True, 960, 540, 29.97, 0, "vp8", "vorbis"),
    "friday.mp4": (6166, True, True, 640, 480, 30.0, 0, "h264", "aac"),
    # Display matrix -90 (FFmpeg counts counter-clockwise): turn 90 degrees clockwise.
    "iphone_rotated.mov": (2202, True, True, 568, 320, 29.98, 90, "h264", "aac"),
    "photo-jpeg.mov": (1000, True, False, 320, 240, 25.0, 0, "mjpeg", ""),
    "sample.avi": (5800, True, True, 160, 120, 15.0, 0, "mpeg4", "mp3"),
    "sample.m4a": (5253, False, True, 0, 0, 0.0, 0, "", "aac"),
    "t-rex-roar.mp3": (2116, False, True, 0, 0, 0.0, 0, "", "mp3"),
    # avg_frame_rate is 0/0 here: the fps falls back to the container's base rate.
    "theora-vorbis.ogg": (2322, True, True, 320, 240, 30.0, 0, "theora", "vorbis"),
}


@needs_corpus
def test_every_valid_corpus_file_is_listed() -> None:
    assert sorted(p.name for p in VALID.iterdir()) == sorted(EXPECTED)


@needs_corpus
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_valid_corpus_file_matches_ffprobe(name: str) -> None:
    duration, has_video, has_audio, width, height, fps, rotation, vcodec, acodec = EXPECTED[name]
    result = probe(VALID / name)
    # ffprobe's duration (and MP3/M4A start offsets) differ by a few tens of ms between tools.
    assert result.duration_ms == pytest.approx(duration, abs=60)
    assert (result.has_video, result.has_audio) == (has_video, has_audio)
    assert (result.width, result.height) == (width, height)
    assert result.fps == pytest.approx(fps, abs=0.01)
    assert result.rotation == rotation
    assert (result.video_codec, result.audio_codec) == (vcodec, acodec)
    assert result.container
    assert result.warnings == ()


@needs_corpus
@pytest.mark.parametrize(
    "name",
    ["broken-file.ogg", "broken-wav.wav", "chunk_out_of_range.mp4", "fixture-corrupt.mkv"],
)
def test_unopenable_corpus_file_gives_unreadable(name: str) -> None:
    with pytest.raises(MediaError) as caught:
        probe(MALFORMED / name)
    assert caught.value.key == "error.media.unreadable"
    _assert_plain_message(caught.value, MALFORMED / name)


@needs_corpus
def test_truncated_mp4_with_header_but_no_samples_gives_truncated() -> None:
    with pytest.raises(MediaError) as caught:
        probe(MALFORMED / "invalid_userdata.mp4")
    assert caught.value.key == "error.media.truncated"
    _assert_plain_message(caught.value, MALFORMED / "invalid_userdata.mp4")


@needs_corpus
def test_absurd_picture_size_is_refused_before_decoding() -> None:
    with pytest.raises(MediaError) as caught:
        probe(MALFORMED / "invalid_vp9_bitstream-bug_1416.webm")
    assert caught.value.key == "error.media.picture_too_big"
    assert caught.value.params["size"] == "12336x12336"


@needs_corpus
def test_block_beyond_cluster_is_tolerated_with_a_warning() -> None:
    result = probe(MALFORMED / "block_ends_beyond_cluster.mkv")
    assert result.has_video and result.video_codec == "msmpeg4v3"
    assert (result.width, result.height) == (576, 432)
    assert result.duration_ms == 9144
    assert WARN_END_MISSING in result.warnings


@needs_corpus
def test_every_malformed_corpus_file_is_decided() -> None:
    decided = {
        "block_ends_beyond_cluster.mkv",
        "broken-file.ogg",
        "broken-wav.wav",
        "chunk_out_of_range.mp4",
        "fixture-corrupt.mkv",
        "invalid_userdata.mp4",
        "invalid_vp9_bitstream-bug_1416.webm",
    }
    assert {p.name for p in MALFORMED.iterdir()} == decided


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaError) as caught:
        probe(tmp_path / "gone.mp4")
    assert caught.value.key == "error.media.not_found"
    assert caught.value.params["path"] == str(tmp_path / "gone.mp4")


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.mp4"
    empty.touch()
    with pytest.raises(MediaError) as caught:
        probe(empty)
    assert caught.value.key == "error.media.empty"


def test_text_file_is_unreadable(tmp_path: Path) -> None:
    notes = tmp_path / "notes.mp4"
    notes.write_text("Dit is geen video, maar een boodschappenlijstje.\n" * 20)
    with pytest.raises(MediaError) as caught:
        probe(notes)
    assert caught.value.key == "error.media.unreadable"
    _assert_plain_message(caught.value, notes)


def test_folder_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(MediaError) as caught:
        probe(tmp_path)
    assert caught.value.key == "error.media.unreadable"


def test_subtitles_only_file_has_no_streams(tmp_path: Path) -> None:
    subtitles = tmp_path / "talk.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:02,500\nGoedemorgen.\n\n")
    with pytest.raises(MediaError) as caught:
        probe(subtitles)
    assert caught.value.key == "error.media.no_streams"


@pytest.mark.parametrize("container", ["mp4", "mkv", "webm"])
def test_generated_video_clip(tmp_path: Path, container: str) -> None:
    clip = generate_test_clip(
        tmp_path / f"clip.{container}", 2.0, 160, 120, 25, container=container
    )
    result = probe(str(clip))  # a plain str path works too
    assert result.has_video and result.has_audio
    assert (result.width, result.height, result.fps, result.rotation) == (160, 120, 25.0, 0)
    assert result.duration_ms == pytest.approx(2000, abs=40)
    assert result.warnings == ()


@pytest.mark.parametrize(("container", "codec"), [("m4a", "aac"), ("wav", "pcm_s16le")])
def test_generated_audio_only_clip(tmp_path: Path, container: str, codec: str) -> None:
    clip = generate_test_clip(
        tmp_path / f"tone.{container}", 1.5, with_video=False, container=container
    )
    result = probe(clip)
    assert (result.has_video, result.has_audio, result.audio_codec) == (False, True, codec)
    assert (result.width, result.height, result.fps) == (0, 0, 0.0)
    assert result.duration_ms == pytest.approx(1500, abs=30)


def test_video_without_audio(tmp_path: Path) -> None:
    clip = generate_test_clip(tmp_path / "silent.mp4", 1.0, with_audio=False)
    result = probe(clip)
    assert (result.has_video, result.has_audio, result.audio_codec) == (True, False, "")


@pytest.mark.parametrize(("counter_clockwise", "clockwise"), [(90, 270), (180, 180), (-90, 90)])
def test_rotation_from_display_matrix(
    tmp_path: Path, counter_clockwise: int, clockwise: int
) -> None:
    path = tmp_path / "rotated.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=25)
        assert isinstance(stream, av.video.stream.VideoStream)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        stream.set_display_rotation(counter_clockwise)
        for index in range(10):
            frame = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
            frame.pts = index
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    assert probe(path).rotation == clockwise


def test_mp4_cut_after_its_index_is_truncated(tmp_path: Path) -> None:
    """The index (moov, at the front thanks to faststart) survives, the sample data does not."""
    clip = generate_test_clip(tmp_path / "whole.mp4", 3.0)
    data = clip.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: data.index(b"mdat") + 4])
    with pytest.raises(MediaError) as caught:
        probe(cut)
    assert caught.value.key == "error.media.truncated"


def test_mp4_cut_in_the_middle_opens_with_end_missing(tmp_path: Path) -> None:
    clip = generate_test_clip(tmp_path / "whole.mp4", 20.0, fps=10)
    assert probe(clip).warnings == ()
    data = clip.read_bytes()
    half = tmp_path / "half.mp4"
    half.write_bytes(data[: len(data) // 2])
    result = probe(half)
    # The header promises 20 s; the duration is what can really be read (issue 10).
    assert result.duration_ms == pytest.approx(last_packet_end_ms(half), abs=50)
    assert 5_000 < result.duration_ms < 15_000
    assert WARN_END_MISSING in result.warnings


def last_packet_end_ms(path: Path) -> int:
    """Where the data of a file really stops, by reading every packet."""
    last = 0.0
    with av.open(str(path)) as container:
        try:
            for packet in container.demux():
                stamp = packet.pts if packet.pts is not None else packet.dts
                if packet.size and stamp is not None and packet.time_base is not None:
                    last = max(last, float((stamp + (packet.duration or 0)) * packet.time_base))
        except av.error.FFmpegError:
            pass
    return round(last * 1000)


def test_same_file_under_another_name_probes_the_same(tmp_path: Path) -> None:
    clip = generate_test_clip(tmp_path / "a.mkv", 1.0, container="mkv")
    other = tmp_path / "sub" / "renamed.video"  # the extension does not matter, the content does
    other.parent.mkdir()
    shutil.copy(clip, other)
    assert probe(other) == probe(clip)


def _assert_plain_message(error: VsrError, path: Path) -> None:
    """The user sees the file name and a short reason: no traceback, no Python internals."""
    for lang in ("nl", "en"):
        text = worded(lang, error.message)
        assert str(path) in text
        assert "Traceback" not in text and "\n" not in text and "Error(" not in text
    reason = error.params.get("reason", "")
    assert len(reason) <= 120


def test_empty_audio_track_is_reported_not_fatal(tmp_path: Path) -> None:
    """A recorder made an audio track but wrote no sound into it: use the video, warn."""
    path = tmp_path / "no_sound.mkv"
    with av.open(str(path), "w", format="matroska") as out:
        video = out.add_stream("libx264", rate=25)
        assert isinstance(video, av.video.stream.VideoStream)
        video.width, video.height, video.pix_fmt = 64, 48, "yuv420p"
        out.add_stream("aac", rate=48000, layout="mono")
        for index in range(25):
            frame = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
            frame.pts = index
            for packet in video.encode(frame):
                out.mux(packet)
        for packet in video.encode(None):
            out.mux(packet)
    result = probe(path)
    assert (result.has_video, result.has_audio, result.audio_codec) == (True, False, "")
    assert WARN_AUDIO_UNREADABLE in result.warnings

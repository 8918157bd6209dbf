"""The benchmark's media are what their names say: the phone's HEVC is shown turned a quarter
(a display matrix; ffmpeg 5 wrote none for `-metadata:s:v rotate=90`, so the row named
"rotated" ran on a file that was not)."""

from __future__ import annotations

from pathlib import Path

from bench import media
from tests.vsr.clip_media import make_recording
from vsr.media.probe import probe


def test_a_file_is_turned_a_quarter_once_with_its_sound(tmp_path: Path) -> None:
    path = make_recording(tmp_path / "telefoon.mp4", seconds=2)
    before = probe(path)
    assert before.rotation == 0 and before.has_audio
    assert media._turned_a_quarter(path) == path
    after = probe(path)
    assert after.rotation == 90
    assert after.has_audio and abs(after.duration_ms - before.duration_ms) <= 40
    changed = path.stat().st_mtime_ns
    media._turned_a_quarter(path)  # already turned: left alone
    assert path.stat().st_mtime_ns == changed
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no partial left

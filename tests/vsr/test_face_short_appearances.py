"""Faces that are in the picture only briefly, through the real clip export with faces
anonymised, every frame of the exported file checked against the ground truth: a face that
looks in for six frames between two of the detector's regular looks, and a face that crosses
the whole picture in four frames (160 px a frame), in six (120 px a frame: too fast for the
flow to follow it back) or in eleven (60 px a frame). Before, all of these kept their full
detail in every frame but a few: nothing looked at the picture while they were there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.vsr.clip_media import decoded_frames
from tests.vsr.face_scenes import FPS, Scene, crossing, peeking, tally, write_scene
from vsr.clips import FaceAnonymizer, export_clip

SCENES: dict[str, Callable[[], Scene]] = {
    "peeking": lambda: peeking(48),
    "crossing120": lambda: crossing(120, 32, 10),
    "crossing60": lambda: crossing(60, 36, 18),
    "crossing160": lambda: crossing(160, 28, 7),
    "crossing120_odd": lambda: crossing(120, 44, 11),
}


@pytest.fixture(scope="module")
def anonymizer() -> FaceAnonymizer:
    return FaceAnonymizer("blur")  # one network for all scenes


@pytest.mark.parametrize("name", list(SCENES))
def test_a_face_seen_only_briefly_is_covered_in_every_frame(
        anonymizer: FaceAnonymizer, name: str, tmp_path: Path) -> None:
    scene = SCENES[name]()
    src, out = tmp_path / "scene.mp4", tmp_path / "clip.mp4"
    write_scene(src, scene)
    export_clip(src, 0, len(scene.frames) * 1000 // FPS, out, anonymize=anonymizer,
                keep_audio=False)
    scene.frames = decoded_frames(src)  # judged against what the export was given
    clip = decoded_frames(out)
    assert len(clip) == len(scene.frames)
    result = tally(scene, clip)
    assert result.boxes >= 12, "the scene must have faces to judge"
    assert result.kept == [], f"{scene.name}: {len(result.kept)} of {result.boxes} kept detail"

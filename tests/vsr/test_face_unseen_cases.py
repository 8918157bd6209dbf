"""Cases the hard scenes did not have, each a generated scene with ground truth (see
tests/vsr/face_scenes.py): heads tilted 45-90 degrees in the picture's plane (lying down),
a face half out of the picture at a corner moving fast, faces of 24-30 px moving fast, a
face and its smaller copy on a screen, heavy grain, a phone held upright (stored turned a
quarter with a display matrix), a heavily compressed recording and a clip that starts in
the middle of a GOP with a face moving fast in its first frame. The anonymiser covered all
of them when they were written; these tests keep it so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from tests.vsr.clip_media import decoded_frames
from tests.vsr.face_scenes import (
    FPS,
    Scene,
    corner_fast,
    crossing,
    entering,
    grainy,
    mirrored,
    portrait,
    small_fast,
    tally,
    tilted,
    write_scene,
)
from vsr.clips import FaceAnonymizer, export_clip

SCENES: dict[str, Callable[[], Scene]] = {
    "tilted_45_to_90": lambda: tilted((45, -60, 90, -90), 100, 30),
    "tilted_small_fast": lambda: tilted((90, -90, 70, -45), 44, 30, speed=20),
    "corner_fast": lambda: corner_fast(90, 160, 30),
    "small_fast_26px": lambda: small_fast(26, 30, 30),
    "copy_on_a_screen": lambda: mirrored(30, 26),
    "grainy": lambda: grainy(30, 30),
}


@pytest.fixture(scope="module")
def anonymizer() -> FaceAnonymizer:
    return FaceAnonymizer("blur")  # one network for all scenes


@pytest.mark.parametrize("name", list(SCENES))
def test_an_unseen_case_is_covered_in_every_frame(anonymizer: FaceAnonymizer,
                                                  name: str) -> None:
    scene = SCENES[name]()
    result = tally(scene, [p.pixels for p in anonymizer.process(scene.pictures())])
    assert result.boxes >= 30, "the scene must have faces to judge"
    assert result.kept == [], f"{scene.name}: {len(result.kept)} of {result.boxes} kept detail"


def _export(anonymizer: FaceAnonymizer, scene: Scene, src: Path, out: Path, first: int,
            last: int) -> tuple[Scene, list[np.ndarray]]:
    """Exports frames [first, last) of `src`; the scene cut to them, judged against what the
    export was given."""
    export_clip(src, first * 1000 // FPS, last * 1000 // FPS, out, anonymize=anonymizer,
                keep_audio=False)
    clip = decoded_frames(out)
    scene.frames = decoded_frames(src)[first:first + len(clip)]
    scene.faces = scene.faces[first:first + len(clip)]
    return scene, clip


def test_a_heavily_compressed_recording(anonymizer: FaceAnonymizer, tmp_path: Path) -> None:
    scene = entering(40)
    src = tmp_path / "blocky.mp4"
    write_scene(src, scene, crf=44)
    scene, clip = _export(anonymizer, scene, src, tmp_path / "clip.mp4", 0, 40)
    result = tally(scene, clip)
    assert result.boxes >= 60 and result.kept == [], result.kept


def test_a_clip_starting_mid_gop_with_a_fast_face(anonymizer: FaceAnonymizer,
                                                  tmp_path: Path) -> None:
    """The clip starts 43 frames into a GOP of 50, on a face crossing at 40 px a frame."""
    scene = crossing(40, 70, 20)
    src = tmp_path / "gop.mp4"
    write_scene(src, scene, gop=50)
    scene, clip = _export(anonymizer, scene, src, tmp_path / "clip.mp4", 43, 70)
    result = tally(scene, clip)
    assert scene.faces[0], "a face in the clip's first frame"
    assert result.boxes >= 20 and result.kept == [], result.kept


def test_a_phone_held_upright(anonymizer: FaceAnonymizer, tmp_path: Path) -> None:
    """Stored 1280x720, shown turned a quarter (display matrix): the faces are upright only
    once turned, one of them half out at the edge."""
    scene = portrait(40)
    stored = Scene("stored", (1280, 720), [np.ascontiguousarray(cv2.rotate(
        f, cv2.ROTATE_90_COUNTERCLOCKWISE)) for f in scene.frames], scene.faces)
    raw, src = tmp_path / "raw.mp4", tmp_path / "phone.mp4"
    write_scene(raw, stored)
    with av.open(str(raw)) as source, av.open(str(src), "w", format="mp4") as target:
        video = target.add_stream_from_template(source.streams.video[0])
        video.set_display_rotation(-90)  # shown turned 90 degrees clockwise
        for packet in source.demux(source.streams.video[0]):
            if packet.dts is not None:
                packet.stream = video
                target.mux(packet)
    out = tmp_path / "clip.mp4"
    export_clip(src, 0, 40 * 1000 // FPS, out, anonymize=anonymizer, keep_audio=False)
    clip = decoded_frames(out)
    assert clip[0].shape[:2] == (1280, 720), "written upright"
    scene.frames = [np.ascontiguousarray(cv2.rotate(f, cv2.ROTATE_90_CLOCKWISE))
                    for f in decoded_frames(src)][:len(clip)]
    result = tally(scene, clip)
    assert result.boxes >= 60 and result.kept == [], result.kept

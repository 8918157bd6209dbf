"""Faces that move, turn or hide: on every hard scene (fast walks at 24 and 40 px a frame, a
profile half behind a pillar, heads turning, faces entering at the edge, scene cuts, low
light, 1080p with 24-40 px faces) no face box of 24 px or more keeps its detail after the
anonymiser, by a criterion that knows nothing of the detector (tests/vsr/face_scenes.py)."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from tests.vsr.face_scenes import KEPT, Scene, hard_scenes, kept_detail, tally
from vsr.clips import Box, FaceAnonymizer

SCENES = hard_scenes()


@pytest.fixture(scope="module")
def anonymizer() -> FaceAnonymizer:
    return FaceAnonymizer("blur")  # one network for all scenes (it loads once)


def _anonymised(anonymizer: FaceAnonymizer, scene: Scene) -> list[NDArray[np.uint8]]:
    return [p.pixels for p in anonymizer.process(scene.pictures())]


@pytest.mark.parametrize("name", list(SCENES))
def test_no_face_of_24_px_or_more_keeps_its_detail(anonymizer: FaceAnonymizer,
                                                   name: str) -> None:
    scene = SCENES[name]()
    result = tally(scene, _anonymised(anonymizer, scene))
    assert result.boxes >= 40, "the scene must have faces to judge"
    assert result.kept == [], f"{scene.name}: {len(result.kept)} of {result.boxes} kept detail"


def test_the_criterion_sees_a_face_that_was_not_covered() -> None:
    """Untouched frames keep all their detail; a face blurred only on its left half still
    counts as kept; a fully blurred one does not."""
    scene = SCENES["fast40"]()
    untouched = tally(scene, [f.copy() for f in scene.frames])
    assert untouched.boxes > 0 and len(untouched.kept) == untouched.boxes
    index = next(i for i, faces in enumerate(scene.faces) if faces and
                 faces[0].rect[0] > 0 and faces[0].rect[2] < scene.size[0])
    face = scene.faces[index][0]
    x1, y1, x2, y2 = face.rect
    blur = FaceAnonymizer("blur", margin=0.0)  # covering needs no network
    half = blur.cover(scene.frames[index], [Box(x1, y1, (x1 + x2) / 2, y2)], [])
    whole = blur.cover(scene.frames[index], [Box(x1, y1, x2, y2)], [])
    share_half = kept_detail(scene.frames[index], half, face)
    share_whole = kept_detail(scene.frames[index], whole, face)
    assert share_half is not None and share_half > KEPT
    assert share_whole is not None and share_whole < KEPT / 4

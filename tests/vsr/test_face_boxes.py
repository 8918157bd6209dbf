"""Hand-drawn blur and ignore boxes stored with a clip (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world
from vsr.clip_packs.export import manual_boxes
from vsr.errors import VsrError
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library.face_boxes import add_face_box, list_face_boxes, remove_face_box
from vsr.library.schema import MIGRATIONS


@pytest.fixture
def world(library: Library, tmp_path: Path) -> World:
    w = make_world(library, make_source(tmp_path / "src", seconds=1.0))
    cs.grant_consent(library, w.rec.id, "training", given_by=CLIENT)
    return w


def test_boxes_are_stored_per_clip_kept_inside_it_and_removed(world: World) -> None:
    assert world.lib.schema_version == len(MIGRATIONS)
    col = co.create_collection(world.lib, "Cursus", "training")
    clip = co.add_clip(world.lib, col.id, world.rec.id, 100, 900)
    other = co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    seen: list[str] = []
    world.lib.subscribe(lambda change: seen.append(f"{change.entity} {change.action}"))
    # corners in any order; a range past the clip is cut to the clip
    box = add_face_box(world.lib, clip.id, 0, 5000, (0.8, 0.6, 0.2, 0.1))
    ignore = add_face_box(world.lib, clip.id, 300, 400, (0.1, 0.1, 0.3, 0.3), ignore=True)
    assert (box.start_ms, box.end_ms, box.x1, box.y1, box.x2, box.y2) == (100, 900, 0.2, 0.1,
                                                                          0.8, 0.6)
    assert list_face_boxes(world.lib, clip.id) == [box, ignore]
    assert list_face_boxes(world.lib, other.id) == []
    assert [m.ignore for m in manual_boxes(world.lib, clip.id)] == [False, True]
    remove_face_box(world.lib, box.id)
    assert list_face_boxes(world.lib, clip.id) == [ignore]
    assert seen == ["face_box added", "face_box added", "face_box removed"]
    co.remove_clip(world.lib, clip.id)
    assert world.lib.query("SELECT COUNT(*) AS n FROM clip_face_boxes")[0]["n"] == 0


def test_a_box_too_small_to_see_is_refused(world: World) -> None:
    col = co.create_collection(world.lib, "Cursus", "training")
    clip = co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    with pytest.raises(VsrError) as err:
        add_face_box(world.lib, clip.id, 0, 100, (0.5, 0.5, 0.501, 0.7))
    assert err.value.key == "error.facebox.too_small"

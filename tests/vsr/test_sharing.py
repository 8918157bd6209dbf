"""Sharing a review's gespreksbladen (A/B/C) in clip material: off by default, audited without
names, required to include them in a clip, and asked again at export time, so turning it off
later keeps them out of every pack without rewriting a clip."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.collection_fixtures import CLIENT, PRO, World, make_source, make_world, marker_with_sheet
from vsr.anonymise.names import NameReplacer
from vsr.clip_packs.content import build_pack_doc
from vsr.errors import NotFoundError, VsrError
from vsr.library import Library, open_library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library.audit import list_audit
from vsr.library.schema import MIGRATIONS

DAY = date(2026, 5, 4)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), "gesprek.mp4", 3.0)


@pytest.fixture
def world(library: Library, source: Path) -> World:
    w = make_world(library, source)
    cs.grant_consent(library, w.rec.id, "intervisie", given_by=CLIENT)
    return w


def _doc_texts(world: World, col: co.Collection) -> list[tuple[str, str, int]]:
    doc = build_pack_doc(world.lib, col, co.list_clips(world.lib, col.id), names=NameReplacer(),
                         faces_anonymised=False, day=DAY)
    return [(c.what_happened, c.keep_or_change, len(c.reflections)) for c in doc.clips]


def test_sharing_is_off_by_default_and_audited_without_names(world: World) -> None:
    assert rv.shares_reflections(world.lib, world.review.id) is False
    assert rv.get_review(world.lib, world.review.id).share_reflections is False
    seen: list[object] = []
    world.lib.subscribe(seen.append)
    rv.set_share_reflections(world.lib, world.review.id, True, initiator="sheet-view")
    assert rv.shares_reflections(world.lib, world.review.id) is True
    assert rv.get_review(world.lib, world.review.id).share_reflections is True
    rv.set_share_reflections(world.lib, world.review.id, False)
    assert rv.shares_reflections(world.lib, world.review.id) is False
    changes = [c for c in seen if getattr(c, "entity", "") == "review"]
    assert [(c.action, c.ids, c.initiator) for c in changes] == [  # type: ignore[attr-defined]
        ("updated", (world.review.id,), "sheet-view"), ("updated", (world.review.id,), None)]
    entries = list_audit(world.lib, action="sharing.set", newest_first=False)
    assert [(e.subject, e.details) for e in entries] == [
        (f"review:{world.review.id}", {"allow": True}),
        (f"review:{world.review.id}", {"allow": False})]
    logged = " ".join(str(e.details) for e in list_audit(world.lib))
    assert PRO not in logged and CLIENT not in logged
    with pytest.raises(NotFoundError):
        rv.set_share_reflections(world.lib, 999, True)


def test_including_reflections_needs_sharing(world: World) -> None:
    marker = marker_with_sheet(world, 1000, 2000)
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    with pytest.raises(VsrError) as err:
        co.add_clip_from_marker(world.lib, col.id, marker, include_reflections=True)
    assert err.value.key == "error.clip.sharing_not_allowed"
    assert co.list_clips(world.lib, col.id) == []  # nothing was added
    for lang in ("nl", "en"):
        assert "{" not in worded(lang, err.value.message)
    clip = co.add_clip_from_marker(world.lib, col.id, marker)
    assert co.clip_may_include_reflections(world.lib, clip) is False
    with pytest.raises(VsrError) as err:
        co.set_include_reflections(world.lib, clip.id, True)
    assert err.value.key == "error.clip.sharing_not_allowed"
    assert not co.get_clip(world.lib, clip.id).include_reflections

    rv.set_share_reflections(world.lib, world.review.id, True)
    assert co.clip_may_include_reflections(world.lib, clip) is True
    assert co.set_include_reflections(world.lib, clip.id, True).include_reflections
    again = co.add_clip_from_marker(world.lib, col.id, marker, include_reflections=True)
    assert again.include_reflections
    ranged = co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    assert co.clip_may_include_reflections(world.lib, ranged) is False  # no marker, no sheet
    with pytest.raises(VsrError):
        co.add_clip(world.lib, col.id, world.rec.id, 0, 500, include_reflections=True)


def test_a_deleted_marker_takes_the_permission_with_it(world: World) -> None:
    marker = marker_with_sheet(world, 1000, 2000)
    rv.set_share_reflections(world.lib, world.review.id, True)
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    clip = co.add_clip_from_marker(world.lib, col.id, marker, include_reflections=True)
    mk.delete_marker(world.lib, marker)
    clip = co.get_clip(world.lib, clip.id)
    assert clip.marker_id is None and co.clip_may_include_reflections(world.lib, clip) is False


def test_turning_sharing_off_keeps_reflections_out_of_the_next_pack(world: World) -> None:
    marker = marker_with_sheet(world, 1000, 2000)
    rv.set_share_reflections(world.lib, world.review.id, True)
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    clip = co.add_clip_from_marker(world.lib, col.id, marker, include_reflections=True)
    assert _doc_texts(world, col) == [("Anouk zei dat ze boos was.", "Eerst doorvragen.", 2)]

    rv.set_share_reflections(world.lib, world.review.id, False)
    assert co.get_clip(world.lib, clip.id).include_reflections  # the clip is not rewritten
    assert _doc_texts(world, col) == [("", "", 0)]
    rv.set_share_reflections(world.lib, world.review.id, True)
    assert _doc_texts(world, col) == [("Anouk zei dat ze boos was.", "Eerst doorvragen.", 2)]


def test_a_version_3_library_gets_sharing_off(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    for statement in [s for migration in MIGRATIONS[:3] for s in migration]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO recordings (fingerprint, path, title, duration_ms, has_video,"
                 " has_audio, added_at) VALUES ('f', '/x.mp4', 'x', 1000, 1, 1, 'now')")
    conn.execute("INSERT INTO reviews (recording_id, title, created_at, updated_at)"
                 " VALUES (1, 'Oud', 'now', 'now')")
    conn.commit()
    conn.close()
    lib = open_library(db)
    try:
        assert lib.schema_version == len(MIGRATIONS) >= 4
        assert rv.get_review(lib, 1).share_reflections is False
        rv.set_share_reflections(lib, 1, True)
        assert rv.shares_reflections(lib, 1)
    finally:
        lib.close()

"""Collections of clips: adding from ranges and markers, default questions, reorder, trim,
retitle, remove and restore, and name replacement by role."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.collection_fixtures import CLIENT, PRO, World, make_source, make_world
from vsr.anonymise.known import known_names
from vsr.errors import NotFoundError, VsrError
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import markers as mk
from vsr.library.audit import list_audit


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"))


@pytest.fixture
def world(library: Library, source: Path) -> World:
    w = make_world(library, source)
    cs.grant_consent(library, w.rec.id, "intervisie", given_by=CLIENT)
    return w


def test_create_and_list_by_purpose(world: World) -> None:
    a = co.create_collection(world.lib, " Intervisie mei ", "intervisie", keep_until="2027-01-31")
    b = co.create_collection(world.lib, "Cursus", "training")
    assert a.name == "Intervisie mei" and a.keep_until is not None
    assert [c.id for c in co.list_collections(world.lib)] == [a.id, b.id]
    assert [c.id for c in co.list_collections(world.lib, "training")] == [b.id]
    with pytest.raises(VsrError):
        co.create_collection(world.lib, "x", "own_review")  # not a collection purpose
    with pytest.raises(VsrError):
        co.create_collection(world.lib, "  ", "intervisie")
    assert co.rename_collection(world.lib, a.id, "Intervisie juni").name == "Intervisie juni"


def test_default_questions_come_from_the_method_in_both_languages(world: World) -> None:
    assert co.default_questions() == ("Wat gebeurt hier?", "Wat deed dit met de cliënt?",
                                          "Hoe zou jij reageren?")
    assert worded("en", co.default_questions)[2] == "How would you respond?"
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    with_defaults = worded("en", co.add_clip, world.lib, col.id, world.rec.id, 0, 1000)
    own = co.add_clip(world.lib, col.id, world.rec.id, 1000, 2000, questions=["Wat nu?", " "])
    none = co.add_clip(world.lib, col.id, world.rec.id, 0, 500, questions=[])
    assert with_defaults.questions == worded("en", co.default_questions)
    assert own.questions == ("Wat nu?",)
    assert none.questions == ()


def test_clip_from_point_marker_uses_lead_and_lag_and_range_marker_as_is(world: World) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    point = mk.add_marker(world.lib, world.client.id, 1500, None, theme="samenwerking",
                          subtopic="luisteren")
    ranged = mk.add_marker(world.lib, world.pro.id, 200, 900)
    a = co.add_clip_from_marker(world.lib, col.id, point.id, lead_ms=1000, lag_ms=500)
    b = co.add_clip_from_marker(world.lib, col.id, ranged.id, lead_ms=5000, lag_ms=5000)
    c = co.add_clip_from_marker(world.lib, col.id, point.id, lead_ms=4000, lag_ms=9000,
                                title="Eigen titel")
    assert (a.start_ms, a.end_ms, a.marker_id, a.recording_id) == (500, 2000, point.id,
                                                                   world.rec.id)
    assert "samenwerking" in a.title.lower() and "–" in a.title  # theme – sub-topic
    assert (b.start_ms, b.end_ms, b.title) == (200, 900, "")
    # clamped to the recording: no negative start, no end past its 3 s
    assert (c.start_ms, c.end_ms, c.title) == (0, world.rec.duration_ms, "Eigen titel")


def test_reorder_trim_retitle_and_questions(world: World) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    ids = [co.add_clip(world.lib, col.id, world.rec.id, i * 500, i * 500 + 400).id
           for i in range(4)]
    order = co.move_clip(world.lib, ids[3], 0)
    assert [c.id for c in order] == [ids[3], ids[0], ids[1], ids[2]]
    assert [c.position for c in order] == [0, 1, 2, 3]
    order = co.move_clip(world.lib, ids[3], 99)  # clamped to the end
    assert [c.id for c in order] == ids
    co.move_clip(world.lib, ids[0], 2)
    assert [c.id for c in co.list_clips(world.lib, col.id)] == [ids[1], ids[2], ids[0], ids[3]]

    trimmed = co.trim_clip(world.lib, ids[0], 100, 2500)
    assert (trimmed.start_ms, trimmed.end_ms) == (100, 2500)
    for start, end in ((900, 900), (1200, 800), (-5, 300), (5000, 6000)):
        with pytest.raises(VsrError) as err:
            co.trim_clip(world.lib, ids[0], start, end)
        assert err.value.key == "error.collection.bad_range"
    assert co.get_clip(world.lib, ids[0]).start_ms == 100  # unchanged after refusals
    assert co.retitle_clip(world.lib, ids[0], " Het stille moment ").title == "Het stille moment"
    assert co.set_clip_questions(world.lib, ids[0], ["Wat zie je?"]).questions == ("Wat zie je?",)
    with pytest.raises(VsrError) as err:  # a drawn range has no gespreksblad to share
        co.set_include_reflections(world.lib, ids[0], True)
    assert err.value.key == "error.clip.sharing_not_allowed"
    assert not co.set_include_reflections(world.lib, ids[0], False).include_reflections


def test_remove_is_audited_and_restore_puts_it_back_in_place(world: World) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    ids = [co.add_clip(world.lib, col.id, world.rec.id, i * 500, i * 500 + 400).id
           for i in range(3)]
    removed = co.remove_clip(world.lib, ids[1])
    assert [c.id for c in co.list_clips(world.lib, col.id)] == [ids[0], ids[2]]
    entry = list_audit(world.lib, action="clips.removed")[0]
    assert entry.details["clips"] == [ids[1]] and entry.subject == f"collection:{col.id}"
    co.restore_clip(world.lib, removed)
    assert [c.id for c in co.list_clips(world.lib, col.id)] == ids
    with pytest.raises(NotFoundError):
        co.get_clip(world.lib, 12345)


def test_deleting_a_collection_deletes_its_clips_and_is_audited(world: World) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 400)
    co.delete_collection(world.lib, col.id)
    assert co.list_collections(world.lib) == []
    assert world.lib.query("SELECT COUNT(*) AS n FROM collection_clips")[0]["n"] == 0
    entry = list_audit(world.lib, action="collection.deleted")[0]
    assert entry.details["clips"] == 1


def test_names_are_replaced_by_roles(world: World) -> None:
    names = known_names(world.lib, [world.rec.id])
    assert names(PRO) == "Professional" and names(CLIENT) == "Cliënt"
    text = "Anouk de Vries vertelt; anouk kijkt naar Piet. Jansen zwijgt. Vriesland blijft."
    assert names(text) == (
        "Cliënt vertelt; Cliënt kijkt naar Professional. Professional zwijgt. Vriesland blijft.")
    assert names("Het gesprek met de coach") == "Het gesprek met de coach"
    en = worded("en", known_names, world.lib, [world.rec.id])
    assert en("Anouk's turn") == "Client's turn"
    cs.grant_consent(world.lib, world.rec.id, "training", given_by="Ricardo Alves (vader)")
    assert known_names(world.lib, [world.rec.id])("Ricardo tekende") == "Cliënt tekende"

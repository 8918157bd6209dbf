"""The client's pause, kept in the library: who paused, where and when; the pauses near a moment;
a pause made a moment in one step (once), undone and redone; the migration adds the table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.errors import NotFoundError
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.schema import MIGRATIONS
from vsr.model import MAX_RECORDING_MS
from vsr.samenleergesprek import pauses as ps


@pytest.fixture
def review(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    return rv.create_review(library, rec.id, party_names=("Ił", "Øy"))


def test_a_pause_is_kept_with_party_place_and_time(library, review) -> None:  # type: ignore[no-untyped-def]
    pro, client = rv.list_parties(library, review.id)
    seen = []
    library.subscribe(seen.append)
    second = ps.record_pause(library, review.id, client.id, 42_500)
    first = ps.record_pause(library, review.id, pro.id, 7_000)
    assert [(p.party_id, p.position_ms) for p in ps.list_pauses(library, review.id)] == [
        (pro.id, 7_000), (client.id, 42_500)]  # in recording order
    assert [p.id for p in ps.list_pauses(library, review.id, client.id)] == [second.id]
    assert second.paused_at.startswith("20") and "T" in second.paused_at
    assert [(c.entity, c.action, c.ids) for c in seen] == [
        ("pause", "added", (second.id,)), ("pause", "added", (first.id,))]


def test_hostile_positions_and_parties_are_refused_or_clamped(library, review, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pro, _client = rv.list_parties(library, review.id)
    assert ps.record_pause(library, review.id, pro.id, -5).position_ms == 0
    assert ps.record_pause(library, review.id, pro.id, 10**15).position_ms == MAX_RECORDING_MS
    other = rv.create_review(library, review.recording_id)
    stranger = rv.list_parties(library, other.id)[0]
    with pytest.raises(NotFoundError):  # a party of another review
        ps.record_pause(library, review.id, stranger.id, 1_000)
    with pytest.raises(NotFoundError):
        ps.pause_to_moment(library, 999_999)


def test_pauses_near_a_moment() -> None:
    pauses = [ps.Pause(i, 1, 2, at, "") for i, at in enumerate((1_000, 9_000, 12_500, 30_000))]
    assert [p.position_ms for p in ps.pauses_near(pauses, 10_000, 12_000)] == [9_000, 12_500]
    assert [p.position_ms for p in ps.pauses_near(pauses, 27_000, None)] == [30_000]
    assert ps.pauses_near(pauses, 20_000, None) == []


def test_a_pause_becomes_a_moment_once_and_undo_redo_keep_the_link(library, review) -> None:  # type: ignore[no-untyped-def]
    _pro, client = rv.list_parties(library, review.id)
    pause = ps.record_pause(library, review.id, client.id, 3_000)
    marker = ps.pause_to_moment(library, pause.id)
    assert (marker.party_id, marker.start_ms, marker.end_ms) == (client.id, 0, 3_000)
    assert ps.pause_to_moment(library, pause.id).id == marker.id  # no second moment
    assert len(mk.list_markers(library, review.id)) == 1
    assert ps.get_pause(library, pause.id).marker_id == marker.id
    sh.set_field(library, marker.id, sh.SheetField.WHAT_HAPPENED, "Hier schrok ik")
    snapshot = ps.undo_pause_moment(library, pause.id)
    assert snapshot is not None and mk.list_markers(library, review.id) == []
    assert ps.get_pause(library, pause.id).marker_id is None  # the pause itself stays
    again = ps.redo_pause_moment(library, pause.id, snapshot)
    assert again.id == marker.id and ps.get_pause(library, pause.id).marker_id == marker.id
    assert sh.get_sheet(library, marker.id).what_happened == "Hier schrok ik"
    mk.delete_marker(library, marker.id)  # deleting the moment elsewhere unlinks the pause
    assert ps.get_pause(library, pause.id).marker_id is None


def test_a_pause_late_in_the_recording_gives_a_five_second_moment(library, review) -> None:  # type: ignore[no-untyped-def]
    pro, _ = rv.list_parties(library, review.id)
    pause = ps.record_pause(library, review.id, pro.id, 61_250)
    assert ps.moment_range(pause) == (56_250, 61_250)
    assert ps.moment_range(ps.Pause(1, 1, 1, 0, "")) == (0, 1)  # at the very start: not empty


def test_the_migration_adds_the_pauses_table_to_an_older_library(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS[:-1]:
        if isinstance(migration, list):
            for statement in migration:
                conn.execute(statement)
        else:
            for statement in migration.statements:
                conn.execute(statement)
            if migration.run is not None:
                migration.run(conn)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    conn.commit()
    conn.close()
    lib = open_library(path)
    try:
        assert lib.schema_version == len(MIGRATIONS)
        assert lib.query("SELECT COUNT(*) AS n FROM pauses") == [{"n": 0}]
    finally:
        lib.close()


def test_deleting_the_review_deletes_its_pauses(library, review) -> None:  # type: ignore[no-untyped-def]
    pro, _ = rv.list_parties(library, review.id)
    ps.record_pause(library, review.id, pro.id, 1_000)
    rv.delete_review(library, review.id)
    assert library.query("SELECT COUNT(*) AS n FROM pauses") == [{"n": 0}]


def test_the_pauses_travel_in_a_review_package(library, review, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from vsr.review_package import pack_review, unpack_review

    _pro, client = rv.list_parties(library, review.id)
    kept = ps.record_pause(library, review.id, client.id, 12_000)
    made = ps.pause_to_moment(library, ps.record_pause(library, review.id, client.id, 30_000).id)
    other = open_library(tmp_path / "coach" / "library.sqlite")
    try:
        done = unpack_review(other, pack_review(library, review.id, tmp_path / "r.vsrpack"))
        there = ps.list_pauses(other, done.review_id)
        client_there = rv.list_parties(other, done.review_id)[1]
        assert [(p.party_id, p.position_ms) for p in there] == [
            (client_there.id, 12_000), (client_there.id, 30_000)]
        assert there[0].paused_at == kept.paused_at  # when, as it was
        moment = mk.get_marker(other, there[1].marker_id)  # still linked to its moment
        assert (moment.start_ms, moment.end_ms) == (made.start_ms, made.end_ms)
        assert there[0].marker_id is None
    finally:
        other.close()

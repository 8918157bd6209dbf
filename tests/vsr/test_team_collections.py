"""Collections shared with a team (a coach's clips for intervisie, a trainer's exercise set), on
a real PostgreSQL: the same consent rules as a shared review (every clip's recording needs the
purpose's consent, here and at the source), row-level security decides who sees them, a coach
may put a received recording's clips only into the team and purpose it was shared with, and
withdrawal of one recording takes its clips out of every collection."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest

from tests.vsr.collection_fixtures import World, make_source
from tests.vsr.pg_cluster import pg_cluster  # noqa: F401 (fixture)
from tests.vsr.test_team import _Db, _grant, _share, media, source, team_db, world  # noqa: F401
from vsr.library import Library, open_library
from vsr.library import collections as cl
from vsr.library import consent as cs
from vsr.library import recordings as rc
from vsr.library.withdrawal import withdraw_consent
from vsr.team import collections as tc
from vsr.team.connection import TeamError
from vsr.team.outbox import tell_team
from vsr.team.received import receive
from vsr.team.sharing import team_recording_id


@pytest.fixture
def coach_lib(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "carla" / "library.sqlite")
    yield lib
    lib.close()


def _two_recordings(world: World, tmp_path: Path) -> int:  # noqa: F811
    """A second recording in alice's library, with intervisie consent; its id."""
    second, _ = rc.add_recording(world.lib, make_source(tmp_path / "src2", "tweede.mp4", 2.0))
    cs.grant_consent(world.lib, second.id, "intervisie", given_by="Anouk")
    return second.id


def _collection(world: World, recordings: list[int], purpose: str = "intervisie") -> int:  # noqa: F811
    coll = cl.create_collection(world.lib, "Doorvragen bij Anouk", purpose)
    for rec in recordings:
        cl.add_clip(world.lib, coll.id, rec, 200, 900, title="Anouk wordt boos",
                    questions=["Wat deed Anouk hier?"])
    return coll.id


def _shared(db: _Db, user: str) -> dict[str, tc.SharedCollection]:
    with db.conn(user) as conn:
        return {c.id: c for c in tc.list_shared_collections(conn)}


def _open(db: _Db, user: str, collection_id: str) -> dict:  # type: ignore[type-arg]
    with db.conn(user) as conn:
        return tc.open_shared_collection(conn, collection_id)


def test_a_collection_reaches_its_team_for_its_purpose_only(
        team_db: _Db, world: World, media: Path, tmp_path: Path) -> None:  # noqa: F811
    _grant(world, "intervisie")
    second = _two_recordings(world, tmp_path)
    coll = _collection(world, [world.rec.id, second])
    with team_db.conn("alice") as alice:
        shared = tc.share_collection(world.lib, alice, media, coll, "Team Noord")
    assert len(list(media.iterdir())) == 2  # each recording encrypted once
    seen = _shared(team_db, "carla")  # a coach of Team Noord
    assert seen[shared].clips == 2 and seen[shared].purpose == "intervisie"
    assert seen[shared].title == "Doorvragen bij Cliënt"  # the name replaced by the role
    opened = _open(team_db, "carla", shared)
    assert [(c["start_ms"], c["end_ms"]) for c in opened["clips"]] == [(200, 900), (200, 900)]
    assert all(c["key"] and c["media_ref"] for c in opened["clips"])
    assert "Anouk" not in json.dumps(opened, ensure_ascii=False)
    for stranger in ("dirk", "tess", "fenna"):  # other team, training only, the officer
        assert shared not in _shared(team_db, stranger)
        with pytest.raises(TeamError) as refused:
            _open(team_db, stranger, shared)
        assert refused.value.key == "error.team.not_shared"
    with team_db.conn("carla") as carla, pytest.raises(psycopg.errors.InsufficientPrivilege):
        carla.execute("SELECT * FROM vsr_team.collection_clip").fetchall()
    assert any(r[5] == "collection.open" for r in _log(team_db))


def _log(db: _Db) -> list[tuple]:  # type: ignore[type-arg]
    with psycopg.connect(db.url(), autocommit=True) as admin:
        return admin.execute("SELECT id, at, db_role, workstation, client_addr, action"
                             " FROM vsr_team.log ORDER BY id").fetchall()


def test_no_consent_for_the_purpose_means_nothing_leaves_the_laptop(
        team_db: _Db, world: World, media: Path, tmp_path: Path) -> None:  # noqa: F811
    _grant(world, "intervisie")
    coll = cl.create_collection(world.lib, "Oefenset", "training")
    _grant(world, "training", until=(date.today() + timedelta(days=1)).isoformat())
    cl.add_clip(world.lib, coll.id, world.rec.id, 0, 1000)
    later = date.today() + timedelta(days=5)  # the training consent has lapsed by then
    with team_db.conn("alice") as alice, pytest.raises(Exception) as refused:
        tc.share_collection(world.lib, alice, media, coll.id, "Team Noord", today=later)
    assert getattr(refused.value, "key", "") == "error.consent.lapsed"
    assert not list(media.iterdir())
    empty = cl.create_collection(world.lib, "Leeg", "intervisie")
    with team_db.conn("alice") as alice, pytest.raises(TeamError) as nothing:
        tc.share_collection(world.lib, alice, media, empty.id, "Team Noord")
    assert nothing.value.key == "error.team.collection_empty"


def test_a_coach_shares_received_clips_only_with_the_team_and_purpose_they_came_with(
        team_db: _Db, world: World, media: Path, coach_lib: Library, tmp_path: Path) -> None:  # noqa: F811
    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    with team_db.conn("carla") as carla:
        review_id = receive(coach_lib, carla, media, share_id, tmp_path / "carla-cache")
    from vsr.library.reviews import get_review

    rec_here = get_review(coach_lib, review_id).recording_id
    coll = cl.create_collection(coach_lib, "Intervisie december", "intervisie")
    cl.add_clip(coach_lib, coll.id, rec_here, 500, 1500, title="Wat gebeurt hier?")
    files = set(media.iterdir())
    with team_db.conn("carla") as carla:
        shared = tc.share_collection(coach_lib, carla, media, coll.id, "Team Noord")
    assert set(media.iterdir()) == files  # the team's copy is used, nothing sent again
    opened = _open(team_db, "alice", shared)  # a professional of the team sees it too
    assert [c["start_ms"] for c in opened["clips"]] == [500]
    with team_db.conn("carla") as carla, pytest.raises(TeamError) as other_team:
        tc.share_collection(coach_lib, carla, media, coll.id, "Team Zuid")
    assert other_team.value.key == "error.team.no_team"  # not her team: not even its name
    # The database itself refuses what the program would not send: a trainer of the team
    # putting the intervisie recording into a training set.
    rec = opened["clips"][0]["recording_id"]
    with team_db.conn("tess") as tess, pytest.raises(psycopg.Error) as refused:
        tess.execute("SELECT vsr_team.share_collection('Team Noord', 'training', 'Set', %s)",
                     (json.dumps([{"recording_id": rec, "start_ms": 0, "end_ms": 500}]),))
    assert refused.value.sqlstate == "VT004"
    with team_db.conn("dirk") as dirk, pytest.raises(psycopg.Error) as stranger:  # other team
        dirk.execute("SELECT vsr_team.share_collection('Team Zuid', 'intervisie', 'Set', %s)",
                     (json.dumps([{"recording_id": rec, "start_ms": 0, "end_ms": 500}]),))
    assert stranger.value.sqlstate == "VT004"  # shared with Noord, not with Zuid
    with team_db.conn("tess") as tess, pytest.raises(TeamError) as worded:
        tc._call(tess, "SELECT vsr_team.share_collection('Team Noord', 'training', 'Set', %s)",
                 (json.dumps([{"recording_id": rec, "start_ms": 0, "end_ms": 500}]),))
    assert worded.value.key == "error.team.clip_not_allowed"


def test_withdrawing_one_recording_takes_its_clips_out_of_every_collection(
        team_db: _Db, world: World, media: Path, coach_lib: Library, tmp_path: Path) -> None:  # noqa: F811
    _grant(world, "intervisie")
    second = _two_recordings(world, tmp_path)
    both = _collection(world, [world.rec.id, second])
    with team_db.conn("alice") as alice:
        mixed = tc.share_collection(world.lib, alice, media, both, "Team Noord")
    # carla's own collection of the shared review's first recording
    share_id = _share(team_db, world, media)
    with team_db.conn("carla") as carla:
        review_id = receive(coach_lib, carla, media, share_id, tmp_path / "carla-cache")
    from vsr.library.reviews import get_review

    coach_coll = cl.create_collection(coach_lib, "Van Carla", "intervisie")
    cl.add_clip(coach_lib, coach_coll.id, get_review(coach_lib, review_id).recording_id, 0, 800)
    with team_db.conn("carla") as carla:
        carlas = tc.share_collection(coach_lib, carla, media, coach_coll.id, "Team Noord")
    assert {mixed, carlas} <= set(_shared(team_db, "carla"))

    withdraw_consent(world.lib, world.rec.id, "intervisie")
    tell_team(world.lib, world.rec.id, "intervisie", url=team_db.url("alice"), media=media)
    seen = _shared(team_db, "carla")
    assert carlas not in seen  # its only clip was of the withdrawn recording: gone
    assert seen[mixed].clips == 1  # the other recording's clip stays
    assert len(_open(team_db, "carla", mixed)["clips"]) == 1
    with psycopg.connect(team_db.url(), autocommit=True) as admin:  # the owner, no policies
        left = admin.execute("SELECT count(*) FROM vsr_team.collection_clip WHERE recording_id"
                             " = %s", (team_recording_id(world.rec.fingerprint),)).fetchone()
    assert left == (0,)  # not hidden: deleted


def test_a_lapsed_consent_hides_the_clip_and_its_key_at_once(
        team_db: _Db, world: World, media: Path) -> None:  # noqa: F811
    _grant(world, "intervisie", until=(date.today() + timedelta(days=30)).isoformat())
    coll = _collection(world, [world.rec.id])
    with team_db.conn("alice") as alice:
        shared = tc.share_collection(world.lib, alice, media, coll, "Team Noord")
    assert len(_open(team_db, "carla", shared)["clips"]) == 1
    team_db.cluster.psql("UPDATE vsr_team.consent SET until = current_date - 1", db=team_db.db)
    assert _open(team_db, "carla", shared)["clips"] == []
    assert _shared(team_db, "carla")[shared].clips == 0


def test_only_the_sharer_removes_a_collection(team_db: _Db, world: World, media: Path) -> None:  # noqa: F811
    _grant(world, "intervisie")
    coll = _collection(world, [world.rec.id])
    with team_db.conn("alice") as alice:
        shared = tc.share_collection(world.lib, alice, media, coll, "Team Noord")
    with team_db.conn("carla") as carla:
        assert tc.remove_shared_collection(carla, shared) is False
    with team_db.conn("alice") as alice:
        assert tc.remove_shared_collection(alice, shared) is True
    assert shared not in _shared(team_db, "carla")


def test_the_command_line_shares_lists_and_opens_a_collection(  # noqa: F811
        team_db: _Db, world: World, media: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from vsr.cli.main import main

    _grant(world, "intervisie")
    coll = _collection(world, [world.rec.id])
    monkeypatch.setenv("VSR_LIBRARY", str(world.lib.path))
    monkeypatch.setenv("VSR_TEAM_MEDIA", str(media))
    alice, carla, dirk = (team_db.url(u) for u in ("alice", "carla", "dirk"))
    assert main(["team", "--url", alice, "share-collection", str(coll), "--team", "Team Noord"]) == 0
    assert "Verzameling gedeeld met Team Noord" in capsys.readouterr().out
    assert main(["team", "--url", carla, "collections", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["clips"] == 1 and item["purpose"] == "intervisie"
    assert main(["team", "--url", carla, "open-collection", item["id"]]) == 0
    opened = json.loads(capsys.readouterr().out)
    assert [c["start_ms"] for c in opened["clips"]] == [200]
    assert all("key" not in c for c in opened["clips"])  # the key is not printed
    assert main(["team", "--url", dirk, "open-collection", item["id"]]) == 1
    assert "niet (meer) met je gedeeld" in capsys.readouterr().err
    empty = cl.create_collection(world.lib, "Leeg", "intervisie")
    assert main(["team", "--url", alice, "share-collection", str(empty.id), "--team",
                 "Team Noord"]) == 1
    assert "geen fragmenten" in capsys.readouterr().err

"""A coach receives a shared review into their own library (a real PostgreSQL): the recording
decrypted into a private cache, the moments on the timeline with names replaced; when the share
is withdrawn the local copy goes at the next connect, cached file included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.vsr.pg_cluster import pg_cluster  # noqa: F401 (fixture)
from tests.vsr.test_team import _Db, _grant, _share, media, source, team_db, world  # noqa: F401
from vsr.library import Library, open_library
from vsr.library import consent as cs
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.withdrawal import withdraw_consent
from vsr.team.outbox import tell_team
from vsr.team.received import forget_gone, receive, received, received_path


@pytest.fixture
def coach_lib(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "carla" / "library.sqlite")
    yield lib
    lib.close()


def test_a_coach_receives_watches_and_loses_it_on_withdrawal(
        team_db, world, media, coach_lib: Library, tmp_path: Path) -> None:  # noqa: F811
    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    cache = tmp_path / "carla-cache"
    with team_db.conn("carla") as carla:
        review_id = receive(coach_lib, carla, media, share_id, cache)
        assert receive(coach_lib, carla, media, share_id, cache) == review_id  # once only
    review = rv.get_review(coach_lib, review_id)
    assert review.title.startswith("Ontvangen van Team Noord")
    cached = cache / f"{share_id}.mp4"
    assert cached.read_bytes() == Path(world.rec.path).read_bytes()
    assert cached.stat().st_mode & 0o077 == 0 and received_path(coach_lib).stat().st_mode & 0o077 == 0
    markers = sorted(mk.list_markers(coach_lib, review_id), key=lambda m: m.start_ms)
    assert [(m.start_ms, m.end_ms) for m in markers] == [(500, 1500), (2000, None)]
    roles = {p.id: p.role.value for p in rv.list_parties(coach_lib, review_id)}
    assert [roles[m.party_id] for m in markers] == ["client", "professional"]
    first = sh.get_sheet(coach_lib, markers[0].id)
    assert "afspraken niet duidelijk" in first.what_happened
    assert "Anouk" not in first.what_happened  # the client's name never reached the coach
    here = cs.get_consent(coach_lib, review.recording_id, "intervisie")
    assert here is not None and "Team Noord" in here.given_by  # the coach may cut clips
    with team_db.conn("carla") as carla:
        assert forget_gone(coach_lib, carla) == []  # still shared: kept

    withdraw_consent(world.lib, world.rec.id, "intervisie")
    tell_team(world.lib, world.rec.id, "intervisie", url=team_db.url("alice"), media=media)
    with team_db.conn("carla") as carla:
        assert forget_gone(coach_lib, carla) == [review_id]
    assert not cached.exists()
    assert received(coach_lib) == {}
    assert all(r.id != review_id for r in rv.list_reviews(coach_lib))


def test_the_review_is_in_the_library_before_its_recording_arrives(
        team_db, world, media, coach_lib: Library, tmp_path: Path) -> None:  # noqa: F811
    from vsr.library import recordings as rc
    from vsr.media.fingerprint import fingerprint
    from vsr.team.received import begin_receive, cache_complete, fill_cache

    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    cache = tmp_path / "carla-cache"
    with team_db.conn("carla") as carla:
        arriving = begin_receive(coach_lib, carla, media, share_id, cache)
    assert not arriving.here and not arriving.target.exists()  # nothing decrypted on disk yet
    recording = rc.get_recording(coach_lib, arriving.recording_id)
    assert recording.path == str(arriving.target)
    # The fingerprint read from three chunks of the encrypted file is the plain file's.
    assert recording.fingerprint == fingerprint(world.rec.path)
    assert recording.duration_ms == world.rec.duration_ms
    assert len(mk.list_markers(coach_lib, arriving.review_id)) == 2
    info = fill_cache(arriving)
    cache_complete(coach_lib, arriving, info)
    assert arriving.target.read_bytes() == Path(world.rec.path).read_bytes()
    recording = rc.get_recording(coach_lib, arriving.recording_id)
    assert (recording.width, recording.height) == (world.rec.width, world.rec.height)
    assert recording.fps == world.rec.fps and recording.has_audio
    with team_db.conn("carla") as carla:
        again = begin_receive(coach_lib, carla, media, share_id, cache)
    assert again.review_id == arriving.review_id and again.here  # once only, and it is here


def test_a_cancelled_fill_leaves_nothing(
        team_db, world, media, coach_lib: Library, tmp_path: Path) -> None:  # noqa: F811
    from vsr.media.tasks import Cancelled
    from vsr.team.received import begin_receive, fill_cache

    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    with team_db.conn("carla") as carla:
        arriving = begin_receive(coach_lib, carla, media, share_id, tmp_path / "cache")
    with pytest.raises(Cancelled):
        fill_cache(arriving, cancelled=lambda: True)
    assert list((tmp_path / "cache").iterdir()) == []


def test_share_holds_follows_consent_and_retention_and_writes_no_log(
        team_db, world, media) -> None:  # noqa: F811
    from vsr.team.sharing import share_holds, team_recording_id

    def logged() -> str:
        return team_db.cluster.psql("SELECT count(*) FROM vsr_team.log WHERE db_role = 'carla'",
                                    db=team_db.db)

    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    before = logged()
    with team_db.conn("carla") as carla:
        assert share_holds(carla, share_id)
        assert share_holds(carla, share_id)
    assert logged() == before  # asked every few seconds while it plays: no log rows
    with team_db.conn("dirk") as dirk:  # a coach of another team
        assert not share_holds(dirk, share_id)
    rec = team_recording_id(world.rec.fingerprint)
    team_db.cluster.psql(f"UPDATE vsr_team.recording SET keep_until = current_date - 1"
                         f" WHERE id = '{rec}'", db=team_db.db)
    with team_db.conn("carla") as carla:
        assert not share_holds(carla, share_id)

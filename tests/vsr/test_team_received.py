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

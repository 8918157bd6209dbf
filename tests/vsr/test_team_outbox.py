"""A local withdrawal or narrowing reaches the team library (a real PostgreSQL), or waits in
the outbox when it cannot be reached and goes out at the next connect."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.vsr.pg_cluster import pg_cluster  # noqa: F401 (fixture)
from tests.vsr.test_team import _Db, _grant, _share, media, source, team_db, world  # noqa: F401
from vsr.library import consent as cs
from vsr.library.narrowing import narrow_consent
from vsr.library.withdrawal import withdraw_consent
from vsr.team import sharing as ts
from vsr.team.outbox import TeamNotice, connect_and_flush, outbox_path, pending, tell_team

NOWHERE = "postgresql://alice@127.0.0.1:1/geen_team?connect_timeout=2"


def _coach_sees(db: _Db, share_id: str) -> bool:
    with db.conn("carla") as carla:
        return share_id in {i.id for i in ts.list_shared(carla)}


def test_withdrawal_reaches_the_team_when_it_is_reachable(team_db, world, media) -> None:  # noqa: F811
    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    assert _coach_sees(team_db, share_id) and list(media.iterdir())
    withdraw_consent(world.lib, world.rec.id, "intervisie")
    notice = tell_team(world.lib, world.rec.id, "intervisie", url=team_db.url("alice"),
                       media=media)
    assert notice is TeamNotice.TOLD
    assert "teamopslag" in notice.message().lower()
    assert not _coach_sees(team_db, share_id)
    assert not list(media.iterdir())  # key deleted, encrypted file gone (crypto-shredding)
    assert not outbox_path(world.lib).exists()


def test_unreachable_team_queues_the_withdrawal_until_the_next_connect(
        team_db, world, media) -> None:  # noqa: F811
    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    withdraw_consent(world.lib, world.rec.id, "intervisie")
    notice = tell_team(world.lib, world.rec.id, "intervisie", url=NOWHERE, media=media)
    assert notice is TeamNotice.QUEUED
    assert "volgende" in notice.message()  # the user is told it goes at the next connect
    waiting = pending(world.lib)
    assert [(c.purpose, c.withdrawn) for c in waiting] == [("intervisie", True)]
    assert outbox_path(world.lib).stat().st_mode & 0o077 == 0  # private
    assert _coach_sees(team_db, share_id)  # the source has not heard yet
    with connect_and_flush(world.lib, team_db.url("alice"), media):
        pass
    assert not _coach_sees(team_db, share_id)
    assert pending(world.lib) == [] and not outbox_path(world.lib).exists()
    assert not list(media.iterdir())


def test_a_recording_never_shared_tells_nobody(world, media: Path) -> None:  # noqa: F811
    _grant(world, "intervisie")
    withdraw_consent(world.lib, world.rec.id, "intervisie")
    notice = tell_team(world.lib, world.rec.id, "intervisie", url=NOWHERE, media=media)
    assert notice is TeamNotice.NOT_SHARED and notice.message() == ""
    assert not outbox_path(world.lib).exists()


def test_narrowing_reaches_the_team_and_a_lapsed_consent_hides_the_share(
        team_db, world, media) -> None:  # noqa: F811
    today = date.today()
    _grant(world, "intervisie", given_on=today - timedelta(days=10))
    share_id = _share(team_db, world, media)
    last_day = today - timedelta(days=1)
    narrow_consent(world.lib, world.rec.id, "intervisie", given_by="Anouk",
                   given_on=today - timedelta(days=10), until=last_day, recognisable=False)
    now = cs.get_consent(world.lib, world.rec.id, "intervisie")
    assert now is not None and now.until == last_day
    first = tell_team(world.lib, world.rec.id, "intervisie", url=NOWHERE, media=media,
                      narrowed_to=(now.given_on, now.until, now.recognisable))
    assert first is TeamNotice.QUEUED and _coach_sees(team_db, share_id)
    second = tell_team(world.lib, world.rec.id, "intervisie", url=team_db.url("alice"),
                       media=media, narrowed_to=(now.given_on, now.until, now.recognisable))
    assert second is TeamNotice.TOLD
    assert not _coach_sees(team_db, share_id)
    assert pending(world.lib) == []


def test_vsr_consent_withdraw_says_the_change_waits_for_the_team(team_db, world, media) -> None:  # noqa: F811
    import os
    import subprocess
    import sys

    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    env = {**os.environ, "VSR_LIBRARY": str(world.lib.path), "VSR_TEAM": NOWHERE,
           "VSR_TEAM_MEDIA": str(media)}
    done = subprocess.run([sys.executable, "-m", "vsr", "--lang", "nl", "consent",
                           str(world.rec.id), "--withdraw", "intervisie", "--yes"],
                          capture_output=True, text=True, env=env, timeout=300,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert "niet bereikbaar" in done.stdout and "volgende verbinding" in done.stdout
    assert "Traceback" not in done.stderr
    assert [c.withdrawn for c in pending(world.lib)] == [True]
    assert _coach_sees(team_db, share_id)
    with connect_and_flush(world.lib, team_db.url("alice"), media):
        pass
    assert not _coach_sees(team_db, share_id)


def test_a_damaged_outbox_is_a_sentence_not_a_traceback(world, media: Path) -> None:  # noqa: F811
    import pytest

    from vsr.errors import VsrError
    from vsr.library.audit import audit, subject_of

    _grant(world, "intervisie")
    audit(world.lib, "team.shared", subject_of("review", world.review.id), team="Team Noord",
          purpose="intervisie", share="x", moments=2)  # as if shared from here
    outbox_path(world.lib).write_text("{niet: json ł ø", "utf-8")
    withdraw_consent(world.lib, world.rec.id, "intervisie")
    with pytest.raises(VsrError) as err:
        tell_team(world.lib, world.rec.id, "intervisie", url=NOWHERE, media=media)
    assert err.value.key == "error.team.outbox_damaged"
    assert outbox_path(world.lib).name in err.value.message()
    assert "opnieuw" in err.value.message()

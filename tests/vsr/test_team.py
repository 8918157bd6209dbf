"""The team library on a real PostgreSQL (tests/vsr/pg_cluster.py): sharing, receiving,
withdrawal at the source with crypto-shredding, retention, Dutch search, roles and row-level
security, and the log. Each person is a real login role; nothing is mocked."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest

from tests.vsr.collection_fixtures import World, make_source, make_world
from tests.vsr.pg_cluster import Cluster, pg_cluster  # noqa: F401 (fixture)
from vsr.library import Library
from vsr.library import consent as cs
from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.library.audit import list_audit
from vsr.team import sharing as ts
from vsr.team.connection import SCHEMA_VERSION, TeamError, check, connect, init_schema
from vsr.team.media_crypto import MediaCryptoError

PEOPLE = {"alice": "professional", "bram": "professional", "carla": "coach", "dirk": "coach",
          "tess": "trainer"}


@pytest.fixture
def team_db(pg_cluster: Cluster) -> Iterator[Cluster]:  # noqa: F811
    """A fresh database with the schema, two teams and five people (one officer)."""
    db = f"t{uuid.uuid4().hex[:10]}"
    pg_cluster.psql(f"CREATE DATABASE {db}", db="postgres")
    url = pg_cluster.url(db=db)
    assert init_schema(url) == (0, SCHEMA_VERSION)
    for person in [*PEOPLE, "fenna", "eve"]:
        pg_cluster.psql(f"DO $$ BEGIN CREATE ROLE {person} LOGIN; EXCEPTION WHEN duplicate_object"
                        f" THEN NULL; END $$", db=db)
    with connect(url) as admin:
        for name in ("Team Noord", "Team Zuid"):
            ts.add_team(admin, name)
        ts.add_member(admin, "Team Noord", "alice", "professional")
        ts.add_member(admin, "Team Noord", "carla", "coach")
        ts.add_member(admin, "Team Noord", "tess", "trainer")
        ts.add_member(admin, "Team Zuid", "bram", "professional")
        ts.add_member(admin, "Team Zuid", "dirk", "coach")
        admin.execute("GRANT vsr_functionaris TO fenna")
    yield _Db(pg_cluster, db)  # type: ignore[misc]


class _Db:
    def __init__(self, cluster: Cluster, db: str) -> None:
        self.cluster, self.db = cluster, db

    def url(self, user: str = "vsr_admin") -> str:
        return self.cluster.url(user, self.db)

    def conn(self, user: str) -> psycopg.Connection:  # type: ignore[type-arg]
        return connect(self.url(user))


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), seconds=3.0)


@pytest.fixture
def world(library: Library, source: Path) -> World:
    w = make_world(library, source)
    lib = w.lib
    m1 = mk.add_marker(lib, w.client.id, 500, 1500, theme="samenwerking", subtopic="luisteren")
    sh.set_field(lib, m1.id, sh.SheetField.WHAT_HAPPENED,
                 "Anouk zei dat de afspraken niet duidelijk waren.")
    sh.set_field(lib, m1.id, sh.SheetField.TO_ME, "Ik voelde me niet gehoord.", w.client.id)
    m2 = mk.add_marker(lib, w.pro.id, 2000, None)
    sh.set_field(lib, m2.id, sh.SheetField.WHAT_HAPPENED, "Schuldhulpverlening kwam ter sprake.")
    return w


@pytest.fixture
def media(tmp_path: Path) -> Path:
    folder = tmp_path / "team-media"
    folder.mkdir()
    return folder


def _grant(world: World, purpose: str, **kw: object) -> None:
    cs.grant_consent(world.lib, world.rec.id, purpose, given_by="Anouk", **kw)  # type: ignore[arg-type]


def _share(db: _Db, world: World, media: Path, purpose: str = "intervisie",
           team: str = "Team Noord", user: str = "alice") -> str:
    with db.conn(user) as conn:
        return ts.share_review(world.lib, conn, media, world.review.id, team, purpose)


def _titles(db: _Db, user: str) -> list[str]:
    with db.conn(user) as conn:
        return sorted(f"{i.team}:{i.purpose}" for i in ts.list_shared(conn))


def test_sharing_needs_the_clients_consent_locally_and_at_the_source(
        team_db: _Db, world: World, media: Path) -> None:
    with pytest.raises(Exception) as err:
        _share(team_db, world, media)
    assert getattr(err.value, "key", "") == "error.consent.missing"
    assert not list(media.iterdir())  # nothing left the laptop


def test_a_coach_sees_only_what_is_shared_with_their_team_for_intervisie(
        team_db: _Db, world: World, media: Path, tmp_path: Path) -> None:
    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    assert "Team Noord:intervisie" in _titles(team_db, "carla")  # coach in the team
    assert share_id not in {i.id for i in ts.list_shared(team_db.conn("dirk"))}  # other team
    assert share_id not in {i.id for i in ts.list_shared(team_db.conn("tess"))}  # trainer
    with team_db.conn("eve") as eve, pytest.raises(TeamError) as refused:  # no vsr role at all
        ts.list_shared(eve)
    assert refused.value.key == "error.team.not_allowed"
    with team_db.conn("dirk") as dirk, pytest.raises(TeamError) as err:
        ts.open_shared(dirk, share_id)
    assert err.value.key in ("error.team.not_shared", "error.team.not_allowed")
    with team_db.conn("carla") as carla:
        item = ts.open_shared(carla, share_id)
        assert [m["party"] for m in item["moments"]] == ["client", "professional"]
        assert item["parties"] == ["professional", "client"]  # roles, never names
        assert all("Anouk" not in m["what_happened"] for m in item["moments"])
        played = ts.fetch_media(item, media, tmp_path / "cache" / "rec.mp4")
    assert played.read_bytes() == Path(world.rec.path).read_bytes()
    assert played.stat().st_mode & 0o077 == 0


def test_users_have_no_rights_on_the_tables(team_db: _Db, world: World, media: Path) -> None:
    _grant(world, "intervisie")
    _share(team_db, world, media)
    for table in ("moment", "share", "media_key", "recording", "log", "consent"):
        with team_db.conn("carla") as carla, pytest.raises(psycopg.errors.InsufficientPrivilege):
            carla.execute(f"SELECT * FROM vsr_team.{table}")
    with team_db.conn("alice") as alice, pytest.raises(psycopg.errors.InsufficientPrivilege):
        alice.execute("SELECT vsr_team.write_log('x', NULL, NULL, '{}')")


def test_a_trainer_sees_only_training_items_with_training_consent(
        team_db: _Db, world: World, media: Path) -> None:
    _grant(world, "intervisie")
    _share(team_db, world, media, "intervisie")
    assert not any(t.endswith("training") for t in _titles(team_db, "tess"))
    with pytest.raises(Exception) as err:
        _share(team_db, world, media, "training")  # no training consent yet
    assert getattr(err.value, "key", "").startswith("error.consent")
    _grant(world, "training", recognisable=False)
    _share(team_db, world, media, "training")
    assert "Team Noord:training" in _titles(team_db, "tess")
    assert "Team Noord:intervisie" not in _titles(team_db, "tess")


def test_only_a_member_professional_can_share_into_a_team(
        team_db: _Db, world: World, media: Path) -> None:
    _grant(world, "intervisie")
    with pytest.raises(TeamError):
        _share(team_db, world, media, team="Team Zuid", user="alice")  # not her team
    with pytest.raises(TeamError):
        _share(team_db, world, media, team="Team Noord", user="carla")  # a coach does not share


def test_withdrawal_removes_it_for_everyone_and_shreds_the_key(
        team_db: _Db, world: World, media: Path, tmp_path: Path) -> None:
    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    with team_db.conn("carla") as carla:
        item = ts.open_shared(carla, share_id)
    stolen = tmp_path / "copy.vsrmedia"  # an encrypted copy someone kept
    stolen.write_bytes((media / item["media_ref"]).read_bytes())
    with team_db.conn("alice") as alice:
        done = ts.withdraw(world.lib, alice, media, item["recording_id"], "intervisie")
    assert done.shares_removed >= 1 and done.key_deleted and done.media_removed
    assert not (media / item["media_ref"]).exists()
    assert share_id not in {i.id for i in ts.list_shared(team_db.conn("carla"))}
    assert share_id not in {i.id for i in ts.list_shared(team_db.conn("alice"))}
    with team_db.conn("carla") as carla, pytest.raises(TeamError):
        ts.open_shared(carla, share_id)
    # The key is gone from the database: even its owner (the administrator) has none.
    rows = team_db.cluster.psql(
        f"SELECT count(*) FROM vsr_team.media_key WHERE recording_id = '{item['recording_id']}'",
        db=team_db.db)
    assert rows == "[(0,)]"
    # The copy cannot be opened with any other key.
    with pytest.raises(MediaCryptoError):
        from vsr.team.media_crypto import decrypt_stream, new_key
        with stolen.open("rb") as src, (tmp_path / "out").open("wb") as dst:
            decrypt_stream(src, dst, new_key())
    assert any(e.action == "team.withdrawn" for e in list_audit(world.lib))


def test_a_stranger_cannot_withdraw_someone_elses_recording(
        team_db: _Db, world: World, media: Path) -> None:
    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    with team_db.conn("carla") as carla:
        rec = ts.open_shared(carla, share_id)["recording_id"]
        with pytest.raises(TeamError) as err:
            ts.withdraw(None, carla, None, rec, "intervisie")
    assert err.value.key == "error.team.not_owner"
    assert share_id in {i.id for i in ts.list_shared(team_db.conn("carla"))}


def test_consent_or_retention_passing_hides_it_at_once_and_purge_removes_it(
        team_db: _Db, world: World, media: Path) -> None:
    _grant(world, "intervisie", until=(date.today() + timedelta(days=30)).isoformat())
    share_id = _share(team_db, world, media)
    with team_db.conn("carla") as carla:
        item = ts.open_shared(carla, share_id)
    rec = item["recording_id"]
    team_db.cluster.psql(f"UPDATE vsr_team.recording SET keep_until = current_date - 1"
                         f" WHERE id = '{rec}'", db=team_db.db)
    assert share_id not in {i.id for i in ts.list_shared(team_db.conn("carla"))}
    assert share_id not in {i.id for i in ts.list_shared(team_db.conn("alice"))}
    with team_db.conn("carla") as carla:
        assert ts.purge_expired(carla, media) >= 1  # anyone may run it: it only removes the expired
    assert not (media / item["media_ref"]).exists()
    assert team_db.cluster.psql(f"SELECT count(*) FROM vsr_team.media_key WHERE recording_id"
                                f" = '{rec}'", db=team_db.db) == "[(0,)]"


def test_dutch_search_finds_word_forms_and_only_what_you_may_see(
        team_db: _Db, world: World, media: Path) -> None:
    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    with team_db.conn("carla") as carla:
        hits, total = ts.search_team(carla, "afspraak")  # finds "afspraken"
        assert share_id in {h.share_id for h in hits} and total >= 1
        assert any("[afspraken]" in h.snippet for h in hits)
        assert not ts.search_team(carla, "Anouk")[0]  # names were replaced before sharing
    with team_db.conn("dirk") as dirk:
        assert share_id not in {h.share_id for h in ts.search_team(dirk, "afspraak")[0]}


def test_moments_hidden_by_apart_markeren_are_never_shared(
        team_db: _Db, world: World, media: Path) -> None:
    from vsr.samenleergesprek.blind import set_blind_marking

    _grant(world, "intervisie")
    set_blind_marking(world.lib, world.review.id, True)
    with pytest.raises(Exception) as err:
        _share(team_db, world, media)
    assert getattr(err.value, "key", "") == "error.session.markers_hidden"


def test_the_log_records_who_where_what_and_reads_and_cannot_be_changed(
        team_db: _Db, world: World, media: Path) -> None:
    _grant(world, "intervisie")
    share_id = _share(team_db, world, media)
    with team_db.conn("carla") as carla:
        ts.open_shared(carla, share_id)
        ts.search_team(carla, "afspraak")
        own = ts.read_log(carla)
        assert {r[2] for r in own} == {"carla"}  # a coach reads only her own rows
        assert {"share.open", "search", "share.list"} <= {r[5] for r in own} | {"share.list"}
        opened = next(r for r in own if r[5] == "share.open" and str(r[7]) == share_id)
        assert "/" in opened[3]  # workstation: host/account
        with pytest.raises(psycopg.Error):
            carla.execute("DELETE FROM vsr_team.log")
    with team_db.conn("fenna") as officer:
        everyone = {r[2] for r in ts.read_log(officer)}
        assert {"alice", "carla"} <= everyone
        with pytest.raises(psycopg.Error):
            officer.execute("UPDATE vsr_team.log SET action = 'x'")
        with pytest.raises(TeamError):  # the officer reads the log, not the moments
            ts.open_shared(officer, share_id)
    # Even a role granted the table cannot change a row: only the schema's owner can.
    team_db.cluster.psql("GRANT UPDATE, DELETE ON vsr_team.log TO eve", db=team_db.db)
    with team_db.conn("eve") as eve:
        with pytest.raises(psycopg.Error):
            eve.execute("DELETE FROM vsr_team.log")


def test_init_is_repeatable_and_check_reports_rights(team_db: _Db) -> None:
    assert init_schema(team_db.url()) == (SCHEMA_VERSION, SCHEMA_VERSION)
    report = check(team_db.url("carla"))
    assert report.ok, report.lines
    assert any("Team Noord" in line for _ok, line in report.lines)
    stranger = check(team_db.url("eve"))
    assert not stranger.ok


def test_an_unreachable_team_library_is_a_sentence(tmp_path: Path) -> None:
    url = f"postgresql://nobody:secret@/vsr?host={tmp_path}&port=1"
    with pytest.raises(TeamError) as err:
        connect(url)
    text = err.value.message()
    assert "secret" not in text and "team" in text.lower()
    assert not check(url).ok


def test_the_command_line_shares_lists_searches_opens_and_withdraws(
        team_db: _Db, world: World, media: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from vsr.cli.main import main

    _grant(world, "intervisie")
    monkeypatch.setenv("VSR_LIBRARY", str(world.lib.path))
    monkeypatch.setenv("VSR_TEAM_MEDIA", str(media))
    alice, carla = team_db.url("alice"), team_db.url("carla")
    assert main(["team", "--url", alice, "share", str(world.review.id), "--team", "Team Noord",
                 "--purpose", "intervisie"]) == 0
    assert "Team Noord" in capsys.readouterr().out
    assert main(["team", "--url", carla, "list", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert main(["team", "--url", carla, "search", "afspraak"]) == 0
    assert "[afspraken]" in capsys.readouterr().out
    out_file = tmp_path / "gekregen.mp4"
    assert main(["team", "--url", carla, "open", item["id"], "-o", str(out_file)]) == 0
    assert out_file.read_bytes() == Path(world.rec.path).read_bytes()
    assert main(["team", "--url", alice, "withdraw", str(world.rec.id), "--purpose",
                 "intervisie"]) == 0
    assert "sleutel" in capsys.readouterr().out
    assert main(["team", "--url", carla, "open", item["id"]]) == 1
    assert "niet (meer) met je gedeeld" in capsys.readouterr().err
    assert main(["team", "--url", "postgresql://x@/vsr?host=/nonexistent", "list"]) == 1
    assert "niet bereikbaar" in capsys.readouterr().err

"""The team library's speed work (migration 3) on a real PostgreSQL: a library made before it
upgrades with its shares still visible to the same people; consent and retention changes reach
the shares' `open_until` through the triggers; the policies that are evaluated for every row
read columns and InitPlans, never a function per row; opening says the team; the search counts
every visible match and returns the best page."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import psycopg

from tests.vsr.pg_cluster import Cluster, pg_cluster  # noqa: F401 (fixture)
from vsr.team import sharing as ts
from vsr.team.connection import SCHEMA_VERSION, _ensure_roles, connect, init_schema
from vsr.team.schema import MIGRATIONS


def _old_library(cluster: Cluster) -> str:  # noqa: F811
    """A database at schema version 2 (before the speed work) with one shared review of
    alice's for Team Noord (intervisie), made as the administrator; its address."""
    db = f"t{uuid.uuid4().hex[:10]}"
    cluster.psql(f"CREATE DATABASE {db}", db="postgres")
    url = cluster.url(db=db)
    for person in ("alice", "carla", "dirk"):
        cluster.psql(f"DO $$ BEGIN CREATE ROLE {person} LOGIN; EXCEPTION WHEN duplicate_object"
                     f" THEN NULL; END $$", db=db)
    with psycopg.connect(url) as admin, admin.transaction():
        _ensure_roles(admin)
        admin.execute("CREATE SCHEMA vsr_team")
        admin.execute("CREATE TABLE vsr_team.schema_version (version int PRIMARY KEY,"
                      " applied_at timestamptz NOT NULL DEFAULT now())")
        for number, sql in enumerate(MIGRATIONS[:2], start=1):
            admin.execute(sql)  # type: ignore[call-overload]
            admin.execute("INSERT INTO vsr_team.schema_version (version) VALUES (%s)", (number,))
        admin.execute("INSERT INTO vsr_team.team (name) VALUES ('Team Noord'), ('Team Zuid')")
        admin.execute("INSERT INTO vsr_team.member (team_id, member, function) VALUES"
                      " (1, 'alice', 'professional'), (1, 'carla', 'coach'), (2, 'dirk', 'coach')")
        for role, group in (("alice", "vsr_professional"), ("carla", "vsr_coach"),
                            ("dirk", "vsr_coach")):
            admin.execute(f"GRANT {group} TO {role}")  # type: ignore[arg-type]
        rec = uuid.uuid4()
        admin.execute("INSERT INTO vsr_team.recording (id, owner, label, duration_ms, media_ref,"
                      " media_size, media_sha256) VALUES (%s, 'alice', 'Gesprek', 1000, %s, 1, %s)",
                      (rec, f"{'a' * 64}.vsrmedia", "0" * 64))
        admin.execute("INSERT INTO vsr_team.consent (recording_id, purpose, given_on)"
                      " VALUES (%s, 'intervisie', current_date)", (rec,))
        admin.execute("INSERT INTO vsr_team.media_key (recording_id, key) VALUES (%s, %s)",
                      (rec, bytes(32)))
        admin.execute("INSERT INTO vsr_team.share (recording_id, team_id, purpose, title, parties,"
                      " shared_by) VALUES (%s, 1, 'intervisie', 'Gesprek', '[]', 'alice')", (rec,))
        share = admin.execute("SELECT id FROM vsr_team.share").fetchone()
        assert share is not None
        admin.execute("INSERT INTO vsr_team.moment (share_id, start_ms, party, what_happened)"
                      " VALUES (%s, 0, 'client', 'De afspraken waren niet duidelijk')", (share[0],))
    return url


def _as(url: str, user: str) -> psycopg.Connection:  # type: ignore[type-arg]
    return connect(url.replace("vsr_admin@", f"{user}@"))


def test_an_older_library_upgrades_and_its_shares_stay_visible_to_the_same_people(
        pg_cluster: Cluster) -> None:  # noqa: F811
    url = _old_library(pg_cluster)
    assert init_schema(url) == (2, SCHEMA_VERSION)
    with _as(url, "carla") as carla:
        items = ts.list_shared(carla)
        assert [i.title for i in items] == ["Gesprek"]
        opened = ts.open_shared(carla, items[0].id)
        assert opened["team"] == "Team Noord" and len(opened["moments"]) == 1
        hits, total = ts.search_team(carla, "afspraak")  # Dutch stemming: afspraken
        assert total == 1 and hits[0].share_id == items[0].id
    with _as(url, "dirk") as dirk:  # the other team
        assert ts.list_shared(dirk) == []
        assert ts.search_team(dirk, "afspraak") == ([], 0)


def test_consent_and_retention_changes_reach_the_shares_at_once(pg_cluster: Cluster) -> None:  # noqa: F811
    url = _old_library(pg_cluster)
    init_schema(url)

    def seen() -> int:
        with _as(url, "carla") as carla:
            return len(ts.list_shared(carla))

    def admin(sql: str) -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    assert seen() == 1
    admin("UPDATE vsr_team.consent SET until = current_date - 1")
    assert seen() == 0
    admin("UPDATE vsr_team.consent SET until = NULL")
    assert seen() == 1
    admin("UPDATE vsr_team.recording SET keep_until = current_date - 1")
    assert seen() == 0
    admin(f"UPDATE vsr_team.recording SET keep_until = '{date.today() + timedelta(days=3)}'")
    assert seen() == 1
    admin("UPDATE vsr_team.consent SET withdrawn_at = now()")
    assert seen() == 0
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT open_until::text FROM vsr_team.share").fetchone() == (
            "-infinity",)


def test_the_row_policies_call_no_function_per_row(pg_cluster: Cluster) -> None:  # noqa: F811
    """A function in a policy runs once for every row read, unless it is a sub-select (an
    InitPlan, once per query). The policies on the tables the list, the search and opening
    read may call functions only inside sub-selects."""
    url = _old_library(pg_cluster)
    init_schema(url)
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT p.polname, pg_get_expr(p.polqual, p.polrelid) FROM pg_policy p"
            " JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'vsr_team' AND p.polcmd IN ('r', '*')"
            " AND c.relname IN ('share', 'moment', 'team', 'media_key')").fetchall()
    assert {name for name, _ in rows} >= {"share_seen", "moment_seen", "team_read", "key_seen"}
    for name, expr in rows:
        outside = expr.replace("( SELECT", "(SELECT")
        while "(SELECT" in outside:  # drop each sub-select with what it holds
            start = outside.index("(SELECT")
            depth, end = 0, start
            for end in range(start, len(outside)):
                depth += {"(": 1, ")": -1}.get(outside[end], 0)
                if depth == 0:
                    break
            outside = outside[:start] + outside[end + 1:]
        assert "vsr_team." not in outside, (name, expr)


def test_the_functions_that_read_without_policies_are_not_for_users(pg_cluster: Cluster) -> None:  # noqa: F811
    """match_moments, share_contents, drop_clips and my_scopes are the owner's and read without
    policies: only vsr_api (the API) may run them; open_until and scope_of only the triggers."""
    url = _old_library(pg_cluster)
    init_schema(url)
    with psycopg.connect(url, autocommit=True) as admin:
        share = admin.execute("SELECT id, recording_id FROM vsr_team.share").fetchone()
    assert share is not None
    calls = [("SELECT vsr_team.share_contents(%s)", (share[0],)),
             ("SELECT * FROM vsr_team.match_moments('afspraak', 'x', %s, 10)", ([share[0]],)),
             ("SELECT vsr_team.drop_clips(%s, 'intervisie')", (share[1],)),
             ("SELECT vsr_team.my_scopes()", ()),
             ("SELECT vsr_team.open_until(%s, 'intervisie')", (share[1],)),
             ("SELECT vsr_team.scope_of(%s)", (share[0],))]
    for user in ("carla", "dirk"):
        for sql, args in calls:
            with _as(url, user) as conn:
                try:
                    conn.execute(sql, args)  # type: ignore[arg-type]
                except psycopg.errors.InsufficientPrivilege:
                    continue
                raise AssertionError(f"{user} may run {sql}")

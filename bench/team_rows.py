"""The team library under load (issue 23): a real PostgreSQL on this machine (a temporary
cluster on a Unix socket, as in the tests), 200 users in 20 teams, 10,000 shared reviews with
five moments each, and 50 clients at once listing, searching and opening. Each client is a
thread with its own connection as its own user, so row-level security runs for real.

Rows: p95 latency of list (a page of 200), search (Dutch words) and open (the shared review's
moments and key), each with the p95 of a bare `SELECT 1` under the same load as its reference;
and start-to-play of a shared recording from the media folder: open, then the first 2 MB of the
recording decrypted (what a player needs to start), against reading those bytes unencrypted.

    python -m bench.team_rows [--quick]
"""

from __future__ import annotations

import random
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.rows import Row, emit, row

TEAMS = 20
USERS = 200
WORDS = ("afspraak afspraken doel doelen werk schuld schulden hulpverlening schuldhulpverlening "
         "uitkering sollicitatie gesprek vertrouwen luisteren begrijpen klik openheid resultaat "
         "duidelijk aansluiting advies ondersteuning boos blij verdrietig gehoord gezien "
         "samenwerking taal huisvesting zorg kinderen opvang vrijwilligerswerk").split()


def _percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def _populate(cluster: Any, db: str, reviews: int) -> list[tuple[str, str]]:
    """Roles, teams, members and `reviews` shares (bulk, as the administrator); the users as
    (name, function)."""
    from vsr.team.connection import connect, init_schema

    url = cluster.url(db=db)
    init_schema(url)
    users: list[tuple[str, str]] = []
    with connect(url) as admin:
        for t in range(TEAMS):
            admin.execute("INSERT INTO vsr_team.team (name) VALUES (%s)", (f"Team {t:02d}",))
        for u in range(USERS):
            function = ("professional", "professional", "coach", "coach", "coach", "coach",
                        "coach", "trainer", "trainer", "coach")[u % 10]
            name = f"u{u:03d}"
            admin.execute(f"CREATE ROLE {name} LOGIN IN ROLE vsr_{function}")
            admin.execute("INSERT INTO vsr_team.member (team_id, member, function)"
                          " SELECT id, %s, %s FROM vsr_team.team WHERE name = %s",
                          (name, function, f"Team {u // 10:02d}"))
            users.append((name, function))
        rng = random.Random(7)
        # Moments read like notes: a few words of the method's topics among many others.
        vocabulary = WORDS + [f"woord{i}" for i in range(600)]
        pros = [n for n, f in users if f == "professional"]
        with admin.cursor() as cur:
            for i in range(reviews):
                owner = pros[i % len(pros)]
                team = int(owner[1:]) // 10
                rec = uuid.uuid4()
                purpose = "intervisie" if i % 4 else "training"
                cur.execute(
                    "INSERT INTO vsr_team.recording (id, owner, label, duration_ms, media_ref,"
                    " media_size, media_sha256) VALUES (%s, %s, %s, 2700000, %s, 1, %s)",
                    (rec, owner, f"Gesprek {i}", f"{uuid.uuid4().hex}{uuid.uuid4().hex}.vsrmedia",
                     "0" * 64))
                cur.execute("INSERT INTO vsr_team.consent (recording_id, purpose, given_on)"
                            " VALUES (%s, %s, current_date)", (rec, purpose))
                cur.execute("INSERT INTO vsr_team.media_key (recording_id, key) VALUES (%s, %s)",
                            (rec, rng.randbytes(32)))
                share = uuid.uuid4()
                cur.execute("INSERT INTO vsr_team.share (id, recording_id, team_id, purpose, title,"
                            " parties, shared_by, duration_ms, moments)"
                            " SELECT %s, %s, id, %s, %s, '[]', %s, 2700000, 5"
                            " FROM vsr_team.team WHERE name = %s",
                            (share, rec, purpose, f"Gesprek {i}", owner, f"Team {team:02d}"))
                for k in range(5):
                    text = " ".join(rng.choice(vocabulary) for _ in range(40))
                    cur.execute("INSERT INTO vsr_team.moment (share_id, start_ms, party,"
                                " what_happened, keep_or_change) VALUES (%s, %s, %s, %s, %s)",
                                (share, k * 60000, "client", text, text[:80]))
        admin.execute("ANALYZE")
    return users


def _load(cluster: Any, db: str, users: list[tuple[str, str]], clients: int, seconds: float
          ) -> dict[str, list[float]]:
    """`clients` threads, each its own user, doing list / search / open / SELECT 1 in turn."""
    from vsr.team.connection import connect
    from vsr.team.sharing import list_shared, open_shared, search_team

    times: dict[str, list[float]] = {"list": [], "search": [], "open": [], "select1": []}
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    start = threading.Barrier(clients)

    def client(index: int) -> None:
        name, _function = users[(index * 7) % len(users)]
        rng = random.Random(index)
        with connect(cluster.url(name, db)) as conn:
            seen = [i.id for i in list_shared(conn)] or [str(uuid.uuid4())]
            ops: list[tuple[str, Callable[[], object]]] = [
                ("list", lambda: list_shared(conn)),
                ("search", lambda: search_team(conn, rng.choice(WORDS))),
                ("open", lambda: open_shared(conn, rng.choice(seen))),
                ("select1", lambda: conn.execute("SELECT 1").fetchall())]
            start.wait()
            while time.perf_counter() < deadline:
                for label, op in ops:
                    began = time.perf_counter()
                    try:
                        op()
                    except Exception:  # noqa: BLE001 - a refusal still took its time
                        pass
                    took = (time.perf_counter() - began) * 1000
                    with lock:
                        times[label].append(took)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def _start_to_play(workdir: Path) -> tuple[float, float]:
    """ms until the first 2 MB of a shared recording are decrypted, and the same bytes read plain."""
    from vsr.team.media_crypto import ChunkReader, encrypt_file, new_key

    folder = workdir / "team-media"
    folder.mkdir(parents=True, exist_ok=True)
    plain = folder / "plain.bin"
    if not plain.exists() or plain.stat().st_size != 64 << 20:
        plain.write_bytes(random.Random(3).randbytes(64 << 20))
    key = new_key()
    enc = folder / "shared.vsrmedia"
    encrypt_file(plain, enc, key)

    def decrypted() -> None:
        reader = ChunkReader(enc, key)
        reader.read(0, 2 << 20)
        reader.close()

    def bare() -> None:
        with plain.open("rb") as fh:
            fh.read(2 << 20)

    runs = []
    for fn in (decrypted, bare):
        took = []
        for _ in range(7):
            began = time.perf_counter()
            fn()
            took.append((time.perf_counter() - began) * 1000)
        runs.append(statistics.median(took))
    return runs[0], runs[1]


def team_rows(quick: bool, workdir: Path) -> list[Row]:
    from tests.vsr.pg_cluster import running_cluster

    reviews = 1000 if quick else 10_000
    clients = 10 if quick else 50
    seconds = 5.0 if quick else 30.0
    rows: list[Row] = []
    with running_cluster(port=54339) as cluster:
        cluster.psql("CREATE DATABASE load", db="postgres")
        began = time.perf_counter()
        users = _populate(cluster, "load", reviews)
        fill_s = time.perf_counter() - began
        times = _load(cluster, "load", users, clients, seconds)
    ref = _percentile(times["select1"], 0.95)
    label = f"{reviews:,} shared reviews, {clients} clients"
    rows.append(row(f"team: list a page, p95 ({label})", _percentile(times["list"], 0.95), "ms",
                    200, ref))
    rows.append(row(f"team: search, p95 ({label})", _percentile(times["search"], 0.95), "ms",
                    200, ref))
    rows.append(row(f"team: open a shared review, p95 ({label})", _percentile(times["open"], 0.95),
                    "ms", 200, ref))
    crypt, bare = _start_to_play(workdir)
    open_p95 = _percentile(times["open"], 0.95)
    rows.append(row("team: start playing a shared recording (open p95 + first 2 MB decrypted)",
                    open_p95 + crypt, "ms", 1000, open_p95 + bare))
    print(f"filled {reviews} reviews in {fill_s:.0f} s; operations: "
          + ", ".join(f"{k} {len(v)}" for k, v in times.items()), file=sys.stderr)
    return rows


if __name__ == "__main__":
    emit(team_rows("--quick" in sys.argv, Path(sys.argv[-1]) if len(sys.argv) > 2 else
                   Path("/tmp/vsr-bench")))

"""The team library under load (issue 23): a real PostgreSQL on this machine (a temporary
cluster on a Unix socket, as in the tests), 200 users in 20 teams, 1,000 and 10,000 shared
reviews with five moments each, and 50 users at once listing, searching and opening. Each
client is a process of its own (as on a laptop of its own: no queue on one interpreter lock)
with its own connection as its own user, so row-level security runs for real. The clients
share this machine's two cores with the server, which a real team's laptops would not.

Rows, per size, twice: with 50 busy users (each an action a second on average, random think
times: the target of 200 ms p95), and with the same 50 clients without any pause (the server
saturated: every latency is mostly queueing; a stress figure without a target, with the ratio
to a bare `SELECT 1`'s p95 under the same load). Each: p95 latency of list (a page of 200),
search (Dutch words) and open (the shared review's moments and key). Then start-to-play of a
shared recording, end to end: from the media folder through the loopback server (`vsr team
open --stream`: open, start the server, the first 2 MB over HTTP); receiving it whole (open,
check and decrypt the whole recording into the cache, add it to the library and make the
review: what the window did before it played from the stream), against copying the same plain
file; and the window itself, until the first picture with the real VLC
(bench/team_window_rows.py, in its own process under a display).

    python -m bench.team_rows [--quick]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.rows import Row, emit, row

TEAMS = 20
USERS = 200
THINK_S = 1.0  # a user reads, clicks, reads: one action a second is a busy user
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
            if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None:
                admin.execute(f"CREATE ROLE {name} LOGIN IN ROLE vsr_{function}")  # the cluster's
            admin.execute("INSERT INTO vsr_team.member (team_id, member, function)"
                          " SELECT id, %s, %s FROM vsr_team.team WHERE name = %s",
                          (name, function, f"Team {u // 10:02d}"))
            users.append((name, function))
        rng = random.Random(7)
        # Moments read like notes: a few words of the method's topics among many others.
        vocabulary = WORDS + [f"woord{i}" for i in range(600)]
        pros = [n for n, f in users if f == "professional"]
        team_ids = dict(admin.execute("SELECT name, id FROM vsr_team.team").fetchall())
        shares = []
        with admin.cursor() as cur:  # COPY: the triggers run, the fill takes seconds
            with cur.copy("COPY vsr_team.recording (id, owner, label, duration_ms, media_ref,"
                          " media_size, media_sha256) FROM STDIN") as copy:
                for i in range(reviews):
                    owner = pros[i % len(pros)]
                    rec = uuid.uuid4()
                    purpose = "intervisie" if i % 4 else "training"
                    shares.append((rec, owner, purpose, team_ids[f"Team {int(owner[1:]) // 10:02d}"]))
                    copy.write_row((rec, owner, f"Gesprek {i}", 2700000,
                                    f"{uuid.uuid4().hex}{uuid.uuid4().hex}.vsrmedia", 1, "0" * 64))
            with cur.copy("COPY vsr_team.consent (recording_id, purpose, given_on) FROM STDIN"
                          ) as copy:
                for rec, _owner, purpose, _team in shares:
                    copy.write_row((rec, purpose, date.today()))
            with cur.copy("COPY vsr_team.media_key (recording_id, key) FROM STDIN") as copy:
                for rec, *_ in shares:
                    copy.write_row((rec, rng.randbytes(32)))
            ids = [uuid.uuid4() for _ in shares]
            with cur.copy("COPY vsr_team.share (id, recording_id, team_id, purpose, title,"
                          " parties, shared_by, duration_ms, moments) FROM STDIN") as copy:
                for i, (share, (rec, owner, purpose, team)) in enumerate(zip(ids, shares, strict=True)):
                    copy.write_row((share, rec, team, purpose, f"Gesprek {i}", "[]", owner,
                                    2700000, 5))
            with cur.copy("COPY vsr_team.moment (share_id, start_ms, party, what_happened,"
                          " keep_or_change) FROM STDIN") as copy:
                for share in ids:
                    for k in range(5):
                        text = " ".join(rng.choice(vocabulary) for _ in range(40))
                        copy.write_row((share, k * 60000, "client", text, text[:80]))
        admin.execute("ANALYZE")
    return users


def _client(url: str, index: int, start_at: float, seconds: float, think_s: float
            ) -> dict[str, list[float]]:
    """One client in a process of its own (as on its own laptop): its own connection as its own
    user, doing list / search / open / SELECT 1 in turn from `start_at` (wall clock) for
    `seconds`. Between operations it waits a random think time with mean `think_s` (0: none,
    the server saturated)."""
    from vsr.team.connection import connect
    from vsr.team.sharing import list_shared, open_shared, search_team

    times: dict[str, list[float]] = {"list": [], "search": [], "open": [], "select1": []}
    rng = random.Random(index)
    with connect(url) as conn:
        seen = [i.id for i in list_shared(conn)] or [str(uuid.uuid4())]
        ops: list[tuple[str, Callable[[], object]]] = [
            ("list", lambda: list_shared(conn)),
            ("search", lambda: search_team(conn, rng.choice(WORDS))),
            ("open", lambda: open_shared(conn, rng.choice(seen))),
            ("select1", lambda: conn.execute("SELECT 1").fetchall())]
        time.sleep(max(0.0, start_at - time.time()))
        if think_s:  # clients do not all begin in the same millisecond
            time.sleep(rng.uniform(0, think_s))
        deadline = start_at + seconds
        while time.time() < deadline:
            for label, op in ops:
                began = time.perf_counter()
                try:
                    op()
                except Exception:  # noqa: BLE001 - a refusal still took its time
                    pass
                times[label].append((time.perf_counter() - began) * 1000)
                if think_s:
                    time.sleep(rng.expovariate(1 / think_s))
    return times


def _load(cluster: Any, db: str, users: list[tuple[str, str]], clients: int, seconds: float,
          think_s: float) -> dict[str, list[float]]:
    """`clients` processes, each its own user (see `_client`); all their times together. Each
    client is a process, not a thread, so the clients do not queue on one interpreter lock: what
    is measured is the server (and this machine's two cores, which the clients share with it)."""
    import multiprocessing

    urls = [cluster.url(users[(i * 7) % len(users)][0], db) for i in range(clients)]
    start_at = time.time() + 3.0 + clients * 0.05  # every process started and connected first
    with multiprocessing.get_context("fork").Pool(clients) as pool:
        parts = pool.starmap(_client, [(url, i, start_at, seconds, think_s)
                                       for i, url in enumerate(urls)])
    times: dict[str, list[float]] = {"list": [], "search": [], "open": [], "select1": []}
    for part in parts:
        for label, values in part.items():
            times[label].extend(values)
    return times


def _alone(cluster: Any, db: str) -> dict[str, float]:
    """Median ms of each operation for one coach with nobody else on the server: what grows
    with the number of shared reviews, without the load's queueing."""
    from vsr.team.connection import connect
    from vsr.team.sharing import list_shared, open_shared, search_team

    out: dict[str, float] = {}
    with connect(cluster.url("u002", db)) as conn:
        seen = [i.id for i in list_shared(conn)]
        ops: dict[str, Callable[[int], object]] = {
            "list": lambda i: list_shared(conn),
            "search": lambda i: search_team(conn, WORDS[i % len(WORDS)]),
            "open": lambda i: open_shared(conn, seen[i % len(seen)]),
            "select1": lambda i: conn.execute("SELECT 1").fetchall()}
        for label, op in ops.items():
            took = []
            for i in range(21):
                began = time.perf_counter()
                op(i)
                took.append((time.perf_counter() - began) * 1000)
            out[label] = statistics.median(took)
    return out


def _loopback_start(workdir: Path) -> tuple[float, float]:
    """ms until the first 2 MB of a shared recording arrive from the loopback server (started
    for it, as `vsr team open --stream` does), and the same bytes read plain from disk."""
    import urllib.request

    from vsr.team.media_crypto import encrypt_file, new_key
    from vsr.team.media_server import MediaServer

    folder = workdir / "team-media"
    folder.mkdir(parents=True, exist_ok=True)
    plain = folder / "plain.bin"
    if not plain.exists() or plain.stat().st_size != 64 << 20:
        plain.write_bytes(random.Random(3).randbytes(64 << 20))
    key = new_key()
    enc = folder / "shared.vsrmedia"
    encrypt_file(plain, enc, key)

    servers: list[MediaServer] = []

    def streamed() -> None:
        server = MediaServer(enc, key)
        servers.append(server)  # closed after the clock stops (shutdown polls every 0.5 s)
        request = urllib.request.Request(server.url, headers={"Range": f"bytes=0-{(2 << 20) - 1}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert len(answer.read()) == 2 << 20

    def bare() -> None:
        with plain.open("rb") as fh:
            fh.read(2 << 20)

    runs = []
    for fn in (streamed, bare):
        took = []
        for _ in range(7):
            began = time.perf_counter()
            fn()
            took.append((time.perf_counter() - began) * 1000)
            while servers:
                servers.pop().close()
        runs.append(statistics.median(took))
    return runs[0], runs[1]


def _window_receive(cluster: Any, db: str, workdir: Path, seconds: int) -> tuple[float, float, int]:
    """What the window does on Open (vsr.team.received.receive), end to end on a real shared
    recording: (ms, ms to copy the same plain file, MB). The professional u000 shares a review
    of the bench recording with Team 00; the coach u002 receives it, a fresh cache each run."""
    import shutil
    import tempfile

    from bench.media import recording
    from vsr.library import open_library
    from vsr.library.consent import grant_consent
    from vsr.library.recordings import add_recording
    from vsr.library.reviews import create_review
    from vsr.team.connection import connect
    from vsr.team.received import receive
    from vsr.team.sharing import share_review

    source = recording(workdir, seconds)
    root = Path(tempfile.mkdtemp(prefix="vsr-team-bench-"))
    try:
        media = root / "media"
        media.mkdir()
        pro = open_library(root / "pro" / "library.sqlite")
        rec, _ = add_recording(pro, source)
        review = create_review(pro, rec.id, title="Gesprek")
        grant_consent(pro, rec.id, "intervisie", given_by="cliënt")
        with connect(cluster.url("u000", db)) as conn:
            share_id = share_review(pro, conn, media, review.id, "Team 00", "intervisie")
        pro.close()
        took, copied = [], []
        for run in range(3):
            coach = open_library(root / f"coach{run}" / "library.sqlite")
            began = time.perf_counter()
            with connect(cluster.url("u002", db)) as conn:
                receive(coach, conn, media, share_id, root / f"cache{run}")
            took.append((time.perf_counter() - began) * 1000)
            coach.close()
            began = time.perf_counter()
            shutil.copyfile(source, root / f"copy{run}.mp4")
            copied.append((time.perf_counter() - began) * 1000)
        return statistics.median(took), statistics.median(copied), source.stat().st_size >> 20
    finally:
        shutil.rmtree(root, ignore_errors=True)


def team_rows(quick: bool, workdir: Path) -> list[Row]:
    from tests.vsr.pg_cluster import running_cluster

    sizes = (1000,) if quick else (1000, 10_000)
    clients = 10 if quick else 50
    seconds = 5.0 if quick else 30.0
    rows: list[Row] = []
    open_p95 = 0.0
    with running_cluster(port=54339) as cluster:
        for reviews in sizes:
            db = f"load{reviews}"
            cluster.psql(f"CREATE DATABASE {db}", db="postgres")
            began = time.perf_counter()
            users = _populate(cluster, db, reviews)
            fill_s = time.perf_counter() - began
            alone = _alone(cluster, db)
            label = f"{reviews:,} shared reviews, {clients} users at once"
            for think_s, how in ((THINK_S, f"each an action every {THINK_S:g} s on average"),
                                 (0.0, "without pause: the server saturated")):
                times = _load(cluster, db, users, clients, seconds, think_s)
                ref = _percentile(times["select1"], 0.95)
                for op, what in (("list", "list a page"), ("search", "search"),
                                 ("open", "open a shared review")):
                    value = _percentile(times[op], 0.95)
                    r = row(f"team: {what}, p95 ({label}, {how})", value, "ms",
                            200 if think_s else None, ref)
                    rows.append(r)
                if think_s:
                    open_p95 = _percentile(times["open"], 0.95)
                print(f"{reviews} reviews filled in {fill_s:.0f} s; think {think_s:g} s; "
                      "operations: " + ", ".join(f"{k} {len(v)}" for k, v in times.items())
                      + "; p50 " + ", ".join(f"{k} {_percentile(v, 0.5):.1f} ms"
                                             for k, v in times.items())
                      + f"; SELECT 1 p95 {ref:.1f} ms; one coach alone, median "
                      + ", ".join(f"{k} {v:.1f} ms" for k, v in alone.items()),
                      file=sys.stderr)
        streamed, bare = _loopback_start(workdir)
        rows.append(row("team: start playing a shared recording through the loopback server"
                        " (open p95 + server + first 2 MB over HTTP)", open_p95 + streamed, "ms",
                        1000, open_p95 + bare))
        received, copied, size = _window_receive(cluster, db, workdir, 120 if quick else 600)
        rows.append(row(f"team: receive a shared recording whole ({size} MB: open, check, decrypt"
                        " all, add to the library; `receive`, what the window did before it played"
                        " from the stream; no other clients)", received, "ms", None, copied))
    rows += _window_rows(quick, workdir)
    return rows


def _window_rows(quick: bool, workdir: Path) -> list[Row]:
    """"window: start playing a shared recording (N MB, folder store) until its first picture"
    (bench/team_window_rows.py): the real VLC needs a display, so it runs in its own process,
    under Xvfb when there is no display (as the player group does)."""
    import json
    import os
    import shutil
    import subprocess

    from bench.rows import parse_emitted

    command = [sys.executable, "-m", "bench.team_window_rows", *(["--quick"] if quick else []),
               str(workdir)]
    env = dict(os.environ)
    if not env.get("DISPLAY") and shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *command]
        env["QT_QPA_PLATFORM"] = "xcb"
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    rows = parse_emitted(done.stdout)
    if not rows:
        print(f"bench.team_window_rows gave no rows (exit {done.returncode}):\n"
              f"{done.stderr[-3000:]}", file=sys.stderr)
    else:
        print("team window rounds: " + json.dumps([r.get("rounds") for r in rows]),
              file=sys.stderr)
    return rows


if __name__ == "__main__":
    emit(team_rows("--quick" in sys.argv, Path(sys.argv[-1]) if len(sys.argv) > 2 else
                   Path("/tmp/vsr-bench")))

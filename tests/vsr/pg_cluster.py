"""A real PostgreSQL server for the team library's tests: Debian's server binaries, a cluster in
a temporary folder, listening only on a Unix socket there. Nothing is mocked.

As root (CI), the server runs as the `postgres` account that Debian's package makes (initdb
refuses root). Without the binaries the tests are skipped, except under CI, where they fail:
scripts/setup.sh installs them."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER = "vsr_admin"


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


@dataclass(frozen=True)
class Cluster:
    folder: Path
    socket_dir: Path
    port: int

    def url(self, user: str = SUPERUSER, db: str = "vsr") -> str:
        return f"postgresql://{user}@/{db}?host={self.socket_dir}&port={self.port}"

    def psql(self, sql: str, user: str = SUPERUSER, db: str = "vsr") -> str:
        import psycopg

        with psycopg.connect(self.url(user, db), autocommit=True) as conn:
            cur = conn.execute(sql)  # type: ignore[arg-type]
            return str(cur.fetchall()) if cur.description else ""


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@contextlib.contextmanager
def running_cluster(port: int = 54329) -> Iterator[Cluster]:
    """Start a throw-away cluster (Unix socket only, in a temporary folder) and stop it after."""
    bindir = _bindir()
    if bindir is None:
        raise FileNotFoundError("no PostgreSQL server installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="vsr-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    log = root / "server.log"
    log.touch()
    if os.geteuid() == 0:
        for path in (root, sock, log):
            shutil.chown(path, "postgres")
    run = subprocess.run
    try:
        run(_as_server_user([str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER,
                             "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
            check=True, capture_output=True)
        run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w",
                             "-t", "120", "-o", f"-k {sock} -c listen_addresses='' -p {port}"
                             " -c fsync=off -c max_connections=300", "start"]),
            check=True, capture_output=True)
        cluster = Cluster(root, sock, port)
        cluster.psql("CREATE DATABASE vsr", db="postgres")
        yield cluster
    finally:
        if (data / "postmaster.pid").exists():
            run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                 "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    if _bindir() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing (scripts/setup.sh installs them)")
        pytest.skip("no PostgreSQL server installed")
    with running_cluster() as cluster:
        yield cluster

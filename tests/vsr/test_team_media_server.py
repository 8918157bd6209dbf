"""A shared recording served on 127.0.0.1 from the encrypted file: the same bytes as the
original, ranges (start, middle across chunks, the end, suffix), a wrong token 404, a range
past the end 416, a changed chunk cuts the answer short instead of sending wrong bytes."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.vsr.pg_cluster import pg_cluster  # noqa: F401 (fixture)
from vsr.team.media_crypto import CHUNK, MediaCryptoError, encrypt_file, new_key
from vsr.team.media_server import MediaServer, parse_range


def _get(url: str, range_: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Range": range_} if range_ else {})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status, dict(answer.headers), answer.read()


@pytest.fixture
def served(tmp_path: Path):  # type: ignore[no-untyped-def]
    plain = os.urandom(2 * CHUNK + 12_345)
    (tmp_path / "plain").write_bytes(plain)
    key = new_key()
    encrypt_file(tmp_path / "plain", tmp_path / "enc", key)
    server = MediaServer(tmp_path / "enc", key)
    yield server, plain, tmp_path / "enc", key
    server.close()


def test_whole_file_and_ranges_are_the_original_bytes(served) -> None:  # type: ignore[no-untyped-def]
    server, plain, _enc, _key = served
    assert server.url.startswith("http://127.0.0.1:")
    status, headers, body = _get(server.url)
    assert status == 200 and body == plain and headers["Accept-Ranges"] == "bytes"
    size = len(plain)
    for header, (first, last) in {"bytes=0-99": (0, 99),
                                  f"bytes={CHUNK - 10}-{CHUNK + 10}": (CHUNK - 10, CHUNK + 10),
                                  f"bytes={size - 7}-": (size - 7, size - 1),
                                  "bytes=-5": (size - 5, size - 1),
                                  f"bytes=100-{size * 2}": (100, size - 1)}.items():
        status, headers, body = _get(server.url, header)
        assert status == 206 and body == plain[first:last + 1], header
        assert headers["Content-Range"] == f"bytes {first}-{last}/{size}"


def test_a_wrong_token_and_an_impossible_range_are_refused(served) -> None:  # type: ignore[no-untyped-def]
    server, plain, _enc, _key = served
    wrong = server.url.replace(server.token, "raden")
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(wrong)
    assert err.value.code == 404
    for bad in (f"bytes={len(plain)}-", "bytes=5-2", "bytes=-0", "items=0-5"):
        with pytest.raises(urllib.error.HTTPError) as err:
            _get(server.url, bad)
        assert err.value.code == 416, bad


def test_a_wrong_key_is_refused_before_serving(tmp_path: Path, served) -> None:  # type: ignore[no-untyped-def]
    _server, _plain, enc, _key = served
    with pytest.raises(MediaCryptoError):
        MediaServer(enc, new_key())


def test_a_changed_chunk_never_sends_wrong_bytes(served) -> None:  # type: ignore[no-untyped-def]
    import http.client

    server, plain, enc, _key = served
    step = CHUNK + 16  # a chunk and its tag
    preamble = enc.stat().st_size - (2 * step + 12_345 + 16)
    data = bytearray(enc.read_bytes())
    data[preamble + step + 50] ^= 0xFF  # the second chunk
    enc.write_bytes(bytes(data))
    # Starts in a good chunk, runs into the changed one: cut short there, never wrong bytes.
    with pytest.raises(http.client.IncompleteRead) as cut:
        _get(server.url)
    assert plain.startswith(cut.value.partial) and len(cut.value.partial) < CHUNK + 1
    status, _headers, body = _get(server.url, f"bytes={2 * CHUNK}-{2 * CHUNK + 99}")
    assert status == 206 and body == plain[2 * CHUNK:2 * CHUNK + 100]  # the last chunk is good
    data[preamble + 50] ^= 0xFF  # now the first chunk too: nothing is sent, an error page
    enc.write_bytes(bytes(data))
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(server.url, "bytes=0-99")
    assert err.value.code == 500
    data[-3] ^= 0xFF  # and the last: refused when the reader opens
    enc.write_bytes(bytes(data))
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(server.url, f"bytes={2 * CHUNK}-")
    assert err.value.code == 500
    assert parse_range(None, 10) is None


def test_vsr_team_open_stream_serves_the_shared_recording(pg_cluster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """`vsr team open SHARE --stream` against a real team library: the address it prints
    serves the recording's own bytes."""
    import signal
    import subprocess
    import sys
    import uuid

    from tests.vsr.collection_fixtures import make_source, make_world
    from vsr.library import consent as cs
    from vsr.library import open_library
    from vsr.team import sharing as ts
    from vsr.team.connection import connect, init_schema

    db = f"s{uuid.uuid4().hex[:10]}"
    pg_cluster.psql(f"CREATE DATABASE {db}", db="postgres")
    init_schema(pg_cluster.url(db=db))
    for person in ("alice", "carla"):
        pg_cluster.psql(f"DO $$ BEGIN CREATE ROLE {person} LOGIN; EXCEPTION WHEN"
                        f" duplicate_object THEN NULL; END $$", db=db)
    with connect(pg_cluster.url(db=db)) as admin:
        ts.add_team(admin, "Team Ø")
        ts.add_member(admin, "Team Ø", "alice", "professional")
        ts.add_member(admin, "Team Ø", "carla", "coach")
    lib = open_library(tmp_path / "lib.sqlite")
    world = make_world(lib, make_source(tmp_path, seconds=2.0))
    cs.grant_consent(lib, world.rec.id, "intervisie", given_by="Łukasz")
    media = tmp_path / "media"
    media.mkdir()
    with connect(pg_cluster.url("alice", db)) as alice:
        share = ts.share_review(lib, alice, media, world.review.id, "Team Ø", "intervisie")
    lib.close()
    env = {**os.environ, "VSR_TEAM": pg_cluster.url("carla", db), "VSR_TEAM_MEDIA": str(media)}
    proc = subprocess.Popen([sys.executable, "-m", "vsr", "team", "open", share, "--stream"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        url = proc.stdout.readline().strip()  # type: ignore[union-attr]
        assert url.startswith("http://127.0.0.1:"), proc.stderr.read()  # type: ignore[union-attr]
        _status, _headers, body = _get(url)
        assert body == Path(world.rec.path).read_bytes()
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0

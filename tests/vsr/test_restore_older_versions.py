"""A backup of an OLDER library version is checked like a package before it is put back: its
schema had fewer CHECK constraints, so a hostile file of that version could hold an unknown
role, a moment past 48 hours, a time that is no time, a 2 MB title or a text where a number
belongs. Before, only a backup of this version was checked; the older one was put back and
ended exports and the window in a traceback (or froze it). Now it is brought up to date on a
private copy, its rows must fit this version's constraints and the package checks, or it is
refused with a message naming the table, the field and the value; nothing changes then."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.errors import VsrError
from vsr.i18n import using_language
from vsr.library import backups as bk
from vsr.library import markers as mk
from vsr.library import open_library, schema
from vsr.library import reviews as rv

VERSION = 1  # the first version: every later migration runs on its rows
NOW = "2026-03-02T09:00:00+00:00"


def _old_backup(path: Path, *, role: str = "professional", start_ms: object = 1000,
                title: str = "Gesprek", created_at: str = NOW, shape: str = "circle") -> Path:
    """A library of schema version 1 with one review, two parties and one moment, its values
    as given (written with the old schema, which checks none of them)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in schema.MIGRATIONS[VERSION - 1]:
        assert isinstance(statement, str)
        conn.execute(statement)
    conn.execute("INSERT INTO recordings (id, fingerprint, path, title, duration_ms, has_video,"
                 " has_audio, added_at) VALUES (1, 'v1:abc', '/tmp/x.mp4', 'x', 60000, 1, 1, ?)",
                 (NOW,))
    conn.execute("INSERT INTO reviews (id, recording_id, title, created_at, updated_at)"
                 " VALUES (1, 1, ?, ?, ?)", (title, NOW, NOW))
    conn.execute("INSERT INTO parties (id, review_id, role, name, color, shape, position)"
                 " VALUES (1, 1, ?, 'Sanne', '#0072B2', ?, 0)", (role, shape))
    conn.execute("INSERT INTO parties (id, review_id, role, name, color, shape, position)"
                 " VALUES (2, 1, 'client', 'Anouk', '#D55E00', 'diamond', 1)")
    conn.execute("INSERT INTO markers (id, review_id, party_id, start_ms, created_at)"
                 " VALUES (1, 1, 1, ?, ?)", (start_ms, created_at))
    conn.execute(f"PRAGMA user_version = {VERSION}")
    conn.close()
    return path


def _library(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "library.sqlite"
    lib = open_library(path, backup=False)
    rec = add_fake_recording(lib, tmp_path)
    review = rv.create_review(lib, rec.id)
    marker = mk.add_marker(lib, rv.list_parties(lib, review.id)[0].id, 4321)
    lib.close()
    return path, marker.id


def _marker_start(path: Path, marker_id: int) -> int:
    lib = open_library(path, backup=False)
    try:
        return mk.get_marker(lib, marker_id).start_ms
    finally:
        lib.close()


def test_a_clean_older_backup_is_still_put_back(tmp_path: Path) -> None:
    path, _ = _library(tmp_path)
    old = _old_backup(tmp_path / "oud.sqlite")
    bk.restore_backup(path, old)
    lib = open_library(path, backup=False)
    try:
        assert [m.start_ms for m in mk.list_markers(lib, 1)] == [1000]
    finally:
        lib.close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".check" in p.name) == []


@pytest.mark.parametrize(("values", "said"), [
    ({"role": "baas"}, "parties.role: baas"),
    ({"shape": "ster"}, "parties.shape: ster"),
    ({"start_ms": 10**15}, "markers.start_ms"),  # past 48 hours: no recording is that long
    ({"start_ms": "een minuut"}, "markers.start_ms: een minuut"),  # a text passes >= 0
    ({"created_at": "gisteren"}, "markers.created_at: gisteren"),
    ({"title": "x" * 2_000_000}, "reviews.title: xxxx"),
])
def test_an_older_backup_with_hostile_values_is_refused_before_anything_changes(
        tmp_path: Path, values: dict[str, object], said: str) -> None:
    path, marker_id = _library(tmp_path)
    hostile = _old_backup(tmp_path / "vijandig.sqlite", **values)  # type: ignore[arg-type]
    before = hostile.read_bytes()
    kept = bk.list_backups(path)
    with pytest.raises(VsrError) as refused:
        bk.restore_backup(path, hostile)
    assert refused.value.key == "error.backup.damaged"
    with using_language("nl"):
        dutch = refused.value.message()
    assert said in dutch and str(hostile) in dutch
    assert hostile.read_bytes() == before  # the backup itself is only read
    assert bk.list_backups(path) == kept  # no "before restore" backup: nothing was begun
    assert _marker_start(path, marker_id) == 4321
    assert sorted(p.name for p in tmp_path.iterdir()
                  if ".check" in p.name or ".fresh" in p.name) == []


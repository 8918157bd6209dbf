"""Ids are never reused: a purged recording's id does not come back for the next one (so the
audit log keeps telling the right story), and a library made before AUTOINCREMENT is migrated
with its rows, ids and foreign keys intact and its sequences seeded above every id it ever
named. The audit log of such a library loses its folders and gains its hash chain."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import make_source, make_world
from vsr.library import Library, open_library, schema
from vsr.library import recordings as rc
from vsr.library import retention as rt
from vsr.library.audit import check_audit_log, list_audit
from vsr.library.audit_text import subject_label
from vsr.library.db import _run_migration
from vsr.library.stable_ids import tables_without_autoincrement

REFERENCED = ("recordings", "reviews", "parties", "markers", "collections", "collection_clips",
              "session_moments", "session_actions", "exported_files", "custom_subtopics",
              "audit_log")


def _version_before_stable_ids() -> int:
    return next(i for i, m in enumerate(schema.MIGRATIONS) if m is schema._V6)


def test_every_referenced_table_uses_autoincrement(library: Library) -> None:
    assert tables_without_autoincrement(library.conn) == []
    for table in REFERENCED:
        sql = str(library.query("SELECT sql FROM sqlite_master WHERE name = ?", (table,))[0]["sql"])
        assert "AUTOINCREMENT" in sql.upper(), table


def test_a_purged_recording_id_is_never_given_again(library: Library, tmp_path: Path) -> None:
    app_folder = tmp_path / "recordings"
    first = make_world(library, make_source(app_folder, "een.mp4", 1.0))
    second = make_world(library, make_source(app_folder, "twee.mp4", 1.2), title="Gesprek twee")
    rt.set_recording_retention(library, second.rec.id, "2026-04-30")
    rt.purge(library, date(2026, 5, 1), media_folder=app_folder)
    [deleted] = list_audit(library, action="recording.deleted")
    label_before = subject_label(library, deleted.subject)

    newer, _ = rc.add_recording(library, make_source(tmp_path / "eigen", "drie.mp4", 1.4))
    newer = rc.rename_recording(library, newer.id, "Iemand anders")
    assert newer.id > second.rec.id > first.rec.id  # the newest id was purged, yet not reused
    assert subject_label(library, deleted.subject) == label_before == \
        f"Opname {second.rec.id}"  # the old row does not take the new recording's name
    library.close()
    reopened = open_library(library.path)  # the high-water mark is stored, not in memory
    again, _ = rc.add_recording(reopened, make_source(tmp_path / "eigen", "vier.mp4", 1.6))
    assert again.id == newer.id + 1
    reopened.close()


def _old_library(path: Path) -> sqlite3.Connection:
    """A library at the version before stable ids, with data, a purged newest recording (3)
    and old audit rows that still name folders."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    version = _version_before_stable_ids()
    conn.execute("BEGIN")
    for migration in schema.MIGRATIONS[:version]:
        _run_migration(conn, migration)
    conn.execute(f"PRAGMA user_version = {version}")
    now = "2026-01-01T10:00:00+00:00"
    for rid in (1, 2):
        conn.execute("INSERT INTO recordings (id, fingerprint, path, title, duration_ms,"
                     " has_video, has_audio, added_at) VALUES (?, ?, ?, ?, 1000, 1, 1, ?)",
                     (rid, f"fp{rid}", f"/home/p/Jan de Vries/{rid}.mp4", f"Opname {rid}", now))
    conn.execute("INSERT INTO reviews (id, recording_id, title, created_at, updated_at)"
                 " VALUES (7, 2, 'Gesprek', ?, ?)", (now, now))
    conn.execute("INSERT INTO parties (id, review_id, role, name, color, shape, position)"
                 " VALUES (5, 7, 'client', 'Jan', '#000', 'circle', 0)")
    conn.execute("INSERT INTO markers (id, review_id, party_id, start_ms, created_at)"
                 " VALUES (9, 7, 5, 100, ?)", (now,))
    conn.execute("INSERT INTO sheets (marker_id, what_happened) VALUES (9, 'iets')")
    conn.execute("INSERT INTO session_moments (id, review_id, marker_id, position)"
                 " VALUES (4, 7, 9, 0)")
    conn.execute("INSERT INTO session_moment_markers (moment_id, marker_id) VALUES (4, 9)")
    conn.execute("INSERT INTO collections (id, name, purpose, created_at, updated_at)"
                 " VALUES (3, 'Intervisie', 'intervisie', ?, ?)", (now, now))
    conn.execute("INSERT INTO collection_clips (id, collection_id, recording_id, marker_id,"
                 " position, start_ms, end_ms, created_at) VALUES (6, 3, 2, 9, 0, 0, 500, ?)",
                 (now,))
    conn.execute("INSERT INTO exported_files (id, path, kind, export_id, purpose, recording_id,"
                 " collection_id, clip_id, exported_at) VALUES (2, '/home/p/Jan de Vries/"
                 "clip-01.mp4', 'clip', 'e1', 'intervisie', 2, 3, 6, ?)", (now,))
    audit = [
        ("export", "collection:3", {"folder": "/home/p/Jan de Vries", "files": ["clip-01.mp4"]}),
        ("files.deleted", "purge", {"deleted": ["/home/p/Jan de Vries/clip-02.mp4"],
                                    "missing": ["C:\\Users\\p\\Jan de Vries\\oud.pdf"],
                                    "failed": [], "reason": "retention"}),
        ("recording.deleted", "recording:3", {"reason": "retention"}),
    ]
    for action, subject, details in audit:
        conn.execute("INSERT INTO audit_log (at, action, subject, details) VALUES (?, ?, ?, ?)",
                     (now, action, subject, json.dumps(details)))
    conn.execute("COMMIT")
    return conn


def test_an_old_library_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    _old_library(path).close()
    lib = open_library(path)
    conn = lib.conn
    assert lib.schema_version == len(schema.MIGRATIONS)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # on again after migrating
    ids = {t: [r[0] for r in conn.execute(f"SELECT id FROM {t} ORDER BY id")]
           for t in ("recordings", "reviews", "parties", "markers", "session_moments",
                     "collections", "collection_clips", "exported_files")}
    assert ids == {"recordings": [1, 2], "reviews": [7], "parties": [5], "markers": [9],
                   "session_moments": [4], "collections": [3], "collection_clips": [6],
                   "exported_files": [2]}
    seq = dict(conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
    assert seq["recordings"] == 3  # the purged recording 3, named only in the audit log
    assert seq["reviews"] == 7 and seq["collection_clips"] == 6 and seq["collections"] == 3
    assert tables_without_autoincrement(conn) == []
    # foreign keys still work after the rebuild: deleting recording 2 takes what hangs on it
    conn.execute("DELETE FROM recordings WHERE id = 2")
    assert conn.execute("SELECT COUNT(*) FROM markers").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM session_moment_markers").fetchone()[0] == 0
    new, _ = rc.add_recording(lib, make_source(tmp_path / "eigen", "nieuw.mp4", 1.0))
    assert new.id == 4

    rows = conn.execute("SELECT details FROM audit_log ORDER BY id").fetchall()
    texts = [str(r[0]) for r in rows]
    assert all("/" not in t and "\\\\" not in t and "Jan de Vries" not in t for t in texts), texts
    assert json.loads(texts[0]) == {"files": ["clip-01.mp4"]}  # the folder is gone
    assert json.loads(texts[1])["deleted"] == ["clip-02.mp4"]
    assert json.loads(texts[1])["missing"] == ["oud.pdf"]
    assert check_audit_log(lib).ok  # chained by the migration, triggers back in place
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_log SET action = 'x'")
    assert (tmp_path / f"library.sqlite.v{_version_before_stable_ids()}.bak").is_file()
    lib.close()


def test_audit_rows_never_name_folders(library: Library, tmp_path: Path) -> None:
    from vsr.library.audit import audit

    audit(library, "files.deleted", "purge", deleted=[str(tmp_path / "Jan" / "a.mp4")],
          folder=str(tmp_path / "Jan"), file="C:\\Klanten\\Jan\\verslag.pdf")
    [entry] = list_audit(library)
    assert entry.details == {"deleted": ["a.mp4"], "file": "verslag.pdf"}

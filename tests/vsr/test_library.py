"""The library store: schema, deduplication, markers, sheets, durability and events."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.fakes import add_fake_recording, fake_fingerprint, fake_probe
from vsr.errors import FingerprintMismatchError, NotFoundError, RecordingMissingError, VsrError
from vsr.library import Change, open_library
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.changes import Action, Entity
from vsr.library.schema import MIGRATIONS
from vsr.model import PartyRole


def test_library_uses_wal_and_full_sync(library) -> None:
    mode = library.conn.execute("PRAGMA journal_mode").fetchone()[0]
    sync = library.conn.execute("PRAGMA synchronous").fetchone()[0]
    assert mode == "wal"
    assert sync == 2  # FULL
    assert library.schema_version == len(MIGRATIONS)


def test_same_content_gives_existing_recording(library, tmp_path: Path) -> None:
    first = add_fake_recording(library, tmp_path, "a.mp4", b"same bytes")
    again, created = rc.add_recording(library, tmp_path / "a.mp4", prober=fake_probe,
                                      fingerprinter=fake_fingerprint)
    copy = tmp_path / "elsewhere.mp4"
    copy.write_bytes(b"same bytes")
    moved, created2 = rc.add_recording(library, copy, prober=fake_probe,
                                       fingerprinter=fake_fingerprint)
    assert not created and not created2
    assert again.id == first.id == moved.id
    assert len(rc.list_recordings(library)) == 1


def test_moved_file_updates_path_on_reimport(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path, "a.mp4", b"content")
    new = tmp_path / "sub"
    new.mkdir()
    Path(rec.path).rename(new / "a.mp4")
    again, created = rc.add_recording(library, new / "a.mp4", prober=fake_probe,
                                      fingerprinter=fake_fingerprint)
    assert not created
    assert again.path == str(new / "a.mp4")


def test_failed_probe_changes_nothing(library, tmp_path: Path) -> None:
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(b"junk")

    def broken(path: Path):  # type: ignore[no-untyped-def]
        raise VsrError("error.media.unreadable", path=str(path), reason="test")

    with pytest.raises(VsrError):
        rc.add_recording(library, bad, prober=broken, fingerprinter=fake_fingerprint)
    assert rc.list_recordings(library) == []


def test_relocate_accepts_same_content_and_refuses_other(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path, "a.mp4", b"the recording")
    moved = tmp_path / "moved.mp4"
    Path(rec.path).rename(moved)
    with pytest.raises(RecordingMissingError):
        rc.require_available(rc.get_recording(library, rec.id))
    other = tmp_path / "other.mp4"
    other.write_bytes(b"another recording")
    with pytest.raises(FingerprintMismatchError):
        rc.relocate_recording(library, rec.id, other, fingerprinter=fake_fingerprint)
    assert rc.get_recording(library, rec.id).path == rec.path
    found = rc.relocate_recording(library, rec.id, moved, fingerprinter=fake_fingerprint)
    assert found.path == str(moved)


def test_new_review_has_professional_and_client(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    parties = rv.list_parties(library, review.id)
    assert [p.role for p in parties] == [PartyRole.PROFESSIONAL, PartyRole.CLIENT]
    assert [p.name for p in parties] == ["Professional", "Cliënt"]
    assert len({p.color for p in parties}) == 2 and len({p.shape for p in parties}) == 2
    tolk = rv.add_party(library, review.id, "Tolk")
    assert tolk.position == 2 and tolk.role == PartyRole.OTHER
    rv.rename_party(library, parties[1].id, "Mevr. Jansen")
    assert rv.get_party(library, parties[1].id).name == "Mevr. Jansen"


def test_markers_add_move_delete_restore(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, client = rv.list_parties(library, review.id)
    point = mk.add_marker(library, pro.id, 5_000)
    rng = mk.add_marker(library, client.id, 12_000, 9_000)  # given backwards
    assert point.end_ms is None and point.party_id == pro.id
    assert (rng.start_ms, rng.end_ms) == (9_000, 12_000)
    assert [m.id for m in mk.list_markers(library, review.id)] == [point.id, rng.id]
    assert [m.id for m in mk.list_markers(library, review.id, client.id)] == [rng.id]

    moved = mk.move_marker(library, rng.id, 20_000, 25_000)
    assert (moved.start_ms, moved.end_ms) == (20_000, 25_000)
    sh.set_field(library, rng.id, sh.SheetField.WHAT_HAPPENED, "Ze zei: ‘nee’.")
    sh.set_field(library, rng.id, sh.SheetField.TO_ME, "Ik schrok", party_id=client.id)
    snapshot = mk.delete_marker(library, rng.id)
    assert [m.id for m in mk.list_markers(library, review.id)] == [point.id]
    with pytest.raises(NotFoundError):
        sh.get_sheet(library, rng.id)
    mk.restore_marker(library, snapshot)
    sheet = sh.get_sheet(library, rng.id)
    assert sheet.what_happened == "Ze zei: ‘nee’."
    assert sheet.reflection(client.id).to_me == "Ik schrok"


def test_sheet_fields_per_party(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, client = rv.list_parties(library, review.id)
    m = mk.add_marker(library, pro.id, 1_000)
    sh.set_field(library, m.id, sh.SheetField.WHAT_HAPPENED, "A")
    sh.set_field(library, m.id, sh.SheetField.KEEP_OR_CHANGE, "C")
    sh.set_field(library, m.id, sh.SheetField.TO_ME, "B pro", party_id=pro.id)
    sh.set_field(library, m.id, sh.SheetField.TO_OTHER, "B pro over cliënt", party_id=pro.id)
    sh.set_field(library, m.id, sh.SheetField.TO_ME, "B cliënt", party_id=client.id)
    sh.set_feelings(library, m.id, client.id, ("onzeker", "gehoord"))
    sheet = sh.get_sheet(library, m.id)
    assert (sheet.what_happened, sheet.keep_or_change) == ("A", "C")
    assert sheet.reflection(pro.id).to_other == "B pro over cliënt"
    assert sheet.reflection(client.id).to_me == "B cliënt"
    assert sheet.reflection(client.id).feelings == ("onzeker", "gehoord")
    with pytest.raises(ValueError):
        sh.set_field(library, m.id, sh.SheetField.TO_ME, "no party")


def test_events_fire_after_commit_with_initiator(library, tmp_path: Path) -> None:
    seen: list[Change] = []
    library.subscribe(seen.append)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro = rv.list_parties(library, review.id)[0]
    marker = mk.add_marker(library, pro.id, 100, initiator="timeline")
    last = seen[-1]
    assert (last.entity, last.action, last.ids, last.review_id, last.initiator) == (
        "marker", "added", (marker.id,), review.id, "timeline")


def test_failed_write_rolls_back_and_emits_nothing(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    seen: list[Change] = []
    library.subscribe(seen.append)
    with pytest.raises(RuntimeError):
        with library.write(Change(Entity.MARKER, Action.ADDED)):
            library.conn.execute("UPDATE reviews SET title = 'half' WHERE id = ?", (review.id,))
            raise RuntimeError("boom")
    assert rv.get_review(library, review.id).title != "half"
    assert seen == []


def test_disk_full_becomes_a_storage_error(library) -> None:
    from vsr.errors import StorageError

    with pytest.raises(StorageError) as info:
        with library.write():
            raise sqlite3.OperationalError("database or disk is full")
    assert info.value.key == "error.storage.disk_full"
    assert "schijf is vol" in info.value.message()


def test_edit_survives_a_kill(tmp_path: Path) -> None:
    """Each edit is committed when made: a process killed right after an edit keeps it."""
    db = tmp_path / "lib.sqlite"
    media = tmp_path / "m.mp4"
    media.write_bytes(b"m")
    script = f"""
import os, sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
from tests.vsr.fakes import fake_probe, fake_fingerprint
from vsr.library import open_library, recordings, reviews, markers, sheets
lib = open_library({str(db)!r})
rec, _ = recordings.add_recording(lib, {str(media)!r}, prober=fake_probe, fingerprinter=fake_fingerprint)
review = reviews.create_review(lib, rec.id)
party = reviews.list_parties(lib, review.id)[0]
m = markers.add_marker(lib, party.id, 4200)
sheets.set_field(lib, m.id, sheets.SheetField.WHAT_HAPPENED, "bewaard")
os.kill(os.getpid(), 9)
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()
    lib = open_library(db)
    review = rv.list_reviews(lib)[0]
    marker = mk.list_markers(lib, review.id)[0]
    assert marker.start_ms == 4200
    assert sh.get_sheet(lib, marker.id).what_happened == "bewaard"
    lib.close()


def test_newer_library_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    open_library(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(VsrError) as info:
        open_library(db)
    assert info.value.key == "error.library.newer"


def test_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(VsrError) as info:
        open_library(db)
    # Issue 10: a file that is not a database is a damaged library: the message offers a restore.
    assert info.value.key == "error.library.damaged_unopenable"
    english = worded("en", info.value.message)
    assert str(db) in english and "backup restore" in english


def test_migration_backs_up_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "lib.sqlite"
    open_library(db).close()
    from vsr.library import db as dbmod

    extra = [*MIGRATIONS, ["CREATE TABLE later_feature (id INTEGER PRIMARY KEY)"]]
    monkeypatch.setattr(dbmod, "MIGRATIONS", extra)
    lib = open_library(db)
    assert lib.schema_version == len(extra)
    assert (tmp_path / f"lib.sqlite.v{len(MIGRATIONS)}.bak").exists()
    lib.close()


def test_exported_file_rows_keep_null_ids_apart_from_zero(library, tmp_path: Path) -> None:
    from vsr.library.exported import NewExportedFile, list_exported, record_exported
    from vsr.library.rows import opt_int

    assert (opt_int(None), opt_int(0), opt_int("7")) == (None, 0, 7)
    record_exported(library, "e1", "intervisie", 0, [
        NewExportedFile(tmp_path / "clip-01.mp4", "clip", recording_id=3, clip_id=0),
        NewExportedFile(tmp_path / "handout.pdf", "handout")])
    clip, doc = list_exported(library)
    assert (clip.recording_id, clip.collection_id, clip.clip_id) == (3, 0, 0)
    assert (doc.recording_id, doc.collection_id, doc.clip_id) == (None, 0, None)

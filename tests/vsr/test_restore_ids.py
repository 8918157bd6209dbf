"""After a restore no id is handed out a second time: a review or marker made after the backup
(since deleted, or exported and named in the ledger) keeps its id to itself."""

from __future__ import annotations

from pathlib import Path

from tests.vsr.fakes import add_fake_recording
from vsr.library import backups as bk
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv


def _ids_after_restore(tmp_path: Path, *, damage_library: bool) -> tuple[int, int, int, int]:
    path = tmp_path / "bibliotheek.sqlite"
    lib = open_library(path, backup=False)
    rec = add_fake_recording(lib, tmp_path)
    rv.create_review(lib, rec.id, title="Eerste")
    lib.close()
    backup = bk.create_backup(path, "manual")
    lib = open_library(path, backup=False)
    later = [rv.create_review(lib, rec.id, title=f"Later {n}") for n in range(3)]
    pro, _ = rv.list_parties(lib, later[-1].id)
    marker = mk.add_marker(lib, pro.id, 1_000)
    rv.delete_review(lib, later[-1].id)  # deleted: its id must not come back either
    lib.close()
    if damage_library:  # what the library knew is read from a later backup instead
        bk.create_backup(path, "daily")
        path.write_bytes(b"\x00" * 8192)
    bk.restore_backup(path, backup.path)
    lib = open_library(path, backup=False)
    try:
        assert [r.title for r in rv.list_reviews(lib)] == ["Eerste"]
        new = rv.create_review(lib, rec.id, title="Na het terugzetten")
        new_pro, _ = rv.list_parties(lib, new.id)
        new_marker = mk.add_marker(lib, new_pro.id, 2_000)
    finally:
        lib.close()
    return later[-1].id, new.id, marker.id, new_marker.id


def test_ids_keep_counting_after_a_restore(tmp_path: Path) -> None:
    last_review, new_review, last_marker, new_marker = _ids_after_restore(
        tmp_path, damage_library=False)
    assert new_review == last_review + 1
    assert new_marker == last_marker + 1


def test_ids_keep_counting_when_the_library_was_unreadable(tmp_path: Path) -> None:
    last_review, new_review, last_marker, new_marker = _ids_after_restore(
        tmp_path, damage_library=True)
    assert new_review > last_review and new_marker > last_marker

"""What is deleted is gone from the bytes: a privacy officer who searched a library's files
after a purge found the client's name and address three times in the library (deleted cells,
the search index's delete entries) and six times in the backup of the day before. Every file
vsr keeps beside the library is searched here, case-folded, while the library is still open
(its -wal included)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import make_source
from vsr.library import Library, open_library
from vsr.library import backups as bk
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import retention as rt
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.audit_chain import verify_audit_log
from vsr.library.erasure import clean_up
from vsr.library.withdrawal import withdraw_consent
from vsr.transcript.store import Segment, save_transcript

GONE = ("xanthippe", "quorrelmans", "zwanenburgerdijk")  # the client, her street
KEPT = "ottoline"  # another client, whose review stays


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and p.suffix != ".mp4"]


def _found(root: Path, words: tuple[str, ...]) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for path in _files(root):
        data = path.read_bytes().lower()
        found = [w for w in words if w.encode() in data]
        if found:
            hits[str(path.relative_to(root))] = found
    return hits


def _review(lib: Library, media: Path, client: str, text: str) -> tuple[int, int]:
    rec, _ = rc.add_recording(lib, media)
    review = rv.create_review(lib, rec.id, title="Gesprek", party_names=("Piet Jansen", client))
    _pro, party = rv.list_parties(lib, review.id)
    marker = mk.add_marker(lib, party.id, 200, 1200, theme="samenwerking")
    sh.set_field(lib, marker.id, sh.SheetField.WHAT_HAPPENED, text, None)
    save_transcript(lib, rec.id, [Segment(0, 1500, text)], model="test")
    return rec.id, review.id


@pytest.fixture
def two(library: Library, tmp_path: Path) -> tuple[Library, int, int]:
    gone, _ = _review(library, make_source(tmp_path / "media", "a.mp4", 2.0),
                      "Xanthippe Quorrelmans", "Xanthippe woont aan de Zwanenburgerdijk 4.")
    kept, _ = _review(library, make_source(tmp_path / "media", "b.mp4", 2.2),
                      "Ottoline de Wit", "Ottoline vertelde over haar werk.")
    return library, gone, kept


def _backups_of_every_kind(lib: Library) -> None:
    bk.create_backup(lib.path, "daily")
    bk.create_backup(lib.path, "manual")
    bk.copy_database(lib.path, lib.path.with_name(f"{lib.path.name}.v3.bak"))  # a migration's


def test_a_purged_recording_is_in_no_file_beside_the_library(
        two: tuple[Library, int, int], tmp_path: Path) -> None:
    lib, gone, kept = two
    _backups_of_every_kind(lib)
    root = lib.path.parent
    before = set(_found(root, GONE))  # control: in the library (file or -wal) and backups
    assert {"library.sqlite.v3.bak", "backups"} <= {p.split("/")[0] for p in before}
    assert before & {"library.sqlite", "library.sqlite-wal"}
    rt.set_recording_retention(lib, gone, "2000-01-01")
    report = rt.purge(lib)

    assert [e.recording.id for e in report.plan.recordings] == [gone]
    assert len(report.backups.cleaned) == 3 and report.backups.failed == ()
    assert _found(root, GONE) == {}
    # What was kept is still everywhere it was, and every backup still opens and is whole.
    backups = bk.list_backups(lib.path)
    assert len(backups) == 3
    for backup in backups:
        assert bk.check_file(backup.path, full=True) == "ok"
        assert KEPT.encode() in backup.path.read_bytes().lower()
        conn = sqlite3.connect(backup.path)
        try:
            assert conn.execute("SELECT id FROM recordings").fetchall() == [(kept,)]
            # The search index of the backup finds what was kept, and nothing of what went.
            assert conn.execute("SELECT COUNT(*) FROM transcript_fts WHERE transcript_fts "
                                "MATCH 'ottoline'").fetchone() == (1,)
            assert conn.execute("SELECT COUNT(*) FROM transcript_fts WHERE transcript_fts "
                                "MATCH 'xanthippe'").fetchone() == (0,)
        finally:
            conn.close()
    assert verify_audit_log(lib.conn).ok  # the log (and its head and backups) untouched


def test_a_restored_backup_does_not_bring_a_purged_client_back(
        two: tuple[Library, int, int]) -> None:
    lib, gone, kept = two
    bk.create_backup(lib.path, "manual")
    rt.set_recording_retention(lib, gone, "2000-01-01")
    rt.purge(lib)
    backup = bk.list_backups(lib.path)[0]
    path = lib.path
    lib.close()
    bk.restore_backup(path, backup.path)
    again = open_library(path)
    try:
        assert [r.id for r in rc.list_recordings(again)] == [kept]
    finally:
        again.close()


def test_withdrawn_clips_go_from_the_library_and_its_backups(
        two: tuple[Library, int, int]) -> None:
    lib, gone, _kept = two
    cs.grant_consent(lib, gone, "intervisie", given_by="de cliënt")
    collection = co.create_collection(lib, "Intervisie", "intervisie")
    co.add_clip(lib, collection.id, gone, 0, 600, title="Zwanenburgerdijk-moment",
                questions=["Wat zei Quorrelmans?"])
    bk.create_backup(lib.path, "manual")
    root = lib.path.parent
    # The name is also in the review: this test looks at the clip's own words.
    clip_words = ("zwanenburgerdijk-moment", "wat zei quorrelmans")
    assert set(_found(root, clip_words)) & {"library.sqlite", "library.sqlite-wal"}
    report = withdraw_consent(lib, gone, "intervisie")
    assert len(report.removed_clip_ids) == 1 and len(report.backups.cleaned) == 1
    assert _found(root, clip_words) == {}


def test_a_deleted_review_leaves_no_words_in_the_library_file(
        two: tuple[Library, int, int]) -> None:
    lib, gone, _kept = two
    review_id = rv.list_reviews(lib, gone)[0].id
    # The review's own words (the transcript is the recording's and stays with it).
    marker_words = ("woont aan de",)
    lib.conn.execute("DELETE FROM transcripts WHERE recording_id = ?", (gone,))
    rv.delete_review(lib, review_id)
    root = lib.path.parent
    assert _found(root, ("quorrelmans",) + marker_words) == {}


def test_a_backup_that_cannot_be_cleaned_is_reported_and_tried_again(
        two: tuple[Library, int, int]) -> None:
    lib, gone, _kept = two
    backup = bk.create_backup(lib.path, "manual")
    folder = backup.path.parent
    rt.set_recording_retention(lib, gone, "2000-01-01")
    os.chmod(folder, 0o500)  # no new file can be made beside the backup
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user the folder's mode does not stop (root)")
        report = rt.purge(lib)
    finally:
        os.chmod(folder, 0o700)
    assert [p for p, _ in report.backups.failed] == [backup.path]
    assert b"xanthippe" in backup.path.read_bytes().lower()  # never deleted in its place
    later = clean_up(lib.path)  # the next purge or withdrawal
    assert later.cleaned == (backup.path,) and later.failed == ()
    assert b"xanthippe" not in backup.path.read_bytes().lower()


def test_a_backup_that_cannot_be_cleaned_as_root_is_reported_and_tried_again(
        two: tuple[Library, int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """The same where the folder's mode does not stop the user: the copy fails (disk full)."""
    from vsr.library import erasure

    lib, gone, _kept = two
    backup = bk.create_backup(lib.path, "manual")
    rt.set_recording_retention(lib, gone, "2000-01-01")

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(erasure.shutil, "copyfile", full)
    report = rt.purge(lib)
    assert [p for p, _ in report.backups.failed] == [backup.path]
    assert report.backups.failed[0][1] == "de schijf is vol"  # in the user's language
    assert b"xanthippe" in backup.path.read_bytes().lower()
    assert not list(backup.path.parent.glob(".*.partial"))
    monkeypatch.undo()
    later = clean_up(lib.path)
    assert later.cleaned == (backup.path,)
    assert b"xanthippe" not in backup.path.read_bytes().lower()


def test_the_cli_says_which_backup_still_holds_what_was_deleted(
        two: tuple[Library, int, int], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from vsr.cli.main import main
    from vsr.library import erasure

    lib, gone, _kept = two
    backup = bk.create_backup(lib.path, "manual")
    rt.set_recording_retention(lib, gone, "2000-01-01")
    path = lib.path
    lib.close()

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(erasure.shutil, "copyfile", full)
    code = main(["--library", str(path), "--lang", "nl", "purge", "--yes"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"Nog in de reservekopie {backup.path}" in err and "Traceback" not in err
    two_again = open_library(path)  # the fixture closes what it opened
    two_again.close()


def test_words_typed_over_leave_the_file_when_the_window_ends(
        two: tuple[Library, int, int]) -> None:
    """The search index keeps every saved version's words (a field is saved as it is typed):
    a name typed and taken out again stayed in the file until the index was merged."""
    from vsr.ui.app import forget_at_exit

    lib, gone, _kept = two
    marker = mk.list_markers(lib, rv.list_reviews(lib, gone)[0].id)[0]
    sh.set_field(lib, marker.id, sh.SheetField.KEEP_OR_CHANGE, "Bel Wilhelmientje terug", None)
    sh.set_field(lib, marker.id, sh.SheetField.KEEP_OR_CHANGE, "Bel haar terug", None)
    assert _found(lib.path.parent, ("wilhelmientje",))  # control: still in the index
    forget_at_exit(lib)
    assert _found(lib.path.parent, ("wilhelmientje",)) == {}


def test_the_window_does_not_wait_at_its_end_for_another_programs_write(
        two: tuple[Library, int, int]) -> None:
    import time

    from vsr.ui.app import forget_at_exit

    lib = two[0]
    other = sqlite3.connect(lib.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        started = time.monotonic()
        forget_at_exit(lib)  # gives up after a second, says nothing
        assert time.monotonic() - started < 60  # not the commands' 5 minutes
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_the_audit_log_keeps_no_client_name_from_the_files_it_names(
        two: tuple[Library, int, int], tmp_path: Path) -> None:
    """The log is append-only and chained: a name in it outlives every purge. The user named
    the summary after the client, and the files' deletion is logged too."""
    from vsr.export import export_summary
    from vsr.library.audit import list_audit

    lib, gone, _kept = two
    review_id = rv.list_reviews(lib, gone)[0].id
    out = tmp_path / "uit"
    export_summary(lib, review_id, "md", out / "leerverslag Xanthippe Quorrelmans.md",
                   party_naming="names")
    rt.set_recording_retention(lib, gone, "2000-01-01")
    rt.purge(lib)
    rows = [e for e in list_audit(lib) if e.action in ("export", "files.deleted")]
    assert {e.action for e in rows} == {"export", "files.deleted"}
    text = " ".join(str(e.details) for e in rows)
    assert "leerverslag" in text and ".md" in text  # the row still says which file
    assert _found(lib.path.parent, GONE) == {}
    assert verify_audit_log(lib.conn).ok


def test_backups_an_older_version_left_are_cleaned_at_the_next_purge(
        two: tuple[Library, int, int], tmp_path: Path) -> None:
    """A purge by a version without this (or one whose clean-up could not run) left the
    client in a backup; the next purge of anyone takes her out, from the audit log's record."""
    lib, gone, kept = two
    backup = bk.create_backup(lib.path, "manual")
    rt.set_recording_retention(lib, gone, "2000-01-01")
    rt.purge(lib, clean_backups=False)  # as before this version
    assert b"xanthippe" in backup.path.read_bytes().lower()
    third, _ = _review(lib, make_source(tmp_path / "media", "c.mp4", 2.4), "Sven Bergman",
                       "Sven belde.")
    rt.set_recording_retention(lib, third, "2000-01-01")
    report = rt.purge(lib)
    assert report.backups.cleaned == (backup.path,)
    assert b"xanthippe" not in backup.path.read_bytes().lower()
    assert KEPT.encode() in backup.path.read_bytes().lower()


def test_what_the_user_removed_by_hand_or_put_back_stays_in_the_backups(
        two: tuple[Library, int, int]) -> None:
    """Only erasures (purge, withdrawal) are taken out of backups: a clip removed by hand can
    come back with a restore, and a removal that was undone is the library's again."""
    lib, gone, kept = two
    cs.grant_consent(lib, kept, "intervisie", given_by="de cliënt")
    collection = co.create_collection(lib, "Intervisie", "intervisie")
    by_hand = co.add_clip(lib, collection.id, kept, 0, 600, title="Handmatig")
    undone = co.add_clip(lib, collection.id, kept, 600, 1200, title="Teruggezet")
    backup = bk.create_backup(lib.path, "manual")
    co.remove_clip(lib, by_hand.id)
    co.restore_clip(lib, co.remove_clip(lib, undone.id))
    rt.set_recording_retention(lib, gone, "2000-01-01")
    assert rt.purge(lib).backups.cleaned == (backup.path,)  # the purged client went
    conn = sqlite3.connect(backup.path)
    try:
        ids = {r[0] for r in conn.execute("SELECT id FROM collection_clips")}
    finally:
        conn.close()
    assert ids == {by_hand.id, undone.id}


def test_a_backup_with_a_planted_trigger_is_not_run_but_named(
        two: tuple[Library, int, int]) -> None:
    """Cleaning runs a backup's own triggers: one that is not vsr's is refused, and said."""
    lib, gone, _kept = two
    backup = bk.create_backup(lib.path, "manual")
    conn = sqlite3.connect(backup.path)
    conn.execute("CREATE TABLE stolen (t TEXT)")
    conn.execute("CREATE TRIGGER keep AFTER DELETE ON markers BEGIN "
                 "INSERT INTO stolen VALUES (old.id); END")
    conn.commit()
    conn.close()
    rt.set_recording_retention(lib, gone, "2000-01-01")
    report = rt.purge(lib)
    assert [p for p, _ in report.backups.failed] == [backup.path]
    assert "trigger keep" in report.backups.failed[0][1]
    conn = sqlite3.connect(backup.path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM stolen").fetchone() == (0,)
    finally:
        conn.close()


def test_a_review_that_went_with_its_team_share_goes_from_the_backups(
        two: tuple[Library, int, int]) -> None:
    """A received review whose share was withdrawn at the team is removed here (its recording
    may be the coach's own and stays): the next clean-up takes it out of the backups too."""
    from vsr.library.audit import audit, subject_of

    lib, gone, _kept = two
    review_id = rv.list_reviews(lib, gone)[0].id
    backup = bk.create_backup(lib.path, "manual")
    with lib.write():
        lib.conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        audit(lib, "team.received_removed", subject_of("recording", gone), review=review_id)
    lib.conn.execute("DELETE FROM transcripts WHERE recording_id = ?", (gone,))
    report = clean_up(lib.path)
    assert report.cleaned == (backup.path,)
    conn = sqlite3.connect(backup.path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM reviews WHERE id = ?",
                            (review_id,)).fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM recordings WHERE id = ?",
                            (gone,)).fetchone() == (1,)  # the recording stays
    finally:
        conn.close()

"""Every export kind when its audit entry cannot be written (the library locked by another
program, the disk full): no file is left in the user's folder (an older file at the same path
stays as it was), no ledger row and no audit entry remain, nothing stays staged, and the
message says in the user's language that the file was not saved and why. A file in place is
always one the audit log knows."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world
from tests.vsr.test_transcript_store import CONVERSATION
from vsr.clip_packs import export_collection
from vsr.errors import VsrError
from vsr.export import export_summary
from vsr.i18n import using_language
from vsr.interop.exports import export_review_file
from vsr.library import Library
from vsr.library import audit as audit_module
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library.audit import list_audit
from vsr.library.db import library_staging
from vsr.library.exported import list_exported
from vsr.review_package import pack_review
from vsr.transcript.export import export_transcript
from vsr.transcript.store import save_transcript

LOCKED = sqlite3.OperationalError("database is locked")
FULL = OSError(errno.ENOSPC, "No space left on device")
# (the injected failure, words of it in the Dutch message, in the English one)
FAILURES = {"locked": (LOCKED, "bezet", "busy"), "full": (FULL, "schijf is vol", "disk is full")}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), "gesprek.mp4", 2.0)


@pytest.fixture
def world(library: Library, source: Path) -> World:
    w = make_world(library, source)
    cs.grant_consent(w.lib, w.rec.id, "intervisie", given_by=CLIENT)
    save_transcript(w.lib, w.rec.id, CONVERSATION, model="whisper-base")
    return w


def _summary(fmt: str) -> Callable[[World, Path], object]:
    return lambda w, out: export_summary(w.lib, w.review.id, fmt, out / f"verslag.{fmt}")


def _review_file(fmt: str) -> Callable[[World, Path], object]:
    return lambda w, out: export_review_file(w.lib, w.review.id, fmt, out / f"gesprek.{fmt}")


def _clips(pack: str | None) -> Callable[[World, Path], object]:
    def run(w: World, out: Path) -> object:
        col = co.create_collection(w.lib, "Intervisie", "intervisie")
        co.add_clip(w.lib, col.id, w.rec.id, 0, 500)
        return export_collection(w.lib, col.id, out, anonymize_faces=False, pack=pack)  # type: ignore[arg-type]
    return run


KINDS: dict[str, Callable[[World, Path], object]] = {
    **{f"summary-{fmt}": _summary(fmt) for fmt in ("pdf", "docx", "html", "md")},
    **{f"review-{fmt}": _review_file(fmt) for fmt in ("eaf", "srt", "vtt", "csv")},
    "clips": _clips(None),
    "pack": _clips("intervisie"),
    "package": lambda w, out: pack_review(w.lib, w.review.id, out / "gesprek.vsrpack"),
    "transcript": lambda w, out: export_transcript(w.lib, w.rec.id, "txt", out / "tekst.txt"),
}


def _fail_audit(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    """Every audit entry from now on fails as `exc` would (inside the library's write)."""
    def refuse(conn: sqlite3.Connection) -> tuple[int, str]:
        raise exc

    monkeypatch.setattr(audit_module, "next_row", refuse)


def _left_files(out: Path) -> list[str]:
    return sorted(p.name for p in out.rglob("*")) if out.exists() else []


@pytest.mark.parametrize("failure", sorted(FAILURES))
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_an_export_whose_audit_fails_leaves_no_file(world: World, tmp_path: Path, kind: str,
                                                    failure: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    (out / "eerder.txt").write_text("van de gebruiker")  # the user's own file stays
    exported, audited = list_exported(world.lib), len(list_audit(world.lib))
    exc, dutch, english = FAILURES[failure]
    _fail_audit(monkeypatch, exc)
    with using_language("nl"), pytest.raises(VsrError) as caught:
        KINDS[kind](world, out)
    monkeypatch.undo()
    assert caught.value.key == "error.export.not_recorded"
    assert "niet opgeslagen" in caught.value.message() and dutch in caught.value.message()
    with using_language("en"):
        assert "not saved" in caught.value.message() and english in caught.value.message()
    assert _left_files(out) == ["eerder.txt"]  # no file, no hidden staging folder
    assert list_exported(world.lib) == exported and len(list_audit(world.lib)) == audited
    assert _left_files(library_staging(world.lib)) == []


@pytest.mark.parametrize("kind", ["summary-md", "review-srt", "package", "transcript", "pack"])
def test_an_older_file_at_the_target_is_kept_when_the_audit_fails(
        world: World, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "uit"
    KINDS[kind](world, out)  # the first export works
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    rows = list_exported(world.lib)
    _fail_audit(monkeypatch, LOCKED)
    with pytest.raises(VsrError, match="not_recorded"):
        KINDS[kind](world, out)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    # the older files are still known, so a purge or withdrawal finds them
    assert [r.path for r in list_exported(world.lib)] == [r.path for r in rows]


def test_a_file_that_cannot_be_moved_into_place_leaves_no_audit_entry(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other half of "together or not at all": the entry is rolled back with the move."""
    import vsr.export.atomic as atomic

    audited = len(list_audit(world.lib, action="export"))

    real = atomic.os.replace

    def no_room(src: str, dst: str) -> None:
        if Path(dst).parent == tmp_path / "uit":  # the move into place, not the one in staging
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", no_room)
    with using_language("nl"), pytest.raises(VsrError) as caught:
        export_summary(world.lib, world.review.id, "md", tmp_path / "uit" / "verslag.md")
    monkeypatch.undo()
    assert caught.value.key == "error.export.write_failed"
    assert "schijf is vol" in caught.value.message()
    assert _left_files(tmp_path / "uit") == []
    assert len(list_audit(world.lib, action="export")) == audited
    assert list_exported(world.lib) == []


class _CommitFails:
    """The library's connection, whose COMMIT fails as on a disk that just filled up, once
    `when()` says so (the new file is in place)."""

    def __init__(self, conn: sqlite3.Connection, when: Callable[[], bool]) -> None:
        self._conn, self._when = conn, when

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "COMMIT" and self._when():
            self._conn.execute("ROLLBACK")  # what a COMMIT that failed leaves
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def test_a_commit_that_fails_after_the_move_puts_the_older_file_back(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills just as the audit entry is committed, after the file was moved into
    place: the new file goes again and the one that was there before is back."""
    out = tmp_path / "verslag.md"
    out.write_text("het vorige verslag")
    monkeypatch.setattr(world.lib, "conn", _CommitFails(
        world.lib.conn, lambda: out.read_text() != "het vorige verslag"))
    with using_language("nl"), pytest.raises(VsrError) as caught:
        export_summary(world.lib, world.review.id, "md", out)
    monkeypatch.undo()
    assert caught.value.key == "error.export.not_recorded"
    assert out.read_text() == "het vorige verslag"
    assert list_audit(world.lib, action="export") == [] and list_exported(world.lib) == []
    assert _left_files(tmp_path / ".library-staging") == []


def test_a_link_at_the_target_is_put_back_as_the_link_it_was(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's file reached through a link: when the export is undone the link is back,
    pointing where it pointed, and the file it points to is untouched."""
    theirs = tmp_path / "elders" / "verslag.md"
    theirs.parent.mkdir()
    theirs.write_text("van de gebruiker")
    out = tmp_path / "verslag.md"
    out.symlink_to(theirs)
    monkeypatch.setattr(world.lib, "conn", _CommitFails(world.lib.conn,
                                                        lambda: not out.is_symlink()))
    with pytest.raises(VsrError):
        export_summary(world.lib, world.review.id, "md", out)
    monkeypatch.undo()
    assert out.is_symlink() and out.resolve() == theirs.resolve()
    assert theirs.read_text() == "van de gebruiker"

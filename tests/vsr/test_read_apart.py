"""Reading the library on a connection of its own (for a worker thread, issue 21): it reads
only, sees one committed state for all its queries, never creates a file, and says a library
it cannot open as a VsrError. And the shared screen reads no marker while they are hidden."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr import samenleergesprek as ss
from vsr.errors import VsrError
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library.db import Library, read_apart


def test_a_reader_sees_one_committed_state_and_writes_nothing(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    party = rv.list_parties(library, review.id)[0]
    mk.add_marker(library, party.id, 1_000)
    between = threading.Event()

    def read(reader: Library) -> tuple[int, int]:
        first = len(mk.list_markers(reader, review.id))
        between.set()
        added.wait(5)  # a marker is committed on the window's connection meanwhile
        return first, len(mk.list_markers(reader, review.id))

    added = threading.Event()
    result: list[tuple[int, int]] = []
    worker = threading.Thread(target=lambda: result.append(read_apart(library.path, read)))
    worker.start()
    assert between.wait(5)
    mk.add_marker(library, party.id, 2_000)
    added.set()
    worker.join(5)
    assert result == [(1, 1)]  # one snapshot: the later marker is not half seen
    assert read_apart(library.path, lambda r: len(mk.list_markers(r, review.id))) == 2
    with pytest.raises(VsrError):
        read_apart(library.path, lambda r: r.conn.execute("DELETE FROM markers"))
    assert len(mk.list_markers(library, review.id)) == 2


def test_a_missing_library_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "weg.sqlite"
    with pytest.raises(VsrError):
        read_apart(missing, lambda r: r.query("SELECT 1"))
    assert not missing.exists()


def test_the_shared_screen_reads_no_marker_while_they_are_hidden(library, tmp_path: Path,
                                                               monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, client = rv.list_parties(library, review.id)
    for i in range(3):
        mk.add_marker(library, (pro, client)[i % 2].id, 1_000 * (i + 1))
    ss.set_blind_marking(library, review.id, True)
    read: list[object] = []
    original = mk.list_markers
    monkeypatch.setattr(mk, "list_markers", lambda *a, **k: read.append(a) or original(*a, **k))
    screen = ss.shared_screen(library, review.id)
    assert screen.hidden and screen.markers == () and screen.counts == {pro.id: 2, client.id: 1}
    assert read == []  # only counted
    assert [m.party_id for m in ss.visible_markers(library, review.id, client.id)] == [client.id]
    assert ss.visible_markers(library, review.id, None) == []
    ss.reveal_markers(library, review.id)
    assert len(ss.shared_screen(library, review.id).markers) == 3


def test_a_reader_of_a_file_that_is_no_library_says_so(tmp_path: Path) -> None:
    junk = tmp_path / "rommel.sqlite"
    junk.write_bytes(b"dit is geen gegevensbestand" * 100)
    with pytest.raises(VsrError):
        read_apart(junk, lambda r: r.query("SELECT * FROM markers"))
    with pytest.raises(sqlite3.DatabaseError):  # the file is left as it was, unreadable
        sqlite3.connect(junk).execute("SELECT * FROM markers")

"""Removing a received review when its share is gone (`forget_share`, `forget_gone`). The list
of received shares is a file beside the library; it named the recording and the file to
delete, and both were deleted as named. A share of a recording this library already had (the
coach's own copy: the same content) was put on that recording, so when the share went, the
coach's own recording went with it, with all its reviews; and a damaged or altered list could
delete any recording and any file. Now only what the list and the library agree on goes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.vsr.fakes import add_fake_recording
from vsr.library import Library
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library.recordings import get_recording, list_recordings
from vsr.team.received import Incoming, forget_share, put_incoming, received_path

SHARE = "0f0e0d0c-0b0a-0908-0706-050403020100"


def _item() -> dict[str, object]:
    return {"title": "Gesprek", "duration_ms": 60_000, "purpose": "intervisie",
            "team": "Team Noord", "recognisable": False,
            "moments": [{"start_ms": 1000, "party": "client", "what_happened": "Stil"}]}


def _incoming(tmp_path: Path, fingerprint: str) -> Incoming:
    cache = tmp_path / "cache"
    cache.mkdir(exist_ok=True)
    return Incoming(SHARE, _item(), tmp_path / "media", cache / f"{SHARE}.mp4", fingerprint,
                    1234)


def test_a_share_of_my_own_recording_goes_without_my_recording(library: Library,
                                                                tmp_path: Path) -> None:
    own = add_fake_recording(library, tmp_path, "mijn-gesprek.mp4", b"mijn opname")
    mine = rv.create_review(library, own.id, title="Mijn terugkijkgesprek")
    mk.add_marker(library, rv.list_parties(library, mine.id)[0].id, 500)
    arrived = put_incoming(library, _incoming(tmp_path, own.fingerprint))
    assert arrived.recording_id == own.id  # the same content: put on the one already here
    assert forget_share(library, SHARE) == arrived.review_id
    assert Path(own.path).read_bytes() == b"mijn opname"
    assert get_recording(library, own.id).path == own.path
    assert [r.id for r in rv.list_reviews(library)] == [mine.id]  # the received one is gone


def test_a_received_recording_goes_with_its_share(library: Library, tmp_path: Path) -> None:
    incoming = _incoming(tmp_path, "v1:team-recording")
    arrived = put_incoming(library, incoming)
    incoming.target.write_bytes(b"cached")
    assert forget_share(library, SHARE) == arrived.review_id
    assert not incoming.target.exists() and list_recordings(library) == []


def test_an_altered_list_deletes_no_recording_and_no_file_of_mine(library: Library,
                                                                    tmp_path: Path) -> None:
    """A list naming the user's own recording and file: neither goes. (A review the log does
    not know as received is still removed when the list names it: a share received before
    receipts were logged must go from here when it is withdrawn.)"""
    own = add_fake_recording(library, tmp_path, "mijn-gesprek.mp4", b"mijn opname")
    document = tmp_path / "belangrijk.docx"
    document.write_bytes(b"mijn werk")
    for entry in ({"review_id": 0, "recording_id": own.id, "file": str(document)},
                  {"recording_id": own.id, "file": own.path}, {"review_id": "x"},
                  ["niet", "goed"]):
        mine = rv.create_review(library, own.id, title="Mijn terugkijkgesprek")
        received_path(library).write_text(json.dumps({SHARE: {"review_id": mine.id, **entry}
                                                      if isinstance(entry, dict) else entry}),
                                          "utf-8")
        forget_share(library, SHARE)
    assert document.read_bytes() == b"mijn werk"
    assert Path(own.path).read_bytes() == b"mijn opname"
    assert [r.id for r in list_recordings(library)] == [own.id]


def test_a_review_logged_as_received_with_another_share_stays(library: Library,
                                                               tmp_path: Path) -> None:
    arrived = put_incoming(library, _incoming(tmp_path, "v1:team-recording"))
    received_path(library).write_text(json.dumps({"andere-share": {
        "review_id": arrived.review_id, "recording_id": arrived.recording_id,
        "file": str(tmp_path / "cache" / "andere-share.mp4")}}), "utf-8")
    assert forget_share(library, "andere-share") is None
    assert [r.id for r in rv.list_reviews(library)] == [arrived.review_id]


def test_a_share_of_my_own_recording_leaves_my_consent_as_it_is(library: Library,
                                                                 tmp_path: Path) -> None:
    """The share's consent overwrote the client's own consent here (who gave it, its end):
    a recording already in the library keeps its own consent state, as with a package."""
    from vsr.library import consent as cs

    own = add_fake_recording(library, tmp_path, "mijn-gesprek.mp4", b"mijn opname")
    cs.grant_consent(library, own.id, "intervisie", given_by="Anouk", until="2099-06-30",
                     given_on="2026-01-05")
    before = cs.get_consent(library, own.id, "intervisie")
    put_incoming(library, _incoming(tmp_path, own.fingerprint))
    assert cs.get_consent(library, own.id, "intervisie") == before


def test_a_receipt_the_list_could_not_keep_still_goes_with_its_share(
        library: Library, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The list of received shares could not be written (a full disk): receiving ended in a
    traceback after the review was in the library, and that review then stayed when its
    share was withdrawn (nothing listed it). The log has the receipt; it goes."""
    import errno
    import os

    from vsr.team import received as module

    real = os.open

    def full(path, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, *args)

    monkeypatch.setattr(module.os, "open", full)
    arrived = put_incoming(library, _incoming(tmp_path, "v1:team-recording"))
    monkeypatch.undo()
    assert not received_path(library).exists()
    assert forget_share(library, SHARE) == arrived.review_id
    assert rv.list_reviews(library) == [] and list_recordings(library) == []


def test_a_damaged_list_nested_deep_is_no_traceback(library: Library, tmp_path: Path) -> None:
    arrived = put_incoming(library, _incoming(tmp_path, "v1:team-recording"))
    received_path(library).write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    assert forget_share(library, SHARE) == arrived.review_id  # found through the log

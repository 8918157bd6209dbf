"""A review package goes through the export ledger like every file that leaves the app:
recorded before it exists, audited (file name only), found again and deleted by withdrawal of
the consent it was made under (intervisie, with the recording), by narrowing and by purge;
forgotten when it never got written; its receipt audited. The CLI and the window's dialog use
the same path."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.vsr.test_review_package import _review
from vsr.cli.main import main
from vsr.errors import VsrError
from vsr.library import Library, open_library
from vsr.library import retention as rt
from vsr.library import reviews as rv
from vsr.library.audit import list_audit
from vsr.library.audit_text import action_label, details_label
from vsr.library.exported import PACKAGE, list_exported
from vsr.library.narrowing import narrow_consent
from vsr.library.withdrawal import plan_withdrawal, withdraw_consent
from vsr.review_package import archive, pack_review, unpack_review


def _recording(lib: Library, review_id: int) -> int:
    return rv.get_review(lib, review_id).recording_id


def test_pack_with_recording_is_recorded_before_it_exists_and_audited(
        library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    review_id = _review(library, tmp_path)
    folder = tmp_path / "Fatma Yıldız"  # a folder's name often carries the client's name
    folder.mkdir()
    out = folder / "gesprek.vsrpack"
    real_write = archive.write_package
    seen_while_writing: list[list[str]] = []

    def watching(tmp: Path, *args: object) -> None:
        seen_while_writing.append([f.path for f in list_exported(library)])
        real_write(tmp, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(archive, "write_package", watching)
    pack_review(library, review_id, out, with_recording=True, passphrase="pw")
    assert seen_while_writing == [[str(out)]]  # the ledger knew it before a byte was written
    [row] = list_exported(library)
    assert (row.path, row.kind, row.purpose) == (str(out), PACKAGE, "intervisie")
    assert (row.recording_id, row.faces_blurred) == (_recording(library, review_id), False)
    [entry] = list_audit(library, action="export")
    assert entry.subject == f"review:{review_id}"
    assert {k: entry.details[k] for k in ("format", "file", "with_recording", "protected")} == {
        "format": "vsrpack", "file": "gesprek.vsrpack", "with_recording": True,
        "protected": True}
    assert "Yıldız" not in json.dumps(entry.details, ensure_ascii=False)
    assert "=" not in details_label(entry) and "met wachtwoord: ja" in details_label(entry)


def test_withdrawing_intervisie_deletes_the_package_with_the_recording(
        library: Library, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path)
    recording_id = _recording(library, review_id)
    with_media = pack_review(library, review_id, tmp_path / "met.vsrpack", with_recording=True)
    text_only = pack_review(library, review_id, tmp_path / "zonder.vsrpack")
    plan = plan_withdrawal(library, recording_id, "intervisie")
    assert [f.path for f in plan.files] == [str(with_media)]  # not "nothing was made under it"
    report = withdraw_consent(library, recording_id, "intervisie")
    assert report.files.deleted == [str(with_media)] and not with_media.exists()
    # Without the recording it was not made under intervisie: it stays, and a purge finds it.
    assert text_only.is_file()
    assert [(f.path, f.purpose) for f in list_exported(library)] == [
        (str(text_only), "own_review")]
    rt.set_recording_retention(library, recording_id, "2026-04-30")
    purged = rt.purge(library, date(2026, 5, 1), media_folder=tmp_path / "app")
    assert purged.files.deleted == [str(text_only)] and not text_only.exists()
    assert list_exported(library) == []
    deleted = list_audit(library, action="files.deleted")
    assert sorted(n for e in deleted for n in e.details["deleted"]) == [
        "met.vsrpack", "zonder.vsrpack"]


def test_narrowing_intervisie_to_an_earlier_day_deletes_the_package(
        library: Library, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path)
    recording_id = _recording(library, review_id)
    package = pack_review(library, review_id, tmp_path / "p.vsrpack", with_recording=True)
    today = date.today()
    narrow_consent(library, recording_id, "intervisie", given_by="J.",
                   until=date(today.year - 1, 1, 1), given_on=date(today.year - 2, 1, 1),
                   today=today)
    assert not package.exists() and list_exported(library) == []


def test_a_package_that_was_never_written_is_forgotten(
        library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    review_id = _review(library, tmp_path)

    def disk_full(tmp: Path, *args: object) -> None:
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive, "write_package", disk_full)
    with pytest.raises(VsrError) as refused:
        pack_review(library, review_id, tmp_path / "p.vsrpack")
    assert refused.value.key == "error.export.write_failed"
    assert list_exported(library) == [] and not (tmp_path / "p.vsrpack").exists()
    assert list_audit(library, action="export") == []


def test_packing_the_same_file_again_keeps_one_row(library: Library, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path)
    pack_review(library, review_id, tmp_path / "p.vsrpack")
    pack_review(library, review_id, tmp_path / "p.vsrpack", with_recording=True)
    [row] = list_exported(library)
    assert row.purpose == "intervisie"  # the newer file holds the recording


def test_unpacking_is_audited(library: Library, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path)
    package = pack_review(library, review_id, tmp_path / "Jan Jansen.vsrpack")
    other = open_library(tmp_path / "coach" / "library.sqlite")
    try:
        done = unpack_review(other, package)
        [entry] = list_audit(other, action="package.received")
        assert entry.subject == f"review:{done.review_id}"
        # "Jan" is named in the review's title: the log, which outlives every purge, keeps
        # the file's name with the names around its recording replaced (vsr.library.audit).
        assert entry.details == {"file": "[naam] Jansen.vsrpack", "recording_received": False,
                                 "replaced_review": False, "copy": False}
        assert str(tmp_path) not in json.dumps(entry.details)
        label = details_label(entry)  # the audit window words every detail
        assert "=" not in label and "opname ontvangen: nee" in label.lower(), label
        assert action_label(entry.action) == "Pakket ontvangen"
    finally:
        other.close()


def test_cli_pack_and_unpack_go_through_the_ledger(library: Library, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules["vsr.cli.main"], "setup_logging", lambda: None)
    review_id = _review(library, tmp_path)
    recording_id = _recording(library, review_id)
    library.close()
    package = tmp_path / "cli.vsrpack"
    src, dest = str(library.path), str(tmp_path / "c2" / "lib.sqlite")
    text_only = tmp_path / "tekst.vsrpack"
    assert main(["--library", src, "pack", str(review_id), "-o", str(package),
                 "--with-recording"]) == 0
    assert main(["--library", src, "pack", str(review_id), "-o", str(text_only)]) == 0
    assert main(["--library", dest, "unpack", str(text_only)]) == 0
    lib = open_library(Path(src))
    try:
        assert [f.path for f in list_exported(lib)] == [str(package), str(text_only)]
        assert len(list_audit(lib, action="export")) == 2
        withdraw_consent(lib, recording_id, "intervisie")
        assert not package.exists() and text_only.exists()
    finally:
        lib.close()
    received = open_library(Path(dest))
    try:
        assert len(list_audit(received, action="package.received")) == 1
    finally:
        received.close()

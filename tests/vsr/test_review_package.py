"""Review packages: round trip into another library, passphrase, the recording only with
consent, existing reviews never overwritten silently, hostile archives refused with the
library unchanged, a newer format refused, and the CLI's one-line errors with exit code 2."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.lang import worded
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.cli.main import main
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library.consent import grant_consent, list_consents
from vsr.library.db import Library
from vsr.library.sheets import SheetField, get_sheet, set_field
from vsr.review_package import (
    OnExisting,
    archive,
    pack_review,
    received_folder,
    sealed,
    unpack_review,
)
from vsr.review_package.archive import PackageError
from vsr.samenleergesprek.actions import add_action
from vsr.samenleergesprek.moments import choose_moment
from vsr.samenleergesprek.state import confirm_rules, get_session, set_learning, set_summary, start_session


def _review(lib: Library, tmp_path: Path) -> int:
    rec = add_fake_recording(lib, tmp_path, "gesprek.mp4", b"media bytes")
    review = rv.create_review(lib, rec.id, title="Gesprek met Jan")
    pro, client = rv.list_parties(lib, review.id)
    m1 = mk.add_marker(lib, pro.id, 1000, 4000, theme="samenwerking").id
    m2 = mk.add_marker(lib, client.id, 9000, theme="bereiken", subtopic="doel").id
    set_field(lib, m1, SheetField.WHAT_HAPPENED, "Ik vroeg naar het vertrouwen")
    set_field(lib, m1, SheetField.TO_ME, "Spannend", client.id)
    set_field(lib, m1, SheetField.KEEP_OR_CHANGE, "Eerst luisteren")
    set_field(lib, m2, SheetField.TO_OTHER, "Fijn", pro.id)
    start_session(lib, review.id)
    confirm_rules(lib, review.id, pro.id)
    choose_moment(lib, review.id, m1)
    set_summary(lib, review.id, "We leerden veel")
    set_learning(lib, review.id, client.id, "Vragen stellen mag")
    add_action(lib, review.id, "Afspraak maken", pro.id, "2026-12-01")
    grant_consent(lib, rec.id, "intervisie", given_by="J.")
    return review.id


def _content(lib: Library, review_id: int) -> dict[str, Any]:
    """What a colleague must see the same, without the library's own ids."""
    review = rv.get_review(lib, review_id)
    parties = {p.id: (p.role.value, p.name) for p in rv.list_parties(lib, review_id)}
    moments = []
    for m in mk.list_markers(lib, review_id):
        sheet = get_sheet(lib, m.id)
        moments.append((m.start_ms, m.end_ms, m.theme, m.subtopic, parties[m.party_id],
                        sheet.what_happened, sheet.keep_or_change,
                        sorted((parties[r.party_id], r.to_me, r.to_other)
                               for r in sheet.reflections.values())))
    session = get_session(lib, review_id)
    return {
        "title": review.title, "parties": sorted(parties.values()), "moments": moments,
        "summary": session.summary, "step": session.step,
        "moments_chosen": len(session.moments),
        "actions": [(a.what, a.due) for a in session.actions],
        "consents": [(c.purpose, c.given_by) for c in list_consents(lib, review.recording_id)],
        "uuid": lib.query("SELECT uuid FROM reviews WHERE id = ?", (review_id,))[0]["uuid"],
    }


def _state(lib: Library) -> tuple[object, ...]:
    counts = tuple(lib.query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"]
                   for t in ("recordings", "reviews", "markers", "sheets", "consents"))
    folder = received_folder(lib)
    return counts, sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture
def other(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib = open_library(tmp_path / "coach" / "library.sqlite")
    yield lib
    lib.close()


def test_round_trip_gives_equal_data(library, other, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path)
    package = pack_review(library, review_id, tmp_path / "jan.vsrpack")
    done = unpack_review(other, package)
    assert _content(other, done.review_id) == _content(library, review_id)
    assert done.recording_file is None  # not asked for: only its description came along
    recording = rv.get_review(other, done.review_id).recording_id
    path = other.query("SELECT path FROM recordings WHERE id = ?", (recording,))[0]["path"]
    assert Path(str(path)).name == "gesprek.mp4" and not Path(str(path)).exists()
    with zipfile.ZipFile(package) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format_version"] == archive.FORMAT_VERSION and manifest["app_version"]
        assert set(manifest["members"]) == {"review.json"}
        assert str(tmp_path) not in zf.read("review.json").decode()  # no folders travel


def test_recording_only_with_consent(library, other, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path)
    recording_id = rv.get_review(library, review_id).recording_id
    library.conn.execute("DELETE FROM consents WHERE recording_id = ?", (recording_id,))
    with pytest.raises(PackageError) as refused:
        pack_review(library, review_id, tmp_path / "x.vsrpack", with_recording=True)
    assert "intervisie" in refused.value.message()
    assert not (tmp_path / "x.vsrpack").exists()
    grant_consent(library, recording_id, "intervisie", given_by="J.")
    package = pack_review(library, review_id, tmp_path / "x.vsrpack", with_recording=True)
    done = unpack_review(other, package, fingerprinter=fake_fingerprint)
    assert done.recording_file is not None
    assert done.recording_file.read_bytes() == b"media bytes"
    assert done.recording_file.parent == received_folder(other)


def test_passphrase(library, other, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path)
    package = pack_review(library, review_id, tmp_path / "p.vsrpack", passphrase="geheim 123")
    assert package.read_bytes().startswith(sealed.HEADER)
    assert b"vertrouwen" not in package.read_bytes()
    before = _state(other)
    with pytest.raises(PackageError) as missing:
        unpack_review(other, package)
    assert missing.value.key == "error.package.passphrase_needed"
    with pytest.raises(PackageError) as wrong:
        unpack_review(other, package, passphrase="fout")
    assert wrong.value.key == "error.package.passphrase_wrong"
    assert str(package) in worded("en", wrong.value.message)
    assert _state(other) == before
    done = unpack_review(other, package, passphrase="geheim 123")
    assert _content(other, done.review_id) == _content(library, review_id)


def test_existing_review_is_detected(library, other, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path)
    package = pack_review(library, review_id, tmp_path / "jan.vsrpack")
    first = unpack_review(other, package)
    before = _state(other)
    with pytest.raises(PackageError) as exists:
        unpack_review(other, package)
    assert exists.value.key == "error.package.exists"
    assert _state(other) == before
    both = unpack_review(other, package, on_existing=OnExisting.KEEP_BOTH)
    assert both.review_id != first.review_id
    assert len(rv.list_reviews(other)) == 2
    assert _content(other, both.review_id)["uuid"] != _content(other, first.review_id)["uuid"]
    set_summary(library, review_id, "Later aangevuld")
    newer = pack_review(library, review_id, tmp_path / "jan2.vsrpack")
    replaced = unpack_review(other, newer, on_existing=OnExisting.REPLACE)
    assert len(rv.list_reviews(other)) == 2  # the first was replaced, the copy stays
    assert get_session(other, replaced.review_id).summary == "Later aangevuld"
    assert first.review_id not in {r.id for r in rv.list_reviews(other)}


# -- hostile and broken packages -----------------------------------------------------------

def _zip(path: Path, members: dict[str, bytes], *, manifest: dict[str, Any] | None = None,
         compress: int = zipfile.ZIP_DEFLATED, links: tuple[str, ...] = ()) -> Path:
    listed = {n: {"size": len(d), "sha256": __import__("hashlib").sha256(d).hexdigest()}
              for n, d in members.items()}
    doc = manifest or {"format": archive.FORMAT, "format_version": 1, "members": listed}
    with zipfile.ZipFile(path, "w", compression=compress) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compress
            if name in links:
                info.external_attr = (0o120777 << 16)
            zf.writestr(info, data)
        zf.writestr("manifest.json", json.dumps(doc))
    return path


def _valid_review(library: Library, tmp_path: Path) -> bytes:
    review_id = _review(library, tmp_path)
    package = pack_review(library, review_id, tmp_path / "ok.vsrpack")
    with zipfile.ZipFile(package) as zf:
        return zf.read("review.json")


def _hostile(tmp_path: Path, review: bytes) -> dict[str, Path]:
    d = tmp_path / "hostile"
    d.mkdir()
    bomb = b"\0" * (20 * 1024 * 1024)
    cases = {
        "absolute": _zip(d / "abs.vsrpack", {"review.json": review, "/etc/passwd": b"x"}),
        "dotdot": _zip(d / "dot.vsrpack", {"review.json": review, "recording/../../x": b"x"}),
        "symlink": _zip(d / "link.vsrpack", {"review.json": review, "recording/a.mp4": b"/etc"},
                        links=("recording/a.mp4",)),
        "numerous": _zip(d / "many.vsrpack", {"review.json": review,
                                              **{f"recording/{i}.mp4": b"x" for i in range(20)}}),
        "bomb": _zip(d / "bomb.vsrpack", {"review.json": review, "recording/b.mp4": bomb}),
        "checksum": _zip(d / "sum.vsrpack", {"review.json": review}, manifest={
            "format": archive.FORMAT, "format_version": 1,
            "members": {"review.json": {"size": len(review), "sha256": "0" * 64}}}),
        "newer": _zip(d / "new.vsrpack", {"review.json": review}, manifest={
            "format": archive.FORMAT, "format_version": archive.FORMAT_VERSION + 1,
            "members": {}}),
        "not_zip": d / "text.vsrpack",
        "bad_data": _zip(d / "data.vsrpack", {"review.json": json.dumps(
            {"review": {"uuid": "u", "title": "t"}, "recording": {"fingerprint": "f",
             "file_name": "a.mp4", "title": "a"},
             "tables": {"markers": [{"id": 1, "party_id": 99, "start_ms": 0,
                                     "created_at": "x"}]}}).encode()}),
    }
    cases["not_zip"].write_text("geen zip")
    data = bytearray(_zip(d / "size.vsrpack", {"review.json": review}).read_bytes())
    central = data.index(b"PK\x01\x02")  # the first entry is review.json: say it is smaller
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    (d / "size.vsrpack").write_bytes(bytes(data))
    cases["lies_about_size"] = d / "size.vsrpack"
    return cases


def test_hostile_archives_leave_the_library_unchanged(library, other, tmp_path: Path) -> None:
    cases = _hostile(tmp_path, _valid_review(library, tmp_path))
    before = _state(other)
    for case, package in cases.items():
        with pytest.raises(PackageError) as refused:
            unpack_review(other, package, on_existing=OnExisting.KEEP_BOTH)
        message = worded("en", refused.value.message)
        assert str(package) in message and "\n" not in message, case
        assert _state(other) == before, case
        reason = refused.value.params.get("reason")
        if reason is not None:  # worded in the sentence's language, not English inside Dutch
            english = worded("en", lambda r=reason: str(r))
            assert english not in worded("nl", refused.value.message), case
            assert english in message, case
    assert not (received_folder(other).parent.parent / "x").exists()  # ".." wrote nothing


def test_huge_member_is_refused_before_reading(library, other, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    review = _valid_review(library, tmp_path)
    package = _zip(tmp_path / "big.vsrpack", {"review.json": review},
                   compress=zipfile.ZIP_STORED)
    monkeypatch.setattr(archive, "MAX_JSON_BYTES", len(review) - 1)
    with pytest.raises(PackageError) as refused:
        unpack_review(other, package)
    assert refused.value.key == "error.package.unsafe"


def test_newer_format_is_refused_clearly(library, other, tmp_path: Path) -> None:
    package = _hostile(tmp_path, _valid_review(library, tmp_path))["newer"]
    with pytest.raises(PackageError) as refused:
        unpack_review(other, package)
    assert refused.value.key == "error.package.newer"
    assert "newer version" in worded("en", refused.value.message)


def test_cli_pack_unpack_and_one_line_errors(library, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # In-process: the app's log handler would keep capsys's stream after this test closed it.
    monkeypatch.setattr(sys.modules["vsr.cli.main"], "setup_logging", lambda: None)
    review_id = _review(library, tmp_path)
    library.close()
    package = tmp_path / "cli.vsrpack"
    secret = tmp_path / "pw.txt"
    secret.write_text("geheim\n")
    src, dest = str(library.path), str(tmp_path / "c2" / "lib.sqlite")
    assert main(["--library", src, "pack", str(review_id), "-o", str(package),
                 "--passphrase-file", str(secret)]) == 0
    assert main(["--library", dest, "unpack", str(package)]) == 2
    err = capsys.readouterr().err.strip()
    assert str(package) in err and "\n" not in err
    assert main(["--library", dest, "unpack", str(package), "--passphrase-file",
                 str(secret)]) == 0
    assert main(["--library", dest, "unpack", str(package), "--passphrase-file",
                 str(secret)]) == 2  # already there: the user must choose
    assert "--keep-both" in capsys.readouterr().err
    assert main(["--library", dest, "--lang", "en", "search", "vertrou", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["review_title"] for h in hits] == ["Gesprek met Jan"]
    assert "vertrouwen" in hits[0]["snippet"]
    bad = tmp_path / "bad.vsrpack"
    bad.write_bytes(io.BytesIO(b"PK\x03\x04 broken").getvalue())
    assert main(["--library", dest, "unpack", str(bad)]) == 2


def test_first_format_passphrase_package_still_opens(library, other, tmp_path: Path) -> None:
    # Packages made before the sealed chunks: the whole zip as one AES-GCM piece.
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    review_id = _review(library, tmp_path)
    plain = pack_review(library, review_id, tmp_path / "plain.vsrpack").read_bytes()
    salt, nonce = os.urandom(16), os.urandom(12)
    header = archive.ENCRYPTED_HEADER + salt
    sealed_once = AESGCM(sealed.derive_key("oud wachtwoord", salt)).encrypt(nonce, plain, header)
    old = tmp_path / "old.vsrpack"
    old.write_bytes(header + nonce + sealed_once)
    with pytest.raises(PackageError) as wrong:
        unpack_review(other, old, passphrase="fout")
    assert wrong.value.key == "error.package.passphrase_wrong"
    done = unpack_review(other, old, passphrase="oud wachtwoord")
    assert _content(other, done.review_id) == _content(library, review_id)


def test_changed_sealed_package_is_refused(library, other, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path)
    package = pack_review(library, review_id, tmp_path / "p.vsrpack", passphrase="pw")
    data = package.read_bytes()
    before = _state(other)
    for case, changed in {"cut": data[:-100], "added": data + data[-200:],
                          "flipped": data[:-50] + bytes([data[-50] ^ 1]) + data[-49:]}.items():
        package.write_bytes(changed)
        with pytest.raises(PackageError) as refused:
            unpack_review(other, package, passphrase="pw")
        assert refused.value.key in ("error.package.passphrase_wrong",
                                     "error.package.damaged"), case
        assert _state(other) == before, case


def test_cli_passphrase_file_errors_are_dutch_sentences(library, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules["vsr.cli.main"], "setup_logging", lambda: None)
    review_id = _review(library, tmp_path)
    library.close()
    latin1 = tmp_path / "pw.txt"
    latin1.write_bytes("wachtwoord met é".encode("latin-1"))
    out = tmp_path / "p.vsrpack"
    for file, words in ((latin1, "geen tekst in UTF-8"), (tmp_path / "weg.txt", "is er niet")):
        assert main(["--library", str(library.path), "pack", str(review_id), "-o", str(out),
                     "--passphrase-file", str(file)]) == 2
        err = capsys.readouterr().err.strip()
        assert str(file) in err and words in err and "\n" not in err, err
        assert "codec" not in err and "No such file" not in err and "Errno" not in err
    assert not out.exists()

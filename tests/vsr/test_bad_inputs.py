"""Broken and hostile media (issue 10): every bad file gives a clear message naming it, and the
library does not change; a cut-off file is imported with the duration that can really be read
and a warning. The files are made here, in tmp_path, plus the malformed files of the corpus."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.test_cli import run_vsr
from tests.vsr.test_media_probe import last_packet_end_ms
from vsr.cli.main import main as cli_main
from vsr.errors import MediaError
from vsr.library import open_library
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.media import probe as probe_module
from vsr.media.probe_child import probe_isolated
from vsr.media.probe_end import EndCheck
from vsr.media.testclip import generate_test_clip

TRUNCATED = (10, 50, 99)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 10 s mp4 (H.264 + AAC), its index at the front as cameras' 'fast start' files have."""
    return generate_test_clip(tmp_path_factory.mktemp("clip") / "whole.mp4", 10.0)


def _vint(data: bytes | bytearray, at: int) -> tuple[int, int]:
    """An EBML variable-size integer at `at`: (its value without the length marker, its length)."""
    first = data[at]
    length = 1
    while not first & (0x80 >> (length - 1)):
        length += 1
        assert length <= 8, "not an EBML number"
    value = first & (0xFF >> length)
    for byte in data[at + 1:at + length]:
        value = value << 8 | byte
    return value, length


def _matroska_duration_at(data: bytes | bytearray) -> int:
    """Where the Segment Info's Duration element (ID 0x4489, a float in ms) starts.

    Found by walking the Info element's children, not by searching for the bytes 44 89: those
    turn up by chance in the random SegmentUID, which made a plain search fail now and then (CI
    failed on it once)."""
    info = data.find(b"\x15\x49\xa9\x66")
    while info > 0:
        if data[info - 3:info] == b"\x53\xab\x84":  # the Info's ID as data in the SeekHead
            info = data.find(b"\x15\x49\xa9\x66", info + 4)
            continue
        size, length = _vint(data, info + 4)
        at, end = info + 4 + length, min(info + 4 + length + size, len(data))
        while at < end:
            ident_length = _vint(data, at)[1]
            ident = bytes(data[at:at + ident_length])
            child_size, size_length = _vint(data, at + ident_length)
            if ident == b"\x44\x89":
                return at
            at += ident_length + size_length + child_size
        info = data.find(b"\x15\x49\xa9\x66", info + 4)
    raise AssertionError("no Duration in the Segment Info")


def huge_duration_mkv(folder: Path) -> Path:
    """A valid 4 s Matroska file whose header claims 10^9 seconds."""
    mkv = generate_test_clip(folder / "four.mkv", 4.0, container="mkv")
    data = bytearray(mkv.read_bytes())
    at = _matroska_duration_at(data)
    assert data[at + 2] in (0x84, 0x88)
    if data[at + 2] == 0x88:
        data[at + 3:at + 11] = struct.pack(">d", 1e12)
    else:
        data[at + 3:at + 7] = struct.pack(">f", 1e12)
    out = folder / "miljard seconden.mkv"
    out.write_bytes(bytes(data))
    mkv.unlink()
    return out


def refused_files(folder: Path, clip: Path) -> dict[str, Path]:
    """Files that must be refused, by what is wrong with them."""
    files: dict[str, Path] = {}
    (folder / "leeg.mp4").write_bytes(b"")
    files["zero bytes"] = folder / "leeg.mp4"
    (folder / "ruis.mp4").write_bytes(os.urandom(64 * 1024))
    files["random bytes"] = folder / "ruis.mp4"
    (folder / "notities.mp4").write_text("Dit is geen video.\n" * 100)
    files["text named .mp4"] = folder / "notities.mp4"
    os.mkfifo(folder / "pijp.mp4")
    files["fifo"] = folder / "pijp.mp4"
    files["/dev/zero"] = Path("/dev/zero")
    files["/dev/null"] = Path("/dev/null")
    (folder / "map.mp4").mkdir()
    files["folder"] = folder / "map.mp4"
    # 12000x12000: FFmpeg accepts the header, no camera makes it, decoding would take 200 MB.
    (folder / "reus.y4m").write_bytes(b"YUV4MPEG2 W12000 H12000 F25:1 Ip A1:1 C420jpeg\n"
                                      b"FRAME\n" + bytes(4096))
    files["huge frame"] = folder / "reus.y4m"
    odd = folder / "it's \"een\" gesprek – café ü.mp4"
    odd.write_bytes(clip.read_bytes()[:2000])  # only the header: no data at all
    files["odd name, cut before the data"] = odd
    files["missing"] = folder / "weg.mp4"
    files["url"] = Path("https://example.com/gesprek.mp4")
    return files


def dump(library: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to compare a library before and after."""
    conn = sqlite3.connect(library)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        # ORDER BY every column: a full-text index's shadow tables have no rowid.
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in tables}
    finally:
        conn.close()


@pytest.fixture
def filled_library(tmp_path: Path, clip: Path) -> Path:
    """A library with one recording and its review, as a user's would be."""
    path = tmp_path / "lib.sqlite"
    lib = open_library(path)
    try:
        rec, _ = rc.add_recording(lib, clip)
        rv.create_review(lib, rec.id)
    finally:
        lib.close()
    return path


def import_one(library: Path, path: Path | str) -> rc.ImportResult:
    lib = open_library(library)
    try:
        return rc.import_recording(lib, path)
    finally:
        lib.close()


def test_every_bad_file_is_refused_naming_it(tmp_path: Path, clip: Path,
                                             filled_library: Path) -> None:
    files = refused_files(tmp_path, clip)
    before = dump(filled_library)
    for label, path in files.items():
        with pytest.raises(MediaError) as caught:
            import_one(filled_library, str(path))
        for lang in ("nl", "en"):
            text = worded(lang, caught.value.message)
            assert str(path) in text, (label, text)
    assert dump(filled_library) == before
    keys = {label: _key(filled_library, p) for label, p in files.items()}
    assert keys["fifo"] == keys["/dev/zero"] == keys["/dev/null"] == "error.media.not_regular"
    assert keys["zero bytes"] == "error.media.empty"
    assert keys["huge frame"] == "error.media.picture_too_big"
    assert keys["url"] == "error.media.not_local"
    assert keys["folder"] == "error.media.unreadable"


def _key(library: Path, path: Path) -> str:
    try:
        import_one(library, str(path))
    except MediaError as exc:
        return exc.key
    return "imported"


def test_malformed_corpus_is_refused_or_imported_with_a_warning(
        corpus: Path, filled_library: Path) -> None:
    folder = corpus / "media/malformed"
    for path in sorted(folder.iterdir()):
        before = dump(filled_library)
        try:
            result = import_one(filled_library, path)
        except MediaError as exc:
            assert str(path) in exc.message()
            assert dump(filled_library) == before, path.name
            continue
        # Only the tolerated one opens: a single frame, the rest of its data missing.
        assert path.name == "block_ends_beyond_cluster.mkv"
        assert probe_module.WARN_END_MISSING in result.warnings


def test_cli_refuses_each_bad_file_in_one_line(tmp_path: Path, clip: Path, corpus: Path,
                                               filled_library: Path) -> None:
    files = [*refused_files(tmp_path, clip).values(),
             *(p for p in sorted((corpus / "media/malformed").iterdir())
               if p.name != "block_ends_beyond_cluster.mkv")]
    before = dump(filled_library)
    proc = run_vsr("import", *map(str, files), library=filled_library)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == len(files), proc.stderr
    for line, path in zip(lines, files, strict=True):
        assert str(path) in line
    assert dump(filled_library) == before


@pytest.mark.parametrize("percent", TRUNCATED)
def test_cut_off_file_imports_with_readable_duration_and_a_warning(
        tmp_path: Path, clip: Path, percent: int) -> None:
    data = clip.read_bytes()
    cut = tmp_path / f"afgebroken {percent}%.mp4"
    cut.write_bytes(data[: len(data) * percent // 100])
    proc = run_vsr("import", str(cut), library=tmp_path / "lib.sqlite")
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    readable = last_packet_end_ms(cut)
    assert readable < 10_000
    assert row["duration_ms"] == pytest.approx(readable, abs=50)
    warning = proc.stderr.strip()
    assert len(proc.stderr.splitlines()) == 1
    assert str(cut) in warning and "end of the recording is missing" in warning


def test_absurd_duration_uses_the_readable_one(tmp_path: Path) -> None:
    mkv = huge_duration_mkv(tmp_path)
    proc = run_vsr("import", str(mkv), library=tmp_path / "lib.sqlite")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["duration_ms"] == pytest.approx(4000, abs=100)
    assert str(mkv) in proc.stderr and "Traceback" not in proc.stderr


def test_absurd_duration_without_a_findable_end_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mkv = huge_duration_mkv(tmp_path)
    monkeypatch.setattr(probe_module, "check_end",
                        lambda *_args: EndCheck(missing=False))  # as if the end check gave up
    with pytest.raises(MediaError) as caught:
        probe_module.probe(mkv)
    assert caught.value.key == "error.media.absurd_duration"
    assert str(mkv) in worded("en", caught.value.message)


def test_wrong_extension_and_odd_names_still_import(tmp_path: Path, clip: Path) -> None:
    named = [tmp_path / "gesprek.wav", tmp_path / "it's \"een\" gesprek – café ü 日本.mp4",
             tmp_path / "spaties  en\ttab.mov"]
    for target in named:
        shutil.copy(clip, target)
        target.write_bytes(target.read_bytes() + target.name.encode())  # each its own content
    proc = run_vsr("import", *map(str, named), library=tmp_path / "lib.sqlite")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["path"] for r in rows] == [str(p) for p in named]
    assert all(r["duration_ms"] == 10_000 for r in rows)


def test_unreadable_file_is_named_and_nothing_changes(
        tmp_path: Path, clip: Path, filled_library: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "geheim.mp4"
    shutil.copy(clip, locked)
    real_open = os.open

    def deny(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == locked:  # tests run as root: chmod 000 would not stop reading
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    before = dump(filled_library)
    code = cli_main(["--library", str(filled_library), "--lang", "en", "import", str(locked)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [
        f"The file {locked} cannot be opened as a recording: you do not have permission to "
        "read this file."]
    assert dump(filled_library) == before


def test_a_hanging_probe_is_stopped_naming_the_file(clip: Path) -> None:
    hang = [sys.executable, "-c", "import time; time.sleep(60)"]
    with pytest.raises(MediaError) as caught:
        probe_isolated(clip, timeout_s=1.0, command=hang)
    assert caught.value.key == "error.media.probe_timeout"
    assert str(clip) in caught.value.message()


def test_a_crashing_probe_is_reported_naming_the_file(clip: Path) -> None:
    crash = [sys.executable, "-c", "import os; os.abort()"]
    with pytest.raises(MediaError) as caught:
        probe_isolated(clip, command=crash)
    assert caught.value.key == "error.media.probe_crashed"
    assert str(clip) in worded("en", caught.value.message) and "SIGABRT" in worded("en", caught.value.message)


def test_the_probe_child_cannot_take_more_than_its_memory_limit(tmp_path: Path) -> None:
    code = ("from vsr.media.probe_child import limit_memory\n"
            "limit_memory()\n"
            "try:\n    bytearray(3 * 1024**3)\nexcept MemoryError:\n    print('refused')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout.strip() == "refused", proc.stderr


def test_the_child_gives_the_same_answer_as_the_probe(clip: Path) -> None:
    assert probe_isolated(clip) == probe_module.probe(clip)

"""Passphrase packages as sealed chunks: every change to the stream is caught (a chunk moved,
the file cut short at a chunk boundary or in a chunk, chunks added, the header changed, one bit
flipped), random access reads the right bytes, and packages of the first format still open."""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path

import pytest

from vsr.review_package import sealed
from vsr.review_package.sealed import SealedReader, SealError, SealingWriter

CHUNK = 64
STEP = CHUNK + sealed.TAG_BYTES
PREAMBLE = len(sealed.HEADER) + sealed.SALT_BYTES + sealed.PREFIX_BYTES + 4


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    # The key derivation's cost is not what these tests are about.
    monkeypatch.setattr(sealed, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


def _seal(path: Path, plain: bytes, passphrase: str = "wachtwoord ø ł") -> Path:
    with path.open("wb") as raw:
        writer = SealingWriter(raw, passphrase, chunk_bytes=CHUNK)
        for start in range(0, len(plain), 37):  # writes that do not line up with chunks
            writer.write(plain[start:start + 37])
        writer.close()
    return path


def _read(path: Path, passphrase: str = "wachtwoord ø ł") -> bytes:
    with SealedReader(path, passphrase) as reader:
        return reader.read()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK, 5 * CHUNK + 7])
def test_round_trip_at_every_boundary(tmp_path: Path, size: int) -> None:
    plain = os.urandom(size)
    path = _seal(tmp_path / "p", plain)
    chunks = max(1, -(-size // CHUNK))  # a stream that ends on a boundary has no empty chunk
    assert path.stat().st_size == PREAMBLE + size + chunks * sealed.TAG_BYTES
    assert _read(path) == plain
    assert plain[:16] not in path.read_bytes() or size < 16


def test_random_access_reads_the_right_bytes(tmp_path: Path) -> None:
    plain = bytes(range(256)) * 7
    with SealedReader(_seal(tmp_path / "p", plain), "wachtwoord ø ł") as reader:
        assert reader.size == len(plain)
        for start, length in ((0, 10), (CHUNK - 3, 9), (500, 300), (len(plain) - 5, 50)):
            reader.seek(start)
            assert reader.read(length) == plain[start:start + length]
        reader.seek(-4, io.SEEK_END)
        assert reader.read() == plain[-4:]


def _chunks(data: bytes) -> tuple[bytes, list[bytes]]:
    body = data[PREAMBLE:]
    return data[:PREAMBLE], [body[i:i + STEP] for i in range(0, len(body), STEP)]


def _tampered(tmp_path: Path) -> dict[str, bytes]:
    data = _seal(tmp_path / "good", os.urandom(4 * CHUNK + 10)).read_bytes()
    head, chunks = _chunks(data)
    other_head, other_chunks = _chunks(_seal(tmp_path / "other",
                                             os.urandom(4 * CHUNK)).read_bytes())
    flipped = bytearray(data)
    flipped[PREAMBLE + STEP + 5] ^= 1
    other_size = bytearray(data)
    other_size[PREAMBLE - 4:PREAMBLE] = struct.pack(">I", CHUNK * 2)
    return {
        "swapped": head + chunks[1] + chunks[0] + b"".join(chunks[2:]),
        "cut at a chunk boundary": head + b"".join(chunks[:3]),
        "cut inside a chunk": data[:-5],
        "last chunk dropped, final one kept": head + b"".join(chunks[:2]) + chunks[-1],
        "appended": data + chunks[1],
        "appended from another file": data + other_chunks[-1],
        "one bit flipped": bytes(flipped),
        "salt changed": data[:len(sealed.HEADER)] + b"\0" * 16 + data[len(sealed.HEADER) + 16:],
        "chunk size changed": bytes(other_size),
        "header of another file": other_head + b"".join(chunks),
        "only the header": head,
    }


CHANGES = ("swapped", "cut at a chunk boundary", "cut inside a chunk",
           "last chunk dropped, final one kept", "appended", "appended from another file",
           "one bit flipped", "salt changed", "chunk size changed", "header of another file",
           "only the header")


@pytest.mark.parametrize("case", CHANGES)
def test_every_change_is_caught(tmp_path: Path, case: str) -> None:
    path = tmp_path / "changed"
    changed = _tampered(tmp_path)
    assert set(changed) == set(CHANGES)
    path.write_bytes(changed[case])
    with pytest.raises(SealError):
        _read(path)


def test_wrong_passphrase_is_caught_on_opening(tmp_path: Path) -> None:
    path = _seal(tmp_path / "p", b"x" * 1000)
    with pytest.raises(SealError):
        SealedReader(path, "verkeerd")


def test_writer_keeps_memory_to_one_chunk(tmp_path: Path) -> None:
    with (tmp_path / "p").open("wb") as raw:
        writer = SealingWriter(raw, "w", chunk_bytes=CHUNK)
        for _ in range(100):
            writer.write(b"y" * 1000)
            assert len(writer._buffer) <= CHUNK  # noqa: SLF001 - the bound is the point
        writer.close()
    assert _read(tmp_path / "p", "w") == b"y" * 100_000


def test_an_abandoned_stream_does_not_open(tmp_path: Path) -> None:
    with (tmp_path / "p").open("wb") as raw:
        writer = SealingWriter(raw, "w", chunk_bytes=CHUNK)
        writer.write(b"z" * (3 * CHUNK + 5))
        writer.abandon()  # a write that failed half-way: the last chunk is never sealed
        writer.close()
    with pytest.raises(SealError):
        _read(tmp_path / "p", "w")


def test_a_file_cut_inside_its_header_is_damaged_not_a_wrong_passphrase(tmp_path: Path) -> None:
    data = _seal(tmp_path / "p", b"q" * 500).read_bytes()
    for cut in (PREAMBLE - 3, PREAMBLE + 5):
        (tmp_path / "cut").write_bytes(data[:cut])
        with pytest.raises(sealed.SealDamaged):
            _read(tmp_path / "cut")

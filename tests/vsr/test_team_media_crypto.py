"""The team's media encryption: a stream in chunks that opens only whole, in order, unchanged,
with its own key; memory stays bounded whatever the size."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from vsr.team.media_crypto import (
    CHUNK,
    FORMAT,
    MAGIC,
    TAG,
    MediaCryptoError,
    decrypt_stream,
    encrypt_stream,
    new_key,
)

HEADER = FORMAT.preamble_bytes
STEP = CHUNK + TAG


def _sealed(plain: bytes, key: bytes) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(plain), out, key)
    return out.getvalue()


def _open(data: bytes, key: bytes) -> bytes:
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(data), out, key)
    return out.getvalue()


def _records(data: bytes) -> list[bytes]:
    body = data[HEADER:]
    return [body[i:i + STEP] for i in range(0, len(body), STEP)]


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17])
def test_round_trip_at_chunk_edges(size: int) -> None:
    key, plain = new_key(), os.urandom(size)
    assert _open(_sealed(plain, key), key) == plain


def test_every_change_is_refused() -> None:
    key, plain = new_key(), os.urandom(3 * CHUNK + 5)
    data = _sealed(plain, key)
    head, recs = data[:HEADER], _records(data)
    assert len(recs) == 4
    flipped = bytearray(data)
    flipped[HEADER + 100] ^= 1
    cases = {
        "flipped byte": bytes(flipped),
        "wrong key": None,
        "chunks swapped": head + recs[1] + recs[0] + recs[2] + recs[3],
        "last chunk dropped": head + b"".join(recs[:3]),
        "chunk repeated": head + recs[0] + b"".join(recs),
        "cut inside a chunk": data[:-7],
        "bytes appended": data + b"\x00\x00\x00\x10" + b"x" * 16,
        "prefix changed": MAGIC + os.urandom(7) + head[-4:] + b"".join(recs),
        "chunk size changed": head[:-4] + struct.pack(">I", CHUNK // 2) + b"".join(recs),
        "old format": b"VSRMED1\x00" + data[8:],
        "not ours": b"PK\x03\x04" + data[4:],
        "empty": b"",
    }
    for name, bad in cases.items():
        with pytest.raises(MediaCryptoError):
            _open(data if bad is None else bad, new_key() if bad is None else key)
        assert name  # each case named for the failure message


def test_memory_stays_bounded_for_a_file_far_larger_than_the_limit(tmp_path: Path) -> None:
    """In a child with 160 MB of address space for data, a 600 MB file encrypts and decrypts."""
    src = tmp_path / "big.bin"
    with src.open("wb") as fh:
        fh.truncate(600 * 1024 * 1024)  # sparse: costs no disk until written
    code = f"""
import resource, sys
from pathlib import Path
from vsr.team.media_crypto import decrypt_stream, encrypt_file, new_key
limit = 160 * 1024 * 1024
resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
key = new_key()
src = Path({str(src)!r})
enc = src.with_suffix('.enc')
encrypt_file(src, enc, key)
with enc.open('rb') as a, open('/dev/null', 'wb') as b:
    decrypt_stream(a, b, key)
# VmHWM: this process's own peak (ru_maxrss would carry the forking parent's peak over exec)
hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]
print(int(hwm) // 1024)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stdout.strip())
    assert peak_mb < 160, peak_mb


@pytest.mark.parametrize("size", [1, CHUNK, 2 * CHUNK + 333])
def test_random_access_reads_the_same_bytes_and_checks_each_chunk(tmp_path: Path, size: int) -> None:
    from vsr.team.media_crypto import ChunkReader, encrypt_file

    plain = os.urandom(size)
    src, enc = tmp_path / "p", tmp_path / "e"
    src.write_bytes(plain)
    key = new_key()
    encrypt_file(src, enc, key)
    reader = ChunkReader(enc, key)
    assert reader.size == size
    for offset, n in [(0, 10), (max(0, size - 5), 100), (min(size, CHUNK - 3), 7), (size // 2, size),
                      (size, 4)]:
        assert reader.read(offset, n) == plain[offset:offset + n]
    reader.close()
    damaged = bytearray(enc.read_bytes())
    damaged[-3] ^= 0xFF
    enc.write_bytes(bytes(damaged))
    with pytest.raises(MediaCryptoError):  # the last chunk is checked on opening
        ChunkReader(enc, key)
    if size <= CHUNK:
        return  # one chunk: first and last are the same
    damaged[-3] ^= 0xFF
    damaged[HEADER + 2] ^= 0xFF  # now the first chunk: found when it is read
    enc.write_bytes(bytes(damaged))
    reader = ChunkReader(enc, key)
    assert reader.read(size - 1, 1) == plain[-1:]
    with pytest.raises(MediaCryptoError):
        reader.read(0, 1)
    reader.close()


@pytest.mark.parametrize("size", [0, 1, CHUNK, 3 * CHUNK + 17])
def test_decrypting_checks_the_files_sha256_in_the_same_read(tmp_path: Path, size: int) -> None:
    import hashlib

    from vsr.team.media_crypto import decrypt_file_checked

    plain = os.urandom(size)
    key = new_key()
    enc = tmp_path / "m.vsrmedia"
    enc.write_bytes(_sealed(plain, key))
    right = hashlib.sha256(enc.read_bytes()).hexdigest()
    out = io.BytesIO()
    decrypt_file_checked(enc, out, key, right)
    assert out.getvalue() == plain
    with pytest.raises(MediaCryptoError):  # an intact file, but not the one shared
        decrypt_file_checked(enc, io.BytesIO(), key, "0" * 64)
    damaged = bytearray(enc.read_bytes())
    damaged[-1] ^= 1  # the last chunk, which the reader reads first
    enc.write_bytes(bytes(damaged))
    with pytest.raises(MediaCryptoError):
        decrypt_file_checked(enc, io.BytesIO(), key, right)

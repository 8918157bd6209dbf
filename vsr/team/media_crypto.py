"""A recording encrypted for the team's media store: AES-256-GCM in chunks, as a stream.

The file is read and written a chunk at a time, so a 4 GB recording needs a few megabytes of
memory. Each chunk is sealed on its own with a nonce made of a random file prefix and the
chunk's number, and the associated data binds the file's header, the chunk's number and
whether it is the last one: a chunk moved, dropped, repeated, or a file cut short or extended
fails to open. The key (32 random bytes per recording) lives only in the team database; when it
is deleted there every copy of the file is unreadable (crypto-shredding).

Layout: MAGIC (8 bytes) | prefix (8 bytes) | chunks; a chunk is its length as 4 bytes
big-endian, then ciphertext with its 16-byte tag."""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from vsr.errors import VsrError

MAGIC = b"VSRMED1\x00"
CHUNK = 1 << 20  # 1 MiB of plain text per chunk
TAG = 16
KEY_BYTES = 32
Progress = Callable[[int], None]


class MediaCryptoError(VsrError):
    key = "error.team.media_damaged"


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if last else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def encrypt_stream(src: BinaryIO, dst: BinaryIO, key: bytes, *, progress: Progress | None = None
                   ) -> str:
    """Encrypt all of `src` into `dst`; returns the sha256 (hex) of what was written."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(key)
    prefix = os.urandom(8)
    header = MAGIC + prefix
    digest = hashlib.sha256(header)
    dst.write(header)
    index, done = 0, 0
    chunk = src.read(CHUNK)
    while True:
        following = src.read(CHUNK) if chunk else b""
        last = not following
        sealed = aead.encrypt(_nonce(prefix, index), chunk, _aad(header, index, last))
        record = struct.pack(">I", len(sealed)) + sealed
        dst.write(record)
        digest.update(record)
        done += len(chunk)
        if progress is not None:
            progress(done)
        if last:
            return digest.hexdigest()
        chunk, index = following, index + 1
        if index >= 1 << 32:
            raise MediaCryptoError("error.team.media_too_large")


def decrypt_stream(src: BinaryIO, dst: BinaryIO, key: bytes, *, progress: Progress | None = None
                   ) -> None:
    """Decrypt `src` into `dst`; raises MediaCryptoError on any change to the file."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(key)
    header = src.read(len(MAGIC) + 8)
    if len(header) != len(MAGIC) + 8 or not header.startswith(MAGIC):
        raise MediaCryptoError()
    prefix = header[len(MAGIC):]
    index, done = 0, 0
    length = _read_length(src)
    while length is not None:
        if not TAG <= length <= CHUNK + TAG:
            raise MediaCryptoError()
        sealed = src.read(length)
        if len(sealed) != length:
            raise MediaCryptoError()
        following = _read_length(src)
        try:
            plain = aead.decrypt(_nonce(prefix, index), sealed,
                                 _aad(header, index, following is None))
        except InvalidTag as exc:
            raise MediaCryptoError() from exc
        dst.write(plain)
        done += len(plain)
        if progress is not None:
            progress(done)
        length, index = following, index + 1
    if index == 0:
        raise MediaCryptoError()


def _read_length(src: BinaryIO) -> int | None:
    raw = src.read(4)
    if not raw:
        return None
    if len(raw) != 4:
        raise MediaCryptoError()
    return int(struct.unpack(">I", raw)[0])


def encrypt_file(path: Path, target: Path, key: bytes, *, progress: Progress | None = None) -> str:
    """Encrypt `path` into `target` (written beside it, then renamed); the sha256 of `target`."""
    tmp = target.with_name(target.name + ".part")
    try:
        with path.open("rb") as src, tmp.open("wb") as dst:
            digest = encrypt_stream(src, dst, key, progress=progress)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return digest


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


class ChunkReader:
    """Random access to the plain bytes of an encrypted file, a chunk at a time: a player can
    start at once and seek anywhere without the whole recording being decrypted first. Every
    chunk read is authenticated (position and last-chunk flag included)."""

    def __init__(self, path: Path, key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(key)
        self._fh = path.open("rb")
        self._header = self._fh.read(len(MAGIC) + 8)
        if len(self._header) != len(MAGIC) + 8 or not self._header.startswith(MAGIC):
            self._fh.close()
            raise MediaCryptoError()
        self._prefix = self._header[len(MAGIC):]
        body = path.stat().st_size - len(self._header)
        record = 4 + CHUNK + TAG
        self._chunks = max(1, -(-body // record))
        last_record = body - (self._chunks - 1) * record
        if last_record < 4 + TAG:
            self._fh.close()
            raise MediaCryptoError()
        self.size = (self._chunks - 1) * CHUNK + last_record - 4 - TAG
        self._cache: tuple[int, bytes] | None = None

    def _chunk(self, index: int) -> bytes:
        if self._cache is not None and self._cache[0] == index:
            return self._cache[1]
        from cryptography.exceptions import InvalidTag

        self._fh.seek(len(self._header) + index * (4 + CHUNK + TAG))
        length = _read_length(self._fh)
        last = index == self._chunks - 1
        if length is None or length != (self.size - index * CHUNK + TAG if last else CHUNK + TAG):
            raise MediaCryptoError()
        try:
            plain = self._aead.decrypt(_nonce(self._prefix, index), self._fh.read(length),
                                       _aad(self._header, index, last))
        except InvalidTag as exc:
            raise MediaCryptoError() from exc
        self._cache = (index, plain)
        return plain

    def read(self, offset: int, size: int) -> bytes:
        """Up to `size` plain bytes from `offset` (fewer at the end)."""
        out = bytearray()
        while size > 0 and offset < self.size:
            index, within = divmod(offset, CHUNK)
            piece = self._chunk(index)[within:within + size]
            out += piece
            offset, size = offset + len(piece), size - len(piece)
        return bytes(out)

    def close(self) -> None:
        self._fh.close()

"""A recording encrypted for the team's media store: the program's one sealed stream
(vsr.sealed_stream: AES-256-GCM in chunks, random access) with a key of its own.

The file is read and written a chunk at a time, so a 4 GB recording needs a few megabytes of
memory; a chunk moved, dropped, repeated, or a file cut short or extended fails to open. The
key (32 random bytes per recording) lives only in the team database; when it is deleted there
every copy of the file is unreadable (crypto-shredding).

Layout: MAGIC, nonce prefix (7 bytes), chunk size (4 bytes), then chunks of CHUNK plain bytes
each sealed with its 16-byte tag (see vsr.sealed_stream)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any, BinaryIO

from vsr.errors import VsrError
from vsr.sealed_stream import (
    CHUNK_BYTES,
    TAG_BYTES,
    SealedReader,
    SealError,
    SealingWriter,
    StreamFormat,
)

MAGIC = b"VSRMEDIA-AES256GCM-STREAM-2\n"
FORMAT = StreamFormat(MAGIC)
CHUNK = CHUNK_BYTES  # plain bytes per chunk
TAG = TAG_BYTES
KEY_BYTES = 32
Progress = Callable[[int], None]


class MediaCryptoError(VsrError):
    key = "error.team.media_damaged"


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


class _Hashing:
    """Passes writes on to `out` and keeps the sha256 of everything written."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out, self.digest = out, hashlib.sha256()

    def write(self, data: Any) -> int:
        self.digest.update(data)
        return self.out.write(data)


def encrypt_stream(src: BinaryIO, dst: BinaryIO, key: bytes, *, progress: Progress | None = None
                   ) -> str:
    """Encrypt all of `src` into `dst`; returns the sha256 (hex) of what was written."""
    out = _Hashing(dst)
    writer = SealingWriter(out, key, FORMAT)  # type: ignore[arg-type]  # only write() is used
    done = 0
    try:
        for block in iter(lambda: src.read(CHUNK), b""):
            writer.write(block)
            done += len(block)
            if progress is not None:
                progress(done)
    except BaseException:
        writer.abandon()
        raise
    writer.close()
    return out.digest.hexdigest()


def _reader(src: IO[bytes], key: bytes) -> SealedReader:
    try:
        return SealedReader(src, key, FORMAT)
    except SealError as exc:
        raise MediaCryptoError() from exc


def decrypt_stream(src: BinaryIO, dst: BinaryIO, key: bytes, *, progress: Progress | None = None
                   ) -> None:
    """Decrypt `src` (seekable) into `dst`; raises MediaCryptoError on any change to the file."""
    reader = _reader(src, key)
    done = 0
    try:
        while block := reader.read(CHUNK):
            dst.write(block)
            done += len(block)
            if progress is not None:
                progress(done)
    except SealError as exc:
        raise MediaCryptoError() from exc
    finally:
        reader.close()


class _HashedSource:
    """The encrypted file as the sealed reader reads it, hashing its bytes in file order as they
    pass (what was skipped, read at the end): one read of the file both checks its sha256 and
    decrypts it, instead of a whole read for the check first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = path.open("rb")
        self._pos = 0
        self._hashed = 0  # bytes [0, _hashed) are in the digest, in order
        self._digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._fh.read(size)
        if self._pos == self._hashed:
            self._digest.update(data)
            self._hashed += len(data)
        self._pos += len(data)
        return data

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        self._pos = self._fh.seek(offset, whence)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._fh.close()

    def hexdigest(self) -> str:
        with self.path.open("rb") as fh:  # the rest: the last chunk, read first by the reader
            fh.seek(self._hashed)
            for block in iter(lambda: fh.read(CHUNK), b""):
                self._digest.update(block)
        return self._digest.hexdigest()


def decrypt_file_checked(path: Path, dst: BinaryIO, key: bytes, sha256: str, *,
                         progress: Progress | None = None) -> None:
    """Decrypt the file at `path` into `dst` and check that the file's sha256 is `sha256`, in
    one read; MediaCryptoError (after writing) when it is not: the caller discards `dst`."""
    source = _HashedSource(path)
    decrypt_stream(source, dst, key, progress=progress)  # type: ignore[arg-type]  # read/seek
    if source.hexdigest() != sha256:
        raise MediaCryptoError()


def encrypt_file(path: Path, target: Path, key: bytes, *, progress: Progress | None = None,
                 patches: Mapping[int, bytes] | None = None) -> str:
    """Encrypt `path` into `target` (written beside it, then renamed); the sha256 of `target`.
    `patches` (offset -> bytes) change the plain bytes on the way: the recording's tags
    blanked (`vsr.media.tags`)."""
    from vsr.media.tags import PatchedFile

    tmp = target.with_name(target.name + ".part")
    try:
        with PatchedFile(path, patches or {}) as src, tmp.open("wb") as dst:
            digest = encrypt_stream(src, dst, key, progress=progress)  # type: ignore[arg-type]
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
        self._reader = _reader(path.open("rb"), key)
        self.size = self._reader.size

    def read(self, offset: int, size: int) -> bytes:
        """Up to `size` plain bytes from `offset` (fewer at the end)."""
        try:
            self._reader.seek(offset)
            return self._reader.read(max(0, size))
        except SealError as exc:
            raise MediaCryptoError() from exc

    def close(self) -> None:
        self._reader.close()

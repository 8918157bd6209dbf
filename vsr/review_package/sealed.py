"""A passphrase package as a stream of sealed chunks, so a recording of any size is protected
and read back with bounded memory (one chunk at a time, never the whole file).

Layout: HEADER, salt (16 bytes), nonce prefix (7 bytes), chunk size (4 bytes, big-endian),
then the chunks. Each chunk is AES-256-GCM over at most `chunk size` bytes of the zip, with
the nonce prefix + the chunk's index (4 bytes) + a final flag (1 byte: 1 on the last chunk
only) as its nonce and everything before the first chunk as associated data. So a changed
header, a chunk moved to another place, a file cut short at a chunk boundary and chunks
added after the end all fail to authenticate (the STREAM construction of Hoang, Reyhanitabar,
Rogaway and Vizár). The key comes from scrypt with fixed parameters, as before.

Reading is random access: `SealedReader` is a seekable file for `zipfile` that decrypts the
chunk a read falls in. It authenticates the last chunk (with the final flag) when it opens,
so a cut or lengthened file is refused before anything is read."""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path
from typing import IO, Any

HEADER = b"VSRPACK-AES256GCM-SCRYPT-STREAM-2\n"
SALT_BYTES, PREFIX_BYTES, TAG_BYTES = 16, 7, 16
CHUNK_BYTES = 1024 * 1024
MAX_CHUNK_BYTES = 16 * 1024 * 1024  # a header asking for more is not ours
SCRYPT = {"n": 2**17, "r": 8, "p": 1}  # about a second and 128 MiB
_PREAMBLE = len(HEADER) + SALT_BYTES + PREFIX_BYTES + 4
_MAX_CHUNKS = 2**32 - 1


class SealError(ValueError):
    """A chunk did not authenticate: a wrong passphrase and a changed file look the same."""


class SealDamaged(SealError):
    """The file's shape is not a sealed stream's (header, chunk size, a piece shorter than a
    tag): damaged, whatever the passphrase."""


def derive_key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, **SCRYPT).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, index: int, final: bool) -> bytes:
    if index > _MAX_CHUNKS:
        raise SealDamaged("too many chunks")
    return prefix + struct.pack(">IB", index, 1 if final else 0)


class SealingWriter(io.RawIOBase):
    """A write-only, unseekable file: what is written goes out to `out` sealed, chunk by
    chunk. `close()` seals the last chunk (with the final flag); without it the stream is
    incomplete and will not open. `zipfile` writes to it with data descriptors."""

    def __init__(self, out: IO[bytes], passphrase: str, chunk_bytes: int = CHUNK_BYTES) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        super().__init__()
        salt, self._prefix = os.urandom(SALT_BYTES), os.urandom(PREFIX_BYTES)
        self._aad = HEADER + salt + self._prefix + struct.pack(">I", chunk_bytes)
        self._aead = AESGCM(derive_key(passphrase, salt))
        self._out, self._chunk = out, chunk_bytes
        self._buffer = bytearray()
        self._index = self._position = 0
        self._abandoned = False
        out.write(self._aad)

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        self._buffer += view
        self._position += len(view)
        # Keep at least one byte back: only close() knows which chunk is the last.
        while len(self._buffer) > self._chunk:
            self._seal(bytes(self._buffer[:self._chunk]), final=False)
            del self._buffer[:self._chunk]
        return len(view)

    def _seal(self, plain: bytes, *, final: bool) -> None:
        nonce = _nonce(self._prefix, self._index, final)
        self._out.write(self._aead.encrypt(nonce, plain, self._aad))
        self._index += 1

    def close(self) -> None:
        if not self.closed and not self._abandoned:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
        super().close()

    def abandon(self) -> None:
        """Stop without sealing the last chunk: the stream stays incomplete (and will not
        open), for a write that failed half-way."""
        self._abandoned = True
        self._buffer.clear()
        super().close()


def is_sealed(head: bytes) -> bool:
    return head.startswith(HEADER)


class SealedReader(io.RawIOBase):
    """The plain bytes of a sealed file, seekable, decrypted one chunk at a time.
    Raises SealError when the passphrase is wrong or any chunk it reads was changed."""

    def __init__(self, path: Path, passphrase: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        super().__init__()
        self._file = path.open("rb")
        try:
            self._aad = self._file.read(_PREAMBLE)
            if len(self._aad) != _PREAMBLE or not is_sealed(self._aad):
                raise SealDamaged("no header")
            salt = self._aad[len(HEADER):len(HEADER) + SALT_BYTES]
            self._prefix = self._aad[len(HEADER) + SALT_BYTES:_PREAMBLE - 4]
            self._chunk: int = struct.unpack(">I", self._aad[-4:])[0]
            if not 0 < self._chunk <= MAX_CHUNK_BYTES:
                raise SealDamaged("chunk size")
            sealed = os.fstat(self._file.fileno()).st_size - _PREAMBLE
            self._count = max(1, -(-sealed // (self._chunk + TAG_BYTES)))
            last = sealed - (self._count - 1) * (self._chunk + TAG_BYTES)
            if last < TAG_BYTES:
                raise SealDamaged("cut short")
            self._size: int = (self._count - 1) * self._chunk + last - TAG_BYTES
            self._aead = AESGCM(derive_key(passphrase, salt))
            self._cached: tuple[int, bytes] = (-1, b"")
            self._position = 0
            self._plain(self._count - 1)  # the end is where a cut or an addition shows
        except BaseException:
            self._file.close()
            raise

    @property
    def size(self) -> int:
        return self._size

    def _plain(self, index: int) -> bytes:
        from cryptography.exceptions import InvalidTag

        if self._cached[0] == index:
            return self._cached[1]
        self._file.seek(_PREAMBLE + index * (self._chunk + TAG_BYTES))
        sealed = self._file.read(self._chunk + TAG_BYTES)
        try:
            plain = self._aead.decrypt(_nonce(self._prefix, index, index == self._count - 1),
                                       sealed, self._aad)
        except InvalidTag as exc:
            raise SealError(f"chunk {index}") from exc
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base: int = {io.SEEK_SET: 0, io.SEEK_CUR: self._position,
                     io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise OSError("seek before the start")
        self._position = base + offset
        return self._position

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view) and self._position < self._size:
            index, within = divmod(self._position, self._chunk)
            part = self._plain(index)[within:within + len(view) - done]
            view[done:done + len(part)] = part
            done += len(part)
            self._position += len(part)
        return done

    def close(self) -> None:
        if not self.closed:
            self._file.close()
        super().close()

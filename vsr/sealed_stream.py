"""One sealed stream for everything the program encrypts: AES-256-GCM in chunks, with random
access, for a passphrase package (vsr.review_package.sealed) and a team recording
(vsr.team.media_crypto) alike. Only where the key comes from differs: scrypt over a
passphrase and a salt stored in the preamble, or 32 random bytes kept in the team database.

Layout: magic, `extra` bytes (the salt, or nothing), nonce prefix (7 bytes), chunk size
(4 bytes, big-endian), then the chunks. Each chunk is AES-256-GCM over at most `chunk size`
plain bytes with the nonce prefix + the chunk's index (4 bytes) + a final flag (1 byte: 1 on
the last chunk only) as its nonce and the whole preamble as associated data. So a changed
header, a chunk moved to another place, a file cut short at a chunk boundary and chunks added
after the end all fail to authenticate (the STREAM construction of Hoang, Reyhanitabar,
Rogaway and Vizár). Memory stays at one chunk whatever the size."""

from __future__ import annotations

import io
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

PREFIX_BYTES, TAG_BYTES = 7, 16
CHUNK_BYTES = 1024 * 1024
MAX_CHUNK_BYTES = 16 * 1024 * 1024  # a header asking for more is not ours
_MAX_CHUNKS = 2**32 - 1


class SealError(ValueError):
    """A chunk did not authenticate: a wrong key and a changed file look the same."""


class SealDamaged(SealError):
    """The file's shape is not a sealed stream's (header, chunk size, a piece shorter than a
    tag): damaged, whatever the key."""


@dataclass(frozen=True, slots=True)
class StreamFormat:
    """What sets one kind of sealed file apart: its magic and how many `extra` bytes (a salt)
    follow it."""

    magic: bytes
    extra_bytes: int = 0

    @property
    def preamble_bytes(self) -> int:
        return len(self.magic) + self.extra_bytes + PREFIX_BYTES + 4


def _nonce(prefix: bytes, index: int, final: bool) -> bytes:
    if index > _MAX_CHUNKS:
        raise SealDamaged("too many chunks")
    return prefix + struct.pack(">IB", index, 1 if final else 0)


class SealingWriter(io.RawIOBase):
    """A write-only, unseekable file: what is written goes out to `out` sealed with `key`,
    chunk by chunk. `close()` seals the last chunk (with the final flag); without it the stream
    is incomplete and will not open."""

    def __init__(self, out: IO[bytes], key: bytes, fmt: StreamFormat, extra: bytes = b"",
                 chunk_bytes: int = CHUNK_BYTES) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        super().__init__()
        if len(extra) != fmt.extra_bytes or not 0 < chunk_bytes <= MAX_CHUNK_BYTES:
            raise ValueError("extra bytes or chunk size do not fit the format")
        self._prefix = os.urandom(PREFIX_BYTES)
        self._aad = fmt.magic + extra + self._prefix + struct.pack(">I", chunk_bytes)
        self._aead = AESGCM(key)
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


KeySource = Callable[[bytes], bytes]  # the preamble's extra bytes (a salt) -> the key


class SealedReader(io.RawIOBase):
    """The plain bytes of a sealed file, seekable, decrypted one chunk at a time. `source` is
    an open binary file (seekable); it is closed with the reader. Raises SealError when the key
    is wrong or any chunk it reads was changed; the last chunk is checked on opening, so a cut
    or lengthened file is refused before anything is read."""

    def __init__(self, source: IO[bytes], key: bytes | KeySource, fmt: StreamFormat) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        super().__init__()
        self._file = source
        try:
            preamble = fmt.preamble_bytes
            self._aad = source.read(preamble)
            if len(self._aad) != preamble or not self._aad.startswith(fmt.magic):
                raise SealDamaged("no header")
            extra = self._aad[len(fmt.magic):len(fmt.magic) + fmt.extra_bytes]
            self._prefix = self._aad[preamble - 4 - PREFIX_BYTES:preamble - 4]
            self._chunk: int = struct.unpack(">I", self._aad[-4:])[0]
            if not 0 < self._chunk <= MAX_CHUNK_BYTES:
                raise SealDamaged("chunk size")
            self._start = preamble
            sealed = source.seek(0, io.SEEK_END) - preamble
            self._count: int = max(1, -(-sealed // (self._chunk + TAG_BYTES)))
            last = sealed - (self._count - 1) * (self._chunk + TAG_BYTES)
            if last < TAG_BYTES:
                raise SealDamaged("cut short")
            self._size: int = (self._count - 1) * self._chunk + last - TAG_BYTES
            self._aead = AESGCM(key if isinstance(key, bytes) else key(extra))
            self._cached: tuple[int, bytes] = (-1, b"")
            self._position = 0
            self._plain(self._count - 1)  # the end is where a cut or an addition shows
        except BaseException:
            source.close()
            raise

    @property
    def size(self) -> int:
        return self._size

    @property
    def chunk_count(self) -> int:
        return self._count

    def _plain(self, index: int) -> bytes:
        from cryptography.exceptions import InvalidTag

        if self._cached[0] == index:
            return self._cached[1]
        self._file.seek(self._start + index * (self._chunk + TAG_BYTES))
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

"""A passphrase package as a stream of sealed chunks, so a recording of any size is protected
and read back with bounded memory (one chunk at a time, never the whole file).

The stream itself is vsr.sealed_stream, the same one the team's media use; what is particular
here is the key: scrypt with fixed parameters over the passphrase and a 16-byte salt that the
preamble carries (so a changed salt fails to authenticate like any other change).

Layout: HEADER, salt (16 bytes), nonce prefix (7 bytes), chunk size (4 bytes, big-endian),
then the chunks (see vsr.sealed_stream)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from vsr import sealed_stream
from vsr.sealed_stream import PREFIX_BYTES, TAG_BYTES, SealDamaged, SealError, StreamFormat

__all__ = ["CHUNK_BYTES", "HEADER", "PREFIX_BYTES", "SALT_BYTES", "SCRYPT", "TAG_BYTES",
           "SealDamaged", "SealError", "SealedReader", "SealingWriter", "derive_key", "is_sealed"]

HEADER = b"VSRPACK-AES256GCM-SCRYPT-STREAM-2\n"
SALT_BYTES = 16
CHUNK_BYTES = sealed_stream.CHUNK_BYTES
SCRYPT = {"n": 2**17, "r": 8, "p": 1}  # about a second and 128 MiB
FORMAT = StreamFormat(HEADER, SALT_BYTES)


def derive_key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, **SCRYPT).derive(passphrase.encode("utf-8"))


class SealingWriter(sealed_stream.SealingWriter):
    """What is written goes out to `out` sealed with a key from `passphrase` and a new salt.
    `zipfile` writes to it with data descriptors."""

    def __init__(self, out: IO[bytes], passphrase: str, chunk_bytes: int = CHUNK_BYTES) -> None:
        salt = os.urandom(SALT_BYTES)
        super().__init__(out, derive_key(passphrase, salt), FORMAT, salt, chunk_bytes)


def is_sealed(head: bytes) -> bool:
    return head.startswith(HEADER)


class SealedReader(sealed_stream.SealedReader):
    """The plain bytes of a passphrase package, seekable, a chunk at a time."""

    def __init__(self, path: Path, passphrase: str) -> None:
        super().__init__(path.open("rb"), lambda salt: derive_key(passphrase, salt), FORMAT)

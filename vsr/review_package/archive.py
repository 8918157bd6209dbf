"""The package file: a zip with manifest.json (format and app version, sha256 and size of every
member), review.json and optionally recording/<name>; optionally encrypted as a whole with a
passphrase: AES-256-GCM with a key derived by scrypt (n=2^17, r=8, p=1: about a second and
128 MiB), through PyCA's `cryptography`. Why not age (pyrage), which installs: its passphrase
mode tunes scrypt's work to the machine's speed at the time, which on a busy machine took 2-8 s
and up to 1 GiB per operation, and a package made on an idle machine could be refused on a
busy one. Fixed parameters give the same cost everywhere.

Reading treats the file as hostile until proven otherwise: only the known member names (so no
absolute paths, "..", backslashes or surprises), no links, few members, sizes declared within
limits, a compression ratio no zip bomb passes, actual sizes never above the declared ones, and
every member's sha256 as the manifest says. Any failure is a VsrError naming the file."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from vsr.errors import VsrError

FORMAT = "vsr-review-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
REVIEW = "review.json"
RECORDING_DIR = "recording/"
ENCRYPTED_HEADER = b"VSRPACK-AES256GCM-SCRYPT-1\n"
_SALT, _NONCE = 16, 12
_SCRYPT = {"n": 2**17, "r": 8, "p": 1}

MAX_MEMBERS = 8
MAX_JSON_BYTES = 64 * 1024 * 1024  # a review's text is kilobytes; this is far above it
MAX_RECORDING_BYTES = 16 * 1024 * 1024 * 1024
MAX_ENCRYPTED_BYTES = 1024 * 1024 * 1024  # encrypted as one piece, in memory
MAX_RATIO = 100  # declared size / compressed size of a deflated member
_RECORDING_NAME = re.compile(r"^recording/[A-Za-z0-9][A-Za-z0-9._ -]{0,120}$")
_CHUNK = 1024 * 1024


class PackageError(VsrError):
    key = "error.package.unreadable"


def unsafe(path: Path, reason: str) -> PackageError:
    return PackageError("error.package.unsafe", path=str(path), reason=reason)


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    size: int
    sha256: str


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


# -- writing -------------------------------------------------------------------------------

def write_package(tmp: Path, review: dict[str, Any], manifest_extra: dict[str, Any],
                  recording: tuple[str, Path] | None) -> None:
    """Write the zip to `tmp`: review.json (deflated), the recording (stored: media does not
    compress) and the manifest last, which lists both."""
    data = json.dumps(review, ensure_ascii=False, indent=1).encode("utf-8")
    members = {REVIEW: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}}
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        zf.writestr(REVIEW, data)
        if recording is not None:
            name, file = recording
            members[name] = {"size": file.stat().st_size, "sha256": sha256_file(file)}
            zf.write(file, name, compress_type=zipfile.ZIP_STORED)
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, **manifest_extra,
                    "members": members}
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, **_SCRYPT).derive(passphrase.encode("utf-8"))


def encrypt_file(path: Path, passphrase: str) -> None:
    """Replace the file's content with its encryption under the passphrase. The header and
    salt are authenticated too, so no byte of the file can change unnoticed."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if path.stat().st_size > MAX_ENCRYPTED_BYTES:
        raise unsafe(path, "too large to protect with a passphrase")
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    header = ENCRYPTED_HEADER + salt
    sealed = AESGCM(_key(passphrase, salt)).encrypt(nonce, path.read_bytes(), header)
    path.write_bytes(header + nonce + sealed)


# -- reading -------------------------------------------------------------------------------

@contextmanager
def open_package(path: Path, passphrase: str | None) -> Iterator[zipfile.ZipFile]:
    """The package's zip, decrypted when it is protected, after the checks of the module
    docstring on its member list (members are checked again while they are read)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(ENCRYPTED_HEADER))
            size = path.stat().st_size
    except OSError as exc:
        raise PackageError(path=str(path), reason=exc.strerror or str(exc)) from exc
    source: IO[bytes] | Path = path
    if head == ENCRYPTED_HEADER:
        source = io.BytesIO(_decrypt(path, size, passphrase))
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PackageError("error.package.not_package", path=str(path)) from exc
    with zf:
        check_members(path, zf)
        yield zf


def _decrypt(path: Path, size: int, passphrase: str | None) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if passphrase is None:
        raise PackageError("error.package.passphrase_needed", path=str(path))
    if size > MAX_ENCRYPTED_BYTES + 1024:
        raise unsafe(path, "too large")
    data = path.read_bytes()
    start = len(ENCRYPTED_HEADER)
    salt, nonce = data[start:start + _SALT], data[start + _SALT:start + _SALT + _NONCE]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(
            nonce, data[start + _SALT + _NONCE:], data[:start + _SALT])
    except (InvalidTag, ValueError) as exc:
        # A wrong passphrase and a changed file look the same to AES-GCM.
        raise PackageError("error.package.passphrase_wrong", path=str(path)) from exc


def check_members(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise unsafe(path, f"{len(infos)} members")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise unsafe(path, "a member appears twice")
    for info in infos:
        _check_member(path, info)
    if MANIFEST not in names or REVIEW not in names:
        raise PackageError("error.package.not_package", path=str(path))


def _check_member(path: Path, info: zipfile.ZipInfo) -> None:
    name = info.filename
    if name not in (MANIFEST, REVIEW) and not _RECORDING_NAME.match(name):
        raise unsafe(path, f"unexpected member {name!r}")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode) or info.is_dir():
        raise unsafe(path, f"{name!r} is a link or folder")
    limit = MAX_RECORDING_BYTES if name.startswith(RECORDING_DIR) else MAX_JSON_BYTES
    if info.file_size > limit:
        raise unsafe(path, f"{name!r} is too large")
    if info.compress_type != zipfile.ZIP_STORED and \
            info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise unsafe(path, f"{name!r} expands too much")


def read_member(path: Path, zf: zipfile.ZipFile, name: str, out: IO[bytes] | None = None,
                expected: Member | None = None) -> bytes:
    """A member's bytes (or streamed into `out`), never more than it declared, checked
    against the manifest's sha256 when `expected` is given."""
    info = zf.getinfo(name)
    digest = hashlib.sha256()
    chunks: list[bytes] = []
    total = 0
    try:
        with zf.open(info) as member:
            for chunk in iter(lambda: member.read(_CHUNK), b""):
                total += len(chunk)
                if total > info.file_size:
                    raise unsafe(path, f"{name!r} is larger than it says")
                digest.update(chunk)
                if out is None:
                    chunks.append(chunk)
                else:
                    out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise PackageError("error.package.damaged", path=str(path), name=name) from exc
    if expected is not None and (digest.hexdigest() != expected.sha256 or
                                 total != expected.size):
        raise PackageError("error.package.damaged", path=str(path), name=name)
    return b"".join(chunks)


def read_manifest(path: Path, zf: zipfile.ZipFile) -> dict[str, Member]:
    """The manifest's members (refusing a newer format), which must be exactly the zip's."""
    manifest = parse_json(path, read_member(path, zf, MANIFEST))
    if manifest.get("format") != FORMAT:
        raise PackageError("error.package.not_package", path=str(path))
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise PackageError("error.package.not_package", path=str(path))
    if version > FORMAT_VERSION:
        raise PackageError("error.package.newer", path=str(path), found=version,
                           known=FORMAT_VERSION)
    listed = manifest.get("members")
    if not isinstance(listed, dict):
        raise PackageError("error.package.not_package", path=str(path))
    members: dict[str, Member] = {}
    for name, entry in listed.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("size"), int)
                and isinstance(entry.get("sha256"), str)):
            raise PackageError("error.package.damaged", path=str(path), name=MANIFEST)
        members[str(name)] = Member(str(name), entry["size"], entry["sha256"])
    if set(members) != set(zf.namelist()) - {MANIFEST}:
        raise PackageError("error.package.damaged", path=str(path), name=MANIFEST)
    return members


def parse_json(path: Path, data: bytes) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise PackageError("error.package.not_package", path=str(path)) from exc
    if not isinstance(value, dict):
        raise PackageError("error.package.not_package", path=str(path))
    return value

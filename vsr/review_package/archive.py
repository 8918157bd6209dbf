"""The package file: a zip with manifest.json (format and app version, sha256 and size of every
member), review.json and optionally recording/<name>; optionally encrypted as a whole with a
passphrase: AES-256-GCM in sealed chunks with a key derived by scrypt (n=2^17, r=8, p=1: about
a second and 128 MiB), through PyCA's `cryptography` (`vsr.review_package.sealed`: the zip is
written through it and read back from it a chunk at a time, so memory stays bounded whatever
the recording's size). Packages of the first format (sealed as one piece, at most 1 GiB) are
still read. Why not age (pyrage), which installs: its passphrase
mode tunes scrypt's work to the machine's speed at the time, which on a busy machine took 2-8 s
and up to 1 GiB per operation, and a package made on an idle machine could be refused on a
busy one. Fixed parameters give the same cost everywhere.

Reading treats the file as hostile until proven otherwise: only the known member names (so no
absolute paths, "..", backslashes or surprises), no links, few members, sizes declared within
limits, a compression ratio no zip bomb passes, actual sizes never above the declared ones, and
every member's sha256 as the manifest says. Any failure is a VsrError naming the file, its
reason worded in the user's language."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.review_package.sealed import (
    HEADER,
    SealDamaged,
    SealedReader,
    SealError,
    SealingWriter,
    derive_key,
    is_sealed,
)

FORMAT = "vsr-review-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
REVIEW = "review.json"
RECORDING_DIR = "recording/"
ENCRYPTED_HEADER = b"VSRPACK-AES256GCM-SCRYPT-1\n"  # the first format, read only
_SALT, _NONCE = 16, 12

MAX_MEMBERS = 8
MAX_JSON_BYTES = 64 * 1024 * 1024  # a review's text is kilobytes; this is far above it
MAX_RECORDING_BYTES = 16 * 1024 * 1024 * 1024
MAX_FIRST_FORMAT_BYTES = 1024 * 1024 * 1024  # the first format was sealed as one piece
MAX_RATIO = 100  # declared size / compressed size of a deflated member
_RECORDING_NAME = re.compile(r"^recording/[A-Za-z0-9][A-Za-z0-9._ -]{0,120}$")
_CHUNK = 1024 * 1024


class PackageError(VsrError):
    key = "error.package.unreadable"


@dataclass(frozen=True, slots=True)
class Words:
    """A part of a message (a reason, a place), worded when the message is: so it is in the
    language the whole sentence is shown in, never English inside Dutch."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return translate(self.key, **self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def words(key: str, **params: Any) -> Words:
    return Words(key, params)


def unsafe(path: Path, reason: str, **params: Any) -> PackageError:
    """error.package.unsafe with its reason `package.reason.<reason>` worded in the user's
    language, so no English sits inside a Dutch sentence."""
    return PackageError("error.package.unsafe", path=str(path),
                        reason=words(f"package.reason.{reason}", **params))


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    size: int
    sha256: str


def sha256_file(path: Path, step: Callable[[int], None] | None = None,
                patches: Mapping[int, bytes] | None = None) -> str:
    """The file's sha256 (as patched with `patches`, see `vsr.media.tags`)."""
    digest = hashlib.sha256()
    for chunk in _chunks(path, patches):
        digest.update(chunk)
        if step is not None:
            step(len(chunk))
    return digest.hexdigest()


def _chunks(path: Path, patches: Mapping[int, bytes] | None) -> Iterator[bytes]:
    if patches:
        from vsr.media.tags import patched_chunks

        yield from patched_chunks(path, patches, _CHUNK)
        return
    with path.open("rb") as handle:
        yield from iter(lambda: handle.read(_CHUNK), b"")


class PackageCancelled(Exception):  # noqa: N818 - the name says what happened
    """Writing a package stopped on request (the staged file is removed by its writer)."""


def _stepper(total: int, progress: Callable[[float], None] | None,
             cancel: Callable[[], bool] | None) -> Callable[[int], None]:
    done = [0]

    def step(count: int) -> None:
        if cancel is not None and cancel():
            raise PackageCancelled
        done[0] += count
        if progress is not None and total > 0:
            progress(min(1.0, done[0] / total))

    return step


# -- writing -------------------------------------------------------------------------------

def write_package(tmp: Path, review: dict[str, Any], manifest_extra: dict[str, Any],
                  recording: tuple[str, Path] | None, passphrase: str | None = None,
                  progress: Callable[[float], None] | None = None,
                  cancel: Callable[[], bool] | None = None,
                  patches: Mapping[int, bytes] | None = None) -> None:
    """Write the zip to `tmp`: review.json (deflated), the recording (stored: media does not
    compress) and the manifest last, which lists both. With a passphrase the zip goes to disk
    only sealed, chunk by chunk. `progress(fraction)` follows the recording being read twice
    (its checksum, then the copy); when `cancel()` says so `PackageCancelled` is raised.
    `patches` (offset -> bytes) change the recording on its way in: its tags blanked when
    names are replaced (`vsr.media.tags`)."""
    data = json.dumps(review, ensure_ascii=False, indent=1).encode("utf-8")
    members = {REVIEW: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}}
    size = recording[1].stat().st_size if recording is not None else 0
    step = _stepper(2 * size, progress, cancel)
    if recording is not None:
        name, file = recording
        members[name] = {"size": size, "sha256": sha256_file(file, step, patches)}
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, **manifest_extra,
                "members": members}
    with tmp.open("wb") as raw:
        sealing = None if passphrase is None else SealingWriter(raw, passphrase)
        try:
            with zipfile.ZipFile(raw if sealing is None else cast(BinaryIO, sealing), "w",
                                 compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                # Text that deflates past the ratio a reader refuses as a zip bomb (a
                # pasted line repeated) goes stored, or vsr would refuse its own package.
                zf.writestr(REVIEW, data, compress_type=_review_compression(data))
                if recording is not None:
                    info = zipfile.ZipInfo.from_file(recording[1], recording[0])
                    info.compress_type = zipfile.ZIP_STORED
                    with zf.open(info, "w", force_zip64=True) as dest:
                        for chunk in _chunks(recording[1], patches):
                            step(len(chunk))
                            dest.write(chunk)
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        except BaseException:
            if sealing is not None:
                sealing.abandon()
            raise
        if sealing is not None:
            sealing.close()


def _review_compression(data: bytes) -> int:
    """Deflated, unless that would expand more than half the ratio `_check_member` allows."""
    if len(data) > MAX_RATIO // 2 * len(zlib.compress(data)):
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


# -- reading -------------------------------------------------------------------------------

@contextmanager
def open_package(path: Path, passphrase: str | None) -> Iterator[zipfile.ZipFile]:
    """The package's zip, decrypted when it is protected, after the checks of the module
    docstring on its member list (members are checked again while they are read)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(HEADER))
            size = path.stat().st_size
    except OSError as exc:
        raise PackageError(path=str(path), reason=os_reason(exc)) from exc
    source: BinaryIO | Path = path
    with ExitStack() as stack:
        if is_sealed(head):
            source = cast(BinaryIO, stack.enter_context(_open_sealed(path, passphrase)))
        elif head.startswith(ENCRYPTED_HEADER):
            source = io.BytesIO(_decrypt_first_format(path, size, passphrase))
        try:
            zf = stack.enter_context(zipfile.ZipFile(source))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise PackageError("error.package.not_package", path=str(path)) from exc
        except SealError as exc:
            raise PackageError("error.package.damaged", path=str(path),
                               name=path.name) from exc
        check_members(path, zf)
        yield zf


def os_reason(exc: OSError) -> Words:
    """An operating system's refusal in the user's words (its own text is English)."""
    if isinstance(exc, FileNotFoundError):
        return words("package.reason.not_found")
    if isinstance(exc, PermissionError):
        return words("package.reason.no_access")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return words("package.reason.disk_full")
    return words("package.reason.os", errno=exc.errno or 0)


def _open_sealed(path: Path, passphrase: str | None) -> SealedReader:
    if passphrase is None:
        raise PackageError("error.package.passphrase_needed", path=str(path))
    try:
        return SealedReader(path, passphrase)
    except SealDamaged as exc:
        raise PackageError("error.package.damaged", path=str(path), name=path.name) from exc
    except SealError as exc:
        # A wrong passphrase and a changed file look the same to AES-GCM.
        raise PackageError("error.package.passphrase_wrong", path=str(path)) from exc
    except OSError as exc:
        raise PackageError(path=str(path), reason=os_reason(exc)) from exc


def _decrypt_first_format(path: Path, size: int, passphrase: str | None) -> bytes:
    """A package of the first format: sealed as one piece, at most 1 GiB, read in memory."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if passphrase is None:
        raise PackageError("error.package.passphrase_needed", path=str(path))
    if size > MAX_FIRST_FORMAT_BYTES + 1024:
        raise unsafe(path, "too_large", name=path.name)
    data = path.read_bytes()
    start = len(ENCRYPTED_HEADER)
    salt, nonce = data[start:start + _SALT], data[start + _SALT:start + _SALT + _NONCE]
    try:
        return AESGCM(derive_key(passphrase, salt)).decrypt(
            nonce, data[start + _SALT + _NONCE:], data[:start + _SALT])
    except (InvalidTag, ValueError) as exc:
        raise PackageError("error.package.passphrase_wrong", path=str(path)) from exc


def check_members(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise unsafe(path, "members", count=len(infos))
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise unsafe(path, "twice")
    for info in infos:
        _check_member(path, info)
    if MANIFEST not in names or REVIEW not in names:
        raise PackageError("error.package.not_package", path=str(path))


def _check_member(path: Path, info: zipfile.ZipInfo) -> None:
    name = info.filename
    if name not in (MANIFEST, REVIEW) and not _RECORDING_NAME.match(name):
        raise unsafe(path, "unexpected", name=name)
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode) or info.is_dir():
        raise unsafe(path, "link", name=name)
    limit = MAX_RECORDING_BYTES if name.startswith(RECORDING_DIR) else MAX_JSON_BYTES
    if info.file_size > limit:
        raise unsafe(path, "too_large", name=name)
    if info.compress_type != zipfile.ZIP_STORED and \
            info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise unsafe(path, "expands", name=name)


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
                    raise unsafe(path, "larger", name=name)
                digest.update(chunk)
                if out is None:
                    chunks.append(chunk)
                else:
                    out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, SealError) as exc:
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

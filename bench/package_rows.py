"""A passphrase package with its recording: packing and unpacking a large recording in bounded
memory (sealed chunks, `vsr.review_package.sealed`). One row, runnable on its own:

    python -m bench.package_rows [--size-mb 4096] [--workdir DIR]

It makes a library with one review whose recording is a file of the given size (sparse: the
bytes are zeros, which costs AES-GCM, SHA-256 and CRC-32 as much as any others), packs it with
the recording and a passphrase, unpacks it into a second library, and reports the wall time
and the peak resident memory the work added (getrusage's maximum before and after: the
largest the process ever was, whatever allocated it). The key derivation (scrypt, 128 MiB)
is part of what is measured.

`--headroom-mb N` (for tests/vsr/test_package_memory.py) also caps the address space at what
the process has plus N MiB (RLIMIT_AS), so anything that holds the recording in memory fails
with MemoryError; `--light-kdf` makes scrypt small, as that fixed 128 MiB is not what such a
test is about. Exit code 0 only when the unpacked recording is the packed one, byte for byte
as far as its SHA-256 says."""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from bench.rows import Row, emit, row

TARGET_MB = 200  # the memory a package may add, whatever the recording's size
QUICK_MB, FULL_MB = 256, 4096


def _probe(path: Path) -> Any:
    from vsr.model import ProbeResult

    return ProbeResult(duration_ms=3_600_000, has_video=True, has_audio=True, width=1280,
                       height=720, fps=25.0)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _limit_address_space(headroom_mb: int) -> None:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    size = pages * resource.getpagesize() + headroom_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def measure(folder: Path, size_mb: int, *, headroom_mb: int | None = None,
            light_kdf: bool = False) -> dict[str, float]:
    """Pack and unpack a review with a `size_mb` recording; seconds and peak MiB added."""
    from vsr.library import open_library
    from vsr.library import reviews as rv
    from vsr.library.consent import grant_consent
    from vsr.library.recordings import add_recording
    from vsr.review_package import pack_review, sealed, unpack_review

    if light_kdf:
        sealed.SCRYPT = {"n": 2**14, "r": 8, "p": 1}
    for left in ("sender", "receiver"):  # a fresh pair each run: the receiver must not know it
        shutil.rmtree(folder / left, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    media = folder / "gesprek.mp4"
    with media.open("wb") as handle:
        handle.truncate(size_mb * 1024 * 1024)
    sender = open_library(folder / "sender" / "library.sqlite")
    receiver = open_library(folder / "receiver" / "library.sqlite")
    try:
        rec, _ = add_recording(sender, media, prober=_probe)
        review = rv.create_review(sender, rec.id, title="Groot gesprek")
        grant_consent(sender, rec.id, "intervisie", given_by="bench")
        package = folder / "groot.vsrpack"
        package.unlink(missing_ok=True)
        bites = 0.0
        if headroom_mb is not None:
            # The code the sealing loads lazily is mapped first: the cap is about holding the
            # recording in memory, and mapping cryptography's library under it failed now and
            # then ("failed to map segment from shared object") in a loaded test run.
            import cryptography.exceptions
            import cryptography.hazmat.primitives.ciphers.aead
            import cryptography.hazmat.primitives.kdf.scrypt  # noqa: F401
            _limit_address_space(headroom_mb)
            bites = _limit_bites(size_mb)
        before = _peak_mb()
        started = time.perf_counter()
        pack_review(sender, review.id, package, with_recording=True, passphrase="bench ø")
        packed = time.perf_counter()
        done = unpack_review(receiver, package, passphrase="bench ø")
        unpacked = time.perf_counter()
        added = _peak_mb() - before
        assert done.recording_file is not None
        same = _sha256(done.recording_file) == _sha256(media)
        done.recording_file.unlink()
        package_mb = package.stat().st_size / 1024 / 1024
        package.unlink()
    finally:
        sender.close()
        receiver.close()
        media.unlink(missing_ok=True)
    return {"pack_s": packed - started, "unpack_s": unpacked - packed, "added_mb": added,
            "peak_mb": _peak_mb(), "package_mb": package_mb, "same": float(same),
            "limit_bites": bites}


def _limit_bites(size_mb: int) -> float:
    """1.0 when the cap refuses what reading the recording into memory would need."""
    try:
        whole = bytearray(size_mb * 1024 * 1024)
    except MemoryError:
        return 1.0
    del whole
    return 0.0


def package_rows(quick: bool, workdir: Path) -> list[Row]:
    """For `python -m bench`: the row at 256 MiB (--quick) or 4 GiB."""
    size = QUICK_MB if quick else FULL_MB
    found = measure(workdir / "package", size)
    return [_row(size, found)]


def _row(size_mb: int, found: dict[str, float]) -> Row:
    label = f"{size_mb / 1024:g} GiB" if size_mb >= 1024 else f"{size_mb} MiB"
    out = row(f"passphrase package of a {label} recording: memory added (pack + unpack)",
              found["added_mb"], "MiB", TARGET_MB)
    out.update({k: round(v, 2) for k, v in found.items()})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.package_rows")
    parser.add_argument("--size-mb", type=int, default=FULL_MB)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/vsr-bench-package"))
    parser.add_argument("--headroom-mb", type=int)
    parser.add_argument("--light-kdf", action="store_true")
    args = parser.parse_args()
    found = measure(args.workdir, args.size_mb, headroom_mb=args.headroom_mb,
                    light_kdf=args.light_kdf)
    result = _row(args.size_mb, found)
    print(f"{result['name']}: {found['added_mb']:.0f} MiB added, peak {found['peak_mb']:.0f} "
          f"MiB; pack {found['pack_s']:.1f} s, unpack {found['unpack_s']:.1f} s "
          f"({found['package_mb']:.0f} MiB package)", file=sys.stderr)
    emit([result])
    return 0 if found["same"] else 1


if __name__ == "__main__":
    sys.exit(main())

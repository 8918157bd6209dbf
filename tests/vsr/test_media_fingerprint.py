"""fingerprint(): same content -> same value wherever the file is; a sampled change -> new value."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from vsr.errors import MediaError
from vsr.media.fingerprint import SAMPLE_BYTES, fingerprint, sample_offsets

MIB = 1024 * 1024


def _write(path: Path, size: int, seed: int = 7) -> Path:
    # Deterministic, non-repeating bytes: a repeated pattern could hide a wrongly placed sample.
    import numpy as np

    path.write_bytes(np.random.default_rng(seed).integers(0, 256, size, dtype=np.uint8).tobytes())
    return path


def _flip_byte(path: Path, offset: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        value = handle.read(1)[0]
        handle.seek(offset)
        handle.write(bytes([value ^ 0xFF]))


def test_format_is_versioned_sha256_hex(tmp_path: Path) -> None:
    value = fingerprint(_write(tmp_path / "a.bin", 1000))
    assert re.fullmatch(r"v1:[0-9a-f]{64}", value)


def test_same_content_at_another_path_and_name_gives_same_fingerprint(tmp_path: Path) -> None:
    original = _write(tmp_path / "gesprek.mp4", 10 * MIB + 12345)
    moved = tmp_path / "elders" / "kopie met andere naam.mov"
    moved.parent.mkdir()
    shutil.copy(original, moved)
    assert fingerprint(moved) == fingerprint(original)
    assert fingerprint(str(moved)) == fingerprint(original)


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_one_byte_changed_in_a_sampled_region_changes_it(tmp_path: Path, where: str) -> None:
    path = _write(tmp_path / "big.bin", 10 * MIB + 3)
    before = fingerprint(path)
    start, middle, end = sample_offsets(path.stat().st_size)
    offset = {
        "start": start + 17,
        "middle": middle + SAMPLE_BYTES // 2,
        "end": end + SAMPLE_BYTES - 1,
    }
    _flip_byte(path, offset[where])
    assert fingerprint(path) != before


def test_change_between_samples_is_not_seen(tmp_path: Path) -> None:
    """The documented trade-off of sampling: speed over catching edits between the samples."""
    path = _write(tmp_path / "big.bin", 10 * MIB)
    before = fingerprint(path)
    _flip_byte(path, 2 * MIB)  # after the first sample, before the middle one
    assert fingerprint(path) == before


def test_size_change_changes_it(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.bin", 10 * MIB)
    before = fingerprint(path)
    with path.open("ab") as handle:
        handle.write(b"\0")
    assert fingerprint(path) != before


def test_small_file_is_hashed_whole(tmp_path: Path) -> None:
    path = _write(tmp_path / "small.bin", 2 * MIB + 5)
    before = fingerprint(path)
    _flip_byte(path, MIB + 100)
    assert fingerprint(path) != before


def test_empty_file_has_a_fingerprint(tmp_path: Path) -> None:
    path = tmp_path / "empty.bin"
    path.touch()
    assert fingerprint(path).startswith("v1:")


def test_multi_gigabyte_file_reads_only_samples(tmp_path: Path) -> None:
    """A 5 GiB sparse file: sizes beyond 32 bits, and only three MiB are read."""
    path = tmp_path / "huge.mp4"
    with path.open("wb") as handle:
        handle.truncate(5 * 1024**3 + 7)
    before = fingerprint(path)
    _flip_byte(path, path.stat().st_size // 2)
    assert fingerprint(path) != before


def test_missing_file_raises_not_found(tmp_path: Path) -> None:
    with pytest.raises(MediaError) as caught:
        fingerprint(tmp_path / "gone.mp4")
    assert caught.value.key == "error.media.not_found"


def test_sample_offsets_cover_start_middle_end() -> None:
    size = 100 * MIB
    assert sample_offsets(size) == [0, (size - MIB) // 2, size - MIB]
    assert sample_offsets(3 * MIB) == [0, MIB, 2 * MIB]
    assert sample_offsets(0) == []

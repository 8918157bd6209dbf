"""A damaged waveform cache is noticed and rebuilt. Before, a header asking for a huge array
made np.load raise MemoryError, which the window's worker swallowed: the lane stayed empty at
every opening and the file was never written again."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest

from tests.corpus import CORPUS
from vsr.media import envelope as env

AUDIO = CORPUS / "media/valid/t-rex-roar.mp3"


def _npy(array: np.ndarray, *, claim: tuple[int, ...] | None = None, cut: int = 0) -> bytes:  # type: ignore[type-arg]
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    data = buffer.getvalue()
    if claim is not None:  # the same file with another shape in its header
        data = data.replace(repr(array.shape).encode(), repr(claim).encode().ljust(
            len(repr(array.shape))), 1)
    return data[:len(data) - cut] if cut else data


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("cache")
    return env.load_or_compute_envelope(AUDIO, "v1:rex", folder).peaks


def _damages(fresh: np.ndarray) -> dict[str, bytes]:  # type: ignore[type-arg]
    huge = np.zeros(3, np.float32)
    return {
        "claims a terabyte": _npy(huge, claim=(10**12,)),
        "claims more than is there": _npy(fresh, claim=(len(fresh) * 3,)),
        "cut off": _npy(fresh, cut=9),
        "not a number": _npy(np.full(len(fresh), np.nan, np.float32)),
        "louder than full": _npy(np.full(len(fresh), 7.0, np.float32)),
        "two dimensions": _npy(np.zeros((2, len(fresh)), np.float32)),
        "other type": _npy(fresh.astype(np.float64)),
        "not numpy": b"\x93NUMPY\x09\x00garbage",
    }


@pytest.mark.parametrize("damage", sorted(_damages(np.zeros(10, np.float32))))
def test_a_damaged_cache_is_rebuilt(tmp_path: Path, fresh, damage: str) -> None:  # type: ignore[no-untyped-def]
    target = env.cache_file(tmp_path, "v1:rex", 50)
    target.write_bytes(_damages(fresh)[damage])
    loaded = env.load_or_compute_envelope(AUDIO, "v1:rex", tmp_path)
    np.testing.assert_array_equal(loaded.peaks, fresh)
    # and the file is good again: the next opening uses it without computing
    np.testing.assert_array_equal(np.load(target, allow_pickle=False), fresh)


def test_a_good_cache_is_used_as_it_is(tmp_path: Path, fresh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    env.cache_file(tmp_path, "v1:rex", 50).write_bytes(_npy(fresh))

    def no_computing(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the cached envelope should have been used")

    monkeypatch.setattr(env, "compute_envelope", no_computing)
    np.testing.assert_array_equal(env.load_or_compute_envelope(AUDIO, "v1:rex", tmp_path).peaks,
                                  fresh)

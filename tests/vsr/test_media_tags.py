"""vsr.media.tags: blanking an MP4's tags in place, on files that are not MP4 or are damaged,
and the patched reading across chunk boundaries."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.vsr.collection_fixtures import make_source
from tests.vsr.test_names_hostile import _tagged
from vsr.media.tags import patched_chunks, tag_patches


def test_other_or_damaged_files_give_no_patches_and_no_error(tmp_path: Path) -> None:
    other = tmp_path / "geluid.wav"
    other.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(40))
    assert tag_patches(other) == {}
    plain = make_source(tmp_path, "gewoon.mp4", 1.0)
    assert tag_patches(plain) == {}  # only the encoder's tag and standard handler names
    source = _tagged(plain, tmp_path / "heel.mp4", {"title": "Intake Anouk", "artist": "Piet"})
    data = source.read_bytes()
    whole = tag_patches(source)
    assert whole and all(at + len(new) <= len(data) for at, new in whole.items())
    for cut in (8, 40, len(data) // 2, len(data) - 7):
        damaged = tmp_path / f"kapot-{cut}.mp4"
        damaged.write_bytes(data[:cut])
        for at, new in tag_patches(damaged).items():  # only within what is there
            assert at + len(new) <= cut
    (tmp_path / "leeg.mp4").write_bytes(b"")
    assert tag_patches(tmp_path / "leeg.mp4") == {}


@settings(max_examples=60, deadline=None)
@given(size=st.integers(1, 300), chunk=st.integers(1, 64),
       patches=st.dictionaries(st.integers(0, 299), st.binary(min_size=1, max_size=40),
                               max_size=5))
def test_patched_chunks_are_the_file_with_the_patches_applied(
        size: int, chunk: int, patches: dict[int, bytes]) -> None:
    """Patches that do not overlap (as `tag_patches` gives) over any chunk boundaries."""
    import tempfile

    kept: dict[int, bytes] = {}
    for at, new in sorted(patches.items()):
        if at >= max((a + len(n) for a, n in kept.items()), default=0):
            kept[at] = new[:size - at]
    patches = {at: new for at, new in kept.items() if new and at < size}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.bin"
        original = bytes(range(256)) * 2
        path.write_bytes(original[:size])
        expected = bytearray(original[:size])
        for at, new in sorted(patches.items()):
            expected[at:at + len(new)] = new
        assert b"".join(patched_chunks(path, patches, chunk)) == bytes(expected)

"""The descriptive tags an MP4 or MOV recording carries (title, artist, comment, description,
GPS position, a phone's make and model, XMP, the tracks' own names and handler names), blanked
in place for a copy that leaves the app with names replaced (a review package, a recording
shared with a team): they often hold
the client's name ("Intake Fatma Yıldız") and where the recording was made.

`tag_patches(path)` gives byte patches of the same length, so every offset in the file (the
sample tables point into mdat) stays as it is: a metadata box (moov/udta, moov/meta, trak/udta,
trak/meta, an XMP uuid box) becomes a "free" box full of zeros, which players skip, and a
track's handler name (trak/mdia/hdlr) becomes empty. A file with nothing but what encoders
always write (the encoder's tag, a standard handler name) keeps every byte. Pictures and sound
are untouched, and so is the rotation (tkhd). Other containers (MKV, WebM, AVI, WAV, MP3) are
left as they are: see docs/anonymisation.md. `patched_reader`, `patched_chunks` and
`PatchedFile` read the file as patched without writing a copy."""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

__all__ = ["PatchedFile", "patched_chunks", "patched_reader", "tag_patches"]

_FIRST_BOXES = frozenset({b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot"})
_TAG_BOXES = frozenset({b"udta", b"meta"})
_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
_FREE = b"free"
_MAX_BOXES = 100_000  # a damaged file is read no further than this


def _boxes(handle: BinaryIO, start: int, end: int) -> Iterator[tuple[int, int, bytes, int]]:
    """(offset, header size, type, end) of each box between `start` and `end`."""
    offset = start
    for _ in range(_MAX_BOXES):
        if offset + 8 > end:
            return
        handle.seek(offset)
        head = handle.read(16)
        if len(head) < 8:
            return
        size, kind = struct.unpack(">I4s", head[:8])
        header = 8
        if size == 1:
            if len(head) < 16:
                return
            size, header = struct.unpack(">Q", head[8:16])[0], 16
        elif size == 0:
            size = end - offset
        if size < header or offset + size > end:
            return  # damaged: stop here rather than guess
        yield offset, header, kind, offset + size
        offset += size


def tag_patches(path: Path | str) -> dict[int, bytes]:
    """Offset -> bytes that blank the tags of the MP4/MOV file at `path`; empty for a file
    without them or of another kind."""
    patches: dict[int, bytes] = {}
    with Path(path).open("rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(4)
        if handle.read(4) not in _FIRST_BOXES:
            return {}
        for offset, header, kind, end in list(_boxes(handle, 0, size)):
            if kind == b"moov":
                _blank_in(handle, offset + header, end, patches, tracks=True)
            elif kind == b"uuid" and _is_xmp(handle, offset, header):
                _free(patches, offset, header, end)
    return patches


def _free(patches: dict[int, bytes], offset: int, header: int, end: int) -> None:
    """The box at `offset` a "free" box full of zeros: its type, and what it held."""
    patches[offset + 4] = _FREE  # a 64-bit size after the type (header 16) is kept
    if end > offset + header:
        patches[offset + header] = bytes(end - offset - header)


def _is_xmp(handle: BinaryIO, offset: int, header: int) -> bool:
    handle.seek(offset + header)
    return handle.read(16) == _XMP_UUID


def _blank_in(handle: BinaryIO, start: int, end: int, patches: dict[int, bytes], *,
              tracks: bool) -> None:
    for offset, header, kind, box_end in list(_boxes(handle, start, end)):
        if kind == b"uuid" and _is_xmp(handle, offset, header):
            _free(patches, offset, header, box_end)
        elif kind in _TAG_BOXES and not _only_technical(handle, kind, offset + header, box_end):
            _free(patches, offset, header, box_end)
        elif kind == b"trak" and tracks:
            _blank_in(handle, offset + header, box_end, patches, tracks=False)
        elif kind == b"mdia" and not tracks:
            for h_offset, h_header, h_kind, h_end in list(_boxes(handle, offset + header,
                                                                  box_end)):
                name = h_offset + h_header + 24  # version+flags, pre_defined, type, reserved
                if h_kind == b"hdlr" and name < h_end and not _standard_handler(
                        handle, name, h_end):
                    patches[name] = bytes(h_end - name)


# What encoders write into every file, which says nothing about anyone: the encoder tag, the
# handler names of the common muxers. A file with only these keeps every byte (and so its
# fingerprint: a receiver who has it already finds it).
_TECHNICAL_ITEMS = frozenset({b"\xa9too", b"\xa9swr", b"free", b"skip"})
_STANDARD_HANDLERS = frozenset({
    b"", b"VideoHandler", b"SoundHandler", b"DataHandler", b"SubtitleHandler", b"TextHandler",
    b"Core Media Video", b"Core Media Audio", b"Core Media Metadata", b"Core Media Data Handler",
    b"Apple Video Media Handler", b"Apple Sound Media Handler", b"Apple Alias Data Handler",
    b"Alias Data Handler", b"ISO Media file produced by Google Inc.",
    b"GPAC ISO Video Handler", b"GPAC ISO Audio Handler", b"L-SMASH Video Handler",
    b"L-SMASH Audio Handler", b"Mainconcept Video Media Handler",
    b"Mainconcept MP4 Sound Media Handler",
})


def _standard_handler(handle: BinaryIO, start: int, end: int) -> bool:
    handle.seek(start)
    name = handle.read(min(end - start, 256)).rstrip(b"\x00")
    if name and name[0] == len(name) - 1:  # QuickTime: a length byte first
        name = name[1:]
    return name.strip() in _STANDARD_HANDLERS


def _only_technical(handle: BinaryIO, kind: bytes, start: int, end: int) -> bool:
    """A udta or meta box that holds nothing but the encoder's tag."""
    if kind == b"meta":
        # ISO "meta" is a full box (4 bytes of version and flags first), QuickTime's is not:
        # there the first child, "hdlr", starts at once.
        handle.seek(start + 4)
        start += 0 if handle.read(4) == b"hdlr" else 4
        for offset, header, child, child_end in list(_boxes(handle, start, end)):
            if child == b"ilst":
                items = [item for _o, _h, item, _e in _boxes(handle, offset + header, child_end)]
                if any(item not in _TECHNICAL_ITEMS for item in items):
                    return False
            elif child not in (b"hdlr", b"free", b"skip"):
                return False
        return True
    for offset, header, child, child_end in list(_boxes(handle, start, end)):
        if child == b"meta":
            if not _only_technical(handle, child, offset + header, child_end):
                return False
        elif child not in _TECHNICAL_ITEMS:
            return False
    return True


def patched_reader(handle: BinaryIO, patches: Mapping[int, bytes]
                   ) -> Callable[[int, int], bytes]:
    """`read_at(offset, count)` of the file open in `handle`, as patched."""
    def read_at(offset: int, count: int) -> bytes:
        handle.seek(offset)
        return _patch(handle.read(count), offset, patches)

    return read_at


class PatchedFile:
    """The file at `path` opened for reading as patched (`read` only, front to back): for a
    writer that reads a stream, such as the team library's encryption."""

    def __init__(self, path: Path, patches: Mapping[int, bytes]) -> None:
        self._handle = path.open("rb")
        self._patches = patches
        self._offset = 0

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        data = _patch(data, self._offset, self._patches)
        self._offset += len(data)
        return data

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> PatchedFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def patched_chunks(path: Path, patches: Mapping[int, bytes], chunk: int) -> Iterator[bytes]:
    """The file's bytes as patched, `chunk` bytes at a time."""
    with path.open("rb") as handle:
        offset = 0
        for data in iter(lambda: handle.read(chunk), b""):
            yield _patch(data, offset, patches)
            offset += len(data)


def _patch(data: bytes, offset: int, patches: Mapping[int, bytes]) -> bytes:
    end = offset + len(data)
    touching = [(at, new) for at, new in patches.items() if at < end and at + len(new) > offset]
    if not touching:
        return data
    out = bytearray(data)
    for at, new in touching:
        lo, hi = max(at, offset), min(at + len(new), end)
        out[lo - offset:hi - offset] = new[lo - at:hi - at]
    return bytes(out)

"""The few H.264 bitstream facts smart rendering needs: NAL units, parameter-set ids, and the
avcC decoder configuration record (ISO/IEC 14496-15) that MP4 and Matroska store."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vsr.media.nal import is_disposable_sample

__all__ = ["is_disposable_sample"]  # re-exported for the smart cut; its home is vsr.media.nal

NAL_SLICE = 1  # a slice of a picture that is not an IDR
NAL_SLICE_IDR = 5
NAL_SPS = 7
NAL_PPS = 8

_START_CODE = re.compile(b"\x00\x00\x01")


@dataclass(frozen=True, slots=True)
class AvcConfig:
    """An avcC record: its parameter sets and the NAL length size its samples use."""

    profile: int
    compatibility: int
    level: int
    length_size: int
    sps: tuple[bytes, ...]
    pps: tuple[bytes, ...]
    trailer: bytes = b""  # the High-profile chroma/bit-depth extension, kept verbatim


def parse_avcc(data: bytes) -> AvcConfig | None:
    """The avcC record in `data`, or None when it is not one (e.g. Annex B extradata)."""
    if len(data) < 7 or data[0] != 1:
        return None
    try:
        length_size = (data[4] & 0x03) + 1
        pos = 5
        sps, pos = _read_sets(data, pos, data[pos] & 0x1F)
        pps, pos = _read_sets(data, pos, data[pos])
    except IndexError:
        return None
    return AvcConfig(data[1], data[2], data[3], length_size, sps, pps, bytes(data[pos:]))


def _read_sets(data: bytes, pos: int, count: int) -> tuple[tuple[bytes, ...], int]:
    pos += 1
    sets = []
    for _ in range(count):
        size = int.from_bytes(data[pos : pos + 2], "big")
        unit = bytes(data[pos + 2 : pos + 2 + size])
        if len(unit) != size:
            raise IndexError("parameter set runs past the record")
        sets.append(unit)
        pos += 2 + size
    return tuple(sets), pos


def build_avcc(config: AvcConfig) -> bytes:
    out = bytearray(
        [1, config.profile, config.compatibility, config.level, 0xFC | (config.length_size - 1)]
    )
    out.append(0xE0 | len(config.sps))
    for unit in config.sps:
        out += len(unit).to_bytes(2, "big") + unit
    out.append(len(config.pps))
    for unit in config.pps:
        out += len(unit).to_bytes(2, "big") + unit
    out += config.trailer
    return bytes(out)


def merge_parameter_sets(base: AvcConfig, sps: list[bytes], pps: list[bytes]) -> AvcConfig:
    """`base` plus more parameter sets (with other ids): the record then describes every
    segment of a spliced stream. Level is the highest needed; compatibility flags the common
    ones."""
    new_sps = tuple(s for s in sps if s not in base.sps)
    new_pps = tuple(p for p in pps if p not in base.pps)
    level = max([base.level, *(s[3] for s in new_sps if len(s) > 3)])
    compat = base.compatibility
    for unit in new_sps:
        if len(unit) > 2:
            compat &= unit[2]
    return AvcConfig(
        base.profile,
        compat,
        level,
        base.length_size,
        base.sps + new_sps,
        base.pps + new_pps,
        base.trailer,
    )


def split_annexb(data: bytes) -> list[bytes]:
    """NAL units of an Annex B byte stream (start-code separated), without the start codes."""
    starts = [m.end() for m in _START_CODE.finditer(data)]
    units = []
    for i, begin in enumerate(starts):
        end = starts[i + 1] - 3 if i + 1 < len(starts) else len(data)
        unit = data[begin:end]
        # A 4-byte start code leaves its leading zero at the end of the previous unit.
        units.append(unit.rstrip(b"\x00") if i + 1 < len(starts) else unit)
    return [u for u in units if u]


def split_length_prefixed(data: bytes, length_size: int) -> list[bytes]:
    units = []
    pos = 0
    while pos + length_size <= len(data):
        size = int.from_bytes(data[pos : pos + length_size], "big")
        pos += length_size
        units.append(data[pos : pos + size])
        pos += size
    return units


def to_length_prefixed(units: list[bytes], length_size: int) -> bytes:
    return b"".join(len(u).to_bytes(length_size, "big") + u for u in units)


def nal_type(unit: bytes) -> int:
    return unit[0] & 0x1F if unit else -1


def is_idr_sample(data: bytes | memoryview, length_size: int) -> bool:
    """Whether an MP4-style sample holds an IDR slice: decoding can start here with nothing
    from before, so the stream can be spliced at this sample. Reads only the NAL headers
    (samples are large; a memoryview of a packet is not copied)."""
    pos, end = 0, len(data)
    while pos + length_size < end:
        size = int.from_bytes(data[pos : pos + length_size], "big")
        pos += length_size
        if size and data[pos] & 0x1F == NAL_SLICE_IDR:
            return True
        pos += size
    return False


def _rbsp(unit: bytes) -> bytes:
    """NAL payload with emulation-prevention bytes (00 00 03) removed."""
    return unit[1:].replace(b"\x00\x00\x03", b"\x00\x00")


class _Bits:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def bit(self) -> int:
        byte = self.data[self.pos >> 3]
        value = (byte >> (7 - (self.pos & 7))) & 1
        self.pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.bit() == 0:
            zeros += 1
            if zeros > 31:
                raise ValueError("bad exp-Golomb code")
        value = 1
        for _ in range(zeros):
            value = (value << 1) | self.bit()
        return value - 1


def sps_id(unit: bytes) -> int:
    """seq_parameter_set_id of an SPS NAL unit (it follows profile, flags and level)."""
    bits = _Bits(_rbsp(unit))
    bits.pos = 24
    return bits.ue()


def pps_ids(unit: bytes) -> tuple[int, int]:
    """(pic_parameter_set_id, seq_parameter_set_id) of a PPS NAL unit."""
    bits = _Bits(_rbsp(unit))
    return bits.ue(), bits.ue()


def free_parameter_set_id(config: AvcConfig, taken: set[int] | None = None) -> int | None:
    """An id (0-31) used by no SPS or PPS in `config` nor in `taken`; None if all are used."""
    used = set(taken or ())
    used |= {sps_id(s) for s in config.sps}
    for unit in config.pps:
        used |= set(pps_ids(unit))
    return next((i for i in range(32) if i not in used), None)

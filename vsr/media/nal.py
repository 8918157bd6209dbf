"""Reading the NAL headers of an MP4 sample (H.264 or HEVC, length-prefixed): whether a
decoder may be spared it. A picture that no other picture refers to (a non-reference B-frame,
half the pictures of a camera's GOP) need not be decoded when its own picture is not wanted,
as when seeking forward to a still or to a clip's first picture."""

from __future__ import annotations

H264_SLICE = 1
H264_SLICE_IDR = 5
_HEVC_VCL_END = 32  # HEVC NAL types below this are slices; even ones below 16 are "_N"
_HEVC_SUB_LAYER_NON_REFERENCE_END = 16


def length_size(codec: str, extradata: bytes | None) -> int | None:
    """How many bytes prefix each NAL unit of a sample (from avcC or hvcC), or None when the
    stream is not length-prefixed (Annex B) or not H.264/HEVC."""
    data = extradata or b""
    if codec == "h264" and len(data) > 4 and data[0] == 1:
        return (data[4] & 3) + 1
    if codec == "hevc" and len(data) > 21 and data[0] == 1:
        return (data[21] & 3) + 1
    return None


def is_disposable_sample(data: bytes | memoryview, prefix: int, codec: str = "h264") -> bool:
    """Whether the sample holds only slices no other picture refers to (H.264: nal_ref_idc 0;
    HEVC: a sub-layer non-reference type). A sample cut off, or with no slice, is not."""
    pos, end, slices = 0, len(data), 0
    while pos + prefix < end:
        size = int.from_bytes(data[pos : pos + prefix], "big")
        pos += prefix
        if pos + size > end:
            return False  # cut off: let the decoder judge it
        if size:
            referenced = _referenced(data[pos], codec)
            if referenced is True:
                return False
            slices += referenced is False
        pos += size
    return slices > 0


def _referenced(header: int, codec: str) -> bool | None:
    """Whether this slice is referred to; None when the unit is not a slice."""
    if codec == "hevc":
        kind = (header >> 1) & 0x3F
        if kind >= _HEVC_VCL_END:
            return None
        return not (kind < _HEVC_SUB_LAYER_NON_REFERENCE_END and kind % 2 == 0)
    if header & 0x1F not in (H264_SLICE, H264_SLICE_IDR):
        return None
    return bool(header & 0x60)  # nal_ref_idc

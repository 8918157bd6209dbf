"""A cheap first pass over the video packets of a range (demux only, no decoding): which frames
the clip holds, and for H.264 where the IDR pictures are."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from av.container import InputContainer

from vsr.clips import avc
from vsr.clips.plan import PacketInfo, frame_bounds
from vsr.clips.source import TOLERANCE, first_video, seek_before


@dataclass(frozen=True, slots=True)
class FrameSpan:
    first_pts: int
    last_pts: int
    end_pts: int  # just after the last frame (its pts plus its duration)
    frames: int


def scan_packets(
    container: InputContainer, start: Fraction, end: Fraction, idr_length_size: int = 0
) -> list[PacketInfo]:
    """Packets in decode order from the keyframe before `start` (absolute seconds) until no
    later packet can be shown before `end`. With `idr_length_size` (an avcC NAL length size)
    each packet is also checked for an IDR slice."""
    stream = first_video(container)
    assert stream is not None and stream.time_base is not None
    tb = stream.time_base
    seek_before(container, stream, start)
    packets: list[PacketInfo] = []
    for packet in container.demux(stream):
        pts = packet.pts if packet.pts is not None else packet.dts
        if packet.size == 0 or pts is None:
            continue
        dts = packet.dts if packet.dts is not None else pts
        if dts * tb >= end:
            break  # pts >= dts, so this and every later packet start after the range
        idr = idr_length_size > 0 and avc.is_idr_sample(bytes(packet), idr_length_size)
        packets.append(PacketInfo(pts, dts, packet.duration or 0, idr))
    return packets


def frame_span(
    packets: list[PacketInfo], start: Fraction, end: Fraction, tb: Fraction
) -> FrameSpan | None:
    """The frames of the clip: from the one shown at `start` to the last one that starts
    before `end` (both within TOLERANCE, for times rounded to whole milliseconds)."""
    bounds = frame_bounds(packets, int((start + TOLERANCE) // tb), -int(-(end - TOLERANCE) // tb))
    if bounds is None:
        return None
    first, last = bounds
    shown = sorted(p.pts for p in packets if first <= p.pts <= last)
    durations = {p.pts: p.duration for p in packets}
    step = durations.get(last) or _typical_step(shown) or 1
    return FrameSpan(first, last, last + step, len(shown))


def _typical_step(times: list[int]) -> int:
    steps = sorted(b - a for a, b in zip(times, times[1:], strict=False))
    return steps[len(steps) // 2] if steps else 0

"""A cheap first pass over the video packets of a range (demux only, no decoding): which frames
the clip holds, and for H.264 where the IDR pictures are."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import chain
from typing import Any

from av.audio.stream import AudioStream
from av.container import InputContainer
from av.packet import Packet
from av.video.stream import VideoStream

from vsr.clips import avc
from vsr.clips.plan import PacketInfo, frame_bounds
from vsr.clips.source import TOLERANCE, first_video, seek_before

# The packets a scan read are kept for the pass that writes the clip up to this size (a
# 30 s 720p clip is about 25 MB); a longer clip is read from the file a second time instead.
KEEP_BYTES = 128 * 1024 * 1024


@dataclass(slots=True)
class Kept:
    """The packets of `streams` a scan read, in file order, so that the clip's range is read
    from the file once: reading it again cost about as much as copying it."""

    streams: tuple[VideoStream | AudioStream, ...]
    limit: int = field(default_factory=lambda: KEEP_BYTES)  # read when made (tests lower it)
    packets: list[Packet[Any]] = field(default_factory=list)
    size: int = 0
    whole: bool = True  # False once they passed `limit` and were let go

    def add(self, packet: Packet[Any]) -> None:
        if not self.whole:
            return
        self.size += packet.size
        if self.size > self.limit:
            self.packets.clear()
            self.whole = False
        else:
            self.packets.append(packet)

    def replay(self, container: InputContainer, start: Fraction) -> Iterator[Packet[Any]]:
        """The packets of `streams` from the keyframe before `start` on: the kept ones, then
        the file read on from where the scan stopped (nothing may read `container` between
        the scan and this), or, when they were let go, the file read again."""
        if self.whole:
            return chain(self.packets, container.demux(*self.streams))
        seek_before(container, self.streams[0], start)
        return container.demux(*self.streams)


@dataclass(frozen=True, slots=True)
class FrameSpan:
    first_pts: int
    last_pts: int
    end_pts: int  # just after the last frame (its pts plus its duration)
    frames: int


def scan_packets(
    container: InputContainer,
    start: Fraction,
    end: Fraction,
    idr_length_size: int = 0,
    keep: Kept | None = None,
) -> list[PacketInfo]:
    """Packets in decode order from the keyframe before `start` (absolute seconds) until no
    later packet can be shown before `end`. With `idr_length_size` (an avcC NAL length size)
    each packet is also checked for an IDR slice. `keep` (its first stream the video) gets
    every packet read of its streams."""
    stream = first_video(container)
    assert stream is not None and stream.time_base is not None
    assert keep is None or keep.streams[0] == stream
    tb = stream.time_base
    seek_before(container, stream, start)
    stop = -int(-end // tb)  # the first tick at or after `end`: integers compare fast
    packets: list[PacketInfo] = []
    for packet in container.demux(*(keep.streams if keep is not None else (stream,))):
        if keep is not None:
            keep.add(packet)
            if packet.stream_index != stream.index:
                continue
        pts = packet.pts if packet.pts is not None else packet.dts
        if packet.size == 0 or pts is None:
            continue
        dts = packet.dts if packet.dts is not None else pts
        if dts >= stop:
            break  # pts >= dts, so this and every later packet start after the range
        # An IDR is a sync sample, so only those are looked into (an IDR a broken muxer did
        # not flag is taken for a P picture: the clip then copies less, but plays).
        idr = (idr_length_size > 0 and packet.is_keyframe
               and avc.is_idr_sample(memoryview(packet), idr_length_size))
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

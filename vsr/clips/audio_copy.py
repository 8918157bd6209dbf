"""The audio of a clip copied packet for packet (no decoding, no re-encoding), when the
source's sound is AAC in an MP4/MOV-style file, as from phones and most cameras.

The clip's first audio packet usually starts a little before its first picture. It keeps a
negative time stamp, and the MP4 muxer then writes an edit list that tells players to skip
those samples: the sound still starts exactly with the first picture. At the end at most
one packet (about 21 ms) more than the pictures is kept.

The packets come from the same pass over the file as the video (`PacketSplitter`), so the
recording is read once."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from av.audio.stream import AudioStream
from av.container import OutputContainer
from av.packet import Packet
from av.video.stream import VideoStream

# The rates AAC (and browsers) accept; the source's AAC then plays as it is.
AAC_RATES = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000, 88200, 96000}


def can_copy(stream: AudioStream) -> bool:
    """True when the stream's packets can go into the clip's MP4 unchanged: AAC with its
    decoder configuration in the header (not ADTS, as in MPEG-TS), mono or stereo."""
    ctx = stream.codec_context
    return (
        ctx.name == "aac"
        and bool(ctx.extradata)
        and stream.rate in AAC_RATES
        and stream.channels in (1, 2)
        and stream.time_base is not None
    )


class PacketSplitter:
    """One pass over a container's video and audio packets (`packets`, in file order), handed
    out per stream: what one reader pulls past is kept for the other until it asks."""

    def __init__(
        self, packets: Iterator[Packet[Any]], video: VideoStream, audio: AudioStream
    ) -> None:
        self._packets = packets
        self._waiting: dict[int, deque[Packet[Any]]] = {video.index: deque(),
                                                         audio.index: deque()}

    def packets(self, stream: VideoStream | AudioStream) -> Iterator[Packet[Any]]:
        mine = self._waiting[stream.index]
        while True:
            if mine:
                yield mine.popleft()
                continue
            packet = next(self._packets, None)
            if packet is None:
                return
            if packet.stream.index == stream.index:
                yield packet
            elif packet.size:  # the demuxer's empty end-of-stream markers are not kept
                self._waiting[packet.stream.index].append(packet)


class AudioCopy:
    """Adds a copy of the source's AAC stream to `output` and yields its packets that sound
    in [start, end) of the source (absolute seconds), re-timed to the clip."""

    def __init__(self, stream: AudioStream, output: OutputContainer, start: Fraction,
                 end: Fraction) -> None:
        assert stream.time_base is not None
        self.stream, self.start, self.end = stream, start, end
        self.tb = stream.time_base
        self.out: AudioStream = output.add_stream_from_template(stream)

    def packets(self, source: Iterator[Packet[Any]]) -> Iterator[Packet[Any]]:
        offset = round(self.start / self.tb)
        first = math.floor(self.start / self.tb)  # in stream ticks, compared as integers
        stop = math.ceil(self.end / self.tb)
        for packet in source:
            if packet.size == 0 or packet.pts is None:
                continue
            if packet.pts >= stop:
                break
            if packet.pts + (packet.duration or 1) <= first:
                continue  # ends before the clip starts
            packet.pts -= offset
            packet.dts = packet.pts if packet.dts is None else packet.dts - offset
            packet.stream = self.out
            packet.time_base = self.tb
            yield packet

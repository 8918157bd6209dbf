"""Smart rendering of an H.264 range: copy the whole GOPs inside it, re-encode only the partial
GOP at the start (and, with B-frames, the last few frames at the end).

The re-encoded pieces come from libx264 with their own SPS/PPS ids, and the output's avcC
record carries the source's parameter sets plus these (ISO/IEC 14496-15 allows several).
Every splice point is an IDR picture, so each piece decodes on its own and a decoder only
switches parameter sets where the standard allows it. Checked with FFmpeg's decoder (pictures
of copied frames are bit-identical to the source); browsers, PowerPoint and hardware decoders
could not be tried here, so callers that need certainty can pass smart=False to export_clip."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterator
from fractions import Fraction
from typing import Any

import av
from av.container import InputContainer
from av.packet import Packet
from av.video.codeccontext import VideoCodecContext
from av.video.frame import PictureType, VideoFrame
from av.video.stream import VideoStream

from vsr.clips import avc
from vsr.clips.encode_thread import EncodeThread
from vsr.clips.plan import EncodeSpan, PacketInfo, SmartPlan, plan_smart
from vsr.clips.scan import FrameSpan
from vsr.clips.source import SourceInfo, first_video

# Source profiles whose pictures libx264 can match; others (10-bit, 4:2:2, ...) are
# re-encoded whole, which also makes them playable in browsers.
_PROFILES = {66: "baseline", 77: "main", 100: "high"}
# The re-encoded pieces sit between copied source GOPs: keep them close to source quality.
# The pieces are short (at most one GOP), so bits matter little and time a lot: measured on
# a 720p cut, ultrafast at CRF 16 came closer to the source (PSNR 58.8 dB against 50.2 dB for
# veryfast) for 2 % more bytes in the clip, at a third of the encoding time.
HEAD_CRF = "16"
HEAD_PRESET = "ultrafast"
_FRAME_THREADS_FROM = 16  # packets to decode for a piece before frame threads pay
_DROP_NALS = {avc.NAL_SPS, avc.NAL_PPS, 9}  # parameter sets live in avcC; 9 = access unit delimiter


class SpliceError(Exception):
    """The source did not demux the same way twice; the caller re-encodes instead."""


def smart_config(info: SourceInfo) -> avc.AvcConfig | None:
    """The source's avcC when its video can be smart-rendered, else None."""
    if info.video_codec != "h264" or info.pix_fmt != "yuv420p":
        return None
    if info.width % 2 or info.height % 2:
        return None
    config = avc.parse_avcc(info.extradata)
    if config is None or config.profile not in _PROFILES or not config.sps:
        return None
    try:
        avc.free_parameter_set_id(config)
    except (ValueError, IndexError):
        return None  # parameter sets we cannot read: do not guess their ids
    return config


def make_plan(packets: list[PacketInfo], span: FrameSpan) -> SmartPlan | None:
    if packets and packets[0].pts > span.first_pts and not packets[0].idr:
        return None  # the seek did not land on a usable start
    return plan_smart(packets, span.first_pts, span.last_pts)


class EncoderOpening:
    """The first piece's libx264 encoder, opened on a thread of its own while the range is
    scanned: a process's first libx264 open takes about 20 ms (x264 builds its tables), as
    long as the scan of a 30 s range. The piece that comes first (the head, else the tail)
    takes the first free parameter set id, so the encoder is opened with that one."""

    def __init__(self, stream: VideoStream, config: avc.AvcConfig) -> None:
        self.param_id = avc.free_parameter_set_id(config, set())
        self._encoder: VideoCodecContext | None = None
        self._thread: threading.Thread | None = None
        if self.param_id is not None:
            param_id = self.param_id
            self._thread = threading.Thread(target=self._open, args=(stream, config, param_id),
                                            name="clip-encoder-open", daemon=True)
            self._thread.start()

    def _open(self, stream: VideoStream, config: avc.AvcConfig, param_id: int) -> None:
        try:
            self._encoder = _encoder(stream, config, param_id)
        except Exception:  # noqa: BLE001 - opened again where it is used, failing there
            self._encoder = None

    def take(self, param_id: int) -> VideoCodecContext | None:
        """The opened encoder for `param_id` (None: open one there); taken once."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        encoder, self._encoder = self._encoder, None
        return encoder if param_id == self.param_id else None


class _Recoder:
    """Decodes source packets and re-encodes the frames of one EncodeSpan with libx264."""

    def __init__(
        self,
        stream: VideoStream,
        span: EncodeSpan,
        first_pts: int,
        config: avc.AvcConfig,
        param_id: int,
        durations: dict[int, int],
        encoder: VideoCodecContext | None = None,
    ) -> None:
        self.span = span
        self.first_pts = first_pts
        self.length_size = config.length_size
        self.durations = durations
        decoder = av.CodecContext.create(stream.codec_context.name, "r")
        assert isinstance(decoder, VideoCodecContext)
        self.decoder = decoder
        self.decoder.extradata = stream.codec_context.extradata
        # Frame threads pay for a piece of many pictures (a camera's High-profile GOP with
        # B-frames and CABAC decodes at 8-25 ms a picture), not for a short one (measured on
        # a 720p head: 11 ms against 22 ms of CPU for 13 frames of an ultrafast file).
        self.decoder.thread_type = (
            "FRAME" if span.feed_to - span.feed_from >= _FRAME_THREADS_FROM else "NONE")
        self.skipped = 0  # packets not decoded: pictures before the piece nothing refers to
        self.encoder = encoder if encoder is not None else _encoder(stream, config, param_id)
        self.time_base = stream.time_base or Fraction(1, 90000)
        self.sps, self.pps = _parameter_sets(bytes(self.encoder.extradata or b""))
        self.encoding: EncodeThread | None = None  # started at the first packet

    def feed(
        self, packet: Packet[Any] | None, tick: Callable[[int], None]
    ) -> Iterator[Packet[Any]]:
        """Decode `packet` (None: the end of the piece) and yield what is encoded so far."""
        if self.encoding is None:
            self.encoding = EncodeThread(self._encode)
        if self._not_needed(packet):
            self.skipped += 1
            return
        for frame in self.decoder.decode(packet):
            if frame.pts is None or not self.span.first_pts <= frame.pts <= self.span.last_pts:
                continue
            self.encoding.put(frame)
            tick(1)
        yield from (self.encoding.finish() if packet is None else self.encoding.ready())

    def _not_needed(self, packet: Packet[Any] | None) -> bool:
        """A picture shown before the piece that no other picture refers to: decoding it
        would only be thrown away (the B-frames of a camera's GOP, about half of them)."""
        return (packet is not None and packet.pts is not None
                and packet.pts < self.span.first_pts
                and avc.is_disposable_sample(memoryview(packet), self.length_size))

    def close(self) -> None:
        if self.encoding is not None:
            self.encoding.close()

    def _encode(self, frame: VideoFrame | None) -> Iterator[Packet[Any]]:
        if frame is not None:
            frame.pict_type = PictureType.NONE  # let x264 choose; a decoded I would force one
            frame.time_base = self.time_base
        for out in self.encoder.encode(frame):
            assert out.pts is not None
            units = [u for u in avc.split_annexb(bytes(out)) if avc.nal_type(u) not in _DROP_NALS]
            packet = Packet(avc.to_length_prefixed(units, self.length_size))
            packet.pts = out.pts - self.first_pts
            packet.dts = packet.pts - self.span.dts_shift
            packet.duration = self.durations.get(out.pts, 0)
            packet.time_base = self.time_base
            packet.is_keyframe = any(avc.nal_type(u) == avc.NAL_SLICE_IDR for u in units)
            yield packet


def _encoder(stream: VideoStream, config: avc.AvcConfig, param_id: int) -> VideoCodecContext:
    src = stream.codec_context
    enc = av.CodecContext.create("libx264", "w")
    assert isinstance(enc, VideoCodecContext)
    enc.width, enc.height, enc.pix_fmt = src.width, src.height, "yuv420p"
    enc.time_base = stream.time_base or Fraction(1, 90000)
    enc.framerate = stream.guessed_rate or Fraction(25)
    if src.sample_aspect_ratio:
        enc.sample_aspect_ratio = src.sample_aspect_ratio
    enc.color_range, enc.color_primaries = src.color_range, src.color_primaries
    enc.color_trc, enc.colorspace = src.color_trc, src.colorspace
    enc.flags |= av.codec.context.Flags.global_header  # SPS/PPS in extradata, not in-band
    enc.options = {
        "preset": HEAD_PRESET,
        "crf": HEAD_CRF,
        "profile": _PROFILES[config.profile],
        # No B-frames, so dts = pts - shift stays in order; no extra IDRs inside the piece.
        "x264-params": f"sps-id={param_id}:bframes=0:scenecut=0:keyint=infinite",
    }
    enc.open()
    return enc


def _parameter_sets(extradata: bytes) -> tuple[list[bytes], list[bytes]]:
    units = avc.split_annexb(extradata)
    return (
        [u for u in units if avc.nal_type(u) == avc.NAL_SPS],
        [u for u in units if avc.nal_type(u) == avc.NAL_PPS],
    )


class SmartVideo:
    """Produces the output video packets for a SmartPlan, in decode order."""

    def __init__(
        self,
        container: InputContainer,
        info: SourceInfo,
        config: avc.AvcConfig,
        packets: list[PacketInfo],
        plan: SmartPlan,
        opening: EncoderOpening | None = None,
    ) -> None:
        stream = first_video(container)
        assert stream is not None
        self.container, self.stream, self.packets, self.plan = container, stream, packets, plan
        self.info = info
        durations = {p.pts: p.duration for p in packets}
        self.recoders: list[_Recoder] = []
        taken: set[int] = set()
        sps: list[bytes] = []
        pps: list[bytes] = []
        for span in (plan.head, plan.tail):
            if span is None:
                continue
            param_id = avc.free_parameter_set_id(config, taken)
            if param_id is None:
                raise SpliceError("no free parameter set id")
            taken.add(param_id)
            opened = opening.take(param_id) if opening is not None else None
            recoder = _Recoder(stream, span, plan.first_pts, config, param_id, durations,
                               opened)
            self.recoders.append(recoder)
            sps += recoder.sps
            pps += recoder.pps
        self.extradata = avc.build_avcc(avc.merge_parameter_sets(config, sps, pps))
        self.reencoded = sum(span.frames for span in (plan.head, plan.tail) if span)

    def packets_for(
        self, out: VideoStream, demuxed: Iterator[Packet[Any]], tick: Callable[[int], None]
    ) -> Generator[Packet[Any], None, None]:
        """The clip's video packets from `demuxed`: the source's video packets read on from
        a `seek_before` the clip's start."""
        try:
            yield from self._packets(out, demuxed, tick)
        finally:  # also when the export fails or is cancelled half-way
            for recoder in self.recoders:
                recoder.close()

    def _packets(
        self, out: VideoStream, demuxed: Iterator[Packet[Any]], tick: Callable[[int], None]
    ) -> Iterator[Packet[Any]]:
        plan = self.plan
        head = next((r for r in self.recoders if r.span is plan.head), None)
        tail = next((r for r in self.recoders if r.span is plan.tail), None)
        index = 0
        for packet in demuxed:
            if packet.size == 0:
                continue
            if index >= plan.stop_index:
                break
            expected = self.packets[index]
            if (packet.pts, packet.dts) != (expected.pts, expected.dts):
                raise SpliceError(f"packet {index} moved")
            if head is not None and head.span.feed_from <= index < head.span.feed_to:
                yield from _to(out, head.feed(packet, tick))
            if head is not None and index == plan.copy_from:
                yield from _to(out, head.feed(None, tick))
            if plan.copy_from <= index < plan.copy_to:
                assert packet.pts is not None and packet.dts is not None
                packet.pts -= plan.first_pts
                packet.dts -= plan.first_pts
                packet.stream = out
                yield packet
                tick(1)
            if tail is not None and tail.span.feed_from <= index < tail.span.feed_to:
                yield from _to(out, tail.feed(packet, tick))
                if index == tail.span.feed_to - 1:
                    yield from _to(out, tail.feed(None, tick))
            index += 1
        if index < plan.stop_index:
            raise SpliceError("the source ended early")


def _to(out: VideoStream, packets: Iterator[Packet[Any]]) -> Iterator[Packet[Any]]:
    for packet in packets:
        packet.stream = out
        yield packet

"""export_clip: one frame-accurate MP4 clip (H.264 + AAC, moov first) from a recording.

Without anonymisation an H.264 source is smart-rendered (whole GOPs copied, only the partial
GOPs at the cuts re-encoded); otherwise the video is re-encoded whole. The file appears only
when it is complete: it is written to a temp file beside `out` and renamed at the end."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import av
import av.error
from av.container import InputContainer, OutputContainer
from av.packet import Packet

from vsr.clips.audio_copy import AudioCopy, PacketSplitter, can_copy
from vsr.clips.errors import Cancelled, ClipRangeError
from vsr.clips.scan import FrameSpan, Kept, frame_span, scan_packets
from vsr.clips.smart import EncoderOpening, SmartVideo, SpliceError, make_plan, smart_config
from vsr.clips.source import (
    SourceInfo,
    first_audio,
    first_video,
    inspect_source,
    open_media,
    read_rotation,
)
from vsr.dates import clock
from vsr.errors import MediaError, StorageError, VsrError
from vsr.media.opener import open_output, storage_error

if TYPE_CHECKING:  # the face detector (OpenCV) loads only for an anonymised clip
    from vsr.clips.avc import AvcConfig
    from vsr.clips.faces import FaceAnonymizer
    from vsr.clips.reencode import FrameFilter

# Audio packets are written at most this far ahead of the video, so players read both in step.
_INTERLEAVE = 0.5


@dataclass(frozen=True, slots=True)
class ClipResult:
    path: Path
    start_ms: int  # source time of the clip's first frame
    end_ms: int  # source time just after its last frame
    frames: int
    mode: str  # "smart" (GOPs copied), "reencode", or "audio" (the source has no video)
    copied_frames: int
    reencoded_frames: int
    has_audio: bool

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


def export_clip(
    src: Path,
    start_ms: int,
    end_ms: int,
    out: Path,
    *,
    anonymize: FaceAnonymizer | None = None,
    keep_audio: bool = True,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    smart: bool = True,
    metadata: Mapping[str, str] | None = None,
) -> ClipResult:
    """Write the part [start_ms, end_ms) of `src` to `out`; an end past the recording is cut
    at its end. Raises Cancelled when `cancel` returns True, and VsrError subclasses for
    unusable sources, bad ranges and full disks; then nothing is left at or beside `out`.
    `smart=False` forces a full re-encode. `metadata` (e.g. title, comment) is written as the
    file's tags; nothing of the source's tags is carried over (they may name the client)."""
    src, out = Path(src), Path(out)
    # Opened once: an hour-long MP4's index alone takes a noticeable time to read.
    with open_media(src) as source:
        # Its rotation matters only to a re-encode, which reads it then (it decodes a picture).
        info = inspect_source(src, source, rotation=False)
        _check_range(info, start_ms, end_ms)
        if info.duration_ms:
            end_ms = min(end_ms, info.duration_ms)
        job = _Job(info, out, start_ms, end_ms, anonymize, keep_audio, progress, cancel,
                   dict(metadata or {}))
        job.source = source
        try:
            return _write_atomically(out, src, lambda tmp: job.run(tmp, smart))
        except SpliceError:
            return _write_atomically(out, src, lambda tmp: job.run(tmp, False))


def _check_range(info: SourceInfo, start_ms: int, end_ms: int) -> None:
    duration = info.duration_ms
    if start_ms < 0 or end_ms <= start_ms or (duration and start_ms >= duration):
        raise ClipRangeError(
            path=str(info.path),
            start=_clock(start_ms),
            end=_clock(end_ms),
            duration=_clock(duration),
        )


def _clock(ms: int) -> str:
    """Exact (a cut is an edit to the frame); a time before the start keeps its minus."""
    return ("-" if ms < 0 else "") + clock(abs(ms), exact=True)


def _write_atomically(out: Path, source: Path, write: Callable[[Path], ClipResult]) -> ClipResult:
    if not out.parent.is_dir():
        raise StorageError(reason="reason.folder_missing", folder=str(out.parent))
    # A fresh name rather than mkstemp: the file gets the usual permissions, not 0600.
    tmp = out.parent / f".{out.stem}.{uuid.uuid4().hex[:12]}.part"
    try:
        result = write(tmp)
        os.replace(tmp, out)
        return result
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        translated = _user_error(exc, source)
        if translated is None:
            raise
        raise translated from exc


def _user_error(exc: BaseException, source: Path) -> VsrError | None:
    """The message for a failure the user can act on; None to pass the exception on as is."""
    if isinstance(exc, Cancelled | VsrError | SpliceError):
        return None
    if isinstance(exc, OSError):  # PyAV's I/O errors are OSErrors too: writing failed
        return storage_error(exc)
    if isinstance(exc, av.error.FFmpegError):
        return MediaError(path=str(source), reason=str(exc))
    return None


class _Job:
    """One export: its settings, the route it takes, and progress bookkeeping."""

    def __init__(
        self,
        info: SourceInfo,
        out: Path,
        start_ms: int,
        end_ms: int,
        anonymize: FrameFilter | None,
        keep_audio: bool,
        progress: Callable[[float], None] | None,
        cancel: Callable[[], bool] | None,
        metadata: dict[str, str] | None = None,
    ) -> None:
        self.info, self.out, self.anonymize, self.keep_audio = info, out, anonymize, keep_audio
        self.metadata = metadata or {}
        self.start = info.origin + Fraction(start_ms, 1000)
        self.end = info.origin + Fraction(end_ms, 1000)
        self.progress, self.cancel = progress, cancel
        self.source: InputContainer | None = None  # the file export_clip opened, if any
        self.rotation_read = False  # export_clip leaves the rotation to a re-encode
        self.total = 1
        self.done = 0
        self.reported = -1.0

    def tick(self, count: int = 0) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        self.done += count
        fraction = min(1.0, self.done / self.total)
        if self.progress is not None and fraction - self.reported >= 0.01:
            self.reported = fraction
            self.progress(fraction)

    def run(self, tmp: Path, smart: bool) -> ClipResult:
        self.done, self.reported = 0, -1.0
        self.tick()
        with ExitStack() as stack:
            output = stack.enter_context(
                open_output(tmp, format="mp4", container_options={"movflags": "+faststart"})
            )
            output.metadata.update({k: v for k, v in self.metadata.items() if v})
            if self.info.has_video:
                result = self._video(output, stack, smart)
            else:
                result = self._audio_only(output, stack)
        if self.progress is not None and self.reported < 1.0:
            self.progress(1.0)
        return result

    def _video(self, output: OutputContainer, stack: ExitStack, smart: bool) -> ClipResult:
        config = smart_config(self.info) if smart and self.anonymize is None else None
        # The smart route reads on in the file export_clip opened. A full re-encode (also the
        # fall-back when a file does not demux the same way twice) reads freshly opened files,
        # so a file that cannot seek is read from its start instead of from where a pass ended.
        source = self.source if config is not None and self.source is not None else None
        if source is None:
            source = stack.enter_context(open_media(self.info.path))
        keep = self._keep(source) if config is not None else None
        opening = _open_encoder(source, config)
        try:
            return self._cut(output, stack, smart, source, config, keep, opening)
        finally:
            if opening is not None:
                opening.take(-1)  # a fall-back or a failure: let the unused encoder go

    def _cut(self, output: OutputContainer, stack: ExitStack, smart: bool,
             source: InputContainer, config: AvcConfig | None, keep: Kept | None,
             opening: EncoderOpening | None) -> ClipResult:
        tb = self.info.time_base
        assert tb is not None
        packets = scan_packets(source, self.start, self.end,
                               config.length_size if config else 0, keep)
        span = frame_span(packets, self.start, self.end, tb)
        if not packets or (span is not None and span.end_pts * tb < self.start):
            # The header promises pictures that the file does not hold (cut off).
            raise MediaError("error.media.truncated", path=str(self.info.path))
        if span is None:
            raise ClipRangeError(
                path=str(self.info.path),
                start=_clock(self._ms(self.start)),
                end=_clock(self._ms(self.end)),
                duration=_clock(self.info.duration_ms),
            )
        self.total = span.frames
        plan = make_plan(packets, span) if config is not None else None
        if plan is not None and config is not None and keep is not None:
            video = SmartVideo(source, self.info, config, packets, plan, opening)
            return self._smart(output, stack, keep.replay(source, self.start), video, span)
        if not self.rotation_read:
            self.info = replace(self.info, rotation=read_rotation(self.info.path))
            self.rotation_read = True
        source = stack.enter_context(open_media(self.info.path))
        from vsr.clips.reencode import ReencodeVideo  # numpy: only a re-encode loads it

        encoder = ReencodeVideo(source, self.info, output, self.anonymize)
        audio = self._audio(output, stack, span)
        _mux(output, encoder.packets(self.start, self.end, span, self.tick), audio)
        frames = replace(span, frames=encoder.frames)
        return self._result("reencode", frames, 0, encoder.frames, audio is not None)

    def _keep(self, source: InputContainer) -> Kept:
        """What the scan keeps for the smart pass: the video, and AAC sound to be copied."""
        video = first_video(source)
        assert video is not None
        sound = first_audio(source) if self.keep_audio and self.info.has_audio else None
        return Kept((video, sound) if sound is not None and can_copy(sound) else (video,))

    def _smart(self, output: OutputContainer, stack: ExitStack, read: Iterator[Packet[Any]],
               video: SmartVideo, span: FrameSpan) -> ClipResult:
        """Whole GOPs and (AAC) audio packets copied, in one pass over the packets `read`
        (the kept streams from the keyframe before the start)."""
        tb = self.info.time_base
        assert tb is not None
        out = output.add_stream_from_template(video.stream)
        out.codec_context.extradata = video.extradata
        sound = first_audio(video.container) if self.keep_audio and self.info.has_audio else None
        audio: Iterator[Packet[Any]] | None
        if sound is not None and can_copy(sound):
            split = PacketSplitter(read, video.stream, sound)
            demuxed = split.packets(video.stream)
            copy = AudioCopy(sound, output, span.first_pts * tb, span.end_pts * tb)
            audio = copy.packets(split.packets(sound))
        else:  # other sound is re-encoded as AAC, from its own reading of the file
            demuxed = read
            audio = self._audio(output, stack, span)
        packets = video.packets_for(out, demuxed, self.tick)
        try:
            _mux(output, packets, audio)
        finally:  # stops its encoding thread now, not when a failure's traceback is let go
            packets.close()
        return self._result(
            "smart", span, span.frames - video.reencoded, video.reencoded, audio is not None
        )

    def _audio(
        self, output: OutputContainer, stack: ExitStack, span: FrameSpan | None
    ) -> Iterator[Packet[Any]] | None:
        if not (self.keep_audio and self.info.has_audio):
            return None
        source: InputContainer = stack.enter_context(open_media(self.info.path))
        from vsr.clips.audio import AudioCut  # numpy: only sound that is not copied loads it

        if span is None:
            return AudioCut(source, output, self.start, self.end).packets()
        tb = self.info.time_base
        assert tb is not None
        return AudioCut(source, output, span.first_pts * tb, span.end_pts * tb).packets()

    def _audio_only(self, output: OutputContainer, stack: ExitStack) -> ClipResult:
        audio = self._audio(output, stack, None)
        if audio is None:
            raise ClipRangeError("error.clip.nothing", path=str(self.info.path))
        for packet in audio:
            self.tick()
            output.mux(packet)
        return ClipResult(
            self.out, self._ms(self.start), self._ms(self.end), 0, "audio", 0, 0, True
        )

    def _ms(self, seconds: Fraction) -> int:
        return round((seconds - self.info.origin) * 1000)

    def _result(
        self, mode: str, span: FrameSpan, copied: int, reencoded: int, has_audio: bool
    ) -> ClipResult:
        tb = self.info.time_base
        assert tb is not None
        return ClipResult(
            self.out,
            self._ms(span.first_pts * tb),
            self._ms(span.end_pts * tb),
            span.frames,
            mode,
            copied,
            reencoded,
            has_audio,
        )


def _open_encoder(source: InputContainer, config: AvcConfig | None) -> EncoderOpening | None:
    """For a smart cut: the head's encoder, opened while the range is scanned."""
    video = first_video(source) if config is not None else None
    return EncoderOpening(video, config) if video is not None and config is not None else None


def _mux(
    output: OutputContainer, video: Iterator[Packet[Any]], audio: Iterator[Packet[Any]] | None
) -> None:
    """Write the video packets, each with the audio packets that belong before it."""
    write = _InOrder(output).mux
    if audio is None:
        for packet in video:
            write(packet)
        return
    clock = _Clock()
    pending = next(audio, None)
    for packet in video:
        if pending is not None:
            until = clock.seconds(packet) + _INTERLEAVE
            while pending is not None and clock.seconds(pending) <= until:
                write(pending)
                pending = next(audio, None)
        write(packet)
    while pending is not None:
        write(pending)
        pending = next(audio, None)


class _InOrder:
    """Muxes packets whose decode times keep rising per stream, as the MP4 muxer demands: a
    copied packet whose dts is not after the one before (two sound packets with one time
    where pieces of a recording were joined) is moved to just after it, as ffmpeg does
    when it copies; before, the whole clip failed with "Invalid argument"."""

    def __init__(self, output: OutputContainer) -> None:
        self._output = output
        self._last: dict[int, int] = {}  # output stream index -> the last dts written

    def mux(self, packet: Packet[Any]) -> None:
        dts = packet.dts
        if dts is not None:
            index = packet.stream.index
            last = self._last.get(index)
            if last is not None and dts <= last:
                dts = packet.dts = last + 1
                if packet.pts is not None and packet.pts < dts:
                    packet.pts = dts
            self._last[index] = dts
        self._output.mux(packet)


class _Clock:
    """A packet's decode time in seconds, as a float: exact Fractions for every packet of a
    clip cost more than the muxing itself, and interleaving needs no such precision."""

    def __init__(self) -> None:
        self._scale: dict[int, float] = {}  # output stream index -> seconds per tick

    def seconds(self, packet: Packet[Any]) -> float:
        stamp = packet.dts if packet.dts is not None else packet.pts
        if stamp is None:
            return 0.0
        index = packet.stream.index
        scale = self._scale.get(index)
        if scale is None:
            tb = packet.time_base
            scale = self._scale[index] = float(tb) if tb is not None else 0.0
        return stamp * scale

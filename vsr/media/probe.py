"""Probe a media file with PyAV: what is in it, and can it really be decoded.

Opening the container is not enough: a truncated MP4 (corpus invalid_userdata.mp4) has a perfect
header that promises 231 s but no sample data. So `probe` also decodes the first frame of the
main stream, within fixed packet/byte/time limits, and peeks at the end of the file to see whether
the promised duration is really there. It never reads a whole file, so a 1-hour recording opens
in a fraction of a second.

Warnings are message keys (`warning.media.*` in `vsr.i18n`), so the UI can word them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
from av.audio.stream import AudioStream
from av.container import InputContainer
from av.stream import Disposition, Stream
from av.video.frame import VideoFrame
from av.video.stream import VideoStream

from vsr.errors import MediaError
from vsr.media.local_file import check_local_file
from vsr.media.opener import open_media, reason_text, rotation_of
from vsr.media.probe_end import check_end
from vsr.model import MAX_RECORDING_MS, ProbeResult

# Limits for finding the first decodable frame: generous for sparse keyframes, still bounded.
FIRST_FRAME_MAX_PACKETS = 600
FIRST_FRAME_MAX_BYTES = 64 * 1024 * 1024
PHASE_TIME_LIMIT_S = 5.0
MAX_DURATION_US = MAX_RECORDING_MS * 1000
# Frame rates outside this range are container defaults (e.g. 1000 for a 1/1000 time base).
PLAUSIBLE_FPS = (0.5, 300.0)

WARN_UNKNOWN_DURATION = "warning.media.unknown_duration"
WARN_UNKNOWN_FPS = "warning.media.unknown_fps"
WARN_DAMAGED = "warning.media.damaged"
WARN_END_MISSING = "warning.media.end_missing"
WARN_AUDIO_UNREADABLE = "warning.media.audio_unreadable"


def probe(path: str | Path) -> ProbeResult:
    """Describe the media file at `path`; raise `MediaError` when it cannot be used."""
    file = check_local_file(path)
    container = open_media(file)
    try:
        return _probe_container(file, container)
    finally:
        container.close()


def _probe_container(file: Path, container: InputContainer) -> ProbeResult:
    video = pick_video_stream(container)
    audio = pick_audio_stream(container)
    if video is None and audio is None:
        raise MediaError("error.media.no_streams", path=str(file))
    # (a picture too big to decode safely was refused by open_media)
    if video is not None and audio is None and _is_still_picture(container):
        raise MediaError("error.media.still_picture", path=str(file))
    if audio is not None and not _plausible_sample_rate(audio):
        if video is None:  # a header that turns 1 s of sound into hours: refuse, not believe
            raise MediaError("error.media.sample_rate", path=str(file),
                             rate=audio.codec_context.sample_rate)
        audio = None  # the picture is still usable; the "sound" is not
    warnings: list[str] = []
    decoded = _decode_first_frames(file, container, video, audio)
    if decoded.damaged:
        warnings.append(WARN_DAMAGED)
    has_audio = audio is not None and (decoded.audio_ok or not decoded.audio_seen)
    if audio is not None and not has_audio:
        if video is None:
            raise MediaError("error.media.unreadable", path=str(file), reason=decoded.reason)
        warnings.append(WARN_AUDIO_UNREADABLE)

    duration_us = _readable_duration_us(file, container, warnings)
    fps = _fps(video) if video is not None else 0.0
    if video is not None and fps == 0.0:
        warnings.append(WARN_UNKNOWN_FPS)
    width = height = 0
    if video is not None:
        width = video.codec_context.width or (
            decoded.video_frame.width if decoded.video_frame else 0
        )
        height = video.codec_context.height or (
            decoded.video_frame.height if decoded.video_frame else 0
        )
    return ProbeResult(
        duration_ms=duration_us // 1000,
        has_video=video is not None,
        has_audio=has_audio,
        width=width,
        height=height,
        fps=fps,
        rotation=rotation_of(video, decoded.video_frame) if video is not None else 0,
        video_codec=video.codec_context.codec.canonical_name if video is not None else "",
        audio_codec=audio.codec_context.codec.canonical_name if has_audio and audio else "",
        container=container.format.name,
        warnings=tuple(warnings),
    )


# Image formats FFmpeg reads as a one-frame "video" (a photo is not a recording).
STILL_FORMATS = ("image2", "jpeg_pipe", "png_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe",
                 "gif_pipe", "svg_pipe", "heif", "avif")
# The range of real recorded sound; a WAV header with a sample rate of 1 Hz makes 1 s of data
# last 13 hours, and a duration read from such a header is not what is really there.
MIN_SAMPLE_RATE = 4_000
MAX_SAMPLE_RATE = 768_000


def _is_still_picture(container: InputContainer) -> bool:
    name = container.format.name
    return name in STILL_FORMATS or name.endswith("_pipe")


def _plausible_sample_rate(stream: AudioStream) -> bool:
    rate = stream.codec_context.sample_rate or 0  # 0: not in the header, known when decoded
    return rate == 0 or MIN_SAMPLE_RATE <= rate <= MAX_SAMPLE_RATE


def pick_video_stream(container: InputContainer) -> VideoStream | None:
    """The first real video stream: cover art in music files (attached pictures) does not count."""
    for stream in container.streams.video:
        if stream.codec_context is None:
            continue  # no decoder for this codec in our FFmpeg
        if stream.disposition & Disposition.attached_pic:
            continue
        return stream
    return None


def pick_audio_stream(container: InputContainer) -> AudioStream | None:
    for stream in container.streams.audio:
        if stream.codec_context is not None:
            return stream
    return None


@dataclass
class _FirstFrames:
    video_frame: VideoFrame | None = None
    audio_ok: bool = False
    # False when the limits stopped the search before any audio packet came by (audio that
    # starts late): then the audio is not judged.
    audio_seen: bool = False
    damaged: bool = False
    reason: str = "no picture or sound could be decoded"


def _decode_first_frames(
    file: Path,
    container: InputContainer,
    video: VideoStream | None,
    audio: AudioStream | None,
) -> _FirstFrames:
    """Decode one frame of the main stream (video, else audio) and, if present, of the audio.

    Raises `error.media.truncated` when the streams hold no data at all, and
    `error.media.unreadable` when there is data but the main stream does not decode.
    """
    result = _FirstFrames()
    wanted: list[VideoStream | AudioStream] = [s for s in (video, audio) if s is not None]
    main = wanted[0]
    by_index = {stream.index: stream for stream in wanted}
    packets = nbytes = 0
    deadline = time.monotonic() + PHASE_TIME_LIMIT_S

    def done() -> bool:
        return (video is None or result.video_frame is not None) and (
            audio is None or result.audio_ok
        )

    try:
        for packet in container.demux(wanted):
            if packet.size == 0:
                continue  # the empty packets PyAV yields at the end to flush decoders
            packets += 1
            nbytes += packet.size
            result.audio_seen |= audio is not None and packet.stream.index == audio.index
            _decode_into(result, by_index[packet.stream.index], packet)
            if done() or packets >= FIRST_FRAME_MAX_PACKETS or nbytes >= FIRST_FRAME_MAX_BYTES:
                break
            if time.monotonic() > deadline:
                break
        else:
            result.audio_seen = True  # the whole file was read: no audio packet means none
    except Exception as exc:  # a demux error after some data: note it, judge by what decoded
        result.damaged = True
        result.reason = reason_text(exc)
        result.audio_seen = True
    if packets == 0:
        raise MediaError("error.media.truncated", path=str(file))
    if not done():
        for stream in wanted:  # decoders may hold back frames (B-frames, one-frame files)
            _decode_into(result, stream, None)
    main_ok = result.video_frame is not None if main is video else result.audio_ok
    if not main_ok:
        raise MediaError("error.media.unreadable", path=str(file), reason=result.reason)
    return result


def _decode_into(
    result: _FirstFrames, stream: VideoStream | AudioStream, packet: av.Packet[Stream] | None
) -> None:
    if isinstance(stream, VideoStream) and result.video_frame is not None:
        return
    if isinstance(stream, AudioStream) and result.audio_ok:
        return
    try:
        frames = stream.codec_context.decode(packet)
    except Exception as exc:  # a damaged packet; a later one may still decode
        result.damaged = True
        result.reason = reason_text(exc)
        return
    for frame in frames:
        if isinstance(frame, VideoFrame):
            result.video_frame = frame
        else:
            result.audio_ok = True
        break


def _duration_us(container: InputContainer) -> int:
    """Duration in microseconds: the container's, else the longest stream's, else 0."""
    if container.duration and container.duration > 0:
        return int(container.duration)
    longest = Fraction(0)
    for stream in container.streams:
        if stream.duration and stream.time_base:
            longest = max(longest, stream.duration * stream.time_base)
    return int(longest * 1_000_000)


def _readable_duration_us(file: Path, container: InputContainer, warnings: list[str]) -> int:
    """The duration that can really be played: the declared one, or where the data stops.

    A duration beyond any real recording (a broken or hostile header) is refused unless the
    data's real end can be found: the timeline cannot show 10^9 seconds.
    """
    start_us = container.start_time or 0
    duration_us = _duration_us(container)
    if duration_us <= 0:
        warnings.append(WARN_UNKNOWN_DURATION)
        return 0
    end = check_end(container, start_us, duration_us)
    if end.missing:
        warnings.append(WARN_END_MISSING)
    if end.readable_end_us is not None:
        duration_us = max(0, end.readable_end_us - start_us)
    if duration_us > MAX_DURATION_US:
        raise MediaError("error.media.absurd_duration", path=str(file),
                         hours=duration_us // 3_600_000_000)
    return duration_us


def _fps(stream: VideoStream) -> float:
    """The average frame rate; the container's base or guessed rate when the average is unknown
    (Ogg Theora reports no average)."""
    for rate in (stream.average_rate, stream.base_rate, stream.guessed_rate):
        if rate is not None and rate > 0:
            value = float(rate)
            if PLAUSIBLE_FPS[0] <= value <= PLAUSIBLE_FPS[1]:
                return round(value, 3)
    return 0.0

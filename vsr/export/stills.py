"""A still picture from the recording at a moment, for the learning summary. Off by default:
faces are personal data. A recording that is missing or cannot be decoded gives no still.
In an anonymised summary (names replaced) every face in a still is blurred by the same face
anonymiser as the clips (`blur_faces`, `StillFaces`); a still whose faces cannot be looked for (the model
is missing) is left out rather than shown.

A summary asks for many stills of one recording, so `StillReader` opens the file (and parses
its index, which is large for an hour of video) once and seeks for each still. Frames are
decoded up to the wanted one but only that one is converted, scaled down in the same step.
`StillReader.grab_many` takes all of a summary's moments at once and makes their stills in one
pass in time order (`_Pass`): it reads the packets ahead (demuxing costs nothing next to
decoding), so it knows each moment's picture before decoding it, decodes only the pictures the
stills show and the ones they refer to, and after the last still of a stretch drains the
decoder instead of decoding on until the picture comes out; within a stretch, after the last
still of a GOP it starts again at the next keyframe. Two threads share the moments, in pieces
of about 10 s, each taking the next piece when done with one (`_pieces`, `_in_two`), so a
short recording's summary, whose moments are all close together, uses both cores too."""

from __future__ import annotations

import threading
from bisect import bisect_left, insort
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

import av
import cv2
import numpy as np
import numpy.typing as npt
from av.container import InputContainer
from av.packet import Packet
from av.video.frame import VideoFrame
from av.video.stream import VideoStream

from vsr.clips.source import first_video
from vsr.errors import VsrError
from vsr.media import nal
from vsr.media.opener import open_media, upright

STILL_WIDTH = 480
FACE_LOOK_WIDTH = 2  # faces are looked for at twice the still's width (small ones too)
JPEG_QUALITY = 85
PIECE_MS = 10_000  # the longest piece of close moments one thread makes (`_pieces`)
_ERRORS = (av.FFmpegError, OSError, ValueError)


class StillReader:
    """JPEG stills of one recording; the file is opened at the first still and kept open
    until `close()` (or the end of a `with` block)."""

    def __init__(self, path: Path | str, *, rotation: int = 0, width: int = STILL_WIDTH,
                 blur_faces: bool = False) -> None:
        self._path, self._rotation, self._width = str(path), rotation, width
        self._blur_faces = blur_faces
        self._faces: StillFaces | None = None
        self._container: InputContainer | None = None
        self._stream: VideoStream | None = None
        self._failed = False
        self._decoding: _Decoding | None = None

    def __enter__(self) -> StillReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._container is not None:
            self._container.close()
        self._container, self._stream, self._decoding = None, None, None

    def _open(self) -> VideoStream | None:
        if self._stream is None and not self._failed:
            try:
                self._container = open_media(self._path, threads=True)
            except VsrError:  # missing, not media, too big: no still
                self._failed = True
                return None
            self._stream = first_video(self._container)  # cover art is no recording
            if self._stream is None:
                self._failed = True
                return None
        return self._stream

    def grab(self, at_ms: int) -> bytes | None:
        """A JPEG of the first frame at or after `at_ms`, scaled to the reader's width."""
        stream = self._open()
        if stream is None or self._container is None:
            return None
        try:
            frame = self._frame_at(self._container, stream, at_ms + _origin_ms(self._container))
            return None if frame is None else self._jpeg(frame)
        except _ERRORS:
            self._decoding = None  # the next still seeks afresh
            return None

    def grab_many(self, times_ms: Sequence[int], done: Callable[[int], None] | None = None,
                  *, ready: Callable[[int, bytes | None], None] | None = None
                  ) -> list[bytes | None]:
        """`grab` of every time in `times_ms` (in any order, repeats allowed), made in one pass
        over the recording in time order; the same pictures as one `grab` each. `done(n)` is
        called as the stills are made (n of the distinct times so far), `ready(at_ms, still)`
        with each still as soon as it is made."""
        order = sorted(set(times_ms))
        pieces = _pieces(order)
        in_two = len(pieces) > 1 and not self._blur_faces
        # The threads open the file each for themselves: opening it here as well (an hour's
        # index read) is for `grab`, only when a moment is left to it.
        stream = None if in_two else self._open()
        if self._failed or (not in_two and (stream is None or self._container is None)):
            return [None] * len(times_ms)
        made: dict[int, bytes | None] = {}
        self._decoding = None

        def given(count: int, at_ms: int) -> None:
            if ready is not None:
                ready(at_ms, made[at_ms])
            if done is not None:
                done(count)

        try:
            if in_two:
                self._in_two(pieces, made, given)
            elif stream is not None and self._container is not None:
                _Pass(self._container, stream, self._jpeg, made, given,
                      _origin_ms(self._container)).run(order)
        except _ERRORS:
            pass  # what was made is kept; the rest is grabbed one by one below
        finally:
            if stream is not None:
                stream.codec_context.flush_buffers()
        for at_ms in order:  # not reached in the pass (the file's end, an open GOP, damage)
            if at_ms not in made:
                made[at_ms] = self.grab(at_ms)
                given(len(made), at_ms)
        return [made[at_ms] for at_ms in times_ms]

    def _in_two(self, pieces: list[list[int]], made: dict[int, bytes | None],
                given: Callable[[int, int], None]) -> None:
        """Pieces of moments (`_pieces`) need nothing of each other: two threads make them,
        each from a file of its own with a decoder on one thread (both cores busy, without
        frame threads' overhead and their pictures decoded ahead at every seek; decoding
        lets go of the interpreter lock). Each takes the first piece not taken yet when it is
        done with one (a still costs from one picture to a whole GOP: fixed halves end apart),
        so both go through the recording from its start at about the same pace and the stills
        come about in time order, the order the summary is laid out in. A moment a thread
        could not place is left to the caller."""
        lock = threading.Lock()
        failures: list[BaseException] = []
        taken = [2]  # the first two pieces are the threads' first

        def told(_count: int, at_ms: int) -> None:
            with lock:
                given(len(made), at_ms)

        def work(first: int) -> None:
            try:
                with open_media(self._path) as container:
                    video = first_video(container)
                    if video is None:
                        return
                    # One thread each: FFmpeg's slice threads (its default) add work and
                    # win nothing when both cores already decode.
                    video.codec_context.thread_type = "NONE"
                    video.codec_context.thread_count = 1
                    making = _Pass(container, video, self._jpeg, made, told,
                                   _origin_ms(container))
                    index = first
                    while index < len(pieces):
                        making.run(pieces[index])
                        with lock:
                            index, taken[0] = taken[0], taken[0] + 1
            except (*_ERRORS, VsrError):
                pass
            except BaseException as exc:  # noqa: BLE001 - raised again by the caller
                failures.append(exc)

        threads = [threading.Thread(target=work, name=f"stills-{half}", daemon=True,
                                    args=(half,)) for half in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            raise failures[0]

    def _frame_at(self, container: InputContainer, stream: VideoStream,
                  at_ms: int) -> VideoFrame | None:
        """The first frame at or after `at_ms`. A moment shortly after the last still is
        reached by decoding on from there, with no seek (a summary's moments are in order,
        often close together). A seek can land past the moment: with an open GOP (HEVC from
        phones) the pictures shown just before a keyframe need the GOP before; then seek
        again, further back. `at_ms` is in the file's time (its origin added)."""
        if self._decoding is not None and self._decoding.can_reach(at_ms):
            frame = self._decoding.first_at(at_ms)
            if frame is not None:
                return frame
        rate = stream.guessed_rate or stream.average_rate
        frame_ms = 1000 / float(rate) if rate else 40.0
        seek_ms = at_ms
        for back_ms in (2_000, 10_000, 60_000, 0):
            self._decoding = _Decoding(container, stream, seek_ms, at_ms)
            frame = self._decoding.first_at(at_ms)
            first_ms = self._decoding.first_ms
            # Late: the first picture after the seek is past the moment, or none came at all
            # (a seek that landed between keyframes, as in an MPEG-TS without an index).
            late = first_ms is None or first_ms - frame_ms >= at_ms - 1
            if not late or seek_ms <= 0 or not back_ms:
                return frame
            seek_ms = max(0, seek_ms - back_ms)
        return None  # not reached: the last round returns

    def _jpeg(self, frame: VideoFrame) -> bytes | None:
        upright_w = frame.height if self._rotation % 180 == 90 else frame.width
        wanted = self._width * (FACE_LOOK_WIDTH if self._blur_faces else 1)
        scale = min(1.0, wanted / upright_w)
        image = np.asarray(frame.reformat(
            width=max(2, round(frame.width * scale)), height=max(2, round(frame.height * scale)),
            format="bgr24", interpolation="AREA").to_ndarray(), dtype=np.uint8)
        image = upright(image, self._rotation)
        if self._blur_faces:
            if self._faces is None:
                self._faces = StillFaces()
            blurred = self._faces.blurred(image)
            if blurred is None:
                return None
            image = _to_width(blurred, self._width)
        return _encode(image)


class StillFaces:
    """Blurs every face in stills; one face network for all stills of a summary."""

    def __init__(self) -> None:
        from vsr.clips.faces import FaceAnonymizer  # the face network only when needed

        self._anonymizer = FaceAnonymizer("blur", margin=0.5)

    def blurred(self, image: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8] | None:
        """A copy of a BGR picture with every face blurred (None when faces cannot be looked
        for: then the picture must not be shown)."""
        try:
            return self._anonymizer.apply(image)
        except (VsrError, cv2.error):
            return None

    def blurred_jpeg(self, data: bytes | None) -> bytes | None:
        """The JPEG with every face blurred, or None when it cannot be read or faces cannot
        be looked for."""
        if data is None:
            return None
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            return None
        blurred = self.blurred(np.asarray(image, np.uint8))
        return None if blurred is None else _encode(blurred)


def _to_width(image: npt.NDArray[np.uint8], width: int) -> npt.NDArray[np.uint8]:
    height, current = image.shape[:2]
    if current <= width:
        return image
    size = (width, max(2, round(height * width / current)))
    return np.asarray(cv2.resize(image, size, interpolation=cv2.INTER_AREA), np.uint8)


def _encode(image: npt.NDArray[np.uint8]) -> bytes | None:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    return bytes(data.tobytes()) if ok else None


class _Decoding:
    """Decoding forward from a seek to the keyframe before `seek_ms`, leaving out the pictures
    before the moment wanted that nothing refers to (a camera's non-reference B-frames: about
    half of what lies between keyframe and moment). Kept between stills, so a later moment
    close by is reached by decoding on."""

    CONTINUE_MS = 2_000  # decoding on this far costs less than a seek and a GOP's start

    def __init__(self, container: InputContainer, stream: VideoStream, seek_ms: int,
                 at_ms: int) -> None:
        container.seek(max(0, seek_ms) * 1000, backward=True, any_frame=False)  # µs
        context = stream.codec_context
        context.flush_buffers()  # no frame from before the seek comes out
        self._stream, self._codec = stream, context.name
        self._prefix = nal.length_size(context.name, context.extradata)
        self._wanted_pts = _pts_before(stream, at_ms - 1)
        self._frames = self._decode(container.demux(stream))
        self.first_ms: float | None = None  # the first frame decoded after the seek
        self.last_ms: float | None = None  # the last frame handed out

    def can_reach(self, at_ms: int) -> bool:
        return self.last_ms is not None and 0 < at_ms - 1 - self.last_ms <= self.CONTINUE_MS

    def first_at(self, at_ms: int) -> VideoFrame | None:
        """The first frame at or after `at_ms` (the last one, at the end of the file)."""
        self._wanted_pts = _pts_before(self._stream, at_ms - 1)
        last: VideoFrame | None = None
        for frame in self._frames:
            last = frame  # not converted: only the frame kept is
            if frame.time is None:
                continue
            if self.first_ms is None:
                self.first_ms = frame.time * 1000
            self.last_ms = frame.time * 1000
            if frame.time * 1000 >= at_ms - 1:
                return frame
        self.last_ms = None  # at the end: nothing to decode on from
        return last

    def _decode(self, packets: Iterator[Packet[Any]]) -> Iterator[VideoFrame]:
        for packet in packets:
            if (self._prefix is not None and packet.pts is not None
                    and self._wanted_pts is not None and packet.pts < self._wanted_pts
                    and nal.is_disposable_sample(memoryview(packet), self._prefix, self._codec)):
                continue  # shown before the moment, needed by no other picture
            yield from _decode(packet)


def _stretches(order: list[int]) -> list[list[int]]:
    """Moments in time order, in stretches that `_Pass` decodes on through (each moment at
    most `_Decoding.CONTINUE_MS` after the one before); between stretches it seeks."""
    stretches: list[list[int]] = []
    for at_ms in order:
        if stretches and at_ms - stretches[-1][-1] <= _Decoding.CONTINUE_MS:
            stretches[-1].append(at_ms)
        else:
            stretches.append([at_ms])
    return stretches


def _pieces(order: list[int]) -> list[list[int]]:
    """The stretches of `order`, a long one cut into an even number of pieces of about
    `PIECE_MS` with as many moments each (a summary of a short recording has its moments
    close together: one stretch), so that two threads can share it evenly. A cut costs a
    seek and, at worst, the pictures from the keyframe before the next piece to its first
    moment decoded twice: small next to a piece."""
    pieces: list[list[int]] = []
    for stretch in _stretches(order):
        count = -(-(stretch[-1] - stretch[0]) // PIECE_MS)  # ceil
        if count <= 1:
            pieces.append(stretch)
            continue
        count = min(len(stretch), count + count % 2)
        bounds = [round(len(stretch) * k / count) for k in range(count + 1)]
        pieces += [stretch[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return pieces


class _Pass:
    """The stills of moments in time order, with the seeks `_Decoding` would make, decoding
    less. The packets are read ahead (in decode order) until a moment's picture is known: the
    first whose time is at or after it (once a packet's dts reaches the best candidate, no
    later packet can show earlier). So a non-reference picture is decoded only when a still
    shows it, and after the last still of a stretch of close moments the decoder is drained:
    nothing is decoded past that picture only to push it out of the decoder's reordering and
    frame threads. Moments it cannot place (past the last picture, a picture that did not
    come out of the decoder) are left out of `made`, for the caller to grab one by one."""

    def __init__(self, container: InputContainer, stream: VideoStream,
                 jpeg: Callable[[VideoFrame], bytes | None], made: dict[int, bytes | None],
                 done: Callable[[int, int], None], origin_ms: int = 0) -> None:
        self._container, self._stream, self._jpeg = container, stream, jpeg
        self._origin = origin_ms  # the file's start: moments count from it, frames do not
        self._codec = stream.codec_context
        self._prefix = nal.length_size(self._codec.name, self._codec.extradata)
        self._base = stream.time_base
        rate = stream.guessed_rate or stream.average_rate
        self._frame_ms = 1000 / float(rate) if rate else 40.0
        self._made, self._done = made, done
        self._order: list[int] = []  # the moments in the file's time (origin added)
        self._next = 0  # the first moment of `_order` not placed since the seek
        self._packets: Iterator[Packet[Any]] = iter(())
        self._ahead: deque[Packet[Any]] = deque()  # read, not yet decoded or left out
        self._shown: list[int] = []  # sorted pts of every packet read since the seek
        self._last_dts: int | None = None
        self._wanted: dict[int, list[int]] = {}  # pts -> the moments that show it
        self._pictures: dict[int, bytes | None] = {}  # pts -> its still, once made

    def run(self, order: list[int]) -> None:
        """The stills of the moments `order` (ms after the file's start, in time order)."""
        if not self._base:
            return
        self._order = [at_ms + self._origin for at_ms in order]
        i = 0
        while i < len(order):
            if order[i] in self._made:
                i += 1
                continue
            if not self._seek(self._order[i]):
                return
            self._next = i
            i = self._stretch(i)
            self._drain()

    def _ms(self, pts: int) -> float:
        """A pts in ms as `VideoFrame.time` reckons it (the same float arithmetic), so the
        same picture is chosen as by `grab`."""
        assert self._base is not None
        return float(pts * self._base) * 1000

    def _seek(self, at_ms: int) -> bool:
        """To the keyframe before `at_ms`; further back when it lands after it (`_frame_at`)."""
        for back_ms in (0, 2_000, 10_000, 60_000):
            seek_ms = max(0, at_ms - back_ms)
            self._container.seek(seek_ms * 1000, backward=True, any_frame=False)  # µs
            self._codec.flush_buffers()
            self._packets = self._container.demux(self._stream)
            self._ahead.clear()
            self._shown.clear()
            self._last_dts, self._wanted, self._pictures = None, {}, {}
            if not self._read():
                return False
            first = self._ahead[0].pts
            assert first is not None  # _read keeps only packets with times
            if self._ms(first) - self._frame_ms < at_ms - 1 or seek_ms == 0:
                return True
        return True

    def _read(self) -> bool:
        """One more packet into `_ahead`; False at the end of the file."""
        for packet in self._packets:
            if packet.size == 0 or packet.pts is None:
                continue
            self._ahead.append(packet)
            insort(self._shown, packet.pts)
            dts = packet.dts if packet.dts is not None else packet.pts
            self._last_dts = dts if self._last_dts is None else max(self._last_dts, dts)
            return True
        return False

    def _first_pts_at(self, at_ms: int) -> int:
        """The smallest pts whose time counts as at or after `at_ms` (`frame.time * 1000 >=
        at_ms - 1`, as `_Decoding.first_at` has it)."""
        assert self._base is not None
        guess = (at_ms - 1) * self._base.denominator // (1000 * self._base.numerator)
        while self._ms(guess - 1) >= at_ms - 1:
            guess -= 1
        while self._ms(guess) < at_ms - 1:
            guess += 1
        return guess

    def _picture_for(self, at_ms: int) -> int | None:
        """The pts of the first picture at or after `at_ms` (None: past the last one)."""
        lowest = self._first_pts_at(at_ms)
        while True:
            index = bisect_left(self._shown, lowest)
            best = self._shown[index] if index < len(self._shown) else None
            if best is not None and self._last_dts is not None and self._last_dts >= best:
                return best
            if not self._read():
                return best

    def _place_through(self, index: int) -> int | None:
        """Find the pictures of the moments up to `order[index]`; the pts of its picture
        (None: past the last picture)."""
        pts = None
        while self._next <= index:
            at_ms = self._order[self._next]
            pts = self._picture_for(at_ms)
            if pts is None:
                return None
            self._next += 1
            if pts in self._pictures:  # a picture shown by an earlier moment too
                self._give(at_ms, self._pictures[pts])
            else:
                self._wanted.setdefault(pts, []).append(at_ms)
        return pts

    def _stretch(self, i: int) -> int:
        """Stills from `order[i]` on, decoding on while the next moment is close; returns
        the index of the first moment left for a stretch of its own (or to `grab`)."""
        order = self._order
        while i < len(order):
            if order[i] - self._origin not in self._made:
                if self._next <= i:
                    pts = self._place_through(i)
                    if pts is None:
                        return len(order)  # past the last picture: `grab` gives the last one
                else:  # placed early (a picture no moment showed was left out after it)
                    pts = self._placed_pts(i)
                if pts is not None:
                    self._feed_until(pts)
            i += 1
            if i < len(order) and order[i] - order[i - 1] > _Decoding.CONTINUE_MS:
                return i
        return i

    def _placed_pts(self, i: int) -> int | None:
        at_ms = self._order[i]
        return next((pts for pts, moments in self._wanted.items() if at_ms in moments), None)

    def _feed_until(self, pts: int) -> None:
        """Decode the packets read ahead up to the one of the picture `pts` (unless it went
        to the decoder already), leaving out non-reference pictures no moment shows."""
        if not any(p.pts == pts for p in self._ahead):
            return
        self._skip_to_keyframe(pts)
        while self._ahead:
            packet = self._ahead.popleft()
            assert packet.pts is not None
            if not self._needed(packet):
                continue
            self._take(_decode(packet))
            if packet.pts == pts:
                return

    def _skip_to_keyframe(self, pts: int) -> None:
        """When a keyframe lies between the packets read ahead and the picture `pts`, start
        decoding there, as a seek to it would, instead of decoding the rest of the GOP before
        it (the last moment of a GOP is seldom near its end): the pictures still in the
        decoder come out first. Not when a picture before that keyframe is still wanted, or
        when the picture or a packet before the keyframe shows after it (an open GOP's
        leading pictures need the GOP before)."""
        ahead = self._ahead
        target = next(j for j, p in enumerate(ahead) if p.pts == pts)
        key = next((j for j in range(target, 0, -1) if ahead[j].is_keyframe), None)
        if key is None:
            return
        key_pts = ahead[key].pts
        assert key_pts is not None  # _read keeps only packets with times
        if key_pts > pts or any(
                p.pts is None or p.pts >= key_pts or p.pts in self._wanted
                for p in islice(ahead, key)):
            return
        self._take(self._codec.decode(None))
        self._codec.flush_buffers()
        for _ in range(key):
            ahead.popleft()

    def _needed(self, packet: Packet[Any]) -> bool:
        if self._prefix is None or not nal.is_disposable_sample(
                memoryview(packet), self._prefix, self._codec.name):
            return True
        assert packet.pts is not None
        # Only a moment at or before this picture's time can show it: place those first.
        while (self._next < len(self._order)
               and self._first_pts_at(self._order[self._next]) <= packet.pts):
            if self._place_through(self._next) is None:
                break
        return packet.pts in self._wanted

    def _take(self, frames: list[Any]) -> None:
        for frame in frames:
            moments = self._wanted.pop(frame.pts, None) if frame.pts is not None else None
            if not moments:
                continue
            still = self._pictures[frame.pts] = self._jpeg(frame)
            for at_ms in moments:
                self._give(at_ms, still)

    def _give(self, at_ms: int, still: bytes | None) -> None:
        """The still of the moment `at_ms` (the file's time) under its own time."""
        self._made[at_ms - self._origin] = still
        self._done(len(self._made), at_ms - self._origin)

    def _drain(self) -> None:
        """The pictures the decoder still holds (for reordering, in its frame threads)."""
        self._take(self._codec.decode(None))
        self._codec.flush_buffers()
        self._wanted = {}


def _origin_ms(container: InputContainer) -> int:
    """Where the file's time starts (ms): a player's 0 and a moment's. An MPEG-TS (a
    camcorder's .MTS) starts at 1.4 s or hours in; a still at 5 s is the picture 5 s after
    that, as a clip's is (`vsr.clips.source.SourceInfo.origin`)."""
    return round((container.start_time or 0) / 1000)


def _decode(packet: Packet[Any]) -> list[VideoFrame]:
    """The pictures decoding `packet` gives (one place, so a test can count what is decoded)."""
    return [frame for frame in packet.decode() if isinstance(frame, VideoFrame)]


def _pts_before(stream: VideoStream, ms: int) -> int | None:
    """`ms` in the stream's time base (as `frame.time` counts), rounded down; None without a
    time base or before the start."""
    base = stream.time_base
    if not base or ms <= 0:
        return None
    return int(ms * base.denominator // (1000 * base.numerator))


def grab_still(path: Path | str, at_ms: int, *, rotation: int = 0,
               width: int = STILL_WIDTH, blur_faces: bool = False) -> bytes | None:
    """A JPEG of the first frame at or after `at_ms`, scaled to `width` pixels wide (faces
    blurred if asked). For many stills of one recording use a `StillReader`."""
    with StillReader(path, rotation=rotation, width=width, blur_faces=blur_faces) as reader:
        return reader.grab(at_ms)

"""How far a media file can really be read, against the duration its header declares.

A file cut off while copying (or a header that lies: 10^9 s in a 4 s Matroska file) declares a
duration its data does not reach. The timeline and the player must use the time that can be
read, so `readable_end_us` finds where the data stops: first by reading the last second, and
when nothing is there (an MP4 whose index points past the end of the file), by a binary search
of seeks. It only demuxes (no decoding) and stays within packet and time limits.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from av.container import InputContainer
from av.stream import Stream

# Data that stops this close to the declared end is complete: containers round their durations,
# and the last audio packet of a valid file can end a few tens of milliseconds early.
END_TOLERANCE_US = 60_000
END_TOLERANCE_FRACTION = 0.002
# Limits for one look at a place in the file (demux only: cheap per packet).
LOOK_MAX_PACKETS = 3000
LOOK_MAX_BYTES = 64 * 1024 * 1024
PHASE_TIME_LIMIT_S = 5.0
# The search stops when it knows the end to within this, or after this many seeks.
SEARCH_PRECISION_US = 250_000
SEARCH_MAX_STEPS = 64


class _Inconclusive(Exception):
    """A limit stopped the reading before it could tell."""


@dataclass(frozen=True)
class EndCheck:
    """`missing`: the data stops before the declared end; `readable_end_us`: where (microseconds,
    the container's clock), None when that could not be found."""

    missing: bool
    readable_end_us: int | None = None


def check_end(container: InputContainer, start_us: int, duration_us: int) -> EndCheck:
    """Whether the data reaches the declared end, and if not, where it stops. Hitting a limit
    before it can tell counts as "not missing"."""
    declared_end = start_us + duration_us
    deadline = time.monotonic() + PHASE_TIME_LIMIT_S
    streams = {s.index: s for s in container.streams if s.type in ("video", "audio")}
    try:
        ends = _read_tail(container, max(start_us, declared_end - 1_000_000), streams, deadline)
        if ends and not _short(ends, streams, declared_end):
            return EndCheck(missing=False)
        if ends:
            return EndCheck(missing=True, readable_end_us=max(ends.values()))
        return EndCheck(missing=True,
                        readable_end_us=_search(container, start_us, declared_end, deadline))
    except _Inconclusive:
        return EndCheck(missing=False)


def _tolerance(end_us: int) -> int:
    return END_TOLERANCE_US + int(max(0, end_us) * END_TOLERANCE_FRACTION)


def _short(ends: dict[int, int], streams: dict[int, Stream], declared_end: int) -> bool:
    """True when the data stops before the container's declared end, or a stream stops before
    its own declared end (a cut-off MP4 loses the last audio before the last picture)."""
    if max(ends.values()) < declared_end - _tolerance(declared_end):
        return True
    for index, stream in streams.items():
        if not stream.duration or not stream.time_base:
            continue
        own_end = int(((stream.start_time or 0) + stream.duration) * stream.time_base * 1_000_000)
        if ends.get(index, -1) < own_end - _tolerance(own_end):
            return True
    return False


def _read_tail(container: InputContainer, seek_us: int, streams: dict[int, Stream],
               deadline: float) -> dict[int, int]:
    """The latest packet end per audio/video stream, reading from `seek_us` to the end."""
    _seek(container, seek_us)
    ends: dict[int, int] = {}
    for index, end_us in _packet_ends(container, deadline):
        if index in streams:
            ends[index] = max(ends.get(index, end_us), end_us)
    return ends


def _search(container: InputContainer, lo: int, hi: int, deadline: float) -> int | None:
    """Binary search for the end of the data between `lo` (data known) and `hi` (no data)."""
    steps = 0
    found: int | None = None
    while hi - lo > SEARCH_PRECISION_US and steps < SEARCH_MAX_STEPS:
        steps += 1
        mid = (lo + hi) // 2
        reached, last_end = _look(container, mid, mid, deadline)
        if reached:
            lo = max(mid, last_end or mid)
            found = lo
        elif last_end is not None:
            return last_end  # read from a point before `mid` up to where the data stops
        else:
            hi = mid
    if found is None:
        return None
    try:  # the exact end: read on from the last place known to have data
        _reached, last_end = _look(container, found, 2**62, deadline)
    except _Inconclusive:
        return found
    return found if last_end is None else max(found, last_end)


def _look(container: InputContainer, seek_us: int, wanted_us: int,
          deadline: float) -> tuple[bool, int | None]:
    """Seek near `seek_us` and read packets until one ends at or after `wanted_us`.
    Returns (reached, the latest packet end read)."""
    _seek(container, seek_us)
    last_end: int | None = None
    for _index, end_us in _packet_ends(container, deadline):
        last_end = end_us if last_end is None else max(last_end, end_us)
        if last_end >= wanted_us:
            return True, last_end
    return False, last_end


def _seek(container: InputContainer, at_us: int) -> None:
    # When the demuxer refuses the seek (a damaged Matroska index) reading goes on from where
    # it is, which reaches the end of short files.
    try:
        container.seek(at_us, backward=True, any_frame=True)
    except Exception:
        pass


def _packet_ends(container: InputContainer, deadline: float) -> Iterator[tuple[int, int]]:
    """(stream index, end in microseconds) of the packets from here to the end of the data.

    Stops quietly on damaged data; raises `_Inconclusive` when a limit is reached first.
    """
    packets = nbytes = 0
    demuxer = container.demux()
    while True:
        try:
            packet = next(demuxer)
        except StopIteration:
            return
        except Exception:
            return  # reading stopped on damaged data: judge by what was read before it
        timestamp = packet.pts if packet.pts is not None else packet.dts
        if packet.size == 0 or timestamp is None or packet.time_base is None:
            continue
        yield packet.stream.index, int(
            (timestamp + (packet.duration or 0)) * packet.time_base * 1_000_000)
        packets += 1
        nbytes += packet.size
        if packets >= LOOK_MAX_PACKETS or nbytes >= LOOK_MAX_BYTES:
            raise _Inconclusive
        if time.monotonic() > deadline:
            raise _Inconclusive

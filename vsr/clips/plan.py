"""Which packets of an H.264 range can be copied and which frames must be re-encoded.

Pure bookkeeping over packet timestamps (no media access), so the splice rules are testable
on their own. Times are in the source stream's time base, lists are in decode order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PacketInfo:
    pts: int
    dts: int
    duration: int
    idr: bool  # holds an IDR slice: nothing after it refers to anything before it


@dataclass(frozen=True, slots=True)
class EncodeSpan:
    """Feed packets [feed_from, feed_to) to a decoder and re-encode the frames whose pts lie in
    [first_pts, last_pts]. Output dts = pts - dts_shift keeps decode order continuous with the
    copied packets that follow or precede it."""

    feed_from: int
    feed_to: int
    first_pts: int
    last_pts: int
    frames: int
    dts_shift: int


@dataclass(frozen=True, slots=True)
class SmartPlan:
    first_pts: int
    last_pts: int
    frames: int
    head: EncodeSpan | None
    copy_from: int
    copy_to: int  # packets [copy_from, copy_to) are copied unchanged
    tail: EncodeSpan | None

    @property
    def copied(self) -> int:
        return self.copy_to - self.copy_from

    @property
    def stop_index(self) -> int:
        """Index of the first packet that is not needed any more."""
        return max(self.copy_to, self.tail.feed_to if self.tail else 0)


def frame_bounds(packets: list[PacketInfo], start: int, end: int) -> tuple[int, int] | None:
    """(first_pts, last_pts): the frame shown at `start` and the last frame that starts before
    `end`; None when no frame falls in the range."""
    shown = sorted(p.pts for p in packets)
    if not shown:
        return None
    before = [t for t in shown if t <= start]
    first = before[-1] if before else shown[0]
    inside = [t for t in shown if first <= t < end]
    return (first, inside[-1]) if inside else None


def plan_smart(packets: list[PacketInfo], first_pts: int, last_pts: int) -> SmartPlan | None:
    """A splice plan, or None when copying would not save anything or would not be safe
    (no IDR inside the range, open GOPs, a one-frame head); the caller then re-encodes all."""
    in_range = [i for i, p in enumerate(packets) if first_pts <= p.pts <= last_pts]
    frames = len(in_range)
    idrs = [i for i in in_range if packets[i].idr]
    head = None
    if idrs and packets[idrs[0]].pts != first_pts:
        head = _head(packets, idrs[0], first_pts)
        if head is not None and head.frames == 1:
            # Two IDRs in a row may carry the same idr_pic_id, which the standard forbids; a
            # one-frame head would be followed directly by the copied IDR, so splice later.
            idrs = idrs[1:]
            head = _head(packets, idrs[0], first_pts) if idrs else None
    if not idrs or (packets[idrs[0]].pts != first_pts and head is None):
        return None
    start = idrs[0]
    last_idr = idrs[-1]
    if any(not first_pts <= p.pts <= last_pts for p in packets[start:last_idr]):
        return None  # an open GOP between the splice points; copying would show extra frames
    gop_end = next((i for i in range(last_idr + 1, len(packets)) if packets[i].idr), len(packets))
    gop = packets[last_idr:gop_end]
    needed = sum(1 for p in gop if p.pts <= last_pts)
    keep = _copyable_prefix(gop, needed)
    tail = None
    if keep < needed:
        # Frames after the end are decoded before the last wanted ones (B-frames): copy what
        # can be cut cleanly and re-encode the rest, decoding it from this GOP's IDR.
        lead = packets[last_idr]
        shift = lead.pts - lead.dts
        rest = sorted(p.pts for p in gop if p.pts <= last_pts)[keep:]
        feed_to = last_idr + max(i for i, p in enumerate(gop) if p.pts <= last_pts) + 1
        tail = EncodeSpan(last_idr, feed_to, rest[0], last_pts, len(rest), shift)
        if keep and rest[0] - shift <= gop[keep - 1].dts:
            return None  # irregular timestamps: re-encoded frames would decode out of order
    copy_to = last_idr + keep
    if copy_to == start:
        return None
    return SmartPlan(first_pts, last_pts, frames, head, start, copy_to, tail)


def _copyable_prefix(gop: list[PacketInfo], needed: int) -> int:
    """The most packets from the start of a GOP (decode order) that show exactly its first
    frames: copying more would show frames past the end, or lack ones before it."""
    later_min = [0] * (len(gop) + 1)  # smallest pts from index i on
    later_min[len(gop)] = 1 << 62
    for i in range(len(gop) - 1, -1, -1):
        later_min[i] = min(gop[i].pts, later_min[i + 1])
    best = 0
    shown_max = -(1 << 62)
    for n in range(1, needed + 1):
        shown_max = max(shown_max, gop[n - 1].pts)
        if shown_max < later_min[n]:
            best = n
    # A copied IDR alone would be followed directly by the re-encoded IDR (see plan_smart).
    return 0 if best == 1 and best < needed else best


def _head(packets: list[PacketInfo], idr: int, first_pts: int) -> EncodeSpan | None:
    splice = packets[idr]
    if any(p.pts < splice.pts for p in packets[idr:]):
        return None
    count = sum(1 for p in packets[:idr] if first_pts <= p.pts < splice.pts)
    shift = splice.pts - splice.dts
    return EncodeSpan(_decode_from(packets, idr, first_pts), idr, first_pts, splice.pts - 1,
                      count, shift)


def _decode_from(packets: list[PacketInfo], idr: int, first_pts: int) -> int:
    """Where decoding the head starts: the last IDR at or before the clip's first frame (its
    GOP is closed, so nothing the head shows refers to a packet before it). The scan starts
    a second or more early (keyframes are indexed by dts): decoding that extra GOP would cost
    about as much as re-encoding the head."""
    for i in range(idr - 1, -1, -1):
        if packets[i].idr and packets[i].pts <= first_pts:
            # An IDR starts a closed GOP: nothing from it on refers to earlier packets, and
            # no packet from it on is shown before it.
            return i
    return 0

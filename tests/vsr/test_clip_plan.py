"""The splice planner and the H.264 helpers, on made-up packet lists (no media)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import av
import pytest

from vsr.clips import avc
from vsr.clips.plan import PacketInfo, frame_bounds, plan_smart


def gop_without_b(first: int, count: int, gop: int) -> list[PacketInfo]:
    """Frames first..first+count-1 (pts = frame number), an IDR every `gop` frames."""
    return [PacketInfo(i, i, 1, i % gop == 0) for i in range(first, first + count)]


def gop_with_b(count: int, gop: int) -> list[PacketInfo]:
    """I P B B B P B B B ... in decode order (mini-GOPs of 4, like x264 with 3 B-frames),
    dts two frames behind."""
    packets: list[PacketInfo] = []
    for start in range(0, count, gop):
        order = [start]
        for mini in range(start + 1, min(start + gop, count), 4):
            last = min(mini + 3, start + gop - 1, count - 1)
            order += [last, *range(mini, last)]
        packets += [PacketInfo(pts, 0, 1, pts == start) for pts in order]
    return [PacketInfo(p.pts, i - 2, 1, p.idr) for i, p in enumerate(packets)]


def test_frame_bounds_picks_the_frame_shown_at_start_and_the_last_before_end() -> None:
    packets = gop_without_b(0, 100, 50)
    assert frame_bounds(packets, 13, 79) == (13, 78)
    assert frame_bounds(packets, -5, 3) == (0, 2)  # before the first frame: start there
    assert frame_bounds(packets, 200, 300) == (99, 99)
    assert frame_bounds([], 0, 10) is None


def test_no_b_frames_head_is_reencoded_and_the_rest_copied() -> None:
    packets = gop_without_b(0, 150, 50)
    plan = plan_smart(packets, 13, 128)
    assert plan is not None and plan.head is not None
    assert (plan.head.first_pts, plan.head.last_pts, plan.head.frames) == (13, 49, 37)
    assert (plan.copy_from, plan.copy_to) == (50, 129)  # copy runs on into the last GOP
    assert plan.tail is None
    assert plan.frames == 116 and plan.copied == 79


def test_cut_on_an_idr_needs_no_head() -> None:
    plan = plan_smart(gop_without_b(0, 150, 50), 50, 99)
    assert plan is not None
    assert plan.head is None and plan.tail is None and plan.copied == 50


def test_b_frames_copy_the_clean_prefix_and_reencode_the_rest_of_the_tail() -> None:
    packets = gop_with_b(150, 50)
    plan = plan_smart(packets, 13, 106)  # 106 is inside the mini-GOP 105..108
    assert plan is not None and plan.tail is not None
    copied = {p.pts for p in packets[plan.copy_from : plan.copy_to]}
    tail = set(range(plan.tail.first_pts, plan.tail.last_pts + 1))
    assert copied == set(range(50, 105)) and tail == {105, 106}
    assert copied.isdisjoint(tail) and plan.head is not None
    assert plan.head.frames + len(copied) + plan.tail.frames == plan.frames == 94
    # The tail decodes from its GOP's IDR and its dts continue after the copied packets.
    assert packets[plan.tail.feed_from].idr
    assert plan.tail.first_pts - plan.tail.dts_shift > packets[plan.copy_to - 1].dts


def test_b_frames_cut_at_a_mini_gop_boundary_copies_everything() -> None:
    plan = plan_smart(gop_with_b(150, 50), 50, 108)
    assert plan is not None and plan.tail is None and plan.head is None
    assert plan.copied == 59


def test_a_one_frame_head_moves_the_splice_to_the_next_idr() -> None:
    # Frame 49 alone before the IDR at 50: two IDRs in a row could share an idr_pic_id.
    plan = plan_smart(gop_without_b(0, 150, 50), 49, 120)
    assert plan is not None and plan.head is not None
    assert plan.head.frames == 51 and plan.copy_from == 100


def test_no_idr_inside_the_range_means_full_reencode() -> None:
    assert plan_smart(gop_without_b(0, 150, 50), 13, 45) is None
    assert plan_smart(gop_without_b(0, 150, 150), 13, 140) is None


def test_open_gop_is_not_spliced() -> None:
    # A leading picture (pts before the IDR, decoded after it) cannot be cut cleanly.
    packets = gop_without_b(0, 60, 50)
    packets.insert(51, PacketInfo(48, 50, 1, False))
    packets = [p for i, p in enumerate(packets) if not (p.pts == 48 and i < 51)]
    assert plan_smart(packets, 10, 59) is None


def _x264_extradata(param_id: int) -> bytes:
    enc = av.CodecContext.create("libx264", "w")
    assert isinstance(enc, av.video.codeccontext.VideoCodecContext)
    enc.width, enc.height, enc.pix_fmt = 64, 48, "yuv420p"
    enc.time_base = Fraction(1, 25)
    enc.flags |= av.codec.context.Flags.global_header
    enc.options = {"x264-params": f"sps-id={param_id}"}
    enc.open()
    return bytes(enc.extradata or b"")


@pytest.mark.parametrize("param_id", [0, 1, 7])
def test_parameter_set_ids_are_read_from_x264_output(param_id: int) -> None:
    units = avc.split_annexb(_x264_extradata(param_id))
    sps = [u for u in units if avc.nal_type(u) == avc.NAL_SPS]
    pps = [u for u in units if avc.nal_type(u) == avc.NAL_PPS]
    assert [avc.sps_id(s) for s in sps] == [param_id]
    assert [avc.pps_ids(p) for p in pps] == [(param_id, param_id)]


def test_avcc_round_trip_and_merge() -> None:
    units = avc.split_annexb(_x264_extradata(0))
    sps = [u for u in units if avc.nal_type(u) == avc.NAL_SPS]
    pps = [u for u in units if avc.nal_type(u) == avc.NAL_PPS]
    base = avc.AvcConfig(sps[0][1], sps[0][2], sps[0][3], 4, tuple(sps), tuple(pps), b"\xfd")
    assert avc.parse_avcc(avc.build_avcc(base)) == base
    assert avc.free_parameter_set_id(base) == 1
    assert avc.free_parameter_set_id(base, {1, 2}) == 3
    other = avc.split_annexb(_x264_extradata(1))
    merged = avc.merge_parameter_sets(
        base,
        [u for u in other if avc.nal_type(u) == avc.NAL_SPS],
        [u for u in other if avc.nal_type(u) == avc.NAL_PPS],
    )
    again = avc.parse_avcc(avc.build_avcc(merged))
    assert again is not None
    assert [avc.sps_id(s) for s in again.sps] == [0, 1]
    assert [avc.pps_ids(p)[0] for p in again.pps] == [0, 1]
    assert again.trailer == b"\xfd"
    assert avc.parse_avcc(b"\x00\x00\x00\x01\x67") is None  # Annex B, not avcC


def test_nal_framing_conversions() -> None:
    units = [b"\x65\x88\x84", b"\x06\x05\x00\x80"]
    stream = b"\x00\x00\x00\x01" + units[0] + b"\x00\x00\x01" + units[1]
    assert avc.split_annexb(stream) == units
    sample = avc.to_length_prefixed(units, 4)
    assert avc.split_length_prefixed(sample, 4) == units
    assert avc.is_idr_sample(sample, 4)
    assert not avc.is_idr_sample(avc.to_length_prefixed([b"\x41\x9a"], 4), 4)
    # Only the NAL headers are read: an IDR after an SEI, from a packet's memoryview.
    sei_then_idr = avc.to_length_prefixed([b"\x06\x05\x00\x80", b"\x65\x88"], 2)
    assert avc.is_idr_sample(memoryview(sei_then_idr), 2)
    assert not avc.is_idr_sample(sei_then_idr[:5], 2)  # cut off before the IDR's header


@pytest.mark.parametrize("make", [lambda: gop_without_b(0, 200, 50), lambda: gop_with_b(200, 50)])
def test_the_head_is_decoded_from_the_idr_before_the_cut(make: Any) -> None:
    # The scan starts a GOP or more early (keyframes are indexed by dts): decoding from
    # there would double the head's cost.
    packets = make()
    plan = plan_smart(packets, 63, 180)
    assert plan is not None and plan.head is not None
    assert packets[plan.head.feed_from] == next(p for p in packets if p.pts == 50)
    assert packets[plan.head.feed_to].pts == 100 and packets[plan.head.feed_to].idr
    # Every frame the head shows is decoded from there, and nothing it needs lies before.
    fed = packets[plan.head.feed_from : plan.head.feed_to]
    assert {p.pts for p in fed} >= set(range(63, 100))
    # Cut in the first GOP the scan saw: decoding starts at the scan's start.
    plan = plan_smart(packets, 13, 180)
    assert plan is not None and plan.head is not None and plan.head.feed_from == 0

"""J (rewind) with the real VLC: libVLC cannot play backwards, so the shuttle shows a still
every REWIND_TICK_MS stepping back. It must look like going back (the pictures VLC draws go back
too, not stay frozen) and stay paused, stopping at the start."""

from __future__ import annotations

import pytest
from vsr.ui.review.shuttle import REWIND_TICK_MS, Shuttle

from tests.e2e.test_vlc_player import FRAME_MS, clip, load_ready, player, shown_frame  # noqa: F401

pytestmark = pytest.mark.e2e


def test_j_rewinds_with_pictures_going_back_until_the_start(qtbot, player, clip) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    load_ready(qtbot, player, clip)
    shuttle = Shuttle(player)
    player.seek(3_600)
    qtbot.waitUntil(lambda: shown_frame(player) == 3_600 // FRAME_MS, timeout=3000)
    seen: list[int] = []

    def look() -> bool:
        frame = shown_frame(player)
        if frame is not None and (not seen or frame != seen[-1]):
            seen.append(frame)
        return player.position() <= 2_000

    shuttle.backward()
    qtbot.waitUntil(look, timeout=15_000)
    assert player.state() == "paused"
    # Going back: more than a few distinct pictures, each earlier than the one before (mostly:
    # a paused seek in VLC 3 now and then draws a nearby frame, see ui/player/vlc_player.py).
    steps_back = sum(b < a for a, b in zip(seen, seen[1:], strict=False))
    assert len(seen) >= 4 and steps_back >= 0.75 * (len(seen) - 1), seen
    shuttle.backward()  # faster
    shuttle.backward()
    assert shuttle.rewind_speed() == 4
    qtbot.waitUntil(lambda: shuttle.rewind_speed() == 0, timeout=15_000)  # stopped at the start
    assert player.position() == 0 and player.state() == "paused"
    print(f"rewind: {len(seen)} pictures in 1.6 s of recording at 1x "
          f"({REWIND_TICK_MS} ms a step), {steps_back} of them going back: {seen}")

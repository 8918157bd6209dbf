"""The timeline and the moments list show the same text for the same time (vsr.dates.span),
also in a recording of an hour or longer, where both show hours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from vsr.ui.review.marker_list import MarkerListPanel
from vsr.ui.timeline.marker_text import marker_time_text

from vsr.dates import HOUR_MS
from vsr.model import Marker


@pytest.mark.parametrize(("length_ms", "point", "ranged"), [
    (10 * 60_000, "1:23", "1:23 – 1:40"),
    (2 * HOUR_MS, "0:01:23", "0:01:23 – 0:01:40"),
])
def test_timeline_and_moments_list_say_the_same_time(qtbot, length_ms: int, point: str,
                                                     ranged: str) -> None:
    markers = [Marker(1, 1, 1, 83_450, None), Marker(2, 1, 1, 83_450, 100_000)]
    shown = MarkerListPanel()
    qtbot.addWidget(shown)
    shown.set_data(markers, [], {}, length_ms=length_ms)
    listed = [shown.model.data(shown.model.index(row, 0), Qt.ItemDataRole.DisplayRole)
              for row in range(2)]
    with_hours = length_ms >= HOUR_MS  # as the timeline decides it
    on_timeline = [marker_time_text(m, with_hours) for m in markers]
    assert listed == [point, ranged]
    assert on_timeline == [point, f"{ranged} (16.6 s)"]
    assert all(t.startswith(text) for t, text in zip(on_timeline, listed, strict=True))

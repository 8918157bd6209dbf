"""A coach's intervisie clip with the real VLC in a real window: consent shown on the
recording, a moment added to a collection, trimmed at the playhead, previewed in the review's
player (it loops inside the clip), and exported as an MP4 of exactly that part."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from vsr.ui.clips.collection_dialog import CollectionDialog, PlayerLink
from vsr.ui.clips.export_dialog import ExportClipsDialog

from tests.e2e.test_review_e2e import _window
from vsr.library import collections as co
from vsr.library import markers as mk
from vsr.library.consent import grant_consent
from vsr.media.testclip import generate_test_clip

pytestmark = pytest.mark.e2e


def test_a_moment_becomes_a_trimmed_previewed_exported_clip(qtbot, tmp_path: Path) -> None:
    media = generate_test_clip(tmp_path / "gesprek.mp4", duration_s=8, width=320, height=240)
    win, bridge = _window(tmp_path / "library.sqlite", qtbot)
    assert win.open_file(media)
    view, player, lib = win.review_view, win.player, bridge.lib
    qtbot.waitUntil(lambda: player.duration() > 7000, timeout=10_000)
    assert view.consent_strip.texts()[1].startswith("✗")  # no intervisie consent yet
    grant_consent(lib, view.recording.id, "intervisie", given_by="K.")
    assert view.consent_strip.texts()[1].startswith("✓")
    marker = mk.add_marker(lib, view.parties[0].id, 2000, 6000)
    view.select_marker(marker.id, seek=True)

    dialog = CollectionDialog(bridge, lambda: view.selected, win,
                              player=PlayerLink(view.playhead, view.play_range))
    qtbot.addWidget(dialog)
    dialog.name.setText("Intervisie")
    dialog.new_button.click()
    dialog.add_button.click()
    clip_id = dialog.current_clip()
    assert clip_id is not None
    player.seek(3000)
    qtbot.waitUntil(lambda: abs(player.position() - 3000) < 100, timeout=5000)
    dialog.end_here.click()  # trimmed at the playhead
    clip = co.get_clip(lib, clip_id)
    assert clip.start_ms == 2000 and abs(clip.end_ms - 3000) < 100

    dialog.preview_button.click()  # plays in the review's player, looping inside the clip
    qtbot.waitUntil(player.is_playing, timeout=5000)
    seen: list[int] = []
    for _ in range(25):
        qtbot.wait(100)
        seen.append(player.position())
    assert all(clip.start_ms - 100 <= ms <= clip.end_ms + 150 for ms in seen), seen
    player.pause()

    export = ExportClipsDialog(lib, dialog.current_collection(), dialog)
    qtbot.addWidget(export)
    export.pack.setCurrentIndex(0)  # only the clips
    export.folder.setText(str(tmp_path / "uit"))
    export.export_button.click()
    qtbot.waitUntil(lambda: export.report is not None, timeout=60_000)
    with av.open(str(tmp_path / "uit" / "clip-01.mp4")) as out:
        seconds = float(out.duration or 0) / 1_000_000
    assert abs(seconds - (clip.end_ms - clip.start_ms) / 1000) < 0.1
    dialog.close()
    win.close()
    bridge.close()

"""The collections window: a moment becomes a clip only with consent (the refusal is shown and
nothing is added); the export runs on a worker and writes files; a cancel leaves nothing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox
from vsr.ui import workers
from vsr.ui.bridge import LibraryBridge
from vsr.ui.clips.collection_dialog import CollectionDialog
from vsr.ui.clips.export_dialog import ExportClipsDialog, bgr_to_pixmap

from vsr.dates import long_date
from vsr.library import collections as co
from vsr.library import reviews as rv
from vsr.library.audit import list_audit
from vsr.library.consent import grant_consent
from vsr.library.face_boxes import list_face_boxes
from vsr.library.markers import add_marker
from vsr.library.recordings import add_recording
from vsr.media.testclip import generate_test_clip


@pytest.fixture
def marked(library, tmp_path: Path) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(recording id, marker id) of a 3 s clip with one range marker at 0.5–2.0 s."""
    rec, _ = add_recording(library, generate_test_clip(tmp_path / "gesprek.mp4", 3.0))
    review = rv.create_review(library, rec.id)
    party = rv.list_parties(library, review.id)[0]
    marker = add_marker(library, party.id, 500, 2000)
    return rec.id, marker.id


def _window(qtbot, library, marker_id: int | None) -> CollectionDialog:  # type: ignore[no-untyped-def]
    bridge = LibraryBridge(library)
    dialog = CollectionDialog(bridge, lambda: marker_id)
    qtbot.addWidget(dialog)
    return dialog


def _new(dialog: CollectionDialog, name: str, purpose: str) -> None:
    dialog.name.setText(name)
    dialog.purpose.setCurrentIndex(dialog.purpose.findData(purpose))
    dialog.new_button.click()


def test_adding_a_moment_without_consent_is_refused(qtbot, library, marked, monkeypatch) -> None:
    _rec, marker_id = marked
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    dialog = _window(qtbot, library, marker_id)
    _new(dialog, "Teamoverleg", "intervisie")
    assert dialog.collections.count() == 1
    dialog.add_button.click()
    assert shown and "toestemming" in shown[0].lower()
    collection_id = dialog.current_collection()
    assert collection_id is not None and co.list_clips(library, collection_id) == []
    assert dialog.clips.count() == 0


def test_with_consent_the_moment_is_added_and_edited(qtbot, library, marked) -> None:
    rec_id, marker_id = marked
    grant_consent(library, rec_id, "intervisie", given_by="K.")
    dialog = _window(qtbot, library, marker_id)
    _new(dialog, "Teamoverleg", "intervisie")
    dialog.add_button.click()
    dialog.add_button.click()
    collection_id = dialog.current_collection()
    assert collection_id is not None
    clips = co.list_clips(library, collection_id)
    assert [(c.start_ms, c.end_ms, c.marker_id) for c in clips] == [(500, 2000, marker_id)] * 2
    assert dialog.clips.count() == 2 and "0:00.5" in dialog.clips.item(0).text()
    dialog.clips.setCurrentRow(1)
    dialog.title.setText("Het begin")
    dialog.title.editingFinished.emit()  # saved when the field is left
    dialog.questions.setPlainText("Wat gebeurt hier?\n\nHoe zou jij reageren?")
    qtbot.waitUntil(lambda: co.get_clip(library, clips[1].id).questions == (
        "Wat gebeurt hier?", "Hoe zou jij reageren?"), timeout=3000)  # saved after typing stops
    dialog.up_button.click()
    first = co.list_clips(library, collection_id)[0]
    assert first.id == clips[1].id and first.title == "Het begin"
    assert first.questions == ("Wat gebeurt hier?", "Hoe zou jij reageren?")
    assert "Het begin" in dialog.clips.item(0).text()
    dialog.remove_button.click()
    assert [c.id for c in co.list_clips(library, collection_id)] == [clips[0].id]
    dialog.resize(900, 520)
    dialog.grab().save("/tmp/shots/collection_dialog.png")


def _collection_with_clip(library, rec_id: int) -> int:  # type: ignore[no-untyped-def]
    grant_consent(library, rec_id, "intervisie", given_by="K.")
    collection = co.create_collection(library, "Teamoverleg", "intervisie")
    co.add_clip(library, collection.id, rec_id, 500, 2000, title="Begin")
    return collection.id


def test_export_runs_on_a_worker_and_writes_files(qtbot, library, marked, tmp_path) -> None:
    collection_id = _collection_with_clip(library, marked[0])
    dialog = ExportClipsDialog(library, collection_id)
    qtbot.addWidget(dialog)
    out = tmp_path / "export"
    dialog.folder.setText(str(out))
    assert dialog.pack.currentData() == "intervisie" and not dialog.faces.isChecked()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    names = sorted(p.name for p in out.iterdir())
    assert "clip-01.mp4" in names and any(n.endswith(".pdf") for n in names)
    assert not any(n.startswith(".vsr-export") for n in names)
    assert (out / "clip-01.mp4").stat().st_size > 0
    assert list_audit(library, action="export")
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isEnabled()
    dialog.grab().save("/tmp/shots/export_dialog.png")


def test_cancel_leaves_nothing(qtbot, library, marked, tmp_path) -> None:
    collection_id = _collection_with_clip(library, marked[0])
    dialog = ExportClipsDialog(library, collection_id)
    qtbot.addWidget(dialog)
    out = tmp_path / "export"
    dialog.folder.setText(str(out))
    dialog.export_button.click()
    dialog.cancel_button.click()
    assert QThreadPool.globalInstance().waitForDone(60_000)
    qtbot.waitUntil(lambda: workers.children() == 0, timeout=10_000)  # the child is gone
    qtbot.wait(50)  # let any queued signal arrive: none may commit
    assert dialog.report is None
    assert not out.exists() or list(out.iterdir()) == []
    assert list_audit(library, action="export") == []
    assert dialog.export_button.isEnabled()


def test_preview_shows_original_and_anonymised(qtbot, library, marked, monkeypatch) -> None:
    collection_id = _collection_with_clip(library, marked[0])
    frame = np.zeros((120, 160, 3), np.uint8)
    frame[:, :, 2] = 255  # red in BGR

    def fake_preview(self, src, ms, clip):  # type: ignore[no-untyped-def]
        assert Path(src).name == "gesprek.mp4" and ms == 500 and clip == (500, 2000)
        return frame, frame // 2

    monkeypatch.setattr("vsr.ui.clips.export_dialog.FaceAnonymizer.preview", fake_preview)
    dialog = ExportClipsDialog(library, collection_id)
    qtbot.addWidget(dialog)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: not dialog.anonymised.pixmap().isNull(), timeout=20_000)
    colour = dialog.original.pixmap().toImage().pixelColor(5, 5)
    assert (colour.red(), colour.green(), colour.blue()) == (255, 0, 0)
    # Any picture of any clip can be looked at: the slider points into the chosen clip.
    asked: list[int] = []
    monkeypatch.setattr("vsr.ui.clips.export_dialog.FaceAnonymizer.preview",
                        lambda self, src, ms, clip: asked.append(ms) or (frame, frame))
    dialog.preview_at.setValue(50)
    assert dialog.preview_time.text() == "0:01.2"
    dialog.preview_at.sliderReleased.emit()
    qtbot.waitUntil(lambda: asked == [1249], timeout=20_000)
    dialog.grab().save("/tmp/shots/export_preview.png")


def test_a_box_drawn_on_the_preview_is_stored_shown_and_used(qtbot, library, marked,
                                                             monkeypatch) -> None:
    """The trainer drags a box on the anonymised preview: it is stored with the clip for the
    chosen range, outlined on the picture, and the next preview (the export's code path) gets
    it; removing it works the same way."""
    collection_id = _collection_with_clip(library, marked[0])
    frame = np.full((90, 160, 3), 128, np.uint8)
    given: list[list[object]] = []

    def fake_preview(self, src, ms, clip):  # type: ignore[no-untyped-def]
        given.append(list(self.manual))
        return frame, frame

    monkeypatch.setattr("vsr.ui.clips.export_dialog.FaceAnonymizer.preview", fake_preview)
    dialog = ExportClipsDialog(library, collection_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(given) == 1 and dialog.preview_button.isEnabled(),
                    timeout=20_000)
    assert given[0] == []
    canvas = dialog.anonymised
    area = canvas.picture_rect()
    assert area.width() == 320 and area.height() == 180  # 160x90 scaled into the preview
    dialog.box_editor.first.setValue(0.5)
    dialog.box_editor.last.setValue(1.0)
    start = area.topLeft() + QPoint(80, 45)  # a quarter in from the left and the top
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(160, 90))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(160, 90))
    boxes = list_face_boxes(library, co.list_clips(library, collection_id)[0].id)
    assert len(boxes) == 1 and not boxes[0].ignore
    assert (boxes[0].start_ms, boxes[0].end_ms) == (1000, 1500)
    assert [round(v, 2) for v in (boxes[0].x1, boxes[0].y1, boxes[0].x2, boxes[0].y2)] == [
        0.25, 0.25, 0.75, 0.75]
    qtbot.waitUntil(lambda: len(given) == 2 and dialog.preview_button.isEnabled(),
                    timeout=20_000)
    assert [(m.start_ms, m.end_ms, m.ignore) for m in given[1]] == [(1000, 1500, False)]
    assert dialog.box_editor.boxes.currentText().endswith("0:01.0–0:01.5")  # the exact clock: tenths always
    dialog.box_editor.remove.click()
    assert list_face_boxes(library, boxes[0].clip_id) == []
    dialog.grab().save("/tmp/shots/export_preview_boxes.png")


def test_bgr_to_pixmap_keeps_colours(qtbot) -> None:
    frame = np.zeros((10, 20, 3), np.uint8)
    frame[:, :, 0] = 200  # blue
    image = bgr_to_pixmap(frame, width=20, height=10).toImage()
    assert image.width() == 20 and image.pixelColor(3, 3).blue() == 200


def _clip_dialog(qtbot, library, marked, **kwargs):  # type: ignore[no-untyped-def]
    rec_id, marker_id = marked
    grant_consent(library, rec_id, "intervisie", given_by="K.")
    dialog = CollectionDialog(LibraryBridge(library), lambda: marker_id, **kwargs)
    qtbot.addWidget(dialog)
    _new(dialog, "Teamoverleg", "intervisie")
    dialog.add_button.click()
    return dialog


def test_a_clip_is_trimmed_with_its_time_fields(qtbot, library, marked, monkeypatch) -> None:
    from PySide6.QtCore import QTime

    dialog = _clip_dialog(qtbot, library, marked)
    clip_id = dialog.current_clip()
    assert dialog.start.time() == QTime(0, 0, 0, 500) and dialog.end.time() == QTime(0, 0, 2)
    dialog.start.setTime(QTime(0, 0, 0, 800))
    dialog.start.editingFinished.emit()
    assert (co.get_clip(library, clip_id).start_ms, co.get_clip(library, clip_id).end_ms) == (800, 2000)
    assert "0:00.8" in dialog.clips.item(0).text()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    dialog.end.setTime(QTime(0, 0, 0, 600))  # before the start: refused, the old end comes back
    dialog.end.editingFinished.emit()
    assert shown and co.get_clip(library, clip_id).end_ms == 2000
    assert dialog.end.time() == QTime(0, 0, 2)
    # A pending edit is saved when another clip is chosen, to the clip it was typed for.
    dialog.add_button.click()
    second = dialog.current_clip()
    dialog.clips.setCurrentRow(0)
    dialog.title.setText("Eerste")
    dialog.clips.setCurrentRow(1)
    assert co.get_clip(library, clip_id).title == "Eerste"
    assert co.get_clip(library, second).title != "Eerste"


def test_a_point_gets_the_chosen_lead_and_lag(qtbot, library, tmp_path) -> None:
    rec, _ = add_recording(library, generate_test_clip(tmp_path / "punt.mp4", 20.0))
    review = rv.create_review(library, rec.id)
    point = add_marker(library, rv.list_parties(library, review.id)[1].id, 10_000)
    dialog = _clip_dialog(qtbot, library, (rec.id, point.id))
    first = co.get_clip(library, dialog.current_clip())
    assert (first.start_ms, first.end_ms) == (5_000, 15_000)  # 5 s before and after by default
    dialog.lead.setValue(2)
    dialog.lag.setValue(8)
    dialog.add_button.click()
    second = co.get_clip(library, dialog.current_clip())
    assert (second.start_ms, second.end_ms) == (8_000, 18_000)


def test_playhead_sets_the_ends_and_the_clip_plays_in_the_review(qtbot, library, marked) -> None:
    from vsr.ui.clips.collection_dialog import PlayerLink

    played: list[tuple[int, int, int]] = []
    position = [(marked[0], 1_200)]
    link = PlayerLink(lambda: position[0], lambda r, s, e: played.append((r, s, e)) is None)
    dialog = _clip_dialog(qtbot, library, marked, player=link)
    clip_id = dialog.current_clip()
    assert dialog.start_here.isEnabled() and dialog.preview_button.isEnabled()
    dialog.end_here.click()
    assert co.get_clip(library, clip_id).end_ms == 1_200
    position[0] = (marked[0], 100)
    dialog.start_here.click()
    assert co.get_clip(library, clip_id).start_ms == 100
    dialog.preview_button.click()
    assert played == [(marked[0], 100, 1_200)]
    position[0] = (marked[0] + 99, 0)  # another recording open: the player buttons are off
    dialog.refresh_clips()
    assert not dialog.start_here.isEnabled() and not dialog.preview_button.isEnabled()


def test_collection_retention_rename_and_delete(qtbot, library, marked, monkeypatch) -> None:
    from datetime import date

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QInputDialog

    dialog = _clip_dialog(qtbot, library, marked)
    collection_id = dialog.current_collection()
    assert not dialog.has_keep.isChecked()
    dialog.has_keep.setChecked(True)
    dialog.keep_until.setDate(QDate(2031, 5, 1))
    dialog.flush()  # (otherwise saved shortly after the last change)
    assert co.get_collection(library, collection_id).keep_until == date(2031, 5, 1)
    assert long_date(date(2031, 5, 1)) in dialog.keep_note.text()  # in words, not ISO
    assert list_audit(library, action="retention.set")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Intervisie mei", True))
    dialog.rename_button.click()
    assert co.get_collection(library, collection_id).name == "Intervisie mei"
    assert "Intervisie mei" in dialog.collections.item(0).text()
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: next(answers))
    dialog.delete_button.click()  # No
    assert co.list_collections(library)
    dialog.delete_button.click()  # Yes
    assert co.list_collections(library) == [] and dialog.collections.count() == 0
    assert list_audit(library, action="collection.deleted")


def test_the_gespreksblad_goes_along_only_when_the_review_allows(qtbot, library, marked) -> None:
    from vsr.library.markers import get_marker

    dialog = _clip_dialog(qtbot, library, marked)
    clip_id = dialog.current_clip()
    assert not dialog.reflections.isEnabled() and dialog.reflections_note.text()
    review_id = get_marker(library, marked[1]).review_id
    rv.set_share_reflections(library, review_id, True)  # e.g. in the consent window
    assert dialog.reflections.isEnabled() and not dialog.reflections.isChecked()
    dialog.reflections.setChecked(True)
    assert co.get_clip(library, clip_id).include_reflections
    dialog.reflections.setChecked(False)
    assert not co.get_clip(library, clip_id).include_reflections


def test_names_are_replaced_by_roles_when_asked(qtbot, library, marked, tmp_path) -> None:
    from vsr.library.markers import get_marker

    review_id = get_marker(library, marked[1]).review_id
    client = rv.list_parties(library, review_id)[1]
    rv.rename_party(library, client.id, "Zoë")
    grant_consent(library, marked[0], "intervisie", given_by="Zoë")
    collection = co.create_collection(library, "Teamoverleg", "intervisie")
    co.add_clip(library, collection.id, marked[0], 500, 2000, title="Zoë twijfelt, Ricardo kijkt")
    for replace, out in ((True, tmp_path / "rollen"), (False, tmp_path / "namen")):
        dialog = ExportClipsDialog(library, collection.id)
        qtbot.addWidget(dialog)
        assert not dialog.names.isChecked()  # off with the faces, for intervisie
        dialog.faces.setChecked(True)
        assert dialog.names.isChecked()  # follows the faces, can be set apart
        dialog.faces.setChecked(False)
        dialog.names.setChecked(replace)
        assert dialog.extra_names.isEnabled() is replace
        if replace:  # a name the app cannot know, kept with the collection
            dialog.extra_names.setText("Ricardo")
        dialog.pack.setCurrentIndex(dialog.pack.findData("exercise"))
        dialog.folder.setText(str(out))
        dialog.export_button.click()
        qtbot.waitUntil(lambda d=dialog: d.report is not None, timeout=60_000)
        page = (out / "index.html").read_text("utf-8")
        assert ("Zoë" in page) is not replace
        assert ("Ricardo" in page) is not replace
    from vsr.anonymise.known import extra_names

    assert extra_names(library, "collection", collection.id) == ("Ricardo",)


def test_training_from_a_client_who_may_not_be_recognisable_locks_blurring_on(
        qtbot, library, marked) -> None:
    from vsr.clip_packs.export import faces_must_be_hidden

    rec_id = marked[0]
    grant_consent(library, rec_id, "training", given_by="K.")  # not recognisable
    collection = co.create_collection(library, "Oefenen", "training")
    co.add_clip(library, collection.id, rec_id, 500, 2000)
    assert faces_must_be_hidden(library, collection.id)
    dialog = ExportClipsDialog(library, collection.id)
    qtbot.addWidget(dialog)
    assert dialog.faces.isChecked() and not dialog.faces.isEnabled()
    assert not dialog.faces_note.isHidden() and dialog.faces_note.text()
    grant_consent(library, rec_id, "training", given_by="K.", recognisable=True)
    assert not faces_must_be_hidden(library, collection.id)
    free = ExportClipsDialog(library, collection.id)
    qtbot.addWidget(free)
    assert free.faces.isEnabled() and free.faces_note.isHidden()
    intervisie = co.create_collection(library, "Intervisie", "intervisie")
    assert not faces_must_be_hidden(library, intervisie.id)

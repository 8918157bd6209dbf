"""Screenshots of the review window, every Samenleergesprek step and every dialog at the size
of a municipal laptop (1366x768), so layout problems can be seen after a change or a merge.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots.py [FOLDER] [--lang en]

It writes PNGs to FOLDER (default /tmp/shots), using a throw-away library with a stand-in
recording and the test suite's FakePlayer, so it needs no media files and no VLC. The scene it
builds (`Scene`) is also what tests/ui/test_small_screen.py measures."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRect  # noqa: E402 - after the path set-up
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget  # noqa: E402
from vsr.ui.bridge import LibraryBridge  # noqa: E402
from vsr.ui.main_window import MainWindow  # noqa: E402
from vsr.ui.samenleergesprek.panel import SessionPanel  # noqa: E402

from tests.ui.fake_player import FakePlayer  # noqa: E402
from tests.vsr.fakes import fake_fingerprint, fake_probe  # noqa: E402
from vsr import samenleergesprek as ss  # noqa: E402
from vsr.i18n import using_language  # noqa: E402
from vsr.library import Library, open_library  # noqa: E402
from vsr.library import markers as mk  # noqa: E402
from vsr.library import recordings as rc  # noqa: E402
from vsr.library import reviews as rv  # noqa: E402
from vsr.library import sheets as sh  # noqa: E402
from vsr.samenleergesprek.model import SessionStep  # noqa: E402

SCREEN = QRect(0, 0, 1366, 768)
# What a maximised window gets on a 1366x768 screen: minus a taskbar (~40) and a title bar (~30).
WINDOW_W, WINDOW_H = 1366, 698
PRO, CLIENT = "Anouk de Vries", "Zoë Çelik"


@dataclass
class Scene:
    """A library with one review (two parties, five marked moments, some text) in a window."""

    lib: Library
    bridge: LibraryBridge
    player: FakePlayer
    window: MainWindow
    review_id: int

    @property
    def panel(self) -> SessionPanel:
        panel = self.window.review_view.session_panel
        assert panel is not None
        return panel

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
        self.bridge.close()
        self.lib.close()


def build_scene(folder: Path, lang: str = "nl") -> Scene:
    """The window at WINDOW_W x WINDOW_H with the review open on the Moments tab."""
    lib = open_library(folder / "library.sqlite")
    media = folder / "gesprek-12-januari.mp4"
    media.write_bytes(b"x")
    rec, _ = rc.add_recording(lib, media, prober=fake_probe, fingerprinter=fake_fingerprint)
    with using_language(lang):
        review = rv.create_review(lib, rec.id, title="Gesprek 12 januari",
                                  party_names=(PRO, CLIENT))
    pro, client = rv.list_parties(lib, review.id)
    texts = ("Ik vroeg naar je doel; jij zei: ‘weet ik niet’.",
             "Je zei dat je je zorgen maakt over geld.", "We maakten een afspraak.", "", "")
    for i, (party, text) in enumerate(zip((pro, client, pro, client, client), texts,
                                          strict=True)):
        marker = mk.add_marker(lib, party.id, 8_000 + i * 21_000,
                               theme="bereiken" if i == 1 else "")
        if text:
            sh.set_field(lib, marker.id, sh.SheetField.WHAT_HAPPENED, text)
    bridge = LibraryBridge(lib)
    player = FakePlayer(duration_ms=120_000)
    window = MainWindow(bridge, player)
    window.resize(WINDOW_W, WINDOW_H)
    window.show()
    assert window.open_review(review.id)
    settle()
    return Scene(lib, bridge, player, window, review.id)


def settle() -> None:
    for _ in range(4):  # layout requests ripple up through nested layouts and scroll areas
        QApplication.processEvents()


def show_step(scene: Scene, step: SessionStep) -> SessionPanel:
    """Switch to the Samenleergesprek tab and walk to `step` (rules agreed, 3 moments chosen)."""
    lib, rid = scene.lib, scene.review_id
    view = scene.window.review_view
    view.tabs.setCurrentIndex(1)
    parties = rv.list_parties(lib, rid)
    if step != SessionStep.RULES:
        for party in parties:
            ss.confirm_rules(lib, rid, party.id)
        chosen = ss.get_session(lib, rid).marker_ids
        for marker in mk.list_markers(lib, rid)[:3]:
            if marker.id not in chosen:
                ss.choose_moment(lib, rid, marker.id)
    if step == SessionStep.CLOSING and not ss.get_session(lib, rid).actions:
        ss.add_action(lib, rid, "Het doel samen opschrijven in gewone woorden", parties[1].id,
                      "2026-03-01")
        ss.add_action(lib, rid, "Volgende keer eerst vragen hoe het gaat")
    panel = scene.panel
    panel.go(step)
    settle()
    return panel


def page_scroll(panel: SessionPanel) -> QScrollArea | None:
    """The scroll area of the page on show (the one of the gespreksblad in Stap 2)."""
    areas = panel.current_page().findChildren(QScrollArea)
    return areas[0] if areas else None


def visible_buttons(root: QWidget) -> Iterator[QWidget]:
    from PySide6.QtWidgets import QAbstractButton

    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text():
            yield button


def dialogs(scene: Scene) -> dict[str, Callable[[], QDialog]]:
    """Each dialog of the program, made (not shown) for the open review."""
    from vsr.ui.clips.collection_dialog import CollectionDialog
    from vsr.ui.clips.export_dialog import ExportClipsDialog
    from vsr.ui.package_dialogs import ShareDialog
    from vsr.ui.party_dialog import PartyNamesDialog
    from vsr.ui.privacy.audit_dialog import AuditDialog
    from vsr.ui.privacy.consent_dialog import ConsentDialog
    from vsr.ui.privacy.purge_dialog import PurgeDialog
    from vsr.ui.samenleergesprek.export_dialog import ExportSummaryDialog
    from vsr.ui.search_dialog import SearchDialog

    from vsr.library import collections as cl
    from vsr.library import consent as cs
    from vsr.library.retention import plan_purge

    w, lib = scene.window, scene.lib
    rec_id = rv.get_review(lib, scene.review_id).recording_id

    def clip_export() -> QDialog:
        cs.grant_consent(lib, rec_id, "intervisie", given_by=CLIENT)
        coll = cl.create_collection(lib, "Intervisie maart", "intervisie")
        cl.add_clip(lib, coll.id, rec_id, 8_000, 20_000, title="Het doel")
        return ExportClipsDialog(lib, coll.id, w)

    def eaf_import() -> QDialog:
        from vsr.ui.interop.eaf_import_dialog import EafImportDialog

        from vsr.interop.eaf_read import read_eaf
        from vsr.interop.exports import export_review_file

        out = export_review_file(lib, scene.review_id, "eaf", lib.path.parent / "review.eaf")
        return EafImportDialog(lib, read_eaf(out), str(out), rec_id, scene.review_id, w)

    def purge() -> QDialog:
        # As on a start two months after the agreed last day: the recording is due.
        from datetime import date, timedelta

        from vsr.library.retention import set_recording_retention

        set_recording_retention(lib, rec_id, date.today() + timedelta(days=30))
        return PurgeDialog(lib, plan_purge(lib, date.today() + timedelta(days=90)), w)

    return {
        "clip-export": clip_export,
        "eaf-import": eaf_import,
        "consent": lambda: ConsentDialog(lib, rec_id, w, review_id=scene.review_id),
        "audit": lambda: AuditDialog(lib, w),
        "purge": purge,
        "collections": lambda: CollectionDialog(scene.bridge, lambda: None, w),
        "summary-export": lambda: ExportSummaryDialog(lib, scene.review_id, w),
        "party-names": lambda: PartyNamesDialog(rv.list_parties(lib, scene.review_id), w),
        "search": lambda: SearchDialog(scene.bridge, w),
        "share-package": lambda: ShareDialog(False, w),
    }


@contextmanager
def language(lang: str) -> Iterator[None]:
    from vsr.ui.i18n import install_language

    install_language(lang)
    try:
        yield
    finally:
        install_language("nl")


def save_agreements_notice(scene: Scene, save: Callable[[QWidget, str], None]) -> None:
    """Next before anyone agreed (the notice), then the first "ik doe mee" (notice gone)."""
    panel = scene.panel
    for party in rv.list_parties(scene.lib, scene.review_id):
        ss.confirm_rules(scene.lib, scene.review_id, party.id, False)
    panel.current_page().refresh()
    panel.next()
    save(scene.window, "02-session-rules-notice")
    first = rv.list_parties(scene.lib, scene.review_id)[0]
    panel.pages[SessionStep.RULES].confirm_buttons[first.id].click()  # type: ignore[attr-defined]
    save(scene.window, "02-session-rules-one-agreed")


def fit_to_screen(scene: Scene, minimum: bool) -> None:
    """At the window's minimum size (the largest any step needs), or as large as the screen
    allows (at QT_SCALE_FACTOR=2 a 1366x768 screen is 683x384: the window stays at its
    minimum and runs off the screen, which the shots then show)."""
    window = scene.window
    if minimum:
        least = window.minimumSizeHint()
        for step in [*SessionStep, *SessionStep]:
            show_step(scene, step)
            least = least.expandedTo(window.minimumSizeHint())
        window.resize(least)
        window.review_view.tabs.setCurrentIndex(0)
    else:
        room = QApplication.primaryScreen().availableGeometry()
        window.resize(min(WINDOW_W, room.width()), min(WINDOW_H, room.height() - 30))
    settle()


def take_all(out: Path, lang: str, minimum: bool = False) -> list[Path]:
    from vsr.ui.i18n import install_language

    install_language(lang)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        screen = QApplication.primaryScreen()
        shot = screen.grabWindow(0) if os.environ.get("DISPLAY") else widget.grab()
        shot.save(str(path))
        saved.append(path)

    with tempfile.TemporaryDirectory() as tmp:
        scene = build_scene(Path(tmp), lang)
        window = scene.window
        window.move(0, 0)
        fit_to_screen(scene, minimum)
        save(window, "01-review-moments")
        names = {SessionStep.RULES: "02-session-rules", SessionStep.MOMENTS: "03-session-step1",
                 SessionStep.DISCUSS: "04-session-step2", SessionStep.CLOSING: "05-session-step3"}
        for step, name in names.items():
            panel = show_step(scene, step)
            save(window, name)
            if step == SessionStep.RULES:
                save_agreements_notice(scene, save)
            scroll = page_scroll(panel)
            if scroll is not None and scroll.verticalScrollBar().maximum() > 0:
                scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
                save(window, name + "-end")
        closing = scene.panel.pages[SessionStep.CLOSING]
        closing.ratings.start(rv.list_parties(scene.lib, scene.review_id)[0].id)  # type: ignore[attr-defined]
        scroll = page_scroll(scene.panel)
        if scroll is not None:
            settle()
            scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        save(window, "05-session-step3-rating")
        for n, (name, make) in enumerate(dialogs(scene).items(), start=6):
            dialog = make()
            dialog.show()
            settle()
            save(dialog, f"{n:02d}-dialog-{name}")
            dialog.close()
            dialog.deleteLater()
        scene.close()
    return saved


def take_scale200(out: Path, lang: str) -> list[Path]:
    """The steps a user walks at 200 % text size, each with a control of its own page focused
    (so the window has scrolled to it): run with QT_SCALE_FACTOR=2 on a 1366x768 screen (the
    window then has 683x384 logical pixels) and save as docs/screenshots/scale200-*.png."""
    from vsr.ui.i18n import install_language
    from vsr.ui.small_screen import room_for
    from vsr.ui.window_geometry import fit_to_screen as fit_rect

    install_language(lang)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def save(name: str, focus: QWidget | None = None, what: QWidget | None = None) -> None:
        if focus is not None:
            focus.setFocus()
        settle()
        settle()
        path = out / f"scale200-{name}.png"
        # The window (or dialog) painted afresh: a grab of the screen could show pixels of
        # the layout before (the X server had not been told of the repaint yet).
        (what or scene.window).grab().save(str(path))
        saved.append(path)

    def first_control(root: QWidget) -> QWidget | None:
        from PySide6.QtCore import Qt

        for widget in root.findChildren(QWidget):
            if (widget.isVisibleTo(root) and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                return widget
        return None

    with tempfile.TemporaryDirectory() as tmp:
        scene = build_scene(Path(tmp), lang)
        window = scene.window
        window.setGeometry(fit_rect(QRect(0, 0, 5000, 5000), room_for(window)))
        window.activateWindow()
        window.show_start()
        save("01-start", first_control(window.start_page))
        window.open_review(scene.review_id)
        window.review_view.tabs.setCurrentIndex(0)
        save("02-review-moments", window.review_view.marker_list)
        names = {SessionStep.RULES: "03-agreements", SessionStep.MOMENTS: "04-stap1",
                 SessionStep.DISCUSS: "05-stap2", SessionStep.CLOSING: "06-stap3"}
        for step, name in names.items():
            panel = show_step(scene, step)
            save(name, first_control(panel.current_page()))
        made = dialogs(scene)
        for name in ("summary-export", "consent"):
            dialog = made[name]()
            dialog.show()
            settle()
            dialog.activateWindow()
            save(f"07-{name}" if name == "summary-export" else f"08-{name}",
                 first_control(dialog), dialog)
            dialog.close()
            dialog.deleteLater()
        scene.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default="/tmp/shots")
    parser.add_argument("--lang", default="nl", choices=("nl", "en"))
    parser.add_argument("--minimum", action="store_true",
                        help="at the window's minimum size instead of a maximised window")
    parser.add_argument("--scale200", action="store_true",
                        help="the steps at 200 %% text size (run with QT_SCALE_FACTOR=2)")
    args = parser.parse_args(argv)
    os.environ.setdefault("VSR_VLC_ARGS", "--aout=dummy")
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName("vsr-screenshots")
    QCoreApplication.setApplicationName("vsr-screenshots")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    take = (lambda: take_scale200(Path(args.folder), args.lang)) if args.scale200 else (
        lambda: take_all(Path(args.folder), args.lang, args.minimum))
    for path in take():
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

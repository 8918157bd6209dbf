"""The window as a screen reader meets it, for the AT-SPI test (run by run_atspi.py under Xvfb
with a private D-Bus session): a library with a review and markers, the real MainWindow with the
fake player (no VLC needed), in English. It writes `ready.json` when shown, drives the whole
Samenleergesprek by keyboard when `drive` appears (tests/keyboard_drive.py: key events to the
focused widget only) and writes `driven.json` with what the library then holds; it quits when
`quit` appears."""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

MARKERS = ((1, 31_000, "samenwerking", "luisteren"), (0, 12_000, "bereiken", "doel"),
           (0, 70_000, "begeleiding", ""), (1, 95_000, "samenwerking", "klik"))


def build(folder: Path, lang: str = "en"):  # type: ignore[no-untyped-def]
    from vsr.ui.bridge import LibraryBridge
    from vsr.ui.i18n import install_language
    from vsr.ui.main_window import MainWindow

    from tests.ui.fake_player import FakePlayer
    from tests.vsr.fakes import add_fake_recording, fake_fingerprint
    from vsr.library import markers as mk
    from vsr.library import open_library
    from vsr.library import recordings as rc
    from vsr.library import reviews as rv

    install_language(lang)
    rc._default_fingerprinter = fake_fingerprint
    lib = open_library(str(folder / "library.sqlite"))
    rec = add_fake_recording(lib, folder)
    review = rv.create_review(lib, rec.id, party_names=("Ło", "Cliënt"))
    parties = rv.list_parties(lib, review.id)
    for lane, start, theme, subtopic in MARKERS:
        mk.add_marker(lib, parties[lane].id, start, theme=theme, subtopic=subtopic)
    window = MainWindow(LibraryBridge(lib), FakePlayer(duration_ms=120_000))
    window.resize(1366, 768)
    window.show()
    window.open_review(review.id)
    return lib, review.id, window


def library_state(lib, review_id: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from vsr import method
    from vsr import samenleergesprek as ss
    from vsr.library import markers as mk
    from vsr.library import reviews as rv
    from vsr.library import sheets as sh

    parties = rv.list_parties(lib, review_id)
    state = ss.get_session(lib, review_id)
    sheet = sh.get_sheet(lib, state.moments[0].marker_id) if state.moments else None
    return {
        "parties": [p.name for p in parties],
        "markers": [{"party": next(p.name for p in parties if p.id == m.party_id),
                     "start_ms": m.start_ms, "theme": m.theme, "subtopic": m.subtopic}
                    for m in mk.list_markers(lib, review_id)],
        # The method's words in the window's language, to name the markers with.
        "titles": {**{c.key: c.title for c in method.theme_cards()},
                   **{s.key: s.title for c in method.theme_cards() for s in c.subtopics}},
        "rules_confirmed": len(state.rules_confirmed),
        "moments": len(state.moments),
        "what_happened": sheet.what_happened if sheet else "",
        "feelings": list(sheet.reflection(parties[0].id).feelings) if sheet else [],
        "ratings": ss.visible_ratings(lib, review_id, parties[0].id)[parties[0].id].values,
        "actions": [a.what for a in state.actions],
        "step": state.step.value,
    }


def take_focus(window) -> None:  # type: ignore[no-untyped-def]
    """The window becomes the active one (Xvfb has no window manager to do it) and the
    timeline gets the keyboard focus, as after a click on it."""
    deadline = time.monotonic() + 10
    while QApplication.focusWidget() is None and time.monotonic() < deadline:
        window.raise_()
        window.activateWindow()
        window.review_view.timeline.view.setFocus()
        QApplication.processEvents()
        time.sleep(0.05)


def main(folder: Path) -> int:
    app = QApplication(sys.argv[:1])
    QCoreApplication.setApplicationName("vsr-a11y-test")
    lib, review_id, window = build(folder)
    (folder / "ready.json").write_text(json.dumps(library_state(lib, review_id)))

    def poll() -> None:
        if (folder / "drive").exists() and not (folder / "driven.json").exists():
            from tests import keyboard_drive as kd
            from vsr import samenleergesprek as ss  # noqa: F401 - loaded before the keys fly

            result: dict[str, object] = {}
            try:
                take_focus(window)
                from vsr.library import reviews as rv

                kd.drive_session(rv.list_parties(lib, review_id))
            except AssertionError as exc:
                result["error"] = str(exc)
            except Exception:  # noqa: BLE001 - reported to the test, which fails
                result["error"] = traceback.format_exc()
            result.update(library_state(lib, review_id))
            (folder / "driven.json").write_text(json.dumps(result))
        if (folder / "quit").exists():
            app.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(100)
    code = app.exec()
    window.close()
    lib.close()
    return code


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

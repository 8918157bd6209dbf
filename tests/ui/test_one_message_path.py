"""One way a failure becomes a message box in the window (issue 20): `ui/dialogs.py` (`warn`,
`show_error`, `inform`) is the only module that calls `QMessageBox.warning`, `.critical` or
`.information`; the rest of the window goes through it, so every box shows a sentence in the UI
language (`error_text`) and never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from vsr.ui import dialogs

from vsr.errors import MediaError
from vsr.i18n import using_language

ROOT = Path(__file__).resolve().parents[2]
HELPER = "ui/dialogs.py"
# QMessageBox.warning(…), also through another name for the class or the function.
_DIRECT = re.compile(r"\bQMessageBox\s*\.\s*(warning|critical|information)\b")


def test_warning_and_error_boxes_are_made_only_by_the_dialogs_helper() -> None:
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        source = path.read_text("utf-8")
        for match in _DIRECT.finditer(source):
            if name != HELPER:
                found.append(f"{name}:{source.count(chr(10), 0, match.start()) + 1}")
    assert found == [], "show warnings and errors with ui.dialogs.warn / show_error / inform"


def test_the_guard_sees_a_direct_box() -> None:
    for code in ("QMessageBox.warning(self, t, x)", "QMessageBox.critical(None, 'vsr', m)",
                 "lambda: QMessageBox.information(", "QMessageBox . warning"):
        assert _DIRECT.search(code), code
    assert not _DIRECT.search("QMessageBox.question(self, t, x)")


def test_an_error_box_shows_the_sentence_in_the_ui_language(
        qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, text, *a, **k: shown.append(("warning", title, text)))
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _p, title, text, *a, **k: shown.append(("critical", title, text)))
    parent = QWidget()
    with using_language("en"):
        dialogs.show_error(parent, MediaError("error.media.not_found", path="/weg/gesprek.mp4"))
        dialogs.show_error(None, MediaError("error.media.empty", path="/leeg.mp4"),
                           title="Start", critical=True)
        dialogs.show_error(parent, RuntimeError("boom"))  # a bug: plain words, logged in full
    assert [kind for kind, _t, _x in shown] == ["warning", "critical", "warning"]
    assert "/weg/gesprek.mp4" in shown[0][2] and "{" not in shown[0][2]
    assert shown[1][1] == "Start"
    assert "Traceback" not in shown[2][2] and "boom" in shown[2][2]

"""Drive the window by keyboard only, as a person who cannot use a mouse would: Tab (or Shift+Tab)
until the wanted control has the focus, then Space, Return, arrows or typing. Every key goes to
the focused widget through Qt's test helpers; nothing is clicked or called directly, so a control
that Tab cannot reach, or that ignores Space/Return, makes the drive fail.

Used by the widget tests (tests/ui/test_keyboard_access.py) and by the AT-SPI run
(tests/a11y/app_under_test.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from vsr.model import Party

MAX_TABS = 150  # more than any page has controls: a trap or an unreachable control fails


class NotReachable(AssertionError):
    pass


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    if widget is None:
        raise NotReachable("nothing has the keyboard focus")
    return widget


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focus(), k, modifier)
    settle()


def type_text(text: str) -> None:
    """Typed key by key; letters beyond ASCII (ı ł ø) as the text of a key event, as a
    keyboard layout that has them sends them."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(focus(), char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(focus(), QKeyEvent(kind, Qt.Key.Key_unknown,
                                                          Qt.KeyboardModifier.NoModifier, char))
    settle()


def name_of(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return widget.accessibleName() or (shown if isinstance(shown, str) else "")


def tab_to(wanted: Callable[[QWidget], bool], *, backwards: bool = False,
           what: str = "") -> QWidget:
    """Press Tab (Shift+Tab) until `wanted(focus widget)`; the focus path is in the error."""
    seen: list[str] = []
    for _ in range(MAX_TABS):
        widget = focus()
        if widget.isVisible() and widget.isEnabled() and wanted(widget):
            return widget
        seen.append(f"{type(widget).__name__}:{name_of(widget)[:30]}")
        key(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
            Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier)
    raise NotReachable(f"{what or 'control'} not reached by Tab; focus went: {seen[:60]}")


def named(fragment: str) -> Callable[[QWidget], bool]:
    return lambda widget: fragment.lower() in name_of(widget).lower()


def exactly(name: str) -> Callable[[QWidget], bool]:
    return lambda widget: name_of(widget) == name


def tab_press(fragment: str, how: Qt.Key = Qt.Key.Key_Space, *, exact: bool = False) -> QWidget:
    """Tab to the control whose name contains (or is) `fragment`; press it (Space or Return)."""
    widget = tab_to(exactly(fragment) if exact else named(fragment), what=repr(fragment))
    key(how)
    return widget


def drive_session(parties: Sequence[Party]) -> None:
    """From anywhere in the review window: Ctrl+Tab to the Samenleergesprek, the agreements,
    Stap 1 (choose a moment), Stap 2 (A and a feeling), Stap 3 (a rating, an action). Tab,
    Space, Return, arrows and typing only."""
    key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    for party in parties:
        tab_to(lambda w, n=party.name: w.property("partyName") == n, what=party.name)
        key(Qt.Key.Key_Space)
    tab_press("Next", Qt.Key.Key_Return, exact=True)
    tab_to(lambda w: type(w).__name__ == "QListWidget", what="the marked moments")
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Return)  # choose it
    tab_press("Next", Qt.Key.Key_Return, exact=True)
    tab_to(lambda w: type(w).__name__ == "SheetTextField", what="A")
    type_text("Zij zei ı ł ø")
    tab_press(f"{parties[0].name} feels:")
    tab_press("Next", Qt.Key.Key_Return, exact=True)
    tab_press(f"{parties[0].name}: Answer now")
    tab_to(lambda w: w.accessibleName().startswith(f"{parties[0].name}: ")
           and " – " in w.accessibleName(), what="a rating")
    key(Qt.Key.Key_Space)
    tab_press("Add an action", Qt.Key.Key_Return)
    type_text("Bellen")
    key(Qt.Key.Key_Tab)  # leaving the field saves it

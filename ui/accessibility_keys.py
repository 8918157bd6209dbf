"""Keys go to the control that has the focus before they reach a window shortcut.

The player's keys are window shortcuts (Space plays, arrows skip, digits mark). Without this a
focused button's Space played the video instead of pressing the button, and arrow keys on the tab
bar skipped 5 s instead of switching tabs. Qt asks the focused widget first with a
ShortcutOverride event: accepting it gives the key to the widget. KeyboardGuard accepts it for
the keys each kind of control uses itself, so the player's keys work only where no control takes
them. It also makes Return press a focused button (Qt only does that in dialogs) and lets Tab leave
every table, list and text box (the Moments table trapped Tab for 110+ presses; a text box would
type a tab character)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

K = Qt.Key
PRESS_KEYS = frozenset({K.Key_Space, K.Key_Return, K.Key_Enter, K.Key_Select})
ARROWS = frozenset({K.Key_Left, K.Key_Right, K.Key_Up, K.Key_Down})
PAGING = frozenset({K.Key_Home, K.Key_End, K.Key_PageUp, K.Key_PageDown})
_NO_COMMAND = ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)


def keys_taken_by(widget: QWidget, event: QKeyEvent) -> bool:
    """Whether `widget` (which has the focus) uses this key itself, so no shortcut may take it.
    Keys with Ctrl, Alt or Meta stay shortcuts everywhere (Ctrl+digit marks even in a text)."""
    if event.modifiers() & _NO_COMMAND:
        return False
    key = Qt.Key(event.key())
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        return bool(event.text().strip()) or key in PRESS_KEYS | ARROWS | PAGING
    if isinstance(widget, (QAbstractItemView, QComboBox)):
        return key in PRESS_KEYS | ARROWS | PAGING
    if isinstance(widget, QAbstractSlider):
        return key in ARROWS | PAGING
    if isinstance(widget, QTabBar):
        return key in ARROWS | {K.Key_Home, K.Key_End}
    if isinstance(widget, QRadioButton):
        return key in PRESS_KEYS | ARROWS
    if isinstance(widget, (QCheckBox, QAbstractButton)):
        return key in PRESS_KEYS
    taken = widget.property("keysTaken")  # custom widgets list their own keys (the timeline)
    return isinstance(taken, (list, tuple)) and int(key) in taken


def presses_on_return(widget: QWidget) -> bool:
    """Return and Enter press a focused push or tool button, as Space does."""
    return (isinstance(widget, (QPushButton, QToolButton)) and widget.isEnabled()
            and widget.isVisible())


class KeyboardGuard(QObject):
    """One per application (install_keyboard_guard). It filters the events of the focused
    widget only (keys go there first) and follows the focus: an application-wide filter saw
    every event of every widget (thousands while a page is laid out and painted, each one a
    call into Python: 16 ms of the 55 ms the window stalled while opening a new file)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._watched: QWidget | None = None

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        """QApplication.focusChanged: filter the newly focused widget's events instead."""
        if self._watched is not None:
            try:
                self._watched.removeEventFilter(self)
            except RuntimeError:  # already deleted
                pass
        self._watched = new
        if new is None:
            return
        if isinstance(new, QAbstractItemView):
            new.setTabKeyNavigation(False)  # Tab leaves a table; arrows move in it
        elif isinstance(new, (QTextEdit, QPlainTextEdit)):
            new.setTabChangesFocus(True)  # no text here needs a tab character
        new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(event, QKeyEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            if isinstance(watched, QWidget) and watched is QApplication.focusWidget() \
                    and keys_taken_by(watched, event):
                event.accept()
                return True
        elif (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
              and event.key() in (K.Key_Return, K.Key_Enter)
              and not event.modifiers() & _NO_COMMAND and isinstance(watched, QAbstractButton)
              and watched is QApplication.focusWidget() and presses_on_return(watched)):
            watched.click()
            return True
        return False


def install_keyboard_guard() -> KeyboardGuard | None:
    """Install the guard on the running application once; returns it (None without an app)."""
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return None
    guard = app.findChild(KeyboardGuard, "keyboardGuard")
    if guard is None:
        guard = KeyboardGuard(app)
        guard.setObjectName("keyboardGuard")
        app.focusChanged.connect(guard.follow)
        guard.follow(None, app.focusWidget())
    return guard


def tab_stops(container: QWidget) -> list[QWidget]:
    """The controls Tab should stop at inside `container`, in reading order: the children of
    each widget top to bottom, those side by side left to right, and all of one child (a
    party's column) before the next. Disabled ones too (Tab passes them by while they are):
    left out, a button enabled later ("Choose this moment" once a row is chosen) kept an old
    place in the chain and Tab went past it. A child with a `tab_chain()` method gives its
    own part of the order."""
    stops: list[QWidget] = []
    for child in reading_order(container.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)):
        if _hidden_on_purpose(child) or child.isWindow():
            continue
        own_chain = getattr(child, "tab_chain", None)
        if callable(own_chain):  # a part that knows its own order (the Samenleergesprek)
            stops += own_chain()
            continue
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(child)
        stops += tab_stops(child)
    return stops


def _hidden_on_purpose(widget: QWidget) -> bool:
    """Hidden by hide() (or never shown by show()), not only waiting to be shown: a widget
    just added to a layout on the screen is hidden until the layout shows it a moment later,
    and Tab's order made meanwhile left out a whole moment's gespreksblad."""
    return widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)


def reading_order(widgets: list[QWidget], same_row_px: int = 12) -> list[QWidget]:
    """Top to bottom; widgets whose tops differ by less than `same_row_px` form a row, read
    left to right."""
    rows: list[list[QWidget]] = []
    for widget in sorted(widgets, key=lambda w: w.y()):
        if rows and abs(widget.y() - rows[-1][0].y()) < same_row_px:
            rows[-1].append(widget)
        else:
            rows.append([widget])
    return [w for row in rows for w in sorted(row, key=lambda w: w.x())]


def step_along(stops: list[QWidget], focus: QWidget | None, forward: bool) -> QWidget | None:
    """The control after (before) the one holding `focus` in `stops` that can take the focus
    now (shown and enabled). At either end: the first (last) one again when nothing else in
    the window can take the focus, else None (Tab leaves `stops` by the window's chain); also
    None when the focus is not in `stops`."""
    here = next((i for i, stop in enumerate(stops)
                 if focus is not None and (stop is focus or stop.isAncestorOf(focus))), None)
    if here is None:
        return None
    ready = [i for i, stop in enumerate(stops) if stop.isVisible() and stop.isEnabled()]
    after = [i for i in ready if (i > here if forward else i < here)]
    if after:
        return stops[after[0] if forward else after[-1]]
    if not ready or _taker_elsewhere(stops, stops[here].window()):
        return None
    return stops[ready[0] if forward else ready[-1]]


def _taker_elsewhere(stops: list[QWidget], window: QWidget) -> bool:
    """Whether a control outside `stops` in `window` can take the focus by Tab now."""
    inside = set(map(id, stops))
    return any(id(w) not in inside and w.window() is window and w.isVisible()
               and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
               and not any(stop.isAncestorOf(w) for stop in stops)
               for w in window.findChildren(QWidget))


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab visits `widgets` in this order (the rest of the window keeps its place)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


class ReturnOpens(QObject):
    """Return (or Enter) on a list's item calls `open_item` once and goes no further. A list
    view passes Return on to its dialog after opening the item, so the dialog's default button
    ("Open moment", "Search") was pressed as well: the moment opened twice, or a search ran
    besides the opening."""

    def __init__(self, view: QAbstractItemView, open_item: Callable[[], object]) -> None:
        super().__init__(view)
        self._open = open_item
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(watched, QAbstractItemView) and watched.currentIndex().isValid()):
            self._open()
            return True
        return False

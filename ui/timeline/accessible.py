"""What a screen reader finds in the timeline: a named pane with one child per party's lane, one
per marker (in time order, named like "Cliënt, 0:31, Luisteren en begrijpen", with a Press
action that selects the moment and seeks to it) and the playhead with its position as a value.

The timeline paints everything itself, so Qt saw one nameless widget ("filler" over AT-SPI). The
children have no widget of their own; each is a QAccessibleWidget over the timeline that answers
for its part. (A plain QAccessibleInterface subclass cannot give Qt an action interface from
Python: PySide6 cannot hand out the second C++ base, and AT-SPI crashed on it.) A child's
object() is None so Qt's cache keeps mapping the timeline widget to the pane itself; see
keep_alive for who owns them."""

from __future__ import annotations

import atexit
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QColor,
    QPalette,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from vsr import method
from vsr.model import Marker, Party

from ..timefmt import format_ms

if TYPE_CHECKING:
    from .view import TimelineView

Key = tuple[str, int]
PLAYHEAD: Key = ("playhead", 0)



def theme_words(marker: Marker) -> str:
    """The sub-topic when there is one ("Luisteren en begrijpen"), else the card's title."""
    if marker.theme and marker.subtopic:
        title = method.subtopic_title(marker.theme, marker.subtopic)
        if title:
            return title
    card = method.theme_card(marker.theme) if marker.theme else None
    if card is not None:
        return card.title
    return QCoreApplication.translate("TimelineAccessible", "no theme yet")


def marker_name(marker: Marker, party: Party | None) -> str:
    unknown = QCoreApplication.translate("TimelineAccessible", "Unknown")
    who = party.name if party is not None else unknown
    when = format_ms(marker.start_ms)
    if marker.end_ms is not None and marker.end_ms > marker.start_ms:
        when = QCoreApplication.translate("TimelineAccessible", "{start} to {end}").format(
            start=when, end=format_ms(marker.end_ms))
    return f"{who}, {when}, {theme_words(marker)}"


class TimelinePart(QAccessibleWidget):
    """A lane, a marker or the playhead: a child of TimelineAccessible."""

    def __init__(self, view: TimelineView, key: Key, role: QAccessible.Role) -> None:
        super().__init__(view, role, "")
        self.view, self.key = view, key

    def object(self) -> QObject | None:  # noqa: D102 - see the module docstring
        return None

    def isValid(self) -> bool:  # noqa: N802 (Qt API)
        return self.key in self.view.accessible_keys()

    def parent(self) -> QAccessibleInterface | None:
        return QAccessible.queryAccessibleInterface(self.view)

    def childCount(self) -> int:  # noqa: N802 (Qt API)
        return 0

    def child(self, _index: int) -> QAccessibleInterface | None:
        return None

    def indexOfChild(self, _child: QAccessibleInterface) -> int:  # noqa: N802 (Qt API)
        return -1

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # noqa: N802 (Qt API)
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # noqa: N802 (Qt API)
        return None

    def text(self, kind: QAccessible.Text) -> str:
        return self.view.accessible_text(self.key, kind)

    def rect(self) -> QRect:
        box = self.view.accessible_rect(self.key)
        if box is None:
            return QRect()
        top_left = self.view.mapToGlobal(QPoint(int(box.x), int(box.y)))
        return QRect(top_left.x(), top_left.y(), max(1, int(box.w)), max(1, int(box.h)))

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        focused, selected = self.view.accessible_flags(self.key)
        state.focusable = self.key[0] == "marker"
        state.selectable = self.key[0] == "marker"
        state.focused = focused
        state.selected = selected
        state.invisible = not self.view.isVisible()
        state.offscreen = self.view.accessible_rect(self.key) is None
        return state

    # QAccessibleWidget answers these from its widget(), which is None here (object() is None):
    # Qt dereferenced it and the whole program crashed as soon as a screen reader asked. Orca
    # asks for relations and the window of every object that gets the focus (a marker, with
    # the arrow keys), and for colours when it reads text attributes.
    def relations(self, _match: QAccessible.RelationFlag = QAccessible.RelationFlag.AllRelations,  # type: ignore[override]
                  ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        return []

    def window(self) -> QWindow | None:
        return self.view.window().windowHandle()

    def foregroundColor(self) -> QColor:  # noqa: N802 (Qt API)
        return self.view.palette().color(QPalette.ColorRole.WindowText)

    def backgroundColor(self) -> QColor:  # noqa: N802 (Qt API)
        return self.view.palette().color(QPalette.ColorRole.Window)

    def actionNames(self) -> list[str]:  # noqa: N802 (Qt API)
        if self.key[0] != "marker":
            return []
        return [QAccessibleActionInterface.pressAction(),
                QAccessibleActionInterface.setFocusAction()]

    def doAction(self, name: str) -> None:  # noqa: N802 (Qt API)
        if self.key[0] != "marker":
            return
        if name == QAccessibleActionInterface.pressAction():
            self.view.activate_marker(self.key[1])
        elif name == QAccessibleActionInterface.setFocusAction():
            self.view.focus_marker(self.key[1])

    def keyBindingsForAction(self, name: str) -> list[str]:  # noqa: N802 (Qt API)
        return ["Return"] if name == QAccessibleActionInterface.pressAction() else []


class TimelineAccessible(QAccessibleWidget):
    """The timeline pane: its children are the view's accessible_keys(), in that order."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view, QAccessible.Role.Pane, view.accessibleName())
        self.view = view

    def childCount(self) -> int:  # noqa: N802 (Qt API)
        return len(self.view.accessible_keys())

    def child(self, index: int) -> QAccessibleInterface | None:
        keys = self.view.accessible_keys()
        return part_for(self.view, keys[index]) if 0 <= index < len(keys) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802 (Qt API)
        key = getattr(child, "key", None)
        keys = self.view.accessible_keys()
        return keys.index(key) if key in keys else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # noqa: N802 (Qt API)
        local = self.view.mapFromGlobal(QPoint(x, y))
        hit = self.view.marker_at(local.x(), local.y())
        return part_for(self.view, ("marker", hit.marker_id)) if hit is not None else None

    def focusChild(self) -> QAccessibleInterface | None:  # noqa: N802 (Qt API)
        focused = self.view.focused_marker()
        if focused is None or not self.view.hasFocus():
            return None
        return part_for(self.view, ("marker", focused))


_ROLES = {"lane": QAccessible.Role.Grouping, "marker": QAccessible.Role.Button,
          "playhead": QAccessible.Role.Slider}


def part_for(view: TimelineView, key: Key) -> TimelinePart:
    """The one interface for `key`, made on first use and kept while the view lives."""
    parts: dict[Key, TimelinePart] = view.__dict__.setdefault("_accessible_parts", {})
    part = parts.get(key)
    if part is None:
        part = parts[key] = TimelinePart(view, key, _ROLES[key[0]])
        keep_alive(view, part)
    return part


# Qt's accessibility cache holds raw pointers to the interfaces, but PySide leaves them owned
# by Python: were Python to free one Qt still holds, the next screen reader query (or the cache
# at exit) would crash. So every interface made here is held until Qt is done with it: after its
# widget is gone (the cache has deleted the pane by then) the rest are deleted through the cache
# itself, and at exit whatever is left, before Python tears down.
_alive: dict[int, list[QAccessibleInterface]] = {}


def keep_alive(view: QWidget, interface: QAccessibleInterface) -> None:
    key = shiboken6.getCppPointer(view)[0]
    held = _alive.get(key)
    if held is None:
        held = _alive[key] = []
        view.destroyed.connect(lambda *_args, k=key: QTimer.singleShot(0, lambda: release(k)))
    held.append(interface)


def release(key: int) -> None:
    for interface in _alive.pop(key, []):
        if shiboken6.isValid(interface):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))


@atexit.register
def _release_all() -> None:
    for key in list(_alive):
        release(key)


def notify(view: QWidget, kind: QAccessible.Event, child: int = -1) -> None:
    event = QAccessibleEvent(view, kind)
    if child >= 0:
        event.setChild(child)
    QAccessible.updateAccessibility(event)


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    from .view import TimelineView

    if not isinstance(obj, TimelineView):
        return None
    pane = TimelineAccessible(obj)
    keep_alive(obj, pane)
    return pane


_installed = False


def install_timeline_accessibility() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True

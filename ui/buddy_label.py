"""A control with a visible label that is its buddy.

On Linux Qt names a combo box by its current text, not by its accessible name: Orca said "1×,
keuzelijst" for the speed and "Iedereen, keuzelijst" for the filter of the moments. A screen
reader learns what the box is for only from a label whose buddy it is (the labelled-by
relation), and a sighted keyboard user sees it too."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget


def option_group(name: str, vertical: bool = False) -> tuple[QWidget, QBoxLayout]:
    """A box for a group of options (radio buttons) named `name`: a screen reader says the
    group's name with the first option it reaches ("Formaat, PDF, keuzerondje"); options laid
    straight into the dialog had none. Put the options in the returned layout."""
    box = QWidget()
    box.setAccessibleName(name)
    row: QBoxLayout = QVBoxLayout(box) if vertical else QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    return box, row


def labelled(widget: QWidget, text: str) -> QWidget:
    """`widget` after a label saying `text`, in a row of their own."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text)
    label.setBuddy(widget)
    row.addWidget(label)
    row.addWidget(widget, 1)
    return box

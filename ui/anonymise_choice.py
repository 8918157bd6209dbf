"""The one anonymisation choice in the window for exports that leave the app (ELAN, subtitles,
CSV, review packages): a check box with what it does, and loading the identifier patterns on a
worker before the export runs, so the window never waits for that load."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from vsr.anonymise.identifiers import preload

from . import workers


def names_check_box(parent: QWidget | None = None) -> QCheckBox:
    box = QCheckBox(QCoreApplication.translate(
        "Anonymise", "Replace names and other personal details"), parent)
    box.setToolTip(QCoreApplication.translate(
        "Anonymise", "Names become roles (Client, Professional) or [name]; e-mail addresses, "
        "phone numbers, BSN, addresses and dates of birth are replaced too, also in the file "
        "name."))
    return box


def when_identifiers_loaded(then: Callable[[], None],
                            failed: Callable[[BaseException], None]) -> workers.Task:
    """Load the identifier patterns on a worker (once per run of the app), then call `then` on
    the main thread."""
    task = workers.Task(lambda _progress, _cancelled: preload())
    task.signals.done.connect(lambda _result: then())
    task.signals.failed.connect(failed)
    return workers.start(task)

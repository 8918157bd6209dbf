"""After a purge or a withdrawal in the window: what was deleted is wiped from the library file
and taken out of every backup (`vsr.library.erasure.clean_up`) on a worker, since a library's
backups can take seconds to rewrite; the user hears only when a backup could not be cleaned."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from vsr.library.erasure import ScrubReport, clean_up

from .. import workers
from ..dialogs import show_error, warn


def clean_up_later(parent: QWidget | None, library: Path) -> workers.Task:
    """Start the clean-up (after something was deleted)."""
    task = workers.Task(lambda _progress, _cancelled: clean_up(library))
    task.signals.done.connect(lambda report: _tell(parent, report))
    task.signals.failed.connect(lambda exc: show_error(_alive(parent), exc))
    return workers.start(task)


def _alive(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None and shiboken6.isValid(parent) else None


def _tell(parent: QWidget | None, report: ScrubReport) -> None:
    if not report.failed:
        return
    names = "\n".join(f"{path.name} ({reason})" for path, reason in report.failed)
    warn(_alive(parent), QCoreApplication.translate(
        "Erasure", "What was deleted is still in these backups, which could not be cleaned:\n"
        "{names}\n\nIt is cleaned at the next purge or withdrawal; or delete those backups "
        "(File → Backups…).").format(names=names),
        title=QCoreApplication.translate("Erasure", "Backups not cleaned"))

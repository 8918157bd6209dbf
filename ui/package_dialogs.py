"""File → "Terugkijkgesprek delen (pakket)…" and "Pakket openen…": hand the open review to a
colleague, and receive one. Thin: `vsr.review_package` decides what may travel and checks what
comes in; this asks the user's choices (recording, passphrase, keep both or replace). The
package file is written on a worker, with progress and Cancel (a cancelled package leaves no
file); the library is touched on this thread only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from vsr.anonymise.known import review_names
from vsr.library.consent import has_consent
from vsr.review_package import (
    Incoming,
    OnExisting,
    UnpackPlan,
    abandon_pack,
    begin_pack,
    extract_recording,
    finish_pack,
    finish_unpack,
    plan_unpack,
    read_incoming,
)

from .anonymise_choice import names_check_box, when_identifiers_loaded
from .bridge import LibraryBridge
from .dialogs import error_text, inform, show_error, warn
from .operations import perform
from .workers import Task, start

_FILTER = "vsr (*.vsrpack)"



class ShareDialog(QDialog):
    """The choices for a package: the recording (only with consent for intervisie) and an
    optional passphrase, typed twice."""

    def __init__(self, may_send_recording: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share review (package)"))
        self.recording = QCheckBox(self.tr("Include the recording"))
        self.recording.setEnabled(may_send_recording)
        why = QLabel(self.tr("The package holds the moments, gespreksbladen, the "
                             "Samenleergesprek and the consent state.") + " " + (
            self.tr("The recording may go along: the client consented to intervisie.")
            if may_send_recording else
            self.tr("The recording cannot go along: there is no valid consent for intervisie.")))
        why.setWordWrap(True)
        self.replace_names = names_check_box(self)
        self.passphrase, self.again = QLineEdit(), QLineEdit()
        for field in (self.passphrase, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase (optional):"), self.passphrase)
        form.addRow(self.tr("Passphrase again:"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(self.recording)
        layout.addWidget(self.replace_names)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMaximumWidth(640)

    def _accept(self) -> None:
        if self.passphrase.text() != self.again.text():
            self.note.setText(self.tr("The two passphrases are not the same."))
            return
        self.accept()

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() or None


def share_review(parent: QWidget, bridge: LibraryBridge, review_id: int,
                 recording_id: int) -> Task | None:
    """Ask the choices and write the package: the checks and the ledger row on this thread,
    the file (which may hold an hour of video) on a worker, so the window never waits. Returns
    the running task (None when cancelled or refused, said in words)."""
    dialog = ShareDialog(has_consent(bridge.lib, recording_id, "intervisie"), parent)
    if not dialog.exec():
        return None
    name, _ = QFileDialog.getSaveFileName(parent, dialog.windowTitle(), "", _FILTER)
    if not name:
        return None
    out = Path(name) if name.endswith(".vsrpack") else Path(name + ".vsrpack")
    title = dialog.windowTitle()
    anonymise = dialog.replace_names.isChecked()

    def pack() -> Task | None:
        names = review_names(bridge.lib, review_id) if anonymise else None
        begun = perform(lambda: begin_pack(bridge.lib, review_id, out, names=names,
                                           with_recording=dialog.recording.isChecked(),
                                           passphrase=dialog.chosen_passphrase()))
        if not begun.ok or begun.value is None:
            warn(parent, begun.message, title=title)
            return None
        job = begun.value
        written_to: list[Path] = []  # set by the worker once the file is in place

        def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> Path:
            path = job.write(progress, cancelled)
            written_to.append(path)
            return path

        task = Task(work)
        busy = QProgressDialog(QCoreApplication.translate("PackageDialogs", "Writing the package…"),
                               QCoreApplication.translate("PackageDialogs", "Cancel"), 0, 1000,
                               parent)
        busy.setWindowTitle(title)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)  # a package without its recording is done before that
        busy.setAutoClose(False)
        busy.setAutoReset(False)
        task.signals.progress.connect(lambda f: busy.setValue(round(f * 1000)),
                                      Qt.ConnectionType.QueuedConnection)

        def cancelled() -> None:
            """Stop the worker; once it has ended, forget the file (none is left) or, when it
            was already in place, keep it as written."""
            task.cancel()
            task.signals.finished.connect(
                lambda: written(written_to[0]) if written_to else
                perform(lambda: abandon_pack(bridge.lib, job)),
                Qt.ConnectionType.QueuedConnection)

        busy.canceled.connect(cancelled)
        task.signals.finished.connect(busy.close, Qt.ConnectionType.QueuedConnection)
        task.signals.finished.connect(busy.deleteLater, Qt.ConnectionType.QueuedConnection)

        def written(_path: object) -> None:
            finished = perform(lambda: finish_pack(bridge.lib, job))
            if not finished.ok:
                warn(parent, finished.message, title=title)
                return
            text = QCoreApplication.translate("PackageDialogs", "Package written: %1")
            inform(parent, title, text.replace("%1", str(job.pending.path)))

        def failed(exc: BaseException) -> None:
            perform(lambda: abandon_pack(bridge.lib, job))
            show_error(parent, exc, title=title)

        # Queued: the answers run on this (the window's) thread, where the library lives.
        task.signals.done.connect(written, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        return start(task)

    def pack_when_loaded() -> None:
        pack()

    if anonymise:  # the identifier patterns load on a worker first, never in the window
        return when_identifiers_loaded(pack_when_loaded, lambda exc: show_error(
            parent, exc, title=title))
    return pack()


class PackageReceiver(QObject):
    """Receives one package, asking the passphrase and, for a review already here, keep both
    or replace. Reading and checking the package and writing its recording run on workers;
    the library is touched on this thread only. `received` fires with the `Unpacked` review;
    a refusal is said in words."""

    received = Signal(object)

    def __init__(self, parent: QWidget, bridge: LibraryBridge, path: Path) -> None:
        super().__init__(parent)
        self.owner, self.bridge, self.path = parent, bridge, path
        self.title = QCoreApplication.translate("PackageDialogs", "Open package")
        self.passphrase: str | None = None
        self.choice = OnExisting.ASK
        self.task: Task | None = None

    def start(self) -> None:
        self._run(lambda: read_incoming(self.path, self.passphrase), self._plan)

    def _run(self, work: Callable[[], object], then: Callable[[Any], None]) -> None:
        task = Task(lambda _progress, _cancelled: work())
        # Queued: the answers run on this (the window's) thread, where the library lives.
        task.signals.done.connect(then, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.task = start(task)

    def _failed(self, exc: BaseException) -> None:
        if getattr(exc, "key", "") in ("error.package.passphrase_needed",
                                       "error.package.passphrase_wrong"):
            text, ok = QInputDialog.getText(self.owner, self.title, error_text(exc),
                                            QLineEdit.EchoMode.Password)
            if ok and text:
                self.passphrase = text
                self.start()
            return
        show_error(self.owner, exc, title=self.title)

    def _plan(self, incoming: Incoming) -> None:
        planned = perform(lambda: plan_unpack(self.bridge.lib, incoming, self.choice))
        if planned.ok and planned.value is not None:
            plan = planned.value
            self._run(lambda: extract_recording(plan), lambda file: self._finish(plan, file))
            return
        if getattr(planned.error, "key", "") == "error.package.exists" \
                and self.choice is OnExisting.ASK:
            picked = _ask_existing(self.owner, self.title)
            if picked is not None:
                self.choice = picked
                self._plan(incoming)
            return
        warn(self.owner, planned.message, title=self.title)

    def _finish(self, plan: UnpackPlan, file: Path | None) -> None:
        done = perform(lambda: finish_unpack(self.bridge.lib, plan, file))
        if done.ok:
            self.received.emit(done.value)
        else:
            warn(self.owner, done.message, title=self.title)


def open_package(parent: QWidget, bridge: LibraryBridge) -> PackageReceiver | None:
    """Ask for a package and start receiving it (None when no file was chosen)."""
    title = QCoreApplication.translate("PackageDialogs", "Open package")
    name, _ = QFileDialog.getOpenFileName(parent, title, "", _FILTER)
    if not name:
        return None
    receiver = PackageReceiver(parent, bridge, Path(name))
    receiver.start()
    return receiver


def _ask_existing(parent: QWidget, title: str) -> OnExisting | None:
    text = QCoreApplication.translate("PackageDialogs", "This review is already in your library.")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    keep_text = QCoreApplication.translate("PackageDialogs", "Keep both")
    replace_text = QCoreApplication.translate("PackageDialogs", "Replace")
    both = box.addButton(keep_text, QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton(replace_text, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return OnExisting.KEEP_BOTH if clicked is both else \
        OnExisting.REPLACE if clicked is replace else None

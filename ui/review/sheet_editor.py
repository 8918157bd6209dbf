"""The one gespreksblad editor, used by the Moments tab and by Stap 2 of the Samenleergesprek:
the header (time, who marked it, theme card and the sub-topic's question), A, B per party side
by side (feeling pictograms and two optional texts) and C. Every edit is an undoable command on
the window's one undo stack, saved through the one edit path (ui.operations); a save that fails
shows a message above the sheet and keeps the text in its field until it can be saved."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from vsr import method
from vsr.errors import StorageError
from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.library import themes
from vsr.library.changes import Action, Change, Entity
from vsr.model import Marker, Party

from ..bridge import LibraryBridge
from ..fitting import UpAndDownScrollArea
from ..operations import perform, push_performed
from ..widgets import MIN_TARGET, NoticeBar, heading, prompt, text_field
from .party_reflection import PartyColumns, PartyReflection
from .sheet_fields import RETRY_MS, SheetTextField
from .sheet_header import SheetHeader
from .undo_commands import EditSheetFieldCommand, SetFeelingsCommand, SetThemeCommand

Key = tuple[sh.SheetField, int | None]


class SheetEditor(QWidget):
    """Shows and saves the gespreksblad of one marker at a time. `typing_started` fires when
    someone starts writing in any of its fields (for "pause while typing")."""

    typing_started = Signal()
    theme_changed = Signal()

    def __init__(self, bridge: LibraryBridge, undo: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.undo = bridge, undo
        self.marker: Marker | None = None
        self.parties: list[Party] = []
        self._fields: dict[Key, SheetTextField] = {}
        self.columns: dict[int, PartyReflection] = {}
        self.header: SheetHeader | None = None
        self.show_moment_title = True  # time and who marked it, above the theme card
        self._drafts: dict[tuple[int, sh.SheetField, int | None], tuple[str, str]] = {}
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(RETRY_MS)
        self._draft_timer.timeout.connect(self._save_drafts)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.notice = NoticeBar()
        outer.addWidget(self.notice)
        self.scroll = UpAndDownScrollArea()
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no nameless Tab stop; fields scroll in
        outer.addWidget(self.scroll, 1)
        self._layout = QVBoxLayout()
        self.setAccessibleName(self.tr("Reflection sheet"))
        bridge.changed.connect(self._on_change)
        self._show_empty()

    # -- building -------------------------------------------------------------------------
    def _new_body(self) -> QVBoxLayout:
        self._fields, self.columns, self.header = {}, {}, None
        old = self.scroll.takeWidget()
        if old is not None:
            old.hide()  # gone from the screen now, not only when the event loop deletes it
            old.deleteLater()
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(4, 2, 8, 4)
        self._layout.setSpacing(4)
        self.scroll.setWidget(body)
        return self._layout

    def _show_empty(self) -> None:
        layout = self._new_body()
        hint = QLabel(self.tr("Mark a moment or choose one in the list to fill in its "
                              "reflection sheet."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Plain text colour: the "mid" grey it had was 1.7:1 on the window (WCAG asks 4.5:1).
        hint.setStyleSheet("padding: 24px;")
        layout.addWidget(hint)
        layout.addStretch(1)

    def set_marker(self, marker_id: int | None, parties: list[Party]) -> None:
        if self.marker is not None and self.marker.id == marker_id and parties == self.parties:
            return
        self._keep_unsaved()
        same_parties = self.header is not None and parties == self.parties
        self.parties = parties
        if marker_id is None:
            self.marker = None
            self._show_empty()
            return
        self.marker = mk.get_marker(self.bridge.lib, marker_id)
        if same_parties:
            self._rebind()
        else:
            self._build()
        self.reload()

    def _rebind(self) -> None:
        """Another moment with the same parties: point the fields at it instead of building the
        editor again (building it was most of what placing a marker cost)."""
        assert self.marker is not None
        marker_id = self.marker.id
        for (field, party_id), widget in self._fields.items():
            # Forget the previous moment's text first (a failed save of it is a draft now), so
            # nothing of it can be saved into this moment.
            widget.load("")
            widget.set_saver(lambda old, new, f=field, p=party_id, w=widget:
                             self._save_text(marker_id, f, p, old, new, w.burst))
        self.scroll.verticalScrollBar().setValue(0)

    def _build(self) -> None:
        assert self.marker is not None
        layout = self._new_body()
        prompts = method.sheet_prompts()
        self.header = SheetHeader()
        self.header.set_title_visible(self.show_moment_title)
        self.header.theme_chosen.connect(self._set_theme)
        self.header.own_subtopic.connect(self._add_own_subtopic)
        layout.addWidget(self.header)
        # Each question sits inside its empty field (and in its tooltip and accessible
        # description), so the whole sheet fits beside the video in Stap 2; the fields share
        # whatever height is left.
        layout.addWidget(heading(prompts.a_title, 1.1))
        layout.addWidget(self._field(self._question_field(prompts.a_title, prompts.a_prompt),
                                     sh.SheetField.WHAT_HAPPENED, None), 1)
        layout.addWidget(self._words_button())  # issue 22: what was said, into A
        layout.addWidget(heading(prompts.b_title, 1.1))
        layout.addWidget(prompt(prompts.b_prompt))
        for party in self.parties:
            column = PartyReflection(party)
            column.feelings_toggled.connect(lambda chosen, p=party.id: self._set_feelings(p, chosen))
            self._field(column.to_me, sh.SheetField.TO_ME, party.id)
            self._field(column.to_other, sh.SheetField.TO_OTHER, party.id)
            self.columns[party.id] = column
        layout.addWidget(PartyColumns(list(self.columns.values())), 2)
        layout.addWidget(prompt(prompts.b_difference))
        layout.addWidget(heading(prompts.c_title, 1.1))
        layout.addWidget(self._field(self._question_field(prompts.c_title, prompts.c_prompt),
                                     sh.SheetField.KEEP_OR_CHANGE, None), 1)
        if self.bridge.lib.read_only:  # "Alleen bekijken": readable, nothing to change
            for widget in self._fields.values():
                widget.setReadOnly(True)
            self.header.setEnabled(False)
            for column in self.columns.values():
                for button in column.feeling_buttons.values():
                    button.setEnabled(False)
        self.updateGeometry()

    @staticmethod
    def _question_field(title: str, question: str) -> SheetTextField:
        field = text_field(question, title, MIN_TARGET)
        field.setToolTip(question)
        field.setAccessibleDescription(question)
        return field

    def _words_button(self) -> QPushButton:
        """"Put the words from the recording here": shown when the recording has a transcript."""
        from vsr.transcript.store import has_transcript

        assert self.marker is not None
        button = QPushButton(self.tr("Put the words from the recording here"))
        button.setObjectName("fill_a_from_transcript")
        button.setToolTip(self.tr("Adds what was said at this moment to A; you can change it."))
        review = self.bridge.lib.query("SELECT recording_id FROM reviews WHERE id = ?",
                                       (self.marker.review_id,))
        button.setVisible(bool(review) and has_transcript(
            self.bridge.lib, int(str(review[0]["recording_id"]))))
        button.clicked.connect(self._fill_from_transcript)
        self.words_button = button
        return button

    def _fill_from_transcript(self) -> None:
        from vsr.errors import VsrError
        from vsr.transcript.moment_words import moment_words, with_moment_words

        if self.marker is None:
            return
        field = self._fields[(sh.SheetField.WHAT_HAPPENED, None)]
        try:
            words = moment_words(self.bridge.lib, self.marker.id)
        except VsrError as exc:
            self.notice.show_message(exc.message())
            return
        if not words:
            self.notice.show_message(VsrError("error.transcript.no_words").message())
            return
        field.setPlainText(with_moment_words(field.toPlainText(), words))
        field.flush()  # saved now, through the undo stack like typing

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        # The scroll area only scrolls up and down: the editor must be as wide as what it holds.
        hint = super().minimumSizeHint()
        body = self.scroll.widget()
        if body is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(max(hint.width(), body.minimumSizeHint().width() + bar + 4), hint.height())

    def _field(self, widget: SheetTextField, field: sh.SheetField,
               party_id: int | None) -> SheetTextField:
        widget.setObjectName(f"field_{field.value}_{party_id or 0}")
        assert self.marker is not None
        marker_id = self.marker.id  # the text belongs to this moment, whatever is shown later
        widget.set_saver(lambda old, new: self._save_text(marker_id, field, party_id, old, new,
                                                          widget.burst))
        widget.typing_started.connect(self.typing_started)
        self._fields[(field, party_id)] = widget
        return widget

    # -- saving ---------------------------------------------------------------------------
    def report(self, text: str) -> None:
        """Where the edit path says that a save failed ("" once saving works again)."""
        if text == StorageError("error.storage.busy").message():
            text = self.tr("The library is in use by another program. What you typed stays "
                           "here and is saved as soon as the library is free.")
        elif text:
            text += " " + self.tr("What you typed stays here and is saved as soon as that "
                                  "works again.")
        self.notice.show_message(text)

    def _save_text(self, marker_id: int, field: sh.SheetField, party_id: int | None, old: str,
                   new: str, burst: int = 0) -> bool:
        return push_performed(self.undo, EditSheetFieldCommand(
            self.bridge.lib, marker_id, field, old, new, party_id, burst=burst,
            report=self.report, initiator=self))

    def _keep_unsaved(self) -> None:
        """Before another moment is shown: text that cannot be saved now is kept as a draft,
        tried again every few seconds and shown again with its moment."""
        if self.marker is None:
            return
        for (field, party_id), widget in self._fields.items():
            if not widget.flush():
                self._drafts[(self.marker.id, field, party_id)] = (
                    widget.saved_text(), widget.toPlainText())
        if self._drafts:
            self._draft_timer.start()

    def _save_drafts(self) -> None:
        for (marker_id, field, party_id), (old, new) in list(self._drafts.items()):
            if self._save_text(marker_id, field, party_id, old, new):
                del self._drafts[(marker_id, field, party_id)]
        if not self._drafts:
            self._draft_timer.stop()

    def _set_feelings(self, party_id: int, chosen: tuple[str, ...]) -> None:
        if self.marker is None:
            return
        old = sh.get_sheet(self.bridge.lib, self.marker.id).reflection(party_id).feelings
        if not push_performed(self.undo, SetFeelingsCommand(
                self.bridge.lib, self.marker.id, party_id, old, chosen, report=self.report, initiator=self)):
            self.columns[party_id].show_feelings(old)  # not saved: show what is saved

    def _set_theme(self, theme: str, subtopic: str) -> None:
        if self.marker is None:
            return
        push_performed(self.undo, SetThemeCommand(
            self.bridge.lib, self.marker.id, theme, subtopic, report=self.report, initiator=self))
        self._marker_changed()  # saved or not, show what the library holds

    def _add_own_subtopic(self, theme: str, name: str) -> None:
        made = perform(lambda: themes.add_custom_subtopic(self.bridge.lib, theme, name), report=self.report)
        if made.ok and made.value is not None:
            self._set_theme(theme, made.value)
        else:
            self._marker_changed()

    # -- showing the library's state ------------------------------------------------------
    def reload(self) -> None:
        """Show the saved sheet; a field with unsaved typing keeps it (it is saved later)."""
        if self.marker is None:
            return
        sheet = sh.get_sheet(self.bridge.lib, self.marker.id)
        for (field, party_id), widget in self._fields.items():
            source = sheet.reflection(party_id) if field.per_party and party_id is not None \
                else sheet
            if not widget.has_pending_edit():
                widget.load(getattr(source, field.value))
            draft = self._drafts.pop((self.marker.id, field, party_id), None)
            if draft is not None:  # back in its field: the field saves it from now on
                widget.load(draft[0])
                widget.setPlainText(draft[1])
        for party_id, column in self.columns.items():
            column.show_feelings(sheet.reflection(party_id).feelings)
        self._marker_changed()

    def _marker_changed(self) -> None:
        if self.marker is None or self.header is None:
            return
        self.marker = mk.get_marker(self.bridge.lib, self.marker.id)
        self.header.show_marker(self.marker, self.parties,
                                themes.custom_subtopics(self.bridge.lib))
        self.theme_changed.emit()

    def field(self, field: sh.SheetField, party_id: int | None = None) -> SheetTextField:
        return self._fields[(field, party_id)]

    @property
    def theme_combo(self) -> QComboBox:
        assert self.header is not None
        return self.header.theme_combo

    def flush(self) -> bool:
        """Save what is being typed; False when some text could not be saved (it is kept)."""
        return all([widget.flush() for widget in self._fields.values()])

    def _on_change(self, change: Change) -> None:
        if self.marker is None or change.initiator is self:
            return
        if change.ids and self.marker.id not in change.ids:
            return
        if change.entity == Entity.SHEET:
            self.reload()
        elif change.entity == Entity.MARKER and change.action == Action.UPDATED:
            self._marker_changed()
        elif change.entity == Entity.MARKER and change.action == Action.REMOVED:
            self._drafts = {k: v for k, v in self._drafts.items() if k[0] != self.marker.id}
            self.marker = None
            self._show_empty()
        elif change.entity == Entity.THEME:
            self._marker_changed()

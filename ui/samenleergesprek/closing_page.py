"""Stap 3 – Afsluiting: the summary, what each party learned (side by side), the action items,
the perception check, and, when the recording has a transcript, who spoke how much (a
conversation aid, never a score; not while "Apart markeren" still hides the moments)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from vsr import method
from vsr import samenleergesprek as ss
from vsr.errors import VsrError

from ..review.party_reflection import PartyColumns
from ..review.sheet_fields import SheetTextField
from ..widgets import PartyFrame, heading, load_quietly, prompt, separator, text_field
from .actions_editor import ActionsEditor
from .context import Page, SessionContext
from .ratings_editor import RatingsEditor


class ClosingPage(Page):
    def __init__(self, ctx: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        step = method.steps()[2]
        layout = self.scrolling_body(top_margin=12)
        layout.addWidget(heading(self.tr("Step 3 – {title}").format(title=step.title), 1.5))
        layout.addWidget(prompt(step.text))

        layout.addWidget(heading(self.tr("Summary"), 1.15))
        self.summary = text_field(self.tr("What did we talk about? Type here…"),
                                  self.tr("Summary"))
        self.summary.set_saver(lambda _o, new: self.ctx.saved(
            lambda: ss.set_summary(self.ctx.lib, self.ctx.review_id, new, initiator=self)))
        layout.addWidget(self.summary)

        layout.addWidget(heading(self.tr("What did we learn?"), 1.15))
        # Side by side when there is room, one under the other beside the video.
        self._learn_box = QVBoxLayout()
        layout.addLayout(self._learn_box)
        self._learn_columns: PartyColumns | None = None
        self.learnings: dict[int, SheetTextField] = {}
        self._learn_frames: list[PartyFrame] = []

        layout.addWidget(separator())
        layout.addWidget(heading(self.tr("Actions"), 1.15))
        self.actions = ActionsEditor(ctx)
        layout.addWidget(self.actions)

        layout.addWidget(separator())
        layout.addWidget(heading(self.tr("How do we each see it?"), 1.15))
        self.ratings = RatingsEditor(ctx)
        layout.addWidget(self.ratings)

        self.talk_box = QWidget()
        self.talk_box.setObjectName("talk_time")
        talk = QVBoxLayout(self.talk_box)
        talk.setContentsMargins(0, 0, 0, 0)
        talk.addWidget(separator())
        talk.addWidget(heading(self.tr("Who spoke how much"), 1.15))
        note = prompt(self.tr("From what was said in the recording. To talk about, not a score."))
        talk.addWidget(note)
        self.talk_text = QLabel()
        self.talk_text.setWordWrap(True)
        talk.addWidget(self.talk_text)
        self.voices_button = QPushButton(self.tr("Who is who…"))
        self.voices_button.setMinimumHeight(36)
        self.voices_button.clicked.connect(self._name_voices)
        talk.addWidget(self.voices_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.talk_box.hide()
        layout.addWidget(self.talk_box)
        layout.addStretch(1)

    def _build_learnings(self) -> None:
        parties = self.ctx.parties()
        if [p.id for p in parties] == [f.party.id for f in self._learn_frames] and all(
                f.party == p for f, p in zip(self._learn_frames, parties, strict=True)):
            return
        self.flush()
        if self._learn_columns is not None:
            self._learn_columns.hide()
            self._learn_columns.deleteLater()
        self._learn_frames, self.learnings = [], {}
        for party in parties:
            frame = PartyFrame(party)
            field = text_field(self.tr("What did you learn? Type here…"),
                               self.tr("{name}: what did I learn?").format(name=party.name))
            field.set_saver(lambda _o, new, p=party.id: self.ctx.saved(
                lambda: ss.set_learning(self.ctx.lib, self.ctx.review_id, p, new,
                                        initiator=self)))
            frame.body.addWidget(field)
            self._learn_frames.append(frame)
            self.learnings[party.id] = field
        self._learn_columns = PartyColumns(self._learn_frames)
        self._learn_box.addWidget(self._learn_columns)

    def refresh(self) -> None:
        self._build_learnings()
        state = ss.get_session(self.ctx.lib, self.ctx.review_id)
        load_quietly(self.summary, state.summary)
        for party_id, field in self.learnings.items():
            load_quietly(field, state.learning(party_id))
        self.actions.refresh()
        self.ratings.refresh()
        self.refresh_talk_time()

    def talk_lines(self) -> list[str]:
        """The talk-time sentences Stap 3 shows ([] without a transcript, and while the
        moments are still hidden by "Apart markeren")."""
        from vsr.transcript.talk import review_talk_sentences

        if ss.get_session(self.ctx.lib, self.ctx.review_id).markers_hidden:
            return []
        try:  # a read: no edit path, and a notice shown on the page stays
            return review_talk_sentences(self.ctx.lib, self.ctx.review_id)
        except (VsrError, sqlite3.Error):
            return []

    def refresh_talk_time(self) -> None:
        lines = self.talk_lines()
        self.talk_text.setText("\n".join(lines))
        self.talk_box.setVisible(bool(lines))

    def _name_voices(self) -> None:
        from vsr.library.reviews import get_review

        from ..review.voices_dialog import VoicesDialog

        recording_id = get_review(self.ctx.lib, self.ctx.review_id).recording_id
        VoicesDialog(self.ctx.lib, recording_id, self.ctx.review_id, parent=self).exec()
        self.refresh_talk_time()

    def flush(self) -> None:
        self.summary.flush()
        for field in self.learnings.values():
            field.flush()
        self.actions.flush()

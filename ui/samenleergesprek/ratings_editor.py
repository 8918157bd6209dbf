"""The perception check: each party answers the three theme questions on a 1..5 pictogram
scale, one party at a time, without seeing the others' answers. Both sit at one screen, so no
choice stays visible before everyone answered, not even the answering party's own: a face
button does not stay pressed and focus moves on; the question only says "answered" (the
core's `shared_ratings` gives nothing more). Once all have answered, the answers are shown
side by side with the difference in words, plus the trend over earlier reviews."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vsr import method
from vsr import samenleergesprek as ss
from vsr.model import Party
from vsr.samenleergesprek import ratings as rt
from vsr.samenleergesprek.model import RATING_MAX, RATING_MIN, RATING_QUESTIONS

from ..fitting import StackingBox
from ..icons import pictogram
from ..widgets import PartyFrame, big_button, prompt
from .context import SessionContext


def _question_title(question: str) -> tuple[str, str]:
    card = method.theme_card(question)
    return (card.title, card.pictogram) if card is not None else (question, "")


class RatingsEditor(QWidget):
    def __init__(self, ctx: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.active: int | None = None  # the party answering now
        self.face_groups: dict[tuple[int, str], QButtonGroup] = {}
        self.answered_labels: dict[tuple[int, str], QLabel] = {}
        self.ready_button: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(prompt(self.tr("Each of you answers alone. You see each other's "
                                        "answers only when everyone has answered.")))
        # The parties side by side, or one under the other when the panel is narrow.
        self.columns_row = StackingBox(spacing=12)
        layout.addWidget(self.columns_row)
        self.differences = QLabel()
        self.differences.setObjectName("ratingDifferences")
        self.differences.setStyleSheet("QLabel#ratingDifferences { background: #fff8e1;"
                                       " border: 1px solid #e0b000; border-radius: 6px;"
                                       " padding: 8px; }")
        self.differences.setWordWrap(True)
        self.differences.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.differences)
        self.trend = QLabel()
        self.trend.setWordWrap(True)
        self.trend.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.trend)
        self.frames: dict[int, PartyFrame] = {}

    # -- building ------------------------------------------------------------------------------
    def refresh(self) -> None:
        lib, rid = self.ctx.lib, self.ctx.review_id
        for frame in self.frames.values():
            frame.hide()
            self.columns_row.box.removeWidget(frame)
            frame.deleteLater()
        self.frames = {}
        self.face_groups = {}
        self.answered_labels = {}
        self.ready_button = None
        shared = ss.shared_ratings(lib, rid)
        revealed = shared.revealed
        if revealed:
            self.active = None
        for party in self.ctx.parties():
            frame = PartyFrame(party)
            answered = shared.answered.get(party.id, frozenset())
            if revealed:
                self._show_answers(frame, shared.values[party.id].values)
            elif party.id == self.active:
                self._ask(frame, party, answered)
            else:
                self._closed(frame, party, answered >= set(RATING_QUESTIONS))
            self.columns_row.add(frame, 1)
            self.frames[party.id] = frame
        self._show_differences(revealed)

    def _ask(self, frame: PartyFrame, party: Party, answered: frozenset[str]) -> None:
        for question in RATING_QUESTIONS:
            title, picto = _question_title(question)
            label = QLabel(title)
            label.setWordWrap(True)
            label.setStyleSheet("font-weight: bold;")
            frame.body.addWidget(label)
            row = QHBoxLayout()
            group = QButtonGroup(frame)
            for value in range(RATING_MIN, RATING_MAX + 1):
                button = QToolButton()  # not checkable: a pressed face would show the choice
                button.setIcon(pictogram(f"rating-{value}.svg"))
                button.setIconSize(QSize(34, 34))
                button.setMinimumSize(48, 48)
                words = rt.rating_label(value)
                button.setToolTip(words)
                button.setAccessibleName(self.tr("{name}: {question} – {value}").format(
                    name=party.name, question=title, value=words))
                button.setStyleSheet("QToolButton { border: 1px solid #bbbbbb;"
                                     " border-radius: 24px; }")
                group.addButton(button, value)
                row.addWidget(button)
            group.idClicked.connect(
                lambda value, p=party.id, q=question: self.rate(p, q, value))
            self.face_groups[(party.id, question)] = group
            row.addStretch(1)
            frame.body.addLayout(row)
            note = QLabel()
            self.answered_labels[(party.id, question)] = note
            self._show_answered(party.id, question, question in answered)
            frame.body.addWidget(note)
        done = big_button(self.tr("Ready – hide my answers"), color=party.color)
        done.clicked.connect(self.close_answers)
        self.ready_button = done
        frame.body.addWidget(done)

    def _show_answered(self, party_id: int, question: str, answered: bool) -> None:
        note = self.answered_labels[(party_id, question)]
        note.setText(self.tr("✓ Answered (hidden)") if answered else self.tr("Not answered yet"))
        note.setAccessibleName(note.text())

    def _closed(self, frame: PartyFrame, party: Party, complete: bool) -> None:
        note = QLabel(self.tr("✓ Answered. Hidden until everyone has answered.") if complete
                      else self.tr("Not answered yet."))
        note.setWordWrap(True)
        frame.body.addWidget(note)
        text = self.tr("Change my answers") if complete else self.tr("Answer now")
        start = big_button(text, color=party.color)
        start.setAccessibleName(f"{party.name}: {text}")
        start.clicked.connect(lambda _=False, p=party.id: self.start(p))
        frame.body.addWidget(start)
        frame.body.addStretch(1)

    def _show_answers(self, frame: PartyFrame, values: dict[str, int]) -> None:
        grid = QGridLayout()
        for row, question in enumerate(RATING_QUESTIONS):
            title, _picto = _question_title(question)
            label = QLabel(title)
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            value = values[question]
            face = QLabel()
            face.setPixmap(pictogram(f"rating-{value}.svg").pixmap(QSize(36, 36)))
            grid.addWidget(face, row, 1)
            grid.addWidget(QLabel(f"{value} – {rt.rating_label(value)}"), row, 2)
        grid.setColumnStretch(0, 1)
        frame.body.addLayout(grid)

    def _show_differences(self, revealed: bool) -> None:
        self.differences.setVisible(revealed)
        if not revealed:
            self.differences.setText("")
            self.trend.setText("")
            return
        answers = ss.revealed_ratings(self.ctx.lib, self.ctx.review_id) or {}
        parties = self.ctx.parties()
        lines = []
        for question in RATING_QUESTIONS:
            title, _ = _question_title(question)
            said = [(p.name, answers[p.id].values[question]) for p in parties]
            lines.append(f"<b>{title}</b> {ss.describe_difference(said)}")
        self.differences.setText("<br>".join(lines))
        points = ss.rating_trend(self.ctx.lib, self.ctx.review_id)
        if len(points) < 2:
            self.trend.setText("")
            return
        role_names = {"professional": self.tr("Professional"), "client": self.tr("Client"),
                      "other": self.tr("Other")}
        rows = [f"<b>{self.tr('Average answer in conversations with this client')}</b>"]
        for point in points:
            roles = "  ·  ".join(f"{role_names.get(role, role)} {avg:.1f}"
                                 for role, avg in sorted(point.by_role.items(),
                                                         key=lambda kv: kv[0] != "professional"))
            rows.append(f"{point.date[:10]}: {roles}")
        self.trend.setText("<br>".join(rows))

    # -- operations ----------------------------------------------------------------------------
    def start(self, party_id: int) -> None:
        """Let this party answer (and close any other party's answers first)."""
        self.active = party_id
        self.refresh()

    def close_answers(self) -> None:
        self.active = None
        self.refresh()

    def rate(self, party_id: int, question: str, value: int) -> None:
        if party_id != self.active:
            return
        if not self.ctx.saved(lambda: ss.set_rating(self.ctx.lib, self.ctx.review_id, party_id,
                                                    question, value, initiator=self)):
            return
        if ss.ratings_revealed(self.ctx.lib, self.ctx.review_id):
            self.refresh()  # the last answer: show everything side by side
            return
        self._show_answered(party_id, question, True)
        self._focus_after(party_id, question)

    def _focus_after(self, party_id: int, question: str) -> None:
        """Focus leaves the face just pressed (its focus ring would show the choice): on to
        the next question's first face, or to "Ready" after the last question."""
        index = RATING_QUESTIONS.index(question)
        if index + 1 < len(RATING_QUESTIONS):
            group = self.face_groups[(party_id, RATING_QUESTIONS[index + 1])]
            group.buttons()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.ready_button is not None:
            self.ready_button.setFocus(Qt.FocusReason.OtherFocusReason)

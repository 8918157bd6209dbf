"""File → "Who is who in what was said…": the transcript tells two voices apart ("Stem 1",
"Stem 2"); here the users say which is the client and which the professional. Each voice shows
what it said first and can be listened to; a choice is saved at once through the one edit path
(vsr.transcript.parties.set_voice_role), and from then on the voices carry the parties' names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr.library import Library
from vsr.library.reviews import list_parties
from vsr.model import PartyRole
from vsr.transcript.parties import VOICES, set_voice_role, voice_roles
from vsr.transcript.store import Segment, load_transcript
from vsr.transcript.talk import minutes_seconds

from ..operations import perform
from ..status_line import StatusLine

_SAMPLE_CHARS = 90


def first_words(segments: tuple[Segment, ...], speaker: int) -> Segment | None:
    """The voice's first sentence of some length (a greeting of one word says little)."""
    own = [s for s in segments if s.speaker == speaker]
    return next((s for s in own if len(s.text.split()) >= 4), own[0] if own else None)


class VoicesDialog(QDialog):
    """`play(start_ms, end_ms)` plays a part of the recording (the review's player), or None."""

    def __init__(self, lib: Library, recording_id: int, review_id: int,
                 play: Callable[[int, int], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.recording_id, self.review_id = lib, recording_id, review_id
        self.setWindowTitle(self.tr("Who is who"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The computer heard two voices. Say who is who. Then the names "
                               "are used instead of “Voice 1” and “Voice 2”."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        layout.addLayout(grid)
        parties = list_parties(lib, review_id)
        segments = load_transcript(lib, recording_id).segments
        self.choices: dict[int, QComboBox] = {}
        self.listen: dict[int, QPushButton] = {}
        for row, voice in enumerate(VOICES):
            sample = first_words(segments, voice)
            said = (self.tr("First heard at %1: “%2”").replace("%1", minutes_seconds(
                sample.start_ms)).replace("%2", _short(sample.text)) if sample is not None
                else self.tr("This voice was not heard."))
            name = self.tr("Voice %1").replace("%1", str(voice + 1))
            head = QLabel(f"<b>{_html(name)}</b><br>{_html(said)}")
            head.setWordWrap(True)
            grid.addWidget(head, row, 0)
            combo = QComboBox()
            combo.setMinimumHeight(36)
            combo.setAccessibleName(self.tr("Who is voice %1?").replace("%1", str(voice + 1)))
            combo.addItem(self.tr("Not chosen"), "")
            for role in (PartyRole.CLIENT, PartyRole.PROFESSIONAL):
                party = next((p for p in parties if p.role == role), None)
                word = self.tr("the client") if role == PartyRole.CLIENT else self.tr(
                    "the professional")
                combo.addItem(f"{party.name} ({word})" if party and party.name.strip() else word,
                              role.value)
            combo.addItem(self.tr("Someone else"), PartyRole.OTHER.value)
            combo.activated.connect(lambda _i, v=voice: self._chosen(v))
            grid.addWidget(combo, row, 1)
            self.choices[voice] = combo
            button = QPushButton(self.tr("Listen"))
            button.setMinimumHeight(36)
            button.setEnabled(play is not None and sample is not None)
            if play is not None and sample is not None:
                button.clicked.connect(lambda _c=False, s=sample: play(s.start_ms, s.end_ms))
            grid.addWidget(button, row, 2)
            self.listen[voice] = button
        grid.setColumnStretch(0, 1)
        self.status = StatusLine()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show(voice_roles(lib, recording_id))

    def _show(self, roles: dict[int, PartyRole]) -> None:
        for voice, combo in self.choices.items():
            role = roles.get(voice)
            combo.setCurrentIndex(max(0, combo.findData(role.value if role else "")))

    def _chosen(self, voice: int) -> None:
        data = str(self.choices[voice].currentData() or "")
        role = PartyRole(data) if data else None
        outcome = perform(lambda: set_voice_role(self.lib, self.recording_id, voice, role,
                                                 initiator=self), report=self.status.setText)
        if outcome.ok:
            self.status.setText(self.tr("Saved."))
        # what is stored now (also the other voice, or the old answer after a failure)
        self._show(outcome.value if outcome.value is not None
                   else voice_roles(self.lib, self.recording_id))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SAMPLE_CHARS else text[:_SAMPLE_CHARS - 1].rstrip() + "…"


def _html(text: str) -> str:
    import html

    return html.escape(text)

"""The consent of the open recording, shown on it: one line above the video with what the client
agreed to per purpose (own review, intervisie, training), until when, whether a training clip
may show the client recognisably, and how long the recording is kept. "Change…" opens the
consent dialog. It reloads on every consent or retention change, from any window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

from vsr.dates import long_date
from vsr.i18n import translate
from vsr.library.consent import SHARED_PURPOSES, Consent, Purpose, get_consent
from vsr.library.db import Library
from vsr.library.retention import recording_keep_until

from ..flow_layout import FlowLayout

# (background, border, text) per state; the text colours reach WCAG AA on their background.
_GIVEN = ("#e3f4e6", "#5aa469", "#1d4d27")
_NONE = ("#eeeeee", "#b5b5b5", "#3c3c3c")
_LAPSED = ("#fbe3e1", "#cc5a4f", "#6b1d15")


def _chip(label: QLabel, colors: tuple[str, str, str]) -> None:
    background, border, text = colors
    label.setStyleSheet(f"QLabel {{ background: {background}; border: 1px solid {border};"
                        f" color: {text}; border-radius: 10px; padding: 2px 8px; }}")


class ConsentStrip(QFrame):
    change_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentStrip")
        row = FlowLayout(self)
        row.setContentsMargins(0, 0, 0, 2)
        self.caption = QLabel(self.tr("Consent:"))
        self.caption.setStyleSheet("QLabel { border: 1px solid transparent; padding: 2px 0; }")
        row.addWidget(self.caption)
        self.chips: dict[Purpose, QLabel] = {}
        for purpose in (Purpose.OWN_REVIEW, *SHARED_PURPOSES):
            chip = QLabel()
            self.chips[purpose] = chip
            row.addWidget(chip)
        self.keep = QLabel()
        row.addWidget(self.keep)
        self.change_button = QPushButton(self.tr("Change…"))
        # Said on Tab, where the chips (labels) are not: "Change…" alone did not say what it
        # changes, and a screen reader user never heard the consent (found over AT-SPI).
        self.change_button.setAccessibleName(self.tr("Change consent…"))
        self.spoken: dict[Purpose, str] = {}
        self.change_button.setFlat(True)
        self.change_button.setStyleSheet("QPushButton { color: #0b5cad; text-decoration: underline;"
                                         " padding: 2px 6px; }")
        self.change_button.clicked.connect(self.change_requested)
        row.addWidget(self.change_button)

    def purpose_name(self, purpose: Purpose) -> str:
        return translate(purpose.plain_label_key).capitalize()

    def show_recording(self, lib: Library, recording_id: int, today: date | None = None) -> None:
        day = today or date.today()
        own = self.chips[Purpose.OWN_REVIEW]
        own.setText("✓ " + self.purpose_name(Purpose.OWN_REVIEW))
        own.setToolTip(self.tr("Looking back at your own conversation together is always "
                               "allowed."))
        _chip(own, _GIVEN)
        self.spoken[Purpose.OWN_REVIEW] = self.tr("{what}: yes").format(
            what=self.purpose_name(Purpose.OWN_REVIEW))
        for purpose in SHARED_PURPOSES:
            self._show(purpose, get_consent(lib, recording_id, purpose), day)
        self.change_button.setAccessibleDescription(self.tr("Consent now: {list}.").format(
            list="; ".join(self.spoken[p] for p in (Purpose.OWN_REVIEW, *SHARED_PURPOSES))))
        keep_until = recording_keep_until(lib, recording_id)
        if keep_until is None:
            self.keep.hide()
        else:
            self.keep.setText(self.tr("Kept until {day}").format(day=long_date(keep_until)))
            self.keep.setToolTip(self.tr("After this day the recording, its reviews and its "
                                         "clips are deleted."))
            _chip(self.keep, _LAPSED if keep_until < day else _NONE)
            self.keep.show()

    def _show(self, purpose: Purpose, consent: Consent | None, day: date) -> None:
        chip, name = self.chips[purpose], self.purpose_name(purpose)
        if consent is None:
            chip.setText("✗ " + name)
            chip.setToolTip(self.tr("No consent: no clips for {purpose}.").format(
                purpose=name.lower()))
            _chip(chip, _NONE)
            self.spoken[purpose] = self.tr("{what}: no").format(what=name)
            return
        if not consent.valid_on(day):
            chip.setText(self.tr("✗ {purpose} (lapsed {day})").format(
                purpose=name, day=long_date(consent.until)))
            chip.setToolTip(self.tr("The consent ended on {day}; its clips can no longer be "
                                    "exported.").format(day=long_date(consent.until)))
            _chip(chip, _LAPSED)
            self.spoken[purpose] = self.tr("{what}: no").format(what=chip.text()[2:])
            return
        text = "✓ " + name
        if consent.until is not None:
            text += " " + self.tr("until {day}").format(day=long_date(consent.until))
        if purpose is Purpose.TRAINING and not consent.recognisable:
            text += " " + self.tr("(faces blurred)")
        chip.setText(text)
        chip.setToolTip(self.tr("Given by {who} on {given}.").format(
            who=consent.given_by, given=long_date(consent.given_on)))
        _chip(chip, _GIVEN)
        self.spoken[purpose] = self.tr("{what}: yes").format(what=text[2:])

    def texts(self) -> list[str]:
        """What the strip says, chip by chip (for tests and accessibility)."""
        shown = [self.chips[p].text() for p in (Purpose.OWN_REVIEW, *SHARED_PURPOSES)]
        return shown + ([self.keep.text()] if not self.keep.isHidden() else [])

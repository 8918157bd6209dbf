"""Dates in words ("3 maart 2026", "3 March 2026") in the current language, through Babel: the
month as a word, so nobody wonders whether 3-4 is March or April."""

from __future__ import annotations

from datetime import date, datetime

from vsr.i18n import current_language

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}  # en_GB: the day before the month, as in Dutch


def long_date(day: date) -> str:
    from babel.dates import format_date  # Babel's locale data only once a date is worded

    return str(format_date(day, "long", locale=_LOCALES.get(current_language(), "nl_NL")))


def long_date_of(iso: str) -> str:
    """An ISO timestamp or date in words (local time); the text itself when it is no date."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return long_date(moment.date())

"""Dates in words ("3 maart 2026"): the month as a word, so nobody wonders whether 3-4 is
March or April."""

from __future__ import annotations

from datetime import date, datetime

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def long_date(day: date, lang: str) -> str:
    months = _MONTHS.get(lang, _MONTHS["nl"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def long_date_of(iso: str, lang: str) -> str:
    """An ISO timestamp or date in words (local time); the text itself when it is no date."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return long_date(moment.date(), lang)

"""Times and dates as people read them: the one module that renders them (a lint-style test,
tests/vsr/test_one_time_format.py, keeps other renderings out of vsr/ and ui/).

- a moment in a recording: `clock` ("1:23"; "0:01:23" in a recording of an hour or longer, so
  every time in it has one form; `exact` adds tenths, "1:23.4", where editing needs them) and
  `span` ("1:23 – 1:40"), the same text on the timeline, in the moments list and in exports;
- a date in words (`long_date`: "3 maart 2026", "3 March 2026"), through Babel: the month as a
  word, so nobody wonders whether 3-4 is March or April;
- a date and time for logs (`date_time`: "3 maart 2026, 14:05") in the user's language and
  local time;
- `DATE_FIELD_FORMAT`, the one display format of a date field in the window.

File formats (SRT/WebVTT cues, ISO dates in stored rows and file names) are not renderings for
people and keep their own fixed forms."""

from __future__ import annotations

from datetime import date, datetime

from vsr.i18n import current_language

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}  # en_GB: the day before the month, as in Dutch
HOUR_MS = 3_600_000
# A date field (Qt's display format): day, month, year, as people in the Netherlands write it.
DATE_FIELD_FORMAT = "d-M-yyyy"
# A time field where a clip's start and end are edited: to the millisecond (clips are cut to
# the frame), with hours, as Qt's display format.
TIME_FIELD_FORMAT = "H:mm:ss.zzz"


def moment_field_format(length_ms: int | float = 0) -> str:
    """A time field where a moment's time is typed (Qt's display format): as `clock` writes
    it, with hours when the recording is an hour or longer; two digits for the minutes, so
    typed digits fill minutes and then seconds ("0130" is 1:30)."""
    return "H:mm:ss" if length_ms >= HOUR_MS else "mm:ss"


def clock(ms: int | float, length_ms: int | float = 0, *, exact: bool = False) -> str:
    """A moment in a recording: "1:23", or "0:01:23" when the recording (`length_ms`) or the
    moment itself is an hour or longer; `exact` adds tenths ("1:23.4", cut, never rounded up)."""
    ms = max(0, int(ms))
    s, rest = divmod(ms, 1000)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    base = f"{h}:{m:02d}:{s:02d}" if h or length_ms >= HOUR_MS else f"{m}:{s:02d}"
    return f"{base}.{rest // 100}" if exact else base


def span(start_ms: int, end_ms: int | None, length_ms: int | float = 0, *,
         exact: bool = False) -> str:
    """A moment's time: "1:23" for a point, "1:23 – 1:40" for a range."""
    start = clock(start_ms, length_ms, exact=exact)
    if end_ms is None or end_ms == start_ms:
        return start
    return f"{start} – {clock(end_ms, length_ms, exact=exact)}"


def seconds(ms: int | float) -> str:
    """A length in seconds with at most one decimal: "17", "2.5"."""
    return f"{ms / 1000:.1f}".rstrip("0").rstrip(".")


def _locale() -> str:
    return _LOCALES.get(current_language(), "nl_NL")


def long_date(day: date) -> str:
    """A date in words; a datetime (a moment) by its local day."""
    from babel.dates import format_date  # Babel's locale data only once a date is worded

    if isinstance(day, datetime):
        day = _local(day).date()
    return str(format_date(day, "long", locale=_locale()))


def _local(moment: datetime) -> datetime:
    """`moment` in local time; as it is written when that would fall outside the years 1 to
    9999 (a received "0001-01-01T00:00:00+14:00" is the year 0 in UTC: Python raises)."""
    if moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone()
    except (OverflowError, ValueError):
        return moment


def long_date_of(iso: str) -> str:
    """An ISO timestamp or date in words (local time); the text itself when it is no date."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return long_date(_local(moment).date())


def date_time(moment: datetime | str) -> str:
    """When something happened, for a log: "3 maart 2026, 14:05" in local time. An ISO text
    that is no time is shown as it is."""
    from babel.dates import format_time

    if isinstance(moment, str):
        try:
            when = datetime.fromisoformat(moment)
        except ValueError:
            return moment
    else:
        when = moment
    when = _local(when)
    return f"{long_date(when.date())}, {format_time(when.time(), 'HH:mm', locale=_locale())}"

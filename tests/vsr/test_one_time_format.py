"""Times and dates have one rendering, in vsr/dates.py: unit tests of each rendering, and a
lint-style scan that no other module in vsr/ or ui/ formats a time or a date by hand."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from vsr.dates import (
    HOUR_MS,
    clock,
    date_time,
    long_date,
    long_date_of,
    seconds,
    span,
)
from vsr.i18n import using_language

ROOT = Path(__file__).resolve().parents[2]


# -- the renderings ----------------------------------------------------------------------------
def test_one_rendering_of_83_45_seconds() -> None:
    assert clock(83_450) == "1:23"
    assert clock(83_450, exact=True) == "1:23.4"  # tenths cut, never rounded up
    assert clock(83_450, 2 * HOUR_MS) == "0:01:23"  # in a recording of an hour or longer
    assert clock(83_450, 2 * HOUR_MS, exact=True) == "0:01:23.4"


@pytest.mark.parametrize(("ms", "length", "text"), [
    (0, 0, "0:00"), (999, 0, "0:00"), (61_500, 0, "1:01"), (3_599_999, 0, "59:59"),
    (3_600_000, 0, "1:00:00"), (3_723_000, 0, "1:02:03"), (5_000, HOUR_MS, "0:00:05"),
    (5_000, HOUR_MS - 1, "0:05"), (-20, 0, "0:00"), (600_000, 0, "10:00"),
])
def test_clock(ms: int, length: int, text: str) -> None:
    assert clock(ms, length) == text


def test_span_and_seconds() -> None:
    assert span(83_450, None) == "1:23"
    assert span(83_450, 83_450) == "1:23"
    assert span(83_450, 100_000) == "1:23 – 1:40"
    assert span(83_450, 100_000, HOUR_MS) == "0:01:23 – 0:01:40"
    assert (seconds(17_000), seconds(2_500), seconds(2_049)) == ("17", "2.5", "2")


def test_dates_in_words_in_both_languages() -> None:
    with using_language("nl"):
        assert long_date(date(2026, 3, 3)) == "3 maart 2026"
    with using_language("en"):
        assert long_date(date(2026, 3, 3)) == "3 March 2026"
    assert long_date_of("no date") == "no date"


@pytest.mark.parametrize("iso", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"])
def test_a_time_at_the_edge_of_the_calendar_is_worded_as_written(iso: str) -> None:
    """Turned local it would be the year 0 or 10000, which Python refuses (OverflowError: a
    received package's time ended the summary in a traceback): its own date is shown."""
    with using_language("en"):
        assert long_date_of(iso) == long_date(datetime.fromisoformat(iso).date())
        assert date_time(iso).startswith(long_date(datetime.fromisoformat(iso).date()))
        assert long_date(datetime.fromisoformat(iso))


def test_date_time_for_logs_is_local_and_worded() -> None:
    moment = datetime(2026, 3, 3, 14, 5)  # naive: already local
    with using_language("nl"):
        assert date_time(moment) == "3 maart 2026, 14:05"
    with using_language("en"):
        assert date_time(moment) == "3 March 2026, 14:05"
        assert date_time("not a time") == "not a time"
        utc = datetime(2026, 3, 3, 14, 5, tzinfo=UTC)
        local = utc.astimezone()
        assert date_time(utc.isoformat()) == f"{long_date(local.date())}, {local:%H:%M}"


# -- the scan ----------------------------------------------------------------------------------
_ONE_MODULE = "vsr/dates.py"
# Fixed forms of files, never shown as a rendering: SRT/WebVTT cue times, backup file names.
_FILE_FORMATS = {"vsr/interop/subtitles.py", "vsr/library/backups.py"}
# ISO dates in ui/ that are not shown: a file-name suggestion, a query's value.
_UI_ISO_ALLOWED = {("ui/interop/menu.py", "date.today().isoformat()"),
                   ("ui/search_dialog.py", "pydate(day).isoformat()")}
_SIGNS = (
    (re.compile(r"\.strftime\("), "strftime"),
    (re.compile(r"\{[^{}]*:%[A-Za-z]"), "an f-string date format"),
    (re.compile(r"""\.toString\(\s*["']"""), "a Qt date format"),
    (re.compile(r"""setDisplayFormat\(\s*["']"""), "a widget date/time format"),
    (re.compile(r"divmod\([^)]*,\s*(60|3600|60_?000|3_?600_?000)\s*\)"), "divmod by a time unit"),
    (re.compile(r"//\s*(60_?000|3_?600_?000)\b"), "minutes or hours from ms"),
    (re.compile(r"%\s*60\s*:02d"), "seconds as two digits"),
    (re.compile(r"/\s*1000\s*:\.\d+f"), "seconds with decimals"),
)


def time_formats(source: str) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(source.splitlines(), 1):
        code = line.split("#", 1)[0] if not line.lstrip().startswith(("'", '"')) else line
        found += [(number, what) for sign, what in _SIGNS if sign.search(code)]
    return found


def test_the_scan_finds_hand_made_renderings() -> None:
    bad = ('a = f"{s // 60}:{s % 60:02d}"\n'
           'b = when.strftime("%Y-%m-%d %H:%M")\n'
           'c = f"{item.shared_at:%d-%m-%Y}"\n'
           'd = day.toString("yyyy-MM-dd")\n'
           'field.setDisplayFormat("yyyy-MM-dd")\n'
           'h, rest = divmod(ms, 3_600_000)\n'
           'm = ms // 60000\n'
           'x = f"{ms / 1000:.1f}"\n')
    assert [n for n, _ in time_formats(bad)] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert time_formats('t = clock(ms, length_ms)\nfield.setDisplayFormat(DATE_FIELD_FORMAT)\n') == []


def test_no_time_or_date_formatting_outside_the_one_module() -> None:
    offenders = []
    for folder in ("vsr", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == _ONE_MODULE or rel in _FILE_FORMATS:
                continue
            source = path.read_text(encoding="utf-8")
            offenders += [f"{rel}:{n}: {what}" for n, what in time_formats(source)]
            if folder == "ui":
                for n, line in enumerate(source.splitlines(), 1):
                    if ".isoformat()" in line and not any(
                            rel == f and snippet in line for f, snippet in _UI_ISO_ALLOWED):
                        offenders.append(f"{rel}:{n}: an ISO date shown in the window")
    assert offenders == []

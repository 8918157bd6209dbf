"""The checks one value of an incoming package passes: each returns the value as it will be
stored (text cleaned the way edits clean it, flags as 0/1) or raises `Bad` with the key of
what is wrong. Used by `vsr.review_package.validate`, which says which field of which row."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from vsr.model import MAX_RECORDING_MS, PARTY_NAME_MAX
from vsr.text import MAX_TEXT, clean_text

Check = Callable[[object], object]
MAX_LINE = 1_000  # a title or a name: one line (a package's title of 10 MB froze the window)
MAX_ID = 2**62
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_UUID = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TOKEN = re.compile(r"[!-~]{1,200}")  # printable ASCII, no spaces or controls


class Bad(ValueError):
    """One value does not fit; `problem` is the i18n key saying why (package.problem.*)."""

    def __init__(self, problem: str, **params: object) -> None:
        super().__init__(problem)
        self.problem = problem
        self.params = params


@dataclass(frozen=True, slots=True)
class Field:
    check: Check
    default: object = ...  # ...: the field must be there

    @property
    def required(self) -> bool:
        return self.default is ...


def text(value: object) -> str:
    if not isinstance(value, str):
        raise Bad("package.problem.not_text")
    if len(value) > MAX_TEXT:
        raise Bad("package.problem.too_long")
    return clean_text(value)


def line(value: object) -> str:
    """A title or a name: text without the spaces around it."""
    out = text(value).strip()
    if len(out) > MAX_LINE:
        raise Bad("package.problem.too_long")
    return out


def party_name(value: object) -> str:
    """A participant's name, no longer than the names dialog lets one be typed."""
    out = line(value)
    if len(out) > PARTY_NAME_MAX:
        raise Bad("package.problem.too_long")
    return out


def whole(low: int, high: int) -> Check:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Bad("package.problem.not_number")
        if not low <= value <= high:
            raise Bad("package.problem.range", low=low, high=high)
        return value
    return check


def real(low: float, high: float) -> Check:
    def check(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise Bad("package.problem.not_number")
        if not math.isfinite(value) or not low <= value <= high:
            raise Bad("package.problem.range", low=low, high=high)
        return float(value)
    return check


ms = whole(0, MAX_RECORDING_MS)
ident = whole(1, MAX_ID)


def flag(value: object) -> int:
    if value not in (0, 1) or not isinstance(value, int):  # True and False are 1 and 0
        raise Bad("package.problem.not_flag")
    return int(value)


def choice(values: Iterable[object]) -> Check:
    allowed = tuple(values)

    def check(value: object) -> object:
        if isinstance(value, bool) or value not in allowed:
            raise Bad("package.problem.unknown", value=_shown(value))
        return value
    return check


def pattern(regex: re.Pattern[str]) -> Check:
    def check(value: object) -> str:
        if not isinstance(value, str) or not regex.fullmatch(value):
            raise Bad("package.problem.form")
        return value
    return check


colour, uuid_text, token = pattern(_COLOUR), pattern(_UUID), pattern(_TOKEN)


def moment(value: object) -> str:
    """A time stamp as the library writes them (ISO 8601)."""
    if not isinstance(value, str) or len(value) > 40:
        raise Bad("package.problem.not_time")
    try:
        # A time that is no time in UTC (the year 0 or 10000 there: "0001-01-01T00:00+14:00")
        # could not be shown in local time either.
        datetime.fromisoformat(value).astimezone(UTC)
    except (ValueError, OverflowError) as exc:
        raise Bad("package.problem.not_time") from exc
    return value


def day(value: object) -> str:
    if not isinstance(value, str) or len(value) != 10:
        raise Bad("package.problem.not_date")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise Bad("package.problem.not_date") from exc
    return value


def day_or_empty(value: object) -> str:
    return "" if value == "" else day(value)


def optional(check: Check) -> Check:
    def maybe(value: object) -> object:
        return None if value is None else check(value)
    return maybe


def feelings_of(keys: Iterable[str]) -> Check:
    """A JSON list of known feeling keys (as the library stores them), each at most once."""
    known = frozenset(keys)

    def check(value: object) -> str:
        try:
            picked = json.loads(value) if isinstance(value, str) else None
        except (json.JSONDecodeError, RecursionError) as exc:
            raise Bad("package.problem.feelings") from exc
        if not isinstance(picked, list) or not all(isinstance(k, str) for k in picked):
            raise Bad("package.problem.feelings")
        for key in picked:
            if key not in known:
                raise Bad("package.problem.unknown", value=_shown(key))
        if len(set(picked)) != len(picked):
            raise Bad("package.problem.feelings")
        return json.dumps(picked)
    return check


def file_name(value: object) -> str:
    """The recording's file name: a name, never a folder."""
    name = line(value)
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise Bad("package.problem.form")
    return name


def _shown(value: object) -> str:
    """A refused value as the message shows it: short, and without control characters."""
    shown = clean_text(str(value)) if isinstance(value, str) else json.dumps(value)[:40]
    return shown[:40]


def plain(value: Any) -> dict[str, Any]:
    """A row: a JSON object."""
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise Bad("package.problem.shape")
    return value

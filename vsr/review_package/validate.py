"""Every value of an incoming package checked against the library's schema before anything is
written: types, ranges, known enum values, times, the feelings JSON, a moment's end not before
its start, ids that appear once and references that point into the package. Text is cleaned
the way edits clean it (`vsr.text.clean_text`). The result holds only the fields listed
here, so nothing the package adds reaches SQL. A bad package is refused with
`error.package.invalid`, naming the part, the row, the field and what is wrong.

`FIELDS` is also what a package carries: `rows.dump_review` writes these fields and no others
(a test fails when a table gets a column that is not decided on here)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vsr.method import feelings
from vsr.model import MarkerShape, PartyRole
from vsr.review_package.archive import PackageError, words
from vsr.review_package.checks import (
    Bad,
    Field,
    choice,
    colour,
    day,
    day_or_empty,
    feelings_of,
    file_name,
    flag,
    ident,
    line,
    moment,
    ms,
    optional,
    party_name,
    plain,
    real,
    text,
    token,
    uuid_text,
    whole,
)
from vsr.samenleergesprek.model import RATING_MAX, RATING_MIN, RATING_QUESTIONS, SessionStep

_COUNT = whole(0, 100_000)
REVIEW: dict[str, Field] = {
    "title": Field(line), "created_at": Field(moment), "updated_at": Field(moment),
    "opened_at": Field(optional(moment), None), "pause_on_mark": Field(flag, 0),
    "share_reflections": Field(flag, 0), "uuid": Field(uuid_text),
}
RECORDING: dict[str, Field] = {
    "fingerprint": Field(token), "file_name": Field(file_name), "title": Field(line),
    "duration_ms": Field(ms), "has_video": Field(flag), "has_audio": Field(flag),
    "width": Field(_COUNT, 0), "height": Field(_COUNT, 0), "fps": Field(real(0, 1000), 0.0),
    "rotation": Field(choice((0, 90, 180, 270)), 0), "size_bytes": Field(whole(0, 2**50), 0),
    "added_at": Field(moment),
}
CONSENT: dict[str, Field] = {
    "purpose": Field(choice(("intervisie", "training"))), "given_by": Field(line),
    "given_on": Field(day), "until": Field(optional(day), None),
    "recognisable": Field(flag, 0), "recorded_at": Field(moment),
}
# Per table of the review: its fields (ids included) and what makes a row unique in it.
TABLES: dict[str, tuple[dict[str, Field], tuple[str, ...]]] = {
    "parties": ({"id": Field(ident), "role": Field(choice(list(PartyRole))),
                 "name": Field(party_name), "color": Field(colour),
                 "shape": Field(choice(list(MarkerShape))), "position": Field(_COUNT)},
                ("id",)),
    "markers": ({"id": Field(ident), "party_id": Field(ident), "start_ms": Field(ms),
                 "end_ms": Field(optional(ms), None), "theme": Field(text, ""),
                 "subtopic": Field(text, ""), "created_at": Field(moment)}, ("id",)),
    "sheets": ({"marker_id": Field(ident), "what_happened": Field(text, ""),
                "keep_or_change": Field(text, "")}, ("marker_id",)),
    "reflections": ({"marker_id": Field(ident), "party_id": Field(ident),
                     "to_me": Field(text, ""), "to_other": Field(text, ""),
                     "feelings": Field(feelings_of(f.key for f in feelings()), "[]")},
                    ("marker_id", "party_id")),
    "session_state": ({"step": Field(choice(list(SessionStep)), "rules"),
                       "moment_index": Field(_COUNT, 0), "summary": Field(text, ""),
                       "blind_marking": Field(flag, 0),
                       "markers_revealed_at": Field(optional(moment), None),
                       "started_at": Field(moment), "updated_at": Field(moment)}, ()),
    "session_rules": ({"party_id": Field(ident), "confirmed_at": Field(moment)},
                      ("party_id",)),
    "session_moments": ({"id": Field(ident), "marker_id": Field(ident),
                         "position": Field(_COUNT), "lead_ms": Field(ms, 5000),
                         "lag_ms": Field(ms, 5000)}, ("id",)),
    "session_moment_markers": ({"moment_id": Field(ident), "marker_id": Field(ident)},
                               ("moment_id", "marker_id")),
    "session_learnings": ({"party_id": Field(ident), "text": Field(text, "")},
                          ("party_id",)),
    "session_actions": ({"id": Field(ident), "position": Field(_COUNT),
                         "what": Field(text, ""), "who_party_id": Field(optional(ident), None),
                         "due": Field(day_or_empty, ""), "done": Field(flag, 0)}, ("id",)),
    "session_ratings": ({"party_id": Field(ident), "question": Field(choice(RATING_QUESTIONS)),
                         "value": Field(whole(RATING_MIN, RATING_MAX)),
                         "rated_at": Field(moment)}, ("party_id", "question")),
    "pauses": ({"id": Field(ident), "party_id": Field(ident), "position_ms": Field(ms),
                "paused_at": Field(moment), "marker_id": Field(optional(ident), None)}, ("id",)),
}
# Which table a referencing field points into.
REFERENCES = {"party_id": "parties", "who_party_id": "parties", "marker_id": "markers",
              "moment_id": "session_moments"}
# The field a table's own rows are found by, when other rows point at them.
_OWN = {"parties": "id", "markers": "id", "session_moments": "id"}


class _Where(Exception):
    def __init__(self, part: str, row: int | None, field: str | None, bad: Bad) -> None:
        super().__init__(part)
        self.part, self.row, self.field, self.bad = part, row, field, bad


def validated(package: Path, data: dict[str, Any]) -> dict[str, Any]:
    """The package's data checked and cleaned (same shape as `rows.dump_review` writes), or
    PackageError("error.package.invalid") saying what is wrong."""
    try:
        return _validated(data)
    except _Where as where:
        raise invalid(package, where) from where


def _validated(data: dict[str, Any]) -> dict[str, Any]:
    review = _row("review", None, data.get("review"), REVIEW)
    recording = _row("recording", None, data.get("recording"), RECORDING)
    consents = [_row("consents", n, row, CONSENT) for n, row in _rows("consents", data)]
    _unique("consents", consents, ("purpose",))
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise _Where("tables", None, None, Bad("package.problem.shape"))
    checked: dict[str, list[dict[str, Any]]] = {}
    for table, (fields, key) in TABLES.items():
        checked[table] = [_row(table, n, row, fields) for n, row in _rows(table, tables)]
        if key:
            _unique(table, checked[table], key)
    if len(checked["session_state"]) > 1:
        raise _Where("session_state", 2, None, Bad("package.problem.twice"))
    chosen = len(checked["session_moments"])
    for state in checked["session_state"]:
        if state["moment_index"] >= max(1, chosen):  # it points at one of the chosen moments
            raise _Where("session_state", 1, "moment_index",
                         Bad("package.problem.range", low=0, high=max(0, chosen - 1)))
    _check_references(checked)
    _within_recording(recording["duration_ms"], checked)
    return {"review": review, "recording": recording, "consents": consents, "tables": checked}


def _rows(part: str, holder: dict[str, Any]) -> Iterable[tuple[int, Any]]:
    rows = holder.get(part, [])
    if not isinstance(rows, list):
        raise _Where(part, None, None, Bad("package.problem.shape"))
    return enumerate(rows, start=1)


def _row(part: str, n: int | None, value: object, fields: dict[str, Field]) -> dict[str, Any]:
    try:
        row = plain(value)
    except Bad as bad:
        raise _Where(part, n, None, bad) from bad
    out: dict[str, Any] = {}
    for name, spec in fields.items():
        if name not in row and not spec.required:
            out[name] = spec.default
            continue
        try:
            if name not in row:
                raise Bad("package.problem.missing")
            out[name] = spec.check(row[name])
        except Bad as bad:
            raise _Where(part, n, name, bad) from bad
    if part == "markers" and out["end_ms"] is not None and out["end_ms"] < out["start_ms"]:
        raise _Where(part, n, "end_ms", Bad("package.problem.end_before_start"))
    return out


def _unique(part: str, rows: list[dict[str, Any]], key: tuple[str, ...]) -> None:
    seen: set[tuple[object, ...]] = set()
    for n, row in enumerate(rows, start=1):
        value = tuple(row[k] for k in key)
        if value in seen:
            raise _Where(part, n, key[-1], Bad("package.problem.twice"))
        seen.add(value)


def _check_references(tables: dict[str, list[dict[str, Any]]]) -> None:
    known = {table: {row[field] for row in tables[table]} for table, field in _OWN.items()}
    for table, rows in tables.items():
        for n, row in enumerate(rows, start=1):
            for field, target in REFERENCES.items():
                if row.get(field) is not None and row[field] not in known[target]:
                    raise _Where(table, n, field, Bad("package.problem.points_nowhere"))


# Times that must lie in the recording (a second of slack: a duration is the probe's estimate).
_IN_RECORDING = {"markers": ("start_ms", "end_ms"), "pauses": ("position_ms",)}
_END_SLACK_MS = 1000


def _within_recording(duration_ms: int, tables: dict[str, list[dict[str, Any]]]) -> None:
    """No moment or pause after the recording's end (unknown: a duration of 0)."""
    if duration_ms <= 0:
        return
    for table, fields in _IN_RECORDING.items():
        for n, row in enumerate(tables[table], start=1):
            for field in fields:
                if row[field] is not None and row[field] > duration_ms + _END_SLACK_MS:
                    raise _Where(table, n, field, Bad("package.problem.after_end"))


def within_recording(package: Path, duration_ms: int,
                     tables: dict[str, list[dict[str, Any]]]) -> None:
    """The checked tables against the length of the recording they will be put on (the one
    already in the library with the package's fingerprint, whatever length the package says),
    or PackageError("error.package.invalid")."""
    try:
        _within_recording(duration_ms, tables)
    except _Where as where:
        raise invalid(package, where) from where


def invalid(package: Path, where: _Where) -> PackageError:
    part = words(f"package.part.{where.part}")
    place = part if where.row is None else words("package.place.row", part=part,
                                                 row=where.row)
    if where.field is not None:
        place = words("package.place.field", place=place, field=where.field)
    return PackageError("error.package.invalid", path=str(package), place=place,
                        problem=words(where.bad.problem, **where.bad.params))

"""A BORIS project's observation as moments. State events come in start/stop pairs per subject,
behaviour and modifiers and become range moments; point events become point moments; a state
event left open at the end becomes a point. A holds the behaviour (its code and description),
the modifiers and the comment. Subjects become parties (events without a subject go to one
party "Zonder subject"). Only JSON is read, with a size limit; errors name the file."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from vsr.errors import ImportFileError
from vsr.i18n import translate
from vsr.interop.imported_rows import ImportedMoment, ImportResult, store_moments
from vsr.interop.safe_read import MAX_IMPORT_BYTES, parse_json, read_limited
from vsr.library.db import Library
from vsr.model import MAX_RECORDING_MS

MAX_PARTY_NAME = 60


@dataclass(frozen=True, slots=True)
class BorisEvent:
    ms: int
    subject: str
    code: str
    modifiers: tuple[str, ...]
    comment: str


@dataclass(frozen=True, slots=True)
class BorisProject:
    behaviours: dict[str, tuple[bool, str]]  # code -> (is a state event, description)
    observations: dict[str, tuple[BorisEvent, ...]]


class _Bad(Exception):
    pass


def read_boris(path: Path | str, limit: int = MAX_IMPORT_BYTES) -> BorisProject:
    data = parse_json(read_limited(path, limit), path)
    try:
        return _project(data)
    except (_Bad, KeyError) as exc:  # names the project's field: the same in every language
        raise ImportFileError(path=str(path), reason="reason.not_boris.at",
                              detail=str(exc.args[0] if exc.args else "")[:80]) from exc
    except (TypeError, AttributeError, ValueError, ArithmeticError) as exc:
        # Python's own text is English: not for a Dutch sentence
        raise ImportFileError(path=str(path), reason="reason.not_boris") from exc


def _project(data: Any) -> BorisProject:
    if not isinstance(data, dict) or not isinstance(data.get("observations"), dict):
        raise _Bad("observations")
    conf = data.get("behaviors_conf") or {}
    if not isinstance(conf, dict):
        raise _Bad("behaviors_conf")
    behaviours = {}
    for item in conf.values():
        code = str(item["code"])
        behaviours[code] = ("state" in str(item.get("type", "")).lower(), str(item.get("description", "")))
    observations = {}
    for name, obs in data["observations"].items():
        offset = _seconds(obs.get("time offset", 0) or 0)
        events = obs.get("events", [])
        if not isinstance(events, list):
            raise _Bad(f"events {str(name)[:40]}")
        observations[str(name)] = tuple(_event(e, offset) for e in events)
    return BorisProject(behaviours, observations)


def _seconds(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _Bad("time")
    try:
        result = Decimal(str(value))
    except ArithmeticError as exc:  # decimal.InvalidOperation: "soon" is not a time
        raise _Bad("time") from exc
    if not result.is_finite():
        raise _Bad("time")
    return result


def _event(raw: Any, offset: Decimal) -> BorisEvent:
    if not isinstance(raw, list) or len(raw) < 3:
        raise _Bad("events")
    seconds = _seconds(raw[0]) + offset
    if abs(seconds) * 1000 > MAX_RECORDING_MS:  # no recording is longer (see eaf_read)
        raise _Bad("time")
    modifiers = str(raw[3]) if len(raw) > 3 and raw[3] is not None else ""
    mods = tuple(m.strip() for m in modifiers.split("|") if m.strip() and m.strip() != "None")
    comment = str(raw[4]).strip() if len(raw) > 4 and raw[4] is not None else ""
    return BorisEvent(max(0, int(seconds * 1000)), str(raw[1] or "").strip(), str(raw[2]), mods, comment)


def choose_observation(project: BorisProject, name: str | None, source: str) -> str:
    names = list(project.observations)
    if name is not None:
        if name not in project.observations:
            raise ImportFileError("error.import.unknown_observation", path=source, name=name,
                                  names=", ".join(names))
        return name
    with_events = [n for n in names if project.observations[n]]
    if len(with_events) == 1:
        return with_events[0]
    if not with_events:
        raise ImportFileError("error.import.nothing", path=source)
    raise ImportFileError("error.import.choose_observation", path=source, names=", ".join(with_events))


def boris_moments(project: BorisProject, observation: str, mapping: dict[str, str]) -> list[ImportedMoment]:
    open_states: dict[tuple[str, str, tuple[str, ...]], BorisEvent] = {}
    moments = []
    for event in sorted(project.observations[observation], key=lambda e: e.ms):
        state, _description = project.behaviours.get(event.code, (False, ""))
        if not state:
            moments.append(_moment(project, event, None, mapping))
            continue
        key = (event.subject, event.code, event.modifiers)
        start = open_states.pop(key, None)
        if start is None:
            open_states[key] = event
        else:
            moments.append(_moment(project, start, event.ms, mapping, event.comment))
    moments += [_moment(project, e, None, mapping) for e in open_states.values()]
    moments.sort(key=lambda m: (m.start_ms, m.party))
    return moments


def _party(subject: str, mapping: dict[str, str]) -> str:
    name = mapping.get(subject, subject) or translate("interop.no_subject")
    return " ".join(name.split())[:MAX_PARTY_NAME]


def _moment(project: BorisProject, event: BorisEvent, end_ms: int | None, mapping: dict[str, str],
            stop_comment: str = "") -> ImportedMoment:
    description = project.behaviours.get(event.code, (False, ""))[1]
    lines = [f"{event.code} ({description})" if description else event.code]
    if event.modifiers:
        lines.append(", ".join(event.modifiers))
    lines += [c for c in (event.comment, stop_comment) if c]
    return ImportedMoment(party=_party(event.subject, mapping), start_ms=event.ms, end_ms=end_ms,
                          what_happened="\n".join(lines))


def import_boris(lib: Library, path: Path | str, *, recording_id: int, review_id: int | None = None,
                 observation: str | None = None, mapping: dict[str, str] | None = None,
                 initiator: object | None = None) -> ImportResult:
    source = str(path)
    project = read_boris(path)
    chosen = choose_observation(project, observation, source)
    moments = boris_moments(project, chosen, mapping or {})
    parties = list(dict.fromkeys(m.party for m in moments))
    return store_moments(lib, source=source, recording_id=recording_id, review_id=review_id,
                         party_names=parties, moments=moments, initiator=initiator)

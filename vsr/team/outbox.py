"""A local change of consent reaches the team library: withdrawn or narrowed on the laptop,
then withdrawn or narrowed at the source, for everyone.

Only recordings this library shared (its audit log holds a `team.shared` row for one of the
recording's reviews, for that purpose) are told. When the team library is not configured or
cannot be reached, the change waits in a small private file beside the library (the outbox)
and is sent at the next connect (`connect_and_flush`); the caller tells the user which of the
two happened, in words (`TeamNotice.message`)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.team.connection import TeamError, connect

if TYPE_CHECKING:
    import psycopg

    from vsr.library.db import Library


class TeamNotice(Enum):
    NOT_SHARED = "not_shared"  # nothing to tell: this purpose was never shared from here
    TOLD = "told"  # the team library has it now
    QUEUED = "queued"  # waiting in the outbox until the next connect

    def message(self) -> str:
        return "" if self is TeamNotice.NOT_SHARED else translate(f"team.outbox.{self.value}")


@dataclass(frozen=True, slots=True)
class ConsentChange:
    """One change the team library must hear of: a withdrawal (`until`/`recognisable` unused)
    or a narrowing (the consent as it now stands)."""

    recording_id: str  # the team's id (vsr.team.sharing.team_recording_id)
    purpose: str
    withdrawn: bool
    given_on: str = ""
    until: str | None = None
    recognisable: bool = False


def outbox_path(lib: Library) -> Path:
    return Path(lib.path).with_name(Path(lib.path).name + ".team-outbox.json")


def pending(lib: Library | Path) -> list[ConsentChange]:
    """What waits in the outbox. A damaged one (not JSON, nested too deep, a row that is not a
    change this program writes: a withdrawal with a purpose `null` or withdrawn "ja" was sent
    to the team as it was, an unknown field ended in a traceback) is error.team.outbox_damaged."""
    path = lib if isinstance(lib, Path) else outbox_path(lib)
    try:
        rows = json.loads(path.read_text("utf-8"))
        if not isinstance(rows, list):
            raise ValueError("not a list")
        return [_change_of(row) for row in rows]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, RecursionError) as exc:
        raise VsrError("error.team.outbox_damaged", path=path.name) from exc


_PURPOSES = ("intervisie", "training")


def _change_of(row: object) -> ConsentChange:
    """One row as `_save` writes it, or ValueError."""
    fields = {f: type(v) for f, v in asdict(ConsentChange("", "", False)).items()}
    if not isinstance(row, dict) or set(row) - set(fields) or not {
            "recording_id", "purpose", "withdrawn"} <= set(row):
        raise ValueError("not a change")
    change = ConsentChange(**row)
    if not (isinstance(change.recording_id, str) and 0 < len(change.recording_id) <= 200
            and change.purpose in _PURPOSES and isinstance(change.withdrawn, bool)
            and isinstance(change.recognisable, bool)
            and (change.withdrawn or _is_day(change.given_on))
            and (change.until is None or _is_day(change.until))):
        raise ValueError("not a change")
    return change


def _is_day(value: object) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _save(path: Path, changes: list[ConsentChange]) -> None:
    from vsr.app_dirs import PRIVATE_FILE

    if not changes:
        path.unlink(missing_ok=True)
        return
    from vsr.export.atomic import system_words

    tmp = path.with_name(path.name + ".part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump([asdict(c) for c in changes], fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:  # a full disk: a traceback after the change was made here
        tmp.unlink(missing_ok=True)
        raise VsrError("error.team.outbox_not_saved", path=path.name,
                       reason=system_words(exc)) from exc


def was_shared(lib: Library, recording_id: int, purpose: str) -> bool:
    """Whether this library shared one of the recording's reviews with a team for `purpose`."""
    row = lib.conn.execute(
        "SELECT 1 FROM audit_log WHERE action = 'team.shared'"
        " AND json_extract(details, '$.of_recording') = ? AND json_extract(details, '$.purpose') = ?"
        " LIMIT 1", (recording_id, purpose)).fetchone()
    return row is not None


def _send(conn: psycopg.Connection[Any], media: Path | None, change: ConsentChange) -> None:
    from vsr.team.sharing import _call, withdraw

    if change.withdrawn:
        withdraw(None, conn, media, change.recording_id, change.purpose)
    else:
        _call(conn, "SELECT vsr_team.put_consent(%s, %s, %s, %s, %s)",
              (change.recording_id, change.purpose, change.given_on, change.until,
               change.recognisable))


def tell_team(lib: Library, recording_id: int, purpose: str, *, url: str | None,
              media: Path | None, narrowed_to: tuple[date, date | None, bool] | None = None
              ) -> TeamNotice:
    """After a local withdrawal (or, with `narrowed_to` = (given_on, until, recognisable), a
    narrowing): tell the team library, or queue the change when it cannot be reached."""
    outbox = queue_change(lib, recording_id, purpose, narrowed_to)
    return TeamNotice.NOT_SHARED if outbox is None else deliver(outbox, url, media)


def queue_change(lib: Library, recording_id: int, purpose: str,
                 narrowed_to: tuple[date, date | None, bool] | None = None) -> Path | None:
    """Put the change in the outbox (first, so nothing is lost if sending fails); the outbox,
    or None when the recording was never shared for `purpose` from here. Quick: no network."""
    from vsr.library.recordings import get_recording
    from vsr.team.sharing import team_recording_id

    if not was_shared(lib, recording_id, purpose):
        return None
    rec = team_recording_id(get_recording(lib, recording_id).fingerprint)
    if narrowed_to is None:
        change = ConsentChange(rec, purpose, withdrawn=True)
    else:
        given_on, until, recognisable = narrowed_to
        change = ConsentChange(rec, purpose, withdrawn=False, given_on=given_on.isoformat(),
                               until=None if until is None else until.isoformat(),
                               recognisable=recognisable)
    outbox = outbox_path(lib)
    try:
        waiting = pending(outbox)
    except VsrError:
        # The new change is kept all the same (beside a damaged outbox nothing more could be
        # queued); the damaged file is kept aside, never deleted, and the error says it.
        _set_aside(outbox)
        _save(outbox, [change])
        raise
    _save(outbox, [*waiting, change])
    return outbox


def _set_aside(outbox: Path) -> Path:
    aside = outbox.with_name(f"{outbox.name}.damaged")
    n = 1
    while aside.exists():
        aside = outbox.with_name(f"{outbox.name}.damaged.{n}")
        n += 1
    os.replace(outbox, aside)
    return aside


def deliver(outbox: Path, url: str | None, media: Path | None) -> TeamNotice:
    """Send the outbox (a network call: off the window's thread); TOLD or QUEUED."""
    try:
        conn = connect_and_flush(outbox, url, media)
    except TeamError:
        return TeamNotice.QUEUED
    conn.close()
    return TeamNotice.TOLD if not pending(outbox) else TeamNotice.QUEUED


def flush(lib: Library | Path, conn: psycopg.Connection[Any], media: Path | None) -> int:
    """Send what waits in the outbox (of a library, or the file), in order; what fails stays.
    The number sent."""
    outbox = lib if isinstance(lib, Path) else outbox_path(lib)
    waiting = pending(outbox)
    sent = 0
    for change in waiting:
        try:
            _send(conn, media, change)
        except TeamError:
            break
        sent += 1
    _save(outbox, waiting[sent:])
    return sent


def connect_and_flush(lib: Library | Path, url: str | None, media: Path | None
                      ) -> psycopg.Connection[Any]:
    """A connection to the team library, after the outbox went out on it (the next connect)."""
    conn = connect(url)
    try:
        flush(lib, conn, media)
    except BaseException:
        conn.close()
        raise
    return conn

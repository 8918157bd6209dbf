"""Connecting to the team library (PostgreSQL), creating or upgrading its schema, and checking
a connection's rights.

The address is a PostgreSQL URL (`postgresql://user@host/db?sslmode=verify-full`), from the
command line, `VSR_TEAM`, or the window's settings. Log-in is the organisation's own: a password
in `~/.pgpass`, Kerberos (GSSAPI), or client certificates, whatever libpq is set up for. The
program names the workstation it runs on as `application_name`, which the log records beside the
address the server sees."""

from __future__ import annotations

import getpass
import os
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vsr.errors import VsrError
from vsr.team.schema import API_ROLE, GROUP_ROLES, MIGRATIONS, rights_sql

if TYPE_CHECKING:
    import psycopg

ENV_URL = "VSR_TEAM"
ENV_MEDIA = "VSR_TEAM_MEDIA"
CONNECT_TIMEOUT_S = 5
SCHEMA_VERSION = len(MIGRATIONS)


class TeamError(VsrError):
    key = "error.team.unreachable"


def team_url(url: str | None = None) -> str:
    """The team library's address: given, or from VSR_TEAM; a clear error when there is none."""
    url = url or os.environ.get(ENV_URL, "")
    if not url:
        raise TeamError("error.team.no_url")
    if not re.match(r"^postgres(ql)?://", url):
        raise TeamError("error.team.bad_url")
    return url


def safe_url(url: str) -> str:
    """The address without a password, for messages and logs."""
    return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1:***@", url)


def workstation() -> str:
    """What the log records as the workstation: host name and operating-system account."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return f"{socket.gethostname()}/{user}"[:63]


def connect(url: str | None = None) -> psycopg.Connection[Any]:
    """A connection to the team library (autocommit: every API call is its own transaction)."""
    import psycopg

    address = team_url(url)
    try:
        conn = psycopg.connect(address, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                               application_name=workstation())
    except psycopg.Error as exc:
        raise TeamError("error.team.unreachable", url=safe_url(address),
                        detail=_first_line(exc)) from exc
    return conn


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def schema_version(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT to_regclass('vsr_team.schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    got = conn.execute("SELECT max(version) FROM vsr_team.schema_version").fetchone()
    return int(got[0] or 0) if got else 0


def init_schema(url: str | None = None) -> tuple[int, int]:
    """Create or upgrade the schema (as the organisation's administrator); (from, to) versions.
    Runs in one transaction: a failed upgrade changes nothing."""
    import psycopg

    with connect(url) as conn:
        conn.autocommit = False
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(hashtext('vsr_team.init'))")
                _ensure_roles(conn)
                conn.execute("CREATE SCHEMA IF NOT EXISTS vsr_team")
                conn.execute("CREATE TABLE IF NOT EXISTS vsr_team.schema_version ("
                             "version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
                before = schema_version(conn)
                for number in range(before, SCHEMA_VERSION):
                    conn.execute(MIGRATIONS[number])
                    conn.execute("INSERT INTO vsr_team.schema_version (version) VALUES (%s)",
                                 (number + 1,))
                if before > SCHEMA_VERSION:
                    raise TeamError("error.team.newer_schema", version=before)
                for statement in rights_sql():
                    conn.execute(statement)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise TeamError("error.team.init_rights", detail=_first_line(exc)) from exc
    return before, SCHEMA_VERSION


def _ensure_roles(conn: psycopg.Connection[Any]) -> None:
    from psycopg import sql

    for role in (*GROUP_ROLES, API_ROLE):
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
    # The administrator must be able to hand the API functions to vsr_api.
    conn.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(API_ROLE)))


@dataclass
class CheckReport:
    """What `vsr team check` found: each line a finding, and whether all is well."""

    ok: bool = True
    lines: list[tuple[bool, str]] = field(default_factory=list)

    def add(self, good: bool, text: str) -> None:
        self.lines.append((good, text))
        self.ok = self.ok and good


def check(url: str | None = None, media: Path | None = None) -> CheckReport:
    """Diagnose the connection, TLS, the schema, the user's roles and teams, the media store."""
    from vsr.i18n import translate

    report = CheckReport()
    try:
        conn = connect(url)
    except TeamError as exc:
        report.add(False, exc.message())
        return report
    import psycopg

    with conn:
        try:
            _check_database(conn, report)
        except psycopg.Error as exc:
            report.add(False, translate("error.team.not_allowed", detail=_first_line(exc)))
    where = media or media_folder(required=False)
    if where is not None:
        usable = where.is_dir() and os.access(where, os.R_OK | os.W_OK | os.X_OK)
        report.add(usable, translate("team.check.media_ok" if usable else "team.check.media_bad",
                                     folder=str(where)))
    return report


def _check_database(conn: psycopg.Connection[Any], report: CheckReport) -> None:
    from vsr.i18n import translate

    info = conn.info
    report.add(True, translate("team.check.connected", server=str(info.server_version),
                               user=info.user, host=info.host or "socket"))
    tls = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    local = not info.host or info.host.startswith("/")
    report.add(bool(tls and tls[0]) or local,
               translate("team.check.tls_on" if tls and tls[0] else
                         "team.check.tls_local" if local else "team.check.tls_off"))
    roles = [r for r in GROUP_ROLES if conn.execute(
        "SELECT pg_has_role(current_user, %s, 'MEMBER')", (r,)).fetchone() == (True,)]
    report.add(bool(roles), translate("team.check.roles", roles=", ".join(roles) or "-"))
    if not roles:
        return
    version = schema_version(conn)
    report.add(version == SCHEMA_VERSION,
               translate("team.check.schema", version=version, expected=SCHEMA_VERSION))
    if version == SCHEMA_VERSION:
        teams = conn.execute("SELECT team, function FROM vsr_team.my_teams()").fetchall()
        report.add(bool(teams), translate("team.check.teams", teams=", ".join(
            f"{t} ({f})" for t, f in teams) or "-"))


def media_folder(media: Path | str | None = None, *, required: bool = True) -> Path | None:
    """The team's media store: a folder (a network share mounted on this computer)."""
    value = media or os.environ.get(ENV_MEDIA, "")
    if not value:
        if required:
            raise TeamError("error.team.no_media")
        return None
    return Path(value)

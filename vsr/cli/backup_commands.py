"""`vsr backup list|create|restore|check`: the library's rotating backups (vsr.library.backups)."""

from __future__ import annotations

import argparse
import json
import shlex
from datetime import datetime
from pathlib import Path

from vsr.cli.output import print_error
from vsr.dates import date_time
from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.library import backups as bk
from vsr.library.db import default_library_path
from vsr.library.restore import describe_restore, plan_restore
from vsr.library.sqlite_failures import full_disk


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="list, make, restore or check backups of the library")
    cmds = p.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    q = cmds.add_parser("list", help="the backups, newest first")
    q.add_argument("--json", action="store_true", help="machine-readable output")
    q.set_defaults(handler=cmd_list)
    q = cmds.add_parser("create", help="make a backup now (kept until you delete it)")
    q.set_defaults(handler=cmd_create)
    q = cmds.add_parser("restore", help="put a backup back (the current library is kept first)")
    q.add_argument("file", nargs="?", metavar="FILE", help="a backup (default: the newest good one)")
    q.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    q.set_defaults(handler=cmd_restore)
    q = cmds.add_parser("check", help="a full integrity check of the library")
    q.set_defaults(handler=cmd_check)


def local_time(backup: bk.Backup) -> str:
    return date_time(backup.made_at)


def restore_command(library: Path, backup: Path) -> str:
    return f"vsr --library {shlex.quote(str(library))} backup restore {shlex.quote(str(backup))}"


def print_damage(library: Path, problem: str) -> None:
    """What the CLI says when it opens a damaged library read-only: the problem and the fix."""
    newest = bk.newest_good(library)
    if newest is None:
        print_error(translate("error.library.damaged_no_backup", path=str(library),
                              problem=problem))
        return
    print_error(translate("error.library.damaged", path=str(library), problem=problem,
                          command=restore_command(library, newest.path)))


def cmd_list(args: argparse.Namespace) -> int:
    library = default_library_path()
    found = bk.list_backups(library)
    rows = [{"path": str(b.path), "kind": b.kind, "made_at": b.made_at.isoformat(),
             "size": b.size, "ok": bk.check_file(b.path) == "ok"} for b in found]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(translate("cli.backup.none"))
        return 0
    for b, row in zip(found, rows, strict=True):
        flag = "" if row["ok"] else "  !"
        print(f"{local_time(b)}  {b.kind:<14} {b.size // 1024:>7} kB  {b.path}{flag}")
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    library = default_library_path()
    if not library.is_file():
        raise VsrError("error.library.unreadable", path=str(library), reason="not found")
    made = bk.create_backup(library, "manual")
    print(translate("cli.backup.made", path=str(made.path)))
    return 0


def _chosen(library: Path, file: str | None) -> bk.Backup:
    if file is None:  # one the restore will accept: it checks the whole file
        newest = bk.newest_good(library, full=True)
        if newest is None:
            raise VsrError("cli.backup.none")
        return newest
    path = Path(file).expanduser()
    size = path.stat().st_size if path.is_file() else 0
    made = datetime.fromtimestamp(path.stat().st_mtime).astimezone() if path.is_file() else None
    return bk.Backup(path, "manual", made or datetime.now().astimezone(), size)


def cmd_restore(args: argparse.Namespace) -> int:
    library = default_library_path()
    chosen = _chosen(library, args.file)
    if chosen.path.is_file():  # what is carried over, undone and kept: said before asking
        for line in describe_restore(plan_restore(library, chosen.path)):
            print(line)
    if not args.yes:
        answer = input(translate("cli.backup.confirm", library=str(library),
                                 date=local_time(chosen)))
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            print(translate("cli.backup.cancelled"))
            return 1
    kept = bk.restore_backup(library, chosen.path)
    print(translate("cli.backup.restored", path=str(chosen.path),
                    kept=str(kept.path) if kept else "-"))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    library = default_library_path()
    problem = bk.check_file(library, full=True) if library.is_file() else "not found"
    if problem == "ok":
        print(translate("cli.backup.check_ok", path=str(library)))
        return 0
    if full_disk(library, problem):  # not damage: a restore would not help (nor fit)
        print_error(translate("error.library.unreadable", path=str(library),
                              reason="reason.disk_full"))
        return 1
    print_error(translate("cli.backup.check_bad", path=str(library), problem=problem))
    newest = bk.newest_good(library)
    if newest is not None:
        print_error("  " + restore_command(library, newest.path))
    return 1

"""`vsr consent`, `vsr sharing`, `vsr retention`, `vsr purge` and `vsr audit`: consent per
purpose, whether a review's gespreksbladen may go with its clips, how long things are kept,
deleting what expired, and the audit log.

Deleting asks first. `--yes` deletes without asking; without it an interactive terminal gets
a yes/no question, and a script (stdin not a terminal) gets only the list of what would be
deleted and exit code 3, so a forgotten flag in a batch job never deletes anything."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from vsr.cli.output import print_error
from vsr.dates import date_time, long_date
from vsr.i18n import translate, translate_plural
from vsr.library import Library, open_library
from vsr.library import consent as cs
from vsr.library import retention as rt
from vsr.library.audit import check_audit_log, list_audit
from vsr.library.audit_text import (
    action_label,
    check_lines,
    details_label,
    recording_label,
    subject_label,
)
from vsr.library.erasure import ScrubReport
from vsr.library.exported import FileDeletion
from vsr.library.narrowing import describe_narrowing, narrow_consent, plan_narrowing
from vsr.library.recordings import get_recording
from vsr.library.reviews import set_share_reflections, shares_reflections
from vsr.library.withdrawal import describe_withdrawal, plan_withdrawal, withdraw_consent

NOT_CONFIRMED = 3  # exit code: something would be deleted, but it was not confirmed


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("consent", help="show, grant or withdraw consent for a recording")
    p.add_argument("recording", type=int, metavar="RECORDING", help="recording id")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--grant", metavar="PURPOSE", help="intervisie or training")
    action.add_argument("--withdraw", metavar="PURPOSE",
                        help="withdraw, deleting the clips and files made under it")
    p.add_argument("--by", metavar="NAME", help="who gave consent (default: the client)")
    p.add_argument("--until", metavar="DATE", help="last day the consent holds (YYYY-MM-DD)")
    p.add_argument("--given-on", metavar="DATE", help="day it was given (default: today)")
    p.add_argument("--recognisable", action="store_true",
                   help="training: the client may be recognisable")
    p.add_argument("--yes", action="store_true",
                   help="delete without asking (withdrawing, or narrowing a consent)")
    p.set_defaults(handler=cmd_consent)

    p = sub.add_parser("retention", help="set how long a recording or collection is kept")
    p.add_argument("what", choices=("recording", "collection"))
    p.add_argument("ident", type=int, metavar="ID")
    keep = p.add_mutually_exclusive_group(required=True)
    keep.add_argument("--until", metavar="DATE", help="last day to keep it (YYYY-MM-DD)")
    keep.add_argument("--forever", action="store_true", help="remove the end date")
    p.set_defaults(handler=cmd_retention)

    p = sub.add_parser("sharing", help="may a review's gespreksbladen (A/B/C) go with its clips")
    p.add_argument("review", type=int, metavar="REVIEW", help="review id (see `vsr list`)")
    p.add_argument("allow", choices=("on", "off"), nargs="?",
                   help="on: the participants agreed; off: not (default: show)")
    p.set_defaults(handler=cmd_sharing)

    p = sub.add_parser("purge", help="delete recordings and collections whose time is up")
    p.add_argument("--yes", action="store_true", help="delete without asking")
    p.set_defaults(handler=cmd_purge)

    p = sub.add_parser("audit", help="show the audit log (exports, deletions, consent)")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    p.add_argument("--action", metavar="ACTION", help="only this action, e.g. export")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--verify", action="store_true",
                   help="only check that the log was not altered (exit 1 if it was)")
    p.set_defaults(handler=cmd_audit)


def confirmed(yes: bool) -> bool:
    """--yes, or a 'yes' typed at an interactive terminal; a script never confirms."""
    if yes:
        return True
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(translate("cli.confirm")).strip().lower()
    except EOFError:
        return False
    return answer in ("j", "ja", "y", "yes")


def _report_failures(files: FileDeletion, backups: ScrubReport | None = None) -> None:
    for path, reason in files.failed:
        print_error(translate("cli.file_failed", path=path, reason=reason))
    for backup, why in (backups.failed if backups else ()):
        print_error(translate("cli.backup_not_cleaned", path=str(backup), reason=why))


def cmd_consent(args: argparse.Namespace) -> int:
    lib = open_library()
    try:
        if args.grant:
            return _grant(lib, args)
        if args.withdraw:
            return _withdraw(lib, args)
        _show_consent(lib, args.recording)
        return 0
    finally:
        lib.close()


def _grant(lib: Library, args: argparse.Namespace) -> int:
    """Grant or change a consent. A change that narrows it (no longer recognisable, an
    earlier last day) lists the exported files that no longer fit and asks first."""
    purpose = cs.parse_purpose(args.grant, shared_only=True)
    plan = plan_narrowing(lib, args.recording, purpose, recognisable=args.recognisable,
                          until=args.until)
    given_by = args.by or (plan.before.given_by if plan.before else translate("party.client"))
    if plan.empty:
        c = cs.grant_consent(lib, args.recording, purpose, given_by=given_by, until=args.until,
                             given_on=args.given_on, recognisable=args.recognisable)
        print(translate("cli.consent.granted", purpose=c.purpose.label_key,
                        recording=args.recording))
        return 0
    for line in describe_narrowing(plan):
        print(line)
    if not confirmed(args.yes):
        print_error(translate("cli.not_confirmed"))
        return NOT_CONFIRMED
    report = narrow_consent(lib, args.recording, purpose, given_by=given_by, until=args.until,
                            given_on=args.given_on, recognisable=args.recognisable)
    print(translate_plural("cli.consent.narrowed", len(report.files.deleted)))
    now = cs.get_consent(lib, args.recording, purpose)
    if now is not None:
        _tell_team(lib, args.recording, purpose.value,
                   narrowed_to=(now.given_on, now.until, now.recognisable))
    _report_failures(report.files)
    return 1 if report.files.failed else 0


def _withdraw(lib: Library, args: argparse.Namespace) -> int:
    plan = plan_withdrawal(lib, args.recording, args.withdraw)
    for line in describe_withdrawal(lib, plan):
        print(line)
    if not confirmed(args.yes):
        print_error(translate("cli.not_confirmed"))
        return NOT_CONFIRMED
    report = withdraw_consent(lib, args.recording, plan.purpose)
    print(translate(
        "cli.consent.withdrawn", clips=translate_plural("count.clips", len(report.removed_clip_ids)),
        files=translate_plural("count.files", len(report.files.deleted))))
    _tell_team(lib, args.recording, plan.purpose.value)
    _report_failures(report.files, report.backups)
    return 1 if report.files.failed or report.backups.failed else 0


def _tell_team(lib: Library, recording_id: int, purpose: str,
               narrowed_to: tuple[date, date | None, bool] | None = None) -> None:
    """A shared recording's team library hears of the change, or it waits in the outbox."""
    import os

    from vsr.team.connection import ENV_URL, media_folder
    from vsr.team.outbox import tell_team

    notice = tell_team(lib, recording_id, purpose, url=os.environ.get(ENV_URL) or None,
                       media=media_folder(required=False), narrowed_to=narrowed_to)
    if notice.message():
        print(notice.message())


def _show_consent(lib: Library, recording_id: int) -> None:
    rec = get_recording(lib, recording_id)
    today = date.today()
    print(translate("cli.consent.header", recording=recording_id, title=rec.title))
    print(translate("cli.consent.own", purpose=cs.Purpose.OWN_REVIEW.label_key))
    for purpose in cs.SHARED_PURPOSES:
        c = cs.get_consent(lib, recording_id, purpose)
        if c is None:
            print(translate("cli.consent.none", purpose=purpose.label_key))
            continue
        line = translate("cli.consent.given", purpose=purpose.label_key, by=c.given_by,
                         given_on=long_date(c.given_on))
        if c.until is not None:
            line += translate("cli.consent.until", until=long_date(c.until))
        if not c.valid_on(today):
            line += translate("cli.consent.lapsed")
        if purpose is cs.Purpose.TRAINING:
            line += translate("cli.consent.recognisable" if c.recognisable
                              else "cli.consent.not_recognisable")
        print(line)
    keep = rt.recording_keep_until(lib, recording_id)
    if keep is not None:
        print(translate("cli.retention.line", until=long_date(keep)))


def cmd_retention(args: argparse.Namespace) -> int:
    until = None if args.forever else cs.parse_date(args.until)
    lib = open_library()
    try:
        if args.what == "recording":
            rt.set_recording_retention(lib, args.ident, until)
        else:
            rt.set_collection_retention(lib, args.ident, until)
    finally:
        lib.close()
    what = translate(f"what.{args.what}")
    if until is None:
        print(translate("cli.retention.cleared", what=what, id=args.ident))
    else:
        print(translate("cli.retention.set", what=what, id=args.ident, until=long_date(until)))
    return 0


def cmd_sharing(args: argparse.Namespace) -> int:
    lib = open_library()
    try:
        if args.allow is not None:
            set_share_reflections(lib, args.review, args.allow == "on")
        allowed = shares_reflections(lib, args.review)
    finally:
        lib.close()
    print(translate("cli.sharing.on" if allowed else "cli.sharing.off", id=args.review))
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    lib = open_library()
    try:
        plan = rt.plan_purge(lib)
        if plan.empty:
            print(translate("cli.purge.nothing"))
            return 0
        for line in rt.describe_purge(lib, plan):
            print(line)
        if not confirmed(args.yes):
            print_error(translate("cli.not_confirmed"))
            return NOT_CONFIRMED
        report = rt.purge(lib)
    finally:
        lib.close()
    print(translate(
        "cli.purge.done",
        recordings=translate_plural("count.recordings", len(report.plan.recordings)),
        collections=translate_plural("count.collections", len(report.plan.collections)),
        files=translate_plural("count.files", len(report.files.deleted) + len(report.media_deleted))))
    if report.removed_clip_ids:
        print(translate_plural("cli.purge.clips_done", len(report.removed_clip_ids)))
    _report_failures(report.files, report.backups)
    for path, reason in report.media_failed:
        print_error(translate("cli.file_failed", path=path, reason=reason))
    return 1 if report.files.failed or report.media_failed or report.backups.failed else 0


def cmd_audit(args: argparse.Namespace) -> int:
    lib = open_library()
    try:
        check = check_audit_log(lib)  # the whole chain: a reader must know if it was altered
        entries = list_audit(lib, action=args.action, limit=args.limit)
        subjects = {e.subject: subject_label(lib, e.subject) for e in entries}
        recordings = {e.id: recording_label(lib, e) for e in entries}
    finally:
        lib.close()
    if args.verify:
        for line in check_lines(check):
            if check.ok:
                print(line)
            else:
                print_error(line)
        return 0 if check.ok else 1
    if not check.ok:
        for line in check_lines(check):
            print_error(line)
    if args.json:  # raw, as stored
        print(json.dumps([{"id": e.id, "at": e.at, "who": e.who, "workstation": e.workstation,
                           "action": e.action, "subject": e.subject,
                           "recording_id": e.recording_id, "recording_ids": e.recording_ids,
                           "details": e.details}
                          for e in entries], ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print(translate("cli.audit.none"))
        return 0
    print(f"{'#':>5}  {translate('audit.column.time'):<25}  "
          f"{translate('audit.column.who') + '@' + translate('audit.column.workstation'):<24} "
          f"{translate('audit.column.action'):<26} {translate('audit.column.subject'):<14}  "
          f"{translate('audit.column.recording'):<14}  {translate('audit.column.details')}")
    for e in entries:
        where = f"{e.who}@{e.workstation}" if e.who else "-"
        print(f"{e.id:>5}  {date_time(e.at):<25}  {where:<24} {action_label(e.action):<26} "
              f"{subjects[e.subject]:<14}  {recordings[e.id] or '-':<14}  {details_label(e)}")
    return 0

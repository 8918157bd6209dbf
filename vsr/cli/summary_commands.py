"""`vsr export summary REVIEW --format pdf|docx|html|md -o OUT [--initials | --anonymize names] [--stills]`:
the joint learning summary of a review, in the language of --lang (default Dutch)."""

from __future__ import annotations

import argparse
import signal
from pathlib import Path
from typing import TYPE_CHECKING

from vsr.cli.anonymize_options import add_anonymize_names, wants_names_replaced
from vsr.cli.output import end_progress, percent_printer, print_error, shows_progress
from vsr.i18n import translate
from vsr.library import open_library

if TYPE_CHECKING:  # subscripting it fails at run time on Python 3.11
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]

# The formats of vsr.export, not imported from there: the exports (python-docx, fpdf, PyAV)
# are loaded only when a summary is written, not for every `vsr` command.
FORMATS = ("pdf", "docx", "html", "md")


def export_subparsers(sub: SubParsers) -> SubParsers:
    """The sub-commands of `vsr export`, made on first use, so other command groups can add
    their own exports (`vsr export clips ...`) beside `summary`."""
    parser = sub.choices.get("export")
    if parser is None:
        parser = sub.add_parser("export", help="export a review's results")
        made = parser

        def show_help(_args: argparse.Namespace) -> int:
            made.print_help()
            return 2

        parser.set_defaults(handler=show_help)
    else:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                found: SubParsers = action
                return found
    made_sub: SubParsers = parser.add_subparsers(dest="export_what", metavar="WHAT")
    return made_sub


def register(sub: SubParsers) -> None:

    p = export_subparsers(sub).add_parser(
        "summary", help="the joint learning summary (gezamenlijk leerverslag) of a review")
    p.add_argument("review", type=int, metavar="REVIEW", help="review id (see `vsr list`)")
    p.add_argument("--format", "-f", choices=FORMATS, help="default: from the file extension")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    p.add_argument("--initials", action="store_true",
                   help="initials instead of names, and every known name replaced in the text")
    add_anonymize_names(p)  # --anonymize names: the same as --initials, as on every export
    p.add_argument("--stills", action="store_true",
                   help="add a still from the video per moment (faces are personal data)")
    p.add_argument("--talk-time", action="store_true",
                   help="add who spoke how much, from the transcript (a conversation aid)")
    p.set_defaults(handler=cmd_export_summary)


def cmd_export_summary(args: argparse.Namespace) -> int:
    """The stills and the file are made in a child process (progress on a terminal; Ctrl-C
    or SIGTERM stops it and leaves no file); the library is read and written here."""
    from vsr.anonymise.known import add_extra_names
    from vsr.clips.errors import Cancelled
    from vsr.errors import Terminated
    from vsr.export import export_summary

    out = Path(args.output)
    fmt = args.format or out.suffix.lstrip(".").lower() or "pdf"
    show = shows_progress()
    lib = open_library()
    try:
        if args.extra_name:
            add_extra_names(lib, "review", args.review, args.extra_name)
        path = export_summary(
            lib, args.review, fmt, out,
            party_naming="initials" if args.initials or wants_names_replaced(args) else "names",
            include_stills=args.stills, include_talk_time=args.talk_time, in_child=True,
            progress=percent_printer() if show else None)
    except (Cancelled, KeyboardInterrupt) as exc:
        print_error(("\n" if show else "") + translate("cli.export.cancelled"))
        return 128 + signal.SIGTERM if isinstance(exc, Terminated) else 130
    finally:
        lib.close()
    if show:
        end_progress()
    print(translate("cli.summary_written", path=str(path)))
    return 0


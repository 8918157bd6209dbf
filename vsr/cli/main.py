"""Argument parsing and dispatch. Each command group lives in its own module with a
`register(subparsers)` function; errors users can cause become one clear line, never a traceback.

Command groups are imported lazily: a group pulls in what its commands need (exports, media,
privacy), and start-up of `vsr` (the window) or `vsr list` must not pay for all of them. Only for
help, an unknown command or a command of no known group are all groups loaded."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import threading
from collections.abc import Sequence
from types import ModuleType

from vsr import __version__
from vsr.app_log import setup_logging
from vsr.errors import Terminated, VsrError
from vsr.i18n import LANGUAGES, set_language
from vsr.library.db import report_damage_to

COMMAND_GROUPS = ["vsr.cli.library_commands", "vsr.cli.summary_commands",
                  "vsr.cli.clip_commands", "vsr.cli.privacy_commands",
                  "vsr.cli.desktop_commands", "vsr.cli.backup_commands",
                  "vsr.cli.interop_commands", "vsr.cli.exchange_commands",
                  "vsr.cli.team_commands", "vsr.cli.transcript_commands"]
# Which groups register a command (a group may add to another's: `export clips`).
GROUPS_OF_COMMAND: dict[str | None, tuple[str, ...]] = {
    None: ("vsr.cli.library_commands",),  # no command: the window
    **{c: ("vsr.cli.library_commands",) for c in ("import", "list", "open", "demo", "gui")},
    "export": ("vsr.cli.summary_commands", "vsr.cli.clip_commands", "vsr.cli.interop_commands",
               "vsr.cli.transcript_commands"),
    "import-eaf": ("vsr.cli.interop_commands",),
    "import-boris": ("vsr.cli.interop_commands",),
    "collection": ("vsr.cli.clip_commands",),
    **{c: ("vsr.cli.privacy_commands",) for c in ("consent", "retention", "sharing", "purge",
                                                  "audit")},
    "desktop": ("vsr.cli.desktop_commands",),
    "backup": ("vsr.cli.backup_commands",),
    **{c: ("vsr.cli.exchange_commands",) for c in ("search", "pack", "unpack")},
    "team": ("vsr.cli.team_commands",),
    **{c: ("vsr.cli.transcript_commands",) for c in ("transcribe", "transcript")},
}
_OPTIONS_WITH_VALUE = {"--library", "--lang"}


def _command_word(argv: Sequence[str]) -> str | None:
    """The first word that is not a global option or its value (the command), or None."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _OPTIONS_WITH_VALUE:
            skip = True
        elif not word.startswith("-"):
            return word
        elif word in ("-h", "--help"):
            return word
    return None


def _groups_for(argv: Sequence[str]) -> list[ModuleType]:
    names = GROUPS_OF_COMMAND.get(_command_word(argv), tuple(COMMAND_GROUPS))
    return [importlib.import_module(name) for name in names]


def _parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vsr",
        description="Video-stimulated recall for the Samenleergesprek.",
    )
    parser.add_argument("--version", action="version", version=f"vsr {__version__}")
    parser.add_argument("--library", metavar="PATH",
                        help="library file (default: VSR_LIBRARY or the user data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages and exports")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups = (_groups_for(argv) if argv is not None
              else [importlib.import_module(name) for name in COMMAND_GROUPS])
    for group in groups:
        group.register(sub)
    return parser


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    if threading.current_thread() is not threading.main_thread():
        return _main(argv)  # signal handlers can only be set from the main thread
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(argv)
    finally:  # called in-process (tests, the GUI launcher): leave the handler as it was
        signal.signal(signal.SIGTERM, previous)


def _main(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = _parser(words)
    args = parser.parse_args(words)
    setup_logging()
    if args.lang:
        os.environ["VSR_LANG"] = args.lang  # also for the window program it may start
    set_language(args.lang or os.environ.get("VSR_LANG"))  # once: every message follows it
    if args.library:
        os.environ["VSR_LIBRARY"] = args.library
    handler = getattr(args, "handler", None)
    if handler is None:
        from vsr.cli.library_commands import launch_gui

        return launch_gui([])
    from vsr.cli.backup_commands import print_damage

    report_damage_to(print_damage)
    try:
        code: int = handler(args)
        return code
    except VsrError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except Terminated:
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

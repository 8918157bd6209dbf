"""Argument parsing and dispatch. Each command group lives in its own module with a
`register(subparsers)` function; errors users can cause become one clear line, never a traceback.

Command groups are imported lazily: a group pulls in what its commands need (exports, media,
privacy), and start-up of `vsr` (the window) or `vsr list` must not pay for all of them. Only for
help, an unknown command or a command of no known group are all groups loaded.

This module is also the entry point and is light on purpose (what the commands need is imported
in `dispatch`): Ctrl+C, SIGTERM and a closed output pipe (`vsr list | head -1`) are handled
before anything heavy loads, so at any moment they end the program with an exit code (130, 143,
141) and never a traceback."""

from __future__ import annotations

import importlib
import os
import signal
import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from vsr import __version__
from vsr.errors import Terminated, VsrError

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

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
    from vsr.cli.help_text import ArgumentParser, install
    from vsr.i18n import LANGUAGES

    install()  # argparse's own words ("usage:", "options") in the current language too
    parser = ArgumentParser(
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


EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130, as a shell reports Ctrl+C
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE  # 141, as `yes | head -1` ends


def _stop(signum: int, _frame: object) -> None:
    # One stop is enough: a second signal during the clean-up must not cut it short with a
    # traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt


def _silence_stdout() -> None:
    """The reader of our output went away: what is left to print goes nowhere, so the flush at
    exit does not complain about the pipe either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


def _run(argv: Sequence[str] | None) -> int:
    try:
        try:
            return dispatch(argv)
        finally:  # here, not at exit (also after --help), where a closed pipe cannot be handled
            if sys.stdout is not None:
                sys.stdout.flush()
    except Terminated:
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    """Run `vsr` with `argv` (None: the program's own arguments, as the console script does)."""
    if threading.current_thread() is not threading.main_thread():
        return _run(argv)  # signal handlers can only be set from the main thread
    previous = signal.signal(signal.SIGTERM, _stop), signal.signal(signal.SIGINT, _stop)
    try:
        return _run(argv)
    finally:
        if argv is None:  # the program ends now: a late signal ends it without a word
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
        else:  # called in-process (tests, the GUI launcher): leave the handlers as they were
            signal.signal(signal.SIGTERM, previous[0])
            signal.signal(signal.SIGINT, previous[1])


def dispatch(argv: Sequence[str] | None) -> int:
    """Parse `argv` and run its command. Signals and a closed output pipe are handled by the
    entry point `main`, which calls this."""
    from vsr.cli.help_text import language_in
    from vsr.i18n import set_language
    from vsr.library.db import report_damage_to

    words = list(sys.argv[1:] if argv is None else argv)
    # The language first: --help and argparse's errors are worded in it.
    set_language(language_in(words) or os.environ.get("VSR_LANG"))
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
    report_damage_to(_print_damage)
    try:
        code: int = handler(args)
        return code
    except VsrError as exc:
        from vsr.cli.output import print_error

        print_error(exc)
        return 1
    except Terminated:
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _print_damage(library: Path, problem: str) -> None:
    """`backup_commands.print_damage`, imported only when a library is found damaged: every
    command would otherwise load the backup and restore code (some 15 ms) to say nothing."""
    from vsr.cli.backup_commands import print_damage

    print_damage(library, problem)


def setup_logging() -> None:
    """The app's log (a name of this module, so a test can leave it out)."""
    from vsr.app_log import setup_logging as set_up

    set_up()


if __name__ == "__main__":
    sys.exit(main())

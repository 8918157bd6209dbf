"""Argument parsing and dispatch. Each command group lives in its own module with a
`register(subparsers)` function; errors users can cause become one clear line, never a traceback."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence

from vsr import __version__
from vsr.app_log import setup_logging
from vsr.cli import (
    clip_commands,
    desktop_commands,
    exchange_commands,
    library_commands,
    privacy_commands,
    summary_commands,
)
from vsr.errors import Terminated, VsrError
from vsr.i18n import LANGUAGES, current_language

COMMAND_GROUPS = [library_commands, summary_commands, clip_commands, privacy_commands,
                  desktop_commands, exchange_commands]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vsr",
        description="Video-stimulated recall for the Samenleergesprek.",
    )
    parser.add_argument("--version", action="version", version=f"vsr {__version__}")
    parser.add_argument("--library", metavar="PATH",
                        help="library file (default: VSR_LIBRARY or the user data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages and exports")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
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
    parser = _parser()
    args = parser.parse_args(argv)
    setup_logging()
    if args.lang:
        os.environ["VSR_LANG"] = args.lang
    if args.library:
        os.environ["VSR_LIBRARY"] = args.library
    handler = getattr(args, "handler", None)
    if handler is None:
        return library_commands.launch_gui([])
    try:
        code: int = handler(args)
        return code
    except VsrError as exc:
        print(exc.message(current_language()), file=sys.stderr)
        return 1
    except Terminated:
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

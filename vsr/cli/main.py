"""Argument parsing and dispatch. Each command group lives in its own module with a
`register(subparsers)` function; errors users can cause become one clear line, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from vsr.cli import (
    clip_commands,
    interop_commands,
    library_commands,
    privacy_commands,
    summary_commands,
)
from vsr.errors import VsrError
from vsr.i18n import LANGUAGES, current_language

COMMAND_GROUPS = [library_commands, summary_commands, clip_commands, privacy_commands,
                  interop_commands]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vsr",
        description="Video-stimulated recall for the Samenleergesprek.",
    )
    parser.add_argument("--library", metavar="PATH",
                        help="library file (default: VSR_LIBRARY or the user data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages and exports")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
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
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

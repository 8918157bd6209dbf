"""The one way the CLI talks to a person on stderr (issue 20): a failure or a warning is one
sentence in the chosen language (`print_error`), a remark that is not data goes there too
(`print_note`), and long work shows a percentage (`percent_printer`). Standard output is kept for
what a script reads (paths, JSON, lists). A lint test keeps `sys.stderr` out of the rest of the
core, so a new message cannot slip out untranslated or as a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable

from vsr.errors import VsrError


def print_error(problem: VsrError | str) -> None:
    """A failure or a warning for the user: a `VsrError` worded in the current language, or a
    sentence already worded (`translate(...)`)."""
    text = problem.message() if isinstance(problem, VsrError) else problem
    print(text, file=sys.stderr, flush=True)


def print_note(text: str = "") -> None:
    """A remark for the person at the terminal that is not the command's output (how many more
    hits there are, where the files went): on stderr, so pipes and --json stay clean."""
    print(text, file=sys.stderr, flush=True)


def shows_progress() -> bool:
    """Whether a person watches stderr (a terminal), so a running percentage helps."""
    return sys.stderr is not None and sys.stderr.isatty()


def percent_printer() -> Callable[[float], None]:
    """A progress callable that rewrites one line with the percentage done ("\\r 42%"); end
    the line with `end_progress` when the work is over."""
    last = [-1]

    def show(fraction: float) -> None:
        percent = int(fraction * 100)
        if percent != last[0]:
            last[0] = percent
            print(f"\r{percent:3d}%", end="", file=sys.stderr, flush=True)

    return show


def end_progress() -> None:
    """Ends the percentage line, so what follows starts on a line of its own."""
    print(file=sys.stderr, flush=True)

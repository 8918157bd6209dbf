"""The child side of `vsr.jobs`: `python -m vsr.jobs.child` reads one pickled `Request` on stdin,
runs the named job and reports on stdout (see the package doc). The request comes from the
program that started this process (its own pipe), never from a file a user chose."""

from __future__ import annotations

import importlib
import json
import os
import pickle
import sys
import threading
import time
from pathlib import Path
from typing import Any

from vsr.errors import VsrError
from vsr.jobs import JOBS, Request, run_in_background

_EVERY_S = 0.05


class _Reporter:
    """progress(fraction): a line when it moved and at most every 50 ms (and always at 1.0)."""

    def __init__(self) -> None:
        self.last_at = 0.0
        self.last = -1.0

    def __call__(self, fraction: float) -> None:
        now = time.monotonic()
        fraction = min(1.0, max(0.0, float(fraction)))
        if fraction == self.last or (now - self.last_at < _EVERY_S and fraction < 1.0):
            return
        self.last, self.last_at = fraction, now
        _say(f"progress {fraction:.4f}")


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run(request: Request) -> int:
    from vsr.i18n import set_language

    set_language(request.language)
    target = JOBS.get(request.job)
    if target is None:
        _say(f"error unknown job {request.job!r}")
        return 2
    module, _, name = target.partition(":")
    try:
        function = getattr(importlib.import_module(module), name)
        result: Any = function(request.payload, _Reporter())
        staged = Path(request.result_path + ".part")
        staged.write_bytes(pickle.dumps(result))
        os.replace(staged, request.result_path)
    except VsrError as exc:
        _say("vsr-error " + json.dumps({"key": exc.key, "params": exc.params}, default=str))
        return 1
    except Exception as exc:  # noqa: BLE001 - said to the parent in words, never lost
        _say(f"error {type(exc).__name__}: {exc}".replace("\n", " ")[:500])
        return 1
    _say("done")
    return 0


def _stop_with_parent(parent: int) -> None:
    """A child whose program has gone (quit, crashed, killed) stops too: its work was staged
    and is cleaned at the next start, and no file appears that nobody waits for."""
    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(3)

    threading.Thread(target=watch, name="vsr-job-parent", daemon=True).start()


def main() -> int:
    _stop_with_parent(os.getppid())
    run_in_background()
    request = pickle.loads(sys.stdin.buffer.read())  # noqa: S301 - our own parent's pipe
    if not isinstance(request, Request):
        _say("error not a job request")
        return 2
    return run(request)


if __name__ == "__main__":
    sys.exit(main())

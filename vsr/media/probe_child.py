"""Probe a media file in a child process with a time and a memory limit.

FFmpeg parses whatever a file claims. A hostile or badly broken file can make it loop, allocate
gigabytes or crash; in our own process that takes the window (and unsaved typing) with it. So
files a user opens or imports are probed by `python -m vsr.media.probe_child PATH`, which limits
its own address space before it loads FFmpeg and prints one JSON line; the parent kills it after
a timeout. Internal callers already running in a worker may still use `vsr.media.probe.probe`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from vsr.errors import MediaError
from vsr.media.local_file import check_local_file
from vsr.model import ProbeResult

# The probe itself needs ~150 MB (Python, FFmpeg, one decoded frame of at most 8K); the rest
# is headroom for codecs' buffers. A file that needs more is not a recording we can show.
MEMORY_LIMIT_BYTES = 2 * 1024**3
# The probe's own phases stop after 5 s each; a child still busy after this is stuck.
TIMEOUT_S = 20.0
# The standalone build has no `python -m`: its `vsr` program runs the probe when it is started
# with this first argument (packaging/cli_entry.py).
FROZEN_FLAG = "--vsr-probe-child"


def child_command() -> list[str]:
    """The probe child's command line, without the file."""
    if getattr(sys, "frozen", False):  # PyInstaller: vsr beside vsr-gui (or itself)
        exe = Path(sys.executable)
        return [str(exe.with_name("vsr" + exe.suffix)), FROZEN_FLAG]
    return [sys.executable, "-m", "vsr.media.probe_child"]


def probe_isolated(
    path: str | Path, *, timeout_s: float = TIMEOUT_S, command: Sequence[str] | None = None
) -> ProbeResult:
    """`probe` in a child process; a hang, crash or memory blow-up becomes a `MediaError`.

    `command` replaces the child's command line (tests use it to simulate a hang or crash).
    """
    file = check_local_file(path)  # cheap checks here, so their messages need no child
    argv = list(command) if command is not None else child_command()
    try:
        proc = subprocess.run(
            [*argv, str(file)], stdin=subprocess.DEVNULL, capture_output=True,
            timeout=timeout_s, env=_child_env(), check=False,
        )
    except subprocess.TimeoutExpired:
        raise MediaError("error.media.probe_timeout", path=str(file)) from None
    except OSError as exc:  # the child could not start (no memory, no processes left)
        raise MediaError("error.media.probe_crashed", path=str(file),
                         reason=exc.strerror or type(exc).__name__) from None
    return _result(file, proc)


def _child_env() -> dict[str, str]:
    # The child must import this very `vsr`, whatever the current directory is.
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def _result(file: Path, proc: subprocess.CompletedProcess[bytes]) -> ProbeResult:
    lines = proc.stdout.decode("utf-8", "replace").strip().splitlines()
    try:
        answer = json.loads(lines[-1]) if proc.returncode == 0 and lines else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise MediaError("error.media.probe_crashed", path=str(file),
                         reason=_exit_reason(proc.returncode))
    if "error" in answer:
        params = dict(answer.get("params") or {})
        params["path"] = str(file)
        raise MediaError(str(answer["error"]), **params)
    fields = dict(answer["ok"])
    fields["warnings"] = tuple(fields.get("warnings", ()))
    return ProbeResult(**fields)


def _exit_reason(returncode: int) -> str:
    if returncode < 0:
        try:
            return f"{signal.Signals(-returncode).name}"
        except ValueError:
            return f"signal {-returncode}"
    return "reason.crashed"


def limit_memory(limit: int = MEMORY_LIMIT_BYTES) -> None:
    """Cap this process's address space, so a runaway allocation fails instead of swapping.
    Windows has no rlimits (no `resource` module): there the timeout alone guards the probe."""
    try:
        import resource
    except ImportError:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def main(argv: Sequence[str]) -> int:
    limit_memory()
    from vsr.media.probe import probe  # FFmpeg loads only after the limit is in place

    path = argv[0]
    try:
        answer: dict[str, object] = {"ok": asdict(probe(path))}
    except MediaError as exc:
        answer = {"error": exc.key, "params": exc.params}
    except MemoryError:
        answer = {"error": "error.media.probe_crashed",
                  "params": {"reason": "reason.out_of_memory"}}
    sys.stdout.write(json.dumps(answer) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""A passphrase package several times larger than the memory a child process is allowed
(RLIMIT_AS capped at what it has plus 64 MiB, so holding the recording in memory fails) packs
and unpacks within it, and what comes out is what went in. Run through the benchmark row's
own code (bench/package_rows.py), which gives the 4 GiB figure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.rows import parse_emitted

ROOT = Path(__file__).resolve().parents[2]
HEADROOM_MB, SIZE_MB = 64, 256  # the package is four times what the process may add


def test_large_passphrase_package_packs_and_unpacks_in_bounded_memory(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.package_rows", "--size-mb", str(SIZE_MB),
         "--workdir", str(tmp_path), "--headroom-mb", str(HEADROOM_MB), "--light-kdf"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    [found] = parse_emitted(done.stdout)
    assert found["limit_bites"] == 1.0  # the cap would refuse the recording held in memory
    assert found["same"] == 1.0 and found["package_mb"] >= SIZE_MB
    assert found["added_mb"] < HEADROOM_MB, found

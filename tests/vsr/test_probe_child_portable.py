"""The probe's child process also starts where there are no rlimits (Windows has no `resource`
module): the memory cap is skipped there, the timeout still guards the probe."""

from __future__ import annotations

import sys

import pytest

from vsr.media import probe_child


def test_limit_memory_without_the_resource_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "resource", None)  # import resource -> ImportError
    probe_child.limit_memory()  # no error: nothing to cap on such a system


@pytest.mark.skipif(sys.platform == "win32", reason="rlimits are POSIX")
def test_limit_memory_caps_the_address_space_in_a_child() -> None:
    import subprocess

    script = ("import resource; from vsr.media.probe_child import limit_memory; "
              "limit_memory(1 << 30); print(resource.getrlimit(resource.RLIMIT_AS)[0])")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert int(out) == 1 << 30

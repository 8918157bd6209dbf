"""The window in a real X window (Xvfb) killed while someone types without pausing: what was
typed up to about a second before each kill is in the library and the library is whole (the
offscreen variant in tests/ui runs ten kills; this one proves it on the real platform)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_kill_while_typing import kill_while_typing


@pytest.mark.e2e
@pytest.mark.slow
def test_kill_during_continuous_typing_in_a_real_window(tmp_path: Path) -> None:
    kill_while_typing(tmp_path, 3, "xcb")

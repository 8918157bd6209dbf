"""End-to-end tests drive the real VLC in a real X window (Xvfb). They run in their own pytest
process, started as `VSR_E2E_DISPLAY=1 xvfb-run python -m pytest tests/e2e` (scripts/test.sh does),
because Qt picks its platform once per process and the widget tests run offscreen."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = ""
    if os.environ.get("VSR_E2E_DISPLAY") != "1":
        reason = "e2e tests run in their own process: VSR_E2E_DISPLAY=1 xvfb-run pytest tests/e2e"
    elif not os.environ.get("DISPLAY"):
        reason = "no X display: run under xvfb-run"
    if reason:
        for item in items:
            if "e2e" in item.nodeid.split("/")[1:2] or item.get_closest_marker("e2e"):
                item.add_marker(pytest.mark.skip(reason=reason))

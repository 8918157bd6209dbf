"""Calling core code in a chosen language, as the window or the CLI does once they set it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vsr.i18n import using_language


def worded(lang: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`function(*args, **kwargs)` with the core's messages in `lang`."""
    with using_language(lang):
        return function(*args, **kwargs)

"""The `vsr` command: scripting over the same library, and the way into the window."""

from vsr.cli.main import main

__all__ = ["main"]

"""Outcomes of a clip export that are not a clip: the user cancelled, or asked for a range the
recording does not have."""

from __future__ import annotations

from vsr.errors import VsrError


class Cancelled(Exception):  # noqa: N818 - the name says what happened, not that it failed
    """The user cancelled the export; nothing was written."""


class ClipRangeError(VsrError):
    """The start/end asked for lies outside the recording or is empty."""

    key = "error.clip.range"

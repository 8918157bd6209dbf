"""Errors a user can cause. Each carries a message key and its parameters; `vsr.i18n` words it."""

from __future__ import annotations

from typing import Any


class VsrError(Exception):
    """Base for every error that becomes a message to the user, never a traceback."""

    key = "error.generic"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or type(self).key
        self.params = params
        super().__init__(f"{self.key} {params}")

    def message(self) -> str:
        from vsr.i18n import translate

        return translate(self.key, **self.params)


class MediaError(VsrError):
    """A file that cannot be used as a recording (not media, broken, truncated, unsupported)."""

    key = "error.media.unreadable"


class RecordingMissingError(VsrError):
    key = "error.recording.missing"


class FingerprintMismatchError(VsrError):
    key = "error.recording.other_file"


class NotFoundError(VsrError):
    key = "error.not_found"


class StorageError(VsrError):
    """Writing failed: disk full, read-only folder, locked library."""

    key = "error.storage"

    @property
    def busy(self) -> bool:
        """Another program holds the library's write lock: the same edit may work soon."""
        return self.key == "error.storage.busy"


class ConsentError(VsrError):
    key = "error.consent.missing"


class ImportFileError(VsrError):
    key = "error.import.bad_file"


class Terminated(KeyboardInterrupt):
    """SIGTERM (a service stopping, `kill`), raised by the CLI's handler: handled like Ctrl+C,
    so an export removes its staging and half files on the way out instead of dying
    mid-write."""

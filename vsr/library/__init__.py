"""The library: one SQLite database with the recordings, reviews, markers and gespreksbladen."""

from vsr.library.db import Change, Library, default_library_path, open_library

__all__ = ["Change", "Library", "default_library_path", "open_library"]

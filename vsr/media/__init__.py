"""Media work with PyAV/OpenCV: probing, fingerprints, audio envelopes, demo and test clips.

No Qt here: long operations take plain `progress`/`cancel` callables (see `vsr.media.tasks`).
"""

from vsr.media.tasks import CancelFn, Cancelled, ProgressFn

__all__ = ["CancelFn", "Cancelled", "ProgressFn"]

"""Clips: frame-accurate MP4 export of a part of a recording, optionally with faces made
unrecognisable.

The face detector (OpenCV and its model), the faces' bookkeeping and the cutting itself (PyAV)
load only when one of their names is first used: a plain clip export must not wait for the
first two, and a summary, which only needs `Cancelled`, for none of them."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from vsr.clips.errors import Cancelled, ClipRangeError

if TYPE_CHECKING:
    from vsr.clips.centerface import Box
    from vsr.clips.cut import ClipResult, export_clip
    from vsr.clips.face_tracks import ManualBox
    from vsr.clips.faces import FaceAnonymizer, detect_faces

_LAZY = {"ClipResult": "vsr.clips.cut", "export_clip": "vsr.clips.cut",
         "Box": "vsr.clips.centerface", "FaceAnonymizer": "vsr.clips.faces",
         "detect_faces": "vsr.clips.faces", "ManualBox": "vsr.clips.face_tracks"}

__all__ = [
    "Box",
    "Cancelled",
    "ClipRangeError",
    "ClipResult",
    "FaceAnonymizer",
    "ManualBox",
    "detect_faces",
    "export_clip",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'vsr.clips' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

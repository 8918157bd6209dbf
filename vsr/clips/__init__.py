"""Clips: frame-accurate MP4 export of a part of a recording, optionally with faces made
unrecognisable."""

from vsr.clips.centerface import Box
from vsr.clips.cut import ClipResult, export_clip
from vsr.clips.errors import Cancelled, ClipRangeError
from vsr.clips.face_tracks import ManualBox
from vsr.clips.faces import FaceAnonymizer, detect_faces

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

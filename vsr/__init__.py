"""vsr: video-stimulated recall for the Samenleergesprek. The core: no Qt, no VLC, no UI."""

__version__ = "0.1.0"

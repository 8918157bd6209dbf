"""Loading libVLC and wiring it to a Qt window: kept apart so failures here are easy to see.

Instance options: "--no-xlib" on Linux. libVLC's Xlib outputs (GLX, VDPAU) need the program to
call XInitThreads() before anything else touches Xlib, which Qt's xcb platform does not promise;
VLC itself says "Pass --no-xlib to libvlc_new() to fix this". With it VLC draws through XCB
(xcb_xv, or xcb_x11 under Xvfb), embedded with set_xwindow. VSR_VLC_ARGS adds options, e.g.
"--aout=dummy" where there is no sound card (tests, CI). "--quiet" silences VLC's console
logger and FFmpeg's own printing; VLC's messages still reach the log callback (vlc_log.py).
"""

from __future__ import annotations

import os
import shlex
import sys
from types import ModuleType
from typing import Any

from PySide6.QtWidgets import QWidget

BASE_ARGS = ("--quiet", "--no-video-title-show", "--no-sub-autodetect-file", "--no-osd")
EMBEDDABLE_PLATFORMS = ("xcb", "windows", "cocoa")  # Qt platforms whose windows VLC can use


class VlcUnavailableError(Exception):
    """libVLC or python-vlc cannot be used; the message is a technical detail (not translated)."""


def import_vlc() -> ModuleType:
    """Import python-vlc, which loads libVLC. Everything that can go wrong becomes one error."""
    try:
        import vlc
    except (ImportError, OSError, AttributeError, NotImplementedError) as exc:
        # NotImplementedError: python-vlc's "Cannot find libvlc lib"; OSError: a broken libvlc.so.
        raise VlcUnavailableError(f"{type(exc).__name__}: {exc}") from exc
    module: ModuleType = vlc
    return module


def instance_args(platform_name: str) -> list[str]:
    args = list(BASE_ARGS)
    if sys.platform.startswith("linux"):
        args.append("--no-xlib")
    if platform_name not in EMBEDDABLE_PLATFORMS:
        # offscreen/minimal (tests) or Wayland: no window to embed in, and VLC must not open one.
        args.append("--vout=dummy")
    args += shlex.split(os.environ.get("VSR_VLC_ARGS", ""))
    return args


def attach_video(media_player: Any, surface: QWidget, platform_name: str) -> None:
    """Tell VLC to draw into `surface`'s native window (X11 window, HWND or NSView)."""
    if platform_name not in EMBEDDABLE_PLATFORMS:
        return
    window_id = int(surface.winId())
    if platform_name == "xcb":
        media_player.set_xwindow(window_id)
    elif platform_name == "windows":
        media_player.set_hwnd(window_id)
    else:
        media_player.set_nsobject(window_id)

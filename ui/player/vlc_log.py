"""libVLC's own log messages, routed into Python logging (logger "vsr.vlc") instead of stderr.

libVLC talks a lot: every demuxer probe, a missing sound card, a damaged frame. Users ran the app
from a terminal and saw it flooded. With `libvlc_log_set` every message of the instance comes here
(on VLC's threads; logging is thread-safe and nothing here touches Qt). By default VLC's errors
are logged at INFO and everything else at DEBUG, so the terminal stays quiet (the app logs
WARNING and up); VSR_VLC_VERBOSE=1 gives them their own levels and shows them all.

The message is a printf format plus a va_list: libc's vsnprintf formats it. The ctypes callback
object is kept on the router: if it were garbage-collected VLC would call freed memory. `uninstall`
must run before the instance is released (libvlc_log_unset waits for callbacks in flight).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys
from types import ModuleType
from typing import Any

LOGGER_NAME = "vsr.vlc"
log = logging.getLogger(LOGGER_NAME)

# libvlc_log_level (libvlc.h): LIBVLC_DEBUG=0, LIBVLC_NOTICE=2, LIBVLC_WARNING=3, LIBVLC_ERROR=4.
VLC_DEBUG, VLC_NOTICE, VLC_WARNING, VLC_ERROR = 0, 2, 3, 4
QUIET_LEVELS = {VLC_DEBUG: logging.DEBUG, VLC_NOTICE: logging.DEBUG,
                VLC_WARNING: logging.DEBUG, VLC_ERROR: logging.INFO}
VERBOSE_LEVELS = {VLC_DEBUG: logging.DEBUG, VLC_NOTICE: logging.INFO,
                  VLC_WARNING: logging.WARNING, VLC_ERROR: logging.ERROR}
BUFFER_SIZE = 1024


def verbose() -> bool:
    return os.environ.get("VSR_VLC_VERBOSE", "").strip() not in ("", "0")


def python_level(vlc_level: int, loud: bool) -> int:
    """The logging level of a libVLC message: quiet by default, VLC's own when asked."""
    table = VERBOSE_LEVELS if loud else QUIET_LEVELS
    return table.get(vlc_level, logging.DEBUG)


def _load_vsnprintf() -> Any:
    if sys.platform.startswith("win"):
        libc: Any = ctypes.cdll.msvcrt
        function = libc._vsnprintf
    else:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
        function = libc.vsnprintf
    function.argtypes = (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p)
    function.restype = ctypes.c_int
    return function


# ALSA (used by VLC's alsa sound output) prints its own errors to stderr, e.g. a dozen lines when
# there is no sound card. Its handler is process-wide and variadic: we log the format unfilled.
_AlsaHandler = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                ctypes.c_int, ctypes.c_char_p)


def _on_alsa_error(file: bytes | None, line: int, function: bytes | None, err: int,
                   fmt: bytes | None) -> None:
    try:
        log.debug("alsa: %s (%s:%d %s, error %d)", (fmt or b"").decode("utf-8", "replace"),
                  (file or b"?").decode("utf-8", "replace"), line,
                  (function or b"?").decode("utf-8", "replace"), err)
    except Exception:  # noqa: BLE001 - never raise into C
        pass


_alsa_handler = _AlsaHandler(_on_alsa_error)  # module-level: alive as long as the process
_alsa_routed = False


def route_alsa_errors() -> None:
    """Send libasound's error lines to the log too (Linux; a no-op where there is no ALSA)."""
    global _alsa_routed
    if _alsa_routed or not sys.platform.startswith("linux"):
        return
    name = ctypes.util.find_library("asound")
    if name is None:
        return
    try:
        ctypes.CDLL(name).snd_lib_error_set_handler(_alsa_handler)
    except (OSError, AttributeError):
        return
    _alsa_routed = True


class VlcLogRouter:
    """Sends one libVLC instance's messages to the "vsr.vlc" logger while installed."""

    def __init__(self, vlc: ModuleType) -> None:
        self._vlc = vlc
        self._vsnprintf = _load_vsnprintf()
        self._loud = verbose()
        if self._loud and log.level == logging.NOTSET:
            log.setLevel(logging.DEBUG)  # asked for: show VLC's messages whatever the root says
        self._get_context = vlc.dll.libvlc_log_get_context
        self._get_context.argtypes = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p),
                                      ctypes.POINTER(ctypes.c_char_p),
                                      ctypes.POINTER(ctypes.c_uint))
        self._get_context.restype = None
        # Kept for as long as VLC may call it (see the module docstring).
        self._callback = vlc.CallbackDecorators.LogCb(self._on_message)
        self._instance: Any = None
        # Words never logged (the token in a shared recording's loopback address); replaced
        # as a whole tuple, so VLC's threads always read a complete one.
        self.hidden: tuple[str, ...] = ()

    def install(self, instance: Any) -> None:
        self._instance = instance
        route_alsa_errors()
        instance.log_set(self._callback, None)

    def uninstall(self) -> None:
        """Stop routing; waits for messages being handled. Call before releasing the instance."""
        if self._instance is not None:
            self._instance.log_unset()
            self._instance = None

    def _on_message(self, _data: Any, level: int, ctx: Any, fmt: bytes | None,
                    args: int | None) -> None:
        # Never raise into C: an exception here would only be printed to stderr by ctypes.
        try:
            py_level = python_level(level, self._loud)
            if not log.isEnabledFor(py_level) or fmt is None:
                return  # the common case: skip the formatting work
            log.log(py_level, "%s: %s", self._module(ctx), self._format(fmt, args))
        except Exception:  # noqa: BLE001 - see above
            pass

    def _format(self, fmt: bytes, args: int | None) -> str:
        buffer = ctypes.create_string_buffer(BUFFER_SIZE)
        self._vsnprintf(buffer, BUFFER_SIZE, fmt, args)
        return self.redact(buffer.value.decode("utf-8", "replace"))

    def redact(self, text: str) -> str:
        for word in self.hidden:
            text = text.replace(word, "…")
        return text

    def _module(self, ctx: Any) -> str:
        module, file = ctypes.c_char_p(), ctypes.c_char_p()
        line = ctypes.c_uint()
        self._get_context(ctypes.cast(ctx, ctypes.c_void_p), ctypes.byref(module),
                          ctypes.byref(file), ctypes.byref(line))
        return (module.value or b"vlc").decode("utf-8", "replace")

"""PyInstaller runtime hook: point python-vlc and libVLC at the copies inside the bundle.

Runs before the program's own code. python-vlc's find_lib() loads PYTHON_VLC_LIB_PATH when it
is set (and takes PYTHON_VLC_MODULE_PATH as the plugins folder); libVLC itself looks for plugins
in VLC_PLUGIN_PATH. The values are set, not defaulted: a VLC installed on the machine (or a
variable left over from it) must never be mixed with the bundled one. The layout is the one
packaging/vlc_files.py gives the bundle.
"""

import os
import sys


def _bundled_vlc(base: str) -> tuple[str, str] | None:
    if sys.platform.startswith("win"):
        lib, plugins = os.path.join(base, "vlc", "libvlc.dll"), os.path.join(base, "vlc", "plugins")
    elif sys.platform == "darwin":
        lib = os.path.join(base, "vlc", "lib", "libvlc.dylib")
        plugins = os.path.join(base, "vlc", "plugins")
    else:
        lib, plugins = os.path.join(base, "libvlc.so.5"), os.path.join(base, "vlc", "plugins")
    return (lib, plugins) if os.path.isfile(lib) and os.path.isdir(plugins) else None


def _use_bundled_vlc() -> None:
    base = getattr(sys, "_MEIPASS", None)
    found = _bundled_vlc(base) if base else None
    if found is None:
        return  # a build without VLC: the app explains that playback is unavailable
    lib, plugins = found
    os.environ["PYTHON_VLC_LIB_PATH"] = lib
    os.environ["PYTHON_VLC_MODULE_PATH"] = plugins
    os.environ["VLC_PLUGIN_PATH"] = plugins
    if sys.platform.startswith("win"):
        # libvlc.dll loads libvlccore.dll from its own folder.
        os.add_dll_directory(os.path.dirname(lib))


_use_bundled_vlc()

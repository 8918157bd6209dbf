"""Where libVLC and its plugins are on the build machine, and where they go in the bundle.

Used by vsr.spec (PyInstaller runs the spec with packaging/ on sys.path). Kept apart from the
spec so the search can be read, and checked, without running a build.

Layout inside the bundle (sys._MEIPASS), the same that rthook_vlc.py points python-vlc at:
- Linux: libvlc.so.5 and libvlccore.so.9 at the top (the bootloader puts that folder first on
  LD_LIBRARY_PATH, so the plugins find libvlccore there), plugins under vlc/plugins. They go in
  as *binaries* so PyInstaller also collects the system libraries the plugins link
  (libavcodec, libxcb, ...): a Debian VLC is spread over the system's shared libraries.
- Windows and macOS: the VLC folder as VLC's own installer lays it out, copied under vlc/ as
  data (libvlc + libvlccore + plugins/). Those builds are self-contained already, and copying
  them unchanged keeps VLC's own relative paths (and, on macOS, its signatures) intact.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Plugin folders (Linux) that a player embedded in vsr never uses: VLC's own interfaces,
# streaming out, discs, capture devices and network shares, service discovery. Leaving them out
# keeps their many system libraries (Lua, Qt5 in some distributions, libdvd*, libsmb, ...) out
# of the bundle. What vsr needs stays: access/filesystem, demux, codec, packetizer, audio and
# video output, chroma and filters.
SKIP_FOLDERS = {"gui", "lua", "keystore", "services_discovery", "access_output", "stream_out",
                "mux", "visualization", "meta_engine"}
SKIP_PLUGINS = re.compile(
    r"lib(x264|x26410b|x265|shine|twolame|aa|caca|fb|flaschen|egl_wl|wl_shell|wl_shm|xdg_shell|"
    r"glconv_vaapi_wl|dvdnav|dvdread|libbluray|dc1394|dv1394|v4l2|nfs|sftp|smb|mtp|cdda|vcd|"
    r"linsys_hdsdi|linsys_sdi|satip|rist|dvb|dtv|pulsesrc|access_alsa|vdr|access_mms|"
    r"access_realrtsp|audioscrobbler|addonsfsstorage|addonsvorepository|fingerprinter|"
    r"vod_rtsp|sd_journal|syslog|zvbi|kate|aribsub|upnp|avahi|sdl_image|svgdec|dbus|lirc|oldrc|netsync|"
    r"gestures|motion)_plugin\.so$")

LINUX_LIB_DIRS = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
                  "/usr/lib", "/usr/local/lib")
WINDOWS_DIRS = (r"C:\Program Files\VideoLAN\VLC", r"C:\Program Files (x86)\VideoLAN\VLC")
MACOS_DIRS = ("/Applications/VLC.app/Contents/MacOS",)


@dataclass(frozen=True)
class VlcFiles:
    binaries: list[tuple[str, str]]  # (source file, folder in the bundle) for PyInstaller
    datas: list[tuple[str, str]]
    plugins: Path  # the source plugins folder (for the build's report)


def _ldconfig_path(soname: str) -> Path | None:
    try:
        out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True,
                             check=False).stdout
    except OSError:
        return None
    for line in out.splitlines():
        if line.strip().startswith(soname + " ") and "=>" in line:
            return Path(line.split("=>", 1)[1].strip())
    return None


def linux_lib_dir(env_dir: str | None = None) -> Path:
    """The folder that holds libvlc.so.5 (VSR_VLC_DIR, the loader's cache, known places)."""
    if env_dir:
        return Path(env_dir)
    found = _ldconfig_path("libvlc.so.5")
    if found is not None and found.exists():
        return found.resolve().parent
    for folder in LINUX_LIB_DIRS:
        if (Path(folder) / "libvlc.so.5").exists():
            return Path(folder)
    raise SystemExit("libVLC not found: install VLC (libvlc5, vlc-plugin-base) or set VSR_VLC_DIR")


def linux_files(env_dir: str | None = None) -> VlcFiles:
    lib_dir = linux_lib_dir(env_dir)
    plugins = next((p for p in (lib_dir / "vlc" / "plugins", lib_dir / "plugins") if p.is_dir()),
                   None)
    if plugins is None:
        raise SystemExit(f"VLC plugins not found next to {lib_dir}")
    binaries = [(str(lib_dir / name), ".") for name in ("libvlc.so.5", "libvlccore.so.9")]
    for plugin in sorted(plugins.rglob("*.so")):
        rel = plugin.relative_to(plugins)
        if rel.parts[0] in SKIP_FOLDERS or SKIP_PLUGINS.search(plugin.name):
            continue
        binaries.append((str(plugin), str(Path("vlc", "plugins", *rel.parts[:-1]))))
    return VlcFiles(binaries, [], plugins)


def _tree(src: Path, dest: str) -> list[tuple[str, str]]:
    """Every file under `src` as (file, folder in the bundle), VLC's layout kept."""
    out = []
    for path in sorted(src.rglob("*")):
        if path.is_file() and path.name != "plugins.dat":  # the cache names build paths
            out.append((str(path), str(Path(dest, *path.relative_to(src).parts[:-1]))))
    return out


def installed_dir(candidates: tuple[str, ...], env_dir: str | None) -> Path:
    for folder in ((env_dir,) if env_dir else candidates):
        if folder and (Path(folder) / "plugins").is_dir():
            return Path(folder)
    raise SystemExit(f"VLC not found in {candidates}: install VLC or set VSR_VLC_DIR")


def windows_files(env_dir: str | None = None) -> VlcFiles:
    root = installed_dir(WINDOWS_DIRS, env_dir)
    datas = [(str(root / n), "vlc") for n in ("libvlc.dll", "libvlccore.dll")]
    return VlcFiles([], datas + _tree(root / "plugins", "vlc/plugins"), root / "plugins")


def macos_files(env_dir: str | None = None) -> VlcFiles:
    root = installed_dir(MACOS_DIRS, env_dir)
    return VlcFiles([], _tree(root / "lib", "vlc/lib") + _tree(root / "plugins", "vlc/plugins"),
                    root / "plugins")


def vlc_files(platform: str = sys.platform, env_dir: str | None = None) -> VlcFiles:
    env_dir = env_dir if env_dir is not None else os.environ.get("VSR_VLC_DIR")
    if platform.startswith("win"):
        return windows_files(env_dir)
    if platform == "darwin":
        return macos_files(env_dir)
    return linux_files(env_dir)

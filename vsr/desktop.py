"""Desktop integration on Linux (freedesktop.org): a menu entry that opens recordings, the icon
and the AppStream description, written to the user's data folder ($XDG_DATA_HOME, usually
~/.local/share). A wheel cannot put them there itself; `vsr desktop install` does."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from vsr.method import resource_path

# The AppStream component id, reverse-DNS as AppStream asks; the menu entry and the metainfo
# are installed under this name, and the window tells Wayland/X11 it (setDesktopFileName).
APP_ID = "nl.samenleerwijzer.vsr"
ICON = "vsr"
# What `vsr desktop install` wrote before the id was reverse-DNS: replaced, never left double.
OLD_NAMES = ("applications/vsr.desktop", "metainfo/vsr.metainfo.xml")


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def targets(home: Path | None = None) -> dict[str, Path]:
    base = home or data_home()
    return {
        "desktop": base / "applications" / f"{APP_ID}.desktop",
        "icon": base / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON}.svg",
        "metainfo": base / "metainfo" / f"{APP_ID}.metainfo.xml",
    }


def gui_command() -> str:
    """The installed `vsr-gui` next to this Python, else `python -m vsr.ui.app`."""
    found = shutil.which("vsr-gui", path=str(Path(sys.executable).parent))
    return f'"{found}"' if found else f'"{sys.executable}" -m vsr.ui.app'


def install(home: Path | None = None) -> list[Path]:
    """Write the menu entry, icon and metainfo; returns the files written."""
    paths = targets(home)
    entry = resource_path("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    entry = entry.replace("Exec=vsr-gui ", f"Exec={gui_command()} ")
    sources = {
        "desktop": entry,
        "icon": resource_path("icons", "vsr.svg").read_text(encoding="utf-8"),
        "metainfo": resource_path("desktop", f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8"),
    }
    for old in OLD_NAMES:
        (home or data_home()).joinpath(old).unlink(missing_ok=True)
    for key, path in paths.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(sources[key], encoding="utf-8")
        os.replace(partial, path)
    return list(paths.values())


def uninstall(home: Path | None = None) -> list[Path]:
    removed = []
    for path in targets(home).values():
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed

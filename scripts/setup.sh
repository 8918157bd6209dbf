#!/usr/bin/env bash
# Everything vsr needs on a fresh Debian/Ubuntu machine: system packages (libVLC with its video
# outputs, the X/xcb libraries Qt needs, Xvfb for the tests, ffmpeg for the benchmarks) and the
# Python environment in .venv. Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv python3-pip
  libvlc5 vlc-plugin-base vlc-plugin-video-output vlc-bin
  libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libglib2.0-0 libfontconfig1
  libdbus-1-3 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1
  fonts-dejavu-core fonts-symbola
  postgresql
  xvfb xauth x11-utils imagemagick poppler-utils ffmpeg
  desktop-file-utils appstream
  espeak-ng
  # The accessibility test (tests/a11y): the AT-SPI bus and the system Python's pyatspi.
  dbus dbus-bin at-spi2-core python3-pyatspi gir1.2-atspi-2.0 python3-gi
)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "No apt-get here: install libVLC (VLC 3), Xvfb and ffmpeg with your package manager." >&2
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "vsr needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev,transcript]"
.venv/bin/python scripts/build_assets.py

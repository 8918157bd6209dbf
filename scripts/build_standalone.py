"""Build the standalone vsr (PyInstaller, one folder) into dist/standalone/vsr.

Builds vsr's wheel first (its build compiles the translations and draws the pictograms) and
installs it into a staging folder that the bundle is made from, installs PyInstaller into this
Python when it is missing (the `standalone` extra), runs packaging/vsr.spec and prints the
bundle's size and how long the build took. `--clean` throws PyInstaller's cache away first.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "vsr.spec"
DIST = ROOT / "dist" / "standalone"
WORK = ROOT / "build" / "standalone"


def bundle_dir() -> Path:
    """The built folder (on macOS PyInstaller also makes vsr.app beside it)."""
    return DIST / "vsr"


def folder_mb(path: Path) -> float:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1_000_000


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        print("PyInstaller is missing: installing it into", sys.prefix, flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "pyinstaller>=6.10"], check=True)


def stage_package() -> Path:
    """vsr as a wheel installs it (vsr, vsr.ui, vsr.resources with the compiled translations and
    pictograms), in a folder of its own: PyInstaller follows imports through folders on the path,
    and a checkout's ui/ and resources/ only become vsr.ui and vsr.resources when installed."""
    site = WORK / "site"
    wheels = WORK / "wheel"
    for folder in (site, wheels):
        shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(wheels), str(ROOT)], check=True)
    (wheel,) = wheels.glob("vsr-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(site), str(wheel)], check=True)
    return site


def build(clean: bool = False) -> Path:
    ensure_pyinstaller()
    site = stage_package()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    # Run outside the checkout, so its vsr/ is not found before the staged one.
    subprocess.run(cmd, check=True, cwd=WORK, env={**os.environ, "VSR_STANDALONE_SITE": str(site)})
    return bundle_dir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch")
    args = parser.parse_args(argv)
    started = time.monotonic()
    out = build(clean=args.clean)
    seconds = time.monotonic() - started
    print(f"Bundle: {out}")
    print(f"Size: {folder_mb(out):.0f} MB")
    print(f"Build time: {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

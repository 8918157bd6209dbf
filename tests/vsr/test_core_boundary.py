"""The core runs with no Qt, no VLC and no UI: every vsr module imports with them blocked
(import-linter checks the same statically in scripts/test.sh)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'vlc', 'ui') or name.startswith('vsr.ui'):
            raise ImportError('blocked ' + name)
sys.meta_path.insert(0, Block())
import vsr
names = [m.name for m in pkgutil.walk_packages(vsr.__path__, 'vsr.')
         if not m.name.endswith('__main__')]  # __main__ runs the command
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_core_module_imports_without_qt_vlc_or_ui() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) > 40

"""Stand-ins for probing and fingerprinting, so library tests need no media files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vsr.model import ProbeResult


def fake_probe(path: Path) -> ProbeResult:
    return ProbeResult(duration_ms=120_000, has_video=True, has_audio=True, width=640, height=360,
                       fps=25.0)


def fake_fingerprint(path: Path) -> str:
    return "test:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()


def add_fake_recording(library, tmp_path: Path, name: str = "gesprek.mp4", content: bytes = b"x",  # type: ignore[no-untyped-def]
                       duration_ms: int = 120_000):
    from dataclasses import replace

    from vsr.library.recordings import add_recording

    file = tmp_path / name
    file.write_bytes(content)
    rec, _ = add_recording(library, file, prober=lambda p: replace(fake_probe(p), duration_ms=duration_ms),
                           fingerprinter=fake_fingerprint)
    return rec

"""Rows that need a real display and the real VLC (run under Xvfb): start-up of `vsr` until
the window is interactive, opening a review until the recording's first picture is on screen
(against a bare python-vlc player in a plain window, same file, same run), seeking to a marked moment until
that exact frame is on the screen (the picture is compared, not position()), and peak memory
while playing with 1,000 markers. `python -m bench.player_rows [--quick] MEDIA`."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("VSR_VLC_ARGS", "--aout=dummy")

import av  # noqa: E402
import numpy as np  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget  # noqa: E402
from vsr.ui.bridge import LibraryBridge  # noqa: E402
from vsr.ui.i18n import install_language  # noqa: E402
from vsr.ui.main_window import MainWindow  # noqa: E402
from vsr.ui.player.factory import create_player  # noqa: E402

from bench.libraries import make_library  # noqa: E402
from bench.rows import Row, emit, row  # noqa: E402
from vsr.library import markers as mk  # noqa: E402
from vsr.library import reviews as rv  # noqa: E402

SMALL = (160, 90)  # pictures are compared at this size


def wait_for(condition: Callable[[], bool], timeout_s: float = 30.0) -> float | None:
    started = time.perf_counter()
    while not condition():
        QCoreApplication.processEvents()
        if time.perf_counter() - started > timeout_s:
            return None
        time.sleep(0.001)
    return time.perf_counter() - started


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_seconds(command: list[str], until: str | None = None,
                    env: dict[str, str] | None = None) -> float:
    """Wall time from starting `command` until it prints `until` (or exits)."""
    return process_times(command, until, env)[0]


def process_times(command: list[str], until: str | None = None,
                  env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall time until `command` prints `until` or exits, CPU time of the whole process)."""
    started, cpu = time.perf_counter(), _children_cpu()
    took = None
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          env={**os.environ, **(env or {})}) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if until is not None and line.strip() == until:
                took = time.perf_counter() - started
                break
        proc.wait()
    if (took is None and until is not None) or (until is None and proc.returncode != 0):
        # A crash is not a start-up time.
        raise RuntimeError(f"{' '.join(command)} exited ({proc.returncode}) without "
                           f"{until or 'success'}")
    wall = time.perf_counter() - started if took is None else took
    return wall, _children_cpu() - cpu


def startup_rows(repeat: int, tmp: Path) -> list[Row]:
    python = sys.executable
    env = {"QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp / "config"),
           "VSR_LIBRARY": str(tmp / "startup.sqlite")}
    probe = [python, "-m", "bench.startup_probe"]
    commands = {"blank": ([*probe, "--blank"], "INTERACTIVE"), "vsr": (probe, "INTERACTIVE"),
                "python": ([python, "-c", "pass"], None),
                "cli": ([python, "-m", "vsr", "list"], None)}
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
    for _ in range(repeat):  # interleaved: a busy moment hits both sides alike
        for name, (command, until) in commands.items():
            runs[name].append(process_times(command, until, env))
    wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
    return [row("`vsr` start-up until the window is interactive", wall["vsr"], "s", 1.0,
                wall["blank"], cpu=cpu["vsr"]),
            row("CLI start-up (`vsr list`)", wall["cli"], "s", 0.3, wall["python"],
                cpu=cpu["cli"])]


def small(rgb: np.ndarray) -> np.ndarray:
    """Grey picture at SMALL size (block means), for comparing frames."""
    grey = rgb[..., :3].astype(np.float32).mean(axis=2)
    h, w = grey.shape
    ys = (np.arange(SMALL[1] + 1) * h // SMALL[1])
    xs = (np.arange(SMALL[0] + 1) * w // SMALL[0])
    rows_ = np.add.reduceat(grey, ys[:-1], axis=0) / np.diff(ys)[:, None]
    return np.add.reduceat(rows_, xs[:-1], axis=1) / np.diff(xs)[None, :]


def reference_frames(media: Path, at_ms: int) -> tuple[np.ndarray, list[np.ndarray]]:
    """The frame shown at `at_ms` and its neighbours (to be sure the comparison can tell them
    apart), decoded with PyAV."""
    with av.open(str(media)) as container:
        stream = container.streams.video[0]
        container.seek(int((at_ms - 2_500) / 1000 / stream.time_base), stream=stream)
        frames: list[tuple[int, np.ndarray]] = []
        for frame in container.decode(stream):
            ms = int(round(float(frame.pts * stream.time_base) * 1000))
            if ms > at_ms + 100:
                break
            frames.append((ms, small(frame.to_ndarray(format="rgb24"))))
    shown = max(i for i, (ms, _) in enumerate(frames) if ms <= at_ms)
    neighbours = [frames[i][1] for i in (shown - 1, shown + 1) if 0 <= i < len(frames)]
    return frames[shown][1], neighbours


def on_screen(surface: QWidget, video_w: int, video_h: int) -> np.ndarray | None:
    """The picture in the video surface (its letterbox cut off), at SMALL size."""
    image = surface.screen().grabWindow(int(surface.winId())).toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    if w < 32 or h < 32:
        return None
    scale = min(w / video_w, h / video_h)
    sw, sh = int(video_w * scale), int(video_h * scale)
    x0, y0 = (w - sw) // 2, (h - sh) // 2
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    array = data.reshape(h, image.bytesPerLine())[:, : w * 3].reshape(h, w, 3)
    return small(array[y0:y0 + sh, x0:x0 + sw])


def first_picture(media: Path) -> tuple[np.ndarray, tuple[int, int]]:
    """The recording's first frame at SMALL size (decoded with PyAV) and its width, height."""
    with av.open(str(media)) as container:
        stream = container.streams.video[0]
        frame = next(container.decode(stream))
        return small(frame.to_ndarray(format="rgb24")), (frame.width, frame.height)


def shows_first_picture(surface: QWidget, expected: np.ndarray, size: tuple[int, int]) -> bool:
    """Is the recording's first picture on screen in `surface`: a real picture (not black, not
    one colour) close to the decoded first frame?"""
    picture = on_screen(surface, *size)
    if picture is None or float(picture.std()) < 8:
        return False
    return float(np.abs(picture - expected).mean()) < 12


def open_window_once(bridge: LibraryBridge, review_id: int, expected: np.ndarray,
                     size: tuple[int, int]) -> tuple[float | None, QSize]:
    """A new window and player (as `vsr` starts), shown; then the time from open_review until
    the first picture is on screen. Returns it and the size of the video surface."""
    player = create_player()
    window = MainWindow(bridge, player)
    window.resize(1366, 768)
    window.show()
    wait_for(lambda: window.isVisible() and window.isActiveWindow(), 5.0)
    wait_for(lambda: False, 0.3)  # the window manager and the X server settle
    surface = player.video_widget()
    started = time.perf_counter()
    window.open_review(review_id)
    took = wait_for(lambda: shows_first_picture(surface, expected, size), 15.0)
    shown = None if took is None else time.perf_counter() - started
    surface_size = surface.size()
    window.close()  # shuts the player down too
    window.deleteLater()
    QCoreApplication.processEvents()
    return shown, surface_size


def bare_vlc_once(media: Path, expected: np.ndarray, size: tuple[int, int],
                  surface_size: QSize) -> float | None:
    """The reference: a bare python-vlc MediaPlayer drawing into a plain QWidget of the window's
    video size (set_xwindow, as ui/player/vlc_setup.attach_video), set_media + play() on the
    same file, until its first picture is on screen the same way."""
    import vlc
    from vsr.ui.player.vlc_setup import instance_args

    instance = vlc.Instance(instance_args(QGuiApplication.platformName()))
    mp = instance.media_player_new()
    window = QWidget()
    window.setWindowTitle("bare python-vlc")
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    surface = QWidget()
    surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    surface.setStyleSheet("background: black;")
    surface.setFixedSize(surface_size)
    layout.addWidget(surface)
    window.show()
    wait_for(lambda: window.isVisible() and window.isActiveWindow(), 5.0)
    wait_for(lambda: False, 0.3)
    started = time.perf_counter()
    mp.set_xwindow(int(surface.winId()))
    mp.set_media(instance.media_new_path(str(media)))
    mp.play()
    took = wait_for(lambda: shows_first_picture(surface, expected, size), 15.0)
    shown = None if took is None else time.perf_counter() - started
    mp.stop()
    mp.release()
    instance.release()
    window.close()
    window.deleteLater()
    QCoreApplication.processEvents()
    return shown


def first_frame_rows(media: Path, tmp: Path, quick: bool) -> list[Row]:
    """Opening a review until the recording's first picture is on screen in a real window (new
    window and player each round, as `vsr` starts), against a bare python-vlc player on the
    same file in a plain window of the same video size; rounds alternate, medians compared."""
    expected, size = first_picture(media)
    rounds = 3 if quick else 7
    rows = []
    for count in (1_000, 10_000):
        lib, review_id = make_library(tmp / f"first-{count}.sqlite", media, count)
        bridge = LibraryBridge(lib)
        windows: list[float | None] = []
        bares: list[float | None] = []
        surface_size = QSize(*size)
        for _ in range(rounds):  # alternating: a busy moment hits both sides alike
            shown, surface_size = open_window_once(bridge, review_id, expected, size)
            windows.append(shown)
            bares.append(bare_vlc_once(media, expected, size, surface_size))
        bridge.close()

        def median(times: list[float | None]) -> float | None:
            found = [t for t in times if t is not None]
            return statistics.median(found) if len(found) > len(times) // 2 else None

        r = row(f"opening a review with {count:,} markers until its first picture is on screen "
                "(real VLC; reference: bare python-vlc)", median(windows), "s", None,
                median(bares))
        r.update(target="<= 2x bare python-vlc", met=r["ratio"] is not None and r["ratio"] <= 2.0,
                 rounds={"window": [None if t is None else round(t, 3) for t in windows],
                         "bare": [None if t is None else round(t, 3) for t in bares]})
        rows.append(r)
    return rows


def seek_and_memory_rows(media: Path, tmp: Path, quick: bool) -> list[Row]:
    lib, review_id = make_library(tmp / "seek.sqlite", media, 1_000)
    pro = rv.list_parties(lib, review_id)[0]
    duration = rv.get_review(lib, review_id)  # noqa: F841 - the review exists
    span_s = 110 if quick else 3_500
    targets = [int(span_s * f) * 1000 + 520 for f in (0.75, 0.1, 0.5, 0.95, 0.3)]
    targets = [t - t % 40 for t in targets]  # frame starts: exactly one frame is right
    seek_markers = [mk.add_marker(lib, pro.id, t).id for t in targets]
    bridge = LibraryBridge(lib)
    player = create_player()
    window = MainWindow(bridge, player)
    window.resize(1366, 768)
    window.show()
    wait_for(window.isVisible)
    started = time.perf_counter()
    window.open_review(review_id)
    wait_for(lambda: not player.is_opening() and player.duration() > 0)
    wait_for(window.review_view.markers_shown, 30.0)  # read on a worker after the picture
    rows: list[Row] = []
    surface = player.video_widget()
    seeks, refs = [], []
    for marker_id, at in zip(seek_markers, targets, strict=True):
        expected, neighbours = reference_frames(media, at)
        started = time.perf_counter()
        subprocess.run(["ffmpeg", "-v", "error", "-ss", f"{at / 1000:.3f}", "-i", str(media),
                        "-frames:v", "1", "-f", "null", "-"], check=True)
        refs.append(time.perf_counter() - started)

        def exact_frame(expected: np.ndarray = expected,
                        neighbours: list[np.ndarray] = neighbours) -> bool:
            picture = on_screen(surface, 1280, 720)
            if picture is None:
                return False
            diff = float(np.abs(picture - expected).mean())
            return diff < 10 and all(diff < float(np.abs(picture - n).mean()) for n in neighbours)

        started = time.perf_counter()
        window.review_view.select_marker(marker_id, seek=True)
        took = wait_for(exact_frame, 5.0)
        seeks.append(None if took is None else time.perf_counter() - started)
    found = [s for s in seeks if s is not None]
    seek_ms = statistics.median(found) * 1000 if len(found) > len(seeks) // 2 else None
    rows.append(row("seek to a marked moment until that exact frame is on screen (real VLC)",
                    seek_ms, "ms", 150.0, statistics.median(refs) * 1000))
    player.play()
    wait_for(lambda: False, 5.0 if quick else 30.0)  # play with 1,000 markers on the timeline
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(row("peak memory playing with 1,000 markers (real VLC)", peak_mb, "MB", 350.0))
    window.close()
    QCoreApplication.processEvents()
    bridge.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=("startup", "first", "seek"),
                        help="only these rows (a quicker look while working on them)")
    parser.add_argument("media", type=Path)
    args = parser.parse_args()
    QCoreApplication.setOrganizationName("vsr-bench")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language("nl")
    with tempfile.TemporaryDirectory(prefix="vsr-bench-player-") as name:
        tmp = Path(name)
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp))
        rows: list[Row] = []
        if args.only in (None, "startup"):
            rows += startup_rows(3 if args.quick else 7, tmp)
        # Seek and peak memory before the first-picture rounds: those make and close a window
        # per round, and the process's peak (ru_maxrss) would count them in the row that
        # measures one window playing with 1,000 markers.
        if args.only in (None, "seek"):
            rows += seek_and_memory_rows(args.media, tmp, args.quick)
        if args.only in (None, "first"):
            rows += first_frame_rows(args.media, tmp, args.quick)
    emit(rows)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

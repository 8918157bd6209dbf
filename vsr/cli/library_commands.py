"""`vsr import`, `vsr list`, `vsr open`, `vsr demo` and starting the window."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from vsr.cli.output import print_error
from vsr.dates import clock
from vsr.errors import VsrError
from vsr.i18n import translate, translate_plural
from vsr.library import open_library
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.model import Recording


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="add recordings to the library; prints JSON lines")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("list", help="list recordings and reviews")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("open", help="open a recording (or review) in the window")
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--review", type=int, metavar="ID", help="open this review")
    p.set_defaults(handler=cmd_open)

    p = sub.add_parser("demo", help="create the demo recording and review, and open it")
    p.add_argument("--no-gui", action="store_true", help="only create them")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("gui", help="start the window")
    p.set_defaults(handler=lambda args: launch_gui([]))


def recording_json(rec: Recording) -> dict[str, object]:
    return {
        "id": rec.id, "path": rec.path, "duration_ms": rec.duration_ms,
        "has_video": rec.has_video, "has_audio": rec.has_audio, "width": rec.width,
        "height": rec.height, "fps": round(rec.fps, 3), "rotation": rec.rotation,
    }


def cmd_import(args: argparse.Namespace) -> int:
    lib = open_library()
    failed = False
    try:
        for name in args.files:
            try:
                result = rc.import_recording(lib, name)
            except VsrError as exc:
                failed = True
                print_error(exc)  # it names the file
                continue
            # A usable file with a problem (cut off, damaged in places) is imported: say so.
            for key in result.warnings:
                print_error(translate("warning.media.in_file", path=result.recording.path,
                                      message=translate(key)))
            print(json.dumps(recording_json(result.recording), ensure_ascii=False), flush=True)
    finally:
        lib.close()
    return 2 if failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    lib = open_library()
    try:
        recordings = rc.list_recordings(lib)
        reviews = rv.list_reviews(lib)
        counts = rv.marker_counts(lib)
    finally:
        lib.close()
    if args.json:
        data = {
            "recordings": [
                {**recording_json(r), "title": r.title, "available": rc.recording_available(r)}
                for r in recordings
            ],
            "reviews": [
                {"id": r.id, "title": r.title, "recording_id": r.recording_id,
                 "marker_count": counts.get(r.id, 0), "updated_at": r.updated_at}
                for r in reviews
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not recordings:
        print(translate("cli.no_recordings"))
        return 0
    print(translate("cli.list.recordings"))
    for r in recordings:
        missing = "" if rc.recording_available(r) else translate("cli.list.not_found")
        print(f"  {r.id:>4}  {clock(r.duration_ms):>8}  {r.title}  [{r.path}]{missing}")
    print(translate("cli.list.reviews"))
    for v in reviews:
        markers = translate_plural("count.markers", counts.get(v.id, 0))
        recording = translate("cli.list.of_recording", id=v.recording_id)
        print(f"  {v.id:>4}  {recording:<11} {markers:>12}  {v.title}")
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    if args.review is not None:
        return launch_gui(["--review", str(args.review)])
    if not args.file:
        return launch_gui([])
    return launch_gui(["--open", str(Path(args.file).expanduser().absolute())])


def cmd_demo(args: argparse.Namespace) -> int:
    from vsr.demo import make_demo

    lib = open_library()
    try:
        rec, review = make_demo(lib)
    finally:
        lib.close()
    print(translate("cli.demo_created", path=rec.path, review=review.id))
    if args.no_gui:
        return 0
    return launch_gui(["--review", str(review.id)])


def gui_command(extra: list[str]) -> list[str]:
    """How to start the window program: `python -m vsr.ui`, or in the standalone build (PyInstaller
    sets sys.frozen) the vsr-gui program that sits beside this vsr program."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        return [str(exe.with_name("vsr-gui" + exe.suffix)), *extra]
    return [sys.executable, "-m", "vsr.ui", *extra]


def launch_gui(extra: list[str]) -> int:
    """Hand over to the window program. The core never imports the UI: it starts it."""
    argv = gui_command(extra)
    sys.stdout.flush()
    try:
        os.execv(argv[0], argv)
    except OSError as exc:
        print_error(translate("cli.no_gui", reason=exc.strerror))
        return 1
    return 0  # not reached

"""`vsr collection ...` and `vsr export clips ...`: building collections of clips for
intervisie or training, and exporting them (optionally as a pack) for batch work."""

from __future__ import annotations

import argparse
import json
import signal

from vsr.cli.output import end_progress, percent_printer, print_error, print_note, shows_progress
from vsr.cli.summary_commands import export_subparsers
from vsr.dates import clock, long_date
from vsr.errors import Terminated
from vsr.i18n import translate, translate_plural
from vsr.library import Library, open_library
from vsr.library import collections as co

# The media stack (PyAV, OpenCV) loads only for an export, so other commands start quickly.
PACKS = ("intervisie", "exercise")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    col = sub.add_parser("collection", help="collections of clips for intervisie or training")
    col.set_defaults(handler=lambda args: _usage(col))
    what = col.add_subparsers(dest="collection_command", metavar="ACTION")

    p = what.add_parser("new", help="make a collection; prints its id")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--purpose", required=True, choices=("intervisie", "training"))
    p.add_argument("--keep-until", metavar="DATE", help="last day to keep it (YYYY-MM-DD)")
    p.set_defaults(handler=cmd_new)

    p = what.add_parser("add", help="add a clip from a recording (or from a marker)")
    p.add_argument("collection", type=int, metavar="COLLECTION")
    p.add_argument("--recording", type=int, metavar="ID")
    p.add_argument("--from", dest="start", type=float, metavar="SECONDS")
    p.add_argument("--to", dest="end", type=float, metavar="SECONDS")
    p.add_argument("--marker", type=int, metavar="ID", help="take the clip from this marker")
    p.add_argument("--lead", type=float, default=5.0, metavar="SECONDS",
                   help="with --marker on a point: seconds before it (default 5)")
    p.add_argument("--lag", type=float, default=5.0, metavar="SECONDS",
                   help="with --marker on a point: seconds after it (default 5)")
    p.add_argument("--title", metavar="TEXT")
    p.add_argument("--question", action="append", metavar="TEXT",
                   help="a discussion question or task (repeat for more; default: the "
                   "method's questions)")
    p.add_argument("--reflections", action="store_true",
                   help="with --marker: include the parties' own A/B/C in the pack")
    p.set_defaults(handler=cmd_add, parser=p)

    p = what.add_parser("list", help="list collections")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_list)

    p = what.add_parser("show", help="list the clips of a collection")
    p.add_argument("collection", type=int, metavar="COLLECTION")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_show)

    p = export_subparsers(sub).add_parser("clips", help="export a collection's clips (and pack)")
    p.add_argument("collection", type=int, metavar="COLLECTION")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write to")
    p.add_argument("--anonymize", action="append", choices=("faces", "names"), default=[],
                   help="faces: blur faces (names are then replaced too); names: replace "
                   "names by roles")
    p.add_argument("--no-audio", action="store_true", help="leave the sound out")
    p.add_argument("--subtitles", action="store_true",
                   help="a WebVTT file beside each clip, from the recording's transcript")
    p.add_argument("--pack", choices=PACKS,
                   help="intervisie: add a handout PDF; exercise: add index.html and a "
                   "worksheet PDF")
    p.add_argument("--extra-name", action="append", default=[], metavar="NAME",
                   help="another name to replace when anonymising (repeatable; kept with the "
                   "collection for later exports)")
    p.set_defaults(handler=cmd_export_clips)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def cmd_new(args: argparse.Namespace) -> int:
    lib = open_library()
    try:
        collection = co.create_collection(lib, args.name, args.purpose,
                                          keep_until=args.keep_until)
    finally:
        lib.close()
    print(collection.id)  # only the id, so scripts can capture it
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.parser
    if args.marker is None and None in (args.recording, args.start, args.end):
        parser.error(translate("cli.add.needs_range"))
    lib = open_library()
    try:
        clip = _add(lib, args)
    finally:
        lib.close()
    print(translate("cli.clip_added", clip=clip.id, collection=clip.collection_id,
                    start=clock(clip.start_ms, exact=True), end=clock(clip.end_ms, exact=True)))
    return 0


def _add(lib: Library, args: argparse.Namespace) -> co.CollectionClip:
    if args.marker is not None:
        return co.add_clip_from_marker(
            lib, args.collection, args.marker, lead_ms=round(args.lead * 1000),
            lag_ms=round(args.lag * 1000), title=args.title, questions=args.question,
            include_reflections=args.reflections)
    return co.add_clip(lib, args.collection, args.recording, round(args.start * 1000),
                       round(args.end * 1000), title=args.title or "",
                       questions=args.question)


def cmd_list(args: argparse.Namespace) -> int:
    lib = open_library()
    try:
        rows = [(c, co.list_clips(lib, c.id)) for c in co.list_collections(lib)]
    finally:
        lib.close()
    if args.json:
        print(json.dumps([
            {"id": c.id, "name": c.name, "purpose": c.purpose.value, "clips": len(clips),
             "keep_until": c.keep_until.isoformat() if c.keep_until else None}
            for c, clips in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(translate("cli.collection.none"))
    for c, clips in rows:
        keep = translate("cli.collection.keep", until=long_date(c.keep_until)) \
            if c.keep_until else ""
        print(f"{c.id:>4}  {c.purpose.value:<10} {len(clips):>3} clips  {c.name}{keep}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    lib = open_library()
    try:
        collection = co.get_collection(lib, args.collection)
        clips = co.list_clips(lib, args.collection)
    finally:
        lib.close()
    if args.json:
        print(json.dumps({
            "id": collection.id, "name": collection.name, "purpose": collection.purpose.value,
            "keep_until": str(collection.keep_until) if collection.keep_until else None,
            "clips": [{"id": c.id, "recording_id": c.recording_id, "marker_id": c.marker_id,
                       "start_ms": c.start_ms, "end_ms": c.end_ms, "title": c.title,
                       "questions": list(c.questions),
                       "include_reflections": c.include_reflections} for c in clips]},
            ensure_ascii=False, indent=2))
        return 0
    print(f"{collection.name} ({collection.purpose.value})")
    for n, c in enumerate(clips, start=1):
        print(f"  {n:>2}. [{c.id}] {translate('what.recording')} {c.recording_id}  "
              f"{clock(c.start_ms, exact=True)}-{clock(c.end_ms, exact=True)}  {c.title}")
        for q in c.questions:
            print(f"        - {q}")
    return 0


def cmd_export_clips(args: argparse.Namespace) -> int:
    from vsr.clip_packs import export_collection
    from vsr.clips import Cancelled

    faces = "faces" in args.anonymize
    names = True if "names" in args.anonymize else None
    show = shows_progress()
    progress = percent_printer() if show else None

    lib = open_library()
    try:
        if args.extra_name:
            from vsr.anonymise.known import add_extra_names

            add_extra_names(lib, "collection", args.collection, args.extra_name)
        report = export_collection(lib, args.collection, args.output, anonymize_faces=faces,
                                   anonymize_names=names, keep_audio=not args.no_audio,
                                   pack=args.pack, progress=progress,
                                   subtitles=args.subtitles)
    except (Cancelled, KeyboardInterrupt) as exc:
        print_error(("\n" if show else "") + translate("cli.export.cancelled"))
        return 128 + signal.SIGTERM if isinstance(exc, Terminated) else 130
    finally:
        lib.close()
    if show:
        end_progress()
    for path in report.files:
        print(path)
    print_note(translate_plural("cli.export.done", len(report.files), folder=str(report.out_dir)))
    return 0

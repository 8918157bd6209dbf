"""Other tools' formats: `vsr export eaf|vtt|srt|csv REVIEW -o FILE [--anonymize names]`, `vsr import-eaf FILE
--recording ID [--review ID] [--map TIER=PARTY]... [--skip TIER]...` and `vsr import-boris FILE
--recording ID [--review ID] [--observation NAME] [--map SUBJECT=PARTY]...`. A file that cannot
be imported gets one line naming it and exit code 2; the library is then unchanged."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from vsr.cli.anonymize_options import add_anonymize_names, wants_names_replaced
from vsr.cli.output import print_error
from vsr.cli.summary_commands import export_subparsers
from vsr.errors import VsrError
from vsr.i18n import translate, translate_plural
from vsr.interop.formats import EXPORT_FORMATS
from vsr.library import open_library

if TYPE_CHECKING:
    from vsr.cli.summary_commands import SubParsers
    from vsr.interop.imported_rows import ImportResult

_SEPARATOR_NAMES = {"semicolon": ";", "comma": ",", "tab": "\t", ";": ";", ",": ","}


def register(sub: SubParsers) -> None:
    exports = export_subparsers(sub)
    helps = {"eaf": "ELAN 3.0 annotation file (tiers per party, A/B/C, theme cards)",
             "vtt": "WebVTT subtitles: one cue per moment", "srt": "SRT subtitles: one cue per moment",
             "csv": "spreadsheet: one row per moment (UTF-8 with BOM, ';' by default)"}
    for fmt in EXPORT_FORMATS:
        p = exports.add_parser(fmt, help=helps[fmt])
        p.add_argument("review", type=int, metavar="REVIEW", help="review id (see `vsr list`)")
        p.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
        if fmt == "csv":
            p.add_argument("--separator", default="semicolon", choices=sorted(_SEPARATOR_NAMES),
                           help="cell separator (default semicolon, as Excel with Dutch settings expects)")
        add_anonymize_names(p)
        if fmt == "eaf":
            p.add_argument("--with-transcript", action="store_true",
                           help="add a tier per voice with what was said (see vsr transcribe)")
        p.set_defaults(handler=cmd_export, export_format=fmt)
    p = sub.add_parser("import-eaf", help="moments from an ELAN file (.eaf): tiers become parties")
    p.add_argument("file", metavar="FILE")
    _target_arguments(p)
    p.add_argument("--map", action="append", default=[], metavar="TIER=PARTY",
                   help="put a tier's moments with this party (an existing one or a new one)")
    p.add_argument("--skip", action="append", default=[], metavar="TIER", help="leave this tier out")
    p.set_defaults(handler=cmd_import_eaf)
    p = sub.add_parser("import-boris", help="moments from a BORIS project's observation")
    p.add_argument("file", metavar="FILE")
    _target_arguments(p)
    p.add_argument("--observation", metavar="NAME", help="which observation (needed when several)")
    p.add_argument("--map", action="append", default=[], metavar="SUBJECT=PARTY",
                   help="put a subject's events with this party")
    p.set_defaults(handler=cmd_import_boris)


def _target_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--recording", type=int, required=True, metavar="ID", help="recording id")
    p.add_argument("--review", type=int, metavar="ID",
                   help="add to this review of the recording (default: a new review)")


def cmd_export(args: argparse.Namespace) -> int:
    from vsr.anonymise.known import add_extra_names
    from vsr.interop.exports import export_review_file  # its writers load only when used

    lib = open_library()
    try:
        if args.extra_name:
            add_extra_names(lib, "review", args.review, args.extra_name)
        path = export_review_file(lib, args.review, args.export_format, Path(args.output),
                                  separator=_SEPARATOR_NAMES[getattr(args, "separator", "semicolon")],
                                  anonymize_names=wants_names_replaced(args),
                                  with_transcript=getattr(args, "with_transcript", False))
    finally:
        lib.close()
    print(translate("cli.export.written", path=str(path)))
    return 0


def parse_map(values: list[str]) -> dict[str, str]:
    mapping = {}
    for value in values:
        key, sep, party = value.partition("=")
        if not sep or not key.strip() or not party.strip():
            raise VsrError("error.import.bad_map", value=value)
        mapping[key.strip()] = party.strip()
    return mapping


def _run_import(args: argparse.Namespace, work: object) -> int:
    """Every error of an import is one line and exit code 2; nothing was written then."""
    try:
        lib = open_library()
        try:
            result: ImportResult = work(lib)  # type: ignore[operator]
        finally:
            lib.close()
    except VsrError as exc:
        print_error(exc)
        return 2
    print(translate_plural("cli.import_eaf.done", result.moments, review=result.review_id,
                    parties=", ".join(result.parties)))
    if result.cut_at_end:
        print_error(translate_plural("warning.import.cut_at_end", result.cut_at_end))
    return 0


def cmd_import_eaf(args: argparse.Namespace) -> int:
    from vsr.interop.eaf_import import import_eaf

    def work(lib: object) -> ImportResult:
        return import_eaf(lib, args.file, recording_id=args.recording,  # type: ignore[arg-type]
                          review_id=args.review, mapping=parse_map(args.map), skip=set(args.skip))

    return _run_import(args, work)


def cmd_import_boris(args: argparse.Namespace) -> int:
    from vsr.interop.boris import import_boris

    def work(lib: object) -> ImportResult:
        return import_boris(lib, args.file, recording_id=args.recording,  # type: ignore[arg-type]
                            review_id=args.review, observation=args.observation,
                            mapping=parse_map(args.map))

    return _run_import(args, work)

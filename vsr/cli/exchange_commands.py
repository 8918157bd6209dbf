"""`vsr search`, `vsr pack` and `vsr unpack`: finding moments across the library and handing a
review to a colleague. Package errors are one line naming the file, exit code 2."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from vsr.anonymise.known import add_extra_names, review_names
from vsr.anonymise.names import NameReplacer
from vsr.cli.anonymize_options import add_anonymize_names, wants_names_replaced
from vsr.cli.output import print_error, print_note
from vsr.dates import clock
from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.library import open_library
from vsr.library.db import Library
from vsr.library.search import (
    DEFAULT_LIMIT,
    MATCH_END,
    MATCH_START,
    count_moments,
    search_moments,
)
from vsr.review_package import OnExisting, pack_review, unpack_review
from vsr.review_package.archive import PackageError, os_reason, words
from vsr.transcript.spoken_search import SpokenHit, search_spoken


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search", help="find moments across all reviews by their words")
    p.add_argument("words", nargs="*", default=[],
                   help="words in A, B or C, all required (prefixes work); no quotes needed")
    p.add_argument("--theme", metavar="KEY", help="only moments with this theme card")
    p.add_argument("--party", metavar="NAME|ROLE", help="only moments marked by this party")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="reviews from this day")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="reviews up to this day")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                   help=f"show at most N moments (default {DEFAULT_LIMIT}); the total is told")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("pack", help="put a review into a package for a colleague")
    p.add_argument("review", type=int, metavar="REVIEW")
    p.add_argument("-o", "--output", required=True, metavar="FILE.vsrpack")
    p.add_argument("--with-recording", action="store_true",
                   help="include the recording (needs valid consent for intervisie)")
    p.add_argument("--passphrase-file", metavar="F", help="protect it with this passphrase")
    add_anonymize_names(p)
    p.set_defaults(handler=cmd_pack)

    p = sub.add_parser("unpack", help="add the review from a package to the library")
    p.add_argument("package", metavar="FILE.vsrpack")
    p.add_argument("--passphrase-file", metavar="F", help="the package's passphrase")
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--keep-both", action="store_true",
                        help="if the review is already here, add this one beside it")
    choice.add_argument("--replace", action="store_true",
                        help="if the review is already here, replace it")
    p.set_defaults(handler=cmd_unpack)


def cmd_search(args: argparse.Namespace) -> int:
    words = " ".join(args.words)  # `vsr search boos gesprek` and `vsr search "boos gesprek"`
    filters = {"theme": args.theme, "party": args.party, "date_from": args.date_from,
               "date_to": args.date_to}
    lib = open_library()
    try:
        hits = search_moments(lib, words, limit=args.limit, **filters)
        total = count_moments(lib, words, **filters) if len(hits) >= args.limit else len(hits)
    finally:
        lib.close()
    if total > len(hits):  # never a silent cut: say how many there are (stderr: not in --json)
        print_note(translate("cli.search.more", shown=len(hits), total=total))
    filtered = any((args.theme, args.party, args.date_from, args.date_to))
    spoken = [] if filtered else _spoken_hits(words)
    if args.json:
        print(json.dumps([asdict(h) | {"snippet": _plain(h.snippet)} for h in hits]
                         + [asdict(s) | {"kind": "spoken", "snippet": _plain(s.snippet),
                                         "who": name}
                            for s, name in spoken], ensure_ascii=False, indent=1))
        return 0
    if not hits and not spoken:
        print(translate("cli.search.none"))
    for h in hits:
        theme = f" [{h.theme}]" if h.theme else ""
        print(f"{h.review_id}  {h.review_title}  {clock(h.start_ms)}  {h.party_name}{theme}"
              f"  {h.snippet.replace(MATCH_START, '«').replace(MATCH_END, '»')}")
    _print_spoken(spoken)
    return 0


def _spoken_hits(words: str) -> list[tuple[SpokenHit, str]]:
    """Spoken words too (issue 22): the hit is a time in a recording, with who said it (the
    party's name once the users said who is who). Printed after the moments; a filter on
    theme, party or date does not apply to them, so none are shown then."""
    if not words.strip():
        return []
    from vsr.transcript.parties import voice_labels

    lib = open_library()
    try:
        hits = search_spoken(lib, words)
        names = {rec: voice_labels(lib, rec) for rec in {h.recording_id for h in hits}}
    finally:
        lib.close()
    return [(h, names[h.recording_id].get(h.speaker, "") if h.speaker is not None else "")
            for h in hits]


def _print_spoken(spoken: list[tuple[SpokenHit, str]]) -> None:
    for s, name in spoken:
        who = f"  {name}" if name else ""
        print(f"{translate('cli.search.spoken', recording=s.recording_id)}  {s.recording_title}"
              f"  {clock(s.start_ms)}{who}"
              f"  {s.snippet.replace(MATCH_START, '«').replace(MATCH_END, '»')}")


def _plain(snippet: str) -> str:
    return snippet.replace(MATCH_START, "").replace(MATCH_END, "")


def _passphrase(file: str | None) -> str | None:
    if file is None:
        return None
    try:
        text = Path(file).read_text("utf-8").rstrip("\r\n")
    except OSError as exc:
        raise PackageError("error.package.passphrase_file", path=file,
                           reason=os_reason(exc)) from exc
    except UnicodeDecodeError as exc:
        raise PackageError("error.package.passphrase_file", path=file,
                           reason=words("package.reason.not_utf8")) from exc
    if not text:
        raise PackageError("error.package.empty_passphrase", path=file)
    return text


def cmd_pack(args: argparse.Namespace) -> int:
    try:
        passphrase = _passphrase(args.passphrase_file)
        lib = open_library()
        try:
            names = _names(lib, args)
            out = pack_review(lib, args.review, Path(args.output), names=names,
                              with_recording=args.with_recording, passphrase=passphrase)
        finally:
            lib.close()
    except VsrError as exc:
        print_error(exc)
        return 2
    print(translate("cli.package.written", path=str(out)))
    return 0


def _names(lib: Library, args: argparse.Namespace) -> NameReplacer | None:
    """The replacement when `--anonymize names` was given (extra names are kept with the review)."""
    if not wants_names_replaced(args):
        return None
    if args.extra_name:
        add_extra_names(lib, "review", args.review, args.extra_name)
    return review_names(lib, args.review)


def cmd_unpack(args: argparse.Namespace) -> int:
    on_existing = (OnExisting.KEEP_BOTH if args.keep_both
                   else OnExisting.REPLACE if args.replace else OnExisting.ASK)
    try:
        passphrase = _passphrase(args.passphrase_file)
        lib = open_library()
        try:
            done = unpack_review(lib, Path(args.package), passphrase=passphrase,
                                 on_existing=on_existing)
        finally:
            lib.close()
    except VsrError as exc:
        print_error(exc)
        return 2
    print(translate("cli.package.unpacked", review=done.review_id,
                    title=done.title, path=args.package))
    return 0

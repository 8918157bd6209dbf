"""`vsr search`, `vsr pack` and `vsr unpack`: finding moments across the library and handing a
review to a colleague. Package errors are one line naming the file, exit code 2."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.library import open_library
from vsr.library.collections import clock
from vsr.library.search import MATCH_END, MATCH_START, search_moments
from vsr.review_package import OnExisting, pack_review, unpack_review
from vsr.review_package.archive import PackageError, os_reason, words
from vsr.transcript.spoken_search import SpokenHit, search_spoken
from vsr.transcript.talk import speaker_label


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search", help="find moments across all reviews by their words")
    p.add_argument("words", nargs="?", default="", help="words in A, B or C (prefixes work)")
    p.add_argument("--theme", metavar="KEY", help="only moments with this theme card")
    p.add_argument("--party", metavar="NAME|ROLE", help="only moments marked by this party")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="reviews from this day")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="reviews up to this day")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("pack", help="put a review into a package for a colleague")
    p.add_argument("review", type=int, metavar="REVIEW")
    p.add_argument("-o", "--output", required=True, metavar="FILE.vsrpack")
    p.add_argument("--with-recording", action="store_true",
                   help="include the recording (needs valid consent for intervisie)")
    p.add_argument("--passphrase-file", metavar="F", help="protect it with this passphrase")
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
    lib = open_library()
    try:
        hits = search_moments(lib, args.words, theme=args.theme, party=args.party,
                              date_from=args.date_from, date_to=args.date_to)
    finally:
        lib.close()
    filtered = any((args.theme, args.party, args.date_from, args.date_to))
    spoken = [] if filtered else _spoken_hits(args.words)
    if args.json:
        print(json.dumps([asdict(h) | {"snippet": _plain(h.snippet)} for h in hits]
                         + [asdict(s) | {"kind": "spoken", "snippet": _plain(s.snippet)}
                            for s in spoken], ensure_ascii=False, indent=1))
        return 0
    if not hits and not spoken:
        print(translate("cli.search.none"))
    for h in hits:
        theme = f" [{h.theme}]" if h.theme else ""
        print(f"{h.review_id}  {h.review_title}  {clock(h.start_ms)}  {h.party_name}{theme}"
              f"  {h.snippet.replace(MATCH_START, '«').replace(MATCH_END, '»')}")
    _print_spoken(spoken)
    return 0


def _spoken_hits(words: str) -> list[SpokenHit]:
    """Spoken words too (issue 22): the hit is a time in a recording. Printed after the
    moments; a filter on theme, party or date does not apply to them, so none are shown then."""
    if not words.strip():
        return []
    lib = open_library()
    try:
        return search_spoken(lib, words)
    finally:
        lib.close()


def _print_spoken(spoken: list[SpokenHit]) -> None:
    for s in spoken:
        who = f"  {speaker_label(s.speaker)}" if s.speaker is not None else ""
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
            out = pack_review(lib, args.review, Path(args.output),
                              with_recording=args.with_recording, passphrase=passphrase)
        finally:
            lib.close()
    except VsrError as exc:
        print(exc.message(), file=sys.stderr)
        return 2
    print(translate("cli.package.written", path=str(out)))
    return 0


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
        print(exc.message(), file=sys.stderr)
        return 2
    print(translate("cli.package.unpacked", review=done.review_id,
                    title=done.title, path=args.package))
    return 0

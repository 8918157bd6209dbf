"""The one anonymisation choice on the command line, the same for every export that has it:
`--anonymize names` (names and other identifiers replaced) and `--extra-name NAME`."""

from __future__ import annotations

import argparse


def add_anonymize_names(p: argparse.ArgumentParser) -> None:
    p.add_argument("--anonymize", action="append", choices=("names",), default=[],
                   help="names: replace every known name (parties by their role), e-mail "
                   "addresses, phone numbers, BSN, addresses and dates of birth, also in the "
                   "file name")
    p.add_argument("--extra-name", action="append", default=[], metavar="NAME",
                   help="another name to replace with --anonymize names (repeatable; kept with "
                   "the review for later exports)")


def wants_names_replaced(args: argparse.Namespace) -> bool:
    return "names" in getattr(args, "anonymize", [])

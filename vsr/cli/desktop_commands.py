"""`vsr desktop install|uninstall`: the menu entry, icon and AppStream file on Linux."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("desktop", help="add vsr to (or remove it from) the desktop's menu")
    p.add_argument("action", choices=("install", "uninstall"))
    p.set_defaults(handler=cmd_desktop)


def cmd_desktop(args: argparse.Namespace) -> int:
    from vsr import desktop

    files = desktop.install() if args.action == "install" else desktop.uninstall()
    for path in files:
        print(path)
    return 0

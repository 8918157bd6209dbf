"""`vsr team ...`: the team library on the organisation's PostgreSQL (vsr.team, docs/team.md).

The address comes from --url or VSR_TEAM, the media folder from --media or VSR_TEAM_MEDIA.
Errors (unreachable, not allowed, not shared) are one line and exit code 1; everything on the
laptop keeps working without the team library."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from vsr.dates import date_time
from vsr.i18n import translate


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    team = sub.add_parser("team", help="share reviews with a team (PostgreSQL team library)")
    team.add_argument("--url", metavar="postgresql://…", help="the team library (default: VSR_TEAM)")
    team.add_argument("--media", metavar="FOLDER",
                      help="the team's media folder (default: VSR_TEAM_MEDIA)")
    cmds = team.add_subparsers(dest="team_command", metavar="COMMAND", required=True)

    p = cmds.add_parser("init", help="(administrator) create or upgrade the team library")
    p.add_argument("init_url", nargs="?", metavar="URL")
    p.set_defaults(handler=cmd_init)
    p = cmds.add_parser("check", help="check the connection, rights, teams and media folder")
    p.set_defaults(handler=cmd_check)
    p = cmds.add_parser("add-team", help="(administrator) add a team")
    p.add_argument("name")
    p.set_defaults(handler=cmd_add_team)
    p = cmds.add_parser("add-member", help="(administrator) put a log-in or group in a team")
    p.add_argument("team")
    p.add_argument("role", help="a PostgreSQL role: a person's log-in or an organisation group")
    p.add_argument("function", choices=("professional", "coach", "trainer"))
    p.set_defaults(handler=cmd_add_member)
    p = cmds.add_parser("share", help="share a review with a team (needs the client's consent)")
    p.add_argument("review", type=int, metavar="REVIEW")
    p.add_argument("--team", required=True)
    p.add_argument("--purpose", required=True, choices=("intervisie", "training"))
    p.set_defaults(handler=cmd_share)
    p = cmds.add_parser("list", help="what is shared with you")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = cmds.add_parser("search", help="find moments in what is shared with you (Dutch words)")
    p.add_argument("words", nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)
    p = cmds.add_parser("open", help="get a shared review's moments and recording")
    p.add_argument("share", metavar="SHARE-ID")
    p.add_argument("-o", "--output", metavar="FILE", help="where to put the recording (private)")
    p.add_argument("--stream", action="store_true",
                   help="play it from the media folder on a 127.0.0.1 address (no decrypted copy)"
                        " until Ctrl+C")
    p.set_defaults(handler=cmd_open)
    p = cmds.add_parser("share-collection",
                        help="share a collection of clips with a team (its purpose; consent for"
                             " every clip)")
    p.add_argument("collection", type=int, metavar="COLLECTION")
    p.add_argument("--team", required=True)
    p.set_defaults(handler=cmd_share_collection)
    p = cmds.add_parser("collections", help="the collections shared with you")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_collections)
    p = cmds.add_parser("open-collection", help="a shared collection's clips (JSON)")
    p.add_argument("collection", metavar="COLLECTION-ID")
    p.set_defaults(handler=cmd_open_collection)
    p = cmds.add_parser("withdraw", help="withdraw consent for a purpose: gone for everyone")
    p.add_argument("recording", type=int, metavar="RECORDING", help="the recording's number here")
    p.add_argument("--purpose", required=True, choices=("intervisie", "training"))
    p.set_defaults(handler=cmd_withdraw)
    p = cmds.add_parser("purge", help="remove what retention or lapsed consent no longer allows")
    p.set_defaults(handler=cmd_purge)
    p = cmds.add_parser("log", help="the team library's log (the officer sees everyone's)")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(handler=cmd_log)


def _media(args: argparse.Namespace) -> Path:
    from vsr.team.connection import media_folder

    folder = media_folder(args.media)
    assert folder is not None
    return folder


def cmd_init(args: argparse.Namespace) -> int:
    from vsr.team.connection import init_schema

    before, after = init_schema(args.init_url or args.url)
    print(translate("cli.team.init", before=before, after=after))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from vsr.team.connection import check, media_folder

    report = check(args.url, media_folder(args.media, required=False))
    for good, line in report.lines:
        print(("✓ " if good else "✗ ") + line)
    return 0 if report.ok else 1


def cmd_add_team(args: argparse.Namespace) -> int:
    from vsr.team.connection import connect
    from vsr.team.sharing import add_team

    with connect(args.url) as conn:
        add_team(conn, args.name)
    return 0


def cmd_add_member(args: argparse.Namespace) -> int:
    from vsr.team.connection import connect
    from vsr.team.sharing import add_member

    with connect(args.url) as conn:
        add_member(conn, args.team, args.role, args.function)
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    from vsr.library import open_library
    from vsr.team.outbox import connect_and_flush
    from vsr.team.sharing import share_review

    media = _media(args)
    lib = open_library()
    try:
        with connect_and_flush(lib, args.url, media) as conn:
            share_id = share_review(lib, conn, media, args.review, args.team, args.purpose)
    finally:
        lib.close()
    print(translate("cli.team.shared", team=args.team, id=share_id))
    return 0


def cmd_share_collection(args: argparse.Namespace) -> int:
    from vsr.library import open_library
    from vsr.team.collections import share_collection
    from vsr.team.outbox import connect_and_flush

    media = _media(args)
    lib = open_library()
    try:
        with connect_and_flush(lib, args.url, media) as conn:
            shared = share_collection(lib, conn, media, args.collection, args.team)
    finally:
        lib.close()
    print(translate("cli.team.collection_shared", team=args.team, id=shared))
    return 0


def cmd_collections(args: argparse.Namespace) -> int:
    from vsr.team.collections import list_shared_collections
    from vsr.team.connection import connect

    with connect(args.url) as conn:
        items = list_shared_collections(conn)
    if args.json:
        print(json.dumps([{"id": i.id, "title": i.title, "purpose": i.purpose, "team": i.team,
                           "shared_by": i.shared_by, "shared_at": i.shared_at.isoformat(),
                           "clips": i.clips} for i in items], ensure_ascii=False, indent=1))
        return 0
    if not items:
        print(translate("cli.team.none"))
    for i in items:
        print(f"{i.id}  {i.title}  {i.team} ({i.purpose})  {i.shared_by}  {i.clips}")
    return 0


def cmd_open_collection(args: argparse.Namespace) -> int:
    from vsr.team.collections import open_shared_collection
    from vsr.team.connection import connect

    with connect(args.url) as conn:
        item = open_shared_collection(conn, args.collection)
    for clip in item.get("clips", []):
        clip.pop("key", None)  # the key stays in this program
    print(json.dumps(item, ensure_ascii=False, indent=1))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from vsr.dates import clock
    from vsr.team.connection import connect
    from vsr.team.sharing import list_shared

    with connect(args.url) as conn:
        items = list_shared(conn)
    if args.json:
        print(json.dumps([{"id": i.id, "title": i.title, "purpose": i.purpose, "team": i.team,
                           "shared_by": i.shared_by, "shared_at": i.shared_at.isoformat(),
                           "moments": i.moments} for i in items], ensure_ascii=False, indent=1))
        return 0
    if not items:
        print(translate("cli.team.none"))
    for i in items:
        print(f"{i.id}  {i.title}  {i.team} ({i.purpose})  {i.shared_by}  "
              f"{clock(i.duration_ms)}  {i.moments}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from vsr.dates import clock
    from vsr.team.connection import connect
    from vsr.team.sharing import search_team

    with connect(args.url) as conn:
        hits, total = search_team(conn, " ".join(args.words))
    if args.json:
        from dataclasses import asdict

        print(json.dumps({"total": total, "hits": [asdict(h) for h in hits]},
                         ensure_ascii=False, indent=1))
        return 0
    print(translate("cli.team.found", shown=len(hits), total=total))
    for h in hits:
        print(f"{h.share_id}  {h.title}  {clock(h.start_ms)}  {h.party}  {h.snippet}")
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    import platformdirs

    from vsr.dates import clock
    from vsr.team.connection import connect
    from vsr.team.sharing import fetch_media, open_shared

    with connect(args.url) as conn:
        item = open_shared(conn, args.share)
    if args.stream:
        return _stream(item, _media(args))
    cache = Path(platformdirs.user_cache_dir("vsr", appauthor=False)) / "team"
    target = Path(args.output) if args.output else cache / f"{item['id']}.mp4"
    fetch_media(item, _media(args), target)
    print(f"{item['title']}  ({item['purpose']})  {target}")
    for m in item["moments"]:
        print(f"  {clock(int(m['start_ms']))}  {m['party']}  {m['theme']}  {m['what_happened']}")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    from vsr.library import open_library
    from vsr.library.recordings import get_recording
    from vsr.team.outbox import connect_and_flush
    from vsr.team.sharing import team_recording_id, withdraw

    lib = open_library()
    try:
        rec = get_recording(lib, args.recording)
        with connect_and_flush(lib, args.url, _media(args)) as conn:
            done = withdraw(lib, conn, _media(args), team_recording_id(rec.fingerprint),
                            args.purpose)
    finally:
        lib.close()
    print(translate("cli.team.withdrawn", shares=done.shares_removed)
          + (" " + translate("cli.team.shredded") if done.key_deleted else ""))
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from vsr.team.connection import connect, media_folder
    from vsr.team.sharing import purge_expired

    with connect(args.url) as conn:
        n = purge_expired(conn, media_folder(args.media, required=False))
    print(translate("cli.team.purged", n=n))
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from vsr.team.connection import connect
    from vsr.team.sharing import read_log

    with connect(args.url) as conn:
        rows = read_log(conn, args.limit)
    for r in rows:
        print(f"{date_time(r[1])}  {r[2]}  {r[3]}  {r[4] or ''}  {r[5]}  "
              f"{r[6] or ''}  {json.dumps(r[8], ensure_ascii=False)}")
    return 0


def _stream(item: dict[str, object], media: Path) -> int:
    """Serve the shared recording on 127.0.0.1 (vsr.team.media_server) until interrupted."""
    import threading

    from vsr.team.connection import TeamError
    from vsr.team.media_server import MediaServer

    if not item.get("key"):
        raise TeamError("error.team.key_gone")
    source = media / str(item["media_ref"])
    if not source.is_file():
        raise TeamError("error.team.media_missing", folder=str(media))
    server = MediaServer(source, bytes.fromhex(str(item["key"])))
    print(server.url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0

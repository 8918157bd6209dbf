"""`vsr transcribe RECORDING`, `vsr transcript show|talk|swap|speaker|moment ...` and
`vsr export transcript RECORDING --format vtt|srt|txt -o FILE`: the offline transcript of a
recording (issue 22). Progress goes to stderr; Ctrl+C stops the child and keeps nothing."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from vsr.cli.output import end_progress, percent_printer, print_error
from vsr.cli.summary_commands import export_subparsers
from vsr.i18n import translate
from vsr.library import open_library

if TYPE_CHECKING:
    from vsr.cli.summary_commands import SubParsers


def register(sub: SubParsers) -> None:
    p = sub.add_parser("transcribe", help="write down what was said (offline, Dutch)")
    p.add_argument("recording", type=int, nargs="?", metavar="RECORDING",
                   help="recording id (see `vsr list`)")
    p.add_argument("--write-manifest", metavar="FOLDER",
                   help="write vsr-model.json for a model folder (for IT departments)")
    p.set_defaults(handler=cmd_transcribe)
    t = sub.add_parser("transcript", help="read and correct a recording's transcript")
    tsub = t.add_subparsers(dest="transcript_what", metavar="WHAT", required=True)
    for name, helptext in (("show", "the transcript as text"),
                           ("talk", "who spoke how much (a conversation aid, not a score)"),
                           ("swap", "swap who is who for every segment")):
        q = tsub.add_parser(name, help=helptext)
        q.add_argument("recording", type=int, metavar="RECORDING")
        q.set_defaults(handler=cmd_transcript, transcript_what=name)
    q = tsub.add_parser("speaker", help="set who spoke one segment")
    q.add_argument("segment", type=int, metavar="SEGMENT")
    q.add_argument("speaker", choices=("1", "2", "none"))
    q.set_defaults(handler=cmd_speaker)
    q = tsub.add_parser("voice", help="say who a voice is: the client or the professional")
    q.add_argument("recording", type=int, metavar="RECORDING")
    q.add_argument("voice", choices=("1", "2"))
    q.add_argument("role", choices=("client", "professional", "other", "none"))
    q.set_defaults(handler=cmd_voice)
    q = tsub.add_parser("moment", help="the words of a moment (for gespreksblad A)")
    q.add_argument("marker", type=int, metavar="MARKER")
    q.add_argument("--fill", action="store_true", help="place them in A of its gespreksblad")
    q.set_defaults(handler=cmd_moment)
    e = export_subparsers(sub).add_parser("transcript", help="a recording's transcript")
    e.add_argument("recording", type=int, metavar="RECORDING")
    e.add_argument("--format", choices=("vtt", "srt", "txt"), default="txt")
    e.add_argument("-o", "--output", required=True, metavar="FILE")
    e.add_argument("--replace-names", action="store_true",
                   help="replace the names of the people involved")
    e.add_argument("--extra-name", action="append", default=[], metavar="NAME",
                   help="another name to replace (with --replace-names)")
    e.set_defaults(handler=cmd_export_transcript)


def cmd_transcribe(args: argparse.Namespace) -> int:
    if args.write_manifest:
        from vsr.transcript.speech_model import write_manifest

        print(write_manifest(args.write_manifest))
        return 0
    if args.recording is None:
        print_error(translate("cli.transcript.which"))
        return 2
    from vsr.transcript.run import transcribe_recording

    lib = open_library()
    try:
        count = transcribe_recording(lib, args.recording, progress=percent_printer())
    finally:
        end_progress()
        lib.close()
    print(translate("cli.transcript.done", count=count))
    return 0


def cmd_transcript(args: argparse.Namespace) -> int:
    from vsr.transcript.export import transcript_txt
    from vsr.transcript.parties import voice_labels
    from vsr.transcript.store import load_transcript, swap_speakers
    from vsr.transcript.talk import talk_sentences, talk_time

    lib = open_library()
    try:
        if args.transcript_what == "swap":
            swap_speakers(lib, args.recording)
        transcript = load_transcript(lib, args.recording)
        names = voice_labels(lib, args.recording)
    finally:
        lib.close()
    if args.transcript_what == "show":
        print(transcript_txt(transcript, lambda text: text, names), end="")
        return 0
    if args.transcript_what == "swap":
        print(translate("cli.transcript.swapped"))
        return 0
    for line in talk_sentences(talk_time(transcript), names):
        print(line)
    return 0


def cmd_speaker(args: argparse.Namespace) -> int:
    from vsr.transcript.store import set_segment_speaker

    speaker = None if args.speaker == "none" else int(args.speaker) - 1
    lib = open_library()
    try:
        set_segment_speaker(lib, args.segment, speaker)
    finally:
        lib.close()
    return 0


def cmd_voice(args: argparse.Namespace) -> int:
    from vsr.model import PartyRole
    from vsr.transcript.parties import set_voice_role, voice_labels

    lib = open_library()
    try:
        set_voice_role(lib, args.recording, int(args.voice) - 1,
                       None if args.role == "none" else PartyRole(args.role))
        names = voice_labels(lib, args.recording)
    finally:
        lib.close()
    for n in (0, 1):
        print(translate("cli.transcript.voice", number=n + 1, who=names[n]))
    return 0


def cmd_moment(args: argparse.Namespace) -> int:
    from vsr.transcript.moment_words import fill_what_happened, moment_words

    lib = open_library()
    try:
        text = (fill_what_happened(lib, args.marker) if args.fill
                else moment_words(lib, args.marker))
    finally:
        lib.close()
    print(text)
    return 0


def cmd_export_transcript(args: argparse.Namespace) -> int:
    from vsr.transcript.export import export_transcript

    lib = open_library()
    try:
        path = export_transcript(lib, args.recording, args.format, args.output,
                                 replace_names=args.replace_names,
                                 extra_names=args.extra_name)
    finally:
        lib.close()
    print(translate("cli.transcript.exported", file=str(path)))
    return 0

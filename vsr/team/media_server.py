"""A shared recording played straight from the team's media store, without decrypting it all
first: a small HTTP server on 127.0.0.1 that serves the plain bytes of one encrypted file
(ChunkReader) with Range support, so a player (VLC takes an http:// address) starts at once
and seeks anywhere. The address carries a random token; any other path is 404, so another
program on the computer cannot guess it. Only the chunks that are asked for are decrypted,
each one authenticated; nothing plain is written to disk."""

from __future__ import annotations

import re
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from vsr.team.media_crypto import ChunkReader, MediaCryptoError

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
BLOCK = 256 * 1024


class MediaServer:
    """Serves one recording at `url` until `close()`."""

    def __init__(self, encrypted: Path, key: bytes, content_type: str = "video/mp4") -> None:
        ChunkReader(encrypted, key).close()  # refuse a wrong key or a damaged file up front
        self.token = secrets.token_urlsafe(24)
        handler = _handler(encrypted, key, f"/{self.token}/media", content_type)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}/{self.token}/media"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        name="vsr-team-media")
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(first, last) inclusive for a single `bytes=` range; None for the whole file.
    ValueError for a range that cannot be served (HTTP 416)."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None or match.group(1) == match.group(2) == "":
        raise ValueError(header)
    first, last = match.group(1), match.group(2)
    if first == "":  # the last n bytes
        n = int(last)
        if n == 0:
            raise ValueError(header)
        return max(0, size - n), size - 1
    start = int(first)
    end = min(size - 1, int(last)) if last else size - 1
    if start >= size or end < start:
        raise ValueError(header)
    return start, end


def _handler(encrypted: Path, key: bytes, path: str, content_type: str
             ) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the API's name
            pass  # no request log: the address holds the token

        def do_HEAD(self) -> None:  # noqa: N802 - the API's name
            self._serve(body=False)

        def do_GET(self) -> None:  # noqa: N802 - the API's name
            self._serve(body=True)

        def _serve(self, *, body: bool) -> None:
            # The token compared in constant time: how long a refusal takes says nothing
            # about how much of a guess was right.
            if not secrets.compare_digest(self.path.encode("utf-8", "replace"),
                                          path.encode("utf-8")):
                self.send_error(404)
                return
            try:
                reader = ChunkReader(encrypted, key)  # one per request: readers keep a position
            except (MediaCryptoError, OSError):
                self.send_error(500, "damaged")
                return
            try:
                try:
                    wanted = parse_range(self.headers.get("Range"), reader.size)
                except ValueError:
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{reader.size}")
                    self.end_headers()
                    return
                first, last = wanted if wanted else (0, reader.size - 1)
                try:  # the first piece before the headers: a damaged start is an error page
                    head = reader.read(first, min(BLOCK, last - first + 1))
                except MediaCryptoError:
                    self.send_error(500, "damaged")
                    return
                self.send_response(206 if wanted else 200)
                self.send_header("Content-Type", content_type)
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Content-Length", str(max(0, last - first + 1)))
                if wanted:
                    self.send_header("Content-Range", f"bytes {first}-{last}/{reader.size}")
                self.end_headers()
                if body:
                    self.wfile.write(head)
                    self._send(reader, first + len(head), last)
            except (MediaCryptoError, BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # a changed chunk or a player that went away
            finally:
                reader.close()

        def _send(self, reader: ChunkReader, first: int, last: int) -> None:
            at = first
            while at <= last:
                piece = reader.read(at, min(BLOCK, last - at + 1))
                if not piece:
                    break
                self.wfile.write(piece)
                at += len(piece)

    return Handler

"""``twin-extract review`` on the command line: load, bind the port, then print the URL and serve.

The socket is bound before anything is printed, so a busy port gives one clear line (and a
``--port`` to try) with exit code 2 instead of a URL that leads nowhere and a traceback.
"""

from __future__ import annotations

import argparse
import errno
import socket
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("records", type=Path, help="records JSON Lines file (from `twin-extract run`)")
    parser.add_argument("--db", type=Path, default=None,
                        help="decisions database (default: review.sqlite beside the records)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    parser.add_argument("--open", action="store_true", help="open the page in a web browser")
    parser.add_argument("--reviewer", default=None, help="name stored with decisions (default: OS user)")


def allowed_hosts(host: str) -> list[str]:
    """Host headers accepted: loopback names, plus anything when bound to all interfaces."""
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    return sorted({"127.0.0.1", "localhost", "[::1]", host})


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port; OSError (e.g. EADDRINUSE) when that is not possible."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    return sock


def command(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import Review, create_app
    from .records import print_errors

    if not args.records.is_file():
        print(f"review: no such file: {args.records}", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"review: --port must be 1 to 65535, not {args.port}", file=sys.stderr)
        return 2
    app = create_app(args.records, args.db, args.reviewer, allowed_hosts(args.host))
    review: Review = app.state.review
    print_errors("review", review.errors)
    print(f"review: {len(review.records)} records, {len(review.errors)} unreadable line(s) skipped; "
          f"decisions in {review.store.path}", file=sys.stderr)
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        print(f"review: cannot listen on {args.host}:{args.port}: {_reason(exc, args.port)}", file=sys.stderr)
        return 2
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{host}:{args.port}/"
    print(f"review: open {url}  (Ctrl+C to stop)", file=sys.stderr)
    if args.open:
        _open_later(url)
    with sock:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
    return 0


def _reason(exc: OSError, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"the port is already in use (another review running?); try --port {port + 1}"
    if exc.errno == errno.EACCES:
        return "permission denied; try a port above 1023, e.g. --port 8765"
    return exc.strerror or str(exc)


def _open_later(url: str) -> None:
    """Open the browser once the server had a moment to start, without blocking it."""
    import threading
    import webbrowser

    threading.Timer(1.0, webbrowser.open, args=(url,)).start()

"""What every state-changing request must pass before the app looks at it.

A request the client must fix becomes :class:`HTTPProblem` (a 4xx with a JSON message), never a
500: bodies are read up to a size limit, parsed with a nesting limit, and refused when a string
holds a lone surrogate that SQLite could not store. The CSRF token proves the page was served by
this process; the Origin (or Referer) check refuses a POST sent from another site's page even if
it somehow learned the token.
"""

from __future__ import annotations

import hmac
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .schema import encodable

if TYPE_CHECKING:
    from starlette.requests import Request

CSRF_HEADER = "x-csrf-token"
MAX_BODY = 1_000_000
MAX_DEPTH = 16


class HTTPProblem(Exception):
    """A request the client must fix: becomes a JSON ``{"error": message}`` with this status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_csrf(request: "Request", expected: str) -> None:
    token = request.headers.get(CSRF_HEADER, "")
    if not hmac.compare_digest(token.encode("utf-8", "replace"), expected.encode()):
        raise HTTPProblem(403, "missing or wrong CSRF token; reload the page")


def check_origin(request: "Request") -> None:
    """Same-origin POSTs only: the Origin (else Referer) must name the host the request came to.

    Clients that send neither (scripts, the test client) still need the CSRF token.
    """
    source = request.headers.get("origin") or request.headers.get("referer")
    if source is None:
        return
    try:
        parts = urlsplit(source)
    except ValueError:
        parts = None
    host = request.headers.get("host", "")
    if parts is None or parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
        raise HTTPProblem(403, f"request from another origin ({source[:80]!r}) refused")


async def read_json(request: "Request") -> dict[str, Any]:
    """The body as a JSON object; 413 over :data:`MAX_BODY`, 400 for anything else malformed."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise HTTPProblem(413, f"request body over {MAX_BODY} bytes")
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY:
            raise HTTPProblem(413, f"request body over {MAX_BODY} bytes")
    if not raw:
        return {}
    try:
        body = json.loads(bytes(raw))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise HTTPProblem(400, "request body is not JSON") from None
    except RecursionError:
        raise HTTPProblem(400, f"request body nested deeper than {MAX_DEPTH} levels") from None
    if not isinstance(body, dict):
        raise HTTPProblem(400, "request body must be a JSON object")
    check_plain(body)
    return body


def check_plain(body: Any) -> None:
    """Nesting at most :data:`MAX_DEPTH` deep and every string (keys too) encodable as UTF-8."""
    stack: list[tuple[Any, int]] = [(body, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise HTTPProblem(400, f"request body nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, dict):
            stack.extend((key, depth) for key in value)
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str) and not encodable(value):
            raise HTTPProblem(400, "request body holds invalid Unicode (a lone surrogate)")

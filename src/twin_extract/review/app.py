"""``twin-extract review``: a local web app to accept, reject and correct extracted records.

Pages are rendered on the server with autoescaping Jinja; a small vanilla script adds the
keyboard and sends every state change as a JSON POST carrying a per-process CSRF token, which
a page from another origin cannot read. Responses carry a strict Content-Security-Policy
as a second line of defence, and the Host header is checked against the bound address so a
DNS-rebinding page cannot reach the local server.
"""

from __future__ import annotations

import argparse
import getpass
import hmac
import json
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Awaitable, Callable

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

    from ..record import TwinningRecord
    from .records import RecordError
    from .store import Decision, Store

CSRF_HEADER = "x-csrf-token"
MAX_CARDS = 500
ACTIONS = ("accept", "reject", "correct", "note", "undo")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


class HTTPProblem(Exception):
    """A request the client must fix: becomes a JSON ``{"error": message}`` with this status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Filters:
    """The queue filters from the query string; unparsable values are ignored, not errors."""

    status: str = ""
    country: str = ""
    state: str = ""
    min: float | None = None
    max: float | None = None
    q: str = ""

    @classmethod
    def from_query(cls, query: Any) -> "Filters":
        return cls(
            status=query.get("status", "").strip(),
            country=query.get("country", "").strip().upper(),
            state=query.get("state", "").strip(),
            min=_float(query.get("min")),
            max=_float(query.get("max")),
            q=query.get("q", "").strip(),
        )

    def match(self, record: dict[str, Any], state: str) -> bool:
        countries = {party["country"] for party in record["parties"]}
        confidence = record["confidence"]
        return all((
            not self.status or record["status"] == self.status,
            not self.country or self.country in countries,
            not self.state or state == self.state,
            self.min is None or confidence >= self.min,
            self.max is None or confidence <= self.max,
            not self.q or self.q.casefold() in _haystack(record),
        ))


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _haystack(record: dict[str, Any]) -> str:
    parts = [record["id"], record["source"].get("title") or "", record["source"].get("url") or ""]
    parts += [span["text"] for span in record["evidence"]]
    parts += [f"{p['name']} {p['text']} {p['country'] or ''} {p['country_name'] or ''}" for p in record["parties"]]
    return " ".join(parts).casefold()


@dataclass
class Review:
    """The loaded records, their decisions database and the per-process secrets of one server."""

    records_path: Path
    store: "Store"
    reviewer: str
    records: dict[str, "TwinningRecord"] = field(default_factory=dict)
    errors: list["RecordError"] = field(default_factory=list)
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    def counts(self, decisions: dict[str, "Decision"]) -> dict[str, int]:
        counts = {"unreviewed": 0, "accepted": 0, "rejected": 0, "corrected": 0}
        for record_id in self.records:
            decision = decisions.get(record_id)
            counts[decision.state if decision else "unreviewed"] += 1
        counts["total"] = len(self.records)
        counts["reviewed"] = counts["total"] - counts["unreviewed"]
        return counts


def load_review(records_path: str | Path, db_path: str | Path | None, reviewer: str | None) -> Review:
    from .records import load_records
    from .store import Store, default_db_path

    records, errors = load_records(records_path)
    records.sort(key=lambda r: (r.confidence, r.source.id, r.id))
    store = Store(db_path or default_db_path(records_path))
    review = Review(Path(records_path), store, reviewer or getpass.getuser(), errors=errors)
    review.records = {record.id: record for record in records}
    return review


def create_app(records_path: str | Path, db_path: str | Path | None = None, reviewer: str | None = None,
               allowed_hosts: list[str] | None = None) -> "Starlette":
    """The ASGI app; ``allowed_hosts`` None skips the Host check (the test client's host)."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.base import BaseHTTPMiddleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    from .render import STATIC, environment

    review = load_review(records_path, db_path, reviewer)
    handlers = Handlers(review, environment())
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)] if allowed_hosts else []
    middleware.append(Middleware(BaseHTTPMiddleware, dispatch=security_headers))
    routes = [
        Route("/", handlers.index, methods=["GET"]),
        Route("/ties/{record_id}", handlers.tie, methods=["GET"]),
        Route("/api/undo", handlers.undo_latest, methods=["POST"]),
        Route("/api/records/{record_id}/{action}", handlers.record_action, methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.review = review
    return app


async def security_headers(request: "Request", call_next: Callable[["Request"], Awaitable["Response"]]) -> "Response":
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


class Handlers:
    """Request handlers bound to one :class:`Review`."""

    def __init__(self, review: Review, env: Any) -> None:
        self.review = review
        self.env = env

    async def index(self, request: "Request") -> "Response":
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse

        html = await run_in_threadpool(self.render_index, Filters.from_query(request.query_params), request)
        return HTMLResponse(html)

    def render_index(self, filters: Filters, request: "Request") -> str:
        from .render import card, countries
        from .store import STATES

        decisions = self.review.store.all()
        cards = [card(record, decisions.get(record_id)) for record_id, record in self.review.records.items()]
        matched = [item for item in cards if filters.match(item.record, item.decision.state)]
        root = request.scope.get("root_path", "") or ""
        return self.env.get_template("review.html").render(
            csrf=self.review.csrf, records_name=self.review.records_path.name, reviewer=self.review.reviewer,
            counts=self.review.counts(decisions), filters=filters, items=matched[:MAX_CARDS], matched=len(matched),
            errors=self.review.errors, vanished=self.review.store.vanished(set(self.review.records)),
            countries=countries(), STATES=STATES, root=root + "/", static_prefix=root + "/static",
        )

    async def tie(self, request: "Request") -> "Response":
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse

        from .tie_page import render_tie_page

        static = (request.scope.get("root_path", "") or "") + "/static"
        html = await run_in_threadpool(render_tie_page, self.env, self.review, request.path_params["record_id"], static)
        return HTMLResponse(html or "no tie for this record (unknown or rejected)", status_code=200 if html else 404)

    async def record_action(self, request: "Request") -> "Response":
        record_id, action = request.path_params["record_id"], request.path_params["action"]
        return await self._post(request, lambda body: self.apply(record_id, action, body))

    async def undo_latest(self, request: "Request") -> "Response":
        return await self._post(request, lambda body: self.review.store.undo())

    async def _post(self, request: "Request", work: Callable[[dict[str, Any]], "Decision"]) -> "Response":
        """CSRF check, JSON body, the change in a worker thread, and errors as JSON with a 4xx."""
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import JSONResponse

        from .store import NothingToUndo, StaleVersion
        from .validate import CorrectionError

        try:
            self.check_csrf(request)
            body = await read_json(request)
            decision = await run_in_threadpool(work, body)
        except HTTPProblem as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        except CorrectionError as exc:
            return JSONResponse({"error": str(exc)}, status_code=422)
        except StaleVersion as exc:
            return JSONResponse({"error": str(exc), "version": exc.current}, status_code=409)
        except NothingToUndo as exc:
            return JSONResponse({"error": str(exc)}, status_code=409)
        return JSONResponse(await run_in_threadpool(self.payload, decision))

    def check_csrf(self, request: "Request") -> None:
        token = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(token.encode(), self.review.csrf.encode()):
            raise HTTPProblem(403, "missing or wrong CSRF token; reload the page")

    def apply(self, record_id: str, action: str, body: dict[str, Any]) -> "Decision":
        from .validate import check_corrections, check_note, diff_corrections

        record = self.review.records.get(record_id)
        if record is None:
            raise HTTPProblem(404, f"unknown record id {record_id!r}")
        if action not in ACTIONS:
            raise HTTPProblem(404, f"unknown action {action!r}")
        store, reviewer = self.review.store, self.review.reviewer
        if action == "undo":
            return store.undo(record_id, _version(body, required=False))
        version = _version(body)
        if action == "note":
            return store.set_note(record_id, check_note(body.get("note")), reviewer, version)
        if action == "correct":
            diff = diff_corrections(record.to_dict(), check_corrections(body.get("corrections")))
            state = "corrected" if diff else "accepted"
            return store.decide(record_id, state, reviewer, version, diff or None)
        return store.decide(record_id, "accepted" if action == "accept" else "rejected", reviewer, version)

    def payload(self, decision: "Decision") -> dict[str, Any]:
        """The new decision, the re-rendered card (escaped by Jinja) and the fresh counts."""
        from .render import card

        record = self.review.records.get(decision.record_id)
        html = self.env.get_template("card.html").render(item=card(record, decision)) if record else None
        counts = self.review.counts(self.review.store.all())
        return {"decision": decision.public(), "card": html, "counts": counts}


async def read_json(request: "Request") -> dict[str, Any]:
    raw = await request.body()
    if not raw:
        return {}
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise HTTPProblem(400, "request body is not JSON") from None
    if not isinstance(body, dict):
        raise HTTPProblem(400, "request body must be a JSON object")
    return body


def _version(body: dict[str, Any], required: bool = True) -> int | None:
    version = body.get("version")
    if version is None and not required:
        return None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise HTTPProblem(400, "a non-negative integer 'version' is required")
    return version


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


def command(args: argparse.Namespace) -> int:
    import uvicorn

    if not args.records.is_file():
        print(f"review: no such file: {args.records}", file=sys.stderr)
        return 2
    app = create_app(args.records, args.db, args.reviewer, allowed_hosts(args.host))
    review: Review = app.state.review
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{host}:{args.port}/"
    print(f"review: {len(review.records)} records, {len(review.errors)} unreadable line(s); "
          f"decisions in {review.store.path}", file=sys.stderr)
    print(f"review: open {url}  (Ctrl+C to stop)", file=sys.stderr)
    if args.open:
        _open_later(url)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _open_later(url: str) -> None:
    """Open the browser once the server had a moment to bind, without blocking it."""
    import threading
    import webbrowser

    threading.Timer(1.0, webbrowser.open, args=(url,)).start()

"""``twin-extract review``: a local web app to accept, reject and correct extracted records.

Pages are rendered on the server with autoescaping Jinja; a small vanilla script adds the
keyboard and sends every state change as a JSON POST carrying a per-process CSRF token, which
a page from another origin cannot read. Responses carry a strict Content-Security-Policy
as a second line of defence, and the Host header is checked against the bound address so a
DNS-rebinding page cannot reach the local server. Everything a request can get wrong is
answered with a 4xx and a JSON message (see :mod:`.guard`); the queue is served a page at a
time (see :mod:`.queue`).
"""

from __future__ import annotations

import getpass
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from .guard import HTTPProblem, check_csrf, check_origin, read_json
from .queue import Filters, links, matching, page

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

    from ..record import TwinningRecord
    from .records import RecordError
    from .store import Decision, Store

ACTIONS = ("accept", "reject", "correct", "note", "undo")
MAX_LISTED = 200
"""Unreadable lines and vanished decisions listed on the page; the rest are counted (all go to stderr)."""
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
UNDONE = {"accepted": "accept", "rejected": "reject", "corrected": "correction", "note": "note"}


@dataclass
class Review:
    """The loaded records in queue order, their decisions database and the per-process secrets."""

    records_path: Path
    store: "Store"
    reviewer: str
    records: dict[str, "TwinningRecord"] = field(default_factory=dict)
    errors: list["RecordError"] = field(default_factory=list)
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    dicts: dict[str, dict[str, Any]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)

    def counts(self, decisions: dict[str, "Decision"]) -> dict[str, int]:
        counts = {"unreviewed": 0, "accepted": 0, "rejected": 0, "corrected": 0}
        for record_id in self.records:
            decision = decisions.get(record_id)
            counts[decision.state if decision else "unreviewed"] += 1
        counts["total"] = len(self.records)
        counts["reviewed"] = counts["total"] - counts["unreviewed"]
        return counts

    def viewer(self, decisions: dict[str, "Decision"]) -> Callable[[str], tuple[dict[str, Any], str]]:
        """Record id -> (record as corrected, review state), what the filters look at."""
        from .validate import apply_corrections

        def view(record_id: str) -> tuple[dict[str, Any], str]:
            decision = decisions.get(record_id)
            if decision is None:
                return self.dicts[record_id], "unreviewed"
            if not decision.corrections:
                return self.dicts[record_id], decision.state
            return apply_corrections(self.dicts[record_id], decision.corrections), decision.state

        return view

    def label(self, record_id: str) -> str:
        """'Bucha – Bergamo' for messages; the id when the record is no longer in the file."""
        record = self.records.get(record_id)
        return f"{record.parties[0].name} – {record.parties[1].name}" if record else record_id


def load_review(records_path: str | Path, db_path: str | Path | None, reviewer: str | None) -> Review:
    from .records import load_record_data
    from .store import Store, default_db_path

    loaded, errors = load_record_data(records_path)
    loaded.sort(key=lambda item: (item.record.confidence, item.record.source.id, item.record.id))
    store = Store(db_path or default_db_path(records_path))
    review = Review(Path(records_path), store, reviewer or getpass.getuser(), errors=errors)
    review.records = {item.record.id: item.record for item in loaded}
    review.dicts = {item.record.id: item.data for item in loaded}
    review.position = {record_id: index for index, record_id in enumerate(review.records)}
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
        Route("/api/records/{record_id:path}/{action}", handlers.record_action, methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ]
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={404: not_found, 405: not_allowed})
    app.state.review = review
    return app


async def not_found(request: "Request", exc: Exception) -> "Response":
    return _problem(request, 404, "not found")


async def not_allowed(request: "Request", exc: Exception) -> "Response":
    return _problem(request, 405, "method not allowed")


def _problem(request: "Request", status: int, message: str) -> "Response":
    """JSON for the API, plain text for pages and static files."""
    from starlette.responses import JSONResponse, PlainTextResponse

    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    return PlainTextResponse(message, status_code=status)


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

        query = request.query_params
        html = await run_in_threadpool(self.render_index, Filters.from_query(query),
                                       query.get("after", ""), query.get("before", ""), request)
        return HTMLResponse(html)

    def render_index(self, filters: Filters, after: str, before: str, request: "Request") -> str:
        from ..country_names import all_countries
        from .render import card
        from .store import STATES

        review = self.review
        decisions = review.store.all()
        matched = matching(review.records, filters, review.viewer(decisions))
        shown = page(matched, review.position, after, before)
        items = [card(review.records[record_id], decisions.get(record_id)) for record_id in shown.ids]
        vanished = review.store.vanished(set(review.records))
        root = request.scope.get("root_path", "") or ""
        return self.env.get_template("review.html").render(
            csrf=review.csrf, records_name=review.records_path.name, reviewer=review.reviewer,
            counts=review.counts(decisions), filters=filters, items=items, page=shown, links=links(filters, shown),
            errors=review.errors[:MAX_LISTED], error_count=len(review.errors),
            vanished=vanished[:MAX_LISTED], vanished_count=len(vanished),
            countries=all_countries(), STATES=STATES, root=root + "/", static_prefix=root + "/static",
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
        return await self._post(request, lambda body: self.undo(None, None))

    async def _post(self, request: "Request",
                    work: Callable[[dict[str, Any]], tuple["Decision", str]]) -> "Response":
        """Origin and CSRF checks, JSON body, the change in a worker thread, errors as JSON 4xx."""
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import JSONResponse

        from .store import NothingToUndo, StaleVersion
        from .validate import CorrectionError

        try:
            check_origin(request)
            check_csrf(request, self.review.csrf)
            body = await read_json(request)
            decision, message = await run_in_threadpool(work, body)
        except HTTPProblem as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        except CorrectionError as exc:
            return JSONResponse({"error": str(exc)}, status_code=422)
        except StaleVersion as exc:
            return JSONResponse({"error": str(exc), "version": exc.current}, status_code=409)
        except NothingToUndo as exc:
            return JSONResponse({"error": str(exc)}, status_code=409)
        return JSONResponse(await run_in_threadpool(self.payload, decision, message))

    def apply(self, record_id: str, action: str, body: dict[str, Any]) -> tuple["Decision", str]:
        from .validate import check_corrections, check_note, diff_corrections

        record = self.review.records.get(record_id)
        if record is None:
            raise HTTPProblem(404, f"unknown record id {record_id[:100]!r}")
        if action not in ACTIONS:
            raise HTTPProblem(404, f"unknown action {action[:40]!r}")
        store, reviewer, label = self.review.store, self.review.reviewer, self.review.label(record_id)
        if action == "undo":
            return self.undo(record_id, _version(body, required=False))
        version = _version(body)
        if action == "note":
            decision = store.set_note(record_id, check_note(body.get("note")), reviewer, version)
            return decision, f"note saved on {label}"
        if action == "correct":
            diff = diff_corrections(record.to_dict(), check_corrections(body.get("corrections")))
            decision = store.decide(record_id, "corrected" if diff else "accepted", reviewer, version, diff or None)
        else:
            decision = store.decide(record_id, "accepted" if action == "accept" else "rejected", reviewer, version)
        return decision, f"{decision.state} {label}"

    def undo(self, record_id: str | None, version: int | None) -> tuple["Decision", str]:
        """This reviewer's latest change (of one record, or of any) reverted, and a message naming it."""
        undone = self.review.store.undo(record_id, version, reviewer=self.review.reviewer)
        decision = undone.decision
        what = UNDONE.get(undone.action, undone.action)
        return decision, f"undid {what} of {self.review.label(decision.record_id)}; it is now {decision.state}"

    def payload(self, decision: "Decision", message: str) -> dict[str, Any]:
        """The new decision, the re-rendered card (escaped by Jinja), the fresh counts and a message."""
        from .render import card

        record = self.review.records.get(decision.record_id)
        html = self.env.get_template("card.html").render(item=card(record, decision)) if record else None
        counts = self.review.counts(self.review.store.all())
        return {"decision": decision.public(), "card": html, "counts": counts, "message": message}


def _version(body: dict[str, Any], required: bool = True) -> int | None:
    version = body.get("version")
    if version is None and not required:
        return None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise HTTPProblem(400, "a non-negative integer 'version' is required")
    return version

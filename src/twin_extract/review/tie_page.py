"""The review app's tie page: every record of one record's place pair, in time order.

A reviewer judging one article often needs the rest of the story (was this pair already
twinned, did a later article end it?). The tie is folded from the current decisions on every
request, so a rejection or correction made a second ago already shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import Review


def render_tie_page(env: Any, review: "Review", record_id: str, static_prefix: str) -> str | None:
    """The HTML page of the tie holding ``record_id``; None when no such (unrejected) record exists."""
    from ..ties import fold_ties, reviewed_rows

    if record_id not in review.records:
        return None
    decisions = review.store.all()
    for tie in fold_ties(reviewed_rows(review.records.values(), decisions)):
        if any(event.record_id == record_id for event in tie.history):
            return env.get_template("tie.html").render(tie=tie, record_id=record_id, static_prefix=static_prefix,
                                                       decisions=decisions)
    return None

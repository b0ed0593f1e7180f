"""Doc and Span extension attributes: where every component leaves its results."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    """Idempotent, so any module (or a user's own pipeline) may call it."""
    if not Doc.has_extension("twin_source"):
        Doc.set_extension("twin_source", default=None)
    if not Doc.has_extension("twinnings"):
        Doc.set_extension("twinnings", default=[])
    if not Doc.has_extension("twin_full_text"):
        Doc.set_extension("twin_full_text", default=None)
    if not Doc.has_extension("twin_offset"):
        Doc.set_extension("twin_offset", default=0)
    if not Span.has_extension("place"):
        Span.set_extension("place", default=None)


register_extensions()

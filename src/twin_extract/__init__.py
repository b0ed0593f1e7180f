"""twin_extract: municipal twinning relations from news, as reviewed structured data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .about import __version__
from .record import DateInfo, Evidence, NewsItem, Party, Provenance, Source, TwinningRecord

if TYPE_CHECKING:
    from .pipeline import Extractor, extract

__all__ = ["Extractor", "extract", "TwinningRecord", "Party", "DateInfo", "Source", "Evidence", "Provenance",
           "NewsItem", "__version__"]


def __getattr__(name: str) -> Any:
    """Import spaCy only when the pipeline is asked for, so the CLI's --help stays instant."""
    if name in ("Extractor", "extract"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)

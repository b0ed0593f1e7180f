"""The library entry points: ``Extractor`` (one configured pipeline) and ``extract()``.

``extract()`` keeps one ``Extractor`` per process so that a caller looping over articles does
not reload the model and the gazetteer each time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .about import DEFAULT_MODEL
from .extensions import register_extensions
from .record import NewsItem, Source, TwinningRecord


class Extractor:
    """A spaCy pipeline with the twin_extract components added, ready for many documents."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        patterns: str | Path | None = None,
        prefilter: bool = True,
    ) -> None:
        from . import components, places, relations  # noqa: F401  (registers the factories)

        register_extensions()
        self.model = model
        self.patterns_dir = str(patterns) if patterns is not None else None
        self.prefilter = prefilter
        self.nlp: Language = spacy.load(model)
        build_pipeline(self.nlp, patterns=self.patterns_dir, model_name=model)

    def make_doc(self, item: NewsItem) -> Doc:
        doc = self.nlp.make_doc(item.text)
        doc._.twin_source = item.source()
        return doc

    def extract(
        self,
        text: str,
        *,
        published: str | None = None,
        source_id: str | None = None,
        path: str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> list[TwinningRecord]:
        """Records for one article; ``[]`` when it reports no tie."""
        item = NewsItem(text=text, id=source_id or "doc", path=path, url=url,
                        published=published, title=title)
        for _, records in self.pipe([item]):
            return records
        return []

    def pipe(
        self, items: Iterable[NewsItem], batch_size: int = 16
    ) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        """Stream ``(item, records)`` in input order; memory stays bounded by ``batch_size``."""
        pairs = ((self.make_doc(item), item) for item in items)
        for doc, item in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield item, list(doc._.twinnings)


def build_pipeline(nlp: Language, patterns: str | None = None, model_name: str = "") -> Language:
    """Add the twin_extract components to any English pipeline with a parser and NER."""
    if "twin_sentences" not in nlp.pipe_names:
        nlp.add_pipe("twin_sentences", before="parser" if "parser" in nlp.pipe_names else None)
    if "twin_places" not in nlp.pipe_names:
        nlp.add_pipe("twin_places", config={"patterns": patterns})
    if "twin_extractor" not in nlp.pipe_names:
        nlp.add_pipe("twin_extractor", config={"patterns": patterns, "model_name": model_name})
    return nlp


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extract(
    text: str,
    *,
    published: str | None = None,
    source_id: str | None = None,
    path: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> list[TwinningRecord]:
    """Twinning records found in ``text``, with the default model and patterns."""
    return default_extractor().extract(
        text, published=published, source_id=source_id, path=path, url=url, title=title
    )

"""The library entry points: ``Extractor`` (one configured pipeline) and ``extract()``.

``extract()`` keeps one ``Extractor`` per process so that a caller looping over articles does
not reload the model and the gazetteer each time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .about import DEFAULT_MODEL
from .chunking import DEFAULT_MAX_CHARS
from .extensions import register_extensions
from .language import check_language, detect_language
from .model_load import load_model
from .record import NewsItem, TwinningRecord
from .textnorm import plain_spaces

if TYPE_CHECKING:
    from .prefilter import PassageFilter
    from .uk.extractor import UkrainianExtractor


CHARS_PER_BATCH = 100_000
"""How much text spaCy holds at once: a batch of many short articles, or a few chunks of a long
one (spaCy's own batch of 1,000 Docs of 100,000 characters each took gigabytes; 300,000 here
still peaked near 1 GB on twinning-dense text)."""
LOOK_BACK = 20_000
"""Characters of the article before a chunk that the chunk's rules may read (dates, evidence)."""


class Extractor:
    """A spaCy pipeline with the twin_extract components added, ready for many documents."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        patterns: str | Path | None = None,
        prefilter: bool = True,
        max_chars: int = DEFAULT_MAX_CHARS,
        lazy_ner: bool = True,
    ) -> None:
        from . import places, relations, sentences  # noqa: F401  (registers the factories)

        register_extensions()
        self.model = model
        self.patterns_dir = str(patterns) if patterns is not None else None
        self.prefilter = prefilter
        self.max_chars = max_chars
        self._passage_filter = None
        self._ukrainian: "UkrainianExtractor | None" = None
        self.on_chars: Callable[[int, int], None] | None = None
        """Told ``(characters done, characters in all)`` of a document as its chunks finish, so a
        progress bar can move while one long document runs."""
        self.nlp: Language = load_model(model)
        build_pipeline(self.nlp, patterns=self.patterns_dir, model_name=model, lazy_ner=lazy_ner)

    @property
    def passage_filter(self) -> "PassageFilter":
        if self._passage_filter is None:
            from .patterns import shared_patterns
            from .prefilter import PassageFilter

            self._passage_filter = PassageFilter(self.nlp, shared_patterns(self.patterns_dir))
        return self._passage_filter

    @property
    def ukrainian(self) -> "UkrainianExtractor":
        """The Ukrainian pipeline, built on the first Ukrainian document (English-only runs never pay)."""
        if self._ukrainian is None:
            from .uk.extractor import UkrainianExtractor

            self._ukrainian = UkrainianExtractor(patterns=self.patterns_dir)
        return self._ukrainian

    def make_doc(self, item: NewsItem, text: str | None = None, full_text: str | None = None,
                 offset: int = 0) -> Doc:
        """A tokenized Doc carrying its source; ``text`` is the pre-filtered version, if any.

        ``full_text``/``offset`` place a chunk of a long article in the original text, so dates
        stated before the chunk still resolve (defaults: the item's own text, offset 0).
        """
        doc = self.nlp.make_doc(item.text if text is None else text)
        doc._.twin_source = item.source()
        doc._.twin_full_text = item.text if full_text is None else full_text
        doc._.twin_offset = offset
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
        lang: str | None = None,
    ) -> list[TwinningRecord]:
        """Records for one article; ``[]`` when it reports no tie. ``lang`` skips detection."""
        item = NewsItem(text=text, id=source_id or "doc", path=path, url=url,
                        published=published, title=title,
                        lang=check_language(lang) if lang is not None else None)
        return next(self.pipe([item]))[1]

    def pipe(
        self, items: Iterable[NewsItem], batch_size: int = 16
    ) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        """Stream ``(item, records)`` in input order; memory stays bounded by ``batch_size``."""
        batch: list[NewsItem] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[NewsItem]) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        """Each item through its language's pipeline, yielded in input order."""
        ukrainian = [item for item in batch if (item.lang or detect_language(item.text)) == "uk"]
        if not ukrainian:
            yield from self._run_english(batch)
            return
        done = {id(item): records for item, records in self.ukrainian.pipe(ukrainian)}
        english = iter(self._run_english([item for item in batch if id(item) not in done]))
        for item in batch:
            yield (item, done[id(item)]) if id(item) in done else next(english)

    def _run_english(self, batch: list[NewsItem]) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        """Pre-filter, split over-long texts into chunks, run spaCy, merge chunk results back."""
        from .chunking import merge_chunk_records, split_long_text

        def jobs() -> Iterator[tuple[Doc, tuple[int, int]]]:
            """Chunks made as spaCy asks for them, so a long text is never held as Docs at once;
            each sees at most ``LOOK_BACK`` characters before it (a year stated earlier, evidence
            text), never a copy of the whole prefix."""
            for n, item in enumerate(batch):
                plain = plain_spaces(item.text)
                text = self.passage_filter.select(plain) if self.prefilter else plain
                if text is None:
                    continue
                for offset, chunk in split_long_text(text, max_chars=self.max_chars):
                    sub = NewsItem(text=item.text[offset:offset + len(chunk)], id=item.id, path=item.path,
                                   url=item.url, published=item.published, title=item.title)
                    start = max(0, offset - LOOK_BACK)
                    doc = self.make_doc(sub, chunk, full_text=item.text[start:offset + len(chunk)], offset=offset - start)
                    yield doc, (n, offset)

        results: dict[int, list[tuple[int, list[TwinningRecord]]]] = {}
        for group in _by_size(jobs(), CHARS_PER_BATCH):
            for doc, (n, offset) in self.nlp.pipe(group, as_tuples=True, batch_size=len(group)):
                results.setdefault(n, []).append((offset, list(doc._.twinnings)))
                if self.on_chars is not None:
                    self.on_chars(offset + len(doc.text), len(batch[n].text))
        for n, item in enumerate(batch):
            chunks = results.get(n, [])
            if len(chunks) == 1 and chunks[0][0] == 0:
                yield item, chunks[0][1]
            else:
                yield item, merge_chunk_records(chunks)


def _by_size(jobs: Iterable[tuple[Doc, tuple[int, int]]],
             budget: int) -> Iterator[list[tuple[Doc, tuple[int, int]]]]:
    """Groups of jobs whose texts add up to about ``budget`` characters (at least one job each)."""
    group: list[tuple[Doc, tuple[int, int]]] = []
    size = 0
    for job in jobs:
        group.append(job)
        size += len(job[0].text)
        if size >= budget:
            yield group
            group, size = [], 0
    if group:
        yield group


def build_pipeline(nlp: Language, patterns: str | None = None, model_name: str = "",
                   lazy_ner: bool = True) -> Language:
    """Add the twin_extract components to any English pipeline with a parser and NER.

    The tokenizer learns that "im" is a word (Freiburg im Breisgau), not "I'm" without its
    apostrophe. The model's attribute ruler finds its matches by lookups (``tag_rules``) and
    its lemmatizer remembers each word's lemma (``lemma_cache``): the same annotations, faster.
    With ``lazy_ner`` the NER runs only on the sentences whose labels a rule asks for
    (``lazy_ner``), with the labels it gives on the whole Doc."""
    from . import lazy_ner as lazy, lemma_cache, tag_rules

    nlp.tokenizer.add_special_case("im", [{"ORTH": "im"}])
    if "attribute_ruler" in nlp.pipe_names:
        tag_rules.speed_up(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        lemma_cache.speed_up(nlp.get_pipe("lemmatizer"))
    if lazy_ner:
        lazy.make_lazy(nlp)
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
    lang: str | None = None,
) -> list[TwinningRecord]:
    """Twinning records found in ``text``, with the default model and patterns."""
    return default_extractor().extract(
        text, published=published, source_id=source_id, path=path, url=url, title=title, lang=lang
    )

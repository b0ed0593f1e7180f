"""The model's NER run only on the sentences whose entity labels a rule asks for.

twin_extract reads NER labels in one place: a gazetteer match that no cue, country or tag has
settled yet (``place_match.PlaceMatcher._plausible``). On twinning stories that is about one
sentence in seventy, yet the NER (with its own tok2vec in en_core_web_sm) cost as much as the
tok2vec, tagger and parser together. So the NER leaves the pipeline; the component
``twin_lazy_ner`` stands in its place and only marks each Doc, and ``span_types`` runs the NER
on a sentence the first time a label in it is needed.

The labels are the ones the NER gives on the whole Doc, not an approximation:
- the NER's entities never cross a sentence start (spaCy's BILUO moves refuse it), and its
  state features (the next word, the first and the previous word of an open entity) never reach
  outside the entity, so a sentence's moves depend only on the sentence's token vectors and
  sentence starts (the next sentence's first token among them);
- each token vector of the NER's own tok2vec (hash embeddings of the token's own attributes, then
  ``depth`` window layers of ``window_size``) depends on the tokens within ``depth *
  window_size`` of it, so a window reaching that far beyond the sentence on each side gives the
  sentence's tokens the very vectors they get in the whole Doc.
The window is a new Doc with the original's words, spaces, norms and sentence starts.
``tests/test_lazy_ner.py`` checks the labels against the whole-Doc NER on the gold texts. Only
a NER with a tok2vec of its own of that shape is made lazy (a listener to a shared tok2vec or a
transformer would need the whole Doc); any other pipeline keeps its NER as it was.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import NORM, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "twin_lazy_ner"
MARK = "twin_lazy_ner"
"""``doc.user_data`` key of the component that can label the Doc's sentences."""
TYPES = "twin_ent_types"
"""``doc.user_data`` key of the labels found so far: a list with one entry per token, None where
the token's sentence has not been run yet."""
_ATTRS = [NORM, SENT_START]


def receptive_field(nlp: Language, name: str = "ner") -> int | None:
    """How many tokens on each side reach a token's vector in the component's own tok2vec, or
    None when it has no tok2vec of the shape this module knows (then it cannot be run lazily)."""
    try:
        model = nlp.config["components"][name]["model"]
        tok2vec = model["tok2vec"]
        encode = tok2vec["encode"]
    except (KeyError, TypeError):
        return None
    if model.get("@architectures", "").split(".")[:2] != ["spacy", "TransitionBasedParser"] or \
            tok2vec.get("@architectures") not in ("spacy.Tok2Vec.v1", "spacy.Tok2Vec.v2") or \
            encode.get("@architectures") not in ("spacy.MaxoutWindowEncoder.v1", "spacy.MaxoutWindowEncoder.v2") or \
            tok2vec.get("embed", {}).get("@architectures") not in ("spacy.MultiHashEmbed.v1", "spacy.MultiHashEmbed.v2"):
        return None
    try:
        return int(encode["depth"]) * int(encode["window_size"])
    except (KeyError, TypeError, ValueError):
        return None


def make_lazy(nlp: Language, name: str = "ner") -> bool:
    """Take the NER out of the run and put ``twin_lazy_ner`` after it; False (nothing changed)
    when the pipeline has no such NER, its NER cannot be run on a window, or it is lazy already."""
    if name not in nlp.pipe_names or FACTORY in nlp.component_names or receptive_field(nlp, name) is None:
        return False
    nlp.add_pipe(FACTORY, after=name, config={"source": name})
    nlp.disable_pipe(name)
    return True


class LazyNer:
    """Marks Docs; labels a sentence's tokens with the NER when asked."""

    def __init__(self, nlp: Language, name: str, source: str) -> None:
        self.nlp = nlp
        self.name = name
        self.source = source
        self.margin = receptive_field(nlp, source) or 0

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[MARK] = self
        return doc

    def types(self, doc: Doc, start: int, end: int) -> set[str]:
        """The entity labels of tokens ``start``..``end``, as the NER on the whole Doc gives them."""
        known: list[str | None] | None = doc.user_data.get(TYPES)
        if known is None:
            known = doc.user_data[TYPES] = [None] * len(doc)
        end = min(end, len(doc))
        i = start
        while i < end:
            if known[i] is None:
                sent = doc[i].sent
                self._label(doc, sent.start, sent.end, known)
            i += 1
        return {label for label in known[start:end] if label}

    def _label(self, doc: Doc, start: int, end: int, known: list[str | None]) -> None:
        lo, hi = max(0, start - self.margin), min(len(doc), end + self.margin)
        window = Doc(doc.vocab, words=[t.text for t in doc[lo:hi]], spaces=[bool(t.whitespace_) for t in doc[lo:hi]])
        window.from_array(_ATTRS, doc.to_array(_ATTRS)[lo:hi])
        self.nlp.get_pipe(self.source)(window)
        for k in range(start, end):
            known[k] = window[k - lo].ent_type_


def span_types(doc: Doc, start: int, end: int) -> set[str]:
    """Entity labels of tokens ``start``..``end``: from the NER's run on the Doc, or from a
    lazy run on their sentences; empty when the pipeline has no NER."""
    lazy: Any = doc.user_data.get(MARK)
    if lazy is not None:
        return lazy.types(doc, start, end)
    return {label for label in (t.ent_type_ for t in doc[start:end]) if label}


@Language.factory(FACTORY, default_config={"source": "ner"}, assigns=[])
def make_lazy_ner(nlp: Language, name: str, source: str) -> LazyNer:
    """``nlp.add_pipe("twin_lazy_ner")`` after a disabled NER (``make_lazy`` does both)."""
    return LazyNer(nlp, name, source)

"""The windowed Matcher gives the plain Matcher's matches, in its order, on Docs and on sentences."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.matcher import Matcher

from twin_extract.anchored import UNBOUNDED, AnchoredMatcher, anchor

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"
ODD = ["They are Kyiv and Lviv. Its “German” twin Leer; the two cities' twin-town deal was called off.",
       "sister", "", "The agreement on cooperation was set up. They were signed. Among them: Lviv"]


def _plain(matcher: AnchoredMatcher) -> Matcher:
    plain = Matcher(matcher.vocab)
    for key in matcher.matcher._patterns:
        plain.add(matcher.vocab.strings[key], matcher.matcher.get(key)[1])
    return plain


def test_matches_equal_the_plain_matcher_on_gold_texts(extractor):
    lexicon = extractor.nlp.get_pipe("twin_extractor").lexicon
    anchored = [lexicon.triggers.tokens, lexicon.blockers.tokens, lexicon.status.tokens, lexicon.list_openers,
                lexicon.anaphors, lexicon.hosts.matcher,
                extractor.passage_filter.index.tokens, extractor.passage_filter.pair_anaphors.tokens]
    assert not any(m.everywhere for m in anchored)
    plain = [_plain(m) for m in anchored]
    texts = [json.loads(line)["text"] for path in sorted(GOLD.glob("*.jsonl")) if not path.name.startswith("uk-")
             for line in path.read_text("utf-8").splitlines()[:30]]
    for doc in extractor.nlp.pipe(texts + ODD):
        for part in [doc, *doc.sents]:
            for windowed, whole in zip(anchored, plain):
                assert windowed(part) == whole(part), part.text[:80]


def test_anchor_is_a_required_word_with_the_reach_of_the_pattern():
    pattern = [{"LEMMA": "be"}, {"LOWER": {"IN": ["now", "officially"]}, "OP": "?"}, {"LOWER": "off"}]
    assert anchor(pattern) == (0, ["off"], 2, 0)
    assert anchor([{"LOWER": "the"}, {"POS": "ADJ", "OP": "*"}, {"LOWER": "ceremony"}]) == (0, ["the"], 0, UNBOUNDED)
    assert anchor([{"POS": "VERB"}, {"IS_ALPHA": True, "OP": "{,3}"}]) is None
    possessive = [{"TEXT": {"IN": ["'s", "’s"]}}, {"IS_ALPHA": True, "OP": "{1,3}"}, {"ORTH": "X"}]
    assert anchor(possessive) == (1, ["X"], 4, 0)

"""Matched trigger and status phrases, and everything the relation rules look up per document."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .anaphora import HostRef
from .dates import DateMention
from .places import Mention


@dataclass
class Cue:
    """A matched trigger or status phrase, with the rule id that produced it."""

    rule: str
    start: int
    end: int
    label: str
    strength: str = ""


LICENSES = "licenses"
"""The strength of a status cue that says a tie was made ("established relations with"): like a
cue other than "established", it licenses a medium trigger in its clause."""


@dataclass
class DocCues:
    """Everything the rules look up per document, found once: places, cues, dates, host phrases."""

    doc: Doc
    mentions: list[Mention]
    triggers: list[Cue]
    statuses: list[Cue]
    dates: list[DateMention]
    refs: list[HostRef]

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        return [m for m in self.mentions if lo <= m.span.start < hi]

    def triggers_in(self, lo: int, hi: int) -> list[Cue]:
        return [t for t in self.triggers if lo <= t.start < hi]

    def statuses_in(self, lo: int, hi: int) -> list[Cue]:
        return [c for c in self.statuses if lo <= c.start < hi]

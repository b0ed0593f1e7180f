"""``twin-extract evaluate``: score the extraction against gold JSON Lines.

A predicted pair matches a gold pair when both parties match as an *unordered* pair, with a
one-to-one assignment per document. A party matches when

* the country agrees and the folded names agree (``fold_name``: diacritics, case, apostrophes,
  hyphens, dots and whitespace do not count), or
* both are regions and the gold ``code`` equals the predicted ``subdivision``.

A predicted region without a subdivision therefore falls back to name + country. Between two
regions the names are also compared without designator words (``Lviv Oblast`` = ``Lviv``,
``State of Texas`` = ``Texas``), because the GeoNames name of a first-level division is often
spelt differently from the article. Cities never get that relaxation, so a city still does not
match its own region.

Country accuracy is measured over pairs whose names matched regardless of country: after the full
matching, the left-over gold and predicted pairs are matched again on names alone; every such
pair is one "wrong country" error (and, for precision and recall, one missed plus one false
pair). Country accuracy is thus ``tp / (tp + wrong_country)``. Status and date accuracy are over
fully matched pairs; dates compare the ``YYYY[-MM[-DD]]`` strings exactly, ``null == null``.

Empty denominators: precision is 1.0 without predictions (nothing false was claimed), recall is
1.0 without gold pairs (nothing was missed), F1 is ``2tp / (2tp + fp + fn)`` and 1.0 when that is
0/0; a corpus of negatives with no output scores 1.0. Accuracies with nothing to measure are
``None`` ("n/a").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .about import DEFAULT_MODEL
from .gold import GoldDocument, GoldFormatError, GoldPair, GoldParty, load_gold, parse_gold_document
from .record import RecordExtractor, TwinningRecord

ERROR_KINDS = ("missed", "false", "wrong_country", "wrong_status", "wrong_date")
"""Error kinds, in the order the report lists them within a document."""

ERROR_LABELS = {
    "missed": "missed pair",
    "false": "false pair",
    "wrong_country": "wrong country",
    "wrong_status": "wrong status",
    "wrong_date": "wrong date",
}

_LETTER_MAP = str.maketrans({
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t",
    "æ": "ae", "œ": "oe", "ß": "ss",
})
"""Letters NFKD does not decompose into base letter + combining mark."""

_DROPPED = re.compile(r"['’‘ʼʻ`´′.]")
"""Apostrophes and dots: ``L'viv`` = ``Lviv``, ``St. Louis`` = ``St Louis``, ``D.C.`` = ``DC``."""
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―_,]+")

REGION_WORDS = frozenset({
    "region", "oblast", "state", "county", "province", "voivodeship", "prefecture",
    "governorate", "krai", "kraj", "land", "district", "department", "canton", "of", "the",
})
"""Words ignored when comparing two region names (``Lviv Oblast`` vs ``Lviv``)."""




def fold_name(name: str) -> str:
    """Comparable form of a place name, so ``Kraków`` and ``krakow`` are the same place."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_LETTER_MAP)
    text = _DROPPED.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def _region_core(folded: str) -> str:
    """A folded region name without designator words; the name itself if nothing is left."""
    words = [w for w in folded.split() if w not in REGION_WORDS]
    return " ".join(words) if words else folded


@dataclass(frozen=True)
class PredictedParty:
    name: str
    country: str | None
    type: str = "city"
    subdivision: str | None = None
    text: str = ""

    def describe(self) -> str:
        tags = [self.country or "??"]
        if self.type == "region":
            tags.append(f"region {self.subdivision}" if self.subdivision else "region")
        if self.text and fold_name(self.text) != fold_name(self.name):
            tags.append(f'"{self.text}"')
        return f"{self.name} ({', '.join(tags)})"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "type": self.type, "subdivision": self.subdivision}


@dataclass(frozen=True)
class PredictedPair:
    a: PredictedParty
    b: PredictedParty
    status: str
    date: str | None
    record_id: str | None = None

    def swapped(self) -> "PredictedPair":
        return PredictedPair(self.b, self.a, self.status, self.date, self.record_id)

    def describe(self) -> str:
        return f"{self.a.describe()} — {self.b.describe()} [{self.status}, {self.date or 'no date'}]"

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "status": self.status,
                "date": self.date, "record_id": self.record_id}


# ------------------------------------------------------------------------ reading predictions


def _get(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def predicted_pair(record: TwinningRecord | Mapping[str, Any]) -> PredictedPair:
    """The fields scoring needs from a record, or from its ``to_dict()`` (possibly trimmed)."""
    parties = _get(record, "parties") or []
    if len(parties) != 2:
        raise ValueError(f"record {_get(record, 'id')!r} has {len(parties)} parties, expected 2")
    a, b = (PredictedParty(name=_get(p, "name") or _get(p, "text") or "",
                           country=_get(p, "country"),
                           type=_get(p, "type") or "city",
                           subdivision=_get(p, "subdivision"),
                           text=_get(p, "text") or "")
            for p in parties)
    date = _get(record, "date")
    value = _get(date, "value") if date is not None else None
    return PredictedPair(a=a, b=b, status=_get(record, "status") or "", date=value,
                         record_id=_get(record, "id"))


# ------------------------------------------------------------------------------- matching


def _code_match(gold: GoldParty, pred: PredictedParty) -> bool:
    return (gold.type == "region" and pred.type == "region" and bool(gold.code)
            and bool(pred.subdivision) and gold.code.upper() == pred.subdivision.upper())


def _name_match(gold: GoldParty, pred: PredictedParty) -> bool:
    g, p = fold_name(gold.name), fold_name(pred.name)
    if g == p:
        return True
    return gold.type == "region" and pred.type == "region" and _region_core(g) == _region_core(p)


def _country_match(gold: GoldParty, pred: PredictedParty) -> bool:
    return (gold.country or "").upper() == (pred.country or "").upper()


def party_matches(gold: GoldParty, pred: PredictedParty) -> bool:
    """Same place: same subdivision code (regions), or same country and same folded name."""
    return _code_match(gold, pred) or (_country_match(gold, pred) and _name_match(gold, pred))


def party_names_match(gold: GoldParty, pred: PredictedParty) -> bool:
    """Same place up to the country: what country accuracy is measured over."""
    return _code_match(gold, pred) or _name_match(gold, pred)


def _orient(gold: GoldPair, pred: PredictedPair, same: Any) -> PredictedPair | None:
    """``pred`` ordered like ``gold`` if both parties match under ``same``; else ``None``."""
    if same(gold.a, pred.a) and same(gold.b, pred.b):
        return pred
    if same(gold.a, pred.b) and same(gold.b, pred.a):
        return pred.swapped()
    return None


def _max_weight_assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Rows and columns paired one-to-one to maximise the total weight (Hungarian method).

    Only pairs with a positive weight are returned; the matrices are a few pairs per document,
    so the O(n^3) cost never matters, but greedy pairing could lose a match.
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    transposed = n_rows > n_cols
    if transposed:
        weights = [list(col) for col in zip(*weights)]
        n_rows, n_cols = n_cols, n_rows
    inf = float("inf")
    u = [0.0] * (n_rows + 1)
    v = [0.0] * (n_cols + 1)
    owner = [0] * (n_cols + 1)
    way = [0] * (n_cols + 1)
    for row in range(1, n_rows + 1):
        owner[0] = row
        col0 = 0
        min_to = [inf] * (n_cols + 1)
        used = [False] * (n_cols + 1)
        while True:
            used[col0] = True
            row0, delta, col1 = owner[col0], inf, 0
            for col in range(1, n_cols + 1):
                if used[col]:
                    continue
                cur = -weights[row0 - 1][col - 1] - u[row0] - v[col]
                if cur < min_to[col]:
                    min_to[col], way[col] = cur, col0
                if min_to[col] < delta:
                    delta, col1 = min_to[col], col
            for col in range(n_cols + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    min_to[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    pairs = []
    for col in range(1, n_cols + 1):
        row = owner[col]
        if row and weights[row - 1][col - 1] > 0:
            pairs.append((col - 1, row - 1) if transposed else (row - 1, col - 1))
    return sorted(pairs)


# -------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Match:
    """A gold pair and the prediction that matched it, ordered like the gold pair."""

    gold: GoldPair
    predicted: PredictedPair

    @property
    def status_ok(self) -> bool:
        return self.gold.status == self.predicted.status

    @property
    def date_ok(self) -> bool:
        return self.gold.date == self.predicted.date


@dataclass(frozen=True)
class PairError:
    kind: str
    gold: GoldPair | None
    predicted: PredictedPair | None
    detail: str = ""

    def describe(self) -> str:
        label = ERROR_LABELS[self.kind]
        if self.kind == "missed":
            return f"{label}: {self.gold.describe()}"
        if self.kind == "false":
            return f"{label}: {self.predicted.describe()}"
        return (f"{label}: {self.detail}\n      gold:      {self.gold.describe()}"
                f"\n      predicted: {self.predicted.describe()}")

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail,
                "gold": self.gold.to_dict() if self.gold else None,
                "predicted": self.predicted.to_dict() if self.predicted else None}


@dataclass
class DocumentResult:
    doc_id: str
    label: str
    gold: list[GoldPair]
    predicted: list[PredictedPair]
    matches: list[Match] = field(default_factory=list)
    errors: list[PairError] = field(default_factory=list)

    @property
    def wrong_country(self) -> int:
        return sum(1 for e in self.errors if e.kind == "wrong_country")


@dataclass(frozen=True)
class Ratio:
    correct: int
    total: int

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def describe(self) -> str:
        return "n/a" if self.value is None else f"{self.value:.3f} ({self.correct}/{self.total})"

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        return {"correct": self.correct, "total": self.total,
                "accuracy": None if value is None else round(value, 4)}


@dataclass
class EvalResult:
    """Scores of one set of documents; ``combine`` pools several (micro-averaged)."""

    documents: list[DocumentResult]

    @classmethod
    def combine(cls, results: Iterable["EvalResult"]) -> "EvalResult":
        return cls([doc for result in results for doc in result.documents])

    @property
    def gold_pairs(self) -> int:
        return sum(len(d.gold) for d in self.documents)

    @property
    def predicted_pairs(self) -> int:
        return sum(len(d.predicted) for d in self.documents)

    @property
    def tp(self) -> int:
        return sum(len(d.matches) for d in self.documents)

    @property
    def fp(self) -> int:
        return self.predicted_pairs - self.tp

    @property
    def fn(self) -> int:
        return self.gold_pairs - self.tp

    @property
    def precision(self) -> float:
        return self.tp / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0

    @property
    def country(self) -> Ratio:
        return Ratio(self.tp, self.tp + sum(d.wrong_country for d in self.documents))

    @property
    def status(self) -> Ratio:
        return Ratio(sum(m.status_ok for d in self.documents for m in d.matches), self.tp)

    @property
    def date(self) -> Ratio:
        return Ratio(sum(m.date_ok for d in self.documents for m in d.matches), self.tp)

    @property
    def errors(self) -> list[tuple[str, PairError]]:
        return [(d.doc_id, e) for d in self.documents for e in d.errors]

    def error_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ERROR_KINDS, 0)
        for _, error in self.errors:
            counts[error.kind] += 1
        return counts

    def summary(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "gold_pairs": self.gold_pairs,
            "predicted_pairs": self.predicted_pairs,
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "country": self.country.to_dict(),
            "status": self.status.to_dict(),
            "date": self.date.to_dict(),
            "error_counts": self.error_counts(),
        }

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        data = self.summary()
        if errors:
            data["errors"] = [
                {"document": d.doc_id, "label": d.label,
                 "errors": [e.to_dict() for e in d.errors]}
                for d in self.documents if d.errors
            ]
        return data


def evaluate_document(doc: GoldDocument, records: Sequence[Any]) -> DocumentResult:
    """Match one document's predictions to its gold pairs and classify what is left over."""
    gold = list(doc.pairs)
    preds = [r if isinstance(r, PredictedPair) else predicted_pair(r) for r in records]
    result = DocumentResult(doc_id=doc.id, label=doc.label(), gold=gold, predicted=preds)

    oriented: dict[tuple[int, int], PredictedPair] = {}
    weights = [[0.0] * len(preds) for _ in gold]
    bonus_cap = 2 * len(gold) + 1
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            aligned = _orient(g, p, party_matches)
            if aligned is not None:
                oriented[gi, pi] = aligned
                weights[gi][pi] = bonus_cap + (g.status == p.status) + (g.date == p.date)
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for gi, pi in _max_weight_assignment(weights):
        match = Match(gold[gi], oriented[gi, pi])
        result.matches.append(match)
        matched_gold.add(gi)
        matched_pred.add(pi)
        if not match.status_ok:
            result.errors.append(PairError(
                "wrong_status", match.gold, match.predicted,
                f"gold {match.gold.status}, predicted {match.predicted.status}"))
        if not match.date_ok:
            result.errors.append(PairError(
                "wrong_date", match.gold, match.predicted,
                f"gold {match.gold.date or 'null'}, predicted {match.predicted.date or 'null'}"))

    rest_gold = [gi for gi in range(len(gold)) if gi not in matched_gold]
    rest_pred = [pi for pi in range(len(preds)) if pi not in matched_pred]
    oriented = {}
    weights = [[0.0] * len(rest_pred) for _ in rest_gold]
    for r, gi in enumerate(rest_gold):
        for c, pi in enumerate(rest_pred):
            aligned = _orient(gold[gi], preds[pi], party_names_match)
            if aligned is not None:
                oriented[r, c] = aligned
                right = _country_match(gold[gi].a, aligned.a) + _country_match(gold[gi].b, aligned.b)
                weights[r][c] = 3 + right
    for r, c in _max_weight_assignment(weights):
        g, p = gold[rest_gold[r]], oriented[r, c]
        wrong = [f"{gp.name}: gold {gp.country or 'null'}, predicted {pp.country or 'null'}"
                 for gp, pp in ((g.a, p.a), (g.b, p.b)) if not _country_match(gp, pp)]
        result.errors.append(PairError("wrong_country", g, p, "; ".join(wrong)))
        matched_gold.add(rest_gold[r])
        matched_pred.add(rest_pred[c])

    result.errors.extend(PairError("missed", gold[gi], None)
                         for gi in range(len(gold)) if gi not in matched_gold)
    result.errors.extend(PairError("false", None, preds[pi])
                         for pi in range(len(preds)) if pi not in matched_pred)
    result.errors.sort(key=lambda e: ERROR_KINDS.index(e.kind))
    return result


def evaluate_documents(
    gold_docs: Iterable[GoldDocument | Mapping[str, Any]],
    predictions: Mapping[str, Sequence[TwinningRecord | Mapping[str, Any]]],
) -> EvalResult:
    """Score predictions ``{doc_id: records}`` against gold; no model needed.

    A document absent from ``predictions`` has no predicted pairs. Predictions for an id that is
    not in the gold are refused: they would silently drop out of the scores.
    """
    docs = [d if isinstance(d, GoldDocument) else parse_gold_document(d) for d in gold_docs]
    unknown = sorted(set(predictions) - {d.id for d in docs})
    if unknown:
        raise ValueError(f"predictions for documents not in the gold: {', '.join(unknown)}")
    return EvalResult([evaluate_document(d, predictions.get(d.id, [])) for d in docs])


def make_extractor(model: str = DEFAULT_MODEL, patterns: str | None = None) -> RecordExtractor:
    """The real pipeline; a module-level factory so tests can substitute a fake one."""
    from .pipeline import Extractor

    return Extractor(model=model, patterns=patterns)


def file_labels(paths: Sequence[str | Path]) -> list[str]:
    """``dev``, ``test``, ...: the file stems, or the full paths when two stems collide."""
    stems = [Path(p).name.removesuffix(".jsonl") for p in paths]
    if len(set(stems)) == len(stems):
        return stems
    return [str(p) for p in paths]


def run_extractor(docs: Sequence[GoldDocument], extractor: RecordExtractor,
                  path: str | None = None) -> dict[str, list[TwinningRecord]]:
    """The extractor's records for each gold document, by document id."""
    predictions: dict[str, list[TwinningRecord]] = {d.id: [] for d in docs}
    for item, records in extractor.pipe(d.news_item(path) for d in docs):
        predictions[item.id].extend(records)
    return predictions


def evaluate_files(
    paths: Sequence[str | Path],
    extractor: RecordExtractor,
    gold: Mapping[str, list[GoldDocument]] | None = None,
) -> dict[str, EvalResult]:
    """Scores per gold file, keyed by ``file_labels``; pool them with ``EvalResult.combine``.

    ``gold`` (label -> documents) skips reloading files the caller has already validated.
    """
    results: dict[str, EvalResult] = {}
    for label, path in zip(file_labels(paths), paths):
        docs = gold[label] if gold is not None else load_gold(path)
        results[label] = evaluate_documents(docs, run_extractor(docs, extractor, str(path)))
    return results


# ------------------------------------------------------------------------------ reporting


def _table(results: Mapping[str, EvalResult]) -> list[str]:
    header = ("file", "docs", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1",
              "country", "status", "date")
    rows = [header]
    for label, r in results.items():
        rows.append((label, str(len(r.documents)), str(r.gold_pairs), str(r.predicted_pairs),
                     str(r.tp), str(r.fp), str(r.fn), f"{r.precision:.3f}", f"{r.recall:.3f}",
                     f"{r.f1:.3f}", r.country.describe(), r.status.describe(),
                     r.date.describe()))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [cell.ljust(w) if i == 0 or i >= 10 else cell.rjust(w)
                 for i, (cell, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "-" * len(lines[0]))
    return lines


def format_report(
    files: Mapping[str, EvalResult],
    total: EvalResult,
    min_f1: float | None = None,
    errors: bool = True,
) -> str:
    """The text report: the score table, the threshold verdict, then errors by document."""
    rows = dict(files)
    if len(files) > 1:
        rows["all"] = total
    lines = _table(rows)
    counts = total.error_counts()
    lines.append("")
    lines.append("errors: " + ", ".join(f"{ERROR_LABELS[k]} {counts[k]}" for k in ERROR_KINDS)
                 + "  (a wrong country is also one missed + one false pair in P/R)")
    if min_f1 is not None:
        verdicts = [f"{label} {r.f1:.3f} {'ok' if r.f1 >= min_f1 else 'FAIL'}"
                    for label, r in files.items()]
        lines.append(f"min F1 {min_f1:g}: " + ", ".join(verdicts))
    if errors:
        for label, result in files.items():
            docs = [d for d in result.documents if d.errors]
            if not docs:
                continue
            lines.append("")
            lines.append(f"== {label}: errors in {len(docs)} of {len(result.documents)} documents")
            for doc in docs:
                lines.append(f"{doc.doc_id}  {doc.label}")
                lines.extend(f"  - {error.describe()}" for error in doc.errors)
    return "\n".join(lines) + "\n"


def report_dict(
    files: Mapping[str, EvalResult],
    total: EvalResult,
    min_f1: float | None = None,
    errors: bool = True,
) -> dict[str, Any]:
    """The ``--json`` report: per-file scores with their errors, and the pooled ``all``."""
    return {
        "files": {label: r.to_dict(errors=errors) for label, r in files.items()},
        "all": total.to_dict(errors=False),
        "min_f1": min_f1,
        "passed": passed(files, min_f1),
    }


def passed(files: Mapping[str, EvalResult], min_f1: float | None) -> bool:
    """Every file must reach the threshold, so a good dev set cannot hide a poor test set.

    The pooled F1 lies between the files' F1s, so it then passes as well.
    """
    return min_f1 is None or all(r.f1 >= min_f1 for r in files.values())


# ------------------------------------------------------------------------------------ CLI


def _unit_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value:g}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl",
                        help="gold JSON Lines files (e.g. corpus/gold/dev.jsonl test.jsonl)")
    parser.add_argument("--json", action="store_true",
                        help="print the report as JSON instead of text")
    parser.add_argument("--min-f1", type=_unit_float, default=None, metavar="X",
                        help="exit 1 when the pair F1 of any given file is below X (for CI)")
    parser.add_argument("--model", default=DEFAULT_MODEL,
                        help=f"spaCy pipeline package (default {DEFAULT_MODEL})")
    parser.add_argument("--patterns", default=None, metavar="DIR",
                        help="folder of pattern files that add to / override the shipped ones")
    parser.add_argument("--errors", action=argparse.BooleanOptionalAction, default=True,
                        help="list each error by document (default: yes)")


def command(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.gold]
    labels = file_labels(paths)
    try:
        gold = {label: load_gold(path) for label, path in zip(labels, paths)}
    except GoldFormatError as err:
        print(f"twin-extract evaluate: {err}", file=sys.stderr)
        return 1
    print(f"evaluating {sum(len(d) for d in gold.values())} gold documents with {args.model}",
          file=sys.stderr)
    extractor = make_extractor(args.model, args.patterns)
    files = evaluate_files(paths, extractor, gold=gold)
    total = EvalResult.combine(files.values())
    if args.json:
        data = report_dict(files, total, args.min_f1, errors=args.errors)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(format_report(files, total, args.min_f1, errors=args.errors))
    if not passed(files, args.min_f1):
        failing = ", ".join(f"{label} {r.f1:.3f}" for label, r in files.items()
                            if r.f1 < args.min_f1)
        print(f"F1 below {args.min_f1:g}: {failing}", file=sys.stderr)
        return 1
    return 0

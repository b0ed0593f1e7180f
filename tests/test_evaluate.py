"""Scoring without the model: gold documents and predicted records are built in the tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from twin_extract import cli, evaluate
from twin_extract.evaluate import (
    EvalResult,
    GoldParty,
    PredictedParty,
    _max_weight_assignment,
    evaluate_documents,
    evaluate_files,
    fold_name,
    party_matches,
    predicted_pair,
)
from gold_fixtures import BERGAMO, BUCHA, gdoc, gpair, gparty, write_jsonl
from twin_extract.record import DateInfo, NewsItem, Party, Source, Evidence, TwinningRecord


def pparty(name: str, country: str | None, type: str = "city",
           subdivision: str | None = None, text: str | None = None) -> Party:
    return Party(text=text or name, name=name, type=type, country=country, country_name=None,
                 subdivision=subdivision, geonames_id=None, start=0, end=len(text or name))


def record(a: Party, b: Party, status: str = "signed", date: str | None = None,
           doc_id: str = "d1") -> TwinningRecord:
    date_info = DateInfo(text=date, value=date, precision="year", start=0, end=4) if date else None
    return TwinningRecord(id="0" * 16, source=Source(id=doc_id), relation="twinning",
                          status=status, parties=[a, b], date=date_info,
                          evidence=[Evidence(text="x", start=0, end=1)], confidence=0.9)


class FakeExtractor:
    """Stands in for the spaCy pipeline: canned records per document id."""

    def __init__(self, records: dict[str, list[TwinningRecord]]) -> None:
        self.records = records
        self.seen: list[NewsItem] = []

    def pipe(self, items: Iterable[NewsItem]) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        for item in items:
            self.seen.append(item)
            yield item, list(self.records.get(item.id, []))


# ------------------------------------------------------------------------- folding, parties


@pytest.mark.parametrize("gold, predicted", [
    ("Kraków", "krakow"),
    ("Kraków", "KRAKOW"),
    ("Düsseldorf", "Dusseldorf"),
    ("Rzeszów", "Rzeszow"),
    ("Łódź", "Lodz"),
    ("Tromsø", "Tromso"),
    ("Gießen", "Giessen"),
    ("Đakovo", "Dakovo"),
    ("L'viv", "L’viv"),
    ("Stratford-upon-Avon", "Stratford upon  Avon"),
    ("Ivano-Frankivsk", "Ivano–Frankivsk"),
    ("St. Louis", "St Louis"),
    ("Washington, D.C.", "Washington DC"),
])
def test_fold_name_equates_spelling_variants(gold: str, predicted: str) -> None:
    assert fold_name(gold) == fold_name(predicted)


@pytest.mark.parametrize("gold, predicted", [
    ("Kyiv", "Kiev"),
    ("Paris", "Parys"),
    ("York", "New York"),
])
def test_fold_name_keeps_different_names_apart(gold: str, predicted: str) -> None:
    assert fold_name(gold) != fold_name(predicted)


@pytest.mark.parametrize("gold, predicted, expected", [
    (GoldParty("Kraków", "PL"), PredictedParty("Krakow", "PL"), True),
    (GoldParty("Kraków", "PL"), PredictedParty("Krakow", "UA"), False),
    (GoldParty("Kraków", "PL"), PredictedParty("Krakow", None), False),
    (GoldParty("Lviv Oblast", "UA", "region", "UA-46"),
     PredictedParty("Lvivska oblast", "UA", "region", "UA-46"), True),
    (GoldParty("Lviv Oblast", "UA", "region", "UA-46"),
     PredictedParty("Lviv", "UA", "region", None), True),
    (GoldParty("Lviv Oblast", "UA", "region", "UA-46"),
     PredictedParty("Lviv region", "UA", "region", None), True),
    (GoldParty("Texas", "US", "region", "US-TX"),
     PredictedParty("State of Texas", "US", "region", None), True),
    (GoldParty("Lviv Oblast", "UA", "region", "UA-46"),
     PredictedParty("Lviv", "PL", "region", None), False),
    (GoldParty("Lviv Oblast", "UA", "region", "UA-46"),
     PredictedParty("Lviv", "UA", "city", "UA-46"), False),
    (GoldParty("Lviv", "UA"), PredictedParty("Lviv Oblast", "UA", "region", "UA-46"), False),
    (GoldParty("Texas", "US", "region", "US-TX"),
     PredictedParty("Paris", "US", "city", "US-TX"), False),
])
def test_party_matches(gold: GoldParty, predicted: PredictedParty, expected: bool) -> None:
    assert party_matches(gold, predicted) is expected


# ------------------------------------------------------------------------------- scoring


def test_pairs_match_unordered_and_report_in_gold_order() -> None:
    gold = [gdoc("d1", gpair(BUCHA, BERGAMO, "signed", "2022-06"))]
    preds = {"d1": [record(pparty("Bergamo", "IT"), pparty("Bucha", "UA"), "signed", "2022-06")]}
    result = evaluate_documents(gold, preds)
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)
    assert result.precision == result.recall == result.f1 == 1.0
    match = result.documents[0].matches[0]
    assert match.predicted.a.name == "Bucha"
    assert result.errors == []


def test_diacritics_do_not_cost_a_match() -> None:
    gold = [gdoc("d1", gpair(gparty("Kraków", "PL"), gparty("Düsseldorf", "DE")))]
    preds = {"d1": [record(pparty("Dusseldorf", "DE"), pparty("Krakow", "PL"))]}
    assert evaluate_documents(gold, preds).f1 == 1.0


def test_wrong_country_is_one_error_but_a_missed_and_a_false_pair_for_scores() -> None:
    gold = [gdoc("d1", gpair(gparty("Paris", "FR"), gparty("Austin", "US")))]
    preds = {"d1": [record(pparty("Paris", "US"), pparty("Austin", "US"))]}
    result = evaluate_documents(gold, preds)
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)
    assert result.country.correct == 0 and result.country.total == 1
    assert result.error_counts() == {"missed": 0, "false": 0, "wrong_country": 1,
                                     "wrong_status": 0, "wrong_date": 0}
    error = result.errors[0][1]
    assert error.detail == "Paris: gold FR, predicted US"


def test_country_accuracy_counts_names_matched_pairs() -> None:
    gold = [gdoc("d1", gpair(BUCHA, BERGAMO), gpair(gparty("Paris", "FR"), gparty("Rome", "IT")))]
    preds = {"d1": [record(pparty("Bucha", "UA"), pparty("Bergamo", "IT")),
                    record(pparty("Paris", "US"), pparty("Rome", "IT")),
                    record(pparty("Lyon", "FR"), pparty("Turin", "IT"))]}
    result = evaluate_documents(gold, preds)
    assert result.country.describe() == "0.500 (1/2)"
    assert result.error_counts()["false"] == 1
    assert (result.tp, result.fp, result.fn) == (1, 2, 1)


def test_subdivision_codes_match_whatever_the_name() -> None:
    gold = [gdoc("d1", gpair(gparty("Zaporizhzhia Oblast", "UA", "region", "UA-23"),
                             gparty("Lower Silesia", "PL", "region", "PL-02")))]
    preds = {"d1": [record(pparty("Zaporizhia region", "UA", "region", "UA-23"),
                           pparty("Dolnośląskie", "PL", "region", "PL-02"))]}
    assert evaluate_documents(gold, preds).tp == 1


def test_status_and_date_accuracy_over_matched_pairs() -> None:
    gold = [gdoc("d1", gpair(BUCHA, BERGAMO, "signed", "2022-06"),
                 gpair(gparty("Kyiv", "UA"), gparty("Vilnius", "LT"), "established", None),
                 gpair(gparty("Lviv", "UA"), gparty("Wrocław", "PL"), "pending", "2023"))]
    preds = {"d1": [record(pparty("Bucha", "UA"), pparty("Bergamo", "IT"), "proposed", "2022-06"),
                    record(pparty("Kyiv", "UA"), pparty("Vilnius", "LT"), "established", None),
                    record(pparty("Lviv", "UA"), pparty("Wroclaw", "PL"), "pending", "2023-01")]}
    result = evaluate_documents(gold, preds)
    assert result.tp == 3
    assert (result.status.correct, result.status.total) == (2, 3)
    assert (result.date.correct, result.date.total) == (2, 3)
    kinds = [e.kind for _, e in result.errors]
    assert kinds == ["wrong_status", "wrong_date"]
    assert "gold 2023, predicted 2023-01" in result.errors[1][1].detail


def test_date_null_against_a_value_is_wrong() -> None:
    gold = [gdoc("d1", gpair(BUCHA, BERGAMO, "signed", None))]
    preds = {"d1": [record(pparty("Bucha", "UA"), pparty("Bergamo", "IT"), "signed", "2022")]}
    result = evaluate_documents(gold, preds)
    assert result.date.correct == 0
    assert result.errors[0][1].detail == "gold null, predicted 2022"


def test_a_gold_pair_is_matched_at_most_once() -> None:
    gold = [gdoc("d1", gpair(BUCHA, BERGAMO))]
    preds = {"d1": [record(pparty("Bucha", "UA"), pparty("Bergamo", "IT")),
                    record(pparty("Bergamo", "IT"), pparty("Bucha", "UA"))]}
    result = evaluate_documents(gold, preds)
    assert (result.tp, result.fp, result.fn) == (1, 1, 0)
    assert result.error_counts()["false"] == 1


def test_assignment_prefers_the_gold_pair_with_the_same_status_and_date() -> None:
    gold = [gdoc("d1", gpair(BUCHA, BERGAMO, "established", "1990"),
                 gpair(BUCHA, BERGAMO, "terminated", "2022-03"))]
    preds = {"d1": [record(pparty("Bucha", "UA"), pparty("Bergamo", "IT"), "terminated", "2022-03")]}
    result = evaluate_documents(gold, preds)
    assert result.status.value == 1.0 and result.date.value == 1.0
    missed = [e for _, e in result.errors if e.kind == "missed"]
    assert missed[0].gold.status == "established"


@pytest.mark.parametrize("weights, expected", [
    ([[1, 1], [1, 0]], [(0, 1), (1, 0)]),
    ([[0, 0, 5]], [(0, 2)]),
    ([[1], [2], [0]], [(1, 0)]),
    ([[0, 0], [0, 0]], []),
    ([], []),
])
def test_max_weight_assignment(weights: list[list[float]], expected: list[tuple[int, int]]) -> None:
    assert _max_weight_assignment(weights) == expected


@pytest.mark.parametrize("gold_pairs, n_preds, expected", [
    (0, 0, (1.0, 1.0, 1.0)),
    (1, 0, (1.0, 0.0, 0.0)),
    (0, 1, (0.0, 1.0, 0.0)),
])
def test_empty_denominators(gold_pairs: int, n_preds: int,
                            expected: tuple[float, float, float]) -> None:
    gold = [gdoc("d1", *[gpair(BUCHA, BERGAMO)] * gold_pairs)]
    preds = {"d1": [record(pparty("Kyiv", "UA"), pparty("Rome", "IT"))] * n_preds}
    result = evaluate_documents(gold, preds)
    assert (result.precision, result.recall, result.f1) == expected
    assert result.country.value is None and result.status.value is None
    assert result.date.describe() == "n/a"


def test_no_documents_at_all() -> None:
    result = evaluate_documents([], {})
    assert result.f1 == 1.0
    assert result.summary()["status"] == {"correct": 0, "total": 0, "accuracy": None}


def test_predictions_for_unknown_documents_are_refused() -> None:
    with pytest.raises(ValueError, match="d9"):
        evaluate_documents([gdoc("d1")], {"d9": []})


def test_predictions_may_be_record_dicts() -> None:
    full = record(pparty("Bucha", "UA"), pparty("Bergamo", "IT"), "signed", "2022-06").to_dict()
    trimmed = {"status": "signed", "date": None,
               "parties": [{"name": "Kyiv", "country": "UA"}, {"name": "Vilnius", "country": "LT"}]}
    gold = [gdoc("d1", gpair(BUCHA, BERGAMO, "signed", "2022-06"),
                 gpair(gparty("Kyiv", "UA"), gparty("Vilnius", "LT")))]
    result = evaluate_documents(gold, {"d1": [full, trimmed]})
    assert result.tp == 2 and result.errors == []


def test_a_record_needs_two_parties() -> None:
    with pytest.raises(ValueError, match="expected 2"):
        predicted_pair({"id": "r1", "status": "signed", "parties": [{"name": "Kyiv"}]})


def test_combine_is_micro_averaged() -> None:
    dev = evaluate_documents([gdoc("d1", gpair(BUCHA, BERGAMO))],
                             {"d1": [record(pparty("Bucha", "UA"), pparty("Bergamo", "IT"))]})
    test = evaluate_documents([gdoc("t1", gpair(BUCHA, BERGAMO), gpair(BUCHA, BUCHA))], {})
    total = EvalResult.combine([dev, test])
    assert (total.tp, total.fp, total.fn) == (1, 0, 2)
    assert total.recall == pytest.approx(1 / 3)


def test_evaluate_files_runs_the_extractor_on_news_items(tmp_path: Path) -> None:
    doc = gdoc("d1", gpair(BUCHA, BERGAMO), text="Bucha and Bergamo signed.")
    doc["title"] = "Bucha twins"
    dev = write_jsonl(tmp_path / "dev.jsonl", [doc])
    test = write_jsonl(tmp_path / "test.jsonl", [gdoc("t1", gpair(BUCHA, BERGAMO))])
    fake = FakeExtractor({"d1": [record(pparty("Bucha", "UA"), pparty("Bergamo", "IT"))]})
    results = evaluate_files([dev, test], fake)
    assert list(results) == ["dev", "test"]
    assert results["dev"].f1 == 1.0 and results["test"].recall == 0.0
    item = fake.seen[0]
    assert (item.id, item.text, item.published, item.title) == (
        "d1", "Bucha and Bergamo signed.", "2023-05-14", "Bucha twins")


# ------------------------------------------------------------------------------------ CLI


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """``twin-extract`` with only the evaluate command and a fake extractor."""
    monkeypatch.setattr(cli, "COMMANDS", {"evaluate": cli.COMMANDS["evaluate"]})
    built: list[tuple[str, str | None]] = []

    def run(argv: list[str], records: dict[str, list[TwinningRecord]] | None = None):
        def fake_factory(model: str, patterns: str | None) -> FakeExtractor:
            built.append((model, patterns))
            return FakeExtractor(records or {})

        monkeypatch.setattr(evaluate, "make_extractor", fake_factory)
        code = cli.main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    run.built = built
    return run


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, dict[str, list[TwinningRecord]]]:
    """dev: two documents, both right; test: one found with the wrong status, one missed."""
    dev = write_jsonl(tmp_path / "dev.jsonl", [
        gdoc("d1", gpair(BUCHA, BERGAMO, "signed", "2022-06")),
        gdoc("d2"),
    ])
    test = write_jsonl(tmp_path / "test.jsonl", [
        gdoc("t1", gpair(gparty("Kraków", "PL"), gparty("Kyiv", "UA"), "signed", "2022")),
        gdoc("t2", gpair(gparty("Lviv", "UA"), gparty("Rzeszów", "PL"), "established", None)),
    ])
    records = {
        "d1": [record(pparty("Bergamo", "IT"), pparty("Bucha", "UA"), "signed", "2022-06")],
        "t1": [record(pparty("Krakow", "PL", text="Cracow"), pparty("Kyiv", "UA"),
                      "pending", "2022")],
    }
    return dev, test, records


def test_cli_text_report(run_cli, corpus) -> None:
    dev, test, records = corpus
    code, out, err = run_cli(["evaluate", str(dev), str(test), "--model", "m", "--patterns", "p"],
                             records)
    assert code == 0
    assert run_cli.built == [("m", "p")]
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["file", "docs", "gold", "pred"]
    assert [line.split()[0] for line in lines[2:5]] == ["dev", "test", "all"]
    assert lines[4].split()[1:10] == ["4", "3", "2", "2", "0", "1", "1.000", "0.667", "0.800"]
    assert "== test: errors in 2 of 2 documents" in out
    assert "t1  Some article." in out
    assert "wrong status: gold signed, predicted pending" in out
    assert 'Krakow (PL, "Cracow")' in out
    assert "missed pair: Lviv (UA) — Rzeszów (PL) [established, no date]" in out
    assert "== dev" not in out
    assert "evaluating 4 gold documents" in err


def test_cli_no_errors(run_cli, corpus) -> None:
    dev, test, records = corpus
    code, out, _ = run_cli(["evaluate", str(dev), str(test), "--no-errors"], records)
    assert code == 0 and "==" not in out and "missed pair:" not in out


def test_cli_json_shape(run_cli, corpus) -> None:
    dev, test, records = corpus
    code, out, _ = run_cli(["evaluate", str(dev), str(test), "--json", "--min-f1", "0.5"],
                           records)
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"files", "all", "min_f1", "passed"}
    assert list(data["files"]) == ["dev", "test"]
    assert data["min_f1"] == 0.5 and data["passed"] is True
    test_scores = data["files"]["test"]
    assert {k: test_scores[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")} == {
        "tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert test_scores["status"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert test_scores["error_counts"]["missed"] == 1
    by_doc = {e["document"]: e["errors"] for e in test_scores["errors"]}
    assert by_doc["t1"][0]["kind"] == "wrong_status"
    assert by_doc["t1"][0]["predicted"]["a"]["text"] == "Cracow"
    assert by_doc["t2"][0] == {
        "kind": "missed", "detail": "", "predicted": None,
        "gold": {"a": {"name": "Lviv", "country": "UA", "type": "city"},
                 "b": {"name": "Rzeszów", "country": "PL", "type": "city"},
                 "status": "established", "date": None}}
    assert data["files"]["dev"]["errors"] == []
    assert "errors" not in data["all"] and data["all"]["documents"] == 4


def test_cli_json_without_errors(run_cli, corpus) -> None:
    dev, _, records = corpus
    _, out, _ = run_cli(["evaluate", str(dev), "--json", "--no-errors"], records)
    data = json.loads(out)
    assert "errors" not in data["files"]["dev"]
    assert data["min_f1"] is None and data["passed"] is True


@pytest.mark.parametrize("threshold, expected", [
    ("0.6", 0),
    ("0.66", 0),
    ("0.7", 1),
    ("1", 1),
])
def test_cli_min_f1_applies_to_every_file(run_cli, corpus, threshold: str, expected: int) -> None:
    dev, test, records = corpus
    code, out, err = run_cli(["evaluate", str(dev), str(test), "--min-f1", threshold], records)
    assert code == expected
    assert f"min F1 {float(threshold):g}: dev 1.000 ok, test 0.667" in out
    assert ("F1 below" in err) is bool(expected)


def test_cli_min_f1_single_file_passes_when_perfect(run_cli, corpus) -> None:
    dev, _, records = corpus
    code, _, _ = run_cli(["evaluate", str(dev), "--min-f1", "1.0"], records)
    assert code == 0


@pytest.mark.parametrize("threshold", ["1.5", "-0.1", "high"])
def test_cli_min_f1_must_be_a_fraction(run_cli, corpus, threshold: str) -> None:
    dev, _, _ = corpus
    with pytest.raises(SystemExit) as exit_info:
        run_cli(["evaluate", str(dev), "--min-f1", threshold])
    assert exit_info.value.code == 2


def test_cli_malformed_gold_fails_before_loading_the_model(run_cli, tmp_path: Path) -> None:
    bad = write_jsonl(tmp_path / "dev.jsonl", [gdoc("d1"), '{"id": "d2"'])
    code, out, err = run_cli(["evaluate", str(bad)])
    assert code == 1
    assert f"{bad}:2: invalid JSON" in err
    assert out == "" and run_cli.built == []

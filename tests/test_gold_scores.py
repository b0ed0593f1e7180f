"""Scores on the hand-written gold corpus, gated so a regression turns CI red.

The gates are the issue's targets (dev 0.95, test 0.85) and, for the holdout and the real-modelled
splits, regression alarms just under the scores reached (README "Current scores" has them).
Rules are tuned on dev and real-dev only; the errors of test, holdout and real-test are not read.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from twin_extract.evaluate import evaluate_files

GATES = {"dev": 0.95, "test": 0.85, "holdout": 0.75, "real-dev": 0.70, "real-test": 0.45}


@pytest.mark.parametrize("split", sorted(GATES))
def test_gold_f1(extractor, split):
    results = evaluate_files([ROOT / "corpus" / "gold" / f"{split}.jsonl"], extractor)
    (result,) = results.values()
    f1 = result.f1
    assert f1 >= GATES[split], f"{split} F1 {f1:.3f} below {GATES[split]} (details: make evaluate)"

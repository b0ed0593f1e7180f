"""The model's matrix products through numpy's BLAS (one thread) instead of thinc's blis.

thinc's ``NumpyOps`` multiplies with blis by default. On this project's machine (AMD EPYC,
2 cores, blis 1.3) blis reaches about 8 GFLOPS on the tok2vec's products (2,000 x 288 by 288:
20 ms), numpy's OpenBLAS 0.3 on one thread 4.6 ms; the tok2vec and the parser's input layer
are mostly such products. ``NumpyOps(use_blis=False)`` is thinc's own switch to numpy for them
(the parser's step-by-step hidden layer stays on blis, as in spaCy). The sums come in another
order, so a score can differ in its last bits; ``tests/test_fast_ops.py`` checks tags, parses,
entities and records against blis on the gold texts.

OpenBLAS would start a thread per core for larger products; a worker is meant to use one core
(``--workers`` says how many), so the switch is made only when numpy's OpenBLAS can be set to
one thread (it is, for the whole process). Otherwise the pipeline keeps blis.
"""

from __future__ import annotations

import ctypes
from typing import Any

from spacy.language import Language
from thinc.api import NumpyOps

_SET_THREADS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads_64_",
                "openblas_set_num_threads64_", "openblas_set_num_threads")
_single_threaded: bool | None = None


def one_blas_thread() -> bool:
    """Set numpy's OpenBLAS to one thread; False when it is not OpenBLAS or cannot be set."""
    global _single_threaded
    if _single_threaded is None:
        _single_threaded = _set_openblas_threads(1)
    return _single_threaded


def _set_openblas_threads(count: int) -> bool:
    import numpy  # noqa: F401  (loads its BLAS)

    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line}
    except OSError:
        return False
    for path in sorted(paths):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SET_THREADS:
            setter = getattr(library, name, None)
            if setter is not None:
                setter(ctypes.c_int(count))
                return True
    return False


def use_numpy_gemm(nlp: Language) -> bool:
    """Give every component's model (disabled ones too) numpy's matrix product; False, and
    nothing changed, when numpy's BLAS cannot be held to one thread."""
    if not one_blas_thread():
        return False
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model: Any = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True

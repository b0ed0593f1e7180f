"""A memory budget for extraction.

A document that needs more memory than the budget fails as ``MemoryError`` inside the worker that
reads it, is reported in ``errors.jsonl`` and the batch goes on; without a budget the kernel kills
the whole run (or the machine swaps). The budget is an address-space limit (``RLIMIT_AS``) per
process that extracts: it counts what the process reserves, so it bites a little before resident
memory reaches it, which is the safe side.
"""

from __future__ import annotations

import os
import resource
from contextlib import contextmanager
from typing import Iterator

DEFAULT_SHARE = 0.75
"""Default budget: this share of the machine's physical memory, split over the workers."""
MIN_WORKER_MB = 1024
"""Below this a worker cannot hold the model and a long article's chunks at once."""


def physical_memory_mb() -> int:
    return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // (1 << 20)


def default_budget_mb() -> int:
    return int(physical_memory_mb() * DEFAULT_SHARE)


def per_worker_mb(total_mb: int | None, workers: int) -> int:
    """Each extracting process's share of ``--max-memory`` (default: a share of the RAM)."""
    total = total_mb if total_mb is not None else default_budget_mb()
    return total // max(1, workers)


def limit_address_space(mb: int) -> None:
    """Cap this process's address space (a pool worker keeps the cap for its life)."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mb << 20
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def address_space_mb() -> int:
    """What this process has reserved already (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE") // (1 << 20)


@contextmanager
def address_space_limit(mb: int) -> Iterator[None]:
    """The cap for the duration of an in-process run, then the previous limit again. The calling
    process may already hold more than a worker would (a test session, an application using the
    library): the cap is then what it holds plus one worker's minimum, never below."""
    previous = resource.getrlimit(resource.RLIMIT_AS)
    limit_address_space(max(mb, address_space_mb() + MIN_WORKER_MB))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, previous)

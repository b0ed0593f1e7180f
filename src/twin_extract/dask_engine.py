"""``twin-extract run --engine dask``: the same batch on a Dask cluster, from paths or fsspec URLs.

The input is cut into shards (``shards.plan``); each shard is one Dask task that writes its
records and errors as whole files under ``OUT.shards/``. The client keeps a manifest of the
shards finished (rewritten whole after each one), so a re-run after any crash (client killed,
worker killed, cluster lost) submits only the unfinished shards. The output is then assembled
from the finished shards in input order, so it holds every record exactly once and is the same
bytes as the local engine's. Dask retries a shard whose worker died; the model is built in each
worker process by the shard task itself, never pickled or sent through the scheduler.
"""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator, TextIO

from . import jsonl, storage
from .pages import ReadError
from .memory import per_worker_mb
from .work import (ERRORS_NAME, BatchOptions, ExtractorFactory, Renderer, Stats, UsageError,
                   print_summary, progress_bar)
from .shards import (Shard, ShardJob, ShardResult, data_location,
                     errors_location, plan, process_shard)

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
SHARDS_SUFFIX = ".shards"
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.target": False,
    "distributed.worker.memory.spill": False,
    "distributed.worker.memory.pause": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
"""Dask settings for the engine's own LocalCluster, where the workers share the machine with
the client. One shard per worker at a time (saturation 1.0; Dask's default 1.1 queues a second
shard on a busy worker while another goes idle at the end, and nothing is left to steal). No
statistical profiler, 1 s event-loop ticks, a 2 s system monitor and no spilling (a shard's
result is a few counts; the nanny still restarts a worker over its memory limit): with Dask's
defaults an idle 2-worker cluster used 12 % of a core, 3 % with these.

glibc's malloc keeps its own settings in the workers, as in the local engine's pool: Dask's
nanny otherwise starts them with ``MALLOC_TRIM_THRESHOLD_=65536``, which also fixes glibc's mmap
threshold at 128 kB, so spaCy's larger arrays were mapped and unmapped for every batch. On the
2,000-item feed the shard tasks took 810,000 page faults and 2.0-2.3 s of system time; with
glibc's defaults 100,000 and 0.5-0.6 s (the local engine's pool workers: 33,000 and 0.2-0.3 s,
their pipeline built outside the measured tasks)."""


def shards_folder(output: str) -> str:
    return output + SHARDS_SUFFIX


def errors_location_for(output: str) -> str:
    return storage.join(storage.parent(output) or ".", ERRORS_NAME)


@dataclass
class Manifest:
    """The shards finished so far (by key) and the settings that made them."""

    settings: dict[str, Any]
    done: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        return json.dumps({"manifest": MANIFEST_FORMAT, "settings": self.settings, "done": self.done},
                          ensure_ascii=False, indent=1).encode("utf-8")


def load_manifest(location: str, settings: dict[str, Any], force: bool) -> Manifest:
    """The previous run's manifest when it matches these settings; a fresh one with ``force``."""
    if force or not storage.exists(location):
        return Manifest(settings)
    try:
        data = json.loads(storage.read_bytes(location))
        done, previous = dict(data["done"]), data["settings"]
    except (ValueError, KeyError, TypeError) as err:
        raise UsageError(f"{location}: corrupt manifest ({err}); use --force to start over") from None
    if previous != settings:
        changed = sorted(k for k in settings if (previous or {}).get(k) != settings[k])
        raise UsageError(f"{location}: the output was started with other settings ({', '.join(changed)}); "
                         "re-run with the same options or use --force to start over")
    return Manifest(settings, done)


def run_dask(options: BatchOptions, factory: ExtractorFactory, stderr: TextIO) -> int:
    """The whole job on a cluster; exit code as the local engine's (0, 1 some input failed, 2)."""
    stats = Stats()
    folder = shards_folder(options.output)
    manifest_at = storage.join(folder, MANIFEST_NAME)
    errors_at = errors_location_for(options.output)
    settings = {**options.settings(), "shard_mb": options.shard_mb}
    try:
        manifest = load_manifest(manifest_at, settings, options.force)
        if not options.force and not manifest.done and _has_data(options.output):
            raise UsageError(f"{options.output} exists and was not written by an interrupted run "
                             "(no manifest); choose another output or use --force to overwrite it")
        shards = plan(options.paths, options.shard_mb, exclude_names={options.output, errors_at},
                      exclude_under=folder)
    except UsageError as err:
        print(f"twin-extract run: error: {err}", file=stderr)
        return 2
    manifest.done = {s.key: manifest.done[s.key] for s in shards
                     if s.key in manifest.done and storage.exists(data_location(folder, s.key))}
    todo = [s for s in shards if s.key not in manifest.done]
    if manifest.done and not options.quiet:
        print(f"twin-extract run: resuming {options.output} ({len(manifest.done)} of {len(shards)} "
              "shards already done)", file=stderr)
    job = ShardJob(factory, folder, options)
    try:
        lost = _run_shards(todo, job, options, manifest, manifest_at, stderr)
    except (OSError, TimeoutError) as err:
        print(f"twin-extract run: error: the cluster failed: {err}; re-run the same command to resume",
              file=stderr)
        return 1
    errors = _assemble(shards, manifest, lost, options, folder, errors_at, stats)
    if not options.quiet:
        print_summary(stats, errors, errors_at if errors else None, stderr)
        if lost:
            print(f"twin-extract run: {len(lost)} shards could not be done (listed in {errors_at}); "
                  "re-run the same command to retry them", file=stderr)
    return 1 if errors else 0


def _has_data(location: str) -> bool:
    return storage.exists(location) and storage.size(location) > 0


def _run_shards(todo: list[Shard], job: ShardJob, options: BatchOptions, manifest: Manifest,
                manifest_at: str, stderr: TextIO) -> dict[int, str]:
    """Submit every unfinished shard, record each in the manifest as it finishes; the shards that
    failed even after Dask's retries, with why."""
    lost: dict[int, str] = {}
    if not todo:
        return lost
    from distributed import as_completed

    bar = progress_bar(options, stderr, total=len(todo), unit="shard")
    with _client(options) as client:
        futures = {client.submit(process_shard, shard, job, key=f"twin-shard-{shard.key}", pure=False): shard
                   for shard in todo}
        for future in as_completed(futures):
            shard = futures[future]
            try:
                result: ShardResult = future.result()
            except Exception as err:  # noqa: BLE001  (a shard that kills its workers is reported, not fatal)
                lost[shard.number] = f"{type(err).__name__}: {err}"
                continue
            finally:
                future.release()
            manifest.done[shard.key] = result.to_dict()
            storage.write_atomic(manifest_at, manifest.to_bytes())
            for line in result.first_errors:
                print(f"twin-extract run: error: {line}", file=stderr)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(records=sum(d["counts"]["records"] for d in manifest.done.values()), refresh=False)
    if bar is not None:
        bar.close()
    return lost


@contextmanager
def _client(options: BatchOptions) -> Iterator[Any]:
    """A client of the given scheduler, or of a LocalCluster of ``--workers`` single-threaded
    processes, each with its share of the memory budget, bound to 127.0.0.1, no dashboard,
    with ``LOCAL_CLUSTER_CONFIG``."""
    import dask
    from distributed import Client, LocalCluster

    if options.scheduler:
        with Client(options.scheduler, timeout="30s") as client:
            yield client
        return
    memory = per_worker_mb(options.max_memory_mb, options.workers)
    with dask.config.set(LOCAL_CLUSTER_CONFIG), \
            LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                         memory_limit=f"{memory}MB", host="127.0.0.1", dashboard_address=None,
                         silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def _assemble(shards: list[Shard], manifest: Manifest, lost: dict[int, str], options: BatchOptions,
              folder: str, errors_at: str, stats: Stats) -> int:
    """Write the output and ``errors.jsonl`` whole from the finished shards, in input order;
    the number of error lines."""
    renderer = Renderer(options.fmt, options.explain)
    data, error_lines = [renderer.header()], []
    for shard in shards:
        result = manifest.done.get(shard.key)
        if result is None:
            why = lost.get(shard.number, "not run")
            error = ReadError(shard.describe(), None, f"shard {shard.number} was not done: {why}")
            error_lines.append(jsonl.dumps([error.to_dict()]).encode("utf-8"))
            continue
        stats.add(result["counts"])
        data.append(storage.read_bytes(data_location(folder, shard.key)))
        error_lines.append(storage.read_bytes(errors_location(folder, shard.key)))
    storage.write_atomic(options.output, b"".join(data))
    errors = b"".join(error_lines)
    storage.write_atomic(errors_at, errors)
    return errors.count(b"\n")

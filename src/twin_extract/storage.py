"""Where inputs and outputs live: local paths and fsspec URLs (``s3://``, ``gs://``, ``memory://``).

One small seam so readers and the Dask engine treat a bucket like a folder. Local paths never
go through fsspec (the local engine's crash-safe output needs real files); ``file://`` URLs are
turned into local paths. Remote writes are single PUTs of a whole object, which object stores
make atomic; local writes go to a temporary file that is renamed into place.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Iterator

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
"""``scheme://``; a Windows drive (``C:\\``) or a relative path is not a URL."""


def is_url(location: str) -> bool:
    """True for a remote or in-memory fsspec URL; ``file://`` counts as a local path."""
    return bool(URL.match(location)) and not location.startswith("file://")


def local(location: str) -> str:
    """A ``file://`` URL as a plain path; anything else unchanged."""
    return location[len("file://"):] if location.startswith("file://") else location


def name_of(location: str) -> str:
    """The last path component of a path or URL (query strings are not expected)."""
    return PurePosixPath(local(location).rstrip("/")).name


def _fs(url: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError as err:  # pragma: no cover  (fsspec is a core dependency)
        raise OSError(f"{url}: reading URLs needs fsspec") from err
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as err:
        raise OSError(f"{url}: {err} (install the extra for this storage, e.g. "
                      "twin_extract[s3] or twin_extract[gcs])") from err


def exists(location: str) -> bool:
    if not is_url(location):
        return os.path.exists(local(location))
    try:
        fs, path = _fs(location)
        return bool(fs.exists(path))
    except OSError:
        return False


def isdir(location: str) -> bool:
    if not is_url(location):
        return os.path.isdir(local(location))
    fs, path = _fs(location)
    return bool(fs.isdir(path))


def walk_files(root: str) -> Iterator[tuple[str, str]]:
    """``(url, path relative to root)`` of every file under a URL folder, in the local walk's
    order (a folder's files before its subfolders, each sorted), hidden names skipped. URLs keep
    the root as the user spelled it."""
    fs, base = _fs(root)
    base = base.rstrip("/")
    found = []
    for path in fs.find(base):
        rel = path[len(base):].lstrip("/")
        parts = rel.split("/")
        if any(part.startswith(".") for part in parts):
            continue
        key = tuple((1, part) for part in parts[:-1]) + ((0, parts[-1]),)
        found.append((key, join(root, rel), rel))
    for _, url, rel in sorted(found):
        yield url, rel


def size(location: str) -> int:
    if not is_url(location):
        return os.path.getsize(local(location))
    fs, path = _fs(location)
    return int(fs.size(path))


def version(location: str) -> str:
    """What changes when the file changes (size and modification time, or the store's tag)."""
    if not is_url(location):
        stat = os.stat(local(location))
        return f"{stat.st_size}:{stat.st_mtime_ns}"
    fs, path = _fs(location)
    info = fs.info(path)
    tag = info.get("ETag") or info.get("etag") or info.get("md5Hash") or info.get("mtime") or info.get("created")
    return f"{info.get('size')}:{tag}"


def open_binary(location: str) -> BinaryIO:
    if not is_url(location):
        return open(local(location), "rb")
    fs, path = _fs(location)
    return fs.open(path, "rb")


def read_bytes(location: str) -> bytes:
    with open_binary(location) as handle:
        return handle.read()


def write_atomic(location: str, data: bytes) -> None:
    """The whole file or nothing: a reader never sees a half-written output."""
    if is_url(location):
        fs, path = _fs(location)
        parent = path.rsplit("/", 1)[0]
        if parent:
            fs.makedirs(parent, exist_ok=True)
        fs.pipe_file(path, data)
        return
    target = Path(local(location))
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)


def remove(location: str) -> None:
    if not is_url(location):
        Path(local(location)).unlink(missing_ok=True)
        return
    fs, path = _fs(location)
    if fs.exists(path):
        fs.rm(path)


def join(folder: str, name: str) -> str:
    return folder.rstrip("/") + "/" + name


def parent(location: str) -> str:
    if is_url(location):
        head, _, _ = location.rstrip("/").rpartition("/")
        return head
    return str(Path(local(location)).parent)

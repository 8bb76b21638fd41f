"""The map's on-disk cache: per-file facts by content hash, and the last map of the project.

One pack file per project (keyed by its absolute path) in the user cache directory
(``platformdirs``; ``ARCHITECT_CACHE_DIR`` overrides it, which tests and the benchmark use). The
pack holds each file's facts under the hash of its bytes, so a changed file is re-read alone,
and the last composed map under the hash of all those keys, so re-opening an unchanged project
skips the interpreter too. A corrupt or foreign pack is ignored, never trusted into a crash.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from architect_tui.analysis.facts import FACTS_VERSION, FileFacts


def _code_digest() -> str:
    """The reader's own code (names, sizes, mtimes): a new version never reuses an old map."""
    h = hashlib.blake2b(digest_size=8)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


_PACK_VERSION = (
    f"map-{FACTS_VERSION}-py{sys.version_info[0]}.{sys.version_info[1]}-{_code_digest()}"
)


def cache_dir() -> Path:
    override = os.environ.get("ARCHITECT_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("architect-tui")) / "map"


def file_key(rel: str, module: str, is_package: bool, data: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(
        f"{_PACK_VERSION}\0{rel}\0{module}\0{int(is_package)}\0".encode("utf-8", "surrogateescape")
    )
    h.update(data)
    return h.hexdigest()


def combined_key(keys: list[str], extra: str = "") -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(extra.encode())
    for k in keys:
        h.update(k.encode())
    return h.hexdigest()


@dataclass
class Pack:
    """What is stored for one project: per-file facts, or the last map (two files)."""

    version: str = _PACK_VERSION
    facts: dict[str, FileFacts] = field(default_factory=dict)  # file key -> facts
    result_key: str = ""
    result: Any = None  # the last ProjectMap, for an unchanged project


def _pack_path(root: Path, kind: str) -> Path:
    digest = hashlib.blake2b(
        str(root).encode("utf-8", "surrogateescape"), digest_size=12
    ).hexdigest()
    return cache_dir() / f"{digest}.{kind}.pickle"


def load_pack(root: Path, kind: str) -> Pack:
    """``kind`` is ``"facts"`` (big: only read when some file changed) or ``"map"`` (small)."""
    path = _pack_path(root, kind)
    try:
        with path.open("rb") as fh:
            pack = pickle.load(fh)  # our own file in the user's cache dir
    except (
        OSError,
        EOFError,
        pickle.UnpicklingError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        IndexError,
        RecursionError,
    ):
        return Pack()
    if not isinstance(pack, Pack) or pack.version != _PACK_VERSION:
        return Pack()
    return pack


def save_pack(root: Path, kind: str, pack: Pack) -> None:
    """Write atomically; a cache that cannot be written is simply not written."""
    path = _pack_path(root, kind)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pack-")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(pack, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, RecursionError):
        return

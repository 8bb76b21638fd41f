"""The map's on-disk cache: per-file facts by content hash, and the last map of the project.

One pack file per project (keyed by its absolute path) in the user cache directory
(``platformdirs``; ``ARCHITECT_CACHE_DIR`` overrides it, which tests and the benchmark use). The
pack holds each file's facts under the hash of its bytes, so a changed file is re-read alone,
and the last composed map under the hash of all those keys, so re-opening an unchanged project
skips the interpreter too. A corrupt or foreign pack is ignored, never trusted into a crash.

No secret is written to disk (``architect_tui.secrets.holds_secret``): a file whose facts hold a
secret-looking literal (``SECRET_KEY = "..."`` in a config module) is left out of the facts pack
and parsed again next time, and a map holding one (a bot token in a route) is not saved, its
old pack removed. Leaving entries out rather than masking values keeps a cached map identical
to a fresh one. Packs read back were filtered when written, so only new facts are judged.
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
from architect_tui.secrets import holds_secret


def code_digest(paths: list[Path]) -> str:
    """A digest of these source files' names, sizes and mtimes: code that changed (an
    upgrade, an edit) never reuses what older code stored."""
    h = hashlib.blake2b(digest_size=8)
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def _code_digest() -> str:
    """The reader's own code: a new version never reuses an old map.

    The secret finder counts too: a pack filtered by an older one is not trusted as clean.
    """
    here = Path(__file__).parent
    secrets_dir = here.parent / "secrets"
    # libraries/ too: a changed library model must not be answered from an old map
    return code_digest([*sorted(here.rglob("*.py")), *sorted(secrets_dir.glob("*.py"))])


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
    _CLEAN.update(pack.facts)
    return pack


#: File keys whose facts are known to hold no secret (read back from a filtered pack).
_CLEAN: set[str] = set()


#: FileFacts attributes that name the file itself (the map's and the rules' facts).
_NAMES = ("rel", "path", "module")


def _without_secrets(pack: Pack) -> Pack:
    """The pack minus every entry that holds a secret-looking value (see the module doc)."""
    facts = {}
    # Strings found clean, shared by the entries. A file's own path and module name are the
    # project's names for its files, not values it holds: judged clean from the start (they
    # are long slash- and underscore-joined runs, which the scanner would read one by one).
    judged: set[str | bytes] = {
        name for name in getattr(pack.result, "files", None) or () if isinstance(name, str)
    }
    for item in pack.facts.values():
        judged.update(
            name for name in (getattr(item, a, None) for a in _NAMES) if isinstance(name, str)
        )
    for key, item in pack.facts.items():
        if key in _CLEAN or not holds_secret(item, judged):
            facts[key] = item
            _CLEAN.add(key)
    result, result_key = pack.result, pack.result_key
    if result is not None and holds_secret(result, judged):
        result, result_key = None, ""
    return Pack(version=pack.version, facts=facts, result_key=result_key, result=result)


def save_pack(root: Path, kind: str, pack: Pack) -> None:
    """Write atomically, secrets left out; a cache that cannot be written is simply not written."""
    path = _pack_path(root, kind)
    pack = _without_secrets(pack)
    if not pack.facts and pack.result is None:
        path.unlink(missing_ok=True)  # nothing clean to keep: an older pack must not linger
        return
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

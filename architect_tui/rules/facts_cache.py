"""The rules' per-file facts on disk, by content hash, as the map keeps its own.

A scoped check (the offline review of one route, ``check --changed-since``) judges a few files
but needs facts from all of them: which views share a blueprint, which hooks check auth, the
import graph. A file unchanged since a previous check gives its facts from here and is not
parsed again. Facts are stored without their syntax trees (``FileFacts.without_trees``),
under a key of the file's path and text and of the rules' own code, in the map's pack store:
written atomically, a corrupt pack ignored, and no entry holding a secret-looking value
written (``analysis.cache.save_pack``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from architect_tui.analysis.cache import Pack, code_digest, load_pack, save_pack
from architect_tui.rules.facts import FileFacts

KIND = "rules"


# the rules' code: a changed collector never reuses old facts
_DIGEST = code_digest(sorted(Path(__file__).parent.glob("*.py")))


def file_key(path: str, text: str) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{_DIGEST}\0{path}\0".encode("utf-8", "surrogateescape"))
    h.update(text.encode("utf-8", "surrogateescape"))
    return h.hexdigest()


class FactsCache:
    """One project's stored facts: ``known`` before a check, ``remember`` after it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.pack = load_pack(root, KIND)

    def known(self, sources: Mapping[str, str]) -> dict[str, FileFacts]:
        """Facts of the files whose text has not changed since they were stored: copies, for
        the check marks them with what the map says (``_apply_map``), and a stored entry must
        stay as the file alone says (the map may change while the file does not)."""
        found: dict[str, FileFacts] = {}
        for path, text in sources.items():
            item = self.pack.facts.get(file_key(path, text))
            if isinstance(item, FileFacts) and item.path == path:
                found[path] = item.without_trees()
        return found

    def remember(self, sources: Mapping[str, str], read: Mapping[str, FileFacts]) -> None:
        """Store the facts just read beside the still-valid old ones; entries of files that
        changed or left the project are dropped."""
        if not read:
            return
        facts: dict[str, object] = {}
        for path, text in sources.items():
            key = file_key(path, text)
            item = read.get(path) or self.pack.facts.get(key)
            if item is not None:
                facts[key] = item
        save_pack(self.root, KIND, Pack(facts=facts))  # type: ignore[arg-type]

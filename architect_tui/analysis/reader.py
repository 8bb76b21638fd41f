"""``read_project``: project folder -> ``ProjectMap``, statically.

Two phases. Per file (``facts.py``): read the bytes, parse with ``ast``, prune; pure, cached by
content hash, and run on a process pool when enough files are new to pay for the workers. Per
project (``interpreter.py`` + ``compose.py``): evaluate module bodies and factories, then replay
the recorded registrations as Flask would. Bad files never stop the map: each becomes a
diagnostic and the rest is read.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from architect_tui.analysis import cache as cache_mod
from architect_tui.analysis.facts import FileFacts, extract_facts
from architect_tui.analysis.model import Diagnostic, ProjectMap
from architect_tui.analysis.sources import (
    SourceError,
    SourceProvider,
    list_python_files,
    module_name,
    read_source_bytes,
)

#: Below this many files (and bytes) to parse, the pool costs more than it saves. Measured with
#: bench/bench_map.py on the 2-core machine: at 1,500 files (8 MB) spawning two workers and
#: sending the pruned trees back cost more than parsing them here (11.5 s vs 8.2 s wall under
#: load), so the pool is kept for much larger projects.
PARALLEL_MIN_FILES = 5_000
PARALLEL_MIN_BYTES = 30_000_000


class ProjectError(ValueError):
    """The path is not a folder that can be read; the message is for the user."""


def read_project(
    root: Path,
    *,
    use_cache: bool = True,
    sources: SourceProvider | None = None,
    memo: dict[str, FileFacts] | None = None,
) -> ProjectMap:
    """Build the map of the Flask project under ``root`` without importing any of it.

    ``sources`` reads the files from elsewhere than the disk (a git commit); ``memo`` (file key
    -> facts) is filled and reused across calls, so mapping a project at two commits parses
    only the files that differ between them.
    """
    root = Path(root).expanduser()
    if not root.exists():
        raise ProjectError(f"{root}: no such directory")
    if not root.is_dir():
        raise ProjectError(f"{root}: not a directory")
    root = root.resolve()
    listing = sources.list_files() if sources is not None else list_python_files(root)
    diagnostics: list[Diagnostic] = list(listing.diagnostics)
    names = _module_names(listing.files, root.name)

    gc_was_on = gc.isenabled()
    gc.disable()  # the reader builds many long-lived objects and no garbage cycles worth chasing
    try:
        return _read(root, use_cache, listing.files, diagnostics, names, sources, memo)
    finally:
        if gc_was_on:
            gc.enable()


def _read(
    root: Path,
    use_cache: bool,
    files: list[str],
    diagnostics: list[Diagnostic],
    names: dict[str, list[str]],
    sources: SourceProvider | None = None,
    memo: dict[str, FileFacts] | None = None,
) -> ProjectMap:
    map_kind = "map" if sources is None else sources.cache_kind
    keys: dict[str, str] = {}
    datas: dict[str, bytes] = {}
    for rel in files:
        module, is_package = names[rel][0], rel.endswith("/__init__.py") or rel == "__init__.py"
        try:
            if sources is None:
                data = read_source_bytes(root / rel)
            else:
                data = sources.read_bytes(rel)
        except SourceError as exc:
            diagnostics.append(Diagnostic("warning", rel, 0, str(exc)))
            continue
        keys[rel] = cache_mod.file_key(rel, module, is_package, data)
        datas[rel] = data

    result_key = cache_mod.combined_key(
        [f"{r}:{k}" for r, k in sorted(keys.items())], str(diagnostics)
    )
    if use_cache:
        last = cache_mod.load_pack(root, map_kind)
        if last.result_key == result_key and isinstance(last.result, ProjectMap):
            cached: ProjectMap = last.result
            cached.root = root
            return cached
    memo = {} if memo is None else memo
    # The facts pack is big (about a second for 1,500 files): not worth reading when the memo
    # holds nearly every file already (the second side of a route diff) and parsing the few
    # others costs less.
    misses = sum(1 for key in keys.values() if key not in memo)
    need_pack = use_cache and misses > max(50, len(keys) // 10)
    pack = cache_mod.load_pack(root, "facts") if need_pack else cache_mod.Pack()

    facts: dict[str, FileFacts] = {}
    todo: list[tuple[str, str, bool]] = []
    for rel, key in keys.items():
        hit = memo.get(key) or pack.facts.get(key)
        if hit is not None:
            facts[rel] = hit
        else:
            todo.append((rel, names[rel][0], rel.endswith("__init__.py")))
    new_facts = _extract_all(todo, datas)
    for f in new_facts:
        facts[f.rel] = f
    memo.update((keys[r], f) for r, f in facts.items())
    del datas

    project = _build(root, files, [facts[r] for r in files if r in facts], names, diagnostics)
    if use_cache:
        if sources is None and any(not f.full for f in new_facts):
            # Only files without Flask code are kept: their pruned trees are tiny, and they are
            # most of a big project. Flask files keep whole trees, which cost more to pickle
            # and unpickle than to parse again, so a changed project re-parses those.
            kept = {keys[r]: f for r, f in facts.items() if not f.full}
            cache_mod.save_pack(root, "facts", cache_mod.Pack(facts=kept))
        cache_mod.save_pack(root, map_kind, cache_mod.Pack(result_key=result_key, result=project))
    return project


def _build(
    root: Path,
    files: list[str],
    facts: list[FileFacts],
    names: dict[str, list[str]],
    diagnostics: list[Diagnostic],
) -> ProjectMap:
    from architect_tui.analysis.compose import Composed, Composer
    from architect_tui.analysis.interpreter import Interpreter

    for f in facts:
        diagnostics.extend(f.diagnostics)
    interp = Interpreter(facts, names)
    try:
        interp.run()
    except Exception as exc:  # a reader bug must cost a diagnostic, not the whole map
        interp.diag("warning", "", 0, f"the static reader stopped early ({type(exc).__name__})")
    try:
        composed = Composer(interp).compose()
    except Exception as exc:
        interp.diag(
            "warning", "", 0, f"the static reader could not compose the map ({type(exc).__name__})"
        )
        composed = Composed()
    diagnostics.extend(interp.diagnostics)
    diagnostics.sort(key=lambda d: (d.file, d.line, d.message))
    return ProjectMap(
        root=root,
        apps=composed.apps,
        blueprints=composed.blueprints,
        routes=composed.routes,
        hooks=composed.hooks,
        diagnostics=diagnostics,
        files=list(files),
    )


def _extract_one(job: tuple[str, str, bool, bytes]) -> FileFacts:
    rel, module, is_package, data = job
    return extract_facts(rel, module, is_package, data)


def _extract_all(todo: list[tuple[str, str, bool]], datas: dict[str, bytes]) -> list[FileFacts]:
    total = sum(len(datas[rel]) for rel, _, _ in todo)
    jobs = [(rel, module, is_pkg, datas[rel]) for rel, module, is_pkg in todo]
    workers = min(2, os.cpu_count() or 1)
    if os.environ.get("ARCHITECT_WORKERS", "").isdigit():
        workers = int(os.environ["ARCHITECT_WORKERS"])
    if workers > 1 and len(todo) >= PARALLEL_MIN_FILES and total >= PARALLEL_MIN_BYTES:
        try:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor  # only here: ~0.1 s to import

            # spawn, not fork: the TUI calls this from a worker thread, and forking a threaded
            # process can deadlock; spawned workers only import the light facts module.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                return list(pool.map(_extract_one, jobs, chunksize=32))
        except (OSError, RuntimeError, ImportError, ValueError):
            # No processes available (sandbox), or a host that replaced sys.stderr with an
            # object whose fileno() is -1 (Textual does: spawn then refuses the fds): read here.
            pass
    return [_extract_one(job) for job in jobs]


def _module_names(files: list[str], root_name: str) -> dict[str, list[str]]:
    """Each file's import names: from its package root first, then from the project root.

    The package root is the nearest folder without ``__init__.py`` (so ``src/`` layouts and
    script folders work); the path from the project root is kept as an alias for namespace
    packages (folders without ``__init__.py`` that are imported as packages).
    """
    packages = {f.rsplit("/", 1)[0] for f in files if f.endswith("/__init__.py")}
    out: dict[str, list[str]] = {}
    for rel in files:
        parts = rel.split("/")
        # The import root is the parent of the topmost package folder above the file, so
        # folders without __init__.py inside a package (namespace packages) stay in the name.
        start = len(parts) - 1
        for depth in range(1, len(parts)):
            if "/".join(parts[:depth]) in packages:
                start = depth - 1
                break
        local = "/".join(parts[start:])
        own, _ = module_name(local)
        full, _ = module_name(rel)
        aliases = [own]
        if full != own:
            aliases.append(full)
        if parts[0] == "src" and len(parts) > 1:
            src_name, _ = module_name("/".join(parts[1:]))
            if src_name not in aliases:
                aliases.append(src_name)
        out[rel] = [a for a in aliases if a] or [root_name]
    return out

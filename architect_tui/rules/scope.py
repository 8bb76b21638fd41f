"""What the rules must read to judge a few files: the files, what they import, and the app.

An offline review of one route used to parse every file of the project with LibCST (about a
minute and 500 MB on a 100k-line project). The rules need less: the selected files, the project
modules they import (a view's decorators, models, extensions, its blueprint, the other side of
an import cycle), and the files that shape the requests of the routes defined there (the hooks
and error handlers of their pipeline, the factory that registers them), since FLK302/FLK304/
FLK306 ask what the app does with errors. Imports are read with ``ast`` (guarded by ``pycheck``), which costs a fraction of a
LibCST parse.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

from architect_tui.analysis.model import ProjectMap
from architect_tui.analysis.pycheck import parse
from architect_tui.analysis.sources import SourceError, read_source
from architect_tui.rules.facts import module_name

#: Import hops followed from the selected files: their imports, and those modules' imports
#: (a view -> its blueprint package -> the extensions it registers).
DEPTH = 2


def scope_files(project: ProjectMap, files: Iterable[str], depth: int = DEPTH) -> list[str]:
    """``files`` plus what the rules need to judge them, as project-relative paths."""
    known = set(project.files)
    by_module = {module_name(f): f for f in known}
    chosen = {f for f in files if f in known}
    # the pipeline of the routes defined there (hooks, error handlers) and where they are
    # registered (the factory): only the app these routes belong to, not every app of a
    # monorepo
    for route in [r for r in project.routes if r.span.file in chosen]:
        chosen |= {h.span.file for h in route.hooks}
        if route.registered_at is not None:
            chosen.add(route.registered_at.file)
        blueprint = project.blueprint_by_name(route.blueprint) if route.blueprint else None
        if blueprint is not None and blueprint.registered_at is not None:
            chosen.add(blueprint.registered_at.file)
    frontier = set(chosen)
    for _ in range(depth):
        found: set[str] = set()
        for rel in frontier:
            for module in _imports(project, rel):
                path = _resolve(module, by_module)
                if path is not None and path not in chosen:
                    found.add(path)
        chosen |= found
        frontier = found
    return sorted(f for f in chosen if f in known)


def _resolve(module: str, by_module: dict[str, str]) -> str | None:
    """``pkg.mod`` or ``pkg.mod.name`` (a name imported from a module) to a project file."""
    while module:
        if module in by_module:
            return by_module[module]
        module = module.rpartition(".")[0]
    return None


def _imports(project: ProjectMap, rel: str) -> set[str]:
    try:
        text = read_source(project.root / rel)
    except SourceError:
        return set()
    tree = parse(text, rel)
    if not isinstance(tree, ast.Module):
        return set()
    package = (
        module_name(rel) if rel.endswith("__init__.py") else module_name(rel).rpartition(".")[0]
    )
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package
                for _ in range(node.level - 1):
                    parent = parent.rpartition(".")[0]
                base = ".".join(p for p in (parent, base) if p)
            out |= {f"{base}.{alias.name}" for alias in node.names} | {base}
    return out

"""The project's import graph: which module-level imports close a cycle.

Only module-level imports count (an import inside a function runs later and is the usual way
out of a cycle); a blueprint package importing its own views at the bottom is Flask's
documented layout and is left out unless the package builds an app at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from architect_tui.rules.facts import ProjectFacts


def edge_target(facts: ProjectFacts, name: str) -> str | None:
    while name:
        if name in facts.modules:
            return name
        name = name.rpartition(".")[0]
    return None


def import_cycles(facts: ProjectFacts) -> dict[tuple[str, str], list[str]]:
    """Module-level import edges that lie on a cycle, each with one cycle through it."""
    graph: dict[str, set[str]] = {m: set() for m in facts.modules}
    for f in facts.files.values():
        for name, line in f.imports:
            target = edge_target(facts, name)
            if target and target != f.module:
                graph[f.module].add(target)
                facts.edge_lines.setdefault((f.module, target), []).append(
                    (line, line in f.late_imports)
                )
    # A blueprint package importing its own views at the bottom (and the views importing the
    # blueprint back) is Flask's documented layout and works in any import order; drop those
    # edges unless the package builds an app at import time (the app <-> views cycle).
    for module in list(graph):
        path = facts.modules[module]
        if not path.endswith("__init__.py") or facts.files[path].module_level_apps:
            continue
        for child in list(graph[module]):
            if child.startswith(module + ".") and module in graph.get(child, set()):
                graph[module].discard(child)
                graph[child].discard(module)
    edges: dict[tuple[str, str], list[str]] = {}
    for component in _strongly_connected(graph):
        if len(component) < 2:
            continue
        for src in component:
            for dst in graph[src] & component:
                edges[(src, dst)] = _path(graph, dst, src, component)
    return edges


def _path(graph: dict[str, set[str]], start: str, goal: str, within: set[str]) -> list[str]:
    """Shortest path start -> goal inside one component (BFS), to show the cycle."""
    previous: dict[str, str | None] = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == goal:
            break
        for nxt in sorted(graph[node] & within):
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    path: list[str] = []
    node: str | None = goal
    while node is not None:
        path.append(node)
        node = previous.get(node)
    return list(reversed(path))


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative so a deep project cannot hit the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: list[set[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    item = stack.pop()
                    on_stack.discard(item)
                    component.add(item)
                    if item == node:
                        break
                result.append(component)
    return result

"""FLK501: module-level imports that form a cycle among project modules."""

from __future__ import annotations

import itertools

import libcst as cst
from libcst.metadata import PositionProvider

from architect_tui.rules.base import Example, Rule
from architect_tui.rules.import_graph import edge_target


class ImportCycle(Rule):
    id = "FLK501"
    title = "Circular import between project modules"
    severity = "medium"
    category = "structure"
    rationale = (
        "Modules that import each other at import time work only in one import order: the "
        "other order raises ImportError on a half-initialised module, typically in a test or a "
        "script. Move the shared code into a module both import, or import inside the function."
    )
    VALID = (
        Example(
            "",
            path="shop/a.py",
            files={
                "shop/a.py": "from shop import b\n",
                "shop/b.py": "def f():\n    from shop import a\n",
            },
        ),
    )
    INVALID = (
        Example(
            "",
            path="shop/a.py",
            files={
                "shop/a.py": "from shop.b import g\ndef f(): ...\n",
                "shop/b.py": "from shop.a import f\ndef g(): ...\n",
            },
        ),
        Example(
            "",
            path="shop/__init__.py",
            files={
                "shop/__init__.py": "from flask import Flask\napp = Flask(__name__)\nfrom shop import views\n",
                "shop/views.py": "from shop import app\n@app.get('/')\ndef i(): ...\n",
            },
        ),
    )

    def _check(self, node: cst.Import | cst.ImportFrom) -> None:
        facts = self.context.facts
        mine = self.context.file
        line = self.get_metadata(PositionProvider, node).start.line
        for name, at in mine.imports:
            if at != line:
                continue
            target = edge_target(facts, name)
            cycle = facts.cycle_edges.get((mine.module, target or ""))
            if cycle and self._blame(mine.module, target or "", cycle, line):
                self.report(node, "Circular import: " + " -> ".join([mine.module, *cycle]))
                return

    def _blame(self, src: str, dst: str, cycle: list[str], line: int) -> bool:
        """Report the late import that hides the cycle (the one after the module's code, which
        only works in one import order); when no import of the cycle is late, report it once."""
        lines = self.context.facts.edge_lines
        if any(late for at, late in lines.get((src, dst), []) if at == line):
            return True
        edges = [(src, dst), *itertools.pairwise(cycle)]
        if any(late for edge in edges for _, late in lines.get(edge, [])):
            return False
        # no import of the cycle is late: report it once, from the module first by name, not
        # once per module it runs through
        return src == min([src, *cycle])

    def visit_Import(self, node: cst.Import) -> None:
        self._check(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._check(node)

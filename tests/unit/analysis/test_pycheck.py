"""The shared validator: what is safe to parse, and which problems a change introduces."""

from __future__ import annotations

import subprocess
import sys

import pytest

from architect_tui.analysis import pycheck

HOSTILE = {
    "nested_parens": "x = " + "(" * 2000 + "1" + ")" * 2000 + "\n",
    "chained_calls": "x = a" + ".b()" * 20000 + "\n",
    "long_sum": "x = " + "+".join(["1"] * 50000) + "\n",
    "nested_lists_over_lines": "x = " + "[\n" * 3000 + "]\n" * 3000,
    "continued_chain": "x = (a\n" + "    + b\n" * 5000 + ")\n",
    "and_chain": "x = " + " and ".join(["a"] * 3000) + "\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_guard_refuses_what_crashes_libcst(name: str) -> None:
    """Each hostile shape is refused as too complex before any parser sees it."""
    problem = pycheck.guard(HOSTILE[name])
    assert problem is not None and problem.kind == "too_complex"
    assert problem.blocking


def test_the_limit_is_below_what_libcst_visits_safely() -> None:
    """Whatever the guard lets through, LibCST parses and a metadata visitor walks (no crash)."""
    near = {
        "calls": "x = a" + ".b()" * (pycheck.MAX_DEPTH - 5) + "\n",
        "sum": "x = " + "+".join(["1"] * (pycheck.MAX_DEPTH - 5)) + "\n",
        "parens": "x = " + "(" * (pycheck.MAX_DEPTH - 5) + "1" + ")" * (pycheck.MAX_DEPTH - 5),
    }
    script = (
        "import sys, libcst as cst\n"
        "from libcst.metadata import MetadataWrapper, PositionProvider\n"
        "class V(cst.CSTVisitor):\n    METADATA_DEPENDENCIES = (PositionProvider,)\n"
        "MetadataWrapper(cst.parse_module(sys.stdin.read())).visit(V())\n"
    )
    for name, src in near.items():
        assert pycheck.guard(src) is None, name
        done = subprocess.run(
            [sys.executable, "-c", script], input=src, text=True, capture_output=True, timeout=60
        )
        assert done.returncode == 0, (name, done.stderr[-300:])


def test_ordinary_code_passes_including_wide_literals() -> None:
    """Large flat literals, deep-ish real code and brackets inside strings are not refused."""
    wide = "TABLE = {" + ", ".join(f"'k{i}': ({i}, 'v')" for i in range(20000)) + "}\n"
    strings = "S = '" + "(" * 5000 + "'\nT = '''" + "[" * 5000 + "'''\n# " + "(" * 5000 + "\n"
    real = "def f(a):\n    if a:\n        for x in a:\n            return g(x).h(1).i(2)\n"
    for src in (wide, strings, real):
        assert pycheck.guard(src) is None
        assert pycheck.check_source(src) == [] or all(
            p.kind == "undefined_name" for p in pycheck.check_source(src)
        )


def test_nul_and_size() -> None:
    """A NUL byte is binary; an oversized source is refused without being read further."""
    assert pycheck.guard("x = 1\n\x00\n").kind == "binary"
    assert pycheck.guard("x = 1\n" * (pycheck.MAX_SOURCE_CHARS // 6 + 1)).kind == "too_large"


def test_parse_never_raises() -> None:
    """Syntax errors and over-deep sources come back as problems, never exceptions."""
    bad = pycheck.parse("def f(:\n    pass\n")
    assert isinstance(bad, pycheck.CodeProblem) and bad.kind == "syntax" and bad.line == 1
    deep = pycheck.parse(HOSTILE["chained_calls"])
    assert isinstance(deep, pycheck.CodeProblem) and deep.kind == "too_complex"


def test_new_problems_names_what_a_change_breaks() -> None:
    """A shadowing import and a use without its import are new; what was there already is not."""
    before = (
        "from flask import abort\n"
        "def f():\n"
        "    undefined_before()\n"
        "    abort(400)\n"
    )
    after = (
        "from flask import abort\n"
        "from flask_restful import abort\n"
        "def f():\n"
        "    undefined_before()\n"
        "    current_app.logger.info('x')\n"
        "    abort(400)\n"
    )
    found = {(p.kind, p.name) for p in pycheck.new_problems(before, after)}
    assert found == {("redefined_while_unused", "abort"), ("undefined_name", "current_app")}
    assert all(p.blocking for p in pycheck.new_problems(before, after))


def test_new_problems_counts_uses() -> None:
    """An unused import that a change adds is reported but does not block."""
    added = pycheck.new_problems("x = 1\n", "import os\nx = 1\n")
    assert [(p.kind, p.name, p.blocking) for p in added] == [("unused_import", "os", False)]
    assert pycheck.new_problems("import os\nos.getcwd()\n", "import os\nos.getcwd()\n") == []


def test_a_broken_result_is_new_but_a_broken_start_is_not_blamed() -> None:
    """Breaking the syntax is a new problem; keeping an already broken file broken is not."""
    assert [p.kind for p in pycheck.new_problems("x = 1\n", "x = (\n")] == ["syntax"]
    assert pycheck.new_problems("x = (\n", "y = (\n") == []

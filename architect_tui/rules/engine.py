"""The rule engine: parse each file once, collect facts, run every rule in one batched pass.

``check_sources`` is the pure core (text in, violations and fixed text out) that the examples
test drives; ``check_project`` adds file discovery, settings and the optional project map.
Fixes are applied in one transform per file; a fix whose result does not parse is dropped (the
finding stays, without a fix), so a diff the engine hands out always yields valid Python.
"""

from __future__ import annotations

import difflib
import re
import tokenize
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import libcst as cst
from libcst.metadata import MetadataWrapper

from architect_tui.rules._util import file_tables
from architect_tui.rules.base import Rule, RuleContext, Violation
from architect_tui.rules.facts import (
    FileFacts,
    ProjectFacts,
    collect_file_facts,
    collect_project_facts,
)

if TYPE_CHECKING:
    from architect_tui.analysis.model import ProjectMap

_IGNORE = re.compile(r"#\s*architect:\s*ignore(?:\[(?P<ids>[^\]]*)\])?", re.IGNORECASE)
SKIP_DIRS = {
    ".git",
    ".hg",
    ".venv",
    "venv",
    "env",
    ".env",
    "node_modules",
    "__pycache__",
    "build",
    "dist",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "site-packages",
    "migrations",
    "tests",
    "test",
    ".architect",
}


@dataclass(slots=True)
class ParseError:
    file: str
    line: int
    message: str


@dataclass(slots=True)
class CheckResult:
    """Violations (sorted by file and line), the fixed text of each fixable file, parse errors."""

    violations: list[Violation] = field(default_factory=list)
    originals: dict[str, str] = field(default_factory=dict)
    fixed: dict[str, str] = field(default_factory=dict)
    errors: list[ParseError] = field(default_factory=list)
    files: int = 0
    modules: dict[str, cst.Module] = field(default_factory=dict, repr=False)

    def diff(self, files: Iterable[str] | None = None) -> str:
        """One git-style unified diff per fixed file, all in one string."""
        wanted = sorted(self.fixed) if files is None else sorted(set(files) & set(self.fixed))
        return "".join(unified_diff(p, self.originals[p], self.fixed[p]) for p in wanted)

    def diff_for(self, violations: Iterable[Violation]) -> str:
        """The diff of only these violations' fixes (a review of one route fixes that route)."""
        by_file: dict[str, list[Violation]] = {}
        for v in violations:
            if v.fix is not None and v.file in self.modules:
                by_file.setdefault(v.file, []).append(v)
        out = []
        for path in sorted(by_file):
            code = _apply_fixes(self.modules[path], by_file[path])
            if code is not None and code != self.originals[path]:
                out.append(unified_diff(path, self.originals[path], code))
        return "".join(out)


def unified_diff(path: str, before: str, after: str) -> str:
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    lines = list(difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}", n=3))
    out: list[str] = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def discover(root: Path) -> list[str]:
    """Project Python files, relative and POSIX, skipping envs, caches and test code."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if any(part in SKIP_DIRS or part.startswith(".") for part in rel.parts[:-1]):
            continue
        name = rel.name
        if name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py":
            continue
        found.append(rel.as_posix())
    return found


def check_sources(
    sources: Mapping[str, str],
    *,
    rules: Sequence[type[Rule]] | None = None,
    project: ProjectMap | None = None,
    ignore: Iterable[str] = (),
    only: Iterable[str] | None = None,
    fixes: bool = True,
) -> CheckResult:
    """Run ``rules`` (default: all) over in-memory files; ``only`` limits the files reported.

    With ``fixes`` (the default) every file's fixes are applied and checked now (``fixed``,
    ``diff()``, ``Violation.fixed``); without, only on demand through ``diff_for`` (a CI check
    that prints findings does not pay for transforms it never shows)."""
    from architect_tui.rules.registry import ALL_RULES

    active = [r for r in (rules or ALL_RULES) if not _ignored(r, ignore)]
    result = CheckResult(originals=dict(sources), files=len(sources))
    wrappers: dict[str, MetadataWrapper] = {}
    file_facts: dict[str, FileFacts] = {}
    for path, text in sources.items():
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError as exc:
            result.errors.append(ParseError(path, exc.raw_line, str(exc).splitlines()[0]))
            continue
        except Exception as exc:  # LibCST raises a few other types on odd encodings
            result.errors.append(ParseError(path, 0, f"cannot parse: {exc}"))
            continue
        wrappers[path] = MetadataWrapper(module, unsafe_skip_copy=True)
        file_facts[path] = collect_file_facts(path, wrappers[path])
    facts = collect_project_facts(file_facts, project)
    wanted = set(sources) if only is None else set(only)
    for path, wrapper in wrappers.items():
        if path not in wanted:
            continue
        result.modules[path] = wrapper.module
        violations = _run_file(path, sources[path], wrapper, facts, project, active, result.errors)
        result.violations.extend(violations)
        fixed = _apply_fixes(wrapper.module, [v for v in violations if v.fix]) if fixes else None
        if fixed is not None and fixed != sources[path]:
            result.fixed[path] = fixed
    result.violations.sort(key=lambda v: (v.file, v.line, v.column, v.rule))
    return result


def _ignored(rule: type[Rule], ignore: Iterable[str]) -> bool:
    keys = {i.strip().upper() for i in ignore}
    return rule.id.upper() in keys or rule.category.upper() in keys


def _run_file(
    path: str,
    source: str,
    wrapper: MetadataWrapper,
    facts: ProjectFacts,
    project: ProjectMap | None,
    rules: Sequence[type[Rule]],
    crashes: list[ParseError],
) -> list[Violation]:
    context = RuleContext(
        path=path,
        source=source,
        facts=facts,
        file=facts.files[path],
        project=project,
        wrapper=wrapper,
    )
    with file_tables(context.file.children):
        instances = _visit(wrapper, rules, context, crashes)
    lines = source.splitlines()
    out: list[Violation] = []
    seen: set[tuple[str, int, int, str]] = set()
    for rule in instances:
        for v in rule.violations:
            key = (v.rule, v.line, v.column, v.message)
            if key in seen or _silenced(lines, v):
                continue
            seen.add(key)
            out.append(v)
    return out


def _visit(
    wrapper: MetadataWrapper,
    rules: Sequence[type[Rule]],
    context: RuleContext,
    crashes: list[ParseError],
) -> list[Rule]:
    """All rules in one batched pass; if one raises, each alone, keeping the others' work."""
    instances = [rule(context) for rule in rules]
    try:
        wrapper.visit_batched(instances)
        return instances
    except Exception:
        # One rule tripped on code it did not expect: rerun each rule alone so the others
        # still report, and name the one that failed instead of losing the whole file.
        instances = []
        for rule in rules:
            single = rule(context)
            try:
                wrapper.visit_batched([single])
            except Exception as exc:
                crashes.append(ParseError(context.path, 0, f"rule {rule.id} failed here: {exc!r}"))
                continue
            instances.append(single)
        return instances


def _silenced(lines: list[str], v: Violation) -> bool:
    """``# architect: ignore[RULE]`` (or a bare ``ignore``) on the line or the line before."""
    for number in {v.line, v.line - 1, v.end_line}:
        if 1 <= number <= len(lines):
            for m in _IGNORE.finditer(lines[number - 1]):
                ids = m["ids"]
                if ids is None or v.rule.upper() in {i.strip().upper() for i in ids.split(",")}:
                    return True
    return False


class _FixApplier(cst.CSTTransformer):
    """Replaces each reported node with its fix applied to the *updated* node."""

    def __init__(self, fixes: dict[cst.CSTNode, list[Violation]]) -> None:
        super().__init__()
        self.fixes = fixes

    def on_leave(
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode]:
        result: cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode] = updated_node
        for violation in self.fixes.get(original_node, ()):
            if isinstance(result, cst.CSTNode) and violation.fix is not None:
                result = violation.fix(result)
        return result


def _transform(module: cst.Module, violations: Sequence[Violation]) -> str | None:
    fixes: dict[cst.CSTNode, list[Violation]] = {}
    for v in violations:
        if v.node is not None:
            fixes.setdefault(v.node, []).append(v)
    try:
        new = module.visit(_FixApplier(fixes))
        imports = [i for v in violations for i in v.imports]
        if imports:
            from libcst.codemod import CodemodContext
            from libcst.codemod.visitors import AddImportsVisitor

            context = CodemodContext()
            for req in imports:
                AddImportsVisitor.add_needed_import(context, req.module, req.obj)
            new = AddImportsVisitor(context).transform_module(new)
        code = new.code
        cst.parse_module(code)
        compile(code, "<fix>", "exec")
    except Exception:  # a fix that cannot be applied or does not parse is dropped
        return None
    return code


def _apply_fixes(module: cst.Module, violations: list[Violation]) -> str | None:
    """All fixes at once; when that fails, each alone, keeping the ones that work."""
    if not violations:
        return None
    code = _transform(module, violations)
    if code is not None:
        for v in violations:
            v.fixed = True
        return code
    good: list[Violation] = [v for v in violations if _transform(module, [v]) is not None]
    code = _transform(module, good) if good else None
    if code is not None:
        for v in good:
            v.fixed = True
    return code


def check_project(
    root: Path,
    *,
    project: ProjectMap | None = None,
    ignore: Iterable[str] = (),
    files: Sequence[str] | None = None,
    only: Iterable[str] | None = None,
    use_map: bool = True,
    fixes: bool = True,
) -> CheckResult:
    """Read the project's files and check them (facts come from every file, findings from
    ``only`` when given). The static reader's map is used when it can be built."""
    if project is None and use_map:
        project = _read_map(root)
    paths = list(files) if files is not None else discover(root)
    sources: dict[str, str] = {}
    errors: list[ParseError] = []
    for rel in paths:
        try:
            # tokenize.open honours a coding cookie and drops a UTF-8 BOM, as Python does
            with tokenize.open(root / rel) as fh:
                sources[rel] = fh.read()
        except (OSError, UnicodeDecodeError, SyntaxError) as exc:
            errors.append(ParseError(rel, 0, f"cannot read: {exc}"))
    result = check_sources(sources, project=project, ignore=ignore, only=only, fixes=fixes)
    result.errors[:0] = errors
    return result


def _read_map(root: Path) -> ProjectMap | None:
    """The project map, or None: the rules work without it (their own facts find views)."""
    try:
        from architect_tui.analysis import read_project

        return read_project(root)
    except Exception:  # a reader failure must not stop the offline rules
        return None

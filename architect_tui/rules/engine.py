"""The rule engine: parse each file once, collect facts, run every rule in one batched pass.

``check_sources`` is the pure core (text in, violations and fixed text out) that the examples
test drives; ``check_project`` adds file discovery, settings and the optional project map.
Fixes are applied in one transform per file; a fix whose result does not parse is dropped (the
finding stays, without a fix), so a diff the engine hands out always yields valid Python.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import libcst as cst
import libcst.helpers
from libcst.metadata import MetadataWrapper

from architect_tui.analysis.pycheck import guard, new_problems
from architect_tui.analysis.sources import SourceError, read_source
from architect_tui.rules._util import file_tables
from architect_tui.rules.base import ImportRequest, Rule, RuleContext, Violation
from architect_tui.rules.facts import (
    FileFacts,
    ProjectFacts,
    collect_file_facts,
    collect_project_facts,
    file_kind,
)
from architect_tui.rules.traverse import Positions, give_positions, parent_table, visit_batched

if TYPE_CHECKING:
    from architect_tui.analysis.model import ProjectMap

_IGNORE = re.compile(r"#\s*architect:\s*ignore(?:\[(?P<ids>[^\]]*)\])?", re.IGNORECASE)
# Marks projects already carry for the same problem: Bandit's ``# nosec`` (bare, or with test
# ids) and ruff/flake8-bandit's noqa marks with S codes (S105). A mark silences only the rules that look for
# what the marked tool looks for (see SAME_PROBLEM); a bare ``# nosec`` silences our security
# rules on that line, as it silences all of Bandit's.
_NOSEC = re.compile(r"#\s*nosec\b(?P<ids>(?:[\s:,]*B\d{3})*)", re.IGNORECASE)
_NOQA = re.compile(r"#\s*noqa\s*:\s*(?P<ids>[A-Z]+\d+(?:[\s,]+[A-Z]+\d+)*)", re.IGNORECASE)
SAME_PROBLEM: dict[str, set[str]] = {
    "FLK101": {"B201", "S201"},
    "FLK102": {"B105", "B106", "B107", "S105", "S106", "S107"},
    "FLK103": {"B105", "B106", "S105", "S106"},
    "FLK104": {"B608", "S608"},
    "FLK105": {"B701", "B704", "S701", "S704"},
    "FLK107": {"B108", "S108"},
    "FLK108": {"B506", "S506"},
    "FLK109": {"B301", "B403", "S301", "S403"},
    "FLK110": {"B501", "S501"},
    "FLK114": {"B303", "B324", "S303", "S324"},
    "FLK117": {"B102", "B307", "B602", "B605", "S102", "S307", "S602", "S605"},
    "FLK301": {"B110", "B112", "S110", "S112", "E722"},
    "FLK303": {"T201"},
    "FLK307": {"B113", "S113"},
}
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
    facts: dict[str, FileFacts] = field(default_factory=dict, repr=False)
    # facts of the files parsed by this check, without trees (``keep_facts``): for the cache
    read_facts: dict[str, FileFacts] = field(default_factory=dict, repr=False)

    def diff(self, files: Iterable[str] | None = None) -> str:
        """One git-style unified diff per fixed file, all in one string (every fix, autofixes
        and suggestions alike: what the examples and ``check --format json`` compute)."""
        wanted = sorted(self.fixed) if files is None else sorted(set(files) & set(self.fixed))
        return "".join(unified_diff(p, self.originals[p], self.fixed[p]) for p in wanted)

    def diff_for(self, violations: Iterable[Violation], kind: str | None = "autofix") -> str:
        """The diff of only these violations' fixes (a review of one route fixes that route),
        of one ``fix_kind`` (default: autofixes only, what "accept all" may apply; None: all)."""
        by_file: dict[str, list[Violation]] = {}
        for v in violations:
            if v.fix is not None and v.file in self.modules and kind in {None, v.fix_kind}:
                by_file.setdefault(v.file, []).append(v)
        out = []
        for path in sorted(by_file):
            every_fix = {id(v) for v in self.violations if v.file == path and v.fix is not None}
            if path in self.fixed and {id(v) for v in by_file[path]} == every_fix:
                # the same fixes check_sources already applied together: do not transform again
                out.append(unified_diff(path, self.originals[path], self.fixed[path]))
                continue
            code = _apply_fixes(self.modules[path], by_file[path], self.facts.get(path))
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
    """Project Python files, relative and POSIX: the files the map reads (``analysis.sources``:
    git's view of the tree, virtualenvs and build output skipped, no symlink loops), without
    tests and migrations, which the rules do not judge."""
    from architect_tui.analysis.sources import list_python_files

    found: list[str] = []
    for rel in list_python_files(root).files:
        parts = rel.split("/")
        if any(part in SKIP_DIRS or part.startswith(".") for part in parts[:-1]):
            continue
        if file_kind(rel) in {"test", "migration"}:
            continue
        found.append(rel)
    return found


# Characters of source (about 60k lines) above which read_files does not keep positions for
# the second phase. Kept, they cost about 57 MB per million characters beside the trees' 41:
# below this a check stays under 300 MB with them.
POSITIONS_KEPT_BELOW = 2_000_000


@dataclass(slots=True)
class ParsedFile:
    """One file after the first phase: its tree, positions and facts."""

    module: cst.Module
    positions: Positions | None  # None: dropped to save memory, computed again when judged
    facts: FileFacts


def read_files(
    sources: Mapping[str, str], paths: Iterable[str], errors: list[ParseError]
) -> dict[str, ParsedFile]:
    """Phase one: parse each file once, compute its positions and facts. A file LibCST cannot
    take (syntax error, nesting that would crash it) becomes an error, not an exception.
    Call it inside ``long_lived()``: each tree is frozen out of the cyclic GC as it is read.

    On a large project the positions are not kept for the second phase but computed again
    there, one file at a time: they are the biggest table (an integer per node), and kept
    for every file they would double a 100k-line check's memory."""
    paths = list(paths)
    keep_positions = sum(len(sources[p]) for p in paths) < POSITIONS_KEPT_BELOW
    parsed: dict[str, ParsedFile] = {}
    for path in paths:
        text = sources[path]
        problem = guard(text)
        if problem is not None:  # LibCST would crash (segfault) or recurse without end
            errors.append(ParseError(path, problem.line, f"skipped: {problem.message}"))
            continue
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError as exc:
            errors.append(ParseError(path, exc.raw_line, str(exc).splitlines()[0]))
            continue
        except Exception as exc:  # LibCST raises a few other types on odd encodings
            errors.append(ParseError(path, 0, f"cannot parse: {exc}"))
            continue
        try:
            positions = Positions(module)
            facts = collect_file_facts(path, module, positions, text)
        except RecursionError:
            errors.append(ParseError(path, 0, "skipped: nested too deeply to analyse"))
            continue
        parsed[path] = ParsedFile(module, positions if keep_positions else None, facts)
        gc.freeze()  # see long_lived
    return parsed


@contextmanager
def long_lived() -> Iterator[None]:
    """Trees live until the check ends and hold no cycles: frozen out of the cyclic GC, which
    would otherwise scan every node again at each full collection (a fifth of the time on a
    30k-line project). Unfrozen afterwards, so that nothing stays exempt."""
    try:
        yield
    finally:
        gc.unfreeze()


def active_rules(rules: Sequence[type[Rule]] | None, ignore: Iterable[str]) -> list[type[Rule]]:
    from architect_tui.rules.registry import ALL_RULES

    return [r for r in (rules or ALL_RULES) if not _ignored(r, ignore)]


def check_sources(
    sources: Mapping[str, str],
    *,
    rules: Sequence[type[Rule]] | None = None,
    project: ProjectMap | None = None,
    ignore: Iterable[str] = (),
    only: Iterable[str] | None = None,
    fixes: bool = True,
    known: Mapping[str, FileFacts] | None = None,
    keep_facts: bool = False,
) -> CheckResult:
    """Run ``rules`` (default: all) over in-memory files; ``only`` limits the files reported.

    With ``fixes`` (the default) every file's fixes are applied and checked now (``fixed``,
    ``diff()``, ``Violation.fixed``); without, only on demand through ``diff_for`` (a CI check
    that prints findings does not pay for transforms it never shows). A file outside ``only``
    whose facts are ``known`` (stored by an earlier check) is not parsed; ``keep_facts``
    returns the facts of the files parsed now in ``read_facts``, for storing."""
    active = active_rules(rules, ignore)
    result = CheckResult(originals=dict(sources), files=len(sources))
    wanted = set(sources) if only is None else set(only)
    known = {p: f for p, f in (known or {}).items() if p not in wanted}
    with long_lived():
        parsed = read_files(sources, [p for p in sources if p not in known], result.errors)
        if keep_facts:
            result.read_facts = {p: f.facts.without_trees() for p, f in parsed.items()}
        facts = collect_project_facts(joined(sources, parsed, known), project)
        facts.sources = sources
        for path, file in parsed.items():
            if path not in wanted:
                continue
            result.modules[path] = file.module
            result.facts[path] = facts.files[path]
            found = check_file(path, sources[path], file, facts, project, active, result.errors)
            result.violations.extend(found)
            fixed = (
                _apply_fixes(file.module, [v for v in found if v.fix], facts.files[path])
                if fixes
                else None
            )
            if fixed is not None and fixed != sources[path]:
                result.fixed[path] = fixed
    result.violations.sort(key=violation_order)
    return result


def joined(
    sources: Mapping[str, str], parsed: Mapping[str, ParsedFile], known: Mapping[str, FileFacts]
) -> dict[str, FileFacts]:
    """Every file's facts, from this check's parse or from elsewhere (the cache, the other
    workers), in the sources' order: reports list siblings in that order."""
    every: dict[str, FileFacts] = {}
    for path in sources:
        file = parsed.get(path)
        if file is not None:
            every[path] = file.facts
        elif path in known:
            every[path] = known[path]
    return every


def violation_order(v: Violation) -> tuple[str, int, int, str]:
    return (v.file, v.line, v.column, v.rule)


def _ignored(rule: type[Rule], ignore: Iterable[str]) -> bool:
    keys = {i.strip().upper() for i in ignore}
    return rule.id.upper() in keys or rule.category.upper() in keys


def check_file(
    path: str,
    source: str,
    file: ParsedFile,
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
        # scopes and qualified names are resolved through LibCST only when a rule asks
        wrapper=MetadataWrapper(file.module, unsafe_skip_copy=True),
    )
    positions = file.positions or Positions(file.module)
    with file_tables(source, positions):
        context.file.parents = parent_table(file.module)
        try:
            instances = _visit(file.module, positions, rules, context, crashes)
        finally:
            context.file.parents = {}
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
    module: cst.Module,
    positions: Positions,
    rules: Sequence[type[Rule]],
    context: RuleContext,
    crashes: list[ParseError],
) -> list[Rule]:
    """All rules in one batched pass; if one raises, each alone, keeping the others' work."""

    def ready(rule: type[Rule]) -> Rule:
        instance = rule(context)
        give_positions(instance, positions)
        return instance

    instances = [ready(rule) for rule in rules]
    try:
        visit_batched(module, instances)
        return instances
    except Exception:
        # One rule tripped on code it did not expect: rerun each rule alone so the others
        # still report, and name the one that failed instead of losing the whole file.
        instances = []
        for rule in rules:
            single = ready(rule)
            try:
                visit_batched(module, [single])
            except Exception as exc:
                crashes.append(ParseError(context.path, 0, f"rule {rule.id} failed here: {exc!r}"))
                continue
            instances.append(single)
        return instances


def _silenced(lines: list[str], v: Violation) -> bool:
    """``# architect: ignore[RULE]`` (or a bare ``ignore``) on the line or the line before;
    ``# nosec`` / ``# noqa: S105`` for the same problem on the finding's own lines."""
    for number in {v.line, v.line - 1, v.end_line}:
        if 1 <= number <= len(lines):
            for m in _IGNORE.finditer(lines[number - 1]):
                ids = m["ids"]
                if ids is None or v.rule.upper() in {i.strip().upper() for i in ids.split(",")}:
                    return True
    same = SAME_PROBLEM.get(v.rule, set())
    for number in {v.line, v.end_line}:
        line = lines[number - 1] if 1 <= number <= len(lines) else ""
        if "#" not in line:
            continue
        for m in _NOSEC.finditer(line):
            ids = set(re.findall(r"B\d{3}", m["ids"].upper()))
            if (not ids and _is_security(v.rule)) or ids & same:
                return True
        for m in _NOQA.finditer(line):
            if set(re.split(r"[\s,]+", m["ids"].upper())) & same:
                return True
    return False


def _is_security(rule_id: str) -> bool:
    from architect_tui.rules.registry import RULES_BY_ID

    rule = RULES_BY_ID.get(rule_id)
    return rule is not None and rule.category == "security"


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


def _transform(
    module: cst.Module, violations: Sequence[Violation], facts: FileFacts | None = None
) -> str | None:
    """The module with these fixes applied, or None when the result would not be safe to
    offer: it must parse and add no undefined, shadowed or redefined name (pyflakes via
    ``pycheck.new_problems``), and an import a fix needs must not clash with a name the file
    already binds to something else (``from flask import abort`` next to flask_restful's)."""
    if facts is not None and any(_clashes(req, facts) for v in violations for req in v.imports):
        return None
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
            had = _from_imports(new)
            new = AddImportsVisitor(context).transform_module(new)
            added = {(i.module, i.obj) for i in imports if i.obj} - had
            if added:
                new = new.visit(_SortedImportNames(added))
        code = new.code
        compile(code, "<fix>", "exec")  # new_problems below parses too; no second LibCST parse
    except Exception:  # a fix that cannot be applied or does not parse is dropped
        return None
    if any(p.blocking for p in new_problems(module.code, code)):
        return None
    return code


def _from_imports(module: cst.Module) -> set[tuple[str, str]]:
    """``(module, name)`` for every top-level ``from module import name``."""
    found: set[tuple[str, str]] = set()
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.ImportFrom) and small.module is not None:
                if isinstance(small.names, cst.ImportStar):
                    continue
                mod = cst.helpers.get_full_name_for_node(small.module) or ""
                for alias in small.names:
                    found.add((mod, cst.helpers.get_full_name_for_node(alias.name) or ""))
    return found


class _SortedImportNames(cst.CSTTransformer):
    """Puts a name a fix added to ``from module import a, b`` in its place when the statement
    was in order before (AddImportsVisitor puts it first): ``abort, current_app, flash``."""

    def __init__(self, added: set[tuple[str, str]]) -> None:
        super().__init__()
        self.added = added

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom:
        if updated_node.module is None or isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        module = cst.helpers.get_full_name_for_node(updated_node.module) or ""
        names = list(updated_node.names)
        ours = {obj for mod, obj in self.added if mod == module}
        if not ours or len(names) < 2:
            return updated_node

        def name(alias: cst.ImportAlias) -> str:
            return cst.helpers.get_full_name_for_node(alias.name) or ""

        rest = [name(a) for a in names if name(a) not in ours]
        # isort's default (upper case first, as ASCII sorts) or plain case-insensitive order
        for key in (str, str.lower):
            if rest == sorted(rest, key=key):
                break
        else:
            return updated_node  # the project's own order: leave it
        ordered = sorted(names, key=lambda a: key(name(a)))
        if ordered == names:
            return updated_node
        last_comma = names[-1].comma
        commas = [a.comma for a in names]
        fixed = [
            a.with_changes(comma=commas[i] if i < len(names) - 1 else last_comma)
            for i, a in enumerate(ordered)
        ]
        if isinstance(fixed[-1].comma, cst.Comma) and not isinstance(last_comma, cst.Comma):
            fixed[-1] = fixed[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(names=fixed)


def _clashes(req: ImportRequest, facts: FileFacts) -> bool:
    """``from module import obj`` would rebind a name the file imports from elsewhere."""
    if req.obj is None:
        bound = facts.aliases.get(req.module.split(".")[0])
        return bound is not None and bound != req.module.split(".")[0]
    bound = facts.aliases.get(req.obj)
    return bound is not None and bound != f"{req.module}.{req.obj}"


def _apply_fixes(
    module: cst.Module, violations: list[Violation], facts: FileFacts | None = None
) -> str | None:
    """All fixes at once; when that fails, each alone, keeping the ones that work."""
    if not violations:
        return None
    code = _transform(module, violations, facts)
    if code is not None:
        for v in violations:
            v.fixed = True
        return code
    good = [v for v in violations if _transform(module, [v], facts) is not None]
    code = _transform(module, good, facts) if good else None
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
    jobs: int = 1,
    use_cache: bool | None = None,
) -> CheckResult:
    """Read the project's files and check them (facts come from every file, findings from
    ``only`` when given). The static reader's map is used when it can be built. With
    ``jobs`` > 1 a large check without fixes runs on that many processes (``parallel``).
    ``use_cache`` (default: when ``only`` is given) takes the facts of unchanged files outside
    ``only`` from the last check's (``facts_cache``) instead of parsing them."""
    paths = list(files) if files is not None else discover(root)
    sources: dict[str, str] = {}
    errors: list[ParseError] = []
    for rel in paths:
        try:
            # as the map reads: regular files only (no FIFO, no /dev/zero behind a symlink),
            # size-capped, decoded like the interpreter (coding cookie, BOM)
            sources[rel] = read_source(root / rel)
        except SourceError as exc:
            errors.append(ParseError(rel, 0, str(exc)))
    known: list[ProjectMap | None] = [project]

    def project_map() -> ProjectMap | None:  # read once, only when asked
        if known[0] is None and use_map:
            known[0] = _read_map(root)
        return known[0]

    cache = stored = None
    if use_cache if use_cache is not None else only is not None:
        from architect_tui.rules.facts_cache import FactsCache

        cache = FactsCache(root)
        stored = cache.known(sources)
    result = None
    # Workers when the check is large and most of it must be parsed anyway: a scoped check
    # whose other files' facts are stored parses little in one process.
    mostly_stored = only is not None and stored is not None and 10 * len(stored) >= 9 * len(sources)
    if not fixes and not mostly_stored:
        from architect_tui.rules import parallel

        if parallel.worth_it(sources, jobs):
            result = parallel.check_in_parallel(
                sources,
                jobs=jobs,
                project=project_map,
                ignore=ignore,
                only=only,
                keep_facts=cache is not None,
            )
    if result is None:
        result = check_sources(
            sources,
            project=project_map(),
            ignore=ignore,
            only=only,
            fixes=fixes,
            known=stored,
            keep_facts=cache is not None,
        )
    if cache is not None:
        cache.remember(sources, result.read_facts)
    result.errors[:0] = errors
    return result


def _read_map(root: Path) -> ProjectMap | None:
    """The project map, or None: the rules work without it (their own facts find views)."""
    try:
        from architect_tui.analysis import read_project

        return read_project(root)
    except Exception:  # a reader failure must not stop the offline rules
        return None

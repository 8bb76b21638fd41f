"""What a rule is: a LibCST visitor with an id, a severity, examples, and optional fixes.

Rules follow Fixit's shape (one rule per module, its own VALID/INVALID examples) but stay
plain: a rule reports ``Violation`` values; a fix is a function that receives the *updated*
node during the engine's single fix transform and returns its replacement, so fixes of nested
nodes compose instead of overwriting each other. Imports a fix needs are requested by name and
added afterwards with ``AddImportsVisitor``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Literal

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
    PositionProvider,
    QualifiedName,
    QualifiedNameProvider,
    Scope,
    ScopeProvider,
)

from architect_tui.rules.facts import dotted, is_main_test
from architect_tui.rules.severity import FindingSeverity
from architect_tui.rules.traverse import visitor_names

if TYPE_CHECKING:
    from architect_tui.analysis.model import ProjectMap
    from architect_tui.rules.facts import FileFacts, FunctionInfo, ProjectFacts

FixKind = Literal["autofix", "suggestion"]
Fix = Callable[[cst.CSTNode], cst.CSTNode | cst.FlattenSentinel | cst.RemovalSentinel]


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """``import module`` (obj None) or ``from module import obj``."""

    module: str
    obj: str | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """A rule's own test case: one file (``code``) or several (``files``, checked file first).

    For an INVALID example with a fix, ``expected`` is the checked file after the fix.
    """

    code: str = ""
    expected: str | None = None
    path: str = "app.py"
    files: Mapping[str, str] = field(default_factory=dict)

    def sources(self) -> dict[str, str]:
        out = {self.path: self.code} if self.code else {}
        out.update(self.files)
        return out


@dataclass(slots=True)
class Violation:
    """One finding of one rule in one file, before it becomes a ``Finding``."""

    rule: str
    file: str
    line: int
    column: int
    end_line: int
    message: str
    node: cst.CSTNode | None = None
    fix: Fix | None = None
    imports: tuple[ImportRequest, ...] = ()
    fixed: bool = False  # set by the engine when the fix was applied and the result checked
    # None: the rule's default. Rules raise it only with evidence (request data reaching the
    # sink, a literal secret in production config) and lower it for advice.
    severity: FindingSeverity | None = None
    # "autofix": keeps behaviour, applied by "accept all" and fixes-only paths. "suggestion":
    # changes public behaviour (a status code, a required environment variable): offered as a
    # diff the user takes or leaves, never applied wholesale.
    fix_kind: FixKind = "autofix"

    @property
    def suggestion(self) -> bool:
        return self.fix_kind == "suggestion"


@dataclass(slots=True)
class RuleContext:
    """What a rule may read besides the syntax tree of its file."""

    path: str  # project-relative, POSIX
    source: str
    facts: ProjectFacts
    file: FileFacts
    project: ProjectMap | None = None
    wrapper: MetadataWrapper | None = None
    _lookup: _ScopeLookup | None = None

    def lookup(self) -> _ScopeLookup:
        """Qualified names and scopes of this file, resolved on first use: scope analysis is
        the costliest metadata, and most files never call anything a rule looks for."""
        if self._lookup is None:
            self._lookup = _ScopeLookup()
            if self.wrapper is not None:
                self._lookup.metadata = self.wrapper.resolve_many(
                    self._lookup.get_inherited_dependencies()
                )
        return self._lookup


class _ScopeLookup(cst.MetadataDependent):
    """Holds the lazily resolved QualifiedNameProvider/ScopeProvider tables of one file."""

    METADATA_DEPENDENCIES = (QualifiedNameProvider, ScopeProvider)

    def qualified(self, node: cst.CSTNode) -> Collection[QualifiedName]:
        if not self.metadata:
            return ()
        return self.get_metadata(QualifiedNameProvider, node, set())

    def scope(self, node: cst.CSTNode) -> Scope | None:
        if not self.metadata:
            return None
        return self.get_metadata(ScopeProvider, node, None)


class Rule(cst.BatchableCSTVisitor):
    """Base class: subclasses set the class attributes and implement ``visit_*`` methods."""

    id: ClassVar[str]
    title: ClassVar[str]
    severity: ClassVar[FindingSeverity]
    category: ClassVar[str]
    rationale: ClassVar[str]
    #: what the rule's fixes are (see ``Violation.fix_kind``); a report may say otherwise
    fix_kind: ClassVar[FixKind] = "autofix"
    VALID: ClassVar[tuple[Example, ...]] = ()
    INVALID: ClassVar[tuple[Example, ...]] = ()

    # Positions for every file; qualified names and scopes on demand (RuleContext).
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, context: RuleContext) -> None:
        super().__init__()
        self.context = context
        self.violations: list[Violation] = []

    def get_visitors(self) -> dict[str, Callable[..., object]]:
        """LibCST's version runs inspect.getmembers per instance (per file); the names depend
        only on the class, so they are looked up once per class."""
        return {name: getattr(self, name) for name in visitor_names(type(self))}

    # ---- helpers shared by rules ------------------------------------------------------------

    def report(
        self,
        node: cst.CSTNode,
        message: str | None = None,
        *,
        fix: Fix | None = None,
        imports: tuple[ImportRequest, ...] = (),
        at: cst.CSTNode | None = None,
        severity: FindingSeverity | None = None,
        fix_kind: FixKind | None = None,
    ) -> None:
        """Report ``node`` (the node ``fix`` replaces); ``at`` moves the reported position to a
        more telling node (the f-string line of a multi-line call, a view's route decorator);
        ``severity`` overrides the rule's default for this finding."""
        pos = self.get_metadata(PositionProvider, at or node)
        self.violations.append(
            Violation(
                rule=self.id,
                file=self.context.path,
                line=pos.start.line,
                column=pos.start.column + 1,
                end_line=pos.end.line,
                message=message or self.title,
                node=node,
                fix=fix,
                imports=imports,
                severity=severity,
                fix_kind=fix_kind or self.fix_kind,
            )
        )

    def qnames(self, node: cst.CSTNode, wanted: Collection[str]) -> set[str]:
        """Qualified names of a Name/Attribute/Call's callee (QualifiedNameProvider), when the
        file's imports say it may be one of ``wanted``; else the empty set, cheaply."""
        if isinstance(node, cst.Call):
            node = node.func
        local = dotted(node)
        resolved = self.context.file.resolve(local) if local is not None else None
        if local is None or resolved not in wanted:
            return set()
        if local.split(".")[0] not in self.context.file.rebound:
            # the import is the only binding of the name in this file: the alias table is
            # the answer, without scope analysis (the costliest metadata by far)
            return {resolved}
        return {q.name for q in self.context.lookup().qualified(node)}

    def scope_of(self, node: cst.CSTNode) -> Scope | None:
        return self.context.lookup().scope(node)

    def function_at(self, node: cst.CSTNode) -> FunctionInfo | None:
        """The innermost function (view, hook or helper) that contains ``node``."""
        current: cst.CSTNode | None = node
        while current is not None:
            if isinstance(current, cst.FunctionDef):
                return self.context.file.functions.get(current)
            current = self.context.file.parents.get(id(current))
        return None

    def in_request_code(self, node: cst.CSTNode) -> bool:
        info = self.function_at(node)
        return info is not None and info.request_code

    def in_main_block(self, node: cst.CSTNode) -> bool:
        """Inside ``if __name__ == "__main__":`` (a self-test or a dev runner)."""
        current = self.parent(node)
        while current is not None:
            if isinstance(current, cst.If) and is_main_test(current.test):
                return True
            current = self.parent(current)
        return False

    def off_request_path(self, node: cst.CSTNode) -> bool:
        """Code that never runs inside a request: a CLI command, a background task, start-up,
        a script or a test (per file or per function, see ``FunctionInfo.runs``)."""
        if self.context.file.kind != "code":
            return True
        info = self.function_at(node)
        if info is None:
            return self.in_main_block(node)
        return info.runs not in {"request", "unknown"}

    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        """The parent node, from the map the facts pass builds (cheaper than
        ParentNodeProvider, which costs a full extra traversal)."""
        return self.context.file.parents.get(id(node))

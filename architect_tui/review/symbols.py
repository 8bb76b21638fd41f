"""Follow the names a piece of code uses to their definitions in the project, with ``ast``.

Static only: files are parsed, never imported. A name resolves through the module's own top
level, then its imports (absolute or relative, ``import a.b as c``, ``from .x import y``),
through packages and re-exports in ``__init__.py``, to a ``def``, a ``class`` or a module-level
assignment in a project file. Anything outside the project (Flask, SQLAlchemy) is not followed.
"""

from __future__ import annotations

import ast
import builtins
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

SKIP_DIRS = {
    ".git",
    ".venv",
    "venv",
    "env",
    "node_modules",
    "__pycache__",
    "site-packages",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
    "build",
    "dist",
    ".architect",
}
_BUILTINS = set(dir(builtins))
MAX_FILES = 5000


@dataclass(slots=True)
class Definition:
    file: str
    name: str
    start: int
    end: int
    node: ast.AST


@dataclass(slots=True)
class Module:
    file: str
    name: str
    tree: ast.Module
    top: dict[str, ast.AST] = field(default_factory=dict)  # top-level definitions
    imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # alias -> (mod, attr)


class SymbolIndex:
    """Parses project files on demand and resolves dotted names to definitions.

    ``read_lines(rel)`` returns a file's lines or None (missing, unreadable, or a secrets file
    the caller will not send); ``files`` lists the project's Python files (walked from ``root``
    when empty).
    """

    def __init__(
        self, root: Path, files: list[str], read_lines: Callable[[str], list[str] | None]
    ) -> None:
        self.root = root
        self._files = files
        self.lines = read_lines
        self._modules: dict[str, Module | None] = {}
        self._module_files: dict[str, str] | None = None

    def module(self, rel: str) -> Module | None:
        """The parsed and indexed module for a project file (None if unreadable)."""
        if rel in self._modules:
            return self._modules[rel]
        lines = self.lines(rel)
        mod: Module | None = None
        if lines is not None:
            try:
                tree = ast.parse("\n".join(lines), filename=rel)
            except (SyntaxError, ValueError):
                tree = None
            if tree is not None:
                mod = Module(rel, self._module_name(rel), tree)
                index_module(mod)
        self._modules[rel] = mod
        return mod

    def _module_name(self, rel: str) -> str:
        parts = list(PurePosixPath(rel).with_suffix("").parts)
        if parts and parts[-1] == "__init__":
            parts = parts[:-1]
        # Drop leading folders that are not packages (src/, backend/): the import root.
        folder = self.root
        dirs = list(PurePosixPath(rel).parent.parts)
        keep_from = 0
        for i, part in enumerate(dirs):
            folder = folder / part
            if not (folder / "__init__.py").is_file():
                keep_from = i + 1
        return ".".join(parts[keep_from:]) or ".".join(parts)

    def module_file(self, dotted: str) -> str | None:
        """The project file for a dotted module name, if the project has one."""
        if self._module_files is None:
            self._module_files = {}
            for rel in self.python_files():
                self._module_files.setdefault(self._module_name(rel), rel)
                full = ".".join(PurePosixPath(rel).with_suffix("").parts)
                self._module_files.setdefault(full.removesuffix(".__init__"), rel)
        return self._module_files.get(dotted)

    def python_files(self) -> list[str]:
        if self._files:
            return list(self._files)
        found: list[str] = []
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = sorted(
                d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")
            )
            for name in sorted(filenames):
                if name.endswith(".py"):
                    found.append(Path(dirpath, name).relative_to(self.root).as_posix())
            if len(found) > MAX_FILES:
                break
        return found

    def resolve(self, module: Module, dotted: str, hops: int = 0) -> Definition | None:
        """Follow a name used in ``module`` to its definition in a project file."""
        if hops > 4:
            return None
        head, _, rest = dotted.partition(".")
        if head in module.top:
            return definition(module.file, head, module.top[head])
        if head not in module.imports:
            return None
        target_mod, attr = module.imports[head]
        names = ([attr] if attr else []) + (rest.split(".") if rest else [])
        return self._lookup(target_mod, names, hops)

    def _lookup(self, dotted_module: str, names: list[str], hops: int) -> Definition | None:
        # Walk "pkg.sub" + ["models", "User"]: a name may be a submodule or a definition.
        module_name = dotted_module
        for i, name in enumerate(names):
            sub = f"{module_name}.{name}"
            if self.module_file(sub) is not None:
                module_name = sub
                continue
            file = self.module_file(module_name)
            mod = self.module(file) if file else None
            if mod is None:
                return None
            if name in mod.top:
                return definition(mod.file, name, mod.top[name])
            if name in mod.imports:  # re-exported: follow it
                return self.resolve(mod, ".".join([name, *names[i + 1 :]]), hops + 1)
            return None
        return None


@dataclass(frozen=True, slots=True)
class Use:
    dotted: str
    decorator: bool


def index_module(mod: Module) -> None:
    package = mod.name if mod.file.endswith("__init__.py") else mod.name.rpartition(".")[0]
    for node in ast.walk(mod.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    mod.imports.setdefault(alias.asname, (alias.name, None))
                else:
                    head = alias.name.partition(".")[0]
                    mod.imports.setdefault(head, (head, None))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".") if package else []
                keep = len(parts) - (node.level - 1)
                prefix = ".".join(parts[: max(keep, 0)])
                base = f"{prefix}.{base}".strip(".") if base else prefix
            for alias in node.names:
                if alias.name != "*":
                    mod.imports.setdefault(alias.asname or alias.name, (base, alias.name))
    for node in mod.tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            mod.top[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    mod.top.setdefault(target.id, node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            mod.top.setdefault(node.target.id, node)


def definition(file: str, name: str, node: ast.AST) -> Definition:
    start = getattr(node, "lineno", 1)
    for deco in getattr(node, "decorator_list", []):
        start = min(start, deco.lineno)
    end = getattr(node, "end_lineno", None) or start
    return Definition(file, name, start, end, node)


def kind_word(node: ast.AST) -> str:
    if isinstance(node, ast.ClassDef):
        return "class"
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return "def"
    return "name"


def dotted_name(node: ast.AST) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def names_used(tree: ast.Module, start: int, end: int) -> list[Use]:
    """Names and dotted names read inside lines start..end, decorators first, in order."""
    decorator_nodes: set[int] = set()
    local: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for deco in node.decorator_list:
                for sub in ast.walk(deco):
                    decorator_nodes.add(id(sub))
            if start <= node.lineno <= end:
                local.add(node.name)
                if not isinstance(node, ast.ClassDef):
                    local.update(a.arg for a in node.args.args + node.args.kwonlyargs)
        elif (
            isinstance(node, ast.Name)
            and isinstance(node.ctx, ast.Store)
            and start <= node.lineno <= end
        ):
            local.add(node.id)
    uses: dict[str, Use] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Name | ast.Attribute):
            continue
        line = getattr(node, "lineno", 0)
        if not start <= line <= end:
            continue
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            continue
        dotted = dotted_name(node)
        if not dotted:
            continue
        head = dotted.partition(".")[0]
        if head in local or head in _BUILTINS or head in {"self", "cls"}:
            continue
        deco = id(node) in decorator_nodes
        previous = uses.get(dotted)
        if previous is None or (deco and not previous.decorator):
            uses[dotted] = Use(dotted, deco)
    # Longest dotted names first, so "models.User" wins over "models"; decorators first.
    ordered = sorted(uses.values(), key=lambda u: (not u.decorator, -u.dotted.count(".")))
    return ordered

"""What the user points at: a route, a blueprint, a file or a line range.

``resolve_target`` turns the CLI's TARGET strings into a ``Selection`` so the TUI and the
headless ``architect review`` select things the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from architect_tui.analysis.model import ProjectMap

SelectionKind = Literal["route", "blueprint", "file", "range"]
_RANGE = re.compile(r"^(?P<file>.+):(?P<start>\d+)(?:-(?P<end>\d+))?$")


class TargetError(ValueError):
    """A target that names nothing in the project; the message says what was tried."""


@dataclass(frozen=True, slots=True)
class Selection:
    kind: SelectionKind
    file: str  # project-relative, POSIX
    start: int | None = None  # 1-based, inclusive; None for a whole file
    end: int | None = None
    label: str = ""  # what the status line and the saved review call it
    endpoint: str | None = None  # for a route
    blueprint: str | None = None  # full dotted name, for a blueprint

    @property
    def line_count(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return self.end - self.start + 1


def route_selection(project: ProjectMap, endpoint: str) -> Selection:
    route = project.route_by_endpoint(endpoint)
    if route is None:
        raise TargetError(f"no route with endpoint {endpoint!r}")
    return Selection(
        "route", route.span.file, route.span.line, route.span.end_line, endpoint, endpoint=endpoint
    )


def blueprint_selection(project: ProjectMap, name: str) -> Selection:
    bp = project.blueprint_by_name(name) or next(
        (b for b in project.blueprints if b.name == name), None
    )
    if bp is None:
        known = ", ".join(sorted({b.full_name for b in project.blueprints})) or "none"
        raise TargetError(f"no blueprint named {name!r} (known: {known})")
    routes = project.routes_of(bp.full_name)
    files = {r.span.file for r in routes}
    if files == {bp.span.file}:
        lines = [bp.span.line, bp.span.end_line] + [r.span.line for r in routes]
        lines += [r.span.end_line for r in routes]
        return Selection(
            "blueprint",
            bp.span.file,
            min(lines),
            max(lines),
            f"bp:{bp.full_name}",
            blueprint=bp.full_name,
        )
    return Selection(
        "blueprint", bp.span.file, None, None, f"bp:{bp.full_name}", blueprint=bp.full_name
    )


def file_selection(
    project: ProjectMap, file: str, start: int | None = None, end: int | None = None
) -> Selection:
    rel = _relative(project.root, file)
    path = project.root / rel
    if not path.is_file():
        raise TargetError(f"no file {file!r} in {project.root}")
    if start is None:
        return Selection("file", rel, None, None, rel)
    end = start if end is None else end
    if end < start or start < 1:
        raise TargetError(f"bad line range {start}-{end}")
    return Selection("range", rel, start, end, f"{rel}:{start}-{end}")


def resolve_target(project: ProjectMap, target: str) -> Selection:
    """``auth.login`` | ``/auth/login`` | ``bp:auth`` | ``FILE`` | ``FILE:START-END``."""
    target = target.strip()
    if not target:
        raise TargetError("empty target")
    if target.startswith("bp:"):
        return blueprint_selection(project, target[3:])
    if target.startswith("/"):
        matches = [r for r in project.routes if r.rule == target]
        if not matches:
            raise TargetError(f"no route with rule {target!r}")
        return route_selection(project, matches[0].endpoint)
    m = _RANGE.match(target)
    if m and (project.root / _relative(project.root, m["file"])).is_file():
        start = int(m["start"])
        return file_selection(project, m["file"], start, int(m["end"] or start))
    if (project.root / _relative(project.root, target)).is_file():
        return file_selection(project, target)
    if project.route_by_endpoint(target):
        return route_selection(project, target)
    if project.blueprint_by_name(target):
        return blueprint_selection(project, target)
    raise TargetError(
        f"{target!r} is not an endpoint, a rule, bp:NAME, a file or FILE:START-END in this project"
    )


def _relative(root: Path, file: str) -> str:
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.resolve().relative_to(root.resolve())
        except ValueError:
            return file
    return path.as_posix()

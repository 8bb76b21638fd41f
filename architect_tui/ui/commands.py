"""The command palette provider: jump to any route, blueprint or file of the project."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Literal

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from architect_tui.analysis.model import ProjectMap


@dataclass(frozen=True, slots=True)
class JumpTarget:
    kind: Literal["route", "blueprint", "file"]
    key: str  # endpoint, blueprint full name or file path
    text: str  # what the palette matches and shows
    help: str


def jump_targets(project: ProjectMap | None, files: list[str]) -> list[JumpTarget]:
    """Everything the palette can jump to, routes first."""
    targets: list[JumpTarget] = []
    if project is not None:
        for route in project.routes:
            methods = " ".join(route.methods)
            targets.append(
                JumpTarget(
                    "route",
                    route.endpoint,
                    f"{route.rule}  {route.endpoint}",
                    f"{methods} route · {route.span.file}:{route.span.line}",
                )
            )
        for bp in project.blueprints:
            targets.append(
                JumpTarget(
                    "blueprint",
                    bp.full_name,
                    f"bp:{bp.full_name}  {bp.full_prefix or ''}".rstrip(),
                    f"blueprint · {bp.span.file}:{bp.span.line}",
                )
            )
    targets.extend(JumpTarget("file", path, path, "file") for path in files)
    return targets


class ProjectCommands(Provider):
    """Routes, blueprints and files of the project on the main screen."""

    def _targets(self) -> list[JumpTarget]:
        screen = self.screen
        getter = getattr(screen, "palette_targets", None)
        return getter() if callable(getter) else []

    def _jump(self, target: JumpTarget) -> None:
        jump = getattr(self.screen, "jump_to", None)
        if callable(jump):
            jump(target)

    async def discover(self) -> Hits:
        for target in self._targets()[:50]:
            yield DiscoveryHit(target.text, partial(self._jump, target), help=target.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for target in self._targets():
            score = matcher.match(target.text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(target.text),
                    partial(self._jump, target),
                    help=target.help,
                )

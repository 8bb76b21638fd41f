"""The map: App -> Blueprints (nested as registered) -> Routes, plus the reader's diagnostics.

The screen hands the tree a ``ProjectMap`` and a filter (attributes down); the tree reports what
the user points at with the messages nested below (messages up). Nodes are added in batches by
an async worker that yields to the event loop between batches, so a map of thousands of routes
fills without freezing the UI.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from time import perf_counter
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from architect_tui.analysis.model import App, Blueprint, Diagnostic, ProjectMap, Route
from architect_tui.ui.widgets.filtering import Query, route_score

SLICE = 0.012  # seconds of tree building between two yields to the event loop
AUTO_EXPAND_ROUTES = 150  # expand every blueprint when the map is at most this big


@dataclass(frozen=True, slots=True)
class DiagnosticsGroup:
    """The data of the collapsible "Diagnostics" node."""

    count: int


@dataclass(frozen=True, slots=True)
class Group:
    """A heading node that is not a Flask object ("Unregistered blueprints", "Routes")."""

    title: str
    count: int


NodeData = App | Blueprint | Route | Diagnostic | DiagnosticsGroup | Group

_METHOD_CLASSES = {
    "GET": "map-tree--get",
    "POST": "map-tree--post",
    "PUT": "map-tree--put",
    "PATCH": "map-tree--patch",
    "DELETE": "map-tree--delete",
}


class MapTree(Tree[NodeData]):
    """The project map as a tree; see the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "right",
            "expand_node",
            "Expand",
            show=False,
            id="map.expand",
            tooltip="Open the blueprint or group under the cursor",
        ),
        Binding(
            "left",
            "collapse_node",
            "Collapse",
            show=False,
            id="map.collapse",
            tooltip="Close the blueprint or group under the cursor, or go to its parent",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "map-tree--app",
        "map-tree--blueprint",
        "map-tree--prefix",
        "map-tree--count",
        "map-tree--rule",
        "map-tree--endpoint",
        "map-tree--method",
        "map-tree--get",
        "map-tree--post",
        "map-tree--put",
        "map-tree--patch",
        "map-tree--delete",
        "map-tree--warning",
        "map-tree--error",
        "map-tree--info",
        "map-tree--group",
        "map-tree--muted",
    }

    @dataclass
    class RouteChosen(Message):
        """The cursor is on a route."""

        route: Route

    @dataclass
    class BlueprintChosen(Message):
        """The cursor is on a blueprint."""

        blueprint: Blueprint

    @dataclass
    class AppChosen(Message):
        """The cursor is on an application."""

        app: App

    @dataclass
    class DiagnosticChosen(Message):
        """The cursor is on one of the reader's diagnostics."""

        diagnostic: Diagnostic

    @dataclass
    class RouteOpened(Message):
        """Enter on a route: the user wants to read its code."""

        route: Route

    @dataclass
    class Filled(Message):
        """The tree holds the whole (filtered) map now."""

        routes: int
        total_routes: int

    compact: reactive[bool] = reactive(False)
    """Narrow: tight method badges, no endpoint (the status line names it)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("map", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.project: ProjectMap | None = None
        self.query_text = ""
        self.filling = False
        self._counts: dict[str, int] = {}
        self._shown_counts: dict[str, int] = {}  # routes matching the filter, per blueprint
        self._best: Route | None = None  # the filter's best match
        self._placed_for: int | None = None

    # ---- attributes down ---------------------------------------------------------------------

    def show_project(self, project: ProjectMap | None, query: str = "") -> None:
        """Rebuild the tree for ``project`` narrowed by ``query`` (fuzzy); runs as a worker."""
        self.project = project
        self.query_text = query
        self._counts = _route_counts(project.routes if project is not None else [])
        self.filling = True
        self._fill(project, query)

    @work(exclusive=True, group="map-fill")
    async def _fill(self, project: ProjectMap | None, query: str) -> None:
        # No cursor while refilling: the old line number would highlight another node, and
        # typing in the filter must never change the selection behind the user's back.
        self.cursor_line = -1
        self.clear()
        if project is None:
            self.filling = False
            return
        routes: list[Route] | None = None
        deadline = perf_counter() + SLICE
        if query:
            parsed = Query.parse(query)
            scored: list[tuple[float, int, Route]] = []
            for order, route in enumerate(project.routes):
                score = route_score(route, parsed)
                if score is not None:
                    scored.append((-score, order, route))
                if perf_counter() > deadline:
                    await asyncio.sleep(0)
                    deadline = perf_counter() + SLICE
            scored.sort(key=lambda item: (item[0], item[1]))
            routes = [route for _, _, route in scored]  # best first
        self._shown_counts = _route_counts(routes or [])
        self._best = routes[0] if routes else None
        shown = project.routes if routes is None else routes
        expand_all = bool(query) or len(project.routes) <= AUTO_EXPAND_ROUTES
        for _ in self._add_nodes(project, routes, expand_all):
            if perf_counter() > deadline:
                await asyncio.sleep(0)
                deadline = perf_counter() + SLICE
        self.filling = False
        if not query and self._placed_for != id(project) and self.last_line >= 0:
            # Only the first fill of a project picks a node; a refill (filter) never moves the
            # selection behind the user's back.
            self._placed_for = id(project)
            self.move_cursor_to_line(0)
        self.post_message(self.Filled(len(shown), len(project.routes)))

    def _add_nodes(
        self, project: ProjectMap, routes: list[Route] | None, expand_all: bool
    ) -> Iterable[None]:
        """Add nodes, yielding after each so the caller can pause between batches."""
        keep = None if routes is None else {id(r) for r in routes}
        by_blueprint: dict[str | None, list[Route]] = {}
        for route in project.routes if routes is None else routes:  # filtered: best first
            by_blueprint.setdefault(route.blueprint, []).append(route)
        children: dict[str | None, list[Blueprint]] = {}
        for bp in project.blueprints:
            if bp.registered:
                children.setdefault(bp.parent, []).append(bp)
        if routes is not None:
            # a blueprint ranks as its best route (or its best nested blueprint's)
            rank = {id(r): i for i, r in enumerate(routes)}
            best: dict[str, int] = {}
            for route in routes:
                name = route.blueprint
                while name:
                    best.setdefault(name, rank[id(route)])
                    name = name.rpartition(".")[0]
            for siblings in children.values():
                siblings.sort(key=lambda bp: best.get(bp.full_name, len(rank)))

        def visible_count(bp: Blueprint) -> int:
            own = len(by_blueprint.get(bp.full_name, []))
            return own + sum(visible_count(c) for c in children.get(bp.full_name, []))

        def add_blueprint(parent: TreeNode[NodeData], bp: Blueprint) -> Iterable[None]:
            count = visible_count(bp)
            if keep is not None and count == 0:
                return
            node = parent.add(Text(bp.full_name), bp, expand=expand_all)
            yield
            for child in children.get(bp.full_name, []):
                yield from add_blueprint(node, child)
            for route in by_blueprint.get(bp.full_name, []):
                node.add_leaf(Text(route.endpoint), route)
                yield

        app_names = {a.name for a in project.apps}
        for app in project.apps:
            app_node = self.root.add(app.name, app, expand=True)
            yield
            for bp in children.get(None, []):
                if bp.app == app.name or (bp.app is None and len(project.apps) == 1):
                    yield from add_blueprint(app_node, bp)
            for route in by_blueprint.get(None, []):
                if route.app == app.name or (route.app not in app_names and len(project.apps) == 1):
                    app_node.add_leaf(Text(route.endpoint), route)
                    yield
        # Routes and blueprints no known app claims (no app found, or several apps).
        orphans = [
            r
            for r in by_blueprint.get(None, [])
            if not project.apps or (len(project.apps) > 1 and r.app not in app_names)
        ]
        orphan_bps = [
            bp
            for bp in children.get(None, [])
            if not project.apps or (len(project.apps) > 1 and bp.app not in app_names)
        ]
        if orphans or orphan_bps:
            group = self.root.add(
                "routes", Group("Routes without an app", len(orphans)), expand=True
            )
            for bp in orphan_bps:
                yield from add_blueprint(group, bp)
            for route in orphans:
                group.add_leaf(Text(route.endpoint), route)
                yield
        unregistered = [bp for bp in project.blueprints if not bp.registered]
        if unregistered and keep is None:
            group = self.root.add(
                "unregistered", Group("Unregistered blueprints", len(unregistered))
            )
            for bp in unregistered:
                group.add_leaf(Text(bp.full_name), bp)
                yield
        if project.diagnostics and keep is None:
            group = self.root.add("diagnostics", DiagnosticsGroup(len(project.diagnostics)))
            for diagnostic in project.diagnostics:
                group.add_leaf(Text(diagnostic.message), diagnostic)
                yield

    def watch_compact(self) -> None:
        self._invalidate()  # what Tree does when its own label-shaping settings change

    # ---- looking things up -------------------------------------------------------------------

    def find_node(
        self, predicate: type | None = None, **match: object
    ) -> TreeNode[NodeData] | None:
        """The first node whose data is of type ``predicate`` and has the given attributes."""
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            data = node.data
            if (predicate is None or isinstance(data, predicate)) and all(
                getattr(data, key, None) == value for key, value in match.items()
            ):
                return node
            stack.extend(reversed(node.children))
        return None

    def first_route(self) -> TreeNode[NodeData] | None:
        """The best match of the filter (the first route without one)."""
        if self._best is not None:
            node = self.find_node(Route, endpoint=self._best.endpoint, rule=self._best.rule)
            if node is not None:
                return node
        return self.find_node(Route)

    def reveal(self, node: TreeNode[NodeData]) -> None:
        """Expand the node's ancestors, put the cursor on it and scroll it into view."""
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    # ---- keys --------------------------------------------------------------------------------

    def action_expand_node(self) -> None:
        """``→``: open the node under the cursor; on an open one, step to its first child."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_collapse_node(self) -> None:
        """``←``: close the node under the cursor; on a closed one (or a route), go to its
        parent, as in a file manager."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and not node.parent.is_root:
            self.move_cursor(node.parent)
            self.scroll_to_node(node.parent, animate=False)

    # ---- messages up -------------------------------------------------------------------------

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        event.stop()
        data = event.node.data
        if isinstance(data, Route):
            self.post_message(self.RouteChosen(data))
        elif isinstance(data, Blueprint):
            self.post_message(self.BlueprintChosen(data))
        elif isinstance(data, App):
            self.post_message(self.AppChosen(data))
        elif isinstance(data, Diagnostic):
            self.post_message(self.DiagnosticChosen(data))

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        event.stop()  # a blueprint opens or closes by itself (auto_expand)
        if isinstance(event.node.data, Route):
            self.post_message(self.RouteOpened(event.node.data))

    # ---- drawing -----------------------------------------------------------------------------

    def process_label(self, label: str | Text) -> Text:
        """Labels are drawn from the node's data; the stored one is only a plain name."""
        return label if isinstance(label, Text) else Text(label)

    def render_label(self, node: TreeNode[NodeData], base_style: Style, style: Style) -> Text:
        text = self._label_for(node.data) if node.data is not None else node.label.copy()
        text.stylize(style)
        if node.allow_expand:
            prefix = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE, base_style)
            return Text.assemble(prefix, text)
        return text

    def _style(self, name: str) -> Style:
        """A label part's style. Colours like ``$text-muted`` are resolved against the tree's
        background (a partial style would resolve them against black, unreadable in light
        themes); the background itself is only kept for parts that set one (method badges),
        so the cursor and hover highlights still show through the rest."""
        component = f"map-tree--{name}"
        full = self.get_component_rich_style(component)
        if self.get_component_rich_style(component, partial=True).bgcolor is not None:
            return full
        return Style(color=full.color, bold=full.bold, italic=full.italic, dim=full.dim)

    def _label_for(self, data: NodeData) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        if isinstance(data, Route):
            pad = "" if self.compact else " "
            for method in data.methods or ("GET",):
                cls = _METHOD_CLASSES.get(method, "map-tree--method").removeprefix("map-tree--")
                text.append(f"{pad}{method}{pad}", self._style(cls))
                text.append(" ")
            text.append(data.rule, self._style("rule"))
            if not self.compact:  # narrow: the status line names the endpoint of the cursor
                text.append(f"  {data.endpoint}", self._style("endpoint"))
        elif isinstance(data, Blueprint):
            text.append(data.name, self._style("blueprint"))
            prefix = data.full_prefix or data.url_prefix
            if prefix:
                text.append(f"  {prefix}", self._style("prefix"))
            if data.registered and self.project is not None:
                count = self._counts.get(data.full_name, 0)
                shown = self._shown_counts.get(data.full_name) if self.query_text else None
                label = f"  ({shown} of {count})" if shown is not None else f"  ({count})"
                text.append(label, self._style("count"))
            elif not data.registered:
                text.append(f"  {data.span}", self._style("muted"))
        elif isinstance(data, App):
            text.append(data.name, self._style("app"))
            if data.factory:
                text.append(f"  {data.factory}()", self._style("muted"))
            if not self.compact:
                text.append(f"  {data.span}", self._style("muted"))
        elif isinstance(data, Diagnostic):
            text.append("● ", self._style(data.severity))
            text.append(f"{data.file}:{data.line}  ", self._style("muted"))
            text.append(data.message)
        elif isinstance(data, DiagnosticsGroup):
            text.append("Diagnostics", self._style("group"))
            text.append(f"  ({data.count})", self._style("count"))
        elif isinstance(data, Group):
            text.append(data.title, self._style("group"))
            text.append(f"  ({data.count})", self._style("count"))
        return text


def _route_counts(routes: Iterable[Route]) -> dict[str, int]:
    """Routes per blueprint, nested blueprints' routes included (``parent.child`` counts for
    ``parent``)."""
    counts: dict[str, int] = {}
    for route in routes:
        name = route.blueprint
        while name:
            counts[name] = counts.get(name, 0) + 1
            name = name.rpartition(".")[0]
    return counts

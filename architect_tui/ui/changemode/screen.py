"""Changes mode: the map narrowed to the routes a git change affects, with the diff of each.

``d`` on the main screen (or "Changes mode" in the palette) opens it on the working tree against
``HEAD``; ``b`` asks for another base (a branch, a commit, ``main...HEAD``). The left tree lists
the affected routes with a badge (added, removed, changed, code changed) and the changed files
with their git status; the centre shows the diff of the route's code (its view's file, and the
files of the hooks, decorators and helpers that make it "code changed") or of the file, and why
the route is listed. ``R`` closes the mode and hands the change to the main screen's review
flow, which reviews it (with the model, or the offline architect on changed lines only).

Everything is computed by the core (``vcs.changeset``, ``analysis.routediff``) in a thread
worker; this screen only shows values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, Tree
from textual.widgets.tree import TreeNode
from textual.worker import get_current_worker

from architect_tui.analysis.model import ProjectMap, Route
from architect_tui.analysis.routediff import RouteDiff
from architect_tui.vcs.changeset import ChangedFile, ChangeSet

#: Badge text and style per kind, strongest first (a route shows its strongest).
BADGES: dict[str, str] = {
    "added": "green",
    "removed": "red",
    "changed": "yellow",
    "code changed": "cyan",
}
STATUS_LETTER = {"added": "A", "deleted": "D", "modified": "M", "renamed": "R"}


@dataclass(frozen=True, slots=True)
class ChangeToReview:
    """What the mode hands back on ``R``: the change and both maps."""

    change: ChangeSet
    diff: RouteDiff
    before: ProjectMap
    after: ProjectMap


@dataclass(frozen=True, slots=True)
class AffectedRoute:
    """One entry of the tree: a route, its badge, and why it is listed."""

    route: Route
    badge: str
    lines: tuple[str, ...]  # fields changed or reasons, for the details
    files: tuple[str, ...]  # the files whose diff explains it, the view's first


def affected_routes(diff: RouteDiff) -> list[AffectedRoute]:
    """Every affected route once, with its strongest badge (added > removed > changed > code)."""
    out: dict[tuple[str, str], AffectedRoute] = {}

    def add(route: Route, badge: str, lines: list[str], files: list[str]) -> None:
        key = (route.rule, route.endpoint)
        if key in out:
            old = out[key]
            merged = tuple(dict.fromkeys((*old.files, *files)))
            out[key] = AffectedRoute(old.route, old.badge, (*old.lines, *lines), merged)
        else:
            out[key] = AffectedRoute(route, badge, tuple(lines), tuple(dict.fromkeys(files)))

    for r in diff.added:
        add(r, "added", ["new route"], [r.span.file])
    for r in diff.removed:
        add(r, "removed", ["route removed"], [r.span.file])
    for c in diff.changed:
        lines = [f"{name}: {old} -> {new}" for name, old, new in c.describe()]
        add(c.after, "changed", lines, [c.after.span.file, c.before.span.file])
    for cc in diff.code_changed:
        lines = [
            f"{r.kind} {r.name}" + (f" via {r.via}" if r.via else "") + f" ({r.file}:{r.line})"
            for r in cc.reasons
        ]
        add(cc.route, "code changed", lines, [cc.route.span.file, *(r.file for r in cc.reasons)])
    return list(out.values())


def badge_label(item: AffectedRoute) -> Text:
    label = Text()
    label.append(f"{item.badge:<13}", style=f"bold {BADGES[item.badge]}")
    label.append(f"{','.join(item.route.methods):<9} {item.route.rule}  ")
    label.append(item.route.endpoint, style="dim")
    return label


def file_label(f: ChangedFile) -> Text:
    label = Text()
    label.append(f"{STATUS_LETTER.get(f.status, '?')}  ", style="bold")
    moved = f" (from {f.old_path})" if f.status == "renamed" and f.old_path else ""
    label.append(f"{f.path}{moved}")
    return label


class ChangeModeScreen(Screen[ChangeToReview | None]):
    """See the module docstring."""

    CSS_PATH = "changemode.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "R",
            "review",
            "Review the change",
            id="changemode.review",
            tooltip="Review this change (the diff, its routes, the touched functions)",
        ),
        Binding(
            "b",
            "base",
            "Base",
            id="changemode.base",
            tooltip="Compare with another base: a branch, a commit, or A...B",
        ),
        Binding(
            "escape",
            "close",
            "Back",
            id="changemode.close",
            tooltip="Leave changes mode, back to the whole map",
        ),
    ]

    @dataclass
    class Read(Message):
        """The core finished reading the change."""

        found: ChangeToReview

    @dataclass
    class Failed(Message):
        message: str

    tree = getters.query_one("#change-tree", Tree)
    diff_view = getters.query_one("#change-diff", Static)
    why = getters.query_one("#change-why", Static)
    base_input = getters.query_one("#change-base", Input)

    def __init__(self, root: Path, base: str = "HEAD") -> None:
        super().__init__()
        self.root = root
        self.base = base
        self.found: ChangeToReview | None = None
        self.items: list[AffectedRoute] = []
        self.shown_diff = ""  # what the diff pane and the why pane show (tests read these)
        self.shown_why = ""
        self.title = "architect · changes"

    def compose(self) -> ComposeResult:
        yield Header(icon="◇")
        yield Input(value=self.base, id="change-base", compact=True, classes="-hidden")
        with Horizontal(id="change-body"):
            tree: Tree[object] = Tree("change", id="change-tree")
            tree.show_root = False
            yield tree
            with Vertical(id="change-centre"):
                with VerticalScroll(id="change-diff-scroll"):
                    yield Static("Reading the change…", id="change-diff")
                yield Static("", id="change-why")
        yield Footer()

    def on_mount(self) -> None:
        self.tree.border_title = "Changed routes and files"
        self.query_one("#change-diff-scroll").border_title = "Diff"
        self.why.border_title = "Why"
        self.read_change(self.base)

    # ---- reading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="change")
    def read_change(self, base: str) -> None:
        """Open the change set and map both sides (blocking: git and the static reader)."""
        from architect_tui.analysis.reader import ProjectError
        from architect_tui.analysis.routediff import diff_change
        from architect_tui.rules.auth import route_auth_verdict
        from architect_tui.vcs.changeset import ChangeError, open_change

        worker = get_current_worker()
        try:
            change = open_change(self.root, base)
            diff, before, after = diff_change(self.root, change, auth=route_auth_verdict)
        except (ChangeError, ProjectError) as error:
            if not worker.is_cancelled:
                self.post_message(self.Failed(str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(self.Read(ChangeToReview(change, diff, before, after)))

    @on(Read)
    def _read(self, message: Read) -> None:
        found = self.found = message.found
        change, diff = found.change, found.diff
        self.items = affected_routes(diff)
        head = "working tree" if change.head is None else change.head[:12]
        self.sub_title = f"{change.base_label} ({change.base[:12]}) -> {head}"
        tree = self.tree
        tree.clear()
        routes = tree.root.add(f"Routes ({len(self.items)})", expand=True)
        for item in self.items:
            routes.add_leaf(badge_label(item), data=item)
        files = tree.root.add(f"Files ({len(change.files)})", expand=True)
        for f in change.files:
            files.add_leaf(file_label(f), data=f)
        if not change.files:
            self.show_note(f"Nothing changed since {change.base_label}.")
        elif not self.items:
            self.show_note("No route is affected: pick a file to see its diff.")
        else:
            self.show_note("Pick a route or a file to see its diff.")
        self.set_why(self._summary(diff))
        tree.focus()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.show_note(message.message)
        self.notify(message.message, title="Cannot read the change", severity="error")

    def _summary(self, diff: RouteDiff) -> str:
        return (
            f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed, "
            f"{len(diff.code_changed)} with code changed; {len(diff.files)} files"
        )

    # ---- showing ---------------------------------------------------------------------------

    @on(Tree.NodeHighlighted, "#change-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[object]) -> None:
        self.show(event.node)

    def show(self, node: TreeNode[object]) -> None:
        """The diff and the reasons of the route (or file) under the cursor."""
        found, data = self.found, node.data
        if found is None:
            return
        if isinstance(data, AffectedRoute):
            texts = [f.diff for p in data.files if (f := found.change.file(p)) is not None]
            self.show_diff("".join(texts) or "(no textual change in the route's own files)")
            r = data.route
            head = f"{data.badge}: {','.join(r.methods)} {r.rule} ({r.endpoint})"
            self.set_why("\n".join([head, *(f"  {line}" for line in data.lines)]))
        elif isinstance(data, ChangedFile):
            self.show_diff(data.diff or "(no textual change)")
            self.set_why(f"{data.status}: {data.path}")

    def show_diff(self, text: str) -> None:
        from rich.syntax import Syntax  # pygments: loaded when a diff is first shown

        self.shown_diff = text
        self.diff_view.update(Syntax(text, "diff", theme="ansi_dark", word_wrap=False))

    def show_note(self, text: str) -> None:
        self.shown_diff = text
        self.diff_view.update(text)

    def set_why(self, text: str) -> None:
        self.shown_why = text
        self.why.update(text)

    # ---- keys ------------------------------------------------------------------------------

    def action_review(self) -> None:
        if self.found is None:
            self.notify("The change is still being read.", severity="warning")
            return
        self.dismiss(self.found)

    def action_base(self) -> None:
        self.base_input.remove_class("-hidden")
        self.base_input.focus()

    @on(Input.Submitted, "#change-base")
    def _base_submitted(self, event: Input.Submitted) -> None:
        self.base = event.value.strip() or "HEAD"
        self.base_input.add_class("-hidden")
        self.found = None
        self.show_note(f"Reading the change since {self.base}…")
        self.read_change(self.base)

    def action_close(self) -> None:
        if not self.base_input.has_class("-hidden"):
            self.base_input.add_class("-hidden")
            self.tree.focus()
            return
        self.dismiss(None)

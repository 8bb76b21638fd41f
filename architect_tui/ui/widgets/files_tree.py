"""The files tree: every Python file of the project, for code that is not a route."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from time import perf_counter

from rich.text import Text
from textual import on, work
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from architect_tui.ui.widgets.filtering import fuzzy_match

SLICE = 0.012  # seconds of tree building between two yields to the event loop


@dataclass(frozen=True, slots=True)
class FileEntry:
    path: str  # project-relative POSIX path


@dataclass(frozen=True, slots=True)
class FolderEntry:
    path: str


class FilesTree(Tree[FileEntry | FolderEntry]):
    """Folders and ``.py`` files; the cursor on a file posts ``FileChosen``."""

    @dataclass
    class FileChosen(Message):
        """The cursor is on a file."""

        path: str

    @dataclass
    class Filled(Message):
        """The tree holds the (filtered) files now."""

        files: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("files", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.files: list[str] = []
        self.filling = False  # a fill is under way: nodes are not all there yet

    def show_files(self, files: list[str], query: str = "") -> None:
        """Rebuild for ``files`` narrowed by ``query`` (fuzzy on the path)."""
        self.files = files
        self.filling = True
        self._fill(files, query)

    @work(exclusive=True, group="files-fill")
    async def _fill(self, files: list[str], query: str) -> None:
        self.clear()
        folders: dict[str, TreeNode[FileEntry | FolderEntry]] = {"": self.root}
        expand = bool(query) or len(files) <= 200
        shown = 0
        deadline = perf_counter() + SLICE
        for path in sorted(files):
            if perf_counter() > deadline:
                await asyncio.sleep(0)
                deadline = perf_counter() + SLICE
            if query and not fuzzy_match(query, path):
                continue
            parent_path, _, name = path.rpartition("/")
            parent = self._folder(folders, parent_path, expand)
            parent.add_leaf(Text(name), FileEntry(path))
            shown += 1
        if not query and self.cursor_line < 0 and self.last_line >= 0:
            self.move_cursor_to_line(0)  # a folder: moving here selects nothing
        self.filling = False
        self.post_message(self.Filled(shown))

    def _folder(
        self,
        folders: dict[str, TreeNode[FileEntry | FolderEntry]],
        path: str,
        expand: bool,
    ) -> TreeNode[FileEntry | FolderEntry]:
        if path in folders:
            return folders[path]
        parent_path, _, name = path.rpartition("/")
        parent = self._folder(folders, parent_path, expand)
        node = parent.add(Text(f"{name}/"), FolderEntry(path), expand=expand)
        folders[path] = node
        return node

    def find_file(self, path: str) -> TreeNode[FileEntry | FolderEntry] | None:
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            if isinstance(node.data, FileEntry) and node.data.path == path:
                return node
            stack.extend(node.children)
        return None

    def first_file(self) -> TreeNode[FileEntry | FolderEntry] | None:
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            if isinstance(node.data, FileEntry):
                return node
            stack.extend(reversed(node.children))
        return None

    def reveal(self, node: TreeNode[FileEntry | FolderEntry]) -> None:
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[FileEntry | FolderEntry]) -> None:
        event.stop()
        if isinstance(event.node.data, FileEntry):
            self.post_message(self.FileChosen(event.node.data.path))

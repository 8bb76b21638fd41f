"""One hunk of a proposed change: its status, why it failed, and its diff (unified or split).

The card only shows; the screen owns the accepted set and sets ``accepted`` (attributes down).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from architect_tui.patch import HunkResult

_STATUS_TEXT = {
    "exact": "exact",
    "offset": "moved",
    "fuzzy": "approximate",
    "already_applied": "already in the file · nothing to do",
    "failed": "cannot apply",
}


def split_diff(diff: str) -> tuple[str, str]:
    """The old and new text of a one-hunk unified diff (header dropped)."""
    old: list[str] = []
    new: list[str] = []
    for line in diff.splitlines():
        if line.startswith("@@"):
            continue
        tag, text = line[:1], line[1:]
        if tag in (" ", "-"):
            old.append(text)
        if tag in (" ", "+"):
            new.append(text)
    return "\n".join(old) + ("\n" if old else ""), "\n".join(new) + ("\n" if new else "")


def hunk_start(result: HunkResult) -> int:
    """The line of the file where the hunk's old side begins: where it matched, else where the
    answer said it was (a hunk that cannot apply), else 1."""
    if result.line:
        return result.line
    stated = result.hunk.old_start if result.hunk is not None else None
    return stated if stated and stated > 0 else 1


class HunkCard(Vertical, can_focus=True):
    """A focusable card: header line, optional reason, then the diff."""

    accepted: reactive[bool] = reactive(False)
    applied: reactive[bool] = reactive(False)
    split: reactive[bool | None] = reactive(None)  # None: side by side when wide enough

    def __init__(
        self, path: str, result: HunkResult, *, new_file: bool = False, file_text: str = ""
    ) -> None:
        super().__init__(classes=f"hunk-card -{result.status}")
        self.path = path
        self.result = result
        self.new_file = new_file
        self.file_text = file_text  # the file as it is now: the rows are numbered in it

    @property
    def key(self) -> tuple[str, int]:
        return (self.path, self.result.index)

    @property
    def already_applied(self) -> bool:
        """Its new side is in the file at its place: offered as nothing to do, never written."""
        return self.result.status == "already_applied"

    @property
    def can_accept(self) -> bool:
        return self.result.ok and not self.already_applied

    def header_text(self) -> Content:
        r = self.result
        mark = "✔" if self.applied or self.already_applied else ("●" if self.accepted else "○")
        bits = [f"{mark} hunk {r.index}", _STATUS_TEXT.get(r.status, r.status)]
        if r.line:
            bits.append(f"line {r.line}")
        if r.offset:
            bits.append(f"offset {r.offset:+d}")
        if r.status == "fuzzy":
            bits.append(f"score {r.score:.2f}")
        needs = getattr(r, "needs", None)
        if needs:
            bits.append("needs " + " and ".join(f"hunk {i}" for i in needs) + ": both or neither")
        if r.reanchored:
            bits.append("re-anchored: the file changed since the review")
        if self.applied:
            bits.append("applied")
        elif self.can_accept:
            bits.append("accepted" if self.accepted else "not accepted")
        return Content(" · ".join(bits))

    def compose(self) -> ComposeResult:
        yield Static(self.header_text(), classes="hunk-header")
        if self.result.reason:
            yield Static(Content(self.result.reason), classes="hunk-reason")
        yield from self._diff()

    def _diff(self) -> ComposeResult:
        r = self.result
        if r.ok and r.diff:
            old, new = split_diff(r.diff)
        elif r.hunk is not None:
            old = "".join(ln[1:] + "\n" for ln in r.hunk.lines if ln[:1] in " -")
            new = "".join(ln[1:] + "\n" for ln in r.hunk.lines if ln[:1] in " +")
        else:
            return
        if not old.strip() and not new.strip():
            return
        from textual_diff_view import DiffView

        # The diff view numbers rows from 1. Put the file's own lines before the hunk, the same
        # on both sides: they are equal, so the view shows at most 3 of them as context, and
        # every row carries its real line number (syntax highlighting sees the real file too).
        start = hunk_start(r)
        prefix = "".join(self.file_text.splitlines(keepends=True)[: max(start - 1, 0)])
        if prefix and not prefix.endswith("\n"):
            prefix += "\n"
        yield DiffView(
            self.path if not self.new_file else "/dev/null",
            self.path,
            prefix + old,
            prefix + new,
            split=bool(self.split),
            auto_split=self.split is None,
            annotations=True,
            classes="hunk-diff",
        )

    def _refresh_header(self) -> None:
        if self.is_mounted:
            self.query_one(".hunk-header", Static).update(self.header_text())
        self.set_class(self.accepted and not self.applied, "-accepted")
        self.set_class(self.applied, "-applied")

    def watch_accepted(self) -> None:
        self._refresh_header()

    def watch_applied(self) -> None:
        self._refresh_header()

    def watch_split(self, split: bool | None) -> None:
        if not self.is_mounted:
            return
        from textual_diff_view import DiffView

        for view in self.query(DiffView):
            view.auto_split = split is None
            if split is not None:
                view.split = split

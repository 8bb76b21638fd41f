"""What the map area says when there is no Flask app to show (and how to go on)."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual.widgets import Static

LOOKED_FOR = (
    "Flask(...) application objects at module level",
    "application factories (create_app, make_app, ...) that build a Flask app",
    "Blueprint(...) objects and register_blueprint(...) calls",
    "@app.route / @bp.get ... decorators, add_url_rule, MethodView",
    "Flask-RESTful / Flask-RESTX resources (api.add_resource, @ns.route)",
)


def shown_path(root: Path) -> str:
    """The folder as the user would type it: relative to where architect was started, the
    folder's name when it is that place, else the absolute path with ``~`` for home."""
    try:
        relative = root.relative_to(Path.cwd())
    except ValueError:
        home = Path.home()
        return f"~/{root.relative_to(home).as_posix()}" if root.is_relative_to(home) else str(root)
    return root.name if relative == Path() else relative.as_posix()


def empty_message(root: Path, files: int, error: str | None = None) -> str:
    """Markup for the empty state: what was looked for, where, and what still works."""
    if error is not None:
        head = f"[b]Could not read this project[/b]\n{escape(error)}"
    else:
        head = f"[b]No Flask app found[/b] in {escape(shown_path(root))}"
    looked = "\n".join(f" • {escape(item)}" for item in LOOKED_FOR)
    tail = (
        f"{files} Python file{'s' if files != 1 else ''} read. Press [b]t[/b] to browse them, "
        "mark lines with [b]v[/b] and review any code."
        if files
        else "There are no Python files here. Run architect in a Flask project's folder."
    )
    # What the user can do comes before the list, so a short terminal still shows it.
    return f"{head}\n\n{tail}\n\nLooked for:\n{looked}"


class EmptyState(Static):
    """A friendly note in place of the map."""

    def show(self, root: Path, files: int, error: str | None = None) -> None:
        self.update(empty_message(root, files, error))

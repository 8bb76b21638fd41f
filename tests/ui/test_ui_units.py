"""Pure helpers behind the UI: sizes, auth gaps, rule pieces, editor argv, keys, line marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets.text_area import Selection as TextSelection
from ui_project import shop_map, write_project

from architect_tui.analysis.selection import blueprint_selection, file_selection, route_selection
from architect_tui.ui.commands import jump_targets
from architect_tui.ui.editor import editor_command, find_editor
from architect_tui.ui.facts import auth_gap, estimate_tokens, rule_composition, selection_size
from architect_tui.ui.keys import display_key, key_rows, markdown_table
from architect_tui.ui.widgets.code_view import marked_lines
from architect_tui.ui.widgets.filtering import fuzzy_match, route_matches
from architect_tui.ui.widgets.status import describe_selection


@pytest.fixture
def project(tmp_path: Path):
    return shop_map(write_project(tmp_path))


def _text_of(project):
    return lambda rel: (project.root / rel).read_text()


def test_token_estimate_is_chars_over_three_and_a_half() -> None:
    assert estimate_tokens(0) == 0
    assert estimate_tokens(1) == 1
    assert estimate_tokens(350) == 100
    assert estimate_tokens(351) == 100


def test_sizes_of_each_kind(project) -> None:
    """Route and range count their lines; a file counts the whole file."""
    text_of = _text_of(project)
    route = selection_size(project, route_selection(project, "auth.login"), text_of)
    lines = (project.root / "shop/auth.py").read_text().splitlines(keepends=True)[7:12]
    assert route.lines == 5 and route.chars == sum(map(len, lines))
    whole = selection_size(project, file_selection(project, "shop/models.py"), text_of)
    assert whole.lines == 3 and whole.chars == len((project.root / "shop/models.py").read_text())
    bp = selection_size(project, blueprint_selection(project, "api"), text_of)
    assert bp.lines == 11  # the Blueprint(...) line through the last route's end


def test_blueprint_spread_over_files_sums_its_spans(project) -> None:
    """A blueprint whose routes live in another file counts its definition and every route."""
    bp = project.blueprint_by_name("api")
    object.__setattr__(bp, "span", bp.span.__class__("shop/security.py", 1, 1))
    selection = blueprint_selection(project, "api")
    assert selection.start is None
    size = selection_size(project, selection, _text_of(project))
    assert size.lines == 1 + 3 + 3


def test_auth_gap_is_the_rules_verdict(project) -> None:
    """The pane shows rule FLK112's verdict (rules.auth): a write view is compared with the
    other writes and views of the same resource, so POST /settings next to two guarded reads
    is not a gap (too few alike siblings to call it an oversight)."""
    assert auth_gap(project, project.route_by_endpoint("auth.settings")) is None
    assert auth_gap(project, project.route_by_endpoint("auth.logout")) is None
    assert auth_gap(project, project.route_by_endpoint("auth.login")) is None  # entry point
    # No api route is guarded: a public blueprint is not flagged.
    assert auth_gap(project, project.route_by_endpoint("api.list_items")) is None
    assert auth_gap(project, project.route_by_endpoint("index")) is None


def test_rule_composition(project) -> None:
    assert rule_composition(project.route_by_endpoint("auth.login")) == ["/auth", "/login"]
    assert rule_composition(project.route_by_endpoint("index")) == ["/"]


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("vim", ["vim", "+12", "/p/a.py"]),
        ("/usr/bin/nvim -u NONE", ["/usr/bin/nvim", "-u", "NONE", "+12", "/p/a.py"]),
        ("code --wait", ["code", "--wait", "-g", "/p/a.py:12"]),
        ("subl", ["subl", "/p/a.py:12"]),
        ("someeditor", ["someeditor", "/p/a.py"]),
    ],
)
def test_editor_command(editor: str, expected: list[str]) -> None:
    assert editor_command(editor, Path("/p/a.py"), 12) == expected


def test_editor_lookup_order() -> None:
    assert find_editor({"VISUAL": "emacs", "EDITOR": "vim"}) == "emacs"
    assert find_editor({"EDITOR": "nano"}) == "nano"
    with pytest.raises(ValueError):
        editor_command("  ", Path("a.py"), 1)


def test_marked_lines_from_text_selections() -> None:
    assert marked_lines(TextSelection.cursor((3, 4))) is None
    assert marked_lines(TextSelection((2, 0), (5, 0))) == (3, 5)  # ends at column 0 of line 6
    assert marked_lines(TextSelection((5, 3), (2, 1))) == (3, 6)  # dragged upwards
    assert marked_lines(TextSelection((4, 0), (4, 9))) == (5, 5)


def test_fuzzy_filter(project) -> None:
    login = project.route_by_endpoint("auth.login")
    assert route_matches(login, "lgn")
    assert route_matches(login, "auth POST")
    assert not route_matches(login, "delete")
    assert fuzzy_match("", "anything")


def test_palette_targets_cover_routes_blueprints_files(project) -> None:
    targets = jump_targets(project, project.files)
    kinds = {t.kind for t in targets}
    assert kinds == {"route", "blueprint", "file"}
    assert any(t.text == "/auth/login  auth.login" for t in targets)
    assert any(t.key == "shop/models.py" for t in targets)


def test_status_line_wording(project) -> None:
    assert "nothing selected" in describe_selection(None, None)
    selection = route_selection(project, "auth.login")
    size = selection_size(project, selection, _text_of(project))
    text = describe_selection(selection, size)
    assert text.startswith("[b]route[/b] auth.login · shop/auth.py:8-12 · 5 lines · ≈ ")


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    """House style: ids and tooltips on every binding, so the footer and help can explain them."""
    rows = [r for r in key_rows() if r.binding_id is not None]
    assert len(rows) >= 10
    for row in rows:
        assert row.tooltip, row
    assert display_key("question_mark") == "?"
    assert "| `/` | Main |" in markdown_table()


def test_tui_refuses_a_missing_folder(tmp_path: Path, capsys) -> None:
    """``architect PATH`` with no such folder: a clear message and exit 2, no traceback."""
    from architect_tui.cli.tui import run_tui

    assert run_tui(str(tmp_path / "nope")) == 2
    assert "no such directory" in capsys.readouterr().err
    (tmp_path / "file.py").write_text("x = 1\n")
    assert run_tui(str(tmp_path / "file.py")) == 2
    assert "is a file; give the project's folder" in capsys.readouterr().err

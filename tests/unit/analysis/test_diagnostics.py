"""What cannot be known statically is said, with file and line, and the rest is still mapped."""

from __future__ import annotations

from architect_tui.analysis import read_project
from architect_tui.analysis.model import ProjectMap

from .conftest import FIXTURES

CASES = FIXTURES / "diagnostics"


def _read(case: str) -> ProjectMap:
    return read_project(CASES / case, use_cache=False)


def _warnings(project: ProjectMap) -> list[tuple[str, int, str]]:
    return [(d.file, d.line, d.message) for d in project.diagnostics if d.severity == "warning"]


def test_prefix_from_the_environment() -> None:
    """A url_prefix read from os.environ: its routes are not guessed, the line says why."""
    project = _read("runtime_prefix")
    assert {r.rule for r in project.routes} == {"/", "/static/<path:filename>"}
    [(file, line, message)] = _warnings(project)
    assert (file, line) == ("app.py", 19)
    assert "url_prefix of blueprint 'api'" in message and "os.environ['API_PREFIX']" in message


def test_prefix_from_a_config_file() -> None:
    """app.config filled by from_pyfile: the prefix is a run-time value."""
    project = _read("config_from_file")
    [(file, line, message)] = _warnings(project)
    assert (file, line) == ("app.py", 13)
    assert "ADMIN_PREFIX" in message
    assert project.blueprints[0].name == "admin"


def test_routes_built_in_a_loop_over_data() -> None:
    """add_url_rule in a loop over JSON data: one diagnostic at the add_url_rule line."""
    project = _read("loop_over_data")
    assert "/fixed" in {r.rule for r in project.routes}
    [(file, line, message)] = _warnings(project)
    assert (file, line) == ("app.py", 16)
    assert "loop over data" in message and "line 15" in message


def test_blueprint_never_registered() -> None:
    """A blueprint nobody registers is listed as unregistered and its routes are not served."""
    project = _read("unregistered")
    assert {r.rule for r in project.routes} == {"/", "/static/<path:filename>"}
    [bp] = project.blueprints
    assert (bp.name, bp.registered, bp.url_prefix) == ("forgotten", False, "/old")
    [(file, line, message)] = _warnings(project)
    assert (file, line) == ("app.py", 4) and "never registered" in message


def test_blueprint_registered_through_unknown_code() -> None:
    """register_blueprint(<run-time value>): the orphan blueprint is assumed registered, said so."""
    project = _read("unknown_blueprint")
    assert "/v/hello" in {r.rule for r in project.routes}
    [(file, line, message)] = _warnings(project)
    assert (file, line) == ("app.py", 9) and "not known statically" in message
    infos = [d for d in project.diagnostics if d.severity == "info"]
    assert any(
        "registration not found statically" in d.message and d.file == "views.py" for d in infos
    )

"""The library-model protocol: a library is added in one module, and the reader asks it."""

from __future__ import annotations

from typing import Any

from architect_tui.analysis.compose import Composer
from architect_tui.analysis.facts import extract_facts
from architect_tui.analysis.interpreter import Interpreter
from architect_tui.analysis.libraries import MODELS, Libraries
from architect_tui.analysis.libraries.base import Context, LibraryModel, arg
from architect_tui.analysis.libraries.flask import add_rule
from architect_tui.analysis.values import Builtin, Site

TOY_APP = b"""
from flask import Flask
from toyrouter import Router

app = Flask(__name__)
router = Router(app, prefix="/toy")


@router.page("/hello")
def hello():
    return "hi"
"""


class _Router:
    def __init__(self, app: Any, prefix: Any) -> None:
        self.app, self.prefix = app, prefix


class ToyRouter(LibraryModel):
    """A made-up library: ``Router(app, prefix).page(rule)`` adds ``prefix + rule`` on the app."""

    name = "toyrouter"
    values = (_Router,)

    @staticmethod
    def _new(ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
        return _Router(arg(args, kwargs, 0, "app"), arg(args, kwargs, 1, "prefix", ""))

    classes = {"toyrouter.Router": _new}

    def method(self, ctx, obj, name, args, kwargs, site):  # type: ignore[no-untyped-def]
        if name != "page":
            return super().method(ctx, obj, name, args, kwargs, site)
        rule = obj.prefix + args[0]

        def decorate(a: list[Any], k: dict[str, Any], s: Site) -> Any:
            add_rule(obj.app, rule, None, a[0], None, site)
            return a[0]

        return Builtin(decorate, "page")


def _map(libraries: Libraries) -> list[tuple[str, str, str]]:
    facts = [extract_facts("app.py", "app", False, TOY_APP)]
    interp = Interpreter(facts, {"app.py": ["app"]}, libraries)
    interp.run()
    routes = Composer(interp).compose().routes
    return [(r.rule, r.endpoint, r.view) for r in routes if r.endpoint != "static"]


def test_a_model_added_in_one_place_is_asked() -> None:
    """Without the model the toy router's routes are unknown; with it they are listed."""
    assert _map(Libraries()) == []
    assert _map(Libraries((ToyRouter(), *MODELS))) == [("/toy/hello", "hello", "hello")]


def test_every_model_names_what_it_answers() -> None:
    """Each model has a unique name and claims no path another model claims."""
    names = [m.name for m in MODELS]
    assert len(names) == len(set(names))
    claimed: dict[str, str] = {}
    for model in MODELS:
        for path in [*model.classes, *model.functions]:
            assert path not in claimed, f"{path}: {claimed.get(path)} and {model.name}"
            claimed[path] = model.name
    assert Libraries().is_app_class(_external("flask.Flask"))
    assert Libraries().is_app_class(_external("apiflask.APIFlask"))


def _external(path: str) -> Any:
    from architect_tui.analysis.values import External

    return External(path)

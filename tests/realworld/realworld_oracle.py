"""Build every real-world reproduction with real Flask and print its ``url_map`` as JSON.

Run as a script with the project's venv Python (never imported by the test process, so no fixture
package lands in pytest's ``sys.modules``). Reads ``projects.toml`` beside it; for each project puts
the project folder and the shared third-party stand-ins (``_stubs/``, unless the entry says
``stubs = false``) first on ``sys.path``,
imports ``module``, takes ``attribute`` and calls it when it is a factory, then dumps every rule
except the app's own ``static`` one. Modules loaded from the project folder are dropped before the
next project, since several projects use the same top-level package name (``app``).

Output: ``{"<name>": {"routes": [{"rule", "methods", "endpoint"}], "error": null}}``; a project
that fails to build gets ``"error"`` instead of routes, so one broken fixture cannot hide the rest.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import tomllib
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STUBS = HERE / "_stubs"
IGNORED_METHODS = {"HEAD", "OPTIONS"}


def load_projects() -> list[dict[str, Any]]:
    """The projects listed in ``projects.toml``, in file order."""
    with (HERE / "projects.toml").open("rb") as handle:
        return list(tomllib.load(handle)["project"])


def build_app(project: dict[str, Any]) -> Any:
    """Import the project's entry point and return the Flask app it names or builds."""
    from flask import Flask

    module = importlib.import_module(project["module"])
    target = getattr(module, project["attribute"])
    if isinstance(target, Flask):
        return target
    app = target(*project.get("args", []))
    if not isinstance(app, Flask):
        raise TypeError(f"{project['module']}:{project['attribute']} returned {type(app)!r}")
    return app


def dump_routes(app: Any) -> list[dict[str, Any]]:
    """``url_map`` as the static reader reports it: methods sorted, without HEAD and OPTIONS."""
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        methods = sorted(set(rule.methods or ()) - IGNORED_METHODS)
        routes.append({"rule": rule.rule, "methods": methods, "endpoint": rule.endpoint})
    return routes


def forget_project(folder: Path) -> None:
    """Drop the modules a project loaded, so the next project's ``app`` package is its own."""
    prefixes = (str(folder) + os.sep, str(STUBS) + os.sep)
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None) or ""
        paths = list(getattr(module, "__path__", []) or [])
        if file.startswith(prefixes) or any(str(p).startswith(prefixes) for p in paths):
            del sys.modules[name]


def main() -> int:
    results: dict[str, Any] = {}
    for project in load_projects():
        folder = (HERE / project.get("folder", project["name"])).resolve()
        # A project built on a library whose real dependencies the stubs would shadow
        # (APIFlask imports flask_httpauth.MultiAuth) runs without them.
        stubs = [str(STUBS)] if project.get("stubs", True) else []
        sys.path[:0] = [str(folder), *stubs]
        environment = dict(os.environ)
        try:
            results[project["name"]] = {"routes": dump_routes(build_app(project)), "error": None}
        except Exception:
            results[project["name"]] = {"routes": [], "error": traceback.format_exc()}
        finally:
            os.environ.clear()
            os.environ.update(environment)
            sys.path.remove(str(folder))
            for path in stubs:
                sys.path.remove(path)
            forget_project(folder)
    json.dump(results, sys.stdout, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

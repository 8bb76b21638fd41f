"""Run in a subprocess by the tests: import fixture apps with real Flask, print their url_maps.

Usage: python oracle_dump.py OUT.json DIR [DIR...]  -> writes JSON {dir: {"rules": [[rule, [methods], endpoint]],
"error": str|null}}. Each fixture's ``wsgi.py`` is imported with the fixture folder first on
``sys.path``; the modules it added are dropped afterwards so fixtures cannot see each other.
"""

from __future__ import annotations

import importlib
import json
import sys
import traceback


def dump(folder: str) -> dict[str, object]:
    from flask import Flask

    before = set(sys.modules)
    sys.path.insert(0, folder)
    try:
        module = importlib.import_module("wsgi")
        rules = []
        for value in vars(module).values():
            if isinstance(value, Flask):
                for r in value.url_map.iter_rules():
                    methods = sorted((r.methods or set()) - {"HEAD", "OPTIONS"})
                    rules.append([r.rule, methods, r.endpoint])
        return {"rules": rules, "error": None}
    except Exception:
        return {"rules": [], "error": traceback.format_exc()}
    finally:
        sys.path.remove(folder)
        for name in set(sys.modules) - before:
            del sys.modules[name]


if __name__ == "__main__":
    # A file, not stdout: apps may print while they start.
    result = {folder: dump(folder) for folder in sys.argv[2:]}
    with open(sys.argv[1], "w", encoding="utf-8") as fh:
        json.dump(result, fh)

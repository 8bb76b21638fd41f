"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/utils/__init__.py: PgAdminModule, a Blueprint subclass that
sets its own url_prefix/static folder and registers the PgAdminModules of its sub-packages."""

import pkgutil
from importlib import import_module

from flask import Blueprint


def find_modules(import_path, include_packages=False, recursive=False):
    """Find all the modules below a package (the werkzeug helper pgAdmin kept after Werkzeug 2.1)."""
    module = import_module(import_path)
    path = getattr(module, "__path__", None)
    if path is None:
        raise ValueError(f"{import_path!r} is not a package")
    basename = module.__name__ + "."
    for _importer, modname, ispkg in pkgutil.iter_modules(path):
        modname = basename + modname
        if ispkg:
            if include_packages:
                yield modname
            if recursive:
                yield from find_modules(modname, include_packages, True)
        else:
            yield modname


class PgAdminModule(Blueprint):
    """
    Base class for every PgAdmin Module.

    This class defines a set of method and attributes that
    every module should implement.
    """

    def __init__(self, name, import_name, **kwargs):
        kwargs.setdefault("url_prefix", "/" + name)
        kwargs.setdefault("template_folder", "templates")
        kwargs.setdefault("static_folder", "static")
        self.submodules = []
        self.parentmodules = []

        super().__init__(name, import_name, **kwargs)

    def register(self, app, options):
        """
        Override the default register function to automagically register
        sub-modules at once.
        """
        self.submodules = list(app.find_submodules(self.import_name))

        super().register(app, options)

        for module in self.submodules:
            module.parentmodules.append(self)
            if app.blueprints.get(module.name) is None:
                app.register_blueprint(module)

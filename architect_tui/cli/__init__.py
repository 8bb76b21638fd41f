"""Command-line front door: parses arguments and hands them to the core.

Each headless command lives in its own module (``cli/<command>.py``) exposing
``add_parser(subparsers)`` and ``run(args) -> int``. Modules are imported lazily so that
``architect --help`` and the TUI's first frame never pay for ``anthropic`` or LibCST.
``architect [PATH]`` with no command opens the TUI.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# command name -> (module, one-line help). Order is the order shown in --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "routes": ("architect_tui.cli.routes", "list the apps, blueprints and routes (static)"),
    "review": ("architect_tui.cli.review", "review a route, blueprint, file or range"),
    "apply": ("architect_tui.cli.apply", "apply the changes proposed in a review or diff"),
    "undo": ("architect_tui.cli.undo", "undo the latest apply, byte for byte"),
    "check": ("architect_tui.cli.check", "run the offline rules (CI gate)"),
    "diff": ("architect_tui.cli.diff", "the change since a base (git), as routes"),
    "prompts": ("architect_tui.cli.prompts", "show which prompt files are in use"),
}

EXIT_OK = 0
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors already; keep its message short and clear."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"architect: error: {message}\n")


def _build_command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module = importlib.import_module(COMMANDS[name][0])
    parser = _Parser(prog=f"architect {name}", description=COMMANDS[name][1])
    module.add_parser(parser)  # type: ignore[attr-defined]
    _accept_both_project_forms(parser)
    return parser, module


def _dests(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {a.dest: a for a in parser._actions}


def _accept_both_project_forms(parser: argparse.ArgumentParser) -> None:
    """``architect CMD PATH`` and ``architect CMD --project PATH`` work for every command.

    Commands declare one form (a ``path`` positional or a ``--project`` option); the other is
    added here, once, instead of in every command module. The command reads the form it declared.
    """
    dests = _dests(parser)
    if any(not a.option_strings and a.nargs in ("*", "+") for a in parser._actions):
        return  # the command reads a variable list of positionals itself (diff: [BASE] [PATH])
    if "project" in dests and "path" not in dests:
        parser.add_argument(
            "path", nargs="?", default=None, metavar="PATH", help="the project (same as --project)"
        )
        parser.set_defaults(_project_alias="path", _project_main="project")
    elif "path" in dests and "project" not in dests:
        parser.add_argument(
            "--project", default=None, metavar="PATH", help="the project (same as PATH)"
        )
        parser.set_defaults(_project_alias="project", _project_main="path")


def _settle_project(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Copy the alias form into the declared one; two different projects are a usage error."""
    alias, main = getattr(args, "_project_alias", None), getattr(args, "_project_main", None)
    if not alias or not main:
        return
    given = getattr(args, alias)
    if given is None:
        return
    declared = getattr(args, main)
    default = _dests(parser)[main].default
    if declared not in (None, default, given):
        parser.error(f"two projects given: {declared} and {given}")
    setattr(args, main, given)


def _tui_parser() -> argparse.ArgumentParser:
    lines = "\n".join(f"  {name:<9} {help_}" for name, (_, help_) in COMMANDS.items())
    parser = _Parser(
        prog="architect",
        description="A Flask architect in your terminal. With no command, opens the TUI.",
        epilog=f"commands:\n{lines}\n\nRun 'architect COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", default=".", help="project directory (default: .)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            parser, module = _build_command_parser(args_list[0])
            args = parser.parse_args(args_list[1:])
            _settle_project(parser, args)
            return int(module.run(args) or 0)  # type: ignore[attr-defined]
        args = _tui_parser().parse_args(args_list)
        if args.version:
            from architect_tui import __version__

            print(__version__)
            return EXIT_OK
        from architect_tui.cli.tui import run_tui

        return run_tui(args.path)
    except KeyboardInterrupt:
        print("architect: interrupted", file=sys.stderr)
        return 130
    except MemoryError:  # a last line of defence: inputs are capped, but the machine may be small
        print("architect: out of memory: the input is too large for this machine", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

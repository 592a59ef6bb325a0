"""One module per `cartref` sub-command; each exposes `register(subparsers)`.

The parser lives here, not in `desktop.cli`: opening the window needs no argparse at all.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

# Sub-command modules, in the order `cartref --help` lists them.
COMMAND_MODULES = (
    "search",
    "show",
    "trials",
    "centers",
    "handout",
    "grade",
    "kb",
    "pack",
    "feedback",
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line and exit code 2 (its default is 2 too)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"cartref: error: {message}\n")
        raise SystemExit(2)


def build_parser(only: str | None = None, *, gui: Callable[[argparse.Namespace], int] | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that sub-command's module is imported (each costs start-up)."""
    parser = _Parser(prog="cartref", description="CAR-T Reference (offline).")
    parser.add_argument("--self-test", action="store_true", help="check KB, search and a handout render, headless")
    parser.add_argument("--version", action="store_true", help="print the program and KB versions")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    gui_parser = sub.add_parser("gui", help="open the window (the default)")
    gui_parser.set_defaults(func=gui)
    for name in COMMAND_MODULES if only not in COMMAND_MODULES else (only,):
        try:
            module = importlib.import_module(f"desktop.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"desktop.commands.{name}":
                continue  # that feature is not present in this build
            raise
        module.register(sub)
    return parser

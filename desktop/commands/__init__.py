"""One module per `cartref` sub-command; each exposes `register(subparsers)`.

The parser lives here, not in `desktop.cli`: opening the window needs no argparse at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any


# One small function per sub-command, importing its module only when called: `cartref search`
# imports the search command alone (start-up is budgeted), `cartref --help` all of them.
def _search(sub: Any) -> None:
    from desktop.commands import search

    search.register(sub)


def _show(sub: Any) -> None:
    from desktop.commands import show

    show.register(sub)


def _trials(sub: Any) -> None:
    from desktop.commands import trials

    trials.register(sub)


def _centers(sub: Any) -> None:
    from desktop.commands import centers

    centers.register(sub)


def _handout(sub: Any) -> None:
    from desktop.commands import handout

    handout.register(sub)


def _grade(sub: Any) -> None:
    from desktop.commands import grade

    grade.register(sub)


def _dose(sub: Any) -> None:
    from desktop.commands import dose

    dose.register(sub)


def _pathway(sub: Any) -> None:
    from desktop.commands import pathway

    pathway.register(sub)


def _watch(sub: Any) -> None:
    from desktop.commands import watch

    watch.register(sub)


def _handover(sub: Any) -> None:
    from desktop.commands import handover

    handover.register(sub)


def _plan(sub: Any) -> None:
    from desktop.commands import plan

    plan.register(sub)


def _kb(sub: Any) -> None:
    from desktop.commands import kb

    kb.register(sub)


def _pack(sub: Any) -> None:
    from desktop.commands import pack

    pack.register(sub)


def _feedback(sub: Any) -> None:
    from desktop.commands import feedback

    feedback.register(sub)


COMMANDS: dict[str, Callable[[Any], None]] = {
    "search": _search,
    "show": _show,
    "trials": _trials,
    "centers": _centers,
    "handout": _handout,
    "grade": _grade,
    "dose": _dose,
    "pathway": _pathway,
    "watch": _watch,
    "handover": _handover,
    "plan": _plan,
    "kb": _kb,
    "pack": _pack,
    "feedback": _feedback,
}
"""Sub-command name -> its registration, in the order `cartref --help` lists them."""


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
    registrations = [COMMANDS[only]] if only in COMMANDS else COMMANDS.values()
    for register in registrations:
        register(sub)
    return parser

"""One module per `cartref` sub-command; each exposes `register(subparsers)`.

The parser lives here, not in `desktop.cli`: opening the window needs no argparse at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from desktop.i18n import N_


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
    """argparse that reports bad usage as one line and exit code 2 (its default is 2 too), in the
    interface language (`--lang` anywhere on the command line), as is `--help`: the help texts
    are message ids (`N_`), translated as they are added."""

    lang = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if isinstance(kwargs.get("description"), str):
            kwargs["description"] = _tr(kwargs["description"])
        super().__init__(*args, **kwargs)


    def error(self, message: str) -> None:  # type: ignore[override]
        from desktop.i18n import gettext, translate_line

        _ = gettext(self.lang)
        sys.stderr.write("cartref: " + _("error: %(message)s") % {"message": translate_line(message, self.lang)} + "\n")
        raise SystemExit(2)


ARGPARSE_TEXTS = (N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"))
"""argparse's own words in a help page (Python 3.11), looked up in our catalogue."""

_ARGPARSE_GETTEXT = argparse._  # type: ignore[attr-defined]  # argparse's module-level gettext


def _tr(text: str) -> str:
    """A help text in the parser's language (the catalogue's id is the English)."""
    if _Parser.lang == "en" or not text:
        return text
    from desktop.i18n import gettext

    return gettext(_Parser.lang)(text)


def _use_language(lang: str) -> None:
    """Point argparse's own gettext at our catalogue (its help page headings); English restores it."""
    _Parser.lang = lang
    if lang == "en":
        argparse._ = _ARGPARSE_GETTEXT  # type: ignore[attr-defined]
        return
    from desktop.i18n import gettext

    ours = gettext(lang)

    def translate(message: str) -> str:
        found = ours(message)
        return found if found != message else _ARGPARSE_GETTEXT(message)

    argparse._ = translate  # type: ignore[attr-defined]


def _translate_help(parser: argparse.ArgumentParser) -> None:
    """Every option's and sub-command's help text, once the parsers are built (options added to
    a group or a sub-parser included)."""
    for action in parser._actions:
        if isinstance(action.help, str) and action.help != argparse.SUPPRESS:
            action.help = _tr(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if isinstance(choice.help, str):
                    choice.help = _tr(choice.help)
            for child in dict.fromkeys(action.choices.values()):
                _translate_help(child)


def interface_lang(argv: Sequence[str]) -> str | None:
    """The language `--lang X` (or `--lang=X`) asks for, wherever it stands; None when not given
    or not a language (argparse then says so). Read before parsing, so that argparse's own
    messages are in that language too."""
    from desktop.i18n import catalogue_locale

    found: str | None = None
    for i, arg in enumerate(argv):  # the last one counts, as it does for argparse
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:] if arg.startswith("--lang=") else None
        if value is None:
            continue
        code = value.strip().lower().replace("_", "-")
        if code in ("en", "en-us", "en-gb"):
            found = "en"
        elif code in ("zh", "zh-hans", "zh-cn"):
            found = "zh-Hans" if catalogue_locale(code) else "en"
    return found


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:  # argparse keeps its sub-parsers here, nowhere public
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # aliases share a parser
                found.append(child)
                found.extend(_subparsers(child))
    return found


def _lang_everywhere(parser: argparse.ArgumentParser) -> None:
    """Every command takes `--lang en|zh` for its messages, also those whose output has no
    content in two languages (kb, pack, feedback); the value is the same wherever it is given."""
    from desktop.commands.common import lang_choice

    for child in _subparsers(parser):
        if "--lang" not in child._option_string_actions:
            child.add_argument("--lang", type=lang_choice, default=None, help=argparse.SUPPRESS)


def build_parser(only: str | None = None, *, gui: Callable[[argparse.Namespace], int] | None = None,
                 lang: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that sub-command's module is imported (each costs start-up)."""
    from desktop.commands.common import lang_choice

    _use_language(lang or "en")
    parser = _Parser(prog="cartref", description=N_("CAR-T Reference (offline)."))
    parser.add_argument("--self-test", action="store_true", help=N_("check KB, search and a handout render, headless"))
    parser.add_argument("--version", action="store_true", help=N_("print the program and KB versions"))
    parser.add_argument("--lang", type=lang_choice, default=None, help=N_("messages in en or zh"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    gui_parser = sub.add_parser("gui", help=N_("open the window (the default)"))
    gui_parser.set_defaults(func=gui)
    registrations = [COMMANDS[only]] if only in COMMANDS else COMMANDS.values()
    for register in registrations:
        register(sub)
    _lang_everywhere(parser)
    if _Parser.lang != "en":
        _translate_help(parser)
    return parser

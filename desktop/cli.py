"""The `cartref` front door: argparse over small command modules.

Each module in `desktop.commands` adds its sub-command with `register(subparsers)` and sets
`func(args) -> int`. This file only dispatches and turns our errors into one line on stderr
with the contract's exit codes (0 ok, 1 nothing found, 2 bad input). It imports no Qt unless
the window is asked for, so `cartref search` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from desktop.errors import CartrefError


def N_(message: str) -> str:
    """desktop.i18n.N_ without importing it: the window's first frame does not load the catalogue."""
    return message


def gettext(lang: str | None) -> Any:
    from desktop import i18n

    return i18n.gettext(lang)


def translate_line(text: str, lang: str | None) -> str:
    from desktop import i18n

    return i18n.translate_line(text, lang)


def _run_gui(args: Any) -> int:
    import gc

    # Start-up makes ~40,000 objects that live as long as the window (modules, classes, Qt
    # wrappers and enums): collecting while they are made only walks them again and again.
    # run_app turns collection back on, with them frozen, once the window is shown.
    gc.disable()
    from desktop.ui.shell.app import run_app

    return run_app(list(getattr(args, "qt_args", []) or []))


def _run_self_test() -> int:
    from desktop.selftest import run_self_test

    return run_self_test()


def _utf8_streams() -> None:
    """Make stdout and stderr UTF-8 whatever they are connected to.

    On Windows, Python writes a pipe or a file in the ANSI code page (cp1252, cp936 ...), where
    `cartref search 骨髓瘤 --json | ...` cannot be encoded; the console itself is Unicode already.
    UTF-8 is what the CLI contract promises. Streams that are None (no console) or not text
    wrappers (a test's StringIO) are left alone.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and str(getattr(stream, "encoding", "")).lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8")


def _no_console_streams() -> None:
    """A windowed Windows program (`CAR-T Reference.exe`) has no stdout/stderr at all (None):
    give it null streams, so that a message or a traceback on the way out does not become an
    AttributeError of its own."""
    import os

    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


# One-line messages for failures that are the input's or the machine's, not the program's
# (English message ids, translated when shown; `%(name)s` placeholders as everywhere).
MESSAGES = {
    "nul": N_("error: an argument contains a NUL character"),
    "not-text": N_("error: an argument is not valid text (UTF-8): %(text)s"),
    "kb-value": N_("the knowledge base holds a damaged value (%(what)s); check it with `cartref kb verify`"),
    "sqlite": N_("%(what)s (%(detail)s)"),
    "interrupted": N_("interrupted"),
    "internal": N_("internal error: %(what)s (details in %(log)s)"),
}
SQLITE_WHAT = {
    "full": N_("the disk is full"),
    "readonly": N_("a file cannot be written"),
    "busy": N_("a file is in use by another program"),
    "ioerr": N_("the disk could not be read or written"),
    "cantopen": N_("a file cannot be opened"),
}


def _known_failure(exc: BaseException, lang: str = "en") -> str | None:
    """A one-line message for an exception that is not a bug, or None for the last guard."""
    import json
    import sqlite3

    _ = gettext(lang)
    if isinstance(exc, UnicodeEncodeError):
        return _(MESSAGES["not-text"]) % {"text": repr(exc.object[exc.start:exc.end])}
    if isinstance(exc, json.JSONDecodeError | RecursionError):
        return _(MESSAGES["kb-value"]) % {"what": f"{type(exc).__name__}: {exc}"}
    if isinstance(exc, sqlite3.OperationalError):
        code = int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        what = {
            sqlite3.SQLITE_FULL: "full",
            sqlite3.SQLITE_READONLY: "readonly",
            sqlite3.SQLITE_BUSY: "busy",
            sqlite3.SQLITE_LOCKED: "busy",
            sqlite3.SQLITE_IOERR: "ioerr",
            sqlite3.SQLITE_CANTOPEN: "cantopen",
            sqlite3.SQLITE_PERM: "readonly",
        }.get(code)
        return _(MESSAGES["sqlite"]) % {"what": _(SQLITE_WHAT[what]), "detail": exc} if what else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    if sys.platform == "win32":
        _no_console_streams()
        _utf8_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    if any("\0" in a for a in argv):  # only in-process: a shell cannot pass one (F16)
        sys.stderr.write(f"cartref: {MESSAGES['nul']}\n")
        return 2
    lang = "en"
    try:
        if not argv or argv == ["gui"]:
            # The window: skip building every sub-command's parser (and its imports); start-up is budgeted.
            # argparse itself is not even imported.
            args: Any = SimpleNamespace(self_test=False, version=False, func=_run_gui)
        else:
            from desktop.commands import build_parser, interface_lang

            asked = interface_lang(argv)
            lang = asked or "en"
            # inside the guards: an argument's type check may meet the file system (a name too long)
            args = build_parser(argv[0], gui=_run_gui, lang=lang).parse_args(argv)
            if asked:
                args.lang = asked  # also when given before the sub-command, whose own default would win
        if args.self_test:
            return _run_self_test()
        if args.version:
            from desktop.commands.kb import print_version

            return print_version(lang)
        func = getattr(args, "func", None)
        if func is None or func is _run_gui:
            return _run_gui(args)
        from desktop.leftovers import sweep_all

        sweep_all()  # what a kill or a full disk left last time (F5); never raises
        return int(func(args))
    except CartrefError as exc:
        from desktop.i18n import error_line

        sys.stderr.write(f"cartref: {error_line(exc, lang)}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(f"cartref: {gettext(lang)(MESSAGES['interrupted'])}\n")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        sys.stderr.write(f"cartref: {translate_line(str(exc.strerror or exc), lang)}{where}\n")
        return 2
    except Exception as exc:  # the last guard: a one-line message, the traceback to the log
        known = _known_failure(exc, lang)
        if known is not None:
            sys.stderr.write(f"cartref: {known}\n")
            return 2
        log = _log_traceback()
        sys.stderr.write("cartref: " + gettext(lang)(MESSAGES["internal"]) % {
            "what": f"{type(exc).__name__}: {exc}", "log": log} + "\n")
        return 3


def _log_traceback() -> str:
    """The exception being handled, to the log; where it went, for the one-line message."""
    from desktop.log import log_error

    path = log_error("cartref " + " ".join(sys.argv[1:]), exc_info=True)
    return str(path) if path is not None else "stderr unavailable"


if __name__ == "__main__":
    sys.exit(main())

"""Errors a user can act on: each carries a one-line message for the CLI and the window.

A message may be a `desktop.i18n.Msg`, kept untranslated until it is shown: `str(error)` is the
English, `error.line(lang)` the line in the interface language. Errors raised with a plain
string read the same in every language unless `desktop.i18n.translate_line` knows the sentence.
"""

from __future__ import annotations

from typing import Any


class CartrefError(Exception):
    """Base of every error we show to a user as one line (never a traceback)."""

    exit_code = 2

    def __init__(self, message: Any = "", *args: Any) -> None:
        # a Msg (duck-typed: this module stays below desktop.i18n) or plain text
        self.msg = message if hasattr(message, "msgid") and hasattr(message, "text") else None
        super().__init__(message.text("en") if self.msg is not None else message, *args)


class ContentError(CartrefError):
    """The authored content in data/ breaks a rule; the message names file:line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        first = problems[0] if problems else "content error"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)


class KBError(CartrefError):
    """The knowledge base file is missing, corrupt or of an unknown schema."""


class UserInputError(CartrefError):
    """Malformed input on the command line or in a form."""


class NotFoundError(CartrefError):
    """Nothing matched; exit code 1 on the command line."""

    exit_code = 1


class PackError(CartrefError):
    """A content pack was refused; the installed KB is unchanged."""

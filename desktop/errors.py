"""Errors a user can act on: each carries a one-line message for the CLI and the window."""


class CartrefError(Exception):
    """Base of every error we show to a user as one line (never a traceback)."""

    exit_code = 2


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

"""PackProblem: a refused pack, with a machine-readable reason the window can translate."""

from __future__ import annotations

from desktop.errors import PackError

REASONS = (
    "corrupt",
    "unsafe-path",
    "link",
    "too-large",
    "unsigned",
    "bad-signature",
    "unknown-signer",
    "bad-manifest",
    "format",
    "schema",
    "downgrade",
    "hash-mismatch",
    "content",
    "disk-full",
    "io",
    "cancelled",
    "no-previous",
    "not-installed",
    "not-found",
    "expired",
    "revoked",
    "changed",  # the pack file changed between its check and its copy (F23)
)


class PackProblem(PackError):
    """One clear sentence (str(exc)) plus `reason`, one of REASONS."""

    def __init__(self, reason: str, message: str) -> None:
        assert reason in REASONS, reason
        self.reason = reason
        super().__init__(message)


class PackCancelled(PackProblem):
    """The user pressed Cancel before the swap; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("cancelled", "The update was cancelled; the installed knowledge base is unchanged.")

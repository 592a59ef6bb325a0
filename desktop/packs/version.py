"""Pack versions are dotted numbers ("2026.12.1"), compared number by number, not as text."""

from __future__ import annotations

import re

from desktop.errors import UserInputError

_VERSION_RE = re.compile(r"^\d{1,9}(\.\d{1,9}){0,5}$")


def parse_version(text: str) -> tuple[int, ...]:
    """"2026.12.1" -> (2026, 12, 1); trailing zeros dropped so 2026.12 == 2026.12.0."""
    if not isinstance(text, str) or not _VERSION_RE.match(text):
        raise UserInputError(f"version {text!r} is not dotted numbers such as 2026.12.1")
    parts = [int(p) for p in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def is_valid_version(text: object) -> bool:
    return isinstance(text, str) and bool(_VERSION_RE.match(text))


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as a is older than, the same as, or newer than b."""
    ka, kb = parse_version(a), parse_version(b)
    return (ka > kb) - (ka < kb)

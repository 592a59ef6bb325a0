"""Seals: the installed KB is the exact file a signed pack produced, checked on every open.

`pack apply` builds a KB file from a pack whose manifest is signed, then writes a seal named
after that file's sha256 (`kb/seals/<sha256>.json`) holding the signed manifest and its
signature. Opening the installed KB hashes the file (about 11 ms for the shipped 7.5 MB KB;
the window does it on a worker thread) and looks for the seal of that hash: a changed byte,
bit rot or a swapped file has no seal and is refused, so the program falls back to its
bundled KB with a notice. Content-addressed seals need no bookkeeping when `current` and
`previous` swap places. A file placed by hand in a KB folder that no pack ever sealed
(no seal at all) is used as before: nothing claims it came from a pack.

The packs layer checks the seal's signature (it owns the trusted keys); this module only
proves "same bytes as sealed". Layer: kb, so no Qt and no packs import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop import paths
from desktop.errors import KBError
from desktop.fileio import write_bytes_atomic
from desktop.readlimits import NotRegularFile, read_regular, sha256_regular

SEALS = "seals"
MAX_SEAL_BYTES = 16 * 1024 * 1024  # a manifest is capped at 8 MiB; base64 adds a third


def seals_dir() -> Path:
    return paths.installed_kb_dir() / SEALS


def seal_path(sha: str) -> Path:
    return seals_dir() / f"{sha}.json"


file_sha256 = sha256_regular


def any_seals() -> bool:
    """Whether any pack has been installed under this scheme (then every installed KB needs one)."""
    folder = seals_dir()
    try:
        return folder.is_dir() and any(p.suffix == ".json" for p in folder.iterdir())
    except OSError:
        return True  # an unreadable seal folder must not turn the check off


def read_seal(sha: str) -> dict[str, Any] | None:
    """The seal for this file hash, or None (missing, unreadable, or not ours)."""
    import json

    try:
        data = json.loads(read_regular(seal_path(sha), MAX_SEAL_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("kb_sha256") != sha:
        return None
    return data


def write_seal(sha: str, record: dict[str, Any]) -> Path:
    import json

    target = seal_path(sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = {**record, "kb_sha256": sha}
    write_bytes_atomic(target, (json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"), mode=0o644)
    return target


def is_installed_path(path: Path) -> bool:
    """Whether `path` is one of the KB files packs install (current or previous)."""
    try:
        folder = paths.installed_kb_dir().resolve()
        return Path(path).resolve().parent == folder
    except OSError:
        return False


def authenticate(path: Path) -> str | None:
    """Raise KBError unless this installed KB file is byte for byte one a pack sealed.

    Returns the file's sha256 (None when no pack was ever installed under seals, i.e. a file
    put there by hand, which is used as before).
    """
    if not any_seals():
        return None
    try:
        sha = file_sha256(path)
    except NotRegularFile:
        raise KBError(f"knowledge base is not a plain file: {path}") from None
    except OSError as exc:
        raise KBError(f"knowledge base cannot be read ({exc.strerror or exc}): {path}") from None
    if read_seal(sha) is None:
        raise KBError(f"knowledge base does not match the signed pack it was installed from (changed or damaged since): {path}")
    return sha

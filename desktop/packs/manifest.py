"""The pack manifest: what is in the pack, signed as exact canonical JSON bytes."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.packs.errors import PackProblem
from desktop.packs.paths import check_member_name
from desktop.packs.version import is_valid_version

FORMAT = "cartref-content-pack"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "signature"
DATA_PREFIX = "data/"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DEFAULT_LIFETIME_DAYS = 365
"""A pack without `expires` (made before packs carried one) expires this long after its release."""


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    pack_version: str
    schema_version: int
    content_hash: str
    release_date: str
    changelog: dict[str, str]
    files: tuple[FileEntry, ...]
    kb_version: str = ""
    content_date: str = ""
    created_by: str = ""
    expires: str = ""
    """YYYY-MM-DD after which the pack is refused unless the user accepts it (freeze attacks)."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def expiry_date(self) -> dt.date:
        if self.expires:
            return dt.date.fromisoformat(self.expires)
        return dt.date.fromisoformat(self.release_date) + dt.timedelta(days=DEFAULT_LIFETIME_DAYS)

    def is_expired(self, today: dt.date | None = None) -> bool:
        return (today or dt.date.today()) > self.expiry_date

    def changelog_for(self, lang: str) -> str:
        """The changelog in `lang` ("en" / "zh-Hans"), else the English one."""
        return self.changelog.get(lang) or self.changelog.get("en", "")

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "pack_version": self.pack_version,
            "schema_version": self.schema_version,
            "kb_version": self.kb_version,
            "content_date": self.content_date,
            "content_hash": self.content_hash,
            "release_date": self.release_date,
            "changelog": dict(self.changelog),
            "created_by": self.created_by,
            **({"expires": self.expires} if self.expires else {}),
            "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files],
        }

    def canonical_bytes(self) -> bytes:
        return canonical_json(self.to_json())


def canonical_json(data: Any) -> bytes:
    """One byte string per meaning: sorted keys, no spaces, UTF-8. This is what gets signed."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _bad(detail: str) -> PackProblem:
    return PackProblem("bad-manifest", f"The pack's manifest is not valid ({detail}), so the pack was not applied.")


def parse_manifest(raw: bytes) -> Manifest:
    """Parse signed manifest bytes; every field is checked because a signer can make mistakes too."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested too deep
        raise _bad("not JSON") from None
    if not isinstance(data, dict):
        raise _bad("not a JSON object")
    if data.get("format") != FORMAT:
        raise _bad("not a CAR-T Reference content pack")
    if data.get("format_version") != FORMAT_VERSION:
        raise PackProblem(
            "format",
            f"The pack uses pack format {data.get('format_version')!r}, which this program does not read; update the program first.",
        )
    version = data.get("pack_version")
    if not is_valid_version(version):
        raise _bad(f"pack version {version!r} is not dotted numbers")
    schema_version = data.get("schema_version")
    if not isinstance(schema_version, int) or isinstance(schema_version, bool):
        raise _bad("schema version is not a number")
    content_hash = data.get("content_hash")
    if not isinstance(content_hash, str) or not _HEX64.match(content_hash):
        raise _bad("content hash is not a sha256")
    release_date = data.get("release_date")
    if not _is_date(release_date):
        raise _bad("release date is not YYYY-MM-DD")
    expires = data.get("expires", "")
    if expires != "" and not _is_date(expires):
        raise _bad("expiry date is not YYYY-MM-DD")
    if expires and str(expires) < str(release_date):
        raise _bad("it expires before its release date")
    changelog = data.get("changelog")
    if not isinstance(changelog, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in changelog.items()):
        raise _bad("changelog is not a mapping of language to text")
    files_raw = data.get("files")
    if not isinstance(files_raw, list):
        raise _bad("file list missing")
    files: list[FileEntry] = []
    seen: set[str] = set()
    for item in files_raw:
        if not isinstance(item, dict):
            raise _bad("file list entry is not an object")
        path, digest, size = item.get("path"), item.get("sha256"), item.get("size")
        if not isinstance(path, str):
            raise _bad("file path is not text")
        check_member_name(path)
        if not path.startswith(DATA_PREFIX) or path == DATA_PREFIX:
            raise _bad(f"file {path!r} is outside data/")
        if not isinstance(digest, str) or not _HEX64.match(digest):
            raise _bad(f"file {path!r} has no sha256")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise _bad(f"file {path!r} has no size")
        folded = path.casefold()
        if folded in seen:
            raise PackProblem("unsafe-path", f"The pack lists the file {path!r} twice, so it was not applied.")
        seen.add(folded)
        files.append(FileEntry(path, digest, size))
    return Manifest(
        pack_version=str(version),
        schema_version=schema_version,
        content_hash=content_hash,
        release_date=str(release_date),
        changelog={str(k): str(v) for k, v in changelog.items()},
        files=tuple(files),
        kb_version=str(data.get("kb_version", "")),
        content_date=str(data.get("content_date", "")),
        created_by=str(data.get("created_by", "")),
        expires=str(expires),
    )


def _is_date(value: object) -> bool:
    """A real calendar date in YYYY-MM-DD (2026-02-30 is not one)."""
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_expiry(manifest: Manifest, *, accept_expired: bool = False, today: dt.date | None = None) -> bool:
    """Refuse an expired pack (an old one replayed to freeze updates) unless the user accepts it.

    Returns True when the pack is expired and was accepted, so the caller can warn.
    """
    if not manifest.is_expired(today):
        return False
    if accept_expired:
        return True
    raise PackProblem(
        "expired",
        f"Pack {manifest.pack_version} expired on {manifest.expiry_date.isoformat()}; a newer pack may exist, so it was not "
        "applied (use --accept-expired to install it anyway).",
    )

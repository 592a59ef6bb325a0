"""Make a pack: validate data/, list every file with its sha256 and size, sign the manifest."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop import __version__
from desktop.content.load import load_content
from desktop.errors import ContentError, UserInputError
from desktop.fileio import atomic_path
from desktop.kb import schema
from desktop.packs.keys import KeyPair
from desktop.packs.manifest import (
    DATA_PREFIX,
    DEFAULT_LIFETIME_DAYS,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    FileEntry,
    Manifest,
)
from desktop.packs.paths import check_member_name
from desktop.packs.version import parse_version

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""Zip timestamps are fixed so the same data, version and key give the same pack bytes."""


@dataclass(frozen=True)
class BuiltPack:
    path: Path
    manifest: Manifest
    sha256: str


def pack_files(data_dir: Path) -> list[tuple[str, Path]]:
    """(name in pack, file) for exactly the files content_hash covers (no hidden files)."""
    found: list[tuple[str, Path]] = []
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(data_dir).as_posix()
        if rel.startswith(".") or "/." in rel:
            continue
        name = DATA_PREFIX + rel
        check_member_name(name)
        found.append((name, path))
    return found


def signature_bytes(key: KeyPair, manifest_bytes: bytes) -> bytes:
    return (
        json.dumps(
            {
                "algorithm": "ed25519",
                "public_key": key.public.b64,
                "key_name": key.name,
                "signature": base64.b64encode(key.sign(manifest_bytes)).decode("ascii"),
            },
            indent=2,
        ).encode("utf-8")
        + b"\n"
    )


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100644 & 0xFFFF) << 16
    info.create_system = 3
    return info


def build_pack(
    data_dir: Path,
    key: KeyPair,
    version: str,
    out: Path,
    *,
    changelog_en: str = "",
    changelog_zh: str = "",
    release_date: str | None = None,
    expires: str | None = None,
) -> BuiltPack:
    """Refuses content that would not build (the same checks as `cartref kb build`).

    `expires` (YYYY-MM-DD) defaults to DEFAULT_LIFETIME_DAYS after the release date: an old
    pack replayed later must not pass as current for ever (a freeze attack).
    """
    parse_version(version)
    data_dir = Path(data_dir)
    content = load_content(data_dir)
    if content.problems:
        raise ContentError(content.problems)
    if release_date is None:
        release_date = dt.date.today().isoformat()
    else:
        try:
            dt.date.fromisoformat(release_date)
        except ValueError:
            raise UserInputError(f"release date {release_date!r} is not YYYY-MM-DD") from None
    released = dt.date.fromisoformat(release_date)
    if expires is None:
        expires = (released + dt.timedelta(days=DEFAULT_LIFETIME_DAYS)).isoformat()
    try:
        expiry = dt.date.fromisoformat(expires)
    except ValueError:
        raise UserInputError(f"expiry date {expires!r} is not YYYY-MM-DD") from None
    if expiry < released:
        raise UserInputError(f"expiry date {expires} is before the release date {release_date}")
    entries: list[FileEntry] = []
    blobs: list[tuple[str, bytes]] = []
    for name, path in pack_files(data_dir):
        blob = path.read_bytes()  # read once: the bytes hashed are the bytes packed
        blobs.append((name, blob))
        entries.append(FileEntry(name, hashlib.sha256(blob).hexdigest(), len(blob)))
    manifest = Manifest(
        pack_version=version,
        schema_version=schema.SCHEMA_VERSION,
        content_hash=content.content_hash,
        release_date=release_date,
        changelog={"en": changelog_en.strip(), "zh-Hans": changelog_zh.strip()},
        files=tuple(entries),
        kb_version=content.kb_version,
        content_date=content.content_date,
        created_by=f"cartref {__version__}",
        expires=expiry.isoformat(),
    )
    manifest_bytes = manifest.canonical_bytes()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out, mode=0o644) as tmp, zipfile.ZipFile(tmp, "w") as zf:
        zf.writestr(_info(MANIFEST_NAME), manifest_bytes)
        zf.writestr(_info(SIGNATURE_NAME), signature_bytes(key, manifest_bytes))
        for name, blob in blobs:
            zf.writestr(_info(name), blob)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    return BuiltPack(out, manifest, digest)

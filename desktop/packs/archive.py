"""Reading a pack safely: structure, sizes, signature, manifest, then streamed hashes.

Order matters. The zip's central directory is checked first (names, links, declared sizes:
cheap, and a zip bomb is refused before one byte is inflated), then the signature over the
manifest, then the manifest's promises (schema), and only then is file data streamed, hashed
and counted against the declared sizes, so disk and memory stay bounded whatever the file says.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop.kb import schema
from desktop.packs.errors import PackCancelled, PackProblem
from desktop.packs.keys import (
    ALL_REVOKED,
    REVOKED_FILE,
    PublicKey,
    fingerprint,
    is_revoked,
    revoked_fingerprints,
    trusted_keys,
)
from desktop.packs.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    FileEntry,
    Manifest,
    parse_manifest,
)
from desktop.packs.paths import check_member_name
from desktop.readlimits import NotRegularFile, open_regular, sha256_regular

# Limits: generous for a text knowledge base (data/ is a few MB), tiny for an attacker.
MAX_PACK_BYTES = 512 * 1024 * 1024
MAX_ENTRIES = 20_000
MAX_TOTAL_UNCOMPRESSED = 256 * 1024 * 1024
MAX_ENTRY_UNCOMPRESSED = 64 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
"""Entries smaller than this may compress better than MAX_RATIO (tiny files of repeats)."""
MAX_MANIFEST_BYTES = 8 * 1024 * 1024
MAX_SIGNATURE_BYTES = 4096
CHUNK = 64 * 1024

Progress = Callable[[str, float], None]
"""progress(stage, fraction 0..1) — called often, from the thread doing the work."""
Cancel = Callable[[], bool]

CORRUPT_MESSAGE = "The pack file is damaged or incomplete (not a readable zip archive), so it was not applied."


@dataclass(frozen=True)
class PackInfo:
    """A pack whose signature checked out against a trusted key."""

    path: Path
    manifest: Manifest
    signer: PublicKey
    pack_sha256: str
    manifest_bytes: bytes = b""
    """The exact signed bytes, kept so the installed KB can be sealed with them."""
    signature_bytes: bytes = b""

    @property
    def signer_label(self) -> str:
        return f"{self.signer.name} ({self.signer.fingerprint})"


def _corrupt() -> PackProblem:
    return PackProblem("corrupt", CORRUPT_MESSAGE)


def _too_large(detail: str) -> PackProblem:
    return PackProblem("too-large", f"The pack is too large to be a content pack ({detail}), so it was not applied.")


@contextmanager
def open_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    path = Path(path)
    try:
        st = path.stat()
        size, mode = st.st_size, st.st_mode
    except FileNotFoundError:
        raise PackProblem("not-found", f"The pack file {str(path)!r} does not exist.") from None
    except OSError as exc:
        raise PackProblem("io", f"The pack file cannot be read ({exc.strerror or exc}).") from None
    if not stat.S_ISREG(mode):
        raise PackProblem("not-found", f"{str(path)!r} is not a file.")
    if size > MAX_PACK_BYTES:
        raise _too_large(f"the file is {size // (1024 * 1024)} MiB")
    try:
        fh = open_regular(path)  # a swap to a pipe after the stat cannot block
    except NotRegularFile:
        raise PackProblem("not-found", f"{str(path)!r} is not a file.") from None
    except OSError as exc:
        raise PackProblem("io", f"The pack file cannot be read ({exc.strerror or exc}).") from None
    with fh:
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
            raise _corrupt() from None
        except OSError as exc:
            raise PackProblem("io", f"The pack file cannot be read ({exc.strerror or exc}).") from None
        try:
            yield zf
        finally:
            zf.close()


def _is_link_or_special(info: zipfile.ZipInfo) -> bool:
    mode = (info.external_attr >> 16) & 0xFFFF
    if mode and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
        return True
    dos = info.external_attr & 0xFFFF
    return bool(dos & 0x400)  # FILE_ATTRIBUTE_REPARSE_POINT: a Windows link


def check_structure(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Every entry: safe name, plain file, unencrypted, known compression, bounded sizes."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _too_large(f"{len(infos)} files")
    by_name: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    total = 0
    for info in infos:
        # The name as stored: on Windows, zipfile turns backslashes into slashes in .filename
        # (and cuts it at a NUL), which would hide exactly the names that must be refused.
        name = info.orig_filename
        if info.is_dir():
            raise PackProblem("unsafe-path", f"The pack contains a folder entry {name!r}, which content packs never hold, so it was not applied.")
        check_member_name(name)
        if _is_link_or_special(info):
            raise PackProblem("link", f"The pack contains a link or special file {name!r}, so it was not applied.")
        if name.casefold() in folded:
            raise PackProblem("unsafe-path", f"The pack contains the file {name!r} twice, so it was not applied.")
        folded.add(name.casefold())
        if info.flag_bits & 0x1:
            raise PackProblem("corrupt", f"The pack contains an encrypted file {name!r}, which content packs never hold, so it was not applied.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _corrupt()
        if info.file_size > MAX_ENTRY_UNCOMPRESSED:
            raise _too_large(f"{name!r} unpacks to {info.file_size // (1024 * 1024)} MiB")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _too_large(f"{name!r} is compressed more than {MAX_RATIO}:1")
        total += info.file_size
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise _too_large(f"more than {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MiB unpacked")
        by_name[name] = info
    return by_name


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise _too_large(f"{info.filename!r} is {info.file_size} bytes")
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise _corrupt() from None
    if len(data) > limit:
        raise _too_large(f"{info.filename!r} is larger than declared")
    return data


def check_signature(manifest_bytes: bytes, signature_bytes: bytes) -> PublicKey:
    """The trusted key that signed these exact manifest bytes. Unknown signer != bad signature."""
    try:
        sig = json.loads(signature_bytes.decode("utf-8"))
        if not isinstance(sig, dict) or sig.get("algorithm") != "ed25519":
            raise ValueError("not ed25519")
        raw_key = base64.b64decode(str(sig["public_key"]), validate=True)
        raw_sig = base64.b64decode(str(sig["signature"]), validate=True)
        if len(raw_key) != 32 or len(raw_sig) != 64:
            raise ValueError("wrong lengths")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, binascii.Error, RecursionError):
        raise PackProblem("bad-signature", "The pack's signature file is malformed, so the pack cannot be trusted and was not applied.") from None
    trusted = trusted_keys()
    key = trusted.get(raw_key)
    if key is None and is_revoked(raw_key):
        if ALL_REVOKED in revoked_fingerprints():
            raise PackProblem(
                "revoked",
                f"The list of revoked keys ({REVOKED_FILE}) cannot be read, so no key is trusted and the pack was not applied.",
            )
        raise PackProblem(
            "revoked",
            f"The pack is signed by a key that was revoked ({fingerprint(raw_key)}), so it was not applied.",
        )
    if key is None:
        raise PackProblem(
            "unknown-signer",
            f"The pack is signed by an unknown key ({fingerprint(raw_key)}); it was not applied "
            "(trust that key with `cartref pack trust` only if you know who owns it).",
        )
    if not key.verify(manifest_bytes, raw_sig):
        raise PackProblem(
            "bad-signature",
            f"The pack's signature does not match its contents (it was changed after {key.name} signed it), so it was not applied.",
        )
    return key


SITE_SECTION_MEMBERS = ("site/centres.json", "site/centres.signature")
"""A site's own centres, signed by the site's key (desktop.packs.site_section): the only members
a pack may hold beyond its manifest's list; never extracted into the KB, checked on their own."""


def _check_manifest_matches_zip(manifest: Manifest, members: dict[str, zipfile.ZipInfo]) -> None:
    listed = {f.path for f in manifest.files}
    for name in members:
        if name not in listed and name not in (MANIFEST_NAME, SIGNATURE_NAME, *SITE_SECTION_MEMBERS):
            raise PackProblem("hash-mismatch", f"The pack contains {name!r}, which its signed manifest does not list, so it was not applied.")
    for entry in manifest.files:
        info = members.get(entry.path)
        if info is None:
            raise PackProblem("hash-mismatch", f"The pack is missing {entry.path!r}, which its signed manifest lists, so it was not applied.")
        if info.file_size != entry.size:
            raise PackProblem("hash-mismatch", f"The size of {entry.path!r} in the pack does not match its signed manifest, so it was not applied.")
    if manifest.total_size > MAX_TOTAL_UNCOMPRESSED:
        raise _too_large(f"more than {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MiB unpacked")


sha256_file = sha256_regular


def _open_checked(zf: zipfile.ZipFile, path: Path, pack_sha: str) -> tuple[PackInfo, dict[str, zipfile.ZipInfo]]:
    members = check_structure(zf)
    if MANIFEST_NAME not in members or SIGNATURE_NAME not in members:
        raise PackProblem("unsigned", "The file is not a signed content pack (no manifest or signature), so it was not applied.")
    manifest_bytes = _read_small(zf, members[MANIFEST_NAME], MAX_MANIFEST_BYTES)
    signature_bytes = _read_small(zf, members[SIGNATURE_NAME], MAX_SIGNATURE_BYTES)
    signer = check_signature(manifest_bytes, signature_bytes)
    manifest = parse_manifest(manifest_bytes)
    if manifest.schema_version != schema.SCHEMA_VERSION:
        raise PackProblem(
            "schema",
            f"The pack needs knowledge-base schema {manifest.schema_version}, but this program reads schema {schema.SCHEMA_VERSION}; "
            + ("update the program first." if manifest.schema_version > schema.SCHEMA_VERSION else "it was made for an older program."),
        )
    _check_manifest_matches_zip(manifest, members)
    return PackInfo(Path(path), manifest, signer, pack_sha, manifest_bytes, signature_bytes), members


def inspect_pack(path: Path) -> PackInfo:
    """Signature, manifest and structure only (fast: no file data is inflated). For a summary."""
    path = Path(path)
    with open_zip(path) as zf:
        info, _ = _open_checked(zf, path, "")
    return info


def _stream_member(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    entry: FileEntry,
    sink: BinaryIO | None,
    counter: list[int],
    tick: Callable[[], None],
) -> None:
    """Inflate one member in chunks, counting bytes against its declared size and the total cap."""
    digest = hashlib.sha256()
    written = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                written += len(chunk)
                counter[0] += len(chunk)
                if written > entry.size or counter[0] > MAX_TOTAL_UNCOMPRESSED:
                    raise _too_large(f"{entry.path!r} unpacks to more than it declares")
                digest.update(chunk)
                if sink is not None:
                    sink.write(chunk)
                tick()
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise PackProblem("hash-mismatch", f"The file {entry.path!r} in the pack is damaged (its checksum fails), so the pack was not applied.") from None
    if written != entry.size or digest.hexdigest() != entry.sha256:
        raise PackProblem("hash-mismatch", f"The file {entry.path!r} does not match the hash in the pack's signed manifest, so the pack was not applied.")


def _walk(
    path: Path,
    dest: Path | None,
    progress: Progress | None,
    cancel: Cancel | None,
) -> PackInfo:
    path = Path(path)
    if not path.exists():
        raise PackProblem("not-found", f"The pack file {str(path)!r} does not exist.")
    try:
        pack_sha = sha256_file(path)
    except NotRegularFile:
        raise PackProblem("not-found", f"{str(path)!r} is not a file.") from None
    except OSError as exc:
        raise PackProblem("io", f"The pack file cannot be read ({exc.strerror or exc}).") from None
    with open_zip(path) as zf:
        info, members = _open_checked(zf, path, pack_sha)
        total = max(info.manifest.total_size, 1)
        counter = [0]
        last = [-1.0]

        def tick() -> None:
            if cancel is not None and cancel():
                raise PackCancelled()
            if progress is not None:
                fraction = counter[0] / total
                if fraction - last[0] >= 0.01:
                    last[0] = fraction
                    progress("check", fraction)

        for entry in info.manifest.files:
            member = members[entry.path]
            if dest is None:
                _stream_member(zf, member, entry, None, counter, tick)
                continue
            target = dest.joinpath(*entry.path.split("/")[1:])
            if not target.resolve().is_relative_to(dest.resolve()):
                raise PackProblem("unsafe-path", f"The pack contains an unsafe file path {entry.path!r}, so it was not applied.")
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
            with os.fdopen(fd, "wb") as sink:
                _stream_member(zf, member, entry, sink, counter, tick)
            tick()
    if progress is not None:
        progress("check", 1.0)
    return info


def verify_pack(path: Path, progress: Progress | None = None, cancel: Cancel | None = None) -> PackInfo:
    """Everything apply checks except building: structure, signature, schema, every file's hash."""
    return _walk(path, None, progress, cancel)


def extract_pack(path: Path, dest: Path, progress: Progress | None = None, cancel: Cancel | None = None) -> PackInfo:
    """verify_pack, writing data/ files under `dest` (an empty folder) as they stream by."""
    return _walk(path, dest, progress, cancel)

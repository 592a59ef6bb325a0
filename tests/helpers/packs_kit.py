"""Shared by the pack tests (unit, e2e, gui): test keys, packs built from tests/fixtures/mini,
an installed-state template, crafted hostile packs, and a byte-for-byte snapshot of the KB dir.

Tests generate their own keys; the project's release key is never used here.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.kb.installed import read_installed
from desktop.packs.build import build_pack
from desktop.packs.keys import KeyPair, generate_keypair, write_keypair
from tests.helpers.paths import MINI

V1 = "2026.11.25"
V2 = "2026.12.1"


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def make_data(dest: Path, kb_version: str) -> Path:
    """A copy of the mini fixture whose kb.yaml says `kb_version` (so v1 and v2 differ)."""
    shutil.copytree(MINI, dest)
    kb_yaml = dest / "kb.yaml"
    text = kb_yaml.read_text(encoding="utf-8")
    kb_yaml.write_text(text.replace('version: "1.0.0"', f'version: "{kb_version}"'), encoding="utf-8")
    assert f'"{kb_version}"' in kb_yaml.read_text(encoding="utf-8")
    return dest


@dataclass
class Kit:
    root: Path
    key: KeyPair
    key_file: Path
    pub_file: Path
    stranger: KeyPair
    v1: Path
    v2: Path
    data_v1: Path
    data_v2: Path
    template: Path
    """A CARTREF_HOME where the test key is trusted and pack v1 is installed."""


def build_kit(root: Path) -> Kit:
    from desktop.packs.apply import apply_pack
    from desktop.packs.keys import trust_key

    data_v1 = make_data(root / "data-v1", "1.0.0")
    data_v2 = make_data(root / "data-v2", "1.1.0")
    key = generate_keypair("Test signer")
    key_file, pub_file = write_keypair(key, root / "keys" / "test.key")
    stranger = generate_keypair("Stranger")
    v1 = build_pack(data_v1, key, V1, root / f"v{V1}.cartpack", changelog_en="First pack.", changelog_zh="第一个更新包。", release_date="2026-11-25", expires="2099-12-31").path
    v2 = build_pack(data_v2, key, V2, root / f"v{V2}.cartpack", changelog_en="Updated the version.", changelog_zh="更新了版本号。", release_date="2026-12-01", expires="2099-12-31").path
    template = root / "home-template"
    template.mkdir()
    saved = os.environ.get("CARTREF_HOME")
    os.environ["CARTREF_HOME"] = str(template)
    try:
        trust_key(pub_file)
        apply_pack(v1)
    finally:
        if saved is None:
            del os.environ["CARTREF_HOME"]
        else:
            os.environ["CARTREF_HOME"] = saved
    return Kit(root, key, key_file, pub_file, stranger, v1, v2, data_v1, data_v2, template)


def trust_only(kit: Kit, home: Path) -> None:
    """The test key trusted, nothing installed."""
    (home / "keys").mkdir(parents=True, exist_ok=True)
    for pub in (kit.template / "keys").glob("*.pub"):
        shutil.copy2(pub, home / "keys" / pub.name)


def install_template(kit: Kit, home: Path) -> None:
    """Pack v1 installed (made by a real apply in build_kit), copied into this test's home."""
    shutil.copytree(kit.template, home, dirs_exist_ok=True)
    (home / "kb" / ".lock").unlink(missing_ok=True)


def snapshot(home: Path) -> dict[str, str]:
    """Every file under the KB dir and pack store by sha256 (the lock file aside)."""
    found: dict[str, str] = {}
    for folder in ("kb", "packs"):
        base = home / folder
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file() and path.name != ".lock":
                    found[path.relative_to(home).as_posix()] = sha(path)
    return found


# -- crafting hostile packs --------------------------------------------------------------
def read_pack(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """(manifest dict, data files) of a real pack, to start a crafted one from."""
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        files = {n: zf.read(n) for n in zf.namelist() if n.startswith("data/")}
    return manifest, files


def canonical(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def signature_for(key: KeyPair, manifest_bytes: bytes) -> bytes:
    return json.dumps(
        {
            "algorithm": "ed25519",
            "public_key": key.public.b64,
            "key_name": key.name,
            "signature": base64.b64encode(key.sign(manifest_bytes)).decode("ascii"),
        }
    ).encode("utf-8")


def file_list(files: dict[str, bytes]) -> list[dict[str, Any]]:
    return [{"path": n, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in files.items()]


Entry = tuple[str | zipfile.ZipInfo, bytes]


def _raw_info(name: str, compress: int) -> zipfile.ZipInfo:
    """What `writestr(name, ...)` makes, but with the name stored exactly as given: on Windows,
    ZipInfo turns backslashes into slashes, so a crafted `data\\..\\x` would never reach the pack."""
    info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
    info.filename = name
    info.compress_type = compress
    info.external_attr = (0o40775 << 16) | 0x10 if name.endswith("/") else 0o600 << 16
    return info


def write_zip(out: Path, entries: Iterable[Entry], compress: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(out, "w", compression=compress) as zf:
        for name, blob in entries:
            zf.writestr(_raw_info(name, compress) if isinstance(name, str) else name, blob)
    return out


def craft(
    out: Path,
    key: KeyPair,
    base: Path,
    *,
    edit_manifest: Callable[[dict[str, Any]], None] | None = None,
    edit_files: Callable[[dict[str, bytes]], None] | None = None,
    relist: bool = True,
    extra_entries: Iterable[Entry] = (),
    tamper_after_signing: Callable[[dict[str, Any]], None] | None = None,
) -> Path:
    """A pack from `base`'s content, signed by `key`, changed in one chosen way.

    edit_files changes the data files; relist=True lists the changed files honestly in the
    signed manifest (so only the change under test is wrong), False keeps the old list.
    """
    manifest, files = read_pack(base)
    if edit_files is not None:
        edit_files(files)
    if relist:
        manifest["files"] = file_list(files)
    if edit_manifest is not None:
        edit_manifest(manifest)
    manifest_bytes = canonical(manifest)
    signature = signature_for(key, manifest_bytes)
    if tamper_after_signing is not None:
        tamper_after_signing(manifest)
        manifest_bytes = canonical(manifest)
    entries: list[Entry] = [("manifest.json", manifest_bytes), ("signature", signature)]
    entries += list(files.items())
    entries += list(extra_entries)
    return write_zip(out, entries)


def installed_kb() -> Path:
    """The installed KB in use (kb.installed's pointer); a path that does not exist when none is."""
    return read_installed().current or paths.installed_kb_dir() / "(none)"


def previous_kb() -> Path:
    """The previous installed KB; a path that does not exist when there is none."""
    return read_installed().previous or paths.installed_kb_dir() / "(none)"

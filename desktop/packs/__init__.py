"""Signed offline content packs: build, sign, verify, apply atomically, roll back.

A pack is one zip holding `manifest.json` (version, schema, content hash, release date,
changelog, and every file's sha256 and size), the `data/...` files, and `signature` (Ed25519
over the exact manifest bytes). No Qt here: the CLI and the window both call these functions.
"""

from desktop.packs.apply import (
    InstalledInfo,
    PackCancelled,
    apply_pack,
    export_pack,
    installed_info,
    load_history,
    recover,
    rollback,
)
from desktop.packs.archive import PackInfo, inspect_pack, verify_pack
from desktop.packs.build import build_pack
from desktop.packs.keys import (
    KeyPair,
    PublicKey,
    fingerprint,
    generate_keypair,
    load_private_key,
    load_public_key,
    trust_key,
    trusted_keys,
)
from desktop.packs.version import compare_versions, parse_version

__all__ = [
    "InstalledInfo",
    "KeyPair",
    "PackCancelled",
    "PackInfo",
    "PublicKey",
    "apply_pack",
    "build_pack",
    "compare_versions",
    "export_pack",
    "fingerprint",
    "generate_keypair",
    "inspect_pack",
    "installed_info",
    "load_history",
    "load_private_key",
    "load_public_key",
    "parse_version",
    "recover",
    "rollback",
    "trust_key",
    "trusted_keys",
    "verify_pack",
]

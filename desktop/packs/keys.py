"""Ed25519 keys for signing packs (PyNaCl), and the set of keys this program trusts.

Key files are one readable line so they can be mailed, printed or diffed:
`ed25519 <base64 public key> <name>` for a public key and `ed25519-private <base64 seed> <name>`
for a private one. Trusted keys are the ones bundled in resources/keys/ (the project's release
key) plus any the user added with `cartref pack trust` (user_dir()/keys/).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from desktop import paths
from desktop.errors import UserInputError
from desktop.fileio import write_bytes_atomic, write_new_file

PUBLIC_TAG = "ed25519"
PRIVATE_TAG = "ed25519-private"
_MAX_KEY_FILE = 4096


@dataclass(frozen=True)
class PublicKey:
    raw: bytes
    name: str
    origin: str = ""
    """Where it came from: "bundled", "user" or a file path (shown in `pack list`)."""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    @property
    def b64(self) -> str:
        return base64.b64encode(self.raw).decode("ascii")

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            VerifyKey(self.raw).verify(message, signature)
        except (BadSignatureError, ValueError, TypeError):
            return False
        return True

    def to_text(self) -> str:
        return f"# CAR-T Reference content-pack public key ({self.fingerprint})\n{PUBLIC_TAG} {self.b64} {self.name}\n"


@dataclass(frozen=True)
class KeyPair:
    seed: bytes
    name: str

    @property
    def public(self) -> PublicKey:
        return PublicKey(bytes(SigningKey(self.seed).verify_key), self.name)

    def sign(self, message: bytes) -> bytes:
        return bytes(SigningKey(self.seed).sign(message).signature)

    def to_text(self) -> str:
        seed = base64.b64encode(self.seed).decode("ascii")
        return (
            "# CAR-T Reference content-pack PRIVATE key: keep it secret, never commit it\n"
            f"{PRIVATE_TAG} {seed} {self.name}\n"
        )


def fingerprint(raw: bytes) -> str:
    """Short, readable id of a public key: the first 16 bytes of its sha256, in groups of 4 hex."""
    digest = hashlib.sha256(raw).hexdigest()[:32]
    return ":".join(digest[i : i + 4] for i in range(0, 32, 4))


def generate_keypair(name: str) -> KeyPair:
    return KeyPair(bytes(SigningKey.generate()), _clean_name(name))


def _clean_name(name: str) -> str:
    return " ".join(name.split()) or "unnamed key"


def _parse_line(path: Path, tag: str) -> tuple[bytes, str]:
    try:
        if path.stat().st_size > _MAX_KEY_FILE:
            raise UserInputError(f"{path} is too large to be a key file")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserInputError(f"key file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserInputError(f"cannot read key file {path}: {exc}") from None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(maxsplit=2)
        if len(parts) >= 2 and parts[0] == tag:
            try:
                raw = base64.b64decode(parts[1], validate=True)
            except (binascii.Error, ValueError):
                break
            if len(raw) != 32:
                break
            return raw, _clean_name(parts[2] if len(parts) > 2 else path.stem)
        break
    kind = "private" if tag == PRIVATE_TAG else "public"
    raise UserInputError(f"{path} is not a CAR-T Reference {kind} key file")


def load_public_key(path: Path, origin: str = "") -> PublicKey:
    raw, name = _parse_line(Path(path), PUBLIC_TAG)
    try:
        VerifyKey(raw)
    except (ValueError, TypeError):
        raise UserInputError(f"{path} does not hold a valid Ed25519 public key") from None
    return PublicKey(raw, name, origin or str(path))


def load_private_key(path: Path) -> KeyPair:
    seed, name = _parse_line(Path(path), PRIVATE_TAG)
    return KeyPair(seed, name)


def write_keypair(pair: KeyPair, out: Path) -> tuple[Path, Path]:
    """Private key to `out` (mode 0600, created that way, never world-readable) and `out.pub`."""
    out = Path(out)
    pub = out.with_name(out.name + ".pub")
    for target in (out, pub):
        if target.exists():
            raise UserInputError(f"{target} already exists; refusing to overwrite a key")
    out.parent.mkdir(parents=True, exist_ok=True)
    write_new_file(out, pair.to_text().encode("utf-8"), mode=0o600)
    os.chmod(out, 0o600)
    write_new_file(pub, pair.public.to_text().encode("utf-8"))
    return out, pub


def bundled_keys_dir() -> Path:
    return paths.resource_path("keys")


def user_keys_dir() -> Path:
    return paths.user_dir() / "keys"


def trusted_keys() -> dict[bytes, PublicKey]:
    """Every trusted public key by its raw bytes. A broken key file is skipped, not fatal."""
    found: dict[bytes, PublicKey] = {}
    for origin, folder in (("bundled", bundled_keys_dir()), ("user", user_keys_dir())):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.pub")):
            try:
                key = load_public_key(path, origin)
            except UserInputError:
                continue
            found.setdefault(key.raw, key)
    return found


def trust_key(path: Path) -> tuple[PublicKey, bool]:
    """Copy a public key into user_dir()/keys/; returns (key, newly_added)."""
    key = load_public_key(Path(path), "user")
    already = trusted_keys().get(key.raw)
    if already is not None:
        return already, False
    folder = user_keys_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (key.fingerprint.replace(":", "") + ".pub")
    write_bytes_atomic(target, key.to_text().encode("utf-8"), mode=0o644)
    return key, True

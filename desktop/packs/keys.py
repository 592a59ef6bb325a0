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
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from desktop import paths
from desktop.errors import UserInputError
from desktop.fileio import write_bytes_atomic, write_new_file
from desktop.readlimits import FileTooLarge, NotRegularFile, read_regular

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
        text = read_regular(path, _MAX_KEY_FILE).decode("utf-8")
    except FileNotFoundError:
        raise UserInputError(f"key file not found: {path}") from None
    except NotRegularFile:
        raise UserInputError(f"{path} is not a plain file, so it cannot be a key file") from None
    except FileTooLarge:
        raise UserInputError(f"{path} is too large to be a key file") from None
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


ALL_REVOKED = "*"
REVOKED_FILE = "revoked.txt"
"""user_dir()/keys/revoked.txt: one revoked key fingerprint per line (bundled keys included)."""


def revoked_fingerprints() -> set[str]:
    try:
        text = read_regular(user_keys_dir() / REVOKED_FILE, 1024 * 1024).decode("utf-8")
    except FileNotFoundError:
        return set()
    except (OSError, ValueError):
        return {ALL_REVOKED}  # present but unreadable: fail closed, never re-trust a revoked key
    return {line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()}


def trusted_keys() -> dict[bytes, PublicKey]:
    """Every trusted public key by its raw bytes, revoked ones left out. A broken key file is
    skipped, not fatal."""
    found: dict[bytes, PublicKey] = {}
    revoked = revoked_fingerprints()
    if ALL_REVOKED in revoked:
        return found
    for origin, folder in (("bundled", bundled_keys_dir()), ("user", user_keys_dir())):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.pub")):
            try:
                key = load_public_key(path, origin)
            except UserInputError:
                continue
            if key.fingerprint not in revoked:
                found.setdefault(key.raw, key)
    return found


def is_revoked(raw: bytes) -> bool:
    revoked = revoked_fingerprints()
    return ALL_REVOKED in revoked or fingerprint(raw) in revoked


def trust_key(path: Path) -> tuple[PublicKey, bool]:
    """Copy a public key into user_dir()/keys/; returns (key, newly_added).

    A revoked key stays revoked: trusting it again takes `revoke_key(..., undo=True)`, a
    deliberate step, so a key file slipped onto the USB stick cannot quietly undo a revocation.
    """
    key = load_public_key(Path(path), "user")
    if is_revoked(key.raw):
        raise UserInputError(f"the key {key.name} ({key.fingerprint}) was revoked; it cannot be trusted again")
    already = trusted_keys().get(key.raw)
    if already is not None:
        return already, False
    return _add_user_key(key), True


def _add_user_key(key: PublicKey) -> PublicKey:
    folder = user_keys_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (key.fingerprint.replace(":", "") + ".pub")
    write_bytes_atomic(target, key.to_text().encode("utf-8"), mode=0o644)
    return PublicKey(key.raw, key.name, "user")


_FINGERPRINT = re.compile(r"^[0-9a-f]{4}(:[0-9a-f]{4}){7}$")


def revoke_key(target: str) -> tuple[str, str]:
    """Stop trusting a key, bundled or user-added: `target` is a fingerprint or a public-key
    file. Returns (fingerprint, name). Its file in user_dir()/keys/ is removed and its
    fingerprint listed in revoked.txt (bundled keys cannot be deleted, only listed)."""
    text = target.strip().lower()
    if _FINGERPRINT.match(text):
        fp = text
        known = {k.fingerprint: k for k in _all_keys()}
        name = known[fp].name if fp in known else "unknown key"
    else:
        key = load_public_key(Path(target))
        fp, name = key.fingerprint, key.name
    _add_revoked(fp)
    for path in user_keys_dir().glob("*.pub") if user_keys_dir().is_dir() else ():
        try:
            if load_public_key(path).fingerprint == fp:
                path.unlink()
        except UserInputError:
            continue
    return fp, name


def _all_keys() -> list[PublicKey]:
    keys: list[PublicKey] = []
    for origin, folder in (("bundled", bundled_keys_dir()), ("user", user_keys_dir())):
        for path in sorted(folder.glob("*.pub")) if folder.is_dir() else ():
            try:
                keys.append(load_public_key(path, origin))
            except UserInputError:
                continue
    return keys


def _add_revoked(fp: str) -> None:
    revoked = revoked_fingerprints() - {ALL_REVOKED}
    if fp in revoked:
        return
    folder = user_keys_dir()
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"{f}\n" for f in sorted(revoked | {fp}))
    header = "# Revoked content-pack keys (fingerprints); packs they sign are refused.\n"
    write_bytes_atomic(folder / REVOKED_FILE, (header + lines).encode("utf-8"), mode=0o644)


# -- key rotation ----------------------------------------------------------------------------
ROTATION_FORMAT = "cartref-key-rotation"
MAX_ROTATION_BYTES = 16 * 1024


def _canonical(data: dict[str, str]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def make_rotation(old: KeyPair, new: KeyPair, date: str) -> bytes:
    """A statement "`old` hands over to `new`", signed by both (the old key authorises it,
    the new key proves its holder has it). The publisher ships it on the next USB stick."""
    statement = {
        "format": ROTATION_FORMAT,
        "old_key": old.public.b64,
        "new_key": new.public.b64,
        "new_name": new.name,
        "date": date,
    }
    body = _canonical(statement)
    doc = {
        "statement": statement,
        "old_signature": base64.b64encode(old.sign(body)).decode("ascii"),
        "new_signature": base64.b64encode(new.sign(body)).decode("ascii"),
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def apply_rotation(path: Path) -> tuple[PublicKey, PublicKey]:
    """Check a rotation statement and act on it: trust the new key, revoke the old one.

    The old key must be trusted now (bundled or user) and not revoked, so a stolen key that
    was already revoked cannot rotate trust to its thief. Returns (old, new).
    """
    bad = f"{path} is not a valid key-rotation statement"
    try:
        doc = json.loads(read_regular(Path(path), MAX_ROTATION_BYTES).decode("utf-8"))
        statement = doc["statement"]
        if not isinstance(statement, dict) or statement.get("format") != ROTATION_FORMAT:
            raise ValueError("format")
        fields = {k: statement[k] for k in ("format", "old_key", "new_key", "new_name", "date")}
        if not all(isinstance(v, str) for v in fields.values()):
            raise ValueError("field types")
        old_raw = base64.b64decode(fields["old_key"], validate=True)
        new_raw = base64.b64decode(fields["new_key"], validate=True)
        old_sig = base64.b64decode(str(doc["old_signature"]), validate=True)
        new_sig = base64.b64decode(str(doc["new_signature"]), validate=True)
        if len(old_raw) != 32 or len(new_raw) != 32 or old_raw == new_raw:
            raise ValueError("keys")
    except FileNotFoundError:
        raise UserInputError(f"file not found: {path}") from None
    except NotRegularFile:
        raise UserInputError(f"{path} is not a plain file") from None
    except (OSError, ValueError, KeyError, TypeError, RecursionError, UnicodeDecodeError, binascii.Error):
        raise UserInputError(bad) from None
    body = _canonical(fields)
    if is_revoked(old_raw):
        raise UserInputError(f"the key-rotation statement is signed by a revoked key ({fingerprint(old_raw)}); ignored")
    old = trusted_keys().get(old_raw)
    if old is None:
        raise UserInputError(f"the key-rotation statement comes from a key this program does not trust ({fingerprint(old_raw)})")
    new = PublicKey(new_raw, _clean_name(fields["new_name"]), "user")
    if not old.verify(body, old_sig) or not new.verify(body, new_sig):
        raise UserInputError(f"the key-rotation statement's signatures do not match ({bad})")
    if is_revoked(new_raw):
        raise UserInputError(f"the key-rotation statement hands over to a revoked key ({new.fingerprint}); ignored")
    added = _add_user_key(new)
    _add_revoked(old.fingerprint)
    for stale in user_keys_dir().glob("*.pub"):
        try:
            if load_public_key(stale).raw == old.raw:
                stale.unlink()
        except UserInputError:
            continue
    return old, added

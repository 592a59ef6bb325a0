"""Review 2026-12-07 (issue 24), packs: nested JSON, pipes and devices, the downgrade floor,
expiry, key revocation and rotation. Each test names the finding it guards."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop import paths
from desktop.errors import UserInputError
from desktop.kb import seal
from desktop.packs.apply import (
    apply_pack,
    installed_info,
    load_history,
    recover,
    rollback,
    version_floor,
)
from desktop.packs.archive import inspect_pack, verify_pack
from desktop.packs.build import build_pack
from desktop.packs.errors import PackProblem
from desktop.packs.keys import (
    apply_rotation,
    generate_keypair,
    load_private_key,
    load_public_key,
    make_rotation,
    revoke_key,
    trust_key,
    trusted_keys,
    write_keypair,
)
from desktop.packs.manifest import DEFAULT_LIFETIME_DAYS, parse_manifest
from tests.helpers.packs_kit import (
    V1,
    V2,
    Kit,
    build_kit,
    craft,
    install_template,
    installed_kb,
    previous_kb,
    read_pack,
    sha,
    trust_only,
    write_zip,
)

NESTED = b"[" * 100_000 + b"]" * 100_000


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return build_kit(tmp_path_factory.mktemp("packkit"))


@pytest.fixture
def home(kit: Kit, cartref_home: Path) -> Iterator[Path]:
    install_template(kit, cartref_home)
    yield cartref_home


def refused(call: Callable[[], object], reason: str) -> str:
    with pytest.raises(PackProblem) as info:
        call()
    assert info.value.reason == reason, f"{info.value.reason}: {info.value}"
    message = str(info.value)
    assert "\n" not in message and len(message) < 300, message
    return message


def finishes(call: Callable[[], object], seconds: float = 20) -> BaseException | None:
    """Run `call` on a thread; fail (instead of hanging the suite) if it does not return."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:  # handed back to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the call hung"
    return outcome[0]


def _version(version: str) -> Callable[[dict[str, Any]], None]:
    def edit(manifest: dict[str, Any]) -> None:
        manifest["pack_version"] = version

    return edit


# -- F1: nested JSON is a refusal, not a RecursionError --------------------------------------
def test_f1_nested_signature_file_is_a_refusal(home: Path, kit: Kit, tmp_path: Path) -> None:
    _, files = read_pack(kit.v2)
    with zipfile.ZipFile(kit.v2) as zf:
        manifest_bytes = zf.read("manifest.json")
    pack = write_zip(tmp_path / "p.cartpack", [("manifest.json", manifest_bytes), ("signature", b"[" * 2048 + b"]" * 2048), *files.items()])
    refused(lambda: verify_pack(pack), "bad-signature")
    refused(lambda: apply_pack(pack), "bad-signature")


def test_f1_nested_manifest_is_a_refusal() -> None:
    refused(lambda: parse_manifest(NESTED), "bad-manifest")


def test_f1_nested_history_and_journal_read_as_damaged(home: Path, kit: Kit) -> None:
    kb_dir = paths.installed_kb_dir()
    (kb_dir / "history.json").write_bytes(NESTED)
    (kb_dir / "journal.json").write_bytes(NESTED)
    assert load_history() == []
    recover()
    assert not (kb_dir / "journal.json").exists()
    assert installed_info().current is not None
    assert apply_pack(kit.v2).previous_version == V1  # the floor comes from the sealed KB, not history


# -- F2: pipes and devices are refused without hanging -----------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")
def test_f2_fifo_and_devices_are_refused_without_hanging(home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.cartpack"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/zero")):
        for call in (verify_pack, inspect_pack, apply_pack):
            error = finishes(lambda c=call, t=target: c(t))  # type: ignore[misc]
            assert isinstance(error, PackProblem) and error.reason == "not-found", (call, target, error)
            assert "is not a file" in str(error)
        for loader in (load_public_key, load_private_key, trust_key):
            error = finishes(lambda f=loader, t=target: f(t))  # type: ignore[misc]
            assert isinstance(error, UserInputError) and "not a plain file" in str(error), (loader, target, error)
    (paths.installed_kb_dir() / "history.json").unlink()
    os.mkfifo(paths.installed_kb_dir() / "history.json")
    assert finishes(load_history) is None


# -- F3/F4: the downgrade floor ------------------------------------------------------------------
def test_f3_a_pack_older_than_the_bundled_kb_is_refused_on_a_fresh_home(kit: Kit, cartref_home: Path, tmp_path: Path) -> None:
    trust_only(kit, cartref_home)
    bundled = version_floor().bundled
    assert bundled  # the shipped KB's kb_version
    old = craft(tmp_path / "old.cartpack", kit.key, kit.v2, edit_manifest=_version("2020.1.1"))
    message = refused(lambda: apply_pack(old), "downgrade")
    assert "2020.1.1" in message and bundled in message and "shipped with this program" in message
    assert not installed_kb().exists()
    assert apply_pack(old, allow_downgrade=True).info.manifest.pack_version == "2020.1.1"


@pytest.mark.parametrize("damage", ["append", "delete", "empty-events"])
def test_f4_the_floor_does_not_rest_on_history_json(home: Path, kit: Kit, damage: str) -> None:
    apply_pack(kit.v2)
    history = paths.installed_kb_dir() / "history.json"
    if damage == "append":
        with history.open("ab") as fh:
            fh.write(b"x")
    elif damage == "delete":
        history.unlink()
    else:
        history.write_text(json.dumps({"format": 1, "events": []}))
    message = refused(lambda: apply_pack(kit.v1), "downgrade")
    assert V1 in message and V2 in message


def test_f4_a_forged_seal_lowers_no_floor_and_is_not_trusted(home: Path, kit: Kit, tmp_path: Path) -> None:
    """A seal whose signature does not verify gives no floor, and the KB it claims is not used."""
    apply_pack(kit.v2)
    current_sha = sha(installed_kb())
    record = json.loads(seal.seal_path(current_sha).read_text())
    record["signature"] = record["signature"][:-8] + "AAAAAAA="
    seal.seal_path(current_sha).write_text(json.dumps(record))
    floor = version_floor()
    assert floor.installed is None and floor.unknown_installed


# -- F6: the installed KB is sealed, and a changed byte is refused ---------------------------
def test_f6_apply_seals_the_installed_kb_with_the_signed_manifest(home: Path, kit: Kit) -> None:
    apply_pack(kit.v2)
    record = seal.read_seal(sha(installed_kb()))
    assert record is not None and record["pack_version"] == V2 and record["manifest"] and record["signature"]
    assert seal.read_seal(sha(previous_kb())) is not None  # rollback target stays sealed
    assert version_floor().installed == V2


def test_f6_rollback_refuses_a_previous_kb_changed_since_it_was_sealed(home: Path, kit: Kit) -> None:
    apply_pack(kit.v2)
    previous = previous_kb()
    data = bytearray(previous.read_bytes())
    at = data.index(b"1.0.0")
    data[at : at + 5] = b"9.0.0"
    previous.write_bytes(bytes(data))
    before = sha(installed_kb())
    message = refused(rollback, "content")
    assert "does not match the signed pack" in message
    assert sha(installed_kb()) == before


def test_seals_are_pruned_to_current_and_previous(home: Path, kit: Kit, tmp_path: Path) -> None:
    apply_pack(kit.v2)
    v3 = craft(tmp_path / "v3.cartpack", kit.key, kit.v1, edit_manifest=_version("2026.12.2"))
    apply_pack(v3)
    kept = {p.stem for p in seal.seals_dir().glob("*.json")}
    assert kept == {sha(installed_kb()), sha(previous_kb())}


# -- expiry (freeze attacks) ------------------------------------------------------------------
def _expiring(expires: str | None, release: str) -> Callable[[dict[str, Any]], None]:
    def edit(manifest: dict[str, Any]) -> None:
        manifest["pack_version"] = "2026.12.5"
        manifest["release_date"] = release
        if expires is None:
            manifest.pop("expires", None)
        else:
            manifest["expires"] = expires

    return edit


def test_an_expired_pack_is_refused_unless_accepted(home: Path, kit: Kit, tmp_path: Path) -> None:
    pack = craft(tmp_path / "old.cartpack", kit.key, kit.v2, edit_manifest=_expiring("2026-01-31", "2026-01-01"))
    message = refused(lambda: apply_pack(pack), "expired")
    assert "2026-01-31" in message and "--accept-expired" in message
    result = apply_pack(pack, accept_expired=True)
    assert result.expired_accepted and result.info.manifest.pack_version == "2026.12.5"


def test_a_pack_without_expiry_expires_a_year_after_release(home: Path, kit: Kit, tmp_path: Path) -> None:
    old = craft(tmp_path / "old.cartpack", kit.key, kit.v2, edit_manifest=_expiring(None, "2025-01-01"))
    refused(lambda: apply_pack(old), "expired")
    recent = dt.date.today() - dt.timedelta(days=10)
    fresh = craft(tmp_path / "fresh.cartpack", kit.key, kit.v2, edit_manifest=_expiring(None, recent.isoformat()))
    assert not apply_pack(fresh).expired_accepted


@pytest.mark.parametrize(("field", "value"), [("release_date", "2026-02-30"), ("expires", "2026-13-01"), ("expires", "2026-11-01")])
def test_impossible_or_inverted_dates_are_refused(home: Path, kit: Kit, tmp_path: Path, field: str, value: str) -> None:
    def edit(manifest: dict[str, Any]) -> None:
        manifest["pack_version"] = "2026.12.5"
        manifest[field] = value

    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_manifest=edit)
    refused(lambda: apply_pack(pack), "bad-manifest")


def test_build_writes_an_expiry(kit: Kit, tmp_path: Path) -> None:
    built = build_pack(kit.data_v1, kit.key, "2026.12.9", tmp_path / "p.cartpack", release_date="2026-12-01")
    assert built.manifest.expires == (dt.date(2026, 12, 1) + dt.timedelta(days=DEFAULT_LIFETIME_DAYS)).isoformat()
    with pytest.raises(UserInputError):
        build_pack(kit.data_v1, kit.key, "2026.12.9", tmp_path / "q.cartpack", release_date="2026-12-01", expires="2026-11-30")


# -- revocation and rotation --------------------------------------------------------------------
def test_a_revoked_key_signs_nothing_and_cannot_be_trusted_again(home: Path, kit: Kit) -> None:
    fp, name = revoke_key(kit.key.public.fingerprint)
    assert fp == kit.key.public.fingerprint and name == "Test signer"
    assert kit.key.public.raw not in trusted_keys()
    message = refused(lambda: apply_pack(kit.v2), "revoked")
    assert fp in message
    with pytest.raises(UserInputError, match="revoked"):
        trust_key(kit.pub_file)


def test_a_bundled_key_can_be_revoked(cartref_home: Path) -> None:
    bundled = [k for k in trusted_keys().values() if k.origin == "bundled"]
    assert bundled, "the program ships a release key"
    revoke_key(bundled[0].fingerprint)
    assert bundled[0].raw not in trusted_keys()


def test_an_unreadable_revocation_list_fails_closed(home: Path, kit: Kit) -> None:
    (paths.user_dir() / "keys" / "revoked.txt").write_bytes(b"x" * (2 * 1024 * 1024))
    assert trusted_keys() == {}
    assert "cannot be read" in refused(lambda: apply_pack(kit.v2), "revoked")


def test_a_signed_rotation_moves_trust_to_the_new_key(home: Path, kit: Kit, tmp_path: Path) -> None:
    new = generate_keypair("Next signer")
    statement = tmp_path / "rotation.json"
    statement.write_bytes(make_rotation(kit.key, new, "2026-12-07"))
    old, added = apply_rotation(statement)
    assert old.raw == kit.key.public.raw and added.raw == new.public.raw
    keys = trusted_keys()
    assert new.public.raw in keys and kit.key.public.raw not in keys
    refused(lambda: apply_pack(kit.v2), "revoked")
    by_new = craft(tmp_path / "new.cartpack", new, kit.v2)
    assert apply_pack(by_new).info.signer.raw == new.public.raw
    with pytest.raises(UserInputError, match="revoked"):  # replaying it changes nothing
        apply_rotation(statement)


def test_a_rotation_the_old_key_did_not_sign_is_refused(home: Path, kit: Kit, tmp_path: Path) -> None:
    thief = generate_keypair("Thief")
    forged = tmp_path / "forged.json"
    forged.write_bytes(make_rotation(kit.stranger, thief, "2026-12-07"))  # stranger is not trusted
    with pytest.raises(UserInputError, match="does not trust"):
        apply_rotation(forged)
    doc = json.loads(make_rotation(kit.key, thief, "2026-12-07"))
    doc["statement"]["new_name"] = "Renamed after signing"
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(doc))
    with pytest.raises(UserInputError, match="signatures do not match"):
        apply_rotation(tampered)
    nested = tmp_path / "nested.json"
    nested.write_bytes(b"[" * 5000 + b"]" * 5000)
    with pytest.raises(UserInputError, match="not a valid key-rotation"):
        apply_rotation(nested)
    assert thief.public.raw not in trusted_keys()


def test_a_revoked_key_cannot_rotate(home: Path, kit: Kit, tmp_path: Path) -> None:
    thief = generate_keypair("Thief")
    statement = tmp_path / "rotation.json"
    statement.write_bytes(make_rotation(kit.key, thief, "2026-12-07"))
    revoke_key(str(kit.pub_file))
    with pytest.raises(UserInputError, match="revoked"):
        apply_rotation(statement)
    assert thief.public.raw not in trusted_keys()


def test_key_files_round_trip(tmp_path: Path) -> None:
    pair = generate_keypair("Round trip")
    private, public = write_keypair(pair, tmp_path / "k.key")
    assert load_private_key(private).seed == pair.seed and load_public_key(public).raw == pair.public.raw


def test_a_kb_installed_before_seals_keeps_working_and_stays_restorable(home: Path, kit: Kit) -> None:
    """An install made by an older program (history, no seals) is not called damaged; the
    next apply seals it from history so `pack rollback` can restore it."""
    import shutil

    shutil.rmtree(seal.seals_dir())
    v1_sha = sha(installed_kb())
    assert version_floor().installed == V1  # from history, as before seals
    from desktop.kb.store import open_kb

    assert open_kb().installed_problem is None
    apply_pack(kit.v2)
    legacy = seal.read_seal(v1_sha)
    assert legacy is not None and legacy["legacy"] and legacy["pack_version"] == V1
    rollback()
    assert sha(installed_kb()) == v1_sha and open_kb().source == "installed"


def test_the_kit_versions_are_not_below_the_bundled_kb(cartref_home: Path) -> None:
    """A tripwire, not a feature: the pack tests apply V1 and V2 to fresh homes, which the
    floor refuses once data/kb.yaml's version passes them. If this fails after a content
    release, raise V1/V2 in tests/helpers/packs_kit.py (and the versions derived from them)."""
    from desktop.packs.version import compare_versions

    bundled = version_floor().bundled
    assert bundled is not None
    assert compare_versions(V1, bundled) >= 0 and compare_versions(V2, bundled) > 0, (V1, V2, bundled)

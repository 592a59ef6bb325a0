"""Keys, versions, build determinism, apply -> list -> rollback, export, crash recovery, locking."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from desktop import paths
from desktop.errors import UserInputError
from desktop.kb.installed import POINTER, format_pointer, read_installed
from desktop.kb.store import open_kb
from desktop.kb.verify import verify_kb
from desktop.packs import (
    apply_pack,
    build_pack,
    compare_versions,
    export_pack,
    generate_keypair,
    installed_info,
    load_history,
    load_private_key,
    load_public_key,
    parse_version,
    recover,
    rollback,
    trust_key,
    trusted_keys,
)
from desktop.packs.apply import ASIDE, INCOMING, JOURNAL, _locked
from desktop.packs.errors import PackProblem
from desktop.packs.keys import write_keypair
from tests.helpers.packs_kit import (
    V1,
    V2,
    Kit,
    craft,
    install_template,
    installed_kb,
    previous_kb,
    sha,
    trust_only,
)
from tests.helpers.windows_files import emulate_windows_flushing


# -- keys ----------------------------------------------------------------------------------
def test_keygen_writes_private_0600_and_public(tmp_path: Path) -> None:
    pair = generate_keypair("Site  pharmacist\nkey")
    private, public = write_keypair(pair, tmp_path / "k" / "site.key")
    assert public == tmp_path / "k" / "site.key.pub"
    if os.name == "posix":
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    loaded = load_private_key(private)
    assert loaded.seed == pair.seed and loaded.name == "Site pharmacist key"
    pub = load_public_key(public)
    assert pub.raw == pair.public.raw and pub.fingerprint == pair.public.fingerprint
    assert pub.verify(b"msg", loaded.sign(b"msg")) and not pub.verify(b"msg!", loaded.sign(b"msg"))
    assert "PRIVATE" in private.read_text() and "PRIVATE" not in public.read_text()
    with pytest.raises(UserInputError, match="already exists"):
        write_keypair(generate_keypair("other"), private)
    assert load_private_key(private).seed == pair.seed, "an existing key is never overwritten"


@pytest.mark.parametrize("text", ["", "hello", "ed25519 not-base64!! x", "ed25519 AAAA x", "ed25519-private " + "A" * 44 + " x"])
def test_bad_public_key_files(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.pub"
    path.write_text(text)
    with pytest.raises(UserInputError):
        load_public_key(path)


def test_private_key_is_not_a_public_key(tmp_path: Path) -> None:
    private, _ = write_keypair(generate_keypair("x"), tmp_path / "x.key")
    with pytest.raises(UserInputError, match="public key"):
        load_public_key(private)


def test_bundled_release_key_is_trusted_and_its_private_half_is_not_in_the_repo() -> None:
    keys = list(trusted_keys().values())
    bundled = [k for k in keys if k.origin == "bundled"]
    assert bundled, "resources/keys/cartref-release.pub must be bundled"
    assert any(k.name == "CAR-T Reference release key" for k in bundled)
    root = paths.app_root()
    for path in (root / "resources" / "keys").iterdir():
        assert path.suffix == ".pub" and "ed25519-private" not in path.read_text()


def test_trust_key_adds_once(tmp_path: Path) -> None:
    _, public = write_keypair(generate_keypair("Friend"), tmp_path / "f.key")
    key, added = trust_key(public)
    assert added and key.raw in trusted_keys()
    again, added_again = trust_key(public)
    assert not added_again and again.raw == key.raw
    assert len(list((paths.user_dir() / "keys").glob("*.pub"))) == 1


# -- versions ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2026.11.25", "2026.12.1", -1),
        ("2026.12.1", "2026.11.25", 1),
        ("2026.12", "2026.12.0", 0),
        ("2026.2", "2026.10", -1),
        ("10", "9", 1),
        ("1.0.0", "1.0.0.1", -1),
    ],
)
def test_compare_versions(a: str, b: str, expected: int) -> None:
    assert compare_versions(a, b) == expected


@pytest.mark.parametrize("bad", ["", "v1", "2026-12-01", "1..2", "1.2.", "1.2a", " 1.2"])
def test_bad_versions(bad: str) -> None:
    with pytest.raises(UserInputError):
        parse_version(bad)


# -- build ---------------------------------------------------------------------------------
def test_build_is_deterministic_and_refuses_bad_content(kit: Kit, tmp_path: Path) -> None:
    a = build_pack(kit.data_v1, kit.key, V1, tmp_path / "a.cartpack", changelog_en="First pack.", changelog_zh="第一个更新包。", release_date="2026-11-25", expires="2099-12-31")
    assert a.path.read_bytes() == kit.v1.read_bytes()
    broken = tmp_path / "broken"
    shutil.copytree(kit.data_v1, broken)
    (broken / "kb.yaml").write_text("content_date: 2026-01-01\n")
    from desktop.errors import ContentError

    with pytest.raises(ContentError, match="version"):
        build_pack(broken, kit.key, V2, tmp_path / "b.cartpack")
    assert not (tmp_path / "b.cartpack").exists()
    with pytest.raises(UserInputError):
        build_pack(kit.data_v1, kit.key, "latest", tmp_path / "c.cartpack")


def test_manifest_lists_every_file_with_hash_and_size(kit: Kit) -> None:
    import hashlib
    import zipfile

    with zipfile.ZipFile(kit.v2) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        listed = {f["path"]: f for f in manifest["files"]}
        data = [n for n in zf.namelist() if n.startswith("data/")]
        assert sorted(listed) == sorted(data)
        for name in data:
            blob = zf.read(name)
            assert listed[name]["sha256"] == hashlib.sha256(blob).hexdigest() and listed[name]["size"] == len(blob)
    assert manifest["pack_version"] == V2 and manifest["schema_version"] == 1
    assert manifest["changelog"] == {"en": "Updated the version.", "zh-Hans": "更新了版本号。"}
    from desktop.content.checker import content_hash

    assert manifest["content_hash"] == content_hash(kit.data_v2)


# -- apply, list, rollback, export -----------------------------------------------------------
def _kb_version() -> str:
    opened = open_kb()
    try:
        return opened.kb.meta().kb_version
    finally:
        opened.kb.close()


def test_round_trip_apply_rollback(kit: Kit, cartref_home: Path) -> None:
    trust_only(kit, cartref_home)
    bundled_version = _kb_version()
    first = apply_pack(kit.v1)
    assert first.previous_version is None and _kb_version() == "1.0.0"
    assert not previous_kb().exists()
    v1_sha = sha(installed_kb())
    stages: list[str] = []
    second = apply_pack(kit.v2, progress=lambda stage, f: stages.append(stage))
    assert second.previous_version == V1 and _kb_version() == "1.1.0"
    assert {"check", "build", "install"} <= set(stages)
    assert sha(previous_kb()) == v1_sha
    info = installed_info()
    assert info.current is not None and info.current.pack_version == V2
    assert info.previous is not None and info.previous.pack_version == V1
    assert [e["action"] for e in info.history] == ["apply", "apply"]
    event = info.history[-1]
    assert event["signer"] == "Test signer" and event["release_date"] == "2026-12-01" and event["applied_at"]
    assert verify_kb(installed_kb()) == []

    rollback()
    assert _kb_version() == "1.0.0" and sha(installed_kb()) == v1_sha
    with pytest.raises(PackProblem, match="the same as the installed version"):
        apply_pack(kit.v1)  # v1 is current again after the rollback
    rollback()  # rollback of a rollback restores the newer pack
    assert _kb_version() == "1.1.0"
    assert [e["action"] for e in load_history()] == ["apply", "apply", "rollback", "rollback"]
    rollback()
    rollback()  # rollback only ever swaps current and previous
    assert _kb_version() == "1.1.0" and sha(previous_kb()) == v1_sha
    assert bundled_version  # the bundled KB opened fine before the first pack


def test_apply_rollback_export_under_windows_flushing_rules(kit: Kit, cartref_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows flushes only through a handle that may write and cannot flush a folder: a
    read-only flush once made every pack apply fail there with "Permission denied"."""
    emulate_windows_flushing(monkeypatch)
    trust_only(kit, cartref_home)
    apply_pack(kit.v1)
    apply_pack(kit.v2)
    assert _kb_version() == "1.1.0" and verify_kb(installed_kb()) == []
    rollback()
    assert _kb_version() == "1.0.0"
    assert export_pack(tmp_path / "carry.cartpack")["pack_version"] == V1
    assert (tmp_path / "carry.cartpack").read_bytes() == kit.v1.read_bytes()


def test_rollback_to_bundled_and_back(kit: Kit, cartref_home: Path) -> None:
    trust_only(kit, cartref_home)
    with pytest.raises(PackProblem, match="no installed or previous"):
        rollback()
    apply_pack(kit.v1)
    event = rollback()
    assert event["pack_version"] == "bundled"
    assert not installed_kb().exists() and previous_kb().exists()
    opened = open_kb()
    assert opened.kb.path == paths.bundled_kb_path() and opened.notice is None
    opened.kb.close()
    # nothing installed now, so any version applies; the bundled KB is not a pack
    rollback()
    assert _kb_version() == "1.0.0" and not previous_kb().exists()


def test_allow_downgrade(kit: Kit, cartref_home: Path) -> None:
    install_template(kit, cartref_home)
    apply_pack(kit.v2)
    with pytest.raises(PackProblem) as exc:
        apply_pack(kit.v1)
    assert exc.value.reason == "downgrade"
    apply_pack(kit.v1, allow_downgrade=True)
    assert _kb_version() == "1.0.0"


def test_export_then_reimport_elsewhere(kit: Kit, cartref_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_template(kit, cartref_home)
    apply_pack(kit.v2)
    out = tmp_path / "usb" / "carry.cartpack"
    event = export_pack(out)
    assert event["pack_version"] == V2 and out.read_bytes() == kit.v2.read_bytes()
    # only the packs behind current and previous are kept
    assert len(list((cartref_home / "packs").glob("*.cartpack"))) == 2
    other = tmp_path / "other-home"
    monkeypatch.setenv("CARTREF_HOME", str(other))
    trust_only(kit, other)
    apply_pack(out)
    assert _kb_version() == "1.1.0" and load_history()[-1]["pack_version"] == V2


def test_export_without_an_installed_pack(cartref_home: Path, tmp_path: Path) -> None:
    with pytest.raises(PackProblem, match="nothing to export"):
        export_pack(tmp_path / "x.cartpack")


def test_damaged_history_does_not_crash(kit: Kit, cartref_home: Path) -> None:
    install_template(kit, cartref_home)
    (cartref_home / "kb" / "history.json").write_text("{not json")
    assert load_history() == []
    info = installed_info()
    assert info.current is not None and info.current.pack_version is None
    apply_pack(kit.v2)  # unknown installed version never blocks an update
    assert load_history()[-1]["pack_version"] == V2


# -- crash recovery and locking ------------------------------------------------------------
def test_recover_undoes_an_uncommitted_update(kit: Kit, cartref_home: Path) -> None:
    install_template(kit, cartref_home)
    kb_dir = paths.installed_kb_dir()
    current = installed_kb()
    current_sha, pointer = sha(current), (kb_dir / POINTER).read_bytes()
    history = load_history()
    (kb_dir / "kb-1.1.0-0badf00d.sqlite").write_bytes(b"half a database")  # built, never named
    (kb_dir / JOURNAL).write_text(json.dumps({"op": "apply", "pointer": ["kb-1.1.0-0badf00d.sqlite", current.name],
                                              "target_sha": "f" * 64, "event": {"id": "x", "action": "apply"}}))
    (kb_dir / ".extract-123").mkdir()
    assert "undid" in (recover() or "")
    assert sha(installed_kb()) == current_sha and load_history() == history
    assert (kb_dir / POINTER).read_bytes() == pointer
    assert sorted(p.name for p in kb_dir.iterdir()) == sorted([".lock", POINTER, current.name, "history.json", "seals"])


def test_recover_finishes_a_committed_update(kit: Kit, cartref_home: Path) -> None:
    install_template(kit, cartref_home)
    kb_dir = paths.installed_kb_dir()
    old = installed_kb()
    old_sha = sha(old)
    new_kb = kb_dir / "kb-1.1.0-12345678.sqlite"
    from desktop.content.build import build_kb

    build_kb(kit.data_v2, new_kb)
    event = {"id": "e1", "action": "apply", "pack_version": V2, "kb_sha256": sha(new_kb)}
    (kb_dir / JOURNAL).write_text(json.dumps({"op": "apply", "pointer": [new_kb.name, old.name], "target_sha": sha(new_kb), "event": event}))
    (kb_dir / POINTER).write_bytes(format_pointer(new_kb.name, old.name))  # the crash came right after the commit
    assert "finished" in (recover() or "")
    assert installed_kb() == new_kb and sha(previous_kb()) == old_sha
    assert load_history()[-1]["id"] == "e1"
    assert recover() is None


def _legacy_layout(kb_dir: Path) -> Path:
    """The template's installed KB moved into the layout before the pointer: kb/current.sqlite."""
    legacy = kb_dir / "current.sqlite"
    os.replace(installed_kb(), legacy)
    (kb_dir / POINTER).unlink()
    return legacy


def test_an_install_from_before_the_pointer_is_read_and_migrated_without_renaming(kit: Kit, cartref_home: Path, tmp_path: Path) -> None:
    """kb/current.sqlite of an older version is used as it is; the next apply names it as
    previous in a new pointer (renaming it could fail while it is open), rollback restores it,
    and it is deleted once it is neither current nor previous."""
    install_template(kit, cartref_home)
    kb_dir = paths.installed_kb_dir()
    legacy = _legacy_layout(kb_dir)
    legacy_sha = sha(legacy)
    assert read_installed() == (legacy, None, False)
    assert _kb_version() == "1.0.0" and open_kb().source == "installed"
    assert installed_info().current is not None and installed_info().current.pack_version == V1  # type: ignore[union-attr]
    apply_pack(kit.v2)
    assert read_installed().pointer and previous_kb() == legacy and sha(legacy) == legacy_sha
    assert _kb_version() == "1.1.0"
    rollback()
    assert installed_kb() == legacy and _kb_version() == "1.0.0"
    rollback()
    v3 = craft(tmp_path / "v3.cartpack", kit.key, kit.v1, edit_manifest=lambda m: m.update(pack_version="2026.12.9"))
    apply_pack(v3)
    assert not legacy.exists()  # neither current nor previous any more


def test_recover_finishes_a_journal_an_older_version_left(kit: Kit, cartref_home: Path, tmp_path: Path) -> None:
    """Killed right after its commit point, an older version left current.sqlite replaced and
    the old KB in .previous.new: recover finishes it the way that version would have."""
    install_template(kit, cartref_home)
    kb_dir = paths.installed_kb_dir()
    legacy = _legacy_layout(kb_dir)
    old = sha(legacy)
    os.link(legacy, kb_dir / ASIDE)
    new_kb = tmp_path / "new.sqlite"
    from desktop.content.build import build_kb

    build_kb(kit.data_v2, new_kb)
    event = {"id": "e1", "action": "apply", "pack_version": V2, "kb_sha256": sha(new_kb)}
    (kb_dir / JOURNAL).write_text(json.dumps({"op": "apply", "target_sha": sha(new_kb), "event": event}))
    os.replace(new_kb, legacy)
    (kb_dir / INCOMING).write_bytes(b"left by another killed run")
    assert "finished" in (recover() or "")
    assert sha(previous_kb()) == old and previous_kb().name == "previous.sqlite"
    assert load_history()[-1]["id"] == "e1" and not (kb_dir / ASIDE).exists() and not (kb_dir / INCOMING).exists()


def test_a_second_update_waits_its_turn(kit: Kit, cartref_home: Path) -> None:
    install_template(kit, cartref_home)
    with _locked(paths.installed_kb_dir()), pytest.raises(PackProblem, match="Another knowledge-base update"):
        apply_pack(kit.v2)
    apply_pack(kit.v2)


def test_a_damaged_pointer_refuses_rollback_and_an_apply_starts_afresh(kit: Kit, cartref_home: Path) -> None:
    install_template(kit, cartref_home)
    kb_dir = paths.installed_kb_dir()
    (kb_dir / POINTER).write_bytes(b"damaged")
    with pytest.raises(PackProblem, match="nothing to roll back to"):
        rollback()
    result = apply_pack(kit.v2)  # the damaged record names nothing: the new KB is current, no previous
    assert result.replaced_unknown and _kb_version() == "1.1.0" and read_installed().previous is None

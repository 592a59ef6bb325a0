"""`cartref pack …` through the real command line, including SIGKILL in the middle of apply."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import paths
from desktop.kb.store import open_kb
from desktop.kb.verify import verify_kb
from desktop.packs.apply import STAGES
from tests.helpers.packs_kit import V1, V2, Kit, install_template, installed_kb, previous_kb, sha
from tests.helpers.paths import ROOT


def cartref(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, encoding="utf-8", env=env or dict(os.environ), cwd=ROOT, timeout=180)


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.fixture(scope="module")
def new_kb_sha(kit: Kit, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The KB that pack v2 builds (the build is deterministic)."""
    from desktop.content.build import build_kb

    out = tmp_path_factory.mktemp("ref") / "v2.sqlite"
    build_kb(kit.data_v2, out)
    return sha(out)


def test_round_trip_keygen_build_verify_trust_apply_list_rollback_export(kit: Kit, cartref_home: Path, tmp_path: Path) -> None:
    key = tmp_path / "keys" / "site.key"
    proc = cartref("pack", "keygen", "--out", str(key), "--name", "Site signer")
    assert proc.returncode == 0, proc.stderr
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert Path(f"{key}.pub").is_file() and "fingerprint:" in proc.stdout
    assert "already exists" in one_line_error(cartref("pack", "keygen", "--out", str(key)))

    pack1, pack2 = tmp_path / "p1.cartpack", tmp_path / "p2.cartpack"
    proc = cartref("pack", "build", "--data", str(kit.data_v1), "--key", str(key), "--version", V1, "--out", str(pack1), "--changelog-en", "First.", "--changelog-zh", "第一版。")
    assert proc.returncode == 0 and f"pack {V1}" in proc.stdout, proc.stderr
    proc = cartref("pack", "build", "--data", str(kit.data_v2), "--key", str(key), "--version", V2, "--out", str(pack2))
    assert proc.returncode == 0, proc.stderr

    assert "unknown key" in one_line_error(cartref("pack", "verify", str(pack1)))
    assert "unknown key" in one_line_error(cartref("pack", "apply", str(pack1)))
    proc = cartref("pack", "trust", f"{key}.pub")
    assert proc.returncode == 0 and "trusted Site signer" in proc.stdout
    proc = cartref("pack", "verify", str(pack1), "--json")
    assert proc.returncode == 0, proc.stderr
    described = json.loads(proc.stdout)
    assert described["pack_version"] == V1 and described["signer"] == "Site signer" and described["changelog"]["zh-Hans"] == "第一版。"

    proc = cartref("pack", "apply", str(pack1))
    assert proc.returncode == 0 and f"applied pack {V1}" in proc.stdout, proc.stderr
    proc = cartref("pack", "apply", str(pack2))
    assert proc.returncode == 0 and f"over {V1}" in proc.stdout, proc.stderr
    assert "older than the installed version" in one_line_error(cartref("pack", "apply", str(pack1)))

    listing = json.loads(cartref("pack", "list", "--json").stdout)
    assert listing["current"]["pack_version"] == V2 and listing["previous"]["pack_version"] == V1
    assert [e["pack_version"] for e in listing["history"]] == [V1, V2]
    text = cartref("pack", "list").stdout
    assert f"installed: pack {V2}" in text and f"previous: pack {V1}" in text and "Site signer" in text

    info = json.loads(cartref("kb", "info", "--json").stdout)
    assert info["kb_version"] == "1.1.0" and info["path"] == str(installed_kb())
    assert cartref("kb", "verify").returncode == 0

    proc = cartref("pack", "rollback")
    assert proc.returncode == 0 and f"rolled back to pack {V1}" in proc.stdout
    assert json.loads(cartref("kb", "info", "--json").stdout)["kb_version"] == "1.0.0"

    out = tmp_path / "usb" / "export.cartpack"
    proc = cartref("pack", "export", str(out))
    assert proc.returncode == 0 and out.read_bytes() == pack1.read_bytes()


def test_errors_are_one_line(kit: Kit, cartref_home: Path, tmp_path: Path) -> None:
    assert "does not exist" in one_line_error(cartref("pack", "apply", str(tmp_path / "missing.cartpack")))
    junk = tmp_path / "junk.cartpack"
    junk.write_bytes(b"PK\x03\x04 not really")
    assert "damaged or incomplete" in one_line_error(cartref("pack", "apply", str(junk)))
    assert "nothing to export" in one_line_error(cartref("pack", "export", str(tmp_path / "x")))
    assert "roll back" in one_line_error(cartref("pack", "rollback"))
    assert "not dotted numbers" in one_line_error(cartref("pack", "build", "--data", str(kit.data_v1), "--key", str(kit.key_file), "--version", "next", "--out", str(tmp_path / "x")))
    assert "not a CAR-T Reference private key" in one_line_error(cartref("pack", "build", "--key", str(kit.pub_file), "--version", "1", "--out", str(tmp_path / "x")))
    assert "public key" in one_line_error(cartref("pack", "trust", str(kit.key_file)))


# -- review 2026-12-07 (issue 24) -------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")
def test_f2_pipes_and_devices_are_refused_not_waited_on(kit: Kit, cartref_home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero"):
        assert "is not a file" in one_line_error(cartref("pack", "verify", target))
        assert "not a plain file" in one_line_error(cartref("pack", "trust", target))
        assert "not a plain file" in one_line_error(
            cartref("pack", "build", "--data", str(kit.data_v1), "--key", target, "--version", "2026.12.9", "--out", str(tmp_path / "x")))
        assert "not a plain file" in one_line_error(cartref("pack", "trust", "--rotation", target))


def test_f1_nested_json_signature_is_a_refusal(kit: Kit, cartref_home: Path, tmp_path: Path) -> None:
    import zipfile

    pack = tmp_path / "deep.cartpack"
    with zipfile.ZipFile(kit.v2) as src, zipfile.ZipFile(pack, "w") as out:
        for name in src.namelist():
            out.writestr(name, b"[" * 2048 + b"]" * 2048 if name == "signature" else src.read(name))
    for command in ("verify", "apply"):
        assert "signature file is malformed" in one_line_error(cartref("pack", command, str(pack)))


def _change_installed_value() -> None:
    """One byte of the installed KB changed in place, size and mtime kept (bit rot, F6/F7)."""
    path = installed_kb()
    st = path.stat()
    data = bytearray(path.read_bytes())
    at = data.index(b"1.1.0")
    data[at] = ord("6")
    with open(path, "r+b") as fh:
        fh.write(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_f8_check_commands_say_the_installed_kb_is_damaged(kit: Kit, cartref_home: Path) -> None:
    install_template(kit, cartref_home)
    assert cartref("pack", "apply", str(kit.v2)).returncode == 0
    ok = cartref("kb", "info")
    assert ok.returncode == 0 and "in use: installed from a content pack" in ok.stdout and "DAMAGED" not in ok.stdout
    assert "installed pack" in cartref("--version").stdout
    _change_installed_value()
    verify = cartref("kb", "verify")
    assert verify.returncode == 2 and "installed knowledge base is damaged" in verify.stderr and "Traceback" not in verify.stderr
    info = cartref("kb", "info", "--json")
    data = json.loads(info.stdout)
    assert info.returncode == 0 and data["source"] == "bundled" and "does not match" in data["installed_problem"]
    version = cartref("--version")
    assert version.returncode == 0 and "bundled" in version.stdout and "DAMAGED" in version.stdout
    selftest = cartref("--self-test")
    assert selftest.returncode == 1 and "installed knowledge base is damaged" in selftest.stdout
    listed = json.loads(cartref("pack", "list", "--json").stdout)
    assert listed["current"]["authentic"] is False and listed["previous"]["authentic"] is True
    assert "DAMAGED" in cartref("pack", "list").stdout
    shown = cartref("show", "therapy", "eque-cel")  # every reading command says so too
    assert shown.returncode == 0 and "could not be used" in shown.stderr


def test_expiry_revocation_and_rotation_from_the_command_line(kit: Kit, cartref_home: Path, tmp_path: Path) -> None:
    install_template(kit, cartref_home)
    old = tmp_path / "old.cartpack"
    built = cartref("pack", "build", "--data", str(kit.data_v2), "--key", str(kit.key_file), "--version", "2026.12.3",
                    "--date", "2025-01-01", "--expires", "2025-06-30", "--out", str(old))
    assert built.returncode == 0, built.stderr
    assert "expired on 2025-06-30" in one_line_error(cartref("pack", "apply", str(old)))
    assert "expired on 2025-06-30" in one_line_error(cartref("pack", "verify", str(old)))
    accepted = cartref("pack", "apply", "--accept-expired", str(old))
    assert accepted.returncode == 0 and "warning: pack 2026.12.3 expired" in accepted.stderr

    new_key = tmp_path / "next.key"
    assert cartref("pack", "keygen", "--out", str(new_key), "--name", "Next signer").returncode == 0
    statement = tmp_path / "rotation.json"
    rotated = cartref("pack", "rotate-key", "--key", str(kit.key_file), "--new-key", str(new_key), "--out", str(statement))
    assert rotated.returncode == 0, rotated.stderr
    moved = cartref("pack", "trust", "--rotation", str(statement))
    assert moved.returncode == 0 and "now trusting Next signer" in moved.stdout and "revoked Test signer" in moved.stdout
    assert "revoked" in one_line_error(cartref("pack", "apply", str(kit.v2)))
    newer = tmp_path / "newer.cartpack"
    assert cartref("pack", "build", "--data", str(kit.data_v2), "--key", str(new_key), "--version", "2026.12.4", "--out", str(newer)).returncode == 0
    assert cartref("pack", "apply", str(newer)).returncode == 0

    listing = json.loads(cartref("pack", "list", "--json").stdout)
    assert listing["revoked_keys"] == [kit.key.public.fingerprint]
    next_fp = next(k["fingerprint"] for k in listing["trusted_keys"] if k["name"] == "Next signer")
    revoked = cartref("pack", "trust", "--revoke", next_fp)
    assert revoked.returncode == 0 and next_fp in revoked.stdout
    assert "revoked" in one_line_error(cartref("pack", "verify", str(newer)))
    assert "exactly one" in one_line_error(cartref("pack", "trust"))


# -- SIGKILL at every stage of apply ---------------------------------------------------------
def _run_until_paused(args: list[str], stage: str) -> None:
    env = dict(os.environ, CARTREF_TEST_PAUSE_AT=stage, CARTREF_TEST_PAUSE_SECONDS="120")
    # `with` closes the pipes (left open, they leaked a ResourceWarning per test)
    with subprocess.Popen([sys.executable, "-m", "desktop", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT) as proc:
        try:
            assert proc.stderr is not None
            deadline = time.monotonic() + 120
            line = proc.stderr.readline().decode()
            while line and f"paused at {stage}" not in line and time.monotonic() < deadline:
                line = proc.stderr.readline().decode()
            assert f"paused at {stage}" in line, f"never reached {stage}: {line!r}"
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def _open_and_check() -> tuple[str, str]:
    """What the next start sees: a KB that passes `kb verify`, by hash and kb_version."""
    opened = open_kb()
    try:
        assert opened.notice is None, opened.notice
        assert opened.kb.path == installed_kb()
        path, version = opened.kb.path, opened.kb.meta().kb_version
    finally:
        opened.kb.close()
    assert verify_kb(path) == []
    return sha(path), version


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("stage", STAGES)
def test_sigkill_during_apply_leaves_old_or_new_never_a_mix(kit: Kit, cartref_home: Path, new_kb_sha: str, stage: str) -> None:
    install_template(kit, cartref_home)
    old_sha = sha(installed_kb())
    _run_until_paused(["pack", "apply", str(kit.v2)], stage)

    got, version = _open_and_check()
    committed = STAGES.index(stage) >= STAGES.index("committed")
    if committed:
        assert (got, version) == (new_kb_sha, "1.1.0")
    else:
        assert (got, version) == (old_sha, "1.0.0")

    # the next pack command tidies up: history and previous agree with what is installed
    listing = json.loads(cartref("pack", "list", "--json").stdout)
    kb_dir = paths.installed_kb_dir()
    kbs = [installed_kb().name, previous_kb().name] if committed else [installed_kb().name]
    assert sorted(p.name for p in kb_dir.iterdir() if p.name != ".lock") == sorted([*kbs, "history.json", "installed.txt", "seals"])
    if committed:
        assert listing["current"]["pack_version"] == V2 and listing["previous"]["sha256"] == old_sha
        assert [e["pack_version"] for e in listing["history"]] == [V1, V2]
        assert "the same as the installed version" in one_line_error(cartref("pack", "apply", str(kit.v2)))
    else:
        assert listing["current"]["pack_version"] == V1 and listing["previous"] is None
        assert [e["pack_version"] for e in listing["history"]] == [V1]
        proc = cartref("pack", "apply", str(kit.v2))  # and the update can simply be run again
        assert proc.returncode == 0, proc.stderr
        assert _open_and_check() == (new_kb_sha, "1.1.0")


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("stage", ["journal", "committed", "history", "pruned"])
def test_sigkill_during_rollback(kit: Kit, cartref_home: Path, new_kb_sha: str, stage: str) -> None:
    install_template(kit, cartref_home)
    v1_sha = sha(installed_kb())
    assert cartref("pack", "apply", str(kit.v2)).returncode == 0
    _run_until_paused(["pack", "rollback"], stage)
    got, _ = _open_and_check()
    assert got == (new_kb_sha if stage == "journal" else v1_sha)
    listing = json.loads(cartref("pack", "list", "--json").stdout)
    assert {listing["current"]["sha256"], listing["previous"]["sha256"]} == {v1_sha, new_kb_sha}
    names = sorted(p.name for p in paths.installed_kb_dir().iterdir() if p.name != ".lock")
    assert names == sorted([installed_kb().name, previous_kb().name, "history.json", "installed.txt", "seals"])

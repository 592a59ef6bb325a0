"""Every way a pack is refused: one clear sentence, and the installed KB unchanged byte for byte."""

from __future__ import annotations

import errno
import hashlib
import shutil
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import desktop.packs.apply as apply_module
from desktop import paths
from desktop.kb.verify import verify_kb
from desktop.packs import archive
from desktop.packs.apply import apply_pack, load_history
from desktop.packs.archive import inspect_pack, verify_pack
from desktop.packs.errors import PackProblem
from tests.helpers.packs_kit import (
    V1,
    V2,
    Kit,
    craft,
    file_list,
    install_template,
    installed_kb,
    previous_kb,
    read_pack,
    snapshot,
    write_zip,
)


@pytest.fixture
def home(kit: Kit, cartref_home: Path) -> Iterator[Path]:
    """Pack v1 installed and the test key trusted; afterwards, nothing may have changed."""
    install_template(kit, cartref_home)
    before = snapshot(cartref_home)
    assert installed_kb().is_file()
    yield cartref_home
    assert snapshot(cartref_home) == before, "a refused pack changed the installed state"
    assert verify_kb(installed_kb()) == []
    expected = (installed_kb().name, "installed.txt", "history.json", ".lock", "seals")
    leftovers = [p.name for p in paths.installed_kb_dir().iterdir() if p.name not in expected]
    assert leftovers == [], f"temporary files left behind: {leftovers}"


def refused(path: Path, reason: str, **kwargs: Any) -> PackProblem:
    with pytest.raises(PackProblem) as info:
        apply_pack(path, **kwargs)
    problem = info.value
    assert problem.reason == reason, f"{problem.reason}: {problem}"
    message = str(problem)
    assert "\n" not in message and message.endswith((".", ")")) and len(message) < 300, message
    return problem


def test_bad_signature(home: Path, kit: Kit, tmp_path: Path) -> None:
    def sneak(manifest: dict[str, Any]) -> None:
        manifest["changelog"]["en"] = "Nothing to see here."

    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, tamper_after_signing=sneak)
    message = str(refused(pack, "bad-signature"))
    assert "signature does not match" in message
    with pytest.raises(PackProblem, match="signature does not match"):
        verify_pack(pack)


def test_altered_file_with_altered_manifest_breaks_the_signature(home: Path, kit: Kit, tmp_path: Path) -> None:
    """A third party edits a number and re-lists its hash: the signature no longer covers it."""

    def edit(files: dict[str, bytes]) -> None:
        name = next(n for n in files if n.endswith("outcomes.csv"))
        files[name] = files[name].replace(b",", b";", 1)

    def relist(manifest: dict[str, Any]) -> None:
        _, files = read_pack(kit.v2)
        edit(files)
        manifest["files"] = file_list(files)

    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_files=edit, relist=False, tamper_after_signing=relist)
    refused(pack, "bad-signature")


def test_unknown_signer_is_not_a_bad_signature(home: Path, kit: Kit, tmp_path: Path) -> None:
    pack = craft(tmp_path / "p.cartpack", kit.stranger, kit.v2)
    message = str(refused(pack, "unknown-signer"))
    assert kit.stranger.public.fingerprint in message and "unknown key" in message


def test_malformed_signature_file(home: Path, kit: Kit, tmp_path: Path) -> None:
    _, files = read_pack(kit.v2)
    with zipfile.ZipFile(kit.v2) as zf:
        manifest_bytes = zf.read("manifest.json")
    pack = write_zip(tmp_path / "p.cartpack", [("manifest.json", manifest_bytes), ("signature", b"not json"), *files.items()])
    refused(pack, "bad-signature")


def test_missing_signature(home: Path, kit: Kit, tmp_path: Path) -> None:
    _, files = read_pack(kit.v2)
    pack = write_zip(tmp_path / "p.cartpack", list(files.items()))
    refused(pack, "unsigned")


@pytest.mark.parametrize("version", [V1, "2026.11.24", "2026.9.30", "2026.11.25.0"])
def test_downgrade_or_same_version_is_refused(home: Path, kit: Kit, tmp_path: Path, version: str) -> None:
    def set_version(manifest: dict[str, Any]) -> None:
        manifest["pack_version"] = version

    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_manifest=set_version)
    message = str(refused(pack, "downgrade"))
    assert version in message and V1 in message and "--allow-downgrade" in message


def test_versions_compare_as_numbers_not_text(kit: Kit, cartref_home: Path) -> None:
    """2026.12.1 is newer than 2026.11.25 although "2026.1" < "2026.11" as text."""
    install_template(kit, cartref_home)
    assert apply_pack(kit.v2).info.manifest.pack_version == V2


def test_wrong_schema(home: Path, kit: Kit, tmp_path: Path) -> None:
    def future(manifest: dict[str, Any]) -> None:
        manifest["schema_version"] = 99

    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_manifest=future)
    message = str(refused(pack, "schema"))
    assert "schema 99" in message and "update the program" in message


def test_unknown_pack_format_version(home: Path, kit: Kit, tmp_path: Path) -> None:
    def future(manifest: dict[str, Any]) -> None:
        manifest["format_version"] = 2

    refused(craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_manifest=future), "format")


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.05])
def test_truncated_zip(home: Path, kit: Kit, tmp_path: Path, cut: float) -> None:
    blob = kit.v2.read_bytes()
    pack = tmp_path / "p.cartpack"
    pack.write_bytes(blob[: int(len(blob) * cut)])
    assert "damaged or incomplete" in str(refused(pack, "corrupt"))


@pytest.mark.parametrize("content", [b"", b"hello, not a zip", bytes(range(256)) * 40])
def test_not_a_zip(home: Path, tmp_path: Path, content: bytes) -> None:
    pack = tmp_path / "p.cartpack"
    pack.write_bytes(content)
    refused(pack, "corrupt")


def test_corrupt_member_data(home: Path, kit: Kit, tmp_path: Path) -> None:
    """Flip bytes inside a compressed member: caught by CRC or hash, never applied."""
    blob = bytearray(kit.v2.read_bytes())
    with zipfile.ZipFile(kit.v2) as zf:
        info = max((i for i in zf.infolist() if i.filename.startswith("data/")), key=lambda i: i.compress_size)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(4):
        blob[start + info.compress_size // 2 + k] ^= 0xFF
    pack = tmp_path / "p.cartpack"
    pack.write_bytes(bytes(blob))
    with pytest.raises(PackProblem) as exc:
        apply_pack(pack)
    assert exc.value.reason in ("hash-mismatch", "corrupt")


@pytest.mark.parametrize("name", ["../x", "data/../../x", "data/../x", "data/./x", "data//x", "data\\..\\x", "data/a:b"])
def test_unsafe_path(home: Path, kit: Kit, tmp_path: Path, name: str) -> None:
    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_files=lambda f: f.__setitem__(name, b"owned"))
    message = str(refused(pack, "unsafe-path"))
    assert repr(name) in message or name in message
    assert not (tmp_path / "x").exists() and not (paths.user_dir().parent / "x").exists()


def test_a_backslash_name_is_refused_even_where_zipfile_turns_it_into_a_slash(home: Path, kit: Kit, tmp_path: Path) -> None:
    """On Windows, zipfile reads `data\\x` as `data/x`: the pack must be refused there as here."""

    def backslash_one(files: dict[str, bytes]) -> None:
        name = min(files)
        files[name.replace("/", "\\")] = files.pop(name)

    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_files=backslash_one, relist=False)
    assert "backslash" in str(refused(pack, "unsafe-path"))


@pytest.mark.parametrize("name", ["/etc/cartref-x", "C:/x", "c:x"])
def test_absolute_path(home: Path, kit: Kit, tmp_path: Path, name: str) -> None:
    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_files=lambda f: f.__setitem__(name, b"owned"))
    refused(pack, "unsafe-path")
    assert not Path("/etc/cartref-x").exists()


def _symlink(name: str, target: bytes) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (0o120777 & 0xFFFF) << 16
    return info, target


def test_symlink_entry(home: Path, kit: Kit, tmp_path: Path) -> None:
    info, target = _symlink("data/trials/link.csv", b"/etc/passwd")
    _, files = read_pack(kit.v2)
    files_with_link = dict(files)
    files_with_link["data/trials/link.csv"] = target

    def relist(manifest: dict[str, Any]) -> None:
        manifest["files"] = file_list(files_with_link)

    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_manifest=relist, extra_entries=[(info, target)])
    assert "link or special file" in str(refused(pack, "link"))


@pytest.mark.parametrize("mode", [0o040755, 0o010644, 0o060644])
def test_special_file_entries(home: Path, kit: Kit, tmp_path: Path, mode: int) -> None:
    info = zipfile.ZipInfo("data/odd")
    info.create_system = 3
    info.external_attr = (mode & 0xFFFF) << 16
    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, extra_entries=[(info, b"")])
    refused(pack, "link")


def test_directory_entry(home: Path, kit: Kit, tmp_path: Path) -> None:
    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, extra_entries=[("data/sub/", b"")])
    refused(pack, "unsafe-path")


def test_duplicate_names(home: Path, kit: Kit, tmp_path: Path) -> None:
    _, files = read_pack(kit.v2)
    name = next(iter(files))
    with pytest.warns(UserWarning, match="Duplicate name"):  # zipfile itself warns when writing
        pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, extra_entries=[(name, b"evil twin")])
    refused(pack, "unsafe-path")


def test_case_folded_duplicate_names(home: Path, kit: Kit, tmp_path: Path) -> None:
    def twin(files: dict[str, bytes]) -> None:
        name = next(n for n in files if n.endswith("kb.yaml"))
        files[name.upper().replace("DATA/", "data/")] = b"version: 9"

    refused(craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_files=twin), "unsafe-path")


def count_inflated(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Bytes the inflater produces for each zip member from now on, by member name.

    Counted at zlib, so bytes inflated and then refused (a failed checksum) count too."""
    inflated: dict[str, int] = {}
    opening: list[str] = [""]
    real_open = zipfile.ZipFile.open
    real_decompressobj = zlib.decompressobj

    class Counting:
        def __init__(self, name: str, inner: Any) -> None:
            self._name, self._inner = name, inner

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            out = self._inner.decompress(data, max_length)
            inflated[self._name] = inflated.get(self._name, 0) + len(out)
            return out

        def __getattr__(self, attr: str) -> Any:
            return getattr(self._inner, attr)

    def open_member(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opening[0] = name.filename if isinstance(name, zipfile.ZipInfo) else str(name)
        return real_open(self, name, *args, **kwargs)

    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        return Counting(opening[0], real_decompressobj(*args, **kwargs))

    monkeypatch.setattr(zipfile.ZipFile, "open", open_member)
    monkeypatch.setattr(zlib, "decompressobj", decompressobj)
    return inflated


def test_zip_bomb_fails_fast_before_inflating(home: Path, kit: Kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """300 MiB of zeros packed into ~300 KB: refused from the central directory alone."""
    bomb = tmp_path / "bomb.cartpack"
    zeros = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b"{}")
        zf.writestr("signature", b"{}")
        with zf.open("data/trials/outcomes.csv", "w", force_zip64=True) as fh:
            for _ in range(300):
                fh.write(zeros)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    inflated = count_inflated(monkeypatch)
    message = str(refused(bomb, "too-large"))
    assert "too large" in message
    assert "data/trials/outcomes.csv" not in inflated, "the bomb was refused only after inflating it"


def test_many_small_members_over_the_total_cap(home: Path, kit: Kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_TOTAL_UNCOMPRESSED", 64 * 1024)
    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_files=lambda f: f.update({f"data/pad/{i}.txt": bytes(20_000) for i in range(4)}))
    refused(pack, "too-large")


def _lie_about_size(pack: Path, name: str, declared: int) -> None:
    """Rewrite the uncompressed size of `name` in the central directory (a lying zip bomb)."""
    blob = bytearray(pack.read_bytes())
    raw = name.encode()
    at = 0
    while True:
        at = blob.index(b"PK\x01\x02", at)
        name_len = struct.unpack_from("<H", blob, at + 28)[0]
        if bytes(blob[at + 46 : at + 46 + name_len]) == raw:
            struct.pack_into("<I", blob, at + 24, declared)
            break
        at += 4
    pack.write_bytes(bytes(blob))


def test_lying_zip_bomb_stays_bounded(home: Path, kit: Kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A member that inflates to 50 MiB but declares 100 bytes: inflating stops within one read chunk."""
    small = b"x" * 100
    _, files = read_pack(kit.v2)
    name = "data/trials/outcomes.csv"
    files[name] = small

    def relist(manifest: dict[str, Any]) -> None:
        manifest["files"] = file_list(files)

    craft(tmp_path / "honest.cartpack", kit.key, kit.v2, edit_manifest=relist)
    with zipfile.ZipFile(tmp_path / "honest.cartpack") as zf:
        entries = [(n, zf.read(n)) for n in zf.namelist() if n != name]
    pack = tmp_path / "liar.cartpack"
    with zipfile.ZipFile(pack, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n, b in entries:
            zf.writestr(n, b)
        zf.writestr(name, small + b"y" * (50 * 1024 * 1024))
    _lie_about_size(pack, name, 100)
    inflated = count_inflated(monkeypatch)
    with pytest.raises(PackProblem) as exc:
        apply_pack(pack)
    assert exc.value.reason in ("hash-mismatch", "too-large")
    assert 0 < inflated[name] <= 100 + archive.CHUNK, f"{inflated[name]} bytes inflated"


def test_hash_mismatch(home: Path, kit: Kit, tmp_path: Path) -> None:
    def edit(files: dict[str, bytes]) -> None:
        name = next(n for n in files if n.endswith("outcomes.csv"))
        files[name] = files[name].replace(b"7", b"8", 1)

    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_files=edit, relist=False)
    message = str(refused(pack, "hash-mismatch"))
    assert "outcomes.csv" in message
    with pytest.raises(PackProblem, match="hash"):
        verify_pack(pack)


def test_file_not_in_manifest(home: Path, kit: Kit, tmp_path: Path) -> None:
    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, extra_entries=[("data/extra.yaml", b"x: 1")])
    assert "does not list" in str(refused(pack, "hash-mismatch"))


def test_file_missing_from_zip(home: Path, kit: Kit, tmp_path: Path) -> None:
    _, files = read_pack(kit.v2)
    listed = dict(files)

    def drop(f: dict[str, bytes]) -> None:
        f.pop(next(n for n in f if n.endswith("glossary.yaml")))

    def keep_listing(manifest: dict[str, Any]) -> None:
        manifest["files"] = file_list(listed)

    pack = craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_files=drop, edit_manifest=keep_listing)
    assert "missing" in str(refused(pack, "hash-mismatch"))


def test_content_that_fails_the_kb_checks(home: Path, kit: Kit, tmp_path: Path) -> None:
    """Signed, intact, but the data breaks a KB rule (a citation to nowhere): still refused."""

    def break_it(files: dict[str, bytes]) -> None:
        name = next(n for n in files if n.endswith("outcomes.csv"))
        lines = files[name].decode().splitlines()
        header = lines[0].split(",")
        row = lines[1].split(",")
        row[header.index("source_ids")] = "NOPE-1"
        files[name] = "\n".join([lines[0], ",".join(row), *lines[2:]]).encode() + b"\n"

    message = str(refused(craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_files=break_it), "content"))
    assert "NOPE-1" in message


def test_wrong_content_hash(home: Path, kit: Kit, tmp_path: Path) -> None:
    def wrong(manifest: dict[str, Any]) -> None:
        manifest["content_hash"] = hashlib.sha256(b"other").hexdigest()

    refused(craft(tmp_path / "p.cartpack", kit.key, kit.v2, edit_manifest=wrong), "hash-mismatch")


def _enospc(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    "target",
    [
        "desktop.content.build.build_kb",
        "desktop.packs.apply.copy_durable",
        "desktop.packs.apply.write_bytes_atomic",
        "desktop.packs.apply.fsync_file",
        "desktop.packs.archive._stream_member",
        "os.link",
    ],
)
def test_disk_full(home: Path, kit: Kit, monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    module, _, attr = target.rpartition(".")
    import importlib

    monkeypatch.setattr(importlib.import_module(module), attr, _enospc)
    if target == "os.link":
        # a full disk hits both the hard link and the copy it falls back to
        monkeypatch.setattr("desktop.packs.apply.copy_durable", _enospc)
    message = str(refused(kit.v2, "disk-full"))
    assert message == "There is not enough free disk space to apply the pack; the installed knowledge base is unchanged."
    assert len(load_history()) == 1


def test_a_pack_replaced_on_the_stick_after_verification_is_not_kept(home: Path, kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    """F23: the copy kept for `pack export` reads the path again; other bytes there (the file was
    replaced between the check and the copy) refuse the update instead of keeping junk."""
    from desktop.packs.apply import packs_dir

    real = apply_module.copy_durable

    def swapped_on_the_stick(src: Path, dst: Path) -> None:
        real(src, dst)
        dst.write_bytes(dst.read_bytes() + b"changed after the check")

    monkeypatch.setattr(apply_module, "copy_durable", swapped_on_the_stick)
    message = str(refused(kit.v2, "changed"))
    assert "changed while it was being applied" in message
    assert len(load_history()) == 1  # still the template's install: the KB is unchanged
    assert not (packs_dir() / f"{hashlib.sha256(kit.v2.read_bytes()).hexdigest()}.cartpack").exists()


def test_sqlite_disk_full_during_build(home: Path, kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    def full(*args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("desktop.content.build.build_kb", full)
    refused(kit.v2, "disk-full")


def test_cancel_before_the_swap(home: Path, kit: Kit) -> None:
    calls: list[str] = []

    def progress(stage: str, fraction: float) -> None:
        calls.append(stage)

    def cancel() -> bool:
        return "build" in calls

    assert "cancelled" in str(refused(kit.v2, "cancelled", progress=progress, cancel=cancel))


def test_pack_file_missing(home: Path, tmp_path: Path) -> None:
    refused(tmp_path / "nope.cartpack", "not-found")


def test_inspect_is_fast_and_checks_the_signature(home: Path, kit: Kit, tmp_path: Path) -> None:
    info = inspect_pack(kit.v2)
    assert info.manifest.pack_version == V2 and info.signer.name == "Test signer"
    with pytest.raises(PackProblem, match="unknown key"):
        inspect_pack(craft(tmp_path / "p.cartpack", kit.stranger, kit.v2))


def test_stored_member_crc_checked(home: Path, kit: Kit, tmp_path: Path) -> None:
    """Uncompressed members are hashed too (no decompressor to trip over)."""
    _, files = read_pack(kit.v2)
    with zipfile.ZipFile(kit.v2) as zf:
        head = [(n, zf.read(n)) for n in ("manifest.json", "signature")]
    name = next(n for n in files if n.endswith("outcomes.csv"))
    files[name] = files[name][:-5] + b"XXXXX"
    pack = write_zip(tmp_path / "p.cartpack", [*head, *files.items()], compress=zipfile.ZIP_STORED)
    refused(pack, "hash-mismatch")


def test_home_unchanged_helper_catches_changes(kit: Kit, cartref_home: Path) -> None:
    """The byte-for-byte check the other tests lean on really sees a swapped KB."""
    install_template(kit, cartref_home)
    before, v1 = snapshot(cartref_home), f"kb/{installed_kb().name}"
    apply_pack(kit.v2)
    after, v2 = snapshot(cartref_home), f"kb/{installed_kb().name}"
    assert before["kb/installed.txt"] != after["kb/installed.txt"] and v2 not in before
    assert after[f"kb/{previous_kb().name}"] == before[v1]
    shutil.rmtree(cartref_home / "kb")
    assert v1 not in snapshot(cartref_home)


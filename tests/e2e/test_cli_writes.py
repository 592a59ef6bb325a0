"""Writes that cannot lie and command lines that fail cleanly: review F13-F18, F21, F22.

Run in-process through `desktop.cli.main` (as the fuzzer does), with CARTREF_HOME private."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest

from desktop import paths
from desktop.userdata import bookmarks, db, feedback
from tests.e2e.test_cli_fuzz import run_cli
from tests.helpers.fsfaults import fill, small_tmpfs


def _device(tmp: Path) -> Path:
    node = tmp / "null-device"
    if not hasattr(os, "mknod"):
        pytest.skip("device nodes are POSIX")
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return node


OUTPUT_COMMANDS = [
    ["feedback", "export", "{}"],
    ["handout", "warning-signs", "--out", "{}"],
    ["pack", "export", "{}"],
    ["pack", "build", "--data", "nowhere", "--key", "nokey", "--version", "1.0", "--out", "{}"],
    ["kb", "build", "--data", "nowhere", "--out", "{}"],
    ["pack", "keygen", "--out", "{}"],
]


@pytest.mark.parametrize("argv", OUTPUT_COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("kind", ["device", "fifo", "folder", "link-to-device"])
def test_an_output_that_is_a_device_a_pipe_or_a_folder_is_refused(argv: list[str], kind: str, tmp_path: Path) -> None:
    """F15: as root an atomic rename would replace the device node with a regular file."""
    target = tmp_path / kind
    if kind == "device":
        target = _device(tmp_path)
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("named pipes in the file system (FIFOs) are POSIX")
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:
        target.symlink_to(_device(tmp_path))
    before = os.lstat(target)
    code, out, err, elapsed = run_cli([a.replace("{}", str(target)) for a in argv])
    assert code == 2, (out, err)
    assert ("device or a pipe" in err) or ("folder" in err), err
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert elapsed < 5


def test_a_pdf_that_cannot_be_written_whole_is_not_reported_and_not_left(tmp_path: Path) -> None:
    """F14: a nearly full disk: exit 2 with the reason, never "(2 pages)", no file, no temporary."""
    with small_tmpfs(tmp_path / "m", "400k") as mnt:
        filler = fill(mnt)
        try:
            code, out, err, _ = run_cli(["handout", "warning-signs", "--out", str(mnt / "x.pdf")])
            assert code == 2 and "pages" not in out and "cannot write" in err, (out, err)
            assert sorted(p.name for p in mnt.iterdir()) == ["filler"]
        finally:
            filler.unlink()
        code, out, _err, _ = run_cli(["handout", "warning-signs", "--out", str(mnt / "x.pdf")])
        assert code == 0 and "page" in out
        data = (mnt / "x.pdf").read_bytes()
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]


def test_a_pdf_write_that_fails_part_way_removes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F14 without a mount: the disk fills during the write (ENOSPC from the write itself)."""
    import errno

    from desktop import fileio as atomic

    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    code, out, err, _ = run_cli(["handout", "warning-signs", "--out", str(tmp_path / "x.pdf")])
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert code == 2 and "No space left" in err and "page" not in out
    assert list(tmp_path.iterdir()) == []


def test_a_feedback_export_on_a_full_disk_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    conn = db.open_user_db()
    for i in range(50):
        feedback.record_no_results(conn, f"query {i} " + "x" * 200)
    conn.close()
    with small_tmpfs(tmp_path / "m", "64k") as mnt:
        filler = fill(mnt)
        try:
            code, _out, err, _ = run_cli(["feedback", "export", str(mnt / "f.json")])
            assert code == 2 and "No space left" in err, err
            assert sorted(p.name for p in mnt.iterdir()) == ["filler"]
        finally:
            filler.unlink()


def test_a_handout_name_that_is_not_utf8_is_refused_and_no_stray_pdf_is_left(tmp_path: Path) -> None:
    """F21: Qt would have written the patient's PDF to a differently named hidden file."""
    code, _out, err, _ = run_cli(["handout", "wallet-card", "--patient", "Li Wei", "--out",
                                  str(tmp_path / "\udcff.pdf")])
    assert code == 2 and "not valid text" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [
    ["show", "therapy", "\udcff"],
    ["centers", "--near", "\udcff"],
    ["centers", "--country", "\udcff"],
    ["search", "\udcff\udcfe"],
    ["handout", "warning-signs", "--out", "x.pdf", "--patient", "\udcff"],
    ["pack", "export", "/"],
    ["pack", "export", ""],
    ["pack", "keygen", "--out", "."],
    ["pack", "keygen", "--out", "/"],
    ["feedback", "export", "a\0b"],
    ["pack", "apply", "a\0b"],
    ["pack", "trust", "a\0b"],
], ids=repr)
def test_arguments_that_are_not_text_or_not_paths_fail_in_one_line(argv: list[str], tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """F16: exit 1 or 2 with one line, never 3."""
    monkeypatch.chdir(tmp_path)
    code, _out, err, _ = run_cli(argv)
    assert code in (1, 2), err
    assert "internal error" not in err and err.count("\n") == 1


def test_a_key_name_that_is_not_text_leaves_no_key_file(tmp_path: Path) -> None:
    """F16: `pack keygen --name $'\\xff'` used to leave a 0-byte private key behind."""
    code, _out, err, _ = run_cli(["pack", "keygen", "--out", str(tmp_path / "k"), "--name", "\udcff"])
    assert code == 2 and "UTF-8" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("when", ["9999-12-31", "9999-12-01", "0001-01-01", "1899-05-05"])
@pytest.mark.parametrize("name", ["journey", "recovery-calendar", "symptom-log", "wallet-card", "warning-signs"])
def test_infusion_dates_at_the_ends_of_the_calendar_are_refused(name: str, when: str, tmp_path: Path) -> None:
    """F17."""
    code, _out, err, _ = run_cli(["handout", name, "--out", str(tmp_path / "x.pdf"), "--infusion-date", when])
    assert code == 2 and "not a plausible date" in err, err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("leuka", ["2016-01-10", "1996-01-10", "1926-01-10", "0001-01-01"])
def test_an_impossible_leukapheresis_span_is_refused_at_once(leuka: str, tmp_path: Path) -> None:
    """F18: these took 6 s, 39 s, over a minute and over 11 minutes."""
    code, _out, err, elapsed = run_cli(["handout", "recovery-calendar", "--out", str(tmp_path / "x.pdf"),
                                        "--infusion-date", "2026-01-10", "--leukapheresis-date", leuka])
    assert code == 2 and elapsed < 2, err
    assert "check the year" in err


def test_a_plausible_leukapheresis_date_still_prints(tmp_path: Path) -> None:
    code, out, err, _ = run_cli(["handout", "recovery-calendar", "--out", str(tmp_path / "x.pdf"),
                                 "--infusion-date", "2026-01-10", "--leukapheresis-date", "2025-11-20"])
    assert code == 0 and "page" in out, err


@pytest.fixture
def badjson_kb(tmp_path: Path) -> Path:
    kb = tmp_path / "bad.sqlite"
    shutil.copy(paths.bundled_kb_path(), kb)
    conn = sqlite3.connect(kb)
    conn.execute("UPDATE therapies SET source_ids='{bad'")
    conn.commit()
    conn.close()
    return kb


def test_a_malformed_json_column_is_reported_by_kb_verify(badjson_kb: Path) -> None:
    """F22: verify_kb promises never to raise for a bad file."""
    code, out, err, _ = run_cli(["kb", "verify", str(badjson_kb)])
    assert code == 2 and "not valid JSON" in out + err and "internal error" not in err


@pytest.mark.parametrize("argv", [["show", "therapy", "cilta-cel"],
                                  ["handout", "clinician-summary", "--out", "x.pdf"]])
def test_a_malformed_json_column_is_one_line_in_the_reading_commands(argv: list[str], badjson_kb: Path,
                                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _out, err, _ = run_cli([*argv, "--kb", str(badjson_kb)])
    assert code in (0, 1, 2) and "internal error" not in err, err


# -- the feedback commands and the user database (F10, F11, F13) ------------------------------

def test_feedback_clear_on_a_locked_file_is_one_line_and_keeps_the_file(cartref_home: Path) -> None:
    conn = db.open_user_db()
    feedback.record_no_results(conn, "kept")
    conn.close()
    holder = sqlite3.connect(cartref_home / "user.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _out, err, _ = run_cli(["feedback", "clear"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and "another program" in err and "internal error" not in err
    conn = db.open_user_db()
    assert len(feedback.list_feedback(conn)) == 1
    conn.close()


def test_feedback_on_a_newer_database_reads_but_never_changes_it(cartref_home: Path) -> None:
    conn = db.open_user_db()
    feedback.record_no_results(conn, "kept")
    conn.close()
    c = sqlite3.connect(cartref_home / "user.sqlite")
    c.execute(f"PRAGMA user_version={db.SCHEMA_VERSION + 1}")
    c.close()
    code, out, err, _ = run_cli(["feedback", "list"])
    assert code == 0 and "kept" in out and "newer version" in err
    code, _out, err, _ = run_cli(["feedback", "clear"])
    assert code == 2 and "newer version" in err
    assert not list(cartref_home.glob("*.corrupt-*"))


def test_feedback_list_on_a_damaged_file_says_what_was_kept(cartref_home: Path) -> None:
    """F10: the CLI used to move the file aside with exit 0 and no message."""
    conn = db.open_user_db()
    for i in range(5):
        bookmarks.add(conn, "article", f"a{i}", f"A{i}")
    conn.close()
    path = cartref_home / "user.sqlite"
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # page 1 after the header: the schema itself
    path.write_bytes(bytes(data))
    code, _out, err, _ = run_cli(["feedback", "list"])
    assert code == 0 and "damaged" in err and "kept as user.sqlite.corrupt-" in err


def test_two_cli_writers_and_a_window_reader_lose_nothing(cartref_home: Path) -> None:
    """The lock handling did not weaken concurrency: writers wait for each other, nothing lost."""
    db.open_user_db().close()
    errors: list[str] = []

    def write(n: int) -> None:
        conn = db.open_user_db()
        try:
            for i in range(100):
                feedback.record_no_results(conn, f"w{n}-{i}")
        except sqlite3.Error as exc:  # pragma: no cover - reported below
            errors.append(str(exc))
        finally:
            conn.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    conn = db.open_user_db()
    assert not errors and len(feedback.list_feedback(conn)) == 300, time.monotonic() - start
    conn.close()


def test_a_read_only_user_folder_stops_nothing_that_only_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F12: `installed_kb_dir()` no longer fails a lookup by trying to make kb/ (a read-only mount:
    root ignores file modes)."""
    from tests.helpers.fsfaults import remount_read_only

    with small_tmpfs(tmp_path / "m", "1m") as mnt:
        remount_read_only(mnt)
        monkeypatch.setenv("CARTREF_HOME", str(mnt))
        for argv in (["search", "crs"], ["show", "therapy", "cilta-cel"], ["kb", "info"], ["feedback", "list"],
                     ["handout", "warning-signs", "--out", str(tmp_path / "w.pdf")]):
            code, _out, err, _ = run_cli(argv)
            assert code == 0 and "Permission denied" not in err and "Read-only" not in err, (argv, err)
        code, _out, err, _ = run_cli(["feedback", "clear"])
        assert code == 2 and "cannot be changed" in err
        assert list(mnt.iterdir()) == []
